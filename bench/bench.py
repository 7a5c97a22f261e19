#!/usr/bin/env python3
"""Time artlint beside markdownlint-cli2 on generated article corpora.

    python bench/bench.py --sizes 1000,10000                    # built-in corpus generator
    python bench/bench.py --sizes 10000 --shape hugo              # the same articles as a Hugo site
    python bench/bench.py --sizes 1000,10000 --kit ../shared/bench   # the workplace's generator
    python bench/bench.py --sizes 1000 --tools artlint,artlint-warm  # only some tools

For each size it makes (or reuses) a Hugo-style corpus under --work, installs
markdownlint-cli2 with npm under --work/node when it is missing, runs every tool as a whole
process and prints a markdown table: wall time, CPU time, peak RSS, files per second, and the
ratio of artlint's wall time to markdownlint-cli2's. "artlint" is a first run (no cache yet),
"artlint-warm" a second run over an unchanged corpus with the cache of a first one,
"artlint-1file" one article checked as pre-commit checks it, with the cache of a run over the
whole corpus (the article unchanged since), "artlint-1file-edited" the same after a sentence
was added to the article (the article is restored afterwards), and "markdownlint-cli2-1file"
markdownlint-cli2 on that one article.

Standard library only. Measures, does not judge: compare tools only within one table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOLS = ("artlint", "artlint-warm", "artlint-1file", "artlint-1file-edited", "markdownlint-cli2", "markdownlint-cli2-1file")
MARKDOWNLINT = "markdownlint-cli2@0.24.1"
WORDS = (
    "研究 科学家 团队 实验 数据 结果 论文 模型 方法 技术 材料 细胞 基因 蛋白质 分子 宇宙 星系 气候 能量 芯片 算法 "
    "大脑 疾病 肿瘤 病毒 疫苗 药物 免疫 患者 临床 试验 样本 物种 进化 生态 植物 动物 发现 表明 揭示 提出 开发 "
    "测量 观测 分析 预测 验证 提高 降低 影响 控制 新型 重要 关键 显著 独特 复杂 高效 稳定 的 了 在 是 和 与 对"
).split()


# Every link of the generated corpus points at the benchmark's own server on 127.0.0.1, which
# link-local-address rightly reports (113,000 findings for 10,000 articles, none on a real
# site): left on, it would measure the reporting of a defect no real site has.
BENCH_CONFIG = """# the benchmark's project root
ignore = ["link-local-address"]
"""


def make_corpus(directory: Path, size: int, seed: int = 7) -> None:
    """A deterministic corpus of Chinese science-news articles with TOML front matter, links,
    images, DOIs, and the defects artlint looks for (stuffed links, doubled words, copies)."""
    rng = random.Random(seed)
    articles = []
    for index in range(size):
        year = 2015 + index % 10
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            sentence_count = rng.randint(3, 7)
            sentences = ["".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))) + "。" for _ in range(sentence_count)]
            text = "".join(sentences)
            if rng.random() < 0.3:
                text += f"详见[{rng.choice(WORDS)}](https://news.example.net/{rng.randint(1, 5000)}.html)。"
            paragraphs.append(text)
        if rng.random() < 0.3:
            for k in range(rng.randint(3, 8)):
                paragraphs[k % len(paragraphs)] += "[课程](http://edu.example.net/course_video/a1.html)"
        if rng.random() < 0.2:
            paragraphs.append(paragraphs[0])
        if rng.random() < 0.3:
            paragraphs.insert(2, f"![img](http://img.example.net/{rng.randint(1, 600)}.png)")
        paragraphs.append("## 参考文献\n\n" + "\n".join(
            f"{k + 1}. A. Author et al. doi:10.{rng.randint(1000, 9999)}/s{rng.randint(10000, 99999)}-{year}" for k in range(3)
        ))
        body = "\n\n".join(paragraphs)
        if index >= 20 and rng.random() < 0.05:
            body = articles[rng.randrange(index)][1].replace("。", "！", 3)
        title = "".join(rng.choice(WORDS) for _ in range(5))
        articles.append((title, body))
        path = directory / "content" / "posts" / str(year) / f"{year}-{index:06d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        front = f'+++\ntitle = "{title}"\ndate = {year}-0{1 + index % 9}-1{index % 9}\ntags = ["{rng.choice(WORDS)}"]\n+++\n\n'
        path.write_text(front + body + "\n", encoding="utf-8")


HUGO_CONFIG = """baseURL = "https://bench.example.org/"
title = "bench"
defaultContentLanguage = "en"

[languages.en]
weight = 1
[languages.zh]
weight = 2

[permalinks]
posts = "/:year/:month/:slug/"
"""


def make_hugo_site(directory: Path, size: int, seed: int = 7) -> None:
    """The articles of `make_corpus` as a Hugo site, so that the site model is paid for as on a
    real one: hugo.toml with two languages, one flat section holding every post (a folder
    listing per page kind is what went quadratic once), every third post a leaf bundle with an
    image resource and a `figure` shortcode, every fifth translated (`name.zh.md`), `ref`
    shortcodes with fragments between posts, and section pages (`_index.md`)."""
    make_corpus(directory, size, seed)
    posts = directory / "content" / "posts"
    articles = sorted(posts.rglob("*.md"))
    flat = []
    for index, path in enumerate(articles):
        slug = path.stem
        text = path.read_text(encoding="utf-8")
        if index % 3 == 0:
            bundle = posts / slug
            bundle.mkdir(parents=True, exist_ok=True)
            (bundle / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
            target = bundle / "index.md"
            text += '\n{{< figure src="cover.png" alt="cover" >}}\n'
        else:
            target = posts / f"{slug}.md"
        if index:
            text += f'\n参见[上一篇]({{{{< ref "/posts/{flat[-1]}#参考文献" >}}}})。\n'
        target.write_text(text, encoding="utf-8")
        if index % 5 == 0:
            target.with_name(target.stem + ".zh.md").write_text(text, encoding="utf-8")
        flat.append(slug)
        path.unlink()
    for folder in sorted(posts.iterdir()):
        if folder.is_dir() and folder.name.isdigit() and not any(folder.iterdir()):
            folder.rmdir()
    (posts / "_index.md").write_text('+++\ntitle = "Posts"\n+++\n\nAll posts.\n', encoding="utf-8")
    (directory / "content" / "_index.md").write_text('+++\ntitle = "Home"\n+++\n\nWelcome.\n', encoding="utf-8")
    (directory / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")


def ensure_corpus(work: Path, size: int, kit: Path | None, existing: Path | None = None, shape: str = "articles") -> Path:
    if shape == "hugo":
        directory = work / f"corpus-hugo-n{size}"
        if not (directory / ".complete").exists():
            shutil.rmtree(directory, ignore_errors=True)
            print(f"[bench] generating a Hugo site of {size} articles in {directory}", file=sys.stderr)
            make_hugo_site(directory, size)
            (directory / "artlint.toml").write_text(BENCH_CONFIG, encoding="utf-8")
            (directory / ".complete").write_text("ok", encoding="utf-8")
        return directory
    if existing is not None and (existing / f"n{size}" / "content").is_dir():
        directory = existing / f"n{size}"
        config = directory / "artlint.toml"
        if not config.exists():  # the project root for corpus rules; the kit's link-check copies left out
            config.write_text('extend-exclude = ["linkcheck"]\n', encoding="utf-8")
        return directory
    directory = work / f"corpus-{'kit' if kit else 'builtin'}-n{size}"
    if (directory / ".complete").exists():
        return directory
    shutil.rmtree(directory, ignore_errors=True)
    print(f"[bench] generating {size} articles in {directory}", file=sys.stderr)
    if kit:
        subprocess.run([sys.executable, str(kit / "make_corpus.py"), "-n", str(size), "--out", str(directory), "--force"],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(directory / "linkcheck", ignore_errors=True)  # copies for link checkers only
    else:
        make_corpus(directory, size)
    (directory / "artlint.toml").write_text(BENCH_CONFIG, encoding="utf-8")
    (directory / ".complete").write_text("ok", encoding="utf-8")
    return directory


def ensure_markdownlint(work: Path) -> Path | None:
    binary = work / "node" / "node_modules" / ".bin" / "markdownlint-cli2"
    if binary.exists():
        return binary
    if shutil.which("npm") is None:
        print("[bench] npm not found: markdownlint-cli2 skipped", file=sys.stderr)
        return None
    (work / "node").mkdir(parents=True, exist_ok=True)
    print(f"[bench] installing {MARKDOWNLINT} with npm", file=sys.stderr)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", str(work / "node"), MARKDOWNLINT],
                   check=True)
    return binary


# An installed artlint has its modules compiled to bytecode; with PYTHONDONTWRITEBYTECODE set
# (as some development shells do) every run compiles them again: a one-file run measured 1.18 s
# instead of 0.35 s that way.
_TOOL_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def measure(command: list[str], cwd: Path) -> dict:
    """Wall and CPU seconds and peak RSS of one run of a command (GNU time when present)."""
    gnu_time = Path("/usr/bin/time")
    started = time.perf_counter()
    if gnu_time.exists():
        completed = subprocess.run([str(gnu_time), "-f", "%e %U %S %M", *command], cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, env=_TOOL_ENV)
        wall = time.perf_counter() - started
        _, user, system, rss_kb = completed.stderr.strip().splitlines()[-1].split()
        return {"wall": wall, "cpu": float(user) + float(system), "rss_mb": int(rss_kb) / 1024, "exit": completed.returncode}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_TOOL_ENV)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "rss_mb": after.ru_maxrss / 1024, "exit": completed.returncode}


def artlint_command() -> list[str]:
    found = shutil.which("artlint")
    return [found] if found else [sys.executable, "-m", "artlint"]


def tools(markdownlint: Path | None, corpus: Path, jobs: int | None) -> dict[str, tuple[list[str], callable]]:
    jobs_args = ["--jobs", str(jobs)] if jobs else []
    base = artlint_command() + ["check", "--offline", "--quiet", "--fail-on", "never", *jobs_args]
    one_file = next((corpus / "content").rglob("*.md"))
    original = one_file.read_bytes()
    edits = iter(range(1, 1_000_000))

    def forget():  # a first run, as a user's: no cache yet (it is written during the run)
        shutil.rmtree(corpus / ".artlint_cache", ignore_errors=True)

    def warm():
        one_file.write_bytes(original)
        subprocess.run(base + ["content"], cwd=corpus, stdout=subprocess.DEVNULL, env=_TOOL_ENV)

    def warm_then_edit():
        warm()
        one_file.write_bytes(original + f"\nOne more sentence, edit {next(edits)}.\n".encode("utf-8"))

    result = {
        "artlint": (base + ["content"], forget, None),
        "artlint-warm": (base + ["content"], warm, None),
        "artlint-1file": (base + [str(one_file)], warm, None),
        "artlint-1file-edited": (base + [str(one_file)], warm_then_edit, lambda: one_file.write_bytes(original)),
    }
    if markdownlint is not None:
        result["markdownlint-cli2"] = ([str(markdownlint), "content/**/*.md"], None, None)
        result["markdownlint-cli2-1file"] = ([str(markdownlint), str(one_file)], None, None)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=1, help="runs per tool and size; the median is shown")
    parser.add_argument("--tools", default="", help="comma list of: " + ", ".join(TOOLS))
    parser.add_argument("--kit", type=Path, help="folder of the workplace's benchmark kit (its make_corpus.py)")
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--corpora", type=Path, help="reuse corpora made earlier: DIR/n1000, DIR/n10000, ...")
    parser.add_argument("--jobs", type=int, help="artlint --jobs (default: the number of cores)")
    parser.add_argument("--shape", choices=("articles", "hugo"), default="articles",
                        help="articles: a folder of articles (or the kit's or --corpora corpus); hugo: the same articles "
                             "as a two-language Hugo site with bundles, translations and ref shortcodes (the site model's cost)")
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    wanted = {name for name in args.tools.split(",") if name}
    markdownlint = ensure_markdownlint(args.work) if not wanted or any(name.startswith("markdownlint") for name in wanted) else None
    rows = []
    for size in (int(n) for n in args.sizes.split(",")):
        corpus = ensure_corpus(args.work, size, args.kit, args.corpora, args.shape)
        files = sum(1 for _ in (corpus / "content").rglob("*.md"))
        chosen = {name: tool for name, tool in tools(markdownlint, corpus, args.jobs).items() if not wanted or name in wanted}
        runs: dict[str, list[dict]] = {name: [] for name in chosen}
        # Rounds outside, tools inside: the tools take turns, so a machine that gets busier or
        # quieter during the benchmark weighs on each of them alike.
        for round_number in range(1, args.runs + 1):
            for name, (command, prepare, restore) in chosen.items():
                try:
                    if prepare:
                        prepare()
                    run = measure(command, corpus)
                finally:
                    if restore:
                        restore()
                runs[name].append(run)
                print(f"[bench] round {round_number} {name} n={files}: {run['wall']:.2f} s wall, "
                      f"{run['cpu']:.2f} s CPU, {run['rss_mb']:.0f} MB", file=sys.stderr)
        for name, measured in runs.items():
            measured.sort(key=lambda run: run["wall"])
            middle = measured[len(measured) // 2]
            spread = f"{measured[0]['wall']:.2f}–{measured[-1]['wall']:.2f}"
            rows.append({"tool": name, "files": 1 if name.endswith("-1file") or name.endswith("-edited") else files,
                         "corpus": files, "spread": spread, "runs": measured, **middle})
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


def print_table(rows: list[dict]) -> None:
    print("| tool | corpus | files checked | wall s (median) | wall s (min–max) | CPU s | peak RSS MB | files/s | wall / markdownlint-cli2 on the same files |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    reference = {(row["corpus"], row["files"]): row["wall"] for row in rows if row["tool"].startswith("markdownlint-cli2")}
    for row in rows:
        base = reference.get((row["corpus"], row["files"]))
        ratio = f"{row['wall'] / base:.2f}" if base else "—"
        rate = row["files"] / row["wall"] if row["wall"] else 0
        print(f"| {row['tool']} | {row['corpus']:,} | {row['files']:,} | {row['wall']:.2f} | {row['spread']} | {row['cpu']:.2f} | "
              f"{row['rss_mb']:.0f} | {rate:,.0f} | {ratio} |")


if __name__ == "__main__":
    sys.exit(main())

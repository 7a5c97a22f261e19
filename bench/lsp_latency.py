"""How long `artlint server` takes from a change to its diagnostics.

Starts `python -m artlint server` in a generated project (one ~3,000-word article and some
other articles for the corpus rules), opens the article, warms up, then sends --changes edits
(one word replaced mid-article, as a keystroke would) --pause seconds apart, and times each
from writing the didChange to reading the publishDiagnostics for its version. A pause longer
than the debounce delay means each change is checked at once (the server checks a change
after a rest immediately); --burst sends the changes without a pause instead, which measures
the debounce: one check after the last keystroke.

    python bench/lsp_latency.py [--changes 30] [--pause 0.5] [--words 3000] [--burst]

Prints the load average (other work on the machine slows every figure), then the median,
the spread (min, 10th and 90th percentiles, max) and the interquartile range in ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from lsp_client import Client  # noqa: E402  (beside the tests, which use it too)

WORDS = (
    "sleep memory brain study researchers found that the participants who slept after learning "
    "recalled more words than those who stayed awake during night hours while signals in the "
    "hippocampus replayed patterns seen during the day and the cortex stored them for later use"
).split()


def article(words: int, seed: int = 19) -> str:
    random.seed(seed)
    lines = ["---", 'title: "How sleep shapes memory"', "date: 2024-03-01", "tags: [science, sleep]", "---", ""]
    written = 0
    section = 0
    while written < words:
        if written % 400 == 0:
            section += 1
            lines += [f"## Part {section}", ""]
        sentence = " ".join(random.choice(WORDS) for _ in range(random.randint(8, 18)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        if random.random() < 0.15:
            sentence += f" See [the study {written}](https://example.org/studies/{written}?utm_source=feed)."
        if random.random() < 0.05:
            sentence += " 研究人员发现睡眠有助于记忆 😀."
        lines += [sentence, ""]
        written += len(sentence.split())
    return "\n".join(lines) + "\n"


def other(number: int) -> str:
    random.seed(number)
    body = " ".join(random.choice(WORDS) for _ in range(300))
    return f'---\ntitle: "Other article {number}"\ndate: 2024-01-{number % 28 + 1:02d}\n---\n\n{body}.\n'


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between changes (default 0.5)")
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--others", type=int, default=50, help="other articles in the project (default 50)")
    parser.add_argument("--burst", action="store_true", help="send the changes without pauses: time the debounced check")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="artlint-lsp-bench-") as folder:
        root = Path(folder)
        (root / "artlint.toml").write_text("", encoding="utf-8")
        content = root / "content"
        content.mkdir()
        for number in range(args.others):
            (content / f"other-{number}.md").write_text(other(number), encoding="utf-8")
        text = article(args.words)
        path = content / "article.md"
        path.write_text(text, encoding="utf-8")
        print(f"article: {len(text.split())} words, {len(text):,} characters; {args.others} other articles")
        print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

        client = Client(root, env={"XDG_CACHE_HOME": str(root / ".user-cache")})
        started = time.perf_counter()
        client.initialize(root)
        uri = client.open(path, text)
        client.diagnostics(uri, version=1, timeout=60)
        print(f"start and first diagnostics: {(time.perf_counter() - started) * 1000:.0f} ms")
        lines = text.split("\n")
        target = next(index for index in range(len(lines) // 2, len(lines)) if len(lines[index]) > 20)

        def change(version: int) -> None:
            word = WORDS[version % len(WORDS)]
            old = lines[target].split(" ", 1)[0]
            lines[target] = word.capitalize() + lines[target][len(old) :]
            client.change(uri, version, edit=({"start": {"line": target, "character": 0}, "end": {"line": target, "character": len(old)}}, word.capitalize()))

        version = 1
        for _ in range(5):  # warm-up: the corpus index, caches, the first parse of each kind
            version += 1
            after = client.count
            change(version)
            client.diagnostics(uri, after, version=version, timeout=60)
            time.sleep(args.pause)

        times = []
        if args.burst:
            for _ in range(args.changes):
                after = client.count
                for _ in range(5):  # five keystrokes 30 ms apart
                    version += 1
                    change(version)
                    sent = time.perf_counter()
                    time.sleep(0.03)
                index, _ = client.diagnostics(uri, after, version=version, timeout=60)
                times.append((client.notifications[index][0] - sent) * 1000)
                time.sleep(args.pause)
        else:
            for _ in range(args.changes):
                version += 1
                after = client.count
                sent = time.perf_counter()
                change(version)
                index, _ = client.diagnostics(uri, after, version=version, timeout=60)
                times.append((client.notifications[index][0] - sent) * 1000)
                time.sleep(args.pause)
        client.close()
        print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

    what = "last keystroke of a burst -> diagnostics" if args.burst else "didChange -> publishDiagnostics"
    print(f"{what}, {len(times)} changes, ms:")
    print(
        f"  median {statistics.median(times):.1f}  min {min(times):.1f}  p10 {percentile(times, 0.1):.1f}"
        f"  p90 {percentile(times, 0.9):.1f}  max {max(times):.1f}"
        f"  IQR {percentile(times, 0.75) - percentile(times, 0.25):.1f}"
    )
    print(f"  cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

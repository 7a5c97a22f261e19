"""A run's findings are kept packed by file and made one file at a time as the report is
written (artlint.runfindings): the reports are those of the whole list, sorted, in every
format, whether the findings were checked, replayed from the cache or judged across files,
and the calling process does not hold them all as objects."""

from __future__ import annotations

import gc
import io
import json
import os
from pathlib import Path

import pytest
from helpers import write

from artlint import __version__
from artlint.config import parse_config, tomllib
from artlint.engine import run
from artlint.findings import Finding
from artlint.reporters import FORMATS, ReportSettings, write_report
from artlint.reporters import sarif_report as sarif
from artlint.results import RunResult
from artlint.rules import all_rules
from artlint.runfindings import RunFindings, pack, unpack
from artlint.safetext import json_escaped

CONFIG = """select = ["ALL"]
ignore = ["duplicate-sentence"]
"""

REPOST = """+++
title = "Deep sleep helps memory"
date = {date}
+++

Researchers found that deep sleep helps to consolidate memory. The study enrolled forty
volunteers, who slept in the laboratory for three nights. The team recorded their brain waves
and tested every morning what they remembered of the material learnt the day before. The
longer the deep sleep, the better the scores. The team thinks that the finding may help older
people keep their memory, and plans a larger study next year.

Why would sleep help? One view is that the brain replays the day's events while we sleep, and
that every replay makes the memory a little stronger. Another view is that sleep weakens the
weak connections made during the day, so that the strong ones stand out. The new study cannot
yet tell the two views apart, but the volunteers who slept longest also showed the most replay
in their brain waves, which the authors say fits the first view better. Sleep researchers who
were not involved in the work called it careful and well designed, and asked whether the same
effect would be seen at home, away from the wires and the noise of a laboratory.
"""


def _project(root: Path) -> Path:
    """Findings of every kind: several a line, fixes, corpus findings (a re-post, a shared
    title, one suppressed on its file), suppressions used and unused, a link out of the folder."""
    files: dict[str, str | bytes] = {
        "artlint.toml": CONFIG,
        "content/a-first.md": REPOST.format(date="2024-03-01"),
        "content/b-repost.md": REPOST.format(date="2024-04-01"),
        "content/c-repost-suppressed.md": "<!-- artlint-disable-file near-duplicate-article, duplicate-title -->\n"
        + REPOST.format(date="2024-05-01"),
        "content/d-links.md": "---\ntitle: Links\ndate: 2021-02-30  # artlint-disable-line front-matter-invalid-date\n---\n\n"
        "See [here](http://example.com/x) and [here](http://example.com/y), the the words, http://example.com/z.\n"
        "<!-- artlint-disable-next-line link-empty -->\nNothing empty here.\n"
        "![](http://127.0.0.1/a.png) [local](http://127.0.0.1:8080/b) <https://127.0.0.1/c>\n",
        "content/e-unreadable.md": b"\xff\xfe\x00broken",
        "content/f-no-front-matter.md": "Plain text with a [link](missing.md) and ** unclosed.\n",
        "content/g/中文.md": "---\ntitle: 中文\n---\n\n这是是一个测试，，看看。\n",
    }
    for number in range(60):  # enough files for the workers, each with findings on one line
        files[f"content/many/{number:03d}.md"] = f"---\ntitle: Note {number}\n---\n\n[a](http://127.0.0.1/{number}) [b](http://127.0.0.1/{number}b)\n"
    write(root, files)
    outside = root.parent / f"{root.name}-outside.md"
    outside.write_text("# Elsewhere\n", encoding="utf-8")
    os.symlink(outside, root / "content" / "link-out.md")
    return root


def _config(root: Path):
    config = parse_config(tomllib.loads(CONFIG), root / "artlint.toml")
    config.online = False
    return config


def _run(root: Path, use_cache: bool, snippets: bool = True, jobs: int = 2) -> RunResult:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return run(["content"], _config(root), jobs=jobs, use_cache=use_cache, snippets=snippets, streamed=True)
    finally:
        os.chdir(cwd)


PLAIN = ReportSettings(color=False)


def _report(name: str, result: RunResult, settings: ReportSettings = PLAIN) -> str:
    stream = io.StringIO()
    write_report(name, result, stream, settings)
    text = stream.getvalue()
    return text.replace(text[text.find("generated ") : text.find(" UTC") + 4], "") if name == "html" else text


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _project(tmp_path / "site")


@pytest.mark.parametrize("cache", ["none", "cold", "warm", "files only"])
def test_streamed_reports_are_the_reports_of_the_sorted_list(project: Path, cache: str) -> None:
    if cache in ("warm", "files only"):
        _run(project, use_cache=True)
    if cache == "files only":  # the per-file entries, not the whole run's: corpus findings judged again
        for database in (project / ".artlint_cache").glob("*.sqlite3"):
            import sqlite3

            with sqlite3.connect(database) as db:
                db.execute("DELETE FROM files WHERE key LIKE 'run|%'")
    streamed = _run(project, use_cache=cache != "none")
    assert isinstance(streamed.findings, RunFindings)
    findings = list(streamed.findings)
    assert findings == sorted(findings, key=Finding.sort_key)
    rules = {finding.rule for finding in findings}
    assert {"near-duplicate-article", "duplicate-title", "link-local-address", "unused-suppression", "file-outside-root"} <= rules
    assert "front-matter-invalid-date" not in rules and "link-empty" not in rules  # suppressed
    assert not any(finding.path.endswith("c-repost-suppressed.md") and finding.rule == "duplicate-title" for finding in findings)
    whole = RunResult(findings, streamed.files_checked, streamed.elapsed, streamed.rules)
    for name in FORMATS:
        assert _report(name, streamed) == _report(name, whole), name
    for settings in (ReportSettings(quiet=True), ReportSettings(statistics=True), ReportSettings(color=True)):
        assert _report("text", streamed, settings) == _report("text", whole, settings)


def test_a_warm_run_reads_each_files_findings_from_its_entry(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import artlint.document as document

    expected = list(_run(project, use_cache=True, jobs=1).findings)
    parsed: list[str] = []
    real = document.parse_document
    monkeypatch.setattr(document, "parse_document", lambda path, *args, **kwargs: parsed.append(path) or real(path, *args, **kwargs))
    assert list(_run(project, use_cache=True, jobs=1).findings) == expected  # the unreadable file's from the run's entry
    assert parsed == []
    [database] = (project / ".artlint_cache").glob("*.sqlite3")
    with sqlite3.connect(database) as db:  # an entry gone (or of another kind) is no answer: the run is judged again
        db.execute("UPDATE files SET findings = x'90' WHERE key LIKE '%b-repost.md|%'")
    assert list(_run(project, use_cache=True, jobs=1).findings) == expected
    assert "content/b-repost.md" in parsed


def test_json_and_sarif_written_item_by_item_are_one_json_dump_of_the_document(project: Path) -> None:
    result = _run(project, use_cache=False)
    findings = list(result.findings)
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[str(finding.severity)] += 1
    document = {
        "version": 1,
        "tool": {"name": "artlint", "version": __version__},
        "findings": [finding.to_dict() for finding in findings],
        "summary": {
            "files": result.files_checked,
            "findings": len(findings),
            "by_severity": counts,
            "by_rule": dict(sorted({rule: sum(1 for f in findings if f.rule == rule) for rule in {f.rule for f in findings}}.items())),
            "elapsed_seconds": round(result.elapsed, 3),
        },
    }
    assert _report("json", result) == json_escaped(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
    rules = list(all_rules().values())
    index = {rule.name: number for number, rule in enumerate(rules)}
    whole = sarif._document([sarif._result(finding, index) for finding in findings], [sarif._rule_descriptor(rule) for rule in rules])
    assert _report("sarif", result) == json_escaped(json.dumps(whole, ensure_ascii=False, indent=2)) + "\n"


def test_a_run_without_findings_writes_empty_lists(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": CONFIG, "content/ok.md": "---\ntitle: Fine\ndate: 2024-01-01\n---\n\nAll good.\n"})
    result = _run(tmp_path, use_cache=False)
    assert json.loads(_report("json", result))["findings"] == []
    assert '"findings": [],' in _report("json", result)
    assert '"results": []' in _report("sarif", result)
    assert _report("text", result).startswith("\nNo findings in 1 file")


def test_source_lines_are_read_again_for_every_finding_but_the_links_out(project: Path) -> None:
    for use_cache in (True, True, False):  # cold, then replayed from the cache; and without it
        findings = list(_run(project, use_cache=use_cache).findings)
        for finding in findings:
            if finding.rule in ("file-outside-root", "file-unreadable"):
                assert finding.snippet is None
            else:
                lines = (project / finding.path).read_text(encoding="utf-8").splitlines()
                assert finding.snippet == lines[finding.line - 1], finding
    assert all(finding.snippet is None for finding in _run(project, use_cache=False, snippets=False).findings)


def test_pack_keeps_every_field_and_sorts() -> None:
    from artlint.findings import Edit, Fix, Related, Severity

    findings = [
        Finding("a.md", 3, 1, 3, 4, "z-rule", Severity.INFO, "later", url="https://x"),
        Finding("a.md", 1, 2, 1, 9, "a-rule", Severity.ERROR, "first \udcff", (Related("b.md", 2, 3, "there"),), fix=Fix("drop", (Edit(1, 2, 1, 9, ""),), False)),
    ]
    assert unpack("a.md", pack(findings)) == sorted(findings, key=Finding.sort_key)
    assert [f.fix for f in unpack("a.md", pack(findings))] == [findings[1].fix, None]
    assert pack([]) == b"" and unpack("a.md", b"") == []


def test_the_calling_process_holds_the_findings_packed_and_reports_one_file_at_a_time(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"artlint.toml": 'select = ["link-local-address", "duplicate-title"]\n'}
    for number in range(200):  # 20 findings a file, 4,000 in all
        links = " ".join(f"[x](http://127.0.0.1/{number}/{link})" for link in range(20))
        files[f"content/{number:03d}.md"] = f"---\ntitle: Same title\n---\n\n{links}\n"
    write(tmp_path, files)
    gc.collect()
    before = _live_findings()
    result = _run(tmp_path, use_cache=False, jobs=1)  # checked in this process: nothing hides in a worker
    gc.collect()
    held = _live_findings() - before
    assert held <= 200, held  # the corpus findings (one a file), not the 4,200 findings
    counts = []

    class Counting(io.StringIO):
        def write(self, text: str) -> int:
            if len(counts) < 400:
                counts.append(_live_findings() - before)
            return super().write(text)

    write_report("json", result, Counting(), ReportSettings())
    assert counts and max(counts) <= 200 + 21 + 5, max(counts)  # the corpus findings, one file's and a few in hand


def _live_findings() -> int:
    return sum(1 for thing in gc.get_objects() if type(thing) is Finding)

"""Fixture files with their expected findings written beside the text.

A line that carries ``expect: RULE[, RULE...]`` (in an HTML comment, or after ``#`` inside
front matter) must get exactly those findings; ``<!-- expect-at: LINE RULE -->`` names a line
that cannot carry a comment (a JSON front matter line, a front matter fence). Nothing else
may be reported by the rule under test.

Beside each fixture, a snapshot (`<fixture>.snap`) holds every finding in full: place, rule,
severity, message, related places and fix. The comments say what the author meant; the
snapshot catches every other change (a message reworded, a column moved, a fix lost). After a
change on purpose, rewrite them and read the diff:

    ARTLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_rule_fixtures.py
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from artlint.config import Config, parse_config, tomllib
from artlint.engine import run
from artlint.paths import display_path

# Rule names: kebab-case, and `pack.rule` for the user rules of style packs.
EXPECT = re.compile(r"expect:\s*([a-z0-9.-]+(?:\s*,\s*[a-z0-9.-]+)*)")
EXPECT_AT = re.compile(r"expect-at:\s*(\d+)\s+([a-z0-9.-]+(?:\s*,\s*[a-z0-9.-]+)*)")


def expected_findings(path: Path, display: str) -> Counter:
    expected: Counter = Counter()
    text = path.read_bytes().decode("utf-8")
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        for match in EXPECT_AT.finditer(line):
            for rule in re.split(r"\s*,\s*", match.group(2)):
                expected[(display, int(match.group(1)), rule)] += 1
        for match in EXPECT.finditer(line):
            if line[max(0, match.start() - 3) : match.start()].endswith("-at"):
                continue
            for rule in re.split(r"\s*,\s*", match.group(1)):
                expected[(display, number, rule)] += 1
    return expected


def fixture_config(target: Path, rule: str) -> Config:
    config_file = target / "artlint.toml" if target.is_dir() else target.with_suffix(".toml")
    if config_file.is_file():
        config = parse_config(tomllib.loads(config_file.read_text("utf-8")), config_file)
    else:
        config = Config(root=target if target.is_dir() else target.parent)
    config.select = [rule]
    config.project = target if target.is_dir() else target.parent
    return config


def check_fixture(target: Path, rule: str) -> tuple[Counter, Counter, list[str], str]:
    """(expected, actual, messages, snapshot text) for a fixture file or folder."""
    files = sorted(target.rglob("*.md")) if target.is_dir() else [target]
    expected: Counter = Counter()
    for file in files:
        expected += expected_findings(file, display_path(file))
    result = run([str(target)], fixture_config(target, rule), use_cache=False)
    actual = Counter((f.path, f.line, f.rule) for f in result.findings)
    messages = [f"{f.path}:{f.line}:{f.column} {f.rule} {f.message}" for f in result.findings]
    return expected, actual, messages, snapshot(result.findings, target if target.is_dir() else target.parent)


def snapshot_path(target: Path) -> Path:
    return target.with_name(target.name + ".snap")


def compare_with_snapshot(target: Path, snapshot: str) -> None:
    path = snapshot_path(target)
    if os.environ.get("ARTLINT_UPDATE_SNAPSHOTS") == "1":
        path.write_text(snapshot, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {path.name}: run ARTLINT_UPDATE_SNAPSHOTS=1 python -m pytest {os.environ.get('PYTEST_CURRENT_TEST', '').split('::')[0]}"
    assert snapshot == path.read_text(encoding="utf-8"), f"{path.name} differs (rewrite it with ARTLINT_UPDATE_SNAPSHOTS=1 and read the diff)"


def snapshot(findings: list, base: Path) -> str:
    """Every finding in full, one block each, paths relative to `base`."""
    lines = []
    for f in findings:
        path = Path(f.path).resolve().relative_to(base.resolve()).as_posix()
        lines.append(f"{path}:{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.rule} {f.severity}: {f.message}")
        for related in f.related:
            where = Path(related.path).resolve().relative_to(base.resolve()).as_posix()
            lines.append(f"    related {where}:{related.line}:{related.column}: {related.message}")
        if f.fix is not None:
            lines.append(f"    fix ({f.fix.applicability}): {f.fix.description}")
            for edit in f.fix.edits:
                lines.append(f"        {edit.line}:{edit.column}-{edit.end_line}:{edit.end_column} -> {edit.replacement!r}")
    return "\n".join(lines) + "\n" if lines else ""

"""The typography rules on files that are not articles: bounded time, bounded findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import artlint, cpu_limit, cpu_seconds, write

from artlint.rules.typography._text import MOST_FINDINGS

HOSTILE = {
    "commas": "中," * 200_000,  # a finding at every mark: the first thousand are reported
    "boundaries": "a中" * 200_000,
    "openers": "（" * 200_000,  # thousands of brackets in a paragraph: data, not read
    "quotes": "“" * 100_000 + "\n\n" + "”" * 100_000,
    "repeats": "，，" * 200_000,
}


@pytest.mark.parametrize("body", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_line_is_checked_quickly_with_few_findings(tmp_path: Path, body: str) -> None:
    write(tmp_path, {"a.md": body + "\n"})
    started = cpu_seconds()
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "typography", ".", cwd=tmp_path, timeout=120)
    elapsed = cpu_seconds() - started
    findings = json.loads(out)["findings"]
    assert elapsed < cpu_limit(20), f"{elapsed:.1f} s of CPU"
    assert len(findings) <= 4 * (MOST_FINDINGS + 1), err
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
    assert all(count <= MOST_FINDINGS + 1 for count in by_rule.values()), by_rule

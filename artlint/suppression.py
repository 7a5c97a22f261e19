"""Suppression comments in articles, as markdownlint users know them.

    <!-- artlint-disable-next-line RULE[, RULE] -->
    <!-- artlint-disable-line RULE -->
    <!-- artlint-disable RULE -->  ...  <!-- artlint-enable RULE -->
    <!-- artlint-disable-file RULE -->

No rule named means every rule. Comments inside code are not directives.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator

from artlint.findings import Finding
from artlint.lazyre import lazy

ALL = "*"
_DIRECTIVE_OPEN = lazy(r"<!--\s*artlint-(disable-next-line|disable-line|disable-file|disable|enable)\b")


@dataclass
class Suppressions:
    file_rules: set[str] = field(default_factory=set)
    line_rules: dict[int, set[str]] = field(default_factory=dict)
    # (rule, first line, last line or None while still open)
    ranges: list[tuple[str, int, int | None]] = field(default_factory=list)
    _spans: dict | None = field(default=None, init=False, repr=False, compare=False)  # see _merged_spans

    def suppresses(self, rule: str, line: int) -> bool:
        if ALL in self.file_rules or rule in self.file_rules:
            return True
        on_line = self.line_rules.get(line)
        if on_line and (ALL in on_line or rule in on_line):
            return True
        return self._in_range(ALL, line) or self._in_range(rule, line)

    def _in_range(self, name: str, line: int) -> bool:
        if self._spans is None:
            self._spans = _merged_spans(self.ranges)
        starts, ends = self._spans.get(name, ((), ()))
        index = bisect_right(starts, line) - 1
        return index >= 0 and line <= ends[index]

    def __bool__(self) -> bool:
        return bool(self.file_rules or self.line_rules or self.ranges)


def unsuppressed(findings: list[Finding], suppressions: Suppressions | None) -> list[Finding]:
    """The findings that the file's directives do not suppress."""
    if not suppressions:
        return findings
    return [finding for finding in findings if not suppressions.suppresses(finding.rule, finding.line)]


def parse_suppressions(text: str, source_line_of, is_code) -> Suppressions:
    """Read the directives of a document. `source_line_of(offset)` gives 1-based lines;
    `is_code(offset)` tells whether an offset lies in code, where comments are only text."""
    result = Suppressions()
    open_ranges: dict[str, list[int]] = {}  # rule -> indices of its open ranges in result.ranges
    if "artlint-" not in text:
        return result
    for start, end, action, argument in _directives(text):
        if is_code(start):
            continue
        names = {name for name in re.split(r"[\s,]+", argument.strip()) if name} or {ALL}
        line = source_line_of(start)
        end_line = source_line_of(end)
        if action == "disable-file":
            result.file_rules |= names
        elif action == "disable-next-line":
            result.line_rules.setdefault(end_line + 1, set()).update(names)
        elif action == "disable-line":
            for covered in range(line, end_line + 1):
                result.line_rules.setdefault(covered, set()).update(names)
        elif action == "disable":
            for name in names:
                open_ranges.setdefault(name, []).append(len(result.ranges))
                result.ranges.append((name, line, None))
        else:
            _close(result, names, line, open_ranges)
    return result


def _directives(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, action, the text after the action) of each directive comment. Its "-->" is
    found with str.find: when there is none, no later comment closes either (the regex
    `<!--...(.*?)-->` searched to the end of the text again from every directive)."""
    position = 0
    while opening := _DIRECTIVE_OPEN.search(text, position):
        closing = text.find("-->", opening.end())
        if closing < 0:
            return
        yield opening.start(), closing + 3, opening.group(1), text[opening.end() : closing]
        position = closing + 3


def _close(result: Suppressions, names: set[str], line: int, open_ranges: dict[str, list[int]]) -> None:
    """End the open ranges of `names` (of every rule for ALL) at `line`. Only the open ranges
    are visited: walking all of them at each enable was quadratic."""
    closing = list(open_ranges) if ALL in names else [name for name in names if name in open_ranges]
    for name in closing:
        for index in open_ranges.pop(name):
            rule, first, _ = result.ranges[index]
            result.ranges[index] = (rule, first, line)


def _merged_spans(ranges: list[tuple[str, int, int | None]]) -> dict[str, tuple[list[int], list[float]]]:
    """{rule: (starts, ends)} of its suppressed lines, merged and sorted, so that each finding
    is looked up by bisection (scanning every range for every finding was quadratic)."""
    by_rule: dict[str, list[tuple[int, float]]] = {}
    for rule, first, last in ranges:
        by_rule.setdefault(rule, []).append((first, math.inf if last is None else last))
    spans = {}
    for rule, pairs in by_rule.items():
        starts: list[int] = []
        ends: list[float] = []
        for start, end in sorted(pairs):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        spans[rule] = (starts, ends)
    return spans

"""Suppression comments in articles, as markdownlint users know them.

    <!-- artlint-disable-next-line RULE[, RULE] -->
    <!-- artlint-disable-line RULE -->
    <!-- artlint-disable RULE -->  ...  <!-- artlint-enable RULE -->
    <!-- artlint-disable-file RULE -->

No rule named means every rule. Comments inside code are not directives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from artlint.lazyre import lazy

ALL = "*"
_DIRECTIVE = lazy(
    r"<!--\s*artlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->", re.S
)


@dataclass
class Suppressions:
    file_rules: set[str] = field(default_factory=set)
    line_rules: dict[int, set[str]] = field(default_factory=dict)
    # (rule, first line, last line or None while still open)
    ranges: list[tuple[str, int, int | None]] = field(default_factory=list)

    def suppresses(self, rule: str, line: int) -> bool:
        if ALL in self.file_rules or rule in self.file_rules:
            return True
        on_line = self.line_rules.get(line)
        if on_line and (ALL in on_line or rule in on_line):
            return True
        for name, first, last in self.ranges:
            if (name == ALL or name == rule) and first <= line and (last is None or line <= last):
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.file_rules or self.line_rules or self.ranges)


def parse_suppressions(text: str, source_line_of, is_code) -> Suppressions:
    """Read the directives of a document. `source_line_of(offset)` gives 1-based lines;
    `is_code(offset)` tells whether an offset lies in code, where comments are only text."""
    result = Suppressions()
    if "artlint-" not in text:
        return result
    for match in _DIRECTIVE.finditer(text):
        if is_code(match.start()):
            continue
        action = match.group(1)
        names = {name for name in re.split(r"[\s,]+", match.group(2).strip()) if name} or {ALL}
        line = source_line_of(match.start())
        end_line = source_line_of(match.end())
        if action == "disable-file":
            result.file_rules |= names
        elif action == "disable-next-line":
            result.line_rules.setdefault(end_line + 1, set()).update(names)
        elif action == "disable-line":
            for covered in range(line, end_line + 1):
                result.line_rules.setdefault(covered, set()).update(names)
        elif action == "disable":
            result.ranges.extend((name, line, None) for name in names)
        else:
            _close(result, names, line)
    return result


def _close(result: Suppressions, names: set[str], line: int) -> None:
    closed = []
    for name, first, last in result.ranges:
        if last is None and (name in names or ALL in names):
            closed.append((name, first, line))
        else:
            closed.append((name, first, last))
    result.ranges = closed

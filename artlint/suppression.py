"""Suppression comments in articles, as markdownlint users know them.

    <!-- artlint-disable-next-line RULE[, RULE] -->
    <!-- artlint-disable-line RULE -->
    <!-- artlint-disable RULE -->  ...  <!-- artlint-enable RULE -->
    <!-- artlint-disable-file RULE -->

Inside YAML or TOML front matter, a `#` comment is a directive too:

    date: 2021-02-30  # artlint-disable-line front-matter-invalid-date

No rule named means every rule. Comments inside code are not directives.

Each directive is kept with its place (`Directive`), and which of its rules it suppressed a
finding of is marked as the findings go through `unsuppressed`, in every phase of a run
(document, corpus and network rules): the rule `unused-suppression` reports the others.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, NamedTuple

from artlint.findings import Finding
from artlint.lazyre import lazy

ALL = "*"
_ACTIONS = r"(disable-next-line|disable-line|disable-file|disable|enable)"
_DIRECTIVE_OPEN = lazy(r"<!--\s*artlint-" + _ACTIONS + r"\b")
# After the `#` of a comment in YAML or TOML front matter.
_HASH_DIRECTIVE = lazy(r"[ \t]*artlint-" + _ACTIONS + r"\b")
_NAME = lazy(r"[^\s,]+")
OPEN = 0  # the last line of a range that no enable closes


class Place(NamedTuple):
    """A span of the file: 1-based lines, columns in code points, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class Directive(NamedTuple):
    """One suppression comment, where it is, and what removing it or a rule of it deletes."""

    action: str
    names: tuple[str, ...]  # the rules named, in order; (ALL,) when none is
    first: int  # the first line it covers
    lasts: tuple[int, ...]  # the last line it covers, for each name (OPEN: to the end of the file)
    place: Place  # the comment
    removal: Place  # what deleting the whole directive deletes (its line, when it is alone on it)
    names_span: Place | None  # from the first name to the end of the last (None when none is named)
    separator: str  # between the names, as written

    def covers(self, index: int) -> tuple[int, float]:
        last = self.lasts[index]
        return self.first, (math.inf if last == OPEN else last)


@dataclass
class Suppressions:
    file_rules: set[str] = field(default_factory=set)
    line_rules: dict[int, set[str]] = field(default_factory=dict)
    # (rule, first line, last line or None while still open)
    ranges: list[tuple[str, int, int | None]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    # (index of a directive, rule name or ALL) that suppressed a finding
    used: set[tuple[int, str]] = field(default_factory=set)
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
        return bool(self.file_rules or self.line_rules or self.ranges or self.directives)

    def mark_used(self, suppressed: Iterable[Finding]) -> None:
        """Mark the directives (and which of their rules) that cover these suppressed findings.
        One bisection per rule of a directive: a file of many directives and many findings
        stays linear, as `suppresses` does."""
        lines_by_rule: dict[str, list[int]] = {}
        every: list[int] = []
        for finding in suppressed:
            lines_by_rule.setdefault(finding.rule, []).append(finding.line)
            every.append(finding.line)
        if not every:
            return
        every.sort()
        for lines in lines_by_rule.values():
            lines.sort()
        for index, directive in enumerate(self.directives):
            if directive.action == "enable":
                continue
            for position, name in enumerate(directive.names):
                if (index, name) in self.used:
                    continue
                lines = every if name == ALL else lines_by_rule.get(name, [])
                if not lines:
                    continue
                first, last = directive.covers(position)
                at = bisect_left(lines, first)
                if at < len(lines) and lines[at] <= last:
                    self.used.add((index, name))


def unsuppressed(findings: list[Finding], suppressions: Suppressions | None) -> list[Finding]:
    """The findings that the file's directives do not suppress; the directives that suppress
    the others are marked used."""
    if not suppressions:
        return findings
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        (suppressed if suppressions.suppresses(finding.rule, finding.line) else kept).append(finding)
    if suppressed:
        suppressions.mark_used(suppressed)
    return kept


def parse_suppressions(
    text: str,
    source_line_of: Callable[[int], int],
    is_code: Callable[[int], bool],
    position: Callable[[int], tuple[int, int]] | None = None,
    hash_comments: tuple[int, int] | None = None,
) -> Suppressions:
    """Read the directives of a document. `source_line_of(offset)` gives 1-based lines, and
    `position(offset)` (line, column); `is_code(offset)` tells whether an offset lies in code,
    where comments are only text. `hash_comments`, the offsets of YAML or TOML front matter,
    is where `# artlint-...` comments are directives too."""
    result = Suppressions()
    open_ranges: dict[str, list[int]] = {}  # rule -> indices of its open ranges in result.ranges
    if "artlint-" not in text:
        return result
    if position is None:
        position = _position_from(text, source_line_of)
    found = [(start, end, action, argument, argument_start) for start, end, action, argument, argument_start in _directives(text) if not is_code(start)]
    if hash_comments is not None:
        found += _hash_directives(text, *hash_comments)
        found.sort()
    # the directive made by each range (a range closes at its rule's next enable)
    range_owner: list[tuple[int, int]] = []
    for start, end, action, argument, argument_start in found:
        named = _names(argument, argument_start)
        names = tuple(dict.fromkeys(name for name, _ in named)) or (ALL,)
        line = source_line_of(start)
        end_line = source_line_of(max(end - 1, start))
        first, last = line, end_line
        unique = set(names)
        if action == "disable-file":
            result.file_rules |= unique
            first, last = 1, OPEN
        elif action == "disable-next-line":
            result.line_rules.setdefault(end_line + 1, set()).update(unique)
            first = last = end_line + 1
        elif action == "disable-line":
            for covered in range(line, end_line + 1):
                result.line_rules.setdefault(covered, set()).update(unique)
        elif action == "disable":
            last = OPEN
            for index, name in enumerate(names):
                open_ranges.setdefault(name, []).append(len(result.ranges))
                result.ranges.append((name, line, None))
                range_owner.append((len(result.directives), index))
        else:
            _close(result, set(names), line, open_ranges)
        result.directives.append(_directive(text, position, action, names, first, last, start, end, named))
    for index, (_, _, closed) in enumerate(result.ranges):
        if closed is not None:
            owner, at = range_owner[index]
            directive = result.directives[owner]
            lasts = list(directive.lasts)
            lasts[at] = closed
            result.directives[owner] = directive._replace(lasts=tuple(lasts))
    return result


def _names(argument: str, offset: int) -> list[tuple[str, int]]:
    """(name, offset in the text) of each rule named."""
    return [(match.group(), offset + match.start()) for match in _NAME.finditer(argument)]


def _directive(text, position, action, names, first, last, start, end, named) -> Directive:
    place = Place(*position(start), *position(end))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if not before.strip() and not after.strip():  # alone on its line(s): the lines go
        removal = Place(*position(line_start), *position(line_end + 1 if line_end < len(text) else line_end))
    else:  # after text on its line: the blanks before it go too
        removal = Place(*position(start - (len(before) - len(before.rstrip(" \t")))), *position(end))
    names_span = None
    separator = ", "
    if named:
        first_name, first_offset = named[0]
        last_name, last_offset = named[-1]
        names_span = Place(*position(first_offset), *position(last_offset + len(last_name)))
        if len(named) > 1:
            separator = text[first_offset + len(first_name) : named[1][1]]
    lasts = (last,) * len(names)
    return Directive(action, names, first, lasts, place, removal, names_span, separator)


def _position_from(text: str, source_line_of: Callable[[int], int]) -> Callable[[int], tuple[int, int]]:
    def position(offset: int) -> tuple[int, int]:
        return source_line_of(offset), offset - (text.rfind("\n", 0, offset) + 1) + 1

    return position


def _hash_directives(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, str, int]]:
    """The `# artlint-...` comments of front matter between the offsets `start` and `end`:
    (start, end, action, the text after the action, where that text starts)."""
    position = start
    while position < end:
        line_end = text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        line = text[position:line_end]
        if "artlint-" in line:
            comment = _comment_start(line)
            if comment >= 0:
                match = _HASH_DIRECTIVE.match(line, comment + 1)
                if match:
                    yield position + comment, line_end, match.group(1), line[match.end() :], position + match.end()
        position = line_end + 1


def _comment_start(line: str) -> int:
    """Where the `#` comment of a YAML or TOML line starts, outside quoted strings; -1 if none."""
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        index += 1
    return -1


def _directives(text: str) -> Iterator[tuple[int, int, str, str, int]]:
    """(start, end, action, the text after the action, where it starts) of each directive
    comment. Its "-->" is
    found with str.find: when there is none, no later comment closes either (the regex
    `<!--...(.*?)-->` searched to the end of the text again from every directive)."""
    position = 0
    while opening := _DIRECTIVE_OPEN.search(text, position):
        closing = text.find("-->", opening.end())
        if closing < 0:
            return
        yield opening.start(), closing + 3, opening.group(1), text[opening.end() : closing], opening.end()
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

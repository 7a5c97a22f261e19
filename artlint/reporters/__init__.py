"""Reporters turn a run's findings into text, JSON, SARIF or GitHub annotations.

A reporter knows findings and rule metadata (names, summaries, docs), never a rule's logic.

A reporter reads the findings once, in order, and writes each as it comes: a run keeps them
packed until then and makes them one file at a time (artlint.runfindings), so that a site of
100,000 articles is reported without holding its million findings. What the report says about
them all (the summary, the counts) is counted as they pass (`Tally`) and written after them;
the HTML report, whose overview comes first, keeps the text of its data and the counts only.
"""

from __future__ import annotations

import importlib
import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from artlint.findings import Finding, Severity
from artlint.safetext import json_escaped

if TYPE_CHECKING:
    from artlint.results import RunResult

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True)
class ReportSettings:
    quiet: bool = False
    statistics: bool = False
    color: bool | None = None  # None: decide from the stream and the environment (wants_colour)


def wants_colour(stream, choice: bool | None = None) -> bool:
    """Whether to write in colour: as `--color` says (`choice`), else not when `NO_COLOR` is
    set, always when `FORCE_COLOR` is (both non-empty), else on a terminal that is not dumb."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def write_report(name: str, result: "RunResult", stream: TextIO, settings: ReportSettings) -> "Tally":
    """Write the report; returns the findings counted (the exit code follows from them)."""
    module = importlib.import_module(f"artlint.reporters.{name}_report")
    blocks = _Blocks(stream)
    tally = Tally(result.findings)
    try:
        module.write(replace(result, findings=tally), blocks, settings)
    finally:
        blocks.write_out()
    tally.finish()
    return tally


class Tally:
    """A run's findings as a reporter reads them: in order, and counted as they pass. The
    counts are there once the findings have been read through; reading them again reads the
    run's findings again, not counted twice."""

    def __init__(self, findings: Iterable[Finding]):
        self._findings = findings
        self._read = False
        self._complete = False
        self._kinds: Counter[tuple[str, Severity]] = Counter()  # (rule, severity) -> findings
        self.safe_fixes = 0
        self.unsafe_fixes = 0

    def __iter__(self) -> Iterator[Finding]:
        if self._read:
            yield from self._findings
            return
        self._read = True
        yield from self._counted()

    def _counted(self) -> Iterator[Finding]:
        kinds = self._kinds
        kinds.clear()
        self.safe_fixes = self.unsafe_fixes = 0
        for finding in self._findings:
            kinds[finding.rule, finding.severity] += 1
            fix = finding.fix
            if fix is not None:
                if fix.safe:
                    self.safe_fixes += 1
                else:
                    self.unsafe_fixes += 1
            yield finding
        self._complete = True

    def finish(self) -> None:
        """Count them all, if the reporter stopped reading before the end."""
        if not self._complete:
            self._read = True
            for _ in self._counted():
                pass

    @property
    def total(self) -> int:
        return sum(self._kinds.values())

    @property
    def worst(self) -> Severity | None:
        """The highest severity of any finding; None when there is none."""
        return max((severity for _, severity in self._kinds), default=None)

    def severity_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for (_, severity), count in self._kinds.items():
            counts[str(severity)] += count
        return {name: counts.get(name, 0) for name in ("error", "warning", "info")}

    def rule_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for (rule, _), count in self._kinds.items():
            counts[rule] += count
        return dict(sorted(counts.items()))


def tally_of(result: "RunResult") -> Tally:
    """The findings of the result counted: as the reporter read them, or read now."""
    findings = result.findings
    if isinstance(findings, Tally):
        findings.finish()
        return findings
    tally = Tally(findings)
    tally.finish()
    return tally


class _Blocks:
    """What a reporter writes, passed on in writes of about 64 KB. A stream may be unbuffered
    (PYTHONUNBUFFERED, common in containers), and then every small write is a system call:
    json.dump made 7,865 of them for 177 findings, the text report one per line (56,642 at
    10,000 articles). `flush()` passes everything on at once (rich flushes after each print
    on a terminal); anything else (isatty, encoding) is the stream's own."""

    SIZE = 1 << 16

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.SIZE:
            self.write_out()
        return len(text)

    def write_out(self) -> None:
        if self.parts:
            self.stream.write("".join(self.parts))
            self.parts, self.size = [], 0

    def flush(self) -> None:
        self.write_out()
        self.stream.flush()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def severity_counts(result: "RunResult") -> dict[str, int]:
    """Findings by severity (once the reporter has read them through)."""
    return tally_of(result).severity_counts()


def rule_counts(result: "RunResult") -> dict[str, int]:
    """Findings by rule, by name (once the reporter has read them through)."""
    return tally_of(result).rule_counts()


def write_json(document: object, stream: TextIO) -> None:
    """The document as indented JSON, Chinese as it is, every control character escaped."""
    stream.write(json_escaped(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


_ITEMS = "@artlint: the items written one by one@"  # stands for them where the document holds them
_END = object()


def write_json_items(document: Callable[[list, bool], object], items: Iterator[object], stream: TextIO) -> None:
    """What `write_json(document(list(items), True))` writes, each item written as it comes.
    The document is made around a placeholder list twice: before the items are read
    (`document(placeholder, False)`, of which only the text before them is used) and after
    (`document(placeholder, True)`: the text after them, which may count them). An item's own
    lines are indented as deep as it is in the document: the same text as one json.dumps."""
    first = next(items, _END)
    if first is _END:  # "[]", not an opening and a closing bracket
        write_json(document([], True), stream)
        return
    before = _json_text(document([_ITEMS], False)).partition(json.dumps(_ITEMS))[0]
    indent = "\n" + before[before.rfind("\n") + 1 :]
    stream.write(json_escaped(before))
    item, separator = first, ""
    while item is not _END:
        stream.write(separator + json_escaped(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", indent)))
        item, separator = next(items, _END), "," + indent
    stream.write(json_escaped(_json_text(document([_ITEMS], True)).partition(json.dumps(_ITEMS))[2]) + "\n")


def _json_text(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)

"""Findings: what a rule reports, located in a file."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return _NAMES[self]

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]


SEVERITY_NAMES = ("error", "warning", "info")
_NAMES = {severity: severity.name.lower() for severity in Severity}


@dataclass(frozen=True)
class Related:
    """Another place a finding refers to ("first defined here")."""

    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from (line, column) up to (end_line, end_column), exclusive, by
    `replacement`. Positions as in findings: 1-based, columns in code points, so that an edit
    means the same on the file as written (CRLF, BOM) as on the text artlint parsed. A line
    end inside the range is the file's own (CR LF stays CR LF); a "\n" in `replacement` is
    written as the file's line end."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "replacement": self.replacement,
        }

    def __reduce__(self):
        # The default pickling of a slots dataclass looks its fields up per object: slow for
        # the tens of thousands of findings a warm run reads back from the cache.
        return (Edit, (self.line, self.column, self.end_line, self.end_column, self.replacement))


@dataclass(frozen=True)
class Fix:
    """How to repair a finding: edits applied together or not at all. An unsafe fix may change
    what the text means (dropping a word the author may have doubled on purpose); `--fix`
    applies it only with `--unsafe-fixes`."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"

    def to_dict(self) -> dict[str, object]:
        return {
            "description": self.description,
            "applicability": self.applicability,
            "edits": [edit.to_dict() for edit in self.edits],
        }


@dataclass(frozen=True)
class Diagnostic:
    """What a rule returns: a message at a place in the document it was given.

    Lines and columns are 1-based; `end_column` is the column just after the last character.
    """

    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    # A rule may rank one finding below the rule's configured severity, never above it.
    at_most: Severity | None = None


@dataclass(slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    related: tuple[Related, ...] = ()
    # The source line the finding starts on, for reporters that show it; not part of identity.
    snippet: str | None = field(default=None, compare=False)
    url: str | None = None  # the URL or DOI a network finding is about
    fix: Fix | None = field(default=None, compare=False)

    def __reduce__(self):
        return (Finding, tuple(getattr(self, name) for name in _FINDING_FIELDS))

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.url is not None:
            data["url"] = self.url
        if self.related:
            data["related"] = [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message} for r in self.related
            ]
        data["fix"] = self.fix.to_dict() if self.fix is not None else None
        return data


_FINDING_FIELDS = Finding.__slots__


def without_moot(findings: list[Finding]) -> list[Finding]:
    """The findings less those on text that another rule's finding deletes with its safe fix:
    a stuffed link's `http://` URL goes with the link that link-keyword-stuffing unlinks, so
    link-insecure does not report it too. Rules stay apart: they judge one document each, and
    only the fixes they offer decide here; a rule that is off or suppressed deletes nothing."""
    deletions: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for finding in findings:
        if finding.fix is not None and finding.fix.safe:
            for edit in finding.fix.edits:
                if not edit.replacement:
                    deletions.setdefault(finding.rule, []).append(((edit.line, edit.column), (edit.end_line, edit.end_column)))
    if not deletions:
        return findings
    # Per rule, the deletions by start, each with the furthest end of those starting before it:
    # a finding lies within one of them when the furthest reaching before its start covers it.
    reaches = {}
    for rule, spans in deletions.items():
        spans.sort()
        starts, furthest, ends = [], (0, 0), []
        for start, end in spans:
            furthest = max(furthest, end)
            starts.append(start)
            ends.append(furthest)
        reaches[rule] = (starts, ends)
    kept = []
    for finding in findings:
        start, end = (finding.line, finding.column), (finding.end_line, finding.end_column)
        moot = False
        for rule, (starts, ends) in reaches.items():
            if rule != finding.rule:
                index = bisect_right(starts, start) - 1
                if index >= 0 and ends[index] >= end:
                    moot = True
                    break
        if not moot:
            kept.append(finding)
    return kept

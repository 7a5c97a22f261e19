"""Findings: what a rule reports, located in a file."""

from __future__ import annotations

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
        return data

"""Reporters turn a run's findings into text, JSON, SARIF or GitHub annotations.

A reporter knows findings and rule metadata (names, summaries, docs), never a rule's logic.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from artlint.engine import RunResult

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True)
class ReportSettings:
    quiet: bool = False
    statistics: bool = False
    color: bool | None = None  # None: decide from the stream (terminal, NO_COLOR)


def write_report(name: str, result: "RunResult", stream: TextIO, settings: ReportSettings) -> None:
    module = importlib.import_module(f"artlint.reporters.{name}_report")
    module.write(result, stream, settings)


def severity_counts(result: "RunResult") -> dict[str, int]:
    counts = Counter(str(finding.severity) for finding in result.findings)
    return {name: counts.get(name, 0) for name in ("error", "warning", "info")}


def rule_counts(result: "RunResult") -> dict[str, int]:
    return dict(sorted(Counter(finding.rule for finding in result.findings).items()))

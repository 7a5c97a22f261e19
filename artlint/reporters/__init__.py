"""Reporters turn a run's findings into text, JSON, SARIF or GitHub annotations.

A reporter knows findings and rule metadata (names, summaries, docs), never a rule's logic.
"""

from __future__ import annotations

import importlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

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


def write_report(name: str, result: "RunResult", stream: TextIO, settings: ReportSettings) -> None:
    module = importlib.import_module(f"artlint.reporters.{name}_report")
    blocks = _Blocks(stream)
    try:
        module.write(result, blocks, settings)
    finally:
        blocks.write_out()


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
    counts = Counter(str(finding.severity) for finding in result.findings)
    return {name: counts.get(name, 0) for name in ("error", "warning", "info")}


def rule_counts(result: "RunResult") -> dict[str, int]:
    return dict(sorted(Counter(finding.rule for finding in result.findings).items()))


def write_json(document: object, stream: TextIO) -> None:
    """The document as indented JSON, Chinese as it is, every control character escaped."""
    stream.write(json_escaped(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")

"""What the pipeline hands on: the result of checking one file, and of a whole run.

A module of its own so that the engine, the result cache, the network phase and the reporters
share these types without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from artlint.findings import Finding
from artlint.suppression import Suppressions

if TYPE_CHECKING:
    from artlint.config import RuleSettings
    from artlint.network.probes import Probe
    from artlint.rules import Rule


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # corpus rule name -> facts
    suppressions: Suppressions | None = None
    # network rules' probes, made while the file was parsed: (rule settings, probes)
    probes: list[tuple[RuleSettings, list[Probe]]] = field(default_factory=list)
    digest: str = ""  # hash of the file's bytes ("" when it could not be read)
    kind: str = "check"  # "check" (findings and facts) or "index" (corpus facts only)
    dependencies: list = field(default_factory=list)  # facts about other files (artlint.dependencies)


@dataclass
class RunResult:
    findings: list[Finding]
    files_checked: int
    elapsed: float
    rules: list[type[Rule]]  # every rule that ran on at least one file
    interrupted: bool = False  # Ctrl-C during the network checks: the findings so far
    # display path -> hash of the bytes its findings were computed from (source.content_digest);
    # `--fix` applies a file's fixes only to those bytes. Empty for a run answered whole from the cache.
    digests: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # a cache that failed, and so on: the run went on

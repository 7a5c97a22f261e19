"""What the pipeline hands on: the result of checking one file, and of a whole run; and the
steps of the pipeline that the result cache can answer (`Checker`).

A module of its own so that the engine, the result cache, the network phase and the reporters
share these types without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

from artlint.findings import Finding
from artlint.suppression import Suppressions

if TYPE_CHECKING:
    from artlint.config import RuleSettings
    from artlint.network.probes import Probe
    from artlint.rules import Rule
    from artlint.runfindings import RunFindings


@dataclass(slots=True)
class FileResult:
    # Slots: the calling process holds one for every file of a site until the corpus is judged
    # (a dictionary of attributes is 288 bytes more a file).
    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # corpus rule name -> facts
    suppressions: Suppressions | None = None
    # network rules' probes, made while the file was parsed: (rule settings, probes)
    probes: list[tuple[RuleSettings, list[Probe]]] = field(default_factory=list)
    digest: str = ""  # hash of the file's bytes ("" when it could not be read)
    signature: str = ""  # its stat signature when it was read, if one may stand for it (Source.signature)
    kind: str = "check"  # "check" (findings and facts) or "index" (corpus facts only)
    dependencies: list = field(default_factory=list)  # facts about other files (artlint.dependencies)
    # corpus rule name -> why its `collect` failed on this file (which is compared without those facts)
    collect_failures: dict[str, str] = field(default_factory=dict)
    # the findings as runfindings.pack packs them, once they are (then `findings` is empty): so
    # they come back from the workers, and so the run keeps them until they are reported
    packed: bytes = b""

    def __reduce__(self):
        # As Finding's: the default pickling of a slots dataclass looks its fields up one by one.
        return (FileResult, tuple(getattr(self, name) for name in _FILE_RESULT_FIELDS))


_FILE_RESULT_FIELDS = FileResult.__slots__


class SharedText:
    """The corpus facts of a run's files as the calling process keeps them until they are
    judged (the largest part of a run's memory: 26 MB at 10,000 articles): each short string
    (a front-matter key, a date, a language, a section) once for the whole run, each longer one
    once for its file (a title, a path that several rules keep), and sequences as tuples, as
    facts read back from the cache are. The facts arrive from other processes, or from the
    cache, with a string of their own for each. 25 % less, at 0.03 ms a file."""

    SHORT = 24  # characters: strings up to this long are shared across files

    def __init__(self) -> None:
        self._shared: dict[str, str] = {}

    def compact(self, results: Iterable[FileResult]) -> None:
        for result in results:
            if result.facts:
                mine: dict[str, str] = {}
                result.facts = {name: self._compacted(facts, mine) for name, facts in result.facts.items()}

    def _compacted(self, value: Any, mine: dict[str, str]) -> Any:
        kind = type(value)
        if kind is str:
            return self._shared.setdefault(value, value) if len(value) <= self.SHORT else mine.setdefault(value, value)
        if kind is tuple or kind is list:
            return tuple([self._compacted(item, mine) for item in value])
        return value


@dataclass
class RunResult:
    # in report order: a list, or a run's RunFindings, which make them one file at a time as
    # they are read (engine.run(streamed=True))
    findings: Iterable[Finding]
    files_checked: int
    elapsed: float
    rules: list[type[Rule]]  # every rule that ran on at least one file
    interrupted: bool = False  # Ctrl-C during the network checks: the findings so far
    # display path -> hash of the bytes its findings were computed from (source.content_digest);
    # `--fix` applies a file's fixes only to those bytes. Empty for a run answered whole from the cache.
    digests: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # a cache that failed, and so on: the run went on


@dataclass
class Checked:
    """What the offline part of a run found: every finding of the document and corpus rules, by
    file, and the results of the files checked (their probes are the network phase's work)."""

    findings: RunFindings
    results: list[FileResult]  # empty for a run answered whole from the cache
    warnings: list[str] = field(default_factory=list)


Arrived = Callable[[list[FileResult]], None]


class Checker(Protocol):
    """The steps of the pipeline, which the engine composes (engine.run) and the result cache
    answers where it can (cached_run.CachedChecker wraps the engine's own). `files` are
    (path, display path) pairs, as discovery gives them."""

    def check_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        """Each file checked with the document rules, its corpus facts collected; in order.
        `on_results` sees them as they arrive, in order, a file or a chunk at a time."""
        ...

    def index_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        """The corpus facts of files that were not named, to compare the named ones with."""
        ...

    def judge_corpus(self, results: list[FileResult], indexed: list[FileResult], checked: frozenset[str]) -> list[Finding]:
        """The corpus rules' findings on the files checked, judged with the indexed ones."""
        ...

    def whole_run(self, files: list[tuple[str, str]], checked: frozenset[str], pipeline: Callable[[], Checked]) -> Checked:
        """What `pipeline` finds for these files (checked and indexed), or an identical earlier run found."""
        ...

    @property
    def problems(self) -> list[str]:
        """Why part of the run went without a cache, once it is over."""
        ...

    def close(self) -> None: ...

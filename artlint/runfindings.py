"""A run's findings, held compact until they are reported, and read back one file at a time.

A site of 100,000 articles has more than a million findings. As objects (a dataclass each, with
its message, its fix and its source line) they took a gigabyte of the calling process before the
report was written. Here each file's own findings, those its check made, are one bytes value:
their rows, as the result cache stores them (no path, no source line), as MessagePack,
compressed — about 40 bytes a finding. They are packed where the file is checked (`pack`, in
the worker), so the calling process never holds them as objects, and the cache stores the
same bytes. Findings made later (by the corpus rules, the network rules, unused-suppression,
file-outside-root) are few and kept as objects, by file.

Reading a `RunFindings` makes the findings of one file at a time, in report order (path, then
line, column, rule and message, as `Finding.sort_key`): a reporter writes them and lets them go.
Each file's findings are sorted when packed, and the findings added later go after them among
equals, as one stable sort of the whole run's findings put them.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from artlint import plaindata
from artlint.findings import Edit, Finding, Fix, Related, Severity
from artlint.source import Source


def pack(findings: Iterable[Finding]) -> bytes:
    """One file's findings as bytes, sorted as a report lists them: b"" for none."""
    rows = [row(finding) for finding in sorted(findings, key=Finding.sort_key)]
    # Level 1: a third of the size of the rows (messages and fixes repeat within a file), at a
    # fraction of the cost of checking the file.
    return zlib.compress(plaindata.dumps(rows), 1) if rows else b""


def unpack(path: str, packed: bytes) -> list[Finding]:
    """The findings `pack` packed, on the file `path`."""
    if not packed:
        return []
    return findings_of(path, plaindata.loads(zlib.decompress(packed)))


def row(f: Finding) -> tuple:
    """A finding as plain data: no path (the file's, known where it is kept), no source line (read
    again when a report shows it)."""
    related = tuple((r.path, r.line, r.column, r.message) for r in f.related)
    fix = None
    if f.fix is not None:
        edits = tuple((e.line, e.column, e.end_line, e.end_column, e.replacement) for e in f.fix.edits)
        fix = (f.fix.description, f.fix.safe, edits)
    return (f.line, f.column, f.end_line, f.end_column, f.rule, int(f.severity), f.message, related, f.url, fix)


@lru_cache(maxsize=1)
def _severities() -> dict:
    return {int(severity): severity for severity in Severity}


def findings_of(path: str, rows, names: dict[str, str] | None = None) -> list[Finding]:
    """The findings of `row`s on the file `path`; `names` shares one string per rule name."""
    # One comprehension, no call per finding: a warm run over a site reads tens of thousands.
    severities = _severities()
    names = {} if names is None else names
    return [
        Finding(
            path, line, column, end_line, end_column, names.setdefault(rule, rule), severities[severity], message,
            _places(related) if related else (), None, url, _repair(fix) if fix else None,
        )
        for line, column, end_line, end_column, rule, severity, message, related, url, fix in rows
    ]


def _places(related) -> tuple[Related, ...]:
    return tuple([Related(*place) for place in related])


def _repair(fix) -> Fix:
    description, safe, edits = fix
    return Fix(description, tuple([Edit(*edit) for edit in edits]), safe)


class RunFindings:
    """Every finding of a run: each file's own, packed, and those added later, by file. Read
    (iterated) as often as wanted, one file at a time, in report order."""

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}
        self._added: dict[str, list[Finding]] = {}
        self._lines: Callable[[str], Source | None] | None = None
        self._unread: frozenset[str] = frozenset()

    def put(self, path: str, packed: bytes) -> None:
        """The packed findings of the file `path`'s own check."""
        if not packed:
            return
        if path in self._packed:  # one file met twice: both checks' findings, as a list of them had
            packed = pack(unpack(path, self._packed[path]) + unpack(path, packed))
        self._packed[path] = packed

    def add(self, findings: Iterable[Finding]) -> None:
        """Findings made after their files' checks, in the order a run makes them."""
        added = self._added
        for finding in findings:
            found = added.get(finding.path)
            if found is None:
                added[finding.path] = [finding]
            else:
                found.append(finding)

    def show_lines(self, lines: Callable[[str], Source | None], unread: Iterable[str] = ()) -> None:
        """Give each finding read from now on its source line (the snippet a report shows), from
        `lines(path)`, the file's source or None; asked once a file, and never for `unread`."""
        self._lines = lines
        self._unread = frozenset(unread)

    def packed(self) -> list[tuple[str, bytes]]:
        """(path, packed findings) of each file's own findings, by path."""
        return sorted(self._packed.items())

    def own(self, path: str) -> bytes:
        """The packed findings of the file `path`'s own check (b"" for none)."""
        return self._packed.get(path, b"")

    def added(self) -> list[Finding]:
        """The findings added, file by file."""
        return [finding for path in sorted(self._added) for finding in self._added[path]]

    def of(self, path: str) -> list[Finding]:
        """The findings on one file, in report order, without their source lines."""
        found = unpack(path, self._packed.get(path, b""))
        more = self._added.get(path)
        if more:  # after the file's own among equals, as one stable sort of every finding put them
            found = sorted(found + more, key=Finding.sort_key)
        return found

    def __iter__(self) -> Iterator[Finding]:
        lines, unread = self._lines, self._unread
        for path in sorted(self._packed.keys() | self._added.keys()):
            found = self.of(path)
            if lines is not None and path not in unread:
                _show_lines(found, lines)
            yield from found


def _show_lines(findings: list[Finding], lines: Callable[[str], Source | None]) -> None:
    """Each finding of one file without a source line gets it, from the file read once."""
    source: Source | None = None
    read = False
    for finding in findings:
        if finding.snippet is not None:
            continue
        if not read:
            source, read = lines(finding.path), True
        if source is not None and finding.line <= source.line_count:
            finding.snippet = source.line_text(finding.line)

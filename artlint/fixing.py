"""`--fix` and `--diff`: applying rules' fixes to files without ever losing a byte of them.

Fixes are edits on source ranges (line and column, as findings are located). They are applied
to the file as written: its BOM, its line ends (CR LF stays CR LF) and whether it ends with a
line end are kept, and every byte outside an edit stays as it was. Fixes that overlap one
already taken are left for the next pass; after each pass the text is checked again, until
nothing more is fixed (at most MAX_PASSES passes). The result is written atomically: a
temporary file in the same folder, flushed to disk, given the file's mode, renamed over the
file, and only if the file on disk is still the one that was read.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from typing import Iterable

from artlint.config import Config
from artlint.findings import Edit, Finding, Fix
from artlint.source import BOM

MAX_PASSES = 10


class FixError(Exception):
    """A file that could not be fixed; the message says why, and that nothing was changed."""


@dataclass
class FixedFile:
    path: str  # as displayed
    file: str  # on disk
    original: bytes
    fixed: bytes
    applied: int  # fixes applied over all passes

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff from the file as read to the fixed file."""
        before = self.original.decode("utf-8").removeprefix(BOM).splitlines(keepends=True)
        after = self.fixed.decode("utf-8").removeprefix(BOM).splitlines(keepends=True)
        lines = []
        for line in difflib.unified_diff(before, after, f"a/{self.path}", f"b/{self.path}"):
            if not line.endswith(("\n", "\r")):
                line += "\n\\ No newline at end of file\n"
            lines.append(line)
        return "".join(lines)


class WrittenText:
    """A file's text as written: line ends and BOM as they are, positions as findings give them."""

    def __init__(self, data: bytes):
        text = data.decode("utf-8")
        self.bom = text.startswith(BOM)
        self.text = text[1:] if self.bom else text
        self.line_starts = _line_starts(self.text)
        self.newline = "\r\n" if self.text.count("\r\n") * 2 > self.text.count("\n") else "\n"

    def offset(self, line: int, column: int) -> int | None:
        """The offset of a 1-based (line, column), or None when the text has no such place."""
        if not 1 <= line <= len(self.line_starts) or column < 1:
            return None
        start = self.line_starts[line - 1]
        if line < len(self.line_starts):
            next_start = self.line_starts[line]
            content_end = next_start - (2 if self.text.startswith("\r\n", next_start - 2) else 1)
        else:
            content_end = len(self.text)
        offset = start + column - 1
        return offset if offset <= content_end else None

    def encoded(self) -> bytes:
        return ((BOM if self.bom else "") + self.text).encode("utf-8")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = 0
    length = len(text)
    while True:
        newline = text.find("\n", index)
        carriage = text.find("\r", index)
        if newline < 0 and carriage < 0:
            return starts
        if carriage >= 0 and (newline < 0 or carriage < newline):
            index = carriage + 2 if text.startswith("\r\n", carriage) else carriage + 1
        else:
            index = newline + 1
        if index > length:
            return starts
        starts.append(index)


def wanted_fixes(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes to apply, in the order of the findings, each once."""
    seen = set()
    fixes = []
    for finding in sorted(findings, key=Finding.sort_key):
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe) or fix.edits in seen:
            continue
        seen.add(fix.edits)
        fixes.append(fix)
    return fixes


def apply_fixes(written: WrittenText, fixes: list[Fix]) -> int:
    """Apply the fixes that do not overlap one taken before; returns how many were applied."""
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for fix in fixes:
        spans = [_span(written, edit) for edit in fix.edits]
        if any(span is None for span in spans) or any(_overlaps(span, other) for span in spans for other in taken):
            continue
        taken.extend(spans)  # type: ignore[arg-type]
        applied += 1
    text = written.text
    for start, end, replacement in sorted(taken, reverse=True):
        text = text[:start] + replacement.replace("\n", written.newline) + text[end:]
    if applied:
        written.text = text
        written.line_starts = _line_starts(text)
    return applied


def _span(written: WrittenText, edit: Edit) -> tuple[int, int, str] | None:
    start = written.offset(edit.line, edit.column)
    end = written.offset(edit.end_line, edit.end_column)
    if start is None or end is None or end < start:
        return None
    return start, end, edit.replacement


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    if a[0] == a[1] == b[0] == b[1]:
        return True  # two insertions at one place: their order would be a guess
    return a[0] < b[1] and b[0] < a[1]


def plan_fix(path: str, display: str, findings: list[Finding], config: Config, unsafe: bool) -> FixedFile:
    """Fix one file in memory: apply its findings' fixes, check the result again, repeat until
    stable. Nothing is written. Raises FixError when the file cannot be read as it was checked."""
    from artlint.engine import check_text

    try:
        with open(path, "rb") as handle:
            original = handle.read(config.max_file_size + 1)
        written = WrittenText(original)
    except (OSError, UnicodeDecodeError) as exc:
        raise FixError(f"cannot read it again: {getattr(exc, 'strerror', None) or exc}") from None
    applied = 0
    fixes = wanted_fixes(findings, unsafe)
    for _ in range(MAX_PASSES):
        done = apply_fixes(written, fixes)
        if not done:
            break
        applied += done
        fixes = wanted_fixes(check_text(written.encoded(), path, display, config), unsafe)
        if not fixes:
            break
    return FixedFile(display, path, original, written.encoded(), applied)


def write_fixed(fixed: FixedFile) -> None:
    """Replace the file by its fixed content, atomically, keeping its mode; only when the file
    on disk is still the one that was read. On any failure the file is left as it was."""
    target = os.path.realpath(fixed.file)  # a symbolic link stays a link: its target is fixed
    try:
        info = os.stat(target)
    except OSError as exc:
        raise FixError(f"not fixed: {exc.strerror or exc}") from None
    # A file nobody may write is read-only on purpose, even for a user (root) the system lets write.
    if not os.access(target, os.W_OK) or not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("not fixed: the file is read-only (nothing was changed)")
    _still_as_read(target, fixed.original)
    folder = os.path.dirname(target) or "."
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".artlint-fix", dir=folder)
    except OSError as exc:
        raise FixError(f"not fixed: cannot write in {folder}: {exc.strerror or exc} (nothing was changed)") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(fixed.fixed)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        _still_as_read(target, fixed.original)  # once more, just before the rename
        os.replace(temporary, target)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FixError(f"not fixed: {exc.strerror or exc} (nothing was changed)") from None
        raise
    _sync_folder(folder)


def _still_as_read(path: str, original: bytes) -> None:
    try:
        with open(path, "rb") as handle:
            current = handle.read(len(original) + 1)
    except OSError as exc:
        raise FixError(f"not fixed: cannot read it again: {exc.strerror or exc}") from None
    if current != original:
        raise FixError("not fixed: the file changed on disk since it was checked (it was left as it is now)")


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every system lets a folder be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)

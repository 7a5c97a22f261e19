"""`--fix` and `--diff`: applying rules' fixes to files without ever losing a byte of them.

Fixes are edits on source ranges (line and column, as findings are located). They are applied
to the file as written: its BOM, its line ends (CR LF stays CR LF) and whether it ends with a
line end are kept, and every byte outside an edit stays as it was. Fixes that overlap one
already taken are left for the next pass; after each pass the text is checked again, until
nothing more is fixed (at most MAX_PASSES passes).

Edits are only ever applied to the bytes they were computed from. Every file is resolved to its
real path once per run; a file with two names in the tree is fixed once, and one whose real
path is outside the folders checked is never written. Its folder is opened and locked (so that
two artlint processes, a hook and an editor's on-save say, never fix one file at once) from the
read to the replace. The bytes read are hashed: when they are not those the findings came from
(the file changed since it was checked, or the cache answered for an older version of it), the
document rules check them again and the fixes come from that; fixes only a whole run can find
(network and corpus rules) are then left, with a note.

The result is written to a temporary file in the same folder, flushed to disk, given the
file's owner, group and mode, and renamed over the file, and only if the file on disk is still
the one that was read, byte for byte. A rename rather than a write in place because a write
in place that is cut short (a full disk, a crash, Ctrl-C) leaves half a file, and nothing a
user wrote may ever be lost. The price of the rename is a new inode, so: a file whose owner
and group cannot be given to the new file (artlint not run as root on another user's file),
and a file with hard links (its other names would keep the old text), are left as they are,
with a message. Editors do not take artlint's lock, so a save in the instant between the last
comparison and the rename could still be replaced.
"""

from __future__ import annotations

import difflib
import os
import secrets
import stat
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from typing import Iterable, Iterator

from artlint.boundary import within
from artlint.config import Config
from artlint.engine import check_text, project_root
from artlint.findings import Edit, Finding, Fix
from artlint.rules import CorpusRule, DocumentRule, NetworkRule, all_rules
from artlint.source import BOM, content_digest, leading_boms

MAX_PASSES = 10


class FixError(Exception):
    """A file that could not be fixed; the message says why, and that nothing was changed."""


@dataclass
class FixedFile:
    path: str  # as displayed
    file: str  # its real path
    original: bytes
    fixed: bytes
    applied: int  # fixes applied over all passes
    identity: tuple[int, int] = (0, 0)  # device and inode of the file read
    notes: list[str] = field(default_factory=list)  # fixes left, and why

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
        self.boms = leading_boms(text)
        self.text = text[self.boms :]
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
        return (BOM * self.boms + self.text).encode("utf-8")


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
        spans = [span for edit in fix.edits if (span := _span(written, edit)) is not None]
        if len(spans) < len(fix.edits) or any(_overlaps(span, other) for span in spans for other in taken):
            continue
        taken.extend(spans)
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


@dataclass
class FixTarget:
    """A file with fixes to apply, resolved to its real path once for the whole run."""

    display: str  # as reported, and the path it was checked under
    file: str  # its real path: the fix reads and writes there, nowhere else
    findings: list[Finding]
    digest: str = ""  # hash of the bytes the findings were computed from ("" when unknown)
    folder: tuple[int, int] | None = None  # its folder's device and inode when it was resolved
    refusal: str = ""  # why it must not be fixed at all


def checked_roots(arguments: Iterable[str], config: Config) -> tuple[str, ...]:
    """The real folders `--fix` may write in: every folder named; for a file named, its folder
    and the project's (the configuration's folder, else the git work tree, else the current one)."""
    roots = set()
    for argument in arguments:
        if os.path.isdir(argument):
            roots.add(os.path.realpath(argument))
        else:
            roots.add(os.path.realpath(os.path.dirname(argument) or "."))
            roots.add(os.path.realpath(project_root(config) or os.getcwd()))
    return tuple(sorted(roots))


def fix_targets(findings: Iterable[Finding], digests: dict[str, str], roots: tuple[str, ...], unsafe: bool) -> Iterator[FixTarget]:
    """The files with fixes to apply, by display path, from `findings` in report order (a run's:
    each file's together, files by path), read one file at a time. A file with two names in the
    tree (a link beside its target) comes once, under its first name: fixed under both, it would
    get every edit twice."""
    seen: set[str] = set()
    done: set[str] = set()
    for display, group in groupby((finding for finding in findings if finding.fix is not None), key=attrgetter("path")):
        if display in done:
            raise ValueError(f"findings not in report order: {display} comes twice")
        done.add(display)
        found = list(group)
        if not wanted_fixes(found, unsafe):
            continue
        real = os.path.realpath(display)
        if real not in seen:
            seen.add(real)
            yield _target(display, real, found, digests.get(display, ""), roots)


def _target(display: str, real: str, findings: list[Finding], digest: str, roots: tuple[str, ...]) -> FixTarget:
    target = FixTarget(display, real, findings, digest)
    if not any(within(real, root) for root in roots):
        target.refusal = f"not fixed: it leads to {real}, outside the folders checked (nothing was changed)"
        return target
    try:
        target.folder = _identity(os.stat(os.path.dirname(real)))
    except OSError:
        pass  # reported when the fix opens it
    return target


def fix_file(target: FixTarget, config: Config, unsafe: bool, write: bool = True) -> FixedFile:
    """Fix one file in memory: apply its findings' fixes, check the result again, repeat until
    stable; with `write`, replace the file by the result. The file's folder stays locked from
    the read to the replace. Raises FixError when the file cannot or must not be fixed (it is
    then left as it was)."""
    if target.refusal:
        raise FixError(target.refusal)
    with _Folder(target.file, target.folder, lock=write) as folder:
        fixed = _planned(folder, target, config, unsafe)
        if write and fixed.changed:
            _replace(folder, fixed)
    return fixed


def write_fixed(fixed: FixedFile) -> None:
    """Write fixes planned earlier (`fix_file` without `write`), as `fix_file` would: only when
    the file is still the one that was read."""
    with _Folder(fixed.file, None, lock=True) as folder:
        _replace(folder, fixed)


def _planned(folder: "_Folder", target: FixTarget, config: Config, unsafe: bool) -> FixedFile:
    limit = config.max_file_size_for(target.file)
    original, info = _read(folder, limit)
    if len(original) > limit:
        raise FixError("not fixed: it grew over max-file-size since it was checked (nothing was changed)")
    try:
        written = WrittenText(original)
    except UnicodeDecodeError as exc:
        raise FixError(f"cannot read it again: {exc}") from None
    findings, notes = _findings_for(original, target, config, unsafe)
    applied = fix_passes(written, findings, target.display, target.display, config, unsafe)
    return FixedFile(target.display, target.file, original, written.encoded(), applied, _identity(info), notes)


def fix_passes(written: WrittenText, findings: list[Finding], path: str, display: str, config: Config, unsafe: bool) -> int:
    """Apply the findings' fixes to `written`, then those of the document rules on the result,
    until nothing more is fixed (at most MAX_PASSES passes); returns how many were applied.
    In memory: `--fix` writes the result, the language server sends it as an edit."""
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
    return applied


def _findings_for(data: bytes, target: FixTarget, config: Config, unsafe: bool) -> tuple[list[Finding], list[str]]:
    """The findings to fix `data` by, and notes on the fixes left. The run's findings when they
    were computed from these very bytes; else (the file changed since it was checked, or the
    run came whole from the cache, which does not say from which bytes) the document rules' on
    `data`. The fixes of network and corpus rules can only be found again by a whole run."""
    if target.digest and content_digest(data) == target.digest:
        return target.findings, []
    lost = [finding.rule for finding in target.findings if finding.fix is not None and (finding.fix.safe or unsafe) and _found_by_a_whole_run(finding)]
    notes = []
    if lost:
        count = f"{len(lost)} fix{'es' if len(lost) != 1 else ''}"
        notes.append(f"{count} of {', '.join(sorted(set(lost)))} not applied: the file changed since they were found (run again)")
    return check_text(data, target.display, target.display, config), notes


def _found_by_a_whole_run(finding: Finding) -> bool:
    """Whether only a whole run finds this again: a corpus rule's finding, or a network rule's
    answer from the network (it carries the URL fetched). A network rule's offline part (the
    https fix of link-insecure for a host known to serve it) is a document rule's finding."""
    rule = all_rules().get(finding.rule, DocumentRule)
    return issubclass(rule, CorpusRule) or (issubclass(rule, NetworkRule) and finding.url is not None)


def _read(folder: "_Folder", limit: int) -> tuple[bytes, os.stat_result]:
    """Up to `limit` + 1 bytes of the file, and what it is. Never through a link, and never
    waiting on a pipe put in its place."""
    try:
        descriptor = folder.open(folder.name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read(limit + 1) if stat.S_ISREG(info.st_mode) else b""
    except OSError as exc:
        raise FixError(f"cannot read it again: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise FixError("not fixed: it is no longer a regular file (nothing was changed)")
    return data, info


def _replace(folder: "_Folder", fixed: FixedFile) -> None:
    """Write the fixed bytes beside the file, flush them to disk and rename them over it, when
    the file is still the one that was read. The new file gets the old one's owner, group and
    mode; a file with other names (hard links) is left alone. On any failure the file is left
    as it was."""
    info = _still_as_read(folder, fixed)
    _refuse_to_replace(folder, info)
    temporary, descriptor = _temporary(folder)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(fixed.fixed)
            stream.flush()
            _keep_owner_and_mode(stream.fileno(), os.path.join(folder.path, temporary), info)
            os.fsync(stream.fileno())
        _still_as_read(folder, fixed)  # once more, just before the rename
        folder.replace(temporary, folder.name)
    except BaseException as exc:
        folder.remove(temporary)
        if isinstance(exc, OSError):
            raise FixError(f"not fixed: {exc.strerror or exc} (nothing was changed)") from None
        raise
    folder.sync()


def _still_as_read(folder: "_Folder", fixed: FixedFile) -> os.stat_result:
    current, info = _read(folder, len(fixed.original))
    if current != fixed.original or _identity(info) != fixed.identity:
        raise FixError("not fixed: the file changed on disk since it was checked (it was left as it is now)")
    return info


def _refuse_to_replace(folder: "_Folder", info: os.stat_result) -> None:
    # A file nobody may write is read-only on purpose, even for a user (root) the system lets write.
    if not folder.writable(folder.name) or not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("not fixed: the file is read-only (nothing was changed)")
    if info.st_nlink > 1:
        others = info.st_nlink - 1
        raise FixError(
            f"not fixed: the file has {others} other name{'s' if others != 1 else ''} (hard links), "
            "which would keep the old text (nothing was changed)"
        )


def _temporary(folder: "_Folder") -> tuple[str, int]:
    """A new file beside the target, this process's only: a name nobody can guess, created exclusively."""
    name = f".{folder.name}.{secrets.token_hex(8)}.artlint-fix"
    try:
        return name, folder.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise FixError(f"not fixed: cannot write in {folder.path}: {exc.strerror or exc} (nothing was changed)") from None


def _keep_owner_and_mode(descriptor: int, path: str, info: os.stat_result) -> None:
    """Give the new file (open as `descriptor`, named `path`) the old one's owner, group and mode."""
    if hasattr(os, "fchown"):
        current = os.fstat(descriptor)
        if (current.st_uid, current.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.fchown(descriptor, info.st_uid, info.st_gid)
            except OSError:
                raise FixError(
                    f"not fixed: its owner and group ({info.st_uid}:{info.st_gid}) cannot be kept (nothing was changed)"
                ) from None
    # After the owner: changing it clears set-id bits. By name only where a descriptor cannot
    # take a mode (Windows before Python 3.13): by name, a link put in its place would be followed.
    os.chmod(descriptor if os.chmod in os.supports_fd else path, stat.S_IMODE(info.st_mode))


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


# The file is named inside its folder's descriptor where the system can (not on Windows).
_IN_FOLDER = os.open in os.supports_dir_fd and os.rename in os.supports_dir_fd
_NO_LINKS = getattr(os, "O_NOFOLLOW", 0)


class _Folder:
    """The folder of a file being fixed, opened once: the file is then named inside it, so that a
    folder swapped for a link meanwhile cannot send a read or a write elsewhere. With `lock`,
    the folder is locked until it is closed, so that two artlint processes never fix a file at
    the same time (a lock on the folder, not on the file: the rename replaces the file)."""

    def __init__(self, file: str, identity: tuple[int, int] | None, lock: bool):
        self.path, self.name = os.path.split(file)
        self.descriptor: int | None = None
        if not _IN_FOLDER:
            return
        try:
            self.descriptor = os.open(self.path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NO_LINKS)
        except OSError as exc:
            raise FixError(f"not fixed: cannot open its folder: {exc.strerror or exc} (nothing was changed)") from None
        if identity is not None and _identity(os.fstat(self.descriptor)) != identity:
            self.close()
            raise FixError("not fixed: its folder was moved or replaced since it was checked (nothing was changed)")
        if lock:
            _lock(self.descriptor)

    def __enter__(self) -> "_Folder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)  # which also releases the lock
            self.descriptor = None

    def _where(self, name: str) -> tuple[str, int | None]:
        if self.descriptor is None:
            return os.path.join(self.path, name), None
        return name, self.descriptor

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        path, folder = self._where(name)
        return os.open(path, flags | _NO_LINKS, mode, dir_fd=folder)

    def writable(self, name: str) -> bool:
        path, folder = self._where(name)
        return os.access(path, os.W_OK, dir_fd=folder)

    def replace(self, source: str, name: str) -> None:
        (source_path, folder), (path, _) = self._where(source), self._where(name)
        os.replace(source_path, path, src_dir_fd=folder, dst_dir_fd=folder)

    def remove(self, name: str) -> None:
        path, folder = self._where(name)
        try:
            os.unlink(path, dir_fd=folder)
        except OSError:
            pass

    def sync(self) -> None:
        """Make a rename durable; not every system lets a folder be synced."""
        if self.descriptor is None:
            return
        try:
            os.fsync(self.descriptor)
        except OSError:
            pass


def _lock(descriptor: int) -> None:
    """Wait for the folder's lock. Without one (no fcntl, or a network file system that refuses
    it) the fix goes on unlocked: the comparison just before the rename still keeps a file that
    changed meanwhile as it is."""
    try:
        import fcntl  # here, in the try: there is none on Windows

        fcntl.flock(descriptor, fcntl.LOCK_EX)
    except (ImportError, OSError):
        pass

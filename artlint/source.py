"""Reading article files: bytes to normalised text, and offsets to line/column.

All positions inside artlint are offsets into the *normalised* text: UTF-8 decoded,
BOM removed, CRLF and lone CR turned into LF, NUL turned into U+FFFD (as CommonMark
does). Because only line ends change, a (line, column) pair computed on the normalised
text is the same as on the original file. Columns count Unicode code points, from 1.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

from artlint.dependencies import stat_signature, trusted_signature

BOM = "\ufeff"


def content_digest(data: bytes) -> str:
    """The hash of a file's bytes: the result cache keys on it, `--fix` checks it."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class UnreadableFile(Exception):
    """The file could not be turned into text; the message says why, in words."""

    def __init__(self, reason: str, line: int = 1, column: int = 1):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


class FileTooLarge(UnreadableFile):
    pass


@dataclass
class Source:
    """The normalised text of one file and its line index."""

    text: str
    boms: int = 0  # byte-order marks the file starts with, dropped from `text`
    line_starts: list[int] = field(default_factory=list)
    digest: str = ""  # hash of the file's bytes, for the per-file cache
    # The file's stat signature taken before it was read (dependencies.stat_signature), when it
    # may stand for these bytes in a later run; "" when not (changed too recently, or no file).
    signature: str = ""
    # Lines handed out, so that findings on one line share one string: 150,000 findings on a
    # 1 MB line once held 150,000 copies of it (24 GB).
    _line_texts: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos >= 0:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self.line_starts = starts

    @property
    def had_bom(self) -> bool:
        return self.boms > 0

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset."""
        return bisect_right(self.line_starts, offset)

    def line_start(self, offset: int) -> int:
        """Offset of the start of the line holding `offset`: a lookup, not a search back along
        a line that may be a megabyte long."""
        return self.line_starts[bisect_right(self.line_starts, offset) - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """Offset of a 1-based (line, column)."""
        return self.line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        text = self._line_texts.get(line)
        if text is None:
            start = self.line_starts[line - 1]
            end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
            text = self._line_texts[line] = self.text[start:end]
        return text


class LineTest:
    """A test of whole lines, asked by offset and run once per line however often it is asked:
    a pasted log can be one line holding 300,000 brackets or doubles. `test(text, start, end)`
    gets the line's bounds in the text, its line end left out."""

    def __init__(self, source: Source, test: Callable[[str, int, int], bool]) -> None:
        self.source = source
        self.test = test
        self.known: dict[int, bool] = {}

    def holds(self, offset: int) -> bool:
        line = self.source.line_of(offset)
        verdict = self.known.get(line)
        if verdict is None:
            starts = self.source.line_starts
            end = starts[line] - 1 if line < len(starts) else len(self.source.text)
            verdict = self.known[line] = self.test(self.source.text, starts[line - 1], end)
        return verdict


def normalise(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


def decode(data: bytes) -> Source:
    """Decode UTF-8 bytes into a Source, or raise UnreadableFile with the place of the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        raise UnreadableFile(
            f"not UTF-8: invalid byte 0x{data[exc.start]:02x} at byte {exc.start}", line, column
        ) from None
    boms = leading_boms(text)
    return Source(normalise(text[boms:] if boms else text), boms=boms)


def leading_boms(text: str) -> int:
    """How many byte-order marks start the text. An editor that adds one to a file that has one
    already leaves two; generators (Hugo, Jekyll) skip them all before the front matter."""
    count = 0
    while text.startswith(BOM, count):
        count += 1
    return count


def read_source(path: str, max_bytes: int) -> Source:
    """Read and decode one file. Every failure becomes an UnreadableFile with a reason in words."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableFile(f"dangling symbolic link to {os.readlink(path)!r}") from None
        if os.path.basename(path).startswith("-"):  # a pre-commit hook's `args:` land after its `--`
            raise UnreadableFile("no such file (after `--`, every argument is a file name, not an option)") from None
        raise UnreadableFile("no such file") from None
    except OSError as exc:
        raise UnreadableFile(_os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile("is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("is not a regular file (device, socket or pipe)")
    if info.st_size > max_bytes:
        raise FileTooLarge(f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,} (max-file-size)")
    read_at = time.time_ns()
    try:
        with open(path, "rb") as handle:
            # As much as stat saw, plus one byte to notice growth: `read(max_bytes + 1)` would
            # allocate the whole limit for every file (a tenth of a millisecond each).
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:  # grown since, or a file whose size stat cannot tell
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise UnreadableFile(_os_reason(exc)) from None
    if len(data) > max_bytes:
        raise FileTooLarge(f"file is over the limit of {max_bytes:,} bytes (max-file-size)")
    source = decode(data)
    source.digest = content_digest(data)
    if trusted_signature(info, read_at):
        source.signature = stat_signature(info)
    return source


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    return exc.strerror or str(exc)

"""Seals on what artlint writes to its caches, so that it reads back only what it wrote itself.

A cache folder lives in the checkout (`.artlint_cache/` beside the configuration) and can come
with a pull request: a well-formed entry planted there could hide a broken link or a duplicate
article for ever. Every cache record carries a keyed hash (HMAC-SHA256) of its content under a key
that never lies in a checkout: a random one kept in the user's cache folder (mode 0600), made
on first use. A record whose seal does not match was written by someone else, with another key
(another user, another machine) or not by artlint at all, and is ignored and rebuilt.
"""

from __future__ import annotations

import hmac
import os
from functools import lru_cache
from pathlib import Path

from artlint.cachefolder import user_directory
from artlint.sqlitedb import make_directory

KEY_BYTES = 32
KEY_FILE = "seal.key"
problem: str | None = None  # why the key is this process's own, when it is


def seal(data: bytes) -> str:
    # HMAC-SHA256 through OpenSSL's one-shot call: twice as fast as keyed BLAKE2b here (6 ms
    # against 12 ms for the 10 MB a warm run over 10,000 articles reads back).
    return hmac.digest(_key(), data, "sha256").hex()


def sealer():
    """A seal made of parts, for data too large to join first: `update()` with each part, then
    `hexdigest()`: the same seal as `seal()` of the parts joined."""
    return hmac.new(_key(), digestmod="sha256")


def is_sealed(data: bytes, mark: object) -> bool:
    return isinstance(mark, str) and hmac.compare_digest(seal(data), mark)


@lru_cache(maxsize=1)
def _key() -> bytes:
    """The user's sealing key; where none can be kept, one for this process only (its cache
    entries are then of no use to the next run, which is slower, never wrong)."""
    global problem
    path = user_directory() / KEY_FILE
    try:
        return _read_key(path) or _make_key(path)
    except OSError as exc:
        problem = f"the cache's key {path} could not be kept ({exc.strerror or exc}): results are not reused across runs"
        return os.urandom(KEY_BYTES)


def _read_key(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            key = handle.read(KEY_BYTES + 1)
            owner = os.fstat(handle.fileno()).st_uid
    except FileNotFoundError:
        return None
    # A key another user could have written is no key: they could seal what they plant.
    if hasattr(os, "getuid") and owner != os.getuid():
        return None
    return key if len(key) == KEY_BYTES else None


def _make_key(path: Path) -> bytes:
    """Write a new key under a temporary name and link it into place: when two runs make one at
    once, both use whichever was linked first."""
    make_directory(path.parent)
    temporary = path.with_name(f".{KEY_FILE}.{os.getpid()}.{os.urandom(4).hex()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(os.urandom(KEY_BYTES))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            os.replace(temporary, path)
        if _read_key(path) is None:  # a broken key file of another run or an old version: replace it
            os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    key = _read_key(path)
    if key is None:
        raise OSError("the sealing key could not be kept")
    return key

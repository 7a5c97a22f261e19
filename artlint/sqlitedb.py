"""What artlint's SQLite caches share: their folder, a connection that concurrent runs can share,
write transactions that take the lock up front, and lookups of many keys in batches of bound
parameters."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Sequence, TypeVar

Value = TypeVar("Value")
BATCH = 500  # bound parameters per statement, well under SQLite's limit
# How long to wait for another run's write to end; a lock held longer than this is not a run's.
BUSY_SECONDS = 30.0

# A folder artlint makes for its cache says so, as ruff's and pytest's do: to git, which then
# never lists it as untracked (nor lets `git add -A` commit it), and to backup tools
# (https://bford.info/cachedir/).
CACHE_MARKERS = {
    ".gitignore": "# Made by artlint: a cache, not content. Safe to delete.\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# This is artlint's cache folder.\n",
}


def make_directory(directory: Path) -> None:
    """Create a cache folder with its markers. A folder that already exists is left as it is:
    it may be the user's own (`network.cache` can name any folder)."""
    if directory.is_dir():
        return
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in CACHE_MARKERS.items():
        try:
            (directory / name).write_text(text, encoding="utf-8")
        except OSError:  # the cache works without them
            pass


def made_by_artlint(directory: Path) -> bool:
    """Whether artlint made this folder: it holds the markers artlint writes, as written."""
    for name, text in CACHE_MARKERS.items():
        try:
            if (directory / name).read_text(encoding="utf-8") != text:
                return False
        except (OSError, UnicodeDecodeError):
            return False
    return True


def open_shared(path: Path, schema: str, **connect: object) -> sqlite3.Connection:
    """A connection to the cache database at `path` (its folder made if need be) with `schema`
    applied; in WAL mode with a busy timeout, so that concurrent runs (two pre-commit hooks, CI
    jobs on one runner) read and write it safely. Transactions are explicit (write_transaction).

    The file may have been planted: it is opened with `trusted_schema` off (no SQL function runs
    from a view or trigger it defines) and used only when its schema is exactly `schema`; any
    other file under that name (another version's, a corrupt one, one with a trigger or a view)
    is deleted and made again."""
    make_directory(path.parent)
    try:
        return _open_checked(path, schema, connect)
    except sqlite3.DatabaseError as exc:
        if not _is_damaged(exc):
            raise  # locked, read-only: another run's database, or the user's folder; never delete it
        _delete_database(path)
        return _open_checked(path, schema, connect)


class ForeignSchema(sqlite3.DatabaseError):
    """A database under artlint's name whose schema is not this version's."""


_NOT_A_DATABASE, _CORRUPT = 26, 11  # SQLite's result codes


def _is_damaged(exc: sqlite3.DatabaseError) -> bool:
    if isinstance(exc, ForeignSchema):
        return True
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11 and later
    if code is not None:
        return code & 0xFF in (_NOT_A_DATABASE, _CORRUPT)
    return any(words in str(exc) for words in ("not a database", "malformed"))


def _open_checked(path: Path, schema: str, connect: dict) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None, **connect)
    try:
        db.execute("PRAGMA trusted_schema=OFF")
        db.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        db.execute("PRAGMA journal_mode=WAL")
        found = _schema_of(db)
        if not found:
            with write_transaction(db):  # whole or not at all: a concurrent run never sees half a schema
                _create(db, schema)
        elif found != _expected_schema(schema):
            raise ForeignSchema("not the schema of this version of artlint")
    except BaseException:
        db.close()
        raise
    return db


def _schema_of(db: sqlite3.Connection) -> tuple:
    rows = tuple(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
    return rows + (("user_version", db.execute("PRAGMA user_version").fetchone()[0]),) if rows else ()


@lru_cache(maxsize=None)
def _expected_schema(schema: str) -> tuple:
    db = sqlite3.connect(":memory:", isolation_level=None)
    _create(db, schema)
    expected = _schema_of(db)
    db.close()
    return expected


def _create(db: sqlite3.Connection, schema: str) -> None:
    db.execute("PRAGMA user_version=1")
    for statement in schema.split(";"):
        if statement.strip():
            db.execute(statement)


def _delete_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


@contextmanager
def write_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE: take the write lock at the start (waiting up to the busy timeout), so
    that concurrent runs never fail half-way through; roll back on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


class FailSafe:
    """A cache used through this stops at its first failure (a folder that cannot be written, a
    read-only or locked database, a full disk) and the run goes on without it: a cache only saves
    time. What failed is kept in `problem`, for one warning line. Lookups of a cache that failed
    find nothing; writes do nothing."""

    _NOTHING_FOUND = {"get_many": dict, "get_stats": dict}

    def __init__(self, opener: Callable[[], object], what: str):
        self.what = what
        self.problem: str | None = None
        self._cache = self._guarded(opener)

    @classmethod
    def failed(cls, problem: str) -> "FailSafe":
        """One that was not even opened, for the reason given (the whole warning line)."""
        safe = cls(lambda: None, "")
        safe.problem = problem
        return safe

    def __getattr__(self, name: str) -> Callable:
        def call(*args, **kwargs):
            if self._cache is None:
                return self._nothing(name)
            result = self._guarded(lambda: getattr(self._cache, name)(*args, **kwargs))
            return self._nothing(name) if self._cache is None else result

        return call

    def _guarded(self, action: Callable[[], Value]) -> Value | None:
        try:
            return action()
        except (OSError, sqlite3.Error) as exc:
            if self.problem is None:
                self.problem = f"{self.what}: {getattr(exc, 'strerror', None) or exc}; running without it"
            self._cache = None
            return None

    def _nothing(self, name: str):
        empty = self._NOTHING_FOUND.get(name)
        return empty() if empty else None


def batches(values: Sequence[Value]) -> Iterator[tuple[Sequence[Value], str]]:
    """(batch, "?,?,...") for each run of up to BATCH values, for `... IN ({marks})`."""
    for start in range(0, len(values), BATCH):
        batch = values[start : start + BATCH]
        yield batch, ",".join("?" * len(batch))

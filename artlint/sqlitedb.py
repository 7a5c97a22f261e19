"""What artlint's SQLite caches share: their folder, a connection that concurrent runs can share,
write transactions that take the lock up front, and lookups of many keys in batches of bound
parameters."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence, TypeVar

Value = TypeVar("Value")
BATCH = 500  # bound parameters per statement, well under SQLite's limit

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


def open_shared(path: Path, schema: str, **connect: object) -> sqlite3.Connection:
    """A connection to the cache database at `path` (its folder made if need be) with `schema`
    applied; in WAL mode with a busy timeout, so that concurrent runs (two pre-commit hooks, CI
    jobs on one runner) read and write it safely. Transactions are explicit (write_transaction)."""
    make_directory(path.parent)
    db = sqlite3.connect(str(path), timeout=30, isolation_level=None, **connect)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA busy_timeout=30000")
    db.executescript(schema)
    return db


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


def batches(values: Sequence[Value]) -> Iterator[tuple[Sequence[Value], str]]:
    """(batch, "?,?,...") for each run of up to BATCH values, for `... IN ({marks})`."""
    for start in range(0, len(values), BATCH):
        batch = values[start : start + BATCH]
        yield batch, ",".join("?" * len(batch))

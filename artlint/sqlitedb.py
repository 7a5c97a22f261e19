"""What artlint's SQLite caches share: write transactions that take the lock up front, and
lookups of many keys in batches of bound parameters."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator, Sequence, TypeVar

Value = TypeVar("Value")
BATCH = 500  # bound parameters per statement, well under SQLite's limit


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

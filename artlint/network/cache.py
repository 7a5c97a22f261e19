"""The network cache: outcomes of URL and DOI checks, in SQLite, never bodies.

Successes are kept for `network.cache-ttl`; certain failures ("broken") for `BROKEN_TTL` at
most, so that a second run right after the first asks nothing again but a server that was down
does not stay broken for long; uncertain ones ("unverified": timeouts, 5xx, 429) are never
kept, so a transient error never sticks. SQLite in WAL mode with a busy timeout
lets concurrent runs (two pre-commit hooks, CI jobs on one runner) read and write safely.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterable

from artlint.network.targets import Outcome
from artlint.sealing import is_sealed, seal
from artlint.sqlitedb import batches, open_shared, write_transaction

BROKEN_TTL = 600.0  # seconds
SCHEMA = """
CREATE TABLE IF NOT EXISTS outcomes (
    key TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    ok INTEGER NOT NULL,  -- 1 ok, 0 broken (unverified outcomes are not stored)
    checked REAL NOT NULL,
    seal TEXT NOT NULL
)
"""
# A row checked later than this ahead of the clock is not believed: a clock set back, or a
# row planted to be fresh for ever.
CLOCK_SKEW = 300.0


class NetworkCache:
    def __init__(self, path: Path, ttl: float):
        self.path = path
        self.ttl = ttl
        self._db = open_shared(path, SCHEMA, check_same_thread=False)

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        """Fresh outcomes for the keys that have one; rows this user's artlint did not write, or
        that do not hold an outcome, are ignored."""
        now = time.time()
        found = {}
        keys = list(keys)
        for batch, marks in batches(keys):
            rows = self._db.execute(f"SELECT key, outcome, ok, checked, seal FROM outcomes WHERE key IN ({marks})", batch)
            for key, outcome, ok, checked, mark in rows:
                if not is_sealed(_record(key, outcome, ok, checked), mark):
                    continue
                age = now - checked
                if -CLOCK_SKEW <= age <= (self.ttl if ok else min(self.ttl, BROKEN_TTL)):
                    data = _outcome(outcome)
                    if data is not None and (data["state"] == "ok") == bool(ok):
                        found[key] = data
        return found

    def put_many(self, items: Iterable[tuple[str, dict]]) -> None:
        """Store outcomes (dicts with a "state"); unverified ones are not stored."""
        now = time.time()
        rows = []
        for key, outcome in items:
            if outcome["state"] in ("ok", "broken"):
                text, ok = json.dumps(outcome), int(outcome["state"] == "ok")
                rows.append((key, text, ok, now, seal(_record(key, text, ok, now))))
        if not rows:
            return
        with write_transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO outcomes VALUES (?, ?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()


def _record(key: str, outcome: str, ok: int, checked: float) -> bytes:
    return f"outcome\0{key}\0{outcome}\0{ok}\0{checked!r}".encode("utf-8", "surrogateescape")


def _outcome(text: str) -> dict | None:
    """The outcome a row holds, if it is one: only Outcome's fields, each of its kind."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError):
        return None
    if not Outcome.is_plain_form(data) or data.get("state") not in ("ok", "broken"):
        return None
    return data

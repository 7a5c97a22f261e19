"""The network cache: outcomes of URL and DOI checks, in SQLite, never bodies.

Successes are kept for `network.cache-ttl`; certain failures ("broken") for `BROKEN_TTL` at
most, so that a second run right after the first asks nothing again but a server that was down
does not stay broken for long; uncertain ones ("unverified": timeouts, 5xx, 429) are never
kept, so a transient error never sticks. SQLite in WAL mode with a busy timeout
lets concurrent runs (two pre-commit hooks, CI jobs on one runner) read and write safely.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Iterable

from artlint.sqlitedb import batches, open_shared, write_transaction

BROKEN_TTL = 600.0  # seconds
SCHEMA = """
CREATE TABLE IF NOT EXISTS outcomes (
    key TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    ok INTEGER NOT NULL,  -- 1 ok, 0 broken (unverified outcomes are not stored)
    checked REAL NOT NULL
)
"""


def cache_directory(config) -> Path:
    """`network.cache` when set (relative to the configuration), else the default."""
    if config.network.cache:
        path = Path(config.network.cache)
        return path if path.is_absolute() else config.root / path
    return default_directory(config.root if config.path is not None else None)


def default_directory(config_root: Path | None) -> Path:
    """`.artlint_cache/` beside the configuration file, else the user's cache folder."""
    if config_root is not None:
        return config_root / ".artlint_cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "artlint"


class NetworkCache:
    def __init__(self, path: Path, ttl: float):
        self.path = path
        self.ttl = ttl
        self._db = open_shared(path, SCHEMA, check_same_thread=False)

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        """Fresh outcomes for the keys that have one."""
        now = time.time()
        found = {}
        keys = list(keys)
        for batch, marks in batches(keys):
            rows = self._db.execute(f"SELECT key, outcome, ok, checked FROM outcomes WHERE key IN ({marks})", batch)
            for key, outcome, ok, checked in rows:
                if now - checked <= (self.ttl if ok else min(self.ttl, BROKEN_TTL)):
                    found[key] = json.loads(outcome)
        return found

    def put_many(self, items: Iterable[tuple[str, dict]]) -> None:
        """Store outcomes (dicts with a "state"); unverified ones are not stored."""
        now = time.time()
        rows = [
            (key, json.dumps(outcome), int(outcome["state"] == "ok"), now)
            for key, outcome in items
            if outcome["state"] in ("ok", "broken")
        ]
        if not rows:
            return
        with write_transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO outcomes VALUES (?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()


def clear(directory: Path) -> list[Path]:
    """Delete the cache files in `directory`; the list of what was deleted."""
    removed = []
    if directory.is_dir():
        for path in sorted(directory.iterdir()):
            if path.is_file() and path.name.startswith(("network.sqlite3", "files", "facts-")):
                path.unlink()
                removed.append(path)
    return removed

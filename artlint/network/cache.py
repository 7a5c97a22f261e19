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
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from artlint.sqlitedb import batches, write_transaction

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


class NetworkCache:
    def __init__(self, path: Path, ttl: float):
        self.path = path
        self.ttl = ttl
        make_directory(path.parent)
        self._db = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.execute(SCHEMA)

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

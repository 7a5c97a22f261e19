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
import re
import time
from pathlib import Path
from typing import Iterable

from artlint.sealing import is_sealed, seal
from artlint.sqlitedb import CACHE_MARKERS, batches, made_by_artlint, open_shared, write_transaction

BROKEN_TTL = 600.0  # seconds
# Named for the layout of their rows, so that two versions sharing a folder never read or
# rebuild each other's databases.
FILES_DATABASE = "files-v5.sqlite3"
NETWORK_DATABASE = "network-v2.sqlite3"
_OWN_NAME = re.compile(
    r"(?:(?:files|network)(?:-v\d+)?\.sqlite3(?:-wal|-shm|-journal)?"
    r"|facts-[0-9a-f]{24}\.(?:json|pickle)"
    r"|\.facts-[a-z0-9_]+\.tmp)"
)
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
_FIELD_KINDS = {
    "state": (str,),
    "reason": (str,),
    "status": (int, type(None)),
    "final_url": (str, type(None)),
    "permanent_redirect": (bool,),
    "is_image": (bool, type(None)),
    "found": (bool, type(None)),
    "title": (str, type(None)),
    "requests": (int,),
}


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
    if not isinstance(data, dict) or data.get("state") not in ("ok", "broken"):
        return None
    for name, value in data.items():
        kinds = _FIELD_KINDS.get(name)
        if kinds is None or not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            return None
    return data


def clear(directory: Path) -> list[Path]:
    """Delete artlint's own cache files in `directory` (see `is_own_file`), and the folder with
    its markers when artlint made it and nothing else is left in it; the list of the cache files
    deleted. Nothing else is touched: `network.cache` may name a folder of the user's own."""
    removed = []
    if not directory.is_dir():
        return removed
    for path in sorted(directory.iterdir()):
        if is_own_file(path.name) and not path.is_dir():
            path.unlink()
            removed.append(path)
    if made_by_artlint(directory) and {path.name for path in directory.iterdir()} <= set(CACHE_MARKERS):
        for name in CACHE_MARKERS:
            (directory / name).unlink()
        directory.rmdir()
    return removed


def is_own_file(name: str) -> bool:
    """Whether a name is one artlint gives its cache files, in this version or an earlier one."""
    return _OWN_NAME.fullmatch(name) is not None

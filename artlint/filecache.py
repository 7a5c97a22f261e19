"""The per-file result cache: a file checked before, unchanged, with the same configuration
and artlint version, is not parsed again.

An entry is keyed by the file's content hash, the fingerprint of the rule settings that apply
to it, artlint's version and whether the network rules' probes were wanted. It holds the
file's findings, its corpus facts, its suppressions, its probes and the facts about other files
that its findings depend on (see artlint.dependencies): an entry whose dependencies no longer
hold is not used. Corpus rules' findings are cached as a whole under the fingerprint of every
file of the run (the corpus index): they are judged again only when some file changed.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from artlint import __version__
from artlint.sqlitedb import batches, open_shared, write_transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY,
    entry BLOB NOT NULL,
    used REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS stats (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    name TEXT PRIMARY KEY,
    value REAL NOT NULL
);
"""

DAY = 86400.0
# Entries not used for this long are deleted (a file edited since, an old configuration).
UNUSED_FOR = 14 * DAY
# Whole-run and corpus results are large (every finding of the run): only the most recent
# few are worth keeping, one per way of running artlint on the project.
KEPT_RUNS = 16


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# Bumped whenever the layout of an entry changes, so that old entries are never read.
ENTRY_FORMAT = 4


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """artlint's version and the newest modification time of its own files and rule data: a
    checkout whose code changed (a developer's, or an upgrade in place) does not reuse results."""
    package = Path(__file__).resolve().parent
    newest = 0
    for folder in (package, package.parent / "rules"):
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.suffix in (".py", ".toml"):
                    newest = max(newest, path.stat().st_mtime_ns)
    return f"{__version__}:{newest}"


def settings_fingerprint(rules, max_file_size: int, online: bool) -> str:
    text = repr(
        (
            ENTRY_FORMAT,
            code_fingerprint(),
            max_file_size,
            online,
            [(s.name, str(s.severity), sorted((k, repr(v)) for k, v in s.options.items())) for s in rules],
        )
    )
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class FileCache:
    def __init__(self, path: Path):
        self._db = open_shared(path, SCHEMA)
        self._now = time.time()
        self._stale: list[str] = []  # entries read whose last use is more than a day old
        self._wrote = False

    def get_many(self, keys: list[str]) -> dict[str, object]:
        found = {}
        stale_before = self._now - DAY
        for batch, marks in batches(keys):
            for key, entry, used in self._db.execute(f"SELECT key, entry, used FROM files WHERE key IN ({marks})", batch):
                try:
                    found[key] = pickle.loads(entry)
                except Exception:  # an entry from another version of Python or artlint: ignore it
                    continue
                if used < stale_before:
                    self._stale.append(key)
        return found

    def put_many(self, items: Iterable[tuple[str, object]]) -> None:
        rows = [(key, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), self._now) for key, entry in items]
        if not rows:
            return
        self._wrote = True
        with write_transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", rows)

    def get_stats(self, paths: list[str]) -> dict[str, tuple[int, int, str]]:
        found = {}
        if len(paths) > 2000:  # a site: one scan of the table beats many lookups
            wanted = set(paths)
            for path, size, mtime, digest in self._db.execute("SELECT path, size, mtime, digest FROM stats"):
                if path in wanted:
                    found[path] = (size, mtime, digest)
            return found
        for batch, marks in batches(paths):
            for path, size, mtime, digest in self._db.execute(
                f"SELECT path, size, mtime, digest FROM stats WHERE path IN ({marks})", batch
            ):
                found[path] = (size, mtime, digest)
        return found

    def put_stats(self, rows: list[tuple[str, int, int, str]]) -> None:
        if not rows:
            return
        with write_transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?, ?)", rows)

    def close(self) -> None:
        try:
            self._tidy()
        except sqlite3.OperationalError:  # another run holds the lock for long: tidy next time
            pass
        self._db.close()

    def _tidy(self) -> None:
        """Mark the entries used again, and keep the cache from growing without end: old run
        results beyond the most recent few, and (once a day) entries unused for two weeks."""
        if not self._stale and not self._wrote:
            return  # a warm run writes nothing
        with write_transaction(self._db):
            for batch, marks in batches(self._stale):
                self._db.execute(f"UPDATE files SET used = ? WHERE key IN ({marks})", [self._now, *batch])
            if self._wrote:
                for prefix in ("run|", "corpus|"):
                    self._keep_newest(prefix, KEPT_RUNS)
                last = self._db.execute("SELECT value FROM meta WHERE name = 'pruned'").fetchone()
                if last is None or last[0] < self._now - DAY:
                    self._db.execute("DELETE FROM files WHERE used < ?", (self._now - UNUSED_FOR,))
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (self._now,))

    def _keep_newest(self, prefix: str, count: int) -> None:
        # A range on the key, not LIKE, so that SQLite walks the primary key's index.
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        self._db.execute(
            "DELETE FROM files WHERE key >= ? AND key < ? AND key NOT IN "
            "(SELECT key FROM files WHERE key >= ? AND key < ? ORDER BY used DESC LIMIT ?)",
            (prefix, end, prefix, end, count),
        )

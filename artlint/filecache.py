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
import hmac
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Iterable

from artlint import __version__, plaindata
from artlint.plaindata import DataError
from artlint.sealing import seal, sealer
from artlint.sqlitedb import batches, open_shared, write_transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    key TEXT PRIMARY KEY,
    head BLOB NOT NULL,
    head_seal TEXT NOT NULL,
    findings BLOB NOT NULL,
    findings_seal TEXT NOT NULL,
    used REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS stats (
    path TEXT PRIMARY KEY,
    signature TEXT NOT NULL,
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


# Bumped whenever the layout of an entry changes, so that old entries are never read.
ENTRY_FORMAT = 9


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


def settings_fingerprint(rules, max_file_size: int, online: bool, site: object = None) -> str:
    """What a file's findings depend on besides its bytes: the rules and their settings, and
    the model of its site (`site`: its plain description)."""
    text = repr(
        (
            ENTRY_FORMAT,
            code_fingerprint(),
            max_file_size,
            online,
            site,
            [(s.name, str(s.severity), sorted((k, repr(v)) for k, v in s.options.items())) for s in rules],
        )
    )
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class FileCache:
    """Entries are two sealed values each (see artlint.sealing and artlint.plaindata): a head
    (what an index lookup needs: corpus facts and the like) and the findings, decoded only when
    wanted. An entry that does not decode or whose seal does not match is a miss."""

    def __init__(self, path: Path):
        self._db = open_shared(path, SCHEMA)
        self._now = time.time()
        self._stale: list[str] = []  # entries read whose last use is more than a day old
        self._wrote = False

    def get_many(self, keys: list[str], with_findings: bool = True) -> dict[str, tuple[Any, Any]]:
        """{key: (head, findings)} for the keys the cache holds; findings None unless wanted."""
        found = {}
        stale_before = self._now - DAY
        columns = "findings, findings_seal" if with_findings else "NULL, NULL"
        for batch, marks in batches(keys):
            rows = self._db.execute(f"SELECT key, head, head_seal, {columns}, used FROM files WHERE key IN ({marks})", batch)
            for key, head, head_seal, findings, findings_seal, used in rows:
                try:
                    value = unsealed(key, head, head_seal)
                    listed = unsealed(key, findings, findings_seal) if with_findings else None
                except DataError:  # another version's, or not artlint's: a miss
                    continue
                found[key] = (value, listed)
                if used < stale_before:
                    self._stale.append(key)
        return found

    def get_findings(self, keys: list[str]) -> dict[str, Any]:
        """{key: findings} for the keys the cache holds, their heads left unread."""
        found = {}
        stale_before = self._now - DAY
        for batch, marks in batches(keys):
            rows = self._db.execute(f"SELECT key, findings, findings_seal, used FROM files WHERE key IN ({marks})", batch)
            for key, findings, findings_seal, used in rows:
                try:
                    found[key] = unsealed(key, findings, findings_seal)
                except DataError:  # another version's, or not artlint's: a miss
                    continue
                if used < stale_before:
                    self._stale.append(key)
        return found

    def holds_no_entries(self) -> bool:
        return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def put_many(self, items: Iterable[tuple[str, Any, Any]]) -> None:
        rows = [(key, *sealed(key, head), *sealed(key, findings), self._now) for key, head, findings in items]
        if not rows:
            return
        self._wrote = True
        with write_transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", rows)

    def get_stats(self, paths: list[str]) -> dict[str, tuple[str, str]]:
        """{path: (stat signature, content digest)} as recorded (see dependencies.stat_signature).

        Not sealed: a row is used only when its signature is the file's own, change time in
        nanoseconds and inode included, which a checkout gets when it is made on the machine
        that checks it; a row planted with the pull request cannot know them in advance."""
        found = {}
        if len(paths) > 2000:  # a site: one scan of the table beats many lookups
            wanted = set(paths)
            for path, signature, digest in self._db.execute("SELECT path, signature, digest FROM stats"):
                if path in wanted:
                    found[path] = (signature, digest)
            return found
        for batch, marks in batches(paths):
            for path, signature, digest in self._db.execute(
                f"SELECT path, signature, digest FROM stats WHERE path IN ({marks})", batch
            ):
                found[path] = (signature, digest)
        return found

    def put_stats(self, rows: list[tuple[str, str, str]]) -> None:
        """Record (path, stat signature, content digest) rows."""
        if not rows:
            return
        with write_transaction(self._db):
            self._db.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?, ?)", rows)

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


def sealed(key: str, value: Any) -> tuple[bytes, str]:
    """`value` encoded, and its seal, which binds it to `key` (another entry's data under this
    key does not pass)."""
    data = plaindata.dumps(value)
    return data, _seal_of(key, (data,))


def unsealed(key: str, data: bytes, mark: str) -> Any:
    """The value `sealed(key, ...)` encoded; DataError when `data` is not that, sealed by this
    user's artlint."""
    if not isinstance(data, bytes) or not isinstance(mark, str) or not hmac.compare_digest(_seal_of(key, (data,)), mark):
        raise DataError("not sealed by this user's artlint")
    return plaindata.loads(data)


_SEAL_WHOLE = 1 << 20  # bytes: larger data is sealed in parts, not copied behind its key first


def _seal_of(key: str, parts: Iterable[bytes]) -> str:
    head = key.encode("utf-8", "surrogateescape") + b"\0"
    parts = tuple(parts)
    if len(parts) == 1 and len(parts[0]) <= _SEAL_WHOLE:
        return seal(head + parts[0])  # one call: the cheapest for the many small entries
    whole = sealer()
    whole.update(head)
    for part in parts:
        whole.update(part)
    return whole.hexdigest()


def write_sealed(key: str, parts: Iterable[bytes], stream: BinaryIO) -> None:
    """Write what `sealed(key, value)` gives, as a line with the seal and then the data, for a
    value encoded in parts (plaindata.dumps_map): the parts are written as they come, never
    joined. `read_sealed` reads it back."""
    stream.write(b"0" * _MARK_LENGTH + b"\n")  # the seal, once the data is known
    whole = sealer()
    whole.update(key.encode("utf-8", "surrogateescape") + b"\0")
    for part in parts:
        whole.update(part)
        stream.write(part)
    mark = whole.hexdigest().encode("ascii")
    assert len(mark) == _MARK_LENGTH
    stream.seek(0)
    stream.write(mark)


def read_sealed(key: str, stream: BinaryIO) -> Any:
    """The value `write_sealed` wrote; DataError when it is not that, sealed by this user's artlint."""
    mark = stream.readline().rstrip(b"\n").decode("ascii", "replace")
    data = stream.read()
    whole = sealer()
    whole.update(key.encode("utf-8", "surrogateescape") + b"\0")
    whole.update(data)
    if not hmac.compare_digest(whole.hexdigest(), mark):
        raise DataError("not sealed by this user's artlint")
    return plaindata.loads(data)


_MARK_LENGTH = 64  # hexadecimal digits of an HMAC-SHA256

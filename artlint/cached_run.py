"""Running `check_file` (and `index_file`) through the per-file cache.

Cache hits are rebuilt in the calling process without parsing; misses go to the workers and
are stored afterwards. Corpus findings are cached under the fingerprint of all files' keys.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import Callable

from artlint import dependencies
from artlint.config import Config
from artlint.filecache import FileCache, content_digest, settings_fingerprint
from artlint.localfiles import pages_fingerprint_of


class CachedChecks:
    def __init__(self, config: Config, directory: Path):
        self.config = config
        self.cache = FileCache(directory / "files.sqlite3")
        self._fingerprints: dict[int, tuple[object, str]] = {}  # id of a rules tuple -> (it, fingerprint)
        self.keys: dict[str, str] = {}  # display path -> cache key of this run
        self._new_stats: list[tuple[str, int, int, str]] = []

    def close(self) -> None:
        self.cache.put_stats(self._new_stats)
        self.cache.close()

    def _fingerprint(self, path: Path) -> str:
        # The configuration hands out one tuple per set of matching overrides: key on its identity.
        rules = self.config.rules_for_path(path)
        found = self._fingerprints.get(id(rules))
        if found is None:
            found = self._fingerprints[id(rules)] = (rules, settings_fingerprint(rules, self.config.max_file_size, self.config.online))
        return found[1]

    def _digest(self, path: Path, stats: dict) -> str | None:
        """The content hash of a file: from the cache when its size and modification time are
        those recorded with it (as git's index does), else by reading it."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        absolute = os.path.abspath(path)
        known = stats.get(absolute)
        if known is not None and known[0] == info.st_size and known[1] == info.st_mtime_ns:
            return known[2]
        try:
            with open(path, "rb") as handle:
                digest = content_digest(handle.read(self.config.max_file_size + 1))
        except OSError:
            return None
        self._new_stats.append((absolute, info.st_size, info.st_mtime_ns, digest))
        return digest

    def _key(self, path: Path, digest: str) -> str:
        return f"{os.path.abspath(path)}|{digest}|{self._fingerprint(path)}"

    def map(self, kind: str, function: Callable, files: list[tuple[Path, str]], mapper: Callable) -> list:
        """`function` over `files` (through `mapper`, the process pool), answering from the cache
        where it can. Results come back in the order of `files`. `kind` is "check" (findings
        and facts) or "index" (facts only): a checked file's entry also answers an index lookup,
        so a pre-commit run after a full run parses nothing but the changed files."""
        keys: dict[str, str] = {}
        stats = self.cache.get_stats([os.path.abspath(path) for path, _ in files])
        for path, display in files:
            digest = self._digest(path, stats)
            if digest is not None:
                keys[display] = self._key(path, digest)
        entries = self.cache.get_many(list(set(keys.values())))
        results: dict[str, object] = {}
        for path, display in files:
            entry = entries.get(keys.get(display, ""))
            if entry is None or (kind == "check" and entry.kind != "check"):
                continue
            if dependencies.still_hold(entry.dependencies, pages_fingerprint_of):
                results[display] = _relocated(entry, display)
        misses = [(path, display) for path, display in files if display not in results]
        fresh = mapper(function, misses)
        stored = []
        for (path, display), result in zip(misses, fresh):
            results[display] = result
            result.kind = kind
            if result.digest:
                key = self._key(path, result.digest)
                keys[display] = key
                stored.append((key, _without_snippets(result)))
        self.cache.put_many(stored)
        self.keys.update(keys)
        return [results[display] for _, display in files]

    def corpus_key(self, displays: list[str], checked: frozenset[str]) -> str:
        """The fingerprint of the corpus index: every file's cache key, and which files were
        named (findings go to those only)."""
        text = "\n".join(sorted(f"{display}\t{self.keys.get(display, '?')}\t{display in checked}" for display in displays))
        return "corpus|" + hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def get_corpus(self, key: str):
        return self.cache.get_many([key]).get(key)

    def put_corpus(self, key: str, findings: list) -> None:
        self.cache.put_many([(key, findings)])


def _without_snippets(result):
    """The result as stored: source lines are read again when a report shows them."""
    if not any(finding.snippet for finding in result.findings):
        return result
    stored = replace(result)
    stored.findings = [replace(finding, snippet=None) for finding in result.findings]
    return stored


def _relocated(result, display: str):
    """A cached result for a file now shown under another path (run from another folder)."""
    if result.path == display:
        return result
    result.path = display
    result.findings = [replace(finding, path=display) for finding in result.findings]
    return result

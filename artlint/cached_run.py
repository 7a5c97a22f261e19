"""The result cache as a layer around the pipeline: `CachedChecker` answers each step of a run
(engine.UncachedChecker's) from the cache where it can and hands the rest to the step it wraps.

Per file: cache hits are rebuilt in the calling process without parsing; misses go to the
workers and are stored afterwards. Corpus findings are cached under the fingerprint of all
files' keys, and the findings of a whole offline run under that of every file and which were
named, so that a run over an unchanged project parses nothing and judges nothing.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Callable

from artlint import dependencies, sealing
from artlint.atomicfile import replacing
from artlint.cachefolder import FILES_DATABASE, UntrustedFolder, trusted_cache_directory
from artlint.config import Config, RuleSettings
from artlint.dependencies import stat_signature, trusted_signature
from artlint.filecache import (
    ENTRY_FORMAT,
    FileCache,
    read_sealed,
    settings_fingerprint,
    write_sealed,
)
from artlint.findings import Finding
from artlint.gcpause import paused_gc
from artlint.localfiles import pages_fingerprint_of
from artlint.network.probes import Probe
from artlint.network.targets import Target
from artlint.plaindata import DataError, dumps_map
from artlint.results import Arrived, Checked, Checker, FileResult, SharedText
from artlint.runfindings import RunFindings, findings_of, pack, row
from artlint.source import content_digest
from artlint.sqlitedb import FailSafe

_SNAPSHOT = "facts snapshot"  # what the snapshot file's seal binds it to
_STORED_AT_ONCE = 2048  # entries encoded and written in one transaction


def cached_checker(inner: Checker, config: Config, snapshot_root: str) -> tuple[Checker, str | None]:
    """`inner` behind the result cache, and None; or `inner` itself and why the cache is not
    used (its folder cannot be trusted). `snapshot_root` names the project (see put_snapshot)."""
    try:
        directory = trusted_cache_directory(config, config.boundary)
    except UntrustedFolder as exc:
        return inner, str(exc)
    return CachedChecker(inner, config, directory, snapshot_root), None


class CachedChecker:
    def __init__(self, inner: Checker, config: Config, directory: Path, snapshot_root: str):
        self.inner = inner
        self.snapshot_root = snapshot_root
        self.config = config
        database = directory / FILES_DATABASE
        self.cache = FailSafe(lambda: FileCache(database), f"the result cache {database}")
        self.directory = directory
        self._fingerprints: dict[tuple[int, int], tuple[object, object, str]] = {}  # ids of (rules, site) -> (them, fingerprint)
        self.keys: dict[str, str] = {}  # display path -> cache key of this run
        self._new_stats: list[tuple[str, str, str]] = []
        self._snapshot: dict[str, tuple[str, dict]] = {}  # display path -> (cache key, corpus facts)
        self.text = SharedText()  # the facts read back, as engine.UncachedChecker keeps those it makes
        self._empty: bool | None = None  # see holds_nothing

    def check_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        return self.map("check", self.inner.check_files, files, on_results)

    def index_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        if files:
            self.load_snapshot(self.snapshot_root)
        try:
            return self.map("index", self.inner.index_files, files, on_results)
        finally:
            self._snapshot = {}  # what it answered is in the results now

    def judge_corpus(self, results: list[FileResult], indexed: list[FileResult], checked: frozenset[str]) -> list[Finding]:
        context = results + indexed
        key = self.corpus_key([result.path for result in context], checked)
        findings = self.get_corpus(key)
        if findings is None:
            if len(results) * 2 >= len(context):  # a run over (most of) the site; before the facts are judged, and let go
                self.put_snapshot(self.snapshot_root, context)
            findings = self.inner.judge_corpus(results, indexed, checked)
            self.put_corpus(key, findings)
        return findings

    def whole_run(self, files: list[tuple[str, str]], checked: frozenset[str], pipeline: Callable[[], Checked]) -> Checked:
        """Offline, the findings of an identical earlier run; else (and online, where the
        outcomes of the network phase are cached on their own) what `pipeline` finds."""
        if self.config.online:
            return self.inner.whole_run(files, checked, pipeline)
        displays = [display for _, display in files]
        key = None
        if not self.holds_nothing():
            self.keys_for(files)
            key = self.run_key(displays, checked)
            findings = self.get_run(key, checked)
            if findings is not None:
                return Checked(findings, [])
        found = self.inner.whole_run(files, checked, pipeline)
        if not found.warnings:  # a run that warned must warn again, so it is never answered whole
            self.put_run(key or self.run_key(displays, checked), found.findings, found.results)
        return found

    def holds_nothing(self) -> bool:
        """Whether the cache holds no entry at all (a first run): then nothing can be answered
        from it, and the files are not read and hashed before they are checked only to look
        them up (a second read of every file, before the workers start: 0.8 s of 10,000
        articles); their keys come from the digests the checking makes."""
        if self._empty is None:
            self._empty = self.cache.holds_no_entries() is True
        return self._empty

    @property
    def problems(self) -> list[str]:
        """Why the cache could not be used, or not across runs (the run went on without it)."""
        return [problem for problem in (self.cache.problem, sealing.problem) if problem]

    def close(self) -> None:
        self.cache.put_stats(self._new_stats)
        self.cache.close()

    def _fingerprint(self, path: str) -> str:
        # The configuration hands out one tuple per set of matching overrides: key on its identity.
        rules = self.config.rules_for_path(path)
        site = self.config.site_for(path)
        found = self._fingerprints.get((id(rules), id(site)))
        if found is None:
            described = sorted(site.describe().items()) if site is not None else None
            fingerprint = settings_fingerprint(rules, self.config.max_file_size_for(path), self.config.online, described)
            found = self._fingerprints[(id(rules), id(site))] = (rules, site, fingerprint)
        return found[2]

    def _digest(self, path: str, absolute: str, stats: dict) -> str | None:
        """The content hash of a file: from the cache when its stat signature is the one
        recorded with it (as git's index does), else by reading it."""
        try:
            info = os.stat(absolute)
        except OSError:
            return None
        signature = stat_signature(info)
        known = stats.get(absolute)
        if known is not None and known[0] == signature:
            return known[1]
        read_at = time.time_ns()
        try:
            with open(path, "rb") as handle:
                digest = content_digest(handle.read(self.config.max_file_size_for(path) + 1))
        except OSError:
            return None
        if trusted_signature(info, read_at):
            self._new_stats.append((absolute, signature, digest))
        return digest

    def _key(self, path: str, digest: str) -> str:
        return f"{os.path.abspath(path)}|{digest}|{self._fingerprint(path)}"

    def map(
        self, kind: str, step: Callable[..., list[FileResult]], files: list[tuple[str, str]], on_results: Arrived | None = None
    ) -> list[FileResult]:
        """`step` (the wrapped checker's) over `files`, answering from the cache where it can.
        Results come back in the order of `files`. `kind` is "check" (findings and facts) or
        "index" (facts only): a checked file's entry also answers an index lookup, so a
        pre-commit run after a full run parses nothing but the changed files."""
        first = kind == "check" and self.holds_nothing()
        keys = {display: self.keys[display] for _, display in files if display in self.keys}
        missing_keys = [(path, display) for path, display in files if display not in self.keys]
        if missing_keys and not first:
            keys.update(self.keys_for(missing_keys))
        results = {} if first else self._answered(kind, files, keys)
        if on_results is not None:
            on_results([results[display] for _, display in files if display in results])
        misses = [(path, display) for path, display in files if display not in results]
        store = _Store(self, kind, iter(misses), keys, results, record_stats=first)

        def arrived(fresh: list[FileResult]) -> None:
            store.add(fresh)  # while the workers go on with the rest
            if on_results is not None:
                on_results(fresh)

        step(misses, on_results=arrived)
        store.flush()
        self.keys.update(keys)
        return [results[display] for _, display in files]

    @paused_gc
    def _answered(self, kind: str, files: list[tuple[str, str]], keys: dict[str, str]) -> dict[str, FileResult]:
        """The results the cache holds, by display path."""
        results: dict[str, FileResult] = {}
        if kind == "index":
            results.update(self._from_snapshot(keys))
        with_findings = kind == "check"
        entries = self.cache.get_many(list({key for display, key in keys.items() if display not in results}), with_findings)
        for path, display in files:
            entry = None if display in results else entries.get(keys.get(display, ""))
            if entry is None:
                continue
            result = _unpacked(entry, display, self.config.rules_for_path(path))
            if result is None or (with_findings and result.kind != "check"):
                continue
            if dependencies.still_hold(result.dependencies, pages_fingerprint_of):
                results[display] = result
        self.text.compact(results.values())
        return results

    @paused_gc
    def load_snapshot(self, root: str) -> None:
        """Read the corpus facts of the project as the last big run left them (see put_snapshot)."""
        try:
            with open(self._snapshot_path(root), "rb") as handle:
                entry = read_sealed(_SNAPSHOT, handle)
        except (OSError, DataError):  # none yet, or from another version or user: look every file up
            entry = None
        self._snapshot = entry if isinstance(entry, dict) else {}

    @paused_gc
    def put_snapshot(self, root: str, results: list[FileResult]) -> None:
        """Keep the corpus facts of every file of a run in one file. A pre-commit run compares
        a few files with the whole site: reading one file is much faster than looking up every
        article's own entry (9.8 s of the 11.7 s such a run took at 100,000 articles). Files changed
        since are looked up one by one, so a stale snapshot costs time, never correctness.
        A file beside the database rather than a row: SQLite reads a 9 MB value page by page.
        Written a file at a time: encoded whole, and copied to seal and write it, the facts of
        10,000 articles took 28 MB more."""
        # A file whose facts are incomplete is looked up on its own, where its failures are kept.
        snapshot = [
            (result.path, (self.keys[result.path], result.facts))
            for result in results
            if result.path in self.keys and not result.collect_failures
        ]
        try:
            with replacing(self._snapshot_path(root), ".facts-") as temporary, open(temporary, "wb") as stream:
                write_sealed(_SNAPSHOT, dumps_map(snapshot, len(snapshot)), stream)
        except OSError:
            pass  # a snapshot is only a shortcut

    def _snapshot_path(self, root: str) -> Path:
        digest = hashlib.blake2b(f"{ENTRY_FORMAT}|{root}".encode("utf-8"), digest_size=12).hexdigest()
        return self.directory / f"facts-{digest}.json"

    def _from_snapshot(self, keys: dict[str, str]) -> dict[str, FileResult]:
        found = {}
        snapshot = self._snapshot
        for display, key in keys.items():
            known = snapshot.get(display)
            if type(known) is tuple and len(known) == 2 and known[0] == key and type(known[1]) is dict:
                found[display] = FileResult(display, facts=known[1], digest=key.rsplit("|", 2)[1], kind="index")
        return found

    def keys_for(self, files: list[tuple[str, str]]) -> dict[str, str]:
        """The cache key of each readable file (its content hash, usually from the size and
        modification time recorded earlier)."""
        keys: dict[str, str] = {}
        absolutes = {display: _absolute(path) for path, display in files}
        stats = self.cache.get_stats(list(absolutes.values()))
        same_rules = None if self.config.overrides else self._fingerprint("")
        for path, display in files:
            absolute = absolutes[display]
            digest = self._digest(path, absolute, stats)
            if digest is not None:
                keys[display] = f"{absolute}|{digest}|{same_rules or self._fingerprint(path)}"
        self.keys.update(keys)
        if len(self._new_stats) >= _STORED_AT_ONCE:  # a site read for the first time: not held to the end
            self.cache.put_stats(self._new_stats)
            self._new_stats = []
        return keys

    def run_key(self, displays: list[str], checked: frozenset[str]) -> str:
        """The fingerprint of a whole offline run: every file's key and whether it was named."""
        return "run|" + self._files_fingerprint(displays, checked)

    def _files_fingerprint(self, displays: list[str], checked: frozenset[str]) -> str:
        text = "\n".join(sorted(f"{display}\t{self.keys.get(display, '?')}\t{display in checked}" for display in displays))
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    @paused_gc
    def get_run(self, key: str, checked: frozenset[str]) -> RunFindings | None:
        """The findings of an identical earlier run, if what they depended on still holds: each
        checked file's own from its entry (the run's entry has their digest), and the rest."""
        entry = self.cache.get_many([key]).get(key)
        if entry is None:
            return None
        try:
            recorded, (digest, unstored, added) = entry
            if not dependencies.still_hold(recorded, pages_fingerprint_of):
                return None
            findings = RunFindings()
            own = dict(unstored)
            keys = {display: self.keys[display] for display in checked if display not in own}  # KeyError: a miss
            packed = self.cache.get_findings(list(keys.values()))
            own.update((display, packed[file_key]) for display, file_key in keys.items())
            for display, data in own.items():
                if type(display) is not str or type(data) is not bytes:
                    return None
                findings.put(display, data)
            if _packed_digest(findings) != digest:  # an entry replaced since (by another kind's)
                return None
            findings.add(_grouped_findings(added))
            return findings
        except (TypeError, ValueError, KeyError):  # not the shape this version writes, or an entry gone
            return None

    def put_run(self, key: str, findings: RunFindings, results: list[FileResult]) -> None:
        """The findings of a whole run as its entry keeps them: the digest of the files' own,
        which their entries hold (a second copy of them all, written at once, took 100 MB more
        at 100,000 articles), the own findings of files that have no entry (unreadable), and
        the findings added to the files' own (corpus, unused-suppression)."""
        recorded = sorted({fact for result in results for fact in result.dependencies}, key=repr)
        unstored = [(result.path, findings.own(result.path)) for result in results if not result.digest]  # see _store
        value = (_packed_digest(findings), unstored, _grouped_rows(findings.added()))
        self.cache.put_many([(key, recorded, value)])

    def corpus_key(self, displays: list[str], checked: frozenset[str]) -> str:
        """The fingerprint of the corpus index: every file's cache key, and which files were
        named (findings go to those only)."""
        return "corpus|" + self._files_fingerprint(displays, checked)

    def get_corpus(self, key: str) -> list[Finding] | None:
        entry = self.cache.get_many([key]).get(key)
        try:
            return None if entry is None else _grouped_findings(entry[1])
        except (TypeError, ValueError, KeyError):
            return None

    def put_corpus(self, key: str, findings: list[Finding]) -> None:
        self.cache.put_many([(key, None, _grouped_rows(findings))])


class _Store:
    """The fresh results of a step kept as they arrive: each in the run's results, its key
    made from its digest, its entry written to the cache `_STORED_AT_ONCE` at a time (each
    entry encoded as its batch is written, not the whole site's at once); with `record_stats`,
    the stat signatures the checking took (a first run: keys_for looked nothing up)."""

    def __init__(self, owner: "CachedChecker", kind: str, misses, keys: dict[str, str], results: dict[str, FileResult], record_stats: bool):
        self.owner, self.kind, self.misses, self.keys, self.results = owner, kind, misses, keys, results
        self.record_stats = record_stats
        self.pending: list[tuple[str, FileResult]] = []

    @paused_gc
    def add(self, fresh: list[FileResult]) -> None:
        owner = self.owner
        for result in fresh:
            path, display = next(self.misses)
            self.results[display] = result
            result.kind = self.kind
            if result.digest:
                key = owner._key(path, result.digest)
                self.keys[display] = key
                self.pending.append((key, result))
                if self.record_stats and result.signature:
                    owner._new_stats.append((_absolute(path), result.signature, result.digest))
        if len(self.pending) >= _STORED_AT_ONCE:
            self.flush()

    def flush(self) -> None:
        owner = self.owner
        if self.pending:
            owner.cache.put_many([(key, *_packed(result)) for key, result in self.pending])
            self.pending = []
        if len(owner._new_stats) >= _STORED_AT_ONCE:  # a site's worth is not held to the end (25 MB at 100,000)
            owner.cache.put_stats(owner._new_stats)
            owner._new_stats = []


def _packed_digest(findings: RunFindings) -> str:
    """A digest of the files' own findings, as they are packed, file by file."""
    digest = hashlib.blake2b(digest_size=16)
    for path, packed in findings.packed():
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + len(packed).to_bytes(8, "little"))
        digest.update(packed)
    return digest.hexdigest()


def _absolute(path: str) -> str:
    # Files found by walking an absolute folder are absolute and normal already.
    return path if path.startswith("/") and "/." not in path and "//" not in path else os.path.abspath(path)


def _packed(result: FileResult) -> tuple[tuple, bytes]:
    """A result as stored: a head (what an index lookup reads) and the findings as the run
    keeps them (runfindings.pack: no source lines, no path), decoded only when they are
    reported (a pre-commit run comparing one file with the whole site reads the corpus facts of
    the other files only). The probes' rules by name (the key holds their settings' fingerprint).

    Probes are written as plain tuples, which MessagePack reads in C: as extension types, one
    Python call for every fix, edit and probe took 0.6 s of a warm run over 10,000 articles.
    The seal says this version wrote them (the key holds ENTRY_FORMAT), so they are rebuilt
    without a check of every field."""
    probes = [(settings.name, tuple(_probe_row(probe) for probe in found)) for settings, found in result.probes]
    head = (result.kind, result.digest, result.facts, result.suppressions, probes, result.dependencies, result.collect_failures)
    return head, result.packed or pack(result.findings)


def _grouped_rows(findings: list[Finding]) -> list:
    """Findings grouped by file: each path and rule name written once per file, and so read as
    one string (pickle shared repeated strings; MessagePack makes each anew)."""
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(f.path, []).append(row(f))
    return list(groups.items())


def _grouped_findings(groups) -> list[Finding]:
    names: dict[str, str] = {}  # one string per rule name, as pickle shared them
    return [finding for path, rows in groups for finding in findings_of(path, rows, names)]


def _probe_row(probe: Probe) -> tuple:
    target = probe.target
    return (target.kind, target.value, probe.line, probe.column, probe.end_line, probe.end_column, probe.url, probe.title)


def _probe(kind, value, line, column, end_line, end_column, url, title) -> Probe:
    return Probe(Target(kind, value), line, column, end_line, end_column, url, title)


def _unpacked(entry: tuple, display: str, rules: tuple[RuleSettings, ...]) -> FileResult | None:
    """The FileResult of a cache entry (head, packed findings or None); None when it is not of
    the shape this version writes."""
    head, packed = entry
    try:
        kind, digest, facts, suppressions, named_probes, recorded, failures = head
        settings = {s.name: s for s in rules}
        probes = [(settings[name], [_probe(*fields) for fields in found]) for name, found in named_probes]
        result = FileResult(display, facts=dict(facts), suppressions=suppressions, probes=probes, digest=digest, kind=kind)
        result.dependencies = list(recorded)
        result.collect_failures = dict(failures)
        if packed is not None:
            if type(packed) is not bytes:
                return None
            result.packed = packed
    except (TypeError, ValueError, KeyError):
        return None
    return result

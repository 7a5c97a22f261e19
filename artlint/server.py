"""`artlint server`: artlint as a language server (LSP over stdio, with pygls).

An editor sends the text of each open article as it is typed; the server checks that unsaved
text under the article's path, with the configuration and site model that `artlint check
FILE` would use for it (engine.check_buffer: the pipeline of a check, on a text instead of a
file), and publishes the findings as diagnostics.

- Document rules run on open, on save, and on change: a change after a pause is checked at
  once, and during typing the check waits until no change came for the debounce delay
  (leading and trailing debounce), so a burst of keystrokes costs at most two checks.
- Corpus rules (duplicate titles, near-duplicate articles) compare the open articles with an
  index of the project's other files: their corpus facts, collected once on a background
  thread the first time a corpus rule is needed (engine.index_file, as a run indexes the files
  it was not given), and again for a file when it is saved. Open articles take part with their
  unsaved text; a change to one re-judges the others that are open in its project.
- Network rules never run on keystrokes; on save only when the configuration says
  `[editor] network-on-save = true`, on a thread, and their findings hold until the text changes.
- Code actions: each finding's fix (safe ones first, unsafe ones labelled), "Fix all safe fixes
  in this file" (kind source.fixAll: fixing.fix_passes, as `--fix` does in memory) and
  "Disable RULE for this line" (the suppression comment of artlint.suppression).
- Hover on a diagnostic: the rule's documentation, as `artlint explain RULE` prints it.

Positions: artlint's are 1-based lines and columns in code points on the text without BOM;
LSP's are 0-based lines and columns in the units the client and server agreed on (UTF-16
unless both prefer another), on the text as the editor holds it (TextMap converts).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import os
import re
import sys
import threading
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from lsprotocol import types
from pygls.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from artlint import __version__, localfiles
from artlint.boundary import work_tree
from artlint.cached_run import CachedChecker, cached_checker
from artlint.config import Config, ConfigError, find_config_file, load_config
from artlint.discovery import discover
from artlint.document import Document, parse_document
from artlint.engine import UncachedChecker, check_buffer, index_file, prepare_run, project_root
from artlint.findings import Edit, Finding, Severity
from artlint.fixing import WrittenText, fix_passes
from artlint.paths import display_path
from artlint.results import FileResult
from artlint.ruledocs import markdown as rule_markdown
from artlint.rules import CorpusRule, NetworkRule, all_rules, rule_instance
from artlint.source import decode, leading_boms

DEBOUNCE = 0.2  # seconds without a change before a check, while changes keep coming
INDEX_CHUNK = 16  # files indexed between two turns of the editor's checks
SOURCE = "artlint"
FIX_ALL_TITLE = "Fix all safe fixes in this file"
CONFIG_PROBLEM = "config"  # the code of the diagnostic that says the configuration is wrong

logger = logging.getLogger(__name__)

# artlint's checks were written for one thread per process (caches, the markdown parser, rule
# objects): the index builder and the network check take turns with the editor's checks, one
# file at a time. The interpreter runs one thread at a time anyway; this only orders them.
ENGINE = threading.RLock()

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_LINE_END = re.compile(r"\r\n|\r|\n")
_DISABLE_LINE = re.compile(r"<!--\s*artlint-disable-line\b(?P<names>.*?)-->")


# --------------------------------------------------------------------------- positions


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _utf8(text: str) -> int:
    return len(text.encode("utf-8"))


_UNITS: dict[str, Callable[[str], int]] = {"utf-16": _utf16, "utf-32": len, "utf-8": _utf8}


class TextMap:
    """Positions in the text an editor holds: from artlint's (line, column) and from offsets
    into it, to LSP positions. The editor's lines end as LSP says (CR LF, CR or LF), as artlint
    normalises them; each BOM, which artlint drops, is one more character on the first line."""

    def __init__(self, text: str, units: Callable[[str], int] = _utf16):
        self.text = text
        self.units = units
        self.boms = leading_boms(text)
        self.starts = [0]
        self.ends = []
        for match in _LINE_END.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def line_text(self, index: int) -> str:
        """The 0-based line `index` without its line end."""
        return self.text[self.starts[index] : self.ends[index]]

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of artlint's 1-based (line, column); past the end of a line is its end."""
        index = line - 1
        if index >= len(self.starts):
            index = len(self.starts) - 1
            return types.Position(index, self.units(self.line_text(index)))
        if index < 0:
            return types.Position(0, 0)
        text = self.line_text(index)
        count = max(column - 1, 0) + (self.boms if index == 0 else 0)
        return types.Position(index, self.units(text[:count]))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(self.position(line, column), self.position(end_line, end_column))

    def at_offset(self, offset: int) -> types.Position:
        """The LSP position of an offset into the editor's text."""
        index = bisect_right(self.starts, offset) - 1
        return types.Position(index, self.units(self.text[self.starts[index] : min(offset, self.ends[index])]))

    @property
    def newline(self) -> str:
        """The line end the text mostly uses, for inserted lines (as `--fix` writes them)."""
        return "\r\n" if self.text.count("\r\n") * 2 > self.text.count("\n") else "\n"


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) <= (b.line, b.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two ranges share a position (their ends included: a cursor on a word's edge)."""
    return _before(a.start, b.end) and _before(b.start, a.end)


# --------------------------------------------------------------------------- rule documentation


@lru_cache(maxsize=1)
def _docs_base() -> str | None:
    """Where docs/rules.md is read: in the repository named by the package's project URLs
    ([project.urls] in pyproject.toml), else in this checkout when artlint runs from one; else
    nowhere, and diagnostics carry no link."""
    # Imported here: only the first diagnostic needs the package's metadata.
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("artlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        urls = []
    named = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        named[label.strip().lower()] = url.strip().rstrip("/")
    for label in ("repository", "source", "source code", "code", "homepage"):
        url = named.get(label, "")
        if url.startswith("https://") and any(host in url for host in ("github.com/", "gitlab.com/", "codeberg.org/")):
            return f"{url}/blob/HEAD/docs/rules.md"
    local = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    return local.as_uri() if local.is_file() else None


def rule_href(rule: str) -> str | None:
    base = _docs_base()
    return f"{base}#{rule}" if base else None


def rule_explanation(rule: str) -> str | None:
    cls = all_rules().get(rule)
    return rule_markdown(cls) if cls is not None else None


# --------------------------------------------------------------------------- projects


class Project:
    """One configuration and what it governs: the site model, and the index of the corpus
    facts of the project's files (for corpus rules), built on first need."""

    def __init__(self, config: Config, stamp: object):
        self.config = config
        self.stamp = stamp  # the configuration file's signature when it was read
        self.root = project_root(config)
        prepare_run([str(self.root or config.root)], config)  # the boundary and the site model
        self.corpus_wanted = any(isinstance(rule_instance(s.name), CorpusRule) for s in config.rules_for(""))
        self.network_wanted = any(isinstance(rule_instance(s.name), NetworkRule) for s in config.rules_for(""))
        self.index: dict[str, FileResult] | None = None  # display path -> corpus facts; None until built
        self._building = False
        self._saved: dict[str, str] = {}  # display -> path of files saved while the index was built
        self._lock = threading.Lock()

    def index_ready(self, done: Callable[[], object]) -> bool:
        """Whether the index is built; else start building it (once), and call `done` from the
        builder's thread when it is."""
        with self._lock:
            if self.index is not None:
                return True
            if not self._building:
                self._building = True
                threading.Thread(target=self._build, args=(done,), name="artlint-index", daemon=True).start()
            return False

    def _build(self, done: Callable[[], object]) -> None:
        started = time.perf_counter()
        index: dict[str, FileResult] = {}
        try:
            if self.root is not None:
                with ENGINE:
                    files = discover([str(self.root)], self.config).files
                for result in self._indexed(files):
                    index[result.path] = result
        except Exception:  # the server goes on without the rest of the project
            logger.exception("artlint: indexing %s failed", self.root)
        with self._lock:
            saved, self._saved = self._saved, {}
            self.index = index
        for display, path in saved.items():
            self.reindex(path, display)
        logger.info("artlint: indexed %d files of %s in %.2f s", len(index), self.root, time.perf_counter() - started)
        done()

    def _indexed(self, files: list[tuple[str, str]]) -> Iterator[FileResult]:
        """The corpus facts of `files`, from the result cache that `artlint check` runs keep
        where it can be used (a site indexed before is read, not parsed), a few files at a
        time so that the editor's checks come in between."""
        inner = UncachedChecker(self.config, 1, None)
        with ENGINE:
            checker, problem = cached_checker(inner, self.config, str(self.root))
        if problem:
            logger.warning("artlint: %s", problem)
        cached = checker if isinstance(checker, CachedChecker) else None
        try:
            if cached is not None and files:
                with ENGINE:
                    cached.load_snapshot(str(self.root))
            for start in range(0, len(files), INDEX_CHUNK):
                chunk = files[start : start + INDEX_CHUNK]
                with ENGINE:
                    found = cached.map("index", inner.index_files, chunk) if cached is not None else inner.index_files(chunk)
                yield from found
        finally:
            with ENGINE:
                checker.close()

    def reindex(self, path: str, display: str) -> None:
        """A file was saved (or closed): its facts, from the disk, replace those indexed."""
        if not self.corpus_wanted:
            return
        with self._lock:
            if self.index is None:
                if self._building:
                    self._saved[display] = path
                return
        with ENGINE:
            facts = index_file(path, display, self.config)
        with self._lock:
            if self.index is not None:
                self.index[display] = facts

    def forget(self, display: str) -> None:
        with self._lock:
            if self.index is not None:
                self.index.pop(display, None)

    def judge(self, open_results: list[FileResult]) -> list[Finding]:
        """The corpus rules' findings on the open files, compared with each other (their
        unsaved texts) and with the rest of the indexed project."""
        if not self.corpus_wanted or not open_results:
            return []
        opened = {result.path for result in open_results}
        with self._lock:
            indexed = [result for display, result in (self.index or {}).items() if display not in opened]
        with ENGINE:
            return UncachedChecker(self.config, 1, None).judge_corpus(_borrowed(open_results), _borrowed(indexed), frozenset(opened))


def _borrowed(results: list[FileResult]) -> list[FileResult]:
    """Results the judgement may empty: it lets each rule's facts go once judged, and the server
    judges the same index and open documents again after every change."""
    return [dataclasses.replace(result, facts=dict(result.facts)) for result in results]


# --------------------------------------------------------------------------- open documents


@dataclass
class OpenDocument:
    uri: str
    path: str
    display: str
    project: Project | None = None
    text: str = ""  # the text checked last
    version: int | None = None  # its version
    map: TextMap | None = None
    result: FileResult | None = None  # the document rules' findings on `text`, its corpus facts
    problem: str | None = None  # a configuration that cannot be used, instead of findings
    corpus: list[Finding] = field(default_factory=list)
    network: list[Finding] = field(default_factory=list)
    network_version: int | None = None  # the version the network findings are about
    network_running: bool = False
    published: list[Finding] | None = None
    timer: object | None = None  # the pending debounced check (asyncio.TimerHandle)
    last_change: float = -math.inf
    _parsed: tuple[int | None, Document] | None = None

    def findings(self) -> list[Finding]:
        found = list(self.result.findings) if self.result is not None else []
        found += self.corpus
        if self.network_version == self.version:
            found += self.network
        found.sort(key=Finding.sort_key)
        return found


class ArtlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("artlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents: dict[str, OpenDocument] = {}
        self.projects: dict[str, Project] = {}
        self.debounce = DEBOUNCE

    # ------------------------------------------------------------------ the project of a file

    def project_for(self, path: str) -> Project:
        """The project whose configuration governs `path`, read again when the file changed.
        Raises ConfigError."""
        folder = os.path.dirname(path)
        found = find_config_file(Path(folder))
        if found is not None:
            key, start = str(found), folder
            try:
                info = found.stat()
                stamp: object = (info.st_mtime_ns, info.st_size, info.st_ino)
            except OSError:
                stamp = None
        else:  # no configuration: the defaults, over the git work tree around the file, if any
            tree = work_tree(folder)
            key = start = str(tree or folder)
            stamp = "defaults"
        project = self.projects.get(key)
        if project is None or project.stamp != stamp:
            with ENGINE:
                project = Project(load_config(None, Path(start)), stamp)
            self.projects[key] = project
        return project

    # ------------------------------------------------------------------ checking

    @property
    def units(self) -> Callable[[str], int]:
        return _UNITS.get(str(self.workspace.position_encoding or "utf-16"), _utf16)

    def changed(self, uri: str) -> None:
        """Check the document now if it had rested, else once changes stop for the debounce delay."""
        doc = self.documents.get(uri)
        if doc is None:
            return
        now = time.monotonic()
        if doc.timer is not None:
            doc.timer.cancel()  # type: ignore[attr-defined]
            doc.timer = None
        rested = now - doc.last_change >= self.debounce
        doc.last_change = now
        if rested:
            # After the messages already read: changes that came together are checked together.
            doc.timer = self.loop.call_soon(self.check, uri)
        else:
            doc.timer = self.loop.call_later(self.debounce, self.check, uri)

    def check(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        doc.timer = None
        self.check_document(doc)
        if doc.project is not None:
            self.judge(doc.project, always=doc)
        else:
            self.publish(doc, force=True)

    def current(self, doc: OpenDocument) -> OpenDocument:
        """The document checked as the editor now holds it (a request may come before the debounced check)."""
        held = self.workspace.get_text_document(doc.uri)
        if doc.result is None or held.source != doc.text or held.version != doc.version:
            if doc.timer is not None:
                doc.timer.cancel()  # type: ignore[attr-defined]
            self.check(doc.uri)
        return doc

    def check_document(self, doc: OpenDocument) -> None:
        """The document rules on the text the editor holds."""
        held = self.workspace.get_text_document(doc.uri)
        doc.text, doc.version = held.source, held.version
        doc.map = TextMap(doc.text, self.units)
        doc._parsed = None
        before = doc.project
        try:
            doc.project = self.project_for(doc.path)
            doc.problem = None
            if before is not None and doc.project is not before:  # its configuration changed: theirs too
                for other in self.documents.values():
                    if other.project is before and other is not doc:
                        self.loop.call_soon(self.check, other.uri)
        except ConfigError as exc:
            doc.project, doc.problem, doc.result, doc.corpus = None, str(exc), None, []
            return
        try:
            with ENGINE:
                doc.result = check_buffer(doc.text.encode("utf-8", "replace"), doc.path, doc.display, doc.project.config)
        except ConfigError as exc:  # a nested configuration file, read when its folder is first met
            doc.problem, doc.result, doc.corpus = str(exc), None, []

    def judge(self, project: Project, always: OpenDocument | None = None) -> None:
        """The corpus rules on the open documents of `project`; publishes each whose findings
        changed (and `always`)."""
        opened = [doc for doc in self.documents.values() if doc.project is project and doc.result is not None]
        if project.corpus_wanted and project.index_ready(lambda: self.loop.call_soon_threadsafe(self.judge, project)):
            by_path: dict[str, list[Finding]] = {}
            for finding in project.judge([doc.result for doc in opened if doc.result is not None]):
                by_path.setdefault(finding.path, []).append(finding)
            for doc in opened:
                doc.corpus = by_path.get(doc.display, [])
        for doc in opened:
            self.publish(doc, force=doc is always)
        if always is not None and always not in opened:
            self.publish(always, force=True)

    def publish(self, doc: OpenDocument, force: bool = False) -> None:
        if doc.problem is not None:
            diagnostic = types.Diagnostic(
                types.Range(types.Position(0, 0), types.Position(0, 0)),
                f"artlint cannot check this file: {doc.problem}",
                severity=types.DiagnosticSeverity.Error,
                code=CONFIG_PROBLEM,
                source=SOURCE,
            )
            self.publish_diagnostics(doc.uri, [diagnostic], version=doc.version)
            doc.published = None
            return
        findings = doc.findings()
        if not force and findings == doc.published:
            return
        doc.published = findings
        self.publish_diagnostics(doc.uri, [self.diagnostic(doc, finding) for finding in findings], version=doc.version)

    def diagnostic(self, doc: OpenDocument, finding: Finding) -> types.Diagnostic:
        assert doc.map is not None
        href = rule_href(finding.rule)
        related = []
        for other in finding.related:
            path = os.path.abspath(other.path)
            place = self.documents.get(from_fs_path(path) or "")
            if place is not None and place.map is not None:
                position = place.map.position(other.line, other.column)
            else:
                position = types.Position(max(other.line - 1, 0), max(other.column - 1, 0))
            location = types.Location(from_fs_path(path) or path, types.Range(position, position))
            related.append(types.DiagnosticRelatedInformation(location, other.message))
        return types.Diagnostic(
            doc.map.range(finding.line, finding.column, finding.end_line, finding.end_column),
            finding.message,
            severity=_SEVERITIES[finding.severity],
            code=finding.rule,
            code_description=types.CodeDescription(href) if href else None,
            source=SOURCE,
            related_information=related or None,
        )

    # ------------------------------------------------------------------ the network, on save

    def check_network(self, doc: OpenDocument) -> None:
        """The network rules on the saved text, on a thread, when the configuration asks for it."""
        project = doc.project
        if project is None or not project.network_wanted or not project.config.editor.network_on_save or doc.network_running:
            return
        doc.network_running = True
        data, version = doc.text.encode("utf-8", "replace"), doc.version
        threading.Thread(target=self._network, args=(doc, data, version, project.config), name="artlint-network", daemon=True).start()

    def _network(self, doc: OpenDocument, data: bytes, version: int | None, config: Config) -> None:
        # Imported here: the network phase (and pycurl) only for a configuration that asks for it.
        from artlint.network.check import OnlineCheck

        findings: list[Finding] = []
        try:
            with ENGINE:
                result = check_buffer(data, doc.path, doc.display, config, online=True)
            online = OnlineCheck(config)
            try:
                online.add([result])
                findings, _ = online.finish([result])
            finally:
                online.close()
        except Exception:
            logger.exception("artlint: the network check of %s failed", doc.display)
        self.loop.call_soon_threadsafe(self._network_done, doc, version, findings)

    def _network_done(self, doc: OpenDocument, version: int | None, findings: list[Finding]) -> None:
        doc.network_running = False
        doc.network, doc.network_version = findings, version
        if self.documents.get(doc.uri) is doc:
            self.publish(doc)

    # ------------------------------------------------------------------ code actions and hover

    def parsed(self, doc: OpenDocument) -> Document | None:
        """The document's text parsed (for where a suppression comment may go), once per version."""
        if doc._parsed is not None and doc._parsed[0] == doc.version:
            return doc._parsed[1]
        if doc.project is None:
            return None
        config = doc.project.config
        try:
            source = decode(doc.text.encode("utf-8", "replace"))
            with ENGINE:
                parsed = parse_document(doc.display, source, Path(doc.path), config.root, config.boundary, config.site_for(doc.path))
        except Exception:  # a text beyond the parsers: no suppression offered
            return None
        doc._parsed = (doc.version, parsed)
        return parsed

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        doc = self.documents.get(params.text_document.uri)
        if doc is None:
            return []
        self.current(doc)
        if doc.map is None or doc.result is None:
            return []
        only = params.context.only
        quickfixes = not only or any(types.CodeActionKind.QuickFix.value.startswith(kind) for kind in only)
        fix_all = not only or any(types.CodeActionKind.SourceFixAll.value.startswith(kind) for kind in only)
        findings = doc.findings()
        fixes: list[tuple[bool, types.CodeAction]] = []
        disables: list[types.CodeAction] = []
        if quickfixes:
            seen: set[str] = set()
            for finding in findings:
                diagnostic = self.diagnostic(doc, finding)
                if not _overlaps(diagnostic.range, params.range):
                    continue
                if finding.fix is not None:
                    fixes.append((finding.fix.safe, self.fix_action(doc, finding, diagnostic)))
                if finding.rule not in seen:
                    seen.add(finding.rule)
                    disable = self.disable_action(doc, finding, diagnostic)
                    if disable is not None:
                        disables.append(disable)
        actions = [action for safe, action in fixes if safe] + [action for safe, action in fixes if not safe] + disables
        if fix_all and any(finding.fix is not None and finding.fix.safe for finding in findings):
            action = self.fix_all_action(doc, findings)
            if action is not None:
                actions.append(action)
        return actions

    def _text_edit(self, doc: OpenDocument, edit: Edit) -> types.TextEdit:
        assert doc.map is not None
        replacement = edit.replacement.replace("\n", doc.map.newline)
        return types.TextEdit(doc.map.range(edit.line, edit.column, edit.end_line, edit.end_column), replacement)

    def _workspace_edit(self, doc: OpenDocument, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        return types.WorkspaceEdit(changes={doc.uri: edits})

    def fix_action(self, doc: OpenDocument, finding: Finding, diagnostic: types.Diagnostic) -> types.CodeAction:
        fix = finding.fix
        assert fix is not None
        return types.CodeAction(
            fix.description if fix.safe else f"{fix.description} (unsafe)",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=fix.safe or None,
            edit=self._workspace_edit(doc, [self._text_edit(doc, edit) for edit in fix.edits]),
        )

    def fix_all_action(self, doc: OpenDocument, findings: list[Finding]) -> types.CodeAction | None:
        """The safe fixes of the whole file, applied as `--fix` applies them (again and again
        until none is left), as one edit of the part of the text that changes."""
        assert doc.map is not None and doc.project is not None
        try:
            written = WrittenText(doc.text.encode("utf-8", "replace"))
        except UnicodeDecodeError:
            return None
        with ENGINE:
            if not fix_passes(written, findings, doc.path, doc.display, doc.project.config, unsafe=False):
                return None
        fixed = written.encoded().decode("utf-8")
        old = doc.text
        start = 0
        limit = min(len(old), len(fixed))
        while start < limit and old[start] == fixed[start]:
            start += 1
        end = 0
        while end < limit - start and old[len(old) - 1 - end] == fixed[len(fixed) - 1 - end]:
            end += 1
        start = _before_a_line_end(old, start)
        edit = types.TextEdit(types.Range(doc.map.at_offset(start), doc.map.at_offset(len(old) - end)), fixed[start : len(fixed) - end])
        return types.CodeAction(FIX_ALL_TITLE, kind=types.CodeActionKind.SourceFixAll, edit=self._workspace_edit(doc, [edit]))

    def disable_action(self, doc: OpenDocument, finding: Finding, diagnostic: types.Diagnostic) -> types.CodeAction | None:
        """A comment that suppresses the rule on the finding's line: `<!-- artlint-disable-line
        RULE -->` at the line's end (inside YAML or TOML front matter, after a `#`); added to
        one already there. Where a comment cannot go (in code, on a front matter fence, in JSON
        front matter), the rule is disabled for the file instead, by a comment before the body."""
        assert doc.map is not None
        parsed = self.parsed(doc)
        if parsed is None:
            return None
        rule, line = finding.rule, finding.line
        front = parsed.front_matter
        source = parsed.source
        if not 1 <= line <= source.line_count:
            return self._disable_file(doc, finding, diagnostic, parsed)
        text = source.line_text(line)
        start = source.offset(line)
        in_front = front is not None and front.start_line <= line <= front.end_line
        if in_front:
            assert front is not None
            if front.kind == "json" or line in (front.first_block_line - 1, front.end_line):
                return self._disable_file(doc, finding, diagnostic, parsed)
        else:
            # A comment in a code block, or on its fence, would be code, not a directive.
            end = start + len(text)
            in_block = any(node.start <= end and start < node.end for node in parsed.nodes("block_code", "block_math"))
            if in_block or parsed.in_code(end - len(_kept_at_the_end(text, markdown=True))):
                return self._disable_file(doc, finding, diagnostic, parsed)
        existing = _DISABLE_LINE.search(text)
        if existing is not None:
            names = [name for name in re.split(r"[\s,]+", existing.group("names").strip()) if name]
            if not names or rule in names:
                return None  # already suppressed: this finding is from before the comment
            replacement = f"<!-- artlint-disable-line {', '.join([*names, rule])} -->"
            edit = Edit(line, existing.start() + 1, line, existing.end() + 1, replacement)
        else:
            keep = _kept_at_the_end(text, markdown=not in_front)
            comment = f"{'# ' if in_front else ''}<!-- artlint-disable-line {rule} -->"
            column = len(text) - len(keep) + 1
            before = "" if column == 1 or text[column - 2] in " \t" else " "
            edit = Edit(line, column, line, column, f"{before}{comment}")
        return types.CodeAction(
            f"Disable {rule} for this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=self._workspace_edit(doc, [self._text_edit(doc, edit)]),
        )

    def _disable_file(self, doc: OpenDocument, finding: Finding, diagnostic: types.Diagnostic, parsed: Document) -> types.CodeAction:
        assert doc.map is not None
        offset = parsed.body_offset
        line, column = parsed.source.position(offset)
        comment = f"<!-- artlint-disable-file {finding.rule} -->\n"
        if column != 1:  # the front matter ends the text, without a line end
            comment = "\n" + comment
        return types.CodeAction(
            f"Disable {finding.rule} for this file",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=self._workspace_edit(doc, [self._text_edit(doc, Edit(line, column, line, column, comment))]),
        )

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        doc = self.documents.get(params.text_document.uri)
        if doc is None or doc.map is None:
            return None
        point = types.Range(params.position, params.position)
        rules: list[str] = []
        where: types.Range | None = None
        for finding in doc.published or []:
            found = doc.map.range(finding.line, finding.column, finding.end_line, finding.end_column)
            if _overlaps(found, point) and finding.rule not in rules:
                rules.append(finding.rule)
                where = where or found
        texts = [text for text in map(rule_explanation, rules) if text]
        if not texts:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n---\n\n".join(texts)), where)

    # ------------------------------------------------------------------ the documents' life

    def opened(self, uri: str) -> None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:
            return  # an unsaved buffer without a file: no path, no configuration, no site
        path = os.path.abspath(path)
        with ENGINE:
            localfiles.clear_caches()  # files may have come and gone while none was open
        self.documents[uri] = OpenDocument(uri, path, display_path(Path(path)))
        self.changed(uri)

    def files_changed(self, changes: list[types.FileEvent]) -> None:
        """Files changed outside the editor (a checkout, a pull): articles are indexed again,
        and a changed configuration is read again by the next check of each open article."""
        with ENGINE:
            localfiles.clear_caches()
        configurations = False
        reindexed: list[Project] = []
        for change in changes:
            path = to_fs_path(change.uri) if change.uri.startswith("file:") else None
            if path is None:
                continue
            path = os.path.abspath(path)
            if os.path.basename(path) in ("artlint.toml", ".artlint.toml", "pyproject.toml"):
                configurations = True
                continue
            display = display_path(Path(path))
            for project in self.projects.values():
                if project.root is not None and path.startswith(os.path.join(str(project.root), "")):
                    if change.type == types.FileChangeType.Deleted:
                        project.forget(display)
                    else:
                        project.reindex(path, display)
                    if project not in reindexed:
                        reindexed.append(project)
        if configurations:  # each open article finds its configuration again, and is checked
            for uri in list(self.documents):
                self.check(uri)
        else:
            for project in reindexed:
                self.judge(project)

    def saved(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        with ENGINE:
            localfiles.clear_caches()  # the file saved may be the target of other articles' links
        self.current(doc)
        if doc.project is not None:
            doc.project.reindex(doc.path, doc.display)
            self.check_network(doc)

    def closed(self, uri: str) -> None:
        doc = self.documents.pop(uri, None)
        if doc is None:
            return
        if doc.timer is not None:
            doc.timer.cancel()  # type: ignore[attr-defined]
        self.publish_diagnostics(uri, [])
        if doc.project is not None:
            doc.project.reindex(doc.path, doc.display)  # as saved, not as it was last typed
            self.judge(doc.project)


def build_server() -> ArtlintServer:
    server = ArtlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ArtlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
            ls.debounce = options["debounce"] / 1000

    @server.feature(types.INITIALIZED)
    def initialized(ls: ArtlintServer, params: types.InitializedParams) -> None:
        capabilities = ls.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities is not None else None
        if watched is None or not watched.dynamic_registration:
            return  # the client cannot watch files for the server: saves in the editor still count
        patterns = ["**/*.{md,markdown}", "**/{artlint.toml,.artlint.toml,pyproject.toml}"]
        options = types.DidChangeWatchedFilesRegistrationOptions([types.FileSystemWatcher(pattern) for pattern in patterns])
        registration = types.Registration("artlint-watched-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
        ls.register_capability(types.RegistrationParams([registration]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: ArtlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.files_changed(params.changes)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArtlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.opened(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArtlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArtlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArtlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
    )
    def code_action(ls: ArtlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArtlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def _before_a_line_end(text: str, offset: int) -> int:
    """An offset that does not split a CR LF (an edit starting between them could not be placed)."""
    return offset - 1 if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n" else offset


def _kept_at_the_end(text: str, markdown: bool) -> str:
    """What must stay at the end of a line after a comment put there: trailing spaces (two make
    a hard line break in markdown) and a backslash hard break."""
    stripped = text.rstrip(" \t")
    if markdown and stripped.endswith("\\") and not stripped.endswith("\\\\"):
        stripped = stripped[:-1]
    return text[len(stripped) :]


def main() -> int:
    """`artlint server`: serve on stdin and stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    server = build_server()
    server.start_io()
    # The exit notification closed stdout: what is flushed at the end goes nowhere.
    sys.stdout = open(os.devnull, "w")
    # The exit code LSP asks for: 0 after a shutdown request, else 1 (the client went away).
    return 0 if getattr(server.lsp, "_shutdown", False) else 1

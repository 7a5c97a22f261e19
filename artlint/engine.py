"""The pipeline: discover files → parse → document rules → corpus rules → network rules → findings.

`check_file` is a pure function of a path and the configuration, so that files can be
checked in any order and in other processes; corpus rules then judge the small facts that
each file's check collected. `run` composes the steps (`_check_offline`, then the network
phase) through a `Checker`: `UncachedChecker` does each step afresh, and the result cache
(cached_run.CachedChecker) wraps it, chosen once per run.
"""

from __future__ import annotations

import os
import time
import traceback
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from artlint import cjk, dependencies, localfiles
from artlint.boundary import checked_boundary, within, work_tree
from artlint.config import Config, RuleSettings
from artlint.discovery import discover
from artlint.findings import Diagnostic, Finding, without_moot
from artlint.gcpause import paused_gc
from artlint.parallel import map_files
from artlint.results import Arrived, Checked, Checker, FileResult, RunResult, SharedText
from artlint.rules import CorpusRule, DocumentRule, FileRule, NetworkRule, all_rules, rule_instance
from artlint.rules.suppression.unused import UnusedSuppression, unused_suppressions
from artlint.runfindings import RunFindings, pack
from artlint.sites import SiteIndex, enclosing_site
from artlint.source import FileTooLarge, Source, UnreadableFile, content_digest, decode, read_source
from artlint.suppression import Suppressions, parse_suppressions, unsuppressed

if TYPE_CHECKING:
    from artlint.network.check import OnlineCheck


def _finding(path: str, settings: RuleSettings, diagnostic: Diagnostic, source: Source | None) -> Finding:
    snippet = None
    if source is not None and 1 <= diagnostic.line <= source.line_count:
        snippet = source.line_text(diagnostic.line)
    return Finding(
        path,
        diagnostic.line,
        diagnostic.column,
        diagnostic.end_line,
        diagnostic.end_column,
        settings.name,
        settings.severity if diagnostic.at_most is None else min(settings.severity, diagnostic.at_most),
        diagnostic.message,
        diagnostic.related,
        snippet,
        fix=diagnostic.fix,
    )


def _file_problem(path: str, rules: tuple[RuleSettings, ...], error: UnreadableFile) -> list[Finding]:
    name = "file-too-large" if isinstance(error, FileTooLarge) else "file-unreadable"
    for settings in rules:
        if settings.name == name:
            diagnostic = Diagnostic(error.reason, error.line, error.column, error.line, error.column + 1)
            return [_finding(path, settings, diagnostic, None)]
    return []


def check_file(path: str, display: str, config: Config) -> FileResult:
    """Read, parse and check one file with the document rules; collect corpus facts."""
    dependencies.start()
    try:
        result = _check_file(path, display, config)
    except Exception as exc:  # a bug met by one file must not stop the run over the others
        problem = UnreadableFile(_crash_reason("could not be checked", exc))
        result = FileResult(display, _file_problem(display, config.rules_for_path(path), problem))
    finally:
        recorded = dependencies.stop()
    result.dependencies = recorded
    return result


def check_file_packed(path: str, display: str, config: Config) -> FileResult:
    """`check_file`, its findings packed (runfindings.pack) for the trip to the calling process,
    which keeps them so until they are reported."""
    return packed(check_file(path, display, config))


def packed(result: FileResult) -> FileResult:
    """The result with its findings packed into `result.packed` (a no-op when they are)."""
    if result.findings:
        result.packed = pack(result.findings)
        result.findings = []
    return result


def _check_file(path: str, display: str, config: Config) -> FileResult:
    rules = config.rules_for_path(path)
    result = FileResult(display)
    try:
        source = read_source(str(path), config.max_file_size_for(path))
    except UnreadableFile as error:
        result.findings = _file_problem(display, rules, error)
        return result
    result.digest, result.signature = source.digest, source.signature
    return _check_source(source, path, result, config)


def check_text(data: bytes, path: str, display: str, config: Config) -> list[Finding]:
    """The document rules' findings for `data` as the content of `path` (fixing checks a
    fixed text before writing it). Unreadable data gives no findings."""
    try:
        source = decode(data)
    except UnreadableFile:
        return []
    return _check_source(source, path, FileResult(display), config, online=False, judge_suppressions=True).findings


def check_buffer(data: bytes, path: str, display: str, config: Config, online: bool | None = False) -> FileResult:
    """What `check_file` gives for `data` as the content of `path`, without reading the file:
    an editor's unsaved text (artlint.server), standard input (`check -`). The document rules'
    findings, the corpus facts, the suppressions, and the network rules' probes when `online`
    (None: as the configuration says)."""
    rules = config.rules_for_path(path)
    result = FileResult(display)
    try:
        limit = config.max_file_size_for(path)
        if len(data) > limit:
            raise FileTooLarge(f"text is {len(data):,} bytes, over the limit of {limit:,} (max-file-size)")
        source = decode(data)
    except UnreadableFile as error:
        result.findings = _file_problem(display, rules, error)
        return result
    source.digest = content_digest(data)
    result.digest = source.digest
    try:
        return _check_source(source, path, result, config, online=online)
    except Exception as exc:  # a bug met by one text must not stop the server, as in check_file
        problem = UnreadableFile(_crash_reason("could not be checked", exc))
        return FileResult(display, _file_problem(display, rules, problem))


def _check_source(
    source: Source, path: str, result: FileResult, config: Config, online: bool | None = None, judge_suppressions: bool = False
) -> FileResult:
    """The document rules' findings, and the corpus rules' facts, of one file. With
    `judge_suppressions` (a text checked alone, by the document rules only), its unused
    suppressions of these rules are reported at once; in a run, after every phase."""
    # Imported here: a run answered from the cache never loads the markdown parser.
    from artlint.document import parse_document

    online = config.online if online is None else online
    display = result.path
    rules = config.rules_for_path(path)
    try:
        doc = parse_document(display, source, Path(path), config.root, config.boundary, config.site_for(path))
        result.suppressions = _suppressions(source, doc)
    except RecursionError:
        result.findings = _file_problem(display, rules, UnreadableFile("nesting is too deep to parse"))
        return result
    except Exception as exc:  # the parsers' own limits and bugs: a finding for this file, not a crash
        result.findings = _file_problem(display, rules, UnreadableFile(_crash_reason("could not be parsed", exc)))
        return result
    body_hidden = doc.page is not None and (doc.page.redirects or doc.page.unbuilt)
    for settings in rules:
        rule = rule_instance(settings.name)
        try:
            if isinstance(rule, DocumentRule) and body_hidden and rule.reads_body:
                continue  # `redirect_to:`, or a draft the build leaves out: its text is never shown
            if isinstance(rule, DocumentRule) and rule.site_pages_only and doc.beside_the_site:
                continue  # a README beside the site: not one of its pages
            if isinstance(rule, DocumentRule):
                for diagnostic in rule.check(doc, settings.options):
                    result.findings.append(_finding(display, settings, diagnostic, source))
                if online and isinstance(rule, NetworkRule):
                    result.probes.append((settings, rule.probes(doc, settings.options)))
            elif isinstance(rule, CorpusRule):
                result.facts[settings.name] = rule.collect(doc, settings.options)
        except Exception as exc:  # a bug in one rule must not hide the others' findings
            result.findings.append(_internal_error(display, settings, exc))
            if isinstance(rule, CorpusRule):  # said again when the file is indexed from the cache
                result.collect_failures[settings.name] = _collect_failure(settings, exc)
    # Suppressed findings first: a stuffing finding silenced by the author unlinks nothing.
    result.findings = without_moot(unsuppressed(result.findings, result.suppressions))
    if judge_suppressions and result.suppressions:
        judged = {settings.name for settings in rules if isinstance(rule_instance(settings.name), (DocumentRule, FileRule))}
        judged -= {settings.name for settings in rules if isinstance(rule_instance(settings.name), NetworkRule)}
        result.findings += _unused_suppressions(result, rules, judged, source)
    return result


def _suppressions(source: Source, doc: Any) -> Suppressions | None:
    matter = doc.front_matter
    hash_comments = None
    if matter is not None and matter.kind in ("yaml", "toml") and matter.start_line < source.line_count:
        end = source.line_starts[matter.end_line - 1] if matter.end_line > matter.start_line else matter.body_offset
        block = source.line_starts[matter.first_block_line - 1]
        hash_comments = (block, max(end, block))
    return parse_suppressions(source.text, source.line_of, doc.in_code, source.position, hash_comments) or None


def _unused_suppressions(result: FileResult, rules: tuple[RuleSettings, ...], judged: set[str], source: Source | None = None) -> list[Finding]:
    """unused-suppression's findings on one file, when it is on there: `judged`, the rules
    whose findings on the file are all known."""
    if result.suppressions is None:
        return []
    settings = next((settings for settings in rules if settings.name == UnusedSuppression.name), None)
    if settings is None:
        return []
    found = [_finding(result.path, settings, diagnostic, source) for diagnostic in unused_suppressions(result.suppressions, judged)]
    return unsuppressed(found, result.suppressions)


def _unjudged(rule: object, online: bool) -> bool:
    """Whether a rule's suppressions are never judged: a corpus rule's findings on a file depend
    on which files were checked with it (of two articles with one title, the older one gets
    the finding only when it is checked without the newer), and a network rule offline did
    not run."""
    return isinstance(rule, CorpusRule) or (not online and isinstance(rule, NetworkRule))


def unused_suppression_findings(results: list[FileResult], config: Config) -> list[Finding]:
    """unused-suppression's findings on the files checked, once every phase of the run has
    marked the directives it used: the rules judged are those that ran on each file (not the
    network rules offline)."""
    findings = []
    for result in results:
        if result.suppressions is None:
            continue
        rules = config.rules_for_path(result.path)
        judged = {settings.name for settings in rules if not _unjudged(rule_instance(settings.name), config.online)}
        findings += _unused_suppressions(result, rules, judged)
    return findings


def _collect_failure(settings: RuleSettings, exc: Exception) -> str:
    return _crash_reason(f"internal error in rule {settings.name}, collecting the facts it compares files by", exc)


def _internal_error(path: str, settings: RuleSettings, exc: Exception) -> Finding:
    message = _crash_reason(f"internal error in rule {settings.name}", exc)
    return Finding(path, 1, 1, 1, 2, settings.name, settings.severity, message)


def _crash_reason(what: str, exc: Exception) -> str:
    """What failed, the exception and the place in artlint's code that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    try:
        said = str(exc)
    except Exception:  # an exception that cannot even describe itself (int too long to print)
        said = ""
    said = said if len(said) <= 200 else said[:200] + "…"
    return f"{what}: {type(exc).__name__}: {said}{where}; please report it"


@paused_gc
def _judge_corpus(results: list[FileResult], config: Config, checked: frozenset[str]) -> list[Finding]:
    """The corpus rules' findings. Each rule's facts are let go once it has judged them: the
    facts are the largest part of what a run holds, and the next rule's judgement needs room."""
    names = dict.fromkeys(name for result in results for name in result.facts)
    global_settings = {settings.name: settings for settings in config.rules_for("")}
    findings = []
    for name in names:
        facts = {result.path: result.facts.pop(name) for result in results if name in result.facts}
        rule = rule_instance(name)
        if not isinstance(rule, CorpusRule):  # facts are collected by corpus rules only
            continue
        settings = global_settings.get(name) or RuleSettings(name, rule.severity, rule.default_options())
        diagnostics, failures = _judged(rule, facts, settings, checked)
        findings += failures
        for path, diagnostic in diagnostics:
            if path not in checked:
                continue
            findings.append(_finding(path, settings, diagnostic, None))
    return findings  # suppressed by _check_offline, which marks the directives used (also when the cache answers)


def _judged(rule: CorpusRule, facts: dict[str, Any], settings: RuleSettings, checked: frozenset[str]) -> tuple[list, list[Finding]]:
    """The corpus rule's (path, diagnostic) pairs, and internal error findings. When the rule
    fails, each checked file whose facts make it fail on their own gets the finding, and the
    other files are judged without them."""
    try:
        return list(rule.judge(facts, settings.options, checked)), []
    except Exception as error:
        alone = {path: _judge_error(rule, {path: fact}, settings, checked) for path, fact in facts.items()}
        culprits = {path: exc for path, exc in alone.items() if exc is not None}
        rest = {path: fact for path, fact in facts.items() if path not in culprits}
        if not culprits:  # fails only on files together: said once, on the first checked file
            culprits, rest = ({min(checked): error} if checked else {}), {}
        failures = [_internal_error(path, settings, exc) for path, exc in culprits.items() if path in checked]
        diagnostics, more = _judged(rule, rest, settings, checked) if rest else ([], [])
        return diagnostics, failures + more


def _judge_error(rule: CorpusRule, facts: dict[str, Any], settings: RuleSettings, checked: frozenset[str]) -> Exception | None:
    try:
        list(rule.judge(facts, settings.options, checked))
    except Exception as exc:
        return exc
    return None


def _with_snippets(findings: list[Finding], config: Config, known: dict[str, Source | None] | None = None) -> list[Finding]:
    """The findings of a list with their source lines, read again (see _source_lines), as
    RunFindings.show_lines gives them to a run's (bench/stages.py times this). `known`: sources
    that are not read from their paths (standard input)."""
    lines = _source_lines(config, known)
    result = []
    sources: dict[str, Source | None] = {}
    for finding in findings:
        if finding.snippet is None:
            if finding.path not in sources:
                sources = {finding.path: lines(finding.path)}  # one file at a time: findings come by file
            source = sources[finding.path]
            if source is not None and finding.line <= source.line_count:
                finding = replace(finding, snippet=source.line_text(finding.line))
        result.append(finding)
    return result


def _source_lines(config: Config, known: dict[str, Source | None] | None = None) -> Callable[[str], Source | None]:
    """The source of a file whose findings are shown with their lines, read again: from files
    within the size limit only (one over it was never read, and a 512 MiB file must not be read
    whole to show one line). `known`: sources that are not read from their paths (standard input)."""
    known = dict(known or {})
    folder = os.getcwd()  # display paths are relative to it: read where the run ran, whenever that is

    def lines(path: str) -> Source | None:
        if path in known:
            return known[path]
        path = os.path.join(folder, path)
        try:
            return read_source(path, config.max_file_size_for(path))
        except UnreadableFile:
            return None

    return lines


def run(
    paths: Iterable[str],
    config: Config,
    jobs: int = 1,
    use_cache: bool = True,
    progress: bool = False,
    snippets: bool = True,
    stdin: tuple[str, str, bytes] | None = None,
    streamed: bool = False,
) -> RunResult:
    """Check the files under `paths` on up to `jobs` processes; online when `config.online`.
    With `snippets`, every finding carries its source line (cached results are stored without).
    `stdin`, (path, display path, content): check that content as the file at that path, which
    is not read (nor cached), instead of `paths`; the rest of its project is compared with it.
    The findings are a list; `streamed`: the run's RunFindings, which make them a file at a time
    as they are read (a report writes them so: artlint.runfindings)."""
    started = time.perf_counter()
    localfiles.clear_caches()
    dependencies.forget_folders()
    table_was_writable = cjk.write_table(use_cache)
    arguments = [stdin[0]] if stdin is not None else list(paths) or ["."]
    prepare_run(arguments, config)
    unwalked: Counter = Counter()
    if stdin is not None:
        use_cache = False
        files, outside = [(stdin[0], stdin[1])], list[tuple[str, str]]()
    else:
        files, outside = discover(arguments, config, unwalked=unwalked)
    checked = frozenset(display for _, display in files)
    corpus_wanted = any(isinstance(rule_instance(s.name), CorpusRule) for s in config.rules_for(""))
    rest = _rest_of_project(arguments, files, config) if corpus_wanted else []
    for path, _ in files + rest:  # here, so that a mistake in one is exit 2, not a worker's crash
        config.governing(path)
    online = _online_check(config, use_cache, progress)
    checker, cache_problem = _checker(config, jobs, online, use_cache)
    if stdin is not None:
        checker = StdinChecker(config, jobs, online, stdin)
    try:
        found = checker.whole_run(files + rest, checked, lambda: _check_offline(checker, config, files, rest, checked, corpus_wanted, online))
        findings = found.findings
        interrupted = False
        if online is not None:
            online_findings, interrupted = online.finish(found.results)
            findings.add(online_findings)
            if not interrupted:  # the network rules' findings are all known: so is what is suppressed
                findings.add(unused_suppression_findings(found.results, config))
    finally:
        cjk.write_table(table_was_writable)
        checker.close()
        if online is not None:
            online.close()
    problems = (cache_problem, *checker.problems, online and online.problem, *found.warnings, _unwalked_warning(unwalked))
    warnings = list(dict.fromkeys(problem for problem in problems if problem))
    if snippets:  # every finding gets its line as it is read: the file is read again then (one at a time)
        known: dict[str, Source | None] = {}
        if stdin is not None:
            try:
                known[stdin[1]] = decode(stdin[2])
            except UnreadableFile:
                known[stdin[1]] = None
        # Never the links out of the checked folder: they are not read, for their lines either.
        findings.show_lines(_source_lines(config, known), unread={display for display, _ in outside})
    findings.add(_outside_findings(outside, config))
    if config.overrides or config.has_nested:
        used = {settings.name for path, _ in files for settings in config.rules_for_path(path)}
    else:
        used = {settings.name for settings in config.rules_for("")}
    rules = [rule for name, rule in all_rules().items() if name in used]
    digests = {result.path: result.digest for result in found.results if result.digest}
    elapsed = time.perf_counter() - started
    return RunResult(findings if streamed else list(findings), len(files) + len(outside), elapsed, rules, interrupted, digests, warnings)


def _check_offline(
    checker: Checker,
    config: Config,
    files: list[tuple[str, str]],
    rest: list[tuple[str, str]],
    checked: frozenset[str],
    corpus_wanted: bool,
    online: OnlineCheck | None,
) -> Checked:
    """The pipeline up to the network phase: the named files checked, then judged by the corpus
    rules together with the rest of the project; every finding, by file."""
    results = checker.check_files(files)
    if online is not None:  # results from the file cache: their URLs are fetched during the corpus phase
        online.add(results)
    findings = RunFindings()
    for result in results:
        findings.put(result.path, packed(result).packed)
    warnings = []
    if corpus_wanted:
        indexed = checker.index_files(rest)
        findings.add(_suppressed_per_file(checker.judge_corpus(results, indexed, checked), results))
        # A checked file's failures are findings; an indexed file has none to carry them.
        warnings = [f"{result.path}: {failure}" for result in indexed for failure in result.collect_failures.values()]
        for result in results:  # judged (or answered from the cache): let go before the report
            result.facts = {}
    if online is None:  # else once the network phase is over (engine.run)
        findings.add(unused_suppression_findings(results, config))
    return Checked(findings, results, warnings)


def _suppressed_per_file(findings: list[Finding], results: list[FileResult]) -> list[Finding]:
    """The corpus findings that the directives of their files do not suppress."""
    suppressions = {result.path: result.suppressions for result in results if result.suppressions}
    if not suppressions:
        return findings
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    return [kept for path, found in by_path.items() for kept in unsuppressed(found, suppressions.get(path))]


class UncachedChecker:
    """The pipeline's steps done afresh: files checked on up to `jobs` processes, nothing kept.
    The network phase, if any, is handed each file's probes as its result arrives."""

    def __init__(self, config: Config, jobs: int, online: OnlineCheck | None):
        self.config = config
        self.jobs = jobs
        self.online = online
        self.text = SharedText()

    def check_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        prepare = self.online.prepare if self.online is not None else None
        return map_files(check_file_packed, files, self.config, self.jobs, on_results=self._arrived(on_results), on_started=prepare)

    def _arrived(self, also: Arrived | None, checked: bool = True) -> Arrived:
        """What is done with results as they come back: their facts' text shared, the URLs of
        checked files handed to the network phase, then what the caller asked."""
        online = self.online if checked else None

        def arrived(results: list[FileResult]) -> None:
            self.text.compact(results)
            if online is not None:
                online.add(results)
            if also is not None:
                also(results)

        return arrived

    def index_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        return map_files(index_file, files, self.config, self.jobs, on_results=self._arrived(on_results, checked=False))

    def judge_corpus(self, results: list[FileResult], indexed: list[FileResult], checked: frozenset[str]) -> list[Finding]:
        return _judge_corpus(results + indexed, self.config, checked)

    def whole_run(self, files: list[tuple[str, str]], checked: frozenset[str], pipeline: Callable[[], Checked]) -> Checked:
        return pipeline()

    @property
    def problems(self) -> list[str]:
        return []

    def close(self) -> None:
        pass


class StdinChecker(UncachedChecker):
    """The pipeline's steps for one text from standard input, checked as the file at its path."""

    def __init__(self, config: Config, jobs: int, online: OnlineCheck | None, stdin: tuple[str, str, bytes]):
        super().__init__(config, jobs, online)
        self.stdin = stdin

    def check_files(self, files: list[tuple[str, str]], on_results: Arrived | None = None) -> list[FileResult]:
        path, display, data = self.stdin
        results = [packed(check_buffer(data, path, display, self.config, online=None))]
        self._arrived(on_results)(results)
        return results


def _checker(config: Config, jobs: int, online: OnlineCheck | None, use_cache: bool) -> tuple[Checker, str | None]:
    """The pipeline's steps, through the result cache when it is wanted and can be used; and
    why it is not used when it was wanted."""
    checker = UncachedChecker(config, jobs, online)
    if not use_cache:
        return checker, None
    # Imported here: a run without the cache (--no-cache) loads neither SQLite nor MessagePack (start-up speed).
    from artlint.cached_run import cached_checker

    return cached_checker(checker, config, str(project_root(config) or Path.cwd()))


def prepare_run(arguments: list[str], config: Config) -> SiteIndex:
    """What a run over `arguments` knows before it reads a file: the folders it may read in
    (config.boundary) and the model of the sites they belong to (config.sites, returned)."""
    root = project_root(config)
    config.boundary = checked_boundary(arguments, root)
    top = str(root) if root is not None else enclosing_site(str(config.root))
    outside = _first_outside(arguments, top)
    if outside is not None:
        # `--config /elsewhere/artlint.toml` for a site checked in place: its generator's
        # configuration is found from the checked files, as it is without the option.
        top = str(work_tree(outside) or enclosing_site(outside))
    config.sites = SiteIndex(top, config.site, str(config.root))
    return config.sites


def _first_outside(arguments: list[str], top: str) -> str | None:
    """The folder of the first path named that lies outside `top`, if one does."""
    for argument in arguments:
        place = os.path.abspath(argument)
        if not within(place, os.path.abspath(top)):
            return place if os.path.isdir(place) else os.path.dirname(place)
    return None


def _unwalked_warning(unwalked: Counter) -> str:
    """A word on the `.mdx` files the walk left out: a Docusaurus site may be nearly all MDX,
    and a clean report of its few `.md` pages would mislead."""
    count = sum(unwalked.values())
    if not count:
        return ""
    files = f"{count} .mdx file{'s' if count > 1 else ''}"
    return f'{files} not checked: add "mdx" to `extensions` in the configuration to check {"them" if count > 1 else "it"}'


def _outside_findings(outside: list[tuple[str, str]], config: Config) -> list[Finding]:
    """file-outside-root for every link out of the checked folder: named, never read."""
    findings = []
    for display, target in outside:
        message = f"a symbolic link leads to {target}, outside {config.boundary.describe()}: not read"
        for settings in config.rules_for_path(display):
            if settings.name == "file-outside-root":
                findings.append(_finding(display, settings, Diagnostic(message, 1, 1, 1, 2), None))
    return findings


def _online_check(config: Config, use_cache: bool, progress: bool) -> OnlineCheck | None:
    """The network phase, started before any file is parsed so that fetching overlaps parsing."""
    if not config.online:
        return None
    # Imported here: an offline run loads none of the network phase (start-up speed).
    from artlint.network.check import OnlineCheck

    return OnlineCheck(config, use_cache=use_cache, progress=progress)


def project_root(config: Config) -> Path | None:
    """The configuration's directory, else the git work tree around the folder the configuration
    was looked for from (the paths named); None outside both (then only the named files are
    compared: walking whatever folder holds them, a home directory say, would be slow and
    meaningless)."""
    if config.project is not None:
        return config.project.resolve()
    if config.path is not None:
        return config.root
    return work_tree(config.root)


def _rest_of_project(arguments: list[str], files: list[tuple[str, str]], config: Config) -> list[tuple[str, str]]:
    """Files of the project that were not named: corpus rules compare the named files with
    them (pre-commit passes only the changed files). Empty when the whole project was named."""
    root = project_root(config)
    if root is None or any(Path(argument).resolve() == root for argument in arguments):
        return []
    named = {display for _, display in files}
    # Folders that were named are complete already: do not walk them again.
    walked = frozenset(os.path.abspath(argument) for argument in arguments if os.path.isdir(argument))
    return [(path, display) for path, display in discover([str(root)], config, walked).files if display not in named]


def index_file(path: str, display: str, config: Config) -> FileResult:
    """Parse a file and collect corpus facts only: no document rules, no findings."""
    from artlint.document import parse_document  # here, as when a file is checked: a warm run never loads the parser

    result = FileResult(display)
    corpus = [(s, rule) for s in config.rules_for_path(path) if isinstance(rule := rule_instance(s.name), CorpusRule)]
    if not corpus:
        return result
    try:
        source = read_source(str(path), config.max_file_size_for(path))
        doc = parse_document(display, source, Path(path), config.root, config.boundary, config.site_for(path))
    except Exception:  # unreadable, or beyond the parsers: a file not compared, as when it is checked
        return result
    result.digest = source.digest
    for settings, rule in corpus:
        try:
            result.facts[settings.name] = rule.collect(doc, settings.options)
        except Exception as exc:  # the file is compared without these facts, and the run says so
            result.collect_failures[settings.name] = _collect_failure(settings, exc)
    return result

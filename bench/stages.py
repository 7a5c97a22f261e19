#!/usr/bin/env python3
"""CPU per article by stage of `artlint check`, in one process (issue 21).

    python bench/stages.py DIR [--limit N] [--runs 3] [--profile STAGE]

Checks the markdown files of DIR (the first N that discovery finds, with --limit) with the
configuration `artlint check DIR --offline --no-cache` builds for that folder, doing what
engine._check_source, engine._judge_corpus and the reporters do, but forcing each stage
explicitly in pipeline order, so that every stage is paid once and timed where it is paid
(CPU time, time.process_time: the machine is shared, wall time would measure the others):

    read                  source.read_source (stat, read, decode, normalise, digest)
    front matter          frontmatter.front_matter_of (parsing the YAML/TOML too)
    template masking      templating.masked_for_parser (Hugo shortcodes and the like)
    parse_markdown        markdown.parse_markdown: mistune's block and inline parse through
                          artlint's positioned parsers, and the tree builder (positions)
      (mistune floor)     reference only, not in the total: plain
                          mistune.create_markdown(renderer=None) on the same body text
    node list, code       Document._all_nodes, code_ranges (the tree walked once)
    suppressions          engine._suppressions (artlint: disable comments)
    site page             Document.page (what the site model makes of the file)
    links                 Document.links
    prose text            Document.non_prose_ranges and Document.prose_text
    rules: FAMILY         each document rule's check and each corpus rule's collect, with
                          the findings made of their diagnostics, summed per family (a memo
                          that rules share is paid by the first rule, in the engine's order)
      (segmentation)      of which cjk.words_around / dictionary_entries (duplicate-word)
    findings filter       without_moot(unsuppressed(...)) per file
    corpus judgement      each corpus rule's judge, with the facts of every file
    finishing             corpus findings' suppression, unused-suppression, sorting
    report: snippets      source lines of the corpus findings (engine._with_snippets)
    report: json / text   the JSON and text reporters, into an in-memory stream

The collector is set as in a worker process (artlint.parallel: frozen, threshold 20000).
Each stage's median over --runs runs is printed, with the spread (min-max). --profile STAGE
runs cProfile around that stage only (a stage name as printed, or "rules" for all rule
families) in one extra run and prints the top functions by cumulative and own time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

import mistune

from artlint import dependencies, localfiles
from artlint.config import RuleSettings, load_config, start_folder
from artlint.discovery import discover
from artlint.document import Document
from artlint.engine import _finding, _internal_error, _suppressed_per_file, _suppressions, _with_snippets, prepare_run, unused_suppression_findings
from artlint.findings import Finding, without_moot
from artlint.frontmatter import front_matter_of
from artlint.markdown import parse_markdown
from artlint.reporters import ReportSettings, write_report
from artlint.results import FileResult, RunResult
from artlint.rules import CorpusRule, DocumentRule, all_rules, rule_instance
from artlint.source import read_source
from artlint.suppression import unsuppressed
from artlint.templating import masked_for_parser

clock = time.process_time
REFERENCE = ("(mistune floor)", "(segmentation)")  # reported, not added to the total


class Stages:
    """CPU seconds per stage, in the order the stages were first met."""

    def __init__(self, profile: str | None = None) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.profile = profile
        self.profiler = cProfile.Profile() if profile else None
        self.by_rule: dict[str, float] = defaultdict(float)

    def timed(self, stage: str, function: Callable[..., Any], *args: Any, rule: str = "") -> Any:
        profiled = self.profiler is not None and (stage == self.profile or (self.profile == "rules" and stage.startswith("rules: ")))
        if profiled:
            assert self.profiler is not None
            self.profiler.enable()
        started = clock()
        try:
            return function(*args)
        finally:
            spent = clock() - started
            self.seconds[stage] += spent
            if rule:
                self.by_rule[rule] += spent
            if profiled:
                assert self.profiler is not None
                self.profiler.disable()


def segmentation_timer(stages_of: Callable[[], Stages]) -> None:
    """Time Chinese segmentation where duplicate-word calls it (its module imported the names)."""
    from artlint.rules.duplicate import word

    for name in ("words_around", "dictionary_entries"):
        original = getattr(word, name)

        def timed(*args: Any, _original: Callable[..., Any] = original) -> Any:
            started = clock()
            try:
                return _original(*args)
            finally:
                stages_of().seconds["(segmentation)"] += clock() - started

        setattr(word, name, timed)


def check_one(stages: Stages, path: str, display: str, config: Any, floor: mistune.Markdown) -> FileResult:
    """engine._check_file and _check_source, stage by stage."""
    rules = config.rules_for_path(path)
    result = FileResult(display)
    source = stages.timed("read", read_source, path, config.max_file_size_for(path))
    result.digest = source.digest
    site = config.site_for(path)
    matter = stages.timed("front matter", front_matter_of, source, site.generator if site is not None else None)
    body_offset = matter.body_offset if matter else 0
    markup = stages.timed("template masking", masked_for_parser, source.text, site.generator if site is not None else None, body_offset)
    body = markup[body_offset:]
    body = body if body.endswith("\n") else body + "\n"
    stages.timed("(mistune floor)", floor, body)
    parsed = stages.timed("parse_markdown", parse_markdown, markup, body_offset)
    markup_text = markup if markup is not source.text else None
    doc = Document(display, source, matter, parsed.blocks, parsed.definitions, Path(path), config.root, config.boundary, site, markup_text)
    stages.timed("node list, code", lambda: (doc._all_nodes, doc.code_ranges))
    result.suppressions = stages.timed("suppressions", lambda: _suppressions(source, doc) or None)
    stages.timed("site page", lambda: doc.page)
    stages.timed("links", lambda: doc.links)
    stages.timed("prose text", lambda: doc.prose_text)
    dependencies.start()
    for settings in rules:
        rule = rule_instance(settings.name)
        stages.timed(f"rules: {rule.family}", run_rule, rule, settings, doc, display, source, result, rule=settings.name)
    result.dependencies = dependencies.stop()
    result.findings = stages.timed("findings filter", lambda: without_moot(unsuppressed(result.findings, result.suppressions)))
    return result


def run_rule(rule: Any, settings: RuleSettings, doc: Document, display: str, source: Any, result: FileResult) -> None:
    try:
        if isinstance(rule, DocumentRule):
            for diagnostic in rule.check(doc, settings.options):
                result.findings.append(_finding(display, settings, diagnostic, source))
        elif isinstance(rule, CorpusRule):
            result.facts[settings.name] = rule.collect(doc, settings.options)
    except Exception as exc:
        result.findings.append(_internal_error(display, settings, exc))


def judge(results: list[FileResult], config: Any, checked: frozenset[str]) -> list[Finding]:
    """engine._judge_corpus, without its fallbacks for a failing rule (the collector paused as there)."""
    by_rule: dict[str, dict[str, Any]] = {}
    for result in results:
        for name, facts in result.facts.items():
            by_rule.setdefault(name, {})[result.path] = facts
    global_settings = {settings.name: settings for settings in config.rules_for("")}
    findings = []
    gc.disable()
    try:
        for name, facts in by_rule.items():
            rule = rule_instance(name)
            assert isinstance(rule, CorpusRule)
            settings = global_settings.get(name) or RuleSettings(name, rule.severity, rule.default_options())
            for path, diagnostic in rule.judge(facts, settings.options, checked):
                if path in checked:
                    findings.append(_finding(path, settings, diagnostic, None))
    finally:
        gc.enable()
    return findings


def one_run(files: list[tuple[str, str]], config: Any, floor: mistune.Markdown, stages: Stages) -> int:
    localfiles.clear_caches()
    dependencies.forget_folders()
    results = [check_one(stages, path, display, config, floor) for path, display in files]
    checked = frozenset(display for _, display in files)
    corpus = stages.timed("corpus judgement", judge, results, config, checked)

    def finish() -> list[Finding]:
        findings = [finding for result in results for finding in result.findings]
        findings += _suppressed_per_file(corpus, results)
        findings += unused_suppression_findings(results, config)
        findings.sort(key=Finding.sort_key)
        return findings

    findings = stages.timed("finishing", finish)
    findings = stages.timed("report: snippets", _with_snippets, findings, config, {})
    used = {settings.name for settings in config.rules_for("")}
    report = RunResult(findings, len(files), 0.0, [rule for name, rule in all_rules().items() if name in used])
    stages.timed("report: json", write_report, "json", report, io.StringIO(), ReportSettings())
    stages.timed("report: text", write_report, "text", report, io.StringIO(), ReportSettings(color=False))
    return len(findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files discovery finds")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", default=None, help="cProfile this stage in one more run")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--profile-out", default=None, help="also save the --profile run's raw statistics here (pstats)")
    parser.add_argument("--rules", type=int, default=0, help="also list the N costliest rules")
    args = parser.parse_args()

    config = load_config(None, start_folder([args.folder]))
    config.online = False  # the network rules' offline part runs; nothing is fetched
    prepare_run([args.folder], config)
    files, _ = discover([args.folder], config)
    files = files[: args.limit] if args.limit else files
    size = sum(Path(path).stat().st_size for path, _ in files)
    for settings in config.rules_for(""):
        rule_instance(settings.name)
    floor = mistune.create_markdown(renderer=None)
    current = [Stages()]
    segmentation_timer(lambda: current[0])
    gc.freeze()  # as a worker process does (artlint.parallel._initialise)
    gc.set_threshold(20000, 20, 100)

    runs: list[Stages] = []
    found = 0
    for _ in range(args.runs):
        current[0] = Stages()
        found = one_run(files, config, floor, current[0])
        runs.append(current[0])

    stages = list(runs[0].seconds)
    medians = {stage: statistics.median(run.seconds.get(stage, 0.0) for run in runs) for stage in stages}
    total = sum(seconds for stage, seconds in medians.items() if stage not in REFERENCE)
    totals = sorted(sum(s for stage, s in run.seconds.items() if stage not in REFERENCE) for run in runs)
    print(f"{len(files):,} files, {size / 1e6:.1f} MB, {found:,} findings; {args.runs} runs, CPU s (time.process_time), median (min-max)\n")
    print("| stage | CPU s total | spread | ms per article | share |")
    print("|---|---:|---:|---:|---:|")
    for stage in stages:
        values = sorted(run.seconds.get(stage, 0.0) for run in runs)
        share = "" if stage in REFERENCE else f"{100 * medians[stage] / total:.1f} %"
        print(f"| {stage} | {medians[stage]:.3f} | {values[0]:.3f}-{values[-1]:.3f} | {1000 * medians[stage] / len(files):.3f} | {share} |")
    median_total = statistics.median(totals)
    print(f"| **total** | **{median_total:.3f}** | {totals[0]:.3f}-{totals[-1]:.3f} | **{1000 * median_total / len(files):.3f}** | 100 % |")
    floor_s, parse_s = medians.get("(mistune floor)", 0.0), medians.get("parse_markdown", 0.0)
    print(f"\nparse_markdown minus the mistune floor: {parse_s - floor_s:.3f} s ({1000 * (parse_s - floor_s) / len(files):.3f} ms per article)")

    if args.rules:
        by_rule = {name: statistics.median(run.by_rule.get(name, 0.0) for run in runs) for name in runs[0].by_rule}
        print("\n| rule | CPU s total | ms per article |\n|---|---:|---:|")
        for name, seconds in sorted(by_rule.items(), key=lambda item: -item[1])[: args.rules]:
            print(f"| {name} | {seconds:.3f} | {1000 * seconds / len(files):.3f} |")

    if args.profile:
        profiled = Stages(args.profile)
        current[0] = profiled
        one_run(files, config, floor, profiled)
        assert profiled.profiler is not None
        if args.profile_out:
            profiled.profiler.dump_stats(args.profile_out)
        for order in ("cumulative", "tottime"):
            print(f"\n--- cProfile of {args.profile!r}, by {order} ---")
            pstats.Stats(profiled.profiler, stream=sys.stdout).sort_stats(order).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The network phase of a run: deduplicate the probes' targets, use the cache, fetch the rest,
and turn outcomes into findings at every place each target is written.

It starts before the files are parsed: each file's targets are handed to the fetcher as soon as
its result arrives, so fetching overlaps parsing; the findings are made once everything is in.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable

from artlint.cachefolder import NETWORK_DATABASE, UntrustedFolder, trusted_cache_directory
from artlint.findings import Finding
from artlint.network.cache import NetworkCache
from artlint.network.targets import Outcome, Target
from artlint.rules import NetworkRule, rule_instance
from artlint.sqlitedb import FailSafe
from artlint.suppression import unsuppressed

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from artlint.config import Config
    from artlint.network.fetch import Fetcher
    from artlint.results import FileResult


def _targets(results: Iterable["FileResult"]) -> set[Target]:
    return {probe.target for result in results for _, probes in result.probes for probe in probes}


class OnlineCheck:
    """`add(results)` as files are checked (every result, also those from the cache), then
    `finish(results)` once all are; `close()` always."""

    def __init__(self, config: "Config", use_cache: bool = True, progress: bool = False):
        self.config = config
        self.use_cache = use_cache
        self.cache: FailSafe | None = None  # a NetworkCache, opened with the first target: a run without URLs leaves none
        self.outcomes: dict[Target, Outcome] = {}  # from the cache
        self._seen: set[Target] = set()  # every target is looked up and fetched once per run
        self._fetcher: "Fetcher | None" = None
        self._bar = _Progress(progress)

    def add(self, results: Iterable["FileResult"]) -> None:
        """Start fetching the targets of these results that no earlier result had."""
        new = _targets(results) - self._seen
        if not new:
            return
        self._seen |= new
        ordered = sorted(new, key=lambda target: target.key)
        if self.use_cache:
            cached = self._opened_cache().get_many(target.key for target in ordered)
            self.outcomes.update((target, Outcome.from_dict(cached[target.key])) for target in ordered if target.key in cached)
        missing = [target for target in ordered if target not in self.outcomes]
        if missing:
            self._bar.grow(len(missing))
            self._fetcher_started().submit(missing)

    def _opened_cache(self) -> FailSafe:
        if self.cache is None:
            config = self.config
            try:
                database = trusted_cache_directory(config, config.boundary) / NETWORK_DATABASE
            except UntrustedFolder as exc:
                self.cache = FailSafe.failed(str(exc))
            else:
                self.cache = FailSafe(lambda: NetworkCache(database, config.network.cache_ttl), f"the network cache {database}")
        return self.cache

    def prepare(self) -> None:
        """Import the HTTP stack and start the fetcher's thread, while the workers parse the
        first files (it is started anyway when the first result has a URL to fetch)."""
        config = self.config
        if config.overrides or config.has_nested or any(isinstance(rule_instance(settings.name), NetworkRule) for settings in config.rules_for("")):
            self._fetcher_started()

    def _fetcher_started(self) -> "Fetcher":
        if self._fetcher is None:
            from artlint.network.fetch import Fetcher  # here: the HTTP stack (pycurl) only once there is something to fetch

            config = self.config
            self._fetcher = Fetcher(config.network, config.doi.resolver, on_done=lambda target, outcome: self._bar.advance())
        return self._fetcher

    def finish(self, results: list["FileResult"]) -> tuple[list[Finding], bool]:
        """(findings, interrupted) for the probes of every file of the run, all added before."""
        interrupted = False
        fetched: dict[Target, Outcome] = {}
        if self._fetcher is not None:
            try:
                fetched = self._fetcher.outcomes()
            except KeyboardInterrupt:
                interrupted = True
                fetched = self._fetcher.finished
        if self.cache is not None:
            self.cache.put_many((target.key, outcome.to_dict()) for target, outcome in fetched.items())
        return _findings(results, {**self.outcomes, **fetched}), interrupted

    @property
    def problem(self) -> str | None:
        return self.cache.problem if self.cache is not None else None

    def close(self) -> None:
        self._bar.stop()
        if self._fetcher is not None:
            self._fetcher.close()
        if self.cache is not None:
            self.cache.close()


def _findings(results: list["FileResult"], outcomes: dict[Target, Outcome]) -> list[Finding]:
    findings: list[Finding] = []
    for result in results:
        found = []
        for settings, probes in result.probes:
            rule = rule_instance(settings.name)
            if not isinstance(rule, NetworkRule):  # probes are made by network rules only
                continue
            for probe in probes:
                outcome = outcomes.get(probe.target)
                if outcome is None:
                    continue
                message = rule.judge(probe, outcome, settings.options)
                if message:
                    found.append(
                        Finding(
                            result.path, probe.line, probe.column, probe.end_line, probe.end_column,
                            settings.name, settings.severity, message, url=probe.url,
                            fix=rule.repair(probe, outcome, settings.options),
                        )
                    )
        findings += unsuppressed(found, result.suppressions)
    return findings


class _Progress:
    """A progress bar on standard error, only when it is a terminal; it appears with the first
    URL to fetch and its total grows as files are parsed."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.total = 0
        self._bar: tuple[Progress, TaskID] | None = None

    def grow(self, count: int) -> None:
        self.total += count
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = self._start()
        progress, task = self._bar
        progress.update(task, total=self.total)

    def _start(self) -> tuple[Progress, TaskID]:
        # Imported here: rich is loaded only when a bar is shown (start-up speed).
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(
            TextColumn("checking links"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        progress.start()
        return progress, progress.add_task("links", total=self.total, rate="")

    def advance(self) -> None:  # called on the fetcher's thread; rich's Progress takes a lock
        bar = self._bar
        if bar is not None:
            progress, task = bar
            progress.advance(task)
            speed = progress.tasks[0].speed
            if speed:
                progress.update(task, rate=f"{speed:.0f}/s")

    def stop(self) -> None:
        if self._bar is not None:
            self._bar[0].stop()
            self._bar = None

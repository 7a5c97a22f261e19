"""The network phase of a run: deduplicate the probes' targets, use the cache, fetch the rest,
and turn outcomes into findings at every place each target is written."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from artlint.findings import Finding
from artlint.network.cache import NetworkCache, cache_directory
from artlint.network.targets import Outcome, Target

if TYPE_CHECKING:
    from artlint.config import Config
    from artlint.network.fetch import Settings
    from artlint.engine import FileResult


def fetch_settings(config: "Config") -> "Settings":
    from artlint.network.fetch import Settings

    network = config.network
    return Settings(
        timeout=network.timeout,
        retries=network.retries,
        concurrency=network.concurrency,
        per_host=network.per_host,
        check_private=network.check_private,
        resolver=config.doi.resolver,
    )


def check_online(
    results: list["FileResult"], config: "Config", use_cache: bool = True, progress: bool = False
) -> tuple[list[Finding], bool]:
    """(findings, interrupted) for the probes of every file of the run."""
    from artlint.engine import _instance, _unsuppressed, _with_snippets

    targets = sorted({probe.target for result in results for _, probes in result.probes for probe in probes}, key=lambda t: t.key)
    if not targets:
        return [], False
    cache = NetworkCache(cache_directory(config) / "network.sqlite3", config.network.cache_ttl) if use_cache else None
    outcomes: dict[Target, Outcome] = {}
    interrupted = False
    try:
        if cache is not None:
            cached = cache.get_many(target.key for target in targets)
            outcomes = {target: Outcome.from_dict(cached[target.key]) for target in targets if target.key in cached}
        missing = [target for target in targets if target not in outcomes]
        if missing:  # the HTTP stack is imported only when something must be fetched
            from artlint.network.fetch import Fetcher

            fetcher = Fetcher(fetch_settings(config))
            with _Progress(len(missing), progress) as bar:
                try:
                    outcomes.update(fetcher.run(missing, on_done=lambda target, outcome: bar.advance()))
                except KeyboardInterrupt:
                    interrupted = True
        if cache is not None:
            cache.put_many((target.key, outcomes[target].to_dict()) for target in missing if target in outcomes)
    finally:
        if cache is not None:
            cache.close()
    findings: list[Finding] = []
    for result in results:
        found = []
        for settings, probes in result.probes:
            rule = _instance(settings.name)
            for probe in probes:
                outcome = outcomes.get(probe.target)
                message = rule.judge(probe, outcome, settings.options) if outcome else None  # type: ignore[attr-defined]
                if message:
                    found.append(
                        Finding(
                            result.path, probe.line, probe.column, probe.end_line, probe.end_column,
                            settings.name, settings.severity, message, url=probe.url,
                            fix=rule.repair(probe, outcome, settings.options),  # type: ignore[attr-defined]
                        )
                    )
        findings += _unsuppressed(found, result.suppressions)
    return _with_snippets(findings), interrupted


class _Progress:
    """A progress bar on standard error, only when it is a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self._progress = None
        self._task = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("checking links"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("links", total=self.total, rate="")
        return self

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)
            task = self._progress.tasks[0]
            if task.speed:
                self._progress.update(self._task, rate=f"{task.speed:.0f}/s")

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

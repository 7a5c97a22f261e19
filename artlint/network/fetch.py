"""Fetching every URL and DOI of a run once, on an event loop in a background thread.

Targets are submitted while files are still being parsed, so the first requests leave as soon
as the first file is read: with many URLs, the parse and the network waits overlap instead of
adding up. The caller submits each target once (OnlineCheck keeps the targets it has seen).
The HTTP work itself is in client.py.
"""

from __future__ import annotations

import asyncio
import threading
from functools import partial
from typing import Callable, Iterable
from urllib.parse import urlsplit

from artlint.config import NetworkSettings
from artlint.network.client import Client
from artlint.network.targets import DNS_MISSING, Outcome, Target

CLOSE_TIMEOUT = 5.0  # seconds to wait for connections to close at the end


class Fetcher:
    """`submit` targets (from the thread that made the fetcher), then `outcomes()`; `close()` at the end.
    `resolver` is the DOI resolver's base URL (`[doi] resolver`).
    `on_done(target, outcome)` is called on the fetcher's thread as each target finishes."""

    def __init__(self, settings: NetworkSettings, resolver: str, on_done: Callable[[Target, Outcome], None] | None = None):
        self.settings = settings
        self.resolver = resolver
        self._on_done = on_done
        self._finished: dict[Target, Outcome] = {}
        self._tasks: set[asyncio.Task] = set()  # touched on the loop only
        self._client: Client | None = None  # made on the loop, which drives its libcurl sockets
        # a selector loop everywhere: libcurl's sockets are watched with add_reader/add_writer,
        # which Windows' default (proactor) loop does not have
        self._loop = asyncio.SelectorEventLoop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="artlint-fetch", daemon=True)
        self._thread.start()

    def submit(self, targets: Iterable[Target]) -> None:
        """Start checking targets not submitted before (the caller deduplicates: OnlineCheck)."""
        targets = list(targets)
        if targets:
            self._loop.call_soon_threadsafe(self._start, targets)

    def outcomes(self) -> dict[Target, Outcome]:
        """Every submitted target's outcome, once all are done. On Ctrl-C the remaining checks
        are cancelled and KeyboardInterrupt is raised; `finished` keeps what was done."""
        waiting = asyncio.run_coroutine_threadsafe(self._drain(), self._loop)
        try:
            waiting.result()
        except KeyboardInterrupt:
            self._loop.call_soon_threadsafe(self._cancel_all)
            raise
        return _no_dns_at_all(self.finished)

    @property
    def finished(self) -> dict[Target, Outcome]:
        return dict(self._finished)

    def close(self) -> None:
        if self._loop.is_closed():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(CLOSE_TIMEOUT)
        except Exception:  # closing connections politely is not worth a failed run
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(CLOSE_TIMEOUT)
        if not self._thread.is_alive():
            self._loop.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ on the loop

    def _start(self, targets: list[Target]) -> None:
        if self._client is None:
            self._client = Client(self.settings, self.resolver, self._loop)
        for target in targets:
            task = self._loop.create_task(self._client.outcome_of(target))
            task.add_done_callback(partial(self._done, target))
            self._tasks.add(task)

    def _done(self, target: Target, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        outcome = task.result()
        self._finished[target] = outcome
        if self._on_done is not None:
            self._on_done(target, outcome)

    async def _drain(self) -> None:
        while self._tasks:
            await asyncio.wait(list(self._tasks))

    def _cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def _shutdown(self) -> None:
        self._cancel_all()
        if self._tasks:
            await asyncio.wait(list(self._tasks))
        if self._client is not None:
            await self._client.close()


def _no_dns_at_all(results: dict[Target, Outcome]) -> dict[Target, Outcome]:
    """When not one host name of the run resolved, the machine is offline rather than every
    host gone: say "could not verify" instead of "broken"."""
    pages = [target for target in results if target.kind in ("page", "image")]
    dns = [results[target] for target in pages if results[target].reason == DNS_MISSING]
    hosts = {urlsplit(target.value).hostname for target in pages}
    if len(hosts) >= 2 and dns and len(dns) == len(pages):
        for outcome in dns:
            outcome.state = "unverified"
            outcome.reason = "DNS: no host name of the run resolved; is this machine offline?"
    return results

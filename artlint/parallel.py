"""Checking files on every core: chunks of files to worker processes, results in file order.

Parsing and rules are CPU-bound Python, so threads would not help; processes do. Files go in
chunks so that a worker's start-up and each round trip are paid once per chunk, not per
file, and results come back in the order of the files, so output is the same for any number
of workers. Small runs stay in the calling process: starting workers costs more than it saves.
"""

from __future__ import annotations

import gc
import os
from typing import Callable, TypeVar

from artlint.config import Config
from artlint.gcpause import paused_gc

Result = TypeVar("Result")
SERIAL_BELOW = 48  # files: fewer than this are checked without workers
CHUNK = 32
MIN_CHUNK = 4
WORKER_NICENESS = 10  # added to the workers' niceness in online runs

# The workers' start method; None: fork where there is one (it keeps the parent's imports and
# hash seed), the platform's default elsewhere. Tests set "spawn" to run as Windows does.
START_METHOD: str | None = None

_worker_config: Config | None = None
_worker_function: Callable | None = None


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _initialise(config: Config, function: Callable) -> None:
    global _worker_config, _worker_function
    _worker_config, _worker_function = config, function
    if config.style is not None:
        # A worker started without fork (Windows) has imported artlint afresh: the user rules
        # the calling process registered when it read the configuration are unknown here.
        from artlint.style.rule import register

        register(config.style)
    # Parsing makes many short-lived objects and few cycles: the default collector thresholds
    # make it walk the heap every 700 allocations. Freezing the imported modules and collecting
    # less often saves a few percent of a worker's time (measured on the bench corpus).
    if config.online and hasattr(os, "nice"):
        # Parsing is the background work of an online run: the fetcher's loop (in the calling
        # process) and the servers answering it are waiting on the cores and should get them
        # first. Measured on the kit's link subset: 2.17 s -> 1.99 s, medians of 7.
        os.nice(WORKER_NICENESS)
    gc.enable()  # forked while the parent's collector was paused (see _in_workers)
    gc.freeze()
    gc.set_threshold(20000, 20, 100)


def _run_chunk(chunk: list[tuple[str, str]]) -> list:
    assert _worker_config is not None and _worker_function is not None
    return [_worker_function(path, display, _worker_config) for path, display in chunk]


def map_files(
    function: Callable[[str, str, Config], Result],
    files: list[tuple[str, str]],
    config: Config,
    jobs: int,
    on_results: Callable[[list[Result]], None] | None = None,
    on_started: Callable[[], None] | None = None,
) -> list[Result]:
    """`function(path, display, config)` for every file, in order, on up to `jobs` processes.
    `on_results` sees the results as they arrive (a file, or a chunk, at a time), so that the
    caller can start on them (the network phase fetches while the rest is parsed); `on_started`
    is called once workers run, to prepare that meanwhile (no process is forked after it; small
    runs, checked in this process, have no meanwhile and do not call it)."""
    if jobs <= 1 or len(files) < SERIAL_BELOW:
        results = []
        for path, display in files:
            results.append(function(path, display, config))
            if on_results is not None:
                on_results(results[-1:])
        return results
    return _in_workers(function, files, config, jobs, on_results, on_started)


def chunks_of(files: list, jobs: int) -> list[list]:
    """Chunks of CHUNK files, fewer for small runs (eight chunks a worker at least, so that the
    last chunks do not leave a worker idle); each worker's first chunk is small, so that the
    first results come back early."""
    size = max(MIN_CHUNK, min(CHUNK, len(files) // (jobs * 8)))
    head = min(size, MIN_CHUNK) * jobs
    return [files[start : start + MIN_CHUNK] for start in range(0, min(head, len(files)), MIN_CHUNK)] + [
        files[start : start + size] for start in range(head, len(files), size)
    ]


@paused_gc  # the calling process only gathers results here; the workers collect as usual
def _in_workers(
    function: Callable[[str, str, Config], Result],
    files: list[tuple[str, str]],
    config: Config,
    jobs: int,
    on_results: Callable[[list[Result]], None] | None,
    on_started: Callable[[], None] | None,
) -> list[Result]:
    # Imported here: small runs never start workers (start-up speed).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = chunks_of(files, jobs)
    # fork keeps the parent's imports and hash seed; elsewhere the default start method is used.
    method = START_METHOD or ("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)), mp_context=context, initializer=_initialise, initargs=(config, function)
    ) as pool:
        results: list[Result] = []
        arriving = pool.map(_run_chunk, chunks)  # every worker is forked by now
        if on_started is not None:
            on_started()
        for chunk_results in arriving:
            results.extend(chunk_results)
            if on_results is not None:
                on_results(chunk_results)
    return results

#!/usr/bin/env python3
"""How fast can artlint's link check of a folder be, and where does its time go?

    python bench/link_floor.py DIR --config CONFIG [--runs 3] [--routes routes.json --latency-ms 10]

Against a server that is already running (the kit's linkserver.py, say), three measurements:

1. the whole check, `artlint check --no-cache --format json` in a fresh process: its wall time,
   and when the first URL was handed to the fetcher (Python start, imports, configuration,
   discovery, forking the workers and parsing their first files all come before it);
2. the fetch alone: the same targets (found by artlint's own parse beforehand) fetched with
   nothing else running, with the mean number of requests in flight, the mean time libcurl
   measured per request and the mean time the fetcher's coroutines saw (their difference is
   the fetcher's own latency);
3. the floor of this design: the time to the first URL (1) plus the fetch alone (2), which is
   what the whole check would take if parsing cost nothing and the fetch had the cores to itself;
4. with the kit's --routes file (and the server's --latency-ms), what the planted latencies alone
   need with the configured number of requests in flight, in the order artlint sends them and
   with the slowest first: no client can be faster than that on that server.

Medians of --runs. A benchmark, not a test: it needs the server and times real requests.
"""

from __future__ import annotations

import argparse
import heapq
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Run by (2) in a child process: the check, with the moment of the first submission reported.
CHILD = """
import json, os, sys, time
started = time.time()
import artlint.network.fetch as fetch
first = []
submit = fetch.Fetcher.submit
def first_noted(self, targets):
    first or first.append(time.time())
    return submit(self, targets)
fetch.Fetcher.submit = first_noted
leave = os._exit
def noted_exit(code):
    sys.stderr.write(json.dumps({"first_submit": first[0] if first else None}) + "\\n")
    sys.stderr.flush()
    leave(code)
os._exit = noted_exit
from artlint import cli
sys.argv = ["artlint", "check", "--no-cache", "--format", "json", "--config", sys.argv[1], sys.argv[2]]
cli.entry()
"""


def whole_check(directory: str, config: str) -> tuple[float, float]:
    """(wall seconds, seconds to the first URL handed to the fetcher), from the spawn."""
    spawned = time.time()
    child = subprocess.run([sys.executable, "-c", CHILD, config, directory], capture_output=True, text=True)
    wall = time.time() - spawned
    noted = json.loads(child.stderr.strip().splitlines()[-1])
    if noted["first_submit"] is None:
        raise SystemExit(f"no URL was fetched: {child.stderr[-500:]}")
    return wall, noted["first_submit"] - spawned


def targets_in(directory: str, config_path: str):
    """The network targets of every file, in the order a run submits them (file by file)."""
    from artlint.config import load_config
    from artlint.discovery import discover
    from artlint.engine import check_file

    config = load_config(config_path)
    config.online = True
    ordered, seen = [], set()
    for path, display in discover([directory], config):
        result = check_file(path, display, config)
        new = {probe.target for _, probes in result.probes for probe in probes} - seen
        seen |= new
        ordered += sorted(new, key=lambda target: target.key)
    return config, ordered


def fetch_alone(config, targets) -> dict:
    import pycurl

    from artlint.network import curl
    from artlint.network.fetch import Fetcher

    by_libcurl: list[float] = []
    seen_by_python: list[float] = []
    finish, request = curl.CurlSession._finish, curl.CurlSession.request

    def timed_finish(self, handle, code, message):
        by_libcurl.append(handle.getinfo(pycurl.TOTAL_TIME))
        return finish(self, handle, code, message)

    async def timed_request(self, *args, **kwargs):
        began = time.perf_counter()
        try:
            return await request(self, *args, **kwargs)
        finally:
            seen_by_python.append(time.perf_counter() - began)

    curl.CurlSession._finish, curl.CurlSession.request = timed_finish, timed_request
    try:
        began, cpu = time.perf_counter(), time.process_time()
        with Fetcher(config.network, config.doi.resolver) as fetcher:
            fetcher.submit(targets)
            fetcher.outcomes()
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    finally:
        curl.CurlSession._finish, curl.CurlSession.request = finish, request
    return {
        "wall": wall,
        "cpu": cpu,
        "requests": len(seen_by_python),
        "in_flight": sum(seen_by_python) / wall,
        "libcurl_ms": 1000 * statistics.mean(by_libcurl),
        "python_ms": 1000 * statistics.mean(seen_by_python),
    }


def planted_seconds(targets, routes_file: str, latency_ms: float, in_flight: int) -> tuple[float, float]:
    """(seconds in the given order, seconds with the slowest first) that the server's planted
    delays need with `in_flight` requests at a time; a redirect's next hop follows its first."""
    from urllib.parse import urlsplit

    routes = json.loads(Path(routes_file).read_text())["routes"]

    def cost(url: str) -> float:
        route = routes.get(urlsplit(url).path, {})
        seconds = (route.get("delay_ms", 0) + latency_ms) / 1000
        if "location" in route:
            seconds += cost(route["location"])
        return seconds

    costs = [cost(target.value) for target in targets]

    def makespan(ordered: list[float]) -> float:
        slots = [0.0] * in_flight
        for seconds in ordered:
            heapq.heappush(slots, heapq.heappop(slots) + seconds)
        return max(slots)

    return makespan(costs), makespan(sorted(costs, reverse=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--config", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--routes", help="the kit's routes.json, to compute what its planted delays need")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="the server's --latency-ms")
    args = parser.parse_args()

    checks = [whole_check(args.directory, args.config) for _ in range(args.runs)]
    config, targets = targets_in(args.directory, args.config)
    fetches = [fetch_alone(config, targets) for _ in range(args.runs)]

    def median(values) -> float:
        return statistics.median(values)

    wall, first = median(c[0] for c in checks), median(c[1] for c in checks)
    fetch = {key: median(f[key] for f in fetches) for key in fetches[0]}
    print(f"{len(targets)} targets, {args.runs} runs, medians")
    print(f"whole check        {wall:6.2f} s wall; first URL handed to the fetcher after {first:.2f} s")
    print(
        f"fetch alone        {fetch['wall']:6.2f} s wall, {fetch['cpu']:.2f} s CPU, {fetch['requests']:.0f} requests, "
        f"{fetch['in_flight']:.1f} in flight on average"
    )
    print(
        f"per request        {fetch['libcurl_ms']:.1f} ms measured by libcurl, {fetch['python_ms']:.1f} ms seen by the "
        f"fetcher ({fetch['python_ms'] - fetch['libcurl_ms']:.1f} ms its own latency)"
    )
    print(f"floor              {first + fetch['wall']:6.2f} s (first URL + fetch alone)")
    if args.routes:
        in_order, slowest_first = planted_seconds(targets, args.routes, args.latency_ms, config.network.concurrency)
        print(
            f"planted delays     {in_order:6.2f} s at {config.network.concurrency} in flight in artlint's order, "
            f"{slowest_first:.2f} s with the slowest first"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

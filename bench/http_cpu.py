#!/usr/bin/env python3
"""CPU spent per HTTP request by artlint's fetcher and by the clients it could be built on.

    python bench/http_cpu.py [--requests 600] [--concurrency 8]

Starts a local HTTP/1.1 server (standard library, in another process, so that its CPU is not
counted), then sends HEAD requests with: artlint's own `Fetcher` (libcurl through pycurl, plus
redirects, retries, guards and bookkeeping on asyncio), a bare pycurl multi loop, and, when
they are installed, urllib3 from a thread pool (what artlint used first) and aiohttp. Prints
the process CPU time per request and the wall time. With one host serving every URL and a
per-host limit, this CPU is on the critical path of a link check (docs/benchmarks.md, issue 6).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

SERVER = """
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

class Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 drops SYNs when 32 clients connect at once

Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed(label: str, count: int, run) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{label:<34} {1000 * cpu / count:6.2f} ms CPU per request   {wall:6.2f} s wall")


def with_urllib3(base: str, count: int, concurrency: int) -> None:
    import urllib3

    pool = urllib3.PoolManager(maxsize=concurrency)

    def one(number: int) -> int:
        return pool.request("HEAD", f"{base}/u{number}", retries=False, redirect=False).status

    with ThreadPoolExecutor(concurrency) as threads:
        assert set(threads.map(one, range(count))) == {200}


def with_artlint(base: str, count: int, concurrency: int) -> None:
    from artlint.config import NetworkSettings
    from artlint.network.fetch import Fetcher
    from artlint.network.targets import Target

    settings = NetworkSettings(check_private=True, concurrency=concurrency, per_host=concurrency)
    with Fetcher(settings, "https://doi.org") as fetcher:
        fetcher.submit([Target("page", f"{base}/a{number}") for number in range(count)])
        outcomes = fetcher.outcomes()
    assert {outcome.state for outcome in outcomes.values()} == {"ok"}


def with_pycurl(base: str, count: int, concurrency: int) -> None:
    import pycurl

    multi = pycurl.CurlMulti()
    waiting = [f"{base}/c{number}" for number in range(count)]
    running = 0
    statuses = set()

    def start() -> None:
        handle = pycurl.Curl()
        handle.setopt(pycurl.URL, waiting.pop())
        handle.setopt(pycurl.NOBODY, 1)
        multi.add_handle(handle)

    while waiting and running < concurrency:
        start()
        running += 1
    while running:
        while multi.perform()[0] == pycurl.E_CALL_MULTI_PERFORM:
            pass
        _, done, failed = multi.info_read()
        for handle in done + [entry[0] for entry in failed]:
            statuses.add(handle.getinfo(pycurl.RESPONSE_CODE))
            multi.remove_handle(handle)
            handle.close()
            running -= 1
            if waiting:
                start()
                running += 1
        multi.select(1.0)
    assert statuses == {200}


def with_aiohttp(base: str, count: int, concurrency: int) -> None:
    import asyncio

    import aiohttp

    async def main() -> None:
        limit = asyncio.Semaphore(concurrency)
        connector = aiohttp.TCPConnector(limit_per_host=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def one(number: int) -> int:
                async with limit, session.head(f"{base}/h{number}", allow_redirects=False) as response:
                    return response.status

            assert set(await asyncio.gather(*(one(number) for number in range(count)))) == {200}

    asyncio.run(main())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)])
    try:
        time.sleep(0.5)
        base = f"http://127.0.0.1:{port}"
        clients = [("artlint Fetcher", with_artlint), ("pycurl multi", with_pycurl)]
        for label, module, client in (("urllib3, thread pool", "urllib3", with_urllib3), ("aiohttp, asyncio", "aiohttp", with_aiohttp)):
            try:
                __import__(module)
                clients.append((label, client))
            except ImportError:
                print(f"{module} is not installed: skipped", file=sys.stderr)
        for label, client in clients:
            timed(f"{label} ({args.concurrency} at once)", args.requests, lambda client=client: client(base, args.requests, args.concurrency))
    finally:
        server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""CPU spent per HTTP request by artlint's fetcher and by the clients it could use instead.

    python bench/http_cpu.py [--requests 600] [--concurrency 8]

Starts a local HTTP/1.1 server (standard library, in another process, so that its CPU is not
counted), then sends HEAD requests with: urllib3 from a thread pool (what artlint's fetcher is
built on), artlint's own `Fetcher` (urllib3 plus redirects, guards and bookkeeping), and
aiohttp when it is installed. Prints the process CPU time per request and the wall time.
With one host serving every URL and a per-host limit, this CPU is on the critical path of a
link check (see docs/benchmarks.md, issue 6).
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

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
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
    from artlint.network.fetch import Fetcher, Settings
    from artlint.network.targets import Target

    with Fetcher(Settings(check_private=True, concurrency=concurrency, per_host=concurrency)) as fetcher:
        fetcher.submit([Target("page", f"{base}/a{number}") for number in range(count)])
        outcomes = fetcher.outcomes()
    assert {outcome.state for outcome in outcomes.values()} == {"ok"}


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
        clients = [("urllib3, thread pool", with_urllib3), ("artlint Fetcher", with_artlint)]
        try:
            import aiohttp  # noqa: F401

            clients.append(("aiohttp, asyncio", with_aiohttp))
        except ImportError:
            print("aiohttp is not installed: skipped", file=sys.stderr)
        for label, client in clients:
            timed(f"{label} ({args.concurrency} at once)", args.requests, lambda: client(base, args.requests, args.concurrency))
    finally:
        server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())

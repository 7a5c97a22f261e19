"""Servers that never answer, answer a byte a second, or answer garbage: one bad host never
stalls a run (issue 16). Real servers on 127.0.0.1, started by the tests (tests/netserver.py)."""

from __future__ import annotations

import asyncio
import errno
import json
import time
from collections import Counter
from pathlib import Path

import pycurl
from helpers import write
from netserver import PlantedServer, RawServer

from artlint.config import parse_config, tomllib
from artlint.engine import run
from artlint.network.client import _failure
from artlint.network.curl import TransferFailed
from artlint.network.curlerrors import CURL_ERRORS

RULES = ["link-broken", "link-unverified", "link-redirected", "image-unreachable"]


def _config(root: Path, network: str = ""):
    text = f'select = {json.dumps(RULES)}\n[network]\ncheck-private = true\n{network}'
    path = root / "artlint.toml"
    path.write_text(text, encoding="utf-8")
    config = parse_config(tomllib.loads(text), path)
    config.online = True
    return config


def _timed_run(root: Path, config) -> tuple[dict[str, list[tuple[str, str]]], float]:
    started = time.monotonic()
    result = run([str(root / "a.md")], config, use_cache=False)
    by_url: dict[str, list[tuple[str, str]]] = {}
    for finding in result.findings:
        by_url.setdefault(finding.url, []).append((finding.rule, finding.message))
    return by_url, time.monotonic() - started


def test_a_tarpit_is_given_up_and_its_queued_links_settled_at_default_settings(tmp_path: Path) -> None:
    """The issue's acceptance test: 100 links to a server that accepts and never answers took
    12 min 40 s; at default settings (timeout 10 s, 8 requests at once per host) the first
    requests time out together, the server is given up, and every other link to it is settled
    without a request. Links to a healthy server in the same run are checked as usual."""
    with RawServer("tarpit", lifetime=100) as tarpit, PlantedServer() as healthy:
        links = [f"[page {n}]({tarpit.base}/page/{n})" for n in range(100)]
        links += [f"[fine]({healthy.base}/ok)", f"[gone]({healthy.base}/404)", f"[moved]({healthy.base}/moved)"]
        write(tmp_path, {"a.md": "\n\n".join(links) + "\n"})
        by_url, seconds = _timed_run(tmp_path, _config(tmp_path))
        assert seconds < 25, seconds  # one timeout (10 s) and the queue settled: about 10 s
        assert tarpit.connections <= 8  # per-host: no request left after the first ones
    reasons = Counter(message for url, found in by_url.items() if url.startswith(tarpit.base) for rule, message in found if rule == "link-unverified")
    address = tarpit.base.removeprefix("http://")
    assert reasons == {f"could not verify: {address} did not answer 3 requests in a row (connections time out); not asked again": 100}
    assert by_url[f"{healthy.base}/404"] == [("link-broken", "broken link: 404 Not Found")]
    assert by_url[f"{healthy.base}/moved"] == [("link-redirected", f"permanently redirected to {healthy.base}/final")]
    assert f"{healthy.base}/ok" not in by_url


def test_the_cap_per_target_holds_against_a_server_that_drips_a_byte_a_second(tmp_path: Path) -> None:
    """A byte a second is never a read timeout (1.5 s here): only the hard caps end the GET of an
    image, 3 s per request (twice the timeout) and 6 s per target (timeout × (retries + 2) × 2)."""
    with RawServer("drip", lifetime=60) as drip:
        write(tmp_path, {"a.md": f"![slow image]({drip.base}/image.png)\n"})
        by_url, seconds = _timed_run(tmp_path, _config(tmp_path, "timeout = 1.5\nretries = 0\n"))
    assert 3 <= seconds < 6, seconds
    [(rule, message)] = by_url[f"{drip.base}/image.png"]
    assert (rule, message) == ("link-unverified", "could not verify: timed out: the answer was not complete after 3 s")


def test_the_cap_per_target_holds_when_a_server_asks_for_a_longer_pause(tmp_path: Path) -> None:
    """503 with Retry-After: 60: the pause before the retry is cut to what is left of the cap
    (timeout × (retries + 2) × 2 = 2.4 s here), and the link is given up then."""
    with PlantedServer() as server:
        write(tmp_path, {"a.md": f"[busy]({server.base}/busy-for-a-minute)\n"})
        by_url, seconds = _timed_run(tmp_path, _config(tmp_path, "timeout = 0.3\nretries = 2\n"))
        assert server.requests_for("/busy-for-a-minute") == 1
    assert 2.4 <= seconds < 4, seconds
    message = "could not verify: gave up after 2.4 s of requests and waits for retries"
    assert by_url[f"{server.base}/busy-for-a-minute"] == [("link-unverified", message)]


def test_a_garbage_answer_or_a_header_too_large_is_a_named_failure(tmp_path: Path) -> None:
    too_large = b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 400_000 + b"\r\n\r\n"
    with RawServer(b"garbage, not HTTP\r\n\r\n", lifetime=60) as garbage, RawServer(too_large, lifetime=60) as large:
        write(tmp_path, {"a.md": f"[garbage]({garbage.base}/x)\n\n[large]({large.base}/x)\n"})
        by_url, _ = _timed_run(tmp_path, _config(tmp_path, "timeout = 1.5\nretries = 0\n"))
    [(rule, message)] = by_url[f"{garbage.base}/x"]
    assert rule == "link-unverified" and message.startswith("could not verify: the server's answer could not be read: ")
    assert message.endswith("(UNSUPPORTED_PROTOCOL)")
    [(rule, message)] = by_url[f"{large.base}/x"]
    assert rule == "link-unverified" and message.startswith("could not verify: the server's answer could not be read: ")
    assert message.endswith("TOO_LARGE") and ":  " not in message


def test_the_error_table_agrees_with_pycurl_where_pycurl_names_a_code() -> None:
    for code, (name, _) in CURL_ERRORS.items():
        assert getattr(pycurl, "E_" + name, code) == code, name


def test_every_libcurl_code_gives_a_failure_and_no_error() -> None:
    """Including codes newer than the table and than the installed pycurl."""
    for code in range(1, 130):
        if code == 6:  # asks the system resolver
            continue
        failure = asyncio.run(_failure(TransferFailed(code, "libcurl's words", errno.EHOSTUNREACH), "example.invalid"))
        assert failure.state in ("broken", "unverified") and failure.reason, code
    unknown = asyncio.run(_failure(TransferFailed(555, "something new"), "example.invalid"))
    assert unknown.reason == "libcurl failed: something new (error 555)"

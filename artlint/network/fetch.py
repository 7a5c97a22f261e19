"""Fetching: every URL and DOI of a run once, concurrently, politely, and safely.

- One request at a time per URL; at most `concurrency` in flight, `per-host` per host.
- HEAD first; GET (streamed, a few KB read) when HEAD is refused and for images.
- Redirects followed by hand (at most 10), loops detected, every hop guarded.
- Retries with exponential backoff and jitter on 5xx, 429 and timeouts; Retry-After honoured
  up to a cap. A host whose connections keep failing is not asked again.
- Outcomes tell "broken" (certain) from "unverified" (blocked, rate-limited, timing out).
"""

from __future__ import annotations

import email.utils
import json
import random
import socket
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import quote, urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)

from artlint import __version__
from artlint.network.guard import PrivateAddressRefused, check_host, guarded_pool_classes
from artlint.network.targets import Outcome, Target

USER_AGENT = f"artlint/{__version__} (+https://pypi.org/project/artlint/; content linter checking links)"
MAX_REDIRECTS = 10
READ_LIMIT = 4096
RETRY_AFTER_CAP = 30.0
BACKOFF_BASE = 0.5
HOST_FAILURE_LIMIT = 3
REDIRECT_CODES = {301, 302, 303, 307, 308}
BOT_CODES = {401, 403, 407, 429, 999}
HEAD_REFUSED = {403, 405, 501, 400}
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
DNS_MISSING = "DNS: the host name does not exist"
CHALLENGE_MARKERS = (b"cf-browser-verification", b"challenge-platform", b"Just a moment...", b"captcha", b"ddos-guard")


@dataclass
class Settings:
    timeout: float = 10.0
    retries: int = 2
    concurrency: int = 32
    per_host: int = 8
    check_private: bool = False
    resolver: str = "https://doi.org"
    sleep: Callable[[float], None] = time.sleep


class _Stop(Exception):
    pass


@dataclass
class _HostState:
    semaphore: threading.Semaphore
    failures: int = 0
    dead_reason: str | None = None


class Fetcher:
    def __init__(self, settings: Settings):
        self.settings = settings
        # urllib3 directly rather than requests: measured on 1,300 local URLs at concurrency 32,
        # 1.23 s instead of 2.85 s, a third of the CPU; requests adds nothing this code uses.
        self.pool = urllib3.PoolManager(
            num_pools=256,
            maxsize=max(settings.per_host, 1),
            block=False,
            retries=False,
            timeout=urllib3.Timeout(connect=settings.timeout, read=settings.timeout),
            headers={"User-Agent": USER_AGENT},
        )
        if not settings.check_private:
            self.pool.pool_classes_by_scheme = guarded_pool_classes()
        self._hosts: dict[str, _HostState] = {}
        self._lock = threading.Lock()
        self.stopped = threading.Event()

    # ------------------------------------------------------------------ running

    def run(self, targets: list[Target], on_done: Callable[[Target, Outcome], None] | None = None) -> dict[Target, Outcome]:
        """Check every target; returns what was finished (all of it, unless interrupted)."""
        results: dict[Target, Outcome] = {}
        if not targets:
            return results
        pool = ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency), thread_name_prefix="artlint-fetch")
        futures: dict[Future, Target] = {pool.submit(self._check, target): target for target in targets}
        try:
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except _Stop:
                    continue
                target = futures[future]
                results[target] = outcome
                if on_done is not None:
                    on_done(target, outcome)
        except KeyboardInterrupt:
            self.stopped.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            pool.shutdown(wait=not self.stopped.is_set(), cancel_futures=True)
        return self._no_dns_at_all(results)

    def _no_dns_at_all(self, results: dict[Target, Outcome]) -> dict[Target, Outcome]:
        """When not one host name of the run resolved, the machine is offline rather than every
        host gone: say "could not verify" instead of "broken"."""
        dns = [o for o in results.values() if o.reason == DNS_MISSING]
        hosts = {urlsplit(t.value).hostname for t in results if t.kind in ("page", "image")}
        if len(hosts) >= 2 and dns and len(dns) == sum(1 for t in results if t.kind in ("page", "image")):
            for outcome in dns:
                outcome.state = "unverified"
                outcome.reason = "DNS: no host name of the run resolved; is this machine offline?"
        return results

    def _host(self, url: str) -> _HostState:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _HostState(threading.Semaphore(max(1, self.settings.per_host)))
            return state

    def _check(self, target: Target) -> Outcome:
        if self.stopped.is_set():
            raise _Stop()
        if target.kind == "doi":
            return self._check_doi(target.value)
        if target.kind == "csl":
            return self._check_csl(target.value)
        return self._check_url(target.value, image=target.kind == "image")

    # ------------------------------------------------------------------ URLs

    def _check_url(self, url: str, image: bool) -> Outcome:
        if urlsplit(url).scheme not in ("http", "https"):
            return Outcome("unverified", "only http and https URLs are checked")
        deadline = time.monotonic() + self.settings.timeout * (self.settings.retries + 2) * 2
        requests_made = 0
        permanent = True
        visited: list[str] = []
        current = url
        while True:
            if current in visited:
                return Outcome("broken", "redirect loop: " + " -> ".join(visited + [current]), requests=requests_made)
            if len(visited) > MAX_REDIRECTS:
                return Outcome("broken", f"more than {MAX_REDIRECTS} redirects", requests=requests_made)
            visited.append(current)
            hop = self._fetch(current, image, deadline)
            requests_made += hop.requests
            if hop.state != "redirect":
                outcome = hop.outcome
                outcome.requests = requests_made
                if len(visited) > 1:
                    outcome.final_url = current
                    outcome.permanent_redirect = permanent and outcome.ok
                return outcome
            permanent = permanent and hop.status in (301, 308)
            current = hop.location

    def _fetch(self, url: str, image: bool, deadline: float) -> "_Hop":
        """One hop: HEAD (or GET), with retries; a redirect, or a final outcome."""
        host = self._host(url)
        if host.dead_reason is not None:
            return _Hop.final(Outcome("unverified", f"not checked: {host.dead_reason}"))
        if not self.settings.check_private:
            parts = urlsplit(url)
            try:
                check_host(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
            except PrivateAddressRefused as exc:
                return _Hop.final(Outcome("unverified", str(exc)))
            except socket.gaierror as exc:
                return _Hop.final(self._dns_outcome(host, exc))
            except UnicodeError:
                return _Hop.final(Outcome("broken", "the host name is not valid"))
        methods = ["GET"] if image else ["HEAD", "GET"]
        attempt = 0
        made = 0
        while True:
            method = methods[0]
            if self.stopped.is_set():
                raise _Stop()
            try:
                with host.semaphore:
                    made += 1
                    response, head = self._request(method, url)
            except PrivateAddressRefused as exc:
                return _Hop.final(Outcome("unverified", str(exc)), made)
            except HTTPError as exc:
                error = _unwrap(exc)
                if isinstance(error, PrivateAddressRefused):
                    return _Hop.final(Outcome("unverified", str(error)), made)
                if isinstance(error, SSLError):
                    return _Hop.final(self._tls_outcome(error), made)
                # NewConnectionError is a ConnectTimeoutError in urllib3 2: look at it first.
                if isinstance(error, (ConnectTimeoutError, ReadTimeoutError)) and not isinstance(error, NewConnectionError):
                    if self._may_retry(attempt, deadline):
                        attempt += 1
                        self._backoff(attempt, None)
                        continue
                    self._host_failed(host, "connections time out")
                    return _Hop.final(Outcome("unverified", f"timed out after {self.settings.timeout:g} s"), made)
                reason = _connection_reason(error)
                if reason == "connection refused":
                    self._host_failed(host, "connections refused")
                    return _Hop.final(Outcome("broken", "connection refused"), made)
                if reason.startswith("DNS"):
                    return _Hop.final(Outcome("broken" if reason == DNS_MISSING else "unverified", reason), made)
                if self._may_retry(attempt, deadline):
                    attempt += 1
                    self._backoff(attempt, None)
                    continue
                self._host_failed(host, reason)
                return _Hop.final(Outcome("unverified", reason), made)
            status = response.status
            host.failures = 0
            if method == "HEAD" and status in HEAD_REFUSED and len(methods) > 1:
                methods.pop(0)
                continue
            if status in REDIRECT_CODES:
                location = response.headers.get("Location")
                if not location:
                    return _Hop.final(Outcome("broken", f"{status} redirect without a Location", status), made)
                return _Hop(state="redirect", status=status, location=urljoin(url, location), requests=made)
            if status == 429 or status >= 500:
                if self._may_retry(attempt, deadline):
                    attempt += 1
                    self._backoff(attempt, response.headers.get("Retry-After"))
                    continue
                word = "rate-limited" if status == 429 else "server error"
                text = f"{status} {response.reason or ''}".strip()
                return _Hop.final(Outcome("unverified", f"{text} ({word}, after {attempt + 1} tries)", status), made)
            return _Hop.final(self._judge_response(response, status, head, image), made)

    def _request(self, method: str, url: str) -> tuple[urllib3.BaseHTTPResponse, bytes]:
        """One request; for GET, the first few KB of the body (the rest is not downloaded)."""
        response = self.pool.request(method, url, redirect=False, preload_content=False)
        head = b""
        if method == "GET":
            try:
                head = response.read(READ_LIMIT) or b""
            except HTTPError:  # a body that breaks off is not a verdict on the link
                head = b""
            finally:
                response.close()  # do not download the rest; the connection is not reused
        else:
            response.release_conn()
        return response, head

    def _judge_response(self, response, status: int, head: bytes, image: bool) -> Outcome:
        reason = f"{status} {response.reason or ''}".strip()
        if 200 <= status < 300:
            if any(marker in head for marker in CHALLENGE_MARKERS):
                return Outcome("unverified", f"{reason}, but the page is a bot challenge", status)
            if image:
                kind = _image_kind(response.headers.get("Content-Type", ""), head)
                return Outcome("ok", reason, status, is_image=kind is not None)
            return Outcome("ok", reason, status)
        if status in BOT_CODES:
            hint = "the server may block scripts" if status != 401 else "the page needs a login"
            return Outcome("unverified", f"{reason} ({hint})", status)
        return Outcome("broken", reason, status)

    def _may_retry(self, attempt: int, deadline: float) -> bool:
        return attempt < self.settings.retries and time.monotonic() < deadline

    def _backoff(self, attempt: int, retry_after: str | None) -> None:
        delay = BACKOFF_BASE * (2 ** (attempt - 1)) * (0.5 + random.random())
        if retry_after:
            delay = max(delay, _retry_after_seconds(retry_after))
        self.settings.sleep(min(delay, RETRY_AFTER_CAP))

    def _host_failed(self, host: _HostState, reason: str) -> None:
        with self._lock:
            host.failures += 1
            if host.failures >= HOST_FAILURE_LIMIT:
                host.dead_reason = f"the host's {reason} {host.failures} times in a row"

    @staticmethod
    def _dns_outcome(host: _HostState, exc: socket.gaierror) -> Outcome:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
            return Outcome("broken", DNS_MISSING)
        return Outcome("unverified", f"DNS lookup failed ({exc.strerror or exc})")

    @staticmethod
    def _tls_outcome(exc: Exception) -> Outcome:
        text = str(exc)
        if "hostname" in text.lower() or "doesn't match" in text or "not valid for" in text:
            return Outcome("broken", "TLS certificate is for another host")
        return Outcome("unverified", f"TLS error: {text[:160]}")

    # ------------------------------------------------------------------ DOIs

    def _resolver(self, path: str) -> str:
        return self.settings.resolver.rstrip("/") + path

    def _check_doi(self, doi: str) -> Outcome:
        url = self._resolver("/api/handles/" + quote(doi, safe="/"))
        outcome = self._get_json(url, {})
        if outcome[0] is None:
            return outcome[1]
        data, requests_made = outcome
        code = data.get("responseCode")
        if code in (1, 200):
            return Outcome("ok", "registered", found=True, requests=requests_made)
        if code == 100:
            return Outcome("ok", "not registered", found=False, requests=requests_made)
        return Outcome("unverified", f"the handle API answered responseCode {code}", requests=requests_made)

    def _check_csl(self, doi: str) -> Outcome:
        url = self._resolver("/" + quote(doi, safe="/"))
        outcome = self._get_json(url, {"Accept": "application/vnd.citationstyles.csl+json"})
        if outcome[0] is None:
            return outcome[1]
        data, requests_made = outcome
        title = data.get("title")
        if isinstance(title, list):
            title = title[0] if title else None
        return Outcome("ok", "metadata", title=title if isinstance(title, str) else None, requests=requests_made)

    def _get_json(self, url: str, headers: dict) -> tuple:
        """(data, requests) or (None, an unverified Outcome)."""
        made = 0
        deadline = time.monotonic() + self.settings.timeout * (self.settings.retries + 2) * 2
        attempt = 0
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            host = self._host(current)
            if not self.settings.check_private:
                parts = urlsplit(current)
                try:
                    check_host(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
                except (PrivateAddressRefused, socket.gaierror, UnicodeError) as exc:
                    return None, Outcome("unverified", f"DOI resolver not reachable: {exc}", requests=made)
            try:
                with host.semaphore:
                    response = self.pool.request("GET", current, headers=headers, redirect=False)
                made += 1
            except (HTTPError, PrivateAddressRefused) as exc:
                made += 1
                if self._may_retry(attempt, deadline):
                    attempt += 1
                    self._backoff(attempt, None)
                    continue
                return None, Outcome("unverified", f"DOI resolver not reachable: {type(_unwrap(exc)).__name__}", requests=made)
            status = response.status
            if status in REDIRECT_CODES and response.headers.get("Location"):
                current = urljoin(current, response.headers["Location"])
                continue
            if status == 429 or status >= 500:
                if self._may_retry(attempt, deadline):
                    attempt += 1
                    self._backoff(attempt, response.headers.get("Retry-After"))
                    continue
            if status == 404 and headers:
                return None, Outcome("ok", "no metadata", requests=made)
            try:
                data = json.loads(response.data.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                return None, Outcome("unverified", f"DOI resolver answered {status} without JSON", requests=made)
            return (data if isinstance(data, dict) else {}), made
        return None, Outcome("unverified", "DOI resolver redirected too often", requests=made)


@dataclass
class _Hop:
    state: str  # "redirect" or "final"
    status: int | None = None
    location: str = ""
    outcome: Outcome = field(default_factory=lambda: Outcome("unverified"))
    requests: int = 0

    @classmethod
    def final(cls, outcome: Outcome, requests: int = 0) -> "_Hop":
        return cls("final", outcome.status, "", outcome, requests)


def _unwrap(exc: BaseException) -> BaseException:
    """The error behind urllib3's wrappers (MaxRetryError, a pool's NewConnectionError)."""
    while isinstance(exc, MaxRetryError) and exc.reason is not None:
        exc = exc.reason
    if isinstance(exc, NameResolutionError):
        return exc
    cause = exc.__context__
    if isinstance(cause, PrivateAddressRefused):
        return cause
    return exc


def _connection_reason(exc: BaseException) -> str:
    text = repr(exc) + repr(getattr(exc, "__context__", ""))
    if isinstance(exc, NameResolutionError):
        if "Temporary failure" in text or "[Errno -3]" in text:
            return "DNS lookup failed (temporary)"
        return DNS_MISSING
    if "Connection refused" in text or "ECONNREFUSED" in text or "[Errno 111]" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text or "[Errno -2]" in text:
        return DNS_MISSING
    if "Temporary failure in name resolution" in text or "[Errno -3]" in text:
        return "DNS lookup failed (temporary)"
    if "RemoteDisconnected" in text or "Connection aborted" in text or "ConnectionReset" in text:
        return "the server closed the connection"
    return "connection failed"


def _retry_after_seconds(value: str) -> float:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())


def _image_kind(content_type: str, head: bytes) -> str | None:
    """The image format by magic number, or by an image/* type; None when it is not an image."""
    for magic, name in IMAGE_MAGIC:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis", b"heic", b"heix", b"mif1"):
        return "AVIF/HEIF"
    stripped = head.lstrip()[:512].lower()
    if stripped.startswith(b"<svg") or (stripped.startswith(b"<?xml") and b"<svg" in stripped):
        return "SVG"
    if not head and content_type.split(";")[0].strip().lower().startswith("image/"):
        return "image (by type)"
    return None



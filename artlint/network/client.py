"""Checking one target (a page, an image, a DOI) over HTTP: the requests and the verdicts.

- At most `concurrency` requests in flight, `per-host` per host; connections reused.
- HEAD first; GET (a few KB read) when HEAD is refused, when HEAD says the page is broken
  (servers that answer HEAD wrongly must not fail a run), and for images.
- Redirects followed by hand (at most 10), with the cookies the chain's servers set (a
  redirect that only sets a cookie is no loop), loops detected, every hop guarded.
- Retries with exponential backoff and jitter on 5xx, 429, timeouts and dropped connections;
  Retry-After honoured up to a cap; a hard cap on the time per target.
- A server (host and port) whose requests keep getting no answer is given up: every request
  to it, waiting for its turn or running, ends at once, and its links are reported unverified.
- Outcomes tell "broken" (certain) from "unverified" (blocked, rate-limited, timing out).

Coroutines on the fetcher's event loop (fetch.py); the requests go through libcurl (curl.py).
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import json
import math
import random
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import pycurl

from artlint import __version__
from artlint.config import NetworkSettings
from artlint.network.cookies import ChainCookies
from artlint.network.curl import Abandoned, Answer, CurlSession, TransferFailed
from artlint.network.curlerrors import curl_error
from artlint.network.dns import HostNames, NameNotResolved, resolve_entry
from artlint.network.guard import PrivateAddressRefused, refuse_private_literal
from artlint.network.targets import Outcome, Target

USER_AGENT = f"artlint/{__version__} (+https://pypi.org/project/artlint/; content linter checking links)"
MAX_REDIRECTS = 10
READ_LIMIT = 4096  # bytes of a page or image read to judge it
JSON_LIMIT = 1 << 20  # bytes of a DOI resolver's answer
RETRY_AFTER_CAP = 30.0
BACKOFF_BASE = 0.5
HOST_FAILURE_LIMIT = 3  # requests in a row without an answer that give a server up (at least one link's tries)
REDIRECT_CODES = {301, 302, 303, 307, 308}
# Answers that are no evidence that the link is broken, and why (429 only after retries).
UNCERTAIN_CODES = {
    401: "the page needs a login",
    403: "the server may block scripts",
    407: "the server may block scripts",
    421: "the request reached a server that does not serve this host",
    429: "the server may block scripts",
    451: "unavailable for legal reasons where artlint ran",
    999: "the server may block scripts",
}
# Answers worth asking again after a pause: the server is busy, slow or failing for now.
RETRIED_CODES = {408: "request timeout", 429: "rate-limited"}  # and every 5xx: "server error"
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
CHALLENGE_MARKERS = (b"cf-browser-verification", b"challenge-platform", b"Just a moment...", b"captcha", b"ddos-guard")


class _HostDown(Exception):
    """The server was given up; the message says why."""


@dataclass
class _Host:
    """One server (host name and port): its turns, and whether it still answers. Once it is
    given up, `down` is done, with the reason, and every request to it ends at once."""

    name: str  # the host name, for DNS and the guard
    address: str  # host:port, for messages
    semaphore: asyncio.Semaphore
    down: asyncio.Future
    failures: int = 0  # requests in a row that got no answer
    last_answer: float = -math.inf  # time.monotonic() of its latest answer

    def raise_if_down(self) -> None:
        if self.down.done():
            raise _HostDown(self.down.result())

    def answered(self) -> None:
        self.failures = 0
        self.last_answer = time.monotonic()

    def failed(self, why: str, sent: float, limit: int) -> None:
        """A request sent at `sent` got no answer."""
        if self.last_answer > sent:  # it answered others meanwhile: a slow page, not a dead server
            return
        self.failures += 1
        if self.failures >= limit and not self.down.done():
            self.down.set_result(f"{self.address} did not answer {self.failures} requests in a row ({why}); not asked again")


@dataclass
class _Budget:
    """Seconds a target may still spend in requests, in waits before retries and in making sense
    of a failure. Waiting for a free slot (the host's or the run's) does not count: on a site
    with thousands of URLs on one host, a URL may wait minutes for its turn."""

    left: float

    async def spend(self, awaitable):
        """Await it within the seconds left, counting the time it takes."""
        if self.left <= 0:
            raise _OutOfTime()
        started = time.monotonic()
        try:
            return await asyncio.wait_for(awaitable, self.left)
        except asyncio.TimeoutError:
            raise _OutOfTime() from None
        finally:
            self.left -= time.monotonic() - started


class _OutOfTime(Exception):
    pass


@dataclass
class _Failure:
    """What a request that got no answer means."""

    state: str  # "broken" or "unverified"
    reason: str
    retry: bool = False


@dataclass
class _Hop:
    state: str  # "redirect" or "final"
    status: int | None = None
    location: str = ""
    outcome: Outcome = field(default_factory=lambda: Outcome("unverified"))
    requests: int = 0
    answered: bool = False  # the outcome is the server's answer, not a failure to reach it

    @classmethod
    def final(cls, outcome: Outcome, requests: int = 0, answered: bool = False) -> "_Hop":
        return cls("final", outcome.status, "", outcome, requests, answered)


class Client:
    """One per run, used on `loop`; `resolver` is the DOI resolver's base URL."""

    def __init__(self, settings: NetworkSettings, resolver: str, loop: asyncio.AbstractEventLoop):
        self.settings = settings
        self.resolver = resolver.rstrip("/")
        self.cap = settings.timeout * (settings.retries + 2) * 2  # seconds of requests and waits per target
        self.session = CurlSession(loop, USER_AGENT, settings.timeout, settings.concurrency, refuse_private=not settings.check_private)
        self._slots = asyncio.Semaphore(max(1, settings.concurrency))
        self._hosts: dict[str, _Host] = {}
        self._names = HostNames(settings.dns_canary)
        self._give_up_after = max(HOST_FAILURE_LIMIT, settings.retries + 1)  # a lone link keeps all its tries

    async def close(self) -> None:
        await self.session.close()

    async def outcome_of(self, target: Target) -> Outcome:
        try:
            return await self._check(target, _Budget(self.cap))
        except _OutOfTime:
            return Outcome("unverified", f"gave up after {self.cap:g} s of requests and waits for retries")
        except _HostDown as down:
            return Outcome("unverified", str(down))
        except Exception as exc:  # an unforeseen answer must not end the run or lose other results
            return Outcome("unverified", f"artlint could not check it ({type(exc).__name__}: {exc})")

    async def _check(self, target: Target, budget: "_Budget") -> Outcome:
        if target.kind == "doi":
            return await self._check_doi(target.value, budget)
        if target.kind == "csl":
            return await self._check_csl(target.value, budget)
        return await self._check_url(target.value, target.kind == "image", budget)

    def _host(self, url: str) -> _Host:
        name, address = _server(url)
        host = self._hosts.get(address)
        if host is None:
            semaphore = asyncio.Semaphore(max(1, self.settings.per_host))
            host = self._hosts[address] = _Host(name, address, semaphore, asyncio.get_running_loop().create_future())
        return host

    async def _request(self, method: str, url: str, host: _Host, read: int, budget: "_Budget", headers: dict | None = None) -> Answer:
        """One request; _HostDown when the server is given up while it waits or runs."""
        async with host.semaphore:  # a request waiting for its host holds no global slot
            host.raise_if_down()
            async with self._slots:
                host.raise_if_down()
                if budget.left <= 0:
                    raise _OutOfTime()
                sent = time.monotonic()
                try:
                    target = _as_sent(url)
                    pinned = await self._pinned(target, budget)
                    limit = min(2 * self.settings.timeout, budget.left)
                    answer = await self.session.request(method, target, host.name, headers, read, limit, stop=host.down, resolve=pinned)
                except Abandoned as abandoned:
                    raise _HostDown(str(abandoned)) from None
                except TransferFailed as failed:
                    why = _no_answer(failed)
                    if why:
                        host.failed(why, sent, self._give_up_after)
                    raise
                finally:
                    budget.left -= time.monotonic() - sent
        host.answered()
        return answer

    async def _pinned(self, url: str, budget: "_Budget") -> str | None:
        """libcurl's RESOLVE line for the URL's host, looked up once per run; None for an
        address. NameNotResolved when the name has no addresses."""
        parts = urlsplit(url)
        name = parts.hostname or ""
        found = await budget.spend(self._names.addresses(name))
        if not found.found:
            raise NameNotResolved(found)
        if name == found.addresses[0] and len(found.addresses) == 1:
            return None
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return resolve_entry(name, port, found.addresses)

    # ------------------------------------------------------------------ pages and images

    async def _check_url(self, url: str, image: bool, budget: "_Budget") -> Outcome:
        outcome, answered = await self._follow(url, image, budget, head_first=not image)
        if outcome.state == "broken" and answered and not image:
            # Some servers answer HEAD wrongly (404 for a page that GET serves, a redirect to an
            # error page): a page is broken only if GET says so too.
            confirmed, _ = await self._follow(url, image, budget, head_first=False)
            confirmed.requests += outcome.requests
            return confirmed
        return outcome

    async def _follow(self, url: str, image: bool, budget: "_Budget", head_first: bool) -> tuple[Outcome, bool]:
        """The outcome at the end of the redirects from `url`, and whether it is the servers'
        answer (a status, a redirect loop) rather than a failure to reach them."""
        requests_made = 0
        permanent = True
        visited: list[str] = []
        cookies = ChainCookies()
        states: set[tuple[str, str | None]] = set()  # a URL again, with the same cookies: a loop
        current = url
        while True:
            state = (current, cookies.header(current))
            if state in states:
                return Outcome("broken", "redirect loop: " + " -> ".join(visited + [current]), requests=requests_made), True
            if len(visited) > MAX_REDIRECTS:
                return Outcome("broken", f"more than {MAX_REDIRECTS} redirects", requests=requests_made), True
            states.add(state)
            visited.append(current)
            hop = await self._hop(current, image, budget, head_first, cookies)
            requests_made += hop.requests
            if hop.state != "redirect":
                outcome = hop.outcome
                outcome.requests = requests_made
                if len(visited) > 1:
                    outcome.final_url = current
                    outcome.permanent_redirect = permanent and outcome.ok
                return outcome, hop.answered
            permanent = permanent and hop.status in (301, 308)
            current = hop.location

    async def _hop(self, url: str, image: bool, budget: "_Budget", head_first: bool, cookies: ChainCookies) -> _Hop:
        """One hop: HEAD then GET if HEAD is refused (or GET only), with retries; a redirect,
        or a final outcome. The chain's cookies go with each request and take the answer's."""
        if urlsplit(url).scheme not in ("http", "https"):
            return _Hop.final(Outcome("unverified", "only http and https URLs are checked"))
        host = self._host(url)
        refused = self._refused(host)
        if refused:
            return _Hop.final(Outcome("unverified", refused))
        methods = ["HEAD", "GET"] if head_first else ["GET"]
        attempt = 0
        made = 0
        while True:
            method = methods[0]
            made += 1
            cookie = cookies.header(url)
            try:
                answer = await self._request(
                    method, url, host, READ_LIMIT if method == "GET" else 0, budget, {"Cookie": cookie} if cookie else None
                )
            except (_OutOfTime, _HostDown):
                raise
            except Exception as exc:
                failure = await budget.spend(_failure(exc, host.name, self._names))
                if failure.retry and await self._retried(attempt, budget, host):
                    attempt += 1
                    continue
                return _Hop.final(Outcome(failure.state, failure.reason), made)
            status = answer.status
            cookies.take(url, answer.set_cookie)
            if method == "HEAD" and status in HEAD_REFUSED and len(methods) > 1:
                methods.pop(0)
                continue
            if status in REDIRECT_CODES:
                location = answer.header("Location")
                if not location:
                    return _Hop.final(Outcome("broken", f"{status} redirect without a Location", status), made, answered=True)
                return _Hop(state="redirect", status=status, location=urljoin(url, location), requests=made)
            if _worth_retrying(status):
                if await self._retried(attempt, budget, host, answer.header("Retry-After")):
                    attempt += 1
                    continue
                word = RETRIED_CODES.get(status, "server error")
                text = f"{status} {answer.reason}".strip()
                return _Hop.final(Outcome("unverified", f"{text} ({word}, after {attempt + 1} tries)", status), made)
            return _Hop.final(_judge(answer, image), made, answered=True)

    def _refused(self, host: _Host) -> str | None:
        """Why a host written as a private IP address is not asked (names are checked on connecting)."""
        if self.settings.check_private:
            return None
        try:
            refuse_private_literal(host.name)
        except PrivateAddressRefused as exc:
            return str(exc)
        return None

    async def _retried(self, attempt: int, budget: "_Budget", host: _Host, retry_after: str | None = None) -> bool:
        """Whether try `attempt` (0 the first) may be followed by another; if so, after backing
        off: exponentially with jitter, or as long as Retry-After asks, up to a cap. _HostDown
        as soon as the server is given up."""
        if attempt >= self.settings.retries or budget.left <= 0:
            return False
        delay = BACKOFF_BASE * (2**attempt) * (0.5 + random.random())
        if retry_after:
            delay = max(delay, _retry_after_seconds(retry_after))
        delay = max(0.0, min(delay, RETRY_AFTER_CAP, budget.left))
        budget.left -= delay
        await asyncio.wait({host.down}, timeout=delay)
        host.raise_if_down()
        return True

    # ------------------------------------------------------------------ DOIs

    def _resolver(self, path: str) -> str:
        return self.resolver + path

    async def _check_doi(self, doi: str, budget: "_Budget") -> Outcome:
        data, outcome = await self._get_json(self._resolver("/api/handles/" + quote(doi, safe="/")), {}, budget)
        if data is None:
            return outcome
        code = data.get("responseCode")
        if code in (1, 200):
            return Outcome("ok", "registered", found=True, requests=outcome.requests)
        if code == 100:
            return Outcome("ok", "not registered", found=False, requests=outcome.requests)
        return Outcome("unverified", f"the handle API answered responseCode {code}", requests=outcome.requests)

    async def _check_csl(self, doi: str, budget: "_Budget") -> Outcome:
        url = self._resolver("/" + quote(doi, safe="/"))
        data, outcome = await self._get_json(url, {"Accept": "application/vnd.citationstyles.csl+json"}, budget)
        if data is None:
            return outcome
        title = data.get("title")
        if isinstance(title, list):
            title = title[0] if title else None
        return Outcome("ok", "metadata", title=title if isinstance(title, str) else None, requests=outcome.requests)

    async def _get_json(self, url: str, headers: dict, budget: "_Budget") -> tuple[dict | None, Outcome]:
        """(data, an Outcome counting the requests) or (None, the Outcome to report)."""
        made = 0
        attempt = 0
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            host = self._host(current)
            refused = self._refused(host)
            if refused:
                return None, Outcome("unverified", f"DOI resolver not reachable: {refused}", requests=made)
            made += 1
            try:
                answer = await self._request("GET", current, host, JSON_LIMIT, budget, headers)
            except (_OutOfTime, _HostDown):
                raise
            except Exception as exc:
                failure = await budget.spend(_failure(exc, host.name, self._names))
                if failure.retry and await self._retried(attempt, budget, host):
                    attempt += 1
                    continue
                return None, Outcome("unverified", f"DOI resolver not reachable: {failure.reason}", requests=made)
            status = answer.status
            if status in REDIRECT_CODES and answer.header("Location"):
                current = urljoin(current, answer.header("Location"))
                continue
            if _worth_retrying(status) and await self._retried(attempt, budget, host, answer.header("Retry-After")):
                attempt += 1
                continue
            if status == 404 and headers:
                return None, Outcome("ok", "no metadata", requests=made)
            try:
                data = json.loads(answer.body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                return None, Outcome("unverified", f"DOI resolver answered {status} without JSON", requests=made)
            return (data if isinstance(data, dict) else {}), Outcome("ok", requests=made)
        return None, Outcome("unverified", "DOI resolver redirected too often", requests=made)


def _as_sent(url: str) -> str:
    """The URL as the article wrote it: ASCII URLs are sent unchanged (re-quoting could turn one
    URL into another); in others, the host is IDNA-encoded (UTS 46, as browsers do) and other
    characters percent-encoded."""
    if url.isascii():
        return url
    import idna  # here: only non-ASCII URLs need its tables (start-up speed)

    parts = urlsplit(url)
    host = idna.encode(parts.hostname or "", uts46=True).decode("ascii")
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    if "@" in parts.netloc:
        netloc = quote(parts.netloc.rsplit("@", 1)[0], safe=":%") + "@" + netloc
    keep = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=keep), quote(parts.query, safe=keep), ""))


def _judge(answer: Answer, image: bool) -> Outcome:
    status = answer.status
    reason = f"{status} {answer.reason}".strip()
    if 200 <= status < 300:
        if any(marker in answer.body for marker in CHALLENGE_MARKERS):
            return Outcome("unverified", f"{reason}, but the page is a bot challenge", status)
        if image:
            kind = _image_kind(answer.header("Content-Type") or "", answer.body)
            return Outcome("ok", reason, status, is_image=kind is not None)
        return Outcome("ok", reason, status)
    if status in UNCERTAIN_CODES:
        return Outcome("unverified", f"{reason} ({UNCERTAIN_CODES[status]})", status)
    return Outcome("broken", reason, status)


def _worth_retrying(status: int) -> bool:
    return status in RETRIED_CODES or status >= 500


async def _failure(exc: BaseException, host: str, names: HostNames | None = None) -> _Failure:
    """What an exception from a request means for the link; anything that is not about the
    network (running out of time, a bug) is raised again."""
    if isinstance(exc, PrivateAddressRefused):
        return _Failure("unverified", str(exc))
    if isinstance(exc, NameNotResolved):
        return _Failure(exc.failure.state, exc.failure.reason)
    if isinstance(exc, (ValueError, UnicodeError, pycurl.error)):
        return _Failure("unverified", f"the URL cannot be sent as written ({exc})")
    if not isinstance(exc, TransferFailed):
        raise exc
    name, kind = curl_error(exc.code)
    if kind == "dns":
        return await _dns_failure(host, exc.message, names)
    if kind == "tls-name":
        return _tls_failure(exc.message)
    if kind == "connect" and exc.os_errno == errno.ECONNREFUSED:
        return _Failure("broken", "connection refused")
    return _transfer_failure(kind, name, exc.message)


def _transfer_failure(kind: str, name: str, message: str) -> _Failure:
    """The failure of a transfer of `kind` (curlerrors.py) that needs no further look."""
    if kind == "connect":
        return _Failure("unverified", f"connection failed ({message})", retry=True)
    if kind == "timeout":
        return _Failure("unverified", f"timed out: {message}", retry=True)
    if kind == "dropped":
        return _Failure("unverified", "the server closed the connection", retry=True)
    if kind == "tls":
        return _Failure("unverified", f"TLS error: {message[:160]}")
    if kind == "unreadable":
        return _Failure("unverified", f"the server's answer could not be read: {_libcurl_says(message, name)}")
    if kind == "url":
        return _Failure("unverified", f"the URL cannot be sent as written ({message})")
    return _Failure("unverified", f"libcurl failed: {_libcurl_says(message, name)}")


def _libcurl_says(message: str, name: str) -> str:
    """libcurl's words and the error's name; the name alone when libcurl gave no words (it gives
    none for TOO_LARGE through the multi interface)."""
    return f"{message[:160]} ({name})" if message else name


def _no_answer(failed: TransferFailed) -> str | None:
    """How a failed request says its server may be down or a tarpit; None when it does not."""
    kind = curl_error(failed.code)[1]
    if kind == "connect":
        return "connections refused" if failed.os_errno == errno.ECONNREFUSED else "connections fail"
    return {"timeout": "connections time out", "dropped": "connections close"}.get(kind)


def _server(url: str) -> tuple[str, str]:
    """(host name, host:port) of a URL: one server, whose failures say nothing of another port's."""
    parts = urlsplit(url)
    name = (parts.hostname or "").lower()
    port: int | str
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # not a port: libcurl says so when asked
        port = parts.netloc.rpartition(":")[2]
    return name, f"[{name}]:{port}" if ":" in name else f"{name}:{port}"


async def _dns_failure(host: str, message: str, names: HostNames | None) -> _Failure:
    """libcurl says only "could not resolve" (names are pinned before each transfer, so this is
    rare): the run's own answer for the name says whether it does not exist, judged as every
    other lookup is (dns.HostNames: "no such host" only where the resolver is seen to work)."""
    if names is not None:
        found = await names.addresses(host)
        if not found.found:
            return _Failure(found.state, found.reason)
    return _Failure("unverified", f"DNS lookup failed ({message})")


def _tls_failure(message: str) -> _Failure:
    text = message.lower()
    if "host name" in text or "hostname" in text or "subject name" in text or "not valid for" in text:
        return _Failure("broken", "TLS certificate is for another host")
    return _Failure("unverified", f"TLS error: {message[:160]}")


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

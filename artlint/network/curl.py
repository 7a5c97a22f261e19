"""HTTP requests through libcurl's multi interface (pycurl), driven by an asyncio event loop.

libcurl does the connecting, TLS, HTTP parsing and connection reuse in C; this module only
registers its sockets and timers with the loop and turns finished transfers into `Answer`s.
Measured against the kit's link server (1,325 HEADs, 32 at once), a bare libcurl multi loop
against a bare aiohttp one: 0.19 ms of CPU per request against 0.41 ms, 0.96 s against 1.09 s
wall, and 0.04 s to import against 0.3 s (aiohttp builds its TLS contexts at import). See
docs/benchmarks.md, issue 6.
"""

from __future__ import annotations

import asyncio
import http
import os
import socket
import ssl
import time
from dataclasses import dataclass, field

import pycurl

from artlint.network import guard
from artlint.network.curlerrors import OPERATION_TIMEDOUT, PARTIAL_FILE, WRITE_ERROR
from artlint.network.guard import PrivateAddressRefused

BACKSTOP = 1.0  # seconds libcurl's own timeouts come after the loop's


@dataclass
class Answer:
    status: int
    reason: str
    headers: dict[str, str]  # lower-case names; the last value of a repeated header
    body: bytes  # the first bytes only
    set_cookie: list[str] = field(default_factory=list)  # every Set-Cookie value

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class TransferFailed(Exception):
    """No answer: `code` is libcurl's error code, `os_errno` the system error behind it."""

    def __init__(self, code: int, message: str, os_errno: int = 0):
        super().__init__(message)
        self.code = code
        self.message = message
        self.os_errno = os_errno


class Abandoned(Exception):
    """The transfer was given up before it finished; the message says why."""


@dataclass
class _Transfer:
    future: asyncio.Future
    limit: int
    host: str
    body: bytearray = field(default_factory=bytearray)
    header_lines: list[bytes] = field(default_factory=list)
    cut: bool = False  # the body was cut off on purpose after `limit` bytes
    refused: PrivateAddressRefused | None = None
    last_byte: float = field(default_factory=time.monotonic)  # when the latest byte came (or the request left)
    watchdog: asyncio.TimerHandle | None = None

    def fail(self, error: Exception) -> None:
        if not self.future.done():
            self.future.set_exception(error)

    def give_up(self, stop: asyncio.Future) -> None:
        self.fail(Abandoned(stop.result()))

    def on_header(self, line: bytes) -> None:
        self.header_lines.append(line)
        self.last_byte = time.monotonic()

    def on_body(self, data: bytes) -> int | None:
        self.last_byte = time.monotonic()
        room = self.limit - len(self.body)
        self.body += data[:room]
        if len(data) > room:
            self.cut = True
            return 0  # stop the transfer: the rest is not downloaded
        return None

    def answer(self, status: int) -> Answer:
        status_line = ""
        headers: dict[str, str] = {}
        set_cookie: list[str] = []
        for line in self.header_lines:
            text = line.decode("iso-8859-1").rstrip("\r\n")
            if text.startswith("HTTP/"):  # a new response (after 100 Continue, say)
                status_line, headers, set_cookie = text, {}, []
            elif ":" in text:
                name, _, value = text.partition(":")
                name, value = name.strip().lower(), value.strip()
                headers[name] = value
                if name == "set-cookie":
                    set_cookie.append(value)
        return Answer(status, _reason(status_line, status), headers, bytes(self.body), set_cookie)


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only


def _ca_bundle() -> str | None:
    """The system's certificate authorities, as Python's ssl module finds them: libcurl from a
    wheel was built elsewhere and may look in a place that does not exist on this machine."""
    paths = ssl.get_default_verify_paths()
    for candidate in (os.environ.get("SSL_CERT_FILE"), paths.cafile, paths.openssl_cafile):
        if candidate and os.path.isfile(candidate):
            return candidate
    return None


class CurlSession:
    """Requests on one libcurl multi handle, driven by `loop` (used from the loop's thread only)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, user_agent: str, timeout: float, max_connections: int, refuse_private: bool):
        self._loop = loop
        self._user_agent = user_agent
        self._timeout = timeout
        self._refuse_private = refuse_private
        self._ca_bundle = _ca_bundle()
        self._multi = pycurl.CurlMulti()
        self._multi.setopt(pycurl.M_SOCKETFUNCTION, self._on_socket)
        self._multi.setopt(pycurl.M_TIMERFUNCTION, self._on_timer)
        self._multi.setopt(pycurl.M_MAXCONNECTS, max(4, max_connections))
        self._transfers: dict[pycurl.Curl, _Transfer] = {}
        self._watched: dict[int, int] = {}  # file descriptor -> pycurl.POLL_* it is watched for
        self._timer: asyncio.TimerHandle | None = None
        self._deadline: float | None = None  # loop time libcurl last asked to be woken at

    async def request(
        self,
        method: str,
        url: str,
        host: str,
        headers: dict | None = None,
        limit: int = 0,
        cap: float | None = None,
        stop: asyncio.Future | None = None,
        resolve: str | None = None,
    ) -> Answer:
        """One request, no redirects followed; the first `limit` bytes of the body (a connection
        whose body is cut off is closed, not reused); at most `cap` seconds (default: twice the
        timeout). When `stop` is done first, the request is given up: Abandoned(its result).
        `resolve` pins the host to addresses looked up already (a CURLOPT_RESOLVE line)."""
        cap = cap if cap is not None else 2 * self._timeout
        handle = self._handle(method, url, headers, cap)
        if resolve:
            handle.setopt(pycurl.RESOLVE, [resolve])
        transfer = _Transfer(self._loop.create_future(), limit, host)
        self._watch(transfer, time.monotonic() + cap, cap)
        if stop is not None:
            stop.add_done_callback(transfer.give_up)
        handle.setopt(pycurl.WRITEFUNCTION, transfer.on_body)
        handle.setopt(pycurl.HEADERFUNCTION, transfer.on_header)
        if self._refuse_private:
            handle.setopt(pycurl.OPENSOCKETFUNCTION, lambda purpose, address: self._open_socket(transfer, address))
        self._transfers[handle] = transfer
        self._multi.add_handle(handle)
        try:
            return await transfer.future
        finally:
            if transfer.watchdog is not None:
                transfer.watchdog.cancel()
            if stop is not None:
                stop.remove_done_callback(transfer.give_up)
            if self._transfers.pop(handle, None) is not None:  # cancelled, given up or expired: still running
                self._multi.remove_handle(handle)
            handle.close()

    def _handle(self, method: str, url: str, headers: dict | None, cap: float) -> pycurl.Curl:
        handle = pycurl.Curl()
        handle.setopt(pycurl.URL, url)
        handle.setopt(pycurl.NOBODY if method == "HEAD" else pycurl.HTTPGET, 1)
        handle.setopt(pycurl.FOLLOWLOCATION, 0)
        handle.setopt(pycurl.PROTOCOLS, pycurl.PROTO_HTTP | pycurl.PROTO_HTTPS)
        handle.setopt(pycurl.PROXY, "")  # environment proxies are not used: the guard checks the peer
        handle.setopt(pycurl.NOSIGNAL, 1)
        handle.setopt(pycurl.USERAGENT, self._user_agent)
        # backstops: the loop's watch (_watch) ends a silent or endless transfer first, saying which
        handle.setopt(pycurl.CONNECTTIMEOUT_MS, int((self._timeout + BACKSTOP) * 1000))
        handle.setopt(pycurl.TIMEOUT_MS, int((cap + BACKSTOP) * 1000))
        if self._ca_bundle:
            handle.setopt(pycurl.CAINFO, self._ca_bundle)
        if headers:
            handle.setopt(pycurl.HTTPHEADER, [f"{name}: {value}" for name, value in headers.items()])
        return handle

    def _open_socket(self, transfer: _Transfer, address: tuple):
        family, kind, protocol, peer = address
        if not guard.is_public_address(peer[0]):  # looked up on the module: tests stand in for it
            transfer.refused = PrivateAddressRefused(transfer.host, peer[0])
            return pycurl.SOCKET_BAD
        return socket.socket(family, kind, protocol)

    def _watch(self, transfer: _Transfer, cap_at: float, cap: float) -> None:
        """End the transfer once nothing has come for `timeout` seconds, a header line or body
        bytes (a server that accepts and never answers), or at `cap_at` (one that drips a byte a
        second). Watched here, not with libcurl's LOW_SPEED_TIME: with several transfers running,
        libcurl starts that count only when the connect timeout expires, so a silent server took
        twice the timeout."""
        now = time.monotonic()
        if now >= cap_at:
            return transfer.fail(TransferFailed(OPERATION_TIMEDOUT, f"the answer was not complete after {cap:g} s"))
        if now - transfer.last_byte >= self._timeout:
            return transfer.fail(TransferFailed(OPERATION_TIMEDOUT, f"no answer for {self._timeout:g} s"))
        wake = min(transfer.last_byte + self._timeout, cap_at)
        transfer.watchdog = self._loop.call_later(wake - now, self._watch, transfer, cap_at, cap)

    async def close(self) -> None:
        for handle in list(self._transfers):
            self._multi.remove_handle(handle)
            handle.close()
        self._transfers.clear()
        for descriptor in list(self._watched):
            self._unwatch(descriptor)
        if self._timer is not None:
            self._timer.cancel()
        self._multi.close()

    # ------------------------------------------------------------------ libcurl's callbacks

    def _on_socket(self, event: int, descriptor: int, multi, data) -> None:
        if self._watched.get(descriptor) == event:
            return
        self._unwatch(descriptor)
        if event == pycurl.POLL_REMOVE:
            return
        if event & pycurl.POLL_IN:
            self._loop.add_reader(descriptor, self._readable, descriptor)
        if event & pycurl.POLL_OUT:
            self._loop.add_writer(descriptor, self._act, descriptor, pycurl.CSELECT_OUT)
        self._watched[descriptor] = event

    def _unwatch(self, descriptor: int) -> None:
        event = self._watched.pop(descriptor, 0)
        if event & pycurl.POLL_IN:
            self._loop.remove_reader(descriptor)
        if event & pycurl.POLL_OUT:
            self._loop.remove_writer(descriptor)

    def _on_timer(self, milliseconds: int) -> None:
        """libcurl wants socket_action(SOCKET_TIMEOUT) in `milliseconds` (-1: never). It moves this
        deadline several times a request; a wake-up already set for an earlier time is kept (and
        re-armed for the deadline when it fires) instead of being cancelled and made again."""
        if milliseconds < 0:
            self._deadline = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            return
        self._deadline = deadline = self._loop.time() + milliseconds / 1000
        if self._timer is not None:
            if self._timer.when() <= deadline:
                return
            self._timer.cancel()
        # libcurl may not be called back from inside its own callback: always through the loop
        self._timer = self._loop.call_at(deadline, self._on_deadline)

    def _on_deadline(self) -> None:
        self._timer = None
        deadline = self._deadline
        if deadline is None:
            return
        if deadline > self._loop.time() + 0.001:  # woken for a deadline libcurl has since moved
            self._timer = self._loop.call_at(deadline, self._on_deadline)
            return
        self._deadline = None
        self._act(pycurl.SOCKET_TIMEOUT, 0)

    def _readable(self, descriptor: int) -> None:
        # Acknowledge what arrived at once. On a kept-alive connection Linux delays ACKs (up to
        # 40 ms); a server that writes headers and body apart with Nagle's algorithm on (Python's
        # http.server does) holds the body back until the headers are acknowledged. Measured on
        # the kit's server: a GET on a kept-alive connection 52 ms against 12 ms on a new one;
        # with this, 1.8 ms median above the planted latency.
        if _QUICKACK is not None:
            try:
                sock = socket.socket(fileno=descriptor)
                try:
                    sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
                finally:
                    sock.detach()  # the descriptor stays libcurl's
            except OSError:
                pass
        self._act(descriptor, pycurl.CSELECT_IN)

    def _act(self, descriptor: int, what: int) -> None:
        while self._multi.socket_action(descriptor, what)[0] == pycurl.E_CALL_MULTI_PERFORM:
            pass
        self._collect()

    def _collect(self) -> None:
        while True:
            queued, succeeded, failed = self._multi.info_read()
            for handle in succeeded:
                self._finish(handle, 0, "")
            for handle, code, message in failed:
                self._finish(handle, code, message)
            if not queued:
                return

    def _finish(self, handle: pycurl.Curl, code: int, message: str) -> None:
        transfer = self._transfers.pop(handle, None)
        self._multi.remove_handle(handle)
        if transfer is None or transfer.future.done():
            return
        status = handle.getinfo(pycurl.RESPONSE_CODE)
        stopped_on_purpose = code == WRITE_ERROR and transfer.cut
        body_broke_off = code == PARTIAL_FILE and status > 0
        if code == 0 or stopped_on_purpose or body_broke_off:
            transfer.future.set_result(transfer.answer(status))
        elif transfer.refused is not None:
            transfer.future.set_exception(transfer.refused)
        else:
            transfer.future.set_exception(TransferFailed(code, message, handle.getinfo(pycurl.OS_ERRNO)))


def _reason(status_line: str, status: int) -> str:
    """The reason phrase the server sent, or the standard one (HTTP/2 sends none)."""
    parts = status_line.split(" ", 2)
    if len(parts) == 3 and parts[2].strip():
        return parts[2].strip()
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""

"""A real HTTP server on a loopback address, with planted behaviours and request counting.

Used by the network tests instead of mocking requests: artlint's own HTTP stack talks to it.
"""

from __future__ import annotations

import json
import socket
import ssl
import struct
import threading
import time
import zlib
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _png() -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


PNG = _png()
DOIS = {"10.1234/known": "Deep sleep consolidates memory in adults", "10.1234/other": "A study of something else entirely", "10/gf4gqc": "Title of the full DOI"}
HOSTILE_REASON = "Not\x1b]52;c;ZXZpbA==\x07Found"  # OSC 52: a terminal that prints it puts "evil" on the clipboard


class Handler(BaseHTTPRequestHandler):
    server: "PlantedServer"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_GET(self) -> None:
        self._handle("GET")

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html", headers: dict | None = None, reason: str | None = None) -> None:
        self.send_response(status, reason)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self, method: str) -> None:
        path = self.path
        count = self.server.hit(method, path)
        if path.startswith("/api/handles/"):
            doi = path[len("/api/handles/") :]
            code = 1 if doi in DOIS else 100
            status = 200 if code == 1 else 404  # as doi.org answers: HTTP 404 with the JSON
            return self._send(status, json.dumps({"responseCode": code, "handle": doi}).encode(), "application/json")
        if path.lstrip("/") in DOIS and "citationstyles" in self.headers.get("Accept", ""):
            title = DOIS[path.lstrip("/")]
            return self._send(200, json.dumps({"title": title, "DOI": path.lstrip("/")}).encode(), "application/vnd.citationstyles.csl+json")
        if path == "/ok" or path.startswith("/ok?") or path == "/final":
            return self._send(200, b"<html><body>fine</body></html>")
        if path in ("/404", "/410", "/500", "/403", "/408", "/451"):
            return self._send(int(path[1:]), b"no")
        if path == "/flaky":  # 503 once, then fine
            return self._send(503 if count == 1 else 200, b"")
        if path.startswith("/wait/"):  # 0.1 s, then fine
            time.sleep(0.1)
            return self._send(200, b"")
        if path == "/slow":
            time.sleep(self.server.slow_seconds)
            return self._send(200, b"late")
        if path == "/moved":
            return self._send(301, headers={"Location": "/final"})
        if path == "/found-404":
            return self._send(302, headers={"Location": "/404"})
        if path == "/loop-a":
            return self._send(302, headers={"Location": "/loop-b"})
        if path == "/loop-b":
            return self._send(302, headers={"Location": "/loop-a"})
        if path == "/head-405":
            return self._send(405 if method == "HEAD" else 200, b"ok")
        if path == "/cookie-check":  # the first visit is sent back to set a cookie
            if "seen=1" in self.headers.get("Cookie", ""):
                return self._send(200, b"welcome back")
            return self._send(302, headers={"Location": "/cookie-check", "Set-Cookie": "seen=1; Path=/"})
        if path == "/cookie-forever":  # a new cookie each time, and never the page
            return self._send(302, headers={"Location": "/cookie-forever", "Set-Cookie": f"visit={count}; Path=/"})
        if path == "/head-404":  # a server that answers HEAD wrongly
            return self._send(404 if method == "HEAD" else 200, b"ok")
        if path == "/head-redirect":  # another: HEAD is sent to an error page
            if method == "HEAD":
                return self._send(302, headers={"Location": "/error-page"})
            return self._send(200, b"ok")
        if path == "/rate-once":  # 429 with Retry-After once, then fine
            return self._send(429 if count == 1 else 200, b"", headers={"Retry-After": "1"})
        if path == "/rate-always":
            return self._send(429, b"", headers={"Retry-After": "0"})
        if path == "/busy-for-a-minute":
            return self._send(503, b"", headers={"Retry-After": "60"})
        if path == "/image.png":
            return self._send(200, PNG, "image/png")
        if path == "/fake.png":
            return self._send(200, b"<!doctype html><html><body>hotlinking not allowed</body></html>", "image/png")
        if path == "/hostile-reason":
            return self._send(404, b"no", reason=HOSTILE_REASON)
        if path == "/to-other-host":
            return self._send(302, headers={"Location": self.server.other_base + "/ok"})
        return self._send(404, b"unknown")


class PlantedServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str = "127.0.0.1", slow_seconds: float = 2.0, tls: ssl.SSLContext | None = None):
        super().__init__((host, 0), Handler)
        self.scheme = "http"
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)
            self.scheme = "https"
        self.counts: Counter = Counter()
        self.lock = threading.Lock()
        self.slow_seconds = slow_seconds
        self.other_base = ""
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    def hit(self, method: str, path: str) -> int:
        with self.lock:
            self.counts[(method, path)] += 1
            return sum(count for (_, p), count in self.counts.items() if p == path)

    def requests_for(self, path: str) -> int:
        with self.lock:
            return sum(count for (_, p), count in self.counts.items() if p == path)

    def total(self) -> int:
        with self.lock:
            return sum(self.counts.values())

    def __enter__(self) -> "PlantedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


class BothSchemesServer(PlantedServer):
    """Plain HTTP and TLS on one port, as a host that serves both: a connection that opens
    with a TLS handshake (its first byte 0x16) is answered over TLS, any other in the clear."""

    def __init__(self, tls: ssl.SSLContext):
        super().__init__()
        self.tls_context = tls
        self.scheme = "http"

    def get_request(self):
        connection, address = self.socket.accept()
        connection.settimeout(5)
        if connection.recv(1, socket.MSG_PEEK) == b"\x16":
            connection = self.tls_context.wrap_socket(connection, server_side=True)
        return connection, address


class RawServer:
    """A TCP server on 127.0.0.1 that does not speak HTTP properly; each connection, in a thread
    of its own, gets `behaviour`:

    - "tarpit": accepted, never read, never answered;
    - "drip": the headers of a large answer, then its body a byte a second;
    - bytes: the request is read, these bytes sent back, the connection closed.

    It stops after `lifetime` seconds at most, or on leaving the `with` block."""

    def __init__(self, behaviour: str | bytes, lifetime: float = 120.0):
        self.behaviour = behaviour
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.deadline = time.monotonic() + lifetime
        self.stop = threading.Event()
        self.connections = 0
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self.stop.is_set() and time.monotonic() < self.deadline:
            try:
                connection, _ = self.listener.accept()
            except socket.timeout:
                continue
            self.connections += 1
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()
        self.listener.close()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            try:
                if self.behaviour == "tarpit":
                    self.stop.wait(self.deadline - time.monotonic())
                elif self.behaviour == "drip":
                    self._drip(connection)
                else:
                    connection.recv(65536)
                    connection.sendall(self.behaviour)
            except OSError:  # the client gave up
                pass

    def _drip(self, connection: socket.socket) -> None:
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 1000000\r\n\r\n")
        while not self.stop.wait(1.0) and time.monotonic() < self.deadline:
            connection.sendall(b"a")

    def __enter__(self) -> "RawServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()

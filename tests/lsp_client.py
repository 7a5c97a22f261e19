"""A small LSP client for the tests and the latency benchmark (bench/lsp_latency.py): it runs
`python -m artlint server` and speaks JSON-RPC to it over its stdin and stdout, each message
framed by a Content-Length header, as an editor does.

Written out rather than taken from pytest-lsp: pytest-lsp 1.x needs pygls 2, and 0.4 brings
pytest-asyncio into the whole suite; the benchmark needs a client outside pytest anyway.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

TIMEOUT = 10.0


class ServerError(Exception):
    pass


class Client:
    def __init__(self, cwd: str | os.PathLike[str], command: list[str] | None = None, env: dict[str, str] | None = None):
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "artlint", "server"],
            cwd=str(cwd),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        self._next_id = 0
        self._responses: dict[int, "queue.Queue[dict]"] = {}
        self._lock = threading.Lock()
        self.notifications: list[tuple[float, dict]] = []  # (arrival time, message)
        self._arrived = threading.Condition()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # ------------------------------------------------------------------ the wire

    def _write(self, message: dict) -> None:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    with self._arrived:
                        self._arrived.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            message = json.loads(stream.read(length).decode("utf-8"))
            arrived = time.perf_counter()
            if "id" in message and "method" in message:  # a request from the server
                self._write({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "id" in message:
                with self._lock:
                    box = self._responses.get(message["id"])
                if box is not None:
                    box.put(message)
            else:
                with self._arrived:
                    self.notifications.append((arrived, message))
                    self._arrived.notify_all()

    def _drain_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    # ------------------------------------------------------------------ messages

    def notify(self, method: str, params: Any = None) -> None:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> Any:
        with self._lock:
            self._next_id += 1
            number = self._next_id
            box: "queue.Queue[dict]" = queue.Queue()
            self._responses[number] = box
        self._write({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        try:
            response = box.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer to {method} in {timeout} s; stderr: {b''.join(self.stderr).decode(errors='replace')[-2000:]}") from None
        if "error" in response:
            raise ServerError(response["error"])
        return response.get("result")

    def wait_for(self, predicate: Callable[[dict], bool], after: int = 0, timeout: float = TIMEOUT) -> tuple[int, dict]:
        """(index, message) of the first notification from `after` on that satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for index in range(after, len(self.notifications)):
                    if predicate(self.notifications[index][1]):
                        return index, self.notifications[index][1]
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    stderr = b"".join(self.stderr).decode(errors="replace")[-2000:]
                    raise TimeoutError(f"no such notification in {timeout} s; stderr: {stderr}")
                self._arrived.wait(left)

    def diagnostics(self, uri: str, after: int = 0, version: int | None = None, timeout: float = TIMEOUT) -> tuple[int, list[dict]]:
        """(index, diagnostics) of the next publishDiagnostics for `uri` (for `version`, if given)."""

        def wanted(message: dict) -> bool:
            params = message.get("params") or {}
            return (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and (version is None or params.get("version") == version)
            )

        index, message = self.wait_for(wanted, after, timeout)
        return index, message["params"]["diagnostics"]

    @property
    def count(self) -> int:
        with self._arrived:
            return len(self.notifications)

    # ------------------------------------------------------------------ the session

    def initialize(self, root: str | os.PathLike[str], options: dict | None = None) -> dict:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": Path(root).as_uri(),
                "capabilities": {"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: str | os.PathLike[str], text: str, version: int = 1) -> str:
        uri = Path(path).as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}})
        return uri

    def change(self, uri: str, version: int, text: str | None = None, edit: tuple[dict, str] | None = None) -> None:
        """A whole new text, or one edit: (LSP range, new text)."""
        change = {"text": text} if edit is None else {"range": edit[0], "text": edit[1]}
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})

    def close(self, timeout: float = TIMEOUT) -> int:
        """shutdown, exit; the server's exit code."""
        try:
            self.request("shutdown", None, timeout)
            self.notify("exit")
        except (OSError, TimeoutError):
            self.process.kill()
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


def apply_edits(text: str, edits: list[dict]) -> str:
    """The text after LSP TextEdits (UTF-16 positions), applied from the last one back."""
    lines = text.splitlines(keepends=True) or [""]
    if text.endswith(("\n", "\r")):
        lines.append("")

    def offset(position: dict) -> int:
        line = position["line"]
        before = sum(len(item) for item in lines[:line])
        content = lines[line] if line < len(lines) else ""
        units = 0
        for index, character in enumerate(content):
            if units >= position["character"] or character in "\r\n":
                return before + index
            units += 2 if ord(character) > 0xFFFF else 1
        return before + len(content)

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text

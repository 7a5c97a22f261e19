"""Object literals of a JavaScript configuration file (docusaurus.config.js), read as data.

A site's configuration is code that artlint must never run, but its plugins' options are
mostly literals: `{ id: "news", path: "./news", routeBasePath: "news" }`. `object_at` reads
such a literal into a dict: quoted strings, numbers, booleans, nested objects and arrays; any
other value (a call, a variable, a template with `${}`) becomes None, and reading goes on
after it. Comments are skipped. Nothing here evaluates anything.
"""

from __future__ import annotations

import re
from typing import Any

_CLOSERS = {"{": "}", "[": "]", "(": ")"}
_NOTABLE = re.compile(r"""[\s"'`{}\[\]()/,]""")
_MAX_DEPTH = 64  # a hostile configuration nested deeper is read as unknown there
# Steps of reading one object: a plugin's options are a few hundred characters; a hostile file
# nests thousands of objects, each read to its end, and must not take seconds.
_MOST_STEPS = 50_000


class _TooLong(Exception):
    pass


def object_at(text: str, start: int) -> dict[str, Any]:
    """The object literal whose `{` is at `start`; {} when there is none."""
    if not text.startswith("{", start):
        return {}
    try:
        value, _ = _Reader(text).value(start, 0)
    except _TooLong:
        return {}
    return value if isinstance(value, dict) else {}


def array_at(text: str, start: int) -> list[Any]:
    """The array literal whose `[` is at `start`; [] when there is none."""
    if not text.startswith("[", start):
        return []
    try:
        value, _ = _Reader(text).value(start, 0)
    except _TooLong:
        return []
    return value if isinstance(value, list) else []


def options_after(text: str, index: int) -> dict[str, Any]:
    """The options object of a `[name, {...}]` pair whose name ends at `index`: after a comma,
    comments and an optional `(` (`/** @type */ ({ ... })`); {} when none follows."""
    reader = _Reader(text)
    try:
        index = reader.skip(index)
        if not text.startswith(",", index):
            return {}
        index = reader.skip(index + 1)
        if text.startswith("(", index):
            index = reader.skip(index + 1)
    except _TooLong:
        return {}
    return object_at(text, index)


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.steps = _MOST_STEPS

    def step(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise _TooLong

    def skip(self, index: int) -> int:
        """The index of the next character that is neither space nor part of a comment."""
        text = self.text
        while index < len(text):
            self.step()
            if text[index].isspace():
                index += 1
            elif text.startswith("//", index):
                end = text.find("\n", index)
                index = len(text) if end < 0 else end + 1
            elif text.startswith("/*", index):
                end = text.find("*/", index + 2)
                index = len(text) if end < 0 else end + 2
            else:
                break
        return index

    def value(self, index: int, depth: int) -> tuple[Any, int]:
        index = self.skip(index)
        if index >= len(self.text):
            return None, index
        char = self.text[index]
        if depth < _MAX_DEPTH and char == "{":
            return self.object(index + 1, depth + 1)
        if depth < _MAX_DEPTH and char == "[":
            return self.array(index + 1, depth + 1)
        if char in "\"'`":
            text, end = self.string(index)
            after = self.skip(end)
            if after < len(self.text) and self.text[after] not in ",}]":
                return None, self.unknown(end)  # "a" + b
            return text, end
        end = self.unknown(index)
        word = self.text[index:end].strip()
        if word in ("true", "false"):
            return word == "true", end
        try:
            return float(word) if "." in word else int(word), end
        except ValueError:
            return None, end

    def string(self, index: int) -> tuple[str | None, int]:
        """A quoted string and the index after it; None for a template with substitutions."""
        quote = self.text[index]
        pieces = []
        index += 1
        while index < len(self.text):
            self.step()
            char = self.text[index]
            if char == "\\" and index + 1 < len(self.text):
                pieces.append(self.text[index + 1])
                index += 2
                continue
            if char == quote:
                text = "".join(pieces)
                return (None if quote == "`" and "${" in text else text), index + 1
            pieces.append(char)
            index += 1
        return None, index

    def unknown(self, index: int) -> int:
        """The end of a value not read: up to the next `,`, `}` or `]` at its own depth."""
        text = self.text
        closers: list[str] = []
        while index < len(text):
            self.step()
            found = _NOTABLE.search(text, index)  # what is neither of these changes nothing: jump over it
            if found is None:
                return len(text)
            index = self.skip(found.start())
            if index >= len(text):
                break
            char = text[index]
            if char in "\"'`":
                _, index = self.string(index)
                continue
            if char in _CLOSERS:
                closers.append(_CLOSERS[char])
            elif closers and char == closers[-1]:
                closers.pop()
            elif not closers and char in ",}])":
                break
            index += 1
        return index

    def item_start(self, index: int, closer: str) -> tuple[int, bool]:
        """Where the next item of an object or array starts, past commas, and whether `closer`
        (or the end of the text) ends the literal there instead, with the index after it."""
        while True:
            self.step()
            index = self.skip(index)
            if index >= len(self.text):
                return index, True
            if self.text[index] == closer:
                return index + 1, True
            if self.text[index] != ",":
                return index, False
            index += 1

    def object(self, index: int, depth: int) -> tuple[dict[str, Any], int]:
        found: dict[str, Any] = {}
        while True:
            index, ended = self.item_start(index, "}")
            if ended:
                return found, index
            key, index = self.key(index)
            index = self.skip(index)
            if key is None or not self.text.startswith(":", index):
                index = max(self.unknown(index), index + 1)  # `...spread`, a method, a shorthand property
                continue
            value, index = self.value(index + 1, depth)
            found[key] = value

    def key(self, index: int) -> tuple[str | None, int]:
        if self.text[index] in "\"'":
            return self.string(index)
        end = index
        while end < len(self.text) and (self.text[end].isalnum() or self.text[end] in "_$"):
            end += 1
        return (self.text[index:end] or None), end

    def array(self, index: int, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        while True:
            index, ended = self.item_start(index, "]")
            if ended:
                return items, index
            value, after = self.value(index, depth)
            items.append(value)
            index = after if after > index else index + 1

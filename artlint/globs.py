"""Glob patterns for `exclude` and `[[overrides]] paths`, matched against `/`-separated relative paths.

* A pattern without a `/` matches any single path component: `node_modules`, `.*`, `*.es.md`.
* A pattern with a `/` is anchored at the configuration's directory: `content/legacy/**`.
* `*` and `?` never cross a `/`; `**` matches any number of directories.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _component(pattern: str) -> str:
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", index + 1)
            if close > index + 1:
                body = pattern[index + 1 : close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                index = close
            else:
                out.append(re.escape(char))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def glob_to_regex(pattern: str) -> str:
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/") or pattern
    if "/" not in pattern:
        return rf"(?:^|.*/){_component(pattern)}(?:/.*)?$"
    written = pattern.lstrip("/").split("/")
    # `**/**` is `**`: a run of them, each `(?:[^/]+/)*`, would backtrack without end on a long path
    parts = [part for index, part in enumerate(written) if not (part == "**" and index and written[index - 1] == "**")]
    if len(parts) > 1 and parts[-1] == "**":
        parts.pop()  # `dir/**` matches the folder itself and everything in it
    regex = "^"
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            regex += ".*" if last else "(?:[^/]+/)*"
        else:
            regex += _component(part) + ("" if last else "/")
    return regex + "(?:/.*)?$"


class GlobSet:
    def __init__(self, patterns: list[str]):
        self.patterns = list(patterns)
        joined = "|".join(f"(?:{glob_to_regex(p)})" for p in self.patterns if p.strip())
        self._regex = re.compile(joined) if joined else None

    def match(self, relative_path: str) -> bool:
        return bool(self._regex and self._regex.match(relative_path))

    def __repr__(self) -> str:
        return f"GlobSet({self.patterns!r})"


@lru_cache(maxsize=64)
def glob_set(patterns: tuple[str, ...]) -> GlobSet:
    """A GlobSet shared by every caller with the same patterns."""
    return GlobSet(list(patterns))

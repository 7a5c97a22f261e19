"""Where keys are written in a TOML text, and how to write a key back.

tomllib gives values without places; configuration errors and `artlint config show` name the
line each setting is on, and style packs the line of each rule's keys.
"""

from __future__ import annotations

import json
import re
from typing import Any

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+))*)\s*=""")
_PART = re.compile(r""""([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+)""")


def toml_value(value: Any) -> str:
    """A value as TOML writes it (strings as JSON writes them, which TOML reads the same)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_value(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(toml_value(item) for item in items) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(next(group for group in match.groups() if group is not None) for match in _PART.finditer(dotted))


def key_lines(text: str, prefix: tuple[str, ...] = ()) -> dict[tuple[Any, ...], int]:
    """The line of each key and table of a TOML text, by its path (`("rules", "x", "keys")`;
    an [[array]]'s tables by index: `("overrides", 0, "paths")`). `prefix`: the table that is
    the configuration (`("tool", "artlint")` in pyproject.toml), left out of the paths."""
    lines: dict[tuple[Any, ...], int] = {}
    arrays: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    in_string = None
    for number, line in enumerate(text.splitlines(), 1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            names = _parts(header.group(2))
            path: tuple[Any, ...] = ()
            for name in names:
                path += (name,)
                if path in arrays and path != names:
                    path += (arrays[path] - 1,)
            if header.group(1) == "[[":
                arrays[path] = arrays.get(path, 0) + 1
                path += (arrays[path] - 1,)
            current = path
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault(current + _parts(key.group(1)), number)
            rest = line[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
    if prefix:
        lines = {path[len(prefix) :]: number for path, number in lines.items() if path[: len(prefix)] == prefix}
    return lines


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def table_key(name: str) -> str:
    """`name` as a key of a TOML table header: bare when it can be (`link-empty`), else quoted
    (`"house.banned"`, whose dot would otherwise make two tables)."""
    return name if _BARE_KEY.fullmatch(name) else json.dumps(name, ensure_ascii=False)

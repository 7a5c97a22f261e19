"""TOML files read with located errors, where their keys are written, and how to write a key back.

tomllib gives values without places; configuration errors and `artlint config show` name the
line each setting is on, and style packs the line of each rule's keys.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from artlint.intdigits import too_long_number_place
from artlint.paths import display_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class TomlFileError(Exception):
    """A TOML file that cannot be read or parsed: the message is one located line."""


def read_toml(path: Path, what: str) -> tuple[str, dict[str, Any]]:
    """The text of a TOML file and what it holds; `what` names it in a message ("the
    configuration")."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TomlFileError(f"{shown}: cannot read {what}: {exc}") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlFileError(f"{shown}: invalid TOML: {_toml_reason(exc)}") from None
    except ValueError:  # an integer too long for Python to read
        place = too_long_number_place(text)
        line = f":{text.count(chr(10), 0, place[0]) + 1}" if place else ""
        raise TomlFileError(f"{shown}{line}: a number with thousands of digits is no setting") from None


def _toml_reason(exc: Exception) -> str:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        return f"line {match.group(1)}, column {match.group(2)}: " + message[: match.start()].strip().lower()
    return message.replace("(at end of document)", "at the end of the file").lower()


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

"""Typed rule options: a small type language shared by rules, config validation and docs.

Types are written as strings: ``string``, ``integer``, ``number``, ``boolean``,
``list[T]`` and ``table[T]`` (a TOML table whose values are of type T).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable

from artlint.globs import GlobSet

# No setting means more than this; past it, arithmetic on it (sizes, counts, timers) overflows.
LARGEST_NUMBER = 10**12


@dataclass(frozen=True)
class Option:
    type: str
    default: Any
    description: str
    choices: tuple[str, ...] = ()
    form: str = ""  # "regex" or "glob": every string of the value must compile as one

    def check(self, value: Any) -> str | None:
        """None when `value` fits, else a short reason."""
        problem = check_type(self.type, value) or check_form(self.form, value)
        if problem:
            return problem
        if self.choices:
            values = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else [value]
            for item in values:
                if item not in self.choices:
                    return f"{item!r} is not one of {', '.join(map(repr, self.choices))}"
        return None


def check_form(form: str, value: Any) -> str | None:
    """None when every string of `value` compiles as a `form` ("regex" or "glob"), else why not."""
    if not form:
        return None
    for text in value if isinstance(value, list) else [value]:
        try:
            re.compile(text) if form == "regex" else GlobSet([text])
        except re.error as exc:
            return f"{text!r} is not a {'regular expression' if form == 'regex' else 'glob'} artlint can use ({exc.msg})"
    return None


def check_type(spec: str, value: Any) -> str | None:
    if spec.startswith("list[") and spec.endswith("]"):
        if not isinstance(value, list):
            return f"expected a list, got {describe(value)}"
        inner = spec[5:-1]
        for item in value:
            problem = check_type(inner, item)
            if problem:
                return f"in the list: {problem}"
        return None
    if spec.startswith("table[") and spec.endswith("]"):
        if not isinstance(value, dict):
            return f"expected a table, got {describe(value)}"
        inner = spec[6:-1]
        for key, item in value.items():
            problem = check_type(inner, item)
            if problem:
                return f"at {key!r}: {problem}"
        return None
    expected = _BASE_TYPES[spec]
    if isinstance(value, bool) and spec != "boolean":
        return f"expected {_ARTICLE[spec]}, got a boolean"
    if not isinstance(value, expected):
        return f"expected {_ARTICLE[spec]}, got {describe(value)}"
    if spec in ("integer", "number") and isinstance(value, (int, float)) and not (math.isfinite(value) and abs(value) <= LARGEST_NUMBER):
        return f"{value:.6g} is not a number artlint can use (at most {LARGEST_NUMBER:,})"
    return None


_BASE_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}
_ARTICLE = {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "true or false"}


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


_DERIVED: dict[tuple[int, Any], tuple[Any, Any]] = {}
_MOST_DERIVED = 4096


def derived(options: Any, key: Any, build: Callable[[], Any]) -> Any:
    """`build()`, a value worked out from a rule's `options` alone (a set of allowed words, a
    compiled pattern), once per options mapping and `key` instead of once per document. A run
    resolves each file's options once per configuration scope and hands every file of that scope
    the same mapping, which is never changed afterwards."""
    slot = (id(options), key)
    held = _DERIVED.get(slot)
    if held is not None and held[0] is options:
        return held[1]
    value = build()
    if len(_DERIVED) >= _MOST_DERIVED:
        _DERIVED.clear()  # a long-lived process (the language server) reloads configurations
    _DERIVED[slot] = (options, value)  # holding `options` keeps its id from being reused
    return value

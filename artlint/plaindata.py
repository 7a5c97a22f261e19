"""Plain data for what artlint reads back from its caches: JSON, with a few tagged kinds.

A cache folder can be planted (committed with `git add -f` to a pull request, left on a shared
runner), so what is read from it must never build an object of a kind the file names, as pickle
does. This codec knows a fixed set of kinds; every JSON object is a one-key tag of one of them,
checked as it is decoded; anything else makes the whole value unreadable (`DataError`), and
the caller treats it as a miss.

    tuple ["t", ...]            -> {"t": [...]}
    dict                        -> {"d": [key, value, key, value, ...]}
    set, frozenset              -> {"s": [...]}, {"f": [...]}
    array.array                 -> {"a": [typecode, base64 of its bytes]}
    artlint's own plain records -> {"R": ...} Related, {"E": ...} Edit, {"X": ...} Fix,
                                   {"T": ...} Target, {"P": ...} Probe, {"U": ...} Suppressions

Lists, strings, numbers, booleans and null are JSON's own.
"""

from __future__ import annotations

import base64
import json
from array import array
from typing import Any, Callable

from artlint.findings import Edit, Fix, Related
from artlint.network.probes import Probe
from artlint.network.targets import Target
from artlint.suppression import Suppressions


class DataError(ValueError):
    """What was read is not data this codec wrote."""


_SCALARS = (str, int, float, bool, type(None))


def dumps(value: Any) -> str:
    # ASCII: a file name that is not UTF-8 comes with lone surrogates, which JSON escapes.
    return json.dumps(_plain(value), separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    try:
        return json.loads(text, object_hook=_decode)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
        raise DataError(str(exc)) from None


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return [_plain(item) for item in value]
    encode = _ENCODERS.get(kind)
    if encode is None:
        raise TypeError(f"artlint's caches cannot hold a {kind.__name__}")
    tag, fields = encode(value)
    return {tag: fields}


def _items(values) -> list:
    return [_plain(item) for item in values]


def _dict_items(value: dict) -> list:
    flat = []
    for key, item in value.items():
        flat.append(_plain(key))
        flat.append(_plain(item))
    return flat


_ENCODERS: dict[type, Callable[[Any], tuple[str, Any]]] = {
    tuple: lambda v: ("t", _items(v)),
    dict: lambda v: ("d", _dict_items(v)),
    set: lambda v: ("s", _items(sorted(v, key=repr))),
    frozenset: lambda v: ("f", _items(sorted(v, key=repr))),
    array: lambda v: ("a", [v.typecode, base64.b64encode(v.tobytes()).decode("ascii")]),
    Related: lambda v: ("R", [v.path, v.line, v.column, v.message]),
    Edit: lambda v: ("E", [v.line, v.column, v.end_line, v.end_column, v.replacement]),
    Fix: lambda v: ("X", [v.description, _items(v.edits), v.safe]),
    Target: lambda v: ("T", [v.kind, v.value]),
    Probe: lambda v: ("P", [_plain(v.target), v.line, v.column, v.end_line, v.end_column, v.url, v.title]),
    Suppressions: lambda v: ("U", [_plain(v.file_rules), _plain(v.line_rules), _plain(v.ranges)]),
}


def _decode(obj: dict) -> Any:
    if len(obj) != 1:
        raise DataError("not a tagged value")
    ((tag, fields),) = obj.items()
    decode = _DECODERS.get(tag)
    if decode is None:
        raise DataError(f"unknown tag {tag!r}")
    return decode(fields)


def _expect(fields: Any, *kinds: type | tuple[type, ...]) -> list:
    """`fields` as a list of exactly these kinds, in order; else DataError."""
    if type(fields) is not list or len(fields) != len(kinds):
        raise DataError("wrong number of fields")
    for field, kind in zip(fields, kinds):
        if not isinstance(field, kind) or (isinstance(field, bool) and kind is int):
            raise DataError("a field of the wrong kind")
    return fields


def _list(fields: Any) -> list:
    if type(fields) is not list:
        raise DataError("not a list")
    return fields


def _dict(fields: Any) -> dict:
    flat = _list(fields)
    if len(flat) % 2:
        raise DataError("a dict with a key and no value")
    return dict(zip(flat[::2], flat[1::2]))


def _array(fields: Any) -> array:
    typecode, data = _expect(fields, str, str)
    if typecode not in "bBhHiIlLqQfd" or len(typecode) != 1:
        raise DataError("not an array type")
    return array(typecode, base64.b64decode(data, validate=True))


def _fix(fields: Any) -> Fix:
    description, edits, safe = _expect(fields, str, list, bool)
    if not all(type(edit) is Edit for edit in edits):
        raise DataError("a fix whose edits are not edits")
    return Fix(description, tuple(edits), safe)


def _probe(fields: Any) -> Probe:
    target, line, column, end_line, end_column, url, title = _expect(fields, Target, int, int, int, int, str, (str, type(None)))
    return Probe(target, line, column, end_line, end_column, url, title)


def _suppressions(fields: Any) -> Suppressions:
    file_rules, line_rules, ranges = _expect(fields, set, dict, list)
    return Suppressions(file_rules, line_rules, ranges)


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "t": lambda f: tuple(_list(f)),
    "d": _dict,
    "s": lambda f: set(_list(f)),
    "f": lambda f: frozenset(_list(f)),
    "a": _array,
    "R": lambda f: Related(*_expect(f, str, int, int, str)),
    "E": lambda f: Edit(*_expect(f, int, int, int, int, str)),
    "X": _fix,
    "T": lambda f: Target(*_expect(f, str, str)),
    "P": _probe,
    "U": _suppressions,
}

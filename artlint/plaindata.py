"""Plain data for what artlint reads back from its caches: MessagePack, with a few tagged kinds.

A cache folder can be planted (committed with `git add -f` to a pull request, left on a shared
runner), so what is read from it must never build an object of a kind the file names, as pickle
does. MessagePack builds only numbers, strings, bytes, sequences and maps; the few other kinds
artlint keeps are extension types this module knows, each checked as it is decoded. Anything
else makes the whole value unreadable (`DataError`), and the caller treats it as a miss.

Sequences come back as tuples (lists and tuples alike): facts that corpus rules collect are read,
never changed. Maps may have keys of any plain kind (line numbers).
"""

from __future__ import annotations

from array import array
from typing import Any, Callable, Iterable, Iterator

import msgpack

from artlint.suppression import Directive, Place, Suppressions


class DataError(ValueError):
    """What was read is not data this codec wrote."""


def dumps(value: Any) -> bytes:
    # surrogatepass: a file name that is not UTF-8 comes with lone surrogates.
    return msgpack.packb(value, default=_extension, use_bin_type=True, unicode_errors="surrogatepass")


def dumps_map(items: Iterable[tuple[Any, Any]], count: int) -> Iterator[bytes]:
    """`dumps` of a map of the `count` (key, value) pairs of `items`, in parts: its header,
    then each pair. For a map too large to hold encoded whole (every article's corpus facts)."""
    packer = msgpack.Packer(default=_extension, use_bin_type=True, unicode_errors="surrogatepass")
    yield packer.pack_map_header(count)
    for key, value in items:
        yield packer.pack(key) + packer.pack(value)


def loads(data: bytes) -> Any:
    try:
        return _unpack(data)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        raise DataError(str(exc) or type(exc).__name__) from None


def _unpack(data: bytes) -> Any:
    return msgpack.unpackb(
        data, use_list=False, ext_hook=_decode, strict_map_key=False, raw=False, unicode_errors="surrogatepass"
    )


_ARRAY_CODES = "bBhHiIlLqQfd"
# Extension codes, one a kind (the cache keys hold ENTRY_FORMAT, bumped when these change).
_SET, _FROZENSET, _ARRAY, _SUPPRESSIONS = range(1, 5)


def _extension(value: Any) -> msgpack.ExtType:
    encode = _ENCODERS.get(type(value))
    if encode is None:
        raise TypeError(f"artlint's caches cannot hold a {type(value).__name__}")
    code, payload = encode(value)
    return msgpack.ExtType(code, payload if code == _ARRAY else dumps(payload))


_ENCODERS: dict[type, Callable[[Any], tuple[int, Any]]] = {
    set: lambda v: (_SET, sorted(v, key=repr)),
    frozenset: lambda v: (_FROZENSET, sorted(v, key=repr)),
    array: lambda v: (_ARRAY, v.typecode.encode("ascii") + v.tobytes()),
    Suppressions: lambda v: (_SUPPRESSIONS, (v.file_rules, v.line_rules, v.ranges, v.directives, sorted(v.used))),
}


def _decode(code: int, data: bytes) -> Any:
    if code == _ARRAY:
        return _array(data)
    decode = _DECODERS.get(code)
    if decode is None:
        raise DataError(f"unknown extension type {code}")
    return decode(_unpack(data))


def _expect(fields: Any, *kinds: type | tuple[type, ...]) -> tuple:
    """`fields` as a tuple of exactly these kinds, in order; else DataError."""
    if type(fields) is not tuple or len(fields) != len(kinds):
        raise DataError("wrong number of fields")
    for field, kind in zip(fields, kinds, strict=True):
        if not isinstance(field, kind) or (isinstance(field, bool) and kind is int):
            raise DataError("a field of the wrong kind")
    return fields


def _sequence(fields: Any) -> tuple:
    if type(fields) is not tuple:
        raise DataError("not a sequence")
    return fields


def _array(data: bytes) -> array:
    typecode = chr(data[0]) if data else ""
    if typecode not in _ARRAY_CODES or not typecode:
        raise DataError("not an array type")
    return array(typecode, data[1:])


def _suppressions(fields: Any) -> Suppressions:
    file_rules, line_rules, ranges, directives, used = _expect(fields, set, dict, tuple, tuple, tuple)
    return Suppressions(
        file_rules,
        {line: set(names) for line, names in line_rules.items()},
        list(ranges),
        [_directive(directive) for directive in directives],
        {_expect(pair, int, str) for pair in used},
    )


def _directive(fields: Any) -> Directive:
    action, names, first, lasts, place, removal, names_span, separator = _expect(fields, str, tuple, int, tuple, tuple, tuple, (tuple, type(None)), str)
    if not all(isinstance(name, str) for name in names) or not all(type(last) is int for last in lasts) or len(lasts) != len(names):
        raise DataError("a directive of the wrong kind")
    return Directive(action, names, first, lasts, _place(place), _place(removal), None if names_span is None else _place(names_span), separator)


def _place(fields: Any) -> Place:
    return Place(*_expect(fields, int, int, int, int))


_DECODERS: dict[int, Callable[[Any], Any]] = {
    _SET: lambda f: set(_sequence(f)),
    _FROZENSET: lambda f: frozenset(_sequence(f)),
    _SUPPRESSIONS: _suppressions,
}

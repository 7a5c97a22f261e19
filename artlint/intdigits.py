"""Python's limit on the digits of an int converted from or to a string: telling when a
parser or a rule met it, and saying so with the place and size of the number.

The front matter parsers and the configuration loader share these; a module of its own so
that neither imports the other (nor the YAML loader the front matter module).
"""

from __future__ import annotations

import sys
from typing import Any

from artlint.lazyre import lazy

_DIGIT_RUN = lazy(r"[0-9][0-9_]*")


def int_digits_limit() -> int:
    """Python's limit on the digits of an int converted from or to a string (0: none)."""
    get_limit = getattr(sys, "get_int_max_str_digits", None)  # Python >= 3.10.7 (and 3.11)
    return get_limit() if get_limit else 0


def is_int_limit_error(exc: BaseException) -> bool:
    return isinstance(exc, ValueError) and "integer string conversion" in str(exc)


def too_long_number(digits: int | None = None) -> str:
    if digits is None:
        return f"a number is too long to be written in decimal (the limit is {int_digits_limit():,} digits)"
    return f"a number of {digits:,} digits is too long (the limit is {int_digits_limit():,})"


def is_unprintable_int(value: Any) -> bool:
    """An int that str() refuses: hexadecimal (0xFFF…) is read without Python's limit of
    digits, but every rule that prints the value would then fail."""
    limit = int_digits_limit()
    if not limit or not isinstance(value, int) or value.bit_length() < limit * 3:  # under 0.91 × limit digits
        return False
    try:
        str(value)
    except ValueError:
        return True
    return False


def too_long_number_place(raw: str) -> tuple[int, int] | None:
    """(offset, digits) of the first run of digits over Python's int limit: the parsers that
    hit it (tomllib, json) do not say where."""
    limit = int_digits_limit()
    for match in _DIGIT_RUN.finditer(raw):
        digits = len(match.group()) - match.group().count("_")
        if limit and digits > limit:
            return match.start(), digits
    return None

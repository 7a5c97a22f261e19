"""The caches' codec: every kind artlint keeps comes back as it went in; anything else is refused."""

from __future__ import annotations

import pickle
import random
from array import array

import msgpack
import pytest

from artlint import plaindata
from artlint.findings import Fix
from artlint.suppression import Suppressions


def test_every_kind_artlint_keeps_comes_back_as_it_went_in() -> None:
    value = {
        "facts": ("title", 3, 1, "2024-01-02", "normalised"),
        "hashes": array("I", [1, 2, 3, 4_000_000_000]),
        "keys": {"a", "b"},
        "frozen": frozenset({1, 2}),
        7: None,
        "suppressions": Suppressions({"*"}, {3: {"link-broken"}}, [("doubled-word", 1, None)]),
        "text": "中文 \udcff and a lone surrogate from a file name",
        "float": 1.5,
        "flag": True,
    }
    assert plaindata.loads(plaindata.dumps(value)) == value


def test_lists_come_back_as_tuples() -> None:
    assert plaindata.loads(plaindata.dumps([1, [2, 3]])) == (1, (2, 3))


@pytest.mark.parametrize("value", [object(), Fix("use https", ())])
def test_a_kind_the_codec_does_not_know_is_not_written(value: object) -> None:
    # Findings and probes are written as plain tuples by cached_run, never as objects.
    with pytest.raises(TypeError):
        plaindata.dumps(value)


@pytest.mark.parametrize(
    "data",
    [
        pickle.dumps({"a": 1}),
        random.Random(64).randbytes(64),  # fixed: the same test ids in every process
        msgpack.packb(msgpack.ExtType(99, b"\x90")),  # an extension type nobody defined
        msgpack.packb(msgpack.ExtType(4, msgpack.packb((["*"], {3: ["x"]}, [])))),  # Suppressions whose rules are a list, not a set
        msgpack.packb(msgpack.ExtType(4, msgpack.packb((1, 2)))),  # Suppressions with fields missing
        msgpack.packb(msgpack.ExtType(3, b"O" + b"\x00" * 8)),  # an array of Python objects
        b"\x91" * 100_000,  # nested a hundred thousand deep
        b"",
    ],
)
def test_what_this_codec_did_not_write_is_refused(data: bytes) -> None:
    with pytest.raises(plaindata.DataError):
        plaindata.loads(data)

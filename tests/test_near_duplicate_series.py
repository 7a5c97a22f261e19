"""Posts of one series from one template are not copies of each other: their titles differ in
numbers, months and pre-release tags only (near_duplicate_article._one_series)."""

from __future__ import annotations

import pytest

from artlint.rules.duplicate._units import normalise
from artlint.rules.duplicate.near_duplicate_article import _one_series


@pytest.mark.parametrize(
    "first, second, series",
    [
        ("Scala 2.11.0-RC4 is now available!", "Scala 2.11.1 is now available!", True),
        ("Scheduler 3.0.0-beta2 released", "Scheduler 3.0.0 released", True),
        ("Council selections, March 2025", "Council selections, September 2025", True),
        ("Rust 1.68.1 pre-release", "Rust 1.68.2 pre-release", True),
        ("The harbour lantern", "The harbour lantern, with a new chapter", False),
        ("Scala 2.11 is now available!", "Scala 2.11 is now in beta", False),
    ],
)
def test_titles_of_one_series(first: str, second: str, series: bool) -> None:
    assert _one_series(normalise(first), normalise(second)) is series

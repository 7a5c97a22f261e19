"""Sets of [start, end) offset ranges, for asking "is this offset inside any of them?" quickly."""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable


class SpanSet:
    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, max(start, end - 1)) - 1
        return index >= 0 and self._ends[index] > start

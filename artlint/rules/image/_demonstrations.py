"""Images that a syntax guide shows beside their own markdown."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from artlint.document import Document


def shown_with_source(doc: Document, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The starts of the images (given by their spans) shown beside their own markdown in a code
    block, one of the few blocks before or after theirs (a tab's markers and a line of text may
    stand between: `<!-- tab 示例效果 -->`): a syntax guide's demonstration of
    `![Alt text](...)`, written as the reader will type it, repeated on purpose."""
    blocks, starts = doc.memo("non-blank blocks", lambda: _non_blank(doc))
    shown = set()
    for start, end in spans:
        index = bisect_right(starts, start) - 1
        written = doc.text[start:end]
        for neighbour in blocks[max(index - _BEFORE, 0) : index] + blocks[index + 1 : index + 1 + _AFTER]:
            if neighbour.type == "block_code" and written in doc.text[neighbour.start : neighbour.end]:
                shown.add(start)
    return shown


# How many blocks before and after an image its demonstrated source may be.
_BEFORE = 4
_AFTER = 2


def _non_blank(doc: Document) -> tuple[list, list[int]]:
    blocks = [block for block in doc.blocks if block.type != "blank_line"]
    return blocks, [block.start for block in blocks]

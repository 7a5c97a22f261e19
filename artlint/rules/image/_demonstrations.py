"""Images that a syntax guide shows beside their own markdown."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from artlint.document import Document


def shown_with_source(doc: Document, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The starts of the images (given by their spans) shown beside their own markdown in a code
    block, the block just before or after theirs (HTML comments passed over: a tab's markers,
    `<!-- tab 示例效果 -->`): a syntax guide's demonstration of
    `![Alt text](...)`, written as the reader will type it, repeated on purpose."""
    blocks, starts = doc.memo("non-blank blocks", lambda: _non_blank(doc))
    shown = set()
    for start, end in spans:
        index = bisect_right(starts, start) - 1
        written = doc.text[start:end]
        for neighbour in _beside(doc, blocks, index):
            if neighbour.type == "block_code" and written in doc.text[neighbour.start : neighbour.end]:
                shown.add(start)
    return shown


def _beside(doc: Document, blocks: list, index: int) -> list:
    """The blocks just before and after block `index`, HTML comments passed over (a tab's
    `<!-- endtab -->`, `<!-- tab 示例效果 -->`)."""
    found = []
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(blocks) and _comment(doc, blocks[at]):
            at += step
        if 0 <= at < len(blocks):
            found.append(blocks[at])
    return found


def _comment(doc: Document, block) -> bool:
    written = doc.text[block.start : block.end].strip()
    return block.type == "block_html" and written.startswith("<!--") and written.endswith("-->")


def _non_blank(doc: Document) -> tuple[list, list[int]]:
    blocks = [block for block in doc.blocks if block.type != "blank_line"]
    return blocks, [block.start for block in blocks]


def demonstrated_in_section(doc: Document, start: int, end: int) -> bool:
    """Whether an image's markup is written, as it is, in a code block of its own section (between
    the headings around it): a theme's documentation shows the source in one tab and the result,
    paragraph by paragraph, in the next (`<!-- tab 示例写法 -->` then `<!-- tab 示例效果 -->`)."""
    written = doc.text[start:end]
    headings, codes = doc.memo("demonstration sections", lambda: _sections(doc))
    above = bisect_right(headings, start)
    low = headings[above - 1] if above else 0
    high = headings[above] if above < len(headings) else len(doc.text)
    return any(low <= code_start and code_end <= high and written in doc.text[code_start:code_end] for code_start, code_end in codes)


def _sections(doc: Document) -> tuple[list[int], list[tuple[int, int]]]:
    headings = sorted(node.start for node in doc.nodes("heading"))
    codes = sorted((node.start, node.end) for node in doc.nodes("block_code"))
    return headings, codes

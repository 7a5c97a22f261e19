"""Pipe tables as GitHub Flavored Markdown reads them, for mistune.

mistune's own table plugin follows PHP Markdown Extra: a body row must start and end with a
pipe and have as many cells as the header, else the whole table is read as one paragraph.
GFM (goldmark, markdown-it, remark-gfm, GitHub itself) takes the pipes at both ends as
optional, ignores cells beyond the header's and fills missing ones with empty cells; a
table ends at a blank line or where another block begins. The tokens are mistune's (`table`,
`table_head`, `table_body`, `table_row`, `table_cell`), so the rest of the parser is unchanged.
Unlike GFM, a line without any pipe ends the table (a paragraph after a table stays one).
"""

from __future__ import annotations

import re
from typing import Any, Optional

_ALIGNMENTS = (
    (re.compile(r"^ *:-+: *$"), "center"),
    (re.compile(r"^ *:-+ *$"), "left"),
    (re.compile(r"^ *-+: *$"), "right"),
    (re.compile(r"^ *-+ *$"), None),
)
# A line that begins another block: a heading, a quote, a fence, a list item, a thematic break,
# or an HTML block that may interrupt a paragraph (CommonMark's kinds 1 to 6: a comment, `<div>`,
# `<table>`...): `<!-- | a row commented out | -->` ends the table, as in GFM and markdown-it.
_OTHER_BLOCK = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|```|~~~|[-*+][ \t]|\d{1,9}[.)][ \t]"
    r"|<!--|<\?|<![A-Za-z]|<(?:script|pre|style|textarea)(?:[\s>]|$)"
    r"|</?(?:address|article|aside|blockquote|details|dialog|div|dl|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|section"
    r"|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:[\s/>]|$))",
    re.I,
)

PIPE_TABLE = r"^ {0,3}\|[^\n]*\|[ \t]*(?:\n|$)"
TABLE_WITHOUT_LEADING_PIPE = r"^ {0,3}\S[^\n]*\|[^\n]*(?:\n|$)"


def gfm_table(md: Any) -> None:
    """Register the table rules under mistune's names ("table", "nptable"), so that
    mistune's `table_in_quote` and `table_in_list` use them too."""
    md.block.register("table", PIPE_TABLE, parse_table, before="paragraph")
    md.block.register("nptable", TABLE_WITHOUT_LEADING_PIPE, parse_table, before="paragraph")


def parse_table(block: Any, match: re.Match[str], state: Any) -> Optional[int]:
    header = split_cells(match.group(0))
    position = match.end()
    aligns = delimiter_alignments(state.get_line(position))
    if header is None or aligns is None or len(header) != len(aligns):
        return None  # no delimiter row under the header, or not one of as many cells: no table
    position += len(state.get_line(position))
    head = {"type": "table_head", "children": [_cell(text, align, True) for text, align in zip(header, aligns, strict=True)]}
    rows = []
    while position < state.cursor_max:
        line = state.get_line(position)
        cells = None if _OTHER_BLOCK.match(line) else split_cells(line)
        if cells is None:
            break
        cells = (cells + [""] * len(aligns))[: len(aligns)]
        rows.append({"type": "table_row", "children": [_cell(text, align, False) for text, align in zip(cells, aligns, strict=True)]})
        position += len(line)
    state.append_token({"type": "table", "children": [head, {"type": "table_body", "children": rows}]})
    return position


def _cell(text: str, align: Any, head: bool) -> dict[str, Any]:
    return {"type": "table_cell", "text": text.strip(), "attrs": {"align": align, "head": head}}


def _alignment(cell: str) -> Any:
    """"left", "right", "center" or None for a delimiter cell; False for any other text."""
    if not cell.strip():
        return None
    return next((align for pattern, align in _ALIGNMENTS if pattern.match(cell)), False)


def split_cells(line: str, protect_code: bool = False) -> Optional[list[str]]:
    """The cells of a table line, its outer pipes left out; None for a line without a pipe.
    GFM divides cells at every unescaped pipe, inside code spans too; Python-Markdown
    (`protect_code`) keeps a code span's pipes in its cell."""
    text = line.rstrip("\n").strip(" \t")
    if "|" not in text:
        return None
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not _escaped(text, len(text) - 1):
        text = text[:-1]
    spans = _code_spans(text) if protect_code and "`" in text else []
    cells, start, span = [], 0, 0
    for position, char in enumerate(text):
        if char != "|" or _escaped(text, position):
            continue
        while span < len(spans) and spans[span][1] <= position:
            span += 1  # the spans are in order: each is passed once, however many pipes a line has
        if span < len(spans) and spans[span][0] <= position:
            continue
        cells.append(text[start:position].strip())
        start = position + 1
    cells.append(text[start:].strip())
    return cells


def delimiter_alignments(line: str) -> Optional[list[Any]]:
    """The alignment of each cell of a delimiter row, None where `line` is no delimiter row."""
    cells = split_cells(line)
    if cells is None:
        return None
    aligns = [_alignment(cell) for cell in cells]
    return None if any(align is False for align in aligns) else aligns


# Bounded, so that a line of unmatched backtick runs is searched in linear time.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[^\n]{0,2000}?(?<!`)\1(?!`)")


def _code_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _CODE_SPAN.finditer(text)]


def _escaped(text: str, position: int) -> bool:
    backslashes = 0
    position -= 1
    while position >= 0 and text[position] == "\\":
        backslashes += 1
        position -= 1
    return backslashes % 2 == 1

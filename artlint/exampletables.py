"""Tables that show what to write and what not to: a style guide's "Do and Don't" tables,
whose rows hold examples (`See [here](#ports)` under "Don't"), not text that means them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from artlint import data
from artlint.lazyre import lazy
from artlint.spans import SpanSet

if TYPE_CHECKING:
    from artlint.document import Document

# A table's header line: `|Do|Don't|`, `| Good | Bad |`.
_HEADER = lazy(r"^[ \t]*\|?(?P<cells>[^\n|]*(?:\|[^\n|]*)+)\|?[ \t]*\n[ \t]*\|?[ \t]*:?-{3,}", re.M)


def example_tables(doc: "Document") -> SpanSet | None:
    """The spans of the tables whose header names a column of what to write and one of what
    not to ("Do" and "Don't", "正确" and "错误"), from the header to the first blank line."""
    return doc.memo("example tables", lambda: _find(doc.text))


def _find(text: str) -> SpanSet | None:
    if "|" not in text:
        return None
    do, dont = _labels()
    spans = []
    for match in _HEADER.finditer(text):
        cells = {_label(cell) for cell in match.group("cells").split("|")} - {""}
        if cells & do and cells & dont and cells <= do | dont:
            end = text.find("\n\n", match.end())
            spans.append((match.start(), len(text) if end < 0 else end))
    return SpanSet(spans) if spans else None


def _label(cell: str) -> str:
    return cell.strip().strip("*_ ").replace("’", "'").lower()


@lru_cache(maxsize=1)
def _labels() -> tuple[frozenset[str], frozenset[str]]:
    tables = data.load("links")["example-tables"]
    return frozenset(tables["do"]), frozenset(tables["dont"])

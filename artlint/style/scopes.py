"""Where a user rule looks: the scopes, and their text in one document.

The body's scopes read the prose that the typography rules read (artlint.rules.typography's
`prose`: the file's text with code, math, HTML, URLs, link destinations, images and template
tags blanked, at the file's own offsets), split into its inline blocks: paragraphs, headings,
table cells, the text of list items and block quotes, link text. `image-alt` reads the alt text
of images, `front-matter.KEY` the value of a front-matter key. Code, URLs and HTML attributes
are in no scope.

Each scope is a list of `Region`s to search; a region belongs to a unit (a paragraph, a
heading, a list item, a link...), which occurrence rules count in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from artlint.rules.typography._text import HIDDEN, blocks, prose

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic, Fix
    from artlint.markdown import Node

FRONT_MATTER = "front-matter."
_LINE_START_MARKUP = re.compile("(?:^|(?<=\n))\x00+")
# Scope -> what one unit of it is called in messages ({unit}).
UNITS = {
    "prose": "paragraph",
    "heading": "heading",
    "list-item": "list item",
    "table-cell": "table cell",
    "blockquote": "block quote",
    "link-text": "link",
    "image-alt": "image",
}
SCOPES = tuple(UNITS)
BODY_SCOPES = ("prose", "heading", "list-item", "table-cell", "blockquote", "link-text")
_NESTED_IN = {"list_item": "list-item", "block_quote": "blockquote"}
ARTICLE = -1  # the unit of the whole article


def scope_problem(scope: str) -> str | None:
    if scope in UNITS:
        return None
    if scope.startswith(FRONT_MATTER) and len(scope) > len(FRONT_MATTER):
        return None
    return f"unknown scope {scope!r}; scopes are {', '.join(SCOPES)} and front-matter.KEY"


def unit_name(scope: str) -> str:
    return UNITS.get(scope, "value")


def searched_scopes(scopes: tuple[str, ...]) -> tuple[str, ...]:
    """The scopes to search for a rule: `prose` holds every other body scope, so those go."""
    if "prose" in scopes:
        return tuple(scope for scope in scopes if scope not in BODY_SCOPES or scope == "prose")
    return scopes


class Region(NamedTuple):
    """A stretch of text to search: text[start:end], in unit `unit` (the unit's offset in the
    file). `report_at` is None when `text` is the document's prose or text, at the file's
    offsets; else `text` is a front-matter value not written as it reads (escapes, a folded
    string), whose findings are reported at the file offset `report_at`."""

    text: str
    start: int
    end: int
    unit: int
    report_at: int | None = None

    def diagnostic(self, doc: "Document", message: str, start: int, end: int, fix: "Fix | None" = None) -> "Diagnostic":
        """A diagnostic for text[start:end] of this region; at the value for a value read as it
        is not written (and without a fix: its place in the file is not known)."""
        if self.report_at is None:
            return doc.diagnostic(message, start, end, fix=fix)
        line, column = doc.source.position(self.report_at)
        return doc.line_diagnostic(message, line, column)

    @property
    def exact(self) -> bool:
        """Whether the region is the file's text at its own offsets."""
        return self.report_at is None

    def editable(self, doc: "Document", start: int, end: int) -> bool:
        """Whether a fix may replace text[start:end]: it is in the body and written in the file
        as it reads here (no markup was made a space within it, the `>` of a quote say)."""
        return self.report_at is None and start >= doc.body_offset and doc.text[start:end] == self.text[start:end]


@dataclass
class DocumentText:
    """The regions of each scope in one document, worked out once and shared by the rules."""

    doc: "Document"

    def __post_init__(self) -> None:
        self._regions: dict[str, list[Region]] = {}

    def regions(self, scope: str) -> list[Region]:
        """The scope's units, each a region (a paragraph, a heading, a link...)."""
        found = self._regions.get(scope)
        if found is None:
            found = self._regions[scope] = self._find(scope)
        return found

    def stretches(self, scope: str) -> list[Region]:
        """Where to search the scope: its regions, but the whole body at once for `prose`
        (a search per paragraph costs a call each, and nothing lies between them: see _prose)."""
        if scope != "prose":
            return self.regions(scope)
        found = self.regions(scope)
        return [Region(found[0].text, found[0].start, found[-1].end, ARTICLE)] if found else []

    def _find(self, scope: str) -> list[Region]:
        doc = self.doc
        if scope.startswith(FRONT_MATTER):
            return _front_matter_regions(doc, scope[len(FRONT_MATTER) :])
        if scope == "image-alt":
            return _alt_regions(doc)
        text = _prose(doc)
        if scope == "link-text":  # from the first character of the text to the last: not the brackets, not the destination
            links = [node for node in doc.nodes("link") if node.children and not node.attrs.get("autolink")]
            return [Region(text, node.children[0].start, node.children[-1].end, node.start) for node in links]
        found = blocks(doc)
        if scope == "prose":
            return [Region(text, block.start, block.end, block.start) for block in found]
        if scope in ("heading", "table-cell"):
            kind = scope.replace("-", "_")
            return [Region(text, block.start, block.end, block.start) for block in found if block.type == kind]
        containers = _containers(doc)
        regions = []
        for block in found:
            unit = containers.get(block.start, {}).get(scope)
            if unit is not None:
                regions.append(Region(text, block.start, block.end, unit))
        return regions


def _prose(doc: "Document") -> str:
    """The typography rules' prose, with the markup that starts a block or a continued line of
    it (a heading's `#`, the indentation of a list item, the `>` of a quote) made spaces, so
    that a word there is a word and a phrase broken
    across such lines is still a phrase, and what lies between the blocks hidden, so that no
    phrase runs from one paragraph into the next."""

    def made() -> str:
        text = prose(doc)
        pieces = []
        last = 0
        for block in blocks(doc):
            if block.start > last:
                pieces.append(HIDDEN * (block.start - last))
            piece = text[max(block.start, last) : block.end]
            if piece[:1] == HIDDEN or "\n\x00" in piece:
                piece = _LINE_START_MARKUP.sub(lambda match: " " * len(match.group()), piece)
            pieces.append(piece)
            last = max(last, block.end)
        pieces.append(HIDDEN * (len(text) - last))
        return "".join(pieces)

    return doc.memo("style-prose", made)


def _containers(doc: "Document") -> dict[int, dict[str, int]]:
    """For each inline block (by its offset), the innermost list item and block quote it is in."""
    return doc.memo("style-containers", lambda: _walk(doc.blocks, {}, {}))


def _walk(nodes: list["Node"], inside: dict[str, int], found: dict[int, dict[str, int]]) -> dict[int, dict[str, int]]:
    for node in nodes:
        scope = _NESTED_IN.get(node.type)
        if scope is not None:
            _walk(node.children, {**inside, scope: node.start}, found)
        elif node.type in ("list", "table", "table_row"):
            _walk(node.children, inside, found)
        elif inside:
            found[node.start] = inside
    return found


def _alt_regions(doc: "Document") -> list[Region]:
    regions = []
    for image in doc.nodes("image"):
        texts = [node for node in image.walk() if node.type == "text" and node.end > node.start]
        if texts:
            regions.append(Region(doc.text, texts[0].start, texts[-1].end, image.start))
    return regions


def _front_matter_regions(doc: "Document", key: str) -> list[Region]:
    """The value of `key` (each string of a list): where it is written when it is written as it
    reads, else as read, reported at the value."""
    matter = doc.front_matter
    if matter is None or not isinstance(matter.data, dict) or key not in matter.data:
        return []
    value = matter.data[key]
    items = value if isinstance(value, list) else [value]
    line, column = matter.value_position(key)
    offset = doc.source.offset(line, column) if 1 <= line <= doc.source.line_count else 0
    regions = []
    for item in items:
        if not isinstance(item, str) or not item:
            continue
        found = doc.text.find(item, offset, matter.body_offset) if "\n" not in item else -1
        if found >= 0:
            regions.append(Region(doc.text, found, found + len(item), 0))
            offset = found + len(item)
        else:
            regions.append(Region(item, 0, len(item), 0, offset))
    return regions

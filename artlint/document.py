"""A parsed article: its source, front matter and positioned markdown tree."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from artlint.boundary import NO_LIMIT, Boundary
from artlint.findings import Diagnostic, Edit, Fix, Related
from artlint.frontmatter import FrontMatter, split_front_matter
from artlint.lazyre import lazy
from artlint.links import Link, extract_links
from artlint.markdown import CODE_TYPES, Node, parse_markdown
from artlint.source import Source
from artlint.spans import SpanSet
from artlint.templating import blanked, masked_for_parser

if TYPE_CHECKING:
    from artlint.sites import Page, Site



@dataclass
class Document:
    path: str
    source: Source
    front_matter: FrontMatter | None
    blocks: list[Node]
    definitions: list[Node] = field(default_factory=list)
    file: Path | None = None  # the file on disk, for rules that resolve local links
    root: Path | None = None  # the project's root: the configuration's directory
    boundary: Boundary = Boundary()  # the folders other files may be read in (link targets)
    site: "Site | None" = None  # the site the file belongs to (artlint.sites), when known
    markup_text: str | None = None  # the text as the parser saw it (artlint.templating), if not `text`

    _memo: dict = field(default_factory=dict, repr=False)
    _nodes_of_types: dict = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute):
        """`compute()` once per document: for results that several rules share."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def absolute_file(self) -> str | None:
        """`file` made absolute and normal, once: several rules and the site model ask."""
        return os.path.abspath(self.file) if self.file is not None else None

    @cached_property
    def page(self) -> "Page | None":
        """What the site makes of this file: article, section, page...; its language and the
        date its name gives (None for a text without a file or site)."""
        file = self.absolute_file
        if self.site is None or file is None:
            return None
        data = self.front_matter.data if self.front_matter is not None else None
        return self.site.page(file, data if isinstance(data, dict) else None)

    @cached_property
    def links(self) -> list[Link]:
        """Every link, image and reference definition, in document order (see artlint.links)."""
        return extract_links(self, keep_unused=self.page is not None and self.page.kind in ("partial", "fragment"))

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def bare_urls_linked(self) -> bool:
        """Whether a bare URL in this file is shown as a link: the site's renderer links them
        (goldmark's linkify, marked's GFM...), or GitHub does in the repository's own files."""
        return (self.site is not None and self.site.autolinks) or (self.page is not None and self.page.kind == "repository")

    @property
    def body_offset(self) -> int:
        return self.front_matter.body_offset if self.front_matter else 0

    @cached_property
    def _all_nodes(self) -> list[Node]:
        """Every node in document order (depth first), without a generator per block."""
        found: list[Node] = []
        stack = list(reversed(self.blocks))
        while stack:
            node = stack.pop()
            found.append(node)
            if node.children:
                stack.extend(reversed(node.children))
        return found

    def nodes(self, *types: str) -> Iterator[Node]:
        """Every node of the tree in document order, or only those of the given types."""
        if not types:
            return iter(self._all_nodes)
        # Rules ask for the same few kinds again and again: each selection is made once.
        selected = self._nodes_of_types.get(types)
        if selected is None:
            selected = self._nodes_of_types[types] = [node for node in self._all_nodes if node.type in types]
        return iter(selected)

    @cached_property
    def code_ranges(self) -> list[tuple[int, int]]:
        """Sorted (start, end) offsets of code spans, code blocks and math."""
        return sorted((node.start, node.end) for node in self.nodes(*CODE_TYPES))

    @cached_property
    def non_prose_ranges(self) -> list[tuple[int, int]]:
        """Sorted (start, end) offsets of code, math, HTML comments and the front matter.

        Text rules skip these: they are not prose.
        """
        ranges = [(0, self.body_offset)] if self.body_offset else []
        ranges += self.code_ranges
        for node in self.nodes("block_html", "inline_html"):
            ranges += html_comments(self.text, node.start, node.end)
        for node in self.nodes("block_html"):
            ranges += preformatted_beyond(self.text, node.start, node.end)
        ranges.sort()
        return ranges

    @cached_property
    def prose_text(self) -> str:
        """The text with code, math, comments and front matter blanked out (line ends kept),
        so that text rules can search it and report exact columns. Template tags that render to
        no prose (artlint.templating) are blanked too."""
        text = self.markup_text or self.text
        pieces = []
        last = 0
        for start, end in self.non_prose_ranges:
            if end <= last:
                continue
            start = max(start, last)
            pieces.append(text[last:start])
            pieces.append(blanked(text[start:end]))
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    @cached_property
    def _code_spans(self) -> "SpanSet":
        return SpanSet(self.code_ranges)

    def in_code(self, offset: int) -> bool:
        """Whether the offset lies in a code span, code block or math."""
        return offset in self._code_spans

    def diagnostic(
        self, message: str, start: int, end: int, related: tuple[Related, ...] = (), fix: Fix | None = None
    ) -> Diagnostic:
        """A diagnostic for the offsets [start, end) of this document."""
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(max(end, start))
        return Diagnostic(message, line, column, end_line, end_column, related, fix)

    def edit(self, start: int, end: int, replacement: str = "") -> Edit:
        """An edit replacing the offsets [start, end) of this document by `replacement`."""
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(max(end, start))
        return Edit(line, column, end_line, end_column, replacement)

    def line_diagnostic(self, message: str, line: int, column: int = 1, related: tuple[Related, ...] = ()) -> Diagnostic:
        """A diagnostic from `column` to the end of `line`."""
        length = len(self.source.line_text(line)) if 1 <= line <= self.source.line_count else 0
        end_column = max(length + 1, column + 1) if length >= column else column + 1
        return Diagnostic(message, line, column, line, end_column, related)


_PRE_OPEN = lazy(r"<pre\b", re.I)
_PRE_CLOSE = lazy(r"</pre\s*>", re.I)
PRE_REACH = 200_000  # characters searched for the `</pre>` of a block left open


def preformatted_beyond(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span from a `<pre>` that an HTML block opens but does not close (`<div><pre>` ends
    at the first blank line in CommonMark) to its `</pre>`: a browser shows all of it as
    preformatted text, and kramdown keeps it raw. Not prose."""
    block = text[start:end]
    opening = _PRE_OPEN.search(block)
    if opening is None or _PRE_CLOSE.search(block, opening.end()):
        return []
    closing = _PRE_CLOSE.search(text, end, end + PRE_REACH)
    return [(start + opening.start(), closing.end())] if closing else []


def html_comments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each `<!-- ... -->` in text[start:end]. With `str.find`: the regex
    `<!--.*?-->` searched to `end` again from every unclosed "<!--" (quadratic)."""
    opening = text.find("<!--", start, end)
    while opening >= 0:
        closing = text.find("-->", opening + 4, end)
        if closing < 0:
            return
        yield opening, closing + 3
        opening = text.find("<!--", closing + 3, end)


def parse_document(
    path: str,
    source: Source,
    file: Path | None = None,
    root: Path | None = None,
    boundary: Boundary = NO_LIMIT,
    site: "Site | None" = None,
) -> Document:
    generator = site.generator if site is not None else None
    front_matter = split_front_matter(source, after_blank_lines=generator in ("hugo", "zola"), without_opening=generator == "hexo")
    body_offset = front_matter.body_offset if front_matter else 0
    markup = masked_for_parser(source.text, site.generator if site is not None else None, body_offset, site)
    parsed = parse_markdown(markup, body_offset)
    markup_text = markup if markup is not source.text else None
    return Document(path, source, front_matter, parsed.blocks, parsed.definitions, file, root, boundary, site, markup_text)

"""Markdown parsing with source positions, on top of mistune 3.4.

mistune's tokens carry no positions, and the text it parses inside block quotes and list
items is rewritten (markers and indentation removed). artlint adds positions like this:

* Block tokens are stamped with the offset at which their parse method started, in the
  ``src`` of the mistune state that parsed them (``_PositionedBlockParser``).
* Every state's lines are mapped to file offsets: the root state is the document body;
  a container's child lines are aligned with the lines of the container in its parent
  (each child line is the tail of a parent line: the quote marker or indentation is gone).
* Inline tokens other than text are stamped with their span in the inline source
  (``_PositionedInlineParser``); the inline source of a block is found in the state's
  ``src``, so inline offsets map to file offsets through the same line map.
* Tokens mistune creates afterwards (text runs, emphasis) get the gap between their
  stamped neighbours.

The result is a tree of ``Node`` objects whose ``start``/``end`` are offsets in the
normalised file text (see ``artlint.source``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.helpers import parse_link_href, parse_link_title
from mistune.inline_parser import InlineParser
from mistune.plugins.math import INLINE_MATH_PATTERN, math, math_in_list, math_in_quote, parse_inline_math
from mistune.plugins.table import table_in_list, table_in_quote
from mistune.util import unikey

from artlint.gfmtable import gfm_table

# Deeper nesting than this is read as literal text by mistune; it also bounds our recursion.
MAX_NESTING = 20

CODE_TYPES = frozenset({"block_code", "codespan", "block_math", "inline_math"})

# mistune spends time at every character an inline rule starts at (escape, code span, emphasis,
# link and image, closing bracket, automatic link and HTML, line break, math), however little
# text lies between them: some 20 microseconds for each "*" of "*a*a*a" with the tree and the
# rules that walk it, 30 s for one line of 2 MB. A block's inline source is therefore parsed
# up to its MAX_INLINE_MARKUP-th such character (2 s or so at worst), and the rest of it is one
# text run. Prose never comes near: a paragraph of 30,000 links has 60,000.
MAX_INLINE_MARKUP = 100_000
# mistune's inline math, but a `$` then backticks takes the whole run of backticks: it tried every
# shorter run too, each to the end of the text (3.5 s for "$" and 4,000 backticks).
# And a closing `$` has no space before it (as pandoc's tex_math_dollars, KaTeX's auto-render and
# pymdownx.arithmatex read it): in `a **$** sign, and $Y` the `$` between the stars is a dollar sign.
_SINGLE_DOLLAR_MATH = r"(?P<math_text>(?:[^$\\\n]|\\.)+?)\$(?!\d)"
_INLINE_MATH = INLINE_MATH_PATTERN.replace("(?P<backtick_math_marker>`+)", "(?P<backtick_math_marker>`+)(?!`)").replace(
    _SINGLE_DOLLAR_MATH, r"(?P<math_text>(?:[^$\\\n]|\\.)*?(?:[^$\\\s]|\\.))\$(?!\d)"
)
_MARKUP = "[" + re.escape("\\`*_![]<$\n") + "]"


def _markup_budget(limit: int) -> re.Pattern[str]:
    """Matches an inline source with more than `limit` markup characters, up to the first one over."""
    plain = _MARKUP.replace("[", "[^", 1)
    return re.compile(f"(?:{plain}*+{_MARKUP}){{{limit}}}{plain}*+(?={_MARKUP})")


_INLINE_BUDGET = _markup_budget(MAX_INLINE_MARKUP)


@dataclass(eq=False, slots=True)  # slots: a site's run makes millions of nodes
class Node:
    """One markdown element with its place in the file (offsets into the normalised text)."""

    type: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)
    raw: str = ""  # literal text of text/code/html nodes
    # Offset where the inline content of a block (paragraph, heading, cell) begins.
    content_start: int | None = None

    @property
    def text(self) -> str:
        """Plain text of the node: its own raw text or that of its descendants."""
        if not self.children:
            if self.type in ("softbreak", "linebreak"):
                return " "
            return self.raw
        return "".join(child.text for child in self.children)

    def walk(self) -> Iterator["Node"]:
        """This node and all its descendants, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@dataclass
class ParsedMarkdown:
    blocks: list[Node]
    definitions: list[Node]  # reference definitions, `[label]: url "title"`, in document order


# --------------------------------------------------------------------------- block parser


class _PositionedBlockState(BlockState):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.method_start: int | None = None
        self.definitions: list[dict[str, Any]] = []
        # Where each block quote being parsed in this state starts in `tokens` (see prepend_token).
        self.quote_indexes: list[int] = []
        if parent is None:
            self.env["__states__"] = {}

    def child_state(self, src: str, lazy_line_starts: Any = None) -> "_PositionedBlockState":
        child = super().child_state(src, lazy_line_starts)
        # A container's token keeps `child.tokens` as its "children": that list identifies the state.
        self.env["__states__"][id(child.tokens)] = child
        return child  # type: ignore[return-value]  # mistune makes it with self.__class__: one of ours

    def _stamp(self, token: dict[str, Any]) -> None:
        if "_start" not in token:
            token["_start"] = self.method_start if self.method_start is not None else self.cursor

    def append_token(self, token: dict[str, Any]) -> None:
        self._stamp(token)
        super().append_token(token)

    def prepend_token(self, token: dict[str, Any]) -> None:
        self._stamp(token)
        if self.quote_indexes:
            # mistune puts a block quote that another block ended before the last token, as if
            # that block made exactly one; a list that ended it may have ended in a second quote
            # (`> a` / `3. x` / `> b`), and the first quote must come before both.
            self.tokens.insert(self.quote_indexes[-1], token)
            return
        super().prepend_token(token)

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if last and last["type"] == "paragraph":
            last["text"] += text
            last["_end"] = self.cursor + len(text)
        else:
            self.tokens.append({"type": "paragraph", "text": text, "_start": self.cursor, "_end": self.cursor + len(text)})

    def append_paragraph(self) -> int | None:
        last = self.last_token()
        if last and last["type"] == "paragraph" and last.get("_end", self.cursor) != self.cursor:
            # Not the paragraph this line continues: a list item's lines end at a block quote,
            # whose end mistune looks for while the list is not yet a token of this state, so
            # the paragraph before the list would take `3. item` and every line after it.
            return None
        end = super().append_paragraph()
        if end:
            self.tokens[-1]["_end"] = end
        return end


# Lines of nothing but blanks, from a line's start.
_BLANK_LINES = re.compile(r"(?:[ \t\v\f]*\n)+")
# What may follow a definition's destination or title on its line: nothing but blanks.
_BLANK_TO_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


class _PositionedBlockParser(BlockParser):
    state_cls = _PositionedBlockState

    def parse_method(self, m: Any, state: _PositionedBlockState) -> int | None:  # type: ignore[override]  # its states are state_cls
        start = m.start()
        count = len(state.tokens)
        last = state.tokens[-1] if state.tokens else None
        last_type = last["type"] if last else None
        outer_start, state.method_start = state.method_start, start
        try:
            end = super().parse_method(m, state)
        finally:
            state.method_start = outer_start
        for token in state.tokens[max(count - 1, 0) :]:
            if "_start" not in token:
                token["_start"] = start
            if token is not last and end and "_end" not in token:
                token["_end"] = end
        if last is not None and last_type == "paragraph" and last["type"] == "heading" and end:
            last["_end"] = end  # a setext underline turned the paragraph into a heading
        if m.lastgroup == "ref_link" and end:
            self._record_definition(m, state, start, end)
        return end

    # A line of blanks only is a blank line (CommonMark), however long: mistune 3.4 reads one of
    # five spaces or more, or of a tab and more (`\t\t`), as an indented code line, which
    # continues the paragraph before it, so the indented code after it became prose.
    def _parse_indent_code_fast(self, state: BlockState) -> int | None:
        if _BLANK_LINES.match(state.src, state.cursor):
            return None  # left to the rules, whose indented code reads it as blank (below)
        return super()._parse_indent_code_fast(state)

    def parse_indent_code(self, m: Any, state: BlockState) -> int:
        blank = _BLANK_LINES.match(state.src, m.start())
        if blank:
            return self.parse_blank_line(blank, state)
        return super().parse_indent_code(m, state)

    def parse_block_quote(self, m: Any, state: _PositionedBlockState) -> int:  # type: ignore[override]  # its states are state_cls
        state.quote_indexes.append(len(state.tokens))
        try:
            return super().parse_block_quote(m, state)
        finally:
            state.quote_indexes.pop()

    def parse_ref_link(self, m: Any, state: BlockState) -> int | None:
        # `[^1]: text` is a footnote (Hugo, Zola, GitHub), not a link definition: leave it to
        # the paragraph parser so that the links inside it are seen.
        label = m.group("reflink_1")
        if label.startswith("^") and not any(character.isspace() for character in label):
            return None
        # `[^ 1]: http://…`: a footnote's name has no space (kramdown, GFM), so this is a link's
        # definition, which shows nothing.
        return super().parse_ref_link(m, state)

    def _record_definition(self, m: Any, state: _PositionedBlockState, start: int, end: int) -> None:
        label = m.group("reflink_1")
        href, href_end = parse_link_href(state.src, m.end(), block=True, max_nested_level=self.max_nested_level)
        if href is None or href_end is None:
            return
        title, title_end = parse_link_title(state.src, href_end, end)
        if not (title_end and _BLANK_TO_LINE_END.match(state.src, title_end)):
            title = None
            if not _BLANK_TO_LINE_END.match(state.src, href_end):
                return  # `[CRDs]:` over `1. A type…`: the destination runs on into text, no definition (a paragraph's line)
        state.definitions.append(
            {"label": label, "key": unikey(label), "url": href or "", "title": title, "_start": start, "_end": end}
        )


class _PositionedInlineParser(InlineParser):
    def __init__(self) -> None:
        super().__init__(max_nested_level=MAX_NESTING)
        # One `]` per call, so that each call closes at most one bracket and the link it
        # makes can be stamped with that bracket's opening position.
        self.specification["link_close"] = r"\]"

    def __call__(self, s: str, env: Any) -> list[dict[str, Any]]:
        over = _INLINE_BUDGET.match(s)
        if over is None:
            return super().__call__(s, env)
        # Markup past the budget (see MAX_INLINE_MARKUP) is read as text, stamped with its span.
        cut = over.end()
        tokens = super().__call__(s[:cut], env)
        tokens.append({"type": "text", "raw": s[cut:], "_span": (cut, len(s))})
        return tokens

    def parse_inline_html(self, m: Any, state: Any) -> int | None:
        # mistune reads no links between `<a ...>` and `</a>`; CommonMark, and every generator's
        # parser (goldmark, markdown-it, marked, kramdown), reads markdown there as anywhere:
        # `<a id="ref1"></a>[text](url)` and `<a id="ref1">[text](url)</a>` are links.
        was_in_link = state.in_link
        end = super().parse_inline_html(m, state)
        state.in_link = was_in_link
        return end

    def parse_method(self, m: Any, state: Any) -> int | None:
        start = m.start()
        count = len(state.tokens)
        opener = state.brackets[-1] if m.lastgroup == "link_close" and state.brackets else None
        end = super().parse_method(m, state)
        if not end:
            return end
        if opener is not None:
            token = state.tokens[-1] if state.tokens else None
            if token is not None and token["type"] in ("link", "image") and "_span" not in token:
                token["_span"] = (opener.start - (2 if opener.image else 1), end)
            return end
        for token in state.tokens[count:]:
            if token["type"] != "text" and "_span" not in token:
                token["_span"] = (start, end)
        return end


def _new_markdown() -> mistune.Markdown:
    block = _PositionedBlockParser(max_nested_level=MAX_NESTING)
    inline = _PositionedInlineParser()
    markdown = mistune.Markdown(
        renderer=None,
        block=block,
        inline=inline,
        plugins=[gfm_table, table_in_quote, table_in_list, math, math_in_quote, math_in_list],
    )
    markdown.inline.register("inline_math", _INLINE_MATH, parse_inline_math)
    return markdown


_MARKDOWN: mistune.Markdown | None = None


def _markdown() -> mistune.Markdown:
    global _MARKDOWN
    if _MARKDOWN is None:
        _MARKDOWN = _new_markdown()
    return _MARKDOWN


# --------------------------------------------------------------------------- line maps


class _LineMap:
    """Maps offsets in one mistune state's `src` to offsets in the file."""

    def __init__(self, src: str, file_starts: list[int], file_floors: list[int], file_limit: int, shift: int | None = None):
        self.src = src
        self.starts = _line_starts(src)
        self.file_starts = file_starts  # file offset that column 0 of each src line maps to
        self.file_floors = file_floors  # no offset of a src line maps before this file offset
        self.file_limit = file_limit
        self.shift = shift  # the root state: every offset maps to itself plus this

    def to_file(self, offset: int) -> int:
        if self.shift is not None:
            mapped = offset + self.shift
            return mapped if mapped < self.file_limit else self.file_limit
        index = bisect_right(self.starts, offset) - 1
        if index >= len(self.file_starts):
            return self.file_limit
        mapped = self.file_starts[index] + offset - self.starts[index]
        return min(max(mapped, self.file_floors[index]), self.file_limit)

    def line_index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def line(self, index: int) -> str:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.src)
        return self.src[start:end]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _root_map(src: str, file_offset: int, file_limit: int) -> _LineMap:
    starts = [file_offset + start for start in _line_starts(src)]
    return _LineMap(src, starts, starts, file_limit, shift=file_offset)


def _child_map(parent: _LineMap, first_line: int, child_src: str) -> tuple[_LineMap, int]:
    """Align the lines of a container's child source with the parent's lines from `first_line`.

    Each child line is the tail of a parent line (quote markers and indentation removed), or,
    where mistune expanded tabs, ends with the same text after its leading blanks.
    Returns the map and the index of the first parent line after the child's lines.
    """
    file_starts: list[int] = []
    file_floors: list[int] = []
    parent_index = first_line
    last_parent = len(parent.starts) - 1
    child_lines = child_src.split("\n")
    if child_src.endswith("\n"):
        child_lines.pop()
    for child_line in child_lines:
        chosen = None
        for candidate in (parent_index, parent_index + 1):
            if candidate <= last_parent and parent.line(candidate).endswith(child_line):
                chosen = candidate
                break
        if chosen is None and child_line.strip():
            # Blank lines that mistune left out of the child (two or more between list items).
            candidate = parent_index
            while candidate < last_parent and not parent.line(candidate).strip():
                candidate += 1
            if parent.line(candidate).endswith(child_line):
                chosen = candidate
        if chosen is None:
            chosen = min(parent_index, last_parent)
        parent_line = parent.line(chosen)
        line_start = parent.starts[chosen]
        if parent_line.endswith(child_line):
            column_zero = line_start + len(parent_line) - len(child_line)
        else:  # tabs expanded: align the text after the leading blanks
            content = child_line.lstrip(" ")
            found = parent_line.rfind(content) if content else -1
            anchor = found if found >= 0 else len(parent_line) - len(content)
            column_zero = line_start + anchor - (len(child_line) - len(content))
        floor = parent.to_file(line_start)
        # From the parent line's own start, not from `floor`: where the parent line is itself
        # tab-expanded its column 0 lies before the floor, and the clamp would shift every column.
        file_starts.append(parent.file_starts[chosen] + column_zero - line_start)
        file_floors.append(floor)
        parent_index = chosen + 1
    return _LineMap(child_src, file_starts, file_floors, parent.file_limit), parent_index


# --------------------------------------------------------------------------- tree building


class _TreeBuilder:
    def __init__(
        self, md: mistune.Markdown, root_state: _PositionedBlockState, file_offset: int, file_len: int, restore: dict[int, int] | None = None
    ):
        self.md = md
        self.restore = restore  # characters that stood in for others while parsing, and those others
        self.env = root_state.env
        self.states: dict[int, _PositionedBlockState] = root_state.env["__states__"]
        self.definitions: list[Node] = []
        self.root_map = _root_map(root_state.src, file_offset, file_len)
        self.root_state = root_state

    def build(self) -> ParsedMarkdown:
        blocks = self._blocks(self.root_state, self.root_map, 0)
        self.definitions.sort(key=lambda node: node.start)
        return ParsedMarkdown(blocks, self.definitions)

    def _blocks(self, state: _PositionedBlockState, line_map: _LineMap, depth: int) -> list[Node]:
        for definition in state.definitions:
            first = line_map.to_file(definition["_start"])
            last = line_map.to_file(_trim_end(state.src, definition["_start"], definition["_end"]))
            attrs = {key: definition[key] for key in ("label", "key", "url", "title")}
            self.definitions.append(Node("ref_definition", first, last, attrs))
        tokens = [token for token in state.tokens if token["type"] != "blank_line"]
        nodes = []
        for index, token in enumerate(tokens):
            start = token.get("_start", 0)
            end = token.get("_end")
            following = tokens[index + 1].get("_start") if index + 1 < len(tokens) else None
            if end is None or (following is not None and following > start and end > following):
                end = following if following is not None and following > start else len(state.src)
            end = _trim_end(state.src, start, end)
            nodes.append(self._block(token, state, line_map, start, end, depth))
        return nodes

    def _block(
        self, token: dict[str, Any], state: _PositionedBlockState, line_map: _LineMap, start: int, end: int, depth: int
    ) -> Node:
        kind = token["type"]
        node = Node(kind, line_map.to_file(start), line_map.to_file(end), dict(token.get("attrs") or {}))
        if "raw" in token:
            node.raw = token["raw"] if self.restore is None else token["raw"].translate(self.restore)
        if kind == "block_code" and token.get("marker"):
            node.attrs["marker"] = token["marker"]
        if kind == "block_code":
            node.attrs["style"] = token.get("style")
        if "text" in token:
            self._inline_content(node, token["text"], state, line_map, start)
        elif kind == "block_quote":
            node.children = self._container(token["children"], line_map, line_map.line_index(start), depth)
        elif kind == "list":
            node.children = self._list_items(token, line_map, line_map.line_index(start), end, depth)
        elif kind == "table":
            node.children = self._table(token, state, line_map, start)
        return node

    def _container(self, children: list[dict[str, Any]], line_map: _LineMap, first_line: int, depth: int) -> list[Node]:
        child_state = self.states.get(id(children))
        if child_state is None or depth >= MAX_NESTING:
            return []
        child_map, _ = _child_map(line_map, first_line, child_state.src)
        return self._blocks(child_state, child_map, depth + 1)

    def _list_items(
        self, token: dict[str, Any], line_map: _LineMap, first_line: int, list_end: int, depth: int
    ) -> list[Node]:
        items = []
        parent_line = first_line
        for item in token["children"]:
            child_state = self.states.get(id(item["children"]))
            if child_state is None or depth >= MAX_NESTING:
                continue
            while parent_line < len(line_map.starts) - 1 and not line_map.line(parent_line).strip():
                parent_line += 1  # blank lines between items belong to neither
            child_map, next_line = _child_map(line_map, parent_line, child_state.src)
            item_start = line_map.starts[min(parent_line, len(line_map.starts) - 1)]
            children = self._blocks(child_state, child_map, depth + 1)
            item_end_line = max(next_line - 1, parent_line)
            item_end = min(
                line_map.starts[item_end_line] + len(line_map.line(item_end_line))
                if item_end_line < len(line_map.starts)
                else list_end,
                list_end,
            )
            items.append(Node("list_item", line_map.to_file(item_start), line_map.to_file(item_end), {}, children))
            parent_line = next_line
        return items

    def _table(self, token: dict[str, Any], state: _PositionedBlockState, line_map: _LineMap, start: int) -> list[Node]:
        first = line_map.line_index(start)
        head, body = token["children"][0], token["children"][1]
        rows = [(first, head["children"])] + [
            (first + 2 + index, row["children"]) for index, row in enumerate(body["children"])
        ]
        nodes = []
        for line_index, cells in rows:
            if line_index >= len(line_map.starts):
                break
            row_start = line_map.starts[line_index]
            row_end = row_start + len(line_map.line(line_index))
            row = Node("table_row", line_map.to_file(row_start), line_map.to_file(row_end))
            cursor = row_start
            for cell in cells:
                text = cell["text"]
                found = state.src.find(text, cursor, row_end + 1) if text else -1
                cell_start = found if found >= 0 else cursor
                cell_node = Node("table_cell", line_map.to_file(cell_start), line_map.to_file(cell_start + len(text)))
                cell_node.attrs = dict(cell.get("attrs") or {})
                self._inline_content(cell_node, text, state, line_map, cell_start)
                row.children.append(cell_node)
                cursor = cell_start + len(text)
            nodes.append(row)
        return nodes

    def _inline_content(
        self, node: Node, text: str, state: _PositionedBlockState, line_map: _LineMap, search_from: int
    ) -> None:
        stripped = text.strip(" \r\n\t\f")
        base = state.src.find(stripped, search_from) if stripped else search_from
        if base < 0:
            base = search_from
        node.content_start = line_map.to_file(base)
        tokens = self.md.inline(stripped, self.env)
        node.children, _ = self._inline(tokens, line_map, base, base, base + len(stripped), 0)

    def _inline(
        self, tokens: list[dict[str, Any]], line_map: _LineMap, base: int, lower: int, upper: int, depth: int
    ) -> tuple[list[Node], int]:
        """Inline tokens to nodes, and the state offset where the last one ends.

        `base` turns inline offsets into state offsets. Tokens stamped by the inline parser keep
        their spans. The others (text runs, emphasis) are laid out from left to right between
        their stamped neighbours: a text run where its text is found, emphasis as its markers
        around its children.
        """
        src = line_map.src
        spans = [_shift(token.get("_span"), base) for token in tokens]
        # limits[i]: start of the next stamped token after token i (or the parent's end)
        limits = [upper] * len(tokens)
        following = upper
        for index in range(len(tokens) - 1, -1, -1):
            limits[index] = following
            span = spans[index]
            if span is not None:
                following = span[0]
        nodes = []
        pos = lower
        for index, token in enumerate(tokens):
            limit = limits[index]
            kind = token["type"]
            span = spans[index]
            children = token.get("children") if depth < MAX_NESTING else None
            child_nodes: list[Node] = []
            if span is not None:
                start, end = span
                if children:
                    child_nodes, _ = self._inline(children, line_map, base, start + _CHILDREN_OFFSET.get(kind, 0), end, depth + 1)
            elif kind in _MARKER:  # emphasis or strong: marker, children, marker
                start = pos
                marker = _MARKER[kind]
                child_nodes, inner_end = self._inline(children or [], line_map, base, pos + marker, limit, depth + 1)
                end = inner_end + marker
            elif kind == "text":
                start, raw = pos, token.get("raw", "")
                end = pos + len(raw) if src.startswith(raw, pos) else _escaped_extent(src, pos, raw, limit)
            else:
                start = end = pos
            end = max(start, min(end, limit if span is None else upper))
            node = Node(kind, line_map.to_file(start), line_map.to_file(end), dict(token.get("attrs") or {}))
            node.children = child_nodes
            if "raw" in token:
                node.raw = token["raw"] if self.restore is None else token["raw"].translate(self.restore)
            for key in ("ref", "label"):
                if key in token:
                    node.attrs[key] = token[key]
            if kind == "link" and span is not None and src.startswith("<", start):
                node.attrs["autolink"] = True
            nodes.append(node)
            pos = end
        return nodes, pos


# Length of the opening markup before an inline container's children.
_MARKER = {"emphasis": 1, "strong": 2}
_CHILDREN_OFFSET = {"link": 1, "image": 2}


_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _escaped_extent(src: str, pos: int, raw: str, limit: int) -> int:
    """Where text that the parser gives as `raw` ends in the source from `pos`: `raw` has its
    backslash escapes resolved (`a\\_b` is `a_b`). `limit` when the source reads otherwise (an
    entity, a line break the parser changed): the text then runs to the next placed token."""
    at = pos
    for char in raw:
        if at < limit and src[at] == char:
            at += 1
        elif at + 1 < limit and src[at] == "\\" and src[at + 1] == char and char in _ESCAPABLE:
            at += 2
        else:
            return limit
    return at


def _shift(span: tuple[int, int] | None, base: int) -> tuple[int, int] | None:
    return (base + span[0], base + span[1]) if span else None


def _trim_end(src: str, start: int, end: int) -> int:
    """Move `end` back over trailing whitespace, but not before `start`."""
    while end > start and src[end - 1] in " \t\n":
        end -= 1
    return end


_SEPARATORS = re.compile("[\x1c-\x1f]")
_STAND_INS = re.compile("[\u2060-\u2063]")
_SEPARATORS_AS_STAND_INS = {0x1C + number: 0x2060 + number for number in range(4)}
_STAND_INS_AS_SEPARATORS = {stand_in: separator for separator, stand_in in _SEPARATORS_AS_STAND_INS.items()}


def parse_markdown(text: str, body_offset: int = 0) -> ParsedMarkdown:
    """Parse the body `text[body_offset:]` of a normalised document into positioned nodes."""
    md = _markdown()
    body = text[body_offset:]
    if not body.endswith("\n"):
        body += "\n"
    restore = None
    if _SEPARATORS.search(body) and not _STAND_INS.search(body):
        # mistune's patterns take `\s`, which in Python matches the information separators
        # U+001C to U+001F; CommonMark counts them as no whitespace (`**bold\x1c**` is bold).
        # Invisible format characters (U+2060 to U+2063), neither space nor punctuation, stand
        # in for them while parsing, one for one (positions hold); the nodes' texts get the
        # separators back.
        body = body.translate(_SEPARATORS_AS_STAND_INS)
        restore = _STAND_INS_AS_SEPARATORS
    state = _PositionedBlockState()  # md.block.state_cls
    state.process(body)
    md.block.parse(state)
    return _TreeBuilder(md, state, body_offset, len(text), restore).build()

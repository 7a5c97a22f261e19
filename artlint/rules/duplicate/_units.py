"""The paragraphs and sentences that the repeated-text rules compare.

Block quotes, tables, `<details>` sections and tabs (MDX `<Tabs>`, Vue slots) are skipped: they repeat on
purpose (a quoted reply, a table column, a spoiler that restates an answer, the same step in
each operating system's tab).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from typing import Callable

from artlint import data
from artlint.lazyre import lazy
from artlint.options import Option, derived

# Sections that hide their text, or show one of several alternatives at a time: `<details>`,
# tabs (MDX `<Tabs>`, a Vue `<Tab>` or `<CodeGroup>`), a Vue component's named slots
# (`<template v-slot:node>`, `<template #bun>`: one per tab, each with its own copy of a step).
_DETAILS_OPEN = lazy(r"<(?:(?i:details)|Tabs?\b|CodeGroup\b|template\b(?=[^>]*(?:v-slot|\s#)))")
_DETAILS_CLOSE = lazy(r"</(?:(?i:details)|Tabs?|CodeGroup|template)\s*>")
_TAG_LINE = lazy(r"[ \t]*</?[A-Za-z]")
# `:::note Title` opens a container, a bare `:::` closes it (markdown-it-container's syntax).
_CONTAINER_OPEN = lazy(r"^[ \t]*:{3,}[ \t]*[^\s:]", re.M)
# A code span: a run of backticks, the shortest text, the same run again (bounded, so that a
# line of unmatched backticks is searched in linear time).
_CODE_SPAN = lazy(r"(?<!`)(`+)(?!`)[^\n]{0,2000}?(?<!`)\1(?!`)")
_COMPONENT_OPEN = lazy(r"[ \t]*<[A-Z][A-Za-z0-9.]*[\s>]")
_CONTAINER_CLOSE = lazy(r"^[ \t]*:{3,}[ \t]*$", re.M)
# Every pattern below gives up within a bounded stretch after a failed start, so that a
# line of 2 MB made of one repeated opener ("[a](", "<a:", "....x") is searched in linear
# time: a match starts only at the beginning of a run of stops, a destination stops at the
# next "(" unless it is one balanced pair, and an autolink at the next "<".
# A run of sentence ends: ASCII ones before a space or the end, CJK ones anywhere. Written to
# start with a character set, which lets the regex engine skip to the candidates (5x faster
# than the equivalent `(?<![.!?])[.!?]+(?=\s|$)|[。！？]+`).
_SENTENCE_END = lazy(r"[.!?。！？](?:(?<=[.!?])[.!?]*(?=\s|$)|(?<=[。！？])[。！？]*)")
_LINK_DESTINATION = lazy(
    r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|<[a-z][a-z0-9+.-]{0,31}:[^<>\s]*>", re.I
)


_NOT_ALPHANUMERIC = lazy(r"[\W_]+")
# ASCII and CJK punctuation and spaces, whose NFKC forms are punctuation and spaces too.
_PUNCTUATION = lazy(
    "[\\s!-/:-@\\[-`{-~\u00b7\u2014\u2018-\u201f\u2026\u3000-\u3004\u3008-\u3011\u3014-\u301f"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff64]+"
)
# An image, whose alt text is no sentence of the article: a caption under it repeats it on purpose.
_IMAGE = lazy(r"!\[[^\]\n]{0,500}\](?:\([^()\n]{0,2000}\)|\[[^\]\n]{0,500}\])?")


_FILLER = data.load("duplicates")["filler"]
_LATIN_WORD = lazy(r"[A-Za-z]+")


FILLER_WORDS = tuple(_FILLER["latin-words"] + _FILLER["meat-words"])


def filler_option() -> Option:
    """The `filler-words` option that the repeated-text rules share."""
    return Option(
        "list[string]", list(FILLER_WORDS), "Words of placeholder text (lorem ipsum and its variants), lower-case: blocks made of them are not checked."
    )


def is_filler(raw: str, options) -> bool:
    """Whether a block is placeholder text, lorem ipsum or a generated variant of it (the
    rule's `filler-words`, `[filler]` in rules/duplicates.toml): a demo page repeats it on
    purpose. Six or more of the words, making a fifth of the block's words."""
    if len(raw) < 30:
        return False
    vocabulary = derived(options, "filler words", lambda: frozenset(word.lower() for word in options.get("filler-words", FILLER_WORDS)))
    words = _LATIN_WORD.findall(raw.lower())
    hits = sum(word in vocabulary for word in words)
    return hits >= _FILLER["min-words"] and hits >= _FILLER["min-share"] * len(words)


def normalise(text: str) -> str:
    """Lower-case letters and digits only: whitespace, punctuation and markup do not count;
    compatibility forms read as what they stand for (NFKC: Ａ is a, ｆｉ is fi)."""
    # Punctuation first, which NFKC would only turn into other punctuation: full-width marks
    # are what keep most Chinese text from being NFKC already, and normalising is slow.
    if not unicodedata.is_normalized("NFKC", text):
        text = _PUNCTUATION.sub("", text)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


def source_key(raw: str) -> str:
    """The normalised words of a stretch of markdown source: link targets and HTML left out,
    markup characters dropped by `normalise`."""
    return normalise(read_text(raw))


def read_text(raw: str) -> str:
    """Markdown source without what a reader never reads: images, link targets, HTML tags
    (but `<T>` inside a code span is code, not a tag); character references as the characters
    they show (`&nbsp;` is a space, not the letters "nbsp")."""
    if "![" in raw:
        raw = _IMAGE.sub("", raw)
    if "](" in raw or "<" in raw:
        raw = _LINK_DESTINATION.sub("]", raw)
        if "<" in raw:
            raw = _outside_code(raw, without_html)
    if "&" in raw and ";" in raw:
        raw = html.unescape(raw)
    return raw


def code_spans(raw: str) -> list[str]:
    """The code spans of a stretch of markdown source, as written with their backticks."""
    return [span.group() for span in _CODE_SPAN.finditer(raw)] if "`" in raw else []


def math_spans(raw: str) -> list[str]:
    """The inline math (`$a+b$`) of a stretch of markdown source, outside its code spans: the
    `$` of `` `$SOURCE` to `$TARGET` `` are shell variables, no math between them."""
    return _MATH_SPAN.findall(_CODE_SPAN.sub("``", raw) if "`" in raw else raw)


# Inline math, `$a+b$`: `sin(a+b)` and `sin(a-b)` differ in a sign that normalising drops.
_MATH_SPAN = lazy(r"(?<![\\$])\$[^$\n]+\$(?!\$)")


def _outside_code(raw: str, change: Callable[[str], str]) -> str:
    """`change` applied to the stretches of `raw` outside its code spans."""
    if "`" not in raw:
        return change(raw)
    pieces = []
    last = 0
    for span in _CODE_SPAN.finditer(raw):
        pieces.append(change(raw[last : span.start()]))
        pieces.append(span.group())
        last = span.end()
    pieces.append(change(raw[last:]))
    return "".join(pieces)


def prose_blocks(doc):
    """(block, in_list: the start of its list or None) for paragraphs and list-item texts
    (not those of display math alone) outside quotes, tables, <details> sections and `:::` containers (Docusaurus, VitePress and
    markdown-it admonitions), in document order. A list item's own `<details>` (a checklist's
    "Audit procedure" under each item) ends with the item, as a browser closes it there."""
    opened = [0, 0]  # <details> sections, `:::` containers
    for block in doc.blocks:
        yield from _prose_texts(doc, block, None, opened)


def _prose_texts(doc, node, in_list, opened):
    """`prose_blocks` under `node`: each list's own items apart from those of the lists nested
    in it; `opened` counts the sections and containers open where `node` starts."""
    if node.type == "block_html" or (node.type == "paragraph" and _TAG_LINE.match(doc.text, node.start)):
        # An MDX tag whose attributes run over several lines (`<Tabs\n  groupId="os"\n>`) is
        # a paragraph to a CommonMark parser: a tag all the same.
        raw = doc.text[node.start : node.end]
        opens, closes = len(_DETAILS_OPEN.findall(raw)), len(_DETAILS_CLOSE.findall(raw))
        if node.type == "block_html" or opens or closes:
            opened[0] = max(opened[0] + opens - closes, 0)
            return
    if node.type == "paragraph" and ":::" in doc.text[node.start : node.end]:
        raw = doc.text[node.start : node.end]
        opening = len(_CONTAINER_OPEN.findall(raw))
        closing = len(_CONTAINER_CLOSE.findall(raw))
        if opening or closing:
            opened[1] = max(opened[1] + opening - closing, 0)
            return  # the fence lines, and the note that shares a paragraph with them
    if opened[0] or opened[1] or node.type in ("block_quote", "table"):
        return
    if node.type == "paragraph" and _container_title(doc, node):
        return  # `!!! warning "Keep the disc option unticked"`: a call-out's title, repeated in each section on purpose
    if node.type in ("paragraph", "block_text"):
        if not _math_alone(doc, node) and not (in_list is not None and _contents_entry(doc, node)):
            yield node, in_list
        return
    if node.type == "list":
        in_list = node.start
    if node.type == "list_item":
        opened = [0, 0]
    for child in node.children:
        yield from _prose_texts(doc, child, in_list, opened)


def _contents_entry(doc, node) -> bool:
    """A list item's text that opens with a link to a place in its own page (`[Useful tips](#tips):
    …`, `[Tips](./k8s.md#tips)` in k8s.md): an entry of a table of contents, which a page repeats
    on purpose (the outline at its top, a section's own index again)."""
    first = node.children[0] if node.children else None
    if first is None or first.type != "link" or first.start != node.start:
        return False
    url = str(first.attrs.get("url", ""))
    path, _, fragment = url.partition("#")
    if not fragment:
        return False
    return not path or (doc.file is not None and path.rsplit("/", 1)[-1] == doc.file.name and path.count("/") <= 1 and not path.startswith("../"))


def _container_title(doc, node) -> bool:
    """A paragraph that is the marker line of one of the site's indented containers (MkDocs'
    `!!! note "Title"`, `??? tip`, `=== "Tab"`), its body quoted apart: a title, not prose."""
    markers = doc.site.containers if doc.site is not None else ()
    return bool(markers) and doc.text.startswith(markers, node.start) and doc.text.find("\n", node.start, node.end - 1) < 0


def _math_alone(doc, node) -> bool:
    """A paragraph of display math and nothing else: a matrix or an equation that a solution
    derives twice is no repeated prose."""
    return bool(node.children) and all(
        child.type in ("block_math", "inline_math") or (child.type in ("text", "softbreak", "linebreak") and not doc.text[child.start : child.end].strip())
        for child in node.children
    ) and any(child.type == "block_math" for child in node.children)


_CJK = lazy("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!")


def without_html(raw: str) -> str:
    """`raw` without its HTML comments and tags: what `<!--.*?-->|<[a-zA-Z/!][^>]*>` would
    remove, found with `str.find`. The regex searched to the end of the text again from every
    "<" that is never closed: hours for a line of 2 MB of "<!--" or "<a "."""
    pieces = []
    last = 0
    comments_close = True  # False once no "-->" follows: no later comment can close either
    start = raw.find("<")
    while start >= 0:
        end = -1
        if comments_close and raw.startswith("<!--", start):
            close = raw.find("-->", start + 4)
            comments_close = close >= 0
            end = close + 3 if comments_close else -1
        if end < 0 and raw[start + 1 : start + 2] in _TAG_START:
            close = raw.find(">", start + 2)
            if close < 0:  # no ">" after this "<": no later tag can end either
                break
            end = close + 1
        if end < 0:
            start = raw.find("<", start + 1)
            continue
        pieces.append(raw[last:start])
        last = end
        start = raw.find("<", end)
    pieces.append(raw[last:])
    return "".join(pieces)


_DIGITS = lazy(r"\d+")


def letters(key: str) -> int:
    """The length of a normalised text in letters, digits not counted (rows of numbers are not
    prose); a CJK character counts as two, as it carries about as much as two Latin letters.
    (CJK characters take three bytes in UTF-8 and ASCII one: the difference counts them.)"""
    without_digits = _DIGITS.sub("", key) if any(char.isdigit() for char in key[:1]) or _DIGITS.search(key) else key
    return len(without_digits) + (len(without_digits.encode("utf-8")) - len(without_digits)) // 2


def visible_text(node) -> str:
    """The text a reader sees: raw HTML (tags, comments) left out."""
    if node.type in ("inline_html", "block_html"):
        return ""
    if not node.children:
        return node.text
    return "".join(visible_text(child) for child in node.children)


def sentences(doc, block):
    """(start, end, normalised text) of each sentence of a block, with offsets in the file.
    Code spans keep their text: `osmplotr` and `geojsonio` make different sentences."""
    text = doc.text
    start = block.start
    for match in _SENTENCE_END.finditer(text, block.start, block.end):
        yield _sentence(text, start, match.end())
        start = match.end()
    if start < block.end:
        yield _sentence(text, start, block.end)


def _sentence(text, start, end):
    """A sentence's place starts at its first word: after the spaces and the HTML comments
    (`<!-- note -->`) that the previous sentence ends with."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        if not text.startswith("<!--", start, end):
            break
        close = text.find("-->", start + 4, end)
        if close < 0:
            break
        start = close + 3
    return start, end, source_key(text[start:end])


def block_keys(doc):
    """(block, in_list (its list's start, or None), normalised text, its length in letters, its
    sentences) for every prose
    block, computed once per document for the paragraph and sentence rules. The block's key is
    its sentences' keys joined: normalisation drops the punctuation that separates them."""

    def compute():
        keys = []
        text = doc.text
        for block, in_list in prose_blocks(doc):
            parts = sentence_keys(text[block.start : block.end])
            key = "".join(parts)
            keys.append((block, in_list, key, _prose_letters(text[block.start : block.end], key), parts))
        return keys

    return doc.memo("duplicate-block-keys", compute)


_BARE_URL = lazy(r"\b[a-z][a-z0-9+.-]{1,31}://[^\s<>()\]]*", re.I)


def _prose_letters(raw: str, key: str) -> int:
    """`letters` of a block's key, the letters of the URLs written out in it not counted: a
    list of links is no prose."""
    if "://" not in raw:
        return letters(key)
    written = _BARE_URL.findall(_LINK_DESTINATION.sub("]", raw))  # link targets are not in the key
    return max(letters(key) - sum(letters(normalise(url)) for url in written), 0)


_SENTENCE_BREAK = "\x00"
_NOT_WORD_OR_BREAK = lazy(r"[^\w\x00]+")  # with "_" removed after: `_NOT_ALPHANUMERIC` that keeps the breaks
_COMPATIBILITY = lazy("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ufb00-\ufb06\u2160-\u217f\u3300-\u33ff]")


def sentence_keys(raw: str) -> list[str]:
    """The normalised key of each sentence of a block, in one pass over its text (a duplicate's
    place is worked out again with `sentences` only when one is found)."""
    raw = read_text(raw)
    if _COMPATIBILITY.search(raw):  # full-width letters and digits, ligatures: Ａ is A
        raw = unicodedata.normalize("NFKC", raw)
    marked = _SENTENCE_END.sub(_SENTENCE_BREAK, raw.casefold())
    # One character set and a replace: an alternation with `_+` takes a third longer.
    return [key for key in _NOT_WORD_OR_BREAK.sub("", marked).replace("_", "").split(_SENTENCE_BREAK) if key]


def section_starts(doc) -> list[tuple[int, str]]:
    """(offset, kind) of each section start in document order. A section starts at a heading
    (kind "h1" to "h6"), or at an MDX component that opens a block of its own (kind
    "component": `<ApiEndpoint path="/x">` for each endpoint of a reference page). Computed
    once per document."""

    def compute():
        starts = []
        for node in doc.nodes("heading", "block_html"):
            if node.type == "heading":
                starts.append((node.start, f"h{node.attrs.get('level', 0)}"))
            elif _COMPONENT_OPEN.match(doc.text, node.start, node.end):
                starts.append((node.start, "component"))
        return sorted(starts)

    return doc.memo("duplicate-section-starts", compute)


def bold_headings(doc) -> list[int]:
    """Start offsets of the paragraphs that are one bold phrase (`**2. Costs**`, `**Batch
    setting**`, `***Matching***`, or in an HTML block a line `<p><strong>示例 1:</strong></p>`),
    which imported articles and UI references use as headings; blank text
    around the phrase aside. Computed once per document (duplicate-image and
    duplicate-paragraph both ask)."""

    def compute():
        found = []
        for block in doc.blocks:
            if block.type == "block_html" and "<" in doc.text[block.start : block.start + 4]:
                # `<p><strong>示例 1:</strong></p>`: the same label in HTML, a line of an HTML block
                found += [match.start() for match in _HTML_BOLD_LINE.finditer(doc.text, block.start, block.end)]
            elif (
                block.type == "paragraph"
                and len(children := [child for child in block.children if not (child.type == "text" and not child.text.strip())]) == 1
                and (children[0].type == "strong" or _bold_italic(children[0]))
            ):
                found.append(block.start)
        return found

    return doc.memo("duplicate-bold-headings", compute)


# A line that is one bold phrase in HTML: `<p><strong class="example">Example 1:</strong></p>`, `<b>Note</b>`.
_HTML_BOLD_LINE = lazy(r"^[ \t]*(?:<p\b[^<>\n]*>[ \t]*)?<(strong|b)\b[^<>\n]*>[^<>\n]{1,80}</\1>[ \t]*(?:</p>)?[ \t]*$", re.M | re.I)


def _bold_italic(node) -> bool:
    """`***Matching***`: emphasis around one strong phrase."""
    inner = [child for child in node.children or () if not (child.type == "text" and not child.text.strip())]
    return node.type == "emphasis" and len(inner) == 1 and inner[0].type == "strong"


def sections(doc) -> Callable[[int], int]:
    """A function from an offset to the number of section starts before it (`section_starts`):
    two places in one section get the same number."""
    starts = [offset for offset, _ in section_starts(doc)]
    return lambda offset: bisect_right(starts, offset)

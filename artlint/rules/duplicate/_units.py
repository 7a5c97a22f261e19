"""The paragraphs and sentences that the repeated-text rules compare.

Block quotes, tables and `<details>` sections are skipped: they repeat on purpose (a quoted
reply, a table column, a spoiler that restates an answer).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Callable

from artlint.lazyre import lazy

_DETAILS_OPEN = lazy(r"<details\b", re.I)
_DETAILS_CLOSE = lazy(r"</details\s*>", re.I)
# Every pattern below gives up within a bounded stretch after a failed start, so that a
# line of 2 MB made of one repeated opener ("[a](", "<a:", "....x") is searched in linear
# time: a match starts only at the beginning of a run of stops, a destination stops at the
# next "(" unless it is one balanced pair, and an autolink at the next "<".
_SENTENCE_END = lazy(r"(?<![.!?])[.!?]+(?=\s|$)|[。！？]+")
_LINK_DESTINATION = lazy(
    r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|<[a-z][a-z0-9+.-]{0,31}:[^<>\s]*>", re.I
)


_NOT_ALPHANUMERIC = lazy(r"[\W_]+")
# An image, whose alt text is no sentence of the article: a caption under it repeats it on purpose.
_IMAGE = lazy(r"!\[[^\]\n]{0,500}\](?:\([^()\n]{0,2000}\)|\[[^\]\n]{0,500}\])?")


def normalise(text: str) -> str:
    """Lower-case letters and digits only: whitespace, punctuation and markup do not count."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


def source_key(raw: str) -> str:
    """The normalised words of a stretch of markdown source: link targets and HTML left out,
    markup characters dropped by `normalise`."""
    return normalise(read_text(raw))


def read_text(raw: str) -> str:
    """Markdown source without what a reader never reads: images, link targets, HTML tags."""
    if "![" in raw:
        raw = _IMAGE.sub("", raw)
    if "](" in raw or "<" in raw:
        raw = without_html(_LINK_DESTINATION.sub("]", raw))
    return raw


def prose_blocks(doc):
    """(block, in_list) for paragraphs and list-item texts outside quotes, tables and <details>,
    in document order."""
    depth = 0
    for block in doc.blocks:
        if block.type == "block_html":
            raw = doc.text[block.start : block.end]
            depth += len(_DETAILS_OPEN.findall(raw)) - len(_DETAILS_CLOSE.findall(raw))
            depth = max(depth, 0)
            continue
        if depth or block.type in ("block_quote", "table"):
            continue
        in_list = block.type == "list"
        for node in block.walk():
            if node.type in ("paragraph", "block_text"):
                yield node, in_list


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
    while start < end and text[start].isspace():
        start += 1
    return start, end, source_key(text[start:end])


def block_keys(doc):
    """(block, in_list, normalised text, its length in letters, its sentences) for every prose
    block, computed once per document for the paragraph and sentence rules. The block's key is
    its sentences' keys joined: normalisation drops the punctuation that separates them."""

    def compute():
        keys = []
        text = doc.text
        for block, in_list in prose_blocks(doc):
            parts = sentence_keys(text[block.start : block.end])
            key = "".join(parts)
            keys.append((block, in_list, key, letters(key), parts))
        return keys

    return doc.memo("duplicate-block-keys", compute)


_SENTENCE_BREAK = "\x00"
_COMPATIBILITY = lazy("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ufb00-\ufb06\u2160-\u217f\u3300-\u33ff]")


def sentence_keys(raw: str) -> list[str]:
    """The normalised key of each sentence of a block, in one pass over its text (a duplicate's
    place is worked out again with `sentences` only when one is found)."""
    if "![" in raw:
        raw = _IMAGE.sub("", raw)
    if "](" in raw or "<" in raw:
        raw = without_html(_LINK_DESTINATION.sub("]", raw))
    if _COMPATIBILITY.search(raw):  # full-width letters and digits, ligatures: Ａ is A
        raw = unicodedata.normalize("NFKC", raw)
    marked = _SENTENCE_END.sub(_SENTENCE_BREAK, raw.casefold())
    strip = _NOT_ALPHANUMERIC.sub
    return [key for key in (strip("", part) for part in marked.split(_SENTENCE_BREAK)) if key]


def sections(doc) -> Callable[[int], int]:
    """A function from an offset to the number of headings before it: two places in one
    section (no heading between them) get the same number."""
    starts = sorted(node.start for node in doc.nodes("heading"))
    return lambda offset: bisect_right(starts, offset)

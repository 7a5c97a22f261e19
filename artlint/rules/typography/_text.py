"""What the typography rules read: the prose a reader sees, at its place in the file.

`prose(doc)` is the document's text with everything that is not prose replaced by NUL
(line ends kept): code, math, HTML tags and the text of `<code>`-like elements, link
destinations, images, front matter, template tags, URLs, e-mail addresses, HTML entities and
the backslash of an escape. Offsets are the file's, so a rule searches it with ordinary patterns and
reports exact columns; a pattern never matches across something that was blanked. Each inline
block (paragraph, list item text, heading, table cell) is one `Block`, its start and end.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from artlint import data
from artlint.findings import Diagnostic
from artlint.lazyre import lazy
from artlint.rules.duplicate._prose import closes_element, opens_code_element, templated_code
from artlint.spans import SpanSet
from artlint.urls import TEXT_URL, trim_url, unescape_markdown, unmatched_close

INLINE_BLOCKS = ("paragraph", "block_text", "heading", "table_cell")
HIDDEN = "\x00"

# Han characters (with the compatibility and extension B-F planes) and Japanese kana: the
# scripts written without spaces and with full-width punctuation. Hangul is not among them:
# Korean puts spaces between words and uses ASCII punctuation.
HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Full-width punctuation and the marks Chinese text shares with English typesetting.
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u201c\u201d\u2018\u2019\u2026\u2014\u00b7"
HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"

# Not prose, though the parser keeps it as text: URLs, e-mail addresses, entities, escapes,
# template tags the site's generator was not known to expand ({{< x >}}, {% x %}, {{ x }}).
_NOT_PROSE = lazy(
    r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\(?=[!-/:-@\[-`{-~])"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|\{\{.{0,500}?\}\}|\{%.{0,500}?%\}"
)


_HAN_CHAR = lazy(f"[{HAN}]")


# Findings of one rule in one file past which the rest are summed up in one: a file of a
# million "中," is not an article to correct mark by mark, and each finding costs time.
MOST_FINDINGS = 1000


_KANA = lazy("[\u3041-\u309f\u30a0-\u30ff]")
_JAPANESE_SHARE = 0.1  # kana among the Han and kana characters from which a text is Japanese


def japanese(text: str) -> bool:
    """Whether a text is Japanese: kana among its Han characters. Japanese writes 、。 and
    often a half-width colon after a label (`型: string`): Chinese punctuation is not its rule."""
    if _KANA.search(text) is None:
        return False
    kana = len(_KANA.findall(text))
    return kana >= _JAPANESE_SHARE * (kana + len(_HAN_CHAR.findall(text)))


_HANGUL_CHAR = lazy(f"[{HANGUL}]")


def korean(text: str) -> bool:
    """Whether a text is Korean: at least as many Hangul syllables and letters as Han
    characters. Korean puts ASCII punctuation after words, a Hanja (`메모리 多.`) among them."""
    if _HANGUL_CHAR.search(text) is None:
        return False
    return len(_HANGUL_CHAR.findall(text)) >= len(_HAN_CHAR.findall(text))


def at_most(findings: Iterable[Diagnostic], what: str) -> Iterator[Diagnostic]:
    """The findings, the first `MOST_FINDINGS` of them, then one that says there are more."""
    for count, finding in enumerate(findings):
        if count == MOST_FINDINGS:
            message = f"more {what} from here on are not reported: this file has over {MOST_FINDINGS}"
            yield replace(finding, message=message, fix=None, related=())
            return
        yield finding


class Block(NamedTuple):
    start: int
    end: int
    type: str


def prose(doc) -> str:
    """The document's prose with everything else blanked to NUL (see the module's docstring)."""
    return doc.memo("typography-prose", lambda: _build(doc))[0]


def blocks(doc) -> list[Block]:
    """The inline blocks whose text is prose, in document order."""
    return doc.memo("typography-prose", lambda: _build(doc))[1]


def _build(doc):
    text = doc.text
    base = doc.prose_text  # code, math, comments and front matter already blanked (to spaces)
    code = templated_code(text, doc.body_offset)
    spans: list[tuple[int, int]] = []
    found: list[Block] = []
    examples = _counter_examples(doc)
    for block in doc.nodes(*INLINE_BLOCKS):
        if block.start in code or (examples and block.start in examples):
            continue
        before = len(spans)
        _text_spans(doc, block, spans)
        if len(spans) > before:
            found.append(Block(block.start, block.end, block.type))
    spans.sort()
    hidden = _hidden(text)  # once for the whole text: one pass, then slices of it
    pieces = []
    last = 0
    for start, end in spans:
        if start < last:
            start = last
        if end <= start:
            continue
        pieces.append(hidden[last:start])
        pieces.append(base[start:end])
        last = end
    pieces.append(hidden[last:])
    result = "".join(pieces)
    if "&" in result or "\\" in result or "@" in result or "{" in result:
        result = _NOT_PROSE.sub(lambda m: HIDDEN * len(m.group()), result)
    if "://" in result or "www." in result:
        result = TEXT_URL.sub(_hidden_url, result)
    if ";" in result:
        result = _without_statements(text, result, doc.body_offset)
    found.sort()
    return result, found


# A line of a program pasted into a paragraph without a fence (`System.out.println("正在初始化。。");`,
# `osw = new OutputStreamWriter(fos); // 注意。。。`): it ends with a semicolon, a comment after it
# or not, and outside its string literals it is a call written in ASCII. Its strings and comment
# are the program's text, not the article's.
_STATEMENT_END = lazy(r";[ \t]*(?://[^\n]*)?$", re.M)
_STRING_LITERAL = lazy(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
_CALL = lazy(r"[A-Za-z_$][\w$]*\s*\(")


def _without_statements(text: str, prose: str, start: int) -> str:
    """`prose` with the lines that are program statements blanked (see `_STATEMENT_END`)."""
    spans = []
    for end in _STATEMENT_END.finditer(text, start):
        line_start = text.rfind("\n", 0, end.start()) + 1
        code = _STRING_LITERAL.sub("", text[line_start : end.start()])
        if _CALL.search(code) and not _HAN_CHAR.search(code) and HIDDEN * (end.end() - line_start) != prose[line_start : end.end()]:
            spans.append((line_start, end.end()))
    if not spans:
        return prose
    pieces, last = [], 0
    for line_start, line_end in spans:
        pieces += [prose[last:line_start], HIDDEN * (line_end - line_start)]
        last = line_end
    return "".join(pieces) + prose[last:]


def _counter_examples(doc) -> SpanSet | None:
    """The block quotes that follow a line ending with a label of what not to write
    (`错误：`, `Wrong:`), and those right after them: a style guide's examples of wrong
    punctuation, wrong on purpose."""
    quotes = sorted(doc.nodes("block_quote"), key=lambda node: node.start)
    if not quotes:
        return None
    labels = _counter_example_labels()
    text = doc.text
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        previous_end = quote.start
        while previous_end > 0 and text[previous_end - 1].isspace():
            previous_end -= 1  # the end of the line before, blank lines skipped (no copy of the text before)
        previous = text[text.rfind("\n", 0, previous_end) + 1 : previous_end].strip()
        label = previous.rstrip(":：").strip(" *_#-").lower()
        after_an_example = bool(spans) and previous.startswith(">") and spans[-1][1] >= previous_end
        if label in labels or after_an_example:
            spans.append((quote.start, quote.end))
    return SpanSet(spans) if spans else None


@lru_cache(maxsize=1)
def _counter_example_labels() -> frozenset[str]:
    return frozenset(label.lower() for label in data.load("typography")["counter-examples"]["labels"])


def _hidden_url(match) -> str:
    """A URL found in text, blanked; it ends before a Chinese character, and without the
    punctuation or unbalanced bracket that follows it in the sentence."""
    found = match.group()
    han = _HAN_CHAR.search(found)
    url = (found[: han.start()] if han else found).split("](")[0]
    cut = unmatched_close(url)  # "(https://x.org/a)to learn": the bracket closes the sentence's
    url = trim_url(url[:cut] if cut is not None else url)
    return HIDDEN * len(url) + found[len(url) :]


def _hidden(text: str) -> str:
    """Every character NUL but the line ends (a line at a time: ten times a regex's speed)."""
    return "\n".join(HIDDEN * len(line) for line in text.split("\n"))


def _text_spans(doc, block, spans) -> None:
    """Adds the offsets of the block's text that is prose as written: not in an image, an
    automatic link, or the text of an inline `<code>`; not rewritten by the parser beyond its
    escapes and entities. The parser splits text at an escape and its offsets after one are
    not exact, so a run of text nodes side by side is taken whole, when it reads as written."""
    text = doc.text
    open_code: list[str | None] = [None]

    def visit(children) -> None:
        run: list = []
        for node in [*children, None]:
            if node is not None and node.type == "text":
                run.append(node)
                continue
            if run:
                if len(run) == 1:  # the usual case, without the generators
                    start, end, raw = run[0].start, run[0].end, run[0].raw
                else:
                    start, end = run[0].start, max(item.end for item in run)
                    raw = "".join(item.raw for item in run)
                written = text[start:end]
                if open_code[0] is None and end > start and (written == raw or _as_parsed(written) == raw):
                    spans.append((start, end))
                run = []
            if node is None:
                continue
            if node.type == "inline_html":
                if open_code[0] is None:
                    open_code[0] = opens_code_element(node.raw)
                elif closes_element(node.raw, open_code[0]):
                    open_code[0] = None
            elif node.type not in ("image", "codespan", "inline_math") and not node.attrs.get("autolink"):
                visit(node.children)

    visit(block.children)


def _as_parsed(written: str) -> str:
    """What the parser makes of text: escapes and entities resolved."""
    written = unescape_markdown(written)
    if "&" in written:
        written = html.unescape(written)
    return written

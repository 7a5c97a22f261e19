"""Where duplicate-word may look for words: the prose of raw HTML, and not the code that
template tags mark as such.

A raw HTML block (`<ul><li>…</li></ul>`, `<p>…</p>`) holds prose between its tags, but the
text of `<code>`, `<pre>`, `<script>`, `<style>` and their kin is code, as is that of an element
styled in a monospaced font (a highlighter's output pasted as HTML), and attributes are markup.
A `{% highlight %}` or `{{< highlight >}}` block is code whether or not the site's generator is
known (a single file checked alone is parsed without its templates expanded).
"""

from __future__ import annotations

import re
from typing import Iterator

from artlint.lazyre import lazy
from artlint.spans import SpanSet
from artlint.templating import CODE_BLOCK_TAGS

# Elements whose text is code, data or not shown: never prose.
CODE_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "var", "tt", "script", "style", "textarea", "math", "svg", "template"})
# A tag ends at the next ">" and never spans a "<" (nor a line's worth of a template tag), so
# that a block of a million unclosed "<a" or "{% highlight" is read in linear time.
_HTML_TOKEN = lazy(r"<!--.*?(?:-->|$)|<(/?)([a-zA-Z][\w:-]{0,50})[^<>]{0,4000}>", re.S)
_TEMPLATE_TAG = lazy(
    rf"\{{%-?\s*(end)?({'|'.join((*CODE_BLOCK_TAGS, 'raw'))})\b[^\n%]{{0,500}}%\}}"
    r"|\{\{[<%]\s*(/)?\s*(highlight|code|codeblock)\b[^\n]{0,500}?[>%]\}\}"
)


def html_prose(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch of text between the tags of text[start:end] that is shown
    as prose: not in a comment, a tag, an element of code, or a backtick code span (which MDX
    reads as code inside a component: `docker run python python` in a `<TLDR>`, and
    which quotes code wherever it is shown as written)."""
    for lower, upper in _html_prose(text, start, end):
        yield from _outside_code_spans(text, lower, upper)


# A code span on one line, bounded so that a line of unmatched backticks is read in linear time.
_CODE_SPAN = lazy(r"(`+)[^`\n]{1,1000}?\1(?!`)")


def _outside_code_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if text.find("`", start, end) < 0:
        yield start, end
        return
    position = start
    for span in _CODE_SPAN.finditer(text, start, end):
        if span.start() > position:
            yield position, span.start()
        position = span.end()
    if position < end:
        yield position, end


# An element styled in a monospaced font: code pasted from a highlighter (GeSHi's `<div
# class="java" style="font-family:monospace;">`, an editor's copy as HTML).
_MONOSPACED = lazy(r"""\bstyle\s*=\s*["'][^"'<>]*\bfont(?:-family)?\s*:[^;"'<>]*\b(?:monospace|courier|consolas|menlo|monaco)\b""", re.I)
_VOID_ELEMENTS = frozenset({"br", "img", "hr", "input", "meta", "link", "area", "col", "wbr", "source", "embed", "param", "track", "base"})


def _html_prose(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    inside: list[str] = []  # open code elements, and the elements of their names opened inside them
    position = start
    for token in _HTML_TOKEN.finditer(text, start, end):
        if not inside and token.start() > position:
            yield position, token.start()
        position = token.end()
        name = (token.group(2) or "").lower()
        if not name or token.group(0).endswith("/>") or name in _VOID_ELEMENTS:
            continue
        if token.group(1):  # a closing tag
            if name in inside:
                del inside[len(inside) - 1 - inside[::-1].index(name) :]
        elif name in CODE_ELEMENTS or name in inside or _MONOSPACED.search(token.group(0)):
            inside.append(name)  # an element of a code element's name inside it is counted, so that its end closes it
    if not inside and position < end:
        yield position, end


def opens_code_element(html: str) -> str | None:
    """The name of the code element an inline tag opens (`<code>`), or None."""
    match = _HTML_TOKEN.fullmatch(html.strip())
    if match is None or match.group(2) is None or match.group(1) or html.rstrip().endswith("/>"):
        return None
    name = match.group(2).lower()
    return name if name in CODE_ELEMENTS else None


def closes_element(html: str, name: str) -> bool:
    match = _HTML_TOKEN.fullmatch(html.strip())
    return match is not None and bool(match.group(1)) and (match.group(2) or "").lower() == name


def templated_code(text: str, start: int) -> SpanSet:
    """The spans of Liquid and shortcode blocks of code (`{% highlight %}`…`{% endhighlight %}`,
    `{{< highlight go >}}`…`{{< /highlight >}}`) and `{% raw %}` blocks, from `start` on."""
    if "{%" not in text and "{{" not in text:
        return SpanSet(())
    spans = []
    opened: tuple[str, int] | None = None  # the name and start of the open block
    for tag in _TEMPLATE_TAG.finditer(text, start):
        closing = bool(tag.group(1) or tag.group(3))
        name = tag.group(2) or tag.group(4)
        if opened is None and not closing:
            opened = (name, tag.start())
        elif opened is not None and closing and name == opened[0]:
            spans.append((opened[1], tag.end()))
            opened = None
    return SpanSet(spans)

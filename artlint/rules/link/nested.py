import bisect
import re

from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule

_ANCHOR_CLOSE = lazy(r"</a\s*>", re.I)
# How far an HTML anchor's text and the brackets around a link are looked for: a link's text is
# a phrase, and a page of 20,000 links must not be searched far once per link.
_REACH = 1_000
_WRAP_REACH = 200
_BRACKET = lazy(r"\\*[\[\]]")


class LinkNested(DocumentRule):
    """A link inside the text of another link.

    ## What it finds
    A link written inside another link's text: an HTML anchor in a markdown link
    (`[<a href="…">the paper</a>](#)`), a markdown link in an HTML anchor
    (`<a href="…">[the paper](…)</a>`), one HTML anchor in another, and a markdown link
    wrapped in the brackets of another (`[[the paper](…)](…)`). An image inside a link is
    not a link, so a linked picture (`[![logo](logo.png)](https://…)`) is fine, and so is a
    link in an image's text (`![a chart from [the benchmark](…)](chart.svg)`), which figure
    plugins show as the caption. On a Hexo site that marked renders, `[[text](a)](a)` makes
    two nested anchors to one address, which the browser splits into a link that still leads
    there: not reported; to two addresses it is. An HTML anchor left open in a table's cell
    ends with the cell, as it does in the browser: a link in a later cell is not inside it.

    ## Why it matters
    HTML forbids a link inside a link, and CommonMark renderers (Hugo, Zola, markdown-it,
    GitHub) do not make one: in `[[a](b)](c)` the inner link wins and the outer one is shown
    as text, brackets and address included. Where raw HTML makes the nesting, browsers close
    the outer link before the inner one, so the reader gets two links, one of them empty or
    leading somewhere the text does not say. It usually comes from a converter or an editor
    that wrapped an already linked phrase.

    ## Example

        Read [<a href="https://example.org/paper">the paper</a>](#) first.

    reports `link inside another link: the HTML anchor to https://example.org/paper is inside
    the markdown link to #; a page cannot nest links, keep one`.
    """

    name = "link-nested"
    family = "link"
    severity = Severity.WARNING

    def check(self, doc, options):
        links = sorted((link for link in doc.links if not link.is_image and link.kind not in ("definition", "reference")), key=lambda link: link.start)
        starts = [link.start for link in links]
        reported: set[int] = set()
        for outer in links:
            lower, upper = _text_span(doc.text, outer)
            first = bisect.bisect_right(starts, lower - 1)
            for inner in links[first : bisect.bisect_left(starts, upper)]:
                if inner is not outer and inner.start not in reported:
                    reported.add(inner.start)
                    yield doc.diagnostic(_message(inner, outer), inner.start, inner.end)
        marked = doc.site is not None and doc.site.generator == "hexo" and not doc.site.markdown_it and not doc.site.pandoc
        for inner in links:
            if inner.kind == "inline" and inner.start not in reported:
                outer_url = _wrapping_brackets(doc.text, inner)
                if outer_url is not None and marked and outer_url.strip() == inner.url.strip():
                    continue  # marked nests the two anchors, both to one address: the browser's split link leads there
                if outer_url is not None:
                    yield doc.diagnostic(
                        f"link inside the brackets of another link: the link to {inner.url} is made, and the brackets around it and"
                        f" ({outer_url}) after them show as text; a page cannot nest links, keep one",
                        inner.start,
                        inner.end,
                    )


def _text_span(text: str, link) -> tuple[int, int]:
    """Where a link's text is: inside the brackets of a markdown link (before its
    destination), between an HTML anchor's opening tag and its `</a>`."""
    if link.kind == "html":
        close = _ANCHOR_CLOSE.search(text, link.end, _cell_end(text, link.start) or min(len(text), link.end + _REACH))
        return (link.end, close.start()) if close else (link.end, link.end)
    if link.kind == "inline":
        return link.start + 1, max(link.start + 1, text.rfind("](", link.start, link.url_start + 1))
    return link.start, link.start  # an autolink's text is its address


def _cell_end(text: str, start: int) -> int | None:
    """Where the table cell that holds an HTML anchor ends, on a GFM table's row (a line that
    opens with `|`): an anchor left open there is closed with its cell, as browsers close it
    with `</td>`, and a link in a later cell is not inside it. None off a table row."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].lstrip(" \t").startswith("|"):
        return None
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    bar = _CELL_BAR.search(text, start, line_end)
    return bar.start() if bar else line_end


_CELL_BAR = lazy(r"(?<!\\)\|")


def _wrapping_brackets(text: str, link) -> str | None:
    """The destination of the markdown link whose brackets wrap `link` on its line
    (`[[a](b)](c)`, `[see [a](b) here](c)`): the renderer makes the inner one a link and shows
    the outer one's brackets and address as text."""
    line_end = text.find("\n", link.end, link.end + _WRAP_REACH)
    line_end = line_end if line_end >= 0 else min(len(text), link.end + _WRAP_REACH)
    close = text.find("](", link.end, line_end)
    if close < 0:
        return None  # the common case, asked first: nothing after the link could close brackets
    line_start = max(text.rfind("\n", max(0, link.start - _WRAP_REACH), link.start) + 1, link.start - _WRAP_REACH)
    opening = _unmatched(_BRACKET.finditer(text, line_start, link.start), reversed_order=True)
    if opening is None or text[opening - 1 : opening] == "!":
        return None  # `![a chart from [the benchmark](…)](chart.svg)`: an image's text, no link (a figure plugin may caption it)
    after = _unmatched(_BRACKET.finditer(text, link.end, line_end), reversed_order=False)
    if after is None or not text.startswith("](", after):
        return None
    destination_end = text.find(")", after + 2, line_end)
    return text[after + 2 : destination_end] if destination_end > after + 2 else None


def _unmatched(brackets, reversed_order: bool) -> int | None:
    """The first bracket, read outward from the link, that no bracket between it and the link
    balances: a `[` before the link, a `]` after it. Escaped brackets are text."""
    opening, closing = ("]", "[") if reversed_order else ("[", "]")
    depth = 0
    for match in reversed(list(brackets)) if reversed_order else brackets:
        if len(match.group()) % 2 == 0:
            continue  # an odd number of backslashes before it: `\[` is a literal bracket
        char = match.group()[-1]
        if char == opening:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return match.end() - 1
    return None


def _message(inner, outer) -> str:
    return f"link inside another link: {_described(inner)} is inside {_described(outer)}; a page cannot nest links, keep one"


def _described(link) -> str:
    kind = "the HTML anchor" if link.kind == "html" else "the markdown link"
    return f"{kind} to {link.url}"


import re

from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule
from artlint.spans import SpanSet
from artlint.urls import TEXT_URL, trim_url

_SHORTCODE_OPEN = lazy(r"\{\{[<%]")
# What is left of a link that did not parse: `\[text\](`, `] (`, `[label]: ` followed by the URL.
_BROKEN_LINK_BEFORE = lazy(r"(?:\\?\][ \t]*\(|^[ \t]*\[[^\]\n]+\]:[ \t]*|\bhref=[\"']?)$", re.M)
_SHORTCODE_CLOSE = lazy(r"[%>]\}\}")


def _shortcodes(text: str) -> list[tuple[int, int]]:
    """Spans of Hugo shortcodes `{{< ... >}}` and `{{% ... %}}`; once one is never closed, no
    later one is (`\\{\\{[<%].*?[%>]\\}\\}` searched to the end again from each opener)."""
    spans = []
    position = 0
    while opening := _SHORTCODE_OPEN.search(text, position):
        closing = _SHORTCODE_CLOSE.search(text, opening.end())
        if closing is None:
            break
        spans.append((opening.start(), closing.end()))
        position = closing.end()
    return spans


class BareUrl(DocumentRule):
    r"""A URL written as plain text instead of a link.

    ## What it finds
    `http://`, `https://`, `ftp://` and `www.` addresses in running text that are not a link,
    not an `<autolink>`, not inside code, HTML or a Hugo shortcode. Sentence punctuation after
    the URL (ASCII or CJK) is not part of it. On sites whose renderer links bare URLs itself
    (Hugo's goldmark `linkify`, on unless the site turns it off; Hexo's marked; Docusaurus;
    VitePress) only URLs left by link markup that did not parse are reported (`\[text\](url`,
    `[text] (url`, a reference definition broken by a space); Jekyll's kramdown, Zola and MkDocs
    leave every bare URL as text.

    ## Why it matters
    Some renderers leave a bare URL as dead text, others link it with the URL itself as the
    anchor text. Either way the reader gets no idea where it leads; imported articles often
    carry their source this way. Write a link with a description, or `<https://...>`.

    ## Example

        来源：https://news.example.org/article/123.html

    reports `bare URL: write it as a link, [text](https://news.example.org/article/123.html)`.
    """

    name = "bare-url"
    family = "link"
    severity = Severity.WARNING

    def check(self, doc, options):
        autolinked = doc.site is not None and doc.site.autolinks  # the renderer links bare URLs
        text = doc.prose_text
        if "://" not in text and "www." not in text:
            return
        covered = SpanSet(
            [(link.start, link.end) for link in doc.links]
            + [(node.start, node.end) for node in doc.nodes("inline_html", "block_html")]
            + _shortcodes(text)
        )
        for match in TEXT_URL.finditer(text, doc.body_offset):
            start, url = match.start(), trim_url(match.group(0))
            if start in covered:
                continue
            if _BROKEN_LINK_BEFORE.search(text, max(doc.body_offset, start - 40), start):
                yield doc.diagnostic(f"link markup broken before {url}: the URL shows as text", start, start + len(url))
            elif not autolinked:
                yield doc.diagnostic(f"bare URL: write it as a link, [text]({url})", start, start + len(url))


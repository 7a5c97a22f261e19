"""Every link and image of a document, whatever its syntax, with the URL exactly as written.

Inline links, reference links (with their definitions), autolinks, raw HTML `<a href>` and
`<img src>`, and the reference definitions themselves. Links inside code or HTML comments
are not links. URLs keep the form the author wrote (mistune percent-encodes them); the
place of the URL in the file is kept too, so findings can point at it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Iterator, Protocol
from urllib.parse import urlsplit

from artlint.lazyre import lazy
from artlint.spans import SpanSet
from artlint.templating import includes_another_file

if TYPE_CHECKING:
    from artlint.markdown import Node
    from artlint.sites import Site

# An attribute's quoted value may hold `>` (`alt="Admin > Settings"`): the tag goes on after it.
_HTML_TAG = lazy(r"""<(a|img)\b((?:[^<>"']|"[^"]{0,4000}"|'[^']{0,4000}')*)>""", re.I)
# A name is looked for only from the start of a run of name characters (the run's leading
# digits, "-" and "." skipped): from every letter of a run of 50 KB that is no attribute,
# the search ran to the run's end again (42 s).
_HTML_ATTR = lazy(r"""(?<![-a-zA-Z0-9_:.])[-0-9.]*([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAG_TEXT = lazy(r"<[^>]*>")
_QUOTED = lazy(r"\"[^\"]*\"|'[^']*'")
# `<img src="x.png" alt width="16">`: an attribute without a value is an empty one (HTML).
_BARE_ALT = lazy(r"(?<![-\w:.])alt(?![-\w:.])(?!\s*=)", re.I)


def _valueless_alt(attributes: str) -> bool:
    """Whether a tag's attributes hold `alt` without a value, which HTML reads as `alt=""`."""
    return "alt" in attributes.lower() and _BARE_ALT.search(_QUOTED.sub('""', attributes)) is not None


class ParsedText(Protocol):
    """What links are read from: a parsed document. artlint.document.Document is one; this
    module does not import it, since the document imports this module for its `links`."""

    @property
    def text(self) -> str: ...

    @property
    def definitions(self) -> list[Node]: ...

    @property
    def non_prose_ranges(self) -> list[tuple[int, int]]: ...

    @property
    def site(self) -> "Site | None": ...

    def nodes(self, *types: str) -> Iterator[Node]: ...

    def memo(self, key: str, compute): ...


@dataclass(frozen=True)
class Link:
    kind: str  # "inline", "reference", "autolink", "html", "definition"
    is_image: bool
    url: str  # as written (HTML entities decoded in raw HTML)
    text: str  # anchor text, or alt text of an image
    start: int  # offsets of the whole markup in the document text
    end: int
    url_start: int  # offsets of the URL as written (in the definition, for reference links)
    url_end: int
    label: str | None = None  # reference label
    title: str | None = None
    decorative: bool = False  # an HTML image with alt="" or hidden from screen readers: deliberately no text
    contains_image: bool = False  # a link whose content is (or holds) an image
    labelled: bool = False  # an HTML anchor named by an attribute (aria-label...) rather than by its text

    @cached_property
    def host(self) -> str:
        try:
            return (urlsplit(self.url).hostname or "").lower()
        except ValueError:
            return ""

    @property
    def scheme(self) -> str:
        match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", self.url)
        return match.group(1).lower() if match else ""


def extract_links(doc: ParsedText, keep_unused: bool = False) -> list[Link]:
    """Every link of the document. Rules that judge a URL itself should skip "reference" uses:
    the URL is written, and reported, in its "definition" (an image's when only images use it).
    A definition that no reference uses is no link: the page shows nothing of it (but with
    `keep_unused`, for a block that pages include: the page's other blocks may use it)."""
    definitions = _definitions(doc)
    first_by_key: dict[str, Link] = {}
    for key, definition in definitions:
        first_by_key.setdefault(key, definition)
    links: list[Link] = []
    image_uses: dict[int, set[bool]] = {}
    for node in doc.nodes("link", "image"):
        if _label_of_a_reference(doc, node):
            continue  # `[CTV][topic ctv](BIP119)`: with the included definitions, `[topic ctv]` is the label, `(BIP119)` text
        link = _markdown_link(doc, node, first_by_key)
        if link is not None:
            links.append(link)
            if link.kind == "reference":
                image_uses.setdefault(link.url_start, set()).add(link.is_image)
    for _, definition in definitions:
        if definition.url_start not in image_uses and not keep_unused:
            continue  # a definition nothing uses (or a second one of a label) renders nothing
        if image_uses.get(definition.url_start) == {True}:
            definition = replace(definition, is_image=True)
        links.append(definition)
    links.extend(_html_links(doc))
    links.sort(key=lambda link: (link.start, link.kind))
    return links


def _label_of_a_reference(doc: ParsedText, node: "Node") -> bool:
    """An inline link right after `]` on a page that includes its definitions: the renderer,
    which sees them, reads `[text][label]` as a reference and `(x)` as text. (Whether the page
    includes another file is asked only here, where it matters.)"""
    return node.type == "link" and doc.text[node.start - 1 : node.start] == "]" and "ref" not in node.attrs and includes_another_file(doc)


def _definitions(doc: ParsedText) -> list[tuple[str, Link]]:
    result = []
    for node in doc.definitions:
        markup = doc.text[node.start : node.end]
        colon = markup.find("]:")
        position = colon + 2
        while position < len(markup) and markup[position] in " \t\n":
            position += 1
        url = node.attrs["url"]
        if markup.startswith("<", position):
            position += 1
        url_start = node.start + position
        link = Link(
            "definition", False, url, "", node.start, node.end, url_start, url_start + len(url),
            node.attrs["label"], node.attrs.get("title"),
        )
        result.append((node.attrs["key"], link))
    return result


def _markdown_link(doc: ParsedText, node: "Node", definitions: dict[str, Link]) -> Link | None:
    markup = doc.text[node.start : node.end]
    image = node.type == "image"
    text = node.text.strip()
    if node.attrs.get("autolink"):
        url = markup[1:-1]
        if "@" in url and ":" not in url and str(node.attrs.get("url", "")).startswith("mailto:"):
            url = "mailto:" + url  # `<express@5.x>` is an e-mail autolink, not a relative path
        return Link("autolink", False, url, text, node.start, node.end, node.start + 1, node.end - 1)
    if "ref" in node.attrs:
        definition = definitions.get(node.attrs["ref"])
        if definition is None:
            return None
        return Link(
            "reference", image, definition.url, text, node.start, node.end,
            definition.url_start, definition.url_end, node.attrs.get("label"), definition.title,
            contains_image=any(child.type == "image" for child in node.walk() if child is not node),
        )
    contains_image = any(child.type == "image" for child in node.walk() if child is not node)
    span = _destination_span(markup)
    if span is None:
        url_start = url_end = node.end
        url = node.attrs.get("url", "")
    else:
        url_start, url_end = node.start + span[0], node.start + span[1]
        url = doc.text[url_start:url_end]
    return Link(
        "inline", image, url, text, node.start, node.end, url_start, url_end, None, node.attrs.get("title"),
        contains_image=contains_image,
    )


def unlink_ranges(doc: ParsedText, link: Link) -> list[tuple[int, int]] | None:
    """The ranges to delete so that a link becomes its own text (`[肿瘤](url)` and `[肿瘤][ref]`
    become `肿瘤`, `<a href="...">肿瘤</a>` too), keeping the text's own markup; None when
    that cannot be done for certain (autolinks, links around images, unclosed HTML anchors)."""
    if link.contains_image or link.is_image:
        return None
    if link.kind in ("inline", "reference"):
        close = _label_end(doc.text[link.start : link.end])
        if close is None or not doc.text.startswith("[", link.start):
            return None
        return [(link.start, link.start + 1), (link.start + close, link.end)]
    if link.kind == "html":
        closing = _CLOSING_ANCHOR.search(doc.text, link.end, link.end + 2000)
        if closing is None or _OPENING_ANCHOR.search(doc.text, link.end, closing.start()):
            return None
        return [(link.start, link.end), (closing.start(), closing.end())]
    return None


def definition_line_range(doc: ParsedText, link: Link) -> tuple[int, int] | None:
    """The whole lines of a reference definition, with their line end; None when the
    definition shares a line with other text."""
    text = doc.text
    line_start = text.rfind("\n", 0, link.start) + 1
    if text[line_start : link.start].strip(" \t>"):
        return None
    newline = text.find("\n", max(link.end - 1, link.start))
    end = len(text) if newline < 0 else newline + 1
    if text[link.end : end].strip():
        return None
    return line_start, end


_CLOSING_ANCHOR = lazy(r"</a\s*>", re.I)
_OPENING_ANCHOR = lazy(r"<a[\s>]", re.I)


def _label_end(markup: str) -> int | None:
    """The index of the `]` that closes the label `[...]` at the start of the markup."""
    depth = 0
    index = 0
    length = len(markup)
    while index < length:
        char = markup[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            run = len(markup) - index - len(markup[index:].lstrip("`"))
            close = markup.find("`" * run, index + run)
            index = close + run if close >= 0 else index + run
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _destination_span(markup: str) -> tuple[int, int] | None:
    """(start, end) of the destination in `[text](destination "title")`, relative to the markup."""
    index = _label_end(markup)
    if index is None:
        return None
    length = len(markup)
    if not markup.startswith("(", index + 1):
        return None
    start = index + 2
    while start < length and markup[start] in " \t\n":
        start += 1
    if markup.startswith("<", start):
        end = markup.find(">", start + 1)
        return (start + 1, end) if end > start else None
    end = start
    parens = 0
    while end < length:
        char = markup[end]
        if char == "\\":
            end += 2
            continue
        if char in " \t\n":
            break
        if char == "(":
            parens += 1
        elif char == ")":
            if parens == 0:
                break
            parens -= 1
        end += 1
    return start, min(end, length)


_HTML_CODE_OPEN = lazy(r"<(pre|code|script|style)\b", re.I)
_HTML_CODE_CLOSE = {name: lazy(rf"</{name}\s*>", re.I) for name in ("pre", "code", "script", "style")}


def _html_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each <pre>, <code>, <script> and <style> element in text[start:end], as
    `<(pre|code|script|style)\\b.*?</\\1\\s*>` finds them; a name that is never closed is not
    searched for again (the regex searched to `end` from each of its openers)."""
    found = []
    unclosed: set[str] = set()
    position = start
    while opening := _HTML_CODE_OPEN.search(text, position, end):
        name = opening.group(1).lower()
        closing = None if name in unclosed else _HTML_CODE_CLOSE[name].search(text, opening.end(), end)
        if closing is None:
            unclosed.add(name)
            position = opening.start() + 1
            continue
        found.append((opening.start(), closing.end()))
        position = closing.end()
    return found


def _html_links(doc: ParsedText) -> list[Link]:
    found: list[Link] = []
    if doc.site is not None and doc.site.drops_raw_html:
        return found  # Hugo's goldmark leaves raw HTML out of the page (`<!-- raw HTML omitted -->`)
    not_prose = SpanSet(
        doc.non_prose_ranges
        + [span for node in doc.nodes("block_html") for span in _html_code(doc.text, node.start, node.end)]
    )
    for node in doc.nodes("inline_html", "block_html"):
        for tag in _HTML_TAG.finditer(doc.text, node.start, node.end):
            if tag.start() in not_prose:
                continue  # in a comment, or in highlighted code (<pre>, <code>) where links are decoration
            name = tag.group(1).lower()
            attributes = {m.group(1).lower(): m for m in _HTML_ATTR.finditer(tag.group(2))}
            wanted = "href" if name == "a" else "src"
            attribute = attributes.get(wanted)
            if attribute is None:
                continue
            group = next(i for i in (2, 3, 4) if attribute.group(i) is not None)
            url_start = tag.start(2) + attribute.start(group)
            raw = attribute.group(group)
            if group == 4 and raw.startswith("{"):
                # MDX's JSX expression (`src={require('./a.png').default}`): a URL made at build
                # time, nothing to check; the element is still an image or a link for its text.
                raw = ""
            contains_image = False
            if name == "a":
                text, contains_image = _anchor_text(doc.text, tag.end(), node.end if node.type == "block_html" else None)
            else:
                alt = attributes.get("alt")
                text = html.unescape(next(alt.group(i) for i in (2, 3, 4) if alt.group(i) is not None)) if alt else ""
            # `alt=" "` too: screen readers skip an image whose text is only spaces, as they skip `alt=""`.
            decorative = name == "img" and not text.strip() and ("alt" in attributes or _valueless_alt(tag.group(2)) or _hidden_from_readers(attributes))
            labelled = name == "a" and any(_attribute_value(attributes.get(key)).strip() for key in _NAMING_ATTRIBUTES)
            found.append(
                Link(
                    "html", name == "img", _attribute_url(raw), text, tag.start(), tag.end(),
                    url_start, url_start + len(raw), decorative=decorative, contains_image=contains_image,
                    labelled=labelled,
                )
            )
    return found


def _attribute_url(raw: str) -> str:
    """The URL an `href` or `src` attribute gives: character references read, and tabs and
    line breaks dropped, as browsers' URL parser drops them (a path broken over two lines
    still loads), and the spaces around it."""
    value = html.unescape(raw)
    if "\n" in value or "\t" in value or "\r" in value:
        value = value.replace("\n", "").replace("\t", "").replace("\r", "")
    return value.strip()


def _hidden_from_readers(attributes: dict) -> bool:
    """`aria-hidden="true"`, `role="presentation"` or `role="none"`: an image that screen
    readers skip on purpose (a logo beside the name it shows), as decorative as `alt=""`; or
    one named otherwise: `aria-label`, or `aria-labelledby` (another element's text, its
    figure's caption)."""
    return (
        _attribute_value(attributes.get("aria-hidden")).strip().lower() == "true"
        or _attribute_value(attributes.get("role")).strip().lower() in ("presentation", "none")
        or any(_attribute_value(attributes.get(name)).strip() for name in ("aria-labelledby", "aria-label"))
    )


# The attributes that give an anchor its accessible name when it has no text (an icon link).
_NAMING_ATTRIBUTES = ("aria-label", "aria-labelledby", "title")


def _attribute_value(attribute: "re.Match[str] | None") -> str:
    if attribute is None:
        return ""
    return next((value for value in attribute.group(2, 3, 4) if value is not None), "")


def _anchor_text(text: str, after: int, limit: int | None) -> tuple[str, bool]:
    """The text of an HTML anchor up to its `</a>`, and whether it holds an image (a picture, a
    video, a drawing: what a reader sees in the link's place)."""
    end = text.find("</a", after, limit if limit is not None else after + 2000)
    if end < 0:
        end = min(len(text), after + 200)
    inner = text[after:end]
    return html.unescape(_TAG_TEXT.sub("", inner)).strip(), _VISUAL_ELEMENT.search(inner) is not None


_VISUAL_ELEMENT = lazy(r"<(?:img|picture|video|svg|canvas)\b", re.I)

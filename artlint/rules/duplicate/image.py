"""duplicate-image: the same picture shown twice in one article."""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Iterator
from urllib.parse import unquote, urlsplit

from artlint import data
from artlint.findings import Related, Severity
from artlint.lazyre import lazy
from artlint.links import Link
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.rules.duplicate._units import bold_headings, section_starts
from artlint.rules.image._demonstrations import shown_with_source
from artlint.rules.image.unreachable import shortcode_images
from artlint.spans import SpanSet
from artlint.templating import paired_spans, template_block_spans

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.markdown import Node

_DATA = data.load("duplicates")["duplicate-image"]
_IMG_TAG = lazy(r"<img\b[^<>]*>", re.I)
_ANY_TAG = lazy(r"<!--.*?-->|</?[a-zA-Z][^<>]*>", re.S)
# What may stand on an image's line besides it: the markers of a list item or a quote, and
# attribute lists after it (kramdown `{: width="50%"}`, Pandoc `{width=50%}`).
_LINE_PREFIX = lazy(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?[ \t>]*")
_BESIDE_AT_MOST = 500  # characters on the line before or after an image that stands alone
_ATTRIBUTE_LIST = lazy(r"[ \t]*\{:?[^{}\n]*\}[ \t]*")
# An image loaded late by a script shows `data-src`; its `src` is a placeholder that every
# image of the page shares.
_LAZY_SOURCE = lazy(r"""\bdata-(?:src|original|lazy-src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)

# A destination that starts with a template expression (`{{ site.baseurl }}/a.png`), which
# may go on over lines (`{{< static-path type=img` then `file=a.png >}}`).
_TEMPLATED_URL = lazy(r"(?:\{\{[^{}]{0,200}\}\}|\{%[^%]{0,200}%\}|[^\s()])+")
# Images that pages repeat on purpose: icons, avatars (a quoted person's picture by each
# quote), badges, logos, emoji; named so in their file name, class or alt text, or from a
# badge service.
_DECORATION = lazy(
    r"(?<![a-z])(?:icons?|favicon|avatars?|badges?|logos?|emoji|emoticons?|shields?|spacer|divider|separator|bullet)(?![a-z])"
    r"|//(?:img\.shields\.io|badgen\.net|badge\.fury\.io|travis-ci\.(?:org|com)|codecov\.io|coveralls\.io)/",
    re.I,
)
# An HTML image drawn small: `width="24"`, `height=32`, `style="width: 20px"`.
_SMALL = lazy(r"""\b(?:width|height)\s*(?:=\s*["']?|:\s*)(?:[1-9]|[1-9][0-9])(?:px)?(?![0-9%.])""", re.I)

# Containers whose images repeat on purpose: tabs (one per language or platform, each with its
# own copy of a screenshot), conditional text (`{% if lang == "en" %}`), tables (a status
# icon per row), spoilers. (opening, closing) patterns; a container may nest in another.
_CONTAINERS = (
    ("html-table", lazy(r"<table\b", re.I), lazy(r"</table\s*>", re.I)),
    ("details", lazy(r"<details\b", re.I), lazy(r"</details\s*>", re.I)),
    ("tabs", lazy(r"<(?:tabs|el-tabs|b-tabs|v-tabs|code-group)\b", re.I), lazy(r"</(?:tabs|el-tabs|b-tabs|v-tabs|code-group)\s*>", re.I)),
    ("colon-tabs", lazy(r"^[ \t]*(:{3,})[ \t]*(?:tabs|tab|code-group|group)\b", re.M), None),
)


class DuplicateImage(DocumentRule):
    """The same image shown twice in one article.

    ## What it finds
    An image that stands alone — on a line of its own, as a markdown image (`![..](src)`, by
    reference `![..][ref]`, or wrapped in a link), an HTML `<img src>` (one in its HTML
    block), or a Hugo `{{< figure src= >}}` — whose source is that of an earlier image of
    the same article that stands alone too. Sources are compared as written, with `./`,
    `..`, percent-encoding, the scheme and a `#fragment` not counted. The second (and every
    later) occurrence is reported, naming the line of the first.
    Only a repeat close to the one before is a slip: in the same section (no heading, and no
    paragraph that is one bold phrase, between them) and at most `max-blocks-between` blocks
    (8) after it. An image shown again under another heading or much further down is a
    reminder ("the diagram above, again"), and a cover picture at the top of an article is
    shown again where the text discusses it: neither is reported.
    Images repeated on purpose are not reported either: the same picture as the button of
    links to different pages (a placeholder portrait linked to each speaker's profile), icons
    and badges inside a sentence or a table, images side by side on one line, images of an HTML block that holds several
    (a logo in a header and a footer), images named or classed as icons, avatars, badges,
    logos or emoji, HTML images drawn smaller than 100 pixels, and images inside tabs
    (`{% tabs %}`, `<Tabs>`, `::: code-group`), conditional text (`{% if %}`), any other
    template block that lays out what it holds (a theme's `{% grouppicture %}` gallery, Hugo's
    `{{< gallery >}}…{{< /gallery >}}`), HTML tables and `<details>`; nor an image shown
    beside its own markdown in a code block just before or after it (a syntax guide's
    demonstration of the same picture with and without a title), nor the same picture laid out
    another way (`class="center"` then `class="right"`, `align`), nor a picture the article
    shows at three places or more with the same alt text (`refrain-places`; copies with only
    space between them are one place): an ornament between its sections, a running gag.

    Measured on 26 public sites and collections: 14 findings, 13 real (a screenshot pasted
    twice, a figure where the next one belonged).

    ## Why it matters
    A screenshot pasted twice while an article was being edited, or a figure inserted again
    where another was meant, shows the reader the same picture twice and usually hides the
    one that belonged there.

    ## Example

        ![The dashboard after the upgrade](img/dashboard.png)
        ...
        ![The settings page](img/dashboard.png)

    reports the second: `image repeats the one on line 3`.
    """

    name = "duplicate-image"
    family = "duplicate"
    severity = Severity.WARNING
    options = {
        "max-blocks-between": Option(
            "integer", _DATA["max-blocks-between"], "Most blocks (paragraphs, code blocks, lists...) between an image and its repeat."
        ),
    }

    def check(self, doc, options):
        occurrences = _standalone_images(doc)
        if len(occurrences) < 2:
            return
        keys = [key for _, _, key, _ in occurrences]
        if len(set(keys)) == len(keys):
            return
        inside = _containers(doc)
        demonstrated = shown_with_source(doc, ((start, end) for start, end, _, _ in occurrences))
        section_of = _sections(doc)
        cover = _cover(doc)
        blocks = [block.start for block in doc.blocks if block.type != "blank_line"]
        refrains = _refrains(doc.text, [shown for shown in occurrences if shown[0] not in inside and shown[0] not in demonstrated])
        # source -> the first of its run of repeats: the one each repeat is measured from
        # (three copies in a row are two findings that name the first), or the one after it
        # that was not a slip (a reminder far down, then that reminder pasted twice).
        first: dict[str, tuple[int, str]] = {}  # source -> (start, destination of the link around it)
        for start, end, key, target in occurrences:
            if start in inside or key in refrains:
                continue
            if key not in first or start in demonstrated or not _slip(options, first[key][0], start, section_of, blocks, cover):
                first[key] = (start, target)
                continue
            if target and first[key][1] and target != first[key][1]:
                first[key] = (start, target)  # the button of links to different pages: a placeholder avatar for each speaker
                continue
            line, column = doc.source.position(first[key][0])
            yield doc.diagnostic(
                f"image repeats the one on line {line}",
                start,
                end,
                (Related(doc.path, line, column, "first occurrence"),),
            )


def _refrains(text: str, occurrences: list[tuple[int, int, str, str]]) -> set[str]:
    """Sources the article shows at `refrain-places` places or more with the same alt text,
    a place being one image or copies with only space and markup between them: an ornament
    between its sections (`![&](amp.png)`), a running gag. A slip pastes a picture once too
    often, at one place.
    Demonstrations beside their markdown are not counted: `occurrences` leaves them out."""
    places: dict[str, int] = {}
    last_end: dict[str, int] = {}
    alts: dict[str, set[str]] = {}
    for start, end, key, _ in occurrences:
        if key not in last_end or start - last_end[key] > _PLACE_GAP or _ANY_TAG.sub("", text[last_end[key] : start]).strip():
            places[key] = places.get(key, 0) + 1
        last_end[key] = end
        alts.setdefault(key, set()).add(_alt_text(text, start, end))
    # Named alike each time: pasted without a name, the copies may stand where other pictures
    # belonged (three formulas of one post all shown by the first one's picture).
    return {key for key, count in places.items() if count >= _DATA["refrain-places"] and len(alts[key]) == 1 and "" not in alts[key]}


# Most characters between two copies at one place (blank lines, a comment, tags): beyond it,
# there is text between them. Bounds the work on a page of many images repeated far apart.
_PLACE_GAP = 2000
_ALT = lazy(r"""!\[([^\]\n]*)\]|\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _alt_text(text: str, start: int, end: int) -> str:
    """The alt text an image is given (markdown or HTML), "" when none."""
    found = _ALT.search(text, start, end)
    return next((group for group in found.groups() if group), "").strip() if found else ""


def _slip(options, last: int, start: int, section_of, blocks: list[int], cover: tuple[int, int] | None) -> bool:
    """Whether an image at `start` that repeats the one at `last` (the first of its run) was
    shown again by mistake rather than on purpose."""
    if section_of(last) != section_of(start):
        return False  # shown again under another heading: a reminder ("the diagram above, again")
    if bisect_left(blocks, start) - bisect_right(blocks, last) > options["max-blocks-between"]:
        return False  # far from the first: shown again for the reader who scrolled past it
    # The article's cover picture, shown again where the text discusses it.
    return cover is None or not cover[0] <= last < cover[1]


def _sections(doc: Document):
    """A function from an offset to the number of section starts before it: headings, MDX
    components (`section_starts`), and paragraphs that are one bold phrase (`**2. Costs**`),
    which imported articles use as headings."""
    starts = sorted([offset for offset, _ in section_starts(doc)] + bold_headings(doc))
    return lambda offset: bisect_right(starts, offset)


def _cover(doc: Document) -> tuple[int, int] | None:
    """(start, end) of the article's first block when it comes before any text: a cover
    picture at the top (a featured image) that the body shows again where it discusses it."""
    for block in doc.blocks:
        if block.type == "blank_line":
            continue
        if block.type == "block_html" and not _ANY_TAG.sub("", doc.text[block.start : block.end]).strip():
            return block.start, block.end  # an HTML block of tags only: an <img>, a <figure>
        if block.type == "paragraph" and all(_pictorial(child) for child in block.children):
            return block.start, block.end
        return None
    return None


def _pictorial(node: Node) -> bool:
    """An image, a link around one, or space: what a paragraph that is a picture holds."""
    if node.type in ("image", "softbreak", "linebreak", "inline_html"):
        return True
    if node.type == "text":
        return not node.text.strip()
    return node.type == "link" and any(child.type == "image" for child in node.children) and all(_pictorial(c) for c in node.children)


def _standalone_images(doc: Document) -> list[tuple[int, int, str, str]]:
    """(start, end, source key, destination of the link around it or "") of each image of the
    article that stands alone on its line, in document order."""
    images = [link for link in doc.links if link.is_image and link.kind != "definition"]
    found = []
    if images:
        where = _image_places(doc)
        for link in images:
            place = where.get(link.start)
            if place is None:
                continue
            start, end, shared, target = place
            if shared:
                continue  # several images in one HTML block: a layout (logo in header and footer), a gallery
            if not _alone_on_line(doc.text, start, end):
                continue
            key = _source_key(doc, link)
            if key:
                found.append((start, end, key + _presentation(doc.text, start, end), target))
    if "{{" in doc.text:
        code = SpanSet(doc.non_prose_ranges)
        for start, end, url in shortcode_images(doc.text):
            opening = doc.text.rfind("{{", max(start - 1100, 0), start)  # the pattern's reach
            closing = doc.text.find("}}", end, end + 1000)
            if opening < 0 or closing < 0 or opening in code:
                continue
            key = "" if _DECORATION.search(url) else _url_key(url)
            if key and _alone_on_line(doc.text, opening, closing + 2):
                found.append((opening, closing + 2, key + _presentation(doc.text, opening, closing + 2), ""))
    found.sort()
    return found


# How an image is laid out: the same picture set left, centred and right is a demonstration of
# the markup (a theme's shortcode page). Not `width`: pages repeat a picture in HTML at its own
# width (a chart in a `<p align>`); nor a size written in the alt text (`![x|690x345]`), which
# Discourse adds to every pasted picture, repeated or not.
_LAYOUT_ATTRIBUTE = lazy(r"""\b(class|align)\s*=\s*("[^"\n]*"|'[^'\n]*'|[^\s"'>}]+)""", re.I)


def _presentation(text: str, start: int, end: int) -> str:
    """The layout an image is given, as a suffix of its key ("" when none is given)."""
    line_end = text.find("\n", end)
    markup = text[start : line_end if line_end >= 0 else len(text)]
    if "=" not in markup:
        return ""
    found = sorted(f"{name.lower()}={value.strip(chr(34) + chr(39))}" for name, value in _LAYOUT_ATTRIBUTE.findall(markup))
    return "\0" + " ".join(found) if found else ""


def _image_places(doc: Document) -> dict[int, tuple[int, int, bool, str]]:
    """The start of each image (markdown or HTML) outside tables -> (start, end) of what it
    takes on its line (the link around it, when it is the link's whole content), whether it
    shares its HTML block with other images, and the destination of the link around it ("")."""
    places: dict[int, tuple[int, int, bool, str]] = {}

    def visit(node: Node, parent: Node | None) -> None:
        if node.type in ("table", "block_code"):
            return
        if node.type == "image":
            outer = parent if parent is not None and parent.type == "link" and _only_child(parent, node) else node
            target = str(outer.attrs.get("url") or outer.attrs.get("label") or "") if outer is not node else ""
            places[node.start] = (outer.start, outer.end, False, target)
        elif node.type in ("block_html", "inline_html"):
            tags = list(_IMG_TAG.finditer(doc.text, node.start, node.end))
            for tag in tags:
                places[tag.start()] = (tag.start(), tag.end(), node.type == "block_html" and len(tags) > 1, "")
        for child in node.children:
            visit(child, node)

    for block in doc.blocks:
        visit(block, None)
    return places


def _only_child(link: Node, image: Node) -> bool:
    return all(child is image or (child.type == "text" and not child.text.strip()) for child in link.children)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all its lines hold, but for list or quote markers before it,
    an attribute list after it and HTML tags (`<p align="center">`, `<br>`) around it."""
    # Whatever may stand beside an image alone is short: a line that goes on for longer holds
    # more (and a line of 20,000 images is not read 20,000 times).
    reach = _BESIDE_AT_MOST
    line_start = text.rfind("\n", max(start - reach, 0), start) + 1
    if line_start == 0 and start > reach:
        return False
    line_end = text.find("\n", end, end + reach)
    if line_end < 0:
        if end + reach < len(text):
            return False
        line_end = len(text)
    before = _ANY_TAG.sub("", text[line_start:start])
    after = _ANY_TAG.sub("", text[end:line_end])
    if "<img" in text[line_start:start].lower() or "<img" in text[end:line_end].lower():
        return False  # another image beside it
    prefix = _LINE_PREFIX.match(before)
    if prefix is None or prefix.end() != len(before):
        return False
    after = after.strip()
    return not after or _ATTRIBUTE_LIST.fullmatch(after) is not None


def _source_key(doc: Document, link: Link) -> str:
    url = link.url
    if link.kind == "html":
        lazy_source = _LAZY_SOURCE.search(doc.text, link.start, link.end)
        if lazy_source is not None:
            url = next(group for group in lazy_source.groups() if group is not None)
        if _SMALL.search(doc.text, link.start, link.end) or _DECORATION.search(doc.text, link.start, link.end):
            return ""  # an icon, an avatar, a badge: repeated on purpose
    elif doc.text.startswith(("{{", "{%"), link.url_start):
        # `![](/{{ site.baseurl }}/a.png)`: the destination goes on past the template's spaces
        template = _TEMPLATED_URL.match(doc.text, link.url_start, link.end)
        url = template.group() if template else url
    if _DECORATION.search(url) or _DECORATION.search(link.text):
        return ""
    return _url_key(url)


def _url_key(url: str) -> str:
    """The source as compared: a local path normalised (`./a/../b.png` is `b.png`), a remote
    URL without its scheme and with its host in lower case; "" for what is no image source to
    compare (empty, `data:` URIs, template expressions only)."""
    url = url.strip().strip("<>")
    if not url or url.lower().startswith(("data:", "about:", "javascript:")):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = unquote(parts.path)
    if parts.netloc:
        return f"//{parts.netloc.lower()}{path}" + (f"?{parts.query}" if parts.query else "")
    if parts.scheme:
        return url
    if not path:
        return ""
    normal = posixpath.normpath(path)
    if path.startswith("//"):
        normal = "/" + normal.lstrip("/")
    return normal + (f"?{parts.query}" if parts.query else "")


def _containers(doc: Document) -> SpanSet:
    """The spans of the containers whose images repeat on purpose (`_CONTAINERS`), outside
    code."""
    text = doc.text
    code = SpanSet(doc.non_prose_ranges)
    spans: list[tuple[int, int]] = []
    for _, opening, closing in _CONTAINERS:
        if closing is None:
            spans.extend(_colon_containers(text, opening, code))
        else:
            spans.extend(paired_spans(text, opening, closing, code))
    spans.extend(template_block_spans(text, code))
    return SpanSet(spans)


_COLON_LINE = lazy(r"^[ \t]*(:{3,})[ \t]*$", re.M)


def _colon_containers(text: str, opening, code: SpanSet) -> Iterator[tuple[int, int]]:
    """`::: tabs` ... `:::` (markdown-it and VuePress containers): to the next line of as many
    colons (all such lines are found once: a file of unclosed openers is read in linear time)."""
    closings: dict[int, list[int]] = {}
    for line in _COLON_LINE.finditer(text):
        closings.setdefault(len(line.group(1)), []).append(line.end())
    for match in opening.finditer(text):
        if match.start() in code:
            continue
        ends = closings.get(len(match.group(1)), [])
        index = bisect_right(ends, match.end())
        yield match.start(), ends[index] if index < len(ends) else len(text)

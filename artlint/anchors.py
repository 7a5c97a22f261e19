"""The fragment identifiers (`#id`) a document offers: heading slugs as Hugo (goldmark) and
GitHub make them, explicit `{#id}` attributes, HTML `id` (and `name` of `<a>`), and footnote ids."""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from typing import TYPE_CHECKING, Iterator
from urllib.parse import quote, unquote

from artlint.lazyre import lazy
from artlint.slugs import github_slug

if TYPE_CHECKING:
    from artlint.document import Document

_ID_IN_ATTRIBUTES = lazy(r".*#([^\s{}]+)", re.S)
# An id set as a pair in a heading's attribute list: `## Loops {id=for-loops}` (Writerside),
# `{id="x" .note}` (goldmark, kramdown).
_ID_PAIR = lazy(r"""(?:^|[\s:])id\s*=\s*(?:"([^"{}]+)"|'([^'{}]+)'|([^\s"'{}]+))""")
# An attribute list of classes and key=value pairs (`{.color-red}`, `{: .note data-x="1"}`):
# goldmark's heading attributes, kramdown's and Python-Markdown's attribute lists.
_CLASSES_ONLY = lazy(r"""\s*:?\s*(?:(?:\.[\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"']+))\s*)+""")
# pulldown-cmark's custom attributes: bare names beside classes and pairs (`{try-it-out}`).
# Items apart by spaces: a run of letters splits into names one way only.
_CUSTOM_ATTRIBUTE = r"""(?:\.[\w-]+|[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"']+))?)"""
_CUSTOM_ATTRIBUTES = lazy(rf"\s*{_CUSTOM_ATTRIBUTE}(?:\s+{_CUSTOM_ATTRIBUTE})*\s*")
_LONGEST_ATTRIBUTES = 300  # the pattern backtracks on a long run; attribute lists are short
_HTML_TAG = lazy(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")
# One attribute, its value quoted or not: found only from the start of a name, so neither
# `data-id=` nor the `?id=` inside a quoted href is an `id`.
_HTML_ATTRIBUTE = lazy(r"""(?<![-\w:.])([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_LABEL_END = lazy(r"[\]\s]")
_IDEOGRAPH = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_ALPHANUMERIC_ASCII = lazy(r"[^a-z0-9]+")
# A shortcode or template tag (`{{< def id="LE" >}}`, `{{% note id=x %}}`, `{% anchor id: y %}`):
# its template may write the id it is given, with a prefix of its own (`def-LE`). A tag may run
# over several lines (`{% include image.html src="a.png"⏎ id="fig-2" %}`), not over a blank one.
_TEMPLATE_TAG = lazy(r"\{\{[<%]((?:[^\n]|\n(?![ \t]*\n)){0,500}?)[>%]\}\}|\{%((?:[^\n]|\n(?![ \t]*\n)){0,500}?)%\}")
_ID_ARGUMENT = lazy(r"""\b(?:id|anchor|name)\s*[=:]\s*(?:"([^"]+)"|'([^']+)'|([^\s"'>%}]+))""")
# kramdown's attribute lists, on any block or span: `{: #id .class}`, `{:#id}`, `{#id}`.
_ATTRIBUTE_LIST = lazy(r"\{:?[ \t]*#([^\s{}#]+)[^{}\n]*\}")


def ascii_slug(text: str) -> str:
    """goldmark's "github-ascii" style: accents folded, other non-ASCII characters dropped."""
    folded = unicodedata.normalize("NFKD", text)
    return github_slug("".join(char for char in folded if char.isascii()))


_HEXO_SPECIAL = lazy(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")


def hexo_slug(text: str) -> str:
    """hexo-util's `slugize`, which hexo-renderer-marked gives headings their ids with: accents
    folded, runs of ASCII punctuation and spaces one `-`, case and other characters kept
    (`Adding «Tags» Page` is `Adding-«Tags»-Page`; a full-width `？` is no ASCII mark and stays)."""
    folded = "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))
    return _HEXO_SPECIAL.sub("-", "".join(char for char in folded if char >= " ")).strip("-")


def blackfriday_slug(text: str) -> str:
    """Hugo's older "blackfriday" style: runs of anything but letters and numbers become one `-`."""
    return re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")


def zola_slug(text: str) -> str:
    """Zola's style: every run of characters that are not letters or numbers becomes one `-`
    (underscores and code punctuation included)."""
    kept = []
    for char in text.lower():
        kept.append(char if unicodedata.category(char)[0] in "LN" else " ")
    return "-".join("".join(kept).split())


def zola_ascii_slug(text: str) -> str:
    """Zola's default (`slugify.anchors = "on"`): the heading spelt in Latin letters first, each
    Chinese character a syllable of its own (`访问页表` → `fang-wen-ye-biao`), then lower case
    with every run of other characters one `-`."""
    if text.isascii():
        return ""
    # Imported here: only a heading in another script needs the transliteration table (start-up speed).
    from anyascii import anyascii

    spelt = "".join(char if char.isascii() else anyascii(char) + (" " if _IDEOGRAPH.match(char) else "") for char in text)
    return "-".join(_NOT_ALPHANUMERIC_ASCII.split(spelt.lower())).strip("-")


_VITEPRESS_SPECIAL = lazy(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'“”‘’<>,.?/]+""")
_CONTROL = lazy(r"[\x00-\x1f]")
_EMOJI_SHORTCODE = lazy(r":[a-z0-9_+-]+:")


def vitepress_slug(text: str) -> str:
    """VitePress' and VuePress' `slugify` (@mdit-vue/shared): accents dropped, runs of spaces
    and ASCII punctuation one `-`, no `-` at either end, an `_` before a leading digit
    (`1. Create a key` is `_1-create-a-key`), lower case; other scripts kept. An emoji
    shortcode (`:tada:`) is an emoji by then (markdown-it-emoji, on by default): no text."""
    text = _EMOJI_SHORTCODE.sub("", text) if ":" in text else text
    folded = "".join(char for char in unicodedata.normalize("NFKD", text) if not "\u0300" <= char <= "\u036f")
    slug = _VITEPRESS_SPECIAL.sub("-", _CONTROL.sub("", folded)).strip("-")  # `-` is in the class: runs are one
    return ("_" + slug if slug[:1].isdigit() else slug).lower()


_VUEPRESS1_SPECIAL = lazy(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'“”‘’–—<>,.?/]+""")


def vuepress1_slug(text: str) -> str:
    """VuePress 1's `slugify` (@vuepress/shared-utils): accents dropped without compatibility
    folding, so full-width marks stay in the id (`## 修改商品：更新文档` is `修改商品：更新文档`),
    runs of spaces, ASCII punctuation and dashes one `-`, an `_` before a leading digit."""
    folded = unicodedata.normalize("NFC", "".join(char for char in unicodedata.normalize("NFD", text) if not "\u0300" <= char <= "\u036f"))
    slug = _VUEPRESS1_SPECIAL.sub("-", _CONTROL.sub("", folded)).strip("-")
    return ("_" + slug if slug[:1].isdigit() else slug).lower()


_PANDOC_DROPPED = lazy(r"[^\w\s.-]")
_PANDOC_BEFORE_LETTER = lazy(r"^[^a-z\u00c0-\uffff]+", re.I)


def encoded_slug(text: str) -> str:
    """markdown-it-anchor's default slug: `encodeURIComponent` of the text in lower case, its
    runs of white space a `-` (`Promise.allSettled` → `promise.allsettled`, `C / C++` → `c-%2F-c%2B%2B`)."""
    return quote(_WHITE_SPACE_RUN.sub("-", text.strip().lower()), safe="-_.!~*'()")


_WHITE_SPACE_RUN = lazy(r"\s+")


def pandoc_slug(text: str) -> str:
    """pandoc's `auto_identifiers`: lower case, every character but letters, digits, `_`, `-`
    and `.` dropped, each space a `-`, and nothing before the first letter (`#linker.ld`)."""
    kept = _PANDOC_DROPPED.sub("", text.lower())
    return "-".join(_PANDOC_BEFORE_LETTER.sub("", kept).split()) or "section"


_TOC_NOT_WORD = lazy(r"[^\w\s-]")
_TOC_SEPARATORS = lazy(r"[-\s]+")
_TOC_NOT_WORD_UNICODE = lazy(r"[^\w\- ]")
_TOC_NUMBERED = lazy(r"^(.*)_([0-9]+)$")


def toc_slug(text: str, separator: str = "-") -> str:
    """Python-Markdown's toc `slugify` (MkDocs' default): accents folded and other non-ASCII
    letters dropped, punctuation dropped, lower case, runs of spaces and `-` one `separator`."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stripped = _TOC_NOT_WORD.sub("", folded).strip().lower()
    if separator == "-":
        return _TOC_SEPARATORS.sub("-", stripped)
    # As Python-Markdown does: runs of the separator and spaces become one; a `-` stays.
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, stripped)


def toc_unicode_slug(text: str) -> str:
    """pymdownx.slugs' `uslugify` (`slugify(case="lower")`): letters of any script kept,
    punctuation dropped, lower case, each space a `-`."""
    return _TOC_NOT_WORD_UNICODE.sub("", unicodedata.normalize("NFC", text).strip().lower()).replace(" ", "-")


def toc_unique(slug: str, taken: set[str]) -> str:
    """Python-Markdown's toc `unique`: a slug met before gets `_1`, then `_2`... (a slug that
    ends with `_<n>` already counts on from n)."""
    while slug in taken or not slug:
        numbered = _TOC_NUMBERED.match(slug)
        slug = f"{numbered.group(1)}_{int(numbered.group(2)) + 1}" if numbered else f"{slug}_1"
    taken.add(slug)
    return slug


def heading_text(doc: "Document", node) -> tuple[str, str | None]:
    """(text without a trailing `{#id}`, the explicit id or None)."""
    if "/*" in doc.text[node.start : node.end]:
        # Docusaurus 3's id as an MDX comment, `### Stage 0 {/* #stage-0 */}`: read in the
        # source, where the parser would take `*…*` for emphasis.
        comment = _MDX_COMMENT_ID.search(doc.text[node.start : node.end].rstrip().rstrip("#").rstrip())
        if comment:
            text = node.text.strip()
            return text[: text.rfind("{")].strip() if "{" in text else text, comment.group(1)
    return _without_attributes(node.text.strip(), bare_words=doc.site is not None and doc.site.generator == "zola")


# The slugs of the renderers that read a heading's character references first.
_READ_TEXT_SLUGS = (github_slug, ascii_slug, blackfriday_slug, zola_slug, zola_ascii_slug, vitepress_slug, toc_slug, toc_unicode_slug, hexo_slug, pandoc_slug)


def _as_read(node) -> str:
    """A heading's text with its character references read (`array&lt;string&gt;` is
    `array<string>`, as every renderer reads it before slugging), those of code spans kept."""
    if "&" not in node.text or not node.children:
        return node.text
    return "".join(child.text if child.type == "codespan" else _as_read(child) if child.children else _read_references(child) for child in node.children)


def _read_references(node) -> str:
    return html.unescape(node.text) if node.type == "text" and "&" in node.text else node.text


_MDX_COMMENT_ID = lazy(r"\{\s*/\*\s*#([^\s*]+)\s*\*/\s*\}\s*$")


def _without_attributes(text: str, bare_words: bool = False) -> tuple[str, str | None]:
    """With `bare_words`, pulldown-cmark's (Zola's) custom attributes count too: `{try-it-out}`
    is an attribute named so, stripped from the heading."""
    opening = text.rfind("{")
    attributes = text[opening + 1 : -1] if opening >= 0 and text.endswith("}") else "}"
    match = None if "}" in attributes else (_ID_IN_ATTRIBUTES.match(attributes) or _ID_PAIR.search(attributes))
    if match:
        return text[:opening].strip(), next(group for group in match.groups() if group is not None)
    if "}" not in attributes and len(attributes) <= _LONGEST_ATTRIBUTES:
        if _CLASSES_ONLY.fullmatch(attributes) or (bare_words and _CUSTOM_ATTRIBUTES.fullmatch(attributes)):
            return text[:opening].strip(), None  # `### VLAN {.color-red}`: classes, no id; the id is the text's
    return text, None


def spelled_out_prefixes(doc: "Document") -> set[str]:
    """Slugs of headings with emoji or symbols, as prefixes: Zola and others spell emoji out
    (`🦀` becomes `crab`), so `#async-rust-crab` may name `## Async Rust 🦀`."""
    prefixes = set()
    for node in doc.nodes("heading"):
        text, _ = heading_text(doc, node)
        if any(unicodedata.category(char) in ("So", "Sk", "Cs") for char in text):
            for slug_of in (github_slug, zola_slug):
                prefix = slug_of(text).rstrip("-")
                if prefix:
                    prefixes.add(prefix)
    return prefixes


def document_anchors(doc: "Document", generator: str | None = None) -> set[str]:
    """The document's fragment ids; `generator` (else the document's site's) adds those of its
    slugs: MkDocs' toc makes a repeated heading's id unique with `_1`, `_2`."""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    generator = generator or (doc.site.generator if doc.site is not None else None)
    toc_taken: tuple[set[str], set[str]] | None = (set(), set()) if generator == "mkdocs" else None
    separator = doc.site.toc_separator if doc.site is not None else "-"
    # A folder no known generator builds may be a VitePress site's whose configuration is kept
    # elsewhere (a docs repository that another builds): its slugs are read too.
    vue_seen: dict[str, int] | None = {} if generator in ("vitepress", "vuepress", "plain", None) else None
    vue1_seen: dict[str, int] = {}  # VuePress 1's slugs, which keep full-width marks
    pandoc = doc.site is not None and doc.site.pandoc
    pandoc_seen: dict[str, int] = {}
    marked = generator == "hexo" and doc.site is not None and not doc.site.markdown_it
    marked_seen: dict[str, int] = {}
    encoded: dict[str, int] | None = {} if doc.site is not None and doc.site.encoded_heading_ids else None
    # Zola's `slugify.anchors = "safe"` (or "off") keeps a heading's text, its spaces `_`.
    zola_kept: dict[str, int] | None = {} if generator == "zola" and _zola_anchors(doc) in ("safe", "off") else None
    # Zola numbers a repeated heading's id as goldmark does: `session-1`, then `session-1-1`.
    zola_seen: tuple[dict[str, int], dict[str, int]] | None = ({}, {}) if generator == "zola" else None
    for node in doc.nodes("heading"):
        text, explicit = heading_text(doc, node)
        if explicit:
            anchors.add(explicit)
        if vue_seen is not None and not explicit:  # markdown-it-anchor: a repeated slug gets `-1`, `-2`...
            anchors.add(_numbered(vitepress_slug(text), vue_seen))
            if generator == "vuepress":
                anchors.add(_numbered(vuepress1_slug(text), vue1_seen))
        if toc_taken is not None:
            for slug_of, taken in zip((toc_slug, toc_unicode_slug), toc_taken, strict=True):
                if explicit:
                    taken.add(explicit)
                elif slug_of is toc_slug and separator != "-":
                    anchors.add(toc_unique(toc_slug(text, separator), taken))
                else:
                    anchors.add(toc_unique(slug_of(text), taken))
        for slug_of in (github_slug, ascii_slug, blackfriday_slug, zola_slug, zola_ascii_slug):
            slug = slug_of(text)
            anchors.add(slug)
        if pandoc:
            anchors.add(_numbered(pandoc_slug(text), pandoc_seen))
        elif marked:  # a repeated id gets `-1`, `-2`...
            anchors.add(_numbered(hexo_slug(text), marked_seen))
        if generator == "docusaurus":
            anchors.add(github_slug(text, keep_joiners=True))  # github-slugger keeps an emoji's variation selector
        if zola_kept is not None and not explicit:
            anchors.add(_numbered(_ASCII_SPACE.sub("_", text), zola_kept))
        if zola_seen is not None and not explicit:
            anchors.update(_numbered(slug_of(text), seen_slugs) for slug_of, seen_slugs in zip((zola_slug, zola_ascii_slug), zola_seen, strict=True))
        if encoded is not None and not explicit:
            slug = _numbered(encoded_slug(text), encoded)
            anchors.update({slug, unquote(slug)})  # a link may give the fragment encoded or not
        for variant in _rendered_texts(node):
            anchors.update({github_slug(variant), blackfriday_slug(variant), zola_slug(variant)})
        read = _without_attributes(_as_read(node).strip())[0] if "&" in text else text
        if read != text:  # most renderers slug the text with its references read (`a &amp; b` is `a--b`)
            anchors.update(slug_of(read) for slug_of in _READ_TEXT_SLUGS)
        anchors.add(_numbered(github_slug(text), seen))
    for node in doc.nodes("inline_html", "block_html"):
        anchors.update(html_ids(doc.text[node.start : node.end]))
    for match in _ATTRIBUTE_LIST.finditer(doc.prose_text):
        anchors.add(match.group(1))
    if "{:toc}" in doc.prose_text or "{: toc}" in doc.prose_text:
        anchors.add("markdown-toc")  # kramdown's table of contents: `<ul id="markdown-toc">`
    for label in footnote_labels(doc.prose_text):
        anchors.update({f"fn:{label}", f"fnref:{label}", f"fn{label}", f"fnref{label}"})
        # remark-gfm (Docusaurus, MDX) and GitHub: `user-content-fn-1`, the label in lower case
        folded = label.lower()
        anchors.update({f"fn-{folded}", f"fnref-{folded}", f"user-content-fn-{folded}", f"user-content-fnref-{folded}"})
    if generator == "mkdocs" and doc.site is not None and doc.site.tab_ids and "===" in doc.text:
        anchors.update(_tab_ids(doc, doc.site.tab_ids == "combined"))
    if generator == "hugo" or generator is None:
        anchors.update(_line_anchors(doc))
    if generator == "hugo" and (doc.site is None or doc.site.definition_term_ids):
        for node in doc.nodes("paragraph"):  # a term and its definitions read as one paragraph
            for term in definition_terms(doc.text[node.start : node.end]):
                # headings and terms share ids: the second "options" is options-1
                anchors.add(_numbered(github_slug(term.replace("`", "")), seen))
    anchors.discard("")
    return anchors


# A pymdownx.tabbed tab: `=== "Title"`, `===+ "Title"` (selected), `===! "Title"` (a new set).
_TAB_TITLE = lazy(r'^[ \t]*===[+!]{0,2}[ \t]+"(.+)"[ \t]*$', re.M)


def _tab_ids(doc: "Document", combined: bool) -> set[str]:
    """The ids pymdownx.tabbed gives the page's tabs when its `slugify` is set: each title's
    slug, after the id of the heading above it with `combine_header_slug`."""
    found: set[str] = set()
    headings = list(doc.nodes("heading")) if combined else []
    starts = [node.start for node in headings]
    text = doc.text
    for match in _TAB_TITLE.finditer(text, doc.body_offset):
        if doc.in_code(match.start()):
            continue
        # The heading above the tab set at its own depth or outside it: one inside an earlier
        # tab's content (indented further) is that tab's (`=== "macOS"`, `## macOS`, then its
        # own `=== "Podman rootless"` is `#macos-podman-rootless`).
        depth = _indent(text, match.start())
        above = bisect_left(starts, match.start())
        while above and _indent(text, starts[above - 1]) > depth:
            above -= 1
        heading = heading_text(doc, headings[above - 1])[0] if above else None
        for slug_of in (toc_slug, toc_unicode_slug):
            slug = slug_of(match.group(1))
            found.add(f"{slug_of(heading)}-{slug}" if heading is not None else slug)
    return found


def _indent(text: str, offset: int) -> int:
    """The indentation of the line that holds `offset`, in characters."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line) - len(line.lstrip(" \t"))


# Hugo's highlighting options on a fence (`{ linenos=true, lineanchors=org-coderef--0a417f }`,
# as ox-hugo writes them) or a highlight shortcode (`"linenos=table,lineanchors=p"`).
_LINE_ANCHORS = lazy(r"""\blineanchors\s*=\s*["']?([A-Za-z][\w-]*)""")


def _line_anchors(doc: "Document") -> set[str]:
    """The ids Chroma gives a highlighted block's lines with `lineanchors=P`: `P-1`, `P-2`, one
    per line of the block (Hugo's highlighting options, in a fence's attributes)."""
    found: set[str] = set()
    if "lineanchors" not in doc.text:
        return found
    for node in doc.nodes("block_code"):
        info = str(node.attrs.get("info") or "")
        match = _LINE_ANCHORS.search(info)
        if match is not None:
            lines = doc.text.count("\n", node.start, node.end)
            found.update(f"{match.group(1)}-{number}" for number in range(1, lines + 1))
    return found


_ASCII_SPACE = lazy(r"[ \t\n\f\r]")


def _zola_anchors(doc: "Document") -> str:
    return dict(doc.site.url_settings).get("slugify.anchors", "on") if doc.site is not None else "on"


def _numbered(slug: str, seen: dict[str, int]) -> str:
    """The id of the slug's next use: the slug itself, then `slug-1`, `slug-2`... (goldmark's,
    GitHub's and markdown-it-anchor's rule for repeated headings)."""
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return f"{slug}-{count}" if count else slug


# A definition list's term: a line of text, then lines that start with ": " (goldmark's and PHP
# Markdown Extra's syntax).
_DEFINITION_TERM = lazy(r"^([^\s:][^\n]*)\n(?=:[ \t]+\S)", re.M)


def definition_terms(text: str) -> list[str]:
    """The terms of the definition lists in `text`, as written."""
    if "\n:" not in text:
        return []
    return [match.group(1).strip() for match in _DEFINITION_TERM.finditer(text)]


def html_ids(markup: str) -> set[str]:
    """The fragment targets of HTML as a browser finds them: the first `id` of each element
    (a second one is ignored), and `name` of an `<a>` only (not `<meta name>`, `<input name>`)."""
    ids = set()
    # Tags inside comments count: `<!-- <a id="comments"> -->` is how sites tell link checkers
    # that their template writes the target.
    for tag in _HTML_TAG.finditer(markup):
        if not tag.group(2):
            continue
        attributes: dict[str, str] = {}
        for attribute in _HTML_ATTRIBUTE.finditer(tag.group(2)):
            value = next((group for group in attribute.groups()[1:] if group is not None), "")
            attributes.setdefault(attribute.group(1).lower(), value)
        if attributes.get("id"):
            ids.add(attributes["id"])
        if tag.group(1).lower() == "a" and attributes.get("name"):
            ids.add(attributes["name"])
    return ids


def _rendered_texts(node) -> set[str]:
    """The heading's text as a renderer may see it once its HTML is rendered: tags and comments
    gone (`双向过滤器<sup>替换</sup>` reads `双向过滤器替换`), with and without the alt text of its
    images (GitHub's slug of `## Build ![status](b.svg)` is `build-`), trimmed or not."""
    with_alt: list[str] = []
    without_images: list[str] = []
    _leaf_texts(node, with_alt, without_images, in_image=False)
    texts = set()
    for pieces in (with_alt, without_images):
        text, _ = _without_attributes("".join(pieces).lstrip())
        texts.update({text, text.strip()})
    texts.discard("")
    return texts


def _leaf_texts(node, with_alt: list[str], without_images: list[str], in_image: bool) -> None:
    for child in node.children:
        if child.type == "inline_html":
            continue
        image = in_image or child.type == "image"
        if child.children:
            _leaf_texts(child, with_alt, without_images, image)
            continue
        text = _read_references(child)
        with_alt.append(text)
        if not image:
            without_images.append(text)


def signature_names(doc: "Document") -> set[str]:
    """Slugs of the names of headings written as a call, `Vue.set( target, key, value )` →
    `vue-set`: the id documentation themes give such a heading by script at render time."""
    names = set()
    for node in doc.nodes("heading"):
        for text in _rendered_texts(node):
            name, bracket, _ = text.partition("(")
            if bracket and name.strip():
                names.update({github_slug(name.strip()), zola_slug(name), blackfriday_slug(name)})
    names.discard("")
    return names


# AnchorJS's urlify: these characters become "-", runs of "-" one, at most 64 characters.
_ANCHORJS_UNSAFE = lazy("[& +$,:;=?@\"#{}|^~\\[`%!'<>\\]./()*\\\\\n\t\b\v\u00a0]")
_DASHES = lazy(r"-{2,}")
_HTML_HEADING_OPEN = lazy(r"<h[1-6](?:\s[^<>]{0,2000})?>", re.I)
_HTML_HEADING_CLOSE = lazy(r"</h[1-6]\s*>", re.I)
_TAGS = lazy(r"<[^<>]*>")


def anchorjs_slug(text: str) -> str:
    """The id AnchorJS gives a heading without one when the page loads (its `urlify`)."""
    slug = _ANCHORJS_UNSAFE.sub("-", text.strip().replace("'", ""))
    return _DASHES.sub("-", slug)[:64].strip("-").lower()


def anchorjs_names(doc: "Document") -> set[str]:
    """The ids AnchorJS gives the document's headings, markdown and raw HTML (`<h2>Setup</h2>`)."""
    names = {anchorjs_slug(heading_text(doc, node)[0]) for node in doc.nodes("heading")}
    for node in doc.nodes("block_html", "inline_html"):
        names.update(anchorjs_slug(html.unescape(_TAGS.sub("", text))) for text in _html_heading_texts(doc.text, node.start, node.end))
    names.discard("")
    return names


def _html_heading_texts(text: str, start: int, end: int) -> Iterator[str]:
    """The inner markup of each `<h1>`…`</h6>` in text[start:end], each character looked at
    once: the search for a closing tag goes on from where the last one ended, and stops when
    none is left (a block of a million openers is read in linear time)."""
    position = start
    while True:
        opening = _HTML_HEADING_OPEN.search(text, position, end)
        if opening is None:
            return
        closing = _HTML_HEADING_CLOSE.search(text, opening.end(), end)
        if closing is None:
            return
        yield text[opening.end() : closing.start()]
        position = closing.end()


def template_ids(doc: "Document") -> set[str]:
    """The ids given to shortcodes and template tags, which their templates may write as
    anchors, as they are or with a prefix (`{{% def id="LE" %}}` → `#def-LE`)."""
    ids: set[str] = set()
    text = doc.text
    if "{{" not in text and "{%" not in text:
        return ids
    for tag in _TEMPLATE_TAG.finditer(text):
        for argument in _ID_ARGUMENT.finditer(tag.group(1) or tag.group(2) or ""):
            ids.add(next(group for group in argument.groups() if group))
    return ids


def footnote_labels(text: str) -> list[str]:
    """The labels of the footnote references `[^label]` (a label has no "]" nor whitespace).
    Every "[^" inside a label that does not close ends at the same place, so the search goes
    on from there (the regex `\\[\\^([^\\]\\s]+)\\]` went there again from each: quadratic)."""
    labels = []
    position = text.find("[^")
    while position >= 0:
        end = _LABEL_END.search(text, position + 2)
        stop = end.start() if end else len(text)
        if end and end.group() == "]" and stop > position + 2:
            labels.append(text[position + 2 : stop])
        position = text.find("[^", stop)
    return labels

import re

from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule

# An attribute list with an id right after a link: `[](){#model_dump}`, `[](){: #usage}`.
_ANCHOR_ATTRIBUTES = lazy(r"\{:?[ \t]*#[\w.:-]+[^}\n]*\}")
# One with a class: `[](a.md#end){ .index-range-end }`.
_CLASS_ATTRIBUTES = lazy(r"\{:?[ \t]*\.[\w:-]+[^}\n]*\}")
_OWN_ID = lazy(r"""\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.I)
# The blockquote that a social network's embed script replaces with the post itself
# (`<blockquote class="twitter-tweet">`, Instagram's, TikTok's, Reddit's, Bluesky's, Threads'):
# its anchors, empty or not, are what the script reads the post's address from.
_EMBED_OPEN = lazy(
    r"""<blockquote\b[^>]*\bclass\s*=\s*["'][^"']*\b(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|reddit-embed-bq|bluesky-embed|text-post-media|mastodon-embed)\b""",
    re.I,
)
_BLOCKQUOTE_CLOSE = lazy(r"</blockquote\s*>", re.I)
# An anchor that an embed service's script replaces with a card of the page it names:
# The classes themes and renderers give a heading's permalink (`anchor`, Sphinx's `headerlink`,
# markdown-it-anchor's `header-anchor`, Docusaurus' `hash-link`).
_PERMALINK_CLASS = lazy(r"""\bclass\s*=\s*["'][^"']*\b(?:anchor|anchor-link|headerlink|header-anchor|hash-link|permalink)\b""", re.I)
# iframely's `<a href="…" data-iframely-url="//cdn.iframe.ly/…"></a>`, Embedly's `embedly-card`.
_CARD_PLACEHOLDER = lazy(r"""\bdata-iframely-url\s*=|\bclass\s*=\s*["'][^"']*\bembedly-card\b""", re.I)
# A gallery's item: an anchor to an image with the gallery's data (`<a href="a.png"
# data-caption="…"></a>`), which Fotorama, Fancybox or lightGallery turn into a slide.
_IMAGE_HREF = r"""\bhref\s*=\s*["'][^"']+\.(?:png|jpe?g|gif|webp|svg|avif)(?:[?#][^"']*)?["']"""
_DATA_ATTRIBUTE = r"\bdata-[\w-]+\s*="
_GALLERY_ITEM = lazy(f"{_IMAGE_HREF}[^>]*{_DATA_ATTRIBUTE}|{_DATA_ATTRIBUTE}[^>]*{_IMAGE_HREF}", re.I)


def _filled_by_script(doc, link) -> bool:
    return bool(_CARD_PLACEHOLDER.search(doc.text, link.start, link.end) or _GALLERY_ITEM.search(doc.text, link.start, link.end))


class LinkEmpty(DocumentRule):
    """A link with no text, or with no destination.

    ## What it finds
    Markdown links `[](https://...)` and HTML anchors `<a href="..."></a>` whose text is empty or
    only spaces, and that do not wrap an image (an `<img>`, `<picture>`, `<video>`, `<svg>` or
    `<canvas>`: what the reader sees in the link's place); and markdown links with an empty destination,
    `[text]()` or `[text](<>)`. An HTML anchor named by `aria-label`, `aria-labelledby` or
    `title` (an icon link) has a name for screen readers and is not empty, nor is a text that a
    template tag writes (`[`{{% version %}}`](…)`), nor a heading's permalink that leads to
    its own id (`<a class="toc" id="usage" href="#usage"></a>`, whose `#` a style sheet adds),
    nor an anchor with an empty `href` that only places an id (`<a href="" id="x"></a>`),
    nor, on a Writerside site, `[](basic-syntax.md)` or `[](#loops)`, whose text the build
    writes (the target's title), nor on a Hugo site whose link render hook writes the target
    page's title where a link has no text (`{{ or .Text $page.LinkTitle }}`), `[](other-post)`,
    or that a permalink's class marks (`<a class="anchor" href="#faq"></a>`, `headerlink`,
    `header-anchor`, `hash-link`),
    nor an anchor inside a social network's embed (`<blockquote class="twitter-tweet">`,
    Instagram's, TikTok's...), which the network's script replaces with the post, nor an
    embed service's placeholder (`<a href="…" data-iframely-url="…"></a>`, Embedly's
    `embedly-card`), which its script replaces with a card of the page, nor a gallery's item, an
    anchor to an image with the gallery's data (`<a href="shot.png" data-caption="…"></a>`),
    which Fotorama, Fancybox or lightGallery turn into a slide. Nor is `[](){#old-name}`, an empty link
    followed by an attribute list with an id: the way mkdocs-autorefs (and Python-Markdown's
    attr_list, kramdown's `{: #id}`) places an anchor, an old heading's id kept for the links to it;
    nor `[](ch07.md#end){ .index-range-end }` (a destination and a class), whose class the site's style sheet gives a text
    (`::after { content: "–" }`): the range's end in a generated index.
    Nor is `- [Title]()` in an mdBook's `SUMMARY.md`, which lists a draft chapter.

    ## Why it matters
    An empty link is invisible on the page: readers cannot see or click it, and screen readers
    announce only "link". It is usually a leftover of a deleted word or a broken import. A link
    with no destination looks like a link and leads back to the same page: the URL was never
    filled in.

    ## Example

        研究发表在[](https://doi.org/10.1000/xyz123)上。

    reports `link with no text to https://doi.org/10.1000/xyz123`.
    """

    name = "link-empty"
    family = "link"
    severity = Severity.WARNING

    def check(self, doc, options):
        for link in doc.links:
            if link.is_image or link.kind in ("definition", "autolink") or link.contains_image:
                continue
            if link.kind == "inline" and not link.text.strip() and _ANCHOR_ATTRIBUTES.match(doc.text, link.end):
                continue  # `[](){#old-id}`: an anchor, placed as mkdocs-autorefs places one
            if link.kind == "inline" and not link.text.strip() and link.url.strip() and _CLASS_ATTRIBUTES.match(doc.text, link.end):
                continue  # `[](a.md#end){ .index-range-end }`: the class's style sheet draws its text
            if link.kind == "inline" and not link.text.strip() and link.url.strip() and _titled_by_build(doc, link):
                continue  # Writerside's `[](basic-syntax.md)`, `[](#loops)`: the build writes the target's title
            if link.kind == "inline" and not link.url.strip():
                if _draft_chapter(doc):
                    continue  # `- [Scheduling]()` in an mdBook's SUMMARY.md: a chapter not written yet
                yield doc.diagnostic("link with an empty destination: the URL was never filled in", link.start, link.end)
            elif not link.text.strip() and not link.labelled and not _templated_text(doc, link) and not _permalink(doc, link):
                if link.kind == "html" and (_in_embed(doc, link.start) or _filled_by_script(doc, link)):
                    continue  # the embed script's address of the post, or a gallery's slide
                yield doc.diagnostic(f"link with no text to {link.url}", link.start, link.end)


def _titled_by_build(doc, link) -> bool:
    """A Writerside topic, whose empty link text the build fills with its target's title; a
    link to a page of a Hugo site whose link render hook writes the target's title where the
    link has none (`{{ or .Text $page.LinkTitle }}`: `[](other-post)`)."""
    if doc.site is None:
        return False
    return doc.site.generator == "writerside" or (doc.site.link_text_from_target and not link.scheme)


def _draft_chapter(doc) -> bool:
    """mdBook's table of contents, where `- [Title]()` lists a draft chapter."""
    return doc.site is not None and doc.site.generator == "mdbook" and doc.file is not None and doc.file.name == "SUMMARY.md"


def _templated_text(doc, link) -> bool:
    """A text that a template tag writes (`[`{{% version %}}`](…)`: Hugo expands shortcodes
    before markdown, code spans included)."""
    source = doc.text[link.start : link.end]
    label = source[: source.find("](")] if "](" in source else source
    return "{{" in label or "{%" in label


def _permalink(doc, link) -> bool:
    """`<a id="usage" href="#usage"></a>`: an anchor that links to itself, a heading's
    permalink whose text a style sheet or a script supplies; or an anchor whose `href` is
    empty and whose `id` places a target (`<a href="" id="x"></a>`)."""
    if link.kind == "html" and not link.url.strip() and _OWN_ID.search(doc.text, link.start, link.end):
        return True  # `<a href="" id="simple_mesure"> </a>`: a place other pages link to, no link
    if link.kind != "html" or not link.url.startswith("#") or len(link.url) < 2:
        return False
    if _PERMALINK_CLASS.search(doc.text, link.start, link.end):
        return True  # `<a class="anchor" href="#faq"></a>`: its icon drawn by the style sheet, the id on its parent
    return any(found == link.url[1:] for found in _OWN_ID.findall(doc.text, link.start, link.end))


def _in_embed(doc, offset: int) -> bool:
    """Whether `offset` is inside a social network's embed blockquote (`twitter-tweet`...),
    which the network's script replaces with the post."""

    def spans():
        found = []
        for opening in _EMBED_OPEN.finditer(doc.text):
            closing = _BLOCKQUOTE_CLOSE.search(doc.text, opening.end())
            found.append((opening.start(), closing.end() if closing else len(doc.text)))
        return found

    return any(start <= offset < end for start, end in doc.memo("link-empty embeds", spans))

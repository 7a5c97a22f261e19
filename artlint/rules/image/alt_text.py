import re
from urllib.parse import unquote, urlsplit

from artlint import data
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.rules.image._demonstrations import demonstrated_in_section

_DATA = data.load("images")


class ImageAltText(DocumentRule):
    """An image with no alt text, or with a placeholder where a description belongs.

    ## What it finds
    Markdown images with empty alt text (`![](chart.png)`), HTML `<img>` without an `alt`
    attribute, and alt texts that are placeholders — "img", "image", "图片", "photo",
    "screenshot" (the list in `rules/images.toml`) — or a file name (`photo_0042.jpg`,
    `IMG_1234`, the image's own file name) or an address (`https://i.imgur.com/52NveLB.png`,
    which a Notion export writes). An HTML image with an explicit `alt=""` (or `alt=" "`) is taken as
    decorative and passes (so does a bare `alt`, which HTML reads as empty, and an image hidden
    from screen readers with `aria-hidden="true"` or `role="presentation"`, or named by
    `aria-label` or `aria-labelledby`, its figure's caption), as does an image
    shown beside its own markdown in a code block (a
    syntax guide's `![Alt text](...)`) or whose markup a code block of its section shows as it is
    (a theme's documentation: the tag's source in one tab, its results paragraph by paragraph in
    the next), and a small picture used as a bullet: the same image,
    without alt text, opening three or more lines of text (`> ![](tip.png) Bind one way...`),
    which is decorative and rightly has none, and a tracking pixel copied with a quoted feed
    item (`beacon-patterns`: a blog engine's `aggbug`, FeedBurner's) or an old layout's
    transparent spacer (`spacer.gif`), and a site's icon in a
    pasted link card, beside the site's name (`icon-patterns`: `favicon.ico`). On an Eleventy
    site whose markdown-it-image-figures shows an image's title as its caption, an image with
    a title and no alt text is described by that caption. On a Jekyll site with jekyll-spaceship,
    whose media processor makes a player of image syntax that points at a video (YouTube, Vimeo,
    Dailymotion) or a sound or video file (`.mp3`, `.webm`), there is no picture to describe.

    ## Why it matters
    Alt text is what screen readers read and what shows when the image fails to load, which
    for hot-linked images of imported articles is often. "img" tells nobody anything.

    ## Example

        ![img](http://img.example.net/uploads/figure-2.png)

    reports `placeholder alt text "img": describe what the image shows`.
    """

    name = "image-alt-text"
    family = "image"
    severity = Severity.WARNING
    site_pages_only = True
    options = {
        "placeholders": Option("list[string]", _DATA["placeholders"], "Alt texts that are placeholders."),
        "file-name-pattern": Option("string", _DATA["file-name-pattern"], "A regular expression for alt texts that are file names.", form="regex"),
        "beacon-patterns": Option(
            "list[string]", _DATA["beacon-patterns"], "Regular expressions for the URLs of tracking pixels, which need no alt text.", form="regex"
        ),
        "icon-patterns": Option(
            "list[string]", _DATA["icon-patterns"], "Regular expressions for the URLs of site icons (favicons), decorative beside a site's name.", form="regex"
        ),
    }

    def check(self, doc, options):
        placeholders = derived(options, "image-alt-text placeholders", lambda: {phrase.casefold().strip() for phrase in options["placeholders"]})
        file_name = derived(options, "image-alt-text file-name", lambda: re.compile(options["file-name-pattern"], re.I))
        icons = _repeated_icons(doc)
        beacons = derived(options, "image-alt-text beacons", lambda: _any_of(options["beacon-patterns"]))
        site_icons = derived(options, "image-alt-text icons", lambda: _any_of(options["icon-patterns"]))
        for link in doc.links:
            if not link.is_image or link.decorative or link.kind == "definition":
                continue  # a definition (`[ref]: a.png`) has no alt: its uses (`![alt][ref]`) do
            if not link.text.strip() and link.title and link.title.strip() and doc.site is not None and doc.site.image_title_captions:
                continue  # `![](a.jpg "Sharon Steed on stage")`: the title is the caption shown under it
            if link.url in icons and not link.text.strip():
                continue  # the same small picture before each tip: a bullet, rightly without text
            if not link.text.strip() and beacons.search(link.url):
                continue  # a feed item's tracking pixel (`…/aggbug/3757.aspx`), copied with it: 1x1, nothing to describe
            if not link.text.strip() and site_icons.search(link.url):
                continue  # a link card's favicon beside the site's name: decorative
            if doc.site is not None and doc.site.media_embeds and _MEDIA.search(link.url):
                continue  # `![](https://www.youtube.com/watch?v=…)`: jekyll-spaceship makes it a player
            problem = _problem(" ".join(link.text.split()), link.url, placeholders, file_name)
            # a syntax guide's `![Alt text](...)` beside its source, or a demonstration's result whose
            # markup a code block of the section shows (the block beside it is one of those)
            if problem and not demonstrated_in_section(doc, link.start, link.end):
                yield doc.diagnostic(problem, link.start, link.end)


# What jekyll-spaceship's media processor turns from image syntax into a player: a video of
# YouTube, Vimeo or Dailymotion, a sound or video file.
_MEDIA = lazy(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|spotify\.com)/"
    r"|\.(?:mp3|wav|ogg|oga|flac|m4a|aac|opus|weba|mp4|webm|ogv|mov|m4v)(?:[?#].*)?$",
    re.I,
)


def _any_of(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)", re.I)


_ICON_USES = 3  # times one image must open a line of text, without alt text, to be a bullet


def _repeated_icons(doc) -> set[str]:
    """Images used as bullets: the same source, without alt text, at the start of three or more
    lines that go on with text (`> ![](tip.png) Use one-way bindings...` before each tip).
    Decorative, so an empty alt is right for them (WCAG's H67)."""
    uses: dict[str, int] = {}
    text = doc.text
    for link in doc.links:
        if not link.is_image or link.text.strip() or link.kind == "definition":
            continue
        line_start = text.rfind("\n", 0, link.start) + 1
        line_end = text.find("\n", link.end)
        before = text[line_start : link.start].strip(" \t>*-+")
        after = text[link.end : line_end if line_end >= 0 else len(text)].strip()
        if not before and any(char.isalnum() for char in after):
            uses[link.url] = uses.get(link.url, 0) + 1
    return {url for url, count in uses.items() if count >= _ICON_USES}


def _problem(alt: str, url: str, placeholders: set[str], file_name: re.Pattern) -> str | None:
    if not alt:
        return "image without alt text: describe what it shows"
    if alt.casefold() in placeholders:
        return f'placeholder alt text "{alt}": describe what the image shows'
    if file_name.match(alt) or alt == _basename(url):
        return f'alt text "{alt}" is a file name: describe what the image shows'
    if _ADDRESS.fullmatch(alt):
        return f'alt text "{alt}" is an address: describe what the image shows'
    return None


# An alt text that is a URL and nothing else (a Notion export's `![https://i.imgur.com/a.png](…)`).
_ADDRESS = lazy(r"(?:https?|ftp)://\S+|www\.\S+\.\S+", re.I)


def _basename(url: str) -> str:
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    return unquote(path.rsplit("/", 1)[-1])

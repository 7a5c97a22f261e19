import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from artlint import data
from artlint.exampletables import example_tables
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.spans import SpanSet
from artlint.urls import names_its_fragment

_PHRASES = data.load("anchor-text")["phrases"]
_CITATIONS = frozenset(data.load("anchor-text")["citations"])
_POINTING_LABEL_ENDS = tuple(word.casefold() for word in data.load("anchor-text")["pointing-label-ends"])
_CELL_ACTIONS = frozenset(data.load("anchor-text")["cell-actions"])
_DOWNLOAD_WORDS = frozenset(data.load("anchor-text")["download-words"])
_DOWNLOAD_ADDRESS = lazy(r"^[a-z][a-z0-9+.-]*://(?:get|dl|download|downloads)\.", re.I)  # a host named for downloads
_WEB_PAGE_SUFFIX = lazy(r"\.(?:html?|php|cgi|aspx?|jsp)$", re.I)  # `download.cgi`, `jdk8-downloads-2133151.html`: pages
_FILE_SUFFIX = lazy(r"/[^/]+\.[A-Za-z0-9]{1,5}$")  # `https://dl.example.org/x.zip`: a file, which "download" does not name


def normalise_anchor(text: str) -> str:
    """Lower-cased, NFKC, without punctuation or symbols, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(" " if unicodedata.category(char)[0] in "PSZ" else char for char in text)
    return " ".join(kept.split())


@lru_cache(maxsize=16)
def _normalised(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise_anchor(phrase) for phrase in phrases)


class LinkTextNonDescriptive(DocumentRule):
    """A link whose text says nothing about where it goes: "click here", "这里", "more".

    ## What it finds
    Links whose whole anchor text, ignoring case, spaces and punctuation, is one of the phrases
    of `rules/anchor-text.toml`: "click here", "here", "link", "read more", "点击这里", "这里",
    "更多", "详情", "hier", "ici", "aquí" and others in a dozen languages. Add phrases with
    `extend-phrases`, or replace the list with `phrases`. A text that is the name of the page
    it leads to ("download" to `/en/download/` or `/downloads/`, or in any language to a host
    named for downloads, `https://get.example.org`), or of the place in a page it leads to
    (`[continue](#continue)`, a parameter linked to its definition), or of the site it leads to
    (`[Continue](https://www.continue.dev/)`, a project's subdomain: `[Click](http://click.pocoo.org)`), is description enough,
    as is a text that is all code (`` [`<details>`](…) ``, an element, a command, an API);
    so is the link that attributes a quotation after a dash or in brackets at its end
    (`> … — [source](https://…)`), a citation alone in the paragraph after what it credits
    (`[source](…)` under a code block; the words are `citations` in `rules/anchor-text.toml`),
    a citation in a footnote (`[^1]: adopted from [Source](…)`)
    or in brackets after a claim (`… in 2022 ([source](…))`) or right after a sentence's end
    (`… 伤亡情况目前未知。[source](…)`, a digest's credit for each item; `… in ranking. —
    [Source](…)`, a dash between) or opening its line (a credit line: `[Source](…) CC0 1.0`,
    `[Source](…) by …`) or right after another link (`- [The game](…) [Source](…)`, `([archive](…),
    [source](…))`: where what that link names comes from), a download word in brackets right after
    what it downloads, leading to that file (`The script ([download](…/rename.scpt)):`),
    "Source" or "Download" in a table cell that holds only links, under a column with a
    heading (in an HTML table with `<th>` headings too, the link all of its `<td>`; a download
    table's `[Source] [Sign] [SHA512]`, whose row names the release, a
    talk's `[下载]` under "讲稿", a column of `[link]`s; the words are `cell-actions`) or among
    the rest of a line after a bold label that names it (a list of documents, `- **Statutes:**
    [download](…pdf)`), or after the label and colon that open its line or list item (`- 微博原文：[链接](…)`,
    `Maven库：[链接](…)`),
    three or more links side by side with only separators between, one of which says
    something (a release's `[64-bit](…), [32-bit](…), [source](…)`; two with a `|` between them,
    `[source](…) | [binary](…)`, or as two list items that are each one link), a
    citation ending a table cell (`… patch releases. [Source](…)`), a picture's credit (after a
    label that says so, `图源：[link](…)`, `Image credit: [here](…)`, or `[Source](…)` on the line
    under an image, or in a caption's line, `Figure 1: … <a href="…">source</a>`), the credit in
    a figure's caption (`<figcaption>… (<a href="…">Source</a>)`),
    an HTML link whose `aria-label` names where it leads (its accessible name, which screen
    readers read instead of its text),
    and the name of a section followed by a word that says so ("in the
    [Download](/install/) section", "见[下载]一节") or found in a heading of the page it is a
    fragment of (`[下载](#downloads)` to "下载资源"), and a link in brackets right after another
    link, a second address of what that one names (`[chunk-hook.md](…) ([source](…))`), and
    a button beside a link to the same address whose text names it (a file block's
    `<a href="x.pdf">The template</a><a href="x.pdf">Download</a>`). A link to `#` alone, to an
    address ending in an empty `#`, or to `javascript:` leads to no page a text could name (a
    "Learn more" toggle run by a script, a style guide's `[点击这里](#)` or `(…/guide#)`): not checked; nor is the call to action of a card in Material
    for MkDocs' grid of cards (`<div class="grid cards" markdown>`), a link on a line of its
    own, whose card's title names it; nor a vague link ending a line or list item that a bold label opens
    when its fragment starts with the label's first word (`* **Ecosystem** — … [Learn
    more…](why.md#ecosystem)`: the item says which section it leads to); nor are the examples in a style guide's table of what to write
    and what not to (its header "Do" and "Don't", "正确" and "错误": `[example-tables]` in
    `rules/links.toml`).

    ## Why it matters
    Screen-reader users jump from link to link and hear only the anchor text; search engines
    use it to know what the target is about. "Click here" tells neither anything, and a list
    of five "here" links is unusable.

    ## Example

        安装说明见[这里](https://example.org/install)。

    reports `non-descriptive link text "这里": say what the link leads to`.
    Better: `见[安装说明](https://example.org/install)。`
    """

    name = "link-text-non-descriptive"
    family = "link"
    severity = Severity.WARNING
    site_pages_only = True
    options = {
        "phrases": Option("list[string]", _PHRASES, "Anchor texts that are not descriptive."),
        "extend-phrases": Option("list[string]", [], "More phrases, added to `phrases`."),
    }

    def check(self, doc, options):
        phrases = _normalised(tuple(options["phrases"] + options["extend-phrases"]))
        quotes = _outermost(sorted((node.start, node.end) for node in doc.nodes("block_quote")))
        for link in doc.links:
            if link.is_image or link.kind in ("definition", "autolink") or link.contains_image:
                continue
            text = normalise_anchor(link.text)
            if text not in phrases or _names_its_target(text, link.url) or _attributes_a_quote(doc, link, quotes):
                continue
            if link.kind == "html" and _named_by_aria_label(doc.text[link.start : link.end], phrases):
                continue  # `<a href="…" aria-label="Keyboard access">Click here</a>`: its accessible name is the label
            examples = example_tables(doc)
            if examples is not None and link.start in examples:
                continue  # "Don't: See [here](#ports)" in a style guide's table: the example of what not to write
            if _leads_nowhere(link.url) or (link.start in _grid_cards(doc) and _a_line_of_its_own(doc.text, link.start)):
                continue  # `href="#"` with a script behind it is a button; a card's title names its call to action
            if _names_a_place(doc, link, text) or _credits_a_figure(doc, link) or _cites_what_precedes(doc, link, text) or _credits_an_image(doc, link, text):
                continue
            if _labelled_section_link(doc, link):
                continue  # "**Ecosystem** — … [Learn more…](why.md#ecosystem)": the label names the section it leads to
            if _names_a_rows_source(doc, link, text) or _labelled_line(doc, link, text) or _in_a_headed_html_cell(doc, link, text):
                continue  # a table's column, a line's label names it
            if _qualifies_the_link_before(doc, link) or _CODE_TEXT.match(doc.text, link.start):
                continue  # (`[`<details>`](…)`: code names an element, a command, an API)
            if _beside_a_link_that_says(doc, link, phrases) or _one_of_alternatives(doc, link, text, phrases):
                continue
            yield doc.diagnostic(
                    f'non-descriptive link text "{link.text.strip()}": say what the link leads to', link.start, link.end
                )


# A link whose whole text is a code span: `[`more`](…)`, `[`<details>`](…)`.
_CODE_TEXT = lazy(r"\[[ \t]*(`+)[^`\n]+\1[ \t]*\]")


def _names_its_target(text: str, url: str) -> bool:
    """"download" linking to /en/download/, "source" to …/source.html, "url" to a registry's
    page of the crate of that name (`crates.io/crates/url/…`): the text is the name of the page
    or the thing it leads to, which is description enough. So is the name of the place in a
    page: `[continue](#continue)`, an API parameter called continue linked to its definition;
    `[request](api.html#flask.request)`, Sphinx's link to an object by its dotted name. And
    the name of the site it leads to: `[Continue](https://www.continue.dev/)`, or of a project's
    subdomain: `[Click](http://click.pocoo.org)`. And a term's initials linked to the page named
    in full: `[URL](https://fr.wikipedia.org/wiki/Uniform_Resource_Locator)`."""
    if names_its_fragment(text, url) or text == _site_name(url) or text == _project_label(url):
        return True  # ... and `[Continue](https://www.continue.dev/)`, `[Click](http://click.pocoo.org)`: a product named by its site
    download = text.removesuffix(" here") in _DOWNLOAD_WORDS  # "Download here" is "Download"
    if download and _DOWNLOAD_ADDRESS.search(url) and not _FILE_SUFFIX.search(urlsplit(url).path):
        return True  # "Download" to https://get.delta.chat: the download site, not a file
    path = _url_path(url)
    # Any segment of the path: `[url](https://crates.io/crates/url/reverse_dependencies)` names the crate;
    # in the singular or the plural: "Download here" to /downloads/.
    segments = {normalise_anchor(segment.rsplit(".", 1)[0].replace("-", " ").replace("_", " ")) for segment in path.split("/") if segment}
    named = text.removesuffix(" here") if download else text
    if download and segments & {"download", "downloads"} and (not _FILE_SUFFIX.search(path) or _WEB_PAGE_SUFFIX.search(path)):
        return True  # "下载" to …/java/technologies/downloads/: the download page, in any language (not a file there)
    if segments & {named, named + "s", named.removesuffix("s")}:
        return True
    # Or its initials: `[URL](https://fr.wikipedia.org/wiki/Uniform_Resource_Locator)`, a term linked to its definition.
    return any(len(words) >= 2 and "".join(word[0] for word in words) == named for words in (segment.split() for segment in segments))


# The second level under a country's domain (`example.co.uk`, `example.com.cn`), so that the
# site's own name is the label before it.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "edu", "gov", "or", "ne", "go"})


def _site_name(url: str) -> str | None:
    """The name a site registered, `continue` of `https://www.continue.dev/`."""
    if "://" not in url:
        return None
    try:
        labels = (urlsplit(url).hostname or "").split(".")
    except ValueError:
        return None
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else None


def _project_label(url: str) -> str | None:
    """The first label of a host of three or more, `click` of `http://click.pocoo.org/`, when
    the link leads to that host's home page: a project's own site under its maker's (`www` is
    none; `[link](https://link.springer.com/article/1)` leads into a site, and says nothing)."""
    if "://" not in url:
        return None
    try:
        parts = urlsplit(url)
        labels = (parts.hostname or "").split(".")
    except ValueError:
        return None
    if parts.path not in ("", "/") or parts.query:
        return None
    return labels[0] if len(labels) >= 3 and labels[0] != "www" else None


# Material for MkDocs' grid of cards, `<div class="grid cards" markdown>`: a list whose items
# are cards, each a title and a call to action (`[:octicons-arrow-right-24: Reference](#)`).
_CARDS_OPEN = lazy(r"""<div\b[^<>]{0,400}?\bclass\s*=\s*["'](?=[^"'<>]{0,200}?\bgrid\b)(?=[^"'<>]{0,200}?\bcards\b)""", re.I)
_DIV_TAG = lazy(r"<(/?)div\b", re.I)


def _grid_cards(doc) -> SpanSet:
    """Where Material's grids of cards lie: from the opening `<div class="grid cards">` to its
    `</div>` (nested divs counted)."""

    def compute() -> SpanSet:
        spans = []
        text = doc.text
        position = 0
        while (opening := _CARDS_OPEN.search(text, position)) is not None:
            depth, end = 0, len(text)
            for tag in _DIV_TAG.finditer(text, opening.start()):
                depth += -1 if tag.group(1) else 1
                if depth == 0:
                    end = tag.end()
                    break
            spans.append((opening.start(), end))
            position = end
        return SpanSet(spans)

    return doc.memo("link-text-non-descriptive grid cards", lambda: compute() if "cards" in doc.text else _NO_SPANS)


_NO_SPANS = SpanSet([])


def _a_line_of_its_own(text: str, offset: int) -> bool:
    """Whether the link at `offset` (or the link around it) is all of its line: a card's call
    to action, `[:octicons-arrow-right-24: Reference](…)`, not a link inside a sentence."""
    start = text.rfind("\n", max(0, offset - _CARD_LINE), offset) + 1
    end = text.find("\n", offset, offset + _CARD_LINE)
    if start == 0 and offset >= _CARD_LINE or end < 0 and offset + _CARD_LINE < len(text):
        return False  # a line thousands of characters long is no card's button
    line = text[start : end if end >= 0 else len(text)].strip()
    return line.startswith(("[", "<a")) and line.endswith((")", ">", "}"))


_CARD_LINE = 1000


def _leads_nowhere(url: str) -> bool:
    """`#` alone, an address ending in an empty `#` (`https://x.org/guide#`, a style guide's
    example of a link) or a `javascript:` URL: no place that a text could name."""
    url = url.strip()
    return url.endswith("#") or url[:11].lower() == "javascript:"


def _qualifies_the_link_before(doc, link) -> bool:
    """`[045-chunk-hook.md](…) ([source](…))`: a link in brackets right after another link is
    a second address of what that one names (its source, its PDF), and reads as such; so does
    one whose text is in brackets (`[GestureDetector](…) [(source)](…)`)."""
    text = doc.text
    if text[link.start - 1 : link.start] == "(" and text[link.end : link.end + 1] == ")":
        opening = link.start - 1
    elif link.text.strip().startswith("(") and link.text.strip().endswith(")"):
        opening = link.start  # `[GestureDetector](…) [(source)](…)`: the brackets inside the link
    else:
        return False
    before = len(text[max(0, opening - _BESIDE) : opening].rstrip(" \t")) + max(0, opening - _BESIDE)
    return before in doc.memo("link-text-non-descriptive link ends", lambda: frozenset(other.end for other in doc.links if not other.is_image))


_BESIDE = 160  # characters of markup between a button and the link it repeats
_TAG = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"[^\W_]")


def _beside_a_link_that_says(doc, link, phrases) -> bool:
    """`<a href="x.pdf">The activity template</a><a href="x.pdf">Download</a>`: a button right
    beside a link to the same address whose text says what it is (a WordPress file block),
    nothing but markup between. The reader knows the target from its neighbour; with words
    between (`[Neovim](x) as my editor ([read more](x))`) the link stands on its own."""
    places = _saying_links(doc, phrases).get(link.url)
    if not places:
        return False
    index = bisect_right(places, (link.start, link.start, ""))
    neighbours = places[max(0, index - 1) : index + 1]
    for start, end, words in neighbours:
        gap = doc.text[end : link.start] if end <= link.start else doc.text[link.end : start]
        # An HTML anchor's markup ends with its opening tag: its text is in the gap.
        if len(gap) <= _BESIDE and "\n\n" not in gap and not _WORD.search(_TAG.sub("", gap).replace(words, "", 1)):
            return True  # side by side, only markup between: words between make it a link of its own
    return False


# What may stand between links offered as alternatives: `, ` ` | ` ` / ` `·`, "or".
_ALTERNATIVES_GAP = re.compile(r"[\s,|/·•;、，]*(?:\b(?:or|and)\b|或|和)?[\s,|/·•;、，]*")


def _one_of_alternatives(doc, link, text: str, phrases) -> bool:
    """`Nim 2.2.4: [64-bit](…), [32-bit](…), [source](…)`: "source" or "download" among three
    or more links side by side, only separators between them (two, with a `|` between them:
    `[source](…) | [binary](…)`), is one of the variants the
    line offers, and its neighbours' texts ("64-bit", "PDF") say the run is a choice. A run
    of "here"s says nothing (at least one neighbour must say something)."""
    return text in _CELL_ACTIONS and link.start in _links_among_alternatives(doc, phrases)


def _links_among_alternatives(doc, phrases) -> frozenset[int]:
    """The starts of the links in runs of three or more side by side with one that says
    something, found in one pass over the page's links (a line of 20,000 links is no
    quadratic walk)."""

    def compute() -> frozenset[int]:
        links = _anchors_in_order(doc)
        found: set[int] = set()
        run = links[:1]
        barred = False  # a `|` between two of the run: a menu's choices, two of them enough
        for before, after in zip(links, links[1:], strict=False):
            if _only_separators(doc, before, after):
                run.append(after)
                barred = barred or "|" in doc.text[before[1] : after[0]]
                continue
            if _next_item_of_links(doc, before, after):
                run.append(after)
                barred = True  # `* [source](…)` then `* [binary](…)`: a list of the choices, two enough
                continue
            found |= _offered(run, phrases, barred)
            run, barred = [after], False
        return frozenset(found | _offered(run, phrases, barred))

    return doc.memo(f"link-text-non-descriptive alternatives {id(phrases)}", compute)  # phrases: one object per options


def _offered(run, phrases, barred: bool) -> set[int]:
    if len(run) >= (2 if barred else 3) and any(normalise_anchor(words) not in phrases for _, _, words in run):
        return {start for start, _, _ in run}
    return set()


def _only_separators(doc, before: tuple[int, int, str], after: tuple[int, int, str]) -> bool:
    gap = doc.text[before[1] : after[0]]
    if len(gap) > _BESIDE or "\n\n" in gap:
        return False
    # An HTML anchor's markup ends with its opening tag: its text and `</a>` are in the gap.
    words = _TAG.sub("", gap).replace(before[2], "", 1)
    if "\n" in words and not words.strip():
        return False  # a line break alone ends a line of links: the next line says something else
    return _ALTERNATIVES_GAP.fullmatch(words) is not None


# The end of a list item that is one link and the start of the next: `) \n* [`.
_ITEM_GAP = lazy(r"[ \t]*\n[ \t]*[-*+][ \t]+")
_ITEM_START = lazy(r"(?:^|\n)[ \t]*[-*+][ \t]+$")


def _next_item_of_links(doc, before: tuple[int, int, str], after: tuple[int, int, str]) -> bool:
    """Two list items, one after the other, each nothing but its link: a list of choices."""
    if _ITEM_GAP.fullmatch(doc.text, before[1], after[0]) is None:
        return False
    line_start = doc.text.rfind("\n", 0, before[0]) + 1
    if _ITEM_START.search(doc.text[max(0, line_start - 1) : before[0]]) is None:
        return False
    line_end = doc.text.find("\n", after[1])
    return not doc.text[after[1] : len(doc.text) if line_end < 0 else line_end].strip()


def _anchors_in_order(doc) -> list[tuple[int, int, str]]:
    """(start, end, text) of every link that is not an image or a definition, in order."""

    def compute():
        return sorted((item.start, item.end, item.text) for item in doc.links if not item.is_image and item.kind != "definition")

    return doc.memo("link-text-non-descriptive anchors", compute)


def _saying_links(doc, phrases) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, text) of the links of each address whose text is not one of `phrases`, in
    order; made once per document."""

    def compute():
        places: dict[str, list[tuple[int, int, str]]] = {}
        for other in doc.links:
            if other.url and not other.is_image and other.kind != "definition" and normalise_anchor(other.text) not in phrases:
                places.setdefault(other.url, []).append((other.start, other.end, other.text))
        return places

    return doc.memo("link-text-non-descriptive saying links", compute)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


_DASH_BEFORE = re.compile(r"(?:^|\s)[-–—―－~]\s*$")
_DATE_AFTER = re.compile(r"[-–—―－~]\s*[\d./年月日 -]+")  # `[source](…) - 2025.03.24`


def _attributes_a_quote(doc, link, quotes: list[tuple[int, int]]) -> bool:
    """`> Busyness is the new status symbol. — [source](https://…)`: the link that ends a
    quotation, after a dash or on its last line, names where the words come from: the
    convention of a quotation's attribution rather than a link in running text."""
    index = bisect_right(quotes, (link.start, len(doc.text))) - 1
    if index < 0 or not quotes[index][0] <= link.start < quotes[index][1]:
        return False
    text = doc.text
    line_end = text.find("\n", link.end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[link.end : line_end].strip()
    if text[link.start - 1 : link.start] in ("[", "(") and not after.strip(")]. ") and not text[line_end : quotes[index][1]].strip(" \t\n>"):
        return True  # `… for client and server applications. [[source][wasm]]`: bracketed at its end
    if after and not _DATE_AFTER.fullmatch(after):
        return False  # more words follow on the line: the link is in the sentence
    line_start = text.rfind("\n", 0, link.start) + 1
    before = text[line_start : link.start].lstrip(" \t>")
    if not before.strip() and not text[line_end : quotes[index][1]].strip(" \t\n>"):
        return True  # alone on the quotation's last line
    if not before.strip() and line_start > 0:
        before = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return _DASH_BEFORE.search(before.rstrip()) is not None


# "the [Download](/install/) section", "见[下载]一节": the text is the name of a part of the site.
_PLACE_AFTER = re.compile(r"\s*(?:(?:section|page|tab|chapter|menu|area|panel)s?\b|一节|章节|部分|页面|栏目|板块)", re.I)


def _names_a_place(doc, link, text: str) -> bool:
    """The link's text is the name of the section it leads to: a word for a part of a page
    follows it ("the [Download] section"), or it is a fragment of the page and a heading of
    the page holds the text (`[下载](#artdownload)` to "下载资源")."""
    if _PLACE_AFTER.match(doc.text, link.end):
        return True
    if not link.url.startswith("#"):
        return False
    within = re.compile(rf"(?<![^\W_]){re.escape(text)}" if text.isascii() else re.escape(text))
    return any(within.search(normalise_anchor(doc.text[node.start : node.end])) for node in doc.nodes("heading"))


_FIGCAPTION_OPEN = re.compile(r"<figcaption\b", re.I)
_ARIA_LABEL = lazy(r"""\baria-label\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _named_by_aria_label(tag: str, phrases) -> bool:
    """An HTML link whose `aria-label` says where it leads: screen readers read the label, not
    the text (WCAG 2.4.4's accessible name)."""
    found = _ARIA_LABEL.search(tag)
    if found is None:
        return False
    label = normalise_anchor(found.group(1) if found.group(1) is not None else found.group(2))
    return bool(label) and label not in phrases
# What says that a link gives a picture's origin: `（图源：[link](…)）`, `图片都来自[这里](…)`,
# `Image credit: [here](…)`.
_IMAGE_CREDIT_BEFORE = lazy(r"(?:图源|图片?[^\n]{0,4}?(?:来自|来源|出自)|(?:image|photo|picture|figure)s?\s+(?:source|credits?|from))[ \t]*[:：]?[ \t]*$", re.I)
_IMAGE = lazy(r"!\[[^\]\n]*\]\(|<img\b", re.I)
# A caption's line up to the link: `Figure 1: …`, `Fig. 2.`, `图 3：`.
_CAPTION_LINE = lazy(r"(?:^|\n)[ \t]*[*_]*(?:figure|fig\.|image|photo|图|圖)[ \t]*\d+[*_]*[ \t]*[:：.][^\n]*\Z", re.I)


def _credits_an_image(doc, link, text: str) -> bool:
    """A link that gives a picture's origin: after a label that says so (`图源：[link](…)`,
    `Image credit: [here](…)`), or a citation (`[Source](…)`) on the line right under an
    image or on the image's own line."""
    if _IMAGE_CREDIT_BEFORE.search(doc.text, max(0, link.start - 20), link.start):
        return True
    if text not in _CITATIONS:
        return False
    if _CAPTION_LINE.search(doc.text, max(0, link.start - _CREDIT_REACH), link.start):
        return True  # `Figure 1: MVC diagram, <a href="…">source</a>.`: a figure's caption credits it
    # Within _CREDIT_REACH characters: a line of 20,000 links is not searched whole for each.
    reach = max(0, link.start - _CREDIT_REACH)
    line_break = doc.text.rfind("\n", reach, link.start)
    previous_break = doc.text.rfind("\n", reach, line_break) if line_break > reach else -1
    return _IMAGE.search(doc.text, previous_break + 1 if previous_break >= 0 else reach, link.start) is not None


_CREDIT_REACH = 1000


def _credits_a_figure(doc, link) -> bool:
    """`<figcaption>… (<a href="…">Source</a>)</figcaption>`: a link in a figure's caption
    credits where the picture comes from."""
    text = doc.text
    opening = text.rfind("<figcaption", max(0, link.start - 2000), link.start)
    if opening < 0 or not _FIGCAPTION_OPEN.match(text, opening):
        return False
    return "</figcaption" not in text[opening : link.start].lower()


def _names_a_rows_source(doc, link, text: str) -> bool:
    """`| Apache Pegasus 2.0.0 | [Source][src] | [Sign][asc] |`, `| 2020 | … | [下载](x.pdf) |`
    under "讲稿": in a table cell of links only, under a column with a heading, "Source" or
    "Download" says what it is by its row and its column (`cell-actions`)."""
    if text not in _CELL_ACTIONS and text not in _CITATIONS:
        return False
    for table in doc.nodes("table"):
        if not table.start <= link.start < table.end:
            continue
        rows = [row for row in table.children if row.type == "table_row"]
        for row in rows[1:]:
            for column, cell in enumerate(row.children):
                if cell.start <= link.start < max(cell.end, cell.start + 1):
                    heading = rows[0].children[column] if column < len(rows[0].children) else None
                    if heading is None or not doc.text[heading.start : heading.end].strip():
                        return False
                    if text in _CITATIONS and not _links_only(doc, cell):
                        return _ends_cell(doc, link, cell)  # `… patch-level releases. [Source](…)`: the cell's credit
                    return _links_only(doc, cell)
    return False


# An HTML link that is all of its table cell: `<td>` before it, its text, `</a>` and `</td>`.
_CELL_OPENS_BEFORE = lazy(r"<td\b[^<>]*>\s*\Z", re.I)
_CELL_CLOSES_AFTER = lazy(r"[^<]*</a\s*>\s*</td\s*>", re.I)
_TABLE_OPENING = lazy(r"<table\b", re.I)
_HEADING_CELL = lazy(r"<th\b", re.I)


def _in_a_headed_html_cell(doc, link, text: str) -> bool:
    """`<td><a href="…/releases/tag/v1">Download</a></td>` in an HTML table with headings
    (`<th>Patch</th>`): as in a markdown table, the row and the column say what it is."""
    if link.kind != "html" or text not in _CELL_ACTIONS:
        return False
    if not _CELL_OPENS_BEFORE.search(doc.text, max(0, link.start - 200), link.start) or not _CELL_CLOSES_AFTER.match(doc.text, link.end):
        return False
    openings = list(_TABLE_OPENING.finditer(doc.text, max(0, link.start - 20000), link.start))
    return bool(openings) and _HEADING_CELL.search(doc.text, openings[-1].end(), link.start) is not None


# An HTML link's text and closing tag, after its opening tag: `链接</a>`.
_HTML_LINK_REST = lazy(r"^[^<\n]*</a\s*>", re.I)
# A line's label before a colon, in a list item or not: `- 微博原文：`, `* Slides: `, `Maven库：`
# (no link, code or markup in it).
_LINE_LABEL = lazy(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?([^\s:：\[\]<>`*_|][^:：\n\[\]<>`*_|]{0,40}?)[ \t]*[:：][ \t]*")
# A line's bold label, after a list marker or none: `- **Satzung:** `, `**讲稿**：`.
_BOLD_LABEL = lazy(r"[ \t]*(?:[-*+]|\d{1,9}[.)])?[ \t]*(\*\*|__)[^*_\n]*[^\s*_][ \t]*[:：]?\1[ \t]*[:：]?[ \t]*")


def _labelled_line(doc, link, text: str) -> bool:
    """`- **Satzung:** [download](…pdf)`, `- 微博原文：[链接](…)`: "Download", "Source" or "链接"
    (`cell-actions`) as the whole rest of a line whose label, bold or ending in a colon at the
    start of the line or of a list item, names what it is (a label that only points, `具体见：`,
    `See:`, names nothing: `pointing-label-ends` in rules/anchor-text.toml), as a column's heading names a table cell's (a list
    of documents, each with its label: the link's purpose told by its list item)."""
    if text not in _CELL_ACTIONS:
        return False
    line_start = doc.text.rfind("\n", 0, link.start) + 1
    line_end = doc.text.find("\n", link.end)
    after = doc.text[link.end : line_end if line_end >= 0 else len(doc.text)]
    if link.kind == "html":
        after = _HTML_LINK_REST.sub("", after, count=1)  # `<a href="…">链接</a>`: its text and closing tag
    if after.strip(" \t.。;；,，"):
        return False
    if _BOLD_LABEL.fullmatch(doc.text, line_start, link.start) is not None:
        return True
    label = _LINE_LABEL.fullmatch(doc.text, line_start, link.start)
    if label is None or normalise_anchor(label.group(1)) in _CELL_ACTIONS:
        return False
    return not label.group(1).strip().casefold().endswith(_POINTING_LABEL_ENDS)  # `具体见：[链接]` points, names nothing


# The bold label that opens a line or a list item: `* **Strict** and **Lax** mode — …`.
_OPENING_BOLD = lazy(r"[ \t]*(?:[-*+]|\d{1,9}[.)])?[ \t]*(?:\*\*|__)([^*_\n]{1,80}?)(?:\*\*|__)")
_FRAGMENT_WORD = lazy(r"[a-z0-9\u00c0-\u024f\u3400-\u9fff]+")


def _labelled_section_link(doc, link) -> bool:
    """`* **Ecosystem** — … [Learn more…](why.md#ecosystem)`: a vague link ending the line
    its bold label opens, whose fragment starts with the label's first word: the label says
    which section the link leads to (the link's purpose told by its list item)."""
    fragment = link.url.partition("#")[2].lower()
    if not fragment:
        return False
    line_start = doc.text.rfind("\n", 0, link.start) + 1
    label = _OPENING_BOLD.match(doc.text, line_start, link.start)
    if label is None:
        return False
    words = _FRAGMENT_WORD.findall(label.group(1).lower())
    fragment_words = _FRAGMENT_WORD.findall(unquote(fragment))
    return bool(words) and bool(fragment_words) and fragment_words[0] == words[0]


def _ends_cell(doc, link, cell) -> bool:
    return not doc.text[link.end : cell.end].strip(" \t|.。")


def _links_only(doc, cell) -> bool:
    """Whether a table cell holds nothing but links (and the brackets and separators between)."""
    rest = doc.text[cell.start : cell.end]
    for other in sorted((item for item in doc.links if cell.start <= item.start and item.end <= cell.end), key=lambda item: item.start, reverse=True):
        rest = rest[: other.start - cell.start] + rest[other.end - cell.start :]
    return not rest.strip(" \t|()[].,;:/·•")


# Not a number's dot (`2.[source]`); a dash may stand between (`… in web ranking. — [Source](…)`).
_SENTENCE_END_BEFORE = lazy(r"[^\s\d][.!?。！？][^\S\n]*(?:[-–—―][^\S\n]*)?$")  # hair spaces around the dash too


# What may stand on a line before a link that opens it: indentation, a quote's or a list's marker.
_LINE_OPENING = lazy(r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?")
_BETWEEN_LINKS = " \t,，、|/·"


def _after_a_link(doc, start: int) -> bool:
    """Whether another link ends right before `start`, only spaces or a separator between."""
    at = start
    while at > 0 and start - at < 4 and doc.text[at - 1] in _BETWEEN_LINKS:
        at -= 1
    return at in doc.memo("link-text-non-descriptive link ends", lambda: {other.end for other in doc.links if not other.is_image})


def _whole_end(doc, link) -> int:
    """Where the link ends: an HTML link's after its `</a>` (its span is the opening tag)."""
    if link.kind != "html":
        return link.end
    closing = doc.text.find("</a>", link.end, link.end + _HTML_LINK_TEXT_REACH)
    return closing + 4 if closing >= 0 else link.end


_HTML_LINK_TEXT_REACH = 200


def _url_path(url: str) -> str:
    """An address's path: a full URL's, or a relative one's without its query and fragment."""
    return urlsplit(url).path if "://" in url else url.split("#", 1)[0].split("?", 1)[0]


def _downloads_a_file(url: str) -> bool:
    """Whether the address is a file's (`/uploads/numbers.rb`, `x.zip`), not a web page's."""
    path = _url_path(url)
    return _FILE_SUFFIX.search("/" + path) is not None and _WEB_PAGE_SUFFIX.search(path) is None


_FOOTNOTE_OPENING = lazy(r"[ \t]{0,3}\[\^[^\]\n]{1,100}\]:")


def _cites_what_precedes(doc, link, text: str) -> bool:
    """`[source](https://wiki.example.org/x)` alone in the paragraph (inline tags around it or
    not) after a code block or a passage, in a footnote (`[^1]: adopted from [Source](…)`), in
    brackets after a claim (`… legal tender in 2022 ([source](…))`) or right after
    a sentence's end, a dash between or not (`… 目前未知。[source](…)`, `… in ranking. —
    [Source](…)`): the credit for what precedes it."""
    if text in _DOWNLOAD_WORDS and _downloads_a_file(link.url) and doc.text[link.start - 1 : link.start] in ("(", "（"):
        end = _whole_end(doc, link)
        return doc.text[end : end + 1] in (")", "）", ",", "，")  # `The script ([download](x.scpt)):`: that file
    if text not in _CITATIONS:
        return False
    if doc.text[link.start - 1 : link.start] in ("(", "（", "[") and doc.text[link.end : link.end + 1] in (")", "）", "]"):
        return True
    if _SENTENCE_END_BEFORE.search(doc.text, max(0, link.start - 8), link.start):
        return True  # `… 伤亡情况目前未知。[source](…)`, `… was released. — [Source](…)`: the credit of that sentence
    line_start = doc.text.rfind("\n", 0, link.start) + 1
    if _FOOTNOTE_OPENING.match(doc.text, line_start, link.start):
        return True  # `[^1]: adopted from [Source](…)`: a footnote, which cites by nature
    if _LINE_OPENING.fullmatch(doc.text, line_start, link.start):
        return True  # `[Source](…) by The Kermit Project`, `[Source](…)， CC0 协议`: a credit line of its own
    if _after_a_link(doc, link.start):
        return True  # `- [信任的进化](…) [Source](…)`, `([archive](…), [source](…))`: where what that link names comes from
    paragraph = next((block for block in doc.nodes("paragraph") if block.start <= link.start < block.end), None)
    if paragraph is None:
        return False
    around = doc.text[paragraph.start : link.start] + doc.text[link.end : paragraph.end]
    # Tags are no words: `<span style="float:right;">[[source]](…/core.py#L22)</span>` alone
    # above an API entry's heading is its link to the code.
    return not _TAG.sub("", around).strip(" \t\n()[].:：（）")


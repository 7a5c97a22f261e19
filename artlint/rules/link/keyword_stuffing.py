import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import permutations
from urllib.parse import parse_qsl, unquote, urlsplit

from artlint import data
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.links import Link, definition_line_range, unlink_ranges
from artlint.localfiles import read_on_github
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.sites import DOCUMENTATION_GENERATORS
from artlint.urls import domain_set, host_in, names_its_fragment, page_key, scheme, short_form

_DATA = data.load("links")["keyword-stuffing"]
# "here", "这里", "link": vague anchors say nothing, which is link-text-non-descriptive's
# business; stuffing links a keyword.
_VAGUE_ANCHORS = data.load("anchor-text")["phrases"]
# What may stand next to a word of a sentence: a link between them is in running text.
_SENTENCE_PUNCTUATION = frozenset(",.;:!?'\"’”“‘，。、；：！？…「」『』")
_CLOSING_A = lazy(r"</a\s*>", re.I)
_WORD = lazy(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]", re.I)
# A common word: one lower-case word or a run of CJK characters, nothing that makes a name,
# a phrase or code.
_COMMON_WORD = lazy(r"[a-z\u00df-\u00ff]{2,24}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,12}")


class LinkKeywordStuffing(DocumentRule):
    """SEO link stuffing: a common word linked again and again to a promotional page.

    ## What it finds
    Every link of a group in which the same anchor text points at the same page at least
    `min-repeats` times (3) in one article, when that page looks promotional: its URL matches
    one of `promotional-patterns` (course and training pages, also by their pinyin slugs
    `kecheng`, `ke-cheng`, `peixun`, `zhibo`; affiliate and tracking parameters). Or the anchor
    is a common word (one lower-case word or a CJK word, not a name, phrase or code) and either
    its host also receives another repeated common word, or the word is linked
    `min-repeats-any-page` times (4) to one place of one inner page, mostly in running text.
    Inline, reference-style (the uses and the definition), autolinks and raw HTML `<a href>`
    count, in one group with the markdown links to the same page; links in code never.
    Not stuffing: anchors that name the target (a project or brand linked to its own site, a
    package to its docs: the anchor's words appear in the URL), names and credits linked to
    profiles (`profile-patterns`, and the `platform-hosts` such as GitHub where everyone has a
    page, `[iptables](…/projects/iptables/index.html)`, or a name split over the host, `[mbedtls]
    (https://tls.mbed.org/)`), links to the `citation-hosts` (journals, DOI resolvers, reference
    works, standards, universities' pages), terms linked to documentation, wiki and glossary hosts or sections
    (`reference-host-labels`: `doc.rust-lang.org`, `docs.rs`, `kubectl.docs.kubernetes.io`, `example.org/docs/`, a glossary's page, a label among
    the words of the first folder after a language's, `…/zh-cn/theme-documentation-basics`) and
    a document's file (`datasheet.pdf`, cited page by page) when the URL is not promotional (on a
    documentation host, whose first label is one of those, even then: `developer.android.com/training/…`
    is Android's documentation). A word linked only to one page, without a promotional URL, is not
    stuffing either when the page is a front page (a product linked to its site), when the
    page's path names the word (a glossary entry, a package page; a Chinese title each of whose
    characters the page's file name holds, `[完全背包理论基础](…/背包问题理论基础完全背包.html)`), when the links go to
    different places of the page (`#l-24`, `#l-61`: a log cited line by line) or to a different
    item each (each link its own query: `?driverid=5gchc`, `?driverid=9f2tg`), when the links
    stand alone as navigation (a list item, table cell or paragraph of their own), when one of
    them is a section's heading but for its number (`## XII. [太空飞行计划问题](…/P2762)`: a
    problem set's sections refer back to earlier problems), or when the
    anchor is vague ("here", "这里": link-text-non-descriptive's business). Without a
    promotional URL, links to the site's own pages (the host of its configured URL: Hugo's
    `baseURL`, Jekyll's and Hexo's `url`, Docusaurus' `url`; for a repository's own documents,
    such as its README, the `homepage` of its package.json) are cross-references, and links to
    several sections of one page (`#s1`, `#s2`) cite a source place by place; on a page of a
    documentation generator (Docusaurus' docs, MkDocs, VitePress, VuePress), a guide's steps
    link the page they work in each time.

    ## Why it matters
    Re-posted news articles often arrive with every occurrence of a common word linked to a
    course or shop page of the site they came from. Readers see a page of blue words that lead
    nowhere useful, and search engines penalise the page as link spam.

    ## Example

        这名儿童的[肿瘤](http://xy.example.com/course_video/zhong-liu-123.html)细胞...
        ...对抗[肿瘤](http://xy.example.com/course_video/zhong-liu-123.html)...
        ...恶性[肿瘤](http://xy.example.com/course_video/zhong-liu-123.html)。

    reports each link: `"肿瘤" linked 3 times to xy.example.com/course_video/... (keyword stuffing)`.

    ## Fix
    Safe: each stuffed link becomes its own text (`[肿瘤](http://...)` becomes `肿瘤`, its
    emphasis or other markup kept), for inline, reference-style and HTML `<a>` links; a
    reference definition is deleted when no link uses it any more. Autolinks and links around
    images are left for you.
    """

    name = "link-keyword-stuffing"
    family = "link"
    severity = Severity.ERROR
    fixable = "safe"
    options = {
        "min-repeats": Option("integer", _DATA["min-repeats"], "Links with the same anchor to the same page that make a group."),
        "min-repeats-any-page": Option(
            "integer",
            _DATA["min-repeats-any-page"],
            "Links of a common word to one page that are stuffing even when no other word of the article repeats to its host.",
        ),
        "promotional-patterns": Option(
            "list[string]", _DATA["promotional-patterns"], "Regular expressions that mark a URL as promotional."
        ),
        "citation-hosts": Option("list[string]", _DATA["citation-hosts"], "Hosts (and their subdomains) that are never stuffing."),
        "reference-host-labels": Option(
            "list[string]",
            _DATA["reference-host-labels"],
            "First labels of documentation, wiki and glossary hosts (docs.rs, wiki.osdev.org), and first path segments"
            " of such sections (example.org/docs/): a term linked there is not stuffing unless its URL is promotional.",
        ),
        "platform-hosts": Option(
            "list[string]", _DATA["platform-hosts"], "Hosts of many people's pages, where repeated anchors are credits."
        ),
        "profile-patterns": Option(
            "list[string]", _DATA["profile-patterns"], "Regular expressions for URL paths of people's pages."
        ),
    }

    def check(self, doc, options):
        patterns = _compiled(tuple(options["promotional-patterns"]))
        profiles = _compiled(tuple(options["profile-patterns"]))
        groups = defaultdict(list)
        definitions: dict[str, Link] = {}
        for link in doc.links:
            if link.kind == "definition":
                definitions.setdefault(link.label.casefold() if link.label else "", link)
                continue
            if link.is_image or scheme(link.url) not in ("http", "https") or names_its_fragment(link.text, link.url):
                continue  # an API's object linked to its definition at each mention: documentation, not stuffing
            anchor = _normal_anchor(link.text)
            if anchor:
                groups[(anchor, page_key(link.url))].append(link)
        repeated_by_host = defaultdict(set)
        for (anchor, _page), links in groups.items():
            if len(links) >= 2 and _is_common_word(links[0].text):
                repeated_by_host[links[0].host].add(anchor)
        own_host = doc.site.host if doc.site is not None else ""
        if not own_host and doc.site is not None and read_on_github(doc):
            own_host = doc.site.project_host  # a README's links to the project's own site: its homepage in package.json
        documentation = _is_documentation(doc)
        stuffed = [
            links
            for links in groups.values()
            if self._is_stuffed(doc, links, repeated_by_host, patterns, profiles, options, own_host, documentation)
        ]
        uses = Counter(link.label.casefold() for link in doc.links if link.kind == "reference" and link.label)
        unlinked = Counter(
            link.label.casefold() for links in stuffed for link in links if link.kind == "reference" and link.label
        )
        for links in stuffed:
            message = f'"{links[0].text.strip()}" linked {len(links)} times to {short_form(links[0].url)} (keyword stuffing)'
            reported_definitions = set()
            for link in links:
                yield doc.diagnostic(message, link.start, link.end, fix=_unlink_fix(doc, link))
                if link.kind == "reference" and link.label:
                    label = link.label.casefold()
                    definition = definitions.get(label)
                    if definition is not None and definition.start not in reported_definitions:
                        reported_definitions.add(definition.start)
                        fix = _drop_definition_fix(doc, definition) if unlinked[label] == uses[label] else None
                        yield doc.diagnostic(message + "; reference definition", definition.start, definition.end, fix=fix)

    def _is_stuffed(self, doc, links, repeated_by_host, patterns, profiles, options, own_host: str = "", documentation: bool = False) -> bool:
        if len(links) < options["min-repeats"]:
            return False
        if host_in(links[0].host, domain_set(tuple(options["citation-hosts"]))):
            return False
        if _names_its_target(links[0].text, links[0].url):
            return False
        promotional = any(pattern.search(link.url) for link in links for pattern in patterns)
        if promotional and not _on_a_documentation_host(links[0].host, options["reference-host-labels"]):
            return True
        if documentation:
            return False  # a guide links the page each step works in: navigation, not a keyword
        if _is_reference_page(links[0].url, links[0].host, options["reference-host-labels"]):
            return False  # a term linked to its documentation or wiki entry, again and again
        if _is_document_file(links[0].url):
            return False  # `See page 31 of the [datasheet](…/256Mb_sdr.pdf)`: a document cited page by page
        if own_host and _same_site(links[0].host, own_host):
            return False  # the site's own page, written as a full URL: a cross-reference
        fragments = {_fragment(link.url) for link in links}
        if len(fragments) > 1 and "" not in fragments:
            return False  # places of one page (`#section-3`, `#l-24`): a source cited section by section
        queries = {_query(link.url) for link in links}
        if len(queries) == len(links) and "" not in queries:
            return False  # a different item each time (`?driverid=5gchc`, `?driverid=9f2tg`): a list of downloads
        link = links[0]
        if not _is_common_word(link.text) or _is_vague(link.text):
            return False
        if host_in(link.host, domain_set(tuple(options["platform-hosts"]))):
            return False
        if any(pattern.search(link.url) for pattern in profiles):
            return False
        if _heads_a_section(doc, links):
            return False  # `# XII. [Problem](…/P2762)`: a section's subject, which later text refers back to
        if len(repeated_by_host[link.host]) >= 2:
            return True  # common words spread over one host
        if len(links) < options["min-repeats-any-page"] or not _is_one_place_of_a_page(links):
            return False
        return sum(_in_running_text(doc.text, link) for link in links) * 2 > len(links)


# What a heading may hold besides the link that names its subject: a number, a roman numeral.
_NUMBERING = lazy(r"[\s#.、:：)(\-]*(?:[IVXLCDM]+|[ivxlcdm]+|\d+(?:\.\d+)*)?[\s.、:：)(\-]*")


def _heads_a_section(doc, links: list[Link]) -> bool:
    """Whether one of the links is a heading of its own, but for its number (`# XII.
    [太空飞行计划问题](…/P2762)`): the subject of a section that other sections refer back to."""
    for heading in doc.nodes("heading"):
        inside = [link for link in links if heading.start <= link.start < heading.end]
        if inside:
            text = doc.text[heading.start : heading.end]
            rest = text[: inside[0].start - heading.start] + text[inside[0].end - heading.start :]
            if _NUMBERING.fullmatch(rest):
                return True
    return False


def _is_documentation(doc) -> bool:
    """A page of a documentation generator (not a blog post): its steps link the same page of
    a product at each step (`[应用管理页面](…/uc/developer/apps)` five times in a guide)."""
    return doc.site is not None and doc.site.generator in DOCUMENTATION_GENERATORS and doc.page is not None and doc.page.kind in ("page", "section")


def _same_site(host: str, own_host: str) -> bool:
    """`host` is the site's own (`www.` or not)."""
    return host.removeprefix("www.") == own_host.removeprefix("www.")


def _is_one_place_of_a_page(links: list[Link]) -> bool:
    """The links of a group lead to one place of an inner page whose URL does not name the
    anchor: not the front page (a word linked there names the site), not a page about the
    term (its word in the path: a package, a glossary entry, a project), and not different
    places of one page (`#page-116`, `#l-24`: a log or standard cited section by section)."""
    url = links[0].url
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.path.strip("/").lower() in ("", "index.html", "index.htm", "index.php"):
        return False
    if _names_its_target(links[0].text, url, whole_path=True):
        return False
    return len({_fragment(link.url) for link in links}) == 1


def _fragment(url: str) -> str:
    return url.partition("#")[2]


def _query(url: str) -> str:
    return url.partition("#")[0].partition("?")[2]


def _in_running_text(text: str, link: Link) -> bool:
    """A word of a sentence, or sentence punctuation, on each side of the link (emphasis marks
    and one line break between them allowed): not a link alone in a list item, table cell,
    heading or paragraph, as navigation links are."""
    end = link.end
    if link.kind == "html":  # the link's markup is its opening tag: the text after is `</a>`'s
        closing = _CLOSING_A.search(text, link.end, link.end + 2000)
        end = closing.end() if closing else end
    return _next_to_prose(text, link.start - 1, -1) and _next_to_prose(text, end, 1)


def _next_to_prose(text: str, index: int, step: int) -> bool:
    line_breaks = 0
    while 0 <= index < len(text):
        char = text[index]
        if char == "\n":
            line_breaks += 1
            if line_breaks > 1:
                return False
        elif not (char.isspace() or char in "*_~"):
            return char.isalnum() or char in _SENTENCE_PUNCTUATION
        index += step
    return False


@lru_cache(maxsize=4096)
def _is_vague(text: str) -> bool:
    return _punctuation_free(text) in _vague_anchors()


@lru_cache(maxsize=1)
def _vague_anchors() -> frozenset[str]:
    return frozenset(_punctuation_free(phrase) for phrase in _VAGUE_ANCHORS)


def _punctuation_free(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(" " if unicodedata.category(char)[0] in "PSZ" else char for char in text).split())


def _on_a_documentation_host(host: str | None, labels: list[str]) -> bool:
    """`developer.android.com`, `docs.microsoft.com`: a documentation host's training or course
    pages (`/training/articles/direct-boot`) are its documentation, not a course for sale."""
    return "." in (host or "") and (host or "").split(".", 1)[0].lower() in labels


def _is_reference_page(url: str, host: str | None, labels: list[str]) -> bool:
    """On a documentation or wiki host (`docs.rs`, `wiki.osdev.org`, a project's under one:
    `kubectl.docs.kubernetes.io`), or in such a section of a site (`babeljs.io/docs/...`, after a
    language's folder: `…/zh-cn/theme-documentation-basics`, a label among the words of its first
    folder), or a glossary's page (`…/glossary/#variant`)."""
    if _on_a_documentation_host(host, labels):
        return True
    if any(label in labels for label in (host or "").lower().split(".")[1:-2]):
        return True  # a project's docs under the docs host: `kubectl.docs.kubernetes.io`
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    segments = [segment.lower() for segment in path.split("/") if segment]
    if "glossary" in segments[:-1] or segments[-1:] == ["glossary"]:
        return True  # a glossary's entry (`/references/kustomize/glossary/#variant`)
    if len(segments) > 1 and _LANGUAGE_FOLDER.fullmatch(segments[0]):
        segments = segments[1:]
    return bool(segments) and (segments[0] in labels or any(word in labels for word in _SEGMENT_WORDS.split(segments[0])))


_LANGUAGE_FOLDER = lazy(r"[a-z]{2}(?:[-_][a-z]{2,4})?")
_SEGMENT_WORDS = lazy(r"[-_.]")
_DOCUMENT_SUFFIXES = (".pdf", ".epub", ".djvu")


def _is_document_file(url: str) -> bool:
    """A document's file (a datasheet, a manual, a paper as PDF), which an article cites page by page."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return path.lower().endswith(_DOCUMENT_SUFFIXES)


def _unlink_fix(doc, link) -> Fix | None:
    ranges = unlink_ranges(doc, link)
    if ranges is None:
        return None
    return Fix("replace the link by its text", tuple(doc.edit(start, end) for start, end in ranges))


def _drop_definition_fix(doc, definition) -> Fix | None:
    lines = definition_line_range(doc, definition)
    if lines is None:
        return None
    return Fix("delete the reference definition, which no link uses any more", (doc.edit(*lines),))


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(pattern, re.I) for pattern in patterns]


def _is_common_word(text: str) -> bool:
    return bool(_COMMON_WORD.fullmatch(unicodedata.normalize("NFKC", text).strip()))


def _normal_anchor(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


# Folders of pages that list others by a keyword: a link's text that names one of their pages
# is the keyword repeated, not the name of a place.
_LISTING_SEGMENTS = frozenset({"tag", "tags", "category", "categories", "topic", "topics", "search", "keyword", "keywords", "label", "labels"})


def _names_the_host(anchor: str, host: str) -> bool:
    """Whether the anchor, spaces and hyphens aside, is the host's labels (but its top-level
    domain and `www`) joined in some order: `mbedtls` for tls.mbed.org."""
    labels = [label for label in host.lower().split(".")[:-1] if label and label != "www"]
    if not 2 <= len(labels) <= 3:
        return False  # one label is the case of the words found in the host; more are a hosting service's
    name = "".join(char for char in anchor if char.isalnum())
    return any("".join(order) == name for order in permutations(labels))


def _title_of_page(anchor: str, name: str) -> bool:
    """A Chinese, Japanese or Korean anchor of four characters or more, each of them in the
    page's file name: a page named by its title, as its address spells it."""
    return len(anchor) >= 4 and _CJK_ONLY.fullmatch(anchor) is not None and set(anchor) <= set(name)


_CJK_ONLY = lazy(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def _names_its_target(text: str, url: str, whole_path: bool = False) -> bool:
    """The anchor's words appear in the host or the first path segment: a brand, project,
    package or person linked to its own site or page (not a tag page that repeats a keyword);
    or the anchor is the last segment of the path (its name before a dot), the folder or page
    it names; or a value of the query is part of the anchor, a search for what it names.
    With `whole_path`, anywhere in the path: a page about the term."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    anchor = " ".join(text.lower().split())
    segments = unquote(parts.path).strip("/").lower().split("/")
    if len(segments) >= 2 and anchor in (segments[-1], segments[-1].split(".")[0]) and segments[-2] not in _LISTING_SEGMENTS:
        return True  # `[dev](https://dist.apache.org/repos/dist/dev)`, `[runsv](…/runsv.8.html)`: what it names
    if len(segments) >= 3 and segments[-1].split(".")[0] == "index" and anchor == segments[-2] and segments[-3] not in _LISTING_SEGMENTS:
        return True  # `[iptables](https://nftables.org/projects/iptables/index.html)`: the folder's own page
    if _names_the_host(anchor, parts.hostname or ""):
        return True  # `[mbedtls](https://tls.mbed.org/)`: the project's own site, its name split over the host
    if _title_of_page(anchor, segments[-1].split(".")[0]):
        return True  # `[完全背包理论基础](…/背包问题理论基础完全背包.html)`: the page's title, its words reordered
    if parts.query and any(len(value) >= 2 and value.lower() in anchor for _, value in parse_qsl(parts.query)):
        return True  # `[《证券分析（第六版）》](…/s?field-keywords=证券分析)`: a search for the book it names
    path = unquote(parts.path) if whole_path else parts.path.strip("/").split("/", 1)[0]
    target = f"{parts.hostname or ''}/{path}".lower()
    for word in _WORD.findall(text.lower()):
        if len(word) >= 2 and word in target:
            return True
    return False

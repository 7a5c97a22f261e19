import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from urllib.parse import urlsplit

from artlint import data
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.links import Link, definition_line_range, unlink_ranges
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.urls import domain_set, host_in, page_key, scheme, short_form

_DATA = data.load("links")["keyword-stuffing"]
_WORD = lazy(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]", re.I)
# A common word: one lower-case word or a run of CJK characters, nothing that makes a name,
# a phrase or code.
_COMMON_WORD = lazy(r"[a-z\u00df-\u00ff]{2,24}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,12}")


class LinkKeywordStuffing(DocumentRule):
    """SEO link stuffing: a common word linked again and again to a promotional page.

    ## What it finds
    Every link of a group in which the same anchor text points at the same page at least
    `min-repeats` times (3) in one article, when that page looks promotional: its URL matches
    one of `promotional-patterns` (course and training pages, affiliate and tracking
    parameters), or the anchor is a common word (one lower-case word or a CJK word, not a name,
    phrase or code) and its host also receives another repeated common word. Inline, reference-style (the uses and
    the definition), autolinks and raw HTML `<a href>` count; links in code never.
    Not stuffing: anchors that name the target (a project or brand linked to its own site, a
    package to its docs: the anchor's words appear in the URL), names and credits linked to
    profiles (`profile-patterns`, and the `platform-hosts` such as GitHub where everyone has a
    page), links to the `citation-hosts` (journals, DOI resolvers, reference works), and terms
    linked to documentation and wiki hosts (`reference-host-labels`: `doc.rust-lang.org`,
    `docs.rs`, `wiki.osdev.org`) when the URL is not promotional.

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
        "promotional-patterns": Option(
            "list[string]", _DATA["promotional-patterns"], "Regular expressions that mark a URL as promotional."
        ),
        "citation-hosts": Option("list[string]", _DATA["citation-hosts"], "Hosts (and their subdomains) that are never stuffing."),
        "reference-host-labels": Option(
            "list[string]",
            _DATA["reference-host-labels"],
            "First labels of documentation and wiki hosts (docs.rs, wiki.osdev.org): a term linked there is not stuffing unless its URL is promotional.",
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
            if link.is_image or scheme(link.url) not in ("http", "https"):
                continue
            anchor = _normal_anchor(link.text)
            if anchor:
                groups[(anchor, page_key(link.url))].append(link)
        repeated_by_host = defaultdict(set)
        for (anchor, _page), links in groups.items():
            if len(links) >= 2 and _is_common_word(links[0].text):
                repeated_by_host[links[0].host].add(anchor)
        stuffed = [links for links in groups.values() if self._is_stuffed(links, repeated_by_host, patterns, profiles, options)]
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

    def _is_stuffed(self, links, repeated_by_host, patterns, profiles, options) -> bool:
        if len(links) < options["min-repeats"]:
            return False
        if host_in(links[0].host, domain_set(tuple(options["citation-hosts"]))):
            return False
        if _names_its_target(links[0].text, links[0].url):
            return False
        promotional = any(pattern.search(link.url) for link in links for pattern in patterns)
        if promotional:
            return True
        if _is_reference_host(links[0].host, options["reference-host-labels"]):
            return False  # a term linked to its documentation or wiki entry, again and again
        return self._spread_over_host(links[0], repeated_by_host, profiles, options)

    @staticmethod
    def _spread_over_host(link, repeated_by_host, profiles, options) -> bool:
        """Common words repeated to one host that is not a platform of people's pages."""
        if not _is_common_word(link.text) or len(repeated_by_host[link.host]) < 2:
            return False
        if host_in(link.host, domain_set(tuple(options["platform-hosts"]))):
            return False
        return not any(pattern.search(link.url) for pattern in profiles)


def _is_reference_host(host: str | None, labels: list[str]) -> bool:
    first = (host or "").split(".", 1)[0].lower()
    return "." in (host or "") and first in labels


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


def _names_its_target(text: str, url: str) -> bool:
    """The anchor's words appear in the host or the first path segment: a brand, project,
    package or person linked to its own site or page (not a tag page that repeats a keyword)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    first_segment = parts.path.strip("/").split("/", 1)[0]
    target = f"{parts.hostname or ''}/{first_segment}".lower()
    for word in _WORD.findall(text.lower()):
        if len(word) >= 2 and word in target:
            return True
    return False

"""What the network rules ask to have checked, and where the answer is reported.

A probe is a target (a URL to fetch, an image, a DOI) and the place in an article where it is
written. Probes are made while files are checked (in worker processes: they must pickle) and
judged once the targets have been fetched; each probe gives its own finding, so a dead URL
that an article uses five times is reported five times, fetched once.
"""

from __future__ import annotations

from dataclasses import dataclass

from artlint.doi import SUFFIX_CHARACTERS, all_mentions
from artlint.lazyre import lazy
from artlint.network.targets import Target, normalise_url
from artlint.spans import SpanSet
from artlint.urls import TEXT_URL, host_of, scheme, trim_url, written_by_template

_QUOTED = lazy(r"[“\"「『]([^”\"」』\n]{8,300})[”\"」』]")


@dataclass(frozen=True)
class Probe:
    target: Target
    line: int
    column: int
    end_line: int
    end_column: int
    url: str  # as written, for messages and JSON
    title: str | None = None  # the title the article gives for a DOI


def probe_at(doc, target: Target, start: int, end: int, url: str, title: str | None = None) -> Probe:
    line, column = doc.source.position(start)
    end_line, end_column = doc.source.position(max(end, start + 1))
    return Probe(target, line, column, end_line, end_column, url, title)


_RESOLVERS = {"doi.org", "dx.doi.org", "www.doi.org"}


def url_probes(doc) -> list[Probe]:
    """Pages and images: every http(s) link, image and reference definition, and bare URLs.
    DOI links (doi.org) are not fetched as pages: the publisher behind the redirect answers 403
    to scripts, which says nothing; doi-unresolved asks the DOI system instead."""

    def compute() -> list[Probe]:
        probes = []
        for link in doc.links:
            if link.kind == "reference" or scheme(link.url) not in ("http", "https") or link.host in _RESOLVERS:
                continue
            if written_by_template(link.url):
                continue  # a template writes it (`https://npmjs.com/package/<%= name %>`): no address yet
            kind = "image" if link.is_image else "page"
            probes.append(probe_at(doc, Target(kind, normalise_url(link.url)), link.url_start, link.url_end, link.url))
        text = doc.prose_text
        if "://" in text:
            covered = SpanSet([(link.start, link.end) for link in doc.links] + [(n.start, n.end) for n in doc.nodes("inline_html", "block_html")])
            for match in TEXT_URL.finditer(text, doc.body_offset):
                url = trim_url(match.group(0))
                if match.start() in covered or scheme(url) not in ("http", "https") or host_of(url) in _RESOLVERS:
                    continue
                probes.append(probe_at(doc, Target("page", normalise_url(url)), match.start(), match.start() + len(url), url))
        return probes

    return doc.memo("url-probes", compute)


def doi_probes(doc, metadata: bool) -> list[Probe]:
    """DOIs the article states (text, doi.org links, front matter); with `metadata`, only those
    next to a title the article gives, as targets for their registered metadata."""
    def compute() -> list[Probe]:
        probes = []
        for mention in all_mentions(doc, SUFFIX_CHARACTERS):
            if mention.problem or mention.kind == "publisher":
                continue
            probes.append(probe_at(doc, Target("doi", mention.doi), mention.start, mention.end, mention.doi, _stated_title(doc, mention)))
        return probes

    probes = doc.memo("doi-probes", compute)
    if not metadata:
        return probes
    return [
        Probe(Target("csl", probe.target.value), probe.line, probe.column, probe.end_line, probe.end_column, probe.url, probe.title)
        for probe in probes
        if probe.title
    ]


def _stated_title(doc, mention) -> str | None:
    """The title a citation gives for its DOI: the text of a link on the same line (the doi.org
    link itself, or the publisher's), else a quoted title on that line. None when there is none."""
    text = doc.text
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.start)
    line_end = len(text) if line_end < 0 else line_end
    for link in doc.links:
        if line_start <= link.start < line_end and not link.is_image and link.kind != "definition":
            if _looks_like_title(link.text):
                return link.text.strip()
    quoted = _QUOTED.search(text, line_start, line_end)
    if quoted and _looks_like_title(quoted.group(1)):
        return quoted.group(1).strip()
    return None


_CJK = lazy("[\u3400-\u9fff]")


def _looks_like_title(text: str) -> bool:
    """Three words or more (six CJK characters), not a URL, not "doi:..." itself."""
    text = text.strip()
    if "://" in text or text.lower().startswith(("doi", "10.")):
        return False
    return len(text.split()) >= 3 or len(_CJK.findall(text)) >= 6

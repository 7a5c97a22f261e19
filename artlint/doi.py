"""Finding DOIs in articles: in text, in links and front matter, and behind publisher URLs.

A DOI is `10.` + a numeric registrant + `/` + a suffix. Text that introduces a DOI (`doi:`,
`DOI `, `https://doi.org/`) is followed by one: what comes after it is judged strictly. A bare
`10.1234/...` in text counts only when it is a well-formed DOI. Sentence punctuation after a
DOI is not part of it, nor is a closing bracket that has no opener inside the DOI.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator
from urllib.parse import unquote, urlsplit

from artlint import data
from artlint.lazyre import lazy
from artlint.spans import SpanSet
from artlint.urls import host_matches, trim_url, unescape_markdown

if TYPE_CHECKING:
    from artlint.document import Document

_DATA = data.load("doi")
SUFFIX_CHARACTERS = _DATA["suffix-characters"]  # the characters a DOI suffix may have, unless configured otherwise
VALID = lazy(r"10\.\d{4,9}(?:\.\d+)*/\S+")
_PREFIX = lazy("|".join(f"(?:{p})" for p in _DATA["prefixes"]), re.I)
_BARE = lazy(r"(?<![\w./\-:])10\.\d{4,9}(?:\.\d+)*/[^\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff\"']+")
# What follows a prefix: up to white space, CJK text or CJK punctuation.
_TOKEN = lazy(r"[^\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff\"]+")
# `10.1038 /s41467-...` or `10.1073 / pnas.2111829754`: the part after the space looks like a
# DOI suffix (digits, dots, dashes), not like the next word of the sentence.
_SPLIT_BY_SPACE = lazy(r"(10[.,]\d{2,9})(\s+/\s*|/\s+)(?=\S*[\d.\-])(\S+)")
_DOI_WORD = lazy("doi", re.I)
_SHORT_DOI = lazy(r"10/[A-Za-z0-9]+")
# What may stand between a prefix and its DOI by mistake: a second `doi:` after a resolver
# (`https://doi.org/doi:10...`), a second colon after `doi:` (`doi:: 10...`).
_PREFIX_IN_URL = lazy(r"doi\s*[:：]\s*", re.I)
_SECOND_COLON = lazy(r"[:：]\s*")
_RESOLVER_THEN_PREFIX = lazy(r"\s*<?(?:https?:)?//(?:www\.|dx\.)?doi\.org/+(doi\s*(?::|%3A)\s*)", re.I)
_SPACES = lazy(r"\s+")
_TRAILING = ".,;:!?'\"*_~。，；：、！？”’」』】》〉"
_PAIRS = {")": "(", "]": "[", ">": "<"}
_OPENERS = "([<"


@dataclass(frozen=True)
class DoiMention:
    doi: str  # as written (trimmed)
    start: int
    end: int
    kind: str  # "text" (doi: or bare), "resolver" (a doi.org link), "publisher" (derived from a URL)
    problem: str | None = None
    # A certain repair of the problem, as (start, end, replacement) edits of the document text:
    # whitespace inside removed, a comma after "10" made a dot, sentence punctuation that a
    # doi.org link swallowed moved after the link. Never a guess at another DOI.
    repair: tuple[tuple[int, int, str], ...] = ()


def trim(doi: str) -> str:
    """Drop sentence punctuation, unbalanced closing brackets and opening ones (no DOI ends
    in one: `10.1137/0206024](` is a DOI in a link's text, then the link's markup) from the end."""
    while doi:
        last = doi[-1]
        if last in _TRAILING or last in _OPENERS:
            doi = doi[:-1]
        elif last in _PAIRS and doi.count(_PAIRS[last]) < doi.count(last):
            doi = doi[:-1]
        else:
            break
    return doi


def is_short_doi(doi: str) -> bool:
    """A ShortDOI (`10/gf4gqc`): an alias that doi.org resolves to the full DOI."""
    return _SHORT_DOI.fullmatch(doi) is not None


def problem_of(doi: str, suffix_characters: str) -> str | None:
    """Why a string written as a DOI cannot be one, in words; None when it can."""
    if is_short_doi(doi):
        return None
    if doi.startswith("10,"):
        return "a comma where '10.' needs a dot"
    match = re.match(r"(\d+)\.([^/]*)(/?)(.*)", doi, re.S)
    if not match:
        if re.match(r"\d{4,9}/", doi):
            return "the directory indicator '10.' is missing"
        return "it does not start with '10.'"
    directory, registrant, slash, suffix = match.groups()
    if directory != "10":
        return f"the directory indicator is '{directory}.', every DOI starts with '10.'"
    if not slash:
        return "no '/' between the registrant code and the suffix"
    if not re.fullmatch(r"\d+(?:\.\d+)*", registrant):
        return f"the registrant code '{registrant}' is not numeric"
    if not re.fullmatch(r"\d{4,9}(?:\.\d+)*", registrant):
        return f"the registrant code '{registrant}' is too short (4 to 9 digits)"
    if not suffix:
        return "nothing after the '/'"
    bad = next((char for char in suffix if not re.match(f"[{suffix_characters}]", char)), None)
    if bad is not None:
        name = unicodedata.name(bad, f"U+{ord(bad):04X}")
        return f"the character '{bad}' ({name}) is not allowed in a DOI"
    return None


def text_mentions(doc: "Document", suffix_characters: str) -> Iterator[DoiMention]:
    """DOIs written in running text (code, comments and link destinations excluded)."""
    text = doc.prose_text
    if "10." not in text and "10," not in text and _DOI_WORD.search(text) is None:
        return
    masked = _mask_link_destinations(doc, text)
    claimed = set()
    resume = 0
    for prefix in _prefixes(masked, doc.body_offset):
        if prefix.start() < resume:
            continue  # the `doi:` inside `https://doi.org/doi:10...`, already read
        surplus = _surplus(masked, prefix)
        begin = surplus.end() if surplus else prefix.end()
        mention = _mention_at(masked, begin, suffix_characters)
        if mention is None:
            continue
        claimed.add(begin)
        if surplus:
            resume = mention.end
            mention = _with_surplus(mention, prefix, surplus)
        yield mention
    for bare in _bare_dois(masked, doc.body_offset):
        if bare.start() in claimed:
            continue
        written = trim(unescape_markdown(bare.group(0)))
        if problem_of(written, suffix_characters) is None:
            yield DoiMention(written, bare.start(), bare.start() + len(trim(bare.group(0))), "text")


def _mention_at(masked: str, begin: int, suffix_characters: str) -> DoiMention | None:
    """The DOI written at `begin`, right after a prefix, or None when no DOI starts there."""
    if not masked[begin : begin + 1].isdigit():
        return None
    spaced = _SPLIT_BY_SPACE.match(masked, begin)
    if spaced and not VALID.match(masked, begin):
        end = begin + len(spaced.group(0).rstrip())
        written = trim(masked[begin:end])
        repair = _joined(masked, begin, begin + len(written))
        return DoiMention(written, begin, begin + len(written), "text", "a space splits it", repair)
    token = _TOKEN.match(masked, begin)
    if not token:
        return None
    written = trim(unescape_markdown(token.group(0)))
    raw_length = len(trim(token.group(0)))
    problem = problem_of(written, suffix_characters)
    repair = ((begin + 2, begin + 3, "."),) if problem and written.startswith("10,") and _certain_after_comma(written) else ()
    return DoiMention(written, begin, begin + raw_length, "text", problem, repair)


def _surplus(text: str, prefix: re.Match) -> re.Match | None:
    """What stands by mistake between a prefix and its DOI: `doi:` after a resolver URL's
    `doi.org/`, a second colon after `doi:`."""
    written = prefix.group(0)
    if "doi.org/" in written.lower():
        return _PREFIX_IN_URL.match(text, prefix.end())
    if written.rstrip()[-1:] in (":", "：") and text[prefix.end() : prefix.end() + 1] in (":", "："):
        return _SECOND_COLON.match(text, prefix.end())
    return None


def _with_surplus(mention: DoiMention, prefix: re.Match, surplus: re.Match) -> DoiMention:
    """The mention, reported from its prefix on, with the surplus as its problem (unless the DOI
    itself has one) and, as the repair, the surplus deleted."""
    if mention.problem:
        return mention
    if "doi.org/" in prefix.group(0).lower():
        problem = "'doi:' does not belong inside a doi.org URL"
        cut = (surplus.start(), surplus.end())
    else:
        problem = "a second colon after 'doi:'"
        # `doi:: 10...` and `doi::10...` lose the colon; `doi: : 10...` its spaces too.
        cut = (surplus.start(), surplus.end() if prefix.group(0)[-1:].isspace() else surplus.start() + 1)
    return replace(mention, start=prefix.start(), problem=problem, repair=((*cut, ""),))


_DOI_OR_RESOLVER = lazy(r"doi", re.I)


def _prefixes(text: str, start: int):
    """Matches of the DOI prefixes, left to right and not overlapping, looked for only around
    each "doi" (a literal scan is fast; the alternation at every position is not)."""
    last_end = start
    for hit in _DOI_OR_RESOLVER.finditer(text, start):
        if hit.start() < last_end:
            continue
        match = _PREFIX.search(text, max(last_end, hit.start() - 12), hit.end() + 200)
        if match and match.start() <= hit.start() < match.end():
            last_end = match.end()
            yield match


def _bare_dois(text: str, start: int):
    position = text.find("10.", start)
    while position >= 0:
        match = _BARE.match(text, position)
        if match:
            yield match
            position = text.find("10.", match.end())
        else:
            position = text.find("10.", position + 3)


def _mask_link_destinations(doc: "Document", text: str) -> str:
    """The text with link URLs blanked: DOIs in links are read from the links themselves."""
    pieces = []
    last = 0
    for link in doc.links:
        if link.url_start >= last and link.url_end > link.url_start:
            pieces.append(text[last : link.url_start])
            pieces.append(" " * (link.url_end - link.url_start))
            last = link.url_end
    pieces.append(text[last:])
    return "".join(pieces)


def link_mentions(doc: "Document", suffix_characters: str) -> Iterator[DoiMention]:
    """DOIs in link URLs: resolver links (doi.org) and publisher URLs that carry a DOI."""
    for link in doc.links:
        if link.kind == "reference":
            continue
        url = link.url.strip()
        host = link.host
        if host in ("doi.org", "dx.doi.org", "www.doi.org"):
            path = unquote(urlsplit(url).path).lstrip("/")
            inner_prefix = _PREFIX_IN_URL.match(path)
            if inner_prefix and path[inner_prefix.end() :][:1].isdigit():
                yield _prefixed_resolver_link(doc, link, trim(path[inner_prefix.end() :]), suffix_characters)
            elif path and path[0].isdigit():
                written = trim(path)
                problem = problem_of(written, suffix_characters)
                repair: tuple[tuple[int, int, str], ...] = ()
                swallowed = path[len(written) :]
                if problem is None and swallowed and doc.text.endswith(swallowed, link.url_start, link.url_end):
                    problem = f"the link swallowed the sentence's {swallowed!r}, which no DOI ends with"
                    if link.kind in ("inline", "autolink") and _closes_right_after(doc.text, link):
                        cut = link.url_end - len(swallowed)
                        repair = ((cut, link.url_end, ""), (link.end, link.end, swallowed))
                yield DoiMention(written, link.url_start, link.url_end, "resolver", problem, repair)
            continue
        derived = publisher_doi(url)
        if derived is not None:
            yield DoiMention(derived, link.url_start, link.url_end, "publisher")


def _prefixed_resolver_link(doc: "Document", link, written: str, suffix_characters: str) -> DoiMention:
    """`https://doi.org/doi:10...`: a resolver link whose path repeats the `doi:` prefix."""
    problem = problem_of(written, suffix_characters)
    repair: tuple[tuple[int, int, str], ...] = ()
    if problem is None:
        problem = "'doi:' does not belong inside a doi.org URL"
        literal = _RESOLVER_THEN_PREFIX.match(doc.text, link.url_start, link.url_end)
        if literal:
            repair = ((literal.start(1), literal.end(1), ""),)
    return DoiMention(written, link.url_start, link.url_end, "resolver", problem, repair)


def _joined(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """Edits deleting the white space inside text[start:end]."""
    return tuple((m.start(), m.end(), "") for m in _SPACES.finditer(text, start, end))


def _certain_after_comma(written: str) -> bool:
    """`10,1038/...` is certainly `10.1038/...` when the rest is a well-formed DOI."""
    return VALID.fullmatch("10." + written[3:]) is not None


def _closes_right_after(text: str, link) -> bool:
    """The URL ends the link's markup: `...url)` or `...url>`, no title in between."""
    return link.end == link.url_end + 1 and text[link.url_end : link.end] in (")", ">")


def publisher_doi(url: str) -> str | None:
    """The DOI that a publisher's article URL carries, or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    publishers = _publishers_of((parts.hostname or "").lower())
    if not publishers:
        return None
    target = unquote(parts.path) + (f"?{parts.query}" if parts.query else "")
    for publisher in publishers:
        match = publisher["regex"].search(target)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("doi"):
            return trim(groups["doi"])
        if groups.get("suffix"):
            return f"{publisher['registrant']}/{publisher.get('suffix-prefix', '')}{groups['suffix']}"
    return None


@lru_cache(maxsize=1)
def _publishers() -> list[dict]:
    return [{**p, "regex": re.compile(p["pattern"], re.I)} for p in _DATA["publishers"]]


@lru_cache(maxsize=1024)  # a page links to few hosts, many times each
def _publishers_of(host: str) -> tuple[dict, ...]:
    """The publishers whose article URLs may be on `host` (those with no host: any)."""
    return tuple(publisher for publisher in _publishers() if not publisher["host"] or host_matches(host, publisher["host"]))


def same_doi(a: str, b: str) -> bool:
    """DOIs are case-insensitive."""
    return a.casefold() == b.casefold()


def front_matter_mentions(doc: "Document", suffix_characters: str) -> Iterator[DoiMention]:
    """DOIs in front-matter keys whose name contains "doi" (Rogue Scholar's `doi:`, `DOI =`)."""
    matter = doc.front_matter
    if matter is None or not matter.data:
        return
    for key, value in matter.data.items():
        if "doi" not in str(key).lower() or not isinstance(value, str) or not value.strip():
            continue
        written = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/|^doi\s*:\s*", "", value.strip(), flags=re.I)
        problem = problem_of(written, suffix_characters)
        inner_prefix = _PREFIX_IN_URL.match(written) if written != value.strip() else None
        if inner_prefix and not value.strip().lower().startswith("doi"):
            written = written[inner_prefix.end() :]
            problem = problem_of(written, suffix_characters) or "'doi:' does not belong inside a doi.org URL"
        line, column = matter.value_position(str(key))
        start = doc.source.offset(line, column)
        yield DoiMention(written, start, start + len(value.strip().strip("'\"")) + 2, "front-matter", problem)


def bare_url_mentions(doc: "Document") -> Iterator[DoiMention]:
    """Publisher URLs written as plain text that carry a DOI."""
    if "://" not in doc.prose_text:
        return
    links = SpanSet((link.start, link.end) for link in doc.links)
    for start, written in doc.prose_urls:
        if start in links:
            continue
        url = trim_url(written)
        derived = publisher_doi(url)
        if derived is not None:
            yield DoiMention(derived, start, start + len(url), "publisher")


def all_mentions(doc: "Document", suffix_characters: str) -> list[DoiMention]:
    """Every DOI mention of a document (text, links, front matter, bare publisher URLs), computed
    once per document and shared by the DOI rules."""
    def compute() -> list[DoiMention]:
        return [
            *text_mentions(doc, suffix_characters),
            *link_mentions(doc, suffix_characters),
            *front_matter_mentions(doc, suffix_characters),
            *bare_url_mentions(doc),
        ]

    return doc.memo(f"doi-mentions:{suffix_characters}", compute)

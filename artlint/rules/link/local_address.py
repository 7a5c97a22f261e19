import ipaddress
import re
from functools import lru_cache
from urllib.parse import urlsplit

from artlint import data
from artlint.findings import Severity
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.spans import SpanSet
from artlint.urls import authority

_DATA = data.load("links")["local-address"]
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal")
_DESCRIPTIONS = {
    "loopback": "a loopback address",
    "private": "a private-network address",
    "link-local": "a link-local address",
    "unspecified": "the unspecified address",
    "local name": "a name that resolves only on a local network",
}


@lru_cache(maxsize=4096)  # a page links to few hosts, many times each
def local_kind(host: str) -> str | None:
    """What makes the host local: "loopback", "private", "link-local", "unspecified", "local
    name"; None for a public host."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    if host.endswith(_LOCAL_SUFFIXES):
        return "local name"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback:
        return "loopback"
    if address.is_unspecified:
        return "unspecified"
    if address.is_link_local:
        return "link-local"
    if address.is_private and not _documentation(address):
        return "private"
    return None


def _documentation(address) -> bool:
    return any(address in ipaddress.ip_network(net) for net in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"))


class LinkLocalAddress(DocumentRule):
    """A link or image to the author's own machine or private network.

    ## What it finds
    Images, and links whose text does not show the address, that lead to `localhost`, a
    loopback address (`127.0.0.0/8`, `::1`), `0.0.0.0`, a private network (`10/8`,
    `172.16/12`, `192.168/16`), a link-local address (`169.254/16`), or a name that never
    resolves on the internet: `*.localhost`, `*.local` (mDNS) and `*.internal` (reserved by
    ICANN in 2024 for private networks, and used for cloud metadata hosts).

    Tutorials rightly tell readers to open `http://localhost:3000` on their own machine, so a
    link is left alone when the reader can see where it goes: an autolink
    `<http://localhost:8080/>`, a link whose text shows the host (`[localhost:3000](...)`),
    or a link to an address the article names elsewhere too (in the text, or its port in code:
    `hugo server --port 1313`), or one that its text or the words just before it call the reader's
    own (`local-words`: `view the [local Jekyll server](http://127.0.0.1:4000)`), or, of a loopback
    address, the product's own interface (`interface-words`: `On [EMQX Dashboard](http://127.0.0.1:18083/#/…)`,
    which the reader's installation serves; a dashboard on a private network's address is the author's). What is left is a described link, `[Stanford POS tagger](http://127.0.0.1:21142/...)`,
    copied from the author's browser or preview window, and images, which no reader can load.
    A link to the front page of a port on the reader's own machine (`[the web
    interface](http://localhost:8081)`, no path) is a tutorial's too: the server it had them start.

    ## Why it matters
    Readers do not share the author's machine or network: the link leads to nothing, or to
    something else on their own network.

    ## Example

        the [POS tagger](http://127.0.0.1:21142/rmd_output/2/nlp.stanford.edu/software/tagger.shtml)

    reports `link to a loopback address (127.0.0.1), copied from the author's machine: readers cannot reach it`.
    """

    name = "link-local-address"
    family = "link"
    severity = Severity.WARNING
    options = {
        "interface-words": Option(
            "list[string]",
            list(_DATA["interface-words"]),
            "Words that name the product's own interface, which the reader's installation serves: "
            "said of a loopback address, in a link's text or just before it.",
        ),
        "local-words": Option(
            "list[string]", list(_DATA["local-words"]), "Words that say a link leads to the reader's own machine, in its text or just before it."
        ),
    }

    def check(self, doc, options):
        url_spans: SpanSet | None = None
        named: dict[str, bool] = {}
        for link in doc.links:
            if link.kind in ("definition", "autolink"):
                continue  # a definition is judged through the links that use it
            host = link.host
            if not host:
                continue
            kind = local_kind(host)
            if kind is None:
                continue
            start, end = (link.start, link.end) if link.kind == "reference" else (link.url_start, link.url_end)
            where = _DESCRIPTIONS[kind]
            if link.is_image:
                yield doc.diagnostic(f"image from {where} ({host}): readers cannot load it", start, end)
                continue
            if host in link.text.lower():
                continue  # `[localhost:3000](http://localhost:3000)`: the reader sees where it goes
            if url_spans is None:
                url_spans = SpanSet([(other.url_start, other.url_end) for other in doc.links])
            written = authority(link.url).lower()
            if written not in named:
                named[written] = _named_elsewhere(doc.text.lower(), written, url_spans) or _port_in_code(doc, link)
            if named[written] or _called_local(doc, link, options) or (kind == "loopback" and _server_front_page(link.url)):
                continue
            if kind == "loopback" and _called_local(doc, link, options, "interface-words"):
                # `[EMQX Dashboard](http://127.0.0.1:18083/#/…)`: the product's interface, which the reader's install serves
                continue
            yield doc.diagnostic(
                f"link to {where} ({host}), copied from the author's machine: readers cannot reach it", start, end
            )


def _server_front_page(url: str) -> bool:
    """`[the Flink Web UI](http://localhost:8081)`: the front page of a server on a port of the
    reader's machine, which a tutorial has them start; an address copied from the author's
    browser has a path (`http://127.0.0.1:21142/session/…`)."""
    parts = urlsplit(url.strip())
    return _has_port(parts) and parts.path in ("", "/") and not parts.query and not parts.fragment


def _has_port(parts) -> bool:
    try:
        return parts.port is not None
    except ValueError:
        return False


_LEAD_IN = 100  # characters before a link read for its words, within its sentence
_SENTENCE_ENDS = ("\n\n", ". ", ".\n", "。", "! ", "? ", "-->")


def _called_local(doc, link, options, option: str = "local-words") -> bool:
    """Whether the link's text, or its sentence before it, says where it leads: "the [local
    server](http://127.0.0.1:4000)", "start the site on your local server and open [the list](...)";
    with `interface-words`, that it is the product's interface ("On [EMQX Dashboard](…)")."""
    words = derived(options, f"local address {option}", lambda: _words_pattern(tuple(options[option])))
    start = max(0, link.start - _LEAD_IN)
    start = max(start, *(doc.text.rfind(end, start, link.start) for end in _SENTENCE_ENDS))
    return words.search(doc.text, start, link.start) is not None or words.search(link.text) is not None


def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    # Latin words as whole words ("locale" is not "local"); other scripts have no spaces to bound them.
    parts = [rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word) for word in words if word.strip()]
    return re.compile("|".join(parts) or r"(?!)", re.I)


def _port_in_code(doc, link) -> bool:
    """`hugo server --port 1313` in a code block, then a link to http://localhost:1313/."""
    try:
        port = urlsplit(link.url).port
    except ValueError:
        return False
    if port is None:
        return False
    pattern = re.compile(rf"(?<!\d){port}(?!\d)")
    return any(pattern.search(doc.text, start, end) for start, end in doc.code_ranges)


def _named_elsewhere(lowered: str, authority: str, url_spans: SpanSet) -> bool:
    """Whether `host[:port]` occurs in the (lower-cased) document outside every link destination."""
    position = lowered.find(authority)
    while position >= 0:
        if position not in url_spans:
            return True
        position = lowered.find(authority, position + 1)
    return False

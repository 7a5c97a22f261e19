"""URL helpers shared by the link rules: hosts, private addresses, normal forms."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from artlint.lazyre import lazy

_SCHEME = lazy(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Names that never reach the public internet (RFC 2606, RFC 6761, mDNS, common internal TLDs).
# Names that never resolve publicly: reserved by RFC 2606/6761/6762/8375, never delegated by
# ICANN (.home, .corp), and the names LAN devices answer to (.localdomain, Pi-hole's pi.hole).
_PRIVATE_SUFFIXES = (
    ".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".invalid", ".example",
    ".home", ".corp", ".localdomain", ".intranet", ".hole",
)
_AUTHORITY_END = lazy(r"[/?#]")
_DOCUMENTATION_HOSTS = frozenset({"example.com", "example.net", "example.org"})
# A backslash before ASCII punctuation: a markdown escape, which the parser drops
# (`https://developers\.line\.biz/`, `#foo\_bar`, `10.1000\_x`).
_MARKDOWN_ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")


def scheme(url: str) -> str:
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def host_of(url: str) -> str:
    """The lower-cased host of an absolute URL, or "" when there is none or it cannot be parsed."""
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def authority(url: str) -> str:
    """What follows `scheme://` up to the path, query or fragment (`user@host:port`), as written."""
    rest = url.split("://", 1)[-1]
    return _AUTHORITY_END.split(rest, maxsplit=1)[0]


@lru_cache(maxsize=4096)
def is_private_host(host: str) -> bool:
    """Loopback, private, link-local, multicast, unspecified addresses and names that never resolve publicly."""
    host = host.strip("[]").lower().rstrip(".")
    if not host:
        return True
    if host == "localhost" or host.endswith(_PRIVATE_SUFFIXES) or "." not in host and ":" not in host:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_multicast or address.is_unspecified or address.is_reserved


def is_address(name: str) -> bool:
    """Whether a host is an IP address (`47.243.253.79`, `[::1]`), not a name."""
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def written_by_template(url: str) -> bool:
    """Whether a template writes the address: Liquid's or Jinja's `{{ … }}` and `{% … %}`, EJS's
    or ERB's `<%= … %>` in it. No address yet, to look up or to fetch."""
    return "{{" in url or "{%" in url or "<%" in url


def is_identifier_uri(url: str, prefixes: tuple[str, ...]) -> bool:
    """An address that is a name (`http://www.w3.org/2000/svg`, an XML-DSig algorithm's
    `…/xmldsig-more#rsa-sha256`): it starts, scheme aside, with one of `prefixes` (lower case)."""
    rest = url.split("://", 1)[1] if "://" in url else url
    return rest.lower().startswith(prefixes)


def is_documentation_host(host: str) -> bool:
    """`example.com` and `www.example.com` (and .net, .org): placeholders in documentation. Other
    subdomains of them stand for real hosts in examples and are not exempt."""
    host = host.lower().rstrip(".")
    return host.removeprefix("www.") in _DOCUMENTATION_HOSTS


def in_documentation_domain(host: str) -> bool:
    """A host under `example.com` (and .net, .org), all of it reserved for documentation (RFC
    2606): `http://kickstart.corp.example.com/` is an example, no server to move to https."""
    return host_in(host.lower().rstrip("."), _DOCUMENTATION_HOSTS)


# A label of x's (`api.xxx.com`, `xx.gitlab.com`: 某某, "so-and-so"), `your` before what the reader fills in (`yourdomain.com`,
# `your-server.net`), and hosts named "domain" (`mydomain.net`): a tutorial's stand-ins for the
# reader's own hosts, and a stand-in for the top-level domain (`repo.fqdn`). Not every `your…`
# host: yourbasic.org is a site.
_PLACEHOLDER_HOST = lazy(
    r"(?:^|\.)(?:x{2,}|your-?(?:domain|site|server|host|hostname|app|company|website|ip|project|server-ip)\d*)(?:\.|$)"
    r"|(?:^|\.)(?:my|some)?domain\d*\.[a-z]{2,6}$"  # the name itself (mydomain.net), not a label of a real one (domain.mail.qq.com)
    r"|\.(?:fqdn|tld)$"  # `repo.fqdn`, `example.tld`: "a fully qualified name here", no top-level domain
)


def is_placeholder_host(host: str) -> bool:
    """A host that stands for the reader's own in a tutorial (`yourdomain.com`, `api.xxx.com`,
    `티스토리도메인.tistory.com`)."""
    host = host.lower()
    return _PLACEHOLDER_HOST.search(host) is not None or described_in_words(host)


# Chinese, Japanese and Korean letters.
_CJK_LETTER = lazy(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LATIN_LETTER = lazy(r"[a-z]")
# Second-level labels under a country's domain (`co.kr`, `com.cn`, `ne.jp`) that nobody registers under.
_SECOND_LEVELS = frozenset({"co", "com", "net", "org", "ac", "go", "or", "ne", "gov", "edu"})


def described_in_words(host: str) -> bool:
    """A host the text describes in the reader's language instead of naming it: a label in
    Chinese, Japanese or Korean below the registered name (`티스토리도메인.tistory.com`, "your
    Tistory domain"; `서브도메인.루트도메인.co.kr`) or mixed with Latin letters (`Git계정명.github.io`,
    "your Git account name"). A registered name in those scripts (`한국.kr`, `www.中国.cn`) is a host."""
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 or not _CJK_LETTER.search(host):
        return False
    suffix = 2 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVELS else 1
    registered = len(labels) - suffix - 1
    return any(_CJK_LETTER.search(label) and (index < registered or _LATIN_LETTER.search(label)) for index, label in enumerate(labels))


def host_matches(host: str, pattern: str) -> bool:
    """`pattern` is the host or one of its parent domains."""
    pattern = pattern.lower().strip(".")
    return host == pattern or host.endswith("." + pattern)


def host_in(host: str, domains: frozenset[str]) -> bool:
    """The host or one of its parent domains is in `domains` (lower-case, no dots at the ends)."""
    return listed_domain(host, domains) is not None


def listed_domain(host: str, domains: frozenset[str]) -> str | None:
    """The host, or the nearest of its parent domains, that `domains` holds."""
    while host:
        if host in domains:
            return host
        host = host.partition(".")[2]
    return None


@lru_cache(maxsize=256)
def domain_set(domains: tuple[str, ...]) -> frozenset[str]:
    return frozenset(domain.lower().strip(".") for domain in domains)


def names_its_fragment(text: str, url: str) -> bool:
    """Whether a link's text is the name of the place it leads to in a page: `[continue]` to
    `#continue`, `[request]` to `api.html#flask.request` (Sphinx's anchor of an object by its
    dotted name), `[Read more]` to `#read-more`: a cross-reference to a definition."""
    fragment = url.partition("#")[2]
    if not fragment:
        return False
    said = " ".join(text.casefold().split())
    names = {fragment, fragment.rsplit(".", 1)[-1]}
    return any(" ".join(unquote(name).replace("-", " ").replace("_", " ").casefold().split()) == said for name in names if name)


def page_key(url: str) -> str:
    """Host and path, the fragment dropped: the page a link leads to, for grouping links."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    path = unquote(parts.path).rstrip("/") or "/"
    return f"{(parts.hostname or '').lower()}{path}"


def short_form(url: str, keep_segments: int = 1) -> str:
    """`host/first-segment/...`: a URL short enough for a message."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    segments = [segment for segment in parts.path.split("/") if segment]
    shown = "/".join(segments[:keep_segments])
    more = "/..." if len(segments) > keep_segments or parts.query else ""
    return f"{(parts.hostname or '').lower()}{'/' + shown if shown else ''}{more}"


# A URL in running text ends at whitespace, at markup characters and at CJK punctuation.
# Written to start with a character set (the scheme's first letter, the word before it tested
# behind), which lets the regex engine skip to the candidates: twice as fast as the same
# pattern starting with its look-behind, with the same matches on 4,700 articles.
TEXT_URL = lazy(
    r"[hfw](?<![\w/@.].)(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.(?=[^\s.]+\.[^\s]))"
    r"[^\s<>\"'`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+",
    re.I,
)
_TRAILING = ".,;:!?*_~'\"”’»›"  # closing quotes too: `“见 www.x.com”` ends before the ”


def trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a URL found in text."""
    while url and url[-1] in _TRAILING + ")]":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        if url[-1] == "]" and url.count("[") >= url.count("]"):
            break
        url = url[:-1]
    return url


def unmatched_close(text: str, opening: str = "(", closing: str = ")", stops: str = "") -> int | None:
    """The index of the first `closing` that no `opening` before it opened, or of the first of
    `stops`: where a URL written in running text ends (`(https://x.org/a)的文章中`)."""
    if closing not in text and not any(stop in text for stop in stops):
        return None  # most URLs: nothing to count
    depth = 0
    for index, char in enumerate(text):
        if char == opening:
            depth += 1
        elif char == closing:
            if depth == 0:
                return index
            depth -= 1
        elif char in stops:
            return index
    return None


def unescape_markdown(text: str) -> str:
    """Text as markdown's parser reads it: a backslash before ASCII punctuation dropped."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text

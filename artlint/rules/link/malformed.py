import difflib
import re
import unicodedata
from urllib.parse import urlsplit

from artlint import data
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.localfiles import is_host_like
from artlint.options import Option
from artlint.rules import DocumentRule

_DATA = data.load("links")["malformed"]
_SCHEME_LIKE = lazy(r"([a-zA-Z][a-zA-Z0-9+.-]{0,15})(:?)([/\\]*)")
_HOST_CHARACTERS = lazy(r"^[a-z0-9.\-_~!$&'()*+,;=%]+$", re.I)


class LinkMalformed(DocumentRule):
    """A URL that no browser can follow.

    ## What it finds
    Link, image and reference destinations (markdown and HTML) with a broken scheme
    (`http//example.com`, `http:/example.com`, `htp://`, `htps://`, `http:\\\\example.com`), a
    missing scheme on a `www.` address (a browser reads it as a relative path), an empty host,
    a space or an illegal character in the host, an invalid port, a host name that is not
    valid IDNA, unbalanced brackets, or a `mailto:` without an address.

    ## Why it matters
    These links fail for every reader, and no server is to blame, so link checkers that only
    fetch URLs report them as vague network errors or skip them. They are typing mistakes, and
    each has one obvious fix.

    ## Example

        [the paper](http//www.example.org/paper.pdf)

    reports `malformed URL: 'http//' is missing the colon (http://)`.
    """

    name = "link-malformed"
    family = "link"
    severity = Severity.ERROR
    options = {
        "known-schemes": Option("list[string]", _DATA["known-schemes"], "URL schemes that are not typos."),
    }

    def check(self, doc, options):
        known = set(options["known-schemes"])
        for link in doc.links:
            if link.kind == "reference":
                continue  # judged at its definition, where the URL is written
            if link.kind == "autolink" and "@" in link.url and "/" not in link.url:
                continue  # `<team@example.org>`: CommonMark makes it a mailto: link
            problem = url_problem(link.url.strip(), known)
            if problem:
                yield doc.diagnostic(f"malformed URL: {problem}", link.url_start, max(link.url_end, link.url_start + 1))


def url_problem(url: str, known_schemes: set[str]) -> str | None:
    if not url or url.startswith(("#", "/", "?", ".", "{{", "%7B%7B")):
        return None
    match = _SCHEME_LIKE.match(url)
    if match:
        word, colon, slashes = match.group(1), match.group(2), match.group(3)
        lowered = word.lower()
        if lowered in ("http", "https"):
            if not colon and slashes.startswith("/"):
                return f"'{word}{slashes}' is missing the colon ({lowered}://)"
            if colon and "\\" in slashes:
                return f"backslashes after '{word}:' ({lowered}:// uses forward slashes)"
            if colon and slashes != "//":
                return f"'{word}:{slashes}' needs exactly two slashes ({lowered}://)"
            if colon:
                return _host_problem(url)
        elif colon and lowered in known_schemes:
            if lowered == "mailto" and "@" not in url:
                return "'mailto:' without an e-mail address"
            return None
        elif colon:
            close = difflib.get_close_matches(lowered, ["http", "https"], n=1, cutoff=0.6)
            if close and (slashes or lowered.startswith(("h", "t"))):
                return f"'{word}:' looks like a mistyped {close[0]}:"
    if is_host_like(url):
        head = url.split("/")[0]
        if "@" in head:
            return f"'{head}' is an e-mail address without 'mailto:', so browsers read it as a relative path"
        return f"'{head}' has no scheme, so browsers read it as a relative path (add https://)"
    return _bracket_problem(url)


def _host_problem(url: str) -> str | None:
    rest = url.split("://", 1)[1]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if " " in authority or "\t" in authority:
        return f"a space in the host {authority!r}"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError as exc:
        return "invalid port" if "port" in str(exc).lower() else f"invalid host ({exc})"
    if port is not None and not 0 < port < 65536:
        return f"invalid port {port}"
    if not host:
        return "the host is empty"
    if host.startswith("[") or ":" in host:  # IPv6 literal, checked by urlsplit
        return _bracket_problem(url)
    if not host.isascii():
        problem = _idna_problem(host)
        if problem:
            return f"the host {host!r} is not a valid internationalised name ({problem})"
    elif not _HOST_CHARACTERS.match(host) or ".." in host or host.startswith(".") or any(len(label) > 63 for label in host.split(".")):
        return f"the host {host!r} is not a valid host name"
    elif "xn--" in host:
        problem = _punycode_problem(host)
        if problem:
            return f"the host {host!r} is not valid punycode ({problem})"
    return _bracket_problem(url)


def _idna_problem(host: str) -> str | None:
    """Browsers accept what either IDNA 2008 (UTS 46) or IDNA 2003 accepts (emoji domains)."""
    import idna  # here: only non-ASCII hosts need its tables (start-up speed)

    try:
        idna.encode(host, uts46=True)
        return None
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        problem = str(exc)
    try:
        host.encode("idna")
        return None
    except UnicodeError:
        return problem


def _punycode_problem(host: str) -> str | None:
    """An ASCII host with xn-- labels: they must decode to a name a browser accepts."""
    import idna  # here: only xn-- hosts need its tables (start-up speed)

    try:
        idna.decode(host)
        return None
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        problem = str(exc)
    try:
        decoded = host.encode("ascii").decode("idna")
    except UnicodeError:
        return problem
    if any(unicodedata.category(char)[0] == "C" for char in decoded):
        return problem
    return None


def _bracket_problem(url: str) -> str | None:
    url = url.split("#", 1)[0]  # a cut fragment still loads the page
    for opening, closing, name in (("(", ")", "parentheses"), ("[", "]", "square brackets")):
        depth = 0
        for char in url:
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth < 0:
                    break
        if depth != 0:
            return f"unbalanced {name}"
    return None

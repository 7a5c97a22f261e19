import difflib
import os
import re
import unicodedata
from urllib.parse import urlsplit

from artlint import data
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.localfiles import exists_as_dependency, is_host_like
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.spans import SpanSet
from artlint.unfencedcode import plainly_code
from artlint.urls import authority, unescape_markdown, unmatched_close

_HAN = lazy("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DATA = data.load("links")["malformed"]
_SCHEME_LIKE = lazy(r"([a-zA-Z][a-zA-Z0-9+.-]{0,15})(:?)([/\\]*)")
_HOST_CHARACTERS = lazy(r"^[a-z0-9.\-_~!$&'()*+,;=%]+$", re.I)
# `https://https://host`, `http://http//host`, `http://https:/host`: a scheme pasted twice.
_DOUBLED_SCHEME = lazy(r"(https?)(?::/*|//)(https?)(?::/*|//)", re.I)
# `[text](COC Europe.webp)`: a destination with a space and no quoted title after it, which a
# CommonMark renderer does not read as a link: the brackets are shown as text.
# A part of a destination between spaces; a destination of two to nine such parts, which
# CommonMark ends at the first space (bare-url leaves the URL such a link shows to this rule).
DESTINATION_PART = r"[^()\s<>\"']{1,1000}"
_SPACED = rf"{DESTINATION_PART}(?:[ \t]+{DESTINATION_PART}){{1,8}}"
_SPACED_DESTINATION = lazy(rf"(?<!\\)(!?)\[([^\[\]\n]{{0,500}})\]\(({_SPACED})\)")
_SPACED_AT = lazy(rf"({_SPACED})\)")
# `https://hdl.handle. net/a`: a space inside a URL's host, which no host has.
SPACE_IN_HOST = lazy(r"[a-z][a-z0-9+.-]*://[^/?#()\s]+[ \t]+[^/?#()\s\"']*[./]", re.I)
_LINK_OPENING = lazy(r"(?<!\\)\]\(")
_SPACE_AFTER_PATH = lazy(rf"\]\({DESTINATION_PART}[ \t]+[^()\s<>\"']")
_PATH_LIKE_END = lazy(r"\.[A-Za-z0-9]{1,5}$")
# `(text)[https://...]`: the brackets of a link swapped.
_REVERSED_LINK = lazy(r"\(([^()\[\]\n]{1,200})\)\[((?:https?|ftp)://[^\s\[\]]+)\](?![(\[:])", re.I)
# Full-width punctuation ends a sentence, never a URL: `…/Project）`, `https://a；https://b`.
_FULL_WIDTH_STOPS = "；，。、！？」』】〉》"
_JUNCTION = lazy(r"[；，。、](?=(?:https?|ftp)://)", re.I)
_URL_START = lazy(r"(?:https?|ftp)://", re.I)
_URL_RUN_END = lazy(r"[\s<>\"'`]")
MAX_URL = 2000  # a joined URL is looked for this far back from the punctuation


# An address spelled out against harvesters: `mailto:hello at my domain`, `me[at]x.org`, `me (at) x dot org`.
_SPELLED_AT = lazy(r"(?i)\s(?:at|dot)\s|[\[(]\s*at\s*[\])]|%20at%20")


class LinkMalformed(DocumentRule):
    """A URL that no browser can follow.

    ## What it finds
    Link, image and reference destinations (markdown and HTML) with a broken scheme
    (`http//example.com`, `http:/example.com`, `htp://`, `htps://`, `http:\\\\example.com`), a
    missing scheme on a `www.` address (a browser reads it as a relative path), an empty host,
    a space or an illegal character in the host (on kramdown and Python-Markdown, which take
    `[x](https://hdl.handle. net/a)` as a link spaces and all, that link too), an invalid port (not
    a host or port the reader fills in: `${NODE_IP}`, `YOUR_IP:CC_WEB_PORT`), a host name that is not
    valid IDNA, unbalanced brackets (in an HTML attribute, only before the URL: `src="(https://…"`),
    or a `mailto:` without an address (not one spelled out against harvesters: `mailto:hello at my
    domain`, `me[at]example.org`). A host-like relative
    link that names a file or folder beside the page (`[api.example.io](api.example.io)` in a
    repository that keeps that site's sources in `api.example.io/`) is a relative link. A link
    in a paragraph that is code whose fence was lost (three lines or more, most ending with `{`,
    `}` or `;`, one opening or closing a brace) is
    the program's brackets, not a link: the code is what needs fixing there.
    A URL that runs on into full-width punctuation, which ends sentences and never URLs
    (`https://example.org/a，更多`, two URLs joined by `；`), is reported where it should end;
    not a Chinese title in a path whose end is written (`(…/莫队、带修莫队/)`, `<…/安装，改善>`),
    nor the end of a Chinese heading's anchor written out (`(…/faq/#如何接入-qiankun-么？)`).

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

    fixable = "safe"

    def check(self, doc, options):
        known = derived(options, "link-malformed schemes", lambda: set(options["known-schemes"]))
        for link in doc.links:
            if link.kind == "reference":
                continue  # judged at its definition, where the URL is written
            if link.kind == "autolink" and "@" in link.url and "/" not in link.url:
                continue  # `<team@example.org>`: CommonMark makes it a mailto: link
            repair = _doubled_scheme(doc, link) or _full_width_stop(doc, link) or _query_in_fragment(doc, link)
            if repair:
                yield repair
                continue
            problem = url_problem(_as_read(link), known)
            if problem and _names_a_local_file(doc, link.url.strip()):
                continue  # `[api.example.io](api.example.io)` beside a folder of that name: a relative link
            if problem and problem.startswith("unbalanced") and link.kind == "html" and "://" in link.url and not link.url.lstrip().startswith(("(", "[")):
                continue  # `<img src="…/a)b.png">`: an attribute holds any bracket; only markdown's destinations end at one
            if problem and link.kind == "inline" and link.url_start in _paragraphs_of_code(doc):
                continue  # `self.parts.append("[\\(name)](https://github.com/\\(name))")` in code whose fence was lost
            if problem:
                yield doc.diagnostic(f"malformed URL: {problem}", link.url_start, max(link.url_end, link.url_start + 1))
        yield from _reversed_links(doc)
        yield from _spaced_destinations(doc)
        yield from _spaced_hosts(doc)
        yield from _joined_text_urls(doc)


def _paragraphs_of_code(doc) -> SpanSet:
    """The paragraphs that are code written without a fence: brackets there are the program's."""
    return doc.memo(
        "link-malformed code paragraphs",
        lambda: SpanSet([(node.start, node.end) for node in doc.nodes("paragraph") if plainly_code(doc.text[node.start : node.end])]),
    )


def _as_read(link) -> str:
    r"""The URL a markdown link leads to: `https://developers\.line\.biz/` is
    `https://developers.line.biz/` (backslash escapes; an autolink and HTML keep them)."""
    url = link.url.strip()
    return unescape_markdown(url) if link.kind in ("inline", "definition") else url


def _names_a_local_file(doc, url: str) -> bool:
    """Whether a host-like relative URL names a file or folder beside the page (a repository
    whose folders are named after the sites they hold: `run.example.io/`)."""
    if doc.file is None or "://" in url or not is_host_like(url):
        return False
    return exists_as_dependency(os.path.join(str(doc.file.parent), url.split("#")[0].split("?")[0]))


def _written_as_is(doc, link) -> bool:
    """The URL stands in the file exactly as parsed (no entity or escape): offsets inside it
    are offsets in the file, and a fix can edit it."""
    return doc.text[link.url_start : link.url_end] == link.url


def _doubled_scheme(doc, link):
    match = _DOUBLED_SCHEME.match(link.url)
    if not match:
        return None
    inner = match.group(2).lower()
    fix = None
    if _written_as_is(doc, link):
        fix = Fix(f"keep one scheme ({inner}://)", (doc.edit(link.url_start, link.url_start + match.end(), f"{inner}://"),))
    return doc.diagnostic(
        f"malformed URL: the scheme is doubled ({match.group(0)!r}); it should start {inner}://",
        link.url_start, link.url_end, fix=fix,
    )


def _full_width_stop(doc, link):
    """A URL that runs on into full-width punctuation: report where it should end."""
    url = link.url
    if not url.lower().startswith(("http://", "https://", "ftp://")):
        return None
    split = _full_width_split(url)
    if split is None or not _written_as_is(doc, link):
        return None
    written_out = link.kind != "autolink" or doc.text.startswith("<", link.start)  # `<...>` says where it ends too
    if written_out and split > 0 and _HAN.match(url, split - 1) and url[split + 1 :].strip(_FULL_WIDTH_STOPS + "）"):
        return None  # in a destination written out, between Chinese words: a title in the path (/莫队、带修莫队/)
    if written_out and split > 0 and _HAN.match(url, split - 1) and "#" in url[:split]:
        return None  # the end of a Chinese heading's anchor, written out: `…/faq/#支持接入-qiankun-么？`
    if written_out and _PATH_GOES_ON.search(url, split) and "://" not in url[split:]:
        return None  # a file named with the mark, written out: `/那兔/。。。.png`; a sentence never goes on so
    position = link.url_start + split
    line, column = doc.source.position(position)
    tail = url[split:]
    fix = None
    if all(char in _FULL_WIDTH_STOPS + "）" for char in tail) and link.kind in ("inline", "autolink") and link.end > link.url_end:
        fix = Fix(
            f"end the URL before {tail!r} and put it after the link",
            (doc.edit(position, link.url_end), doc.edit(link.end, link.end, tail)),
        )
    return doc.diagnostic(
        f"malformed URL: full-width {url[split]!r} is not part of a URL; it should end at column {column} (line {line})",
        position, link.url_end, fix=fix,
    )


# After the mark, more of a path: a folder, or a file's extension at the URL's end.
_PATH_GOES_ON = lazy(r"/|\.[A-Za-z0-9]{2,5}$")


def _full_width_split(url: str) -> int | None:
    """The index of the first full-width stop in the URL, or of a `）` that no `（` opened."""
    return unmatched_close(url, "（", "）", _FULL_WIDTH_STOPS)


def _query_in_fragment(doc, link):
    """`/#s8?utm_source=x`. Hash routes (`#/page?x=1`, `#!/x?y=1`, `#app/page?x=1`) are read by the page's
    script and are left alone."""
    url = link.url
    if not url.lower().startswith(("http://", "https://")):
        return None
    base, _, fragment = url.partition("#")
    question = fragment.find("?")
    # `#/route?x=1`, `#!/route`, `#ptc1/tcomp/infoPage?oid=…`: a single-page app's route, whose
    # query its script reads (`#section/?utm_…` is an anchor with a query after it)
    if question <= 0 or fragment[0] in "/!" or "/" in fragment[:question].rstrip("/") or "#" in fragment or "=" not in fragment[question:]:
        return None
    if fragment.startswith(":~:"):
        return None  # a text fragment (`#:~:text=…`), which the browser reads whole: the page loads
    if any(char.isspace() for char in fragment):
        return None
    name, query = fragment[:question], fragment[question:]
    fix = None
    if _written_as_is(doc, link):
        joined = base + "&" + query[1:] if "?" in base else base + query
        # unsafe: the page's script may read the fragment's query itself
        fix = Fix("move the query before the fragment", (doc.edit(link.url_start, link.url_end, f"{joined}#{name}"),), safe=False)
    return doc.diagnostic(
        f"malformed URL: the query {query!r} comes after the fragment '#{name}', so it is never sent to the server",
        link.url_start + len(base) + 1 + question, link.url_end, fix=fix,
    )


def _reversed_links(doc):
    text = doc.prose_text
    if ")[" not in text:
        return
    links = SpanSet([(link.start, link.end) for link in doc.links])
    for match in _REVERSED_LINK.finditer(text, doc.body_offset):
        if match.start() in links or match.start(2) in links:
            continue
        label, url = match.group(1), match.group(2)
        yield doc.diagnostic(
            "link written backwards, (text)[url]: markdown links are [text](url)",
            match.start(), match.end(),
            fix=Fix("write it as [text](url)", (doc.edit(match.start(), match.end(), f"[{label}]({url})"),)),
        )


def _spaced_destinations(doc):
    """`[text](my file.png)` shown as text: CommonMark (goldmark, remark, markdown-it,
    pulldown-cmark, marked) ends a destination at a space, so the brackets and the path are
    printed as they are written. Only where the destination is a path or a URL (a file name's
    extension at its end, or a `/` in its first part); kramdown, Python-Markdown, Blackfriday
    and pandoc read it as a link."""
    site = doc.site
    if site is not None and site.reads_spaced_destinations:
        return
    text = doc.prose_text
    if "](" not in text or not _SPACE_AFTER_PATH.search(text, doc.body_offset):
        return  # one scan from each `](` rules out nearly every page
    links = SpanSet([(link.start, link.end) for link in doc.links])
    inline = SpanSet([(node.start, node.end) for node in doc.nodes("paragraph", "block_text", "heading", "table_cell")])
    for match in _SPACED_DESTINATION.finditer(text, doc.body_offset):
        destination = match.group(3)
        if not _address_like(destination) or match.start() in links or match.start() not in inline:
            continue
        written = doc.text[match.start(3) : match.end(3)]  # as written: the prose text blanks template tags
        if "{{" in written or "{%" in written:
            continue  # `({{ site.baseurl }}/img/a.png)`, `…%3A{% raw %}%2F{% endraw %}`: a template writes the address before markdown reads it
        what = "image" if match.group(1) else "link"
        start, end = match.start(3), match.end(3)
        fix = Fix("write each space of the destination as %20", (doc.edit(start, end, "%20".join(destination.split())),), safe=False)
        yield doc.diagnostic(
            f"{what} shown as text: a space in its destination {destination!r} ends it (write %20 for the space, or put the destination in <…>)",
            match.start(), match.end(), fix=fix,
        )


def _address_like(destination: str) -> bool:
    """Whether a destination spaces break is a path or a URL: a file name's extension at its
    end, or a `/` in its first part (not `[a](b c)`, a parenthesis after brackets)."""
    parts = destination.split()
    return bool(_PATH_LIKE_END.search(parts[-1]) or "/" in parts[0])


def spaced_destination_at(text: str, start: int) -> bool:
    """Whether the destination opening at `start` (after a link's `](`) is one a space ends,
    which this rule reports as shown as text on a CommonMark renderer; bare-url leaves the URL
    such a link shows to it."""
    match = _SPACED_AT.match(text, start)
    return match is not None and _address_like(match.group(1))


def _spaced_hosts(doc):
    """`[dataverse](https://hdl.handle. net/1902.1/20387)` where the renderer reads a destination
    spaces and all (kramdown, Python-Markdown, pandoc): a link, to a host split by a space,
    which leads nowhere. (A CommonMark renderer shows it as text: `_spaced_destinations`'.)"""
    site = doc.site
    if site is None or not site.reads_spaced_destinations or "](" not in doc.text:
        return
    text = doc.prose_text
    for opening in _LINK_OPENING.finditer(text, doc.body_offset):
        start = opening.end()
        split = SPACE_IN_HOST.match(text, start)
        if split is None:
            continue
        end = text.find(")", start)
        address = text[start:end] if end > 0 else split.group(0)
        yield doc.diagnostic(f"malformed URL: a space splits its host ({address!r}): the link leads nowhere", start, split.end())


def _joined_text_urls(doc):
    """Bare URLs joined by full-width punctuation, on renderers whose autolinker runs a URL up to
    the next space (GitHub, marked): both become one link that leads nowhere."""
    site = doc.site
    if site is not None and site.generator != "plain" and not (site.autolinks and site.generator != "hugo"):
        return  # goldmark stops a URL at non-ASCII text; kramdown and Zola link no bare URL
    text = doc.prose_text
    if "://" not in text:
        return
    links = SpanSet([(link.start, link.end) for link in doc.links] + [(n.start, n.end) for n in doc.nodes("inline_html", "block_html")])
    previous = doc.body_offset
    for junction in _JUNCTION.finditer(text, doc.body_offset):
        start = _joined_url_start(text, max(previous, junction.start() - MAX_URL), junction.start())
        previous = junction.end()  # a URL that starts before it ran into it, and was judged there
        if start is None or start in links:
            continue
        line, column = doc.source.position(junction.start())
        yield doc.diagnostic(
            f"malformed URL: two URLs joined by full-width {junction.group(0)!r} read as one link; the first should end at column {column} (line {line})",
            start, junction.end(),
        )


def _joined_url_start(text: str, floor: int, junction: int) -> int | None:
    """Where the URL that runs into the punctuation at `junction` starts, or None when the
    text before it is no URL (a space comes first)."""
    run_start = floor
    for end in _URL_RUN_END.finditer(text, floor, junction):
        run_start = end.end()
    starts = list(_URL_START.finditer(text, run_start, junction))
    if not starts:
        return None
    last = starts[-1].start()
    if any(char in "；，。、" for char in text[last:junction]):
        return None  # it ran into text before: reported at that punctuation, if at all
    if last > 0 and (text[last - 1].isalnum() or text[last - 1] in "/@."):
        return None
    return last


def url_problem(url: str, known_schemes: set[str]) -> str | None:
    if not url or url.startswith(("#", "/", "?", ".")):
        return None
    if "{{" in url or "{%" in url or "%7B%7B" in url or "%7B%25" in url:
        return None  # a template writes (part of) it at build time: `mailto:{{ member.email }}`
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
            if lowered == "mailto" and "@" not in url and not _SPELLED_AT.search(url):
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


# A shell or template variable standing for the host: `${NODE_IP}`, `$GATEWAY_URL`; or a host
# or port written as a constant's name (`YOUR_IP:CC_WEB_PORT`, `HOST:8080`, `x.org:PORT`): a
# real host name with no dot is never in capitals.
_VARIABLE = lazy(r"\$\{?[A-Za-z_]|(?:^|[@:])[A-Z][A-Z0-9_]+(?=:|$)")


def _host_problem(url: str) -> str | None:
    written = authority(url)
    if _VARIABLE.search(written):
        return None  # `http://${NODE_IP}:31380/`: a host the reader fills in
    if " " in written or "\t" in written:
        return f"a space in the host {written!r}"
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
        if opening not in url and closing not in url:
            continue
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

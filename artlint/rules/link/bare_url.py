import re
from bisect import bisect_left
from urllib.parse import urlsplit

from artlint import data
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.rules.link.malformed import SPACE_IN_HOST, spaced_destination_at
from artlint.spans import SpanSet
from artlint.templating import multiline_outputs
from artlint.urls import described_in_words, in_documentation_domain, is_documentation_host, is_identifier_uri, is_private_host, trim_url, unmatched_close

# Shared with link-insecure: a name written as an address is neither a link to make nor one to move to https.
IDENTIFIER_PREFIXES_OPTION = Option(
    "list[string]",
    list(data.load("links")["identifier-uris"]["prefixes"]),
    "Addresses that are names (XML namespaces, algorithm identifiers), as prefixes of host and path: "
    "neither asked to be links nor to use https://.",
)


def identifier_prefixes(options) -> tuple[str, ...]:
    """The rule's `identifier-prefixes`, lower case, worked out once per settings."""
    return derived(options, "identifier prefixes", lambda: tuple(prefix.lower() for prefix in options["identifier-prefixes"]))


_SHORTCODE_OPEN = lazy(r"\{\{[<%]")
# What is left of a link that did not parse: `\[text\](`, `] (`, `[label]: ` followed by the URL.
# A footnote's definition (`[^2]: https://…`) is footnote text, not a broken link definition.
_BROKEN_LINK_BEFORE = lazy(r"(?:\\?\][ \t]*\(|^[ \t]*\[[^\]\n^][^\]\n]*\]:[ \t]*|\bhref=[\"']?)$", re.M)
# An autolink that did not parse: `< https://x.org>` (a space inside), `<https://x.org for more`
# (never closed). The `<` shows on the page, before the URL or its link.
_BROKEN_AUTOLINK_BEFORE = lazy(r"<[ \t]*$")
_SHORTCODE_CLOSE = lazy(r"[%>]\}\}")
# `]`, blanks (a line break too), `(` just before a URL: Blackfriday's inline link.
_BLACKFRIDAY_GAP = lazy(r"(?<!\\)\][ \t]*\n?[ \t]*\($")
# Liquid, Nunjucks, Jinja output and tags on one line: their URLs are arguments, not prose.
_TEMPLATE_TAG = lazy(r"\{\{[^\n]{0,500}?\}\}|\{%[^\n]{0,500}?%\}")
# Inline HTML whose text is code or keyboard input, not prose.
_HTML_CODE = lazy(r"<(code|pre|kbd|samp|tt|var)\b[^>]*>", re.I)
_HTML_CODE_CLOSE = {name: lazy(rf"</{name}\s*>", re.I) for name in ("code", "pre", "kbd", "samp", "tt", "var")}
_ANCHOR_CLOSE = lazy(r"</a\s*>", re.I)
# Where a URL found in text ends although TEXT_URL goes on: an escaped `<`/`>`/`"` (the URL
# was inside `&lt;…&gt;`), and link brackets (`][ref]`, `](url)`) of markup around it.
_URL_STOP = lazy(r"&(?:gt|lt|quot|#0*6[02]|#x0*3[ce]);|\]\[|\]\(", re.I)
# A DOI written as its resolver URL: the display form Crossref recommends for citations.
_DOI_URL = lazy(r"(?:https?://)?(?:dx\.|www\.)?doi\.org/10\.\d{4,9}/", re.I)
# Parts of a URL that stand for something to fill in: `{id}`, `:user`, `$HOST`, `xxx`, `...`.
# `{id}`, `${HOST}`, `/:name`, `xxx`, `/.../`, and a query value named after its parameter
# (`unban?ip=ip`: put your own IP there).
_PLACEHOLDER = lazy(
    r"[{}]|\$\{|\$[A-Z_]{2,}\b|/:[a-z_]\w*|(?<![a-z0-9])x{3,}(?![a-z0-9])|/\.\.\.(?:/|$)|[?&]([a-z_]\w*)=\1(?![\w.%-])", re.I
)
# `yourdomain.com`, `xxx.cn`, and hosts named "domain" or "site" (`www.domain.com`, `x.domain1.com`,
# `mydomain.net`, `www.site.com/modpack`): the stand-ins tutorials use when comparing origins or showing a setting.
# A stand-in for the top-level domain too (`https://repo.fqdn[:443]`, `example.tld`).
_PLACEHOLDER_HOST = lazy(r"(?:^|\.)your|(?<![a-z0-9])x{3,}(?![a-z0-9])|(?:^|\.)(?:my|some)?(?:domain|site)\d*\.[a-z]{2,6}$|\.(?:fqdn|tld)$")
# A path's part the reader fills in: `github.com/username/reponame.git`, `twitter.com/_your_twitter_username`.
_PLACEHOLDER_SEGMENT = lazy(r"/(?:[^/?#]*?[-_])?(?:user-?name|repo-?name|your[-_]?(?:[a-z]+[-_])?(?:user-?name|domain|repo|handle|account))(?![a-z])", re.I)
_DATA = data.load("links")["bare-url"]
# A path of pages for people on an API's host: its documentation (`/api/v3/docs`).
_FOR_READERS = lazy(r"/(?:docs?|documentation|reference|guides?|help)(?:/|$)", re.I)
# A version among an API host's path segments (`/v1`, `/1/sales`): its endpoints, not pages.
_API_VERSION = lazy(r"/v?\d+(?:\.\d+)?(?:/|$)")
# Hosts of machine endpoints (`hook.example.cn`, `webhooks.example.io`).
# (Not `api.`: api.jquery.com and api.rubyonrails.org are documentation for readers.)
_ENDPOINT_HOST_LABEL = frozenset({"hook", "hooks", "webhook", "webhooks"})
# Package indexes, which a tool is pointed at (`pip config set global.index-url …`, `npm
# config set registry …`), listed in articles as values to copy: the bare root of a `registry.`
# host (npm, yarn, Docker) or of a Go module proxy (`goproxy.`). With a path, a `registry.` host
# is a catalogue for readers (`registry.opendata.aws/landsat-8`).
_PACKAGE_INDEX_HOST_LABEL = frozenset({"registry", "goproxy"})
# A Python package index's simple API (PEP 503), `https://mirrors.example.cn/pypi/simple/`: what
# pip's `index-url` names; opening it shows a list of ten thousand package names.
_PACKAGE_INDEX_PATH = lazy(r"/simple/?$", re.I)

# An HTTP method written beside the URL (in code too: `GET`): a request described, not a page to visit.
_HTTP_METHOD = lazy(r"(?<![A-Za-z])(?:GET|POST|PUT|PATCH|DELETE)(?![A-Za-z])")
# A line that is a shell command fetching the URL (`> wget https://…`, `$ git clone https://…`):
# an argument to copy, not a link the author forgot.
_COMMAND_LINE = lazy(
    r"[ \t>*+-]*(?:\$[ \t]+)?(?:sudo[ \t]+)?"
    r"(?:wget|curl|git[ \t]+clone|git[ \t]+remote[ \t]+add|svn[ \t]+(?:co|checkout)|hg[ \t]+clone|"
    r"(?:pip3?|npm|pnpm|gem|brew|yum|dnf|apt|apt-get|rpm)[ \t]+(?:install|add|-[iU]\w*)|"
    r"yarn[ \t]+add|go[ \t]+(?:get|install)|docker[ \t]+pull|helm[ \t]+repo[ \t]+add)\b"
)
# A line that opens with a shell's prompt and a command (`$ httping -g 'http://…'`, `(chroot) #
# wget http://…`, `root@box:~# curl …`): a session pasted without its fence, whatever the command.
_PROMPT_LINE = lazy(r"[ \t>*+-]*(?:\$|(?:\([\w.-]+\)|[\w.-]+@[\w.-]+(?::[^\s$#]*)?)[ \t]*[$#%])[ \t]+[a-z][\w.-]*[ \t]")
_METHOD_WINDOW = 60  # characters before and after the URL, on its line


def _shortcodes(text: str) -> list[tuple[int, int]]:
    """Spans of Hugo shortcodes `{{< ... >}}` and `{{% ... %}}`; once one is never closed, no
    later one is (`\\{\\{[<%].*?[%>]\\}\\}` searched to the end again from each opener)."""
    spans = []
    position = 0
    while opening := _SHORTCODE_OPEN.search(text, position):
        closing = _SHORTCODE_CLOSE.search(text, opening.end())
        if closing is None:
            break
        spans.append((opening.start(), closing.end()))
        position = closing.end()
    return spans


def _embedded_by_plugin(doc, url: str, start: int, end: int) -> bool:
    """A URL alone on its line, of a host that a plugin of the site's build embeds (a YouTube
    video with eleventy-plugin-youtube-embed): a player on the page, not text."""
    if doc.site is None or not doc.site.url_embed_hosts or not _alone_on_its_line(doc, start, end):
        return False
    host = _host(url)
    return any(host == embedded or host.endswith("." + embedded) for embedded in doc.site.url_embed_hosts)


def _alone_on_its_line(doc, start: int, end: int) -> bool:
    text = doc.text
    line_end = text.find("\n", end)
    return not text[doc.source.line_start(start) : start].strip() and not text[end : len(text) if line_end < 0 else line_end].strip()


def _embedded_by_container(doc, start: int, end: int) -> bool:
    """A URL that is the whole body of a Python-Markdown container (`??? pythontutor` then the
    URL, indented): the theme embeds it (an iframe, a player), nobody reads it as text."""
    if doc.site is None or not doc.site.containers:
        return False
    if not _alone_on_its_line(doc, start, end):
        return False  # words beside it on its line
    text = doc.text
    line_start = doc.source.line_start(start)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[:line_start].rstrip("\n \t").rsplit("\n", 1)[-1]
    marker = before.lstrip()
    if not marker.startswith(doc.site.containers):
        return False
    after = text[line_end:].lstrip("\n").split("\n", 1)[0]
    indent = len(before) - len(marker)
    return not after.strip() or len(after) - len(after.lstrip()) <= indent  # the container ends after it


def _html_text_spans(doc) -> list[tuple[int, int]]:
    """The text of `<a>…</a>` (a link already) and of `<code>`, `<kbd>`… (code, not prose)."""
    spans = []
    text = doc.text
    for link in doc.links:
        if link.kind == "html" and not link.is_image:
            closing = _ANCHOR_CLOSE.search(text, link.end, link.end + 2000)
            if closing is not None:
                spans.append((link.end, closing.start()))
    for node in doc.nodes("inline_html"):
        opening = _HTML_CODE.match(text, node.start, node.end)
        if opening is None:
            continue
        closing = _HTML_CODE_CLOSE[opening.group(1).lower()].search(text, node.end, node.end + 5000)
        if closing is not None:
            spans.append((node.end, closing.start()))
    return spans




def _kramdown_link_after(text: str, url_start: int) -> bool:
    """Whether `](` before the URL opens a destination kramdown accepts: it counts parentheses
    and allows spaces (`[f()](https://x.org/f(int, int))`), where CommonMark gives up. Not
    `[text] (url)`: kramdown wants the `(` right after the `]`."""
    if text[url_start - 2 : url_start] != "](" or text[url_start - 3 : url_start - 2] == "\\":
        return False
    depth = 1
    position = url_start
    end = text.find("\n\n", url_start)
    end = len(text) if end < 0 else end
    while position < end:
        char = text[position]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return True
        elif char in "\"'" and text[position - 1].isspace():
            return True  # a title follows the destination
        position += 1
    return False


def _blackfriday_link_after(text: str, url_start: int) -> bool:
    """Whether what precedes the URL opens a link Blackfriday (Hugo before 0.60) accepts: it
    skips blanks and line breaks between `]` and `(` (`[text] (url)`) and reads the destination
    up to its closing parenthesis, spaces and all, as kramdown does."""
    before = text[max(0, url_start - 40) : url_start]
    gap = _BLACKFRIDAY_GAP.search(before)
    if gap is None:
        return False
    opening = url_start - len(before) + gap.start()
    return _kramdown_link_after(text[:opening] + "](" + text[url_start:], opening + 2)


def _not_for_readers(url: str) -> bool:
    """A DOI resolver URL, a placeholder or an endpoint: nothing a reader would follow."""
    if _DOI_URL.match(url) or _PLACEHOLDER.search(url):
        return True
    address = url if "://" in url else "http://" + url
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError for a port that is a word (`:port`)
    except ValueError:
        return True
    if not host or is_private_host(host) or is_documentation_host(host):
        return True
    if _PLACEHOLDER_HOST.search(host) or described_in_words(host) or _PLACEHOLDER_SEGMENT.search(parts.path):
        return True
    label = host.split(".", 1)[0]
    if label in _PACKAGE_INDEX_HOST_LABEL and parts.path in ("", "/") and not parts.query:
        return True
    if host.count(".") >= 2 and label.startswith("api") and ("sandbox" in label or _API_VERSION.search(parts.path)):
        if not _FOR_READERS.search(parts.path):
            return True  # `https://apisandbox.example.com.br`, `https://api.example.com/order-management/v1`: a service's endpoint
    return label in _ENDPOINT_HOST_LABEL or _PACKAGE_INDEX_PATH.search(parts.path) is not None


def _template_goes_on(text: str, end: int) -> bool:
    """`https://x.org/detail/\\<id\\>`: the URL goes on with an escaped placeholder."""
    return text.startswith("\\<", end - 1)


def _beside_http_method(text: str, start: int, end: int, line_start: int) -> bool:
    """Whether the URL is the argument of an HTTP method or of a command line that fetches it."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if _COMMAND_LINE.match(text, line_start, start) or _PROMPT_LINE.match(text, line_start, start):
        return True
    # Searched in the whole text, not a slice: "TARGET" cut to "GET" by a window is no method.
    if _HTTP_METHOD.search(text, max(line_start, start - _METHOD_WINDOW), start):
        return True
    # Only the window after it: a line of thousands of URLs is not searched to its end for each.
    # (A few characters more, so that a method's word cut by the window keeps its end: "GETTER".)
    after = _HTTP_METHOD.search(text, end, min(line_end, end + _METHOD_WINDOW + 16))
    return after is not None and after.start() < end + _METHOD_WINDOW


# `xmlns="http://…"`: an attribute of a tag the parser did not take for HTML (a tag written over
# several lines inside a paragraph).
_ATTRIBUTE_BEFORE = lazy(r"""[\w:-]+=["']\Z""")


def _attribute_value(text: str, start: int) -> bool:
    return _ATTRIBUTE_BEFORE.search(text[max(0, start - 40) : start]) is not None


# `FLUTTER_STORAGE_BASE_URL=https://…`, `| MIRROR_URL | https://… |`: the value of an
# environment variable or setting, a string to copy, not a page to visit.
# A setting's name before its value (`MIRROR_URL=`, `| BASE_URL |`), or an environment variable
# assigned in place (`GOPROXY=https://…`), after anything but an ASCII letter or digit (a
# Chinese word may lead straight into it: `可以看到GOPROXY=`).
_SETTING_BEFORE = lazy(
    r"""(?:(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]`?[ \t]*(?:[=:|][ \t]*)?|(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{2,}=)[`"']?\Z"""
)


def _setting_value(text: str, start: int) -> bool:
    window = max(0, start - 80)
    return _SETTING_BEFORE.search(text[max(text.rfind("\n", window, start) + 1, window) : start]) is not None


# A command line's option before its value: `main.py -u http://…`, `--registry=https://…`.
_OPTION_BEFORE = lazy(r"(?:^|[\s>])--?[A-Za-z][\w-]*(?:[ \t]+|=)\Z")


def _option_value(text: str, start: int) -> bool:
    """The URL is the value of a command-line option (a command written as prose or in a
    quote, `> main.py -u http://www.example.com -d 'a=1'`): an argument, not a page offered."""
    window = max(0, start - 40)  # the line's start is looked for there only: the search reads no further back
    return _OPTION_BEFORE.search(text, max(text.rfind("\n", window, start) + 1, window), start) is not None


_QUOTE_REACH = 2000  # characters: longer than any title quoted on a line


def _inside_quoted_title(text: str, start: int, end: int) -> bool:
    """The URL is one of the words of a quotation on its line (`Fixed "https://x/y gives 404"`,
    an issue's title quoted in a changelog): mentioned, not offered to the reader."""
    # Within `_QUOTE_REACH` each way: a line of thousands of URLs is not counted whole for each.
    line_end = text.find("\n", end, end + _QUOTE_REACH)
    line_end = min(len(text), end + _QUOTE_REACH) if line_end < 0 else line_end
    before = text[text.rfind("\n", max(0, start - _QUOTE_REACH), start) + 1 : start][-_QUOTE_REACH:]
    for opening, closing in (('"', '"'), ("“", "”")):
        opened = before.rfind(opening)
        still_open = before.count(opening) % 2 == 1 if opening == closing else closing not in before[opened + 1 :]
        if opened < 0 or not still_open:
            continue
        # Looked for from the URL's start: a URL read from text may have taken a closing ” with it.
        closed = text.find(closing, start, line_end)
        if closed >= 0 and any(char.isalpha() for char in before[opened + 1 :] + text[end:closed]):
            return True
    return False


def _quoted_string(text: str, start: int, end: int) -> bool:
    """`"www.v2ray.com"`: a host without a scheme, a whole string in straight quotes, is a value
    a configuration or a matching rule takes, not a page offered to the reader (a quoted
    `"https://…"` in a changelog still is one)."""
    return text[start - 1 : start] == '"' and text[end : end + 1] == '"' and "://" not in text[start:end]


def _domain_named(text: str, start: int, end: int) -> bool:
    """`www.ietf.org`, `(© www.example.com)`, `如 www.example.cn`: a host without a scheme or a
    path names a domain (an example, a credit, a command's argument); an address a reader is
    offered to visit has its page's path or a scheme (`www.github.com/erlang`)."""
    written = text[start:end].rstrip("/")
    if text[start - 1 : start] == "<":
        return False  # `<www.example.org>`: an autolink meant, which needs a scheme to be one
    return "://" not in written and "/" not in written


_DEAD_WINDOW = 80  # characters on each side of the URL, on its line: its own sentence, not the paragraph's


def _in_dropped_cell(doc, offset: int) -> bool:
    """Whether `offset` is in a table row's cells past its header's, which GFM drops unseen."""

    def compute() -> SpanSet:
        spans = []
        for table in doc.nodes("table"):
            for row in table.children:
                kept_end = max((cell.end for cell in row.children), default=row.start)
                if kept_end < row.end:
                    spans.append((kept_end, row.end))
        return SpanSet(spans)

    return offset in doc.memo("bare-url dropped cells", compute)


def bare_urls(doc) -> list[tuple[int, str]]:
    """(offset, URL) of each URL written out in the prose that no link, HTML, shortcode or
    template tag holds: text, or a link only where the renderer links bare URLs. Once per document."""

    def compute() -> list[tuple[int, str]]:
        text = doc.prose_text
        if "://" not in text and "www." not in text:
            return []
        covered = SpanSet(
            [(link.start, link.end) for link in doc.links]
            + [(node.start, node.end) for node in doc.definitions]  # unused ones too: no prose either
            + [(node.start, node.end) for node in doc.nodes("inline_html", "block_html")]
            + _shortcodes(text)
            + [match.span() for match in _TEMPLATE_TAG.finditer(doc.text, doc.body_offset)]
            + multiline_outputs(doc)
            + _html_text_spans(doc)
        )
        tables = SpanSet([(node.start, node.end) for node in doc.nodes("table")]) if "|" in text else None
        return [
            (start, _url_extent(written.partition("|")[0] if tables is not None and start in tables else written))
            for start, written in doc.prose_urls
            if start not in covered
        ]  # in a table, a `|` ends the cell and the URL: `|https://split.example.com/|Divisão|`

    return doc.memo("bare-urls", compute)


# A heading's line up to an attribute list that holds the URL (`## Partners {#partners href="`),
# and the rest of the list after it, closing the line.
_HEADING_ATTRIBUTES_BEFORE = lazy(r"^[ \t]{0,3}#{1,6}[ \t][^\n]*[ \t]\{:?[ \t]*[#.][^{}\n]*$", re.M)
_HEADING_ATTRIBUTES_AFTER = lazy(r"[^{}\n]*\}[ \t]*(?:\n|$)")


def _in_heading_attributes(text: str, start: int, end: int, line_start: int) -> bool:
    """The URL is a value in a heading's attribute list (`{#id href="https://…"}`), which
    goldmark, kramdown, Python-Markdown's attr_list and markdown-it-attrs take off the heading:
    it is never shown, as text or as a link."""
    return bool(_HEADING_ATTRIBUTES_BEFORE.match(text, line_start, start)) and bool(_HEADING_ATTRIBUTES_AFTER.match(text, end))


# Link syntax shown as text on purpose: an escaped `[`, the text, an `](` left as it is (and the
# URL after it). A converter escapes both brackets (`\[notes\](…)`): that link is broken.
_ESCAPED_LINK_BEFORE = lazy(r"\\\[[^\[\]\n]*(?<!\\)\][ \t]*\($")


def _escaped_on_purpose(text: str, start: int) -> bool:
    window = max(0, start - 200)  # the line's start is looked for there only: the search reads no further back
    return _ESCAPED_LINK_BEFORE.search(text, max(text.rfind("\n", window, start) + 1, window), start) is not None


def _example_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of `words` ending the text before a URL, then a colon, a space or nothing (CJK)."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})[ \t]*[:：]?[ \t]*[\"'“「]?\Z", re.I)


def _shown_as_an_example(source: str, text: str, start: int, line_start: int, examples: re.Pattern[str], host: str) -> bool:
    """An example of a value, not a page to visit: in a table row (`| href | Example:
    https://…/orders/438f |`), in a field's description (`` * `apiURL` - the server url, e.g.
    https://… ``), or of a host reserved for examples (`e.g. https://grafana.example.com`). In
    prose, "for example: https://docs.python.org" still offers a page to visit. (`source`: the
    text as written, its code spans too; `text`: the prose.)"""
    before = source[line_start:start].lstrip()
    if not (before.startswith("|") or _FIELD_DESCRIPTION.match(before) or in_documentation_domain(host)):
        return False
    return examples.search(text[max(line_start, start - 60) : start]) is not None


def _host(url: str) -> str:
    try:
        return (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return ""


# A list item describing a field or option named in code: `` * `apiURL` - `` or `` - `url`: ``.
_FIELD_DESCRIPTION = lazy(r"(?:[-*+]|\d{1,3}[.)])[ \t]+`[^`\n]{1,60}`[ \t]*(?:[-–—:]|\()")


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` as a whole word (CJK words anywhere)."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True) if word.strip()) or "(?!)"
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])|(?:{alternatives})(?=[\u3040-\u9fff])", re.I)


# A line's label before a URL: a list marker, then bold or code text, then a colon.
_LINE_LABEL = lazy(r"^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|`)([^*`\n]{1,60})(?:\*\*|`)[ \t]*[:：]?[ \t]*$")


def _labelled_as_a_service(text: str, start: int, end: int, services: re.Pattern[str]) -> bool:
    """A URL alone in a table cell of a row whose other cells before it name a service
    (`| **API Split** | https://split.example.com/ | … |`), or after a bold or code label that
    does (`* **Braspag OAUTH2 Server**: https://auth.example.com/`)."""
    line_start = max(text.rfind("\n", max(0, start - _LONGEST_ROW), start) + 1, start - _LONGEST_ROW, 0)
    before = text[line_start:start]
    if before.lstrip().startswith("|"):
        line_end = text.find("\n", end, end + _LONGEST_ROW)
        after = text[end : end + _LONGEST_ROW if line_end < 0 else line_end]
        alone = before.rstrip(" \t").endswith("|") and after.lstrip(" \t_*").startswith("|")
        return alone and services.search(before) is not None
    label = _LINE_LABEL.match(before)
    return label is not None and services.search(label.group(1)) is not None


def _said_to_be_dead(text: str, start: int, end: int, phrases: tuple[str, ...]) -> bool:
    """Words beside the URL on its line say the address no longer works ("used to be at", "已失效"):
    the author keeps it as a record and left it unlinked on purpose."""
    window = max(0, start - _DEAD_WINDOW)
    line_start = max(text.rfind("\n", window, start) + 1, window)
    line_end = text.find("\n", end, end + _DEAD_WINDOW)
    folded = (text[line_start:start] + " " + text[end : line_end if line_end >= 0 else end + _DEAD_WINDOW]).casefold()
    return any(phrase in folded for phrase in phrases)


def mentioned_not_offered(source: str, text: str, start: int, end: int, line_start: int) -> bool:
    """A request's argument, an attribute's or a setting's value, a quoted string, or words of
    a quoted title. `line_start`: where the URL's line starts in both texts."""
    return (
        _quoted_string(text, start, end)
        or _domain_named(text, start, end)
        or _beside_http_method(source, start, end, line_start)
        or _attribute_value(text, start)
        or _setting_value(text, start)
        or _option_value(text, start)
        or _inside_quoted_title(text, start, end)
    )


_LONGEST_ROW = 4000  # characters: a longer line is no table row anyone wrote by hand


def _code_in_a_table_cell(doc, start: int) -> bool:
    """A URL in a code span of a table row that holds a `|` (`| `curl https://x | bash` |`):
    kramdown and Python-Markdown keep such a span whole, where GFM splits the cell at the `|`
    and leaves the URL outside code."""
    line = doc.source.line_of(start)
    row_start = doc.source.line_starts[line - 1]
    row_end = doc.source.line_starts[line] if line < len(doc.source.line_starts) else len(doc.text)
    if row_end - row_start > _LONGEST_ROW or not doc.text[row_start:start].lstrip().startswith("|"):
        return False
    return doc.text.count("`", row_start, start) % 2 == 1


def _linked_just_before(doc, url: str, start: int, line_start: int) -> bool:
    """`- [yarn](https://x.org/yarn) : https://x.org/yarn`: the address shown after a link to
    it on the same line, for a reader to copy; the link is there already."""
    ends = doc.memo("bare-url link ends", lambda: sorted((link.end, link.url.rstrip("/")) for link in doc.links if link.url))
    bare = url.rstrip("/")
    before = bisect_left(ends, (start + 1, ""))
    nearest = ends[max(0, before - _LINKS_BEFORE) : before]  # the last few links before it: a line of thousands is no list
    return any(end >= line_start and target == bare for end, target in nearest)


_LINKS_BEFORE = 4


def _url_extent(url: str) -> str:
    """The URL without what follows it in the text: from `&gt;`, `][`, `](` or a `)` that
    closes no `(` of the URL on (`(https://x.org/a)的文章中` ends before the `)`)."""
    stop = _URL_STOP.search(url)
    if stop:
        url = url[: stop.start()]
    end = unmatched_close(url)
    url = trim_url(url if end is None else url[:end])
    # `|https://lnmp.org/|`: a table row's closing pipe, which no URL ends with.
    return url.rstrip("|") if url.endswith("|") else url


def suggested_markup(url: str) -> str:
    """A link to the URL that parses as one: `[text](url)`, `<url>` when parentheses inside it
    do not balance, and `https://` added to a `www.` address (else the link is relative)."""
    if not re.match(r"[a-z][a-z0-9+.-]*://", url, re.I):
        url = "https://" + url
    if url.count("(") != url.count(")") or url.endswith("\\"):
        return f"<{url}>"
    return f"[text]({url})"


# A custom element (its name has a hyphen, as HTML requires of them) wrapping the URL alone:
# Writerside's `<contribute-url>`, a web component's `<x-embed>`.
_CUSTOM_OPENING = lazy(r"<([a-z][a-z0-9]*-[a-z0-9-]*)[^<>]{0,200}>[ \t]*\Z", re.I)


def _custom_element_value(text: str, start: int, end: int) -> bool:
    """Whether the URL is the whole content of a custom element: a value the component reads."""
    opening = _CUSTOM_OPENING.search(text, max(0, start - 240), start)
    return opening is not None and text[end : end + 200].lstrip(" \t").startswith(f"</{opening.group(1)}>")


class BareUrl(DocumentRule):
    r"""A URL written as plain text instead of a link.

    ## What it finds
    `http://`, `https://`, `ftp://` and `www.` addresses in running text that are not a link,
    not an `<autolink>`, not inside code (`<code>`, `<kbd>`… included), HTML, a Hugo shortcode
    or a Liquid tag (an output over several lines too, on a page Liquid or Nunjucks renders:
    `{{ components.note({ url: "https://…" }) }}`), nor the whole content of a custom element (`<contribute-url>https://…
    </contribute-url>`, Writerside's: a value the component reads). Sentence punctuation after
    the URL (ASCII or CJK) is not part of it, nor
    is `&gt;` or the `][` of link markup. On sites whose renderer links bare URLs itself
    (Hugo's goldmark `linkify`, on unless the site turns it off; Hexo's marked; Docusaurus;
    VitePress; MkDocs with `pymdownx.magiclink`; Jekyll with GitHub Pages' GFM processor,
    `markdown: GFM`, or redcarpet's or jekyll-commonmark's `autolink`; GitHub, for a repository's README and, where
    no generator is configured, its files when the repository has a `.github/` folder, a remote
    on github.com or a package.json naming one) only URLs left by link markup that did not parse are reported (`\[text\](url`,
    `[text] (url`, a reference definition broken by a space, and an autolink that is none: `<
    https://x.org>`, `<https://x.org for details`, `<www.x.org>`, whose `<` shows); Jekyll's kramdown, Zola and MkDocs
    leave every bare URL as text (kramdown and Python-Markdown also take `[f](https://x.org/f(a, b))` as a link;
    Blackfriday, Hugo's renderer before 0.60, that and `[text] (url)` too). A link's destination
    that a space ends (`[Tim Kurdov](https://github.com/Tim Kurdov)`, `(https://x.org/a）安装 b)`)
    is link-malformed's finding, and so is a host a space splits where the renderer reads the
    link whole (kramdown's `[x](https://hdl.handle. net/a)`): not reported here as well; nor is a
    URL in a table cell past the header's, which GFM drops unseen (table-column-count's).

    URLs nobody would follow are not reported: a value in a heading's attribute list
    (`## Partners {#partners href="https://…"}`, which goldmark, kramdown, attr_list and
    markdown-it-attrs take off the heading, so it never shows), the whole body of an MkDocs container
    (`??? pythontutor` with the URL indented below it, which the theme embeds), a video's URL alone
    on its line where a plugin of the site's package.json embeds that host (eleventy-plugin-youtube-embed:
    `url-embed-plugins` in `rules/sites.toml`), a DOI as its resolver URL
    (`https://doi.org/10.1093/nar/gkaa1100`, the display form Crossref recommends for
    citations; `http://` and `dx.doi.org` too), a field's value shown as an example in a table
    row (after one of `example-words`: `| href | Example: https://…/orders/438f |`; in prose, "for
    example: https://…" still offers a page), a service's endpoint (an `api` subdomain for a
    sandbox or with a version in its path: `https://apisandbox.x.com.br`,
    `https://api.x.com.br/orders/v1`, not its `/docs`; a sandbox's sign-up page is a page; or an
    address alone in a table cell beside a label that names a service, one of `service-words`,
    `| **API Risk** | https://risk.x.com.br/ |`, or after such a bold or code label on its line,
    `* **Split API**: https://split.x.com.br/`), placeholders (`http://localhost:8080/`,
    `https://example.com/{id}`, `http://ip:port`, `yourdomain.com`, `www.domain.com`, a host
    described in Chinese, Japanese or Korean words, `https://티스토리도메인.tistory.com`,
    `/api/xxx`, `github.com/username/repo`),
    names written as addresses (XML namespaces and algorithm identifiers, `identifier-prefixes`:
    `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256`), the value of an environment variable or setting (`MIRROR_URL=https://...`) or of a command's
    option (`main.py -u http://…`, `--registry=https://…`), a host without a
    scheme as a whole string in straight quotes (`"www.example.com"` in a matching rule's
    example), a `www.` host named without a scheme or a path (`(© www.example.com)`, `域名如
    www.example.cn`: a domain, not a page), webhook hosts
    (`hook.`, `webhooks.`), package indexes listed as values for a tool's setting (a Python
    index's `…/simple/`, the bare root of a `registry.` or `goproxy.` host), a URL written beside `GET`, `POST`, `PUT`, `PATCH` or `DELETE`:
    a request described, not a page to read, and the argument of a shell command pasted without
    its fence (`wget https://…`, `git clone https://…`, or any command after a prompt: `$ httping
    -g 'http://…'`, `(chroot) # wget http://…`, `root@box:~# curl …`); nor the address shown after a link to it on the
    same line (`- [yarn](https://x.org/yarn) : https://x.org/yarn`), nor one struck through
    (`~~https://x.org/bin/0.10.0/~~`, `~~see the old FAQ at http://…~~`, `<del>`: a download
    withdrawn), nor one its line says is dead
    (`dead-phrases`: "used to be at https://… but it's no longer there", "已失效"), kept as a record. Nor is a bare URL on a page that says a program
    wrote it ("automatically generated from ...", `auto_generated: true`): a command's help
    text, made into a reference page, is changed in the program; link markup that did not
    parse is reported there too.

    ## Why it matters
    Some renderers leave a bare URL as dead text, others link it with the URL itself as the
    anchor text. Either way the reader gets no idea where it leads; imported articles often
    carry their source this way. Write a link with a description, or `<https://...>`.

    ## Example

        来源：https://news.example.org/article/123.html

    reports `bare URL: write it as a link, [text](https://news.example.org/article/123.html)`.
    """

    name = "bare-url"
    family = "link"
    severity = Severity.WARNING
    options = {
        "example-words": Option(
            "list[string]",
            _DATA["example-words"],
            "Words that present the bare URL right after them as an example of a form (`Example: https://…`), which no one is meant to follow.",
        ),
        "service-words": Option(
            "list[string]",
            _DATA["service-words"],
            "Words of a label naming a service (`API`, `Server`, `Sandbox`): a bare URL alone in a table cell beside one, or after one, is an endpoint.",
        ),
        "identifier-prefixes": IDENTIFIER_PREFIXES_OPTION,
        "dead-phrases": Option(
            "list[string]",
            _DATA["dead-phrases"],
            "Words on a bare URL's line saying the address no longer works: kept as a record, unlinked on purpose.",
        ),
    }

    def check(self, doc, options):
        autolinked = doc.bare_urls_linked
        kramdown = doc.site is not None and doc.site.generator in ("jekyll", "mkdocs")  # Python-Markdown counts parentheses too
        blackfriday = doc.site is not None and doc.site.blackfriday
        text = doc.prose_text
        dead = derived(options, "bare-url dead", lambda: tuple(phrase.casefold() for phrase in options["dead-phrases"]))
        examples = derived(options, "bare-url examples", lambda: _example_pattern(tuple(options["example-words"])))
        services = derived(options, "bare-url services", lambda: _words_pattern(tuple(options["service-words"])))
        spaced_links = doc.site is not None and doc.site.reads_spaced_destinations
        for start, url in bare_urls(doc):
            end = start + len(url)
            line_start = doc.source.line_start(start)
            if _in_heading_attributes(text, start, end, line_start):
                continue  # `## Partners {#partners href="https://…"}`: an attribute list the renderer takes off the heading
            if _BROKEN_LINK_BEFORE.search(text, max(doc.body_offset, start - 40), start):
                if kramdown and _kramdown_link_after(doc.text, start):
                    continue
                if spaced_links and doc.text[max(0, start - 2) : start] == "](" and SPACE_IN_HOST.match(doc.text, start):
                    continue  # `](https://hdl.handle. net/a)`: a link all the same, to no host; link-malformed's
                if blackfriday and _blackfriday_link_after(doc.text, start):
                    continue
                if _in_dropped_cell(doc, start):
                    continue  # `| a | b | [x](https://…)` past the header's cells: table-column-count's, nothing shows
                if _escaped_on_purpose(doc.text, start):
                    continue  # `\\[链接](http://a)`: a cheat sheet shows the syntax, its `[` escaped on purpose
                if doc.text[max(0, start - 2) : start] == "](" and not spaced_links and spaced_destination_at(doc.text, start):
                    continue  # `[Tim Kurdov](https://github.com/Tim Kurdov)`: link-malformed's, a space in its destination
                yield doc.diagnostic(f"link markup broken before {url}: the URL shows as text", start, end)
            elif _BROKEN_AUTOLINK_BEFORE.search(text, max(doc.body_offset, start - 8), start):
                written = url if "://" in url else f"https://{url}"  # `<www.x.org>` is no autolink: it needs its scheme
                yield doc.diagnostic(f"autolink markup broken before {url}: its '<' shows as text (write <{written}>)", start, end)
            elif not (autolinked or _not_for_readers(url) or _template_goes_on(text, end) or doc.declares_generated or start in doc.struck_out):
                if is_identifier_uri(url, identifier_prefixes(options)):
                    continue  # `http://www.w3.org/2001/04/xmldsig-more#rsa-sha256`: a name, no page to visit
                if _embedded_by_container(doc, start, end) or kramdown and _code_in_a_table_cell(doc, start):
                    continue
                if _embedded_by_plugin(doc, url, start, end):
                    continue  # `https://youtu.be/Q0v2…` alone on its line, eleventy-plugin-youtube-embed's player
                if _custom_element_value(doc.text, start, end):
                    continue  # `<contribute-url>https://…</contribute-url>`: a component's setting, not shown as text
                if mentioned_not_offered(doc.text, text, start, end, line_start) or _linked_just_before(doc, url, start, line_start):
                    continue
                if text.startswith("[[", start - 2) and doc.site is not None and doc.site.shows_wiki_links_as_text:
                    continue  # `[[https://…/a.png|Setup]]`: a wiki's image, link-reference-undefined's
                if _shown_as_an_example(doc.text, text, start, line_start, examples, _host(url)):
                    continue  # `Exemplo: https://…/orders/438f…`: what such a value looks like, not a place to go
                if _labelled_as_a_service(doc.text, start, end, services) and not _FOR_READERS.search(url):
                    continue  # `| **API Risk** | https://risk.example.com.br/ |`: an endpoint to put in code
                if not _said_to_be_dead(text, start, end, dead):
                    yield doc.diagnostic(f"bare URL: write it as a link, {suggested_markup(url)}", start, end)

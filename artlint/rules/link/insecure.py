from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from artlint import data
from artlint.findings import Edit, Fix, Severity
from artlint.lazyre import lazy
from artlint.network.probes import probe_at
from artlint.network.targets import Target, normalise_url
from artlint.options import Option, derived
from artlint.rules import NetworkRule
from artlint.rules.link.bare_url import IDENTIFIER_PREFIXES_OPTION, bare_urls, identifier_prefixes, mentioned_not_offered
from artlint.rules.link.denied_domain import matches_pattern
from artlint.urls import (
    domain_set,
    host_in,
    host_of,
    in_documentation_domain,
    is_address,
    is_documentation_host,
    is_identifier_uri,
    is_placeholder_host,
    is_private_host,
    listed_domain,
    scheme,
)

_DATA = data.load("links")["insecure"]


# An XML namespace declaration right before the address: `xmlns="…"`, `xmlns:vin = "…"`.
_NAMESPACE_ATTRIBUTE = lazy(r"""\bxmlns(?::[\w.-]+)?\s*=\s*["']?\Z""")

class LinkInsecure(NetworkRule):
    """An `http://` link or image to a host that serves https.

    ## What it finds
    Links, images and reference definitions with the `http:` scheme to a public host that serves
    the same address over https (and bare `http://` URLs where the site's renderer makes them
    links: goldmark's linkify, marked's GFM, a repository's files on GitHub). Whether it does:
    - offline, only what the checkout says: the host is on the `https-hosts` list (journals,
      DOI resolvers, Wikipedia, GitHub…), or the same page links that host with `https://` too (a link: with or without `www.`);
    - online (without `--offline`), any other host is asked once for the same address over
      https, and reported when it answers (a refused connection, a certificate for another
      host, a 404 or no answer: not reported, the http link may be all there is).
    With `assume-https = true`, every public host is reported offline, with its message saying
    "if it serves it" (on 33 sites nobody tuned artlint on, such findings were real 58 % of
    the time; those with a sign of https, 97 %).

    Never reported: `localhost`, a private, loopback or link-local address, a reserved or local
    network's name (`.local`, `.test`, `.home`, `.lan`, Pi-hole's `pi.hole`, `example.com`; a
    link, not an image, to any of its subdomains), a tutorial's stand-in for the reader's own
    host (`api.xxx.com`, `yourdomain.com`), a link to a server by its IP address
    (`http://47.243.253.79/`: certificates name hosts; an image from one is still reported,
    since an https page blocks it), a device's page on the reader's own network
    (`device-hosts`: `router.asus.com`, `routerlogin.net`, which serve http only), a "host"
    whose last label is a file type and no top-level domain (`file-suffixes`:
    `[Node.js](http://node.js)`, a name a linkifier linked), a host or URL prefix of
    link-denied-domain's built-in list (gone, with no https to move to: `code.google.com/p/`), a name
    written as an address (an XML namespace, an algorithm's identifier, `identifier-prefixes`:
    `http://www.w3.org/2000/svg`, kept as its specification writes it), a Tor onion service or an I2P site (their
    networks encrypt end to end, and their addresses are published as `http://`), the `allow`
    list, a licence's text (`LICENSE.md`, quoted word for word), an address shown as written
    (bare, or as its own link's text) beside the same address with https:// (on its line or
    the next: both forms listed, a redirect rule from one to the other), and a link struck
    through (`~~[the old mirror](http://…)~~`, `<del>`: marked as gone, kept as a record). A
    link (not an image, which an https page blocks all the same) to a port other than 80 is a
    server's own page (`http://demo.example.org:8765/flags`, a service's dashboard), with no
    https to move to. Nor is an image on a site that tells browsers to upgrade insecure
    requests (`Content-Security-Policy: upgrade-insecure-requests`, set in the generator's
    configuration, as VuePress' `head` writes it into every page, or in the host's headers
    file: `netlify.toml`, `_headers`, `vercel.json`): browsers fetch it over https already. A
    link that another finding's safe fix removes is not reported too: a stuffed link, which
    link-keyword-stuffing unlinks, is one finding, not two (when stuffing is not checked, or
    is suppressed there, it is reported).

    ## Why it matters
    Browsers block `http://` images on `https://` pages (mixed content) and warn on such links;
    the content can be changed in transit. Most hosts serve the same page over `https://` today.

    ## Example

        See [the paper](http://www.nature.com/articles/s41586-020-2649-2) and
        ![chart](http://img.example-news.cn/2020/chart.png), also at
        <https://img.example-news.cn/2020/>.

    reports `insecure http:// link: www.nature.com serves https://` and `insecure http://
    image: img.example-news.cn is linked with https:// on this page too`.

    ## Fix
    Safe, for the hosts of `https-hosts` (journals, DOI resolvers, Wikipedia, GitHub and other
    hosts known to serve every page over https), and online for an address that answered over
    https: `http://` becomes `https://`. Other hosts are not guessed at.
    """

    name = "link-insecure"
    family = "link"
    severity = Severity.WARNING
    site_pages_only = True
    options = {
        "assume-https": Option(
            "boolean",
            False,
            "Offline, report http:// links to every public host as if each served https (by default: hosts known to, or linked with https:// on the page).",
        ),
        "allow": Option("list[string]", list(_DATA["allow"]), "Hosts (and their subdomains) allowed over http://."),
        "device-hosts": Option(
            "list[string]", list(_DATA["device-hosts"]), "Names a device answers at on the reader's own network (a router's admin page), served over http only."
        ),
        "https-hosts": Option(
            "list[string]", list(_DATA["https-hosts"]), "Hosts (and their subdomains) that `--fix` moves to https://."
        ),
        "identifier-prefixes": IDENTIFIER_PREFIXES_OPTION,
        "file-suffixes": Option(
            "list[string]",
            list(_DATA["file-suffixes"]),
            "Last labels that name a file type and no top-level domain: `http://node.js` is a name a linkifier linked, no server.",
        ),
    }
    fixable = "safe"

    def check(self, doc, options):
        for target, reason in _judged_targets(doc, options):
            if reason is None and not options["assume-https"]:
                continue  # no sign the host serves https: an online run asks it (`probes`)
            what = "image" if target.is_image else "link"
            said = f"{target.host} {reason}" if reason else f"use https:// if {target.host} serves it"
            yield doc.diagnostic(f"insecure http:// {what}: {said}", target.url_start, target.url_end, fix=_https_fix(doc, target, options))

    def probes(self, doc, options):
        if options["assume-https"]:
            return []  # reported offline already
        probes = []
        for target, reason in _judged_targets(doc, options):
            if reason is None:
                twin = "https://" + target.url[len("http://") :]
                kind = "image" if target.is_image else "page"
                probes.append(probe_at(doc, Target(kind, normalise_url(twin)), target.url_start, target.url_end, target.url))
        return probes

    def judge(self, probe, outcome, options):
        if not outcome.ok:
            return None  # no https there (refused, a certificate for another host, 404), or no answer
        what = "image" if probe.target.kind == "image" else "link"
        return f"insecure http:// {what}: {host_of(probe.url)} serves it over https://"

    def repair(self, probe, outcome, options):
        if not outcome.ok or probe.url[:5].lower() != "http:" or probe.line != probe.end_line:
            return None
        return Fix("use https://", (Edit(probe.line, probe.column, probe.line, probe.column + 4, "https"),))


def _judged_targets(doc, options) -> "list[tuple[_Target, str | None]]":
    """Each insecure target and why its host is known to serve https (None: nothing says so),
    found once per page: the offline check and, online, the probes both read them (a page's
    settings of this rule are one)."""
    def judged():
        return [(target, _https_evidence(doc, target.host, target.is_image, options)) for target in _insecure_targets(doc, options)]

    return doc.memo("link-insecure targets", judged)


def _insecure_targets(doc, options):
    """The page's http:// links and images to public hosts that could move to https: not a
    local, placeholder, device or gone host, not struck through, not a server's own port."""
    if doc.is_legal_text:
        return  # a licence's text, quoted word for word (`http://creativecommons.org/licenses/…`)
    for target in _http_targets(doc):
        host = target.host
        if not host or is_private_host(host) or is_documentation_host(host) or is_placeholder_host(host):
            continue  # (`http://api.xxx.com/`: a stand-in for the reader's own host)
        if host.endswith((".onion", ".i2p")):
            continue  # Tor and I2P encrypt end to end: their addresses are written http://
        if host_in(host, _dead_hosts()) or _under_a_dead_prefix(host, target.url):
            continue  # a host or place that is gone (`registry.npm.taobao.org`, `code.google.com/p/`): link-denied-domain reports it
        if host.rpartition(".")[2] in derived(options, "link-insecure file suffixes", lambda: frozenset(options["file-suffixes"])):
            continue  # `[Node.js](http://node.js)`: a name a linkifier linked, no server to move to https
        if host_in(host, domain_set(tuple(options["allow"]))) or host_in(host, domain_set(tuple(options["device-hosts"]))):
            continue
        if target.url_start in doc.struck_out:
            continue  # `~~[the old tool](http://…)~~`: struck through as gone, kept as a record
        if is_identifier_uri(target.url, identifier_prefixes(options)):
            continue  # `http://www.w3.org/1999/02/22-rdf-syntax-ns#type`: a name, written as its specification writes it
        if _NAMESPACE_ATTRIBUTE.search(doc.text, max(0, target.url_start - 60), target.url_start):
            continue  # `xmlns:vin="http://…/wine#"`: an XML namespace's name, whatever its host
        if target.shows_its_address and _beside_its_https_twin(doc.text, target):
            continue  # `http://x.org/a` then `https://x.org/a`: both forms listed, on purpose
        if not target.is_image and _service_port(target.url):
            continue  # `http://demo.example.org:8765/flags`: a server's own page, no https to move to
        if not target.is_image and is_address(host):
            continue  # `http://47.243.253.79/`: a server by its address, which no certificate names
        if not target.is_image and in_documentation_domain(host):
            continue  # `http://kickstart.corp.example.com/`: an example's address, no server's
        if target.is_image and doc.site is not None and doc.site.upgrades_insecure:
            continue  # the site's `upgrade-insecure-requests`: browsers load it over https
        yield target


def _https_evidence(doc, host: str, is_image: bool, options) -> str | None:
    """Why the host is known to serve https, offline: it is on the `https-hosts` list, or the
    same page links it with https:// too (measured on twelve held-out sites: 45 of 46 such
    findings real, against 57 % for hosts with no such sign). A page's host with or without
    `www.` is one site; an image's is not: a blog's bare domain is often its image bed on a CDN
    that serves http only (`http://blog.cn/a.png` beside `https://www.blog.cn/`). None when
    nothing says so."""
    listed = listed_domain(host, domain_set(tuple(options["https-hosts"])))
    if listed == host or listed is not None and host == "www." + listed:
        return "serves https://"
    if listed is not None:
        return f"is under {listed}, which serves https://"  # a subdomain may be a service closed since
    bare = host[4:] if host.startswith("www.") else host
    linked = _https_hosts(doc)
    if host in linked or not is_image and (bare in linked or "www." + bare in linked):
        return "is linked with https:// on this page too"
    return None


def _https_hosts(doc) -> frozenset[str]:
    """The hosts the page writes with https://: any link made to them, and an address shown as
    written unless its line writes the same host with http:// too (`| http://www.x.com |
    https://www.x.com/a | 跨域（协议不同） |`: a same-origin lesson compares the schemes, no sign
    that the author moved to https)."""
    def compute() -> frozenset[str]:
        text = doc.text
        if "https://" not in text and "HTTPS://" not in text.upper():
            return frozenset()
        hosts = set()
        for found in _HTTPS_HOST.finditer(text):
            host = found.group(1).lower().rstrip(".")
            line_start = text.rfind("\n", max(0, found.start() - _TWIN_REACH), found.start()) + 1
            line_end = text.find("\n", found.end(), found.end() + _TWIN_REACH)
            line = text[line_start : line_end if line_end >= 0 else found.end() + _TWIN_REACH].lower()
            if _LINK_DESTINATION_BEFORE.search(text, max(0, found.start() - 8), found.start()) or "http://" + host not in line:
                hosts.add(host)  # a link made to it (`[eslint](https://x.org/a)`) counts wherever it stands
        return frozenset(hosts)

    return doc.memo("link-insecure https hosts", compute)


_HTTPS_HOST = lazy(r"(?i)https://([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)")
_LINK_DESTINATION_BEFORE = lazy(r"(?:\]\(|\]:[ \t]*|=[ \t]*[\"'])<?\Z")


@lru_cache(maxsize=1)
def _dead_hosts():
    """The hosts of link-denied-domain's built-in list: dead or retired."""
    return domain_set(tuple(pattern for pattern in data.load("links")["denied-domains"]["deny"] if "/" not in pattern))


@lru_cache(maxsize=1)
def _dead_prefixes() -> tuple[str, ...]:
    """The URL prefixes of link-denied-domain's built-in list (`code.google.com/p/`)."""
    return tuple(pattern for pattern in data.load("links")["denied-domains"]["deny"] if "/" in pattern)


def _under_a_dead_prefix(host: str, url: str) -> bool:
    rest = url.split("://", 1)[-1].lower()  # as link-denied-domain reads a URL against its patterns
    return any(matches_pattern(host, rest, prefix) for prefix in _dead_prefixes())


class _Target(NamedTuple):
    url: str
    host: str
    url_start: int
    url_end: int
    is_image: bool
    shows_its_address: bool  # a bare or autolinked URL, or a link whose text is its URL


def _http_targets(doc):
    """The page's http:// links and images, and the bare http:// URLs its renderer links
    (goldmark's linkify, marked's GFM: `see http://example.org/a` is a link on the page)."""
    for link in doc.links:
        if link.kind != "reference" and scheme(link.url) == "http":  # a reference is judged at its definition
            shown = link.kind == "autolink" or link.text.strip() == link.url
            yield _Target(link.url, link.host, link.url_start, link.url_end, link.is_image, shown)
    if not doc.bare_urls_linked:
        return
    for start, url in bare_urls(doc):
        end = start + len(url)
        if url[:7].lower() != "http://" or mentioned_not_offered(doc.text, doc.prose_text, start, end, doc.source.line_start(start)):
            continue
        if _call_argument(doc.text, start, end):
            continue
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            continue
        yield _Target(url, host, start, start + len(url), False, True)


# `driver.get('http://www.baidu.com')`: the argument of a call, code that a broken fence
# shows as text (code-fence-unclosed reports that), not a link written for the reader.
_CALL_OPENING = lazy(r"[A-Za-z_][\w.]*\(\s*['\"]\Z")
_CALL_CLOSING = lazy(r"['\"]\s*[,)]")


def _call_argument(text: str, start: int, end: int) -> bool:
    return _CALL_OPENING.search(text, max(0, start - 80), start) is not None and _CALL_CLOSING.match(text, end) is not None


def _beside_its_https_twin(text: str, target) -> bool:
    """Whether the same address with https:// is written on the link's line or the next: a
    list of both forms, each shown (a download's mirrors), a redirect rule from one to the other."""
    # Within _TWIN_REACH characters: a line of 20,000 links is not searched whole for each.
    start = max(text.rfind("\n", max(0, target.url_start - _TWIN_REACH), target.url_start) + 1, target.url_start - _TWIN_REACH)
    line_end = text.find("\n", target.url_end, target.url_end + _TWIN_REACH)
    end = text.find("\n", line_end + 1, target.url_end + _TWIN_REACH) if line_end >= 0 else -1
    nearby = text[start : end if end >= 0 else target.url_end + _TWIN_REACH].lower()
    twin = ("https://" + target.url[7:].rstrip("/")).lower()
    at = nearby.find(twin)
    while at >= 0:
        after = at + len(twin) + (1 if nearby.startswith("/", at + len(twin)) else 0)
        if after == len(nearby) or nearby[after].isspace() or nearby[after] in _ADDRESS_END:
            return True  # the same address, not one under it: `https://x.org/a/b` is another page
        at = nearby.find(twin, at + 1)
    return False


_TWIN_REACH = 1000
_ADDRESS_END = "<>()[]\"'`|"  # what may follow an address written out


def _service_port(url: str) -> bool:
    """Whether the URL names a port other than http's own: a demonstration or an internal
    server's page (`:8765`, `:8080`), which serves no https on that port."""
    try:
        port = urlsplit(url).port
    except ValueError:
        return False
    return port is not None and port != 80


def _https_fix(doc, link, options) -> Fix | None:
    """http:// becomes https:// for the hosts known to serve https, and for no other."""
    if not host_in(link.host, domain_set(tuple(options["https-hosts"]))):
        return None
    if doc.text[link.url_start : link.url_start + 5].lower() != "http:":
        return None  # written with entities or escapes: leave it to a person
    return Fix("use https://", (doc.edit(link.url_start, link.url_start + 4, "https"),))

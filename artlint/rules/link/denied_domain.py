from artlint import data
from artlint.findings import Severity
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.urls import domain_set, host_in, host_matches

_DATA = data.load("links")["denied-domains"]


class LinkDeniedDomain(DocumentRule):
    """A link or image on a host known to be dead, retired or hostile to embedding.

    ## What it finds
    Links, images and reference definitions whose host (or URL prefix) matches the deny list:
    `rawgit.com`, `photobucket.com`, `tinypic.com`, `goo.gl`, `git.io`, Google Code and others
    that closed or stopped serving embedded content (data in `rules/links.toml`), but for the
    parts of them that still serve (Google Maps' and Google Photos' share links,
    `maps.app.goo.gl`, `goo.gl/maps/`, `photos.app.goo.gl`, which Google keeps redirecting),
    and for the link to the home page of a service whose images are gone but whose site
    still runs (`home-pages-alive`: `[Photobucket](http://www.photobucket.com)`). Add hosts with `deny`; exempt some with
    `allow`. A pattern matches the host and its subdomains; a pattern with a `/` matches the
    start of the URL after `scheme://`.

    ## Why it matters
    These links cannot be fixed by waiting: the service is gone, or serves a placeholder
    picture instead of the image. Every such link needs a new target, an archived copy or a
    local file.

    ## Example

        ![plot](https://cdn.rawgit.com/user/repo/master/plot.png)

    reports `cdn.rawgit.com is on the deny list (rawgit.com)`.
    """

    name = "link-denied-domain"
    family = "link"
    severity = Severity.ERROR
    options = {
        "deny": Option("list[string]", [], "More hosts or URL prefixes to deny, added to the built-in list."),
        "allow": Option("list[string]", [], "Hosts or URL prefixes never reported, even when on the deny list."),
        "use-default-list": Option("boolean", True, "Whether the built-in deny list applies."),
        "home-pages-alive": Option(
            "list[string]", _DATA["home-pages-alive"], "Denied hosts whose home page still runs: a link to it is not reported."
        ),
    }

    def check(self, doc, options):
        deny = (list(_DATA["deny"]) if options["use-default-list"] else []) + list(options["deny"])
        deny_hosts = domain_set(tuple(p for p in deny if "/" not in p))
        allow = (list(_DATA["allow"]) if options["use-default-list"] else []) + list(options["allow"])
        for link in doc.links:
            if link.kind == "reference":
                continue  # judged at its definition, where the URL is written
            host = link.host
            if not host:
                continue
            rest = link.url.split("://", 1)[-1].lower()
            if not host_in(host, deny_hosts) and not any("/" in p and matches_pattern(host, rest, p) for p in deny):
                continue
            if any(matches_pattern(host, rest, pattern) for pattern in allow):
                continue
            if not link.is_image and _home_page(rest) and any(host_matches(host, alive) for alive in options["home-pages-alive"]):
                continue  # the service's own page, which still runs: only its hotlinked images are gone
            pattern = next((p for p in deny if matches_pattern(host, rest, p)), None)
            if pattern is not None:
                what = "image" if link.is_image else "link"
                yield doc.diagnostic(f"{what} to {host}, which is on the deny list ({pattern})", link.url_start, link.url_end)


def _home_page(rest: str) -> bool:
    """Whether a URL without its scheme is a host's home page: no path, or `/` alone."""
    path = rest.split("#", 1)[0].split("?", 1)[0]
    return "/" not in path.rstrip("/")


def matches_pattern(host: str, rest: str, pattern: str) -> bool:
    """Whether a URL (its `host`, and `rest`: the URL without its scheme, in lower case) matches
    a deny-list pattern: a host and its subdomains, or a URL prefix (`code.google.com/p/`)."""
    pattern = pattern.lower()
    if "/" in pattern:
        return rest.startswith(pattern) or rest.startswith("www." + pattern)
    return host_matches(host, pattern)

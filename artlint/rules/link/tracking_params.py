import html
import re
from urllib.parse import unquote_plus

from artlint import data
from artlint.findings import Fix, Severity
from artlint.options import Option, derived
from artlint.rules import DocumentRule

_DATA = data.load("links")["tracking-params"]
_SEPARATOR = re.compile(r"(&amp;|&)")


class LinkTrackingParams(DocumentRule):
    """A link that carries click-tracking or session parameters.

    ## What it finds
    Links, images and reference definitions whose query has parameters that only tell a site
    where a click came from (`fbclid`, `gclid`, `igshid`, `mc_cid`, `_hsenc`,
    `ck_subscriber_id`, `spm`...) or carry a session (`PHPSESSID`, `;jsessionid=`). The list
    is data (`rules/links.toml`): add names with `params` (a name ending in `*` is a prefix),
    exempt some with `allow`.

    Campaign parameters (`utm_*`) are also set on purpose: a sponsor gives the publication a
    link with `?utm_source=yourblog` to count its readers. They are reported when one of their
    values names a channel the link was copied from (`utm_source=rss`, `utm_medium=email`,
    `utm_source=wechat_session`...: `channels`), which is how a pasted link looks; then every
    `utm_*` parameter of the URL goes. Instagram's embed code, pasted whole as HTML, keeps its
    own `utm_source=ig_embed` (its script replaces the markup); a markdown link copied from an
    embed is reported.

    ## Why it matters
    Copied from a newsletter, a share button or an ad, these parameters credit the wrong
    campaign with every reader's click, make one page look like many to caches and analytics,
    and a session id can log readers into the author's session. The page is the same without
    them.

    ## Example

        [the report](https://example.org/report?id=7&utm_source=newsletter&utm_medium=email)

    reports `tracking parameters in the URL: utm_source, utm_medium`.

    ## Fix
    Safe: the parameters are removed, and the rest of the URL is kept exactly as written
    (`?` goes with the last parameter).
    """

    name = "link-tracking-params"
    family = "link"
    severity = Severity.WARNING
    options = {
        "params": Option("list[string]", [], "More parameter names (a trailing `*` makes a prefix), added to the built-in list."),
        "allow": Option("list[string]", [], "Parameter names never reported, even when on the list."),
        "campaign-params": Option(
            "list[string]", list(_DATA["campaign-params"]),
            "Campaign parameters (`utm_*`), reported only when a value of theirs names a channel.",
        ),
        "channels": Option(
            "list[string]", list(_DATA["channels"]),
            "Values of campaign parameters that name where a link was copied from (rss, email, twitter...).",
        ),
        "use-default-list": Option("boolean", True, "Whether the built-in list applies."),
    }
    fixable = "safe"

    def check(self, doc, options):
        tracked, campaign, channels, path_params = derived(options, "link-tracking-params", lambda: _matchers(options))
        for link in doc.links:
            if link.kind == "reference" or ("?" not in link.url and ";" not in link.url):
                continue
            if "{{" in link.url or "{%" in link.url:
                continue  # a template builds this URL
            if link.kind == "html" and "utm_source=ig_embed" in link.url:
                continue  # Instagram's embed code, pasted whole: its own links, which its script replaces
            raw = doc.text[link.url_start : link.url_end]
            if html.unescape(raw) != link.url:
                raw = link.url  # written with escapes: report, but do not edit
                editable = False
            else:
                editable = True
            cleaned, removed = strip_tracking(raw, _Tracked(tracked, campaign, channels, raw), path_params)
            if not removed:
                continue
            fix = None
            if editable:
                fix = Fix("remove the tracking parameters", (doc.edit(link.url_start, link.url_end, cleaned),))
            noun = "parameter" if len(removed) == 1 else "parameters"
            yield doc.diagnostic(f"tracking {noun} in the URL: {', '.join(removed)}", link.url_start, link.url_end, fix=fix)


class _Tracked:
    """Whether a parameter name is tracking in this URL: always, for the names of `params`; for
    campaign names, when one of the URL's campaign values names a channel."""

    def __init__(self, tracked, campaign, channels: set[str], url: str) -> None:
        self.tracked = tracked
        self.campaign = campaign
        query = html.unescape(url).partition("#")[0].partition("?")[2]
        values = [pair.partition("=") for pair in query.split("&")]
        self.from_a_channel = any(
            campaign(name) and unquote_plus(value).strip().lower() in channels for name, _, value in values
        )

    def __call__(self, name: str) -> bool:
        return self.tracked(name) or self.from_a_channel and self.campaign(name)


class _Matcher:
    def __init__(self, names: list[str]) -> None:
        self.exact = {name.lower() for name in names if not name.endswith("*")}
        self.prefixes = tuple(name[:-1].lower() for name in names if name.endswith("*"))

    def __call__(self, name: str) -> bool:
        name = name.lower()
        return name in self.exact or bool(self.prefixes) and name.startswith(self.prefixes)


def strip_tracking(url: str, tracked, path_params: list[str]) -> tuple[str, list[str]]:
    """The URL without its tracked parameters, and their names (as written, in order)."""
    head, hash_mark, fragment = url.partition("#")
    path, question, query = head.partition("?")
    removed: list[str] = []
    for name in path_params:
        pattern = re.compile(rf";{re.escape(name)}=[^;/?#]*", re.I)
        for match in pattern.finditer(path):
            removed.append(match.group(0)[1:].split("=")[0])
        path = pattern.sub("", path)
    if question:
        pieces = _SEPARATOR.split(query)  # [param, sep, param, sep, ...]
        kept: list[str] = []
        for index in range(0, len(pieces), 2):
            param = pieces[index]
            name = param.split("=", 1)[0]
            if name and tracked(name):
                removed.append(name)
                continue
            if kept:
                kept.append(pieces[index - 1] if index else "&")
            kept.append(param)
        query = "".join(kept)
        if not query:
            question = ""
    return f"{path}{question}{query}{hash_mark}{fragment}", removed


def _matchers(options):
    """(tracking parameters, campaign parameters, channels, path parameters) from the options."""
    names = (list(_DATA["params"]) if options["use-default-list"] else []) + list(options["params"])
    allowed = {name.lower() for name in options["allow"]}
    tracked = _Matcher([name for name in names if name.lower() not in allowed])
    campaign = _Matcher([name for name in options["campaign-params"] if name.lower() not in allowed])
    channels = {channel.lower() for channel in options["channels"]}
    path_params = [name for name in _DATA["path-params"] if name.lower() not in allowed] if options["use-default-list"] else []
    return tracked, campaign, channels, path_params

from artlint.findings import Edit, Fix, Severity
from artlint.network.probes import url_probes
from artlint.rules import NetworkRule


class LinkRedirected(NetworkRule):
    """A link that permanently redirects: the message gives the final URL.

    ## What it finds
    Links whose URL answers 301 or 308 (every hop permanent) and ends, within ten hops, at a
    page that works. Temporary redirects (302, 303, 307) are not reported: they are the server's
    business.

    ## Why it matters
    A permanent redirect means the page moved for good. Updating the link saves readers a round
    trip, and protects the link from the day the old address stops redirecting.

    ## Example

        [docs](http://docs.example.org/guide)

    reports `permanently redirected to https://docs.example.org/en/guide/`.

    ## Fix
    Unsafe (`--fix --unsafe-fixes`, with the network on): the URL is replaced by the final one
    (its `#fragment` kept). Unsafe because a redirect can also lead from an article to a
    generic landing page that the author would not have linked.
    """

    name = "link-redirected"
    family = "network"
    severity = Severity.INFO
    fixable = "unsafe"

    def probes(self, doc, options):
        return [probe for probe in url_probes(doc) if probe.target.kind == "page"]

    def judge(self, probe, outcome, options):
        if outcome.ok and outcome.permanent_redirect and outcome.final_url:
            return f"permanently redirected to {outcome.final_url}"
        return None

    def repair(self, probe, outcome, options):
        if not (outcome.ok and outcome.permanent_redirect and outcome.final_url):
            return None
        final = outcome.final_url
        fragment = probe.url.partition("#")[2]
        if fragment and "#" not in final:
            final += "#" + fragment  # the page moved; the section is still named as written
        edit = Edit(probe.line, probe.column, probe.end_line, probe.end_column, final)
        return Fix("use the final URL", (edit,), safe=False)

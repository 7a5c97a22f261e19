from artlint.findings import Severity
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
    """

    name = "link-redirected"
    family = "network"
    severity = Severity.INFO

    def probes(self, doc, options):
        return [probe for probe in url_probes(doc) if probe.target.kind == "page"]

    def judge(self, probe, outcome, options):
        if outcome.ok and outcome.permanent_redirect and outcome.final_url:
            return f"permanently redirected to {outcome.final_url}"
        return None

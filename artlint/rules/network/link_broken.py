from artlint.findings import Severity
from artlint.network.probes import url_probes
from artlint.rules import NetworkRule


class LinkBroken(NetworkRule):
    """A link that certainly does not work.

    ## What it finds
    Links (markdown, reference definitions, HTML, bare URLs) whose URL answers 404, 410 or
    another 4xx that is not about robots, whose host name does not exist, whose server refuses
    the connection, that redirect in a loop or more than ten times, or whose TLS certificate is
    for another host. Checked online, each URL once per run; every place the URL is written gets
    the finding. Servers that merely block scripts (401, 403, 429), time out (also 408) or fail
    with 5xx, and answers that depend on where artlint runs (421, 451), are `link-unverified`,
    never broken. DOI links (`https://doi.org/...`) are left to
    `doi-unresolved`: the publisher page behind the redirect answers 403 to scripts.

    ## Why it matters
    Dead links are the most visible rot of an old site: readers click and get nothing. They
    accumulate silently as other sites move or close.

    ## Example

        [the dataset](https://data.example.org/sets/42)

    reports `broken link: 404 Not Found` when the server answers 404.
    """

    name = "link-broken"
    family = "network"
    severity = Severity.ERROR

    def probes(self, doc, options):
        return [probe for probe in url_probes(doc) if probe.target.kind == "page"]

    def judge(self, probe, outcome, options):
        if outcome.state == "broken":
            return f"broken link: {outcome.reason}"
        return None

from artlint.findings import Severity
from artlint.network.probes import url_probes
from artlint.rules import NetworkRule


class LinkUnverified(NetworkRule):
    """A link or image that could not be checked, with the reason.

    ## What it finds
    URLs whose server answered 401, 403, 421 or 451, 408 or 429 (after retries), timed out,
    failed with 5xx after retries, answered with a bot-challenge page, or lead to a private or
    local address that artlint refuses to fetch (`network.check-private`). None of these is evidence that the
    link is broken, so this rule is `info` by default and never fails a build at the default
    `--fail-on`.

    ## Why it matters
    Link checkers that count these as broken fail CI on every site that blocks robots; ones
    that hide them hide real problems. artlint says what it could not verify and why, so a
    person can look.

    ## Example

        [the article](https://www.example-journal.com/article/123)

    reports `could not verify: 403 Forbidden (the server may block scripts)`.
    """

    name = "link-unverified"
    family = "network"
    severity = Severity.INFO

    def probes(self, doc, options):
        return url_probes(doc)

    def judge(self, probe, outcome, options):
        if outcome.state == "unverified":
            return f"could not verify: {outcome.reason}"
        return None

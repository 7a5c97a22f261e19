from artlint.findings import Severity
from artlint.network.probes import doi_probes
from artlint.rules import NetworkRule


class DoiUnresolved(NetworkRule):
    """A DOI that is not registered.

    ## What it finds
    DOIs written in an article (after `doi:`, in a doi.org link, in front matter) that the DOI
    system does not know: the handle API (`{resolver}/api/handles/{doi}`, `[doi] resolver`,
    default `https://doi.org`) answers `responseCode` 100. ShortDOIs (`10/gf4gqc`) are handles
    too, and are asked the same way. Publisher pages are never asked:
    they answer 403 to scripts, which says nothing about the DOI.

    ## Why it matters
    A well-formed DOI with a wrong digit is the hardest citation error to see: it looks right
    and leads nowhere.

    ## Example

        doi:10.1038/s41586-020-2649-9

    reports `DOI 10.1038/s41586-020-2649-9 is not registered` when the handle API says so.
    """

    name = "doi-unresolved"
    family = "network"
    severity = Severity.ERROR

    def probes(self, doc, options):
        return doi_probes(doc, metadata=False)

    def judge(self, probe, outcome, options):
        if outcome.ok and outcome.found is False:
            return f"DOI {probe.target.value} is not registered"
        return None

import difflib
import re
import unicodedata

from artlint.doi import is_short_doi
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.network.probes import doi_probes
from artlint.options import Option
from artlint.rules import NetworkRule

_NOT_WORD = lazy(r"[\W_]+")
_CJK = lazy("([\u3400-\u9fff])")


def title_similarity(a: str, b: str) -> float:
    """0 to 1: how alike two titles are, ignoring case, punctuation, markup and spacing;
    Chinese characters count one by one, other words as words."""
    return difflib.SequenceMatcher(None, _tokens(a), _tokens(b), autojunk=False).ratio()


def _tokens(title: str) -> list[str]:
    text = unicodedata.normalize("NFKC", re.sub(r"<[^>]+>", " ", title)).casefold()
    text = _CJK.sub(r" \1 ", text)
    return [token for token in _NOT_WORD.split(text) if token]


class DoiTitleMismatch(NetworkRule):
    """A DOI whose registered title is not the title the article gives.

    ## What it finds
    Citations that state a title (the text of the link beside the DOI, or a quoted title on
    the same line) and a DOI whose registered title — CSL-JSON from `{resolver}/{doi}` by
    content negotiation — is a different one. The comparison ignores case, punctuation, markup
    and spacing, counts Chinese characters one by one, and passes at a similarity of
    `min-similarity` (0.8). Citations without a stated title are not checked, nor ShortDOIs
    (`10/gf4gqc`): their registered metadata is that of the full DOI they stand for.

    ## Why it matters
    A valid DOI of the wrong paper survives every syntax check and sends readers to unrelated
    work; it happens when reference lists are edited by copy and paste.

    ## Example

        [Array programming with NumPy](https://doi.org/10.1038/s41586-020-2012-7)

    reports `the DOI's registered title is "A pneumonia outbreak associated with a new
    coronavirus of probable bat origin", not the one cited`.
    """

    name = "doi-title-mismatch"
    family = "network"
    severity = Severity.WARNING
    options = {
        "min-similarity": Option("number", 0.8, "Similarity (0 to 1) from which two titles are the same."),
    }

    def probes(self, doc, options):
        # A ShortDOI's handle is an alias: its metadata is the full DOI's, which only the handle
        # record names. Not worth a second round trip per citation; ShortDOIs are rare.
        return [probe for probe in doi_probes(doc, metadata=True) if not is_short_doi(probe.target.value)]

    def judge(self, probe, outcome, options):
        if not outcome.ok or not outcome.title or not probe.title:
            return None
        if title_similarity(probe.title, outcome.title) >= options["min-similarity"]:
            return None
        return f'the DOI\'s registered title is "{outcome.title}", not the one cited'

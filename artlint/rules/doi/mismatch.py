from artlint import data
from artlint.doi import all_mentions, is_short_doi, same_doi
from artlint.findings import Related, Severity
from artlint.rules import DocumentRule

_DATA = data.load("doi")
_CITATION_BLOCKS = ("paragraph", "block_text", "table_cell", "heading")
_FUNDER_PREFIX = "10.13039/"


class DoiMismatch(DocumentRule):
    """A DOI that disagrees with the publisher link of the same citation.

    ## What it finds
    A citation (a line of a paragraph or list item) that links to a publisher's article page
    (or writes its URL out) whose URL carries a DOI (nature.com/articles/..., `/doi/10...` on Wiley, ACS, Science, PNAS,
    Springer, PLOS, Cell, bioRxiv, arXiv and others; the list is `rules/doi.toml`) and also
    writes out a DOI (`doi:10...`, `DOI 10...`) that is a different one. A doi.org *link* beside
    the paper's link is not compared: it is often another work of the same citation (its data
    set, its supplement); nor is a line linking to several works (a list of grants, each
    with its record), nor a funder's id of the Crossref Funder Registry (`10.13039/…`).

    ## Why it matters
    One of the two is wrong, and readers who follow the DOI and those who follow the link read
    different papers. Copy-pasted reference lists are where this happens: the link was updated,
    the DOI was not.

    ## Example

        [NumPy paper](https://www.nature.com/articles/s41586-020-2649-2), doi:10.1038/s41586-020-2012-7

    reports `DOI 10.1038/s41586-020-2012-7 differs from the DOI of the linked article,
    10.1038/s41586-020-2649-2`.
    """

    name = "doi-mismatch"
    family = "doi"
    severity = Severity.ERROR

    def check(self, doc, options):
        characters = _DATA["suffix-characters"]
        mentions = [m for m in all_mentions(doc, characters) if not m.problem and m.kind != "front-matter"]
        if not any(m.kind == "publisher" for m in mentions):
            return
        for unit in _citation_units(doc):
            inside = [m for m in mentions if unit[0] <= m.start < unit[1]]
            published = [m for m in inside if m.kind == "publisher"]
            # Only DOIs written out as text: a doi.org link next to a paper link is often another
            # work of the same citation (the data set on Zenodo, the supplement).
            # A ShortDOI (`doi:10/gf4gqc`) is an alias of some full DOI: it cannot be compared.
            # A funder's id in the Crossref Funder Registry (10.13039/…) names no work.
            stated = [m for m in inside if m.kind == "text" and not is_short_doi(m.doi) and not m.doi.startswith(_FUNDER_PREFIX)]
            if not published or not stated:
                continue
            if len({p.doi.lower() for p in published}) > 1:
                continue  # links to several works (a list of grants, of data sets): no one citation to compare
            if any(same_doi(s.doi, p.doi) for s in stated for p in published):
                continue
            first = published[0]
            line, column = doc.source.position(first.start)
            for mention in stated:
                yield doc.diagnostic(
                    f"DOI {mention.doi} differs from the DOI of the linked article, {first.doi}",
                    mention.start,
                    mention.end,
                    (Related(doc.path, line, column, f"the link to {first.doi}"),),
                )


def _citation_units(doc):
    """(start, end) of each line of each block that can hold a citation."""
    text = doc.text
    for block in doc.nodes(*_CITATION_BLOCKS):
        start = block.start
        while start < block.end:
            end = text.find("\n", start, block.end)
            end = block.end if end < 0 else end
            yield (start, end)
            start = end + 1

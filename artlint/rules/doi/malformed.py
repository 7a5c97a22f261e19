from artlint import data
from artlint.doi import all_mentions
from artlint.findings import Fix, Severity
from artlint.options import Option
from artlint.rules import DocumentRule

_DATA = data.load("doi")


class DoiMalformed(DocumentRule):
    """A DOI that cannot be one: split by a space, a wrong prefix, a non-numeric registrant.

    ## What it finds
    Strings written as DOIs — after `doi:`, `DOI `, `https://doi.org/` or `dx.doi.org/`, in text,
    in links and in front-matter keys named like `doi` — that no resolver can find because of
    their form: a space inside (`doi:10.1038 /s41467-...`), a comma for the dot (`10,1038/...`),
    a directory indicator other than `10.` (`https://doi.org/11.1038/...`) or none at all
    (`doi:1038/...`), a registrant code that is not 4 to 9 digits (`10.abc/...`, `10.10/...`), no
    `/`, nothing after the `/`, or characters no DOI contains (an en dash, a full-width letter);
    and a prefix written twice: `doi:` inside a resolver URL (`https://doi.org/doi:10.1038/...`),
    a doubled colon (`doi:: 10.1038/...`). ShortDOIs (`doi:10/gf4gqc`, `https://doi.org/10/gf4gqc`)
    are DOIs.
    Sentence punctuation after a DOI is not part of it (`.`, `。`, `，`, `;`, a `)` with no
    opener inside the DOI); DOIs with parentheses or angle brackets (Lancet
    `10.1016/S0140-6736(20)30183-5`, Wiley SICI) are valid. Version numbers (`10.0.1`) and DOIs
    inside publisher URLs (`/doi/full/10...`) are not DOI mentions.

    ## Why it matters
    A citation exists to be followed. A DOI with a typo leads nowhere (or, worse, to another
    paper), and readers cannot tell which paper was meant. These mistakes are invisible in the
    rendered page.

    ## Example

        图片来自Nature Communications, 2020, doi:10.1038 /s41467-020-17175-8。

    reports `DOI '10.1038 /s41467-020-17175-8' cannot be resolved: a space splits it`.
    A doi.org link whose URL swallowed the sentence's punctuation
    (`<https://doi.org/10.1038/s41467-020-17175-8。>`) is reported too: no DOI ends with `。`.

    ## Fix
    Safe, and only where the repair is certain: the white space inside a split DOI is removed,
    the comma of `10,1038/...` becomes a dot, punctuation swallowed by a doi.org link moves
    after the link, and a repeated `doi:` or colon is deleted. A wrong prefix or registrant is never guessed at.
    """

    name = "doi-malformed"
    family = "doi"
    severity = Severity.ERROR
    fixable = "safe"
    options = {
        "suffix-characters": Option(
            "string", _DATA["suffix-characters"], "The characters allowed in a DOI suffix, as a regular-expression class body."
        ),
    }

    def check(self, doc, options):
        characters = options["suffix-characters"]
        for mention in all_mentions(doc, characters):
            if mention.problem:
                fix = None
                if mention.repair:
                    edits = tuple(doc.edit(start, end, replacement) for start, end, replacement in mention.repair)
                    fix = Fix("repair the DOI as written", edits)
                yield doc.diagnostic(
                    f"DOI {mention.doi!r} cannot be resolved: {mention.problem}", mention.start, mention.end, fix=fix
                )

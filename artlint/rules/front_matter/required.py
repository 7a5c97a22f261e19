from artlint import data
from artlint.findings import Severity
from artlint.options import Option
from artlint.rules import DocumentRule


class FrontMatterRequired(DocumentRule):
    """A required front-matter key that is missing or empty.

    ## What it finds
    Front matter without one of the `keys` (default `title` and `date`), or with the key set to an
    empty string, an empty list or nothing. Only articles that have front matter are checked
    (`front-matter-missing` covers the others), and only when it parses.

    ## Why it matters
    A page without a title shows its file name in lists and search results; a page without a date
    sorts at the start of time, drops out of feeds, or is hidden as "future".

    ## Example

        +++
        title = ""
        +++

    reports that `title` is empty and that `date` is missing.
    """

    name = "front-matter-required"
    family = "front-matter"
    severity = Severity.ERROR
    options = {
        "keys": Option("list[string]", data.load("front-matter")["required-keys"], "Keys that must be present and not empty."),
    }

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is None or matter.data is None:
            return
        for key in options["keys"]:
            if key not in matter.data:
                yield doc.line_diagnostic(f"required key {key!r} is missing", matter.start_line)
            elif _is_empty(matter.data[key]):
                line, column = matter.key_position(key)
                yield doc.line_diagnostic(f"required key {key!r} is empty", line, column)


def _is_empty(value):
    if value is None:
        return True
    if isinstance(value, (str, list, dict)):
        return not (value.strip() if isinstance(value, str) else value)
    return False

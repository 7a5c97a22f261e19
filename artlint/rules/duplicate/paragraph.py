from typing import TYPE_CHECKING

from artlint import data
from artlint.findings import Related, Severity
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.rules.duplicate._units import block_keys

if TYPE_CHECKING:
    from artlint.markdown import Node

_DATA = data.load("duplicates")["duplicate-paragraph"]


class DuplicateParagraph(DocumentRule):
    """A paragraph that appears twice in one article.

    ## What it finds
    A paragraph (or list-item text) whose words, ignoring case, spaces, punctuation and markup,
    are those of an earlier paragraph of the same article, when it has at least `min-length`
    letters (40; `min-list-item-length`, 80, for list items, which repeat short items on purpose). The second occurrence is reported, naming the line of the
    first. Block quotes, tables and `<details>` sections are not compared.

    ## Why it matters
    Copy-paste accidents and botched imports leave a paragraph twice; readers notice at once,
    editors rarely.

    ## Example
    An article whose fourth paragraph is its second again reports
    `paragraph repeats the one on line 7`.
    """

    name = "duplicate-paragraph"
    family = "duplicate"
    severity = Severity.WARNING
    options = {
        "min-length": Option("integer", _DATA["min-length"], "Shortest paragraph compared, in letters and digits."),
        "min-list-item-length": Option(
            "integer", _DATA["min-list-item-length"], "Shortest list item compared: lists repeat short items on purpose."
        ),
    }

    def check(self, doc, options):
        seen: dict[str, Node] = {}
        for block, in_list, key, length, _ in block_keys(doc):
            minimum = options["min-list-item-length"] if in_list else options["min-length"]
            if length < minimum:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = block
                continue
            line, column = doc.source.position(first.start)
            yield doc.diagnostic(
                f"paragraph repeats the one on line {line}",
                block.start,
                block.end,
                (Related(doc.path, line, column, "first occurrence"),),
            )

from typing import TYPE_CHECKING

from artlint import data
from artlint.findings import Related, Severity
from artlint.lazyre import lazy
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.rules.duplicate._units import block_keys, sections

if TYPE_CHECKING:
    from artlint.markdown import Node

_DATA = data.load("duplicates")["duplicate-paragraph"]
# Paragraphs in a row that repeat paragraphs in a row: a block pasted twice (a teaser repeated
# in the body). Templates repeat two or three lines under each heading ("Progress:", "Next:").
_COPIED_RUN = 4
# A Chinese or Japanese character carries about a word: it counts three letters in lengths.
_CJK_CHARACTERS = lazy("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _is_lead_in(doc, block) -> bool:
    """A paragraph that ends with a colon introduces what follows it (code, a list, a quote):
    "This method is defined in file X:" before each of several excerpts."""
    return doc.text[block.start : block.end].rstrip().rstrip("*_").endswith((":", "："))


def _run_length(pairs: set[tuple[int, int]], number: int, first: int) -> int:
    """How many repeats in a row, around this one, repeat the paragraphs in a row around its
    first occurrence."""
    before = 0
    while (number - before - 1, first - before - 1) in pairs:
        before += 1
    after = 0
    while (number + after + 1, first + after + 1) in pairs:
        after += 1
    return before + 1 + after


class DuplicateParagraph(DocumentRule):
    """A paragraph that appears twice in one article.

    ## What it finds
    A paragraph (or list-item text) whose words, ignoring case, spaces, punctuation and markup,
    are those of an earlier paragraph of the same article, when it has at least `min-length`
    letters (40; `min-list-item-length`, 80, for list items, which repeat short items on
    purpose). Unless it belongs to a run of four or more paragraphs copied together, a list item
    or a lead-in ending with a colon ("defined in file X:" before each of several excerpts) is
    not reported, and under different headings a paragraph must also have
    `min-length-across-sections` letters (150; a Chinese or Japanese character counts three): a short note repeated under each section of a
    reference page is its structure, not an accident. The second occurrence is reported,
    naming the line of the first. Block quotes, tables and `<details>` sections are not compared.

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
        "min-length-across-sections": Option(
            "integer",
            _DATA["min-length-across-sections"],
            "Shortest paragraph compared with one under another heading, unless the paragraphs around it repeat too.",
        ),
    }

    def check(self, doc, options):
        seen: dict[str, tuple[int, Node]] = {}  # key -> (number of the block, block) where it first appeared
        repeats = []  # (number, block, number of the first, first, length)
        for number, (block, in_list, key, length, _) in enumerate(block_keys(doc)):
            minimum = options["min-list-item-length"] if in_list else options["min-length"]
            if length < minimum:
                continue
            if key in seen:
                repeats.append((number, block, *seen[key], length + 2 * len(_CJK_CHARACTERS.findall(key)), in_list))
            else:
                seen[key] = (number, block)
        section_of = sections(doc)
        pairs = {(number, first_number) for number, _, first_number, _, _, _ in repeats}
        for number, block, first_number, first, length, in_list in repeats:
            if _run_length(pairs, number, first_number) < _COPIED_RUN:
                if in_list or _is_lead_in(doc, block):
                    continue  # the same item in two lists, the same caption before two code blocks
                if section_of(first.start) != section_of(block.start) and length < options["min-length-across-sections"]:
                    continue  # a note repeated under each heading is the page's structure
            line, column = doc.source.position(first.start)
            yield doc.diagnostic(
                f"paragraph repeats the one on line {line}",
                block.start,
                block.end,
                (Related(doc.path, line, column, "first occurrence"),),
            )

from typing import TYPE_CHECKING

from artlint import data
from artlint.findings import Related, Severity
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.rules.duplicate._units import block_keys, filler_option, is_filler, letters, sections, sentences

if TYPE_CHECKING:
    from artlint.markdown import Node

_DATA = data.load("duplicates")["duplicate-sentence"]
_PARAGRAPH_MINIMUM = data.load("duplicates")["duplicate-paragraph"]["min-length"]


class DuplicateSentence(DocumentRule):
    """A sentence that appears twice in one article.

    ## What it finds
    A sentence — ended by `.`, `!`, `?` or the CJK `。！？` — whose words, ignoring case,
    spaces, punctuation, markup and link targets, are those of an earlier sentence of the same
    article, when it has at least `min-length` letters (25); under different headings, at least
    `min-length-across-sections` (100): the same short lead-in under each section is parallel
    structure. Each later occurrence is
    reported once, naming the line of the first (three copies in a row are two findings that
    both name the first copy). Sentences of a paragraph that is a repeat as a whole are left
    to `duplicate-paragraph`; list items (reference lists split into repeating fragments), block
    quotes, tables and `<details>` sections are not split into sentences.

    Off by default: on six public sites it was never tuned on, 3 of 29 sampled findings were
    mistakes (glossaries, policies and reports repeat sentences on purpose). Turn it on with
    `select = ["ALL"]` or by naming it in `select` (or `--select`), for imported or
    machine-translated text.

    Placeholder text (lorem ipsum and its generated variants: six or more of the
    `filler-words`, a fifth of a block's words) is not checked: a theme's demo page repeats it
    on purpose.

    ## Why it matters
    Edited articles keep a sentence in its old place and its new one; imported ones repeat a
    sentence from the teaser in the body.

    ## Example

        研究人员在实验室里培养了这种细菌。……后来，研究人员在实验室里培养了这种细菌。

    reports the second: `sentence repeats the one on line 3`.
    """

    name = "duplicate-sentence"
    family = "duplicate"
    severity = Severity.WARNING
    # Measured on six public sites: 3 of 29 sampled findings real. Documentation and reports
    # repeat sentences on purpose far more often than by accident: opt in with select.
    enabled_by_default = False
    options = {
        "filler-words": filler_option(),
        "min-length": Option("integer", _DATA["min-length"], "Shortest sentence compared, in letters and digits."),
        "min-length-across-sections": Option(
            "integer", _DATA["min-length-across-sections"], "Shortest sentence compared with one under another heading."
        ),
    }

    def check(self, doc, options):
        # key -> (block, which occurrence of the key in that block) of its first occurrence
        seen: dict[str, tuple[Node, int]] = {}
        paragraphs = set()
        minimum = options["min-length"]
        section_of = sections(doc)
        for block, in_list, whole, length, parts in block_keys(doc):
            if in_list is not None or length < minimum:
                continue  # list items are compared whole (references split into repeating fragments)
            if length >= _PARAGRAPH_MINIMUM and whole in paragraphs:
                continue  # the whole paragraph repeats: duplicate-paragraph reports it
            paragraphs.add(whole)
            occurrences: dict[str, int] = {}  # key -> how many times it came before in this block
            for key in parts:
                if 2 * len(key) < minimum or letters(key) < minimum:
                    continue
                index = occurrences.get(key, 0)
                occurrences[key] = index + 1
                first = seen.get(key)
                if first is None:
                    seen[key] = (block, index)
                    continue
                first_block, first_index = first
                if section_of(first_block.start) != section_of(block.start) and letters(key) < options["min-length-across-sections"]:
                    continue  # the same short lead-in under each heading: parallel structure
                if is_filler(doc.text[block.start : block.end], options):
                    continue  # lorem ipsum under each heading of a theme's demo page
                # Each repeat points at the first occurrence, never at itself: a sentence twice
                # in one paragraph (on one line, or on consecutive lines) is found by its place
                # among the sentences of the paragraph with that key.
                here, there = _place(doc, block, key, index), _place(doc, first_block, key, first_index)
                if here is None or there is None or here == there:
                    continue
                line, column = doc.source.position(there[0])
                yield doc.diagnostic(
                    f"sentence repeats the one on line {line}",
                    here[0],
                    here[1],
                    (Related(doc.path, line, column, "first occurrence"),),
                )


def _place(doc, block, key, index):
    """(start, end) of the sentence of `block` that is the `index`-th (from 0) with key `key`,
    or None. The keys come from the block's text with images and link targets left out, the
    places from its source: should they ever count differently, the last one stands in."""
    found = [(start, end) for start, end, sentence_key in sentences(doc, block) if sentence_key == key]
    if not found:
        return None
    return found[index] if index < len(found) else found[-1]

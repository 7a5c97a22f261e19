import re
import unicodedata

from artlint.findings import Related, Severity
from artlint.rules import DocumentRule
from artlint.spans import SpanSet
from artlint.urls import TEXT_URL, trim_url

_RUN = re.compile(r"\*+|_+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_INLINE_BLOCKS = ("paragraph", "block_text", "heading", "table_cell")


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _is_punctuation(char: str) -> bool:
    return char != "" and unicodedata.category(char)[0] in "PS"


def flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests for a delimiter run between two characters."""
    left = not _is_space(after) and (not _is_punctuation(after) or _is_space(before) or _is_punctuation(before))
    right = not _is_space(before) and (not _is_punctuation(before) or _is_space(after) or _is_punctuation(after))
    return left, right


class UnclosedEmphasis(DocumentRule):
    """Emphasis markers that CommonMark leaves as literal text because they never close.

    ## What it finds
    `**`, `__`, `*` or `_` that can only open emphasis (or only close it) and that the parser
    left as text because no partner exists in the same paragraph: the reader sees the asterisks.
    Both ends are reported when a paragraph's opener and a later paragraph's closer look like
    the two halves of one bold text split by a blank line. Markers inside words or between
    digits (`x**2`, `2*3*4`, `snake_case_name`), in code, math and URLs are never reported.
    There is no automatic fix: where the emphasis should end is for the author to decide.

    ## Why it matters
    Editors that wrap a whole block in `**...**` across paragraphs, or a closing `**` after
    punctuation that CommonMark does not accept, leave stray asterisks in the published page.

    ## Example

        **1. A. Author et al. Title of the paper. Journal, 2020.

        2. B. Author et al. Another title.**

    reports the `**` on line 1 (never closed in its paragraph) and the `**` on line 3 (closes
    nothing in its paragraph).
    """

    name = "unclosed-emphasis"
    family = "markup"
    severity = Severity.WARNING

    def check(self, doc, options):
        text = doc.prose_text
        urls = SpanSet(
            [(m.start(), m.start() + len(trim_url(m.group(0)))) for m in TEXT_URL.finditer(text)]
            + [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
        )
        found = []
        for block in doc.nodes(*_INLINE_BLOCKS):
            found.extend(self._leftovers(doc, block, urls))
        openers = [item for item in found if item[2] == "open"]
        closers = [item for item in found if item[2] == "close"]
        partner = {}
        for opener in openers:
            later = next((c for c in closers if c[0] > opener[0] and c[1] == opener[1] and c not in partner.values()), None)
            if later is not None:
                partner[opener] = later
        partner_of_closer = {closer: opener for opener, closer in partner.items()}
        for item in found:
            start, marker, role = item
            if role == "open":
                other = partner.get(item)
                message = f"'{marker}' is never closed in its paragraph"
            else:
                other = partner_of_closer.get(item)
                message = f"'{marker}' closes nothing in its paragraph"
            related = ()
            if other is not None:
                line, column = doc.source.position(other[0])
                message += f" (its partner may be the '{marker}' on line {line})"
                related = (Related(doc.path, line, column, f"the other '{marker}'"),)
            yield doc.diagnostic(message, start, start + len(marker), related)

    def _leftovers(self, doc, block, urls):
        text = doc.text
        for node in block.walk():
            if node.type != "text" or not node.raw or ("*" not in node.raw and "_" not in node.raw):
                continue
            if text[node.start : node.end] != node.raw:
                continue  # escapes or entities: the text is not where the raw says; skip rather than guess
            for run in _RUN.finditer(node.raw):
                start = node.start + run.start()
                end = node.start + run.end()
                if start in urls or doc.in_code(start):
                    continue
                before = text[start - 1] if start > 0 else ""
                after = text[end] if end < len(text) else ""
                if before == "\\" or before == "\n" and after == " ":
                    continue
                left, right = flanking(before, after)
                marker = run.group(0)
                if marker[0] == "_":
                    can_open = left and (not right or _is_punctuation(before))
                    can_close = right and (not left or _is_punctuation(after))
                else:
                    can_open, can_close = left, right
                if can_open and not can_close:
                    yield (start, marker, "open")
                elif can_close and not can_open:
                    yield (start, marker, "close")

"""`repetition`: the same token twice in a row ("the the", "的的"), with only white space
between; an unsafe fix deletes the second."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator

from artlint.findings import Fix
from artlint.rules.typography._text import HIDDEN
from artlint.style.definition import Definition, Kind, RuleTable
from artlint.style.describe import listed, searched
from artlint.style.patterns import BOUNDARY, HAN, Scanner, at_word_edges, token_source
from artlint.style.scopes import searched_scopes

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText, Region

# Without tokens or patterns: any word of an alphabetic script (a Chinese character doubled is
# as often a word, 常常, as a typo: list the characters to watch).
WORD = f"[^\\W\\d_{HAN}]+"
_WORD = re.compile(WORD)


@dataclass(frozen=True)
class Repetition(Kind):
    name = "repetition"
    keys = ("tokens", "patterns")
    default_message = "'{match}' twice in a row"
    fixable = "unsafe"

    tokens: tuple[str, ...]
    patterns: tuple[str, ...]
    ignore_case: bool
    whole_word: bool

    @classmethod
    def read(cls, table: RuleTable) -> "Repetition":
        tokens, patterns = table.tokens("tokens"), table.patterns("patterns")
        return cls(tokens, patterns, table.get("ignore-case", "boolean", False), table.get("whole-word", "boolean", True))

    @cached_property
    def _scanner(self) -> Scanner:
        sources = [token_source(token) for token in self.tokens] + list(self.patterns)
        edge = BOUNDARY if self.whole_word else ""
        alternatives = "|".join(f"(?:{source})" for source in sources)
        # The same text again: a backreference to the first, in a pattern artlint writes.
        return Scanner([f"(?P<first>{alternatives}){edge}\\s*(?P=first)"], self.ignore_case, self.whole_word)

    def check(self, rule: Definition, doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable["Diagnostic"]:
        for scope in searched_scopes(rule.scopes):
            for region in texts.stretches(scope):
                doubles = self._doubles(region, budget) if self.tokens or self.patterns else self._doubled_words(region)
                for start, first_end, end in doubles:
                    if HIDDEN in region.text[start:end] or rule.excepted(region.text, start, end, region.start, region.end):
                        continue
                    word = region.text[start:first_end]
                    fix = None
                    if region.editable(doc, start, end):
                        fix = Fix(f"delete the second '{word}'", (doc.edit(first_end, end),), safe=False)
                    yield region.diagnostic(doc, rule.message_for(match=word), start, end, fix)

    def _doubles(self, region: "Region", budget: "Budget") -> Iterator[tuple[int, int, int]]:
        for match in self._scanner.matches(region.text, region.start, region.end, budget):
            yield match.start(), match.end("first"), match.end()

    def _doubled_words(self, region: "Region") -> Iterator[tuple[int, int, int]]:
        """Any word twice: the words are listed by `re` and compared pairwise in one sweep; only
        where two are alike are their places looked up. (A pattern with a backreference tried
        at every letter cost 0.6 ms an article on the bench, and backtracks over a long run of
        letters; a Python step per word cost 0.35 ms.)"""
        text = region.text
        piece = text[region.start : region.end]
        folded = piece.lower() if self.ignore_case else piece
        if len(folded) != len(piece):  # a letter whose lower case is longer (İ): compared as written
            folded = piece
        words = _WORD.findall(folded)
        alike = [index for index, (first, second) in enumerate(zip(words, words[1:], strict=False)) if first == second]
        if not alike:
            return
        spans = [match.span() for match in _WORD.finditer(folded)]
        for index in alike:
            (start, first_end), (second_start, end) = spans[index], spans[index + 1]
            start, first_end, second_start, end = (offset + region.start for offset in (start, first_end, second_start, end))
            if not text[first_end:second_start].isspace():
                continue
            if self.whole_word and not (at_word_edges(text, start, first_end) and at_word_edges(text, second_start, end)):
                continue
            yield start, first_end, end

    def what_it_finds(self, rule: Definition) -> str:
        what = listed(self.tokens, self.patterns) if self.tokens or self.patterns else "any word of an alphabetic script."
        return (
            f"The same token twice in a row, with only white space between, {searched(rule)}. "
            f"Fix: unsafe, the second deleted (`--fix --unsafe-fixes`). The tokens watched:\n\n{what}"
        )

    def summary(self) -> str:
        return "The same token twice in a row" + (": " + ", ".join(self.tokens + self.patterns) if self.tokens or self.patterns else "")

"""`repetition`: the same token twice in a row ("the the", "的的"), with only white space
between; an unsafe fix deletes the second."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterable

from artlint.findings import Fix
from artlint.rules.typography._text import HIDDEN
from artlint.style.definition import Definition, Kind, RuleTable
from artlint.style.describe import listed, searched
from artlint.style.patterns import BOUNDARY, HAN, compile_user, token_source
from artlint.style.scopes import searched_scopes

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText

# Without tokens or patterns: any word of an alphabetic script (a Chinese character doubled is
# as often a word, 常常, as a typo: list the characters to watch).
WORD = f"[^\\W\\d_{HAN}]+"


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
    def _pattern(self) -> Any:
        sources = [token_source(token) for token in self.tokens] + list(self.patterns) or [WORD]
        edge = BOUNDARY if self.whole_word else ""
        alternatives = "|".join(f"(?:{source})" for source in sources)
        # The same text again: a backreference to the first, in a pattern artlint writes.
        return compile_user([f"(?P<first>{alternatives}){edge}\\s*(?P=first)"], self.ignore_case, self.whole_word)

    def check(self, rule: Definition, doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable["Diagnostic"]:
        for scope in searched_scopes(rule.scopes):
            for region in texts.regions(scope):
                for match in budget.finditer(self._pattern, region.text, region.start, region.end):
                    start, end = match.span()
                    first_end = match.end("first")
                    if HIDDEN in match.group() or rule.excepted(region.text, start, end, region.start, region.end):
                        continue
                    word = match.group("first")
                    fix = None
                    if region.exact and start >= doc.body_offset:
                        fix = Fix(f"delete the second '{word}'", (doc.edit(first_end, end),), safe=False)
                    yield region.diagnostic(doc, rule.message_for(match=word), start, end, fix)

    def what_it_finds(self, rule: Definition) -> str:
        what = listed(self.tokens, self.patterns) if self.tokens or self.patterns else "any word of an alphabetic script."
        return (
            f"The same token twice in a row, with only white space between, {searched(rule)}. "
            f"Fix: unsafe, the second deleted (`--fix --unsafe-fixes`). The tokens watched:\n\n{what}"
        )

    def summary(self) -> str:
        return "The same token twice in a row" + (": " + ", ".join(self.tokens + self.patterns) if self.tokens or self.patterns else "")

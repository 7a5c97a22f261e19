"""`existence`: words, phrases or patterns that must not appear."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from artlint.style.definition import Definition, Hit, Kind, Needle, RuleTable
from artlint.style.describe import listed, searched

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic


@dataclass(frozen=True)
class Existence(Kind):
    name = "existence"
    keys = ("tokens", "patterns")
    default_message = "avoid '{match}'"

    tokens: tuple[str, ...]
    patterns: tuple[str, ...]

    @classmethod
    def read(cls, table: RuleTable) -> "Existence":
        tokens, patterns = table.tokens("tokens"), table.patterns("patterns")
        if not tokens and not patterns:
            raise table.fail("an existence rule needs tokens or patterns")
        return cls(tokens, patterns)

    def needles(self) -> Iterable[Needle]:
        yield from (Needle(token, None) for token in self.tokens)
        yield from (Needle(None, pattern) for pattern in self.patterns)

    def report(self, rule: Definition, doc: "Document", hit: Hit) -> "Diagnostic":
        return hit.region.diagnostic(doc, rule.message_for(match=hit.text), hit.start, hit.end)

    def what_it_finds(self, rule: Definition) -> str:
        return f"Each place where one of these appears, {searched(rule)}:\n\n" + listed(self.tokens, self.patterns)

    def summary(self) -> str:
        return "Words that must not appear: " + ", ".join(self.tokens + self.patterns)

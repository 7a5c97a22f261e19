"""`occurrence`: at most or at least N matches in each unit of a scope (a paragraph, a
heading, a front-matter value...) or in the whole article."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

from artlint.rules.typography._text import HIDDEN
from artlint.style.definition import Definition, Kind, RuleTable
from artlint.style.describe import listed, searched
from artlint.style.patterns import Scanner, token_source
from artlint.style.scopes import ARTICLE, searched_scopes, unit_name

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText, Region

@dataclass(frozen=True)
class Occurrence(Kind):
    name = "occurrence"
    keys = ("tokens", "patterns", "max", "min", "per")
    fields = ("match", "count", "max", "min", "unit")
    default_message = "{count} in this {unit}: at most {max}"

    tokens: tuple[str, ...]
    patterns: tuple[str, ...]
    most: int | None
    least: int | None
    per: str  # "unit" or "article"
    ignore_case: bool
    whole_word: bool

    @classmethod
    def read(cls, table: RuleTable) -> "Occurrence":
        tokens, patterns = table.tokens("tokens"), table.patterns("patterns")
        if not tokens and not patterns:
            raise table.fail("an occurrence rule needs tokens or patterns: what to count")
        most, least = table.count("max"), table.count("min")
        if most is None and least is None:
            raise table.fail("an occurrence rule needs max or min")
        if most is not None and least is not None and least > most:
            raise table.fail(f"min ({least}) is more than max ({most})", "min")
        per = table.choice("per", ("unit", "article"), "unit")
        return cls(tokens, patterns, most, least, per, table.get("ignore-case", "boolean", False), table.get("whole-word", "boolean", True))

    def message_default(self) -> str:
        return self.default_message if self.most is not None else "{count} in this {unit}: at least {min}"

    @cached_property
    def _scanner(self) -> Scanner:
        return Scanner([token_source(token) for token in self.tokens] + list(self.patterns), self.ignore_case, self.whole_word)

    def check(self, rule: Definition, doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable["Diagnostic"]:
        for scope in searched_scopes(rule.scopes):
            unit = "article" if self.per == "article" else unit_name(scope)
            counted: dict[int, list[tuple["Region", int]]] = {}  # unit -> its regions, with their counts
            for region in texts.stretches(scope) if self.per == "article" else texts.regions(scope):
                key = ARTICLE if self.per == "article" else region.unit
                counted.setdefault(key, []).append((region, self._count(rule, region, budget)))
            if self.per == "article" and not counted and self.least:
                line = doc.source.line_of(doc.body_offset)
                yield doc.line_diagnostic(self._message(rule, "", 0, unit), line)
            for regions in counted.values():
                total = sum(count for _, count in regions)
                if self.most is not None and total > self.most:
                    where, start, end = self._nth(rule, regions, self.most, budget)
                    yield where.diagnostic(doc, self._message(rule, where.text[start:end], total, unit), start, end)
                if self.least is not None and total < self.least:
                    region = regions[0][0]
                    # To the end of its first line (the file's: what lies between blocks is hidden in the region's text).
                    line_end = doc.text.find("\n", region.start, region.end) if region.exact else -1
                    end = line_end if line_end > region.start else region.end
                    yield region.diagnostic(doc, self._message(rule, "", total, unit), region.start, end)

    def _count(self, rule: Definition, region: "Region", budget: "Budget") -> int:
        """The matches in a region: counted by the `regex` module when no hidden text (code,
        markup) lies within it and no exception applies, else one by one."""
        if not rule.exceptions:
            piece = region.text[region.start : region.end]
            visible = piece.strip(HIDDEN)
            if HIDDEN not in visible:
                start = region.start + len(piece) - len(piece.lstrip(HIDDEN))
                return self._scanner.count(region.text, start, start + len(visible), budget)
        return len(self._matches(rule, region, budget))

    def _matches(self, rule: Definition, region: "Region", budget: "Budget") -> list[tuple[int, int]]:
        found = []
        for match in self._scanner.matches(region.text, region.start, region.end, budget):
            start, end = match.span()
            if end > start and HIDDEN not in match.group() and not rule.excepted(region.text, start, end, region.start, region.end):
                found.append((start, end))
        return found

    def _nth(self, rule: Definition, regions: list[tuple["Region", int]], index: int, budget: "Budget") -> tuple["Region", int, int]:
        """The region and span of the match at `index` (from 0) of a unit."""
        for region, count in regions:
            if index < count:
                return (region, *self._matches(rule, region, budget)[index])
            index -= count
        raise ValueError(index)

    def _message(self, rule: Definition, match: str, count: int, unit: str) -> str:
        return rule.message_for(match=match, count=str(count), max=_shown(self.most), min=_shown(self.least), unit=unit)

    def what_it_finds(self, rule: Definition) -> str:
        bounds = []
        if self.most is not None:
            bounds.append(f"more than {self.most}")
        if self.least is not None:
            bounds.append(f"fewer than {self.least}")
        per = "the whole article" if self.per == "article" else "each unit of its scope (a paragraph, heading, list item, cell, quote, link, image, value)"
        where = "at the first match past the limit" if self.most is not None else "at the start of the unit"
        return (
            f"{' or '.join(bounds).capitalize()} matches in {per}, {searched(rule)}; reported {where}. What is counted:\n\n"
            + listed(self.tokens, self.patterns)
        )

    def summary(self) -> str:
        limits = ([f"at most {self.most}"] if self.most is not None else []) + ([f"at least {self.least}"] if self.least is not None else [])
        return f"{' and '.join(limits).capitalize()} of: " + ", ".join(self.tokens + self.patterns)


def _shown(value: int | None) -> str:
    return "" if value is None else str(value)

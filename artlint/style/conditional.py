"""`conditional`: a term (an acronym, by default) used before the article defines it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

from artlint.findings import Related
from artlint.rules.typography._text import HIDDEN
from artlint.style.definition import Definition, Kind, RuleTable
from artlint.style.describe import code, searched
from artlint.style.patterns import Scanner
from artlint.style.scopes import searched_scopes

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText, Region

ACRONYM = "[A-Z][A-Z0-9]{1,7}"
FIRST = ACRONYM
# "Content Delivery Network (CDN)", "内容分发网络（CDN）", and "CDN (content delivery network)"
# through a look behind the bracket: the term is the first group that matched. Both begin at
# the bracket, which the `regex` module finds fast (as an alternation of the two forms, one
# starting with the term, it took 200 ms on the bench's 1,000 articles; 5 ms so).
SECOND = (
    f"[(（](?:\\s*({ACRONYM})s?\\s*[)）]"
    f"|(?<=(?<![A-Za-z0-9])({ACRONYM})\\s{{0,2}}[(（])[^()（）\\n]*[a-z\\u4e00-\\u9fff][^()（）\\n]*[)）])"
)


@dataclass(frozen=True)
class Conditional(Kind):
    name = "conditional"
    keys = ("first", "second")
    default_message = "'{match}' is used before it is defined"

    first: str
    second: str
    ignore_case: bool
    whole_word: bool

    @classmethod
    def read(cls, table: RuleTable) -> "Conditional":
        first = table.get("first", "string", FIRST)
        second = table.get("second", "string", SECOND)
        table.check_pattern("first", first)
        table.check_pattern("second", second)
        if "(" not in second.replace("\\(", "").replace("(?", ""):
            raise table.fail("second: it needs a group, (...), around the term it defines", "second")
        return cls(first, second, table.get("ignore-case", "boolean", False), table.get("whole-word", "boolean", True))

    @cached_property
    def _uses(self) -> Scanner:
        return Scanner([self.first], self.ignore_case, self.whole_word)

    @cached_property
    def _definitions(self) -> Scanner:
        return Scanner([self.second], self.ignore_case, False)

    def check(self, rule: Definition, doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable["Diagnostic"]:
        regions = [region for scope in searched_scopes(rule.scopes) for region in texts.stretches(scope)]
        regions.sort(key=_place)
        fold = str.lower if self.ignore_case else str
        exceptions = {fold(term) for term in rule.exceptions}
        defined: dict[str, tuple["Region", int]] = {}
        for region in regions:
            for match in self._definitions.matches(region.text, region.start, region.end, budget):
                group = next((index for index, text in enumerate(match.groups(), 1) if text), 0)
                term = match.group(group)
                defined.setdefault(fold(term), (region, min(match.start(), match.start(group))))
        reported: set[str] = set()
        for region in regions:
            for match in self._uses.matches(region.text, region.start, region.end, budget):
                term = match.group()
                key = fold(term)
                if key in reported or key in exceptions or HIDDEN in term:
                    continue
                reported.add(key)
                definition = defined.get(key)
                if definition is not None and _place(definition[0], definition[1]) <= _place(region, match.start()):
                    continue
                related: tuple[Related, ...] = ()
                if definition is not None:
                    line, column = doc.source.position(_place(*definition))
                    related = (Related(doc.path, line, column, f"'{term}' is defined here"),)
                diagnostic = region.diagnostic(doc, rule.message_for(match=term), match.start(), match.end())
                yield diagnostic if not related else _with_related(diagnostic, related)

    def what_it_finds(self, rule: Definition) -> str:
        return (
            f"The first use of each term matched by {code(self.first)} that comes before the article defines it "
            f"(or that it never defines), {searched(rule)}. A definition is a match of {code(self.second)}, "
            "whose first group that matched is the term defined. Terms in `exceptions` need no definition."
        )

    def summary(self) -> str:
        return "A term used before it is defined"


def _place(region: "Region", offset: int | None = None) -> int:
    """Where in the file a place of a region is, for ordering (a value read as it is not
    written counts as where it is reported)."""
    if region.report_at is not None:
        return region.report_at
    return region.start if offset is None else offset


def _with_related(diagnostic: "Diagnostic", related: tuple[Related, ...]) -> "Diagnostic":
    return replace(diagnostic, related=related)

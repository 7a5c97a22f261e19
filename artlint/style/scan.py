"""The search of one document by every user rule a configuration loads, in as few passes as
the rules allow.

Per scope, the tokens of all existence and substitution rules are one trie-shaped pattern
(artlint.style.patterns.trie_source) searched in one pass with `re`: a place where a token may
start is found in C, and only there does Python look up which rules' tokens matched (every
token that matches there: the longest, and the shorter ones it begins with, so that rules do
not hide each other). The search resumes one character after each place found, so tokens of
different rules that overlap are all seen. Their patterns are searched one by one with the
`regex` module, under a time limit (artlint.style.patterns.Scanner: one alternation of them
is slower than all of them apart). The other kinds (occurrence, repetition, capitalization,
conditional, front-matter) count, pair or compare what they find, and search on their own.
The body's scopes are searched as one text, not paragraph by paragraph (scopes.DocumentText).

`StyleSet.scan` runs once per document (Document.memo) and returns every rule's diagnostics;
each user rule's `check` takes its own (artlint.style.rule).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterator

from artlint.findings import Diagnostic
from artlint.rules.typography._text import HIDDEN, MOST_FINDINGS, at_most
from artlint.style.definition import Definition, Hit, Needle
from artlint.style.patterns import Budget, Scanner, at_word_edges, spaces_normalised, trie_source
from artlint.style.scopes import DocumentText, searched_scopes

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.style.scopes import Region

OPTION = "style-set"  # the option of a user rule that names its style set (artlint.style.rule)


@dataclass(frozen=True)
class _Entry:
    rule: int  # index into StyleSet.rules
    needle: Needle
    whole_word: bool


_NONE: list[_Entry] = []


class _TokenPass:
    """Every token of the token kinds in one scope, found in one pass."""

    def __init__(self, entries: list[tuple[_Entry, str, bool]]):  # (entry, normal token, ignore case)
        self.exact: dict[str, list[_Entry]] = {}
        self.folded: dict[str, list[_Entry]] = {}
        for entry, token, ignore_case in entries:
            if ignore_case:
                self.folded.setdefault(token.lower(), []).append(entry)
            else:
                self.exact.setdefault(token, []).append(entry)
        sources = []
        for table, ignore_case in ((self.folded, True), (self.exact, False)):
            if table:
                sources.append(trie_source(table, ignore_case))
        self.finder = re.compile("|".join(sources))
        # With both tries, the one that matched first at a place may not hold the longest token.
        self.anchored = [re.compile(source) for source in sources] if len(sources) > 1 else []

    def hits(self, region: "Region") -> Iterator[tuple[_Entry, int, int]]:
        text, end = region.text, region.end
        search = self.finder.search
        found = search(text, region.start, end)
        while found is not None:
            start = found.start()
            longest = found.end()
            for pattern in self.anchored:
                other = pattern.match(text, start, end)
                if other is not None and other.end() > longest:
                    longest = other.end()
            # Every token that matches here is the text from here to some cut: longest first.
            piece = text[start:longest]
            spaced = any(char.isspace() for char in piece)
            folded = piece.lower() if self.folded else ""
            if len(folded) != len(piece):  # a letter whose lower case is longer (İ)
                spaced = True
            for cut in range(longest, start, -1):
                length = cut - start
                if spaced:
                    if piece[length - 1].isspace():
                        continue
                    key = spaces_normalised(piece[:length])
                    lower = key.lower()
                else:
                    key = piece[:length]
                    lower = folded[:length]
                entries = self.exact.get(key, _NONE)
                if self.folded:
                    entries = entries + self.folded.get(lower, _NONE)
                for entry in entries:
                    if not entry.whole_word or at_word_edges(text, start, cut):
                        yield entry, start, cut
            found = search(text, start + 1, end)


class _PatternPass:
    """The patterns of the token kinds in one scope, each searched on its own: the `regex`
    module finds a pattern's literals and first characters fast, which an alternation of
    several patterns defeats (the bench pack's 20 patterns: 0.13 ms per article one by one,
    1.5 ms as one alternation)."""

    def __init__(self, entries: list[tuple[_Entry, str, bool]]):  # (entry, pattern, ignore case)
        self.entries = [entry for entry, _, _ in entries]
        self.scanners = [Scanner([source], ignore_case, entry.whole_word) for entry, source, ignore_case in entries]

    def hits(self, region: "Region", budget: Budget) -> Iterator[tuple[_Entry, int, int]]:
        text = region.text
        found = []
        for entry, scanner in zip(self.entries, self.scanners, strict=True):
            for match in scanner.matches(text, region.start, region.end, budget):
                if match.end() > match.start() and HIDDEN not in match.group():
                    found.append((match.start(), -match.end(), entry))
        found.sort(key=lambda hit: hit[:2])
        for start, end, entry in found:
            yield entry, start, -end


@dataclass
class StyleSet:
    """The user rules a configuration loads, from the packs in `folders` (as written in
    [style] paths), and their search."""

    rules: tuple[Definition, ...]
    folders: tuple[str, ...] = ()
    packs: dict[str, str] = field(default_factory=dict)  # pack -> its folder, as shown
    _passes: dict[str, tuple[_TokenPass | None, _PatternPass | None]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        digests = sorted((rule.name, fingerprint(rule)) for rule in self.rules)
        self.memo_key = "style:" + hashlib.blake2b(repr(digests).encode(), digest_size=12).hexdigest()
        self._searching = [index for index, rule in enumerate(self.rules) if not list(rule.kind.needles())]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(rule.name for rule in self.rules)

    @property
    def options(self) -> dict[str, str]:
        """What the options of its rules carry: the set's key (artlint.style.rule), a digest of
        every rule's definition, which the result cache keys on as it does on options."""
        return {OPTION: self.memo_key}

    def scan(self, doc: "Document") -> dict[str, list[Diagnostic] | Exception]:
        """Every rule's diagnostics on `doc` (an exception in place of a rule's list: a bug met
        by that rule, which its check raises, as a built-in rule's would be)."""
        texts = DocumentText(doc)
        budget = Budget()
        found: dict[str, list[Diagnostic] | Exception] = {rule.name: [] for rule in self.rules}
        seen: set[tuple[int, int, int]] = set()  # (rule, start, end): a place is reported once, whatever scopes hold it
        for scope, passes in self._compiled().items():
            regions = texts.stretches(scope)
            for search in passes:
                if search is not None:
                    self._search(doc, regions, search, budget, found, seen)
        for index in self._searching:
            rule = self.rules[index]
            try:
                found[rule.name] = list(rule.kind.check(rule, doc, texts, budget))
            except TimeoutError:
                found[rule.name] = [_timed_out(doc, rule, budget)]
            except Exception as exc:  # a bug met by one rule must not hide the others' findings
                found[rule.name] = exc
        for name, diagnostics in found.items():
            if isinstance(diagnostics, list) and len(diagnostics) > MOST_FINDINGS:
                found[name] = list(at_most(diagnostics, f"findings of {name}"))
        return found

    def _search(
        self,
        doc: "Document",
        regions: list["Region"],
        search: "_TokenPass | _PatternPass",
        budget: Budget,
        found: dict[str, list[Diagnostic] | Exception],
        seen: set[tuple[int, int, int]],
    ) -> None:
        reached: dict[int, int] = {}  # rule -> where its last hit ends: a rule's hits do not overlap
        try:
            for region in regions:
                hits = search.hits(region) if isinstance(search, _TokenPass) else search.hits(region, budget)
                for entry, start, end in hits:
                    if start < reached.get(entry.rule, -1) or (entry.rule, start, end) in seen:
                        continue
                    if self._report(doc, region, entry, start, end, found):
                        reached[entry.rule] = end
                        seen.add((entry.rule, start, end))
        except TimeoutError:
            for entry in search.entries if isinstance(search, _PatternPass) else ():
                found[self.rules[entry.rule].name] = [_timed_out(doc, self.rules[entry.rule], budget)]

    def _report(self, doc: "Document", region: "Region", entry: _Entry, start: int, end: int, found: dict[str, list[Diagnostic] | Exception]) -> bool:
        """Add the rule's diagnostic for a hit, if it reports one there; whether it did."""
        rule = self.rules[entry.rule]
        diagnostics = found[rule.name]
        if isinstance(diagnostics, Exception) or len(diagnostics) > MOST_FINDINGS:
            return False  # a rule that failed, or has said enough: at_most sums up the rest
        try:
            if rule.excepted(region.text, start, end, region.start, region.end):
                return False
            diagnostic = rule.kind.report(rule, doc, Hit(region, start, end, entry.needle))
        except Exception as exc:  # as in scan
            found[rule.name] = exc
            return False
        if diagnostic is None:
            return False
        diagnostics.append(diagnostic)
        return True

    def _compiled(self) -> dict[str, tuple[_TokenPass | None, _PatternPass | None]]:
        if self._passes is None:
            self._passes = _passes(self.rules)
        return self._passes


def _passes(rules: tuple[Definition, ...]) -> dict[str, tuple[_TokenPass | None, _PatternPass | None]]:
    tokens: dict[str, list[tuple[_Entry, str, bool]]] = {}
    patterns: dict[str, list[tuple[_Entry, str, bool]]] = {}
    for index, rule in enumerate(rules):
        for needle in rule.kind.needles():
            for scope in searched_scopes(rule.scopes):
                if needle.token is not None:
                    tokens.setdefault(scope, []).append((_Entry(index, needle, rule.whole_word), needle.token, rule.ignore_case))
                elif needle.pattern is not None:
                    patterns.setdefault(scope, []).append((_Entry(index, needle, rule.whole_word), needle.pattern, rule.ignore_case))
    return {
        scope: (_TokenPass(tokens[scope]) if scope in tokens else None, _PatternPass(patterns[scope]) if scope in patterns else None)
        for scope in dict.fromkeys([*tokens, *patterns])
    }


def _timed_out(doc: "Document", rule: Definition, budget: Budget) -> Diagnostic:
    message = f"not checked: the patterns of user rules took over {budget.seconds:g} s on this file (simplify the patterns of {rule.name})"
    return doc.line_diagnostic(message, 1)


def fingerprint(rule: Definition) -> str:
    """A digest of everything that decides what the rule finds (the result cache keys on it):
    not where it is written, which is shown relative to the current folder."""
    return hashlib.blake2b(repr(replace(rule, place="")).encode("utf-8"), digest_size=12).hexdigest()

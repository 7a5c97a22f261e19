"""`substitution`: a preferred term for each token or pattern; a safe fix when the replacement
is certain (one replacement, in the body's text)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from artlint.findings import Fix
from artlint.options import describe
from artlint.style.definition import MAX_ITEMS, Definition, Hit, Kind, Needle, RuleTable
from artlint.style.describe import code, searched
from artlint.style.patterns import normal_token

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic


@dataclass(frozen=True)
class Substitution(Kind):
    name = "substitution"
    keys = ("swap", "swap-patterns")
    fields = ("match", "replacement")
    default_message = "use '{replacement}' rather than '{match}'"
    fixable = "safe"

    swap: tuple[tuple[str, tuple[str, ...]], ...]  # token -> its replacements
    swap_patterns: tuple[tuple[str, tuple[str, ...]], ...]  # pattern -> its replacements

    @classmethod
    def read(cls, table: RuleTable) -> "Substitution":
        swap = tuple((normal_token(key), replacements) for key, replacements in _swaps(table, "swap"))
        if any(not key for key, _ in swap):
            raise table.fail("swap: an empty token", "swap")
        swap_patterns = tuple(_swaps(table, "swap-patterns"))
        for pattern, _ in swap_patterns:
            table.check_pattern("swap-patterns", pattern)
        if not swap and not swap_patterns:
            raise table.fail("a substitution rule needs swap (or swap-patterns): { wrong = \"right\" }")
        return cls(swap, swap_patterns)

    def needles(self) -> Iterable[Needle]:
        yield from (Needle(token, None, replacements) for token, replacements in self.swap)
        yield from (Needle(None, pattern, replacements) for pattern, replacements in self.swap_patterns)

    def report(self, rule: Definition, doc: "Document", hit: Hit) -> "Diagnostic | None":
        found = hit.text
        replacements = [_in_case_of(found, replacement) if rule.ignore_case else replacement for replacement in hit.needle.payload]
        if found in replacements:
            return None  # already the preferred term (`javascript` → `JavaScript` meets `JavaScript`)
        replacement = " or ".join(dict.fromkeys(replacements))
        fix = None
        if len(set(replacements)) == 1 and hit.region.editable(doc, hit.start, hit.end):
            fix = Fix(f"replace '{found}' with '{replacements[0]}'", (doc.edit(hit.start, hit.end, replacements[0]),))
        return hit.region.diagnostic(doc, rule.message_for(match=found, replacement=replacement), hit.start, hit.end, fix)

    def what_it_finds(self, rule: Definition) -> str:
        rows = ["| found | preferred |", "|---|---|"]
        for key, replacements in self.swap:
            rows.append(f"| {code(key)} | {' or '.join(map(code, replacements))} |")
        for pattern, replacements in self.swap_patterns:
            rows.append(f"| {code(pattern)} (pattern) | {' or '.join(map(code, replacements))} |")
        fix = "Fix: safe, where one replacement is given (`--fix`)."
        return f"Each place where a term has a preferred form, {searched(rule)}:\n\n" + "\n".join(rows) + "\n\n" + fix

    def summary(self) -> str:
        return "Preferred terms: " + ", ".join(f"'{' or '.join(replacements)}' for '{key}'" for key, replacements in self.swap + self.swap_patterns)


def _swaps(table: RuleTable, key: str) -> list[tuple[str, tuple[str, ...]]]:
    """A swap table's entries: each replacement a string or a list of strings, none empty."""
    values = table.value(key)
    if values is None:
        return []
    if not isinstance(values, dict):
        raise table.fail(f"{key}: expected a table such as {{ wrong = \"right\" }}, got {describe(values)}", key)
    if len(values) > MAX_ITEMS:
        raise table.fail(f"{key}: {len(values):,} entries; at most {MAX_ITEMS:,}", key)
    entries = []
    for name, value in values.items():
        replacements = [value] if isinstance(value, str) else value
        if not isinstance(replacements, list) or not replacements or not all(isinstance(item, str) for item in replacements):
            raise table.fail(f"{key}: {name!r}: expected a replacement or a list of them, got {describe(value)}", key)
        if any(not replacement.strip() for replacement in replacements):
            raise table.fail(f"{key}: {name!r} has an empty replacement (an existence rule reports words to delete)", key)
        entries.append((name, tuple(replacements)))
    return entries


def _in_case_of(found: str, replacement: str) -> str:
    """A replacement written in lower case follows the case of what it replaces: `Utilize` →
    `Use`, `UTILIZE` → `USE`; one with capitals is a name, kept as written (`JavaScript`)."""
    if replacement != replacement.lower():
        return replacement
    if len(found) > 1 and found.isupper():
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement

"""One user rule as a pack defines it, and the reading of its `[[rule]]` table.

Every key of a table is read through `RuleTable`, which knows the line each key is written on:
a mistake is a `PackError` such as
`styles/house/words.toml:12: rule 'banned': tokens: in the list: expected a string, got an integer`.
The keys every kind shares are read here; each kind (one module each, beside this one) reads
its own and says which of the shared ones apply to it.
"""

from __future__ import annotations

import difflib
import re
import string
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Collection, Iterable

from artlint.findings import Diagnostic, Severity
from artlint.options import check_type
from artlint.style.patterns import at_word_edges, normal_token, pattern_problem, spaces_normalised, token_source

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText, Region

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SEVERITIES = ("error", "warning", "info")
# Keys every kind reads; SHARED those that some kinds use and others do not.
BASE_KEYS = ("name", "kind", "severity", "message", "description", "link")
SHARED_KEYS = ("scope", "ignore-case", "whole-word", "exceptions")
MAX_ITEMS = 10_000  # tokens, patterns or exceptions of one rule


class PackError(Exception):
    """A mistake in a style pack: one located line for the user."""


class RuleTable:
    """One `[[rule]]` table of a pack file, read key by key; a mistake names the line."""

    def __init__(self, values: dict[str, Any], where: str, lines: dict[tuple[Any, ...], int], index: int):
        self.values = values
        self.where = where
        self.lines = lines
        self.index = index
        self.name = ""
        self.read: set[str] = set()

    def line(self, key: str | None = None) -> int:
        table = ("rule", self.index)
        return self.lines.get(table + (key,), 0) if key is not None and table + (key,) in self.lines else self.lines.get(table, 0)

    def fail(self, message: str, key: str | None = None) -> PackError:
        line = self.line(key)
        place = f"{self.where}:{line}" if line else self.where
        who = f"rule {self.name!r}" if self.name else f"rule {self.index + 1}"
        return PackError(f"{place}: {who}: {message}")

    def has(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, spec: str, default: Any = None, required: bool = False) -> Any:
        """The value of `key` if it has the type `spec` (artlint.options' type language)."""
        self.read.add(key)
        if key not in self.values:
            if required:
                raise self.fail(f"'{key}' is required")
            return default
        value = self.values[key]
        problem = check_type(spec, value)
        if problem:
            raise self.fail(f"{key}: {problem}", key)
        return value

    def value(self, key: str) -> Any:
        """The value of `key` as it is, or None: for the caller to check."""
        self.read.add(key)
        return self.values.get(key)

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.get(key, "string", default, required=default is None)
        if value not in choices:
            raise self.fail(f"{key}: expected one of {', '.join(map(repr, choices))}, got {value!r}", key)
        return value

    def strings(self, key: str, spec: str = "list[string]") -> tuple[str, ...]:
        values = self.get(key, spec, [])
        if len(values) > MAX_ITEMS:
            raise self.fail(f"{key}: {len(values):,} items; at most {MAX_ITEMS:,}", key)
        return tuple(values)

    def tokens(self, key: str) -> tuple[str, ...]:
        tokens = tuple(normal_token(token) for token in self.strings(key))
        if "" in tokens:
            raise self.fail(f"{key}: an empty token", key)
        return tokens

    def patterns(self, key: str) -> tuple[str, ...]:
        patterns = self.strings(key)
        for pattern in patterns:
            self.check_pattern(key, pattern)
        return patterns

    def check_pattern(self, key: str, pattern: str) -> None:
        problem = pattern_problem(pattern)
        if problem:
            raise self.fail(f"{key}: {pattern[:80]!r}: {problem}", key)

    def count(self, key: str, lowest: int = 0) -> int | None:
        value = self.get(key, "integer")
        if value is not None and value < lowest:
            raise self.fail(f"{key}: expected {lowest} or more, got {value}", key)
        return value

    def template(self, fields: tuple[str, ...], default: str) -> str:
        """`message`, checked to name only `fields` as `{field}` (nothing else is formatted)."""
        text = self.get("message", "string", default)
        try:
            parts = list(string.Formatter().parse(text))
        except ValueError as exc:
            raise self.fail(f"message: {exc} (write {{{{ and }}}} for braces)", "message") from None
        for _, field, spec, conversion in parts:
            if field is not None and (field not in fields or spec or conversion):
                allowed = ", ".join("{" + name + "}" for name in fields)
                written = field + ("!" + conversion if conversion else "") + (":" + spec if spec else "")
                raise self.fail(f"message: unknown field {{{written}}}; it may use {allowed}", "message")
        return text

    def finish(self, allowed: Collection[str], kind: str) -> None:
        """Refuse the keys that this kind of rule does not read."""
        for key in self.values:
            if key not in allowed:
                hint = difflib.get_close_matches(key, list(allowed), n=1)
                suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
                raise self.fail(f"unknown key {key!r} for a rule of kind {kind!r}{suggestion}", key)


class Kind:
    """What one kind of user rule finds. A kind reads its own keys (`keys`) from the table,
    names the shared keys that apply to it (`shared`), the fields its message may use and its
    default message. A token kind (existence, substitution) lists what it searches for as
    `needles` and judges each hit in `report`, so that the tokens of every rule of a scope are
    searched in one pass (artlint.style.scan); the others search on their own in `check`."""

    name: ClassVar[str]
    keys: ClassVar[tuple[str, ...]] = ()
    shared: ClassVar[tuple[str, ...]] = SHARED_KEYS
    fields: ClassVar[tuple[str, ...]] = ("match",)
    default_message: ClassVar[str]
    default_scope: ClassVar[str] = "prose"
    fixable: ClassVar[str] = "none"

    @classmethod
    def read(cls, table: RuleTable) -> "Kind":
        raise NotImplementedError

    def message_default(self) -> str:
        return self.default_message

    def what_it_finds(self, rule: "Definition") -> str:
        """Markdown: what the rule reports, for `artlint explain`."""
        raise NotImplementedError

    def summary(self) -> str:
        """A short sentence for `artlint rules` when the rule has no description."""
        raise NotImplementedError

    def needles(self) -> Iterable["Needle"]:
        return ()

    def report(self, rule: "Definition", doc: "Document", hit: "Hit") -> Diagnostic | None:
        raise NotImplementedError

    def check(self, rule: "Definition", doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable[Diagnostic]:
        return ()


@dataclass(frozen=True)
class Needle:
    """What a token kind searches for: a literal token or a pattern, and what its hits carry
    (a substitution's replacement)."""

    token: str | None
    pattern: str | None
    payload: Any = None


@dataclass(frozen=True)
class Hit:
    """A place where a needle of a rule matched."""

    region: "Region"
    start: int
    end: int
    needle: Needle

    @property
    def text(self) -> str:
        return self.region.text[self.start : self.end]


@dataclass(frozen=True)
class Definition:
    """A user rule: its full name (`pack.name`), where it is defined, the shared settings and
    its kind's own."""

    name: str
    pack: str
    severity: Severity
    message: str
    description: str
    link: str
    scopes: tuple[str, ...]
    ignore_case: bool
    whole_word: bool
    exceptions: tuple[str, ...]
    place: str  # "styles/house/words.toml:12"
    kind: Kind

    def message_for(self, **fields: str) -> str:
        """The message with its fields filled in, each on one line (a phrase matched across a
        line break is quoted with a space)."""
        return self.message.format(**{name: spaces_normalised(value) for name, value in fields.items()})

    @cached_property
    def _exceptions(self) -> "re.Pattern[str] | None":
        if not self.exceptions:
            return None
        body = "|".join(token_source(token) for token in sorted(self.exceptions, key=len, reverse=True))
        return re.compile(body, re.IGNORECASE if self.ignore_case else 0)

    @cached_property
    def _exception_reach(self) -> int:
        return max((len(token) * 2 for token in self.exceptions), default=0)

    def excepted(self, text: str, start: int, end: int, lower: int, upper: int) -> bool:
        """Whether text[start:end] lies within one of the rule's exceptions written there
        (`exceptions = ["obvious choice"]` lets "obvious" pass in "an obvious choice")."""
        pattern = self._exceptions
        if pattern is None:
            return False
        reach = self._exception_reach
        for match in pattern.finditer(text, max(lower, start - reach), min(upper, end + reach)):
            if match.start() <= start and match.end() >= end and (not self.whole_word or at_word_edges(text, *match.span())):
                return True
            if match.start() > start:
                break
        return False

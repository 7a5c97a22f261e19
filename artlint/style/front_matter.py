"""`front-matter`: a front-matter key that must exist, match a pattern or be one of a list,
in the articles whose paths match some globs."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterable

from artlint.globs import GlobSet
from artlint.options import check_form
from artlint.style.definition import Definition, Kind, RuleTable
from artlint.style.describe import code
from artlint.style.patterns import compile_user

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText


@dataclass(frozen=True)
class FrontMatterRule(Kind):
    name = "front-matter"
    keys = ("key", "required", "pattern", "choices", "paths")
    shared = ("ignore-case",)
    fields = ("key", "value", "problem")
    default_message = "front matter '{key}' {problem}"

    key: str
    required: bool
    pattern: str | None
    choices: tuple[str, ...]
    paths: tuple[str, ...]
    ignore_case: bool

    @classmethod
    def read(cls, table: RuleTable) -> "FrontMatterRule":
        key = table.get("key", "string", required=True)
        required = table.get("required", "boolean", False)
        pattern = table.get("pattern", "string")
        if pattern is not None:
            table.check_pattern("pattern", pattern)
        choices = table.strings("choices")
        paths = table.strings("paths")
        problem = check_form("glob", list(paths))
        if problem:
            raise table.fail(f"paths: {problem}", "paths")
        if not required and pattern is None and not choices:
            raise table.fail("a front-matter rule needs required = true, a pattern or choices")
        return cls(key, required, pattern, choices, paths, table.get("ignore-case", "boolean", False))

    @cached_property
    def _pattern(self) -> Any:
        return compile_user([self.pattern], self.ignore_case, False) if self.pattern is not None else None

    @cached_property
    def _globs(self) -> GlobSet | None:
        return GlobSet(list(self.paths)) if self.paths else None

    def check(self, rule: Definition, doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable["Diagnostic"]:
        if self._globs is not None and not self._globs.match(_relative(doc)):
            return
        matter = doc.front_matter
        if matter is not None and matter.error is not None:
            return  # front-matter-syntax says what is wrong; its values are not known
        data = matter.data if matter is not None and isinstance(matter.data, dict) else None
        if data is None or self.key not in data:
            if self.required:
                line = matter.start_line if matter is not None else 1
                problem = "is missing" if matter is not None else "is missing: the article has no front matter"
                yield doc.line_diagnostic(self._message(rule, "", problem), line)
            return
        line, column = matter.value_position(self.key) if matter is not None else (1, 1)
        value = data[self.key]
        for item in value if isinstance(value, list) else [value]:
            wrong = self._problem(item, budget)
            if wrong is not None:
                yield doc.line_diagnostic(self._message(rule, _text(item), wrong), line, column)

    def _problem(self, item: Any, budget: "Budget") -> str | None:
        if isinstance(item, (dict, list)):
            return "is a table or a list, not a value"
        text = _text(item)
        if self._pattern is not None and not _full(budget.match(self._pattern, text, 0, len(text)), text):
            return f"is '{text}', which does not match {self.pattern}"
        if self.choices:
            fold = str.lower if self.ignore_case else str
            if fold(text) not in {fold(choice) for choice in self.choices}:
                return f"is '{text}', not one of {', '.join(self.choices)}"
        return None

    def _message(self, rule: Definition, value: str, problem: str) -> str:
        return rule.message_for(key=self.key, value=value, problem=problem)

    def what_it_finds(self, rule: Definition) -> str:
        wants = []
        if self.required:
            wants.append("must be there")
        if self.pattern is not None:
            wants.append(f"must match {code(self.pattern)} whole")
        if self.choices:
            wants.append("must be one of " + ", ".join(code(choice) for choice in self.choices))
        where = "in articles whose paths (from the project's root) match " + ", ".join(code(glob) for glob in self.paths) if self.paths else "in every article"
        each = " (each item of a list)" if self.pattern is not None or self.choices else ""
        case = ", ignoring case" if self.ignore_case and (self.pattern is not None or self.choices) else ""
        return f"The front-matter key {code(self.key)} {' and '.join(wants)}{each}{case}, {where}."

    def summary(self) -> str:
        return f"Front matter '{self.key}' checked"


def _relative(doc: "Document") -> str:
    """The article's path from the project's root, `/`-separated (as globs are matched)."""
    if doc.file is None or doc.root is None:
        return doc.path
    relative = os.path.relpath(os.path.abspath(doc.file), os.path.abspath(doc.root))
    return relative.replace(os.sep, "/")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _full(match: Any, text: str) -> bool:
    return match is not None and match.end() == len(text)

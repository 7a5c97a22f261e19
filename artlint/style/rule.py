"""User rules as artlint's rules: a rule class for each definition, registered by name, so that
selecting, ignoring, severities, suppression comments, `artlint rules` and `explain`, SARIF's
`driver.rules` and the HTML report treat them as the built-in rules."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Mapping

from artlint.findings import Diagnostic
from artlint.rules import DocumentRule, builtin_rules, register_rules
from artlint.style.definition import Definition, PackError
from artlint.style.scan import OPTION

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.style.scan import StyleSet


# The style sets loaded in this process, by key: a user rule's options name the set it belongs
# to under the configuration that governs the file (two projects may both have a pack `house`).
_STYLE_SETS: dict[str, "StyleSet"] = {}


class StyleRule(DocumentRule):
    """A user rule of a style pack: its findings come from its style set's one search of the
    document (artlint.style.scan), shared by all the rules of the set."""

    definition: ClassVar[Definition]

    def check(self, doc: "Document", options: Mapping[str, Any]) -> Iterable[Diagnostic]:
        style_set = _STYLE_SETS[options[OPTION]]
        found = doc.memo(style_set.memo_key, lambda: style_set.scan(doc))[self.name]
        if isinstance(found, Exception):
            raise found
        return found


def register(style_set: "StyleSet") -> None:
    """Make the style set's rules known by name, and the set by its key."""
    _STYLE_SETS[style_set.memo_key] = style_set
    register_rules(rule_class(rule) for rule in style_set.rules)


def check_pack_name(pack: str, where: str) -> None:
    if pack in builtin_rules() or any(rule.family == pack for rule in builtin_rules().values()):
        raise PackError(f"{where}: a pack may not be named {pack!r}, as artlint's own rules or families are")


def rule_class(rule: Definition) -> type[StyleRule]:
    attributes = {
        "__doc__": documentation(rule),
        "__module__": __name__,
        "name": rule.name,
        "family": rule.pack,
        "severity": rule.severity,
        "fixable": rule.kind.fixable,
        "defined_in": rule.place,
        "definition": rule,
    }
    return type(_class_name(rule.name), (StyleRule,), attributes)


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name) if part) or "StyleRule"


def documentation(rule: Definition) -> str:
    """The rule's docstring, in the sections ruledocs reads: its summary line (the first line
    of its description, else said from its kind), what it finds, and why, from its description."""
    description = rule.description.strip()
    summary, _, rest = description.partition("\n")
    summary = summary.strip() or rule.kind.summary()
    if not summary.endswith((".", "!", "?", "。")):
        summary += "."
    why = rest.strip() if description else ""
    lines = [
        summary,
        "",
        "## What it finds",
        rule.kind.what_it_finds(rule),
        "",
        "## Why it matters",
        why or f"A rule of the style pack `{rule.pack}`" + (": " + summary if description else "."),
        "",
        "## Defined in",
        f"`{rule.place}`, a `{rule.kind.name}` rule; its message: {_quoted(rule.message)}"
        + (f" More: <{rule.link}>" if rule.link else ""),
    ]
    return "\n".join(lines)


def _quoted(message: str) -> str:
    return "`" + message.replace("`", "'") + "`"

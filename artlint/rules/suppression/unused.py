from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Collection

from artlint.findings import Diagnostic, Edit, Fix, Severity
from artlint.rules import Rule, all_rules, families
from artlint.suppression import ALL, Directive, Place, Suppressions


class UnusedSuppression(Rule):
    """A suppression comment that suppresses nothing, or names a rule that does not exist.

    ## What it finds
    A directive (`<!-- artlint-disable-next-line RULE -->`, `-line`, `-file`, a `disable` range,
    or `# artlint-disable-line RULE` in front matter) under which the rules it names reported
    nothing, as ruff's RUF100 finds unused `noqa` comments; and any directive, `enable` included,
    that names a rule artlint does not have (a typo, or a family: suppressions name rules). The
    finding sits on the comment, and its safe fix deletes the comment (its whole line when it is
    alone on it) or only the rule names that are unused or unknown.

    A rule that did not run says nothing about whether its suppression is used, so a directive
    is only reported for rules that ran on the file: not for a rule left out by `select`,
    `ignore` or an override, nor for the network rules (`link-broken`, ...) in an `--offline` run
    or when `--fix` checks a fixed text again. Nor for the rules that compare articles across
    files (`duplicate-title`, ...): whether a file gets their finding depends on which files are
    checked with it. So a directive that names no rule is never reported, and one that names
    `unused-suppression` itself neither.

    ## Why it matters
    A suppression outlives the finding it was written for: the link gets fixed, the rule gets
    smarter, the comment stays and would hide the next real finding on that line. A mistyped
    rule name suppresses nothing at all, silently.

    ## Example

        <!-- artlint-disable-next-line duplicate-word -->
        Nothing is doubled on this line.

    `duplicate-word` finds nothing on the next line (the doubled word was mended): the comment
    is reported, and `artlint check --fix` deletes it.
    """

    name = "unused-suppression"
    family = "suppression"
    severity = Severity.INFO
    fixable = "safe"


def unused_suppressions(suppressions: Suppressions, judged: Collection[str]) -> list[Diagnostic]:
    """A diagnostic for each directive with rules that are unknown, or that ran (`judged`) and
    had no finding under it."""
    known = all_rules()
    judged_all = all(name in judged for name in known if name != UnusedSuppression.name)
    diagnostics = []
    for index, directive in enumerate(suppressions.directives):
        unknown = [name for name in directive.names if name != ALL and name not in known]
        if directive.action == "enable":
            unused = []
        else:
            unused = [
                name
                for name in directive.names
                if name not in unknown
                and name != UnusedSuppression.name
                and (judged_all if name == ALL else name in judged)
                and (index, name) not in suppressions.used
            ]
        if unknown or unused:
            diagnostics.append(_diagnostic(directive, unknown, unused))
    return diagnostics


def _diagnostic(directive: Directive, unknown: list[str], unused: list[str]) -> Diagnostic:
    parts = []
    if unused:
        where = "in this file" if directive.action == "disable-file" else "where it applies"
        if unused == [ALL]:
            parts.append(f"unused suppression: no rule reported anything {where}")
        else:
            parts.append(f"unused suppression: {_listed(unused)} reported nothing {where}")
    for name in unknown:
        parts.append(_unknown(name))
    gone = set(unknown) | set(unused)
    kept = [name for name in directive.names if name not in gone]
    if not kept or directive.names_span is None:
        fix = Fix("remove the suppression comment", (_edit(directive.removal, ""),))
    else:
        fix = Fix(f"remove {_listed(sorted(gone))} from the suppression comment", (_edit(directive.names_span, directive.separator.join(kept)),))
    place = directive.place
    return Diagnostic("; ".join(parts), place.line, place.column, place.end_line, place.end_column, fix=fix)


@lru_cache(maxsize=256)  # a file can name one unknown rule thousands of times: one hint each
def _unknown(name: str) -> str:
    if name in families() or name == "ALL":
        return f"{name!r} is not a rule (a suppression names rules, not families)"
    hint = difflib.get_close_matches(name, list(all_rules()), n=1)
    return f"unknown rule {name!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")


def _listed(names: list[str]) -> str:
    return ", ".join(names)


def _edit(place: Place, replacement: str) -> Edit:
    return Edit(place.line, place.column, place.end_line, place.end_column, replacement)

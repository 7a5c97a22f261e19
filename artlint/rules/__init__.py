"""The rules. One module per rule, grouped in one sub-package per family.

A rule is a class with a kebab-case ``name``, a ``family``, a default ``severity``, typed
``options`` and a docstring with the sections *What it finds*, *Why it matters* and
*Example*; ``artlint explain`` and ``docs/rules.md`` are generated from them.

What a rule does is said by the class it derives from, and the engine dispatches on it
(``isinstance``): a ``DocumentRule`` checks one document, a ``CorpusRule`` collects facts per
document and judges them together, a ``NetworkRule`` (a document rule) also names targets to
fetch, and a ``FileRule`` is reported by the engine itself about a file it could not read.

Rules defined outside artlint's code, the user rules of style packs (``artlint.style``), are
registered when the configuration that names them is loaded; ``all_rules`` lists them after
artlint's own.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Mapping

from artlint.findings import Diagnostic, Fix, Severity
from artlint.options import Option

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.network.probes import Probe
    from artlint.network.targets import Outcome


class Rule:
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity]
    options: ClassVar[Mapping[str, Option]] = MappingProxyType({})
    enabled_by_default: ClassVar[bool] = True
    fixable: ClassVar[str] = "none"  # what `--fix` can do: "safe", "unsafe" or "none"
    defined_in: ClassVar[str] = ""  # where a rule from outside artlint's code (a style pack's) is defined

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0].strip()

    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return {key: option.default for key, option in cls.options.items()}


class FileRule(Rule):
    """Reported by the engine about a file as a whole (unreadable, too large, out of the
    project): it never sees a parsed document."""


class DocumentRule(Rule):
    """Judges one parsed document at a time; a pure function of the document and its options."""

    # Whether the rule reads the text after the front matter: on a page that redirects (see
    # artlint.sites.Page.redirects) nobody sees that text, and only front-matter rules run.
    reads_body = True
    # Whether the rule judges how the site shows its pages (alt text, link wording, http://,
    # typography), so that it leaves alone the repository's own documents beside a site whose
    # generator does not build them (a README, contributors' notes); what breaks there (a
    # missing target, broken markup) is still reported: GitHub shows those files.
    site_pages_only = False

    def check(self, doc: "Document", options: Mapping[str, Any]) -> Iterable[Diagnostic]:
        raise NotImplementedError


class CorpusRule(Rule):
    """Collects small picklable facts per document, then judges them all together."""

    def collect(self, doc: "Document", options: Mapping[str, Any]) -> Any:
        raise NotImplementedError

    def judge(
        self, facts: Mapping[str, Any], options: Mapping[str, Any], report_on: "frozenset[str]"
    ) -> Iterable[tuple[str, Diagnostic]]:
        """Yields (path, diagnostic) pairs. `facts` maps every path of the project to what
        `collect` returned; findings go only to paths in `report_on` (the files checked: under
        pre-commit, the changed files, compared against the whole project)."""
        raise NotImplementedError


class NetworkRule(DocumentRule):
    """Checks targets online (URLs, images, DOIs). `probes` names what to check and where it is
    written; the engine fetches each target once; `judge` turns an outcome into a message.
    A network rule may also have an offline part (`check`), which runs with `--offline` too."""

    def check(self, doc: "Document", options: Mapping[str, Any]) -> Iterable[Diagnostic]:
        return ()

    def probes(self, doc: "Document", options: Mapping[str, Any]) -> "list[Probe]":
        raise NotImplementedError

    def judge(self, probe: "Probe", outcome: "Outcome", options: Mapping[str, Any]) -> str | None:
        """The message for a probe given what fetching its target found, or None."""
        raise NotImplementedError

    def repair(self, probe: "Probe", outcome: "Outcome", options: Mapping[str, Any]) -> "Fix | None":
        """How to fix the finding `judge` gave, if a fix is known."""
        return None


@lru_cache(maxsize=None)
def builtin_rules() -> Mapping[str, type[Rule]]:
    """artlint's own rules, by name, sorted by family then name."""
    found: dict[str, type[Rule]] = {}
    for family in pkgutil.iter_modules(__path__, prefix=__name__ + "."):
        if not family.ispkg:
            continue
        package = importlib.import_module(family.name)
        for module in pkgutil.iter_modules(package.__path__, prefix=family.name + "."):
            loaded = importlib.import_module(module.name)
            for value in vars(loaded).values():
                if (
                    isinstance(value, type)
                    and issubclass(value, Rule)
                    and value.__module__ == loaded.__name__
                    and "name" in value.__dict__
                ):
                    found[value.name] = value
    ordered = sorted(found.values(), key=lambda rule: (rule.family, rule.name))
    return MappingProxyType({rule.name: rule for rule in ordered})


_registered: dict[str, type[Rule]] = {}
_every_rule: list[Mapping[str, type[Rule]]] = []  # all_rules() while the registered rules stay the same


def all_rules() -> Mapping[str, type[Rule]]:
    """Every rule by name: artlint's own, then the registered ones (the user rules of style
    packs) by name."""
    if not _registered:
        return builtin_rules()
    if not _every_rule:
        _every_rule.append(MappingProxyType({**builtin_rules(), **dict(sorted(_registered.items()))}))
    return _every_rule[0]


def register_rules(rules: Iterable[type[Rule]]) -> None:
    """Add rules defined outside artlint's code; one registered again under its name replaces
    the one before (a style pack read again, or another project's pack of the same name: its
    rules say what they are, in their options, so only the documentation is the last one's)."""
    for rule in rules:
        _registered[rule.name] = rule
        _instances.pop(rule.name, None)
    _every_rule.clear()


def forget_registered_rules() -> None:
    """Back to artlint's own rules only (the tests load one project after another)."""
    for name in _registered:
        _instances.pop(name, None)
    _registered.clear()
    _every_rule.clear()


_instances: dict[str, Rule] = {}


def rule_instance(name: str) -> Rule:
    """The one instance of the rule named, made on first use: rules keep no state between
    documents, so one per process serves every file of a run."""
    rule = _instances.get(name)
    if rule is None:
        rule = _instances[name] = all_rules()[name]()
    return rule


def families() -> list[str]:
    return sorted({rule.family for rule in all_rules().values()})

"""Reading style packs: `[style] paths` names folders; each folder in them is a pack named
after it, and each `*.toml` file directly in a pack holds `[[rule]]` tables. A rule's full
name is `<pack>.<name>`.

Packs are data: TOML read with tomllib, never code. They come with a checkout, so they are
read only inside its folder (the git work tree around the configuration, else the
configuration's folder; a link that leads out is refused, as a configuration file linked out
is), each file up to MAX_FILE_SIZE.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from artlint.boundary import link_text, within, work_tree
from artlint.findings import Severity
from artlint.paths import display_path
from artlint.style.capitalization import Capitalization
from artlint.style.conditional import Conditional
from artlint.style.definition import BASE_KEYS, NAME, SEVERITIES, Definition, Kind, PackError, RuleTable
from artlint.style.existence import Existence
from artlint.style.front_matter import FrontMatterRule
from artlint.style.occurrence import Occurrence
from artlint.style.repetition import Repetition
from artlint.style.rule import check_pack_name, register
from artlint.style.scan import StyleSet
from artlint.style.scopes import scope_problem
from artlint.style.substitution import Substitution
from artlint.tomllines import TomlFileError, key_lines, read_toml

KINDS: dict[str, type[Kind]] = {
    kind.name: kind for kind in (Existence, Substitution, Occurrence, Repetition, Capitalization, Conditional, FrontMatterRule)
}
MAX_FILE_SIZE = 1024 * 1024


def load_styles(paths: list[str], base: Path, where: str) -> StyleSet:
    """The rules of the packs in the folders `paths` (relative to `base`, the configuration's
    folder), registered as rules; `where` is the configuration's `[style] paths`, as an error
    names it (`artlint.toml:3`)."""
    root = os.path.realpath(work_tree(base) or base)
    definitions: list[Definition] = []
    packs: dict[str, str] = {}
    for path in paths:
        folder = base / path
        shown = display_path(folder)
        if not folder.is_dir():
            raise PackError(f"{where}: style.paths: {path!r} is not a folder")
        _refuse_outside(folder, root, where)
        for pack in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if pack.name.startswith(".") or not pack.is_dir():
                continue
            files = sorted((entry for entry in os.scandir(pack.path) if entry.name.endswith(".toml") and entry.is_file()), key=lambda entry: entry.name)
            if not files:
                continue  # not a pack: a folder of something else
            pack_shown = f"{shown.rstrip('/')}/{pack.name}"
            if not NAME.fullmatch(pack.name):
                raise PackError(f"{pack_shown}: a pack's name is lower-case letters, digits and '-' (it names its rules: {pack.name}.RULE)")
            check_pack_name(pack.name, pack_shown)
            if pack.name in packs:
                raise PackError(f"{pack_shown}: a pack named {pack.name!r} is in {packs[pack.name]} already")
            packs[pack.name] = pack_shown
            for entry in files:
                _refuse_outside(Path(entry.path), root, where)
                definitions += _read_file(Path(entry.path), pack.name)
    _refuse_twice(definitions)
    style_set = StyleSet(tuple(definitions), tuple(paths), packs)
    register(style_set)
    return style_set


def _refuse_outside(path: Path, root: str, where: str) -> None:
    real = os.path.realpath(path)
    if not within(real, root):
        shown = link_text(str(path), real) if path.is_symlink() else real
        raise PackError(f"{where}: style.paths: {display_path(path)} leads to {shown}, outside {root}: not read")


def _read_file(path: Path, pack: str) -> list[Definition]:
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_SIZE:
            raise PackError(f"{shown}: {size:,} bytes; a pack file may have at most {MAX_FILE_SIZE:,}")
        text, document = read_toml(path, "the pack file")
    except OSError as exc:
        raise PackError(f"{shown}: cannot read the pack file: {exc}") from None
    except TomlFileError as exc:
        raise PackError(str(exc)) from None
    lines = key_lines(text)
    for key in document:
        if key != "rule":
            raise PackError(f"{shown}:{lines.get((key,), 1)}: unknown key {key!r}: a pack file holds [[rule]] tables")
    tables = document.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise PackError(f"{shown}:{lines.get(('rule',), 1)}: rules are written as [[rule]] tables")
    return [_definition(RuleTable(table, shown, lines, index), pack) for index, table in enumerate(tables)]


def _definition(table: RuleTable, pack: str) -> Definition:
    name = table.get("name", "string", required=True)
    if not NAME.fullmatch(name):
        raise table.fail(f"name: {name!r}: a rule's name is lower-case letters, digits and '-' (house.no-utilize)", "name")
    table.name = f"{pack}.{name}"
    kind_name = table.choice("kind", tuple(KINDS))
    kind_class = KINDS[kind_name]
    severity = table.choice("severity", SEVERITIES, "warning")
    description = table.get("description", "string", "")
    link = table.get("link", "string", "")
    if link and not link.startswith(("https://", "http://")):
        raise table.fail(f"link: expected an http(s) URL, got {link!r}", "link")
    shared = kind_class.shared
    scopes = _scopes(table, kind_class) if "scope" in shared else ()
    ignore_case = table.get("ignore-case", "boolean", False) if "ignore-case" in shared else False
    whole_word = table.get("whole-word", "boolean", True) if "whole-word" in shared else True
    exceptions = table.tokens("exceptions") if "exceptions" in shared else ()
    table.finish((*BASE_KEYS, *shared, *kind_class.keys), kind_name)
    kind = kind_class.read(table)
    message = table.template(kind.fields, kind.message_default())
    place = f"{table.where}:{table.line()}"
    return Definition(table.name, pack, Severity.parse(severity), message, description, link, scopes, ignore_case, whole_word, exceptions, place, kind)


def _scopes(table: RuleTable, kind: type[Kind]) -> tuple[str, ...]:
    value: Any = table.value("scope")
    if value is None:
        return (kind.default_scope,)
    scopes = [value] if isinstance(value, str) else value
    if not isinstance(scopes, list) or not scopes or not all(isinstance(scope, str) for scope in scopes):
        raise table.fail("scope: expected a scope or a list of scopes", "scope")
    for scope in scopes:
        problem = scope_problem(scope)
        if problem:
            raise table.fail(f"scope: {problem}", "scope")
    return tuple(dict.fromkeys(scopes))


def _refuse_twice(definitions: list[Definition]) -> None:
    first: dict[str, Definition] = {}
    for definition in definitions:
        if definition.name in first:
            raise PackError(f"{definition.place}: rule {definition.name!r} is defined already, at {first[definition.name].place}")
        first[definition.name] = definition

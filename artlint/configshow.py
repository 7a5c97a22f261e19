"""`artlint config show [PATH]`: the settings that apply to a path, and where each comes from.

The path's settings are those of the configuration file that governs it (the nearest one, see
artlint.config), with the `[[overrides]]` that match it and the command line's --select and
--ignore; the run's own settings (fail-on, [network], [doi], [editor], [site]) are those of the
first file. Each line ends with the file and line it comes from, the command-line option, or
`default`. Lines are TOML: the output, trimmed of what is not wanted, is a configuration.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from artlint.config import Config, ConfigError, Override, _expand
from artlint.paths import display_path
from artlint.rules import all_rules
from artlint.tomllines import key_lines, table_key, toml_value

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

class _Source:
    """Where the settings of one configuration file were written."""

    def __init__(self, config: Config):
        self.path = config.path
        self.document: dict[str, Any] = {}
        self.lines: dict[tuple[Any, ...], int] = {}
        if config.path is None:
            return
        try:
            text = Path(config.path).read_text(encoding="utf-8")
            document = tomllib.loads(text)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(f"{display_path(config.path)}: cannot read the configuration: {exc}") from None
        pyproject = config.path.name == "pyproject.toml"
        self.document = document.get("tool", {}).get("artlint", {}) if pyproject else document
        self.lines = key_lines(text, ("tool", "artlint") if pyproject else ())

    def has(self, *path: Any) -> bool:
        value: Any = self.document
        for part in path:
            if isinstance(value, dict) and part in value:
                value = value[part]
            elif isinstance(value, list) and isinstance(part, int) and part < len(value):
                value = value[part]
            else:
                return False
        return True

    def where(self, *path: Any) -> str:
        shown = display_path(self.path) if self.path is not None else "?"
        while path:
            if path in self.lines:
                return f"{shown}:{self.lines[path]}"
            path = path[:-1]
        return shown


def _line(key: str, value: Any, source: str) -> str:
    if value is None:  # TOML has no null
        return f"# {key}: not set  # {source}"
    return f"{key} = {toml_value(value)}  # {source}"


def show(config: Config, path: str) -> str:
    """The effective settings for `path` (a file or folder), one TOML line each with its source."""
    probe = os.path.join(path, "-") if os.path.isdir(path) else path
    owner = config.governing(probe)
    relative = owner.relative(path)
    mine, run = _Source(owner), _Source(config)
    command_line = owner._command_line
    out = [f"# Settings for {display_path(Path(path))}" + (" (a file directly in it)" if os.path.isdir(path) else "")]
    if owner.path is None:
        out.append("# No configuration file: every setting is the default.")
    else:
        out.append(f"# Configuration: {display_path(owner.path)}")
        if owner is not config and config.path is not None:
            out.append(f"# The run's own settings (fail-on, [network], [doi], [editor], [site]) come from {display_path(config.path)}.")
    out.append("")

    if "select" in command_line:
        out.append(_line("select", owner.select, "--select"))
    elif mine.has("select"):
        out.append(_line("select", owner.select, mine.where("select")))
    else:
        out.append("# select: not set, the rules that are on by default run  # default")
    ignore_sources = [mine.where("ignore")] if mine.has("ignore") else []
    if "ignore" in command_line:
        ignore_sources.append("--ignore")
    out.append(_line("ignore", owner.ignore, ", ".join(ignore_sources) or "default"))
    if owner.extend_select:
        out.append(f"# extend-select (command line only): {toml_value(owner.extend_select)}  # --extend-select")
    for key in ("exclude", "extend-exclude", "extensions", "max-file-size"):
        value = getattr(owner, key.replace("-", "_"))
        out.append(_line(key, value, mine.where(key) if mine.has(key) else "default"))
    out.append(_line("fail-on", config.fail_on, run.where("fail-on") if run.has("fail-on") else "default"))

    for section, settings in (("network", config.network), ("doi", config.doi), ("editor", config.editor)):
        out.append("")
        out.append(f"[{section}]")
        for name in settings.__dataclass_fields__:
            key = name.replace("_", "-")
            out.append(_line(key, getattr(settings, name), run.where(section, key) if run.has(section, key) else "default"))
    if config.site:
        out.append("")
        out.append("[site]")
        for key, value in config.site.items():
            out.append(_line(key, value, run.where("site", key)))

    if owner.style is not None:
        out.append("")
        out.append("[style]")
        out.append(_line("paths", list(owner.style.folders), mine.where("style", "paths")))
        for pack, folder in owner.style.packs.items():
            count = sum(1 for rule in owner.style.rules if rule.pack == pack)
            out.append(f"# pack {pack}: {count} rule{'s' if count != 1 else ''} in {folder}")

    matched = [(index, override) for index, override in enumerate(owner.overrides) if override.paths.match(relative)]
    out.append("")
    for index, override in matched:
        out.append(f"# [[overrides]] at {mine.where('overrides', index)} applies: paths = {toml_value(list(override.paths.patterns))}")
        if override.select is not None:
            out.append(f"#   select = {toml_value(override.select)}  # {mine.where('overrides', index, 'select')}")
        if override.ignore:
            out.append(f"#   ignore = {toml_value(override.ignore)}  # {mine.where('overrides', index, 'ignore')}")
    out.extend(_rules(owner, relative, mine, matched))
    return "\n".join(out) + "\n"


def _rules(owner: Config, relative: str, mine: _Source, matched: list[tuple[int, Override]]) -> list[str]:
    out = []
    enabled = {settings.name: settings for settings in owner.rules_for(relative)}
    command_line = owner._command_line
    extended = _expand(owner.extend_select)
    for name, settings in enabled.items():
        rule = all_rules()[name]
        # Why it is on: the last of these that says so.
        if name in extended:
            why = "--extend-select"
        elif any(override.select is not None for _, override in matched):
            index = [index for index, override in matched if override.select is not None][-1]
            why = f"[[overrides]] select, {mine.where('overrides', index, 'select')}"
        elif "select" in command_line:
            why = "--select"
        elif mine.has("select"):
            why = f"select, {mine.where('select')}"
        elif not rule.enabled_by_default:
            why = f"severity set, {mine.where('rules', name, 'severity')}"
        else:
            why = "on by default"
        out.append("")
        out.append(f"[rules.{table_key(name)}]  # on: {why}")
        values: dict[str, tuple[Any, str]] = {"severity": (str(settings.severity), "default")}
        values.update({key: (value, "default") for key, value in rule.default_options().items()})
        layers: list[tuple[tuple[Any, ...], dict[str, Any]]] = [(("rules", name), owner.rules.get(name, {}))]
        layers += [(("overrides", index, "rules", name), override.rules.get(name, {})) for index, override in matched]
        for place, table in layers:
            for key in table:
                values[key] = (settings.options.get(key, table[key]) if key != "severity" else str(settings.severity), mine.where(*place, key))
        for key, (value, source) in values.items():
            out.append(_line(key, value, source))
    off = [name for name in all_rules() if name not in enabled]
    if off:
        out.append("")
        out.append(f"# off: {', '.join(off)}")
    return out

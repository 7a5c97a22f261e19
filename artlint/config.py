"""Configuration: finding the files, validating every key, and the settings for each path.

artlint reads ``artlint.toml``, ``.artlint.toml`` or ``[tool.artlint]`` in ``pyproject.toml``,
from the first directory that has one, walking up from the folder that holds every path named
(see start_folder): that file's settings govern the run. A configuration file in a folder below
it governs the files under that folder instead (the nearest one wins whole, as in ruff): their
rules, options, overrides, excludes, extensions and size limit; the run's own settings (network,
DOI resolver, fail-on) stay those of the first file. ``--config`` names one file for every path.
Every key, rule name, option and type is checked: a mistake is a ``ConfigError`` that names the
file, the line and, where it can, the key that was meant.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection, Mapping

from artlint.boundary import Boundary, link_text, nearest, relative_path, within, work_tree
from artlint.findings import SEVERITY_NAMES, Severity
from artlint.globs import GlobSet, glob_set
from artlint.lazyre import lazy
from artlint.options import LARGEST_NUMBER, check_form, check_type, describe
from artlint.paths import display_path
from artlint.rules import all_rules, builtin_rules, families
from artlint.tomllines import TomlFileError, key_lines, read_toml

if TYPE_CHECKING:
    from artlint.sites import Site, SiteIndex
    from artlint.style.scan import StyleSet

# TOML is read through artlint.tomllines; the tests take the reader from here.
if sys.version_info >= (3, 11):
    import tomllib  # noqa: F401
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # noqa: F401

CONFIG_FILES = ("artlint.toml", ".artlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (".*", "node_modules", "public")
DEFAULT_EXTENSIONS = ("md", "markdown")
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024


class ConfigError(Exception):
    """A configuration mistake; the message is one located line for the user."""


@dataclass(frozen=True)
class NetworkSettings:
    timeout: float = 10.0
    retries: int = 2
    concurrency: int = 32
    per_host: int = 8
    check_private: bool = False
    cache: str | None = None
    cache_ttl: int = 86400
    dns_canary: str = "example.com"  # a name that resolves wherever DNS works (see network/dns.py)


@dataclass(frozen=True)
class DoiSettings:
    resolver: str = "https://doi.org"


@dataclass(frozen=True)
class EditorSettings:
    """[editor]: what the language server (`artlint server`) does beyond the offline checks."""

    network_on_save: bool = False  # run the network rules on the saved file (never on keystrokes)


@dataclass(frozen=True)
class RuleSettings:
    """The effective severity and options of one enabled rule."""

    name: str
    severity: Severity
    options: Mapping[str, Any]


@dataclass
class Override:
    paths: GlobSet
    select: list[str] | None
    ignore: list[str]
    rules: dict[str, dict[str, Any]]


@dataclass
class Config:
    root: Path  # directory that relative globs and paths are resolved against
    path: Path | None = None  # the file read, if any
    project: Path | None = None  # the project corpus rules compare against (see engine.project_root)
    online: bool = False  # run the network rules' checks (the CLI's default; --offline turns it off)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)  # --extend-select: run these too (over the file's ignore)
    force_exclude: bool = False  # --force-exclude: `exclude` applies to the files named too
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    extensions: list[str] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    fail_on: str = "warning"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    network: NetworkSettings = field(default_factory=NetworkSettings)
    doi: DoiSettings = field(default_factory=DoiSettings)
    editor: EditorSettings = field(default_factory=EditorSettings)
    site: dict[str, Any] = field(default_factory=dict)  # [site]: what site detection got wrong (artlint.sites)
    style: "StyleSet | None" = None  # [style]: the user rules of the packs it names (artlint.style)
    boundary: Boundary = Boundary()  # the folders files may be read in (set by engine.run)
    nested: bool = False  # configuration files in folders below `root` govern those folders
    sites: "SiteIndex | None" = None  # the site model of each file (set by engine.run)
    _owners: dict[str, "Config"] = field(default_factory=dict, repr=False)  # folder -> its configuration
    _command_line: dict[str, Any] = field(default_factory=dict, repr=False)  # --select/--ignore, for nested ones too
    _resolved: dict[tuple[int, ...], tuple[RuleSettings, ...]] = field(default_factory=dict, repr=False)
    _bases: dict[Path, str] = field(default_factory=dict, repr=False)

    @property
    def exclude_globs(self) -> GlobSet:
        return glob_set(tuple(self.exclude + self.extend_exclude))

    def relative(self, path: "Path | str") -> str:
        """`path` relative to the config root, with forward slashes (for glob matching).
        Plain string work: called for every file, it must not touch the disk."""
        relative = relative_path(os.path.abspath(path), self._base())
        if relative == ".." or relative.startswith("../"):
            return os.fspath(path).replace(os.sep, "/")
        return relative

    def rules_for_path(self, path: "Path | str") -> tuple[RuleSettings, ...]:
        """The enabled rules for a file on disk, from the configuration that governs it (its
        relative path is only worked out when some `[[overrides]]` could apply)."""
        owner = self.governing(path)
        return owner.rules_for(owner.relative(path) if owner.overrides else "")

    def site_for(self, path: "Path | str") -> "Site | None":
        """The site the file belongs to (artlint.sites), once a run has modelled it."""
        return self.sites.site_for(os.fspath(path)) if self.sites is not None else None

    def max_file_size_for(self, path: "Path | str") -> int:
        return self.governing(path).max_file_size

    def adjust(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        extend_select: list[str] | None = None,
        force_exclude: bool = False,
    ) -> None:
        """The command line's --select (replacing), --ignore and --extend-ignore (adding),
        --extend-select (adding, and winning over the file's `ignore` and `severity = "off"`,
        as ruff's command line wins over its configuration) and --force-exclude, here and in
        every nested configuration."""
        if select is not None:
            self.select = list(select)
            self._command_line["select"] = list(select)
        if ignore:
            self.ignore = self.ignore + list(ignore)
            self._command_line["ignore"] = list(ignore)
        if extend_select:
            self.extend_select = list(extend_select)
            self._command_line["extend_select"] = list(extend_select)
        if force_exclude:
            self.force_exclude = True
            self._command_line["force_exclude"] = True
        self._resolved.clear()

    def excluded_by_name(self, path: str) -> bool:
        """Whether `exclude` or `extend-exclude` of the configuration that governs `path` names
        it or a folder it is in (for --force-exclude: a walk never enters those)."""
        owner = self.governing(os.path.join(path, "-") if os.path.isdir(path) else path)
        relative = owner.relative(path)
        if relative in ("", ".") or relative.startswith("../") or os.path.isabs(relative):
            return False
        globs = owner.exclude_globs
        parts = relative.split("/")
        return any(globs.match("/".join(parts[: index + 1])) for index in range(len(parts)))

    @property
    def has_nested(self) -> bool:
        """Whether some file of this run is governed by another configuration file."""
        return any(owner is not self for owner in self._owners.values())

    def governing(self, path: "Path | str") -> "Config":
        """The configuration of a file: the nearest configuration file in its folder or one
        above it, up to this one's folder."""
        if not self.nested:
            return self
        return self.folder_config(os.path.dirname(os.path.abspath(path)))

    def folder_config(self, folder: str, names: Collection[str] | None = None) -> "Config":
        """The configuration that governs the files directly in `folder` (absolute and normal).
        `names`, the folder's entries when the caller listed it already, saves looking for
        configuration files one by one."""
        if not self.nested:
            return self
        return nearest(folder, self._base(), self._owners, self._nested_config, lambda: self, names, probe_top=False)

    def _nested_config(self, folder: str, names: Collection[str] | None) -> "Config | None":
        """The configuration of a file in `folder` below this one's, if it has one."""
        path = _config_file_in(Path(folder), names)
        if path is None:
            return None
        child = load_config(str(path))
        child.adjust(**self._command_line)
        child.boundary = self.boundary
        return child

    def _base(self) -> str:
        base = self._bases.get(self.root)
        if base is None:
            base = self._bases[self.root] = os.path.abspath(self.root)
        return base

    def rules_for(self, relative_path: str) -> tuple[RuleSettings, ...]:
        """The enabled rules, with severities and options, for one file."""
        matched = tuple(i for i, override in enumerate(self.overrides) if override.paths.match(relative_path)) if self.overrides else ()
        cached = self._resolved.get(matched)
        if cached is None:
            cached = self._resolve([self.overrides[i] for i in matched])
            self._resolved[matched] = cached
        return cached

    def _resolve(self, overrides: list[Override]) -> tuple[RuleSettings, ...]:
        select, ignore = self.select, list(self.ignore)
        settings = {name: dict(values) for name, values in self.rules.items()}
        for override in overrides:
            if override.select is not None:
                select = override.select
            ignore += override.ignore
            for name, values in override.rules.items():
                settings.setdefault(name, {}).update(values)
        selected = _expand(select) if select is not None else None
        ignored = _expand(ignore)
        extended = _expand(self.extend_select) - _expand(self._command_line.get("ignore", [])) if self.extend_select else set()
        result = []
        own = self.style.names if self.style is not None else frozenset()
        for name, rule in all_rules().items():
            if rule.defined_in and name not in own:
                continue  # a user rule of packs that another configuration file names
            values = settings.get(name, {})
            severity_name = values.get("severity")
            if name in extended:
                pass  # --extend-select: on, whatever the configuration says
            elif name in ignored or severity_name == "off":
                continue
            elif selected is None:
                if not rule.enabled_by_default and severity_name is None:
                    continue
            elif name not in selected:
                continue
            severity = Severity.parse(severity_name) if severity_name and severity_name != "off" else rule.severity
            options = rule.default_options()
            options.update({key: value for key, value in values.items() if key != "severity"})
            if rule.defined_in and self.style is not None:
                options.update(self.style.options)  # which packs' rule of that name it is
            result.append(RuleSettings(name, severity, options))
        return tuple(result)


def _expand(selectors: list[str]) -> set[str]:
    names: set[str] = set()
    for selector in selectors:
        if selector == "ALL":
            names.update(all_rules())
        elif selector in all_rules():
            names.add(selector)
        else:
            names.update(name for name, rule in all_rules().items() if rule.family == selector)
    return names


# --------------------------------------------------------------------------- finding and loading


def find_config_file(start: Path) -> Path | None:
    """The first config file found walking up from `start`."""
    directory = start.resolve()
    while True:
        found = _config_file_in(directory)
        if found is not None:
            return found
        if directory.parent == directory:
            return None
        directory = directory.parent


def _config_file_in(directory: Path, names: Collection[str] | None = None) -> Path | None:
    """The configuration file in `directory`, if it has one (`names`: its entries, if known)."""
    for name in CONFIG_FILES:
        if names is not None and name not in names:
            continue
        candidate = directory / name
        _refuse_link_out(candidate)
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
            return candidate
    return None


def _refuse_link_out(candidate: Path) -> None:
    """A configuration file committed as a symbolic link out of its repository (to
    /proc/self/environ, say) is not read: parts of it could appear in error messages. Outside
    a repository, the link must stay in its own folder. A file named by --config is read."""
    if not candidate.is_symlink():
        return
    root = str(work_tree(candidate.parent) or candidate.parent)
    target = os.path.realpath(candidate)
    if not within(target, root):
        shown = link_text(str(candidate), target)
        raise ConfigError(f"{display_path(candidate)}: a symbolic link to {shown}, outside {root}: not read")


def _has_tool_section(pyproject: Path) -> bool:
    try:
        # [tool.artlint], [tool.artlint.rules...] or an array of tables ([[tool.artlint.overrides]]).
        return re.search(r"^\[\[?tool\.artlint[\].]", pyproject.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def start_folder(arguments: list[str]) -> Path:
    """Where the configuration of a run over `arguments` is looked for: the deepest folder that
    holds every file and folder named, so that a site checked from anywhere finds its own
    configuration (as ruff does), not the one around the working directory."""
    places = [os.path.abspath(argument) for argument in arguments if argument != "-"] or [os.getcwd()]
    folders = [place if os.path.isdir(place) else os.path.dirname(place) for place in places]
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # paths on different drives
        return Path.cwd()


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """Load the configuration named on the command line, or the one found from `start`."""
    start = start or Path.cwd()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
    else:
        found = find_config_file(start)
        if found is None:
            return Config(root=start, nested=True)
        path = found
    try:
        text, document = read_toml(path, "the configuration")
    except TomlFileError as exc:
        raise ConfigError(str(exc)) from None
    if path.name == "pyproject.toml":
        document = document.get("tool", {}).get("artlint", {})
        if not isinstance(document, dict):
            raise ConfigError(f"{display_path(path)}: [tool.artlint] must be a table")
    config = parse_config(document, path, text)
    config.nested = explicit is None
    return config


# --------------------------------------------------------------------------- validation

_TOP_KEYS = {
    "select",
    "ignore",
    "exclude",
    "extend-exclude",
    "extensions",
    "fail-on",
    "max-file-size",
    "rules",
    "overrides",
    "network",
    "doi",
    "site",
    "editor",
    "style",
}
_NETWORK_KEYS = {
    "timeout": "number",
    "retries": "integer",
    "concurrency": "integer",
    "per-host": "integer",
    "check-private": "boolean",
    "cache": "string",
    "cache-ttl": "duration",
    "dns-canary": "string",
}
_DOI_KEYS = {"resolver": "string"}
_EDITOR_KEYS = {"network-on-save": "boolean"}
_SITE_KEYS = {
    "generator": "string", "content": "list[string]", "static": "list[string]", "languages": "list[string]",
    "permalinks": "table[string]", "verbatim-shortcodes": "list[string]", "drafts": "boolean",
}
_STYLE_KEYS = {"paths": "list[string]"}
_OVERRIDE_KEYS = {"paths", "select", "ignore", "rules"}
_DURATION = lazy(r"(\d+)\s*([smhdw]?)")
_DURATION_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
# (lowest, highest) of the numbers whose absurd values would stall or break a run.
_LIMITS = {
    "max-file-size": (1, 1 << 31),
    "network.timeout": (0.001, 3600),
    "network.retries": (0, 20),
    "network.concurrency": (1, 1024),
    "network.per-host": (1, 1024),
    "network.cache-ttl": (0, 10 * 366 * 86400),
}


class _Validator:
    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text

    def fail(self, key: str, message: str) -> ConfigError:
        line = self.line_of(key)
        shown = display_path(self.path)
        place = f"{shown}:{line}" if line else shown
        return ConfigError(f"{place}: {message}")

    def line_of(self, key: str) -> int | None:
        leaf = key.rsplit(".", 1)[-1]
        patterns = [
            rf'^[ \t]*"?{re.escape(leaf)}"?[ \t]*=',
            rf"^[ \t]*\[+[^\]\n]*{re.escape(leaf)}[^\]\n]*\]",
            rf'"{re.escape(leaf)}"',
            rf"\b{re.escape(leaf)}\b",
        ]
        for pattern in patterns:
            match = re.search(pattern, self.text, re.M)
            if match:
                return self.text.count("\n", 0, match.start()) + 1
        return None

    def unknown(self, where: str, key: str, known: set[str] | list[str]) -> ConfigError:
        hint = difflib.get_close_matches(key, list(known), n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        return self.fail(key, f"unknown key {key!r} in {where}{suggestion}")

    def typed(self, key: str, value: Any, spec: str) -> Any:
        problem = check_type(spec, value)
        if problem:
            raise self.fail(key, f"{key}: {problem}")
        return value

    def selectors(self, key: str, values: Any) -> list[str]:
        self.typed(key, values, "list[string]")
        known = ["ALL", *families(), *all_rules()]
        for value in values:
            if value not in known:
                hint = difflib.get_close_matches(value, known, n=1)
                suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
                raise self.fail(value, f"{key}: unknown rule or family {value!r}{suggestion}")
        return list(values)

    def rule_table(self, where: str, table: Any) -> dict[str, dict[str, Any]]:
        if not isinstance(table, dict):
            raise self.fail("rules", f"{where} must be a table of [rules.RULE-NAME] tables")
        result = {}
        for name, values in table.items():
            rule = all_rules().get(name)
            if rule is None:
                raise self.unknown(where, name, set(all_rules()))
            if not isinstance(values, dict):
                raise self.fail(name, f"{where}.{name} must be a table, got {describe(values)}")
            for key, value in values.items():
                if key == "severity":
                    if value not in (*SEVERITY_NAMES, "off"):
                        raise self.fail(
                            key, f"{where}.{name}.severity: expected one of 'error', 'warning', 'info', 'off'"
                        )
                    continue
                option = rule.options.get(key)
                if option is None:
                    raise self.unknown(f"{where}.{name}", key, {"severity", *rule.options})
                problem = option.check(value)
                if problem:
                    raise self.fail(key, f"{where}.{name}.{key}: {problem}")
            result[name] = dict(values)
        return result

    def section(self, name: str, value: Any, schema: dict[str, str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(name, f"[{name}] must be a table")
        result = {}
        for key, item in value.items():
            spec = schema.get(key)
            if spec is None:
                raise self.unknown(f"[{name}]", key, set(schema))
            if spec == "duration":
                result[key] = self.duration(key, item)
                continue
            self.typed(key, item, spec)
            if spec in ("integer", "number") and item < (0 if key == "retries" else 1e-9):
                raise self.fail(key, f"{name}.{key}: must be positive, got {item}")
            self.within_limits(f"{name}.{key}", item)
            result[key] = item
        return result

    def within_limits(self, key: str, value: int | float) -> None:
        limits = _LIMITS.get(key)
        if limits is not None and not limits[0] <= value <= limits[1]:
            low, high = limits
            raise self.fail(key, f"{key}: expected {_number(low)} to {_number(high)}, got {_number(value)}")

    def globs(self, key: str, patterns: Any) -> list[str]:
        """Glob patterns that compile (a bad character range is a located error, not a crash)."""
        self.typed(key, patterns, "list[string]")
        problem = check_form("glob", patterns)
        if problem:
            raise self.fail(key, f"{key}: {problem}")
        return list(patterns)

    def duration(self, key: str, value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            self.within_limits(f"network.{key}", value)
            return value
        if isinstance(value, str):
            match = _DURATION.fullmatch(value.strip())
            if match:
                seconds = int(match.group(1)) * _DURATION_UNITS[match.group(2)]
                self.within_limits(f"network.{key}", seconds)
                return seconds
        raise self.fail(key, f"{key}: expected seconds or a duration such as '12h' or '1d', got {describe(value)}")


def _number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def parse_config(document: dict[str, Any], path: Path, text: str = "") -> Config:
    check = _Validator(path, text)
    for key in document:
        if key not in _TOP_KEYS:
            raise check.unknown("the configuration", key, _TOP_KEYS)
    config = Config(root=path.parent.resolve(), path=path)
    if "style" in document:  # first: select, ignore and [rules] may name its rules
        config.style = _style(check, document["style"], path)
    if "select" in document:
        config.select = check.selectors("select", document["select"])
    if "ignore" in document:
        config.ignore = check.selectors("ignore", document["ignore"])
    if "exclude" in document:
        config.exclude = check.globs("exclude", document["exclude"])
    if "extend-exclude" in document:
        config.extend_exclude = check.globs("extend-exclude", document["extend-exclude"])
    if "extensions" in document:
        extensions = check.typed("extensions", document["extensions"], "list[string]")
        config.extensions = [extension.lstrip(".") for extension in extensions]
    if "fail-on" in document:
        value = check.typed("fail-on", document["fail-on"], "string")
        if value not in FAIL_ON_CHOICES:
            raise check.fail("fail-on", f"fail-on: expected one of {', '.join(FAIL_ON_CHOICES)}, got {value!r}")
        config.fail_on = value
    if "max-file-size" in document:
        config.max_file_size = check.typed("max-file-size", document["max-file-size"], "integer")
        check.within_limits("max-file-size", config.max_file_size)
    if "rules" in document:
        config.rules = check.rule_table("[rules]", document["rules"])
    if "overrides" in document:
        config.overrides = _overrides(check, document["overrides"])
    if "network" in document:
        values = check.section("network", document["network"], _NETWORK_KEYS)
        config.network = NetworkSettings(
            **{key.replace("-", "_"): value for key, value in values.items()}
        )
    if "doi" in document:
        values = check.section("doi", document["doi"], _DOI_KEYS)
        if not re.match(r"https?://[^/\s]+", values.get("resolver", "https://doi.org")):
            raise check.fail("resolver", "doi.resolver: expected an http(s) URL")
        config.doi = DoiSettings(**values)
    if "site" in document:
        config.site = _site_settings(check, document["site"])
    if "editor" in document:
        values = check.section("editor", document["editor"], _EDITOR_KEYS)
        config.editor = EditorSettings(**{key.replace("-", "_"): value for key, value in values.items()})
    return config


def _style(check: _Validator, value: Any, path: Path) -> "StyleSet":
    # Imported here: only a configuration with [style] reads style packs (start-up speed).
    from artlint.style.definition import PackError
    from artlint.style.loader import load_styles

    values = check.section("style", value, _STYLE_KEYS)
    line = key_lines(check.text).get(("tool", "artlint", "style", "paths") if path.name == "pyproject.toml" else ("style", "paths"))
    where = f"{display_path(path)}:{line}" if line else display_path(path)
    try:
        return load_styles(values.get("paths", []), path.parent.resolve(), where)
    except PackError as exc:
        raise ConfigError(str(exc)) from None


def _site_settings(check: _Validator, value: Any) -> dict[str, Any]:
    from artlint.sites import GENERATORS  # imported here: only a [site] table needs the site model (start-up speed)

    values = check.section("site", value, _SITE_KEYS)
    if "generator" in values and values["generator"] not in GENERATORS:
        raise check.fail("generator", f"site.generator: expected one of {', '.join(GENERATORS)}, got {values['generator']!r}")
    return values


def _overrides(check: _Validator, value: Any) -> list[Override]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise check.fail("overrides", "overrides must be written as [[overrides]] tables")
    result = []
    for item in value:
        for key in item:
            if key not in _OVERRIDE_KEYS:
                raise check.unknown("[[overrides]]", key, _OVERRIDE_KEYS)
        if "paths" not in item:
            raise check.fail("overrides", "each [[overrides]] needs paths = [globs]")
        paths = check.globs("paths", item["paths"])
        select = check.selectors("select", item["select"]) if "select" in item else None
        ignore = check.selectors("ignore", item["ignore"]) if "ignore" in item else []
        rules = check.rule_table("[overrides.rules]", item.get("rules", {}))
        result.append(Override(GlobSet(paths), select, ignore, rules))
    return result


# --------------------------------------------------------------------------- JSON Schema

# What each setting does: the schema's descriptions (editors show them on hover). A test
# checks that every key the validator knows has one.
_DESCRIPTIONS = {
    "select": "Rules or families to run (ALL for every rule); default: every rule that is on by default.",
    "ignore": "Rules or families not to run.",
    "exclude": "Globs of files and folders not walked; setting it replaces the default (.*, node_modules, public).",
    "extend-exclude": "Globs of files and folders not walked, added to exclude.",
    "extensions": "File extensions checked when a folder is walked.",
    "fail-on": "The lowest severity that makes the exit code 1.",
    "max-file-size": "Bytes; larger files get file-too-large and are not parsed.",
    "rules": "Each rule's severity and options, as [rules.RULE-NAME] tables.",
    "overrides": "Settings for some paths only, as [[overrides]] tables.",
    "network": "Settings of the network rules (links, images, DOIs).",
    "doi": "How DOIs are resolved.",
    "site": "Corrections to the site model that detection found (`artlint site` prints it).",
    "editor": "What the language server (artlint server) does beyond the offline checks.",
    "style": "User rules: folders of style packs (docs/style-rules.md).",
    "style.paths": "Folders, relative to this file, whose sub-folders are style packs of [[rule]] tables in *.toml files.",
    "network.timeout": "Seconds without a byte of the answer before a request is given up.",
    "network.retries": "Retries of a request after a 5xx, 408, 429 or a timeout.",
    "network.concurrency": "Requests at once, in all.",
    "network.per-host": "Requests at once to one server (host and port).",
    "network.check-private": "Allow loopback and private addresses.",
    "network.cache": "Where results are cached: a folder inside the project (ARTLINT_CACHE_DIR for elsewhere).",
    "network.cache-ttl": "How long a network outcome is cached: seconds, or a duration such as 30m, 12h, 1d, 1w.",
    "network.dns-canary": "A name that exists: 'no such host' counts as broken only while it resolves.",
    "doi.resolver": "The DOI resolver, an http(s) URL.",
    "editor.network-on-save": "Run the network rules on the saved file.",
    "site.generator": "The site's generator.",
    "site.content": "Content folders, relative to this file.",
    "site.static": "Folders served at the site's root, relative to this file.",
    "site.languages": "The site's languages, the default first.",
    "site.permalinks": "Permalink patterns by section or kind.",
    "site.verbatim-shortcodes": "Hugo paired shortcodes whose body is data (a chart, a diagram), not markdown, besides the well-known ones.",
    "site.drafts": "Check the text of drafts that the generator's default build leaves out (`draft: true`, `published: false`); "
    "by default only their front matter is checked.",
    "overrides.paths": "Globs of the files these settings apply to.",
    "overrides.select": "Rules or families to run on these files, instead of select.",
    "overrides.ignore": "Rules or families not to run on these files, added to ignore.",
    "overrides.rules": "Rule severities and options for these files.",
    "severity": "The rule's severity, or off.",
}
_DEFAULTS: dict[str, Any] = {
    "exclude": list(DEFAULT_EXCLUDE),
    "extensions": list(DEFAULT_EXTENSIONS),
    "fail-on": "warning",
    "max-file-size": DEFAULT_MAX_FILE_SIZE,
}


def _type_schema(spec: str, choices: tuple[str, ...] = (), form: str = "") -> dict[str, Any]:
    """The JSON Schema of an options.py type (`list[string]`, `table[integer]`...)."""
    if spec.startswith("list[") and spec.endswith("]"):
        return {"type": "array", "items": _type_schema(spec[5:-1], choices, form)}
    if spec.startswith("table[") and spec.endswith("]"):
        return {"type": "object", "additionalProperties": _type_schema(spec[6:-1], choices, form)}
    if spec == "duration":
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^\s*\d+\s*[smhdw]?\s*$"},
            ]
        }
    result: dict[str, Any] = {"type": spec}
    if spec in ("integer", "number"):
        result.update(minimum=-LARGEST_NUMBER, maximum=LARGEST_NUMBER)
    if choices:
        result["enum"] = list(choices)
    if form == "regex":
        result["format"] = "regex"
    return result


def _section_schema(name: str, keys: dict[str, str], defaults: Any = None) -> dict[str, Any]:
    """A table the validator reads with _Validator.section: its types, the positive numbers
    that section() requires and the ranges of _LIMITS."""
    properties = {}
    for key, spec in keys.items():
        schema = _type_schema(spec)
        if spec in ("integer", "number"):
            schema["minimum"] = 0 if key == "retries" else (1 if spec == "integer" else 1e-9)
        limits = _LIMITS.get(f"{name}.{key}")
        if limits is not None:
            target = schema["anyOf"][0] if "anyOf" in schema else schema
            target["minimum"], target["maximum"] = limits
        schema["description"] = _DESCRIPTIONS[f"{name}.{key}"]
        if defaults is not None:
            schema["default"] = getattr(defaults, key.replace("-", "_"))
        properties[key] = schema
    return {"type": "object", "description": _DESCRIPTIONS[name], "properties": properties, "additionalProperties": False}


def _selectors_schema(description: str) -> dict[str, Any]:
    # allOf: beside a $ref, draft-07 reads no other keyword (the description would be lost).
    return {"description": description, "allOf": [{"$ref": "#/definitions/selectors"}]}


def _rules_schema(description: str) -> dict[str, Any]:
    return {"description": description, "allOf": [{"$ref": "#/definitions/rules"}]}


# A user rule of a style pack (`house.no-utilize`): the schema cannot know the packs, which
# `artlint check` reads and checks. A pack named alone (`house`) is left to it too: it cannot be
# told from a mistyped family.
_USER_RULE_NAME = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*$"}


def _builtin_families() -> list[str]:
    return sorted({rule.family for rule in builtin_rules().values()})


def _rules_definition() -> dict[str, Any]:
    rules = {}
    for name, rule in builtin_rules().items():
        properties: dict[str, Any] = {
            "severity": {"enum": [*SEVERITY_NAMES, "off"], "default": str(rule.severity), "description": _DESCRIPTIONS["severity"]}
        }
        for key, option in rule.options.items():
            schema = _type_schema(option.type, option.choices, option.form)
            schema["description"] = option.description
            schema["default"] = _plain(option.default)
            properties[key] = schema
        rules[name] = {"type": "object", "description": rule.summary(), "properties": properties, "additionalProperties": False}
    user_rule = {
        "type": "object",
        "description": "A user rule of a style pack: its severity.",
        "properties": {"severity": {"enum": [*SEVERITY_NAMES, "off"], "description": _DESCRIPTIONS["severity"]}},
        "additionalProperties": False,
    }
    return {"type": "object", "properties": rules, "patternProperties": {_USER_RULE_NAME["pattern"]: user_rule}, "additionalProperties": False}


def _plain(value: Any) -> Any:
    """A default as JSON holds it (tuples and sets as lists)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07, which Taplo and Even Better TOML read) of artlint.toml and of [tool.artlint], built from the
    tables the validator checks with: what it accepts, the schema accepts, but for what no schema
    can say (a glob that does not compile) and TOML's floats with no fraction, which JSON Schema
    takes for integers. `artlint config schema` prints it; artlint/config.schema.json is a copy."""
    from artlint.sites import GENERATORS  # imported here, as in _site_settings

    def top(key: str, schema: dict[str, Any]) -> dict[str, Any]:
        schema = {**schema, "description": _DESCRIPTIONS[key]}
        if key in _DEFAULTS:
            schema["default"] = _DEFAULTS[key]
        return schema

    site = _section_schema("site", _SITE_KEYS)
    site["properties"]["generator"]["enum"] = list(GENERATORS)
    doi = _section_schema("doi", _DOI_KEYS, DoiSettings())
    doi["properties"]["resolver"]["pattern"] = r"^https?://[^/\s]+"
    low, high = _LIMITS["max-file-size"]
    override = {
        "type": "object",
        "required": ["paths"],
        "properties": {
            "paths": {"type": "array", "items": {"type": "string"}, "description": _DESCRIPTIONS["overrides.paths"]},
            "select": _selectors_schema(_DESCRIPTIONS["overrides.select"]),
            "ignore": _selectors_schema(_DESCRIPTIONS["overrides.ignore"]),
            "rules": _rules_schema(_DESCRIPTIONS["overrides.rules"]),
        },
        "additionalProperties": False,
    }
    properties = {
        "select": _selectors_schema(_DESCRIPTIONS["select"]),
        "ignore": _selectors_schema(_DESCRIPTIONS["ignore"]),
        "exclude": top("exclude", {"type": "array", "items": {"type": "string"}}),
        "extend-exclude": top("extend-exclude", {"type": "array", "items": {"type": "string"}}),
        "extensions": top("extensions", {"type": "array", "items": {"type": "string"}}),
        "fail-on": top("fail-on", {"enum": list(FAIL_ON_CHOICES)}),
        "max-file-size": top("max-file-size", {"type": "integer", "minimum": low, "maximum": high}),
        "rules": _rules_schema(_DESCRIPTIONS["rules"]),
        "overrides": {"type": "array", "description": _DESCRIPTIONS["overrides"], "items": override},
        "network": _section_schema("network", _NETWORK_KEYS, NetworkSettings()),
        "doi": doi,
        "site": site,
        "editor": _section_schema("editor", _EDITOR_KEYS, EditorSettings()),
        "style": _section_schema("style", _STYLE_KEYS),
    }
    assert set(properties) == _TOP_KEYS, "every top-level key the validator knows has a schema"
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "artlint configuration (artlint.toml, .artlint.toml, [tool.artlint] in pyproject.toml)",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "definitions": {
            "selectors": {"type": "array", "items": {"anyOf": [{"enum": ["ALL", *_builtin_families(), *builtin_rules()]}, _USER_RULE_NAME]}},
            "rules": _rules_definition(),
        },
    }


def pyproject_schema() -> dict[str, Any]:
    """A schema for pyproject.toml that checks [tool.artlint] only (its other tables as they are)."""
    schema = json_schema()
    inner = {key: value for key, value in schema.items() if key not in ("$schema", "definitions")}
    return {
        "$schema": schema["$schema"],
        "title": "pyproject.toml with [tool.artlint]",
        "type": "object",
        "properties": {"tool": {"type": "object", "properties": {"artlint": inner}}},
        "definitions": schema["definitions"],
    }


def schema_text(pyproject: bool = False) -> str:
    """The schema as `artlint config schema` prints it and artlint/config.schema.json holds it."""
    import json  # imported here: a run reads configurations, it never writes JSON from here

    return json.dumps(pyproject_schema() if pyproject else json_schema(), indent=2, ensure_ascii=False) + "\n"

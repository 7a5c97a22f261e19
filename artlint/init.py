"""`artlint init`: a first `artlint.toml` for a site, with the settings that fit it.

The site is modelled as a check would model it (artlint.sites: generator, content folders,
languages), its articles' front matter is read with the project's own parser, and every setting
written says in a comment why it was chosen. Nothing is written over an existing configuration.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artlint import data
from artlint.config import DEFAULT_EXCLUDE, Config, _has_tool_section
from artlint.discovery import discover
from artlint.engine import prepare_run
from artlint.siteinfo import front_matter_data
from artlint.sites import DATE_ALIASES, GENERATORS, Site

# A key goes into [rules.front-matter-required] keys when at least this share of articles has it.
REQUIRED_SHARE = 0.8
# Folders that hold no articles of the site when they exist: (name, why, generators it is for; () = any).
_NOT_ARTICLES = (
    ("themes", "a theme's templates and demo content", ()),
    ("theme", "a theme's templates and demo content", ()),
    ("build", "build output", ()),
    ("dist", "build output", ()),
    ("_site", "Jekyll's build output", ()),
    ("site", "MkDocs' build output", ("mkdocs",)),
    ("resources", "Hugo's generated resources", ("hugo",)),
    ("vendor", "bundled dependencies", ()),
    ("out", "build output", ()),
)
# A dependency in package.json that names the generator when no configuration file was found.
_PACKAGES = (
    ("@docusaurus/core", "docusaurus"), ("vitepress", "vitepress"), ("vuepress", "vuepress"), ("@rspress/core", "rspress"),
    ("rspress", "rspress"), ("@nuxt/content", "nuxt"), ('"hexo"', "hexo"), ("@11ty/eleventy", "eleventy"),
)


class ExistingConfiguration(Exception):
    """DIR has a configuration already; the message names the file."""


@dataclass
class Survey:
    """What `init` found in a folder."""

    folder: str
    sites: list[Site] = field(default_factory=list)
    files: int = 0
    articles: int = 0  # articles with front matter that reads as a table
    keys: Counter = field(default_factory=Counter)  # key -> articles that have it, not empty
    dated_otherwise: int = 0  # articles without `date` that front-matter-required asks none of
    generator_hint: tuple[str, str] | None = None  # (generator, why) when detection needs help
    not_articles: list[tuple[str, str]] = field(default_factory=list)  # (glob, why)


def existing_configuration(folder: str) -> str | None:
    """The configuration file `folder` has already, if any."""
    for name in ("artlint.toml", ".artlint.toml"):
        if os.path.lexists(os.path.join(folder, name)):
            return os.path.normpath(os.path.join(folder, name))
    pyproject = os.path.normpath(os.path.join(folder, "pyproject.toml"))
    if os.path.isfile(pyproject) and _has_tool_section(Path(pyproject)):
        return pyproject + " [tool.artlint]"
    return None


def survey(folder: str) -> Survey:
    folder = os.path.abspath(folder)
    config = Config(root=Path(folder), nested=True)
    index = prepare_run([folder], config)
    files, _ = discover([folder], config)
    found = Survey(folder)
    sites: dict[str, Site] = {}
    for path, _ in files:
        site = index.site_for(path)
        sites.setdefault(site.root, site)
        matter = front_matter_data(path, config.max_file_size, site)
        page = site.page(os.path.abspath(path), matter)
        found.files += 1
        if page.kind != "article" or matter is None:
            continue
        found.articles += 1
        present = {key.lower() if site.generator == "hugo" else key for key, value in matter.items() if isinstance(key, str) and not _empty(value)}
        if "date" not in present and _dated_otherwise(site, path, page, matter):
            present.add("date")  # as front-matter-required reads it: this article needs no `date`
            found.dated_otherwise += 1
        found.keys.update(present)
    if not sites:
        sites[folder] = index.folder_site(folder)
    found.sites = [sites[root] for root in sorted(sites)]
    found.generator_hint = _generator_hint(folder, found.sites)
    found.not_articles = _not_articles(folder, found.sites)
    return found


def _dated_otherwise(site: Site, path: str, page: Any, matter: dict) -> bool:
    """Whether front-matter-required leaves `date` out for this article: its file name or
    another key the generator reads dates it, or its section dates no page."""
    if page.date_from_name or any(not _empty(matter.get(key)) and not isinstance(matter.get(key), bool) for key in DATE_ALIASES):
        return True
    return not site.dates_expected(os.path.abspath(path))


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, (list, dict)) and not value)


def _generator_hint(folder: str, sites: list[Site]) -> tuple[str, str] | None:
    """A generator that package.json names when detection found none (a configuration file
    written in code elsewhere, or generated)."""
    if [site.generator for site in sites] != ["plain"]:
        return None
    try:
        with open(os.path.join(folder, "package.json"), encoding="utf-8") as handle:
            text = handle.read(1 << 20)
    except (OSError, UnicodeDecodeError):
        return None
    for needle, generator in _PACKAGES:
        if needle in text:
            return generator, f"package.json depends on {needle.strip(chr(34))}, but no {generator} configuration file was found"
    return None


def _not_articles(folder: str, sites: list[Site]) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for root in dict.fromkeys([folder, *(site.root for site in sites)]):
        generators = {site.generator for site in sites if site.root == root} or {"plain"}
        for name, why, only in _NOT_ARTICLES:
            path = os.path.join(root, name)
            if (only and not generators & set(only)) or name in DEFAULT_EXCLUDE or not os.path.isdir(path) or os.path.islink(path):
                continue
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            if relative.startswith(".."):
                continue
            found.setdefault(f"{relative}/**", why)
    return sorted(found.items())


def _toml(value: Any) -> str:
    """A TOML value (strings as JSON writes them, which TOML reads the same)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml(key)} = {_toml(item)}" for key, item in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _percent(count: int, total: int) -> str:
    return f"{100 * count // total} %"


def configuration_text(found: Survey) -> str:
    """The commented artlint.toml for what `survey` found."""
    lines = [
        "# artlint configuration, written by `artlint init` from what it found in this folder.",
        "# Every setting says why it was chosen; change or delete any of them. All settings:",
        "# README.md, section Configuration; `artlint config show` prints the effective ones.",
        "",
    ]
    for site in found.sites:
        where = os.path.relpath(site.root, found.folder).replace(os.sep, "/")
        source = f"from {os.path.relpath(site.config_file, found.folder)}" if site.config_file else "no generator configuration found"
        lines.append(f"# Site in {where}: {site.generator} ({source}); content in {', '.join(site.content) or '-'}")
        if site.languages:
            lines.append(f"#   languages: {', '.join(site.languages)}")
    files, articles = found.files, found.articles
    lines.append(f"# {files} markdown file{'s' if files != 1 else ''} found, {articles} article{'s' if articles != 1 else ''} with front matter.")
    lines.append("")

    defaults = ", ".join(f'"{glob}"' for glob in DEFAULT_EXCLUDE)
    if found.not_articles:
        lines.append(f"# Folders here that hold no articles of the site (the defaults, {defaults}, stay excluded):")
        lines.append("extend-exclude = [")
        for glob, why in found.not_articles:
            lines.append(f"    {_toml(glob)},  # {why}")
        lines.append("]")
    else:
        lines.append(f"# No build output, theme or vendor folder here beyond the defaults ({defaults}):")
        lines.append("# extend-exclude = []")
    lines.append("")

    default_keys = data.load("front-matter")["required-keys"]
    lines.append("[rules.front-matter-required]")
    if found.articles:
        kept = sorted((key for key, count in found.keys.items() if count >= REQUIRED_SHARE * found.articles), key=lambda key: (-found.keys[key], key))
        least = min((found.keys[key] for key in kept), default=0)
        shares = ", ".join(f"{key} {_percent(found.keys[key], found.articles)}" for key in kept)
        threshold = int(REQUIRED_SHARE * 100)
        if kept and least == found.articles:
            lines.append(f"# All {found.articles} articles have these keys, not empty (a key is listed when {threshold} % of them have it).")
        elif kept:
            lines.append(f"# {_percent(least, found.articles)} or more of {found.articles} articles have these keys, not empty ({shares});")
            lines.append(f"# a key is listed when at least {threshold} % of the articles have it.")
        else:
            lines.append(f"# No key is in {threshold} % of the {found.articles} articles, not empty: nothing is required.")
        if found.dated_otherwise and "date" in found.keys:
            lines.append(
                f"# `date` counts as there for {found.dated_otherwise} article(s) dated by file name or another date key, or in an"
            )
            lines.append("# undated section: front-matter-required asks those for no `date`.")
        for key in default_keys:
            if key not in kept:
                lines.append(f"# {key!s} (required by default) is left out: {_percent(found.keys[key], found.articles)} of the articles have it.")
        lines.append(f"keys = {_toml(kept)}")
    else:
        lines.append(f"# No article with front matter was found: the default keys ({', '.join(default_keys)}) stay.")
        lines.append(f"# keys = {_toml(default_keys)}")
    lines.append("")

    lines.extend(_site_section(found))
    return "\n".join(lines) + "\n"


def _site_section(found: Survey) -> list[str]:
    """[site]: written when detection needs help, else commented out with what was detected."""
    if found.generator_hint is not None:
        generator, why = found.generator_hint
        return [
            f"# Site detection needs help: {why}.",
            "[site]",
            f"generator = {_toml(generator)}",
        ]
    lines = ["# Site detection found what `artlint site` prints; uncomment [site] to correct it."]
    if len(found.sites) != 1:
        lines.append(f"# ({len(found.sites)} sites were found here: [site] would apply to each of them.)")
    site = found.sites[0]
    relative = [os.path.relpath(os.path.join(site.root, path), found.folder).replace(os.sep, "/") for path in site.content]
    static = [os.path.relpath(os.path.join(site.root, path), found.folder).replace(os.sep, "/") for path in site.static]
    lines += [
        "# [site]",
        f"# generator = {_toml(site.generator)}  # one of {', '.join(GENERATORS)}",
        f"# content = {_toml(relative)}",
        f"# static = {_toml(static)}",
        f"# languages = {_toml(list(site.languages))}",
    ]
    if site.permalinks:
        lines.append(f"# permalinks = {_toml(dict(site.permalinks))}")
    return lines


def write_configuration(folder: str) -> tuple[str, Survey]:
    """Write `folder`/artlint.toml; returns its path and the survey. Raises
    ExistingConfiguration when the folder has a configuration already."""
    existing = existing_configuration(folder)
    if existing is not None:
        raise ExistingConfiguration(existing)
    found = survey(folder)
    text = configuration_text(found)
    path = os.path.normpath(os.path.join(folder, "artlint.toml"))
    # "x": never over a file that appeared since the check above.
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path, found

"""Finding the files to check.

Directories are walked for files with the configured extensions, skipping what `exclude`
and `extend-exclude` name (by default hidden directories, `node_modules` and `public`); below
a folder with a configuration file of its own, its extensions and excludes apply.
Files named explicitly are always checked (pre-commit passes the changed files by name),
unless `--force-exclude` (config.force_exclude) applies `exclude` to them too.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from artlint.boundary import link_text
from artlint.config import Config
from artlint.paths import display_path
from artlint.testdata import holds_test_inputs
from artlint.vendored import vendored_dependencies

if TYPE_CHECKING:
    from artlint.sites import Site


class Found(NamedTuple):
    files: list[tuple[str, str]]  # (path, display path) of every file to check
    outside: list[tuple[str, str]]  # (display path, where it leads) of links out of the checked folder


def discover(arguments: list[str], config: Config, skip: frozenset[str] = frozenset(), unwalked: Counter | None = None) -> Found:
    """Every file to check, sorted by display path, each once; and, apart, the symbolic links
    that lead out of `config.boundary`, which are not read. Folders whose absolute paths are in
    `skip` are not entered. With `unwalked`, the `.mdx` files left out because `extensions` does
    not name them are counted there, by the root of their site ("" outside any). Plain strings: a site has tens of thousands of files, and most of
    them are only looked up in the cache."""
    found: dict[str, str] = {}
    outside: dict[str, str] = {}
    here = os.path.join(os.getcwd(), "")
    boundary = config.boundary
    for argument in arguments or ["."]:
        if config.force_exclude and config.excluded_by_name(argument):
            continue
        target = boundary.outside(argument)
        if target is not None:
            outside.setdefault(display_path(Path(argument)), link_text(argument, target))
        elif os.path.isdir(argument):
            for file, is_link in _walk(argument, config, skip, unwalked):
                # Folders are walked without following links: only a link itself can lead out.
                target = boundary.outside(file) if is_link else None
                if target is None:
                    found.setdefault(_display(file, here), file)
                else:
                    outside.setdefault(_display(file, here), link_text(file, target))
        else:
            found.setdefault(display_path(Path(argument)), argument)
    return Found([(found[display], display) for display in sorted(found)], sorted(outside.items()))


def _display(file: str, here: str) -> str:
    """What display_path gives, without pathlib: this runs for every file of a site."""
    if os.path.isabs(file):
        normal = os.path.normpath(file)
        if normal.startswith(here):
            return normal[len(here):].replace(os.sep, "/")
        return display_path(Path(file))
    normal = os.path.normpath(file)
    return normal.replace(os.sep, "/") if not normal.startswith("..") else display_path(Path(file))


def _prefix(top: str, config: Config) -> str:
    """What joins the paths of `top`'s entries to `top` relative to the configuration's folder
    ("" for the folder itself, or when globs must be matched relative to `top`: it is excluded
    itself, or lies outside)."""
    relative = config.relative(Path(top))
    if relative in ("", "."):
        return ""
    if relative.startswith("../") or os.path.isabs(relative) or config.exclude_globs.match(relative):
        return ""
    return relative + "/"


def _walk(top: str, config: Config, skip: frozenset[str] = frozenset(), unwalked: Counter | None = None):
    """(path, whether it is a symbolic link) of the files under `top` with one of the
    extensions; excluded folders are not entered, nor linked ones.

    Globs are matched against paths relative to the folder of the configuration that governs
    the folder listed; but when the folder given is itself excluded (a user who names
    `.github/` wants it checked) or lies outside that folder, against paths relative to the
    folder given. Plain strings: this runs for every file.
    """
    top_config = config.governing(os.path.join(top, "-"))
    folders = [(top, _prefix(top, top_config), top_config)]
    while folders:
        directory, prefix, parent_config = folders.pop()
        entries = _entries(directory)
        names = {entry.name for entry in entries}
        absolute = os.path.abspath(directory)
        here = parent_config
        if config.nested and directory is not top:
            here = config.folder_config(absolute, names)
            if here is not parent_config:  # the folder has a configuration file of its own
                prefix = ""
        site_excluded: frozenset[str] = frozenset()
        site: Site | None = None
        if config.sites is not None:
            site = config.sites.folder_site(absolute, names)
            if directory is not top and (
                vendored_dependencies(absolute, names)
                or site.holds_no_articles(absolute)
                or site.copies_verbatim(absolute)
                or site.archived(absolute)
                or _bundled_package(site, absolute, names)
                or site.bundle_of_another_format(absolute, names)
                or holds_test_inputs(absolute, site.root)
            ):
                # templates, partials, generated output, static files, old copies, bundled
                # packages, a Hugo page's markdown resources beside its `index.org`, test
                # inputs: checked only when named
                continue
            site_excluded = site.excluded_paths
        excluded = here.exclude_globs
        suffixes = tuple("." + extension.lower() for extension in here.extensions)
        for entry in entries:
            name = entry.name
            if site_excluded and os.path.join(absolute, name) in site_excluded:
                continue
            relative = prefix + name
            if _is_folder(entry):
                if excluded.match(relative) or (skip and os.path.abspath(entry.path) in skip):
                    continue
                if not entry.is_symlink():
                    folders.append((entry.path, relative + "/", here))
                continue  # a folder named like an article (`images/2020-05-13-post.md/`, a post's pictures) is walked, no article
            elif not name.lower().endswith(suffixes) or excluded.match(relative):
                if unwalked is not None and name.lower().endswith(".mdx") and not excluded.match(relative):
                    unwalked[site.root if site is not None else ""] += 1
                continue
            elif site is not None and site.excluded_pages and site.leaves_out(os.path.abspath(entry.path)):
                continue  # a page the configuration leaves out (`pagePatterns`, `srcExclude`): checked only when named
            elif site is not None and "_" in entry.path and site.never_built(os.path.abspath(entry.path)):
                continue  # Jekyll and Hexo skip `_`-named files: checked only when named
            elif site is not None and "i18n" in entry.path and site.untranslated(os.path.abspath(entry.path)):
                continue  # a Docusaurus translation of nothing: checked only when named
            yield entry.path, entry.is_symlink()


# A folder with one of these inside a site, below its root, is a package copied into it (a
# highlighter under `assets/`): its README and changelog are the package's, not the site's.
# So is a folder with a licence and a README of its own (`_copied_repository`).
_PACKAGE_MANIFESTS = frozenset(("package.json", "bower.json", "composer.json"))


def _bundled_package(site, folder: str, names: set[str]) -> bool:
    if folder == site.root:
        return False
    if site.generator == "plain" and not os.path.basename(folder).endswith(_ARCHIVE_SUFFIXES):
        return False  # a plain repository's own packages (`packages/cli/README.md`) are its docs
    return not _PACKAGE_MANIFESTS.isdisjoint(names) or _copied_repository(folder, names)


# The folder GitHub's "Download ZIP" unpacks to: `prism-master/`, another project's copy.
_ARCHIVE_SUFFIXES = ("-master", "-main")


_LICENSES = ("license", "licence", "copying")


def _copied_repository(folder: str, names: set[str]) -> bool:
    """A folder that carries its own licence beside a README without front matter: another
    project's files copied into the site (a design system's built package under `assets/`)."""
    lowered = {name.lower(): name for name in names}
    if not any(name.split(".")[0] in _LICENSES for name in lowered):
        return False
    readme = next((lowered[name] for name in ("readme.md", "readme.markdown", "readme") if name in lowered), None)
    return readme is not None and not _starts_with_front_matter(os.path.join(folder, readme))


def _starts_with_front_matter(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return True  # unknown: the folder is walked as usual
    return head.lstrip(b"\xef\xbb\xbf").startswith((b"---", b"+++", b"{"))


def _entries(directory: str) -> list[os.DirEntry]:
    """The entries of a folder; none when it cannot be listed (as os.walk does)."""
    try:
        with os.scandir(directory) as entries:
            return list(entries)
    except OSError:
        return []


def _is_folder(entry: os.DirEntry) -> bool:
    """A folder, or a link to one (as os.walk counts them); the type of a plain entry comes
    with the listing, without a system call."""
    try:
        return entry.is_dir()
    except OSError:
        return False

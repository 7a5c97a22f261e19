"""Finding the files to check.

Directories are walked for files with the configured extensions, skipping what `exclude`
and `extend-exclude` name (by default hidden directories, `node_modules` and `public`).
Files named explicitly are always checked: pre-commit passes the changed files by name.
"""

from __future__ import annotations

import os
from pathlib import Path

from artlint.config import Config
from artlint.paths import display_path


def discover(arguments: list[str], config: Config, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(path, display path) of every file to check, sorted by display path, each once.
    Folders whose absolute paths are in `skip` are not entered. Plain strings: a site has
    tens of thousands of files, and most of them are only looked up in the cache."""
    suffixes = tuple("." + extension.lower() for extension in config.extensions)
    found: dict[str, str] = {}
    here = os.path.join(os.getcwd(), "")
    for argument in arguments or ["."]:
        if os.path.isdir(argument):
            for file in _walk(argument, config, suffixes, skip):
                found.setdefault(_display(file, here), file)
        else:
            found.setdefault(display_path(Path(argument)), argument)
    return [(found[display], display) for display in sorted(found)]


def _display(file: str, here: str) -> str:
    """What display_path gives, without pathlib: this runs for every file of a site."""
    if os.path.isabs(file):
        normal = os.path.normpath(file)
        if normal.startswith(here):
            return normal[len(here):].replace(os.sep, "/")
        return display_path(Path(file))
    normal = os.path.normpath(file)
    return normal.replace(os.sep, "/") if not normal.startswith("..") else display_path(Path(file))


def _relative_prefix(top: str, config: Config) -> str | None:
    """`top` relative to the configuration's folder ("" for the folder itself), or None when
    globs must be matched relative to `top` (it is excluded itself, or lies outside)."""
    relative = config.relative(Path(top))
    if relative in ("", "."):
        relative = ""
    if relative.startswith("../") or os.path.isabs(relative) or (relative and config.exclude_globs.match(relative)):
        return None
    return relative


def _walk(top: str, config: Config, suffixes: tuple[str, ...], skip: frozenset[str] = frozenset()):
    """Files under `top` with one of the suffixes; excluded folders are not entered.

    Globs are matched against paths relative to the configuration's folder; but when the folder
    given is itself excluded (a user who names `.github/` wants it checked) or lies outside that
    folder, against paths relative to the folder given. Plain strings: this runs for every file.
    """
    excluded = config.exclude_globs
    prefix = _relative_prefix(top, config)
    base_prefix = (prefix + "/") if prefix else ""
    for directory, subdirectories, files in os.walk(top, followlinks=False):
        inside = os.path.relpath(directory, top)
        inside = "" if inside == "." else inside.replace(os.sep, "/") + "/"
        kept = []
        for name in sorted(subdirectories):
            relative = base_prefix + inside + name
            if excluded.match(relative) or (skip and os.path.abspath(os.path.join(directory, name)) in skip):
                continue
            if name.lower().endswith(suffixes):
                yield os.path.join(directory, name)  # a directory named like an article: reported as unreadable
            kept.append(name)
        subdirectories[:] = kept
        for name in sorted(files):
            if name.lower().endswith(suffixes) and not excluded.match(base_prefix + inside + name):
                yield os.path.join(directory, name)

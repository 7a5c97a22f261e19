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


def discover(arguments: list[str], config: Config) -> list[tuple[Path, str]]:
    """(path, display path) of every file to check, sorted by display path, each once."""
    suffixes = tuple("." + extension.lower() for extension in config.extensions)
    found: dict[str, Path] = {}
    for argument in arguments or ["."]:
        path = Path(argument)
        if path.is_dir():
            for file in _walk(path, config, suffixes):
                found.setdefault(display_path(file), file)
        else:
            found.setdefault(display_path(path), path)
    return sorted(((path, display) for display, path in found.items()), key=lambda item: item[1])


def _exclusion_test(top: Path, config: Config):
    """A test for the paths under `top`.

    Globs are matched against paths relative to the configuration's directory; but when the
    directory given is itself excluded (a user who names `.github/` wants it checked) or lies
    outside that directory, against paths relative to the directory given.
    """
    excluded = config.exclude_globs
    top_relative = config.relative(top)
    if top_relative.startswith("../") or Path(top_relative).is_absolute() or excluded.match(top_relative):
        return lambda path: excluded.match(path.relative_to(top).as_posix())
    return lambda path: excluded.match(config.relative(path))


def _walk(top: Path, config: Config, suffixes: tuple[str, ...]):
    is_excluded = _exclusion_test(top, config)
    for directory, subdirectories, files in os.walk(top, followlinks=False):
        base = Path(directory)
        kept = []
        for name in sorted(subdirectories):
            child = base / name
            if is_excluded(child):
                continue
            if name.lower().endswith(suffixes):
                yield child  # a directory named like an article: reported as unreadable
            kept.append(name)
        subdirectories[:] = kept
        for name in sorted(files):
            child = base / name
            if name.lower().endswith(suffixes) and not is_excluded(child):
                yield child

"""Where artlint keeps its caches, which files in there are its own, and clearing them.

The folder is `ARTLINT_CACHE_DIR` when that is set; else `network.cache` (relative to the
configuration file); else `.artlint_cache/` beside the configuration file; else the user's cache
folder (`$XDG_CACHE_HOME/artlint` or `~/.cache/artlint`). A folder that the checkout chose (its
configuration names it, or a symbolic link in it leads there) is used only inside the project:
a pull request must not have artlint write where it likes. The environment is the user's own,
so `ARTLINT_CACHE_DIR` may name any folder, as `RUFF_CACHE_DIR` does for ruff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from artlint.sqlitedb import CACHE_MARKERS, made_by_artlint

ENVIRONMENT = "ARTLINT_CACHE_DIR"
# Named for the layout of their rows, so that two versions sharing a folder never read or
# rebuild each other's databases.
FILES_DATABASE = "files-v5.sqlite3"
NETWORK_DATABASE = "network-v2.sqlite3"
# jieba's dictionary copied into a table (artlint.cjk): in the user's folder, shared by projects.
_DERIVED_NAME = r"(?:jieba-[0-9A-Za-z.]+-\d+-\d+\.sqlite3(?:-wal|-shm|-journal)?|\.jieba-[a-z0-9_]+\.tmp)"
_OWN_NAME = re.compile(
    r"(?:(?:files|network)(?:-v\d+)?\.sqlite3(?:-wal|-shm|-journal)?"
    r"|facts-[0-9a-f]{24}\.(?:json|pickle)"
    r"|\.facts-[a-z0-9_]+\.tmp"
    rf"|{_DERIVED_NAME})"
)


class UntrustedFolder(OSError):
    """A cache folder the checkout chose outside the project."""


def cache_directory(config) -> Path:
    """The folder artlint keeps the caches of a run with `config` in (see the module's text)."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        return Path(chosen)
    if config.network.cache:
        path = Path(config.network.cache)
        return path if path.is_absolute() else config.root / path
    return default_directory(config.root if config.path is not None else None)


def trusted_cache_directory(config, boundary) -> Path:
    """cache_directory(config) when the user chose it, or it lies inside `boundary` (the
    project's folders, artlint.boundary.Boundary) once symbolic links are followed; else
    UntrustedFolder, whose message says why and what to do instead."""
    directory = cache_directory(config)
    if os.environ.get(ENVIRONMENT) or (config.path is None and not config.network.cache):
        return directory
    real = boundary.outside(str(directory))
    if real is None:
        return directory
    raise UntrustedFolder(
        f"the cache folder {directory} leads out of the project (to {real}): not used; "
        f"set {ENVIRONMENT} to keep the cache outside it"
    )


def default_directory(config_root: Path | None) -> Path:
    """`.artlint_cache/` beside the configuration file, else the user's cache folder."""
    if config_root is not None:
        return config_root / ".artlint_cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "artlint"


def user_directory() -> Path:
    """The user's own cache folder: never one a checkout chose."""
    return default_directory(None)


def clear(directory: Path) -> list[Path]:
    """Delete artlint's own cache files in `directory` (see `is_own_file`), and the folder with
    its markers when artlint made it and nothing else is left in it; the list of the cache files
    deleted. Nothing else is touched: `network.cache` may name a folder of the user's own."""
    removed: list[Path] = []
    if not directory.is_dir():
        return removed
    for path in sorted(directory.iterdir()):
        if is_own_file(path.name) and not path.is_dir():
            path.unlink()
            removed.append(path)
    if made_by_artlint(directory) and {path.name for path in directory.iterdir()} <= set(CACHE_MARKERS):
        for name in CACHE_MARKERS:
            (directory / name).unlink()
        directory.rmdir()
    return removed


def clear_derived() -> list[Path]:
    """Delete the tables artlint derives from its libraries' data in the user's cache folder
    (`artlint cache clear` clears them too: they are caches, kept apart only to be shared)."""
    directory = user_directory()
    if not directory.is_dir():
        return []
    removed = []
    for path in sorted(directory.iterdir()):
        if re.fullmatch(_DERIVED_NAME, path.name) and not path.is_dir():
            path.unlink()
            removed.append(path)
    return removed


def is_own_file(name: str) -> bool:
    """Whether a name is one artlint gives its cache files, in this version or an earlier one."""
    return _OWN_NAME.fullmatch(name) is not None

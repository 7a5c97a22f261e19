"""Git submodules that the checkout has not fetched (`git clone` without `--recursive`, a CI
checkout without `submodules: true`): their folders are empty, so a link or an image into
one cannot be checked offline; it is neither found nor missing.

Read from the `.gitmodules` of the repository that holds the site, as text: nothing runs.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from artlint import dependencies
from artlint.boundary import within
from artlint.sites import read_small_file

_PATH_LINE = re.compile(r"^[ \t]*path[ \t]*=[ \t]*(.+?)[ \t]*$", re.M)
_LEVELS = 8  # folders above the site searched for the repository's root


def in_unfetched_submodule(candidates: list[str], start: str) -> bool:
    """Whether one of `candidates` (absolute paths a link may lead to) lies in a submodule of
    the repository around `start` whose folder the checkout left empty. The answer depends
    on that folder, which is recorded for the cache."""
    for folder in unfetched_submodules(os.path.realpath(start)):
        if any(within(os.path.normpath(candidate), folder) for candidate in candidates):
            dependencies.record("stat", folder, dependencies.signature_of(folder))
            return True
    return False


@lru_cache(maxsize=32)
def unfetched_submodules(start: str) -> tuple[str, ...]:
    """The absolute folders of the submodules listed in the repository's `.gitmodules` that
    are absent or empty."""
    root = _repository_root(start)
    if root is None:
        return ()
    found = []
    for match in _PATH_LINE.finditer(read_small_file(os.path.join(root, ".gitmodules"))):
        relative = match.group(1).strip("\"'").strip("/")
        folder = os.path.normpath(os.path.join(root, relative))
        if relative and within(folder, root) and _empty(folder):
            found.append(folder)
    return tuple(found)


def _repository_root(start: str) -> str | None:
    folder = start
    for _ in range(_LEVELS):
        if os.path.isfile(os.path.join(folder, ".gitmodules")):
            return folder
        if os.path.exists(os.path.join(folder, ".git")):
            return None  # the repository's top, with no submodules
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return None


def _empty(folder: str) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(iter(entries), None) is None
    except OSError:
        return True  # absent (a snapshot without it), or unreadable

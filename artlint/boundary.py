"""The folder artlint reads in: symbolic links that lead out of it are not followed.

artlint checks strangers' pull requests in CI. A link they commit (`env.md ->
/proc/self/environ`, `notes -> /etc`) must not make it read a file outside the project and
print its lines in a report: the job's environment holds its secrets. Such files get a
file-outside-root finding that names them, and are never read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Collection, TypeVar

T = TypeVar("T")


def within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or lies under it (both absolute and normal)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def relative_path(path: str, folder: str) -> str:
    """`os.path.relpath(path, folder)` with "/" between names. A path that continues `folder`
    with normal names is cut without relpath's work (two abspaths and a split per call, and
    the site model asks for every page and link)."""
    prefix = folder.rstrip(os.sep) + os.sep
    if path.startswith(prefix):
        rest = path[len(prefix) :]
        wrapped = os.sep + rest + os.sep
        if rest and not rest.endswith(os.sep) and _ODD_NAMES.isdisjoint(wrapped.split(os.sep)[1:-1]):
            return rest.replace(os.sep, "/")
    return os.path.relpath(path, folder).replace(os.sep, "/")


_ODD_NAMES = frozenset(("", ".", ".."))  # what relpath would normalise away


def nearest(
    folder: str,
    top: str,
    known: dict[str, T],
    find: Callable[[str, Collection[str] | None], T | None],
    fallback: Callable[[], T],
    names: Collection[str] | None = None,
    probe_top: bool = True,
) -> T:
    """What `find` finds in `folder` or the nearest folder above it, up to `top` (probed too
    when `probe_top`), else `fallback()`; every folder on the way remembers it in `known`.
    `names`, the entries of `folder` when the caller listed it already, goes to `find` for that
    folder only. All paths absolute and normal."""
    chain = []  # folders from `folder` up to the first one whose answer is known
    current = folder
    found = known.get(current)
    while found is None:
        if not within(current, top) or (current == top and not probe_top):
            found = fallback()
            break
        chain.append(current)
        found = find(current, names if current == folder else None)
        if found is not None:
            break
        parent = os.path.dirname(current)
        if current == top or parent == current:
            found = fallback()
            break
        current = parent
        found = known.get(current)
    for below in chain:  # what was found governs every folder below it too
        known[below] = found
    return found


def work_tree(start: "Path | str") -> Path | None:
    """The git work tree around `start` (a `.git` folder, or file in a worktree), if any."""
    here = Path(os.path.realpath(start))
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return None


def repository_top(folder: str, depth: int) -> str | None:
    """The nearest folder at or above `folder` (at most `depth` levels) that holds `.git` or
    `.github/`: the repository's top, in a work tree or in a snapshot of its files."""
    current = folder
    for _ in range(depth):
        if os.path.exists(os.path.join(current, ".git")) or os.path.isdir(os.path.join(current, ".github")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
    return None


@dataclass(frozen=True)
class Boundary:
    """The real paths of the folders artlint may read in; none means no limit (artlint used
    as a library: `engine.run` sets the limit for every run)."""

    roots: tuple[str, ...] = ()

    def contains(self, real_path: str) -> bool:
        """Whether a resolved path lies in one of the folders."""
        return not self.roots or any(within(real_path, root) for root in self.roots)

    def outside(self, path: str) -> str | None:
        """Where `path` really leads when that is outside the folders, else None."""
        if not self.roots:
            return None
        real = os.path.realpath(path)
        return None if self.contains(real) else real

    def describe(self) -> str:
        return ("the checked folder " if len(self.roots) == 1 else "the checked folders ") + ", ".join(self.roots)


NO_LIMIT = Boundary()  # artlint used as a library: every folder may be read


def link_text(path: str, real: str) -> str:
    """How a report names where `path` leads: the link's own text, made absolute, when `path`
    is a link (stable: the real path of /proc/self/environ names the process); else its real
    path (a file under a linked folder)."""
    try:
        return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), os.readlink(path)))
    except OSError:
        return real


def checked_boundary(arguments: list[str], project: Path | None) -> Boundary:
    """The git work tree around the current folder, else the project's folder (`project`),
    else the current folder: within one repository links are followed (content/a.md ->
    ../shared/b.md); what lies outside it was not committed with it. A folder or file named
    outside that root (`artlint check ~/other-site`) brings its own work tree, or folder."""
    here = os.getcwd()
    root = str(work_tree(here) or os.path.realpath(project or here))
    roots = [root]
    for argument in arguments:
        place = os.path.abspath(argument)
        if not within(place, root):
            folder = place if os.path.isdir(place) else os.path.dirname(place)
            roots.append(str(work_tree(folder) or os.path.realpath(folder)))
    return Boundary(tuple(dict.fromkeys(roots)))

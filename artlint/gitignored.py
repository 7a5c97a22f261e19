"""Which missing pages a build step writes: those whose source the repository's `.gitignore`
files keep out of it.

A site that imports pages before the generator runs (a script copying another repository's
reference pages into `content/en/flux/components/`, a command reference generated from a CLI)
keeps those pages out of git with a `.gitignore` beside them or with a path in the root's:
`ocirepositories.md`, `api/v*.md`, `content/en/flux/cmd/flux*`. A checkout never holds them,
and links to them are not broken on the site.

Only what names part of the content counts: any pattern of a `.gitignore` below the site's
root, a root pattern that names a path (`content/commands/*`), and, where the content is the
site's root (VitePress, a plain folder), a root pattern that is a plain name when the path
goes into a top folder of that name (`api` for `api/interfaces/Router.md`, a reference that
TypeDoc writes). Any other root pattern without a `/` (`*.pdf`, `build`, `api` for a file
named so) is housekeeping, and a file it keeps out is missing from the site too.
Patterns are read as git reads them: `!` re-includes, a trailing `/` names folders only, a
pattern with a `/` before its end is anchored at its `.gitignore`'s folder, `*` stays within a
path segment and `**` crosses them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from artlint import dependencies
from artlint.boundary import repository_top
from artlint.globs import glob_to_regex

MAX_GITIGNORE_BYTES = 64 * 1024
MAX_PATTERNS = 500
MAX_WILDCARDS = 6
MAX_DEEP_WILDCARDS = 2
MAX_PATH = 1024  # characters: longer paths are no page of a site
MAX_LEVELS_ABOVE = 8  # folders above the site's root searched for the repository's top
_ONE_DEEP_WILDCARD = re.compile(r"\*\*(?:/\*\*)+")  # `**/**/**` is `**`


@lru_cache(maxsize=1024)
def _patterns(folder: str) -> tuple[tuple[bool, bool, str, re.Pattern[str]], ...]:
    """(re-includes, anchored, name, regex) of each pattern of the folder's `.gitignore`, in
    order; `name` is the pattern when it is one plain name (`api`, no wildcard, no slash)."""
    path = os.path.join(folder, ".gitignore")
    try:
        if os.path.islink(path) or not os.path.isfile(path):
            return ()
        with open(path, "rb") as handle:
            raw = handle.read(MAX_GITIGNORE_BYTES + 1)
    except OSError:
        return ()
    if len(raw) > MAX_GITIGNORE_BYTES:
        return ()
    found = []
    for line in raw.decode("utf-8", errors="replace").splitlines()[:MAX_PATTERNS]:
        pattern = line.rstrip()
        if not pattern or pattern.startswith("#"):
            continue
        negated = pattern.startswith("!")
        pattern = pattern[1:] if negated else pattern.removeprefix("\\")
        folders_only = pattern.endswith("/")
        body = _ONE_DEEP_WILDCARD.sub("**", pattern.rstrip("/"))
        if not body.strip("/*"):
            continue  # `/`, `*`, `**`: everything, which says nothing about a page
        if body.count("*") > MAX_WILDCARDS or body.count("**") > MAX_DEEP_WILDCARDS:
            continue  # each wildcard multiplies a regex's backtracking on a long path: no real pattern has so many
        regex = glob_to_regex(body)
        if folders_only:  # `build/` matches what lies in a folder of that name, not a file
            regex = regex.removesuffix("(?:/.*)?$") + "/.*$"
        plain = "" if "/" in body or any(mark in body for mark in "*?[") else body
        found.append((negated, "/" in body, plain, re.compile(regex)))
    return tuple(found)


def written_by_build(root: str, path: str, content: tuple[str, ...]) -> bool:
    """Whether `path` (a file or folder under the site's `root`, which need not exist) is kept
    out of the repository by a `.gitignore` that names part of the content (`content`: the
    content folders, relative to `root`): see the module's docstring. A theme's `.gitignore`
    of its built assets says nothing of pages. The `.gitignore` files read are recorded as the
    findings' dependencies."""
    relative = os.path.relpath(path, root)
    if relative.startswith("..") or os.path.isabs(relative) or len(relative) > MAX_PATH:
        return False
    parts = [part for part in relative.replace(os.sep, "/").split("/") if part not in ("", ".")]
    tops = [[part for part in folder.replace(os.sep, "/").split("/") if part not in ("", ".")] for folder in content]
    ignored = _ignored_above(root, parts)
    for depth in range(len(parts)):
        if depth and not any(len(top) <= depth and parts[: len(top)] == top for top in tops):
            continue  # a folder outside the content (a theme's, a static folder's)
        folder = os.path.join(root, *parts[:depth])
        patterns = _patterns(folder)
        gitignore = os.path.join(folder, ".gitignore")
        dependencies.record("stat", gitignore, dependencies.signature_of(gitignore))
        below = "/".join(parts[depth:])
        for negated, anchored, plain, regex in patterns:
            # At the root, a plain name counts when the path goes into a folder of that name at
            # the content's top (`api` for `api/interfaces/Router.md`: a reference a script writes).
            into_top_folder = bool(plain) and depth == 0 and len(parts) > 1 and parts[0] == plain and any(not top for top in tops)
            if (depth or anchored or into_top_folder) and regex.match(below):
                ignored = not negated
    return ignored


def _ignored_above(root: str, parts: list[str]) -> bool:
    """Whether the `.gitignore` files of the folders above the site's root, up to the
    repository's top, keep the path out with a pattern that names a path (`/docs/rubydoc`, a
    reference generated into the site's folder before the build). Read outermost first, as git
    reads them; a plain name there is housekeeping, as at the root."""
    ignored = False
    for folder in _folders_above(root):
        gitignore = os.path.join(folder, ".gitignore")
        dependencies.record("stat", gitignore, dependencies.signature_of(gitignore))
        below = "/".join([*os.path.relpath(root, folder).replace(os.sep, "/").split("/"), *parts])
        for negated, anchored, _, regex in _patterns(folder):
            if anchored and regex.match(below):
                ignored = not negated
    return ignored


@lru_cache(maxsize=256)
def _folders_above(root: str) -> tuple[str, ...]:
    """The folders above the site's `root` up to the repository's top, outermost first; () when
    no repository holds it. Found once per root (a page may ask for thousands of paths)."""
    top = repository_top(os.path.dirname(root), MAX_LEVELS_ABOVE) if os.path.dirname(root) != root else None
    if top is None:
        return ()
    above = []
    folder = os.path.dirname(root)
    while True:
        above.append(folder)
        if folder == top or os.path.dirname(folder) == folder:
            break
        folder = os.path.dirname(folder)
    return tuple(reversed(above))


def clear_caches() -> None:
    _patterns.cache_clear()
    _folders_above.cache_clear()

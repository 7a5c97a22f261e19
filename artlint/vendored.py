"""Folders of third-party code that a package manager copied into a repository: Go's
`vendor/` (with its `modules.txt`), Composer's `vendor/` (with its `autoload.php`) and
Bundler's `vendor/bundle/`. Their READMEs and changelogs are other projects' files, written
for other sites: no generator builds them and no maintainer of this repository edits them,
so they are walked only when named, as `node_modules` is."""

from __future__ import annotations

import os

# What each package manager writes at the top of the folder it fills.
_MANIFESTS = frozenset({"modules.txt", "autoload.php"})


def vendored_dependencies(folder: str, names: set[str] | frozenset[str]) -> bool:
    """Whether `folder` (holding `names`) is a package manager's copy of dependencies."""
    base = os.path.basename(folder.rstrip(os.sep))
    if base == "vendor":
        return not _MANIFESTS.isdisjoint(names)
    return base == "bundle" and os.path.basename(os.path.dirname(folder.rstrip(os.sep))) == "vendor"

"""Folders of test inputs: Go's `testdata/` (which the go tool never builds), Jest's
`__fixtures__/` and `__snapshots__/`, and the `fixtures/`, `data/`, `cases/` or `samples/` of a
`test/` or `tests/` folder (`test/unit/data/common/Links.md`). Their markdown is what a parser,
a converter or a linter is tested on, broken on purpose, never published: walked only when
named, as `node_modules` is."""

from __future__ import annotations

import os

_ANYWHERE = frozenset({"testdata", "test-data", "__fixtures__", "__snapshots__"})
_IN_TESTS = frozenset({"fixtures", "data", "cases", "samples"})
_TESTS = frozenset({"test", "tests", "__tests__"})


def holds_test_inputs(folder: str, root: str) -> bool:
    """Whether `folder` is a folder of test inputs, by its name and those of the folders
    between it and `root` (a site's root: its own folders only, not those above it)."""
    relative = os.path.relpath(folder, root)
    if relative.startswith(os.pardir):
        return False
    parts = [part.lower() for part in relative.split(os.sep)]
    if parts[-1] in _ANYWHERE:
        return True
    return parts[-1] in _IN_TESTS and not _TESTS.isdisjoint(parts[:-1])

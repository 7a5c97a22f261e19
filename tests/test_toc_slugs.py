"""MkDocs' heading ids: Python-Markdown's toc slugify, pymdownx's uslugify, and the `_1`, `_2`
that make a repeated id unique."""

from __future__ import annotations

from artlint.anchors import toc_slug, toc_unicode_slug, toc_unique


def test_slugs_as_python_markdown_and_pymdownx_make_them() -> None:
    assert toc_slug("Héllo, World!") == "hello-world"
    assert toc_slug("A & B -- c") == "a-b-c"
    assert toc_slug("例题") == ""  # the default slugify keeps ASCII only
    assert toc_unicode_slug("例题 二") == "例题-二"
    assert toc_unicode_slug("#P") == "p"


def test_repeated_ids_are_numbered_from_one() -> None:
    taken: set[str] = set()
    assert [toc_unique(slug, taken) for slug in ("p", "p", "p", "p_1", "")] == ["p", "p_1", "p_2", "p_3", "_1"]

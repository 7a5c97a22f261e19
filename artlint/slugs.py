"""Slugs and names made of text without reading any document: GitHub's heading ids (also the
slug Docusaurus gives a generated category page) and Docusaurus' names without their number
prefixes. A leaf module, so that the site model may use them."""

from __future__ import annotations

import unicodedata

from artlint.lazyre import lazy

_EMOJI_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def github_slug(text: str, keep_joiners: bool = False) -> str:
    """GitHub's and goldmark's "github" style: lower case; letters, numbers, marks, `-` and `_`
    kept in any script; spaces to `-`; everything else (punctuation, symbols, emoji) dropped.
    `keep_joiners`: github-slugger's (Docusaurus), which keeps the variation selector after an
    emoji (`## 🖥️ Backend` is `%EF%B8%8F-backend`)."""
    kept = []
    for char in text.lower():
        category = unicodedata.category(char)
        if char in _EMOJI_JOINERS:
            if keep_joiners:
                kept.append(char)
            continue
        if char in "-_" or category[0] in "LNM":
            kept.append(char)
        elif char == " ":
            kept.append("-")
    return "".join(kept)


# The docs plugin's number prefix: `04-mongodb-connector`, `01 - intro`.
_NUMBER_PREFIX = lazy(r"^\d+\s*[-_.]+\s*([^-_.\s].*)$")
# Digits, a separator, digits: a version (`2.0`, `7.0-foo`) or a date (`2021-11-foo`), which the
# docs plugin's default parser keeps whole (facebook/docusaurus#4640 and #4653).
_NOT_A_NUMBER_PREFIX = lazy(r"^\d+[-_.]\d+")


def docusaurus_unnumbered(name: str) -> str:
    """A doc's file or folder name as its URL has it: `04-mongodb-connector` is
    `mongodb-connector` (the docs plugin's default number prefixes; dates and versions kept)."""
    if _NOT_A_NUMBER_PREFIX.match(name):
        return name
    found = _NUMBER_PREFIX.match(name)
    return found.group(1) if found else name

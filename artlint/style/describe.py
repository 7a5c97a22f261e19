"""Markdown pieces for the documentation of user rules (`artlint explain`, SARIF, HTML)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from artlint.style.scopes import FRONT_MATTER

if TYPE_CHECKING:
    from artlint.style.definition import Definition

SHOWN = 40  # tokens listed before "and N more"
_SCOPE_WORDS = {
    "prose": "prose (paragraphs, headings, list items, table cells, block quotes, link text)",
    "heading": "headings",
    "list-item": "list items",
    "table-cell": "table cells",
    "blockquote": "block quotes",
    "link-text": "link text",
    "image-alt": "the alt text of images",
}


def code(text: str) -> str:
    """`text` as inline code, whatever backticks it holds."""
    longest = 0
    run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text.replace(chr(10), ' ')}{padding}{fence}"


def scope_words(scopes: Iterable[str]) -> str:
    words = []
    for scope in scopes:
        if scope.startswith(FRONT_MATTER):
            words.append(f"the front matter's `{scope[len(FRONT_MATTER):]}`")
        else:
            words.append(_SCOPE_WORDS[scope])
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]


def searched(rule: "Definition") -> str:
    """How a rule searches: where, with which case and word boundaries, with what exceptions."""
    how = [f"in {scope_words(rule.scopes)}"]
    how.append("ignoring case" if rule.ignore_case else "case as written")
    if not rule.whole_word:
        how.append("inside words too")
    text = ", ".join(how)
    if rule.exceptions:
        text += " (not within " + ", ".join(code(token) for token in rule.exceptions[:SHOWN]) + (" ..." if len(rule.exceptions) > SHOWN else "") + ")"
    return text


def listed(tokens: tuple[str, ...], patterns: tuple[str, ...]) -> str:
    items = [code(token) for token in tokens] + [f"{code(pattern)} (pattern)" for pattern in patterns]
    more = len(items) - SHOWN
    return ", ".join(items[:SHOWN]) + (f" and {more} more" if more > 0 else "") + "."

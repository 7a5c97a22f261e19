"""Code written as a paragraph: pasted without a fence, or with a fence a script lost.

Duplicate-paragraph does not hold such a block to prose's standards (a program repeats its
lines), and link-malformed does not read brackets in it as links: the code is the defect there,
not the brackets.
"""

from __future__ import annotations

import re

from artlint.lazyre import lazy

_CODE_LINE_END = lazy(r"[{};]\s*$|^\s*[{}]", re.M)
# A highlighter's coloured span, or two `&nbsp;` that align columns after some text of the line.
_HTML_CODE = lazy(r"<span style=\"color:\s*#[0-9a-f]{6}|[^\s;]&nbsp;[ \t]*&nbsp;", re.I)


# A line indented by eight `&nbsp;` or more: a program's line whose indentation an editor kept.
_ENTITY_INDENT = lazy(r"[ \t]*(?:&nbsp;[ \t]*){8}")
# A line that opens with an element written escaped, to be shown (`&lt;Button`, `/&gt;`).
_ESCAPED_TAG_LINE = lazy(r"(?:[ \t]|&nbsp;)*(?:&lt;/?[A-Za-z][\w:.-]*|/&gt;)")


def written_as_code(raw: str) -> bool:
    """Whether a paragraph's source is code: most of its lines end with `{`, `}` or `;`, or open
    with a brace (`public static void main(String args[]) {` in two examples); or code pasted from
    an old blog editor as HTML, coloured by `<span style="color: ...">` or set in columns with
    `&nbsp;` runs inside its lines (`0x80002ce <__execve+18>:&nbsp; &nbsp;int&nbsp; $0x80`) or
    before every line of two or more, or markup written escaped, a paragraph opening with a tag
    (`&lt;/declare-styleable&gt;`)."""
    if ("&nbsp;" in raw or "<span" in raw) and _HTML_CODE.search(raw):
        return True
    lines = [line for line in raw.splitlines() if line.strip()]
    if lines and ("&lt;" in raw or "/&gt;" in raw) and _ESCAPED_TAG_LINE.match(lines[0]):
        return True
    if len(lines) > 1 and "&nbsp;" in raw and all(_ENTITY_INDENT.match(line) for line in lines):
        return True  # every line indented by `&nbsp;` runs, as an editor keeps a program's lines
    return bool(lines) and 2 * sum(1 for line in lines if _CODE_LINE_END.search(line)) >= len(lines)


_BRACE_LINE = lazy(r"\{\s*$|^\s*\}", re.M)


def plainly_code(raw: str) -> bool:
    """`written_as_code`, beyond doubt: three lines or more, one of them opening or closing a
    block with a brace. Two lines of prose, one ending with a semicolon, are prose."""
    return raw.strip().count("\n") >= 2 and _BRACE_LINE.search(raw) is not None and written_as_code(raw)

r"""Text that came from outside artlint — an article, a file name, a server's answer — made safe
to show on a terminal, in a GitHub log or on a web page.

Such text may hold control characters, and a stranger's pull request decides what they are. A
terminal obeys escape sequences (clear the screen, move the cursor, OSC 8 links, OSC 52
clipboard writes); a line break starts what reads as another finding; a bidi override shows a
line in another order than the one it has. So the human-readable reports and the command's own
messages show every such character as an escape instead: `\x1b`, `\n`, `\r`, `\t`, `\x9b`,
`\u202e`. Escaped are the C0 controls, DEL, the C1 controls (U+0080–U+009F: a terminal may take
U+009B for the start of a sequence), the bidi embeddings, overrides and isolates (U+202A–U+202E,
U+2066–U+2069) and the line and paragraph separators (U+2028, U+2029), which some viewers break
lines at. A backslash is not escaped: a `\x1b` the article wrote reads like an escaped ESC, but
nothing is ever hidden, and markdown is full of backslashes worth seeing as they are.

The JSON and SARIF reports keep every character, as a JSON escape (`\u001b`): a program reads
them and gets the text as it is, and a terminal they are printed on gets no control character.
"""

from __future__ import annotations

import re

_CONTROLS = r"\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(rf"[\t{_CONTROLS}]")
_CONTROL_BUT_TAB = re.compile(rf"[{_CONTROLS}]")
_NAMED = {"\t": r"\t", "\n": r"\n", "\r": r"\r"}
# What json.dumps(ensure_ascii=False) writes raw: it escapes only the C0 controls.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """The text with every control character shown as an escape."""
    if text.isprintable():  # fast, and false for every character escaped here
        return text
    return _CONTROL.sub(_escape, text)


def visible_line(text: str) -> str:
    """A source line, with its control characters shown as escapes but its tabs left as tabs:
    they are indentation, and all a tab does on a terminal or a page is add space."""
    if text.isprintable():
        return text
    return _CONTROL_BUT_TAB.sub(_escape, text)


def json_escaped(text: str) -> str:
    """JSON text with the control characters json.dumps leaves raw written as `\\uXXXX`: the
    same document to a parser."""
    return _RAW_IN_JSON.sub(_json_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"

"""Lines of a chat log pasted into an article: what people typed, quoted as they typed it.

A repeated word or mark on such a line is the participant's, not the author's to correct.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from artlint.lazyre import lazy

if TYPE_CHECKING:
    from artlint.source import Source

# IRC style: `<nick>`, `**<nick>**`, `**\<nick>**`, perhaps after a time stamp (`[12:01] <nick>`)
# or a list marker; and a meeting's saved chat (Zoom): `20:36:18	 From name : text`,
# `20:36:18 From name to Everyone: text`.
_SPEAKER = lazy(
    r"[ \t]*(?:[-*+][ \t]+)?"
    r"(?:(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(?:\*\*|__)?\\?<[^\s<>]{1,40}>(?:\*\*|__)?[ \t:]"
    r"|\d{1,2}:\d{2}(?::\d{2})?[ \t]+From[ \t]+[^\n:：]{1,80}[:：])"
)


class ChatLines:
    """Whether the line holding an offset begins with a chat participant's name; each line
    looked at once, however many doubles it holds (a pasted log is one long line at times)."""

    def __init__(self, source: "Source") -> None:
        self.source = source
        self.known: dict[int, bool] = {}

    def holds(self, offset: int) -> bool:
        line = self.source.line_of(offset)
        if line not in self.known:
            self.known[line] = _SPEAKER.match(self.source.text, self.source.line_starts[line - 1]) is not None
        return self.known[line]


def chat_lines(doc) -> ChatLines:
    """The document's chat lines, shared by the rules that skip them."""
    return doc.memo("chat-lines", lambda: ChatLines(doc.source))

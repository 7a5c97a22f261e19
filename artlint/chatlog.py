"""Lines of a chat log pasted into an article: what people typed, quoted as they typed it.

A repeated word or mark on such a line is the participant's, not the author's to correct.
"""

from __future__ import annotations

from artlint.lazyre import lazy
from artlint.source import LineTest

# IRC style: `<nick>`, `**<nick>**`, `**\<nick>**`, perhaps after a time stamp (`[12:01] <nick>`)
# or a list marker; a meeting's saved chat (Zoom): `20:36:18	 From name : text`,
# `20:36:18 From name to Everyone: text`; and an instant messenger's (MSN): `name 说 (16:35):`,
# `name says (4:35 PM):`, the message on the lines after. In a quote or not.
_SPEAKER = lazy(
    r"[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?"
    r"(?:(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(?:\*\*|__)?\\?<[^\s<>]{1,40}>(?:\*\*|__)?[ \t:]"
    r"|\d{1,2}:\d{2}(?::\d{2})?[ \t]+From[ \t]+[^\n:：]{1,80}[:：]"
    r"|[^\n]{1,80}?[ \t](?:说|說|says)[ \t]*[(（]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?[)）][ \t]*[:：][ \t]*(?=\r?\n|\Z))"
)


def chat_lines(doc) -> LineTest:
    """The document's lines that begin with a chat participant's name, shared by the rules
    that skip them."""
    return doc.memo("chat-lines", lambda: LineTest(doc.source, lambda text, start, end: _SPEAKER.match(text, start) is not None))

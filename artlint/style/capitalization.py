"""`capitalization`: headings (or another scope) in title case or sentence case, with
exceptions for names written as they are (`JavaScript`, `GitHub`, `Visual Studio Code`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from artlint.findings import Fix
from artlint.style.definition import Definition, Kind, RuleTable
from artlint.style.describe import code, scope_words
from artlint.style.patterns import at_word_edges, token_source
from artlint.style.scopes import searched_scopes

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.findings import Diagnostic
    from artlint.style.patterns import Budget
    from artlint.style.scopes import DocumentText, Region

# Words that title case keeps in lower case inside a title (articles, short conjunctions and
# prepositions), as the common style guides do.
SMALL_WORDS = (
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "onto",
    "or", "over", "per", "so", "the", "to", "up", "via", "vs", "with", "yet",
)  # fmt: skip
_WORD = re.compile(r"[^\s\x00]+")
_CASED = re.compile(r"[^\W\d_]")
# After these, a new sentence starts: its first word is capitalised in either case.
_SENTENCE_END = (":", ".", "!", "?", "—", "–")


@dataclass(frozen=True)
class Capitalization(Kind):
    name = "capitalization"
    keys = ("case", "small-words")
    shared = ("scope", "exceptions")
    fields = ("match", "replacement", "case")
    default_message = "not in {case}: '{match}' (as '{replacement}')"
    default_scope = "heading"
    fixable = "unsafe"

    case: str  # "title" or "sentence"
    small_words: frozenset[str]

    @classmethod
    def read(cls, table: RuleTable) -> "Capitalization":
        case = table.choice("case", ("title", "sentence"))
        small = table.strings("small-words") if table.has("small-words") else SMALL_WORDS
        if case != "title" and table.has("small-words"):
            raise table.fail("small-words: only title case keeps small words in lower case", "small-words")
        return cls(case, frozenset(word.lower() for word in small))

    def check(self, rule: Definition, doc: "Document", texts: "DocumentText", budget: "Budget") -> Iterable["Diagnostic"]:
        names = _names(rule.exceptions)
        for scope in searched_scopes(rule.scopes):
            for region in texts.regions(scope):
                diagnostic = self._judge(rule, doc, region, names)
                if diagnostic is not None:
                    yield diagnostic

    def _judge(self, rule: Definition, doc: "Document", region: "Region", names: "re.Pattern[str] | None") -> "Diagnostic | None":
        text = region.text
        words = [match.span() for match in _WORD.finditer(text, region.start, region.end)]
        if not words:
            return None
        written = _written_names(text, region, names, rule.exceptions)
        changes: list[tuple[int, int, str]] = []
        starts_sentence = True
        for index, (start, end) in enumerate(words):
            word = text[start:end]
            wanted = written.get(start)
            if wanted is None:
                wanted = self._wanted(word, starts_sentence, index == len(words) - 1)
            if wanted != word:
                changes.append((start, end, wanted))
            starts_sentence = word.endswith(_SENTENCE_END)
        if not changes:
            return None
        first, last = words[0][0], words[-1][1]
        shown = text[first:last]
        replacement = shown
        for start, end, wanted in reversed(changes):
            replacement = replacement[: start - first] + wanted + replacement[end - first :]
        case = f"{self.case} case"
        message = rule.message_for(match=shown, replacement=replacement, case=case)
        fix = None
        if region.editable(doc, first, last):
            fix = Fix(f"write '{replacement}'", tuple(doc.edit(start, end, wanted) for start, end, wanted in changes), safe=False)
        return region.diagnostic(doc, message, first, last, fix)

    def _wanted(self, word: str, starts_sentence: bool, last: bool) -> str:
        """The word as the case wants it: only its first letter is judged, and a word with a
        capital past its first letter (`iPhone`, `NASA`) is a name, kept as it is."""
        cased = _CASED.search(word)
        if cased is None:
            return word
        at = cased.start()
        rest = word[at + 1 :]
        if any(char.isupper() for char in rest) or word[at:] == "I" or word[at:].startswith("I'"):
            return word
        core = word[at:].rstrip(".,;:!?)]}\"'”’").lower()
        if starts_sentence:
            upper = True
        elif self.case == "title":
            upper = last or core not in self.small_words
        else:
            upper = False
        letter = word[at].upper() if upper else word[at].lower()
        return word[:at] + letter + rest

    def what_it_finds(self, rule: Definition) -> str:
        if self.case == "title":
            how = (
                "Title case: every word capitalised but the small words inside the title ("
                + ", ".join(sorted(self.small_words))
                + ")."
            )
        else:
            how = "Sentence case: the first word capitalised, the others in lower case."
        names = ", ".join(code(name) for name in rule.exceptions) or "none"
        return (
            f"Each of {scope_words(rule.scopes)} not written in {self.case} case. {how} "
            "Only the first letter of a word is judged; a word with a capital past its first letter "
            "(`iPhone`, `NASA`) and the pronoun `I` are kept as written; a word after a colon starts "
            f"anew. Names written as they must be (`exceptions`): {names}. Fix: unsafe (`--fix --unsafe-fixes`)."
        )

    def summary(self) -> str:
        return f"Text in {self.case} case"


@lru_cache(maxsize=64)
def _names(exceptions: tuple[str, ...]) -> "re.Pattern[str] | None":
    if not exceptions:
        return None
    body = "|".join(token_source(name) for name in sorted(exceptions, key=len, reverse=True))
    return re.compile(body, re.IGNORECASE)


def _written_names(text: str, region: "Region", names: "re.Pattern[str] | None", exceptions: tuple[str, ...]) -> dict[int, str]:
    """The words that are part of a name of the exceptions, by offset, as the name spells
    them (`Javascript` is wanted as `JavaScript`), punctuation around it as written."""
    if names is None:
        return {}
    spellings = {" ".join(name.split()).lower(): "".join(name.split()) for name in exceptions}
    wanted: dict[int, str] = {}
    for match in names.finditer(text, region.start, region.end):
        if not at_word_edges(text, *match.span()):
            continue  # `Go` in `Google`
        letters = iter(spellings.get(" ".join(match.group().split()).lower(), "".join(match.group().split())))
        # The name as spelled, laid over what was matched: the same letters, its own case.
        spelled = "".join(char if char.isspace() else next(letters, char) for char in match.group())
        for word in _WORD.finditer(text, match.start(), match.end()):
            start, end = max(word.start(), match.start()), min(word.end(), match.end())
            whole = _WORD.match(text, _word_start(text, word.start(), region.start))
            if whole is None:
                continue
            head, tail = text[whole.start() : start], text[end : whole.end()]
            wanted[whole.start()] = head + spelled[start - match.start() : end - match.start()] + tail
    return wanted


def _word_start(text: str, offset: int, lower: int) -> int:
    while offset > lower and not text[offset - 1].isspace() and text[offset - 1] != "\x00":
        offset -= 1
    return offset

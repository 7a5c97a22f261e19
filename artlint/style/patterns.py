"""What user rules search for: literal tokens and regular expressions, with word boundaries
that work for Chinese and Japanese text.

A Latin token (`utilize`) is a whole word: it must not have a letter, digit or `_` of an
alphabetic script right before or after it. Han characters and kana are not such letters, so a
Latin token matches in `用utilize吗`, and a token that begins or ends with a Han character has
no boundary on that side: `显而易见` matches anywhere, as a Chinese reader would look for it
(`\\b` would need spaces that Chinese does not write).

Patterns come from a checkout, which a pull request can change: they are compiled with the
`regex` module and searched with its timeout (`Budget`), so that a pattern that backtracks
catastrophically costs a bounded time on each file instead of hanging the run. Tokens are
escaped text, searched with `re` (faster, and safe: no pattern of theirs can backtrack).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from artlint.rules.typography._text import HAN

# A letter, digit or `_` of a script that writes spaces between words.
LATIN = f"[^\\W{HAN}]"
_LATIN_CHAR = re.compile(LATIN)
# Not between two such characters: the boundary of a whole word, whatever the other side is.
BOUNDARY = f"(?:(?<!{LATIN})|(?!{LATIN}))"

MAX_PATTERN_LENGTH = 1000
# Seconds of regular-expression search that one file may cost the patterns of user rules.
TIME_PER_FILE = 2.0


def is_latin(char: str) -> bool:
    return bool(char) and _LATIN_CHAR.match(char) is not None


def normal_token(token: str) -> str:
    """A token as it is matched: runs of white space are one space (a phrase may be broken
    across lines of a paragraph), none at either end."""
    return " ".join(token.split())


def token_source(token: str) -> str:
    """The regular expression of a literal token: its text, any run of white space for a space."""
    return r"\s+".join(re.escape(word) for word in normal_token(token).split(" "))


def bounded(source: str, whole_word: bool) -> str:
    return f"{BOUNDARY}(?:{source}){BOUNDARY}" if whole_word else f"(?:{source})"


def at_word_edges(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not a piece of a longer Latin word."""
    return not (start > 0 and is_latin(text[start - 1]) and is_latin(text[start])) and not (
        end < len(text) and is_latin(text[end - 1]) and is_latin(text[end])
    )


# --------------------------------------------------------------------------- patterns from packs

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def pattern_problem(source: str) -> str | None:
    """Why a pattern of a style pack cannot be used, or None. It is compiled with the `regex`
    module; backreferences are refused because a rule's tokens and patterns are searched as one
    alternation (and a repetition rule's within a pattern of its own), which renumbers groups."""
    if len(source) > MAX_PATTERN_LENGTH:
        return f"a pattern of {len(source):,} characters; at most {MAX_PATTERN_LENGTH:,}"
    if _GLOBAL_FLAGS.search(source):
        return "inline flags such as (?i) apply to the whole pattern: write ignore-case = true, or scope them: (?i:...)"
    problem = _backreference(source)
    if problem:
        return problem
    try:
        compiled = _regex().compile(source)
    except Exception as exc:  # regex.error, and the few ValueErrors its compiler raises
        return f"not a regular expression: {exc}"
    if compiled.fullmatch("") is not None:
        return "it matches the empty text"
    return None


def _backreference(source: str) -> str | None:
    index = 0
    in_class = False
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            following = source[index + 1]
            if not in_class and (following in "123456789" or following == "g"):
                return f"a backreference ({source[index:index + 3]}) cannot be used: a rule's patterns are searched as one"
            index += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif source.startswith("(?P=", index) or source.startswith("(?&", index) or source.startswith("(?R", index):
            return "a backreference or recursion cannot be used: a rule's patterns are searched as one"
        index += 1
    return None


def _regex() -> Any:
    import regex  # here: only style packs with patterns need it (start-up speed)

    return regex


def compile_user(sources: Sequence[str], ignore_case: bool, whole_word: bool) -> Any:
    """One `regex` pattern for some patterns of a pack (checked by pattern_problem)."""
    body = "|".join(bounded(source, whole_word) for source in sources)
    return _regex().compile(body, flags=_regex().IGNORECASE if ignore_case else 0)


class Scanner:
    """The matches of a pack's pattern as whole words (when `whole_word`), found fast.

    Word boundaries written into the pattern (`bounded`) are tested at every place of the
    text, and they defeat the `regex` module's search for the pattern's first characters and
    literals: `[A-Z]{2,8}` took 375 ms on the bench's 1,000 articles with them, 4 ms without.
    So the pattern is searched as written, and a match whose edges are inside a word is tried
    again with the boundaries, anchored where it starts; the search goes on one character
    further. The matches are those the bounded pattern finds, at the cost of the plain one."""

    def __init__(self, sources: Sequence[str], ignore_case: bool, whole_word: bool):
        self.sources = tuple(sources)
        self.ignore_case = ignore_case
        self.whole_word = whole_word
        self.loose = compile_user(self.sources, ignore_case, False)
        self._strict: Any = None

    @property
    def strict(self) -> Any:
        """The pattern with its boundaries, when it is wanted as whole words."""
        if not self.whole_word:
            return self.loose
        if self._strict is None:
            self._strict = compile_user(self.sources, self.ignore_case, True)
        return self._strict

    def count(self, text: str, start: int, end: int, budget: "Budget") -> int:
        """How many matches text[start:end] holds, counted by the `regex` module itself (a
        count of characters of a title must not cost a Python step each)."""
        return len(self.strict.findall(text, start, end, timeout=budget.left()))

    def matches(self, text: str, start: int, end: int, budget: "Budget") -> Iterator[Any]:
        if not self.whole_word:
            yield from budget.finditer(self.loose, text, start, end)
            return
        position = start
        while position <= end:
            found = budget.search(self.loose, text, position, end)
            if found is None:
                return
            begin, finish = found.span()
            if not at_word_edges(text, begin, finish):
                found = budget.match(self.strict, text, begin, end)
            if found is not None:
                yield found
                position = max(found.end(), begin + 1)
            else:
                position = begin + 1


@dataclass
class Budget:
    """The time left for one file's user patterns (TIME_PER_FILE in all): every search with
    the `regex` module is given what is left as its timeout."""

    seconds: float = field(default_factory=lambda: TIME_PER_FILE)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def left(self) -> float:
        return max(self.deadline - time.monotonic(), 0.001)

    def finditer(self, pattern: Any, text: str, start: int, end: int) -> Iterable[Any]:
        return pattern.finditer(text, start, end, timeout=self.left())

    def match(self, pattern: Any, text: str, start: int, end: int) -> Any:
        return pattern.match(text, start, end, timeout=self.left())

    def search(self, pattern: Any, text: str, start: int, end: int) -> Any:
        return pattern.search(text, start, end, timeout=self.left())


# --------------------------------------------------------------------------- many tokens at once


def trie_source(tokens: Iterable[str], ignore_case: bool) -> str:
    """One regular expression that matches any of `tokens` (normal text) and at a place prefers
    the longest: a trie, one branch per first character, written as a literal (each case of it
    its own branch), so that `re` skips the places no token can start at without entering the
    pattern. It has no word boundaries: the caller checks them on each token that matched
    (a boundary here costs a compiled character class each, and compiling the trie of the
    bench's pack with them took 1.9 s in every process)."""
    root: dict[str, Any] = {}
    for text in tokens:
        node = root
        for char in text.lower() if ignore_case else text:
            node = node.setdefault(char, {})
        node[""] = {}  # a token ends here
    branches = []
    for char, child in root.items():
        rest = _trie_rest(child, ignore_case)
        for form in _cases(char) if ignore_case else (char,):
            branches.append(re.escape(form) + rest)
    return "|".join(branches)


def _trie_rest(node: dict[str, Any], ignore_case: bool) -> str:
    # Longer tokens first: at a place, the longest token that matches wins.
    alternatives = [_char_source(char, ignore_case) + _trie_rest(child, ignore_case) for char, child in node.items() if char]
    if "" in node:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _char_source(char: str, ignore_case: bool) -> str:
    if char == " ":
        return r"\s+"
    forms = _cases(char) if ignore_case else (char,)
    if len(forms) == 1:
        return re.escape(char)
    return "[" + "".join(re.escape(form) for form in forms) + "]"


def _cases(char: str) -> tuple[str, ...]:
    forms = [char]
    for form in (char.lower(), char.upper()):
        if len(form) == 1 and form not in forms:
            forms.append(form)
    return tuple(forms)


def spaces_normalised(text: str) -> str:
    """Each run of white space one space, none at the ends."""
    return " ".join(text.split())

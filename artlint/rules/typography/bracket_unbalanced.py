import re
from bisect import bisect_right
from functools import lru_cache

from artlint import data
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.rules.typography._text import CJK_PUNCTUATION, HAN, HIDDEN, at_most, blocks, prose

_DATA = data.load("typography")["bracket-unbalanced"]
# An enumerator that closes nothing: "1)", "a)", "iv)", "2）" at the start of a line or after
# a space or a Chinese character or mark.
_ENUMERATOR = lazy(f"(?:^|(?<=[\\s{HIDDEN}{HAN}{CJK_PUNCTUATION}]))(?:[0-9０-９]{{1,3}}|[A-Za-z]|[ivxIVX]{{1,4}})\\.?[)）]", 0)
# Smileys: ":)", ":-)", ";)", ":(", "：）", "；-)", "^_^)"... (a full-width semicolon only with
# its nose: "；）" ends an aside's last clause).
_SMILEY = lazy(r"(?<![A-Za-z0-9_)\]}\"'])(?:[:;=][-']?(?:\)|\((?![\w(]))|[:：]-?[)）]|；-[)）]|\^[_-]?\^[)）])")
# A smiley written loosely, after a word or with a space (`star:)`, `就是智能: )，`): it may as well
# end an aside (`（见下文: ）`), so it closes an open bracket, and is no finding when none is.
_LOOSE_SMILEY = lazy(f"[:：;；] ?[)）](?=[\\s{HIDDEN}{CJK_PUNCTUATION}]|$)")
# A mark named, not used: a bracket between list separators ("诸如 $、[、[[ 或 @").
_MENTIONED = lazy(
    r"(?<=、)[()\[\]（）［］【】「」『』《》〈〉〔〕“”‘’]{1,3}(?=\s?[、，,或和与及等]|\s*$)|(?<=[、，,或和与及])[()\[\]（）［］【】「」『』《》〈〉〔〕“”‘’]{1,3}(?=\s?、)"
)
# A bracket named before a list separator, not used: "数组加[、类型". Not before an ASCII
# comma: `fromtimestamp(timestamp[, tz])` writes an optional argument, a bracket in use.
_LISTED = lazy(r"([(\[])(?=[、，])|(?<=、)[)\]]")
# A line of code or a log pasted as prose has no Chinese, and an "=" or a brace, a statement's
# closing ";" (`  new Light(), new Heavy());`) or a JSON key (`…)","code":85550`): its ASCII
# brackets are not read.
_HAN_CHAR = lazy(f"[{HAN}]")
_CODE_LINE = lazy(f"[={{}}]|;[\\s{HIDDEN}]*$|\":", re.M)
# The most a short aside left open at a paragraph's end may hold (`（雾。`).
_SHORT_ASIDE = 10
# How many paragraphs later a bracket (not a quotation) opened in one may still close.
_BRACKET_REACH = 2
# And a quotation: a long quotation runs over several paragraphs.
_QUOTATION_REACH = 10
# How deep among the open marks a closer looks for its own, and how many marks left open may
# wait for a later paragraph: prose nests a few deep; a file of a million "（" must stay linear.
_DEPTH = 50
_PENDING = 50
# Marks past which a paragraph is data (pasted output, minified code), not prose, and not read.
_MOST_MARKS = 5000
# Unbalanced marks past which a paragraph gets one finding rather than one for each.
_CROWD = 10
# A mark quoted as a character: `'('`, `"]"`, `'^]'`, `“（”`.
# A mark named in brackets: `冒号(:)`, `点(.)`, `分号（;）` (not a smiley's `:)`).
_NAMED_MARK = lazy(r"[(（\[［][ ]?[:;.,!?'\"`~@#$%^&*_+=|\\/<>-]{1,3}[ ]?[)）\]］]")
# A key named with its modifier: `Ctrl+[`, `Alt-]`, `C-[`.
_HOTKEY = lazy(r"\b(?:ctrl|control|alt|shift|cmd|command|meta|super|win|option|opt|[cms])[ ]?[-+][ ]?[\[\](){}]", re.I)
# An ASCII bracket stuck to a word and followed by no argument, never closed: an editor's
# command (Vim's `ca(`, `d2a(`), not an aside.
_COMMAND_OPENER = lazy(f"[A-Za-z0-9][(\\[](?=[\\s{HIDDEN}{CJK_PUNCTUATION}]|$)")
_QUOTED_MARK = lazy(r"(['\"‘“「])[^\s'\"‘’“”「」]{1,3}(?:['\"’”」])")
# An interval written in mathematics' half-open notation: "[0, 1)", "(0, 1]".
_INTERVAL = lazy(r"[\[(][^\[\]()\n]{0,40}[,，][^\[\]()\n]{0,40}[\])]")


class BracketUnbalanced(DocumentRule):
    """A bracket or quotation mark left open in its paragraph, or closing nothing.

    ## What it finds
    In articles with Chinese text (the family's business; measured on English articles,
    apostrophes after markup and quotations that run past a line made half its findings
    false), in each paragraph, list item, heading and table cell: `（）［］【】「」『』《》〈〉〔〕`,
    the curly quotation marks `“”` `‘’` and the ASCII `()` `[]` (the `pairs`). An opener that
    is never closed is reported where it opens, a closer that closes nothing where it closes,
    and an opener that a closer of an outer pair passes over (`《手册（上》`) where it opens.
    A quotation typed with one mark twice is one mistake: `”引文”` is reported at the first
    (`write '“'`), `“引文“` at the second (`write '”'`), a `”` that begins a paragraph as a
    mistyped opener.
    Code, URLs, link destinations, HTML and math are not read, and markdown's own brackets
    (`[text](url)`) are not text. A full-width bracket closed by its ASCII twin (`（注释)`) is
    a matter for `punctuation-width`, not of balance.

    A paragraph of more than 5,000 brackets is data, not prose, and is not read; one with more
    than 10 unbalanced gets one finding, at the first.

    These pass, as Chinese writing does them on purpose:
    - a quotation over several paragraphs (or lines of one): each opening it again and the
      last one closing it (`quotations`), or only the first opening and the last closing; a
      bracket closed in one of the next two paragraphs;
    - list enumerators (`1)`, `a)`, `2）`), smileys (`:)`, `:-(`, `：）`, `；-)`, `star:)`,
      `: )`), half-open intervals (`[0, 1)`), `’` as an apostrophe (`don’t`, `users’`, `*Nature*’s`), marks
      quoted, named or listed as characters (`'('`, `（-）`, `$、[、[[ 或 @`, `数组加[、`), ASCII
      brackets on a line without Chinese that holds an `=`, a brace, a JSON key or ends with
      `;` (code or a log pasted as text), and between two dollar signs of which the second
      follows a space (`文件($HOME/x)，将 $HOME`: no math for pandoc or arithmatex);
    - a quotation mark typed for its twin inside brackets that pair: `“路”（”原话“）` reports
      the quotation marks, not the parentheses;
    - the open aside of web writing: a parenthesis left open to the end of the paragraph with
      no sentence ending it or a few words after it (`写完了（`, `（雾。`), and a closing one
      ending a paragraph right after a word (`风景真好看）`).

    Off by default: on Chinese sites it was never tuned on, too many of its findings are false.
    Tuned on 16 Chinese sites and collections (0.99 of a sample of 153 real), it was measured
    on six it had never seen (issue 20, session 6): 0.83 (24 of 29 sampled) on
    hijiangtao.github.io, sunface/rust-course and wangdoc/javascript-tutorial, and, after the
    cause found there was fixed, 0.78 (14 of 18) on xiaolincoder/CS-Base and tw93/weekly.
    Each new site brought a new way of writing brackets that are no mistake (smileys such as
    `: )`, intervals such as `（3，5]`, keys such as `Command + []`, file names in URLs). What
    it finds is mostly real, and worth a look before publishing: `select =
    ["bracket-unbalanced"]` (or the `typography` family, or `ALL`) turns it on.

    ## Why it matters
    A missing closing bracket or quotation mark leaves the reader unsure where an aside or a
    quotation ends; it is usually text lost in an edit, or a mark typed with the wrong input
    method (`“引文“`).

    ## Example

        他说：“这个问题很重要。然后离开了。

    reports `'“' is not closed in its paragraph`.

    ## Fix
    None: where the closing mark belongs is a guess.
    """

    name = "bracket-unbalanced"
    family = "typography"
    severity = Severity.WARNING
    site_pages_only = True
    enabled_by_default = False
    options = {
        "pairs": Option("list[string]", _DATA["pairs"], "Opening and closing marks, each pair written as two characters."),
        "quotations": Option(
            "list[string]",
            _DATA["quotations"],
            "Opening marks that may stay open at a paragraph's end when the next paragraph opens with the same mark.",
        ),
    }

    def check(self, doc, options):
        return at_most(self._findings(doc, options), "unbalanced marks")

    def _findings(self, doc, options):
        pairs = [pair for pair in options["pairs"] if len(pair) == 2]
        openers = {pair[0]: pair[1] for pair in pairs}
        closers = {pair[1]: pair[0] for pair in pairs}
        text = _dollars_as_text(doc, prose(doc))
        if not any(mark in text for mark in (*openers, *closers)) or not _HAN_CHAR.search(text):
            return
        quotations = set(options["quotations"])
        any_mark = _marks("".join((*openers, *closers)))
        found = blocks(doc)
        # Marks left open by earlier paragraphs, perhaps closed by a later one: (offset,
        # paragraph, whether it is reported if not, the opener it stands for).
        pending: list[tuple[int, int, bool, str]] = []
        for index, block in enumerate(found):
            expired = [item for item in pending if index - item[1] > (_QUOTATION_REACH if item[3] in quotations else _BRACKET_REACH)]
            if block.type == "heading":
                expired = pending
            yield from _not_closed(doc, text, [item[0] for item in expired if item[2]], openers)
            pending = [item for item in pending if item not in expired]
            if any_mark.search(text, block.start, block.end) is None:
                continue  # no bracket or quotation mark: nothing to balance
            if len(any_mark.findall(text, block.start, block.end)) > _MOST_MARKS:
                continue  # thousands of brackets in one paragraph: data, not prose
            popped, unclosed, stray, last = _unbalanced(text, block, openers, closers, quotations)
            unclosed = [at for at in unclosed if not _COMMAND_OPENER.match(text, at - 1)]
            if len(popped) + len(unclosed) + len(stray) > _CROWD:
                # Not a slip but a paragraph that is not prose (pasted data or code): once.
                first = min((*popped, *unclosed, *stray))
                count = len(popped) + len(unclosed) + len(stray)
                yield doc.diagnostic(f"'{text[first]}' and {count - 1:,} more marks are unbalanced in this paragraph", first, first + 1)
                continue
            first, starts_at = _first_mark(text, block)
            if first in quotations:
                # Chinese typesetting: each paragraph of a long quotation opens it again
                pending = [item for item in pending if item[3] != first]
            unclosed = _reopened_lines(text, block, unclosed, quotations)
            unclosed, closing = _mistyped_closers(text, block, unclosed, quotations)
            for at in closing:  # “引文“: the second is the closer, mistyped
                yield doc.diagnostic(f"'{text[at]}' closes a quotation here: write '{openers[text[at]]}'", at, at + 1)
            latest = {}  # the last opener of each kind still open at the end
            for at in unclosed:
                latest[_WIDTHS.get(text[at], text[at])] = at
            paired = -1  # a stray closer taken as a mistyped opener, whose own closer comes next
            for at in stray:
                mark = text[at]
                wanted = closers[mark]
                reversed_pair = latest.get(_WIDTHS.get(wanted, wanted), -1) > at  # ”引文“: the pair is reversed
                if paired >= 0 and text[paired] == mark:
                    paired = -1
                    continue  # ”引文”: the second closes the quotation the first opened
                opens = at == starts_at  # a closer that begins a paragraph is an opener mistyped
                opened = None if reversed_pair or opens else next((item for item in reversed(pending) if _same(item[3], wanted)), None)
                if opened is not None:
                    pending.remove(opened)  # opened in an earlier paragraph and closed here
                    continue
                if at == last and _closing_aside(text, at, block):
                    continue
                if wanted in quotations and (opens or _next_stray_is(text, stray, at, mark)):
                    yield doc.diagnostic(f"'{mark}' opens a quotation here: write '{wanted}'", at, at + 1)
                    paired = at
                else:
                    yield doc.diagnostic(f"'{mark}' closes nothing in its paragraph (no '{closers[mark]}' before it)", at, at + 1)
                if opens and wanted in quotations and index + 1 < len(found):
                    # ”引文…: a quotation opened with the wrong mark; its right closer, maybe
                    # paragraphs later, is no second mistake.
                    pending.append((at, index, False, wanted))
            yield from _not_closed(doc, text, popped, openers)
            pending += [(at, index, not (at == last and _open_aside(text, at, block)), text[at]) for at in unclosed]
            if len(pending) > _PENDING:
                yield from _not_closed(doc, text, [item[0] for item in pending[:-_PENDING] if item[2]], openers)
                pending = pending[-_PENDING:]
        yield from _not_closed(doc, text, [item[0] for item in pending if item[2]], openers)


def _dollars_as_text(doc, text):
    """The prose, with the text between two dollar signs put back where the second follows
    white space (`文件($HOME/.aws/credentials)，你可以将 $HOME/.aws`): pandoc, Python-Markdown's
    arithmatex and markdown-it's texmath take no such span for math, and it is shell or prices
    more often than a formula."""
    if "$" not in doc.text:
        return text
    pieces = []
    last = 0
    for node in doc.nodes("inline_math"):
        raw = doc.text[node.start : node.end]
        if len(raw) > 3 and raw[1] not in "$`" and raw[-1] == "$" and raw[-2] in " \t":
            pieces += [text[last : node.start + 1], raw[1:-1]]
            last = node.end - 1
    if not pieces:
        return text
    return "".join((*pieces, text[last:]))


def _next_stray_is(text, stray, at, mark):
    """Whether the next closer that closes nothing after `at` is the same mark."""
    later = [other for other in stray if other > at]
    return bool(later) and text[later[0]] == mark


def _reopened_lines(text, block, unclosed, quotations):
    """The openers left open, without the quotation marks that begin a line when the next
    line begins with the same: a quotation of several lines, each opening it again."""
    return [at for at in unclosed if not (text[at] in quotations and _begins_line(text, block, at) and _next_line_begins(text, block, at) == text[at])]


def _next_line_begins(text, block, at):
    """The first visible character of the line after the one at `at`, in the block."""
    end = text.find("\n", at, block.end)
    if end < 0:
        return ""
    for position in range(end + 1, block.end):
        if text[position] not in (HIDDEN, " ", "\t"):
            return text[position]
    return ""


def _begins_line(text, block, at):
    before = at - 1
    while before >= block.start and text[before] in (HIDDEN, " ", "\t"):
        before -= 1
    return before < block.start or text[before] == "\n"


def _mistyped_closers(text, block, unclosed, quotations):
    """(the openers left open, the second of each two same quotation marks left open side by
    side): in `“引文“` the second is a closer typed with the wrong mark."""
    kept: list[int] = []
    closing: list[int] = []
    for at in unclosed:
        if (
            kept
            and text[at] in quotations
            and text[kept[-1]] == text[at]
            and not _begins_line(text, block, at)
            and '"' not in text[kept[-1] : at]  # “甲" “乙": each closed by an ASCII mark
        ):
            closing.append(at)
            kept.pop()
        else:
            kept.append(at)
    return kept, closing


def _not_closed(doc, text, offsets, openers):
    for at in sorted(offsets):
        mark = text[at]
        yield doc.diagnostic(f"'{mark}' is not closed in its paragraph (no '{openers[mark]}')", at, at + 1)


# The full-width and ASCII forms of a bracket close each other: `（注释)` is a matter of width
# (punctuation-width), not of balance.
_WIDTHS = {"（": "(", "）": ")", "［": "[", "］": "]"}


def _same(mark, other):
    return _WIDTHS.get(mark, mark) == _WIDTHS.get(other, other)


def _unbalanced(text, block, openers, closers, quotations):
    """(openers a closer of an outer pair passed over, openers still open at the end, closers
    that close nothing, the last mark taken as a bracket): offsets in the block."""
    skipped, inert = _skipped(text, block)
    opening = {char: _WIDTHS.get(char, char) for char in openers}
    closing = {char: _WIDTHS.get(closers[char], closers[char]) for char in closers}
    stack: list[int] = []
    kinds: list[str] = []  # the kind of each open mark, its ASCII form for a bracket of either width
    popped: list[int] = []
    stray: list[int] = []
    last = -1
    later = None  # the offsets of each kind's openers and closers, once a closer passes over one
    for found in _marks("".join((*openers, *closers))).finditer(text, block.start, block.end):
        at = found.start()
        char = text[at]
        if at in skipped and (char in opening or at in inert):
            continue
        if char == "’" and _apostrophe(text, at, stack):
            continue
        want = closing.get(char)
        kind = opening.get(char)
        if kind is not None and not (want is not None and kinds and kinds[-1] == want):  # a mark that does both closes first
            if char == "‘" and _elision(text, at):
                continue
            stack.append(at)
            kinds.append(kind)
            last = at
            continue
        if want is None:
            continue
        last = at
        depth = len(kinds) - 1
        lowest = max(-1, depth - _DEPTH)
        while depth > lowest and kinds[depth] != want:
            depth -= 1
        if depth == lowest:
            if at not in skipped:  # an enumerator closes nothing, as meant
                stray.append(at)
            continue
        passed = set(kinds[depth + 1 :])
        if passed and want in quotations and not passed & quotations:
            # A quotation mark closing past open brackets. When one of them is closed further on
            # (a closer of its kind is left over after this one), the quotation mark is the
            # mistake, typed for its twin as quotation marks so often are, not the brackets: in
            # `“路”（”真的说过“）` the `”` closes nothing, and the parentheses are a pair.
            if later is None:
                later = _offsets_by_kind(text, block, opening, closing, skipped)
            if any(_closed_later(later, kind, at) for kind in passed):
                stray.append(at)
                continue
        popped.extend(stack[depth + 1 :])  # closed past them: they were never closed
        del stack[depth:]
        del kinds[depth:]
    return popped, stack, stray, last


def _offsets_by_kind(text, block, opening, closing, skipped):
    """For each kind of mark, the sorted offsets of its openers and of its closers in the block
    (not those that may be no brackets)."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for match in _marks("".join((*opening, *closing))).finditer(text, block.start, block.end):
        at = match.start()
        if at in skipped:
            continue
        char = text[at]
        if char in opening:
            found.setdefault(opening[char], ([], []))[0].append(at)
        if char in closing:
            found.setdefault(closing[char], ([], []))[1].append(at)
    return found


def _closed_later(offsets, kind, at):
    """Whether more marks close `kind` after `at` than open it: one open now is closed there."""
    openers, closers = offsets.get(kind, ((), ()))
    return len(closers) - bisect_right(closers, at) > len(openers) - bisect_right(openers, at)


@lru_cache(maxsize=8)
def _marks(marks: str) -> "re.Pattern[str]":
    return re.compile(f"[{re.escape(marks)}]")


def _skipped(text, block):
    """Offsets of marks that may be no brackets: enumerators (closers that need no opener),
    the ends of intervals, marks quoted or listed; and of marks that are never brackets:
    smileys and a mark named in brackets (`（-）`), which neither open nor close anything."""
    skipped = set()
    inert: set[int] = set()
    if ")" in text[block.start : block.end] or "）" in text[block.start : block.end]:
        for match in _ENUMERATOR.finditer(text, block.start, block.end):
            skipped.add(match.end() - 1)
    for match in _QUOTED_MARK.finditer(text, block.start, block.end):
        skipped.update(range(match.start() + 1, match.end() - 1))
    for match in _INTERVAL.finditer(text, block.start, block.end):
        if (match.group()[0] == "[") != (match.group()[-1] == "]"):
            skipped.update((match.start(), match.end() - 1))
    for match in _MENTIONED.finditer(text, block.start, block.end):
        skipped.update(range(match.start(), match.end()))
    for match in _LISTED.finditer(text, block.start, block.end):
        skipped.add(match.start() if match.group(1) else match.end() - 1)
    for match in _NAMED_MARK.finditer(text, block.start, block.end):
        if len(match.group().replace(" ", "")) == 3:
            # one mark named, `（-）`: its `）` must not close an aside around it
            inert.update((match.start(), match.end() - 1))
        else:
            skipped.update((match.start(), match.end() - 1))
    for match in _LOOSE_SMILEY.finditer(text, block.start, block.end):
        skipped.add(match.end() - 1)
    for match in _HOTKEY.finditer(text, block.start, block.end):
        skipped.add(match.end() - 1)
    chunk = text[block.start : block.end]
    if block.type == "table_cell" and len(chunk.strip(" \t")) == 1:
        # a cell naming a key, `| [ |` (not a cell whose code span left a bracket outside it)
        skipped.add(block.start + len(chunk) - len(chunk.lstrip(" \t")))
    if _CODE_LINE.search(chunk):
        start = block.start
        for line in chunk.split("\n"):
            if _CODE_LINE.search(line) and not _HAN_CHAR.search(line):
                skipped.update(start + i for i, char in enumerate(line) if char in "()[]")
            start += len(line) + 1
    inert.update(match.end() - 1 for match in _SMILEY.finditer(text, block.start, block.end))
    return skipped | inert, inert


def _apostrophe(text, at, stack):
    """`’` between letters ("don’t") is an apostrophe; after a letter or digit ("users’",
    "90’s") too, unless a `‘` is open (`‘osm’`); and before a letter after markup that ends
    a word (`*Nature*’s`, `` `str`’s ``, `[Rust](url)’s`)."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    if not (before.isascii() and before.isalnum()):
        if not (after.isascii() and after.isalpha()) or before not in _WORD_MARKUP:
            return False
        word = at - 1
        while word > 0 and text[word] in _WORD_MARKUP and at - word <= _MARKUP_REACH:
            word -= 1
        # a blanked run is a code span or a link's markup, a word of its own
        return HIDDEN in text[word + 1 : at] or (text[word].isascii() and text[word].isalnum())
    if after.isascii() and after.isalpha():
        return True
    return not any(text[opened] == "‘" for opened in stack[-_DEPTH:])


# What may stand between a word and its apostrophe: emphasis markers, and what the prose text
# blanks (a code span, a link's destination and brackets); how far back a word is looked for.
_WORD_MARKUP = frozenset(("*", "_", "~", HIDDEN))
_MARKUP_REACH = 200


def _open_aside(text, at, block):
    """A parenthesis left open to the paragraph's end, with no sentence ending it or only a
    few words after it: the informal aside of Chinese web writing (`写完了（`, `（然而我并不会写`,
    `（雾。`), not a slip."""
    if text[at] not in "(（":
        return False
    rest = text[at + 1 : block.end].replace(HIDDEN, "").strip()
    if rest.endswith(("...", "…")):
        rest = rest.rstrip(".…")  # trailing off: no sentence end
    return len(rest) <= _SHORT_ASIDE or not rest.endswith(tuple("。！？.!?；;：:"))


def _closing_aside(text, at, block):
    """A closing parenthesis that ends a paragraph right after a word (`风景真好看）`): the
    other half of the same informal style, a smile rather than a bracket."""
    if text[at] not in ")）" or text[at + 1 : block.end].replace(HIDDEN, "").strip():
        return False
    before = at - 1
    while before >= block.start and text[before] in (HIDDEN, " ", "\t", "\n"):
        before -= 1
    return before >= block.start and text[before] not in "。！？.!?；;：:，,、"


def _elision(text, at):
    """`‘` before digits ("‘90s") marks letters left out, and opens nothing."""
    return text[at + 1 : at + 3].isdigit()


def _first_mark(text, block):
    """The block's first visible character, and where it is."""
    for at in range(block.start, block.end):
        if text[at] not in (HIDDEN, " ", "\n", "\t"):
            return text[at], at
    return "", -1

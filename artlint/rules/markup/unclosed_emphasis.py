import re
import unicodedata
from collections import deque

from artlint.findings import Fix, Related, Severity
from artlint.lazyre import lazy
from artlint.localfiles import read_on_github
from artlint.rules import DocumentRule
from artlint.spans import SpanSet
from artlint.urls import TEXT_URL, trim_url

# A run of `*` or `_` with a letter or digit on both sides (`a*b`, `snake_case`) both opens and
# closes, or for `_` neither: never a leftover. Only the others are looked at, in C: a line of
# "*a*a*a" has a million runs, and each one looked at costs microseconds.
_RUN = lazy(r"(?<![*])(?:(?<![^\W_])\*++|\*++(?![^\W_]))|(?<!_)(?:(?<![^\W_])_++|_++(?![^\W_]))")
_EMAIL = lazy(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")  # from a run's start only: linear
_INLINE_BLOCKS = ("paragraph", "block_text", "heading", "table_cell")
_LETTER = lazy(r"[^\W\d_]")
_ARITHMETIC = lazy(r"[=+/^<>]|\s[*_-]\s")


def _frame(text: str, run) -> bool:
    """Four markers or more standing alone between spaces are a rule or a frame
    (`**** 1. row ****`), no emphasis; `****` against a word is an empty bold left behind."""
    start, marker = run[0], run[1]
    end = start + len(marker)
    return len(marker) > 3 and (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())


# Python's unpacking in a call or a signature written as prose: `f(*args, **kwargs)`.
_UNPACKING_BEFORE = lazy(r"[(\[,][ \t]*$")
_UNPACKED_NAME = lazy(r"[A-Za-z_]\w*[ \t]*[),\]=]")
_CJK_BEFORE = lazy(r"[\u3400-\u9fff\uff08\uff0c\u3001]")  # Chinese, `（`, `，`, `、`
# `__**kwargs__:`, `_*args_`: underscores that emphasise an unpacked parameter's whole name.
_EMPHASISED_UNPACKING = lazy(r"(?<![\w*])(_{1,2})\*{1,2}[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*\1(?![\w*])")
# Python's conventional names for what is unpacked, whatever follows: `**kwargs是什么`, `*args`
# ending a heading.
_CONVENTIONAL_NAME = lazy(r"[a-z_]*(?:kwargs|args)(?![A-Za-z0-9_])")
_CODE_NAME = lazy(r"[a-z_][a-z0-9_]*[)\]=；）;]")  # not `,`: "it is **important, and" is bold left open


def _unpacking(text: str, run) -> bool:
    """`*args` and `**kwargs` right after `(`, `[` or `,` and before a name that a `)`, `,`, `]`
    or `=` ends: arguments unpacked, shown as written; and, after a space or Chinese, a
    lower-case name that punctuation ends (`*args 和 **kwargs；`, `（dictEntry **table）`): code
    named in prose, a pointer or an unpacking, not a bold phrase left open; Python's
    conventional `*args` and `**kwargs` (`**kwargs是什么`), whatever follows them; and a whole
    name in underscore emphasis (`__**kwargs__:`, a parameter list's bold names)."""
    start, marker = run[0], run[1]
    if marker not in ("*", "**"):
        return False
    if _UNPACKING_BEFORE.search(text, max(0, start - 4), start) is not None and _UNPACKED_NAME.match(text, start + len(marker)) is not None:
        return True
    if any(_EMPHASISED_UNPACKING.match(text, start - width) for width in (2, 1) if start >= width):
        return True  # `__**kwargs__`: a parameter's name in bold, its asterisks shown inside
    before = text[start - 1 : start]
    if not (before.isspace() or _CJK_BEFORE.match(before) is not None):
        return False
    end = start + len(marker)
    return _CODE_NAME.match(text, end) is not None or _CONVENTIONAL_NAME.match(text, end) is not None


def _cell_footnote_mark(text: str, run) -> bool:
    """`| Condicional** |`, `| ✔** |`, `| yes** |`, `| [IBM](…)** |`, `| (DNS)*** |`: asterisks that
    end a table cell's text right after a word, a link or a bracket, a footnote mark that a line
    under the table explains; the renderer shows them as written."""
    start, marker = run[0], run[1]
    if marker[0] != "*" or len(marker) > 3 or start == 0 or not (text[start - 1].isalnum() or text[start - 1] in _MARKS or text[start - 1] == ")"):
        return False
    # Within _CELL_REACH characters each way: a line of 100,000 markers is not read whole for each.
    reach = max(0, start - _CELL_REACH)
    line_start = max(text.rfind("\n", reach, start) + 1, reach)
    line_end = text.find("\n", start, start + _CELL_REACH)
    line = text[line_start : min(len(text), start + _CELL_REACH) if line_end < 0 else line_end]
    at = start - line_start
    after = line[at + len(marker) :].lstrip(" \t")
    cell = line[line.rfind("|", 0, at) + 1 : at]
    # `| **<bean a="x|y"/>** |`: a bold that a `|` inside cut in two is no footnote mark
    return line.count("|") >= 2 and "*" not in cell and (after.startswith("|") or (not after and line.lstrip().startswith("|")))


_MARKS = "✔✓✗✘√×"
_CELL_REACH = 2000


def _blank(text: str, run) -> bool:
    """Three underscores or more left alone are a blank to fill in (`the value of y is _____.`):
    no renderer's bold italic needs more than three, and three alone mark nothing. So are two
    standing as a word of their own, after a space and before no Latin letter or digit
    (`Autosomes represent __.`, `is known as __叶绿体…`: an exam's questions); `__init` or
    `bold__` still open or close something."""
    start, marker = run[0], run[1]
    if marker[0] != "_":
        return False
    if len(marker) >= 3:
        return True
    before, after = text[start - 1 : start], text[start + len(marker) : start + len(marker) + 1]
    if text[start - 2 : start - 1] in ("_", "*"):
        return False  # `@[name](…)__ __投稿`: two markers around a space, a bold that never was
    return (start == 0 or before.isspace()) and not (after.isascii() and after.isalnum())


def _is_ascii_space(char: str) -> bool:
    return char == "" or char in " \t\n\x0b\x0c\r"


def _is_space(char: str) -> bool:
    """CommonMark's Unicode whitespace (the line's end counts): a space separator (Zs), tab,
    line feed, form feed or carriage return; not the controls that `str.isspace` takes too
    (U+001C to U+001F, which a pasted text may carry next to `**`)."""
    return char == "" or char in "\t\n\x0c\r" or (char.isspace() and unicodedata.category(char) == "Zs")


def _is_punctuation(char: str) -> bool:
    return char != "" and unicodedata.category(char)[0] in "PS"


def flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests for a delimiter run between two characters."""
    left = not _is_space(after) and (not _is_punctuation(after) or _is_space(before) or _is_punctuation(before))
    right = not _is_space(before) and (not _is_punctuation(before) or _is_space(after) or _is_punctuation(after))
    return left, right


class UnclosedEmphasis(DocumentRule):
    """Emphasis markers that CommonMark leaves as literal text because they never close.

    ## What it finds
    `**`, `__`, `*` or `_` that the parser left as text, so that the reader sees the asterisks:
    - an opener (`**` before a word) with no partner in its paragraph, and a closer with no
      opener; two lone markers of one kind in a paragraph, an opener and the next after it
      (`**not **abstract`), are one broken pair, reported once; when a paragraph's lone opener
      and a later paragraph's lone closer look like the two halves of one bold text split by a
      blank line, both are reported, each naming the other;
    - a pair meant as emphasis that CommonMark refuses because a marker sits between punctuation
      and a letter, the common failure in Chinese text: `**陈：**我` or `中**“引语”**的`
      (single `*`/`_` pairs only in this form, on one line). Not on Jekyll (kramdown), Hexo
      (marked; hexo-renderer-markdown-it follows CommonMark), MkDocs (Python-Markdown, unless
      pymdownx.betterem's `smart_enable: all` pairs as CommonMark does), Docusaurus 2 (MDX 1) sites, and sites with a
      CJK-friendly emphasis package installed (markdown-it-cjk-friendly, remark-cjk-friendly:
      in package.json or a lockfile, as VuePress's markdown-ext plugin brings it), whose renderers take
      such pairs as emphasis; there two `**` of a paragraph pair up in order, whatever stands
      beside them (and two `***`, bold italic, likewise; on MkDocs a `***` whose italics a `*`
      ends, then `**`: `***《书名》*作者**`), the first before a non-space and the
      second after one (on Docusaurus 2,
      and on Hexo with marked 0.x or kramed, spaces or not; on MkDocs without pymdownx.betterem
      too, once a `**` with a blank on each side is set aside as text: `**子选择器 **`x`` is bold,
      `**标题 **` at a line's end is not; there `****` ends one bold text and begins the next); on Hexo with marked before 1.0
      (hexo-renderer-marked before 3), two `__` pair up the same way when the first follows
      no ASCII letter or digit (`具有__固定格式__，` is bold there); kramdown takes only ASCII
      white space for a space there (`**第五步　**`, an ideographic space inside, is bold).
    Markers inside words or between digits (`x**2`, `2*3*4`, `snake_case_name`), lone single
    `*`/`_` (footnote marks, globs such as `*.Rd`), three underscores or more alone, or two as a
    word of their own (a blank to fill in, `the value of y is _____`, `represent __.`), Python's unpacking written as prose
    (`f(*args, **kwargs)`), four markers or more between spaces (a frame: MySQL's
    `**** 1. row ****` left unfenced), asterisks beside a `/` (the path glob
    `/static/**`), the wildcard after a dotted name (`root.ln.**`; `root.**` in a table row or
    beside Chinese text), an opener nothing pairs with before a full-width comma or full stop,
    or before a full stop that ends the sentence (the operator named: `通配符 * 和 **。`),
    underscores that start or continue a name (`__do_IRQ()`, `__attribute__`,
    `_<table>_old`, `__ksymtab` before Chinese text, full-width marks or curly quotes, the end of
    `__init__.py`, `__proto__`, `SCRIPT_LINES__`, `__$dirname`, `__dirname` where the page also writes it
    as code, a handle (`@alexalbert__`, `@__Jaisurya`), the prefix named before Chinese text on a page whose code has such names
    (`__开头的标签`), and a lower-case name after `__` that no `__` after it could close: `__rcu`,
    `__le32`, `rq->__lock`, `"__esModule"`; `__Bold text` left open is reported), globs of files
    (`**.so`), asterisks that end their line after a name alone (the family of names that begin
    so: `- selectListBy**`, `com.example.**`), an opener just before a closing bracket or a closer just after an opening one
    (the operator named: `[* 和 **]`), a table cell of markers alone
    (significance stars, `***`), asterisks ending a cell's text after a word (a footnote mark
    explained under the table: `| Conditional** |`, `| yes* |`), asterisks beside a letter or digit that hide or stand for
    characters (a run of four or more, `134********`; a lone `***` with no other run of
    asterisks in its paragraph, `张***说`, the wildcard `***Test`; one digit's `**`, `1**` for
    the status codes 100 to 199), and markers in code, math or URLs are never reported.
    - `** text **` (also `__ text __`): a space inside both markers, so neither opens nor
      closes. Single `*` and `_` between spaces are not reported: `a * b * c` and
      `电流 * 电压 * 时间` are arithmetic. Not on Docusaurus 2 and old-marked Hexo sites, whose
      renderers (MDX 1, marked 0.x, kramed) take spaced markers as emphasis (Python-Markdown,
      MkDocs', shows them as written).

    ## Why it matters
    Editors that wrap a whole block in `**...**` across paragraphs, or put the closing `**` after
    a full-width colon or quote, leave stray asterisks in the published page.

    ## Example

        **1. A. Author et al. Title of the paper. Journal, 2020.

        2. B. Author et al. Another title.**

    reports the `**` on line 1 (never closed in its paragraph) and the `**` on line 3 (closes
    nothing in its paragraph), each naming the other. And

        **王老师：**我们的课程……

    reports `'**...**' is not emphasis: CommonMark does not accept the second '**' between
    punctuation and a letter (write '**王老师**：' or add a space)`.

    ## Fix
    For `** text **` only, and unsafe (`--fix --unsafe-fixes`): the spaces inside the markers are
    removed, where the result is emphasis by CommonMark's rules. Unsafe because a spaced pair is
    now and then literal on purpose, and bold text changes the page. Other findings have none:
    where a missing marker belongs is a guess (the end of the sentence, the paragraph, the
    list?), and a wrong guess makes a whole paragraph bold; so `--fix` leaves it to you.
    """

    name = "unclosed-emphasis"
    family = "markup"
    severity = Severity.WARNING
    fixable = "unsafe"

    def check(self, doc, options):
        text = doc.prose_text
        if "*" not in text and "_" not in text:
            return
        lone: list[tuple[tuple[int, str, str], int]] = []
        site = _renderer_site(doc)
        spaced_renders = site is None or not site.spaced_emphasis
        # Where bare URLs are links, the `_` of `…%20__main__…` is the URL's, even where the
        # parser took it for emphasis.
        autolinked = doc.bare_urls_linked
        for block in doc.nodes(*_INLINE_BLOCKS):
            runs = [run for run in self._leftovers(doc, block) if not _frame(doc.text, run) and not _unpacking(doc.text, run)]
            if autolinked and runs and "://" in doc.text[block.start : block.end]:
                linked = SpanSet(
                    (block.start + m.start(), block.start + m.start() + len(trim_url(m.group(0))))
                    for m in _GFM_AUTOLINK.finditer(doc.text[block.start : block.end])
                )
                runs = [run for run in runs if run[0] not in linked]
            spaced_pairs = _spaced_pairs(doc.text, runs) if spaced_renders else []
            for first, second in spaced_pairs:
                yield self._spaced_finding(doc, first, second)
            paired = {run for pair in spaced_pairs for run in pair}
            runs = [
                run
                for run in runs
                if run[2] != "spaced" and run not in paired and not _beside_bracket(doc.text, run) and not _wildcard_after_dotted_name(doc.text, run)
            ]
            # `*****主编 … ：*****出版社`: two masked names, no pair
            runs = [run for run in runs if not (len(run[1]) > 3 and _masking(doc.text, run, runs))]
            pairs, rest = _intended_pairs(doc.text, runs)
            if site is None or site.commonmark_emphasis:  # else the renderer takes them as emphasis
                for first, second in pairs:
                    yield self._pair_finding(doc, first, second)
            else:
                rest = _unpaired_by_pattern(doc, block, rest)
            lone.extend(
                (run, block.start)
                for run in rest
                if len(run[1]) >= 2
                and not _masking(doc.text, run, rest)
                and not _blank(doc.text, run)
                and not _cell_footnote_mark(doc.text, run)
                and not _operator_named(doc.text, run)
            )
        yield from self._lone_findings(doc, lone)

    @staticmethod
    def _pair_finding(doc, first, second):
        marker = first[1]
        # Two closers: the first stands where the opener was meant (`一条**「互信」规则**`).
        line, column = doc.source.position(first[0] if first[2] == second[2] == "close" else second[0])
        other_line, other_column = doc.source.position(second[0])
        return doc.diagnostic(
            f"'{marker}...{marker}' is not emphasis: CommonMark does not accept the '{marker}' at line {line}, "
            f"column {column} between punctuation and a letter (move the punctuation outside, or add a space)",
            first[0],
            first[0] + len(marker),
            (Related(doc.path, other_line, other_column, f"the other '{marker}'"),),
        )

    @staticmethod
    def _spaced_finding(doc, first, second):
        marker = first[1]
        inner_start, inner_end = first[0] + len(marker), second[0]
        inner = doc.text[inner_start:inner_end]
        words = inner.strip()
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner) - len(inner.rstrip())
        fix = None
        after = doc.text[second[0] + len(marker) : second[0] + len(marker) + 1]
        if _renders_without_spaces(doc, marker, doc.text[first[0] - 1 : first[0]], words, after):
            fix = Fix(
                "remove the spaces inside the markers",
                (doc.edit(inner_start, inner_start + lead, ""), doc.edit(inner_end - trail, inner_end, "")),
                safe=False,
            )
        advice = (
            f"write '{marker}{_shortened(words)}{marker}'"
            if fix is not None
            else "remove the spaces, and keep punctuation from sitting between a marker and a letter"
        )
        return doc.diagnostic(
            f"'{marker} {_shortened(words)} {marker}' is not emphasis: a space inside the markers leaves them as text ({advice})",
            first[0],
            second[0] + len(marker),
            fix=fix,
        )

    @staticmethod
    def _lone_findings(doc, lone):
        """`lone`: (run, the offset its paragraph starts at). In a paragraph, a lone opening marker and
        the next lone one of the same kind after it (`**not **abstract`, or a `**` that closes
        nothing) are one broken pair: one finding, at the first, naming the other. A lone opener
        and a lone closer in later paragraphs may be one bold text split by a blank line: both
        are reported, each naming the other."""
        same_paragraph: dict = {}
        waiting: dict = {}  # (paragraph, marker) -> its lone opener not yet paired
        for run, block in lone:
            opener = waiting.pop((block, run[1]), None)
            if opener is not None:
                same_paragraph[opener] = run
            elif run[2] == "open":
                waiting[(block, run[1])] = run
        told = set(same_paragraph.values())
        across: dict = {}
        openers: dict = {}  # marker -> lone openers of earlier paragraphs, unpaired, in order
        for run, _ in lone:
            if run in told or run in same_paragraph:
                continue
            if run[2] == "open":
                openers.setdefault(run[1], deque()).append(run)
            elif openers.get(run[1]):
                opener = openers[run[1]].popleft()
                across[opener], across[run] = run, opener
        for run, _ in lone:
            if run in told:
                continue
            start, marker, role = run
            message = f"'{marker}' is never closed in its paragraph" if role == "open" else f"'{marker}' closes nothing in its paragraph"
            related: tuple[Related, ...] = ()
            other = same_paragraph.get(run) or across.get(run)
            if other is not None:
                line, column = doc.source.position(other[0])
                message += f" (its partner may be the '{marker}' on line {line})"
                related = (Related(doc.path, line, column, f"the other '{marker}'"),)
            yield doc.diagnostic(message, start, start + len(marker), related)

    def _leftovers(self, doc, block):
        """(offset, marker, "open" | "close") of the markers the parser left as text in a block."""
        text = doc.text
        if block.type == "table_cell" and not text[block.start : block.end].strip(" \t*_"):
            return  # a cell of markers only: significance stars (`***`), a rating
        for node in block.walk():
            if node.type != "text" or not node.raw or ("*" not in node.raw and "_" not in node.raw):
                continue
            if text[node.start : node.end] != node.raw:
                continue  # escapes or entities: the text is not where the raw says; skip rather than guess
            urls = _url_spans(node)
            for run in _RUN.finditer(node.raw):
                start = node.start + run.start()
                end = node.start + run.end()
                if start in urls or doc.in_code(start):
                    continue
                before = text[start - 1] if start > 0 else ""
                after = text[end] if end < len(text) else ""
                if before == "\\":
                    continue
                left, right = flanking(before, after)
                marker = run.group(0)
                if marker[0] == "_":
                    can_open = left and (not right or _is_punctuation(before))
                    can_close = right and (not left or _is_punctuation(after))
                else:
                    can_open, can_close = left, right
                if "/" in (before, after) and marker[0] == "*":
                    continue  # a path glob, shown as written: `/static/**`, `src/**/x`
                if marker[0] == "*" and _GLOB_SUFFIX.match(text, end):
                    continue  # files of a kind, shown as written: `**.so`, `*.js`
                if marker[0] == "*" and can_close and not can_open and _wildcard_after_name(text, start, end):
                    continue  # names that begin so, shown as written: `- selectOneBy**`, `com.example.*`
                if marker[0] == "_" and (_IDENTIFIER.match(text, end) or _NAME_AMID_CJK.match(text, end)):
                    continue  # a name, shown as written: `__do_IRQ()`, `__attribute__((packed))`, `__ksymtab 格式`
                if marker[0] == "_" and _HANDLE_BEFORE.search(text, max(0, start - 40), start):
                    continue  # part of a handle, shown as written: `@alexalbert__`, `@__Jaisurya`
                if marker[0] == "_" and before.isalnum() and _FILE_SUFFIX.match(text, end):
                    continue  # the end of a file's name: `__init__.py`
                if marker == "__" and (_dunder_in_code(doc, text, end) or _DUNDER_END.search(text, max(0, start - 64), start)):
                    continue  # a name with double underscores: `__dirname`, `__proto__`, `SCRIPT_LINES__`
                if marker == "__" and _CJK_AFTER.match(text, end) and _DUNDER_NAME.search(_code_text(doc)):
                    continue  # the prefix itself, named: `__开头的标签` on a page of `__meta_…` labels
                if marker == "__" and can_open and _LOWER_NAME.match(text, end) and not _DUNDER_CLOSER.search(text, end, block.end):
                    continue  # a C or Python name that nothing closes: `__le32`, `rq->__lock`, `<__execve+18>`
                if _is_space(before) and _is_space(after):
                    yield (start, marker, "spaced")  # neither opens nor closes: the first of `** text **`
                elif can_open and not can_close:
                    yield (start, marker, "open")
                elif can_close and not can_open:
                    yield (start, marker, "close")


# A lower-case word after "__" (`__rcu`, `__be16`): a name, where no "__" after it could
# close it; measured on 23 sets of public sites, 34 of 37 unclosed "__" were such names.
_LOWER_NAME = lazy(r"[a-z][A-Za-z0-9]*(?![A-Za-z])")  # camel case too: `"__esModule"`
_DUNDER_CLOSER = lazy(r"(?<=[^\s_])__(?![A-Za-z0-9_])")
# A file suffix after asterisks: a glob of files (`**.so`, `*.md`); lower case, as suffixes are
# written, so that `**.Then` (a sentence after a leftover closer) is still looked at, and not
# closed by asterisks (`以**.vue**结尾` is bold the renderer refused, set 21).
_GLOB_SUFFIX = lazy(r"\.[a-z][a-z0-9]{0,5}(?![A-Za-z0-9*])")


# An identifier alone before asterisks that end their line: the name of a family of methods,
# classes or packages (`selectListBy**`, `com.example.**`), after the line's start, a list
# marker, a space or an opening bracket.
_NAME_BEFORE_WILDCARD = lazy(r"(?:^|[\s(\[（，、,:：])[A-Za-z_$][\w.$]*\Z")


def _wildcard_after_name(text: str, start: int, end: int) -> bool:
    # Within 200 characters each way: a line of 100,000 closers is not read whole for each.
    window_end = min(len(text), end + 200)
    line_end = text.find("\n", end, window_end)
    if line_end < 0:
        if window_end < len(text):
            return False  # the line goes on past the window: text follows the asterisks
        line_end = len(text)
    if text[end:line_end].strip():
        return False
    line_start = max(text.rfind("\n", max(0, start - 200), start) + 1, start - 200)
    return _NAME_BEFORE_WILDCARD.search(text[max(0, line_start) : start]) is not None


# A dotted name before asterisks: `root.ln.**`, `root.db.t2.**` (a path pattern's wildcard). One
# word and a dot (`root.**`) may end a sentence (`Another title.**`): it counts beside Chinese
# text (`路径root.**下`) or in a table's row.
_DOTTED_NAME = lazy(r"(?<![A-Za-z0-9_.])[A-Za-z_][\w$]*(?:\.[\w$]+)+\.\Z")
_WORD_AND_DOT = lazy(r"(?<![A-Za-z0-9_.])[A-Za-z_][\w$]*\.\Z")
_CJK_CHARACTER = lazy(r"[\u3400-\u9fff]")
# Punctuation that ends or splits a sentence, after an opener: nothing is set in bold there.
_SENTENCE_MARKS = frozenset("。，、；：！？")  # full-width: ASCII `**:` is most often a bold whose opener went astray


def _operator_named(text: str, run) -> bool:
    """An opener that nothing pairs with, before a full-width full stop or comma, or an ASCII
    full stop ending the sentence: the operator named (`通配符 * 和 **。`)."""
    start, marker, role = run
    after = text[start + len(marker) : start + len(marker) + 2]
    return marker[0] == "*" and role == "open" and after[:1] != "" and (after[:1] in _SENTENCE_MARKS or (after[:1] == "." and after[1:].strip() == ""))


def _wildcard_after_dotted_name(text: str, run) -> bool:
    """Asterisks written as themselves after a dotted name: a path pattern's wildcard
    (`root.ln.**`; `root.**` in a table of paths or beside Chinese text)."""
    start, marker, _ = run
    if marker[0] != "*":
        return False
    if _DOTTED_NAME.search(text, max(0, start - 200), start):
        return True
    word = _WORD_AND_DOT.search(text, max(0, start - 200), start)
    if word is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    beside_cjk = word.start() > 0 and _CJK_CHARACTER.match(text, word.start() - 1) is not None
    return beside_cjk or _CJK_CHARACTER.match(text, start + len(marker)) is not None or text[line_start:start].lstrip().startswith("|")


def _beside_bracket(text: str, run) -> bool:
    """An opener just before a closing bracket, or a closer just after an opening one (Unicode's
    Pe and Ps) or after an opening quote and before a space: no emphasis starts just before a `]`
    or ends just after a `(`, so the run is the operator named (`[* 和 **]`, `(** 与 *)`), or
    text quoted as written (`"*** START OF"`, a file's marker). Asked after spaced pairs are taken: the second
    marker of `[** 重要 **](...)` is one's end."""
    start, marker, role = run
    char = text[start + len(marker) : start + len(marker) + 1] if role == "open" else text[start - 1 : start] if start else ""
    if role == "close" and _OPENING_QUOTE.search(text, max(0, start - 2), start) and text[start + len(marker) : start + len(marker) + 1].isspace():
        return True  # `"*** START OF"`: a closer right after an opening quote, before a space, is quoted as written
    return char != "" and unicodedata.category(char) == ("Pe" if role == "open" else "Ps")


# An opening quotation mark right before a run: a curly one, or a straight one after a blank.
_OPENING_QUOTE = lazy(r"(?:[“‘«„]|(?:^|(?<=\s))[\"'])\Z")


# Letters after a single "_" that continue a name (`_<table>_old`); CommonMark never closes
# a "_" before a letter, and Latin prose that means emphasis puts a space or a mark there.
_NAME_PART = lazy(r"[A-Za-z0-9]")
# A word of ASCII letters and digits after a run of "_", then Chinese or Japanese text: a
# name (`__ksymtab 中的记录`), not one English word set in bold.
_NAME_AMID_CJK = lazy(r"[A-Za-z][A-Za-z0-9]+[ \t]*(?=[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef—\u2018\u2019\u201c\u201d])")
# A word of ASCII letters and digits after "__" (`__dirname`), a name when the page writes it
# as code too; `__bold text` whose closing was forgotten is not.
_DUNDER_START = lazy(r"[A-Za-z][A-Za-z0-9]*")
# The end of a name before a closing "__": one that began with "_" (`__proto__`, `__FILE__`)
# or has "_" inside (`SCRIPT_LINES__`).
_DUNDER_END = lazy(r"(?:(?<![A-Za-z0-9])_+[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+_[A-Za-z0-9_]*[A-Za-z0-9])$")
# A `__` before Chinese or Japanese text names the prefix itself (`__开头的标签`, "labels that
# start with __") when the page's code has names with it (`__meta_kubernetes_pod_name`).
_CJK_AFTER = lazy(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_DUNDER_NAME = lazy(r"(?<![A-Za-z0-9_])__[A-Za-z]")
# A file name's suffix after a run of "_": `__init__.py`.
# A handle on a social network up to a run of "_" in it (`@alexalbert__`, `@__Jaisurya`).
_HANDLE_BEFORE = lazy(r"(?<![A-Za-z0-9.])@[A-Za-z0-9_]{0,30}$")
_FILE_SUFFIX = lazy(r"\.[A-Za-z][A-Za-z0-9]{0,5}(?![A-Za-z0-9])")
# Letters after a run of "_" that make a name of it: more "_" inside (snake case), or a call.
_IDENTIFIER = lazy(r"[A-Za-z0-9]+(?:_|\()|\$[A-Za-z_]")  # ... or a JavaScript name with a `$`: `__$dirname`


# One digit and two or three stars, standing alone: `1**`, `5**` (a class of status codes).
_DIGIT_CLASS = lazy(r"(?:^|(?<=[^\w.*]))\d\*{2,3}(?![\w*])")


# What a payment app shows of a donor's name: its last one or two Chinese characters, alone in
# a table cell after the stars (`| **青 |`).
# `**青`, `**汀（飞雪）`: a name's last characters, maybe a nickname in brackets after them.
_MASKED_NAME = lazy(r"[\u3400-\u9fff]{1,2}(?:[（(][^\n（()）]{1,20}[）)])?[ \t]*(?:\||$)", re.M)
# Where a donor's name stands alone: a table's cell or a list's item.
_NAME_OPENING = lazy(r"(?:^|\|)[ \t]*$|^[ \t]*[-*+][ \t]+$", re.M)


_AFTER_LABEL = lazy(r"[:：][ \t\u3000]*\Z")
_MASK_TO_LINE_END = lazy(r"(?:[ \t\u3000]*\*+)*[ \t\u3000]*(?:\r?\n|\Z)")


def _masking(text: str, run, runs) -> bool:
    """Asterisks that stand for hidden or any characters, beside a letter or digit: a run of
    four or more (`134********`; after a label's colon too, to the line's end, `摘要：*****`, a
    template's value blanked out), or a lone `***` with no other run of asterisks in its
    paragraph to pair with (`张***说`, the wildcard `***Test`), or `**` before the last one or two
    Chinese characters of a name, alone in a table cell or a list item (`| **青 |`, `- **炎`,
    a donor as a payment app shows one). Emphasis is one to three
    markers, and bold italic comes in pairs. (A `****` after a full stop is a leftover.)"""
    start, marker = run[0], run[1]
    if marker[0] == "*" and start > 0 and _DIGIT_CLASS.match(text, start - 1):
        return True  # `1**` to `5**`: a class of numbers (HTTP's status codes), the stars its digits
    if marker == "**" and _MASKED_NAME.match(text, start + 2) and _NAME_OPENING.search(text, max(0, start - 200), start):
        return True  # `| **青 |`, `- **炎`: a payment app's donor, all but the last character of the name hidden
    if marker[0] != "*" or len(marker) < 3:
        return False
    if len(marker) > 3 and _AFTER_LABEL.search(text, max(0, start - 8), start) and _MASK_TO_LINE_END.match(text, start + len(marker)):
        return True  # `摘 要：*****`, `关键词：****** ***`: a template's value, blanked out to the line's end
    if not (text[start - 1 : start].isalnum() or text[start + len(marker) : start + len(marker) + 1].isalnum()):
        return False
    return len(marker) > 3 or not any(other is not run and other[1][0] == "*" and 2 <= len(other[1]) <= 3 for other in runs)


def _spaced_pairs(text, runs):
    """`** text **`: the same marker twice on one line, with a space after the first and before
    the second, around text of two characters or more with a letter in it (`2 ** 3 ** 4` and
    `x ** n ** m` are arithmetic)."""
    pairs = []
    index = 0
    while index + 1 < len(runs):
        first, second = runs[index], runs[index + 1]
        inner = text[first[0] + len(first[1]) : second[0]]
        if (
            first[1] == second[1]
            and first[2] in ("spaced", "close")
            and _is_space(text[first[0] + len(first[1]) : first[0] + len(first[1]) + 1])
            and second[2] in ("spaced", "open")
            and _is_space(text[second[0] - 1 : second[0]])
            and len(first[1]) > 1  # `a * b * c`, `电流 * 电压 * 时间`: single markers between spaces are arithmetic
            and "\n" not in inner
            and first[1][0] not in inner  # no other marker between: `** a **b** c **` pairs the two outer ones wrongly
            and len(inner.strip()) > 1
            and _LETTER.search(inner)
            and not _ARITHMETIC.search(inner)
        ):
            pairs.append((first, second))
            index += 2
        else:
            index += 1
    return pairs


def _renderer_site(doc):
    """The site whose renderer shows the page, None for a page read on GitHub (a repository's
    README, a folder the generator does not build), which CommonMark renders."""
    return None if read_on_github(doc) else doc.site


def _renders_without_spaces(doc, marker: str, before: str, words: str, after: str) -> bool:
    """Whether `**words**` would be emphasis where `** words **` is written: on a CommonMark
    site not when a marker ends up between punctuation and a letter (`**[链接][ref]**允许`)."""
    site = _renderer_site(doc)
    if site is not None and not site.commonmark_emphasis:
        return True
    left, right = flanking(before, words[0])
    opens = left and (marker[0] == "*" or not right or _is_punctuation(before))
    left, right = flanking(words[-1], after)
    closes = right and (marker[0] == "*" or not left or _is_punctuation(after))
    return opens and closes


def _shortened(words: str) -> str:
    return words if len(words) <= 30 else words[:29] + "…"


# A bare URL as GitHub's autolinker takes it: to the next space or "<", quotes included.
_GFM_AUTOLINK = lazy(r"[hfw](?<![\w/@.].)(?:(?<=h)ttps?://|(?<=f)tp://|(?<=w)ww\.)[^\s<]+", re.I)


def _url_spans(node) -> SpanSet:
    """URLs and e-mail addresses in a text node, whose `_` and `*` are not markup."""
    raw = node.raw
    if "://" not in raw and "www." not in raw and "@" not in raw:
        return SpanSet(())
    spans = [(node.start + m.start(), node.start + m.start() + len(trim_url(m.group(0)))) for m in TEXT_URL.finditer(raw)]
    spans += [(node.start + m.start(), node.start + m.end()) for m in _EMAIL.finditer(raw)]
    return SpanSet(spans)


def _unpaired_by_pattern(doc, block, runs):
    """The runs a pattern-matching renderer (kramdown, marked, Python-Markdown) leaves alone.
    It pairs the `**` of a paragraph in order, whatever the punctuation beside them, an opener
    before a non-space and a closer after one (`释放**，后面**结束` is bold there), where a
    CommonMark parser may have paired them otherwise or not at all. Python-Markdown first sets
    aside as text a `**` with a blank (or the text's edge) on both sides, then pairs the rest
    in order, spaces or not (`**子选择器 **`x`` is bold, `**子选择器 **` at a cell's end is not)."""
    text = doc.text
    paired: set[int] = set()
    openers: dict[str, int] = {}  # `**` pairs with `**`, `***` (bold italic) with `***`
    spaces_too = doc.site is not None and doc.site.spaced_strong  # remark-parse 8, marked 0.x: `** a **` too
    # kramdown's patterns are Ruby's, whose `\s` is ASCII: `**Step 5　**` (an ideographic space
    # before the closer) is bold on a Jekyll site.
    is_space = _is_ascii_space if doc.site is not None and doc.site.generator == "jekyll" else _is_space
    closes_after_space = doc.site is not None and doc.site.pandoc  # pandoc: `**句子。 **` is bold
    python_markdown = doc.site is not None and doc.site.generator == "mkdocs"
    python_markdown_strong = python_markdown and doc.site.python_markdown_strong
    for match in (_STRONG_RUNS if python_markdown_strong else _STRONG_ASTERISKS).finditer(text, block.start, block.end):
        at, marker = match.start(), match.group()
        if doc.in_code(at):
            continue
        after, before = ("x", "x") if spaces_too else (text[match.end() : match.end() + 1], text[at - 1 : at])
        if python_markdown_strong:
            if (at <= block.start or is_space(before)) and (match.end() >= block.end or is_space(after)):
                continue  # `a ** b`, `**a **` at the end: blank on both sides, set aside as text before any pairing
            before = after = "x"  # the rest pair in order, whatever stands beside them: `**子选择器 **`.nav``
            if marker == "****":
                if "**" in openers:  # `**🎓****  学习成长**`: one bold ends, the next begins
                    paired.update((openers["**"], at))
                    openers["**"] = at + 2
                continue
        opener = openers.get(marker)
        if opener is None and marker == "***" and "**" in openers and not is_space(before):
            marker, opener = "**", openers["**"]  # `**<!--id-->***Title:*`: closes the `**`, opens a `*`
        elif opener is None and marker == "**" and "***" in openers and not is_space(before) and python_markdown:
            if _LONE_ASTERISK.search(text, openers["***"] + 3, block.end):
                marker, opener = "***", openers["***"]  # `***《书名》*作者**`: bold, its first words italic
        if opener is not None and (closes_after_space or not is_space(before)):
            paired.update((opener, at))
            del openers[marker]
        elif opener is None and not is_space(after):
            openers[marker] = at
    if doc.site is not None and doc.site.pattern_underscores:
        paired |= _underscores_paired_by_pattern(doc, block)
    return [run for run in runs if not _paired_run(run, paired)]


def _paired_run(run, paired: set[int]) -> bool:
    """Whether a pattern-matching renderer pairs the run: `****` as a closer and an opener both."""
    if run[1] == "****":
        return run[0] in paired and run[0] + 2 in paired
    return run[1] in ("**", "***", "__") and run[0] in paired


_STRONG_ASTERISKS = lazy(r"(?<!\*)\*{2,3}(?!\*)")
_STRONG_RUNS = lazy(r"(?<!\*)\*{2,4}(?!\*)")  # Python-Markdown's: `****` ends one bold and begins the next
# The single `*` that closes (or, after the `**`, ends) the italic part of Python-Markdown's
# `***…*…**` and `***…**…*`.
_LONE_ASTERISK = lazy(r"(?<!\*)\*(?!\*)")
# marked before 1.0 reads text up to a `_` at an ASCII word boundary (JavaScript's `\b_`),
# then takes `__…__` as bold when no space stands inside either end.
_OPENING_UNDERSCORES = lazy(r"(?<![A-Za-z0-9_])__(?![_\s])")
_CLOSING_UNDERSCORES = lazy(r"(?<=\S)(?<!_)__(?!_)")


def _underscores_paired_by_pattern(doc, block) -> set[int]:
    """Starts of the `__` that marked before 1.0 pairs in a block, in order."""
    text = doc.text
    paired: set[int] = set()
    at = block.start
    while True:
        opening = _OPENING_UNDERSCORES.search(text, at, block.end)
        if opening is None:
            return paired
        closing = _CLOSING_UNDERSCORES.search(text, opening.end() + 1, block.end)
        if closing is None:
            return paired
        if not doc.in_code(opening.start()) and not doc.in_code(closing.start()):
            paired.update((opening.start(), closing.start()))
        at = closing.end()


def _intended_pairs(text, runs):
    """Split a block's leftover runs into pairs meant as emphasis (the same marker twice, one of
    them wedged between punctuation and a letter) and the rest."""
    pairs, rest = [], []
    index = 0
    while index < len(runs):
        current = runs[index]
        following = runs[index + 1] if index + 1 < len(runs) else None
        if following is not None and following[1] == current[1] and _looks_like_pair(text, current, following):
            pairs.append((current, following))
            index += 2
            continue
        rest.append(current)
        index += 1
    return pairs, rest


def _dunder_in_code(doc, text: str, end: int) -> bool:
    """Whether the word after a `__` at `end` is, with the `__`, a name the page also writes
    as code (`__dirname` in prose, `path: __dirname + '/dist'` in a code block)."""
    word = _DUNDER_START.match(text, end)
    if word is None:
        return False
    return "__" + word.group() in _code_text(doc)


def _code_text(doc) -> str:
    return doc.memo("unclosed-emphasis code text", lambda: "\n".join(doc.text[start:stop] for start, stop in doc.code_ranges))


def _kept_from_opening(text, run) -> bool:
    """Whether a closing `**` stands where an opener was meant: after a letter, before
    punctuation (`一条**「互信」规则**`), which CommonMark does not let open. (Not `__`, which
    ends names, `[Jake__]`, nor one `*`, a footnote's mark or a wildcard, `config*.*`.)"""
    if run[1] != "**":
        return False
    before, after = text[run[0] - 1 : run[0]], text[run[0] + len(run[1]) : run[0] + len(run[1]) + 1]
    return bool(before) and not _is_space(before) and not _is_punctuation(before) and _is_punctuation(after)


def _looks_like_pair(text, first, second) -> bool:
    marker = first[1]
    inner_start, inner_end = first[0] + len(marker), second[0]
    inner = text[inner_start:inner_end]
    if not inner.strip() or first[2] == second[2] == "close" and not _kept_from_opening(text, first):
        return False
    wedged = any(
        _is_punctuation(text[i - 1 : i]) and not _is_space(text[i + len(marker) : i + len(marker) + 1])
        or _is_punctuation(text[i + len(marker) : i + len(marker) + 1]) and not _is_space(text[i - 1 : i])
        for i in (first[0], second[0])
    )
    if not wedged:
        return False
    if marker == "_" and _NAME_PART.match(text, second[0] + 1):
        return False  # `_<table_name>_old`: a name with a placeholder in it, shown as written
    if len(marker) == 1:
        return "\n" not in inner and len(inner) <= 60 and _is_punctuation(inner[0]) and _is_punctuation(inner[-1])
    return True

import re
from bisect import bisect_right
from functools import lru_cache
from urllib.parse import unquote

from artlint import data
from artlint.chatlog import chat_lines
from artlint.dependencies import han_marks_tree, record
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.rules.typography._text import CJK_PUNCTUATION, HAN, HANGUL, HIDDEN, at_most, blocks, japanese, korean, prose

_DATA = data.load("typography")["punctuation-width"]
_HAN_CHAR = lazy(f"[{HAN}]")
# Around a mark between Chinese characters: a character on one side, a character or a
# full-width mark on the other.
_CJK_SIDE = lazy(f"[{HAN}{CJK_PUNCTUATION}]")
_ASCII_MARKS = ",.;:!?"
# A half-width parenthesis pair around Chinese text with no Latin letter in it.
_PARENTHESES = lazy(r"\(([^()\n\x00]{1,200})\)")
# A name of two parts joined by a dot right before a parenthesis: the notation of a call.
# (Each part starts with a letter: `v0.1.6版本(…)` is a version number before an aside.)
_DOTTED_NAME = lazy(r"(?<![\w.])[^\W\d_]\w*(?:\.[^\W\d_]\w*)+$")
_ARROW_AFTER = lazy(r"[ \t]*(?:=>|->)")  # a lambda's or a function type's arrow
_ARROW_BEFORE = lazy(r"(?:=>|->)[ \t]*$")
# `(销售费用+管理费用)/营业收入`: arithmetic on named quantities, a formula's brackets
# Not "/", which says "or": (读/写); "%" only spaced, the modulo of `(哈希值 % 表大小)`, not (50%以上).
_OPERATOR_INSIDE = lazy(r"[\w）)][ \t]*[+*×÷=][ \t]*[\w（(]|[\w）)][ \t]+%[ \t]+[\w（(]")
# Not "+", which joins names too: "Whistle (命令行版本) + Electron". A spaced "x" between groups
# or numbers multiplies, `(5 个用户) x (2 个请求)`; groups joined by dots are a pattern's fields,
# `v(主版本).(次版本)`.
_OPERATOR_AROUND = lazy(r"[ \t]*[*/×÷=^]|[ \t]+x[ \t]+[(\d]|\.\(")
_OPERATOR_BEFORE = lazy(r"[*/×÷=][ \t]*\Z|[)\d][ \t]+x[ \t]+\Z|\)\.\Z")  # `总额 / (数量)`
# `|------| redirectEnd (可选)`: a line of a drawing in text characters (a timeline, a table)
_DRAWING = lazy(r"[|+<][-=]{3,}|[-=]{3,}[|+>]")
_FULL_PARENTHESES = lazy(r"（[^（）\n]{1,200}）")
_LATIN_LETTER = lazy(r"[A-Za-z]")
_NUMBERING = lazy("[\\s\\x00]*[一二三四五六七八九十百零〇]+")
_SPACED_NUMBER = lazy("(?:^|(?<=[\\s\\[（(]))[一二三四五六七八九十百零〇]+$")
# A reference, which GB/T 7714 writes with half-width punctuation: "李焰, 高弋君, 等. 标题[J].
# 期刊, 2016", "蔡聰明, 談 Stirling 公式, 数学传播, 17(2), 1993"; so does APA's style, the
# authors' initials then the year: "Bryant, R. E., & O’Hallaron, D. R. (2004). 深入理解计算机系统.";
# and Chicago's, translators and place of publication: "Translated by 吴飞. 北京: 华夏出版社, 2017.".
_REFERENCE = lazy(
    r"\[(?:J|M|C|D|R|S|N|P|Z|A|G|EB|DB|CP)(?:/OL)?\]|等[.,]|^\s*\[\d{1,3}\]"
    r"|,\s*\d{1,4}\s*\(\d{1,4}\)|,\s*(?:1[89]|20)\d\d[a-z]?\.?\s*$"  # ", 17(2)", "..., 1993": volume, year
    r"|[A-Z]\.,?\s*(?:&\s*[^()\n]{1,80})?\((?:1[89]|20)\d\d[a-z]?\)\."  # APA: "Bryant, R. E., & O’Hallaron, D. R. (2004)."
    # Chicago's, as Zotero writes it: "Translated by 王浩威. Edited by 王浩威. 台北市: 心灵工坊文化, 2019."
    r"|\b(?:Translated|Edited|Compiled) by\b|[:：]\s*[^,，:：\n]{1,40},\s*(?:1[89]|20)\d\d\.(?=\s|$)",
    re.M,
)
_LATIN_WORD = lazy(r"[A-Za-z][A-Za-z'’-]*")
_COMMAND_REACH = 80  # characters before a mark read for a command with placeholders
# `offer(元素,等待时长,时间单位)`: the parentheses of a call, its name in ASCII, around a mark
_CALL_OPEN = lazy(r"(?<![\w.])[A-Za-z_][A-Za-z0-9_.]*\([^()\n]*\Z")  # ASCII: `示例代码(` is no call
_CALL_CLOSE = lazy(r"[^()\n]*\)")


def _command_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A command word in lower case, where a command starts (a line's start, a list item's) or
    after another lower-case word (`delete from`, `docker rmi`), then placeholders and words
    separated by spaces, the last a Chinese placeholder, up to the mark. A word in prose is
    not one: `创建 branch 或 tag 就很简单:`, `Java RMI 的目标是:`, `CI/CD 变量:`."""
    names = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True) if word.strip()) or "(?!)"
    start = r"(?:^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]*)?|(?<![\w-])[a-z]+[ \t]+)"
    return re.compile(rf"{start}(?:{names})(?:[ \t]+(?:[{HAN}]{{1,12}}|[a-z]+))*[ \t]+[{HAN}]{{1,12}}[ \t]*$", re.M)


# A handle right before a colon: "@南方:" in a quoted reply chain ("//@甲:回复//@乙:原文").
_MENTION_BEFORE = lazy(r"(?<![\w.])@[\w-]{1,30}$")
# What stops a stretch of Latin text: Chinese, Japanese or Korean script, or a line end.
_CJK_SCRIPT = lazy(f"[{HAN}{HANGUL}]")
_NOT_LATIN = lazy(f"[{HAN}{HANGUL}{CJK_PUNCTUATION}\\n{HIDDEN}]")
_MIN_WORDS = 3
_REACH = 300  # how far around a mark the words of its sentence are read
_LOWER_WORD_BEFORE = lazy(r"(?<![A-Za-z])[a-z][a-z'’-]*$")
_WORD_END = "'’-"  # besides a-z, what _LOWER_WORD_BEFORE's word may end in
_WORD = lazy(r"[A-Za-z]")
# Words that make a run of Latin words a sentence rather than a list of names.
_FUNCTION_WORDS = frozenset(
    "the an of to in on at is are was were be been it its this that these we you they she "
    "and or but not no for with as by from can will would should may have has had do does did".split()
)


class PunctuationWidth(DocumentRule):
    """ASCII punctuation in Chinese text, and full-width punctuation in English sentences.

    ## What it finds
    - `,` `.` `;` `:` `!` `?` with a Chinese character on one side and a character
      or full-width mark on the other, spaces between allowed: `中文,中文`, `如下:`, `好的. 然后`;
      emphasis markers and tags beside the mark are looked through (`**如果属于第二范式**,并且`,
      `- **注意**: 说明`), and stay where they are when it is fixed;
      also at the end of a paragraph after a character (`这是一句话.`). Never a mark that
      touches a letter or digit (`Node.js`, `v1.2`, `3.14`, `12:30`, `a,b`, `config.json`),
      one of a run of marks (`...`, `?!`), a `?` or `!` right after a full-width mark that
      ends a clause (`文件。? 通配符匹配…`: no question starts there, the wildcard is named),
      the dot of a foreign name (`卡尔.马克思`, for `·`)
      or after a Chinese number (`六. 联系方式`, for `、`), the colon after a handle in a quoted
      reply (`//@用户名:`, as Weibo writes it), a `,` or `;` before a space or a line's end in
      a text four in five of whose words are Latin (`alice, 王小明, 周平`: names listed in
      English, as English lists them), a `;` or `:` of a command written with Chinese
      placeholders (`command-words`: `delete from 表名;`, `docker rmi 仓库名:标签名`), a `,` or
      `;` between the arguments of a call (`offer(元素,等待时长)`), a `,` between the items of a
      tuple that a word names before or after it (`tuple-words`: `三元组：(起点类型, 边类型,
      终点类型)`, `(索引,值)对`), a `:` joining fields of one character each (`时:分:秒`), a `,` or `;` on a line of
      tab-separated values (a query's output pasted as text, `2⇥口味⇥微辣,中辣`), a `,`, `:` or `;` inside straight
      double quotes that hold a literal (a short value, `"学号,学科"`, or fields the mark joins
      more than once, a file's line format `"用户名:密码:用户 ID"`; not a quoted sentence),
      a reference written in the half-width style of GB/T 7714 (`张三, 李四, 等. 标题[J].`), of APA
      (`Bryant, R. E. (2004). 深入理解计算机系统.`) or of Chicago (`Translated by 吴飞. 北京: 华夏出版社, 2017.`),
      any in a document that writes its Chinese with half-width marks throughout (ten or more
      after Chinese characters, fewer than one full-width `，。：；！？` for every ten, the texts
      of links to other sites, their pages' titles, not counted; or three or
      more and not one full-width mark, in a document not written in Latin letters: its house
      style, as for parentheses below),
      the title of another site's page as a link's text, shown as that site wrote it: a link
      in quotation marks (`「[视频标题,副标题](https://…)」`, `《[书名(第二版)](https://…)》`), or
      or with its text in them (`[《系列名 (基礎篇)》](https://…)`), or alone on its line to a
      Chinese platform, a closing mark after it or not (`title-hosts`:
      `- [如何看待…?](https://www.zhihu.com/…)`, `[手撕定时器(纯手写)](https://blog.csdn.net/…)。`),
      or to any site with its text ending in the site's name after a separator, as a browser
      shows a page's title (`- [拜拜了, 浮動布局 « 張鑫旭 - 鑫空間](https://…)`, `… :: 痞客邦 ::`);
      a link to another site carries the writer's words, a translation or a note),
      a `:` between a label and its written-out address in a page that writes three or more so
      and none full-width (`- 官方文档: https://…`: its list of references' house style),
      or anything in code, URLs, link destinations, HTML, math or template tags, nor a comma
      between two formulas (`$v_0$,$v_1$`). Not in Japanese
      text (a tenth of its Han and kana characters kana), whose marks are 、。 and whose labels
      take a half-width colon, nor in Korean text (as much Hangul as Han), whose marks are
      ASCII's, a Hanja among its words (`메모리 多.`) or not.
    - Half-width parentheses around Chinese text with no Latin letter in it (`中文(注释)`; not
      after a dotted name, `组件.操作(数据)`, the notation of a call, nor beside an arrow,
      `(参数) => (函数体)`, a lambda's, nor in a link's text that quotes the name of the page
      it leads to, its address spelling the same parentheses: `Security_(简体中文)`, or another
      site's title (as for the marks above), nor in a
      formula, `(销售费用+管理费用)/营业收入`, `(5 个用户) x (2 个请求)`, nor a pattern's
      fields joined by dots, `v(主版本).(次版本)`, nor a tuple a word names (`元组(键, 值)`), nor
      brackets each quoted as a character (`以 "(" 开始，以 ")" 结束`), nor on a line of a drawing made of text,
      `|------| loadEventEnd (页面加载完成)`), in
      an article that writes most of its Chinese asides in full-width ones: where half-width
      parentheses are the article's rule, they are its house style.
    - Full-width `，。；：！？` inside an English sentence: after a lower-case word and before a
      word (lower-case after `，；：`), with at least three English words on each side before
      Chinese script or another full-width mark, one of them a function word (`the`, `to`,
      `we`...): `when you use the default settings，the server starts`; a sentence with Chinese
      script in it is Chinese, whose English phrases a `，` may list (`bolt 通过 run the
      functions，filter the tuples，do the joins 来完成`). Labels and names in
      Chinese text are Chinese punctuation and pass: `GitHub：`, `React，Vue 和 Angular`, a
      Chinese sentence ending in English words (`拆分成 he、l、l、o。`).

    No typography rule reads a block quote that follows a line labelling what not to write
    (`错误：`, `Wrong:`, `❌`, the `counter-examples` of `rules/typography.toml`), nor the quotes
    right after it: a style guide's examples of wrong punctuation.

    ## Why it matters
    Chinese text takes full-width punctuation, and a half-width comma or period among Chinese
    characters looks cramped and is a tell of text typed with the wrong input mode; full-width
    marks inside an English sentence leave gaps in it.

    ## Example

        配置如下:首先安装依赖,然后运行(需要管理员权限)

    reports the `:` and the `,` (`half-width ':' in Chinese text: write '：'`) and the
    parentheses (`'(...)' around Chinese text: write '（...）'`).

    ## Fix
    Safe: the mark is replaced by its other form (`to-full-width`, `to-half-width`); spaces
    around a mark that becomes full-width are removed, and a space is added after a mark that
    becomes half-width where a word follows.
    """

    name = "punctuation-width"
    family = "typography"
    severity = Severity.WARNING
    site_pages_only = True
    fixable = "safe"
    options = {
        "to-full-width": Option(
            "table[string]", dict(_DATA["to-full-width"]), "ASCII marks between Chinese characters and their full-width forms."
        ),
        "to-half-width": Option(
            "table[string]", dict(_DATA["to-half-width"]), "Full-width marks in Latin text and their ASCII forms."
        ),
        "title-hosts": Option(
            "list[string]",
            list(_DATA["title-hosts"]),
            "Chinese platforms (and their subdomains) whose titles a link alone on its line quotes as they are written.",
        ),
        "command-words": Option(
            "list[string]",
            list(_DATA["command-words"]),
            "Words of SQL and command lines after which Chinese placeholders up to ';' or ':' are a command's (`delete from 表名;`).",
        ),
    }

    def check(self, doc, options):
        return at_most(self._findings(doc, options), "marks of the wrong width")

    def _findings(self, doc, options):
        text = prose(doc)
        has_han = _HAN_CHAR.search(text) is not None and not japanese(text) and not korean(text)
        full = options["to-full-width"]
        half = options["to-half-width"]
        parentheses = has_han and _mostly_full_width_parentheses(text)
        half_width_style = has_han and (_half_width_house_style(_own_words(doc, text), full) or _site_writes_half_width(doc, text, full))
        half_width = _marks_pattern("".join(mark for mark in full if len(mark) == 1))
        after_word = _after_word_pattern("".join(mark for mark in half if len(mark) == 1))
        commands = derived(options, "punctuation-width commands", lambda: _command_pattern(tuple(options["command-words"])))
        for block in blocks(doc):
            if has_han and half_width and not half_width_style and not _REFERENCE.search(text, block.start, block.end):
                yield from self._half_width_marks(doc, text, block, full, half_width, commands, options)
                if parentheses:
                    yield from self._parentheses(doc, text, block, options)
            if after_word:
                yield from self._full_width_marks(doc, text, block, half, after_word)

    def _half_width_marks(self, doc, text, block, full, marks, commands, options):
        last_visible = block.end - 1  # the paragraph's last visible character: after it, its end
        while last_visible >= block.start and text[last_visible] in (HIDDEN, " ", "\t", "\n"):
            last_visible -= 1
        quoted = _QuotedLiterals(text, block.start, block.end)
        for found in marks.finditer(text, block.start, block.end):
            at = found.start()
            mark = text[at]
            if text[at - 1 : at] in _ASCII_MARKS or text[at + 1 : at + 2] in _ASCII_MARKS + "/\\":
                continue  # a run: "...", "?!", ":/"
            if doc.text[at - 1 : at] == "$" and doc.text[at + 1 : at + 2] == "$":
                continue  # `$v_0$,$v_1$`: a list of formulas, written as one
            if chat_lines(doc).holds(at):
                continue  # a chat log's line: the name a participant gave themselves, as they typed it
            if _in_a_linked_title(doc, at, options):
                continue  # `「[视频标题,副标题](https://…)」`: another site's title, as that site wrote it
            if mark in ",:;" and quoted.literal(at):
                continue  # `"组名:密码:组 ID"`, `"学号,学科"`: a file's line format, a key, quoted as written
            before = _visible_before(text, block.start, at)  # `**第二范式**,并且`: the bold's markers are no text
            if mark == ":" and text[at - 1 : at] == HIDDEN and doc.memo("punctuation-width label colons", lambda: _half_width_labels(text)):
                continue  # `- **类型**: str`, the page's every label so: its template's house style
            after_end = at + 1
            while after_end < block.end and text[after_end] in " \t":
                after_end += 1
            spaces_end = after_end  # what the fix removes with the mark: spaces, never markup
            while after_end < block.end and text[after_end] == HIDDEN and after_end - spaces_end < _MARKUP_REACH:
                after_end += 1  # `,**并且**`: the bold's markers are no text
            after = text[after_end] if after_end < block.end else ""
            at_end = after_end > last_visible
            if not _HAN_CHAR.match(before):
                if not (_CJK_SIDE.match(before) and _HAN_CHAR.match(after)):
                    continue
            elif not (_CJK_SIDE.match(after) or at_end or after == "\n" and _CJK_SIDE.match(_next_on_line(text, after_end + 1))):
                continue
            if mark in "?!" and before in _CLAUSE_ENDS:
                continue  # "文件。? 通配符匹配…": a `?` after a full stop opens no question, it names the wildcard
            if mark in ",;" and text[at + 1 : at + 2] in (" ", "\n") and doc.memo("punctuation-width latin", lambda: _mostly_latin(text)):
                continue  # "zjuwangg, 林小铂, 周平": names listed in an English text, as English lists them
            if mark in ",;" and _tab_separated_row(text, at):
                continue  # `6\t2\t口味\t微辣,中辣,特辣`: a table's row pasted as text, the comma inside a stored value
            if mark in ",;" and _CALL_OPEN.search(text, max(block.start, at - _COMMAND_REACH), at) and _CALL_CLOSE.match(text, at + 1, block.end):
                continue  # `offer(元素,等待时长)`: a call's arguments, written with Chinese names
            if mark == ":" and _joins_one_character_fields(text, block, at):
                continue  # "年-月-日T时:分:秒": a format's fields of one character each, joined as the format joins them
            if mark == "," and _in_a_tuple(text, block, at):
                continue  # "三元组：(起点类型, 边类型, 终点类型)", "(索引,值)对": a tuple's notation, as mathematics writes it
            if mark == ":" and _MENTION_BEFORE.search(text, max(block.start, at - 32), at):
                continue  # "//@用户名:": a reply's handle, as Weibo and Twitter write it
            if mark in ";:" and commands.search(text, max(block.start, at - _COMMAND_REACH), at):
                continue  # `delete from 表名;`, `docker rmi 仓库名:标签名`: a command's syntax around placeholders
            if mark == "." and _NUMBERING.fullmatch(text, max(block.start, text.rfind("\n", 0, at) + 1), at):
                continue  # "六. 联系方式": a heading's number, for '、' rather than '。', on a line of its own or not
            if mark == "." and text[at + 1 : at + 2] == " " and _SPACED_NUMBER.search(text, max(block.start, at - 8), at):
                continue  # "小白自制 Linux 开发板 一. 瞎抄原理图": a part's number inside a quoted title
            if mark == "." and after and after in "》）」』】":
                continue  # "《标题.》": not a sentence's end
            if mark == ":" and _ADDRESS_AFTER.match(doc.text, at + 1) and _address_labels_half_width(doc):
                continue  # "官方文档: https://…" on each line of a list of references: the page's house style for them
            if mark == "." and after_end == at + 1 and _HAN_CHAR.match(after):
                continue  # "列夫.托尔斯泰": a dot between the parts of a foreign name (for '·')
            replacement = full[mark]
            end = at + 1 if after == "\n" or at_end else spaces_end  # spaces after it go, a line end stays
            fix = Fix(f"write '{replacement}'", (doc.edit(at, end, replacement),))
            yield doc.diagnostic(f"half-width '{mark}' in Chinese text: write '{replacement}'", at, at + 1, fix=fix)

    def _parentheses(self, doc, text, block, options):
        for match in _PARENTHESES.finditer(text, block.start, block.end):
            inner = match.group(1)
            if not _HAN_CHAR.search(inner) or _LATIN_LETTER.search(inner):
                continue
            before = text[match.start() - 1 : match.start()]
            if before.isascii() and before.isalnum():
                continue  # f(x): a call, not a remark
            if _TUPLE_SEPARATOR in inner and _names_a_tuple(text, block, match.start(), match.end()):
                continue  # "元组(key, 窗口结束时间戳, 最大值)": a tuple's notation, as mathematics writes it
            if _quoted_bracket(text, match.start()) or _quoted_bracket(text, match.end() - 1):
                continue  # 以 "(" 开始，以 ")" 结束: the brackets mentioned, each quoted, not a remark's
            if _DOTTED_NAME.search(text, max(block.start, match.start() - 40), match.start()):
                continue  # 组件.操作(数据): a call written with Chinese names, not a remark
            if _ARROW_AFTER.match(text, match.end()) or _ARROW_BEFORE.search(text, max(block.start, match.start() - 8), match.start()):
                continue  # (参数) => (函数体): a lambda's parts, written with Chinese names
            operator_before = _OPERATOR_BEFORE.search(text, max(0, match.start() - 4), match.start())
            if _OPERATOR_INSIDE.search(inner) or _OPERATOR_AROUND.match(text, match.end()) or operator_before:
                continue  # (销售费用+管理费用)/营业收入: a formula, whose brackets are half-width
            if _on_a_drawing(doc, text, match.start()):
                continue  # |------| loadEventEnd (页面加载完成): a label in a drawing made of text
            if _quotes_its_target(doc, match) or _in_a_linked_title(doc, match.start(), options):
                continue  # [Security (简体中文)](…/title/Security_(简体中文)): the page's own name, as the wiki spells it
            start, end = match.span()
            fix = Fix("write '（' and '）'", (doc.edit(start, start + 1, "（"), doc.edit(end - 1, end, "）")))
            yield doc.diagnostic("'(...)' around Chinese text: write '（...）'", start, end, fix=fix)

    def _full_width_marks(self, doc, text, block, half, after_word):
        for found in after_word.finditer(text, block.start + 1, block.end):
            at = found.start()
            mark = text[at]
            if not _LOWER_WORD_BEFORE.search(text, max(block.start, at - 40), at):
                continue  # "GitHub：", "React，Vue": labels and names, Chinese punctuation
            following = at + 1
            while following < block.end and text[following] == " ":
                following += 1
            word_after = _WORD.match(text, following)
            if word_after is None or not (word_after.group()[0].islower() or mark in "。！？"):
                continue  # at the end, a Chinese sentence may end in English words: "拆分成 he、l、l、o。"
            if not _in_english_sentence(text, at, block):
                continue
            replacement = half[mark] + " "
            fix = Fix(f"write '{replacement.strip()}'", (doc.edit(at, following, replacement),))
            yield doc.diagnostic(f"full-width '{mark}' in an English sentence: write '{replacement.strip()}'", at, at + 1, fix=fix)


# Three fields or more of one Han character each, joined by half-width colons: a format's notation.
_FIELD_CHAIN = lazy(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?::[\u4e00-\u9fff]){2,}(?![\u4e00-\u9fff])")


def _joins_one_character_fields(text: str, block, at: int) -> bool:
    """Whether the colon at `at` is one of a `_FIELD_CHAIN` (`时:分:秒`)."""
    nearby = _FIELD_CHAIN.finditer(text, max(block.start, at - 4), min(block.end, at + 5))
    return any(chain.start() <= at < chain.end() for chain in nearby)


_TUPLE_SEPARATOR = ","
_TUPLE_OPENERS = "(<‹"
_TUPLE_CLOSERS = {"(": ")", "<": ">", "‹": ">"}  # a writer's ‹ may close with >
_TUPLE_REACH = 80  # characters from a comma to its tuple's brackets
_TUPLE_WORDS = tuple(_DATA["tuple-words"])
_QUOTES = "\"'“”‘’「」"


def _in_a_tuple(text: str, block, at: int) -> bool:
    """Whether the comma at `at` separates the items of a tuple's notation: inside half-width
    brackets on its line, which a word for a tuple names (`tuple-words`)."""
    line_start = max(block.start, text.rfind("\n", 0, at) + 1, at - _TUPLE_REACH)
    opening = max(text.rfind(opener, line_start, at) for opener in _TUPLE_OPENERS)
    if opening < 0 or any(closer in text[opening + 1 : at] for closer in ")>"):
        return False
    line_end = text.find("\n", at, block.end)
    closing = text.find(_TUPLE_CLOSERS[text[opening]], at, min(block.end if line_end < 0 else line_end, at + _TUPLE_REACH))
    return closing >= 0 and _names_a_tuple(text, block, opening, closing + 1)


def _names_a_tuple(text: str, block, start: int, end: int) -> bool:
    """Whether the bracketed group `text[start:end]` is a tuple's notation: a word for a tuple
    right before it (`三元组：(`) or right after it (`)对`), its items without Chinese marks."""
    inner = text[start + 1 : end - 1]
    if any(mark in inner for mark in "，。；：、（）"):
        return False
    before = text[max(block.start, start - 8) : start].rstrip(" :：")
    after = text[end : min(block.end, end + 4)]
    return before.endswith(_TUPLE_WORDS) or after.startswith(_TUPLE_WORDS)


def _quoted_bracket(text: str, at: int) -> bool:
    """Whether the bracket at `at` is quoted alone, `"("`: mentioned, as a character."""
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    return before != "" and after != "" and before in _QUOTES and after in _QUOTES


def _on_a_drawing(doc, text: str, offset: int) -> bool:
    """Whether `offset` is on a line of a drawing made of text; the lines are found once per
    page (a line of a million marks is not searched again for each pair of brackets)."""

    def compute() -> list[tuple[int, int]]:
        lines: list[tuple[int, int]] = []
        for found in _DRAWING.finditer(text):
            start = text.rfind("\n", 0, found.start()) + 1
            end = text.find("\n", found.end())
            if not lines or start >= lines[-1][1]:
                lines.append((start, len(text) if end < 0 else end))
        return lines

    lines = doc.memo("punctuation-width drawing lines", compute)
    index = bisect_right(lines, (offset, len(text) + 1)) - 1
    return index >= 0 and lines[index][0] <= offset <= lines[index][1]


def _tab_separated_row(text: str, at: int) -> bool:
    """Whether the line holding `at` is a row of tab-separated values (a query's output pasted
    as text): two tabs or more between its words."""
    end = text.find("\n", at)
    line = text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end]
    return line.lstrip("\t").count("\t") >= 2  # tabs that indent the line are no separators


def _quotes_its_target(doc, match) -> bool:
    """Whether the parentheses are in a link's text and its address spells them the same: the
    text quotes the name of the page it leads to (a wiki's `Security_(简体中文)`)."""
    links = doc.memo("punctuation-width links", lambda: sorted((link.start, link.end, link.url) for link in doc.links if not link.is_image))
    index = bisect_right(links, (match.start(), len(doc.text) + 1, "")) - 1
    # Links do not overlap: the last one starting before the brackets is the only one that may hold them.
    return index >= 0 and links[index][0] <= match.start() < links[index][1] and match.group(0) in unquote(links[index][2])


_TITLE_QUOTES = {"「": "」", "『": "』", "《": "》", "“": "”"}
# A pointing emoji or arrow before a link (`《👉[标题](…)》`), with its variation selector.
_POINTER = "(?:[\U0001F446-\U0001F449\u261B\u261E\u2192\u27A1\u25B6\u25BA][\uFE0F]?[ \t]*)?"
_POINTER_BEFORE = lazy(_POINTER + r"\Z")
# What may stand before a link alone on its line: a quote's `>`, a list marker, a task box.
# and a pointing emoji or arrow (`1. 👉[标题](…)`).
_LINE_OPENING = lazy(r"[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?" + _POINTER + r"\Z")
# After it: the line's end, a closing mark first or not (`[标题](https://…)。`).
_LINE_END = lazy(r"[。．.；;，,]?[ \t\r]*(?:\n|\Z)")
# A written-out address, after the spaces that follow a mark.
_ADDRESS_AFTER = lazy(r"[ \t]*(?:https?://|www\.)", re.I)


def _in_a_linked_title(doc, offset: int, options) -> bool:
    """Whether `offset` is in the text of a link that shows another site's title as that site
    wrote it: a link in quotation marks or whose text is in them, or alone on its line to a
    Chinese platform (`title-hosts`) or with the site's name after the page's (`标题 « 站名`)."""
    titles = doc.memo("punctuation-width linked titles", lambda: _linked_titles(doc, options))
    index = bisect_right(titles, (offset, len(doc.text) + 1)) - 1
    return index >= 0 and titles[index][0] <= offset < titles[index][1]


def _linked_titles(doc, options) -> list[tuple[int, int]]:
    text = doc.text
    hosts = derived(options, "punctuation-width title hosts", lambda: tuple(options["title-hosts"]))
    spans = []
    for link in doc.links:
        if link.is_image or link.kind not in ("inline", "reference") or link.scheme not in ("http", "https"):
            continue
        pointer = _POINTER_BEFORE.search(text, max(0, link.start - 4), link.start)
        before = pointer.start() if pointer else link.start
        opening = text[before - 1 : before]
        shown = link.text.strip()
        if opening in _TITLE_QUOTES and text[link.end : link.end + 1] == _TITLE_QUOTES[opening]:
            spans.append((link.start, link.end))
        elif shown[:1] in _TITLE_QUOTES and shown[-1:] == _TITLE_QUOTES[shown[0]]:
            spans.append((link.start, link.end))  # `[《30天之從 0 至 1 (性能基礎篇)》](https://…)`: the quotation marks inside
        elif _alone_on_its_line(doc, link.start, link.end) and (_title_host(link.host, hosts) or _SITE_NAMED.search(shown)):
            spans.append((link.start, link.end))
    return sorted(spans)


# The end of a page's title as a browser shows it, the site's name after a separator:
# `拜拜了, 浮動布局 « 張鑫旭 - 鑫空間`, `… @ 有ㄉ沒ㄉ... :: 痞客邦 ::`, `…_百度經驗`, `… | 狼狼的藍胖子`.
_SITE_NAMED = lazy(r"(?:[ \t](?:«|»|\||::|@|-|–|—)[ \t]|_)[^\s«»|@_][^«»|@_]{0,40}$")


def _title_host(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == name or host.endswith("." + name) for name in hosts)


def _alone_on_its_line(doc, start: int, end: int) -> bool:
    line_start = doc.source.line_starts[doc.source.line_of(start) - 1]  # not a search back: a line of many links
    return _LINE_OPENING.match(doc.text, line_start, start) is not None and _LINE_END.match(doc.text, end) is not None


def _in_english_sentence(text, at, block):
    """Whether the mark sits in a stretch of English prose: three words or more on each side
    before Chinese script or another full-width mark, with a function word among them (not a
    list of names)."""
    start = at
    lowest = max(block.start, at - _REACH)
    while start > lowest and not _NOT_LATIN.match(text, start - 1):
        start -= 1
    highest = min(block.end, at + 1 + _REACH)
    stop = _NOT_LATIN.search(text, at + 1, highest)
    end = stop.start() if stop else highest
    before = _LATIN_WORD.findall(text, start, at)
    after = _LATIN_WORD.findall(text, at + 1, end)
    if len(before) < _MIN_WORDS or len(after) < _MIN_WORDS:
        return False
    if len(text[start:at].split()) < 2:
        return False  # `linux/debian/ubuntu：find - search for files`: one label before the mark, not a sentence's words
    if not any(word.lower() in _FUNCTION_WORDS for word in before + after):
        return False
    return not _in_chinese_sentence(text, at, block)


_SENTENCE_END = lazy(r"[。！？!?]|\.(?=\s)")


def _in_chinese_sentence(text, at, block) -> bool:
    """English phrases listed in a Chinese sentence (`bolt通过run functions，filter tuples，do
    streaming joins来做任何事情`): Chinese script in the same sentence makes its commas Chinese."""
    lowest = max(block.start, at - _REACH)
    start = lowest
    for end in _SENTENCE_END.finditer(text, lowest, at):
        start = end.end()
    stop = _SENTENCE_END.search(text, at + 1, min(block.end, at + 1 + _REACH))
    return _HAN_CHAR.search(text, start, stop.start() if stop else min(block.end, at + 1 + _REACH)) is not None


_LATIN_WORD = lazy(r"[A-Za-z]{2,}")
_ENGLISH_SHARE = 0.8  # of the words of a text written in Latin letters: an English text


def _mostly_latin(text) -> bool:
    """Whether a text is written in Latin letters, its Chinese a few names and quotes: four in
    five of its words Latin, each Han character counted as a word (a Chinese text heavy with
    English terms has two in five)."""
    latin = len(_LATIN_WORD.findall(text))
    han = len(text) - len(_HAN_CHAR.sub("", text))
    return latin >= _ENGLISH_SHARE * (latin + han)



_HALF_AFTER_HAN = lazy(f"[{HAN}][,.;:!?]")
_FEWEST_FOR_A_STYLE = 10  # half-width marks after Chinese characters: fewer make no house style
_FEWEST_UNMIXED = 3  # as many, with no full-width mark at all, do


_LONGEST_QUOTED_VALUE = 12  # characters between straight quotes: a value, not a quoted sentence


class _QuotedLiterals:
    """Whether a mark lies inside straight double quotes on its line that hold a literal: a
    short value (`"学号,学科"`, a composite key) or fields the same mark joins more than once
    (`"用户名:密码:用户 ID:组 ID"`, a file's line format). A sentence quoted so, longer and
    marked once, is still prose. Each line's quotes are found once, as the block's marks are
    asked about in order: a line of 100,000 marks is not searched again for each."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.line_start = self.line_end = -1
        self.quotes: list[int] = []
        self.verdicts: dict[tuple[int, str], bool] = {}

    def literal(self, at: int) -> bool:
        if not self.line_start <= at < self.line_end:
            self._read_line(at)
        before = bisect_right(self.quotes, at)
        if before % 2 != 1 or before >= len(self.quotes):
            return False  # not after an opening quote, or no closing one on the line
        opening, closing = self.quotes[before - 1], self.quotes[before]
        mark = self.text[at]
        if (opening, mark) not in self.verdicts:
            quoted = self.text[opening + 1 : closing]
            self.verdicts[(opening, mark)] = not any(full in quoted for full in "，。；：！？") and (
                len(quoted) <= _LONGEST_QUOTED_VALUE or quoted.count(mark) >= 2
            )
        return self.verdicts[(opening, mark)]

    def _read_line(self, at: int) -> None:
        text = self.text
        self.line_start = max(self.start, text.rfind("\n", self.start, at) + 1)
        line_end = text.find("\n", at, self.end)
        self.line_end = self.end if line_end < 0 else line_end
        self.quotes = []
        quote = text.find('"', self.line_start, self.line_end)
        while quote >= 0:
            self.quotes.append(quote)
            quote = text.find('"', quote + 1, self.line_end)


def _own_words(doc, text: str) -> str:
    """The prose text without the texts of links to other sites: the titles of their pages,
    written as those sites wrote them (`[再见，CSRF](https://…)`), tell nothing of the
    author's own style."""
    spans = [(link.start, link.end) for link in doc.links if not link.is_image and link.scheme in ("http", "https")]
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            pieces.append(text[last:start])
            last = end
    pieces.append(text[last:])
    return " ".join(pieces)


def _half_width_house_style(text: str, full: dict) -> bool:
    """Whether the document writes its Chinese with half-width marks throughout (`需要敲很多字符.
    首先, …`): ten or more after Chinese characters, and not one full-width mark (，。：；！？) for
    every ten of them; or, in a document not written in Latin letters, three or more and not a single
    full-width mark. That is the article's house style, not a slip; a document that mixes the two
    widths is checked, and one with fewer marks follows its site. (Asked of the author's own
    words: the titles of other sites' pages in link texts left out.)"""
    half = len(_HALF_AFTER_HAN.findall(text))
    full_marks = sum(text.count(mark) for mark in set(full.values()))
    if full_marks == 0 and half >= _FEWEST_UNMIXED:
        # `这个 bug, 我修好了. 下次再说.` and no `，` or `。` anywhere: how its author writes Chinese
        return not _mostly_latin(text)
    return half >= _FEWEST_FOR_A_STYLE and full_marks * 10 < half


def _site_writes_half_width(doc, text: str, full: dict) -> bool:
    """Whether a page too short to show a style of its own (or mixing the two widths, full-width
    marks no more than half-width ones) belongs to a site that writes its Chinese with half-width
    marks (dependencies.han_marks_tree): a category page's `请注意, 是声明宏` follows the house."""
    if doc.site is None or not _HALF_AFTER_HAN.search(text):
        return False
    if sum(text.count(mark) for mark in set(full.values())) > len(_HALF_AFTER_HAN.findall(text)):
        return False  # the page writes full-width marks: its few half-width ones are slips
    state = han_marks_tree(doc.site.root)
    record("han-marks-tree", doc.site.root, state)
    return state == "half"


def _mostly_full_width_parentheses(text):
    """Whether the document writes most of its Chinese asides in full-width parentheses:
    then a half-width pair is a slip; where half-width ones are the rule, a house style."""
    full = sum(1 for match in _FULL_PARENTHESES.finditer(text) if _HAN_CHAR.search(match.group()))
    if not full:
        return False
    half = sum(1 for match in _PARENTHESES.finditer(text) if _HAN_CHAR.search(match.group()))
    return full > half


# Full-width marks that end a sentence or clause: a `?` or `!` right after one ends nothing.
_CLAUSE_ENDS = frozenset("。，；：！？、")


_MARKUP_REACH = 8  # hidden markup characters looked through beside a mark (`**`, `~~`, `</b>`)
# A label in emphasis and its colon: `**类型**:` (the markers hidden in the prose text).
_HALF_WIDTH_LABEL = lazy(f"[{HAN}]{HIDDEN}{{1,{_MARKUP_REACH}}}:")
_FULL_WIDTH_LABEL = lazy(f"[{HAN}]{HIDDEN}{{1,{_MARKUP_REACH}}}：")
_HOUSE_STYLE_LABELS = 3


# A label and the colon before the address it gives: `官方文档: https://…`.
_HALF_WIDTH_ADDRESS_LABEL = lazy(f"[{HAN}][ \t]*:[ \t]*(?:https?://|www\\.)", re.I)
_FULL_WIDTH_ADDRESS_LABEL = lazy(f"[{HAN}][ \t]*：[ \t]*(?:https?://|www\\.)", re.I)


def _half_width_address_labels(text: str) -> bool:
    """Whether a page writes the colon between a label and its address half-width throughout
    (three or more, none full-width): a list of references in the page's house style, not a
    slip (one `项目地址: https://…` among full-width colons is)."""
    return _FULL_WIDTH_ADDRESS_LABEL.search(text) is None and len(_HALF_WIDTH_ADDRESS_LABEL.findall(text)) >= _HOUSE_STYLE_LABELS


def _address_labels_half_width(doc) -> bool:
    return doc.memo("punctuation-width address labels", lambda: _half_width_address_labels(doc.text))


def _half_width_labels(text: str) -> bool:
    """Whether a page writes the colon after its emphasised labels half-width throughout
    (three or more, none full-width): a template's house style (`- **类型**: str` under each
    field of an API reference), not a slip."""
    return _FULL_WIDTH_LABEL.search(text) is None and len(_HALF_WIDTH_LABEL.findall(text)) >= _HOUSE_STYLE_LABELS


def _visible_before(text: str, lower: int, at: int) -> str:
    """The character before `at` that a reader sees: emphasis markers and tags hidden in the
    prose text passed over, a few at most; "" at the block's start."""
    position = at - 1
    while position >= lower and text[position] == HIDDEN and at - position < _MARKUP_REACH:
        position -= 1
    return text[position] if position >= lower else ""


@lru_cache(maxsize=8)
def _marks_pattern(marks):
    """Any of the marks; None for none."""
    return re.compile(f"[{re.escape(marks)}]") if marks else None


@lru_cache(maxsize=8)
def _after_word_pattern(marks):
    """Any of the marks right after a character a lower-case English word may end in (what
    `_LOWER_WORD_BEFORE` then tests in full): the few candidates among many marks."""
    # The mark first, the letter tested behind it: a pattern that starts with a character set
    # skips to the marks (3.4 times as fast as the look-behind first, same matches).
    return re.compile(f"[{re.escape(marks)}](?<=[a-z{re.escape(_WORD_END)}].)") if marks else None


def _next_on_line(text, position):
    while position < len(text) and text[position] in " \t":
        position += 1
    return text[position : position + 1]

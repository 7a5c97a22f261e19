
import re
from collections import Counter
from functools import lru_cache

from artlint import data
from artlint.chatlog import chat_lines
from artlint.cjk import CJK, CJK_CHAR, dictionary_entries, words_around
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.rules.duplicate._pairs import title_of
from artlint.rules.duplicate._prose import closes_element, html_prose, opens_code_element, templated_code
from artlint.rules.duplicate._units import filler_option, is_filler
from artlint.spans import SpanSet
from artlint.urls import TEXT_URL

_DATA = data.load("duplicates")["duplicate-word"]
# The letters of alphabetic scripts, so that no letter splits a word in two: without Latin
# Extended Additional (\u1e00-\u1eff) Vietnamese "việc của" split into "vi", "c", "c", "a" and
# read as a doubled "c"; without the IPA block (\u0250-\u02af) Kabyle "i iɛedlen" gave "i i".
# Latin (with its extensions and combining marks), Greek, Cyrillic, Armenian and Georgian.
_LETTERS = (
    "A-Za-z\u00c0-\u024f\u0250-\u02af\u0300-\u036f\u0370-\u03ff\u0400-\u052f\u0531-\u0587"
    "\u10a0-\u10ff\u1e00-\u1eff\u1f00-\u1fff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f"
)
_LATIN_WORD = lazy(f"[{_LETTERS}]+(?:['’][{_LETTERS}]+)*")
_CJK_DOUBLE = lazy(f"([{CJK}])\\1")
_CJK_WORD_DOUBLE = lazy(f"([{CJK}])(?!\\1)([{CJK}])\\1\\2")  # 资源资源, not 哈哈哈哈
_BETWEEN_WORDS = lazy(r"[\s*_~]*")
# A cheap first look at a block's source: a word, blanks or emphasis markers, the same word
# (followed by punctuation or a closing `_` as well: "a test test.", "_the the_").
_MAYBE_DOUBLED = lazy(r"(?i)(?<![^\W_])(?<!-)([a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+)[\s*_~]+\1(?![^\W_]|-)")
# A marker with a space on each side, which neither opens nor closes emphasis: an operator.
_OPERATOR = lazy(r"\s[*_~]\s")
_CAPITALISED_NEXT = lazy(r"[ \t]+[A-Z\u00c0-\u00de]")
_QUOTE_AFTER = lazy(r"\s*[，,：:]\s*[“\"「『‘]")
_PUNCTUATION_AFTER = lazy(r"[，,。.！!？?、；;：:…—\s]|$")
# A changelog line that quotes an upstream pull request or issue by number: "- #30216 build: Fix…".
_QUOTED_TITLE = lazy(r"\[?#\d+\b")
_INLINE_BLOCKS = ("paragraph", "block_text", "heading", "table_cell")
# Inline nodes that separate words: a word on one side is not next to a word on the other.
_BREAKS = {"codespan", "inline_math", "block_math", "inline_html", "image", "link"}
# What ends a sentence before a capitalised word: "... done. The the" is a typo, "then Will will" a name.
_SENTENCE_END = set(".!?:;…。！？>|")
_CELL_TAG = lazy(r"t[dh]\b", re.I)
_OPENERS = set(" \t\n*_~\"'“‘([「『")
# Fewer words than this tell no language apart.
_FEWEST_WORDS_TO_GUESS = 20
# The guessed language's share of the words must be this many times the next language's...
_CLEAR_LEAD = 2
# ...unless the two share their frequent words and allowed doubles ("det det": the Scandinavian languages).
_SCANDINAVIAN = ("da", "no", "nb", "sv")
_SAME_DOUBLES = {code: _SCANDINAVIAN for code in _SCANDINAVIAN}


class DuplicateWord(DocumentRule):
    """The same word twice in a row: "the the", "博士说说，".

    ## What it finds
    - Words of alphabetic scripts repeated with only spaces, line breaks or emphasis markers
      between them (`the the.`, `_the the_`), ignoring case, in paragraphs, headings, table
      cells and the prose of raw HTML blocks (`<li>`, `<p>`; never the text of `<code>`,
      `<pre>`, `<script>`, `<style>`, of an element styled in a monospaced font (a highlighter's
      output pasted as HTML), an attribute (of a tag written over several lines too,
      `<cube-player` / `moves="… y y …"` / `>`), or a backtick code span, which MDX reads as
      code inside a component). Grammatical doubles (`had had`,
      `that that`, German `die die`, French `nous nous`) and deliberate repetition (`no no no`,
      `very very`, `super super`) pass, as does a word after `$`, a variable's name (`$in in
      a closure`), or a colon, a symbol (`the :as as option`), a setting's value written in one token
      with its name (`threads:on on i386`, `opt=on on arm`), a word joined to a name by an
      escaped underscore (`pk\\_and\\_sequence\\_for for MySQL`), and a particle before a preposition of the same spelling
      (`particle-verbs`: `chime in in the comments`), or an object before a subject and other
      phrases that end where the next begins with the same word (`told you you could`, `turned on
      on their computer`, `the ones that are are good`); the lists are data (`allow`), with more for pages of one language as the
      site tells it (`allow-by-language`: Hungarian `az az`, German `Sie sie`, Danish
      `for for at`), or as its words show where the site does not tell (`language-words`:
      a page a sixth of whose words are `het`, `een`, `van`, `niet`... is Dutch, one whose
      words are `ve`, `bir`, `için`... Turkish). Pages in a language whose grammar doubles words
      (`reduplicating-languages`: Turkish `yavaş yavaş`, Swahili `pole pole`, Indonesian,
      Tagalog, Hindi...) are not checked for these, but for doubled English function words
      (`english-function-words`: `the the`, `it it`), which no such language doubles: an
      untranslated English copy in a Turkish folder keeps its typos.
    - A typo copies a word as it is, or capitalised at the start of a sentence (`The the`).
      Other pairs are names and labels: a preposition before a family name's particle
      (`name-particles`: `de de Broglie`, `von von Neumann`), two capitalised words (`Walla Walla`, `Bora Bora`), a
      capitalised word mid-sentence or in a table cell before its lower-case twin (`then Will
      will`, `Pipile pipile`), `SHELL shell`; and code: a name with capitals inside
      (`statsFunc statsFunc`, a parameter and its type), a capitalised word before its
      lower-case twin amid Chinese text (`Selector selector 属性`, a type and its variable),
      a declaration (`Logger logger = ...`, `Context context)`, `User user` alone on a line), a row of a tab-separated table pasted as a line
      whose last word the next row's key repeats. Three or more doubles in one sentence show
      the mistake on purpose (an exercise: "a block of of text, words are are repeated").
      Part of a word set in bold is no word (`**beer** **beer**s`: a regex's matches shown).
      Only one of the two in emphasis is stress
      (`may actually *actually* work`), and each in its own is a sound or a word repeated on
      purpose (`*cough* *cough*`); a word before the same word as an address's scheme is the
      program and its page (`open chrome chrome://tracing`). A spaced `*` between them is an operator (`x * x`), and
      a pair inside a short double-quoted string is an example given as it is (`"dog cat cat
      dog"`), unless the word is one of the `english-function-words` (`"it is is late"`). A
      page that keeps its speakers' fillers (five or more "uh," and "um,"), that gives ten
      or more turns of a conversation (`**Mike Schmidt**: ...`), or that says it is one ("The
      following is a transcript of my live stream", a `## Transcript` heading) is a transcript:
      its repeated words are speech. Where the renderer keeps a paragraph's line
      breaks (Hexo's marked, `breaks: true` by default), a word ending one line and starting the
      next is on two lines of the page: a label and its explanation.
    - Chinese: a doubled function word (`的的`, `了了`, `在在`, `对对`, `及及`: the
      `function-characters`), decided from the words on both sides, not from one segmentation:
      it passes where the second character begins the next content word (`向向量化` = 向 +
      向量化, `其中中文`, `有有钱人`, `学会会士`; not `该该药物`: 该药 is a pronoun phrase) or the first ends the word before (`目的的`,
      `明了了`, `可以以此`), unless that word already does the character's part
      (`absorbing-words`: `还有有很多`, `需要要`; not `还有有翅膀的蛇`, 有 and a noun or verb before 的:
      "having wings"), and for a surname (`surname-characters`) only
      where a word, a function character or no Chinese follows (`关于于这个`, not `关于于连的`:
      about Julien). A doubled verb of speech before a comma or
      colon and a quotation mark is reported too (`博士说说，“...`). Reduplicated words pass
      (`reduplications`: `常常`, `看看`, `人人`), as do AABB forms (`的的确确`), spoken assent
      (`对对，`), runs of three or more (`哈哈哈`), and a double with no letter or digit on
      either side, spaces passed over, a word of its own (a nickname in a list, `（1）从从，（2）小林`). A page that keeps its speakers' fillers
      (40 or more `嗯` and `呃`) is speech transcribed as it was said: its doubles are the
      speaker's (`我我叫`). A doubled word of two characters is reported where the dictionary
      calls it a common noun or conjunction, or it is one of the `doubled-pronouns`
      (`资源资源`, `然后然后`, `他们他们`; nouns are not reduplicated, where verbs and adverbs are:
      `研究研究`, `非常非常` pass, as do the `reduplicated-words`), and each half stands as a
      word: not `代表代表性` (代表 + 代表性), `醒目的目的` or `印度印度教徒`; nor where it is a
      whole clause said twice, between punctuation (`“不是不是，”`), or a form of address called
      twice (`address-words`: `师兄师兄`). A double inside an idiom of the dictionary (`不甚了了`)
      is no slip either.
    Words split by inline code, math, HTML or a link are not next to each other, nor are words
    joined to others by `-`, `/`, `.`, `_`, `#` or an entity (`real-time time`, `d&iacute;a a`,
    `Consumer#unsubscribe unsubscribe`), or inside URLs; nor are the owner and group of a line
    of `ls -l` (`drwxr-xr-x 2 root root`) or after a file's mode (`create 644 root root`), nor a
    column's old and new name in SQL (`alter table t change age age int`), nor a command's option and its value (`--user
    user:password`, `–user user` where an editor made the dashes one), nor a line of a
    reference that a label (`syntax-labels`) opens, a directive's form or default value
    (`Syntax: user user [group]`, `缺省值: nobody nobody`). Code is never read: fenced, indented, inline, `<code>`, and template blocks of
    code (`{% highlight %}`, `{{< highlight >}}`) even where the site's generator is unknown.
    A list item that begins with a pull request's number (`- #30216 build: ...`), or with a link
    to a commit (`* [a89261bf6](…/commit/a89261b) Zip binaries binaries`: a changelog generated
    from the history), quotes its title as written upstream and is not checked, and so does the text of a link to a commit,
    a pull or merge request or an issue (`[build still still fails](…/commit/44c2bff)`), and
    a link's text whose doubled word its address doubles too (`[zkw zkw](…/people/zkw-zkw)`, a name).

    Placeholder text (lorem ipsum and its generated variants: six or more of the
    `filler-words`, a fifth of a block's words) is not checked: a theme's demo page repeats it
    on purpose.

    ## Why it matters
    Doubled words are the commonest typo that spell checkers miss, and they survive every
    re-post. In Chinese text they are especially hard to see.

    ## Example

        论文共同作者Sujith Joseph博士说说，“在这名患儿的治疗过程中……”

    reports `doubled '说说' before a quotation: one '说' too many`.

    ## Fix
    Unsafe (`--fix --unsafe-fixes`): the second word is deleted, only where the rule is sure:
    the two words separated by blanks alone (not emphasis markers) and written alike (or a short
    word capitalised: `The the`), and Chinese characters that
    no reading joins to a word beside them (no fix for `及及其`, `还有有`, or a double the
    segmenter reads as one word). A doubled word is almost always a typo, but not always (a
    quoted stammer, a name), so it is applied only on request.
    """

    name = "duplicate-word"
    family = "duplicate"
    severity = Severity.WARNING
    fixable = "unsafe"
    options = {
        "allow": Option("list[string]", _DATA["allow"], "Doubled words that are not mistakes, lower-case."),
        "particle-verbs": Option(
            "list[string]",
            _DATA["particle-verbs"],
            "Phrases whose last word the same word may follow: a particle before a preposition ('chime in in the comments'), "
            "an object before a subject ('told you you could').",
        ),
        "reduplicating-languages": Option(
            "list[string]",
            _DATA["reduplicating-languages"],
            "Languages whose grammar doubles words (Turkish 'yavaş yavaş', Swahili 'pole pole'): "
            "their pages are not checked for doubled words in alphabetic scripts.",
        ),
        "english-function-words": Option(
            "list[string]",
            _DATA["english-function-words"],
            "English words whose doubles are reported on pages of reduplicating languages too (an untranslated copy).",
        ),
        "allow-by-language": Option(
            "table[list[string]]",
            dict(_DATA["allow-by-language"]),
            "Doubled words that are grammar in one language (by language code), for pages of that language.",
        ),
        "language-words": Option(
            "table[list[string]]",
            dict(_DATA["language-words"]),
            "Frequent words of each language of `allow-by-language` that English does not use: a page "
            "whose site does not tell its language is read as the one whose words make `language-guess-share` of its words.",
        ),
        "language-guess-share": Option(
            "number",
            _DATA["language-guess-share"],
            "Share of a page's words that one language's `language-words` must make for the page to be read as that language.",
        ),
        "function-characters": Option(
            "list[string]", _DATA["function-characters"], "Chinese function words whose doubling is a typo."
        ),
        "reduplications": Option(
            "list[string]", _DATA["reduplications"], "Chinese doubled characters that are words (看看, 常常), never typos."
        ),
        "assent-characters": Option(
            "list[string]", _DATA["assent-characters"], "Chinese characters doubled in spoken assent before punctuation (对对，)."
        ),
        "absorbing-words": Option(
            "list[string]",
            _DATA["absorbing-words"],
            "Chinese words whose last character already does its part: doubled after them it is a typo (还有有).",
        ),
        "surname-characters": Option(
            "list[string]",
            _DATA["surname-characters"],
            "Characters of the absorbing words that are common surnames: doubled, the second may begin a name (关于于连).",
        ),
        "words": Option(
            "list[string]", _DATA["words"], "Chinese words the segmenter's dictionary lacks, to tell word boundaries (明了, 会士)."
        ),
        "reduplicated-words": Option(
            "list[string]", _DATA["reduplicated-words"], "Chinese words of two characters doubled on purpose (参观参观), never typos."
        ),
        "doubled-pronouns": Option(
            "list[string]", _DATA["doubled-pronouns"], "Chinese pronouns whose doubling is a typo (他们他们)."
        ),
        "distributive-numerals": Option(
            "list[string]", _DATA["distributive-numerals"], "Numerals whose word with a measure word is doubled on purpose, one after another (一步一步)."
        ),
        "address-words": Option(
            "list[string]", _DATA["address-words"], "Chinese forms of address, doubled as a vocative on purpose (师兄师兄，)."
        ),
        "telling-verbs": Option(
            "list[string]", _DATA["telling-verbs"], "Verbs of telling: a pronoun doubled after one is its object, then a subject (告诉我们我们离)."
        ),
        "speech-verbs": Option("list[string]", _DATA["speech-verbs"], "Verbs of speech that must not be doubled before a quotation."),
        "name-particles": Option(
            "list[string]", _DATA["name-particles"], "Particles of family names, doubled before a capitalised name on purpose (de de Broglie)."
        ),
        "filler-words": filler_option(),
    }

    def check(self, doc, options):
        language = doc.page.language if doc.page is not None else None
        english = derived(options, "duplicate-word english", lambda: frozenset(word.casefold() for word in options["english-function-words"]))
        particles = derived(options, "duplicate-word particles", lambda: frozenset(word.casefold() for word in options["name-particles"]))
        text = doc.text
        code = templated_code(text, doc.body_offset)
        # `<div class="cnblogs_code"><pre>` with blank lines in its code: the lines after a blank
        # line are code all the same, whatever paragraphs a CommonMark parser made of them.
        preformatted = SpanSet(doc.preformatted_ranges)
        for block in doc.nodes(*_INLINE_BLOCKS, "block_html"):
            if block.start in code or block.start in preformatted or _quotes_a_title(doc, block):
                continue
            html = block.type == "block_html"
            if _MAYBE_DOUBLED.search(text, block.start, block.end) and not _verbatim_transcript(doc) and not is_filler(text[block.start : block.end], options):
                # Asked only here: guessing the language of a page that does not tell reads all its words.
                read_as = language or _guessed_language(doc, options)
                allowed = _allowed_for(options, read_as)
                latin = not (read_as and read_as.split("-")[0] in options["reduplicating-languages"])
                words = _html_words(doc, block) if html else _visible_words(doc, block)
                yield from self._latin(doc, block, list(words), allowed, None if latin else english, english, particles)
            if (_CJK_DOUBLE.search(text, block.start, block.end) or _CJK_WORD_DOUBLE.search(text, block.start, block.end)) and not _spoken_chinese(doc):
                spans = html_prose(text, block.start, block.end) if html else _prose_text_spans(doc, block)
                yield from self._chinese(doc, spans, options)

    def _latin(
        self,
        doc,
        block,
        words,
        allowed,
        only: frozenset[str] | None = None,
        function_words: frozenset[str] = frozenset(),
        particles: frozenset[str] = frozenset(),
    ):
        """The doubled words of a block; with `only`, those words alone (a page of a language
        whose grammar doubles words)."""
        # Compared folded once each: a block of "a *a* a" has a million words.
        folded = [word[0].casefold() if word is not None else None for word in words]
        text = doc.text
        emphasis = _emphasis_spans(block)
        found = []
        for index in range(1, len(words)):
            fold = folded[index]
            if fold is None or folded[index - 1] != fold or (only is not None and fold not in only):
                continue
            if index >= 2 and folded[index - 2] == fold or index + 1 < len(folded) and folded[index + 1] == fold:
                continue  # three or more of the same word: deliberate
            if len(fold) >= 2 and fold.count(fold[0]) == len(fold):
                continue  # `xxxxxxxx xxxxxxxx`, `zz zz`: a pattern's placeholders, no word
            (word_a, start_a, end_a), (word_b, start_b, end_b) = words[index - 1], words[index]
            between = text[end_a:start_b]
            if not _BETWEEN_WORDS.fullmatch(between) or not any(c.isspace() for c in between) or f"{word_a} {word_b}".casefold() in allowed:
                continue
            if _OPERATOR.search(between):
                continue  # `x * x`, `i * i`: a spaced asterisk is multiplication, shown as written
            if _CONTAINER_TYPE.search(text, max(0, start_a - 8), start_a):
                continue  # `:::tip tip`: a Docusaurus admonition's type, then its title
            if index >= 2 and folded[index - 2] is not None and f"{folded[index - 2]} {fold} {fold}" in allowed:
                continue  # "chime in in the comments": a verb's particle, then a preposition
            if not _same_case(text, block, word_a, start_a, word_b):
                continue  # Walla Walla, "then Will will", SHELL shell, chainstate Chainstate: names
            if any(_runs_on_past_markup(text, offset, step) for offset, step in ((start_a - 1, -1), (end_a, 1), (start_b - 1, -1), (end_b, 1))):
                continue  # `**beer** **beer**s`, `**be**e **be**er`: part of a word in bold, a regex's matches shown
            if _joined(text, start_a - 1, -1) or _joined(text, end_b, 1):
                continue  # real-time time, r-lib/actions actions, in in-person, gu&iacute;a a
            if _OPTION_DASHES.search(text, max(0, start_a - 3), start_a):
                continue  # `curl --user user:password`, `–user user` (an editor's dash): an option, then its value
            if _DOC_TAG_BEFORE.search(text, max(0, start_a - 40), start_a):
                continue  # `@param name name of the user`: a documented parameter's name, then its description
            if _after_a_syntax_label(text, start_a):
                continue  # nginx's reference, `Syntax: user user [group]`, `Default: nobody nobody`: a directive's form, code written as text
            if _SQL_CHANGE_BEFORE.search(text, max(0, start_a - 80), start_a):
                continue  # `alter table t change age age int`: SQL's old column name, then the new, the same
            if _FILE_MODE_BEFORE.search(text, max(0, start_a - 8), start_a) or _LISTED_MODE_BEFORE.search(text, max(0, start_a - 24), start_a):
                continue  # `create 644 root root`, `-rw-r--r--. root root` (`ls -Z`): a file's mode, owner and group
            if fold in particles and word_b.islower() and _CAPITALISED_NEXT.match(text, end_b):
                continue  # "de de Broglie", "von von Neumann": a preposition, then a name's particle
            if text[start_a - 1 : start_a] == "$" or _symbol(text, start_a) or _setting_value(text, start_a):
                continue  # "$in in": a variable (shells, PHP, Perl) is a name, not the word; so is a symbol, ":as as"
            if _quoted_alone(text, start_a, end_b):
                continue  # the label “done done”, a regex's example "go go", endings `(en en)`: mentioned, not used
            if fold not in function_words and _in_short_quote(text, start_a, end_b):
                continue  # an example input, "dog cat cat dog"; but "it is is late" is a typo quoted
            in_a, in_b = (any(s <= offset < e for s, e in emphasis) for offset in (start_a, start_b))
            if in_a != in_b:
                continue  # "did *did*": the second stressed on purpose
            if (start_a in doc.struck_out) != (start_b in doc.struck_out):
                continue  # "This is ~~is~~ a test": one of the two struck out, a correction shown
            if in_a and word_a[:1].isupper():
                continue  # *Gallus gallus*: a species name
            if in_a and not any(s <= start_a and end_b <= e for s, e in emphasis):
                continue  # "*cough* *cough*": each stressed on its own, repeated on purpose
            if text.startswith("://", end_b):
                continue  # "in chrome chrome://tracing": the second is an address's scheme
            if _in_url(doc, start_a) or _in_attribute_list(text, start_a) or _in_tag_attribute(text, start_a):
                continue
            if chat_lines(doc).holds(start_a):
                continue  # a chat log's line (`<nick> yo yo`): speech as it was typed, not prose
            if _names_a_change(doc, start_a):
                continue  # `[8.0.1316: build still still fails](…/commit/44c2bff)`: the commit's subject as written
            if _named_by_its_link(doc, start_a, fold):
                continue  # `[zkw zkw](…/people/zkw-zkw)`: a name, doubled in its address too
            if _written_as_code(text, start_a, end_a, start_b, end_b):
                continue
            if "\n" in between and doc.site is not None and doc.site.line_breaks:
                continue  # two lines on the page (marked's `breaks`): "- branch" / "branch is a name"
            if "\n" in between and text[end_b : end_b + 1] == ":":
                continue  # `whereis kubelet` / `kubelet: /usr/bin/kubelet`: a command, then its output's label
            fix = None
            # Not across emphasis markers, which must stay; a capital only on a short word ("The
            # the", "It it"): "Patch patch" at a sentence's start may be a name after all.
            if text[end_a:start_b].isspace() and (word_a == word_b or len(word_a) <= 3):
                fix = Fix(f"delete the second '{word_b}'", (doc.edit(end_a, end_b),), safe=False)
            found.append((start_a, end_b, doc.diagnostic(f"doubled word '{word_a} {word_b}'", start_a, end_b, fix=fix)))
        shown = _demonstrations(text, found)
        yield from (diagnostic for start, _, diagnostic in found if start not in shown)

    def _chinese(self, doc, spans, options):
        text = doc.text
        for lower, upper in spans:
            for match in _CJK_DOUBLE.finditer(text, lower, upper):
                verdict = _chinese_double(text, match.start(), lower, upper, options)
                if verdict is None:
                    continue
                problem, certain = verdict
                start = match.start()
                fix = None
                if certain:
                    fix = Fix(f"delete the second '{text[start]}'", (doc.edit(start + 1, start + 2),), safe=False)
                yield doc.diagnostic(problem, start, match.end(), fix=fix)
            for match in _CJK_WORD_DOUBLE.finditer(text, lower, upper):
                start = match.start()
                word = text[start : start + 2]
                if _in_book_title(text, start, lower, upper):
                    continue  # 《北京北京》: a book's title, as its author wrote it
                if _doubled_chinese_word(text, start, lower, upper, options):
                    fix = Fix(f"delete the second '{word}'", (doc.edit(start + 2, start + 4),), safe=False)
                    yield doc.diagnostic(f"doubled word '{word}{word}'", start, start + 4, fix=fix)


_TITLE_REACH = 40  # characters a book's title spans on either side of a double


def _in_book_title(text: str, start: int, lower: int, upper: int) -> bool:
    """Whether `start` is inside Chinese title marks (`《北京北京》`, `〈…〉`) on its line."""
    opening = max(text.rfind("《", max(lower, start - _TITLE_REACH), start), text.rfind("〈", max(lower, start - _TITLE_REACH), start))
    if opening < 0 or "\n" in text[opening:start]:
        return False
    closing_mark = "》" if text[opening] == "《" else "〉"
    if text.find(closing_mark, opening + 1, start) >= 0:
        return False  # the title closed before the double
    closing = text.find(closing_mark, start, min(upper, start + _TITLE_REACH))
    return closing >= 0 and "\n" not in text[start:closing]


# An octal file mode before the owner and group (logrotate's `create 644 root root`).
_FILE_MODE_BEFORE = lazy(r"(?<![\w.])0?[0-7]{3}[ \t]+\Z")
# A file's mode as `ls` lists it, then its count of links if shown: `drwxr-xr-x. ` (`ls -Z`), `-rw-r--r-- 1 `.
_LISTED_MODE_BEFORE = lazy(r"(?<![\w-])[-dlcbps][rwxsStT-]{9}[.+@]?[ \t]+(?:\d+[ \t]+)?\Z")
# SQL's `ALTER TABLE … CHANGE [COLUMN]` right before a word: the column's old name, then its new one.
# A documentation comment's tag before a parameter's name (Javadoc, JSDoc, PHPDoc), its type
# or not: `@param {string} name name of the user`.
_DOC_TAG_BEFORE = lazy(r"@(?:param|arg|argument|prop|property|field|throws|exception)\s+(?:\{[^}\n]*\}\s+)?\Z")
_SYNTAX_LABEL = lazy(
    r"(?:^|\n)[ \t>]*(?:\*\*)?(?:" + "|".join(re.escape(label) for label in _DATA["syntax-labels"]) + r")(?:\*\*)?[ \t]*[:：](?:\*\*)?[^\n]*\Z",
    re.I,
)


_LABEL_REACH = 80  # characters from a line's label to a doubled word read as that line's


def _after_a_syntax_label(text: str, offset: int) -> bool:
    """Whether the line of `offset` opens with a label of a reference's syntax or default
    value (`Syntax:`, `语法：`, `Default:`, `缺省值:`), within `_LABEL_REACH` characters before it."""
    line_start = text.rfind("\n", max(0, offset - _LABEL_REACH), offset)
    if line_start < 0 and offset > _LABEL_REACH:
        return False
    return _SYNTAX_LABEL.search(text, max(0, line_start), offset) is not None


_SQL_CHANGE_BEFORE = lazy(r"(?i)\balter[ \t]+table[ \t]+\S+[ \t]+change[ \t]+(?:column[ \t]+)?\Z")
# A command-line option's dashes right before a word, after a space: `--user`, `-f`, `–user`.
_OPTION_DASHES = lazy(r"(?:^|(?<=\s))(?:--?|\u2013)$", re.M)


def _as_set(options, key: str) -> frozenset[str]:
    """A list option as a set, made once per options mapping (the lists are long)."""
    return derived(options, ("duplicate-word", key), lambda: frozenset(options[key]))


def _guessed_language(doc, options) -> str | None:
    """The language of `language-words` (those of `allow-by-language`, and reduplicating ones
    such as Turkish) whose words make at least `language-guess-share` of the page's prose
    words and twice the share of any other, or None: for a page whose site does not tell its
    language. Read once per page."""

    def guess():
        vocabularies = derived(
            options,
            "duplicate-word language words",
            lambda: {code: frozenset(word.casefold() for word in words) for code, words in options["language-words"].items()},
        )
        counts = Counter(word.casefold() for word in _LATIN_WORD.findall(doc.prose_text))
        total = sum(counts.values())
        if total < _FEWEST_WORDS_TO_GUESS:
            return None
        # each vocabulary's words looked up among the page's distinct words, not each word of the page in each vocabulary
        shares = sorted(((sum(counts[word] for word in vocabulary) / total, code) for code, vocabulary in vocabularies.items()), reverse=True)
        if not shares or shares[0][0] < options["language-guess-share"]:
            return None
        if len(shares) > 1 and shares[0][0] < _CLEAR_LEAD * shares[1][0] and shares[1][1] not in _SAME_DOUBLES.get(shares[0][1], ()):
            return None  # two languages alike: neither is told
        return shares[0][1]

    return doc.memo("duplicate-word guessed language", guess)


def _allowed_for(options, language: str | None) -> frozenset[str]:
    return derived(options, ("duplicate-word allowed", language), lambda: _allowed_pairs(options, language))


def _allowed_pairs(options, language: str | None) -> frozenset[str]:
    """The doubled words allowed on a page of `language`, folded: the `allow` list, the
    language's own, and each particle verb followed by its particle as a preposition."""
    pairs = list(options["allow"])
    if language:
        by_language = options["allow-by-language"]
        pairs += by_language.get(language, []) + by_language.get(language.split("-")[0], [])
    allowed = {" ".join(pair.casefold().split()) for pair in pairs}
    allowed |= {" ".join(phrase.casefold().split() + phrase.casefold().split()[-1:]) for phrase in options["particle-verbs"]}
    return frozenset(allowed)


# A container's opening marker right before the first word: `:::tip Tip` (Docusaurus, VitePress,
# markdown-it-container), whose first word is the type and the rest the title shown.
_CONTAINER_TYPE = lazy(r"(?:^|\n)[ \t]*:{3,}[ \t]*$")


_SPACES_PASSED = 16  # characters looked at on each side of a double: a page of doubles is not read whole for each


def _stands_alone(text: str, start: int, lower: int, upper: int) -> bool:
    """Whether the doubled character at `start` has no word on either side within its span of
    prose, spaces passed over, only marks or its ends: a word of its own (`（1）从从，`), not a
    slip in a sentence (`我们的的书`, `Shiro从从Realm获取`, `。从从 Olga 出发`)."""
    before = text[max(lower, start - _SPACES_PASSED) : start].rstrip()[-1:]
    after = text[start + 2 : min(upper, start + 2 + _SPACES_PASSED)].lstrip()[:1]
    return not before.isalnum() and not after.isalnum()


def _chinese_double(text, start, lower, upper, options):
    """(message, certain) for a doubled character that is a typo, None for one that is not.

    Decided from the words on both sides, not from one segmentation of the whole: the second
    character may begin the next word (向|向量化, 其中|中文, 有|有钱), the first may end the
    word before (目的|的), and a segmenter may merge a typo into a word of its dictionary
    (我们对对这个 read as 对对, 还是有有很多 as 有有), or split a word the other way (向|量化)."""
    char = text[start]
    pair = char * 2
    if text[start - 1 : start] == char or text[start + 2 : start + 3] == char:
        return None  # three or more: laughter, assent, emphasis
    if pair in _as_set(options, "reduplications"):
        return None
    if any(pair in word and word in text[max(lower, start - len(word) + 2) : start + len(word)] for word in _as_set(options, "words")):
        return None  # a listed word that doubles the character: 对对碰
    if char in _as_set(options, "speech-verbs") and _QUOTE_AFTER.match(text, start + 2):
        return f"doubled '{pair}' before a quotation: one '{char}' too many", True
    function = _as_set(options, "function-characters")
    if char not in function:
        return None  # reduplicated content words and names: 看看, 两两, 钉钉
    if _stands_alone(text, start, lower, upper):
        return None  # a word alone between marks, "（1）从从，（2）小林": a nickname, not a slip inside a sentence
    following = text[start + 2 : start + 4]
    preceding = text[start - 2 : start]
    if len(following) == 2 and following[0] == following[1] != char or len(preceding) == 2 and preceding[0] == preceding[1] != char:
        return None  # AABB: 的的确确, 干干净净
    if char in _as_set(options, "assent-characters") and _PUNCTUATION_AFTER.match(text, start + 2):
        return None  # spoken assent: "对对，好的"
    words = words_around(text, max(lower, start - 8), min(upper, start + 10))
    covering = [word for word in words if word[1] < start + 2 and word[2] > start]
    extra = _as_set(options, "words")
    if any(end - begin >= 3 and begin <= start and end >= start + 2 and _entry(word)[0] for word, begin, end in covering):
        return None  # an idiom of the dictionary that holds the double: 不甚了了, 小时了了
    starts_word = [text[start + 1 : end] for end in range(start + 3, min(upper, start + 6) + 1)]
    next_words = [word for word in starts_word if any(c not in function for c in word)]  # not 及|及其
    starting = [word for word in covering if word[1] == start + 1 and len(word[0]) > 1]
    if starting and any(c not in function for c in starting[0][0]) or _known(next_words, extra):
        return None  # the second begins the next word: 向|向量化, 其中|中文, 有|有钱人, 学会|会士
    before = {text[begin : start + 1] for begin in range(max(lower, start - 3), start)}
    if before & _as_set(options, "absorbing-words"):
        if char in _as_set(options, "surname-characters") and not _word_follows(text, start + 2, upper, function):
            return None  # 关于|于连: the second may begin a name that the dictionary lacks
        if char == "有" and _has_clause(text, start + 2, words):
            return None  # 还有|有翅膀的蛇: "there are also snakes that have wings"
        return f"doubled character '{pair}'", False  # 还有|有, 需要|要: the word already says it
    left = words_around(text, max(lower, start - 6), start + 1)
    ends_word = any(word[2] == start + 1 and len(word[0]) > 1 for word in covering + left) or bool(before & extra)
    if ends_word:
        return None  # the first ends the word before: 目的|的, 可以|以, 社会|会, 明了|了
    # Certain, for the fix, when nothing reads either character as part of a longer word.
    certain = len(covering) == 2 and not ends_word and not starting and not dictionary_entries(starts_word)
    return f"doubled character '{pair}'", certain


def _has_clause(text: str, at: int, words) -> bool:
    """Whether a noun or a verb of the dictionary begins at `at` and 的 follows it: 有 before it
    makes a clause of "having" (有翅膀的蛇, 有帮助的文章), not 有很多 after 还有."""
    following = next((word for word in words if word[1] == at), None)
    return following is not None and _entry(following[0])[1][:1] in ("n", "v") and text[following[2] : following[2] + 1] == "的"


def _word_follows(text, at, upper, function) -> bool:
    """Whether what follows `at` is no start of an unknown name: no Chinese character, a function
    character, or a word of the dictionary."""
    if at >= upper or not CJK_CHAR.match(text, at) or text[at] in function:
        return True
    return bool(dictionary_entries([text[at:end] for end in range(at + 2, min(upper, at + 4) + 1)]))


# A doubled word of two characters is a typo where the word is a noun or a conjunction: nouns are
# not reduplicated (资源资源), where verbs and adverbs are (研究研究 "look into it", 非常非常).
_NOUN_TAGS = {"n", "ns", "nt", "nz", "c"}
_COMMON_DOUBLED = 50  # rarer entries are fragments of names and phrases (太多, tagged a place)


def _doubled_chinese_word(text, start, lower, upper, options) -> bool:
    """Whether the two-character word at `start`, written twice, is a typo: a common noun,
    conjunction or personal pronoun (资源资源, 然后然后, 他们他们), not one of the
    `reduplicated-words`, not three times or more, the four characters no word of the
    dictionary (哔哩哔哩), and both halves words of their own: not the end of a word before
    (醒目|的|目的) nor the start of a longer one after (代表|代表性, 印度|印度教徒), whether the
    segmenter or the dictionary says so."""
    word = text[start : start + 2]
    if word in _as_set(options, "reduplicated-words") or text[start - 2 : start] == word or text[start + 4 : start + 6] == word:
        return False
    if word[0] in _as_set(options, "distributive-numerals"):
        return False  # 一针一针: stitch by stitch
    frequency, tag = _entry(word)
    if frequency < _COMMON_DOUBLED or not (tag in _NOUN_TAGS or word in _as_set(options, "doubled-pronouns")):
        return False
    if word in _as_set(options, "doubled-pronouns") and text[max(lower, start - 2) : start] in _as_set(options, "telling-verbs"):
        return False  # 告诉我们|我们离…: the object, then the subject of what is told
    if word in _as_set(options, "address-words") or _said_alone(text, start, lower, upper):
        return False  # someone called twice, “师兄师兄，”; a clause of the word said twice, “不是不是，”
    longer = [text[start + 2 : end] for end in range(start + 5, min(upper, start + 7) + 1)]  # 印度|印度教徒
    if _entry(word * 2)[0] or any(_entry(candidate)[0] >= _COMMON_WORD for candidate in longer):
        return False
    words = words_around(text, max(lower, start - 6), min(upper, start + 10))
    starts = {begin for _, begin, _ in words}
    second = next((token for token in words if token[1] == start + 2), None)
    return start in starts and second is not None and second[2] == start + 4


# What opens and closes a clause of speech: a word said twice between them is all it says.
_CLAUSE_OPENERS = frozenset("“「『\"'，,。！!？?：:；;、…—（(")
_CLAUSE_CLOSERS = frozenset("”」』\"'，,。！!？?：:；;、…—）)")


def _said_alone(text: str, start: int, lower: int, upper: int) -> bool:
    """Whether the doubled word at `start` is a whole clause, between a quotation mark or
    punctuation and punctuation: a word said twice on purpose (“不是不是，”, “小事小事，”),
    where a slip doubles a word inside a sentence (我们的资源资源有限)."""
    # Marks only, not the ends of a span of prose, which a link or code may cut (、证明证明[方向](…)).
    return start > lower and text[start - 1] in _CLAUSE_OPENERS and text[start + 4 : start + 5] in _CLAUSE_CLOSERS


@lru_cache(maxsize=65536)
def _entry(word: str) -> tuple[int, str]:
    """(frequency, part of speech) of a word of the segmenter's dictionary, (0, "") for others;
    looked up once per process (a site repeats its words)."""
    return dictionary_entries([word]).get(word, (0, ""))


# How often a word must occur in the segmenter's dictionary to count as one: its rarest
# entries are fragments of names and phrases.
_COMMON_WORD = 10
# Parts of speech of function words and phrases made with one (该药 "this drug" is `r`, 及其
# `c`): a double before them is no word boundary.
_FUNCTION_TAGS = {"r", "c", "p", "u", "d", "e", "y", "o", "m", "q", "f"}


def _known(words, extra):
    """Whether one of `words` is a word: listed in `extra`, or a common content word of the dictionary."""
    if any(word in extra for word in words):
        return True
    entries = dictionary_entries(words) if words else {}
    return any(frequency >= _COMMON_WORD and tag[:1] not in _FUNCTION_TAGS for frequency, tag in entries.values())


# Quotation marks, and brackets: a pair all alone in brackets is notation (`der Protestant (en
# en)`: a noun's genitive and plural endings).
_QUOTE_PAIRS = {'"': '"', "“": "”", "‘": "’", "'": "'", "「": "」", "『": "』", "«": "»", "`": "`", "(": ")", "（": "）"}


def _quoted_alone(text, start, end):
    """The doubled pair is all a quotation or a bracket holds: `“done done”`, `"go go"`, `(en en)`."""
    opening = text[start - 1 : start]
    return start > 0 and opening in _QUOTE_PAIRS and text[end : end + 1] == _QUOTE_PAIRS[opening]


# A line that a program's session or source starts with: a comment, a debugger's prompt, or
# a line of `ls -l` (`drwxr-xr-x 2 root root 4096 ...`: the owner and the group).
_CODE_LINE = lazy(r"[ \t]*(?://|\(\w+\)[ \t]|[-dlcbps][rwxsStT-]{9}[.+@]?[ \t]+\d+[ \t])")
_SHORT_LINE = 25  # characters: lines this short on both sides of a break are no wrapped prose


def _written_as_code(text, start_a, end_a, start_b, end_b) -> bool:
    """Code left unfenced in prose: the second word indexed or called (`cost cost[i]`,
    `Job job = new Job(`... `p p[2]`), words in aligned columns (`junit      junit`), a line
    of a comment or a debugger session (`//c  c  ac`, `(gdb) p p`), two short lines each
    ending and starting with the word (`a : b` / `b : c`, a makefile's rules), or a type and
    its variable alone on a line (`User user`)."""
    if text[end_b : end_b + 1] in ("[", "(") or "   " in text[end_a:start_b] or _ASSIGNED.match(text, end_b):
        return True
    line_start = text.rfind("\n", 0, start_a) + 1
    if _CODE_LINE.match(text, line_start):
        return True
    if text[start_a:end_a] != text[start_b:end_b]:  # a type and its variable (the pair differs in case only)
        if _DECLARED.match(text, end_b) or not text[line_start:start_a].strip() and _LINE_END.match(text, end_b):
            return True  # `(Context context)`, `User user;`, `User user` on a line of its own
    if "\n" not in text[end_a:start_b]:
        return False
    line_end = text.find("\n", end_b)
    line_end = len(text) if line_end < 0 else line_end
    first, second = text[line_start:end_a].strip(), text[start_b:line_end].strip()
    if "\t" in first or "\t" in second:
        return True  # rows of a tab-separated table pasted as lines: a row's last cell, the next row's key
    return len(first) < _SHORT_LINE and len(second) < _SHORT_LINE


# `Logger logger = ...`: a variable declared with its type, code left in prose; with a type
# and its variable, `(Context context)` and `User user;` too ("version control control)" is a
# slip, the same word twice).
_ASSIGNED = lazy(r"[ \t]*=(?!=)")
_DECLARED = lazy(r"[ \t]*[;)]")
_LINE_END = lazy(r"[ \t]*$", re.M)


# Doubled words in one sentence from which it shows the mistake on purpose ("a block of of
# text, several words here are are repeated, and and they should not be": a regex exercise).
_DEMONSTRATION = 3
_SENTENCE_BREAK = lazy(r"[.!?。！？](?:\s|$)")


def _demonstrations(text: str, found: list) -> set[int]:
    """Starts of the doubles that lie, `_DEMONSTRATION` or more, in one sentence."""
    shown: set[int] = set()
    for index in range(len(found) - _DEMONSTRATION + 1):
        first, last = found[index], found[index + _DEMONSTRATION - 1]
        if not _SENTENCE_BREAK.search(text, first[1], last[0]):
            shown.update(start for start, _, _ in found[index : index + _DEMONSTRATION])
    return shown


# Fillers that only a verbatim transcript keeps ("uh, we", "um."): speech as it was spoken.
_FILLER = lazy(r"(?i)\b(?:uh|um|uhm|erm)\b[,.…]")
_TRANSCRIPT_FILLERS = 5


def _verbatim_transcript(doc) -> bool:
    """A page that keeps its speakers' fillers (five or more "uh," and "um,"), that is a
    conversation written down turn by turn (ten or more paragraphs that open with a speaker's
    name in bold, `**Mike Schmidt**:`), a video's captions line by line (ten or more lines that
    open with their time, `00:07 up`, half its lines or more), or that says it is one ("The following is a transcript
    of my live stream", a `## Transcript` heading, a title with "transcript" in it): speech
    transcribed, whose repeated words ("for for the", "a there there") are the speaker's."""

    def spoken() -> bool:
        return (
            len(_FILLER.findall(doc.text, doc.body_offset)) >= _TRANSCRIPT_FILLERS
            or len(_SPEAKER_TURN.findall(doc.text, doc.body_offset)) >= _TRANSCRIPT_TURNS
            or _SAYS_TRANSCRIPT.search(doc.text, doc.body_offset) is not None
            or _TITLED_TRANSCRIPT.search(title_of(doc)) is not None
            or _captions(doc)
        )

    return doc.memo("verbatim-transcript", spoken)


# A title that says so ("mpipks-transcript | 05. Pattern"), and a line of captions that opens
# with its time (`00:07 up`, `` <br> `01:02:03` ``, `[00:07]`), as a video's subtitles give it.
_TITLED_TRANSCRIPT = lazy(r"\btranscripts?\b", re.I)
_TIMED_LINE = lazy(r"^[ \t]*(?:<br\s*/?>[ \t]*)?[`\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[`\])]?[ \t]+\S", re.M)


def _captions(doc) -> bool:
    """A video's captions line by line: ten or more lines that open with their time, half the
    page's lines or more (a lesson on telling the time has a few: `9:00 Es ist neun.`)."""
    timed = len(_TIMED_LINE.findall(doc.text, doc.body_offset))
    if timed < _TRANSCRIPT_TURNS:
        return False
    lines = sum(1 for line in doc.text[doc.body_offset :].splitlines() if line.strip())
    return timed * 2 >= lines


# A paragraph that opens with a speaker's name in bold: `**Mike Schmidt**:`, `**Dave:**`.
_SPEAKER_TURN = lazy(r"^(?:\*\*|__)[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:(?:\*\*|__)[ \t]*:|:(?:\*\*|__))", re.M)
_TRANSCRIPT_TURNS = 10
# A paragraph or heading that says the page is a transcript.
_SAYS_TRANSCRIPT = lazy(
    r"^(?:(?:The following is|This is|Below is|What follows is|Here is)(?: an?| the)? (?:[\w-]+ ){0,3}transcript\b"
    r"|#{1,6}[ \t]+(?:[\w-]+ )?transcript[ \t]*$)",
    re.I | re.M,
)


_CHINESE_FILLER = lazy("[嗯呃]")
# A written interview keeps a few "嗯" (28 in the longest measured); a recording transcribed
# word for word has them in almost every sentence (213 in one talk of 2018).
_CHINESE_TRANSCRIPT_FILLERS = 40


def _spoken_chinese(doc) -> bool:
    """A Chinese page that keeps its speakers' fillers (40 or more 嗯 and 呃): speech turned
    into text as it was said (a talk run through speech recognition), whose doubled
    characters (我我叫, 要要介绍) are the speaker's, not a writer's typos."""

    def count() -> bool:
        return len(_CHINESE_FILLER.findall(doc.text, doc.body_offset)) >= _CHINESE_TRANSCRIPT_FILLERS

    return doc.memo("spoken-chinese", count)


_SHORT_QUOTE = 60  # characters: a string mentioned as an example, not a quoted passage


def _in_short_quote(text, start, end):
    """The doubled pair lies inside a short double-quoted string on its line (`"dog cat cat
    dog"`, `“a test test”`, `&quot;dog cat cat dog&quot;` in HTML): an example given as it is,
    typos and all."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if "&quot;" in before:  # HTML's `&quot;dog cat cat dog&quot;`: the same quotation marks, lengths kept
        before, after = before.replace("&quot;", '"     '), after.replace("&quot;", '"     ')
    if before.count('"') % 2 == 1:
        opening, closing = before.rfind('"'), after.find('"')
    else:
        opening = before.rfind("“")
        opening = opening if opening > before.rfind("”") else -1
        # closed by ” or, typed in the other input mode, by a straight " (`“tick tick @***"`)
        closing = min((found for found in (after.find("”"), after.find('"')) if found >= 0), default=-1)
    return opening >= 0 and closing >= 0 and (len(before) - opening) + (end - start) + closing <= _SHORT_QUOTE


def _same_case(text, block, word_a, start_a, word_b):
    """Whether the two words are written alike, as a typo copies them: the same, or the first
    capitalised at the start of a sentence ("The the"). A capital elsewhere makes a name."""
    if word_a == word_b:
        # Walla Walla, Bora Bora, J J Thomson; `statsFunc statsFunc`, a parameter and its type
        return not word_a[:1].isupper() and not any(char.isupper() for char in word_a[1:])
    if word_a[:1].isupper() and word_a[1:].islower() and word_b.islower():
        if _CJK_CHARACTER.search(text, max(block.start, start_a - _CJK_REACH), start_a + 2 * len(word_a) + _CJK_REACH):
            return False  # `Selector selector 属性` in Chinese text: a Java type and its variable
        return block.type != "table_cell" and _starts_sentence(text, block.start, start_a)  # a cell holds names
    return False


_CJK_CHARACTER = lazy(f"[{CJK}]")
_CJK_REACH = 20  # characters either side of a pair in which Chinese text makes it code


def _starts_sentence(text, block_start, offset):
    position = offset - 1
    while position >= block_start and text[position] in _OPENERS:
        position -= 1
    if position < block_start:
        return True
    if text[position] == ">":  # an HTML tag: a table cell holds names, not sentences
        return _CELL_TAG.match(text, text.rfind("<", block_start, position) + 1) is None
    return text[position] in _SENTENCE_END


def _runs_on_past_markup(text, offset, step) -> bool:
    """Whether emphasis markers at `offset` (read in the direction of `step`) split a word: a
    letter or digit right after them."""
    at = offset
    while 0 <= at < len(text) and text[at] in "*_~":
        at += step
    return at != offset and 0 <= at < len(text) and text[at].isalnum()


def _joined(text, offset, step):
    """Whether the character at `offset` joins the word beside it to another word ("-", "/",
    "." and the like followed by a letter or digit): then the word is part of a longer one,
    as in `Consumer#unsubscribe`, a method named with its class."""
    if step > 0 and text[offset : offset + 2] in _ESCAPED_JOINERS:
        offset += 1  # `for\_each`: an escaped joiner joins as well
    if not 0 <= offset < len(text) or text[offset] not in _JOINERS:
        return False
    beyond = text[offset + step : offset + step + 1] if step > 0 else text[offset - 1 : offset]
    if beyond == "\\" and step < 0:
        beyond = text[offset - 2 : offset - 1]  # `pk\_and\_sequence\_for`: escaped underscores
    return beyond.isalnum()


def _symbol(text: str, at: int) -> bool:
    """Whether the word at `at` is written as a Ruby or Elixir symbol: a colon right before it,
    after a space or an opening bracket (`the :as as option`)."""
    return text[at - 1 : at] == ":" and (at < 2 or text[at - 2] in " \t\n([{,")


def _setting_value(text: str, at: int) -> bool:
    """Whether the word at `at` is the value of a setting written as one token: `threads:on on
    i386`, `opt=on on arm` (a name, then `:` or `=`, no space)."""
    return text[at - 1 : at] in (":", "=") and at >= 2 and (text[at - 2].isalnum() or text[at - 2] in "_-")


def _in_attribute_list(text: str, at: int) -> bool:
    """Whether `at` is inside a kramdown attribute list on its line (`{:style="margin: auto
    auto"}`): CSS and class names, not prose."""
    opening = text.rfind("{:", text.rfind("\n", 0, at) + 1, at)
    return opening >= 0 and "}" not in text[opening:at]


def _in_tag_attribute(text: str, at: int) -> bool:
    """Whether `at` is inside an attribute's quoted value of an HTML tag written over several
    lines (`<twisty-player` / `  alg = "R U R' y y"` / `>`): a program's input, not prose
    (kramdown reads such a tag as HTML; CommonMark, where its lines break the tag, shows it
    as text, a defect of the tag, not of the words)."""
    opening = text.rfind("<", max(0, at - _LONGEST_TAG), at)
    return opening >= 0 and ">" not in text[opening:at] and _TAG_UP_TO_VALUE.fullmatch(text, opening, at) is not None


_LONGEST_TAG = 2000  # characters from a tag's `<` to a word in its attributes
_TAG_UP_TO_VALUE = lazy(
    r"""<[A-Za-z][\w-]*(?:\s+[\w:.@-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s+[\w:.@-]+\s*=\s*(?:"[^"]*|'[^']*)"""
)


def _quotes_a_title(doc, block):
    """A list item that begins with a pull request's number, or with a link to a commit or a
    change (`* [a89261bf6](…/commit/a89261b) Zip binaries…`), quotes its subject as written."""
    start = block.content_start if block.content_start is not None else block.start
    if block.type not in ("block_text", "paragraph"):
        return False
    if _QUOTED_TITLE.match(doc.text, start) is not None:
        return True
    return doc.text.startswith("[", start) and any(link.start == start and not link.is_image and _CHANGE_URL.match(link.url) for link in doc.links)


# A link to a commit, a pull or merge request or an issue: its text is their subject, quoted.
_CHANGE_URL = lazy(r"https?://[^\s/]+/(?:[^\s?#]+/)?(?:-/)?(?:commit|commits|pull|pulls|issues|merge_requests)/\w", re.I)


def _names_a_change(doc, offset: int) -> bool:
    return any(link.start <= offset < link.end and not link.is_image and _CHANGE_URL.match(link.url) for link in doc.links)


def _named_by_its_link(doc, offset: int, fold: str) -> bool:
    """`[zkw zkw](https://example.cn/people/zkw-zkw)`: the link's text is the name its address
    gives, doubled there too (a user name, a profile's slug)."""
    joined = f"{fold}-{fold}"
    return any(
        link.start <= offset < link.end and not link.is_image and joined in link.url.casefold().replace("_", "-") for link in doc.links
    )


_JOINERS = {"-", "/", ".", "_", "@", "&", ";", "#", "'", "’"}
_ESCAPED_JOINERS = frozenset("\\" + joiner for joiner in _JOINERS)


def _emphasis_spans(block):
    return [(node.start, node.end) for node in block.walk() if node.type in ("emphasis", "strong")]


def _in_url(doc, offset):
    line_start = doc.text.rfind("\n", 0, offset) + 1
    line_end = doc.text.find("\n", offset)
    line_end = len(doc.text) if line_end < 0 else line_end
    return any(m.start() <= offset < m.end() for m in TEXT_URL.finditer(doc.text, line_start, line_end))


def _prose_nodes(doc, block):
    """The block's inline nodes in reading order, None in place of a text node that is not
    prose: the text between `<code>` and `</code>` written as inline HTML, or a text that is
    not as written (an entity)."""
    text = doc.text
    stack = list(reversed(block.children))
    open_code = None
    while stack:
        node = stack.pop()
        if node is None:
            yield None
            continue
        if node.type == "inline_html":
            if open_code is None:
                open_code = opens_code_element(node.raw)
            elif closes_element(node.raw, open_code):
                open_code = None
        if node.type == "text" and (open_code is not None or text[node.start : node.end] != node.raw):
            yield None
            continue
        yield node
        if node.type == "link":
            stack.append(None)
        if node.type not in _BREAKS or node.type == "link":
            stack.extend(reversed(node.children))


def _visible_words(doc, block):
    """The block's alphabetic words with their offsets, in reading order; None where something
    that is not text (code, math, HTML, a link's edge) stands between words."""
    text = doc.text
    for node in _prose_nodes(doc, block):
        if node is None or node.type in _BREAKS:
            yield None
        elif node.type == "text":
            for match in _LATIN_WORD.finditer(text, node.start, node.end):
                yield (match.group(0), match.start(), match.end())


def _prose_text_spans(doc, block):
    return [(node.start, node.end) for node in _prose_nodes(doc, block) if node is not None and node.type == "text"]


def _html_words(doc, block):
    """The words of a raw HTML block's prose; None where a tag stands between words."""
    text = doc.text
    for start, end in html_prose(text, block.start, block.end):
        yield None
        for match in _LATIN_WORD.finditer(text, start, end):
            yield (match.group(0), match.start(), match.end())


from artlint import data
from artlint.cjk import CJK, words_around
from artlint.findings import Fix, Severity
from artlint.lazyre import lazy
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.urls import TEXT_URL

_DATA = data.load("duplicates")["duplicate-word"]
_LATIN_WORD = lazy(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+(?:['’][A-Za-z\u00c0-\u024f]+)*")
_CJK_DOUBLE = lazy(f"([{CJK}])\\1")
_BETWEEN_WORDS = lazy(r"[\s*_~]*")
# A cheap first look at a block's source: a word, blanks or emphasis markers, the same word.
_MAYBE_DOUBLED = lazy(r"(?i)(?<![\w-])([a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+)[\s*_~]+\1(?![\w-])")
_QUOTE_AFTER = lazy(r"\s*[，,：:]\s*[“\"「『‘]")
_INLINE_BLOCKS = ("paragraph", "block_text", "heading", "table_cell")
# Inline nodes that separate words: a word on one side is not next to a word on the other.
_BREAKS = {"codespan", "inline_math", "block_math", "inline_html", "image", "link"}


class DuplicateWord(DocumentRule):
    """The same word twice in a row: "the the", "博士说说，".

    ## What it finds
    - Words of alphabetic scripts repeated with only spaces, line breaks or emphasis markers
      between them (`the **the**`), ignoring case. Grammatical doubles (`had had`,
      `that that`, German `die die`, French `nous nous`) and deliberate repetition (`no no no`,
      `very very`) pass, as do Title Case pairs (`Walla Walla`). The list is data (`allow`),
      with more for pages of one language as the site tells it (`allow-by-language`:
      Hungarian `az az`, German `Sie sie`, Danish `det det`). Pages in a language whose grammar
      doubles words (`reduplicating-languages`: Turkish `yavaş yavaş`, Swahili `pole pole`,
      Indonesian, Tagalog, Hindi...) are not checked for these.
    - Chinese: a doubled function word (`的的`, `了了`, `在在`: the `function-characters`)
      that a word segmenter (jieba) sees as two separate one-character words, and a doubled
      verb of speech before a comma or colon and a quotation mark (`博士说说，“...`).
      Legitimate doubles pass: reduplicated words and names (`常常`, `看看`, `说说看`, `两两`,
      `钉钉`), AABB forms (`的的确确`), doubles across a word boundary (`目的的` = 目的 + 的,
      `学会会士`, `有有钱`, `对对齐`), spoken assent (`对对`), runs of three or more (`哈哈哈`).
    Words split by inline code, math, HTML or a link are not next to each other, nor are words
    joined to others by `-`, `/` or `.` (`real-time time`), or inside URLs. A capitalised pair
    in italics is a species name (`*Gallus gallus*`).

    ## Why it matters
    Doubled words are the commonest typo that spell checkers miss, and they survive every
    re-post. In Chinese text they are especially hard to see.

    ## Example

        论文共同作者Sujith Joseph博士说说，“在这名患儿的治疗过程中……”

    reports `doubled '说说' before a quotation: one '说' too many`.

    ## Fix
    Unsafe (`--fix --unsafe-fixes`): the second word is deleted. A doubled word is almost
    always a typo, but not always (a quoted stammer, a name), so it is applied only on request.
    """

    name = "duplicate-word"
    family = "duplicate"
    severity = Severity.WARNING
    fixable = "unsafe"
    options = {
        "allow": Option("list[string]", _DATA["allow"], "Doubled words that are not mistakes, lower-case."),
        "reduplicating-languages": Option(
            "list[string]",
            _DATA["reduplicating-languages"],
            "Languages whose grammar doubles words (Turkish 'yavaş yavaş', Swahili 'pole pole'): "
            "their pages are not checked for doubled words in alphabetic scripts.",
        ),
        "allow-by-language": Option(
            "table[list[string]]",
            dict(_DATA["allow-by-language"]),
            "Doubled words that are grammar in one language (by language code), for pages of that language.",
        ),
        "function-characters": Option(
            "list[string]", _DATA["function-characters"], "Chinese function words whose doubling is a typo."
        ),
        "speech-verbs": Option("list[string]", _DATA["speech-verbs"], "Verbs of speech that must not be doubled before a quotation."),
    }

    def check(self, doc, options):
        pairs = list(options["allow"])
        language = doc.page.language if doc.page is not None else None
        latin = not (language and language.split("-")[0] in options["reduplicating-languages"])
        if language:
            by_language = options["allow-by-language"]
            pairs += by_language.get(language, []) + by_language.get(language.split("-")[0], [])
        allowed = {" ".join(pair.casefold().split()) for pair in pairs}
        text = doc.text
        for block in doc.nodes(*_INLINE_BLOCKS):
            if latin and _MAYBE_DOUBLED.search(text, block.start, block.end):
                yield from self._latin(doc, block, allowed)
            if _CJK_DOUBLE.search(text, block.start, block.end):
                yield from self._chinese(doc, block, options)

    def _latin(self, doc, block, allowed):
        words = list(_visible_words(doc, block))
        # Compared folded once each: a block of "a *a* a" has a million words.
        folded = [word[0].casefold() if word is not None else None for word in words]
        text = doc.text
        for index in range(1, len(words)):
            fold = folded[index]
            if fold is None or folded[index - 1] != fold:
                continue
            if index >= 2 and folded[index - 2] == fold or index + 1 < len(folded) and folded[index + 1] == fold:
                continue  # three or more of the same word: deliberate
            (word_a, start_a, end_a), (word_b, start_b, end_b) = words[index - 1], words[index]
            if not _BETWEEN_WORDS.fullmatch(doc.text, end_a, start_b) or f"{word_a} {word_b}".casefold() in allowed:
                continue
            if word_a[:1].isupper() and word_b[:1].isupper():
                continue  # Walla Walla, Duran Duran
            if text[start_a - 1 : start_a] in _JOINERS or text[end_b : end_b + 1] in _JOINERS:
                continue  # real-time time, r-lib/actions actions, in in-person
            if word_a[:1].isupper() and _in_emphasis(block, start_a):
                continue  # *Gallus gallus*: a species name
            if _in_url(doc, start_a):
                continue
            fix = None
            if text[end_a:start_b].isspace():  # not across emphasis markers, which must stay
                fix = Fix(f"delete the second '{word_b}'", (doc.edit(end_a, end_b),), safe=False)
            yield doc.diagnostic(f"doubled word '{word_a} {word_b}'", start_a, end_b, fix=fix)

    def _chinese(self, doc, block, options):
        text = doc.text
        for node in block.walk():
            if node.type != "text" or not node.raw or text[node.start : node.end] != node.raw:
                continue
            for match in _CJK_DOUBLE.finditer(text, node.start, node.end):
                problem = _chinese_double(text, match.start(), node.start, node.end, options)
                if problem:
                    start = match.start()
                    fix = Fix(f"delete the second '{text[start]}'", (doc.edit(start + 1, start + 2),), safe=False)
                    yield doc.diagnostic(problem, start, match.end(), fix=fix)


def _chinese_double(text, start, lower, upper, options):
    char = text[start]
    pair = char * 2
    if text[start - 1 : start] == char or text[start + 2 : start + 3] == char:
        return None  # three or more: laughter, assent, emphasis
    if char in options["speech-verbs"] and _QUOTE_AFTER.match(text, start + 2):
        return f"doubled '{pair}' before a quotation: one '{char}' too many"
    if char not in options["function-characters"]:
        return None  # reduplicated content words and names: 看看, 两两, 钉钉
    following = text[start + 2 : start + 4]
    preceding = text[start - 2 : start]
    if len(following) == 2 and following[0] == following[1] != char or len(preceding) == 2 and preceding[0] == preceding[1] != char:
        return None  # AABB: 的的确确, 干干净净
    words = words_around(text, max(lower, start - 8), min(upper, start + 10))
    covering = [word for word in words if word[1] < start + 2 and word[2] > start]
    if len(covering) == 2 and all(len(word[0]) == 1 for word in covering):
        return f"doubled character '{pair}'"
    return None


_JOINERS = {"-", "/", ".", "_", "@"}


def _in_emphasis(block, offset):
    return any(node.type in ("emphasis", "strong") and node.start <= offset < node.end for node in block.walk())


def _in_url(doc, offset):
    line_start = doc.text.rfind("\n", 0, offset) + 1
    line_end = doc.text.find("\n", offset)
    line_end = len(doc.text) if line_end < 0 else line_end
    return any(m.start() <= offset < m.end() for m in TEXT_URL.finditer(doc.text, line_start, line_end))


def _visible_words(doc, block):
    """The block's alphabetic words with their offsets, in reading order; None where something
    that is not text (code, math, HTML, a link's edge) stands between words."""
    text = doc.text
    stack = list(reversed(block.children))
    while stack:
        node = stack.pop()
        if node is None:
            yield None
            continue
        if node.type in _BREAKS:
            yield None
            if node.type == "link":
                stack.append(None)
                stack.extend(reversed(node.children))
            continue
        if node.type == "text":
            if text[node.start : node.end] != node.raw:
                yield None
                continue
            for match in _LATIN_WORD.finditer(text, node.start, node.end):
                yield (match.group(0), match.start(), match.end())
            continue
        stack.extend(reversed(node.children))

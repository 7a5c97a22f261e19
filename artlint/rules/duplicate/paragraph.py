import itertools
import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from artlint import data
from artlint.findings import Related, Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.rules.duplicate._units import block_keys, bold_headings, code_spans, filler_option, is_filler, math_spans, normalise, section_starts, sections
from artlint.spans import SpanSet
from artlint.templating import paired_spans, template_block_spans
from artlint.unfencedcode import written_as_code

if TYPE_CHECKING:
    from artlint.markdown import Node

_DATA = data.load("duplicates")["duplicate-paragraph"]
# Paragraphs in a row that repeat paragraphs in a row: a block pasted twice (a teaser repeated
# in the body). Templates repeat two or three lines under each heading ("Progress:", "Next:").
_COPIED_RUN = 4
# A short paragraph (under `min-length-across-sections`) an article has three times or more,
# other text between some of them, but not in a copied run, is said again on purpose: a song's
# refrain, the error message each attempt of a walkthrough meets. A slip of copy and paste
# leaves two, or a row of them; a long paragraph three times over is pasted, not sung.
_REFRAIN = 3
# A Chinese or Japanese character carries about a word: it counts three letters in lengths.
_CJK_CHARACTERS = lazy("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_FIELD_LABEL = lazy(r"[ \t]*([*_]{1,2})[^*_\n]{1,60}?(?:[:：]\1|\1[ \t]*[:：])")


def _is_lead_in(doc, block) -> bool:
    """A paragraph that ends with a colon introduces what follows it (code, a list, a quote):
    "This method is defined in file X:" before each of several excerpts."""
    return doc.text[block.start : block.end].rstrip().rstrip("*_").endswith((":", "："))


def _verse_page(doc) -> bool:
    """A song's lyrics or a poem: `_VERSE_LINES` lines or more of its paragraphs, and most of
    them, are short and end no sentence with a full stop or a colon."""

    def judge() -> bool:
        lines = [line for node in doc.nodes("paragraph") for line in _shown_lines(doc.text[node.start : node.end])]
        verse = sum(1 for line in lines if _line_of_verse(line))
        return verse >= _VERSE_LINES and verse >= _VERSE_SHARE * len(lines)

    return doc.memo("duplicate-paragraph verse", judge)


def _verse(text: str) -> bool:
    lines = _shown_lines(text)
    return bool(lines) and all(_line_of_verse(line) for line in lines)


def _shown_lines(text: str) -> list[str]:
    """A paragraph's lines of text, hard breaks' backslashes and lines of markup alone (an
    image, an embedded player) left out."""
    stripped = (line.strip().rstrip("\\").strip() for line in text.split("\n"))
    return [line for line in stripped if line and not line.startswith(("![", "<", "{{", "{%"))]


def _line_of_verse(line: str) -> bool:
    width = len(line) + len(_WIDE.findall(line))
    return width <= _VERSE_WIDTH and not line.endswith((".", "。", ":", "：", ";", "；")) and not _CODE_MARK.search(line)


# A line of verse is short (display columns: a Chinese, Japanese or Korean character takes two)
# and ends no sentence; a page of lyrics has a dozen or more, most of its lines.
_VERSE_WIDTH = 60
_VERSE_LINES = 12
_VERSE_SHARE = 0.75
# Marks of a configuration or code pasted as text (`keyUsage = digitalSignature`), never of verse.
_CODE_MARK = lazy(r"[=;{}<>|$#\\/]")
_WIDE = lazy("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _one_code_span_or_link(block) -> bool:
    """A paragraph that is one code span (a syntax tutorial's output, shown for each of two
    inputs) or one link, a short note after it aside (an entry of a reading list that two lists
    of a page share: "[The title](…) (PDF)")."""
    children = [child for child in block.children if child.type not in ("softbreak", "linebreak") and not (child.type == "text" and not child.text.strip())]
    if not children or children[0].type not in ("codespan", "link"):
        return False
    rest = children[1:]
    return all(child.type == "text" for child in rest) and len("".join(child.text for child in rest).strip()) <= _NOTE_AFTER_LINK


_NOTE_AFTER_LINK = 12  # characters: "(PDF)", "(video)"


def _differs_in_code(doc, block, first) -> bool:
    """`client-body-buffer-size: 1m` and `…: 1M`, `${var=$x}` and `${var:=$x}`: two items
    alike but for the case or the punctuation of their code spans, which are different values
    or syntaxes (normalising reads neither); and two lines that differ in case alone
    (`Input: "YellOw"`, `Input: "yellow"`: a problem about case)."""
    text, other = doc.text[block.start : block.end].strip(), doc.text[first.start : first.end].strip()
    if text == other:
        return False
    if text.casefold() == other.casefold():
        return True
    if "`" not in text and "$" not in text:
        return False
    # The blocks' normalised texts are equal: code spans that differ differ in what
    # normalising drops. The same number of them on each side: one written as code here and
    # as plain text there (`\(n\)` and n) is still a copy.
    spans, other_spans = code_spans(text) + math_spans(text), code_spans(other) + math_spans(other)
    return len(spans) == len(other_spans) and spans != other_spans


# A region a program writes into a page: `<!-- autogenerated start "run make rcdocs" -->` to
# `<!-- autogenerated stop -->`, `<!-- BEGIN GENERATED … -->` to `<!-- END GENERATED -->`.
_GENERATED_START = lazy(
    r"<!--[^>\n]{0,40}?\b(?:auto-?)?generated\b[^>\n]{0,20}?\b(?:start|begin)\b[^\n]*?-->"
    r"|<!--[ \t]*(?:start|begin)[ \t]+(?:auto-?)?generated\b[^\n]*?-->",
    re.I,
)
_GENERATED_END = lazy(
    r"<!--[^>\n]{0,40}?\b(?:auto-?)?generated\b[^>\n]{0,20}?\b(?:stop|end)\b[^\n]*?-->|<!--[ \t]*end[ \t]+(?:auto-?)?generated\b[^\n]*?-->",
    re.I,
)


def _generated_regions(text: str) -> "SpanSet | None":
    if "generated" not in text.lower():
        return None
    spans = paired_spans(text, _GENERATED_START, _GENERATED_END, SpanSet([]))
    return SpanSet(spans) if spans else None


# A paragraph that is a numbered step, written without the space a list item needs (`1.修改`,
# `2、选择`) or as a paragraph of its own.
_STEP = lazy(r"[ \t]*(\d{1,2})[.、．)）]")


def _step(doc, node) -> int | None:
    found = _STEP.match(doc.text, node.start, node.end)
    return int(found.group(1)) if found else None


def _two_procedures(doc, block, first) -> bool:
    """The same numbered step in two procedures whose numbering starts over between them, and
    whose first steps differ (`1.名称为 Sample Subscriber`, then `1.名称为 Sample Publisher`): the
    same settings listed for a second component on purpose. A procedure pasted twice, its
    first step too, is a copy."""
    number = _step(doc, first)
    if number is None or number != _step(doc, block):
        return False
    firsts = doc.memo(
        "duplicate-paragraph first steps",
        lambda: [(node.start, normalise(doc.text[node.start : node.end])) for node in doc.nodes("paragraph") if _step(doc, node) == 1],
    )
    starts = [start for start, _ in firsts]
    here, there = bisect_right(starts, block.start), bisect_right(starts, first.start)
    return here != there and here > 0 and there > 0 and firsts[here - 1][1] != firsts[there - 1][1]


def _in_two_lists(in_list: int | None, first_list: int | None) -> bool:
    """A list item whose twin is an item of another list (or no list item): lists repeat
    short items on purpose ("Exceptions: none" under each limit). Twice in one list is a slip."""
    return in_list is not None and in_list != first_list


def _is_field(doc, block) -> bool:
    """A paragraph that starts with an emphasised label ("**Goals:** none this year",
    "*Help wanted:* ...") is a field of a record: templated reports and forms repeat them. One
    emphasised whole is a call-out ("**Supply at least one key.**", a conclusion stated first
    and again at the end): restated on purpose."""
    if _FIELD_LABEL.match(doc.text, block.start, block.end) is not None:
        return True
    # Blank text around it (`&nbsp;` indenting a quiz's question) is no part of the call-out.
    children = [child for child in block.children if child.type not in ("softbreak", "linebreak") and not _blank(child)]
    return len(children) == 1 and children[0].type in ("strong", "emphasis")


def _blank(node) -> bool:
    return node.type == "text" and not _NBSP_ENTITY.sub("", node.text).strip()


_NBSP_ENTITY = lazy(r"&nbsp;|&#160;|&#xa0;", re.I)


_CALCULATION = lazy(r"\d\s*[-+*/×÷]\s*\d|=\s*-?\d")
_WORKED_STEP_LENGTH = 120  # characters


def _worked_step(doc, block) -> bool:
    """A short sentence with a calculation in it ("so cost incurred = 0", "6-3=3"): the same
    step of two worked examples, said again on purpose."""
    raw = doc.text[block.start : block.end]
    return len(raw.strip()) <= _WORKED_STEP_LENGTH and _CALCULATION.search(raw) is not None


def _captions(doc) -> set[int]:
    """Start offsets of the one-sentence paragraphs right before or after a code block (or
    before the one line that names its file): a caption ("This method is defined in file X.")
    that each excerpt of the same file repeats."""
    starts = set()
    blocks = [block for block in doc.blocks if block.type != "blank_line"]
    for index, block in enumerate(blocks):
        if block.type not in ("block_code", "block_math"):
            continue
        for neighbour in blocks[max(index - 1, 0) : index] + blocks[index + 1 : index + 2]:
            if neighbour.type == "paragraph":
                starts.add(neighbour.start)
        # "Replace the file's contents with this:", then the file's name on a line, then the code.
        if index >= 2 and blocks[index - 1].type == "paragraph" and blocks[index - 2].type == "paragraph":
            name = doc.text[blocks[index - 1].start : blocks[index - 1].end].strip()
            if "\n" not in name and len(name) <= _FILE_CAPTION_LENGTH:
                starts.add(blocks[index - 2].start)
    return starts


_FILE_CAPTION_LENGTH = 120


def _table_intros(doc) -> dict[int, str]:
    """The paragraphs right before a table, by start offset, with that table's source: the
    sentence that introduces each of a reference page's tables ("Exactly one of the following
    options may be set."), the same before two different tables."""
    intros = {}
    blocks = [block for block in doc.blocks if block.type != "blank_line"]
    for before, block in itertools.pairwise(blocks):
        if before.type == "paragraph" and block.type == "table":
            intros[before.start] = doc.text[block.start : block.end]
    return intros


# The number a numbered document gives its headings: "3.1.2.1 Notice", "2. Usage", "第三章 ".
_HEADING_NUMBER = lazy(r"^\s*(?:\d+(?:\.\d+)*\.?|[(（]?\d+[)）]|第[0-9一二三四五六七八九十百]+[章节部分步])\s*")
# The number of one of several alternatives (`alternative-words` of rules/duplicates.toml):
# "方法二：回溯（写法二）", "Solution 2: Backtracking".
_ALTERNATIVE = "(?:" + "|".join(re.escape(word) for word in _DATA["alternative-words"]) + r")\s*[0-9一二三四五六七八九十]+(?![0-9一二三四五六七八九十])"
_ALTERNATIVE_NUMBER = lazy(rf"^\s*{_ALTERNATIVE}\s*[:：.]?\s*", re.I)
_ALTERNATIVE_HEADING = lazy(rf"#{{1,6}}[ \t]+{_ALTERNATIVE}", re.I)  # a heading that numbers one


def _heading_texts(doc, starts: list[int]) -> list[str]:
    """The normalised text of the heading that starts each section ("" for a component),
    without the number a numbered document gives it: "3.1.2.1 Notice" and "3.1.3.1 Notice" are
    the same heading of two sections built on one template; nor the number of an alternative:
    "方法一：回溯" and "方法二：回溯（写法二）" are two ways of one solution."""
    written = {
        heading.start: _without_prefix(_QUALIFIER.sub("", _unnumbered(_HEADING_ATTRIBUTES.sub("", heading.text))))
        for heading in doc.nodes("heading")
    }
    directives = {start: _directive_names(text) for start, text in written.items()}
    unprefixed = {names[0] for names in directives.values() if names is not None}
    texts = {start: normalise(_as_directive(text, directives[start], unprefixed)) for start, text in written.items()}
    return [texts.get(offset, "") for offset in starts]


def _two_alternatives(doc, starts, here: int, there: int) -> bool:
    """Two sections headed as numbered alternatives ("方法一：DFS", "方法二：动态规划"; "Solution 1",
    "Solution 2"): a statement true of both (their complexity, a setup) is said in each."""
    return here > 0 and there > 0 and all(
        _ALTERNATIVE_HEADING.match(doc.text, starts[section - 1][0]) for section in (here, there)
    )


def _unnumbered(heading: str) -> str:
    return _ALTERNATIVE_NUMBER.sub("", _HEADING_NUMBER.sub("", heading))


# A heading that is one identifier in parts (`fastapi_reload_includes`, `quart.reload.includes`).
_PREFIXED_NAME = lazy(r"[ \t`]*[A-Za-z][A-Za-z0-9]*[_.-]([A-Za-z0-9]+(?:[_.-][A-Za-z0-9]+)*)[ \t`]*")


# A field named by its path in a schema (`Bundle.spec.target.additionalFormats`), three parts or more.
_FIELD_PATH = lazy(r"[ \t`]*[A-Za-z][\w-]*(?:\.[\w-]+)+\.([A-Za-z][\w-]*)[ \t`]*")


def _without_prefix(text: str) -> str:
    """An option's name without its first part: `fastapi_reload_includes` and
    `quart_reload_includes` are one setting of two drivers, one template's two entries. A field
    named by its path, by its own name: a generated API reference describes
    `Bundle.spec.target.additionalFormats` and `Bundle.status.target.additionalFormats` alike."""
    path = _FIELD_PATH.fullmatch(text)
    if path:
        return path.group(1)
    match = _PREFIXED_NAME.fullmatch(text)
    return match.group(1) if match else text


# A heading that names a directive and the syntax of its value: "olcReferral: <URI>",
# "readonly { on | off }", "timelimit &lt;integer&gt;".
_DIRECTIVE_VALUE = r"(?:<[^<>]*>|&lt;(?:(?!&gt;).)*&gt;|\{[^{}]*\}|\[[^\[\]]*\])"  # `<URI>`, `{ on | off }`, `[n]`
_DIRECTIVE_HEADING = lazy(rf"[ \t`]*([a-z]+(?=[A-Z]))?([A-Za-z][A-Za-z0-9]*)[ \t`]*[:：]?[ \t]*(?:{_DIRECTIVE_VALUE}[ \t]*)*")


def _directive_names(text: str) -> tuple[str, str] | None:
    """A directive's heading: its name in lower case, and that name without a namespace written
    as a lower-case prefix (`olcReferral`: "olcreferral", "referral"); None for other headings."""
    match = _DIRECTIVE_HEADING.fullmatch(text)
    if match is None:
        return None
    prefix, name = match.groups()
    whole = ((prefix or "") + name).lower()
    return whole, name.lower() if prefix else whole  # the pattern reads a prefix only before a capital


def _as_directive(text: str, names: tuple[str, str] | None, unprefixed: set[str]) -> str:
    """A server's manual describes each directive once per way of configuring it, in words both
    chapters share (`olcReferral: <URI>` in cn=config, `referral <URI>` in slapd.conf): a
    directive's heading is its name without its namespace when another heading names it so.
    Two prefixed names stay apart (`testPathIgnorePatterns`, `coveragePathIgnorePatterns`)."""
    if names is None:
        return text
    whole, bare = names
    return bare if bare != whole and bare in unprefixed else whole


# A heading's qualifier in brackets: "Use CPU QoS (based on Group Identity)" and "Use CPU QoS
# (based on Core Scheduling)" are two variants of one section.
_QUALIFIER = lazy(r"\s*[(（][^()（）]{1,60}[)）]\s*$")
# An id given at a heading's end (`### GUI {#win10-gui}`, kramdown's `{: #id}`): each section's
# own, where the text before it is the template's.
_HEADING_ATTRIBUTES = lazy(r"\s*\{:?[ \t]*[#.][^{}\n]*\}\s*$")


def _targets(block) -> frozenset[str]:
    return frozenset(str(node.attrs.get("url", "")) for node in block.walk() if node.type == "link")


def _run_length(pairs: set[tuple[int, int]], number: int, first: int) -> int:
    """How many repeats in a row, around this one, repeat the paragraphs in a row around its
    first occurrence."""
    before = 0
    while (number - before - 1, first - before - 1) in pairs:
        before += 1
    after = 0
    while (number + after + 1, first + after + 1) in pairs:
        after += 1
    return before + 1 + after


class DuplicateParagraph(DocumentRule):
    """A paragraph that appears twice in one article, or an item twice in one list.

    ## What it finds
    A paragraph or list item whose words, ignoring case, spaces, punctuation and markup, are
    those of an earlier one of the same article, when it has at least `min-length` letters
    (40; the letters of URLs written out do not count). The second occurrence is reported,
    naming the line of the first.
    Sections built on one template repeat their text: under headings of the same text (their
    numbers aside: "3.1.2 Notice", "3.2.1 Notice"; a qualifier in brackets aside: "Use QoS
    (Group Identity)", "Use QoS (Core Scheduling)"; an id given at its end aside: `### GUI
    {#linux-gui}`, `#### GUI {#win10-gui}`; an option's name but for its first part:
    `fastapi_reload_delay`, `quart_reload_delay`; a directive's name with and without its
    namespace's prefix: `olcReferral: <URI>`, `referral <URI>`), or in two sections under paragraphs that are
    one bold phrase of the same text (`**Matching**` in the section of each kind of rule, the
    same fields listed under each), even whole runs of it ("Common causes" under
    each limit, "Options" under each command), and the items of a list again in another list
    under another heading of the same level (the options every command shares) or under
    another paragraph that is one bold phrase used as a heading (a dialog's options under
    `**Share one image**` and again under `**Share a batch**`); at the
    same place after the first paragraph of two sections of one kind, a single note (a
    reference page's note per endpoint; MDX components such as `<ApiEndpoint>` start sections
    too), and at the same place after the first paragraph of two items of one list (a note
    under each setting a reference list describes). A note after the first paragraph of two
    sections headed by code names (`` ### `testMatch` ``: what an API reference's members
    share), and a paragraph of two sections headed as numbered alternatives ("方法一：DFS",
    "方法二：动态规划", "Solution 1", "Solution 2": the complexity both have) are not reported
    either. Beyond that, what an article repeats
    on purpose is not reported, unless it belongs to a run of four or more paragraphs copied
    together (a pasted block):
    - an item of another list (lists repeat items such as "Exceptions: none" under each
      heading; a copied run of them needs `min-list-item-length` letters, 80), and a step of
      a numbered list that repeats an earlier step;
    - a lead-in ending with a colon before a code or math block (or before the line naming its file)
      or in another section, a one-sentence
      caption next to a code block ("defined in file X" under each excerpt), a field with an emphasised label ("**Status:** ..."), a
      paragraph that is one emphasised call-out, a sentence or two introducing each of two
      different tables ("Exactly one of the following options may be set.");
    - code written as a paragraph (most lines end with `{`, `}` or `;`; or pasted from an old
      blog editor as HTML: coloured `<span style="color: #...">` tokens, columns aligned with
      `&nbsp;` runs inside a line), and a short sentence
      with a calculation in it ("so cost incurred = 0"), a step that two worked examples share;
    - a short paragraph (under `min-length-across-sections`) the article has three times or
      more, with other text between some of them (a song's refrain, the error message each
      attempt of a walkthrough meets; items twice in one list aside): a slip of copy and paste
      leaves two, or three in a row;
    - a short item three times or more in one list, never twice in a row: a prompt a session's
      transcript meets again ("Enter the version constraint: leave empty" after each package);
    - on a page of lyrics or verse (a dozen lines or more of its paragraphs, and three in four,
      short, ending no sentence with a full stop or a colon, with no mark of code or
      configuration such as `=`, `;` or `{`), a stanza or line of verse
      sung again: a chorus;
    - the same note linking to different pages (one per item);
    - a paragraph that is one code span (a syntax tutorial's output, shown for two inputs) or
      one link, perhaps with a short note after it (a reading list's entry listed again in
      another list), and two items that differ in the case or the punctuation of their code (`1m`, `1M`; `${v-x}`, `${v:-x}`) or math (`$a+b$`, `$a-b$`);
    - under different headings, a paragraph shorter than `min-length-across-sections` (150; a
      Chinese or Japanese character counts three);
    - an item of an overview list said again, shorter than that too, as a one-line paragraph
      without a full stop over the details of that part: a heading in all but its markup.
    - a paragraph of a post's excerpt, above its `<!-- more -->` (or `<!-- truncate -->`), said
      again in the body below: a summary for the list of posts, restated where it belongs (one
      paragraph; two or more of the excerpt again are the excerpt pasted twice).
    A page that says a program wrote it (`auto_generated: true`, "auto-generated from ..." at
    its top, or `# autogenerated - DO NOT EDIT` as a comment of its front matter) is not
    checked: an API reference repeats a type's description at each use; nor is a licence or
    notice file (`LICENSE.md`, `COPYING`), whose bundled licences repeat their terms. Nor is a
    copy of which one side lies in a region a program writes (`<!-- autogenerated start -->`
    to `<!-- autogenerated stop -->`, `<!-- BEGIN GENERATED -->` to `<!-- END GENERATED -->`).
    Block quotes, tables, `<details>`, tabs (MDX `<Tabs>`, Vue's `<Tab>`, `<CodeGroup>` and
    named slots, `<template v-slot:node>`: alternatives, each with its own copy of a step) and `:::` containers (admonitions) are not compared, nor
    two copies that both lie in template blocks (`{% tabs %}`, `{% note %}`, Hugo's paired
    shortcodes): alternatives in tabs, and demos of a theme's tags, repeat on purpose. Nor is
    a numbered step (`1.修改名称`, `2、选择`) repeated in a second procedure whose numbering starts
    over and whose first step differs (the same settings for a second component). Nor is
    the title line of an MkDocs call-out (`!!! warning "Keep the disc option unticked"`, repeated
    in each section on purpose), nor a directive of mkdocs-include-markdown-plugin (`{%
    include-markdown "x.md" %}`, or the tags its configuration sets), another file's text; nor a
    list item that opens with a link to a place in its own page (`[Useful tips](#useful-tips): …`),
    an entry of a table of contents, which a page repeats as a section's own index.

    Placeholder text (lorem ipsum and its generated variants: six or more of the
    `filler-words`, a fifth of a block's words) is not checked: a theme's demo page repeats it
    on purpose.

    ## Why it matters
    Copy-paste accidents and botched imports leave a paragraph twice, and merged lists an
    item twice; readers notice at once, editors rarely.

    ## Example
    An article whose fourth paragraph is its second again reports
    `paragraph repeats the one on line 7`.
    """

    name = "duplicate-paragraph"
    family = "duplicate"
    severity = Severity.WARNING
    options = {
        "filler-words": filler_option(),
        "min-length": Option("integer", _DATA["min-length"], "Shortest paragraph compared, in letters and digits."),
        "min-list-item-length": Option(
            "integer", _DATA["min-list-item-length"], "Shortest list item of a copied run compared with another list's."
        ),
        "summary-headings": Option(
            "list[string]", _DATA["summary-headings"], "Words of a heading over a summary or recap: a paragraph it says again from above is not reported."
        ),
        "min-length-across-sections": Option(
            "integer",
            _DATA["min-length-across-sections"],
            "Shortest paragraph compared with one under another heading, unless the paragraphs around it repeat too.",
        ),
    }

    def check(self, doc, options):
        if doc.declares_generated or doc.is_legal_text:
            return  # a generator's page repeats each type's description where it is used; bundled licences their terms
        # key -> (number of the block, block, the list it is an item of) where it first appeared
        seen: dict[str, tuple[int, Node, int | None]] = {}
        # (number, block, number of the first, first, its list, length, weight, list, sentences, twice in its list, key)
        repeats = []
        in_own_list: Counter[tuple[int, str]] = Counter()  # (list, key) -> items of that list with the key
        # key -> (start, place among the blocks compared, number among all prose blocks) of each block with that key
        copies: dict[str, list[tuple[int, int, int]]] = {}
        compared: list[str] = []  # the keys of the blocks compared, in order
        for number, (block, in_list, key, length, parts) in enumerate(block_keys(doc)):
            if length < options["min-length"]:
                continue
            if in_list is not None:
                in_own_list[(in_list, key)] += 1
            copies.setdefault(key, []).append((block.start, len(compared), number))
            compared.append(key)
            if key not in seen:
                seen[key] = (number, block, in_list)
                continue
            first = seen[key][1]
            if _targets(first) and _targets(block) and _targets(first) != _targets(block):
                continue  # one note per item, each linking to its own: "help wanted, see this goal's topic"
            weight = length + 2 * len(_CJK_CHARACTERS.findall(key))
            twice_in_list = in_list is not None and in_own_list[(in_list, key)] > 1
            repeats.append((number, block, *seen[key], length, weight, in_list, len(parts), twice_in_list, key))
        if not repeats:
            return
        section_of = sections(doc)
        place = _places_in_sections(doc, section_of)
        starts = section_starts(doc)
        kinds = [kind for _, kind in starts]
        headings = _heading_texts(doc, [offset for offset, _ in starts])
        captions = _captions(doc)
        intros = _table_intros(doc)
        items = _places_in_items(doc)
        bold = bold_headings(doc)
        pairs = {(number, first_number) for number, _, first_number, *_ in repeats}
        ordered = {node.start for node in doc.nodes("list") if node.attrs.get("ordered")}
        templated = SpanSet(template_block_spans(doc.text, SpanSet(doc.non_prose_ranges)))
        shown_as_code = SpanSet(doc.preformatted_ranges)
        generated = _generated_regions(doc.text)
        refrains: dict[str, bool] = {}
        prompts: dict[str, bool] = {}
        # One paragraph of the excerpt said again is a summary restated; more is the excerpt pasted twice.
        teasers_restated = sum(1 for _, block, _, first, *_ in repeats if _teaser_restated(doc, first, block))
        for number, block, first_number, first, first_list, length, weight, in_list, sentences, twice_in_list, key in repeats:
            if block.start in templated and first.start in templated:
                continue  # both in template blocks (tabs, notes, a demo of a theme's tag): on purpose
            if block.start in shown_as_code or first.start in shown_as_code:
                continue  # lines of a listing a blank line cut (`<code>` … `</code>`): code, not paragraphs
            if is_filler(doc.text[block.start : block.end], options):
                continue  # lorem ipsum under each heading of a theme's demo page
            if _verse_page(doc) and _verse(doc.text[block.start : block.end]):
                continue  # a song's chorus, a poem's refrain: lyrics repeat their stanzas
            if generated and (block.start in generated or first.start in generated):
                continue  # inside `<!-- autogenerated start … -->`: a program writes it, from its own source
            if _two_procedures(doc, block, first):
                continue  # `1.修改名称为 Sample Publisher` and its steps again: one procedure for a second component
            copied = _run_length(pairs, number, first_number) >= _COPIED_RUN
            here, there = section_of(block.start), section_of(first.start)
            if _two_definitions(doc, block, first):
                continue  # `: Fetch the upstream repository` for `--fetch-HEAD` of two commands; one text for two flags
            if here > there and _in_a_summary(headings, here, options):
                continue  # `## 总结` saying again what the article said: a summary restates on purpose
            if here != there and _same_heading(headings, here, there):
                continue  # sections built on one template ("MUST have options" under each command)
            if here != there and not copied and _two_alternatives(doc, starts, here, there):
                continue  # "时间复杂度 $O(n)$" under 方法一 and 方法二: what two solutions have in common
            if here != there and _under_same_bold_heading(doc, bold, section_of, block.start, first.start):
                continue  # two sections' forms described alike, each part under the same `**Matching**`
            if _under_one_field_name(doc, bold, block.start, first.start):
                continue  # `**ssl_client_opts.ciphers**` and `**listeners.ssl.ciphers**`: one field's description at two paths
            if here != there and not copied and _parallel(kinds, here, there, place[block.start], place[first.start]):
                continue  # a note at its place in sections of one kind (a reference page's endpoints)
            if here != there and not copied and _note_on_two_members(doc, starts, kinds, here, there, place[block.start], place[first.start]):
                continue  # "These pattern strings match against the full path" under each `*Patterns` option
            if not copied and in_list is not None and in_list == first_list and _note_per_item(items, block.start, first.start):
                continue  # "See also the note on containers" under each of a reference list's settings
            if _differs_in_code(doc, block, first):
                continue  # two values of a setting, `1m` and `1M`; two syntaxes, `${v=x}` and `${v:=x}`
            if not copied and not twice_in_list and _one_code_span_or_link(block):
                continue  # an example's code shown again, a reference listed again: not prose repeated
            if _in_two_lists(in_list, first_list) and (not copied or length < options["min-list-item-length"]):
                continue  # the same item in two lists
            if copied and _in_two_lists(in_list, first_list) and not twice_in_list and (
                (here != there and _same_kind(kinds, here, there)) or _under_two_bold_headings(bold, block.start, first.start)
            ):
                continue  # the options every command shares under each command's heading; a dialog's for one item and for a batch
            if not copied and _teaser_restated(doc, first, block) and teasers_restated == 1:
                continue  # the summary above `<!-- more -->`, which the post's body then says in its place
            if in_list is not None and in_list in ordered and not copied:
                continue  # steps repeat: "the kernel checks the flags" at steps 3 and 8
            if not copied:
                if not twice_in_list and weight < options["min-length-across-sections"]:
                    if key not in refrains:  # once per key: a page of 10,000 copies asks 10,000 times
                        refrains[key] = _refrain(key, [place for start, place, _ in copies[key] if start not in templated], compared)
                    if refrains[key]:
                        continue  # a refrain, an error message met at each attempt: said three times on purpose
                if twice_in_list and weight < options["min-length-across-sections"]:
                    if key not in prompts:  # once per key, as refrains
                        prompts[key] = _prompt_of_a_session([number for *_, number in copies[key]], in_own_list[(in_list, key)])
                    if prompts[key]:
                        continue  # "Enter the version constraint: leave empty" after each package a session adds
                if _is_lead_in(doc, block) and (block.start in captions or here != there):
                    continue  # the same caption before two excerpts, the same lead-in in two sections
                if _is_field(doc, block):
                    continue  # the same label in two records
                if written_as_code(doc.text[block.start : block.end]) or (sentences == 1 and _worked_step(doc, block)):
                    continue  # code left unfenced; a step of two worked examples ("cost incurred = 0")
                if sentences == 1 and block.start in captions:
                    continue  # the same caption under two excerpts of one file
                if sentences <= 2 and block.start in intros and first.start in intros and intros[block.start] != intros[first.start]:
                    continue  # the same sentence introducing two different tables of settings
                if here != there and weight < options["min-length-across-sections"]:
                    continue  # a short note repeated under each heading: the page's structure
                label = block if in_list is None else first
                if (in_list is None) != (first_list is None) and _label(doc, label) and weight < options["min-length-across-sections"]:
                    continue  # an overview list's item, then the same words over that part's details: a heading in all but markup
            line, column = doc.source.position(first.start)
            yield doc.diagnostic(
                f"paragraph repeats the one on line {line}",
                block.start,
                block.end,
                (Related(doc.path, line, column, "first occurrence"),),
            )


_SENTENCE_END = lazy(r"[.!?。！？…]\W*$")
# The excerpt separator of Hexo, Hugo, Jekyll (as sites set `excerpt_separator`), the MkDocs
# blog plugin (`<!-- more -->`) and Docusaurus (`<!-- truncate -->`).
_EXCERPT_SEPARATOR = lazy(r"<!--\s*(?:more|truncate)\s*-->", re.I)


# A definition of a definition list (kramdown, goldmark, Python-Markdown's def_list, pandoc):
# `: text` under its term.
_DEFINITION = lazy(r" {0,3}:[ \t]")


def _two_definitions(doc, block, first) -> bool:
    """Both copies are definitions of a definition list, each said of its own term: a reference
    page's options sharing a description, under two terms or under two commands (a generated
    manual page's flags, `--file` of `services start` and of `services restart`)."""
    return _DEFINITION.match(doc.text, block.start) is not None and _DEFINITION.match(doc.text, first.start) is not None


def _teaser_restated(doc, first, block) -> bool:
    """The first copy is the post's excerpt, above its separator, and the second is in the
    body below it: a summary written for the list of posts, said again where it belongs."""
    separator = doc.memo("duplicate-excerpt-separator", lambda: _EXCERPT_SEPARATOR.search(doc.text, doc.body_offset))
    return separator is not None and first.end <= separator.start() and block.start >= separator.end()


def _label(doc, block) -> bool:
    """A paragraph of one line that is no sentence (no full stop at its end): "Working in the
    open" over the questions of that practice, the heading of a part written as a paragraph."""
    raw = doc.text[block.start : block.end]
    comment = raw.find("<!--")
    if comment >= 0:  # `… open. <!-- a note -->`: no text of the paragraph's
        close = raw.find("-->", comment)
        raw = raw[:comment] + (raw[close + 3 :] if close >= 0 else "")
    raw = raw.strip()
    return len(raw) <= _LABEL_LENGTH and "\n" not in raw and _SENTENCE_END.search(raw) is None


_LABEL_LENGTH = 300  # characters: a heading's words, with their markup


def _refrain(key: str, places: list[int], compared: list[str]) -> bool:
    """Whether copies of a paragraph at these places (among the `compared` blocks' keys) are a
    refrain: three or more, other text between some of them (the verses). Three in a row are
    one paste repeated, and so are copies with only more copies between them, whole or
    garbled (a transcript's line caught again and again)."""
    if len(places) < _REFRAIN:
        return False
    return any(key not in compared[between] for earlier, later in itertools.pairwise(places) for between in range(earlier + 1, later))


def _prompt_of_a_session(numbers: list[int], in_its_list: int) -> bool:
    """Whether an item said three times or more in one list, every copy with another item
    between it and the next (`numbers`: the copies' places among the prose blocks), is a
    prompt met again in a transcript of a session ("Search for a package: x", "Enter the
    version constraint: leave empty", "Search for a package: y"...). A slip of copy and paste
    puts an item twice, or twice in a row."""
    return in_its_list >= _REFRAIN and all(later - earlier > 1 for earlier, later in itertools.pairwise(numbers))


def _places_in_sections(doc, section_of) -> dict[int, int]:
    """The start offset of each prose block -> its place among the prose blocks of its section
    (1 for the first under a heading)."""
    places = {}
    section, count = -1, 0
    for block, *_ in block_keys(doc):
        number = section_of(block.start)
        section, count = number, (count + 1 if number == section else 1)
        places[block.start] = count
    return places


def _places_in_items(doc) -> dict[int, tuple[int, int]]:
    """The start offset of each paragraph of a list item -> (the item's start, its place
    among the item's own paragraphs: 1 for the first)."""
    places = {}
    for item in doc.nodes("list_item"):
        texts = [child for child in item.children if child.type in ("paragraph", "block_text")]
        for number, child in enumerate(texts, 1):
            places[child.start] = (item.start, number)
    return places


def _note_per_item(items: dict[int, tuple[int, int]], here: int, there: int) -> bool:
    """Two items of one list with the paragraph at the same place after each item's own first
    one: a reference list that repeats a note under each setting it describes."""
    (item, place), (first_item, first_place) = items.get(here, (here, 0)), items.get(there, (there, 0))
    return item != first_item and place == first_place > 1


def _parallel(kinds: list[str], here: int, there: int, place: int, first_place: int) -> bool:
    """Two sections of one kind (two `###` headings, two endpoints) with the paragraph at the
    same place after its own first one: a reference page that repeats a note per item."""
    return _same_kind(kinds, here, there) and place == first_place > 1


def _note_on_two_members(doc, starts, kinds: list[str], here: int, there: int, place: int, first_place: int) -> bool:
    """Two sections of one kind, each headed by a code name (`` ### `testMatch` ``, `` ###
    `.toMatchSnapshot(hint?)` ``), with the paragraph after each one's own first: an API
    reference's note on what the members share, not a member's description copied."""
    if not (_same_kind(kinds, here, there) and place > 1 and first_place > 1):
        return False
    return all(_CODE_HEADING.match(doc.text, starts[section - 1][0]) for section in (here, there))


# A heading that opens with a code span: an API member's, an option's.
_CODE_HEADING = lazy(r"#{1,6}[ \t]+`")


def _in_a_summary(headings: list[str], here: int, options) -> bool:
    """Whether section `here` is a summary or a recap by its heading's words."""
    words = derived(options, "duplicate-paragraph summaries", lambda: tuple(normalise(word) for word in options["summary-headings"]))
    heading = headings[here - 1] if here > 0 else ""
    return bool(heading) and any(word and word in heading for word in words)


def _same_heading(headings: list[str], here: int, there: int) -> bool:
    """Two sections under headings of the same text ("Common causes" under each limit), or of
    the same text but for a qualifier in brackets ("Setup (Group Identity)", "Setup (Core
    Scheduling)"): a template of sections, which repeat their text on purpose."""
    return here > 0 and there > 0 and headings[here - 1] != "" and headings[here - 1] == headings[there - 1]


def _under_same_bold_heading(doc, bold: list[int], section_of, here: int, there: int) -> bool:
    """Whether two places in two sections each lie under a paragraph that is one bold phrase
    (used as a heading) of the same text, in their own sections: `**Matching**` in the
    section of each kind of rule a page describes, the same fields under each."""
    above, first_above = bisect_right(bold, here) - 1, bisect_right(bold, there) - 1
    if above < 0 or first_above < 0 or section_of(bold[above]) != section_of(here) or section_of(bold[first_above]) != section_of(there):
        return False
    return _line_key(doc, bold[above]) == _line_key(doc, bold[first_above])


# A bold label naming a configuration field by its path, two parts or more, placeholders
# allowed (`rpc.ciphers`, `listeners.quic.$name.ciphers`, `authz.sources[].type`).
_FIELD_PATH_LABEL = lazy(r"`?[A-Za-z][\w$<>*:-]*(?:\.[\w$<>*:\[\]-]+)*\.([A-Za-z][\w-]*)`?")


def _under_one_field_name(doc, bold: list[int], here: int, there: int) -> bool:
    """Whether each place lies under its own bold label naming a field by its dotted path, both
    the same field (`**ssl_client_opts.ciphers**`, `**listeners.ssl.ciphers**`): a generated
    configuration manual describes a field alike wherever it occurs."""
    above, first_above = bisect_right(bold, here) - 1, bisect_right(bold, there) - 1
    if above < 0 or first_above < 0 or above == first_above:
        return False
    names = []
    for offset in (bold[above], bold[first_above]):
        end = doc.text.find("\n", offset, offset + 300)
        label = doc.text[offset : end if end >= 0 else offset + 300].strip().strip("*_").strip()
        path = _FIELD_PATH_LABEL.fullmatch(label)
        if path is None:
            return False
        names.append(path.group(1))
    return names[0] == names[1]


def _line_key(doc, offset: int) -> str:
    """The normalised words of a heading-like line (its first 500 characters: a heading's)."""
    end = doc.text.find("\n", offset, offset + 500)
    return normalise(doc.text[offset : end if end >= 0 else offset + 500])


def _under_two_bold_headings(bold: list[int], here: int, there: int) -> bool:
    """Whether two places lie under two different paragraphs that are one bold phrase, used as
    headings (`**Single image**`, `**Batch**`), in the same section otherwise: the parts of a
    reference page whose procedures repeat a dialog's options."""
    return bisect_right(bold, here) != bisect_right(bold, there) and bisect_right(bold, there) > 0


def _same_kind(kinds: list[str], here: int, there: int) -> bool:
    """Two sections under headings of one level (two `###`): the parts of a reference page."""
    return here > 0 and there > 0 and kinds[here - 1] == kinds[there - 1]

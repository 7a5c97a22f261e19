import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from artlint import data
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.options import Option, derived
from artlint.rules import DocumentRule
from artlint.source import LineTest
from artlint.spans import SpanSet
from artlint.templating import includes_another_file
from artlint.urls import unescape_markdown

_DATA = data.load("links")["reference-undefined"]
# `[text][label]` and `[text][]`: reference links by their form, whatever the label; not after
# an ASCII letter or digit (`grid[i][j]`: code), a mathematical letter (`𝐷[𝑖][𝑗]`: a matrix's
# cell, as pasted from a formula) nor a slash (`/path/[;parameters][?query]`: a URL's syntax),
# but after a Chinese word (`参见[Documentation][]`).
_FULL_REFERENCE = lazy(r"(?<![A-Za-z0-9_\]\\`/\U0001D400-\U0001D7FF])(!?)\[([^\[\]\n]{1,200})\]\[([^\[\]\n]{0,200})\]")
# `[label]` alone, not followed by a destination, a label or a definition's colon, nor by `^(`:
# `[漢字]^(かんじ)` is the ruby annotation of FixIt, LoveIt and DoIt themes.
_SHORTCUT_REFERENCE = lazy(r"(?<![\w\]\\`!])\[([^\[\]\n]{1,100})\](?![\[(:{]|\^\()")
# A list item that opens with a bracketed word: a task box of a state of its own (`- [tip]`,
# `- [>]`, `* [-]`), as themes and note apps extend GFM's `[ ]` and `[x]`.
_TASK_STATE = lazy(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$")
_CODE_AFTER = lazy(r"\.\w|\(")  # `[UIScreen mainScreen].brightness`: Objective-C, not a link
# `[1, N]`, `[0, n)`: intervals
_INTERVAL = lazy(r"\w{1,3}\s*,\s*\w{1,3}")
_NAME_AND_ALIAS = lazy(r"\s*[-*+]\s+[^\[\]()]{1,60}\s\[[^\[\]]+\]\s*")
_NUMBERS = lazy(r"[\d\s,.:;\-–—，、：；]+")  # full-width marks too: `[0，1][1，2]`, two intervals
_CITATION = lazy(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")  # `[Stroustrup, 1994]`
# A field of a log line in brackets: an IP address (and port), a time stamp.
_BRACKETED_LOG_FIELD = lazy(
    r"\[\s*(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)\s*\]"
)
# What may stand before a tag at a line's start (a quote, a list marker, a heading's `#`s), and
# what follows a tag (one word): a colon, or the text itself with no space between.
_LINE_OPENING = lazy(r"[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)?")
_TAG_FOLLOWS = lazy(r"[:：]|\w")
_HEADING_OPENING = lazy(r"[ \t]*#{1,6}[ \t]+")
# One-word tags in brackets before the link a list item or a line opens with: `* [ZH] [video] [Title](…)`.
# A definition whose destination is a Hugo shortcode: `[source docs]: {{< relref "docs/cli#source" >}}`.
_SHORTCODE_DEFINITION = lazy(r"^[ ]{0,3}\[([^\[\]\n]{1,200})\]:[ \t]*\{\{[<%]", re.M)
_INDEX = lazy(r"[a-z_][a-z0-9_]{0,11}")  # a lower-case variable name
# One subscript of an array's cell: a one-letter index or a small number, maybe plus or minus
# another (`i`, `j-1`, `0`): `[i-1][j]` is a cell of a grid, written in prose.
_SUBSCRIPT = lazy(r"\s*(?:[a-z]|\d{1,3})(?:\s*[-+]\s*(?:[a-z]|\d{1,3}))?\s*")
# A key of a dictionary or a JSON object, quoted: `["stat"]["question__title_slug"]`, a lookup.
_QUOTED_KEY = lazy(r"""\s*(["'])[^"'\n]{1,80}\1\s*""")
_TAGS_OPENING = lazy(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[^\[\]\s]{1,30}\][ \t]+)*")
_BRACKET_FOLLOWS = lazy(r"[ \t]+!?\[")
_TEMPLATE = lazy(r"\{\{|\{%|%\}|\}\}")
_TICKET = lazy(r"[A-Z][A-Z0-9]{1,15}-\d{1,7}")  # an issue tracker's key: RIP-50, KAFKA-1234
_ISSUE_NUMBER = lazy(r"#\d{1,7}\b")
# A change's number or address on a line: `[#1058](…)`, `…/pull/1058`, `…/issues/7`, `…/commit/…`.
_CHANGE_ON_LINE = lazy(r"#\d{1,7}\b|/(?:pull|pulls|issues|merge_requests|commit)/\w")
# Brackets of a command's synopsis (`[-C <dir>][-F <file>]`), a regular expression's classes
# (`[a-zA-Z0-9][-a-zA-Z0-9]`), `tr`'s POSIX classes and octal escapes (`[:print:][:cntrl:]`,
# `[\015][\032]`), a URL's optional port (`[host1][:port1]`) or CSS attribute selectors
# (`[class="s_ipt"][name="wd"]`): syntax shown as it is, no link meant.
_SYNTAX = lazy(r"^\s*-|[<>|]|a-z|A-Z|0-9|\\[dswDSW]|\\\d|^:\w|^\s*[\w-]+[~^$*]?=")
# A CSS attribute selector with a value (`[target=_blank]`, `a[href^="https"]`): beside it,
# `[target][rel]` in the same table selects by two attributes and is no reference either.
_ATTRIBUTE_SELECTOR = lazy(r"\[[\w-]+[~^$*|]?=")
_ATTRIBUTE_NAME = lazy(r"[\w-]+")
_TEX_ENVIRONMENT = lazy(r"\\begin\{[a-zA-Z*]+\}")
_BLOCK_WINDOW = 2000


def _glued(text: str, start: int, end: int) -> bool:
    """The brackets sit inside a word: a letter, digit or `-` right before them and a letter or
    digit right after (`--[no-]bail`, a command's optional prefix; `file[s]`)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(before) and (before.isalnum() or before == "-") and after.isalnum()


def normal_label(label: str) -> str:
    """CommonMark matches labels case-insensitively, with runs of white space as one space."""
    return " ".join(label.split()).casefold()


class LinkReferenceUndefined(DocumentRule):
    """A reference link whose label is defined nowhere in the document.

    ## What it finds
    Reference links and images, `[text][label]` and `[text][]`, whose label has no definition
    `[label]: url` in the same file (labels match case-insensitively, with runs of white space
    as one space, as in CommonMark). Code, HTML and template tags are not looked at, nor are
    footnotes (`[^1]`), citations (`[@key]`), alerts (`[!NOTE]`), task boxes (`- [x]`, and
    states that themes add, `- [tip]`) and ruby text (`[漢字]^(かんじ)`). A file that
    includes another (`{% include references.md %}`, `{{< readfile >}}`) is skipped: the
    definitions may be there; so are the files MkDocs' pymdownx.snippets appends to every page
    (`auto_append`). A definition whose destination is a Hugo shortcode (`[docs]: {{< relref "docs/cli" >}}`,
    which Hugo replaces by the URL before the markdown is read) defines its label. A bracketed word that opens a line and runs into a colon or into
    the text (`[更新]：2024.01.04`, `## [推荐]某人的博客`), or a bracketed word that opens a heading
    (`## [Deprecated] JSX Brackets`), is a tag, and so are one-word bracketed words that open a
    list item or a line before its link (`* [ZH] [video] [Title](…)`: the item's language and kind), and so are an issue tracker's
    key and an issue's number in a commit subject (`[ISSUE #5386][RIP-50]`, `[FLINK-32868][docs]`), and so are
    two one-word tags opening a line of release notes that names its change (`* [Cuebot][DB] Add
    history control [#1058](…)`: a pull request's title with its components), and so are two
    attribute names in a table or paragraph of CSS attribute selectors (`[target][rel]` beside `[target=_blank]`).
    A label of spaces (`[xxx][ ]`) is none, and brackets after a slash are a URL's syntax
    (`/path/[;parameters][?query]`).
    Three bracketed groups in a row, or a label that is an IP address
    or a time stamp, are the fields of a log line (`[2030-08-30T11:59:37][WARN ][query]`); numbers in
    both brackets are intervals (`[0，1][1，2]`), and one lower-case name twice is a cell's
    indices (`[mid][mid]`); brackets on a line that holds TeX's `\\begin{bmatrix}` are math
    copied from a rendered formula (its text, then its source: `[xyzw]` a vector).

    A lone `[label]` (a shortcut reference) is most often plain text in brackets, so it is
    reported only in a document that itself writes working shortcut links, outside tables and
    block quotes and typographic quotation marks (an editor's `[the free tier]` in a quotation,
    “use [a size of] 64”), and when the label is not spaced inside its brackets (`Symbol ( [
    description ] )`, a specification's optional part), not a number, an interval (`[1, N]`), a citation with a year, a
    handle after a name in a list (`* Ana Lima [alima]`), a note ending a bold label that opens
    a line or a list item, inside it or right after it (`- **Campus Tour (11 AM) [Main Hall]** — …`,
    `**Countdown** [_Room 145_] …`: an activity's room; counted among the label's uses), code (`[obj msg].field`, a Rust
    attribute `#[track_caller]`), an optional part inside a word (`--[no-]bail`, `file[s]`), the text of kramdown's full reference with a space before a
    defined label (`[Setext] [1]`, on a Jekyll site; on an MkDocs site one space or a line break), or one of
    the words of `not-labels` (`[sic]`, `[TODO]`, `[Online]` of IEEE references...); two of
    those words in a row (`[RESULT][VOTE]`, a mailing list's subject) are no full reference either,
    nor is an API's optional argument written as one (`socket.send([...args][, ack])`: a label
    that starts with a comma; `list_categories([categories], [options])`: after a function's
    parenthesis or a comma in it, before a comma or the closing parenthesis),
    nor is a label of `tag-labels` (`[前端团队][译]`, a translated post's title), nor a pair of
    which the first is an issue's or commit's type (`issue-types` in `rules/links.toml`: `[Bug][admin]
    Throw exception when…`, `[Fix-3333][web] …`) or the second a placeholder of a title's format
    (`title-placeholders`: `[ISSUE编号][type] subject`) or a code span (``[`Issue 类型`][`模块名`]``). Translations are where these break most:
    the label is translated and the definition is not.

    Wiki links, `[[Page name]]`, `[[Page|shown text]]`, `![[diagram.png]]`, left from a wiki or
    a note app on a site whose generator shows them as text (Hugo, Jekyll, Zola, Hexo,
    Docusaurus, MkDocs, VitePress, VuePress), unless the site is an Obsidian vault or names a
    wiki-link plugin (`Site.wiki_links`). On an MkDocs site with mkdocs-autorefs (or
    mkdocstrings, which turns it on), a label without spaces is an identifier the plugin
    resolves across the site (`[add_class()][textual.dom.DOMNode.add_class]`): not reported. Only names in words or of files: `[[Prototype]]`
    (JavaScript's notation), `[[cascade]]` (a TOML table), `[[ -z "$x" ]]` and bash's brackets named
    in Chinese, `在[[和]]之间` (`wiki-connectives`), pass. GitHub
    wiki's image, `[[https://…/a.png|alt=Setup]]`, is reported as one, with the markdown image
    to write instead. Not where
    no generator's configuration was found (a plain folder, posts kept without their site),
    whose renderer is unknown, nor in an Obsidian drawing's file.

    ## Why it matters
    The renderer shows an undefined reference as the literal text `[GBIF API][gbifapi]`,
    brackets and all, and the reader gets no link. It happens when a definition is renamed or
    lost while an article is edited, translated or moved between sites.

    ## Example

        Data come from the [GBIF API][gbifapi].

    with no `[gbifapi]: https://...` line reports
    `reference link to [gbifapi], which is not defined in this document`.
    """

    name = "link-reference-undefined"
    family = "link"
    severity = Severity.WARNING
    options = {
        "not-labels": Option(
            "list[string]", list(_DATA["not-labels"]), "Bracketed words never read as a shortcut reference `[label]`."
        ),
        "tag-labels": Option(
            "list[string]", list(_DATA["tag-labels"]), "Tags of titles, never read as a reference's label, even after other brackets (`[团队][译]`)."
        ),
        "tag-uses": Option(
            "integer", _DATA["tag-uses"], "An undefined shortcut `[label]` written this many times in a page is a tag shown as written, not reported."
        ),
    }

    def check(self, doc, options):
        prose_words = derived(options, "link-reference-undefined", lambda: {normal_label(word) for word in options["not-labels"] + options["tag-labels"]})
        tags = derived(options, "link-reference-undefined tags", lambda: {normal_label(word) for word in options["tag-labels"]})
        issue_types, placeholders = _issue_tags()
        prose = doc.prose_text
        if "]" not in prose or includes_another_file(doc):
            return
        text = doc.text
        kramdown = doc.site is not None and doc.site.generator == "jekyll"
        defined = {normal_label(node.attrs.get("label") or "") for node in doc.definitions}
        if "{{" in text:  # `[docs]: {{< relref "docs/cli" >}}`: Hugo writes the URL before the markdown is read
            defined.update(normal_label(match.group(1)) for match in _SHORTCODE_DEFINITION.finditer(text, doc.body_offset))
        if doc.site is not None and doc.site.appended_labels:
            defined.update(normal_label(label) for label in doc.site.appended_labels)  # pymdownx.snippets' auto_append
        covered = SpanSet(
            [(link.start, link.end) for link in doc.links]
            + [(node.start, node.end) for node in doc.nodes("inline_html", "block_html")]
        )
        full_spans = []
        # A line with an IP address or a time stamp in brackets is a log line quoted as written.
        log_lines = LineTest(doc.source, lambda text, start, end: _BRACKETED_LOG_FIELD.search(text, start, end) is not None)
        # A line with TeX's environments is math copied from a rendered page: `[xyzw]` a vector.
        tex_lines = LineTest(doc.source, lambda text, start, end: _TEX_ENVIRONMENT.search(text, start, end) is not None)
        has_tex = "\\begin{" in text
        # `][` is in every full reference: most articles have none, and the pattern cannot skip.
        for match in _FULL_REFERENCE.finditer(prose, doc.body_offset) if "][" in prose else ():
            full_spans.append((match.start(), match.end()))
            if match.start() in covered or match.start(3) - 1 in covered or text.startswith("(", match.end()):
                continue  # a link's text, or `[note][text](url)`: the second bracket opens a link
            words, label = text[match.start(2) : match.end(2)], text[match.start(3) : match.end(3)]
            if label and not label.strip():
                continue  # `[xxx][ ]`: a label of spaces is none, CommonMark shows the brackets as text
            label = label or words
            if _not_a_label(label) or _NUMBERS.fullmatch(words) or normal_label(label) in defined:
                continue
            if words == label and _INDEX.fullmatch(label) or _SUBSCRIPT.fullmatch(words) and _SUBSCRIPT.fullmatch(label):
                continue  # `[mid][mid]`, `节点[i][j]`, `[i-1][j]`: a matrix's cell, indices written as text
            if _QUOTED_KEY.fullmatch(words) and _QUOTED_KEY.fullmatch(label):
                continue  # `取出["stat"]["title_slug"]的值`: keys of a JSON object, looked up in prose
            if _autoref(doc, label):
                continue  # `[add_class()][textual.dom.DOMNode.add_class]`: mkdocs-autorefs finds the object or heading
            if kramdown and _defined_unescaped(label, defined):
                continue  # kramdown matches `[beam\_makeops]` to `[beam_makeops]:`; CommonMark does not
            if normal_label(label) in tags or (normal_label(label) in prose_words and normal_label(words) in prose_words):
                continue  # `[团队][译]`, `[RESULT][VOTE]`: a title's or a mail subject's tags, quoted as written
            if text.startswith("[", match.end()) or log_lines.holds(match.start()):
                continue  # `[2030-08-30T11:59:37][WARN ][query]`, `[node-2][192.168.1.16:9300]`: a log line's fields
            if has_tex and tex_lines.holds(match.start()):
                continue  # `[A11A12…][xyzw]=…\begin{bmatrix}`: a KaTeX formula pasted as its text and its source
            if _SYNTAX.search(words) or _SYNTAX.search(label) or not any(char.isalnum() for char in words):
                continue  # `[+-=][ASacdistu]`: a command's modes, shown as written
            if _selector_pair(doc, match.start(), words, label):
                continue
            if _TICKET.fullmatch(label.strip()) or _TICKET.fullmatch(words.strip()) or _ISSUE_NUMBER.search(words):
                continue  # `[ISSUE #5386][RIP-50]`, `[FLINK-32868][docs]`: a commit subject's tags, an issue and a tracker's key
            if _change_tags(doc, match, words, label):
                continue  # `* [Cuebot][DB] Add history control [#1058](…)`: a pull request's title, its components tagged
            written_label = text[match.start(3) : match.end(3)]
            if written_label and (_issue_tag(words, issue_types) or normal_label(label) in placeholders or _CODE_LABEL.fullmatch(label.strip())):
                continue  # `[Bug][admin] Throw exception…`, ``[`Issue 类型`][`模块名`]``: an issue title's tags, or its format
            what = "image" if match.group(1) else "link"
            yield doc.diagnostic(
                f"reference {what} to [{label}], which is not defined in this document", match.start(), match.end()
            )
        yield from _wiki_links(doc, prose, covered)
        if not _writes_shortcuts(doc):
            return  # an author who never writes `[label]` links means prose by brackets
        full = SpanSet(full_spans)
        spaced_labels = _SPACED_LABELS.get(doc.site.generator) if doc.site is not None else None
        tables = SpanSet([(node.start, node.end) for node in doc.nodes("table")])
        quotes = SpanSet([(node.start, node.end) for node in doc.nodes("block_quote")])
        undefined: list[tuple[re.Match[str], str]] = []
        notes: Counter = Counter()
        for match in _SHORTCUT_REFERENCE.finditer(prose, doc.body_offset):
            if match.start() in covered or match.start() in full or match.start() in tables:
                continue  # in a table, `[0:15]` and `[MiB]` are bit ranges and units
            if match.start() in quotes or _inside_quotation_marks(text, doc.body_offset, match.start()):
                continue  # "> … and [the free tier] is …", “Use [a size of] 64”: an editor's words inside a quotation
            label = text[match.start(1) : match.end(1)]
            if label[:1].isspace() and label[-1:].isspace():
                continue  # `Symbol ( [ description ] )`: a specification's optional part, brackets spaced apart
            if _CODE_AFTER.match(text, match.end()) or _alias_in_a_list(text, match) or not _looks_like_a_name(label):
                continue
            if text[match.start() - 1 : match.start()] == "#":
                continue  # `#[track_caller]`: a Rust attribute written as text
            if _optional_argument(text, match.start(), match.end()):
                continue  # `list_categories([categories], [options])`: a function's optional arguments
            if _glued(text, match.start(), match.end()):
                continue  # `--[no-]bail`, `colo[u]r`: an optional part of a word, in the word
            line_start = doc.source.line_starts[doc.source.line_of(match.start()) - 1]
            if _TASK_STATE.match(text, line_start, match.start()) or log_lines.holds(match.start()):
                continue
            if has_tex and tex_lines.holds(match.start()):
                continue  # `[x+ty+tz]T\begin{bmatrix}…`: a formula's text beside its TeX source
            if _LINE_OPENING.fullmatch(text, line_start, match.start()) and _TAG_FOLLOWS.match(text, match.end()) and not any(c.isspace() for c in label):
                continue  # `[更新]：2024.01.04`, `## [推荐]某人的博客`: a tag that opens a line, not a link
            if _HEADING_OPENING.fullmatch(text, line_start, match.start()) and not any(c.isspace() for c in label):
                continue  # `## [Deprecated] JSX Brackets`: a heading's tag
            if _TAGS_OPENING.fullmatch(text, line_start, match.start()) and _BRACKET_FOLLOWS.match(text, match.end()) and not any(c.isspace() for c in label):
                continue  # `* [ZH] [video] [Title](…)`: the kind and language of the item a list links
            if normal_label(label) in defined or normal_label(label) in prose_words or (kramdown and _defined_unescaped(label, defined)):
                continue
            if _autoref(doc, label):
                continue  # `[textual.app.App][]` written short: mkdocs-autorefs resolves the identifier
            if spaced_labels is not None and _spaced_label_defined(text, match.end(), defined, spaced_labels):
                continue  # kramdown's `[Setext] [1]`, Python-Markdown's `[text]` and `[label]` a line apart
            if _emphasised_alone(text, match.start(), match.end()):
                continue  # `**[m-c]**`: a label set in bold, meant to show with its brackets
            if _ends_a_bold_label(text, line_start, match.start(), match.end()):
                notes[normal_label(label)] += 1  # written so elsewhere, it is a tag there too
                continue  # `- **Estimathon [Pauley Ballroom]** — …`: an item's room or note, in its label
            undefined.append((match, label))
        uses = Counter(normal_label(label) for _, label in undefined) + notes
        for match, label in undefined:
            if uses[normal_label(label)] >= options["tag-uses"]:
                continue  # `[m-c]` on each heading it marks: a tag the author defined in prose, shown as written
            yield doc.diagnostic(
                f"reference link to [{label}], which is not defined in this document", match.start(), match.end()
            )


# A function's name and its opening parenthesis, then arguments before the bracket: `f([a]`,
# `obj.call(x, [b]`.
_CALL_BEFORE = lazy(r"[A-Za-z_$][\w.$]*\((?:[^()\n]{0,200}?,[ \t]*)?$")
_ARGUMENT_ENDS = lazy(r"[ \t]*[,)]")


def _optional_argument(text: str, start: int, end: int) -> bool:
    """The bracket is an argument of a call written out in prose, marked optional as API
    references mark them: right after `name(` or a comma inside it, then a comma or `)`."""
    return _ARGUMENT_ENDS.match(text, end) is not None and _CALL_BEFORE.search(text, max(0, start - 240), start) is not None


# A label that is one code span: ``[`模块名`]``, a placeholder in a title's format.
_CODE_LABEL = lazy(r"`[^`\n]+`")


def _issue_tag(words: str, issue_types: frozenset[str]) -> bool:
    """`Bug`, `Fix-3333`, `Sub-Task`: an issue's type, alone or before its number or a part."""
    return normal_label(words) in issue_types or normal_label(_TAG_PARTS.split(words.strip(), 1)[0]) in issue_types


_TAG_PARTS = lazy(r"[-_#:\s]")


@lru_cache(maxsize=1)
def _issue_tags() -> tuple[frozenset[str], frozenset[str]]:
    return (
        frozenset(normal_label(word) for word in _DATA["issue-types"]),
        frozenset(normal_label(word) for word in _DATA["title-placeholders"]),
    )


# A bold label that opens a line or a list item (maybe begun on the line before), up to the
# brackets: open (`- **Estimathon [`) or closed (`**Countdown** [`).
_LABEL_OPENING = lazy(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*\*|__)(?:(?!\1)[^\n])+?(\1)?[ \t]*\n?[ \t]*")


def _ends_a_bold_label(text: str, line_start: int, start: int, end: int) -> bool:
    """`- **Campus Tour (11 AM) [Pauley Ballroom]** — …`, `**Countdown** [_Dwinelle 145_] …`:
    brackets that end a bold label opening a line or a list item, inside it or right after
    it, are a note on the item (a room, a time), not a link."""
    begins = [line_start]
    if line_start > 0:  # the line before, where a label wrapped over two lines opens
        before = text.rfind("\n", max(0, line_start - _LABEL_REACH), line_start - 1)
        if before >= 0 or line_start <= _LABEL_REACH:
            begins.append(before + 1)
    for begin in begins:
        label = _LABEL_OPENING.fullmatch(text, begin, start)
        if label is None:
            continue
        marker, closed = label.group(1), label.group(2)
        if closed or text.startswith(marker, end):
            return True
    return False


_LABEL_REACH = 300


def _emphasised_alone(text: str, start: int, end: int) -> bool:
    """`**[m-c]**`, `*[draft]*`: the brackets are all the emphasis holds."""
    for marker in ("**", "__", "*", "_"):
        if text.endswith(marker, 0, start) and text.startswith(marker, end):
            return True
    return False


def _change_tags(doc, match: re.Match, words: str, label: str) -> bool:
    """Two one-word tags opening a line of release notes, then a space and the change's title,
    on a line that names the change (`* [Cuebot][DB] Add history control [#1058](…)`): a pull
    request's title copied with the components it tags."""
    if any(char.isspace() for char in words.strip() + label.strip()) or not label.strip():
        return False
    text = doc.text
    line_start = doc.source.line_starts[doc.source.line_of(match.start()) - 1]
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    if not _LINE_OPENING.fullmatch(text, line_start, match.start()) or not text.startswith(" ", match.end()):
        return False
    return bool(_CHANGE_ON_LINE.search(text, match.end(), line_end))


def _autoref(doc, label: str) -> bool:
    """A label mkdocs-autorefs resolves across the site: an identifier, no spaces in it."""
    return doc.site is not None and doc.site.autorefs and not any(char.isspace() for char in label)


def _inside_quotation_marks(text: str, body_start: int, position: int) -> bool:
    """Whether `position` lies after an opening typographic quotation mark of its paragraph
    (“ « „ 「) that is not closed before it. At most 2,000 characters back are read, so that a
    paragraph of a hundred thousand brackets is read in linear time."""
    lower = max(body_start, position - _QUOTATION_REACH)
    paragraph = text.rfind("\n\n", lower, position)
    before = text[paragraph + 2 if paragraph >= 0 else lower : position]
    return any(before.count(opening) > before.count(closing) for opening, closing in _QUOTATION_MARKS if opening in before)


_QUOTATION_MARKS = (("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"))
_QUOTATION_REACH = 2000


# kramdown reads white space between a reference link's text and its label (`[text] [id]`);
# Python-Markdown (MkDocs) one white-space character, a line break too (`[text]` ending a line,
# `[id]` opening the next).
_SPACED_LABELS = {
    "jekyll": lazy(r"[ \t]+\[([^\[\]\n]{1,100})\]"),
    "mkdocs": lazy(r"\s\[([^\[\]\n]{1,100})\]"),
}


# `[[Page name]]`, `[[Page|shown text]]`, `![[diagram.png]]`: a wiki's or a note app's link.
_WIKI_LINK = lazy(r"(?<!\[)!?\[\[([^\[\]\n]{1,300})\]\](?![\[(:])")
# GitHub's wiki: `[[https://…/a.png|alt=Setup]]` or `[[https://…/a.png|Setup]]` shows an image.
_WIKI_IMAGE = lazy(r"(https?://[^|\s]+\.(?:png|jpe?g|gif|svg|webp))\|(?:alt=)?(.*)", re.I)
_GENERATOR_NAMES = {
    "mkdocs": "MkDocs", "vitepress": "VitePress", "vuepress": "VuePress", "rspress": "Rspress", "nuxt": "Nuxt Content", "eleventy": "Eleventy",
    "astro": "Astro",
}
_NOT_A_PAGE_NAME = lazy(r"""[$"'=,{}<>;`\\]""")
_FILE_NAME = lazy(r"\.[A-Za-z0-9]{2,4}$")
_WIKI_CONNECTIVES = frozenset(_DATA["wiki-connectives"])


def _wiki_links(doc, prose: str, covered: SpanSet):
    """Wiki links on a site whose build does not make links of them (`Site.wiki_links`): pages
    imported from a wiki or written in a note app, whose brackets the published page shows."""
    site = doc.site
    if site is None or not site.shows_wiki_links_as_text or "[[" not in prose:
        return  # no generator's configuration: how the pages are published is not known
    if doc.page is not None and doc.page.kind == "resource":
        return  # an Obsidian drawing's list of embedded files: no page
    shown_by = _GENERATOR_NAMES.get(site.generator, site.generator.capitalize())
    for match in _WIKI_LINK.finditer(prose, doc.body_offset):
        name = match.group(1)
        image = _WIKI_IMAGE.fullmatch(name)
        if match.start() in covered or not (image or _page_name(name)):
            continue
        if image:
            message = f"wiki image [[{_short(name)}]]: {shown_by} shows it as text; write ![{image.group(2).strip()}]({image.group(1)})"
        else:
            what = "embed" if match.group().startswith("!") else "link"
            message = f"wiki {what} [[{name}]]: {shown_by} shows it as text, not as a link"
        yield doc.diagnostic(message, match.start(), match.end())


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:30] + "…" + name[-25:]


def _page_name(name: str) -> bool:
    """A page's or a file's name, not notation: it starts with a letter and names a page in
    words (a space, a `|` before the shown text, a letter of another script) or a file
    (`diagram.png`). `[[Prototype]]` (a JavaScript internal slot), `[[cascade]]` (a TOML
    table), `[[:space:]]`, `[[ -z "$x" ]]`, `[[1, 2]]` and `[[和]]` (two operators named) are not."""
    if not name[:1].isalpha() or _NOT_A_PAGE_NAME.search(name) or name in _WIKI_CONNECTIVES:
        return False
    return " " in name or "|" in name or not name.isascii() or _FILE_NAME.search(name) is not None


def _selector_pair(doc, start: int, words: str, label: str) -> bool:
    """`[target][rel]` in a table or paragraph that writes CSS attribute selectors (`[target=_blank]`)."""
    if not (_ATTRIBUTE_NAME.fullmatch(words) and _ATTRIBUTE_NAME.fullmatch(label)):
        return False
    text = doc.text
    # The selectors' places, found in one pass over the text, not searched again for each pair.
    selectors = doc.memo("css-attribute-selectors", lambda: [found.start() for found in _ATTRIBUTE_SELECTOR.finditer(text)])
    if not selectors:
        return False
    # The block around it (a table's rows, a paragraph's lines), within a bounded stretch.
    window_start = max(0, start - _BLOCK_WINDOW)
    block_start = text.rfind("\n\n", window_start, start)
    block_end = text.find("\n\n", start, start + _BLOCK_WINDOW)
    block_end = min(len(text), start + _BLOCK_WINDOW) if block_end < 0 else block_end
    first = bisect_left(selectors, window_start if block_start < 0 else block_start)
    return first < len(selectors) and selectors[first] < block_end


def _spaced_label_defined(text: str, end: int, defined: set[str], spaced_label) -> bool:
    label = spaced_label.match(text, end)
    return label is not None and normal_label(label.group(1)) in defined


def _writes_shortcuts(doc) -> bool:
    """Whether the document has a shortcut reference link that works: `[label]` alone, defined."""
    for link in doc.links:
        if link.kind == "reference" and not link.is_image and doc.text.startswith("[", link.start):
            markup = doc.text[link.start : link.end]
            if "][" not in markup:
                return True
    return False


def _alias_in_a_list(text: str, match) -> bool:
    """`* Daniel Campoverde [alx741]`: a list of names, each with its handle in brackets."""
    newline = text.rfind("\n", max(0, match.start() - 80), match.start())
    if newline < 0 and match.start() > 80:
        return False
    line_start = newline + 1
    line_end = text.find("\n", match.end(), match.end() + 80)
    if line_end < 0 and match.end() + 80 < len(text):
        return False  # a long line is no list of names (and is not searched to its end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _NAME_AND_ALIAS.fullmatch(line) is not None


def _defined_unescaped(label: str, defined: set[str]) -> bool:
    """Whether the label, its backslash escapes read as the characters they escape, is defined."""
    return "\\" in label and normal_label(unescape_markdown(label)) in defined


def _not_a_label(label: str) -> bool:
    stripped = label.strip()
    return (
        not stripped
        or stripped[0] in "^@!#,"  # (`io([url][, options])`: an API's optional argument, no label)
        or stripped.lower() in ("x", "")
        or _TEMPLATE.search(label) is not None
    )


def _looks_like_a_name(label: str) -> bool:
    """Shortcut labels worth reporting: no number, no ellipsis, no sentence."""
    stripped = label.strip()
    if _not_a_label(stripped) or len(stripped) < 2:
        return False
    if _NUMBERS.fullmatch(stripped) or "..." in stripped or "…" in stripped:
        return False
    return not _CITATION.search(stripped) and not _INTERVAL.fullmatch(stripped) and not _code_like(stripped)


def _code_like(label: str) -> bool:
    """Brackets of code or notation in prose, which render as written: a JSONPath
    (`[.status.replicas]`), an optional part (`[registry/]repository`), a JSON or YAML list
    (`["apps", "batch"]`, `[ObjectMeta, ListMeta]`, `[key,value]`)."""
    if label[0] in "./\"'*:=$" or label[-1] in "/:=":
        return True
    items = label.split(",")
    return len(items) > 1 and all(item.strip() and " " not in item.strip() for item in items)

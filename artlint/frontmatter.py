"""Front matter: find it, parse it safely, and keep the line of every top-level key.

Three forms, as Hugo and Zola read them:

* TOML between ``+++`` lines,
* YAML between ``---`` lines (the closing line may also be ``...``),
* a JSON object that starts the file (``{`` on the first line).

Parsing never raises: a syntax error becomes ``FrontMatter.error`` with the line it is on.
YAML is read with a safe loader (``!!python/...`` tags are refused, never run), duplicate
keys are recorded, and alias bombs, deep nesting and oversized blocks are refused.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

from artlint.intdigits import is_int_limit_error, is_unprintable_int, too_long_number, too_long_number_place
from artlint.lazyre import lazy
from artlint.source import Source

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_TOML_REPAIRS = 50

_TOML_FENCE = lazy(r"\+\+\+[ \t]*")
_YAML_FENCE = lazy(r"---[ \t]*")
_YAML_END = lazy(r"(?:---|\.\.\.)[ \t]*")
_JSON_START = lazy(r'\{\s*(?:"|\})')
_TOML_TABLE = lazy(r"\s*\[\[?\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')")
_TOML_KEY = lazy(r"\s*([A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')\s*[.=]")
_TOML_ERROR_PLACE = lazy(r"\(at line (\d+), column (\d+)\)")
_TOML_DATE_TOKEN = lazy(r"[0-9][0-9:T tZz.+\-]*[0-9Zz]|[0-9]")
# A bare value shaped as a TOML date or date-time (two-digit parts), whatever its numbers.
_TOML_DATE_SHAPE = lazy(r"(?<![\w\"'.:-])\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?(?![\w\"'.:-])")
_JSON_TOKEN = lazy(r'("(?:[^"\\]|\\.)*")(\s*:\s*)?|[\[\]{}]')


@dataclass(frozen=True)
class KeyInfo:
    """Where a top-level key and its value are written (1-based file lines and columns)."""

    line: int
    column: int
    value_line: int
    value_column: int


@dataclass(frozen=True)
class FrontMatterProblem:
    message: str
    line: int
    column: int = 1
    key: str = ""
    first_line: int = 0


@dataclass
class FrontMatter:
    kind: str  # "toml", "yaml", "json", "js" (gray-matter's `---js`, never run), or "meta": MkDocs' `key: value` lines without fences
    start_line: int  # line of the opening delimiter
    end_line: int  # line of the closing delimiter (or last line when unclosed)
    body_offset: int  # offset of the first character after the front matter
    data: dict[str, Any] | None = None
    error: FrontMatterProblem | None = None
    keys: dict[str, KeyInfo] = field(default_factory=dict)
    duplicates: list[FrontMatterProblem] = field(default_factory=list)
    # Values that the parser could not turn into dates (TOML's bare dates such as 2021-02-30);
    # they are kept in `data` as strings so that the date rule can name them.
    unparsable_dates: dict[str, str] = field(default_factory=dict)
    # False for Hexo's form without the opening `---`: the block starts on `start_line` itself.
    opening_fence: bool = True

    @property
    def first_block_line(self) -> int:
        """The first line of the block between the fences."""
        return self.start_line + 1 if self.opening_fence else self.start_line

    def key_position(self, key: str) -> tuple[int, int]:
        info = self.keys.get(key)
        if info is None:
            return self.start_line, 1
        return info.line, info.column

    def value_position(self, key: str) -> tuple[int, int]:
        info = self.keys.get(key)
        if info is None:
            return self.start_line, 1
        return info.value_line, info.value_column


def split_front_matter(
    source: Source,
    after_blank_lines: bool = False,
    without_opening: bool = False,
    indented_fence: bool = False,
    indented_closing: bool = False,
    meta_lines: bool = False,
    fence_language: bool = False,
    commented: bool = False,
    titled_keys_closed: bool = False,
    prefix_closing: bool = False,
) -> FrontMatter | None:
    """Find and parse the front matter at the top of a document, or return None. With
    `commented` (Hugo before 0.123), front matter may be wrapped in an HTML comment: a line
    that opens one (`<!--`), the front matter, then the comment's end (`-->`), after which the
    body starts. With
    `after_blank_lines` (Hugo and Zola skip white space before it; Hexo reads the lines before
    its first `---`), its fence may follow blank lines.
    With `without_opening` (Hexo), a fence of four dashes or more closed by the same line, and
    YAML keys from the first line up to a `---` line, are front matter too, and tabs that indent
    a YAML line are spaces (hexo-front-matter's `escape`), as is a tab after a list item's dash
    (js-yaml's reading). With `indented_fence` (Hugo's and Zola's lexers skip white space before
    the delimiter), the opening fence may follow spaces on its line (` ---`); with
    `indented_closing` (Zola's pattern reads lazily up to the first delimiter that ends a line),
    so may the closing one (`    +++`). With `meta_lines` (MkDocs), `key: value` lines at the
    top of the file, up to a blank line, are its meta-data (MultiMarkdown's form, `kind` "meta").
    With `fence_language` (gray-matter: Eleventy, Docusaurus, VitePress), the closing fence is the
    first line that starts with `---` (`-----------` too), and the opening fence may
    name the block's language: `---json` opens a JSON object, `---yaml` YAML, and `---js` a
    JavaScript object, which is front matter that is never run, so its keys stay unknown
    (`data` None). With `titled_keys_closed` (a plain folder: posts kept without their site), the
    keys of hexo-front-matter's second form are front matter when there are two or more and
    one is `title` or `date`: a page's metadata, which no author writes as a heading. With
    `prefix_closing` (Hugo's lexer), the first line that starts with the fence closes it, and
    the rest of that line is the body's first (`---Note: …`)."""
    text = source.text
    first = 1
    if after_blank_lines:
        while first < source.line_count and not source.line_text(first).strip():
            first += 1
    written = source.line_text(first) if source.line_count else ""
    if commented and written.lstrip(" \t").startswith("<!--"):
        return _commented(source, first, indented_fence)
    first_line = written.lstrip(" \t") if indented_fence else written
    if prefix_closing and (_TOML_FENCE.fullmatch(first_line) or _YAML_FENCE.fullmatch(first_line)):
        kind = "toml" if first_line.startswith("+") else "yaml"
        return _fenced(source, kind, _PREFIX_CLOSING[kind], first, rest_is_body=True)
    if _TOML_FENCE.fullmatch(first_line):
        return _fenced(source, "toml", _INDENTED_TOML_FENCE if indented_closing else _TOML_FENCE, first)
    if _YAML_FENCE.fullmatch(first_line):
        # gray-matter closes at the first line that starts with `---` (`-----------` too)
        closing = _INDENTED_YAML_END if indented_closing else _GRAY_MATTER_END if fence_language else _YAML_END
        return _fenced(source, "yaml", closing, first, soft_tabs=without_opening)
    language = _LANGUAGE_FENCE.fullmatch(first_line) if fence_language and first == 1 else None
    if language:
        return _fenced(source, _FENCE_LANGUAGES[language.group(1).lower()], _YAML_FENCE, first)
    if without_opening and _LONG_FENCE.fullmatch(first_line):
        # hexo-front-matter opens with three dashes or more and closes with the same line
        same = re.compile(re.escape(first_line.rstrip(" \t")) + r"[ \t]*")
        return _fenced(source, "yaml", same, first, soft_tabs=True)
    if first == 1 and _JSON_START.match(text):
        return _parse_json(source)
    opening = source.line_starts[first - 1] + len(written) - len(written.lstrip()) if source.line_count else 0
    if after_blank_lines and _JSON_START.match(text, opening):
        # Hugo's lexer skips white space before a JSON object too, indentation included.
        return _parse_json(source, opening, first)
    if without_opening and _YAML_KEY_LINE.match(first_line):
        return _closed_only(source, soft_tabs=True)
    if titled_keys_closed and first == 1 and _YAML_KEY_LINE.match(first_line):
        matter = _closed_only(source)
        keys = matter.data if matter is not None and isinstance(matter.data, dict) else {}
        return matter if len(keys) >= 2 and not {"title", "date"}.isdisjoint(keys) else None
    if meta_lines and first == 1 and _META_KEY_LINE.match(first_line):
        return _meta_lines(source)
    return None


def _commented(source: Source, opening: int, indented_fence: bool) -> FrontMatter | None:
    """Front matter on the lines after an HTML comment's opening line, read as Hugo's lexer
    before 0.123 read it: the rest of that line is skipped, the front matter follows (after
    blank lines), and the body starts after the next `-->`. None when no front matter follows
    or the comment never ends (Hugo stops the build there), and when the comment ends on its
    own line (`<!-- a note -->`): Hugo then reads on to the next `-->` after the front matter,
    or stops the build, which no maintainer means."""
    if "-->" in source.line_text(opening).split("<!--", 1)[1]:
        return None
    first = opening + 1
    while first < source.line_count and not source.line_text(first).strip():
        first += 1
    if first > source.line_count:
        return None
    written = source.line_text(first)
    fence = written.lstrip(" \t") if indented_fence else written
    if _TOML_FENCE.fullmatch(fence):
        matter = _fenced(source, "toml", _TOML_FENCE, first)
    elif _YAML_FENCE.fullmatch(fence):
        matter = _fenced(source, "yaml", _YAML_END, first)
    else:
        return None
    if matter.error is not None and matter.end_line == source.line_count:
        return None  # unclosed: the comment's own text, not front matter
    end = source.text.find("-->", matter.body_offset)
    if end < 0:
        return None
    matter.body_offset = end + 3
    return matter


def front_matter_of(source: Source, generator: str | None, commented: bool = False) -> FrontMatter | None:
    """The front matter of a page, found as its site's generator finds it (`commented`: Hugo
    before 0.123, which reads front matter wrapped in an HTML comment)."""
    # Hexo's second form reads up to the first `---` line, blank lines and an opening `---`
    # (a YAML document start) included: front matter after blank lines is front matter there too.
    return split_front_matter(
        source, after_blank_lines=generator in ("hugo", "zola", "hexo"), without_opening=generator == "hexo",
        indented_fence=generator in ("hugo", "zola"),
        indented_closing=generator == "zola",
        meta_lines=generator == "mkdocs",
        fence_language=generator in _GRAY_MATTER,
        commented=commented and generator == "hugo",
        titled_keys_closed=generator == "plain",
        prefix_closing=generator == "hugo",
    )


_GRAY_MATTER = frozenset({"eleventy", "docusaurus", "vitepress", "vuepress", "rspress"})


# MkDocs' MultiMarkdown meta-data (mkdocs.utils.meta): a key line, or a line indented four
# spaces or a tab that goes on with the last key's value.
_META_KEY_LINE = lazy(r"[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)")
_META_MORE_LINE = lazy(r"(?:[ ]{4}|\t)\s*(.*)")


def _meta_lines(source: Source) -> FrontMatter:
    """The key lines at the top of the file, read as MkDocs reads them: up to the first blank
    line or the first line that is neither a key nor a value's next line. Keys are lower case,
    values strings, a value's lines joined by line breaks."""
    data: dict[str, Any] = {}
    keys: dict[str, KeyInfo] = {}
    key = None
    line = 1
    while line <= source.line_count:
        written = source.line_text(line)
        if not written.strip():
            break
        found = _META_KEY_LINE.fullmatch(written)
        more = None if found else _META_MORE_LINE.fullmatch(written)
        if found:
            key = found.group(1).lower()
            data[key] = found.group(2).strip()
            keys.setdefault(key, KeyInfo(line, found.start(1) + 1, line, found.start(2) + 1))
        elif more and key is not None:
            data[key] = f"{data[key]}\n{more.group(1).strip()}".strip("\n")
        else:
            break
        line += 1
    body_offset = source.line_starts[line - 1] if line <= source.line_count else len(source.text)
    matter = FrontMatter("meta", 1, line - 1, body_offset, data, keys=keys, opening_fence=False)
    url = next((key for key, value in data.items() if value.startswith("//")), None)
    if url is not None:  # `https://example.org` on the first line: a key "https", never shown
        url_line = keys[url].line
        matter.error = FrontMatterProblem(
            f"MkDocs reads line {url_line} as meta-data (key '{url}'), so its URL is not shown on the page; "
            "start the page with a blank line or a heading",
            url_line,
        )
    return matter


# gray-matter's language after the opening fence (its default engines, and Eleventy's `---js`).
_LANGUAGE_FENCE = lazy(r"---[ \t]*(json|ya?ml|js|javascript)[ \t]*", re.I)
_FENCE_LANGUAGES = {"json": "json", "yaml": "yaml", "yml": "yaml", "js": "js", "javascript": "js"}
_LONG_FENCE = lazy(r"-{4,}[ \t]*")
# Hugo's closing fences: any line that starts with one (`---Note: …`).
_PREFIX_CLOSING = {"toml": lazy(r"\+\+\+.*"), "yaml": lazy(r"---.*")}
_INDENTED_TOML_FENCE = lazy(r"[ \t]*\+\+\+[ \t]*")
_INDENTED_YAML_END = lazy(r"[ \t]*---[ \t]*")
# gray-matter looks for the first "\n---" after the opening: any line that starts with three dashes.
_GRAY_MATTER_END = lazy(r"---.*|\.\.\.[ \t]*")
_YAML_KEY_LINE = lazy(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
_HEXO_END = lazy(r"-{3,}[ \t]*")  # hexo-front-matter: `\n(-{3,})\n?`, so `--- ` closes too


def _closed_only(source: Source, soft_tabs: bool = False) -> FrontMatter | None:
    """hexo-front-matter's second form: the text before the first `---` line is the front
    matter when it reads as a table of keys (prose above a thematic break does not)."""
    for line in range(2, min(source.line_count, _MAX_UNOPENED_LINES) + 1):
        if _HEXO_END.fullmatch(source.line_text(line)):
            body_offset = source.line_starts[line] if line < source.line_count else len(source.text)
            matter = FrontMatter("yaml", 1, line, body_offset, opening_fence=False)
            _parse_fenced(matter, source.text[: source.line_starts[line - 1]], 1, source.position, soft_tabs)
            return matter if matter.error is None and isinstance(matter.data, dict) and matter.data else None
    return None


# Hexo reads up to the first `---` however far; a block of keys longer than this is no front matter.
_MAX_UNOPENED_LINES = 200


def _fenced(
    source: Source, kind: str, closing: re.Pattern[str], first: int = 1, soft_tabs: bool = False, rest_is_body: bool = False
) -> FrontMatter:
    """The front matter from the fence on line `first` to the first line `closing` matches;
    `rest_is_body`: what follows the three characters of that fence on its line is the body's."""
    raw_start = source.line_starts[first] if source.line_count > first else len(source.text)
    for line in range(first + 1, source.line_count + 1):
        written = source.line_text(line)
        if closing.fullmatch(written):
            body_offset = source.line_starts[line] if line < source.line_count else len(source.text)
            if rest_is_body and written[3:].strip():
                body_offset = source.line_starts[line - 1] + 3
            matter = FrontMatter(kind, first, line, body_offset)
            raw_end = source.line_starts[line - 1]
            _parse_fenced(matter, source.text[raw_start:raw_end], first + 1, lambda offset: source.position(raw_start + offset), soft_tabs)
            return matter
    fence = source.line_text(first).strip()
    matter = FrontMatter(kind, first, source.line_count, raw_start)  # unclosed: the body is read from the line after the fence
    matter.error = FrontMatterProblem(f"the opening {fence} on line {first} is never closed", first, 1)
    return matter


_LEADING_TABS = lazy(r"^\t+", re.M)
_TAB_AFTER_DASH = lazy(r"^([ ]*-)\t", re.M)


def _parse_fenced(
    matter: FrontMatter, raw: str, first_raw_line: int, position: Callable[[int], tuple[int, int]], soft_tabs: bool = False
) -> None:
    """Parse the block `raw`, which starts on the file's line `first_raw_line`; `position` gives
    the file's line and column of an offset in it."""
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        matter.error = FrontMatterProblem(
            f"front matter is {len(raw):,} characters long, over the limit of {MAX_FRONT_MATTER_CHARS:,}",
            first_raw_line,
        )
        return
    if matter.kind == "toml":
        _parse_toml(matter, raw, first_raw_line)
    elif matter.kind == "json":
        _parse_fenced_json(matter, raw, first_raw_line, position)
    elif matter.kind == "js":
        return  # code: never run, so its keys are not known
    else:
        if soft_tabs and "\t" in raw:
            raw = _LEADING_TABS.sub(lambda tabs: "  " * len(tabs.group()), raw)
            raw = _TAB_AFTER_DASH.sub(r"\1 ", raw)  # `-<tab>item`: js-yaml reads a tab there as a space
        _parse_yaml(matter, raw, first_raw_line)


def _holds_unprintable_int(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif is_unprintable_int(item):
            return True
    return False


def _number_problem(kind: str, raw: str, exc: ValueError, first_line: int) -> FrontMatterProblem:
    """A ValueError that is not a syntax error: an integer over Python's limit of digits."""
    place = too_long_number_place(raw) if is_int_limit_error(exc) else None
    if place is None:
        return FrontMatterProblem(f"{kind}: {exc}", first_line)
    offset, digits = place
    line = raw.count("\n", 0, offset)
    column = offset - (raw.rfind("\n", 0, offset) + 1) + 1
    return FrontMatterProblem(f"{kind}: {too_long_number(digits)}", first_line + line, column)


# --------------------------------------------------------------------------- TOML


def _parse_toml(matter: FrontMatter, raw: str, first_line: int) -> None:
    repaired: dict[int, str] = {}
    quoted_at: dict[int, list[int]] = {}  # line: columns where a date was put in quotes
    for _ in range(MAX_TOML_REPAIRS):
        try:
            data = tomllib.loads(raw)
            break
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            place = _TOML_ERROR_PLACE.search(message)
            # "(at end of document)": the last line of the front matter is the best place we know.
            line = int(place.group(1)) if place else max(raw.rstrip("\n").count("\n") + 1, 1)
            column = int(place.group(2)) if place else 1
            if place and (message.startswith("Invalid date or datetime") or _in_date_shape(raw, line, column)):
                start = _in_date_shape(raw, line, column) or column
                fixed = _quote_toml_value(raw, line, column)
                if fixed is not None:
                    raw, token = fixed
                    repaired[line] = token
                    quoted_at.setdefault(line, []).append(start)
                    continue
            reason = _TOML_ERROR_PLACE.sub("", message).replace("(at end of document)", "at the end of the front matter").strip()
            column -= 2 * sum(1 for start in quoted_at.get(line, ()) if start < column)  # the quotes added above
            matter.error = FrontMatterProblem(f"TOML: {reason[:1].lower() + reason[1:]}", first_line + line - 1, column)
            return
        except ValueError as exc:  # tomllib's int() over Python's limit of digits
            matter.error = _number_problem("TOML", raw, exc, first_line)
            return
    else:
        matter.error = FrontMatterProblem("TOML: too many invalid dates", first_line)
        return
    keys = _toml_key_lines(raw, first_line)
    for key, value in data.items():
        if _holds_unprintable_int(value):
            info = keys.get(key)
            line, column = (info.value_line, info.value_column) if info else (first_line, 1)
            matter.error = FrontMatterProblem(f"TOML: {too_long_number()}", line, column)
            return
    matter.data = data
    matter.keys = keys
    for key, info in matter.keys.items():
        unparsable = repaired.get(info.line - first_line + 1)
        if unparsable is not None:
            matter.unparsable_dates[key] = unparsable


def _in_date_shape(raw: str, line: int, column: int) -> int | None:
    """The column where a bare date-shaped value (`2021-13-01`, `2021-02-01T25:00:00Z`) starts,
    when the error at `column` is inside one: tomllib rejects a month 13 or an hour 25 with a
    syntax error (it reads `2021` as a number, then stops at the `-`)."""
    text = raw.split("\n")[line - 1]
    for match in _TOML_DATE_SHAPE.finditer(text):
        if match.start() < column <= match.end() and not _toml_reads(match.group(0)):
            return match.start() + 1
    return None


def _toml_reads(value: str) -> bool:
    try:
        tomllib.loads(f"v = {value}")
    except tomllib.TOMLDecodeError:
        return False
    return True


def _quote_toml_value(raw: str, line: int, column: int) -> tuple[str, str] | None:
    lines = raw.split("\n")
    text = lines[line - 1]
    column = _in_date_shape(raw, line, column) or column
    match = _TOML_DATE_TOKEN.match(text, column - 1)
    if not match:
        return None
    token = match.group(0).rstrip()
    lines[line - 1] = text[: column - 1] + json.dumps(token) + text[column - 1 + len(token) :]
    return "\n".join(lines), token


def _toml_key_lines(raw: str, first_line: int) -> dict[str, KeyInfo]:
    keys: dict[str, KeyInfo] = {}
    in_table = False
    for index, text in enumerate(raw.split("\n")):
        line = first_line + index
        table = _TOML_TABLE.match(text)
        if table and text.lstrip().startswith("["):
            name = table.group(1).strip("\"'")
            in_table = True
            keys.setdefault(name, KeyInfo(line, table.start(1) + 1, line, table.start(1) + 1))
            continue
        if in_table:
            continue
        key = _TOML_KEY.match(text)
        if key:
            name = key.group(1)
            if name[0] in "\"'":
                name = name[1:-1]
            equals = text.find("=", key.end(1))
            value_column = equals + 2 if equals >= 0 else key.start(1) + 1
            while value_column <= len(text) and text[value_column - 1 : value_column] in (" ", "\t"):
                value_column += 1
            keys.setdefault(name, KeyInfo(line, key.start(1) + 1, line, value_column))
    return keys


# --------------------------------------------------------------------------- YAML


def _parse_yaml(matter: FrontMatter, raw: str, first_line: int) -> None:
    # Imported here: PyYAML is loaded by files with YAML front matter only (start-up speed).
    import yaml

    from artlint._yaml import YamlProblem, load_yaml

    try:
        data, keys, duplicates = load_yaml(raw)
    except YamlProblem as exc:
        matter.error = FrontMatterProblem(f"YAML: {exc.reason}", first_line + exc.line, exc.column + 1)
        return
    except yaml.YAMLError as exc:  # pragma: no cover - load_yaml converts every YAMLError
        matter.error = FrontMatterProblem(f"YAML: {exc}", first_line)
        return
    if data is None:
        data = {}
    if not isinstance(data, dict):
        matter.error = FrontMatterProblem(
            f"YAML: front matter must be a mapping of keys to values, not a {_yaml_kind(data)}", first_line
        )
        return
    matter.data = data
    matter.keys = {
        key: KeyInfo(first_line + k_line, k_col + 1, first_line + v_line, v_col + 1)
        for key, (k_line, k_col, v_line, v_col) in keys.items()
    }
    matter.duplicates = [
        FrontMatterProblem(f"duplicate key {key!r}", first_line + line, column + 1, key, first_line + first)
        for key, line, column, first in duplicates
    ]


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


# --------------------------------------------------------------------------- JSON


def _parse_json(source: Source, start: int = 0, first: int = 1) -> FrontMatter:
    """The JSON object at `start` (the offset of its `{`, on line `first`)."""
    text = source.text
    decoder = json.JSONDecoder()
    limit = min(len(text), start + MAX_FRONT_MATTER_CHARS)
    try:
        data, end = decoder.raw_decode(text[:limit], start)
    except json.JSONDecodeError as exc:
        line_end = len(text)
        matter = FrontMatter("json", first, source.line_count, line_end)
        matter.error = FrontMatterProblem(f"JSON: {exc.msg[:1].lower() + exc.msg[1:]}", exc.lineno, exc.colno)
        return matter
    except ValueError as exc:  # json's int() over Python's limit of digits
        matter = FrontMatter("json", first, source.line_count, len(text))
        matter.error = _number_problem("JSON", text[:limit], exc, 1)
        return matter
    except RecursionError:
        matter = FrontMatter("json", first, source.line_count, len(text))
        matter.error = FrontMatterProblem("JSON: nesting is too deep", first)
        return matter
    end_line = source.line_of(max(end - 1, 0))
    body_offset = source.line_starts[end_line] if end_line < source.line_count else len(text)
    matter = FrontMatter("json", first, end_line, body_offset)
    if not isinstance(data, dict):  # pragma: no cover - _JSON_START only lets objects in
        data = {}
    matter.data = data
    _locate_json_keys(matter, source.position, text[:end])
    return matter


def _parse_fenced_json(matter: FrontMatter, raw: str, first_raw_line: int, position: Callable[[int], tuple[int, int]]) -> None:
    """The JSON object between `---json` and `---` (gray-matter's form), its keys located."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        matter.error = FrontMatterProblem(f"JSON: {exc.msg[:1].lower() + exc.msg[1:]}", first_raw_line + exc.lineno - 1, exc.colno)
        return
    except ValueError as exc:  # json's int() over Python's limit of digits
        matter.error = _number_problem("JSON", raw, exc, first_raw_line)
        return
    except RecursionError:
        matter.error = FrontMatterProblem("JSON: nesting is too deep", first_raw_line)
        return
    if not isinstance(data, dict):
        matter.error = FrontMatterProblem("JSON front matter must be an object of keys", first_raw_line)
        return
    matter.data = data
    _locate_json_keys(matter, position, raw)


def _locate_json_keys(matter: FrontMatter, position: Callable[[int], tuple[int, int]], raw: str) -> None:
    """Fill `matter.keys` and `matter.duplicates` from the top-level keys of the JSON object
    `raw`, `position` giving the file's line and column of an offset in it."""
    for key, key_offset, value_offset in _json_top_level_keys(raw):
        line, column = position(key_offset)
        first = matter.keys.get(key)
        if first is None:
            value_line, value_column = position(value_offset)
            matter.keys[key] = KeyInfo(line, column, value_line, value_column)
        else:
            matter.duplicates.append(FrontMatterProblem(f"duplicate key {key!r}", line, column, key, first.line))


def _json_top_level_keys(raw: str) -> list[tuple[str, int, int]]:
    """(key, offset of its opening quote, offset of its value) for each key of the outermost
    object of `raw` (valid JSON), in order, duplicates included. One pass: searching the
    block again for every key took minutes for 17,000 keys."""
    keys = []
    depth = 0
    for match in _JSON_TOKEN.finditer(raw):
        quoted, colon = match.group(1, 2)
        if quoted is None:
            depth += 1 if match.group() in "[{" else -1
        elif colon is not None and depth == 1:
            keys.append((json.loads(quoted), match.start(), match.end()))
    return keys

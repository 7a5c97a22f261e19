import re

from artlint.findings import Severity
from artlint.gfmtable import delimiter_alignments, split_cells
from artlint.lazyre import lazy
from artlint.rules import DocumentRule

# A line with a pipe followed by a table's delimiter row (`|---|:--:|`, `--- | ---`).
_DELIMITER = lazy(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_NOTHING_SHOWN = " \t-\\\u2013\u2014"  # a dash for "none", a line continuation's backslash
_COMMENT = lazy(r"<!--.*?(?:-->|$)", re.S)
# A template's control tag, as artlint.templating keeps it in place (spaces made `_`): `{% if
# pdfOutput %}`, `{%_endif_%}`. The generator renders it to nothing before markdown reads the
# row; an include brings text in its place.
_CONTROL_TAG = lazy(r"(?<!\{)\{%-?[\s_]*(?!include)[A-Za-z]\w*[^%]*?-?%\}")
# kramdown shows a row's cells however many the header has, and so may pandoc.
_LENIENT_TABLES = ("jekyll",)
_DEFINITION_MARKER = lazy(r"^:[ \t]+(?=\|)")


class TableColumnCount(DocumentRule):
    """A table row with more cells than its header, or a header that its delimiter row does not match.

    ## What it finds
    - A body row of a pipe table with more cells than the header row, the cells beyond the
      header's holding text. GitHub Flavored Markdown (Hugo's goldmark, Zola, marked in Hexo,
      markdown-it in VitePress, Docusaurus, Eleventy, GitHub) and Python-Markdown (MkDocs) drop
      them from the page without a word. A `|` inside a code span divides cells too in GFM,
      unless escaped as `\\|` (Python-Markdown, and MDX 1's remark-parse 8 on Docusaurus
      before 3, keep it in the code span).
    - A header row whose number of cells differs from its delimiter row's (`| a | b | c |` over
      `|---|---|`): no table at all, the lines show as a paragraph of pipes and dashes. MDX 1
      (Docusaurus before 3) makes the table of the delimiter row's columns all the same: there
      only header cells beyond them are reported, dropped with their column.

    Jekyll's kramdown makes a wider row of a longer one, and reads any header over any
    delimiter row, so Jekyll sites are not checked; nor are Hexo sites rendered by marked before
    1.0 (hexo-renderer-marked 0.x), which shows every cell of every row under any header. Dropped cells that show nothing but dashes
    (empty, `-`, a `\\` left from a line continuation, a comment, a template's control tag
    that the generator renders to nothing first: `| MIT |{% endif %}` with MkDocs' macros plugin)
    lose nothing and are not reported. Where the renderer reads definition lists (Hugo, MkDocs
    with `def_list`), `:   | a | b |` is a definition whose text is the table: its marker is
    no cell.

    ## Why it matters
    The text of the dropped cells is lost to readers with no sign in the source, and the table
    that never renders shows its markup. Both come from a column added to some rows and not
    the header, a pasted row, or an unescaped `|` in a cell (`a || b`, `Option<A|B>`).

    ## Example

        | Option | Default |
        |--------|---------|
        | depth  | 3       | the nesting limit |

    reports `table row has 3 cells, its header 2: the renderer drops 'the nesting limit';
    add a column to the header or merge the cells`.
    """

    name = "table-column-count"
    family = "markup"
    severity = Severity.WARNING

    def check(self, doc, options):
        if doc.site is not None and (doc.site.generator in _LENIENT_TABLES or doc.site.pandoc or doc.site.marked_before_1):
            return
        # Python-Markdown, and MDX 1's remark-parse 8 (Docusaurus before 3), keep a `|` inside a code span in its cell.
        protects_code = doc.site is not None and (doc.site.generator == "mkdocs" or (doc.site.generator == "docusaurus" and doc.site.spaced_strong))
        text = doc.markup_text or doc.text
        templated = text is not doc.text  # masked by artlint.templating: a template's tags are in it
        for table in doc.nodes("table"):
            rows = table.children
            if len(rows) < 2:
                continue
            columns = len(rows[0].children)
            for row in rows[1:]:
                cells = split_cells(text[row.start : row.end], protect_code=protects_code) or []
                dropped = [cell for cell in cells[columns:] if _shows_text(cell, templated)]
                if dropped:
                    yield doc.diagnostic(_dropped_message(cells, columns, dropped), row.start, row.end)
        # MDX 1's remark-parse 8 makes the table whatever the header, of the delimiter row's columns.
        delimiter_rules = doc.site is not None and doc.site.generator == "docusaurus" and doc.site.spaced_strong
        for paragraph in doc.nodes("paragraph"):
            yield from _unmatched_headers(doc, text, paragraph, protects_code, delimiter_rules)


def _shows_text(cell: str, templated: bool = False) -> bool:
    """Whether a cell shows anything but a dash or a backslash, HTML comments left out, and on
    a page the generator renders as a template, its control tags (`…| MIT |{% endif %}`)."""
    if "<!--" in cell:
        cell = _COMMENT.sub("", cell)
    if templated and "{%" in cell:
        cell = _CONTROL_TAG.sub("", cell)
    return bool(cell.strip(_NOTHING_SHOWN))


def _dropped_message(cells: list[str], columns: int, dropped: list[str]) -> str:
    shown = " | ".join(dropped)
    shown = shown if len(shown) <= 50 else shown[:49] + "…"
    hint = "add a column to the header or merge the cells"
    if _code_span_split(cells):
        hint = "escape a '|' inside a code span as '\\|', or " + hint
    return f"table row has {len(cells)} cells, its header {columns}: the renderer drops '{shown}'; {hint}"


def _code_span_split(cells: list[str]) -> bool:
    """Whether a code span opens in one cell and closes in a later one (`` `a | b` ``): a '|'
    meant inside it split the row. A backtick that never closes is no such span."""
    opened = False
    for cell in cells:
        if cell.count("`") % 2:
            if opened:
                return True
            opened = True
    return False


def _unmatched_headers(doc, text: str, paragraph, protects_code: bool, delimiter_rules: bool = False):
    """A paragraph's line of cells over a delimiter row with another number of cells: a
    table that is never made (`split_cells` counts them as the renderer does). Where the
    delimiter row rules (`delimiter_rules`: MDX 1) the table is made of its columns: only
    header cells beyond them, which it drops, are reported."""
    if text.find("|", paragraph.start, paragraph.end) < 0 or text.find("-", paragraph.start, paragraph.end) < 0:
        return
    lines = text[paragraph.start : paragraph.end].split("\n")
    offset = paragraph.start
    definitions = doc.site is not None and doc.site.definition_lists
    for line, following in zip(lines, lines[1:], strict=False):
        if "|" in following and _DELIMITER.match(following) and "|" in line and not doc.in_code(offset):
            # `:   | a | b |`: a definition whose text is the table, its marker no cell
            header = split_cells(_DEFINITION_MARKER.sub("", line, count=1) if definitions else line, protect_code=protects_code) or []
            delimiter = delimiter_alignments(following) or []
            if delimiter_rules and header and delimiter and len(header) > len(delimiter):
                dropped = [cell for cell in header[len(delimiter) :] if _shows_text(cell)]
                if dropped:
                    yield doc.diagnostic(
                        f"table header has {len(header)} cells, its delimiter row {len(delimiter)}: MDX 1 makes a table of "
                        f"{len(delimiter)} columns and drops '{' | '.join(dropped)[:50]}' with its column; add it to the delimiter row",
                        offset,
                        offset + len(line),
                    )
            elif not delimiter_rules and header and delimiter and len(header) != len(delimiter):
                yield doc.diagnostic(
                    f"table header has {len(header)} cells, its delimiter row {len(delimiter)}: no table is made, "
                    "the lines show as text; give both rows the same number of cells",
                    offset,
                    offset + len(line),
                )
        offset += len(line) + 1

from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule

# A list item's first line: its indentation, its marker and the spaces after it (one to four:
# with five or more, the content starts one space after the marker, as CommonMark reads it).
_ITEM_START = lazy(r"([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)")
_FENCE = lazy(r"[ \t]*(`{3,}|~{3,})")


class CodeFenceOutdented(DocumentRule):
    """A fenced code block in a list item whose lines are less indented than the item's text.

    ## What it finds
    A code fence opened inside a list item (indented under its text) followed by a line of
    code, or the closing fence, that starts left of the item's text. A CommonMark renderer
    (goldmark in Hugo, pulldown-cmark in Zola, markdown-it, Docusaurus' MDX, GitHub) ends the
    list item at that line: the code block closes empty, the code shows as a paragraph of
    text, and the fence meant to close the block opens a new one that runs on through the
    rest of the page. Sites whose renderer reads lists otherwise (kramdown, Python-Markdown,
    marked, pandoc) are not checked.

    ## Why it matters
    The page shows the code as prose, with its `*` and `_` taken for emphasis, and then shows
    the article's next paragraphs as code. Editors that indent the fence but paste the code
    at the margin make it easily; the source looks fine.

    ## Example

        1. Build it:

           ```sh
        make all
           ```

    reports `code block in a list item: line 4 starts left of the item's text (3 spaces), so
    the renderer ends the list and shows the code as text; indent the block's lines by 3 spaces`.
    """

    name = "code-fence-outdented"
    family = "markup"
    severity = Severity.WARNING

    def check(self, doc, options):
        # kramdown, Python-Markdown, marked and pandoc have their own rules for list items.
        if doc.site is not None and not doc.site.commonmark_parser:
            return
        items = list(doc.nodes("list_item"))
        if not items:
            return
        source = doc.source
        fences = [code for code in doc.nodes("block_code") if code.attrs.get("style") == "fenced"]
        for code, item in _innermost_items(items, fences):
            width = _content_column(doc.text, item.start)
            if width is None or _indentation(_line_at(doc.text, code.start)) < width:
                continue  # the fence itself starts left of the text: no fence of this item
            first, _ = source.position(code.start)
            last, _ = source.position(max(code.start, code.end - 1))
            outdented = next((number for number in range(first + 1, last + 1) if _left_of(source.line_text(number), width)), None)
            closed = last > first and _FENCE.match(source.line_text(last))
            if outdented is None and not closed and last < len(source.line_starts):
                after = source.line_text(last + 1)  # not closed in the item: its closing fence may be the next line, outdented
                outdented = last + 1 if _FENCE.match(after) and _left_of(after, width) else None
            if outdented is not None:
                yield doc.line_diagnostic(
                    f"code block in a list item: line {outdented} starts left of the item's text ({width} spaces), so the "
                    f"renderer ends the list and shows the code as text; indent the block's lines by {width} spaces",
                    first,
                    _indentation(_line_at(doc.text, code.start)) + 1,
                )


def _left_of(line: str, width: int) -> bool:
    return bool(line.strip()) and _indentation(line) < width


def _innermost_items(items, fences):
    """(fence, the innermost list item holding it) for each fence inside one, in one sweep in
    document order (items nest, so the open items form a stack): a page of 20,000 items is
    no quadratic walk."""
    events = sorted([(item.start, 0, item) for item in items] + [(code.start, 1, code) for code in fences], key=lambda event: (event[0], event[1]))
    open_items: list = []
    for start, is_fence, node in events:
        while open_items and open_items[-1].end <= start:
            open_items.pop()
        if is_fence:
            if open_items:
                yield node, open_items[-1]
        else:
            open_items.append(node)


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def _indentation(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _content_column(text: str, item_start: int) -> int | None:
    """The column where a list item's text starts (`1. Step` is 3, `  - a` is 4)."""
    match = _ITEM_START.match(_line_at(text, item_start).expandtabs(4))
    if match is None:
        return None
    spaces = len(match.group(3))
    if spaces == 0 or spaces > 4:
        spaces = 1
    return len(match.group(1)) + len(match.group(2)) + spaces

from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule

_FENCE_RUN = lazy(r"`{3,}|~{3,}")


class CodeFenceUnclosed(DocumentRule):
    """A code fence that is never closed, so that the rest of the page is code.

    ## What it finds
    A fenced code block (```` ``` ```` or `~~~`) that runs to the end of the file without a
    closing fence: a line of the same character, at least as long as the opening one, with
    nothing else on it. The message names the line that was probably meant to close it: one
    with an info string (```` ```python ````, which only opens a fence), a shorter fence, a fence
    written at the end of a line of code, or one indented four spaces or more.

    ## Why it matters
    A CommonMark renderer (Hugo, Zola, Docusaurus, markdown-it, GitHub) shows everything after
    the opening fence as code: the headings, paragraphs, links and images that follow are lost
    in a grey box. kramdown and Python-Markdown show the backticks as text instead. Either way
    the page is broken, and the source looks fine at a glance: it happens when a closing fence
    is copied with its language name, or when a converter glues it to the last line of code.

    ## Example

        ```python
        print("hello")
        ```python

        ## Next step

    reports `code fence never closed: the 3 lines after it, to the end of the file, show as
    code; line 3 does not close it (a closing fence has no info string)`.
    """

    name = "code-fence-unclosed"
    family = "markup"
    severity = Severity.WARNING

    def check(self, doc, options):
        if doc.page is not None and doc.page.kind in ("partial", "fragment"):
            return  # a piece included in other pages: what follows it there may close its fence
        end_of_text = None
        for code in doc.nodes("block_code"):
            if code.attrs.get("style") != "fenced":
                continue
            if end_of_text is None:
                end_of_text = _last_visible_end(doc.text)
            if code.end < end_of_text:
                continue
            marker = code.attrs.get("marker") or "```"
            first, _ = doc.source.position(code.start)
            last, _ = doc.source.position(max(code.start, code.end - 1))
            if last > first and _closes(doc.source.line_text(last), marker):
                continue
            yield doc.line_diagnostic(_message(doc, first, last, marker), first, _column(doc.source.line_text(first), marker))


def _last_visible_end(text: str) -> int:
    """The offset after the text's last character that is not white space (`len(text.rstrip())`,
    without copying a long page to find it)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _without_prefix(line: str) -> str:
    return line[len(line) - len(line.lstrip(" \t>")) :].rstrip()


def _closes(line: str, marker: str) -> bool:
    text = _without_prefix(line)
    return len(text) >= len(marker) and text == marker[0] * len(text)


def _column(line: str, marker: str) -> int:
    return max(line.find(marker[0] * 3), 0) + 1


def _message(doc, first: int, last: int, marker: str) -> str:
    swallowed = sum(1 for number in range(first + 1, last + 1) if doc.source.line_text(number).strip())
    if not swallowed:
        return "code fence never closed: it opens an empty code block at the end of the file; delete it or close it"
    lines = "line" if swallowed == 1 else f"{swallowed} lines"
    message = f"code fence never closed: the {lines} after it, to the end of the file, show as code"
    meant = _meant_closer(doc, first, last, marker)
    if meant is not None:
        message += f"; line {meant[0]} does not close it ({meant[1]})"
    return message


def _meant_closer(doc, first: int, last: int, marker: str) -> "tuple[int, str] | None":
    """The first line of the block that looks written to close it, and why it does not."""
    char = marker[0]
    for number in range(first + 1, last + 1):
        line = doc.source.line_text(number)
        text = _without_prefix(line)
        run = _FENCE_RUN.match(text)
        if run is not None and run.group()[0] == char:
            if text != run.group():
                if len(run.group()) < len(marker):
                    continue  # a shorter fence with a language opens a block shown inside this one
                return number, "a closing fence has no info string"
            if len(run.group()) < len(marker):
                return number, f"it is shorter than the opening fence of {len(marker)}"
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            return number, f"it is indented {indent} spaces, 4 or more make it code"
        if text.endswith(char * 3) and len(text) > 3 and not text.startswith(char):
            return number, "a closing fence stands on a line of its own"
    return None

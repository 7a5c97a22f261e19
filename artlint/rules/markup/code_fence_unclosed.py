import re

from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.rules import DocumentRule
from artlint.templating import CODE_BLOCK_TAGS

_FENCE_RUN = lazy(r"`{3,}|~{3,}")


class CodeFenceUnclosed(DocumentRule):
    """A code fence that is never closed, so that the rest of the page is code.

    ## What it finds
    A fenced code block (```` ``` ```` or `~~~`) that runs to the end of the file without a
    closing fence: a line of the same character, at least as long as the opening one, with
    nothing else on it. The message names the line that was probably meant to close it: one
    with an info string (```` ```python ````, which only opens a fence), a shorter fence, a fence
    written at the end of a line of code, or one indented four spaces or more.

    On CommonMark renderers a block that holds only code to the end of the file is closed
    there and looks as if it had its fence: it is reported only when a line was meant to close
    it, when it is empty (a stray fence at the end), or when prose or markdown follows the
    opening (a heading of two hashes or more, a Chinese or English sentence, a link or an
    image, an HTML block). On Jekyll and MkDocs sites every one is reported: kramdown and
    Python-Markdown show the fence as text. On Hexo sites rendered by marked before 1.0
    (hexo-renderer-marked 0.x) a fence written at the end of a line of code (`}````) closes the
    block, as that marked reads it: not reported. A template's code-block tags
    (`{% highlight %}`…`{% endhighlight %}`) are paired by the generator, whatever HTML
    block stands around them: not reported.

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
            if _TEMPLATE_TAG.match(doc.source.line_text(first)):
                continue  # `{% endhighlight %}`: a template's tag, paired by the generator, not by the markdown parser
            last, _ = doc.source.position(max(code.start, code.end - 1))
            if last > first and _closes(doc.source.line_text(last), marker):
                continue
            if doc.site is not None and doc.site.marked_before_1 and _marked_closes_every_fence(doc.text[doc.body_offset :]):
                continue  # marked 0.3 (old Hexo): `}```` closes a block, its backticks ending a line of code
            if not _shows_wrongly(doc, first, last, marker):
                continue  # only code to the end: CommonMark closes the block there, the page is the same
            yield doc.line_diagnostic(_message(doc, first, last, marker), first, _column(doc.source.line_text(first), marker))


# A template's code-block tag alone on its line (`{% highlight js %}`, `{% endhighlight %}`), which
# the site's generator turns into code before the markdown is read; an HTML block around one
# (`<div class="wrapper">` on the line before) makes the parser pair them otherwise.
_TEMPLATE_TAG = lazy(rf"[ \t]*\{{%-?[ \t]*(?:end)?(?:{'|'.join(CODE_BLOCK_TAGS)})\b")
# An opening fence as marked before 1.0 reads one: the fence, then one word at most.
_MARKED_OPENING = lazy(r"^ *(`{3,}|~{3,})[ .]*\S* *$")


def _marked_closes_every_fence(body: str) -> bool:
    """Whether every fence of the body closes as marked before 1.0 pairs them: a fence closes
    at the first later line that ends with the same fence (`}````), not only at a line of its
    own, so fences pair differently than CommonMark's do; where no later line ends with the
    whole fence, its pattern gives back a character at a time, down to three (```` ```` ````
    closed by ```` ``` ````, the fourth backtick taken for the language)."""
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        match = _MARKED_OPENING.match(lines[index])
        if match is None:
            index += 1
            continue
        fence = match.group(1)
        closing = next(
            (
                later
                for length in range(len(fence), 2, -1)
                for later in range(index + 1, len(lines))
                if lines[later].rstrip().endswith(fence[0] * length)
            ),
            None,
        )
        if closing is None:
            return False
        index = closing + 1
    return True


# Renderers that show an unclosed fence's backticks as text (kramdown, Python-Markdown).
_LITERAL_FENCE_GENERATORS = ("jekyll", "mkdocs")
# What is no code in a code block: a heading of two hashes or more (one `#` is a comment in
# shell and Python), a sentence of Chinese prose outside a comment, an English sentence (a list
# item's too) with no code's marks in it, a markdown link or image, an HTML block's tag.
_PROSE_LINE = lazy(
    r"^[ \t]{0,3}#{2,6}[ \t]+\S"
    r"|^(?![ \t]*(?://|#|\*|/\*|--|;|<!--|>))[^\n]*[\u4e00-\u9fff][。！？]"
    r"|^[ \t]*(?:[-*+][ \t]+|\d+\.[ \t]+)?[A-Z][a-z']*(?:[ \t]+[^\s;{}()=<>]+){4,}[.!?][ \t]*$"
    r"|!?\[[^\]\n]+\]\((?:https?:|/|\.)"
    r"|^[ \t]*<(?:p|div|h[1-6]|ul|ol|table|blockquote)\b",
    re.M,
)


def _shows_wrongly(doc, first: int, last: int, marker: str) -> bool:
    """Whether the unclosed block changes the page: on CommonMark renderers a block that holds
    only code to the end of the file is closed there, and looks as if it had its fence; it
    is wrong when a line was meant to close it, when it is empty (a stray fence) or when
    prose or markdown follows. kramdown and Python-Markdown show the fence as text anyway."""
    if doc.site is not None and doc.site.generator in _LITERAL_FENCE_GENERATORS:
        return True
    if not any(doc.source.line_text(number).strip() for number in range(first + 1, last + 1)):
        return True  # an empty block at the end of the page
    if _meant_closer(doc, first, last, marker) is not None:
        return True
    start = doc.source.line_starts[first] if first < doc.source.line_count else len(doc.text)
    return _PROSE_LINE.search(doc.text, start) is not None


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
    lines = "line after it, to the end of the file, shows" if swallowed == 1 else f"{swallowed} lines after it, to the end of the file, show"
    message = f"code fence never closed: the {lines} as code"
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

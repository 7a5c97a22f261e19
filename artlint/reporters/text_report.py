r"""`--format text` (the default): findings grouped by file, each with its source line.

    examples/stuffed.md:8:23  error  link-keyword-stuffing  "tumour" linked 9 times to ...
       8 │ ...the tumour [tumour](http://...) grew...
         │               ^^^^^^^^^^^^^^^^^^^^^

Lines are built as styled pieces of text; on a terminal rich prints them in colour (article
text goes in as text, never as markup, so `[brackets]` print as they are). Without colour —
not a terminal, `NO_COLOR` set, `--output`, `--color never` — rich is not even imported: one-file pre-commit
runs must start fast.

Paths, messages and source lines show their control characters as escapes (`\x1b`, `\n`; see
artlint.safetext): they come from articles, file names and servers. A tab in a source line is
a space, which keeps the marker under its span.
"""

from __future__ import annotations

import unicodedata

from artlint.findings import Severity
from artlint.reporters import rule_counts, tally_of, wants_colour
from artlint.safetext import visible

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SNIPPET_CONTEXT = 24  # characters kept before the marked span when a line is cut
PLAIN_WIDTH = 100


class Text:
    """A line of (text, style) pieces."""

    def __init__(self, text: str = "", style: str | None = None):
        self.pieces: list[tuple[str, str | None]] = [(text, style)] if text else []

    def append(self, text: str, style: str | None = None) -> "Text":
        self.pieces.append((text, style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)


class _Cells(dict):
    """A `str.translate` table that writes each East Asian wide or full-width character as two
    characters and any other as itself, so that a text's length after it is its cells; filled
    as characters are met (a report meets a few thousand)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        cells = "  " if unicodedata.east_asian_width(char) in "WF" else char
        self[code] = cells
        return cells


_CELLS = _Cells()


def cell_len(text: str) -> int:
    """Terminal cells the text takes: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return len(text.translate(_CELLS))


def _fitting(line: str, left: int, budget: int) -> int:
    """The end of the longest stretch of `line` from `left` that fits in `budget` cells: a
    character takes at least one cell, so it ends by `left + budget`, and a binary search finds
    it in a few measures of short slices (a character at a time was half a report's time)."""
    low, high = left, min(len(line), left + budget)
    while low < high:
        middle = (low + high + 1) // 2
        if cell_len(line[left:middle]) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


BLANK = Text()  # an empty line; emit() never changes the line it is given


def _rich_emitter(stream, settings):
    # Imported here: only coloured output needs rich (start-up speed).
    from rich.console import Console
    from rich.text import Text as RichText

    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False, force_terminal=True)

    def emit(line: Text = BLANK) -> None:
        rich = RichText()
        for text, style in line.pieces:
            rich.append(text, style=style)
        console.print(rich)

    return emit, console.width


def write(result, stream, settings) -> None:
    plain = not wants_colour(stream, settings.color)
    if not plain:
        emit, width = _rich_emitter(stream, settings)
    else:
        width = PLAIN_WIDTH

        def emit(line: Text = BLANK) -> None:
            stream.write(line.plain + "\n")

    if settings.statistics:
        _statistics(emit, result)
    else:
        previous = shown_path = None
        for finding in result.findings:
            if finding.path != previous:
                if previous is not None and not settings.quiet:
                    emit()
                previous, shown_path = finding.path, visible(finding.path)  # once a file, not once a finding
            if plain:
                message = finding.message if finding.message.isprintable() else visible(finding.message)
                fixable = "[*] " if finding.fix is not None and finding.fix.safe else ""  # as in colour
                stream.write(f"{shown_path}:{finding.line}:{finding.column}  {finding.severity}  {finding.rule}  {fixable}{message}\n")
            else:
                emit(_headline(finding))
            if not settings.quiet and finding.snippet is not None:
                for line in _snippet(finding, max(width, 80)):
                    emit(line)
    if not settings.quiet:
        emit()
        emit(_summary(result))


def _headline(finding) -> Text:
    severity = str(finding.severity)
    text = Text()
    text.append(f"{visible(finding.path)}:{finding.line}:{finding.column}", style="bold")
    text.append("  ")
    text.append(severity, style=STYLES[severity])
    text.append("  ")
    text.append(finding.rule, style="magenta")
    text.append("  ")
    if finding.fix is not None and finding.fix.safe:
        text.append("[*] ", style="cyan")  # as ruff marks what --fix repairs
    text.append(visible(finding.message))
    return text


def _snippet(finding, width: int) -> list[Text]:
    line = finding.snippet.replace("\t", " ")
    start = min(finding.column - 1, len(line))
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    if not line.isprintable():
        line, start, end = _escaped(line, start, max(end, start))
    end = min(max(end, start + 1), max(len(line), start + 1))
    gutter = f"{finding.line:>5} │ "
    budget = max(width - len(gutter) - 2, 20)
    # A line takes at least as many cells as it has characters: a paragraph of one line (most
    # Chinese articles) is not measured whole for every finding on it (11 % of a run's CPU
    # went to measuring lines, 14,000 findings on 1,000 articles; bench/stages.py).
    over = len(line) > budget or cell_len(line) > budget
    left = max(0, start - SNIPPET_CONTEXT) if over else 0
    right = _fitting(line, left, budget)
    visible = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    offset = cell_len(line[left:start]) + (1 if left else 0)
    marked = max(1, cell_len(line[start:min(end, right)]))
    code = Text(gutter, style="dim")
    code.append(visible)
    marker = Text(" " * (len(gutter) - 2) + "│ ", style="dim")
    marker.append(" " * offset + "^" * marked, style=STYLES[str(finding.severity)])
    return [code, marker]


def _escaped(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The line with its control characters shown as escapes, and the span moved to match."""
    return visible(line), len(visible(line[:start])), len(visible(line[:end]))


def _statistics(emit, result) -> None:
    severities: dict[str, Severity] = {}
    for finding in result.findings:
        severities.setdefault(finding.rule, finding.severity)
    for rule, count in sorted(rule_counts(result).items(), key=lambda item: (-item[1], item[0])):
        line = Text(f"{count:>7}  ")
        line.append(str(severities[rule]).ljust(8), style=STYLES[str(severities[rule])])
        line.append(rule)
        emit(line)


def _summary(result) -> Text:
    tally = tally_of(result)  # the findings were read, and counted, as they were written
    counts = tally.severity_counts()
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''}"
    seconds = f"{result.elapsed:.2f} s"
    total = tally.total
    if not total:
        return Text(f"No findings in {files} ({seconds}).", style="green")
    parts = [f"{count} {name}{'s' if count != 1 and name != 'info' else ''}" for name, count in counts.items() if count]
    text = Text(f"{total} finding{'s' if total != 1 else ''} in {files} ({seconds}): ")
    text.append(", ".join(parts))
    safe, unsafe = tally.safe_fixes, tally.unsafe_fixes
    if safe or unsafe:
        text.append(f"\n[*] {safe} fixable with `artlint check --fix`")
        if unsafe:
            text.append(f" ({unsafe} more with `--fix --unsafe-fixes`)")
        text.append(".")
    return text

r"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

Paths and messages show their control characters as escapes (artlint.safetext), then get
GitHub's own encoding of `%`, CR and LF. Escaping first is on purpose: GitHub decodes `%0A` back
into a line break, which would put article text on a line of its own under the annotation; as
`\n` it stays in place, as in the text report. (A file whose name holds a control character
is annotated under the escaped name, so not beside its lines in the diff.)
"""

from __future__ import annotations

from artlint.safetext import visible

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return _command_encoded(visible(text))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command_encoded(text: str) -> str:
    """GitHub's encoding of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def write(result, stream, settings) -> None:
    for finding in result.findings:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", finding.path),
                ("line", finding.line),
                ("col", finding.column),
                ("endLine", finding.end_line),
                ("endColumn", finding.end_column),
                ("title", finding.rule),
            )
        )
        stream.write(f"::{LEVELS[str(finding.severity)]} {properties}::{escape_data(finding.message)}\n")

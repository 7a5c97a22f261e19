"""`--format json`: one JSON document with every finding and a summary.

The findings are written as they are read; the summary, which counts them, after them.
"""

from __future__ import annotations

from artlint import __version__
from artlint.reporters import tally_of, write_json_items


def write(result, stream, settings) -> None:
    def document(findings: list, read: bool) -> dict:
        tally = tally_of(result) if read else None  # before the findings are read, only the text before them is used
        return {
            "version": 1,
            "tool": {"name": "artlint", "version": __version__},
            "findings": findings,
            "summary": {
                "files": result.files_checked,
                "findings": tally.total,
                "by_severity": tally.severity_counts(),
                "by_rule": tally.rule_counts(),
                "elapsed_seconds": round(result.elapsed, 3),
            }
            if tally is not None
            else {},
        }

    write_json_items(document, (finding.to_dict() for finding in result.findings), stream)

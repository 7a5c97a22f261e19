"""`--format json`: one JSON document with every finding and a summary."""

from __future__ import annotations

from artlint import __version__
from artlint.reporters import rule_counts, severity_counts, write_json


def write(result, stream, settings) -> None:
    document = {
        "version": 1,
        "tool": {"name": "artlint", "version": __version__},
        "findings": [finding.to_dict() for finding in result.findings],
        "summary": {
            "files": result.files_checked,
            "findings": len(result.findings),
            "by_severity": severity_counts(result),
            "by_rule": rule_counts(result),
            "elapsed_seconds": round(result.elapsed, 3),
        },
    }
    write_json(document, stream)

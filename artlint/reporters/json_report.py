"""`--format json`: one JSON document with every finding and a summary."""

from __future__ import annotations

import json

from artlint import __version__
from artlint.reporters import rule_counts, severity_counts


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
    # one write: json.dump writes every token on its own, a system call each when the stream
    # is unbuffered (PYTHONUNBUFFERED, common in containers): 7,865 writes for 177 findings
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

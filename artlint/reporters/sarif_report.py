"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers.

Columns are Unicode code points (`columnKind: unicodeCodePoints`), 1-based, with
`endColumn` just after the last character, as artlint reports them everywhere.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from artlint import __version__, ruledocs
from artlint.reporters import write_json_items
from artlint.rules import all_rules

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule_descriptor(rule) -> dict:
    return {
        "id": rule.name,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": ruledocs.sections(rule).get("What it finds", rule.summary())},
        "help": {"text": ruledocs.body(rule), "markdown": ruledocs.markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)], "enabled": rule.enabled_by_default},
        "properties": {"tags": [rule.family]},
    }


def _artifact(path: str) -> dict:
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def _location(path: str, line: int, column: int, end_line: int | None = None, end_column: int | None = None) -> dict:
    region = {"startLine": line, "startColumn": column}
    if end_line is not None:
        region.update(endLine=end_line, endColumn=max(end_column or column, column if end_line > line else column + 1))
    return {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}


def _fix(path: str, fix) -> dict:
    """A SARIF fix: the edits as replacements of regions (an empty region inserts)."""
    replacements = []
    for edit in fix.edits:
        region = {"startLine": edit.line, "startColumn": edit.column, "endLine": edit.end_line, "endColumn": edit.end_column}
        replacement: dict = {"deletedRegion": region}
        if edit.replacement:
            replacement["insertedContent"] = {"text": edit.replacement}
        replacements.append(replacement)
    return {
        "description": {"text": fix.description + ("" if fix.safe else " (unsafe: applied only with --unsafe-fixes)")},
        "artifactChanges": [{"artifactLocation": _artifact(path), "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def _result(finding, index: dict[str, int]) -> dict:
    item = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[str(finding.severity)],
        "message": {"text": finding.message},
        "locations": [
            _location(finding.path, finding.line, finding.column, finding.end_line, finding.end_column)
        ],
    }
    if finding.related:
        item["relatedLocations"] = [
            {"id": number, **_location(r.path, r.line, r.column), "message": {"text": r.message}}
            for number, r in enumerate(finding.related)
        ]
    if finding.fix is not None:
        item["fixes"] = [_fix(finding.path, finding.fix)]
    return item


def _document(results: list, rules: list[dict]) -> dict:
    root = Path.cwd().as_uri() + "/"
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "artlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(result, stream, settings) -> None:
    """The document, each result written as its finding is read (the results come last)."""
    rules = list(all_rules().values())
    index = {rule.name: position for position, rule in enumerate(rules)}
    descriptors = [_rule_descriptor(rule) for rule in rules]
    results = (_result(finding, index) for finding in result.findings)
    write_json_items(lambda items, read: _document(items, descriptors), results, stream)

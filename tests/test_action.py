"""The GitHub Action (action.yml): its `run:` steps, run as the runner would run them.

The steps are read from action.yml with PyYAML; their `${{ inputs.* }}` and `${{ steps.* }}`
expressions are filled in, their `if:` conditions decided, and each script is run with bash in
a copy of a fixture site. Steps that `uses:` another action (setup-python, upload-sarif,
upload-artifact) cannot run here: the test checks what they are given instead. The install
step (`pip install` of the action's folder) is skipped, as artlint is importable already
(installed from this checkout); nothing here touches the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from helpers import REPO

ACTION = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _defaults() -> dict[str, str]:
    return {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}


def _value(expression: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    match = re.fullmatch(r"inputs\.([\w-]+)", expression)
    if match:
        return inputs[match.group(1)]
    match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
    if match:
        return outputs.get(match.group(1), {}).get(match.group(2), "")
    raise AssertionError(f"an expression this test does not know: {expression}")


def _fill(text: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    return _EXPRESSION.sub(lambda match: _value(match.group(1), inputs, outputs), text)


def _condition(condition: str | None, inputs: dict[str, str]) -> bool:
    if condition is None:
        return True
    match = re.fullmatch(r"inputs\.([\w-]+) == '([^']*)'", condition.strip())
    assert match, f"a condition this test does not know: {condition}"
    return inputs[match.group(1)] == match.group(2)


def run_action(site: Path, **given: str) -> dict[str, Any]:
    """Run the action's steps in `site`; what each step printed and gave, by name."""
    inputs = {**_defaults(), **given}
    outputs: dict[str, dict[str, str]] = {}
    ran: dict[str, Any] = {"uses": []}
    for index, step in enumerate(ACTION["runs"]["steps"]):
        if not _condition(step.get("if"), inputs):
            continue
        if "uses" in step:
            ran["uses"].append((step["uses"], {key: _fill(str(value), inputs, outputs) for key, value in step.get("with", {}).items()}))
            continue
        if "pip install" in step["run"]:
            import artlint  # noqa: F401 - installed from this checkout: the step is skipped

            continue
        output_file = site.parent / f"github-output-{index}"
        output_file.write_text("")
        env = {
            **os.environ,
            **{key: _fill(str(value), inputs, outputs) for key, value in step.get("env", {}).items()},
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_ACTION_PATH": str(REPO),
            "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
            "NO_COLOR": "1",
        }
        assert "${{" not in step["run"], "inputs reach scripts as environment variables only"
        # As the runner runs a `shell: bash` step.
        completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=site, env=env, capture_output=True, text=True, timeout=300)
        ran[step.get("id") or step.get("name")] = completed
        pairs = [line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line]
        outputs[step.get("id", "")] = dict(pairs)
    ran["outputs"] = {name: _fill(spec["value"], inputs, outputs) for name, spec in ACTION["outputs"].items()}
    return ran


@pytest.fixture
def site(tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(REPO / "tests" / "sites" / "hugo", copy)
    return copy


def test_the_action_is_composite_and_sets_up_python_first() -> None:
    steps = ACTION["runs"]["steps"]
    assert ACTION["runs"]["using"] == "composite"
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    install = next(step for step in steps if "pip install" in step.get("run", ""))
    assert '"$GITHUB_ACTION_PATH"' in install["run"], "artlint is installed from the action's own folder"
    for step in steps:
        assert "run" not in step or step.get("shell") == "bash", "a composite action's run steps name their shell"


def test_annotations_sarif_and_html_report(site: Path) -> None:
    ran = run_action(site, paths="content", args="--offline", sarif="true", **{"html-report": "true"})
    check = ran["check"]
    assert check.returncode == 0, check.stderr  # the check step passes; the last step fails
    assert re.search(r"^::(error|warning|notice) file=content/", check.stdout, re.M), check.stdout
    assert ran["outputs"]["exit-code"] == "1"
    assert ran["Fail when artlint did"].returncode == 1

    sarif = json.loads((site / "artlint.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0"
    jsonschema.validate(sarif, json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8")))
    assert sarif["runs"][0]["results"]
    html = (site / "artlint-report.html").read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")

    uses = dict(ran["uses"])
    assert uses[next(name for name in uses if name.startswith("github/codeql-action/upload-sarif@"))]["sarif_file"] == "artlint.sarif"
    artifact = uses[next(name for name in uses if name.startswith("actions/upload-artifact@"))]
    assert artifact == {"name": "artlint-report", "path": "artlint-report.html"}


def test_reports_are_off_unless_asked_and_a_clean_run_passes(site: Path) -> None:
    (site / "clean").mkdir()
    shutil.copy(REPO / "examples" / "clean-article.md", site / "clean" / "article.md")
    ran = run_action(site, paths="clean", args="--offline --fail-on error")
    assert ran["outputs"]["exit-code"] == "0", ran["check"].stdout + ran["check"].stderr
    assert ran["Fail when artlint did"].returncode == 0
    assert [name for name, _ in ran["uses"]] == [ACTION["runs"]["steps"][0]["uses"]]
    assert not (site / "artlint.sarif").exists() and not (site / "artlint-report.html").exists()


def test_inputs_are_arguments_never_shell_code(site: Path) -> None:
    ran = run_action(site, paths="content; touch pwned $(touch pwned2)", args="--offline")
    assert not (site / "pwned").exists() and not (site / "pwned2").exists()
    # `content;`, `touch`, `$(touch` and the rest are paths that do not exist, and are said so.
    assert "content;" in ran["check"].stdout + ran["check"].stderr
    assert ran["outputs"]["exit-code"] != "0"

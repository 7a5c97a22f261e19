"""Small helpers shared by the tests."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files under root from {relative path: text or bytes}."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def artlint(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120, exact: bool = False, input: str | None = None):
    """Run the real command in a subprocess: (exit code, stdout, stderr). With `exact`, the
    output is as written (read as text, a CR would become a line break). `input` is given on
    standard input (else it is empty)."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if "FORCE_COLOR" not in (env or {}):
        environment.pop("FORCE_COLOR", None)  # the environment the tests run in stays out
    completed = subprocess.run(
        [sys.executable, "-m", "artlint", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=not exact,
        timeout=timeout,
        input=(input or "").encode("utf-8") if exact else (input or ""),
    )
    if exact:
        return completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    return completed.returncode, completed.stdout, completed.stderr


def cpu_seconds() -> float:
    """CPU time (user and system) of this process and of the child processes it has waited for.
    Time limits on a run are measured in it, not in wall time: other work on the machine, such
    as tests running beside on the other core, does not count."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# Seconds of CPU the loop in `machine_slowness` took on the machine the time limits were set on.
_REFERENCE_LOOP_SECONDS = 0.085


@functools.cache
def machine_slowness() -> float:
    """How many times slower than the machine the limits were set on this one runs Python, at
    least 1: the fastest of three runs of a fixed loop."""
    fastest = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for number in range(300_000):
            total += number % 7
        fastest = min(fastest, time.process_time() - started)
    return max(1.0, fastest / _REFERENCE_LOOP_SECONDS)


def cpu_limit(seconds: float) -> float:
    """A limit of `seconds` of CPU on the reference machine, for this one."""
    return seconds * machine_slowness()


def artlint_in_process(*args: str, cwd: Path) -> tuple[int, str, str]:
    """`artlint.cli.main` in this process, from cwd: (exit code, stdout, stderr). For tests that
    run the command on many small sites, where starting an interpreter each time is most of the
    cost; the CLI's own behaviour (exit, streams, signals) is tested through `artlint`."""
    from artlint.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


GOOD = """+++
title = "A good article"
date = 2024-05-31
+++

Nothing wrong here.
"""

NO_FRONT_MATTER = "Just text, no front matter.\n"

BAD_DATE = """---
title: Bad date
date: 2021-02-30
---

Text.
"""


def html_report_data(page: str) -> dict:
    """The findings of an HTML report, as the data its script renders from
    (artlint.reporters.html_report._findings_data)."""
    import json

    opening = '<script type="application/json" id="findings-data">'
    start = page.index(opening) + len(opening)
    return json.loads(page[start : page.index("</script>", start)])


def html_report_findings(page: str) -> list[dict]:
    """Each finding in an HTML report's data, with the text the page shows for it: `source` is
    the snippet's line as shown (ellipses included, the marked span too), `mark` the span."""
    data = html_report_data(page)
    strings = data["strings"]
    findings = []
    for path, items, *_ in data["files"]:
        for line, column, rule, severity, message, snippet, *related in items:
            finding = {
                "path": strings[path],
                "line": line,
                "column": column,
                "rule": strings[rule],
                "severity": data["severities"][severity],
                "message": strings[message],
                "source": None,
                "mark": None,
                "related": [f"{strings[m]}: {strings[p]}:{ln}:{col}" for m, p, ln, col in related],
            }
            if snippet:
                # offsets are UTF-16 code units, as in the page's script
                text, a, b, c, d = snippet
                units = strings[text].encode("utf-16-le")
                left, mark, right = (units[2 * start : 2 * end].decode("utf-16-le") for start, end in ((a, b), (b, c), (c, d)))
                finding["mark"] = mark or " "
                finding["source"] = ("…" if a > 0 else "") + left + finding["mark"] + right + ("…" if 2 * d < len(units) else "")
            findings.append(finding)
    return findings

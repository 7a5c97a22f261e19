"""File names are never options. pre-commit appends the staged files' names to a hook's entry:
a file named `--output=README.md` must not overwrite README.md with the report, nor one named
`--config=x.md` load x.md as the configuration. The hooks' entries end with `--`.

The hooks are run here as pre-commit runs them (test_pre_commit.py runs pre-commit itself, when
a wheelhouse lets it install artlint offline)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import BAD_DATE, NO_FRONT_MATTER, REPO, artlint, write

README = "# The site\n\nKept as it is.\n"
# As the configuration, this would hide every finding.
NOT_A_CONFIGURATION = 'fail-on = "never"\nselect = ["link"]\n'


def _hook_entries() -> dict[str, str]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return {hook["id"]: hook["entry"] for hook in hooks}


def _staged_names(repository: Path) -> list[str]:
    git = ["git", "-c", "core.quotepath=off"]
    subprocess.run([*git, "init", "-q"], cwd=repository, check=True)
    subprocess.run([*git, "add", "--", "."], cwd=repository, check=True)
    listed = subprocess.run([*git, "diff", "--cached", "--name-only", "-z"], cwd=repository, check=True, capture_output=True, text=True)
    return [name for name in listed.stdout.split("\0") if name]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("hook", sorted(_hook_entries()))
def test_staged_files_named_like_options_are_checked_as_files(tmp_path: Path, hook: str) -> None:
    entry = _hook_entries()[hook]
    assert shlex.split(entry)[-1] == "--"
    write(tmp_path, {"README.md": README, "--output=README.md": BAD_DATE, "--config=x.md": NO_FRONT_MATTER, "x.md": NOT_A_CONFIGURATION})
    names = _staged_names(tmp_path)
    assert "--output=README.md" in names and "--config=x.md" in names
    program, *arguments = shlex.split(entry)
    assert program == "artlint"
    command = [sys.executable, "-m", "artlint", *arguments, *names]  # what pre-commit runs
    completed = subprocess.run(command, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120)
    assert (tmp_path / "README.md").read_text("utf-8") == README
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "--output=README.md:3:7  error  front-matter-invalid-date" in completed.stdout
    assert "--config=x.md:1:1  warning  front-matter-missing" in completed.stdout


def test_after_a_double_dash_every_argument_is_a_file(tmp_path: Path) -> None:
    write(tmp_path, {"-q.md": NO_FRONT_MATTER, "--format=json": NO_FRONT_MATTER})
    code, out, _ = artlint("--", "-q.md", "--format=json", cwd=tmp_path)  # `check` is implied
    assert code == 1
    assert "-q.md:1:1  warning  front-matter-missing" in out and "--format=json:1:1  warning" in out


def test_an_option_after_the_double_dash_gets_a_hint(tmp_path: Path) -> None:
    # A hook's `args:` come after its entry's `--`: they must go into the entry or artlint.toml.
    code, out, _ = artlint("check", "--offline", "--quiet", "--", "--fail-on", cwd=tmp_path)
    assert code == 1
    assert out == "--fail-on:1:1  error  file-unreadable  no such file (after `--`, every argument is a file name, not an option)\n"

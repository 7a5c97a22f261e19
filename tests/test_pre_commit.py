"""The hooks of .pre-commit-hooks.yaml, run by the real `pre-commit try-repo` in a temporary git repository.

pre-commit installs artlint into an environment of its own. So that the test never reaches
the internet, it installs from a local wheelhouse (ARTLINT_WHEELHOUSE, made by .ci/run with
`pip wheel`) with the package index switched off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import BAD_DATE, GOOD, REPO, write

WHEELHOUSE = os.environ.get("ARTLINT_WHEELHOUSE")

pytestmark = pytest.mark.skipif(
    not WHEELHOUSE or not Path(WHEELHOUSE).is_dir() or shutil.which("git") is None,
    reason="needs git and ARTLINT_WHEELHOUSE, a folder of wheels of artlint's dependencies "
    "(made by .ci/run) so that pre-commit can install offline",
)


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(hook: str, files: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess:
    """The hook on `files`, or on every file of the repository when there are none."""
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), hook, *(["--files", *files] if files else ["--all-files"]), "--verbose"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hooks_run_on_the_files_passed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, {"content/bad.md": BAD_DATE, "content/good.md": GOOD, "notes.txt": "not markdown\n"})
    _git("init", "-q", cwd=site)
    _git("add", ".", cwd=site)
    home = tmp_path / "pre-commit-home"

    failed = _try_repo("artlint", ["content/bad.md", "content/good.md", "notes.txt"], site, home)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "content/bad.md:3:7  error  front-matter-invalid-date" in output
    assert "notes.txt" not in output.split("artlint (offline)", 1)[-1]

    passed = _try_repo("artlint", ["content/good.md"], site, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "artlint (offline)" in passed.stdout and "Passed" in passed.stdout

    online = _try_repo("artlint-online", ["content/bad.md"], site, home)
    assert online.returncode == 1, online.stdout + online.stderr
    assert "artlint (with network checks)" in online.stdout


def test_files_named_like_options_stay_file_names(tmp_path: Path) -> None:
    # `--files --output=README.md` would be pre-commit's own option: the whole repository instead.
    readme = "# The site\n"
    site = tmp_path / "site"
    write(site, {"README.md": readme, "--output=README.md": BAD_DATE, "--config=x.md": GOOD, "x.md": 'fail-on = "never"\n'})
    _git("init", "-q", cwd=site)
    _git("add", "--", ".", cwd=site)
    failed = _try_repo("artlint", [], site, tmp_path / "pre-commit-home")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "--output=README.md:3:7  error  front-matter-invalid-date" in output
    assert (site / "README.md").read_text("utf-8") == readme

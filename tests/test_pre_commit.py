"""The hooks of .pre-commit-hooks.yaml, run by the real `pre-commit run` in a temporary git repository.

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


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=_GIT_IDENTITY).stdout


_GIT_IDENTITY = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
}


@pytest.fixture(scope="module")
def hooks_repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """This working tree as it is (tracked and new files, edits not committed included) committed
    into a repository of its own: (its path, the commit, a pre-commit home shared by the tests).
    pre-commit installs artlint into an environment once per repository and commit, so the tests
    share one (`pre-commit try-repo` makes a new one each time: 20 s apiece)."""
    snapshot = tmp_path_factory.mktemp("hooks-repository")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO, check=True, capture_output=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = REPO / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    _git("init", "-q", cwd=snapshot)
    _git("add", "-A", cwd=snapshot)
    _git("commit", "-q", "-m", "snapshot", cwd=snapshot)
    return snapshot, _git("rev-parse", "HEAD", cwd=snapshot).strip(), tmp_path_factory.mktemp("pre-commit-home")


def _site_repository(site: Path, hooks: tuple[Path, str, Path]) -> None:
    """`site` as a git repository whose .pre-commit-config.yaml names both hooks of `hooks`."""
    repository, commit, _ = hooks
    config = f"repos:\n- repo: {repository}\n  rev: {commit}\n  hooks:\n  - id: artlint\n  - id: artlint-online\n"
    (site / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git("init", "-q", cwd=site)
    _git("add", "--", ".", cwd=site)


def _run_hook(hook: str, files: list[str], site: Path, hooks: tuple[Path, str, Path]) -> subprocess.CompletedProcess:
    """The hook on `files`, or on every file of the repository when there are none."""
    env = {
        **_GIT_IDENTITY,
        "PRE_COMMIT_HOME": str(hooks[2]),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, *(["--files", *files] if files else ["--all-files"]), "--verbose"],
        cwd=site, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hooks_run_on_the_files_passed(tmp_path: Path, hooks_repository: tuple[Path, str, Path]) -> None:
    site = tmp_path / "site"
    write(site, {"content/bad.md": BAD_DATE, "content/good.md": GOOD, "notes.txt": "not markdown\n"})
    _site_repository(site, hooks_repository)

    failed = _run_hook("artlint", ["content/bad.md", "content/good.md", "notes.txt"], site, hooks_repository)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "content/bad.md:3:7  error  front-matter-invalid-date" in output
    assert "notes.txt" not in output.split("artlint (offline)", 1)[-1]

    passed = _run_hook("artlint", ["content/good.md"], site, hooks_repository)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "artlint (offline)" in passed.stdout and "Passed" in passed.stdout

    online = _run_hook("artlint-online", ["content/bad.md"], site, hooks_repository)
    assert online.returncode == 1, online.stdout + online.stderr
    assert "artlint (with network checks)" in online.stdout


def test_files_named_like_options_stay_file_names(tmp_path: Path, hooks_repository: tuple[Path, str, Path]) -> None:
    # `--files --output=README.md` would be pre-commit's own option: the whole repository instead.
    readme = "# The site\n"
    site = tmp_path / "site"
    write(site, {"README.md": readme, "--output=README.md": BAD_DATE, "--config=x.md": GOOD, "x.md": 'fail-on = "never"\n'})
    _site_repository(site, hooks_repository)
    failed = _run_hook("artlint", [], site, hooks_repository)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "--output=README.md:3:7  error  front-matter-invalid-date" in output
    assert (site / "README.md").read_text("utf-8") == readme

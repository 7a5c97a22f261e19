"""`--fix` under hostile conditions: it never corrupts a file and never writes outside the tree.

Real processes on real files: two fixing runs at once, a file with two names, links leading
out of the tree, an edit the cache cannot see, and an edit saved while the network checks run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import artlint, write
from netserver import PlantedServer

ARTICLE = '+++\ntitle = "a"\n+++\n\nSee [the paper](http://www.nature.com/articles/{name}) first.\n'


def _article(name: str) -> str:
    return ARTICLE.format(name=name)


def _fixed(name: str) -> str:
    return _article(name).replace("http://", "https://")


def _fix(cwd: Path, *arguments: str) -> tuple[int, str, str]:
    return artlint("check", "--offline", "--no-cache", "--fix", *arguments, cwd=cwd)


def test_two_fixing_runs_at_once_fix_every_file_exactly_once(tmp_path: Path) -> None:
    """Two hooks (or an editor's on-save and a terminal) fixing one folder at the same time."""
    names = [f"a{number:03}" for number in range(100)]
    command = [sys.executable, "-m", "artlint", "check", "--offline", "--no-cache", "--fix", "--quiet", "-j", "1", "."]
    for round_ in range(3):
        folder = tmp_path / str(round_)
        write(folder, {f"{name}.md": _article(name) for name in names})
        runs = [subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        errors = [run.communicate(timeout=60)[1] for run in runs]
        for name in names:
            assert (folder / f"{name}.md").read_text("utf-8") == _fixed(name), errors
        counts = [int(error.rsplit("fixed ", 1)[1].split()[0]) for error in errors]
        assert sum(counts) == len(names), errors  # each file fixed once, by one run or the other
        assert [p.name for p in folder.iterdir() if not p.name.endswith(".md")] == []  # no temporary file left


def test_a_file_with_two_names_in_the_tree_is_fixed_once(tmp_path: Path) -> None:
    write(tmp_path, {"tree/real.md": _article("x1")})
    (tmp_path / "tree" / "a-twin.md").symlink_to("real.md")  # sorts first: the fix must go through it to real.md
    code, out, err = _fix(tmp_path, "tree")
    assert (tmp_path / "tree" / "real.md").read_text("utf-8") == _fixed("x1"), err
    assert (tmp_path / "tree" / "a-twin.md").is_symlink()
    assert os.readlink(tmp_path / "tree" / "a-twin.md") == "real.md"
    assert "fixed 1 finding in 1 file" in err


@pytest.mark.parametrize(
    "cwd, arguments",
    [("", ["tree"]), ("tree", ["."]), ("tree", ["a.md"]), ("tree", ["--diff", "a.md"])],
    ids=["folder-named", "current-folder", "file-named", "diff"],
)
def test_a_link_out_of_the_tree_is_never_written_through(tmp_path: Path, cwd: str, arguments: list[str]) -> None:
    write(tmp_path, {"outside/a.md": _article("x1"), "tree/artlint.toml": "", "tree/b.md": _article("x2")})
    (tmp_path / "tree" / "a.md").symlink_to(tmp_path / "outside" / "a.md")
    code, out, err = _fix(tmp_path / cwd, *arguments)
    assert (tmp_path / "outside" / "a.md").read_text("utf-8") == _article("x1")
    assert (tmp_path / "tree" / "a.md").is_symlink()
    outside = os.path.realpath(tmp_path / "outside" / "a.md")
    assert f"a.md: not fixed: it leads to {outside}, outside the folders checked (nothing was changed)" in err
    if "--diff" not in arguments and "a.md" not in arguments:
        assert (tmp_path / "tree" / "b.md").read_text("utf-8") == _fixed("x2")  # the rest of the tree is fixed


def test_a_link_inside_the_tree_to_a_sibling_folder_is_followed(tmp_path: Path) -> None:
    write(tmp_path, {"tree/real/a.md": _article("x1")})
    (tmp_path / "tree" / "site").mkdir()
    (tmp_path / "tree" / "site" / "a.md").symlink_to("../real/a.md")
    _fix(tmp_path, "tree/site")  # only site/ is checked: real/ is outside it
    assert (tmp_path / "tree" / "real" / "a.md").read_text("utf-8") == _article("x1")
    _fix(tmp_path, "tree")
    assert (tmp_path / "tree" / "real" / "a.md").read_text("utf-8") == _fixed("x1")


@pytest.mark.parametrize("online", [False, True], ids=["offline-run-cache", "online-file-cache"])
def test_an_edit_the_cache_cannot_see_is_fixed_as_it_now_is(tmp_path: Path, online: bool) -> None:
    """Same size, same modification time (rsync -t, cp -p, tar): the cache answers with the
    findings of the old text; the fix must come from the new one."""
    options = ["--select", "link-insecure"] if online else ["--offline"]
    path = write(tmp_path, {"a.md": _article("x1"), "artlint.toml": ""}) / "a.md"
    long_ago = 1_600_000_000_000_000_000  # not "racily clean": the cache trusts it
    os.utime(path, ns=(long_ago, long_ago))
    artlint("check", *options, ".", cwd=tmp_path)  # fills the cache
    edited = _article("x1").replace("See [the", "Se[the").replace("first.", "first!!!")  # the link moves 2 left
    assert len(edited) == len(_article("x1"))
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(long_ago, long_ago))
    code, out, err = artlint("check", *options, "--fix", ".", cwd=tmp_path)
    assert path.read_text("utf-8") == edited.replace("http://", "https://"), err
    assert "fixed 1 finding in 1 file" in err


class _EditingServer(PlantedServer):
    """Answers as the planted server does; on the first request for /moved, the author saves
    an edit of the article (a paragraph added at the top, moving every line below)."""

    article: Path
    edit = "A paragraph the author added while the links were checked.\n\n"

    def hit(self, method: str, path: str) -> int:
        if path == "/moved" and not self.requests_for("/moved"):
            text = self.article.read_text("utf-8")
            self.article.write_text(text.replace("+++\n\n", "+++\n\n" + self.edit, 1), encoding="utf-8")
        return super().hit(method, path)


def test_an_edit_saved_during_the_network_checks_survives(tmp_path: Path) -> None:
    with _EditingServer() as server:
        base = server.base
        text = f'+++\ntitle = "r"\n+++\n\nSee [the guide]({base}/moved) and [the paper](http://doi.org/10.1234/known).\n'
        configuration = 'select = ["link-insecure", "link-redirected"]\n[network]\ntimeout = 2\nretries = 0\ncheck-private = true\n'
        server.article = write(tmp_path, {"a.md": text, "artlint.toml": configuration}) / "a.md"
        code, out, err = artlint("check", "--no-cache", "--fix", "--unsafe-fixes", "a.md", cwd=tmp_path)
    expected = text.replace("+++\n\n", "+++\n\n" + _EditingServer.edit, 1).replace("http://doi.org", "https://doi.org")
    assert server.article.read_text("utf-8") == expected, err  # the edit kept, the offline fix made on it
    assert "a.md: 1 fix of link-redirected not applied: the file changed since they were found (run again)" in err
    assert "fixed 1 finding in 1 file" in err

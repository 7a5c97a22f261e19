"""`--fix` under hostile conditions: it never corrupts a file and never writes outside the tree.

Real processes on real files: two fixing runs at once, a file with two names, links and hard
links leading out of the tree, other users' files, an edit the cache cannot see, and an edit
saved while the network checks run.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from helpers import artlint, write
from netserver import PlantedServer

from artlint.config import Config
from artlint.engine import run
from artlint.fixing import FixError, checked_roots, fix_file, fix_targets

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
    # Where the link leads out of the project too, it is not even read (file-outside-root);
    # where it stays in the project but out of the folders named, --fix refuses it.
    refused = f"a.md: not fixed: it leads to {outside}, outside the folders checked (nothing was changed)" in err
    if "--diff" in arguments:
        assert refused or "a.md" not in out
    else:
        assert refused or "file-outside-root" in out
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


def test_a_file_with_hard_links_is_left_whole_under_every_name(tmp_path: Path) -> None:
    write(tmp_path, {"tree/a.md": _article("x1"), "tree/b.md": _article("x2")})
    (tmp_path / "elsewhere").mkdir()
    os.link(tmp_path / "tree" / "a.md", tmp_path / "elsewhere" / "a.md")
    code, out, err = _fix(tmp_path, "tree")
    assert (tmp_path / "tree" / "a.md").read_text("utf-8") == _article("x1")
    assert (tmp_path / "elsewhere" / "a.md").read_text("utf-8") == _article("x1")
    assert os.stat(tmp_path / "tree" / "a.md").st_nlink == 2
    assert "tree/a.md: not fixed: the file has 1 other name (hard links), which would keep the old text" in err
    assert (tmp_path / "tree" / "b.md").read_text("utf-8") == _fixed("x2")
    assert "fixed 1 finding in 1 file" in err


def test_mode_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, {"a.md": _article("x1")}) / "a.md"
    path.chmod(0o640)
    as_root = os.geteuid() == 0
    if as_root:
        os.chown(path, 1234, 1235)
    code, out, err = _fix(tmp_path, ".")
    assert path.read_text("utf-8") == _fixed("x1"), err
    info = path.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640
    if as_root:
        assert (info.st_uid, info.st_gid) == (1234, 1235)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to become two other users")
def test_another_users_file_is_left_alone_when_its_owner_cannot_be_kept() -> None:
    """A user who may write another user's file (a shared folder): the new file would be the
    fixer's, so the file is left as it is. The fix runs in a child process that became that
    user (the interpreter may live where other users cannot run it, so it is not started again)."""
    with tempfile.TemporaryDirectory() as shared:  # pytest's folders are root's only
        _check_another_users_file(Path(shared))


def _check_another_users_file(tmp_path: Path) -> None:
    path = write(tmp_path, {"a.md": _article("x1")}) / "a.md"
    tmp_path.chmod(0o777)
    path.chmod(0o666)
    os.chown(path, 1234, 1234)
    config = Config(root=tmp_path)
    result = run([str(path)], config, use_cache=False)
    [target] = fix_targets(result.findings, result.digests, checked_roots([str(tmp_path)], config), unsafe=False)
    assert _in_a_child_as(1235, lambda: fix_file(target, config, unsafe=False)) == (
        "not fixed: its owner and group (1234:1234) cannot be kept (nothing was changed)"
    )
    assert path.read_text("utf-8") == _article("x1")
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 1234)
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def _in_a_child_as(user: int, action) -> str:
    """Run `action` in a forked process as `user` (and group of the same number): "done", or
    the message of the FixError it raised."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        try:
            os.setgroups([])
            os.setgid(user)
            os.setuid(user)
            action()
            message = "done"
        except FixError as exc:
            message = str(exc)
        except BaseException as exc:
            message = repr(exc)
        os.write(writing, message.encode("utf-8"))
        os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as stream:
        message = stream.read().decode("utf-8")
    os.waitpid(child, 0)
    return message


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

"""Symbolic links out of the checked folder are not followed (file-outside-root): a pull
request that commits `env.md -> /proc/self/environ` must not get the CI job's environment
into any report, nor a link target such as `../../outside/secret.md` read for its headings."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from helpers import BAD_DATE, GOOD, NO_FRONT_MATTER, artlint, write

from artlint.boundary import work_tree

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="needs Linux's /proc")

MARKER = f"artlint-secret-{uuid.uuid4().hex}"
PASSWD_LINE = "root:x:0:0"
SLUG = "a-slug-only-the-file-outside-knows"
SECRET = f"---\ntitle: Secret\nslug: {SLUG}\n---\n\n# {MARKER} heading\n\n{MARKER} in the text.\n"
# Links from an article of the site out of it: to a file's headings, and to a page whose slug
# only the file outside knows (a site path with an unknown last segment is reported).
LINKING = GOOD + f"\n[one](../../outside/secret.md#no-such-heading) and [two](/{SLUG}/).\n"
FORMATS = ("text", "json", "sarif", "github", "html")


def _leaks(text: str) -> list[str]:
    return [secret for secret in (MARKER, PASSWD_LINE) if secret in text]


def _site(tmp_path: Path) -> Path:
    """tmp_path/site, with no configuration and no git work tree: the checked folder is the
    current one. Fifty articles, so that the files are checked by worker processes."""
    if work_tree(tmp_path) is not None:
        pytest.skip("the temporary folder lies in a git work tree, which would hold the files 'outside' too")
    write(tmp_path / "outside", {"secret.md": SECRET, "deep/also-secret.md": SECRET})
    site = write(tmp_path / "site", {"content/linking.md": LINKING, "shared/dated.md": BAD_DATE})
    write(site, {f"content/filler-{number:02}.md": GOOD for number in range(50)})
    content = site / "content"
    (content / "env.md").symlink_to("/proc/self/environ")
    (content / "passwd.md").symlink_to("/etc/passwd")
    (content / "notes.md").symlink_to("../../outside/secret.md")
    (content / "dated.md").symlink_to("../shared/dated.md")  # stays inside: checked as ever
    (content / "etc").symlink_to("/etc")  # a linked folder is not walked into, as before
    (site / "elsewhere").symlink_to(tmp_path / "outside")
    return site


def _outside(report: dict) -> dict[str, str]:
    return {f["path"]: f["message"] for f in report["findings"] if f["rule"] == "file-outside-root"}


def _run(site: Path, *arguments: str) -> tuple[int, str]:
    """The exit code and everything artlint wrote, the secret marker in its environment."""
    code, out, err = artlint("check", "--offline", *arguments, cwd=site, env={"ARTLINT_SECRET_MARKER": MARKER})
    assert "Traceback" not in err, err
    return code, out + err


@pytest.mark.parametrize("format", FORMATS)
def test_no_report_format_shows_what_a_link_out_points_at(tmp_path: Path, format: str) -> None:
    site = _site(tmp_path)
    arguments = ["--format", format, "--no-cache"]
    if format == "html":
        arguments += ["--output", "report.html"]
    code, output = _run(site, *arguments, "content")
    if format == "html":
        output += (site / "report.html").read_text("utf-8")
    assert code == 1
    assert _leaks(output) == []
    for name in ("content/env.md", "content/passwd.md", "content/notes.md"):
        assert name in output


def test_links_out_are_reported_by_name_and_links_inside_are_followed(tmp_path: Path) -> None:
    site = _site(tmp_path)
    _, output = _run(site, "--format", "json", "--no-cache", "content")
    report = json.loads(output)
    outside = f", outside the checked folder {site}: not read"
    messages = _outside(report)
    assert messages == {
        "content/env.md": f"a symbolic link leads to /proc/self/environ{outside}",
        "content/notes.md": f"a symbolic link leads to {tmp_path / 'outside' / 'secret.md'}{outside}",
        "content/passwd.md": f"a symbolic link leads to /etc/passwd{outside}",
    }
    assert ("content/dated.md", "front-matter-invalid-date") in {(f["path"], f["rule"]) for f in report["findings"]}
    assert report["summary"]["files"] == 55  # the links out count as files, as unreadable files do


def test_link_targets_outside_are_not_read_for_headings_or_slugs(tmp_path: Path) -> None:
    site = _site(tmp_path)
    _, output = _run(site, "--format", "json", "--no-cache", "content/linking.md")
    findings = [(f["rule"], f["message"]) for f in json.loads(output)["findings"]]
    # The heading link is not judged (its target is not read); the slug is not learned.
    assert not [message for rule, message in findings if rule == "link-anchor-missing"]
    assert [rule for rule, message in findings if SLUG in message] == ["link-target-missing"]


def test_files_named_on_the_command_line_and_linked_folders(tmp_path: Path) -> None:
    site = _site(tmp_path)
    named = ["content/env.md", "content/passwd.md", "content/notes.md", "elsewhere", "elsewhere/", "elsewhere/deep/also-secret.md"]
    code, output = _run(site, "--format", "json", "--no-cache", *named)
    assert code == 1 and _leaks(output) == []
    assert sorted(_outside(json.loads(output))) == [
        "content/env.md", "content/notes.md", "content/passwd.md", "elsewhere", "elsewhere/deep/also-secret.md",
    ]
    code, output = _run(site, "--no-cache", *named)  # the text report, with source lines
    assert code == 1 and _leaks(output) == []


def test_the_cached_second_run_reports_the_same(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "artlint.toml").write_text("", encoding="utf-8")  # a cache folder of its own, beside it
    first = _run(site, "--format", "json", "content")
    second = _run(site, "--format", "json", "content")
    assert _leaks(first[1] + second[1]) == []
    assert _outside(json.loads(first[1])) == _outside(json.loads(second[1]))
    assert len(_outside(json.loads(second[1]))) == 3


def test_within_one_git_work_tree_links_between_folders_are_followed(tmp_path: Path) -> None:
    repository = write(tmp_path / "repository", {"site/artlint.toml": "", "shared-notes/dated.md": BAD_DATE})
    (repository / "site" / "content").mkdir()
    (repository / "site" / "content" / "dated.md").symlink_to("../../shared-notes/dated.md")
    site = repository / "site"
    _, output = _run(site, "--format", "json", "--no-cache", "content")
    assert [f["rule"] for f in json.loads(output)["findings"]] == ["file-outside-root"]  # no repository: site/ is the root
    (repository / ".git").mkdir()
    _, output = _run(site, "--format", "json", "--no-cache", "content")
    assert [f["rule"] for f in json.loads(output)["findings"]] == ["front-matter-invalid-date"]


def test_a_configuration_linked_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    # Read, it would fail validation with a message that quotes it.
    write(tmp_path / "outside", {"pyproject.toml": f'[tool.artlint]\nselect = ["{MARKER}"]\n'})
    site = write(tmp_path / "site", {"a.md": NO_FRONT_MATTER, "config/artlint.toml": 'fail-on = "never"\n'})
    for name, target in (("pyproject.toml", tmp_path / "outside" / "pyproject.toml"), ("artlint.toml", Path("/proc/self/environ"))):
        (site / name).symlink_to(target)
        code, output = _run(site, "a.md")
        assert code == 2 and _leaks(output) == []
        assert output == f"artlint: error: {name}: a symbolic link to {target}, outside {site}: not read\n"
        (site / name).unlink()
    (site / "artlint.toml").symlink_to("config/artlint.toml")  # inside: read as ever
    code, output = _run(site, "a.md")
    assert code == 0 and "front-matter-missing" in output

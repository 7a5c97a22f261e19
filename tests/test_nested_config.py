"""A configuration file in a folder governs the files under it, as ruff's do: the nearest
one wins whole, the run's first one keeps the run's own settings, `--config` names one for all."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import NO_FRONT_MATTER, artlint, write

ARTICLE = "---\ntitle: A\n---\n\nSee [x](http://zh.wikipedia.org/x) and the the end.\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = write(
        tmp_path / "site",
        {
            "artlint.toml": 'ignore = ["link-insecure"]\n[rules.front-matter-required]\nkeys = ["title"]\n',
            "content/en/a.md": ARTICLE,
            "content/zh/artlint.toml": 'select = ["front-matter", "link-insecure"]\nexclude = ["drafts"]\nextensions = ["md", "mdx"]\n',
            "content/zh/b.md": ARTICLE,
            # a dated page beside it: the folder's pages carry dates, which zh's default keys ask of b.md
            "content/zh/dated.md": "---\ntitle: D\ndate: 2024-01-02\n---\n\nText.\n",
            "content/zh/c.mdx": NO_FRONT_MATTER,
            "content/zh/drafts/d.md": NO_FRONT_MATTER,
            "content/zh/deep/er/e.md": NO_FRONT_MATTER,
        },
    )
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    return site


def findings(cwd: Path, *arguments: str) -> list[tuple[str, str]]:
    """(path under content/, rule) of every finding."""
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", *arguments, cwd=cwd)
    assert code in (0, 1), err
    return sorted(((cwd / f["path"]).resolve().as_posix().split("/content/", 1)[1], f["rule"]) for f in json.loads(out)["findings"])


def test_the_nearest_configuration_governs_its_folder_whole(site: Path) -> None:
    assert findings(site, ".") == [
        ("en/a.md", "duplicate-word"),  # the root's rules, without link-insecure
        ("zh/b.md", "front-matter-required"),  # zh's: front-matter and link-insecure only; keys by default
        ("zh/b.md", "link-insecure"),
        ("zh/c.mdx", "front-matter-missing"),  # zh's extensions
        ("zh/deep/er/e.md", "front-matter-missing"),  # two folders below zh's configuration
    ]  # zh/drafts excluded by zh's configuration


def test_the_same_findings_from_the_root_a_subfolder_elsewhere_and_file_by_file(site: Path, tmp_path: Path) -> None:
    elsewhere = write(tmp_path / "elsewhere", {"artlint.toml": 'ignore = ["ALL"]\n'})
    whole = findings(site, ".")
    assert findings(elsewhere, str(site)) == whole
    assert findings(site / "content", ".") == whole
    zh = [finding for finding in whole if finding[0].startswith("zh/")]
    assert findings(site / "content" / "zh" / "deep", "..") == zh
    named = ["content/en/a.md", "content/zh/b.md", "content/zh/c.mdx", "content/zh/deep/er/e.md"]
    assert findings(site, *named) == whole
    assert findings(elsewhere, *(str(site / name) for name in named)) == whole


def test_command_line_selection_reaches_nested_configurations(site: Path) -> None:
    assert findings(site, "--select", "front-matter-missing", ".") == [
        ("zh/c.mdx", "front-matter-missing"),
        ("zh/deep/er/e.md", "front-matter-missing"),
    ]
    assert ("zh/b.md", "link-insecure") not in findings(site, "--ignore", "link-insecure", ".")


def test_an_explicit_configuration_governs_every_file(site: Path) -> None:
    found = findings(site, "--config", "artlint.toml", ".")
    assert ("zh/drafts/d.md", "front-matter-missing") in found
    assert not any(rule == "link-insecure" for _, rule in found)


def test_a_mistake_in_a_nested_configuration_is_exit_2_with_its_place(site: Path) -> None:
    write(site, {"content/zh/artlint.toml": 'select = ["front-matter"]\n\nexclud = ["drafts"]\n'})
    for arguments in (["."], ["content/zh/b.md"]):
        code, out, err = artlint("check", "--offline", *arguments, cwd=site)
        assert code == 2, out
        assert "content/zh/artlint.toml:3: unknown key 'exclud' in the configuration; did you mean 'exclude'?" in err
        assert "Traceback" not in err

"""`artlint init`: a commented artlint.toml that fits the site, loads, and never overwrites."""

from __future__ import annotations

import shutil
from pathlib import Path

import jsonschema
import pytest
from helpers import REPO, artlint, artlint_in_process, write

from artlint.config import json_schema, load_config, tomllib

SITES = sorted(path.name for path in (REPO / "tests" / "sites").iterdir() if path.is_dir())


@pytest.fixture
def copy(tmp_path: Path):
    def copied(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(REPO / "tests" / "sites" / name, target)
        return target

    return copied


@pytest.mark.parametrize("name", SITES)
def test_the_written_file_loads_and_a_check_runs_with_it(name: str, copy) -> None:
    site = copy(name)
    code, out, err = artlint_in_process("init", str(site), cwd=site.parent)
    assert (code, err) == (0, ""), err
    assert out.startswith(f"wrote {site / 'artlint.toml'}")
    path = site / "artlint.toml"
    text = path.read_text("utf-8")
    document = tomllib.loads(text)
    jsonschema.Draft7Validator(json_schema()).validate(document)
    config = load_config(str(path))
    assert config.path == path
    # Every setting written has its reason in a comment just above it or on its line.
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith(("#", " ", "]", "[")):
            assert lines[number - 1].startswith("#") or "#" in line, f"no reason given for {line!r}"
    code, out, err = artlint_in_process("check", "--offline", "--no-cache", "-q", ".", cwd=site)
    assert code in (0, 1), err  # 2 would be a configuration error


def test_required_keys_are_those_most_articles_have(tmp_path: Path) -> None:
    articles = {f"posts/{number:02}.md": f"---\ntitle: Post {number}\ndate: 2024-01-{number:02}\nauthor: Ann\n---\n\nText {number}.\n" for number in range(1, 9)}
    articles["posts/09.md"] = "---\ntitle: Nine\ndate: 2024-01-09\n---\n\nText nine.\n"
    articles["posts/10.md"] = "---\ntitle: Ten\ndate: 2024-01-10\ntags: []\n---\n\nText ten.\n"
    write(tmp_path, articles)
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "build").mkdir()
    code, _, err = artlint("init", cwd=tmp_path)
    assert code == 0, err
    text = (tmp_path / "artlint.toml").read_text("utf-8")
    document = tomllib.loads(text)
    # author: 8 of 10 articles (80 %); tags: empty in the one that has it.
    assert document["rules"]["front-matter-required"]["keys"] == ["date", "title", "author"]
    assert "80 % or more of 10 articles have these keys, not empty (date 100 %, title 100 %, author 80 %)" in text
    assert document["extend-exclude"] == ["build/**"]  # node_modules is excluded by default
    assert '"build/**",  # build output' in text
    assert "# [site]" in text and "\n[site]" not in text  # detection needed no help


def test_site_section_is_written_when_detection_needs_help(tmp_path: Path) -> None:
    write(tmp_path, {"package.json": '{"dependencies": {"vitepress": "^1.0"}}\n', "guide/a.md": "# A\n\nText.\n"})
    code, _, err = artlint("init", str(tmp_path), cwd=tmp_path)
    assert code == 0, err
    text = (tmp_path / "artlint.toml").read_text("utf-8")
    assert tomllib.loads(text)["site"] == {"generator": "vitepress"}
    assert "package.json depends on vitepress" in text
    code, _, err = artlint("check", "--offline", "--no-cache", ".", cwd=tmp_path)
    assert code in (0, 1), err


@pytest.mark.parametrize(
    "existing",
    [
        {"artlint.toml": "select = []\n"},
        {".artlint.toml": "select = []\n"},
        {"pyproject.toml": '[project]\nname = "x"\n\n[tool.artlint]\nfail-on = "error"\n'},
    ],
)
def test_an_existing_configuration_is_never_overwritten(tmp_path: Path, existing: dict[str, str]) -> None:
    write(tmp_path, {**existing, "a.md": "# A\n"})
    code, out, err = artlint("init", cwd=tmp_path)
    name = next(iter(existing))
    assert code == 2 and out == ""
    assert f"artlint: error: {name}{' [tool.artlint]' if name == 'pyproject.toml' else ''}: a configuration exists already; not overwritten" in err
    assert (tmp_path / name).read_text("utf-8") == existing[name]
    assert not (tmp_path / "artlint.toml").exists() or name == "artlint.toml"


def test_a_pyproject_without_a_tool_table_is_no_configuration(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n', "a.md": "---\ntitle: A\n---\n\nText.\n"})
    code, _, err = artlint("init", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "artlint.toml").is_file()


def test_init_of_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = artlint("init", "nowhere", cwd=tmp_path)
    assert code == 2 and "nowhere: no such folder" in err

"""front-matter-key-typo compares the form of the values too: a misspelt key keeps its value's form."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import artlint


def _post(folder: Path, name: str, extra: str) -> None:
    (folder / f"{name}.md").write_text(f"---\ntitle: {name}\n{extra}---\n\nText.\n", encoding="utf-8")


def _typos(folder: Path) -> tuple[int, list[tuple[str, str]]]:
    """The exit code of a key-typo check of the folder, and each finding's file and key."""
    code, out, _ = artlint("check", ".", "--offline", "--no-cache", "--select", "front-matter-key-typo", "--format", "json", cwd=folder)
    return code, sorted((finding["path"], finding["message"].split("'")[1]) for finding in json.loads(out)["findings"])


def test_a_key_whose_values_take_another_form_is_no_misspelling(tmp_path: Path) -> None:
    for number in range(6):
        _post(tmp_path, f"post-{number}", "translate: false\nurl: /x/\n")
    _post(tmp_path, "translated", "translator: 张三\nurls:\n  demo: https://demo.example.org/\n")
    _post(tmp_path, "misspelt", "transalte: true\nulr: /y/\n")
    assert _typos(tmp_path) == (1, [("misspelt.md", "transalte"), ("misspelt.md", "ulr")])


def test_a_taxonomy_the_hugo_configuration_declares_is_no_misspelling(tmp_path: Path) -> None:
    (tmp_path / "hugo.toml").write_text('title = "Notes"\n[taxonomies]\n  tag = "tags"\n  2021 = "2021"\n  2022 = "2022"\n', encoding="utf-8")
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    for number in range(6):
        _post(posts, f"post-{number}", "date: 2020-01-02\n2020: [books]\n")
    _post(posts, "declared", "date: 2021-01-02\n2021: [books]\n")
    _post(posts, "undeclared", "date: 2021-01-02\n2029: [books]\n")
    assert _typos(tmp_path) == (1, [("content/posts/undeclared.md", "2029")])

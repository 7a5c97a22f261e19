"""The repository's own files (README.md and its translations) are not pages of the site."""

from __future__ import annotations

from pathlib import Path

from helpers import artlint, write


def test_a_readme_and_its_translation_are_no_duplicate_titles(tmp_path: Path) -> None:
    site = write(tmp_path / "site", {
        "README.md": "# Article checker for static sites\n\nA tool that checks articles before they are published.\n",
        "README-zh_CN.md": "# Article checker for static sites\n\n一个在文章发布前检查文章的工具。\n",
        "posts/a.md": "---\ntitle: Checking articles before they are published\n---\n\nThe first post.\n",
        "posts/b.md": "---\ntitle: Checking articles before they are published\n---\n\nThe same title again.\n",
    })
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "duplicate-title", "README.md", "README-zh_CN.md", "posts", cwd=site)
    assert code in (0, 1), err
    assert "README" not in out
    assert "posts/b.md" in out and "same title as posts/a.md" in out

"""Links and images into a git submodule that the checkout has not fetched cannot be checked:
they are neither found nor reported missing (artlint.submodules)."""

from __future__ import annotations

from pathlib import Path

from helpers import artlint, write

GITMODULES = """[submodule "static/img"]
\tpath = static/img
\turl = https://example.org/blog_img.git
[submodule "static/slides"]
\tpath = static/slides
\turl = https://example.org/blog_slides.git
"""

PAGE = """---
title: Slides and pictures
date: 2024-05-01
---

![The mesh, drawn](/img/mesh.png)

The [slides of the talk](/slides/mesh.pdf), and [the notes](/notes/mesh.pdf).
"""


def _site(tmp_path: Path) -> Path:
    site = write(tmp_path / "site", {"hugo.toml": 'baseURL = "https://example.org/"\n', ".gitmodules": GITMODULES, "content/post/mesh.md": PAGE})
    (site / ".git").mkdir()
    (site / "static" / "img").mkdir(parents=True)  # an unfetched submodule: its folder is empty
    return site


def _findings(site: Path) -> str:
    code, out, err = artlint("check", "--offline", "--no-cache", "--quiet", "--select", "image-unreachable,link-target-missing", ".", cwd=site)
    assert code in (0, 1), err
    return out


def test_targets_in_unfetched_submodules_are_not_reported(tmp_path: Path) -> None:
    out = _findings(_site(tmp_path))
    assert "/img/mesh.png" not in out  # static/img: empty
    assert "/slides/mesh.pdf" not in out  # static/slides: absent
    assert "link target '/notes/mesh.pdf' not found" in out  # in no submodule


def test_a_fetched_submodule_is_checked(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "static" / "img" / "other.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert "image '/img/mesh.png' not found" in _findings(site)


def test_a_post_permalink_into_posts_kept_in_an_unfetched_submodule_cannot_be_checked(tmp_path: Path) -> None:
    modules = '[submodule "_posts"]\n\tpath = _posts\n\turl = https://example.org/posts.git\n'
    page = "---\ntitle: Donate\n---\n\nSee [the fund](/news/2016/07/13/distributed-fund/) and [the team](/team/).\n"
    site = write(tmp_path / "site", {"_config.yml": "permalink: /news/:year/:month/:day/:title/\n", ".gitmodules": modules, "donate.md": page})
    (site / ".git").mkdir()
    (site / "_posts").mkdir()
    out = _findings(site)
    assert "/news/2016/07/13/distributed-fund/" not in out
    assert "link target '/team/' not found" in out


def test_a_hugo_themes_static_files_in_an_unfetched_submodule_cannot_be_checked(tmp_path: Path) -> None:
    modules = '[submodule "themes/company"]\n\tpath = themes/company\n\turl = https://example.org/company-theme.git\n'
    page = "---\ntitle: Servers\ndate: 2024-05-01\n---\n\n![The console](/images/blog/console.webp) and [the theme](../../themes/company/README.md).\n"
    site = write(tmp_path / "site", {"hugo.toml": 'theme = "company"\n', ".gitmodules": modules, "content/blog/servers.md": page})
    (site / ".git").mkdir()
    (site / "themes" / "company").mkdir(parents=True)
    assert "not found" not in _findings(site)


def test_a_link_from_a_file_named_from_the_current_folder_into_an_unfetched_submodule(tmp_path: Path) -> None:
    modules = '[submodule "themes/company"]\n\tpath = themes/company\n\turl = https://example.org/company-theme.git\n'
    site = write(tmp_path / "site", {"hugo.toml": 'theme = "company"\n', ".gitmodules": modules, "README.md": "# Site\n\nSee [the theme's notes](themes/company/README.md).\n"})
    (site / ".git").mkdir()
    (site / "themes" / "company").mkdir(parents=True)
    code, out, err = artlint("check", "--offline", "--no-cache", "--quiet", "--select", "link-target-missing", "README.md", cwd=site)
    assert code == 0 and "not found" not in out, out + err

"""A project's Jekyll site that GitHub Pages builds itself (no workflow, no `CNAME`, no
`baseurl`) is published at `/<repository>/` on a host it shares with the owner's other project
sites: its links to `/other-project/` lead to them, not into the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write

from artlint.config import load_config
from artlint.engine import run

PAGE = """---
title: Risks
tags: Top Ten, Risks
---

See [the scanner project](/www-project-scanner/), [a lost page of ours](/guide/gone/) and [the guide](/guide/start/).
"""


def _findings(site: Path, rule: str) -> list[str]:
    config = load_config(None, site)
    config.project = site
    result = run([str(site)], config, use_cache=False)
    return sorted(finding.message for finding in result.findings if finding.rule == rule)


def _site(root: Path, remote: str, **more: str) -> Path:
    return write(
        root,
        {
            "_config.yml": "remote_theme: example-org/site-theme\ntitle: Top Ten\n",
            ".git/config": f'[remote "origin"]\n\turl = {remote}\n',
            "guide/start.md": "---\ntitle: Start\n---\n\nHello.\n",
            "risks.md": PAGE,
            **more,
        },
    )


def test_links_to_the_owners_other_project_sites_are_not_the_sites_own(tmp_path: Path) -> None:
    site = _site(tmp_path, "https://github.com/example-org/www-project-top-ten.git")
    assert _findings(site, "link-target-missing") == ["link target '/guide/gone/' not found"]


@pytest.mark.parametrize(
    ("remote", "more"),
    [
        ("https://github.com/example-org/example-org.github.io", {}),  # the owner's own site: at the host's root
        ("https://github.com/example-org/www-project-top-ten", {"CNAME": "top-ten.example.org\n"}),  # a domain of its own
        ("https://github.com/example-org/www-project-top-ten", {".github/workflows/pages.yml": "steps:\n  - uses: actions/deploy-pages@v4\n"}),
        ("https://gitlab.com/example-org/www-project-top-ten", {}),  # not GitHub Pages
    ],
)
def test_a_site_at_its_hosts_root_has_every_root_relative_link_checked(tmp_path: Path, remote: str, more: dict[str, str]) -> None:
    site = _site(tmp_path, remote, **more)
    assert _findings(site, "link-target-missing") == ["link target '/guide/gone/' not found", "link target '/www-project-scanner/' not found"]


def test_the_owners_own_remote_theme_reads_terms_in_the_sites_form(tmp_path: Path) -> None:
    assert _findings(_site(tmp_path, "git@github.com:example-org/www-project-top-ten.git"), "front-matter-schema") == []


def test_another_owners_remote_theme_is_assumed_to_list_terms(tmp_path: Path) -> None:
    site = _site(tmp_path, "git@github.com:someone/www-project-top-ten.git")
    assert _findings(site, "front-matter-schema") == ["tags: expected a list of strings, got the string 'Top Ten, Risks' (write ['Top Ten', 'Risks'])"]


def test_a_relative_link_stays_in_the_site(tmp_path: Path) -> None:
    post = "---\ntitle: Jest\n---\n\nSee [the CLI options]((https://nodejs.org/api/cli.html)) and [a lost one](../gone/).\n"
    site = _site(tmp_path, "https://github.com/example-org/www-project-top-ten.git", **{"_posts/2022-01-07-jest.md": post})
    assert _findings(site, "link-target-missing") == [
        "link target '(https://nodejs.org/api/cli.html)' not found",
        "link target '../gone/' not found",
        "link target '/guide/gone/' not found",
    ]


def test_a_readme_beside_the_site_is_checked_for_what_breaks_not_for_how_pages_read(tmp_path: Path) -> None:
    readme = "# Top Ten\n\n<img src=\"https://avatars.example.net/u/1\"> [here](http://www.owasp.org/) and [the notes](notes.md).\n"
    site = _site(tmp_path, "https://github.com/example-org/example-org.github.io", **{"README.md": readme})
    assert [m for m in _findings(site, "link-target-missing") if "notes" in m] == ["link target 'notes.md' not found"]
    assert _findings(site, "image-alt-text") == [] and _findings(site, "link-text-non-descriptive") == [] and _findings(site, "link-insecure") == []


def test_a_folder_without_a_generator_has_its_readme_checked_whole(tmp_path: Path) -> None:
    write(tmp_path, {"README.md": "# Notes\n\n<img src=\"https://avatars.example.net/u/1\"> and [here](notes.md).\n", "notes.md": "# Notes\n\nText.\n"})
    assert _findings(tmp_path, "image-alt-text") == ["image without alt text: describe what it shows"]

"""A site that GitHub's starter workflow builds with Pages' own address (`--baseURL "${{
steps.pages.outputs.base_url }}/"`) is published under `/<repository>/`: links that start with
it name the site's own files."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write

from artlint.config import load_config
from artlint.engine import run

WORKFLOW = """jobs:
  build:
    steps:
      - id: pages
        uses: actions/configure-pages@v5
      - run: |
          hugo \\
            --gc --minify \\
            --baseURL "${{ steps.pages.outputs.base_url }}/"
"""
POST = "---\ntitle: A\ndate: 2024-01-01\n---\n\n![the map](/handbook/img/map.png) and ![a lost one](/handbook/img/gone.png)\n"


def _unreachable(site: Path) -> list[str]:
    config = load_config(None, site)
    config.project = site
    result = run([str(site)], config, use_cache=False)
    return sorted(finding.message for finding in result.findings if finding.rule == "image-unreachable")


@pytest.mark.parametrize(
    ("remote", "found"),
    [
        ("https://github.com/example-org/handbook", ["image '/handbook/img/gone.png' not found"]),
        ("git@github.com:example-org/handbook.git", ["image '/handbook/img/gone.png' not found"]),
        # a user's or an organisation's own site is served from the root: /handbook/ is no base
        ("https://github.com/handbook/handbook.github.io", ["image '/handbook/img/gone.png' not found", "image '/handbook/img/map.png' not found"]),
    ],
)
def test_pages_address_from_the_workflow(tmp_path: Path, remote: str, found: list[str]) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": "#baseURL = 'https://example-org.github.io/handbook/'\n",
            ".github/workflows/hugo.yml": WORKFLOW,
            ".git/config": f'[remote "origin"]\n\turl = {remote}\n',
            "static/img/map.png": b"\x89PNG\r\n",
            "content/posts/a.md": POST,
        },
    )
    assert _unreachable(tmp_path) == found


def test_no_workflow_no_base(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "hugo.toml": "title = 'x'\n",
            ".git/config": '[remote "origin"]\n\turl = https://github.com/example-org/handbook\n',
            "static/img/map.png": b"\x89PNG\r\n",
            "content/posts/a.md": POST,
        },
    )
    assert _unreachable(tmp_path) == ["image '/handbook/img/gone.png' not found", "image '/handbook/img/map.png' not found"]

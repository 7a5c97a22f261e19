"""Drafts that the generator's default build leaves out: their text is not checked, unless the
configuration builds them or `[site] drafts = true` asks for it; their front matter still is."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import write

from artlint.config import load_config
from artlint.engine import run

SLIP = "The the slip stays in the draft.\n"


def _rules_found(site: Path) -> list[str]:
    config = load_config(None, site)
    config.project = site
    result = run([str(site)], config, use_cache=False)
    return sorted(finding.rule for finding in result.findings)


@pytest.mark.parametrize(
    ("files", "draft_path", "front_matter"),
    [
        ({"hugo.toml": "title = 'x'\n"}, "content/posts/a.md", "draft: true"),
        ({"hugo.toml": "title = 'x'\n"}, "content/posts/a.md", "published: false"),
        ({"config.toml": "base_url = 'https://example.org'\n"}, "content/a.md", "draft: true"),
        ({"docusaurus.config.js": "module.exports = { title: 'x' };\n"}, "docs/a.md", "draft: true"),
        ({"_config.yml": "title: x\n"}, "_posts/2024-01-01-a.md", "published: false"),
        ({"_config.yml": "title: x\n", "source/_posts/.keep": ""}, "source/_posts/a.md", "published: false"),
    ],
)
def test_a_draft_left_out_of_the_build_has_its_text_unchecked(tmp_path: Path, files: dict, draft_path: str, front_matter: str) -> None:
    write(tmp_path, {**files, draft_path: f"---\ntitle: A\ndate: 2024-01-01\n{front_matter}\n---\n\n{SLIP}"})
    assert _rules_found(tmp_path) == []
    (tmp_path / "artlint.toml").write_text("[site]\ndrafts = true\n", encoding="utf-8")
    assert _rules_found(tmp_path) == ["duplicate-word"]


@pytest.mark.parametrize(
    ("files", "draft_path", "front_matter"),
    [
        ({"hugo.toml": "buildDrafts = true\n"}, "content/posts/a.md", "draft: true"),  # the build takes drafts in
        ({"_config.yml": "unpublished: true\n"}, "_posts/2024-01-01-a.md", "published: false"),
        ({"_config.yml": "title: x\n"}, "_posts/2024-01-01-a.md", "draft: true"),  # Jekyll ignores `draft:`
        ({".eleventy.js": "module.exports = () => ({});\n"}, "posts/a.md", "draft: true"),  # Eleventy too, unless told
    ],
)
def test_a_draft_the_build_publishes_is_checked(tmp_path: Path, files: dict, draft_path: str, front_matter: str) -> None:
    write(tmp_path, {**files, draft_path: f"---\ntitle: A\ndate: 2024-01-01\n{front_matter}\n---\n\n{SLIP}"})
    assert _rules_found(tmp_path) == ["duplicate-word"]


def test_a_draft_keeps_its_front_matter_checked(tmp_path: Path) -> None:
    write(tmp_path, {"hugo.toml": "title = 'x'\n", "content/posts/a.md": f"---\ntitle: A\ndate: 2024-02-30\ndraft: true\n---\n\n{SLIP}"})
    assert _rules_found(tmp_path) == ["front-matter-invalid-date"]


ASTRO_ROUTE = """---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  const posts = await getCollection('blog', ({ data }) => import.meta.env.PROD ? !data.draft : true);
  return posts.map((post) => ({ params: { slug: post.id }, props: post }));
}
---
"""


@pytest.mark.parametrize(("route", "found"), [(ASTRO_ROUTE, []), (ASTRO_ROUTE.replace(" ? !data.draft : true", " && true"), ["duplicate-word"])])
def test_an_astro_site_leaves_drafts_out_where_its_code_filters_them(tmp_path: Path, route: str, found: list[str]) -> None:
    write(
        tmp_path,
        {
            "astro.config.mjs": "export default {};\n",
            "src/content.config.ts": "import { defineCollection } from 'astro:content';\nexport const collections = { blog: defineCollection({}) };\n",
            "src/pages/blog/[...slug].astro": route,
            "src/content/blog/a.md": f"---\ntitle: A\ndate: 2024-01-01\ndraft: true\n---\n\n{SLIP}",
        },
    )
    assert _rules_found(tmp_path) == found


def test_the_page_of_a_file_follows_its_front_matter_between_drafts_and_unpublished(tmp_path: Path) -> None:
    # The site remembers what it makes of a file by what its front matter says (an editor's
    # server asks again after each edit): `draft: true` and `published: false` are told apart.
    from artlint.sites import detect

    write(tmp_path, {"config.toml": "base_url = 'https://example.org'\n", "content/a.md": "---\ntitle: A\n---\n"})
    site = detect(str(tmp_path))
    assert site is not None and site.generator == "zola"
    file = str(tmp_path / "content" / "a.md")
    assert site.page(file, {"draft": True}).unbuilt
    assert not site.page(file, {"published": False}).unbuilt  # Zola reads `draft` alone
    assert site.page(file, {"draft": True}).unbuilt

"""The repository's own files (README.md and its translations) are not pages of the site."""

from __future__ import annotations

import json
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


def test_a_deprecation_note_in_an_example_folder_is_no_page(tmp_path: Path) -> None:
    """`example/DEPRECATED.md` beside a tutorial's manifests tells readers of the repository
    the folder is kept for old releases: no front matter is asked of it."""
    site = write(tmp_path / "site", {
        "content/docs/tutorial.md": "---\ntitle: A tutorial\n---\n\nApply the manifests in the example folder.\n",
        "content/docs/example/DEPRECATED.md": "These manifests are kept for releases before 1.2.\n",
        "content/docs/example/notes.md": "These notes have no front matter either.\n",
    })
    assert _front_matter_missing(site) == ["content/docs/example/notes.md"]


def test_a_repository_whose_site_is_in_home_keeps_its_own_files_apart(tmp_path: Path) -> None:
    """A project's Docusaurus site in `home/`: the markdown beside it (a compose script's
    README_CN.md, an app's help files) is the repository's, not pages missing front matter."""
    site = write(tmp_path / "project", {
        "home/docusaurus.config.js": "module.exports = {title: 'Monitor', url: 'https://monitor.example.org', baseUrl: '/'};\n",
        "home/docs/intro.md": "---\ntitle: Introduction\n---\n\nWhat the monitor does.\n",
        "script/compose/README_CN.md": "# 使用 docker compose 部署\n\n运行下面的命令。\n",
        "web-app/src/assets/doc/otlp.en-US.md": "Send logs over OTLP to the collector.\n",
    })
    assert _front_matter_missing(site) == []


def test_a_readme_named_by_region_is_the_repository_s(tmp_path: Path) -> None:
    site = write(tmp_path / "notes", {
        "posts/a.md": "---\ntitle: A post\ndate: 2024-01-02\n---\n\nText.\n",
        "tools/README_CN.md": "# 工具\n\n说明。\n",
        "tools/README_TW.md": "# 工具\n\n說明。\n",
    })
    assert _front_matter_missing(site) == []


def test_docs_published_by_another_repository_s_hugo_site(tmp_path: Path) -> None:
    """Docs kept in a project's repository on GitHub and copied into a Hugo site elsewhere:
    a ref by a page's name finds the page anywhere in the folder, a link to a folder is what
    GitHub lists, and a name no page has is still reported."""
    site = write(tmp_path / "project", {
        ".git/config": '[remote "origin"]\n\turl = https://github.com/example/operator.git\n',
        "example/scrape-configs/extra.yaml": "scrape_configs: []\n",
        "Documentation/getting-started/installation.md": "---\ntitle: Installation\n---\n\nInstall the operator.\n",
        "Documentation/developer/guide.md": (
            "---\ntitle: Developer guide\n---\n\n"
            'First [install the operator]({{< ref "installation.md" >}}), then read the\n'
            "[examples](../../example/scrape-configs).\n\n"
            'A page named nowhere: [the roadmap]({{< ref "roadmap.md" >}}).\n'
        ),
    })
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "link-target-missing", "--format", "json", ".", cwd=site)
    assert code == 1, out + err
    messages = [finding["message"] for finding in json.loads(out)["findings"]]
    assert messages == ["Hugo ref target 'roadmap.md' not found"], messages


def test_an_agent_skill_s_references_are_the_repository_s(tmp_path: Path) -> None:
    """`skills/<name>/SKILL.md` and the references beside it: read by the agent as they are."""
    site = write(tmp_path / "project", {
        "docs/guide.md": "---\ntitle: Guide\n---\n\nHow to run an experiment.\n",
        "skills/chaos/SKILL.md": "---\nname: chaos\ndescription: Runs chaos experiments.\n---\n\nUse the catalogue.\n",
        "skills/chaos/references/catalogue/pod-evicted.md": "# Pod evicted\n\nHow to inject it.\n",
        "notes/todo.md": "# Todo\n\nThings to write.\n",
    })
    assert _front_matter_missing(site) == ["notes/todo.md"]


def _front_matter_missing(site: Path) -> list[str]:
    """The paths `front-matter-missing` reports in a site, checked from its root."""
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "front-matter-missing", "--format", "json", ".", cwd=site)
    assert code in (0, 1), out + err
    return [finding["path"] for finding in json.loads(out)["findings"]]


def test_a_docs_repository_whose_front_matter_is_rare_is_read_as_notes(tmp_path: Path) -> None:
    """Two of twenty-five pages with a `description` in front matter: the exception, not the
    site's convention; with ten of twenty-five, the rest are pages missing theirs."""
    files = {f"docs/deploy/page-{number:02}.md": f"# Page {number}\n\nHow to deploy, part {number}.\n" for number in range(25)}
    files["docs/deploy/page-00.md"] = "---\ndescription: Deploying\n---\n\n# Page 0\n\nHow to deploy.\n"
    files["docs/deploy/page-01.md"] = "---\ndescription: Deploying\n---\n\n# Page 1\n\nHow to deploy.\n"
    assert _front_matter_missing(write(tmp_path / "rare", files)) == []
    for number in range(2, 10):
        files[f"docs/deploy/page-{number:02}.md"] = "---\ndescription: Deploying\n---\n\n# A page\n\nHow to deploy.\n"
    assert len(_front_matter_missing(write(tmp_path / "common", files))) == 15

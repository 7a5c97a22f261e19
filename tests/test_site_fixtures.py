"""Small sites of each generator, checked whole with the default rules: every finding is
marked in the files (`<!-- expect: RULE -->`, see fixture_runner), and every construct the
generator gives a meaning to (dates in file names, sections, translations, Liquid and Hexo
tags, shortcode ids, kramdown attribute lists, excluded and unbuilt folders) gives none."""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest
from fixture_runner import expected_findings
from helpers import artlint, write

from artlint import sites
from artlint.config import load_config
from artlint.engine import run
from artlint.paths import display_path

SITES = Path(__file__).parent / "sites"


@pytest.mark.parametrize("name", sorted(path.name for path in SITES.iterdir() if path.is_dir()))
def test_site(name: str) -> None:
    site = SITES / name
    expected: Counter = Counter()
    for file in sorted([*site.rglob("*.md"), *site.rglob("*.markdown")]):
        expected += expected_findings(file, display_path(file))
    config = load_config(None, site)
    config.project = site
    result = run([str(site)], config, use_cache=False)
    actual = Counter((finding.path, finding.line, finding.rule) for finding in result.findings)
    messages = "\n".join(f"{f.path}:{f.line}:{f.column} {f.rule} {f.message}" for f in result.findings)
    assert actual == expected, messages


def test_a_site_in_a_folder_named_like_an_archive_or_a_year_is_checked_from_the_repository_root(tmp_path: Path) -> None:
    # `digital-archive/` holds mkdocs.yml: the site's own folder, not an old copy beside it, and
    # so is `editions/2023/` (an edition a monorepo plugin builds); `docs-old/`, an mdBook kept
    # beside them, is one.
    write(tmp_path, {
        "editions/2023/mkdocs.yml": "site_name: editions/2023\ndocs_dir: .\n",
        "editions/2023/en/index.md": "# Top ten\n\nSee [the risks](risks.md).\n",
        "README.md": "# Docs\n\nThe site is in `digital-archive/`.\n",
        "docs-old/book.toml": "[book]\ntitle = \"Old docs\"\n",
        "docs-old/src/SUMMARY.md": "# Summary\n\n- [Intro](intro.md)\n",
        "docs-old/src/intro.md": "# Intro\n\nSee [the old guide](gone.md).\n",
        "digital-archive/mkdocs.yml": "site_name: Archive\n",
        "digital-archive/docs/index.md": "# Archive\n\nSee [the guide](guide.md) and [a lost page](lost.md).\n",
        "digital-archive/docs/guide.md": "# Guide\n\nText.\n",
    })
    code, out, err = artlint("check", ".", "--offline", "--no-cache", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert code == 0, err
    found = [(f["path"], f["rule"]) for f in json.loads(out)["findings"]]
    assert found == [("digital-archive/docs/index.md", "link-target-missing"), ("editions/2023/en/index.md", "link-target-missing")]


def test_a_hugo_home_page_checked_from_the_site_root(tmp_path: Path) -> None:
    # `artlint check .` names the files relative to where it runs: the home page's
    # `../images/me.jpg` is looked for through the site model all the same (it is /images/me.jpg).
    write(tmp_path, {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/_index.md": '+++\ntitle = "About"\n+++\n\n<img src="../images/me.jpg" alt="me">\n\n![me](../images/me.jpg) and ![lost](../images/lost.jpg)\n',
        "static/images/me.jpg": b"\xff\xd8\xff",
    })
    code, out, err = artlint("check", ".", "--offline", "--no-cache", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert code == 0, err
    found = [(f["path"], f["line"], f["rule"]) for f in json.loads(out)["findings"]]
    assert found == [("content/_index.md", 7, "image-unreachable")], out


def test_artlint_site_prints_the_model(tmp_path: Path) -> None:
    code, out, err = artlint("site", str(SITES / "hugo"), cwd=tmp_path)
    assert code == 0, err
    assert "generator    hugo (from " in out and "hugo.toml)" in out
    assert "content/en (en), content/zh (zh)" in out
    assert "  drafts       left out of the build: their text is not checked" in out
    assert "content/fa" in out.split("not content")[1]  # a folder no language names is not built
    # archetypes, themes and content/fa are not walked; docs are pages; org-notes/ is an Org
    # page's bundle; content/en/_header.md is a theme's header, no page
    assert "pages        41 article, 23 page, 2 repository, 8 section\n" in out
    assert "by language  de 1, en 66, tr 1, zh 6\n" in out
    code, out, _ = artlint("site", "--format", "json", ".", cwd=SITES / "jekyll")
    [model] = json.loads(out)
    assert model["generator"] == "jekyll" and model["languages"] == ["en", "zh-cn"]
    assert model["plugin-page-folders"] == ["packages"]
    assert model["pages"] == {"article": 27, "page": 35, "partial": 3, "repository": 2}  # `_docker.md` is a block pages include; `_samples/` has no pages (output: false); `_posts/template.md`, undated, is never built
    assert model["pages-by-language"] == {"en": 66, "zh-cn": 1}
    assert model["permalink-defaults"] == [{"path": "", "type": "posts", "permalink": "/:year/:title/"}]


def test_artlint_site_prints_docusaurus_plugin_folders(tmp_path: Path) -> None:
    code, out, err = artlint("site", str(SITES / "docusaurus-plugins"), cwd=tmp_path)
    assert code == 0, err
    assert "  served       docs at /2.x (docs), versioned_docs/version-1.0 at / (docs), changes at /release-notes (blog), news at /news (blog), tools at /tools (docs), src/pages at / (pages)\n" in out
    assert "  list pages   /release-notes, /news (a blog plugin lists its posts there)\n" in out
    # pub/ is no plugin's folder: the repository's; tools/_setup.md is imported, tools/_sidebar.md is not (never built)
    assert "  pages        3 article, 7 page, 1 partial, 1 repository\n" in out


def test_docusaurus_default_locale_is_the_docs_language_wherever_the_list_names_it(tmp_path: Path) -> None:
    # `defaultLocale: "zh-cn", locales: ["en", "zh-cn"]`: docs/ is Chinese, i18n/en/ the translation.
    code, out, err = artlint("site", "--format", "json", str(SITES / "docusaurus-default-locale"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["languages"] == ["zh-cn", "en"] and model["language-folders"] == {"i18n/en": "en"}
    assert model["pages-by-language"] == {"en": 1, "zh-cn": 1}


def test_a_docusaurus_default_locale_with_its_own_i18n_folder_leaves_docs_to_another(tmp_path: Path) -> None:
    # `defaultLocale: "en"` whose text is in i18n/en/: each locale reads its i18n/ folder before
    # docs/, which then holds the text of the locale without a folder (zh).
    (tmp_path / "docusaurus.config.js").write_text("module.exports = { i18n: { defaultLocale: 'en', locales: ['zh', 'en'] } };\n", encoding="utf-8")
    (tmp_path / "i18n" / "en" / "docusaurus-plugin-content-docs" / "current").mkdir(parents=True)
    parts = sites._docusaurus_parts(str(tmp_path), {"_text": (tmp_path / "docusaurus.config.js").read_text(encoding="utf-8")})
    assert parts["languages"] == ("zh", "en") and parts["language_folders"] == (("i18n/en", "en"),)


@pytest.mark.parametrize(
    ("name", "text", "blackfriday"),
    [
        ("Dockerfile", 'ARG HUGO_VERSION="0.55.6"\n', True),
        ("Dockerfile", "ENV HUGO_VERSION=0.111.3\n", False),
        (".gitlab-ci.yml", "variables:\n  HUGO_VERSION: '0.58.3'\n", True),
        ("netlify.toml", '[build.environment]\nHUGO_VERSION = "0.120.4"\n', False),
    ],
)
def test_the_hugo_a_build_file_pins_decides_the_markdown_renderer(tmp_path: Path, name: str, text: str, blackfriday: bool) -> None:
    (tmp_path / "hugo.toml").write_text('title = "x"\n', encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert sites._hugo_parts(str(tmp_path), {})["blackfriday"] is blackfriday


def test_hugo_reads_permalinks_and_dates_the_default_language_sets(tmp_path: Path) -> None:
    settings = {
        "defaultContentLanguage": "en",
        "languages": {
            "en": {"contentDir": "content/en", "permalinks": {"blog": "/:year/:month/:day/:filename"}, "frontmatter": {"date": [":filename", ":default"]}},
            "fr": {"contentDir": "content/fr", "permalinks": {"blog": "/:year/:month/:day/:filename"}},
        },
    }
    parts = sites._hugo_parts(str(tmp_path), settings)
    assert parts["permalinks"] == (("blog", "/:year/:month/:day/:filename"),)
    assert ("frontmatter.date", ":filename") in parts["url_settings"]
    settings["permalinks"] = {"blog": "/news/:slug/"}  # the language's table wins over the top level's
    assert sites._hugo_parts(str(tmp_path), settings)["permalinks"] == (("blog", "/:year/:month/:day/:filename"),)
    del settings["languages"]["en"]["permalinks"]
    assert sites._hugo_parts(str(tmp_path), settings)["permalinks"] == (("blog", "/news/:slug/"),)


def test_a_docusaurus_preset_without_docs_leaves_docs_to_the_plugins(tmp_path: Path) -> None:
    text = """module.exports = {
      presets: [['classic', { docs: false, blog: { path: 'blog' } }]],
      plugins: [['@docusaurus/plugin-content-docs', { id: 'book', path: 'docs/book', routeBasePath: 'book' }]],
    };"""
    parts = sites._docusaurus_parts(str(tmp_path), {"_text": text})
    assert parts["content"] == ("blog", "docs/book", "src/pages")


@pytest.mark.parametrize(
    ("extra", "pinned", "embedded"),
    [
        ({}, "", True),
        ({}, "0.110.0", False),  # before 0.123: no embedded hook
        ({"markup": {"goldmark": {"renderHooks": {"link": {"useEmbedded": "never"}}}}}, "", False),
        ({"markup": {"goldmark": {"duplicateResourceFiles": True}}}, "", False),
    ],
)
def test_hugo_s_embedded_link_hook_runs_on_a_multilingual_site_of_one_host(tmp_path: Path, extra: dict, pinned: str, embedded: bool) -> None:
    if pinned:
        (tmp_path / "netlify.toml").write_text(f'[build.environment]\nHUGO_VERSION = "{pinned}"\n', encoding="utf-8")
    languages = {"en": {"contentDir": "content/en"}, "fr": {"contentDir": "content/fr"}}
    assert sites._hugo_parts(str(tmp_path), {"languages": languages, **extra})["embedded_link_hook"] is embedded
    languages["fr"]["baseURL"] = "https://fr.example.org/"  # a host per language
    assert sites._hugo_parts(str(tmp_path), {"languages": languages, **extra})["embedded_link_hook"] is False


def test_artlint_site_counts_the_mdx_pages_a_check_leaves_out(tmp_path: Path) -> None:
    code, out, err = artlint("site", str(SITES / "docusaurus"), cwd=tmp_path)
    assert code == 0, err
    assert '  not walked   1 .mdx file (add "mdx" to `extensions` to check it)\n' in out
    (tmp_path / "artlint.toml").write_text('extensions = ["md", "mdx"]\n', encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "docusaurus.config.js").write_text("module.exports = {};\n", encoding="utf-8")
    (site / "docs").mkdir()
    (site / "docs" / "a.mdx").write_text("# A\n\nText.\n", encoding="utf-8")
    code, out, err = artlint("site", "--format", "json", "site", cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out)[0]["unwalked-mdx"] == 0
    code, out, err = artlint("check", "--offline", "--no-cache", "site", cwd=tmp_path)
    assert code == 0 and "mdx" not in err, err


def test_a_check_says_how_many_mdx_pages_it_left_out(tmp_path: Path) -> None:
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", str(SITES / "docusaurus"), cwd=tmp_path)
    assert 'artlint: warning: 1 .mdx file not checked: add "mdx" to `extensions` in the configuration to check it\n' in err
    assert json.loads(out)["summary"]["files"] > 0


def test_artlint_site_shows_translated_fragments_by_language(tmp_path: Path) -> None:
    # jekyll-multiple-languages-plugin: `_i18n/<lang>/` holds blocks that pages include, one
    # folder per language; its `_posts` are posts of that language.
    code, out, err = artlint("site", str(SITES / "jekyll-i18n"), cwd=tmp_path)
    assert code == 0, err
    assert "  fragments    _i18n/en, _i18n/fr, _i18n/de, _i18n/nl, _i18n/gl\n" in out
    assert "  pages        2 article, 13 fragment, 6 page\n" in out
    assert "  by language  de 3, en 10, fr 6, gl 1, nl 1\n" in out


def test_without_the_plugin_i18n_files_are_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "_i18n" / "en").mkdir(parents=True)
    (site / "_i18n" / "fr").mkdir(parents=True)
    (site / "_config.yml").write_text('languages: ["en", "fr"]\n# gem "jekyll-multiple-languages-plugin"\n', encoding="utf-8")
    (site / "Gemfile").write_text('# gem "jekyll-multiple-languages-plugin"\n', encoding="utf-8")
    (site / "_i18n" / "en" / "a.md").write_text("Text.\n", encoding="utf-8")
    code, out, _ = artlint("site", "--format", "json", ".", cwd=site)
    [model] = json.loads(out)
    assert model["fragments"] == [] and model["pages"] == {"page": 1}
    (site / "Gemfile").write_text('source "https://rubygems.org"\ngem "jekyll-multiple-languages-plugin", "1.7.0"\n', encoding="utf-8")
    code, out, _ = artlint("site", "--format", "json", ".", cwd=site)
    [model] = json.loads(out)
    assert model["fragments"] == ["_i18n/en", "_i18n/fr"] and model["pages"] == {"fragment": 1}


def test_mkdocs_configuration_with_python_tags_is_read(tmp_path: Path) -> None:
    # `!!python/name:` tags (a slugify function) made the whole mkdocs.yml unreadable.
    code, out, err = artlint("site", "--format", "json", ".", cwd=SITES / "mkdocs")
    [model] = json.loads(out)
    assert model["host"] == "docs.example.org" and model["containers"] == ["!!!", "???", "==="]
    code, out, err = artlint("site", ".", cwd=SITES / "mkdocs")
    assert "  containers   !!! ??? === (Python-Markdown blocks" in out


def test_site_settings_correct_the_detection(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    (site / "posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    (site / "posts" / "2024-01-02-b.md").write_text("---\ntitle: B\ndate: 2024-01-02\n---\n\nText.\n", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--quiet", "--select", "front-matter-required", ".", cwd=site)
    assert out == ""  # a plain folder: the name gives the date
    (site / "artlint.toml").write_text('[site]\ngenerator = "hugo"\ncontent = ["."]\n', encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--quiet", "--select", "front-matter-required", ".", cwd=site)
    assert "posts/2024-01-01-a.md:1:1  error  front-matter-required  required key 'date' is missing" in out
    code, out, _ = artlint("site", "--format", "json", cwd=site)
    assert json.loads(out)[0]["generator"] == "hugo"
    (site / "artlint.toml").write_text('[site]\ngenerator = "gatsby"\n', encoding="utf-8")
    code, _, err = artlint("site", cwd=site)
    assert code == 2 and "artlint.toml:2: site.generator: expected one of hugo," in err


def test_installed_packages_are_no_pages_whatever_the_file_names_met_before(tmp_path: Path) -> None:
    # A language-suffixed page met first once made the page index walk into node_modules.
    site = tmp_path / "site"
    (site / "posts" / "node_modules" / "pkg").mkdir(parents=True)
    (site / "x.fr.md").write_text("---\ntitle: A\ndate: 2024-01-01\n---\n\n[p](/pkg-page/)\n", encoding="utf-8")
    (site / "posts" / "node_modules" / "pkg" / "pkg-page.md").write_text("# Package\n", encoding="utf-8")
    (site / "artlint.toml").write_text("", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--quiet", "--select", "link-target-missing", "x.fr.md", cwd=site)
    assert out.splitlines() == ["x.fr.md:6:5  error  link-target-missing  link target '/pkg-page/' not found"]


def test_hugo_pages_that_build_options_keep_unrendered_are_partials(tmp_path: Path) -> None:
    # `_common/_index.md` cascades `build: {render: never}` to its snippets; a bundle says
    # `headless: true`. Neither is a page: no title or date is asked of them. `bookmarks/`
    # cascades it to its regular pages only (`target: {kind: page}`): its list is a section.
    code, out, err = artlint("site", "--format", "json", ".", cwd=SITES / "hugo-render-hooks")
    assert code == 0, err
    [model] = json.loads(out)
    assert model["pages"] == {"article": 1, "page": 2, "partial": 5, "section": 2}  # docs/ pages are documentation


def test_a_hugo_themes_repository_is_a_hugo_site() -> None:
    # `theme.toml` beside `archetypes/`: the archetypes are templates (their TOML is Go template
    # code until `hugo new` fills it in), and the README is the repository's.
    code, out, err = artlint("site", "--format", "json", ".", cwd=SITES / "hugo-theme")
    assert code == 0, err
    [model] = json.loads(out)
    assert model["generator"] == "hugo" and model["config"].endswith("theme.toml")
    assert "archetypes" in model["not-content"] and model["pages"] == {"repository": 1}


@pytest.mark.parametrize("extensions, findings", [("  - admonition\n", 1), ("  - admonition\n  - pymdownx.magiclink\n", 0)])
def test_mkdocs_magiclink_links_bare_urls(tmp_path: Path, extensions: str, findings: int) -> None:
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(f"site_name: S\nmarkdown_extensions:\n{extensions}", encoding="utf-8")
    (site / "docs" / "index.md").write_text("# Home\n\nThe guide is at https://docs.example.org/guide for everyone.\n", encoding="utf-8")
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "bare-url", "--format", "json", ".", cwd=site)
    assert len(json.loads(out)["findings"]) == findings, err


@pytest.mark.parametrize(
    ("options", "found"),
    [
        ("", ["install-manually", "manually"]),  # no slugify: numbered ids, `#__tabbed_1_1`
        ("      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n", ["install-manually"]),
        ("      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n      combine_header_slug: true\n", ["manually"]),
    ],
)
def test_mkdocs_tabs_named_by_their_titles(tmp_path: Path, options: str, found: list) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: S\nmarkdown_extensions:\n  - pymdownx.tabbed:\n{options}", encoding="utf-8")
    page = "# Setup\n\n## Install\n\nSee [one](#manually) or [two](#install-manually).\n\n=== \"Manually\"\n\n    By hand.\n"
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "link-anchor-missing", "--format", "json", ".", cwd=tmp_path)
    assert sorted(finding["message"].split("'")[1] for finding in json.loads(out)["findings"]) == found, err


def test_a_jekyll_layout_is_never_read_outside_the_site(tmp_path: Path) -> None:
    # The layout named by a page's front matter decides whether it needs a title; a name that
    # climbs out of `_layouts/` (or a linked `_layouts`) must not make artlint read that file.
    outside = tmp_path / "outside.html"
    outside.write_text("<h1>{{ secret.title }}</h1>\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: S\n", encoding="utf-8")
    (site / "about.md").write_text("---\nlayout: ../../outside\n---\n\nAbout us.\n", encoding="utf-8")
    (site / "_layouts" / "linked.html").symlink_to(outside)
    (site / "team.md").write_text("---\nlayout: linked\n---\n\nOur team.\n", encoding="utf-8")
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "front-matter-required", "--format", "json", ".", cwd=site)
    assert sorted(f["path"] for f in json.loads(out)["findings"]) == ["about.md", "team.md"], err


def test_a_file_checked_alone_outside_any_repository_belongs_to_its_site(tmp_path: Path) -> None:
    # No artlint.toml and no git work tree around: the generator's configuration above the
    # file still says what it is (Hexo's front matter without its opening `---`).
    import shutil

    site = tmp_path / "blog"
    shutil.copytree(SITES / "hexo", site)
    post = site / "source" / "_posts" / "without-opening-fence.md"
    for cwd, named in ((post.parent, post.name), (tmp_path, str(post))):
        code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", named, cwd=cwd)
        assert json.loads(out)["findings"] == [], err
    code, out, _ = artlint("site", str(post), cwd=tmp_path)
    assert "generator    hexo" in out


def test_artlint_site_says_when_a_plugin_writes_ids(tmp_path: Path) -> None:
    code, out, err = artlint("site", str(SITES / "jekyll-plugin-ids"), cwd=tmp_path)
    assert code == 0, err
    assert "  plugin ids   a plugin or the site's own slug function gives heading ids" in out
    code, out, err = artlint("site", str(SITES / "jekyll"), cwd=tmp_path)
    assert "plugin ids" not in out  # a generator plugin that writes pages, not ids


def test_artlint_site_shows_the_path_the_site_is_published_under(tmp_path: Path) -> None:
    # `baseURL = "https://example.org/docs/"`: site paths that start with /docs name the site's files.
    code, out, err = artlint("site", str(SITES / "hugo-base-path"), cwd=tmp_path)
    assert code == 0, err
    assert "  base path    /docs (site paths that start with it name the site's own files)\n" in out
    code, out, _ = artlint("site", "--format", "json", ".", cwd=SITES / "hugo")
    assert json.loads(out)[0]["base-path"] == ""


@pytest.mark.parametrize(
    "generator, settings, base",
    [
        ("hugo", {"baseURL": "https://example.org/docs/"}, "/docs"),
        ("hugo", {"baseURL": "https://example.org/"}, ""),
        ("jekyll", {"url": "https://example.org", "baseurl": "/blog"}, "/blog"),
        ("jekyll", {"baseurl": ""}, ""),
        ("hexo", {"url": "https://example.org/blog", "root": "/blog/"}, "/blog"),
        ("zola", {"base_url": "https://example.org/notes"}, "/notes"),
        ("docusaurus", {"_text": "const config = { url: 'https://example.org', baseUrl: '/handbook/' }"}, "/handbook"),
        ("jekyll", {"baseurl": "{{ site.prefix }}"}, ""),  # a template: nothing to strip
    ],
)
def test_the_path_a_site_is_published_under(generator: str, settings: dict, base: str) -> None:
    assert sites._base_path(generator, settings) == base


def test_tabs_in_front_matter_are_hexos_spaces_only(tmp_path: Path) -> None:
    # hexo-front-matter turns indenting tabs into spaces (and js-yaml reads a tab after a dash
    # as one); Jekyll's Psych does neither: the same post is broken YAML there.
    post = (SITES / "hexo" / "source" / "_posts" / "tabbed-front-matter.md").read_bytes()
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: Jekyll\n", encoding="utf-8")
    (tmp_path / "_posts" / "2024-06-01-tabbed.md").write_bytes(post)
    code, out, _ = artlint("check", "--offline", "--quiet", "--select", "front-matter-syntax", ".", cwd=tmp_path)
    assert out.splitlines()[0].startswith("_posts/2024-06-01-tabbed.md:5:1  error  front-matter-syntax")


def test_artlint_site_says_which_shortcodes_read_src_from_the_root() -> None:
    code, out, err = artlint("site", "--format", "json", ".", cwd=SITES / "hugo-root-figure")
    assert code == 0, err
    [model] = json.loads(out)
    assert model["root-shortcodes"] == ["figure"]
    code, out, _ = artlint("site", ".", cwd=SITES / "hugo-root-figure")
    assert "figure shortcodes read src from the site's root" in out


def test_artlint_site_shows_content_mounted_below_the_root(tmp_path: Path) -> None:
    # A root config stub beside config/_default/: Hugo reads both, the folder winning, so its
    # module mounts count; `uploads` is served under /uploads, not at the site's root.
    code, out, err = artlint("site", str(SITES / "hugo-config-stub"), cwd=tmp_path)
    assert code == 0, err
    assert "  content      articles, uploads\n" in out
    assert "  mounted      uploads at /uploads\n" in out
    assert "  permalinks   posts: /:year/:month/:slug/\n" in out


def test_a_docusaurus_translation_of_nothing_is_checked_only_when_named() -> None:
    site = SITES / "docusaurus-i18n"
    retired = site / "i18n/zh-Hans/docusaurus-plugin-content-docs/current/retired.md"
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", str(retired), cwd=site)
    assert [finding["rule"] for finding in json.loads(out)["findings"]] == ["link-target-missing"], err


@pytest.mark.parametrize(
    "plugin, languages, folders, translated",
    [
        # mkdocs-static-i18n 1.x, suffix layout (its default): page.en.md beside page.md
        ("  - i18n:\n      languages:\n        - locale: en\n        - locale: zh\n          default: true\n", ["zh", "en"], {}, True),
        # 1.x, folder layout: every language in its folder, the default's too
        (
            "  - i18n:\n      docs_structure: folder\n      languages:\n        - locale: en\n          default: true\n        - locale: fr\n",
            ["en", "fr"],
            {"docs/en": "en", "docs/fr": "fr"},
            False,
        ),
        # 0.x: languages as keys, the default named apart; a language not built is left out
        ("  - i18n:\n      default_language: en\n      languages:\n        en: English\n        de: Deutsch\n", ["en", "de"], {}, True),
        ("  - i18n:\n      languages:\n        - locale: en\n          default: true\n        - locale: ru\n          build: false\n", [], {}, False),
    ],
)
def test_mkdocs_static_i18n_languages(tmp_path: Path, plugin: str, languages: list, folders: dict, translated: bool) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: S\nplugins:\n{plugin}", encoding="utf-8")
    code, out, err = artlint("site", "--format", "json", ".", cwd=tmp_path)
    model = json.loads(out)[0]
    assert (model["languages"], model["language-folders"], model["translated-links"]) == (languages, folders, translated), err


def test_mkdocs_static_i18n_leaves_out_the_folders_of_languages_it_does_not_build(tmp_path: Path) -> None:
    # Checked with mkdocs-static-i18n 1.3.1: a folder named as a locale is a language's, built
    # only when the language is configured and built; other folders are everyone's.
    for name in ("en", "fr", "es", "pt_BR", "de", "guide", "api"):
        (tmp_path / "docs" / name).mkdir(parents=True)
        (tmp_path / "docs" / name / "index.md").write_text("# Page\n", encoding="utf-8")
    plugin = (
        "  - i18n:\n      docs_structure: folder\n      languages:\n        - locale: en\n          default: true\n"
        "        - locale: fr\n        - locale: de\n          build: false\n"
    )
    (tmp_path / "mkdocs.yml").write_text(f"site_name: S\nplugins:\n{plugin}", encoding="utf-8")
    code, out, err = artlint("site", "--format", "json", ".", cwd=tmp_path)
    assert code == 0, err
    unbuilt = {path for path in json.loads(out)[0]["not-content"] if path.startswith("docs/")}
    assert unbuilt == {"docs/es", "docs/pt_BR", "docs/de"}
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n        - locale: en\n          default: true\n", encoding="utf-8")
    code, out, err = artlint("site", "--format", "json", ".", cwd=tmp_path)
    assert {path for path in json.loads(out)[0]["not-content"] if path.startswith("docs/")} == {"docs/es", "docs/pt_BR", "docs/de", "docs/fr"}, err


def test_course_folders_in_capitals_are_no_languages(tmp_path: Path) -> None:
    """`docs/CA/` and `docs/OS/` of a course's notes are computer architecture and operating
    systems: a language folder writes its code in lower case (`zh-CN`, `pt_BR`)."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Notes\n", encoding="utf-8")
    for folder in ("CA", "OS", "ds"):
        (tmp_path / "docs" / folder).mkdir(parents=True)
        (tmp_path / "docs" / folder / "index.md").write_text("# Notes\n\nWhat the course taught.\n", encoding="utf-8")
    code, out, err = artlint("site", str(tmp_path), cwd=tmp_path)
    assert code == 0, err
    assert "  by folder    -\n" in out
    (tmp_path / "docs" / "en").mkdir()
    (tmp_path / "docs" / "en" / "index.md").write_text("# Notes\n", encoding="utf-8")
    (tmp_path / "docs" / "zh-CN").mkdir()
    (tmp_path / "docs" / "zh-CN" / "index.md").write_text("# 笔记\n", encoding="utf-8")
    code, out, err = artlint("site", str(tmp_path), cwd=tmp_path)
    assert "  by folder    docs/en (en), docs/zh-CN (zh-cn)\n" in out, out


def test_a_hexo_site_rendered_by_markdown_it_reads_emphasis_as_commonmark(tmp_path: Path) -> None:
    """hexo-renderer-markdown-it in package.json: `**术语：**正文` shows its asterisks there, while
    marked (Hexo's default) makes it bold."""
    (tmp_path / "_config.yml").write_text("title: Notes\nsource_dir: source\n", encoding="utf-8")
    (tmp_path / "source" / "_posts").mkdir(parents=True)
    (tmp_path / "source" / "_posts" / "a.md").write_text("---\ntitle: A\ndate: 2024-01-01\n---\n\n**术语：**正文在这里。\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo": "^7.0.0", "hexo-renderer-marked": "^6.0.0"}}', encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "unclosed-emphasis", ".", cwd=tmp_path)
    assert code == 0, out
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo": "^7.0.0", "hexo-renderer-markdown-it": "^7.1.0"}}', encoding="utf-8")
    code, out, _ = artlint("site", ".", cwd=tmp_path)
    assert "  renderer     markdown-it (CommonMark's emphasis rules)\n" in out
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "unclosed-emphasis", ".", cwd=tmp_path)
    assert code == 1 and "unclosed-emphasis" in out, out


@pytest.mark.parametrize("name", ["jekyll", "hugo"])
def test_a_configuration_named_elsewhere_leaves_the_site_model_to_the_checked_files(name: str, tmp_path: Path) -> None:
    # `--config /tmp/x.toml` once made the configuration's folder the top of the site search:
    # a Jekyll site checked in place was read as a plain folder (26 findings more on a real site).
    config = tmp_path / "artlint.toml"
    config.write_text("# settings kept outside the site\n", encoding="utf-8")
    site = SITES / name
    code, out, err = artlint("site", str(site), "--config", str(config), cwd=tmp_path)
    assert code == 0, err
    assert f"generator    {name}" in out
    plain = artlint("check", "--offline", "--no-cache", "--format", "json", str(site), cwd=tmp_path)
    named = artlint("check", "--offline", "--no-cache", "--format", "json", "--config", str(config), str(site), cwd=tmp_path)
    places = [[(f["path"], f["line"], f["rule"]) for f in json.loads(run[1])["findings"]] for run in (plain, named)]
    assert places[0] == places[1]  # the messages may differ: a key typo is weighed against the project's files


@pytest.mark.parametrize(
    "name, text, generator",
    [
        ("config.json", '{"plugins": [{"name": "any-of"}], "loggedComponents": ["service-worker"]}', "jekyll"),
        ("config.json", '{"title": "Notes", "params": {"author": "A"}}', "hugo"),
        ("config.yaml", "title: Notes\nlanguageCode: en\n", "hugo"),
    ],
)
def test_another_tools_config_file_beside_an_assets_folder_is_not_hugos(tmp_path: Path, name: str, text: str, generator: str) -> None:
    # A service worker's `config.json` beside `assets/` and Jekyll's `_config.yml`: the site is Jekyll's.
    (tmp_path / "assets").mkdir()
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: Notes\npermalink: /en/:year-:month-:day-:title\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("---\ntitle: Home\n---\n\nHello.\n", encoding="utf-8")
    code, out, err = artlint("site", "--format", "json", ".", cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out)[0]["generator"] == generator


def test_a_docusaurus_plugin_of_the_sites_own_that_wraps_the_docs_plugin_serves_its_folder() -> None:
    # `./src/plugins/handbook-plugin.js` requires '@docusaurus/plugin-content-docs': a docs instance.
    code, out, err = artlint("site", "--format", "json", ".", cwd=SITES / "docusaurus-local-plugin")
    assert code == 0, err
    [model] = json.loads(out)
    assert {"kind": "docs", "folder": "handbook", "route": "/handbook"} in model["plugin-sources"]
    assert {"kind": "blog", "folder": "posts", "route": "/writing"} in model["plugin-sources"]
    assert {"kind": "docs", "folder": "docs", "route": "/docs"} in model["plugin-sources"]  # `./src/plugins/docs-defaults`, alone


@pytest.mark.parametrize("config, findings", [(None, 1), (("hugo.toml", 'baseURL = "https://x.org/"\n'), 1), (("mkdocs.yml", "site_name: S\n"), 0)])
def test_an_outdented_code_fence_breaks_lists_on_commonmark_renderers_only(tmp_path: Path, config, findings: int) -> None:
    # Python-Markdown (MkDocs), kramdown and marked read a list's lines otherwise.
    folder = tmp_path / ("docs" if config and config[0] == "mkdocs.yml" else "content" if config else ".")
    folder.mkdir(parents=True, exist_ok=True)
    if config:
        (tmp_path / config[0]).write_text(config[1], encoding="utf-8")
    (folder / "build.md").write_text("---\ntitle: Build\n---\n\n1. Build it:\n\n   ```sh\nmake all\n   ```\n", encoding="utf-8")
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "code-fence-outdented", "--format", "json", ".", cwd=tmp_path)
    assert len(json.loads(out)["findings"]) == findings, err


def test_mkdocs_serves_the_theme_custom_dir_files_and_reads_env_defaults(tmp_path: Path) -> None:
    # `!ENV [NAME, "default"]` may stand as a key of `nav`: the configuration is read with the
    # default in its place, and the theme's `custom_dir` files are served beside the pages.
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Guides\ndocs_dir: pages\ntheme:\n  name: material\n  language: !ENV [THEME_LANGUAGE, \"en\"]\n"
        "  custom_dir: look\nnav:\n  - !ENV [NAV_HOME, \"Home\"]: \"index.md\"\n",
        encoding="utf-8",
    )
    (tmp_path / "pages").mkdir()
    (tmp_path / "look" / "assets" / "img").mkdir(parents=True)
    (tmp_path / "look" / "assets" / "img" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "pages" / "index.md").write_text("# Home\n\n![The logo](assets/img/logo.svg)\n\n![A chart](assets/img/chart.svg)\n", encoding="utf-8")
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "image-unreachable", "--format", "json", ".", cwd=tmp_path)
    assert [finding["line"] for finding in json.loads(out)["findings"]] == [5], err


def test_eleventy_reads_its_folders_passthrough_copies_and_linkify_from_its_configuration() -> None:
    site = sites.detect(str((SITES / "eleventy").resolve()))
    assert site is not None and site.generator == "eleventy"
    assert site.content == ("src",)
    assert site.autolinks  # `linkify: true` in the markdown-it options it is given
    assert site.content_prefixes == (("src/assets/img", "img"),)
    assert {"src/_includes", "src/_data", "_site", "README.md"} <= set(site.not_content)


def test_eleventy_without_linkify_leaves_bare_urls_as_text(tmp_path: Path) -> None:
    (tmp_path / "eleventy.config.js").write_text('export default function (config) { return { dir: { input: "content" } }; }\n', encoding="utf-8")
    site = sites.detect(str(tmp_path))
    assert site is not None and site.generator == "eleventy"
    assert site.content == ("content",) and not site.autolinks


def test_an_mkdocs_site_without_directory_urls_reads_backslashes_in_image_paths_as_slashes(tmp_path: Path) -> None:
    """`![x](pics\\a.png)` written on Windows: without directory URLs the page sits beside its
    source, and browsers read a backslash as a slash; with them the page is a folder deeper."""
    (tmp_path / "docs" / "pics").mkdir(parents=True)
    (tmp_path / "docs" / "pics" / "a.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "docs" / "netty.md").write_text("# Netty\n\n![the components](pics\\a.png)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Notes\nuse_directory_urls: false\n", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "image-unreachable", ".", cwd=tmp_path)
    assert code == 0, out
    (tmp_path / "mkdocs.yml").write_text("site_name: Notes\n", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "image-unreachable", ".", cwd=tmp_path)
    assert code == 1 and "image-unreachable" in out, out


def test_an_eleventy_config_spread_from_a_theme_package_reads_src_as_the_input_folder(tmp_path: Path) -> None:
    """The folders are the theme package's (`...theme(eleventyConfig)`); the site's own
    `addPassthroughCopy("src/favicon.ico")` says the input folder is `src/`."""
    (tmp_path / ".eleventy.js").write_text(
        'const theme = require("@someone/eleventy-theme");\n'
        "module.exports = function (eleventyConfig) {\n"
        "  const base = theme(eleventyConfig, {});\n"
        '  eleventyConfig.addPassthroughCopy("src/favicon.ico");\n'
        "  return { ...base };\n};\n",
        encoding="utf-8",
    )
    (tmp_path / "src" / "posts").mkdir(parents=True)
    (tmp_path / "src" / "assets").mkdir()
    (tmp_path / "src" / "assets" / "a.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "src" / "posts" / "a.md").write_text("---\ntitle: A\ndate: 2024-01-01\n---\n\n![the chart](/assets/a.png)\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "post.md").write_text("---\ntitle: TITLE\ndate: YYYY-MM-DD\n---\n", encoding="utf-8")
    code, out, _ = artlint("site", ".", cwd=tmp_path)
    assert "  content      src\n" in out, out
    code, out, _ = artlint("check", "--offline", "--no-cache", ".", cwd=tmp_path)
    assert code == 0, out


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("docs/.vuepress/config.js", "module.exports = { head: [['meta', { 'http-equiv': 'Content-Security-Policy', content: 'upgrade-insecure-requests' }]] };\n"),
        ("netlify.toml", '[[headers]]\n  for = "/*"\n  [headers.values]\n    Content-Security-Policy = "upgrade-insecure-requests"\n'),
    ],
)
def test_a_site_that_upgrades_insecure_requests_has_no_insecure_images(tmp_path: Path, name: str, text: str) -> None:
    """Browsers fetch a page's http:// images over https when the site says
    `upgrade-insecure-requests`; its http:// links they still follow as written."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / ".vuepress").mkdir(parents=True)
    (tmp_path / "docs" / ".vuepress" / "config.js").write_text("module.exports = { title: 'Notes' };\n", encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "docs" / "jvm.md").write_text(
        "# JVM\n\n![the heap](http://img.example-notes.cn/heap.png)\n\nSee [the old FAQ](http://faq.example-notes.cn/jvm).\n\n"
        "Both hosts serve https too: <https://img.example-notes.cn/> and <https://faq.example-notes.cn/>.\n",
        encoding="utf-8",
    )
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "link-insecure", ".", cwd=tmp_path)
    assert out.count("link-insecure") == 1 and "insecure http:// link" in out, out


def test_eleventy_pages_of_other_template_languages_are_link_targets(tmp_path: Path) -> None:
    (tmp_path / "eleventy.config.js").write_text('export default function (config) { return { dir: { input: "src" } }; }\n', encoding="utf-8")
    (tmp_path / "src" / "feeds").mkdir(parents=True)
    (tmp_path / "src" / "feeds" / "articles.njk").write_text("---\npermalink: /feeds/articles.xml\n---\n<feed></feed>\n", encoding="utf-8")
    (tmp_path / "src" / "feeds" / "computed.njk").write_text("---\npermalink: /feeds/{{ lang }}.xml\n---\n", encoding="utf-8")
    (tmp_path / "src" / "archive.liquid").write_text("---\ntitle: Archive\n---\n<ul></ul>\n", encoding="utf-8")
    (tmp_path / "src" / "feeds.md").write_text(
        "---\ntitle: Feeds\n---\n\n[Articles](/feeds/articles.xml), [the archive](/archive/), [a feed never made](/feeds/notes.xml).\n",
        encoding="utf-8",
    )
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "link-target-missing", ".", cwd=tmp_path)
    assert out.count("link-target-missing") == 1 and "/feeds/notes.xml" in out, out


@pytest.mark.parametrize(
    ("config", "gemfile", "optional"),
    [
        ("theme: jekyll-theme-cayman\n", None, True),
        ("url: https://someone.github.io\n", None, True),
        ("remote_theme: pages-themes/minimal@v0.2.0\n", None, True),
        ("theme: jekyll-theme-cayman\n", 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n', False),
        ("title: Notes\n", None, False),
    ],
)
def test_a_jekyll_site_github_pages_builds_renders_pages_without_front_matter(tmp_path: Path, config: str, gemfile: str | None, optional: bool) -> None:
    """No Gemfile and a GitHub Pages theme, a `remote_theme` or a github.io URL: GitHub Pages
    builds it with its default plugins, jekyll-optional-front-matter among them."""
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    if gemfile is not None:
        (tmp_path / "Gemfile").write_text(gemfile, encoding="utf-8")
    (tmp_path / "kvm").mkdir()
    (tmp_path / "kvm" / "notes.md").write_text("# KVM notes\n\nThe shadow page table, read again.\n", encoding="utf-8")
    code, out, _ = artlint("site", "--format", "json", ".", cwd=tmp_path)
    [model] = json.loads(out)
    assert model["front-matter-optional"] is optional


@pytest.mark.parametrize(("version", "pattern"), [("^0.3.0", True), ("^2.0.0", True), ("^3.3.0", False), (None, False)])
def test_hexo_marked_before_3_pairs_underscores_by_pattern(tmp_path: Path, version: str | None, pattern: bool) -> None:
    """hexo-renderer-marked 0.x (marked 0.3) reads `__粗体__` as bold whatever stands beside it,
    as 1.x and 2.x do; a version 0 once read as none asked for."""
    (tmp_path / "_config.yml").write_text("title: Notes\n", encoding="utf-8")
    dependencies = {"hexo": "^3.6.0", **({"hexo-renderer-marked": version} if version else {})}
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": dependencies}), encoding="utf-8")
    (tmp_path / "source" / "_posts").mkdir(parents=True)
    (tmp_path / "source" / "_posts" / "a.md").write_text("---\ntitle: A\ndate: 2018-01-01\n---\n\n使用__模块系统__的组件。\n", encoding="utf-8")
    code, out, _ = artlint("site", "--format", "json", ".", cwd=tmp_path)
    [model] = json.loads(out)
    assert model["pattern-underscores"] is pattern


def test_a_docusaurus_version_route_is_served_by_its_doc_with_slug_root(tmp_path: Path) -> None:
    (tmp_path / "docusaurus.config.js").write_text(
        'module.exports = { presets: [["classic", { docs: { lastVersion: "current", versions: { current: { label: "4.x", path: "v4" } } } }]] };\n',
        encoding="utf-8",
    )
    (tmp_path / "docs" / "categories" / "01-Documentation").mkdir(parents=True)
    (tmp_path / "docs" / "categories" / "01-Documentation" / "index.md").write_text("---\ntitle: Introduction\nslug: /\n---\n\nWhat it is.\n", encoding="utf-8")
    (tmp_path / "src" / "pages").mkdir(parents=True)
    (tmp_path / "src" / "pages" / "start.md").write_text("# Start\n\nRead [the docs](/docs/v4/), not [a version never made](/docs/v5/).\n", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "link-target-missing", ".", cwd=tmp_path)
    assert out.count("link-target-missing") == 1 and "/docs/v5/" in out, out


def test_a_template_added_after_a_run_is_found_by_the_next_one(tmp_path: Path) -> None:
    """The pages that asked for the templates' URLs depend on the folders and templates read:
    a cached finding does not outlive the template that answers it."""
    (tmp_path / "eleventy.config.js").write_text('export default function (config) { return { dir: { input: "src" } }; }\n', encoding="utf-8")
    (tmp_path / "src" / "feeds").mkdir(parents=True)
    (tmp_path / "src" / "feeds.md").write_text("---\ntitle: Feeds\n---\n\n[Notes](/feeds/notes.xml)\n", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--select", "link-target-missing", ".", cwd=tmp_path)
    assert code == 1 and "/feeds/notes.xml" in out, out
    (tmp_path / "src" / "feeds" / "notes.njk").write_text("---\npermalink: /feeds/notes.xml\n---\n<feed></feed>\n", encoding="utf-8")
    code, out, _ = artlint("check", "--offline", "--select", "link-target-missing", ".", cwd=tmp_path)
    assert code == 0, out


def test_a_jekyll_posts_collection_permalink_places_the_posts(tmp_path: Path) -> None:
    """`collections: {posts: {permalink: /blog/:title/}}` wins over the site's style for the
    posts: from /blog/<title>/, `../images/a.png` is /blog/images/a.png."""
    (tmp_path / "_config.yml").write_text("collections:\n  posts:\n    output: true\n    permalink: /blog/:title/\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "blog" / "images").mkdir(parents=True)
    (tmp_path / "blog" / "images" / "bench.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "_posts" / "2018-05-02-Highlights.md").write_text(
        "---\ntitle: Highlights\n---\n\n![the benchmark](../images/bench.png) and ![a chart never drawn](../images/none.png)\n", encoding="utf-8"
    )
    code, out, _ = artlint("check", "--offline", "--no-cache", "--select", "image-unreachable", ".", cwd=tmp_path)
    assert out.count("image-unreachable") == 1 and "none.png" in out, out


def test_jekyll_term_uses_come_from_the_sites_own_templates(tmp_path: Path) -> None:
    def uses(config: str, layout: str, page: str = "_posts/2024-01-01-a.md") -> tuple[tuple[str, ...], tuple[str, ...]]:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        (folder / "_layouts").mkdir(parents=True)
        (folder / "_config.yml").write_text(config, encoding="utf-8")
        (folder / "_layouts" / "post.html").write_text(layout, encoding="utf-8")
        site = sites.detect(str(folder))
        assert site is not None and site.generator == "jekyll"
        return sites.jekyll_terms_read(site, str(folder / page), {"layout": "post"})

    assert uses("title: x\n", '<h1 title="{{ page.tags }}">{{ page.title }}</h1>') == ((), ("tags",))
    assert uses("title: x\n", "{% for tag in page.tags %}<a>{{ tag }}</a>{% endfor %}") == (("tags",), ())
    assert uses("title: x\n", "{{ page.categories | join: ', ' }} {{ site.tags.size }}") == (("categories", "tags"), ())
    # `site.tags` are the posts' alone: a page laid out by the same layout has only its categories read
    assert uses("title: x\n", "{{ page.categories | join: ', ' }} {{ site.tags.size }}", page="about.md") == (("categories",), ())
    assert uses("title: x\n", "{{ content }}") == ((), ())
    assert uses("theme: minimal-mistakes-jekyll\n", "{{ content }}") == (("categories", "tags"), ())  # the theme's templates are elsewhere
    assert uses("title: x\nplugins: [jekyll-archives]\n", "{{ content }}") == (("categories", "tags"), ())


def test_jekyll_reads_a_collections_terms_where_a_template_loops_over_its_documents() -> None:
    found = sites.term_uses(
        "{% for post in paginator.posts %}{{ post.tags | join: ' ' }}{% endfor %}"
        "{% for event in site.events %}{% for c in event.categories %}{{ c }}{% endfor %}{% endfor %}"
        "{% for tag in include.tags %}{{ tag }}{% endfor %}"
    )
    assert found == {("tags", "list", "posts"), ("categories", "list", "events"), ("tags", "list", "any")}


def test_a_docusaurus_route_is_served_by_the_index_doc_at_its_folders_top() -> None:
    site = sites.detect(str(SITES / "docusaurus-index-route"))
    assert site is not None and site.generator == "docusaurus"
    assert site.serves_route_root("/storage/")  # docs/storage/README.md
    assert not site.serves_route_root("/docs/")  # docs/guide holds no index doc


def test_artlint_site_tells_a_themes_image_render_hook(tmp_path: Path) -> None:
    code, out, err = artlint("site", "--format", "json", str(SITES / "hugo-theme-module" / "exampleSite"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["image-render-hook"] is True  # the theme's, a module go.mod's `replace` leads to `../`
    _, out, _ = artlint("site", "--format", "json", str(SITES / "hugo"), cwd=tmp_path)
    assert json.loads(out)[0]["image-render-hook"] is False


def test_a_known_themes_image_hook_finds_bundle_images_when_its_submodule_is_not_fetched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "themes" / "hugo-theme-stack").mkdir(parents=True)  # a submodule, not checked out
    (site / "hugo.toml").write_text('title = "Notes"\ntheme = "hugo-theme-stack"\n', encoding="utf-8")
    bundle = site / "content" / "post" / "trip"
    bundle.mkdir(parents=True)
    (bundle / "1.jpg").write_bytes(b"")
    (bundle / "index.md").write_text("---\ntitle: Trip\ndate: 2024-01-02\n---\n\n![Lake](/1.jpg) ![Hill](/2.jpg)\n", encoding="utf-8")

    def unreachable() -> list[str]:
        _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "image-unreachable", ".", cwd=site)
        return [finding["message"] for finding in json.loads(out)["findings"]]

    assert len(unreachable()) == 1 and "2.jpg" in unreachable()[0]  # the hook finds 1.jpg among the bundle's files
    (site / "hugo.toml").write_text('title = "Notes"\ntheme = "some-other-theme"\n', encoding="utf-8")
    assert len(unreachable()) == 2  # a theme nobody knows, its templates absent: read from the site's root


def test_an_image_hook_that_falls_back_to_relurl_writes_images_from_the_root(tmp_path: Path) -> None:
    code, out, err = artlint("site", "--format", "json", str(SITES / "hugo-image-hook-root"), cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out)[0]["images-from-root"] is True  # `.Destination | relURL` in the theme's hook
    _, out, _ = artlint("site", "--format", "json", str(SITES / "hugo-theme-module" / "exampleSite"), cwd=tmp_path)
    assert json.loads(out)[0]["images-from-root"] is True  # `$url.Path | relURL`, `$url := urls.Parse .Destination`
    site = tmp_path / "own-hook"
    shutil.copytree(SITES / "hugo-image-hook-root", site)
    own = site / "layouts" / "_default" / "_markup"
    own.mkdir(parents=True)
    (own / "render-image.html").write_text('<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}">\n', encoding="utf-8")
    _, out, _ = artlint("site", "--format", "json", str(site), cwd=tmp_path)
    assert json.loads(out)[0]["images-from-root"] is False  # the site's own hook wins over its theme's
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "image-unreachable", str(site), cwd=tmp_path)
    assert len(json.loads(out)["findings"]) == 2  # both read from the page's folder now


def test_a_jekyll_markdown_file_served_as_written_follows_the_layout_that_names_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "jekyll-markdown-endpoints", site)

    def missing() -> list[str]:
        _, out, _ = artlint("check", "--offline", "--format", "json", "--select", "front-matter-missing", ".", cwd=site)
        return sorted(finding["path"] for finding in json.loads(out)["findings"])

    assert missing() == ["about.md"]  # index.md beside index.html, pricing.md named by the layout
    layout = site / "_layouts" / "default.html"
    layout.write_text(layout.read_text(encoding="utf-8").replace("/pricing.md", "/pricing/"), encoding="utf-8")
    assert missing() == ["about.md", "pricing.md"]  # the cached answer follows the layout


def test_a_short_page_follows_the_sites_half_width_house_style_and_its_changes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITES / "zola-half-width", site)

    def reported() -> list[str]:
        _, out, _ = artlint("check", "--offline", "--format", "json", "--select", "punctuation-width", ".", cwd=site)
        return sorted({finding["path"] for finding in json.loads(out)["findings"]})

    assert reported() == ["content/posts/full-width.md"]  # the category page writes as the site does
    for post in ("macros.md", "proc-macros.md"):
        path = site / "content" / "posts" / post
        path.write_text(path.read_text(encoding="utf-8").replace(", ", "，").replace(".\n", "。\n"), encoding="utf-8")
    assert reported() == ["content/categories/rust.md", "content/posts/full-width.md"]  # the cached answer follows the site


def test_artlint_site_reads_mkdocs_configurations_of_other_names(tmp_path: Path) -> None:
    code, out, err = artlint("site", "--format", "json", str(SITES / "mkdocs-config-files"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    # the configuration no other inherits that names the site's URL, merged deep with its parent
    assert model["generator"] == "mkdocs" and model["config"].endswith("mkdocs-online.yml")
    assert model["autorefs"] is True  # autorefs from mkdocs-common.yml's plugins, mkdocstrings from its own
    assert "docs/snippets" in model["not-content"]  # mkdocs-exclude's `snippets/*`


@pytest.mark.parametrize("names", [["index.md", "index.html", "index.Rmd"], ["index.html", "index.Rmd", "index.md"]])
def test_a_bundle_with_a_markdown_index_is_a_markdown_page_in_any_listing_order(names: list[str]) -> None:
    site = SITES / "hugo-theme-module" / "exampleSite"
    model = sites.SiteIndex(str(site)).site_for(str(site / "content" / "docs" / "rendered" / "index.md"))
    folder = str(site / "content" / "docs" / "rendered")
    assert not model.bundle_of_another_format(folder, names)  # blogdown's index.md beside its index.html
    assert model.bundle_of_another_format(folder, ["index.org", "sample-input.md"])  # an Org page's bundle


def test_a_large_hugo_section_is_listed_once_for_its_pages_kinds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each page's kind asks whether its folder is a leaf bundle; listing the folder for each of
    # 8,000 posts took `artlint check` from 4 s to 19 s (a folder listing per page).
    import os

    from artlint import dependencies

    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (tmp_path / "hugo.toml").write_text('baseURL = "https://x.example.org/"\n', encoding="utf-8")
    for number in range(200):
        (posts / f"p{number}.md").write_text(f"---\ntitle: Post {number}\ndate: 2024-01-01\n---\n\nText.\n", encoding="utf-8")
    dependencies.forget_folders()
    listed: list[str] = []
    real_listdir, real_scandir = os.listdir, os.scandir
    monkeypatch.setattr(os, "listdir", lambda path=".": listed.append(os.fspath(path)) or real_listdir(path))
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(os.fspath(path)) or real_scandir(path))
    model = sites.SiteIndex(str(tmp_path)).site_for(str(posts / "p0.md"))
    kinds = {model.page(str(path), {"title": "x", "date": "2024-01-01"}).kind for path in posts.iterdir()}
    assert kinds == {"article"}
    assert listed.count(str(posts)) <= 5, listed.count(str(posts))  # a few listings of the folder, not one per page (202 before)


def test_a_plain_folder_of_notes_without_front_matter_is_reported_only_when_asked(tmp_path: Path) -> None:
    """Three notes or more, none with front matter, in a folder no generator builds: read as
    they are. `in-notes-folders` reports them; two files without it where the site's other
    files have it are articles missing it; a note that gains front matter makes its siblings
    articles missing theirs."""
    notes = {f"notes/{name}.md": f"# {name}\n\nA note.\n" for name in ("awk", "find", "sort")}
    pair = {f"pair/{name}.md": f"# {name}\n\nA post.\n" for name in ("one", "two")}
    write(tmp_path, {**notes, **pair, "posts/hello.md": "---\ntitle: Hello\ndate: 2024-01-02\n---\n\nHello.\n"})
    assert missing_in(tmp_path) == ["pair/one.md", "pair/two.md"]
    (tmp_path / "artlint.toml").write_text("[rules.front-matter-missing]\nin-notes-folders = true\n", encoding="utf-8")
    assert missing_in(tmp_path) == ["notes/awk.md", "notes/find.md", "notes/sort.md", "pair/one.md", "pair/two.md"]
    (tmp_path / "artlint.toml").unlink()
    (tmp_path / "notes" / "sort.md").write_text("---\ntitle: Sort\n---\n\nA note.\n", encoding="utf-8")
    assert missing_in(tmp_path) == ["notes/awk.md", "notes/find.md", "pair/one.md", "pair/two.md"]


def test_a_repository_of_notes_one_to_a_folder_needs_no_front_matter(tmp_path: Path) -> None:
    """Folders of one or two notes each, and no markdown file in the repository with front
    matter: notes; an article alone in a folder is an article missing it."""
    repository = write(tmp_path / "notes", {"jvm/gc.md": "# GC\n", "os/paging.md": "# Paging\n", "algo/sort.md": "# Sort\n", "algo/heap.md": "# Heap\n"})
    (repository / ".git").mkdir()
    assert missing_in(repository) == []
    alone = write(tmp_path / "imported", {"article.md": "# An imported article\n\nIts front matter was lost.\n"})
    assert missing_in(alone) == ["article.md"]


def missing_in(root: Path) -> list[str]:
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "front-matter-missing", ".", cwd=root)
    return sorted(f["path"] for f in json.loads(out)["findings"])


def test_vitepress_locales_give_the_languages_and_their_folders(tmp_path: Path) -> None:
    """English at the root (`root`'s lang), Chinese in `zh/`; the Korean locale links to
    another site and has no folder here."""
    code, out, err = artlint("site", "--format", "json", str(SITES / "vitepress-locales"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["languages"] == ["en-us", "zh-cn"]
    assert model["language-folders"] == {"zh": "zh-cn"}
    assert model["pages-by-language"] == {"en-us": 2, "zh-cn": 2}


def test_a_plain_repository_on_github_links_its_bare_urls(tmp_path: Path) -> None:
    """GitHub shows a repository's files with cmark-gfm, whose autolinks make bare URLs links:
    a plain folder is read so when its repository has a `.github/` folder or a remote on
    github.com; a folder of articles with neither is not assumed to be."""
    article = "---\ntitle: Notes\n---\n\nThe demo is at https://jsfiddle.example.net/69z2wepo/ and works.\n"

    def bare(root: Path) -> int:
        _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "bare-url", ".", cwd=root)
        return len(json.loads(out)["findings"])

    imported = write(tmp_path / "imported", {"a.md": article})
    assert bare(imported) == 1
    workflows = write(tmp_path / "workflows", {"a.md": article, ".github/workflows/lint.yml": "on: push\n"})
    assert bare(workflows) == 0
    remote = write(tmp_path / "remote", {"notes/a.md": article, ".git/config": '[remote "origin"]\n\turl = git@github.com:someone/notes.git\n'})
    assert bare(remote / "notes") == 0
    elsewhere = write(tmp_path / "elsewhere", {"a.md": article, ".git/config": '[remote "origin"]\n\turl = https://git.example.org/someone/notes.git\n'})
    assert bare(elsewhere) == 1


def test_pages_a_program_wrote_say_so_in_a_front_matter_comment(tmp_path: Path) -> None:
    """`# autogenerated - DO NOT EDIT, … run "make commanddocs"` as a comment of the front
    matter: two command pages a program wrote from one help text are no copies to mend; a
    title about auto-generated clients says nothing of the page."""
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa".split()
    chooser = random.Random(3)
    help_text = " ".join(" ".join(chooser.choice(words) for _ in range(12)) + "." for _ in range(40))
    note = '# autogenerated - DO NOT EDIT, instead edit the source and run "make commanddocs"\n'
    pages = {
        "commands/mount.md": f"---\ntitle: mount\ndate: 2024-01-01\n{note}---\n\n{help_text}\n",
        "commands/nfsmount.md": f"---\ntitle: nfsmount\ndate: 2024-01-02\n{note}---\n\n{help_text} Over NFS.\n",
        "posts/a.md": f"---\ntitle: Auto-generated clients\ndate: 2024-02-01\n---\n\n{help_text}\n",
        "posts/b.md": f"---\ntitle: Auto-generated clients again\ndate: 2024-02-02\n---\n\n{help_text}\n",
    }
    write(tmp_path, pages)
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "near-duplicate-article", ".", cwd=tmp_path)
    assert sorted(f["path"] for f in json.loads(out)["findings"]) == ["posts/b.md"]


@pytest.mark.parametrize("root", ["path.join(__dirname, 'site')", "path.join(import.meta.dirname, 'site')", "'site'"])
def test_rspress_root_as_configurations_write_it(tmp_path: Path, root: str) -> None:
    """Rspress' `root`, written with CommonJS' `__dirname`, ESM's `import.meta.dirname`, or as a path."""
    write(tmp_path / "project", {
        "rspress.config.ts": f"import * as path from 'node:path';\nexport default {{ root: {root}, lang: 'en' }};\n",
        "site/index.md": "# Home\n\nWelcome.\n",
    })
    site = sites.detect(str(tmp_path / "project"))
    assert site is not None and site.generator == "rspress"
    assert site.content == ("site",) and site.static == ("site/public",)


def test_a_gitbook_in_several_languages_builds_each_language_from_its_summary(tmp_path: Path) -> None:
    # LANGS.md lists en/ and zh/, each with its own SUMMARY.md; zh/notes.md is in neither.
    code, out, err = artlint("site", "--format", "json", str(SITES / "gitbook-languages"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["generator"] == "gitbook" and model["languages"] == ["en", "zh"]
    assert model["language-folders"] == {"en": "en", "zh": "zh"}
    assert model["pages"] == {"page": 5, "partial": 3}  # the two summaries and LANGS.md are no pages
    site = sites.detect(str((SITES / "gitbook-languages").resolve()))
    assert site.page(str((SITES / "gitbook-languages" / "zh" / "notes.md").resolve())).draft
    assert not site.page(str((SITES / "gitbook-languages" / "zh" / "install.md").resolve())).draft


def test_a_book_json_beside_another_generators_build_is_no_gitbook(tmp_path: Path) -> None:
    # A blog mirrored on gitbook.io keeps a book.json and a SUMMARY.md, and its workflow builds it with Hexo.
    hexo = tmp_path / "hexo"
    write(hexo, {"book.json": '{ "plugins": ["mermaid-gb3"] }\n', "SUMMARY.md": "* [Intro](README.md)\n"})
    write(hexo, {".github/workflows/deploy.yml": "jobs:\n  build:\n    steps:\n      - run: npx hexo generate\n"})
    assert sites.detect(str(hexo)) is None  # a plain folder: no generator of its own
    book = tmp_path / "book"
    write(book, {"book.json": '{ "plugins": [] }\n', "SUMMARY.md": "* [Intro](README.md)\n"})
    write(book, {".github/workflows/deploy.yml": "jobs:\n  build:\n    steps:\n      - run: npx gitbook build\n"})
    assert sites.detect(str(book)).generator == "gitbook"


def test_writerside_builds_the_topics_its_trees_list(tmp_path: Path) -> None:
    code, out, err = artlint("site", "--format", "json", str(SITES / "writerside"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["generator"] == "writerside" and model["content"] == ["topics"] and model["by-name-folders"] == ["topics", "images"]
    site = sites.detect(str((SITES / "writerside").resolve()))
    assert site.page(str((SITES / "writerside" / "topics" / "mascot.md").resolve())).draft
    assert not site.page(str((SITES / "writerside" / "topics" / "language" / "basic-syntax.md").resolve())).draft


def test_mkdocs_reads_inherit_chains_and_autolinks_finds_files_by_name(tmp_path: Path) -> None:
    # mkdocs.yml → mkdocs_ru.yml (docs_dir) → mkdocs_common.yml (plugins: autolinks)
    code, out, err = artlint("site", "--format", "json", str(SITES / "mkdocs-autolinks"), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["content"] == ["manual/ru"] and model["by-name-folders"] == ["manual/ru"]


def test_mkdocs_inherit_loops_end(tmp_path: Path) -> None:
    write(tmp_path, {"mkdocs.yml": "site_name: A\nINHERIT: b.yml\n", "b.yml": "INHERIT: mkdocs.yml\ndocs_dir: pages\n", "pages/index.md": "# A\n"})
    site = sites.detect(str(tmp_path))
    assert site is not None and site.generator == "mkdocs" and site.content == ("pages",)


def test_astro_collections_whose_schema_lets_the_title_go(tmp_path: Path) -> None:
    # about: no title in its schema; talks: `title: z.string()`; blog: one line, title required
    code, out, err = artlint("site", "--format", "json", str(SITES / "astro"), cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out)[0]["untitled-folders"] == ["src/content/about"]


def test_a_book_honkit_builds_without_a_book_json_is_a_gitbook(tmp_path: Path) -> None:
    # HonKit, GitBook's maintained fork, needs no book.json: LANGS.md and a package.json that runs it.
    write(tmp_path, {"LANGS.md": "* [English](en/)\n* [中文](cn/)\n", "package.json": '{ "scripts": { "build": "honkit build" } }\n'})
    write(tmp_path, {"en/SUMMARY.md": "* [Intro](README.md)\n", "en/README.md": "# Intro\n", "cn/SUMMARY.md": "* [简介](README.md)\n", "cn/README.md": "# 简介\n"})
    site = sites.detect(str(tmp_path))
    assert site.generator == "gitbook" and site.languages == ("en", "cn")
    assert ("gitbook", "command-line") in site.url_settings and site.unspaced_headings
    # without HonKit or GitBook's command line named by the build, a SUMMARY.md alone is no book
    plain = tmp_path / "plain"
    write(plain, {"SUMMARY.md": "# Summary\n\n* [Intro](README.md)\n", "README.md": "# Intro\n"})
    assert sites.detect(str(plain)) is None


def test_a_gitbook_space_publishes_its_summarys_pages_and_yields_to_a_site_below(tmp_path: Path) -> None:
    space = tmp_path / "space"
    write(space, {".gitbook.yaml": "structure:\n  readme: README.md\n  summary: docs/README.md\n", "README.md": "# Intro\n"})
    write(space, {"docs/README.md": "# Table of contents\n\n* [Guide](guide.md)\n", "docs/guide.md": "# Guide\n", "examples/demo/README.md": "# Demo\n"})
    site = sites.detect(str(space))
    assert site.generator == "gitbook" and ("gitbook-summary", "docs/README.md") in site.url_settings
    assert site.page(str(space / "docs" / "guide.md")).kind == "page"
    assert site.page(str(space / "examples" / "demo" / "README.md")).kind == "repository"  # GitHub shows it; the space does not
    # the same files with a Docusaurus site in website/: the docs moved there, the .gitbook.yaml is a leftover
    write(space, {"website/docusaurus.config.js": "module.exports = { title: 'Docs' };\n"})
    sites.clear_caches() if hasattr(sites, "clear_caches") else None
    assert sites.detect(str(space)) is None


def test_a_hostile_page_glob_neither_hangs_nor_counts(tmp_path: Path) -> None:
    # `**/**/…/x.md` in a checkout's VuePress configuration: a run of `**` made a pattern that
    # backtracked for minutes on a deep path; runs are one `**`, and more than two are not read.
    deep = "/".join(["**"] * 40) + "/x.md"
    write(tmp_path, {".vuepress/config.ts": f"export default {{ pagePatterns: ['**/*.md', '!{deep}', '!**/a/**/b/**/c.md'] }};\n"})
    write(tmp_path, {"/".join(["d"] * 30) + "/y.md": "# Deep\n\nA page far down.\n"})
    site = sites.detect(str(tmp_path))
    assert site.generator == "vuepress" and site.excluded_pages == ()
    assert not site.excludes_page("/".join(["d"] * 30) + "/y.md")
    from artlint.globs import glob_to_regex

    assert glob_to_regex("**/**/**/x.md") == glob_to_regex("**/x.md")


def test_a_hugo_configuration_is_known_whatever_the_case_of_its_keys(tmp_path: Path) -> None:
    # Hugo reads `baseUrl` (as 2016's sites wrote it) as `baseURL`: a config.toml with it is Hugo's.
    write(tmp_path, {"config.toml": 'baseUrl = "/"\nlanguageCode = "en-us"\n', "content/post/a.md": "+++\ntitle = \"A\"\n+++\n\nText.\n"})
    code, out, err = artlint("site", str(tmp_path), cwd=tmp_path)
    assert code == 0, err
    assert "generator    hugo (from " in out


def test_hugo_filename_dates_give_the_slug_too(tmp_path: Path) -> None:
    site = tmp_path / "site"
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    (site / "config.json").write_text(
        '{"title": "Notes", "defaultContentLanguage": "en", "languages": {"en": {}, "ja": {}},'
        ' "frontmatter": {"date": [":filename", ":default"]}}\n',
        encoding="utf-8",
    )
    (posts / "2013-10-06-cologne.ja.md").write_text("---\ntitle: ケルン\n---\n\n本文。\n", encoding="utf-8")
    (posts / "2013-10-08-germany.ja.md").write_text(
        "---\ntitle: ドイツ\n---\n\n[ケルン](/ja/posts/cologne/)、[前の記事](../cologne/)、[ない記事](/ja/posts/bonn/)。\n",
        encoding="utf-8",
    )
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "link-target-missing", ".", cwd=site)
    assert [finding["message"] for finding in json.loads(out)["findings"]] == ["link target '/ja/posts/bonn/' not found"]
    (posts / "2014-01-02-cologne.ja.md").write_text("---\ntitle: ケルン再訪\n---\n\n本文。\n", encoding="utf-8")
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "page-url-collision", ".", cwd=site)
    assert {finding["path"] for finding in json.loads(out)["findings"]} >= {"content/posts/2014-01-02-cologne.ja.md"}  # both /ja/posts/cologne/


def test_a_zola_bundles_translation_takes_its_date_from_the_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    bundle = site / "content" / "blog" / "2022-06-22-angular"
    bundle.mkdir(parents=True)
    (site / "config.toml").write_text('base_url = "https://example.org"\ndefault_language = "en"\n[languages.fr]\n', encoding="utf-8")
    for name, title in (("index.md", "Angular"), ("index.fr.md", "Angular en français")):
        (bundle / name).write_text(f'+++\ntitle = "{title}"\n+++\n\nText.\n', encoding="utf-8")
    for name in ("_index.md", "_index.fr.md"):
        (site / "content" / "blog" / name).write_text('+++\ntitle = "Blog"\nsort_by = "date"\n+++\n', encoding="utf-8")
    undated = site / "content" / "blog" / "notes"
    undated.mkdir()
    (undated / "index.fr.md").write_text('+++\ntitle = "Notes"\n+++\n\nText.\n', encoding="utf-8")
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "--select", "front-matter-required", ".", cwd=site)
    assert [finding["path"] for finding in json.loads(out)["findings"]] == ["content/blog/notes/index.fr.md"]


def test_mkdocs_pages_outside_an_explicit_nav_share_no_title_with_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: Cours\nnav:\n  - Cours: cours.md\n  - Variante: variante.md\n", encoding="utf-8")
    for name in ("cours.md", "cours-source.md", "cours-tmp-mkdocs.md", "variante.md"):
        (site / "docs" / name).write_text("# Cours sur les tableaux\n\nTexte.\n", encoding="utf-8")

    def duplicates() -> list[str]:
        _, out, _ = artlint("check", "--offline", "--format", "json", "--select", "duplicate-title", ".", cwd=site)
        return sorted(finding["path"] for finding in json.loads(out)["findings"])

    assert duplicates() == ["docs/variante.md"]  # the listed pair; the copies beside it are in no menu
    # The cache written by that run follows the configuration's change: the site's model is in its key.
    (site / "mkdocs.yml").write_text("site_name: Cours\nplugins:\n  - awesome-pages\nnav:\n  - Cours: cours.md\n", encoding="utf-8")
    assert len(duplicates()) == 3  # a plugin that builds the navigation: every page is in it


@pytest.mark.parametrize(
    "text, expected",
    [
        ("export default {\n  lang: 'de',\n  permalink: '/de/{{ title | slugify }}/'\n};\n", {"lang": "de", "permalink": "/de/{{ title | slugify }}/"}),
        ("module.exports = { layout: 'post', eleventyComputed: { key: (data) => data.page.fileSlug } };\n", {"layout": "post", "eleventyComputed": {}}),
        # code, never run: a function export, a value computed at the top, a computed key artlint reads
        ("module.exports = function () { return { layout: 'post' }; };\n", None),
        ("export default { lang: 'de', permalink: makePermalink('de') };\n", None),
        ("export default { eleventyComputed: { permalink: (data) => `/${data.lang}/` } };\n", None),
    ],
)
def test_an_eleventy_javascript_data_file_is_read_only_as_an_object_literal(tmp_path: Path, text: str, expected: dict | None) -> None:
    path = tmp_path / "posts.11tydata.js"
    path.write_text(text, encoding="utf-8")
    assert sites._js_data_file(str(path), "test") == expected


def test_eleventy_language_folders_under_its_input_folder(tmp_path: Path) -> None:
    # `dir: { input: "src" }` with src/en/ and src/fr/: the folders' languages are the pages'
    (tmp_path / ".eleventy.js").write_text('module.exports = () => ({ dir: { input: "src" } });\n', encoding="utf-8")
    for code, title in (("en", "Domains"), ("fr", "Domaines")):
        (tmp_path / "src" / code).mkdir(parents=True)
        (tmp_path / "src" / code / "domains.md").write_text(f"---\ntitle: {title}\n---\n\nText.\n", encoding="utf-8")
    code, out, err = artlint("site", "--format", "json", str(tmp_path), cwd=tmp_path)
    assert code == 0, err
    [model] = json.loads(out)
    assert model["language-folders"] == {"src/en": "en", "src/fr": "fr"}
    assert model["pages-by-language"] == {"en": 1, "fr": 1}


def test_docusaurus_locales_named_by_a_constant_and_a_locale_not_built(tmp_path: Path) -> None:
    """`const locales = ['en', 'fr']` then `i18n: { locales }`: French is a language of the
    site; `i18n/it/`, which a translation service left but the configuration does not build,
    is checked only when named."""
    translated = "docusaurus-plugin-content-docs/current/intro.md"
    write(tmp_path, {
        "docusaurus.config.js": "const locales = ['en', 'fr'];\nmodule.exports = { i18n: { defaultLocale: 'en', locales } };\n",
        "docs/intro.md": "# Intro\n\nThe first page.\n",
        f"i18n/fr/{translated}": "# Introduction\n\nLa première page.\n",
        f"i18n/it/{translated}": "# Introduzione\n\nLa prima prima pagina.\n",
    })
    code, out, err = artlint("site", "--format", "json", ".", cwd=tmp_path)
    model = json.loads(out)[0]
    assert (model["languages"], model["language-folders"]) == (["en", "fr"], {"i18n/fr": "fr"}), err
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert [f["path"] for f in json.loads(out)["findings"]] == [], err
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", f"i18n/it/{translated}", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["duplicate-word"], err


def test_a_docusaurus_configuration_split_into_modules_of_a_config_folder(tmp_path: Path) -> None:
    """`presets: require('./config/presets')`: the module's text is read (never run) for the
    plugins' folders; a component the configuration imports is not."""
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {\n  presets: require('./config/presets'),\n  themeConfig: require('./src/theme/navbar'),\n};\n",
        "config/presets.js": "module.exports = [['classic', { docs: { path: 'wiki', routeBasePath: '/' }, blog: { path: 'posts' } }]];\n",
        "src/theme/navbar.js": "module.exports = { docs: { path: 'not-a-folder-of-pages' } };\n",
        "wiki/intro.md": "# Intro\n\nSee [the post](/posts/2021/08/11/post/unanon).\n",
        "posts/post/2021-08-11-unanon.md": "---\ntitle: Unanon\n---\n\nText.\n",
    })
    code, out, err = artlint("site", "--format", "json", ".", cwd=tmp_path)
    assert json.loads(out)[0]["content"] == ["wiki", "posts", "src/pages"], err
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert json.loads(out)["findings"] == [], err

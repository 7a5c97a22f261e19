"""The URL each generator gives a page (artlint.pageurls), and the pages it gives none."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from artlint.pageurls import hugo_section_url, page_url
from artlint.sites import SiteIndex


def url_of(root: Path, relative: str, matter: dict | None = None, files: dict[str, str] | None = None) -> str | None:
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("text\n", encoding="utf-8")
    site = SiteIndex(str(root)).site_for(str(path))
    found = page_url(site, str(path), matter)
    return None if found is None else found.url


@pytest.mark.parametrize(
    "permalink, expected",
    [
        (None, "/news/2024/05/31/Sleep_Well.html"),  # date, the default; :title keeps case and _
        ("date", "/news/2024/05/31/Sleep_Well.html"),
        ("pretty", "/news/2024/05/31/Sleep_Well/"),
        ("ordinal", "/news/2024/152/Sleep_Well.html"),
        ("none", "/news/Sleep_Well.html"),
        ("/blog/:year/:slug", "/blog/2024/sleep-well"),  # :slug: lower case, letters and digits
        ("/:year/:hour/:title/", None),  # a time of day: not modelled
    ],
)
def test_jekyll_post_permalinks(tmp_path: Path, permalink: str | None, expected: str | None) -> None:
    config = f"permalink: {permalink}\n" if permalink else "title: x\n"
    assert url_of(tmp_path, "news/_posts/sub/2024-05-31-Sleep_Well.md", {}, {"_config.yml": config}) == expected


def test_jekyll_front_matter_decides(tmp_path: Path) -> None:
    files = {"_config.yml": "permalink: pretty\n"}
    post = "_posts/2024-05-31-sleep.md"
    assert url_of(tmp_path, post, {"date": dt.date(2024, 6, 2)}, files) == "/2024/06/02/sleep/"
    assert url_of(tmp_path, post, {"slug": "Deep Sleep"}, files) == "/2024/05/31/Deep-Sleep/"
    assert url_of(tmp_path, post, {"categories": "Health News"}, files) == "/health/news/2024/05/31/sleep/"
    assert url_of(tmp_path, post, {"permalink": "/sleep.html"}, files) == "/sleep.html"
    assert url_of(tmp_path, post, {"date": "2024-06-02 10:00:00 +0200"}, files) == "/2024/06/02/sleep/"
    assert url_of(tmp_path, post, {"date": "2024-06-02 01:00:00 +0200"}, files) is None  # June 1st in UTC
    assert url_of(tmp_path, post, {"published": False}, files) is None
    assert url_of(tmp_path, post, None, files) is None  # no front matter: no post
    assert url_of(tmp_path, "_posts/sleep.md", {}, files) is None  # no date in the name: no post
    assert url_of(tmp_path, "_drafts/2024-05-31-sleep.md", {}, files) is None
    # Ruby's [[:alnum:]] keeps letters of any script; combining marks (नमस्ते) are not modelled.
    assert url_of(tmp_path, "_posts/2024-05-31-睡眠.md", {}, files) == "/2024/05/31/睡眠/"
    assert url_of(tmp_path, "_posts/2024-06-01-面试-SSM面试题（一）.md", {}, files) == "/2024/06/01/面试-SSM面试题-一/"
    assert url_of(tmp_path, "_posts/2024-06-02-नमस्ते.md", {}, files) is None


def test_jekyll_defaults_give_permalinks(tmp_path: Path) -> None:
    """`defaults` in _config.yml set a permalink for a scope, as front matter would; the page's
    own `permalink:` still wins, and the longest matching path decides between scopes."""
    files = {
        "_config.yml": "permalink: :title\n"
        "defaults:\n"
        "  - scope: {path: '', type: posts}\n    values: {permalink: '/:year/:month/:day/:title/'}\n"
        "  - scope: {path: guides}\n    values: {permalink: '/handbook/:basename/'}\n"
        "  - scope: {path: guides/old}\n    values: {permalink: '/attic/:basename/'}\n",
    }
    assert url_of(tmp_path, "_posts/2024-05-31-audit.md", {}, files) == "/2024/05/31/audit/"
    assert url_of(tmp_path, "blog/_posts/2022-05-17-audit.md", {}, files) == "/2022/05/17/audit/"
    assert url_of(tmp_path, "_posts/2024-05-31-audit.md", {"permalink": "/audit.html"}, files) == "/audit.html"
    assert url_of(tmp_path, "guides/install.md", {}, files) == "/handbook/install/"
    assert url_of(tmp_path, "guides/old/install.md", {}, files) == "/attic/install/"
    assert url_of(tmp_path, "about.md", {}, files) == "/about"


def test_jekyll_pages(tmp_path: Path) -> None:
    files = {"_config.yml": "permalink: pretty\n"}
    assert url_of(tmp_path, "docs/about.md", {}, files) == "/docs/about/"
    assert url_of(tmp_path, "docs/index.md", {}, files) == "/docs/"
    assert url_of(tmp_path, "docs/about.markdown", {"permalink": "/about/"}, files) == "/about/"
    assert url_of(tmp_path, "_private/about.md", {}, files) is None


def test_hugo(tmp_path: Path) -> None:
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n[permalinks]\nposts = "/:year/:month/:slug/"\n'
        "[uglyURLs]\nnotes = true\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    }
    assert url_of(tmp_path, "content/posts/My Post.md", {"date": "2024-05-31", "title": "My Post"}, files) == "/2024/05/my-post/"
    assert url_of(tmp_path, "content/posts/a.md", {"date": "2024-05-31", "slug": "Launch"}, files) == "/2024/05/launch/"
    assert url_of(tmp_path, "content/posts/a.md", {"slug": "launch"}, files) is None  # no date
    # `:slug` without a slug is the title urlized: punctuation dropped, spaces as hyphens, CJK kept
    assert url_of(tmp_path, "content/posts/a.md", {"date": "2024-05-31", "title": "What's new?"}, files) == "/2024/05/whats-new/"
    assert url_of(tmp_path, "content/posts/a.md", {"date": "2024-05-31", "title": "Hertz: 设计 & 实践"}, files) == "/2024/05/hertz-设计-实践/"
    assert url_of(tmp_path, "content/posts/a.fr.md", {"date": "2024-05-31", "slug": "launch"}, files) == "/fr/2024/05/launch/"
    assert url_of(tmp_path, "content/docs/Guide/index.md", {}, files) == "/docs/guide/"
    assert url_of(tmp_path, "content/docs/guide.md", {"slug": "start"}, files) == "/docs/start/"
    assert url_of(tmp_path, "content/notes/a.md", {}, files) == "/notes/a.html"
    assert url_of(tmp_path, "content/about.md", {"url": "/team"}, files) == "/team/"
    assert url_of(tmp_path, "content/docs/_index.md", {}, files) is None
    assert url_of(tmp_path, "content/docs/a.md", {"draft": True}, files) is None
    assert url_of(tmp_path, "content/docs/a.md", {"build": {"render": "never"}}, files) is None
    # folders are sanitised as titles are: `Serve http:h2` is served at serve-httph2
    assert url_of(tmp_path, "content/docs/Serve http:h2/intro.md", {}, files) == "/docs/serve-httph2/intro/"


def test_hugo_section_pages(tmp_path: Path) -> None:
    """A section's `_index.md` has no URL to compare, but its links are read at its folder's."""
    files = {"hugo.toml": 'baseURL = "https://example.org/"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'}
    url_of(tmp_path, "content/docs/x.md", {}, files)
    site = SiteIndex(str(tmp_path)).site_for(str(tmp_path / "content/docs/x.md"))

    def section(relative: str, matter: dict | None = None) -> str | None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")
        return hugo_section_url(site, str(path), matter)

    assert section("content/docs/Access UB/_index.md") == "/docs/access-ub/"
    assert section("content/docs/Access UB/_index.fr.md") == "/fr/docs/access-ub/"
    assert section("content/docs/_index.md", {"url": "/manual"}) == "/manual/"
    assert section("content/_index.md") == "/"
    assert section("content/docs/guide.md") is None


def test_hexo(tmp_path: Path) -> None:
    files = {"_config.yml": "permalink: :year/:month/:day/:title/\nnew_post_name: :year-:month-:day-:title.md\n", "source/_posts/.keep": ""}
    assert url_of(tmp_path, "source/_posts/2024-05-31-sleep.md", {}, files) == "/2024/05/31/sleep/"
    assert url_of(tmp_path, "source/_posts/2024-05-31-sleep.md", {"date": "2024-06-01 12:00"}, files) == "/2024/06/01/sleep/"
    assert url_of(tmp_path, "source/_posts/sleep.md", {}, files) is None  # the name does not match: no date
    assert url_of(tmp_path, "source/about/index.md", {}, files) == "/about/index.html"
    assert url_of(tmp_path, "source/_drafts/2024-05-31-sleep.md", {}, files) is None


def test_hexo_id_from_front_matter(tmp_path: Path) -> None:
    files = {"_config.yml": "permalink: :id.html\n", "source/_posts/.keep": ""}
    assert url_of(tmp_path, "source/_posts/web/dedupe.md", {"id": 2045}, files) == "/2045.html"
    assert url_of(tmp_path, "source/_posts/web/dedupe.md", {"id": "intro"}, files) == "/intro.html"
    assert url_of(tmp_path, "source/_posts/web/dedupe.md", {}, files) is None  # the database's id: not known


def test_hexo_abbrlink_from_front_matter(tmp_path: Path) -> None:
    files = {"_config.yml": "permalink: :abbrlink.html\nabbrlink:\n  alg: crc16\n", "source/_posts/.keep": ""}
    assert url_of(tmp_path, "source/_posts/算法/高精度.md", {"abbrlink": 48355}, files) == "/48355.html"
    assert url_of(tmp_path, "source/_posts/算法/高精度.md", {"abbrlink": "a1b2"}, files) == "/a1b2.html"
    assert url_of(tmp_path, "source/_posts/算法/高精度.md", {}, files) is None  # made at the next build: not known


def test_zola(tmp_path: Path) -> None:
    files = {"config.toml": 'base_url = "https://example.org"\n'}
    assert url_of(tmp_path, "content/blog/2024-05-31_Deep Sleep.md", {}, files) == "/blog/deep-sleep/"
    assert url_of(tmp_path, "content/blog/post/index.md", {}, files) == "/blog/post/"
    assert url_of(tmp_path, "content/blog/post.md", {"path": "2024/05/31/post"}, files) == "/2024/05/31/post/"
    assert url_of(tmp_path, "content/blog/睡眠.md", {}, files) is None
    kept = {"config.toml": 'base_url = "https://example.org"\n[slugify]\npaths_keep_dates = true\n'}
    assert url_of(tmp_path / "kept", "content/news/2013-10-15-results.md", {}, kept) == "/news/2013-10-15-results/"  # the date stays in the path


def test_documentation_generators(tmp_path: Path) -> None:
    docusaurus = tmp_path / "docusaurus"
    files = {"docusaurus.config.js": "module.exports = {};\n"}
    assert url_of(docusaurus, "docs/01-intro/02-setup.md", {}, files) == "/docs/intro/setup"
    assert url_of(docusaurus, "docs/guide/guide.md", {}, files) == "/docs/guide"
    assert url_of(docusaurus, "docs/guide/a.md", {"slug": "/b"}, files) == "/docs/b"
    assert url_of(docusaurus, "docs/guide/a.md", {"id": "b"}, files) == "/docs/guide/b"  # the id in the file name's place
    assert url_of(docusaurus, "blog/2024-05-31-sleep.md", {}, files) == "/blog/2024/05/31/sleep"
    assert url_of(docusaurus, "blog/2020-2-14-notes.md", {}, files) == "/blog/2020/2/14/notes"  # the date as written
    # the date first, then the folders before it (Docusaurus' parseBlogFileName)
    assert url_of(docusaurus, "blog/post/2021-08-11-the-unanon.md", {}, files) == "/blog/2021/08/11/post/the-unanon"
    assert url_of(docusaurus, "blog/2021-08-12-roadmap/index.md", {}, files) == "/blog/2021/08/12/roadmap"
    assert url_of(docusaurus, "blog/2021/08/13/notes.md", {}, files) == "/blog/2021/08/13/notes"
    assert url_of(docusaurus, "blog/releases/v2.md", {}, files) == "/blog/releases/v2"
    assert url_of(tmp_path / "mkdocs", "docs/a.md", {}, {"mkdocs.yml": "site_name: x\n"}) == "/a/"
    flat = {"mkdocs.yml": "site_name: x\nuse_directory_urls: false\n"}
    assert url_of(tmp_path / "mkdocs-flat", "docs/a.md", {}, flat) == "/a.html"
    vitepress = tmp_path / "vitepress"
    assert url_of(vitepress, "guide/README.md", {}, {".vitepress/config.mts": "export default {}\n"}) == "/guide/README.html"
    nuxt = tmp_path / "nuxt"
    nuxt_files = {"nuxt.config.ts": "export default defineNuxtConfig({ modules: ['@nuxt/content'] })\n", "content/.keep": ""}
    assert url_of(nuxt, "content/1.guide/2.installation.md", {}, nuxt_files) == "/guide/installation"  # order prefixes dropped
    assert url_of(nuxt, "content/blog/index.md", {}, nuxt_files) == "/blog"
    assert url_of(nuxt, "content/index.md", {}, nuxt_files) == "/"
    assert url_of(nuxt, "content/1.guide/_partial.md", {}, nuxt_files) is None  # a partial, no page
    assert url_of(nuxt, "content/2024.notes.md", {}, nuxt_files) == "/notes"
    book = tmp_path / "mdbook"
    book_files = {"book.toml": "[book]\ntitle = \"x\"\n"}
    assert url_of(book, "src/guide/setup.md", {}, book_files) == "/guide/setup.html"
    assert url_of(book, "src/guide/README.md", {}, book_files) == "/guide/index.html"  # a chapter's README is its folder's index
    assert url_of(book, "src/SUMMARY.md", {}, book_files) is None  # the table of contents
    plain = tmp_path / "plain"
    assert url_of(plain, "notes/a.markdown", {}) == "/notes/a.html"
    assert url_of(plain, "notes/a.Rmd", {}) is None


DOCUSAURUS_PLUGINS = """
const config = {
  presets: [["classic", /** @type {Options} */ ({
    docs: { routeBasePath: "/", lastVersion: "1.0", versions: { current: { path: "/2.x" } } },
    blog: { path: "posts", routeBasePath: "/articles/" },
  })]],
  plugins: [
    ["@docusaurus/plugin-content-blog", { id: "releases", path: "./changes", routeBasePath: "release-notes" }],
    ["@docusaurus/plugin-content-docs", { id: "api", path: "reference", routeBasePath: "api" }],
  ],
  i18n: { defaultLocale: "en", locales: ["en", "fr"] },
};
"""


def test_docusaurus_plugin_instances_serve_their_folders_at_their_routes(tmp_path: Path) -> None:
    files = {"docusaurus.config.js": DOCUSAURUS_PLUGINS, "versions.json": '["1.0", "0.9"]', "api_versions.json": "[]"}
    assert url_of(tmp_path, "docs/intro.md", {}, files) == "/2.x/intro"  # the current version
    assert url_of(tmp_path, "versioned_docs/version-1.0/intro.md", {}, files) == "/intro"  # the last version
    assert url_of(tmp_path, "versioned_docs/version-0.9/intro.md", {}, files) == "/0.9/intro"
    assert url_of(tmp_path, "reference/client.md", {}, files) == "/api/client"  # an instance without versions
    assert url_of(tmp_path, "posts/2024-05-31-sleep.md", {}, files) == "/articles/2024/05/31/sleep"
    assert url_of(tmp_path, "changes/2024-06-01-1.1.md", {}, files) == "/release-notes/2024/06/01/1.1"
    translated = "i18n/fr/docusaurus-plugin-content-blog-releases/2024-06-01-1.1.md"
    assert url_of(tmp_path, translated, {}, files) == "/fr/release-notes/2024/06/01/1.1"
    assert url_of(tmp_path, "i18n/fr/docusaurus-plugin-content-docs/version-0.9/intro.md", {}, files) == "/fr/0.9/intro"
    assert url_of(tmp_path, "blog/2024-05-31-sleep.md", {}, files) is None  # the preset's blog reads posts/
    # A doc's `id` takes its file name's place in the URL; a slug still wins; an id with a `/` is not modelled.
    assert url_of(tmp_path, "reference/guides/01-setup.md", {"id": "getting-started"}, files) == "/api/guides/getting-started"
    assert url_of(tmp_path, "reference/setup.md", {"id": "x", "slug": "/start"}, files) == "/api/start"
    assert url_of(tmp_path, "reference/setup.md", {"id": "a/b"}, files) is None


def test_docusaurus_options_are_read_as_data_never_run() -> None:
    from artlint.jsobject import object_at, options_after

    text = 'x = ["p", /* options */ ({ a: "b", c: require("./c"), d: { e: [1, `t${x}`] }, ...rest, f() { return 1 }, g: false })]'
    assert options_after(text, text.index('"p"') + 3) == {"a": "b", "c": None, "d": {"e": [1, None]}, "g": False}
    assert object_at("{ a: 'unterminated", 0) == {"a": None}
    assert object_at("{" * 10_000, 0) == {}  # nested past the reader's depth: unknown, not a RecursionError
    assert object_at("{ ) ] a: 1 }", 0) == {"a": 1}
    assert options_after('"p",' + " " * 200_000 + "{a: 1}", 3) == {}  # read within a budget of steps, then given up


def test_a_hostile_docusaurus_configuration_is_read_in_bounded_time() -> None:
    from artlint.sites import _docusaurus_sources

    nested = "[" + '["@docusaurus/plugin-content-blog", {id: "a", x: ' * 20_000 + "1" + "}]" * 20_000 + "]"
    started = time.process_time()
    assert _docusaurus_sources("/nonexistent", nested, []) == (("docs", "docs", "docs"), ("blog", "blog", "blog"), ("pages", "src/pages", ""))
    assert time.process_time() - started < 5  # about 0.7 s here; unbounded, 18 s


def test_page_names_hold_the_url_names_generators_make_of_file_names_and_slugs(tmp_path: Path) -> None:
    """The names a site path's last segment is matched against when its page cannot be placed
    exactly: Hugo drops from a file's URL what a path may not hold (【】), and Zola slugifies
    the slug it is given."""
    from artlint.localfiles import _page_names

    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "210816_容器化 _ 部署篇【建议收藏】.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (posts / "26.md").write_text('+++\nslug = "Rust 101: The Best Resources"\n+++\n', encoding="utf-8")
    names = _page_names(str(tmp_path), ("content",))
    assert "210816_容器化-_-部署篇建议收藏" in names
    assert "rust-101-the-best-resources" in names
    assert "210816_容器化-_-部署篇建议" not in names


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("/:sections[:2]/:filename", "/guides/game/farm/"),
        ("/:sections[1:]/:filename", "/game/routes/farm/"),
        ("/:sections[last]/:filename", "/routes/farm/"),
        ("/:sections[:last]/:filename", "/guides/game/farm/"),
        ("/:sections[0]/:filename", "/guides/farm/"),
        ("/:sections[7]/:filename", None),  # beyond the page's sections: uncertain
    ],
)
def test_hugo_permalinks_with_some_of_the_sections(tmp_path: Path, pattern: str, expected: str | None) -> None:
    files = {"hugo.toml": f'baseURL = "https://example.org/"\n[permalinks.page]\nguides = "{pattern}"\n'}
    assert url_of(tmp_path, "content/guides/game/routes/farm.md", {}, files) == expected


def test_eleventy_permalinks_from_the_data_cascade(tmp_path: Path) -> None:
    files = {
        "eleventy.config.js": 'export default function () { return { dir: { input: "src" } }; }\n',
        "src/blog/posts/posts.json": '{"permalink": "/blog/{{ title | slugify }}/index.html"}',
        "src/notes/notes.json": '{"eleventyComputed": {"permalink": "/notes/{{ page.fileSlug }}/"}}',
        "src/drafts/drafts.11tydata.js": "export default { permalink: false };\n",
    }
    matter = {"title": "Touching grass (and shrubs, and dogs) & HTMLElements"}
    assert url_of(tmp_path, "src/blog/posts/2024-06-01-grass.md", matter, files) == "/blog/touching-grass-and-shrubs-and-dogs-and-html-elements/"
    assert url_of(tmp_path, "src/notes/2024-06-02-a-note.md", {}) == "/notes/a-note/"
    assert url_of(tmp_path, "src/notes/2024-06-03-own.md", {"permalink": "/mine/"}) == "/notes/own/"  # computed data wins
    assert url_of(tmp_path, "src/drafts/idea.md", {}) is None  # a JavaScript data file: only running it would tell
    assert url_of(tmp_path, "src/blog/posts/untitled.md", {}) is None  # no title to make it of

"""The site an article belongs to: which generator builds it, and what that makes of each file.

Rules ask the model instead of guessing: whether a file is an article (a post needs a date)
or a section index, a page, a partial or a repository document (README, LICENSE); its
language and translation group (translations are not duplicates of each other); the date its
file name gives (Jekyll, Hexo, Zola, Docusaurus posts); and the folders its links resolve in.

The generator is found from its own configuration file, in the nearest folder at or above the
article: Hugo (`hugo.*`, `config.*` with `baseURL`, `config/_default/`), Zola (`zola.toml`,
`config.toml` with `base_url`), Hexo (`_config.yml` with `source/_posts` or a `hexo` package),
Jekyll (`_config.yml`), Docusaurus (`docusaurus.config.*`), MkDocs (`mkdocs.yml`, or `mkdocs-*.yml`;
ProperDocs' `properdocs.yml`), Nuxt Content (`nuxt.config.*` with `content/`), mdBook (`book.toml`),
GitBook (`book.json`; a space synced with gitbook.com: `.gitbook.yaml`, or a `SUMMARY.md`
beside `.gitbook/` or opening with `# Table of contents`), Writerside (`writerside.cfg`),
a Logseq graph (`logseq/config.edn` beside `pages/` or `journals/`), docsify (an `index.html`
that sets `window.$docsify`), VitePress
(`.vitepress/config.*`), VuePress (`.vuepress/config.*`), Eleventy (`.eleventy.js`, `eleventy.config.*`, or
the file package.json's scripts pass to `eleventy --config=`).
A folder of markdown with none is a `plain` site rooted at the
project's root. `[site]` in artlint.toml overrides what detection gets wrong. Configuration files
are read as data only (JavaScript ones are never run, only searched for their locales).
"""

from __future__ import annotations

import copy
import json
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any, Collection, Iterator, Mapping
from urllib.parse import unquote, urlsplit

from artlint import data
from artlint.boundary import nearest, relative_path, repository_top, within
from artlint.dependencies import (
    file_exists,
    folder_signature,
    index_files,
    notes_folder,
    notes_tree,
    record,
    section_pages,
    signature_of,
    titles_tree,
)
from artlint.globs import glob_set
from artlint.lazyre import lazy
from artlint.slugs import docusaurus_unnumbered, github_slug

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

GENERATORS = (
    "hugo", "zola", "jekyll", "hexo", "docusaurus", "mkdocs", "vitepress", "vuepress", "rspress", "nuxt", "mdbook", "gitbook",
    "writerside", "logseq", "docsify", "eleventy", "astro", "plain",
)
MAX_CONFIG_BYTES = 1 << 20  # a generator's configuration is small; a larger file is not read
_DATE_NAME = lazy(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[-_](.*))?$")
# Zola's RFC3339_DATE: a day, maybe its time (`2024-11-13T23:52:00Z`), then maybe `_` or `-` and
# the slug (optional since Zola 0.19).
_ZOLA_DATE_NAME = lazy(
    r"^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))?(?:\s?[_-](.+))?$"
)
# `hugo_version = "0.55.6"`, `hugo-version: '0.55.6'`, `ARG HUGO_VERSION="0.55.6"`, or a release
# downloaded by its URL (`gohugoio/hugo/releases/download/v0.55.6/`).
_HUGO_VERSION = lazy(r"""hugo[-_]version["']?\s*[:=]\s*["']?v?0\.(\d+)|gohugoio/hugo/releases/download/v0\.(\d+)""", re.I)
# `locales: ['en', 'fr']`, or a constant the configuration names there (`const locales = [...]`).
_LOCALES = lazy(r"""\blocales\s*[:=]\s*\[([^\]]*)\]""")
_DEFAULT_LOCALE = lazy(r"""defaultLocale\s*:\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)["']""")
_QUOTED = lazy(r"""["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)["']""")
# Documentation generators: a page's title comes from its first heading, front matter is optional.
DOCUMENTATION_GENERATORS = ("docusaurus", "mkdocs", "vitepress", "vuepress", "rspress", "nuxt", "mdbook", "gitbook", "writerside", "docsify")
_LANGUAGE_CODE = lazy(r"^([a-z]{2,3})(?:[-_]([a-z]{2}|[a-z]{4}|\d{3}))?$", re.I)


@dataclass(frozen=True)
class Page:
    """What the site makes of one file."""

    # "article", "section", "page", "partial" (include, template, draft), "repository" (README...),
    # "resource" (a Hugo leaf bundle's other file), "fragment" (a translated block a page includes)
    kind: str
    language: str | None = None  # None on a site in one language
    translation_key: str = ""  # equal for a page and its translations
    date_from_name: str | None = None  # YYYY-MM-DD, when the file name gives the date
    front_matter_expected: bool = True  # False for README files, partials, pages of documentation generators
    # Not published by a default build: `draft: true` (Hugo, Zola, Docusaurus...), `published:
    # false` (Jekyll, Hexo), a file under a `_drafts` folder (Jekyll, Hexo).
    draft: bool = False
    # The generator titles the page from its file name when its front matter has no title:
    # Jekyll's documents (posts, collections), `whitelist.md` titled "Whitelist".
    title_from_name: bool = False
    # The page's layout prints another object's name as its heading (a plugin directory's
    # `<h2>{{ plugin.name }}</h2>` from the site's data): a first heading in its text is not its title.
    title_from_layout: bool = False
    # The layout hands the page's text to a script that renders it as markdown in the browser
    # (reveal.js's `<section data-markdown>`, marked with GFM): bare URLs are linked there.
    rendered_by_script: bool = False
    # The page sends its readers on and shows none of its text: `redirect_to:` with
    # jekyll-redirect-from, a Hugo page of the `redirect` type.
    redirects: bool = False
    # A draft that the site's build leaves out (`Site.drafts_unbuilt`): nobody reads its text.
    unbuilt: bool = False

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


@dataclass(frozen=True)
class Site:
    generator: str
    root: str  # absolute folder the generator runs in
    config_file: str | None = None  # the generator's configuration it was detected from
    content: tuple[str, ...] = (".",)  # content folders, relative to root
    static: tuple[str, ...] = ()  # folders copied to the site's root as they are
    languages: tuple[str, ...] = ()  # the site's language codes, the default first
    language_folders: tuple[tuple[str, str], ...] = ()  # (folder relative to root, language)
    # jekyll-polyglot's `lang_from_path`: a folder named by one of the languages anywhere in a
    # page's path (`_posts/ja/`) gives its language.
    language_from_path: bool = False
    permalinks: tuple[tuple[str, str], ...] = ()  # (section or kind, pattern), as configured
    # Other settings that shape a page's URL, as (name, text): Hugo's `uglyurls` (or
    # `uglyurls.<section>`) and `disablepathtolower`, Hexo's `new_post_name`, Zola's
    # `slugify.paths`, MkDocs' `use_directory_urls` (artlint.pageurls reads them).
    url_settings: tuple[tuple[str, str], ...] = ()
    not_content: tuple[str, ...] = ()  # folders relative to root that hold no articles
    # Folders of the site's own templates where its configuration puts them (Eleventy's
    # includes and layouts: `dir: { includes: "includes" }`), relative to root.
    template_folders: tuple[str, ...] = ()
    # Globs (artlint.globs, relative to root) of the markdown files the configuration leaves
    # out of the build: VuePress's `pagePatterns` negations (`!**/Master/**/*.md`), VitePress's
    # `srcExclude`.
    excluded_pages: tuple[str, ...] = ()
    # Hugo's `ignoreFiles`: regular expressions of the absolute paths of files it does not build
    # (kept to be included elsewhere, `{{< readfile >}}`).
    ignore_files: tuple[str, ...] = ()
    # Folders relative to root whose markdown is not a page but a block that pages include,
    # one folder per language: jekyll-multiple-languages-plugin's `_i18n/<lang>/`.
    fragments: tuple[str, ...] = ()
    # Jekyll and Hexo skip files and folders whose names start with "_" (blocks that pages
    # include), but for these: `_posts`, Jekyll's collections and its `include:` list.
    rendered_underscored: tuple[str, ...] = ()
    # Site folders a Jekyll plugin of the site writes pages into (`PageWithoutAFile.new(site,
    # site.source, "packages", ...)` in `_plugins/`): pages there have no source file.
    generated_folders: tuple[str, ...] = ()
    # Folders of the built site that another build step fills (Jekyll's `keep_files: [image]`,
    # "files not generated by Jekyll", an image repository cloned into `_site/image`; Hugo
    # content a build script copies into place, `cp -R content/v2.3 content/latest`).
    kept_folders: tuple[str, ...] = ()
    # Folders of Jekyll's documents, which it titles from their names: `_posts` and the
    # `_<name>` folder of each collection with `output: true`.
    document_folders: tuple[str, ...] = ()
    # Jekyll's collections with `output: true` and the permalink each gives its documents
    # (folder, pattern): `_docs` at "/docs/:title/"; Jekyll's default is `/:collection/:path:output_ext`.
    collection_permalinks: tuple[tuple[str, str], ...] = ()
    # Folders Jekyll reads though it renders no page of them: drafts, and the collections
    # without `output: true`, whose documents layouts show elsewhere.
    unrendered_read: tuple[str, ...] = ()
    # Hugo's mounts of one file at another place (source, target), relative to root: the page
    # `content/docs/.common/x.md` mounted at `content/docs/guide/x.md` is served there.
    file_mounts: tuple[tuple[str, str], ...] = ()
    # Hugo content folders mounted below the content root (folder, the path under it): a
    # mount of `uploads` at `content/uploads` serves `uploads/posts/a.png` at /uploads/posts/a.png.
    content_prefixes: tuple[tuple[str, str], ...] = ()
    # Jekyll's `defaults` that set a layout: (path, type, layout), as configured.
    layout_defaults: tuple[tuple[str, str, str], ...] = ()
    # Jekyll's `defaults` that set a permalink: (path, type, pattern), as configured.
    permalink_defaults: tuple[tuple[str, str, str], ...] = ()
    # Hugo's paired shortcodes known to read their body as data, not markdown (`mermaid`),
    # where the site holds no template that says (artlint.shortcodes).
    verbatim_shortcodes: tuple[str, ...] = ()
    # Python-Markdown's block containers whose body is indented four spaces (MkDocs):
    # "!!!" (admonition), "???" (pymdownx.details), "===" (pymdownx.tabbed).
    containers: tuple[str, ...] = ()
    autolinks: bool = False  # the renderer links bare URLs (Hugo's goldmark linkify, marked's GFM...)
    # The generator's default build leaves drafts out: `draft: true` on Hugo (without
    # `buildDrafts`), Zola, Docusaurus, Starlight and Astro sites whose code filters on the key;
    # `published: false` on Jekyll (without `unpublished`) and Hexo (without `render_drafts`).
    # Their text is not checked; `[site] drafts = true` checks it.
    drafts_unbuilt: bool = False
    # mkdocs-static-i18n's suffix layout: a translation's link to `page.md` leads to the page in
    # its own language, `page.<lang>.md`, when there is one.
    translated_links: bool = False
    # Reference labels defined in files appended to every page (pymdownx.snippets' `auto_append`).
    appended_labels: tuple[str, ...] = ()
    blackfriday: bool = False  # Hugo renders with Blackfriday (before 0.60, or when configured so)
    # Hugo before 0.123 reads front matter wrapped in an HTML comment (`<!--` / `---` … `---` / `-->`),
    # written so to hide it where the file is shown as markdown (GitHub).
    commented_front_matter: bool = False
    # The renderer pairs any two `**` of a paragraph, spaces inside or not (`** a **` is bold),
    # with no CommonMark flanking rule: Docusaurus before 3 (MDX 1, remark-parse 8), and Hexo's
    # marked before 1.0 (hexo-renderer-marked 0.x) or kramed.
    spaced_strong: bool = False
    # Hexo's marked before 1.0 (hexo-renderer-marked 0.x, marked 0.3) and kramed, its fork: a
    # table is made whatever its rows' and delimiter's numbers of cells, every cell shown; a
    # fence closes at three backticks ending any line (`}```` closes the block); a link's
    # destination runs to its `)`, spaces and all (`![a](my file.png)`).
    marked_before_1: bool = False
    # The renderer makes `##Title` a heading, no space needed: kramed (hexo-renderer-kramed).
    unspaced_headings: bool = False
    # The list of a page's terms may hold empty items, which the build drops: Hexo's, Hugo's (it
    # skips an empty term when it assembles a taxonomy; archetypes scaffold `tags:` then a lone
    # `-`), and the vdoing theme's of VuePress, whose scaffold writes the same.
    drops_empty_terms: bool = False
    # The build turns `[[Page name]]` into links: an Obsidian vault (`.obsidian/`), or a wiki-link
    # plugin named in the configuration, the package or the Gemfile (remark-wiki-link,
    # mkdocs-roamlinks, jekyll-wikirefs...). Elsewhere CommonMark shows the brackets as text.
    wiki_links: bool = False
    # The build turns image syntax that points at a video or a sound into a player
    # (jekyll-spaceship's media processor: YouTube, Vimeo, an `.mp3`): no picture to describe.
    media_embeds: bool = False
    # No part of the build parses a page's front-matter dates (MkDocs without a plugin of
    # `mkdocs-date-plugins` in rules/sites.toml, Material's blog or an RSS feed): they are notes.
    dates_unread: bool = False
    # Hosts whose address alone on its line the build turns into a player or a card
    # (eleventy-plugin-youtube-embed, gatsby-remark-embedder: `url-embed-plugins` in rules/sites.toml).
    url_embed_hosts: tuple[str, ...] = ()
    # The site tells browsers to fetch its http:// images and scripts over https
    # (`Content-Security-Policy: upgrade-insecure-requests`, in a `<meta>` its configuration
    # writes into every page's head, or in the host's headers file).
    upgrades_insecure: bool = False
    # A plain folder's subfolders that are sites of a generator, named as a repository names its
    # site's folder (`docs/` with `.vuepress/`, `website/`): the
    # repository is that site's, and the markdown beside it is the repository's own (notes,
    # copies posted elsewhere), which no generator publishes.
    holds_sites: tuple[str, ...] = ()
    # A plain folder that holds markdown files alone (a blog's posts kept in a repository of their
    # own): the files its pages link from the site's root (`/uploads/a.png`) are kept with the
    # site, elsewhere, and cannot be looked for here.
    assets_kept_elsewhere: bool = False
    # Heading ids are markdown-it-anchor's default slugs (lower case, spaces as `-`, the rest
    # URI-encoded: `promise.allsettled`, `c-%2F-c%2B%2B`): an Eleventy site that depends on it.
    encoded_heading_ids: bool = False
    # The site gives markdown-it-anchor a slugify of its own (`slugify: s => slugify(s, {strict:
    # true})`, in its Eleventy configuration or a script that imports): heading ids that artlint
    # cannot compute, read loosely.
    custom_heading_ids: bool = False
    # A markdown image's title is shown under it as its caption: markdown-it-image-figures with
    # `figcaption: true` (or "title") on an Eleventy site; a Hugo image render hook that prints
    # `.Title` (`{{ with .Title }}<p>{{ . }}</p>{{ end }}`).
    image_title_captions: bool = False
    # A link may name a page by its input file from the input folder or the project's top
    # (`<a href="blog/thirdpost.md">` from any page): Eleventy's InputPathToUrl plugin or filter.
    input_path_links: bool = False
    # Data file formats an Eleventy site adds (`addDataExtension("yml,yaml", …)`) that artlint
    # reads: template and folder data files in them (`index.yml` beside `index.md`) join the cascade.
    data_extensions: tuple[str, ...] = ()
    # An MkDocs site whose versions mike deploys side by side (`extra.version.provider: mike`):
    # `/4.1/`, `/2.0.3/guide/` are other versions' builds, not pages of this one.
    versions_beside: bool = False
    # Folders (relative to root) whose files a link or an image names alone, wherever in them
    # they lie: Writerside's topics and images (`[x](file.md)`, `![x](shot.png)`), the docs of
    # an MkDocs site with mkdocs-autolinks-plugin (or ezlinks, roamlinks).
    by_name_folders: tuple[str, ...] = ()
    # The front-matter keys of terms (`tags`, `categories`) that the site's templates or plugins
    # may read as lists (loop over, count, make pages of); a Jekyll site whose own templates
    # only print them reads `tags: a, b` as written. All of them on other generators.
    term_lists: tuple[str, ...] = ("tags", "categories")
    # Those that the templates print whole (`title="{{ post.tags }}"`): Jekyll splits a string
    # at its spaces, and prints the parts run together.
    terms_printed: tuple[str, ...] = ()
    # Jekyll: those read of one collection's documents alone (`site.tags` and `post.tags` in a
    # loop over `site.posts`: the posts'); whether what layouts read of their page is asked
    # page by page (artlint.sites.jekyll_terms_read).
    collection_term_uses: tuple[tuple[str, str, str], ...] = ()  # (collection, key, "list" or "print")
    layout_term_uses: bool = False
    # Hugo page types whose own single layout heads the page without its title (a meeting's
    # `<h1>例会</h1> {{ .Params.date }}`), and calls no partial that might show it.
    untitled_types: tuple[str, ...] = ()
    # pandoc renders the markdown (hexo-renderer-pandoc): a `**` closes after a space too
    # (`**句子。 **` is bold), bare URLs stay text, and headings get pandoc's ids.
    pandoc: bool = False
    # markdown-it renders a Hexo site (hexo-renderer-markdown-it): CommonMark's emphasis rules.
    # A Hexo source folder kept alone, whose renderer nothing names, is read so too.
    markdown_it: bool = False
    # MkDocs with pymdownx.betterem: `**` pairs only where it could open and close, much as
    # CommonMark's flanking rules say (`**陈：**我` stays as written), not as Python-Markdown's.
    betterem: bool = False
    # MkDocs without pymdownx.betterem: Python-Markdown's own patterns set a `**` with a blank
    # on both sides aside as text, then pair the rest in order, blanks beside them or not
    # (`**子选择器 **`x`` is bold); betterem, whatever its options, wants a closer after a non-blank.
    python_markdown_strong: bool = False
    # The pages an MkDocs site's explicit `nav:` lists (paths from the root), None where every
    # page is in its navigation (no `nav`, or a plugin that builds it).
    nav_pages: frozenset[str] | None = None
    # A CJK-friendly emphasis plugin (markdown-it-cjk-friendly, remark-cjk-friendly,
    # marked-cjk-friendly) is installed: `**注：**正文` is bold, as CommonMark's next revision
    # proposes, where CommonMark alone shows the asterisks.
    cjk_friendly: bool = False
    # marked before 1.0 (hexo-renderer-marked before 3): `__words__` is bold wherever the
    # opening `__` follows no ASCII letter, digit or `_` (具有__固定格式__，), flanking aside.
    pattern_underscores: bool = False
    # A line break inside a paragraph is rendered as one (marked's `breaks`, Hexo's default):
    # the lines of a paragraph are lines on the page.
    line_breaks: bool = False
    definition_term_ids: bool = False  # Hugo's goldmark gives each definition list term an id
    # The renderer reads definition lists (`Term` then `:   definition`): Hugo's goldmark unless
    # turned off, MkDocs with `def_list` (or `extra`).
    definition_lists: bool = False
    # Hugo's goldmark without `markup.goldmark.renderer.unsafe = true` (its default) writes
    # `<!-- raw HTML omitted -->` in place of raw HTML: an `<img>` in the markdown is no image.
    drops_raw_html: bool = False
    # Hugo hands each link's destination to a render hook (the site's `_markup/render-link.html`,
    # or the embedded one): it looks pages up with GetPage, from the page or the content root.
    link_render_hook: bool = False
    # The site's link render hook writes the target page's title as the text of a link that
    # has none (`{{ or .Text $page.LinkTitle }}`): `[](other-post)` shows that title.
    link_text_from_target: bool = False
    # A Hugo image render hook of the site, its theme or a module (`_markup/render-image.html`):
    # themes' hooks look an image up among the page's resources first (`/a.webp` in its bundle).
    image_render_hook: bool = False
    # Hugo's embedded link render hook (0.123 on, multilingual sites of one host): a link's page
    # found as GetPage finds it, from the language's content root too; no keywords of its own.
    embedded_link_hook: bool = False
    # The site's templates title a page without a title from its file name (hugo-book's
    # `.File.BaseFileName | humanize | title`): such a page needs no front matter.
    titles_from_file_names: bool = False
    # The site's templates set `<base href>` to its root (`{{ .Site.BaseURL }}`, `{{ site.url }}`):
    # a browser reads every relative link from there, whatever the page.
    root_base: bool = False
    # Hugo image shortcodes whose template (the site's or its theme's `layouts/shortcodes/`)
    # passes `src` through `relURL` or `absURL`: `{{< figure src="assets/a.png" >}}` is the
    # site's `/assets/a.png`, wherever the page.
    root_shortcodes: tuple[str, ...] = ()
    # Hugo shortcodes whose template writes headings or ids computed from data (`## {{ .name }}`
    # for each option of a data file): a page that calls one has anchors no reading finds.
    heading_shortcodes: tuple[str, ...] = ()
    # hexo-renderer-marked's `prependRoot` (on by default since its version 5), without
    # `relative_link`, or a Hugo image render hook that writes `.Destination | relURL` when no
    # page resource matches: a markdown image's relative path is written from the site's root.
    images_from_root: bool = False
    # Chirpy's `img_cdn` (`cdn` since its version 7) when it is a folder of the site
    # (`img_cdn: /assets/img`): its templates write every image source without `//` after it.
    image_prefix: str = ""
    # A Hugo image render hook that looks an image up with `resources.Get` when the page has no
    # such resource (LoveIt's, FixIt's, DoIt's `function/resource.html`): `![](a.png)` is the
    # site's `assets/a.png`, wherever the page.
    images_from_assets: bool = False
    # Hexo's `post_asset_folder: true`: a post's assets are in the folder named after its file
    # (`_posts/a-post/`), which `{% asset_img a.png %}` names them from.
    post_asset_folder: bool = False
    # The pages are Jinja2 templates rendered before markdown (MkDocs' macros plugin): `{{ x }}`
    # and `{% if %}` are template markup, as Liquid's are on Jekyll.
    jinja_pages: bool = False
    # (opening, closing) tags of mkdocs-include-markdown-plugin's directives (`{% include-markdown
    # "x.md" %}`, or the tags its configuration sets): a directive the plugin replaces before
    # markdown reads the page, no text of the page.
    include_tags: tuple[tuple[str, str], ...] = ()
    # mkdocs-autorefs (on its own, or with mkdocstrings): `[text][identifier]` names a heading or
    # an API object anywhere in the site, resolved at build time, with no definition.
    autorefs: bool = False
    # pymdownx.tabbed gives each tab an id made of its title (its `slugify` option set; with
    # `combine_header_slug`, after the id of the heading above): "titles" or "combined", or "".
    tab_ids: str = ""
    # Python-Markdown's toc `separator` (MkDocs): what joins the words of a heading's id (`-`).
    toc_separator: str = "-"
    # A plugin of the site adds ids to what it renders (a Jekyll hook that writes `{:#id}`), or
    # the site gives markdown a slug function of its own (VuePress' `markdown: { slugify(s) {…} }`):
    # an anchor that no heading gives as artlint slugs it may be one of them.
    plugin_ids: bool = False
    # jekyll-optional-front-matter (one of GitHub Pages' default plugins, with
    # jekyll-titles-from-headings): a markdown page without front matter is rendered all the same.
    front_matter_optional: bool = False
    # A remark or rehype plugin of an Astro site's configuration writes the pages' front matter
    # (`file.data.astro.frontmatter.date = …`): a page may leave out what the build gives it.
    front_matter_computed: bool = False
    # Front-matter keys whose written value the site's code maps (Astro's `z.preprocess(…)`,
    # `.transform(…)`): what is written need not be the value's final form (`updated: ''`).
    front_matter_transformed: tuple[str, ...] = ()
    # Docusaurus' docs and blog plugin instances: (kind, folder, route) of each folder one of
    # them serves pages from (a docs version's folder, a locale's translation), relative to root.
    doc_sources: tuple[tuple[str, str, str], ...] = ()
    # Astro: the folders of content collections whose schema lets a title go (none declared,
    # or `title: z.string().optional()`); Astro's validation stops a build that misses a required one.
    untitled_folders: tuple[str, ...] = ()
    # Astro: (folder, keys) of the content collections whose schema is a `z.object({…})` of its
    # own: keys it does not declare are dropped from the entry's data (zod strips them), never read.
    declared_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # jekyll-redirect-from (or GitHub Pages, which brings it): a page with `redirect_to:` is a
    # redirect, its text never shown.
    redirect_pages: bool = False
    # Site paths a plugin writes a list of pages at: a Docusaurus blog's `/blog`.
    listing_pages: tuple[str, ...] = ()
    # Site paths a plugin writes a redirect page at (mkdocs-redirects' `redirect_maps`).
    redirect_sources: tuple[str, ...] = ()
    host: str = ""  # the host of the site's own configured URL (Hugo baseURL, Jekyll url...), lower case
    # The host of the project's homepage as its package.json names it (`"homepage":
    # "https://hydejack.com/"`), lower case: the project's own site, which its README links to.
    project_host: str = ""
    # The path the site is published under (`/docs` for Hugo's `baseURL: https://x.org/docs`,
    # Jekyll's `baseurl`, Hexo's `root`, Docusaurus' `baseUrl`), "" at the host's root.
    base_path: str = ""
    _pages: dict = field(default_factory=dict, repr=False, compare=False, hash=False)  # memo of page()
    _sections: dict = field(default_factory=dict, repr=False, compare=False, hash=False)  # memo of dates_expected()
    _cascades: dict = field(default_factory=dict, repr=False, compare=False, hash=False)  # memo of unrendered_below()

    @property
    def commonmark_parser(self) -> bool:
        """Whether the renderer is a CommonMark parser, lists and emphasis alike (goldmark,
        pulldown-cmark, remark, markdown-it); kramdown, marked, Python-Markdown and Blackfriday
        (Hugo's renderer before 0.60) have rules of their own, and accept `**注：**正文` as bold."""
        pattern_matching = (
            self.generator in ("jekyll", "docsify")
            or (self.generator == "mkdocs" and not self.betterem)
            or (self.generator == "hexo" and not self.markdown_it)
        )
        return not pattern_matching and not self.blackfriday and not self.spaced_strong

    @property
    def commonmark_emphasis(self) -> bool:
        """Whether the renderer follows CommonMark's flanking rules for `*` and `_`: a CommonMark
        parser without a CJK-friendly emphasis plugin, which accepts `**注：**正文` too."""
        return self.commonmark_parser and not self.cjk_friendly

    @property
    def reads_spaced_destinations(self) -> bool:
        """Whether the renderer takes `[text](my file.png)` as a link, spaces and all (kramdown,
        Python-Markdown, Blackfriday, pandoc, marked before 1.0 and kramed, Logseq's mldoc), where CommonMark
        shows it as text."""
        return self.generator in ("jekyll", "mkdocs", "logseq") or self.blackfriday or self.pandoc or self.marked_before_1

    @property
    def shows_wiki_links_as_text(self) -> bool:
        """Whether `[[Page]]` shows as written: a generator's site (its configuration found)
        without a wiki-link plugin."""
        return self.config_file is not None and not self.wiki_links

    @property
    def spaced_emphasis(self) -> bool:
        """Whether the renderer takes `** text **` as bold: MDX 1, marked 0.x, kramed (not
        Python-Markdown, whose `**` between spaces is text: checked with 3.5 and 3.10)."""
        return self.spaced_strong

    @property
    def roots(self) -> tuple[str, ...]:
        """Folders, relative to root, that site paths (`/images/a.png`, `/about/`) resolve in
        (those mounted below the content root only with their path: `content_prefixes`)."""
        prefixed = {folder for folder, _ in self.content_prefixes}
        return tuple(dict.fromkeys((*self.static, *(folder for folder in self.content if folder not in prefixed))))

    def under_prefix(self, folder: str, inner: str) -> str:
        """`inner`, a path inside the content folder `folder`, as the content root has it."""
        for mounted, prefix in self.content_prefixes:
            if mounted == folder:
                return f"{prefix}/{inner}" if inner else prefix
        return inner

    def drops_key(self, file: str, key: str) -> bool:
        """Whether the generator drops `key` from the front matter of the page `file` before
        anything reads it: an Astro collection whose schema does not declare it."""
        relative = self.relative(file)
        return any(within(relative, folder) and key not in keys for folder, keys in self.declared_keys)

    def page(self, file: str, front_matter: Mapping[str, Any] | None = None) -> Page:
        """What the site makes of `file` (absolute), given its front matter."""
        matter = front_matter if isinstance(front_matter, Mapping) else {}
        key = (
            file, _language_in(matter), str(matter.get("translationKey") or ""), _drafted(matter), matter.get("published") is False,
            builds_no_page(matter), str(matter.get("layout")), str(_stated_type(matter)), bool(matter.get("redirect_to")),
        )
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = _page(self, file, matter)
        return page

    def dates_expected(self, file: str) -> bool:
        """Whether the site dates the pages of this file's section: at least half of the other
        pages there (a folder's files and page bundles) carry a date, in front matter or in
        their names, and fewer than half set their place in the menu (`weight`, `sidebar_position`,
        `nav_order`, `order`): a section ordered by hand is documentation, whose pages a missing
        date does not misplace, even where most happen to carry one. Alone there, the same of the
        folder above, or of the folders in it when it has no pages of its own (each version's
        folder holding its one page). Docs sections, and sites that keep the date elsewhere (a Zola `path`), date
        none; a post without a date among dated posts is a mistake. On Zola the section's
        `_index.md` decides instead: dates are expected only where it sorts by date (a folder
        without one holds orphan pages, in no list)."""
        is_bundle = os.path.basename(file).lower().startswith("index.")
        folder = self._in_default_language(os.path.dirname(os.path.dirname(file) if is_bundle else file))
        if self.generator == "zola":
            order = _zola_section_order(folder, os.path.join(self.root, "content"))
            if order is not None:
                return order in ("date", "update_date")  # Zola's default, "none", uses no date
        if self.generator == "hugo" and self._section_archetype_undated(file):
            return False
        climbed = False
        while True:
            # Climbed to a folder without pages of its own, the pages of the folders in it tell:
            # Jekyll's and Hexo's posts filed by category (`_posts/<category>/`), a page alone in
            # each version's folder (`cli/v2.2/command-reference.md`, `cli/v2.3/...`).
            around = climbed
            with_date, ordered, pages = self._dated_pages_around(folder) if around else self._dated_pages(folder)
            others = len(pages - {file})
            if others:
                return len(with_date - {file}) * 2 >= others and len(ordered - {file}) * 2 < others
            # Alone in its folder: the folder above tells (a project's one overview page in a
            # docs tree), or, above a category of `_posts/`, the categories beside this one
            # where `_posts/` has no posts of its own, up to the site's root, where nothing says
            # otherwise.
            parent = os.path.dirname(folder)
            above = self.relative(parent)
            if parent == folder or above == "." or above.startswith(".."):
                return True
            folder, climbed = parent, True

    def _section_archetype_undated(self, file: str) -> bool:
        """Whether the Hugo archetype of this page's section (`archetypes/events.md`, or
        `archetypes/events/index.md` for bundles), which `hugo new` fills in for each new page
        there, writes no date: the site's own template for the section's pages says they need
        none (an event's page with its `start:` instead)."""
        relative = self.relative(file)
        inner = _within_content(self, relative)
        if inner is None or inner == relative or "/" not in inner:
            return False  # outside the content (or content that is the site's root), or a page at its top: no section
        section = inner.split("/", 1)[0]
        archetypes = os.path.join(self.root, "archetypes")
        for candidate in (os.path.join(archetypes, section + ".md"), os.path.join(archetypes, section, "index.md")):
            signature = signature_of(candidate)
            record("stat", candidate, signature)
            if signature:
                keys = _archetype_keys(candidate, signature)
                return keys is not None and not keys & _DATED_KEYS
        return False

    def in_notes_folder(self, file: str) -> bool:
        """Whether a file is one of a folder of notes that no generator builds, read as they are
        (on GitHub, in an editor): its folder holds three markdown files or more and none has
        front matter; or it holds one or two such, and so does the whole site; or fewer than one
        in ten of the site's markdown files has front matter (dependencies.notes_tree)."""
        if self.generator != "plain":
            return False
        folder = os.path.dirname(os.path.abspath(file))
        state = notes_folder(folder)
        record("notes", folder, state)  # a sibling that gains front matter makes the folder a site's
        if state != "notes":  # one or two notes in a folder, or a folder with the site's rare front matter
            tree = notes_tree(self.root)
            record("notes-tree", self.root, tree)
            state = tree if state == "few" or tree == "notes" else state
        return state == "notes"

    def titles_expected(self, file: str) -> bool:
        """Whether the pages of this file's collection carry titles. Only Eleventy is asked: its
        templates decide, and a collection of short notes or photos may have none by design (at
        least half of its first 200 pages untitled). The collection is the first folder under
        the input folder (`notes/` for `notes/2020/03/17/1/index.md`); a page at the top is titled.
        Zola is asked too, of the page's section (`content/notes/`): a page's title is optional
        there, and a section's template may head each note with its date instead. Of a folder no
        known generator builds, the whole site is asked (dependencies.titles_tree): where three in
        four of its pages with front matter give no title, something else titles them."""
        if self.generator == "zola":
            return self._zola_section_titled(file)
        if self.generator == "plain":
            state = titles_tree(self.root)
            record("titles-tree", self.root, state)
            return state == "titled"
        if self.generator == "astro":
            relative = self.relative(file)
            return not any(within(relative, folder) for folder in self.untitled_folders)
        if self.generator != "eleventy":
            return True
        inner = _under_input(self, self.relative(file))
        if _at_the_top(inner):
            return True  # a page at the top (`about.md`, `about/index.md`)
        collection = os.path.join(self.root, self.content[0], inner[0])
        signature = folder_signature(collection)
        record("folder", collection, signature)
        return _mostly_titled(collection, signature)

    def _zola_section_titled(self, file: str) -> bool:
        folder = os.path.dirname(file)
        if os.path.basename(file).lower().startswith("index."):
            folder = os.path.dirname(folder)  # a page with its assets: the section is the folder above
        if self.relative(folder) in self.content or self.relative(folder).startswith(".."):
            return True  # a page at the top of the content folder
        signature = folder_signature(folder)
        record("folder", folder, signature)
        return _mostly_titled(folder, signature)

    def eleventy_data(self, file: str) -> dict[str, Any] | None:
        """What Eleventy's data cascade gives a page besides its front matter: the data files of
        its folders under the input folder (`posts/posts.json`, `posts/posts.11tydata.json`),
        then its own (`a.11tydata.json`), the nearer over the farther, `eleventyComputed`
        merged key by key. None where a JavaScript data file takes part (`posts.11tydata.js`):
        only running it would tell. {} on other sites."""
        if self.generator != "eleventy":
            return {}
        inner = _under_input(self, self.relative(file))
        source = self.content[0]
        folder = os.path.join(self.root, "" if source == "." else source)
        candidates = []
        for part in inner[:-1]:
            folder = os.path.join(folder, part)
            candidates.append(os.path.join(folder, part))
        candidates.append(os.path.join(folder, inner[-1].rsplit(".", 1)[0]))
        merged: dict[str, Any] = {}
        for stem in candidates:
            for suffix in _ELEVENTY_JS_DATA:
                path = stem + suffix
                signature = signature_of(path)
                record("stat", path, signature)
                if signature:
                    literal = _js_data_file(path, signature)
                    if literal is None:
                        return None  # code: only running it would tell
                    _cascade_into(merged, literal)
            for suffix in self._eleventy_data_suffixes:
                path = stem + suffix
                signature = signature_of(path)
                record("stat", path, signature)
                if signature:
                    _cascade_into(merged, _data_file(path, signature))
        return merged

    @cached_property
    def _eleventy_data_suffixes(self) -> tuple[str, ...]:
        """The endings of the data files Eleventy reads beside a template or for a folder:
        JSON, `.11tydata.yml`, and the YAML extensions the site adds (`index.yml`)."""
        added = (f"{middle}.{extension}" for extension in self.data_extensions for middle in ("", ".11tydata"))
        return tuple(dict.fromkeys((".json", ".11tydata.json", ".11tydata.yml", ".11tydata.yaml", *added)))

    def made_by_eleventy_template(self, path: str) -> bool:
        """Whether a site path is the URL of one of an Eleventy site's pages written in another
        template language (`feeds/articles.njk` with `permalink: /feeds/articles.xml`,
        `archive.liquid` at `/archive/`): pages too, which links may name."""
        if self.generator != "eleventy":
            return False
        urls, paged, read = self._eleventy_templates
        for subject, signature in read:
            record("stat", subject, signature)  # each page that asks depends on them, not only the first
        wanted = path.split("#")[0].rstrip("/")
        return wanted in urls or any(wanted.startswith(prefix + "/") for prefix in paged)

    def eleventy_computes_urls(self, path: str) -> bool:
        """Whether a site path may be a page whose URL an Eleventy site computes with its own
        code: the input folder's folder named by the path's first segment gives its pages a
        `permalink` that calls a filter or reads data artlint cannot run (`/blog/{{ page |
        getBlogSlug }}/index.html` in `blog/blog.11tydata.yml`), and the path starts as the
        permalink is written (`/blog/`)."""
        first = path.strip("/").split("/")[0]
        if self.generator != "eleventy" or not first or first.startswith("."):
            return False
        folder = os.path.join(self._eleventy_input, first)
        if not os.path.isdir(folder):
            return False
        cascade = self.eleventy_data(os.path.join(folder, "page.md"))
        permalink = cascade.get("permalink") if cascade else None
        if not isinstance(permalink, str) or not _runs_site_code(permalink):
            return False
        written = permalink.split("{{", 1)[0]
        return len(written) > 1 and written.startswith("/") and path.startswith(written)

    @property
    def _eleventy_input(self) -> str:
        return os.path.join(self.root, "" if self.content[0] == "." else self.content[0])

    def _eleventy_folders(self) -> Iterator[tuple[str, list[str]]]:
        """(folder, its file names) of an Eleventy site's input folder and those under it, in
        order. Eleventy reads `_blog/` as any folder: only its includes, data and output
        folders (and hidden ones, `node_modules`) are none."""
        skipped = {os.path.join(self.root, path) for path in self.not_content}
        for directory, subfolders, names in os.walk(self._eleventy_input):
            subfolders[:] = sorted(
                name for name in subfolders if not name.startswith(".") and name != "node_modules" and os.path.join(directory, name) not in skipped
            )
            yield directory, names

    @cached_property
    def _eleventy_templates(self) -> tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, str], ...]]:
        """(the template pages' URLs without their trailing slash, the folders of paginated
        templates' pages, the folders and templates read with their stat signatures: a
        folder's changes when a file is added or removed)."""
        top = self._eleventy_input
        urls = set()
        paged = set()
        read = []
        for directory, names in self._eleventy_folders():
            read.append((directory, signature_of(directory)))
            for name in names:
                stem, _, extension = name.rpartition(".")
                if extension.lower() not in _ELEVENTY_TEMPLATES or not stem:
                    continue
                path = os.path.join(directory, name)
                read.append((path, signature_of(path)))
                matter = _front_matter_of(path)  # read once for both questions
                url = _eleventy_template_url(matter, os.path.relpath(os.path.join(directory, stem), top))
                if url is not None:
                    urls.add(url)
                elif prefix := _eleventy_paged_folder(matter):
                    paged.add(prefix)
                    if _first_page_at_folder(matter):
                        urls.add(prefix)
        return frozenset(urls), tuple(sorted(paged)), tuple(read)

    @cached_property
    def eleventy_titled_sections(self) -> tuple[str, ...]:
        """The sections (first folders under the input folder) where an Eleventy data file makes
        the pages' URLs of their titles (`"permalink": "/blog/{{ title | slugify }}/"`, in JSON
        or in a JavaScript file that exports an object literal), itself or by the layout it gives."""
        if self.generator != "eleventy":
            return ()
        top = self._eleventy_input
        sections = set()
        for directory, names in self._eleventy_folders():
            inner = os.path.relpath(directory, top).replace(os.sep, "/")
            if inner == ".":
                continue
            for name in names:
                javascript = name.endswith(_ELEVENTY_JS_DATA)
                if not (javascript or name.endswith(".11tydata.json") or name == os.path.basename(directory) + ".json"):
                    continue
                path = os.path.join(directory, name)
                found = (_js_data_file(path, signature_of(path)) or {}) if javascript else _data_file(path, signature_of(path))
                computed = found.get("eleventyComputed")
                permalinks = [found.get("permalink"), computed.get("permalink") if isinstance(computed, dict) else None]
                if "permalink" not in found:  # the layout the data file gives may set it (`permalink: articles/{{ title | slugify }}/`)
                    permalinks.append(eleventy_layout_data(self, found.get("layout")).get("permalink"))
                if any(isinstance(link, str) and "title" in link for link in permalinks):
                    sections.add(inner.split("/")[0])
        return tuple(sorted(sections))

    def unrendered_below(self, folder: str, regular: bool = False) -> bool:
        """Whether a Hugo section's `_index.md`, in `folder` or above it up to the content
        root, cascades build options that render no page (`cascade: {build: {render: never}}`:
        a headless branch bundle of snippets that other pages include); for a `regular` page,
        also what it cascades to pages only (`target: {kind: page}`)."""
        return builds_no_page(self.cascaded(folder, regular))

    def cascaded(self, folder: str, regular: bool = False) -> Mapping[str, Any]:
        """What the `_index.md` files of `folder` and of the folders above it, up to the content
        root, cascade to the pages below (Hugo's `cascade:`), the nearest's values winning;
        with `regular`, to a regular page (entries aimed at `kind: page` too)."""
        values, read = self._cascade_chain(folder, regular)
        for index, signature in read:  # each page's result depends on them, memo or not
            record("stat", index, signature)
        return values

    def _cascade_chain(self, folder: str, regular: bool = False) -> tuple[Mapping[str, Any], tuple[tuple[str, str], ...]]:
        """(the values cascaded to the pages below `folder`, the `_index.md` files read for
        them with their signatures), memoised per folder."""
        found = self._cascades.get((folder, regular))
        if found is not None:
            return found
        index = os.path.join(folder, "_index.md")
        signature = signature_of(index)
        own = _cascaded(_front_matter_of(index), regular) if signature else {}
        here = self.relative(folder)
        if here in (".", *self.content) or here.startswith("..") or os.path.dirname(folder) == folder:
            found = (own, ((index, signature),))  # the content root's own `_index.md` (the home page) was the last
        else:
            above, read = self._cascade_chain(os.path.dirname(folder), regular)
            found = ({**above, **own}, ((index, signature), *read))
        self._cascades[(folder, regular)] = found
        return found

    def _dated_pages(self, folder: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(the dated pages, the pages placed by hand, all the pages) of a folder (its files and
        page bundles)."""
        dated = self._sections.get(folder)
        if dated is None:
            pages = frozenset(section_pages(folder))
            names = None if self.generator == "hugo" else _date_name(self.generator)  # Hugo reads a date from a name only when told to
            heads = {page: _head_keys(page, names) for page in pages}
            dated = self._sections[folder] = (
                frozenset(page for page, (has_date, _) in heads.items() if has_date),
                frozenset(page for page, (_, placed) in heads.items() if placed),
                pages,
            )
        record("folder", folder, folder_signature(folder))
        return dated

    def _dated_pages_around(self, folder: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """`_dated_pages` of a folder, or of the folders in it when it holds no page of its own:
        the categories of a blog's posts (`_posts/<category>/`), whose convention is the blog's;
        a section's versions, each a folder; or of the folders in those (a collection's
        categories, each page in a folder of its own)."""
        own = self._dated_pages(folder)
        if own[2]:
            return own
        # A collection filed two levels down (`policies/<category>/<policy>/<policy>.md`, each
        # page alone in its folder) is read at the first level that holds pages.
        folders = _child_folders(folder)
        for _ in range(_AROUND_DEPTH):
            parts = [self._dated_pages(child) for child in folders[:_AROUND_FOLDERS]]
            dated, ordered, pages = (frozenset().union(*(part[index] for part in parts)) for index in range(3))
            if pages:
                break
            folders = [grandchild for child in folders[:_AROUND_FOLDERS] for grandchild in _child_folders(child)]
        return dated, ordered, pages

    def _in_default_language(self, folder: str) -> str:
        """The same section in the default language's folder, when the site keeps languages in
        folders and it exists there: translators copy front matter unevenly, the original's
        convention is the site's."""
        if len(self.language_folders) < 2 or not self.languages:
            return folder
        relative = self.relative(folder)
        default = next((path for path, language in self.language_folders if language == self.languages[0]), None)
        for path, _ in self.language_folders:
            if default is not None and path != default and within(relative, path):
                counterpart = os.path.join(self.root, default, relative[len(path) :].lstrip("/"))
                return os.path.normpath(counterpart) if os.path.isdir(counterpart) else folder
        return folder

    def relative(self, file: str) -> str:
        return relative_path(file, self.root)

    def describe(self) -> dict[str, Any]:
        """The model as plain data (`artlint site`)."""
        return {
            "generator": self.generator,
            "root": self.root,
            "config": self.config_file,
            "content": list(self.content),
            "static": list(self.static),
            "languages": list(self.languages),
            "language-folders": {folder: language for folder, language in self.language_folders},
            "language-from-path": self.language_from_path,
            "root-base": self.root_base,
            "root-shortcodes": list(self.root_shortcodes),
            "images-from-root": self.images_from_root,
            "image-prefix": self.image_prefix,
            "images-from-assets": self.images_from_assets,
            "post-asset-folder": self.post_asset_folder,
            "permalinks": dict(self.permalinks),
            "url-settings": dict(self.url_settings),
            "not-content": list(self.not_content),
            "excluded-pages": list(self.excluded_pages),
            "ignore-files": list(self.ignore_files),
            "fragments": list(self.fragments),
            "verbatim-shortcodes": list(self.verbatim_shortcodes),
            "containers": list(self.containers),
            "autolinks": self.autolinks,
            "blackfriday": self.blackfriday,
            "commented-front-matter": self.commented_front_matter,
            "spaced-strong": self.spaced_strong,
            "marked-before-1": self.marked_before_1,
            "unspaced-headings": self.unspaced_headings,
            "drops-empty-terms": self.drops_empty_terms,
            "holds-sites": list(self.holds_sites),
            "assets-kept-elsewhere": self.assets_kept_elsewhere,
            "encoded-heading-ids": self.encoded_heading_ids,
            "custom-heading-ids": self.custom_heading_ids,
            "image-title-captions": self.image_title_captions,
            "input-path-links": self.input_path_links,
            "data-extensions": list(self.data_extensions),
            "versions-beside": self.versions_beside,
            "by-name-folders": list(self.by_name_folders),
            "wiki-links": self.wiki_links,
            "media-embeds": self.media_embeds,
            "url-embed-hosts": list(self.url_embed_hosts),
            "dates-unread": self.dates_unread,
            "upgrades-insecure-requests": self.upgrades_insecure,
            "untitled-types": list(self.untitled_types),
            "redirect-sources": list(self.redirect_sources),
            "pandoc": self.pandoc,
            "markdown-it": self.markdown_it,
            "betterem": self.betterem,
            "python-markdown-strong": self.python_markdown_strong,
            "nav-pages": sorted(self.nav_pages) if self.nav_pages is not None else None,
            "cjk-friendly": self.cjk_friendly,
            "jinja-pages": self.jinja_pages,
            "include-tags": [list(tags) for tags in self.include_tags],
            "autorefs": self.autorefs,
            "tab-ids": self.tab_ids,
            "pattern-underscores": self.pattern_underscores,
            "line-breaks": self.line_breaks,
            "definition-term-ids": self.definition_term_ids,
            "definition-lists": self.definition_lists,
            "drops-raw-html": self.drops_raw_html,
            "link-render-hook": self.link_render_hook,
            "link-text-from-target": self.link_text_from_target,
            "image-render-hook": self.image_render_hook,
            "embedded-link-hook": self.embedded_link_hook,
            "titles-from-file-names": self.titles_from_file_names,
            "plugin-ids": self.plugin_ids,
            "front-matter-optional": self.front_matter_optional,
            "front-matter-computed": self.front_matter_computed,
            "front-matter-transformed": list(self.front_matter_transformed),
            "translated-links": self.translated_links,
            "plugin-page-folders": list(self.generated_folders),
            "kept-folders": list(self.kept_folders),
            "plugin-sources": [{"kind": kind, "folder": folder, "route": "/" + route} for kind, folder, route in self.doc_sources],
            "untitled-folders": list(self.untitled_folders),
            "declared-keys": {folder: list(keys) for folder, keys in self.declared_keys},
            "redirect-pages": self.redirect_pages,
            "drafts-unbuilt": self.drafts_unbuilt,
            "listing-pages": ["/" + path for path in self.listing_pages],
            "file-mounts": {target: source for source, target in self.file_mounts},
            "content-mounts": {folder: "/" + prefix for folder, prefix in self.content_prefixes},
            "permalink-defaults": [{"path": path, "type": kind, "permalink": value} for path, kind, value in self.permalink_defaults],
            "host": self.host,
            "project-host": self.project_host,
            "base-path": self.base_path,
        }

    def plugin_source(self, relative: str) -> tuple[str, str, str] | None:
        """(kind, folder, route) of the Docusaurus plugin folder that serves a file (relative to
        root): the innermost of `doc_sources`."""
        found = None
        for source in self.doc_sources:
            if relative != source[1] and within(relative, source[1]) and (found is None or len(source[1]) > len(found[1])):
                found = source
        return found

    @cached_property
    def _root_slug_answers(self) -> dict[str, tuple[bool, tuple[tuple[str, str], ...]]]:
        return {}

    def serves_route_root(self, path: str) -> bool:
        """Whether a site path is the route of a Docusaurus docs plugin (`/docs/v4/`, the current
        version's `path: "v4"`) whose folder has a doc with `slug: /`, or an index doc at its
        top (`README.md`, `index.md`), the page served there."""
        wanted = path.split("#")[0].split("?")[0].strip("/")
        for kind, folder, route in self.doc_sources:
            if kind == "docs" and route.strip("/") == wanted:
                directory = os.path.join(self.root, folder)
                for name in _ROUTE_INDEX_DOCS:  # the folder's index doc, as Docusaurus names one
                    index = os.path.join(directory, name)
                    exists = os.path.isfile(index)
                    record("exists", index, exists)
                    if exists:
                        return True
                if directory not in self._root_slug_answers:  # once per folder and run
                    self._root_slug_answers[directory] = _root_slug_docs(directory)
                found, read = self._root_slug_answers[directory]
                for subject, signature in read:
                    record("stat", subject, signature)  # the folders and the docs read
                if found:
                    return True
        return False

    def holds_no_articles(self, path: str) -> bool:
        """Whether `path` (absolute) is in one of the site's template, partial or output
        folders, or is a file the generator's configuration excludes."""
        relative = self.relative(path)
        return any(within(relative, excluded) for excluded in self.not_content) or self.excludes_page(relative)

    def leaves_out(self, file: str) -> bool:
        """Whether the configuration leaves the page out of the build and nothing else shows it:
        a README.md Jekyll's `exclude: [README]` leaves out is still the repository's, on GitHub."""
        return self.excludes_page(self.relative(file)) and self.page(file).kind != "repository"

    def excludes_page(self, relative: str) -> bool:
        """Whether the configuration's page globs leave the file (relative to the root) out."""
        return bool(self.excluded_pages) and glob_set(self.excluded_pages).match(relative)

    def built_from_beside(self, relative: str) -> bool:
        """Whether `relative` (to the root, starting `../`) lies in a content folder the site's
        configuration names beside its own (Docusaurus' `path: '../docs'` from `website/`)."""
        return any(within(relative, folder) for folder in self.content if folder.startswith("../"))

    def archived(self, path: str) -> bool:
        """Whether `path` (absolute, a folder) is an old copy kept beside the site's content
        (`versioned_docs_archived/`, `2017/` beside an MkDocs site's `docs/`; `archive-folders`
        in rules/sites.toml): outside every folder the generator builds from, and named so."""
        if self.config_file is None or self.generator not in _CONTENT_ROOTED or not _ARCHIVE_FOLDER.fullmatch(os.path.basename(path)):
            return False
        relative = self.relative(path)
        if relative == ".":
            # The site's own folder: `docs-old/` (an mdBook kept beside the new site) is an old
            # copy; `digital-archive/` (a site about an archive) and `2023/` (an edition that a
            # monorepo plugin builds) are not.
            return _OLD_COPY_SITE.fullmatch(os.path.basename(path)) is not None
        return relative != ".." and not relative.startswith("../") and not any(
            folder == "." or within(relative, folder) or within(folder, relative) for folder in (*self.content, *self.static)
        )

    def bundle_of_another_format(self, folder: str, names: Collection[str]) -> bool:
        """Whether `folder` (absolute) is a Hugo leaf bundle whose page is written in another
        format than markdown (`index.org`, `index.adoc`, an HTML page): Hugo renders that file,
        and the markdown beside it and below it (an example's input, a tool's output) is no
        page, nor included in one."""
        if self.generator != "hugo" or not names:
            return False
        inner = _within_content(self, self.relative(folder))
        if not inner or inner == ".":
            return False  # the content folder itself: no bundle
        suffixes = {name.rpartition(".")[2].lower() for name in names if name.lower().startswith("index.")}
        if suffixes & _MARKDOWN_INDEX_SUFFIXES:
            return False  # `index.md` beside `index.html` (blogdown's output): the markdown is the page
        if suffixes & _HUGO_CONTENT_SUFFIXES:
            return True
        return "index.html" in names and is_hugo_page_file(os.path.join(folder, "index.html"))

    def copies_verbatim(self, path: str) -> bool:
        """Whether `path` (absolute) is in a folder the generator copies to the site as it is
        (Hugo's and Zola's `static/`, Hugo's `assets/`, Docusaurus' `static/`, VitePress' and
        VuePress' `public/`): markdown there is served as text, never rendered as a page."""
        if self.generator not in _VERBATIM_STATIC:
            return False
        relative = self.relative(path)
        return any(within(relative, folder) for folder in self.static) and not any(
            folder == "." or within(relative, folder) for folder in self.content
        )

    def data_only(self, path: str) -> bool:
        """Whether the file (absolute) is a document of a Jekyll collection without `output:
        true`: no page is made of it, and its front matter is data that layouts read in the
        shape they choose (`title: {ko: ..., en: ...}`)."""
        if self.generator != "jekyll" or not self.unrendered_read:
            return False
        parts = self.relative(path).split("/")
        return parts[0] != ".." and any(part in self.unrendered_read and part != "_drafts" for part in parts[:-1])

    def never_built(self, path: str) -> bool:
        """Whether Jekyll or Hexo leaves the file (absolute) out of the site for a name starting
        with "_" (its own or a folder's), or Jekyll a file of `_posts` for a name without a date,
        and nothing can put it into a page either: Hexo renders
        no such file; Jekyll's `include_relative` would paste one in with its front matter as
        text, so one that opens with front matter is an old page set aside (`_old-post.md`), and
        so is any where no page that could paste it in uses `include_relative`: it takes no `../`,
        so only the pages of the folders above the first `_` name can (`drafts/_todo/x.md`)."""
        if self.generator == "docusaurus":
            return self._unimported_partial(path)
        if self.generator not in ("jekyll", "hexo"):
            return False
        parts = self.relative(path).split("/")
        # Jekyll reads only `YYYY-MM-DD-title` files of `_posts` (`antifraude-copy.md`: a copy set aside)
        undated_post = self.generator == "jekyll" and "_posts" in parts[:-1] and not _JEKYLL_POST_NAME.match(parts[-1])
        if parts[0] == ".." or (("_posts" in parts[:-1] or not _skipped_underscored(self, parts)) and not undated_post):
            return False
        if undated_post and _opens_with_front_matter(path):
            return True  # a post's front matter, where no post is read: include_relative would paste it as text
        if any(part in self.unrendered_read for part in parts[:-1]):
            return False  # a draft, a document of a collection layouts show elsewhere
        if any(within("/".join(parts), folder) for folder in self.fragments):
            return False
        if self.generator == "hexo" or _opens_with_front_matter(path):
            return True
        first = next(index for index, part in enumerate(parts) if part.startswith("_"))
        return not any(_pastes_relative_files(os.path.join(self.root, *parts[:depth])) for depth in range(first + 1))

    def _unimported_partial(self, path: str) -> bool:
        """A `_`-named file of a Docusaurus docs or blog folder (`diy/_sidebar.md`, a sidebar left
        from docsify): the plugins skip such files, which reach a page only when an MDX file
        imports them (`import Setup from './_setup.md'`); one that no file imports is never built."""
        relative = self.relative(path)
        parts = relative.split("/")
        source = self.plugin_source(relative)
        if source is None or not any(part.startswith("_") for part in relative[len(source[1]) + 1 :].split("/")):
            return False
        return parts[-1] not in _imported_names(self.root, tuple(folder for _, folder, _ in self.doc_sources) + ("src",))

    def untranslated(self, path: str) -> bool:
        """Whether a file (absolute) in a Docusaurus locale's docs or blog folder is a translation
        that is never built: Docusaurus lists the original docs and posts and takes a locale's file
        of the same path in their place, so a file with no original (`i18n/es/
        docusaurus-plugin-content-docs/current/old.md` without `docs/old.md`), or one outside
        `current/` and `version-*/`, reaches no page; nor does a file of a locale that `i18n.locales`
        does not name (`i18n/it/` where the site builds en, fr and es)."""
        if self.generator != "docusaurus" or not self.language_folders:
            return False
        relative = self.relative(path)
        parts = relative.split("/")
        if len(parts) < 4 or parts[0] != "i18n" or not parts[2].startswith(_TRANSLATED_PLUGIN_FOLDERS):
            return False
        if all(folder != f"i18n/{parts[1]}" for folder, _ in self.language_folders):
            return True  # a locale the configuration does not build (a translation service's folder for another language)
        source = self.plugin_source(relative)
        if source is None:
            return True
        originals = (folder for kind, folder, route in self.doc_sources if (kind, route) == (source[0], source[2]) and not folder.startswith("i18n/"))
        original = next(originals, None)
        if original is None:
            return False
        return not os.path.exists(os.path.join(self.root, original, relative[len(source[1]) + 1 :]))

    def filled_by_another_step(self, site_path: str) -> bool:
        """Whether a site path (`/image/a.png`) lies in a folder another build step fills."""
        path = site_path.strip("/")
        if self.assets_kept_elsewhere and os.path.splitext(path)[1].lower() not in _PAGE_PATH_SUFFIXES:
            return True  # `/uploads/a.png` from a repository of posts alone: the site keeps it
        return any(within(path, folder) for folder in self.kept_folders)

    @cached_property
    def excluded_paths(self) -> frozenset[str]:
        """The absolute paths of `not_content`, for a walk that meets every file."""
        return frozenset(os.path.join(self.root, path) for path in self.not_content)


# Generators whose static folders are copied as they are (Hexo's and MkDocs' are the content).
_VERBATIM_STATIC = frozenset({"hugo", "zola", "docusaurus", "vitepress", "vuepress", "rspress", "nuxt", "astro"})

# --------------------------------------------------------------------------- pages

# Keys the generators read a page's date from besides `date` (Hugo's publishDate and its
# aliases, and `lastmod`, the last of Hugo's default `date` sources; Astro-style pubDate, Jekyll
# plugins' published and created, and the `updated` date of Zola and Hexo, which a page that
# has no other date shows).
DATE_ALIASES = ("publishDate", "publishdate", "pubDate", "pubdate", "published", "created", "updated", "lastmod")
_DATE_KEY = lazy(rf"^[ \t]*[\"']?(?:date|{'|'.join(DATE_ALIASES)})[\"']?[ \t]*[:=][ \t]*[\"']?\d", re.M)
# Keys that place a page in its section's menu by hand: Hugo's and Docsy's `weight`,
# Docusaurus' `sidebar_position`, just-the-docs' `nav_order`, VuePress' and Hexo themes' `order`.
MENU_ORDER_KEYS = ("weight", "sidebar_position", "nav_order", "order")
_ORDER_KEY = lazy(rf"^[ \t]*[\"']?(?:{'|'.join(MENU_ORDER_KEYS)})[\"']?[ \t]*[:=][ \t]*[\"']?-?\d", re.M)
_HEAD_BYTES = 4096


def _head(page: str) -> str:
    """The first 4 KB of a page, where its front matter is; "" when it cannot be read."""
    try:
        with open(page, "rb") as handle:
            return handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _date_name(generator: str | None) -> re.Pattern[str]:
    """How the generator's file names start with a date."""
    return _ZOLA_DATE_NAME if generator == "zola" else _DATE_NAME


def _head_keys(page: str, from_name: re.Pattern[str] | None) -> tuple[bool, bool]:
    """Whether a page's front matter (its first 4 KB) or, where the generator reads one
    (`from_name`), its name carries a date; and whether the front matter sets the page's place
    in its menu."""
    bundle = os.path.basename(page).lower().startswith("index.")
    name = os.path.basename(os.path.dirname(page)) if bundle else os.path.splitext(os.path.basename(page))[0]
    head = _head(page)
    has_date = bool(from_name and from_name.match(name)) or _DATE_KEY.search(head) is not None
    return has_date, _ORDER_KEY.search(head) is not None


_MOST_FOLDER_FILES = 200
_TITLE_KEY = lazy(r"^[ \t]*[\"']?title[\"']?[ \t]*[:=][ \t]*\S", re.M)


@lru_cache(maxsize=64)
def _mostly_titled(folder: str, signature: str) -> bool:  # once per state of the folder
    """Whether at least half of the first pages under `folder` (up to 200, in name order) give a title."""
    pages = []
    for base, folders, names in os.walk(folder):
        folders.sort()
        pages += [os.path.join(base, name) for name in sorted(names) if name.lower().endswith((".md", ".markdown"))]
        if len(pages) >= _MOST_FOLDER_FILES:
            break
    pages = pages[:_MOST_FOLDER_FILES]
    titled = sum(_TITLE_KEY.search(_head(page)) is not None for page in pages)
    return not pages or titled * 2 >= len(pages)


@lru_cache(maxsize=256)
def _no_front_matter_in(folder: str, signature: str) -> bool:  # once per state of the folder
    """Whether most of a folder's markdown files, two or more, start without front matter:
    documents for readers of the repository (a contributors' guide in `docs/`), or fragments a
    template includes beside the one page that has it (a component's `guidance/` notes), which
    Jekyll copies as static files. One file without front matter among pages is a page missing it."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False) and entry.name.lower().endswith((".md", ".markdown")))
    except OSError:
        return False
    if not 2 <= len(names) <= _MOST_FOLDER_FILES:
        return False
    with_matter = 0
    for name in names:
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                with_matter += handle.read(3) == b"---"
        except OSError:
            return False
    without = len(names) - with_matter
    return without >= 2 and without > with_matter


# What a template writes when its permalink ends so: data for machines, no page.
_DATA_FILE_SUFFIXES = (".xml", ".json", ".txt", ".rss", ".atom", ".webmanifest", ".xsl", ".csv", ".ics", ".js", ".css")


def _writes_data_file(matter: Mapping[str, Any]) -> bool:
    """Whether an Eleventy or Jekyll template's front matter publishes it as a data file
    (`permalink: /sitemap.xml`, `/feed.json`, `robots.txt`): a sitemap or a feed, no page."""
    permalink = matter.get("permalink")
    return isinstance(permalink, str) and permalink.strip().lower().endswith(_DATA_FILE_SUFFIXES)


def _page(site: Site, file: str, matter: Mapping[str, Any]) -> Page:
    matter = as_generator_reads(site, matter)
    relative = site.relative(file)
    parts = relative.split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    language, key_parts = _language(site, parts, matter)
    named = stem
    base, _, suffix = stem.lower().partition(".")
    if site.generator in ("zola", "eleventy") and base == "index" and (not suffix or is_language_code(suffix)) and len(parts) > 1:
        named = parts[-2]  # a page with its assets beside it (`index.fr.md` too): Zola and Eleventy read the date from the folder's name
    date_from_name = _iso_day(_date_name(site.generator).match(named))
    kind = _kind(site, parts, stem)
    book_index = site.generator in ("mdbook", "gitbook") and stem.lower() == "readme"  # the book's introduction
    if kind in ("page", "article") and len(parts) == 1 and not matter and _CAPITALS_NAME.fullmatch(stem) and not book_index:
        kind = "repository"  # STYLE.md, HACKING.md, STYLE-DE.md without front matter: the repository's, named in capitals
    if kind in ("page", "article") and len(parts) > 1 and not matter and parts[-2].lower() in ("licenses", "licences"):
        kind = "repository"  # `LICENSES/MIT.md` (REUSE's folder of licence texts): the repository's, no page
    if site.generator == "jekyll" and kind == "page" and len(parts) > 1 and not matter and not site.front_matter_optional:
        folder = os.path.dirname(os.path.abspath(file))
        signature = folder_signature(folder)
        record("folder", folder, signature)  # the kind changes when a sibling gains front matter
        if _no_front_matter_in(folder, signature):
            kind = "repository"  # docs/ for contributors: Jekyll copies files without front matter as they are
    if site.generator == "jekyll" and kind == "page" and not matter and not site.front_matter_optional and _served_as_written(site, file, relative):
        kind = "repository"  # `/pricing.md`, linked by its own name: copied as it is, for readers of markdown
    if site.generator == "eleventy" and kind in ("article", "page") and len(parts) > 1 and not matter and _eleventy_fragment(site, file):
        kind = "fragment"  # `tutorials/content/reactivity/01.md`: steps a page's script fetches, with no layout, among their like
    if site.generator == "hugo" and kind in ("article", "page", "section") and _unrendered_hugo_page(site, file, matter, kind):
        kind = "partial"
    if "excalidraw-plugin" in matter:
        kind = "resource"  # a drawing of Obsidian's Excalidraw plugin, kept beside the notes: its data, no article
    hugo_type = _hugo_type(site, file, matter, relative).lower() if site.generator == "hugo" and kind in ("article", "page") else ""
    if hugo_type == "docs" and kind == "article":
        kind = "page"  # documentation (Docsy's and hugo-book's `docs` layouts): ordered by weight, undated
    if site.generator == "hugo" and kind == "article" and (hugo_type == "page" or matter.get("layout") in _HUGO_PAGE_LAYOUTS):
        kind = "page"  # `type: page`, `layout: page`: a standalone page (about, code of conduct), undated; `layout: list`: an archive
    if site.generator == "docusaurus" and kind == "article":
        date_from_name = _docusaurus_post_date(parts)
    elif not _dates_from_names(site, parts):
        date_from_name = None
    key = str(matter.get("translationKey") or "") or "/".join(key_parts)
    titled_by_heading = kind in ("page", "section") and site.generator in DOCUMENTATION_GENERATORS
    expected = kind not in ("repository", "partial", "resource", "fragment") and not titled_by_heading
    if site.generator == "docusaurus" and kind == "article":
        expected = False  # the blog plugin takes the title from the first heading, the date from the path or git
    if kind == "section" and site.generator == "hugo":
        expected = False  # Hugo's `_index.md` takes its title from the folder, or the site's for the home page
    if site.titles_from_file_names and kind in ("article", "page") and not matter:
        expected = False  # the theme titles it from its file name (hugo-book)
    if site.front_matter_optional and kind == "page":
        expected = False  # GitHub Pages' jekyll-optional-front-matter renders it, titled by its first heading
    if site.front_matter_computed and kind in ("article", "page"):
        expected = False  # an Astro remark plugin fills in the front matter: date, layout, description...
    if hugo_type == "redirect":
        expected = False  # `type: redirect`: its layout sends the reader on, nobody sees a title
    if site.generator in ("eleventy", "jekyll") and kind in ("article", "page") and _writes_data_file(matter):
        kind, expected = "partial", False  # `permalink: /sitemap.xml`: a feed or a sitemap, no page anyone reads
    if site.generator == "eleventy" and kind in ("article", "page") and matter.get("permalink") is False:
        kind, expected = "partial", False  # `permalink: false`: no file written, a navigation parent's key or data
    title_from_layout = bool(hugo_type) and hugo_type in site.untitled_types  # `<h1>例会</h1>`: the layout heads it
    layout_file = _jekyll_layout_file(site, matter, parts) if site.generator == "jekyll" else ""
    if site.generator == "jekyll" and kind == "page" and expected:
        if layout_file and _heading_from_elsewhere(layout_file, site.root):
            expected = False  # the layout's heading is another object's (`{{ episode.title }}`)
            title_from_layout = True
        elif layout_file and any(key in matter for key in _title_fallback_keys(layout_file, site.root)):
            expected = False  # `{% elsif page.id %}{{ i18n[page.id] }}`: the layout titles it from another key
            title_from_layout = True
        elif layout_file and _title_unused(layout_file, site.root):
            expected = False  # a frame embedded in other pages, `noindex`: no title shown anywhere
    if site.generator == "eleventy" and kind in ("article", "page") and not matter.get("title"):
        # a folder's data file computes it: `"eleventyComputed": {"title": "Links: {{ date }}"}`;
        # or the layout falls back on the navigation's: `{{ title | default(eleventyNavigation.title) }}`
        title_from_layout = _titled_by_data(site, file) or _titled_by_navigation(site, matter) or _title_optional_in_layout(site, file, matter)
        if not matter and title_from_layout and (date_from_name or kind == "page" or _dated_by_data(site, file)):
            # `now/2022-05-17.md`: its folder's data file gives it a layout and a title, its name
            # a date; `articles/x/index.md`: its own data file (`index.yml`) gives all of them
            expected = False
    draft = is_draft(matter) or "_drafts" in parts[:-1]
    if site.generator in ("mdbook", "gitbook") and kind in ("article", "page") and not draft:
        draft = _unlisted_chapter(site, file)
        if draft and ("gitbook", "space") in site.url_settings:
            kind, draft, expected = "repository", False, False  # a synced space publishes its summary's pages; the rest GitHub shows
    if site.generator == "writerside" and kind == "page" and not draft:
        draft = _untreed_topic(site, file)
    title_from_name = site.generator == "jekyll" and any(part in site.document_folders for part in parts[:-1])
    title_from_name = title_from_name or (site.titles_from_file_names and kind in ("article", "page"))
    # reveal.js's markdown plugin (`<section data-markdown>`) renders the page in the browser.
    rendered_by_script = kind in ("article", "page") and bool(layout_file) and "data-markdown" in _layout_text(layout_file, site.root)
    redirects = hugo_type == "redirect" or (site.redirect_pages and bool(matter.get("redirect_to")))
    unbuilt = site.drafts_unbuilt and _left_out_as_draft(site.generator, matter)
    if site.generator == "hexo" and _hexo_hidden_post(parts):
        draft = unbuilt = True  # `_posts/_2020-09-03-rancher.md`: Hexo reads no post named with `_`
    return Page(kind, language, key, date_from_name, expected, draft, title_from_name, title_from_layout, rendered_by_script, redirects, unbuilt)


def as_generator_reads(site: Site, matter: Mapping[str, Any]) -> Mapping[str, Any]:
    """The front matter with its keys as the site's generator reads them: Hugo's without case."""
    if site.generator == "hugo" and any(isinstance(key, str) and not key.islower() for key in matter):
        return _hugo_keys(matter)
    return matter


def _hugo_keys(matter: Mapping[str, Any]) -> dict:
    """The front matter as Hugo reads it, its keys without case (`Draft: true` is a draft,
    `Title:` the title); a key written in lower case wins over another spelling of it."""
    lowered = {key: value for key, value in matter.items() if not isinstance(key, str) or key.islower()}
    for key, value in matter.items():
        if isinstance(key, str):
            lowered.setdefault(key.lower(), value)
    return lowered


def _left_out_as_draft(generator: str, matter: Mapping[str, Any]) -> bool:
    """Whether the front matter makes the page a draft that the generator's default build
    leaves out: Jekyll and Hexo read `published: false` (a `draft:` key is the theme's, if
    anyone's), Hugo `draft: true` and its undocumented `published: false`, Zola and Docusaurus
    `draft: true` alone."""
    if generator in ("jekyll", "hexo"):
        return matter.get("published") is False
    if generator == "hugo":
        return is_draft(matter)
    return _drafted(matter)


def _eleventy_fragment(site: Site, file: str) -> bool:
    """Whether a markdown file without front matter is one of a folder of such files to which
    no folder data file gives a layout: Eleventy renders each without one, a bare piece of HTML
    that a page's script fetches (a tutorial's steps), not a page. A data file in JavaScript may
    give one (unknown: a page); so may the configuration's global data, which is not read."""
    data = site.eleventy_data(file)
    if data is None or data.get("layout"):
        return False
    folder = os.path.dirname(os.path.abspath(file))
    signature = folder_signature(folder)
    record("folder", folder, signature)  # the kind changes when a sibling gains front matter
    return _no_front_matter_in(folder, signature)


def _jekyll_layout_file(site: Site, matter: Mapping[str, Any], parts: list[str]) -> str:
    """The file of a Jekyll page's layout, its own or the one `defaults` give it; "" for none
    or a name that could lead out of `_layouts`."""
    layout = matter.get("layout") if "layout" in matter else jekyll_default(site.layout_defaults, parts)
    return os.path.join(site.root, "_layouts", f"{layout}.html") if _plain_name(layout) else ""


def _titled_by_navigation(site: Site, matter: Mapping[str, Any]) -> bool:
    """Whether an Eleventy page without a title has one in `eleventyNavigation` that the site's
    templates show (`{{ title | default(eleventyNavigation.title) }}` in its layout)."""
    navigation = matter.get("eleventyNavigation")
    if not isinstance(navigation, dict) or not isinstance(navigation.get("title"), str) or not navigation["title"].strip():
        return False
    folders = [os.path.join(site.root, part) for part in site.not_content if os.path.basename(part) in ("_includes", "includes", "_layouts", "layouts")]
    for folder in folders:
        signature = folder_signature(folder)
        record("folder", folder, signature)
        if _templates_mention(folder, signature, "eleventyNavigation.title"):
            return True
    return False


def _served_as_written(site: Site, file: str, relative: str) -> bool:
    """A Jekyll markdown file without front matter that the site serves as it is on purpose:
    beside a page of its name (`index.md` by `index.html`), or linked by its own `.md` name from
    the site's layouts and includes or the files beside its configuration (a layout's
    `{{ site.url }}/pricing.md`, vercel.json's redirect to `/index.md`, llms.txt). Jekyll copies
    such a file unrendered; front matter would make it a page and break those links."""
    twin = os.path.splitext(file)[0] + ".html"
    exists = os.path.isfile(twin)
    record("exists", twin, exists)
    if exists:
        return True
    sources = tuple((path, signature_of(path)) for path in _mention_sources(site))
    for path, signature in sources:
        record("stat", path, signature)
    return "/" + relative in _markdown_names_mentioned(sources)


# Files beside a Jekyll site's configuration that may name its pages' URLs: hosts' redirects
# and headers, feeds and sitemaps, llms.txt, data for machines.
_MENTION_SUFFIXES = (".html", ".json", ".toml", ".txt", ".xml", ".yml", ".yaml")
_MENTION_NAMES = ("_redirects", "_headers")


def _mention_sources(site: Site) -> list[str]:
    try:
        names = sorted(os.listdir(site.root))[:_TEMPLATES_READ]
    except OSError:
        names = []
    beside = [os.path.join(site.root, name) for name in names if name.endswith(_MENTION_SUFFIXES) or name in _MENTION_NAMES]
    templates = _template_files([os.path.join(site.root, folder) for folder in ("_layouts", "_includes")])
    return [path for path in [*beside, *templates[:_TEMPLATES_READ]] if os.path.isfile(path)]


# A markdown file's name as a site's files write it in a URL: `/pricing.md`, `/projects/a.md`.
_MARKDOWN_URL_PATH = lazy(r"/[\w.~%-]+(?:/[\w.~%-]+)*\.md\b")


@lru_cache(maxsize=16)
def _markdown_names_mentioned(sources: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """Every ending of a `.md` URL path written in the files `sources` ((path, signature): read
    once per state of them): `https://x.org/a/b.md` gives `/a/b.md` and `/b.md`."""
    found: set[str] = set()
    for path, _ in sources:
        for match in _MARKDOWN_URL_PATH.finditer(read_small_file(path)):
            segments = match.group().split("/")
            found.update("/" + "/".join(segments[index:]) for index in range(1, len(segments)))
    return frozenset(found)


@lru_cache(maxsize=64)
def _templates_mention(folder: str, signature: str, words: str) -> bool:
    """Whether a template under `folder` holds `words` (read once per state of the folder)."""
    return any(words in read_small_file(path) for path in _template_files([folder])[:_TEMPLATES_READ])


_IF_TITLE = lazy(r"\{%-?\s*if\s+title\s*-?%\}")
_LAYOUT_SUFFIXES = ("", ".njk", ".liquid", ".html", ".md", ".webc")


def _title_optional_in_layout(site: Site, file: str, matter: Mapping[str, Any]) -> bool:
    """Whether the Eleventy layout the page gets (its own `layout`, or its folders' data
    files') heads it only when it has a title, `{% if title %}<h1>{{ title }}</h1>{% endif %}`:
    a collection of notes, untitled by design."""
    cascade = site.eleventy_data(file) or {}
    path = _eleventy_layout_file(site, matter.get("layout") or cascade.get("layout"))
    return path is not None and _IF_TITLE.search(read_small_file(path)) is not None


def _eleventy_layout_file(site: Site, layout: Any) -> str | None:
    """The file of an Eleventy layout named `layout`, in the site's layouts or includes folder;
    None for a name that could lead out of them."""
    if not isinstance(layout, str) or not layout.strip() or ".." in layout or os.path.isabs(layout.strip()):
        return None  # never read a file outside the site's layouts
    folders = [os.path.join(site.root, part) for part in site.not_content if os.path.basename(part) in ("_includes", "includes", "_layouts", "layouts")]
    for folder in folders:
        for suffix in _LAYOUT_SUFFIXES:
            path = os.path.join(folder, layout.strip() + suffix)
            signature = signature_of(path)
            record("stat", path, signature)
            if signature and os.path.isfile(path):
                return path
    return None


def eleventy_layout_data(site: Site, layout: Any) -> dict[str, Any]:
    """The front matter of an Eleventy layout and of the layouts it is put in (`layout:` in its
    own front matter), the nearer over the farther: in the data cascade, under the page's
    folders' data files (`permalink: articles/{{ title | slugify }}/` for every article)."""
    chain: list[Mapping[str, Any]] = []
    seen: set[str] = set()
    path = _eleventy_layout_file(site, layout)
    while path is not None and path not in seen and len(chain) < _LAYOUT_DEPTH:
        seen.add(path)
        matter = _section_matter(path, signature_of(path))
        chain.append(matter)
        path = _eleventy_layout_file(site, matter.get("layout"))
    merged: dict[str, Any] = {}
    for matter in reversed(chain):
        merged.update(matter)
    merged.pop("layout", None)
    return merged


_LAYOUT_DEPTH = 8  # layouts put in layouts: a site has two or three


def _titled_by_data(site: Site, file: str) -> bool:
    """Whether Eleventy's data cascade may give the page its title: a data file sets `title`
    (or computes it), or a JavaScript data file takes part, which only running it would tell."""
    found = site.eleventy_data(file)
    if found is None:
        return True
    computed = found.get("eleventyComputed")
    return bool(found.get("title")) or (isinstance(computed, dict) and bool(computed.get("title")))


def _dated_by_data(site: Site, file: str) -> bool:
    """Whether an Eleventy data file of the page or its folders sets its `date`."""
    found = site.eleventy_data(file)
    return found is not None and bool(found.get("date"))


_CAPITALS_NAME = lazy(r"[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*")


def jekyll_default(defaults: tuple[tuple[str, str, str], ...], parts: list[str]) -> str | None:
    """The value Jekyll's `defaults` give a page (`layout_defaults`, `permalink_defaults`): that
    of the scope with the longest matching path, of the page's type (a post under any
    `_posts/`; `_transcripts/x.md` is of type "transcripts") or of none."""
    path = "/".join(parts)
    if "_posts" in parts[:-1]:
        kind = "posts"
    else:
        kind = parts[0][1:] if len(parts) > 1 and parts[0].startswith("_") else "pages"
    chosen, longest = None, -1
    for scope, kind_wanted, value in defaults:
        if (not scope or within(path, scope.strip("/"))) and kind_wanted in ("", kind) and len(scope) > longest:
            chosen, longest = value, len(scope)
    return chosen


_FIRST_HEADING = lazy(r"<h([1-3])\b[^>]*>(.*?)</h\1>", re.S | re.I)


_PARENT_LAYOUT = lazy(r"^layout:[ \t]*[\"']?([\w./-]+)", re.M)
_PRINTS_TITLE = lazy(r"\{\{-?[ \t]*page\.title\b")
_LAYOUT_DEPTH = 5


def _heading_from_elsewhere(layout: str, root: str) -> bool:
    """Whether a layout's first heading (h1 to h3) prints another object than the page's title
    (`<h1>{{ episode.title }}</h1>`, a plugin directory's `<h2>{{ plugin.name }}</h2>` from the
    site's data), and neither it nor the layouts it is put into print `page.title` but under
    `{% if page.title %}`: the page needs no title of its own."""
    heading = _FIRST_HEADING.search(_layout_text(layout, root))
    if heading is None or "{{" not in heading.group(2) or "page.title" in heading.group(2):
        return False
    return all(text is not None and not (_PRINTS_TITLE.search(text) and "if page.title" not in text) for text in _layout_chain(layout, root))


# A layout's first `<title>`, its text searched a bounded stretch (a layout of unclosed
# `<title>` tags is not read to its end from each).
_TITLE_OPENING = lazy(r"<title\b[^>]{0,200}>", re.I)
_LONGEST_TITLE_ELEMENT = 4000
_FALLBACK_KEY = lazy(r"\{%-?\s*elsif\s+page\.(\w+)\s*-?%\}")


def _title_fallback_keys(layout: str, root: str) -> set[str]:
    """Page keys that a layout's `<title>` falls back on when the page has no title
    (`{% if page.title %}…{% elsif page.id %}{{ i18n[page.id] }}{% endif %}`: a translated
    title looked up by the page's id), in the layout or those it is put into."""
    keys: set[str] = set()
    for text in _layout_chain(layout, root):
        opening = _TITLE_OPENING.search(text) if text else None
        if text is None or opening is None:
            continue
        closing = text.find("</title>", opening.end(), opening.end() + _LONGEST_TITLE_ELEMENT)
        element = text[opening.end() : closing] if closing >= 0 else ""
        if "page.title" in element:
            keys.update(key for key in _FALLBACK_KEY.findall(element) if key != "title")
    return keys


def _title_unused(layout: str, root: str) -> bool:
    """Whether a layout, and the layouts it is put into, show no page title anywhere: no
    `page.title`, no `{% seo %}` (jekyll-seo-tag prints it), no include that might (a frame
    that other pages embed, `dialog_frame.html`)."""
    return all(text and "page.title" not in text and not _SHOWS_TITLE_ELSEWHERE.search(text) for text in _layout_chain(layout, root))


def _layout_chain(layout: str, root: str) -> Iterator[str | None]:
    """The text of a layout, then of each layout it is put into (its front matter's `layout:`);
    None last when the chain goes on where it cannot be followed (a name that leaves the
    layouts' folder, more than _LAYOUT_DEPTH layouts)."""
    text = _layout_text(layout, root)
    for _ in range(_LAYOUT_DEPTH):
        yield text
        parent = _PARENT_LAYOUT.search(text[: text.find("---", 3) + 3] if text.startswith("---") else "")
        if parent is None:
            return
        if not _plain_name(parent.group(1)):
            break
        text = _layout_text(os.path.join(os.path.dirname(layout), f"{parent.group(1)}.html"), root)
    yield None


_SHOWS_TITLE_ELSEWHERE = lazy(r"\{%-?\s*(?:seo|include|include_relative|render)\b|\bpage\[")


# How deep, and through how many folders, the pages around a lone page are looked for.
_AROUND_DEPTH = 2
_AROUND_FOLDERS = 400


def _child_folders(folder: str) -> list[str]:
    """The folders in `folder`, hidden ones left out."""
    try:
        return sorted(entry.path for entry in os.scandir(folder) if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."))
    except OSError:
        return []


def _plain_name(name: Any) -> bool:
    """A layout's or theme's name as a checkout may give it, safe to look up beside the others:
    no way out of its folder (`../../etc/passwd`), no absolute path."""
    return isinstance(name, str) and bool(name.strip()) and not name.startswith("/") and ".." not in name.split("/") and "\\" not in name


# docsify's own files beside the pages: the sidebar, the navigation bar, the cover page.
_DOCSIFY_PARTS = frozenset({"_sidebar", "_navbar", "_coverpage"})
# Layouts that make a section's page no article: a standalone page, or a list of others (an archive).
_HUGO_PAGE_LAYOUTS = frozenset({"page", "list", "archive", "archives"})


def _unlisted_chapter(site: Site, file: str) -> bool:
    """A chapter that the book's `SUMMARY.md` does not list: mdBook and GitBook build only the
    chapters listed there (a `README.md` too, as its folder's index). No summary: mdBook writes
    one of every chapter. A GitBook in several languages (`LANGS.md`) has a summary in each
    language's folder."""
    settings = dict(site.url_settings)
    named = settings.get("gitbook-summary")  # a synced space's `structure.summary`
    for content in site.content:
        book = os.path.join(site.root, content)
        if site.generator == "gitbook" and site.language_folders:
            language = next((folder for folder, _ in site.language_folders if within(file, os.path.join(site.root, folder))), None)
            book = os.path.join(site.root, language) if language is not None else book
        summary = os.path.join(book, named or "SUMMARY.md")
        inner = os.path.relpath(file, os.path.dirname(summary)).replace(os.sep, "/")
        if named and inner.startswith("../") and os.path.relpath(file, book).replace(os.sep, "/") != settings.get("gitbook-readme"):
            return True  # outside the folder of the summary a space names: none of its pages
        if inner.startswith("../") or os.path.basename(inner).lower() == "readme.md":
            continue
        signature = signature_of(summary)
        record("stat", summary, signature)
        listed = _summary_chapters(summary, signature)
        return listed is not None and inner not in listed
    return False


def _untreed_topic(site: Site, file: str) -> bool:
    """A Writerside topic that no instance's `.tree` file lists: it is built into no help
    instance. No `.tree` file at all: unknown, so built."""
    trees = sorted(name for name in os.listdir(site.root) if name.endswith(".tree")) if os.path.isdir(site.root) else []
    if not trees:
        return False
    listed: set[str] = set()
    for name in trees:
        path = os.path.join(site.root, name)
        signature = signature_of(path)
        record("stat", path, signature)
        listed |= _tree_topics(path, signature)
    return os.path.basename(file) not in listed


@lru_cache(maxsize=16)
def _tree_topics(tree: str, signature: object) -> frozenset[str]:
    """The topic files a Writerside `.tree` lists (`<toc-element topic="x.md"/>`)."""
    return frozenset(_TREE_TOPIC.findall(read_small_file(tree)))


_TREE_TOPIC = lazy(r"""\btopic\s*=\s*["']([^"'<>]+)["']""")


@lru_cache(maxsize=8)
def _summary_chapters(summary: str, signature: object) -> frozenset[str] | None:
    """The chapter files `SUMMARY.md` links to (relative to it), None when it is not there."""
    text = read_small_file(summary)
    if not text:
        return None
    chapters = set()
    for found in _SUMMARY_LINK.finditer(text):
        target = unquote(found.group(1).strip("<>").split("#", 1)[0]).removeprefix("./")
        if target:
            chapters.add(posixpath.normpath(target))
    return frozenset(chapters)


_SUMMARY_LINK = lazy(r"\]\(\s*(<[^>\n]*>|[^)\s]+)")


def _layout_text(path: str, root: str) -> str:
    """A layout's text, read only inside the site (a linked `_layouts` may lead anywhere)."""
    if not within(os.path.realpath(path), os.path.realpath(root)):
        return ""
    signature = signature_of(path)
    record("stat", path, signature)
    return _read_layout(path, signature)


@lru_cache(maxsize=64)
def _read_layout(path: str, signature: str) -> str:  # read once per state of the file, not per page
    return read_small_file(path)


def builds_no_page(matter: Mapping[str, Any]) -> bool:
    """Whether Hugo's build options in front matter render no page: `headless: true`,
    `build: {render: never}` (or `false`), or the `_build` of Hugo before 0.65."""
    if matter.get("headless") is True:
        return True
    for key in ("build", "_build"):
        options = matter.get(key)
        if isinstance(options, Mapping) and str(options.get("render")).lower() in ("never", "false"):
            return True
    return False


def _cascaded(matter: Mapping[str, Any], regular: bool = False) -> Mapping[str, Any]:
    """The front matter a section cascades to every page below it (entries aimed at some
    pages only, with a `_target` or `target`, are not taken; for a `regular` page, those aimed
    at every regular page are: `target: {kind: page}`)."""
    cascade = matter.get("cascade")
    entries = cascade if isinstance(cascade, list) else [cascade]
    merged: dict[str, Any] = {}
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        target = entry.get("_target") or entry.get("target")
        if not target or (regular and _targets_regular_pages(target)):
            merged.update({key: value for key, value in entry.items() if key not in ("_target", "target")})
    return merged


def _targets_regular_pages(target: Any) -> bool:
    """`target: {kind: page}`: every regular page below, whatever its path or language."""
    return isinstance(target, Mapping) and set(target) == {"kind"} and str(target.get("kind")).lower() == "page"


def _zola_section_order(folder: str, content: str) -> str | None:
    """How the Zola section that holds `folder`'s pages orders them: its `_index.md`'s
    `sort_by` ("none", Zola's default, when unset), "render = false" for a section that renders
    no list (standalone pages, each at its own `path`), "orphan" for a folder without an
    `_index.md` under the content folder, whose pages belong to no section and so to no list
    (Zola's orphan pages); None for the content folder without one, and outside it. Zola uses a page's date only to sort by it (and a template to show it)."""
    if os.path.relpath(folder, content).startswith(".."):
        return None
    index = os.path.join(folder, "_index.md")
    signature = signature_of(index)
    record("stat", index, signature)
    if not signature:
        return None if os.path.normpath(folder) == os.path.normpath(content) else "orphan"
    matter = _section_matter(index, signature)
    if matter.get("render") is False:
        return "render = false"
    order = matter.get("sort_by")
    return order if isinstance(order, str) else "none"


_DATED_KEYS = frozenset(key.lower() for key in ("date", *DATE_ALIASES))
# A key of an archetype's front matter: its values are Go templates (`date: {{ .Date }}`),
# which no YAML or TOML reader takes, so the keys are read line by line.
_ARCHETYPE_KEY = lazy(r"^[\"']?([A-Za-z_][\w.-]*)[\"']?[ \t]*[:=]", re.M)


@lru_cache(maxsize=64)
def _archetype_keys(path: str, signature: str) -> frozenset[str] | None:
    """The top-level front-matter keys of a Hugo archetype, lower case; None when it has no
    front matter fenced by `---` or `+++`."""
    text = read_small_file(path)  # not a link out of the checkout, a device or a pipe
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() not in ("---", "+++"):
        return None
    fence = lines[0].strip()
    end = next((index for index in range(1, len(lines)) if lines[index].strip() == fence), None)
    if end is None:
        return None
    return frozenset(match.group(1).lower() for match in _ARCHETYPE_KEY.finditer("\n".join(lines[1:end])))


@lru_cache(maxsize=256)
def _section_matter(path: str, signature: str) -> Mapping[str, Any]:
    """_front_matter_of a section's index or an Eleventy layout, read once while it stays the
    same (`signature`)."""
    return _front_matter_of(path)


def _front_matter_of(path: str) -> Mapping[str, Any]:
    # Imported here: the site model is built before any page is parsed, and rarely needs this.
    from artlint.frontmatter import split_front_matter
    from artlint.source import UnreadableFile, read_source

    try:
        matter = split_front_matter(read_source(path, _SECTION_INDEX_BYTES), after_blank_lines=True)
    except UnreadableFile:
        return {}
    return matter.data if matter is not None and isinstance(matter.data, dict) else {}


_SECTION_INDEX_BYTES = 1024 * 1024


def is_draft(matter: Mapping[str, Any]) -> bool:
    """Whether the front matter keeps the page out of a default build: `draft: true` (Hugo,
    Zola, Docusaurus, MkDocs Material's blog), `published: false` (Jekyll, Hexo)."""
    return _drafted(matter) or matter.get("published") is False


def _drafted(matter: Mapping[str, Any]) -> bool:
    """`draft: true`, or the string "true"."""
    draft = matter.get("draft")
    return draft is True or (isinstance(draft, str) and draft.strip().lower() == "true")


# The names Jekyll's post reader takes (its DATE_FILENAME_MATCHER): a date, then the title.
_JEKYLL_POST_NAME = lazy(r"\d{2,4}-\d{1,2}-\d{1,2}-[^/]*\.[^.]+$")


# `import Setup from './_setup.md';` or `from "@site/docs/_x.mdx"` in an MDX or markdown file,
# several on one line too (`import A from './_a.md'; import B from './_b.md';`).
_MDX_IMPORT = lazy(r"""(?:^|;)[ \t]*import\b[^\n;]{0,300}?\bfrom[ \t]+["']([^"'\n]{1,300}\.mdx?)["']""", re.M)
_MOST_IMPORT_SCAN = 8 * 1024 * 1024  # bytes of pages read for imports; beyond it every partial counts as imported


@lru_cache(maxsize=8)
def _imported_names(root: str, folders: tuple[str, ...]) -> frozenset[str] | _Everything:
    """File names (`_setup.md`) that the site's markdown and MDX files import, read once per
    run; everything when the pages are too many to read (then no partial is left out)."""
    names: set[str] = set()
    budget = _MOST_IMPORT_SCAN
    for folder in dict.fromkeys(folders):
        for directory, subdirectories, files in os.walk(os.path.join(root, folder)):
            subdirectories[:] = [name for name in subdirectories if name not in ("node_modules", ".git")]
            for name in files:
                if not name.endswith((".md", ".mdx", ".js", ".jsx", ".tsx")):
                    continue
                text = read_small_file(os.path.join(directory, name))
                budget -= len(text)
                if budget < 0:
                    return _EVERYTHING
                if "import" in text:
                    # `./\_setup.md`: an underscore escaped as markdown would (an MDX 1 import in a .md file)
                    names.update(posixpath.basename(found.replace("\\", "")) for found in _MDX_IMPORT.findall(text))
    return frozenset(names)


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()


def _astro_kind(site: Site, parts: list[str]) -> str:
    """A page of `src/pages/` (no `_` name), an entry of a content collection (an article;
    Starlight's docs are pages)."""
    source = site.plugin_source("/".join(parts))
    if source is None:
        return "repository"
    if source[0] == "pages":
        return "partial" if any(part.startswith("_") for part in parts) else "page"
    return "page" if source[0] == "docs" else "article"


_TRANSLATED_PLUGIN_FOLDERS = ("docusaurus-plugin-content-docs", "docusaurus-plugin-content-blog", "docusaurus-plugin-content-pages")


def _in_docs_plugin(site: Site, parts: list[str]) -> bool:
    if any(part.startswith("_") for part in parts):
        return False  # the plugins skip `_`-named files and folders
    source = site.plugin_source("/".join(parts))
    return source is not None and source[0] == "docs"


def _docusaurus_category_index(parts: list[str], stem: str) -> bool:
    """Docusaurus' docs plugin makes `index.md`, `README.md` or a file named as its folder
    (`guides/guides.md`) the page of the folder's category: "Introduction" in each category
    is its structure."""
    name = stem.split(".")[0]
    return name in ("index", "readme") or (len(parts) > 1 and name == parts[-2].lower())


def _kind(site: Site, parts: list[str], stem: str) -> str:
    lowered = stem.lower()
    if parts[0] == ".." and not site.built_from_beside("/".join(parts)):
        return "repository"  # beside the folder the generator builds from (Jekyll's `source: src`)
    if site.generator == "mkdocs" and _mkdocs_index(site, parts, lowered):
        return "section"  # a folder's index page: "Introduction" in each section is its structure
    if site.generator == "vuepress" and lowered.split(".")[0] == "readme":
        return "page"  # VuePress makes a folder's README.md its index page (the home page at the top)
    if site.generator in ("mdbook", "gitbook") and lowered.split(".")[0] == "readme" and _in_content(site, parts):
        return "page"  # a book's README.md is its folder's index.html (the book's introduction at the top)
    docusaurus_index = site.generator == "docusaurus" and _docusaurus_category_index(parts, lowered)
    if docusaurus_index and _in_docs_plugin(site, parts) and not site.excludes_page("/".join(parts)):
        return "section"  # so does Docusaurus' docs plugin (`docs/contest/README.md` is /docs/contest/): its category's page
    if _repository_name(lowered.split(".")[0]) or (len(parts) == 1 and lowered.split(".")[0] in _root_repository_files()):
        return "repository"
    if _in_agent_skill(site.root, parts):
        return "repository"  # an agent skill's references (`skills/x/references/…`), read by the agent as they are
    path = "/".join(parts)
    if any(within(path, folder) for folder in site.not_content) or site.excludes_page(path):
        return "partial"
    if site.ignore_files and _ignored_file(site.ignore_files, os.path.join(site.root, path)):
        return "partial"  # Hugo builds no page of it: a file that pages include (`{{< readfile >}}`)
    generator = site.generator
    if generator == "plain" and site.holds_sites:
        return "repository"  # beside the site in `docs/`: the repository's own files
    content_rooted = ("mkdocs", "zola", "hugo", "hexo", "docusaurus", "eleventy", "astro")
    if generator in content_rooted and not any(folder == "." or within(path, folder) for folder in site.content):
        # MkDocs renders docs_dir alone, Zola and Hugo content/ (and what is mounted there), Hexo
        # source/, Docusaurus its plugins' folders, Eleventy its input folder, Astro src/pages and
        # its content collections: the rest is the
        # repository's, shown by GitHub, or read by a template
        return "repository"
    if generator in ("hugo", "zola"):
        if lowered.split(".")[0] == "_index":
            return "section"
        if generator == "hugo" and _inside_leaf_bundle(site, parts, lowered.split(".")[0] == "index"):
            return "resource"
        return "article" if _in_a_section(site, path, lowered.split(".")[0] == "index") else "page"
    if generator in ("jekyll", "hexo"):
        if "_posts" in parts[:-1]:
            if generator == "jekyll" and not _JEKYLL_POST_NAME.match(parts[-1]):
                return "partial"  # Jekyll reads only `YYYY-MM-DD-title` files as posts: a template kept beside them
            return "article"  # jekyll-multiple-languages-plugin's `_i18n/<lang>/_posts/` too: posts of that language
        if any(within(path, folder) for folder in site.fragments):
            return "fragment"
        return "partial" if _skipped_underscored(site, parts) else "page"
    if generator == "docusaurus":
        if any(part.startswith("_") for part in parts):
            return "partial"  # the docs and blog plugins skip `_`-prefixed files and folders (imported partials)
        source = site.plugin_source("/".join(parts))
        return "article" if (source[0] == "blog" if source else parts[0] == "blog" or "content-blog" in "/".join(parts)) else "page"
    if generator in ("mkdocs", "vitepress", "vuepress", "rspress"):
        return "page"
    if generator == "nuxt":
        return "partial" if any(part.startswith("_") for part in parts) else "page"  # Nuxt Content's `_` partials
    if generator == "astro":
        return _astro_kind(site, parts)
    if generator == "mdbook":
        return "page"  # a book's chapters: no dates, no front matter, titled by their headings
    if generator == "writerside":
        return "page"  # topics: titled by their headings, no front matter
    if generator == "gitbook":
        # a book's chapters; its table of contents, glossary and list of languages are no pages
        return "partial" if lowered in _GITBOOK_PARTS and len(_under_book_root(site, parts)) <= 2 else "page"
    if generator == "logseq":
        return "page"  # a graph's pages and journals: titled by their file names, no front matter
    if generator == "docsify":
        return "partial" if lowered in _DOCSIFY_PARTS else "page"  # `_sidebar.md`: the navigation it loads
    if generator == "eleventy":
        return "page" if _at_the_top(_under_input(site, path)) else "article"  # `about.md`, `about/index.md`; `posts/a.md`
    if generator == "plain" and any(part.lower() in _DOCS_FOLDERS for part in parts[:-1][:_DOCS_DEPTH]):
        return "page"  # documentation (`docs/zh-cn/ops/deploy.md`, Astro's `src/content/docs/`) beside a blog: undated pages
    return "article"


# The folders of a site that hold its documentation, whatever builds it, among the first three
# of a page's path (`docs/`, `src/content/docs/`).
_DOCS_FOLDERS = frozenset(("docs", "doc", "documentation"))
_DOCS_DEPTH = 3


def _in_agent_skill(root: str, parts: list[str]) -> bool:
    """Whether a file lies in an agent skill's folder, one holding a `SKILL.md` (its name and
    description as front matter), up to four folders above it: the skill's references and
    examples, which the agent reads as they are, by their names. Skills are kept in a `skills/`
    folder (`skills/<name>/`, `.claude/skills/<name>/`): no other path is looked at."""
    if not any(part.lower() == "skills" for part in parts[:-1]):
        return False
    for depth in range(max(0, len(parts) - 5), len(parts) - 1):
        if parts[depth] == "..":
            continue
        if _holds_skill(os.path.join(root, *parts[: depth + 1])):
            return True
    return False


def _holds_skill(folder: str) -> bool:
    # recorded: a skill added or taken away changes what its folder's files are
    return file_exists(os.path.join(folder, "SKILL.md"))


def _ignored_file(patterns: tuple[str, ...], path: str) -> bool:
    """Whether one of Hugo's `ignoreFiles` patterns is found in a file's absolute path (Go's
    MatchString searches; a pattern Python cannot read is left out)."""
    return any(pattern is not None and pattern.search(path.replace(os.sep, "/")) for pattern in _go_patterns(patterns))


# A quantified group that holds a quantifier (`(a+)+`, `(\w*)*`): Go's RE2 runs any pattern in
# linear time, Python's backtracking engine may take exponential time over such a group, and
# the configuration may come from a stranger's pull request.
_NESTED_QUANTIFIER = lazy(r"\([^()]*[+*}][^()]*\)\s*[+*{]")
_LONGEST_GO_PATTERN = 300


@lru_cache(maxsize=32)
def _go_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, ...]:
    """Hugo's regular expressions compiled; None for one Python cannot read, and for one it
    might take too long over (a nested quantifier, a very long pattern)."""
    compiled: list[re.Pattern[str] | None] = []
    for pattern in patterns:
        try:
            safe = len(pattern) <= _LONGEST_GO_PATTERN and _NESTED_QUANTIFIER.search(pattern) is None
            compiled.append(re.compile(pattern) if safe else None)
        except re.error:
            compiled.append(None)
    return tuple(compiled)


def _under_input(site: Site, path: str) -> list[str]:
    """The parts of a path (relative to the root) under an Eleventy site's input folder."""
    source = site.content[0]
    return path.split("/") if source == "." else path[len(source) + 1 :].split("/")


def _at_the_top(inner: list[str]) -> bool:
    """A page beside an Eleventy site's home page: `about.md`, or `about/index.md`."""
    return len(inner) <= 1 or (len(inner) == 2 and inner[1].lower().split(".")[0] == "index")


def _mkdocs_index(site: Site, parts: list[str], stem: str) -> bool:
    """Whether MkDocs makes the file its folder's index page: `index.md`, or `README.md` where
    the folder has no `index.md`, inside docs_dir."""
    path = "/".join(parts)
    if stem not in ("index", "readme") or not any(folder != "." and within(path, folder) for folder in site.content):
        return False
    if stem == "readme":
        folder = os.path.join(site.root, *parts[:-1])
        return not any(os.path.isfile(os.path.join(folder, name)) for name in ("index.md", "index.markdown"))
    return True


def _opens_with_front_matter(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            first = handle.read(5)
    except OSError:
        return False
    return first.lstrip(b"\xef\xbb\xbf").startswith(b"---")


_PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")


def _pastes_relative_files(folder: str) -> bool:
    """Whether a page of `folder` (its own files) uses Jekyll's `include_relative`."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file() and entry.name.lower().endswith(_PAGE_SUFFIXES))
    except OSError:
        return True  # unknown: as if one did
    for name in names:
        file = os.path.join(folder, name)
        signature = signature_of(file)
        record("stat", file, signature)
        if _uses_include_relative(file, signature):
            return True
    return False


@lru_cache(maxsize=4096)
def _uses_include_relative(path: str, signature: str) -> bool:  # read once per state of the file
    try:
        with open(path, "rb") as handle:
            return b"include_relative" in handle.read(_MOST_READ_FOR_INCLUDES)
    except OSError:
        return True


_MOST_READ_FOR_INCLUDES = 4_000_000


def _hexo_hidden_post(parts: list[str]) -> bool:
    """Whether a file under Hexo's `_posts/` (or `_drafts/`) is one its post processor skips:
    its name, or a folder's below `_posts/`, starts with `_` or `.` (hexo's `isHiddenFile`)."""
    for index, part in enumerate(parts[:-1]):
        if part in ("_posts", "_drafts"):
            return any(name.startswith(("_", ".")) for name in parts[index + 1 :])
    return False


def _skipped_underscored(site: Site, parts: list[str]) -> bool:
    """Whether Jekyll or Hexo skips a file for a name starting with "_" (its own or a folder's
    in the path): `install/_docker.md` is a block that `{% include_relative _docker.md %}`
    puts into a page, not a page."""
    path = "/".join(parts)
    inside = next((folder for folder in site.content if folder != "." and within(path, folder)), None)
    if inside is not None:  # Hexo's `source/`: the names that count are those under it
        parts = path[len(inside) + 1 :].split("/")
    return any(part.startswith("_") and part not in site.rendered_underscored for part in parts)


def _unrendered_hugo_page(site: Site, file: str, matter: Mapping[str, Any], kind: str) -> bool:
    if builds_no_page(matter):
        return True
    folder = os.path.dirname(file)
    if kind == "section" or os.path.basename(file).lower().startswith("index."):
        folder = os.path.dirname(folder)  # a section's own cascade is for the pages below it
    return site.unrendered_below(folder, regular=kind != "section")


def _stated_type(matter: Mapping[str, Any]) -> Any:
    """The front matter's `type`, under a key in any case (Hugo reads keys so: `Type:`)."""
    return next((value for key, value in matter.items() if isinstance(key, str) and key.lower() == "type"), None)


def _hugo_type(site: Site, file: str, matter: Mapping[str, Any], path: str) -> str:
    """A Hugo page's type, which picks its layouts: its front matter's `type`, else one
    cascaded from the sections above it, else the name of its top section (`docs` for
    `content/docs/x.md` and for `content/en/docs/x.md` in a language's folder)."""
    stated = _stated_type(matter)
    if not (isinstance(stated, str) and stated):
        folder = os.path.dirname(file)
        if os.path.basename(file).lower().startswith("index."):
            folder = os.path.dirname(folder)
        stated = site.cascaded(folder).get("type")
    if isinstance(stated, str) and stated:
        return stated
    inner = _within_content(site, path) or ""
    return inner.split("/")[0] if "/" in inner else ""


def _inside_leaf_bundle(site: Site, parts: list[str], is_index: bool) -> bool:
    """Whether a file is in a Hugo leaf bundle other than as its index: in the bundle's folder
    (`post/notes.md` beside `post/index.md`) or below it (`post/draft/deepl.en.md`). The
    bundle's other files, markdown too, are the page's resources, not pages."""
    inner = _within_content(site, "/".join(parts))
    if inner is None:
        return False
    top = len(parts) - len(inner.split("/"))  # the content folder's depth: no bundle at its top
    for depth in range(len(parts) - 1, top, -1):
        if depth == len(parts) - 1 and is_index:
            continue  # the bundle's own page
        if _in_leaf_bundle(os.path.join(site.root, *parts[:depth]), site.languages):
            return True
    return False


# The extensions of the content formats Hugo renders as pages (besides HTML with front matter):
# a post written in Org mode (`index.org`) makes its folder a bundle, and a markdown file beside
# it (an example's input) a resource.
_HUGO_CONTENT_SUFFIXES = frozenset({"md", "markdown", "mdown", "org", "adoc", "asciidoc", "ad", "pandoc", "pdc", "rst"})
_MARKDOWN_INDEX_SUFFIXES = frozenset({"md", "markdown", "mdown"})


def _in_leaf_bundle(folder: str, languages: tuple[str, ...] = ()) -> bool:
    """Whether a folder is a Hugo leaf bundle: it holds an `index.md`, or an index in another
    content format Hugo renders (`index.org`), `index.<lang>.md` on a site of several languages."""
    for name in index_files(folder):  # listed once per folder: every page below it asks
        stem, _, suffix = name.rpartition(".")
        if (stem == "index" or stem.startswith("index.") and stem[6:] in languages) and suffix.lower() in _HUGO_CONTENT_SUFFIXES:
            return True
    return "index.html" in index_files(folder) and is_hugo_page_file(os.path.join(folder, "index.html"))


def is_hugo_page_file(path: str) -> bool:
    """Whether an `.html` file in Hugo's content is a page: one that starts with front matter.
    Without it, it is a file copied as it is (a redirect stub left in `docs/latest/index.html`),
    and its folder no bundle."""
    head = read_start(path, 64).lstrip("\ufeff \t\r\n")
    return head.startswith(("---", "+++", "{"))


_DATED_FOLDERS = lazy(r"(?:^|/)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[-_/][^/]*)?/[^/]+$")


def _docusaurus_post_date(parts: list[str]) -> str | None:
    """The date the blog plugin reads from a post's path: `2021-05-28-title.md`,
    `2021-05-28-title/index.md` (or any file of that folder), `2021/05/28/title.md`."""
    return _iso_day(_DATE_NAME.match(parts[-1].rsplit(".", 1)[0]) or _DATED_FOLDERS.search("/".join(parts)))


def _iso_day(dated: re.Match | None) -> str | None:
    """YYYY-MM-DD of a match whose first three groups are a year, a month and a day."""
    return f"{int(dated.group(1)):04d}-{int(dated.group(2)):02d}-{int(dated.group(3)):02d}" if dated else None


def _dates_from_names(site: Site, parts: list[str]) -> bool:
    """Whether this generator takes a post's date from a leading YYYY-MM-DD of its name."""
    if site.generator in ("jekyll", "hexo"):
        return "_posts" in parts[:-1]
    if site.generator == "hugo":
        return hugo_dates_from_names(site)
    return site.generator in ("zola", "docusaurus", "eleventy", "plain", "astro")  # Astro: as the site's own code may


def hugo_dates_from_names(site: Site) -> bool:
    """Whether a Hugo site's `[frontmatter] date` reads `:filename`: a page's date, and its slug
    when it sets none, from a leading YYYY-MM-DD of its name."""
    return dict(site.url_settings).get("frontmatter.date") == ":filename"


def _in_a_section(site: Site, path: str, is_bundle: bool) -> bool:
    """Whether a Hugo or Zola page lies in a section (`content/posts/x.md`), not at the top of
    a content folder, where pages stand alone (`content/about.md`, `content/about/index.md`)."""
    inner = _within_content(site, path)
    return inner is not None and inner.count("/") - (1 if is_bundle else 0) >= 1


def _within_content(site: Site, path: str) -> str | None:
    """The path inside the innermost content or language folder that holds it, or None."""
    for folder in sorted((*site.content, *(folder for folder, _ in site.language_folders)), key=len, reverse=True):
        if folder == "." or within(path, folder):
            return path if folder == "." else site.under_prefix(folder, path[len(folder) :].lstrip("/"))
    return None


def _language(site: Site, parts: list[str], matter: Mapping[str, Any]) -> tuple[str | None, list[str]]:
    """The page's language and its path without language marks (for the translation key)."""
    # Docusaurus takes a page's locale from its `i18n/<locale>/` folder alone: a `language:`
    # key in the front matter is the page's own data (a config page about a language setting).
    stated = _language_in(matter) if site.generator != "docusaurus" else None
    path = "/".join(parts)
    for folder, language in site.language_folders:
        if within(path, folder):
            rest = path[len(folder) :].lstrip("/").split("/") if folder != "." else parts
            suffix_language, rest = _without_suffix(rest, site)
            return stated or suffix_language or language, rest  # Hugo: a file name's language wins over its folder's
    suffix_language, rest = _without_suffix(parts, site)
    if suffix_language:
        return stated or suffix_language, rest
    if site.language_from_path:
        at = next((index for index, part in enumerate(parts[:-1]) if part.lower() in site.languages), None)
        if at is not None:
            return stated or parts[at].lower(), parts[:at] + parts[at + 1 :]
    if stated:
        return stated, parts
    return (site.languages[0] if len(site.languages) > 1 else None), parts


def _without_suffix(parts: list[str], site: Site) -> tuple[str | None, list[str]]:
    """`about.fr.md` → ("fr", [..., "about.md"]) when fr is one of the site's languages."""
    name = parts[-1]
    pieces = name.split(".")
    if len(pieces) >= 3 and pieces[-2].lower() in {language.lower() for language in site.languages}:
        return pieces[-2].lower(), [*parts[:-1], ".".join(pieces[:-2] + pieces[-1:])]
    return None, parts


def _language_in(matter: Mapping[str, Any]) -> str | None:
    """The language the front matter states, or that its own permalink starts with
    (`permalink: /ja/releases/22.0/`: Jekyll sites that keep languages by URL only)."""
    for key in ("lang", "language", "locale"):
        value = matter.get(key)
        if isinstance(value, str) and _LANGUAGE_CODE.match(value.strip()):
            return value.strip().lower().replace("_", "-")
    permalink = matter.get("permalink")
    if isinstance(permalink, str) and permalink.startswith("/"):
        first, slash, rest = permalink[1:].partition("/")
        if slash and rest and is_language_code(first):
            return first.lower().replace("_", "-")
    return None


@lru_cache(maxsize=1)
def _repository_files() -> frozenset[str]:
    return frozenset(data.load("sites")["repository-files"])


# Generators that build from named folders (`docs/`, `content/`, `source/`...): what lies
# beside them is the repository's, not the site's.
_CONTENT_ROOTED = (
    "mkdocs", "zola", "hugo", "hexo", "docusaurus", "eleventy", "vitepress", "vuepress", "rspress", "nuxt", "mdbook", "gitbook", "writerside", "logseq",
    "docsify", "astro",
)
# A site's own folder named as an old copy (`docs-old`, `legacy`, `blog-archived`).
_OLD_COPY_SITE = lazy(r"(?i)(?:[a-z0-9_-]*[-_])?(?:old|legacy|deprecated|obsolete|outdated|backups?|bak|archived)")
_ARCHIVE_FOLDER = lazy("(?i:" + "|".join(f"(?:{name})" for name in data.load("sites")["archive-folders"]) + ")")


@lru_cache(maxsize=1)
def _root_repository_files() -> frozenset[str]:
    return frozenset(data.load("sites")["root-repository-files"])


_LANGUAGE_SUFFIX = lazy(r"^(.+?)[-_]([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)$")


def _repository_name(name: str) -> bool:
    """A repository document's name, also with a language suffix: `readme`, `readme_en`,
    `contributing-zh-cn` (`readme.zh-cn` is cut at the dot already)."""
    if name in _repository_files():
        return True
    suffixed = _LANGUAGE_SUFFIX.match(name)
    if suffixed is None:
        return False
    suffix = suffixed.group(2).replace("_", "-")
    return suffixed.group(1) in _repository_files() and (is_language_code(suffix) or suffix.lower() in _REGION_SUFFIXES)


# Regions that repositories name a translation by (`README_CN.md`, `README-TW.md`, `README_JP.md`).
_REGION_SUFFIXES = frozenset(("cn", "tw", "hk", "jp", "kr"))


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    return frozenset(data.load("sites")["languages"])


def is_language_code(name: str) -> bool:
    match = _LANGUAGE_CODE.match(name)
    return match is not None and match.group(1).lower() in _language_codes()


# --------------------------------------------------------------------------- detection


def detect(folder: str, names: Collection[str] | None = None) -> Site | None:
    """The site whose generator's configuration is in `folder` (absolute), if there is one; or
    the translation that a build makes with a sibling language folder's MkDocs configuration."""
    found = _generator_config(folder, names)
    if found is not None and found[0] == "mkdocs" and _inherits_a_language(folder, found[1]):
        return _mkdocs_translation(folder, found[1])  # `INHERIT: ../en/mkdocs.yml` in docs/hi/
    if found is not None:
        return _built(found[0], folder, found[1])
    original = _mkdocs_translated_from(folder, names)
    return None if original is None else _mkdocs_translation(folder, original)


def _inherits_a_language(folder: str, config: str) -> bool:
    """Whether a language folder's MkDocs configuration only inherits another language's."""
    parent = _inherited_config(config)
    code = os.path.basename(folder)
    if parent is None or not (is_language_code(code) and code[:2].islower()):
        return False
    other = os.path.basename(os.path.dirname(parent))
    return other != code and is_language_code(other)


def _mkdocs_translated_from(folder: str, names: Collection[str] | None) -> str | None:
    """`docs/en/mkdocs.yml` for `docs/tr/` (FastAPI's layout): a folder named by a language
    code, holding a `docs/` of its own and no configuration, beside a folder of another
    language that holds a MkDocs configuration. A script builds each translation with that
    configuration, over a copy of the original's pages (untranslated pages and images are the
    original's)."""
    code = os.path.basename(folder)
    if not (is_language_code(code) and code[:2].islower()) or not os.path.isdir(os.path.join(folder, "docs")):
        return None
    parent = os.path.dirname(folder)
    try:
        siblings = sorted(os.listdir(parent))
    except OSError:
        return None
    for sibling in siblings:
        if sibling != code and is_language_code(sibling) and sibling[:2].islower():
            found = _generator_config(os.path.join(parent, sibling))
            if found is not None and found[0] == "mkdocs" and "INHERIT" not in _read_settings(found[1]):
                return found[1]
    return None


def _mkdocs_translation(folder: str, original: str) -> Site:
    """The site of a translation folder built with the original's configuration: its own
    `docs_dir`, in its language, and the original's pages and files beneath it."""
    site = _built("mkdocs", folder, original)
    code = os.path.basename(folder).lower().replace("_", "-")
    base = os.path.dirname(_inherited_config(original) or original)
    source = os.path.relpath(os.path.join(base, site.content[0]), folder).replace(os.sep, "/")
    return replace(
        site,
        static=(*site.static, source),
        languages=(code,),
        language_folders=tuple((content, code) for content in site.content),
    )


def _generator_config(folder: str, names: Collection[str] | None = None) -> tuple[str, str] | None:
    """(the generator, its configuration file) found in `folder`, without reading the file."""
    if names is None:
        try:
            names = set(os.listdir(folder))
        except OSError:
            return None
    for generator, finder in _FINDERS:
        found = finder(folder, names)
        if found is not None:
            return generator, found
    return None


_HUGO_FOLDERS = frozenset({"content", "layouts", "archetypes", "themes", "static", "assets", "data", "i18n"})
# A configuration that a build step renders from a template kept in git (`config.yaml.in` for
# `gen_config.py`, `mkdocs.yml.tpl` for `generate_config.py`), the rendered one kept out of it.
_CONFIG_TEMPLATE_SUFFIXES = (".in", ".tpl", ".tmpl", ".template")
_HUGO_TEMPLATES = tuple(
    name + suffix for name in ("hugo.toml", "hugo.yaml", "config.toml", "config.yaml", "config.yml") for suffix in _CONFIG_TEMPLATE_SUFFIXES
)


def _names_hugo_site(settings: dict) -> bool:
    """Settings that only a Hugo site's configuration holds: its `baseURL` (Hugo reads keys
    whatever their case: `baseUrl`, `BaseURL`) or a theme."""
    return any(isinstance(key, str) and key.lower() in ("baseurl", "theme") for key in settings)


# Top-level settings of Hugo's configuration (lower-cased: Hugo reads keys without case). A
# `config.json` of another tool beside an `assets/` folder (a service worker's plugins) has none.
_HUGO_KEYS = frozenset(
    {
        "title", "languagecode", "defaultcontentlanguage", "params", "menu", "menus", "markup", "taxonomies",
        "permalinks", "module", "outputs", "outputformats", "languages", "paginate", "pagination", "enablerobotstxt",
        "enableemoji", "summarylength", "copyright", "author", "related", "services", "build", "minify",
        "uglyurls", "canonifyurls", "relativeurls", "contentdir", "publishdir", "staticdir", "googleanalytics",
        "disablekinds", "hascjklanguage", "enablegitinfo", "imaging", "security", "frontmatter", "mediatypes",
    }
)


def _hugo_keys_in(settings: dict) -> bool:
    return any(isinstance(key, str) and key.lower() in _HUGO_KEYS for key in settings)


def _hugo_file(folder: str, names: Collection[str]) -> str | None:
    for name in ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"):
        if name in names:
            return os.path.join(folder, name)
    for name in ("config.toml", "config.yaml", "config.yml", "config.json"):
        if name in names:
            settings = _read_settings(os.path.join(folder, name))
            # A YAML or JSON `config` without them is Hugo's beside the folders of a site, not a
            # block of settings kept in a content folder (`content/en/config.yaml`, included).
            if "base_url" in settings:
                continue  # Zola's
            if _names_hugo_site(settings) or (name != "config.toml" and not _HUGO_FOLDERS.isdisjoint(names) and _hugo_keys_in(settings)):
                return os.path.join(folder, name)
    if "config" in names and os.path.isdir(os.path.join(folder, "config", "_default")):
        return os.path.join(folder, "config", "_default")
    named = _named_hugo_config(folder, names)
    if named is not None:
        return named
    for name in _HUGO_TEMPLATES:
        if name in names and _names_hugo_site(_read_settings(os.path.join(folder, name))):
            return os.path.join(folder, name)
    if "theme.toml" in names and ("layouts" in names or "archetypes" in names):
        return os.path.join(folder, "theme.toml")  # a theme's repository: its archetypes and layouts are templates
    return None


# A configuration of another name, which the build passes to `hugo --config`
# (`config-archie.toml`, `hugo.production.yaml`).
_OTHER_HUGO_CONFIG = lazy(r"(?:hugo|config)[-_.][\w.-]{1,60}\.(?:toml|ya?ml|json)")
_HUGO_CONFIG_OPTION = lazy(r"""\bhugo\b[^\n]{0,200}?--config[= ]['"]?([\w./-]+)""")
_CONFIG_NAMERS = ("netlify.toml", "package.json", "Makefile", "Dockerfile", ".gitlab-ci.yml", "vercel.json", "README.md")


def _named_hugo_config(folder: str, names: Collection[str]) -> str | None:
    """A Hugo configuration named otherwise, beside a Hugo site's folders (`content/` and one of
    `archetypes/`, `layouts/`, `themes/`): the one the build's `hugo --config` names (in
    netlify.toml, package.json, a Makefile, a workflow, or the README's instructions), else the
    first by name that names a Hugo site (its `baseURL` or theme)."""
    if "content" not in names or not {"archetypes", "layouts", "themes"} & set(names):
        return None
    candidates = sorted(name for name in names if _OTHER_HUGO_CONFIG.fullmatch(name))
    if not candidates:
        return None
    for path in [*(os.path.join(folder, name) for name in _CONFIG_NAMERS if name in names), *_workflow_files(folder)]:
        if os.path.islink(path):
            continue
        for option in _HUGO_CONFIG_OPTION.finditer(read_small_file(path)):
            first = option.group(1).split(",")[0].removeprefix("./")
            if first in candidates:
                return os.path.join(folder, first)
    return next((os.path.join(folder, name) for name in candidates if _names_hugo_site(_read_settings(os.path.join(folder, name)))), None)


def _zola_file(folder: str, names: Collection[str]) -> str | None:
    if "zola.toml" in names:
        return os.path.join(folder, "zola.toml")
    if "config.toml" in names and "base_url" in _read_settings(os.path.join(folder, "config.toml")):
        return os.path.join(folder, "config.toml")
    return None


def _hexo_file(folder: str, names: Collection[str]) -> str | None:
    if "_config.yml" not in names:
        return _hexo_variant(folder, names)
    if _gemfile_builds_with_jekyll(folder, names):
        return None  # a Jekyll site whose `source: source` holds `_posts/`, as Hexo's would
    if os.path.isdir(os.path.join(folder, "source", "_posts")) or "scaffolds" in names:
        return os.path.join(folder, "_config.yml")
    if "package.json" in names and '"hexo"' in read_small_file(os.path.join(folder, "package.json")):
        return os.path.join(folder, "_config.yml")
    return None


def _hexo_variant(folder: str, names: Collection[str]) -> str | None:
    """A Hexo project whose `_config.yml` a build step writes (kept out of git) from a variant
    such as `_config.prod.yml` (`hexo generate --config`, or a script that merges variants):
    the production variant if there is one. Only with Hexo in the package.json."""
    variants = sorted(name for name in names if _HEXO_CONFIG_VARIANT.fullmatch(name))
    if not variants or "package.json" not in names or '"hexo"' not in read_small_file(os.path.join(folder, "package.json")):
        return None
    chosen = next((name for name in variants if name.split(".")[1] in ("prod", "production")), variants[0])
    return os.path.join(folder, chosen)


_HEXO_CONFIG_VARIANT = lazy(r"_config\.[\w-]{1,40}\.ya?ml")
_JEKYLL_GEM = lazy(r"""^\s*gem\s+["'](?:jekyll|github-pages)["']""", re.M)


def _gemfile_builds_with_jekyll(folder: str, names: Collection[str]) -> bool:
    """Whether the Gemfile beside `_config.yml` installs Jekyll (or GitHub Pages' gem) and no
    package.json asks for Hexo: the configuration is Jekyll's, whatever its folders look like."""
    if "Gemfile" not in names or not _JEKYLL_GEM.search(read_small_file(os.path.join(folder, "Gemfile"))):
        return False
    return "package.json" not in names or '"hexo"' not in read_small_file(os.path.join(folder, "package.json"))


def _jekyll_file(folder: str, names: Collection[str]) -> str | None:
    for name in ("_config.yml", "_config.yaml", "_config.toml"):
        if name in names:
            path = os.path.join(folder, name)
            if _only_pages_basics(path) and any(finder(folder, names) for _, finder in _BUILT_BY_OTHERS):
                return None  # GitHub Pages' theme left beside the configuration of the generator that builds the site
            return path
    return None


# What GitHub Pages' theme chooser writes into `_config.yml` (`theme: jekyll-theme-slate`), and
# the site-wide basics kept beside it (a name, the markdown flavour): nothing that builds pages.
_PAGES_BASICS = frozenset(
    {"theme", "remote_theme", "title", "description", "logo", "show_downloads", "google_analytics", "plugins", "include", "exclude"}
    | {"name", "author", "markdown", "highlighter", "lang", "url", "baseurl"}
)


def _only_pages_basics(path: str) -> bool:
    """A `_config.yml` that only picks a GitHub Pages theme or keeps the site's basics (a title,
    a name, `markdown: GFM`): a leftover beside another generator's configuration."""
    settings = _read_settings(path)
    return bool(settings) and set(settings) <= _PAGES_BASICS


def _docusaurus_file(folder: str, names: Collection[str]) -> str | None:
    for name in names:
        if name.startswith("docusaurus.config."):
            return os.path.join(folder, name)
    return None


def _mkdocs_file(folder: str, names: Collection[str]) -> str | None:
    """`mkdocs.yml` (or ProperDocs' `properdocs.yml`), or where a project keeps its configurations under other names for
    `mkdocs build --config-file` (`mkdocs-online.yml` inheriting `mkdocs-common.yml`): the one
    no other inherits, the one that names the site's URL first."""
    for name in _MKDOCS_NAMES:
        if name in names:
            path = os.path.join(folder, name)
            if os.path.islink(path) and os.path.dirname(os.path.realpath(path)) != os.path.realpath(folder):
                return None  # `docs/mkdocs.yml -> ../mkdocs.yml` (for Read the Docs): the site is the folder above's
            return path
    others = sorted(name for name in names if name.startswith("mkdocs") and name.endswith((".yml", ".yaml")))
    if not others:
        return _mkdocs_template(folder, names)
    texts = {name: read_small_file(os.path.join(folder, name)) for name in others}
    inherited = {match.strip().strip("'\"") for text in texts.values() for match in _MKDOCS_INHERIT.findall(text)}
    leaves = [name for name in others if _MKDOCS_SETTINGS.search(texts[name]) and name not in inherited]
    leaves.sort(key=lambda name: (_MKDOCS_SITE_URL.search(texts[name]) is None, name))
    return os.path.join(folder, leaves[0]) if leaves else None


def _mkdocs_template(folder: str, names: Collection[str]) -> str | None:
    for name in _MKDOCS_NAMES:
        for suffix in _CONFIG_TEMPLATE_SUFFIXES:
            if name + suffix in names and _MKDOCS_SETTINGS.search(read_small_file(os.path.join(folder, name + suffix))):
                return os.path.join(folder, name + suffix)
    return None


# ProperDocs, the maintained fork of MkDocs 1.x, reads the same settings from its own file.
_MKDOCS_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
_MKDOCS_INHERIT = lazy(r"^INHERIT:[ \t]*(\S+)", re.M)
_MKDOCS_SETTINGS = lazy(r"^(?:site_name|INHERIT):", re.M)  # a configuration, not a fragment of one (`mkdocs-nav.yml`)
_MKDOCS_SITE_URL = lazy(r"^site_url:", re.M)


def _vitepress_file(folder: str, names: Collection[str]) -> str | None:
    return _config_in(folder, names, ".vitepress", index=True)


def _vuepress_file(folder: str, names: Collection[str]) -> str | None:
    return _config_in(folder, names, ".vuepress")


_RSPRESS_CONFIGS = ("rspress.config.ts", "rspress.config.mts", "rspress.config.js", "rspress.config.mjs", "rspress.config.cjs")


def _rspress_file(folder: str, names: Collection[str]) -> str | None:
    return next((os.path.join(folder, name) for name in _RSPRESS_CONFIGS if name in names), None)


_ASTRO_CONFIGS = ("astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts", "astro.config.cjs")


def _astro_file(folder: str, names: Collection[str]) -> str | None:
    return next((os.path.join(folder, name) for name in _ASTRO_CONFIGS if name in names), None)


def _mdbook_file(folder: str, names: Collection[str]) -> str | None:
    return os.path.join(folder, "book.toml") if "book.toml" in names else None


def _writerside_file(folder: str, names: Collection[str]) -> str | None:
    """Writerside (JetBrains' documentation tool): `writerside.cfg` in the module's folder."""
    return os.path.join(folder, "writerside.cfg") if "writerside.cfg" in names else None


def _gitbook_file(folder: str, names: Collection[str]) -> str | None:
    """GitBook's command-line books (GitBook 1 to 3, HonKit): `book.json` in the book's folder,
    unless the build (a workflow, a deploy script, package.json, a Makefile...) names another
    generator and not GitBook (a blog that keeps a book.json for a mirror on gitbook.io and
    is built by Hexo); without one, `LANGS.md` or `SUMMARY.md` where the build runs HonKit or
    GitBook's command line (`honkit build`)."""
    if "book.toml" in names or not ({"book.json", "LANGS.md", "SUMMARY.md"} & set(names)):
        return None
    if "book.json" not in names:
        # no book.json: a book the build runs GitBook's command line or HonKit on (`honkit build`)
        named = next((name for name in ("LANGS.md", "SUMMARY.md") if name in names), "")
        return os.path.join(folder, named) if any(_GITBOOK_BUILD.search(text) for text in _build_texts(folder, names)) else None
    return None if _built_by_another_generator(folder, names) else os.path.join(folder, "book.json")


# A build that runs GitBook's command line or HonKit, its maintained fork.
_GITBOOK_BUILD = lazy(r"\bhonkit\b|\bgitbook[ \t]+(?:build|serve|install|pdf)\b|gitbook-cli")


def _hosted_gitbook_file(folder: str, names: Collection[str]) -> str | None:
    """A GitBook space synced with the repository (gitbook.com's Git Sync): `.gitbook.yaml`, or
    a `SUMMARY.md` beside a `.gitbook/` folder of assets or opening with the `# Table of
    contents` heading GitBook writes. Every folder is asked: its names are looked at before
    any file is read."""
    if ".gitbook.yaml" in names:
        found = os.path.join(folder, ".gitbook.yaml")
    elif "SUMMARY.md" in names and "book.toml" not in names:
        summary = os.path.join(folder, "SUMMARY.md")
        marked = ".gitbook" in names or read_small_file(summary).lstrip().lower().startswith("# table of contents")
        found = summary if marked else ""
    else:
        found = ""
    if not found or _built_by_another_generator(folder, names) or _sites_in_subfolders(folder):
        return None  # a `.gitbook.yaml` left from before the docs moved to a Docusaurus site in `website/` (redux)
    return found


def _built_by_another_generator(folder: str, names: Collection[str]) -> bool:
    """Whether the build (a workflow, a deploy script, package.json, netlify.toml, a
    Makefile...) names another generator than GitBook, and not GitBook or HonKit."""
    return any(_OTHER_BUILDER.search(text) and "gitbook" not in text and "honkit" not in text for text in _build_texts(folder, names))


def _build_texts(folder: str, names: Collection[str]) -> list[str]:
    """The texts, lower case, of what builds the folder: the files that name a generator's
    command (`_CONFIG_NAMERS`), its shell scripts, its GitHub workflows; empty ones left out."""
    builds = [os.path.join(folder, name) for name in names if name in _CONFIG_NAMERS or name.endswith(".sh")]
    return [text for text in (read_small_file(path).lower() for path in [*builds, *_workflow_files(folder)]) if text]


# A build that runs another generator than GitBook.
_OTHER_BUILDER = lazy(r"\b(?:hexo|hugo|jekyll|zola|mkdocs|docusaurus|vuepress|vitepress|eleventy)\b")


def _docsify_file(folder: str, names: Collection[str]) -> str | None:
    """docsify: the `index.html` that configures it (`window.$docsify = {…}`), in the folder of
    the pages it serves."""
    for name in ("index.html", "doc.html"):
        if name in names and "$docsify" in read_small_file(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def _logseq_file(folder: str, names: Collection[str]) -> str | None:
    """A Logseq graph: `logseq/config.edn` beside its `pages/` or `journals/`."""
    if "logseq" not in names or ("pages" not in names and "journals" not in names):
        return None
    config = os.path.join(folder, "logseq", "config.edn")
    return config if os.path.isfile(config) else None


_NUXT_CONFIGS = ("nuxt.config.ts", "nuxt.config.mts", "nuxt.config.js", "nuxt.config.mjs")
# The Nuxt Content module, or a theme built on it (Docus), named as a dependency or a module.
_NUXT_CONTENT = lazy(r"""["']@nuxt/content["']|["']docus["']""")


def _nuxt_file(folder: str, names: Collection[str]) -> str | None:
    """A Nuxt application's configuration, when the application renders its `content/` folder
    with Nuxt Content (its package.json or its configuration names `@nuxt/content` or Docus)."""
    config = next((name for name in _NUXT_CONFIGS if name in names), None)
    if config is None or "content" not in names or not os.path.isdir(os.path.join(folder, "content")):
        return None
    texts = (read_small_file(os.path.join(folder, "package.json")), read_small_file(os.path.join(folder, config)))
    return os.path.join(folder, config) if any(_NUXT_CONTENT.search(text) for text in texts) else None


_ELEVENTY_CONFIGS = (
    "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.js", ".eleventy.cjs",
)


def _eleventy_file(folder: str, names: Collection[str]) -> str | None:
    """Eleventy's configuration, by the names it looks for (`.eleventy.js` of Eleventy 1 and 2,
    `eleventy.config.*` since), or the file package.json's scripts name with `--config`
    (`eleventy --config=_build/eleventy.js`), in the project's folder."""
    for name in _ELEVENTY_CONFIGS:
        if name in names:
            return os.path.join(folder, name)
    if "package.json" not in names:
        return None
    named = _ELEVENTY_CONFIG_OPTION.search(read_small_file(os.path.join(folder, "package.json")))
    if named is None:
        return None
    path = _normal(named.group(1).removeprefix("./"))
    if not path or path.startswith("..") or os.path.isabs(path) or not os.path.isfile(os.path.join(folder, path)):
        return None
    return os.path.join(folder, path)


# `npx @11ty/eleventy --config=_build/eleventy.js --serve` in a package.json script.
_ELEVENTY_CONFIG_OPTION = lazy(r"""eleventy\b[^"\n]*?--config[= ]['"]?([^\s"']+)""")


def _config_in(folder: str, names: Collection[str], hidden: str, index: bool = False) -> str | None:
    """`config.*` in the hidden folder `hidden` of `folder` (VitePress and VuePress); with
    `index`, `config/index.*` too (VitePress resolves either)."""
    if hidden not in names:
        return None
    configs = _starting(os.path.join(folder, hidden), "config.")
    if configs:
        return os.path.join(folder, hidden, configs[0])
    indexes = _starting(os.path.join(folder, hidden, "config"), "index.") if index else []
    return os.path.join(folder, hidden, "config", indexes[0]) if indexes else None


def _starting(folder: str, prefix: str) -> list[str]:
    """The names of the files in `folder` that start with `prefix`, sorted."""
    try:
        return sorted(name for name in os.listdir(folder) if name.startswith(prefix) and os.path.isfile(os.path.join(folder, name)))
    except OSError:
        return []


# Generators whose configuration, beside a `_config.yml` that only picks a Pages theme, builds the site.
_BUILT_BY_OTHERS = (
    ("docusaurus", _docusaurus_file), ("mkdocs", _mkdocs_file), ("vitepress", _vitepress_file), ("vuepress", _vuepress_file),
    ("rspress", _rspress_file), ("nuxt", _nuxt_file), ("mdbook", _mdbook_file), ("eleventy", _eleventy_file),
    ("astro", _astro_file),
)

_FINDERS = (
    ("hugo", _hugo_file),
    ("zola", _zola_file),
    ("eleventy", _eleventy_file),
    ("hexo", _hexo_file),
    ("jekyll", _jekyll_file),
    ("docusaurus", _docusaurus_file),
    ("mkdocs", _mkdocs_file),
    ("vitepress", _vitepress_file),
    ("vuepress", _vuepress_file),
    ("rspress", _rspress_file),
    ("nuxt", _nuxt_file),
    ("astro", _astro_file),
    ("mdbook", _mdbook_file),
    ("gitbook", _gitbook_file),
    ("gitbook", _hosted_gitbook_file),
    ("writerside", _writerside_file),
    ("logseq", _logseq_file),
    ("docsify", _docsify_file),
)


def _built(generator: str, folder: str, config_file: str) -> Site:
    settings = _hugo_settings(folder, config_file) if generator == "hugo" else _settings_of(config_file)
    if generator == "mkdocs":
        settings = _mkdocs_inherited(config_file, settings)
    if generator == "hexo":
        settings = _hexo_build_settings(folder) or settings
    if generator == "jekyll":
        # read once for every plugin asked about, beside the configuration: Jekyll reads the
        # rest (posts, layouts, plugins) from its `source`, which may be another folder
        settings = {**settings, _GEMFILE: read_small_file(os.path.join(folder, "Gemfile"))}
        folder = _jekyll_source(folder, settings)
    builder = _BUILDERS.get(generator, _plain_parts)
    parts = builder(folder, settings)
    parts["not_content"] = tuple(dict.fromkeys((*_not_content(generator), *parts.get("not_content", ()))))
    parts["host"] = _own_host(generator, settings)
    parts["project_host"] = _project_host(folder)
    parts["base_path"] = _pages_base_path(folder) or _base_path(generator, settings) or _classic_pages_base_path(folder, generator, settings)
    parts["wiki_links"] = generator == "logseq" or _builds_wiki_links(folder, config_file)
    parts["media_embeds"] = _embeds_media(folder, config_file)
    packages = [read_small_file(os.path.join(place, "package.json")) for place in _site_and_repository(folder)]
    parts["url_embed_hosts"] = _url_embed_hosts(" ".join(packages))
    if bundled := _bundled_to_root(packages[0]):
        parts["static"] = tuple(dict.fromkeys((*parts.get("static", ()), *bundled)))
    parts["cjk_friendly"] = _cjk_friendly_emphasis(folder, config_file)
    if _writes_llms_txt(folder, config_file):
        parts["generated_folders"] = tuple(dict.fromkeys((*parts.get("generated_folders", ()), *_LLMS_TXT_FILES)))
    parts["upgrades_insecure"] = _upgrades_insecure(folder, config_file, settings)
    if kept := _kept_on_host(folder):
        parts["generated_folders"] = tuple(dict.fromkeys((*parts.get("generated_folders", ()), *kept)))
    if generator in ("hugo", "zola"):
        built = _sections_built_elsewhere(folder, parts.get("content", ("content",)))
        parts["generated_folders"] = tuple(dict.fromkeys((*parts.get("generated_folders", ()), *built)))
    parts["drafts_unbuilt"] = parts.get("drafts_unbuilt", False) or _drafts_unbuilt(generator, settings)
    return Site(generator, folder, config_file, **parts)


# The setting that makes each generator's default build take its drafts in.
_DRAFTS_BUILT_BY = {"hugo": "builddrafts", "jekyll": "unpublished", "hexo": "render_drafts", "zola": None, "docusaurus": None}


def _drafts_unbuilt(generator: str, settings: dict) -> bool:
    if generator not in _DRAFTS_BUILT_BY:
        return False
    key = _DRAFTS_BUILT_BY[generator]
    return key is None or _nested(settings, key) is not True


# `rsync -az --delete --exclude 'SlideStack' dist/ host:/var/www/site/`: a deploy that deletes
# what the build did not write, but for the paths it excludes, which another deploy puts there.
_RSYNC_DELETE = lazy(r"\brsync\b[^\n]*?--delete\b[^\n]*")
_RSYNC_EXCLUDE = lazy(r"""--exclude[= ]\s*(['"]?)/?([\w.-]{1,100})/?\1(?=\s|$)""")
_DEPLOY_SCRIPT_FOLDERS = ("", "scripts", "bin", "deploy")
_MOST_DEPLOY_SCRIPTS = 40


def _kept_on_host(folder: str) -> tuple[str, ...]:
    """Site paths a deploy script keeps on the host while it deletes everything else it did not
    upload (rsync's `--delete` with `--exclude 'SlideStack'`): another repository deploys them,
    so links to them lead to pages no checkout holds. Read in the site's folder and its
    repository's: shell scripts at the top or in `scripts/`, and GitHub workflows."""
    top = repository_top(folder, _SITE_SEARCH_DEPTH) or folder
    places = dict.fromkeys((folder, top))
    folders = [os.path.join(place, sub) for place in places for sub in _DEPLOY_SCRIPT_FOLDERS]
    scripts = [os.path.join(directory, name) for directory in folders for name in sorted(_names_in(directory)) if name.endswith(".sh")]
    scripts += [path for place in places for path in _workflow_files(place)]
    kept: list[str] = []
    for path in scripts[:_MOST_DEPLOY_SCRIPTS]:
        text = read_small_file(path)
        if "rsync" not in text:
            continue
        for command in _RSYNC_DELETE.finditer(text.replace("\\\n", " ")):
            kept += [match.group(2) for match in _RSYNC_EXCLUDE.finditer(command.group(0)) if match.group(2).strip(".")]
    return tuple(dict.fromkeys(kept))


# Files of the host's own settings that set headers for every page (Netlify, Cloudflare
# Pages, Vercel), beside the generator's configuration.
_HEADER_FILES = ("netlify.toml", "_headers", "static/_headers", "public/_headers", "vercel.json")


def _upgrades_insecure(folder: str, config_file: str | None, settings: dict) -> bool:
    """Whether the site asks browsers to upgrade its insecure requests: the CSP directive in
    the generator's configuration (VuePress' `head: [['meta', {'http-equiv': …}]]`, a theme
    setting) or in the host's headers file."""
    texts = [str(settings.get("_text") or (read_small_file(config_file) if config_file else ""))]
    parent = os.path.dirname(os.path.abspath(folder))
    # The repository's root too, for a site in its subfolder (`docs/.vuepress/`): hosts read it there.
    places = [folder, parent] if os.path.isdir(os.path.join(parent, ".git")) else [folder]
    texts += [read_small_file(os.path.join(place, name)) for place in places for name in _HEADER_FILES]
    return any("upgrade-insecure-requests" in text for text in texts)


# A `.gitignore` line that ignores what a content section holds: `content/commands/*`,
# `/content/commands/**`, `content/commands/`.
_IGNORED_SECTION = lazy(r"^/?(?P<path>[^!#*?\[\s][^*?\[\s]*?)/(?:\*{1,2})?[ \t]*$", re.M)


def _sections_built_elsewhere(folder: str, content: tuple[str, ...]) -> tuple[str, ...]:
    """Sections of a Hugo or Zola site whose pages a build step writes before the generator
    runs (the repository's `.gitignore` keeps them out, `!content/commands/_index.md` aside):
    their site paths (`commands`), where links lead to pages that no checkout holds."""
    found = []
    for match in _IGNORED_SECTION.finditer(read_small_file(os.path.join(folder, ".gitignore"))):
        path = match.group("path").strip("/")
        for root in content:
            root = root.strip("/")
            if root not in ("", ".") and path.startswith(root + "/") and path != root:
                found.append(path[len(root) + 1 :])
    return tuple(found)


# Where each generator's configuration gives the site's own URL.
_URL_KEYS = {"hugo": "baseurl", "jekyll": "url", "hexo": "url", "zola": "base_url", "mkdocs": "site_url"}
_DOCUSAURUS_URL = lazy(r"""\burl\s*:\s*["'`](https?://[^"'`\s]+)""")


def _own_url(generator: str, settings: dict) -> str:
    """The URL the site is published at, as its configuration says; "" if unsaid."""
    if generator == "docusaurus":
        match = _DOCUSAURUS_URL.search(settings.get("_text", ""))
        return match.group(1) if match else ""
    key = _URL_KEYS.get(generator)
    found = _lower_keys(settings).get(key) if generator == "hugo" else settings.get(key) if key else None
    return found.strip() if isinstance(found, str) else ""


def _project_host(folder: str) -> str:
    """The host of package.json's `homepage`, lower case; "" if it names none."""
    found = _PACKAGE_HOMEPAGE.search(read_small_file(os.path.join(folder, "package.json")))
    try:
        return (urlsplit(found.group(1)).hostname or "").lower() if found else ""
    except ValueError:
        return ""


_PACKAGE_HOMEPAGE = lazy(r'"homepage"\s*:\s*"(https?://[^"\s]+)"')


def _own_host(generator: str, settings: dict) -> str:
    """The host of the URL the site is published at, lower case; "" if unsaid."""
    try:
        return (urlsplit(_own_url(generator, settings)).hostname or "").lower()
    except ValueError:
        return ""


# Where a generator takes the path it publishes under from a key of its own, not from its URL.
_BASE_PATH_KEYS = {"jekyll": "baseurl", "hexo": "root"}
_DOCUSAURUS_BASE = lazy(r"""\bbaseUrl\s*:\s*["'`](/[^"'`\s]*)""")


def _base_path(generator: str, settings: dict) -> str:
    """The path the site is published under, without its last "/" ("" for the host's root):
    what a site-absolute link starts with when it names the site's own files."""
    if generator in _BASE_PATH_KEYS:
        found = settings.get(_BASE_PATH_KEYS[generator])
        path = found.strip() if isinstance(found, str) else ""
    elif generator == "docusaurus":
        match = _DOCUSAURUS_BASE.search(settings.get("_text", ""))
        path = match.group(1) if match else ""
    else:
        try:
            path = urlsplit(_own_url(generator, settings)).path
        except ValueError:
            path = ""
    path = "/" + path.strip("/") if path.strip("/") else ""
    return "" if "{" in path or "%" in path else path  # a template or an escape: not a path to strip


# GitHub's starter workflows hand the generator the address Pages gives the site
# (`hugo --baseURL "${{ steps.pages.outputs.base_url }}/"`, `jekyll build --baseurl "${{
# steps.pages.outputs.base_path }}"`), whatever the configuration says.
_PAGES_BASE = lazy(r"""--base-?url[= ]+["']?\$\{\{\s*steps\.\w+\.outputs\.base_(?:url|path)\s*\}\}""", re.I)
_GITHUB_REPOSITORY = lazy(r"""^\s*url\s*=\s*(?:https?://|ssh://)?(?:git@)?github\.com[:/]([^/\s]+)/([^/\s]+?)(?:\.git)?/?\s*$""", re.M | re.I)


def _pages_base_path(folder: str) -> str:
    """The path GitHub Pages publishes the site under when a workflow of its repository gives the
    generator Pages' own address: a project's site is at `/<repository>/`, a `<owner>.github.io`
    repository's at the root; "" when no such workflow builds it or the repository is unknown. Only
    links that start with it are read as starting at the site's root."""
    top = repository_top(folder, _SITE_SEARCH_DEPTH) or folder
    if not any(_PAGES_BASE.search(read_small_file(path)) for path in _workflow_files(top)):
        return ""
    return _project_site_path(top)


def _github_remote(top: str | None) -> tuple[str, str]:
    """(owner, repository) of the GitHub repository a work tree is a clone of; ("", "") if
    none or unknown."""
    found = None if top is None else _GITHUB_REPOSITORY.search(read_small_file(os.path.join(top, ".git", "config")))
    return (found.group(1), found.group(2)) if found is not None else ("", "")


def _project_site_path(top: str) -> str:
    """`/<repository>` for a clone of a GitHub project's repository, whose Pages site is served
    there; "" for an `<owner>.github.io` repository's (served at the root) or an unknown one."""
    _, repository = _github_remote(top)
    if not repository or not _plain_name(repository) or repository.lower().endswith(".github.io"):
        return ""
    return "/" + repository


def _github_owner(folder: str) -> str:
    """The owner (user or organisation) of the GitHub repository a folder is in, lower case;
    "" if none or unknown."""
    return _github_remote(repository_top(folder, _SITE_SEARCH_DEPTH))[0].lower()


# A workflow that builds or publishes the site itself: GitHub Pages' classic build is not the one.
_BUILDS_PAGES = lazy(r"deploy-pages|upload-pages-artifact|gh-pages|jekyll\s+build|jekyll-build|peaceiris|JamesIves|pages-deploy", re.I)


def _classic_pages_base_path(folder: str, generator: str, settings: dict) -> str:
    """The path GitHub Pages' classic build publishes a project's Jekyll site under: no
    `baseurl` configured, no `CNAME` (a custom domain serves it at the root), no workflow that
    builds it: `/<repository>/` for a clone of `github.com/<owner>/<repository>`, from the
    repository's top or its `docs/` folder; "" otherwise (an `<owner>.github.io` repository's
    site is at the root)."""
    if generator != "jekyll" or "baseurl" in settings or os.path.exists(os.path.join(folder, "CNAME")):
        return ""
    top = repository_top(folder, _SITE_SEARCH_DEPTH)
    if top is None or os.path.normpath(folder) not in (os.path.normpath(top), os.path.join(os.path.normpath(top), "docs")):
        return ""
    if any(_BUILDS_PAGES.search(read_small_file(path)) for path in _workflow_files(top)):
        return ""
    return _project_site_path(top)


def plain(folder: str) -> Site:
    """A folder of markdown that no generator configuration claims."""
    return Site(
        "plain", folder, None, static=_framework_static(folder), not_content=_not_content("plain"),
        language_folders=_language_folders(folder, ("", "content/")), holds_sites=_sites_in_subfolders(folder), autolinks=_read_on_github(folder),
        assets_kept_elsewhere=_markdown_alone(folder), project_host=_project_host(folder),
    )


_PAGE_PATH_SUFFIXES = frozenset(("", *_PAGE_SUFFIXES))  # a page's address, with its suffix or none
_LICENCE_NAMES = frozenset({"license", "licence", "copying", "unlicense"})


def _markdown_alone(folder: str) -> bool:
    """Whether a folder holds nothing but markdown files (hidden entries and a licence aside):
    no folder, no picture, no configuration."""
    try:
        entries = [entry for entry in os.scandir(folder) if not entry.name.startswith(".")]
    except OSError:
        return False
    return bool(entries) and all(
        entry.is_file(follow_symlinks=False)
        and (entry.name.lower().endswith((".md", ".markdown")) or os.path.splitext(entry.name)[0].lower() in _LICENCE_NAMES)
        for entry in entries
    )


# Web frameworks that render a site's markdown with code of its own, and the folder each
# serves at the site's root as it is: Next.js, Astro, Nuxt, Vite and Remix `public/`,
# Gatsby and SvelteKit `static/`.
_FRAMEWORK_STATIC = (("public", ("next", "astro", "nuxt", "vite", "@remix-run/react")), ("static", ("gatsby", "@sveltejs/kit")))


def _framework_static(folder: str) -> tuple[str, ...]:
    """The static folder of the web framework the folder's package.json depends on, when it is
    there: `/images/a.png` on a Next.js site is `public/images/a.png`."""
    package = read_small_file(os.path.join(folder, "package.json"))
    if not package:
        return ()
    try:
        manifest = json.loads(package)
    except ValueError:
        return ()
    if not isinstance(manifest, dict):
        return ()
    names = set()
    for key in ("dependencies", "devDependencies"):
        if isinstance(manifest.get(key), dict):
            names.update(manifest[key])
    if "vite" in names and (chosen := _vite_public_dir(folder)) is not None:
        return (chosen,)
    return tuple(
        static for static, frameworks in _FRAMEWORK_STATIC if names.intersection(frameworks) and os.path.isdir(os.path.join(folder, static))
    )


_VITE_CONFIGS = ("vite.config.js", "vite.config.mjs", "vite.config.ts", "vite.config.mts")
_VITE_PUBLIC_DIR = lazy(r"""\bpublicDir\s*:\s*(['"])([^'"\n]{1,200})\1""")


def _vite_public_dir(folder: str) -> str | None:
    """Vite's `publicDir: 'src/assets'`, the folder it serves at the site's root instead of
    `public/`, when the configuration names one that is there (read as text, never run)."""
    for name in _VITE_CONFIGS:
        found = _VITE_PUBLIC_DIR.search(_without_js_comments(read_small_file(os.path.join(folder, name))))
        if found:
            chosen = _normal(found.group(2).removeprefix("./"))
            inside = not chosen.startswith("..") and os.path.isdir(os.path.join(folder, chosen))
            return chosen if inside else None
    return None


_GITHUB_REMOTE = lazy(r"github\.com[:/]", re.I)


def _read_on_github(folder: str) -> bool:
    """Whether a folder that no generator builds is a GitHub repository's, whose files GitHub
    shows with cmark-gfm, bare URLs linked: its repository (the nearest folder holding `.git`)
    has a `.github/` folder, a remote on github.com, or a package.json naming a repository
    there. A folder of articles with none of these (an import, a draft) is not assumed so."""
    top = repository_top(folder, _SITE_SEARCH_DEPTH) or folder
    if os.path.isdir(os.path.join(top, ".github")):
        return True
    config = read_small_file(os.path.join(top, ".git", "config"))
    if _GITHUB_REMOTE.search(config):
        return True
    package = read_small_file(os.path.join(top, "package.json"))
    return '"repository"' in package and _GITHUB_REMOTE.search(package) is not None


# The folders a repository keeps its site in, beside its own files.
_SITE_SOURCE_FOLDERS = frozenset(("docs", "doc", "documentation", "website", "site", "blog", "www", "web", "book", "src", "home"))


def _sites_in_subfolders(folder: str) -> tuple[str, ...]:
    """The folders just below `folder`, named as a repository names its site's (`docs/`,
    `website/`), that hold a generator's configuration (`docs/.vuepress`,
    `website/docusaurus.config.js`)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return ()
    found = []
    for name in names:
        path = os.path.join(folder, name)
        if name.lower() not in _SITE_SOURCE_FOLDERS or not os.path.isdir(path):
            continue
        if _generator_config(path) is not None:
            found.append(name)
    return tuple(found)


def unconfigured(folder: str) -> Site:
    """The site of a project without a generator's configuration: Hexo's source folder kept in
    a repository of its own (the configuration, with the theme, kept elsewhere), or a Hexo
    project's whose `source/` is there without its `_config.yml`, when its `_posts/` holds
    posts named without dates, which Jekyll would never publish; else plain."""
    if _hexo_source_alone(os.path.join(folder, "source")):
        # A Hexo project whose `_config.yml` is not in the repository (kept out of git, or
        # written by the deploy): its `source/` laid out as Hexo's, undated posts and all.
        parts = _hexo_parts(folder, {})
        parts["not_content"] = tuple(dict.fromkeys((*_not_content("hexo"), *parts.get("not_content", ()))))
        return Site("hexo", folder, None, **parts)
    if not _hexo_source_alone(folder):
        return plain(folder)
    parts = _hexo_parts(folder, {"source_dir": "."})
    # What Hexo keeps out of a project's `source/`, said of the source folder itself.
    kept_out = [path.removeprefix("source/") for path in _not_content("hexo") if path.startswith("source/")]
    parts["not_content"] = tuple(dict.fromkeys((*kept_out, *_not_content("plain"), *parts.get("not_content", ()))))
    return Site("hexo", folder, None, **parts)


_HEXO_SOURCE_SAMPLE = 400  # post files looked at


def _hexo_source_alone(folder: str) -> bool:
    """Whether `folder/_posts` holds five or more posts, most named without a leading date."""
    posts = os.path.join(folder, "_posts")
    if not os.path.isdir(posts) or os.path.islink(posts):
        return False
    named = []
    for _folder, subfolders, files in os.walk(posts):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        named += [name for name in files if name.lower().endswith((".md", ".markdown"))]
        if len(named) >= _HEXO_SOURCE_SAMPLE:
            break
    undated = sum(1 for name in named if not _JEKYLL_POST_NAME.match(name))
    return len(named) >= 5 and undated * 2 > len(named)


def with_overrides(site: Site, settings: Mapping[str, Any], base: str) -> Site:
    """The site as `[site]` in artlint.toml corrects it (`base`: that file's folder)."""
    generator = settings.get("generator", site.generator)
    root = site.root
    if "generator" in settings and generator != site.generator:
        root = base
        site = _built(generator, base, site.config_file or "") if generator != "plain" else plain(base)
    changes: dict[str, Any] = {}
    for key in ("content", "static"):
        if key in settings:
            changes[key] = tuple(_relative_to(root, base, folder) for folder in settings[key])
    if "languages" in settings:
        changes["languages"] = tuple(settings["languages"])
    if "permalinks" in settings:
        changes["permalinks"] = tuple(sorted(settings["permalinks"].items()))
    if "drafts" in settings:
        changes["drafts_unbuilt"] = not settings["drafts"]
    if "verbatim-shortcodes" in settings:
        changes["verbatim_shortcodes"] = tuple(dict.fromkeys((*site.verbatim_shortcodes, *(name.lower() for name in settings["verbatim-shortcodes"]))))
    if not changes and root == site.root:
        return site
    # Every setting detected, memos left out (each Site keeps its own).
    names = [item.name for item in fields(site) if item.name not in ("generator", "root", "config_file") and not item.name.startswith("_")]
    values = {name: getattr(site, name) for name in names}
    values.update(changes)
    return Site(generator, root, site.config_file, **values)


def _relative_to(root: str, base: str, folder: str) -> str:
    return os.path.relpath(os.path.normpath(os.path.join(base, folder)), root).replace(os.sep, "/")


def _not_content(generator: str) -> tuple[str, ...]:
    return tuple(data.load("sites")["not-content"].get(generator, ()))


# --------------------------------------------------------------------------- each generator's settings


def _hugo_parts(folder: str, settings: dict) -> dict:
    settings = _lower_keys(settings)  # Hugo's keys are case-insensitive (contentdir = contentDir)
    content_dir = _text(settings.get("contentdir"), "content")
    # `_merge: deep` tells Hugo how to merge a theme's table into this one: no language.
    languages = {code: values for code, values in _table(settings.get("languages")).items() if not str(code).startswith("_")}
    default = _text(settings.get("defaultcontentlanguage"), "en").lower()
    settings = _with_language_settings(settings, languages, default)
    disabled = _disabled_languages(settings, languages, default)
    codes = [default] + [str(code).lower() for code in languages if str(code).lower() not in (default, *disabled)] if languages else []
    folders = []
    without_folder = []
    unbuilt: list[str] = []
    for code, values in languages.items():
        values = _lower_keys(values) if isinstance(values, dict) else values
        if isinstance(values, dict) and isinstance(values.get("contentdir"), str):
            if str(code).lower() in disabled:
                unbuilt.append(_normal(values["contentdir"]))
            else:
                folders.append((_normal(values["contentdir"]), str(code).lower()))
        elif str(code).lower() not in disabled:
            without_folder.append(str(code).lower())
    if folders and without_folder == [default] and _normal(content_dir) != "content":
        # The default language reads the top-level `contentDir` (`content/en` beside `[languages.zh]
        # contentDir = "content/zh"`): a folder of that language, not one left unbuilt.
        folders.append((_normal(content_dir), default))
    if not folders and len(codes) > 1:  # translations by folder, mounted without contentDir
        folders = [(path, code) for path, code in _language_folders(folder, (f"{_normal(content_dir)}/",)) if code in codes]
    declared = {path for path, _ in folders}
    if declared and _normal(content_dir) not in declared:  # every language has its folder: the others are not built
        unbuilt += [path for path, _ in _language_folders(folder, (f"{_normal(content_dir)}/",), every=True) if path not in declared]
    unbuilt += _unread_translations(folder, _normal(content_dir), declared)
    # Hugo mounts the top-level `contentDir` only for languages without a folder of their own:
    # with one for each, `content/wip.md` beside `content/en/` and `content/es/` is not built.
    top_level_read = not folders or bool(without_folder) or _normal(content_dir) in declared
    content = ([content_dir] if top_level_read else []) + [path for path, _ in folders]
    file_mounts = []
    content_prefixes = []
    for source, target in _mounts(settings):
        if not within(_normal(target), "content"):
            continue
        if os.path.isfile(os.path.join(folder, source)):  # one page mounted at another place
            file_mounts.append((source, _normal(target)))
        else:
            content.append(source)
            prefix = _normal(target)[len("content") :].strip("/")
            if prefix and _normal(source) not in ("content", _normal(content_dir)):
                content_prefixes.append((_normal(source), prefix))
    static = [_text(settings.get("staticdir"), "static"), "assets"]
    vendored = _vendored_modules(folder, settings)
    for source, target in (mount for _, mounts in vendored for mount in mounts):
        if within(_normal(target), "content"):
            content.append(source)
            prefix = _normal(target)[len("content") :].strip("/")
            if prefix:
                content_prefixes.append((source, prefix))
        elif _normal(target) in ("static", "assets"):
            static.append(source)
    # A theme's static/ and assets/ are merged with the site's: `/images/x.svg` may be the theme's.
    themes = _theme_names(settings, folder)
    for name in themes:
        static += [f"themes/{name}/{kind}" for kind in ("static", "assets") if os.path.isdir(os.path.join(folder, "themes", name, kind))]
    # So are those of a module imported from a folder of the checkout (go.mod's `replace`).
    for module in _local_modules(folder, settings):
        static += [f"{module}/{kind}" for kind in ("static", "assets") if os.path.isdir(os.path.join(folder, module, kind))]
    permalinks = _table(settings.get("permalinks"))
    # Hugo 0.112 and later: `[permalinks.page]` names the pattern of a section's pages.
    permalinks = {**_table(_lower_keys(permalinks).get("page")), **permalinks}
    templates = _template_files(
        [
            os.path.join(folder, "layouts"),
            *(os.path.join(folder, "themes", name, "layouts") for name in themes),
            *(os.path.join(folder, module, "layouts") for module in _local_modules(folder, settings)),
            *(os.path.join(folder, source) for _, mounts in vendored for source, target in mounts if _normal(target) == "layouts"),
        ]
    )
    root_base, titles_from_file_names = _templates_holding(templates, (_ROOT_BASE, _FILE_NAME_TITLE))
    pinned = _pinned_hugo_minor(folder)
    own_link_hook = _has_link_render_hook(templates, settings)
    return {
        "content": tuple(dict.fromkeys(_normal(path) for path in content)),
        "static": tuple(static),
        "languages": tuple(codes),
        "language_folders": tuple(folders),
        # An empty pattern is none: Hugo keeps a page's own path when the expanded link is "".
        "permalinks": tuple(sorted((str(key), str(value)) for key, value in permalinks.items() if isinstance(value, str) and value.strip())),
        "url_settings": _hugo_url_settings(settings),
        "not_content": tuple(dict.fromkeys(unbuilt)),
        "ignore_files": tuple(str(pattern) for pattern in _items(_nested(settings, "ignoreFiles")) if isinstance(pattern, str) and pattern),
        "file_mounts": tuple(file_mounts),
        "content_prefixes": tuple(content_prefixes),
        "autolinks": _nested(settings, "markup", "goldmark", "extensions", "linkify") is not False,
        "blackfriday": _blackfriday(settings, pinned),
        "commented_front_matter": pinned is not None and pinned < 123,
        "definition_term_ids": _nested(settings, "markup", "goldmark", "parser", "autoDefinitionTermID") is True,
        "definition_lists": _nested(settings, "markup", "goldmark", "extensions", "definitionList") is not False,
        "drops_raw_html": bool(settings) and not _blackfriday(settings, pinned) and not _hugo_unsafe(folder, settings),
        "link_render_hook": own_link_hook,
        "image_render_hook": _has_render_hook(templates, "image") or _known_image_hook_theme(settings),
        "image_title_captions": _render_hook_holds(templates, "image", _HOOK_SHOWS_TITLE),
        "link_text_from_target": _render_hook_holds(templates, "link", _HOOK_TEXT_FROM_TITLE),
        "embedded_link_hook": not own_link_hook and _embedded_link_hook(settings, languages, len(codes), pinned),
        "titles_from_file_names": titles_from_file_names or any(theme in data.load("sites")["file-name-titles"]["themes"] for theme in _themes_used(settings)),
        "verbatim_shortcodes": _verbatim_shortcodes(settings),
        "root_base": root_base,
        "root_shortcodes": _shortcodes_from_root(templates),
        "images_from_root": _image_hook_from_root(templates),
        "images_from_assets": _image_hook_reads_assets(templates) or _known_image_hook_theme(settings, "assets-themes"),
        "drops_empty_terms": True,
        "heading_shortcodes": _heading_shortcodes(templates),
        "untitled_types": _untitled_types(templates),
        "generated_folders": (*_hugo_taxonomy_pages(settings), *_hugo_feed_files(settings)),
        "kept_folders": _copied_by_build(folder, [*content, *(path for path, _ in folders)]),
    }


# A copy that a build command makes: `cp -R content/v$VER content/latest`, `rsync -a a/ b`,
# `ln -s a b` (the destination last, written without a variable).
_BUILD_COPY = lazy(r"^[ \t]*(?:cp|rsync|ln)(?:[ \t]+-{1,2}[\w-]+)*[ \t]+\S+[ \t]+([\w./-]+)[ \t]*(?:[;&|#]|$)", re.M)
_SCRIPT_NAMED = lazy(r"(?:^|[\s;&|])(?:bash|sh|\./)?[ \t]*([\w./-]{1,100}\.sh)\b")
_MOST_BUILD_SCRIPTS = 20


def _copied_by_build(folder: str, content: list[str]) -> tuple[str, ...]:
    """Site paths of content folders a build command fills before Hugo runs (`cp -R
    content/v2.3 content/latest` in the script netlify.toml's command runs, or in a shell
    script at the site's root): their pages are not in the checkout, links to them cannot be
    checked."""
    commands = _netlify_commands(folder)
    scripts = {name for command in commands for name in _SCRIPT_NAMED.findall(command)}
    try:
        scripts |= {name for name in os.listdir(folder) if name.endswith(".sh")}
    except OSError:
        pass
    texts = [*commands]
    for name in sorted(scripts)[:_MOST_BUILD_SCRIPTS]:
        path = os.path.normpath(os.path.join(folder, name))
        if within(os.path.realpath(path), os.path.realpath(folder)):
            texts.append(read_small_file(path))
    found = []
    for text in texts:
        for destination in _BUILD_COPY.findall(text):
            written = _normal(destination.removeprefix("./")).rstrip("/")
            for top in content:
                if written != top and within(written, top):
                    found.append(written[len(top) :].strip("/"))
    return tuple(dict.fromkeys(path for path in found if path))


def _netlify_commands(folder: str) -> list[str]:
    """The build commands of the site's netlify.toml (`[build]` and each `[context.*]`)."""
    settings = _read_settings(os.path.join(folder, "netlify.toml"))
    tables = [_table(settings.get("build")), *(_table(value) for value in _table(settings.get("context")).values())]
    return [table["command"] for table in tables if isinstance(table.get("command"), str)]


def _hugo_taxonomy_pages(settings: dict) -> tuple[str, ...]:
    """Hugo writes a page for each taxonomy and one for each of its terms (`/series/`,
    `/series/夕拾花/`): `tags` and `categories` unless `[taxonomies]` names others, none of
    either kind when `disableKinds` turns them off."""
    disabled = {str(kind).lower() for kind in _items(settings.get("disablekinds"))}
    if {"taxonomy", "term"} <= disabled or {"taxonomy", "taxonomyterm"} <= disabled:
        return ()
    configured = settings.get("taxonomies")
    plurals = [value for value in _table(configured).values() if isinstance(value, str)] if "taxonomies" in settings else ["tags", "categories"]
    return tuple(f"{plural.strip('/').lower()}/*" for plural in plurals if plural.strip("/"))


def _hugo_feed_files(settings: dict) -> tuple[str, ...]:
    """The home page's feed when the RSS output format is given another name: `baseName =
    "news"` writes `/news.xml` (Hugo's `index.xml`, the default, is ignored everywhere)."""
    base = _nested(settings, "outputFormats", "RSS", "baseName")
    if not isinstance(base, str) or not base.strip("/ ") or base.strip() == "index" or "/" in base.strip("/"):
        return ()
    folder = _nested(settings, "outputFormats", "RSS", "path")
    folder = folder.strip("/") if isinstance(folder, str) else ""
    return (posixpath.join(folder, base.strip("/ ") + ".xml"),)


_SHOWS_PAGE_TITLE = lazy(r"\.(?:Title|LinkTitle|Render)\b|\bpartial(?:Cached)?\b|\btemplate\b|\bblock\b")  # `.Render "content"`: another template
_LAYOUT_KINDS = frozenset({"_default", "partials", "shortcodes", "_markup", "_partials", "_shortcodes", "taxonomy", "term", "section", "index"})


def _untitled_types(templates: list[str]) -> tuple[str, ...]:
    """The page types whose single layout (`layouts/<type>/single.html`, the site's before its
    theme's) never shows the page's title: no `.Title`, and no partial or template that might."""
    decided: dict[str, bool] = {}
    for path in templates:
        folder = os.path.basename(os.path.dirname(path))
        if os.path.basename(path) != "single.html" or folder in _LAYOUT_KINDS or folder in decided:
            continue
        if os.path.basename(os.path.dirname(os.path.dirname(path))) != "layouts":
            continue  # `layouts/<type>/single.html` only
        decided[folder] = _SHOWS_PAGE_TITLE.search(read_small_file(path)) is None
    return tuple(sorted(name.lower() for name, untitled in decided.items() if untitled))


def _with_language_settings(settings: dict, languages: dict, default: str) -> dict:
    """The settings with the default language's `permalinks` and `frontmatter` over the top
    level's: Hugo lets each language set them (`[languages.en.permalinks]`), and the site
    model keeps one pattern per section."""
    values = next((values for code, values in languages.items() if str(code).lower() == default), None)
    if not isinstance(values, dict):
        return settings
    values = _lower_keys(values)
    return {**settings, **{key: values[key] for key in ("permalinks", "frontmatter") if key in values}}


def _disabled_languages(settings: dict, languages: dict, default: str) -> frozenset[str]:
    """The languages a build leaves out: listed in `disableLanguages`, or `disabled = true` in
    their own table (Hugo 0.127). The default language cannot be disabled."""
    listed = settings.get("disablelanguages")
    names = {str(code).lower() for code in listed} if isinstance(listed, list) else set()
    for code, values in languages.items():
        if isinstance(values, dict) and _lower_keys(values).get("disabled") is True:
            names.add(str(code).lower())
    return frozenset(names - {default})


def _theme_names(settings: dict, folder: str) -> list[str]:
    """The Hugo themes the configuration names (`theme = "x"` or a list), plain names only; with
    none named, the one theme of `themes/` that has templates, where the site has no default
    templates of its own: the build names it (`hugo -t simple`), or no page would render."""
    themes = settings.get("theme")
    names = [themes] if isinstance(themes, str) else [name for name in _items(themes) if isinstance(name, str)]
    if names or os.path.isdir(os.path.join(folder, "layouts", "_default")):
        return [name for name in names if _plain_name(name)]
    usable = [os.path.basename(path) for path in _child_folders(os.path.join(folder, "themes")) if os.path.isdir(os.path.join(path, "layouts"))]
    return usable if len(usable) == 1 else []


_ROOT_BASE = lazy(
    r"""<base\s[^>]*href\s*=\s*["']\s*(?:/["']|\{\{-?\s*(?:\.Site\.BaseURL|site\.BaseURL|\.Site\.Home\.Permalink|site\.url|site\.baseurl|["']/["']\s*\|\s*(?:relative_url|absolute_url)))""",
    re.I,
)
_TEMPLATES_READ = 2000  # files at most: a theme's layouts, not a site's content


def _template_files(tops: list[str]) -> list[str]:
    """The files under the template folders `tops` (a site's layouts and its themes'), found in
    one walk that every check of the templates shares; at most 200 subfolders a folder."""
    found = []
    for top in tops:
        for directory, subfolders, files in os.walk(top):
            subfolders[:] = sorted(subfolders)[:200]
            found += [os.path.join(directory, name) for name in sorted(files)]
    return found


def _templates_holding(templates: list[str], patterns: tuple[re.Pattern[str], ...]) -> list[bool]:
    """For each pattern, whether one of the page templates among `templates` (`.html`, the
    first _TEMPLATES_READ) holds it; each file is read once, and no more once all are found:
    `_ROOT_BASE`, a head partial's `<base href="{{ .Site.BaseURL }}/">` that makes the site's
    root the base of every relative link; `_FILE_NAME_TITLE`, a page titled by its file name."""
    found = [False] * len(patterns)
    for path in [path for path in templates if path.endswith((".html", ".htm"))][:_TEMPLATES_READ]:
        text = read_small_file(path)
        found = [held or pattern.search(text) is not None for held, pattern in zip(found, patterns, strict=True)]
        if all(found):
            break
    return found


_SOURCE_FROM_ROOT = lazy(r"""\.Get\s+["']src["']\s*\|\s*(?:relURL|absURL)\b|\b(?:relURL|absURL)\s+\(?\s*\.Get\s+["']src["']""")
_IMAGE_SHORTCODES = ("figure", "img", "image")


# A heading a template computes: `## {{ .name }}` in a markdown shortcode, `<h2>{{ $option.Name
# }}</h2>`, `<h3 id="{{ .id }}">` (not any element's computed id: a tab pane's is no section).
_COMPUTED_HEADING = lazy(r"""^[ \t]*#{1,6}[ \t][^\n]*\{\{|<h[1-6]\b[^>]*>[^<]*\{\{|<h[1-6]\b[^>]*\bid=["']?\{\{""", re.M)
_MOST_SHORTCODES = 500


def _heading_shortcodes(templates: list[str]) -> tuple[str, ...]:
    """The shortcodes whose templates write headings or ids computed from data."""
    names = []
    for path in [path for path in templates if os.path.basename(os.path.dirname(path)) == "shortcodes"][:_MOST_SHORTCODES]:
        if _COMPUTED_HEADING.search(read_small_file(path)):
            names.append(os.path.splitext(os.path.basename(path))[0])
    return tuple(sorted(set(names)))


def _shortcodes_from_root(templates: list[str]) -> tuple[str, ...]:
    """The image shortcodes whose template reads `src` from the site's root (`relURL`,
    `absURL`): the first template of each name found decides, the site's before its theme's."""
    decided: dict[str, bool] = {}
    for path in templates:
        name, suffix = os.path.splitext(os.path.basename(path))
        if os.path.basename(os.path.dirname(path)) == "shortcodes" and name in _IMAGE_SHORTCODES and suffix == ".html" and name not in decided:
            decided[name] = _SOURCE_FROM_ROOT.search(read_small_file(path)) is not None
    return tuple(sorted(name for name, from_root in decided.items() if from_root))


# A title made of the file's name for display: `.File.BaseFileName | humanize | title`.
_FILE_NAME_TITLE = lazy(r"\.File\.(?:BaseFileName|ContentBaseName|TranslationBaseName)\b[^}\n]{0,80}\|\s*(?:humanize|title)\b")


# A variable of an image render hook holding the destination: `$url := urls.Parse .Destination`.
_DESTINATION_VARIABLE = lazy(r"(\$\w+)\s*:?=\s*(?:urls\.Parse\s+|\(\s*)?\.Destination\b")


def _image_hook_from_root(templates: list[str]) -> bool:
    """Whether the image render hook Hugo uses (the site's, before its theme's) writes an image's
    destination from the site's root when no page resource matches it (`.Destination | relURL`,
    `relURL $url.Path`, absURL alike)."""
    hooks = [path for path in templates if os.path.basename(os.path.dirname(path)) == "_markup" and os.path.basename(path).startswith("render-image.")]
    hook = hooks[0] if hooks else None
    if hook is None:
        return False
    text = read_small_file(hook)
    names = [r"\.Destination"] + [re.escape(name) + r"(?:\.Path)?" for name in dict.fromkeys(_DESTINATION_VARIABLE.findall(text))]
    destination = "(?:" + "|".join(names) + r")\b"
    return re.search(rf"{destination}\s*\|\s*(?:relURL|absURL)\b|\b(?:relURL|absURL)\s+\(?\s*{destination}", text) is not None


def _has_link_render_hook(templates: list[str], settings: dict) -> bool:
    if str(_nested(settings, "markup", "goldmark", "renderHooks", "link", "useEmbedded")).lower() == "always":
        return True
    return _has_render_hook(templates, "link")


def _has_render_hook(templates: list[str], kind: str) -> bool:
    return any(_is_render_hook(path, kind) for path in templates)


def _is_render_hook(path: str, kind: str) -> bool:
    return os.path.basename(os.path.dirname(path)) == "_markup" and os.path.basename(path).startswith(f"render-{kind}.")


# A link render hook that writes the target page's title where the link has no text:
# `{{ or .Text .Title $page.LinkTitle }}`, `{{ .Text | default $page.Title }}`,
# `{{ with .Text }}{{ . }}{{ else }}{{ $page.LinkTitle }}{{ end }}`.
_HOOK_TEXT_FROM_TITLE = lazy(
    r"\bor\s+\.Text\b[^}]{0,200}?(?:\.Title|LinkTitle)\b"
    r"|\.Text\s*\|\s*default\b[^}]{0,200}?Title\b"
    r"|\{\{-?\s*(?:with|if)\s+\.Text\s*-?\}\}.{0,300}?\{\{-?\s*else\s*-?\}\}.{0,300}?(?:\.Title|LinkTitle)\b",
    re.S,
)
# An image render hook that shows the image's title as text under it: `{{ with .Title }}<p>{{ . }}</p>`,
# `<figcaption>{{ .Title }}</figcaption>`.
_HOOK_SHOWS_TITLE = lazy(
    r"\{\{-?\s*with\s+\.Title\s*-?\}\}\s*<(?:p|figcaption|span|div)\b[^>]*>\s*\{\{-?\s*\.\s*(?:\|[^}]*)?-?\}\}"
    r"|<figcaption\b[^>]*>[^<]{0,100}\{\{-?\s*\.Title\b",
    re.S | re.I,
)


def _render_hook_holds(templates: list[str], kind: str, pattern: re.Pattern[str]) -> bool:
    """Whether a Hugo render hook of that kind among the site's templates (its own, its themes',
    its modules') holds the pattern."""
    return any(_is_render_hook(path, kind) and pattern.search(read_small_file(path)) for path in templates)


def _verbatim_shortcodes(settings: dict) -> tuple[str, ...]:
    """The paired shortcodes known to read their body as data: those of every theme, and those
    of the themes the site uses (`theme`, or a module import whose path ends with the theme's
    name: `github.com/hugo-fixit/FixIt`)."""
    known = data.load("sites")["verbatim-shortcodes"]
    names = list(known.get("*", ()))
    for theme in _themes_used(settings):
        names += known.get(theme, ())
    return tuple(dict.fromkeys(names))


def _known_image_hook_theme(settings: dict, kind: str = "themes") -> bool:
    """Whether the site uses a theme known to look images up among a page's resources (data:
    `image-render-hooks`; `assets-themes`, also among the site's assets), for a checkout
    without the theme's templates."""
    return any(theme in data.load("sites")["image-render-hooks"].get(kind, ()) for theme in _themes_used(settings))


# A Hugo template's call of a partial by name (`partial "function/resource.html" .`).
PARTIAL_CALL = lazy(r"""\bpartial(?:Cached)?\s+["']([\w./-]+)["']""")
_ASSETS_LOOKUP = lazy(r"\bresources\.Get\s+[$.(]")
_HOOK_PARTIAL_DEPTH = 3


def _image_hook_reads_assets(templates: list[str]) -> bool:
    """Whether the image render hook Hugo uses (the site's, before its theme's), or a partial
    it calls (three levels down), looks an image's destination up among the site's assets
    (`resources.Get $url.Path`, not a fixed name)."""
    hooks = [path for path in templates if os.path.basename(os.path.dirname(path)) == "_markup" and os.path.basename(path).startswith("render-image.")]
    partials = {path.replace(os.sep, "/").split("/partials/", 1)[1]: path for path in templates if "/partials/" in path.replace(os.sep, "/")}
    texts = [read_small_file(hooks[0])] if hooks else []
    for _ in range(_HOOK_PARTIAL_DEPTH):
        if any(_ASSETS_LOOKUP.search(text) for text in texts):
            return True
        texts = [read_small_file(partials[name]) for text in texts for name in PARTIAL_CALL.findall(text) if name in partials]
    return any(_ASSETS_LOOKUP.search(text) for text in texts)


def _themes_used(settings: dict) -> list[str]:
    """The names of the themes a Hugo site uses, lower case: `theme` (a name, a list, or a
    module's path, `github.com/alex-shpak/hugo-book`) and its module imports, by the last part
    of their paths (a major version's `v2` left out)."""
    theme = settings.get("theme")
    paths = [item for item in (theme if isinstance(theme, list) else [theme]) if isinstance(item, str)]
    imports = _nested(settings, "module", "imports")
    for item in imports if isinstance(imports, list) else []:
        path = _lower_keys(item).get("path") if isinstance(item, dict) else None
        if isinstance(path, str):
            paths.append(path)
    names = []
    for path in paths:
        parts = [part for part in path.strip().strip("/").split("/") if not re.fullmatch(r"v\d+", part)]
        names += [part.lower() for part in parts[-1:]]
    return names


def _hugo_url_settings(settings: dict) -> tuple[tuple[str, str], ...]:
    """`uglyurls` (true or false, or per section), `disablepathtolower`,
    `defaultContentLanguageInSubdir`, and whether `[frontmatter]` takes dates from file names
    (`:filename`), as text."""
    found = []
    ugly = settings.get("uglyurls")
    if isinstance(ugly, bool):
        found.append(("uglyurls", str(ugly).lower()))
    elif isinstance(ugly, dict):
        found += [(f"uglyurls.{section}", str(value).lower()) for section, value in ugly.items() if isinstance(value, bool)]
    lower = settings.get("disablepathtolower")
    if isinstance(lower, bool):
        found.append(("disablepathtolower", str(lower).lower()))
    if settings.get("defaultcontentlanguageinsubdir") is True:
        found.append(("defaultcontentlanguageinsubdir", "true"))  # `/en/about/`: the default language has its prefix too
    date_sources = _nested(settings, "frontmatter", "date")
    if isinstance(date_sources, list) and ":filename" in (str(source).lower() for source in date_sources):
        found.append(("frontmatter.date", ":filename"))  # `[frontmatter] date = [":filename", …]`: dates from names
    return tuple(sorted(found))


_UNSAFE_FROM_ENVIRONMENT = lazy(r"HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE", re.I)


def _hugo_unsafe(folder: str, settings: dict) -> bool:
    """Whether goldmark shows raw HTML: `markup.goldmark.renderer.unsafe` (a theme cannot set
    it: Hugo merges only a theme's params, menus, output formats and media types), or its
    environment variable in a build file."""
    if _nested(settings, "markup", "goldmark", "renderer", "unsafe") is True:
        return True
    return any(_UNSAFE_FROM_ENVIRONMENT.search(read_small_file(path)) for path in _build_files(folder))


def _blackfriday(settings: dict, pinned: int | None) -> bool:
    """Whether Hugo renders this site with Blackfriday: configured so, or the Hugo version its
    build pins (`pinned`, the minor version of 0.x) is older than 0.60, when goldmark came."""
    handler = _nested(settings, "markup", "defaultmarkdownhandler")
    if isinstance(handler, str):
        return handler.lower() == "blackfriday"
    return pinned is not None and pinned < 60


def _pinned_hugo_minor(folder: str) -> int | None:
    """The minor version of the Hugo 0.x that the site's build pins (netlify.toml, a
    Dockerfile, GitLab CI, a GitHub workflow); None when none says."""
    for path in _build_files(folder):
        if os.path.islink(path):
            continue
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                match = _HUGO_VERSION.search(handle.read(65536))
        except OSError:
            continue
        if match:
            return int(match.group(1) or match.group(2))
    return None


def _embedded_link_hook(settings: dict, languages: dict, built: int, pinned: int | None) -> bool:
    """Whether Hugo's embedded link render hook runs (0.123 on): by default
    (`renderHooks.link.useEmbedded = "auto"`) on a multilingual site served from one host whose
    shared page resources are not duplicated. It finds a page as GetPage does:
    `[x](docs/a/b)` from any page of a language."""
    embedded = str(_nested(settings, "markup", "goldmark", "renderHooks", "link", "useEmbedded") or "auto").lower()
    if embedded != "auto" or built < 2 or _nested(settings, "markup", "goldmark", "duplicateResourceFiles") is True:
        return False
    if any(isinstance(values, dict) and "baseurl" in _lower_keys(values) for values in languages.values()):
        return False  # a host per language
    return pinned is None or pinned >= 123


_BUILD_FILES = ("netlify.toml", "Dockerfile", ".gitlab-ci.yml")


def _build_files(folder: str) -> list[str]:
    """The files that say how a site is built: netlify.toml, a Dockerfile, GitLab CI, GitHub workflows."""
    return [*(os.path.join(folder, name) for name in _BUILD_FILES), *_workflow_files(folder)]


def _workflow_files(folder: str) -> list[str]:
    workflows = os.path.join(folder, ".github", "workflows")
    try:
        return sorted(os.path.join(workflows, name) for name in os.listdir(workflows) if name.endswith((".yml", ".yaml")))
    except OSError:
        return []


def _nested(settings: dict, *keys: str) -> Any:
    """settings[k1][k2]... with case-insensitive keys; None when a level is missing."""
    value: Any = settings
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = _lower_keys(value).get(key.lower())
    return value


def _lower_keys(settings: dict) -> dict:
    return {str(key).lower(): value for key, value in settings.items()}


# `replace github.com/org/site/common => ../common`, alone or in a `replace ( … )` block.
_GO_REPLACE = lazy(r"^[ \t]*(?:replace[ \t]+)?(\S+)(?:[ \t]+v\S+)?[ \t]+=>[ \t]+(\.{1,2}/[^\s]*)[ \t]*$", re.M)
# Hugo's own `module.replacements`: "github.com/org/site/common -> ../common, …".
_HUGO_REPLACEMENT = lazy(r"([^\s,]+)\s*->\s*([^\s,]+)")


def _local_modules(folder: str, settings: dict) -> list[str]:
    """The folders of the checkout (relative to the site's root) that the site imports as
    Hugo modules: an import whose path go.mod's `replace` or `module.replacements` leads to a
    local folder (a repository of several sites sharing `common/`)."""
    module = _table(settings.get("module"))
    imports = module.get("imports")
    paths = {_lower_keys(item).get("path") for item in imports if isinstance(item, dict)} if isinstance(imports, list) else set()
    # `theme = "github.com/owner/theme"`: a theme named by its module path is imported as a module
    theme = settings.get("theme")
    paths |= {item for item in (theme if isinstance(theme, list) else [theme]) if isinstance(item, str) and "/" in item}
    replaced = {name: local for name, local in _GO_REPLACE.findall(read_small_file(os.path.join(folder, "go.mod")))}
    replacements = module.get("replacements")
    if isinstance(replacements, str):
        replaced.update(_HUGO_REPLACEMENT.findall(replacements))
    found = []
    for path in paths:
        local = os.path.normpath(replaced.get(path, "") if isinstance(path, str) else "").replace(os.sep, "/")
        # Beside the site or below it, in the same checkout: not `../../../etc`.
        if local not in ("", ".") and local.count("..") <= 1 and os.path.isdir(os.path.join(folder, local)):
            found.append(local)
    return sorted(found)


def _vendored_modules(folder: str, settings: dict) -> list[tuple[str, list[tuple[str, str]]]]:
    """The Hugo modules the site imports from its `_vendor/` folder (`hugo mod vendor`, which
    lists them in `_vendor/modules.txt`): (the module's folder, its mounts as (the source's
    folder in the checkout, the target)); an import that names no mounts mounts the module's
    own content, static, assets and layouts."""
    listed = read_small_file(os.path.join(folder, "_vendor", "modules.txt"))
    if not listed:
        return []
    found = []
    for item in _items(_table(settings.get("module")).get("imports")):
        item = _lower_keys(item) if isinstance(item, dict) else {}
        path = item.get("path")
        if not isinstance(path, str) or item.get("disable") is True or f"# {path.strip()} " not in listed:
            continue
        module = posixpath.normpath("_vendor/" + path.strip().strip("/"))
        if not module.startswith("_vendor/") or ".." in module.split("/") or not os.path.isdir(os.path.join(folder, module)):
            continue
        mounts = [_lower_keys(mount) for mount in _items(item.get("mounts")) if isinstance(mount, dict)]
        pairs = [(mount["source"], mount["target"]) for mount in mounts if isinstance(mount.get("source"), str) and isinstance(mount.get("target"), str)]
        pairs = pairs or [(kind, kind) for kind in ("content", "static", "assets", "layouts")]
        found.append(
            (module, [(_normal(posixpath.join(module, source)), target) for source, target in pairs if ".." not in source.split("/")])
        )
    return found


def _mounts(settings: dict) -> list[tuple[str, str]]:
    module = settings.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    if not isinstance(mounts, list):
        return []
    return [
        (_normal(mount["source"]), str(mount["target"]))
        for mount in mounts
        if isinstance(mount, dict) and isinstance(mount.get("source"), str) and isinstance(mount.get("target"), str)
    ]


def _zola_parts(folder: str, settings: dict) -> dict:
    languages = _table(settings.get("languages"))
    default = _text(settings.get("default_language"), "en").lower()
    codes = [default] + [str(code).lower() for code in languages if str(code).lower() != default] if languages else []
    paths = _nested(settings, "slugify", "paths")
    url_settings: tuple[tuple[str, str], ...] = (("slugify.paths", paths.lower()),) if isinstance(paths, str) else ()
    if _nested(settings, "slugify", "paths_keep_dates") is True:
        url_settings += (("slugify.paths_keep_dates", "true"),)  # `2024-01-02-a.md` is /2024-01-02-a/
    anchors = _nested(settings, "slugify", "anchors")
    if isinstance(anchors, str):
        url_settings += (("slugify.anchors", anchors.lower()),)  # "safe", "off": a heading's text, spaces `_`
    # Zola writes a page for each taxonomy and each of its terms: `/category/`, `/category/note/`.
    names = [item.get("name") for item in _items(settings.get("taxonomies")) if isinstance(item, dict)]
    taxonomies = tuple(f"{name.strip('/').lower()}/*" for name in names if isinstance(name, str) and name.strip("/"))
    generated = (*taxonomies, *_ZOLA_ALWAYS_WRITTEN)
    return {"content": ("content",), "static": ("static",), "languages": tuple(codes), "url_settings": url_settings, "generated_folders": generated}


# What every Zola build writes besides the pages: its 404 page (`templates/404.html`, or a
# built-in one), the sitemap and robots.txt.
_ZOLA_ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "robots.txt")


def _jekyll_autolinks(settings: dict) -> bool:
    """Whether the site's markdown processor links bare URLs (kramdown, the default, does not):
    GitHub Pages' GFM processor (`markdown: GFM`, jekyll-commonmark-ghpages: cmark-gfm with its
    autolink extension), and redcarpet or jekyll-commonmark given the `autolink` extension."""
    processor = str(settings.get("markdown", "")).lower()
    if processor in ("gfm", "commonmarkghpages"):
        return True
    if processor in ("redcarpet", "commonmark"):
        return "autolink" in _items(_nested(settings, processor, "extensions"))
    return False


def _jekyll_parts(folder: str, settings: dict) -> dict:
    excluded = _items(settings.get("exclude"))
    languages = _items(settings.get("languages"))
    default = settings.get("default_lang")
    codes = [str(code).lower() for code in languages if isinstance(code, str)]
    if isinstance(default, str) and default.lower() in codes:
        codes.remove(default.lower())
        codes.insert(0, default.lower())
    permalink = settings.get("permalink")
    collections_dir = _text(settings.get("collections_dir"), ".")
    fragments = _translated_fragments(folder, settings, codes)
    collections = settings.get("collections")
    # A collection's documents are pages only with `output: true` (Jekyll's default is false:
    # data that layouts show elsewhere, a style guide's samples).
    named = [
        name for name, options in (collections.items() if isinstance(collections, dict) else ())
        if isinstance(options, dict) and options.get("output") is True
    ]
    included = [item for item in _items(settings.get("include")) if isinstance(item, str) and item.startswith("_")]
    listed = collections if isinstance(collections, (dict, list)) else ()  # `collections: [a, b]` has no output
    unrendered = [name for name in listed if isinstance(name, str) and name not in named]
    plugins = _plugin_texts(folder)
    chirpy = _chirpy_theme(folder, settings)
    return {
        "document_folders": ("_posts", *(f"_{name}" for name in named if isinstance(name, str))),
        "collection_permalinks": _collection_permalinks(collections, named) if collections_dir == "." else (),
        "unrendered_read": ("_drafts", *(f"_{name}" for name in unrendered)),
        "layout_defaults": _jekyll_defaults(settings, "layout"),
        "permalink_defaults": _jekyll_defaults(settings, "permalink"),
        "generated_folders": tuple(
            dict.fromkeys((*_plugin_page_folders(plugins), *_gem_plugin_page_folders(folder, settings), *_posts_rewritten_by_plugin(plugins, permalink)))
        ),
        "kept_folders": tuple(
            _normal(item) for item in _items(settings.get("keep_files")) if isinstance(item, str) and _normal(item) not in ("", ".", ".git", ".svn")
        ),
        "plugin_ids": _plugin_writes_ids(plugins),
        "images_from_root": chirpy,
        "image_prefix": _chirpy_image_prefix(settings) if chirpy else "",
        "front_matter_optional": _optional_front_matter(folder, settings),
        "root_base": _templates_holding(_template_files([os.path.join(folder, "_layouts"), os.path.join(folder, "_includes")]), (_ROOT_BASE,))[0],
        **_jekyll_term_uses(folder, settings),
        "autolinks": _jekyll_autolinks(settings),
        "rendered_underscored": ("_posts", "_i18n", *(f"_{name}" for name in named if isinstance(name, str)), *included),
        "content": (".",) if collections_dir == "." else (".", _normal(collections_dir)),
        "static": (),
        "languages": tuple(codes) or _folder_languages(folder, ("",)),
        "language_from_path": settings.get("lang_from_path") is True and len(codes) > 1,
        "language_folders": _language_folders(folder, ("",)) + tuple((path, path.rsplit("/", 1)[1].lower()) for path in fragments),
        "fragments": fragments,
        "permalinks": ((("posts", permalink),) if isinstance(permalink, str) else ()) + _posts_collection_permalink(collections),
        "not_content": tuple(_normal(str(item)) for item in excluded if isinstance(item, str) and "*" not in str(item)),
        "excluded_pages": _jekyll_excluded_pages(excluded),
        "redirect_sources": _jekyll_plugin_redirects(settings, plugins),
        "redirect_pages": any(_loads_plugin(folder, settings, gem) for gem in ("jekyll-redirect-from", "github-pages")),
    }


def _jekyll_plugin_redirects(settings: dict, plugins: tuple[str, ...]) -> tuple[str, ...]:
    """The site paths a plugin of `_plugins/` turns into redirect pages from a table of the
    configuration that maps them (`redirects:` with `/en/old-guide: https://…`): a key of the
    configuration that a plugin reads (`['redirects']`) and whose table's keys are site paths."""
    found: list[str] = []
    for key, table in settings.items():
        if not isinstance(key, str) or not isinstance(table, dict) or not any(f"['{key}']" in text or f'["{key}"]' in text for text in plugins):
            continue
        paths = [str(source).split("#", 1)[0] for source in table if isinstance(source, str) and source.startswith("/")]
        if paths and len(paths) == len(table):
            found += paths
    return tuple(dict.fromkeys(found))


def _jekyll_excluded_pages(excluded: list) -> tuple[str, ...]:
    """Page globs for Jekyll's `exclude:` as Jekyll matches it: an entry leaves out every path
    that starts with it (`CHANGELOG` is `CHANGELOG.md` too), a wildcard one any path it matches."""
    globs = []
    for item in excluded[:_MOST_PAGE_GLOBS]:
        entry = _normal(item.strip()).removeprefix("./") if isinstance(item, str) else ""
        if not _safe_page_glob(entry) or entry in (".", "/"):
            continue
        globs.append(entry if "*" in entry else f"/{entry.strip('/')}*")
    return tuple(globs)


def _chirpy_theme(folder: str, settings: dict) -> bool:
    """Whether the site is laid out by the Chirpy theme (`theme: jekyll-theme-chirpy`, its
    `remote_theme`, or the gem in the Gemfile), whose templates write a post's relative image
    source from the site's root, after the page's `media_subpath` (`img_path` before Chirpy 7)."""
    named = " ".join(str(settings.get(key, "")) for key in ("theme", "remote_theme"))
    return "chirpy" in named.lower() or "jekyll-theme-chirpy" in _gemfile(folder, settings)


def _chirpy_image_prefix(settings: dict) -> str:
    """Chirpy's image folder, `img_cdn` (before its version 7) or `cdn`, when it names a
    folder of the site rather than another host: "/assets/img" for `img_cdn: /assets/img`."""
    for key in ("cdn", "img_cdn"):
        value = settings.get(key)
        if isinstance(value, str) and value.strip() and "//" not in value and ":" not in value:
            return "/" + _normal(value.strip()).strip("/")
    return ""


# A template that reads a key of terms as a list: loops over it, counts or joins it, indexes
# it, or reads the site's index of the terms (`site.tags`); and one that prints it whole.
_TERM_LIST_USE = r"(?:\bfor\s+\w+\s+in\s+[\w.\[\]'\"]*\b{key}\b|\bsite\.{key}\b|\.{key}\s*(?:\||\.(?:size|first|last)\b|\[))"
_TERM_PRINT = r"\.{key}\s*-?\}}\}}"
_TERM_PLUGINS = ("jekyll-archives", "jekyll-tagging", "jekyll-tag-pages", "jekyll-category-pages", "jekyll-tagging-related_posts")
_TERM_TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".liquid", ".md", ".markdown", ".rb", ".json")
_MAX_TERM_TEMPLATES = 400
_TERM_USES = {
    (key, kind): lazy(pattern.format(key=key)) for key in ("tags", "categories") for kind, pattern in (("list", _TERM_LIST_USE), ("print", _TERM_PRINT))
}
# The object a use reads the key of (`post` in `post.tags`, `site` in `site.tags`), and a loop
# that binds a name to each document of a collection (`{% for post in site.posts %}`,
# `paginator.posts`, `{% for event in site.events %}`).
_RECEIVER = lazy(r"(\w+)(?:\.\w+|\[[^\]]*\])*\.\Z")
_COLLECTION_LOOP = lazy(r"\bfor\s+(\w+)\s+in\s+(site|paginator)\.(\w+)\b")
_POSTS_NAMES = frozenset({"posts", "related_posts"})


def term_uses(text: str) -> set[tuple[str, str, str]]:
    """(key, "list" or "print", whose) for each way a Jekyll template reads `tags` and
    `categories`. Whose: a collection's name where only its documents' terms are read
    ("posts" for `site.tags`, which Jekyll makes of the posts alone, and for `post.tags` in a
    loop over `site.posts` or `paginator.posts`; "events" in a loop over `site.events`),
    "page" for the page laid out (`page.tags`), "any" for the rest (an include's parameter)."""
    found: set[tuple[str, str, str]] = set()
    bound = None
    for (key, kind), pattern in _TERM_USES.items():
        for match in pattern.finditer(text):
            at = text.find(key, match.start() + (1 if text.startswith(".", match.start()) else 0))
            receiver = _RECEIVER.search(text, max(0, at - 80), at)
            name = receiver.group(1) if receiver else ""
            if name == "site":
                whose = "posts"
            elif name == "page":
                whose = "page"
            else:
                if bound is None:
                    bound = {
                        variable: "posts" if owner == "paginator" or collection in _POSTS_NAMES else collection
                        for variable, owner, collection in _COLLECTION_LOOP.findall(text)
                    }
                whose = bound.get(name, "any") if name else "any"
            found.add((key, kind, whose))
    return found


def _jekyll_term_uses(folder: str, settings: dict) -> dict[str, Any]:
    """`term_lists`, `terms_printed` and `collection_term_uses` of a Jekyll site: every key
    where a theme outside the repository lays the pages out (`theme:`, `remote_theme:`; not
    GitHub Pages' own themes, which show no terms) or a plugin makes pages of them; else the
    keys its includes, plugins and template pages use as lists of any page, those they print,
    and those they read of one collection's documents alone (the posts', an events
    collection's). What a layout reads of the page it lays out counts for the pages it lays out
    only (`layout_term_uses`)."""
    every: dict[str, Any] = {"term_lists": ("tags", "categories")}
    theme = str(settings.get("theme") or "").strip().lower()
    remote = str(settings.get("remote_theme") or "").strip().lower()
    if remote and remote.split("/", 1)[0] == (_github_owner(folder) or None):
        # the owner's own theme (`owasp/www--site-theme` for OWASP's project sites): its pages'
        # terms are in the form it reads, whatever that is
        return {"term_lists": ()}
    if (theme and theme not in _GITHUB_PAGES_THEMES) or remote:
        return every
    if any(_loads_plugin(folder, settings, plugin) for plugin in _TERM_PLUGINS):
        return every
    layouts = [path for path in _template_files([os.path.join(folder, "_layouts")]) if path.endswith(_TERM_TEMPLATE_SUFFIXES)]
    files = _template_files([os.path.join(folder, name) for name in ("_includes", "_plugins")])
    try:
        with os.scandir(folder) as entries:
            files += sorted(entry.path for entry in entries if entry.is_file() and entry.name.endswith(_TERM_TEMPLATE_SUFFIXES))
    except OSError:
        return every
    files = [path for path in files if path.endswith(_TERM_TEMPLATE_SUFFIXES)] + _page_templates_below(folder)
    if len(files) + len(layouts) > _MAX_TERM_TEMPLATES:
        return every
    found: set[tuple[str, str, str]] = set()
    for path in files:
        found |= term_uses(read_small_file(path))
    for path in layouts:  # a layout's `page.tags` are those of its pages: asked page by page
        found |= {use for use in term_uses(read_small_file(path)) if use[2] != "page"}
    return {
        "term_lists": tuple(key for key in ("tags", "categories") if {(key, "list", "any"), (key, "list", "page")} & found),
        "terms_printed": tuple(key for key in ("tags", "categories") if {(key, "print", "any"), (key, "print", "page")} & found),
        "collection_term_uses": tuple(sorted((whose, key, kind) for key, kind, whose in found if whose not in ("any", "page"))),
        "layout_term_uses": True,
    }


def jekyll_terms_read(site: Site, file: str, matter: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(keys read as lists, keys printed whole) of one page of a Jekyll site: the site's,
    those of its collection's documents (a post's, an event's), and what its layout (and those
    it is put into) read of the page; every key read as a list when a layout cannot be followed
    (a theme's, a name leading out of `_layouts`, too long a chain)."""
    listed, printed = set(site.term_lists), set(site.terms_printed)
    if not site.layout_term_uses:
        return tuple(sorted(listed)), tuple(sorted(printed))
    parts = os.path.relpath(file, site.root).replace(os.sep, "/").split("/")
    collection = "posts" if "_posts" in parts[:-1] else parts[0][1:] if len(parts) > 1 and parts[0].startswith("_") else "pages"
    for whose, key, kind in site.collection_term_uses:
        if whose == collection:
            (listed if kind == "list" else printed).add(key)
    layout = _jekyll_layout_file(site, matter, parts)
    if layout:
        for text in _layout_chain(layout, site.root):
            if not text:  # a layout the site does not hold (a theme's), or a chain not followed
                return ("categories", "tags"), tuple(sorted(printed))
            for key, kind, whose in _layout_term_uses(text):
                if whose in ("page", "any", collection):
                    (listed if kind == "list" else printed).add(key)
    return tuple(sorted(listed)), tuple(sorted(printed))


_PAGE_TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".liquid", ".json")
_PAGE_TEMPLATE_DEPTH = 2


def _page_templates_below(folder: str) -> list[str]:
    """The template pages (`events/feed.xml`, `blog/index.html`) in the folders of a Jekyll
    site's source, a couple of levels down: not the underscored or hidden ones (layouts,
    includes, collections, the built `_site`), nor `node_modules` and `vendor`."""
    found = []
    for directory, subfolders, files in os.walk(folder):
        depth = os.path.relpath(directory, folder).count(os.sep) + 1 if directory != folder else 0
        subfolders[:] = [] if depth >= _PAGE_TEMPLATE_DEPTH else sorted(
            name for name in subfolders if not name.startswith(("_", ".")) and name not in ("node_modules", "vendor")
        )[:200]
        if depth:
            found += [os.path.join(directory, name) for name in sorted(files) if name.endswith(_PAGE_TEMPLATE_SUFFIXES)]
        if len(found) > _MAX_TERM_TEMPLATES:
            break
    return found


@lru_cache(maxsize=64)
def _layout_term_uses(text: str) -> frozenset[tuple[str, str, str]]:  # each layout read once, not per page
    return frozenset(term_uses(text))


def _collection_permalinks(collections: Any, named: list[Any]) -> tuple[tuple[str, str], ...]:
    """(`_<name>`, its documents' permalink pattern) of each collection with `output: true`
    but the posts, whose URLs are dates'."""
    found = []
    for name in named:
        if not isinstance(name, str) or name == "posts":
            continue
        pattern = collections[name].get("permalink")
        found.append((f"_{name}", pattern if isinstance(pattern, str) and pattern.strip() else "/:collection/:path:output_ext"))
    return tuple(found)


def _posts_collection_permalink(collections: Any) -> tuple[tuple[str, str], ...]:
    """`collections: {posts: {permalink: /blog/:title/}}`: the posts' own pattern, which wins
    over the site's `permalink` for them (and leaves the pages' style to that one)."""
    options = collections.get("posts") if isinstance(collections, dict) else None
    pattern = options.get("permalink") if isinstance(options, dict) else None
    return (("collection:posts", pattern),) if isinstance(pattern, str) and pattern.strip() else ()


# A generator plugin making a page in a named folder: `PageWithoutAFile.new(site, site.source,
# "packages", name)`, `CategoryPage.new(site, site.source, File.join("categories", c), c)`.
_PLUGIN_PAGE = lazy(r"""\b\w*Page\w*\.new\(\s*site\s*,\s*[^,()]+,\s*(?:File\.join\(\s*)?["']([\w.-]+(?:/[\w.-]+)*)["']""")


def _jekyll_defaults(settings: dict, key: str) -> tuple[tuple[str, str, str], ...]:
    """(scope path, scope type, value) of each entry of `defaults` that sets `key`."""
    found = []
    for entry in _items(settings.get("defaults")):
        if not isinstance(entry, dict) or not isinstance(entry.get("scope"), dict) or not isinstance(entry.get("values"), dict):
            continue
        value = entry["values"].get(key)
        if isinstance(value, str):
            found.append((str(entry["scope"].get("path") or ""), str(entry["scope"].get("type") or ""), value))
    return tuple(found)


# A plugin that gives posts another slug or permalink (`post.data["slug"] = …sub(/\.html$/, '')`).
_POST_URL_PLUGIN = lazy(r"""\.data\[\s*["'](?:slug|permalink)["']\s*\]\s*(?:=[^=]|\|\|=)""")


def _plugin_texts(folder: str) -> tuple[str, ...]:
    """The texts of a Jekyll site's plugins (`_plugins/*.rb`, the first 100 by name), read once
    for every question asked of them."""
    plugins = os.path.join(folder, "_plugins")
    try:
        names = sorted(name for name in os.listdir(plugins) if name.endswith(".rb"))[:100]
    except OSError:
        return ()
    return tuple(read_small_file(os.path.join(plugins, name)) for name in names)


def _posts_rewritten_by_plugin(plugins: tuple[str, ...], permalink: Any) -> tuple[str, ...]:
    """The folder of the posts' URLs (the permalink's part before its first token: `blog` of
    `/blog/:year/:title/`) where a plugin of `_plugins/` (`plugins`, their texts) rewrites their
    slugs or permalinks: their pages are where the plugin puts them."""
    if not isinstance(permalink, str) or ":" not in permalink:
        return ()
    prefix = permalink.split(":", 1)[0].strip("/")
    if not prefix:
        return ()
    return (prefix,) if any(_POST_URL_PLUGIN.search(text) for text in plugins) else ()


def _plugin_page_folders(plugins: tuple[str, ...]) -> tuple[str, ...]:
    found = [match.group(1).strip("/") for text in plugins for match in _PLUGIN_PAGE.finditer(text)]
    return tuple(dict.fromkeys(path for path in found if path and path != "."))


# `hexo generate --config 'main.yml,main.local.yml'` in a package.json script: the files Hexo
# builds with, instead of _config.yml.
_HEXO_CONFIG_OPTION = lazy(r"""\bhexo\s+(?:generate|g)\b[^&|;]*?--config[=\s]+(?:'([^']+)'|"([^"]+)"|([^\s'"&|;]+))""")


def _hexo_build_settings(folder: str) -> dict:
    """The settings a Hexo site's build script names with `--config` (package.json's `build`
    or `generate` script, else the first that generates), merged as Hexo merges them, the
    later file's values winning table by table; {} when no script names any."""
    try:
        scripts = json.loads(read_small_file(os.path.join(folder, "package.json")) or "{}").get("scripts")
    except (ValueError, AttributeError):
        return {}
    if not isinstance(scripts, dict):
        return {}
    ordered = [scripts.get("build"), scripts.get("generate"), *scripts.values()]
    for script in (value for value in ordered if isinstance(value, str)):
        found = _HEXO_CONFIG_OPTION.search(script)
        if found is None:
            continue
        merged: dict = {}
        for name in (found.group(1) or found.group(2) or found.group(3)).split(","):
            path = os.path.normpath(os.path.join(folder, name.strip()))
            if within(path, folder) and os.path.isfile(path):
                _merge_over(merged, _settings_of(path))
        return merged
    return {}


_GEMFILE = "\0gemfile"  # the text of the Gemfile beside a Jekyll configuration (see `_built`)


def _gemfile(folder: str, settings: dict) -> str:
    return settings[_GEMFILE] if _GEMFILE in settings else read_small_file(os.path.join(folder, "Gemfile"))


def _gemfile_loads(gemfile: str, gem: str) -> bool:
    return re.search(rf"""^[ \t]*gem[ \t(]+["']{re.escape(gem)}["']""", gemfile, re.M) is not None


def _loads_plugin(folder: str, settings: dict, plugin: str) -> bool:
    """Whether the site's Jekyll loads a gem plugin: `plugins` (`gems` before Jekyll 3.5) names
    it, or the Gemfile beside the configuration loads it."""
    named = (item for key in ("plugins", "gems") for item in _items(settings.get(key)) if isinstance(item, str))
    return any(item.strip() == plugin for item in named) or _gemfile_loads(_gemfile(folder, settings), plugin)


def _jekyll_source(folder: str, settings: dict) -> str:
    """The folder Jekyll builds from: `source` of its configuration (`source: src`), where it
    is a folder of the repository; when a build step fills it first (`source: .tmp/src`,
    copied from `src/` by a gulp task) and the repository has a folder of its last name, that
    one. Else the configuration's own folder."""
    written = settings.get("source")
    if not isinstance(written, str) or not written.strip() or os.path.isabs(written):
        return folder
    for candidate in (_normal(written), _normal(written).rsplit("/", 1)[-1]):
        path = os.path.realpath(os.path.join(folder, candidate))
        if candidate not in (".", "..") and within(path, os.path.realpath(folder)) and os.path.isdir(path):
            return os.path.join(folder, candidate)
    return folder


# jekyll-archives' pages by kind (`enabled: [categories, tags]` or `all`): the key of its
# `permalinks` setting for that kind, and the folder by default (dates are no folder).
_ARCHIVE_DEFAULTS = {"categories": ("category", "category"), "tags": ("tag", "tag"), "year": ("year", ""), "month": ("month", ""), "day": ("day", "")}


def _gem_plugin_page_folders(folder: str, settings: dict) -> tuple[str, ...]:
    """Folders that plugins named in `plugins:` (or loaded by the Gemfile) write one page per
    name into, as `folder/*`: `category/` of jekyll-category-pages (rules/sites.toml
    `jekyll-page-plugins`), the category and tag folders that jekyll-archives and
    jekyll-paginate-v2's autopages are enabled for."""
    found = []
    for plugin, (setting, default) in data.load("sites")["jekyll-page-plugins"].items():
        if _loads_plugin(folder, settings, plugin):
            found.append(_normal(_text(settings.get(setting), default)))
    archives = settings.get("jekyll-archives")
    if isinstance(archives, dict) and _loads_plugin(folder, settings, "jekyll-archives"):
        enabled = _items(archives.get("enabled"))
        kinds = list(_ARCHIVE_DEFAULTS) if "all" in enabled or archives.get("enabled") == "all" else [kind for kind in enabled if kind in _ARCHIVE_DEFAULTS]
        permalinks = _table(archives.get("permalinks"))
        for kind in kinds:
            key, default = _ARCHIVE_DEFAULTS[kind]
            found.append(_permalink_folder(permalinks.get(key), default))
    autopages = settings.get("autopages")
    if isinstance(autopages, dict) and autopages.get("enabled") is True and _loads_plugin(folder, settings, "jekyll-paginate-v2"):
        for kind, default in (("tags", "tag"), ("categories", "category")):
            options = _table(autopages.get(kind))
            if options.get("enabled") is True:
                found.append(_permalink_folder(options.get("permalink"), default))
    found += _jekyll_feed_folders(folder, settings)
    # one page per category or tag, right under the folder (`/category/web/`, not a feed below it)
    return tuple(f"{path}/*" for path in dict.fromkeys(found) if path and path != ".")


def _jekyll_feed_folders(folder: str, settings: dict) -> list[str]:
    """The folders jekyll-feed writes a feed per tag or category into: `feed: {tags: true}` at
    `feed/by_tag/<tag>.xml` (or `tags: {path: …}`), `feed: {categories: [a, b]}` at
    `feed/<category>.xml` (or `feed/<category>/feed.xml`: under `feed/` either way)."""
    feed = _table(settings.get("feed"))
    if not feed or not _loads_plugin(folder, settings, "jekyll-feed"):
        return []
    found = []
    tags = feed.get("tags")
    if tags is True or isinstance(tags, dict):
        path = _table(tags).get("path")
        found.append(_normal(path.strip("/")) if isinstance(path, str) and path.strip("/") else "feed/by_tag")
    if feed.get("categories"):
        found.append("feed")
    return found


def _permalink_folder(written: Any, default: str) -> str:
    """The folder a plugin's permalink pattern writes its pages in (`/tag/:name/` is `tag`);
    "" when the pattern opens with a token (`/:year/`)."""
    head = written.strip("/").split("/")[0] if isinstance(written, str) else default
    return "" if head.startswith(":") else head


# A Jekyll hook on what documents render (`Jekyll::Hooks.register :documents, :pre_render`) that
# writes ids: a kramdown attribute list `{:#slug}` or an `id="..."` attribute.
_RENDER_HOOK = lazy(r"Jekyll::Hooks\.register\b[^\n]*:(?:pre_render|post_render|post_convert)\b")
_WRITES_ID = lazy(r"\{:#|\bid=\\?[\"']")


def _plugin_writes_ids(plugins: tuple[str, ...]) -> bool:
    return any(_RENDER_HOOK.search(text) and _WRITES_ID.search(text) for text in plugins)


_MULTIPLE_LANGUAGES = "jekyll-multiple-languages-plugin"


def _translated_fragments(folder: str, settings: dict, codes: list[str]) -> tuple[str, ...]:
    """`_i18n/<lang>/` of each configured language, when jekyll-multiple-languages-plugin builds
    the site: its markdown files are blocks a page includes with `{% tf path %}` (or
    `{% translate_file %}`) when it is built in that language, not pages; the same path in each
    language's folder is one block translated (or copied untranslated, as the plugin needs a file
    in every language). The plugin is on when `plugins` (`gems` before Jekyll 3.5) names it, or
    the Gemfile or a file of `_plugins/` loads it."""
    if not codes or not _uses_multiple_languages(folder, settings):
        return ()
    try:
        names = {name.lower(): name for name in os.listdir(os.path.join(folder, "_i18n"))}
    except OSError:
        return ()
    configured = [f"_i18n/{names[code]}" for code in codes if code in names and os.path.isdir(os.path.join(folder, "_i18n", names[code]))]
    # A language's folder that `languages` does not name yet is not built: its files are the
    # blocks of a translation under way, not pages (`_i18n/nb_NO/` before nb_NO is switched on).
    waiting = [
        f"_i18n/{name}" for lowered, name in sorted(names.items())
        if lowered not in codes and is_language_code(lowered.replace("_", "-")) and os.path.isdir(os.path.join(folder, "_i18n", name))
    ]
    return tuple(configured + waiting)


def _optional_front_matter(folder: str, settings: dict) -> bool:
    """Whether jekyll-optional-front-matter renders pages without front matter: loaded (see
    `_loads_plugin`), or GitHub Pages' own gem in the Gemfile (which turns on its default
    plugins), and not switched off by `require_front_matter: true`."""
    if settings.get("require_front_matter") is True:
        return False
    gemfile = _gemfile(folder, settings)
    if not gemfile.strip() and _built_by_github_pages(folder, settings):
        return True
    return _loads_plugin(folder, settings, "jekyll-optional-front-matter") or _gemfile_loads(gemfile, "github-pages")


# The themes GitHub Pages builds a site with by `theme:` alone.
_GITHUB_PAGES_THEMES = frozenset(
    f"jekyll-theme-{name}"
    for name in (
        "architect", "cayman", "dinky", "hacker", "leap-day", "merlot", "midnight", "minimal", "modernist", "slate", "tactile", "time-machine", "primer"
    )
) | {"minima"}


def _built_by_github_pages(folder: str, settings: dict) -> bool:
    """A Jekyll site with no Gemfile that GitHub Pages builds: one of its themes (`theme:
    jekyll-theme-cayman`), a `remote_theme:`, a `github.io` URL or a `CNAME` file. GitHub Pages
    then loads its default plugins, jekyll-optional-front-matter among them."""
    theme = str(settings.get("theme") or "").strip().lower()
    url = str(settings.get("url") or "").strip().lower()
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0] if "://" in url else ""
    return (
        theme in _GITHUB_PAGES_THEMES
        or bool(settings.get("remote_theme"))
        or host.endswith(".github.io")
        or os.path.isfile(os.path.join(folder, "CNAME"))
    )


def _uses_multiple_languages(folder: str, settings: dict) -> bool:
    if _loads_plugin(folder, settings, _MULTIPLE_LANGUAGES):
        return True
    plugins = os.path.join(folder, "_plugins")
    try:
        names = sorted(name for name in os.listdir(plugins) if name.endswith(".rb"))
    except OSError:
        return False
    return any("multiple/languages" in read_small_file(os.path.join(plugins, name)) or "multiple-languages" in name for name in names)


def _hexo_parts(folder: str, settings: dict) -> dict:
    source = _normal(_text(settings.get("source_dir"), "source"))
    language = settings.get("language")
    codes = [code.lower() for code in (language if isinstance(language, list) else [language]) if isinstance(code, str) and code != "default"]
    permalink = settings.get("permalink")
    folders = _language_folders(folder, (f"{source}/_posts/", f"{source}/"))
    if folders and len(codes) == 1:  # `language: en` and translations in source/<lang>/
        codes += [code for _, code in folders if code != codes[0]]
    theme = settings.get("theme")
    # A theme's `source/` is copied to the site's root too (`/js/vue.js` from themes/vue/source/js).
    theme_sources = []
    if isinstance(theme, str) and _plain_name(theme) and "/" not in theme:
        candidates = (f"themes/{theme}/source", f"node_modules/hexo-theme-{theme}/source")
        theme_sources = [path for path in candidates if os.path.isdir(os.path.join(folder, path))]
    parts = {
        "rendered_underscored": ("_posts", "_drafts"),
        "content": (source,),
        "static": (source, *theme_sources),
        "languages": tuple(dict.fromkeys(codes)) if len(codes) > 1 else (),
        "language_folders": folders,
        "permalinks": (("posts", permalink),) if isinstance(permalink, str) else (),
        "url_settings": (("new_post_name", new_post_name),) if isinstance(new_post_name := settings.get("new_post_name"), str) else (),
        "not_content": _skipped_render(source, settings.get("skip_render")),
        "post_asset_folder": settings.get("post_asset_folder") is True,
        "drops_empty_terms": True,
        "generated_folders": _hexo_generated_pages(folder, settings),
    }
    return {**parts, **_hexo_renderer_parts(folder, settings)}


# The generators of Hexo's starter, the setting naming the folder each writes its pages in, its
# default, and which pages: all below it (archives by year and month, nested categories) or one
# per name right under it (`/tags/web/`).
_HEXO_PAGE_GENERATORS = (
    ("hexo-generator-archive", "archive_dir", "archives", ""),
    ("hexo-generator-category", "category_dir", "categories", ""),
    ("hexo-generator-tag", "tag_dir", "tags", "/*"),
)


def _hexo_generated_pages(folder: str, settings: dict) -> tuple[str, ...]:
    """The folders whose pages the site's generator plugins write (`/archives/2024/05/`), as
    package.json installs them, at the folders `archive_dir`, `category_dir` and `tag_dir` name,
    and `index_generator`'s `path` (the list of posts, when not at the home page)."""
    package = read_small_file(os.path.join(folder, "package.json"))
    found = []
    for plugin, key, default, pages in _HEXO_PAGE_GENERATORS:
        if f'"{plugin}"' in package:
            name = _text(settings.get(key), default).strip("/")
            if _plain_name(name):
                found.append(name.lower() + pages)
    index = settings.get("index_generator")
    if '"hexo-generator-index"' in package and isinstance(index, dict) and isinstance(index.get("path"), str):
        name = index["path"].strip("/")  # the home page's list at `/recent/` (and `/recent/page/2/`), not at the root
        if name and _plain_name(name):
            found.append(name.lower())
    return tuple(found)


def _hexo_renderer_parts(folder: str, settings: dict) -> dict:
    """How the site's renderer reads markdown: marked (Hexo's default), pandoc or markdown-it,
    as package.json names it. A Hexo source folder kept alone, whose package.json names no
    renderer, is read as markdown-it reads it (CommonMark's emphasis, as in any plain folder)."""
    package = read_small_file(os.path.join(folder, "package.json"))
    alone = settings.get("source_dir") == "."
    markdown_it = _HEXO_MARKDOWN_IT.search(package)
    kramed = _HEXO_KRAMED.search(package)
    marked = [found for found in (_HEXO_MARKED.search(package), kramed) if found is not None]
    # Hexo loads its plugins in the order package.json lists them, and a renderer registered
    # for `md` replaces the one before: with markdown-it and marked both installed, the later wins.
    if markdown_it and marked and max(found.start() for found in marked) > markdown_it.start():
        markdown_it = None
    if markdown_it or (alone and not marked):
        render = _table(_nested(settings, "markdown", "render"))  # hexo-renderer-markdown-it 4's defaults
        return {"markdown_it": True, "autolinks": render.get("linkify") is not False, "line_breaks": render.get("breaks") is not False}
    pandoc = _HEXO_PANDOC.search(package) is not None
    before_1 = _hexo_pairs_spaced_strong(package)  # marked 0.x or kramed
    return {
        # marked's settings, unless pandoc renders (its markdown links no bare URL, breaks no line)
        "autolinks": not pandoc and _nested(settings, "marked", "gfm") is not False and _nested(settings, "marked", "autolink") is not False,
        "spaced_strong": not pandoc and before_1,
        "marked_before_1": not pandoc and before_1,
        "unspaced_headings": not pandoc and kramed is not None,
        "pattern_underscores": not pandoc and _marked_major(package) in (0, 1, 2),  # (0 too: `or 3` once took it for unknown)
        "line_breaks": not pandoc and _nested(settings, "marked", "breaks") is not False,
        "pandoc": pandoc,
        "images_from_root": _marked_prepends_root(package, settings),
    }


def _skipped_render(source: str, patterns: Any) -> tuple[str, ...]:
    """The folders and files of Hexo's `skip_render` (globs under the source folder, copied as
    they are, never rendered): `tools/**` is `source/tools`; a pattern with a wildcard inside
    a name is left out (folders and files only are modelled)."""
    found = []
    for pattern in [patterns] if isinstance(patterns, str) else _items(patterns):  # one pattern, or a list
        if not isinstance(pattern, str):
            continue
        stem = pattern.strip().strip("/")
        while stem.endswith(("/**", "/*")):
            stem = stem.rsplit("/", 1)[0]
        if stem and not any(char in stem for char in "*?[{!"):
            found.append(_normal(f"{source}/{stem}"))
    return tuple(dict.fromkeys(found))


def _marked_prepends_root(package: str, settings: dict) -> bool:
    """Whether hexo-renderer-marked writes a markdown image's relative path from the site's root
    (`images/a.png` is `/images/a.png`): its `prependRoot`, stated or its default from version 5
    on, unless `relative_link` makes every URL relative. `package`: the site's package.json."""
    if settings.get("relative_link") is True:
        return False
    stated = _nested(settings, "marked", "prependRoot")
    if isinstance(stated, bool):
        return stated
    major = _marked_major(package)
    return major is not None and major >= 5


_HEXO_MARKED = lazy(r""""hexo-renderer-marked"\s*:\s*"[~^>=<v\s]*(\d+)\.""")
_HEXO_KRAMED = lazy(r""""hexo-renderer-kramed"\s*:""")
_HEXO_PANDOC = lazy(r""""hexo-renderer-pandoc"\s*:""")
_HEXO_MARKDOWN_IT = lazy(r""""hexo-renderer-markdown(?:-it(?:-plus)?)?"\s*:""")


def _marked_major(package: str) -> int | None:
    """The major version of hexo-renderer-marked that the site's package.json asks for."""
    marked = _HEXO_MARKED.search(package)
    return int(marked.group(1)) if marked is not None else None


def _hexo_pairs_spaced_strong(package: str) -> bool:
    """Whether the site's renderer, as its package.json asks, takes `** a **` as bold: marked
    before 1.0 (hexo-renderer-marked 0.x) and kramed do."""
    return bool(_HEXO_KRAMED.search(package)) or _marked_major(package) == 0


def _docusaurus_parts(folder: str, settings: dict) -> dict:
    locales = []
    match = _LOCALES.search(settings.get("_text", ""))
    if match:
        locales = _QUOTED.findall(match.group(1))
    locales = _docs_language_first(folder, locales, _DEFAULT_LOCALE.search(settings.get("_text", "")))
    # The folder keeps the locale's spelling (`i18n/zh-Hans`); the language is compared lower-case.
    i18n = [(f"i18n/{code}", code.lower()) for code in locales[1:]] if len(locales) > 1 else []
    instances = _docusaurus_instances(folder, settings.get("_text", ""))
    sources = _docusaurus_sources(folder, settings.get("_text", ""), [path for path, _ in i18n], instances)
    untranslated = [source for _, source, _ in sources if not source.startswith("i18n/")]
    return {
        # docs/ and blog/ only as the plugins' folders: a preset's `docs: false` builds no docs/.
        "content": tuple(dict.fromkeys((*untranslated, "src/pages", *(path for path, _ in i18n)))),
        "doc_sources": sources,
        "excluded_pages": _docusaurus_excluded(folder, instances),
        "generated_folders": _generated_index_pages(folder, sources),
        "listing_pages": tuple(dict.fromkeys(route for kind, _, route in sources if kind == "blog")),
        "static": ("static",),
        "languages": tuple(code.lower() for code in locales) if len(locales) > 1 else (),
        "language_folders": tuple(i18n),
        "autolinks": True,  # remark-gfm
        "spaced_strong": _docusaurus_major(folder) in (1, 2),  # MDX 1
    }


def _docs_language_first(folder: str, locales: list[str], default: re.Match[str] | None) -> list[str]:
    """The locales with the language `docs/` is written in first; the others have their folders
    under i18n/. That is `defaultLocale` wherever the list names it (`defaultLocale: 'zh-cn',
    locales: ['en', 'zh-cn']`), unless the default locale has an i18n/ folder of its own: each
    locale reads its i18n/ folder before `docs/`, so `docs/` is then the text of a locale
    without one (`defaultLocale: 'en'`, `i18n/en/`, Chinese in `docs/`)."""
    if default is None or default.group(1) not in locales:
        return locales
    first = default.group(1)
    if os.path.isdir(os.path.join(folder, "i18n", first)):
        first = next((code for code in locales if not os.path.isdir(os.path.join(folder, "i18n", code))), locales[0])
    return [first] + [code for code in locales if code != first]


_MOST_PLUGINS = 32
_CATEGORY_FILES = ("_category_.json", "_category_.yml", "_category_.yaml")
_MOST_CATEGORY_FILES = 500


def _generated_index_pages(folder: str, sources: tuple[tuple[str, str, str], ...]) -> tuple[str, ...]:
    """The pages the docs plugin writes for categories whose `_category_.json` (or `.yml`)
    asks for a generated index (`"link": {"type": "generated-index"}`): at the link's `slug`
    under the docs' route, else at `/category/<the label's slug>` (the label, or the folder's
    name without its number prefix, slugged as GitHub does); and those of the categories of
    the sidebar file that ask for one."""
    pages: list[str] = []
    read = 0
    plain_sidebar = True  # the first docs folder is the current version of the default instance
    for kind, source, route in sources:
        if kind != "docs" or source.startswith("i18n/"):
            continue
        for directory, subfolders, files in os.walk(os.path.join(folder, source)):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name != "node_modules")
            for name in (name for name in _CATEGORY_FILES if name in files):
                read += 1
                if read > _MOST_CATEGORY_FILES:
                    return tuple(dict.fromkeys(pages))
                category = _read_settings(os.path.join(directory, name))
                link = category.get("link")
                if not isinstance(link, dict) or link.get("type") != "generated-index":
                    continue
                slug = link.get("slug")
                if not isinstance(slug, str):
                    label = category.get("label")
                    named = label if isinstance(label, str) else docusaurus_unnumbered(os.path.basename(directory))
                    slug = "category/" + github_slug(named)
                pages.append(_under(route, slug))
        pages += [_under(route, slug) for slug in _sidebar_generated_indexes(folder, source, plain_sidebar)]
        plain_sidebar = False
    return tuple(dict.fromkeys(pages))


def _under(route: str, slug: str) -> str:
    return "/".join(part for part in (route.strip("/"), slug.strip("/")) if part).lower()


_SIDEBAR_FILES = ("sidebars.js", "sidebars.ts", "sidebars.mjs", "sidebars.cjs", "sidebars.json")
_GENERATED_INDEX = lazy(r"""["']?type["']?\s*:\s*["']generated-index["']""")
_MOST_SIDEBAR_CATEGORIES = 500


def _sidebar_generated_indexes(folder: str, source: str, current: bool) -> list[str]:
    """The slugs of the generated index pages that a docs folder's sidebar file asks for
    (`{type: 'category', label: 'Developer Guide', link: {type: 'generated-index'}}` is
    `category/developer-guide`, or the link's `slug`). The current docs read `sidebars.js`
    (or .ts, .json) beside the configuration; a version `versioned_docs/version-X` reads
    `versioned_sidebars/version-X-sidebars.json`. The file is read as data, never run."""
    from artlint.jsobject import object_at  # imported here: only Docusaurus sites need it

    version = re.fullmatch(r"(\w*?_?)versioned_docs/(version-[^/]+)", source)
    if version:
        names = [f"{version.group(1)}versioned_sidebars/{version.group(2)}-sidebars.json"]
    else:
        names = list(_SIDEBAR_FILES) if current else []
    text = next((found for found in (read_small_file(os.path.join(folder, name)) for name in names) if found), "")
    slugs: list[str] = []
    for number, match in enumerate(_GENERATED_INDEX.finditer(text)):
        if number >= _MOST_SIDEBAR_CATEGORIES:
            break
        link_start = _opening_brace_before(text, match.start())
        category_start = _opening_brace_before(text, link_start) if link_start >= 0 else -1
        if category_start < 0:
            continue
        slug = object_at(text, link_start).get("slug")
        if not isinstance(slug, str):
            label = object_at(text, category_start).get("label")
            if not isinstance(label, str):
                continue
            slug = "category/" + github_slug(label)
        slugs.append(slug)
    return slugs


def _opening_brace_before(text: str, index: int) -> int:
    """Where the object that holds `index` opens: the nearest `{` before it that is not closed
    before it (braces in strings are not told apart: a sidebar's labels rarely hold them)."""
    depth = 0
    for position in range(index - 1, max(-1, index - 20_000), -1):
        char = text[position]
        if char == "}":
            depth += 1
        elif char == "{":
            if depth == 0:
                return position
            depth -= 1
    return -1


# The docs and blog plugins by their package names, a site's own wrapper of one
# (`./src/plugin/plugin-content-blog`), or the shorthands Docusaurus resolves to them
# (`content-docs`, `@docusaurus/content-docs`, `docusaurus-plugin-content-docs`); the classic
# preset, Docusaurus's own or a fork of it published under another scope (`@ionic-docs/preset-classic`).
_DOCUSAURUS_PLUGIN = lazy(
    r"""["'](?:(?:@docusaurus/(?:plugin-)?|docusaurus-plugin-|\.{1,2}/[\w./-]{0,200}?plugin-)?content-(docs|blog)|((?:@[\w.-]{1,100}/|docusaurus-)?preset-classic|classic))["']"""
)


def _docusaurus_sources(
    folder: str, text: str, translations: list[str], instances: dict[tuple[str, str], dict] | None = None
) -> tuple[tuple[str, str, str], ...]:
    """(kind, folder, route) of every folder a docs or blog plugin instance serves: the
    preset's docs and blog (unless it sets them `false`), each `@docusaurus/plugin-content-*`
    (or the site's own wrapper of one, `./src/plugin/plugin-content-blog`, or any plugin of the
    site whose file requires one: `./src/plugins/blog-plugin.js`) with its `path`,
    `routeBasePath` and `id`, a docs instance's versions (`versioned_docs/
    version-X` at `/docs/X`, the last version at `/docs`, the current one at `/docs/next`),
    and each locale's translations of them (`i18n/<locale>/docusaurus-plugin-content-blog-<id>`);
    and the pages plugin's `src/pages`, served at the site's root."""
    sources: list[tuple[str, str, str]] = []
    for (kind, identifier), options in (instances if instances is not None else _docusaurus_instances(folder, text)).items():
        path = _normal(_text(options.get("path"), kind)).removeprefix("./")
        route = _text(options.get("routeBasePath"), kind).strip().strip("/")
        plugin = f"docusaurus-plugin-content-{kind}" + (f"-{identifier}" if identifier else "")
        if kind == "blog":
            sources.append(("blog", path, route))
            sources += [("blog", f"{translation}/{plugin}", route) for translation in translations]
            continue
        for version_folder, translated_as, version_path in _docusaurus_versions(folder, path, identifier, options):
            version_route = "/".join(part for part in (route, version_path) if part)
            sources.append(("docs", version_folder, version_route))
            sources += [("docs", f"{translation}/{plugin}/{translated_as}", version_route) for translation in translations]
    # The pages plugin serves `src/pages/faq.md` at `/faq`, a locale's copy in its i18n folder.
    sources.append(("pages", "src/pages", ""))
    sources += [("pages", f"{translation}/docusaurus-plugin-content-pages", "") for translation in translations]
    return tuple(sources)


def _docusaurus_instances(folder: str, text: str) -> dict[tuple[str, str], dict]:
    """The options of each docs and blog plugin instance, by (kind, id): the preset's (unless
    it sets them `false`), each plugin the configuration names, each wrapper of the site's own."""
    from artlint.jsobject import options_after  # imported here: only Docusaurus sites need it

    preset: dict[tuple[str, str], dict] = {("docs", ""): {}, ("blog", ""): {}}  # (kind, id) -> options
    plugins: dict[tuple[str, str], dict] = {}
    for number, match in enumerate(_DOCUSAURUS_PLUGIN.finditer(text)):
        if number >= _MOST_PLUGINS:
            break  # a hostile configuration nesting thousands: each is read to its end
        options = options_after(text, match.end())
        if match.group(2):  # the classic preset
            for kind in ("docs", "blog"):
                chosen = options.get(kind)
                if chosen is False:
                    preset.pop((kind, ""), None)
                elif isinstance(chosen, dict):
                    preset[(kind, "")] = chosen
        elif options:
            plugins[(match.group(1), _instance_id(options))] = options
    # The preset's `docs: false` turns off its own instance, not one the site adds as a plugin
    # (`plugins: [['@docusaurus/plugin-content-docs', {routeBasePath: '/'}]]`), wherever written.
    instances = {**preset, **plugins}
    for kind, options in _local_wrappers(folder, text):
        instances[(kind, _instance_id(options))] = options
    return instances


def _docusaurus_excluded(folder: str, instances: dict[tuple[str, str], dict]) -> tuple[str, ...]:
    """The pages a docs instance's `exclude: ['README.md']` leaves out, in each of its versions'
    folders: the globs are read from the folder (`README.md` is the folder's own, not a
    subfolder's), as the plugin's file search reads them."""
    excluded: list[str] = []
    for (kind, identifier), options in instances.items():
        listed = options.get("exclude")
        if kind != "docs" or not isinstance(listed, list):
            continue
        path = _normal(_text(options.get("path"), kind)).removeprefix("./")
        globs = [item.strip().removeprefix("./") for item in listed[:_MOST_PAGE_GLOBS] if isinstance(item, str)]
        globs = [glob for glob in globs if _safe_page_glob(glob)]
        for version_folder, _, _ in _docusaurus_versions(folder, path, identifier, options):
            excluded += [f"{version_folder}/{glob}" for glob in globs]
    return tuple(dict.fromkeys(excluded))


def _instance_id(options: dict) -> str:
    """A plugin instance's `id`; "" for the default one."""
    identifier = options.get("id")
    return identifier if isinstance(identifier, str) and identifier != "default" else ""


# A plugin named by its path in the site (`['./src/plugins/blog-plugin.js', {...}]`, or alone in
# the list of plugins), and what a
# wrapper of the docs or blog plugin requires (`require('@docusaurus/plugin-content-blog')`).
_LOCAL_PLUGIN = lazy(r"""[\[,](?:\s|//[^\n]{0,500}\n){0,20}["'](\.{1,2}/[\w./-]{1,200})["']""")  # line comments between
_WRAPS = lazy(r"""["']@docusaurus/plugin-content-(docs|blog)["']""")
_MOST_LOCAL_PLUGINS = 16
_MODULE_SUFFIXES = ("", ".js", ".ts", ".mjs", ".cjs", "/index.js", "/index.ts")  # how Node finds `./src/plugins/x`


def _local_wrappers(folder: str, text: str) -> list[tuple[str, dict]]:
    """(kind, options) of each plugin of the site's own that wraps the docs or blog plugin
    (`['./src/plugins/blog-plugin.js', {showReadingTime: true}]`, its file requiring
    `@docusaurus/plugin-content-blog`), read as data inside the site's folder. Those named
    after the plugin (`./src/plugin/plugin-content-blog`) are `_DOCUSAURUS_PLUGIN`'s."""
    from artlint.jsobject import options_after  # imported here: only Docusaurus sites need it

    found = []
    for match in islice(_LOCAL_PLUGIN.finditer(text), _MOST_LOCAL_PLUGINS):
        name = match.group(1)
        if "plugin-content-" in name:
            continue
        wrapped = next(filter(None, (_WRAPS.search(_inside_file(folder, name + suffix)) for suffix in _MODULE_SUFFIXES)), None)
        if wrapped is not None:
            found.append((wrapped.group(1), options_after(text, match.end()) or {}))
    return found


def _inside_file(folder: str, name: str) -> str:
    """A small file's text when `name` leads to one inside `folder`, links followed (a linked
    folder may lead anywhere), as `_layout_text` reads a layout; "" otherwise."""
    path = os.path.join(folder, name)
    return read_small_file(path) if within(os.path.realpath(path), os.path.realpath(folder)) else ""


def _docusaurus_versions(folder: str, path: str, identifier: str, options: dict) -> list[tuple[str, str, str]]:
    """(folder, its name in a locale's translations, URL path under the route) of each version
    of a docs instance, the current one (its `path`) first."""
    prefix = f"{identifier}_" if identifier else ""
    try:
        listed = json.loads(read_small_file(os.path.join(folder, f"{prefix}versions.json")) or "[]")
    except (ValueError, RecursionError):
        listed = []
    names = [name for name in listed if isinstance(name, str)] if isinstance(listed, list) else []
    last = _text(options.get("lastVersion"), names[0] if names else "current")
    settings = _table(options.get("versions"))

    def url_path(name: str, default: str) -> str:
        return _text(_table(settings.get(name)).get("path"), default).strip().strip("/")

    versions = [(path, "current", url_path("current", "" if last == "current" else "next"))]
    versions += [(f"{prefix}versioned_docs/version-{name}", f"version-{name}", url_path(name, "" if name == last else name)) for name in names]
    return versions


_DOCUSAURUS_CORE = lazy(r""""@docusaurus/core"\s*:\s*"[~^>=<v\s]*(\d+)\.""")


def _docusaurus_major(folder: str) -> int | None:
    """The major version of Docusaurus the site's package.json asks for; None if unsaid."""
    match = _DOCUSAURUS_CORE.search(read_small_file(os.path.join(folder, "package.json")))
    return int(match.group(1)) if match else None


def _mkdocs_parts(folder: str, settings: dict) -> dict:
    docs = _normal(_text(settings.get("docs_dir"), "docs"))
    if not os.path.isdir(os.path.join(folder, docs)) and os.path.isdir(os.path.join(folder, "docs")):
        docs = "docs"  # a docs_dir the build makes (`COPY docs ./build/docs`): the pages are in MkDocs' default folder
    directory_urls = settings.get("use_directory_urls")
    url_settings = (("use_directory_urls", str(directory_urls).lower()),) if isinstance(directory_urls, bool) else ()
    built, structure = _mkdocs_i18n(settings)
    languages = built if len(built) > 1 else ()  # one language is no translation
    if languages and structure == "folder":  # every language in its folder, the default's too
        # the folder keeps the locale's spelling: `docs/pt-BR`
        spelled = {os.path.basename(path).lower(): os.path.basename(path) for path in _child_folders(os.path.join(folder, docs))}
        language_folders = tuple((f"{docs}/{spelled.get(code, code)}", code) for code in languages)
    else:
        language_folders = () if languages else _language_folders(folder, (f"{docs}/",))
    linked = _linked_folders(folder, docs)
    plugins = _mkdocs_names(settings, "plugins")
    theme = _table(settings.get("theme"))
    # The theme's `custom_dir` overrides templates and adds files, which MkDocs copies to the
    # site's root beside the docs' (`theme/assets/img/a.svg` is `assets/img/a.svg`).
    custom = _normal(theme["custom_dir"]) if isinstance(theme.get("custom_dir"), str) else ""
    return {
        "content": (docs, *(target for target, _ in linked)),
        "content_prefixes": linked,
        "static": (docs, custom) if custom and custom != docs else (docs,),
        "languages": languages,
        "language_folders": language_folders,
        "translated_links": bool(languages) and structure == "suffix",
        "appended_labels": _snippet_labels(folder, settings),
        "url_settings": url_settings,
        "containers": _mkdocs_containers(settings),
        # pymdownx.magiclink links bare URLs (and www. addresses), as GitHub does
        "autolinks": "pymdownx.magiclink" in _mkdocs_extensions(settings),
        "betterem": _smart_asterisks(settings),
        "definition_lists": bool(_mkdocs_extensions(settings) & _DEFINITION_LIST_EXTENSIONS),
        "python_markdown_strong": "pymdownx.betterem" not in _mkdocs_extensions(settings),
        # mkdocs-macros renders every page as a Jinja2 template before markdown reads it
        "jinja_pages": "macros" in plugins,
        "include_tags": _mkdocs_include_tags(settings, plugins),
        "autorefs": bool(plugins & {"autorefs", "mkdocstrings"}),
        "tab_ids": _mkdocs_tab_ids(settings),
        "toc_separator": _mkdocs_toc_separator(settings),
        "not_content": _mkdocs_included_folders(folder, settings, docs)
        + _mkdocs_excluded_folders(folder, settings, docs)
        + (_unbuilt_locale_folders(folder, docs, built) if structure == "folder" else ()),
        "redirect_sources": _mkdocs_redirects(settings, directory_urls is not False),
        "generated_folders": _mkdocs_nav_elsewhere(folder, settings, docs),
        "nav_pages": _mkdocs_nav_pages(settings, docs, plugins),
        "dates_unread": not (plugins & frozenset(data.load("sites")["mkdocs-date-plugins"])),
        "term_lists": _mkdocs_term_lists(folder, settings, plugins, custom),
        # mkdocs-autolinks-plugin and its kin: `![x](shot.png)` is the shot.png anywhere in the docs
        "by_name_folders": (docs,) if plugins & frozenset(data.load("sites")["mkdocs-by-name-plugins"]) else (),
        "versions_beside": _versioned_by_mike(settings),
    }


def _versioned_by_mike(settings: dict) -> bool:
    """Whether Material for MkDocs' version selector is mike's: `extra: {version: {provider: mike}}`."""
    extra = settings.get("extra")
    version = extra.get("version") if isinstance(extra, dict) else None
    return isinstance(version, dict) and version.get("provider") == "mike"


def _mkdocs_term_lists(folder: str, settings: dict, plugins: set[str], custom: str) -> tuple[str, ...]:
    """The front-matter terms that something of an MkDocs site reads: a plugin that reads the
    key (Material's tags and blog), or a template of the theme's `custom_dir` or a hook that
    names it. MkDocs itself only passes `page.meta` on to the templates."""
    readers = data.load("sites")["mkdocs-term-plugins"]
    texts = [read_small_file(os.path.join(folder, str(hook))) for hook in _items(settings.get("hooks")) if isinstance(hook, str)]
    if custom:
        overrides = [path for path in _template_files([os.path.join(folder, custom)]) if path.endswith((".html", ".py", ".js"))]
        texts += [read_small_file(path) for path in overrides[:300]]
    return tuple(
        key
        for key in ("tags", "categories")
        if plugins & frozenset(readers.get(key, ())) or any(re.search(rf"\b{key}\b", text) for text in texts)
    )


def _mkdocs_nav_pages(settings: dict, docs: str, plugins: frozenset[str] | set[str]) -> frozenset[str] | None:
    """The pages an explicit `nav:` lists (paths from the project's root: `docs/tp/tp1.md`), or
    None where every page is in the navigation: no `nav`, or a plugin that builds or extends it
    (`mkdocs-nav-plugins` in rules/sites.toml). MkDocs builds the other pages too, outside the
    navigation: copies and drafts kept beside the listed ones."""
    nav = settings.get("nav")
    if not isinstance(nav, list) or plugins & frozenset(data.load("sites")["mkdocs-nav-plugins"]):
        return None
    # A set: every page of the site asks whether it is one of them.
    return frozenset(
        posixpath.normpath(posixpath.join(docs, entry.split("#", 1)[0]))
        for entry in _nav_entries(nav)
        if "://" not in entry and not entry.startswith("/")
    )


def _nav_entries(nav: Any) -> Iterator[str]:
    """The paths and addresses of an MkDocs `nav:`, in order, at any depth of its sections."""
    stack: list[Any] = [nav]
    while stack:
        entry = stack.pop()
        if isinstance(entry, list):
            stack.extend(reversed(entry))
        elif isinstance(entry, dict):
            stack.extend(reversed(list(entry.values())))
        elif isinstance(entry, str):
            yield entry


def _mkdocs_nav_elsewhere(folder: str, settings: dict, docs: str) -> tuple[str, ...]:
    """The first folders of the site paths `nav:` links to that no page of the docs answers
    (`知识库: "/kb/"`): another site deployed on the same host serves them, so links into
    them lead to pages this checkout cannot hold."""
    found: list[str] = []
    for entry in _nav_entries(settings.get("nav")):
        if len(found) >= _MOST_NAV_PATHS:
            break
        if entry.startswith("/") and not entry.startswith("//"):
            first = entry.split("#", 1)[0].split("?", 1)[0].strip("/").split("/", 1)[0]
            if first and first not in (".", "..") and not _names_in_docs(folder, docs, first):
                found.append(first)
    return tuple(dict.fromkeys(found))


_MOST_NAV_PATHS = 200


def _names_in_docs(folder: str, docs: str, name: str) -> bool:
    """Whether the docs folder holds a page or folder that `name` (a site path's first part) names."""
    base = os.path.join(folder, docs, name)
    return any(os.path.exists(path) for path in (base, base + ".md", base + ".markdown"))


def _mkdocs_included_folders(folder: str, settings: dict, docs: str) -> tuple[str, ...]:
    """Folders of files that pages include, never pages themselves, whose links are read from
    the including page: mkdocs-macros' `include_dir` and pymdownx.snippets' `base_path` (but
    the project's root and the docs folder, which hold pages too)."""
    found = []
    macros = _options_of(settings.get("plugins"), "macros") or {}
    snippets = _options_of(settings.get("markdown_extensions"), "pymdownx.snippets") or {}
    for path in [macros.get("include_dir"), *_items(snippets.get("base_path")), snippets.get("base_path")]:
        if not isinstance(path, str):
            continue
        written = _normal(path.strip().removeprefix("./")).rstrip("/")
        if written and written not in (".", docs) and not written.startswith("..") and os.path.isdir(os.path.join(folder, written)):
            found.append(written)
    return tuple(dict.fromkeys(found))


def _mkdocs_excluded_folders(folder: str, settings: dict, docs: str) -> tuple[str, ...]:
    """Folders of docs_dir the build leaves out whole: mkdocs-exclude's `glob` and `dir`
    entries, and MkDocs' own `exclude_docs` lines, that name a folder (`snippets/*`,
    `snippets/**`, `drafts/`); other patterns are not read."""
    options = _options_of(settings.get("plugins"), "exclude") or {}
    patterns = [*_items(options.get("glob")), *_items(options.get("dir"))]
    written = settings.get("exclude_docs")
    if isinstance(written, str):
        patterns += [line.strip() for line in written.splitlines() if line.strip() and not line.strip().startswith(("#", "!"))]
    found = []
    for pattern in patterns:
        if not isinstance(pattern, str):
            continue
        name = _EXCLUDED_FOLDER.fullmatch(pattern.strip().lstrip("/"))
        if name is not None and os.path.isdir(os.path.join(folder, docs, name.group(1))):
            found.append(f"{docs}/{name.group(1)}" if docs != "." else name.group(1))
    return tuple(dict.fromkeys(found))


# `snippets/*`, `snippets/**`, `snippets/**/*`, `snippets/`, `snippets`: a folder, whole.
_EXCLUDED_FOLDER = lazy(r"([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*)(?:/\*{1,2}(?:/\*)?|/)?")


def _mkdocs_toc_separator(settings: dict) -> str:
    """The toc extension's `separator` option (`separator: "_"`: `nebula_graph`), `-` by default."""
    options = _options_of(settings.get("markdown_extensions"), "toc") or {}
    separator = options.get("separator", "-")
    return separator if isinstance(separator, str) and 0 < len(separator) <= 3 else "-"


def _mkdocs_tab_ids(settings: dict) -> str:
    """How pymdownx.tabbed names its tabs: by their titles ("titles") when its `slugify` is
    set, after the heading's id too ("combined") with `combine_header_slug`; "" for its
    numbered ids (`__tabbed_1_2`)."""
    options = _options_of(settings.get("markdown_extensions"), "pymdownx.tabbed")
    if options is None or "slugify" not in options:
        return ""
    return "combined" if options.get("combine_header_slug") is True else "titles"


def _mkdocs_include_tags(settings: dict, plugins: set[str]) -> tuple[tuple[str, str], ...]:
    """mkdocs-include-markdown-plugin's directive tags, `{%` and `%}` unless its `opening_tag`
    and `closing_tag` say otherwise; none without the plugin."""
    if "include-markdown" not in plugins:
        return ()
    options = _options_of(settings.get("plugins"), "include-markdown") or {}
    opening, closing = options.get("opening_tag", "{%"), options.get("closing_tag", "%}")
    return ((opening, closing),) if isinstance(opening, str) and isinstance(closing, str) and opening.strip() and closing.strip() else ()


def _mkdocs_redirects(settings: dict, directory_urls: bool) -> tuple[str, ...]:
    """The site paths of mkdocs-redirects' `redirect_maps` keys (`old.md: new.md`), where the
    plugin writes a page that sends the reader on: `/old/` (`/old.html` without directory URLs)."""
    options = _options_of(settings.get("plugins"), "redirects")
    maps = options.get("redirect_maps") if options is not None else None
    paths = []
    for key in _table(maps):
        written = str(key).strip().lstrip("/")
        stem, suffix = os.path.splitext(written)
        if suffix.lower() != ".md":
            paths.append("/" + written)
        elif os.path.basename(stem).lower() in ("index", "readme"):
            paths.append("/" + os.path.dirname(stem) + "/" if os.path.dirname(stem) else "/")
        else:
            paths.append(f"/{stem}/" if directory_urls else f"/{stem}.html")
    return tuple(paths)


_MOST_LINKED_FOLDERS = 200


def _linked_folders(folder: str, docs: str) -> tuple[tuple[str, str], ...]:
    """(target, its path under the docs) of each folder of the site that the docs folder holds
    as a symbolic link (`_docs/ML -> ../ML`): MkDocs follows it, and serves the target's pages
    at `/ML/`. Targets outside the site are not followed."""
    docs_path = os.path.join(folder, docs)
    root = os.path.realpath(folder)
    found = []
    try:
        entries = sorted(os.scandir(docs_path), key=lambda entry: entry.name)[:_MOST_LINKED_FOLDERS]
    except OSError:
        return ()
    for entry in entries:
        if not entry.is_symlink():
            continue
        target = os.path.realpath(entry.path)
        if target != root and within(target, root) and os.path.isdir(target):
            found.append((relative_path(target, root), entry.name))
    return tuple(found)


def _options_of(entries: Any, name: str) -> dict | None:
    """The options of an MkDocs plugin or markdown extension listed with them (`- i18n: {...}`),
    or in a mapping of names to options."""
    if isinstance(entries, dict):
        return entries[name] if isinstance(entries.get(name), dict) else None
    return next((item[name] for item in _items(entries) if isinstance(item, dict) and isinstance(item.get(name), dict)), None)


# A reference definition, `[label]: url`, indented up to three spaces.
_DEFINITION = lazy(r"^ {0,3}\[([^\[\]\n]{1,200})\]:", re.M)


def _snippet_labels(folder: str, settings: dict) -> tuple[str, ...]:
    """Labels defined in the files pymdownx.snippets appends to every page (`auto_append`,
    found under its `base_path`, the configuration's folder by default): a page may use them
    without defining them."""
    options = _options_of(settings.get("markdown_extensions"), "pymdownx.snippets")
    if options is None:
        return ()
    bases = [_normal(str(base)) for base in _items(options.get("base_path"))] or ["."]
    labels: list[str] = []
    for name in _items(options.get("auto_append")):
        if not isinstance(name, str):
            continue
        for base in bases:
            path = os.path.join(folder, base, _normal(name))
            if not within(os.path.realpath(path), os.path.realpath(folder)):
                continue  # a configuration does not send artlint out of its repository
            text = read_small_file(path)
            if text:
                labels += _DEFINITION.findall(text)
                break
    return tuple(dict.fromkeys(labels))


def _mkdocs_i18n(settings: dict) -> tuple[tuple[str, ...], str]:
    """The languages mkdocs-static-i18n builds (not `build: false`; lower case, the default
    first) and its `docs_structure`:
    `suffix` (`page.en.md` beside `page.md`, its default) or `folder` (`docs/en/page.md`).
    Version 1 lists `languages` as entries with a `locale` (one `default: true`); 0.x names
    them as keys, with `default_language`."""
    options = _options_of(settings.get("plugins"), "i18n")
    if options is None:
        return (), ""
    structure = str(options.get("docs_structure") or "suffix").lower()
    codes: list[str] = []
    default = str(options.get("default_language") or "").lower()
    for entry in _items(options.get("languages")) if isinstance(options.get("languages"), list) else list(_table(options.get("languages"))):
        code = entry.get("locale") if isinstance(entry, dict) else entry
        if isinstance(code, str) and _LANGUAGE_CODE.match(code.strip()) and (not isinstance(entry, dict) or entry.get("build", True) is not False):
            codes.append(code.strip().lower())
            if isinstance(entry, dict) and entry.get("default") is True:
                default = codes[-1]
    if default:
        codes = [default] + [code for code in codes if code != default]
    return tuple(dict.fromkeys(codes)), structure


# mkdocs-static-i18n's test of a folder named for a locale (checked with 1.3.1): `fr`, `pt-BR`,
# `zh-Hant`, `pt_BR`.
_I18N_LOCALE = lazy(r"[a-z]{2}(?:-[A-Za-z]{4})?(?:-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}")


def _unbuilt_locale_folders(folder: str, docs: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The folders of the docs that mkdocs-static-i18n's folder layout reads as a language's
    (a name shaped as a locale, `es`, `pt_BR`) when the language is not built (not configured,
    commented out, or `build: false`): the plugin leaves their pages out of every build."""
    return tuple(
        f"{docs}/{name}"
        for name in (os.path.basename(path) for path in _child_folders(os.path.join(folder, docs)))
        if _I18N_LOCALE.fullmatch(name) and name.lower() not in languages
    )


def _smart_asterisks(settings: dict) -> bool:
    """Whether pymdownx.betterem reads `**` by the flanking rules CommonMark has (`**陈：**我` stays
    as written): with `smart_enable: all` or `asterisk`. Its default, `underscore`, pairs
    asterisks as Python-Markdown does (checked with pymdown-extensions 10.7 and 11.0)."""
    if "pymdownx.betterem" not in _mkdocs_extensions(settings):
        return False
    options = _options_of(settings.get("markdown_extensions"), "pymdownx.betterem") or {}
    return str(options.get("smart_enable", "underscore")).lower() in ("all", "asterisk")


_DEFINITION_LIST_EXTENSIONS = frozenset({"def_list", "markdown.extensions.def_list", "extra", "markdown.extensions.extra", "pymdownx.extra"})


def _mkdocs_extensions(settings: dict) -> set[str]:
    """The extensions `markdown_extensions` names."""
    return _mkdocs_names(settings, "markdown_extensions")


def _mkdocs_names(settings: dict, key: str) -> set[str]:
    """What an MkDocs list of extensions or plugins names: a list of names or one-key mappings,
    or a mapping of names to their options (`pymdownx.betterem: null`, `- macros: {...}`)."""
    entries = settings.get(key)
    if isinstance(entries, dict):
        return {str(name) for name in entries}
    return {str(next(iter(item))) if isinstance(item, dict) and item else str(item) for item in _items(entries)}


_CONTAINER_EXTENSIONS = {"admonition": "!!!", "pymdownx.details": "???", "pymdownx.tabbed": "==="}


def _mkdocs_containers(settings: dict) -> tuple[str, ...]:
    """The markers of the indented containers the configured extensions add; all three when
    the configuration could not be read (Material sites enable them nearly always)."""
    if not settings:
        return tuple(_CONTAINER_EXTENSIONS.values())
    names = _mkdocs_extensions(settings)
    return tuple(marker for name, marker in _CONTAINER_EXTENSIONS.items() if name in names)


# `srcDir: './src'` in `.vitepress/config.*`: the pages' folder, relative to the project root
# (the folder of `.vitepress`); its `public/` holds the static files.
_VITEPRESS_SOURCE = lazy(r"""\bsrcDir\s*:\s*(['"`])([^'"`\n]+)\1""")


def _vitepress_parts(folder: str, settings: dict) -> dict:
    text = str(settings.get("_text", ""))
    found = _VITEPRESS_SOURCE.search(text)
    source = _normal(found.group(2)) if found else "."
    prefix = "" if source == "." else f"{source}/"
    parts: dict[str, Any] = {
        "content": (source,),
        "static": (f"{prefix}public",),
        "language_folders": _language_folders(folder, (prefix,)),
        "autolinks": True,
        "excluded_pages": _page_globs_left_out(text, "srcExclude", prefix),
        "plugin_ids": _OWN_SLUGIFY.search(_without_js_comments(text)) is not None,
    }
    locales = _vitepress_locales(text, folder, prefix)
    if locales is not None:
        parts["languages"], parts["language_folders"] = locales
    return parts


def _rspress_parts(folder: str, settings: dict) -> dict:
    """Rspress: the pages in its `root` (`docs` unless the configuration names another,
    `root: path.join(__dirname, 'docs')`, or from `import.meta.dirname`), `public/` there served at the site's root, one folder
    per language of `locales` (`{ lang: 'zh' }` is `docs/zh/`), the default from `lang`, whose
    folder is served at the site's root."""
    text = str(settings.get("_text", ""))
    found = _RSPRESS_ROOT.search(text)
    source = _normal(found.group(1)) if found else "docs"
    prefix = "" if source == "." else f"{source}/"
    parts: dict[str, Any] = {"content": (source,), "static": (f"{prefix}public",), "autolinks": True}
    locales = text[text.find("locales") :] if "locales" in text else ""
    codes = [code for code in _RSPRESS_LANG.findall(locales) if os.path.isdir(os.path.join(folder, prefix, code))]
    if len(codes) >= 2:
        default = _RSPRESS_DEFAULT_LANG.search(text)
        first = default.group(1) if default and default.group(1) in codes else codes[0]
        languages = (first, *(code for code in dict.fromkeys(codes) if code != first))
        parts["languages"] = tuple(code.lower() for code in languages)
        parts["language_folders"] = tuple((f"{prefix}{code}", code.lower()) for code in dict.fromkeys(codes))
        # the default language's pages are served at the site's root (`docs/en/guide.md` is `/guide`)
        parts["content"] = (source, f"{prefix}{first}")
    return parts


def _nuxt_parts(folder: str, settings: dict) -> dict:
    """Nuxt Content: the pages in `content/` (number prefixes, `1.guide/`, order them and are
    not in their URLs; `_` files are partials), `public/` served at the site's root; remark
    with GFM, which links bare URLs."""
    return {"content": ("content",), "static": ("public",), "autolinks": True}


_ASTRO_OPTION = lazy(r"""\b(srcDir|publicDir)\s*:\s*(['"`])\.?/?([\w./-]{1,200}?)/?\2""")
_ASTRO_CONTENT_CONFIGS = tuple(
    f"{folder}{name}.{suffix}" for folder, name in (("", "content.config"), ("content/", "config")) for suffix in ("ts", "mts", "js", "mjs")
)
_ASTRO_COLLECTION = lazy(r"\b(?:const|let|var)\s+(\w+)\s*=\s*defineCollection\s*\(")
_ASTRO_BASE = lazy(r"""\bbase\s*:\s*(['"`])([^'"`\n]{1,200})\1""")
_ASTRO_EXPORTED = lazy(r"\bcollections\s*=\s*\{")
_JS_STRING_CONSTANT = lazy(r"""\b(?:const|let|var)\s+(\w+)\s*=\s*(['"`])([^'"`$\n]{1,200})\2""")
_ASTRO_ROUTE_FILES = ("[...slug].astro", "[slug].astro", "[...id].astro", "[id].astro", "[...path].astro")
_ASTRO_COLLECTION_READ = lazy(r"""\b(?:get(?:Collection|Entry)\s*\(\s*|CollectionEntry\s*<\s*)['"](\w+)['"]""")
# `params: { slug: post.id }`: the route's parameter is the entry's id (`slug` before Astro 5),
# not one that code of the site computes (`getPath(post.id, post.filePath)`).
_ASTRO_PARAM_IS_ID = lazy(r"\bparams\s*:\s*\{\s*\w+\s*:\s*\w+\.(?:id|slug)\s*,?\s*\}")
_MOST_ASTRO_ROUTE_FOLDERS = 200
_LONGEST_COLLECTIONS = 20_000  # characters of `export const collections = {…}` read


def _astro_parts(folder: str, settings: dict) -> dict:
    """Astro: the pages of `src/pages/` (served by their paths, `_` names left out), the entries
    of the content collections that `src/content.config.ts` (or the older `src/content/config.ts`)
    loads from their `base` folders (or `src/content/<name>/`), served where a dynamic route
    of `src/pages/` that reads the collection puts them (`blog/[...slug].astro`: /blog/<id>/),
    Starlight's docs (`src/content/docs/`, by their paths); `public/` served at the site's root;
    remark with GFM, which links bare URLs. Everything else is the repository's."""
    text = _without_js_comments(str(settings.get("_text", "")))
    options = {match.group(1): _normal(match.group(3)) for match in _ASTRO_OPTION.finditer(text)}
    source = options.get("srcDir", "src")
    public = options.get("publicDir", "public")
    pages = f"{source}/pages"
    config = _astro_content_config(folder, source)
    collections = _astro_collections(config, source)
    if "@astrojs/starlight" in text and "docs" not in collections:
        collections["docs"] = f"{source}/content/docs"
    routes = _astro_collection_routes(folder, pages)
    sources = [("pages", pages, "")]
    for name, base in collections.items():
        if name == "docs" and "@astrojs/starlight" in text:
            sources.append(("docs", base, ""))  # Starlight serves its docs by their paths
        elif name in routes:
            sources.append(("collection", base, routes[name]))
        else:
            sources.append(("unrouted", base, ""))  # entries shown by pages whose routes are not read
    usable = [(kind, path, route) for kind, path, route in sources if path not in ("", ".") and ".." not in path.split("/")]
    return {
        "content": tuple(dict.fromkeys(path for _, path, _ in usable)),
        "doc_sources": tuple(usable),
        "front_matter_transformed": tuple(dict.fromkeys(_ZOD_TRANSFORMED.findall(config))),
        "static": (public,),
        "autolinks": True,  # remark-gfm
        "untitled_folders": _astro_untitled_folders(config, source),
        "declared_keys": _astro_declared_keys(config, source),
        # Starlight leaves `draft: true` pages out of a production build; elsewhere the site's
        # code does, where it filters its collections on the key (`({ data }) => !data.draft`).
        "drafts_unbuilt": "@astrojs/starlight" in text or _reads_draft_key(folder, source),
        "front_matter_computed": _remark_writes_front_matter(folder, text),
    }


def _remark_writes_front_matter(folder: str, text: str) -> bool:
    """Whether a remark or rehype plugin of the configuration (written there, or in a script
    it imports) sets the pages' front matter (`file.data.astro.frontmatter.date = …`): the
    build gives each page what its file leaves out."""
    if "remarkPlugins" not in text and "rehypePlugins" not in text:
        return False
    return any(_FRONT_MATTER_SET.search(script) for script in _with_imported_scripts(folder, text, depth=1))


# `frontmatter.layout = "…"`, `frontmatter["date"] ??= …`: a plugin writing a page's front matter.
_FRONT_MATTER_SET = lazy(r"""\bfrontmatter(?:\.\w+|\[["'`]\w+["'`]\])\s*(?:\?\?|\|\||&&)?=(?!=)""")


_DRAFT_KEY_READ = lazy(r"\bdata\.draft\b")
_CODE_FILES_READ = 500
_CODE_SUFFIXES = (".ts", ".tsx", ".js", ".mjs", ".jsx", ".astro", ".vue", ".svelte")


def _reads_draft_key(folder: str, source: str) -> bool:
    """Whether the site's code (the first _CODE_FILES_READ files under `source`, its content
    left aside) reads an entry's `draft` key: the filter that keeps drafts out of its pages."""
    read = 0
    for directory, subfolders, names in os.walk(os.path.join(folder, source)):
        subfolders[:] = sorted(name for name in subfolders if name not in ("content", "node_modules") and not name.startswith("."))
        for name in sorted(names):
            if not name.endswith(_CODE_SUFFIXES):
                continue
            if _DRAFT_KEY_READ.search(read_small_file(os.path.join(directory, name))):
                return True
            read += 1
            if read >= _CODE_FILES_READ:
                return False
    return False


def _astro_collections(text: str, source: str) -> dict[str, str]:
    """Each content collection's name and folder, read from the content configuration's `text`:
    a loader's `base` (`glob({ base: './src/data/blog' })`, a template of a constant of the file
    read as the constant), or the collection's own folder of `src/content/` where none is given
    (Astro 2 to 4)."""
    bases = {name: base for name, base, _ in _astro_definitions(text, source) if base is not None}
    exported = _ASTRO_EXPORTED.search(text)
    if exported is None:
        return bases
    named: dict[str, str] = {}
    for entry in _object_entries(text[exported.end() : exported.end() + _LONGEST_COLLECTIONS])[0]:
        name, _, value = (part.strip().strip("'\"") for part in entry.partition(":"))
        value = value or name
        if value in bases:
            named[name] = bases[value]  # `blog: blogCollection`, or `blog` alone
        elif value.startswith("defineCollection") and name.isidentifier():
            inline = _ASTRO_BASE.search(entry)  # `docs: defineCollection({ loader: … })`, defined in place
            named[name] = _normal(inline.group(2).removeprefix("./")) if inline and "${" not in inline.group(2) else f"{source}/content/{name}"
    return named


def _astro_content_config(folder: str, source: str) -> str:
    text = next(filter(None, (read_small_file(os.path.join(folder, source, name)) for name in _ASTRO_CONTENT_CONFIGS)), "")
    return _without_js_comments(text)


def _astro_definitions(text: str, source: str) -> list[tuple[str, str | None, tuple[int, int]]]:
    """Each `const name = defineCollection(…)`: its name, its folder (None when a constant it
    names is not a string of the file) and the span of its definition."""
    constants = {match.group(1): match.group(3) for match in _JS_STRING_CONSTANT.finditer(text)}
    found: list[tuple[str, str | None, tuple[int, int]]] = []
    definitions = list(_ASTRO_COLLECTION.finditer(text))
    for index, definition in enumerate(definitions):
        end = definitions[index + 1].start() if index + 1 < len(definitions) else len(text)
        name, base = definition.group(1), _ASTRO_BASE.search(text, definition.end(), end)
        if base is None:
            found.append((name, f"{source}/content/{name}", (definition.end(), end)))
            continue
        written = re.sub(r"\$\{(\w+)\}", lambda match: constants.get(match.group(1), "\0"), base.group(2))
        usable = "\0" not in written and "${" not in written
        found.append((name, _normal(written.removeprefix("./")) if usable else None, (definition.end(), end)))
    return found


def _astro_untitled_folders(text: str, source: str) -> tuple[str, ...]:
    """The folders of the collections (of the content configuration's `text`) whose `schema:
    z.object({…})` declares no title or an optional one (`.optional()`, `.default(…)`,
    `.nullish()`): their entries build without one. A schema given by name, defined elsewhere,
    is not read."""
    found = []
    for _, base, (start, end) in _astro_definitions(text, source):
        schema = _ASTRO_SCHEMA.search(text, start, end)
        if base is None or schema is None:
            continue
        title = _ASTRO_TITLE_FIELD.search(text, schema.end() - 1, end)  # from the object's `{`
        if title is None or _ZOD_OPTIONAL.search(title.group(1)):
            found.append(base)
    return tuple(found)


def _astro_declared_keys(text: str, source: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(folder, keys) of each collection whose `schema:` is a `z.object({…})` written in place
    and closed in the file, whose unknown keys zod strips: not one that lets them through
    (`.passthrough()`, `.catchall(…)`, `.loose()`, `z.looseObject`), nor one extended or merged."""
    found = []
    text = _without_js_comments(text)  # `// the post's title`: no quote that opens a string
    for _, base, (start, end) in _astro_definitions(text, source):
        schema = _ASTRO_SCHEMA.search(text, start, end)
        if base is None or schema is None:
            continue
        entries, close = _object_entries(text[schema.end() : end])
        if close is None or _ZOD_KEEPS_UNKNOWN.match(text, schema.end() + close + 1):
            continue
        keys = [_OBJECT_KEY.match(entry) for entry in entries]
        if keys and all(keys):  # not a spread (`...base.shape`) or a computed key: every key is written
            found.append((base, tuple(key.group(1) or key.group(2) for key in keys if key)))
    return tuple(found)


# After an object's `}`: `)` then a method that keeps or adds keys.
_ZOD_KEEPS_UNKNOWN = lazy(r"\s*\)\s*\.\s*(?:passthrough|catchall|loose|extend|merge|and)\b")
_OBJECT_KEY = lazy(r"""\s*(?:['"]([^'"\n]+)['"]|([A-Za-z_$][\w$]*))\s*:""")


def _code_characters(text: str) -> Iterator[tuple[int, str, int]]:
    """(offset, character, brackets open before it) of each character of a JavaScript text
    that is outside its string literals (an escaped quote does not end one)."""
    depth, index, quote = 0, 0, ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"`":
            quote = char
        else:
            yield index, char, depth
            if char in "{([":
                depth += 1
            elif char in "})]":
                depth -= 1
        index += 1


# `schema: z.object({`, `schema: ({ image }) => z.object({`: the entries' fields follow.
_ASTRO_SCHEMA = lazy(r"\bschema\s*:\s*(?:\([^()]*\)\s*=>\s*)?z\.object\(\s*\{")
# The field's expression up to a comma: `title: z.string().optional(),` (a comma inside its
# parentheses cuts it short, which reads it as required).
_ASTRO_TITLE_FIELD = lazy(r"(?:^|[{,])\s*['\"]?title['\"]?\s*:([^,\n]*)", re.M)
_ZOD_OPTIONAL = lazy(r"\.(?:optional|default|nullish|catch)\(")
# A field whose written value the site's code maps before validating or after:
# `updated: z.preprocess(v => v === '' ? undefined : v, z.date().optional())`, `….transform(…)`.
_ZOD_TRANSFORMED = lazy(r"(?:^|[{,])\s*['\"]?(\w+)['\"]?\s*:\s*(?:z\.preprocess\(|[^,\n]*\.transform\()", re.M)


def _astro_collection_routes(folder: str, pages: str) -> dict[str, str]:
    """The route under which a dynamic page of `src/pages/` serves each collection it reads:
    `src/pages/blog/[...slug].astro` calling `getCollection('blog')` with `params: { slug:
    post.id }` serves it at /blog/<id>/."""
    routes: dict[str, str] = {}
    top = os.path.join(folder, pages)
    seen = 0
    for directory, subfolders, files in os.walk(top):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(("_", ".", "[")))
        seen += 1
        if seen > _MOST_ASTRO_ROUTE_FOLDERS:
            break
        for name in (name for name in _ASTRO_ROUTE_FILES if name in files):
            route = os.path.relpath(directory, top).replace(os.sep, "/").strip(".")
            code = read_small_file(os.path.join(directory, name))
            if not _ASTRO_PARAM_IS_ID.search(code):
                continue  # the address is the site's own code's to compute
            for read in _ASTRO_COLLECTION_READ.finditer(code):
                routes.setdefault(read.group(1), route.strip("/"))
    return routes


def _mdbook_parts(folder: str, settings: dict) -> dict:
    """mdBook: the chapters in `src/` (`[book] src`), which is copied whole beside them (its
    pictures are served where they lie); pulldown-cmark, which links no bare URL."""
    source = _normal(_text(_table(settings.get("book")).get("src"), "src"))
    return {"content": (source,), "static": (source,)}


def _in_content(site: Site, parts: list[str]) -> bool:
    path = "/".join(parts)
    return any(folder == "." or within(path, folder) for folder in site.content)


_WRITERSIDE_FOLDER = lazy(r"""<(topics|images)\b[^>]*?\bdir\s*=\s*["']([^"'<>]+)["']""")


def _writerside_parts(folder: str, settings: dict) -> dict:
    """Writerside: the topics in `<topics dir="topics"/>`, the pictures in `<images dir=…/>`;
    a link names a topic by its file name (`[x](file.md)`) and an image by its own
    (`![x](shot.png)`), wherever in those folders they lie; `%name%` is a variable."""
    text = str(settings.get("_text", ""))
    topics = [_normal(path) for kind, path in _WRITERSIDE_FOLDER.findall(text) if kind == "topics"] or ["topics"]
    images = [_normal(path) for kind, path in _WRITERSIDE_FOLDER.findall(text) if kind == "images"] or ["images"]
    usable = [path for path in (*topics, *images) if path not in (".", "") and ".." not in path.split("/")]
    return {
        "content": tuple(path for path in topics if path in usable) or (".",),
        "static": tuple(path for path in images if path in usable),
        "by_name_folders": tuple(dict.fromkeys(usable)),
    }


# GitBook's own files beside the chapters: the table of contents, the glossary, the languages.
_GITBOOK_PARTS = frozenset({"summary", "glossary", "langs"})


def _under_book_root(site: Site, parts: list[str]) -> list[str]:
    """A file's path parts below the book's root (`book.json`'s `root`)."""
    root = [part for part in site.content[0].split("/") if part not in ("", ".")] if site.content else []
    return parts[len(root) :] if parts[: len(root)] == root else parts


def _gitbook_parts(folder: str, settings: dict) -> dict:
    """GitBook 1 to 3 (`book.json`): the chapters in `root` (the book's folder unless
    `book.json` names another), every other file there copied as it is; chapters built only
    where `SUMMARY.md` lists them (each language's, for a book in several languages:
    `LANGS.md`); rendered by kramed, marked 0.3's fork: `**` pairs in order whatever stands
    beside it, `##Title` is a heading, a destination runs to its `)` spaces and all, and bare
    URLs are linked (GFM). A GitBook space synced with the repository (`.gitbook.yaml`, its
    `root`) likewise publishes what its `SUMMARY.md` lists; its pages are exports of GitBook's
    editor, which writes a literal mark escaped (`\\*`, `\\|`): a `**` pairs with the next, and
    a `|` in a table's code is the cell's."""
    root = _normal(_text(settings.get("root"), "."))
    prefix = "" if root == "." else f"{root}/"
    languages = _gitbook_languages(os.path.join(folder, root))
    command_line = os.path.isfile(os.path.join(folder, "book.json")) or _gitbook_file(folder, _names_in(folder)) is not None
    parts: dict[str, Any] = {
        "content": (root,),
        "static": (root,),
        "autolinks": command_line,
        "spaced_strong": True,
        "marked_before_1": True,
        "unspaced_headings": command_line,
        "not_content": ("_book", "node_modules", ".gitbook"),
        # the command line writes `a/b.md` as `a/b.html`; a synced space routes pages its own way
        "url_settings": (("gitbook", "command-line" if command_line else "space"), *_gitbook_structure(settings)),
    }
    if languages:
        parts["languages"] = tuple(code for _, code in languages)
        parts["language_folders"] = tuple((prefix + path, code) for path, code in languages)
    return parts


def _gitbook_structure(settings: dict) -> tuple[tuple[str, str], ...]:
    """A synced space's `.gitbook.yaml` `structure`: its summary's and landing page's files
    (relative to the root), where it names them otherwise than SUMMARY.md and README.md."""
    structure = settings.get("structure")
    if not isinstance(structure, dict):
        return ()
    found = []
    for key, default in (("summary", "SUMMARY.md"), ("readme", "README.md")):
        value = structure.get(key)
        if isinstance(value, str) and _normal(value) not in ("", ".", default) and ".." not in _normal(value).split("/"):
            found.append((f"gitbook-{key}", _normal(value)))
    return tuple(found)


def _names_in(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _gitbook_languages(book: str) -> list[tuple[str, str]]:
    """(folder, language code) of each language `LANGS.md` lists (`* [English](en/)`)."""
    text = read_small_file(os.path.join(book, "LANGS.md"))
    found = []
    for target in _SUMMARY_LINK.findall(text):
        folder = _normal(unquote(target.strip("<>")).strip("/"))
        if folder and folder != "." and ".." not in folder.split("/") and os.path.isdir(os.path.join(book, folder)):
            found.append((folder, folder.rsplit("/", 1)[-1].lower()))
    return found


def _docsify_parts(folder: str, settings: dict) -> dict:
    """docsify, which renders the pages in the browser with marked: the folder of its
    `index.html` is the site's root, `README.md` a folder's page, `_sidebar.md` and the like its
    navigation; a link's path is read from that root (unless `relativePath: true`) with its
    `.md` optional; bare URLs are linked (marked's GFM)."""
    relative = _DOCSIFY_RELATIVE.search(str(settings.get("_text", ""))) is not None
    return {"content": (".",), "static": (".",), "autolinks": True, "url_settings": (("relativePath", str(relative).lower()),)}


_DOCSIFY_RELATIVE = lazy(r"\brelativePath\s*:\s*true\b")


def _logseq_parts(folder: str, settings: dict) -> dict:
    """A Logseq graph, published by Logseq itself: its pages and journals, titled by their file
    names (`Whiteboard___Object.md` is "Whiteboard/Object"), properties written `key:: value`,
    no front matter; `[[Page]]` links, and any bare URL linked."""
    return {"content": ("pages", "journals"), "static": (".",), "titles_from_file_names": True, "autolinks": True}


# `root: path.join(__dirname, 'docs')`, `root: 'src'`: the folder of the pages.
_RSPRESS_ROOT = lazy(r"""\broot\s*:\s*(?:path\.(?:join|resolve)\(\s*(?:__dirname|import\.meta\.dirname|import\.meta\.dir)\s*,\s*)?['"](?:\./)?([^'"\n]+)['"]""")
_RSPRESS_LANG = lazy(r"""\blang\s*:\s*['"]([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)['"]""")
_RSPRESS_DEFAULT_LANG = lazy(r"""^\s{0,4}lang\s*:\s*['"]([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)['"]""", re.M)


_VITEPRESS_LOCALES = lazy(r"\blocales\s*:\s*\{")
_LOCALE_KEY = lazy(r"""\s*(?:([A-Za-z_$][\w$-]*)|'([^'\n]{1,40})'|"([^"\n]{1,40})")\s*(?::|,|$)""")
_LOCALE_LANG = lazy(r"""\blang\s*:\s*['"]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)['"]""")
_MOST_LOCALES_TEXT = 20_000


def _vitepress_locales(text: str, folder: str, prefix: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]] | None:
    """The site's languages and their folders from VitePress' `locales` (VuePress' too, keyed by
    path: `'/zh/'`; `root`, or `'/'`, has no folder:
    the default language, its `lang` or English; `zh: { lang: 'zh-CN' }` is the `zh/` folder),
    when two or more are named; a locale whose folder is not there (a link to another site's
    translation) is left out. None when the configuration names none."""
    found = _VITEPRESS_LOCALES.search(text)
    if found is None:
        return None
    entries, _ = _object_entries(text[found.end() : found.end() + _MOST_LOCALES_TEXT])
    default, folders = "en-us", []
    for entry in entries:
        key = _LOCALE_KEY.match(entry)
        if key is None:
            continue
        name = next(group for group in key.groups() if group).strip("/") or "root"  # VuePress: `'/zh/'`, `'/'`
        lang = _LOCALE_LANG.search(entry)
        language = (lang.group(1) if lang else name).lower().replace("_", "-")
        if name == "root":
            default = language if lang else default
        elif os.path.isdir(os.path.join(folder, prefix, name)):
            folders.append((f"{prefix}{name}".strip("/"), language))
    if not folders:
        return None
    return (default, *dict.fromkeys(language for _, language in folders)), tuple(folders)


def _object_entries(text: str) -> tuple[list[str], int | None]:
    """The entries of a JavaScript object literal whose `{` came just before `text`, split at
    its top-level commas (strings skipped over), and the offset of the `}` that ends it; None
    when nothing ends it in `text`, or a `)` or `]` does."""
    entries: list[str] = []
    start = 0
    for index, char, depth in _code_characters(text):
        if depth == 0 and char in "}])":
            entries.append(text[start:index])
            return [entry for entry in entries if entry.strip()], (index if char == "}" else None)
        if depth == 0 and char == ",":
            entries.append(text[start:index])
            start = index + 1
    return [entry for entry in entries if entry.strip()], None


_MOST_PAGE_GLOBS = 50
_MOST_DEEP_WILDCARDS = 2
_LONGEST_PAGE_GLOB = 300


def _page_globs_left_out(text: str, key: str, prefix: str, negated: bool = False) -> tuple[str, ...]:
    """The globs of pages a JavaScript configuration leaves out of the build, relative to the
    site's root (`prefix`: the pages' folder in it): VitePress's `srcExclude: ['drafts/**']`,
    or, with `negated`, the `!` entries of VuePress's `pagePatterns` (`'!**/Master/**/*.md'`).
    Globs with a `/` are read from the pages' folder; a plain name matches anywhere."""
    from artlint.jsobject import array_at  # imported here: only these sites need it

    found = re.search(rf"\b{key}\s*:\s*(?=\[)", text)
    if found is None:
        return ()
    globs = []
    for item in array_at(text, found.end())[:_MOST_PAGE_GLOBS]:
        if not isinstance(item, str) or (negated and not item.startswith("!")):
            continue
        pattern = item[1:] if negated else item
        pattern = pattern.strip().removeprefix("./")
        if _safe_page_glob(pattern):
            globs.append(prefix + pattern if "/" in pattern else pattern)
    return tuple(globs)


def _safe_page_glob(pattern: str) -> bool:
    """Whether a page glob of a checkout's configuration is read: not empty, not negated, not
    leaving the folder, and not one whose matching could take minutes (`**/a/**/b/**/…`)."""
    if pattern.count("**") > _MOST_DEEP_WILDCARDS or len(pattern) > _LONGEST_PAGE_GLOB:
        return False
    return bool(pattern) and not pattern.startswith("!") and ".." not in pattern.split("/")


# vuepress-theme-hope's `markdown: { gfm: true }` turns on markdown-it's linkify (and breaks),
# as `linkify: true` does in VuePress's own or the theme's markdown options.
_VUEPRESS_LINKIFY = lazy(r"\blinkify\s*:\s*(true|false)\b")
_VUEPRESS_GFM = lazy(r"\bgfm\s*:\s*true\b")
# A slug function the configuration defines for markdown's heading ids (`slugify (str) {…}`,
# `slugify: (s) => …`, `anchor: { slugify: mySlug }`): the ids are what the site's code makes.
_OWN_SLUGIFY = lazy(r"(?<![\w.$])slugify\s*(?::\s*(?!['\"`])|\([^()\n]*\)\s*(?:\{|=>))")
# vuepress-theme-vdoing, by its short name, its package or a local copy (`require.resolve('../theme-vdoing')`)
_VDOING_THEME = lazy(r"""\btheme\s*:\s*[^,\n]{0,80}vdoing""")
# A JavaScript string, or a comment (which may mention an option it does not set). Strings are
# matched first, so that a glob in one (`'_11ty/*.js'`) opens no comment.
_JS_STRING_OR_COMMENT = lazy(r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|/\*.*?\*/|//[^\n]*""", re.S)


def _without_js_comments(text: str) -> str:
    """JavaScript source without its comments, its strings kept."""
    if "/" not in text:
        return text
    return _JS_STRING_OR_COMMENT.sub(lambda match: match.group(1) or "", text)


def _vuepress_parts(folder: str, settings: dict) -> dict:
    # VuePress 2's markdown-it leaves linkify off unless the configuration or the theme's
    # options (`.vuepress/theme.ts`, where vuepress-theme-hope sites keep them) turn it on.
    texts = [str(settings.get("_text", ""))]
    texts += [read_small_file(os.path.join(folder, ".vuepress", f"theme.{suffix}")) for suffix in ("ts", "js", "mts", "mjs")]
    texts = [_without_js_comments(text) for text in texts]
    said = [found.group(1) for text in texts for found in _VUEPRESS_LINKIFY.finditer(text)]
    linkify = "true" in said or (not said and any(_VUEPRESS_GFM.search(text) for text in texts))
    parts: dict[str, Any] = {
        "content": (".",),
        "static": (".vuepress/public",),
        "language_folders": _language_folders(folder, ("",)),
        "autolinks": linkify,
        "drops_empty_terms": _VDOING_THEME.search(texts[0]) is not None,
        "plugin_ids": any(_OWN_SLUGIFY.search(text) for text in texts),
        "excluded_pages": _page_globs_left_out(texts[0], "pagePatterns", "", negated=True),
    }
    locales = _vitepress_locales(texts[0], folder, "")  # `locales: { '/': {...}, '/zh/': { lang: 'zh-CN' } }`
    if locales is not None:
        parts["languages"], parts["language_folders"] = locales
    return parts


# Names of wiki-link plugins and of the note apps whose vaults are published with one.
_WIKI_LINK_PLUGIN = lazy(r"wiki[-_ ]?links?|wikiref|roamlinks|ezlinks|obsidian|bidirectional|backlinks|foam|dendron|quartz|interlinker", re.I)


# vitepress-plugin-llms, docusaurus-plugin-llms, mkdocs-llmstxt, hugo-llms…: each writes these.
_LLMS_TXT_PLUGIN = lazy(r"llms[-_]?txt|plugin-llms|llms-plugin", re.I)
_LLMS_TXT_FILES = ("llms.txt", "llms-full.txt")


def _writes_llms_txt(folder: str, config_file: str) -> bool:
    """Whether a plugin named in the configuration or the package writes `/llms.txt` and
    `/llms-full.txt`, the site's pages for language models."""
    texts = [read_small_file(config_file)] + [read_small_file(os.path.join(folder, name)) for name in ("package.json", "requirements.txt", "go.mod")]
    return any(_LLMS_TXT_PLUGIN.search(text) for text in texts)


def _embeds_media(folder: str, config_file: str) -> bool:
    """Whether the build turns an image of a video or a sound into a player (`Site.media_embeds`):
    jekyll-spaceship named in the configuration, the Gemfile or a theme's gemspec."""
    texts = [read_small_file(config_file), read_small_file(os.path.join(folder, "Gemfile"))]
    try:
        texts += [read_small_file(os.path.join(folder, name)) for name in os.listdir(folder) if name.endswith(".gemspec")][:3]
    except OSError:
        pass
    return any("jekyll-spaceship" in text for text in texts)


def _site_and_repository(folder: str) -> list[str]:
    """The site's folder and, when it lies below it, the top of its repository: where the
    packages a build installs are listed."""
    top = repository_top(folder, 4)
    return [folder, top] if top is not None and top != folder else [folder]


def _url_embed_hosts(text: str) -> tuple[str, ...]:
    """The hosts whose bare addresses the site's embed plugins, named in `text` (its
    package.json and its repository's), turn into players (`Site.url_embed_hosts`)."""
    if "embed" not in text:
        return ()
    plugins = data.load("sites")["url-embed-plugins"]
    return tuple(sorted({host for name, hosts in plugins.items() if f'"{name}"' in text for host in hosts}))


# `parcel build 'src/images/*'` in a package.json script: Parcel writes the files of a glob's
# folder at the top of its output (the entries' common folder is the root), which the site serves.
_PARCEL_GLOB = lazy(
    r"""\bparcel\b(?:[ \t]+(?:build|watch|serve))?(?:[ \t]+--?[\w-]+)*[ \t]+['"\\]*([\w.-]+(?:/[\w.-]+)*)/\*(?:\.[\w{},]+)?['"\\]*(?=[ \t]|",|"$)""",
    re.M,
)


def _bundled_to_root(package: str) -> tuple[str, ...]:
    """The folders whose files a bundler named in the site's package.json scripts writes at the
    site's root (`parcel build 'src/images/*'`: `/photo.jpg` is `src/images/photo.jpg`)."""
    if "parcel" not in package:
        return ()
    found = (_normal(match.group(1)) for match in _PARCEL_GLOB.finditer(package))
    return tuple(dict.fromkeys(path for path in found if path and path != "." and not path.startswith("..")))


_CJK_FRIENDLY = "cjk-friendly"
# Where a site's packages are named: its manifest, and the lockfiles that list what its plugins
# depend on (VuePress's plugin-markdown-ext installs markdown-it-cjk-friendly for its sites).
_PACKAGE_LISTS = ("package.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock")


def _cjk_friendly_emphasis(folder: str, config_file: str) -> bool:
    """Whether the site's configuration, its package.json or a lockfile (in its folder, or at
    the top of its repository) names a CJK-friendly emphasis package (`Site.cjk_friendly`)."""
    paths = [config_file, *(os.path.join(place, name) for place in _site_and_repository(folder) for name in _PACKAGE_LISTS)]
    return any(_CJK_FRIENDLY in read_small_file(path) for path in paths)


def _builds_wiki_links(folder: str, config_file: str) -> bool:
    """Whether the build may turn `[[Page name]]` into links (`Site.wiki_links`)."""
    if os.path.isdir(os.path.join(folder, ".obsidian")):
        return True
    texts = [read_small_file(config_file)]
    texts += [read_small_file(os.path.join(folder, name)) for name in ("package.json", "Gemfile", "requirements.txt")]
    plugins = os.path.join(folder, "_plugins")
    if os.path.isdir(plugins):
        texts.append(" ".join(os.listdir(plugins)))
    return any(_WIKI_LINK_PLUGIN.search(text) for text in texts)


# Eleventy's configuration is a program; these read the settings written as literals in it.
_ELEVENTY_DIRS = lazy(r"\bdir\s*:\s*\{([^{}]*)\}")
_ELEVENTY_DIR = lazy(r"""\b(input|includes|data|output|layouts)\s*:\s*["'`]([^"'`\n]+)["'`]""")
_ELEVENTY_INPUT_KEY = lazy(r"\binput\s*:")
_ELEVENTY_SRC_COPY = lazy(r"""addPassthroughCopy\(\s*["'`](?:\./)?src/""")
_ELEVENTY_LINKIFY = lazy(r"\blinkify\s*:\s*true\b")
_ELEVENTY_COPY_MAP = lazy(r"addPassthroughCopy\(\s*\{([^{}]*)\}")
# `"assets/img": "img"`, and a key JavaScript lets go unquoted: `{ public: "/" }`.
_ELEVENTY_COPY_PAIR = lazy(r"""(?:["'`]([^"'`\n*]+)["'`]|(?<![\w$.])([A-Za-z_$][\w$]*))\s*:\s*["'`]([^"'`\n*]*)["'`]""")


# `setLibrary("md", require("./lib/helpers/markdown"))`, or a markdown-it instance imported
# from a file of the project: where the library's options are written.
_ELEVENTY_LIBRARY = lazy(r"""setLibrary\(\s*["'`]md["'`]\s*,\s*(?:require\(\s*["'`](\.{1,2}/[^"'`\n]+)["'`]|(\w+)(?:\.(\w+))?)""")
_JS_IMPORT = lazy(r"""(?:import\s+(\w+|\{[^{}]{0,300}\})\s+from|(?:const|let|var)\s+(\w+|\{[^{}]{0,300}\})\s*=\s*require\()\s*["'`](\.{1,2}/[^"'`\n]+)["'`]""")
_IMPORTED_NAME = lazy(r"(\w+)(?:\s*(?:\bas\b|:)\s*(\w+))?")  # `{ markdown }`, `{ md as markdown }`, `{ md: markdown }`


def _imported_from(text: str) -> dict[str, str]:
    """{local name: the project file it comes from} of a configuration's imports and requires
    (`import markdown from './md.js'`, `import { markdown } from './lib/plugins/markdown.ts'`,
    `const { configureMarkdown } = require("./utils/markdown")`)."""
    imports = {}
    for imported, required, source in _JS_IMPORT.findall(text):
        names = imported or required
        if names.startswith("{"):  # `import { a } from`, `const { a } = require(`
            for name in _IMPORTED_NAME.finditer(names[1:-1]):
                imports[name.group(2) or name.group(1)] = source
        else:
            imports[names] = source
    return imports


def _linkify_in_library(folder: str, text: str) -> bool:
    """Whether the markdown library the configuration gives Eleventy, written in another file
    of the project (`setLibrary("md", require("./lib/helpers/markdown"))`, or a helper the
    configuration imports that calls setLibrary itself, or a member of a module that imports it
    from a file of its own: `setLibrary("md", plugins.markdownLib)`), turns `linkify` on."""
    found = _ELEVENTY_LIBRARY.search(text)
    if found is None:
        for source in _imported_from(text).values():
            helper = _project_script(folder, source)
            if helper is not None and _SETS_MD_LIBRARY.search(helper):
                return _ELEVENTY_LINKIFY.search(helper) is not None
        return False
    path = found.group(1)
    if path is None:  # a name: the file it was imported from
        path = _imported_from(text).get(found.group(2))
    library = _project_script(folder, path) if path is not None else None
    if library is not None and path is not None and found.group(3) and not _ELEVENTY_LINKIFY.search(library):
        # `setLibrary("md", plugins.markdownLib)`: a module of plugins that imports the library in turn
        again = _imported_from(library).get(found.group(3))
        library = _project_script(folder, posixpath.join(posixpath.dirname(path), again)) if again else None
    return library is not None and _ELEVENTY_LINKIFY.search(library) is not None


def _anchor_slugify(folder: str, text: str) -> bool:
    """Whether the configuration, or a script it imports (and those that one imports), hands
    markdown-it-anchor a `slugify` option: a function artlint does not run."""
    return any(_MARKDOWN_IT_ANCHOR.search(script) and _SLUGIFY_OPTION.search(script) for script in _with_imported_scripts(folder, text, depth=2))


def _with_imported_scripts(folder: str, text: str, depth: int):
    """A configuration's text, then the project's scripts it imports (`./lib/markdown.js`),
    those that they import, and so on `depth` times; twenty at most at each depth."""
    scripts = [("", text)]
    for level in range(depth + 1):
        yield from (script for _, script in scripts)
        if level == depth:
            return
        scripts = [
            (path, read)
            for base, script in scripts
            for source in _imported_from(script).values()
            if source.startswith(".")
            for path in (posixpath.normpath(posixpath.join(posixpath.dirname(base), source)),)
            if (read := _project_script(folder, path)) is not None
        ][:20]


_MARKDOWN_IT_ANCHOR = lazy(r"markdown-it-anchor|markdownItAnchor", re.I)
_SLUGIFY_OPTION = lazy(r"\bslugify\s*:")
_SETS_MD_LIBRARY = lazy(r"""\bsetLibrary\(\s*["'`]md["'`]""")


def _project_script(folder: str, path: str) -> str | None:
    """The text, without comments, of the project's script that `path` (`./lib/markdown`,
    as require and import name it) names; None outside the project or when there is none."""
    written = os.path.normpath(os.path.join(folder, path))
    if os.path.relpath(written, folder).startswith(".."):
        return None  # never read a file outside the project
    for candidate in (written, *(written + suffix for suffix in (".js", ".cjs", ".mjs", ".ts")), os.path.join(written, "index.js")):
        if os.path.isfile(candidate):
            return _without_js_comments(read_small_file(candidate))
    return None


def _eleventy_parts(folder: str, settings: dict) -> dict:
    """Eleventy: pages are every markdown file under `dir.input` (the project, by default) but
    the includes, data and output folders, what `.eleventyignore` names (the project's, and the
    input folder's), and the folders whose directory data file sets `permalink: false`; a page's URL is its
    path (`permalink` may say another); markdown-it links bare URLs only with `linkify: true`;
    `addPassthroughCopy({"assets/img": "img"})` serves a folder at another path, `{ public: "/" }`
    at the root."""
    text = _without_js_comments(str(settings.get("_text", "")))
    blocks = _ELEVENTY_DIRS.findall(text)
    dirs = {name: _normal(value) for block in blocks for name, value in _ELEVENTY_DIR.findall(block)}
    if "input" not in dirs and any(_ELEVENTY_INPUT_KEY.search(block) for block in blocks) and os.path.isdir(os.path.join(folder, "src")):
        dirs["input"] = "src"  # `input: config.dir.src`, a value the program computes: the usual folder, where there is one
    if "input" not in dirs and _ELEVENTY_SRC_COPY.search(text) and os.path.isdir(os.path.join(folder, "src")):
        # `addPassthroughCopy("src/favicon.ico")`, the folders set elsewhere (a theme package's
        # config spread into this one): files copied from `src/` are the input folder's.
        dirs["input"] = "src"
    source = dirs.get("input", ".")

    def inside(name: str) -> str:  # the includes, data and layouts folders are read from the input folder
        return name if source == "." else f"{source}/{name}"

    not_content = [inside(dirs.get("includes", "_includes")), inside(dirs.get("data", "_data")), dirs.get("output", "_site")]
    if "layouts" in dirs:
        not_content.append(inside(dirs["layouts"]))
    not_content += _eleventy_ignored(folder)
    if source != ".":  # the input folder's own `.eleventyignore`, its paths read from there
        not_content += [f"{source}/{path}" for path in _eleventy_ignored(os.path.join(folder, source))]
    not_content += _eleventy_unwritten(folder, source)
    package = read_small_file(os.path.join(folder, "package.json"))
    copies = [
        (_normal(quoted or bare), _normal(target)) for block in _ELEVENTY_COPY_MAP.findall(text) for quoted, bare, target in _ELEVENTY_COPY_PAIR.findall(block)
    ]
    return {
        # `addPassthroughCopy({ public: "/" })`: the folder's files at the site's root
        "static": tuple(copied for copied, target in copies if target == "." and copied not in (".", "")),
        "content": (source,),
        "not_content": tuple(dict.fromkeys(path for path in not_content if path and path != ".")),
        "autolinks": _ELEVENTY_LINKIFY.search(text) is not None or _linkify_in_library(folder, text),
        "content_prefixes": tuple((copied, target) for copied, target in copies if copied != "." and target != "."),
        "template_folders": tuple(dict.fromkeys(inside(dirs.get(key, default)) for key, default in (("includes", "_includes"), ("layouts", "_layouts")))),
        "encoded_heading_ids": "markdown-it-anchor" in package,
        "custom_heading_ids": "markdown-it-anchor" in package and _anchor_slugify(folder, text),
        "image_title_captions": "markdown-it-image-figures" in package and _FIGCAPTION_ON.search(text) is not None,
        "language_folders": _language_folders(folder, (f"{source}/" if source != "." else "",)),
        "input_path_links": "InputPathToUrl" in text or "inputPathToUrl" in text,
        "data_extensions": _eleventy_data_extensions(text),
    }


_DATA_EXTENSION = lazy(r"""\baddDataExtension\(\s*["'`]([\w ,.-]{1,80})["'`]""")
_READ_DATA_EXTENSIONS = ("yml", "yaml")  # parsed as YAML, as the sites that add them do (js-yaml)


def _eleventy_data_extensions(text: str) -> tuple[str, ...]:
    """The YAML data file extensions an Eleventy configuration adds: `addDataExtension("yml,
    yaml", …)`, `addDataExtension('yml', contents => yaml.load(contents))`."""
    named = (part.strip().lstrip(".").lower() for written in _DATA_EXTENSION.findall(text) for part in written.split(","))
    return tuple(dict.fromkeys(name for name in named if name in _READ_DATA_EXTENSIONS))


_ROUTE_INDEX_DOCS = ("index.md", "index.mdx", "README.md", "README.mdx", "readme.md")
_ROOT_SLUG = lazy(r"^slug:[ \t]*['\"]?/['\"]?[ \t]*$", re.M)
_DOC_HEAD = 4096


def _root_slug_docs(folder: str) -> tuple[bool, tuple[tuple[str, str], ...]]:
    """(whether a doc under `folder` says `slug: /` in its front matter, within its first 4 KB;
    the folders and docs read with their stat signatures, up to the one that says it)."""
    read = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith((".", "_")) and name != "node_modules")
        read.append((directory, signature_of(directory)))
        for name in sorted(names):
            path = os.path.join(directory, name)
            if not name.endswith((".md", ".mdx")) or name.startswith("_") or os.path.islink(path):
                continue
            read.append((path, signature_of(path)))
            try:
                with open(path, "rb") as handle:
                    head = handle.read(_DOC_HEAD).decode("utf-8", errors="replace")
            except OSError:
                continue
            if head.startswith("---") and _ROOT_SLUG.search(head[3:].split("\n---", 1)[0]):
                return True, tuple(read)
    return False, tuple(read)


_ELEVENTY_JS_DATA = (".11tydata.js", ".11tydata.cjs", ".11tydata.mjs")
# Eleventy's template languages besides markdown (JavaScript templates set their URL in code).
_ELEVENTY_TEMPLATES = frozenset({"njk", "liquid", "html", "hbs", "mustache", "ejs", "haml", "pug", "webc"})


def _eleventy_paged_folder(matter: Mapping[str, Any]) -> str | None:
    """The folder a paginated template (its front matter `matter`) writes its pages into (`/tag/`
    of `pagination: {data: collections}` with `permalink: /tag/{{ tag | slug }}/`): one page per
    tag or per slice of its data, which only the build enumerates."""
    permalink = matter.get("permalink")
    if not matter.get("pagination") or not isinstance(permalink, str):
        return None
    written = _TEMPLATE_PART.split(permalink, maxsplit=1)[0]
    inner = written.strip().lstrip("/")  # `wisdom/tags/{{ tag }}/`: from the output folder's top, as `/wisdom/…`
    if written == permalink or "/" not in inner:
        return None
    path = "/" + inner
    return path[: path.rindex("/") + 1].rstrip("/")


def _first_page_at_folder(matter: Mapping[str, Any]) -> bool:
    """Whether a paginated template's first page is its folder's own (`/blog/{% if
    pagination.pageNumber > 0 %}{{ pagination.pageNumber }}/{% endif %}index.html` writes
    /blog/ first): its permalink's computed part opens with a tag, which may write nothing."""
    permalink = matter.get("permalink")
    if not isinstance(permalink, str):
        return False
    found = _TEMPLATE_PART.search(permalink)
    return found is not None and found.group() == "{%"


_TEMPLATE_PART = lazy(r"\{\{|\{%")


def _eleventy_template_url(matter: Mapping[str, Any], stem: str) -> str | None:
    """A template's URL (its front matter `matter`): its `permalink` when written out, else its
    path (`archive/index` at `/archive`); None for `permalink: false` or one a template computes."""
    permalink = matter.get("permalink")
    if isinstance(permalink, str):
        permalink = _LITERAL_URL_FILTER.sub(lambda found: found.group(2), permalink)  # `{{ '/feed/feed.json' | url }}`
    if permalink is False or (isinstance(permalink, str) and ("{{" in permalink or "{%" in permalink)):
        return None
    if isinstance(permalink, str) and permalink.strip():
        return "/" + permalink.strip().strip("/").removesuffix("index.html").rstrip("/")
    parts = stem.replace(os.sep, "/").split("/")
    if parts[-1] == "index":
        parts = parts[:-1]
    return "/" + "/".join(part for part in parts if part not in ("", "."))
# markdown-it-image-figures' option that makes an image's title its `<figcaption>`.
_FIGCAPTION_ON = lazy(r"""\bfigcaption\s*:\s*(?:true|["']title["'])""")


_TEMPLATE_EXPRESSION = lazy(r"\{\{-?\s*([^{}]*?)\s*-?\}\}")
# A written-out path passed through Eleventy's `url` filter, which only adds the path prefix:
# `{{ '/feed/feed.json' | url }}` is `/feed/feed.json`.
_LITERAL_URL_FILTER = lazy(r"""\{\{-?\s*(['"])([^'"{}]*)\1\s*\|\s*url\s*-?\}\}""")
_KNOWN_FILTERS = frozenset({"slugify", "slug"})


def _runs_site_code(permalink: str) -> bool:
    """Whether a permalink template needs what only the build has: a filter of the site's
    own (`{{ page | getBlogSlug }}`) or an object's property other than `page.fileSlug`
    (`{{ page.date | date }}`); artlint.pageurls fills the rest."""
    for expression in _TEMPLATE_EXPRESSION.findall(permalink):
        name, *filters = [part.strip() for part in expression.split("|")]
        if any(f.split("(")[0].strip() not in _KNOWN_FILTERS for f in filters):
            return True
        if "." in name and name != "page.fileSlug" or not name.replace(".", "").replace("_", "").isalnum():
            return True
    return False


def _cascade_into(merged: dict[str, Any], data: Mapping[str, Any]) -> None:
    """Eleventy's data cascade: a nearer data file's keys over the farther's, `eleventyComputed`
    merged key by key."""
    for key, value in data.items():
        if key == "eleventyComputed" and isinstance(value, dict):
            merged["eleventyComputed"] = {**merged.get("eleventyComputed", {}), **value}
        else:
            merged[key] = value


# A JavaScript data file whose export is an object literal: `export default {`, `module.exports = {`.
_JS_EXPORTED_OBJECT = lazy(r"(?:^|[;\n])[ \t]*(?:export\s+default|module\.exports\s*=)\s*(?=\{)")
# Keys of the data cascade that artlint reads: computed by a function, they are unknown.
_READ_DATA_KEYS = frozenset({"permalink", "title", "layout", "date", "tags", "lang", "locale", "eleventyExcludeFromCollections"})


@lru_cache(maxsize=256)
def _js_data_file(path: str, signature: str) -> dict | None:  # once per state of the file
    """The data of an Eleventy JavaScript data file that exports an object literal (`export
    default { lang: "de", permalink: "/de/blog/{{ title | slugify }}/" }`), read as data, never
    run; None when what it gives is code (a function, a value computed at the top level, a
    computed key artlint reads: `eleventyComputed: { permalink: (data) => … }`). Computed keys
    artlint does not read (`translationKey: (data) => …`) are left out."""
    from artlint.jsobject import object_at  # imported here: only Eleventy sites with such files need it

    text = _without_js_comments(read_small_file(path))
    found = list(_JS_EXPORTED_OBJECT.finditer(text))
    if len(found) != 1:
        return None
    data = object_at(text, found[0].end())
    if not data:
        return None
    computed = data.get("eleventyComputed")
    if isinstance(computed, dict):
        if any(value is None for key, value in computed.items() if key in _READ_DATA_KEYS):
            return None
        data["eleventyComputed"] = {key: value for key, value in computed.items() if value is not None}
    elif "eleventyComputed" in data:
        return None
    if any(value is None for key, value in data.items() if key != "eleventyComputed"):
        return None
    return data


@lru_cache(maxsize=256)
def _data_file(path: str, signature: str) -> dict:  # once per state of the file
    """A JSON or YAML data file's object (a YAML one where the site adds that data extension,
    as most that keep one do); {} for anything else (unreadable, not an object, too large)."""
    if path.endswith((".yml", ".yaml")):
        return _read_settings(path)
    try:
        value = json.loads(read_small_file(path) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _eleventy_ignored(folder: str) -> list[str]:
    """The files and folders `.eleventyignore` names by path (its glob patterns are not read)."""
    lines = (line.strip() for line in read_small_file(os.path.join(folder, ".eleventyignore")).splitlines())
    return [_normal(line) for line in lines if line and not line.startswith(("#", "!")) and "*" not in line]


# A directory data file that writes none of its folder's pages: `permalink: false`.
_NO_PERMALINK = lazy(r"""["']?permalink["']?\s*:\s*false\b""")
_MOST_DATA_FOLDERS = 200


def _eleventy_unwritten(folder: str, source: str) -> list[str]:
    """The folders at the top of the input folder whose directory data file
    (`collections/collections.11tydata.js` or `.json`) sets `permalink: false`: Eleventy
    writes none of their pages, which only feed collections."""
    found = []
    top = os.path.join(folder, source)
    for child in _child_folders(top)[:_MOST_DATA_FOLDERS]:
        name = os.path.basename(child)
        texts = (read_small_file(os.path.join(child, f"{name}.11tydata.{suffix}")) for suffix in ("js", "cjs", "mjs", "json"))
        if any(_NO_PERMALINK.search(_without_js_comments(text)) for text in texts if text):
            found.append(name if source == "." else f"{source}/{name}")
    return found


def _plain_parts(folder: str, settings: dict) -> dict:
    return {"language_folders": _language_folders(folder, ("",))}


_BUILDERS = {
    "eleventy": _eleventy_parts,
    "hugo": _hugo_parts,
    "zola": _zola_parts,
    "jekyll": _jekyll_parts,
    "hexo": _hexo_parts,
    "docusaurus": _docusaurus_parts,
    "mkdocs": _mkdocs_parts,
    "vitepress": _vitepress_parts,
    "vuepress": _vuepress_parts,
    "rspress": _rspress_parts,
    "nuxt": _nuxt_parts,
    "astro": _astro_parts,
    "mdbook": _mdbook_parts,
    "gitbook": _gitbook_parts,
    "writerside": _writerside_parts,
    "logseq": _logseq_parts,
    "docsify": _docsify_parts,
}


def _unread_translations(folder: str, content_dir: str, declared: set[str]) -> list[str]:
    """`content/en/` beside a top-level `contentDir = "content/zh-cn"` that no language names
    as its own: every language without a folder reads `content/zh-cn`, and nothing reads
    `content/en` (a theme's example pages kept in the repository)."""
    parent, _, name = content_dir.rpartition("/")
    if not parent or not is_language_code(name):
        return []
    return [path for path, _ in _language_folders(folder, (f"{parent}/",)) if path != content_dir and path not in declared]


def _language_folders(folder: str, prefixes: tuple[str, ...], every: bool = False) -> tuple[tuple[str, str], ...]:
    """Sub-folders named by language codes (`en/`, `zh-cn/`) under each prefix, when there
    are two or more of them there: one alone (`de/` about Germany) is no sign of translations.
    With `every`, all the sub-folders of a prefix under which language folders were found.
    A language folder writes its language in lower case (`zh-CN`, `pt_BR`): `CA/` and `OS/` are
    courses, not Catalan and Ossetian."""
    found: list[tuple[str, str]] = []
    for prefix in prefixes:
        try:
            entries = os.listdir(os.path.join(folder, prefix) if prefix else folder)
        except OSError:
            continue
        codes = [
            name
            for name in entries
            if (every or (is_language_code(name) and name[:2].islower())) and os.path.isdir(os.path.join(folder, prefix, name))
        ]
        if len(codes) >= 2:
            found += [(f"{prefix}{name}".strip("/"), name.lower().replace("_", "-")) for name in sorted(codes)]
    return tuple(found)


def _folder_languages(folder: str, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(language for _, language in _language_folders(folder, prefixes)))


def _table(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def _text(value: Any, default: str) -> str:
    return value if isinstance(value, str) and value.strip() else default


def _normal(path: str) -> str:
    return os.path.normpath(path.strip().strip("/") or ".").replace(os.sep, "/")


# --------------------------------------------------------------------------- reading configuration files


def _mkdocs_inherited(config_file: str, settings: dict, seen: frozenset[str] = frozenset()) -> dict:
    """MkDocs' `INHERIT: ../en/mkdocs.yml`: the parent's settings, this file's over them, merged
    deep as MkDocs merges them: a mapping's keys one by one (`plugins:` written as a mapping
    keeps the parent's plugins), a list or a value replaced whole. The parent may inherit in
    turn (`mkdocs.yml` → `mkdocs_ru.yml` → `mkdocs_common.yml`), up to `_MOST_INHERITED` files."""
    parent = _inherited_config(config_file)
    if parent is None or parent in seen or len(seen) >= _MOST_INHERITED:
        return settings
    inherited = _mkdocs_inherited(parent, _settings_of(parent), seen | {config_file})
    return _merged_deep(inherited, {key: value for key, value in settings.items() if key != "INHERIT"})


_MOST_INHERITED = 8


def _merged_deep(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        merged[key] = _merged_deep(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
    return merged


def _inherited_config(config_file: str) -> str | None:
    """The configuration an MkDocs configuration's `INHERIT` names, as a normal path; None when
    it names none, or one outside the configuration's folder's parent (not read)."""
    parent = _read_settings(config_file).get("INHERIT")
    if not isinstance(parent, str):
        return None
    path = os.path.normpath(os.path.join(os.path.dirname(config_file), parent))
    return path if within(path, os.path.dirname(os.path.dirname(config_file))) else None


def _settings_of(config_file: str) -> dict:
    """The generator's settings as data; `{}` when they cannot be read. A Hugo
    `config/_default/` folder is merged as Hugo does: `hugo.*`/`config.*` at the top, any
    other file under the key of its name (`languages.toml` → languages)."""
    if os.path.isdir(config_file):
        merged: dict = {}
        for path in _config_folder_files(config_file):
            stem = os.path.basename(path).rsplit(".", 1)[0]
            values = _read_settings(path)
            key, _, language = stem.partition(".")
            if stem in ("hugo", "config"):
                merged.update(values)
            elif values and not language:
                _merge_missing(merged, {key: values})  # `[module]` imports at the top, `module/module.yaml` mounts
            elif values and key in ("languages", "hugo", "config"):
                # languages.fr.toml, and hugo.fr.toml or config.fr.toml as Hugo reads them too:
                # the settings of one language
                table = merged.setdefault("languages", {})
                if isinstance(table, dict):
                    table.setdefault(language, values)
        return merged
    settings = _read_settings(config_file)
    if config_file.endswith(_SCRIPT_SUFFIXES):
        settings = {"_text": _script_config_text(config_file)}
    elif config_file.endswith((".html", ".cfg")):
        settings = {"_text": read_small_file(config_file)}  # searched as text, never run (docsify's `index.html`, Writerside's XML too)
    return settings


_SCRIPT_SUFFIXES = (".js", ".ts", ".mjs", ".cjs", ".mts", ".cts")
# `import shared from "./shared.mts"`, `require('./config/en')`: a module of the configuration
_RELATIVE_IMPORT = lazy(r"""(?:\bfrom|\bimport|\brequire\()\s*["'](\.{1,2}/[^"'\n]{1,200})["']""")
_MOST_CONFIG_MODULES = 8


def _script_config_text(config_file: str) -> str:
    """A script configuration's text, searched as text and never run, followed by the text of
    the configuration modules it imports (VitePress sites often keep `srcDir` and each language's
    settings in `.vitepress/config/shared.mts` beside an `index.mts` that spreads them in). A
    module counts when it lies in the generator's own folder (`.vitepress/`, `.vuepress/`) or is
    named for configuration under the file's folder (`./docusaurus.config.base.js`,
    `./config/presets.js`); a component, a plugin or a page imported by a root configuration is
    not read, nor anything outside."""
    text = read_small_file(config_file)
    folder = os.path.dirname(config_file)
    own_folder = next((path for path in (folder, os.path.dirname(folder)) if os.path.basename(path) in _GENERATOR_FOLDERS), None)
    texts, seen = [text], {os.path.normpath(config_file)}
    for name in _RELATIVE_IMPORT.findall(_without_js_comments(text)):
        module = _script_module(folder, name)
        if module is None or module in seen:
            continue
        if not (within(module, own_folder) if own_folder else within(module, folder) and "config" in relative_path(module, folder)):
            continue
        seen.add(module)
        texts.append(read_small_file(module))
        if len(seen) > _MOST_CONFIG_MODULES:
            break
    return "\n".join(texts)


_GENERATOR_FOLDERS = (".vitepress", ".vuepress")


def _script_module(folder: str, name: str) -> str | None:
    """The file an import of `name` from `folder` reads, with the suffixes Node and Vite try; None
    when there is none or it is a symbolic link."""
    base = os.path.normpath(os.path.join(folder, name))
    candidates = [base] if base.endswith(_SCRIPT_SUFFIXES) else [base + suffix for suffix in _SCRIPT_SUFFIXES]
    candidates += [os.path.join(base, "index" + suffix) for suffix in _SCRIPT_SUFFIXES]
    return next((path for path in candidates if os.path.isfile(path) and not os.path.islink(path)), None)


def _hugo_settings(folder: str, config_file: str) -> dict:
    """Hugo reads both a root `hugo.*`/`config.*` file and `config/_default/`, the folder's
    values winning table by table: a root file is often a stub kept for a CMS beside the real
    settings in the folder."""
    folder_config = os.path.join(folder, "config", "_default")
    if config_file != folder_config:
        root_file: str | None = config_file
    else:  # a Zola file (base_url) beside it is no Hugo root file
        root_files = [os.path.join(folder, f"{stem}.{ext}") for stem in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")]
        root_file = next((path for path in root_files if os.path.isfile(path) and "base_url" not in _read_settings(path)), None)
    settings = copy.deepcopy(_settings_of(root_file)) if root_file else {}
    if os.path.isdir(folder_config):
        _merge_over(settings, _settings_of(folder_config))
    return settings


def _merge_over(target: dict, values: dict) -> None:
    """`values` over `target`, table by table."""
    for key, value in values.items():
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            _merge_over(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _merge_missing(target: dict, values: dict) -> None:
    """Add to `target` what `values` has and it lacks, table by table."""
    for key, value in values.items():
        if key not in target:
            target[key] = value
        elif isinstance(target[key], dict) and isinstance(value, dict):
            _merge_missing(target[key], value)


def _config_folder_files(folder: str) -> list[str]:
    """The files of a Hugo configuration folder, those at its top first, then those of its
    subfolders (`module/module.yaml`, `versions/params.yaml`), which Hugo reads by their own
    names wherever they are filed; a few hundred at most."""
    found: list[str] = []
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found += [os.path.join(directory, name) for name in sorted(files) if name.endswith((".toml", ".yaml", ".yml", ".json"))]
        if len(found) > 200 or directory.count(os.sep) - folder.count(os.sep) >= 3:
            subfolders[:] = []
    return found[:200]


# `!ENV [NAME, OTHER, "default"]`: mkdocs' environment variables, read as their default (the
# list's last item), which may be a key (`- !ENV [NAV_HOME, "Home"]: "index.md"`).
_ENV_DEFAULT = lazy(r"!ENV[ \t]*\[([^\[\]\n]{0,500})\]")


def _env_default(match: re.Match) -> str:
    return match.group(1).rsplit(",", 1)[-1].strip() or "null"


# A YAML tag of an application (`!!python/name:x.y`, `!ENV`, `!relative`) where a value begins.
_APPLICATION_TAG = lazy(r"(^|[\s\[{,:-])!!?(?:python/[\w/.:-]*|ENV|relative)\b[\w/.:-]*", re.M)


@lru_cache(maxsize=64)
def _read_settings(path: str) -> dict:
    text = read_small_file(path)
    if not text:
        return {}
    for suffix in _CONFIG_TEMPLATE_SUFFIXES:
        path = path.removesuffix(suffix)  # a template of the configuration is read as what it renders to
    try:
        if path.endswith(".toml"):
            value: Any = tomllib.loads(text)
        elif path.endswith((".yml", ".yaml")):
            # Imported here: PyYAML loads only for a generator configured in YAML (start-up speed).
            from artlint._yaml import YamlProblem, load_yaml

            try:
                value = load_yaml(text, first_document=True)[0]
            except YamlProblem:
                # MkDocs configurations name Python objects (`!!python/name:pymdownx.slugs.uslugify`)
                # and environment variables (`!ENV`): read them with those tags left out.
                try:
                    bare = _without_undefined_aliases(_APPLICATION_TAG.sub(r"\1", _ENV_DEFAULT.sub(_env_default, text)))
                    value = load_yaml(bare, first_document=True)[0]
                except YamlProblem:
                    return {}
        elif path.endswith(".json"):
            value = json.loads(text)
        else:
            return {}
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


_ALIAS = lazy(r"(?<=[:\-\[,][ \t])\*([^\s,\[\]{}]+)")
_ANCHOR = lazy(r"&([^\s,\[\]{}]+)")
_YAML_COMMENT = lazy(r"(?:^|(?<=\s))#.*$", re.M)


def _without_undefined_aliases(text: str) -> str:
    """YAML with each alias of an anchor it never sets read as null, as Jekyll's SafeYAML reads
    it (a theme's `name: *name` left after its `&name` was edited out); PyYAML stops there."""
    anchors = set(_ANCHOR.findall(_YAML_COMMENT.sub("", text)))  # "# &name is an anchor" sets none
    return _ALIAS.sub(lambda match: match.group() if match.group(1) in anchors else "~", text)


def read_small_file(path: str) -> str:
    """A small configuration file's text; "" for anything else (a link out of its folder, a
    device, a file over MAX_CONFIG_BYTES)."""
    try:
        if os.path.islink(path) or not os.path.isfile(path):  # a link may lead to /proc/self/environ
            return ""
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return ""
    if len(raw) > MAX_CONFIG_BYTES:
        return ""
    return raw.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- one model per run


# Folders climbed from the checked files, outside any repository and configuration, to find
# the site they belong to.
_SITE_SEARCH_DEPTH = 8


def enclosing_site(folder: str) -> str:
    """The folder whose generator configuration is nearest above `folder` (a file of a site
    checked alone, with no artlint.toml nor git work tree around it: `content/posts/a.md` of a
    Hugo site is Hugo's), else `folder` itself."""
    here = os.path.abspath(folder)
    for _ in range(_SITE_SEARCH_DEPTH):
        if _generator_config(here) is not None:  # the SiteIndex reads and models it
            return here
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    return os.path.abspath(folder)


# Folders that hold a site's configuration beside the folders it builds from (`website/` with
# Docusaurus' `path: '../docs'`).
_SITE_FOLDERS = ("website", "site", "www", "docs-site")
_MOST_SIBLINGS = 256  # entries of a folder looked at for such sibling folders


class SiteIndex:
    """The site of each file of a run: the nearest generator configuration at or above its
    folder, up to `top` (the project's root), else a plain site rooted at `top`."""

    def __init__(self, top: str, overrides: Mapping[str, Any] | None = None, override_base: str | None = None):
        self.top = os.path.abspath(top)
        self._overrides = dict(overrides or {})
        self._override_base = override_base or self.top
        self._folders: dict[str, Site] = {}
        self._sites: dict[str, Site] = {}  # root -> site
        self._siblings: dict[str, Site | None] = {}  # a `website/`-like folder -> its site, if any
        self._parents: dict[str, list[str]] = {}  # a folder -> its `website/`-like folders

    def site_for(self, file: str) -> Site:
        return self.folder_site(os.path.dirname(os.path.abspath(file)))

    def folder_site(self, folder: str, names: Collection[str] | None = None) -> Site:
        """The site of the files in `folder` (absolute and normal); `names`, its entries when
        the caller listed it already."""
        return nearest(folder, self.top, self._folders, self._detected, self._root_site, names)

    def _detected(self, folder: str, names: Collection[str] | None) -> Site | None:
        found = detect(folder, names) or self._claimed_by_sibling(folder)
        return None if found is None else self._kept(found)

    def _claimed_by_sibling(self, folder: str) -> Site | None:
        """The site of a configuration kept in a sibling folder that builds `folder` from
        outside (Docusaurus' classic layout: `website/docusaurus.config.js` with
        `path: '../docs'`)."""
        parent = os.path.dirname(folder)
        if parent == folder or not within(parent, self.top):
            return None
        for sibling in self._site_folders_in(parent):
            if sibling == folder:
                continue
            if sibling not in self._siblings:  # asked by every folder beside it: detected once
                self._siblings[sibling] = self._sites.get(sibling) or detect(sibling)
            site = self._siblings[sibling]
            if site is not None and any(os.path.normpath(os.path.join(site.root, content)) == folder for content in site.content):
                return site
        return None

    def _site_folders_in(self, parent: str) -> list[str]:
        """The folders of `parent` that may hold a configuration building its siblings: those
        named as such (`website/`), and any whose name ends in `website` or `site`
        (`cnwebsite/`, a translation's site beside its `cndocs/`); listed once per folder."""
        found = self._parents.get(parent)
        if found is None:
            try:
                names = sorted(os.listdir(parent))[:_MOST_SIBLINGS]
            except OSError:
                names = []
            found = self._parents[parent] = [
                os.path.join(parent, name) for name in names
                if (name in _SITE_FOLDERS or name.lower().endswith(("website", "site"))) and os.path.isdir(os.path.join(parent, name))
            ]
        return found

    def _root_site(self) -> Site:
        site = self._sites.get(self.top)
        if site is None:
            site = self._kept(unconfigured(self.top))
        return site

    def _kept(self, site: Site) -> Site:
        known = self._sites.get(site.root)
        if known is not None:
            return known
        if self._overrides and within(site.root, self._override_base) or (self._overrides and site.root == self.top):
            site = with_overrides(site, self._overrides, self._override_base)
        self._sites[site.root] = site
        return site


# Reading the templates stops here: a theme is kilobytes, a vendored one a few megabytes.
_TEMPLATE_BYTES = 32 * 1024 * 1024
_TEMPLATE_FILE_BYTES = 1024 * 1024
# A key as templates read it: a property (`page.publisher`, `.Params.levels`) or a quoted
# index (`page["levels"]`), and a key of the configuration's defaults (`scala2: true`).
_WORD = lazy(r"""(?:\.|\[["']|^[ \t]*)([A-Za-z_][A-Za-z0-9_-]*)""", re.M)


@lru_cache(maxsize=16)
def template_words(root: str, generator: str, config_file: str | None = None) -> frozenset[str]:
    """The keys a site's templates and plugins read (`layouts/`, `_includes/`, a theme's
    `layout/`...; the folders `templates` in rules/sites.toml names) and its configuration
    sets: the front-matter keys its pages may carry beyond the generator's own. Links are not
    followed."""
    words: set[str] = set()
    budget = _TEMPLATE_BYTES
    if config_file is not None and not os.path.islink(config_file):
        words.update(_WORD.findall(read_start(config_file)))
    for folder in data.load("sites")["templates"].get(generator, ()):
        top = os.path.join(root, folder)
        if os.path.islink(top):
            continue
        for current, folders, files in os.walk(top):
            folders[:] = sorted(name for name in folders if name not in ("node_modules", ".git") and not os.path.islink(os.path.join(current, name)))
            for name in sorted(files):
                path = os.path.join(current, name)
                if budget <= 0:
                    return frozenset(words)
                if os.path.islink(path) or os.path.splitext(name)[1].lower() not in _TEMPLATE_SUFFIXES:
                    continue
                text = read_start(path)
                budget -= len(text)
                words.update(_WORD.findall(text))
    return frozenset(words)


def read_start(path: str, limit: int = _TEMPLATE_FILE_BYTES) -> str:
    """The first `limit` bytes of a template or configuration file as text ("" if unreadable)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit).decode("utf-8", errors="replace")
    except OSError:
        return ""


_TEMPLATE_SUFFIXES = frozenset(
    (".html", ".htm", ".liquid", ".njk", ".ejs", ".swig", ".pug", ".jade", ".hbs", ".js", ".mjs", ".cjs", ".ts", ".jsx",
     ".tsx", ".vue", ".rb", ".xml", ".json", ".toml", ".yml", ".yaml", ".tera", ".jinja", ".j2", ".styl")
)

"""`artlint site`: the site model of the files a check would read, as a person checks it."""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from artlint.config import Config
from artlint.discovery import discover
from artlint.engine import prepare_run
from artlint.frontmatter import front_matter_of
from artlint.sites import Site
from artlint.source import UnreadableFile, read_source


def describe_sites(arguments: list[str], config: Config) -> list[dict[str, Any]]:
    """Each site of the files under `arguments`, as a check would model them: its model and
    how many of its files are articles, sections, pages, partials and repository documents,
    by language."""
    index = prepare_run(arguments, config)
    unwalked: Counter = Counter()  # a Docusaurus site may be nearly all MDX, which `extensions` leaves out by default
    files, _ = discover(arguments, config, unwalked=unwalked)
    kinds: dict[str, Counter] = {}
    languages: dict[str, Counter] = {}
    sites = {}
    for path, _ in files:
        site = index.site_for(path)
        page = site.page(os.path.abspath(path), front_matter_data(path, config.max_file_size_for(path), site))
        sites[site.root] = site
        kinds.setdefault(site.root, Counter())[page.kind] += 1
        if page.language:
            languages.setdefault(site.root, Counter())[page.language] += 1
    return [
        {
            **site.describe(),
            "pages": dict(sorted(kinds[root].items())),
            "pages-by-language": dict(sorted(languages.get(root, {}).items())),
            "unwalked-mdx": unwalked.get(root, 0),
        }
        for root, site in sorted(sites.items())
    ]


def front_matter_data(path: str, limit: int, site: Site) -> dict | None:
    """The front matter of the file at `path` as a table, read as the site's generator reads
    it; None when it has none or is unreadable."""
    try:
        matter = front_matter_of(read_source(path, limit), site.generator, site.commented_front_matter)
    except UnreadableFile:
        return None
    return matter.data if matter is not None and isinstance(matter.data, dict) else None


def site_text(described: list[dict[str, Any]]) -> str:
    """The models as lines for a terminal."""
    if not described:
        return "No articles found.\n"
    lines = []
    for site in described:
        origin = f" (from {site['config']})" if site["config"] else _unconfigured_origin(site["generator"])
        lines.append(f"site {site['root']}")
        lines.append(f"  generator    {site['generator']}{origin}")
        lines.append(f"  content      {', '.join(site['content']) or '-'}")
        if site["content-mounts"]:
            lines.append(f"  mounted      {', '.join(f'{folder} at {path}' for folder, path in site['content-mounts'].items())}")
        lines.append(f"  static       {', '.join(site['static']) or '-'}")
        lines.append(f"  languages    {', '.join(site['languages']) or '-'}")
        folders = ", ".join(f"{folder} ({language})" for folder, language in site["language-folders"].items())
        lines.append(f"  by folder    {folders or '-'}")
        permalinks = ", ".join(f"{key}: {value}" for key, value in site["permalinks"].items())
        lines.append(f"  permalinks   {permalinks or '-'}")
        if site["url-settings"]:
            lines.append(f"  url settings {', '.join(f'{key} = {value}' for key, value in site['url-settings'].items())}")
        lines.append(f"  not content  {', '.join(site['not-content']) or '-'}")
        if site["excluded-pages"]:
            lines.append(f"  not built    {', '.join(site['excluded-pages'])} (pages the configuration leaves out)")
        if site["verbatim-shortcodes"]:
            lines.append(f"  data bodies  {', '.join(site['verbatim-shortcodes'])} (shortcodes without a template here)")
        if site["holds-sites"]:
            lines.append(f"  sites below  {', '.join(site['holds-sites'])} (each its generator's; the markdown here is the repository's)")
        if site["assets-kept-elsewhere"]:
            lines.append("  assets       kept with the site, elsewhere (the folder holds markdown alone): `/uploads/a.png` is not looked for")
        if site["untitled-types"]:
            lines.append(f"  untitled     {', '.join(site['untitled-types'])} (page types whose layout heads the page without its title)")
        if site["containers"]:
            lines.append(f"  containers   {' '.join(site['containers'])} (Python-Markdown blocks, bodies indented four spaces)")
        if site["fragments"]:
            lines.append(f"  fragments    {', '.join(site['fragments'])}")
        if site["plugin-page-folders"]:
            lines.append(f"  plugin pages {', '.join(site['plugin-page-folders'])} (folders whose pages a plugin or a build step writes)")
        for default in site["permalink-defaults"]:
            scope = " ".join(part for part in (default["type"], default["path"] and f"under {default['path']}") if part) or "every page"
            lines.append(f"  permalink    {default['permalink']} ({scope}, from defaults)")
        sources = [entry for entry in site["plugin-sources"] if not entry["folder"].startswith("i18n/")]
        if sources:
            served = ", ".join(f"{entry['folder']} at {entry['route']} ({entry['kind']})" for entry in sources)
            lines.append(f"  served       {served}")
        if site["listing-pages"]:
            lines.append(f"  list pages   {', '.join(site['listing-pages'])} (a blog plugin lists its posts there)")
        if site["base-path"]:
            lines.append(f"  base path    {site['base-path']} (site paths that start with it name the site's own files)")
        if site["drafts-unbuilt"]:
            lines.append("  drafts       left out of the build: their text is not checked (`[site] drafts = true` checks it)")
        if site["root-base"]:
            lines.append("  base href    the templates set <base href> to the site's root (relative links read from there)")
        if site["root-shortcodes"]:
            lines.append(f"  from root    {', '.join(site['root-shortcodes'])} shortcodes read src from the site's root (relURL)")
        if site["language-from-path"]:
            lines.append("  languages by path  a folder named by a language gives its pages' language (lang_from_path)")
        if site["link-render-hook"]:
            lines.append("  link hook    links go through a render hook (pages looked up like GetPage)")
        if site["embedded-link-hook"]:
            lines.append("  link hook    Hugo's embedded render hook (a link's page looked up like GetPage)")
        if site["titles-from-file-names"]:
            lines.append("  titles       the templates title a page without one from its file name (no front matter needed)")
        if site["plugin-ids"]:
            lines.append("  plugin ids   a plugin or the site's own slug function gives heading ids (anchors no heading gives are not reported)")
        if site["front-matter-optional"]:
            lines.append("  front matter optional on pages (jekyll-optional-front-matter, as on GitHub Pages)")
        if site["pandoc"]:
            lines.append("  renderer     pandoc (a ** closes after a space too; bare URLs stay text; pandoc's heading ids)")
        if site["cjk-friendly"]:
            lines.append("  emphasis     CJK-friendly (`**注：**正文` is bold: a cjk-friendly package is installed)")
        if site["betterem"]:
            lines.append("  emphasis     pymdownx.betterem (** pairs much as CommonMark's flanking rules say)")
        if site["jinja-pages"]:
            lines.append("  templates    pages are Jinja2 templates (the macros plugin): {{ }} and {% %} are template markup")
        if site["markdown-it"]:
            lines.append("  renderer     markdown-it (CommonMark's emphasis rules)")
        if site["translated-links"]:
            lines.append("  translations a translation's link to page.md leads to page.<lang>.md (mkdocs-static-i18n)")
        lines.append(f"  pages        {', '.join(f'{count} {kind}' for kind, count in site['pages'].items())}")
        if site["unwalked-mdx"]:
            count = site["unwalked-mdx"]
            lines.append(f"  not walked   {count} .mdx file{'s' if count > 1 else ''} (add \"mdx\" to `extensions` to check {'them' if count > 1 else 'it'})")
        if site["pages-by-language"]:
            lines.append(f"  by language  {', '.join(f'{language} {count}' for language, count in site['pages-by-language'].items())}")
    return "\n".join(lines) + "\n"


def _unconfigured_origin(generator: str) -> str:
    if generator == "hexo":
        return " (no configuration: Hexo's source folder, its _posts/ named without dates)"
    return " (no generator configuration found)"

import os

from artlint import data
from artlint.findings import Severity
from artlint.options import Option
from artlint.rules import DocumentRule
from artlint.sites import DATE_ALIASES


class FrontMatterRequired(DocumentRule):
    """A required front-matter key that is missing or empty.

    ## What it finds
    Front matter without one of the `keys` (default `title` and `date`), or with the key set to
    nothing (`author:`), an empty or blank string (`title: ""`), an empty list (`tags: []`), a
    list of empty items (`authors: [""]`) or an empty table; the message says which. Only files that have front matter are checked
    (`front-matter-missing` covers the others), and only when it parses.

    The site's generator decides what a file is (see `artlint site`): the `article-only` keys
    (default `date`) are required of articles (posts) only, not of standalone pages nor of
    Hugo pages of the `docs` type (set in front matter, cascaded from a section's `_index.md`,
    or a top section named `docs`: the documentation layouts of Docsy and hugo-book); section
    indexes (Hugo's and Zola's `_index.md`, titled by their folder or template) and the home
    page (`index.md` at the top of the content, or of a language's folder, or a page whose
    `permalink` puts it there, `/` or `/fr/`: its layout shows the
    site's name) need no title; README files, partials and the pages of documentation
    generators need none, nor do Eleventy and Jekyll templates published as data (`permalink:
    /sitemap.xml`, a feed), nor Jekyll pages whose layout prints another object's title as
    its first heading (`<h1>{{ episode.title }}</h1>`, `<h2>{{ plugin.name }}</h2>`) and uses `page.title` only under
    `{% if page.title %}`, or whose layouts show no title at all (no `page.title`, no `{% seo %}`,
    no include: a frame that other pages embed), nor Hugo pages of a type whose own single layout
    heads them without `.Title` and calls no partial (`layouts/meeting/single.html`: `<h1>例会</h1>`
    and the date), nor Eleventy pages of a collection (the first folder under the input
    folder) or Zola pages of a section at least half of whose pages have no title (short
    notes, photos, a micro-blog whose template heads each note with its date), nor Eleventy
    pages whose layout shows a title only when there is one (`{% if title %}<h1>…`: notes,
    untitled by design), nor Eleventy pages titled by their `eleventyNavigation.title` where the site's layouts show it
    (`{{ title | default(eleventyNavigation.title) }}`), nor Astro entries of a content collection
    whose schema declares no title or an optional one (`title: z.string().optional()`; a required
    one stops the build when missing), nor do placeholders with neither a title nor any text after the front
    matter (translation stubs, redirects) or a Hugo page of the `redirect` type, nor drafts (`draft: true`, `published: false`, a
    `_drafts` folder: work in progress, which a default build leaves out; the keys are asked
    for once the draft is published). Jekyll's posts and the documents of its collections need
    no `title`: Jekyll titles them from their file names (`whitelist.md` is "Whitelist"). A `date` is required only in a section (a folder, with its page
    bundles) where at least half of the other pages carry one (an article alone in its folder
    goes by the folder above; a Jekyll or Hexo post alone in its category, `_posts/<category>/`,
    by the other categories where `_posts/` holds no posts of its own; a collection's page filed
    in a folder of its own within a category, `policies/<category>/<name>/<name>.md`, by the
    collection's other pages), or of an article alone
    on the site: a docs section (in a folder no known generator builds, the pages under a
    `docs/`, `doc/` or `documentation/` folder among the first three of their path: `src/content/docs/`),
    a Zola section whose `_index.md` does not sort its pages by
    date (Zola's default `sort_by` is none) or renders no list (`render = false`), a Zola
    folder without an `_index.md` (no section: its pages are orphans, in no list), or a site
    that keeps the date in its URL (a Zola `path`), dates none. A date in the file name (`_posts/2024-03-21-title.md` in Jekyll and
    Hexo, `2024-03-21-title.md` in Zola, Docusaurus and Eleventy, `2024-11-13T23:52:00Z.md` in
    Zola) or under another name the generators
    read (`publishDate`, `pubDate`, `published`, `created`, `updated`, Hugo's `lastmod`) counts as the date.

    ## Why it matters
    A page without a title shows its file name in lists and search results; a page without a date
    sorts at the start of time, drops out of feeds, or is hidden as "future".

    ## Example

        +++
        title = ""
        +++

    reports that `title` is empty and that `date` is missing.
    """

    name = "front-matter-required"
    reads_body = False
    family = "front-matter"
    severity = Severity.ERROR
    options = {
        "keys": Option("list[string]", data.load("front-matter")["required-keys"], "Keys that must be present and not empty."),
        "article-only": Option(
            "list[string]", data.load("front-matter")["article-only-keys"], "Of the keys, those required of articles (posts) only."
        ),
    }

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is None or matter.data is None:
            return
        page = doc.page
        if page is not None and (not page.front_matter_expected or page.kind == "section"):
            return  # a section index (_index.md) takes its title from its folder or template
        if page is not None and page.draft:
            return  # a draft: its title and date are asked for when it is published
        if "title" not in matter.data and not doc.text[matter.body_offset :].strip():
            return  # a placeholder (a translation stub, a redirect): the theme or generator fills it
        written = _keys_as_read(matter.data, doc)
        for key in options["keys"]:
            if page is not None and not page.is_article and key in options["article-only"]:
                continue
            if key == "title" and page is not None and (page.title_from_name or page.title_from_layout):
                continue  # Jekyll titles a post from its file name; a Hugo type's layout heads the page itself
            if key == "title" and _home_page(doc):
                continue  # the home page: its layout titles it with the site's name
            if key == "title" and doc.site is not None and doc.absolute_file is not None and not doc.site.titles_expected(str(doc.absolute_file)):
                continue  # an Eleventy collection or a Zola section of untitled notes: its templates show none
            present = key in written and not _is_empty(matter.data[written[key]])
            # Whether the section dates its pages reads the section's files: only when it matters.
            if key == "date" and not present and (_dated_otherwise(matter.data, page) or not _dates_expected(doc)):
                continue
            if key not in written:
                yield doc.line_diagnostic(f"required key {key!r} is missing", matter.start_line)
            elif _is_empty(matter.data[written[key]]):
                line, column = matter.key_position(written[key])
                value = matter.data[written[key]]
                yield doc.line_diagnostic(f"required key {key!r} is empty: {_emptiness(value)}", line, column)


def _keys_as_read(data: dict, doc) -> dict[str, str]:
    """The key each name is read from: itself, and on Hugo, which reads front matter without
    regard to case, also its other spellings (`Title:` is the title)."""
    written = {key: key for key in data if isinstance(key, str)}
    if doc.site is not None and doc.site.generator == "hugo":
        for key in data:
            if isinstance(key, str):
                written.setdefault(key.lower(), key)
    return written


def _home_page(doc) -> bool:
    """The site's home page, or a language's: `index.md` at the top of a content folder, or
    a page whose front matter puts it at the top (`permalink: /`, `permalink: /fr/` on a page
    in French)."""
    if doc.site is None or doc.absolute_file is None:
        return False
    data = doc.front_matter.data if doc.front_matter is not None else None
    if isinstance(data, dict) and _placed_at_a_home(data, doc.site.languages):
        return True
    folder, _, name = doc.site.relative(doc.absolute_file).rpartition("/")
    if name.rsplit(".", 1)[0].lower() != "index":
        return False
    return (folder or ".") in doc.site.content or any(folder == path for path, _ in doc.site.language_folders)


def _placed_at_a_home(data: dict, languages) -> bool:
    address = next((value for key in ("permalink", "url") if isinstance(value := data.get(key), str)), None)
    if address is None:
        return False
    top = address.strip().strip("/").removesuffix("index.html").strip("/").lower()
    if not top:
        return True
    written = {str(data.get(key)).lower() for key in ("lang", "language") if isinstance(data.get(key), str)}
    return "/" not in top and (top in written or top in {code.lower() for code in languages})


def _dates_expected(doc) -> bool:
    """Whether the article's section dates its pages (see artlint.sites.Site.dates_expected)."""
    if doc.site is None or doc.file is None:
        return True
    return doc.site.dates_expected(os.path.abspath(doc.file))




def _dated_otherwise(values, page) -> bool:
    """A date the generator reads from the file name, or from another key it knows."""
    if "date" in values:
        return False
    if page is not None and page.date_from_name:
        return True
    return any(key in values and not isinstance(values[key], bool) and not _is_empty(values[key]) for key in DATE_ALIASES)


def _is_empty(value) -> bool:
    return _emptiness(value) is not None


def _emptiness(value) -> str | None:
    """How a value is empty, in words (`author:` with nothing, `title: ""`, `tags: []`,
    `authors: [""]`), or None when it is not."""
    if value is None:
        return "it has no value"
    if isinstance(value, str) and not value.strip():
        return "an empty string" if not value else "only white space"
    if isinstance(value, dict) and not value:
        return "an empty table"
    if isinstance(value, list):
        if not value:
            return "an empty list"
        if all(item is None or isinstance(item, str) and not item.strip() for item in value):
            return "a list of empty items"
    return None

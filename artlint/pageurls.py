"""The URL a site's generator gives a page, from the site model (artlint.sites) and the page's
front matter, for the common cases of each generator.

`page_url` answers only when the URL is certain: a page whose URL needs what this module does
not model (a permalink token it does not know, a date given only by the file's creation time, a
title to slugify beyond ASCII letters and digits, a Jekyll collection, a Docusaurus `id`) gets
None, and so do pages the generator does not render (drafts, unpublished pages, partials,
files in `_` folders, a Hugo section's list page).

Besides the URL a reader sees (`/2024/05/31/sleep.html`), a page has the file the generator
writes (`2024/05/31/sleep.html`): Jekyll writes `/about` and `/about.html` to the same file,
Hugo's ugly URLs give `/post/a.html` where pretty ones give `/post/a/`. Two pages collide when
they are written to the same file.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from artlint.boundary import within
from artlint.dates import written_day
from artlint.lazyre import lazy
from artlint.sites import Site, as_generator_reads, builds_no_page, eleventy_layout_data, hugo_dates_from_names, is_draft, jekyll_default
from artlint.slugs import docusaurus_unnumbered, github_slug

# The markdown extensions generators render (Jekyll's default `markdown_ext`, Hugo's).
MARKDOWN_SUFFIXES = frozenset((".md", ".markdown", ".mkdown", ".mkdn", ".mkd", ".mdown", ".mdwn"))
_TOKEN = lazy(r":([A-Za-z_]+|\d+)")
_JEKYLL_POST = lazy(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$")
_DATED_STEM = lazy(r"^(\d{4})-(\d{2})-(\d{2})[-_](.+)$")
_SIMPLE_SEGMENT = lazy(r"^[\w.~-]+$")

JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
HEXO_PERMALINK = ":year/:month/:day/:title/"
# Hugo reads a page's date from these keys, in this order (its default `[frontmatter] date`).
_HUGO_DATE_KEYS = ("date", "publishDate", "publishdate", "pubdate", "published", "lastmod", "modified")


@dataclass(frozen=True)
class PageUrl:
    url: str  # as a reader sees it: /2024/05/31/sleep.html, /posts/sleep/
    output: str  # the file the generator writes, relative to its output folder
    decided_by: str = ""  # the front-matter key that set it (permalink, slug, url, path, date), if one did
    bundle: str = ""  # a Hugo leaf bundle's folder (relative to the site's root): its other files are no pages
    yields_to_index: bool = False  # MkDocs' README.md, which an index.md beside it replaces


def page_url(site: Site, file: str, front_matter: Mapping[str, Any] | None, as_published: bool = False) -> PageUrl | None:
    """The URL of the page `file` (absolute) when the site renders it and the URL is certain,
    else None. `front_matter` is None for a file without front matter. `as_published`: a draft's
    URL once it is published (where its own relative links will be read)."""
    relative = site.relative(file)
    outside = relative.startswith("../") and not site.built_from_beside(relative)
    if outside or posixpath.splitext(relative)[1].lower() not in _suffixes(site):
        return None  # beside the folders the site builds from (unless one is there: `path: '../docs'`)
    if site.holds_no_articles(file):
        return None
    matter = as_generator_reads(site, front_matter) if isinstance(front_matter, Mapping) else {}
    if not as_published and is_draft(matter):
        return None
    compute = _BY_GENERATOR.get(site.generator)
    if compute is None:
        return None
    try:
        return compute(site, relative, file, matter, front_matter is not None)
    except _Uncertain:
        return None


class _Uncertain(Exception):
    """The URL needs what is not modelled."""


def _suffixes(site: Site) -> frozenset[str]:
    return MARKDOWN_SUFFIXES | {".mdx"} if site.generator == "docusaurus" else MARKDOWN_SUFFIXES


def _text(matter: Mapping[str, Any], key: str) -> str | None:
    value = matter.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Uncertain(key)
    return value.strip()


def _settings(site: Site) -> dict[str, str]:
    return dict(site.url_settings)


def lowers_paths(site: Site) -> bool:
    """Whether Hugo writes the site's page paths in lower case (unless `disablePathToLower`)."""
    return _settings(site).get("disablepathtolower") != "true"


def _expand(pattern: str, tokens: Mapping[str, Callable[[], str]]) -> str:
    """The pattern with each `:token` replaced; a token not in `tokens` makes it uncertain."""

    def value(match: re.Match[str]) -> str:
        make = tokens.get(match.group(1))
        if make is None:
            raise _Uncertain(match.group(0))
        return make()

    return _TOKEN.sub(value, pattern)


def _day(value: Any, generator: str, zone_sensitive: bool) -> dt.date:
    """The calendar day of a front-matter date. With `zone_sensitive` (Jekyll, Hexo: the day is
    taken in the build's time zone), a date with a time and an offset counts only when its
    day is the same where it was written and in UTC (a build in the author's zone, or on a
    server in UTC)."""
    found = written_day(value, generator)
    if found is None:
        raise _Uncertain("date")
    day, minutes, offset = found
    if zone_sensitive and minutes is not None and offset:
        utc = minutes - offset
        if not 0 <= utc < 24 * 60:
            raise _Uncertain("date")
    return day


def _output(url: str) -> str:
    """The file written for a URL: `/a/` → `a/index.html`; `/a.html` → `a.html`."""
    path = re.sub(r"/{2,}", "/", url).lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path


def _clean(url: str) -> str:
    """A URL with one leading slash and no doubled ones; `..` and `.` make it uncertain."""
    url = "/" + re.sub(r"/{2,}", "/", url.strip()).lstrip("/")
    if any(part in (".", "..") for part in url.split("/")) or "?" in url or "#" in url:
        raise _Uncertain(url)
    return url


def _content_path(site: Site, relative: str, language_folders: bool = False) -> str | None:
    """The path under the innermost content folder that holds `relative`; with
    `language_folders` (Hugo's `contentDir` per language), under a language's folder too."""
    folders = sorted({*site.content, *(folder for folder, _ in site.language_folders if language_folders)}, key=len, reverse=True)
    for folder in folders:
        if folder == ".":
            return relative
        if within(relative, folder) and relative != folder:
            return site.under_prefix(folder, relative[len(folder) :].lstrip("/"))
    return None


def _without_language(stem: str, site: Site) -> str:
    """`about.fr` → `about` when fr is one of the site's languages."""
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix.lower() in {language.lower() for language in site.languages}:
        return base
    return stem


def _hugo_language_prefix(site: Site, file: str, matter: Mapping[str, Any]) -> str:
    """The language folder of a Hugo page's URL: a language other than the default one, or
    any with `defaultContentLanguageInSubdir` (`content/about.md` is /en/about/)."""
    if _settings(site).get("defaultcontentlanguageinsubdir") == "true" and len(site.languages) > 1:
        return site.page(file, matter).language or site.languages[0].lower()
    return _non_default_language(site, file, matter)


def _non_default_language(site: Site, file: str, matter: Mapping[str, Any]) -> str:
    language = site.page(file, matter).language
    if language and site.languages and language != site.languages[0].lower():
        return language
    return ""


# --------------------------------------------------------------------------- Jekyll


def _jekyll(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    if not has_front_matter:
        return None  # copied as it is (or, on GitHub Pages, rendered by a plugin): not modelled
    parts = relative.split("/")
    style = dict(site.permalinks).get("posts", "date")
    if "_posts" in parts[:-1]:
        return _jekyll_post(site, relative, matter, dict(site.permalinks).get("collection:posts", style))
    collection = dict(site.collection_permalinks).get(parts[0]) if len(parts) > 1 else None
    if collection is not None:
        return _jekyll_document(site, parts, matter, collection)
    included = len(parts) > 1 and parts[0] in site.rendered_underscored and parts[0] not in site.document_folders
    if any(part[:1] in "_.#~" for part in parts[included:]) or parts[-1].endswith("~"):
        return None  # not rendered, or a collection this module does not model (`_pages/` of `include:` is rendered)
    stem, suffix = posixpath.splitext(parts[-1])
    folder = "/".join(parts[:-1])
    permalink = _text(matter, "permalink")
    decided_by = "permalink" if permalink else ""
    if permalink is None:
        permalink = jekyll_default(site.permalink_defaults, parts)
    if permalink is None:
        if stem == "index":
            permalink = "/:path/"
        else:
            permalink = "/:path/:basename" + _jekyll_page_suffix(style)
    tokens = {"path": lambda: folder, "basename": lambda: stem, "output_ext": lambda: ".html"}
    url = _clean(_expand(permalink, tokens))
    return PageUrl(url, _jekyll_output(url), decided_by)


def _jekyll_document(site: Site, parts: list[str], matter: Mapping[str, Any], pattern: str) -> PageUrl | None:
    """A document of a collection with `output: true` (`_docs/Anti-Features.md`): its own
    permalink, else the defaults', else the collection's (`/docs/:title/`)."""
    if any(part[:1] in ".#~" for part in parts[1:]) or parts[-1].endswith("~"):
        return None
    permalink = _text(matter, "permalink")
    decided_by = "permalink" if permalink else ""
    if permalink is None:
        permalink = jekyll_default(site.permalink_defaults, parts) or pattern
    stem = posixpath.splitext(parts[-1])[0]
    inner = "/".join([*parts[1:-1], stem])
    slug = _text(matter, "slug")
    tokens = {
        "collection": lambda: parts[0][1:],
        "path": lambda: inner,
        "name": lambda: _jekyll_slugify(stem, cased=False),
        "title": lambda: _jekyll_slugify(slug or stem, cased=True),
        "slug": lambda: _jekyll_slugify(slug or stem, cased=False),
        "output_ext": lambda: ".html",
    }
    url = _clean(_expand(JEKYLL_STYLES.get(permalink, permalink), tokens))
    return PageUrl(url, _jekyll_output(url), decided_by)


def _jekyll_page_suffix(style: str) -> str:
    if style == "pretty":
        return "/"
    if style in JEKYLL_STYLES or style == "weekdate":
        return ":output_ext"
    return "/" if style.endswith("/") else ":output_ext" if style.endswith(":output_ext") else ""


def _jekyll_post(site: Site, relative: str, matter: Mapping[str, Any], style: str) -> PageUrl | None:
    inner = _content_path(site, relative)
    if inner is None:
        return None
    parts = inner.split("/")
    at = len(parts) - 1 - parts[::-1].index("_posts")
    above = parts[:at]
    if any(part[:1] in "_.#~" for part in above):
        return None  # `_drafts/_posts`, a collection: not modelled
    stem = posixpath.splitext(parts[-1])[0]
    dated = _JEKYLL_POST.match(stem)
    if dated is None:
        return None  # Jekyll reads no post from a name without a date
    decided_by = ""
    if "date" in matter:
        day = _day(matter["date"], "jekyll", zone_sensitive=True)
        decided_by = "date"
    else:
        try:
            day = dt.date(int(dated.group(1)), int(dated.group(2)), int(dated.group(3)))
        except ValueError:
            return None
    slug = _text(matter, "slug")
    if slug is not None:
        decided_by = "slug"
    name_slug = dated.group(4).rstrip(".")
    categories = list(dict.fromkeys(part.lower() for part in [*above, *_jekyll_categories(matter)]))
    permalink = _text(matter, "permalink")
    if permalink is not None:
        decided_by = "permalink"
    else:
        permalink = jekyll_default(site.permalink_defaults, relative.split("/"))
    pattern = permalink or JEKYLL_STYLES.get(style, style)
    if pattern in JEKYLL_STYLES and permalink is not None:
        pattern = JEKYLL_STYLES[pattern]
    tokens = {
        "year": lambda: f"{day.year:04d}",
        "short_year": lambda: f"{day.year % 100:02d}",
        "month": lambda: f"{day.month:02d}",
        "i_month": lambda: str(day.month),
        "day": lambda: f"{day.day:02d}",
        "i_day": lambda: str(day.day),
        "y_day": lambda: f"{day.timetuple().tm_yday:03d}",
        "title": lambda: _jekyll_slugify(slug or name_slug, cased=True),
        "slug": lambda: _jekyll_slugify(slug or name_slug, cased=False),
        "categories": lambda: "/".join(categories),
        "output_ext": lambda: ".html",
    }
    url = _clean(_expand(pattern, tokens))
    return PageUrl(url, _jekyll_output(url), decided_by)


def _jekyll_categories(matter: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    for key in ("category", "categories"):
        value = matter.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            found += value.split() if key == "categories" else [value]
        elif isinstance(value, list) and all(isinstance(item, (str, int)) for item in value):
            found += [str(item) for item in value]
        else:
            raise _Uncertain(key)
    return found


def _jekyll_slugify(text: str, cased: bool) -> str:
    """Jekyll's slugify: `pretty` mode for :title (case kept), `default` for :slug. Ruby's
    [[:alnum:]] keeps letters and digits of any script (`面试-SSM面试题搬运` stays as it is);
    where it and Python's `isalnum` may part, on combining marks, the URL is not modelled."""
    if not text.isascii() and any(unicodedata.category(char).startswith("M") for char in text):
        raise _Uncertain(text)
    kept = "._~!$&'()+,;=@" if cased else ""
    slug = "".join(char if char.isalnum() or char in kept else "-" for char in text)
    slug = re.sub(r"-{2,}", "-", slug)
    return (slug if cased else slug.lower()).strip("-")


def _jekyll_output(url: str) -> str:
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path if path.endswith(".html") else path + ".html"


# --------------------------------------------------------------------------- Hugo


def _hugo(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    inner = _content_path(site, relative, language_folders=True)
    if inner is None:
        return None
    if builds_no_page(matter):
        return None
    if site.page(file, matter).kind == "partial":
        return None  # a section above cascades `build: {render: never}` to it: listed, never a page of its own
    parts = inner.split("/")
    stem = _without_language(posixpath.splitext(parts[-1])[0], site)
    if stem == "_index":
        return None  # a section's list page: not compared (see hugo_section_url)
    folders = parts[:-1]
    bundle = ""
    if stem == "index":
        if not folders:
            return None  # content/index.md: the home page's bundle
        bundle = posixpath.dirname(relative)
        stem = folders.pop()
    settings = _settings(site)
    section = folders[0] if folders else ""
    ugly = settings.get(f"uglyurls.{section}", settings.get("uglyurls")) == "true"
    lower = lowers_paths(site)
    language = _hugo_language_prefix(site, file, matter)
    prefix = f"/{language}" if language else ""
    url = _text(matter, "url")
    if url is not None:
        url = _clean(url)
        if not url.endswith("/") and not posixpath.splitext(url)[1]:
            if ugly:
                return None
            url += "/"
        return PageUrl(url, _output(url), "url", bundle)
    slug = _text(matter, "slug")
    named_slug = slug
    if slug is None and hugo_dates_from_names(site):
        slug = _slug_after_date(stem)  # `2013-10-06-cologne.ja.md` is `/ja/posts/cologne/`
    pattern = dict(site.permalinks).get(section) if section else None
    if pattern is not None:
        if "[" in pattern:
            pattern = _HUGO_SECTIONS_SLICE.sub(lambda match: _sections_slice(match, folders), pattern)
        path = _expand(pattern, _hugo_tokens(site, matter, folders, stem, slug))
        decided_by = "slug" if named_slug is not None and ":slug" in pattern else ""
        path = _clean(path)
    else:
        path = "/" + "/".join([*folders, slug if slug is not None else stem])
        decided_by = "slug" if named_slug is not None else ""
    segments = [_hugo_segment(segment, lower) for segment in path.strip("/").split("/") if segment]
    path = prefix + "/" + "/".join(segments)
    url = path + ".html" if ugly else path.rstrip("/") + "/"
    return PageUrl(url, _output(url), decided_by, bundle)


def _slug_after_date(stem: str) -> str | None:
    """The slug Hugo's `:filename` date handler gives a page without one: its name (or its
    bundle's folder) after a leading YYYY-MM-DD and the `-`, `_` or spaces that follow it."""
    if not _LEADING_DAY.match(stem):
        return None
    try:
        dt.date(int(stem[:4]), int(stem[5:7]), int(stem[8:10]))
    except ValueError:
        return None  # no day: Hugo takes neither date nor slug from it
    return stem[10:].strip(" -_") or None


_LEADING_DAY = lazy(r"\d{4}-\d{2}-\d{2}")


def hugo_section_url(site: Site, file: str, front_matter: Mapping[str, Any] | None) -> str | None:
    """The URL of a Hugo section's list page, its `_index.md` (`content/en/docs/Serve http:h2/`
    is /docs/serve-httph2/ in the default language): where a browser reads the relative links
    written on it. None for other files, and when it is uncertain."""
    relative = site.relative(file)
    if site.generator != "hugo" or relative.startswith("../") or site.holds_no_articles(file):
        return None
    inner = _content_path(site, relative, language_folders=True)
    matter = front_matter if isinstance(front_matter, Mapping) else {}
    if inner is None or _without_language(posixpath.splitext(inner.rsplit("/", 1)[-1])[0], site) != "_index":
        return None
    try:
        url = _text(matter, "url")
        if url is not None:
            return _clean(url).rstrip("/") + "/"
        language = _hugo_language_prefix(site, file, matter)
        segments = [_hugo_segment(segment, lowers_paths(site)) for segment in inner.split("/")[:-1]]
    except _Uncertain:
        return None
    return "/".join(["", *([language] if language else []), *segments, ""]).replace("//", "/")


def _zola_path_slug(name: str) -> str:
    """An ASCII name as Zola's `slugify.paths = "on"` writes it in a URL: lower case, each run
    of other characters than letters and digits one `-`."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def section_url(site: Site, file: str, front_matter: Mapping[str, Any] | None) -> str | None:
    """The URL of a Hugo or Zola section's list page, its `_index.md`: where a browser reads
    the relative links written on it. None for other files, and when it is uncertain."""
    if site.generator == "zola":
        return _zola_section_url(site, file, front_matter)
    return hugo_section_url(site, file, front_matter)


def _zola_section_url(site: Site, file: str, front_matter: Mapping[str, Any] | None) -> str | None:
    """`content/_index.md` is /, `content/blog/_index.md` /blog/: the section's folders, each
    slugified as Zola's `slugify.paths` says (`notes_2024/` is /notes-2024/)."""
    relative = site.relative(file)
    inner = _content_path(site, relative) if not relative.startswith("../") else None
    if inner is None or _without_language(posixpath.splitext(inner.rsplit("/", 1)[-1])[0], site) != "_index":
        return None
    folders = inner.split("/")[:-1]
    mode = _settings(site).get("slugify.paths", "on")
    if mode == "on":
        if not all(folder.isascii() for folder in folders):
            return None  # Zola transliterates: not modelled
        folders = [_zola_path_slug(folder) for folder in folders]
    elif not all(_SIMPLE_SEGMENT.match(folder) for folder in folders):
        return None
    language = _non_default_language(site, file, front_matter if isinstance(front_matter, Mapping) else {})
    return "/" + "".join(f"{segment}/" for segment in [*([language] if language else []), *folders])


# `:sections[1:]`, `:sections[:2]`, `:sections[last]`: Hugo's permalink token for some of the
# page's sections, a Go index or slice where `last` is the last one's index.
_HUGO_SECTIONS_SLICE = lazy(r":sections\[(last|\d+)?(:)?(last|\d+)?\]")


def _sections_slice(match: re.Match[str], folders: list[str]) -> str:
    first, colon, second = match.groups()

    def index(text: str | None, default: int) -> int:
        return default if text is None else len(folders) - 1 if text == "last" else int(text)

    if colon is None:
        at = index(first, -1)
        if not 0 <= at < len(folders):
            raise _Uncertain(match.group(0))
        return folders[at]
    return "/".join(folders[index(first, 0) : index(second, len(folders))])


def _hugo_tokens(site: Site, matter: Mapping[str, Any], folders: list[str], name: str, slug: str | None) -> dict:
    def day() -> dt.date:
        for key in _HUGO_DATE_KEYS:
            if key in matter:
                return _day(matter[key], "hugo", zone_sensitive=False)
        raise _Uncertain("date")

    def title() -> str:
        text = _text(matter, "title")
        if text is None or _settings(site).get("removepathaccents") == "true":
            raise _Uncertain("title")
        return hugo_sanitize(text)

    return {
        "year": lambda: f"{day().year:04d}",
        "month": lambda: f"{day().month:02d}",
        "day": lambda: f"{day().day:02d}",
        "section": lambda: folders[0],
        "sections": lambda: "/".join(folders),
        "slug": lambda: slug if slug is not None else title(),
        "title": title,
        "filename": lambda: name,
        "contentbasename": lambda: name,
        "slugorfilename": lambda: slug if slug is not None else name,
        "slugorcontentbasename": lambda: slug if slug is not None else name,
    }


_HUGO_PATH_MARKS = frozenset("./\\_#+~-@")


def hugo_sanitize(text: str) -> str:
    """A title or slug as Hugo's `urlize` puts it in a path before lower-casing it (its
    common/paths Sanitize): letters, digits, marks and `./\\_#+~-@` kept, a `%` only before two
    hex digits; each run of white space after some kept text becomes one hyphen (none when a
    hyphen is already there); every other character is dropped. `Hugo: Fast & Easy` is
    `Hugo-Fast-Easy`."""
    kept: list[str] = []
    hyphen_due = after_hyphen = False
    for index, char in enumerate(text):
        if _hugo_path_character(text, index, char):
            after_hyphen = char == "-"
            if hyphen_due and not after_hyphen:
                kept.append("-")
            hyphen_due = False
            kept.append(char)
        elif kept and not after_hyphen and char.isspace():
            hyphen_due = True
    return "".join(kept)


_TWO_HEX_DIGITS = lazy("[0-9a-fA-F]{2}")


def _hugo_path_character(text: str, index: int, char: str) -> bool:
    category = unicodedata.category(char)
    if char in _HUGO_PATH_MARKS or category[0] in "LM" or category == "Nd":
        return True
    return char == "%" and _TWO_HEX_DIGITS.match(text, index + 1) is not None


def _hugo_segment(segment: str, lower: bool) -> str:
    """A path segment as Hugo writes it: sanitised as its paths are (spaces as hyphens, `:`
    and other characters a path may not hold dropped: the folder `Serve http:h2` is
    `serve-httph2`), lower case unless `disablePathToLower`; what is left uncertain (nothing,
    or characters it would escape) makes the URL uncertain."""
    segment = hugo_sanitize(segment)
    if not _SIMPLE_SEGMENT.match(segment):
        raise _Uncertain(segment)
    return segment.lower() if lower else segment


# --------------------------------------------------------------------------- Hexo


def _hexo(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    inner = _content_path(site, relative)
    if inner is None:
        return None
    parts = inner.split("/")
    if parts[0] == "_posts" and len(parts) > 1:
        return _hexo_post(site, "/".join(parts[1:]), matter)
    if any(part[:1] in "_." for part in parts):
        return None  # Hexo renders no file or folder whose name starts with `_`
    permalink = _text(matter, "permalink")
    if permalink is not None:
        path = _clean(permalink)
        if path.endswith("/"):
            path += "index"
        if not posixpath.splitext(path)[1]:
            path += ".html"
        return PageUrl(path, path.lstrip("/"), "permalink")
    path = "/" + posixpath.splitext(inner)[0] + ".html"
    return PageUrl(path, path.lstrip("/"))


def _hexo_post(site: Site, inner: str, matter: Mapping[str, Any]) -> PageUrl | None:
    if any(part[:1] in "_." for part in inner.split("/")):
        return None
    if "slug" in matter:
        return None  # whether it replaces the name's title depends on Hexo's version
    name = posixpath.splitext(inner)[0]
    info = _hexo_name(_settings(site).get("new_post_name", ":title.md"), name)
    decided_by = ""
    if "date" in matter:
        day = _day(matter["date"], "hexo", zone_sensitive=True)
        decided_by = "date"
    elif "year" in info and "month" in info and "day" in info:
        try:
            day = dt.date(int(info["year"]), int(info["month"]), int(info["day"]))
        except ValueError:
            return None
    else:
        day = None  # the file's creation time: known to the author's disk only
    title = info.get("title", name)

    def date() -> dt.date:
        if day is None:
            raise _Uncertain("date")
        return day

    permalink = _text(matter, "permalink")
    if permalink is not None:
        decided_by = "permalink"
    pattern = permalink or dict(site.permalinks).get("posts") or HEXO_PERMALINK
    tokens = {
        "year": lambda: f"{date().year:04d}",
        "month": lambda: f"{date().month:02d}",
        "i_month": lambda: str(date().month),
        "day": lambda: f"{date().day:02d}",
        "i_day": lambda: str(date().day),
        "title": lambda: title,
        "name": lambda: posixpath.basename(title),
        "id": lambda: _hexo_front_matter_token(matter, "id"),
        "abbrlink": lambda: _hexo_front_matter_token(matter, "abbrlink"),
    }
    path = _clean(_expand(pattern, tokens))
    if not path.endswith("/") and not posixpath.splitext(path)[1]:
        return None  # written as a file without an extension, or not: depends on the version
    return PageUrl(path, _output(path), decided_by)


def _hexo_front_matter_token(matter: Mapping[str, Any], key: str) -> str:
    """A permalink token that a post's front matter gives: Hexo's `:id` (else the database's,
    which a cache reset changes), hexo-abbrlink's `:abbrlink` (else made and written into the
    file at the next build)."""
    value = matter.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise _Uncertain(key)
    return str(value).strip()


def _hexo_name(pattern: str, name: str) -> dict[str, str]:
    """The tokens Hexo reads from a post's name with `new_post_name` (`:year-:month-:day-:title.md`)."""
    pattern = posixpath.splitext(pattern)[0]
    kinds = {"year": r"\d{4}", "month": r"\d{2}", "i_month": r"\d{1,2}", "day": r"\d{2}", "i_day": r"\d{1,2}", "title": r".+"}
    expression = ""
    at = 0
    for match in _TOKEN.finditer(pattern):
        token = match.group(1)
        if token not in kinds:
            return {}
        expression += re.escape(pattern[at : match.start()]) + f"(?P<{token}>{kinds[token]})"
        at = match.end()
    expression += re.escape(pattern[at:])
    try:
        found = re.fullmatch(expression, name)
    except re.error:  # a token twice
        return {}
    if found is None:
        return {}
    values = {key.replace("i_", ""): value for key, value in found.groupdict().items()}
    return values


# --------------------------------------------------------------------------- Zola


def _zola(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    inner = _content_path(site, relative)
    if inner is None:
        return None
    parts = inner.split("/")
    stem = _without_language(posixpath.splitext(parts[-1])[0], site)
    if stem == "_index":
        return None
    folders = parts[:-1]
    if stem == "index":
        if not folders:
            return None
        stem = folders.pop()
    path = _text(matter, "path")
    if path is not None:
        url = _clean(path).rstrip("/") + "/"
        return PageUrl(url, _output(url), "path")
    slug = _text(matter, "slug")
    settings = _settings(site)
    if slug is None:
        dated = None if settings.get("slugify.paths_keep_dates") == "true" else _DATED_STEM.match(stem)
        slug = dated.group(4) if dated else stem
    mode = settings.get("slugify.paths", "on")
    if mode == "on":
        if not slug.isascii():
            raise _Uncertain(slug)  # Zola transliterates: not modelled
        slug = _zola_path_slug(slug)
    elif not _SIMPLE_SEGMENT.match(slug):
        raise _Uncertain(slug)
    language = _non_default_language(site, file, matter)
    url = "/" + "/".join([*([language] if language else []), *folders, slug]) + "/"
    return PageUrl(url, _output(url), "slug" if "slug" in matter else "")


# --------------------------------------------------------------------------- documentation generators


def _docusaurus(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    source = site.plugin_source(relative)
    if source is None:
        return None
    kind, folder, route = source
    parts = relative[len(folder) + 1 :].split("/")
    if not kind or any(part[:1] in "_." for part in parts):
        return None
    language = _non_default_language(site, file, matter)
    base = "/" + "/".join(part for part in (language, route) if part)
    slug = _text(matter, "slug")
    stem = posixpath.splitext(parts[-1])[0]
    if kind == "docs":
        folders = [docusaurus_unnumbered(part) for part in parts[:-1]]
        if slug is not None:
            path = slug if slug.startswith("/") else "/".join([*folders, slug])
            url = _clean(base + "/" + path.lstrip("/"))
            return PageUrl(url.rstrip("/") or "/", _output(url.rstrip("/") + "/"), "slug")
        written_id = _text(matter, "id")
        if written_id is not None and ("/" in written_id or not written_id.strip()):
            return None
        name = written_id.strip() if written_id is not None else docusaurus_unnumbered(stem)  # the id takes the file name's place
        if _docusaurus_category_index(parts, stem):
            name = ""
        segments = [*folders, name] if name else folders
    elif kind == "pages":  # `faq.md` is `/faq`, `team/index.md` `/team/`; no slug
        segments = parts[:-1] + ([] if stem == "index" else [stem])
    else:
        if slug is not None:
            url = _clean(base + "/" + slug.lstrip("/"))
            return PageUrl(url.rstrip("/") or "/", _output(url.rstrip("/") + "/"), "slug")
        dated = _DOCUSAURUS_DATED.match("/".join(parts))
        if dated:  # the date first, then the folders before it and the rest: `post/2021-08-11-a.md` is /2021/08/11/post/a
            written = f"{dated.group('date').replace('-', '/')}/{dated.group('folder')}{dated.group('text')}"
            segments = [segment for segment in written.split("/") if segment]
        else:
            segments = parts[:-1] + ([] if stem == "index" else [stem])
        if not segments:
            return None
    for segment in segments:
        if not _SIMPLE_SEGMENT.match(segment):
            raise _Uncertain(segment)
    url = base.rstrip("/") + "".join("/" + segment for segment in segments)
    return PageUrl(url or "/", _output(url + "/"))


def _docusaurus_category_index(parts: list[str], stem: str) -> bool:
    """The docs plugin serves `index.md`, `README.md` and `guides/guides.md` at their folder's URL,
    whatever their id; the names are compared as written, number prefixes and all, in any case
    (`React/01-React.md` is `/React/React`)."""
    name = stem.lower()
    return name in ("index", "readme") or (len(parts) > 1 and name == parts[-2].lower())


# The blog plugin's dated paths (its parseBlogFileName): the last date in the path, as written
# (`2020-2-14-x.md` is /2020/2/14/x), before the folders that come before it and the rest of
# the name (`2021/08/11/a/index.md`, `post/2021-08-11-a.md`).
_DOCUSAURUS_DATED = lazy(r"^(?P<folder>.*)(?P<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?P<text>.*?)(?:/index)?\.mdx?$")


def _vuepress(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    return _folder_of_pages(site, relative, matter, indexes=("index", "readme"), permalink=True)


def _vitepress(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    return _folder_of_pages(site, relative, matter, indexes=("index",), permalink=False)


def _folder_of_pages(site: Site, relative: str, matter: Mapping[str, Any], indexes: tuple[str, ...], permalink: bool) -> PageUrl | None:
    """VuePress and VitePress: `a/b.md` is `/a/b.html`; an index (`index.md`, VuePress's
    `README.md`) is its folder's `/a/`."""
    inner = _content_path(site, relative)
    if inner is None or any(part[:1] in "_." or part == "node_modules" for part in inner.split("/")):
        return None
    if permalink and (written := _text(matter, "permalink")) is not None:
        url = _clean(written)
        if not url.endswith("/") and not url.endswith(".html"):
            return None
        return PageUrl(url, _output(url), "permalink")
    folder, name = posixpath.split(inner)
    stem = posixpath.splitext(name)[0]
    if stem.lower() in indexes:
        url = "/" + (folder + "/" if folder else "")
    else:
        url = "/" + posixpath.join(folder, stem) + ".html"
    return PageUrl(url, _output(url))


def _nuxt(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    """Nuxt Content: `content/1.guide/2.installation.md` is `/guide/installation` (the number
    prefixes order pages and are no part of their paths), `index.md` its folder's; `_` files
    are partials and `.` ones ignored."""
    inner = _content_path(site, relative)
    if inner is None or any(part[:1] in "_." for part in inner.split("/")):
        return None
    parts = [_NUXT_ORDER.sub("", part) for part in posixpath.splitext(inner)[0].split("/")]
    if parts[-1].lower() == "index":
        parts.pop()
    url = "/" + "/".join(parts)
    return PageUrl(url, _output(url.rstrip("/") + "/"))


_NUXT_ORDER = lazy(r"^\d+\.(?=.)")


def _astro(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    """Astro: `src/pages/a/b.md` is `/a/b/` (`index.md` its folder's; `_` names and dynamic
    `[x]` ones make no page of their own); a collection's entry is at its route and its id, the
    front matter's `slug` or its path slugged segment by segment (`Post One.md` is `post-one`),
    an `index` its folder's; Starlight's docs by that id alone. None where no route is known."""
    source = site.plugin_source(relative)
    if source is None:
        return None
    kind, folder, route = source
    inner = posixpath.splitext(relative[len(folder) + 1 :])[0]
    if kind == "pages":
        if any(part[:1] in "_[" for part in inner.split("/")):
            return None
        path = inner
    elif kind in ("collection", "docs"):
        slug = _text(matter, "slug")
        path = slug.strip("/") if slug is not None else "/".join(github_slug(part) for part in inner.split("/"))
    else:
        return None
    parts = [part for part in (route, path) if part]
    if parts and (parts[-1] == "index" or parts[-1].endswith("/index")):
        parts[-1] = parts[-1][: -len("index")].rstrip("/")
    url = "/" + "/".join(part for part in parts if part)
    url = url.rstrip("/") + "/"
    return PageUrl(url, _output(url), "slug" if kind != "pages" and "slug" in matter else "")


def _mdbook(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    """mdBook and GitBook: `src/a/b.md` is `/a/b.html`; a `README.md` becomes its folder's
    `index.html`; `SUMMARY.md` is the book's table of contents, no page (nor are GitBook's
    `GLOSSARY.md` and `LANGS.md`)."""
    inner = _content_path(site, relative)
    if inner is None or posixpath.basename(inner) in ("SUMMARY.md", "GLOSSARY.md", "LANGS.md"):
        return None
    folder, name = posixpath.split(posixpath.splitext(inner)[0])
    if name.lower() == "readme":
        name = "index"
    url = "/" + posixpath.join(folder, name) + ".html"
    return PageUrl(url, url.lstrip("/"))


def _gitbook(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    """GitBook's command-line books write pages as mdBook does; a space synced with gitbook.com
    is served at addresses its own routing gives (not told by the files): none here."""
    if ("gitbook", "command-line") not in site.url_settings:
        return None
    return _mdbook(site, relative, file, matter, has_front_matter)


def _mkdocs(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    inner = _content_path(site, relative)
    if inner is None or any(part[:1] == "." for part in inner.split("/")):
        return None
    folder, name = posixpath.split(inner)
    stem = posixpath.splitext(name)[0]
    if site.translated_links:
        # mkdocs-static-i18n's suffix layout: `page.en.md` is served at `/en/page/`
        base, _, code = stem.rpartition(".")
        if base and code.lower() in site.languages:
            stem = base
            folder = posixpath.join(code.lower(), folder) if code.lower() != site.languages[0] else folder
    if stem.lower() in ("index", "readme"):
        url = "/" + (folder + "/" if folder else "")
        return PageUrl(url, _output(url), yields_to_index=stem.lower() == "readme")
    if _settings(site).get("use_directory_urls") == "false":
        url = "/" + posixpath.join(folder, stem) + ".html"
    else:
        url = "/" + posixpath.join(folder, stem) + "/"
    return PageUrl(url, _output(url))


def _eleventy(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    """Eleventy: a `permalink` string is the URL (`permalink: false` writes no page), from the
    front matter or the data files of the page's folders (`posts/posts.json`: the data
    cascade), whose templates are read in their common forms (`/blog/{{ title | slugify }}/`,
    `{{ page.fileSlug }}`); a page at the top of the input folder is `/name/`, its `index.md`
    `/`. Elsewhere, or where a JavaScript data file takes part, the URL is not known here."""
    inner = _content_path(site, relative)
    if inner is None:
        return None
    cascade = site.eleventy_data(file)
    if cascade is None:
        return None
    computed = cascade.get("eleventyComputed")
    layout = eleventy_layout_data(site, matter.get("layout") or cascade.get("layout"))
    merged = {**layout, **cascade, **matter, **(computed if isinstance(computed, dict) else {})}
    if "permalink" in merged:
        written = _text(merged, "permalink")
        if written is not None and "{" in written:
            written = _eleventy_template(written, merged, inner)
        if written is None or written.startswith(("http:", "https:", "//")) or "://" in written:
            return None
        # Eleventy writes a permalink under its output folder, with or without a leading slash.
        url = _clean("/" + written.lstrip("/").removesuffix("index.html"))
        return PageUrl(url, _output(url), "permalink")
    if "/" in inner:
        return None
    stem = posixpath.splitext(inner)[0]
    url = "/" if stem.lower() == "index" else f"/{stem}/"
    return PageUrl(url, _output(url))


_ELEVENTY_EXPRESSION = lazy(r"\{\{-?\s*([^{}]*?)\s*-?\}\}")
_ELEVENTY_DATE_PREFIX = lazy(r"^\d{4}-\d{2}-\d{2}-")


def _eleventy_template(template: str, matter: Mapping[str, Any], inner: str) -> str | None:
    """A permalink template with its `{{ … }}` filled in, for the forms of most sites: a value
    of the page's data or its `page.fileSlug`, through `slugify` or not. None for any other."""
    stem = posixpath.splitext(posixpath.basename(inner))[0]
    if stem.lower() == "index" and "/" in inner:
        stem = posixpath.basename(posixpath.dirname(inner))
    file_slug = _ELEVENTY_DATE_PREFIX.sub("", stem)
    unknown = False

    def fill(match: "re.Match[str]") -> str:
        nonlocal unknown
        name, *filters = [part.strip() for part in match.group(1).split("|")]
        value = file_slug if name == "page.fileSlug" else matter.get(name)
        if not isinstance(value, (str, int)) or isinstance(value, bool) or "{" in str(value) or any(f not in ("slugify", "slug") for f in filters):
            unknown = True
            return ""
        return eleventy_slugify(str(value)) if filters else str(value)

    filled = _ELEVENTY_EXPRESSION.sub(fill, template)
    return None if unknown or "{" in filled else filled


_CAMEL_BOUNDARIES = (
    lazy(r"([A-Z]{2,})(\d+)"),
    lazy(r"([a-z\d]+)([A-Z]{2,})"),
    lazy(r"([a-z\d])([A-Z])"),
    lazy(r"([A-Z]+)([A-Z][a-rt-z\d]+)"),
)


def eleventy_slugify(text: str) -> str:
    """Eleventy's `slugify` filter (@sindresorhus/slugify): camel case split, `&` read as
    "and", letters spelt in ASCII, lower case, each run of other characters one `-`."""
    from anyascii import anyascii  # its tables load on first use: only Eleventy sites with such permalinks need them

    for pattern in _CAMEL_BOUNDARIES:  # `HTMLElements` is html-elements, `APIs` stays apis
        text = pattern.sub(r"\1 \2", text)
    text = text.replace("&", " and ")
    text = anyascii(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _plain(site: Site, relative: str, file: str, matter: Mapping[str, Any], has_front_matter: bool) -> PageUrl | None:
    """A folder no generator claims: the one certain collision is one name written with two
    markdown extensions (`a.md`, `a.markdown`), which any generator renders to `a.html`."""
    if any(part[:1] in "_." for part in relative.split("/")):
        return None
    url = "/" + posixpath.splitext(relative)[0] + ".html"
    return PageUrl(url, url.lstrip("/"))


_BY_GENERATOR: dict[str, Callable[[Site, str, str, Mapping[str, Any], bool], PageUrl | None]] = {
    "jekyll": _jekyll,
    "hugo": _hugo,
    "hexo": _hexo,
    "zola": _zola,
    "docusaurus": _docusaurus,
    "vuepress": _vuepress,
    "vitepress": _vitepress,
    "rspress": _vitepress,  # the same layout of pages: `a/b.md` is `/a/b.html`, `index.md` its folder's
    "nuxt": _nuxt,
    "astro": _astro,
    "mdbook": _mdbook,
    "gitbook": _gitbook,
    "mkdocs": _mkdocs,
    "eleventy": _eleventy,
    "plain": _plain,
}

"""Resolving local link targets the way static site generators do.

A link target is local when it has no scheme and no host: `image.png`, `../post/`,
`/images/a.png`, `other.md#part`. It resolves against:

* the article's folder (Hugo page bundles, plain markdown folders),
* for a page that is not a bundle (`posts/foo.md`, served at `/posts/foo/`), also the
  folder named after it,
* for a site-absolute `/path`, each of the configured roots under the site's root
  (Hugo's `static/`, `content/`, `assets/`; Zola's `static/`, `content/`), and the content and
  static folders of the site's model (artlint.sites: a Jekyll site's own root, Hexo's
  `source/`, MkDocs' `docs/`),

trying each path as written, then as a page: `path.md`, `path/index.md`, `path/_index.md`,
`path/README.md`, `path/index.html`, and `name.md` for `name.html`.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Callable
from urllib.parse import unquote

from artlint import dependencies
from artlint.boundary import within
from artlint.gitignored import clear_caches as clear_gitignore_cache
from artlint.gitignored import written_by_build
from artlint.lazyre import lazy
from artlint.pageurls import HEXO_PERMALINK, JEKYLL_STYLES, hugo_sanitize, lowers_paths, page_url, section_url
from artlint.sites import detect, is_hugo_page_file, is_language_code, jekyll_default, read_small_file
from artlint.slugs import docusaurus_unnumbered
from artlint.submodules import in_unfetched_submodule as in_unfetched_submodule_of
from artlint.urls import unescape_markdown, written_by_template

if TYPE_CHECKING:
    from artlint.document import Document
    from artlint.links import Link
    from artlint.sites import Site

DEFAULT_ROOTS = [".", "static", "content", "assets"]
# The site's root as a content folder (Jekyll, VitePress, a plain folder of markdown): its
# pages are indexed too, leaving out `.` and `_` folders but `_posts`, and installed packages.
WHOLE_ROOT = "./"
_NOT_PAGES = frozenset(
    {"node_modules", "vendor", "_site", "public", "site", "dist", "build", "_layouts", "_includes", "_sass", "_data"}
)
_SCHEME = lazy(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Hugo's `{{< ref "x" >}}` / `{{< relref path="x" lang="fr" >}}` (`{{% %}}` too): one positional
# argument, or named ones.
_HUGO_REF = lazy(r"""\{\{([<%])-?[ \t]*(?:rel)?ref[ \t]+([^\n]{0,500}?)[ \t]*-?[>%]\}\}""")
_SHORTCODE_ARGUMENT = lazy(r"""(?:([A-Za-z_]\w*)[ \t]*=[ \t]*)?(?:"((?:[^"\\\n]|\\.)*)"|`([^`\n]*)`|([^\s"`=]+))""")
PAGE_SUFFIXES = (".md", ".mdx", ".markdown", ".html", ".htm", ".rmd", ".rmarkdown")


# `someone@example.org` or `docs.example.org/page` written without a scheme: not a local path
# but a mistake that link-malformed reports.
_EMAIL_LIKE = lazy(r"^[^/\s@]+@[^/\s@]+\.[a-z]{2,}$", re.I)
_HOST_LIKE = lazy(
    r"^(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|eu|cn|uk|de|fr|jp|ru|info|me|co|dev|app|ai|us|ca|au|nl|ch)(?:[/:?#]|$)",
    re.I,
)


# A file's suffix where an e-mail address's top-level domain would be: `overview@2x.png`, a
# picture for screens of twice the density, is a file.
_FILE_SUFFIX = lazy(r"\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|pdf|mdx?|html?|css|js|mp4|webm)$", re.I)


def is_host_like(url: str) -> bool:
    """An e-mail address or a host name written where a URL with a scheme belongs."""
    url = url.strip()
    return bool((_EMAIL_LIKE.match(url) and not _FILE_SUFFIX.search(url)) or url.lower().startswith("www.") or _HOST_LIKE.match(url))


def is_local(url: str) -> bool:
    """No scheme, no host, not a bare fragment, not a template: a path into the site."""
    url = url.strip()
    if not url or url.startswith(("#", "//", "?", "mailto:")):
        return False
    if written_by_template(url) or "%7B%7B" in url or "%7B%25" in url or url.startswith("{"):
        return False  # a template writes it: `/{{ page.lang }}/feed.xml`, `{% post_url x %}`, MDX's `href={url}`, EJS's `<%= name %>`
    if (len(url) >= 3 and url.strip(".") == "") or url.strip("…") == "":
        return False  # `<a href="...">`: an elided address in an example of output, no path
    if _SCHEME.match(url) or is_host_like(url):
        return False
    return True


def _named_in_folders(root: str, folders: tuple[str, ...], name: str) -> list[Path]:
    """The files called `name` anywhere under `folders` (relative to `root`). The folders read
    are recorded, so that a file added anywhere under them is seen by a cached run."""
    index, read = _files_by_name(root, folders)
    for folder, signature in read:
        dependencies.record("stat", folder, signature)
    return [Path(path) for path in index.get(name, ())]


_MOST_NAMED_FILES = 200_000


@lru_cache(maxsize=8)
def _files_by_name(root: str, folders: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]:
    """Each file name under the folders, with the paths that hold it; and every folder walked,
    with its stat signature (a folder's changes when a file is added to it or taken out)."""
    found: dict[str, list[str]] = {}
    read: list[tuple[str, str]] = []
    count = 0
    for base in folders:
        for directory, subfolders, names in os.walk(os.path.join(root, base)):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name != "node_modules")
            read.append((directory, dependencies.signature_of(directory)))
            for name in names:
                found.setdefault(name, []).append(os.path.join(directory, name))
                count += 1
            if count > _MOST_NAMED_FILES:
                break
    return {name: tuple(paths) for name, paths in found.items()}, tuple(read)


def read_from_unknown_pages(doc: "Document", path: str) -> bool:
    """Whether a relative `path` in the document is read from pages artlint cannot name: a
    document of a Jekyll collection without `output: true` has no page of its own, and the
    layouts that show its text choose the pages (`site.download-meta | where: "id", type`)."""
    return not path.startswith("/") and doc.site is not None and doc.file is not None and doc.site.data_only(str(doc.file))


def split_target(url: str) -> tuple[str, str]:
    """(path, fragment) of a local target, both percent-decoded; the query is dropped."""
    path, _, fragment = url.strip().partition("#")
    path = path.split("?", 1)[0]
    return unquote(path), unquote(fragment)


def link_target(link: "Link") -> tuple[str, str]:
    """`split_target` of a link's URL as its markup reads it: in markdown, a backslash before
    punctuation is an escape (`kialis\\.kiali\\.io/` is `kialis.kiali.io/`); in HTML it is the
    URL's own character."""
    return split_target(link.url if link.kind == "html" else unescape_markdown(link.url))


@dataclass(frozen=True)
class HugoRef:
    """A Hugo `ref` or `relref` shortcode: its place in the text, its target, its `lang`."""

    start: int
    end: int
    target: str
    language: str | None = None


def hugo_refs(doc: "Document") -> list[HugoRef]:
    """The `ref` and `relref` shortcodes of the article outside code and comments (none in a
    file outside the content folders, which Hugo does not build): written as they are, or
    with `_` for their spaces where templating masked them as a link's URL (a
    reference definition `[x]: {{< relref "y" >}}`, an inline `[x]({{< ref "y" >}})`)."""
    return doc.memo("hugo-refs", lambda: _find_hugo_refs(doc))


def _find_hugo_refs(doc: "Document") -> list[HugoRef]:
    found: list[HugoRef] = []
    if "ref" not in doc.text or "{{" not in doc.text:
        return found
    if doc.page is not None and doc.page.kind == "repository":
        return found  # outside the content folders (a backup, notes): Hugo never runs its shortcodes
    prose = doc.prose_text
    for match in _HUGO_REF.finditer(doc.text, doc.body_offset):
        if not prose.startswith("{{", match.start()):
            continue  # in code or a comment: blanked in the prose
        arguments = _ref_arguments(match.group(2))
        if arguments is not None:
            found.append(HugoRef(match.start(), match.end(), *arguments))
    return found


def _ref_arguments(text: str) -> tuple[str, str | None] | None:
    """(path, lang) of a ref shortcode's arguments: `"x"`, or `path="x" lang="fr"`."""
    path = language = None
    for number, argument in enumerate(_SHORTCODE_ARGUMENT.finditer(text)):
        name = argument.group(1)
        value = next((group for group in argument.groups()[1:] if group is not None), "")
        if name is None and number == 0:
            path = value
        elif name == "path":
            path = value
        elif name == "lang":
            language = value.lower() or None
    return (path, language) if path else None


def _from_repository_root(doc: "Document", path: str) -> Path | None:
    """`[workflows](/.github/workflows/)` in a README: GitHub, where a repository's own
    documents are read, resolves a path from `/` against the repository's root."""
    root = site_root(doc)
    if root is None:
        return None
    target = Path(os.path.normpath(root / path.lstrip("/")))
    return target if within(str(target), str(root)) and _exists(str(target)) else None


_TRANSLATED_DOCS_VERSION = lazy(r"(i18n/[^/]+/docusaurus-plugin-content-docs(?:-([^/]+))?/([^/]+))/")


def _docusaurus_version_file(doc: "Document", path: str) -> Path | None:
    """`/intro/quickstart.md` in a doc of version 3 (its translation too): Docusaurus reads a
    markdown file's path from `/` against the content folder of the doc's own version and
    locale, then the version's original, not against the current docs."""
    site = doc.site
    if site is None or site.generator != "docusaurus" or doc.file is None or not path.lower().endswith((".md", ".mdx")):
        return None
    relative = os.path.relpath(str(doc.file), site.root).replace(os.sep, "/")
    folders = []
    translated = _TRANSLATED_DOCS_VERSION.match(relative)
    if translated:
        instance, version = translated.group(2), translated.group(3)
        folders.append(translated.group(1))
        if version != "current":
            folders.append(f"{instance + '_' if instance else ''}versioned_docs/{version}")
    else:
        folders += [folder for folder in site.content if folder != "." and within(relative, folder)][:1]
    return _existing([Path(site.root, folder, path.lstrip("/")) for folder in folders])


def _from_sites_below(doc: "Document", path: str) -> Path | None:
    """`/images/a.png` in a repository's docs that a build script copies into the site kept in
    its `website/` folder (the repository's `holds_sites`): the docs are written for that site,
    and the image is in its static folder (`website/static/images/a.png`)."""
    site = doc.site
    if site is None or not site.holds_sites:
        return None
    relative = path.lstrip("/")
    candidates = []
    for folder in site.holds_sites:
        below = _site_below(os.path.join(site.root, folder))
        if below is not None:
            candidates += [Path(below.root, static, relative) for static in below.static]
    return _existing(candidates)


@lru_cache(maxsize=16)
def _site_below(folder: str) -> "Site | None":
    return detect(folder)


def _from_site_above(doc: "Document", path: str) -> Path | None:
    """`/img/a.png` or `/screencasts` in a book kept in `docs/` of a Hugo site, which publishes
    the built book under its own address (`static/documentation/`): what a site kept inside
    another site's repository cannot find at its own root is the enclosing site's, a file of
    its static folders or one of its pages."""
    site = doc.site
    if site is None or site.generator == "plain":
        return None
    outer = _site_above(site.root)
    if outer is None:
        return None
    relative = path.lstrip("/")
    candidates = [Path(outer.root, static, relative) for static in outer.static]
    for content in outer.content:
        candidates += _page_variants(Path(os.path.normpath(os.path.join(outer.root, content, relative))), path.endswith("/"))
    return _existing(candidates)


@lru_cache(maxsize=16)
def _site_above(root: str) -> "Site | None":
    """The site configured in a folder above `root`, up to the repository's top."""
    folder = os.path.abspath(root)
    for _ in range(_LEVELS_ABOVE):
        if os.path.exists(os.path.join(folder, ".git")):
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
        site = _site_below(folder)
        if site is not None and site.generator != "plain" and os.path.abspath(site.root) == folder:
            return site
    return None


_LEVELS_ABOVE = 4


def _plain_on_github(doc: "Document") -> bool:
    """A page of a folder no generator builds, in a repository read on GitHub (plain sites'
    `autolinks`): GitHub shows it, and lists a folder it links to."""
    return doc.site is not None and doc.site.generator == "plain" and doc.site.autolinks


def read_on_github(doc: "Document") -> bool:
    """A page read on GitHub: one of the repository's own documents (README, CONTRIBUTING), or
    a page of a folder no generator builds in a repository read there."""
    return doc.page is not None and (doc.page.kind == "repository" or _plain_on_github(doc))


def _folder_on_github(path: Path) -> Path | None:
    """A folder that a repository's own document (README, CONTRIBUTING) links to: GitHub, where
    it is read, lists the folder; on the site a folder needs an index page."""
    return path if _exists(str(path)) and path.is_dir() else None


def _page_variants(path: Path, trailing_slash: bool) -> list[Path]:
    variants = [] if trailing_slash else [path]
    variants += [path / "index.md", path / "_index.md", path / "README.md", path / "index.html", path / "index.mdx", path / "index.markdown"]
    if path.name:
        # `.markdown` is Jekyll's own suffix (its `jekyll new` writes posts so)
        variants += [path.with_name(path.name + ".md"), path.with_name(path.name + ".mdx"), path.with_name(path.name + ".markdown")]
    if path.suffix.lower() in (".html", ".htm"):
        stem = path.with_suffix("")  # `00.01_Curso-Java.html` is written `00.01_Curso-Java.md`: no suffix replaced
        variants += [stem.with_name(stem.name + ".md"), stem.with_name(stem.name + ".markdown"), stem / "index.md", stem / "_index.md"]
    if path.suffix.lower() == ".md":  # Docusaurus: a page linked as .md may be written as .mdx
        variants.append(path.with_suffix(".mdx"))
    return variants


_REACT_PAGE_SUFFIXES = (".js", ".jsx", ".ts", ".tsx")
# What makes a page or a file in Astro's `src/pages`: components, markdown, HTML, endpoints
# (`rss.xml.ts` is /rss.xml).
_ASTRO_ROUTE_SUFFIXES = (".astro", ".md", ".mdx", ".markdown", ".html", ".ts", ".js")
_MOST_ASTRO_MATCHES = 200


def _astro_route(site, relative: str) -> bool:
    """Whether a file of Astro's `src/pages` answers the site path `relative` (no leading `/`):
    `about.astro` or `about/index.astro` for `about`, `[slug].astro` for any one segment,
    `[...rest]` (a file or a folder) for any number of them, none too; `_` names make no route."""
    pages = next((folder for kind, folder, _ in site.doc_sources if kind == "pages"), None)
    if pages is None:
        return False
    segments = [segment for segment in relative.strip("/").split("/") if segment]
    # the dynamic pages that serve a collection whose entries' addresses are known answer those only
    served = {os.path.join(site.root, pages, *route.split("/")) for kind, _, route in site.doc_sources if kind == "collection"}
    budget = [_MOST_ASTRO_MATCHES]
    return _astro_matches(os.path.join(site.root, pages), segments, budget, served)


def _astro_matches(folder: str, segments: list[str], budget: list[int], served: set[str]) -> bool:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    names = _route_entries(folder)
    routes = [name for name in names if not name.startswith(("_", ".")) and not (folder in served and name.startswith("["))]
    for name in routes:
        stem = next((name[: -len(suffix)] for suffix in _ASTRO_ROUTE_SUFFIXES if name.endswith(suffix)), None)
        is_folder = stem is None
        part = name if stem is None else stem
        if part.startswith("[...") and part.endswith("]"):  # a rest parameter: any segments, or none
            if is_folder:
                if any(_astro_matches(os.path.join(folder, name), segments[taken:], budget, served) for taken in range(len(segments) + 1)):
                    return True
            else:
                return True
        elif part.startswith("[") and part.endswith("]"):  # one segment, whatever it is
            if segments and (_astro_matches(os.path.join(folder, name), segments[1:], budget, served) if is_folder else len(segments) == 1):
                return True
        elif not is_folder and (segments == [part] or (not segments and part == "index")):
            return True
        elif is_folder and segments and segments[0] == part and _astro_matches(os.path.join(folder, name), segments[1:], budget, served):
            return True
    return False


def _route_entries(folder: str) -> tuple[str, ...]:
    """The names of a folder of routes, recorded for the cache (a route added later changes them)."""
    names = dependencies.folder_entries(folder)
    dependencies.record("entries", folder, names)
    return names


# Eleventy's template languages besides markdown: a page may be written in any of them.
_ELEVENTY_PAGE_SUFFIXES = (".njk", ".liquid", ".webc", ".11ty.js", ".11ty.cjs", ".11ty.mjs", ".hbs", ".ejs", ".pug", ".haml", ".mustache")


def _react_page_variants(path: Path) -> list[Path]:
    """The files of a Docusaurus page written as a React component at `path`'s URL."""
    return _suffixed_page_variants(path, _REACT_PAGE_SUFFIXES)


def _suffixed_page_variants(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files at `path`'s URL written with one of `suffixes`: `path/index.x` and `path.x`."""
    variants = [path / f"index{suffix}" for suffix in suffixes]
    if path.name:
        variants += [path.with_name(path.name + suffix) for suffix in suffixes]
    return variants


@lru_cache(maxsize=65536)
def _exists_on_disk(path: str) -> bool:
    return os.path.exists(path)


def _exists(path: str) -> bool:
    exists = _exists_on_disk(path)
    dependencies.record("exists", path, exists)
    return exists


exists_as_dependency = _exists  # for rules: whether a file exists, recorded for the cache


# The candidates looked for while `written_by_build_step` probes a target; None otherwise.
_probed: list[str] | None = None


def _existing(candidates: list[Path]) -> Path | None:
    if _probed is not None:
        _probed.extend(str(candidate) for candidate in candidates)
    for candidate in candidates:
        if _exists(str(candidate)) and not candidate.is_dir():
            return candidate
    return None


def hexo_post_asset(doc: "Document", name: str) -> Path | None:
    """The file `{% asset_img name %}` names in a Hexo post: `name` in the post's asset folder,
    the folder beside it named after its file (`_posts/2020/a-post.md` has `_posts/2020/a-post/`)."""
    if doc.file is None:
        return None
    folder = Path(os.path.splitext(doc.file)[0])
    path = posixpath.normpath(name.replace("\\", "/"))
    if path.startswith(("../", "/")) or path == "..":
        return None
    return _existing([folder / path])


def site_root(doc: "Document") -> Path | None:
    """The site's root: the folder of the generator's configuration (artlint.sites) or of a web
    framework's package.json (a plain site with a static folder: Astro's `src/content/` pages
    and its `public/`), else the folder above the `content/` folder that holds the article,
    else the project's root (the configuration's folder)."""
    if doc.site is not None and (doc.site.config_file is not None or doc.site.static):
        return Path(doc.site.root)  # ... or the folder of a web framework's package.json, beside its `public/`
    if doc.file is not None:
        for parent in doc.file.resolve().parents:
            if parent.name == "content":
                return parent.parent
    return doc.root


def _site_directory(doc: "Document", roots: list[str]) -> PurePosixPath | None:
    """The site path of the article's folder when it lies under one of the roots, e.g. /posts."""
    root = site_root(doc)
    if doc.file is None or root is None:
        return None
    folder = doc.file.resolve().parent
    found = None
    for base_name in roots:
        base = (root / base_name).resolve()
        try:
            relative = folder.relative_to(base)
        except ValueError:
            continue
        # The innermost root: `content/2020/perf/` is /2020/perf, not /content/2020/perf
        # (static/2020/perf/ holds what such a page links relatively on Zola and Hugo).
        if found is None or len(relative.parts) < len(found.parts):
            found = relative
    return None if found is None else PurePosixPath("/") / found.as_posix()


def _astro_routed_entry(doc: "Document") -> bool:
    """Whether the page is an entry of an Astro content collection whose route is known (its
    URL is not its folder's path); an entry of a collection whose route the site's code
    computes is read where its folder lies, the likeliest place."""
    site = doc.site
    if site is None or site.generator != "astro" or doc.absolute_file is None:
        return False
    source = site.plugin_source(site.relative(doc.absolute_file))
    return source is not None and source[0] in ("collection", "docs")


def _url_folder(doc: "Document") -> list[PurePosixPath]:
    """The folder of the page's URL where the generator's rules give one (Zola's
    `2024-02-01-speed/index.md` is /blog/speed/): a relative link from the page is read there,
    and `static/blog/speed/` may hold its target."""
    site, file = doc.site, doc.absolute_file
    if site is None or file is None or site.generator not in ("zola", "hugo", "jekyll", "hexo", "docusaurus", "eleventy", "astro"):
        return []

    def compute() -> list[PurePosixPath]:  # once per page, however many of its links are missing
        matter = doc.front_matter.data if doc.front_matter is not None else None
        # The site model takes absolute files: a checked file's own path is relative to where artlint runs.
        found = page_url(site, file, matter, as_published=True)  # a draft's links are read where it will be
        name = os.path.basename(file)
        if found is None and site.generator == "docusaurus" and name.startswith("_"):
            # A partial (`_access-policy.md`) is read inside the pages of its folder that import
            # it: its relative links are read against their URLs, a sibling's.
            found = page_url(site, os.path.join(os.path.dirname(file), name.lstrip("_") or "index.md"), None)
        if found is None:
            section = section_url(site, file, matter)  # a section's `_index.md`
            return [PurePosixPath(section)] if section is not None else []
        # `/2024/05/31/sleep.html` and `/kvm-intro` (Jekyll's `permalink: /kvm-intro`) are
        # files of their folders: a browser reads `img/a.png` from `/2024/05/31/` and `/`.
        return [PurePosixPath(found.url if found.url.endswith("/") else posixpath.dirname(found.url))]

    return doc.memo("page-url-folder", compute)


def site_path_from_page_url(doc: "Document", path: str) -> str | None:
    """A relative link read where a browser reads it, against the page's URL (`../b/` from a
    page served at /conduct/ is /b/), when the generator's rules give that URL."""
    folders = _url_folder(doc)
    return posixpath.normpath(str(folders[0] / path)) + ("/" if path.endswith("/") else "") if folders else None


def with_site_roots(doc: "Document", roots: list[str]) -> list[str]:
    """The roots configured, then the content and static folders of the article's site."""
    site = doc.site
    if site is None:
        return roots
    extra = [WHOLE_ROOT if folder == "." else folder for folder in site.roots]
    if site.config_file is None or site.generator == "plain":
        extra.append(WHOLE_ROOT)
    return list(dict.fromkeys([*roots, *extra]))


def _lowers_paths(doc: "Document") -> bool:
    """Whether the site's URLs are its files' paths in lower case (Hugo, unless
    `disablePathToLower`): `reference/CLI/intro.md` is served at `reference/cli/intro/`, and
    a link relative to the page is written so."""
    site = doc.site
    return site is not None and site.generator == "hugo" and lowers_paths(site)


def _existing_any_case(candidates: list[Path]) -> Path | None:
    for candidate in candidates:
        found = _path_any_case(str(candidate))
        if found is not None and _exists(found) and not os.path.isdir(found):
            return Path(found)
    return None


def _path_any_case(path: str) -> str | None:
    """The existing path that `path` names when case is ignored, None when there is none."""
    if _exists_on_disk(path):
        return path
    parent, name = os.path.split(path)
    if not name:
        return None
    folder = _path_any_case(parent) if parent and parent != path else None
    if folder is None:
        return None
    folded = name.casefold()
    # The answer holds while the folder's entries do: a folder's times change when one is added.
    dependencies.record("stat", folder, dependencies.signature_of(folder))
    return next((os.path.join(folder, entry) for entry in _entries(folder) if entry.casefold() == folded), None)


@lru_cache(maxsize=4096)
def _entries(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder))
    except OSError:
        return ()


def in_other_case(doc: "Document", path: str) -> str | None:
    """For a relative path that names no file: the path, as written from the page's folder, of
    the file it names when letter case is ignored (`Sql优化/a.png` for `SQL优化/a.png`); None
    when there is none. A web server tells the two apart; a case-insensitive disk does not."""
    if doc.absolute_file is None or not path or path.startswith("/") or "\\" in path:
        return None
    folder, name = os.path.split(doc.absolute_file)
    # beside the page, or in the folder named as the page (Hexo's post asset folder, Hugo's bundle)
    for base in (folder, os.path.join(folder, os.path.splitext(name)[0])):
        written = os.path.normpath(os.path.join(base, path))
        if not doc.boundary.contains(written):
            continue  # never look outside the checked folder
        found = _path_any_case(written)
        if found is not None and found != written and os.path.isfile(found) and doc.boundary.contains(found):
            return os.path.relpath(found, folder).replace(os.sep, "/")
    return None


def case_hint(doc: "Document", path: str) -> str:
    """What a not-found message adds when the file exists in other letter case ("" when not)."""
    other = in_other_case(doc, path)
    return f": '{other}' differs only in letter case, which web servers tell apart" if other else ""


def in_unfetched_submodule(doc: "Document", path: str, roots: list[str]) -> bool:
    """Whether the places a local link path may lead to lie in a git submodule the checkout
    has not fetched: the target cannot be checked (artlint.submodules)."""
    root = site_root(doc)
    if doc.file is None or root is None:
        return False
    if path.startswith("/"):
        bases = [str(root / (folder if folder != WHOLE_ROOT else ".")) for folder in with_site_roots(doc, roots)]
        candidates = [os.path.join(base, path.lstrip("/")) for base in bases]
    else:
        candidates = [os.path.abspath(os.path.join(str(doc.file.parent), path))]  # the file may be named from the current folder
    if path.startswith("/") and doc.site is not None and doc.site.generator == "hugo":
        # a theme's static files (`/images/a.webp` in `themes/x/static/`), where the theme is a
        # submodule the checkout has not fetched
        themes = root / "themes"
        candidates += [os.path.join(str(themes), name, kind, path.lstrip("/")) for name in _entries(str(themes)) for kind in ("static", "assets")]
    if path.startswith("/") and doc.site is not None and shaped_like_a_post(doc, path):
        # `/news/2016/07/13/qubes-distributed-fund/`: a post's permalink, where the posts are a
        # submodule (`_posts`) the checkout has not fetched
        candidates += [os.path.join(str(root), folder, "_posts") for folder in doc.site.content]
    return in_unfetched_submodule_of(candidates, str(root))


def hugo_ref_in_unfetched_content(doc: "Document", target: str) -> bool:
    """Whether a Hugo ref's page may be one that a content folder in an unfetched submodule
    holds (a module mount of `../sdkdocs/python/…`): a ref by name may name any page, a ref by
    path one under the folder's mount point. Hugo fails the build on a ref it cannot find."""
    site, root = doc.site, site_root(doc)
    if site is None or root is None:
        return False
    unfetched = {folder for folder in site.content if in_unfetched_submodule_of([os.path.normpath(os.path.join(str(root), folder))], str(root))}
    if not unfetched:
        return False
    path = target.partition("#")[0].strip("/")
    if "/" not in path:
        return True  # looked up by its name across the site
    prefixes = [prefix.strip("/") for folder, prefix in site.content_prefixes if folder in unfetched]
    return any(path == prefix or path.startswith(prefix + "/") for prefix in prefixes)


def resolve(doc: "Document", path: str, roots: list[str]) -> Path | None:
    """The file a local link path leads to, or None when none exists. Answers are kept with the
    document: an article that links one target 50,000 times (a hostile or a generated file)
    asks the disk once, and records its dependencies once."""
    roots = with_site_roots(doc, roots)
    if "\\" in path and _browser_reads_backslashes(doc, path):
        path = path.replace("\\", "/")
    answers = doc.memo("resolved-local-files", dict)  # (path, roots) -> the file
    key = (path, tuple(roots))
    if key not in answers:
        answers[key] = _resolve(doc, path, roots)
    return answers[key]


# Generators that write a link's or an image's path into the page as it is; a bundler
# (Docusaurus, VitePress, VuePress) looks the file up itself and finds no `..\\img\\a.png`.
_PASSED_THROUGH = ("jekyll", "hexo", "hugo", "zola", "plain")


def _browser_reads_backslashes(doc: "Document", path: str) -> bool:
    """`\\images\\a.png`, written on Windows: browsers read a backslash as a slash in http(s)
    URLs, so the page loads `/images/a.png` where the generator leaves the path as written."""
    if doc.site is None or not path.strip("\\/"):
        return False
    if doc.site.generator == "mkdocs":
        # MkDocs leaves a path it cannot map to a file as written; without directory URLs the
        # page sits beside its source, so `pics\\a.png` loads from where `pics/a.png` would.
        return ("use_directory_urls", "false") in doc.site.url_settings
    return doc.site.generator in _PASSED_THROUGH


def _resolve(doc: "Document", path: str, roots: list[str]) -> Path | None:
    if doc.file is None:
        return None
    trailing = path.endswith("/")
    if not path:
        return doc.file
    if path.startswith("@/"):  # Zola's internal link: a file under content/
        root = site_root(doc)
        return None if root is None else _existing([root / folder / path[2:] for folder in _content_folders(doc)])
    if path.startswith("@site/") and doc.site is not None and doc.site.generator == "docusaurus":
        # Docusaurus turns a markdown link's or image's file path into a `require()`, where
        # `@site` is the site's folder: `![](@site/docs/assets/a.png)`.
        return _existing(_page_variants(Path(os.path.normpath(os.path.join(doc.site.root, path[len("@site/") :]))), trailing))
    if path.startswith("/"):
        # `/../../images/x.png` is `/images/x.png`: a browser climbs no higher than the site's root
        path = posixpath.normpath(path) + ("/" if trailing and path.rstrip("/") else "") if "/.." in path else path
        found = _docusaurus_version_file(doc, path)
        if found is None:
            found = _from_roots(doc, PurePosixPath(path), roots, trailing)
        if found is None and doc.site is not None and doc.site.generator == "hugo" and not trailing:
            found = _bundle_resource_at(doc, path)
        if found is None and doc.site is not None and doc.site.generator == "docusaurus":
            root = site_root(doc)
            found = None if root is None else _root_slug_page([root / base / path.lstrip("/") for base in roots])
        if found is None and doc.site is not None:
            inner = _inside_site(doc.site, path)
            if inner != path:
                return _resolve(doc, inner, roots)
        if found is None and doc.page is not None and doc.page.kind == "repository":
            found = _from_repository_root(doc, path) or _from_sites_below(doc, path)
        if found is None:
            found = _from_site_above(doc, path)
        return found
    folder = doc.file.parent
    if trailing and doc.site is not None and doc.site.generator in ("mkdocs", "docusaurus") and path.rstrip("/").lower().endswith((".md", ".mdx")):
        # MkDocs normalises `page.md/` to the page; Docusaurus replaces the `page.md` and keeps what follows
        path, trailing = path.rstrip("/"), False
    candidates = _page_variants(Path(os.path.normpath(folder / path)), trailing)
    if doc.site is not None and doc.site.translated_links:
        candidates = _own_language_variants(doc, Path(os.path.normpath(folder / path))) + candidates
    if doc.site is not None and doc.site.input_path_links and not path.startswith((".", "/")):
        # Eleventy's InputPathToUrl: `blog/thirdpost.md` names the input file from the input folder or the project's top
        candidates += [Path(os.path.normpath(os.path.join(doc.site.root, base, path))) for base in (*doc.site.content, ".")]
    if doc.site is not None and doc.site.generator == "docsify" and ("relativePath", "false") in doc.site.url_settings:
        candidates += _page_variants(Path(os.path.normpath(os.path.join(doc.site.root, path))), trailing)  # read from docsify's root
    if doc.site is not None and doc.site.generator == "logseq" and path.startswith("assets/"):
        candidates.append(Path(doc.site.root, path))  # Logseq reads `assets/a.png` from the graph's top, as `../assets/a.png`
    if doc.site is not None and doc.site.by_name_folders and "/" not in path and "\\" not in path:
        candidates += _named_in_folders(doc.site.root, doc.site.by_name_folders, path)  # Writerside: `[x](file.md)` anywhere
    if doc.site is not None and doc.site.generator in ("mdbook", "gitbook"):
        # mdBook and GitBook render a chapter's `README.md` as its folder's `index.html`: `index.md` names it
        candidates += [candidate.with_name("README.md") for candidate in candidates if candidate.name.lower() in ("index.md", "index.html")]
    if not _is_bundle(doc.file):
        candidates += _page_variants(Path(os.path.normpath(folder / _url_stem(doc) / path)), trailing)
    if doc.site is not None and doc.site.translated_links:
        candidates += _suffixed_translations(doc, candidates)
    if doc.site is not None and doc.site.generator == "docusaurus" and not path.startswith((".", "/")):
        # Docusaurus resolves a file link from the page's folder, then from each content folder,
        # then from the site's folder (`docs/guide/setup.md` from any page).
        candidates += [
            variant
            for folder in (*doc.site.content, ".")
            for variant in _page_variants(Path(os.path.normpath(os.path.join(doc.site.root, folder, path))), trailing)
        ]
    found = _existing(candidates) or (_existing_any_case(candidates) if _lowers_paths(doc) else None)
    if found is None:
        found = _existing(_translated_variants(doc, Path(os.path.normpath(folder / path))))
    if found is None:
        found = _existing(_i18n_fallbacks(doc, Path(os.path.normpath(folder / path))))
    if found is None and read_on_github(doc):
        found = _folder_on_github(Path(os.path.normpath(folder / path)))
    if found is not None:
        return found
    site_folder = _site_directory(doc, roots)
    if site_folder is not None and _astro_routed_entry(doc):
        # an Astro collection's entry is served at its route, not where its folder lies: its
        # relative links are read from its URL's folder alone
        bases: tuple[PurePosixPath, ...] = tuple(_url_folder(doc))
    elif site_folder is not None:
        page = site_folder if _is_bundle(doc.file) else site_folder / doc.file.stem
        bases = (site_folder, page, *_url_folder(doc))
    else:
        bases = ()
    for base in bases:
        site_path = PurePosixPath(os.path.normpath(str(base / path)))
        found = _from_roots(doc, site_path, roots, trailing)
        if found is not None:
            return found
    if doc.site is not None and doc.site.root_base:  # `<base href="{{ .Site.BaseURL }}">`: read from the root
        found = _from_roots(doc, PurePosixPath(posixpath.normpath("/" + path)), roots, trailing)
        if found is not None:
            return found
    if doc.site is not None and doc.site.generator == "hugo" and len(doc.site.language_folders) > 1:
        return _translated_bundle_resource(doc, path, trailing)
    if doc.site is not None and doc.site.generator == "docusaurus":
        return _root_slug_page([Path(os.path.normpath(folder / path))])
    return None


def _inside_site(site: "Site", path: str) -> str:
    """A site path without the path the site is published under (`/docs/img/a.png` is
    `/img/a.png` under `baseURL: https://x.org/docs`), and on a Hugo site in several languages
    without its language's folder (`/en/guide/images/a.png`, a page resource published with
    each translation of the page), and on a Docusaurus site without a locale's prefix
    (`/fr/open/`, `/fr/img/a.png`: each locale's build holds every page and static file of the
    default one, translated or not); the path itself when it has neither."""
    base = site.base_path
    if base and (path == base or path.startswith(base + "/")):
        return path[len(base) :] or "/"
    prefixed = site.languages if site.generator == "hugo" else site.languages[1:] if site.generator == "docusaurus" else ()
    if len(site.languages) > 1 and prefixed:
        head, slash, rest = path[1:].partition("/")
        if slash and head.lower() in prefixed:
            return "/" + rest
    return path


_ROOT_SLUG = lazy(r"""^slug[ \t]*:[ \t]*["']?/["']?[ \t]*$""", re.M)


def _root_slug_page(folders: list[Path]) -> Path | None:
    """The page that a Docusaurus docs folder is served by: the doc whose `slug: /` makes it the
    folder's root (`../` to the docs' root, `/docs` from the blog), at the top of the folder or
    in a sub-folder (`Get-Started/intro.md`), a few levels down."""
    for folder in folders:
        if not _exists(str(folder)) or not folder.is_dir():
            continue
        found = _root_slug_below(str(folder), str(folder), _ROOT_SLUG_DEPTH)
        if found is not None:
            return Path(found)
    return None


_ROOT_SLUG_DEPTH = 3


def _root_slug_below(folder: str, root: str, depth: int) -> str | None:
    names = sorted(_entries(folder))
    for name in names:
        page = os.path.join(folder, name)
        if name.endswith((".md", ".mdx")) and _ROOT_SLUG.search(_page_head(page, root)):
            dependencies.record("stat", page, dependencies.signature_of(page))
            return page
    if depth <= 1:
        return None
    for name in names:
        below = os.path.join(folder, name)
        if not name.startswith((".", "_")) and not name.endswith((".md", ".mdx")) and os.path.isdir(below) and not os.path.islink(below):
            found = _root_slug_below(below, root, depth - 1)
            if found is not None:
                return found
    return None


def _translated_variants(doc: "Document", path: Path) -> list[Path]:
    """The pages a folder or page path names on a Hugo site whose translations are marked by
    a suffix (`smtp/_index.de.md` for `../smtp/`): in the page's own language, then the
    site's default."""
    site = doc.site
    if site is None or site.generator != "hugo" or len(site.languages) < 2:
        return []
    own = doc.page.language if doc.page is not None else None
    return [variant for language in dict.fromkeys(code for code in (own, site.languages[0]) if code) for variant in _in_language(path, language)]


def _i18n_fallbacks(doc: "Document", path: Path) -> list[Path]:
    """mkdocs-static-i18n's folder layout: a file missing from the page's language folder
    (`docs/ko/assets/a.png`, `docs/ko/untranslated.md`) is served from the default language's
    folder, then from the docs folder itself (its `fallback_to_default`)."""
    site = doc.site
    if site is None or site.generator != "mkdocs" or not site.languages or site.translated_links or not site.language_folders:
        return []
    root = Path(os.path.abspath(site.root))
    absolute = Path(os.path.abspath(path))
    for folder, _ in site.language_folders:
        try:
            rest = absolute.relative_to(root / folder)
        except ValueError:
            continue
        return [root / site.language_folders[0][0] / rest, *(root / content / rest for content in site.content)]
    return []


def _url_stem(doc: "Document") -> str:
    """The last part of the page's address that its file names: its stem, without the
    language of mkdocs-static-i18n's suffix layout (`page3.en.md` is served at `page3/`)."""
    stem = doc.file.stem if doc.file is not None else ""
    site = doc.site
    if site is not None and site.translated_links:
        base, _, code = stem.rpartition(".")
        if base and code.lower() in site.languages:
            return base
    return stem


def _suffixed_translations(doc: "Document", candidates: list[Path]) -> list[Path]:
    """mkdocs-static-i18n's suffix layout: a page written `page1.pt.md` (or only in the default
    language, `page1.en.md`) answers a link to `page1.md` or to its address `page1/`; so does
    an image (`shot.de.png` for `shot.png`), which the plugin localises as it does pages."""
    site = doc.site
    own = doc.page.language if doc.page is not None else None
    codes = list(dict.fromkeys(code for code in (own, site.languages[0] if site is not None and site.languages else None) if code))
    return [
        candidate.with_name(f"{candidate.stem}.{form}{candidate.suffix}")
        for candidate in candidates
        if candidate.suffix
        for code in codes
        for form in dict.fromkeys((code, bcp47_case(code)))
    ]


def _own_language_variants(doc: "Document", path: Path) -> list[Path]:
    """`page.en.md` for a link to `page.md` from a page in English: mkdocs-static-i18n's suffix
    layout sends each translation's links to the page in its own language."""
    own = doc.page.language if doc.page is not None else None
    site = doc.site
    if not own or site is None or not site.languages or own == site.languages[0] or path.suffix.lower() != ".md":
        return []
    return [path.with_name(f"{path.stem}.{code}{path.suffix}") for code in dict.fromkeys((own, bcp47_case(own)))]


def _translated_bundle_resource(doc: "Document", path: str, trailing: bool) -> Path | None:
    """A relative link from a translation to a file of the same page bundle in another
    language's folder: Hugo (0.123 and later) shares a bundle's resources across its
    translations, a translation without `a.gif` uses the other language's."""
    if doc.file is None or doc.site is None:
        return None
    root = Path(doc.site.root)
    relative = doc.site.relative(str(doc.file.parent))
    own = next((folder for folder, _ in doc.site.language_folders if within(relative, folder)), None)
    if own is None:
        return None
    inner = relative[len(own) :].lstrip("/")
    candidates: list[Path] = []
    for folder, _ in doc.site.language_folders:
        if folder != own:
            candidates += _page_variants(Path(os.path.normpath(root / folder / inner / path)), trailing)
    return _existing(candidates)


def _bundle_resource_at(doc: "Document", path: str) -> Path | None:
    """A site path to a file of a Hugo page bundle whose URL the path names by its last folder
    (`/docs/setup/intro/shot.png` for `content/en/documentation/setup/intro/shot.png`, published
    under a permalink pattern): the file, when a bundle of that folder name holds it."""
    folder, _, name = path.rstrip("/").rpartition("/")
    bundle = folder.rsplit("/", 1)[-1]
    root = site_root(doc)
    if not bundle or not name or root is None:
        return None
    folders = tuple(dict.fromkeys(["content", *_content_folders(doc)]))
    _record_page_names(str(root), folders)
    found = _bundle_files(str(root), folders).get((unquote(bundle).casefold(), unquote(name).casefold()))
    return Path(found) if found else None


@lru_cache(maxsize=16)
def _bundle_files(root: str, folders: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """(a page bundle's folder name, a file's name) -> the file, for the files (not markdown)
    of the leaf and branch bundles of the content folders, the first met of each pair."""
    found: dict[tuple[str, str], str] = {}
    tops = [os.path.normpath(os.path.join(root, folder)) for folder in folders]
    for top in sorted(set(tops)):
        if not os.path.isdir(top) or any(other != top and within(top, other) for other in tops):
            continue
        for directory, subdirectories, files in os.walk(top):
            subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
            if not any(name.split(".")[0].lower() in ("index", "_index") and name.lower().endswith(PAGE_SUFFIXES) for name in files):
                continue
            names = _bundle_names(directory, files, root)
            for name in files:
                if not name.lower().endswith(PAGE_SUFFIXES):
                    for bundle in names:
                        found.setdefault((bundle, name.casefold()), os.path.join(directory, name))
    return found


def _bundle_names(directory: str, files: list[str], root: str) -> list[str]:
    """The last segments a bundle's URL may end with: its folder's name, without a date before
    it (`2023-03-01-introducing-kwok`), and the `slug` of its index page's front matter."""
    folder = os.path.basename(directory).casefold()
    names = [folder, _DATE_PREFIX.sub("", folder)]
    for name in files:
        if name.split(".")[0].lower() in ("index", "_index") and name.lower().endswith(PAGE_SUFFIXES):
            names += [value.casefold() for key, value in _FRONT_SLUG.findall(_page_head(os.path.join(directory, name), root)) if key == "slug"]
    return list(dict.fromkeys(name for name in names if name))


def _from_roots(doc: "Document", site_path: PurePosixPath, roots: list[str], trailing: bool) -> Path | None:
    root = site_root(doc)
    if root is None:
        return None
    relative = str(site_path).lstrip("/")
    if not relative:
        return root  # the home page
    candidates: list[Path] = []
    react = doc.site is not None and doc.site.generator == "docusaurus"
    eleventy = doc.site is not None and doc.site.generator == "eleventy"
    for base in roots:
        candidates += _page_variants(root / base / relative, trailing)
        if react:  # a page of `src/pages` written as a React component: `/setup` is setup.tsx
            candidates += _react_page_variants(root / base / relative)
        if eleventy:  # a page written in another of its template languages: `/mascot/` is mascot.njk
            candidates += _suffixed_page_variants(root / base / relative, _ELEVENTY_PAGE_SUFFIXES)
    for folder, prefix in doc.site.content_prefixes if doc.site is not None else ():
        if within(relative, prefix):  # `/uploads/a.png` from `uploads` mounted at content/uploads
            rest = relative[len(prefix) :].lstrip("/")
            candidates += _page_variants(root / folder / rest, trailing or not rest)  # the folder itself: its index page
    if doc.site is not None and doc.site.generator == "hexo" and doc.site.config_file is None:
        # A Hexo source folder without its configuration: its permalinks unknown, a post's asset
        # folder (`_posts/2023/05/post/a.jpg`) may be published where its folders say (`/2023/05/post/a.jpg`).
        candidates += [root / content / "_posts" / relative for content in doc.site.content]
    found = _existing(candidates) or _mounted(doc, root, candidates)
    if found is None and doc.site is not None and doc.site.generator == "astro" and _astro_route(doc.site, relative):
        return root / relative  # a page an Astro component or endpoint of `src/pages` makes
    return found


def _mounted(doc: "Document", root: Path, candidates: list[Path]) -> Path | None:
    """The file a Hugo mount serves at one of the candidates' places (`file_mounts`)."""
    mounts = doc.site.file_mounts if doc.site is not None else ()
    if not mounts:
        return None
    targets = {target: source for source, target in mounts}
    for candidate in candidates:
        source = targets.get(os.path.relpath(os.path.normpath(candidate), root).replace(os.sep, "/"))
        if source is not None and _exists(str(root / source)):
            return root / source
    return None


def _content_folders(doc: "Document") -> list[str]:
    """The site's content folders below its root (Hugo's language folders, Zola's content/);
    in a folder no known generator builds (docs kept in a project's repository, published by a
    Hugo site of another), the folder itself too."""
    folders = [folder for folder in doc.site.content if folder != "."] if doc.site is not None else []
    if not folders and doc.site is not None and doc.site.generator == "plain":
        return ["content", "."]
    return folders or ["content"]


def resolve_hugo_ref(doc: "Document", target: str, roots: list[str], language: str | None = None) -> Path | None:
    """The page a Hugo ref/relref names, looked up as Hugo does (hugolib's pageFinder): a path
    without a leading `/` relative to the page (a leaf bundle's `index.md` from the folder that
    holds the bundle), else from the content folders; a name without any `/` (`"blocks"`,
    `"setup.md"`) by a site-wide lookup of the page of that name (a bundle's folder, a file's stem
    without its language), when exactly one page of the language has it. A path starting with
    `.` is relative only, and one whose only `/` leads it (`"/faq-migration"`) is looked up by
    name too when no page has that path. Where the article's own folder or the site's roots hold the file as
    written, that is accepted too. Hugo keys its pages by lower-cased paths: `"entities/status"`
    finds `entities/Status.md`. Hugo parses the ref as a URL first: `Common%20Definitions/` is
    the folder `Common Definitions/`."""
    path = target.partition("#")[0]
    if "%" in path:
        path = unquote(path)
    if not path:
        return doc.file
    root = site_root(doc)
    if root is None or doc.file is None:
        return None
    ref = path.rstrip("/") or "/"
    language = language or (doc.page.language if doc.page is not None else None)
    if language is None and doc.site is not None and len(doc.site.languages) == 1:
        language = doc.site.languages[0]  # one language, named: its files may carry its code (`_index.en.md`)
    if not ref.startswith("/"):
        base = doc.file.parent
        if doc.file.name.lower().split(".")[0] == "index":
            base = base.parent  # a leaf bundle is its folder: its siblings are beside the folder
        found = _hugo_existing(_hugo_variants(Path(os.path.normpath(base / ref)), language))
        if found is not None:
            return found
    if not ref.startswith("."):
        # The language's own folder first: `/docs/x#part` from a translation is its translation.
        own = [folder for folder, code in (doc.site.language_folders if doc.site else ()) if code == language]
        for folder in dict.fromkeys([*own, "content", *_content_folders(doc)]):
            found = _hugo_existing(_hugo_variants(root / folder / ref.lstrip("/"), language))
            if found is not None:
                return found
        found = _in_mounted_content(doc, root, ref.lstrip("/"), language)
        if found is not None:
            return found
    found = resolve(doc, path, roots)  # the file as written, from the article's folder or the site's roots
    if found is not None or not _looked_up_by_name(path):
        return found
    return _unique_page_named(doc, str(root), ref.lstrip("/"), language)


def _in_mounted_content(doc: "Document", root: Path, ref: str, language: str | None) -> Path | None:
    """A ref's page in a folder mounted below the content's top (a module's `content/server`
    at `content/server`): `server/auth` is that folder's `auth.md`."""
    stem = ref.rsplit(".", 1)[0] if ref.lower().endswith(PAGE_SUFFIXES) else ref
    for source, prefix in doc.site.content_prefixes if doc.site is not None else ():
        if stem.casefold() == prefix.casefold():  # `/server` or `/server.md`: the folder's own page
            found = _hugo_existing(_page_variants(root / source, trailing_slash=True))
        elif ref.casefold().startswith(prefix.casefold() + "/"):
            found = _hugo_existing(_hugo_variants(Path(os.path.normpath(root / source / ref[len(prefix) :].lstrip("/"))), language))
        else:
            continue
        if found is not None:
            return found
    return None


def _looked_up_by_name(path: str) -> bool:
    """Whether Hugo looks a ref's page up by its name across the site when its path finds
    none: a ref without any `/` (`"blocks"`), or whose one `/` leads it (`"/faq-migration"`).
    A trailing `/` is not counted."""
    path = path.rstrip("/")
    return not path.startswith(".") and (path.count("/") == 0 or (path.count("/") == 1 and path.startswith("/")))


def _hugo_existing(candidates: list[Path]) -> Path | None:
    """The first candidate that exists, as written or, as Hugo finds pages, in any case."""
    return _existing(candidates) or _existing_any_case(candidates)


def _hugo_variants(path: Path, language: str | None) -> list[Path]:
    """A Hugo page path as files: as written, `x.md`, `x/index.md`, `x/_index.md`, and the
    language's `x.<lang>.md` forms."""
    variants = _page_variants(path, trailing_slash=False)
    if path.suffix.lower() in PAGE_SUFFIXES:
        # Hugo looks a page up by its path without the extension: `features/agentless.md` is
        # the section `features/agentless/_index.md` when no such file is there
        variants += _page_variants(path.with_suffix(""), trailing_slash=True)
    if language and path.name:
        return [variant for code in dict.fromkeys((language, bcp47_case(language))) for variant in _in_language(path, code)] + variants
    return variants


def _in_language(path: Path, code: str) -> list[Path]:
    """A Hugo page path as the files of its translation into `code`: `x.<code>.md`,
    `x/index.<code>.md`, `x/_index.<code>.md`, and for a file named with its suffix
    (`x/_index.md`, `y.md`) the same file with the language before it."""
    named = [path.with_name(f"{path.name}.{code}.md")] if path.name else []
    if path.suffix.lower() in PAGE_SUFFIXES:
        named.append(path.with_name(f"{path.stem}.{code}{path.suffix}"))  # `"x/_index.md"` in French: `x/_index.fr.md`
    return [*named, path / f"index.{code}.md", path / f"_index.{code}.md"]


def bcp47_case(code: str) -> str:
    """A language code as BCP 47 writes its parts, as files are often named: `zh-Hans`,
    `pt-BR` for `zh-hans`, `pt-br` (the site model keeps codes in lower case)."""
    parts = code.replace("_", "-").split("-")
    cased = [parts[0].lower()]
    for part in parts[1:]:
        cased.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part)
    return "-".join(cased)


def _unique_page_named(doc: "Document", root: str, ref: str, language: str | None) -> Path | None:
    """The one page of the language whose name (a bundle's folder, a file's stem without its
    language) is `ref` without its extension; None when there is none or more than one (Hugo:
    "page reference is ambiguous")."""
    site = doc.site
    folders = tuple(folder for folder in dict.fromkeys(["content", *_content_folders(doc)]))
    index = _hugo_page_index(root, folders, site)
    _record_page_names(root, folders)
    name = ref.rsplit(".", 1)[0] if ref.lower().endswith(PAGE_SUFFIXES) else ref
    name = name.casefold()
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and site is not None and suffix in site.languages:
        name, language = stem, language or suffix  # `seek-help.zh-cn.md`: the page's name in that language
    if language is None and site is not None and len(site.languages) > 1:
        language = site.languages[0]
    pages = index.get((language or "", name)) or (index.get(("", name)) if language else None) or []
    return Path(pages[0]) if len(pages) == 1 else None


def hugo_ref_namesakes(doc: "Document", target: str, language: str | None = None) -> list[str]:
    """The pages, relative to the site's root, that a ref by a bare name (`"faq"`) could mean,
    when more than one has that name: Hugo fails the build ("ambiguous")."""
    path = target.partition("#")[0]
    ref = path.strip("/")
    root = site_root(doc)
    if not ref or not _looked_up_by_name(path) or root is None or doc.site is None:
        return []
    folders = tuple(dict.fromkeys(["content", *_content_folders(doc)]))
    index = _hugo_page_index(str(root), folders, doc.site)
    name = (ref.rsplit(".", 1)[0] if ref.lower().endswith(PAGE_SUFFIXES) else ref).casefold()
    language = language or (doc.page.language if doc.page is not None else None)
    if language is None and len(doc.site.languages) > 1:
        language = doc.site.languages[0]
    pages = index.get((language or "", name)) or []
    return sorted(os.path.relpath(page, root).replace(os.sep, "/") for page in pages) if len(pages) > 1 else []


@lru_cache(maxsize=16)
def _hugo_page_index(root: str, folders: tuple[str, ...], site: "Site | None") -> dict[tuple[str, str], list[str]]:
    """(language, page name) -> the page files of the content folders: a bundle (`index.md`,
    `_index.md`) by its folder's name, any other page by its stem without a language suffix.
    A leaf bundle's other files and folders are its resources, not pages. Language "" on a site
    in one language."""
    index: dict[tuple[str, str], list[str]] = {}
    languages = site.languages if site is not None else ()
    codes = {code.lower() for code in languages}
    default = languages[0].lower() if len(languages) > 1 else ""
    by_folder = {os.path.normpath(os.path.join(root, folder)): code for folder, code in (site.language_folders if site else ())}
    unbuilt = {os.path.normpath(os.path.join(root, folder)) for folder in (site.not_content if site else ())}
    tops = [os.path.normpath(os.path.join(root, folder)) for folder in folders]
    for top in sorted(set(tops)):
        if not os.path.isdir(top) or any(other != top and within(top, other) for other in tops):
            continue  # walked with the folder that holds it
        for directory, subdirectories, files in os.walk(top):
            subdirectories[:] = sorted(
                name for name in subdirectories if not name.startswith(".") and os.path.join(directory, name) not in unbuilt
            )
            folder_language = next((code for path, code in by_folder.items() if within(directory, path)), default)
            pages = []
            for name in files:
                stem, suffix = os.path.splitext(name)
                if suffix.lower() not in (".md", ".markdown", ".html", ".htm"):
                    continue
                if suffix.lower() in (".html", ".htm") and not is_hugo_page_file(os.path.join(directory, name)):
                    continue  # copied as it is, no page
                base, dot, mark = stem.rpartition(".")
                language = mark.lower() if dot and mark.lower() in codes else folder_language
                pages.append((base if dot and mark.lower() in codes else stem, language, name))
            leaf = any(stem.lower() == "index" for stem, _, _ in pages)
            for stem, language, name in pages:
                if stem.lower() in ("index", "_index"):
                    key = os.path.basename(directory)
                elif leaf:
                    continue  # a leaf bundle's markdown resource
                else:
                    key = stem
                index.setdefault((language, key.casefold()), []).append(os.path.join(directory, name))
            if leaf:
                subdirectories[:] = []  # a leaf bundle's folders hold its resources
    return index


# Where a host's redirect rules lie (Netlify, Cloudflare Pages, GitLab Pages, IPFS): a
# `_redirects` file copied to the published site's root (from a static folder, the site's root,
# `public/`), and `[[redirects]]` of netlify.toml.
_REDIRECTS = "_redirects"
_REDIRECT_PLACEHOLDER = lazy(r"^:\w+$")


# Hugo's templates of a `_redirects` output format (`[outputFormats.redir] baseName =
# "_redirects"` for the home page); their lines with a written source are rules as they stand.
_HUGO_REDIRECT_TEMPLATES = ("index.redirects", "home.redirects", "_default/index.redirects", "_default/home.redirects")


def written_by_build_step(doc: "Document", path: str, roots: list[str]) -> bool:
    """Whether a link target that no checkout holds is a page a build step writes: one of the
    files `resolve` looked for is kept out of the repository by a `.gitignore` that names part
    of the content (artlint.gitignored)."""
    roots = with_site_roots(doc, roots)
    written = path.replace("\\", "/") if _browser_reads_backslashes(doc, path) else path
    return _looked_for_built(doc, ("link", written, tuple(roots)), lambda: _resolve(doc, written, roots))


def hugo_ref_written_by_build_step(doc: "Document", target: str, roots: list[str], language: str | None = None) -> bool:
    """`written_by_build_step` for the target of a Hugo ref or relref."""
    return _looked_for_built(doc, ("ref", target, tuple(roots), language), lambda: resolve_hugo_ref(doc, target, roots, language))


def _looked_for_built(doc: "Document", key: tuple, look_up: Callable[[], object]) -> bool:
    """Asked once per target and document, like `resolve`: a page may link one missing target
    30,000 times."""
    answers = doc.memo("targets-written-by-build", dict)
    if key not in answers:
        answers[key] = _probe_built(doc, look_up)
    return answers[key]


def _probe_built(doc: "Document", look_up: Callable[[], object]) -> bool:
    global _probed
    root = site_root(doc)
    if root is None:
        return False
    _probed = []
    try:
        look_up()
    finally:
        probed, _probed = _probed, None
    # Not the variants no one writes (`v0.md.md`, `v0.md.mdx`), which `api/v*.md` would match
    # when `!api/v0.md` takes the page itself back.
    # A repository's own documents (outside the site's content) are read where the repository is:
    # any of its `.gitignore` files tells what its build writes (`sdks/java/.gitignore`).
    repository = doc.page is not None and doc.page.kind == "repository"
    content = doc.site.content if doc.site is not None and not repository else (".",)
    if doc.absolute_file is not None and written_by_build(str(root), str(doc.absolute_file), content):
        return False  # the page itself is in git where a `.gitignore` keeps files out: work in progress, not a build's output
    return any(written_by_build(str(root), candidate, content) for candidate in dict.fromkeys(probed) if not _double_suffixed(candidate))


def _double_suffixed(path: str) -> bool:
    stem, suffix = os.path.splitext(path)
    return suffix.lower() in (".md", ".mdx") and os.path.splitext(stem)[1].lower() in (".md", ".mdx", ".html", ".htm")


def redirected(doc: "Document", path: str) -> bool:
    """Whether a site path (`/old_name`) is the source of a redirect or rewrite the host serves:
    a line `FROM TO [STATUS]` of a `_redirects` file (in the site's static folders, its root or
    `public/`, an Eleventy site's input folder, or a variant a build step renames to it,
    `_redirects_cf`; or a Hugo template that writes it, `layouts/index.redirects`), `from = "..."`
    of a `[[redirects]]` table of netlify.toml, or a `source` of vercel.json or of firebase.json's
    `hosting`, or a page a generator's plugin writes to redirect (mkdocs-redirects), or an Eleventy
    or Jekyll template published as `_redirects` (`permalink: _redirects`). `*` at the end of
    FROM matches the rest of the path and `:name` one segment; a rule with a 4xx status (a custom
    404 page), and a catch-all `/*`, make nothing a target."""
    root = site_root(doc)
    if root is None or not path.startswith("/"):
        return False
    site = doc.site
    folders = [".", "public", *(site.static if site is not None else ())]
    if site is not None and site.generator == "eleventy":
        folders += site.content  # `src/_redirects` beside the pages, which the configuration copies to the output's root
    files = tuple(dict.fromkeys(path for folder in folders for path in _redirect_files(os.path.normpath(os.path.join(root, folder)))))
    if site is not None and site.generator == "hugo":  # a `_redirects` written by the home page's template
        files += tuple(os.path.join(root, "layouts", name) for name in _HUGO_REDIRECT_TEMPLATES)
    if site is not None and site.generator in ("eleventy", "jekyll"):  # a template whose permalink is `_redirects`
        files += _redirect_templates(os.path.normpath(str(root)), tuple(site.content))
    netlify = os.path.normpath(os.path.join(root, "netlify.toml"))
    vercel = os.path.normpath(os.path.join(root, "vercel.json"))
    firebase = os.path.normpath(os.path.join(root, "firebase.json"))
    sources = _redirect_sources((*files, netlify, vercel, firebase))
    if site is not None and site.redirect_sources:  # a generator's plugin writes these pages
        sources += tuple(tuple(segment for segment in source.casefold().strip("/").split("/") if segment) for source in site.redirect_sources)
    for file in (*files, netlify, vercel, firebase):
        exists = _exists(file)
        if exists:
            dependencies.record("stat", file, dependencies.signature_of(file))
    wanted = [segment for segment in unquote(path).casefold().strip("/").split("/") if segment]
    return any(_matches(source, wanted) for source in sources)


# A template's front matter that publishes it as the host's redirect file (`permalink: _redirects`).
_REDIRECTS_PERMALINK = lazy(r"""^permalink:[ \t]*["']?/?_redirects["']?[ \t]*$""", re.M)
_TEMPLATE_SUFFIXES = (".njk", ".liquid", ".md", ".html", ".hbs", ".mustache", ".ejs", ".txt", ".haml", ".pug")
_NOT_TEMPLATES = frozenset({"node_modules", "_site", ".git", "public", "dist"})


@lru_cache(maxsize=16)
def _redirect_templates(root: str, content: tuple[str, ...]) -> tuple[str, ...]:
    """Templates of an Eleventy or Jekyll site, named for redirects, whose front matter makes
    them the published `_redirects` (`src/static/redirects.njk` with `permalink: _redirects`):
    their lines with a written source are rules as they stand, whichever branch of a
    `{% if %}` they sit in."""
    found = []
    for folder in dict.fromkeys(os.path.normpath(os.path.join(root, path)) for path in content or (".",)):
        for directory, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if name not in _NOT_TEMPLATES and not name.startswith("."))
            for name in sorted(names):
                if "redirect" in name.lower() and name.lower().endswith(_TEMPLATE_SUFFIXES):
                    path = os.path.join(directory, name)
                    if _REDIRECTS_PERMALINK.search(read_small_file(path)[:4096]):
                        found.append(path)
    return tuple(found)


def _redirect_files(folder: str) -> list[str]:
    """`_redirects` of a folder, and its variants that a build step renames to it for one host
    (`_redirects_cf`, `_redirects.netlify`)."""
    variants = [name for name in _entries(folder) if name.startswith((_REDIRECTS + "_", _REDIRECTS + ".")) and not name.endswith((".md", ".bak"))]
    if variants:
        dependencies.record("stat", folder, dependencies.signature_of(folder))  # a variant added or removed
    return [os.path.join(folder, _REDIRECTS), *(os.path.join(folder, name) for name in sorted(variants))]


def _matches(source: tuple[str, ...], wanted: list[str]) -> bool:
    for number, segment in enumerate(source):
        if segment == "*" and number == len(source) - 1:
            return True
        if number >= len(wanted):
            return False
        if segment != wanted[number] and not _REDIRECT_PLACEHOLDER.match(segment):
            return False
    return len(source) == len(wanted)


@lru_cache(maxsize=64)
def _redirect_sources(files: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The FROM paths of the redirect rules in `files`, as segments (lower case)."""
    sources: list[str] = []
    for file in files:
        text = read_small_file(file)
        if not text:
            continue
        if file.endswith(".toml"):
            sources += _netlify_sources(text)
            continue
        if file.endswith("firebase.json"):
            sources += _firebase_sources(text)
            continue
        if file.endswith(".json"):
            sources += _rule_sources(_json_object(text))  # vercel.json
            continue
        for line in text.splitlines():
            fields = line.split("#", 1)[0].split() if not line.lstrip().startswith("#") else []
            if len(fields) < 2 or not fields[0].startswith("/") or "{{" in fields[0]:
                continue  # a template's line whose source it computes: unknown
            status = next((field for field in fields[2:] if field.rstrip("!").isdigit()), "")
            if not status.startswith("4"):
                sources.append(fields[0])
    found = []
    for source in sources:
        segments = tuple(segment for segment in unquote(source.split("?", 1)[0]).casefold().strip("/").split("/") if segment)
        if segments and segments != ("*",):
            found.append(segments)
    return tuple(found)


def _netlify_sources(text: str) -> list[str]:
    """`from` of each `[[redirects]]` of netlify.toml, but rules with a 4xx status."""
    if sys.version_info >= (3, 11):
        import tomllib  # imported here: only a site with a netlify.toml needs it
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # imported here: only a site with a netlify.toml needs it
    try:
        settings = tomllib.loads(text)
    except (ValueError, RecursionError):
        return []
    rules = settings.get("redirects")
    found = []
    for rule in rules if isinstance(rules, list) else []:
        if not isinstance(rule, dict) or not isinstance(rule.get("from"), str) or not rule["from"].startswith("/"):
            continue
        if not str(rule.get("status", "")).startswith("4"):
            found.append(rule["from"])
    return found


def _firebase_sources(text: str) -> list[str]:
    """Firebase Hosting's `hosting.redirects` and `hosting.rewrites` (one site, or a list of
    them), whose `source` is written as vercel.json's is."""
    settings = _json_object(text)
    hosting = settings.get("hosting")
    sites = hosting if isinstance(hosting, list) else [hosting]
    return [source for site in sites if isinstance(site, dict) for source in _rule_sources(site)]


def _json_object(text: str) -> dict:
    try:
        settings = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return settings if isinstance(settings, dict) else {}


def _rule_sources(settings: dict) -> list[str]:
    """`source` of each of vercel.json's (or a Firebase site's) `redirects` and `rewrites` (but
    rules with a 4xx status), written as `_redirects` sources: a capture of the rest (`(.*)`,
    `:path*`) at the end is `*`, one of a segment (`([^/]+)`) a placeholder, and a group of plain
    alternatives (`/(docs|guide)/`) one source each; a source with any other pattern is left out."""
    found = []
    for key in ("redirects", "rewrites"):
        rules = settings.get(key)
        for rule in rules if isinstance(rules, list) else []:
            source = rule.get("source") if isinstance(rule, dict) else None
            if isinstance(source, str) and source.startswith("/") and not str(rule.get("statusCode", "")).startswith("4"):
                found += [plain for plain in map(_vercel_plain, _alternatives(source)) if plain]
    return found


_ALTERNATIVES = lazy(r"\(([\w./-]+(?:\|[\w./-]+)+)\)")
_REST_CAPTURE = lazy(r"(?:\(\.[*+]\)|:\w+[*+])$")
_SEGMENT_CAPTURE = lazy(r"\(\[\^/\]\+\)|:\w+(?![*+?\w])")


def _alternatives(source: str, limit: int = 16) -> list[str]:
    """A path-to-regexp source with its groups of plain alternatives spelled out."""
    match = _ALTERNATIVES.search(source)
    if match is None:
        return [source]
    spelled = [source[: match.start()] + choice + source[match.end() :] for choice in match.group(1).split("|")]
    return [item for choice in spelled[:limit] for item in _alternatives(choice, limit)][:limit]


def _vercel_plain(source: str) -> str:
    plain = _SEGMENT_CAPTURE.sub(":x", _REST_CAPTURE.sub("*", source))
    return "" if any(char in plain for char in "()[]?+\\") or "*" in plain[:-1] else plain


def _is_bundle(file: Path) -> bool:
    return file.stem.lower() in ("index", "_index", "readme")


_FRONT_TITLE = lazy(r"""^title\s*[:=][ \t]*(["']?)(.*?)\1[ \t]*$""", re.M)
_CONTINUED = lazy(r"(?:\n[ \t]+[^\n]*)+")  # the indented lines a YAML scalar goes on over
_BLOCK_SCALAR = lazy(r"[>|][+-]?")


def _front_title(head: str) -> str:
    """The `title` of a page's front matter as written: on its line, or folded over the
    indented lines below it (`title:` then the words, or `title: >-`)."""
    found = _FRONT_TITLE.search(head)
    if found is None:
        return ""
    value = found.group(2).strip()
    if value and not _BLOCK_SCALAR.fullmatch(value):
        return value
    continued = _CONTINUED.match(head, found.end())
    return " ".join(line.strip() for line in continued.group().split("\n") if line.strip()) if continued else ""
# `id` and `abbrlink` name the page where a permalink pattern uses them (Hexo's `:id.html`,
# hexo-abbrlink's `posts/:abbrlink.html`), and Docusaurus makes a doc's `id` its URL's end.
# This pattern and the next end a value at its last non-space character, so that a long line
# of spaces is searched in one pass (a lazy value before `\s*$` backtracked quadratically).
# Keys are read in YAML, TOML and JSON (`"slug" : "/a.html",`).
_FRONT_SLUG = lazy(r"""^\s*["']?(slug|url|permalink|id|abbrlink|path)["']?\s*[:=]\s*["']?([^"'\n]*[^"'\s,])(?:[^\S\n]*["'])?,?[^\S\n]*$""", re.M)
# Keys whose value is the page's whole address, with or without its first `/`.
_ADDRESS_KEYS = frozenset({"permalink", "url", "path"})
# Any top-level key and its value: a Hexo or Jekyll permalink may name one (`post/:post_id/`).
_FRONT_VALUE = lazy(r"""^([A-Za-z_]\w*)\s*[:=]\s*["']?([^"'\n]*[^"'\s])(?:[^\S\n]*["'])?[^\S\n]*$""", re.M)
# Hugo's aliases and jekyll-redirect-from's redirect_from: aliases = ["/a/", "/b/"],
# aliases:\n  - /a/  or one alias as a string: aliases: "/a/"
_FRONT_ALIASES = lazy(r"""^\s*(?:aliases|redirect_from)\s*[:=][ \t]*(\[[^\]]*\]|(?:\n\s*-\s*[^\n]+)+|["']?/[^"'\n]+["']?[ \t]*$)""", re.M)
_ALIAS_ITEM = lazy(r"""["']?(/?[^"',\[\]\s]+)["']?""")
_INDEX_PAGE = lazy(r"/index\.html?$", re.I)
_HTML_SUFFIX = lazy(r"\.html?$", re.I)
_DATE_PREFIX = lazy(r"^\d{4}-\d{1,2}-\d{1,2}[-_]")  # Jekyll's `-`; Zola's `-` or `_`


@lru_cache(maxsize=16)
def _page_names(root: str, roots: tuple[str, ...], titled: tuple[str, ...] = (), keys: tuple[str, ...] = (), unnumbered: bool = False) -> frozenset[str]:
    """Last URL segments of every page under the roots: file stems, bundle folders, and the
    `slug` and `url` of their front matter (read from the first 4 KB of each file); with
    `titled` sections (top folders of a root, after a language folder), also the title of a
    page without a slug, as Hugo's `:slug` and `:title` make it; `unnumbered`, names without
    the number prefix Docusaurus drops (`04-mongodb-connector.md` is `mongodb-connector`)."""
    names: set[str] = set()
    root = os.path.realpath(root)
    for base in roots:
        top = os.path.join(root, base)
        # A content folder beside the site's (Docusaurus' `path: '../docs'` from `website/`) is
        # the site's too; nothing further out is walked.
        if base == "." or not os.path.isdir(top) or not within(os.path.realpath(top), root if not base.startswith("../") else os.path.dirname(root)):
            continue
        whole_root = base == WHOLE_ROOT
        for directory, subdirectories, files in os.walk(top):
            subdirectories[:] = [name for name in subdirectories if _holds_pages(name, whole_root)]
            names.update(subdirectories)
            if unnumbered:
                names.update(docusaurus_unnumbered(name) for name in subdirectories)
            names.update(hugo_sanitize(name) for name in subdirectories)  # `Serve http:h2` is served at serve-httph2/
            names.update(_DATE_PREFIX.sub("", name) for name in subdirectories)  # Zola's dated bundle folders
            titles_name_pages = bool(titled) and _section(top, directory) in titled
            for name in files:
                stem, suffix = os.path.splitext(name)
                if suffix.lower() not in PAGE_SUFFIXES:
                    continue
                names.add(stem)
                if unnumbered:
                    names.add(docusaurus_unnumbered(stem))
                names.add(hugo_sanitize(stem))  # Hugo drops from a file's URL what a path may not hold: 【建议收藏】
                names.add(_DATE_PREFIX.sub("", stem))  # Jekyll-style file names: the date is not in the URL
                if "'" in stem or "’" in stem:  # Zola's slug of what's-next is what-s-next (Hugo's drops the mark)
                    names.add(_slugified(_DATE_PREFIX.sub("", stem)))
                unsuffixed, _, language = stem.rpartition(".")
                if unsuffixed and is_language_code(language):  # Hugo's and Zola's about.fr.md is /fr/about/
                    names.add(unsuffixed)
                    names.add(_DATE_PREFIX.sub("", unsuffixed))  # `2013-10-06-cologne.ja.md`: a date from the name too
                head = _page_head(os.path.join(directory, name), root)
                slugs = _FRONT_SLUG.findall(head)
                named = [value for _, value in slugs]
                for key, value in slugs:
                    if key in _ADDRESS_KEYS and "://" not in value and not value.strip().startswith(("/", "{", "$")):
                        # `permalink: sqlref_intro.html` (Jekyll), `url: about/` (Hugo), `path = "about"`
                        # (Zola): an address from the site's root all the same
                        names.add(_whole_address("/" + value.strip()))
                if keys:  # Hexo's `post/:post_id/`: the page's `post_id` is its URL's name
                    named += [value for key, value in _FRONT_VALUE.findall(head) if key in keys]
                values = list(named)
                for block in _FRONT_ALIASES.findall(head):
                    values += [item for item in _ALIAS_ITEM.findall(block) if item not in ("-",)]
                for value in values:
                    if value.strip().startswith("/"):  # the whole address too, read exactly: `/writing/jona/9.html`
                        names.add(_whole_address(value))
                    # `/help/index.html` makes `/help/` too, the folder's page (jekyll-redirect-from)
                    segment = _INDEX_PAGE.sub("", value.strip().strip("/")).rsplit("/", 1)[-1]
                    if segment:
                        names.add(segment)
                        names.add(_HTML_SUFFIX.sub("", segment))  # `slug: /pub/2002/apo4.html`, linked as `apo4.html`
                        names.add(_slugified(segment))  # Zola slugifies a slug it is given ("Rust 101: ..." is rust-101-...)
                # An alias is an old address; the page's own URL is still made of its title.
                title = _front_title(head) if titles_name_pages and not named else ""
                if title:
                    names.add(hugo_sanitize(title).rsplit("/", 1)[-1])
                    names.add(_slugified(title))  # Eleventy's `slugify`: "Touching grass (and dog)" is touching-grass-and-dog
    return frozenset(_fold(name) for name in names)


def _whole_address(path: str) -> str:
    """A site path as `_page_names` keeps a page's written address: from the root, without
    `index.html`, `.html` or a last `/` (names of pages never begin with `/`)."""
    return "/" + _HTML_SUFFIX.sub("", _INDEX_PAGE.sub("", path.split("#")[0].split("?")[0].strip().strip("/")).strip("/"))


def _holds_pages(folder: str, whole_root: bool) -> bool:
    if folder.startswith("."):
        return False
    return not whole_root or folder not in _NOT_PAGES


def _page_head(path: str, root: str) -> str:
    """The first 4 KB of a page. A symbolic link is read only when it stays under the site's
    root: a committed link to /proc/self/environ must not be read. (The site's root, not the
    checked folder: the cache fingerprints the page names again with no document at hand.)"""
    if os.path.islink(path) and not within(os.path.realpath(path), root):
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return ""
    return _front_matter_part(head)


_FENCE_LINE = lazy(r"^(?:---|\+\+\+)[ \t]*\r?$", re.M)


def _front_matter_part(head: str) -> str:
    """The front matter of a page's head, up to its closing fence (also Hexo's, which may
    leave out the opening one), so that a body's `path: token` (a YAML sample) names nothing;
    the head as it is when no fence ends front matter there. Blank lines before the opening
    fence are skipped, as Hugo's, Zola's and Hexo's readers skip them."""
    start = len(head) - len(head.lstrip(" \t\r\n"))
    start = head.rfind("\n", 0, start) + 1  # the opening fence's line, from its first character
    fences = list(_FENCE_LINE.finditer(head, start, 4096))
    if fences and fences[0].start() == start:
        return head[: fences[1].start()] if len(fences) > 1 else head
    return head[: fences[0].start()] if fences else head


def _fold(name: str) -> str:
    """Names as generators make URLs of them: Hugo lowercases, sites drop accents, and Hugo
    and Zola turn spaces into hyphens and drop apostrophes ("build system tradeoffs.md" is
    /build-system-tradeoffs/). A run of spaces and hyphens is one hyphen: Hugo drops a space
    after a hyphen ("sofa-boot- logs" is /sofa-boot-logs/), and before 0.71 it also
    collapsed "--". Underscores stay: Hugo keeps them."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _APOSTROPHES.sub("", _SPACES.sub("-", plain.strip()))


# The tokens of a date (Jekyll's and Hexo's), and their values from a post's day.
_DATE_TOKENS = {
    "year": lambda day: f"{day[0]:04d}", "month": lambda day: f"{day[1]:02d}", "day": lambda day: f"{day[2]:02d}",
    "i_month": lambda day: str(day[1]), "i_day": lambda day: str(day[2]), "short_year": lambda day: f"{day[0] % 100:02d}",
}
_POST_DAY = lazy(r"^(\d{4})-(\d{1,2})-(\d{1,2})-")
_FRONT_DATE = lazy(r"""^date:[ \t]*["']?(\d{4})-(\d{1,2})-(\d{1,2})""", re.M)


def _names_a_dated_post(doc: "Document", path: str) -> bool:
    """Whether `path` is the URL of a post on a site whose posts' permalink holds date tokens
    alone (Jekyll's or Hexo's `/blog/:year/:month/:day/`, Hugo's `news = "/:section/:year/:month/"`):
    a post's day, from its file name or its front matter's `date`, expanded in the pattern."""
    site = doc.site
    if site is None:
        return False
    wanted = "/" + path.split("#")[0].split("?")[0].strip("/")
    for pattern, folders in _dated_patterns(site):
        for folder in folders:
            dependencies.record("folder", folder, dependencies.folder_signature(folder))
        if wanted in _dated_post_urls(pattern, folders, site.root):
            return True
    return False


def _dated_patterns(site: "Site") -> list[tuple[str, tuple[str, ...]]]:
    """(a permalink of date tokens alone, the folders of the posts it places)."""
    if site.generator in ("jekyll", "hexo"):
        pattern = dict(site.permalinks).get("posts") or ""
        return [(pattern, tuple(os.path.join(site.root, content, "_posts") for content in site.content))] if _dates_alone(pattern) else []
    if site.generator != "hugo":
        return []
    found = []
    for section, pattern in site.permalinks:
        if section.strip("/") and "/" not in section.strip("/"):
            pattern = pattern.replace(":sections", ":section").replace(":section", section.strip("/"))
            if _dates_alone(pattern):
                found.append((pattern, tuple(os.path.join(site.root, content, section.strip("/")) for content in site.content)))
    return found


def _dates_alone(pattern: str) -> bool:
    tokens = _PERMALINK_TOKEN.findall(pattern)
    return bool(tokens) and all(token in _DATE_TOKENS for token in tokens)


@lru_cache(maxsize=16)
def _dated_post_urls(pattern: str, folders: tuple[str, ...], root: str) -> frozenset[str]:
    """The URLs `pattern` (date tokens alone) gives the posts under `folders`, without their
    trailing `/` or `.html`."""
    urls = set()
    for top in folders:
        for directory, subfolders, names in os.walk(top):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in names:
                days = [match.groups() for match in (_POST_DAY.match(name), _FRONT_DATE.search(_page_head(os.path.join(directory, name), root))) if match]
                for day in {tuple(int(part) for part in found) for found in days}:
                    urls.add("/" + _expand_day(pattern, day).strip("/").removesuffix(".html"))
    return frozenset(urls)


def _expand_day(pattern: str, day: tuple[int, ...]) -> str:
    def value(token: "re.Match[str]") -> str:
        return _DATE_TOKENS[token.group(1)](day)

    return _PERMALINK_TOKEN.sub(value, pattern)


def _slugified(name: str) -> str:
    """A name as Zola's slugify (and Hexo's, Jekyll's `slugify`) writes it: lower case, each run
    of characters other than letters and digits one hyphen."""
    return _NOT_SLUG.sub("-", name.casefold()).strip("-")


_NOT_SLUG = lazy(r"[^\w]+|_+")
_SPACES = lazy(r"(?:\s|%20|-)*(?:\s|%20)(?:\s|%20|-)*|--+")
_APOSTROPHES = lazy("['’]")


def is_known_page(doc: "Document", path: str, roots: list[str]) -> bool:
    """A site path whose last segment names a page of the site: permalink patterns, slugs and
    `url` keys make such paths impossible to resolve exactly offline. Where the posts'
    permalink is made of their dates alone (`/blog/:year/:month/:day/`), a post's date path."""
    root = site_root(doc)
    if root is None:
        return False
    if _names_a_dated_post(doc, path):
        return True
    segment = path.strip("/").rsplit("/", 1)[-1]
    if not segment:
        return True  # the home page
    if doc.site is not None and path.strip("/").lower() in doc.site.languages:
        return True  # a language's home page: `/es/`
    names = _site_page_names(doc, root, roots)
    if _fold(segment) in names:
        return True
    # Zola's `slugify.paths = "on"` (its default): `about_blog_2025.md` is /about-blog-2025/
    site = doc.site
    return site is not None and site.generator == "zola" and dict(site.url_settings).get("slugify.paths", "on") == "on" and segment.lower() in _slugged(names)


@lru_cache(maxsize=16)
def _slugged(names: frozenset[str]) -> frozenset[str]:
    return frozenset(_slugified(name) for name in names)


def leads_to_another_site(doc: "Document", path: str, roots: list[str]) -> bool:
    """Whether a site path leaves a site published under a base path for another site of the
    same host: the OWASP project sites at `owasp.org/www-project-top-ten/` link one another as
    `/www-project-zap`. Only where the generator writes the path into the page as it is, and
    only a path whose first segment names nothing of the site (no page, folder or permalink
    begins so): `/posts/x/`, written without the base path, is still the site's own."""
    site = doc.site
    if site is None or not site.base_path or site.generator not in _PASSED_THROUGH or not path.startswith("/"):
        return False
    if within(path, site.base_path):
        return False
    head = path.strip("/").split("/", 1)[0]
    root = site_root(doc)
    if not head or root is None or head.lower() in site.languages:
        return False
    folded = _fold(os.path.splitext(head)[0])
    if folded in _site_page_names(doc, root, roots) or folded in _permalink_heads(site):
        return False
    return not any(_fold(os.path.splitext(name)[0]) == folded for base in site.roots for name in _entries(os.path.join(site.root, base)))


def _permalink_heads(site: "Site") -> frozenset[str]:
    """The literal first segments of the site's permalink patterns (`/blog/:year/` gives `blog`)."""
    patterns = [pattern for _, pattern in (*site.permalinks, *site.collection_permalinks)] + [pattern for *_, pattern in site.permalink_defaults]
    heads = (pattern.strip("/").split("/", 1)[0] for pattern in patterns if isinstance(pattern, str))
    return frozenset(_fold(head) for head in heads if head and not head.startswith((":", "{", "%")))


def names_a_written_address(doc: "Document", path: str, roots: list[str]) -> bool:
    """Whether a site path is exactly the address a page's front matter writes (`permalink:
    /writing/jona/9.html`), `.html` and a last `/` aside."""
    root = site_root(doc)
    if root is None:
        return False
    return _fold(_whole_address(path)) in _site_page_names(doc, root, roots)


def _site_page_names(doc: "Document", root: Path, roots: list[str]) -> frozenset[str]:
    """`_page_names` of the document's site, recorded as what the finding depends on."""
    roots = with_site_roots(doc, roots)
    titled = _sections_titled(doc)
    keys = _permalink_keys(doc)
    unnumbered = doc.site is not None and doc.site.generator in ("docusaurus", "nuxt")  # both drop `04-`, `4.` prefixes
    _record_page_names(str(root), tuple(roots), titled, keys, unnumbered)
    return _page_names(str(root), tuple(roots), titled, keys, unnumbered)


def shaped_like_a_post(doc: "Document", path: str) -> bool:
    """Whether a site path has the shape of the URL the Jekyll or Hexo site's posts' permalink
    gives (`/blog/:slug.html`, `/:year/:month/:day/:title/`), `.html` or not (GitHub Pages
    serves `/blog/x.html` at `/blog/x` too)."""
    site = doc.site
    if site is None or site.generator not in ("jekyll", "hexo"):
        return False
    pattern = dict(site.permalinks).get("posts") or ("date" if site.generator == "jekyll" else HEXO_PERMALINK)
    if site.generator == "jekyll":
        # the posts' `defaults` win over the site's `permalink` (Chirpy's `/posts/:title/`)
        pattern = jekyll_default(site.permalink_defaults, ["_posts", "post.md"]) or dict(site.permalinks).get("collection:posts") or pattern
    shape = _post_shape(JEKYLL_STYLES.get(pattern, pattern))
    return shape is not None and shape.fullmatch(_bare_site_path(path)) is not None


def shaped_like_a_document(doc: "Document", path: str) -> bool:
    """Whether a site path has the shape of the URL a Jekyll collection's permalink gives its
    documents (`/docs/:title/`, `/:collection/:path:output_ext`)."""
    site = doc.site
    if site is None or site.generator != "jekyll" or not site.collection_permalinks:
        return False
    written = _bare_site_path(path)
    for folder, pattern in site.collection_permalinks:
        shape = _post_shape(JEKYLL_STYLES.get(pattern, pattern).replace(":collection", folder[1:]))
        if shape is not None and shape.fullmatch(written) is not None:
            return True
    return False


def _bare_site_path(path: str) -> str:
    """`/a/b`: a site path without its fragment, query and slashes at either end, from `/`."""
    return "/" + path.split("#")[0].split("?")[0].strip("/")


# What each token of a permalink stands for in a URL; a pattern with another token has no shape.
_TOKEN_SHAPES = {
    "year": r"\d{4}", "short_year": r"\d{2}", "month": r"\d{2}", "i_month": r"\d{1,2}", "day": r"\d{2}",
    "i_day": r"\d{1,2}", "y_day": r"\d{3}", "title": r"[^/]+", "slug": r"[^/]+", "name": r"[^/]+",
    "post_title": r"[^/]+", "categories": "\0", "category": "\0", "output_ext": "", "path": r"[^#?]+",
}
_SOME_FOLDERS = r"(?:(?!\d{4}/)[^/#?]+/)*"  # categories: none, or folders, but no year's (a page's own date path)


@lru_cache(maxsize=16)
def _post_shape(pattern: str) -> "re.Pattern[str] | None":
    shape = []
    for index, piece in enumerate(_PERMALINK_TOKEN.split(pattern)):
        if index % 2:
            if piece not in _TOKEN_SHAPES:
                return None
            shape.append(_TOKEN_SHAPES[piece])
        else:
            shape.append(re.escape(piece))
    written = "/" + "".join(shape).strip("/").removesuffix(re.escape(".html"))
    written = written.replace("/\0/", "/" + _SOME_FOLDERS).replace("\0", _SOME_FOLDERS)
    return re.compile(written + r"(?:\.html)?/?")


def _sections_titled(doc: "Document") -> tuple[str, ...]:
    """The sections whose pages the site gives URLs made of their titles: Hugo permalinks with
    `:slug` (the title when a page has no slug) or `:title`, Eleventy data files' permalinks
    made of the title."""
    site = doc.site
    if site is not None and site.generator == "eleventy":
        return site.eleventy_titled_sections  # a data file's `"permalink": "/blog/{{ title | slugify }}/"`
    if site is None or site.generator != "hugo":
        return ()
    return tuple(sorted(section for section, pattern in site.permalinks if ":slug" in pattern or ":title" in pattern))


# What a Hexo or Jekyll permalink pattern may name that is no front-matter key of the page's own.
_BUILT_IN_TOKENS = frozenset({
    "year", "month", "day", "i_month", "i_day", "hour", "minute", "second", "title", "name", "post_title",
    "category", "categories", "slugified_categories", "lang", "id", "abbrlink", "hash", "path", "output_ext",
    "y_day", "short_year", "short_month", "long_month", "short_day", "long_day", "week", "w_year", "w_day",
    "slug", "collection",
})
_PERMALINK_TOKEN = lazy(r":([A-Za-z_]\w*)")


def _permalink_keys(doc: "Document") -> tuple[str, ...]:
    """Front-matter keys that a Hexo or Jekyll permalink pattern puts in the URL (Hexo's
    `post/:post_id/`: any attribute of the front matter may be a token)."""
    site = doc.site
    if site is None or site.generator not in ("hexo", "jekyll"):
        return ()
    tokens = {token for _, pattern in site.permalinks for token in _PERMALINK_TOKEN.findall(pattern)}
    return tuple(sorted(token for token in tokens if token not in _BUILT_IN_TOKENS))


def _section(top: str, directory: str) -> str:
    """The section of the pages in `directory`: its first folder under `top`, after a language folder."""
    parts = [part for part in os.path.relpath(directory, top).replace(os.sep, "/").split("/") if part not in (".", "")]
    if parts and is_language_code(parts[0]):
        parts = parts[1:]
    return parts[0] if parts else ""


@lru_cache(maxsize=16)
def page_fingerprint(root: str, roots: tuple[str, ...], titled: tuple[str, ...] = (), keys: tuple[str, ...] = (), unnumbered: bool = False) -> str:
    return hashlib.sha256("\n".join(sorted(_page_names(root, roots, titled, keys, unnumbered))).encode("utf-8")).hexdigest()


def _record_page_names(root: str, roots: tuple[str, ...], titled: tuple[str, ...] = (), keys: tuple[str, ...] = (), unnumbered: bool = False) -> None:
    """Record that a finding depends on the page names under `roots`: the subject is the root,
    the naming (`titled;keys;unnumbered`, see `_page_names`), then the roots, as
    `pages_fingerprint_of` reads it back (older entries, `titled` or `titled;keys`, too)."""
    naming = ";".join((",".join(titled), ",".join(keys), "unnumbered" if unnumbered else ""))
    dependencies.record("pages", "\0".join((root, naming, *roots)), page_fingerprint(root, roots, titled, keys, unnumbered))


def pages_fingerprint_of(subject: str) -> str:
    """The current page-name fingerprint of a recorded "pages" dependency (`_record_page_names`)."""
    root, naming, *roots = subject.split("\0")
    titled, _, rest = naming.partition(";")
    keys, _, flag = rest.partition(";")
    split = tuple(item for item in titled.split(",") if item), tuple(item for item in keys.split(",") if item)
    return page_fingerprint(root, tuple(roots), *split, flag == "unnumbered")


def clear_caches() -> None:
    """Forget what earlier runs in this process saw on disk."""
    _exists_on_disk.cache_clear()
    _entries.cache_clear()
    _page_names.cache_clear()
    page_fingerprint.cache_clear()
    _hugo_page_index.cache_clear()
    _bundle_files.cache_clear()
    _redirect_templates.cache_clear()
    _site_below.cache_clear()
    _site_above.cache_clear()
    _files_by_name.cache_clear()
    clear_gitignore_cache()
    from artlint import shortcodes  # a shortcode's template may have changed too

    shortcodes.clear_caches()

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
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from artlint import dependencies
from artlint.boundary import within
from artlint.lazyre import lazy
from artlint.sites import is_language_code

if TYPE_CHECKING:
    from artlint.document import Document

DEFAULT_ROOTS = [".", "static", "content", "assets"]
# The site's root as a content folder (Jekyll, VitePress, a plain folder of markdown): its
# pages are indexed too, leaving out `.` and `_` folders but `_posts`, and installed packages.
WHOLE_ROOT = "./"
_NOT_PAGES = frozenset(
    {"node_modules", "vendor", "_site", "public", "site", "dist", "build", "_layouts", "_includes", "_sass", "_data"}
)
_SCHEME = lazy(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HUGO_REF = lazy(r"""\{\{[<%]\s*(rel)?ref\s+["']?([^"'\s}]+)["']?\s*[>%]\}\}""")
PAGE_SUFFIXES = (".md", ".mdx", ".markdown", ".html", ".htm", ".rmd", ".rmarkdown")


# `someone@example.org` or `docs.example.org/page` written without a scheme: not a local path
# but a mistake that link-malformed reports.
_EMAIL_LIKE = lazy(r"^[^/\s@]+@[^/\s@]+\.[a-z]{2,}$", re.I)
_HOST_LIKE = lazy(
    r"^(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|eu|cn|uk|de|fr|jp|ru|info|me|co|dev|app|ai|us|ca|au|nl|ch)(?:[/:?#]|$)",
    re.I,
)


def is_host_like(url: str) -> bool:
    """An e-mail address or a host name written where a URL with a scheme belongs."""
    url = url.strip()
    return bool(_EMAIL_LIKE.match(url) or url.lower().startswith("www.") or _HOST_LIKE.match(url))


def is_local(url: str) -> bool:
    """No scheme, no host, not a bare fragment, not a template: a path into the site."""
    url = url.strip()
    if not url or url.startswith(("#", "//", "?", "mailto:")):
        return False
    if "{{" in url or "{%" in url or "%7B%7B" in url or "%7B%25" in url or url.startswith("{"):
        return False  # a template writes it: `/{{ page.lang }}/feed.xml`, `{% post_url x %}`, MDX's `href={url}`
    if _SCHEME.match(url) or is_host_like(url):
        return False
    return True


def split_target(url: str) -> tuple[str, str]:
    """(path, fragment) of a local target, both percent-decoded; the query is dropped."""
    path, _, fragment = url.strip().partition("#")
    path = path.split("?", 1)[0]
    return unquote(path), unquote(fragment)


def hugo_ref(url: str) -> str | None:
    """The target of a Hugo `{{< ref "x" >}}` / `relref` shortcode used as a URL, if it is one."""
    match = _HUGO_REF.search(url)
    return match.group(2) if match else None


def _page_variants(path: Path, trailing_slash: bool) -> list[Path]:
    variants = [] if trailing_slash else [path]
    variants += [path / "index.md", path / "_index.md", path / "README.md", path / "index.html", path / "index.mdx"]
    if path.name:
        variants += [path.with_name(path.name + ".md"), path.with_name(path.name + ".mdx")]
    if path.suffix.lower() in (".html", ".htm"):
        stem = path.with_suffix("")
        variants += [stem.with_suffix(".md"), stem / "index.md", stem / "_index.md"]
    if path.suffix.lower() == ".md":  # Docusaurus: a page linked as .md may be written as .mdx
        variants.append(path.with_suffix(".mdx"))
    return variants


@lru_cache(maxsize=65536)
def _exists_on_disk(path: str) -> bool:
    return os.path.exists(path)


def _exists(path: str) -> bool:
    exists = _exists_on_disk(path)
    dependencies.record("exists", path, exists)
    return exists


def _existing(candidates: list[Path]) -> Path | None:
    for candidate in candidates:
        if _exists(str(candidate)) and not candidate.is_dir():
            return candidate
    return None


def site_root(doc: "Document") -> Path | None:
    """The site's root: the folder of the generator's configuration (artlint.sites), else the
    folder above the `content/` folder that holds the article, else the project's root (the
    configuration's folder)."""
    if doc.site is not None and doc.site.config_file is not None:
        return Path(doc.site.root)
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
    for base_name in roots:
        base = (root / base_name).resolve()
        try:
            relative = folder.relative_to(base)
        except ValueError:
            continue
        return PurePosixPath("/") / relative.as_posix()
    return None


def with_site_roots(doc: "Document", roots: list[str]) -> list[str]:
    """The roots configured, then the content and static folders of the article's site."""
    site = doc.site
    if site is None:
        return roots
    extra = [WHOLE_ROOT if folder == "." else folder for folder in site.roots]
    if site.config_file is None or site.generator == "plain":
        extra.append(WHOLE_ROOT)
    return list(dict.fromkeys([*roots, *extra]))


def resolve(doc: "Document", path: str, roots: list[str]) -> Path | None:
    """The file a local link path leads to, or None when none exists. Answers are kept with the
    document: an article that links one target 50,000 times (a hostile or a generated file)
    asks the disk once, and records its dependencies once."""
    roots = with_site_roots(doc, roots)
    answers = doc.memo("resolved-local-files", dict)  # (path, roots) -> the file
    key = (path, tuple(roots))
    if key not in answers:
        answers[key] = _resolve(doc, path, roots)
    return answers[key]


def _resolve(doc: "Document", path: str, roots: list[str]) -> Path | None:
    if doc.file is None:
        return None
    trailing = path.endswith("/")
    if not path:
        return doc.file
    if path.startswith("@/"):  # Zola's internal link: a file under content/
        root = site_root(doc)
        return None if root is None else _existing([root / folder / path[2:] for folder in _content_folders(doc)])
    if path.startswith("/"):
        return _from_roots(doc, PurePosixPath(path), roots, trailing)
    folder = doc.file.parent
    candidates = _page_variants(Path(os.path.normpath(folder / path)), trailing)
    if not _is_bundle(doc.file):
        candidates += _page_variants(Path(os.path.normpath(folder / doc.file.stem / path)), trailing)
    if doc.site is not None and doc.site.generator == "docusaurus" and not path.startswith((".", "/")):
        # Docusaurus resolves a file link from the page's folder, then from each content folder.
        candidates += [
            variant
            for folder in doc.site.content
            for variant in _page_variants(Path(os.path.normpath(os.path.join(doc.site.root, folder, path))), trailing)
        ]
    found = _existing(candidates)
    if found is not None:
        return found
    site_folder = _site_directory(doc, roots)
    if site_folder is not None:
        page = site_folder if _is_bundle(doc.file) else site_folder / doc.file.stem
        for base in (site_folder, page):
            site_path = PurePosixPath(os.path.normpath(str(base / path)))
            found = _from_roots(doc, site_path, roots, trailing)
            if found is not None:
                return found
    return None


def _from_roots(doc: "Document", site_path: PurePosixPath, roots: list[str], trailing: bool) -> Path | None:
    root = site_root(doc)
    if root is None:
        return None
    relative = str(site_path).lstrip("/")
    if not relative:
        return root  # the home page
    candidates: list[Path] = []
    for base in roots:
        candidates += _page_variants(root / base / relative, trailing)
    return _existing(candidates)


def _content_folders(doc: "Document") -> list[str]:
    """The site's content folders below its root (Hugo's language folders, Zola's content/)."""
    folders = [folder for folder in doc.site.content if folder != "."] if doc.site is not None else []
    return folders or ["content"]


def resolve_hugo_ref(doc: "Document", target: str, roots: list[str]) -> Path | None:
    """Hugo's ref/relref: a path relative to the page or to content/, or a unique file name."""
    path = target.partition("#")[0]
    if not path:
        return doc.file
    found = resolve(doc, path, roots)
    if found is not None:
        return found
    root = site_root(doc)
    if root is not None:
        for folder in dict.fromkeys(["content", *_content_folders(doc)]):
            found = _existing(_page_variants(root / folder / path.lstrip("/"), path.endswith("/")))
            if found is not None:
                return found
        if "/" not in path.strip("/"):
            return _find_by_name(str(root / "content"), path.strip("/"))
    return None


@lru_cache(maxsize=64)
def _content_index(content: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for directory, _, files in os.walk(content):
        for name in files:
            index.setdefault(name, os.path.join(directory, name))
            stem, suffix = os.path.splitext(name)
            if suffix.lower() in PAGE_SUFFIXES:
                index.setdefault(stem, os.path.join(directory, name))
    return index


def _find_by_name(content: str, name: str) -> Path | None:
    found = _content_index(content).get(name)
    return Path(found) if found else None


def _is_bundle(file: Path) -> bool:
    return file.stem.lower() in ("index", "_index", "readme")


_FRONT_SLUG = lazy(r"""^\s*(slug|url|permalink)\s*[:=]\s*["']?([^"'\n]+?)["']?\s*$""", re.M)
# aliases = ["/a/", "/b/"],  aliases:\n  - /a/  or one alias as a string: aliases: "/a/"
_FRONT_ALIASES = lazy(r"""^\s*aliases\s*[:=][ \t]*(\[[^\]]*\]|(?:\n\s*-\s*[^\n]+)+|["']?/[^"'\n]+["']?[ \t]*$)""", re.M)
_ALIAS_ITEM = lazy(r"""["']?(/?[^"',\[\]\s]+)["']?""")
_DATE_PREFIX = lazy(r"^\d{4}-\d{1,2}-\d{1,2}-")


@lru_cache(maxsize=16)
def _page_names(root: str, roots: tuple[str, ...]) -> frozenset[str]:
    """Last URL segments of every page under the roots: file stems, bundle folders, and the
    `slug` and `url` of their front matter (read from the first 4 KB of each file)."""
    names: set[str] = set()
    root = os.path.realpath(root)
    for base in roots:
        top = os.path.join(root, base)
        if base == "." or not os.path.isdir(top) or not within(os.path.realpath(top), root):
            continue
        whole_root = base == WHOLE_ROOT
        for directory, subdirectories, files in os.walk(top):
            subdirectories[:] = [name for name in subdirectories if _holds_pages(name, whole_root)]
            names.update(subdirectories)
            for name in files:
                stem, suffix = os.path.splitext(name)
                if suffix.lower() not in PAGE_SUFFIXES:
                    continue
                names.add(stem)
                names.add(_DATE_PREFIX.sub("", stem))  # Jekyll-style file names: the date is not in the URL
                unsuffixed, _, language = stem.rpartition(".")
                if unsuffixed and is_language_code(language):  # Hugo's and Zola's about.fr.md is /fr/about/
                    names.add(unsuffixed)
                head = _page_head(os.path.join(directory, name), root)
                values = [value for _, value in _FRONT_SLUG.findall(head)]
                for block in _FRONT_ALIASES.findall(head):
                    values += [item for item in _ALIAS_ITEM.findall(block) if item not in ("-",)]
                for value in values:
                    segment = value.strip().strip("/").rsplit("/", 1)[-1]
                    if segment:
                        names.add(segment)
    return frozenset(_fold(name) for name in names)


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
            return handle.read(4096)
    except OSError:
        return ""


def _fold(name: str) -> str:
    """Names as generators make URLs of them: Hugo lowercases, sites drop accents, and Hugo
    and Zola turn spaces into hyphens and drop apostrophes ("build system tradeoffs.md" is
    /build-system-tradeoffs/). A run of spaces and hyphens is one hyphen: Hugo drops a space
    after a hyphen ("sofa-boot- logs" is /sofa-boot-logs/), and before 0.71 it also
    collapsed "--". Underscores stay: Hugo keeps them."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _APOSTROPHES.sub("", _SPACES.sub("-", plain.strip()))


_SPACES = lazy(r"(?:\s|%20|-)*(?:\s|%20)(?:\s|%20|-)*|--+")
_APOSTROPHES = lazy("['’]")


def is_known_page(doc: "Document", path: str, roots: list[str]) -> bool:
    """A site path whose last segment names a page of the site: permalink patterns, slugs and
    `url` keys make such paths impossible to resolve exactly offline."""
    root = site_root(doc)
    if root is None:
        return False
    segment = path.strip("/").rsplit("/", 1)[-1]
    if not segment:
        return True  # the home page
    roots = with_site_roots(doc, roots)
    names = _page_names(str(root), tuple(roots))
    dependencies.record("pages", f"{root}\0{chr(0).join(roots)}", page_fingerprint(str(root), tuple(roots)))
    return _fold(segment) in names


@lru_cache(maxsize=16)
def page_fingerprint(root: str, roots: tuple[str, ...]) -> str:
    return hashlib.sha256("\n".join(sorted(_page_names(root, roots))).encode("utf-8")).hexdigest()


def pages_fingerprint_of(subject: str) -> str:
    """The current page-name fingerprint of a recorded "pages" dependency."""
    root, *roots = subject.split("\0")
    return page_fingerprint(root, tuple(roots))


def clear_caches() -> None:
    """Forget what earlier runs in this process saw on disk."""
    _exists_on_disk.cache_clear()
    _page_names.cache_clear()
    page_fingerprint.cache_clear()
    _content_index.cache_clear()

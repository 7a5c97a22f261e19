"""Which file of a pair of copies gets the finding, and which pairs are copies on purpose."""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache
from pathlib import PurePosixPath

from artlint.boundary import within
from artlint.dates import day_in_layouts
from artlint.lazyre import lazy
from artlint.pageurls import page_url
from artlint.sites import is_language_code

# index.es.md / index.pt-br.md / post.zh-cn.md: a language code before the extension.
_LANGUAGE = lazy(r"\.[a-z]{2}(?:[-_][a-z]{2,4})?$", re.I)
_SOURCE_SUFFIXES = {".md", ".markdown", ".rmd", ".rmarkdown", ".qmd", ".ipynb", ".html"}


@lru_cache(maxsize=65536)
def _base(path: str) -> tuple[str, str]:
    folder, stem = posixpath.split(path)
    while True:
        root, suffix = posixpath.splitext(stem)
        if not suffix or suffix.lower() not in _SOURCE_SUFFIXES:
            break
        stem = root
    return folder or ".", _LANGUAGE.sub("", stem)


# Two sibling folders mirror each other when at least this many of their files, and this share
# of the smaller folder's, have the same path inside each.
_MIRRORED_FILES = 5
_MIRRORED_SHARE = 0.4


class MirroredTrees:
    """Sibling folders that hold one documentation twice, file for file: a version beside
    another (`dev-1.3/` and `V1.3.x/`, `latest/` and `dev-1.3/`), or one edition for each
    product or tool (`quasar-cli-webpack/` and `quasar-cli-vite/`, `Tree/` and `Table/`).
    The same page in each is kept on purpose, and so is any page of one beside any of the
    other, which may have moved. Told from the paths of every file checked, whatever each
    folder is named."""

    def __init__(self, paths):
        self._paths = sorted(paths)
        self._answers: dict[tuple[str, str], bool] = {}

    def mirrored(self, a: str, b: str) -> bool:
        parts_a, parts_b = a.split("/"), b.split("/")
        shared = 0
        while shared < min(len(parts_a), len(parts_b)) - 1 and parts_a[shared] == parts_b[shared]:
            shared += 1
        if shared >= len(parts_a) - 1 or shared >= len(parts_b) - 1:
            return False  # not two folders side by side: a file of the shared folder is one side
        parent = "/".join(parts_a[:shared])
        first, second = sorted(("/".join((parent, parts_a[shared])), "/".join((parent, parts_b[shared]))))
        key = (first, second)
        if key not in self._answers:
            self._answers[key] = self._mirror(first, second)
        return self._answers[key]

    def _mirror(self, first: str, second: str) -> bool:
        inside_first, inside_second = self._inside(first.lstrip("/")), self._inside(second.lstrip("/"))
        same = len(inside_first & inside_second)
        return same >= _MIRRORED_FILES and same >= _MIRRORED_SHARE * min(len(inside_first), len(inside_second))

    def _inside(self, folder: str) -> set[str]:
        prefix = folder + "/"
        start = bisect_left(self._paths, prefix)
        found = set()
        for path in self._paths[start:]:
            if not path.startswith(prefix):
                break
            found.add(path[len(prefix) :])
        return found


def intentional(a: str, b: str) -> bool:
    """Two renderings or translations of one article: `post.Rmd` and its knitted `post.md`,
    `index.es.md` and `index.pt.md`, `about.md` and `about.fr.md` in the same folder."""
    return _base(a) == _base(b)


def assign(a: str, b: str, report_on: frozenset[str], dates: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(file that gets the finding, the other): the later of the two — by front-matter date when
    both have one, else by path — unless only the earlier one is being checked."""
    dates = dates or {}
    first, later = sorted((a, b), key=lambda path: (dates.get(a, "") and dates.get(b, "") and dates.get(path, ""), path))
    if later in report_on:
        return later, first
    if first in report_on:
        return first, later
    return None


def one_per_article(paths: list[str]) -> list[str]:
    """One path per article, the original before its translations: translations and renderings
    of one article count once."""
    seen = set()
    kept = []
    for path in sorted(paths, key=lambda p: (_base(p), p != _untranslated(p), p)):
        base = _base(path)
        if base not in seen:
            seen.add(base)
            kept.append(path)
    return kept


def _untranslated(path: str) -> str:
    pure = PurePosixPath(path)
    stem, suffix = pure.stem, pure.suffix
    return str(pure.with_name(_LANGUAGE.sub("", stem) + suffix))


# A folder's version (`2.13`, `v2`, `1.x`, `version-3.0`, `version-6.x.x`), alone or after a hyphen; not a year.
_VERSION = lazy(r"(?:^|[-_])(?:(?:v|version[-_]?v?)\d+(?:\.\d+)*(?:\.x)*|\d+(?:\.\d+)+(?:\.x)*|\d+(?:\.x)+)$", re.I)
# A version's copy of the docs named by its number (`content/v1.14-docs/` beside the current
# `content/docs/`, as cert-manager's site keeps them): the same docs, that version.
_VERSIONED_DOCS = lazy(r"^((?:v\d+(?:\.\d+)*|\d+(?:\.\d+)+)(?:\.x)*)[-_](docs?|documentation)$", re.I)
# What versioned documentation calls the version being written, beside its numbered ones.
_UNNUMBERED_VERSIONS = frozenset(
    {"dev", "develop", "development", "next", "latest", "master", "main", "nightly", "unstable", "unreleased", "stable", "current", "edge", "preview"}
)
# Names of versions that say which release they document, unmistakable as two of them side by
# side (`docs/next/` and `docs/latest/`): a category would not be called so.
_RELEASE_CHANNELS = frozenset({"next", "latest", "stable", "current", "nightly", "unreleased", "canary", "edge", "preview"})
# Folders that keep the old versions apart from the current ones (`docs/archive/17.0/` beside
# `docs/22.0/`): the same documentation.
_ARCHIVE_FOLDERS = frozenset({"archive", "archives", "archived", "legacy", "old-versions", "older-versions", "previous-versions"})


def different_versions(a: str, b: str) -> bool:
    """Pages of two versions of one documentation, which repeat each other by design: the same
    page kept for each version (`collections/maps.md` and `collections-2.13/maps.md`, Docusaurus'
    `versioned_docs/version-2.0/intro.md` beside `docs/intro.md`), and any two pages of two
    versions, wherever each version files them (`docs/4.0/tasks/monitor.md` moved to
    `docs/7.1/deploy/monitor.md`; `content/docs/dev/` beside `content/docs/7.1/`)."""
    if a == b:
        return False
    if _unversioned(a) == _unversioned(b) or _releases_of_one_text(a, b) or _releases_of_one_text(b, a):
        return True
    if _versioned_beside_outer_docs(a, b) or _versioned_beside_outer_docs(b, a):
        return True
    if _versioned_beside_current(a, b) or _versioned_beside_current(b, a):
        return True
    if _archived_beside_current(a, b) or _archived_beside_current(b, a):
        return True
    mine, theirs = version_scope(a), version_scope(b)
    if mine is None or theirs is None or mine[0] != theirs[0] or mine[1] == theirs[1]:
        return False
    # a numbered version beside another, or two release channels (`next/` and `latest/`)
    return mine[2] or theirs[2] or (mine[1] in _RELEASE_CHANNELS and theirs[1] in _RELEASE_CHANNELS)


# A file named by the version of the text it holds: `v2.0.0.md`, `2.0.0-rc.1.md`, `v1.0.0-beta.md`.
_VERSION_NAME = lazy(r"^v?\d+(?:\.\d+){1,3}(?:-?(?:alpha|beta|rc|pre)(?:\.?\d+)*)?\.\w+$", re.I)
_INDEX_NAMES = ("index.", "readme.", "_index.")


def _releases_of_one_text(a: str, b: str) -> bool:
    """`a` is one release of a text kept by version beside the others (a specification's
    `spec/v1.0.0.md` and `spec/v2.0.0.md`), and `b` another release or the home page above it
    that publishes the current one again (`index.md`)."""
    folder, _, name = a.rpartition("/")
    if not _VERSION_NAME.match(name):
        return False
    other_folder, _, other = b.rpartition("/")
    if other_folder == folder and _VERSION_NAME.match(other):
        return True
    return other.lower().startswith(_INDEX_NAMES) and (other_folder == "" or folder == other_folder or folder.startswith(other_folder + "/"))


@lru_cache(maxsize=65536)
def version_scope(path: str) -> tuple[str, str, bool] | None:
    """(the documentation a page belongs to, its version, whether the version is numbered), for
    a page in a version's folder; None for the others. A version without a number (`dev`,
    `next`, `master`) counts only beside a numbered one (see different_versions): as a lone
    folder name it may be a category."""
    parts = path.split("/")[:-1]
    for index, part in enumerate(parts):
        before = parts[:index]
        if part == "versioned_docs" and index + 1 < len(parts) and parts[index + 1].startswith("version-"):
            return "/".join([*before, "docs"]), parts[index + 1][len("version-") :].lower(), True
        if index and parts[index - 1].startswith("docusaurus-plugin-content-docs"):
            return "/".join(before), part.removeprefix("version-").lower(), part != "current"
        named = _VERSIONED_DOCS.match(part)
        if named:
            return "/".join([*before, named.group(2)]), named.group(1).lower(), True
        found = _VERSION.search(part)
        if found:
            base = part[: found.start()]
            if base.lower() in _UNNUMBERED_VERSIONS:
                base = ""  # `dev-1.3/` beside `V1.3.x/`: the version being written, numbered
            if not base and before and before[-1].lower() in _ARCHIVE_FOLDERS:
                before = before[:-1]
            return "/".join([*before, base] if base else before), found.group().lstrip("-_").lower(), True
        if index and part.lower() in _UNNUMBERED_VERSIONS:
            return "/".join(before), part.lower(), False
    return None


def _archived_beside_current(a: str, b: str) -> bool:
    """`tutorials/archive/lucid_v1/io-element.md` and `tutorials/starter/io-element.md`: a
    page's old version kept in an archive folder, under the same name as the current one,
    which lies outside any archive."""
    if a.rpartition("/")[2] != b.rpartition("/")[2]:
        return False
    return _in_archive(a) and not _in_archive(b) and version_scope(b) is None


def _in_archive(path: str) -> bool:
    return any(part.lower() in _ARCHIVE_FOLDERS for part in path.split("/")[:-1])


def _versioned_beside_current(a: str, b: str) -> bool:
    """`versioned_docs/version-v2.2.0/deployment/manager.md` and any page of the current docs,
    `docs/architecture/manager.md`: Docusaurus keeps each version a copy of the docs as they
    were, pages moved since included."""
    if "versioned_docs/version-" not in a and not any(_VERSIONED_DOCS.match(part) for part in a.split("/")[:-1]):
        return False
    scope = version_scope(a)
    return scope is not None and b.startswith(scope[0] + "/") and version_scope(b) is None


def _versioned_beside_outer_docs(a: str, b: str) -> bool:
    """`website/versioned_docs/version-0.80/modal.md` and `docs/modal.md` (or `cndocs/modal.md`,
    a translation's): a Docusaurus site
    whose docs plugin reads the current docs from outside its folder (`path: '../docs'`) or
    from a folder inside `docs/` (`path: 'docs/core'`: `docs/core/api/app.md`). The
    number prefixes that order a sidebar are not compared (`06-Migrations/` in version 3 is
    `07-Migrations/` in version 4: Docusaurus leaves them out of the URL)."""
    if "versioned_docs/" not in a:
        return False
    versioned = _unnumbered(_unversioned(a))
    docs = len(versioned) - 1 - versioned[::-1].index("docs") if "docs" in versioned[:-1] else -1
    if docs < 0:
        return False
    tail = versioned[docs:]
    other = _unnumbered(_unversioned(b))
    if len(other) >= len(tail) and other[-len(tail)].endswith("docs") and other[len(other) - len(tail) + 1 :] == tail[1:]:
        return True  # `docs/modal.md`, or a translation's `cndocs/modal.md` (`path: '../cndocs'`)
    # `docs/core/api/app.md`: the current docs in a folder of the docs (`path: 'docs/core'`)
    inner = len(other) - 1 - other[::-1].index("docs") if "docs" in other[:-1] else -1
    return inner >= 0 and other[inner + 2 :] == tail[1:]


_NUMBER_PREFIX = lazy(r"^\d+[-_.]")


def _unnumbered(parts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_NUMBER_PREFIX.sub("", part) for part in parts)


def _unversioned(path: str) -> tuple[str, ...]:
    parts: list[str] = []
    for part in path.split("/")[:-1]:
        if part == "current" and parts and parts[-1].startswith("docusaurus-plugin-content-docs"):
            continue  # a Docusaurus translation of the docs being written now
        named = _VERSIONED_DOCS.match(part)
        part = "docs" if part == "versioned_docs" else named.group(2) if named else _VERSION.sub("", part)
        if part:
            parts.append(part)
    return (*parts, path.rsplit("/", 1)[-1])


_URL_DATE = lazy(r"(?:^|/)(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def date_of(doc) -> str:
    """The article's date as text that sorts in time order ("" when none): its front-matter
    `date`, else the date its file name gives the site, else one in its `path`, `url` or
    `permalink` (Zola and Hugo sites that keep the date in the URL)."""
    matter = doc.front_matter
    values = matter.data if matter is not None and isinstance(matter.data, dict) else {}
    value = values.get("date")
    # Only dates and text: str() of a huge integer (0xFFF…) raises, and a number is no date.
    if isinstance(value, (str, date)):
        return str(value)
    page = doc.page
    if page is not None and page.date_from_name:
        return page.date_from_name
    for key in ("path", "url", "permalink"):
        found = _URL_DATE.search(values[key]) if isinstance(values.get(key), str) else None
        if found:
            return f"{found.group(1)}-{int(found.group(2)):02d}-{int(found.group(3)):02d}"
    return ""


_ISO_DAY = lazy(r"\d{4}-\d{2}-\d{2}")


def event_date_of(doc, keys: frozenset[str]) -> str:
    """The date of the occasion a page announces ("" when none): the first front-matter key of
    `keys` (an event's `eventDate`, `start`), compared without case, whose value is a date or
    begins with one, or a day written in English words (`event_days: Nov 17, 2022`). A
    recurring event's pages keep one title and text, and often one copied `date`; the day of
    each occasion tells them apart."""
    matter = doc.front_matter
    values = matter.data if matter is not None and isinstance(matter.data, dict) else {}
    for key, value in values.items():
        if not isinstance(key, str) or key.casefold() not in keys:
            continue
        if isinstance(value, date):
            return value.isoformat()[:10]
        if isinstance(value, str) and _ISO_DAY.match(value.strip()):
            return value.strip()[:10]
        if isinstance(value, str) and (day := _day_in_words(value)):
            return day  # `Nov 17, 2022`, `December 27 2020`: a day as prose writes it
    return ""


_WRITTEN_DAY_LAYOUTS = ("%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%d %b, %Y", "%d %B, %Y")


# Several days written as one: `June 09-10 2019`, `8-11 November 2017` (the first day stands for them).
_DAY_RANGE = lazy(r"(?:(?P<month>[A-Za-z]+) (?P<day>\d{1,2}) ?[-–] ?\d{1,2}|(?P<first>\d{1,2}) ?[-–] ?\d{1,2} (?P<name>[A-Za-z]+)),? (?P<year>\d{4})")
_SEPT = lazy(r"\bSept\b", re.I)  # `Sept 28, 2023`: strptime knows `Sep`


def _day_in_words(text: str) -> str:
    """The ISO day of a date written in English words (`Nov 17, 2022`; of a range of days, its
    first: `June 09-10 2019`), "" for anything else."""
    text = _SEPT.sub("Sep", " ".join(text.split()))
    if len(text) > 30:
        return ""
    if found := _DAY_RANGE.fullmatch(text):
        text = f"{found['month']} {found['day']} {found['year']}" if found["month"] else f"{found['first']} {found['name']} {found['year']}"
    day = day_in_layouts(text, _WRITTEN_DAY_LAYOUTS)
    return day.isoformat() if day is not None else ""


# The separators of the words of a file name (`communication-ios.md`, `index_euwe.md`).
NAME_PARTS = lazy(r"[-_.]")


# The language codes a repository names a translation by, added to the name (`Roadmap-zh.md`,
# `README_CN.md`): common ones only, none an English word ("report-it", "user-id").
_TRANSLATION_SUFFIXES = frozenset(
    ("zh", "cn", "en", "ja", "jp", "ko", "kr", "fr", "de", "es", "pt", "ru", "tw", "hk", "vi", "th", "tr", "pl", "nl", "uk", "ar", "fa", "hans", "hant")
)


def _name_words(path: str) -> list[str]:
    """The words of a file's name, lower case: `docs/Setup-iOS.md` is `setup`, `ios`."""
    return NAME_PARTS.split(path.rsplit("/", 1)[-1].rsplit(".", 1)[0].casefold())


def platform_variants(a: str, b: str, variants: frozenset[str], languages: bool = False) -> bool:
    """`communication-ios.md` and `communication-android.md`: pages whose names differ in one
    word, a platform of `variants` on each side, write one topic for each; with `languages`,
    names that differ in a language code alone (`deRSE23-en.md`, `deRSE23-de.md`, and
    `Roadmap.md` beside `Roadmap-zh.md`) too."""
    parts_a, parts_b = _name_words(a), _name_words(b)
    if languages and abs(len(parts_a) - len(parts_b)) == 1:
        # `Roadmap.md` and its translation `Roadmap-zh.md`: the same name and a language code
        shorter, longer = sorted((parts_a, parts_b), key=len)
        return longer[:-1] == shorter and longer[-1] in _TRANSLATION_SUFFIXES
    if len(parts_a) != len(parts_b):
        return False
    different = [(x, y) for x, y in zip(parts_a, parts_b, strict=True) if x != y]
    if len(different) != 1:
        return False
    x, y = different[0]
    return (x in variants and y in variants) or (languages and is_language_code(x) and is_language_code(y))


def qualified_variants(a: str, b: str, qualifiers: frozenset[str]) -> bool:
    """`simulate-stress-on-kubernetes.md` and `simulate-stress-in-physical-nodes.md` (or
    `simulate-stress.md`): pages whose names share their first words and go on, if at all, with
    a qualifier (`on`, `in`, `for`, `with`, then a word that is not a number) write one topic
    for each setting, each filed under its own heading."""
    parts_a, parts_b = _name_words(a), _name_words(b)
    shared = 0
    while shared < min(len(parts_a), len(parts_b)) and parts_a[shared] == parts_b[shared]:
        shared += 1
    if shared and parts_a[shared - 1] in qualifiers:
        shared -= 1  # `…-on-kubernetes` and `…-on-physical-nodes`: the qualifier opens both
    rest_a, rest_b = parts_a[shared:], parts_b[shared:]
    if not shared or rest_a == rest_b:
        return False
    return all(not rest or (len(rest) > 1 and rest[0] in qualifiers and not rest[1].isdigit()) for rest in (rest_a, rest_b))


def title_of(doc) -> str:
    """The article's front-matter title, else its first level-1 heading ("" when none)."""
    matter = doc.front_matter
    if matter is not None and matter.data and isinstance(matter.data.get("title"), str):
        return matter.data["title"]
    for node in doc.nodes("heading"):
        if node.attrs.get("level") == 1:
            return node.text.strip()
    return ""


def section_of(doc) -> str:
    """The top folder of the site's content the article is filed in (`blog`, `docs`, `projects`
    in `content/zh/projects/x/index.md`), "" for a page at the top or outside a site."""
    return doc.memo("section_of", lambda: _section_of(doc))


def _section_of(doc) -> str:
    site, file = doc.site, doc.absolute_file
    if site is None or file is None:
        return ""
    path = site.relative(file)
    if site.generator == "docusaurus":
        source = site.plugin_source(path)
        if source is not None and source[0] == "blog":
            return "blog"  # the blog plugin's posts, filed at its top: a section beside the docs'
    rest = path
    for folder in sorted({*site.content, *(folder for folder, _ in site.language_folders)}, key=len, reverse=True):
        if folder != "." and within(path, folder):
            rest = path[len(folder) :].lstrip("/")
            break
    head, slash, _ = rest.partition("/")
    return head if slash else ""


# Front-matter keys that name the page's canonical URL (Jekyll's and Hugo's themes, dev.to's
# `canonical_url`), and jekyll-redirect-from's key that sends the reader on.
_CANONICAL_KEYS = ("canonical", "canonical_url", "canonicalURL", "canonicalUrl", "canonical-url")
_REDIRECT_KEYS = ("redirect_to", "redirect", "redirect_url")  # jekyll-redirect-from's; a Hugo `type: redirects` layout's


def declared_copy(doc) -> bool:
    """Whether the page says it is a copy or a forward of another: a canonical URL elsewhere
    than its own (`canonical: https://example.org/performance-audits/` on `/code-reviews/`, an
    old address kept with its old text) or a `redirect_to` (`redirect:`, `redirect_url:`, read by
    a theme's redirect layout: a meetup's page that forwards to its sign-up). Search engines and readers are
    sent to the other page; the two are no duplicates to report. Computed once per document
    (duplicate-title and near-duplicate-article both ask)."""
    return doc.memo("duplicate-declared-copy", lambda: _declares_copy(doc))


def _declares_copy(doc) -> bool:
    matter = doc.front_matter.data if doc.front_matter is not None else None
    if not isinstance(matter, dict):
        return False
    if any(isinstance(matter.get(key), (str, list)) and matter.get(key) for key in _REDIRECT_KEYS):
        return True
    canonical = next((matter[key] for key in _CANONICAL_KEYS if isinstance(matter.get(key), str) and matter[key].strip()), None)
    if canonical is None:
        return False
    own = _own_path(doc)  # unknown: two imports naming one original are still two copies here
    return own is not None and _url_path(canonical) != own


def _url_path(url: str) -> str:
    path = url.strip().split("#", 1)[0].split("?", 1)[0]
    if "://" in path:
        path = "/" + path.split("://", 1)[1].partition("/")[2]
    return "/" + path.strip("/").removesuffix("index.html").removesuffix(".html").strip("/")


def _own_path(doc) -> str | None:
    if doc.site is None or doc.absolute_file is None:
        return None
    found = page_url(doc.site, doc.absolute_file, doc.front_matter.data if doc.front_matter is not None else None)
    return _url_path(found.url) if found is not None else None

import os
import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

from artlint import data, dependencies
from artlint.findings import Diagnostic, Related, Severity
from artlint.options import Option, derived
from artlint.rules import CorpusRule
from artlint.rules.duplicate._pairs import (
    NAME_PARTS,
    assign,
    date_of,
    declared_copy,
    event_date_of,
    one_per_article,
    platform_variants,
    qualified_variants,
    section_of,
    version_scope,
)
from artlint.rules.duplicate._units import normalise, visible_text
from artlint.sites import MENU_ORDER_KEYS, is_language_code, read_small_file

_DATA = data.load("duplicates")["duplicate-title"]


# A page of this many level-1 headings or more uses them for its sections (a contest's
# problems, each `# A. …`): its first is no title.
_SECTIONING_H1S = 3


class DuplicateTitle(CorpusRule):
    """Two articles with the same title.

    ## What it finds
    Articles of the project whose titles — the front-matter `title`, else the first level-1
    heading (not on Jekyll's posts and collection documents, which Jekyll titles from their
    file names, nor on pages whose layout prints another object's name as their heading) —
    are the same once case, spaces and punctuation are ignored (but for the dots of a version:
    "Nushell 0.30" is not "Nushell 0.3.0"). Each article of such a group is reported once, naming the first (the earliest by front-matter date, else by path).
    Dated posts are compared with the posts of their section of the site (a post republished
    in a project's docs is there on purpose); pages (documentation: undated pages, and pages
    placed in their menu by hand with `weight`, `sidebar_position`, `nav_order` or `order`)
    only with the pages of their own folder: "FAQ" in each project's docs, a command's reference beside
    the guide's chapter on it, are no duplicates, nor are pages whose names end alike but
    begin with different parts of a book or products (`taste-summary` and `ca-summary`,
    `control-flow` and `taste-control-flow`, `methods-intro` and `taste-methods`), nor pages
    whose names differ in one platform or language of `variant-words` (`communication-ios`
    and `communication-android`: one topic for each platform), nor pages whose names share their
    first words and go on, if at all, with one of `qualifier-words` (`stress-on-kubernetes` and
    `stress-in-physical-nodes`: one topic for each setting, each under its own heading). Translations (pages of different languages,
    as the site's generator tells them apart, or whose names differ in a language code alone:
    `meetup-de.md` and `meetup-en.md`, or a common one added: `Roadmap.md` and `Roadmap-zh.md`), section index pages ("Posts" in each part of a
    book, and a folder's `index.md` beside the folder's other pages, "Overview" atop each folder
    of a VitePress or MkDocs documentation), a Hugo page
    bundle's other markdown files (resources, not pages), blocks that pages include
    (jekyll-multiple-languages-plugin's `_i18n/<lang>/` files), the repository's own
    files, which the site does not publish (`README.md` and its translation `README-zh.md`),
    pages made from the site's data (a body that is only template code including a block,
    `{% include templates/device_info.md %}`, one page per phone told apart by its
    `device:`), pages of three or more level-1 headings and no title (the headings divide
    the page: none is its title), pages whose heading a template writes (`# -{{ kind_display_name }}-`, from
    each page's front matter through mkdocs-macros or Liquid), pages that say they copy or forward another (a `canonical` URL other than
    their own, a `redirect_to` or a theme's `redirect:`), drafts (`draft: true`,
    `published: false`), pages an MkDocs site's explicit `nav:` leaves out (a working copy
    `cours-source.md` beside the listed `cours.md`; unless a plugin builds the navigation,
    `mkdocs-nav-plugins` in rules/sites.toml),
    recurring posts (one title in two years, "Annual report", or three or more posts more than
    six days apart, "Weekly update", or two when the title says it recurs: `recurring-words`,
    "SOFA Weekly | Q&A"; the date from front matter, a dated file name, or a dated
    `path` or `url`; for the pages of events, the day of each occasion from `event-date-keys`:
    a monthly "Open Onboarding Call" whose pages share one copied `date`, each with its own
    `eventDate`), a log kept one page per date or number under one title (five or more
    pages whose names differ in their numbers only, `series-min-pages`: `2016-12-01.md`,
    `2016-12-06.md`, "Build Environment Update History"), as many pages whose names differ
    in one part only (`index_euwe.md`, `index_fine.md`…: a reference kept once per release) or
    that share a beginning of words and differ after it (`garden-app_intro.md`,
    `garden-app_git.md`…: the parts of one tutorial under its title), and the `.Rmd`/`.md` pair of one
    article pass, as do titles shorter than `min-length` letters (4). Where an Eleventy or
    Jekyll layout writes more of the front matter into `<title>` than the title (`{{ title }} -
    {{ tabs[tags[1]] }}`), what it reads is compared too: the tabs of one component share a
    title and not a `<title>`.

    ## Why it matters
    Two pages with one title confuse readers in lists, feeds and search results, and search
    engines treat them as duplicates. It is often the first sign of an article posted twice.

    ## Example
    `posts/2021-03-02-sleep.md` and `posts/2021-05-11-sleep-repost.md`, both titled
    "Deep sleep helps memory", report the second: `same title as posts/2021-03-02-sleep.md`.
    """

    name = "duplicate-title"
    family = "duplicate"
    severity = Severity.WARNING
    options = {
        "min-length": Option("integer", _DATA["min-length"], "Shortest title compared, in letters and digits."),
        "variant-words": Option(
            "list[string]",
            _DATA["variant-words"],
            "Words by which the names of two pages of one title may differ: the same topic for each platform or language (`setup-ios.md`, `setup-android.md`).",
        ),
        "qualifier-words": Option(
            "list[string]",
            _DATA["qualifier-words"],
            "Words that open the part of a page's name saying for what setting it is written (`install-on-kubernetes.md`, "
            "`install-in-physical-nodes.md`): pages of one title so named are one topic for each setting.",
        ),
        "event-date-keys": Option(
            "list[string]",
            _DATA["event-date-keys"],
            "Front-matter keys that give the day of the event a page announces (`eventDate`, `start`): "
            "pages of one title for different days are one recurring event.",
        ),
    }

    def collect(self, doc, options):
        keys = derived(options, "duplicate-title event keys", lambda: frozenset(key.casefold() for key in options["event-date-keys"]))
        if doc.page is not None and (doc.page.kind in ("section", "resource", "fragment", "partial", "repository") or doc.page.draft):
            # A section's index: "Posts" in each edition of a book is its structure; a bundle's
            # file is no page, nor is a block that pages include, nor a repository's README
            # (README-zh.md translates it); a draft is not published.
            return None
        if _opens_its_folder(doc):
            return None  # "Overview" atop each folder of a documentation: its folder's index, as a section's
        if _outside_the_nav(doc):
            return None  # a page MkDocs builds but its `nav:` leaves out: a working copy beside the listed one
        if _made_from_data(doc) or declared_copy(doc):
            # made from the data it names, which tells it from its twins; or it names the page
            # it copies (canonical) or forwards to
            return None
        matter = doc.front_matter
        if matter is not None and matter.data and isinstance(matter.data.get("title"), str):
            line, column = matter.value_position("title")
            return _fact(matter.data["title"], line, column, doc, keys, _title_context(doc, matter.data))
        if doc.page is not None and (doc.page.title_from_name or doc.page.title_from_layout):
            # titled from its file name: a first heading is a section's ("# Introduction"); or
            # headed by its layout from the site's data: its text's heading is a copied README's
            return None
        first_level = [node for node in doc.nodes("heading") if node.attrs.get("level") == 1]
        if len(first_level) >= _SECTIONING_H1S:
            return None  # `# 比赛链接`, `# A. …`, `# D. …`: level-1 headings that divide the page, none its title
        for node in first_level[:1]:
            if node.attrs.get("level") == 1:
                title = visible_text(node).strip()
                if _TEMPLATE_TAG.search(doc.text, node.start, node.end):
                    return None  # `# -{{ kind_display_name }}-`: the build writes the title (mkdocs-macros, Liquid)
                line, column = doc.source.position(node.start)
                return _fact(title, line, column, doc, keys)
        return None

    def judge(self, facts, options, report_on):
        groups = defaultdict(list)
        for path, fact in facts.items():
            if fact is None:
                continue
            key = fact[4]
            if len(key) >= options["min-length"]:
                # Translations share a title across languages; a blog post and the
                # documentation page it announces share one across kinds.
                # Each version of a documentation has its own pages of the same titles.
                scope = version_scope(path)
                groups[(key,) + tuple(fact[5:8]) + (scope[:2] if scope else None,)].append(path)
        recurring = _recurring_words()
        variants = derived(options, "duplicate-title variants", lambda: frozenset(word.casefold() for word in options["variant-words"]))
        qualifiers = derived(options, "duplicate-title qualifiers", lambda: frozenset(word.casefold() for word in options["qualifier-words"]))
        compared = [group for group in groups.values() if not _numbered_series(group, facts) and not _named_series(group)]
        for paths in (part for group in compared for part in _by_date(group, facts, recurring)):
            if len(paths) < 2:
                continue
            articles = one_per_article(paths)
            dates = {path: facts[path][3] for path in articles}
            first = min(articles, key=lambda path: (dates[path] or "~", path))
            reported = set()
            for path in articles:
                if path == first or _parts_of_one_book(facts[first], facts[path]) or platform_variants(first, path, variants, languages=True):
                    continue
                if qualified_variants(first, path, qualifiers):
                    continue
                target = assign(first, path, report_on, dates)
                if target is None or target[0] in reported:
                    continue  # the first of a group, checked alone, is reported once, not once per twin
                here, other = target
                reported.add(here)
                title, line, column = facts[here][:3]
                other_line, other_column = facts[other][1:3]
                yield here, Diagnostic(
                    f"same title as {other}: {title!r}",
                    line, column, line, column + max(len(title), 1),
                    (Related(other, other_line, other_column, "the same title"),),
                )


_RECURRING_DAYS = 6  # a weekly newsletter keeps its title


def _by_date(paths: list[str], facts, recurring: tuple[str, ...] = ()) -> list[list[str]]:
    """A group of one title split into the posts of one occasion: a recurring post keeps its
    title ("Annual report" in two years; "Upcoming design meetings", three or more posts more
    than six days apart; a title that says it recurs, "SOFA Weekly | Q&A", more than six days
    apart), a re-post is a duplicate; pages of events (`event-date-keys`) are one occasion a
    day. Undated articles are compared with the earliest ones."""
    dated = sorted((day, path) for path in paths if (day := _day(_occasion(facts[path]))) is not None)
    undated = [path for path in paths if _day(_occasion(facts[path])) is None]
    says_it_recurs = bool(paths) and any(word in facts[paths[0]][4] for word in recurring)
    clusters: list[list[str]] = []
    last = None
    for day, path in dated:
        if facts[path][9] and last is not None and facts[clusters[-1][-1]][9]:
            apart = day != last  # two events' pages: one title for each day it is held
        elif len(dated) >= 3 or says_it_recurs:
            apart = last is not None and (day - last).days > _RECURRING_DAYS
        else:
            apart = last is not None and day.year != last.year
        if last is None or apart:
            clusters.append([])
        clusters[-1].append(path)
        last = day
    if not clusters:
        return [undated]
    clusters[0] += undated
    return clusters


def _occasion(fact: tuple) -> str:
    """The day of the event a page announces, else its own date."""
    return fact[9] or fact[3]


_DIGIT_RUN = re.compile(r"\d+")


def _numbered_series(paths: list[str], facts) -> bool:
    """Whether the pages of one title are a series of `series-min-pages` or more whose names
    differ in their numbers only: a log kept one page per date or per number."""
    if len(paths) < _DATA["series-min-pages"]:
        return False
    return len({_DIGIT_RUN.sub("#", _name(path)) for path in paths}) == 1 and len({_name(path) for path in paths}) == len(paths)


def _named_series(paths: list[str]) -> bool:
    """Whether the pages of one title are `series-min-pages` or more whose names differ in one
    part only, the same part (`index_euwe.md`, `index_fine.md`, `index_gaprindashvili.md`: a
    reference kept once per release behind a version picker), or share a beginning of words
    and differ after it (`garden-app_intro.md`, `garden-app_git.md`, `garden-app_map-view.md`:
    the parts of one tutorial under the tutorial's title)."""
    if len(paths) < _DATA["series-min-pages"]:
        return False
    parts = [NAME_PARTS.split(_name(path).casefold()) for path in paths]
    if len({len(split) for split in parts}) == 1 and len(parts[0]) >= 2:
        varying = [index for index in range(len(parts[0])) if len({split[index] for split in parts}) > 1]
        if len(varying) == 1:
            return True
    shared = 0
    while all(len(split) > shared + 1 for split in parts) and len({split[shared] for split in parts}) == 1:
        shared += 1
    words = [part for part in parts[0][:shared] if part and not part.isdigit()]  # a date is no series' name
    return bool(words) and len({tuple(split[shared:]) for split in parts}) == len(parts)


def _day(text: str):
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _fact(title: str, line: int, column: int, doc, event_keys: frozenset[str], context: str = "") -> tuple:
    # Normalised here, in the worker, and cached with the file: judging a site of 100,000
    # articles spent a second and a half normalising titles that had not changed.
    page = doc.page
    day = date_of(doc)
    # A dated post is compared with every post of the site; a page (documentation, an undated
    # page of a section) only with the pages of its folder: "FAQ" and "Release notes" in each
    # project's docs, a command's reference beside the guide's chapter on it.
    # A page placed in its menu by hand (`weight`...) is documentation, dated or not: "Retry"
    # in each product's docs.
    kind = "article" if (page is None or page.is_article) and day and not _placed_by_hand(doc) else "page"
    # Posts are compared within their section of the site: a post republished in a project's
    # docs or collection of posts is placed there on purpose.
    # Sites kept in one repository (each folder with its configuration) are compared apart.
    folder = _folder(doc.path) if kind == "page" else (doc.site.root if doc.site is not None else "", section_of(doc))
    # A version's dots count: "Nushell 0.30" is not "Nushell 0.3.0"; so do the signs of a
    # language's name: "C# client" is not "C++ client".
    key = normalise(_NAME_SIGN.sub(_spelled_sign, _VERSION_DOT.sub("v", title))) + context
    # The day of the occasion a page announces splits a recurring event's pages by date.
    occasion = event_date_of(doc, event_keys)
    return (title, line, column, day, key, page.language if page else None, kind, folder, _name(doc.path), occasion)


def _title_context(doc, matter) -> str:
    """What else of the page's front matter its layout writes into the `<title>` beside the
    title (an Eleventy or Jekyll layout's `<title>`, or the `page_title` block a layout
    overrides: `{{ title }} - {{ documentation[locale][tags[1]] }}`), as text that tells pages
    of one title apart ("" when the layout writes the title alone or is not in the site): the
    tabs of one component titled "Card" are "Card - Design" and "Card - Code"."""
    site = doc.site
    layout = matter.get("layout")
    if site is None or site.generator not in ("eleventy", "jekyll") or not isinstance(layout, str) or not layout.strip():
        return ""
    folders = site.template_folders if site.generator == "eleventy" else ("_layouts",)
    for folder in folders:
        base = os.path.join(site.root, folder, layout.strip())
        for path in (base, base + ".html"):
            if os.path.isfile(path):
                signature = dependencies.signature_of(path)
                dependencies.record("stat", path, signature)
                names = _title_names(path, signature)
                return "".join(f"\x00{key}={matter[key]!r}" for key in sorted(names) if key != "title" and key in matter)
    return ""


_TITLE_ELEMENT = re.compile(r"<title>(.{0,600}?)</title>|\{%-?\s*block\s+(?:page_)?title\s*-?%\}(.{0,600}?)\{%-?\s*endblock", re.S)
_TEMPLATE_NAME = re.compile(r"[A-Za-z_]\w*")


@lru_cache(maxsize=64)
def _title_names(path: str, signature: str) -> frozenset[str]:
    """The names a layout's `<title>` (or its title block) reads in its template tags: the
    layout read once for all the pages it lays out (`signature`, its state, keys the cache)."""
    names: set[str] = set()
    for match in _TITLE_ELEMENT.finditer(read_small_file(path)):
        for tag in _TEMPLATE_TAG.finditer(match.group(1) or match.group(2) or ""):
            names.update(_TEMPLATE_NAME.findall(tag.group()))
    return frozenset(names)


# A template's output or tag in a heading, as Jinja, Liquid and Nunjucks write them.
_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_INCLUDE_TAG = re.compile(r"\{%-?\s*(?:include|include_relative|render)\s")
_TEMPLATE_ONLY_LENGTH = 2000
_TEMPLATE_PAIRS = (("{%", "%}"), ("{{", "}}"), ("<!--", "-->"))


def _made_from_data(doc) -> bool:
    """Whether a page's body is nothing but template code that includes a block (`{% include
    templates/device_info.md %}`): one page per item of the site's data (a phone, a plugin),
    told apart by the key its front matter names (`device: ginkgo_variant2`), not by its title."""
    body = doc.text[doc.body_offset :]
    return len(body) < _TEMPLATE_ONLY_LENGTH and _INCLUDE_TAG.search(body) is not None and _only_template_tags(body)


def _only_template_tags(body: str) -> bool:
    """Whether the text is template tags, comments and white space alone. Read in one pass: a
    regex of `(?:\\s+|{%.*?%})*` backtracked exponentially over a run of blank lines that
    failed to match (minutes for a page of 2,000 characters)."""
    position = 0
    while position < len(body):
        if body[position].isspace():
            position += 1
            continue
        for opening, closing in _TEMPLATE_PAIRS:
            if body.startswith(opening, position):
                end = body.find(closing, position + len(opening))
                if end < 0:
                    return False
                position = end + len(closing)
                break
        else:
            return False
    return True


def _opens_its_folder(doc) -> bool:
    """A folder's `index.md` (or `README.md`) beside other pages of that folder, where the
    generator makes it the folder's first page (not Hugo's nor Zola's page bundles, whose other
    markdown files are the page's resources): the folder's index, as a section's."""
    name = doc.path.rpartition("/")[2].lower()
    if not name.startswith(("index.", "readme.")) or doc.absolute_file is None:
        return False
    if doc.site is None or doc.site.generator in ("hugo", "zola"):
        return False
    try:
        with os.scandir(os.path.dirname(doc.absolute_file)) as entries:
            names = [entry.name.lower() for entry in entries]
        return any(name.endswith((".md", ".mdx", ".markdown")) and not name.startswith(("index.", "readme.")) for name in names)
    except OSError:
        return False


def _placed_by_hand(doc) -> bool:
    data = doc.front_matter.data if doc.front_matter is not None else None
    if not isinstance(data, dict):
        return False
    return any(isinstance(data.get(key), (int, float)) and not isinstance(data.get(key), bool) for key in MENU_ORDER_KEYS)


def _name(path: str) -> str:
    """The page's name: its file's stem, a page bundle's folder."""
    parent, _, name = path.rpartition("/")
    if name.lower().startswith(("index.", "_index.", "readme.")):
        name = parent.rpartition("/")[2]
    return name.rsplit(".", 1)[0]


_VERSION_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_NAME_SIGN = re.compile(r"(?<=\w)\\?(?:\+\+|\+|#)(?!\w)")  # `C\#`, escaped for markdown, too
_SIGN_WORDS = {"++": "plusplus", "+": "plus", "#": "sharp"}


def _spelled_sign(match: re.Match) -> str:
    return _SIGN_WORDS[match.group().lstrip("\\")]
_NAME_WORD = re.compile(r"[-_. ]+")


def _parts_of_one_book(a: tuple, b: tuple) -> bool:
    """Two pages of one folder whose names end alike but begin with different parts: the
    "Summary" of two chapters (`taste-summary`, `ca-summary`), the release notes of two
    products documented together (`ark-release`, `jarslink-release`), a chapter and its
    preview in the book's tour (`control-structures`, `taste-control-structures`). A chapter's
    opening page may carry `intro` or `overview` after its topic (`methods-intro`)."""
    if a[6] != "page" or len(a) < 9 or len(b) < 9:
        return False
    words_a, words_b = (_name_words(fact[8]) for fact in (a, b))
    common = 0
    while common < min(len(words_a), len(words_b)) and words_a[-1 - common] == words_b[-1 - common]:
        common += 1
    # Names that differ in their numbers only are a dated series (`2025-03-21-meeting`).
    parts = words_a[: len(words_a) - common] + words_b[: len(words_b) - common]
    return common > 0 and any(not word.isdigit() for word in parts)


def _name_words(name: str) -> list[str]:
    words = [word for word in _NAME_WORD.split(name.casefold()) if word]
    while len(words) > 1 and words[-1] in _CHAPTER_OPENING:
        words.pop()
    return words


_CHAPTER_OPENING = frozenset({"intro", "introduction", "overview", "index"})


@lru_cache(maxsize=1)
def _recurring_words() -> tuple[str, ...]:
    return tuple(_DATA["recurring-words"])


def _folder(path: str) -> str:
    """The folder a page is filed in; for a page bundle (`faq/index.md`), the bundle's."""
    parent, _, name = path.rpartition("/")
    stem, hyphen, language = name.partition(".")[0].partition("-")
    if name.lower().startswith(("index.", "_index.", "readme.")) or (hyphen and stem.lower() in ("index", "_index") and is_language_code(language)):
        parent = parent.rpartition("/")[0]  # `index.md`, and a translation named `index-zh-CN.md`
    return parent


def _outside_the_nav(doc) -> bool:
    """Whether the page is one an MkDocs site's explicit `nav:` leaves out (`cours-source.md`
    beside the listed `cours.md`): built, but in no menu, as mdBook's unlisted chapters."""
    site, file = doc.site, doc.absolute_file
    if site is None or file is None or site.generator != "mkdocs" or site.nav_pages is None:
        return False
    return site.relative(file) not in site.nav_pages

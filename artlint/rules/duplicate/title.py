from collections import defaultdict
from datetime import date

from artlint import data
from artlint.findings import Diagnostic, Related, Severity
from artlint.options import Option
from artlint.rules import CorpusRule
from artlint.rules.duplicate._pairs import assign, date_of, one_per_article
from artlint.rules.duplicate._units import normalise, visible_text

_DATA = data.load("duplicates")["duplicate-title"]


class DuplicateTitle(CorpusRule):
    """Two articles with the same title.

    ## What it finds
    Articles of the project whose titles — the front-matter `title`, else the first level-1
    heading — are the same once case, spaces and punctuation are ignored. Each article of such a
    group is reported once, naming the first (the earliest by front-matter date, else by path).
    Dated posts are compared with all posts; pages (documentation, undated pages) only with
    the pages of their own folder: "FAQ" in each project's docs, a command's reference beside
    the guide's chapter on it, are no duplicates. Translations (pages of different languages,
    as the site's generator tells them apart), section index pages ("Posts" in each part of a
    book), a Hugo page bundle's other markdown files (resources, not pages),
    recurring posts (one title in two years, "Annual report", or three or more posts more than
    six days apart, "Weekly update"; the date from front matter, a dated file name, or a dated
    `path` or `url`), and the `.Rmd`/`.md` pair of one
    article pass, as do titles shorter than `min-length` letters (4).

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
    }

    def collect(self, doc, options):
        if doc.page is not None and doc.page.kind in ("section", "resource"):
            return None  # a section's index: "Posts" in each edition of a book is its structure; a bundle's file is no page
        matter = doc.front_matter
        if matter is not None and matter.data and isinstance(matter.data.get("title"), str):
            line, column = matter.value_position("title")
            return _fact(matter.data["title"], line, column, doc)
        for node in doc.nodes("heading"):
            if node.attrs.get("level") == 1:
                line, column = doc.source.position(node.start)
                return _fact(visible_text(node).strip(), line, column, doc)
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
                groups[(key,) + tuple(fact[5:])].append(path)
        for paths in (part for group in groups.values() for part in _by_date(group, facts)):
            if len(paths) < 2:
                continue
            articles = one_per_article(paths)
            dates = {path: facts[path][3] for path in articles}
            first = min(articles, key=lambda path: (dates[path] or "~", path))
            reported = set()
            for path in articles:
                if path == first:
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


def _by_date(paths: list[str], facts) -> list[list[str]]:
    """A group of one title split into the posts of one occasion: a recurring post keeps its
    title ("Annual report" in two years; "Upcoming design meetings", three or more posts more
    than six days apart), a re-post is a duplicate. Undated articles are compared with the
    earliest ones."""
    dated = sorted((day, path) for path in paths if (day := _day(facts[path][3])) is not None)
    undated = [path for path in paths if _day(facts[path][3]) is None]
    clusters: list[list[str]] = []
    last = None
    for day, path in dated:
        if len(dated) >= 3:
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


def _day(text: str):
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _fact(title: str, line: int, column: int, doc) -> tuple:
    # Normalised here, in the worker, and cached with the file: judging a site of 100,000
    # articles spent a second and a half normalising titles that had not changed.
    page = doc.page
    day = date_of(doc)
    # A dated post is compared with every post of the site; a page (documentation, an undated
    # page of a section) only with the pages of its folder: "FAQ" and "Release notes" in each
    # project's docs, a command's reference beside the guide's chapter on it.
    kind = "article" if (page is None or page.is_article) and day else "page"
    folder = _folder(doc.path) if kind == "page" else ""
    return (title, line, column, day, normalise(title), page.language if page else None, kind, folder)


def _folder(path: str) -> str:
    """The folder a page is filed in; for a page bundle (`faq/index.md`), the bundle's."""
    parent, _, name = path.rpartition("/")
    if name.lower().startswith(("index.", "_index.", "readme.")):
        parent = parent.rpartition("/")[0]
    return parent

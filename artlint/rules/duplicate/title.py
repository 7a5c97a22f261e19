from collections import defaultdict

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
    Translations (pages of different languages, as the site's generator tells them apart),
    posts of different years (a recurring "Annual report"; the year of the front-matter date,
    of a dated file name, or of a dated `path` or `url`), and the `.Rmd`/`.md` pair of one
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
                groups[key, fact[5]].append(path)  # translations share a title across languages
        for paths in (part for group in groups.values() for part in _by_year(group, facts)):
            if len(paths) < 2:
                continue
            articles = one_per_article(paths)
            dates = {path: facts[path][3] for path in articles}
            first = min(articles, key=lambda path: (dates[path] or "~", path))
            for path in articles:
                if path == first:
                    continue
                target = assign(first, path, report_on, dates)
                if target is None:
                    continue
                here, other = target
                title, line, column = facts[here][:3]
                other_line, other_column = facts[other][1:3]
                yield here, Diagnostic(
                    f"same title as {other}: {title!r}",
                    line, column, line, column + max(len(title), 1),
                    (Related(other, other_line, other_column, "the same title"),),
                )


def _by_year(paths: list[str], facts) -> list[list[str]]:
    """A group of one title split by the year of its articles' dates: a yearly post ("Annual
    report", "Security advisory for Cargo") shares its title across years. Undated articles are
    compared with the earliest year's."""
    years: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        years[facts[path][3][:4]].append(path)
    undated = years.pop("", [])
    if not years:
        return [undated]
    earliest = min(years)
    years[earliest] += undated
    return list(years.values())


def _fact(title: str, line: int, column: int, doc) -> tuple:
    # Normalised here, in the worker, and cached with the file: judging a site of 100,000
    # articles spent a second and a half normalising titles that had not changed.
    return (title, line, column, date_of(doc), normalise(title), doc.page.language if doc.page else None)

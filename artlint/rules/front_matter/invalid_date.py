from typing import Any, Iterator

from artlint import data
from artlint.dates import date_problem
from artlint.findings import Severity
from artlint.lazyre import lazy
from artlint.options import Option
from artlint.rules import DocumentRule

# An ISO 8601 date or date-time, whatever its numbers: under keys that are not date keys, only
# these are judged (a date that cannot exist), not every string.
_DATE_SHAPE = lazy(r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?[ ]?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?")


class FrontMatterInvalidDate(DocumentRule):
    """A front-matter date that is not a date, or is a date that cannot exist.

    ## What it finds
    Values of the date keys (`date`, `lastmod`, `publishDate`, `expiryDate` by default) that are
    neither a TOML date/datetime nor an ISO 8601 / RFC 3339 string (`2024-05-31`,
    `2024-05-31T08:00:00+08:00`, `2024-05-31 08:00`), and dates that do not exist, such as
    `2021-02-30` or month 13, written bare in TOML or as strings. The forms the site's generator
    reads are dates too: one-digit parts on Jekyll, Hexo, Docusaurus, VitePress and VuePress
    sites (`2024-3-21 4:00:00 +0000`; not on Eleventy, whose Luxon reads ISO 8601 alone), `/` or
    `.` between them there (`2013/7/13 20:46:25`) and in folders no known generator builds, whose
    own code reads them, most often with JavaScript's Date (not with a one-digit hour after `T`,
    `2019-05-27T4:55`, which Date refuses), an offset after a zone's name on those that read
    dates with JavaScript's Date (`2020-12-23 10:09:53 GMT+0800`), RFC 1123 and `15 Oct 2023` on Hugo and
    Jekyll, Unix `date`'s output and a zone named as Ruby names it on Jekyll (`Fri Sep  3
    11:21:31 CEST 2021`, `2018-03-01 09:05 EST`), with the prose forms Ruby's Date._parse reads
    there (`September 2014`, `April, 08 2014`, `20-10-2017`, `20.10.2017`, and `18-01-08`,
    a year of two digits), and Eleventy's
    words for a file's dates (`Last Modified`, `Created`, `git Last Modified`, `git Created`).
    A table under a key other than `date` (`updated: {timestamp: 1594391902000}`, a theme's
    legacy form) is the theme's own structure, not a mistyped date, and passes.
    Under any other key, at any depth (a table, a list, a nested mapping), a value written as
    an ISO date that cannot exist is reported too (`updated_on = 2021-02-30`,
    `extra: {reviewed: 2021-13-01}`); other strings there are not judged. A file outside what
    the site's generator builds (a template for new posts beside `content/`, with `date:
    YEAR-XX-01`) is not checked: no generator reads its dates. On an MkDocs site with no plugin
    that parses dates (Material's blog, an RSS feed: `mkdocs-date-plugins` in `rules/sites.toml`),
    a date is a note for templates: `2022/10/28` passes, `2022-02-30` does not.

    ## Why it matters
    Hugo fails the build or silently uses the zero date; the article then sorts wrongly, vanishes
    from the home page, or is treated as expired. Typed-in dates like `2021/3/4` or `March 4th`
    look fine in an editor and break quietly.

    ## Example

        date = 2021-02-30

    reports `'2021-02-30' is not a real date: February 2021 has 28 days`.
    """

    name = "front-matter-invalid-date"
    reads_body = False
    family = "front-matter"
    severity = Severity.ERROR
    options = {
        "keys": Option("list[string]", data.load("front-matter")["date-keys"], "Keys whose values must be dates."),
    }

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is None or matter.data is None:
            return
        if doc.outside_the_build:
            return  # outside what the generator builds (a post template's `date: YEAR-XX-01`): no generator reads it
        generator = doc.site.generator if doc.site is not None else None
        if doc.site is not None and doc.site.dates_unread:
            generator = "plain"  # nothing parses them (MkDocs without a blog): the forms people write pass, impossible days do not
        for key in options["keys"]:
            if matter.data.get(key) is None and key not in matter.unparsable_dates:
                continue  # absent, or `updated:` with nothing (a scaffold's line): every generator reads it as unset
            value = matter.unparsable_dates.get(key, matter.data[key])
            if isinstance(value, dict) and key != "date":
                continue  # `updated: {timestamp: 1594391902000}`: a theme's own structure, no mistyped date
            if doc.site is not None and key in doc.site.front_matter_transformed:
                continue  # `updated: ''` where the site's schema maps '' to unset (Astro's `z.preprocess`)
            if doc.site is not None and doc.site.drops_key(doc.absolute_file, key):
                continue  # `publishDate: "January 3 2021"` where the collection's schema declares no such key: dropped unread
            problem = date_problem(value, generator)
            if problem:
                line, column = matter.value_position(key)
                yield doc.line_diagnostic(f"{key}: {problem}", line, column)
        finder = _ValueFinder(doc, matter)
        for path, value in _date_shaped_values(matter.data, set(options["keys"])):
            problem = date_problem(value)
            if problem:
                line, column = finder.find(path[0], value)
                yield doc.line_diagnostic(f"{_dotted(path)}: {problem}", line, column)


def _date_shaped_values(data: dict, date_keys: set[str]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, value) of the strings shaped like ISO dates anywhere in the front matter except
    under the date keys (judged whole above, but for a table a theme keeps there: walked like
    any other); TOML's impossible bare dates are such strings."""
    stack: list[tuple[tuple[Any, ...], Any]] = [
        ((key,), value) for key, value in reversed(data.items()) if key not in date_keys or (isinstance(value, dict) and key != "date")
    ]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if _DATE_SHAPE.fullmatch(value.strip()):
                yield path, value
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in reversed(list(enumerate(value))))


def _dotted(path: tuple[Any, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else (f".{part}" if index else str(part)) for index, part in enumerate(path))


class _ValueFinder:
    """Where a nested value is written: the parsers keep the places of top-level keys only, so
    the value is looked for as text from its top-level key's line on, each place used once."""

    def __init__(self, doc, matter):
        self.doc = doc
        self.matter = matter
        self.used: set[tuple[int, int]] = set()

    def find(self, key: Any, value: str) -> tuple[int, int]:
        source = self.doc.source
        first = self.matter.keys[key].line if key in self.matter.keys else self.matter.start_line
        for line in (*range(first, self.matter.end_line + 1), *range(self.matter.start_line, first)):
            text = source.line_text(line)
            column = text.find(value)
            while column >= 0 and (line, column + 1) in self.used:
                column = text.find(value, column + 1)
            if column >= 0:
                self.used.add((line, column + 1))
                return line, column + 1
        return self.matter.value_position(key) if key in self.matter.keys else (self.matter.start_line, 1)

from artlint import data
from artlint.dates import date_problem
from artlint.findings import Severity
from artlint.options import Option
from artlint.rules import DocumentRule


class FrontMatterInvalidDate(DocumentRule):
    """A front-matter date that is not a date, or is a date that cannot exist.

    ## What it finds
    Values of the date keys (`date`, `lastmod`, `publishDate`, `expiryDate` by default) that are
    neither a TOML date/datetime nor an ISO 8601 / RFC 3339 string (`2024-05-31`,
    `2024-05-31T08:00:00+08:00`, `2024-05-31 08:00`), and dates that do not exist, such as
    `2021-02-30` or month 13, written bare in TOML or as strings. The forms the site's generator
    reads are dates too: one-digit parts on Jekyll and Hexo sites (`2024-3-21 4:00:00 +0000`),
    `/` between them on Hexo (`2013/7/13 20:46:25`), RFC 1123 and `15 Oct 2023` on Hugo.

    ## Why it matters
    Hugo fails the build or silently uses the zero date; the article then sorts wrongly, vanishes
    from the home page, or is treated as expired. Typed-in dates like `2021/3/4` or `March 4th`
    look fine in an editor and break quietly.

    ## Example

        date = 2021-02-30

    reports `'2021-02-30' is not a real date: February 2021 has 28 days`.
    """

    name = "front-matter-invalid-date"
    family = "front-matter"
    severity = Severity.ERROR
    options = {
        "keys": Option("list[string]", data.load("front-matter")["date-keys"], "Keys whose values must be dates."),
    }

    def check(self, doc, options):
        matter = doc.front_matter
        if matter is None or matter.data is None:
            return
        for key in options["keys"]:
            if key not in matter.data:
                continue
            value = matter.unparsable_dates.get(key, matter.data[key])
            problem = date_problem(value, doc.site.generator if doc.site is not None else None)
            if problem:
                line, column = matter.value_position(key)
                yield doc.line_diagnostic(f"{key}: {problem}", line, column)

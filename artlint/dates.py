"""Dates as front matter writes them: TOML dates, or ISO 8601 / RFC 3339 strings; and the
other forms the site's generator reads: Ruby's Time.parse (Jekyll: `2024-3-21 4:00:00 +0000`),
JavaScript's Date (Hexo: `2013/7/13 20:46:25`), RFC 1123 and Unix `date`'s output
(`Fri Sep  3 11:21:31 CEST 2021`) and `February 21, 2017`, which Ruby reads too, JavaScript's own Date strings on
Hexo and Docusaurus (`Wed Oct 22 2025 08:00:00 GMT+0800 (Hong Kong Standard Time)`), Go's layouts that Hugo tries (RFC 1123,
`15 Oct 2023`, Go's own `2024-06-17 04:02:43 +0000 UTC`), and YAML's timestamps with one-digit parts (`2019-05-27T4:55:44+08:00`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from artlint.lazyre import lazy
from artlint.options import describe

_ISO = lazy(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[Tt ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"[ ]?(?P<zone>[Zz]|[+-](?P<zh>\d{2})(?::?(?P<zm>\d{2}))?)?)?"
)
# Jekyll, Hexo, Docusaurus, VitePress and VuePress (Ruby and JavaScript date parsing): one-digit months, days, hours,
# minutes and seconds (`2019-10-09 0:0:0`), `/` or `.` between the parts (`2013/7/13`,
# `2017.03.16`: both Ruby's Time.parse and V8's Date read them), a zone after the day alone
# (`2023-08-02 +0800`, Ruby's Time.parse).
_LENIENT = lazy(
    r"(?P<year>\d{4})(?P<separator>[-/.])(?P<month>\d{1,2})(?P=separator)(?P<day>\d{1,2})"
    r"(?:[Tt ]+(?P<hour>\d{1,2}):(?P<minute>\d{1,2})(?::(?P<second>\d{1,2})(?:[.,]\d+)?)?)?"
    r"(?:(?(hour)[ ]*|[ ]+)(?P<zone>[Zz]|UTC|GMT|[+-](?P<zh>\d{2})(?::?(?P<zm>\d{2}))?))?"
)
# Ruby's Time.parse; JavaScript's Date (VitePress and VuePress leave `date` to their themes, which
# read it with Date or dayjs); not Eleventy, whose Luxon reads ISO 8601 alone.
_LENIENT_GENERATORS = ("jekyll", "hexo", "docusaurus", "vitepress", "vuepress", "rspress", "nuxt")
# A folder no known generator builds: a site's own code, most often JavaScript (Next.js, Astro,
# docsite), reads its dates with Date, which takes `2024/05/31` but not a one-digit hour after
# `T` (`2019-05-27T4:55`, which Ruby would read). Only `/` or `.` between the parts, a form
# chosen on purpose: `2023-2-16` among `2023-02-09`s is a slip, which a Python or Go build refuses.
_JS_ONE_DIGIT_HOUR = lazy(r"[Tt]\d(?!\d)")
_JAVASCRIPT_GENERATORS = ("hexo", "docusaurus", "vitepress", "vuepress", "rspress", "nuxt")
# An offset after the zone's name, `GMT+0800`, as JavaScript's Date.toString() writes it and Date reads it.
_NAMED_OFFSET = lazy(r"[ ]+(?:GMT|UTC)(?=[+-]\d{2}:?\d{2}$)")
# YAML's timestamp (yaml.org/type/timestamp), with one-digit months, days and hours: a date
# to every YAML library that generators use (go-yaml for Hugo, js-yaml, Ruby's Psych).
_YAML_TIMESTAMP = lazy(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[Tt]|[ \t]+)(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2})(?:\.\d*)?"
    r"(?:[ \t]*(?P<zone>Z|[+-](?P<zh>\d{1,2})(?::(?P<zm>\d{2}))?))?"
)
# The time before the day (`7:09 2023/4/28`), which V8's Date reads (its legacy parser takes
# the parts in any order): a VitePress theme's `new Date(date)`.
_TIME_FIRST = lazy(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?[ ]+(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"
    r"(?:(?P<zone>(?!))(?P<zh>(?!))(?P<zm>(?!)))?"  # no zone: the groups the checks below read, never matched
)
_MONTHS = "January February March April May June July August September October November December".split()
# Go's Time.String() (`2024-06-17 04:02:43.5 +0000 UTC`), which Hugo reads (spf13/cast's
# layout `2006-01-02 15:04:05.999999999 -0700 MST`): release tools write dates with it.
_GO_TIME_STRING = lazy(r"(?P<stamp>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? [+-]\d{4}) (?:[A-Za-z]{1,5}|[+-]\d{2,4})")


_ELEVENTY_DATE_WORDS = frozenset({"Last Modified", "Created", "git Last Modified", "git Created"})


def date_problem(value: Any, generator: str | None = None) -> str | None:
    """None when `value` is a date (as `generator`, when known, reads dates), else why not."""
    if isinstance(value, (dt.date, dt.datetime)):
        return None
    if isinstance(value, dt.time):
        return "a time of day without a date"
    if generator == "mkdocs" and isinstance(value, dict) and "created" in value:
        # Material's blog plugin: `date: {created: 2024-01-31, updated: 2024-02-01}`
        return next((problem for part in value.values() if (problem := date_problem(part, generator))), None)
    if not isinstance(value, str):
        return f"expected a date, got {describe(value)}"
    if generator == "eleventy" and value.strip() in _ELEVENTY_DATE_WORDS:
        return None  # `date: Last Modified`: Eleventy takes the date from the file or from git
    text = _ruby_zone(value.strip(), generator)
    if generator in _JAVASCRIPT_GENERATORS and ("GMT" in text or "UTC" in text):
        text = _NAMED_OFFSET.sub(" ", text)  # `2020-12-23 10:09:53 GMT+0800`: Date reads the offset after the name
    if not text and generator == "hugo":
        return None  # Hugo reads an empty date as none set and takes the next source (git, a file name)
    match = _ISO.fullmatch(text)
    if not match and generator in _LENIENT_GENERATORS:
        match = _LENIENT.fullmatch(text)
    if not match and generator in ("plain", "astro") and not _JS_ONE_DIGIT_HOUR.search(text):
        lenient = _LENIENT.fullmatch(text)
        match = lenient if lenient is not None and lenient["separator"] != "-" else None
    if not match:
        match = _YAML_TIMESTAMP.fullmatch(text)
    if not match and generator in _JAVASCRIPT_GENERATORS:
        match = _TIME_FIRST.fullmatch(text)
    if not match and generator == "hugo":
        go_string = _GO_TIME_STRING.fullmatch(text)
        if go_string:
            match = _ISO.fullmatch(go_string["stamp"])
        elif _rfc_1123_or_day_month_year(text):
            return None
    if not match and generator == "jekyll" and (
        _rfc_1123_or_day_month_year(text) or _ctime(text) or _month_day_year(text) or _ruby_prose_day(text) or _ruby_short_year(text)
    ):
        return None  # Ruby's Time.parse reads RFC 1123, `date`'s output and `February 21, 2017` as well
    if not match and generator in _JAVASCRIPT_GENERATORS and (_javascript_date_string(text) or _month_day_year(text)):
        return None  # JavaScript's Date reads what its own toString() writes, and `February 21, 2017`
    if not match:
        return f"{value!r} is not an ISO 8601 date such as 2024-05-31 or 2024-05-31T08:00:00+08:00"
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        return f"{value!r} is not a real date: there is no month {month}"
    try:
        dt.date(year, month, day)
    except ValueError:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return f"{value!r} is not a real date: {_MONTHS[month - 1]} {year} has {last} days"
    if match["hour"] is not None:
        hour, minute = int(match["hour"]), int(match["minute"])
        second = int(match["second"] or 0)
        if hour > 23 or minute > 59 or second > 60:
            return f"{value!r} is not a real time of day"
    if match["zh"] is not None and (int(match["zh"]) > 23 or int(match["zm"] or 0) > 59):
        return f"{value!r} has an impossible time-zone offset"
    return None


# Ruby's Date._parse reads an offset of three digits as one for the hour and two for the
# minutes: Jekyll's `2015-04-16 9:52:18 +800` is at +08:00.
_THREE_DIGIT_ZONE = lazy(r"([ \t][+-])(\d)(\d{2})$")


def _ruby_zone(text: str, generator: str | None) -> str:
    if generator != "jekyll":
        return text
    named = _ZONE_NAME.search(text)
    if named and named.group(1) in _RUBY_ZONES:  # `2018-03-01 09:05 EST`: Ruby's Time.parse knows the name
        hours = _RUBY_ZONES[named.group(1)]
        text = text[: named.start()] + f" {'-' if hours < 0 else '+'}{abs(hours):02d}:00"
    elif _UNREAD_ZONE.search(text):
        # `2024-01-01 12:00:00 +/-TTTT`, Chirpy's template left as it was: Ruby's Date._parse
        # reads the date and time and skips a zone with no digits it does not know
        text = _UNREAD_ZONE.sub("", text)
    return _THREE_DIGIT_ZONE.sub(r"\g<1>0\2\3", text)


# The zone names Ruby's Time.parse reads (Time::ZoneOffset), after a time.
_ZONE_NAME = lazy(r"(?<=\d)[ ]+([A-Z]{2,3})$")
# After a time of day, a last word with no digit that names no zone Ruby knows.
_UNREAD_ZONE = lazy(r"(?<=\d:\d\d)[ ]+[^\s\d]+$")
_RUBY_ZONES = {"UTC": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}


def _rfc_1123_or_day_month_year(text: str) -> bool:
    """RFC 1123/822/850 dates (`Mon, 02 Jan 2006 15:04:05 MST`) and `15 Oct 2023`, which Hugo's
    date parsing (spf13/cast) and Ruby's Time.parse (Jekyll) accept besides ISO 8601."""
    from email.utils import parsedate_to_datetime  # imported here: only Hugo's rarer date forms need it (start-up speed)

    try:
        parsedate_to_datetime(text)
        return True
    except (TypeError, ValueError, IndexError):
        pass
    return day_in_layouts(text, ("%d %b %Y", "%d %B %Y")) is not None


def _month_day_year(text: str) -> bool:
    """`February 21, 2017`, `Feb 21 2017`: a date as English prose writes it, which Ruby's
    Time.parse (Jekyll) and JavaScript's Date read; Go's layouts (Hugo) do not."""
    return day_in_layouts(text, ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")) is not None


def _ruby_prose_day(text: str) -> bool:
    """`September 2014` (the first of the month), `April, 08 2014`, `20-10-2017`, `20.10.2017`:
    forms Ruby's Date._parse reads, and so Jekyll's Time.parse of a front-matter date."""
    return day_in_layouts(text, ("%B %Y", "%b %Y", "%B, %d %Y", "%b, %d %Y", "%d-%m-%Y", "%d.%m.%Y")) is not None


# A year of two digits in Ruby's ISO form: Date._parse reads `18-01-08` as 2018-01-08 (69 to 99
# as 19xx), and Jekyll's Time.parse with it.
_SHORT_YEAR = lazy(r"(\d{2})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def _ruby_short_year(text: str) -> bool:
    """`18-01-08 10:20:00`: a real day with its year in two digits, as Ruby's Date._parse reads it."""
    found = _SHORT_YEAR.fullmatch(text)
    if found is None:
        return False
    year = int(found.group(1))
    try:
        dt.date(year + (1900 if year >= 69 else 2000), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return False
    return True


def day_in_layouts(text: str, layouts: tuple[str, ...]) -> dt.date | None:
    """The real day `text` writes in one of the strptime `layouts`, or None."""
    for layout in layouts:
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None


# The output of Unix `date` and C's asctime: `Fri Sep  3 11:21:31 CEST 2021`, `Fri Sep 3 11:21:31 2021`.
# Ruby reads a day's and a month's name by their first three letters: `Thurs Sept 22 …` too.
_CTIME = lazy(
    r"[A-Za-z]{3}[a-z]* +(?P<month>[A-Za-z]{3})[a-z]* +(?P<day>\d{1,2}) +(?P<time>\d{1,2}:\d{2}:\d{2})"
    r"(?: +[A-Za-z]{1,5}| +[+-]\d{4})? +(?P<year>\d{4})"
)


# JavaScript's Date.prototype.toString(), pasted into front matter: `Wed Oct 22 2025 08:00:00
# GMT+0800 (Hong Kong Standard Time)`.
_JAVASCRIPT_DATE = lazy(r"[A-Za-z]{3} (?P<month>[A-Za-z]{3}) (?P<day>\d{2}) (?P<year>\d{4}) (?P<time>\d{2}:\d{2}:\d{2}) GMT[+-]\d{4}(?: \([^()\n]{1,80}\))?")


def _javascript_date_string(text: str) -> bool:
    return _real_named_month_date(_JAVASCRIPT_DATE.fullmatch(text))


def _ctime(text: str) -> bool:
    return _real_named_month_date(_CTIME.fullmatch(text))


def _real_named_month_date(found: re.Match[str] | None) -> bool:
    """Whether a match of a form with a month's name (`Sep 3 2021 11:21:31`) is a real time."""
    if found is None:
        return False
    try:
        dt.datetime.strptime(f"{found['day']} {found['month']} {found['year']} {found['time']}", "%d %b %Y %H:%M:%S")
        return True
    except ValueError:
        return False


def written_day(value: Any, generator: str | None = None) -> tuple[dt.date, int | None, int | None] | None:
    """(the calendar day written, the minutes after midnight when a time is written, the
    offset from UTC in minutes when one is written) of a front-matter date; None when it is no
    date (as `date_problem` reads them)."""
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        minutes = None if offset is None else int(offset.total_seconds() // 60)
        return value.date(), value.hour * 60 + value.minute, minutes
    if isinstance(value, dt.date):
        return value, None, None
    if not isinstance(value, str) or date_problem(value, generator) is not None:
        return None
    text = _ruby_zone(value.strip(), generator)
    match = _ISO.fullmatch(text) or (_LENIENT.fullmatch(text) if generator in _LENIENT_GENERATORS else None)
    if match is None:
        return None  # a form only Hugo reads (RFC 1123): its day is not worth a parser here
    day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    time = int(match["hour"]) * 60 + int(match["minute"]) if match["hour"] is not None else None
    zone = match["zone"]
    if zone is None:
        return day, time, None
    if zone in ("Z", "z", "UTC", "GMT"):
        return day, time, 0
    sign = -1 if zone.startswith("-") else 1
    return day, time, sign * (int(match["zh"]) * 60 + int(match["zm"] or 0))

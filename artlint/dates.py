"""Dates as front matter writes them: TOML dates, or ISO 8601 / RFC 3339 strings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from artlint.lazyre import lazy
from artlint.options import describe

_ISO = lazy(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[Tt ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    r"[ ]?(?P<zone>[Zz]|[+-](?P<zh>\d{2})(?::?(?P<zm>\d{2}))?)?)?"
)
_MONTHS = "January February March April May June July August September October November December".split()


def date_problem(value: Any) -> str | None:
    """None when `value` is a date, else why not, in words."""
    if isinstance(value, (dt.date, dt.datetime)):
        return None
    if isinstance(value, dt.time):
        return "a time of day without a date"
    if not isinstance(value, str):
        return f"expected a date, got {describe(value)}"
    text = value.strip()
    match = _ISO.fullmatch(text)
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

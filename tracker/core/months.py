"""Months as plain integers (year * 12 + month - 1): parsing the forms users type, and arithmetic.

An integer month makes "P - 3" and "months between" exact and cheap; the
calendar only matters at the edges (first and last day), where `datetime` answers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from tracker.errors import BadInput

Month = int

# 2024-08, 2024-8, 2024/08, 2024.08, 2024年8月(份); and the month alone as a clerk types it: 8月, 8月份, 8
_FORMS = re.compile(r"^\s*(?:(\d{4})\s*(?:[-/.]|年)\s*)?(\d{1,2})\s*(?:月\s*份?)?\s*$")


def parse(text: str, year: int | None = None) -> Month:
    """`2024-08`, `2024-8`, `2024/08`, `2024.08` or `2024年8月` → month; with `year`, also the month alone
    (`8月`, `8月份`, `8`), taken in that year (the caller says which year is meant)."""
    match = _FORMS.match(text or "")
    if not match or (match[1] is None and year is None):
        if year is not None:  # a user's --month, where the month alone is taken too
            raise BadInput("malformed month {value}: use 2024-08, 2024年8月 or 8月 (in the plan's year)",
                           value=_quoted(text))
        raise BadInput("malformed month {value}: use 2024-08, 2024/08 or 2024年8月", value=_quoted(text))
    month = int(match[2])
    year = int(match[1]) if match[1] is not None else year
    if not 1 <= month <= 12 or year < 1:
        raise BadInput("malformed month {value}: no month {month} in a year", value=_quoted(text), month=month)
    return year * 12 + month - 1


def yearless(text: str) -> bool:
    """The text is a month without its year (`8月`, `8`): parse needs the year meant."""
    match = _FORMS.match(text or "")
    return bool(match) and match[1] is None


def _quoted(text) -> str:
    shown = repr(text)  # repr: a control character in it shows as \x1b, not as itself
    return shown if len(shown) <= 40 else shown[:39] + "…"


def make(year: int, month: int) -> Month:
    return year * 12 + month - 1


def of(day: dt.date) -> Month:
    return day.year * 12 + day.month - 1


def year_of(m: Month) -> int:
    return m // 12


def month_of_year(m: Month) -> int:
    return m % 12 + 1


@functools.lru_cache(maxsize=1024)  # a province's status writes 60,000 months, most of them the same few
@functools.cache  # a few hundred months, asked for hundreds of thousands of times (a province's status JSON: 60,000)
def fmt(m: Month | None) -> str | None:
    if m is None:
        return None
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


@functools.lru_cache(maxsize=256)
def last_day(m: Month) -> dt.date:
    year, month = m // 12, m % 12 + 1
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)  # the day before the next month's first

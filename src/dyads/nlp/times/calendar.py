"""Calendar arithmetic behind TIMEX3 values: pure functions over ``datetime.date``.

A TIMEX3 value names a stretch of the calendar at some granularity: ``2020`` (year),
``2020-09`` (month), ``2020-09-25`` (day), ``2020-W39`` (ISO week), ``2020-Q3``
(quarter), ``2020-H2`` (half), ``2020-SU`` (season), ``202`` (decade), ``20``
(century). The helpers here shift such stretches and format them; they never look
at text.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"]
Unit = Literal["D", "W", "M", "Q", "Y", "DE", "CE"]

SEASON_CODES = ("SP", "SU", "FA", "WI")
# The month a season starts in (northern meteorological seasons); winter straddles a year
# and TimeML files it under the year its December falls in.
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def parse_iso(value: str | None) -> date | None:
    """The day an ISO date string names, or None; a year or month alone means its first day."""
    if not value:
        return None
    text = value.strip()[:10]
    parts = text.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2] else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (clipped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: int, unit: Unit) -> date:
    """``day`` moved by ``amount`` units (negative: back in time)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    return add_months(day, 1200 * amount)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def fmt(day: date, unit: Unit) -> str:
    """The value naming the ``unit``-long stretch that contains ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def relative(anchor: date, amount: int, unit: Unit) -> str:
    """The stretch ``amount`` units from the one holding ``anchor``: "last month" is -1 "M"."""
    return fmt(shift(anchor, amount, unit), unit)


# How far (in days) a tense pushes a yearless date to its side of the article date. With
# 270, a day under a past-tense verb moves to last year when it would fall more than about
# seven weeks after the article date: "December 30" in a January article is last year's,
# while "set Nov. 20 as the deadline" in a Nov. 2 article stays this year's. Quarters are
# pulled less: "expects to report a third-quarter loss" in October is this year's quarter.
# (Measured on TimeBank: 270 and 180 beat a strict rule, 365, by about half a point.)
TENSE_PULL_DAYS = 270
QUARTER_PULL_DAYS = 180


def place_in_year(
    anchor: date, stretch: tuple[int, int, int, int], tense: Tense | None, pull: int = TENSE_PULL_DAYS
) -> int:
    """The year for a month-and-day stretch given without one (``stretch`` = start and end
    as (month, day, month, day) within a year).

    The year that puts the stretch nearest the article date, where the tense of the
    governing verb counts a stretch on the wrong side of the date ``TENSE_PULL_DAYS``
    further away: the article's year unless the stretch is closer to it in the previous
    or next year, or the tense says so.
    """
    m1, d1, m2, d2 = stretch
    best, best_cost = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        first = date(year, m1, min(d1, calendar.monthrange(year, m1)[1]))
        last = date(year, m2, min(d2, calendar.monthrange(year, m2)[1]))
        if first <= anchor <= last:
            return year
        gap = (first - anchor).days if first > anchor else (anchor - last).days
        if (tense == "past" and first > anchor) or (tense == "future" and last < anchor):
            gap += pull
        if best_cost is None or gap < best_cost:
            best, best_cost = year, gap
    return best


def choose_year(anchor: date, month: int, day: int | None, tense: Tense | None) -> int:
    """The year of a month (and day) given without one; see ``place_in_year``."""
    if day is None:
        return place_in_year(anchor, (month, 1, month, 31), tense)
    return place_in_year(anchor, (month, day, month, day), tense)


def choose_quarter_year(anchor: date, quarter: int, tense: Tense | None) -> int:
    """The year of "the third quarter" given without one; see ``place_in_year``."""
    return place_in_year(anchor, (3 * quarter - 2, 1, 3 * quarter, 31), tense, QUARTER_PULL_DAYS)


def month_after_before(anchor: date, month: int, direction: int) -> int:
    """Year of the nearest ``month`` strictly before (-1) or after (+1) the anchor's month."""
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    return anchor.year if month > anchor.month else anchor.year + 1


def weekday_date(anchor: date, weekday: int, tense: Tense | None, modifier: str | None = None) -> date:
    """The date of a weekday (0 = Monday) mentioned in an article dated ``anchor``.

    "last Friday" is strictly before, "next Friday" strictly after, "this Friday" is in
    the anchor's week. A bare weekday goes the way the tense points, today included
    ("said Friday" in a Friday article is that day); without tense, the nearer one.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if modifier == "last":
        return anchor - timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if modifier == "this":
        return anchor + timedelta(days=weekday - anchor.weekday())
    if tense == "future":
        return anchor + timedelta(days=ahead)
    if tense == "past":
        return anchor - timedelta(days=back)
    # without a tense, news reports what happened: the nearer one, the past on a near tie
    return anchor - timedelta(days=back) if back <= ahead + 1 else anchor + timedelta(days=ahead)


def season_year(anchor: date, season: str, direction: int) -> int:
    """Year of the season before (-1), containing or nearest (0) or after (+1) the anchor."""
    current = _season_of(anchor)
    current_year = anchor.year - 1 if anchor.month < 3 else anchor.year
    order = SEASON_CODES.index(season) - SEASON_CODES.index(current)
    if direction == 0:
        return current_year
    if direction < 0:
        return current_year if order < 0 else current_year - 1
    return current_year if order > 0 else current_year + 1


def _season_of(day: date) -> str:
    if day.month in (3, 4, 5):
        return "SP"
    if day.month in (6, 7, 8):
        return "SU"
    if day.month in (9, 10, 11):
        return "FA"
    return "WI"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)

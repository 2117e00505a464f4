"""Calendar dates written out: "September 25, 2020", "9/25/20", "June", "the 1990s", "Christmas".

Value handlers for ``normalise``: each takes a ``Candidate`` of its grammar rule and the
``Context`` and returns the TIMEX3 (value, type), or None when the words name no date. A month
or day without a year takes the year that puts it nearest the article date
(``calendar.choose_year``); without an article date the year is ``XXXX``.
"""

from __future__ import annotations

import re
from datetime import date

from dyads.knowledge.registry import words
from dyads.nlp.times.calendar import choose_year, month_after_before, nth_weekday, shift
from dyads.nlp.times.context import Context, Normalised
from dyads.nlp.times.grammar import MONTHS, ORDINALS, WEEKDAYS, Candidate, spelled_year_value


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _year_of(text: str) -> int:
    return int(text)


def _unknown_year(month: int, day: int | None = None) -> str:
    return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def month_day_value(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    month, day = _month(g["month"]), _day(g["day"])
    if not 1 <= day <= 31:
        return None
    if "year" in g:
        year = _year_of(g["year"])
    elif ctx.clause_year is not None and "weekday" not in g:
        year = ctx.clause_year
    elif ctx.anchor is None:
        return _unknown_year(month, day), "DATE"
    else:
        year = ctx.anchor.year
        if "weekday" in g:
            # the weekday names the year: the nearest year in which that date falls on it
            wd = WEEKDAYS[g["weekday"].lower()]
            for y in (year, year - 1, year + 1):
                if _valid(y, month, day) and date(y, month, day).weekday() == wd:
                    year = y
                    break
        else:
            year = choose_year(ctx.anchor, month, day, ctx.tense)
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "DATE"


def numeric_date_value(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    year = int(g["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    month, day = int(g["month"]), int(g["day"])
    if not _valid(year, month, day):
        return None
    if "hour" in g:
        return f"{year:04d}-{month:02d}-{day:02d}T{g['hour']}:{g['minute']}", "TIME"
    return f"{year:04d}-{month:02d}-{day:02d}", "DATE"


def ordinal_day_value(c: Candidate, ctx: Context) -> Normalised | None:
    """ "on the 25th": that day of the article's month, or of the month the tense points to."""
    day = int(c.groups["day"])
    if ctx.anchor is None:
        return None
    base = ctx.anchor.replace(day=1)
    if ctx.tense == "past" and day > ctx.anchor.day:
        base = shift(base, -1, "M")
    elif ctx.tense == "future" and day < ctx.anchor.day:
        base = shift(base, 1, "M")
    if not _valid(base.year, base.month, day):
        return None
    return base.replace(day=day).isoformat(), "DATE"


def month_year_value(c: Candidate, ctx: Context) -> Normalised:
    return f"{_year_of(c.groups['year']):04d}-{_month(c.groups['month']):02d}", "DATE"


def month_value(c: Candidate, ctx: Context) -> Normalised:
    month = _month(c.groups["month"])
    rel = (c.groups.get("rel") or "").lower()
    if ctx.clause_year is not None and not rel and "yearrel" not in c.groups:
        return f"{ctx.clause_year:04d}-{month:02d}", "DATE"
    if ctx.anchor is None:
        return _unknown_year(month), "DATE"
    if "yearrel" in c.groups:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(c.groups["yearrel"].lower(), 0)
    elif rel in ("last", "past", "previous"):
        year = month_after_before(ctx.anchor, month, -1)
    elif rel in ("next", "coming"):
        year = month_after_before(ctx.anchor, month, +1)
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = choose_year(ctx.anchor, month, None, ctx.tense)
    return f"{year:04d}-{month:02d}", "DATE"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def decade_value(c: Candidate, ctx: Context) -> Normalised:
    if "decade" in c.groups:
        return c.groups["decade"], "DATE"
    if "word" in c.groups:
        return f"19{_DECADE_WORDS[c.groups['word'].lower()]}", "DATE"
    # '90s: the century of the article (or the 20th without one)
    century = (ctx.anchor.year // 100) if ctx.anchor else 19
    digit = int(c.groups["short"])
    if ctx.anchor and century * 100 + digit * 10 > ctx.anchor.year:
        century -= 1
    return f"{century:02d}{digit}", "DATE"


def century_value(c: Candidate, ctx: Context) -> Normalised | None:
    n = ORDINALS.get(c.groups["ordinal"].lower())
    if n is None or c.groups["ordinal"].lower() in ("last", "final"):
        return None
    return f"{n - 1:02d}", "DATE"


def year_in_words_value(c: Candidate, ctx: Context) -> Normalised | None:
    year = spelled_year_value(c.groups["spelled"])
    if year is None:
        return None
    if "month" in c.groups:
        return f"{year:04d}-{_month(c.groups['month']):02d}", "DATE"
    return f"{year:04d}", "DATE"


def year_value(c: Candidate, ctx: Context) -> Normalised:
    g = c.groups
    year = int(g["year"])
    if "year2" in g and int(g["year2"]) != (year + 1) % 100 and 1 <= int(g["year2"]) <= 12:
        return f"{year:04d}-{g['year2']}", "DATE"  # 2020-09 is a month; 2020-21 a span of years
    return g["year"], "DATE"


# holiday name -> (month, day), from lists filed under "MM-DD"
_FIXED_HOLIDAYS = {
    name: (int(day[:2]), int(day[3:])) for day, names in words("times_holidays").items() for name in names
}


def _holiday_in(name: str, year: int) -> date | None:
    """The day of holiday ``name`` in ``year``; None for one this table does not compute."""
    if name in _FIXED_HOLIDAYS:
        month, day = _FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    return None  # Easter: a movable feast


def holiday_value(c: Candidate, ctx: Context) -> Normalised | None:
    name = re.sub(r"\s+", " ", c.groups["name"]).lower()
    if "year" in c.groups:
        when = _holiday_in(name, int(c.groups["year"]))
        return (when.isoformat(), "DATE") if when else None
    if ctx.anchor is None:
        return None
    when = _holiday_in(name, ctx.anchor.year)
    if when is None:
        return None
    # like a date without a year: the occurrence nearest the article, the way the tense
    # points; "last Thanksgiving" is strictly before the article, "next" strictly after
    said = re.search(r"\b(last|next)\s*$", ctx.before, re.IGNORECASE)
    if said:
        step = -1 if said[1].lower() == "last" else 1
        ahead_of_anchor = when > ctx.anchor if step > 0 else when < ctx.anchor
        year = ctx.anchor.year if ahead_of_anchor else ctx.anchor.year + step
    else:
        year = choose_year(ctx.anchor, when.month, when.day, ctx.tense)
    when = _holiday_in(name, year) or when
    return when.isoformat(), "DATE"

"""What a matched time expression means: a TIMEX3 value and type, given its context.

``normalise(candidate, context)`` is pure: the candidate comes from ``grammar``, the
context (``context.Context``) carries the article date, the tense of the governing verb and
the last date mentioned before (the reference time of "the following day", "a year
earlier"). Each grammar rule has one value handler, named in ``HANDLERS``; they live by job in
``dates`` (calendar dates), ``periods`` (quarters, halves, seasons), ``relative`` (counted
from the article or the reference) and ``amounts`` (durations, sets, vague references).

TimeML conventions followed here:

* a value keeps the precision of the words: "June 2019" is ``2019-06``, "in 1960" is
  ``1960``; "early", "mid", "late" do not change it;
* a month or day without a year takes the year that puts it nearest the article date,
  a stretch on the side the verb's tense does not point to counting 270 days further
  (``calendar.place_in_year``): "said on December 30" in a January article is last
  year's; after "to", "until", "by" the date is an end point the tense does not place
  ("extended the offer to Nov. 20" in a Nov. 2 article is this year's); but a month named
  in a clause that already names its year takes that year ("jailed last year after his
  arrest in July" is last year's July; ``Context.clause_year``);
* weekdays go the way of the tense, today included (a simple present is a schedule:
  "they meet Monday"); "last"/"next" are strict;
* "last month"/"two years ago" count from the article date, at the unit's granularity;
* durations are ``P<n><unit>`` (``X`` when the number is vague), sets carry the period;
* vague references are ``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``.

Without an article date the calendar fields that would depend on it become ``X``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dyads.nlp.times import dates, periods, relative
from dyads.nlp.times.amounts import bare_unit_value, duration_of, set_adverb_value, set_value, vague_value
from dyads.nlp.times.context import Context, Normalised, reference_day
from dyads.nlp.times.grammar import Candidate, scan


# The clock reads the day phrase inside it ("noon Thursday") through the whole table of
# handlers, so it is valued here rather than with the dates.
def _clock(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    if "named" in g:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[g["named"].lower()]
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower()
        if hour > 24 or (ampm and hour > 12):
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    day = None if ctx.habitual else reference_day(ctx)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    dayref = g.get("dayref") or g.get("dayref0")
    if dayref:
        named = _day_named(dayref, ctx)
        prefix = named if named else prefix
    return f"{prefix}T{hour:02d}:{minute:02d}", "TIME"


def _day_named(text: str, ctx: Context) -> str | None:
    """The date a day phrase inside a longer expression names ("noon Thursday")."""
    found = scan(text)
    if not found:
        return None
    result = normalise(found[0], ctx)
    if result is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", result[0]):
        return None
    return result[0]


HANDLERS: dict[str, Callable[[Candidate, Context], Normalised | None]] = {
    "month_day": dates.month_day_value,
    "day_month": dates.month_day_value,
    "iso_date": dates.numeric_date_value,
    "slash_date": dates.numeric_date_value,
    "month_year": dates.month_year_value,
    "month": dates.month_value,
    "decade": dates.decade_value,
    "century": dates.century_value,
    "year": dates.year_value,
    "ordinal_day": dates.ordinal_day_value,
    "around_reference": relative.around_reference_value,
    "spelled_year": dates.year_in_words_value,
    "quarter": periods.quarter_value,
    "half": periods.half_value,
    "season": periods.season_value,
    "deictic": relative.deictic_value,
    "part_of_day": relative.part_of_day_value,
    "weekday": relative.weekday_value,
    "clock": _clock,
    "set": set_value,
    "set_adverb": set_adverb_value,
    "ago": relative.ago_value,
    "year_ago": relative.year_ago_value,
    "duration": duration_of,
    "bare_unit": bare_unit_value,
    "period_end": periods.period_end_value,
    "relative": relative.relative_value,
    "vague": vague_value,
    "holiday": dates.holiday_value,
}


def is_reference(candidate: Candidate) -> bool:
    """Whether a later "the following day" or "a year earlier" may count from this expression.

    Expressions counted back from another one ("a year earlier", "the year-ago quarter")
    are not: chaining them would walk back a year at each mention.
    """
    if candidate.rule in ("ago", "year_ago"):
        return False
    return not (candidate.rule == "quarter" and re.search(r"year", candidate.groups.get("mods", "")))


def normalise(candidate: Candidate, context: Context) -> Normalised | None:
    """The TIMEX3 (value, type) of a candidate, or None when it does not name a time."""
    try:
        return HANDLERS[candidate.rule](candidate, context)
    except (ValueError, OverflowError):
        # "10,000 years ago", "the 99th century": outside the calendar ``datetime`` keeps
        return None

"""Days and stretches counted from the article date or the date under discussion.

Value handlers for ``normalise``: "yesterday", "this morning", "last Friday", "two years
ago", "a year earlier", "last month", "the following day", "the week after". "Last" and
"next" count from the article date; "the following", "that", "the same" and "earlier"/"later"
from the reference time, the last date mentioned before (``context.reference_day``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dyads.knowledge.registry import words
from dyads.nlp.times.amounts import duration_value, unit_code
from dyads.nlp.times.calendar import Unit, parse_iso, relative, weekday_date
from dyads.nlp.times.context import Context, Normalised, precise_enough, quarter_reference, reference_day
from dyads.nlp.times.grammar import PARTS_OF_DAY, WEEKDAYS, Candidate, number_value
from dyads.nlp.times.periods import quarter_back

# Units whose "the past ..." is a stretch ending at the article date ("the past month").
_LOOKBACK = ("W", "M", "Y", "DE")

_PERIODS: dict[str, Unit] = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE"}


def around_reference_value(c: Candidate, ctx: Context) -> Normalised | None:
    unit = _PERIODS[unit_code(c.groups["unit"])]
    base = reference_day(ctx)
    if ctx.reference and precise_enough(ctx.reference, unit):
        base = parse_iso(ctx.reference) or base
    if base is None:
        return None
    step = -1 if c.groups["dir"].lower() in ("before", "earlier") else 1
    return relative(base, step, unit), "DATE"


def ago_value(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    code = unit_code(g["unit"])
    amount = number_value(g["num"])
    direction = -1 if g["dir"].lower() in ("ago", "earlier", "before", "back", "previously") else 1
    unit = _PERIODS.get(code)
    if code.startswith("T"):
        unit = "D"
        amount = 0 if amount is None or amount < 24 else amount // 24
    if unit is None:
        return None
    if g["dir"].lower() in ("before", "after") and re.match(r"\s*[A-Za-z$0-9]", ctx.after):
        # "two weeks after the vote": a duration anchored on an event, not a date
        return duration_value(amount, code), "DURATION"
    relative_to_reference = g["dir"].lower() in ("earlier", "later", "before", "after", "previously")
    if amount is None:
        if g["dir"].lower() in ("ago", "from now", "hence", "back"):
            return ("PAST_REF" if direction < 0 else "FUTURE_REF"), "DATE"
        return duration_value(None, code), "DURATION"  # "a few days later": how long after
    if amount != int(amount):
        return None
    if code == "Y" and amount == 1 and direction < 0 and quarter_reference(ctx):
        value = quarter_back(ctx, 4)
        return (value, "DATE") if value else None
    base = reference_day(ctx) if relative_to_reference else ctx.anchor
    if base is None:
        return None
    return relative(base, direction * int(amount), unit), "DATE"


def year_ago_value(c: Candidate, ctx: Context) -> Normalised | None:
    if quarter_reference(ctx):
        value = quarter_back(ctx, 4)
        return (value, "DATE") if value else None
    if ctx.anchor is None:
        return None
    return relative(ctx.anchor, -1, "Y"), "DATE"


# "last month" is one month back, "this month" the month itself, "next month" one ahead
_REL_OFFSETS = {
    word: offset
    for offset, key in ((-1, "back"), (0, "same"), (1, "ahead"))
    for word in words("times_references")[key]
}


def relative_value(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    rel = g["rel"].lower()
    word = g["unit"].lower()
    code = unit_code(word)
    det = (g.get("det") or "").lower()
    offset = _REL_OFFSETS[rel]
    if det == "the" and rel in ("past", "last") and code in _LOOKBACK and not re.match(r"\s*of\b", ctx.after):
        # "over the past year" is the twelve months up to the article, not the last calendar
        # year; "the last year of his term" is that term's final year, left to the next rule
        return duration_value(1, code), "DURATION"
    # "the following day", "that week", "the same year", "the previous day": from the
    # reference time; "last week", "next year": from the article date
    from_reference = rel in ("following", "same", "that", "preceding") or (
        det in ("the", "that") and rel in ("next", "previous", "prior")
    )
    base = reference_day(ctx) if from_reference else ctx.anchor
    if from_reference and ctx.reference and precise_enough(ctx.reference, code):
        # "in March ... the following month": a month (or year) reference will do
        base = parse_iso(ctx.reference) or base
    if base is None:
        return None
    if code == "WE":
        return f"{relative(base, offset, 'W')}-WE", "DATE"
    unit = _PERIODS.get(code)
    if unit is None:
        return None
    if code == "Q" and rel in ("last", "latest", "past") and det == "the" and rel != "last":
        return relative(base, -1, "Q"), "DATE"
    return relative(base, offset, unit), "DATE"


def _with_part(day: date | None, part: str | None) -> Normalised:
    text = day.isoformat() if day else "XXXX-XX-XX"
    if part:
        return f"{text}T{PARTS_OF_DAY[part.lower()]}", "TIME"
    return text, "DATE"


def deictic_value(c: Candidate, ctx: Context) -> Normalised:
    g = c.groups
    word = g["word"].lower()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    before = (g.get("before") or "").lower()
    if before:
        offset += -1 if "before" in before else 1
    day = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    part = g.get("part") or ("night" if word == "tonight" else None)
    value, kind = _with_part(day, part)
    # TimeML files "yesterday evening" under DATE when the day is what is said
    return value, kind if word == "tonight" or "part" in g else "DATE"


def part_of_day_value(c: Candidate, ctx: Context) -> Normalised:
    rel = re.sub(r"\s+", " ", c.groups["rel"].lower())
    part = c.groups["part"]
    if rel == "last":
        day = ctx.anchor - timedelta(days=1) if ctx.anchor else None
        if part.lower() != "night" and ctx.anchor:
            day = ctx.anchor - timedelta(days=1)
    elif rel in ("the next", "the following"):
        ref = reference_day(ctx)
        day = ref + timedelta(days=1) if ref else None
    elif rel in ("that", "the same", "the"):
        day = reference_day(ctx)
    else:
        day = ctx.anchor
    return _with_part(day, part)


def weekday_value(c: Candidate, ctx: Context) -> Normalised:
    g = c.groups
    wd = WEEKDAYS[g["weekday"].lower()]
    rel = (g.get("rel") or "").lower()
    rel = rel.removeprefix("the").strip()
    modifier = rel if rel in ("last", "next", "this", "coming") else None
    if rel in ("past", "previous"):
        modifier = "last"
    if rel == "following":
        modifier = "next"
    if ctx.anchor is None:
        return f"XXXX-WXX-{wd + 1}", "DATE"
    if rel == "that":
        ref = reference_day(ctx) or ctx.anchor
        day = weekday_date(ref, wd, "past")
    elif rel in ("previous", "following"):
        # "the previous Friday": the one before the day under discussion
        day = weekday_date(reference_day(ctx) or ctx.anchor, wd, None, modifier)
    else:
        # a weekday with a verb in the simple present is a schedule: "they meet Monday"
        tense = "future" if ctx.tense == "present" else ctx.tense
        if ctx.after.startswith("'s"):
            tense = None  # "Tuesday's vote" is not timed by the verb of the sentence
        day = weekday_date(ctx.anchor, wd, tense, modifier)
    part = g.get("part")
    return (f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "TIME") if part else (day.isoformat(), "DATE")

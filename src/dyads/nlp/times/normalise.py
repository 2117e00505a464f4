"""What a matched time expression means: a TIMEX3 value and type, given its context.

``normalise(candidate, context)`` is pure: the candidate comes from ``time_grammar``,
the context carries the article date, the tense of the governing verb and the last
date mentioned before (the reference time of "the following day", "a year earlier").

TimeML conventions followed here:

* a value keeps the precision of the words: "June 2019" is ``2019-06``, "in 1960" is
  ``1960``; "early", "mid", "late" do not change it;
* a month or day without a year takes the year that puts it nearest the article date,
  a stretch on the side the verb's tense does not point to counting 270 days further
  (``time_calendar.place_in_year``): "said on December 30" in a January article is last
  year's; after "to", "until", "by" the date is an end point the tense does not place
  ("extended the offer to Nov. 20" in a Nov. 2 article is this year's);
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
from dataclasses import dataclass
from datetime import date, timedelta

from dyads.model import TimeType
from dyads.nlp.times.amounts import (
    bare_unit_value,
    duration_of,
    duration_value,
    set_adverb_value,
    set_value,
    unit_code,
    vague_value,
)
from dyads.nlp.times.calendar import (
    SEASON_CODES,
    Tense,
    Unit,
    choose_quarter_year,
    choose_year,
    fmt,
    month_after_before,
    nth_weekday,
    parse_iso,
    relative,
    season_year,
    shift,
    weekday_date,
)
from dyads.nlp.times.grammar import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    Candidate,
    number_value,
    scan,
    spelled_year_value,
)

Normalised = tuple[str, TimeType]


@dataclass(frozen=True)
class Context:
    anchor: date | None  # the article date
    tense: Tense | None = None  # of the verb governing the expression
    reference: str | None = None  # value of the last date mentioned before
    before: str = ""  # a few characters of text before the expression
    after: str = ""  # and after it


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


def _month_day(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    month, day = _month(g["month"]), _day(g["day"])
    if not 1 <= day <= 31:
        return None
    if "year" in g:
        year = _year_of(g["year"])
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


def _numeric_date(c: Candidate, ctx: Context) -> Normalised | None:
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


def _ordinal_day(c: Candidate, ctx: Context) -> Normalised | None:
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


def _around_reference(c: Candidate, ctx: Context) -> Normalised | None:
    unit = _PERIODS[unit_code(c.groups["unit"])]
    base = _reference_day(ctx)
    if ctx.reference and _precise_enough(ctx.reference, unit):
        base = parse_iso(ctx.reference) or base
    if base is None:
        return None
    step = -1 if c.groups["dir"].lower() in ("before", "earlier") else 1
    return relative(base, step, unit), "DATE"


def _month_year(c: Candidate, ctx: Context) -> Normalised:
    return f"{_year_of(c.groups['year']):04d}-{_month(c.groups['month']):02d}", "DATE"


def _month_alone(c: Candidate, ctx: Context) -> Normalised:
    month = _month(c.groups["month"])
    rel = (c.groups.get("rel") or "").lower()
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


def _decade(c: Candidate, ctx: Context) -> Normalised:
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


def _century(c: Candidate, ctx: Context) -> Normalised | None:
    n = ORDINALS.get(c.groups["ordinal"].lower())
    if n is None or c.groups["ordinal"].lower() in ("last", "final"):
        return None
    return f"{n - 1:02d}", "DATE"


def _spelled_year(c: Candidate, ctx: Context) -> Normalised | None:
    year = spelled_year_value(c.groups["spelled"])
    if year is None:
        return None
    if "month" in c.groups:
        return f"{year:04d}-{_month(c.groups['month']):02d}", "DATE"
    return f"{year:04d}", "DATE"


def _year(c: Candidate, ctx: Context) -> Normalised:
    g = c.groups
    year = int(g["year"])
    if "year2" in g and int(g["year2"]) != (year + 1) % 100 and 1 <= int(g["year2"]) <= 12:
        return f"{year:04d}-{g['year2']}", "DATE"  # 2020-09 is a month; 2020-21 a span of years
    return g["year"], "DATE"


def _year_for(ctx: Context, rel: str | None) -> int | None:
    if ctx.anchor is None:
        return None
    rel = (rel or "").lower()
    return ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)


def _quarter_back(ctx: Context, quarters: int) -> str | None:
    """The quarter ``quarters`` before the one under discussion: the last quarter mentioned
    if it lies in the past fifteen months, else the article's last complete quarter."""
    ref = ctx.reference if ctx.reference and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference) else None
    base = date(int(ref[:4]), (int(ref[-1]) - 1) * 3 + 1, 1) if ref else None
    if ctx.anchor and (base is None or not shift(ctx.anchor, -15, "M") < base <= ctx.anchor):
        base = shift(ctx.anchor, -1, "Q")
    if base is None:
        return None
    return fmt(shift(base, -quarters, "Q"), "Q")


def _quarter(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    mods = (g.get("mods") or "").lower()
    head = g["head"].lower()
    ordinal = (g.get("ordinal") or "").lower()
    year_back = any(
        w in mods
        for w in ("year-earlier", "year-ago", "prior-year", "year-before", "year earlier", "year ago")
    )
    has_year = "year" in g or "yearrel" in g
    if head == "period" and not (
        has_year or year_back or re.search(r"latest|recent|same|comparable|corresponding", mods)
    ):
        return None
    if not ordinal and not mods and (g.get("det") or "").lower() in ("a", ""):
        return None  # "a quarter of the votes"
    if ordinal:
        n = ORDINALS[ordinal]
        year: int | None
        if "year" in g or "year2" in g:
            year = int(g.get("year") or g["year2"])
        elif "yearrel" in g or "yearrel2" in g:
            year = _year_for(ctx, g.get("yearrel") or g.get("yearrel2"))
        elif ctx.anchor is None:
            return f"XXXX-Q{n}", "DATE"
        else:
            year = choose_quarter_year(ctx.anchor, n, ctx.tense)
        if year is None:
            return f"XXXX-Q{n}", "DATE"
        if year_back:
            year -= 1
        return f"{year:04d}-Q{n}", "DATE"
    if year_back:
        value = _quarter_back(ctx, 4)
        return (value, "DATE") if value else None
    if has_year:
        # "the 1988 quarter", "last year's period": the quarter under discussion, in that year
        current = _quarter_back(ctx, 0)
        year = int(g["year"]) if "year" in g else _year_for(ctx, g.get("yearrel"))
        if current is None or year is None:
            return None
        return f"{year:04d}-{current[-2:]}", "DATE"
    if ctx.anchor is None:
        return "XXXX-QX", "DATE"
    if re.search(r"\b(?:next|coming)\b", mods):
        return relative(ctx.anchor, 1, "Q"), "DATE"
    if re.search(r"\bcurrent\b", mods):
        return relative(ctx.anchor, 0, "Q"), "DATE"
    if re.search(r"latest|recent", mods):
        return relative(ctx.anchor, -1, "Q"), "DATE"
    if (
        ctx.reference
        and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference)
        and not re.search(r"previous|preceding|last|past", mods)
    ):
        return ctx.reference, "DATE"
    # "the quarter", "the latest quarter": the last complete one, the one being reported
    return relative(ctx.anchor, -1, "Q"), "DATE"


def _half(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    half = 1 if g["ordinal"].lower() == "first" else 2
    if "year" in g:
        return f"{g['year']}-H{half}", "DATE"
    year = _year_for(ctx, g.get("yearrel"))
    if year is None:
        return f"XXXX-H{half}", "DATE"
    return f"{year:04d}-H{half}", "DATE"


def _season(c: Candidate, ctx: Context) -> Normalised:
    g = c.groups
    code = SEASONS[g["season"].lower()]
    if "year" in g:
        return f"{g['year']}-{code}", "DATE"
    if ctx.anchor is None:
        return f"XXXX-{code}", "DATE"
    det = (g.get("det") or "").lower()
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(det)
    if direction is None:
        direction = -1 if ctx.tense == "past" else 1 if ctx.tense == "future" else 0
        if direction and _current_season(ctx.anchor) == code:
            direction = 0
    year = season_year(ctx.anchor, code, direction) if direction else _season_year_now(ctx.anchor, code)
    return f"{year:04d}-{code}", "DATE"


def _current_season(day: date) -> str:
    return SEASON_CODES[((day.month - 3) % 12) // 3]


def _season_year_now(anchor: date, code: str) -> int:
    # winter in January or February belongs to the year its December fell in
    if code == "WI" and anchor.month < 3:
        return anchor.year - 1
    return anchor.year


def _with_part(day: date | None, part: str | None) -> Normalised:
    text = day.isoformat() if day else "XXXX-XX-XX"
    if part:
        return f"{text}T{PARTS_OF_DAY[part.lower()]}", "TIME"
    return text, "DATE"


def _deictic(c: Candidate, ctx: Context) -> Normalised:
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


def _reference_day(ctx: Context) -> date | None:
    if ctx.reference and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.reference[:10]):
        return parse_iso(ctx.reference[:10])
    return ctx.anchor


def _part_of_day(c: Candidate, ctx: Context) -> Normalised:
    rel = re.sub(r"\s+", " ", c.groups["rel"].lower())
    part = c.groups["part"]
    if rel == "last":
        day = ctx.anchor - timedelta(days=1) if ctx.anchor else None
        if part.lower() != "night" and ctx.anchor:
            day = ctx.anchor - timedelta(days=1)
    elif rel in ("the next", "the following"):
        ref = _reference_day(ctx)
        day = ref + timedelta(days=1) if ref else None
    elif rel in ("that", "the same", "the"):
        day = _reference_day(ctx)
    else:
        day = ctx.anchor
    return _with_part(day, part)


def _weekday(c: Candidate, ctx: Context) -> Normalised:
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
        ref = _reference_day(ctx) or ctx.anchor
        day = weekday_date(ref, wd, "past")
    elif rel in ("previous", "following"):
        # "the previous Friday": the one before the day under discussion
        day = weekday_date(_reference_day(ctx) or ctx.anchor, wd, None, modifier)
    else:
        # a weekday with a verb in the simple present is a schedule: "they meet Monday"
        tense = "future" if ctx.tense == "present" else ctx.tense
        if ctx.after.startswith("'s"):
            tense = None  # "Tuesday's vote" is not timed by the verb of the sentence
        day = weekday_date(ctx.anchor, wd, tense, modifier)
    part = g.get("part")
    return (f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "TIME") if part else (day.isoformat(), "DATE")


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
    day = _reference_day(ctx)
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


_PERIODS: dict[str, Unit] = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE"}


def _ago(c: Candidate, ctx: Context) -> Normalised | None:
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
    if code == "Y" and amount == 1 and direction < 0 and _quarter_reference(ctx):
        value = _quarter_back(ctx, 4)
        return (value, "DATE") if value else None
    base = _reference_day(ctx) if relative_to_reference else ctx.anchor
    if base is None:
        return None
    return relative(base, direction * int(amount), unit), "DATE"


def _quarter_reference(ctx: Context) -> bool:
    return bool(ctx.reference and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference))


def _year_ago(c: Candidate, ctx: Context) -> Normalised | None:
    if _quarter_reference(ctx):
        value = _quarter_back(ctx, 4)
        return (value, "DATE") if value else None
    if ctx.anchor is None:
        return None
    return relative(ctx.anchor, -1, "Y"), "DATE"


def _period_end(c: Candidate, ctx: Context) -> Normalised | None:
    """ "year-end", "by the end of the month": the stretch itself, as TimeML does (mod END)."""
    if ctx.anchor is None:
        return None
    g = c.groups
    unit = (g.get("unit") or g.get("unit2") or "year").lower()
    codes: dict[str, Unit] = {"year": "Y", "month": "M", "week": "W"}
    code = codes[unit]
    offset = {"this": 0, "last": -1, "next": 1}.get((g.get("ref") or "").lower(), 0)
    if not g.get("ref") and (g.get("lead") or "").lower() == "since" and ctx.anchor.month < 12:
        offset = -1 if code == "Y" else offset
    return relative(ctx.anchor, offset, code), "DATE"


_REL_OFFSETS = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "latest": -1,
    "next": 1, "coming": 1, "following": 1, "this": 0, "current": 0, "same": 0, "that": 0,
}  # fmt: skip


def _relative(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    rel = g["rel"].lower()
    word = g["unit"].lower()
    code = unit_code(word)
    det = (g.get("det") or "").lower()
    offset = _REL_OFFSETS[rel]
    # "the following day", "that week", "the same year", "the previous day": from the
    # reference time; "last week", "next year": from the article date
    from_reference = rel in ("following", "same", "that", "preceding") or (
        det in ("the", "that") and rel in ("next", "previous", "prior")
    )
    base = _reference_day(ctx) if from_reference else ctx.anchor
    if from_reference and ctx.reference and _precise_enough(ctx.reference, code):
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


def _precise_enough(reference: str, code: str) -> bool:
    """Whether a reference value pins down a stretch of ``code`` granularity."""
    if re.fullmatch(r"\d{4}", reference):
        return code in ("Y", "DE", "CE")
    return bool(re.fullmatch(r"\d{4}-\d{2}", reference)) and code in ("M", "Q", "Y")


def _holiday(c: Candidate, ctx: Context) -> Normalised | None:
    name = re.sub(r"\s+", " ", c.groups["name"]).lower()
    if "year" in c.groups:
        year: int | None = int(c.groups["year"])
    elif ctx.anchor:
        year = ctx.anchor.year
    else:
        year = None
    if year is None:
        return None
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4)}  # fmt: skip
    if name in fixed:
        month, day = fixed[name]
        if ctx.anchor and "year" not in c.groups:
            year = choose_year(ctx.anchor, month, day, ctx.tense)
        return f"{year:04d}-{month:02d}-{day:02d}", "DATE"
    if name.startswith("thanksgiving"):
        when = nth_weekday(year, 11, 3, 4)
    elif name == "labor day":
        when = nth_weekday(year, 9, 0, 1)
    elif name == "memorial day":
        when = nth_weekday(year, 5, 0, -1)
    else:
        return None  # Easter: a movable feast this table does not compute
    if ctx.anchor and "year" not in c.groups and ctx.tense == "past" and when > ctx.anchor:
        return _holiday(Candidate(c.rule, c.start, c.end, {**c.groups, "year": str(year - 1)}), ctx)
    return when.isoformat(), "DATE"


HANDLERS: dict[str, Callable[[Candidate, Context], Normalised | None]] = {
    "month_day": _month_day,
    "day_month": _month_day,
    "iso_date": _numeric_date,
    "slash_date": _numeric_date,
    "month_year": _month_year,
    "month": _month_alone,
    "decade": _decade,
    "century": _century,
    "year": _year,
    "ordinal_day": _ordinal_day,
    "around_reference": _around_reference,
    "spelled_year": _spelled_year,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "weekday": _weekday,
    "clock": _clock,
    "set": set_value,
    "set_adverb": set_adverb_value,
    "ago": _ago,
    "year_ago": _year_ago,
    "duration": duration_of,
    "bare_unit": bare_unit_value,
    "period_end": _period_end,
    "relative": _relative,
    "vague": vague_value,
    "holiday": _holiday,
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

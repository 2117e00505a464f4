"""Stretches of the year: quarters, halves, seasons and the end of a period.

Value handlers for ``normalise``. "The third quarter" without a year takes the year the
tense points to (``calendar.choose_quarter_year``); "the quarter" with nothing else is the
one under discussion or the article's last complete one; "year-end" is the year itself, as
TimeML marks it (mod END).
"""

from __future__ import annotations

import re
from datetime import date

from dyads.nlp.times.calendar import (
    SEASON_CODES,
    Unit,
    choose_quarter_year,
    fmt,
    relative,
    season_year,
    shift,
)
from dyads.nlp.times.context import Context, Normalised
from dyads.nlp.times.grammar import ORDINALS, SEASONS, Candidate


def _year_for(ctx: Context, rel: str | None) -> int | None:
    if ctx.anchor is None:
        return None
    rel = (rel or "").lower()
    return ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)


def quarter_back(ctx: Context, quarters: int) -> str | None:
    """The quarter ``quarters`` before the one under discussion: the last quarter mentioned
    if it lies in the past fifteen months, else the article's last complete quarter."""
    ref = ctx.reference if ctx.reference and re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference) else None
    base = date(int(ref[:4]), (int(ref[-1]) - 1) * 3 + 1, 1) if ref else None
    if ctx.anchor and (base is None or not shift(ctx.anchor, -15, "M") < base <= ctx.anchor):
        base = shift(ctx.anchor, -1, "Q")
    if base is None:
        return None
    return fmt(shift(base, -quarters, "Q"), "Q")


def quarter_value(c: Candidate, ctx: Context) -> Normalised | None:
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
        value = quarter_back(ctx, 4)
        return (value, "DATE") if value else None
    if has_year:
        # "the 1988 quarter", "last year's period": the quarter under discussion, in that year
        current = quarter_back(ctx, 0)
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


def half_value(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    half = 1 if g["ordinal"].lower() == "first" else 2
    if "year" in g:
        return f"{g['year']}-H{half}", "DATE"
    year = _year_for(ctx, g.get("yearrel"))
    if year is None:
        return f"XXXX-H{half}", "DATE"
    return f"{year:04d}-H{half}", "DATE"


def season_value(c: Candidate, ctx: Context) -> Normalised:
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


def period_end_value(c: Candidate, ctx: Context) -> Normalised | None:
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

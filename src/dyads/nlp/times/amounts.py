"""How long, how often, roughly when: durations, sets and vague references.

Value handlers for ``normalise``: "three years" is ``P3Y``, "for years" ``PXY``,
"every Thursday" ``XXXX-WXX-4``, "weekly" ``P1W``, "recently" ``PAST_REF``.
"""

from __future__ import annotations

import re

from dyads.knowledge.registry import words
from dyads.nlp.times.calendar import relative
from dyads.nlp.times.context import Context, Normalised
from dyads.nlp.times.grammar import MONTHS, PARTS_OF_DAY, UNITS, WEEKDAYS, Candidate, number_value


def unit_code(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s"):
        word = word[:-1]
    return UNITS[word]


def duration_value(amount: float | None, code: str) -> str:
    """``P18M``, ``PT5H``, ``PXY``; fractions go down to the next unit where TimeML has one."""
    if code == "WE":
        return "P2D" if amount in (None, 1) else f"P{int(2 * amount)}D"
    if code == "W2":
        code, amount = "W", (2 * amount if amount is not None else None)
    # decades and centuries are counted in years, as TimeBank does ("two decades" is P20Y)
    if code in ("DE", "CE") and amount is not None:
        code, amount = "Y", amount * (10 if code == "DE" else 100)
    elif code == "CE":
        code = "C"
    clock = code.startswith("T")
    unit = code[1:] if clock else code
    if amount is None:
        number = "X"
    elif amount != int(amount):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "TH": ("M", 60), "W": ("D", 7)}
        if code in smaller:
            unit2, factor = smaller[code]
            whole = int(amount)
            part = f"{round((amount - whole) * factor)}{unit2}"
            if whole == 0:
                return ("PT" if clock or unit2 == "H" else "P") + part
            # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M, "1.5 days" P1DT12H
            return (
                ("PT" if clock else "P")
                + f"{whole}{unit}"
                + ("T" if unit2 == "H" and not clock else "")
                + part
            )
        number = str(amount)
    else:
        number = str(int(amount))
    return ("PT" if clock else "P") + number + unit


_SET_AFTER = re.compile(
    r"(?:[0-9%]|percent|cents?|dollars?|times|once|twice|francs|pounds|yen|euros?|marks)\W*$", re.I
)


def duration_of(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    amount = number_value(g["num"])
    joined = (g.get("range") or "").lower()
    if amount is not None and joined.startswith("and"):
        # "two and a half years": the grammar reads "a half" as the second number or the link
        extra = number_value(g["num2"]) if g.get("num2") else (0.5 if "half" in joined else None)
        if extra is not None and extra < 1:
            amount += extra
    code = unit_code(g["unit"])
    det = (g.get("det") or "").lower()
    num_word = g["num"].lower()
    if code == "TS" and num_word in ("a", "an"):
        return None  # "a second round"
    if code == "Q" and num_word in ("a", "an") and not det:
        return None  # "a quarter of"
    if g.get("num2") and (g.get("range") or "").lower() in ("to", "or", "-"):
        # "six to 12 months" is one stretch of a length the text leaves open between the two
        # numbers: TIMEX3 writes that as an unknown count of the unit (PXM), not as its first end
        second = number_value(g["num2"])
        if amount is not None and second is not None and second > amount:
            return duration_value(None, code), "DURATION"
    if num_word in ("a", "an") and _SET_AFTER.search(ctx.before):
        return duration_value(1, code), "SET"  # "$5 a year", "twice a week"
    return duration_value(amount, code), "DURATION"


def bare_unit_value(c: Candidate, ctx: Context) -> Normalised | None:
    lead = re.sub(r"\s+", " ", (c.groups.get("lead") or "").lower())
    word = c.groups["unit"].lower()
    plural = word.endswith("s")
    code = unit_code(word)
    if plural:
        # "for years", "in coming weeks", "the past months"; "in days" and "the days" are not
        spans_time = lead not in ("", "after", "the", "in") and not lead.startswith("the ")
        if not spans_time and lead not in ("the past", "the last", "the next", "the coming"):
            return None
        if lead in ("recent", "in recent"):
            return "PAST_REF", "DATE"  # "in recent years": some time before now, as "recently"
        return duration_value(None, code), "DURATION"
    if not lead.startswith("the") or word not in ("year", "week", "weekend") or ctx.anchor is None:
        return None
    if lead in ("the past", "the last", "the next", "the coming"):
        return None  # "the past year" is a relative date (see _relative)
    if word == "weekend":
        return _weekend(ctx), "DATE"
    if re.match(r"\s*(?:ended|ending|to)\b", ctx.after, re.I):
        # "the year ended June 30": a year's length, ending on a date
        return duration_value(1, code), "DURATION"
    return relative(ctx.anchor, 0, "Y" if word == "year" else "W"), "DATE"


def _weekend(ctx: Context, offset: int = 0) -> str:
    assert ctx.anchor is not None
    day = ctx.anchor
    if ctx.tense == "past" and day.weekday() < 5:
        offset -= 1
    return f"{relative(day, offset, 'W')}-WE"


def set_value(c: Candidate, ctx: Context) -> Normalised | None:
    g = c.groups
    unit = g["unit"]
    if unit.lower() in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[unit.lower()] + 1}"
        if "part" in g:
            value += "T" + PARTS_OF_DAY[g["part"].lower()]
        return value, "SET"
    if unit.lower() in MONTHS:
        return f"XXXX-{MONTHS[unit.lower()]:02d}", "SET"
    n = (g.get("n") or "").lower()
    amount = 2 if n == "other" else (number_value(n) if n else 1)
    return duration_value(amount, unit_code(unit)), "SET"


_ADVERB_SETS = {word: value for value, names in words("times_sets").items() for word in names}


def set_adverb_value(c: Candidate, ctx: Context) -> Normalised:
    return _ADVERB_SETS[c.groups["word"].lower()], "SET"


# "now", "recently", "soon": the value of the first list holding the words
_REFERENCES = words("times_references")
_VAGUE = {value: _REFERENCES[value] for value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")}


def vague_value(c: Candidate, ctx: Context) -> Normalised:
    word = re.sub(r"\s+", " ", c.groups["word"].lower())
    if word.startswith("in recent"):
        return "PAST_REF", "DATE"
    if word.startswith("in the coming"):
        return "FUTURE_REF", "DATE"
    for value, phrases in _VAGUE.items():
        if word in phrases:
            return value, "DATE"
    return "FUTURE_REF" if "future" in word else "PRESENT_REF", "DATE"

"""Time expressions, normalised to TIMEX3 values against the article date.

``find_times(doc, published)`` returns one ``TimeExpr`` per expression: ``span`` is a
character range of ``doc.text``, ``type`` is DATE, TIME, DURATION or SET, and ``value``
is a TIMEX3 value. How to read a value:

* a calendar value's **precision is its length**: ``1960`` (year), ``2019-06`` (month),
  ``2020-09-25`` (day); ``202`` is the 2020s, ``20`` the 21st century; ``2020-W35`` an
  ISO week, ``2020-Q3`` a quarter, ``2020-H2`` a half year, ``2020-SU`` a season
  (SP, SU, FA, WI); a day may carry a time or part of day: ``2020-09-25T14:30``,
  ``2020-09-25TNI`` (MO morning, AF afternoon, EV evening, NI night);
* ``X`` stands for what the text leaves open: ``XXXX-09-25`` (no year known),
  ``XXXX-WXX-2`` (every Tuesday);
* ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``: "now", "recently", "soon";
* durations and sets: ``P18M``, ``P3Y``, ``P2W``, ``PT5H``, ``PXY`` (some years).

``calendar_date(value)`` turns a value into the (ISO date, precision) an event can be
dated with, and ``week_days(value)`` a week into its first and last day (the ISO date of a week
can only say its month); ``resolve_value(text, published)`` normalises a phrase on its own.

The parts: ``grammar`` finds candidates with compiled patterns; ``parse`` asks the parse
whether an ambiguous one is a time ("May" the modal, "1960 troops") and which tense governs
it; ``normalise`` gives the value through one handler per rule (``dates``, ``periods``,
``relative``, ``amounts``, over the arithmetic of ``calendar``), placing a bare "December 30"
or "Friday" by that tense. Overlaps go to the longest candidate that survives both; spans
leave out prepositions ("in", "over the"). The clause matters too: ``function`` drops time
words that join clauses ("as soon as"), a month takes the year its clause names ("last year
after his arrest in July"), and ``habit`` leaves the day of a routine clock time open
("usually closes at 5pm" is ``XXXX-XX-XXT17:00``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from spacy.tokens import Doc

from dyads.model import TimeExpr
from dyads.nlp.doc_cache import doc_text
from dyads.nlp.times.calendar import Tense, parse_iso
from dyads.nlp.times.context import Context
from dyads.nlp.times.function import in_function_phrase
from dyads.nlp.times.grammar import Candidate, candidates, scan, select
from dyads.nlp.times.habit import habitual
from dyads.nlp.times.normalise import is_reference, normalise
from dyads.nlp.times.parse import governing_verb, plausible, tense_of

Precision = Literal["day", "month", "year"]

# A date a later "the following day" or "a year earlier" can count from.
_REFERENCE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4])?")
# A year that a month named later in the same clause belongs to: a year ("2016", "last year")
# or a date with its year written out ("June 2016", "July 3, 2016"). A bare month or a day is left out: "from
# November to February" in a January article spans the new year.
_CLAUSE_YEAR = re.compile(r"\d{4}")


def _names_year(cand: Candidate, value: str) -> bool:
    return bool(_CLAUSE_YEAR.fullmatch(value)) or ("year" in cand.groups and value[:4].isdigit())


def find_times(doc: Doc, published: str | None) -> list[TimeExpr]:
    """Every time expression in ``doc``, valued against the article date ``published``."""
    anchor = parse_iso(published)
    text = doc_text(doc)
    tenses: dict[int, Tense | None] = {}  # by id() of the candidate
    clauses: dict[int, int | None] = {}  # the governing verb's index, by id() of the candidate
    clause_years: dict[int, int] = {}  # a year named in the clause of that verb, so far
    habits: set[int] = set()  # id() of the clock times in habitual clauses

    def context(cand: Candidate, reference: str | None) -> Context:
        verb = clauses.get(id(cand))
        return Context(
            anchor,
            tenses[id(cand)],
            reference,
            text[max(0, cand.start - 30) : cand.start],
            text[cand.end : cand.end + 30],
            clause_years.get(verb) if verb is not None else None,
            id(cand) in habits,
        )

    def accept(cand: Candidate) -> bool:
        if in_function_phrase(text, cand.start, cand.end):
            return False
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not plausible(cand, span):
            return False
        tenses[id(cand)] = tense_of(span)
        verb = governing_verb(span)
        clauses[id(cand)] = verb.i if verb is not None else None
        if cand.rule == "clock" and habitual(span):
            habits.add(id(cand))
        # whether it names a time at all does not depend on the reference time
        return normalise(cand, context(cand, None)) is not None

    found: list[TimeExpr] = []
    reference: str | None = None
    for cand in select(candidates(text), accept):
        result = normalise(cand, context(cand, reference)) or normalise(cand, context(cand, None))
        if result is None:
            continue
        value, kind = result
        start, end = _trimmed(text, cand)
        if kind == "DURATION" and cand.rule == "ago":
            # "two years after the vote": the duration is "two years", "after" links it
            end = start + len(re.sub(r"\s+\S+$", "", text[start:end]))
        found.append(TimeExpr(span=(start, end), value=value, type=kind))
        if kind == "DATE" and _REFERENCE.fullmatch(value) and is_reference(cand):
            reference = value
        verb = clauses.get(id(cand))
        if verb is not None and _names_year(cand, value) and is_reference(cand):
            clause_years[verb] = int(value[:4])
    return found


# Prepositions say how an expression relates to an event (TimeML's signals); they are not
# part of it: "in recent years" spans "recent years". "over" only before "the": in "over a
# week" it means "more than". Possessives and "just"/"only" are left out too.
_SIGNAL = re.compile(
    r"(?:(?:in|for|within|during|throughout|after|by|at|around|since|before|until|till|on|from|through"
    r"|its|their|his|her|our|my|your|just|only|barely)\s+|over\s+(?=the\b)|an?\s+(?=[0-9]))+",
    re.IGNORECASE,
)
# An article before a compound adjective belongs to the noun: "a [two-year] term".
_ARTICLE = re.compile(r"(?:a|an|the|this|that)\s+", re.IGNORECASE)


def _trimmed(text: str, cand: Candidate) -> tuple[int, int]:
    start, end = cand.start, cand.end
    match = _SIGNAL.match(text, start, end)
    if match and match.end() < end:
        start = match.end()
    adjectival = (cand.rule == "duration" and "-" in cand.groups.get("sep", "")) or (
        cand.rule == "quarter" and re.search(r"(?i)[a-z]-(?:fiscal-)?quarter\b", text[start:end])
    )
    article = _ARTICLE.match(text, start, end)
    if adjectival and article:
        start = article.end()
    return start, end


def resolve_value(
    text: str, published: str | None, tense: Tense | None = None, reference: str | None = None
) -> TimeExpr | None:
    """The longest time expression in a short ``text``, valued without a parse.

    ``tense`` (of the verb the phrase depends on) and ``reference`` (the last date
    mentioned before) stand in for what ``find_times`` reads from the document.
    """
    candidates = scan(text)
    if not candidates:
        return None
    cand = max(candidates, key=lambda c: c.length)
    context = Context(
        parse_iso(published),
        tense,
        reference,
        text[max(0, cand.start - 30) : cand.start],
        text[cand.end : cand.end + 30],
    )
    result = normalise(cand, context)
    if result is None:
        return None
    return TimeExpr(span=(cand.start, cand.end), value=result[0], type=result[1])


def calendar_date(value: str) -> tuple[str, Precision] | None:
    """The ISO date (as precise as the value) and its precision, for dating an event.

    A week gives the month most of its days fall in (that of its Thursday); quarters,
    halves and seasons give their year; vague references, durations, decades and
    values with unknown fields give None.
    """
    week = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
    if week:
        try:
            thursday = date.fromisocalendar(int(week[1]), int(week[2]), 4)
        except ValueError:
            return None
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match or "X" in value[: match.end() + 1]:
        return None
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}", "month"
    return year, "year"


def week_days(value: str) -> tuple[str, str] | None:
    """The first and last day (ISO dates) of a week value: Monday to Sunday ("2018-W02" →
    2018-01-08, 2018-01-14), Saturday to Sunday for its weekend ("2018-W14-WE"); None for any
    other value."""
    week = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if not week:
        return None
    try:
        first = date.fromisocalendar(int(week[1]), int(week[2]), 6 if week[3] else 1)
        last = date.fromisocalendar(int(week[1]), int(week[2]), 7)
    except ValueError:
        return None
    return first.isoformat(), last.isoformat()

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
dated with; ``resolve_value(text, published)`` normalises a phrase on its own.

Candidates come from the patterns in ``time_grammar``; here the parse decides whether an
ambiguous match is a time ("May" the modal, "1960 troops") and which tense the governing
verb has, which ``time_normalise`` needs to place a bare "December 30" or "Friday".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span, Token

from dyads.model import TimeExpr
from dyads.nlp.time_calendar import Tense, parse_iso
from dyads.nlp.time_grammar import Candidate, candidates, scan, select
from dyads.nlp.time_normalise import Context, is_reference, normalise

Precision = Literal["day", "month", "year"]

# A date a later "the following day" or "a year earlier" can count from.
_REFERENCE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4])?")
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_PERFECT_AUX = {"has", "have", "'ve", "had", "'d", "having"}
# Verbs whose infinitive complement lies ahead: "plans to meet on Friday".
_INTENT = {
    "expect",
    "plan",
    "schedule",
    "intend",
    "hope",
    "aim",
    "want",
    "seek",
    "prepare",
    "set",
    "due",
    "go",
    "slate",
}
_TEMPORAL_PREPS = {
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "of", "through", "to",
    "between", "and", "early", "late", "mid", "fiscal", "around", "circa", "throughout", "as", "for", "or",
}  # fmt: skip
_NOT_A_YEAR = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART"}
# Plural nouns a year may still modify ("the 2012 elections"); other plurals are counted.
_TEMPORAL_NOUNS = {
    "elections",
    "games",
    "olympics",
    "talks",
    "accords",
    "riots",
    "protests",
    "levels",
    "figures",
}


def find_times(doc: Doc, published: str | None) -> list[TimeExpr]:
    """Every time expression in ``doc``, valued against the article date ``published``."""
    anchor = parse_iso(published)
    text = doc.text
    tenses: dict[int, Tense | None] = {}  # by id() of the candidate

    def context(cand: Candidate, reference: str | None) -> Context:
        return Context(
            anchor,
            tenses[id(cand)],
            reference,
            text[max(0, cand.start - 30) : cand.start],
            text[cand.end : cand.end + 30],
        )

    def accept(cand: Candidate) -> bool:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not _plausible(cand, span):
            return False
        tenses[id(cand)] = _tense(span)
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


# ---------------------------------------------------------------------------
# what the parse says


# A date after these is an end point ("extended the offer to Nov. 20", "payable Dec. 7"),
# set by the verb but not placed by its tense.
_END_POINT = {"to", "until", "till", "through", "by", "payable", "due", "expire", "expires", "expiring"}


def _tense(span: Span) -> Tense | None:
    """Tense of the verb governing ``span``: past, present, future, or None when unclear."""
    first = span[0]
    if first.i > 0 and first.nbor(-1).lower_ in _END_POINT:
        return None
    token: Token = span.root
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        root = span.sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        token = root
    return _verb_tense(token, depth=0)


def _verb_tense(verb: Token, depth: int) -> Tense | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if verb.lower_ in _FUTURE_AUX or words & _FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and "to" in words and depth < 3:
        head = verb.head
        head_tense = _verb_tense(head, depth + 1) if head is not verb else None
        if head.lemma_.lower() in _INTENT or (head.lemma_ == "be" and head.pos_ == "AUX"):
            # "plans to meet Friday", "set to resume Monday", "is to vote Tuesday" lie ahead;
            # "had been due to expire Friday" is past
            return "past" if _said_in_past(head) else "future"
        return head_tense
    if verb.lemma_.lower() in _INTENT and verb.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in aux):
        # "is scheduled for Friday", "are expected in March": ahead, unless told in the past
        return "past" if any(a.tag_ == "VBD" for a in aux) else "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and (words & _PERFECT_AUX or not aux):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux):
        if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux):
            return None  # "is meeting on Friday" is as often ahead as now
        return "present"
    return None


def _said_in_past(verb: Token) -> bool:
    """A simple-past form on the verb or its auxiliaries ("was expected", "had planned")."""
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _plausible(cand: Candidate, span: Span) -> bool:
    """Whether a lexically ambiguous match is a time expression here."""
    if cand.rule == "month":
        token = _token_of(span, cand.groups["month"])
        if token.tag_ == "MD" or token.pos_ in ("VERB", "AUX") or token.ent_type_ in ("PERSON", "ORG"):
            return False
        return not (
            token.i + 1 < len(token.doc) and token.nbor().ent_type_ == "PERSON" and token.ent_iob_ == "B"
        )
    if cand.rule == "year" and "edge" not in cand.groups and "fiscal" not in cand.groups:
        return _plausible_year(span, int(cand.groups["year"]))
    if cand.rule == "season":
        return _plausible_season(cand, span)
    if cand.rule == "weekday":
        return all(t.ent_type_ not in ("PERSON", "ORG", "WORK_OF_ART") for t in span)
    if cand.rule == "vague":
        word = cand.groups["word"].lower()
        token = span[-1]
        if word in ("current", "recent", "future") and token.pos_ not in ("ADJ", "NOUN"):
            return False
        if word == "future" and token.dep_ == "amod":
            return False  # "future growth" describes, "in the future" places in time
        return not (word == "current" and token.head.lower_ in ("account", "accounts", "affairs", "events"))
    if cand.rule == "spelled_year" and cand.groups["spelled"].lower().startswith("two"):
        # "two thousand" is a year only as "the year two thousand" or after a month
        return "month" in cand.groups or (cand.groups.get("lead") or "").lower().startswith("the")
    if cand.rule == "duration" and cand.groups["num"].lower() in ("a", "an") and len(cand.groups) <= 4:
        # "seats a week", "$2 million a year": a rate, not a stretch of time
        before = span[0].nbor(-1) if span[0].i > 0 else None
        return before is None or before.pos_ not in ("NOUN", "PROPN", "NUM", "SYM", "PRON")
    if cand.rule == "set_adverb":
        # "a quarterly dividend" is a kind of dividend; "paid quarterly" says how often
        return span[0].dep_ != "amod"
    return True


def _token_of(span: Span, word: str) -> Token:
    """The token of ``span`` that spells ``word`` (the span's root if none does)."""
    word = word.lower().rstrip(".")
    return next((t for t in span if t.lower_.rstrip(".") == word), span.root)


def _plausible_year(span: Span, year: int) -> bool:
    token = span[-1] if span[-1].like_num else span[0]
    before = token.nbor(-1) if token.i > 0 else None
    head = token.head
    if before is not None and head.i == before.i and before.pos_ in ("NOUN", "PROPN"):
        return False  # a number after its noun numbers it: "Resolution 2085", "Flight 2020"
    if token.ent_type_ == "DATE":
        return True
    if before is not None and before.lower_ in _TEMPORAL_PREPS:
        return True
    if token.ent_type_ in _NOT_A_YEAR and token.ent_type_ != "CARDINAL":
        return False
    if (
        token.dep_ in ("nummod", "compound", "quantmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i > token.i
    ):
        # "the 2019 election" names a year; "2019 troops" counts
        return head.tag_ in ("NN", "NNP") or head.lower_ in _TEMPORAL_NOUNS
    if token.ent_type_ == "CARDINAL":
        return False
    return 1900 <= year <= 2099


def _plausible_season(cand: Candidate, span: Span) -> bool:
    token = _token_of(span, cand.groups["season"])
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("ORG", "EVENT", "PERSON", "GPE"):
        return False
    if "det" in cand.groups or "year" in cand.groups:
        return True
    before = token.nbor(-1) if token.i > 0 else None
    return before is not None and before.lower_ in _TEMPORAL_PREPS

"""What the parse says about a time expression: the tense that places it, and whether an
ambiguous match is a time at all.

``tense_of(span)`` climbs from the expression to its governing verb ("met on Tuesday"
is past, "will meet on Tuesday" future, "plans to meet Tuesday" future). ``plausible``
turns down "May" the modal, "1960 troops", "Resolution 2085", "the fall of the city",
"a quarterly dividend" and "seats a week", using tags, dependencies and entities rather
than word lists.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyads.knowledge.registry import words
from dyads.nlp.times.calendar import Tense
from dyads.nlp.times.grammar import Candidate

_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_PERFECT_AUX = {"has", "have", "'ve", "had", "'d", "having"}
_NOT_A_YEAR = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART"}
# The word lists (knowledge/lexicons/times_parse.yaml) say what each is for.
_PARSE_WORDS = words("times_parse")
# Verbs whose infinitive complement lies ahead: "plans to meet on Friday".
_INTENT = frozenset(_PARSE_WORDS["intent_verbs"])
# A year or season after these is a time: "in 1960", "since fall".
_TEMPORAL_PREPS = frozenset(_PARSE_WORDS["temporal_prepositions"])
# Plural nouns a year may still modify ("the 2012 elections"); other plurals are counted.
_TEMPORAL_NOUNS = frozenset(_PARSE_WORDS["temporal_nouns"])
# A date after these is an end point ("extended the offer to Nov. 20", "payable Dec. 7"),
# set by the verb but not placed by its tense.
_END_POINT = frozenset(_PARSE_WORDS["end_points"])


def tense_of(span: Span) -> Tense | None:
    """Tense of the verb governing ``span``: past, present, future, or None when unclear."""
    first = span[0]
    if first.i > 0 and first.nbor(-1).lower_ in _END_POINT:
        return None
    verb = governing_verb(span)
    return _verb_tense(verb, depth=0) if verb is not None else None


def governing_verb(span: Span) -> Token | None:
    """The verb whose clause holds ``span``: the nearest verb above it, else the sentence's."""
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
    return token


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


def plausible(cand: Candidate, span: Span) -> bool:
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

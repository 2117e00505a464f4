"""When, where and in which context an event happened.

Date: the DATE time expression of the trigger's own clause, then of a clause governing it,
never one inside another clause (a "while …"/"after …" or relative clause that leaves the
trigger out), not later than the article date unless the event is announced for the future.
Without one, the tense decides: "in recent years" or a past perfect is not the article's day
(null, unless an earlier sentence set the story's day); a simple past goes on on the day an
earlier sentence set within the week before the article — not in a speaker's quoted words, whose
past is the speaker's own, nor in a background clause, which recalls an earlier act. Only then the
article date, marked ``date_precision="article"``. A week ("last week") is written as its month
with precision "week" and its days in ``span``. Each answer says in ``why`` where the date came
from.
Location (for the parties' rules): the place mentioned in the sentence nearest to the trigger;
the event's own location is ``location.locate_event``.
Context: the sense's own contexts, then context words of the sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from spacy.tokens import Span, Token

from dyads.model import Article, Place, TimeExpr
from dyads.nlp.doc_cache import doc_text
from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.times.find import calendar_date, week_days

MAX_CONTEXTS = 3
STORY_DAYS = timedelta(days=7)  # how far back a story's day may lie


SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "parataxis", "conj", "xcomp", "pcomp"}


def _foreign(time_token: Token, trigger: Token) -> bool:
    """Does the time expression sit in another clause than the trigger's ("while …, last month")?"""
    node = time_token
    for _ in range(20):
        clause = node.dep_ in SUBORDINATE and node.pos_ in ("VERB", "AUX")
        # a relative clause on the event noun tells of that event ("sanctions that ECOWAS
        # imposed on Sunday")
        describes = node.dep_ in ("relcl", "acl") and node.head.i == trigger.i
        # a present participle on a noun happens with its clause ("blocked a statement backing
        # the sanctions on Tuesday")
        describes = describes or (node.dep_ == "acl" and node.tag_ == "VBG")
        outside = not node.left_edge.i <= trigger.i <= node.right_edge.i
        if clause and outside and not describes and not _shared(node, trigger):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _shared(conjunct: Token, trigger: Token) -> bool:
    """A time at the end of a later verb of the same subject dates the earlier ones too
    ("closed its borders and halted financial flows on Thursday")."""
    if conjunct.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return False
    return trigger in conjunct.conjuncts and trigger.i < conjunct.i


class EventDate(NamedTuple):
    """When an event happened, as precisely as the text says, and where that came from."""

    date: str | None  # ISO date: a day, a month (also of a week) or a year
    precision: str | None  # day | week | month | year | article (only the publication date)
    why: str
    span: tuple[str, str] | None = None  # first and last day of a week, which ``date`` cannot say


def event_date(
    trigger: Token,
    sentence: Span,
    times: Sequence[TimeExpr],
    article: Article,
    future: bool,
    quoted: bool = False,
    background: bool = False,
) -> EventDate:
    """An event's date: its own time expression, then that of the clause governing it, then what
    its tense says, and only then the publication date. ``quoted``: the trigger is in a
    speaker's quoted words, where a past tense is the speaker's past, not the story's day;
    ``background``: it is told in a background clause (a relative clause, "after …"), which
    recalls an earlier act rather than goes on with the story."""
    published = article.published
    own = _own_time(trigger, sentence, times, published, future)
    if own is not None:
        return own
    clause = _clause_verb(trigger)
    vague = _vague_past(trigger, sentence, times)
    if vague is not None:
        return EventDate(None, None, f"date: {vague!r}, some time before the article; no day")
    tense = _tense(clause) if clause is not None else "other"
    if tense in ("past", "past perfect") and published and not quoted and not background:
        earlier = _story_day(sentence, times, published)
        if earlier is not None:
            value, said = earlier
            return EventDate(
                value, "day", f"date: {said!r} of an earlier sentence (the story's day), {tense} tense"
            )
    if tense == "past perfect":
        return EventDate(None, None, "date: past perfect, before the article; the text gives no time")
    if published:
        return EventDate(published, "article", "date: publication date (the text gives none)")
    return EventDate(None, None, "date: the text gives none and the article is undated")


def _own_time(
    trigger: Token, sentence: Span, times: Sequence[TimeExpr], published: str | None, future: bool
) -> EventDate | None:
    """The nearest dating time of the trigger's own clause, else of a clause governing it."""
    text = doc_text(trigger.doc)
    own_clause = _clause_verb(trigger)
    best: tuple[int, int, str, str, str, str] | None = None
    for t in times:
        # calendar_date reads every TIMEX3 form: "2020-W39" is a month, "2020-Q3" a year,
        # "2020-09-25TNI" a day; vague references and durations date nothing.
        found = calendar_date(t.value) if t.type in ("DATE", "TIME") else None
        if found is None:
            continue
        value, precision = found
        start, end = t.span
        if start < sentence.start_char or end > sentence.end_char:
            continue
        n = min(len(value), len(published or ""))
        if published and not future and value[:n] > published[:n]:
            continue  # a past event cannot postdate its report
        time_token = _token_at(sentence, start)
        if time_token is None or _foreign(time_token, trigger):
            continue
        # the trigger's own clause first, then the clause above it ("said on Monday it had …")
        tier = 0 if _clause_verb(time_token) == own_clause else 1
        dated = _dated_noun(time_token, end)
        if dated is not None:
            # "Tuesday's announcement that Ukraine had agreed", "2013's use of sarin": the time
            # dates that noun and what it holds, not the verb whose object the noun is
            if not dated.left_edge.i <= trigger.i <= dated.right_edge.i:
                continue
            tier = 0
        distance = min(abs(start - trigger.idx), abs(end - trigger.idx))
        if best is None or (tier, distance) < best[:2]:
            best = (tier, distance, value, precision, text[start:end], t.value)
    if best is None:
        return None
    tier, _, day, exactness, said, timex = best
    whose = "" if tier == 0 else " of the governing clause"
    week = week_days(timex)
    if week is not None:
        return EventDate(day, "week", f"date: {said!r}{whose}", week)
    return EventDate(day, exactness, f"date: {said!r}{whose}")


def _dated_noun(time_token: Token, end: int) -> Token | None:
    """The noun a time expression modifies as a possessive or compound ("Tuesday's
    announcement", "the 2011 uprising"), if it does."""
    node = time_token
    while node.head.i != node.i and node.head.idx < end:
        node = node.head  # up to the head of the time expression itself
    if node.dep_ in ("poss", "compound", "nmod") and node.head.pos_ == "NOUN" and node.head.idx >= end:
        return node.head
    return None


def _token_at(sentence: Span, start: int) -> Token | None:
    return next((tok for tok in sentence if tok.idx <= start < tok.idx + len(tok.text) + 1), None)


def _clause_verb(token: Token) -> Token | None:
    """The verb whose clause the token belongs to (the token itself when it is one)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _tense(verb: Token) -> str:
    """ "past perfect" ("had fled", "had been seized"), "past" ("fled", "was seized"), or "other"
    (present, present perfect, future: the report's own time)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("had", "'d") for a in auxes) and verb.tag_ == "VBN":
        return "past perfect"
    if any(a.tag_ == "MD" or a.lower_ in ("has", "have", "is", "are", "am") for a in auxes):
        return "other"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lower_ in ("was", "were") for a in auxes)):
        return "past"
    return "other"


def _vague_past(trigger: Token, sentence: Span, times: Sequence[TimeExpr]) -> str | None:
    """ "in recent years", "recently" in the trigger's clause: before the article, on no one day."""
    for t in times:
        start, end = t.span
        if t.value != "PAST_REF" or start < sentence.start_char or end > sentence.end_char:
            continue
        time_token = _token_at(sentence, start)
        if time_token is not None and not _foreign(time_token, trigger):
            return doc_text(trigger.doc)[start:end]
    return None


def _story_day(sentence: Span, times: Sequence[TimeExpr], published: str) -> tuple[str, str] | None:
    """The last day named before this sentence within a week before the article: a story told
    in the past tense goes on on the day it was set ("On Tuesday militants seized a train …
    They killed …")."""
    try:
        newest = date.fromisoformat(published[:10])
    except ValueError:
        return None
    best: tuple[int, str, str] | None = None
    for t in times:
        start, end = t.span
        if end > sentence.start_char or t.type not in ("DATE", "TIME"):
            continue
        found = calendar_date(t.value)
        if found is None or found[1] != "day":
            continue
        try:
            day = date.fromisoformat(found[0])
        except ValueError:
            continue
        if timedelta(0) < newest - day <= STORY_DAYS and (best is None or start > best[0]):
            best = (start, found[0], doc_text(sentence.doc)[start:end])
    return (best[1], best[2]) if best else None


def event_location(
    trigger: Token, sentence: Span, places: Sequence[Place], actor_tokens: Sequence[Token] = ()
) -> str | None:
    """The place named nearest the trigger in its sentence. A place name that is the actor's own
    name ("The United States suspended …") says who acted, not where."""
    naming_actor = [(t.idx, t.idx + len(t.text)) for t in actor_tokens]
    best: tuple[int, str] | None = None
    for place in places:
        for start, end in place.mentions:
            if any(start < e and end > s for s, e in naming_actor):
                continue
            if start >= sentence.start_char and end <= sentence.end_char:
                distance = min(abs(start - trigger.idx), abs(end - trigger.idx))
                if best is None or distance < best[0]:
                    best = (distance, place.id)
    return best[1] if best else None


def event_contexts(
    own: Sequence[str], sentence: Span, lexicon: Lexicon, title: str | None = None
) -> tuple[str, ...]:
    """The sense's contexts, then those of the sentence's words, then of the headline's words
    (PLOVER contexts are often a matter of the whole story)."""
    out: list[str] = [c for c in own]
    words = lexicon.context_words
    lemmas = [t.lemma_.lower() for t in sentence]
    bigrams = [f"{a} {b}" for a, b in itertools.pairwise(lemmas)]
    headline = [w.strip(".,:;!?'\"()").lower() for w in (title or "").split()]
    for word in bigrams + lemmas + headline:
        context = words.get(word)
        if context and context not in out:
            out.append(context)
        if len(out) >= MAX_CONTEXTS:
            break
    return tuple(out)

"""Nominal events mentioned more than once in an article are one event.

News names the same happening repeatedly ("the August coup leaders", "the military
takeover", "last month's coup"). Counting each mention would multiply it, and the
date usually sits on only one of them. Mentions of an event noun with the same PLOVER
type and CAMEO code and no conflicting participants are merged into the first coded
mention; a mention dated by its own modifiers ("the August coup") lends its date to
mentions that only had the article date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dyads.model import Actor, Event, TimeExpr
from dyads.nlp.times.find import calendar_date


@dataclass(frozen=True)
class Mention:
    """A dated mention of an event noun, coded or not ("the August coup leaders")."""

    type: str
    cameo: str | None
    date: str
    precision: str
    start: int


def _phrase_span(noun: Token) -> tuple[int, int]:
    left = noun.left_edge
    if noun.dep_ == "compound" and noun.head.left_edge.i < left.i:
        left = noun.head.left_edge  # "the August coup leaders": August may hang on "leaders"
    return left.idx, noun.idx + len(noun.text)


def dated_mention(
    noun: Token, type_: str, cameo: str | None, times: Sequence[TimeExpr], published: str | None
) -> Mention | None:
    """The date a noun phrase gives its own event ("last month's coup" → 2020-08)."""
    start, end = _phrase_span(noun)
    for t in times:
        found = calendar_date(t.value) if t.type == "DATE" else None
        if found is None or not (start <= t.span[0] and t.span[1] <= end):
            continue
        value, precision = found
        n = min(len(value), len(published or ""))
        if published and value[:n] > published[:n]:
            continue
        return Mention(type=type_, cameo=cameo, date=value, precision=precision, start=start)
    return None


def _countries(ids: Sequence[str], actors: dict[str, Actor]) -> set[str]:
    return {actors[i].country or actors[i].org or i for i in ids if i in actors}


def _compatible(a: Event, b: Event, actors: dict[str, Actor]) -> bool:
    ca, cb = _countries(a.actor, actors), _countries(b.actor, actors)
    ra, rb = _countries(a.recipient, actors), _countries(b.recipient, actors)
    return (not ca or not cb or bool(ca & cb)) and (not ra or not rb or bool(ra & rb))


def merge_mentions(
    events: list[Event], nominal: list[bool], mentions: list[Mention], actors: Sequence[Actor]
) -> list[Event]:
    """Fold repeated nominal mentions into one event each and spread dates among them."""
    by_id = {a.id: a for a in actors}
    out: list[Event] = []
    out_nominal: list[bool] = []
    for event, is_nominal in zip(events, nominal, strict=True):
        if is_nominal and event.date_precision == "article":
            dated = next((m for m in mentions if m.type == event.type and m.cameo == event.cameo), None)
            if dated is not None:
                event = replace(
                    event,
                    date=dated.date,
                    date_precision=dated.precision,
                    why=f"{event.why}; date from another mention",
                )
        twin = None
        if is_nominal:
            twin = next(
                (
                    i
                    for i, (e, n) in enumerate(zip(out, out_nominal, strict=True))
                    if n and e.type == event.type and e.cameo == event.cameo and _compatible(e, event, by_id)
                ),
                None,
            )
        if twin is None:
            out.append(event)
            out_nominal.append(is_nominal)
            continue
        kept = out[twin]
        actor_ids = tuple(dict.fromkeys(kept.actor + event.actor))
        better_date = kept.date_precision == "article" and event.date_precision != "article"
        out[twin] = replace(
            kept,
            actor=actor_ids,
            recipient=tuple(r for r in dict.fromkeys(kept.recipient + event.recipient) if r not in actor_ids),
            date=event.date if better_date else kept.date,
            date_precision=event.date_precision if better_date else kept.date_precision,
            date_span=event.date_span if better_date else kept.date_span,
            mode=kept.mode or event.mode,
            confidence=max(kept.confidence, event.confidence),
            why=f"{kept.why}; also mentioned at {event.trigger[0]}",
        )
    return out

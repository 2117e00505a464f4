"""Whom an event answers when its sentence names no one: targets read from earlier events.

A response to a measure ("sanctions imposed in the wake of the coup") is aimed at whoever
took the measure it answers; a claimed attack ("JNIM claimed the attack") is the attack
reported before it; a response to "the decision" is aimed at whoever made the latest act.
"""

from __future__ import annotations

from dataclasses import replace

from dyads.model import Event
from dyads.nlp.events.triggers import Candidate

DECISION_ANSWERS = {"ACCUSE", "REJECT", "SUPPORT"}  # condemned, rejected or welcomed a decision
DECISION_NOUNS = {"decision", "move", "announcement", "measure", "step", "ruling"}

RESPONSES = {"SANCTION", "ACCUSE", "THREATEN"}


def answer_to_cause(
    event: Event,
    causes: list[tuple[str, str | None]],
    events: list[Event],
    nominal: list[bool],
    known: set[str],
) -> Event:
    """A response with no one named ("sanctions imposed in the wake of the coup") is aimed at
    whoever the event it answers was by (or, failing that, happened to), as coded elsewhere
    in the article."""
    if event.recipient or event.type not in RESPONSES or not causes:
        return event
    # the same event named elsewhere (same type and code), else the latest earlier event of that type
    same_code = [o for o, n in zip(events, nominal, strict=True) if n and (o.type, o.cameo) in causes]
    types = {t for t, _ in causes}
    same_type = [o for o in events if o.type in types and o.trigger[0] < event.trigger[0]][::-1]
    for other in same_code + same_type:
        # whoever did it, if the article says which country or body they belong to; else
        # whoever it was done to ("condemned the coup" when the putschists are unnamed)
        sides = [other.actor, other.recipient] if other.actor else [other.recipient]
        target = next(
            (
                picked
                for side in sides
                if (picked := tuple(a for a in side if a not in event.actor and a in known))
            ),
            (),
        )
        if target:
            why = f"{event.why}; recipient: those behind the {other.type} it answers"
            return replace(event, recipient=target, why=why)
    return event


def answers_a_decision(cand: Candidate, event: Event) -> bool:
    """A response to "the decision", "the move", "the announcement" that names no one."""
    if event.recipient or not event.actor or event.type not in DECISION_ANSWERS:
        return False
    objects = [c for c in cand.head.children if c.dep_ == "dobj"]
    return any(
        o.lemma_.lower() in DECISION_NOUNS and not any(c.dep_ == "poss" for c in o.children) for o in objects
    )


def answer_to_decision(event: Event, events: list[Event], countries: dict[str, str | None]) -> Event:
    """ "Macron condemned the decision": the decision is the latest act reported before it by
    a party of another country; the response is aimed at that party."""
    own = {countries.get(a) for a in event.actor}
    for other in reversed([o for o in events if o.trigger[0] < event.trigger[0]]):
        doers = tuple(a for a in other.actor if countries.get(a) and countries.get(a) not in own)
        if doers:
            why = f"{event.why}; recipient: those behind the {other.type} at {other.trigger[0]} it answers"
            return replace(event, recipient=doers, why=why)
    return event


def claimed_act(event: Event, events: list[Event]) -> Event:
    """A claimed attack with no target named ("JNIM claimed the attack") is the attack
    reported before it: its target and date are that attack's."""
    if event.recipient:
        return event
    earlier = [o for o in events if o.type == event.type and o.recipient and o.trigger[0] < event.trigger[0]]
    if not earlier:
        return event
    claimed = earlier[-1]
    recipient = tuple(r for r in claimed.recipient if r not in event.actor)
    if not recipient:
        return event
    return replace(
        event,
        recipient=recipient,
        date=claimed.date,
        date_precision=claimed.date_precision,
        date_span=claimed.date_span,
        why=f"{event.why}; target and date of the claimed {event.type} at {claimed.trigger[0]}",
    )

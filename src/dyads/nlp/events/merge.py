"""One event per type and participants in a sentence ("the attack killed five" is one ASSAULT)."""

from __future__ import annotations

from dataclasses import replace

from dyads.model import Event


def same_event(a: Event, b: Event) -> bool:
    """Same type in the same sentence, with actors that overlap or are missing on one side."""
    return (
        a.type == b.type
        and a.sentence == b.sentence
        and (not a.actor or not b.actor or bool(set(a.actor) & set(b.actor)))
    )


def merge_sentence_events(events: list[Event]) -> list[Event]:
    """Fold the events of one sentence that are the same event into the one with more parties,
    taking the parties and the mode of the other too."""
    out: list[Event] = []
    for event in events:
        twin = next((i for i, e in enumerate(out) if same_event(e, event)), None)
        if twin is None:
            out.append(event)
            continue
        kept = out[twin]
        richer, other = (
            (kept, event)
            if len(kept.actor) + len(kept.recipient) >= len(event.actor) + len(event.recipient)
            else (event, kept)
        )
        out[twin] = replace(
            richer,
            actor=tuple(dict.fromkeys(richer.actor + other.actor)),
            recipient=tuple(
                r
                for r in dict.fromkeys(richer.recipient + other.recipient)
                if r not in richer.actor + other.actor
            ),
            mode=richer.mode or other.mode,
        )
    return out

"""Article text → flat, non-overlapping segments to highlight (pure; the template escapes the text).

Annotations overlap (an event trigger inside a quote, an actor inside an event sentence), but HTML
marks should not interleave. Each character goes to the highest-priority annotation covering it
(event trigger, then actor, place, time, quote), and adjacent characters with the same winner merge.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from dyads.model import Analysis, Span

PRIORITY = {"event": 5, "actor": 4, "place": 3, "time": 2, "quote": 1}


@dataclass(frozen=True)
class Mark:
    span: Span
    kind: str
    key: str  # the annotation's id (e.g. "e3"), so one event's marks stay one mark
    title: str = ""
    css: str = ""  # extra class, e.g. "coop" for cooperative events


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str | None = None  # css classes, None for plain text
    event: str | None = None
    title: str = ""


def marks_of(analysis: Analysis) -> list[Mark]:
    marks: list[Mark] = []
    for event in analysis.events:
        css = "coop" if event.score >= 0 else ""
        marks.append(Mark(event.trigger, "event", event.id, f"{event.type} (score {event.score})", css))
    for actor in analysis.actors:
        label = " ".join(x for x in (actor.name, actor.country, actor.sector) if x)
        marks.extend(Mark(m, "actor", actor.id, label) for m in actor.mentions)
    for place in analysis.places:
        marks.extend(
            Mark(m, "place", place.id, f"{place.name} ({place.country or '?'})") for m in place.mentions
        )
    for i, time in enumerate(analysis.times):
        marks.append(Mark(time.span, "time", f"t{i}", f"{time.type} {time.value}"))
    for quote in analysis.quotes:
        marks.append(Mark(quote.content, "quote", quote.id, "quotation"))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Split ``text`` into segments, each plain or covered by its highest-priority mark."""
    valid = [m for m in marks if 0 <= m.span[0] < m.span[1] <= len(text)]
    if not valid:
        return [Segment(text)] if text else []
    bounds = sorted({0, len(text), *(b for m in valid for b in m.span)})
    out: list[Segment] = []
    current: Mark | None = None
    start = 0
    for lo, hi in itertools.pairwise(bounds):
        covering = [m for m in valid if m.span[0] <= lo and hi <= m.span[1]]
        winner = max(covering, key=lambda m: (PRIORITY[m.kind], -(m.span[1] - m.span[0])), default=None)
        if winner != current:
            if lo > start:
                out.append(_segment(text[start:lo], current))
            start, current = lo, winner
    out.append(_segment(text[start:], current))
    return [s for s in out if s.text]


def _segment(text: str, mark: Mark | None) -> Segment:
    if mark is None:
        return Segment(text)
    kind = f"{mark.kind} {mark.css}".strip()
    return Segment(text, kind, mark.key if mark.kind == "event" else None, mark.title)

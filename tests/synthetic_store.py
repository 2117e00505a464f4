"""Analysis records built directly from short specs, without the language pipeline.

For the tests of the store, dedup, queries and exports: ``make_analysis`` writes an article whose
sentences are the given ones and codes exactly the events and quotes it is told to, so what the
store, dedup and queries do can be checked independently of the NLP stages.

Actor specs: ``"RUS"`` (a country), ``"RUS:MIL"`` (a country's sector, e.g. Russian troops),
``"Wagner Group"`` (a named group with no country).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from dyads.model import Actor, Analysis, Article, Event, Place, Quote, TimeExpr
from dyads.store.ontology import plover_types


@dataclass(frozen=True)
class EventSpec:
    sentence: str
    actor: str
    type: str
    recipient: str | None = None
    date: str | None = None
    place: str | None = None
    place_country: str | None = None
    score: float | None = None
    auxiliary: str | None = None
    confidence: float = 0.9  # the event's estimated probability of being right
    why: str | None = None  # how it was coded, as the analysis explains it ("'strike' → verb:strike")


@dataclass(frozen=True)
class QuoteSpec:
    speaker: str  # an actor spec
    words: str
    speech: bool = True  # False: an attribution of thought, plan or evidence, not words said


def _actor_for(spec: str, number: int, mentions: tuple[tuple[int, int], ...]) -> Actor:
    code, _, sector = spec.partition(":")
    if len(code) == 3 and code.isalpha() and code.isupper():
        return Actor(
            id=f"a{number}",
            name=spec,
            kind="country" if not sector else "group",
            country=code,
            sector=sector or None,
            code=code + sector,
            mentions=mentions,
        )
    return Actor(id=f"a{number}", name=spec, kind="group", mentions=mentions)


def default_score(event_type: str) -> float:
    entry = plover_types().get(event_type)
    return entry.score if entry else 0.0


def make_analysis(
    events: Sequence[EventSpec],
    published: str | None = "2020-09-25",
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    quotes: Sequence[QuoteSpec] = (),
    doc_id: str | None = None,
) -> Analysis:
    """An Analysis whose text is the events' sentences then the quotes, coded exactly as specified."""
    parts: list[str] = []
    cursor = 0
    spans: list[tuple[int, int]] = []
    for spec in events:
        spans.append((cursor, cursor + len(spec.sentence)))
        parts.append(spec.sentence)
        cursor += len(spec.sentence) + 1
    quote_spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for quote in quotes:
        line = f"{quote.speaker} said: “{quote.words}”"
        speaker_span = (cursor, cursor + len(quote.speaker))
        start = cursor + len(quote.speaker) + len(" said: “")
        quote_spans.append((speaker_span, (start, start + len(quote.words))))
        parts.append(line)
        cursor += len(line) + 1
    text = " ".join(parts)

    actor_specs: list[str] = []
    for spec in events:
        for name in (spec.actor, spec.recipient):
            if name and name not in actor_specs:
                actor_specs.append(name)
    for quote in quotes:
        if quote.speaker not in actor_specs:
            actor_specs.append(quote.speaker)

    def mentions_of(name: str) -> tuple[tuple[int, int], ...]:
        found, start = [], text.find(name)
        while start >= 0:
            found.append((start, start + len(name)))
            start = text.find(name, start + len(name))
        return tuple(found)

    actors = tuple(_actor_for(name, i + 1, mentions_of(name)) for i, name in enumerate(actor_specs))
    ids = {name: actors[i].id for i, name in enumerate(actor_specs)}
    place_names = [s.place for s in events if s.place]
    places = tuple(
        Place(
            id=f"p{i + 1}",
            name=name,
            country=next((s.place_country for s in events if s.place == name), None),
            feature="city",
            mentions=mentions_of(name),
        )
        for i, name in enumerate(dict.fromkeys(place_names))
    )
    place_ids = {p.name: p.id for p in places}
    coded = []
    for i, (spec, span) in enumerate(zip(events, spans, strict=True)):
        trigger_at = spec.sentence.find(" ") + 1
        trigger_end = spec.sentence.find(" ", trigger_at)
        coded.append(
            Event(
                id=f"e{i + 1}",
                type=spec.type,
                trigger=(
                    span[0] + trigger_at,
                    span[0] + (trigger_end if trigger_end > 0 else len(spec.sentence)),
                ),
                sentence=span,
                actor=(ids[spec.actor],),
                recipient=(ids[spec.recipient],) if spec.recipient else (),
                score=spec.score if spec.score is not None else default_score(spec.type),
                date=spec.date,
                location=place_ids.get(spec.place or ""),
                auxiliary=spec.auxiliary,  # type: ignore[arg-type]
                confidence=spec.confidence,
                why=spec.why,
            )
        )
    times = tuple(
        TimeExpr(span=span, value=spec.date, type="DATE")
        for spec, span in zip(events, spans, strict=True)
        if spec.date
    )
    coded_quotes = tuple(
        Quote(
            id=f"q{i + 1}",
            content=content,
            speaker=ids[q.speaker],
            speaker_span=speaker,
            direct=True,
            speech=q.speech,
        )
        for i, (q, (speaker, content)) in enumerate(zip(quotes, quote_spans, strict=True))
    )
    article = Article(
        id=doc_id or hashlib.sha1(text.encode("utf-8")).hexdigest(),
        text=text,
        url=url,
        title=title,
        published=published,
        outlet=outlet,
    )
    return Analysis(
        article=article, actors=actors, events=tuple(coded), quotes=coded_quotes, places=places, times=times
    )

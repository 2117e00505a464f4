"""Request parameters shared by the REST API and the pages: their types, bounds and checks.

Values are parsed by :mod:`dyads.query.parse`, the parsers the command line uses too, so both accept
the same values (types as lists, quad classes by name or number, dates as YYYY, YYYY-MM or
YYYY-MM-DD) and refuse the others with the same message; a refused value is a 422 with that
message, never a 500. Parties are resolved by the queries (:mod:`dyads.query.parties`).

Dates are ``since``/``until``, as on the command line; ``start``/``end``, their earlier names here,
are still read. ``min_confidence`` (0-1) is the confidence threshold: the counting views use the
store's when it is not given, the event listing lists every event (:mod:`dyads.query.confidence`).
"""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query

from dyads.query.filters import PARTY_PATTERN, PERIOD_PATTERN, EventFilter, is_party, plover_types
from dyads.query.parse import MAX_ROW_ID, parse_date, parse_quad, parse_text, parse_types
from dyads.store import Store
from dyads.web.deps import get_store

TYPES = list(plover_types())  # the order of the ontology, as the API lists them

StoreDep = Annotated[Store, Depends(get_store)]
Party = Annotated[
    str, Query(pattern=PARTY_PATTERN, description="ISO3, ISO3:SECTOR, a name, an acronym or a surname")
]
OptParty = Annotated[
    str | None,
    Query(pattern=PARTY_PATTERN, description="ISO3, ISO3:SECTOR, a name, an acronym or a surname"),
]
Limit = Annotated[int, Query(ge=0, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Period = Annotated[str, Query(pattern=PERIOD_PATTERN)]
OptDate = Annotated[str | None, Query(max_length=20, description="YYYY, YYYY-MM or YYYY-MM-DD")]
OptText = Annotated[str | None, Query(max_length=200)]
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
MinConfidence = Annotated[
    float | None,
    Query(
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="Count only events at least this sure (0-1; each event's confidence is that of its best"
        " report). Series, timelines, comparisons and the overview use the store's threshold when it is not"
        " given, and say which they used (min_confidence, min_confidence_source); /events lists every event.",
    ),
]


def series_filter(
    type: Annotated[
        list[str] | None, Query(max_length=500, description="PLOVER types: AGREE,AID or repeated")
    ] = None,
    quad: Annotated[str | None, Query(max_length=30, description="1-4 or e.g. material_conflict")] = None,
    since: OptDate = None,
    until: OptDate = None,
    start: Annotated[str | None, Query(max_length=20, deprecated=True, description="since")] = None,
    end: Annotated[str | None, Query(max_length=20, deprecated=True, description="until")] = None,
    place: OptParty = None,
    text: OptText = None,
    min_mentions: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    include_auxiliary: bool = False,
    min_confidence: MinConfidence = None,
) -> EventFilter:
    """The filters of every event query but the parties (the dyad, timeline and compare routes
    name theirs in the path or their own parameters)."""
    return EventFilter(
        types=parse_types(type or ()),
        quad=parse_quad(quad),
        since=parse_date(since, "since") or parse_date(start, "start"),
        until=parse_date(until, "until") or parse_date(end, "end"),
        place=place,
        text=parse_text(text),
        min_mentions=min_mentions,
        include_auxiliary=include_auxiliary,
        min_confidence=min_confidence,
    )


SeriesFilter = Annotated[EventFilter, Depends(series_filter)]


def event_filter(
    flt: SeriesFilter, actor: OptParty = None, recipient: OptParty = None, party: OptParty = None
) -> EventFilter:
    """The filters of ``/events``: those of :func:`series_filter` and the parties."""
    return dataclasses.replace(flt, actor=actor, recipient=recipient, party=party)


Filter = Annotated[EventFilter, Depends(event_filter)]


def check_party(name: str, value: str) -> None:
    """Refuse a path segment that is not a party spec (path parameters escape Query patterns)."""
    if not is_party(value):
        raise HTTPException(422, f"{name}: not a party (ISO3, ISO3:SECTOR or a name): {value[:50]!r}")


def check_ref(ref: str) -> str:
    """An article reference (row id, article id or hash), refused when absurdly long or a row id
    past SQLite's integers."""
    if len(ref) > 200:
        raise HTTPException(422, "article reference too long")
    if ref.isdigit() and (not ref.isascii() or int(ref) > MAX_ROW_ID):
        raise HTTPException(404, f"no article {ref[:50]!r}")
    return ref

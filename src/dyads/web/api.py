"""The REST API under ``/api/v1``: thin handlers over :mod:`dyads.query` and the store.

Parameters are validated in :mod:`dyads.web.params` (types, ranges, patterns); a bad value is a 4xx
with a message, never a 500. Every query reaches SQLite through bound parameters only.

Conventions: every list answers ``{"total", "offset", "limit", "items"}`` (the series too, whole:
offset 0); every error ``{"error", "status"}``; the filters of ``/events`` (parties, ``type``,
``quad``, ``since``/``until``, ``place``, ``text``, ``min_mentions``, ``min_confidence``) apply to
the dyad, timeline and compare series as well. The counting views (dyad, timeline, compare,
overview) count the events at or above ``min_confidence``, else the store's threshold, and answer
which they used: ``min_confidence`` and ``min_confidence_source`` (asked, store or default).
``/events`` lists every event unless ``min_confidence`` is given (its answer's ``min_confidence``
is then that value, else null).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse

from dyads import query
from dyads.query import overview
from dyads.query.confidence import threshold_for
from dyads.query.filters import DEFAULT_PERIOD, EventFilter, split_list
from dyads.query.parse import parse_kind, parse_text
from dyads.query.parties import find_parties
from dyads.web.params import (
    Filter,
    Limit,
    MinConfidence,
    Offset,
    OptText,
    Party,
    Period,
    RowId,
    SeriesFilter,
    StoreDep,
    check_party,
    check_ref,
)

router = APIRouter(prefix="/api/v1", tags=["api"])


def _page(page: Any) -> dict[str, Any]:
    return {"total": page.total, "offset": page.offset, "limit": page.limit, "items": page.items}


def _whole(rows: list[Any]) -> dict[str, Any]:
    """A list answered whole, in the wrapper every list has."""
    return {"total": len(rows), "offset": 0, "limit": len(rows), "items": rows}


@router.get("/health")
def health(store: StoreDep) -> dict[str, Any]:
    """Liveness and what the store holds."""
    return {"ok": True, "counts": store.counts()}


@router.get("/articles")
def articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles, newest first."""
    return _page(store.list_articles(limit=limit, offset=offset))


@router.get("/articles/{ref}")
def article(ref: str, store: StoreDep) -> dict[str, Any]:
    """One article's metadata, by row id or article id."""
    found = store.get_article(check_ref(ref))
    if found is None:
        raise HTTPException(404, f"no article {ref!r}")
    return found


@router.get("/articles/{ref}/analysis")
def article_analysis(ref: str, store: StoreDep) -> dict[str, Any]:
    """The article's analysis: the dyads.analysis/1 JSON exactly as stored."""
    found = store.get_analysis(check_ref(ref))
    if found is None:
        raise HTTPException(404, f"no article {ref!r}")
    return found


@router.get("/events")
def events(store: StoreDep, flt: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Deduplicated events matching the filters, by date, paginated. ``total`` is exact unless
    ``total_is_lower_bound`` (counting stopped there; more match than this page reaches)."""
    page = query.find_events(store, flt, limit=limit, offset=offset)
    return {
        **_page(page),
        "total_is_lower_bound": page.total_is_lower_bound,
        "min_confidence": flt.min_confidence,
    }


# the columns of the events CSV (identifiers, not words); columns added later go last (``when``,
# then ``confidence``), so the columns before them keep the places they had
CSV_COLUMNS = [
    "id",
    "date",
    "type",
    "quad_class",
    "cameo",
    "score",
    "auxiliary",
    "actor",
    "recipient",
    "place",
    "place_country",
    "lat",
    "lon",
    "n_mentions",
    "n_articles",
    "n_sources",
    "sentence",
    "source",
    "when",
    "confidence",
]


@router.get("/events.csv")
def events_csv(store: StoreDep, flt: Filter) -> StreamingResponse:
    """The same query as /events, every matching event (whatever its confidence unless
    ``min_confidence`` is given), as CSV (``when``: the date as precise as known, 2012, 2012-03 or
    2012-03-04; ``confidence``: that of the event's best report)."""
    # The first page is read before the answer starts: a bad filter is still a 4xx, not a 200
    # with an empty body.
    first = query.find_events(store, flt, limit=1000, offset=0)

    def rows() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        offset, page = 0, first
        while True:
            if offset:
                page = query.find_events(store, flt, limit=1000, offset=offset)
            for item in page.items:
                writer.writerow(item)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return

    headers = {"Content-Disposition": 'attachment; filename="dyads-events.csv"'}
    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events/{event_id}")
def event(event_id: RowId, store: StoreDep) -> dict[str, Any]:
    """One deduplicated event with its parties and every mention (sentence, trigger, why)."""
    found = query.get_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/dyad/{first}/{second}")
def dyad(
    first: str, second: str, store: StoreDep, flt: SeriesFilter, by: Period = DEFAULT_PERIOD
) -> dict[str, Any]:
    """Events between two parties by period and type, both directions. An event known only to a
    coarser period than ``by`` counts in a period of its own (``grain`` says which)."""
    for name, value in (("first", first), ("second", second)):
        check_party(name, value)
    rows = query.dyad_series(store, first, second, by=by, flt=flt)
    return {"first": first, "second": second, "by": by, **threshold_for(store, flt).fields(), **_whole(rows)}


@router.get("/timeline/{party}")
def timeline(party: str, store: StoreDep, flt: SeriesFilter, limit: Limit = 25) -> dict[str, Any]:
    """The key events of a party, deduplicated, in date order, with sources."""
    check_party("party", party)
    rows = query.timeline(store, party, limit=limit, flt=flt)
    return {"party": party, **threshold_for(store, flt).fields(), **_whole(rows)}


@router.get("/compare")
def compare(
    store: StoreDep,
    target: Party,
    partners: Annotated[str, Query(max_length=500, description="comma-separated parties")],
    flt: SeriesFilter,
    by: Period = DEFAULT_PERIOD,
) -> dict[str, Any]:
    """Who gains cooperation and who conflict with the target (the influence view); a final row
    per partner, period "all", sums its periods (the same whatever ``by``)."""
    names = split_list(partners)
    if not names:
        raise HTTPException(422, "partners: give at least one party, e.g. RUS,FRA")
    for name in names:
        check_party("partners", name)
    rows = query.compare(store, target, names, by=by, flt=flt)
    return {"target": target, "by": by, **threshold_for(store, flt).fields(), **_whole(rows)}


@router.get("/parties")
def parties(
    store: StoreDep,
    q: Annotated[str, Query(max_length=100, description="what has been typed")],
    limit: Limit = 10,
) -> dict[str, Any]:
    """Parties whose code or name starts with ``q``, most events first (for autocompletion).
    Items: name, kind, code (the value to filter with), count (events)."""
    return _whole(find_parties(store, q, limit=limit))


@router.get("/quotes")
def quotes(
    store: StoreDep,
    search: OptText = None,
    speaker: OptText = None,
    limit: Limit = 50,
    offset: Offset = 0,
    include_attributions: bool = False,
) -> dict[str, Any]:
    """Quotes by words (full text) and speaker (ISO3 or part of a name): speech only, unless
    ``include_attributions`` also lists what someone is said to seek, back or believe (``speech``
    false on those records)."""
    found = query.search_quotes(
        store,
        search=parse_text(search, "search"),
        speaker=speaker,
        limit=limit,
        offset=offset,
        speech_only=not include_attributions,
    )
    return _page(found)


@router.get("/search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Sentences containing all the words of ``q``."""
    return _page(query.search_sentences(store, parse_text(q, "q") or "", limit=limit, offset=offset))


@router.get("/actors")
def actors(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    kind: Annotated[
        str | None, Query(max_length=30, description="person, country, organization or group")
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None,
) -> dict[str, Any]:
    """Actors by how many articles name them."""
    return _page(query.top_actors(store, limit=limit, kind=parse_kind(kind), country=country, offset=offset))


@router.get("/places")
def places(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None,
) -> dict[str, Any]:
    """Places by how many articles name them, with coordinates."""
    return _page(query.top_places(store, limit=limit, country=country, offset=offset))


@router.get("/overview")
def summary(
    store: StoreDep, by: Period = DEFAULT_PERIOD, min_confidence: MinConfidence = None
) -> dict[str, Any]:
    """Corpus summary: events by quad class over time, top dyads, most active actors, event places;
    ``events``: how many events these count, of ``stored``."""
    least = threshold_for(store, EventFilter(min_confidence=min_confidence))
    return {
        **least.fields(),
        "events": overview.counted_events(store, least.value),
        "stored": store.counts()["events"],
        "quads": overview.quad_series(store, by, least.value),
        "dyads": overview.top_dyads(store, min_confidence=least.value),
        "actors": overview.active_actors(store, min_confidence=least.value),
        "places": overview.event_places(store, min_confidence=least.value),
    }

"""The REST API under ``/api/v1``: thin handlers over :mod:`dyads.query` and the store.

Parameters are validated in :mod:`dyads.web.params` (types, ranges, patterns); a bad value is a 4xx
with a message, never a 500. Every query reaches SQLite through bound parameters only.
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
from dyads.query.filters import split_list
from dyads.web.params import (
    Filter,
    Limit,
    Offset,
    OptText,
    Party,
    Period,
    StoreDep,
    check_party,
    check_ref,
)

router = APIRouter(prefix="/api/v1", tags=["api"])


def _page(page: Any) -> dict[str, Any]:
    return {"total": page.total, "offset": page.offset, "limit": page.limit, "items": page.items}


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
    return {**_page(page), "total_is_lower_bound": page.total_is_lower_bound}


# the columns of the events CSV (identifiers, not words)
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
]


@router.get("/events.csv")
def events_csv(store: StoreDep, flt: Filter) -> StreamingResponse:
    """The same query as /events, every matching event, as CSV."""

    def rows() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        offset = 0
        while True:
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
def event(event_id: int, store: StoreDep) -> dict[str, Any]:
    """One deduplicated event with its parties and every mention (sentence, trigger, why)."""
    found = query.get_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/dyad/{first}/{second}")
def dyad(first: str, second: str, store: StoreDep, by: Period = "month") -> dict[str, Any]:
    """Events between two parties by period and type, both directions."""
    for name, value in (("first", first), ("second", second)):
        check_party(name, value)
    rows = query.dyad_series(store, first, second, by=by)
    return {"first": first, "second": second, "by": by, "rows": rows}


@router.get("/timeline/{party}")
def timeline(party: str, store: StoreDep, limit: Limit = 25) -> dict[str, Any]:
    """The key events of a party, deduplicated, in date order, with sources."""
    check_party("party", party)
    return {"party": party, "events": query.timeline(store, party, limit=limit)}


@router.get("/compare")
def compare(
    store: StoreDep,
    target: Party,
    partners: Annotated[str, Query(max_length=500, description="comma-separated parties")],
    by: Period = "quarter",
) -> dict[str, Any]:
    """Who gains cooperation and who conflict with the target (the influence view)."""
    names = split_list(partners)
    if not names:
        raise HTTPException(422, "partners: give at least one party, e.g. RUS,FRA")
    for name in names:
        check_party("partners", name)
    return {"target": target, "by": by, "rows": query.compare(store, target, names, by=by)}


@router.get("/quotes")
def quotes(
    store: StoreDep, search: OptText = None, speaker: OptText = None, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Quotes by words (full text) and speaker (ISO3 or part of a name)."""
    return _page(query.search_quotes(store, search=search, speaker=speaker, limit=limit, offset=offset))


@router.get("/search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Sentences containing all the words of ``q``."""
    return _page(query.search_sentences(store, q, limit=limit, offset=offset))


@router.get("/actors")
def actors(
    store: StoreDep,
    limit: Limit = 20,
    kind: Annotated[str | None, Query(pattern=r"^(person|country|organization|group)$")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None,
) -> dict[str, Any]:
    """Actors by how many articles name them."""
    return {"items": query.top_actors(store, limit=limit, kind=kind, country=country)}


@router.get("/places")
def places(
    store: StoreDep, limit: Limit = 20, country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None
) -> dict[str, Any]:
    """Places by how many articles name them, with coordinates."""
    return {"items": query.top_places(store, limit=limit, country=country)}


@router.get("/overview")
def summary(store: StoreDep, by: Period = "month") -> dict[str, Any]:
    """Corpus summary: events by quad class over time, top dyads, most active actors, event places."""
    return {
        "quads": overview.quad_series(store, by),
        "dyads": overview.top_dyads(store),
        "actors": overview.active_actors(store),
        "places": overview.event_places(store),
    }

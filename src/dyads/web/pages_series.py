"""Pages of parties over time: the overview, a party (actor), a dyad, the influence view (compare)
and a party's timeline. Each series is drawn over a continuous axis (:mod:`dyads.web.periods`) and
can be downloaded as CSV or JSON (``?format=csv``) with the rows the chart is drawn from.

Each counts the events at or above ``?min_confidence=`` (the page's "min confidence" control), else
the store's threshold, and says which in a line under its title and in its downloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from dyads.query import EventFilter, compare, dyad_series, find_events, overview, timeline
from dyads.query.filters import party_condition, split_list
from dyads.store.ontology import QUAD_NAMES
from dyads.web.confidence_view import threshold_context
from dyads.web.params import MinConfidence, Period, StoreDep, check_party
from dyads.web.party_spec import query_spec
from dyads.web.periods import fill_rows, fill_series
from dyads.web.render import Format, query_with, render, tabular
from dyads.web.rows import event_rows

router = APIRouter(include_in_schema=False)
OVERVIEW_PERIOD = "month"


@router.get("/")
def overview_page(
    request: Request, store: StoreDep, format: Format = None, min_confidence: MinConfidence = None
) -> Response:
    shown = threshold_context(store, min_confidence)
    least = shown["threshold"].value
    quads = fill_rows(
        overview.quad_series(store, OVERVIEW_PERIOD, least), OVERVIEW_PERIOD, dict.fromkeys(QUAD_NAMES, 0)
    )
    if format:
        return tabular(quads, format, "overview", shown["threshold"].fields())
    counts = store.counts()
    stats = {
        "articles": counts["articles"],
        "events": counts["events"],
        "counted": overview.counted_events(store, least),
        "actors": counts["actors"],
    }
    return render(
        request,
        "overview.html",
        stats=stats,
        quads=quads,
        dyads=overview.top_dyads(store, min_confidence=least),
        actors=overview.active_actors(store, min_confidence=least),
        places=overview.event_places(store, min_confidence=least),
        # a place on the map leads to the events it counts there
        map_filters=query_with(request, min_confidence=repr(least), format=None),
        **shown,
    )


@router.get("/actor/{party:path}")
def actor_page(
    request: Request,
    party: str,
    store: StoreDep,
    by: Period = "quarter",
    format: Format = None,
    min_confidence: MinConfidence = None,
) -> Response:
    check_party("party", party)
    shown = threshold_context(store, min_confidence)
    flt = EventFilter(min_confidence=shown["threshold"].value)
    spec = query_spec(store, party)
    network = overview.partner_network(store, spec, min_confidence=flt.min_confidence)
    partners = [p["id"] for p in network["nodes"][1:6]]
    rows = compare(store, spec, partners, by=by, flt=flt)
    if format:
        return tabular(rows, format, "actor", shown["threshold"].fields())
    return render(
        request,
        "actor.html",
        actor=party,
        by=by,
        events=event_rows(store, timeline(store, spec, limit=50, flt=flt), flt.min_confidence),
        series=fill_series(overview.series_by_direction(rows, key="partner"), by),
        network=network,
        **shown,
    )


@router.get("/timeline/{party:path}")
def timeline_page(
    request: Request, party: str, store: StoreDep, format: Format = None, min_confidence: MinConfidence = None
) -> Response:
    check_party("party", party)
    shown = threshold_context(store, min_confidence)
    flt = EventFilter(min_confidence=shown["threshold"].value)
    rows = timeline(store, query_spec(store, party), limit=200, flt=flt)
    if format:
        return tabular(rows, format, "timeline", shown["threshold"].fields())
    return render(
        request, "timeline.html", party=party, events=event_rows(store, rows, flt.min_confidence), **shown
    )


@router.get("/dyad/{first}/{second}")
def dyad_page(
    request: Request,
    first: str,
    second: str,
    store: StoreDep,
    by: Period = "month",
    format: Format = None,
    min_confidence: MinConfidence = None,
) -> Response:
    check_party("first", first)
    check_party("second", second)
    shown = threshold_context(store, min_confidence)
    least = shown["threshold"].value
    one, two = query_spec(store, first), query_spec(store, second)
    rows = dyad_series(store, one, two, by=by, flt=EventFilter(min_confidence=least))
    if format:
        return tabular(rows, format, "dyad", shown["threshold"].fields())
    series = fill_series(overview.series_by_direction(rows), by)
    # the first party as the filter's party (a date-ordered index serves it), the second as a
    # condition on the other side; the events the chart counts
    other, other_params = party_condition(two, None, "eb")
    flt = EventFilter(party=one, extra=((other, tuple(other_params)),), min_confidence=least)
    events = find_events(store, flt, limit=200).items
    return render(
        request,
        "dyad.html",
        a=first,
        b=second,
        by=by,
        series=series,
        rows=rows,
        events=event_rows(store, events, least),
        **shown,
    )


@router.get("/compare")
def compare_page(
    request: Request,
    store: StoreDep,
    target: Annotated[str | None, Query(max_length=100)] = None,
    partners: Annotated[str, Query(max_length=500)] = "",
    by: Period = "quarter",
    format: Format = None,
    min_confidence: MinConfidence = None,
) -> Response:
    names = split_list(partners)
    series: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    shown = threshold_context(store, min_confidence)
    if target and names:
        check_party("target", target)
        for name in names:
            check_party("partners", name)
        given = {query_spec(store, n): n for n in names}
        flt = EventFilter(min_confidence=shown["threshold"].value)
        rows = compare(store, query_spec(store, target), list(given), by=by, flt=flt)
        for row in rows:
            row["partner"] = given.get(row["partner"], row["partner"])  # as the user wrote it
        series = fill_series(overview.series_by_direction(rows, key="partner"), by)
    if format:
        return tabular(rows, format, "compare", shown["threshold"].fields())
    return render(
        request,
        "compare.html",
        target=target,
        partners_text=",".join(names),
        by=by,
        series=series,
        totals=[r for r in rows if r["period"] == "all"],
        **shown,
    )

"""Pages of parties over time: the overview, a party (actor), a dyad, the influence view (compare)
and a party's timeline. Each series is drawn over a continuous axis (:mod:`dyads.web.periods`) and
can be downloaded as CSV or JSON (``?format=csv``) with the rows the chart is drawn from."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from dyads.query import EventFilter, compare, dyad_series, find_events, overview, timeline
from dyads.query.filters import party_condition, split_list
from dyads.store.ontology import QUAD_NAMES
from dyads.web.params import Period, StoreDep, check_party
from dyads.web.party_spec import query_spec
from dyads.web.periods import fill_rows, fill_series
from dyads.web.render import Format, render, tabular
from dyads.web.rows import event_rows

router = APIRouter(include_in_schema=False)
OVERVIEW_PERIOD = "month"


@router.get("/")
def overview_page(request: Request, store: StoreDep, format: Format = None) -> Response:
    quads = fill_rows(
        overview.quad_series(store, OVERVIEW_PERIOD), OVERVIEW_PERIOD, dict.fromkeys(QUAD_NAMES, 0)
    )
    if format:
        return tabular(quads, format, "overview")
    counts = store.counts()
    stats = {"articles": counts["articles"], "events": counts["events"], "actors": counts["actors"]}
    return render(
        request,
        "overview.html",
        stats=stats,
        quads=quads,
        dyads=overview.top_dyads(store),
        actors=overview.active_actors(store),
        places=overview.event_places(store),
    )


@router.get("/actor/{party:path}")
def actor_page(
    request: Request, party: str, store: StoreDep, by: Period = "quarter", format: Format = None
) -> Response:
    check_party("party", party)
    spec = query_spec(store, party)
    network = overview.partner_network(store, spec)
    partners = [p["id"] for p in network["nodes"][1:6]]
    rows = compare(store, spec, partners, by=by)
    if format:
        return tabular(rows, format, "actor")
    return render(
        request,
        "actor.html",
        actor=party,
        by=by,
        events=event_rows(store, timeline(store, spec, limit=50)),
        series=fill_series(overview.series_by_direction(rows, key="partner"), by),
        network=network,
    )


@router.get("/timeline/{party:path}")
def timeline_page(request: Request, party: str, store: StoreDep, format: Format = None) -> Response:
    check_party("party", party)
    rows = timeline(store, query_spec(store, party), limit=200)
    if format:
        return tabular(rows, format, "timeline")
    return render(request, "timeline.html", party=party, events=event_rows(store, rows))


@router.get("/dyad/{first}/{second}")
def dyad_page(
    request: Request, first: str, second: str, store: StoreDep, by: Period = "month", format: Format = None
) -> Response:
    check_party("first", first)
    check_party("second", second)
    one, two = query_spec(store, first), query_spec(store, second)
    rows = dyad_series(store, one, two, by=by)
    if format:
        return tabular(rows, format, "dyad")
    series = fill_series(overview.series_by_direction(rows), by)
    # the first party as the filter's party (a date-ordered index serves it), the second as a
    # condition on the other side
    other, other_params = party_condition(two, None, "eb")
    flt = EventFilter(party=one, extra=((other, tuple(other_params)),))
    events = find_events(store, flt, limit=200).items
    return render(
        request, "dyad.html", a=first, b=second, by=by, series=series, events=event_rows(store, events)
    )


@router.get("/compare")
def compare_page(
    request: Request,
    store: StoreDep,
    target: Annotated[str | None, Query(max_length=100)] = None,
    partners: Annotated[str, Query(max_length=500)] = "",
    by: Period = "quarter",
    format: Format = None,
) -> Response:
    names = split_list(partners)
    series: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    if target and names:
        check_party("target", target)
        for name in names:
            check_party("partners", name)
        given = {query_spec(store, n): n for n in names}
        rows = compare(store, query_spec(store, target), list(given), by=by)
        for row in rows:
            row["partner"] = given.get(row["partner"], row["partner"])  # as the user wrote it
        series = fill_series(overview.series_by_direction(rows, key="partner"), by)
    if format:
        return tabular(rows, format, "compare")
    return render(
        request,
        "compare.html",
        target=target,
        partners_text=",".join(names),
        by=by,
        series=series,
        totals=[r for r in rows if r["period"] == "all"],
    )

"""The event pages: the filtered, sortable listing and one event with every report of it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response

from dyads.query import get_event
from dyads.query.filters import plover_types
from dyads.query.ordering import SORT_COLUMNS, find_events_sorted, parse_sort
from dyads.store import Row, Store
from dyads.store.ontology import QUAD_NAMES
from dyads.web.confidence_view import confidence_shown, counted_note, listing_note
from dyads.web.event_form import EventForm, event_form
from dyads.web.params import Offset, StoreDep
from dyads.web.party_spec import link_spec
from dyads.web.render import PAGE, Format, pager, query_with, render, tabular, when
from dyads.web.rows import event_rows

router = APIRouter(include_in_schema=False)
Form = Annotated[EventForm, Depends(event_form)]
EventId = Annotated[int, Path(ge=1, le=2**63 - 1)]
DOWNLOAD_BATCH = 1000


def _all_events(store: Store, form: EventForm) -> Iterator[Row]:
    offset = 0
    while True:
        page = find_events_sorted(
            store, form.flt, form.sort, limit=DOWNLOAD_BATCH, offset=offset, count_up_to=None
        )
        yield from ({**row, "when": when(row)} for row in page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def _sort_links(request: Request, sort: str) -> dict[str, dict[str, str]]:
    """Each sortable column's link (the other direction when it is the current order) and arrow."""
    key, descending = parse_sort(sort)
    links = {}
    for column in SORT_COLUMNS:
        current = column == key
        target = column if current and descending else f"-{column}"
        arrow = ("▼" if descending else "▲") if current else ""
        links[column] = {"url": f"/events?{query_with(request, sort=target, offset=None)}", "arrow": arrow}
    return links


@router.get("/events")
def events_page(
    request: Request, store: StoreDep, form: Form, offset: Offset = 0, format: Format = None
) -> Response:
    if format:
        return tabular(_all_events(store, form), format, "events")
    page = find_events_sorted(store, form.flt, form.sort, limit=PAGE, offset=offset)
    return render(
        request,
        "events.html",
        events=event_rows(store, page.items),
        total=page.total,
        total_is_lower_bound=page.total_is_lower_bound,
        f=form.values,
        chosen_types=form.types,
        sort=form.sort,
        sort_links=_sort_links(request, form.sort),
        types=plover_types(),
        quads=list(QUAD_NAMES),
        listing_note=listing_note(store, form.flt.min_confidence),
        **pager(request, "/events", offset, page.total),
    )


@router.get("/event/{event_id}")
def event_page(request: Request, event_id: EventId, store: StoreDep, format: Format = None) -> Response:
    found = get_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    if format:
        return tabular(found["mentions"], format, f"event-{event_id}")
    for party in found["parties"]:
        party["link"] = link_spec(party)
    return render(
        request,
        "event.html",
        event=found,
        when=when(found),
        confidence_text=confidence_shown(found["confidence"]),
        counted_note=counted_note(store, found["confidence"]),
    )

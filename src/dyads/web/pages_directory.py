"""The directories: actors and places, searchable, each leading to its events."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from dyads.query.directory import find_actors, find_places
from dyads.web.pages_articles import MAX_ROW_ID
from dyads.web.params import Offset, OptText, StoreDep
from dyads.web.party_spec import link_spec
from dyads.web.render import PAGE, Format, pager, render, tabular

router = APIRouter(include_in_schema=False)
ALL = MAX_ROW_ID  # "every row" for a download


@router.get("/actors")
def actors_page(
    request: Request, store: StoreDep, q: OptText = None, offset: Offset = 0, format: Format = None
) -> Response:
    if format:
        return tabular(find_actors(store, q, limit=ALL).items, format, "actors")
    page = find_actors(store, q, limit=PAGE, offset=offset)
    for row in page.items:
        row["link"] = link_spec(row)
    return render(
        request,
        "actors.html",
        actors=page.items,
        total=page.total,
        q=q or "",
        **pager(request, "/actors", offset, page.total),
    )


@router.get("/places")
def places_page(
    request: Request, store: StoreDep, q: OptText = None, offset: Offset = 0, format: Format = None
) -> Response:
    if format:
        return tabular(find_places(store, q, limit=ALL).items, format, "places")
    page = find_places(store, q, limit=PAGE, offset=offset)
    return render(
        request,
        "places.html",
        places=page.items,
        total=page.total,
        q=q or "",
        **pager(request, "/places", offset, page.total),
    )

"""Request parameters shared by the REST API and the pages: their types, bounds and checks.

Values are validated here, before any query (types, ranges, patterns from :mod:`dyads.query.filters`);
a bad value is a 4xx with a message, never a 500.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Query

from dyads.query.filters import (
    DATE_PATTERN,
    PARTY_PATTERN,
    PERIOD_PATTERN,
    EventFilter,
    is_party,
    plover_types,
)
from dyads.store import Store
from dyads.web.deps import get_store

TYPES = list(plover_types())  # the order of the ontology, as the API lists them

StoreDep = Annotated[Store, Depends(get_store)]
Party = Annotated[str, Query(pattern=PARTY_PATTERN, description="ISO3, ISO3:SECTOR, or a name")]
OptParty = Annotated[str | None, Query(pattern=PARTY_PATTERN)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Period = Annotated[str, Query(pattern=PERIOD_PATTERN)]
OptDate = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
OptText = Annotated[str | None, Query(max_length=200)]


def event_filter(
    actor: OptParty = None,
    recipient: OptParty = None,
    party: OptParty = None,
    type: Annotated[list[str] | None, Query(description="PLOVER types")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4)] = None,
    start: OptDate = None,
    end: OptDate = None,
    place: OptParty = None,
    text: OptText = None,
    include_auxiliary: bool = False,
) -> EventFilter:
    types = tuple(t.upper() for t in (type or []) if t)
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise HTTPException(
            422, f"type: unknown PLOVER type {unknown[0]!r}; expected one of {', '.join(TYPES)}"
        )
    return EventFilter(
        actor=actor,
        recipient=recipient,
        party=party,
        types=types,
        quad=quad,
        since=start,
        until=end,
        place=place,
        text=text or None,
        include_auxiliary=include_auxiliary,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def check_party(name: str, value: str) -> None:
    """Refuse a path segment that is not a party spec (path parameters escape Query patterns)."""
    if not is_party(value):
        raise HTTPException(422, f"{name}: not a party (ISO3, ISO3:SECTOR or a name): {value[:50]!r}")


def check_ref(ref: str) -> str:
    """An article reference (row id, article id or hash), refused when absurdly long."""
    if len(ref) > 200:
        raise HTTPException(422, "article reference too long")
    return ref

"""The dashboard's event filters: what the form sends, checked, as an EventFilter and back as the
values the form shows again (so a submit never loses a filter).

Dates are text, not date pickers: ``2021``, ``2021-09`` and ``2021-09-30`` are all filters an analyst
types, and a picker cannot hold the first two. Types may be several (repeated or comma-separated);
quad classes are given by name (``material_conflict``) or number. ``start``/``end`` are read as
``since``/``until`` so links written for the API keep working. ``min_confidence`` keeps only the
events at least that sure (the listing otherwise lists every event, whatever its confidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import HTTPException, Query

from dyads.query.filters import DATE_PATTERN, PARTY_PATTERN, EventFilter, date_bound, plover_types, split_list
from dyads.query.ordering import DEFAULT_SORT, parse_sort
from dyads.store.ontology import QUAD_LABELS, QUAD_NAMES
from dyads.web.params import MinConfidence

Text = Annotated[str | None, Query(max_length=200)]


@dataclass(frozen=True)
class EventForm:
    """The filters as the form shows them (strings as typed), and the EventFilter they make."""

    values: dict[str, str]
    types: tuple[str, ...]
    sort: str
    flt: EventFilter = field(default_factory=EventFilter)


def _party(name: str, value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if not re.match(PARTY_PATTERN, value):
        raise HTTPException(422, f"{name}: not a party (ISO3, ISO3:SECTOR or a name): {value[:50]!r}")
    return value


def _date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    try:
        if not re.match(DATE_PATTERN, value):
            raise ValueError
        date_bound(value, False)
    except ValueError:
        raise HTTPException(
            422, f"{name}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value[:20]!r}"
        ) from None
    return value


def _quad(value: str | None) -> int | None:
    if not value:
        return None
    key = value.strip().lower().replace(" ", "_")
    if key.isdigit() and int(key) in QUAD_LABELS:
        return int(key)
    if key in QUAD_NAMES:
        return QUAD_NAMES[key]
    raise HTTPException(
        422, f"quad: unknown quad class {value[:40]!r}; expected one of {', '.join(QUAD_NAMES)}"
    )


def _types(values: list[str] | None) -> tuple[str, ...]:
    known = plover_types()
    types = tuple(dict.fromkeys(t.upper() for v in values or [] for t in split_list(v)))
    unknown = [t for t in types if t not in known]
    if unknown:
        raise HTTPException(
            422, f"type: unknown PLOVER type {unknown[0][:20]!r}; expected one of {', '.join(known)}"
        )
    return types


def event_form(
    actor: Text = None,
    recipient: Text = None,
    party: Text = None,
    place: Text = None,
    type: Annotated[list[str] | None, Query(max_length=40)] = None,
    quad: Text = None,
    since: Text = None,
    until: Text = None,
    start: Text = None,
    end: Text = None,
    min_mentions: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    min_confidence: MinConfidence = None,
    text: Text = None,
    sort: Annotated[str | None, Query(max_length=20)] = None,
) -> EventForm:
    """The form's parameters → an EventForm; a bad value is a 422 naming the field."""
    since, until = _date("since", since or start), _date("until", until or end)
    quad_number = _quad(quad)
    types = _types(type)
    try:
        parse_sort(sort)
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
    flt = EventFilter(
        actor=_party("actor", actor),
        recipient=_party("recipient", recipient),
        party=_party("party", party),
        place=_party("place", place),
        types=types,
        quad=quad_number,
        since=since,
        until=until,
        text=text.strip() if text and text.strip() else None,
        min_mentions=min_mentions or 1,
        min_confidence=min_confidence,
    )
    values = {
        "actor": flt.actor or "",
        "recipient": flt.recipient or "",
        "party": flt.party or "",
        "place": flt.place or "",
        "quad": next((n for n, q in QUAD_NAMES.items() if q == quad_number), ""),
        "since": since or "",
        "until": until or "",
        "min_mentions": str(min_mentions) if min_mentions else "",
        "min_confidence": repr(min_confidence) if min_confidence is not None else "",
        "text": flt.text or "",
    }
    return EventForm(values=values, types=types, sort=sort or DEFAULT_SORT, flt=flt)

"""Parties in dashboard links: which spec a link names, and how a page reads it back.

A page names a party as the overview does (a country's code, else the organisation, else the name).
Read back through :func:`dyads.query.filters.party_side`, an organisation spelled in six capitals
(``ECOWAS``) would parse as a country and a sector (``ECO:WAS``) and find nothing; :func:`query_spec`
reads it as the name the store knows instead, so every link the dashboard writes leads to its events.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyads.query.filters import COUNTRY_SPEC
from dyads.store import Store


def link_spec(party: Mapping[str, Any]) -> str:
    """The spec a link names for a stored party (an event_actors or actors row)."""
    if party.get("country") and (party.get("kind") in (None, "country")) and not party.get("org"):
        return str(party["country"])
    return str(party.get("org") or party.get("name") or party.get("country") or "")


def query_spec(store: Store, spec: str) -> str:
    """The spec to query with: ``spec`` itself, unless it reads as a country and sector the store
    has no events of while a party of that very name has some (then the name, matched without case)."""
    match = COUNTRY_SPEC.match(spec.strip())
    if not match or not match[2]:
        return spec
    if store.scalar(
        "SELECT 1 FROM event_actors WHERE country = ? AND sector = ? LIMIT 1", (match[1], match[2])
    ):
        return spec
    named = store.scalar(
        "SELECT 1 FROM event_actors WHERE name = ? COLLATE NOCASE OR org = ? COLLATE NOCASE LIMIT 1",
        (spec.strip(), spec.strip()),
    )
    # Lower case is still the same name to the query layer (names match without regard to case),
    # but no longer reads as a country code.
    return spec.strip().lower() if named else spec

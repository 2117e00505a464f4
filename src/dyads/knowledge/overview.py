"""What the actor knowledge holds and what a name resolves to: the library behind
``dyads knowledge stats`` and ``dyads knowledge lookup``.

    knowledge_stats(kb)                 # entries by kind and source, people with roles, years
    lookup(kb, "Jeremy Hunt", "2019-03-01")   # the entry, its roles on that date and why
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from dyads.knowledge.actors import Knowledge, Organization, Person, PersonRole

CURATED = "curated"  # built-in or user YAML; imported entries name their dictionary
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _source(entry: Person | Organization) -> str:
    return entry.source.split()[0] if entry.source else CURATED


def _years(role: PersonRole, first: int, last: int) -> range:
    start = int(role.start[:4]) if role.start else first
    end = int(role.end[:4]) if role.end else last
    return range(max(start, first), min(end, last) + 1)


def knowledge_stats(kb: Knowledge, first_year: int = 1990, last_year: int = 2025) -> dict[str, Any]:
    """Entries by kind and source, people with dated roles, and role coverage by year (how many
    people hold at least one role in each year from ``first_year`` to ``last_year``)."""
    entries: Counter[tuple[str, str]] = Counter()
    entries[("country", CURATED)] = len(kb.countries)
    for org in kb.organizations:
        entries[(org.kind, _source(org))] += 1
    for person in kb.people:
        entries[("person", _source(person))] += 1
    with_roles = Counter(_source(p) for p in kb.people if any(r.start or r.end for r in p.roles))
    by_year: Counter[int] = Counter()
    for person in kb.people:
        years: set[int] = set()
        for role in person.roles:
            if role.start or role.end:
                years.update(_years(role, first_year, last_year))
        by_year.update(years)
    return {
        "entries": [{"kind": k, "source": s, "count": n} for (k, s), n in sorted(entries.items())],
        "people_with_dated_roles": dict(sorted(with_roles.items())),
        "sector_words": len(kb.sector_terms),
        "roles_by_year": {str(y): by_year.get(y, 0) for y in range(first_year, last_year + 1)},
    }


def _role(role: PersonRole) -> dict[str, Any]:
    return {"title": role.title, "of": role.of, "sector": role.sector, "from": role.start, "to": role.end}


def lookup(kb: Knowledge, name: str, date: str | None = None) -> list[dict[str, Any]]:
    """Every entry ``name`` resolves to (a person, an organisation, a country), with what it
    stands for on ``date`` and why. Raises ValueError for a date that is not ISO."""
    if date is not None and not ISO_DATE.match(date):
        raise ValueError(f"expected an ISO date (2019, 2019-03 or 2019-03-01), got {date!r}")
    found: list[dict[str, Any]] = []
    person = kb.person_for(name)
    if person is not None:
        active = person.roles_on(date) if date else ()
        acting = next((r for r in reversed(active) if r.sector == "IGO"), None) or (
            active[-1] if active else None
        )
        if acting is not None:
            why = f"holds '{acting.title}' on {date}"
            country = None if acting.sector == "IGO" else person.country or acting.of
            sector = acting.sector
        else:
            why = "no dated role on that date; nationality and standing sector" if date else "no date given"
            country, sector = person.country, person.sector
        found.append(
            {
                "kind": "person",
                "name": person.name,
                "country": country,
                "sector": sector,
                "org": acting.of if acting is not None and acting.sector == "IGO" else None,
                "roles_on_date": [_role(r) for r in active],
                "roles": [_role(r) for r in person.roles],
                "aliases": list(person.aliases),
                "source": person.source or CURATED,
                "why": why,
            }
        )
    org = kb.organization_for(name)
    if org is not None:
        found.append(
            {
                "kind": org.kind,
                "name": org.name,
                "country": org.country,
                "sector": org.sector,
                "org": org.org,
                "aliases": list(org.aliases),
                "source": org.source or CURATED,
                "why": "a known organisation" if org.kind != "group" else "a known group",
            }
        )
    iso3 = kb.country_for(name)
    if iso3 is not None:
        state = kb.country(iso3)
        found.append(
            {
                "kind": "country",
                "name": state.name if state else iso3,
                "country": iso3,
                "sector": None,
                "source": CURATED,
                "why": "a country's name, adjective, capital, seat or code",
            }
        )
    return found

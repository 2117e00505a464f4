"""The parties of a report as dedup compares them: who acts and who is acted on, at the level known.

A party is compared by country (``c:RUS``), else organisation, else name, with its sector and
whether it is a named person. :func:`sides_match` holds when two reports name the same parties on a
side at the level both know (see :mod:`dyads.store.dedup` for the whole rule).
"""

from __future__ import annotations

from dataclasses import dataclass

from dyads.model import Actor


@dataclass(frozen=True)
class Party:
    """One party on one side of a report, as dedup compares it."""

    name: str  # lowercased, whitespace folded
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    person: bool = False  # a named person: reports naming two different people are not one event

    @property
    def identity(self) -> str:
        if self.country:
            return f"c:{self.country}"
        if self.org:
            return f"o:{self.org}"
        return f"n:{self.name}"

    @property
    def label(self) -> str:
        if self.country:
            return self.country + (f":{self.sector}" if self.sector else "")
        return self.org or self.name


def party_key(name: str, country: str | None, org: str | None) -> str:
    """The key events are indexed by: country, else organisation, else name."""
    return make_party(name, country, None, org).identity


def make_party(
    name: str, country: str | None, sector: str | None, org: str | None, person: bool = False
) -> Party:
    return Party(name=" ".join(name.lower().split()), country=country, sector=sector, org=org, person=person)


def actor_party(actor: Actor) -> Party:
    return make_party(actor.name, actor.country, actor.sector, actor.org, actor.kind == "person")


def _resolved(party: Party, other: frozenset[Party]) -> str:
    """A party's identity, or — unresolved — that of a party the other side names in the same words."""
    if party.country or party.org:
        return party.identity
    for twin in other:
        if twin.name == party.name:
            return twin.identity
    return party.identity


def sides_match(a: frozenset[Party], b: frozenset[Party], more: bool = True) -> bool:
    """The same parties at the level both reports know (see the module docstring); with ``more``,
    one report may name more parties of the side than the other ("Britain, France and Germany")."""
    if not a or not b:
        return not a and not b
    mine, theirs = {_resolved(p, b) for p in a}, {_resolved(q, a) for q in b}
    if not (mine == theirs or (more and (mine <= theirs or theirs <= mine))):
        return False
    for country in {p.country for p in a if p.country}:
        known_a = {p.sector for p in a if p.country == country and p.sector}
        known_b = {q.sector for q in b if q.country == country and q.sector}
        if known_a and known_b and known_a != known_b:
            return False
    people_a, people_b = {p.name for p in a if p.person}, {q.name for q in b if q.person}
    return not (people_a and people_b and people_a.isdisjoint(people_b))


def named_alike(a: frozenset[Party], b: frozenset[Party]) -> bool:
    return not {p.name for p in a}.isdisjoint(q.name for q in b)

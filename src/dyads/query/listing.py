"""A page of the event listing, fast on big stores: which event ids, in order, and how many match.

The listing (:func:`dyads.query.events.find_events`) orders events by date, undated ones last, then by
id. Sorting every match to show fifty is what made it slow, so the page is read off an index in
that order instead, in two legs: dated events along ``(date, id)``, then undated ones along ``id``.

- A filter on a country (``--actor MLI``, ``--recipient FRA:MIL``, ``--party RUS``) walks that
  country's rows of ``party_events`` (schema 6) through the indexes of schema 7 (with the confidence
  since schema 9), by type and date or by date; the role and sector are then checked on the event's
  parties, one index look-up each.
- Any other filter walks the events by type and date, or by date.

Every condition of :meth:`~dyads.query.filters.EventFilter.where` is still applied to the event itself,
so the rows are those of the general SQL, in the same order; the index only decides which
candidates are looked at first. The count stops at ``count_up_to`` matches (at least past the
page): counting every match of a broad filter over millions of events costs more than the page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from dyads.query.filters import EventFilter, country_spec, date_bound, party_side
from dyads.store import Store

COUNT_CAP = 1_000  # matches counted before a total is reported as "at least" (cost grows with it)
_SIZE_WINDOW = 100_000  # recent events sampled to tell which of two countries has fewer
_ROLES = (("actor", "actor"), ("recipient", "recipient"), ("party", None))


@dataclass(frozen=True)
class Listing:
    """The ids of one page, in listing order, and the number of matches (or a lower bound)."""

    ids: list[int]
    total: int
    total_is_lower_bound: bool


@dataclass(frozen=True)
class _Plan:
    """SQL pieces selecting the matching event ids: ``FROM …`` and ``WHERE …`` (without the date leg)."""

    source: str  # FROM clause, the driving table first
    where: str  # conditions, joined by AND (never empty)
    params: list[Any]
    date: str  # the column holding the event's date in the driving table
    key: str  # the column holding the event id in the driving table


def _recent_size(store: Store, country: str, after_id: int) -> int:
    """How many of the events after ``after_id`` a country has a part in (one index range)."""
    found = store.scalar(
        "SELECT COUNT(*) FROM party_events WHERE country = ? AND event_id > ?", [country, after_id]
    )
    return int(found or 0)


def _fewest_events(store: Store, countries: list[str]) -> str:
    """The country with the fewest events (the shortest walk), judged on the most recent
    ``_SIZE_WINDOW`` events: exact on a small store, a fair sample on a big one; ties go first."""
    after_id = int(store.scalar("SELECT MAX(id) FROM events") or 0) - _SIZE_WINDOW
    return min(countries, key=lambda code: _recent_size(store, code, after_id))


def plan(flt: EventFilter, store: Store | None = None) -> _Plan:
    """How to walk the matches of ``flt`` in listing order (see the module's description); with
    ``store``, from the country with the fewest events when the filter names several."""
    country_specs = [
        (spec.strip(), role) for name, role in _ROLES if (spec := getattr(flt, name)) and country_spec(spec)
    ]
    if not country_specs:
        where, where_params = flt.where()
        return _Plan("events e", where.removeprefix(" WHERE ") or "1", where_params, "e.date", "e.id")
    countries = list(dict.fromkeys(country_spec(spec)[0] for spec, _ in country_specs))  # type: ignore[index]
    country = _fewest_events(store, countries) if store and len(countries) > 1 else countries[0]

    # The country specs become look-ups on the event's parties; the other conditions stay as they are.
    def unless_country(spec: str | None) -> str | None:
        return None if spec and country_spec(spec) else spec

    rest, rest_params = dataclasses.replace(
        flt,
        actor=unless_country(flt.actor),
        recipient=unless_country(flt.recipient),
        party=unless_country(flt.party),
    ).where()
    clauses = [rest.removeprefix(" WHERE ")] if rest else []
    params: list[Any] = list(rest_params)
    for spec_here, role in country_specs:
        if role is None and spec_here == country:
            continue  # being in party_events under the country is the whole condition
        side, side_params = party_side(spec_here, "ea")
        role_sql = "ea.role = ? AND " if role else ""
        clauses.append(
            f"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = p.event_id AND {role_sql}{side})"
        )
        params += ([role] if role else []) + side_params
    # The same conditions on the copies party_events keeps of the event's columns, checked on the
    # index entry before the event is read.
    early = ["p.country = ?"]
    early_params: list[Any] = [country]
    if flt.types:
        early.append(f"p.type IN ({','.join('?' * len(flt.types))})")
        early_params += [t.upper() for t in flt.types]
    if flt.quad:
        early.append("p.quad = ?")
        early_params.append(flt.quad)
    if not flt.include_auxiliary:
        early.append("p.factual = 1")
    if flt.min_mentions > 1:
        early.append("p.n_mentions >= ?")
        early_params.append(flt.min_mentions)
    if flt.min_confidence:
        early.append("p.confidence >= ?")
        early_params.append(flt.min_confidence)
    for bound, test in ((date_bound(flt.since, False), ">="), (date_bound(flt.until, True), "<=")):
        if bound:
            early.append(f"p.date {test} ?")
            early_params.append(bound)
    return _Plan(
        "party_events p CROSS JOIN events e ON e.id = p.event_id",
        " AND ".join(early + clauses),
        early_params + params,
        "p.date",
        "p.event_id",
    )


def _ids(store: Store, p: _Plan, dated: bool, limit: int, offset: int) -> list[int]:
    leg, order = (f"{p.date} IS NOT NULL", f"{p.date}, {p.key}") if dated else (f"{p.date} IS NULL", p.key)
    found = store.conn.execute(
        f"SELECT {p.key} FROM {p.source} WHERE {leg} AND {p.where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*p.params, limit, offset],
    )
    return [int(row[0]) for row in found]


def _count(store: Store, p: _Plan, up_to: int | None, leg: str = "") -> int:
    inner = f"SELECT 1 FROM {p.source} WHERE {leg}{p.where}"
    if up_to is None:
        return int(store.scalar(f"SELECT COUNT(*) FROM ({inner})", p.params) or 0)
    return int(store.scalar(f"SELECT COUNT(*) FROM ({inner} LIMIT ?)", [*p.params, up_to]) or 0)


def find_page(
    store: Store, flt: EventFilter, limit: int, offset: int, count_up_to: int | None = COUNT_CAP
) -> Listing:
    """The ids of the events ``offset`` … ``offset + limit`` of the listing, and the count.

    The count is exact up to ``count_up_to`` (or always, with ``None``); past it, and past the page,
    ``total`` is the number counted and ``total_is_lower_bound`` is true: there are at least that
    many, and always more than the page reaches, so paging on while ``offset + limit < total``
    still reaches the end."""
    p = plan(flt, store)
    ids = _ids(store, p, True, limit, offset) if limit > 0 else []
    if len(ids) < limit and store.scalar("SELECT 1 FROM events WHERE date IS NULL LIMIT 1"):
        # The page runs past the dated events: the undated ones follow, by id.
        dated = offset + len(ids) if ids else _count(store, p, offset, f"{p.date} IS NOT NULL AND ")
        ids += _ids(store, p, False, limit - len(ids), max(0, offset - dated))
    bound = None if count_up_to is None else max(count_up_to, offset + limit + 1)
    total = _count(store, p, bound)
    return Listing(ids, total, bound is not None and total >= bound)

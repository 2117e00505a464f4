"""Stored event mentions read back as dedup keys, and the neighbourhood a mention's event depends on.

:func:`load_keys` builds the :class:`~dyads.store.dedup.MentionKey` of stored mentions from their
rows (parties from ``mention_actors``, place from ``places``, the order key from the article's
content hash). :func:`neighbourhood` collects every mention whose event could change when some
mentions arrive or leave: the connected part, around them, of the graph whose edges are the pairs
the dedup rule accepts, the pairs a user joined or split, and the pairs already sharing an event.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta

from dyads.store.dedup import DedupParams, MentionKey, PlaceKey, compatible, eligible, precision
from dyads.store.dedup_parties import make_party

_CHUNK = 500


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def load_keys(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, MentionKey]:
    out: dict[int, MentionKey] = {}
    for batch in _chunks(sorted(set(ids))):
        marks = ",".join("?" * len(batch))
        sides: dict[int, tuple[set, set]] = {i: (set(), set()) for i in batch}
        for mention, role, name, country, sector, org, kind in conn.execute(
            "SELECT ma.mention_id, ma.role, a.name, a.country, a.sector, a.org, a.kind FROM mention_actors ma"
            f" JOIN actors a ON a.id = ma.actor_id WHERE ma.mention_id IN ({marks})",
            batch,
        ):
            sides[mention][0 if role == "actor" else 1].add(
                make_party(name, country, sector, org, kind == "person")
            )
        for row in conn.execute(
            "SELECT m.id, a.content_hash || ':' || m.local_id, m.article_id, m.type, m.mode, m.auxiliary,"
            " m.confidence, m.date_basis, m.date_lo, m.date_hi, p.name, p.geonameid, p.country, p.feature, m.why"
            " FROM event_mentions m JOIN articles a ON a.id = m.article_id"
            f" LEFT JOIN places p ON p.id = m.place_id WHERE m.id IN ({marks})",
            batch,
        ):
            mid, order, article, kind, mode, aux, conf, basis, lo, hi, pname, geo, pcountry, feature, why = (
                row
            )
            place = None
            if pname or geo is not None:
                place = PlaceKey(
                    name=" ".join(str(pname or "").lower().split()) or None,
                    geonameid=geo,
                    country=pcountry,
                    is_country=feature == "country",
                )
            actors, recipients = sides[mid]
            out[mid] = MentionKey(
                id=mid,
                order=order,
                article=article,
                type=kind,
                actors=frozenset(actors),
                recipients=frozenset(recipients),
                lo=date.fromisoformat(lo) if lo else None,
                hi=date.fromisoformat(hi) if hi else None,
                basis=basis,
                place=place,
                mode=mode,
                auxiliary=aux,
                confidence=conf,
                verb=coded_verb(why),
                background=in_background(why),
            )
    return out


def in_background(why: str | None) -> bool:
    """Whether the analysis read the event in a background clause (its explanation says so)."""
    return bool(why) and "background clause" in str(why)


def coded_verb(why: str | None) -> str | None:
    """The lemma an event was coded from, as its explanation starts: "'accuse' → verb:accuse …"."""
    if not why or not why.startswith("'"):
        return None
    end = why.find("'", 1)
    return why[1:end].lower() if end > 1 else None


def _candidates(
    conn: sqlite3.Connection, key: MentionKey, params: DedupParams, threshold: float
) -> list[int]:
    """Mentions that may meet the rule with ``key``: of the same type, factual and confident enough,
    naming a country or a name it names on some side, and either in its article or — unless ``key``
    is dated only to a year, which merges only within its article — dated within reach of it."""
    assert key.lo and key.hi
    countries = sorted({p.country for p in key.actors | key.recipients if p.country})
    names = sorted({p.name for p in key.actors | key.recipients})
    if not countries and not names:
        return []
    shared = (
        "SELECT DISTINCT m.id FROM event_mentions m"
        " JOIN mention_actors ma ON ma.mention_id = m.id JOIN actors a ON a.id = ma.actor_id"
        " WHERE m.type = ? AND m.auxiliary IS NULL AND m.confidence >= ?"
        f" AND (a.country IN ({','.join('?' * len(countries))}) OR lower(a.name) IN ({','.join('?' * len(names))}))"
    )
    common = [key.type, threshold, *countries, *names]
    found = {r[0] for r in conn.execute(shared + " AND m.article_id = ?", [*common, key.article])}
    if precision(key) < 2 or key.basis == "published":
        reach = timedelta(days=params.twin_days)
        found.update(
            r[0]
            for r in conn.execute(
                shared + " AND m.date_lo <= ? AND m.date_hi >= ?",
                [*common, (key.hi + reach).isoformat(), (key.lo - reach).isoformat()],
            )
        )
    return sorted(found)


def _linked(conn: sqlite3.Connection, ids: list[int], follow_events: bool) -> set[int]:
    """Mentions tied to ``ids`` by a user's decision, or (``follow_events``) sharing an event with them."""
    out: set[int] = set()
    for batch in _chunks(ids):
        marks = ",".join("?" * len(batch))
        sql = (
            f"SELECT mention_b FROM dedup_decisions WHERE mention_a IN ({marks})"
            f" UNION SELECT mention_a FROM dedup_decisions WHERE mention_b IN ({marks})"
        )
        params = [*batch, *batch]
        if follow_events:
            sql += (
                " UNION SELECT m.id FROM event_mentions m WHERE m.event_id IN"
                f" (SELECT event_id FROM event_mentions WHERE id IN ({marks}))"
            )
            params += batch
        out.update(r[0] for r in conn.execute(sql, params))
    return out


def neighbourhood(
    conn: sqlite3.Connection,
    seeds: Iterable[int],
    params: DedupParams,
    threshold: float,
    follow_events: bool = True,
) -> dict[int, MentionKey]:
    """The keys of every mention connected to ``seeds`` (see the module docstring); without
    ``follow_events`` (re-clustering a whole store) the events they are in now are not followed."""
    loaded: dict[int, MentionKey] = {}

    def keys_of(ids: Iterable[int]) -> dict[int, MentionKey]:
        wanted = list(ids)
        loaded.update(load_keys(conn, [i for i in wanted if i not in loaded]))
        return {i: loaded[i] for i in wanted if i in loaded}

    component: set[int] = set()
    frontier = sorted(set(seeds))
    while frontier:
        fresh = keys_of(frontier)
        component.update(fresh)
        reached = _linked(conn, list(fresh), follow_events)
        for key in fresh.values():
            if eligible(key, threshold):
                near = keys_of(_candidates(conn, key, params, threshold))
                reached.update(i for i, other in near.items() if compatible(key, other, params, threshold))
        frontier = sorted(reached - component)
    return {i: loaded[i] for i in sorted(component)}

"""Corpus-wide summaries for dashboards and notebooks: what the corpus talks about most.

Quad-class series, top dyads, the most active parties and where events happen, partner networks, and
the actors and places named in most articles. Like the rest of :mod:`dyads.query`, each function
takes an open Store and returns plain rows; SQL uses bound parameters only. Dyads here are
country-level where a country is known, else the actor's name. The event counts are of the events at
or above ``min_confidence``, else the store's threshold (:mod:`dyads.query.confidence`).
"""

from __future__ import annotations

from typing import Any

from dyads.query.confidence import counting
from dyads.query.filters import EventFilter, bucket_sql, party_condition
from dyads.store import Page, Row, Store
from dyads.store.ontology import QUAD_NAMES

_PARTY = "COALESCE({a}.country, {a}.org, {a}.name)"


def _counted(store: Store, min_confidence: float | None) -> tuple[str, list[Any]]:
    """The condition (over ``e``) and parameters of the events a summary counts: factual ones at or
    above the threshold (``min_confidence``, else the store's)."""
    where, params = counting(store, EventFilter(min_confidence=min_confidence)).where()
    return where.removeprefix(" WHERE "), params


def quad_series(store: Store, by: str = "month", min_confidence: float | None = None) -> list[Row]:
    """Events per period by quad class: rows {period, verbal_cooperation, …, material_conflict}.

    An event known only to a coarser period than ``by`` counts in a period of its own ("2019" in a
    monthly series; :func:`~dyads.query.filters.bucket_sql`), not in the first period of it."""
    bucket = bucket_sql(by)
    counted, params = _counted(store, min_confidence)
    found = store.rows(
        f"SELECT {bucket} AS period, e.quad, COUNT(*) AS n FROM events e"
        f" WHERE {bucket} IS NOT NULL AND {counted} GROUP BY period, e.quad ORDER BY period",
        params,
    )
    names = {number: name for name, number in QUAD_NAMES.items()}
    periods: dict[str, Row] = {}
    for row in found:
        entry = periods.setdefault(row["period"], {"period": row["period"], **dict.fromkeys(QUAD_NAMES, 0)})
        entry[names[row["quad"]]] = row["n"]
    return list(periods.values())


def top_dyads(store: Store, limit: int = 15, min_confidence: float | None = None) -> list[Row]:
    """The most frequent directed dyads: rows {actor, recipient, events, mean_score}."""
    counted, params = _counted(store, min_confidence)
    return store.rows(
        f"SELECT {_PARTY.format(a='s')} AS actor, {_PARTY.format(a='t')} AS recipient,"
        " COUNT(DISTINCT e.id) AS events, ROUND(AVG(e.score), 2) AS mean_score"
        " FROM events e JOIN event_actors s ON s.event_id = e.id AND s.role = 'actor'"
        " JOIN event_actors t ON t.event_id = e.id AND t.role = 'recipient'"
        f" WHERE {counted} AND {_PARTY.format(a='s')} != {_PARTY.format(a='t')}"
        " GROUP BY actor, recipient ORDER BY events DESC, actor, recipient LIMIT ?",
        [*params, limit],
    )


def active_actors(store: Store, limit: int = 15, min_confidence: float | None = None) -> list[Row]:
    """Parties by the number of events they take part in: rows {key, label, events, mentions}."""
    counted, params = _counted(store, min_confidence)
    return store.rows(
        f"SELECT {_PARTY.format(a='ea')} AS key, {_PARTY.format(a='ea')} AS label,"
        " COUNT(DISTINCT e.id) AS events, SUM(e.n_mentions) AS mentions"
        f" FROM events e JOIN event_actors ea ON ea.event_id = e.id WHERE {counted}"
        " GROUP BY key ORDER BY events DESC, key LIMIT ?",
        [*params, limit],
    )


def event_places(store: Store, limit: int = 300, min_confidence: float | None = None) -> list[Row]:
    """Where events happen: rows {name, country, lat, lon, events}."""
    counted, params = _counted(store, min_confidence)
    return store.rows(
        "SELECT e.place_name AS name, e.place_country AS country, AVG(e.lat) AS lat, AVG(e.lon) AS lon,"
        f" COUNT(*) AS events FROM events e WHERE e.lat IS NOT NULL AND {counted}"
        " GROUP BY e.place_name, e.place_country ORDER BY events DESC LIMIT ?",
        [*params, limit],
    )


def counted_events(store: Store, min_confidence: float | None = None) -> int:
    """How many events the summaries count (factual, at or above the threshold), of all stored."""
    counted, params = _counted(store, min_confidence)
    return int(store.scalar(f"SELECT COUNT(*) FROM events e WHERE {counted}", params) or 0)


def partner_network(
    store: Store, party: str, limit: int = 25, min_confidence: float | None = None
) -> dict[str, Any]:
    """A party's partners: nodes and links weighted by events, coloured by mean score."""
    condition, params = party_condition(party, None)
    counted, counted_params = _counted(store, min_confidence)
    rows = store.rows(
        f"SELECT {_PARTY.format(a='o')} AS partner, COUNT(DISTINCT e.id) AS events,"
        " ROUND(AVG(e.score), 2) AS mean_score FROM events e JOIN event_actors o ON o.event_id = e.id"
        f" WHERE {condition} AND {counted} AND {_PARTY.format(a='o')} != ?"
        " AND o.country IS NOT ? GROUP BY partner ORDER BY events DESC LIMIT ?",
        [*params, *counted_params, party, party, limit],
    )
    nodes = [{"id": party, "label": party, "focus": True}]
    nodes += [{"id": r["partner"], "label": r["partner"], "focus": False} for r in rows]
    links = [
        {"source": party, "target": r["partner"], "events": r["events"], "mean_score": r["mean_score"]}
        for r in rows
    ]
    return {"nodes": nodes, "links": links}


def series_by_direction(rows: list[Row], key: str = "direction") -> dict[str, list[Row]]:
    """Fold dyad/compare rows into {series name: [{period, score, events}]} for line charts."""
    out: dict[str, dict[str, Row]] = {}
    for row in rows:
        if row.get("period") == "all":
            continue
        entry = out.setdefault(str(row[key]), {}).setdefault(
            row["period"], {"period": row["period"], "score": 0.0, "events": 0}
        )
        entry["score"] = round(entry["score"] + float(row.get("score_sum") or 0.0), 2)
        entry["events"] += int(row.get("events") or 0)
    return {name: list(periods.values()) for name, periods in out.items()}


def top_actors(
    store: Store, limit: int = 20, kind: str | None = None, country: str | None = None, offset: int = 0
) -> Page:
    """Actors by how many articles name them, paged. Rows: name, kind, country, sector, code,
    articles, mentions, as_actor (event mentions on the actor side), as_recipient."""
    clauses, params = [], []
    if kind:
        clauses.append("a.kind = ?")
        params.append(kind)
    if country:
        clauses.append("a.country = ?")
        params.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = store.scalar(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM actors a{where} GROUP BY a.name, a.kind, a.country)", params
    )
    items = store.rows(
        "SELECT a.name, a.kind, a.country, MAX(a.sector) AS sector, MAX(a.code) AS code,"
        " COUNT(DISTINCT a.article_id) AS articles, SUM(a.n_mentions) AS mentions,"
        " SUM((SELECT COUNT(*) FROM mention_actors ma WHERE ma.actor_id = a.id AND ma.role = 'actor')) AS as_actor,"
        " SUM((SELECT COUNT(*) FROM mention_actors ma WHERE ma.actor_id = a.id AND ma.role = 'recipient'))"
        f" AS as_recipient FROM actors a{where} GROUP BY a.name, a.kind, a.country"
        " ORDER BY articles DESC, mentions DESC, a.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=int(total or 0), offset=offset, limit=limit)


def top_places(store: Store, limit: int = 20, country: str | None = None, offset: int = 0) -> Page:
    """Places by how many articles name them, paged. Rows: name, country, feature, geonameid, lat,
    lon, articles, mentions, events (event mentions placed there)."""
    where, params = (" WHERE p.country = ?", [country]) if country else ("", [])
    total = store.scalar(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM places p{where} GROUP BY p.name, p.country)", params
    )
    items = store.rows(
        "SELECT p.name, p.country, p.feature, p.geonameid, p.lat, p.lon, COUNT(DISTINCT p.article_id) AS articles,"
        " (SELECT COUNT(*) FROM mentions mm JOIN places p2 ON p2.id = mm.place_id"
        "   WHERE p2.name = p.name AND p2.country IS p.country) AS mentions,"
        " (SELECT COUNT(*) FROM event_mentions em JOIN places p3 ON p3.id = em.place_id"
        "   WHERE p3.name = p.name AND p3.country IS p.country) AS events"
        f" FROM places p{where} GROUP BY p.name, p.country ORDER BY articles DESC, p.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=int(total or 0), offset=offset, limit=limit)

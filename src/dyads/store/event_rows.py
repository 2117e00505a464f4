"""One deduplicated event's row, parties and dyads, derived from all its mentions.

:func:`refresh_event` makes an event say what its mentions say together: the most precise date the
texts give (a day before a month before a year; the publication day only when no text dates it),
the most specific place (a named place before a country), the parties of every mention, the type
and first actor and recipient of its most specific mention, its counts and its confidence (the best
mention's). Rows change by UPDATE, INSERT and DELETE only where they differ, so the triggers keep the
rollup tables exact and an unchanged event costs nothing. Nothing here commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from dyads.store.dedup_parties import party_key
from dyads.store.ontology import is_mutual, quad_class


def _rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _width(row: dict[str, Any]) -> int:
    return 0 if row["date_lo"] == row["date_hi"] else 1 if row["date_lo"][:7] == row["date_hi"][:7] else 2


def _first_party(conn: sqlite3.Connection, mentions: Sequence[int], role: str) -> dict[str, Any]:
    """The first actor (or recipient) of the first mention, in cluster order, that names one."""
    for mention in mentions:
        found = _rows(
            conn,
            "SELECT a.name, a.code, a.country, a.sector FROM mention_actors ma JOIN actors a ON a.id = ma.actor_id"
            " WHERE ma.mention_id = ? AND ma.role = ? ORDER BY ma.position LIMIT 1",
            (mention, role),
        )
        if found:
            return found[0]
    return {"name": None, "code": None, "country": None, "sector": None}


def _fields(conn: sqlite3.Connection, mentions: Sequence[int]) -> dict[str, Any]:
    marks = ",".join("?" * len(mentions))
    rows = _rows(
        conn,
        "SELECT m.id, m.type, m.cameo, m.score, m.auxiliary, m.date_basis, m.date_lo, m.date_hi,"
        " a.content_hash || ':' || m.local_id AS ord, p.name AS place_name, p.country AS place_country,"
        " p.feature AS place_feature, p.geonameid, p.lat, p.lon FROM event_mentions m"
        " JOIN articles a ON a.id = m.article_id LEFT JOIN places p ON p.id = m.place_id"
        f" WHERE m.id IN ({marks})",
        list(mentions),
    )
    by_id = {r["id"]: r for r in rows}
    head = by_id[mentions[0]]
    dated = [r for r in rows if r["date_lo"]]
    texts = [r for r in dated if r["date_basis"] == "event"] or dated
    when = min(texts, key=lambda r: (_width(r), r["date_lo"], r["ord"])) if texts else None
    placed = [r for r in rows if r["place_name"]]
    where = min(placed, key=lambda r: (r["place_feature"] == "country", r["ord"])) if placed else None
    first, second = _first_party(conn, mentions, "actor"), _first_party(conn, mentions, "recipient")
    return {
        "type": head["type"],
        "quad": quad_class(head["type"], head["cameo"], head["score"]),
        "cameo": head["cameo"],
        "auxiliary": head["auxiliary"],
        "date": when["date_lo"] if when else None,
        "date_lo": when["date_lo"] if when else None,
        "date_hi": when["date_hi"] if when else None,
        **{k: (where or {}).get(k) for k in ("place_name", "place_country", "place_feature", "geonameid")},
        "lat": where["lat"] if where else None,
        "lon": where["lon"] if where else None,
        **{f"actor1_{k}": first[k] for k in ("name", "code", "country", "sector")},
        **{f"actor2_{k}": second[k] for k in ("name", "code", "country", "sector")},
    }


def _sync_parties(conn: sqlite3.Connection, event_id: int, mentions: Sequence[int]) -> None:
    marks = ",".join("?" * len(mentions))
    wanted: dict[tuple[str, str, str], tuple[Any, ...]] = {}
    for role, name, country, sector, org, code in conn.execute(
        "SELECT DISTINCT ma.role, a.name, a.country, a.sector, a.org, a.code FROM mention_actors ma"
        f" JOIN actors a ON a.id = ma.actor_id WHERE ma.mention_id IN ({marks})"
        " ORDER BY 1, 2, 3, 4, 5, 6",
        list(mentions),
    ):
        key = party_key(name, country, org)
        wanted.setdefault((role, key, name), (country, sector, org, code))
    have = {
        (r[0], r[1], r[2]): (r[3], r[4], r[5], r[6])
        for r in conn.execute(
            "SELECT role, key, name, country, sector, org, code FROM event_actors WHERE event_id = ?",
            (event_id,),
        )
    }
    for pk in sorted(have):
        if wanted.get(pk) != have[pk]:
            conn.execute(
                "DELETE FROM event_actors WHERE event_id = ? AND role = ? AND key = ? AND name = ?",
                (event_id, *pk),
            )
    conn.executemany(
        "INSERT INTO event_actors (event_id, role, key, name, country, sector, org, code)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(event_id, *pk, *row) for pk, row in sorted(wanted.items()) if have.get(pk) != row],
    )


def _sync_dyads(conn: sqlite3.Connection, event_id: int, event_type: str) -> None:
    """Actor × recipient country pairs, and — for a cooperative event of parties acting jointly,
    with no recipient — each ordered pair of its actors' countries (they cooperate with each other)."""
    parties = conn.execute(
        "SELECT DISTINCT role, country FROM event_actors WHERE event_id = ? AND country IS NOT NULL",
        (event_id,),
    ).fetchall()
    actors = sorted({c for r, c in parties if r == "actor"})
    recipients = sorted({c for r, c in parties if r == "recipient"})
    wanted = {(a, b) for a in actors for b in recipients}
    has_recipient = conn.execute(
        "SELECT 1 FROM event_actors WHERE event_id = ? AND role = 'recipient'", (event_id,)
    ).fetchone()
    if is_mutual(event_type) and not has_recipient:
        wanted |= {(a, b) for a in actors for b in actors if a != b}
    have = {
        (r[0], r[1])
        for r in conn.execute("SELECT source, target FROM event_dyads WHERE event_id = ?", (event_id,))
    }
    conn.executemany(
        "DELETE FROM event_dyads WHERE source = ? AND target = ? AND event_id = ?",
        [(*pair, event_id) for pair in sorted(have - wanted)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_dyads (source, target, event_id) VALUES (?, ?, ?)",
        [(*pair, event_id) for pair in sorted(wanted - have)],
    )


def refresh_event(conn: sqlite3.Connection, event_id: int, mentions: Sequence[int]) -> None:
    """Make event ``event_id`` what ``mentions`` (in cluster order, most specific first) say."""
    fields = _fields(conn, mentions)
    conn.execute(
        f"UPDATE events SET {', '.join(f'{k} = :{k}' for k in fields)} WHERE id = :event_id",
        {**fields, "event_id": event_id},
    )
    _sync_parties(conn, event_id, mentions)
    _sync_dyads(conn, event_id, fields["type"])
    conn.execute(
        "UPDATE events SET"
        " n_mentions = (SELECT COUNT(*) FROM event_mentions WHERE event_id = :e),"
        " n_articles = (SELECT COUNT(DISTINCT article_id) FROM event_mentions WHERE event_id = :e),"
        " n_sources = (SELECT COUNT(DISTINCT COALESCE(a.outlet, a.source, a.id)) FROM event_mentions m"
        "   JOIN articles a ON a.id = m.article_id WHERE m.event_id = :e),"
        " score = COALESCE((SELECT AVG(score) FROM event_mentions WHERE event_id = :e), score),"
        " confidence = COALESCE((SELECT MAX(confidence) FROM event_mentions WHERE event_id = :e), 0)"
        " WHERE id = :e",
        {"e": event_id},
    )

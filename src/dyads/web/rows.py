"""Event rows of :mod:`dyads.query` → what ``_events_table.html`` shows: the date at its precision,
the parties, the event's own page, the first article that reported it, and how sure the event is."""

from __future__ import annotations

from typing import Any

from dyads.query.confidence import store_threshold
from dyads.store import Row, Store
from dyads.web.confidence_view import confidence_shown
from dyads.web.render import when


def _first_sources(store: Store, rows: list[Row]) -> dict[int, Row]:
    """The first reporting article of each event (one query for the whole page)."""
    ids = [row["id"] for row in rows]
    if not ids:
        return {}
    found = store.rows(
        "SELECT m.event_id, a.doc_id AS article_id, a.title, m.local_id FROM event_mentions m"
        " JOIN articles a ON a.id = m.article_id WHERE m.id IN (SELECT MIN(id) FROM event_mentions"
        f" WHERE event_id IN ({','.join('?' * len(ids))}) GROUP BY event_id)",
        ids,
    )
    return {row["event_id"]: row for row in found}


def event_rows(store: Store, rows: list[Row], least: float | None = None) -> list[dict[str, Any]]:
    """The rows as the table shows them; ``counted``: whether the event reaches the threshold the
    counts use (``least``, else the store's), which the listing shows beside the others, greyed."""
    firsts = _first_sources(store, rows)
    least = store_threshold(store).value if least is None else least
    out = []
    for row in rows:
        sources = row.get("sources") or []
        first = firsts.get(row["id"]) or (sources[0] if sources else {})
        out.append(
            {
                "id": row["id"],
                "when": when(row),
                "type": row.get("type"),
                "quad_class": row.get("quad_class"),
                "auxiliary": row.get("auxiliary"),
                "actor_label": row.get("actor") or "?",
                "recipient_label": row.get("recipient"),
                "score": row.get("score"),
                "place": row.get("place"),
                "sentence": row.get("sentence") or "",
                "article_id": first.get("article_id") or "",
                "article_title": first.get("title") or row.get("source"),
                "local_id": first.get("local_id") or "",
                "mentions": row.get("n_mentions"),
                "confidence": row.get("confidence"),
                "confidence_text": confidence_shown(row.get("confidence")),
                "counted": (row.get("confidence") or 0.0) >= least,
                "articles": row.get("n_articles"),
            }
        )
    return out

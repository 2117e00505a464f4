"""The dashboard's directories: actors and places searched by name, with how much the corpus says
of each (articles naming them, events they take part in), paged.

A search matches any part of a name or code, without regard to case; ``%`` and ``_`` in what the
user typed are matched literally.
"""

from __future__ import annotations

from dyads.store import Page, Store


def _like(text: str) -> str:
    """A user's words as a LIKE pattern matching them anywhere, wildcards escaped (ESCAPE '\\')."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def find_actors(store: Store, search: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Actors by how many articles name them. Rows: name, kind, country, sector, code, articles,
    events (deduplicated events they are a party to under this name)."""
    where, params = "", []
    if search and search.strip():
        where = (
            " WHERE a.name LIKE ? ESCAPE '\\' OR a.code LIKE ? ESCAPE '\\' OR a.country LIKE ? ESCAPE '\\'"
        )
        params = [_like(search)] * 3
    total = int(
        store.scalar(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM actors a{where} GROUP BY a.name, a.kind, a.country)", params
        )
        or 0
    )
    items = store.rows(
        "SELECT a.name, a.kind, a.country, MAX(a.sector) AS sector, MAX(a.code) AS code,"
        " COUNT(DISTINCT a.article_id) AS articles,"
        " (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.name = a.name) AS events"
        f" FROM actors a{where} GROUP BY a.name, a.kind, a.country"
        " ORDER BY articles DESC, a.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)


def find_places(store: Store, search: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Places by how many articles name them. Rows: name, country, feature, lat, lon, articles,
    events (deduplicated events placed there)."""
    where, params = "", []
    if search and search.strip():
        where = " WHERE p.name LIKE ? ESCAPE '\\' OR p.country LIKE ? ESCAPE '\\'"
        params = [_like(search)] * 2
    total = int(
        store.scalar(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM places p{where} GROUP BY p.name, p.country)", params
        )
        or 0
    )
    items = store.rows(
        "SELECT p.name, p.country, MAX(p.feature) AS feature, AVG(p.lat) AS lat, AVG(p.lon) AS lon,"
        " COUNT(DISTINCT p.article_id) AS articles,"
        " (SELECT COUNT(*) FROM events e WHERE e.place_name = p.name AND e.place_country IS p.country) AS events"
        f" FROM places p{where} GROUP BY p.name, p.country ORDER BY articles DESC, p.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)

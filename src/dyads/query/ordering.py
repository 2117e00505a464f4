"""The event listing in another order than oldest first: newest first, by type, score, mentions
or place (the dashboard's sortable columns).

Oldest first is :func:`dyads.query.events.find_events` (read off the indexes). Any other order walks
the matches in two legs, those with a value in the sort column and then those without (by id), so
``e.date DESC`` can walk the date index backwards instead of sorting every match.
"""

from __future__ import annotations

from dyads.query.events import EVENT_COLUMNS, EventPage, find_events, labelled
from dyads.query.filters import EventFilter
from dyads.query.listing import COUNT_CAP
from dyads.store import Store

SORT_COLUMNS = {
    "date": "e.date",
    "type": "e.type",
    "score": "e.score",
    "mentions": "e.n_mentions",
    "place": "e.place_name",
}
DEFAULT_SORT = "-date"  # newest first


def parse_sort(sort: str | None) -> tuple[str, bool]:
    """``"-date"`` → ("date", descending). Refuses a column that is not sortable."""
    text = (sort or DEFAULT_SORT).strip()
    descending = text.startswith("-")
    key = text.lstrip("-+")
    if key not in SORT_COLUMNS:
        raise ValueError(f"sort: unknown column {key!r}; expected one of {', '.join(SORT_COLUMNS)}")
    return key, descending


def find_events_sorted(
    store: Store,
    flt: EventFilter | None = None,
    sort: str | None = DEFAULT_SORT,
    limit: int = 50,
    offset: int = 0,
    count_up_to: int | None = COUNT_CAP,
) -> EventPage:
    """A page of :func:`find_events` rows ordered by ``sort`` ("date", "-date", "score", "-mentions"…);
    ties and rows with no value (last) go by id in the same direction."""
    flt = flt or EventFilter()
    key, descending = parse_sort(sort)
    if key == "date" and not descending:
        return find_events(store, flt, limit=limit, offset=offset, count_up_to=count_up_to)
    column, direction = SORT_COLUMNS[key], "DESC" if descending else "ASC"
    where, params = flt.where()
    condition = where.removeprefix(" WHERE ") or "1"
    ids: list[int] = []
    with_value = int(
        store.scalar(f"SELECT COUNT(*) FROM events e WHERE {column} IS NOT NULL AND {condition}", params) or 0
    )
    if offset < with_value:
        ids += [
            int(r[0])
            for r in store.conn.execute(
                f"SELECT e.id FROM events e WHERE {column} IS NOT NULL AND {condition}"
                f" ORDER BY {column} {direction}, e.id {direction} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]
    if len(ids) < limit:
        ids += [
            int(r[0])
            for r in store.conn.execute(
                f"SELECT e.id FROM events e WHERE {column} IS NULL AND {condition}"
                f" ORDER BY e.id {direction} LIMIT ? OFFSET ?",
                [*params, limit - len(ids), max(0, offset - with_value)],
            )
        ]
    found = store.rows(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({','.join('?' * len(ids))})", ids
    )
    by_id = {row["id"]: row for row in found}
    without_value = int(
        store.scalar(f"SELECT COUNT(*) FROM events e WHERE {column} IS NULL AND {condition}", params) or 0
    )
    return EventPage(labelled([by_id[i] for i in ids]), with_value + without_value, offset, limit)

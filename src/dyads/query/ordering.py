"""The event listing in another order than oldest first: newest first, by type, score, mentions,
place or confidence (the dashboard's sortable columns).

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
    "confidence": "e.confidence",
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
    ties and rows with no value (last) go by id in the same direction. The total is exact up to
    ``count_up_to`` matches, a lower bound past it, as in :func:`find_events`."""
    flt = flt or EventFilter()
    key, descending = parse_sort(sort)
    if key == "date" and not descending:
        return find_events(store, flt, limit=limit, offset=offset, count_up_to=count_up_to)
    column, direction = SORT_COLUMNS[key], "DESC" if descending else "ASC"
    where, params = flt.where()
    condition = where.removeprefix(" WHERE ") or "1"

    def leg(has_value: bool, count: int, skip: int) -> list[int]:
        test, order = (
            (f"{column} IS NOT NULL", f"{column} {direction}, e.id {direction}")
            if has_value
            else (
                f"{column} IS NULL",
                f"e.id {direction}",
            )
        )
        found = store.conn.execute(
            f"SELECT e.id FROM events e WHERE {test} AND {condition} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, count, skip],
        )
        return [int(row[0]) for row in found]

    def counted(test: str, up_to: int | None) -> int:
        inner = f"SELECT 1 FROM events e WHERE {test}{condition}" + (" LIMIT ?" if up_to is not None else "")
        return int(
            store.scalar(
                f"SELECT COUNT(*) FROM ({inner})", [*params, *([up_to] if up_to is not None else [])]
            )
            or 0
        )

    ids = leg(True, limit, offset) if limit > 0 else []
    if len(ids) < limit:
        # The page runs past the rows with a value: those without follow, by id.
        with_value = offset + len(ids) if ids else counted(f"{column} IS NOT NULL AND ", offset)
        ids += leg(False, limit - len(ids), max(0, offset - with_value))
    found = store.rows(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({','.join('?' * len(ids))})", ids
    )
    by_id = {row["id"]: row for row in found}
    # Counted as the oldest-first listing counts: exactly up to count_up_to (at least past the page).
    bound = None if count_up_to is None else max(count_up_to, offset + limit + 1)
    total = counted("", bound)
    return EventPage(
        labelled([by_id[i] for i in ids]), total, offset, limit, bound is not None and total >= bound
    )

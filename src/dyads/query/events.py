"""Deduplicated events as rows: the listing (filtered, by date, paged) and one event in full.

Events here are deduplicated events (one row however many sentences reported it); by default those
the text negates or only predicts or supposes (auxiliary negation/future/hypothetical) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyads.query.filters import EventFilter
from dyads.query.listing import COUNT_CAP, find_page
from dyads.query.parties import resolve_filter
from dyads.store import Page, Row, Store
from dyads.store.ontology import QUAD_LABELS

# The event's date as precisely as its reports give it (the most precise a text gives): a day, a
# whole month, a whole year, or else the range of days (a week: "2020-07-06/2020-07-12").
_WHEN = (
    "CASE WHEN e.date_lo IS NULL THEN NULL WHEN e.date_lo = e.date_hi THEN e.date_lo"
    " WHEN substr(e.date_lo, 9, 2) = '01' AND date(e.date_lo, '+1 month', '-1 day') = e.date_hi"
    "   THEN substr(e.date_lo, 1, 7)"
    " WHEN substr(e.date_lo, 6, 5) = '01-01' AND substr(e.date_hi, 1, 4) || substr(e.date_hi, 6, 5)"
    "   = substr(e.date_lo, 1, 4) || '12-31' THEN substr(e.date_lo, 1, 4)"
    " ELSE e.date_lo || '/' || e.date_hi END"
)
# The columns of an event row (over events ``e``), shared by the listing, one event and timelines.
# ``date`` is the date as precise as known, like ``when`` (kept under its old name): an event known
# only as 2012 is "2012", never "2012-01-01".
EVENT_COLUMNS = (
    f'e.id, {_WHEN} AS date, {_WHEN} AS "when", e.type, e.quad, e.cameo, ROUND(e.score, 2) AS score, e.auxiliary,'
    " (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT name FROM event_actors"
    "   WHERE event_id = e.id AND role = 'actor' ORDER BY name)) AS actor,"
    " (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT name FROM event_actors"
    "   WHERE event_id = e.id AND role = 'recipient' ORDER BY name)) AS recipient,"
    " e.place_name AS place, e.place_country, e.lat, e.lon, e.n_mentions, e.n_articles, e.n_sources,"
    " e.confidence,"
    " (SELECT s.text FROM event_mentions m JOIN sentences s ON s.id = m.sentence_id"
    "   WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS sentence,"
    " (SELECT COALESCE(a.url, a.source, a.doc_id) FROM event_mentions m JOIN articles a ON a.id = m.article_id"
    "   WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS source"
)


def labelled(rows: list[Row]) -> list[Row]:
    """The rows, each with a readable ``quad_class`` beside its quad number."""
    for row in rows:
        if "quad" in row:
            row["quad_class"] = QUAD_LABELS.get(row["quad"])
    return rows


@dataclass(frozen=True)
class EventPage(Page):
    """A page of events; ``total_is_lower_bound`` when counting stopped at ``total`` matches
    (there are at least that many, and more than the page reaches)."""

    total_is_lower_bound: bool = False


def find_events(
    store: Store,
    flt: EventFilter | None = None,
    limit: int = 50,
    offset: int = 0,
    count_up_to: int | None = COUNT_CAP,
    use_indexes: bool = True,
) -> EventPage:
    """Deduplicated events matching ``flt``, by date (undated ones last), then id; paged.

    Rows: id, when (as precise as reported: 2019, 2019-06, 2019-06-25; a range lo/hi when it is
    none of these), date (the same), type, quad,
    quad_class, cameo, score, auxiliary, actor, recipient (names, comma separated), place, place_country, lat, lon, n_mentions, n_articles, n_sources, confidence (that of
    its best report), sentence (of the first report), source (URL or input of the first report).

    Every event is listed, whatever its confidence, unless ``flt.min_confidence`` says otherwise
    (the listing counts nothing, so the store's threshold does not apply).

    The total is exact up to ``count_up_to`` matches (``None``: always); past that it is a lower
    bound (see :class:`EventPage`). The page is read off the indexes of schema 7
    (:mod:`dyads.query.listing`); ``use_indexes=False`` runs the general SQL instead, which
    sorts every match (the reference the fast path is tested against). Parties are resolved
    first (:func:`~dyads.query.parties.resolve_party`: "mali", "Lavrov"); an unknown one raises
    :class:`~dyads.query.parties.UnknownParty`.
    """
    flt = resolve_filter(store, flt or EventFilter())
    if use_indexes:
        found_page = find_page(store, flt, limit, offset, count_up_to)
        found = store.rows(
            f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({','.join('?' * len(found_page.ids))})",
            found_page.ids,
        )
        by_id = {row["id"]: row for row in found}
        items = [by_id[i] for i in found_page.ids]
        return EventPage(labelled(items), found_page.total, offset, limit, found_page.total_is_lower_bound)
    where, params = flt.where()
    total = int(store.scalar(f"SELECT COUNT(*) FROM events e{where}", params) or 0)
    # Pick the page's ids first: the per-event subqueries then run for the page only.
    items = store.rows(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT e.id FROM events e{where}"
        " ORDER BY e.date IS NULL, e.date, e.id LIMIT ? OFFSET ?) ORDER BY e.date IS NULL, e.date, e.id",
        [*params, limit, offset],
    )
    return EventPage(labelled(items), total, offset, limit)


def get_event(store: Store, event_id: int) -> Row | None:
    """One event with its parties and every mention (sentence, trigger, article, date basis), each
    with ``merged_because``: why dedup put it in this event (None for the event's first report)."""
    found = store.rows(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,))
    if not found:
        return None
    event = labelled(found)[0]
    event["parties"] = store.rows(
        "SELECT role, name, country, sector, org, code FROM event_actors WHERE event_id = ? ORDER BY role, name",
        (event_id,),
    )
    event["mentions"] = store.rows(
        "SELECT m.id, m.local_id, m.article_id, a.doc_id, a.title, a.published, a.outlet, a.url, a.source,"
        " s.text AS sentence, m.trigger_text, m.score, m.date, m.date_basis, m.mode, m.confidence, m.why,"
        " m.merged_because"
        " FROM event_mentions m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN sentences s ON s.id = m.sentence_id WHERE m.event_id = ?"
        " ORDER BY m.merged_because IS NOT NULL, m.id",
        (event_id,),
    )
    return event

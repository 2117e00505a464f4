"""The questions analysts ask of a corpus store: events, dyads, timelines, comparisons, quotes, search.

Every function takes an open :class:`~dyads.store.Store` (``open_store(path, readonly=True)``) and
returns plain rows (``dict``) or a :class:`~dyads.store.Page` of rows, ready for JSON, tables or
pandas (``pandas.DataFrame(rows)``). All SQL uses bound parameters.

Party specs (who): ``"MLI"`` a country — anyone in it (government, army, rebels, people);
``"MLI:MIL"`` or ``"MLIMIL"`` a country's sector; anything else a name or organisation
(``"Wagner Group"``, ``"ECOWAS"``), matched without regard to case.

Events here are deduplicated events (one row however many sentences reported it); by default those
the text negates or only predicts or supposes (auxiliary negation/future/hypothetical) are left out.

- :func:`find_events` — events filtered by actor/recipient, type, quad class, dates, place, text; paged.
- :func:`get_event` — one event with every mention: sentence, trigger, article.
- :func:`dyad_series` — counts by period and type, summed and mean scores, in both directions.
- :func:`timeline` — the key events of one party, in date order, with sources.
- :func:`compare` — how much cooperation and conflict each partner has with a target, by period.
- :func:`search_quotes` / :func:`search_sentences` — full text search (FTS5) with speaker filter.
- :func:`top_actors` / :func:`top_places` — what the corpus talks about most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dyads import analytics_listing, analytics_rollups
from dyads.store import Page, Row, Store
from dyads.store.dedup import date_range
from dyads.store.ontology import QUAD_LABELS

PERIODS = {
    "day": "substr({d}, 1, 10)",
    "week": "strftime('%Y-W%W', {d})",
    "month": "substr({d}, 1, 7)",
    "quarter": "substr({d}, 1, 4) || '-Q' || ((CAST(substr({d}, 6, 2) AS INTEGER) + 2) / 3)",
    "year": "substr({d}, 1, 4)",
}
NOT_FACTUAL = ("negation", "future", "hypothetical")
# Scores are summed as integers in billionths of a point: exact, so a sum does not depend on the
# order rows are added in, and the events and the rollups of schema 6 give the same figures.
SCORE_NANOS = "CAST(round(e.score * 1000000000) AS INTEGER)"
_COUNTRY = re.compile(r"^([A-Z]{3})(?::?([A-Z]{3}))?$")


def period_sql(by: str, column: str = "e.date") -> str:
    """The SQL expression that buckets ``column`` by day, week, month, quarter or year."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: expected one of {', '.join(PERIODS)}")
    return PERIODS[by].format(d=column)


def _side(spec: str, alias: str = "ea") -> tuple[str, list[Any]]:
    """The condition on one event_actors row for a party spec, whatever its role."""
    spec = spec.strip()
    match = _COUNTRY.match(spec)
    if match and match[2]:
        return f"{alias}.country = ? AND {alias}.sector = ?", [match[1], match[2]]
    if match:
        return f"{alias}.country = ?", [match[1]]
    return f"({alias}.name = ? COLLATE NOCASE OR {alias}.org = ? COLLATE NOCASE)", [spec, spec]


def within_one_period(by: str) -> str:
    """SQL keeping the events whose date range lies within one period: an event known only as
    "2019" has no place in a quarterly series (it would all pile up in the first quarter)."""
    return f"e.date IS NOT NULL AND {period_sql(by, 'e.date_lo')} = {period_sql(by, 'e.date_hi')}"


def party_condition(spec: str, role: str | None, alias: str = "ea") -> tuple[str, list[Any]]:
    """SQL (over events ``e``) and parameters selecting the events whose ``role`` side matches ``spec``."""
    inner, params = _side(spec, alias)
    if role:
        inner, params = f"{alias}.role = ? AND {inner}", [role, *params]
    return f"e.id IN (SELECT {alias}.event_id FROM event_actors {alias} WHERE {inner})", params


def dyad_condition(source: str, target: str) -> tuple[str, list[Any]]:
    """SQL (over events ``e``) selecting events from ``source``'s side to ``target``'s.

    Two plain countries read the ``event_dyads`` table (one index range); anything else
    intersects the two sides through event_actors."""
    if _is_country(source) and _is_country(target):
        return (
            "e.id IN (SELECT d.event_id FROM event_dyads d WHERE d.source = ? AND d.target = ?)",
            [source.strip(), target.strip()],
        )
    a_sql, a_params = party_condition(source, "actor", "ea1")
    b_sql, b_params = party_condition(target, "recipient", "ea2")
    return f"{a_sql} AND {b_sql}", [*a_params, *b_params]


def _is_country(spec: str) -> bool:
    match = _COUNTRY.match(spec.strip())
    return match is not None and not match[2]


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: each word quoted, all required ("U.S." stays a word)."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _bound(value: str | None, end: bool) -> str | None:
    if not value:
        return None
    span = date_range(value)
    if span is None:
        raise ValueError(f"not an ISO date: {value!r}")
    return (span[1] if end else span[0]).isoformat()


@dataclass(frozen=True)
class EventFilter:
    """Which deduplicated events to select. Empty fields select everything."""

    actor: str | None = None  # party spec on the actor (source) side
    recipient: str | None = None  # party spec on the recipient (target) side
    party: str | None = None  # party spec on either side
    types: tuple[str, ...] = ()  # PLOVER types
    quad: int | None = None  # 1 verbal cooperation … 4 material conflict
    since: str | None = None  # ISO date (a year or month counts from its start)
    until: str | None = None  # ISO date (a year or month counts to its end)
    place: str | None = None  # place name, or a country code for events placed in that country
    text: str | None = None  # words that a sentence reporting the event contains (full text search)
    min_mentions: int = 1
    include_auxiliary: bool = False  # also negated, future and hypothetical events
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = field(default=())  # internal: more conditions

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: Sequence[Any] = ()) -> None:
            clauses.append(sql)
            params.extend(values)

        for spec, role in ((self.actor, "actor"), (self.recipient, "recipient"), (self.party, None)):
            if spec:
                add(*party_condition(spec, role))
        if self.types:
            add(f"e.type IN ({','.join('?' * len(self.types))})", [t.upper() for t in self.types])
        if self.quad:
            add("e.quad = ?", [self.quad])
        since, until = _bound(self.since, False), _bound(self.until, True)
        if since:
            add("e.date >= ?", [since])
        if until:
            add("e.date <= ?", [until])
        if self.place:
            if _COUNTRY.match(self.place) and len(self.place) == 3:
                add("e.place_country = ?", [self.place])
            else:
                add("e.place_name = ? COLLATE NOCASE", [self.place])
        if self.text:
            add(
                "e.id IN (SELECT m.event_id FROM sentences_fts JOIN event_mentions m"
                " ON m.sentence_id = sentences_fts.rowid WHERE sentences_fts MATCH ?)",
                [fts_query(self.text)],
            )
        if self.min_mentions > 1:
            add("e.n_mentions >= ?", [self.min_mentions])
        if not self.include_auxiliary:
            add(
                f"(e.auxiliary IS NULL OR e.auxiliary NOT IN ({','.join('?' * len(NOT_FACTUAL))}))",
                NOT_FACTUAL,
            )
        for sql, values in self.extra:
            add(sql, values)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# The event's date as precisely as its first report gave it: a day, a month, a year or a range.
_WHEN = (
    "CASE WHEN e.date_lo IS NULL THEN NULL WHEN e.date_lo = e.date_hi THEN e.date_lo"
    " WHEN substr(e.date_lo, 1, 7) = substr(e.date_hi, 1, 7) THEN substr(e.date_lo, 1, 7)"
    " WHEN substr(e.date_lo, 6, 5) = '01-01' AND substr(e.date_hi, 1, 4) || substr(e.date_hi, 6, 5)"
    "   = substr(e.date_lo, 1, 4) || '12-31' THEN substr(e.date_lo, 1, 4)"
    " ELSE e.date_lo || '/' || e.date_hi END"
)
_EVENT_COLUMNS = (
    f'e.id, e.date, {_WHEN} AS "when", e.type, e.quad, e.cameo, ROUND(e.score, 2) AS score, e.auxiliary,'
    " (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT name FROM event_actors"
    "   WHERE event_id = e.id AND role = 'actor' ORDER BY name)) AS actor,"
    " (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT name FROM event_actors"
    "   WHERE event_id = e.id AND role = 'recipient' ORDER BY name)) AS recipient,"
    " e.place_name AS place, e.place_country, e.lat, e.lon, e.n_mentions, e.n_articles, e.n_sources,"
    " (SELECT s.text FROM event_mentions m JOIN sentences s ON s.id = m.sentence_id"
    "   WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS sentence,"
    " (SELECT COALESCE(a.url, a.source, a.doc_id) FROM event_mentions m JOIN articles a ON a.id = m.article_id"
    "   WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS source"
)


def _labelled(rows: list[Row]) -> list[Row]:
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
    count_up_to: int | None = analytics_listing.COUNT_CAP,
    use_indexes: bool = True,
) -> EventPage:
    """Deduplicated events matching ``flt``, by date (undated ones last), then id; paged.

    Rows: id, date (first day), when (as precise as reported: 2019, 2019-06, 2019-06-25), type, quad,
    quad_class, cameo, score, auxiliary, actor, recipient (names, comma separated), place, place_country, lat, lon, n_mentions, n_articles, n_sources, sentence (of the
    first report), source (URL or input of the first report).

    The total is exact up to ``count_up_to`` matches (``None``: always); past that it is a lower
    bound (see :class:`EventPage`). The page is read off the indexes of schema 7
    (:mod:`dyads.analytics_listing`); ``use_indexes=False`` runs the general SQL instead, which
    sorts every match (the reference the fast path is tested against).
    """
    flt = flt or EventFilter()
    if use_indexes:
        listing = analytics_listing.page(store, flt, limit, offset, count_up_to)
        found = store.rows(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id IN ({','.join('?' * len(listing.ids))})",
            listing.ids,
        )
        by_id = {row["id"]: row for row in found}
        items = [by_id[i] for i in listing.ids]
        return EventPage(_labelled(items), listing.total, offset, limit, listing.total_is_lower_bound)
    where, params = flt.where()
    total = int(store.scalar(f"SELECT COUNT(*) FROM events e{where}", params) or 0)
    # Pick the page's ids first: the per-event subqueries then run for the page only.
    items = store.rows(
        f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT e.id FROM events e{where}"
        " ORDER BY e.date IS NULL, e.date, e.id LIMIT ? OFFSET ?) ORDER BY e.date IS NULL, e.date, e.id",
        [*params, limit, offset],
    )
    return EventPage(_labelled(items), total, offset, limit)


def get_event(store: Store, event_id: int) -> Row | None:
    """One event with its parties and every mention (sentence, trigger, article, date basis)."""
    found = store.rows(f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id = ?", (event_id,))
    if not found:
        return None
    event = _labelled(found)[0]
    event["parties"] = store.rows(
        "SELECT role, name, country, sector, org, code FROM event_actors WHERE event_id = ? ORDER BY role, name",
        (event_id,),
    )
    event["mentions"] = store.rows(
        "SELECT m.id, m.local_id, m.article_id, a.doc_id, a.title, a.published, a.outlet, a.url, a.source,"
        " s.text AS sentence, m.trigger_text, m.score, m.date, m.date_basis, m.mode, m.confidence, m.why"
        " FROM event_mentions m JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN sentences s ON s.id = m.sentence_id WHERE m.event_id = ? ORDER BY m.id",
        (event_id,),
    )
    return event


def dyad_series(
    store: Store,
    first: str,
    second: str,
    by: str = "month",
    both_directions: bool = True,
    flt: EventFilter | None = None,
    use_rollups: bool = True,
) -> list[Row]:
    """Events between two parties by period, direction and type.

    Rows: period, direction ("RUS→MLI"), source, target, type, quad, quad_class, events, mentions,
    score_sum, score_mean (mean over events of their mean score). Events dated less precisely than
    the period (a year, in a monthly series) are left out. Two country codes read the dyads table,
    where countries acting jointly in a cooperative event count in both directions.
    """
    bucket = period_sql(by)
    pairs = [(first, second)] + ([(second, first)] if both_directions and first != second else [])
    rows: list[Row] = []
    base = flt or EventFilter()
    for source, target in pairs:
        fast = (
            analytics_rollups.dyad_rows(store, source, target, by, base, NOT_FACTUAL) if use_rollups else None
        )
        if fast is not None:
            rows.extend(fast)
            continue
        pair_sql, pair_params = dyad_condition(source, target)
        extra = ((pair_sql, tuple(pair_params)), (within_one_period(by), ()))
        where, params = EventFilter(**{**base.__dict__, "extra": base.extra + extra}).where()
        found = store.rows(
            f"SELECT {bucket} AS period, ? AS direction, ? AS source, ? AS target, e.type, e.quad,"
            " COUNT(*) AS events, SUM(e.n_mentions) AS mentions,"
            f" ROUND(SUM({SCORE_NANOS}) / 1e9, 2) AS score_sum,"
            f" ROUND(SUM({SCORE_NANOS}) / 1e9 / COUNT(*), 2) AS score_mean FROM events e{where}"
            " GROUP BY period, e.type ORDER BY period, e.quad, e.type",
            [f"{source}→{target}", source, target, *params],
        )
        rows.extend(found)
    rows.sort(key=lambda r: (r["period"], r["direction"] != f"{first}→{second}", r["quad"], r["type"]))
    return _labelled(rows)


def timeline(
    store: Store,
    party: str,
    limit: int = 25,
    flt: EventFilter | None = None,
    sources: int = 3,
    use_rollups: bool = True,
) -> list[Row]:
    """The key events of a party (on either side), deduplicated, in date order, with sources.

    "Key" ranks events by how many articles reported them, then mentions, then the strength of the
    score; the ``limit`` strongest are returned in date order. Each row is a :func:`find_events` row
    plus ``sources``: up to ``sources`` distinct reports (title, outlet, published, url or input).
    """
    base = flt or EventFilter()
    a_sql, a_params = party_condition(party, None)
    ids = analytics_rollups.timeline_ids(store, party, limit, base) if use_rollups else None
    if ids is not None:
        rows = store.rows(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id IN ({','.join('?' * len(ids))})"
            " ORDER BY e.date, e.id",
            ids,
        )
    else:
        where, params = EventFilter(
            **{**base.__dict__, "extra": (*base.extra, (a_sql, tuple(a_params)), ("e.date IS NOT NULL", ()))}
        ).where()
        rows = store.rows(
            f"SELECT {_EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT e.id FROM events e{where}"
            " ORDER BY e.n_articles DESC, e.n_mentions DESC, ABS(e.score) DESC, e.date, e.id LIMIT ?)"
            " ORDER BY e.date, e.id",
            [*params, limit],
        )
    for row in rows:
        row["sources"] = store.rows(
            "SELECT a.id AS article_id, a.title, a.outlet, a.published, COALESCE(a.url, a.source) AS url"
            " FROM articles a WHERE a.id IN (SELECT article_id FROM event_mentions WHERE event_id = ?)"
            " ORDER BY a.published, a.id LIMIT ?",
            (row["id"], sources),
        )
    return _labelled(rows)


def compare(
    store: Store,
    target: str,
    partners: Sequence[str],
    by: str = "quarter",
    flt: EventFilter | None = None,
    use_rollups: bool = True,
) -> list[Row]:
    """Who gains cooperation and who conflict with ``target``: one row per partner and period.

    Counts both directions (partner→target and target→partner). Rows: partner, period, events,
    cooperation (quad 1+2), verbal_cooperation, material_cooperation, conflict (quad 3+4),
    verbal_conflict, material_conflict, score_sum, score_mean, balance (cooperation − conflict).
    A final row per partner with period "all" sums its periods. As in :func:`dyad_series`, events
    dated less precisely than the period are left out.
    """
    period_sql(by)  # refuses an unknown period before anything is read
    base = flt or EventFilter()
    out: list[Row] = []
    for partner in partners:
        fast = (
            analytics_rollups.compare_rows(store, target, partner, by, base, NOT_FACTUAL)
            if use_rollups
            else None
        )
        found = fast if fast is not None else _compare_events(store, target, partner, by, base)
        for row in found:
            row["balance"] = row["cooperation"] - row["conflict"]
        out.extend(found)
        total: Row = {"partner": partner, "period": "all"}
        for column in (
            "events",
            "cooperation",
            "verbal_cooperation",
            "material_cooperation",
            "conflict",
            "verbal_conflict",
            "material_conflict",
        ):
            total[column] = sum(r[column] for r in found)
        total["score_sum"] = round(sum(r["score_sum"] or 0 for r in found), 2)
        total["score_mean"] = round(total["score_sum"] / total["events"], 2) if total["events"] else None
        total["balance"] = total["cooperation"] - total["conflict"]
        out.append(total)
    return out


def _compare_events(store: Store, target: str, partner: str, by: str, base: EventFilter) -> list[Row]:
    """One partner's periods of :func:`compare`, read from the events themselves."""
    values: tuple[Any, ...]
    if _is_country(partner) and _is_country(target):
        # One id list for both directions: an OR of two lists would scan every event.
        sql = (
            "e.id IN (SELECT d.event_id FROM event_dyads d WHERE d.source = ? AND d.target = ?"
            " UNION SELECT d.event_id FROM event_dyads d WHERE d.source = ? AND d.target = ?)"
        )
        values = (partner.strip(), target.strip(), target.strip(), partner.strip())
    else:
        (forward, f_values), (backward, b_values) = (
            dyad_condition(partner, target),
            dyad_condition(target, partner),
        )
        sql, values = f"(({forward}) OR ({backward}))", (*f_values, *b_values)
    where, params = EventFilter(
        **{**base.__dict__, "extra": (*base.extra, (sql, values), (within_one_period(by), ()))}
    ).where()
    return store.rows(
        f"SELECT ? AS partner, {period_sql(by)} AS period, COUNT(*) AS events,"
        " SUM(e.quad IN (1, 2)) AS cooperation, SUM(e.quad = 1) AS verbal_cooperation,"
        " SUM(e.quad = 2) AS material_cooperation, SUM(e.quad IN (3, 4)) AS conflict,"
        " SUM(e.quad = 3) AS verbal_conflict, SUM(e.quad = 4) AS material_conflict,"
        f" ROUND(SUM({SCORE_NANOS}) / 1e9, 2) AS score_sum,"
        f" ROUND(SUM({SCORE_NANOS}) / 1e9 / COUNT(*), 2) AS score_mean"
        f" FROM events e{where} GROUP BY period ORDER BY period",
        [partner, *params],
    )


def search_quotes(
    store: Store, search: str | None = None, speaker: str | None = None, limit: int = 50, offset: int = 0
) -> Page:
    """Quotes whose words contain ``search`` (full text) and whose speaker matches ``speaker``
    (a country code or part of a name). Rows: id, speaker, speaker_country, content, direct, cue,
    article_id, title, published, outlet, source; best matches first when searching (fragments under
    40 characters after whole quotes)."""
    clauses, params = [], []
    join, order = "", "a.published, q.id"
    if search:
        join = " JOIN quotes_fts ON quotes_fts.rowid = q.id"
        clauses.append("quotes_fts MATCH ?")
        params.append(f"content : ({fts_query(search)})")  # the words said, not the speaker's name
        # bm25 favours the shortest texts; fragments (scare quotes, titles) go after real quotes.
        order = 'q."end" - q.start < 40, quotes_fts.rank, q.id'
    if speaker:
        if _COUNTRY.match(speaker) and len(speaker) == 3:
            clauses.append("q.speaker_country = ?")
            params.append(speaker)
        else:
            clauses.append("(q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
            params.extend([f"%{speaker}%", f"%{speaker}%"])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{join}{where}"
    total = int(store.scalar(f"SELECT COUNT(*) {base}", params) or 0)
    items = store.rows(
        "SELECT q.id, COALESCE(q.speaker_name, q.speaker_text) AS speaker, q.speaker_country, q.content,"
        " q.direct, q.cue, a.id AS article_id, a.title, a.published, a.outlet,"
        f" COALESCE(a.url, a.source) AS source {base} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)


def search_sentences(store: Store, query: str, limit: int = 50, offset: int = 0) -> Page:
    """Sentences containing all the words of ``query``, best first. Rows: id, snippet ([…] marks the
    hits), text, article_id, title, published, outlet, source, events (ids of events it reports)."""
    params = [fts_query(query)]
    total = int(store.scalar("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH ?", params) or 0)
    items = store.rows(
        "SELECT s.id, snippet(sentences_fts, 0, '[', ']', '…', 24) AS snippet, s.text, a.id AS article_id,"
        " a.title, a.published, a.outlet, COALESCE(a.url, a.source) AS source,"
        " (SELECT group_concat(m.event_id) FROM event_mentions m WHERE m.sentence_id = s.id) AS events"
        " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN articles a ON a.id = s.article_id"
        " WHERE sentences_fts MATCH ? ORDER BY sentences_fts.rank, s.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)


def top_actors(
    store: Store, limit: int = 20, kind: str | None = None, country: str | None = None
) -> list[Row]:
    """Actors by how many articles name them. Rows: name, kind, country, sector, code, articles,
    mentions, as_actor (event mentions on the actor side), as_recipient."""
    clauses, params = [], []
    if kind:
        clauses.append("a.kind = ?")
        params.append(kind)
    if country:
        clauses.append("a.country = ?")
        params.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.rows(
        "SELECT a.name, a.kind, a.country, MAX(a.sector) AS sector, MAX(a.code) AS code,"
        " COUNT(DISTINCT a.article_id) AS articles, SUM(a.n_mentions) AS mentions,"
        " SUM((SELECT COUNT(*) FROM mention_actors ma WHERE ma.actor_id = a.id AND ma.role = 'actor')) AS as_actor,"
        " SUM((SELECT COUNT(*) FROM mention_actors ma WHERE ma.actor_id = a.id AND ma.role = 'recipient'))"
        f" AS as_recipient FROM actors a{where} GROUP BY a.name, a.kind, a.country"
        " ORDER BY articles DESC, mentions DESC, a.name LIMIT ?",
        [*params, limit],
    )


def top_places(store: Store, limit: int = 20, country: str | None = None) -> list[Row]:
    """Places by how many articles name them. Rows: name, country, feature, geonameid, lat, lon,
    articles, mentions, events (event mentions placed there)."""
    where, params = (" WHERE p.country = ?", [country]) if country else ("", [])
    return store.rows(
        "SELECT p.name, p.country, p.feature, p.geonameid, p.lat, p.lon, COUNT(DISTINCT p.article_id) AS articles,"
        " (SELECT COUNT(*) FROM mentions mm JOIN places p2 ON p2.id = mm.place_id"
        "   WHERE p2.name = p.name AND p2.country IS p.country) AS mentions,"
        " (SELECT COUNT(*) FROM event_mentions em JOIN places p3 ON p3.id = em.place_id"
        "   WHERE p3.name = p.name AND p3.country IS p.country) AS events"
        f" FROM places p{where} GROUP BY p.name, p.country ORDER BY articles DESC, p.name LIMIT ?",
        [*params, limit],
    )

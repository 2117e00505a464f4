"""Fast answers to the dyad, comparison and timeline queries from the tables of schemas 6 and 9.

Each function returns the rows :mod:`dyads.query.series` would compute from the events, or ``None``
when the question is beyond what the pre-aggregated tables hold — a party that is not a plain
country, filters on places, text, names or mention counts, day or week periods, date bounds that
cut through a year, or (for the series) a confidence threshold that is not a multiple of 0.05 — in
which case the caller runs the general SQL. The tables and the triggers that keep them exact are
described in ``migrations/0006_rollups.sql`` and ``migrations/0009_confidence_bands.sql``; the
distinct articles beside the counts come from the article-band tables of schema 13 when the filter
is the threshold alone, else from the article tables of schema 12, read under the same conditions
(:mod:`dyads.query.article_counts`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dyads.query.article_counts import ALL, articles_of_row, from_rollups, total_from_bands, with_articles
from dyads.query.filters import NOT_FACTUAL, EventFilter, is_country
from dyads.store import Row, Store
from dyads.store.dedup import date_range

GRAINS = ("month", "quarter", "year")
BANDS = 20  # the rollups' confidence bands are twentieths: band k holds confidence k/20 up to (k+1)/20


def band_of(threshold: float) -> int | None:
    """The band from which the rollups count the events of confidence >= ``threshold``: ``k`` when
    the threshold is exactly k/20 (0.2 → 4; the double "0.2" parses to is 4/20), else None."""
    band = round(threshold * BANDS)
    return band if 0 <= band <= BANDS and band / BANDS == threshold else None


def _start(by: str, day: date) -> date:
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def _end(by: str, day: date) -> date:
    if by == "year":
        return date(day.year, 12, 31)
    months = 1 if by == "month" else 3
    first = _start(by, day)
    following = date(first.year + (first.month + months - 1) // 12, (first.month + months - 1) % 12 + 1, 1)
    return following - timedelta(days=1)


def period_label(by: str, day: date) -> str:
    """The label :func:`dyads.query.filters.period_sql` gives the period holding ``day``."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year:04d}-Q{(day.month + 2) // 3}"
    return f"{day.year:04d}"


# The period of a rollup row in a series: rows hold each event under the finest grain that holds its
# date range, so a quarterly series adds the months to the quarter-wide rows, and keeps the
# year-wide rows as years (as dyads.query.filters.bucket_sql does).
_BUCKET = {
    "month": "period",
    "quarter": "CASE grain WHEN 'month' THEN substr(period, 1, 4) || '-Q' ||"
    " ((CAST(substr(period, 6, 2) AS INTEGER) + 2) / 3) ELSE period END",
    "year": "substr(period, 1, 4)",
}


def _where(flt: EventFilter, by: str, not_factual: tuple[str, ...]) -> tuple[str, str, list[Any]] | None:
    """The period expression and the conditions on rollup rows equivalent to ``flt`` for a ``by``
    series, or None."""
    if by not in GRAINS or flt.actor or flt.recipient or flt.party or flt.place or flt.text or flt.extra:
        return None
    if flt.min_mentions > 1:
        return None
    bucket = _BUCKET[by]
    clauses: list[str] = []
    params: list[Any] = []
    _add_type_and_quad(flt, "", clauses, params)
    if flt.min_confidence:  # None or 0: every event, whatever its band
        band = band_of(flt.min_confidence)
        if band is None:
            return None
        clauses.append("band >= ?")
        params.append(band)
    # An event lies within one year, so "its date is on or after the first day of a year" is "its
    # year is that one or later"; a bound inside a year may cut through a row of any grain.
    for value, first in ((flt.since, True), (flt.until, False)):
        if not value:
            continue
        span = date_range(value)
        if span is None:
            return None  # the general query reports the bad date
        day = span[0] if first else span[1]
        if day != (_start("year", day) if first else _end("year", day)):
            return None
        clauses.append("substr(period, 1, 4) >= ?" if first else "substr(period, 1, 4) <= ?")
        params.append(period_label("year", day))
    if not flt.include_auxiliary:
        clauses.append(f"auxiliary NOT IN ({','.join('?' * len(not_factual))})")
        params.extend(not_factual)
    return bucket, " AND ".join(clauses) or "1", params


def _best_band(flt: EventFilter, not_factual: tuple[str, ...]) -> int | None:
    """The band from which the article-band tables of schema 13 count the articles of a series
    :func:`_where` answers, or None when the filter holds more than a threshold: those tables keep
    the factual events only, of every type and quad class, without date bounds."""
    if flt.types or flt.quad or flt.include_auxiliary or flt.since or flt.until:
        return None
    if tuple(not_factual) != NOT_FACTUAL:
        return None
    return band_of(flt.min_confidence) if flt.min_confidence else 0


def dyad_rows(
    store: Store, source: str, target: str, by: str, flt: EventFilter, not_factual: tuple[str, ...]
) -> list[Row] | None:
    """One direction of :func:`dyads.query.series.dyad_series` from ``dyad_rollup``, or None.

    The rows of a period and type (one per confidence band and auxiliary) are summed first, in the
    order of the table's key (no sort), then by the series' period."""
    where = _where(flt, by, not_factual) if is_country(source) and is_country(target) else None
    if where is None:
        return None
    bucket, sql, params = where
    band = _best_band(flt, not_factual)
    pair = ("source = ? AND target = ?", (source.strip(), target.strip()))
    # Each row's articles, when the article bands of schema 13 hold them: one row of its key, read
    # as the row is summed.
    articles, article_values = "", []
    if band is not None:
        found = articles_of_row("dyad_article_bands", "b.source = ? AND b.target = ?", bucket, "g.type")
        articles, article_values = f" {found} AS articles,", [*pair[1], by, band]
    rows = store.rows(
        f"SELECT {bucket} AS period, ? AS direction, ? AS source, ? AS target, g.type AS type,"
        f" MAX(g.quad) AS quad, SUM(g.events) AS events, SUM(g.mentions) AS mentions,{articles}"
        " ROUND(SUM(g.score_nanos) / 1e9, 2) AS score_sum,"
        " ROUND(SUM(g.score_nanos) / 1e9 / SUM(g.events), 2) AS score_mean"
        " FROM (SELECT grain, period, type, MAX(quad) AS quad, SUM(events) AS events,"
        " SUM(mentions) AS mentions, SUM(score_nanos) AS score_nanos FROM dyad_rollup"
        f" WHERE source = ? AND target = ? AND {sql} GROUP BY grain, period, type) g"
        " GROUP BY 1, g.type ORDER BY 1, 6, g.type",
        [f"{source}→{target}", source, target, *article_values, *pair[1], *params],
    )
    if band is not None:
        return rows
    counts = from_rollups(store, "dyad_articles", pair, by, bucket, (sql, params), by_type=True)
    return [with_articles(r, counts.get((r["period"], r["type"]), 0)) for r in rows]


# The columns of a comparison, each summed over the rollup rows of the quad classes it counts.
_COMPARE_SUMS = {
    "events": "events",
    "mentions": "mentions",
    "cooperation": "CASE WHEN quad IN (1, 2) THEN events ELSE 0 END",
    "verbal_cooperation": "CASE WHEN quad = 1 THEN events ELSE 0 END",
    "material_cooperation": "CASE WHEN quad = 2 THEN events ELSE 0 END",
    "conflict": "CASE WHEN quad IN (3, 4) THEN events ELSE 0 END",
    "verbal_conflict": "CASE WHEN quad = 3 THEN events ELSE 0 END",
    "material_conflict": "CASE WHEN quad = 4 THEN events ELSE 0 END",
    "score_nanos": "score_nanos",
}


def compare_rows(
    store: Store, target: str, partner: str, by: str, flt: EventFilter, not_factual: tuple[str, ...]
) -> tuple[list[Row], int] | None:
    """One partner's periods of :func:`dyads.query.series.compare` from ``pair_rollup``, and the
    distinct articles of all of them (from ``pair_article_bands``, or with more than a threshold
    from ``pair_articles``); or None.

    The rows of a period are summed first, in the order of the table's key (no sort), then by the
    series' period."""
    where = _where(flt, by, not_factual) if is_country(partner) and is_country(target) else None
    if where is None:
        return None
    bucket, sql, params = where
    low, high = sorted((partner.strip(), target.strip()))
    inner = ", ".join(f"SUM({expression}) AS {name}" for name, expression in _COMPARE_SUMS.items())
    outer = ", ".join(
        f"SUM(g.{name}) AS {name}"
        for name in _COMPARE_SUMS
        if name not in ("events", "mentions", "score_nanos")
    )
    pair = ("low = ? AND high = ?", (low, high))
    band = _best_band(flt, not_factual)
    # Each period's articles, when the article bands of schema 13 hold them (as in dyad_rows).
    articles, article_values = "", []
    if band is not None:
        found = articles_of_row("pair_article_bands", "b.low = ? AND b.high = ?", bucket, None)
        articles, article_values = f" {found} AS articles,", [*pair[1], by, band]
    rows = store.rows(
        f"SELECT ? AS partner, {bucket} AS period, SUM(g.events) AS events, SUM(g.mentions) AS mentions,"
        f"{articles} {outer}, ROUND(SUM(g.score_nanos) / 1e9, 2) AS score_sum,"
        " ROUND(SUM(g.score_nanos) / 1e9 / SUM(g.events), 2) AS score_mean"
        f" FROM (SELECT grain, period, {inner} FROM pair_rollup"
        f" WHERE low = ? AND high = ? AND {sql} GROUP BY grain, period) g GROUP BY 2 ORDER BY 2",
        [partner, *article_values, *pair[1], *params],
    )
    if band is not None:
        return rows, total_from_bands(store, "pair_article_bands", pair, band)
    counts = from_rollups(store, "pair_articles", pair, by, bucket, (sql, params), by_type=False, total=True)
    return [with_articles(r, counts.get((r["period"],), 0)) for r in rows], counts[(ALL,)]


def timeline_ids(store: Store, party: str, limit: int, flt: EventFilter) -> list[int] | None:
    """The ids of a country's key events (see :func:`dyads.query.series.timeline`), read in ranking
    order from the index ``party_events_rank`` and stopping after ``limit``; or None."""
    if not is_country(party) or flt.include_auxiliary:
        return None
    if flt.actor or flt.recipient or flt.party or flt.place or flt.text or flt.extra or flt.min_mentions > 1:
        return None
    clauses = ["p.country = ?", "p.factual = 1", "p.date IS NOT NULL"]
    params: list[Any] = [party.strip()]
    _add_type_and_quad(flt, "p.", clauses, params)
    if flt.min_confidence:  # any threshold: party_events holds each event's confidence
        clauses.append("p.confidence >= ?")
        params.append(flt.min_confidence)
    for value, first in ((flt.since, True), (flt.until, False)):
        if not value:
            continue
        span = date_range(value)
        if span is None:
            return None
        clauses.append("p.date >= ?" if first else "p.date <= ?")
        params.append((span[0] if first else span[1]).isoformat())
    found = store.conn.execute(
        f"SELECT p.event_id FROM party_events p INDEXED BY party_events_rank WHERE {' AND '.join(clauses)}"
        " ORDER BY p.n_articles DESC, p.n_mentions DESC, p.abs_score DESC, p.date, p.event_id LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [int(r[0]) for r in found]


def _add_type_and_quad(flt: EventFilter, prefix: str, clauses: list[str], params: list[Any]) -> None:
    """The PLOVER type and quad-class conditions, shared by the rollup and ranking queries."""
    if flt.types:
        clauses.append(f"{prefix}type IN ({','.join('?' * len(flt.types))})")
        params.extend(t.upper() for t in flt.types)
    if flt.quad:
        clauses.append(f"{prefix}quad = ?")
        params.append(flt.quad)

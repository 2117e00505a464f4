"""A corpus over time: the events between two parties, the key events of one, who gains with whom.

Each function takes an open :class:`~dyads.store.Store` and returns plain rows. Where the tables of
schema 6 hold the answer (:mod:`dyads.query.rollups`) they are read; otherwise the events are.
Parties are resolved first (:mod:`dyads.query.parties`: "mali" is MLI, "Lavrov" Sergey Lavrov);
an unknown one raises :class:`~dyads.query.parties.UnknownParty`. Each counts the events at or above
the filter's ``min_confidence``, else the store's threshold (:mod:`dyads.query.confidence`, whose
:func:`~dyads.query.confidence.threshold_for` tells which a view used).

- :func:`dyad_series` — counts by period and type, summed and mean scores, in both directions.
- :func:`timeline` — the key events of one party, in date order, with sources.
- :func:`compare` — how much cooperation and conflict each partner has with a target, by period.

Beside the events it counts, each row of a series or a comparison says what stands behind them:
``mentions`` (the sentences reporting them) and ``articles`` (the distinct articles those are in;
:mod:`dyads.query.article_counts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.query.article_counts import ALL, from_events, with_articles
from dyads.query.confidence import counting
from dyads.query.events import EVENT_COLUMNS, labelled
from dyads.query.filters import (
    NOT_FACTUAL,
    SCORE_NANOS,
    EventFilter,
    bucket_sql,
    dyad_condition,
    grain_of,
    is_country,
    party_condition,
)
from dyads.query.parties import resolve_filter, resolve_party
from dyads.query.rollups import compare_rows, dyad_rows, timeline_ids
from dyads.store import Row, Store


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

    Rows: period, grain (of the period: an event known only as "2019" counts in period "2019",
    grain "year", of a monthly series), direction ("RUS→MLI"), source, target, type, quad,
    quad_class, events, mentions (the sentences reporting them), articles (the distinct articles
    reporting them), score_sum, score_mean (mean over events of their mean score).
    Every dated event counts, whatever ``by`` (see :func:`~dyads.query.filters.bucket_sql`). Two
    country codes read the dyads table, where countries acting jointly in a cooperative event count
    in both directions.
    """
    bucket = bucket_sql(by)
    first, second = resolve_party(store, first, "first").spec, resolve_party(store, second, "second").spec
    pairs = [(first, second)] + ([(second, first)] if both_directions and first != second else [])
    rows: list[Row] = []
    base = resolve_filter(store, counting(store, flt))
    for source, target in pairs:
        fast = dyad_rows(store, source, target, by, base, NOT_FACTUAL) if use_rollups else None
        if fast is not None:
            rows.extend(fast)
            continue
        pair_sql, pair_params = dyad_condition(source, target)
        where, params = base.with_conditions(
            (pair_sql, tuple(pair_params)), (f"{bucket} IS NOT NULL", ())
        ).where()
        found = store.rows(
            f"SELECT {bucket} AS period, ? AS direction, ? AS source, ? AS target, e.type, e.quad,"
            " COUNT(*) AS events, SUM(e.n_mentions) AS mentions,"
            f" ROUND(SUM({SCORE_NANOS}) / 1e9, 2) AS score_sum,"
            f" ROUND(SUM({SCORE_NANOS}) / 1e9 / COUNT(*), 2) AS score_mean FROM events e{where}"
            " GROUP BY period, e.type ORDER BY period, e.quad, e.type",
            [f"{source}→{target}", source, target, *params],
        )
        articles = from_events(store, bucket, where, params, by_type=True)
        rows.extend(with_articles(r, articles.get((r["period"], r["type"]), 0)) for r in found)
    rows.sort(key=lambda r: (r["period"], r["direction"] != f"{first}→{second}", r["quad"], r["type"]))
    return with_grains(labelled(rows))


def with_grains(rows: list[Row]) -> list[Row]:
    """The rows, each with the grain of its period beside it (``all`` totals have none)."""
    for row in rows:
        row["grain"] = grain_of(row["period"]) if row["period"] != "all" else None
    return rows


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
    base = resolve_filter(store, counting(store, flt))
    party = resolve_party(store, party).spec
    a_sql, a_params = party_condition(party, None)
    ids = timeline_ids(store, party, limit, base) if use_rollups else None
    if ids is not None:
        rows = store.rows(
            f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({','.join('?' * len(ids))})"
            " ORDER BY e.date, e.id",
            ids,
        )
    else:
        where, params = base.with_conditions((a_sql, tuple(a_params)), ("e.date IS NOT NULL", ())).where()
        rows = store.rows(
            f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT e.id FROM events e{where}"
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
    return labelled(rows)


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
    mentions, articles (distinct, as in :func:`dyad_series`), cooperation (quad 1+2),
    verbal_cooperation, material_cooperation, conflict (quad 3+4), verbal_conflict,
    material_conflict, score_sum, score_mean, balance (cooperation − conflict).
    A final row per partner with period "all" sums its periods: the same whatever ``by``, as every
    dated event counts in one period (an event known only as 2019 in period "2019" of a monthly
    series; each row's ``grain`` says which). Its ``articles`` are those of all the periods, not
    their sum: an article may report events of two periods.
    """
    bucket_sql(by)  # refuses an unknown period before anything is read
    base = resolve_filter(store, counting(store, flt))
    target = resolve_party(store, target, "target").spec
    partners = [resolve_party(store, partner, "partners").spec for partner in partners]
    out: list[Row] = []
    for partner in partners:
        fast = compare_rows(store, target, partner, by, base, NOT_FACTUAL) if use_rollups else None
        found, articles = fast if fast is not None else _compare_events(store, target, partner, by, base)
        for row in found:
            row["balance"] = row["cooperation"] - row["conflict"]
        out.extend(found)
        total: Row = {"partner": partner, "period": ALL}
        total["events"] = sum(r["events"] for r in found)
        total["mentions"] = sum(r["mentions"] for r in found)
        total["articles"] = articles
        for column in (
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
    return with_grains(out)


def _compare_events(
    store: Store, target: str, partner: str, by: str, base: EventFilter
) -> tuple[list[Row], int]:
    """One partner's periods of :func:`compare`, read from the events themselves, and the distinct
    articles of all of them."""
    values: tuple[Any, ...]
    if is_country(partner) and is_country(target):
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
    bucket = bucket_sql(by)
    where, params = base.with_conditions((sql, values), (f"{bucket} IS NOT NULL", ())).where()
    rows = store.rows(
        f"SELECT ? AS partner, {bucket} AS period, COUNT(*) AS events, SUM(e.n_mentions) AS mentions,"
        " SUM(e.quad IN (1, 2)) AS cooperation, SUM(e.quad = 1) AS verbal_cooperation,"
        " SUM(e.quad = 2) AS material_cooperation, SUM(e.quad IN (3, 4)) AS conflict,"
        " SUM(e.quad = 3) AS verbal_conflict, SUM(e.quad = 4) AS material_conflict,"
        f" ROUND(SUM({SCORE_NANOS}) / 1e9, 2) AS score_sum,"
        f" ROUND(SUM({SCORE_NANOS}) / 1e9 / COUNT(*), 2) AS score_mean"
        f" FROM events e{where} GROUP BY period ORDER BY period",
        [partner, *params],
    )
    articles = from_events(store, bucket, where, params, by_type=False, total=True)
    return [with_articles(r, articles.get((r["period"],), 0)) for r in rows], articles[(ALL,)]

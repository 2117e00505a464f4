"""How many distinct articles reported the events a row of a series or a comparison counts.

Distinct articles do not add up: one article may report two events of a period, or events of two
periods, so no sum of per-event counts (``n_articles``) gives them. Each view counts them with a
query of its own beside its event counts, grouped as its rows are: from the article tables of
schema 12 (``dyad_articles``, ``pair_articles``: ``migrations/0012_distinct_articles.sql``) where
the rollups answer, else from the reports of the events themselves (``event_mentions``). A
comparison also asks for the articles of all its periods at once (the key ``("all",)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dyads.store import Row, Store

ALL = "all"  # the period of a comparison's total row
Counts = dict[tuple[str, ...], int]


def from_rollups(
    store: Store,
    table: str,
    pair: tuple[str, Sequence[Any]],
    bucket: str,
    conditions: tuple[str, Sequence[Any]],
    by_type: bool,
    total: bool = False,
) -> Counts:
    """Distinct articles of the rows of ``table`` (an article table) for one pair (``pair``: its
    condition and values) that meet ``conditions``, by period (``bucket``, over the rollup columns
    grain and period) and, with ``by_type``, type; with ``total``, also over every period."""
    where = f"{pair[0]} AND {conditions[0]}"
    values = [*pair[1], *conditions[1]]
    return _counts(store, f"FROM {table} WHERE {where}", values, bucket, "type", "article_id", by_type, total)


def from_events(
    store: Store, bucket: str, where: str, params: Sequence[Any], by_type: bool, total: bool = False
) -> Counts:
    """Distinct articles of the reports of the events ``e`` that ``where`` (a WHERE clause over
    ``e``, with ``params``) selects, grouped as :func:`from_rollups` groups them."""
    source = f"FROM events e JOIN event_mentions em ON em.event_id = e.id{where}"
    return _counts(store, source, params, bucket, "e.type", "em.article_id", by_type, total)


def _counts(
    store: Store,
    source: str,
    values: Sequence[Any],
    bucket: str,
    type_column: str,
    article: str,
    by_type: bool,
    total: bool,
) -> Counts:
    keys = f"{bucket}, {type_column}" if by_type else bucket
    sql = f"SELECT {keys}, COUNT(DISTINCT {article}) {source} GROUP BY {keys}"
    params = list(values)
    if total:
        sql += f" UNION ALL SELECT '{ALL}', COUNT(DISTINCT {article}) {source}"
        params += list(values)
    return {tuple(row[:-1]): int(row[-1]) for row in store.conn.execute(sql, params)}


def with_articles(row: Row, articles: int) -> Row:
    """The row with ``articles`` right after its ``mentions`` (at the end when it has none)."""
    if "mentions" not in row:
        return {**row, "articles": articles}
    out: Row = {}
    for name, value in row.items():
        out[name] = value
        if name == "mentions":
            out["articles"] = articles
    return out

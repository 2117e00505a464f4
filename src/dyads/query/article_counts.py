"""How many distinct articles reported the events a row of a series or a comparison counts.

Distinct articles do not add up: one article may report two events of a period, or events of two
periods, so no sum of per-event counts (``n_articles``) gives them. Each view counts them with a
query of its own beside its event counts, grouped as its rows are: from the article tables of
schema 12 (``dyad_articles``, ``pair_articles``: ``migrations/0012_distinct_articles.sql``) where
the rollups answer, else from the reports of the events themselves (``event_mentions``). A
comparison also asks for the articles of all its periods at once (the key ``("all",)``), counted in
the same pass. The series a store is mostly asked for (by month, quarter or year, factual events,
a threshold on the 0.05 grid) read instead the articles counted by their best band in each period
(schema 13: ``migrations/0013_article_bands.sql``), one row per period looked up in the series' own
query (:func:`articles_of_row`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from dyads.store import Row, Store

ALL = "all"  # the period of a comparison's total row
Counts = dict[tuple[str, ...], int]


def from_rollups(
    store: Store,
    table: str,
    pair: tuple[str, Sequence[Any]],
    by: str,
    bucket: str,
    conditions: tuple[str, Sequence[Any]],
    by_type: bool,
    total: bool = False,
) -> Counts:
    """Distinct articles of the rows of ``table`` (an article table) for one pair (``pair``: its
    condition and values) that meet ``conditions``, by the ``by`` series' period (``bucket``, over
    the columns grain and period) and, with ``by_type``, type; with ``total``, also over every period.

    The rows are grouped by grain and period (and type) in the order of the table's key, in which
    the article ids of a group come sorted: SQLite counts them without a sort. A monthly series
    takes those counts as they are (each group is one of its periods); a period made of several
    groups (a quarter: its months and the events known only to the quarter) and the total take the
    union of the groups' ids."""
    group = "grain, period, type" if by_type else "grain, period"
    keys = f"{bucket}, type" if by_type else bucket
    source = f"FROM {table} WHERE {pair[0]} AND {conditions[0]} GROUP BY {group}"
    values = [*pair[1], *conditions[1]]
    if by == "month" and not total:
        sql = f"SELECT {keys}, COUNT(DISTINCT article_id) {source}"
        return {tuple(row[:-1]): int(row[-1]) for row in store.conn.execute(sql, values)}
    return _union(
        store.conn.execute(f"SELECT {keys}, group_concat(DISTINCT article_id) {source}", values), total
    )


def articles_of_row(table: str, pair: str, period: str, kind: str | None) -> str:
    """The SQL of the distinct articles of a row of a series at threshold band k/20 (schema 13),
    from an article-bands ``table``: the articles whose best band in the row's period reaches k,
    which the first row of the period's key at or above k holds (the table has a row at each band
    that is some article's best there). ``pair`` is the pair's condition over ``b``, ``period`` and
    ``kind`` the row's period and type (None: every type); its ``?`` stand for the pair's values,
    the series (qgrain) and k."""
    typed = f" AND b.type = {kind}" if kind else ""
    return (
        f"coalesce((SELECT b.articles FROM {table} b WHERE {pair} AND b.qgrain = ?"
        f" AND b.bucket = {period}{typed} AND b.band >= ? ORDER BY b.band LIMIT 1), 0)"
    )


def total_from_bands(store: Store, table: str, pair: tuple[str, Sequence[Any]], band: int) -> int:
    """The distinct articles of every period of one pair at threshold ``band``/20, from ``table``
    (an article-bands table of schema 13; the series "all")."""
    sql = f"SELECT articles FROM {table} WHERE {pair[0]} AND qgrain = ? AND band >= ? ORDER BY band LIMIT 1"
    found = store.conn.execute(sql, [*pair[1], ALL, band]).fetchone()
    return int(found[0]) if found else 0


def from_events(
    store: Store, bucket: str, where: str, params: Sequence[Any], by_type: bool, total: bool = False
) -> Counts:
    """Distinct articles of the reports of the events ``e`` that ``where`` (a WHERE clause over
    ``e``, with ``params``) selects, grouped as :func:`from_rollups` groups them."""
    keys = f"{bucket}, e.type" if by_type else bucket
    source = f"FROM events e JOIN event_mentions em ON em.event_id = e.id{where} GROUP BY {keys}"
    if not total:
        sql = f"SELECT {keys}, COUNT(DISTINCT em.article_id) {source}"
        return {tuple(row[:-1]): int(row[-1]) for row in store.conn.execute(sql, params)}
    return _union(
        store.conn.execute(f"SELECT {keys}, group_concat(DISTINCT em.article_id) {source}", params), total
    )


def _union(rows: Iterable[Sequence[Any]], total: bool) -> Counts:
    """Counts from rows of (key…, comma-separated article ids): the ids of the rows of one key
    together, and with ``total`` those of every row under ``("all",)``."""
    found: dict[tuple[str, ...], set[str]] = {}
    every: set[str] = set()
    for *key, ids in rows:
        listed = ids.split(",")
        found.setdefault(tuple(key), set()).update(listed)
        if total:
            every.update(listed)
    counts = {key: len(ids) for key, ids in found.items()}
    if total:
        counts[(ALL,)] = len(every)
    return counts


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

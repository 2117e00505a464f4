"""The derived tables that make queries fast on large stores, rebuilt and checked from the events.

``event_dyads`` (schema 5), ``dyad_rollup``, ``pair_rollup``, ``party_events`` (schema 6; the
rollups keyed by confidence band, party_events with the confidence, since schema 9) and
``dyad_articles``, ``pair_articles`` (schema 12: the articles under each rollup key),
``dyad_article_best``, ``dyad_article_bands``, ``pair_article_best``, ``pair_article_bands``
(schema 13: the articles of each period of a series by their best confidence band) are kept up to
date by triggers as articles arrive, are replaced or deleted, and as events are re-clustered.
A bulk load may instead drop those triggers, fill the base tables and call :func:`rebuild`, which runs
the very statements the migrations use to fill the tables of an existing store.
:func:`differences` compares the kept tables with a fresh rebuild (tests use it after every kind of write).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from dyads.store.migrations import available_migrations, statements

DERIVED = (
    "event_dyads",
    "dyad_rollup",
    "pair_rollup",
    "party_events",
    "dyad_articles",
    "pair_articles",
    "dyad_article_best",
    "dyad_article_bands",
    "pair_article_best",
    "pair_article_bands",
)
# The tables derived from event_dyads and the events: what :func:`differences` rebuilds and compares.
_CHECKED = DERIVED[1:]
_TARGET = re.compile(r"^INSERT\s+(?:OR\s+IGNORE\s+)?INTO\s+(\w+)", re.IGNORECASE)
_KEYS = {
    "event_dyads": "source, target, event_id",
    "dyad_rollup": "source, target, grain, period, type, quad, auxiliary, band",
    "pair_rollup": "low, high, grain, period, type, quad, auxiliary, band",
    "party_events": "country, event_id",
    "dyad_articles": "source, target, grain, period, type, article_id, quad, auxiliary, band",
    "pair_articles": "low, high, grain, period, article_id, type, quad, auxiliary, band",
    "dyad_article_best": "source, target, qgrain, bucket, type, article_id, band",
    "dyad_article_bands": "source, target, qgrain, bucket, type, band",
    "pair_article_best": "low, high, qgrain, bucket, article_id, band",
    "pair_article_bands": "low, high, qgrain, bucket, band",
}


def backfillstatements() -> list[tuple[str, str]]:
    """(table, SQL) of each statement by which a migration fills a derived table, in migration order;
    of a table filled by several migrations, those of the latest (which recreated the table: schema 9
    added the confidence band to the rollups)."""
    found: list[tuple[int, str, str]] = []
    latest: dict[str, int] = {}
    for migration in available_migrations():
        for statement in statements(migration.sql):
            match = _TARGET.match(statement)
            if match and match[1] in DERIVED:
                found.append((migration.version, match[1], statement))
                latest[match[1]] = migration.version
    return [(table, statement) for version, table, statement in found if version == latest[table]]


def rebuild(conn: sqlite3.Connection, tables: tuple[str, ...] = DERIVED) -> None:
    """Empty the derived ``tables`` and fill them again from the events (inside the caller's
    transaction, if any). Rebuild event_dyads only with its triggers dropped or the rollups emptied
    after it, since its inserts also feed the rollups.

    Each table is emptied right before its own statements run, in migration order: with the triggers
    in place, filling the article tables of schema 12 also fills those of schema 13, which are then
    emptied and filled afresh rather than filled twice."""
    emptied: set[str] = set()
    for table, statement in backfillstatements():
        if table not in tables:
            continue
        if table not in emptied:
            conn.execute(f"DELETE FROM {table}")
            emptied.add(table)
        conn.execute(statement)


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    return conn.execute(f"SELECT * FROM {table} ORDER BY {_KEYS[table]}").fetchall()


def differences(conn: sqlite3.Connection) -> dict[str, int]:
    """How many rows of each derived table differ from a fresh rebuild (empty when all agree)."""
    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(copy)
        copy.execute("BEGIN")
        rebuild(copy, _CHECKED)
        out = {}
        for table in _CHECKED:
            kept, fresh = _rows(conn, table), _rows(copy, table)
            wrong = sum(1 for a, b in zip(kept, fresh, strict=False) if a != b)
            wrong += abs(len(kept) - len(fresh))
            if wrong:
                out[table] = wrong
        copy.execute("ROLLBACK")
        return out
    finally:
        copy.close()

"""A user's corrections to dedup: reports split from an event, events joined, kept across re-clustering.

Decisions are pairs of mentions in ``dedup_decisions`` (schema 10): ``together = 1`` the two are one
event whatever the rule says (``dyads dedup --join A B``), ``together = 0`` they are never one
event (``dyads dedup --split EVENT MENTION``). The latest decision wins: joining removes earlier
splits between the reports joined, splitting removes the joins of the report split. A decision goes
with its mentions when their article is replaced or deleted. Nothing here commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime


class DecisionError(ValueError):
    """A split or join that names no such event or mention; the message says which."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _mentions_of(conn: sqlite3.Connection, event_id: int, name: str) -> list[int]:
    found = [
        r[0]
        for r in conn.execute("SELECT id FROM event_mentions WHERE event_id = ? ORDER BY id", (event_id,))
    ]
    if not found:
        raise DecisionError(f"{name}: no event {event_id}")
    return found


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def record_split(conn: sqlite3.Connection, event_id: int, mention_id: int) -> list[int]:
    """Keep ``mention_id`` apart from the other reports of ``event_id``; returns the reports involved."""
    members = _mentions_of(conn, event_id, "EVENT")
    if mention_id not in members:
        raise DecisionError(f"MENTION: report {mention_id} is not in event {event_id}")
    if len(members) == 1:
        raise DecisionError(f"MENTION: report {mention_id} is the only report of event {event_id}")
    conn.execute(
        "DELETE FROM dedup_decisions WHERE together = 1 AND (mention_a = ? OR mention_b = ?)",
        (mention_id, mention_id),
    )
    conn.executemany(
        "INSERT INTO dedup_decisions (mention_a, mention_b, together, at) VALUES (?, ?, 0, ?)"
        " ON CONFLICT (mention_a, mention_b) DO UPDATE SET together = 0, at = excluded.at",
        [(*_pair(mention_id, other), _now()) for other in members if other != mention_id],
    )
    return members


def record_join(conn: sqlite3.Connection, first: int, second: int) -> list[int]:
    """Make events ``first`` and ``second`` one; returns the reports involved."""
    if first == second:
        raise DecisionError(f"B: event {second} is event A itself")
    members = _mentions_of(conn, first, "A") + _mentions_of(conn, second, "B")
    anchor = min(members)
    conn.executemany(
        "DELETE FROM dedup_decisions WHERE together = 0 AND mention_a = ? AND mention_b = ?",
        [_pair(a, b) for a in members for b in members if a < b],
    )
    conn.executemany(
        "INSERT INTO dedup_decisions (mention_a, mention_b, together, at) VALUES (?, ?, 1, ?)"
        " ON CONFLICT (mention_a, mention_b) DO UPDATE SET together = 1, at = excluded.at",
        [(anchor, other, _now()) for other in members if other != anchor],
    )
    return members


def decisions(
    conn: sqlite3.Connection, mentions: Iterable[int]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (apart, together) pairs among ``mentions``."""
    wanted = set(mentions)
    apart: list[tuple[int, int]] = []
    together: list[tuple[int, int]] = []
    ordered = sorted(wanted)
    for start in range(0, len(ordered), 500):
        batch = ordered[start : start + 500]
        marks = ",".join("?" * len(batch))
        for a, b, joined in conn.execute(
            f"SELECT mention_a, mention_b, together FROM dedup_decisions WHERE mention_a IN ({marks})", batch
        ):
            if b in wanted:
                (together if joined else apart).append((a, b))
    return apart, together

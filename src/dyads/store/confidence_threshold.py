"""The store-wide confidence threshold: the least confidence an event needs to be counted.

Every event stays stored and listable; the counting views (dyad series, comparisons, timelines, the
overview, exports) count only events at or above the threshold. The store keeps it in its
``settings`` table (key ``min_confidence``); a store that never set one uses the default shipped with
the confidence model, chosen for precision on held-apart development data.
"""

from __future__ import annotations

import sqlite3

from dyads.knowledge.confidence_model import shipped_model

SETTING = "min_confidence"


class ThresholdError(ValueError):
    """A threshold that is not a probability."""


def default_min_confidence() -> float:
    """The threshold shipped with the confidence model (0.0 when no model is shipped)."""
    return float(shipped_model().get("threshold", 0.0))


def checked(value: float | str) -> float:
    """``value`` as a threshold in [0, 1], or :class:`ThresholdError` saying why not."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ThresholdError(f"confidence threshold {value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise ThresholdError(f"confidence threshold {number:g} is not between 0 and 1")
    return number


def stored_min_confidence(conn: sqlite3.Connection) -> float | None:
    """The threshold set for this store, or None when it never set one (the default applies)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
    except sqlite3.OperationalError:  # a store older than its settings table
        row = None
    return checked(row[0]) if row else None


def min_confidence(conn: sqlite3.Connection) -> float:
    """The store's threshold: its own setting, else the shipped default."""
    stored = stored_min_confidence(conn)
    return default_min_confidence() if stored is None else stored


def set_min_confidence(conn: sqlite3.Connection, value: float | str) -> float:
    """Record the store's threshold (inside the caller's transaction, if any); return it."""
    number = checked(value)
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SETTING, repr(number)),
    )
    return number


def clear_min_confidence(conn: sqlite3.Connection) -> float:
    """Forget the store's own threshold (inside the caller's transaction, if any): the shipped
    default applies again, and follows the model when it is refitted. Returns the default."""
    conn.execute("DELETE FROM settings WHERE key = ?", (SETTING,))
    return default_min_confidence()

"""What the dashboard says of the confidence threshold: which one a view counted at, the control that
changes it, and how sure each listed event is (:mod:`dyads.query.confidence`)."""

from __future__ import annotations

import math
from typing import Any

from dyads.query.confidence import SOURCES, Threshold, shown, store_threshold, threshold_for
from dyads.query.filters import EventFilter
from dyads.store import Store


def note(used: Threshold, store: Threshold) -> str:
    """The line a counting view shows: "Counting events with confidence ≥ 0.20 (store default)."."""
    if used.source == "asked":
        return (
            f"Counting events with confidence ≥ {shown(used.value)} (as asked; the store's threshold is"
            f" {shown(store.value)})."
        )
    return f"Counting events with confidence ≥ {shown(used.value)} ({SOURCES[used.source]})."


def threshold_context(store: Store, asked: float | None) -> dict[str, Any]:
    """The template values of a counting view's threshold: ``threshold`` (used), ``threshold_note``,
    the control's value (what was asked, else empty) and placeholder (the store's threshold), and
    ``threshold_param`` for the links to other counting views (empty unless one was asked)."""
    used = threshold_for(store, EventFilter(min_confidence=asked))
    default = store_threshold(store)
    exact = repr(asked) if asked is not None else ""  # the shortest text that reads back as the same number
    return {
        "threshold": used,
        "threshold_note": note(used, default),
        "min_confidence_value": exact,
        "min_confidence_placeholder": shown(default.value),
        "threshold_param": f"min_confidence={exact}" if exact else "",
    }


def listing_note(store: Store, asked: float | None) -> str:
    """The line the event listing shows: which events it lists, and what the counting views count."""
    default = store_threshold(store)
    counting = (
        f"the counting views count those with confidence ≥ {shown(default.value)} ({SOURCES[default.source]})"
    )
    if asked is None:
        return f"Listing every event, whatever its confidence; {counting}."
    return f"Listing events with confidence ≥ {shown(asked)}; {counting}."


def confidence_shown(value: float | None) -> str:
    """An event's confidence in a table: two decimals, cut rather than rounded, so that an event shown
    as 0.19 is below a threshold of 0.20 and one shown as 0.20 reaches it."""
    if value is None:
        return ""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


def counted_note(store: Store, confidence: float) -> str:
    """Whether the counting views count an event of this confidence, at the store's threshold."""
    default = store_threshold(store)
    where = f"the store's threshold, {shown(default.value)} ({SOURCES[default.source]})"
    if confidence >= default.value:
        return f"at or above {where}: counted"
    return f"below {where}: listed, not counted"

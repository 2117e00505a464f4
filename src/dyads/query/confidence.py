"""The confidence threshold of a counting view: the one the caller gives, else the store's.

Every event stays stored and listable. The counting views — dyad series, comparisons, timelines,
the overview and the exports — count the events whose confidence (``events.confidence``, that of
their best report) is at or above a threshold: the caller's (``EventFilter.min_confidence``,
``--min-confidence``, ``?min_confidence=``), else the store's (:mod:`dyads.store.confidence_threshold`:
its own setting, else the default shipped with the confidence model). The event listing counts
nothing: it lists every event unless its filter names a threshold. A threshold of 0 counts every event.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from dyads.query.filters import EventFilter
from dyads.store import Store
from dyads.store.confidence_threshold import checked, default_min_confidence, stored_min_confidence

# Where a view's threshold came from, and how a view names it.
SOURCES = {"asked": "as asked", "store": "store setting", "default": "store default"}


def shown(value: float) -> str:
    """A threshold as people write it: two decimals at least, up to four (0.2 → "0.20", 0.333 → "0.333")."""
    text = f"{value:.4f}".rstrip("0")
    decimals = len(text.partition(".")[2])
    return text + "0" * (2 - decimals) if decimals < 2 else text


@dataclass(frozen=True)
class Threshold:
    """The least confidence an event needs to be counted by one view, and where that came from."""

    value: float
    source: str  # asked (the caller's), store (the store's setting), default (the model's, unset store)

    def describe(self) -> str:
        """``confidence ≥ 0.20 (store default)``: what every counting view says it used."""
        return f"confidence ≥ {shown(self.value)} ({SOURCES[self.source]})"

    def fields(self) -> dict[str, Any]:
        """The threshold as fields of a JSON answer."""
        return {"min_confidence": self.value, "min_confidence_source": self.source}


def store_threshold(store: Store) -> Threshold:
    """The store's threshold: its own setting, else the model's default."""
    stored = stored_min_confidence(store.conn)
    if stored is None:
        return Threshold(default_min_confidence(), "default")
    return Threshold(stored, "store")


def threshold_for(store: Store, flt: EventFilter | None = None) -> Threshold:
    """The threshold a counting view applies to ``flt``: its ``min_confidence`` when given (checked:
    :class:`~dyads.store.confidence_threshold.ThresholdError` if not in [0, 1]), else the store's."""
    if flt is not None and flt.min_confidence is not None:
        return Threshold(checked(flt.min_confidence), "asked")
    return store_threshold(store)


def counting(store: Store, flt: EventFilter | None = None) -> EventFilter:
    """``flt`` as a counting view applies it: with the threshold of :func:`threshold_for`."""
    flt = flt or EventFilter()
    return dataclasses.replace(flt, min_confidence=threshold_for(store, flt).value)

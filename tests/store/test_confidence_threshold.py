"""Event confidence in the store and the store-wide threshold the counting views apply."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dyads.store import open_store
from dyads.store.confidence_threshold import (
    ThresholdError,
    checked,
    default_min_confidence,
    min_confidence,
    set_min_confidence,
)
from synthetic_store import EventSpec, make_analysis


def _with_confidence(published: str, value: float):
    analysis = make_analysis(
        [EventSpec("RUS met MLI on Monday.", "RUS", "CONSULT", "MLI", date="2021-01-04")], published=published
    )
    return replace(analysis, events=tuple(replace(e, confidence=value) for e in analysis.events))


def test_an_event_is_as_sure_as_its_best_mention_and_follows_its_mentions(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        set_min_confidence(store.conn, 0.2)  # both reports reach it, so they merge
        store.add_analysis(_with_confidence("2021-01-05", 0.3))
        store.add_analysis(_with_confidence("2021-01-06", 0.8))
        assert store.rows("SELECT n_mentions, confidence FROM events") == [
            {"n_mentions": 2, "confidence": 0.8}
        ]
        store.delete_article(2)
        assert store.rows("SELECT n_mentions, confidence FROM events") == [
            {"n_mentions": 1, "confidence": 0.3}
        ]


def test_a_report_below_the_threshold_is_never_merged(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        set_min_confidence(store.conn, 0.5)
        store.add_analysis(_with_confidence("2021-01-05", 0.3))
        store.add_analysis(_with_confidence("2021-01-06", 0.8))
        assert store.rows("SELECT n_mentions, confidence FROM events ORDER BY confidence") == [
            {"n_mentions": 1, "confidence": 0.3},
            {"n_mentions": 1, "confidence": 0.8},
        ]


def test_the_threshold_defaults_to_the_model_and_is_kept_by_the_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        assert min_confidence(store.conn) == default_min_confidence()
        assert 0.0 <= default_min_confidence() <= 1.0
        set_min_confidence(store.conn, "0.35")
    with open_store(tmp_path / "c.db", readonly=True) as store:
        assert min_confidence(store.conn) == 0.35


@pytest.mark.parametrize("bad", ["high", "1.5", -0.1])
def test_a_threshold_that_is_not_a_probability_is_refused(bad: object) -> None:
    with pytest.raises(ThresholdError):
        checked(bad)  # type: ignore[arg-type]

"""The confidence threshold in the query layer: the counting views count the events at or above it
(the caller's, else the store's), the listing keeps every event, the exports follow the counts."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from dyads.export import export_csv, export_parquet
from dyads.query import EventFilter, compare, dyad_series, find_events, overview, timeline
from dyads.query.confidence import Threshold, shown, store_threshold, threshold_for
from dyads.query.ordering import find_events_sorted
from dyads.query.parse import BadParameter, parse_confidence
from dyads.query.rollups import band_of, compare_rows, dyad_rows
from dyads.store import Store, open_store
from dyads.store.confidence_threshold import (
    ThresholdError,
    clear_min_confidence,
    default_min_confidence,
    set_min_confidence,
)
from synthetic_store import EventSpec, make_analysis

# (day, actor, type, recipient, confidence): one event each, RUS and FRA with MLI
EVENTS = [
    ("2021-01-05", "RUS", "AGREE", "MLI", 0.9),
    ("2021-02-05", "RUS", "CONSULT", "MLI", 0.15),
    ("2021-03-05", "MLI", "AID", "RUS", 0.45),
    ("2021-03-06", "FRA", "ACCUSE", "MLI", 0.44999999999999996),  # just below 0.45
    ("2021-04-05", "FRA", "THREATEN", "MLI", 0.05),
    ("2021-05-05", "FRA", "AGREE", "MLI", 0.3),
]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    writer = open_store(tmp_path / "c.db")
    for i, (day, actor, kind, recipient, sure) in enumerate(EVENTS):
        writer.add_analysis(
            make_analysis(
                [
                    EventSpec(
                        f"Report {i}: {actor} {kind} {recipient}.",
                        actor,
                        kind,
                        recipient,
                        date=day,
                        place="Gao",
                        place_country="MLI",
                        confidence=sure,
                    )
                ],
                published=day,
            )
        )
    # the cases below sit around 0.20, set as the store's own threshold (the shipped default is
    # whatever the confidence model's last fit chose)
    set_min_confidence(writer.conn, 0.2)
    return writer


def _events(rows: list[dict[str, object]]) -> int:
    return sum(int(r["events"]) for r in rows if r.get("period") != "all")  # type: ignore[call-overload]


def test_the_counting_views_use_the_store_threshold_unless_given_one(store: Store) -> None:
    assert store_threshold(store) == Threshold(0.2, "store")
    # the store's threshold, 0.20: 0.9, 0.45, 0.4499…, 0.3 count; 0.15 and 0.05 do not
    assert _events(dyad_series(store, "RUS", "MLI", "year")) == 2
    assert _events(compare(store, "MLI", ["RUS", "FRA"], "year")) == 4
    assert len(timeline(store, "MLI", 25)) == 4
    # as asked: every event, a band edge, just past it, a value between bands
    for asked, rus, both in ((0, 3, 6), (0.45, 2, 2), (0.46, 1, 1), (0.29, 2, 4), (1.0, 0, 0)):
        flt = EventFilter(min_confidence=asked)
        assert _events(dyad_series(store, "RUS", "MLI", "year", flt=flt)) == rus, asked
        assert _events(compare(store, "MLI", ["RUS", "FRA"], "year", flt=flt)) == both, asked
        assert len(timeline(store, "MLI", 25, flt=flt)) == both, asked
        assert threshold_for(store, flt) == Threshold(asked, "asked")
    # the store's own setting, then back to the default
    set_min_confidence(store.conn, 0.45)
    assert store_threshold(store) == Threshold(0.45, "store")
    assert _events(compare(store, "MLI", ["RUS", "FRA"], "year")) == 2
    assert _events(compare(store, "MLI", ["RUS", "FRA"], "year", flt=EventFilter(min_confidence=0))) == 6
    clear_min_confidence(store.conn)
    assert store_threshold(store) == Threshold(default_min_confidence(), "default")
    assert 0 <= default_min_confidence() <= 1


def test_the_rollups_answer_band_edges_and_leave_other_thresholds_to_the_events(store: Store) -> None:
    assert [band_of(v) for v in (0, 0.05, 0.2, 0.45, 1.0)] == [0, 1, 4, 9, 20]
    assert [band_of(v) for v in (0.33, 0.44999999999999996, 0.451, 0.999)] == [None] * 4
    for asked in (0.2, 0.45, 0.33, 0.46):
        flt = EventFilter(min_confidence=asked)
        fast = dyad_rows(store, "FRA", "MLI", "month", flt, ("negation", "future", "hypothetical"))
        assert (fast is not None) == (band_of(asked) is not None)
        pair = compare_rows(store, "MLI", "FRA", "month", flt, ("negation", "future", "hypothetical"))
        assert (pair is not None) == (band_of(asked) is not None)
        for by in ("month", "quarter", "year"):
            assert dyad_series(store, "FRA", "MLI", by, flt=flt) == dyad_series(
                store, "FRA", "MLI", by, flt=flt, use_rollups=False
            )
            assert compare(store, "MLI", ["RUS", "FRA"], by, flt=flt) == compare(
                store, "MLI", ["RUS", "FRA"], by, flt=flt, use_rollups=False
            )


def test_the_overview_counts_at_the_threshold(store: Store) -> None:
    total = sum(
        sum(v for k, v in row.items() if k != "period") for row in overview.quad_series(store, "year")
    )
    assert total == 4 == overview.counted_events(store)
    assert overview.counted_events(store, 0) == 6 and overview.counted_events(store, 0.5) == 1
    assert sum(r["events"] for r in overview.top_dyads(store, min_confidence=0.45)) == 2
    store.conn.execute("UPDATE events SET lat = 16.3, lon = -0.04")  # Gao
    assert overview.event_places(store)[0]["events"] == 4
    assert overview.event_places(store, min_confidence=0)[0]["events"] == 6
    assert {r["key"]: r["events"] for r in overview.active_actors(store)}["FRA"] == 2
    links = overview.partner_network(store, "MLI", min_confidence=0.45)["links"]
    assert {link["target"]: link["events"] for link in links} == {"RUS": 2}


def test_the_listing_keeps_every_event_and_shows_its_confidence(store: Store) -> None:
    page = find_events(store)
    assert page.total == 6 and sorted(r["confidence"] for r in page.items) == sorted(e[4] for e in EVENTS)
    set_min_confidence(store.conn, 0.9)  # the store's threshold is for counting, never for listing
    assert find_events(store).total == 6
    for flt in (
        EventFilter(min_confidence=0.45),
        EventFilter(min_confidence=0.45, actor="FRA"),  # party_events' copy of the confidence
        EventFilter(min_confidence=0.3, party="MLI", since="2021-02"),
    ):
        fast, slow = find_events(store, flt), find_events(store, flt, use_indexes=False)
        assert fast == slow and all(r["confidence"] >= flt.min_confidence for r in fast.items)  # type: ignore[operator]
    assert [r["id"] for r in find_events(store, EventFilter(min_confidence=0.45)).items] == [1, 3]
    ranked = find_events_sorted(store, sort="-confidence")
    assert [r["confidence"] for r in ranked.items] == sorted((e[4] for e in EVENTS), reverse=True)


def test_exports_hold_the_counted_events(store: Store, tmp_path: Path) -> None:
    assert export_csv(store, tmp_path / "default.csv") == 4
    with (tmp_path / "default.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(float(r["Confidence"]) for r in rows) == [0.3, 0.44999999999999996, 0.45, 0.9]
    assert export_csv(store, tmp_path / "all.csv", min_confidence=0) == 6
    set_min_confidence(store.conn, 0.45)
    with open_store(store.path, readonly=True) as reader:  # the Parquet writer reads on a thread of its own
        assert export_parquet(reader, tmp_path / "pq") == 2
    frame = pd.read_parquet(tmp_path / "pq")
    assert sorted(frame["Confidence"]) == [0.45, 0.9]


@pytest.mark.parametrize("bad", ["high", "1.5", "-0.1", "nan", "inf", "0,3"])
def test_a_threshold_that_is_not_a_probability_is_refused(bad: str) -> None:
    with pytest.raises(BadParameter, match=r"^--min-confidence: expected a number from 0 to 1"):
        parse_confidence(bad, "--min-confidence")


def test_a_query_refuses_a_threshold_past_one(store: Store) -> None:
    for bad in (1.5, -0.2, float("nan")):
        with pytest.raises(ThresholdError):
            dyad_series(store, "RUS", "MLI", flt=EventFilter(min_confidence=bad))


def test_thresholds_are_shown_as_written() -> None:
    assert [shown(v) for v in (0.2, 0.35, 0.333, 0, 1)] == ["0.20", "0.35", "0.333", "0.00", "1.00"]
    assert Threshold(0.2, "default").describe() == "confidence ≥ 0.20 (store default)"
    assert Threshold(0.3, "asked").fields() == {"min_confidence": 0.3, "min_confidence_source": "asked"}

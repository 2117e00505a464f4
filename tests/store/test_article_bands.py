"""The articles counted by their best confidence band in each period of a series (schema 13): an
article counts at a threshold when one of its factual events there reaches it, once however many
of its events, months or types the period holds, and the counts stay exact as events change."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.query import EventFilter, compare, dyad_series
from dyads.store import Store, open_store
from dyads.store.confidence_threshold import set_min_confidence
from dyads.store.derived_tables import differences
from synthetic_store import EventSpec, make_analysis

THRESHOLDS = (None, 0, 0.2, 0.45, 0.5, 1.0, 0.33)
BELOW_EDGE = 0.44999999999999996  # the double just below 0.45: band 8, not 9


def _event(day: str, kind: str, confidence: float, auxiliary: str | None = None) -> EventSpec:
    return EventSpec(
        f"Russia and Mali: {kind} on {day}, {auxiliary}.", "RUS", kind, "MLI", date=day,
        auxiliary=auxiliary, confidence=confidence,
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """One article with events in January and February (one quarter) on both sides of the 0.45
    band edge, of two types, and a negated one surer than all; another with a January event only."""
    writer = open_store(tmp_path / "b.db")
    writer.add_analysis(
        make_analysis(
            [
                _event("2021-01-10", "ASSAULT", BELOW_EDGE),
                _event("2021-02-10", "ASSAULT", 0.45),
                _event("2021-02-12", "ACCUSE", 0.2),
                _event("2021-03-01", "ASSAULT", 1.0, auxiliary="negation"),
            ],
            published="2021-03-02",
            outlet="first",
        )
    )
    writer.add_analysis(
        make_analysis([_event("2021-01-20", "ASSAULT", 0.62)], published="2021-03-03", outlet="second")
    )
    return writer


def _articles(rows: list[dict]) -> dict[tuple[str, str], int]:
    return {(r["period"], r.get("type") or r["partner"]): r["articles"] for r in rows}


def _bands(store: Store, qgrain: str, bucket: str, kind: str) -> dict[int, int]:
    """How many articles have each best band in a period of a series of RUS→MLI events of a type."""
    found = store.conn.execute(
        "SELECT band, articles FROM dyad_article_bands WHERE source = 'RUS' AND target = 'MLI'"
        " AND qgrain = ? AND bucket = ? AND type = ? ORDER BY band",
        (qgrain, bucket, kind),
    ).fetchall()
    return _best_bands(found)


def _best_bands(rows: list[tuple[int, int]]) -> dict[int, int]:
    """From the rows of a period (a band, the articles at or above it): the articles of each best
    band. Every row is some article's best band, so no two neighbours say the same."""
    found = {
        band: count - (rows[i + 1][1] if i + 1 < len(rows) else 0) for i, (band, count) in enumerate(rows)
    }
    assert all(found.values()), rows
    return found


def _both_paths_agree(store: Store) -> None:
    assert differences(store.conn) == {}
    for least in THRESHOLDS:
        flt = EventFilter(min_confidence=least)
        for by in ("month", "quarter", "year"):
            fast = dyad_series(store, "RUS", "MLI", by, flt=flt)
            assert fast == dyad_series(store, "RUS", "MLI", by, flt=flt, use_rollups=False), (by, least)
            fast = compare(store, "MLI", ["RUS"], by, flt=flt)
            assert fast == compare(store, "MLI", ["RUS"], by, flt=flt, use_rollups=False), (by, least)


def test_an_article_counts_by_its_best_factual_band_in_each_period(store: Store) -> None:
    # January holds both articles (bands 8 and 12); the quarter holds the first's February event
    # too, so its best band there is 9; the negated March event (band 20) counts nowhere.
    assert _bands(store, "month", "2021-01", "ASSAULT") == {8: 1, 12: 1}
    assert _bands(store, "quarter", "2021-Q1", "ASSAULT") == {9: 1, 12: 1}
    assert _bands(store, "year", "2021", "ASSAULT") == {9: 1, 12: 1}
    assert _bands(store, "quarter", "2021-Q1", "ACCUSE") == {4: 1}
    pair = store.conn.execute(
        "SELECT band, articles FROM pair_article_bands WHERE qgrain = 'all' ORDER BY band"
    )
    # both types: the first article's best band is that of its ASSAULT
    assert _best_bands(pair.fetchall()) == {9: 1, 12: 1}
    at_edge = EventFilter(min_confidence=0.45)
    assert _articles(dyad_series(store, "RUS", "MLI", "month", flt=at_edge)) == {
        ("2021-01", "ASSAULT"): 1,  # the second article; the first's January event is below 0.45
        ("2021-02", "ASSAULT"): 1,
    }
    assert _articles(dyad_series(store, "RUS", "MLI", "quarter", flt=at_edge)) == {("2021-Q1", "ASSAULT"): 2}
    assert _articles(compare(store, "MLI", ["RUS"], "quarter", flt=EventFilter(min_confidence=0.2))) == {
        ("2021-Q1", "RUS"): 2,  # two articles, though the first reports four events of two types
        ("all", "RUS"): 2,
    }
    _both_paths_agree(store)


def test_the_best_band_moves_down_when_its_event_goes(store: Store) -> None:
    february = int(store.scalar("SELECT id FROM events WHERE date = '2021-02-10'"))
    store.conn.execute("BEGIN")
    store.conn.execute("DELETE FROM event_actors WHERE event_id = ? AND role = 'recipient'", (february,))
    store.conn.execute("COMMIT")
    assert _bands(store, "quarter", "2021-Q1", "ASSAULT") == {8: 1, 12: 1}
    assert _articles(dyad_series(store, "RUS", "MLI", "quarter", flt=EventFilter(min_confidence=0.45))) == {
        ("2021-Q1", "ASSAULT"): 1
    }
    _both_paths_agree(store)
    store.delete_article(2)
    assert _bands(store, "quarter", "2021-Q1", "ASSAULT") == {8: 1}
    _both_paths_agree(store)
    store.delete_article(1)
    for table in ("dyad_article_best", "dyad_article_bands", "pair_article_best", "pair_article_bands"):
        assert store.scalar(f"SELECT COUNT(*) FROM {table}") == 0, table


def test_a_surer_event_moves_its_articles_up(store: Store) -> None:
    """The January event of the first article rising from band 8 to 18 (as when a surer report of
    it arrives): the article moves to band 18 in January, in the quarter and in the year."""
    store.conn.execute("BEGIN")
    store.conn.execute("UPDATE events SET confidence = 0.9 WHERE date = '2021-01-10'")
    store.conn.execute("COMMIT")
    assert _bands(store, "month", "2021-01", "ASSAULT") == {12: 1, 18: 1}
    assert _bands(store, "quarter", "2021-Q1", "ASSAULT") == {12: 1, 18: 1}
    _both_paths_agree(store)


def test_a_new_store_threshold_reads_the_same_tables(store: Store) -> None:
    set_min_confidence(store.conn, 0.5)
    assert _articles(dyad_series(store, "RUS", "MLI", "quarter")) == {("2021-Q1", "ASSAULT"): 1}
    _both_paths_agree(store)


def test_a_series_reads_one_row_of_each_period_by_its_key(store: Store) -> None:
    """Each row's articles: the first row of its key (the row's period and type) at or above the
    threshold band, found without a scan or a sort."""
    for table, pair, typed in (
        ("dyad_article_bands", "b.source = 'RUS' AND b.target = 'MLI'", " AND b.type = 'ASSAULT'"),
        ("pair_article_bands", "b.low = 'MLI' AND b.high = 'RUS'", ""),
    ):
        plan = " ".join(
            str(r[-1])
            for r in store.conn.execute(
                f"EXPLAIN QUERY PLAN SELECT b.articles FROM {table} b WHERE {pair}"
                f" AND b.qgrain = 'quarter' AND b.bucket = '2021-Q1'{typed} AND b.band >= 9"
                " ORDER BY b.band LIMIT 1"
            )
        )
        assert "USING PRIMARY KEY (" in plan and "band>?" in plan and "SCAN" not in plan, plan
        assert "B-TREE" not in plan, plan

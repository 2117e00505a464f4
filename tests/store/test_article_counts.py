"""The distinct articles beside the event counts of a dyad series and a comparison (schema 12): one
article reporting two events counts once, a total counts an article of two periods once, and the
article tables stay exact as reports are split, joined, re-clustered, deleted and migrated."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dyads.model import Analysis
from dyads.query import EventFilter, compare, dyad_series
from dyads.store import Store, open_store
from dyads.store.derived_tables import differences
from synthetic_store import EventSpec, make_analysis

THRESHOLDS = (None, 0, 0.2, 0.45, 1.0, 0.33)  # the store's, every event, band edges, between bands


def _assault(day: str) -> EventSpec:
    return EventSpec(f"Russian forces struck Mali on {day}.", "RUS", "ASSAULT", "MLI", date=day)


def _first() -> Analysis:
    """Three strikes on three days, two of them in March, in one article."""
    days = ("2021-03-02", "2021-03-09", "2021-04-05")
    return make_analysis([_assault(day) for day in days], published="2021-04-06", outlet="first")


def _second() -> Analysis:
    """The April strike again, in another article: the same event."""
    return make_analysis([_assault("2021-04-05")], published="2021-04-07", outlet="second")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    writer = open_store(tmp_path / "c.db")
    writer.add_analysis(_first())
    writer.add_analysis(_second())
    return writer


def _counts(rows: list[dict]) -> dict[str, tuple[int, int, int]]:
    return {r["period"]: (r["events"], r["mentions"], r["articles"]) for r in rows}


def _both_paths_agree(store: Store) -> None:
    assert differences(store.conn) == {}
    for least in THRESHOLDS:
        flt = EventFilter(min_confidence=least)
        for by in ("month", "quarter", "year", "week"):
            fast = dyad_series(store, "RUS", "MLI", by, flt=flt)
            assert fast == dyad_series(store, "RUS", "MLI", by, flt=flt, use_rollups=False), (by, least)
            fast = compare(store, "MLI", ["RUS", "FRA"], by, flt=flt)
            assert fast == compare(store, "MLI", ["RUS", "FRA"], by, flt=flt, use_rollups=False), (by, least)


def _event_of(store: Store, day: str) -> int:
    return int(store.scalar("SELECT id FROM events WHERE date = ?", (day,)))


def test_an_article_of_two_events_counts_once(store: Store) -> None:
    assert store.scalar("SELECT COUNT(*) FROM events") == 3  # the April reports merged
    by_month = _counts(dyad_series(store, "RUS", "MLI", "month"))
    # March: two events from one article; April: one event in two articles
    assert by_month == {"2021-03": (2, 2, 1), "2021-04": (1, 2, 2)}
    assert _counts(dyad_series(store, "RUS", "MLI", "year")) == {"2021": (3, 4, 2)}
    rows = compare(store, "MLI", ["RUS"], "month")
    assert _counts(rows) == {"2021-03": (2, 2, 1), "2021-04": (1, 2, 2), "all": (3, 4, 2)}
    # the total counts the first article once, though both periods have it
    assert rows[-1]["articles"] < sum(r["articles"] for r in rows[:-1])
    assert list(rows[-1])[:5] == ["partner", "period", "events", "mentions", "articles"]
    assert dyad_series(store, "MLI", "RUS", "month", both_directions=False) == []
    _both_paths_agree(store)


def test_splitting_and_joining_moves_the_articles(store: Store) -> None:
    april = _event_of(store, "2021-04-05")
    second = int(store.scalar("SELECT id FROM event_mentions WHERE article_id = 2"))
    apart = store.correct(split=(april, second))
    assert len(apart) == 2
    assert _counts(dyad_series(store, "RUS", "MLI", "month"))["2021-04"] == (2, 2, 2)
    _both_paths_agree(store)
    store.correct(join=(apart[0], apart[1]))
    assert _counts(dyad_series(store, "RUS", "MLI", "month"))["2021-04"] == (1, 2, 2)
    _both_paths_agree(store)
    march = store.correct(join=(_event_of(store, "2021-03-02"), _event_of(store, "2021-03-09")))
    assert len(march) == 1
    assert _counts(dyad_series(store, "RUS", "MLI", "month"))["2021-03"] == (1, 2, 1)
    _both_paths_agree(store)
    decided = _counts(compare(store, "MLI", ["RUS"], "quarter"))
    store.recluster()
    assert _counts(compare(store, "MLI", ["RUS"], "quarter")) == decided
    _both_paths_agree(store)


def test_a_deleted_article_takes_its_articles_along(store: Store) -> None:
    store.delete_article(1)
    assert _counts(compare(store, "MLI", ["RUS"], "month")) == {"2021-04": (1, 1, 1), "all": (1, 1, 1)}
    _both_paths_agree(store)
    store.delete_article(2)
    assert store.scalar("SELECT COUNT(*) FROM dyad_articles") == 0
    assert store.scalar("SELECT COUNT(*) FROM pair_articles") == 0
    assert compare(store, "MLI", ["RUS"], "month") == [
        {"partner": "RUS", "period": "all", "events": 0, "mentions": 0, "articles": 0, "cooperation": 0,
         "verbal_cooperation": 0, "material_cooperation": 0, "conflict": 0, "verbal_conflict": 0,
         "material_conflict": 0, "score_sum": 0, "score_mean": None, "balance": 0, "grain": None},
    ]  # fmt: skip


def test_joint_events_count_their_article_once_for_the_pair(tmp_path: Path) -> None:
    """Countries acting jointly (Russia and Mali agreeing) give an event both directions of the
    pair: the pair's article row counts both, and the article counts once."""
    analysis = make_analysis(
        [
            EventSpec("RUS and MLI signed an accord.", "RUS", "AGREE", None, date="2021-05-03"),
            EventSpec("MLI accused FRA.", "MLI", "ACCUSE", "FRA", date="2021-05-04"),
        ],
        published="2021-05-05",
    )
    ids = {a.name: a.id for a in analysis.actors}
    accord = replace(analysis.events[0], actor=(ids["RUS"], ids["MLI"]))
    with open_store(tmp_path / "j.db") as store:
        store.add_analysis(replace(analysis, events=(accord, analysis.events[1])))
        assert store.rows("SELECT source, target FROM event_dyads WHERE target <> 'FRA' ORDER BY 1") == [
            {"source": "MLI", "target": "RUS"},
            {"source": "RUS", "target": "MLI"},
        ]
        assert store.scalar("SELECT events FROM pair_articles WHERE high = 'RUS'") == 2
        rows = compare(store, "MLI", ["RUS", "FRA"], "month")
        with_russia = [r for r in rows if r["partner"] == "RUS"]
        assert _counts(with_russia) == {"2021-05": (1, 1, 1), "all": (1, 1, 1)}
        assert [(r["partner"], r["articles"]) for r in rows if r["period"] == "all"] == [
            ("RUS", 1),
            ("FRA", 1),
        ]
        _both_paths_agree(store)
        store.delete_article(1)
        assert store.scalar("SELECT COUNT(*) FROM pair_articles") == 0
        assert differences(store.conn) == {}


def test_a_party_leaving_an_event_takes_its_articles_from_the_pair(store: Store) -> None:
    """An event losing its recipient while its reports stay (its dyads go, schema 5's trigger)."""
    april = _event_of(store, "2021-04-05")
    store.conn.execute("BEGIN")
    store.conn.execute("DELETE FROM event_actors WHERE event_id = ? AND role = 'recipient'", (april,))
    store.conn.execute("COMMIT")
    assert _counts(compare(store, "MLI", ["RUS"], "month")) == {"2021-03": (2, 2, 1), "all": (2, 2, 1)}
    _both_paths_agree(store)


_BAND_TABLES = ("dyad_article_best", "dyad_article_bands", "pair_article_best", "pair_article_bands")
# What each schema brought for the article counts: its tables, and the prefix of its triggers' names.
_SCHEMA_OBJECTS = {
    12: (("dyad_articles", "pair_articles"), "articles"),
    13: (_BAND_TABLES, "best"),
}


@pytest.mark.parametrize("older", [11, 12])
def test_an_older_store_gets_its_article_tables_filled(store: Store, older: int) -> None:
    tables = [table for version in (12, 13) for table in _SCHEMA_OBJECTS[version][0]]
    before = {table: sorted(store.conn.execute(f"SELECT * FROM {table}").fetchall()) for table in tables}
    assert all(before.values())
    for version in range(older + 1, 14):
        dropped, prefix = _SCHEMA_OBJECTS[version]
        for (name,) in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", (f"{prefix}%",)
        ).fetchall():
            store.conn.execute(f"DROP TRIGGER {name}")
        for table in dropped:
            store.conn.execute(f"DROP TABLE {table}")
    store.conn.execute("DELETE FROM schema_version WHERE version > ?", (older,))
    path = store.path
    store.close()
    with open_store(path) as upgraded:
        assert upgraded.schema_version() >= 13
        for table, rows in before.items():
            assert sorted(upgraded.conn.execute(f"SELECT * FROM {table}").fetchall()) == rows, table
        _both_paths_agree(upgraded)


def test_the_article_counts_read_one_range_of_the_key_in_order(store: Store) -> None:
    """A monthly series counts the distinct articles of each group as the key delivers them: one
    range of the key, no sort, no temporary b-tree for the distinct ids."""
    for table, pair, groups in (
        ("dyad_articles", "source = 'RUS' AND target = 'MLI'", "grain, period, type"),
        ("pair_articles", "low = 'MLI' AND high = 'RUS'", "grain, period"),
    ):
        plan = " ".join(
            str(r[-1])
            for r in store.conn.execute(
                f"EXPLAIN QUERY PLAN SELECT {groups}, COUNT(DISTINCT article_id) FROM {table}"
                f" WHERE {pair} AND band >= 9 GROUP BY {groups}"
            )
        )
        assert "USING PRIMARY KEY (" in plan and "SCAN" not in plan and "B-TREE" not in plan, plan

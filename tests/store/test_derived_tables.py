"""The pre-aggregated tables (schema 6, with confidence bands since schema 9, and their articles since
schema 12) stay exact under every kind of write, and the queries they serve give the same rows —
events, mentions, distinct articles, scores — as the general SQL over the events, at every
confidence threshold."""

from __future__ import annotations

import math
import random
import sqlite3
from pathlib import Path

import pytest

from dyads.query import EventFilter, compare, dyad_series, timeline
from dyads.store import DedupParams, Store, open_store
from dyads.store.confidence_threshold import set_min_confidence
from dyads.store.derived_tables import differences, rebuild
from dyads.store.migrations import migrate
from synthetic_store import EventSpec, make_analysis

COUNTRIES = ["RUS", "MLI", "FRA", "USA"]
TYPES = ["AGREE", "CONSULT", "COOPERATE", "AID", "ACCUSE", "THREATEN", "ASSAULT", "PROTEST"]
FILTERS = [
    EventFilter(),
    EventFilter(include_auxiliary=True),
    EventFilter(types=("agree", "ASSAULT")),
    EventFilter(quad=4),
    EventFilter(since="2020", until="2021-06"),  # bounds on period edges: rollups
    EventFilter(since="2020-02-15"),  # a bound inside a period: the events themselves
    EventFilter(min_mentions=2),
    EventFilter(place="Gao"),
    EventFilter(min_confidence=0),  # every event
    EventFilter(min_confidence=0.2),
    EventFilter(min_confidence=0.45),  # a multiple of 0.05: the rollups' bands
    EventFilter(min_confidence=1.0),
    EventFilter(min_confidence=0.33, types=("AID", "ASSAULT")),  # any other: the events themselves
]
# Confidences an event's reports may have: edges of the rollups' bands (0.45 and the double just
# below it, which floor(c * 20) would put in band 9), the ends, values inside bands.
CONFIDENCES = [0.0, 0.05, 0.17, 0.2, 0.33, 0.44999999999999996, 0.45, 0.62, 0.9, 1.0]


def _random_articles(seed: int, count: int) -> list:
    """Articles reporting events drawn from a small pool, so that reports merge into shared events
    whose counts, scores and parties change as articles arrive."""
    rng = random.Random(seed)
    dates = ["2019-12-30", "2020-01-02", "2020-03-31", "2020-04-01", "2020-04", "2020", "2021-06-30", None]
    pool = [
        (
            rng.choice([*COUNTRIES, "RUS:MIL", "MLI:GOV", "Wagner Group"]),
            rng.choice([*COUNTRIES, "FRA:MIL", "Islamic State Sahel", None]),
            rng.choice(TYPES),
            rng.choice(dates),
            rng.choice([None, None, None, "negation", "historical", "future"]),
        )
        for _ in range(25)
    ]
    sure = random.Random(seed + 1)  # a draw of its own: the events stay those of the seed
    articles = []
    for number in range(count):
        specs = [
            EventSpec(
                f"Report {number}.{i} of {actor} and {recipient}.",
                actor,
                kind,
                recipient,
                date=when,
                place=rng.choice([None, "Gao"]),
                place_country="MLI",
                score=rng.choice([None, 2.5, -7.0, 4.2, 1.3]),
                auxiliary=aux,
                confidence=sure.choice(CONFIDENCES),
            )
            for i, (actor, recipient, kind, when, aux) in enumerate(rng.sample(pool, rng.randint(1, 4)))
        ]
        published = rng.choice(["2020-01-03", "2020-04-02"])
        articles.append(make_analysis(specs, published=published, outlet=f"o{number % 3}"))
    return articles


def _assert_same_answers(store: Store) -> None:
    for flt in FILTERS:
        for by in ("month", "quarter", "year", "week"):
            for a in COUNTRIES:
                for b in COUNTRIES:
                    fast = dyad_series(store, a, b, by, flt=flt)
                    assert fast == dyad_series(store, a, b, by, flt=flt, use_rollups=False), (a, b, by, flt)
                fast_compare = compare(store, a, [p for p in COUNTRIES if p != a] + [a], by, flt=flt)
                assert fast_compare == compare(
                    store, a, [p for p in COUNTRIES if p != a] + [a], by, flt=flt, use_rollups=False
                )
        for party in [*COUNTRIES, "RUS:MIL", "Wagner Group"]:
            for limit in (1, 3, 25):
                assert timeline(store, party, limit, flt=flt) == timeline(
                    store, party, limit, flt=flt, use_rollups=False
                )


@pytest.fixture(params=[3, 11])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    writer = open_store(tmp_path / "c.db")
    for analysis in _random_articles(request.param, 30):
        writer.add_analysis(analysis)
    return writer


def test_rollups_match_a_fresh_rebuild_and_the_general_queries(store: Store) -> None:
    assert store.scalar("SELECT COUNT(*) FROM dyad_rollup") > 0
    assert store.scalar("SELECT MAX(n_mentions) FROM events") > 1  # events merged, counts updated
    assert differences(store.conn) == {}
    _assert_same_answers(store)


def test_rollups_follow_replaced_and_deleted_articles(store: Store) -> None:
    articles = _random_articles(3, 30) + _random_articles(11, 30)
    for analysis in articles[::4]:
        store.add_analysis(analysis, force=True)
    assert differences(store.conn) == {}
    for row in (2, 5, 11, 17):
        store.delete_article(row)
    assert differences(store.conn) == {}
    _assert_same_answers(store)


def test_rollups_follow_reclustering(store: Store) -> None:
    before = store.rows("SELECT * FROM pair_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7")
    store.recluster(DedupParams(published_days=0, symmetric_types=frozenset()))
    assert differences(store.conn) == {}
    _assert_same_answers(store)
    store.recluster(DedupParams())
    assert differences(store.conn) == {}
    assert len(store.rows("SELECT * FROM pair_rollup")) == len(before)


def test_deleting_every_article_empties_the_rollups(store: Store) -> None:
    for (row,) in store.conn.execute("SELECT id FROM articles").fetchall():
        store.delete_article(row)
    for table in ("events", "event_dyads", "dyad_rollup", "pair_rollup", "party_events", "dyad_articles",
                  "pair_articles"):  # fmt: skip
        assert store.scalar(f"SELECT COUNT(*) FROM {table}") == 0, table


def test_rebuild_reproduces_the_kept_tables(store: Store) -> None:
    kept = store.rows("SELECT * FROM party_events ORDER BY country, event_id")
    store.conn.execute("BEGIN")
    rebuild(store.conn, ("dyad_rollup", "pair_rollup", "party_events"))
    store.conn.execute("COMMIT")
    assert store.rows("SELECT * FROM party_events ORDER BY country, event_id") == kept
    assert differences(store.conn) == {}


def test_fast_paths_use_the_indexes(store: Store) -> None:
    plan = " ".join(
        str(r[-1])
        for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT p.event_id FROM party_events p INDEXED BY party_events_rank"
            " WHERE p.country = 'MLI' AND p.factual = 1 AND p.date IS NOT NULL"
            " ORDER BY p.n_articles DESC, p.n_mentions DESC, p.abs_score DESC, p.date, p.event_id LIMIT 5"
        )
    )
    assert "party_events_rank" in plan and "TEMP B-TREE" not in plan
    plan = " ".join(
        str(r[-1])
        for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT period, type, SUM(events) FROM dyad_rollup"
            " WHERE source = 'RUS' AND target = 'MLI' AND grain = 'month' GROUP BY period, type"
        )
    )
    assert "USING PRIMARY KEY (source=? AND target=?" in plan


def test_rollups_follow_direct_updates_of_events(store: Store) -> None:
    """Dates spanning months of one quarter (the quarter grain), new scores, types and auxiliaries."""
    store.conn.execute("BEGIN")
    store.conn.execute(
        "UPDATE events SET date_hi = date(date_lo, '+40 days') WHERE date_lo LIKE '2020-01-%' OR date_lo LIKE '2020-04-0%'"
    )
    store.conn.execute("UPDATE events SET score = score + 0.7, n_articles = n_articles + 2 WHERE id % 4 = 1")
    store.conn.execute("UPDATE events SET type = 'AID', quad = 2, auxiliary = NULL WHERE id % 5 = 2")
    store.conn.execute("UPDATE events SET date = NULL, date_lo = NULL, date_hi = NULL WHERE id % 7 = 3")
    store.conn.execute("UPDATE events SET confidence = 0.45 WHERE id % 3 = 0")
    store.conn.execute("UPDATE events SET confidence = 0.44999999999999996 WHERE id % 3 = 1")
    store.conn.execute("COMMIT")
    assert store.scalar("SELECT COUNT(*) FROM dyad_rollup WHERE grain = 'quarter'") > 0
    assert differences(store.conn) == {}
    _assert_same_answers(store)


def test_event_facts_reads_one_event_by_its_key(store: Store) -> None:
    plan = " ".join(
        str(r[-1])
        for r in store.conn.execute("EXPLAIN QUERY PLAN SELECT * FROM event_facts WHERE event_id = 3")
    )
    assert "INTEGER PRIMARY KEY" in plan and "SCAN" not in plan


def _report(event_date: str, published: str, confidence: float):
    return make_analysis(
        [
            EventSpec(
                f"RUS met MLI on {published}.",
                "RUS",
                "CONSULT",
                "MLI",
                date=event_date,
                confidence=confidence,
            )
        ],
        published=published,
    )


def _band_rows(store: Store) -> list[tuple[str, int, int]]:
    return [
        (r["source"], r["band"], r["events"])
        for r in store.rows("SELECT source, band, events FROM dyad_rollup ORDER BY source, band")
    ]


def test_an_event_moves_band_as_its_best_report_changes(tmp_path: Path) -> None:
    """A more confident report of a stored event moves its counts to a higher band; taking that
    report away moves them back; the rollups stay exact and the series follow at every threshold.
    (Both reports reach the store's threshold: a report below it is never merged.)"""
    with open_store(tmp_path / "c.db") as store:
        set_min_confidence(store.conn, 0.2)  # both reports reach it, so they merge
        store.add_analysis(_report("2021-03-02", "2021-03-02", 0.25))
        assert _band_rows(store) == [("RUS", 5, 1)]
        assert store.scalar("SELECT SUM(events) FROM dyad_rollup") == 1  # one event, one report
        at_020 = dyad_series(store, "RUS", "MLI", "month", flt=EventFilter(min_confidence=0.3))
        assert at_020 == []
        store.add_analysis(_report("2021-03-02", "2021-03-03", 0.62))  # the same event, surer
        assert store.scalar("SELECT COUNT(*) FROM events") == 1
        assert _band_rows(store) == [("RUS", 12, 1)]
        assert differences(store.conn) == {}
        rows = dyad_series(store, "RUS", "MLI", "month", flt=EventFilter(min_confidence=0.3))
        assert [(r["events"], r["mentions"]) for r in rows] == [(1, 2)]
        assert rows == dyad_series(
            store, "RUS", "MLI", "month", flt=EventFilter(min_confidence=0.3), use_rollups=False
        )
        store.delete_article(2)
        assert _band_rows(store) == [("RUS", 5, 1)]
        assert differences(store.conn) == {}
        assert dyad_series(store, "RUS", "MLI", "month", flt=EventFilter(min_confidence=0.3)) == []


def test_the_band_of_an_event_is_the_thresholds_it_reaches(tmp_path: Path) -> None:
    """band >= k exactly when confidence >= k/20, also for the doubles next to a band's edge."""
    with open_store(tmp_path / "c.db") as store:
        store.conn.execute("BEGIN")
        store.conn.execute(
            "INSERT INTO events (id, type, quad, date, date_lo, date_hi, score, confidence)"
            " VALUES (1, 'AID', 2, '2021-01-01', '2021-01-01', '2021-01-01', 1.0, 0.5)"
        )
        store.conn.execute("COMMIT")
        edges = [k / 20 for k in range(21)]
        nearby = [math.nextafter(e, -1.0) for e in edges[1:]] + [math.nextafter(e, 2.0) for e in edges[:-1]]
        for value in [*edges, *nearby, 0.44999999999999996, 0.8999999999999999, 1.5, -0.5]:
            store.conn.execute("UPDATE events SET confidence = ? WHERE id = 1", (value,))
            band = store.scalar("SELECT band FROM event_facts WHERE event_id = 1")
            assert band == sum(value >= k / 20 for k in range(1, 21)), value


def test_a_store_threshold_is_applied_the_same_by_both_paths(store: Store) -> None:
    """The store's own threshold (here a band edge, then any value) counts as a given one does."""
    for value in (0.45, 0.33):
        set_min_confidence(store.conn, value)
        for by in ("month", "year"):
            for a, b in (("RUS", "MLI"), ("MLI", "FRA"), ("USA", "RUS")):
                fast = dyad_series(store, a, b, by)
                assert fast == dyad_series(store, a, b, by, use_rollups=False)
                assert fast == dyad_series(store, a, b, by, flt=EventFilter(min_confidence=value))
            assert compare(store, "MLI", COUNTRIES, by) == compare(
                store, "MLI", COUNTRIES, by, use_rollups=False
            )
        for party in COUNTRIES:
            assert timeline(store, party, 5) == timeline(store, party, 5, use_rollups=False)


def test_a_schema_8_store_migrates_to_exact_bands(tmp_path: Path) -> None:
    """A store written before the bands (schema 8) gets its rollups rebuilt with them."""
    # today's writer writes today's schema: the events are written there, then copied, table by
    # table, into a store at schema 8, whose own triggers fill its rollups (and some of its joint
    # dyads, hence OR IGNORE) as they arrive
    with open_store(tmp_path / "new.db") as written:
        for analysis in _random_articles(5, 20):
            written.add_analysis(analysis)
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=8)
    conn.execute("ATTACH DATABASE ? AS new", (str(tmp_path / "new.db"),))
    for table in ("articles", "actors", "events", "event_actors", "event_mentions", "event_dyads"):
        columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        listed = ", ".join(columns)
        conn.execute(f"INSERT OR IGNORE INTO main.{table} ({listed}) SELECT {listed} FROM new.{table}")
    conn.execute("DETACH DATABASE new")
    old = Store(conn, path, False, DedupParams())
    before = old.rows("SELECT source, target, SUM(events) AS n FROM dyad_rollup GROUP BY 1, 2 ORDER BY 1, 2")
    assert before and 9 in migrate(conn)
    conn.close()
    with open_store(path) as store:
        assert store.schema_version() >= 9
        assert differences(store.conn) == {}
        after = store.rows(
            "SELECT source, target, SUM(events) AS n FROM dyad_rollup GROUP BY 1, 2 ORDER BY 1, 2"
        )
        assert after == before and store.scalar("SELECT COUNT(DISTINCT band) FROM dyad_rollup") > 1
        _assert_same_answers(store)

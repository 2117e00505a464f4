"""The event listing read off the indexes of schema 7 gives the rows of the general SQL, in the
same order, for every filter combination and page; its count is exact or an honest lower bound."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from dyads.query import EventFilter, find_events
from dyads.query.listing import COUNT_CAP, plan
from dyads.store import DedupParams, Store, open_store
from synthetic_store import EventSpec, make_analysis
from web_support import Server

PARTIES = ["RUS", "MLI", "FRA", "RUS:MIL", "MLI:GOV", "FRA:MIL", "Wagner Group", "Islamic State Sahel"]
TYPES = ["AGREE", "CONSULT", "COOPERATE", "AID", "ACCUSE", "THREATEN", "ASSAULT", "PROTEST"]
DATES = ["2019-12-30", "2020-01-02", "2020-03-31", "2020-04-01", "2020-04", "2020", "2021-06-30", None, None]


def _random_articles(seed: int, count: int) -> list:
    """Articles drawn from a pool of events, so that reports merge and counts change; a fair share
    of undated events, so pages run across the end of the dated ones."""
    rng = random.Random(seed)
    pool = [
        (
            rng.choice(PARTIES),
            rng.choice([*PARTIES, None]),
            rng.choice(TYPES),
            rng.choice(DATES),
            rng.choice([None, None, None, "negation", "historical", "future", "hypothetical"]),
            rng.choice([None, "Gao", "Paris"]),
        )
        for _ in range(40)
    ]
    articles = []
    for number in range(count):
        specs = [
            EventSpec(
                f"Report {number}.{i} of {actor} and {recipient}.",
                actor,
                kind,
                recipient,
                date=when,
                place=place,
                place_country={"Gao": "MLI", "Paris": "FRA"}.get(place or ""),
                score=rng.choice([None, 2.5, -7.0, 4.2]),
                auxiliary=aux,
            )
            for i, (actor, recipient, kind, when, aux, place) in enumerate(
                rng.sample(pool, rng.randint(1, 5))
            )
        ]
        articles.append(make_analysis(specs, published=rng.choice(["2020-01-03", "2020-04-02", None])))
    return articles


def _random_filters(seed: int, count: int) -> list[EventFilter]:
    rng = random.Random(seed)
    specs = [None, None, *PARTIES, "rusmil", "MLIGOV", "wagner group", "NZL"]  # NZL: a country with no events
    found = []
    for _ in range(count):
        found.append(
            EventFilter(
                actor=rng.choice(specs),
                recipient=rng.choice(specs),
                party=rng.choice([None, None, None, *specs]),
                types=tuple(rng.sample(TYPES, rng.choice([0, 0, 1, 1, 2]))),
                quad=rng.choice([None, None, 1, 4]),
                since=rng.choice([None, None, "2020", "2020-02-15"]),
                until=rng.choice([None, None, "2020-03", "2021"]),
                place=rng.choice([None, None, None, "gao", "MLI"]),
                min_mentions=rng.choice([1, 1, 1, 2]),
                include_auxiliary=rng.random() < 0.3,
            )
        )
    return found


def _assert_listing_matches(store: Store, filters: list[EventFilter]) -> None:
    for flt in filters:
        reference = find_events(store, flt, limit=10_000, use_indexes=False)
        everything = reference.items
        exact = find_events(store, flt, limit=10_000, count_up_to=None)
        assert exact.items == everything, flt
        assert (exact.total, exact.total_is_lower_bound) == (reference.total, False), flt
        for limit, offset in itertools.product((1, 4, 50), (0, 3, len(everything) - 2, len(everything) + 5)):
            offset = max(0, offset)
            page = find_events(store, flt, limit=limit, offset=offset, count_up_to=5)
            assert page.items == everything[offset : offset + limit], (flt, limit, offset)
            bound = max(5, offset + limit + 1)
            assert page.total == min(len(everything), bound), (flt, limit, offset)
            assert page.total_is_lower_bound == (len(everything) >= bound), (flt, limit, offset)


@pytest.fixture(params=[5, 23])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    writer = open_store(tmp_path / "c.db")
    for analysis in _random_articles(request.param, 40):
        writer.add_analysis(analysis)
    return writer


def test_the_fast_listing_gives_the_rows_of_the_general_sql(store: Store) -> None:
    assert store.scalar("SELECT COUNT(*) FROM events WHERE date IS NULL") > 3
    assert store.scalar("SELECT COUNT(*) FROM events WHERE date IS NOT NULL") > 20
    _assert_listing_matches(store, [EventFilter(), EventFilter(include_auxiliary=True)])
    _assert_listing_matches(store, _random_filters(store.scalar("SELECT COUNT(*) FROM events"), 150))


def test_the_fast_listing_follows_replaced_deleted_and_reclustered_events(store: Store) -> None:
    for analysis in _random_articles(99, 40)[::3]:
        store.add_analysis(analysis, force=True)
    for row in (2, 7, 13):
        store.delete_article(row)
    store.recluster(DedupParams(published_days=0, symmetric_types=frozenset()))
    _assert_listing_matches(store, _random_filters(7, 60))


def test_filters_outside_the_indexes_still_page_right(store: Store) -> None:
    text = EventFilter(text="Report", actor="RUS")
    extra = EventFilter(extra=(("e.n_articles >= ?", (1,)),), party="FRA:MIL")
    _assert_listing_matches(store, [text, extra, EventFilter(recipient="Islamic State Sahel", since="2020")])


def test_a_country_is_walked_in_date_order_without_sorting(store: Store) -> None:
    store.conn.execute("ANALYZE")
    for flt, index in (
        (EventFilter(actor="MLI", since="2020"), "party_events_by_"),
        (EventFilter(recipient="FRA:MIL", types=("ASSAULT",)), "party_events_by_type"),
        (EventFilter(types=("PROTEST",)), "events_type_day"),
        (EventFilter(since="2020-02", until="2020-03"), "events_date"),
    ):
        p = plan(flt)
        rows = store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT {p.key} FROM {p.source} WHERE {p.date} IS NOT NULL AND {p.where}"
            f" ORDER BY {p.date}, {p.key} LIMIT 50",
            p.params,
        ).fetchall()
        described = " | ".join(str(r[-1]) for r in rows)
        assert index in described, (flt, described)
        assert "TEMP B-TREE" not in described, (flt, described)


def test_counting_stops_at_the_cap_yet_paging_on_reaches_the_end(store: Store) -> None:
    flt = EventFilter(include_auxiliary=True)
    everything = find_events(store, flt, limit=10_000, count_up_to=None)
    seen, offset = [], 0
    while True:
        page = find_events(store, flt, limit=4, offset=offset, count_up_to=6)
        seen += page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    assert seen == everything.items
    first = find_events(store, flt, limit=4, count_up_to=6)
    assert (first.total, first.total_is_lower_bound) == (6, True)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with more events than the listing counts (COUNT_CAP), one every few days."""
    path = tmp_path_factory.mktemp("listing") / "big.db"
    writer = open_store(path)
    first = date(2015, 1, 1)
    for number in range(COUNT_CAP // 20 + 3):
        specs = [
            EventSpec(
                f"Report {number}.{i}: Russia aids Mali.",
                "RUS",
                TYPES[i % len(TYPES)],
                "MLI",
                date=(first + timedelta(days=7 * (number * 20 + i))).isoformat(),
            )
            for i in range(20)
        ]
        writer.add_analysis(make_analysis(specs, published=None, doc_id=f"big{number}"))
    writer.close()
    return path


def test_the_api_and_the_dashboard_say_when_the_total_is_a_lower_bound(big_store: Path) -> None:
    with open_store(big_store, readonly=True) as store:
        exact = find_events(store, EventFilter(actor="RUS"), limit=0, count_up_to=None).total
    assert exact > COUNT_CAP
    server = Server(big_store)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            broad = client.get("/api/v1/events", params={"actor": "RUS", "limit": 5}).json()
            assert broad["total"] == COUNT_CAP and broad["total_is_lower_bound"] is True
            exported = client.get("/api/v1/events.csv", params={"actor": "RUS"}).text.splitlines()
            assert len(exported) - 1 == exact  # paging on past the counted total reaches the end
            narrow = client.get("/api/v1/events", params={"actor": "RUS", "type": "AGREE"}).json()
            assert narrow["total_is_lower_bound"] is False and 0 < narrow["total"] < COUNT_CAP
            assert f"{COUNT_CAP:,}+ match" in client.get("/events", params={"actor": "RUS"}).text
            page = client.get("/events", params={"actor": "RUS", "type": "AGREE"}).text
            assert f"{narrow['total']:,} match" in page
    finally:
        server.stop()


def test_of_two_countries_the_one_with_fewer_events_is_walked(store: Store) -> None:
    sizes = dict(store.conn.execute("SELECT country, COUNT(*) FROM party_events GROUP BY country").fetchall())
    small, big = sorted(sizes, key=sizes.__getitem__)[0], sorted(sizes, key=sizes.__getitem__)[-1]
    assert sizes[small] < sizes[big]
    for flt in (EventFilter(actor=big, recipient=small), EventFilter(actor=small, party=f"{big}:MIL")):
        assert plan(flt, store).params[0] == small
    assert plan(EventFilter(actor=big, recipient=small)).params[0] == big  # without a store: the first

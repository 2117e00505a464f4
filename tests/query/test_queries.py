"""Analyst queries over a small synthetic corpus (no language pipeline involved)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dyads.query import (
    EventFilter,
    compare,
    dyad_series,
    find_events,
    get_event,
    search_quotes,
    search_sentences,
    timeline,
    top_actors,
    top_places,
)
from dyads.query.filters import fts_query, period_sql
from dyads.query.parties import UnknownParty
from dyads.query.search import snippet
from dyads.store import Store, open_store
from synthetic_store import EventSpec, QuoteSpec, make_analysis


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("corpus") / "c.db"
    articles = [
        make_analysis(
            [
                EventSpec("RUS signed a defence pact with MLI.", "RUS", "AGREE", "MLI", date="2019-06-25"),
                EventSpec(
                    "FRA troops clashed with insurgents in Menaka.",
                    "FRA:MIL",
                    "ASSAULT",
                    "Islamic State Sahel",
                    place="Menaka",
                    place_country="MLI",
                ),
            ],
            published="2019-06-26",
            title="Pact",
            outlet="Sahel Wire",
            url="https://example.org/pact",
            quotes=[QuoteSpec("RUS", "Russia stands with Mali against terrorism.")],
        ),
        make_analysis(
            [
                EventSpec(
                    "Moscow and Bamako signed a military cooperation accord.",
                    "RUS",
                    "AGREE",
                    "MLI",
                    date="2019-06-25",
                )
            ],
            published="2019-06-27",
            title="Accord",
            outlet="Daily B",
        ),
        make_analysis(
            [
                EventSpec("MLI accused FRA of spying.", "MLI", "ACCUSE", "FRA", date="2022-01-10"),
                EventSpec(
                    "FRA announced the withdrawal of its troops from MLI.",
                    "FRA",
                    "RETREAT",
                    "MLI",
                    date="2022-02-17",
                ),
                EventSpec(
                    "RUS:MIL instructors arrived in MLI.",
                    "RUS:MIL",
                    "COOPERATE",
                    "MLI",
                    date="2022-01-05",
                    place="Bamako",
                    place_country="MLI",
                ),
                EventSpec(
                    "MLI denied hiring RUS mercenaries.", "MLI", "COOPERATE", "RUS", auxiliary="negation"
                ),
            ],
            published="2022-02-18",
            title="Withdrawal",
            outlet="Sahel Wire",
            quotes=[
                QuoteSpec("MLI", "France abandoned us in mid-flight."),
                QuoteSpec("FRA", "Russia is exploiting the junta."),
            ],
        ),
    ]
    with open_store(path) as writer:
        for analysis in articles:
            writer.add_analysis(analysis)
    return open_store(path, readonly=True)


def test_find_events_filters(store: Store) -> None:
    everything = find_events(store)
    assert everything.total == 5  # the two pact reports are one event; the denial is left out
    assert find_events(store, EventFilter(include_auxiliary=True)).total == 6
    pact = find_events(store, EventFilter(actor="RUS", recipient="MLI", types=("AGREE",))).items
    assert len(pact) == 1 and pact[0]["n_articles"] == 2 and pact[0]["quad_class"] == "verbal cooperation"
    assert pact[0]["source"] == "https://example.org/pact"
    assert {e["type"] for e in find_events(store, EventFilter(party="MLI", quad=3)).items} == {"ACCUSE"}
    assert find_events(store, EventFilter(actor="RUS:MIL")).total == 1
    assert find_events(store, EventFilter(actor="FRAMIL")).total == 1
    assert find_events(store, EventFilter(recipient="islamic state sahel")).total == 1
    assert find_events(store, EventFilter(since="2022", until="2022-01")).total == 2
    assert find_events(store, EventFilter(place="Bamako")).total == 1
    assert find_events(store, EventFilter(place="MLI")).total == 2
    assert find_events(store, EventFilter(text="withdrawal troops")).items[0]["type"] == "RETREAT"
    assert find_events(store, EventFilter(text="U.S.")).total == 0  # punctuation is not FTS syntax
    page = find_events(store, limit=2, offset=2)
    assert page.total == 5 and len(page.items) == 2


def test_get_event_lists_every_mention_with_its_sentence(store: Store) -> None:
    pact = find_events(store, EventFilter(types=("AGREE",))).items[0]
    event = get_event(store, pact["id"])
    assert event is not None
    assert [m["outlet"] for m in event["mentions"]] == ["Sahel Wire", "Daily B"]
    assert event["mentions"][1]["sentence"].startswith("Moscow and Bamako")
    assert get_event(store, 10_000) is None


def test_dyad_series_both_directions(store: Store) -> None:
    rows = dyad_series(store, "FRA", "MLI", by="quarter")
    assert [(r["period"], r["direction"], r["type"], r["events"]) for r in rows] == [
        ("2022-Q1", "FRA→MLI", "RETREAT", 1),
        ("2022-Q1", "MLI→FRA", "ACCUSE", 1),
    ]
    one_way = dyad_series(store, "RUS", "MLI", by="month", both_directions=False)
    assert [(r["period"], r["type"], r["mentions"]) for r in one_way] == [
        ("2019-06", "AGREE", 2),
        ("2022-01", "COOPERATE", 1),
    ]
    assert one_way[0]["score_mean"] == one_way[0]["score_sum"]


def test_timeline_is_in_date_order_with_sources(store: Store) -> None:
    rows = timeline(store, "MLI")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert rows[0]["type"] == "AGREE" and [s["title"] for s in rows[0]["sources"]] == ["Pact", "Accord"]
    assert len(timeline(store, "MLI", limit=1)) == 1
    assert timeline(store, "MLI", limit=1)[0]["n_articles"] == 2  # the most reported comes first


def test_compare_partners(store: Store) -> None:
    rows = compare(store, "MLI", ["RUS", "FRA"], by="year")
    totals = {r["partner"]: r for r in rows if r["period"] == "all"}
    assert totals["RUS"]["cooperation"] == 2 and totals["RUS"]["conflict"] == 0
    assert totals["FRA"]["cooperation"] == 1 and totals["FRA"]["conflict"] == 1
    assert totals["FRA"]["balance"] == 0
    assert [r["period"] for r in rows if r["partner"] == "RUS"] == ["2019", "2022", "all"]


def test_quotes_and_sentences_search(store: Store) -> None:
    hits = search_quotes(store, search="Russia")
    assert hits.total == 2 and {h["speaker"] for h in hits.items} == {"RUS", "FRA"}
    assert search_quotes(store, speaker="MLI").items[0]["content"] == "France abandoned us in mid-flight."
    assert search_quotes(store, search="russia", speaker="FRA").total == 1
    found = search_sentences(store, "defence pact")
    assert found.total == 1 and "[defence]" in found.items[0]["snippet"] and found.items[0]["events"]


def test_top_actors_and_places(store: Store) -> None:
    actors = top_actors(store, limit=3).items
    assert actors[0]["name"] == "MLI" and actors[0]["articles"] == 3
    assert top_actors(store, country="FRA").items[0]["name"] in {"FRA", "FRA:MIL"}
    everyone = top_actors(store, limit=100)
    assert everyone.total == len(everyone.items) > 3
    assert top_actors(store, limit=2, offset=1).items == everyone.items[1:3]
    places = top_places(store)
    assert places.total == 2 and top_places(store, offset=1).items == places.items[1:]
    assert {p["name"] for p in places.items} == {"Menaka", "Bamako"} and places.items[0]["events"] == 1


def test_bad_inputs_are_refused_not_injected(store: Store) -> None:
    with pytest.raises(ValueError, match="period"):
        period_sql("fortnight")
    with pytest.raises(ValueError, match="ISO date"):
        find_events(store, EventFilter(since="last week"))
    with pytest.raises(UnknownParty, match="no party"):
        find_events(store, EventFilter(actor="x' OR '1'='1"))
    assert find_events(store, EventFilter(include_auxiliary=True)).total == 6
    assert fts_query('say "no"') == '"say" """no"""'


def test_series_count_every_event_whatever_the_period(tmp_path: Path) -> None:
    """An event known only as "2019" counts in a period "2019" of a monthly or quarterly series
    (never dropped, never piled into January), so totals do not depend on the period."""
    with open_store(tmp_path / "c.db") as writer:
        writer.add_analysis(
            make_analysis(
                [
                    EventSpec("RUS pledged help to MLI in 2019.", "RUS", "AGREE", "MLI", date="2019"),
                    EventSpec("RUS sent grain to MLI in May.", "RUS", "AID", "MLI", date="2019-05"),
                    EventSpec("MLI thanked RUS on 3 June.", "MLI", "CONSULT", "RUS", date="2019-06-03"),
                    EventSpec("FRA:MIL warned MLI in 2019.", "FRA:MIL", "THREATEN", "MLI", date="2019"),
                ],
                published="2019-12-30",
            )
        )
    with open_store(tmp_path / "c.db", readonly=True) as store:
        monthly = dyad_series(store, "RUS", "MLI", by="month")
        assert [(r["period"], r["grain"], r["type"]) for r in monthly] == [
            ("2019", "year", "AGREE"),
            ("2019-05", "month", "AID"),
            ("2019-06", "month", "CONSULT"),
        ]
        quarterly = dyad_series(store, "RUS", "MLI", by="quarter")
        assert [(r["period"], r["type"]) for r in quarterly] == [
            ("2019", "AGREE"),
            ("2019-Q2", "AID"),
            ("2019-Q2", "CONSULT"),
        ]
        for rollups in (True, False):
            totals = {
                by: {
                    r["partner"]: r["events"]
                    for r in compare(store, "MLI", ["RUS", "FRA", "FRA:MIL"], by=by, use_rollups=rollups)
                    if r["period"] == "all"
                }
                for by in ("day", "week", "month", "quarter", "year")
            }
            assert all(t == {"RUS": 3, "FRA": 1, "FRA:MIL": 1} for t in totals.values()), totals
            for by in ("month", "quarter", "year"):
                assert (
                    sum(r["events"] for r in dyad_series(store, "MLI", "RUS", by, use_rollups=rollups)) == 3
                )
        assert [r["period"] for r in compare(store, "MLI", ["RUS"], by="month")] == [
            "2019",
            "2019-05",
            "2019-06",
            "all",
        ]


def test_an_event_known_to_its_week_shows_its_days(tmp_path: Path) -> None:
    """ "last week" is stored as its days and shown as them, not as the month it lies in."""
    analysis = make_analysis(
        [
            EventSpec("RUS met MLI last week.", "RUS", "CONSULT", "MLI", date="2019-06"),
            EventSpec("RUS sent grain to MLI in June.", "RUS", "AID", "MLI", date="2019-06"),
        ],
        published="2019-06-19",
    )
    met, sent = analysis.events
    week = replace(met, date_precision="week", date_span=("2019-06-10", "2019-06-16"))
    with open_store(tmp_path / "w.db") as writer:
        writer.add_analysis(replace(analysis, events=(week, sent)))
    with open_store(tmp_path / "w.db", readonly=True) as store:
        shown = {r["type"]: r["date"] for r in find_events(store, EventFilter()).items}
        assert shown == {"CONSULT": "2019-06-10/2019-06-16", "AID": "2019-06"}


def test_rollups_give_the_rows_of_the_general_queries(store: Store) -> None:
    """Country dyads, comparisons and timelines read the rollups of schema 6; the rows must be those
    the general SQL computes from the events (tests/store/test_derived_tables.py tries many more stores)."""
    for by in ("month", "quarter", "year"):
        for flt in (None, EventFilter(include_auxiliary=True), EventFilter(since="2022", types=("accuse",))):
            for first, second in (("FRA", "MLI"), ("RUS", "MLI"), ("MLI", "MLI")):
                assert dyad_series(store, first, second, by, flt=flt) == dyad_series(
                    store, first, second, by, flt=flt, use_rollups=False
                )
            assert compare(store, "MLI", ["RUS", "FRA"], by, flt=flt) == compare(
                store, "MLI", ["RUS", "FRA"], by, flt=flt, use_rollups=False
            )
    for party in ("MLI", "RUS", "FRA"):
        assert timeline(store, party) == timeline(store, party, use_rollups=False)
        assert timeline(store, party, limit=1) == timeline(store, party, limit=1, use_rollups=False)


def test_search_snippets_never_cut_a_hit() -> None:
    words = " ".join(f"word{n}" for n in range(40))
    marked = f"{words} \x02Wagner instructors arrived in Bamako on Tuesday\x03 {words}"
    shown = snippet(marked, width=40)
    assert "[Wagner instructors arrived in Bamako on Tuesday]" in shown
    assert shown.count("[") == shown.count("]") == 1 and shown.startswith("…") and shown.endswith("…")
    for width in range(10, 80, 7):
        cut = snippet(f"{words} \x02Wagner\x03 and \x02instructors\x03 {words}", width=width)
        assert cut.count("[") == cut.count("]") >= 1, cut
    assert snippet("a short \x02hit\x03") == "a short [hit]"

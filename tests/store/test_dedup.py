"""Event deduplication on paraphrased reports of the same events (and of different ones)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dyads.store import DedupParams, open_store
from dyads.store.dedup import MentionKey, PlaceKey, cluster, compatible, date_range
from synthetic_store import EventSpec, make_analysis


def key(type_="ASSAULT", actors=("c:RUS",), recipients=("c:SYR",), day="2019-05-02", place=None, aux=None):
    span = date_range(day)
    return MentionKey(
        type=type_,
        actors=frozenset(actors),
        recipients=frozenset(recipients),
        lo=span[0] if span else None,
        hi=span[1] if span else None,
        place=place,
        auxiliary=aux,
    )


def test_date_ranges() -> None:
    assert date_range("2020") == (date(2020, 1, 1), date(2020, 12, 31))
    assert date_range("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert date_range("2020-08-21") == (date(2020, 8, 21), date(2020, 8, 21))
    assert date_range("PRESENT_REF") is None and date_range(None) is None and date_range("2020-13") is None


def test_compatibility_rules() -> None:
    params = DedupParams()
    base = key()
    assert compatible(base, key(day="2019-05-04"), params)
    assert not compatible(base, key(day="2019-05-05"), params)  # beyond the 2-day window
    assert compatible(base, key(day="2019-05-05"), DedupParams(window_days=3))
    assert not compatible(base, key(type_="COERCE"), params)
    assert not compatible(base, key(aux="negation"), params)
    assert not compatible(base, key(actors=("c:USA",)), params)
    assert compatible(base, key(recipients=()), params)  # a missing recipient does not block
    assert not compatible(base, key(recipients=()), DedupParams(allow_missing_recipient=False))
    assert not compatible(base, key(recipients=("c:TUR",)), params)
    assert compatible(base, key(day="2019-05"), params)  # a month contains the day
    assert not compatible(base, key(day="2019"), params)  # a year is too vague to merge on
    assert compatible(key(day="2019"), key(day="2019"), params)
    assert not compatible(key(day=None), key(day=None), params)  # undated never merges


def test_places_and_symmetric_types() -> None:
    params = DedupParams()
    idlib = PlaceKey(name="idlib", country="SYR")
    syria = PlaceKey(name="syria", country="SYR", is_country=True)
    aleppo = PlaceKey(name="aleppo", country="SYR")
    assert compatible(key(place=idlib), key(place=idlib), params)
    assert compatible(key(place=idlib), key(place=None), params)
    assert compatible(key(place=idlib), key(place=syria), params)  # a city inside the named country
    assert not compatible(key(place=idlib), key(place=aleppo), params)
    met = key("CONSULT", ("c:RUS",), ("c:TUR",))
    assert compatible(met, key("CONSULT", ("c:TUR",), ("c:RUS",)), params)  # "A met B" is "B met A"
    assert not compatible(
        key(actors=("c:RUS",), recipients=("c:TUR",)), key(actors=("c:TUR",), recipients=("c:RUS",)), params
    )


def test_cluster_keeps_the_first_report_as_anchor_so_stories_do_not_chain() -> None:
    days = ["2019-05-01", "2019-05-03", "2019-05-05", "2019-05-07"]
    assert cluster([key(day=d) for d in days]) == [0, 0, 1, 1]


def test_paraphrased_reports_in_the_store_become_one_event(tmp_path: Path) -> None:
    # Three outlets report the same air strike in their own words; one reports a different strike
    # elsewhere, one a different kind of event between the same sides, one a denial.
    reports = [
        make_analysis(
            [
                EventSpec(
                    "RUS:MIL bombed a market in Idlib, killing 12.",
                    "RUS:MIL",
                    "ASSAULT",
                    "SYR",
                    place="Idlib",
                    date="2019-05-02",
                )
            ],
            published="2019-05-02",
            outlet="Wire A",
        ),
        make_analysis(
            [
                EventSpec(
                    "Russian jets struck the town on Thursday.", "RUS", "ASSAULT", "SYR", date="2019-05-02"
                ),
                EventSpec("RUS and SYR agreed a truce in Idlib.", "RUS", "AGREE", "SYR", place="Idlib"),
            ],
            published="2019-05-03",
            outlet="Wire B",
        ),
        make_analysis(
            [EventSpec("An air raid blamed on RUS hit Idlib.", "RUS", "ASSAULT", None, place="Idlib")],
            published="2019-05-03",
            outlet="Paper C",
        ),
        make_analysis(
            [
                EventSpec(
                    "RUS struck Aleppo the same day.",
                    "RUS",
                    "ASSAULT",
                    "SYR",
                    place="Aleppo",
                    date="2019-05-02",
                )
            ],
            published="2019-05-03",
            outlet="Paper C",
        ),
        make_analysis(
            [
                EventSpec(
                    "RUS denied bombing Idlib.", "RUS", "ASSAULT", "SYR", place="Idlib", auxiliary="negation"
                )
            ],
            published="2019-05-03",
            outlet="Wire A",
        ),
    ]
    with open_store(tmp_path / "c.db") as store:
        for analysis in reports:
            store.add_analysis(analysis)
        events = store.rows(
            "SELECT id, type, place_name, auxiliary, n_mentions, n_articles, n_sources FROM events ORDER BY id"
        )
        strike = events[0]
        assert (strike["type"], strike["place_name"], strike["n_mentions"]) == ("ASSAULT", "Idlib", 3)
        assert strike["n_sources"] == 3
        assert len(events) == 4  # the strike, the truce, the Aleppo strike, the denial
        sentences = store.rows(
            "SELECT s.text, a.outlet FROM event_mentions m JOIN sentences s ON s.id = m.sentence_id"
            " JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id",
            (strike["id"],),
        )
        assert [s["outlet"] for s in sentences] == ["Wire A", "Wire B", "Paper C"]
        assert sentences[1]["text"] == "Russian jets struck the town on Thursday."
        parties = {
            (r["role"], r["key"])
            for r in store.rows("SELECT role, key FROM event_actors WHERE event_id = ?", (strike["id"],))
        }
        assert parties == {("actor", "c:RUS"), ("recipient", "c:SYR")}


def test_same_sentence_twice_in_one_article_merges(tmp_path: Path) -> None:
    analysis = make_analysis(
        [
            EventSpec("MLI expelled the FRA ambassador.", "MLI", "COERCE", "FRA", date="2022-01-31"),
            EventSpec("Bamako's expulsion of the FRA envoy angered Paris.", "MLI", "COERCE", "FRA"),
        ],
        published="2022-02-01",
    )
    with open_store(tmp_path / "c.db") as store:
        store.add_analysis(analysis)
        assert store.rows("SELECT n_mentions, n_articles, date FROM events") == [
            {"n_mentions": 2, "n_articles": 1, "date": "2022-01-31"}
        ]


def test_window_parameter_is_honoured_by_the_store(tmp_path: Path) -> None:
    first = make_analysis([EventSpec("RUS met TUR.", "RUS", "CONSULT", "TUR")], published="2019-01-01")
    later = make_analysis([EventSpec("TUR met RUS.", "TUR", "CONSULT", "RUS")], published="2019-01-06")
    with open_store(tmp_path / "a.db") as narrow:
        narrow.add_analysis(first)
        narrow.add_analysis(later)
        assert narrow.counts()["events"] == 2
    with open_store(tmp_path / "b.db", dedup=DedupParams(window_days=7)) as wide:
        wide.add_analysis(first)
        wide.add_analysis(later)
        assert wide.counts()["events"] == 1


def _partition(store) -> list[list[tuple[int, str]]]:
    groups: dict[int, list[tuple[int, str]]] = {}
    for row in store.rows("SELECT event_id, article_id, local_id FROM event_mentions ORDER BY id"):
        groups.setdefault(row["event_id"], []).append((row["article_id"], row["local_id"]))
    return sorted(groups.values())


def test_recluster_reproduces_and_retunes_and_is_remembered(tmp_path: Path) -> None:
    days = ["2019-01-01", "2019-01-02", "2019-01-06", "2019-01-09", "2019-01-09"]
    reports = [make_analysis([EventSpec(f"RUS met TUR, day {i}.", "RUS", "CONSULT", "TUR")], published=d)
               for i, d in enumerate(days)]  # fmt: skip
    path = tmp_path / "c.db"
    with open_store(path) as store:
        for analysis in reports:
            store.add_analysis(analysis)
        before = _partition(store)
        assert store.recluster(DedupParams()) == (3, 3)
        assert _partition(store) == before
        assert store.recluster(DedupParams(window_days=7)) == (3, 2)
        assert store.scalar("SELECT SUM(n_mentions) FROM events") == 5
    with open_store(path) as store:
        assert store.dedup.window_days == 7  # later ingests merge the same way
        store.add_analysis(
            make_analysis([EventSpec("TUR met RUS.", "TUR", "CONSULT", "RUS")], published="2019-01-12")
        )
        assert store.counts()["events"] == 2

"""Event deduplication: the same real event once, different events never merged, in any order."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dyads.store import DedupParams, Store, open_store
from dyads.store.dedup import MentionKey, PlaceKey, compatible, date_range, mention_range
from dyads.store.dedup_clusters import cluster
from dyads.store.dedup_decisions import DecisionError
from dyads.store.dedup_parties import Party
from dyads.store.derived_tables import differences
from synthetic_store import EventSpec, make_analysis

PARAMS = DedupParams()


def side(*specs: str) -> frozenset[Party]:
    """Parties from specs: "RUS", "RUS:MIL", "person:Putin:RUS:GOV", "Wagner Group"."""
    out = set()
    for spec in specs:
        if spec.startswith("person:"):
            _, name, country, sector = spec.split(":")
            out.add(Party(name=name.lower(), country=country, sector=sector, person=True))
            continue
        code, _, sector = spec.partition(":")
        if len(code) == 3 and code.isupper():
            out.add(Party(name=code.lower(), country=code, sector=sector or None))
        else:
            out.add(Party(name=spec.lower()))
    return frozenset(out)


def key(
    ident: int = 1,
    type_: str = "ASSAULT",
    actors: tuple[str, ...] = ("RUS",),
    recipients: tuple[str, ...] = ("SYR",),
    day: str | None = "2019-05-02",
    basis: str = "event",
    article: int | None = None,
    place: PlaceKey | None = None,
    **extra: object,
) -> MentionKey:
    span = date_range(day)
    return MentionKey(
        id=ident,
        order=f"{ident:04d}",
        article=ident if article is None else article,
        type=type_,
        actors=side(*actors),
        recipients=side(*recipients),
        lo=span[0] if span else None,
        hi=span[1] if span else None,
        basis=basis,
        place=place,
        **extra,  # type: ignore[arg-type]
    )


def test_date_ranges() -> None:
    assert date_range("2020") == (date(2020, 1, 1), date(2020, 12, 31))
    assert date_range("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert date_range("2020-08-21") == (date(2020, 8, 21), date(2020, 8, 21))
    assert date_range("PRESENT_REF") is None and date_range(None) is None and date_range("2020-13") is None


def test_the_rule_on_types_parties_and_qualifiers() -> None:
    base = key()
    assert compatible(base, key(2))
    assert not compatible(base, key(2, type_="COERCE"))
    assert compatible(base, key(2, mode="aerial"), PARAMS)  # one mode unknown: no block
    assert not compatible(key(mode="aerial"), key(2, mode="firearms"), PARAMS)
    assert not compatible(base, key(2, auxiliary="negation"), PARAMS)
    # a background report merges only with its exact twin, unless its text dates it ("during the
    # phone call five days earlier" names its event as well as any report)
    told = key(1, article=1, verb="strike")
    recalled = {"day": "2019-05-03", "basis": "published", "article": 1, "verb": "strike"}
    assert compatible(told, key(2, **recalled), PARAMS)  # type: ignore[arg-type]
    assert not compatible(told, key(2, background=True, **recalled), PARAMS)  # type: ignore[arg-type]
    assert compatible(base, key(2, background=True), PARAMS)
    assert not compatible(key(confidence=0.3), key(2), PARAMS, threshold=0.5)
    assert not compatible(base, key(2, actors=("USA",)), PARAMS)
    assert not compatible(base, key(2, recipients=()), PARAMS)  # an unknown side matches only an unknown one
    assert compatible(base, key(2, recipients=("SYR", "TUR")), PARAMS)  # one report names more of a side
    assert compatible(key(actors=("RUS:MIL",)), key(2), PARAMS)  # the sector one report does not know
    assert not compatible(key(actors=("RUS:MIL",)), key(2, actors=("RUS:GOV",)), PARAMS)
    putin, lavrov = "person:Putin:RUS:GOV", "person:Lavrov:RUS:GOV"
    assert not compatible(key(actors=(putin,)), key(2, actors=(lavrov,)), PARAMS)
    assert compatible(key(actors=(putin,)), key(2, actors=("RUS:GOV",)), PARAMS)
    # Both recipients unknown: the actor must be named in the same words.
    assert compatible(key(recipients=()), key(2, recipients=()), PARAMS)
    assert not compatible(key(actors=("RUS:GOV",), recipients=()), key(2, actors=(putin,), recipients=()))
    met = key(type_="CONSULT", actors=("RUS",), recipients=("TUR",))
    assert compatible(met, key(2, type_="CONSULT", actors=("TUR",), recipients=("RUS",)), PARAMS)
    assert not compatible(
        key(actors=("RUS",), recipients=("TUR",)), key(2, actors=("TUR",), recipients=("RUS",))
    )


def test_the_rule_on_dates_and_places() -> None:
    assert not compatible(key(), key(2, day="2019-05-03"))  # a day never merges with another day
    assert compatible(key(), key(2, day="2019-05"))  # a month holds the day
    assert not compatible(key(recipients=()), key(2, day="2019-05", recipients=()))  # not with a side unknown
    assert not compatible(key(mode="firearms"), key(2, day="2019-05", mode="aerial"))
    assert not compatible(key(day="2019"), key(2, day="2019"))  # a year: only within one article
    assert compatible(key(day="2019", article=1, verb="strike"), key(2, day="2019", article=1, verb="strike"))
    assert not compatible(key(day=None), key(2, day=None))  # undated never merges
    # Dated only by publication: within the article, same verb, dated reports of the week before.
    undated = {"basis": "published", "day": "2019-05-04", "article": 7, "verb": "strike"}
    assert compatible(key(**undated), key(2, article=7, verb="strike"))  # type: ignore[arg-type]
    assert not compatible(key(**undated), key(2, article=7, verb="bomb"))  # type: ignore[arg-type]
    assert not compatible(key(**undated), key(2, article=8, verb="strike"))  # type: ignore[arg-type]
    # Two undated reports of one article: the same parties exactly.
    assert compatible(key(**undated), key(2, **undated))  # type: ignore[arg-type]
    assert not compatible(key(**undated), key(2, **undated, actors=("RUS:MIL",)))  # type: ignore[arg-type]
    # Undated reports of two articles: exact twins, published within two days.
    idlib = PlaceKey(name="idlib", country="SYR")
    twin = {"basis": "published", "article": 9, "verb": "strike", "place": idlib}
    assert compatible(key(**undated, place=idlib), key(2, **twin, day="2019-05-06"))  # type: ignore[arg-type]
    assert not compatible(key(**undated, place=idlib), key(2, **twin, day="2019-05-07"))  # type: ignore[arg-type]
    assert not compatible(key(**undated), key(2, **twin, day="2019-05-04"))  # type: ignore[arg-type]
    background = {**twin, "background": True}
    assert not compatible(key(2, **background, day="2019-05-06"), key(3, day="2019-05-06"))  # type: ignore[arg-type]
    syria = PlaceKey(name="syria", country="SYR", is_country=True)
    aleppo = PlaceKey(name="aleppo", country="SYR")
    assert compatible(key(place=idlib), key(2, place=None))
    assert compatible(key(place=idlib), key(2, place=syria))  # a city inside the named country
    assert not compatible(key(place=idlib), key(2, place=aleppo))


def _events(keys: list[MentionKey], **kw: object) -> set[frozenset[int]]:
    return {frozenset(c.mentions) for c in cluster(keys, PARAMS, **kw)}  # type: ignore[arg-type]


def test_a_month_joins_a_day_only_when_no_other_day_fits() -> None:
    day3, day9, month = key(1, day="2019-05-03"), key(2, day="2019-05-09"), key(3, day="2019-05")
    assert _events([day3, month]) == {frozenset({1, 3})}
    assert _events([day3, day9, month]) == {frozenset({1}), frozenset({2}), frozenset({3})}


def test_a_week_is_its_days_not_its_month() -> None:
    # "last week" and "next week" of one January article: two rounds of talks, not one.
    last, _ = mention_range("2018-01", "week", "2018-01-17", ("2018-01-08", "2018-01-14"))
    following, _ = mention_range("2018-01", "week", "2018-01-17", ("2018-01-22", "2018-01-28"))
    assert last == (date(2018, 1, 8), date(2018, 1, 14))
    weeks = [
        replace(key(i, type_="CONSULT", day=None), lo=span[0], hi=span[1])
        for i, span in ((1, last), (2, following))
        if span
    ]
    assert not compatible(weeks[0], weeks[1])
    inside = key(3, type_="CONSULT", day="2018-01-10")
    assert compatible(weeks[0], inside) and not compatible(weeks[1], inside)
    # without its days a week is its month, as before
    assert mention_range("2018-01", "week", "2018-01-17")[0] == date_range("2018-01")


def test_an_undated_report_retells_a_dated_one_of_its_article_only_naming_it_alike() -> None:
    # Guardian: "Corbyn has urged the UK not to join …" (undated) and "he urged Theresa May to
    # consult MPs" (Sunday) are two requests; "we have asked the OPCW" and "the Foreign Office said
    # it had asked the OPCW" (Wednesday) one.
    dated = key(1, "REQUEST", ("GBR:OPP",), ("GBR:GOV",), day="2018-04-08", article=7, verb="urge")
    bare_country = key(
        2, "REQUEST", ("GBR:OPP",), ("GBR",), day="2018-04-12", basis="published", article=7, verb="urge"
    )
    alike = key(
        3, "REQUEST", ("GBR:OPP",), ("GBR:GOV",), day="2018-04-12", basis="published", article=7, verb="urge"
    )
    assert not compatible(dated, bare_country)
    assert compatible(dated, alike)


def test_undated_reports_without_an_actor_do_not_merge_within_their_article() -> None:
    # Guardian: "Once again civilians … are being killed" and "to systematically target and kill
    # civilians amounts to a war crime" (one article, no actor, undated): a statement twice, no act.
    generic = {"type_": "ASSAULT", "actors": (), "recipients": ("SYR:CVL",), "article": 4, "verb": "kill"}
    first = key(1, day="2018-02-20", basis="published", **generic)  # type: ignore[arg-type]
    second = key(2, day="2018-02-20", basis="published", **generic)  # type: ignore[arg-type]
    dated = key(3, day="2018-02-19", **generic)  # type: ignore[arg-type]
    assert not compatible(first, second) and not compatible(first, dated)
    with_actor = {**generic, "actors": ("SYR:GOV",)}
    assert compatible(
        key(1, day="2018-02-20", basis="published", **with_actor),  # type: ignore[arg-type]
        key(2, day="2018-02-20", basis="published", **with_actor),  # type: ignore[arg-type]
    )


def test_a_report_joining_an_event_contradicts_none_of_its_reports() -> None:
    idlib, aleppo = PlaceKey(name="idlib", country="SYR"), PlaceKey(name="aleppo", country="SYR")
    keys = [key(1, place=idlib), key(2), key(3, place=aleppo)]  # 2 fits both; 1 and 3 disagree
    assert _events(keys) == {frozenset({1}), frozenset({2}), frozenset({3})}


def test_clusters_do_not_depend_on_the_order_of_the_reports() -> None:
    keys = [
        key(1, day="2019-05-03"),
        key(2, day="2019-05-03", actors=("RUS:MIL",)),
        key(3, day="2019-05"),
        key(4, day="2019-05-03", recipients=("SYR", "TUR")),
        key(5, day="2019-05-04"),
        key(6, day="2019-05-04", place=PlaceKey(name="idlib", country="SYR")),
    ]
    expected = _events(keys)
    for order in itertools.islice(itertools.permutations(keys), 0, 720, 37):
        assert _events(list(order)) == expected


def test_user_decisions_override_the_rule() -> None:
    keys = [key(1), key(2), key(3, day="2019-05-09")]
    assert _events(keys) == {frozenset({1, 2}), frozenset({3})}
    assert _events(keys, apart=[(1, 2)]) == {frozenset({1}), frozenset({2}), frozenset({3})}
    assert _events(keys, together=[(2, 3)]) == {frozenset({1, 2, 3})}  # 1 says what 2 says
    assert _events([key(1), key(3, day="2019-05-09")], together=[(1, 3)]) == {frozenset({1, 3})}


# -- in the store ------------------------------------------------------------------------------------


def _strike_reports() -> list:
    """Three outlets report one air strike; others report a different strike, a truce, a denial."""
    idlib: dict[str, Any] = {"place": "Idlib", "place_country": "SYR"}
    return [
        make_analysis(
            [
                EventSpec(
                    "RUS:MIL bombed a market in Idlib.",
                    "RUS:MIL",
                    "ASSAULT",
                    "SYR",
                    date="2019-05-02",
                    **idlib,
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
                EventSpec("RUS and SYR agreed a truce in Idlib.", "RUS", "AGREE", "SYR", **idlib),
            ],
            published="2019-05-03",
            outlet="Wire B",
        ),
        make_analysis(
            [
                EventSpec(
                    "An air raid by RUS:MIL hit Idlib.", "RUS:MIL", "ASSAULT", "SYR", date="2019-05", **idlib
                )
            ],
            published="2019-05-03",
            outlet="Paper C",
        ),
        make_analysis(
            [EventSpec("RUS struck Aleppo.", "RUS", "ASSAULT", "SYR", place="Aleppo", date="2019-05-06")],
            published="2019-05-03",
            outlet="Paper C",
        ),
        make_analysis(
            [EventSpec("RUS denied bombing Idlib.", "RUS", "ASSAULT", "SYR", auxiliary="negation", **idlib)],
            published="2019-05-03",
            outlet="Wire A",
        ),
        make_analysis(
            [
                EventSpec("RUS struck SYR.", "RUS", "ASSAULT", "SYR", why="'strike' → verb:strike"),
                EventSpec(
                    "RUS struck SYR again, it said.", "RUS", "ASSAULT", "SYR", why="'strike' → verb:strike"
                ),
                EventSpec("RUS shelled SYR.", "RUS", "ASSAULT", "SYR", why="'shell' → verb:shell"),
            ],
            published="2019-05-09",
            outlet="Wire D",
        ),
    ]


def _events_of(store: Store) -> set[tuple[object, ...]]:
    """Each event as its reports (by content hash and local id), type, dates, place and parties."""
    reports: dict[int, list[str]] = {}
    for row in store.rows(
        "SELECT m.event_id, a.content_hash || m.local_id AS ref FROM event_mentions m"
        " JOIN articles a ON a.id = m.article_id"
    ):
        reports.setdefault(row["event_id"], []).append(row["ref"])
    return {
        (
            tuple(sorted(reports[e["id"]])),
            e["type"],
            e["date_lo"],
            e["date_hi"],
            e["place_name"],
            e["actor1_code"],
        )
        for e in store.rows("SELECT id, type, date_lo, date_hi, place_name, actor1_code FROM events")
    }


def test_paraphrased_reports_become_one_event_with_the_most_precise_facts(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        for analysis in _strike_reports():
            store.add_analysis(analysis)
        strike = store.rows(
            "SELECT id, date, place_name, n_mentions, n_articles, n_sources FROM events"
            " WHERE type = 'ASSAULT' ORDER BY n_mentions DESC LIMIT 1"
        )[0]
        assert (strike["date"], strike["place_name"], strike["n_mentions"], strike["n_sources"]) == (
            "2019-05-02",
            "Idlib",
            3,
            3,
        )
        reasons = [r[0] for r in store.conn.execute(
            "SELECT merged_because FROM event_mentions WHERE event_id = ? ORDER BY merged_because IS NOT NULL",
            (strike["id"],),
        )]  # fmt: skip
        assert reasons[0] is None and all(r and r.startswith("matches report") for r in reasons[1:])
        # the Aleppo strike, the truce, the denial stay apart; of Wire D's three undated reports the
        # two coded from the same verb are one event
        counts = sorted(r[0] for r in store.conn.execute("SELECT n_mentions FROM events"))
        assert counts == [1, 1, 1, 1, 2, 3]


def test_the_same_articles_in_any_order_give_the_same_events(tmp_path: Path) -> None:
    reports = _strike_reports()
    found = []
    for seed in range(4):
        order = reports[:]
        random.Random(seed).shuffle(order)
        with open_store(tmp_path / f"o{seed}.db") as store:
            for analysis in order:
                store.add_analysis(analysis)
            found.append(_events_of(store))
            assert differences(store.conn) == {}
    assert all(f == found[0] for f in found[1:])


def test_deleting_and_replacing_articles_leaves_what_a_fresh_store_has(tmp_path: Path) -> None:
    reports = _strike_reports()
    with open_store(tmp_path / "a.db") as store:
        for analysis in reports:
            store.add_analysis(analysis)
        store.delete_article(1)
        store.add_analysis(reports[2], force=True)
        after = _events_of(store)
        assert differences(store.conn) == {}
    with open_store(tmp_path / "b.db") as fresh:
        for analysis in reports[1:]:
            fresh.add_analysis(analysis)
        assert _events_of(fresh) == after


def test_split_and_join_are_kept_across_reclustering_and_keep_rollups_exact(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        for analysis in _strike_reports():
            store.add_analysis(analysis)
        strike = store.scalar("SELECT id FROM events ORDER BY n_mentions DESC, id LIMIT 1")
        mentions = [
            r[0] for r in store.conn.execute("SELECT id FROM event_mentions WHERE event_id = ?", (strike,))
        ]
        after = store.correct(split=(strike, mentions[-1]))
        assert len(after) == 2 and differences(store.conn) == {}
        assert store.scalar("SELECT n_mentions FROM events WHERE id = ?", (strike,)) == 2
        aleppo = store.scalar("SELECT id FROM events WHERE place_name = 'Aleppo'")
        joined = store.correct(join=(strike, aleppo))
        assert len(joined) == 1 and differences(store.conn) == {}
        assert store.scalar("SELECT n_mentions FROM events WHERE id = ?", joined) == 3
        decided = _events_of(store)
        store.recluster()
        assert _events_of(store) == decided and differences(store.conn) == {}
        with pytest.raises(DecisionError, match="no event"):
            store.correct(split=(9999, 1))
        with pytest.raises(DecisionError, match="not in event"):
            store.correct(split=(strike, 9999))


def test_a_store_from_before_the_rule_is_reclustered_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        for analysis in _strike_reports():
            store.add_analysis(analysis)
        expected = _events_of(store)
        # As the earlier rule left it: every ASSAULT in one event, and no schema 10 yet.
        first = store.scalar("SELECT MIN(event_id) FROM event_mentions WHERE type = 'ASSAULT'")
        store.conn.execute("UPDATE event_mentions SET event_id = ? WHERE type = 'ASSAULT'", (first,))
        store.conn.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)")
        for statement in (
            "DROP TABLE dedup_decisions",
            "DROP INDEX event_mentions_type_date",
            "ALTER TABLE event_mentions DROP COLUMN merged_because",
            "ALTER TABLE quotes DROP COLUMN speech",  # schema 11, later than the rule
            "DELETE FROM schema_version WHERE version >= 10",
        ):
            store.conn.execute(statement)
        # schema 12 (later too): the article tables and the triggers that fill them
        for (name,) in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'articles%'"
        ).fetchall():
            store.conn.execute(f"DROP TRIGGER {name}")
        store.conn.execute("DROP TABLE dyad_articles")
        store.conn.execute("DROP TABLE pair_articles")
        # schema 13: the articles by best band (their triggers went with the tables above)
        for table in ("dyad_article_best", "dyad_article_bands", "pair_article_best", "pair_article_bands"):
            store.conn.execute(f"DROP TABLE {table}")
    with open_store(path, readonly=True) as store:
        assert _events_of(store) == expected
        assert differences(store.conn) == {}


def _random_reports(seed: int, count: int) -> list:
    """Articles drawn from a small pool of parties, days, months, places and verbs, so that reports
    merge, chain and compete for events in many ways."""
    rng = random.Random(seed)
    sides = ["RUS", "RUS:MIL", "SYR", "SYR:GOV", "TUR", "Wagner Group", "person:Putin:RUS:GOV"]
    dates = ["2019-05-02", "2019-05-03", "2019-05", "2019", None]
    articles = []
    for number in range(count):
        specs = []
        for i in range(rng.randint(1, 4)):
            actor = rng.choice(sides).replace("person:Putin:RUS:GOV", "Putin")
            recipient = rng.choice([*sides[:5], None])
            verb = rng.choice(["strike", "shell"])
            specs.append(
                EventSpec(
                    f"Report {number}.{i}: {actor} and {recipient}.",
                    actor,
                    rng.choice(["ASSAULT", "CONSULT"]),
                    recipient,
                    date=rng.choice(dates),
                    place=rng.choice([None, "Idlib", "Aleppo"]),
                    place_country="SYR",
                    why=f"'{verb}' → verb:{verb}",
                )
            )
        articles.append(make_analysis(specs, published=rng.choice(["2019-05-03", "2019-05-04"])))
    return articles


@pytest.mark.parametrize("seed", [1, 2])
def test_random_corpora_give_the_same_events_in_any_order(tmp_path: Path, seed: int) -> None:
    reports = _random_reports(seed, 30)
    found = []
    for shuffle in range(3):
        order = reports[:]
        random.Random(shuffle).shuffle(order)
        with open_store(tmp_path / f"r{seed}-{shuffle}.db") as store:
            for analysis in order:
                store.add_analysis(analysis)
            assert differences(store.conn) == {}
            found.append(_events_of(store))
            if shuffle == 0:
                store.recluster()
                assert _events_of(store) == found[0]  # re-clustering gives back the same events
    assert found[1] == found[0] and found[2] == found[0]
    merged = [event for event in found[0] if len(event[0]) > 1]  # type: ignore[arg-type]
    assert len(merged) >= 3  # the corpus does merge reports

"""The corpus store: migrations, whole-article transactions, idempotency, exact re-rendering."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dyads.contract import analysis_from_json, analysis_to_json
from dyads.store import StoreError, content_hash, open_store
from dyads.store.migrations import available_migrations, current_version, latest_version, migrate, schema_text
from dyads.store.writer import sentence_spans
from synthetic_store import EventSpec, QuoteSpec, make_analysis


def sahel_analysis(published: str = "2021-12-20"):
    return make_analysis(
        [
            EventSpec(
                "RUS:MIL deployed instructors to MLI near Bamako.",
                "RUS:MIL",
                "COOPERATE",
                "MLI",
                place="Bamako",
                place_country="MLI",
            ),
            EventSpec("FRA accused MLI of hiring mercenaries.", "FRA", "ACCUSE", "MLI"),
        ],
        published=published,
        title="Instructors arrive",
        outlet="Sahel Wire",
        quotes=[QuoteSpec("MLI", "We choose our partners.")],
    )


def test_migrates_an_empty_database_to_the_latest_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        assert store.schema_version() == latest_version() >= 2
        tables = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "articles",
        "actors",
        "mentions",
        "events",
        "event_mentions",
        "quotes",
        "places",
        "times",
        "sentences",
        "failures",
        "sentences_fts",
        "quotes_fts",
        "schema_version",
    } <= tables


def test_migrates_a_version_1_store_with_data_and_indexes_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    assert migrate(conn, target=1) == [1]
    conn.execute(
        "INSERT INTO articles (doc_id, content_hash, n_chars, analysis_json, analyzed_at)"
        " VALUES ('x', 'h', 10, '{}', 'now')"
    )
    conn.execute(
        "INSERT INTO sentences (article_id, start, \"end\", text) VALUES (1, 0, 20, 'Wagner arrived')"
    )
    conn.close()
    with open_store(path) as store:
        assert store.schema_version() == latest_version()
        hits = store.rows("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'wagner'")
        assert [h["rowid"] for h in hits] == [1]
        versions = [r["version"] for r in store.rows("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in available_migrations()]


def test_refuses_a_store_from_a_newer_dyads(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_readonly_refuses_missing_file_and_writes(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", readonly=True)
    open_store(tmp_path / "c.db").close()
    with open_store(tmp_path / "c.db", readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.add_analysis(sahel_analysis())


def test_stores_every_record_and_renders_the_analysis_exactly(tmp_path: Path) -> None:
    analysis = sahel_analysis()
    with open_store(tmp_path / "c.db") as store:
        assert store.add_analysis(analysis, source="a.md") == "added"
        counts = store.counts()
        assert counts["articles"] == 1 and counts["event_mentions"] == 2 and counts["quotes"] == 1
        assert counts["actors"] == 3 and counts["places"] == 1
        doc = store.get_analysis(1)
        assert doc == analysis_to_json(analysis)
        assert analysis_from_json(doc).events == analysis.events
        assert store.get_analysis(analysis.article.id) == doc
        row = store.get_article(1)
        assert row and row["content_hash"] == content_hash(analysis.article) and row["source"] == "a.md"
        quote = store.rows("SELECT content, speaker_name FROM quotes")[0]
        assert quote == {"content": "We choose our partners.", "speaker_name": "MLI"}
        trig = store.rows(
            "SELECT trigger_text, s.text FROM event_mentions m JOIN sentences s ON s.id = m.sentence_id"
        )
        assert trig[0]["trigger_text"] == "deployed" and trig[0]["text"].startswith("RUS:MIL deployed")
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1


def test_same_content_is_skipped_and_force_replaces(tmp_path: Path) -> None:
    analysis = sahel_analysis()
    with open_store(tmp_path / "c.db") as store:
        store.add_analysis(analysis)
        before = store.counts()
        assert store.add_analysis(analysis) == "skipped"
        assert store.counts() == before
        assert store.add_analysis(analysis, force=True) == "replaced"
        assert store.counts() == before
        # another publication date is another content: it dates the events differently
        assert store.add_analysis(sahel_analysis("2022-01-03")) == "added"


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    analysis = sahel_analysis()
    with open_store(tmp_path / "c.db") as store:
        store.conn.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON quotes BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        )
        with pytest.raises(sqlite3.DatabaseError, match="disk on fire"):
            store.add_analysis(analysis)
        assert all(v == 0 for v in store.counts().values())


def test_failures_are_one_row_per_input_and_cleared_by_success(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store.record_failure("a.md", "read", "not valid UTF-8")
        store.record_failure("a.md", "read", "no article text")
        assert [(f["source"], f["problem"]) for f in store.failures()] == [("a.md", "no article text")]
        store.add_analysis(sahel_analysis(), source="a.md")
        assert store.failures() == []


def test_force_replacing_an_article_rebuilds_shared_events(tmp_path: Path) -> None:
    first = make_analysis(
        [EventSpec("RUS met MLI on Tuesday.", "RUS", "CONSULT", "MLI", date="2021-01-05")],
        published="2021-01-05",
    )
    second = make_analysis(
        [EventSpec("RUS held talks with MLI on Tuesday.", "RUS", "CONSULT", "MLI", date="2021-01-05")],
        published="2021-01-06",
    )
    with open_store(tmp_path / "c.db") as store:
        store.add_analysis(first)
        store.add_analysis(second)
        assert store.scalar("SELECT n_mentions FROM events") == 2
        store.delete_article(1)
        assert store.rows("SELECT n_mentions, n_articles, date FROM events") == [
            {"n_mentions": 1, "n_articles": 1, "date": "2021-01-05"}
        ]
        store.delete_article(2)
        assert store.counts()["events"] == 0


def test_sentence_spans_cover_the_text_around_fixed_spans() -> None:
    text = "First one. Second one is fixed here! Third?\nFourth"
    fixed = [(11, 36)]
    spans = sentence_spans(text, fixed)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one is fixed here!", "Third?", "Fourth"]


def test_schema_text_documents_every_migration() -> None:
    text = schema_text()
    for migration in available_migrations():
        assert f"{migration.version:04d}_{migration.name}" in text
    assert "CREATE TABLE articles" in text and "fts5" in text


def test_current_version_of_a_blank_connection_is_zero() -> None:
    assert current_version(sqlite3.connect(":memory:")) == 0


def test_a_reader_brings_an_older_store_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=2)
    conn.close()
    with open_store(path, readonly=True) as store:
        assert store.schema_version() == latest_version()
        assert store.readonly


def test_the_dyad_table_follows_the_event_parties(tmp_path: Path) -> None:
    derived = (
        "SELECT DISTINCT a.country, r.country, a.event_id FROM event_actors a JOIN event_actors r"
        " ON r.event_id = a.event_id AND r.role = 'recipient' AND r.country IS NOT NULL"
        " WHERE a.role = 'actor' AND a.country IS NOT NULL ORDER BY 3, 1, 2"
    )
    dyads = "SELECT source, target, event_id FROM event_dyads ORDER BY 3, 1, 2"
    first = make_analysis([EventSpec("RUS met MLI.", "RUS", "CONSULT", "MLI")], published="2021-01-05")
    second = make_analysis(
        [EventSpec("RUS:MIL met MLI and the Wagner Group.", "RUS:MIL", "CONSULT", "Wagner Group")],
        published="2021-01-06",
    )
    with open_store(tmp_path / "c.db") as store:
        store.add_analysis(first)
        store.add_analysis(second)
        store.add_analysis(sahel_analysis())
        assert store.conn.execute(dyads).fetchall() == store.conn.execute(derived).fetchall()
        assert ("RUS", "MLI", 1) in store.conn.execute(dyads).fetchall()
        store.delete_article(1)
        assert store.conn.execute(dyads).fetchall() == store.conn.execute(derived).fetchall()
        assert ("RUS", "MLI", 1) not in store.conn.execute(dyads).fetchall()


def test_joint_actors_of_a_cooperative_event_form_dyads(tmp_path: Path) -> None:
    coded = make_analysis(
        [
            EventSpec("RUS and MLI signed an accord.", "RUS", "SUPPORT", "MLI", date="2019-06-25"),
            EventSpec("RUS and SYR bombed Idlib.", "RUS", "ASSAULT", "SYR", date="2019-06-25"),
        ]
    )
    # Both countries on the actor side, nobody on the recipient side, as a parser codes "A and B did".
    joint = replace(
        coded, events=tuple(replace(e, actor=e.actor + e.recipient, recipient=()) for e in coded.events)
    )
    with open_store(tmp_path / "c.db") as store:
        store.add_analysis(joint)
        pairs = store.conn.execute("SELECT source, target FROM event_dyads ORDER BY 1, 2").fetchall()
        assert pairs == [("MLI", "RUS"), ("RUS", "MLI")]  # the accord only, in both directions
        store.recluster(store.dedup)
        assert store.conn.execute("SELECT source, target FROM event_dyads ORDER BY 1, 2").fetchall() == pairs

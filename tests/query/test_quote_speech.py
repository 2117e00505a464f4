"""Quote listings show what was said; attributions of thought, plan or evidence only on request."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
from typer.testing import CliRunner

from dyads.cli import app
from dyads.query import search_quotes
from dyads.store import open_store
from dyads.store.migrations import available_migrations, migrate, statements
from synthetic_store import EventSpec, QuoteSpec, make_analysis
from web_support import Server


def _store(path: Path) -> Path:
    with open_store(path) as store:
        store.add_analysis(
            make_analysis(
                [EventSpec("RUS met MLI.", "RUS", "CONSULT", "MLI")],
                quotes=[
                    QuoteSpec("MLI", "We choose our partners."),
                    QuoteSpec("RUS", "closer ties with Bamako", speech=False),
                ],
            )
        )
    return path


def test_listings_show_speech_unless_every_record_is_asked_for(tmp_path: Path) -> None:
    path = _store(tmp_path / "q.db")
    with open_store(path, readonly=True) as store:
        said = search_quotes(store)
        assert [q["content"] for q in said.items] == ["We choose our partners."] and said.total == 1
        every = search_quotes(store, speech_only=False)
        assert sorted(q["speech"] for q in every.items) == [0, 1]
    out = CliRunner().invoke(app, ["quotes", "--db", str(path), "--format", "json", "--all"])
    assert out.exit_code == 0 and "closer ties with Bamako" in out.stdout
    out = CliRunner().invoke(app, ["quotes", "--db", str(path), "--format", "json"])
    assert out.exit_code == 0 and "closer ties with Bamako" not in out.stdout
    server = Server(path)
    try:
        assert httpx.get(server.url + "/api/v1/quotes").json()["total"] == 1
        answer = httpx.get(server.url + "/api/v1/quotes", params={"include_attributions": "true"})
        assert answer.json()["total"] == 2
    finally:
        server.stop()


def test_a_store_from_before_the_flag_reads_it_from_its_analyses(tmp_path: Path) -> None:
    path = _store(tmp_path / "q.db")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE quotes SET speech = 1")  # as the column's default would leave them
    flag = next(m for m in available_migrations() if m.version == 11)
    conn.execute(statements(flag.sql)[1])  # the backfill, re-run on the stored analyses
    assert sorted(r[0] for r in conn.execute("SELECT speech FROM quotes")) == [0, 1]
    conn.close()
    assert migrate(sqlite3.connect(path, isolation_level=None)) == []

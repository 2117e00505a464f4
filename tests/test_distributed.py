"""A Dask LocalCluster with 2 worker processes stores exactly what a single-process run stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dyads.ingest import ingest

pytest.importorskip("distributed")

# Short reports we wrote for this test; each codes at least one event.
ARTICLES = [
    ("d1", "2022-01-10", "Mali expelled the French ambassador on Monday. France condemned the decision."),
    ("d2", "2021-12-23", "Russia delivered four helicopters to Mali's armed forces in Bamako."),
    ("d3", "2022-07-03", "ECOWAS lifted the economic sanctions it had imposed on Mali in January."),
    ("d4", "2023-02-07", "Sergei Lavrov met Mali's foreign minister Abdoulaye Diop in Bamako."),
    ("d5", "2022-08-15", "The last French soldiers left Mali, ending a nine-year military operation."),
    ("d6", "2019-06-26", "Russia and Mali signed a military cooperation agreement in Moscow."),
    ("d7", "2022-05-16", "Mali withdrew from the G5 Sahel force, the junta said on Sunday."),
]

TABLES = {
    "articles": "doc_id, content_hash, title, published, analysis_json",
    "events": "type, quad, cameo, date, score, place_name, actor1_code, actor2_code, n_mentions, n_articles",
    "event_mentions": "local_id, type, score, date, trigger_text, why",
    "actors": "local_id, name, kind, country, sector, code",
}


def store_content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(conn.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
            for t, cols in TABLES.items()
        }
    finally:
        conn.close()


def test_dask_local_cluster_matches_single_process(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in ARTICLES),
        encoding="utf-8",
    )
    single = ingest([str(corpus)], tmp_path / "single.db", workers=1, batch_size=2)
    on_dask = ingest([str(corpus)], tmp_path / "dask.db", dask="local[2]", batch_size=2)
    assert single.added == on_dask.added == len(ARTICLES)
    expected, got = store_content(tmp_path / "single.db"), store_content(tmp_path / "dask.db")
    assert len(expected["events"]) >= 5
    assert got == expected

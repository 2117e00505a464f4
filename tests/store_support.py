"""A small corpus of our own reports and a whole-store snapshot, for tests that compare runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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

"""A run killed with SIGKILL part-way, then run again, stores exactly what an uninterrupted run does.

The test starts this file as a script (the ``__main__`` block below) so that it can kill a real
process — and, with workers, its worker processes — at an arbitrary point.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from test_ingest import code_by_pattern, write_corpus

from dyads.model import Analysis, Article, Options
from dyads.run.ingest import IngestOptions, ingest

HERE = Path(__file__).resolve().parent
# Timestamps say when, not what: they are the only columns allowed to differ.
VOLATILE = {"analyzed_at", "at", "applied_at"}


def slow_code_by_pattern(articles: Iterable[Article], options: Options) -> Iterable[Analysis]:
    for analysis in code_by_pattern(articles, options):
        time.sleep(0.04)  # slow enough to be killed mid-run
        yield analysis


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (FTS shadow tables included), volatile columns dropped."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    content = {}
    for table in tables:
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        keep = [i for i, d in enumerate(cursor.description) if d[0] not in VOLATILE]
        content[table] = sorted((tuple(row[i] for i in keep) for row in cursor.fetchall()), key=repr)
    conn.close()
    return content


def run(db: Path, corpus: Path, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__)), str(db), str(corpus), str(workers)],
        cwd=HERE,
        start_new_session=True,  # its own process group: the kill reaches the workers too
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_killed_run_resumes_to_the_same_content(tmp_path: Path, workers: int) -> None:
    corpus = write_corpus(tmp_path / "corpus", count=30)
    whole, crashed = tmp_path / "whole.db", tmp_path / "crashed.db"

    proc = run(crashed, corpus, workers)
    deadline = time.monotonic() + 60
    while stored(crashed) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    part = stored(crashed)
    assert 0 < part < 36, f"the kill should land mid-run (stored {part})"

    for db in (crashed, whole):
        proc = run(db, corpus, workers)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    assert stored(whole) == 36
    assert dump(crashed) == dump(whole)
    with sqlite3.connect(crashed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


if __name__ == "__main__":
    target_db, folder, worker_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # The bad JSONL line is a failure of the input; record it and still exit 0 for the test to compare.
    ingest(
        [folder], target_db, IngestOptions(analyzer=slow_code_by_pattern, workers=worker_count, batch_size=4)
    )

"""Two processes opening one new store at the same moment: both end with the whole schema."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from dyads.store import open_store
from dyads.store.migrations import available_migrations

TRIALS = 10


def open_when_released(
    path: str, start: multiprocessing.synchronize.Event, results: multiprocessing.Queue
) -> None:
    start.wait()
    try:
        open_store(path).close()
        results.put("ok")
    except Exception as err:  # the failure is the finding: report it to the test
        results.put(f"{type(err).__name__}: {err}")


def test_two_processes_creating_one_store_at_once_both_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    failures = []
    for trial in range(TRIALS):
        path = tmp_path / f"store-{trial}.db"
        start, results = context.Event(), context.Queue()
        openers = [
            context.Process(target=open_when_released, args=(str(path), start, results)) for _ in range(2)
        ]
        for process in openers:
            process.start()
        start.set()  # both are waiting: they open at the same moment
        outcomes = [results.get(timeout=60) for _ in openers]
        for process in openers:
            process.join(timeout=60)
        failures += [o for o in outcomes if o != "ok"]
        with sqlite3.connect(path) as conn:
            versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert versions == [m.version for m in available_migrations()], versions  # each migration once
    assert failures == [], failures

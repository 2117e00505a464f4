"""Forked and spawned worker pools store exactly what a single process stores."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dyads.run import worker_pool
from dyads.run.ingest import IngestOptions, ingest
from store_support import ARTICLES, store_content


@contextmanager
def another_thread() -> Iterator[None]:
    release = threading.Event()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    try:
        yield
    finally:
        release.set()
        thread.join()


def test_no_fork_while_another_thread_runs() -> None:
    with another_thread():
        assert not worker_pool.can_fork()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pool") / "corpus.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in ARTICLES),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def single(corpus: Path) -> dict[str, list[tuple[object, ...]]]:
    db = corpus.parent / "single.db"
    assert ingest([str(corpus)], db, IngestOptions(workers=1, batch_size=2)).added == len(ARTICLES)
    return store_content(db)


# Run in a fresh interpreter: this test process may have threads of earlier tests running, and
# then (rightly) spawns its workers instead of forking them.
_RUN = """
import sys
from dyads.run.ingest import IngestOptions, ingest
report = ingest([sys.argv[1]], sys.argv[2], IngestOptions(workers=2, batch_size=2))
print(report.start_method, report.added, report.failed)
"""


def test_forked_workers_store_what_one_process_stores(corpus: Path, single) -> None:
    db = corpus.parent / "forked.db"
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(corpus), str(db)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["fork", str(len(ARTICLES)), "0"]
    assert len(single["events"]) >= 5
    assert store_content(db) == single


def test_spawned_workers_store_what_one_process_stores(corpus: Path, single) -> None:
    db = corpus.parent / "spawned.db"
    with another_thread():  # a caller with threads running gets spawned workers
        report = ingest([str(corpus)], db, IngestOptions(workers=2, batch_size=2))
    assert report.start_method == "spawn"
    assert report.added == len(ARTICLES) and report.failed == 0
    assert store_content(db) == single


def test_a_second_run_skips_what_the_first_stored(corpus: Path) -> None:
    # forked workers look the store up with their own connections, opened after the fork
    db = corpus.parent / "again.db"
    assert ingest([str(corpus)], db, IngestOptions(workers=2, batch_size=2)).added == len(ARTICLES)
    again = ingest([str(corpus)], db, IngestOptions(workers=2, batch_size=2))
    assert again.added == 0 and again.skipped == len(ARTICLES)

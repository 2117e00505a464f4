"""A run killed with SIGKILL part-way, then run again, stores exactly what an uninterrupted run does;
killing only the parent takes its workers with it; SIGTERM or Ctrl-C ends a run cleanly.

The test starts this file as a script (the ``__main__`` block below) so that it can kill a real
process — and, with workers, its worker processes — once it has stored some articles, not all.
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

import psutil
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


def wait_until_stored(db: Path, proc: subprocess.Popen[bytes], count: int, seconds: float = 120) -> int:
    """Wait until the run has stored ``count`` articles (or ended); how many it has stored."""
    deadline = time.monotonic() + seconds
    while stored(db) < count and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    return stored(db)


def assert_whole(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        partial = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert partial == 0


def workers_of(pid: int) -> list[psutil.Process]:
    children = psutil.Process(pid).children(recursive=True)
    assert children, "the run should have worker processes"
    return children


def assert_ended(workers: list[psutil.Process], seconds: float = 5) -> None:
    """Every worker ends within ``seconds``; those that do not are killed, then reported."""
    _, alive = psutil.wait_procs(workers, timeout=seconds)
    for process in alive:
        process.kill()
    assert alive == [], f"workers outlived their parent: {alive}"


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
    seen = wait_until_stored(crashed, proc, 8)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    part = stored(crashed)
    assert 8 <= seen <= part < 36, f"the kill should land mid-run (stored {part})"

    for db in (crashed, whole):
        proc = run(db, corpus, workers)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    assert stored(whole) == 36
    assert dump(crashed) == dump(whole)
    with sqlite3.connect(crashed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_killing_only_the_parent_ends_its_workers_and_frees_the_pipes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", count=30)
    db = tmp_path / "store.db"
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__)), str(db), str(corpus), "2"],
        cwd=HERE,
        stdout=subprocess.PIPE,  # as subprocess.run(capture_output=True) or `| tee` hold them
        stderr=subprocess.PIPE,
    )
    seen = wait_until_stored(db, proc, 6)
    workers = workers_of(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers are not signalled
    started = time.monotonic()
    try:
        proc.communicate(timeout=10)  # ends once no worker holds the pipes
    finally:
        assert_ended(workers)
    assert time.monotonic() - started < 5
    assert 6 <= seen <= stored(db) < 36
    assert_whole(db)

    proc = run(db, corpus, 2)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert stored(db) == 36
    assert_whole(db)


REAL_TEXT = (
    "Officials from Mali and Niger met in Bamako on Monday, round {i}. France said it would support "
    "the talks, the ministry said. Russia accused Ukraine of shelling Donetsk on day {i}, officials said.\n"
)


def dyads_ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    command = ["ingest", str(folder), "--db", str(db), "--workers", "2", "--batch-size", "2", "-q"]
    return subprocess.Popen(
        [sys.executable, "-m", "dyads", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group of its own, as a shell job has
    )


@pytest.mark.parametrize(
    ("signum", "whole_group"),
    [(signal.SIGTERM, False), pytest.param(signal.SIGINT, True, marks=pytest.mark.slow)],
    ids=["sigterm-to-parent", "ctrl-c-to-group"],
)
def test_a_signalled_run_ends_cleanly_and_says_what_it_stored(
    tmp_path: Path, signum: int, whole_group: bool
) -> None:
    """The real pipeline with two workers, stopped the way a user or a service manager does.

    (The slow variant also runs again to the end; the kill tests above show resumption fast.)"""
    folder = tmp_path / "corpus"
    folder.mkdir()
    total = 40
    for i in range(total):
        (folder / f"r{i:02d}.txt").write_text(REAL_TEXT.format(i=i), encoding="utf-8")
    db = tmp_path / "store.db"
    proc = dyads_ingest(folder, db)
    seen = wait_until_stored(db, proc, 4)
    workers = workers_of(proc.pid)
    if whole_group:
        os.killpg(proc.pid, signum)
    else:
        os.kill(proc.pid, signum)
    try:
        out, err = proc.communicate(timeout=20)
    finally:
        assert_ended(workers)
    assert proc.returncode == 128 + signum, err.decode()
    left = stored(db)
    assert 4 <= seen <= left < total
    assert out.decode().startswith(f"{left} added, "), out.decode()
    assert f"interrupted by {signal.Signals(signum).name}" in err.decode()
    assert "Traceback" not in err.decode()
    assert_whole(db)
    if not whole_group:
        return

    proc = dyads_ingest(folder, db)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert out.decode().startswith(f"{total - left} added, 0 replaced, {left} already stored")
    assert stored(db) == total


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_the_real_pipeline_killed_mid_run_resumes_whole(tmp_path: Path, workers: int) -> None:
    """SIGKILL to the parent of a real run (the language pipeline, with and without workers)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    total = 40
    for i in range(total):
        (folder / f"r{i:02d}.txt").write_text(REAL_TEXT.format(i=i), encoding="utf-8")
    db = tmp_path / "store.db"
    command = ["ingest", str(folder), "--db", str(db), "--workers", str(workers), "--batch-size", "2", "-q"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "dyads", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    seen = wait_until_stored(db, proc, 6)
    workers_left = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    try:
        proc.communicate(timeout=10)
    finally:
        assert_ended(workers_left)
    left = stored(db)
    assert 6 <= seen <= left < total
    assert_whole(db)
    again = subprocess.run(
        [sys.executable, "-m", "dyads", *command], capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"{total - left} added, 0 replaced, {left} already stored")
    assert_whole(db)


if __name__ == "__main__":
    target_db, folder, worker_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # The bad JSONL line is a failure of the input; record it and still exit 0 for the test to compare.
    ingest(
        [folder], target_db, IngestOptions(analyzer=slow_code_by_pattern, workers=worker_count, batch_size=4)
    )

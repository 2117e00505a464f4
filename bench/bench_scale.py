"""Scale: two processes against bare spaCy on two processes, 1 vs 2 workers, Dask vs a process
pool, and peak memory of a whole ingest.

Every figure is a ratio against a baseline measured in the same run on the same texts, so the
machine's speed and load cancel out as far as they can.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.bench_ingest import SHARED, corpus
from dyads.ingest import ingest
from dyads.model import Options


def _fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def _events(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return sorted(
            conn.execute(
                "SELECT type, date, score, actor1_code, actor2_code, n_mentions, n_articles FROM events"
            ).fetchall(),
            key=repr,
        )


def _timed_ingest(source: Path, db: Path, model: str, **kwargs: Any) -> float:
    started = time.perf_counter()
    # Small batches keep both workers busy to the end; a few large batches leave one idle.
    report = ingest([str(source)], _fresh(db), batch_size=4, options=Options(model=model), **kwargs)
    assert report.failed == 0, report.failures[:3]
    return time.perf_counter() - started


def _bare_two_processes(texts: list[str], model: str) -> float:
    import spacy

    from dyads.nlp.pipeline import _model_location

    nlp = spacy.load(_model_location(model))
    nlp.max_length = 2_000_000
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=4, n_process=2):
        pass
    return time.perf_counter() - started


def run(workdir: Path, limit: int, model: str = "md") -> list[dict[str, Any]]:
    source, texts, label = corpus(workdir, limit)
    n = len(texts)
    bare2 = _bare_two_processes(texts, model)
    one = _timed_ingest(source, workdir / "w1.db", model, workers=1)
    two = _timed_ingest(source, workdir / "w2.db", model, workers=2)
    on_dask = _timed_ingest(source, workdir / "dask.db", model, dask="local[2]")
    same = _events(workdir / "w2.db") == _events(workdir / "dask.db") == _events(workdir / "w1.db")
    rate = lambda seconds: 60 * n / seconds  # noqa: E731
    return [
        {"benchmark": f"bare spaCy nlp.pipe n_process=2 ({model}), {label}", "value": f"{rate(bare2):.0f} articles/min",
         "note": f"{bare2:.1f} s (model loads in the children included)"},
        {"benchmark": "dyads ingest --workers 2, same texts", "value": f"{rate(two):.0f} articles/min",
         "note": f"{two:.1f} s (worker start-up and model loads included)"},
        {"benchmark": "ratio dyads 2 workers / bare spaCy 2 processes", "value": f"{bare2 / two:.2f}", "note": "target ≥ 0.8"},
        {"benchmark": "dyads ingest --workers 1", "value": f"{rate(one):.0f} articles/min", "note": f"{one:.1f} s"},
        {"benchmark": "speed-up 2 workers / 1 worker", "value": f"{one / two:.2f}×", "note": "target ≥ 1.6×"},
        {"benchmark": "dyads ingest --dask local[2]", "value": f"{rate(on_dask):.0f} articles/min",
         "note": f"{on_dask:.1f} s; {on_dask / two - 1:+.0%} vs the process pool (target within ±15%)"},
        {"benchmark": "event tables identical (1 worker, 2 workers, Dask)", "value": "yes" if same else "NO", "note": ""},
    ]  # fmt: skip


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (from /proc)."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def peak_memory(workdir: Path, workers: int) -> dict[str, Any]:
    """Peak RSS (whole process tree) of `dyads ingest` over the Guardian corpus."""
    if not SHARED.is_file():
        return {
            "benchmark": f"peak RSS, {workers} worker(s)",
            "value": "skipped",
            "note": "no ../shared corpus",
        }
    db = _fresh(workdir / f"rss-{workers}.db")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dyads",
            "ingest",
            str(SHARED),
            "--db",
            str(db),
            "--workers",
            str(workers),
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=sample)
    watcher.start()
    proc.wait()
    watcher.join()
    seconds = time.perf_counter() - started
    return {
        "benchmark": f"peak RSS, Guardian corpus (249 articles), --workers {workers}",
        "value": f"{peak / 2**20:.0f} MiB",
        "note": f"{seconds:.0f} s, exit {proc.returncode}; all processes of the run summed",
    }

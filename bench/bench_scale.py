"""Scale: two processes against bare spaCy on two processes, 1 vs 2 workers, Dask vs a process
pool, and peak memory of a whole ingest.

Every figure is a ratio against a baseline measured in the same run on the same texts, so the
machine's speed and load cancel out as far as they can.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.bench_ingest import SHARED, corpus

ROOT = Path(__file__).resolve().parents[1]


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


def _timed(command: list[str]) -> float:
    """Wall time of one whole program run, from interpreter start to exit."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ})
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-400:]}")
    return time.perf_counter() - started


def _ingest_command(source: Path, db: Path, model: str, *flags: str) -> list[str]:
    # Small batches keep both workers busy to the end; a few large batches leave one idle.
    return [
        sys.executable, "-m", "dyads", "ingest", str(source), "--db", str(_fresh(db)),
        "--batch-size", "4", "--model", model, "-q", *flags,
    ]  # fmt: skip


def _bare_command(source: Path, model: str, n_process: int) -> list[str]:
    return [
        sys.executable, "-m", "bench.bare_pipe", str(source), "--model", model,
        "--n-process", str(n_process), "--batch-size", "4",
    ]  # fmt: skip


def run(workdir: Path, limit: int, model: str = "md", rounds: int = 3) -> list[dict[str, Any]]:
    """Each configuration as a whole program (``dyads ingest …``, or bare spaCy), ``rounds`` times,
    the configurations interleaved so that a slow spell of the machine hits all of them alike;
    medians reported. Every time includes starting the interpreter and loading the model."""
    source, texts, label = corpus(workdir, limit)
    n = len(texts)
    commands = {
        "bare1": lambda: _bare_command(source, model, 1),
        "bare2": lambda: _bare_command(source, model, 2),
        "one": lambda: _ingest_command(source, workdir / "w1.db", model, "--workers", "1"),
        "two": lambda: _ingest_command(source, workdir / "w2.db", model, "--workers", "2"),
        "dask": lambda: _ingest_command(source, workdir / "dask.db", model, "--dask", "local[2]"),
    }
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(rounds):
        for key, command in commands.items():
            times[key].append(_timed(command()))
    bare1, bare2, one, two, on_dask = (statistics.median(times[k]) for k in commands)
    same = _events(workdir / "w2.db") == _events(workdir / "dask.db") == _events(workdir / "w1.db")
    rate = lambda seconds: 60 * n / seconds  # noqa: E731
    runs = lambda key: "runs " + ", ".join(f"{t:.1f}" for t in times[key]) + " s"  # noqa: E731
    return [
        {"benchmark": f"bare spaCy nlp.pipe ({model}), 1 process, {label}", "value": f"{rate(bare1):.0f} articles/min",
         "note": f"median {bare1:.1f} s ({runs('bare1')})"},
        {"benchmark": "bare spaCy nlp.pipe, n_process=2", "value": f"{rate(bare2):.0f} articles/min",
         "note": f"median {bare2:.1f} s ({runs('bare2')}); {bare1 / bare2:.2f}× one process"},
        {"benchmark": "dyads ingest --workers 1", "value": f"{rate(one):.0f} articles/min",
         "note": f"median {one:.1f} s ({runs('one')}); {bare1 / one:.2f} of bare spaCy, 1 process"},
        {"benchmark": "dyads ingest --workers 2", "value": f"{rate(two):.0f} articles/min",
         "note": f"median {two:.1f} s ({runs('two')})"},
        {"benchmark": "ratio dyads 2 workers / bare spaCy 2 processes", "value": f"{bare2 / two:.2f}", "note": "target ≥ 0.8"},
        {"benchmark": "speed-up 2 workers / 1 worker", "value": f"{one / two:.2f}×", "note": "target ≥ 1.6×"},
        {"benchmark": "dyads ingest --dask local[2]", "value": f"{rate(on_dask):.0f} articles/min",
         "note": f"median {on_dask:.1f} s ({runs('dask')}); {on_dask / two - 1:+.0%} vs the process pool (target within ±15%)"},
        {"benchmark": "event tables identical (1 worker, 2 workers, Dask)", "value": "yes" if same else "NO", "note": ""},
    ]  # fmt: skip


def _tree_memory(pid: int) -> tuple[int, int]:
    """Resident and proportional memory (RSS, PSS) of a process and all its descendants, in bytes.

    Summed RSS counts a page shared by forked workers once per worker; PSS splits each shared page
    between the processes that share it, so the sum is what the run really occupies.
    """
    # Imported here: psutil is only needed for the memory figures of --scale.
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def peak_memory(workdir: Path, workers: int) -> dict[str, Any]:
    """Peak memory (whole process tree, RSS and PSS) of `dyads ingest` over the Guardian corpus."""
    if not SHARED.is_file():
        return {
            "benchmark": f"peak memory, {workers} worker(s)",
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
    peak_rss = peak_pss = 0

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while proc.poll() is None:
            rss, pss = _tree_memory(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.2)

    watcher = threading.Thread(target=sample)
    watcher.start()
    proc.wait()
    watcher.join()
    seconds = time.perf_counter() - started
    return {
        "benchmark": f"peak memory, Guardian corpus (249 articles), --workers {workers}",
        "value": f"PSS {peak_pss / 2**20:.0f} MiB",
        "note": f"RSS summed {peak_rss / 2**20:.0f} MiB; {seconds:.0f} s, exit {proc.returncode}; "
        "all processes of the run",
    }

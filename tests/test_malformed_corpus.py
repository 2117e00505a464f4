"""Malformed inputs in one ingest run: each is stored or listed with its reason by ``dyads failures``;
nothing crashes and nothing stored before is lost.

The fast variant (default run) counts every input's fate in a small hostile corpus, good ones among
bad; the slow one throws hundreds of malformed inputs at the real command and pipeline."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from dyads.model import Analysis, Article, Options
from dyads.read import read_path
from dyads.run.ingest import IngestOptions, ingest
from dyads.store import content_hash, open_store
from malformed_inputs import make_hostile, make_malformed

PREVIOUS = "Kenya and Uganda signed a trade agreement in Kampala on Friday."


def dyads(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyads", *args], capture_output=True, text=True, timeout=1800
    )


def accounted(db: Path, files: list[Path]) -> tuple[list[Path], dict[str, str]]:
    """Files with neither a stored article nor a failure row, and the failure reasons by source."""
    with sqlite3.connect(db) as conn:
        sources = {r[0] for r in conn.execute("SELECT source FROM articles")}
        failures = dict(conn.execute("SELECT source, problem FROM failures").fetchall())
    known = sources | set(failures)
    missing = [f for f in files if not any(s == str(f) or s.startswith((f"{f}:", f"{f}#")) for s in known)]
    return missing, failures


def stored_by_hash(db: Path, path: Path) -> bool:
    digest = content_hash(read_path(str(path)))
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None


def run_corpus(tmp_path: Path, giant_mb: int) -> None:
    db = tmp_path / "store.db"
    previous = tmp_path / "previous.txt"
    previous.write_text(PREVIOUS, encoding="utf-8")
    first = dyads("ingest", str(previous), "--db", str(db), "-q")
    assert first.returncode == 0, first.stderr

    files, inputs = make_malformed(tmp_path / "bad", giant_mb=giant_mb)
    assert inputs >= 200
    result = dyads("ingest", str(tmp_path / "bad"), "--db", str(db), "-q")
    assert result.returncode == 1, result.stderr  # some inputs failed: exit 1, not a crash
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith("dyads: "), line

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT COUNT(*) FROM articles WHERE source = ?", (str(previous),)).fetchone()[0]
        assert kept == 1
        # the good records among the bad lines of the batch: all fifteen stored
        batch = f"{tmp_path / 'bad' / 'batch.jsonl'}:%"
        good = conn.execute("SELECT COUNT(*) FROM articles WHERE source LIKE ?", (batch,)).fetchone()[0]
        assert good == 15
    missing, failures = accounted(db, files)
    # A file whose clean text is already stored (the same report as .txt and .html) was skipped as
    # "already stored": it counts as stored when its content hash is in the store.
    assert [f.name for f in missing if not stored_by_hash(db, f)] == []
    assert all(problem.strip() for problem in failures.values())
    listed = dyads("failures", "--db", str(db), "--format", "csv")
    assert listed.returncode == 0 and "giant.html" in listed.stdout


@pytest.mark.slow
def test_two_hundred_malformed_inputs_in_one_run(tmp_path: Path) -> None:
    run_corpus(tmp_path, giant_mb=50)


def no_events(articles: Iterable[Article], _options: Options) -> list[Analysis]:
    """A stand-in for the language pipeline: reading is what is under test here."""
    return [Analysis(article) for article in articles]


@pytest.mark.parametrize("workers", [1, 2])
def test_every_input_of_a_hostile_corpus_is_stored_or_reported(tmp_path: Path, workers: int) -> None:
    db = tmp_path / "store.db"
    previous = tmp_path / "previous.txt"
    previous.write_text(PREVIOUS, encoding="utf-8")
    ingest([str(previous)], db, IngestOptions(analyzer=no_events))
    tally = make_hostile(tmp_path / "hostile")

    settings = IngestOptions(analyzer=no_events, workers=workers, batch_size=3)
    report = ingest([str(tmp_path / "hostile")], db, settings)
    assert (report.added, report.failed) == (len(tally.stored) + len(tally.unanalysed), len(tally.reported))
    assert {n.source for n in report.unanalysed} == tally.unanalysed
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in conn.execute("SELECT source FROM articles")}
        failures = dict(conn.execute("SELECT source, problem FROM failures").fetchall())
    assert stored == tally.stored | tally.unanalysed | {str(previous)}
    assert set(failures) == tally.reported | tally.unanalysed
    assert all(problem.strip() and "\n" not in problem for problem in failures.values())
    assert {failures[s] for s in tally.unanalysed} <= {
        f"language {c}: not analysed" for c in ("fr", "de", "es")
    }
    with open_store(db, readonly=True) as store:
        long_doc = store.get_analysis("j-long")
    assert long_doc is not None and len(long_doc["article"]["text"]) <= Options().max_chars
    assert any("truncated" in w for w in long_doc["article"]["warnings"])

    again = ingest([str(tmp_path / "hostile")], db, settings)  # a re-run stores nothing twice
    assert (again.added, again.skipped, again.failed) == (0, report.added, len(tally.reported))

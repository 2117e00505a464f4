"""SIGKILL at random points during ingest, then re-run: the store is intact, holds no partial article
and ends identical to an uninterrupted run. Each kill lands once a random number of articles is
stored, never after the end. Three trials by default; twenty more under ``-m slow``."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest
from test_ingest import write_corpus
from test_ingest_crash import assert_whole, dump, run, stored, wait_until_stored

ARTICLES = 36  # write_corpus(count=30): 30 files, a gzipped page and five good JSONL lines


@pytest.fixture(scope="module")
def corpus_and_baseline(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, list[tuple[object, ...]]]]:
    folder = tmp_path_factory.mktemp("trials")
    corpus = write_corpus(folder / "corpus", count=30)
    whole = folder / "whole.db"
    proc = run(whole, corpus, 1)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()
    assert stored(whole) == ARTICLES
    return corpus, dump(whole)


def kill_trial(tmp_path: Path, corpus: Path, baseline: dict[str, list[tuple[object, ...]]], seed: int) -> int:
    """One trial: kill after a random delay, re-run, compare. Returns how many articles the kill left."""
    rng = random.Random(seed)
    db = tmp_path / f"trial-{seed}.db"
    proc = run(db, corpus, 1)
    # Somewhere between the first stored article and the last but a few, and a little after.
    target = rng.randint(1, ARTICLES - 8)
    seen = wait_until_stored(db, proc, target)
    time.sleep(rng.uniform(0.0, 0.1))
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    left = stored(db)
    assert target <= seen <= left < ARTICLES, f"the kill should land mid-run (stored {left})"
    assert_whole(db)  # and no partial article: each stored one has its sentences
    proc = run(db, corpus, 1)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()
    assert dump(db) == baseline
    return left


@pytest.mark.parametrize("seed", range(3))
def test_random_kills_resume_to_the_same_store(tmp_path: Path, corpus_and_baseline, seed: int) -> None:
    corpus, baseline = corpus_and_baseline
    kill_trial(tmp_path, corpus, baseline, seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 120))
def test_twenty_more_random_kills(tmp_path: Path, corpus_and_baseline, seed: int) -> None:
    corpus, baseline = corpus_and_baseline
    kill_trial(tmp_path, corpus, baseline, seed)

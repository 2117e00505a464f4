"""A Dask LocalCluster with 2 worker processes stores exactly what a single-process run stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.run.ingest import IngestOptions, ingest
from store_support import ARTICLES, store_content

pytest.importorskip("distributed")


def test_dask_local_cluster_matches_single_process(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in ARTICLES),
        encoding="utf-8",
    )
    single = ingest([str(corpus)], tmp_path / "single.db", IngestOptions(workers=1, batch_size=2))
    on_dask = ingest([str(corpus)], tmp_path / "dask.db", IngestOptions(dask="local[2]", batch_size=2))
    assert single.added == on_dask.added == len(ARTICLES)
    expected, got = store_content(tmp_path / "single.db"), store_content(tmp_path / "dask.db")
    assert len(expected["events"]) >= 5
    assert got == expected

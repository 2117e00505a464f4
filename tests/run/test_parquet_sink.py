"""A run into Parquet partitions, loaded into a store, stores what a direct run stores."""

from __future__ import annotations

import json
from pathlib import Path

from test_ingest import code_by_pattern, write_corpus

from dyads.run.ingest import IngestOptions, ingest
from dyads.run.parquet_sink import ParquetSink, iter_parquet, load_parquet
from dyads.store import open_store
from store_support import store_content


def test_parquet_run_then_load_gives_the_direct_store(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c")
    settings = IngestOptions(analyzer=code_by_pattern, batch_size=4)
    direct = ingest([str(corpus)], tmp_path / "direct.db", settings)

    sink = ParquetSink(tmp_path / "parts", rows_per_file=5)
    try:
        via_parquet = ingest([str(corpus)], "unused.db", settings, store=sink)
    finally:
        sink.close()
    assert (via_parquet.added, via_parquet.failed) == (direct.added, direct.failed)
    assert sink.written == direct.added
    assert sorted((tmp_path / "parts").glob("month=*/part-*.parquet"))
    assert not list((tmp_path / "parts").rglob("*.partial"))
    failures = (tmp_path / "parts" / "failures.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(failures) == direct.failed and all(json.loads(line)["problem"] for line in failures)
    assert len(list(iter_parquet(tmp_path / "parts"))) == direct.added

    with open_store(tmp_path / "loaded.db") as store:
        assert load_parquet(tmp_path / "parts", store)["added"] == direct.added
        assert load_parquet(tmp_path / "parts", store)["skipped"] == direct.added
    loaded, expected = store_content(tmp_path / "loaded.db"), store_content(tmp_path / "direct.db")
    assert loaded == expected

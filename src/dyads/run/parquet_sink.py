"""A Parquet sink: analyses as month partitions instead of a store (``dyads ingest --out-parquet DIR``).

Each analysed article becomes one row: ``article_id``, ``published``, ``source``, ``content_hash``
and the full ``dyads.analysis/1`` JSON; files are partitioned by publication month
(``month=2020-09/part-….parquet``) so engines such as DuckDB, Spark or Trino prune by date.
``dyads load DIR`` reads them back into a SQLite store through the same writer as ``ingest``, so a
Parquet run followed by a load gives the same store as a direct ingest.

:class:`ParquetSink` stands in for the store during ingest: it takes analyses and failures the same
way (``add_analysis``, ``record_failure``) and buffers rows, writing a part file every ``rows_per_file``
so memory stays bounded by that buffer.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyads.contract import analysis_from_json, analysis_to_json
from dyads.model import Analysis
from dyads.store import Store, content_hash


def _schema() -> Any:
    # Imported here: pyarrow is heavy to import, and only Parquet runs need it.
    import pyarrow as pa

    return pa.schema(
        [
            ("article_id", pa.string()),
            ("published", pa.string()),
            ("source", pa.string()),
            ("content_hash", pa.string()),
            ("analysis_json", pa.large_string()),
        ]
    )


class ParquetSink:
    """Collects analyses into month-partitioned Parquet files under ``path``."""

    def __init__(self, path: str | Path, rows_per_file: int = 500) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.rows_per_file = rows_per_file
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._seen: set[str] = set()
        self.failures: list[tuple[str, str, str]] = []
        self.written = 0
        self._parts = len(list(self.path.glob("month=*/part-*.parquet")))

    def add_analysis(self, analysis: Analysis, source: str | None = None, force: bool = False) -> str:
        digest = content_hash(analysis.article)
        if digest in self._seen and not force:
            return "skipped"
        self._seen.add(digest)
        month = (analysis.article.published or "unknown")[:7]
        rows = self._rows.setdefault(month, [])
        rows.append(
            {
                "article_id": analysis.article.id,
                "published": analysis.article.published,
                "source": source,
                "content_hash": digest,
                "analysis_json": json.dumps(analysis_to_json(analysis), ensure_ascii=False),
            }
        )
        if len(rows) >= self.rows_per_file:
            self._flush(month)
        return "added"

    def record_failure(self, source: str, stage: str, problem: str) -> None:
        self.failures.append((source, stage, problem))

    def _flush(self, month: str) -> None:
        # Imported here: pyarrow is heavy to import, and only Parquet runs need it.
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self._rows.pop(month, [])
        if not rows:
            return
        folder = self.path / f"month={month}"
        folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(rows, schema=_schema())
        # Write to a temporary name, then rename: a killed run never leaves a half-written part.
        # Part names sort in write order, so a load replays each month in input order.
        self._parts += 1
        final = folder / f"part-{self._parts:06d}-{uuid.uuid4().hex[:8]}.parquet"
        partial = final.with_suffix(".partial")
        pq.write_table(table, partial)
        partial.replace(final)
        self.written += len(rows)

    def close(self) -> None:
        for month in list(self._rows):
            self._flush(month)
        if self.failures:
            with (self.path / "failures.jsonl").open("a", encoding="utf-8") as handle:
                for source, stage, problem in self.failures:
                    handle.write(json.dumps({"source": source, "stage": stage, "problem": problem}) + "\n")
            self.failures = []


def iter_parquet(path: str | Path) -> Iterator[tuple[Analysis, str | None]]:
    """Every analysis stored under ``path``, month by month and in input order within a month."""
    # Imported here: pyarrow is heavy to import, and only Parquet runs need it.
    import pyarrow.parquet as pq

    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    for part in sorted(root.glob("month=*/part-*.parquet")):
        table = pq.read_table(part, columns=["analysis_json", "source"])
        for doc, source in zip(
            table.column("analysis_json").to_pylist(), table.column("source").to_pylist(), strict=True
        ):
            yield analysis_from_json(json.loads(doc)), source


def load_parquet(path: str | Path, store: Store, force: bool = False) -> dict[str, int]:
    """Load a folder written by a :class:`ParquetSink` into the store; returns counts of added and
    skipped articles."""
    counts = {"added": 0, "skipped": 0, "replaced": 0}
    for analysis, source in iter_parquet(path):
        result = store.add_analysis(analysis, source=source, force=force)
        counts[result] = counts.get(result, 0) + 1
    return counts

"""``dyads export``: the corpus as CSV with GDELT 2.0 event columns, JSONL analyses, or Parquet.

The CSV and Parquet exports count events like the other counting views: those at or above
``--min-confidence``, else the store's threshold (``dyads threshold``); the message says which.
The JSONL export writes the stored analyses whole (every event, each with its confidence).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli.options import DEFAULT_DB, DbOption, MinConfidenceOption, fail, reading_store
from dyads.export import COUNTING_EXPORTS, EXPORTERS
from dyads.query.confidence import Threshold, threshold_for
from dyads.query.filters import EventFilter
from dyads.query.parse import BadParameter, parse_confidence
from dyads.store import Store


def export(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="File (csv, jsonl; - for standard output) or folder (parquet)."),
    ],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv (GDELT columns), jsonl or parquet.")
    ] = "csv",
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Export the corpus: CSV with GDELT 2.0 event columns, JSONL analyses, or Parquet by month.

    CSV and Parquet hold the events at or above the confidence threshold (--min-confidence, else
    the store's; 0 for every event); JSONL every stored analysis whole.

    Examples: dyads export --format csv --out events.csv; dyads export --format parquet --out events/;
    dyads export --format jsonl --out - | gzip > analyses.jsonl.gz
    """

    if fmt not in EXPORTERS:
        raise fail(f"--format: expected one of {', '.join(EXPORTERS)}, got {fmt!r}")
    try:
        least = parse_confidence(min_confidence, "--min-confidence")
    except BadParameter as err:
        raise fail(str(err)) from None
    if least is not None and fmt not in COUNTING_EXPORTS:
        raise fail(f"--min-confidence: {fmt} exports the stored analyses whole; use it with csv or parquet")
    if str(out) == "-":
        if fmt == "parquet":
            raise fail("--out -: parquet is written to a folder, not to standard output")
        export_to_stdout(db, fmt, least)
        return
    with reading_store(db) as store:
        try:
            count, threshold = _export(store, fmt, out, least)
        except OSError as err:
            raise fail(f"{out}: {err.strerror or err}") from None
    typer.echo(_done(count, fmt, threshold, str(out)))


def _export(store: Store, fmt: str, out: Path, least: float | None) -> tuple[int, Threshold | None]:
    """Write the export; return how many rows (or documents) and the threshold events were counted at."""
    if fmt not in COUNTING_EXPORTS:
        return EXPORTERS[fmt](store, out), None
    threshold = threshold_for(store, EventFilter(min_confidence=least))
    return EXPORTERS[fmt](store, out, threshold.value), threshold


def _done(count: int, fmt: str, threshold: Threshold | None, where: str) -> str:
    if threshold is None:
        return f"exported {count} analyses → {where}"
    return f"exported {count} events with {threshold.describe()} → {where}"


def export_to_stdout(db: Path, fmt: str, least: float | None = None) -> None:
    """``export --out -``: the export written to standard output, the count to standard error."""
    with tempfile.TemporaryDirectory(prefix="dyads-export-") as folder, reading_store(db) as store:
        # The exporters write files: one is written aside, then copied out, so a failed export
        # leaves nothing half-written on standard output either.
        written = Path(folder) / f"export.{fmt}"
        count, threshold = _export(store, fmt, written, least)
        with written.open(encoding="utf-8", newline="") as source:
            shutil.copyfileobj(source, sys.stdout)
        sys.stdout.flush()
    typer.echo(_done(count, fmt, threshold, "standard output"), err=True)

"""``dyads export``: the corpus as CSV with GDELT 2.0 event columns, JSONL analyses, or Parquet."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli.options import DEFAULT_DB, DbOption, fail, reading_store
from dyads.export import EXPORTERS


def export(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="File (csv, jsonl; - for standard output) or folder (parquet)."),
    ],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv (GDELT columns), jsonl or parquet.")
    ] = "csv",
) -> None:
    """Export the corpus: CSV with GDELT 2.0 event columns, JSONL analyses, or Parquet by month.

    Examples: dyads export --format csv --out events.csv; dyads export --format parquet --out events/;
    dyads export --format jsonl --out - | gzip > analyses.jsonl.gz
    """

    if fmt not in EXPORTERS:
        raise fail(f"--format: expected one of {', '.join(EXPORTERS)}, got {fmt!r}")
    if str(out) == "-":
        if fmt == "parquet":
            raise fail("--out -: parquet is written to a folder, not to standard output")
        export_to_stdout(db, fmt)
        return
    with reading_store(db) as store:
        try:
            count = EXPORTERS[fmt](store, out)
        except OSError as err:
            raise fail(f"{out}: {err.strerror or err}") from None
    typer.echo(f"exported {count} {'analyses' if fmt == 'jsonl' else 'events'} → {out}")


def export_to_stdout(db: Path, fmt: str) -> None:
    """``export --out -``: the export written to standard output, the count to standard error."""
    with tempfile.TemporaryDirectory(prefix="dyads-export-") as folder, reading_store(db) as store:
        # The exporters write files: one is written aside, then copied out, so a failed export
        # leaves nothing half-written on standard output either.
        written = Path(folder) / f"export.{fmt}"
        count = EXPORTERS[fmt](store, written)
        with written.open(encoding="utf-8", newline="") as source:
            shutil.copyfileobj(source, sys.stdout)
        sys.stdout.flush()
    typer.echo(f"exported {count} {'analyses' if fmt == 'jsonl' else 'events'} → standard output", err=True)

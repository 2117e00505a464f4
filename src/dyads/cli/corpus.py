"""Corpus commands of the ``dyads`` CLI: fill a store, keep it, search it and read it out.

Thin commands over :mod:`dyads.run.ingest`, :mod:`dyads.run.parquet_sink`, :mod:`dyads.store` and :mod:`dyads.query`
(exports are in :mod:`dyads.cli.export`). Every one takes ``--db`` (default ./dyads.db, or $DYADS_DB) and the query
commands ``--format table|json|jsonl|csv``; the questions about events are in :mod:`dyads.cli.events`.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dyads.cli.config import load_options
from dyads.cli.options import (
    DEFAULT_DB,
    DbOption,
    LimitOption,
    ModelOption,
    OffsetOption,
    RecordFormatOption,
    RowsFormatOption,
    check_page,
    check_rows_format,
    fail,
    reading_store,
)
from dyads.cli.output import emit
from dyads.cli.report import print_analysis
from dyads.contract import analysis_from_json
from dyads.query import search_quotes, search_sentences, top_actors, top_places
from dyads.query.parse import MAX_ROW_ID, parse_kind
from dyads.run.dask_runner import DaskAddressError
from dyads.run.ingest import IngestInterrupted, IngestOptions, IngestReport
from dyads.run.ingest import ingest as run_ingest
from dyads.run.interrupts import interrupted_by_signals
from dyads.run.parquet_sink import ParquetSink, load_parquet
from dyads.store import StoreError, open_store
from dyads.store.dedup_decisions import DecisionError
from dyads.store.migrations import schema_text

# -- ingest ----------------------------------------------------------------------------------------


def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, globs, JSONL, feeds, WARC.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    urls: Annotated[list[Path] | None, typer.Option("--urls", help="A file of URLs, one a line.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes (1: in this one).")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per batch (bounds memory).")] = 16,
    force: Annotated[bool, typer.Option("--force", help="Re-analyse articles already stored.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Stop after this many inputs.")] = None,
    model: ModelOption = "md",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on Dask: local[N] or a scheduler address (tcp://host:8786)."),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on loopback and private networks.")
    ] = False,
    out_parquet: Annotated[
        Path | None,
        typer.Option("--out-parquet", help="Write analyses as Parquet partitions here instead of the store."),
    ] = None,
) -> None:
    """Analyse inputs and store them; inputs already stored are skipped. Exit 1 if some failed.

    Examples: dyads ingest examples/; dyads ingest corpus.jsonl.gz news/*.html --workers 2;
    dyads ingest --urls urls.txt --db sahel.db
    """
    if not paths and not urls:
        raise fail("give files, folders or globs to ingest, or --urls FILE")
    if workers < 1 or batch_size < 1:
        raise fail("--workers and --batch-size must be at least 1")
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "{task.fields[rate]:.2f} articles/s · {task.fields[added]} new · {task.fields[skipped]} known"
        ),
        TextColumn("· [red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
    )
    task = progress.add_task("ingest", total=None, rate=0.0, added=0, skipped=0, failed=0)

    def show(report: IngestReport) -> None:
        # Started on the first report, once the workers are up: the bar's refresh thread must not
        # be running when they are forked (dyads.run.worker_pool).
        if not progress.live.is_started:
            progress.start()
        rate = (report.added + report.replaced) / report.seconds if report.seconds else 0.0
        progress.update(
            task, completed=report.done, total=report.total, rate=rate,
            added=report.added + report.replaced, skipped=report.skipped, failed=report.failed,
        )  # fmt: skip

    sink = ParquetSink(out_parquet) if out_parquet else None
    received: list[int] = []
    try:
        settings = IngestOptions(
            urls=tuple(str(u) for u in urls or ()), workers=workers, batch_size=batch_size, force=force,
            limit=limit, dask=dask, options=load_options(model=model, allow_private=allow_private),
        )  # fmt: skip
        with interrupted_by_signals(received):
            report = run_ingest(paths or [], db, settings, progress=show, store=sink)
    except IngestInterrupted as stop:
        report = stop.report
    except KeyboardInterrupt:  # before the run began (loading the model, starting workers)
        report = IngestReport()
        received = received or [signal.SIGINT]
    except (StoreError, DaskAddressError) as err:
        raise fail(str(err)) from None
    except Exception as err:  # a worker process died: nothing half-written, but the run cannot go on
        raise fail(f"ingest stopped: {type(err).__name__}: {err}") from None
    finally:
        if progress.live.is_started:
            progress.stop()
        if sink is not None:
            sink.close()
    where = str(out_parquet if sink is not None else db)
    _print_ingest_report(report, where)
    if received:
        name = signal.Signals(received[0]).name
        typer.echo(
            f"dyads: interrupted by {name}: what is counted above is stored; run again to go on", err=True
        )
        raise typer.Exit(128 + received[0])
    if report.done == 0 and report.failed == 0:
        raise fail("no inputs found")
    raise typer.Exit(1 if report.failed else 0)


def _print_ingest_report(report: IngestReport, where: str) -> None:
    shown = 20  # the rest are in the store: `dyads failures`
    for failure in report.failures[:shown]:
        typer.echo(f"dyads: failed {failure.source}: {failure.problem}", err=True)
    if len(report.failures) > shown:
        typer.echo(
            f"dyads: … and {len(report.failures) - shown} more (dyads failures --db {where})", err=True
        )
    typer.echo(
        f"{report.added} added, {report.replaced} replaced, {report.skipped} already stored, "
        f"{report.failed} failed in {report.seconds:.1f} s ({report.articles_per_minute:.1f} articles/min) → {where}"
    )


def load(
    lake: Annotated[Path, typer.Argument(help="A folder written by dyads ingest --out-parquet.")],
    db: DbOption = DEFAULT_DB,
    force: Annotated[bool, typer.Option("--force", help="Replace articles already stored.")] = False,
) -> None:
    """Load Parquet analyses (from ingest --out-parquet) into the store.

    Example: dyads ingest corpus.jsonl --dask tcp://scheduler:8786 --out-parquet lake/; dyads load lake/
    """
    if not lake.is_dir():
        raise fail(f"{lake}: no such folder")
    try:
        with open_store(db) as store:
            counts = load_parquet(lake, store, force=force)
    except StoreError as err:
        raise fail(str(err)) from None
    except (OSError, ValueError) as err:
        raise fail(f"{lake}: {err}") from None
    typer.echo(
        f"{counts['added']} added, {counts['replaced']} replaced, {counts['skipped']} already stored → {db}"
    )


# -- upkeep ----------------------------------------------------------------------------------------


def failures(db: DbOption = DEFAULT_DB, fmt: RowsFormatOption = "table") -> None:
    """List the inputs that could not be read or analysed, and why.

    Example: dyads failures --format csv > failures.csv
    """
    check_rows_format(fmt)
    with reading_store(db) as store:
        emit(store.failures(), fmt, ["source", "stage", "problem", "at"], "failures")


def dedup(
    db: DbOption = DEFAULT_DB,
    split: Annotated[
        tuple[int, int] | None,
        typer.Option(
            "--split", help="EVENT MENTION: the report leaves the event (kept across re-clustering)."
        ),
    ] = None,
    join: Annotated[
        tuple[int, int] | None,
        typer.Option("--join", help="A B: the two events are one (kept across re-clustering)."),
    ] = None,
) -> None:
    """Re-cluster the reports of the store into events; or split a wrong merge, or join a missed one.

    Two reports are one event when they have the same type, the same actor and recipient at the
    level both know, dates that overlap at their own precision and compatible places (docs/architecture.md).
    Examples: dyads dedup; dyads dedup --split 12 40; dyads dedup --join 12 15
    """
    if split and join:
        raise fail("give --split or --join, not both")
    for name, pair in (("--split", split), ("--join", join)):
        if pair and any(n < 1 for n in pair):
            raise fail(f"{name}: ids must be positive, got {pair[0]} {pair[1]}")
    try:
        with open_store(db) as store:
            if split or join:
                after = store.correct(split=split, join=join)
                what = f"report {split[1]} split from event {split[0]}" if split else "events joined"
                typer.echo(
                    f"{what}: now event{'s' if len(after) > 1 else ''} {', '.join(map(str, after))} → {db}"
                )
                return
            before, count = store.recluster(store.dedup)
    except (StoreError, DecisionError) as err:
        raise fail(str(err)) from None
    typer.echo(f"{before} events before, {count} after → {db}")


def schema() -> None:
    """Print the documented schema of the store (for SQL, pandas or Datasette).

    Example: dyads schema | less
    """

    typer.echo(schema_text())


# -- reading out -----------------------------------------------------------------------------------


def quotes(
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words the quote contains.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Country code or part of the speaker's name.")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    all_records: Annotated[
        bool,
        typer.Option(
            "--all", help="Also the attributions that are not speech (what someone seeks, backs, believes)."
        ),
    ] = False,
) -> None:
    """Quotes by speaker and words (full text search), with their articles: what was said, unless
    --all also lists the attributions of thought, plan or evidence.

    Example: dyads quotes --search Russia --speaker Lavrov
    """
    check_rows_format(fmt)
    check_page(limit, offset)
    with reading_store(db) as store:
        page = search_quotes(store, search, speaker, limit, offset, speech_only=not all_records)
    emit(page.items, fmt, ["speaker", "content", "published", "outlet", "source"], f"{page.total} quotes")


def search(
    query: Annotated[str, typer.Argument(help="Words the sentence contains.")],
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
) -> None:
    """Full text search over every stored sentence, best first.

    Example: dyads search "Wagner group"
    """
    check_rows_format(fmt)
    check_page(limit, offset)
    with reading_store(db) as store:
        page = search_sentences(store, query, limit, offset)
    emit(page.items, fmt, ["snippet", "published", "outlet", "events", "source"], f"{page.total} sentences")


def actors(
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    top: Annotated[int, typer.Option("--top", help="How many.")] = 20,
    kind: Annotated[str | None, typer.Option(help="person, country, organization or group.")] = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country.")] = None,
    offset: OffsetOption = 0,
) -> None:
    """The actors named in most articles.

    Example: dyads actors --top 10 --kind person
    """
    check_rows_format(fmt)
    check_page(top, offset)
    with reading_store(db) as store:
        page = top_actors(store, top, parse_kind(kind, "--kind"), country, offset)
    emit(page.items, fmt, None, f"{page.total} actors")


def places(
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    top: Annotated[int, typer.Option("--top", help="How many.")] = 20,
    country: Annotated[str | None, typer.Option(help="Only places in this country.")] = None,
    offset: OffsetOption = 0,
) -> None:
    """The places named in most articles, with coordinates.

    Example: dyads places --country MLI
    """
    check_rows_format(fmt)
    check_page(top, offset)
    with reading_store(db) as store:
        page = top_places(store, top, country, offset)
    emit(page.items, fmt, None, f"{page.total} places")


def articles(
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
) -> None:
    """The stored articles, newest first, with their event and quote counts.

    Example: dyads articles --limit 10
    """
    check_rows_format(fmt)
    check_page(limit, offset)
    with reading_store(db) as store:
        page = store.list_articles(limit, offset)
        counts = store.counts()
    columns = ["id", "published", "outlet", "title", "n_events", "n_quotes", "source"]
    emit(
        page.items,
        fmt,
        columns,
        f"{page.total} articles · {counts['events']} events · {counts['failures']} failures",
    )


def show(
    article: Annotated[str, typer.Argument(help="Article row id, article id or content hash.")],
    db: DbOption = DEFAULT_DB,
    fmt: RecordFormatOption = "text",
) -> None:
    """Print the stored analysis of an article (json: exactly the dyads.analysis/1 document).

    Example: dyads show 3 --format json
    """
    # A row id past SQLite's integers names no article (and would overflow the look-up).
    past_row_ids = article.isdigit() and (not article.isascii() or int(article) > MAX_ROW_ID)
    with reading_store(db) as store:
        doc = None if past_row_ids else store.get_analysis(article)
    if doc is None:
        raise fail(f"no article {article!r} in {db}")
    if fmt == "json":
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return

    print_analysis(analysis_from_json(doc))

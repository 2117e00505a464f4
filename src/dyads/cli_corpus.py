"""Corpus commands of the ``dyads`` CLI: ingest, query and export a store.

Thin commands over :mod:`dyads.run.ingest`, :mod:`dyads.analytics` and :mod:`dyads.export`; every one
takes ``--db`` (default ./dyads.db, or $DYADS_DB) and the query commands ``--format
table|json|jsonl|csv``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from dyads.cli import app, fail
from dyads.cli_output import FORMATS, emit, short_source

DbOption = Annotated[
    Path, typer.Option("--db", envvar="DYADS_DB", help="The corpus store (SQLite file).", show_default=True)
]
OutFormat = Annotated[str, typer.Option("--format", "-f", help="Output: table, json, jsonl or csv.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="From this ISO date (2020, 2020-08, 2020-08-21).")
]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this ISO date.")]
ByOption = Annotated[str, typer.Option("--by", help="Period: day, week, month, quarter or year.")]
DEFAULT_DB = Path("dyads.db")


@contextmanager
def _store(db: Path) -> Iterator[Any]:
    from dyads.store import StoreError, open_store

    try:
        store = open_store(db, readonly=True)
    except StoreError as err:
        raise fail(str(err)) from None
    try:
        yield store
    except ValueError as err:  # bad dates, periods, quad names: the user's input, named
        raise fail(str(err)) from None
    finally:
        store.close()


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise fail(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


# -- ingest ----------------------------------------------------------------------------------------


@app.command()
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
    model: Annotated[str, typer.Option(help="spaCy English pipeline: md or sm.")] = "md",
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
    from dyads.cli import _options
    from dyads.run.ingest import IngestOptions, IngestReport
    from dyads.run.ingest import ingest as run_ingest
    from dyads.store import StoreError

    if not paths and not urls:
        raise fail("give files, folders or globs to ingest, or --urls FILE")
    if workers < 1 or batch_size < 1:
        raise fail("--workers and --batch-size must be at least 1")
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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

    from dyads.run.dask_runner import DaskAddressError
    from dyads.run.parquet_sink import ParquetSink

    sink = ParquetSink(out_parquet) if out_parquet else None
    try:
        settings = IngestOptions(
            urls=tuple(str(u) for u in urls or ()), workers=workers, batch_size=batch_size, force=force,
            limit=limit, dask=dask, options=_options(model=model, allow_private=allow_private),
        )  # fmt: skip
        report = run_ingest(paths or [], db, settings, progress=show, store=sink)
    except (StoreError, DaskAddressError) as err:
        raise fail(str(err)) from None
    except Exception as err:  # a worker process died: nothing half-written, but the run cannot go on
        raise fail(f"ingest stopped: {type(err).__name__}: {err}") from None
    finally:
        if progress.live.is_started:
            progress.stop()
        if sink is not None:
            sink.close()
    if sink is not None:
        db = out_parquet  # type: ignore[assignment]
    shown = 20  # the rest are in the store: `dyads failures`
    for failure in report.failures[:shown]:
        typer.echo(f"dyads: failed {failure.source}: {failure.problem}", err=True)
    if len(report.failures) > shown:
        typer.echo(f"dyads: … and {len(report.failures) - shown} more (dyads failures --db {db})", err=True)
    typer.echo(
        f"{report.added} added, {report.replaced} replaced, {report.skipped} already stored, "
        f"{report.failed} failed in {report.seconds:.1f} s ({report.articles_per_minute:.1f} articles/min) → {db}"
    )
    if report.done == 0 and report.failed == 0:
        raise fail("no inputs found")
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def load(
    lake: Annotated[Path, typer.Argument(help="A folder written by dyads ingest --out-parquet.")],
    db: DbOption = DEFAULT_DB,
    force: Annotated[bool, typer.Option("--force", help="Replace articles already stored.")] = False,
) -> None:
    """Load Parquet analyses (from ingest --out-parquet) into the store.

    Example: dyads ingest corpus.jsonl --dask tcp://scheduler:8786 --out-parquet lake/; dyads load lake/
    """
    from dyads.run.parquet_sink import load_parquet
    from dyads.store import StoreError, open_store

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


@app.command()
def failures(db: DbOption = DEFAULT_DB, fmt: OutFormat = "table") -> None:
    """List the inputs that could not be read or analysed, and why.

    Example: dyads failures --format csv > failures.csv
    """
    _check(fmt)
    with _store(db) as store:
        emit(store.failures(), fmt, ["source", "stage", "problem", "at"], "failures")


@app.command()
def dedup(
    db: DbOption = DEFAULT_DB,
    window: Annotated[int, typer.Option("--window", help="Days between two reports of one event.")] = 2,
    max_uncertainty: Annotated[
        int, typer.Option("--max-uncertainty", help="Vaguer dates (in days) merge only when identical.")
    ] = 31,
    strict_recipient: Annotated[
        bool, typer.Option("--strict-recipient", help="A report without a recipient stays apart.")
    ] = False,
    no_published_date: Annotated[
        bool, typer.Option("--no-published-date", help="Do not date undated reports by their article.")
    ] = False,
) -> None:
    """Rebuild the deduplicated events with new parameters (kept for later ingests).

    Example: dyads dedup --window 5
    """
    from dyads.store import DedupParams, StoreError, open_store

    if window < 0 or max_uncertainty < 0:
        raise fail("--window and --max-uncertainty must not be negative")
    params = DedupParams(
        window_days=window,
        max_uncertainty_days=max_uncertainty,
        allow_missing_recipient=not strict_recipient,
        use_published_date=not no_published_date,
    )
    try:
        with open_store(db) as store:
            before, after = store.recluster(params)
    except StoreError as err:
        raise fail(str(err)) from None
    typer.echo(f"{before} events before, {after} after (window {window} days) → {db}")


@app.command()
def schema() -> None:
    """Print the documented schema of the store (for SQL, pandas or Datasette).

    Example: dyads schema | less
    """
    from dyads.store.migrations import schema_text

    typer.echo(schema_text())


# -- queries ---------------------------------------------------------------------------------------

_EVENT_COLUMNS = [
    "id",
    "when",
    "type",
    "actor",
    "recipient",
    "score",
    "place",
    "n_mentions",
    "n_sources",
    "sentence",
]


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    actor: Annotated[str | None, typer.Option(help="Actor side: MLI, MLI:MIL or a name.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient side, as --actor.")] = None,
    party: Annotated[str | None, typer.Option(help="Either side, as --actor.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER types, comma separated.")] = None,
    quad: Annotated[str | None, typer.Option(help="1-4 or e.g. material_conflict.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: Annotated[str | None, typer.Option(help="Place name, or country code.")] = None,
    text: Annotated[str | None, typer.Option(help="Words a reporting sentence contains.")] = None,
    min_mentions: Annotated[int, typer.Option(help="Reported at least this often.")] = 1,
    all_: Annotated[
        bool, typer.Option("--all", help="Include negated, future, hypothetical events.")
    ] = False,
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows (paging).")] = 0,
) -> None:
    """Deduplicated events, filtered, by date.

    Example: dyads events --actor RUS --recipient MLI --since 2021 --type AGREE,COOPERATE
    """
    from dyads.analytics import EventFilter, find_events
    from dyads.store.ontology import quad_of

    _check(fmt)
    with _store(db) as store:
        flt = EventFilter(
            actor=actor, recipient=recipient, party=party, types=_split(type_),
            quad=quad_of(quad) if quad else None, since=since, until=until, place=place, text=text,
            min_mentions=min_mentions, include_auxiliary=all_,
        )  # fmt: skip
        page = find_events(store, flt, limit=limit, offset=offset)
        emit(
            page.items,
            fmt,
            _EVENT_COLUMNS,
            f"events {offset + 1}-{offset + len(page.items)} of {page.total:,}"
            + ("+" if page.total_is_lower_bound else ""),
        )


@app.command()
def event(
    event_id: Annotated[int, typer.Argument(help="The event's id (from dyads events).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show one event with every sentence that reports it.

    Example: dyads event 12
    """
    from dyads.analytics import get_event

    with _store(db) as store:
        found = get_event(store, event_id)
    if found is None:
        raise fail(f"no event {event_id} in {db}")
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"event {found['id']}: {found['date']} {found['type']} ({found['quad_class']}, score {found['score']:g})"
        f"\n  {found['actor'] or '?'} → {found['recipient'] or '—'}  at {found['place'] or '—'}"
        f"\n  {found['n_mentions']} mentions in {found['n_articles']} articles"
    )
    for m in found["mentions"]:
        typer.echo(f"  · [{m['published'] or '?'} {m['outlet'] or m['source'] or ''}] {m['sentence'] or ''}")


@app.command()
def dyad(
    first: Annotated[str, typer.Argument(help="One party: RUS, RUS:MIL or a name.")],
    second: Annotated[str, typer.Argument(help="The other party.")],
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    by: ByOption = "month",
    one_way: Annotated[bool, typer.Option("--one-way", help="Only FIRST → SECOND.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Events between two parties by period and type: counts, summed and mean scores, both directions.

    Example: dyads dyad RUS MLI --by month
    """
    from dyads.analytics import EventFilter, dyad_series

    _check(fmt)
    with _store(db) as store:
        rows = dyad_series(store, first, second, by, not one_way, EventFilter(since=since, until=until))
    columns = ["period", "direction", "type", "quad_class", "events", "mentions", "score_sum", "score_mean"]
    emit(rows, fmt, columns, f"{first} ⇄ {second} by {by}")


@app.command()
def timeline(
    party: Annotated[str, typer.Argument(help="The party: MLI, MLI:GOV or a name.")],
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    limit: LimitOption = 25,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """The key events of a party, deduplicated, in date order, with their sources.

    Example: dyads timeline MLI --since 2020
    """
    from dyads.analytics import EventFilter
    from dyads.analytics import timeline as build_timeline

    _check(fmt)
    with _store(db) as store:
        rows = build_timeline(store, party, limit, EventFilter(since=since, until=until))
    if fmt == "table":
        for row in rows:
            row["sources"] = "; ".join(short_source(s) for s in row["sources"])
    columns = ["when", "type", "actor", "recipient", "score", "place", "n_articles", "sentence", "sources"]
    emit(rows, fmt, columns, f"timeline of {party}")


@app.command()
def compare(
    target: Annotated[str, typer.Argument(help="The party courted or confronted, e.g. MLI.")],
    partners: Annotated[str, typer.Option("--partners", help="Comma separated, e.g. RUS,FRA.")],
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    by: ByOption = "quarter",
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Who gains cooperation and who conflict with a target: counts by partner and period.

    Example: dyads compare MLI --partners RUS,FRA --by quarter
    """
    from dyads.analytics import EventFilter
    from dyads.analytics import compare as run_compare

    _check(fmt)
    names = _split(partners)
    if not names:
        raise fail("--partners: give at least one party")
    with _store(db) as store:
        rows = run_compare(store, target, names, by, EventFilter(since=since, until=until))
    columns = ["partner", "period", "events", "cooperation", "conflict", "balance", "score_sum", "score_mean"]
    emit(rows, fmt, columns, f"{target} with {', '.join(names)} by {by}")


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words the quote contains.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Country code or part of the speaker's name.")] = None,
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows (paging).")] = 0,
) -> None:
    """Quotes by speaker and words (full text search), with their articles.

    Example: dyads quotes --search Russia --speaker Lavrov
    """
    from dyads.analytics import search_quotes

    _check(fmt)
    with _store(db) as store:
        page = search_quotes(store, search, speaker, limit, offset)
    emit(page.items, fmt, ["speaker", "content", "published", "outlet", "source"], f"{page.total} quotes")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words the sentence contains.")],
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    limit: LimitOption = 20,
    offset: Annotated[int, typer.Option(help="Skip this many rows (paging).")] = 0,
) -> None:
    """Full text search over every stored sentence, best first.

    Example: dyads search "Wagner instructors"
    """
    from dyads.analytics import search_sentences

    _check(fmt)
    with _store(db) as store:
        page = search_sentences(store, query, limit, offset)
    emit(page.items, fmt, ["snippet", "published", "outlet", "events", "source"], f"{page.total} sentences")


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    top: Annotated[int, typer.Option("--top", help="How many.")] = 20,
    kind: Annotated[str | None, typer.Option(help="person, country, organization or group.")] = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country.")] = None,
) -> None:
    """The actors named in most articles.

    Example: dyads actors --top 10 --kind person
    """
    from dyads.analytics import top_actors

    _check(fmt)
    with _store(db) as store:
        rows = top_actors(store, top, kind, country)
    emit(rows, fmt, None, "actors")


@app.command()
def places(
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    top: Annotated[int, typer.Option("--top", help="How many.")] = 20,
    country: Annotated[str | None, typer.Option(help="Only places in this country.")] = None,
) -> None:
    """The places named in most articles, with coordinates.

    Example: dyads places --country MLI
    """
    from dyads.analytics import top_places

    _check(fmt)
    with _store(db) as store:
        rows = top_places(store, top, country)
    emit(rows, fmt, None, "places")


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    fmt: OutFormat = "table",
    limit: LimitOption = 50,
    offset: Annotated[int, typer.Option(help="Skip this many rows (paging).")] = 0,
) -> None:
    """The stored articles, newest first, with their event and quote counts.

    Example: dyads articles --limit 10
    """
    _check(fmt)
    with _store(db) as store:
        page = store.list_articles(limit, offset)
        counts = store.counts()
    columns = ["id", "published", "outlet", "title", "n_events", "n_quotes", "source"]
    emit(
        page.items,
        fmt,
        columns,
        f"{page.total} articles · {counts['events']} events · {counts['failures']} failures",
    )


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="Article row id, article id or content hash.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Print the stored analysis of an article (json: exactly the dyads.analysis/1 document).

    Example: dyads show 3 --format json
    """
    from dyads.contract import analysis_from_json

    with _store(db) as store:
        doc = store.get_analysis(article)
    if doc is None:
        raise fail(f"no article {article!r} in {db}")
    if fmt == "json":
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    from dyads.report import print_analysis

    print_analysis(analysis_from_json(doc))


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File (csv, jsonl) or folder (parquet).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv (GDELT columns), jsonl or parquet.")
    ] = "csv",
) -> None:
    """Export the corpus: CSV with GDELT 2.0 event columns, JSONL analyses, or Parquet by month.

    Examples: dyads export --format csv --out events.csv; dyads export --format parquet --out events/
    """
    from dyads.export import EXPORTERS

    if fmt not in EXPORTERS:
        raise fail(f"--format: expected one of {', '.join(EXPORTERS)}, got {fmt!r}")
    with _store(db) as store:
        try:
            count = EXPORTERS[fmt](store, out)
        except OSError as err:
            raise fail(f"{out}: {err.strerror or err}") from None
    typer.echo(f"exported {count} {'analyses' if fmt == 'jsonl' else 'events'} → {out}")

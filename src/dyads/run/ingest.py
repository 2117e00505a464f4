"""Ingest: find the inputs, read and analyse them in worker processes, store them from one writer.

::

    from dyads.run.ingest import IngestOptions, ingest
    report = ingest(["articles/", "feed.rss", "crawl.warc.gz", "batch.jsonl"], "dyads.db", IngestOptions(workers=2))
    report.added, report.skipped, report.failed, report.articles_per_minute

Inputs: files (HTML, Markdown, text, any of them gzipped), folders (recursively, by extension),
glob patterns, JSONL batches, RSS/Atom feeds, WARC archives, and files listing URLs (``urls``).
The containers (JSONL, feeds, WARC) are streamed in the parent, one record at a time; single files
and URLs are read by the workers. Workers run the language pipeline over batches (``nlp.pipe``);
the parent is the only process that writes, one article per transaction, in input order — so a
run killed at any point leaves only whole articles, and running it again stores exactly what an
uninterrupted run would have (articles already stored, by content hash, are skipped; ``force``
re-analyses them). Memory is bounded by ``batch_size`` × the number of batches in flight.

Every input that cannot be read or analysed is recorded in the store's ``failures`` table with the
reason (``dyads failures``) and the run goes on.

The flow, one module a step: :mod:`~dyads.run.discover` (inputs → work items) →
:mod:`~dyads.run.batch` (a batch read and analysed, on whichever worker) →
:mod:`~dyads.run.writing` (outcomes into the store, in order). Here: which workers run the batches
(this process, :mod:`~dyads.run.worker_pool` or :mod:`~dyads.run.dask_runner`), and the run itself.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from dyads.model import Options
from dyads.run.batch import (
    Analyzer,
    BatchJob,
    Failure,
    Outcome,
    WorkItem,
    default_analyzer,
    forget_stored_checks,
    process_batch,
)
from dyads.run.dask_runner import dask_client, run_on_dask
from dyads.run.discover import discover, estimate_total
from dyads.run.worker_pool import can_fork, run_on_pool, start_pool, stop_pool
from dyads.run.writing import IngestReport, OutcomeWriter, ProgressHook, Sink
from dyads.store import Store, open_store

# Runs the batches somewhere and hands each one's outcomes, in order, to the writer.
BatchRunner = Callable[[Iterator[list[WorkItem]], Callable[[list[Outcome]], None]], None]


class IngestInterrupted(KeyboardInterrupt):
    """The run was interrupted (Ctrl-C, or SIGTERM turned into an interrupt by the caller).

    Every article counted in ``report`` is stored whole; the run can be started again to go on.
    """

    def __init__(self, report: IngestReport) -> None:
        super().__init__("ingest interrupted")
        self.report = report


@dataclass(frozen=True)
class IngestOptions:
    """How a run goes: which inputs besides the targets, on which workers, in what batches."""

    urls: tuple[str, ...] = ()  # files listing URLs, one a line
    workers: int = 1  # ≤ 1 runs in this process; more starts that many worker processes
    batch_size: int = 16  # articles per batch: bounds memory
    force: bool = False  # re-analyse (and replace) articles already stored
    limit: int | None = None  # stop after this many inputs
    # ``local[N]`` or a scheduler address: run the batches on a Dask cluster instead of ``workers``
    dask: str | None = None
    options: Options = field(default_factory=Options)  # how articles are read and analysed
    # replaces the language pipeline; must be a module-level function when run on workers
    analyzer: Analyzer | None = None


def ingest(
    targets: Sequence[str],
    db: str | Path = "dyads.db",
    settings: IngestOptions | None = None,
    *,
    progress: ProgressHook | None = None,
    store: Sink | None = None,
) -> IngestReport:
    """Ingest the targets into the store at ``db`` (or into ``store``, an open store or a
    :class:`~dyads.run.parquet_sink.ParquetSink`); returns what happened.

    ``settings.dask`` runs the batches on a Dask cluster (see :mod:`dyads.run.dask_runner`); the
    results are the same. Raises StoreError when the store cannot be opened.
    """
    settings = settings or IngestOptions()
    analyzer = settings.analyzer or default_analyzer
    dask, workers = settings.dask, settings.workers
    # Workers are started before the store is opened: forked ones must not inherit a connection
    # to it (see dyads.run.worker_pool). They may fork only if the caller did not pass an open store.
    started = time.perf_counter()  # the report's time includes starting the workers
    fork = not isinstance(store, Store) and can_fork()
    warm = analyzer is default_analyzer
    local_dask = dask is not None and dask.strip().startswith("local")
    local_workers = local_dask or (not dask and workers > 1)
    if store is None and (dask or workers > 1):
        open_store(db).close()  # a store that cannot be opened fails now, before workers start
    with ExitStack() as stack:
        stack.callback(forget_stored_checks)
        client = pool = None
        if dask:
            client = stack.enter_context(dask_client(dask, settings.options, warm=warm, fork=fork))
        elif workers > 1:
            running = start_pool(workers, settings.options, warm=warm, fork=fork)
            pool = running
            stack.push(lambda kind, _err, _tb: stop_pool(running, abandon=kind is not None))
        if store is None:
            opened = open_store(db)
            stack.callback(opened.close)
            store = opened
        # Workers skip what is stored already when they can see the store: not on a remote cluster
        # (the writer then skips by content hash), nor with a Parquet sink, which has nothing on
        # disk to check.
        sees_store = not dask or local_dask
        db_path = str(store.path) if isinstance(store, Store) and sees_store else None
        job = BatchJob(settings.options, analyzer, db_path, settings.force)

        def run_batches(batches: Iterator[list[WorkItem]], write: Callable[[list[Outcome]], None]) -> None:
            if client is not None:
                run_on_dask(client, batches, job, write)
            elif pool is None:
                for batch in batches:
                    write(process_batch(batch, job))
            else:
                run_on_pool(pool, workers, batches, job, write)

        report = _run(store, targets, settings, run_batches, progress, started)
        report.start_method = ("fork" if fork else "spawn") if local_workers else None
        return report


def _run(
    sink: Sink,
    targets: Sequence[str],
    settings: IngestOptions,
    run_batches: BatchRunner,
    progress: ProgressHook | None,
    started: float,
) -> IngestReport:
    """Discover the inputs, run them in batches and write the outcomes, in input order."""
    urls = settings.urls
    report = IngestReport(total=estimate_total(targets) if not urls else None)
    if settings.limit is not None and report.total is not None:
        report.total = min(report.total, settings.limit)
    writer = OutcomeWriter(sink, report, settings.force, progress, started)
    if progress:
        progress(report)
    items: Iterable[WorkItem | Failure] = discover(targets, urls, settings.options)
    if settings.limit is not None:
        items = itertools.islice(items, settings.limit)
    try:
        run_batches(_batches(items, max(1, settings.batch_size), writer.note_failure), writer.write)
    except KeyboardInterrupt:
        raise IngestInterrupted(report) from None
    finally:
        writer.clock()
    return report


def _batches(
    items: Iterable[WorkItem | Failure], size: int, on_failure: Callable[[Failure], None]
) -> Iterator[list[WorkItem]]:
    """The work items in lists of ``size``; a failure found on the way goes to ``on_failure``."""
    batch: list[WorkItem] = []
    for item in items:
        if isinstance(item, Failure):
            on_failure(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

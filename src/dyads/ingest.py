"""Ingest: find the inputs, read and analyse them in worker processes, store them from one writer.

::

    from dyads.ingest import ingest
    report = ingest(["articles/", "feed.rss", "crawl.warc.gz", "batch.jsonl"], "dyads.db", workers=2)
    report.added, report.skipped, report.failed, report.articles_per_minute

Inputs: files (HTML, Markdown, text, any of them gzipped), folders (recursively, by extension),
glob patterns, JSONL batches, RSS/Atom feeds, WARC archives, and files listing URLs (``urls=``).
The containers (JSONL, feeds, WARC) are streamed in the parent, one record at a time; single files
and URLs are read by the workers. Workers run the language pipeline over batches (``nlp.pipe``);
the parent is the only process that writes, one article per transaction, in input order — so a
run killed at any point leaves only whole articles, and running it again stores exactly what an
uninterrupted run would have (articles already stored, by content hash, are skipped; ``force``
re-analyses them). Memory is bounded by ``batch_size`` × the number of batches in flight.

Every input that cannot be read or analysed is recorded in the store's ``failures`` table with the
reason (``dyads failures``) and the run goes on.
"""

from __future__ import annotations

import glob
import gzip
import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dyads.model import Analysis, Article, Options, ReadError
from dyads.store import Store, content_hash, open_store
from dyads.worker_pool import can_fork, start_pool

if TYPE_CHECKING:
    from dyads.lake import ParquetSink

Analyzer = Callable[[Iterable[Article], Options], Iterable[Analysis]]
ProgressHook = Callable[["IngestReport"], None]

_GLOB_CHARS = set("*?[")
_COUNT_LINES_UP_TO = 256_000_000  # bytes of JSONL counted ahead for the progress bar
_DOCUMENT_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text", ".jsonl", ".ndjson",
    ".rss", ".atom", ".xml", ".warc",
)  # fmt: skip


@dataclass(frozen=True)
class WorkItem:
    """One unit of input: a file or URL for a worker to read, or an Article read already."""

    kind: Literal["path", "url", "article"]
    source: str
    article: Article | None = None


@dataclass(frozen=True)
class Failure:
    source: str
    stage: str  # read | analyze | store
    problem: str


@dataclass(frozen=True)
class Outcome:
    source: str
    analysis: Analysis | None = None
    failure: Failure | None = None
    skipped: bool = False


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    total: int | None = None  # inputs expected, when cheap to know in advance
    failures: list[Failure] = field(default_factory=list)
    # how worker processes were started: "fork" (sharing the parent's loaded pipeline), "spawn",
    # or None when the run had no worker processes
    start_method: str | None = None

    @property
    def done(self) -> int:
        return self.added + self.replaced + self.skipped + self.failed

    @property
    def articles_per_minute(self) -> float:
        analysed = self.added + self.replaced
        return 60.0 * analysed / self.seconds if self.seconds > 0 else 0.0


# -- discovery ---------------------------------------------------------------------------------


def _container_kind(path: Path) -> str | None:
    """jsonl, feed or warc when the file holds many articles; None for a single document."""
    from dyads.read.decode import kind_from_content, kind_from_name

    kind = kind_from_name(path.name)
    if kind in ("jsonl", "feed", "warc"):
        return kind
    if kind is None:
        with _open(path) as stream:
            sniffed = kind_from_content(stream.read(4096))
        if sniffed in ("feed", "warc"):
            return sniffed
    return None


def _open(path: Path) -> Any:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else path.open("rb")


def _folder_files(folder: Path) -> list[Path]:
    def wanted(p: Path) -> bool:
        name = p.name.lower().removesuffix(".gz")
        return p.is_file() and not p.name.startswith(".") and name.endswith(_DOCUMENT_SUFFIXES)

    return sorted(p for p in folder.rglob("*") if wanted(p))


def _container_items(path: Path, kind: str, options: Options) -> Iterator[WorkItem | Failure]:
    source = str(path)
    try:
        if kind == "jsonl":
            from dyads.read.jsonl import iter_jsonl

            with _open(path) as stream:
                yield from _records(iter_jsonl(stream, source), source)
        elif kind == "feed":
            from dyads.read.feed import iter_feed

            with _open(path) as stream:
                data = stream.read()
            yield from _records(iter_feed(data, source, options), source)
        else:
            from dyads.read.warc import iter_warc

            with path.open("rb") as stream:  # warcio reads gzipped archives itself
                yield from _records(iter_warc(stream, source, options), source)
    except ImportError:
        yield Failure(source, "read", f"no {kind} reader in this dyads")
    except ReadError as err:
        yield Failure(err.source, "read", err.problem)
    except (OSError, EOFError, ValueError) as err:
        yield Failure(source, "read", f"cannot read ({type(err).__name__}: {err})")


def _records(records: Iterable[Article | ReadError], source: str) -> Iterator[WorkItem | Failure]:
    empty = True
    for record in records:
        empty = False
        if isinstance(record, ReadError):
            yield Failure(record.source, "read", record.problem)
        else:
            yield WorkItem("article", record.source or source, record)
    if empty:
        # A batch file that yields nothing (a truncated archive, an empty feed) is still an input
        # the user gave: report it rather than let it vanish.
        yield Failure(source, "read", "no records found in this file")


def discover(
    targets: Sequence[str], urls: Sequence[str] = (), options: Options | None = None
) -> Iterator[WorkItem | Failure]:
    """The work items of some targets (files, folders, globs) and URL-list files, streamed in order."""
    options = options or Options()
    for target in targets:
        path = Path(target)
        if not path.exists() and _GLOB_CHARS & set(target):
            matches = sorted(glob.glob(target, recursive=True))
            if not matches:
                yield Failure(target, "read", "no file matches this pattern")
            for match in matches:
                yield from _path_items(Path(match), options)
        elif path.is_dir():
            yield from (item for f in _folder_files(path) for item in _path_items(f, options))
        elif path.exists():
            yield from _path_items(path, options)
        else:
            yield Failure(target, "read", "no such file or folder")
    for listing in urls:
        try:
            lines = Path(listing).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            yield Failure(listing, "read", f"cannot read the URL list ({err})")
            continue
        for line in lines:
            url = line.strip()
            if url and not url.startswith("#"):
                yield WorkItem("url", url)


def _path_items(path: Path, options: Options) -> Iterator[WorkItem | Failure]:
    if path.is_dir():
        yield from (item for f in _folder_files(path) for item in _path_items(f, options))
        return
    try:
        kind = _container_kind(path)
    except OSError as err:
        yield Failure(str(path), "read", f"cannot read ({err.strerror or err})")
        return
    if kind:
        yield from _container_items(path, kind, options)
    else:
        yield WorkItem("path", str(path))


def estimate_total(targets: Sequence[str]) -> int | None:
    """How many articles the targets hold, when that is cheap to know (files and plain JSONL)."""
    total = 0
    for item in targets:
        path = Path(item)
        files = _folder_files(path) if path.is_dir() else [path] if path.is_file() else []
        if not files:
            return None
        for f in files:
            name = f.name.lower()
            if name.endswith((".jsonl", ".ndjson")):
                if f.stat().st_size > _COUNT_LINES_UP_TO:
                    return None  # not worth a second pass over a huge batch just for the bar
                with f.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            elif name.endswith((".rss", ".atom", ".xml", ".warc", ".warc.gz", ".jsonl.gz")):
                return None
            else:
                total += 1
    return total


# -- the work a worker does ----------------------------------------------------------------------

# Read-only connections by (process id, store path). A forked worker inherits its parent's entries
# and must neither use nor close them (see dyads.worker_pool); it opens its own, under its own pid.
_seen_connections: dict[tuple[int, str], Any] = {}


def _already_stored(db_path: str, digest: str) -> bool:
    """Whether the store holds this content (a read-only look from a worker; WAL allows it)."""
    import os
    import sqlite3

    key = (os.getpid(), db_path)
    conn = _seen_connections.get(key)
    if conn is None:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        _seen_connections[key] = conn
    return conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None


def _forget_stored_checks() -> None:
    """Close this process's look-up connections: the next run may find a different file at the
    same path (a store deleted and made anew), which an open connection would not see."""
    import os

    for key in [k for k in _seen_connections if k[0] == os.getpid()]:
        _seen_connections.pop(key).close()


def _read_item(item: WorkItem, options: Options) -> Article:
    if item.article is not None:
        return item.article
    from dyads.read import read_input, read_path

    return read_path(item.source, options) if item.kind == "path" else read_input(item.source, options)


def default_analyzer(articles: Iterable[Article], options: Options) -> Iterable[Analysis]:
    from dyads.nlp.analyze import analyze_articles

    return analyze_articles(articles, options)


def process_batch(
    items: list[WorkItem], options: Options, analyzer: Analyzer, db_path: str | None, force: bool
) -> list[Outcome]:
    """Read, skip what is stored, and analyse one batch; one Outcome per item, in order."""
    outcomes: list[Outcome | None] = [None] * len(items)
    todo: list[tuple[int, Article]] = []
    for index, item in enumerate(items):
        try:
            article = _read_item(item, options)
        except ReadError as err:
            outcomes[index] = Outcome(item.source, failure=Failure(err.source, "read", err.problem))
            continue
        except Exception as err:  # a reader bug must not stop the run; record it against the input
            outcomes[index] = Outcome(item.source, failure=Failure(item.source, "read", _describe(err)))
            continue
        if not force and db_path and _already_stored(db_path, content_hash(article)):
            outcomes[index] = Outcome(item.source, skipped=True)
        else:
            todo.append((index, article))
    for index, result in _analyse(todo, options, analyzer):
        outcomes[index] = result
    return [o for o in outcomes if o is not None]


def _analyse(
    todo: list[tuple[int, Article]], options: Options, analyzer: Analyzer
) -> list[tuple[int, Outcome]]:
    if not todo:
        return []
    try:
        return _analyse_together(todo, options, analyzer)
    except Exception as err:
        if len(todo) == 1:
            return [(todo[0][0], _analysis_failure(todo[0][1], err))]
    # One article broke the batch: analyse one by one so that only it fails.
    results = []
    for index, article in todo:
        try:
            results.extend(_analyse_together([(index, article)], options, analyzer))
        except Exception as err:
            results.append((index, _analysis_failure(article, err)))
    return results


def _analyse_together(
    todo: list[tuple[int, Article]], options: Options, analyzer: Analyzer
) -> list[tuple[int, Outcome]]:
    analyses = list(analyzer([a for _, a in todo], options))
    if len(analyses) != len(todo):
        raise RuntimeError(f"analyser returned {len(analyses)} analyses for {len(todo)} articles")
    return [(i, Outcome(a.source or a.id, analysis=r)) for (i, a), r in zip(todo, analyses, strict=True)]


def _analysis_failure(article: Article, err: Exception) -> Outcome:
    source = article.source or article.id
    return Outcome(source, failure=Failure(source, "analyze", _describe(err)))


def _describe(err: BaseException) -> str:
    text = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {text}"[:300]


# -- the run -------------------------------------------------------------------------------------


def _batches(
    items: Iterable[WorkItem | Failure], size: int, on_failure: Callable[[Failure], None]
) -> Iterator[list[WorkItem]]:
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


def ingest(
    targets: Sequence[str],
    db: str | Path = "dyads.db",
    *,
    urls: Sequence[str] = (),
    workers: int = 1,
    batch_size: int = 16,
    force: bool = False,
    limit: int | None = None,
    options: Options | None = None,
    analyzer: Analyzer | None = None,
    progress: ProgressHook | None = None,
    store: Store | ParquetSink | None = None,
    dask: str | None = None,
) -> IngestReport:
    """Ingest the targets into the store at ``db``; returns what happened.

    ``workers`` ≤ 1 runs in this process; more starts that many worker processes. ``analyzer``
    replaces the language pipeline (it must be a module-level function when ``workers`` > 1).
    ``limit`` stops after that many inputs. ``dask`` (``local[N]`` or a scheduler address) runs the
    batches on a Dask cluster instead (see :mod:`dyads.distributed`); the results are the same.
    Raises StoreError when the store cannot be opened.
    """
    options = options or Options()
    analyzer = analyzer or default_analyzer
    # Workers are started before the store is opened: forked ones must not inherit a connection
    # to it (see dyads.worker_pool). They may fork only if the caller did not pass an open store.
    started = time.perf_counter()  # the report's time includes starting the workers
    fork = not isinstance(store, Store) and can_fork()
    warm = analyzer is default_analyzer
    local_dask = dask is not None and dask.strip().startswith("local")
    local_workers = local_dask or (not dask and workers > 1)
    if store is None and (dask or workers > 1):
        open_store(db).close()  # a store that cannot be opened fails now, before workers start
    with ExitStack() as stack:
        stack.callback(_forget_stored_checks)
        client = pool = None
        if dask:
            from dyads.distributed import dask_client

            client = stack.enter_context(dask_client(dask, options, warm=warm, fork=fork))
        elif workers > 1:
            pool = start_pool(workers, options, warm=warm, fork=fork)
            stack.callback(pool.shutdown, cancel_futures=True)
        if store is None:
            store = open_store(db)
            stack.callback(store.close)
        report = _ingest_into(
            store, targets, urls, workers, batch_size, force, limit, options, analyzer, progress, client, pool,
            started, sees_store=not dask or local_dask,
        )  # fmt: skip
        report.start_method = ("fork" if fork else "spawn") if local_workers else None
        return report


def _ingest_into(
    store: Store | ParquetSink,
    targets: Sequence[str],
    urls: Sequence[str],
    workers: int,
    batch_size: int,
    force: bool,
    limit: int | None,
    options: Options,
    analyzer: Analyzer,
    progress: ProgressHook | None,
    client: Any,
    pool: ProcessPoolExecutor | None,
    started: float,
    sees_store: bool,
) -> IngestReport:
    # Workers skip what is stored already when they can see the store: not on a remote cluster
    # (the writer then skips by content hash), nor with a Parquet sink (dyads.lake), which has
    # nothing on disk to check.
    db_path = str(store.path) if isinstance(store, Store) and sees_store else None
    report = IngestReport(total=estimate_total(targets) if not urls else None)
    if limit is not None and report.total is not None:
        report.total = min(report.total, limit)

    def note_failure(failure: Failure) -> None:
        store.record_failure(failure.source, failure.stage, failure.problem)
        report.failed += 1
        report.failures.append(failure)

    def write(outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.failure:
                note_failure(outcome.failure)
            elif outcome.skipped:
                report.skipped += 1
            elif outcome.analysis is not None:
                try:
                    result = store.add_analysis(outcome.analysis, source=outcome.source or None, force=force)
                except Exception as err:  # e.g. offsets outside the text: the analysis is at fault
                    note_failure(Failure(outcome.source, "store", _describe(err)))
                    continue
                if result == "added":
                    report.added += 1
                elif result == "replaced":
                    report.replaced += 1
                else:
                    report.skipped += 1
        report.seconds = time.perf_counter() - started
        if progress:
            progress(report)

    if progress:
        progress(report)
    items: Iterable[WorkItem | Failure] = discover(targets, urls, options)
    if limit is not None:
        items = itertools.islice(items, limit)
    batches = _batches(items, max(1, batch_size), note_failure)
    try:
        if client is not None:
            from dyads.distributed import run_on_dask

            run_on_dask(client, batches, options, analyzer, db_path, force, write)
        elif pool is None:
            for batch in batches:
                write(process_batch(batch, options, analyzer, db_path, force))
        else:
            _run_pool(pool, batches, workers, options, analyzer, db_path, force, write)
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _run_pool(
    pool: ProcessPoolExecutor,
    batches: Iterator[list[WorkItem]],
    workers: int,
    options: Options,
    analyzer: Analyzer,
    db_path: str | None,
    force: bool,
    write: Callable[[list[Outcome]], None],
) -> None:
    in_flight: deque[Future[list[Outcome]]] = deque()
    for batch in batches:
        in_flight.append(pool.submit(process_batch, batch, options, analyzer, db_path, force))
        # Results are written in submission order, so the store's content (and its dedup) does
        # not depend on which worker finished first; two batches per worker keep all busy.
        while len(in_flight) >= 2 * workers:
            write(in_flight.popleft().result())
    while in_flight:
        write(in_flight.popleft().result())

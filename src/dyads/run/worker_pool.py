"""Worker processes for ingest, forked from a parent that has loaded and warmed the pipeline.

Why fork: a spawned worker starts a fresh interpreter, imports spaCy, loads the model and pays the
first analysis's one-time loads (gazetteer, knowledge bases): about four seconds of one core per
worker before its first article, on every run. Forked from a parent that has done all that once,
a worker starts in milliseconds and shares the model's memory with its siblings (copy-on-write).

Why before the store: an SQLite connection must not cross a fork (a child that closes an inherited
connection may checkpoint and remove the write-ahead log under the parent), so ingest starts its
pool before it opens its store, and ``gc.freeze`` keeps the child's collector away from anything
the parent held. Fork is used only on Linux, where it is the platform's own default, and only from
a process with no other thread running; elsewhere, or when the caller passes in an open store,
workers are spawned (each loads the pipeline itself).

Why workers die with their parent: a worker outliving a killed parent keeps its store open and the
caller's pipes (so ``subprocess.run(capture_output=True)`` or ``| tee`` waits for ever) and half a
gigabyte of model. Each worker asks Linux for SIGKILL when its parent dies (``PR_SET_PDEATHSIG``)
and, where that is not available or did not fire, a watchdog thread ends it once its parent is gone.
Workers ignore SIGINT: Ctrl-C reaches the whole process group, and the parent alone decides how a
run stops (:func:`stop_pool`).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from dyads.model import Article, Options
from dyads.run.batch import BatchJob, Outcome, WorkItem, process_batch

# Short, but it names a country, an organisation, a place, a date and an event, so that every
# stage loads what it loads on first use.
_WARM_TEXT = (
    "Officials from Mali and the African Union met in Bamako on Monday, and France "
    'said it would "support the talks", the ministry said.'
)


def can_fork() -> bool:
    """Fork only on Linux and only from a single-threaded process: a lock another thread holds at
    the fork (SQLite's, say, mid-query) would stay locked forever in the child."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def warm_pipeline(options: Options) -> None:
    """Load the model and every knowledge base the stages use, in this process (cached)."""
    # Imported here: the language pipeline loads spaCy, only when a run warms its workers.
    from dyads.nlp.analyze import analyze_articles

    list(analyze_articles([Article(id="warm-up", text=_WARM_TEXT, published="2020-01-01")], options))


def freeze_heap() -> None:
    """Keep the collector off everything made so far (the model, the knowledge bases): they live
    as long as the process, and walking them costs time and, after a fork, copies shared pages."""
    gc.collect()
    gc.freeze()


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCH_SECONDS = 0.5


def _started(_: int) -> bool:
    return True


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this process as soon as ``parent`` (the run's process) ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl here: the watchdog alone does it
    # The parent may have died before the request above was made: then nothing would signal.
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="dyads-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    # An orphan is re-parented (to init or a subreaper), so its parent id changes.
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


def start_pool(workers: int, options: Options, warm: bool, fork: bool) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, started now.

    ``warm`` loads the pipeline here first so forked workers inherit it; ``fork`` False spawns
    fresh interpreters (each loads the pipeline on its first batch).
    """
    if not (fork and can_fork()):
        return _tied_pool(workers, "spawn")
    with forking_from_here(options, warm):
        pool = _tied_pool(workers, "fork")
        # With fork every worker process starts at the first submission: make that happen now,
        # while this process holds no store connection.
        list(pool.map(_started, range(workers)))
    return pool


def _tied_pool(workers: int, method: str) -> ProcessPoolExecutor:
    """A pool whose workers end when this process does (see :func:`die_with_parent`)."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )


def stop_pool(pool: ProcessPoolExecutor, abandon: bool) -> None:
    """Shut the pool down: after a whole run once its workers are idle; when the run was
    interrupted or failed (``abandon``), at once.

    Abandoned, the batches in flight are dropped (the parent wrote none of them, so a re-run does
    them again): waiting for them would keep the user waiting, seconds per batch.
    """
    if abandon:
        # The pool has no public way to end its workers; they are this process's only
        # multiprocessing children during a run.
        for child in multiprocessing.active_children():
            child.kill()
    pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def forking_from_here(options: Options, warm: bool) -> Iterator[None]:
    """Prepare this process to be forked: the pipeline loaded (``warm``), the collector frozen."""
    if warm:
        warm_pipeline(options)
    freeze_heap()
    try:
        yield
    finally:
        gc.unfreeze()


def run_on_pool(
    pool: ProcessPoolExecutor,
    workers: int,
    batches: Iterable[list[WorkItem]],
    job: BatchJob,
    write: Callable[[list[Outcome]], None],
) -> None:
    """Submit each batch to the pool and hand results to ``write`` in submission order."""
    in_flight: deque[Future[list[Outcome]]] = deque()
    for batch in batches:
        in_flight.append(pool.submit(process_batch, batch, job))
        # Results are written in submission order, so the store's content (and its dedup) does
        # not depend on which worker finished first; two batches per worker keep all busy.
        while len(in_flight) >= 2 * workers:
            write(in_flight.popleft().result())
    while in_flight:
        write(in_flight.popleft().result())

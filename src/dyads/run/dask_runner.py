"""Run read + analyse on a Dask cluster; results stream back to the one writer (or to Parquet).

The work per batch is exactly :func:`dyads.run.batch.process_batch`, the function the local process
pool runs, and results are written in submission order; so a Dask run stores the same content as a
single-process run on the same input, whichever worker finishes first.

Addresses: ``local[N]`` starts a LocalCluster of N worker processes (one thread each: spaCy is
CPU-bound and holds the GIL); anything else is a scheduler address (``tcp://host:8786``) of a cluster
started with Dask's own commands::

    dask scheduler                                    # on the scheduler host
    dask worker tcp://scheduler:8786 --nworkers 4 --nthreads 1   # on each worker host
    dyads ingest corpus.jsonl --dask tcp://scheduler:8786

On a real cluster the workers must be able to read the inputs: JSONL, feeds and WARC files are
streamed by the client and shipped to workers as records, so only single files and URLs need a
shared path. Workers do not see the client's store, so already-stored articles are skipped by the
writer (content hash) rather than before analysis.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from dyads.model import Options
from dyads.run.batch import BatchJob, Outcome, WorkItem, process_batch
from dyads.run.worker_pool import can_fork, forking_from_here, freeze_heap, warm_pipeline

_LOCAL = re.compile(r"^local(?:\[(\d+)\])?$")


class DaskAddressError(ValueError):
    """The --dask value is neither local[N] nor a reachable scheduler address."""


@contextmanager
def dask_client(
    address: str, options: Options | None = None, warm: bool = False, fork: bool = False
) -> Iterator[Any]:
    """A distributed Client for ``local[N]`` or a scheduler address; closed (and the local cluster
    stopped) on exit.

    For ``local[N]`` with ``fork``, the pipeline is loaded here first (``warm``) and the worker
    processes are forked from this process, as the ingest pool's are (see dyads.run.worker_pool): they
    start with the model in shared memory instead of each loading it.
    """
    # Imported here: Dask is heavy to import, and only a run that asks for it needs it.
    import dask
    from distributed import Client, LocalCluster

    match = _LOCAL.match(address.strip())
    if match:
        workers = int(match[1] or 2)
        if not 1 <= workers <= 256:
            raise DaskAddressError(f"--dask {address}: worker count must be 1–256")
        forked = fork and can_fork()
        method = {"distributed.worker.multiprocessing-method": "fork" if forked else "spawn"}
        prepared = forking_from_here(options or Options(), warm=warm) if forked else nullcontext()
        with prepared, dask.config.set(method):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
                silence_logs=logging.CRITICAL,
            )
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    if "://" not in address and ":" not in address:
        raise DaskAddressError(
            f"--dask {address}: expected local[N] or a scheduler address like tcp://host:8786"
        )
    try:
        client = Client(address, timeout="15s")
    except OSError as err:
        raise DaskAddressError(f"--dask {address}: cannot reach the scheduler ({err})") from None
    try:
        yield client
    finally:
        client.close()


def _warm_worker(options: Options) -> bool:
    """Load the language pipeline and the knowledge bases once on a worker (cached per process)."""
    warm_pipeline(options)
    freeze_heap()
    return True


def run_on_dask(
    client: Any,
    batches: Iterable[list[WorkItem]],
    job: BatchJob,
    write: Callable[[list[Outcome]], None],
    warm: bool = True,
) -> None:
    """Submit each batch to the cluster and hand results to ``write`` in submission order."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    if warm:
        client.run(_warm_worker, job.options)
    in_flight: deque[Any] = deque()
    for batch in batches:
        # pure=False: two identical batches (a re-run) are still two tasks, never a cached result.
        in_flight.append(client.submit(process_batch, batch, job, pure=False))
        while len(in_flight) >= 2 * workers:
            write(in_flight.popleft().result())
    while in_flight:
        write(in_flight.popleft().result())

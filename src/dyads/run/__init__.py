"""Running the pipeline over many inputs: from files, feeds and archives to a store or Parquet.

::

    discover.py      inputs (files, folders, globs, JSONL, feeds, WARC, URL lists) → work items
    batch.py         one batch on a worker: read, skip what is stored, analyse → outcomes
    worker_pool.py   local worker processes, forked from a parent that loaded the pipeline once
    dask_runner.py   the same batches on a Dask cluster
    writing.py       the one writer: outcomes → store (or Parquet sink), counted in a report
    parquet_sink.py  analyses as month-partitioned Parquet files, and loading them into a store
    ingest.py        the run: ``ingest(targets, db, IngestOptions(...))``
"""

"""The corpus: analyses stored in SQLite, events deduplicated across articles.

The Python API the CLI, the web API and notebooks share::

    from dyads.store import open_store
    from dyads import export, query

    store = open_store("dyads.db", readonly=True)          # readers; open_store("dyads.db") to write
    store.list_articles(limit=20, offset=0)                 # Page(items, total, offset, limit)
    store.get_article(ref)                                  # metadata by row id, article id or hash
    store.get_analysis(ref)                                 # the dyads.analysis/1 JSON, exactly as stored
    store.failures(); store.counts()
    query.find_events(store, query.EventFilter(actor="RUS", since="2021"), limit=50, offset=0)
    query.get_event(store, event_id)                        # one event and every sentence reporting it
    query.dyad_series(store, "RUS", "MLI", by="month")
    query.timeline(store, "MLI", limit=25)
    query.compare(store, "MLI", ["RUS", "FRA"], by="quarter")
    query.search_quotes(store, search="Russia", speaker="Lavrov")
    query.search_sentences(store, "Wagner instructors")
    query.top_actors(store, limit=20); query.top_places(store, limit=20)
    export.export_csv(store, "events.csv")                  # also export_jsonl, export_parquet

Writing: ``store.add_analysis(analysis, source=…, force=False)`` (one transaction per article),
``store.record_failure(source, stage, problem)``, ``store.recluster(DedupParams(window_days=5))``;
`dyads.run.ingest.ingest` does all of it for files, folders, feeds, WARC and URL lists.
See :mod:`dyads.store.store` (connection, reads), :mod:`dyads.store.writer` (writes),
:mod:`dyads.store.dedup` (how events merge) and the migration files (``dyads schema``) for the tables.
"""

from __future__ import annotations

from dyads.store.dedup import DedupParams
from dyads.store.store import DEFAULT_PATH, Page, Row, Store, StoreError, content_hash, open_store

__all__ = ["DEFAULT_PATH", "DedupParams", "Page", "Row", "Store", "StoreError", "content_hash", "open_store"]

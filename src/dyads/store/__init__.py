"""The corpus: analyses stored in SQLite, events deduplicated across articles.

``open_store(path, readonly=False)`` returns a :class:`Store`; see :mod:`dyads.store.store` for the
read and write API, :mod:`dyads.store.dedup` for how events are merged, and the migration files
(``dyads schema``) for the tables.
"""

from __future__ import annotations

from dyads.store.dedup import DedupParams
from dyads.store.store import DEFAULT_PATH, Page, Row, Store, StoreError, content_hash, open_store

__all__ = ["DEFAULT_PATH", "DedupParams", "Page", "Row", "Store", "StoreError", "content_hash", "open_store"]

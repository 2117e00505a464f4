"""Per-request access to the store: a read-only connection opened for each request.

Read-only (``mode=ro``) so ``dyads ingest`` can write beside the server (SQLite WAL); one connection
per request because sqlite3 connections must not be shared across the server's worker threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi import HTTPException, Request

from dyads.store import Store, StoreError, open_store


def get_store(request: Request) -> Iterator[Store]:
    db: Path = request.app.state.db
    try:
        store = open_store(db, readonly=True)
    except StoreError as err:
        raise HTTPException(503, str(err)) from None
    try:
        yield store
    finally:
        store.close()

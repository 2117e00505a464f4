"""The corpus store: one SQLite file (WAL, foreign keys, FTS5), one writer, many readers.

Python API (what the CLI, the web API and notebooks call)::

    from dyads.store import open_store
    with open_store("dyads.db", readonly=True) as store:
        page = store.list_articles(limit=20, offset=0)      # Page(items=[…], total=…)
        row = store.get_article(1)                          # one article row (by row id or article id)
        doc = store.get_analysis(1)                         # the dyads.analysis/1 JSON, exactly as stored
        store.failures()                                    # inputs that failed, and why

Writes (``readonly=False``, the default): :meth:`Store.add_analysis` stores one Analysis in one
transaction — the article, its actors, places, mentions, sentences, times, quotes and event mentions,
each event mention attached to a deduplicated event (see :mod:`dyads.store.dedup`) — so a crash
never leaves an article half-written. An article whose content hash is already stored is skipped
unless ``force=True``, which replaces it. Only one process should write at a time.

The queries analysts ask (events, dyads, timelines, comparisons, quotes, search) live in
:mod:`dyads.query`; exports in :mod:`dyads.export`. The schema is documented in the migration
files (``dyads schema`` prints them).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from dyads.model import Analysis, Article
from dyads.store.dedup import DedupParams
from dyads.store.dedup_decisions import record_join, record_split
from dyads.store.migrations import SchemaTooNew, current_version, latest_version, migrate
from dyads.store.writer import ArticleWriter

DEFAULT_PATH = Path("dyads.db")
Row = dict[str, Any]
WriteOutcome = Literal["added", "replaced", "skipped"]


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message names the file and the problem."""


@dataclass(frozen=True)
class Page:
    """One page of a longer result: ``items`` from ``offset``, of ``total`` in all."""

    items: list[Row]
    total: int
    offset: int
    limit: int


def content_hash(article: Article) -> str:
    """The idempotency key: sha1 over the text and the publication date (which dates the events)."""
    digest = hashlib.sha1(article.text.encode("utf-8"))
    digest.update(b"\x00" + (article.published or "").encode("utf-8"))
    return digest.hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A connection to one corpus file. Use :func:`open_store` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool, params: DedupParams):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.dedup = params
        self.writer = ArticleWriter(conn, params)

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[Row]:
        """Run a read query with bound parameters; rows as dicts."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def schema_version(self) -> int:
        return current_version(self.conn)

    # -- writes ----------------------------------------------------------------------------

    def has_content(self, digest: str) -> bool:
        return self.scalar("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)) is not None

    def add_analysis(
        self, analysis: Analysis, source: str | None = None, force: bool = False
    ) -> WriteOutcome:
        """Store one analysis whole, in one transaction. Returns added, replaced or skipped."""
        digest = content_hash(analysis.article)
        source = source or analysis.article.source
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            existing = self.scalar("SELECT id FROM articles WHERE content_hash = ?", (digest,))
            if existing is not None and not force:
                if source:
                    self.conn.execute("DELETE FROM failures WHERE source = ?", (source,))
                self.conn.execute("COMMIT")
                return "skipped"
            if existing is not None:
                self.writer.delete(int(existing))
            self.writer.insert(analysis, digest, source)
            if source:
                self.conn.execute("DELETE FROM failures WHERE source = ?", (source,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return "replaced" if existing is not None else "added"

    def record_failure(self, source: str, stage: str, problem: str) -> None:
        """Remember that an input failed (one row per input; the latest problem wins)."""
        self.conn.execute(
            "INSERT INTO failures (source, stage, problem, at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET stage = excluded.stage, problem = excluded.problem,"
            " at = excluded.at",
            (source, stage, problem, _now()),
        )

    def recluster(self, params: DedupParams | None = None) -> tuple[int, int]:
        """Rebuild the deduplicated events under new parameters and keep them for later writes.

        One transaction; returns the number of events before and after."""
        params = params or self.dedup
        before = int(self.scalar("SELECT COUNT(*) FROM events") or 0)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.writer.dedup = params
            self.writer.recluster()
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES ('dedup', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (json.dumps(params_to_json(params)),),
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self.writer.dedup = self.dedup
            raise
        self.dedup = params
        return before, int(self.scalar("SELECT COUNT(*) FROM events") or 0)

    def correct(self, split: tuple[int, int] | None = None, join: tuple[int, int] | None = None) -> list[int]:
        """Record a user's correction — ``split`` (event, mention): the report leaves the event;
        ``join`` (event, event): the two are one — and re-cluster the reports involved, in one
        transaction. Returns the events those reports are in afterwards.
        Raises :class:`~dyads.store.dedup_decisions.DecisionError` naming a wrong argument."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            involved = record_split(self.conn, *split) if split else record_join(self.conn, *join or (0, 0))
            self.writer.events.settle(involved)
            marks = ",".join("?" * len(involved))
            after = [
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT DISTINCT event_id FROM event_mentions WHERE id IN ({marks}) ORDER BY 1", involved
                )
            ]
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return after

    def delete_article(self, article_row: int) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.writer.delete(article_row)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # -- reads -----------------------------------------------------------------------------

    def article_row(self, ref: int | str) -> int | None:
        """The row id of an article given its row id, its article id (doc_id) or its content hash."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            found = self.scalar("SELECT id FROM articles WHERE id = ?", (int(ref),))
            if found is not None:
                return int(found)
        found = self.scalar(
            "SELECT id FROM articles WHERE doc_id = ? OR content_hash = ? ORDER BY id LIMIT 1",
            (str(ref), str(ref)),
        )
        return None if found is None else int(found)

    def list_articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> Page:
        """Articles newest first: id, doc_id, title, published, outlet, url, source and record counts."""
        where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
        total = int(self.scalar(f"SELECT COUNT(*) FROM articles {where}", params) or 0)
        items = self.rows(
            "SELECT a.id, a.doc_id, a.title, a.published, a.outlet, a.url, a.source, a.n_chars,"
            " (SELECT COUNT(*) FROM event_mentions m WHERE m.article_id = a.id) AS n_events,"
            " (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes"
            f" FROM articles a {where} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return Page(items=items, total=total, offset=offset, limit=limit)

    def get_article(self, ref: int | str) -> Row | None:
        """One article's metadata (not its text or analysis), or None."""
        row = self.article_row(ref)
        if row is None:
            return None
        found = self.rows(
            "SELECT id, doc_id, content_hash, source, url, title, published, outlet, language, n_chars,"
            " analyzed_at FROM articles WHERE id = ?",
            (row,),
        )
        return found[0] if found else None

    def get_analysis(self, ref: int | str) -> dict[str, Any] | None:
        """The stored dyads.analysis/1 document of an article, exactly as it was produced."""
        row = self.article_row(ref)
        if row is None:
            return None
        doc = self.scalar("SELECT analysis_json FROM articles WHERE id = ?", (row,))
        return None if doc is None else json.loads(doc)

    def iter_analyses(self, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Every stored analysis document in row order, read in batches (memory stays bounded)."""
        last = 0
        while True:
            chunk = self.conn.execute(
                "SELECT id, analysis_json FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not chunk:
                return
            for row_id, doc in chunk:
                last = row_id
                yield json.loads(doc)

    def failures(self) -> list[Row]:
        """Every input that failed, and why: source, stage (read/analyze/store), problem, at."""
        return self.rows("SELECT source, stage, problem, at FROM failures ORDER BY source")

    def counts(self) -> Row:
        """How much the store holds: articles, actors, event mentions, events, quotes, places, failures."""
        tables = [
            "articles",
            "actors",
            "event_mentions",
            "events",
            "quotes",
            "places",
            "sentences",
            "failures",
        ]
        return {t: int(self.scalar(f"SELECT COUNT(*) FROM {t}") or 0) for t in tables}


def params_to_json(params: DedupParams) -> dict[str, Any]:
    out = dict(params.__dict__)
    out["symmetric_types"] = sorted(params.symmetric_types)
    return out


def params_from_json(data: dict[str, Any]) -> DedupParams:
    known = {k: v for k, v in data.items() if k in DedupParams.__dataclass_fields__}
    if "symmetric_types" in known:
        known["symmetric_types"] = frozenset(known["symmetric_types"])
    return DedupParams(**known)


def _saved_params(conn: sqlite3.Connection) -> DedupParams | None:
    row = conn.execute("SELECT value FROM settings WHERE key = 'dedup'").fetchone()
    return params_from_json(json.loads(row[0])) if row else None


def _migrate_for_reader(path: Path) -> None:
    """A store written by an older dyads, opened to read: bring its schema up to date first."""
    if not os.access(path, os.W_OK):
        version = current_version(_connect(path, True))
        raise StoreError(
            f"{path}: schema version {version}, expected {latest_version()}, and the file is read-only"
        )
    writer = _connect(path, False)
    try:
        _recluster_on_upgrade(writer, migrate(writer))
    finally:
        writer.close()


# Schema 10 brought the present dedup rule: events stored before it are re-clustered once, on upgrade.
_RULE_VERSION = 10


def _recluster_on_upgrade(conn: sqlite3.Connection, applied: list[int]) -> None:
    if _RULE_VERSION in applied and conn.execute("SELECT 1 FROM event_mentions LIMIT 1").fetchone():
        Store(conn, Path(), False, _saved_params(conn) or DedupParams()).recluster()


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such store (run dyads ingest first)")
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if not readonly:
        _use_wal(conn)
        # WAL with synchronous=NORMAL survives a killed process (every commit is in the log);
        # only a power cut may lose the last commits, never consistency.
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


_WAL_SWITCH_SECONDS = 30.0


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the store in WAL mode (a no-op once it is: the mode is kept in the file).

    Switching needs the file alone for a moment, and SQLite answers "database is locked" at once
    rather than wait, as it does for writes: two processes opening a new store together would see
    one of them fail. So the switch is retried, as the busy timeout would retry a write.
    """
    deadline = time.monotonic() + _WAL_SWITCH_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def open_store(
    path: str | Path = DEFAULT_PATH, readonly: bool = False, dedup: DedupParams | None = None
) -> Store:
    """Open (and, for writing, create or migrate) a corpus store.

    ``readonly=True`` opens an existing store for queries only (what the web API uses); it refuses a
    store whose schema is older than this dyads, since only a writer may migrate it.
    """
    path = Path(path)
    try:
        conn = _connect(path, readonly)
        if readonly and current_version(conn) < latest_version():
            conn.close()
            _migrate_for_reader(path)
            conn = _connect(path, readonly)
        if not readonly:
            _recluster_on_upgrade(conn, migrate(conn))
        saved = _saved_params(conn)
    except (sqlite3.DatabaseError, SchemaTooNew) as err:
        raise StoreError(f"{path}: {err}") from None
    # Parameters given here win for this connection; otherwise those the store was last
    # reclustered with (``dyads dedup``), so that later ingests merge events the same way.
    return Store(conn, path, readonly, dedup or saved or DedupParams())

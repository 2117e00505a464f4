"""Numbered schema migrations: ``migrations/NNNN_name.sql`` applied in order, each in one transaction.

The applied versions are recorded in ``schema_version`` (and mirrored in ``PRAGMA user_version``),
so opening a store written by an older dyads brings it up to date, and opening one written by a
newer dyads is refused rather than misread.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


class SchemaTooNew(RuntimeError):
    """The store was written by a newer dyads than this one."""


def available_migrations() -> list[Migration]:
    """Every migration shipped with the package, in version order."""
    found = []
    for entry in resources.files("dyads.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def latest_version() -> int:
    return available_migrations()[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Apply the pending migrations up to ``target`` (default: all); return the versions applied.

    The connection must be in autocommit mode (``isolation_level=None``): each migration runs in
    its own explicit transaction, so a failure leaves the store at the last complete version.
    The version is read again inside each migration's write transaction: two processes opening a
    new store at once would otherwise both see version 0 and the second would apply it again
    ("table articles already exists"); the second waits for the first's lock, then finds it done.
    """
    shipped = available_migrations()
    if current_version(conn) == shipped[-1].version:
        return []  # up to date: no write lock taken, so opening never waits on a running writer
    applied: list[int] = []
    while True:
        conn.execute("BEGIN IMMEDIATE")  # waits for another writer (busy_timeout), then holds the lock
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            have = current_version(conn)
            if have > shipped[-1].version:
                raise SchemaTooNew(
                    f"store schema version {have} is newer than this dyads ({shipped[-1].version})"
                )
            pending = [m for m in shipped if m.version > have and (target is None or m.version <= target)]
            if pending:
                _apply(conn, pending[0])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if not pending:
            return applied
        applied.append(pending[0].version)


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    for statement in statements(migration.sql):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
        (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
    )
    conn.execute(f"PRAGMA user_version = {int(migration.version)}")


def statements(sql: str) -> list[str]:
    """Split a migration into statements; ``sqlite3.complete_statement`` keeps triggers whole.

    (``executescript`` would commit on its own and break the one-transaction-per-migration rule.)
    """
    statements, pending = [], ""
    for line in sql.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


def schema_text() -> str:
    """The documented schema: every migration's SQL with its comments, in order."""
    parts = []
    for migration in available_migrations():
        parts.append(f"-- ===== migration {migration.version:04d}_{migration.name} =====\n{migration.sql}")
    return "\n".join(parts)

"""The options the commands share, defined once, and how their values are checked.

Exit codes: 0 ok, 1 some inputs failed (batch work), 2 usage or fatal error. Every error is one
line on standard error (:func:`fail`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli.output import FORMATS
from dyads.query.parse import parse_count
from dyads.store import Store, StoreError, open_store

DEFAULT_DB = Path("dyads.db")

# -- the analysis of one article -------------------------------------------------------------------

FormatOption = Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")]
KnowledgeOption = Annotated[
    list[str] | None,
    typer.Option("--knowledge", help="Folder of your own knowledge YAML files (repeatable)."),
]
ModelOption = Annotated[str, typer.Option(help="spaCy English pipeline: md or sm.")]
AllowPrivateOption = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow URLs on loopback and private networks (refused by default)."),
]

# -- a corpus store --------------------------------------------------------------------------------

DbOption = Annotated[
    Path, typer.Option("--db", envvar="DYADS_DB", help="The corpus store (SQLite file).", show_default=True)
]
RowsFormatOption = Annotated[str, typer.Option("--format", "-f", help="Output: table, json, jsonl or csv.")]
RecordFormatOption = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows.")]
OffsetOption = Annotated[int, typer.Option(help="Skip this many rows (paging).")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="From this ISO date (2020, 2020-08, 2020-08-21).")
]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this ISO date.")]
ByOption = Annotated[str, typer.Option("--by", help="Period: day, week, month, quarter or year.")]
# A number, read as text: a bad value is then the one-line error every option gives, not Click's box.
MinConfidenceOption = Annotated[
    str | None,
    typer.Option(
        "--min-confidence",
        help="Count only events at least this sure, 0-1 (default: the store's threshold, dyads threshold).",
    ),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    typer.echo(f"dyads: error: {message}", err=True)
    return typer.Exit(code)


def check_text_format(fmt: str) -> None:
    """Refuse a ``--format`` other than text or json."""
    if fmt not in ("text", "json"):
        raise fail(f"--format: expected text or json, got {fmt!r}")


def check_rows_format(fmt: str) -> None:
    """Refuse a ``--format`` other than those rows are printed in (:data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise fail(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")


def check_page(limit: int, offset: int = 0) -> None:
    """Refuse a negative ``--limit`` or ``--offset`` (the API's parsers, the same message)."""
    try:
        parse_count(limit, "--limit")
        parse_count(offset, "--offset")
    except ValueError as err:
        raise fail(str(err)) from None


@contextmanager
def reading_store(db: Path) -> Iterator[Store]:
    """The store at ``--db``, read-only; a store that cannot be opened, or a value the query
    refuses (bad dates, periods, quad names), is the user's input and ends in one line."""
    try:
        store = open_store(db, readonly=True)
    except StoreError as err:
        raise fail(str(err)) from None
    try:
        yield store
    except ValueError as err:  # bad dates, periods, quad names, unknown parties: the user's input, named
        raise fail(str(err)) from None
    finally:
        store.close()

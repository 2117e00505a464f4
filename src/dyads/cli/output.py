"""Rows on the terminal: a table, a JSON array, JSON lines or CSV (the corpus commands' ``--format``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "jsonl", "csv")


def _cell(value: Any, width: int = 70) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def emit(
    rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, title: str = ""
) -> None:
    """Print rows as a table, a JSON array, JSON lines or CSV (nested values as JSON)."""
    if fmt == "json":
        typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    names = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()})
        return
    table = Table(title=title or None, show_lines=False, header_style="bold")
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(n)) for n in names))
    Console(width=max(Console().width, 160)).print(table)
    if not rows:
        typer.echo("(no rows)")


def short_source(source: dict[str, Any]) -> str:
    """A report as a table cell: its date and its URL, or the file name of a local input."""
    where = source.get("url") or ""
    if "://" not in where:
        where = Path(where).name
    return f"{source.get('published') or ''} {where}".strip()

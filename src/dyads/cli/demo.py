"""The main job on the bundled examples: ingest them, then ask the corpus about Mali.

``dyads demo`` (``make demo``) ingests every example article under ``examples/`` (recursively) into
``dyads.db`` — a second run finds them stored and skips them — then prints who gained cooperation
and who conflict with Mali (Russia and France, by quarter), Mali's key events with their sources,
and a short view of one article's analysis.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dyads.cli.events import COMPARE_COLUMNS, TIMELINE_COLUMNS, emit_counted
from dyads.cli.output import short_source
from dyads.query import compare, timeline
from dyads.query.confidence import store_threshold
from dyads.run.ingest import ingest
from dyads.store import Store, StoreError, open_store

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
TARGET, PARTNERS = "MLI", ("RUS", "FRA")


def example_paths() -> list[Path]:
    suffixes = {".md", ".txt", ".html", ".gz", ".jsonl"}
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix in suffixes)


def _busiest_article(store: Store, party: str) -> int | None:
    """The stored article with the most events involving the party (the earliest on a tie)."""
    found = store.scalar(
        "SELECT m.article_id FROM event_mentions m JOIN event_actors ea ON ea.event_id = m.event_id"
        " WHERE ea.country = ? GROUP BY m.article_id ORDER BY COUNT(DISTINCT m.id) DESC, m.article_id LIMIT 1",
        (party,),
    )
    return int(found) if found is not None else store.scalar("SELECT MIN(id) FROM articles")


def print_short_analysis(store: Store, article_row: int, console: Console) -> None:
    doc = store.get_analysis(article_row)
    if doc is None:
        return
    article, text = doc["article"], doc["article"]["text"]
    names = {a["id"]: a["name"] for a in doc["actors"]}
    places = {p["id"]: p["name"] for p in doc["places"]}
    console.rule(f"[bold]{article['title'] or '(untitled)'}")
    console.print(
        f"{article['published'] or 'undated'} · {article['outlet'] or ''} · {len(doc['actors'])} actors, "
        f"{len(doc['events'])} events, {len(doc['quotes'])} quotes, {len(doc['places'])} places, "
        f"{len(doc['times'])} time expressions",
        highlight=False,
    )
    for event in doc["events"][:8]:
        who = ", ".join(names.get(i, i) for i in event["actor"]) or "?"
        whom = ", ".join(names.get(i, i) for i in event["recipient"]) or "—"
        lo, hi = event["trigger"]
        where = places.get(event["location"] or "", "")
        console.print(
            f"  {event['type']:<9} {who} → {whom}  [{event['date'] or '?'}{' · ' + where if where else ''}]"
            f"  “{text[lo:hi]}”",
            highlight=False,
            markup=False,
        )
    for quote in doc["quotes"][:3]:
        lo, hi = quote["content"]
        words = " ".join(text[lo:hi].split())
        words = words if len(words) <= 110 else words[:109] + "…"
        console.print(
            f"  quote  {names.get(quote['speaker'] or '', '?')}: “{words}”", highlight=False, markup=False
        )
    console.print(f"  (full analysis: dyads show {article_row} --db {store.path})", highlight=False)


def demo(
    db: Annotated[Path, typer.Option(help="SQLite file to fill.")] = Path("dyads.db"),
) -> None:
    """Analyse the bundled example articles and print the analysis of one.

    Example: dyads demo
    """
    raise typer.Exit(run_demo(db))


def run_demo(db: Path) -> int:
    console = Console(width=max(Console().width, 160), soft_wrap=True)
    paths = [str(p) for p in example_paths()]
    if not paths:
        console.print(f"dyads: no example articles under {EXAMPLES}")
        return 2
    try:
        report = ingest([str(EXAMPLES)], db)
    except StoreError as err:
        console.print(f"dyads: error: {err}")
        return 2
    console.print(
        f"ingested {len(paths)} example files → {db}: {report.added} analysed, {report.skipped} already stored,"
        f" {report.failed} failed ({report.seconds:.1f} s)",
        highlight=False,
    )
    for failure in report.failures:
        console.print(f"  failed {failure.source}: {failure.problem}", highlight=False)
    with open_store(db, readonly=True) as store:
        console.print()
        counted = store_threshold(store)
        rows = compare(store, TARGET, PARTNERS, by="quarter")
        title = f"{TARGET} with {', '.join(PARTNERS)}, by quarter (dyads compare)"
        emit_counted(rows, "table", COMPARE_COLUMNS, title, counted)
        key_events = timeline(store, TARGET, limit=15)
        for row in key_events:
            row["sources"] = "; ".join(short_source(s) for s in row["sources"])
        emit_counted(key_events, "table", TIMELINE_COLUMNS, f"timeline of {TARGET} (dyads timeline)", counted)
        article_row = _busiest_article(store, TARGET)
        if article_row is not None:
            print_short_analysis(store, article_row, console)
    return 1 if report.failed else 0

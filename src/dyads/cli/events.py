"""The questions the ``dyads`` CLI asks about the deduplicated events of a store: the listing, one
event, a dyad over time, a party's timeline, and who gains cooperation or conflict with a target.

Each command parses its options into an :class:`~dyads.query.filters.EventFilter`, calls one function
of :mod:`dyads.query`, and prints the rows in ``--format table|json|jsonl|csv`` (:mod:`dyads.cli.output`).

The counting commands (dyad, timeline, compare) count the events at or above ``--min-confidence``,
else the store's threshold (``dyads threshold``), and say which: in the table's title, and as the
field ``min_confidence`` of every row in json, jsonl and csv. The listing (events) lists every event
unless ``--min-confidence`` is given, and shows each event's confidence.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from dyads.cli.options import (
    DEFAULT_DB,
    ByOption,
    DbOption,
    LimitOption,
    MinConfidenceOption,
    OffsetOption,
    RecordFormatOption,
    RowsFormatOption,
    SinceOption,
    UntilOption,
    check_page,
    check_rows_format,
    fail,
    reading_store,
)
from dyads.cli.output import emit, short_source
from dyads.query import EventFilter, dyad_series, find_events, get_event, series
from dyads.query.confidence import SOURCES, Threshold, shown, store_threshold, threshold_for
from dyads.query.filters import DEFAULT_PERIOD, split_list
from dyads.query.parse import (
    parse_confidence,
    parse_count,
    parse_date,
    parse_period,
    parse_quad,
    parse_row_id,
    parse_text,
    parse_types,
)
from dyads.query.parties import resolve_filter

# The options the messages name, for the fields of an EventFilter.
OPTION_NAMES = {"actor": "--actor", "recipient": "--recipient", "party": "--party"}


def dated(since: str | None, until: str | None, min_confidence: str | None = None) -> EventFilter:
    """A filter on dates and confidence only, as ``--since``, ``--until`` and ``--min-confidence``
    give them."""
    return EventFilter(
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        min_confidence=parse_confidence(min_confidence, "--min-confidence"),
    )


def emit_counted(
    rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str, threshold: Threshold
) -> None:
    """Rows of a counting view, saying the threshold they were counted at: after the table's
    title, or as the field ``min_confidence`` of every row."""
    if fmt == "table":
        emit(rows, fmt, columns, f"{title} · {threshold.describe()}")
        return
    emit([{**row, "min_confidence": threshold.value} for row in rows], fmt, [*columns, "min_confidence"])


# The columns each command shows in a table (and writes as CSV); the demo shows the same.
# (identifiers, not words)
EVENT_COLUMNS = [
    "id",
    "when",
    "type",
    "actor",
    "recipient",
    "score",
    "place",
    "n_mentions",
    "n_articles",
    "n_sources",
    "confidence",
    "sentence",
]
# (identifiers, not words)
DYAD_COLUMNS = [
    "period",
    "direction",
    "type",
    "quad_class",
    "events",
    "mentions",
    "articles",
    "score_sum",
    "score_mean",
]
# (identifiers, not words)
TIMELINE_COLUMNS = [
    "when",
    "type",
    "actor",
    "recipient",
    "score",
    "place",
    "n_articles",
    "confidence",
    "sentence",
    "sources",
]
# (identifiers, not words)
COMPARE_COLUMNS = [
    "partner",
    "period",
    "events",
    "mentions",
    "articles",
    "cooperation",
    "conflict",
    "balance",
    "score_sum",
    "score_mean",
]


def events(
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    actor: Annotated[str | None, typer.Option(help="Actor side: MLI, MLI:MIL or a name.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient side, as --actor.")] = None,
    party: Annotated[str | None, typer.Option(help="Either side, as --actor.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER types, comma separated.")] = None,
    quad: Annotated[str | None, typer.Option(help="1-4 or e.g. material_conflict.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: Annotated[str | None, typer.Option(help="Place name, or country code.")] = None,
    text: Annotated[str | None, typer.Option(help="Words a reporting sentence contains.")] = None,
    min_mentions: Annotated[int, typer.Option(help="Reported at least this often.")] = 1,
    min_confidence: Annotated[
        str | None,
        typer.Option("--min-confidence", help="Only events at least this sure, 0-1 (default: every event)."),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Include negated, future, hypothetical events.")
    ] = False,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
) -> None:
    """Deduplicated events, filtered, by date: every event, whatever its confidence, unless
    --min-confidence says otherwise.

    Example: dyads events --actor RUS --recipient MLI --since 2021 --type AGREE,COOPERATE
    """
    check_rows_format(fmt)
    check_page(limit, offset)
    with reading_store(db) as store:
        flt = EventFilter(
            actor=actor, recipient=recipient, party=party, types=parse_types(type_, "--type"),
            quad=parse_quad(quad, "--quad"), since=parse_date(since, "--since"),
            until=parse_date(until, "--until"), place=place, text=parse_text(text, "--text"),
            min_mentions=parse_count(min_mentions, "--min-mentions"), include_auxiliary=all_,
            min_confidence=parse_confidence(min_confidence, "--min-confidence"),
        )  # fmt: skip
        page = find_events(store, resolve_filter(store, flt, OPTION_NAMES), limit=limit, offset=offset)
        counted = store_threshold(store)
    if flt.min_confidence is None:
        which = f"any confidence (counting views: ≥ {shown(counted.value)}, {SOURCES[counted.source]})"
    else:
        which = f"confidence ≥ {shown(flt.min_confidence)}"
    emit(
        page.items,
        fmt,
        EVENT_COLUMNS,
        f"events {offset + 1}-{offset + len(page.items)} of {page.total:,}"
        + ("+" if page.total_is_lower_bound else "")
        + f" · {which}",
    )


def event(
    event_id: Annotated[int, typer.Argument(help="The event's id (from dyads events).")],
    db: DbOption = DEFAULT_DB,
    fmt: RecordFormatOption = "text",
) -> None:
    """Show one event with every sentence that reports it, and why each report was merged into it.

    A wrong merge is split with dyads dedup --split EVENT REPORT, a missed one joined with --join.
    Example: dyads event 12
    """
    with reading_store(db) as store:
        found = get_event(store, parse_row_id(event_id, "EVENT_ID"))
        counted = store_threshold(store)
    if found is None:
        raise fail(f"no event {event_id} in {db}")
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"event {found['id']}: {found['date']} {found['type']} ({found['quad_class']}, score {found['score']:g})"
        f"\n  {found['actor'] or '?'} → {found['recipient'] or '—'}  at {found['place'] or '—'}"
        f"\n  {found['n_mentions']} mentions in {found['n_articles']} articles"
        f"\n  confidence {found['confidence']:.3f}, "
        + ("at or above" if found["confidence"] >= counted.value else "below")
        + f" the store's threshold {shown(counted.value)} ({SOURCES[counted.source]})"
        + ("" if found["confidence"] >= counted.value else ": listed, not counted")
    )
    for m in found["mentions"]:
        typer.echo(
            f"  · report {m['id']} [{m['published'] or '?'} {m['outlet'] or m['source'] or ''}] {m['sentence'] or ''}"
        )
        if m["merged_because"]:
            typer.echo(f"      merged: {m['merged_because']}")


def dyad(
    first: Annotated[str, typer.Argument(help="One party: RUS, RUS:MIL or a name.")],
    second: Annotated[str, typer.Argument(help="The other party.")],
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    by: ByOption = DEFAULT_PERIOD,
    one_way: Annotated[bool, typer.Option("--one-way", help="Only FIRST → SECOND.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Events between two parties by period and type: counts, summed and mean scores, both directions.

    Beside each count of events, the sentences reporting them (mentions) and the distinct articles
    those are in (articles): two events from one article are one article.

    Example: dyads dyad RUS MLI --by month
    """
    check_rows_format(fmt)
    with reading_store(db) as store:
        flt = dated(since, until, min_confidence)
        rows = dyad_series(store, first, second, parse_period(by, "--by"), not one_way, flt)
        threshold = threshold_for(store, flt)
    emit_counted(rows, fmt, DYAD_COLUMNS, f"{first} ⇄ {second} by {by}", threshold)


def timeline(
    party: Annotated[str, typer.Argument(help="The party: MLI, MLI:GOV or a name.")],
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    limit: LimitOption = 25,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """The key events of a party, deduplicated, in date order, with their sources.

    Example: dyads timeline MLI --since 2020
    """
    check_rows_format(fmt)
    check_page(limit)
    with reading_store(db) as store:
        flt = dated(since, until, min_confidence)
        rows = series.timeline(store, party, limit, flt)
        threshold = threshold_for(store, flt)
    if fmt == "table":
        for row in rows:
            row["sources"] = "; ".join(short_source(s) for s in row["sources"])
    emit_counted(rows, fmt, TIMELINE_COLUMNS, f"timeline of {party}", threshold)


def compare(
    target: Annotated[str, typer.Argument(help="The party courted or confronted, e.g. MLI.")],
    partners: Annotated[str, typer.Option("--partners", help="Comma separated, e.g. RUS,FRA.")],
    db: DbOption = DEFAULT_DB,
    fmt: RowsFormatOption = "table",
    by: ByOption = DEFAULT_PERIOD,
    since: SinceOption = None,
    until: UntilOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Who gains cooperation and who conflict with a target: counts by partner and period.

    An event known only to a coarser period than --by counts in a period of its own ("2019" in a
    monthly series), so the totals (period "all") are the same whatever --by. Beside the events,
    the sentences reporting them (mentions) and the distinct articles those are in (articles); a
    total's articles are those of all its periods, not their sum (one article may report both).

    Example: dyads compare MLI --partners RUS,FRA --by quarter
    """
    check_rows_format(fmt)
    names = split_list(partners)
    if not names:
        raise fail("--partners: give at least one party")
    with reading_store(db) as store:
        flt = dated(since, until, min_confidence)
        rows = series.compare(store, target, names, parse_period(by, "--by"), flt)
        threshold = threshold_for(store, flt)
    emit_counted(rows, fmt, COMPARE_COLUMNS, f"{target} with {', '.join(names)} by {by}", threshold)

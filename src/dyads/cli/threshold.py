"""``dyads threshold``: see or set the store's confidence threshold, the least confidence an event
needs to be counted by the series, comparisons, timelines, the overview and the exports."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from dyads.cli.options import DEFAULT_DB, DbOption, RecordFormatOption, check_text_format, fail
from dyads.query.confidence import Threshold, store_threshold
from dyads.query.parse import BadParameter, parse_confidence
from dyads.store import Store, StoreError, open_store
from dyads.store.confidence_threshold import clear_min_confidence, default_min_confidence, set_min_confidence


def _report(store: Store, threshold: Threshold) -> dict[str, object]:
    events = int(store.scalar("SELECT COUNT(*) FROM events") or 0)
    reached = int(store.scalar("SELECT COUNT(*) FROM events WHERE confidence >= ?", [threshold.value]) or 0)
    return {
        **threshold.fields(),
        "default": default_min_confidence(),
        "events": events,
        "events_reaching": reached,
    }


def threshold(
    value: Annotated[
        str | None, typer.Argument(help="The new threshold, 0-1 (e.g. 0.3); none: show the current one.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    default: Annotated[
        bool, typer.Option("--default", help="Forget the store's own threshold: the model's default applies.")
    ] = False,
    fmt: RecordFormatOption = "text",
) -> None:
    """See or set the store's confidence threshold: the counting views (dyad, compare, timeline,
    export; the dashboard and API) count the events at least this sure; every event stays listed.

    Examples: dyads threshold; dyads threshold 0.3; dyads threshold --default
    """
    check_text_format(fmt)
    if value is not None and default:
        raise fail("give a threshold or --default, not both")
    try:
        number = parse_confidence(value, "VALUE")
    except BadParameter as err:
        raise fail(str(err)) from None
    if value is not None and number is None:
        raise fail("VALUE: expected a number from 0 to 1 (e.g. 0.2), got ''")
    if not db.exists():  # a threshold for a store that is not there would create an empty one
        raise fail(f"{db}: no such store (run dyads ingest first)")
    try:
        with open_store(db, readonly=number is None and not default) as store:
            if number is not None:
                set_min_confidence(store.conn, number)
            elif default:
                clear_min_confidence(store.conn)
            if number is not None or default:
                # only reports at or above the threshold are merged: the events follow it
                store.recluster()
            current = store_threshold(store)
            report = _report(store, current)
    except StoreError as err:
        raise fail(str(err)) from None
    if fmt == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"{current.describe()}: {report['events_reaching']:,} of {report['events']:,} events reach it → {db}"
    )

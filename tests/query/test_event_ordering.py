"""The event listing in other orders (the dashboard's sortable columns) against a sort in Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from dash_support import build_dash_store
from dyads.query import EventFilter, find_events
from dyads.query.ordering import find_events_sorted, parse_sort
from dyads.store import open_store


@pytest.mark.parametrize("sort", ["-date", "date", "score", "-score", "type", "-mentions", "place"])
def test_each_order_pages_through_every_event_once_in_order(tmp_path: Path, sort: str) -> None:
    with open_store(build_dash_store(tmp_path / "dash.db"), readonly=True) as store:
        everything = find_events(store, EventFilter(), limit=100, count_up_to=None).items
        key, descending = parse_sort(sort)
        column = {"mentions": "n_mentions"}.get(key, key)
        with_value = [r for r in everything if r[column] is not None]
        expected = sorted(with_value, key=lambda r: (r[column], r["id"]), reverse=descending)
        expected += sorted(
            (r for r in everything if r[column] is None), key=lambda r: r["id"], reverse=descending
        )
        pages = [find_events_sorted(store, EventFilter(), sort, limit=4, offset=o) for o in (0, 4, 8)]
        assert [r["id"] for p in pages for r in p.items] == [r["id"] for r in expected]
        assert {p.total for p in pages} == {len(everything)}
        capped = find_events_sorted(store, EventFilter(), sort, limit=2, count_up_to=3)
        assert capped.total == 3 and capped.total_is_lower_bound


def test_an_unknown_sort_column_is_refused() -> None:
    with pytest.raises(ValueError, match="sort: unknown column 'sentence'"):
        parse_sort("-sentence")

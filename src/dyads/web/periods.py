"""Continuous time axes: every period from the first to the last, empty ones at zero (pure).

The query layer returns only the periods that have events; a chart drawn from those alone puts
2012-01 next to 2013-01 and draws a line straight across the years between. The period labels are
those of :data:`dyads.query.filters.PERIODS` (day ``2021-09-30``, week ``2021-W39`` as SQLite's
``%W``, month ``2021-09``, quarter ``2021-Q3``, year ``2021``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
# the label of a period of each grain; a series by month may also hold coarser periods ("2019")
# for events known only that precisely: those are never drawn on the axis (see coarser_periods)
_LABEL = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": _WEEK,
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "quarter": _QUARTER,
    "year": re.compile(r"^\d{4}$"),
}
MAX_PERIODS = 5000  # a chart of more points than this is unreadable; the gaps stay gaps beyond it


def _weeks_in(year: int) -> int:
    """The last ``%W`` week number of a year (weeks start on Monday; days before the first are 00)."""
    return int(dt.date(year, 12, 31).strftime("%W"))


def next_period(label: str, by: str) -> str:
    """The period after ``label``."""
    if by == "year":
        return str(int(label) + 1)
    if by == "quarter":
        m = _QUARTER.match(label)
        if not m:
            raise ValueError(f"not a quarter: {label!r}")
        year, q = int(m[1]), int(m[2])
        return f"{year + 1}-Q1" if q == 4 else f"{year}-Q{q + 1}"
    if by == "month":
        year, month = int(label[:4]), int(label[5:7])
        return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"
    if by == "week":
        m = _WEEK.match(label)
        if not m:
            raise ValueError(f"not a week: {label!r}")
        year, week = int(m[1]), int(m[2])
        if week < _weeks_in(year):
            return f"{year}-W{week + 1:02d}"
        return f"{year + 1}-W{dt.date(year + 1, 1, 1).strftime('%W')}"
    if by == "day":
        return (dt.date.fromisoformat(label) + dt.timedelta(days=1)).isoformat()
    raise ValueError(f"unknown period {by!r}")


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last``, both included (just the two past MAX_PERIODS)."""
    out = [first]
    while out[-1] < last:
        if len(out) >= MAX_PERIODS:
            return sorted({first, last})
        out.append(next_period(out[-1], by))
    return out


def on_axis(label: str, by: str) -> bool:
    """Is the label a period of the grain ``by`` (not a coarser one, nor the total)?"""
    pattern = _LABEL.get(by)
    return bool(pattern and pattern.match(label))


def _periods(rows: Iterable[dict[str, Any]], by: str) -> list[str]:
    return sorted({str(r["period"]) for r in rows if on_axis(str(r.get("period")), by)})


def coarser_periods(rows: Iterable[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Rows of periods coarser than the axis's (an event known only as 2019 in a monthly series):
    a line chart cannot place them, so the page says so and its table and downloads list them."""
    kept = [r for r in rows if r.get("period") not in (None, "all") and not on_axis(str(r["period"]), by)]
    return sorted(kept, key=lambda r: str(r["period"]))


def fill_series(series: dict[str, list[dict[str, Any]]], by: str) -> dict[str, list[dict[str, Any]]]:
    """Line-chart series ({name: [{period, score, events}]}) over one continuous axis: every series
    gets every period from the earliest to the latest of them all, empty ones at zero."""
    known = _periods((row for rows in series.values() for row in rows), by)
    if not known:
        return series
    axis = period_range(known[0], known[-1], by)
    filled = {}
    for name, rows in series.items():
        by_period = {r["period"]: r for r in rows}
        filled[name] = [by_period.get(p, {"period": p, "score": 0.0, "events": 0}) for p in axis]
    return filled


def fill_rows(rows: Sequence[dict[str, Any]], by: str, zero: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows with one ``period`` each (e.g. the quad-class series) over a continuous axis; a missing
    period gets a copy of ``zero``."""
    known = _periods(rows, by)
    if not known:
        return list(rows)
    by_period = {r["period"]: r for r in rows}
    return [by_period.get(p, {**zero, "period": p}) for p in period_range(known[0], known[-1], by)]

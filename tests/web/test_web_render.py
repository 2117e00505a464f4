"""The pure pieces of the pages: continuous period axes, dates at their precision, safe links."""

from __future__ import annotations

import pytest

from dyads.web.periods import coarser_periods, fill_rows, fill_series, next_period, period_range
from dyads.web.render import at_precision, live_url, path_segment


@pytest.mark.parametrize(
    ("label", "by", "after"),
    [
        ("2019", "year", "2020"),
        ("2019-Q4", "quarter", "2020-Q1"),
        ("2019-12", "month", "2020-01"),
        ("2019-02-28", "day", "2019-03-01"),
        ("2019-W52", "week", "2020-W00"),
        ("2023-W52", "week", "2024-W01"),  # 2024 starts on a Monday: it has no week 00
    ],
)
def test_next_period_crosses_years(label: str, by: str, after: str) -> None:
    assert next_period(label, by) == after


def test_series_share_one_axis_with_empty_periods_at_zero() -> None:
    series = {
        "RUS→MLI": [{"period": "2019-11", "score": 4.0, "events": 1}],
        "MLI→RUS": [{"period": "2020-02", "score": -1.0, "events": 2}],
    }
    filled = fill_series(series, "month")
    assert [p["period"] for p in filled["RUS→MLI"]] == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert [p["events"] for p in filled["MLI→RUS"]] == [0, 0, 0, 2]
    assert fill_rows([{"period": "2012", "n": 1}, {"period": "2014", "n": 2}], "year", {"n": 0}) == [
        {"period": "2012", "n": 1},
        {"period": "2013", "n": 0},
        {"period": "2014", "n": 2},
    ]
    assert period_range("2021-Q3", "2021-Q3", "quarter") == ["2021-Q3"]


def test_dates_links_and_segments() -> None:
    assert at_precision("2012-01-01", "year") == "2012" and at_precision("2012-03-01", "month") == "2012-03"
    assert at_precision("2012-03-04", None) == "2012-03-04" and at_precision(None, "day") == ""
    assert live_url("https://example.org/a") == "https://example.org/a"
    for hostile in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "//x",
    ):
        assert live_url(hostile) is None
    assert path_segment("wire/2012/a b") == "wire%2F2012%2Fa%20b"
    assert path_segment("..") == "%2E%2E" and path_segment("../../api") == "..%2F..%2Fapi"


def test_coarser_periods_are_kept_off_the_axis() -> None:
    # a monthly series may hold "2019" for events known only to the year: never read as a month
    series = {
        "RUS": [
            {"period": "2019-01", "score": 1.0, "events": 1},
            {"period": "2019", "score": 2.0, "events": 3},
            {"period": "2019-03", "score": 1.0, "events": 1},
        ]
    }
    assert [r["period"] for r in fill_series(series, "month")["RUS"]] == ["2019-01", "2019-02", "2019-03"]
    assert [r["period"] for r in coarser_periods(series["RUS"], "month")] == ["2019"]
    rows = fill_rows([{"period": "2020-Q1", "n": 1}, {"period": "2020", "n": 2}], "quarter", {"n": 0})
    assert [r["period"] for r in rows] == ["2020-Q1"]

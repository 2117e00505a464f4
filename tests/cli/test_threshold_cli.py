"""``--min-confidence`` on the counting commands and the listing, and ``dyads threshold``."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads.cli import app
from dyads.query.confidence import shown
from dyads.store import open_store
from dyads.store.confidence_threshold import default_min_confidence, set_min_confidence
from synthetic_store import EventSpec, make_analysis

runner = CliRunner()


@pytest.fixture()
def db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """Three RUS→MLI events of confidence 0.9, 0.3 and 0.1 (and one FRA→MLI of 0.5), a fresh copy each test."""
    source = tmp_path_factory.getbasetemp() / "threshold-cli.db"
    if not source.exists():
        with open_store(source) as store:
            for day, actor, kind, sure in (
                ("2021-01-05", "RUS", "AGREE", 0.9),
                ("2021-02-05", "RUS", "CONSULT", 0.3),
                ("2021-03-05", "RUS", "AID", 0.1),
                ("2021-03-09", "FRA", "ACCUSE", 0.5),
            ):
                store.add_analysis(
                    make_analysis(
                        [EventSpec(f"{actor} {kind} MLI.", actor, kind, "MLI", date=day, confidence=sure)],
                        published=day,
                    )
                )
            # the cases sit around 0.20, the store's own threshold here (the shipped default is
            # whatever the confidence model's last fit chose)
            set_min_confidence(store.conn, 0.2)
    copy = tmp_path / "c.db"
    shutil.copy(source, copy)
    return copy


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _count(out: str) -> int:
    return sum(r["events"] for r in json.loads(out) if r.get("period") != "all")


def test_counting_commands_take_the_store_threshold_or_the_option(db: Path) -> None:
    for extra, expected in (([], 2), (["--min-confidence", "0.5"], 1), (["--min-confidence", "0"], 3)):
        code, out = invoke("dyad", "RUS", "MLI", "--db", str(db), "-f", "json", *extra)
        assert code == 0 and _count(out) == expected, (extra, out)
        code, out = invoke("compare", "MLI", "--partners", "RUS", "--db", str(db), "-f", "json", *extra)
        assert code == 0 and _count(out) == expected, (extra, out)
        code, out = invoke("timeline", "RUS", "--db", str(db), "-f", "json", *extra)
        assert code == 0 and len(json.loads(out)) == expected, (extra, out)
    code, out = invoke("dyad", "RUS", "MLI", "--db", str(db), "-f", "json", "--min-confidence", "0.35")
    assert {r["min_confidence"] for r in json.loads(out)} == {0.35}


def test_every_counting_view_says_its_threshold(db: Path) -> None:
    _, out = invoke("dyad", "RUS", "MLI", "--db", str(db))
    assert "confidence ≥ 0.20 (store setting)" in out
    _, out = invoke("compare", "MLI", "--partners", "RUS", "--db", str(db), "--min-confidence", "0.45")
    assert "confidence ≥ 0.45 (as asked)" in out
    _, out = invoke("timeline", "RUS", "--db", str(db), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["min_confidence"] for r in rows} == {"0.2"} and "confidence" in rows[0]
    _, out = invoke("timeline", "RUS", "--db", str(db), "-f", "jsonl")
    assert all(json.loads(line)["min_confidence"] == 0.2 for line in out.splitlines())
    code, out = invoke("export", "--db", str(db), "--out", str(db.with_suffix(".csv")))
    assert (
        code == 0
        and out.strip()
        == f"exported 3 events with confidence ≥ 0.20 (store setting) → {db.with_suffix('.csv')}"
    )


def test_the_listing_lists_every_event_and_filters_on_request(db: Path) -> None:
    code, out = invoke("events", "--db", str(db), "-f", "json")
    assert code == 0 and sorted(r["confidence"] for r in json.loads(out)) == [0.1, 0.3, 0.5, 0.9]
    _, out = invoke("events", "--db", str(db), "-f", "json", "--min-confidence", "0.3", "--actor", "RUS")
    assert sorted(r["confidence"] for r in json.loads(out)) == [0.3, 0.9]
    _, out = invoke("events", "--db", str(db))
    assert "any confidence (counting views: ≥ 0.20, store setting)" in out and "confidence" in out
    code, out = invoke("event", "3", "--db", str(db))
    assert (
        code == 0
        and "confidence 0.100, below the store's threshold 0.20 (store setting): listed, not counted" in out
    )


def test_the_threshold_command_shows_sets_and_forgets(db: Path) -> None:
    code, out = invoke("threshold", "--db", str(db))
    assert code == 0 and out.startswith("confidence ≥ 0.20 (store setting): 3 of 4 events reach it")
    code, out = invoke("threshold", "0.45", "--db", str(db))
    assert code == 0 and out.startswith("confidence ≥ 0.45 (store setting): 2 of 4 events reach it")
    _, out = invoke("dyad", "RUS", "MLI", "--db", str(db), "-f", "json")
    assert _count(out) == 1 and json.loads(out)[0]["min_confidence"] == 0.45
    _, out = invoke("dyad", "RUS", "MLI", "--db", str(db))
    assert "confidence ≥ 0.45 (store setting)" in out
    code, out = invoke("threshold", "--db", str(db), "-f", "json")
    assert json.loads(out) == {
        "min_confidence": 0.45,
        "min_confidence_source": "store",
        "default": default_min_confidence(),
        "events": 4,
        "events_reaching": 2,
    }
    code, out = invoke("threshold", "--default", "--db", str(db))
    default = default_min_confidence()
    assert code == 0 and out.startswith(f"confidence ≥ {shown(default)} (store default)")
    _, out = invoke("dyad", "RUS", "MLI", "--db", str(db), "-f", "json")
    assert _count(out) == sum(sure >= default for sure in (0.9, 0.3, 0.1))  # RUS→MLI's confidences


def test_bad_thresholds_are_one_line_errors_with_exit_2(db: Path, tmp_path: Path) -> None:
    for args, message in (
        (
            ["dyad", "RUS", "MLI", "--min-confidence", "high"],
            "--min-confidence: expected a number from 0 to 1",
        ),
        (["compare", "MLI", "--partners", "RUS", "--min-confidence", "1.5"], "--min-confidence: expected"),
        (["timeline", "MLI", "--min-confidence", "-0.1"], "--min-confidence: expected"),
        (["events", "--min-confidence", "nan"], "--min-confidence: expected"),
        (["export", "--out", str(tmp_path / "x.csv"), "--min-confidence", "2"], "--min-confidence: expected"),
        (
            ["export", "-f", "jsonl", "--out", str(tmp_path / "x"), "--min-confidence", "0.3"],
            "--min-confidence: jsonl",
        ),
        (["threshold", "1.2"], "VALUE: expected a number from 0 to 1"),
        (["threshold", "0.3", "--default"], "give a threshold or --default, not both"),
    ):
        code, out = invoke(*args, "--db", str(db))
        assert code == 2, (args, out)
        assert out.strip().startswith(f"dyads: error: {message}"), (args, out)
        assert len(out.strip().splitlines()) == 1, out
    code, out = invoke("threshold", "0.3", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and "no such store" in out and not (tmp_path / "missing.db").exists()
    code, out = invoke("threshold", "--db", str(db))
    assert "0.20 (store setting)" in out  # nothing was changed by the refused values


def test_a_new_threshold_reclusters_the_events(tmp_path: Path) -> None:
    """Only reports at or above the threshold are merged: raising it above two reports of one
    meeting leaves them apart, lowering it again joins them."""
    path = tmp_path / "twin.db"
    with open_store(path) as store:
        for published in ("2021-03-05", "2021-03-06"):
            spec = EventSpec("RUS met MLI.", "RUS", "CONSULT", "MLI", date="2021-03-05", confidence=0.5)
            store.add_analysis(make_analysis([spec], published=published))
        assert store.scalar("SELECT COUNT(*) FROM events") == 1
    assert runner.invoke(app, ["threshold", "0.6", "--db", str(path)]).exit_code == 0
    with open_store(path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM events") == 2
    assert runner.invoke(app, ["threshold", "--default", "--db", str(path)]).exit_code == 0
    with open_store(path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM events") == 1

"""Exports round-trip: CSV with GDELT names, JSONL analyses, Parquet partitioned by month."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from dyads.contract import analysis_from_json
from dyads.export import GDELT_COLUMNS, export_csv, export_jsonl, export_parquet
from dyads.store import Store, open_store
from synthetic_store import EventSpec, make_analysis


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("export") / "c.db"
    with open_store(path) as writer:
        writer.add_analysis(
            make_analysis(
                [
                    EventSpec("RUS signed an accord with MLI.", "RUS", "AGREE", "MLI", date="2019-06-25"),
                    EventSpec(
                        "JNIM attacked MLI:MIL at Boulkessi.",
                        "JNIM",
                        "ASSAULT",
                        "MLI:MIL",
                        date="2019-09-30",
                        place="Boulkessi",
                        place_country="MLI",
                    ),
                ],
                published="2019-10-01",
                url="https://example.org/a",
            )
        )
        writer.add_analysis(
            make_analysis(
                [EventSpec("Moscow and Bamako signed an accord.", "RUS", "AGREE", "MLI", date="2019-06-25")],
                published="2019-06-26",
            )
        )
        writer.add_analysis(
            make_analysis([EventSpec("FRA criticised MLI.", "FRA", "ACCUSE", "MLI")], published=None)
        )
    return open_store(path, readonly=True)


def test_csv_has_gdelt_columns_and_one_row_per_event(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export_csv(store, out) == 3
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert set(GDELT_COLUMNS) <= set(rows[0])
    for name in (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Actor1Code",
        "Actor2CountryCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "ActionGeo_Lat",
        "SOURCEURL",
    ):
        assert name in rows[0]
    accord = rows[0]
    assert (accord["SQLDATE"], accord["MonthYear"], accord["Actor1Code"], accord["Actor2CountryCode"]) == (
        "20190625",
        "201906",
        "RUS",
        "MLI",
    )
    assert (accord["EventCode"], accord["EventRootCode"], accord["QuadClass"]) == ("030", "03", "1")
    assert accord["NumArticles"] == "2" and accord["SOURCEURL"] == "https://example.org/a"
    attack = rows[1]
    assert attack["ActionGeo_FullName"] == "Boulkessi" and attack["Actor2Type1Code"] == "MIL"
    assert attack["QuadClass"] == "4" and float(attack["GoldsteinScale"]) < 0
    assert rows[2]["SQLDATE"] == ""  # undated: no publication date either


def test_jsonl_reloads_as_the_same_analyses(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    assert export_jsonl(store, out) == 3
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(analysis_from_json(d).events) for d in docs) == store.counts()["event_mentions"] == 4
    assert docs[0] == store.get_analysis(1)


def test_parquet_is_partitioned_by_month_and_reloads(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert export_parquet(store, out) == 3
    parts = sorted(p.name for p in out.iterdir())
    assert "MonthYear=201906" in parts and "MonthYear=201909" in parts
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == store.counts()["events"]
    assert sorted(table.column("GLOBALEVENTID").to_pylist()) == [1, 2, 3]
    assert export_parquet(store, out) == 3  # writing again replaces, not duplicates
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 3

"""Exports round-trip: CSV with GDELT names, JSONL analyses, Parquet partitioned by month."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
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
    assert parts == ["month=2019-06", "month=2019-09", "month=undated"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == store.counts()["events"]
    assert sorted(table.column("GLOBALEVENTID").to_pylist()) == [1, 2, 3]
    assert export_parquet(store, out) == 3  # writing again replaces, not duplicates
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 3


def test_parquet_with_undated_events_reads_back_with_pandas(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events"
    export_parquet(store, out)
    frame = pd.read_parquet(out)
    assert len(frame) == 3
    undated = frame[frame["month"] == "undated"]
    assert len(undated) == 1 and pd.isna(undated["MonthYear"].iloc[0])
    assert sorted(frame["MonthYear"].dropna().astype(int)) == [201906, 201909]


def test_exporting_again_leaves_no_stale_month_and_no_other_file_touched(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "events"
    (out / "MonthYear=201801").mkdir(parents=True)  # what an earlier dyads wrote
    (out / "MonthYear=201801" / "part-0.parquet").write_bytes(b"old")
    (out / "month=2018-02").mkdir()
    (out / "month=2018-02" / "dyads-events-0.parquet").write_bytes(b"old")
    (out / "README.txt").write_text("the analyst's own notes", encoding="utf-8")
    export_parquet(store, out)
    smaller = tmp_path / "smaller.db"
    with open_store(smaller) as writer:
        writer.add_analysis(
            make_analysis([EventSpec("FRA criticised MLI.", "FRA", "ACCUSE", "MLI", date="2020-01-05")])
        )
    with open_store(smaller, readonly=True) as reader:
        assert export_parquet(reader, out) == 1
    assert sorted(p.name for p in out.iterdir()) == ["README.txt", "month=2020-01"]
    parts = ds.dataset(out, format="parquet", partitioning="hive", exclude_invalid_files=True)
    assert parts.to_table().num_rows == 1


def test_csv_and_jsonl_exports_make_their_folder(store: Store, tmp_path: Path) -> None:
    # the Parquet export always made its folder; the file exports now do as well
    assert export_csv(store, tmp_path / "new" / "events.csv") > 0
    assert export_jsonl(store, tmp_path / "other" / "deep" / "analyses.jsonl") > 0
    assert (tmp_path / "new" / "events.csv").stat().st_size > 0

"""Exports of a corpus store: CSV with GDELT 2.0 event columns, JSONL analyses, Parquet by month.

::

    from dyads.export import export_csv, export_jsonl, export_parquet
    with open_store("dyads.db", readonly=True) as store:
        export_csv(store, "events.csv")          # one deduplicated event a row, GDELT 2.0 names
        export_jsonl(store, "analyses.jsonl")    # one dyads.analysis/1 document a line, as stored
        export_parquet(store, "events/")         # the CSV's rows, partitioned month=YYYY-MM/

The GDELT columns are filled where dyads has the fact: GLOBALEVENTID is the store's event id;
Actor*Code is the CAMEO-style actor code, Actor*CountryCode and ActionGeo_CountryCode are ISO
3166-1 alpha-3 (GDELT uses CAMEO country codes for actors, FIPS for places); Actor*Type1Code is the
sector; EventCode is the CAMEO code, else the root of the nearest CAMEO category ("040");
GoldsteinScale carries the PLOVER score (same −10…+10 direction); NumMentions/NumSources/NumArticles
count the deduplicated event's reports; ActionGeo_FeatureID is the GeoNames id; SOURCEURL is the
first report's URL (or input name). Columns GDELT has and dyads cannot fill (tone, religion,
ethnicity, ADM codes, actor geography) are left out. After the GDELT columns come dyads' own:
PloverType, Auxiliary (negation/future/hypothetical/historical or empty), DateLo, DateHi, Confidence
(that of the event's best report). Every function streams in batches and returns the number of rows
(or documents) written.

The CSV and Parquet exports count events like the other counting views: those at or above
``min_confidence``, else the store's threshold (:mod:`dyads.query.confidence`; 0 exports every
event). The JSONL export writes the stored analyses whole, every event with its confidence.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from dyads.query.confidence import counting
from dyads.query.filters import EventFilter
from dyads.store import Store
from dyads.store.ontology import cameo_root

# GDELT 2.0 column names: identifiers, not words
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]  # fmt: skip
DYADS_COLUMNS = ["PloverType", "Auxiliary", "DateLo", "DateHi", "Confidence"]
COLUMNS = GDELT_COLUMNS + DYADS_COLUMNS
# GDELT's geographic resolution codes: 1 country, 4 world city, 5 world state/region.
_GEO_TYPE = {"country": 1, "city": 4, "landmark": 4, "admin": 5, "region": 5}
BATCH = 20_000


def _least(store: Store, min_confidence: float | None) -> float:
    """The threshold an export counts at: ``min_confidence``, else the store's."""
    return counting(store, EventFilter(min_confidence=min_confidence)).min_confidence or 0.0


def _event_rows(store: Store, least: float) -> Iterator[dict[str, Any]]:
    """The events of confidence >= ``least`` as export rows, by id (read as they are consumed:
    the Parquet writer may do that on a thread of its own, so ``least`` is resolved before)."""
    last = 0
    while True:
        chunk = store.rows(
            "SELECT e.*, (SELECT COALESCE(a.url, a.source, a.doc_id) FROM event_mentions m JOIN articles a"
            "   ON a.id = m.article_id WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS source_url,"
            " (SELECT a.analyzed_at FROM event_mentions m JOIN articles a ON a.id = m.article_id"
            "   WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS added"
            " FROM events e WHERE e.id > ? AND e.confidence >= ? ORDER BY e.id LIMIT ?",
            (last, least, BATCH),
        )
        if not chunk:
            return
        for row in chunk:
            last = row["id"]
            yield gdelt_row(row)


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One stored event as a row of GDELT 2.0 event columns plus dyads' own."""
    day = date.fromisoformat(event["date"]) if event.get("date") else None
    root = cameo_root(event["type"], event.get("cameo"))
    code = event.get("cameo") or (f"{root}0" if root else None)
    added = (event.get("added") or "").replace("-", "").replace(":", "").replace("T", "")[:14]
    return {
        "GLOBALEVENTID": event["id"],
        "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None,
        "Actor1Code": event.get("actor1_code"),
        "Actor1Name": event.get("actor1_name"),
        "Actor1CountryCode": event.get("actor1_country"),
        "Actor1Type1Code": event.get("actor1_sector"),
        "Actor2Code": event.get("actor2_code"),
        "Actor2Name": event.get("actor2_name"),
        "Actor2CountryCode": event.get("actor2_country"),
        "Actor2Type1Code": event.get("actor2_sector"),
        "IsRootEvent": 1,
        "EventCode": code,
        "EventBaseCode": code[:3] if code else None,
        "EventRootCode": root,
        "QuadClass": event["quad"],
        "GoldsteinScale": event["score"],
        "NumMentions": event["n_mentions"],
        "NumSources": event["n_sources"],
        "NumArticles": event["n_articles"],
        "ActionGeo_Type": _GEO_TYPE.get(event.get("place_feature") or "")
        if event.get("place_name")
        else None,
        "ActionGeo_FullName": event.get("place_name"),
        "ActionGeo_CountryCode": event.get("place_country"),
        "ActionGeo_Lat": event.get("lat"),
        "ActionGeo_Long": event.get("lon"),
        "ActionGeo_FeatureID": event.get("geonameid"),
        "DATEADDED": int(added) if added.isdigit() else None,
        "SOURCEURL": event.get("source_url"),
        "PloverType": event["type"],
        "Auxiliary": event.get("auxiliary"),
        "DateLo": event.get("date_lo"),
        "DateHi": event.get("date_hi"),
        "Confidence": event.get("confidence"),
    }


def export_csv(store: Store, out: str | Path, min_confidence: float | None = None) -> int:
    """Deduplicated events at or above the threshold (``min_confidence``, else the store's) as CSV
    with a GDELT 2.0 header; returns the number of rows."""
    count = 0
    Path(out).parent.mkdir(parents=True, exist_ok=True)  # as the Parquet export makes its folder
    with Path(out).open("w", encoding="utf-8", newline="") as sink:
        writer = csv.DictWriter(sink, fieldnames=COLUMNS)
        writer.writeheader()
        for row in _event_rows(store, _least(store, min_confidence)):
            writer.writerow(row)
            count += 1
    return count


def export_jsonl(store: Store, out: str | Path) -> int:
    """Every stored analysis as its dyads.analysis/1 document, one a line; returns how many."""
    count = 0
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with Path(out).open("w", encoding="utf-8") as sink:
        for doc in store.iter_analyses():
            sink.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    return count


def arrow_schema() -> Any:
    # Imported here: pyarrow is heavy to import, and only Parquet exports need it.
    import pyarrow as pa

    # identifiers, not words
    ints = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
            "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FeatureID", "DATEADDED"}  # fmt: skip
    floats = {"FractionDate", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long", "Confidence"}
    return pa.schema(
        [(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in COLUMNS]
    )


def export_parquet(store: Store, out: str | Path, min_confidence: float | None = None) -> int:
    """Deduplicated events at or above the threshold (``min_confidence``, else the store's) as a
    Parquet dataset partitioned by month, ``month=2020-09/`` (undated events under
    ``month=undated/``); returns the number of rows.

    The partition key is a column of its own, so every file keeps MonthYear as an integer (null
    when undated): partitioning on MonthYear itself would name undated events by a null partition,
    which ``pandas.read_parquet(folder)`` cannot read back ("Cannot yet unify dictionaries with
    nulls"). Exporting again into the same folder replaces what the last export wrote there —
    months now gone included — and leaves any other file alone.
    """
    # Imported here: pyarrow is heavy to import, and only Parquet exports need it.
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = arrow_schema().append(pa.field(PARTITION_KEY, pa.string()))
    least = _least(store, min_confidence)
    count = 0

    def batches() -> Iterator[Any]:
        nonlocal count
        buffer: list[dict[str, Any]] = []
        for row in _event_rows(store, least):
            row[PARTITION_KEY] = _month_key(row["MonthYear"])
            buffer.append(row)
            if len(buffer) >= BATCH:
                count += len(buffer)
                yield pa.RecordBatch.from_pylist(buffer, schema=schema)
                buffer = []
        if buffer:
            count += len(buffer)
            yield pa.RecordBatch.from_pylist(buffer, schema=schema)

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    # Written aside first, then moved in: a failed export leaves the previous one whole.
    staging = Path(tempfile.mkdtemp(prefix=".dyads-export-", dir=folder))
    try:
        ds.write_dataset(
            batches(),
            str(staging),
            schema=schema,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([(PARTITION_KEY, pa.string())]), flavor="hive"),
            basename_template=_PART_NAME.replace("*", "{i}"),
        )
        _remove_previous_export(folder)
        for part in sorted(staging.glob(f"{PARTITION_KEY}=*/{_PART_NAME}")):
            target = folder / part.parent.name
            target.mkdir(exist_ok=True)
            part.replace(target / part.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


PARTITION_KEY = "month"
_PART_NAME = "dyads-events-*.parquet"  # only files so named are ours to replace
# What exports before the month key wrote: pyarrow's default part names under MonthYear=…/.
_EARLIER_PARTS = "MonthYear=*/part-*.parquet"


def _month_key(month_year: int | None) -> str:
    return f"{month_year // 100:04d}-{month_year % 100:02d}" if month_year else "undated"


def _remove_previous_export(folder: Path) -> None:
    """Delete the part files an earlier export wrote into ``folder``, and the month folders they
    leave empty; nothing else."""
    for pattern in (f"{PARTITION_KEY}=*/{_PART_NAME}", _EARLIER_PARTS):
        for part in folder.glob(pattern):
            part.unlink()
    for month in [*folder.glob(f"{PARTITION_KEY}=*"), *folder.glob("MonthYear=*")]:
        if month.is_dir() and not any(month.iterdir()):
            month.rmdir()


EXPORTERS: dict[str, Callable[..., int]] = {
    "csv": export_csv,
    "jsonl": export_jsonl,
    "parquet": export_parquet,
}
# The exports of events, which count them at a confidence threshold (a third argument, min_confidence).
COUNTING_EXPORTS = ("csv", "parquet")

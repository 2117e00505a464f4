"""The corpus commands: every query command in every format, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyads.cli import app
from dyads.store import open_store
from synthetic_store import EventSpec, QuoteSpec, make_analysis

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "c.db"
    with open_store(path) as store:
        store.add_analysis(
            make_analysis(
                [
                    EventSpec("RUS signed a pact with SYR.", "RUS", "AGREE", "SYR", date="2018-09-17"),
                    EventSpec(
                        "TUR shelled SYR positions near Afrin.",
                        "TUR",
                        "ASSAULT",
                        "SYR",
                        date="2018-09-18",
                        place="Afrin",
                        place_country="SYR",
                    ),
                    EventSpec(
                        "USA accused TUR of endangering its allies.",
                        "USA",
                        "ACCUSE",
                        "TUR",
                        date="2018-10-02",
                    ),
                ],
                published="2018-10-03",
                title="Idlib deal",
                outlet="Guardian",
                url="https://example.org/idlib",
                quotes=[QuoteSpec("RUS", "Russia will guarantee the deal.")],
            ),
            source="guardian.jsonl:1",
        )
        store.record_failure("guardian.jsonl:9", "read", "invalid JSON")
    return path


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "command",
    [
        ["events", "--party", "SYR"],
        ["dyad", "RUS", "SYR"],
        ["timeline", "SYR"],
        ["compare", "SYR", "--partners", "RUS,USA,TUR"],
        ["quotes", "--search", "Russia"],
        ["search", "pact"],
        ["actors", "--top", "5"],
        ["places"],
        ["articles"],
        ["failures"],
    ],
)
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_query_commands_in_every_format(db: Path, command: list[str], fmt: str) -> None:
    code, out = invoke(*command, "--db", str(db), "--format", fmt)
    assert code == 0, out
    if fmt == "json":
        assert isinstance(json.loads(out), list)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in out.splitlines())
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(out)))


def test_answers_are_sourced(db: Path) -> None:
    _, out = invoke("timeline", "SYR", "--db", str(db), "--format", "json")
    rows = json.loads(out)
    assert [r["type"] for r in rows] == ["AGREE", "ASSAULT"]
    assert rows[0]["sources"][0]["url"] == "https://example.org/idlib"
    _, out = invoke("compare", "SYR", "--partners", "RUS,USA,TUR", "--db", str(db), "--format", "json")
    totals = {r["partner"]: r for r in json.loads(out) if r["period"] == "all"}
    assert (totals["RUS"]["cooperation"], totals["TUR"]["conflict"], totals["USA"]["events"]) == (1, 1, 0)
    _, out = invoke("quotes", "--search", "Russia", "--db", str(db), "--format", "json")
    assert json.loads(out)[0]["source"] == "https://example.org/idlib"
    _, out = invoke("dyad", "TUR", "SYR", "--db", str(db), "--format", "csv", "--by", "year")
    assert "2018,TUR→SYR,ASSAULT" in out


def test_event_show_schema_and_export(db: Path, tmp_path: Path) -> None:
    code, out = invoke("event", "2", "--db", str(db))
    assert code == 0 and "TUR shelled SYR" in out
    code, out = invoke("show", "1", "--db", str(db), "--format", "json")
    assert code == 0 and json.loads(out)["schema"] == "dyads.analysis/1"
    code, out = invoke("schema")
    assert code == 0 and "CREATE TABLE event_mentions" in out
    code, out = invoke("export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "e.csv"))
    assert code == 0 and (tmp_path / "e.csv").read_text().startswith("GLOBALEVENTID,SQLDATE")


def test_dedup_command_rebuilds_events(db: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    code, out = invoke("dedup", "--db", str(copy))
    assert code == 0 and out.startswith("3 events before, 3 after")
    for args in (
        ["--split", "1", "999"],
        ["--join", "1", "999"],
        ["--join", "1", "1"],
        ["--split", "0", "1"],
    ):
        code, out = invoke("dedup", "--db", str(copy), *args)
        assert code == 2 and out.strip().startswith("dyads: error:") and len(out.strip().splitlines()) == 1, (
            out
        )
    code, out = invoke("dedup", "--db", str(copy), "--join", "1", "2")
    assert code == 0 and "events joined: now event 1" in out
    code, out = invoke("event", "1", "--db", str(copy))
    assert "merged: joined by hand" in out
    report = out.split("report ")[2].split(" ")[0]
    code, out = invoke("dedup", "--db", str(copy), "--split", "1", report)
    assert code == 0 and f"report {report} split from event 1" in out


def test_errors_are_one_line_with_exit_2(db: Path, tmp_path: Path) -> None:
    for args in (
        ["events", "--db", str(tmp_path / "missing.db")],
        ["events", "--db", str(db), "--format", "xml"],
        ["events", "--db", str(db), "--since", "yesterday"],
        ["events", "--db", str(db), "--quad", "friendly"],
        ["dyad", "RUS", "SYR", "--db", str(db), "--by", "fortnight"],
        ["event", "999", "--db", str(db)],
        ["export", "--db", str(db), "--format", "xls", "--out", str(tmp_path / "x")],
        ["ingest", "--db", str(tmp_path / "new.db")],
    ):
        code, out = invoke(*args)
        assert code == 2, (args, out)
        assert out.strip().startswith("dyads: error:") and len(out.strip().splitlines()) == 1, out


def test_ingest_of_missing_inputs_exits_1_and_lists_them(tmp_path: Path) -> None:
    store = tmp_path / "new.db"
    code, out = invoke("ingest", str(tmp_path / "nothing-here.md"), "--db", str(store), "--quiet")
    assert code == 1 and "0 added" in out
    code, out = invoke("failures", "--db", str(store), "--format", "csv")
    assert "nothing-here.md" in out and "no such file or folder" in out


def test_the_cli_and_the_api_refuse_the_same_values(db: Path) -> None:
    for args, message in (
        (["events", "--type", "FOO"], "--type: unknown PLOVER type 'FOO'"),
        (["events", "--type", "AGREE,FOO"], "--type: unknown PLOVER type 'FOO'"),
        (["events", "-n", "-5"], "--limit: must not be negative"),
        (["events", "--offset", "-1"], "--offset: must not be negative"),
        (["events", "--since", "2021-13-01"], "--since: expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        (["events", "--quad", "friendly"], "--quad: expected 1-4"),
        (["events", "--actor", "Syrai"], "--actor: no party 'Syrai'; did you mean Syria"),
        (["actors", "--kind", "alien"], "--kind: expected one of person, country, organization, group"),
        (["quotes", "-n", "-1"], "--limit: must not be negative"),
        (["timeline", "Nowhereland"], "no party 'Nowhereland'"),
        (["dyad", "RUS", "SYR", "--until", "soon"], "--until: expected a date"),
        (["event", "9223372036854775808"], "EVENT_ID: expected a row id"),
        (["show", "99999999999999999999999"], "no article"),
        (["export", "--format", "parquet", "--out", "-"], "--out -: parquet is written to a folder"),
    ):
        code, out = invoke(*args, "--db", str(db))
        assert code == 2, (args, out)
        assert out.strip().startswith(f"dyads: error: {message}") or message in out, (args, out)
        assert len(out.strip().splitlines()) == 1, out


def test_parties_in_any_case_and_by_name(db: Path) -> None:
    _, by_code = invoke("events", "--party", "SYR", "--db", str(db), "--format", "json")
    for typed in ("syr", "Syria", "syrian"):
        _, out = invoke("events", "--party", typed, "--db", str(db), "--format", "json")
        assert json.loads(out) == json.loads(by_code) and len(json.loads(out)) == 2
    _, out = invoke("dyad", "tur", "syria", "--db", str(db), "--format", "json")
    assert [r["direction"] for r in json.loads(out)] == ["TUR→SYR"]


def test_dyad_and_compare_share_a_default_period(db: Path) -> None:
    _, dyad = invoke("dyad", "RUS", "SYR", "--db", str(db))
    _, compared = invoke("compare", "SYR", "--partners", "RUS", "--db", str(db))
    assert "by month" in dyad and "by month" in compared


def test_version_and_export_to_standard_output(db: Path) -> None:
    code, out = invoke("--version")
    assert code == 0 and out.startswith("dyads ")
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("GLOBALEVENTID,SQLDATE")
    assert len(result.stdout.splitlines()) == 4 and not Path("-").exists()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", "-"])
    assert json.loads(result.stdout.splitlines()[0])["schema"] == "dyads.analysis/1"


def test_serve_reports_a_busy_port_and_reads_dyads_db(db: Path, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "dyads", "serve", "--db", str(db), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2 and "serving" not in done.stderr
    assert (
        done.stderr.startswith(f"dyads: error: --port {port}: cannot listen") and done.stderr.count("\n") == 1
    )
    missing = tmp_path / "from-env.db"
    done = subprocess.run(
        [sys.executable, "-m", "dyads", "serve"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DYADS_DB": str(missing)},
    )
    assert done.returncode == 2 and str(missing) in done.stderr

"""Ingest against hostile file systems: odd names, unreadable paths, URL lists with other lines.

One bad input is reported and skipped; every other input of the run is stored.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_ingest import code_by_pattern

from dyads.read.names import printable_name
from dyads.run.ingest import IngestOptions, ingest
from dyads.store import open_store

GOOD = "RUS met SYR in Geneva on {day}. The delegations spoke for three hours about the ceasefire."


def write_report(folder: Path, name: str | bytes, day: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(GOOD.format(day=f"day {day}").encode("utf-8"))


def sources(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT source FROM articles"))


def failure_rows(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT source, problem FROM failures").fetchall())


def test_a_file_name_that_is_not_utf8_is_read_and_stored_under_a_printable_name(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write_report(folder, "a.txt", 1)
    write_report(folder, b"caf\xe9.txt", 2)  # Latin-1 on disk: not UTF-8
    write_report(folder, "line\nbreak\u202etxt.exe.txt", 3)
    write_report(folder, "c.txt", 4)
    report = ingest([str(folder)], tmp_path / "x.db", IngestOptions(analyzer=code_by_pattern))
    assert (report.added, report.failed) == (4, 0)
    names = [Path(s).name for s in sources(tmp_path / "x.db")]
    assert sorted(names) == ["a.txt", "c.txt", "caf\\xe9.txt", "line\\nbreak\\u202etxt.exe.txt"]


def test_printable_name_escapes_only_what_cannot_be_shown() -> None:
    assert printable_name("reports/Mali 2020 – été.html") == "reports/Mali 2020 – été.html"
    assert printable_name(os.fsdecode(b"caf\xe9\n\x1b[31m")) == "caf\\xe9\\n\\x1b[31m"
    assert printable_name("a\u2066b\u200fc") == "a\\u2066b\\u200fc"


def test_failure_lines_print_odd_names_escaped_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    for name in (b"empty\nline.txt", "rtl\u202etxt.exe.txt".encode(), b"bad\xff.txt"):
        open(os.path.join(os.fsencode(folder), name), "wb").close()  # empty: each one fails to read
    result = subprocess.run(
        [sys.executable, "-m", "dyads", "ingest", str(folder), "--db", str(tmp_path / "x.db"), "-q"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.decode("utf-8").splitlines()
    assert len(lines) == 3 and all(line.startswith("dyads: failed ") for line in lines), lines
    assert any("empty\\nline.txt: empty file" in line for line in lines)
    assert any("rtl\\u202etxt.exe.txt" in line for line in lines)
    assert any("bad\\xff.txt" in line for line in lines)
    assert "\u202e" not in result.stderr.decode("utf-8")
    assert len(failure_rows(tmp_path / "x.db")) == 3


@pytest.fixture
def as_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to run the ingest as another user")


FRENCH = (
    "Les ministres des affaires étrangères se sont réunis à Dakar pour discuter de la crise au Sahel. "
    "RUS attacked SYR selon le communiqué publié lundi soir par le ministère."
)


def test_an_article_not_in_english_is_stored_marked_and_listed_not_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write_report(folder, "en.txt", 1)
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "batch.jsonl").write_text(json.dumps({"id": "fr-rec", "text": FRENCH + " Encore."}) + "\n")
    db = tmp_path / "x.db"
    report = ingest([str(folder)], db, IngestOptions(analyzer=code_by_pattern))
    assert (report.added, report.failed) == (3, 0)
    assert sorted(Path(n.source).name for n in report.unanalysed) == ["batch.jsonl:1", "fr.txt"]
    assert {n.problem for n in report.unanalysed} == {"language fr: not analysed"}
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.source, a.language, (SELECT COUNT(*) FROM event_mentions m WHERE m.article_id = a.id)"
            " FROM articles a ORDER BY a.source"
        ).fetchall()
    by_name = {Path(source).name: (language, events) for source, language, events in rows}
    assert by_name == {"batch.jsonl:1": ("fr", 0), "en.txt": ("en", 1), "fr.txt": ("fr", 0)}
    failures = {Path(s).name: p for s, p in failure_rows(db).items()}
    assert failures == {"fr.txt": "language fr: not analysed", "batch.jsonl:1": "language fr: not analysed"}
    with open_store(db, readonly=True) as store:
        doc = store.get_analysis("fr-rec")
    assert doc is not None and doc["article"]["text"].startswith("Les ministres")
    assert "language fr: not analysed" in doc["article"]["warnings"]


def test_truncated_gzip_inputs_are_reported_not_stored(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write_report(folder, "en.txt", 1)
    page = "<html><body><article><p>" + GOOD.format(day="day 2") * 20 + "</p></article></body></html>"
    packed = gzip.compress(page.encode("utf-8"))
    for name in ("page.html.gz", "page.gz"):  # the second one's kind is sniffed from its content
        (folder / name).write_bytes(packed[: len(packed) // 2])
    db = tmp_path / "x.db"
    report = ingest([str(folder / "en.txt"), str(folder / "page.html.gz"), str(folder / "page.gz")], db,
                    IngestOptions(analyzer=code_by_pattern))  # fmt: skip
    assert (report.added, report.failed) == (1, 2)
    problems = {Path(s).name: p for s, p in failure_rows(db).items()}
    assert set(problems) == {"page.html.gz", "page.gz"}
    assert all("truncated" in p or "ended before" in p for p in problems.values()), problems

"""Ingest against hostile file systems: odd names, unreadable paths, URL lists with other lines.

One bad input is reported and skipped; every other input of the run is stored.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_ingest import code_by_pattern

from dyads.model import Options
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


def test_links_pipes_and_loops_in_a_folder_are_reported_and_the_rest_stored(tmp_path: Path) -> None:
    """What fails to read even for root: a broken link, a named pipe, a link back up the tree."""
    folder = tmp_path / "d"
    write_report(folder, "a.txt", 1)
    write_report(folder / "sub", "b.txt", 2)
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub" / "up").symlink_to(folder)  # walked once, not for ever
    (tmp_path / "dangling.html").symlink_to(tmp_path / "nowhere.html")
    db = tmp_path / "x.db"
    report = ingest(
        [str(folder), str(tmp_path / "dangling.html")], db, IngestOptions(analyzer=code_by_pattern)
    )
    assert (report.added, report.failed) == (2, 3)
    problems = {Path(s).name: p for s, p in failure_rows(db).items()}
    assert problems == {
        "gone.txt": "broken symbolic link (its target does not exist)",
        "pipe.txt": "not a regular file",
        "dangling.html": "broken symbolic link (its target does not exist)",
    }


UNPRIVILEGED = 65534  # nobody
# Permission bits do not bind root, and this interpreter lives where an unprivileged user cannot
# run it; so the child starts as us, imports what the run needs, then (as root) becomes nobody.
DROP_PRIVILEGES = f"""
import importlib.readers, os, sys
from dyads.cli.app import main
from dyads.model import Analysis
from dyads.read.language import detect_language
from dyads.run.ingest import IngestOptions, ingest
detect_language("Officials from Mali and Niger met in Bamako on Monday to discuss the talks.")
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid({UNPRIVILEGED})
    os.setuid({UNPRIVILEGED})
"""
INGEST_WITHOUT_MODEL = (
    DROP_PRIVILEGES
    + "r = ingest(sys.argv[1:-1], sys.argv[-1], IngestOptions(analyzer=lambda arts, _o: [Analysis(a) for a in arts]))\n"
    + "print(r.added, r.failed)\n"
)
# The command runs once first, as us, on an input that is not there: so every module it loads is
# loaded before the interpreter's own files become unreadable.
CLI = (
    "import sys\nfrom dyads.cli.app import main\nargs = sys.argv[1:]\n"
    "sys.argv = ['dyads', 'ingest', '/nonexistent/warm-up.txt', '--db', args[-1] + '.warm', '-q']\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    + DROP_PRIVILEGES
    + "sys.argv = ['dyads', 'ingest', *args[:-1], '--db', args[-1], '-q']\nmain()\n"
)


def run_unprivileged(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder the unprivileged user can enter (pytest's own tmp folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="dyads-perm-"))
    folder.chmod(0o777)
    yield folder
    for root, dirs, _ in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(folder)


def test_unreadable_folders_and_files_are_reported_and_the_rest_stored(shared_tmp: Path) -> None:
    folder = shared_tmp / "d"
    write_report(folder, "a.txt", 1)
    write_report(folder / "locked", "hidden.txt", 2)
    write_report(folder / "z", "c.txt", 3)
    write_report(shared_tmp / "closed", "inner.txt", 4)
    (folder / "unreadable.txt").write_text("Some words that nobody may read here.", encoding="utf-8")
    (folder / "unreadable.txt").chmod(0o000)
    (folder / "locked").chmod(0o000)
    (shared_tmp / "closed").chmod(0o000)
    (shared_tmp / "db").mkdir(mode=0o777)
    (shared_tmp / "db").chmod(0o777)
    db = shared_tmp / "db" / "x.db"
    targets = [str(folder), str(shared_tmp / "closed" / "inner.txt"), str(shared_tmp / "closed")]
    result = run_unprivileged(INGEST_WITHOUT_MODEL, *targets, str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "4"]
    assert sorted(Path(s).name for s in sources(db)) == ["a.txt", "c.txt"]
    problems = failure_rows(db)
    assert set(problems) == {
        str(folder / "locked"),
        str(folder / "unreadable.txt"),
        str(shared_tmp / "closed" / "inner.txt"),
        str(shared_tmp / "closed"),
    }
    assert all("Permission denied" in p for p in problems.values()), problems


def test_an_unreadable_folder_given_alone_is_reported_with_exit_1(shared_tmp: Path) -> None:
    (shared_tmp / "closed").mkdir(mode=0o000)
    (shared_tmp / "db").mkdir(mode=0o777)
    (shared_tmp / "db").chmod(0o777)
    db = shared_tmp / "db" / "x.db"
    result = run_unprivileged(CLI, str(shared_tmp / "closed"), str(db))
    assert result.returncode == 1, result.stderr
    assert (
        f"dyads: failed {shared_tmp / 'closed'}: cannot list this folder (Permission denied)" in result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.fixture
def web_page(tmp_path: Path) -> Iterator[str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "report.txt").write_text(GOOD.format(day="day 9"), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/report.txt"
    server.shutdown()
    server.server_close()


def test_lines_of_a_url_list_that_are_not_web_urls_are_reported_never_read(
    tmp_path: Path, web_page: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("RUS met SYR in a private note that must never be ingested from a URL list.")
    listing = tmp_path / "urls.txt"
    lines = [
        "# sources",
        str(secret),
        "secret.txt",
        f"file://{secret}",
        "",
        "ftp://example.org/a.txt",
        web_page,
    ]
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    options = IngestOptions(
        urls=(str(listing),), analyzer=code_by_pattern, options=Options(allow_private=True)
    )
    report = ingest([], db, options)
    assert (report.added, report.failed) == (1, 4)
    assert sources(db) == [web_page]
    assert sorted(failure_rows(db)) == [f"{listing}:{n}" for n in (2, 3, 4, 6)]
    assert all(p.startswith("not an http(s) URL: ") for p in failure_rows(db).values())

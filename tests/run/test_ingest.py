"""Ingest mechanics with a stand-in analyser: discovery, idempotency, failures, worker processes."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyads.contract import analysis_to_json
from dyads.model import Actor, Analysis, Article, Event, Options
from dyads.read import read_path
from dyads.run.batch import Failure, WorkItem
from dyads.run.discover import discover, estimate_total
from dyads.run.ingest import IngestOptions, ingest
from dyads.store import open_store

_CLAUSE = re.compile(r"\b([A-Z]{3}) (attacked|met|aided|accused) ([A-Z]{3})\b[^.]*\.")
_TYPES = {"attacked": "ASSAULT", "met": "CONSULT", "aided": "AID", "accused": "ACCUSE"}


def code_by_pattern(articles: Iterable[Article], options: Options) -> Iterable[Analysis]:
    """A deterministic stand-in for the language pipeline: "RUS attacked SYR." → an ASSAULT event."""
    for article in articles:
        if "EXPLODE" in article.text:
            raise RuntimeError("analyser broke on this article")
        actors: dict[str, Actor] = {}
        events = []
        for number, match in enumerate(_CLAUSE.finditer(article.text), start=1):
            ids = []
            for group in (1, 3):
                code = match[group]
                if code not in actors:
                    actors[code] = Actor(id=f"a{len(actors) + 1}", name=code, kind="country", country=code)
                ids.append(actors[code].id)
            events.append(
                Event(
                    id=f"e{number}",
                    type=_TYPES[match[2]],
                    trigger=match.span(2),
                    sentence=match.span(0),
                    actor=(ids[0],),
                    recipient=(ids[1],),
                    score=-9.0 if match[2] == "attacked" else 3.0,
                )
            )
        yield Analysis(article=article, actors=tuple(actors.values()), events=tuple(events))


def write_corpus(folder: Path, count: int = 12) -> Path:
    """Markdown and text files, a gzipped HTML page, a JSONL batch (one bad line), junk to ignore."""
    folder.mkdir(parents=True, exist_ok=True)
    pairs = [("RUS", "SYR"), ("TUR", "SYR"), ("USA", "TUR"), ("RUS", "TUR")]
    for i in range(count):
        a, b = pairs[i % len(pairs)]
        verb = ["attacked", "met", "aided", "accused"][i % 4]
        suffix = ".md" if i % 2 else ".txt"
        (folder / f"report-{i:03d}{suffix}").write_text(
            f"Report {i}\n\n{a} {verb} {b} near the border on day {i}. Officials gave no figures.\n",
            encoding="utf-8",
        )
    html = "<html><head><title>Strike</title></head><body><article><p>" + "RUS attacked SYR again. " * 3
    html += "Witnesses described heavy damage across the old town that night.</p></article></body></html>"
    (folder / "page.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    lines = [
        json.dumps(
            {"id": f"j{i}", "text": f"USA met TUR in Ankara, round {i}.", "published": f"2019-03-{i + 1:02d}"}
        )
        for i in range(5)
    ]
    lines.insert(2, "{not json")
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".hidden.md").write_text("RUS met SYR.", encoding="utf-8")
    return folder


def test_discover_walks_folders_globs_and_containers(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", count=4)
    items = list(discover([str(corpus), str(tmp_path / "c" / "report-00*.md"), str(tmp_path / "nope")]))
    paths = [i.source for i in items if isinstance(i, WorkItem) and i.kind == "path"]
    assert [Path(p).name for p in paths] == [
        "page.html.gz", "report-000.txt", "report-001.md", "report-002.txt", "report-003.md", "report-001.md",
        "report-003.md",
    ]  # fmt: skip
    records = [i for i in items if isinstance(i, WorkItem) and i.kind == "article"]
    assert [r.article.id for r in records if r.article] == ["j0", "j1", "j2", "j3", "j4"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(Path(f.source).name, f.problem.split(" (")[0]) for f in failures] == [
        ("batch.jsonl:3", "invalid JSON"),
        ("nope", "no such file or folder"),
    ]
    assert estimate_total([str(corpus)]) == 4 + 1 + 6


def test_ingest_is_idempotent_and_records_failures(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "broken.md").write_text("EXPLODE RUS attacked SYR.", encoding="utf-8")
    db = tmp_path / "c.db"
    first = ingest([str(corpus)], db, IngestOptions(analyzer=code_by_pattern, batch_size=4))
    assert (first.added, first.skipped) == (12 + 1 + 5, 0)
    assert {Path(f.source).name: f.stage for f in first.failures} == {
        "batch.jsonl:3": "read", "empty.txt": "read", "broken.md": "analyze",
    }  # fmt: skip
    with open_store(db) as store:
        counts = store.counts()
        assert counts["articles"] == 18 and counts["failures"] == 3
        assert store.scalar("SELECT COUNT(*) FROM event_mentions") == 12 + 3 + 5
    again = ingest([str(corpus)], db, IngestOptions(analyzer=code_by_pattern, batch_size=4))
    assert (again.added, again.skipped, again.failed) == (0, 18, 3)
    with open_store(db) as store:
        assert store.counts() == counts
    forced = ingest([str(corpus / "report-001.md")], db, IngestOptions(analyzer=code_by_pattern, force=True))
    assert (forced.replaced, forced.added) == (1, 0)
    (corpus / "broken.md").write_text("RUS attacked SYR once more.", encoding="utf-8")
    fixed = ingest([str(corpus / "broken.md")], db, IngestOptions(analyzer=code_by_pattern))
    assert fixed.added == 1
    with open_store(db) as store:
        assert {Path(f["source"]).name for f in store.failures()} == {"batch.jsonl:3", "empty.txt"}


def test_limit_and_progress(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c")
    seen: list[int] = []
    report = ingest(
        [str(corpus)],
        tmp_path / "c.db",
        IngestOptions(analyzer=code_by_pattern, limit=5, batch_size=2),
        progress=lambda r: seen.append(r.done),
    )
    assert report.done == 5 and report.total == 5 and seen[-1] == 5 and seen == sorted(seen)
    assert report.articles_per_minute > 0


def test_worker_processes_store_the_same_as_one_process(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c")
    ingest([str(corpus)], tmp_path / "one.db", IngestOptions(analyzer=code_by_pattern, batch_size=3))
    report = ingest(
        [str(corpus)], tmp_path / "two.db", IngestOptions(analyzer=code_by_pattern, batch_size=3, workers=2)
    )
    assert report.added == 18
    query = "SELECT doc_id, content_hash, source FROM articles ORDER BY id"
    with open_store(tmp_path / "one.db") as one, open_store(tmp_path / "two.db") as two:
        assert one.rows(query) == two.rows(query)
        assert one.rows("SELECT * FROM events ORDER BY id") == two.rows("SELECT * FROM events ORDER BY id")


def test_url_lists_are_read_by_workers(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# sources\nhttp://127.0.0.1:9/none\n\n", encoding="utf-8")
    report = ingest([], tmp_path / "u.db", IngestOptions(urls=(str(listing),), analyzer=code_by_pattern))
    assert report.failed == 1 and report.failures[0].source == "http://127.0.0.1:9/none"
    missing = ingest(
        [], tmp_path / "u.db", IngestOptions(urls=(str(tmp_path / "no-list.txt"),), analyzer=code_by_pattern)
    )
    assert missing.failures[0].problem.startswith("cannot read the URL list")


def test_feeds_and_warc_archives_are_streamed_into_articles(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Report {i}</title><link>https://example.org/{i}</link>"
        f"<pubDate>Tue, 0{i + 1} Jan 2019 10:00:00 GMT</pubDate>"
        f"<description>RUS met TUR in Sochi, round {i}. Both sides praised the talks at length.</description></item>"
        for i in range(3)
    )
    feed = tmp_path / "news.rss"
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
    )
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(2):
        body = (
            f"<html><head><title>Page {i}</title></head><body><article><p>USA aided TUR with supplies, batch {i}."
            " The shipment crossed the border overnight and reached the camps by morning.</p></article></body></html>"
        ).encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/page{i}", "response", payload=BytesIO(body), http_headers=headers
            )
        )
    (tmp_path / "crawl.warc.gz").write_bytes(buffer.getvalue())
    report = ingest(
        [str(feed), str(tmp_path / "crawl.warc.gz")],
        tmp_path / "c.db",
        IngestOptions(analyzer=code_by_pattern),
    )
    assert (report.added, report.failed) == (5, 0), report.failures
    with open_store(tmp_path / "c.db") as store:
        rows = store.rows("SELECT url, outlet, published, source FROM articles ORDER BY id")
        assert rows[0]["url"] == "https://example.org/0" and rows[0]["outlet"] == "Wire"
        assert rows[0]["published"] == "2019-01-01" and rows[0]["source"].endswith("news.rss#1")
        assert rows[3]["url"] == "https://example.org/page0"
        assert store.scalar("SELECT COUNT(*) FROM event_mentions WHERE type = 'AID'") == 2


def test_real_pipeline_round_trip_on_bundled_examples(tmp_path: Path) -> None:
    """With the language pipeline: what the store renders is exactly what `dyads analyze` emits."""
    # Imported here: the language pipeline loads spaCy, which the crash trials' subprocesses, that
    # import this module for its stand-in analyser, should not pay for.
    from dyads.nlp.analyze import analyze_article

    examples = sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.md"))[:3]
    if len(examples) < 3:
        pytest.skip("bundled examples not present")
    report = ingest([str(p) for p in examples], tmp_path / "c.db")
    assert (report.added, report.failed) == (3, 0)
    with open_store(tmp_path / "c.db") as store:
        for number, path in enumerate(examples, start=1):
            assert store.get_analysis(number) == analysis_to_json(analyze_article(read_path(str(path))))
        stored = [store.get_analysis(n) for n in (1, 2, 3)]
        assert store.scalar("SELECT COUNT(*) FROM event_mentions") == sum(
            len(a["events"]) for a in stored if a is not None
        )


def test_a_store_made_anew_at_the_same_path_is_not_taken_for_the_old_one(tmp_path: Path) -> None:
    # The skip check keeps a read-only connection during a run; a later run into a new file at
    # the same path must see the new file, not the deleted one.
    source = tmp_path / "a.txt"
    source.write_text("Chad expelled the French ambassador on Monday.", encoding="utf-8")
    db = tmp_path / "store.db"
    assert ingest([str(source)], db).added == 1
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert ingest([str(source)], db).added == 1

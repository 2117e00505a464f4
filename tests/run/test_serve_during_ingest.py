"""`dyads serve` answers API requests while an ingest writes to the same store: no errors, no
"database is locked", and readers only ever see whole articles. Traffic stays on loopback and is
bounded in count and time."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from test_ingest import write_corpus
from test_ingest_crash import run, stored

from web_support import Server

MAX_REQUESTS = 1500
MAX_SECONDS = 90.0


def test_reads_during_ingest_see_whole_articles(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", count=30)
    db = tmp_path / "live.db"
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "first.md").write_text("First\n\nRUS met SYR in Sochi.\n", encoding="utf-8")
    proc = run(db, seed, 1)
    assert proc.wait(timeout=120) == 0

    server = Server(db)
    problems: list[str] = []
    served = 0
    lock = threading.Lock()
    writer = run(db, corpus, 1)
    deadline = time.monotonic() + MAX_SECONDS

    def reader() -> None:
        nonlocal served
        with httpx.Client(base_url=server.url + "/api/v1", timeout=30) as client:
            while writer.poll() is None and time.monotonic() < deadline:
                with lock:
                    if served >= MAX_REQUESTS:
                        return
                    served += 3
                page = client.get("/articles", params={"limit": 100})
                events = client.get("/events", params={"limit": 20})
                for response in (page, events):
                    if response.status_code != 200 or "database is locked" in response.text:  # not "blocked"
                        problems.append(f"{response.url}: {response.status_code} {response.text[:200]}")
                if page.status_code != 200:
                    continue
                items = page.json()["items"]
                if not items:
                    continue
                newest = items[0]
                doc = client.get(f"/articles/{newest['id']}/analysis")
                if doc.status_code != 200:
                    problems.append(f"analysis {newest['id']}: {doc.status_code} {doc.text[:200]}")
                elif len(doc.json()["events"]) != newest["n_events"]:
                    problems.append(f"article {newest['id']} seen half-written")

    threads = [threading.Thread(target=reader) for _ in range(3)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=MAX_SECONDS + 30)
        assert writer.wait(timeout=120) == 0
    finally:
        server.stop()
    print(f"served {served} API requests during the ingest; {len(problems)} errors")
    assert problems == []
    assert served >= 30, f"only {served} requests served during the ingest"
    assert stored(db) == 37

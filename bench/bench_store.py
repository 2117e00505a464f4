"""Query latency on a large store: dyad series and timelines over synthetic events.

The store is filled in bulk straight through SQL (one transaction, no analysis, no dedup) with
events between parties whose frequency follows a Zipf-like law, the way a few countries dominate
news coverage. Party codes are generated ("AAA", "AAB", …), not real countries.
"""

from __future__ import annotations

import itertools
import random
import statistics
import string
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dyads.analytics import EventFilter, compare, dyad_series, find_events, timeline
from dyads.store import Store, open_store
from dyads.store.ontology import quad_class

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
         "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip
SECTORS = [None, "GOV", "MIL", "REB", "CVL"]


def party_codes(count: int) -> list[str]:
    letters = string.ascii_uppercase
    return ["".join(p) for p in itertools.islice(itertools.product(letters, repeat=3), count)]


def bulk_fill(path: Path, events: int, parties: int = 80, seed: int = 7) -> float:
    """Fill a fresh store with ``events`` events (one mention each, ten per article); returns seconds."""
    rng = random.Random(seed)
    codes = party_codes(parties)
    weights = [1 / (rank + 1) for rank in range(parties)]
    start_day = date(2015, 1, 1)
    started = time.perf_counter()
    store = open_store(path)
    conn = store.conn
    # A throwaway store: no rollback journal while filling, WAL again afterwards.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    n_articles = max(1, events // 10)
    conn.executemany(
        "INSERT INTO articles (id, doc_id, content_hash, source, published, outlet, n_chars, analysis_json,"
        " analyzed_at) VALUES (?, ?, ?, ?, ?, ?, 0, '{}', '2026-01-01T00:00:00')",
        (
            (i, f"doc{i}", f"hash{i}", f"synthetic:{i}", (start_day + timedelta(days=i % 3000)).isoformat(),
             f"outlet{i % 40}")
            for i in range(1, n_articles + 1)
        ),
    )  # fmt: skip
    batch_events: list[tuple[Any, ...]] = []
    batch_parties: list[tuple[Any, ...]] = []
    batch_mentions: list[tuple[Any, ...]] = []

    def flush() -> None:
        conn.executemany(
            "INSERT INTO events (id, type, quad, date, date_lo, date_hi, score, actor1_name, actor1_country,"
            " actor2_name, actor2_country, n_mentions, n_articles, n_sources) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1)",
            batch_events,
        )
        conn.executemany(
            "INSERT INTO event_actors (event_id, role, key, name, country, sector) VALUES (?, ?, ?, ?, ?, ?)",
            batch_parties,
        )
        conn.executemany(
            "INSERT INTO event_mentions (id, event_id, article_id, local_id, type, score, date, date_basis,"
            " date_lo, date_hi, confidence, trigger_start, trigger_end, trigger_text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'event', ?, ?, 0.5, 0, 0, '')",
            batch_mentions,
        )
        batch_events.clear()
        batch_parties.clear()
        batch_mentions.clear()

    for event_id in range(1, events + 1):
        source, target = rng.choices(codes, weights, k=2)
        if source == target:
            target = codes[(codes.index(source) + 1) % parties]
        kind = rng.choice(TYPES)
        day = (start_day + timedelta(days=rng.randrange(3000))).isoformat()
        score = round(rng.uniform(-10, 10), 1)
        batch_events.append(
            (event_id, kind, quad_class(kind), day, day, day, score, source, source, target, target)
        )
        batch_parties.append((event_id, "actor", f"c:{source}", source, source, rng.choice(SECTORS)))
        batch_parties.append((event_id, "recipient", f"c:{target}", target, target, rng.choice(SECTORS)))
        article = (event_id - 1) // 10 + 1
        batch_mentions.append((event_id, event_id, article, f"e{event_id}", kind, score, day, day, day))
        if len(batch_events) >= 50_000:
            flush()
    flush()
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    store.close()
    return time.perf_counter() - started


def latency(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Median and 95th percentile wall time, and median CPU time of this process, in milliseconds.

    On a shared machine the wall time includes waiting for a core; the CPU time does not.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    walls.sort()
    p95 = walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
    return statistics.median(walls), p95, statistics.median(cpus)


def run(workdir: Path, events: int, repeat: int = 20, reuse: bool = False) -> list[dict[str, Any]]:
    path = workdir / f"bench-{events}.db"
    rows: list[dict[str, Any]] = []
    if reuse and path.exists():
        rows.append({"benchmark": f"reused store of {events:,} events", "value": str(path), "note": ""})
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        cpu = time.process_time()
        fill_seconds = bulk_fill(path, events)
        fill_cpu = time.process_time() - cpu
        rows.append(
            {"benchmark": f"bulk fill {events:,} events", "value": f"{fill_seconds:.1f} s",
             "note": f"{events / fill_seconds:,.0f} events/s; CPU {fill_cpu:.1f} s"}
        )  # fmt: skip
    codes = party_codes(80)
    store: Store = open_store(path, readonly=True)
    pairs = [(codes[0], codes[1]), (codes[2], codes[5]), (codes[10], codes[30])]
    queries: list[tuple[str, Callable[[], object]]] = []
    for a, b in pairs:
        queries.append((f"dyad {a} {b} --by month", lambda a=a, b=b: dyad_series(store, a, b, "month")))  # type: ignore[misc]
    for a in (codes[0], codes[10]):
        queries.append((f"timeline {a}", lambda a=a: timeline(store, a, 25)))  # type: ignore[misc]
    queries.append(
        (f"compare {codes[0]} --partners {codes[1]},{codes[2]} --by quarter",
         lambda: compare(store, codes[0], [codes[1], codes[2]], "quarter")),
    )  # fmt: skip
    queries.append(
        (f"events --actor {codes[3]} --type ASSAULT --since 2018 (page 1)",
         lambda: find_events(store, EventFilter(actor=codes[3], types=("ASSAULT",), since="2018"), limit=50)),
    )  # fmt: skip
    for label, fn in queries:
        median, p95, cpu = latency(fn, repeat)
        rows.append(
            {
                "benchmark": label,
                "value": f"{median:.1f} ms median",
                "note": f"p95 {p95:.1f} ms; CPU {cpu:.1f} ms",
            }
        )
    store.close()
    return rows

"""Query latency on a large store: dyad series and timelines over synthetic events.

The store is filled in bulk straight through SQL (one transaction, no analysis, no dedup) with
events between parties whose frequency follows a Zipf-like law, the way a few countries dominate
news coverage. Party codes are generated ("AAA", "AAB", …), not real countries.
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
import statistics
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyads.query import EventFilter, compare, dyad_series, find_events, timeline
from dyads.store import Store, derived_tables, open_store
from dyads.store.ontology import quad_class

TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
         "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip
SECTORS = [None, "GOV", "MIL", "REB", "CVL"]


def party_codes(count: int) -> list[str]:
    letters = string.ascii_uppercase
    return ["".join(p) for p in itertools.islice(itertools.product(letters, repeat=3), count)]


# Pseudo-random draws computed inside SQLite, so that filling never round-trips through Python:
# a quadratic hash of the row number modulo the prime 2**31 - 1, one salt per draw.
_PRIME = 2_147_483_647
_SLOTS = 100_000  # party draws: a slot table where each party fills slots in proportion to its weight


def _draw(salt: int, column: str = "i") -> str:
    return f"((({column} * {column}) % {_PRIME}) * {48271 + 7919 * salt} + {column} * {16807 + 104729 * salt} + {salt * 2_654_435}) % {_PRIME}"


def _take_off_indexes_and_triggers(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Drop every index and trigger (kept for later, in creation order): a bulk load then writes
    plain tables, and the indexes are built afterwards by sorting, much faster than row by row."""
    saved = conn.execute(
        "SELECT type, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
        " ORDER BY rowid"
    ).fetchall()
    for kind, _table, sql in saved:
        name = conn.execute("SELECT name FROM sqlite_master WHERE sql = ?", (sql,)).fetchone()[0]
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return saved


def bulk_fill(
    path: Path, events: int, parties: int = 80, seed: int = 7, log: Callable[[str], None] | None = None
) -> float:
    """Fill a fresh store with ``events`` events (one mention each, ten per article); returns seconds.

    Parties follow a Zipf-like law (party k is drawn with weight 1/(k+1)); types, days (over 3000
    days from 2015), scores, sectors and confidences (0 to 0.999, the worst case for the rollups'
    confidence bands: every band as likely) are uniform. The derived tables (dyads, rollups, party
    ranking) are then filled by :func:`dyads.store.derived_tables.rebuild`, the statements the migrations
    use, and the indexes and triggers put back.
    """
    started = time.perf_counter()
    say = log or (lambda _message: None)
    store = open_store(path)
    conn = store.conn
    # A throwaway store: no rollback journal while filling, WAL again afterwards.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    conn.execute("PRAGMA threads = 2")  # sorting for indexes and rollups may use a second core
    conn.execute("PRAGMA foreign_keys = OFF")
    saved = _take_off_indexes_and_triggers(conn)
    conn.execute("BEGIN")
    codes = party_codes(parties)
    weights = [1 / (rank + 1) for rank in range(parties)]
    bounds = list(itertools.accumulate(w / sum(weights) * _SLOTS for w in weights))
    conn.execute("CREATE TEMP TABLE fill_slot (slot INTEGER PRIMARY KEY, rank INTEGER NOT NULL)")
    conn.executemany(
        "INSERT INTO fill_slot VALUES (?, ?)",
        ((slot, min(bisect.bisect_right(bounds, slot), parties - 1)) for slot in range(_SLOTS)),
    )
    conn.execute("CREATE TEMP TABLE fill_party (rank INTEGER PRIMARY KEY, code TEXT NOT NULL)")
    conn.executemany("INSERT INTO fill_party VALUES (?, ?)", enumerate(codes))
    conn.execute(
        "CREATE TEMP TABLE fill_type (i INTEGER PRIMARY KEY, type TEXT NOT NULL, quad INTEGER NOT NULL)"
    )
    conn.executemany(
        "INSERT INTO fill_type VALUES (?, ?, ?)", ((i, t, quad_class(t)) for i, t in enumerate(TYPES))
    )
    conn.execute("CREATE TEMP TABLE fill_sector (i INTEGER PRIMARY KEY, sector TEXT)")
    conn.executemany("INSERT INTO fill_sector VALUES (?, ?)", enumerate(SECTORS))
    n_articles = max(1, events // 10)
    conn.execute(
        "INSERT INTO articles (id, doc_id, content_hash, source, published, outlet, n_chars, analysis_json,"
        " analyzed_at) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
        " SELECT i, 'doc' || i, 'hash' || i, 'synthetic:' || i, date('2015-01-01', '+' || (i % 3000) || ' days'),"
        " 'outlet' || (i % 40), 0, '{}', '2026-01-01T00:00:00' FROM n",
        (n_articles,),
    )
    say("articles")
    conn.execute(
        "INSERT INTO events (id, type, quad, date, date_lo, date_hi, score, actor1_name, actor1_country,"
        " actor2_name, actor2_country, n_mentions, n_articles, n_sources, confidence)"
        " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),"
        " draw AS (SELECT i,"
        f" (SELECT rank FROM fill_slot WHERE slot = {_draw(seed)} % {_SLOTS}) AS s,"
        f" (SELECT rank FROM fill_slot WHERE slot = {_draw(seed + 1)} % {_SLOTS}) AS t,"
        f" {_draw(seed + 2)} % {len(TYPES)} AS k,"
        f" date('2015-01-01', '+' || ({_draw(seed + 3)} % 3000) || ' days') AS day,"
        f" round(({_draw(seed + 4)} % 201 - 100) / 10.0, 1) AS score,"
        f" ({_draw(seed + 7)} % 1000) / 1000.0 AS confidence FROM n),"
        f" pair AS (SELECT i, s, CASE WHEN t = s THEN (s + 1) % {parties} ELSE t END AS t, k, day, score,"
        " confidence FROM draw)"
        " SELECT pair.i, ty.type, ty.quad, day, day, day, score, a.code, a.code, b.code, b.code, 1, 1, 1,"
        " confidence"
        " FROM pair JOIN fill_type ty ON ty.i = pair.k JOIN fill_party a ON a.rank = pair.s"
        " JOIN fill_party b ON b.rank = pair.t",
        (events,),
    )
    say("events")
    conn.execute(
        "INSERT INTO event_actors (event_id, role, key, name, country, sector)"
        " SELECT e.id, 'actor', 'c:' || e.actor1_country, e.actor1_country, e.actor1_country,"
        f" (SELECT sector FROM fill_sector WHERE i = {_draw(seed + 5, 'e.id')} % {len(SECTORS)}) FROM events e"
        " UNION ALL"
        " SELECT e.id, 'recipient', 'c:' || e.actor2_country, e.actor2_country, e.actor2_country,"
        f" (SELECT sector FROM fill_sector WHERE i = {_draw(seed + 6, 'e.id')} % {len(SECTORS)}) FROM events e"
    )
    say("event_actors")
    conn.execute(
        "INSERT INTO event_mentions (id, event_id, article_id, local_id, type, score, date, date_basis, date_lo,"
        " date_hi, confidence, trigger_start, trigger_end, trigger_text)"
        " SELECT id, id, (id - 1) / 10 + 1, 'e' || id, type, score, date, 'event', date, date, confidence, 0, 0,"
        " '' FROM events"
    )
    say("event_mentions")
    derived = set(derived_tables.DERIVED)
    for kind, table, sql in saved:
        if kind == "index" and table not in derived:
            conn.execute(sql)
    say("indexes")
    derived_tables.rebuild(conn)
    say("derived tables")
    for kind, table, sql in saved:
        if kind == "index" and table in derived:
            conn.execute(sql)
    for kind, _table, sql in saved:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA analysis_limit = 1000")  # statistics from a sample of each index
    conn.execute("ANALYZE")
    say("analyze")
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


def listing_queries(store: Store, codes: list[str]) -> list[tuple[str, Callable[[], object]]]:
    """The event listings people page through (CLI ``dyads events``, ``/api/v1/events``, the
    dashboard's events page): page 1 of 50 rows, by party, type, dates and combinations."""
    a, b, c, k, z = codes[0], codes[1], codes[3], codes[10], codes[-1]
    filters = [
        (f"--actor {c} --type ASSAULT --since 2018", EventFilter(actor=c, types=("ASSAULT",), since="2018")),
        (f"--actor {a}", EventFilter(actor=a)),
        (f"--recipient {k}", EventFilter(recipient=k)),
        (f"--party {c} --quad 4 --since 2020", EventFilter(party=c, quad=4, since="2020")),
        (f"--actor {a} --recipient {b} --since 2019", EventFilter(actor=a, recipient=b, since="2019")),
        (f"--actor {a} --recipient {z}", EventFilter(actor=a, recipient=z)),  # a common and a rare party
        (f"--actor {k}:MIL --until 2016", EventFilter(actor=f"{k}:MIL", until="2016")),
        ("--type PROTEST", EventFilter(types=("PROTEST",))),
        ("--since 2019-03 --until 2019-04", EventFilter(since="2019-03", until="2019-04")),
        ("(no filter)", EventFilter()),
        (f"--actor {a} --min-confidence 0.5", EventFilter(actor=a, min_confidence=0.5)),
        ("--type PROTEST --min-confidence 0.9", EventFilter(types=("PROTEST",), min_confidence=0.9)),
    ]
    found: list[tuple[str, Callable[[], object]]] = [
        (f"events {label} (page 1)", lambda f=flt: find_events(store, f, limit=50))  # type: ignore[misc]
        for label, flt in filters
    ]
    found.append(
        (
            f"events --actor {a} (page 21)",
            lambda: find_events(store, EventFilter(actor=a), limit=50, offset=1000),
        )
    )
    return found


def run(workdir: Path, events: int, repeat: int = 20, reuse: bool = False) -> list[dict[str, Any]]:
    path = workdir / f"bench-{events}.db"
    rows: list[dict[str, Any]] = []
    if reuse and path.exists():
        rows.append({"benchmark": f"reused store of {events:,} events", "value": str(path), "note": ""})
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        cpu = time.process_time()
        begun = time.perf_counter()

        def progress(step: str) -> None:
            print(
                f"  fill {events:,}: {step} after {time.perf_counter() - begun:.0f} s",
                file=sys.stderr,
                flush=True,
            )

        fill_seconds = bulk_fill(path, events, log=progress)
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
    # The same at other thresholds: every event (every band), a band edge, and a threshold between
    # bands (read from the events themselves).
    a, b = codes[0], codes[1]
    for least in (0.0, 0.5, 0.33):
        flt = EventFilter(min_confidence=least)
        queries.append(
            (f"dyad {a} {b} --by month --min-confidence {least:g}",
             lambda flt=flt: dyad_series(store, a, b, "month", flt=flt)),  # type: ignore[misc]
        )  # fmt: skip
    for least in (0.0, 0.33):
        flt = EventFilter(min_confidence=least)
        queries.append(
            (f"compare {a} --partners {b},{codes[2]} --by quarter --min-confidence {least:g}",
             lambda flt=flt: compare(store, a, [b, codes[2]], "quarter", flt=flt)),  # type: ignore[misc]
        )  # fmt: skip
    queries.append(
        (
            f"timeline {a} --min-confidence 0.9",
            lambda: timeline(store, a, 25, EventFilter(min_confidence=0.9)),
        )
    )
    queries += listing_queries(store, codes)
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

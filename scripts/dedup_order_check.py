"""Check that the events of a store do not depend on how it was filled.

Ingests one JSONL corpus several ways — in its own order, in shuffled orders, with one and two worker
processes, on Dask — each into a fresh store, and compares the events (ids aside: each event as its
type, dates, place, parties and the reports it holds, named by article content hash and local id).
Prints one line per run and exits 1 if any run differs from the first.

Usage: python scripts/dedup_order_check.py CORPUS.jsonl [--orders 3] [--no-dask] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

EventSig = tuple[object, ...]


def events_of(db: Path) -> set[EventSig]:
    conn = sqlite3.connect(db)
    try:
        reports: dict[int, list[str]] = {}
        for event_id, ref in conn.execute(
            "SELECT m.event_id, a.content_hash || ':' || m.local_id FROM event_mentions m"
            " JOIN articles a ON a.id = m.article_id"
        ):
            reports.setdefault(event_id, []).append(ref)
        parties: dict[int, list[tuple[str, str]]] = {}
        for event_id, role, key in conn.execute("SELECT event_id, role, key FROM event_actors"):
            parties.setdefault(event_id, []).append((role, key))
        return {
            (
                kind,
                lo,
                hi,
                place,
                round(score, 6),
                tuple(sorted(reports[i])),
                tuple(sorted(parties.get(i, []))),
            )
            for i, kind, lo, hi, place, score in conn.execute(
                "SELECT id, type, date_lo, date_hi, place_name, score FROM events"
            )
        }
    finally:
        conn.close()


def ingest(corpus: Path, db: Path, *extra: str) -> None:
    command = [sys.executable, "-m", "dyads", "ingest", str(corpus), "--db", str(db), "--quiet", *extra]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--orders", type=int, default=3, help="shuffled orders to try")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument("--keep", type=Path, help="keep the stores in this folder")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"dedup_order_check: {args.corpus}: no such file", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="dedup-order-"))
    work.mkdir(parents=True, exist_ok=True)
    lines = args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    runs: list[tuple[str, Path, tuple[str, ...]]] = [("given order, --workers 1", args.corpus, ())]
    for seed in range(1, args.orders + 1):
        shuffled = lines[:]
        random.Random(seed).shuffle(shuffled)
        path = work / f"order{seed}.jsonl"
        path.write_text("".join(shuffled), encoding="utf-8")
        runs.append((f"shuffled order {seed}, --workers 1", path, ()))
    runs.append(("given order, --workers 2", args.corpus, ("--workers", "2")))
    if not args.no_dask:
        runs.append(("given order, --dask local[2]", args.corpus, ("--dask", "local[2]")))
    first: set[EventSig] | None = None
    same = True
    for number, (label, corpus, extra) in enumerate(runs):
        db = work / f"run{number}.db"
        ingest(corpus, db, *extra)
        found = events_of(db)
        if first is None:
            first = found
            print(f"{label}: {len(found)} events")
            continue
        differ = len(found ^ first)
        same = same and differ == 0
        print(f"{label}: {len(found)} events, {differ} differ from the first run")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Refresh the README's command-line tour with real output: runs each command and pastes it in.

    make tour        (or: python scripts/readme_tour.py [--db dyads.db])

The tour sits between ``<!-- tour -->`` and ``<!-- /tour -->`` in README.md. The ``dyads`` run is the
one installed beside this Python (the project's .venv under ``make``), or ``$DYADS`` when set.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DYADS = os.environ.get("DYADS") or str(Path(sys.executable).with_name("dyads"))

STEPS = [
    ("Read an article: clean text and metadata, no language analysis.",
     ["extract", "examples/2023-07-28-niger-coup.txt", "--format", "json"], 18),
    ("Analyse one article: actors, events (with why), quotes, times, places.",
     ["analyze", "examples/sahel/2022-02-01-mali-expels-french-ambassador.md"], 70),
    ("Ingest a folder into the store (re-running skips what is stored).",
     ["ingest", "examples/", "--db", "{db}", "-q"], 6),
    ("How relations between two countries move: events, the sentences reporting them (mentions) and the "
     "distinct articles those are in (two events from one article are one article).",
     ["dyad", "RUS", "MLI", "--by", "year", "--db", "{db}"], 30),
    ("The influence view: who gains cooperation and who conflict with Mali (a total's articles are those of "
     "all its years: one article may report events of two).",
     ["compare", "MLI", "--partners", "RUS,FRA", "--by", "year", "--db", "{db}"], 30),
    ("Mali's key events, deduplicated, with sources.", ["timeline", "MLI", "--db", "{db}"], 40),
    ("The confidence threshold those counts use (every event stays listed; `dyads threshold 0.3` sets it).",
     ["threshold", "--db", "{db}"], 4),
    ("Who said what.", ["quotes", "--search", "Russia", "--db", "{db}"], 20),
    ("Export GDELT-style CSV (also jsonl, parquet).",
     ["export", "--format", "csv", "--out", "/tmp/dyads-events.csv", "--db", "{db}"], 4),
]  # fmt: skip


def run(args: list[str], limit: int) -> str:
    env = {**os.environ, "COLUMNS": "110", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run([DYADS, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=900)
    lines = (done.stdout + done.stderr).rstrip().splitlines()
    if len(lines) > limit:
        lines = [*lines[:limit], f"… ({len(lines) - limit} more lines)"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="/tmp/dyads-tour.db")
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    parts = []
    for text, command, limit in STEPS:
        command = [c.replace("{db}", args.db) for c in command]
        shown = " ".join(c if c != args.db else "tour.db" for c in command)
        output = run(command, limit).replace(args.db, "tour.db")  # the same wherever it was run
        parts.append(f"{text}\n\n```console\n$ dyads {shown}\n{output}\n```\n")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = "<!-- tour -->\n" + "\n".join(parts) + "<!-- /tour -->"
    text = re.sub(r"<!-- tour -->.*?<!-- /tour -->", lambda _: block, text, count=1, flags=re.S)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

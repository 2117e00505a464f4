"""Run the benchmarks and print one table: ``python -m bench [--full] [--articles N] [--events N[,N…]]``.

The default run is modest (40 articles, a 100,000-event store); ``--full`` fills the 1,000,000-event
store. Figures depend on the machine and its load: compare ratios, not absolute numbers.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench import bench_ingest, bench_scale, bench_store


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--full", action="store_true", help="query latency on a 1,000,000-event store")
    parser.add_argument("--articles", type=int, default=40, help="articles for the ingest benchmark")
    parser.add_argument(
        "--events",
        type=lambda text: [int(n) for n in text.replace("_", "").split(",")],
        default=None,
        help="events in the synthetic store; several sizes comma separated (1000000,10000000)",
    )
    parser.add_argument("--workers", type=int, default=1, help="ingest worker processes")
    parser.add_argument("--model", default="md", help="spaCy model: md or sm")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--scale-articles", type=int, default=120, help="articles for the --scale runs")
    parser.add_argument("--rounds", type=int, default=3, help="repetitions of each --scale run (median)")
    parser.add_argument("--skip-store", action="store_true")
    parser.add_argument(
        "--scale",
        action="store_true",
        help="2 processes vs bare spaCy, 1 vs 2 workers, Dask vs pool, peak memory",
    )
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where the bench stores go (default: temp)"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse a filled store found in --workdir")
    args = parser.parse_args()
    sizes = args.events or [1_000_000 if args.full else 100_000]

    rows = []
    with tempfile.TemporaryDirectory(prefix="dyads-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        if not args.skip_ingest:
            rows += bench_ingest.run(workdir, args.articles, args.model, args.workers)
        if not args.skip_store:
            for events in sizes:
                rows += bench_store.run(workdir, events, reuse=args.reuse)
        if args.scale:
            rows += bench_scale.run(workdir, args.scale_articles, args.model, args.rounds)
            rows += [bench_scale.peak_memory(workdir, workers) for workers in (1, 2)]
    table = Table("benchmark", "value", "note", title="dyads benchmarks")
    for row in rows:
        table.add_row(row["benchmark"], row["value"], row["note"])
    Console(width=140).print(table)


if __name__ == "__main__":
    main()

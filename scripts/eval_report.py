"""Score dyads on every development gold file and write the figures as a Markdown table.

    python scripts/eval_report.py [--out docs/evaluation.md]

Runs ``../shared/eval/evaluate.py`` (the project's scorer, not part of this repository) once per
task; skips cleanly when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DYADS = ROOT / ".venv" / "bin" / "dyads"

# (task, gold file, [(label, path into the JSON, target or None)])
RUNS: list[tuple[str, str, list[tuple[str, tuple[str, ...], float | None]]]] = [
    ("events", "events-plover.jsonl", [("type macro-F1", ("types_macro_f1",), 0.70), ("type micro-F1", ("types", "f1"), 0.75),
                                       ("actor country", ("actor_country", "accuracy"), 0.80),
                                       ("recipient country", ("recipient_country", "accuracy"), None)]),
    ("events", "events-confli.jsonl", [("type macro-F1", ("types_macro_f1",), None), ("type micro-F1", ("types", "f1"), None),
                                       ("type precision", ("types", "precision"), None)]),
    ("quotes", "quotes-polnear.jsonl", [("direct F1", ("direct", "f1"), 0.80), ("speaker accuracy", ("speaker", "accuracy"), 0.90),
                                        ("all-attribution F1", ("all", "f1"), 0.55)]),
    ("times", "times-tbaq.jsonl", [("relaxed span F1", ("relaxed", "f1"), 0.88), ("value F1", ("value", "f1"), 0.75)]),
    ("geo", "geo-lgl.jsonl", [("toponym F1", ("f1",), 0.80), ("accuracy@161 km", ("acc161",), 0.75)]),
    ("extract", "extract-trafilatura.jsonl", [("F1", ("f1",), None), ("precision", ("precision",), None),
                                              ("recall", ("recall",), None), ("title", ("title_acc",), None),
                                              ("date", ("published_acc",), None), ("authors", ("authors_acc",), None)]),
]  # fmt: skip


def dig(data: object, path: tuple[str, ...]) -> object:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--only", default=None, help="run only this task")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print("no ../shared/eval: nothing to score", file=sys.stderr)
        return 0
    lines = ["| gold file | metric | dyads | target |", "| --- | --- | --- | --- |"]
    for task, gold, metrics in RUNS:
        if args.only and task != args.only:
            continue
        result = subprocess.run(
            [sys.executable, str(SHARED / "evaluate.py"), task, str(SHARED / "dev" / gold), "--dyads", str(DYADS), "--json"],
            capture_output=True, text=True,
        )  # fmt: skip
        try:
            data = json.loads(result.stdout)
        except json.JSONDecodeError:
            print(f"{gold}: scorer failed: {result.stderr.strip()[:300]}", file=sys.stderr)
            continue
        for label, path, target in metrics:
            value = dig(data, path)
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            lines.append(f"| {gold} | {label} | {shown} | {'≥ ' + str(target) if target else ''} |")
        print("\n".join(lines[-len(metrics) :]), flush=True)
    table = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    else:
        print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Read dyads' body text beside the extraction gold, page by page, to see what is missed or let in.

    python scripts/extract_diagnose.py [--half even|odd|all] [--jobs 2] [--out PRED.jsonl] [--worst 30]
    python scripts/extract_diagnose.py --pred PRED.jsonl [--half odd] [--worst 30]

Reads every page of ``../shared/eval/dev/extract-trafilatura.jsonl`` (or the even or odd
half, by line number: tune on one, measure on the other) in this process, scores the text with
the project's scorer (``../shared/eval/scoring/extract.py``, not part of this repository) and
lists the pages with the most wanted passages missing and unwanted passages kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GOLD = EVAL / "dev" / "extract-trafilatura.jsonl"


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _half(records: list[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    if half == "all":
        return records
    parity = 0 if half == "even" else 1
    return [record for index, record in enumerate(records) if index % 2 == parity]


def _predict(record: dict[str, Any]) -> dict[str, Any]:
    # Imported here: each worker process loads the readers itself.
    from dyads import extract
    from dyads.contract import article_to_json
    from dyads.model import ReadError

    try:
        article = article_to_json(extract(str(GOLD.parent / record["html_path"])))
    except ReadError:
        article = {}
    article["id"] = record["id"]
    return {"article": article}


def _cut(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _report(gold: list[dict[str, Any]], preds: list[dict[str, Any]], worst: int) -> None:
    sys.path.insert(0, str(EVAL))
    # The scorer lives beside the gold, outside this repository.
    from scoring import extract as scorer  # type: ignore[import-not-found]

    result = scorer.score(gold, preds, details=True)
    chunks = result["chunks"]
    print(
        f"pages {chunks['n']}  P {chunks['precision']:.4f}  R {chunks['recall']:.4f}  F1 {chunks['f1']:.4f}  "
        f"acc {chunks['accuracy']:.4f}  tp {chunks['tp']} fp {chunks['fp']} fn {chunks['fn']}  "
        f"title {chunks.get('title_acc', 0):.3f} date {chunks.get('published_acc', 0):.3f} "
        f"authors {chunks.get('authors_acc', 0):.3f}"
    )
    details = sorted(result["records_detail"], key=lambda d: -(d["fn"] + d["fp"]))
    for detail in details[:worst]:
        if not detail["fn"] and not detail["fp"]:
            break
        print(f"\n== {detail['id']}  tp {detail['tp']} fp {detail['fp']} fn {detail['fn']} tn {detail['tn']}")
        for chunk in detail["missing"]:
            print(f"  - missing  {_cut(chunk)}")
        for chunk in detail["unwanted"]:
            print(f"  + unwanted {_cut(chunk)}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--half", choices=("even", "odd", "all"), default="all")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="write the predictions here")
    parser.add_argument("--pred", type=Path, default=None, help="score these predictions instead of reading")
    parser.add_argument("--only", default=None, help="only gold ids containing this")
    parser.add_argument("--worst", type=int, default=30)
    args = parser.parse_args()
    if not GOLD.is_file():
        print(f"no {GOLD}: nothing to score", file=sys.stderr)
        return 0
    gold = _half(_load(GOLD), args.half)
    if args.only:
        gold = [record for record in gold if args.only in record["id"]]
    if args.pred:
        preds = _load(args.pred)
    else:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            preds = list(pool.map(_predict, gold, chunksize=4))
    if args.out:
        args.out.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
        )
    _report(gold, preds, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())

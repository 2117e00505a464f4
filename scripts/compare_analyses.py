"""Analyse every dev gold file and every golden article, and compare with an earlier run.

A refactoring that should change no behaviour is checked by running this on the old code
(``snapshot OUT``) and on the new code (``snapshot OUT2``), then ``compare OUT OUT2``: the
analyses must be byte-identical.

    python scripts/compare_analyses.py snapshot /tmp/before
    python scripts/compare_analyses.py snapshot /tmp/after
    python scripts/compare_analyses.py compare /tmp/before /tmp/after

``snapshot OUT NAME…`` analyses only the named sets (``golden``, ``events-plover``, …), for a quick
check while working; ``compare`` then compares the sets both folders hold.

Dev gold files are analysed through the command line the scorers call (``dyads analyze --jsonl``);
golden articles through the public API (``dyads.extract`` then ``dyads.analyze``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
DEV_FILES = (
    "events-articles",
    "events-plover",
    "events-confli",
    "quotes-polnear",
    "times-tbaq",
    "geo-lgl",
)
INPUT_FIELDS = ("id", "text", "published", "title")


def _dyads() -> str:
    return str(Path(sys.executable).parent / "dyads")


def snapshot_dev(name: str, out_dir: Path) -> None:
    gold = DEV / f"{name}.jsonl"
    with tempfile.TemporaryDirectory(prefix="dyads-compare-") as tmp:
        inp = Path(tmp) / "in.jsonl"
        with gold.open(encoding="utf-8") as src, inp.open("w", encoding="utf-8") as dst:
            for line in src:
                record = json.loads(line)
                dst.write(json.dumps({k: record.get(k) for k in INPUT_FIELDS if k in record}) + "\n")
        out = out_dir / f"dev-{name}.jsonl"
        subprocess.run([_dyads(), "analyze", "--jsonl", str(inp), "--out", str(out)], check=True)


def snapshot_golden(out_dir: Path) -> None:
    import yaml

    import dyads
    from dyads.contract import analysis_to_json

    with (out_dir / "golden.jsonl").open("w", encoding="utf-8") as dst:
        for expectation in sorted((ROOT / "tests" / "golden").glob("*.yaml")):
            spec = yaml.safe_load(expectation.read_text(encoding="utf-8"))
            if not isinstance(spec, dict) or "article" not in spec:
                continue
            article = dyads.extract(str(ROOT / "examples" / spec["article"]))
            analysis = dyads.analyze(article)
            dst.write(json.dumps(analysis_to_json(analysis), sort_keys=True) + "\n")


def snapshot(out_dir: Path, names: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    unknown = set(names) - {"golden", *DEV_FILES}
    if unknown:
        raise SystemExit(f"unknown sets: {', '.join(sorted(unknown))}")
    if not names or "golden" in names:
        snapshot_golden(out_dir)
    for name in DEV_FILES:
        if not names or name in names:
            snapshot_dev(name, out_dir)


def compare(before: Path, after: Path) -> int:
    differing = 0
    for old in sorted(before.glob("*.jsonl")):
        new = after / old.name
        if not new.exists():
            continue
        old_lines = old.read_text(encoding="utf-8").splitlines()
        new_lines = new.read_text(encoding="utf-8").splitlines() if new.exists() else []
        same = sum(a == b for a, b in zip(old_lines, new_lines, strict=False))
        total = max(len(old_lines), len(new_lines))
        status = "identical" if same == total else f"{total - same} differ"
        print(f"{old.name:28} {total:5} analyses  {status}")
        differing += total - same
    print("all byte-identical" if differing == 0 else f"{differing} analyses differ")
    return 1 if differing else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "snapshot":
        snapshot(Path(argv[1]), argv[2:])
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

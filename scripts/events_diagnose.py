"""Read dyads' events beside a whole-article gold file, article by article, to see what is missed.

    python scripts/events_diagnose.py PRED.jsonl [--gold GOLD.jsonl] [--only ID-PREFIX]
    python scripts/events_diagnose.py --split OUT_DIR   # gold halves by source, for tune/held-apart runs

For every article: the gold events (type, actor → recipient, date, evidence) marked with whether a
predicted triple matched them, then the predicted triples nobody matched, with the sentence and the
``why``. Matching is the scorer's own (type with alternatives, actor and recipient country).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GOLD = EVAL / "dev" / "events-articles.jsonl"


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _party(side: object) -> str:
    if not isinstance(side, dict):
        return "-"
    return str(side.get("country") or side.get("org") or side.get("sector") or side.get("text") or "?")


def split(out_dir: Path) -> None:
    """Write the gold file's halves by source (the id's second part: guardian, voa)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            groups[json.loads(line)["id"].split("-")[1]].append(line)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, lines in groups.items():
        (out_dir / f"events-articles-{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{out_dir / f'events-articles-{name}.jsonl'}: {len(lines)} articles")


def diagnose(pred_path: Path, gold_path: Path, only: str | None) -> None:
    sys.path.insert(0, str(EVAL))
    from scoring import events as scorer  # the scorer's own matching, from the gold folder

    preds = {p["article"]["id"]: p for p in _load(pred_path)}
    for gold in _load(gold_path):
        if only and not gold["id"].startswith(only):
            continue
        analysis = preds.get(gold["id"])
        text = gold["text"]
        gevents = [e for e in gold.get("events", []) if e.get("type")]
        pevents, _ = scorer._pred_events(analysis)
        slots = scorer._slots(gevents)
        gtri = scorer._triples(gevents, lambda ev, slots=slots: slots[ev["type"].upper()])
        ptri = scorer._triples(pevents)
        hits = scorer._match_triples(gtri, ptri)
        hit_gold = {id(g) for g, _ in hits}
        hit_pred = {id(p) for _, p in hits}
        print(
            f"\n=== {gold['id']} ({gold.get('published')}) {len(gtri)} gold, {len(ptri)} predicted, {len(hits)} matched"
        )
        for tri in gtri:
            t, _, a, r, ev = tri
            mark = "+" if id(tri) in hit_gold else " "
            evidence = (ev.get("evidence") or "")[:110]
            print(f" {mark} GOLD {t:9} {_party(a):>8} → {_party(r):<8} {ev.get('date') or '':10} {evidence}")
        raw = {e.get("id"): e for e in (analysis or {}).get("events", [])}
        for tri in ptri:
            if id(tri) in hit_pred:
                continue
            t, _, a, r, ev = tri
            match = next(
                (e for e in raw.values() if e.get("type") == t and e.get("date") == ev.get("date")), None
            )
            sentence = text[match["sentence"][0] : match["sentence"][1]][:110] if match else ""
            print(f" - PRED {t:9} {_party(a):>8} → {_party(r):<8} {ev.get('date') or '':10} {sentence}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pred", nargs="?", type=Path)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--only")
    parser.add_argument("--split", type=Path)
    args = parser.parse_args()
    if args.split:
        split(args.split)
        return 0
    if args.pred is None:
        parser.error("give the predictions (JSONL) or --split DIR")
    diagnose(args.pred, args.gold, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fit the event confidence model on the development gold, and show how well it is calibrated.

    python scripts/fit_confidence.py [--write] [--folds 8]

Runs ``dyads analyze --jsonl`` over the whole-article event gold, labels every predicted event
right when one of its (type, actor country, recipient country) triples matches a gold triple
(the scorer's own matching), and fits a logistic model over the events' ``signals`` with L2
regularisation. Out-of-fold predictions (folds by article) give the reliability table (observed
precision per confidence decile) and the dyad-triple precision–recall curve over the threshold;
the default threshold is the lowest at which held-apart dyad precision reaches the target.
``--write`` saves the model fitted on every article to ``knowledge/models/event_confidence.yaml``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np

from dyads.knowledge.confidence_model import MODEL_FILE

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GOLD = EVAL / "dev" / "events-articles.jsonl"
MODEL = ROOT / "src" / "dyads" / "knowledge" / MODEL_FILE  # the source tree's copy, not an installed one
TARGET_PRECISION = 0.7
MIN_RECALL_SHARE = 0.5  # of the unfiltered held-apart dyad recall a default threshold must keep
L2 = 1.0


def analyse(gold_path: Path) -> dict[str, dict]:
    dyads = str(Path(sys.executable).parent / "dyads")
    with tempfile.TemporaryDirectory(prefix="dyads-fit-") as tmp:
        out = Path(tmp) / "out.jsonl"
        subprocess.run([dyads, "analyze", "--jsonl", str(gold_path), "--out", str(out)], check=True)
        return {a["article"]["id"]: a for a in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def labelled_events(gold: list[dict], preds: dict[str, dict]) -> list[tuple[str, dict, bool]]:
    """(article id, event JSON, right?) for every predicted event the scorer counts."""
    sys.path.insert(0, str(EVAL))
    from scoring import events as scorer  # the scorer's own matching, from the gold folder

    out = []
    for record in gold:
        analysis = preds.get(record["id"], {})
        events = [e for e in analysis.get("events", []) if e.get("auxiliary") != "negation"]
        # the scorer's view of each event, in the same order
        pevents, _ = scorer._pred_events(analysis)
        gevents = [e for e in record.get("events", []) if e.get("type")]
        slots = scorer._slots(gevents)
        gtri = scorer._triples(gevents, lambda ev, slots=slots: slots[ev["type"].upper()])
        ptri = scorer._triples(pevents)
        matched = {id(p[4]) for _, p in scorer._match_triples(gtri, ptri)}
        out += [(record["id"], e, id(p) in matched) for e, p in zip(events, pevents, strict=True)]
    return out


def design(rows: Sequence[tuple[str, dict, bool]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, (_, event, _) in enumerate(rows):
        for s in event.get("signals", []):
            if s in column:
                x[r, column[s]] = 1.0
    y = np.array([1.0 if right else 0.0 for _, _, right in rows])
    return x, y


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Logistic regression by Newton's method, L2 on the weights (not the intercept)."""
    xb = np.hstack([np.ones((x.shape[0], 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        gradient = xb.T @ (p - y) + penalty @ w
        hessian = xb.T @ (xb * (p * (1 - p))[:, None]) + penalty + np.eye(len(w)) * 1e-9
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[0]), w[1:]


def predict(intercept: float, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(intercept + x @ weights)))


def out_of_fold(rows: list, names: list[str], folds: int) -> np.ndarray:
    articles = sorted({a for a, _, _ in rows})
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    x, y = design(rows, names)
    probs = np.zeros(len(rows))
    for k in range(folds):
        test = np.array([fold_of[a] == k for a, _, _ in rows])
        if not test.any():
            continue
        intercept, weights = fit(x[~test], y[~test])
        probs[test] = predict(intercept, weights, x[test])
    return probs


def held_apart(rows: list, names: list[str], train_prefix: str) -> np.ndarray:
    """Probabilities for the articles whose id does not start with ``train_prefix``, fitted on
    those that do (tune on one source, measure on the other)."""
    train = np.array([a.startswith(train_prefix) for a, _, _ in rows])
    x, y = design(rows, names)
    intercept, weights = fit(x[train], y[train])
    probs = np.full(len(rows), np.nan)
    probs[~train] = predict(intercept, weights, x[~train])
    return probs


def reliability(probs: np.ndarray, rows: list) -> list[tuple[str, int, float, float]]:
    y = np.array([1.0 if r else 0.0 for _, _, r in rows])
    out = []
    for d in range(10):
        low, high = d / 10, (d + 1) / 10
        inside = (probs >= low) & ((probs < high) if d < 9 else (probs <= 1.0))
        if inside.any():
            out.append(
                (
                    f"{low:.1f}–{high:.1f}",
                    int(inside.sum()),
                    float(probs[inside].mean()),
                    float(y[inside].mean()),
                )
            )
    return out


def curve(
    gold: list[dict], preds: dict[str, dict], rows: list, probs: np.ndarray
) -> list[tuple[float, dict]]:
    """Dyad-triple P/R/F1 when only events at or above each threshold are counted."""
    from scoring import events as scorer

    keep_prob = {id(e): p for (_, e, _), p in zip(rows, probs, strict=True)}
    out = []
    for threshold in [t / 20 for t in range(0, 20)]:
        filtered = []
        for record in gold:
            analysis = dict(preds.get(record["id"], {}))
            analysis["events"] = [
                e for e in analysis.get("events", []) if keep_prob.get(id(e), 1.0) >= threshold
            ]
            filtered.append(analysis)
        result = scorer.score(gold, filtered)
        out.append((threshold, {k: result[k] for k in ("dyad_triples", "triples")}))
    return out


def choose_threshold(points: list[tuple[float, dict]]) -> tuple[float, str]:
    """The lowest threshold at which held-apart dyad precision reaches the target while the views
    still count at least half the dyads they count unfiltered (a threshold that keeps a handful of
    events measures its precision on a handful, and leaves the series empty); when none does, the
    one with the best held-apart dyad F1 (and the reason says so)."""
    floor = points[0][1]["dyad_triples"]["recall"] * MIN_RECALL_SHARE
    for threshold, figures in points:
        dyads = figures["dyad_triples"]
        if dyads["precision"] >= TARGET_PRECISION and dyads["recall"] >= floor and dyads["tp"] > 0:
            return (
                threshold,
                f"the lowest at which held-apart dyad-triple precision reached {TARGET_PRECISION}",
            )
    best = max(points, key=lambda p: p[1]["dyad_triples"]["f1"])[0]
    return (
        best,
        f"no threshold reached dyad-triple precision {TARGET_PRECISION} held apart with half the"
        " unfiltered recall; best held-apart F1",
    )


def write_model(
    intercept: float, names: list[str], weights: np.ndarray, threshold: tuple[float, str], n: int, right: int
) -> None:
    lines = [
        "# The event confidence model: P(type, actor country and recipient country right) =",
        "# logistic(intercept + the weights of the signals an event has). Fitted by",
        "# scripts/fit_confidence.py on the whole-article development gold "
        f"({n} events, {right} right), {date.today().isoformat()};",
        f"# threshold: the default store-wide minimum confidence: {threshold[1]}.",
        f"intercept: {intercept:.4f}",
        f"threshold: {threshold[0]:.2f}",
        "weights:",
    ]
    for name, weight in sorted(zip(names, weights, strict=True), key=lambda p: -abs(p[1])):
        if abs(weight) >= 1e-3:
            lines.append(f"  {json.dumps(name)}: {weight:.4f}")
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")


def table(title: str, rows: list[tuple[str, int, float, float]]) -> None:
    print(f"\n{title}\n\n| confidence | events | mean confidence | observed precision |\n|---|---|---|---|")
    for band, n, mean, observed in rows:
        print(f"| {band} | {n} | {mean:.2f} | {observed:.2f} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--folds", type=int, default=8)
    args = parser.parse_args(argv)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = analyse(GOLD)
    rows = labelled_events(gold, preds)
    names = sorted({s for _, e, _ in rows for s in e.get("signals", [])})
    right = sum(r for _, _, r in rows)
    print(f"{len(rows)} events, {right} right ({right / max(1, len(rows)):.2f}); {len(names)} signals")

    probs = out_of_fold(rows, names, args.folds)
    table(f"Reliability, out of fold ({args.folds} folds by article)", reliability(probs, rows))
    points = curve(gold, preds, rows, probs)
    print("\n| threshold | dyad P | dyad R | dyad F1 | triples F1 |\n|---|---|---|---|---|")
    for threshold, figures in points:
        d, t = figures["dyad_triples"], figures["triples"]
        print(
            f"| {threshold:.2f} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | {t['f1']:.3f} |"
        )
    chosen = choose_threshold(points)
    print(f"\nthreshold (out of fold): {chosen[0]:.2f}: {chosen[1]}")

    for train, test in (("art-guardian", "VOA"), ("art-voa", "Guardian")):
        apart = held_apart(rows, names, train)
        mask = ~np.isnan(apart)
        kept = [r for r, m in zip(rows, mask, strict=True) if m]
        table(f"Reliability, fitted on the other source, measured on {test}", reliability(apart[mask], kept))

    if args.write:
        x, y = design(rows, names)
        intercept, weights = fit(x, y)
        write_model(intercept, names, weights, chosen, len(rows), right)
        print(f"\nwrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

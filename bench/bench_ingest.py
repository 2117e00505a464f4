"""Ingest throughput: dyads (read → analyse → store) against bare spaCy ``nlp.pipe``.

Both run the same English model over the same texts with the same batch size, the model loaded
beforehand in both cases; the ratio says what the dyads stages and the store cost on top of parsing.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from dyads.model import Options
from dyads.read import read_path
from dyads.run.ingest import IngestOptions, ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian.jsonl"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def corpus(workdir: Path, limit: int) -> tuple[Path, list[str], str]:
    """A JSONL file of ``limit`` articles (the Guardian sample when present, else the examples)."""
    out = workdir / "bench-articles.jsonl"
    texts: list[str] = []
    if SHARED.is_file():
        with SHARED.open(encoding="utf-8") as handle:
            records = [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]
        label = f"{len(records)} Guardian articles"
    else:
        records = []
        for path in sorted(EXAMPLES.rglob("*.md"))[:limit]:
            article = read_path(str(path))
            records.append({"id": article.id, "text": article.text, "published": article.published})
        label = f"{len(records)} example articles"
    with out.open("w", encoding="utf-8") as sink:
        for record in records:
            sink.write(json.dumps(record) + "\n")
            texts.append(record["text"])
    return out, texts, label


def run(workdir: Path, limit: int, model: str = "md", workers: int = 1) -> list[dict[str, Any]]:
    # Imported here: spaCy and the pipeline are heavy, and `python -m bench --skip-ingest` needs neither.
    import spacy

    from dyads.nlp.pipeline import build_nlp, model_location

    source, texts, label = corpus(workdir, limit)
    chars = sum(len(t) for t in texts)
    bare = spacy.load(model_location(model))
    bare.max_length = 2_000_000
    started, cpu = time.perf_counter(), time.process_time()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    bare_seconds = time.perf_counter() - started
    bare_cpu = time.process_time() - cpu

    build_nlp(model, ())  # load once, outside the timing, as for the bare model
    db = workdir / "bench-ingest.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cpu = time.process_time()
    report = ingest(
        [str(source)], db, IngestOptions(workers=workers, batch_size=16, options=Options(model=model))
    )
    dyads_cpu = time.process_time() - cpu  # this process only: meaningful with one worker
    dyads_seconds = report.seconds
    bare_rate = 60 * len(texts) / bare_seconds
    dyads_rate = report.articles_per_minute
    return [
        {"benchmark": f"bare spaCy nlp.pipe ({model}), {label}, {chars:,} chars",
         "value": f"{bare_rate:.0f} articles/min", "note": f"{bare_seconds:.1f} s; CPU {bare_cpu:.1f} s"},
        {"benchmark": f"dyads ingest ({model}, {workers} worker{'s' if workers > 1 else ''}), same texts",
         "value": f"{dyads_rate:.0f} articles/min",
         "note": f"{dyads_seconds:.1f} s; CPU {dyads_cpu:.1f} s; {report.added} stored, {report.failed} failed"},
        {"benchmark": "ratio dyads / bare spaCy (throughput)", "value": f"{dyads_rate / bare_rate:.2f}",
         "note": f"CPU ratio bare/dyads {bare_cpu / dyads_cpu:.2f}" if workers == 1 and dyads_cpu else ""},
    ]  # fmt: skip

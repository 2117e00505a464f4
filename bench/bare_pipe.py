"""Bare spaCy over a JSONL file of articles, as a whole program: the baseline of the scale runs.

    python -m bench.bare_pipe ARTICLES.jsonl [--model md] [--n-process 2] [--batch-size 4]

Loads the same model dyads uses and runs ``nlp.pipe`` over the ``text`` of every record, doing
nothing with the parses; timed from the outside, like ``dyads ingest``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path


def texts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)["text"]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bare_pipe", description=__doc__)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--model", default="md")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=4)
    args = parser.parse_args()

    # Imported here: spaCy is heavy, and --help needs none of it.
    import spacy

    from dyads.nlp.pipeline import model_location

    nlp = spacy.load(model_location(args.model))
    nlp.max_length = 2_000_000
    for _ in nlp.pipe(texts(args.articles), batch_size=args.batch_size, n_process=args.n_process):
        pass


if __name__ == "__main__":
    main()

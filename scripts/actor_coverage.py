"""How many person and organisation mentions in a corpus carry a country (or, for organisations, a
country or a sector), and which actors most often go without.

    python scripts/actor_coverage.py ../shared/corpus/guardian.jsonl
    python scripts/actor_coverage.py CORPUS.jsonl --top 30 --json /tmp/coverage.json

The corpus is one JSON object a line with ``id``, ``text`` and optionally ``published``,
``title``, ``outlet``. Only the actors component runs (the figures do not depend on the others).
Counts are of mentions, as an analyst meets them in the text: a person named ten times without a
country weighs ten times as much as one named once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyads.model import Actor, Article
from dyads.nlp.doc_data import actors_of, make_doc
from dyads.nlp.pipeline import build_nlp


@dataclass
class Tally:
    """Mentions with and without what is wanted, and the names of the actors without it."""

    covered: int = 0
    total: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    articles: dict[str, set[str]] = field(default_factory=dict)

    def add(self, actor: Actor, ok: bool, article: str) -> None:
        n = len(actor.mentions)
        self.total += n
        if ok:
            self.covered += n
        else:
            self.missing[actor.name] += n
            self.articles.setdefault(actor.name, set()).add(article)

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 0.0


def read_corpus(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                r = json.loads(line)
                yield Article(
                    id=str(r["id"]),
                    text=r["text"],
                    published=r.get("published"),
                    title=r.get("title"),
                    outlet=r.get("outlet"),
                )


def measure(path: Path) -> tuple[Tally, Tally]:
    """Person mentions with a country; organisation mentions with a country or a sector."""
    nlp = build_nlp(components=("dyads_actors",))
    people, orgs = Tally(), Tally()
    docs = (make_doc(nlp, a) for a in read_corpus(path))
    for doc in nlp.pipe(docs, batch_size=8):
        article = doc._.article.id
        for actor in actors_of(doc):
            if actor.kind == "person":
                people.add(actor, actor.country is not None, article)
            elif actor.kind == "organization":
                orgs.add(actor, actor.country is not None or actor.sector is not None, article)
    return people, orgs


def report(name: str, tally: Tally, top: int) -> list[str]:
    lines = [f"{name}: {tally.covered}/{tally.total} mentions = {100 * tally.share:.1f}%"]
    for actor, n in tally.missing.most_common(top):
        where = ", ".join(sorted(tally.articles[actor])[:3])
        lines.append(f"  {n:4d}  {actor}  ({where})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=20, help="how many actors without to list")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    people, orgs = measure(args.corpus)
    print("\n".join(report("persons with a country", people, args.top)))
    print("\n".join(report("organisations with a country or sector", orgs, args.top)))
    if args.json:
        figures = {
            name: {"covered": t.covered, "total": t.total, "missing": dict(t.missing.most_common())}
            for name, t in (("persons", people), ("organisations", orgs))
        }
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The main job on the embedded default: the bundled example articles."""

from __future__ import annotations

from pathlib import Path

from dyads.model import Options, ReadError
from dyads.nlp.analyze import analyze_articles
from dyads.read import read_path
from dyads.report import print_analysis

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_paths() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix in {".md", ".txt", ".html", ".gz"})


def run_demo(db: Path) -> int:
    articles = []
    for path in example_paths():
        try:
            articles.append(read_path(str(path)))
        except ReadError as err:
            print(f"dyads: skipped {err}")
    analyses = list(analyze_articles(articles, Options()))
    if analyses:
        print_analysis(analyses[0])
    print(f"analysed {len(analyses)} example articles")
    return 0

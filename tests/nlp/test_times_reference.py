"""Time expressions of the reference article, dated 2020-09-25 (skipped without ../shared)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyads.model import TimeExpr
from dyads.nlp.pipeline import build_nlp
from dyads.nlp.times.find import find_times

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLE = SHARED / "corpus" / "seed" / "mali-opens-its-doors-to-russia.md"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="reference article not available")


def plain_text(markdown: str) -> str:
    """Markdown reduced to its words: links keep their text, emphasis and headings lose marks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*#]+", "", text)


@pytest.fixture(scope="module")
def article() -> tuple[str, list[TimeExpr]]:
    text = plain_text(ARTICLE.read_text(encoding="utf-8"))
    return text, find_times(build_nlp()(text), "2020-09-25")


def _over(text: str, found: list[TimeExpr], phrase: str) -> list[TimeExpr]:
    hits = []
    for match in re.finditer(re.escape(phrase), text):
        hits += [t for t in found if t.span[0] < match.end() and match.start() < t.span[1]]
    return hits


@pytest.mark.parametrize(
    ("phrase", "value", "kind"),
    [
        ("Sept 25", "2020-09-25", "DATE"),
        ("August 21", "2020-08-21", "DATE"),
        ("June 2019", "2019-06", "DATE"),
        ("November 2019", "2019-11", "DATE"),
        ("18-month", "P18M", "DURATION"),
        ("in 1960", "1960", "DATE"),
        ("last month", "2020-08", "DATE"),
    ],
)
def test_reference_values(article: tuple[str, list[TimeExpr]], phrase: str, value: str, kind: str) -> None:
    text, found = article
    hits = _over(text, found, phrase)
    assert hits, f"{phrase!r} not found"
    assert all((t.value, t.type) == (value, kind) for t in hits), hits


@pytest.mark.parametrize("phrase", ["We make", "60th"])
def test_reference_false_positives(article: tuple[str, list[TimeExpr]], phrase: str) -> None:
    text, found = article
    assert _over(text, found, phrase) == []

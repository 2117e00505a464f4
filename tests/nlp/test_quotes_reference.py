"""The four quotations of the reference article, with their speakers.

The article is read with a minimal cleanup of our own (emphasis and link markup removed,
paragraphs kept) so that the test depends on the quotation finder, not on the reader; a
second test runs on the raw Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from dyads.model import Actor, Article, Options, Quote
from dyads.nlp.actors.find import find_actors
from dyads.nlp.quotes.find import find_quotes

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLE = SHARED / "corpus" / "seed" / "mali-opens-its-doors-to-russia.md"

pytestmark = pytest.mark.skipif(not ARTICLE.is_file(), reason="reference article not available")

# (opening words of the quotation, words of its last paragraph, speaker named, actor name)
EXPECTED = [
    ("We make a commitment before you", "prosperous Mali", "Assimi Goita", "Goita"),
    ("We hope that the time-tested", "peace, prosperity and well-being", "the statement", "Ministry"),
    ("Russia’s influence in the Sahel", "friendlier with Russia", "Irina Filatova", "Filatova"),
    ("Since Russia possesses", "geopolitical standing in West Africa", "Samuel Ramani", "Ramani"),
]


def _clean(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return text.replace("**", "").replace("*", "")


def _actors(nlp: Language, text: str) -> tuple[list[Actor], object]:
    doc = nlp(text)
    article = Article(id="mali", text=text, published="2020-09-25")
    return find_actors(doc, article, Options()), doc


def _quote_with(text: str, quotes: list[Quote], opening: str) -> Quote:
    hits = [q for q in quotes if opening in text[q.content[0] : q.content[1]]]
    assert hits, f"no quotation holds {opening!r}"
    return hits[0]


def test_reference_article_quotations_and_speakers(nlp: Language) -> None:
    text = _clean(ARTICLE.read_text(encoding="utf-8"))
    actors, doc = _actors(nlp, text)
    quotes = find_quotes(doc, actors)  # type: ignore[arg-type]
    by_id = {a.id: a for a in actors}
    for opening, closing, named, actor_name in EXPECTED:
        q = _quote_with(text, quotes, opening)
        content = text[q.content[0] : q.content[1]]
        assert closing in content, (opening, content)
        assert q.speaker_span is not None, opening
        assert named in text[q.speaker_span[0] : q.speaker_span[1]]
        assert q.cue is not None
        # The speaker resolves to the actor when the actor stage knows it.
        known = [a for a in actors if actor_name.lower() in a.name.lower()]
        if known:
            assert q.speaker in {a.id for a in known}, (opening, q.speaker and by_id[q.speaker].name)


def test_reference_statement_resolves_to_the_ministry(nlp: Language) -> None:
    text = _clean(ARTICLE.read_text(encoding="utf-8"))
    quotes = find_quotes(nlp(text), [])
    q = _quote_with(text, quotes, "We hope that the time-tested")
    assert text[q.cue[0] : q.cue[1]] == "stressed"  # type: ignore[index]
    assert q.antecedent is not None
    antecedent = text[q.antecedent[0] : q.antecedent[1]]
    assert "Ministry of Foreign" in antecedent or antecedent == "MFA"


def test_reference_quotations_in_raw_markdown(nlp: Language) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    quotes = find_quotes(nlp(text), [])
    for opening, closing, named, _ in EXPECTED:
        q = _quote_with(text, quotes, opening)
        assert q.direct
        assert closing in text[q.content[0] : q.content[1]]
        assert q.speaker_span is not None
        assert named in text[q.speaker_span[0] : q.speaker_span[1]]

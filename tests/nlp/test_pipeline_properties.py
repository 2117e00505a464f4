"""The whole pipeline on arbitrary text: never a crash, and every offset it returns lies inside
the text it was given (the JSONL path keeps the text exactly)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.contract import analysis_from_json, analysis_to_json
from dyads.model import Analysis, Article
from dyads.nlp.analyze import analyze_article

# Words that wake up every stage: actors, event verbs, quotes, dates and places.
VOCABULARY = [
    "Russia", "Mali", "France", "the Kremlin", "ECOWAS", "Assimi Goita", "he", "she", "said", "signed",
    "attacked", "met", "sanctions", "protesters", "urged", "in", "on", "Bamako", "Gao", "Sahel", "June 2019",
    "last month", "Tuesday", "18-month", "“", "”", '"', "'", ",", ".", ":", "\n\n", "not", "will", "could",
    "according to", "(CNSP)", "Keita", "We", "60th", "2020", "the statement", "stressed",
]  # fmt: skip

texts = st.one_of(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=120),
)


def spans(analysis: Analysis) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for actor in analysis.actors:
        out.extend(actor.mentions)
    for place in analysis.places:
        out.extend(place.mentions)
    for event in analysis.events:
        out.extend([event.trigger, event.sentence])
    for quote in analysis.quotes:
        out.append(quote.content)
        out.extend(s for s in (quote.speaker_span, quote.cue) if s)
    out.extend(t.span for t in analysis.times)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2020-09-25", "2001-01-01"]))
def test_any_text_gives_an_analysis_with_offsets_inside_it(text: str, published: str | None) -> None:
    article = Article(id="x", text=text, published=published)
    analysis = analyze_article(article)
    assert analysis.article.text == text
    for start, end in spans(analysis):
        assert 0 <= start <= end <= len(text), (start, end, len(text))
    ids = {a.id for a in analysis.actors}
    places = {p.id for p in analysis.places}
    for event in analysis.events:
        assert set(event.actor) <= ids and set(event.recipient) <= ids
        assert event.location is None or event.location in places
        assert -10.0 <= event.score <= 10.0
    for quote in analysis.quotes:
        assert quote.speaker is None or quote.speaker in ids
    assert analysis_from_json(analysis_to_json(analysis)) == analysis

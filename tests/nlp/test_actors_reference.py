"""Actors of the reference article, through the whole pipeline (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.model import Actor, Analysis

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLE = SHARED / "corpus" / "seed" / "mali-opens-its-doors-to-russia.md"

pytestmark = pytest.mark.skipif(not ARTICLE.is_file(), reason="shared reference corpus not available")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    from dyads.model import Options
    from dyads.nlp.analyze import analyze_article
    from dyads.read.dispatch import read_path

    article = read_path(str(ARTICLE), Options())
    return analyze_article(article, Options())


def find(analysis: Analysis, *names: str) -> Actor:
    for actor in analysis.actors:
        texts = {analysis.article.text[s:e] for s, e in actor.mentions}
        if actor.name in names or texts & set(names):
            return actor
    raise AssertionError(f"none of {names} among {[a.name for a in analysis.actors]}")


@pytest.mark.parametrize(
    ("names", "country", "sectors"),
    [
        (("Assimi Goita", "Assimi Goïta"), "MLI", {"MIL", "GOV"}),
        (("Bah Ndaw",), "MLI", {"GOV"}),
        (("Ibrahim Boubacar Keita", "Ibrahim Boubacar Keïta"), "MLI", {"GOV"}),
        (("Igor Gromyko",), "RUS", {"GOV"}),
        (("Irina Filatova",), "RUS", {"EDU"}),
        (("Samuel Ramani",), None, {"EDU"}),
        (("African Union",), None, {"IGO"}),
        (("ECOWAS", "Economic Community of West African States"), None, {"IGO"}),
        (("National Committee for the Salvation of the People", "CNSP"), "MLI", {"MIL"}),
        (("Russian Ministry of Foreign Affairs", "MFA"), "RUS", {"GOV"}),
        (("Rosatom",), "RUS", {"BUS"}),
        (("Nordgold",), "RUS", {"BUS"}),
    ],
)
def test_expected_actors(analysis, names, country, sectors):
    actor = find(analysis, *names)
    assert actor.country == country
    assert actor.sector in sectors
    assert actor.code == (country or "") + (actor.sector or "")


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russia", "RUS"),
        ("Mali", "MLI"),
        ("France", "FRA"),
        ("Niger", "NER"),
        ("Guinea", "GIN"),
        ("Burkina Faso", "BFA"),
        ("Syria", "SYR"),
        ("Soviet Union", "SUN"),
    ],
)
def test_countries(analysis, name, iso3):
    actor = find(analysis, name)
    assert (actor.kind, actor.country) == ("country", iso3)


def test_keita_mentions_and_the_musician(analysis):
    text = analysis.article.text
    president = find(analysis, "Ibrahim Boubacar Keïta")
    spans = [text[s:e] for s, e in president.mentions]
    assert "Keita" in spans
    assert "Ibrahim Keita" in spans  # "President Ibrahim Keita, who took office in September 2013"
    musician = find(analysis, "Salif Keita", "Salif Keïta")
    assert musician.id != president.id
    assert musician.country == "MLI" and musician.sector != "GOV"
    assert not set(musician.mentions) & set(president.mentions)


def test_places_and_companies_are_not_people(analysis):
    text = analysis.article.text
    for actor in analysis.actors:
        if actor.kind != "person":
            continue
        spans = {text[s:e] for s, e in actor.mentions}
        assert not spans & {"Gao", "Kalana", "Bamako", "Rosatom", "Nordgold", "Avenda"}, actor

"""Places read as a news reader reads them: sentences written for these tests.

The comments cite where each use occurs in non-gold news text of the shared corpus."""

from __future__ import annotations

import pytest

from dyads.knowledge.gazetteer import haversine_km
from dyads.model import Options, Place
from dyads.nlp.doc_data import actors_of
from dyads.nlp.pipeline import build_nlp
from dyads.nlp.places.find import find_places


@pytest.fixture(scope="module")
def places_of():
    nlp = build_nlp()

    def run(text: str) -> list[Place]:
        doc = nlp(text)
        return find_places(doc, actors_of(doc), Options())

    return run


def mentioned_as(places: list[Place], name: str, text: str) -> Place:
    for place in places:
        if any(text[s:e] == name for s, e in place.mentions):
            return place
    raise AssertionError(f"no place mentioned as {name!r} in {[p.name for p in places]}")


def km_from(place: Place, lat: float, lon: float) -> float:
    assert place.lat is not None and place.lon is not None, place
    return haversine_km(place.lat, place.lon, lat, lon)


def test_washington_alone_is_the_capital_not_the_state(places_of) -> None:
    # Guardian: "according to officials in Washington", "Baghdad and Washington are in talks".
    text = "Diplomats in Washington said on Monday that the embargo would be lifted by spring."
    washington = mentioned_as(places_of(text), "Washington", text)
    assert washington.feature == "city"
    assert km_from(washington, 38.9, -77.04) < 30


def test_washington_state_is_the_state(places_of) -> None:
    text = "Farmers in Washington state lost most of their apple harvest to the early frost."
    washington = mentioned_as(places_of(text), "Washington", text)
    assert washington.feature == "admin"
    assert km_from(washington, 47.4, -120.5) < 200


def test_a_division_word_makes_the_name_the_division(places_of) -> None:
    # Guardian: "three million people live in Idlib province", "Iraq's Anbar province".
    text = "Aid convoys reached four villages in Idlib province before the road was closed."
    idlib = mentioned_as(places_of(text), "Idlib", text)
    assert idlib.country == "SYR"
    assert idlib.feature == "admin"
    # Without the division word the town is the town.
    town_text = "Aid convoys reached the city of Idlib, Syria, before the road was closed."
    assert mentioned_as(places_of(town_text), "Idlib", town_text).feature == "city"


def test_a_region_named_with_a_country_adjective_is_in_that_country(places_of) -> None:
    # Guardian: "the government-backed army of Iraqi Kurdistan", "near the Iraqi Kurdistan border".
    text = "Oil exports from Iraqi Kurdistan resumed after the pipeline was repaired."
    region = mentioned_as(places_of(text), "Iraqi Kurdistan", text)
    assert region.country == "IRQ"
    # Named without the adjective, the region spans borders and belongs to no one country.
    bare = "Oil exports from Kurdistan resumed after the pipeline was repaired."
    assert mentioned_as(places_of(bare), "Kurdistan", bare).country is None


def test_an_occasion_named_after_a_place_is_not_the_place(places_of) -> None:
    # Wire: "the demilitarized zone between Iraq and Kuwait since the Gulf War", "after the 1991
    # Gulf War"; "2018 World Cup qualification".
    text = "Veterans of the Gulf War marched past the memorial to the Korea War dead in Denver."
    names = {text[s:e] for place in places_of(text) for s, e in place.mentions}
    assert "Gulf" not in names and "Korea" not in names
    assert "Denver" in names


def test_a_town_the_recogniser_took_for_a_group_after_in(places_of) -> None:
    # Guardian: "a press conference in Oxford at around 1.30pm on Thursday".
    text = "The charity sale was held in Oxford on Saturday."
    oxford = mentioned_as(places_of(text), "Oxford", text)
    assert oxford.country == "GBR"


def test_an_organisation_the_actors_know_is_not_a_small_town(places_of) -> None:
    # Guardian: "some of Trump's most loyal backers in Congress".
    text = "The measure stalled in Congress after the recess, and Nato ministers met in Brussels."
    assert {text[s:e] for place in places_of(text) for s, e in place.mentions} == {"Brussels"}


def test_of_after_a_person_or_an_age_gives_a_home_town(places_of) -> None:
    # Wire: "Moussa Ranimat, 28, of Kafr Tsurif near Hebron", "Erland T. Almaas, 18, of Norway".
    text = "The driver, Maria Lopez, 34, of Winfield, was taken to hospital with minor injuries."
    assert mentioned_as(places_of(text), "Winfield", text).country == "USA"


def test_a_country_that_is_a_first_name_among_listed_people(places_of) -> None:
    # Place names open people's names (Guardian: "the French defence minister, Florence Parly");
    # in a list of people the first name is no place.
    text = "The award went to nurses Anna Berg and Chad Porter and surgeon Ruth Keller."
    names = {text[s:e] for place in places_of(text) for s, e in place.mentions}
    assert "Chad" not in names
    # Listed among countries, the country stays.
    text = "Troops from Chad, Niger and Mali met the envoy."
    assert {text[s:e] for place in places_of(text) for s, e in place.mentions} >= {"Chad", "Niger"}

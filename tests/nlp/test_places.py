"""Toponyms found and resolved offline: unit tests on sentences written for them."""

from __future__ import annotations

import pytest

from dyads.knowledge.gazetteer import haversine_km, load_gazetteer, normalize
from dyads.model import Options, Place
from dyads.nlp.pipeline import build_nlp
from dyads.nlp.places.find import find_places


@pytest.fixture(scope="session")
def places_of():
    nlp = build_nlp()

    def run(text: str) -> list[Place]:
        return find_places(nlp(text), [], Options())

    return run


def named(places: list[Place], name: str, text: str) -> Place:
    """The place one of whose mentions reads ``name``."""
    for place in places:
        if any(text[s:e] == name for s, e in place.mentions):
            return place
    raise AssertionError(f"no place mentioned as {name!r} in {[p.name for p in places]}")


def km(place: Place, lat: float, lon: float) -> float:
    assert place.lat is not None and place.lon is not None, place
    return haversine_km(place.lat, place.lon, lat, lon)


def test_normalize_meets_abbreviations_and_accents() -> None:
    assert normalize("St. Louis") == normalize("Saint Louis")
    assert normalize("Mt. Vernon") == normalize("Mount Vernon")
    assert normalize("Québec") == normalize("Quebec")
    assert normalize("the Sahel") == normalize("Sahel")


def test_gazetteer_knows_countries_states_counties_and_regions() -> None:
    gaz = load_gazetteer()
    assert {e.kind for e in gaz.lookup("Niger")} >= {"country"}
    assert any(e.kind == "admin1" and e.admin1 == "TN" for e in gaz.lookup("Tenn."))
    assert any(e.kind == "admin2" and e.admin1 == "KY" for e in gaz.lookup("Laurel County"))
    assert any(e.kind == "region" for e in gaz.lookup("Horn of Africa"))
    assert gaz.demonyms[normalize("Palestinians")] == "PS"


def test_city_comma_state(places_of) -> None:
    text = "The festival moved from Paris, Texas, to a fairground outside the town last year."
    paris = named(places_of(text), "Paris", text)
    assert paris.country == "USA"
    assert km(paris, 33.66, -95.56) < 30


def test_state_abbreviation_after_comma(places_of) -> None:
    text = "The plant in Gary, Ind., will close in May, the company said."
    places = places_of(text)
    gary = named(places, "Gary", text)
    assert km(gary, 41.59, -87.35) < 30
    assert named(places, "Ind.", text).feature == "admin"


def test_local_context_picks_the_small_town(places_of) -> None:
    text = (
        "A fire damaged a home in Alexandria on Sunday. Firefighters from Pineville and "
        "crews of Rapides Parish answered the call, and the sheriff of Louisiana's central "
        "parishes praised them."
    )
    alexandria = named(places_of(text), "Alexandria", text)
    assert alexandria.country == "USA"
    assert km(alexandria, 31.31, -92.45) < 50


def test_article_country_focus_picks_the_town_in_that_country(places_of) -> None:
    text = (
        "Mali's army said it had retaken the road to Gao. Soldiers left Bamako on Monday and "
        "reached Mopti before the rains, officials in Mali said."
    )
    gao = named(places_of(text), "Gao", text)
    assert gao.country == "MLI"
    assert km(gao, 16.27, -0.04) < 20


def test_georgia_the_country_or_the_state_by_its_neighbours(places_of) -> None:
    caucasus = "Georgia accused Russia of moving troops into Abkhazia, officials in Tbilisi said."
    state = "Georgia lawmakers met in Atlanta on Tuesday; Savannah and Macon sent delegations."
    assert named(places_of(caucasus), "Georgia", caucasus).country == "GEO"
    georgia = named(places_of(state), "Georgia", state)
    assert georgia.country == "USA" and georgia.feature == "admin"


def test_country_point_is_not_its_capital(places_of) -> None:
    text = "Russia and the United States traded accusations; Moscow said Washington was to blame."
    places = places_of(text)
    russia = named(places, "Russia", text)
    moscow = named(places, "Moscow", text)
    assert russia.feature == "country" and moscow.feature == "city"
    assert russia.country == moscow.country == "RUS"
    assert km(russia, 55.75, 37.62) > 1000  # not Moscow's point
    assert named(places, "Washington", text).country == "USA"


def test_regions_and_demonyms(places_of) -> None:
    text = "French troops left the Sahel as jihadist groups spread across West Africa and the Horn of Africa."
    places = places_of(text)
    assert named(places, "Sahel", text).feature == "region"
    assert named(places, "West Africa", text).feature == "region"
    assert named(places, "Horn of Africa", text).feature == "region"
    france = named(places, "French", text)
    assert france.country == "FRA" and france.feature == "country"


def test_ids_follow_first_mention_and_every_mention_is_kept(places_of) -> None:
    text = "Kenya sent envoys to Somalia. Kenya and Somalia then met in Nairobi."
    places = places_of(text)
    assert [p.id for p in places] == [f"p{i}" for i in range(1, len(places) + 1)]
    kenya = named(places, "Kenya", text)
    assert kenya.id == "p1"
    assert [text[s:e] for s, e in kenya.mentions] == ["Kenya", "Kenya"]
    for place in places:
        assert place.mentions == tuple(sorted(place.mentions))


def test_text_without_places(places_of) -> None:
    assert places_of("The committee met on Tuesday and adjourned without a vote.") == []


def test_datelines_county_lists_and_home_towns(places_of) -> None:
    text = (
        "Flood warning issued. FARGO — The river will crest on Friday, officials said. Crews in "
        "Cass and Clay counties filled sandbags, and Rep. Ann Berg, D-Moorhead, asked for help."
    )
    places = places_of(text)
    fargo = named(places, "FARGO", text)
    assert fargo.country == "USA" and km(fargo, 46.88, -96.79) < 30
    clay = named(places, "Clay", text)
    assert clay.feature == "admin" and km(clay, 46.9, -96.5) < 80  # Clay County, Minnesota
    assert named(places, "Cass", text).feature == "admin"
    assert km(named(places, "Moorhead", text), 46.87, -96.77) < 30


def test_one_sense_per_article(places_of) -> None:
    text = (
        "Flooding closed roads in Fargo, N.D., on Monday. Fargo Mayor Dennis Walaker said the "
        "city had a good day, and Fargo plans to give residents routes out of town."
    )
    fargo_mentions = [m for p in places_of(text) for m in p.mentions if text[m[0] : m[1]] == "Fargo"]
    assert len(fargo_mentions) == 3


def test_directions_and_streets(places_of) -> None:
    text = "Two were hurt on Main Street in Gainesville, Ga.; crews from Northeast Georgia came."
    places = places_of(text)
    georgia = named(places, "Georgia", text)  # trimmed from "Northeast Georgia"
    assert georgia.country == "USA" and georgia.feature == "admin"
    street = named(places, "Main Street", text)
    assert street.lat is None and street.feature == "landmark"


def test_user_places_from_knowledge_files(tmp_path) -> None:
    (tmp_path / "sites.yaml").write_text(
        "places:\n"
        "  - {name: Camp Ridgeback, lat: 15.92, lon: 2.40, country: MLI, feature: landmark}\n"
        "  - {name: Liptako, lat: 14.5, lon: 0.5, feature: region, aliases: [Liptako Zone]}\n",
        encoding="utf-8",
    )
    text = "Soldiers left Camp Ridgeback for the Liptako Zone on Monday."
    doc = build_nlp()(text)
    places = find_places(doc, [], Options(knowledge_dirs=(str(tmp_path),)))
    camp = named(places, "Camp Ridgeback", text)
    assert camp.feature == "landmark" and camp.country == "MLI" and km(camp, 15.92, 2.40) < 1
    assert named(places, "Liptako Zone", text).feature == "region"


def test_bad_user_place_names_the_file(tmp_path) -> None:
    from dyads.knowledge.registry import KnowledgeError

    bad = tmp_path / "bad.yaml"
    bad.write_text("places:\n  - {name: Nowhere, lat: 95, lon: 0}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml"):
        find_places(build_nlp()("Nowhere."), [], Options(knowledge_dirs=(str(bad),)))


def test_a_capital_of_a_country_the_article_names_beats_a_small_namesake_nearby(places_of) -> None:
    # "Damascus" beside "Washington" once went to Damascus, Maryland (a Guardian article on Syria)
    text = "Triumphalism in Washington, Moscow and Damascus risks obscuring the war in Syria."
    assert named(places_of(text), "Damascus", text).country == "SYR"
    local = "The family lives in Damascus, Maryland, near Frederick."
    assert named(places_of(local), "Damascus", local).country == "USA"

"""Actors with the knowledge at scale: imported entries, places that are not actors, peoples."""

from __future__ import annotations

from dyads.model import Actor, Article, Options
from dyads.nlp.actors.find import find_actors


def actors_of(nlp, text: str, published: str | None = None) -> list[Actor]:
    return find_actors(nlp(text), Article(id="t", text=text, published=published), Options())


def test_towns_the_ner_takes_for_people_or_bodies_are_places(nlp):
    text = "Fighters retook al-Bab last year, and Raqqa fell to the SDF. Families fled to al-Hawl."
    names = {a.name for a in actors_of(nlp, text, "2019-03-01")}
    assert not names & {"al-Bab", "Raqqa", "al-Hawl"}
    assert "Syrian Democratic Forces" in names


def test_a_surname_that_is_also_a_town_stays_the_person(nlp):
    text = "John Bolton met the envoy. Bolton said the troops would stay."
    [bolton] = [a for a in actors_of(nlp, text, "2019-01-10") if a.kind == "person"]
    assert bolton.name == "John Bolton" and bolton.country == "USA" and len(bolton.mentions) == 2


def test_adjectives_of_peoples_modify_actors_and_are_none(nlp):
    text = "The Kurdish People's Protection Units said Yazidi women were freed."
    names = {a.name for a in actors_of(nlp, text, "2019-03-01")}
    assert "Kurdish" not in names and "Yazidi" not in names
    assert "People's Protection Units" in names


def test_an_imported_office_holder_has_a_country_and_provenance(nlp):
    # Rex Hunt: the Falklands governor, known only from the imported dictionaries
    text = "Governor Rex Hunt ordered the Royal Marines to resist."
    [hunt] = [a for a in actors_of(nlp, text, "1982-04-02") if a.kind == "person"]
    assert hunt.country == "GBR"


def test_an_imported_organisation_found_by_the_ner_is_looked_up(nlp):
    text = "The Inter-Services Intelligence denied the report on Tuesday."
    [isi] = [a for a in actors_of(nlp, text, "2010-05-04") if a.kind == "organization"]
    assert isi.country == "PAK"


def test_a_demonym_in_the_description_gives_the_nationality(nlp):
    text = "Among those who left was Sally Jones, a British member of the group."
    [jones] = [a for a in actors_of(nlp, text, "2017-10-12") if a.kind == "person"]
    assert jones.country == "GBR"


def test_an_imported_namesake_yields_to_what_the_text_says(nlp):
    # an Amadou Diallo was a Guinean minister in the imported dictionaries; this one is Malian
    text = "Amadou Diallo, a Malian farmer, said the soldiers came at night."
    [diallo] = [a for a in actors_of(nlp, text, "2019-06-01") if a.kind == "person"]
    assert diallo.country == "MLI"


def test_unnamed_rebels_and_civilians_are_coded_where_the_article_is(nlp):
    text = (
        "Syria's army shelled the town. Syria said the offensive would go on. "
        "Damascus blamed Syria's neighbours. Rebels said civilians were killed."
    )
    actors = actors_of(nlp, text, "2018-02-20")
    rebels = next(a for a in actors if a.name.lower() == "rebels")
    civilians = next(a for a in actors if a.name.lower() == "civilians")
    assert rebels.country == civilians.country == "SYR"


def test_british_broadcasters_and_parliament_are_known(nlp):
    # unresolved organisations in the Guardian corpus before they were written down (ITV News 5
    # mentions, the Commons 8, NBC 4)
    text = "ITV News reported that the Commons would vote, and NBC said Washington was watching."
    by_name = {a.name: a for a in actors_of(nlp, text, "2018-04-12")}
    assert (by_name["ITV"].country, by_name["ITV"].sector) == ("GBR", "JRN")
    assert (by_name["House of Commons"].country, by_name["House of Commons"].sector) == ("GBR", "LEG")
    assert (by_name["NBC News"].country, by_name["NBC News"].sector) == ("USA", "JRN")

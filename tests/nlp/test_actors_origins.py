"""A private person's country from the words around the name, from relatives and from other
mentions of the same person; names that are no actor. Sentences written for these tests.

Each rule says how many person actors it gave a country in the Guardian corpus
(../shared/corpus/guardian.jsonl, 249 articles) when it was written.
"""

from __future__ import annotations

from spacy.tokens import Span

from dyads.model import Actor, Article, Options
from dyads.nlp.actors.find import find_actors
from dyads.nlp.actors.name_context import place_after_preposition, town_country
from dyads.nlp.actors.person_names import part_of_a_name


def actors_of(nlp, text: str, published: str | None = "2019-03-01") -> list[Actor]:
    return find_actors(nlp(text), Article(id="t", text=text, published=published), Options())


def person(actors: list[Actor], text: str, name: str) -> Actor:
    found = [a for a in actors if a.kind == "person" and any(text[s:e] == name for s, e in a.mentions)]
    assert found, f"no person mentioned as {name!r}: {[(a.name, a.kind, a.mentions) for a in actors]}"
    return found[0]


def test_demonym_right_before_the_name(nlp):
    # 4 people in the Guardian corpus ("said Canadian Hanna Bohman")
    text = "The rally was addressed by Canadian Marta Kowalczyk, who runs a shelter."
    assert person(actors_of(nlp, text), text, "Marta Kowalczyk").country == "CAN"


def test_apposition_with_a_demonym(nlp):
    # 43 people ("Her Dutch husband, Yago Riedijk", "X, 37, an American", "X, a Bulgarian national")
    text = "Her Dutch husband, Pieter Jansen, said he wanted to go home."
    assert person(actors_of(nlp, text), text, "Pieter Jansen").country == "NLD"
    text = "Two other Syrian men, Basem Halabi and Nour Kassab, joined the meeting."
    actors = actors_of(nlp, text)
    assert person(actors, text, "Basem Halabi").country == "SYR"
    assert person(actors, text, "Nour Kassab").country == "SYR"


def test_a_demonym_after_a_preposition_is_no_nationality(nlp):
    text = "Kamal Haddad, a researcher on Syrian politics, said the talks had failed."
    assert person(actors_of(nlp, text), text, "Kamal Haddad").country != "SYR"


def test_town_a_person_is_from_or_lives_in(nlp):
    # 24 people from a town ("a fighter from Brighton"), 1 pair who "live in Oxford"
    text = "Kieran Doyle, a 25-year-old volunteer from Brighton, died in the fighting."
    assert person(actors_of(nlp, text), text, "Kieran Doyle").country == "GBR"
    text = "Margaret Hale and Tom Fenner, who live in Oxford, said the ministry ignored them."
    actors = actors_of(nlp, text)
    assert person(actors, text, "Margaret Hale").country == "GBR"
    assert person(actors, text, "Tom Fenner").country == "GBR"


def test_towns_are_read_by_size_and_by_the_countries_of_the_article():
    assert town_country("Brighton") == "GBR"
    assert town_country("Grozny") == "RUS"
    assert town_country("Chichester", frozenset({"GBR"})) == "GBR"  # a larger namesake in the US
    assert town_country("Trinidad") is None  # towns of that name in Bolivia and Cuba, neither dominant


def test_copula_and_nationality_nouns(nlp):
    # "a UK national", "became a US citizen", "is an Egyptian writer": 4 people
    text = "Omar Sabri became a Canadian citizen in 2009."
    assert person(actors_of(nlp, text), text, "Omar Sabri").country == "CAN"
    text = "Lewis Grant, a UK national, travelled to Syria in 2017."
    assert person(actors_of(nlp, text), text, "Lewis Grant").country == "GBR"


def test_description_in_the_next_sentence(nlp):
    # 2 people, 24 mentions ("Ricardo Vilanova never wanted … The Spanish photojournalist went …")
    text = "Jorge Ramos Ferrer never wanted to be part of the story. The Spanish photographer went to Syria in 2012."
    assert person(actors_of(nlp, text), text, "Jorge Ramos Ferrer").country == "ESP"


def test_a_body_in_the_next_sentence_is_not_the_person(nlp):
    text = "Yusuf Demir met reporters on Monday. The Syrian government said nothing about the meeting."
    assert person(actors_of(nlp, text), text, "Yusuf Demir").country is None


def test_blood_relatives_share_a_country_and_spouses_do_not(nlp):
    # 19 people ("Sergei Skripal and his daughter Yulia", "Robinson's father, Andrew")
    text = "Ivan Sokolov, a Russian banker, and his daughter Katya were taken to hospital."
    assert person(actors_of(nlp, text), text, "Katya").country == "RUS"
    text = "Jan Novak, a Czech engineer, and his wife, Maria Lopez, arrived on Monday."
    assert person(actors_of(nlp, text), text, "Maria Lopez").country is None


def test_a_lone_given_name_is_the_one_person_it_begins(nlp):
    # 47 people, 347 mentions ("Anna" after "Anna Campbell", "Dirk" after "Dirk Campbell")
    text = (
        "Anna Lindqvist, a Swedish nurse, worked in the camp for a year. Anna said the children were hungry."
    )
    lindqvist = person(actors_of(nlp, text), text, "Anna Lindqvist")
    assert lindqvist.country == "SWE"
    assert len(lindqvist.mentions) == 2


def test_a_given_name_two_people_share_joins_neither(nlp):
    text = "Mohammed Karimi and Mohammed Saleh met in Beirut. Later Mohammed said the talks went well."
    actors = actors_of(nlp, text)
    assert len(person(actors, text, "Mohammed Karimi").mentions) == 1
    assert len(person(actors, text, "Mohammed Saleh").mentions) == 1


def test_a_plural_surname_is_the_family(nlp):
    # "the Skripals" (7 mentions in 2 articles), "the El Hindawis"
    text = "Viktor Orlov, a Russian banker, moved to Kent in 2010. Police said the Orlovs had left the house."
    orlov = person(actors_of(nlp, text), text, "Viktor Orlov")
    assert any(text[s:e] == "Orlovs" for s, e in orlov.mentions)
    assert orlov.country == "RUS"


def test_part_of_a_longer_name_the_ner_took_for_a_body(nlp):
    doc = nlp("Karim El Masri arrived. El Masri smiled at the Masris and at Karim.")
    full = {"karim el masri"}

    def span(words: str) -> Span:
        start = next(t.i for t in doc if t.i > 3 and doc[t.i : t.i + len(words.split())].text == words)
        return Span(doc, start, start + len(words.split()), "ORG")

    for words in ("El Masri", "Masris", "Karim"):
        assert part_of_a_name(span(words), full), words
    assert not part_of_a_name(span("smiled"), full)
    assert not part_of_a_name(span("El Masri"), {"el masri"})  # no longer name to be part of


def test_faiths_and_causes_are_not_actors(nlp):
    # "Islam" (12 mentions as an organisation), "Islamophobia" (4), "Brexit" (6 as a person)
    text = "Prejudice against Islam rose after Brexit, the council said."
    names = {a.name for a in actors_of(nlp, text)}
    assert not names & {"Islam", "Brexit"}


def test_aid_workers_act_for_the_organisation_the_words_name(nlp):
    # 6 aid and UN workers in the Guardian corpus ("Save the Children's Syria response director
    # Sonia Khush", "Geert Cappelaere, Unicef's regional director", "who heads the Unicef field office")
    for text, name, org in [
        ("Fatima Nour, Unicef's regional director, said the children were at risk.", "Fatima Nour", "UNICEF"),
        ("Figures rose, according to Oxfam's Yemen response director Paul Grant.", "Paul Grant", "Oxfam"),
        (
            "Nadia Karam, who heads the Unicef field office near the camp, said it was full.",
            "Nadia Karam",
            "UNICEF",
        ),
    ]:
        worker = person(actors_of(nlp, text), text, name)
        assert (worker.org, worker.country) == (org, None), text


def test_a_form_of_address_is_no_part_of_the_name(nlp):
    # "Mr Wallace" after "Ben Wallace", "Mr Robinson", "Sir John Sawers": 6 mentions
    text = "Ben Carter, the security minister, spoke on Monday. Mr Carter said the border would stay shut."
    carter = person(actors_of(nlp, text), text, "Ben Carter")
    assert len(carter.mentions) == 2


def test_a_town_after_a_preposition_is_no_given_name(nlp):
    doc = nlp("On Salisbury the ambassador said little. In Letts' case the court waited.")
    assert place_after_preposition(doc[1])  # an English town of 40,000
    assert not place_after_preposition(next(t for t in doc if t.text == "Letts"))  # no town that large


def test_salisbury_is_no_capital_any_more(nlp):
    # 37 mentions of the English city in the Guardian corpus, none of Zimbabwe's capital
    text = "Police in Salisbury said the Salisbury attack used a nerve agent."
    assert not [a for a in actors_of(nlp, text, "2018-04-01") if a.country == "ZWE"]

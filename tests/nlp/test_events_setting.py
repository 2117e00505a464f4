"""When and where an event happened, read from the language, on sentences written for these tests.

Each pattern occurs in text that is not gold: the Guardian articles of
``shared/corpus/guardian.jsonl`` and the wire sentences of ``shared/corpus/wire-sentences.jsonl``
(counts in the comments are of those files).
"""

from __future__ import annotations

import pytest

import dyads
from dyads.model import Analysis, Article, Event


@pytest.fixture(scope="module")
def analyse():
    def run(text: str, published: str = "2019-03-14") -> Analysis:
        return dyads.analyze(Article(id="t", text=text, published=published))

    return run


def _event(analysis: Analysis, trigger: str) -> Event:
    text = analysis.article.text
    for event in analysis.events:
        if trigger in text[event.trigger[0] : event.trigger[1]]:
            return event
    raise AssertionError(f"no event on {trigger!r}: {[(e.type, e.trigger) for e in analysis.events]}")


def _place(analysis: Analysis, event: Event) -> str | None:
    place = analysis.place(event.location) if event.location else None
    return place.name if place else None


# --- dates ------------------------------------------------------------------------------------


def test_own_time_dates_the_event_and_why_quotes_it(analyse):
    a = analyse("Turkish troops shelled the village of Kafr Nabl on Tuesday.")
    event = _event(a, "shelled")
    assert event.date == "2019-03-12"
    assert "date: 'Tuesday'" in (event.why or "") or "date: 'on Tuesday'" in (event.why or "")


def test_without_a_time_the_publication_date_is_flagged(analyse):
    event = _event(analyse("Police in Lagos arrested three protesters."), "arrested")
    assert event.date == "2019-03-14" and event.date_precision == "article"
    assert "publication date" in (event.why or "")


def test_past_perfect_is_not_the_publication_day(analyse):
    # "had been <verb>ed": 59 in the Guardian articles, 51 in the wire sentences
    event = _event(analyse("The rebels had attacked the convoy near Goma."), "attacked")
    assert event.date is None
    assert "past perfect" in (event.why or "")


def test_a_time_owned_by_a_noun_dates_that_noun_not_the_verb_above_it(analyse):
    # "Tuesday's announcement", "2013's use of sarin": possessive times in the Guardian articles
    a = analyse("Lawmakers welcomed Tuesday's announcement of a ceasefire by Kyiv.")
    assert _event(a, "welcomed").date == "2019-03-14"


def test_in_recent_years_is_not_the_publication_day(analyse):
    # "in recent years": 8 in the Guardian articles, 2 in the wire sentences
    event = _event(
        analyse("In recent years Chinese ships have blockaded the Philippine outpost."), "blockaded"
    )
    assert event.date is None
    assert "recent years" in (event.why or "")


def test_a_story_in_the_past_goes_on_on_the_day_an_earlier_sentence_set(analyse):
    text = (
        "Gunmen seized a passenger train in Balochistan on Tuesday. "
        "The gunmen killed four soldiers guarding the carriages."
    )
    event = _event(analyse(text, published="2019-03-14"), "killed")
    assert event.date == "2019-03-12"
    assert "earlier sentence" in (event.why or "")


def test_a_story_day_more_than_a_week_old_is_not_carried_on(analyse):
    text = "Gunmen seized a passenger train on 2 February. The army killed four gunmen in a raid."
    event = _event(analyse(text, published="2019-03-14"), "killed")
    assert event.date == "2019-03-14"


def test_a_speakers_quoted_past_is_not_the_storys_day(analyse):
    # Quoted past tenses after a dated sentence: 14 in the Guardian articles took the story's day
    # before this rule ("We joined the international agreement …", said of a 2013 accession).
    text = (
        "Gunmen seized a passenger train in Balochistan on Tuesday. "
        "The governor spoke to reporters. “The army attacked their camp,” he said."
    )
    event = _event(analyse(text, published="2019-03-14"), "attacked")
    assert event.date != "2019-03-12"
    assert "story's day" not in (event.why or "")


def test_a_week_is_its_month_with_its_days_beside_it(analyse):
    # "last week" / "next week" dating an event: 60 in the Guardian articles; two such events of
    # one month were merged as one before their days were kept.
    text = "Russia and Turkey held talks last week on the future of Idlib."
    event = _event(analyse(text, published="2018-01-17"), "talks")
    assert (event.date, event.date_precision) == ("2018-01", "week")
    assert event.date_span == ("2018-01-08", "2018-01-14")


# --- places -----------------------------------------------------------------------------------


def test_place_phrase_on_the_object_is_where_the_meeting_was(analyse):
    a = analyse("The Russian president met Iran's leaders in Tehran on Wednesday.")
    event = _event(a, "met")
    assert _place(a, event) == "Tehran"
    assert "place: in 'Tehran'" in (event.why or "")


def test_a_participants_nationality_is_not_the_location(analyse):
    a = analyse("Russian jets bombed a hospital.")
    event = _event(a, "bombed")
    assert event.location is None
    assert "place:" in (event.why or "")


def test_the_actors_own_name_is_not_the_location(analyse):
    a = analyse("Germany condemned the decision.")
    assert all(e.location is None for e in a.events)


def test_based_is_not_a_location(analyse):
    # "X-based" qualifies a party: common in both corpora
    a = analyse("A London-based charity accused the army of torture.")
    assert all(_place(a, e) != "London" for e in a.events)


def test_there_points_back_to_the_last_place_named(analyse):
    # " there": 416 in the Guardian articles, 76 in the wire sentences
    text = "Thousands of refugees have fled to Idlib. Government jets bombed a market there on Monday."
    a = analyse(text)
    event = _event(a, "bombed")
    assert _place(a, event) == "Idlib"
    assert "'there'" in (event.why or "")


def test_the_city_points_back_to_the_last_town_named(analyse):
    # " the city": 103 in the Guardian articles, 297 in the wire sentences
    text = "Protesters gathered in Mosul on Friday. Soldiers arrested dozens of them in the city."
    a = analyse(text)
    assert _place(a, _event(a, "arrested")) == "Mosul"


def test_a_place_the_text_does_not_give_is_null(analyse):
    a = analyse("The minister criticised the government's budget.")
    assert all(e.location is None for e in a.events)


def test_a_visit_happens_where_the_visitor_goes(analyse):
    # "visit to <Name>": 8 in the Guardian articles and wire sentences
    a = analyse("The Indian prime minister began a two-day visit to Mauritius on Tuesday.")
    assert _place(a, _event(a, "visit")) == "Mauritius"


def test_the_city_of_names_the_city(analyse):
    # "the city of <Name>" / "the province of <Name>": 135 in the Guardian articles and wire sentences
    a = analyse("The crown prince met the secretary of state in the port city of Jeddah.")
    assert _place(a, _event(a, "met")) == "Jeddah"


def test_a_light_verbs_event_noun_carries_its_own_place(analyse):
    # "claimed responsibility for a militant shooting on a church in Cairo" (a Guardian article
    # once placed it in the article's setting, Afghanistan)
    a = analyse("The group claimed responsibility for a shooting on a church in Cairo.")
    event = next(e for e in a.events if e.type == "ASSAULT")
    assert _place(a, event) == "Cairo"

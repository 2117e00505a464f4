"""Values of holidays and of durations with a fraction, on sentences written for the purpose."""

from __future__ import annotations

from spacy.language import Language

from dyads.nlp.times.find import find_times


def values(nlp: Language, text: str, published: str) -> list[tuple[str, str]]:
    return [(text[t.span[0] : t.span[1]], t.value) for t in find_times(nlp(text), published)]


# --- holidays take the year nearest the article, the way the tense points ---------------------
# "a three-hour visit to troops at Ayn al-Assad over Christmas" (guardian-101, of 2019-02-04):
# the Christmas just past, not the one ahead.


def test_a_past_holiday_in_a_new_year_article_is_last_years(nlp: Language) -> None:
    found = values(nlp, "The boy was rescued at sea on Thanksgiving Day.", "2000-01-07")
    assert found == [("Thanksgiving Day", "1999-11-25")]


def test_last_holiday_is_strictly_before_the_article(nlp: Language) -> None:
    found = values(nlp, "The ferry sank last Christmas.", "2018-12-14")
    assert [value for _, value in found] == ["2017-12-25"]


def test_a_coming_holiday_is_this_years(nlp: Language) -> None:
    found = values(nlp, "The prisoners will be freed before Christmas.", "2018-12-14")
    assert [value for _, value in found] == ["2018-12-25"]


def test_next_movable_holiday_is_next_years_when_it_is_past(nlp: Language) -> None:
    found = values(nlp, "The union will strike next Labor Day.", "2018-12-14")
    assert [value for _, value in found] == ["2019-09-02"]


# --- fractions ------------------------------------------------------------------------------------
# "four and a half years earlier" (guardian), "who was 8 1/2 months pregnant" (wire-sentences).


def test_a_written_fraction_keeps_its_half(nlp: Language) -> None:
    found = values(nlp, "The refugees lived in the camps for 2 1/2 years.", "2018-12-14")
    assert [value for _, value in found] == ["P2Y6M"]


def test_and_a_half_keeps_its_half(nlp: Language) -> None:
    found = values(nlp, "The siege lasted three and a half years.", "2018-12-14")
    assert [value for _, value in found] == ["P3Y6M"]


def test_half_hours_go_into_minutes(nlp: Language) -> None:
    found = values(nlp, "The delegates talked for 5 1/2 hours.", "2018-12-14")
    assert [value for _, value in found] == ["PT5H30M"]

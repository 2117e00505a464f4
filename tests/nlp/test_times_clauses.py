"""Time expressions whose value depends on the clause around them: function phrases, periods
ending at the article date, ranges, years taken from another time, habitual clock times.

Sentences written for the purpose; each test cites where the construction occurs in the
non-gold corpus (``shared/corpus``).
"""

from __future__ import annotations

from spacy.language import Language

from dyads.model import TimeExpr
from dyads.nlp.times.find import find_times


def times(nlp: Language, text: str, published: str = "2018-12-14") -> list[tuple[str, str, str]]:
    return [(text[t.span[0] : t.span[1]], t.value, t.type) for t in find_times(nlp(text), published)]


def covering(found: list[TimeExpr], text: str, phrase: str) -> list[TimeExpr]:
    start = text.index(phrase)
    return [t for t in found if t.span[0] < start + len(phrase) and start < t.span[1]]


# --- function phrases ------------------------------------------------------------------------
# "Islamist militants began attacking ... as soon as Mr. Sisi took power" (wire-01268), "blew
# himself up as soon as he reached Salem checkpoint" (wire-08278): "as soon as" joins clauses.


def test_as_soon_as_before_a_clause_is_no_time(nlp: Language) -> None:
    assert times(nlp, "The families will go home as soon as the shelling stops.") == []


def test_as_soon_as_before_a_day_leaves_the_day(nlp: Language) -> None:
    # "could come as soon as Thursday" (guardian-286): the time is Thursday, not "soon"
    found = times(nlp, "The convoy could cross the border as soon as Monday.", "2018-12-14")
    assert [text for text, _, _ in found] == ["Monday"]


def test_as_soon_as_possible_is_still_soon(nlp: Language) -> None:
    found = times(nlp, "The minister wants the talks to resume as soon as possible.")
    assert [(value, kind) for _, value, kind in found] == [("FUTURE_REF", "DATE")]


def test_as_long_as_is_no_time(nlp: Language) -> None:
    assert times(nlp, "The truce will hold as long as the guns stay silent.") == []


# --- "the past year" ends at the article date -------------------------------------------------
# "roadside bombs ... have steadily increased over the past year" (guardian-98), "killed
# scores of police and soldiers over the past year" (wire-01414), "in the past month"
# (wire-02237): the months up to the article, not the previous calendar year or month.


def test_the_past_year_is_twelve_months_to_the_article(nlp: Language) -> None:
    found = times(nlp, "Attacks on the pipeline have doubled over the past year.")
    assert [(value, kind) for _, value, kind in found] == [("P1Y", "DURATION")]


def test_the_last_month_is_a_month_to_the_article(nlp: Language) -> None:
    found = times(nlp, "Hundreds of families have fled the valley in the last month.")
    assert [(value, kind) for _, value, kind in found] == [("P1M", "DURATION")]


def test_last_year_without_the_is_still_the_calendar_year(nlp: Language) -> None:
    found = times(nlp, "The governor resigned last year.")
    assert [(value, kind) for _, value, kind in found] == [("2017", "DATE")]


def test_the_last_year_of_a_term_is_not_a_lookback(nlp: Language) -> None:
    # "in the last year of the Obama presidency" (guardian-286): the final year of something
    found = times(nlp, "The bill passed in the last year of the old parliament.")
    assert all(kind != "DURATION" for _, _, kind in found)


# --- ranges -------------------------------------------------------------------------------------
# "Isis could likely resurge in Syria within six to 12 months" (guardian-79), "the city will
# fall within four to six weeks" (guardian-738), "within two or three days" (wire-05574).


def test_a_range_of_months_is_one_open_duration(nlp: Language) -> None:
    text = "The rebels could regroup within six to 12 months."
    found = times(nlp, text)
    assert found == [("six to 12 months", "PXM", "DURATION")]


def test_a_range_with_or_is_one_open_duration(nlp: Language) -> None:
    found = times(nlp, "Engineers said the bridge would reopen in three or four weeks.")
    assert [(value, kind) for _, value, kind in found] == [("PXW", "DURATION")]


def test_a_single_count_keeps_its_number(nlp: Language) -> None:
    found = times(nlp, "The siege lasted six months.")
    assert [(value, kind) for _, value, kind in found] == [("P6M", "DURATION")]


# --- the year of a month named inside a clause anchored to another time -----------------------
# "spent four months in jail last year after his arrest in July" (guardian-159, of 2018-12-14):
# July is last year's, 2017-07, not the July nearest the article. "Montoya was captured last
# year and Varela was killed in Venezuela in February" (wire-07424, of 2008-05-02): another
# clause, so February keeps the year nearest the article.


def test_a_month_takes_the_year_of_its_clause(nlp: Language) -> None:
    text = "She spent a year in exile last year after the coup in August."
    found = find_times(nlp(text), "2018-12-14")
    assert [t.value for t in covering(found, text, "August")] == ["2017-08"]


def test_a_month_takes_a_written_year_of_its_clause(nlp: Language) -> None:
    text = "The court convicted him in 2015 of the bombing in May."
    found = find_times(nlp(text), "2018-12-14")
    assert [t.value for t in covering(found, text, "May")] == ["2015-05"]


def test_a_month_in_another_clause_keeps_the_nearest_year(nlp: Language) -> None:
    text = "The colonel was captured last year and his deputy was killed in March."
    found = find_times(nlp(text), "2018-12-14")
    assert [t.value for t in covering(found, text, "March")] == ["2018-03"]


def test_a_bare_month_lends_no_year(nlp: Language) -> None:
    # "from November to February" in a January article crosses the new year
    text = "The fighting lasted from November to February."
    found = find_times(nlp(text), "2019-01-20")
    assert [t.value for t in found if t.type == "DATE"] == ["2018-11", "2019-02"]


# --- habitual clock times -------------------------------------------------------------------
# "She would leave the house at 6am every day for a seven-hour class that began at 8am"
# (guardian-769): both times are a routine, not the article's day.


def test_a_clock_time_in_a_habitual_clause_has_no_day(nlp: Language) -> None:
    text = "The border post usually closes at 5pm."
    found = find_times(nlp(text), "2018-12-14")
    assert [(t.value, t.type) for t in covering(found, text, "5pm")] == [("XXXX-XX-XXT17:00", "TIME")]


def test_a_clock_time_beside_every_day_has_no_day(nlp: Language) -> None:
    text = "Guards search the cells at 6am every day."
    found = find_times(nlp(text), "2018-12-14")
    assert [t.value for t in covering(found, text, "6am")] == ["XXXX-XX-XXT06:00"]


def test_a_habit_reaches_the_clauses_below_it(nlp: Language) -> None:
    text = "Every morning she took a bus to a class that began at 8am."
    found = find_times(nlp(text), "2018-12-14")
    assert [t.value for t in covering(found, text, "8am")] == ["XXXX-XX-XXT08:00"]


def test_a_clock_time_of_one_event_keeps_the_day(nlp: Language) -> None:
    text = "Polling stations closed at 5pm and counting began."
    found = find_times(nlp(text), "2018-12-14")
    assert [t.value for t in covering(found, text, "5pm")] == ["2018-12-14T17:00"]


def test_soon_after_an_event_is_no_time(nlp: Language) -> None:
    # "She married the Dutch national ... soon after arriving in Syria" (guardian-36), "was moved
    # from al-Hawl to al-Roj shortly after giving birth" (guardian-34); 33 such phrases in the
    # corpus: each ties one event to another and points neither ahead nor to now
    assert times(nlp, "The hostage was probably killed soon after being captured.") == []
    assert times(nlp, "The embassy stayed open until shortly after the bombing.") == []

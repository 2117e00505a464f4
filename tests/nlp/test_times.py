"""Time expressions: one test per construction, on sentences written for the purpose."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from dyads.model import TimeExpr
from dyads.nlp.times.calendar import choose_year, place_in_year, weekday_date
from dyads.nlp.times.find import calendar_date, find_times, resolve_value, week_days
from dyads.nlp.times.grammar import number_value, spelled_year_value


def times(nlp: Language, text: str, published: str | None = "2020-09-25") -> list[TimeExpr]:
    return find_times(nlp(text), published)


def value_of(nlp: Language, text: str, phrase: str, published: str | None = "2020-09-25") -> tuple[str, str]:
    """(value, type) of the expression overlapping the first occurrence of ``phrase``."""
    start = text.index(phrase)
    end = start + len(phrase)
    found = [t for t in times(nlp, text, published) if t.span[0] < end and start < t.span[1]]
    assert found, f"no time expression over {phrase!r} in {text!r}"
    return found[0].value, found[0].type


# --- absolute dates keep their precision -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The treaty was signed on September 25, 2019 in Bamako.", "September 25, 2019", "2019-09-25"),
        ("The talks resumed in June 2018 after a pause.", "June 2018", "2018-06"),
        ("The country became independent in 1960.", "1960", "1960"),
        ("Oil prices collapsed in the 1980s.", "1980s", "198"),
        ("Output peaked in mid-2017 and fell after.", "mid-2017", "2017"),
        ("The 5 March 2019 vote was annulled.", "5 March 2019", "2019-03-05"),
        ("The deal was announced on Thursday, April 6, 2017.", "April 6", "2017-04-06"),
        ("The census of 2014-07-01 counted every household.", "2014-07-01", "2014-07-01"),
        ("Prices rose in the 20th century.", "20th century", "19"),
    ],
)
def test_absolute_dates(nlp: Language, text: str, phrase: str, value: str) -> None:
    assert value_of(nlp, text, phrase) == (value, "DATE")


def test_bare_month_day_takes_the_article_year(nlp: Language) -> None:
    text = "The ministers met on August 21 and agreed to meet again."
    assert value_of(nlp, text, "August 21") == ("2020-08-21", "DATE")


def test_bare_month_day_under_past_tense_moves_back_across_the_new_year(nlp: Language) -> None:
    text = "The rebels attacked the town on December 30, officials said."
    assert value_of(nlp, text, "December 30", published="2021-01-04") == ("2020-12-30", "DATE")


def test_bare_month_day_ahead_under_future_tense(nlp: Language) -> None:
    text = "The parliament will vote on January 12."
    assert value_of(nlp, text, "January 12", published="2020-12-20") == ("2021-01-12", "DATE")


def test_bare_month_alone_is_month_precision(nlp: Language) -> None:
    text = "The army seized power in August."
    assert value_of(nlp, text, "August") == ("2020-08", "DATE")


# --- relative dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        ("The minister resigned last month.", "last month", "2020-09-25", "2020-08"),
        ("The minister resigned last month.", "last month", "2021-01-10", "2020-12"),
        ("Elections were held last year.", "last year", "2020-09-25", "2019"),
        ("Elections will be held next year.", "next year", "2020-09-25", "2021"),
        ("The army said yesterday that it had withdrawn.", "yesterday", "2020-09-25", "2020-09-24"),
        ("The summit opens today.", "today", "2020-09-25", "2020-09-25"),
        ("The coup took place two years ago.", "two years ago", "2020-09-25", "2018"),
        ("The convoy left three days ago.", "three days ago", "2021-01-01", "2020-12-29"),
        ("The talks collapsed earlier this year.", "earlier this year", "2020-09-25", "2020"),
        ("The envoy will travel next week.", "next week", "2020-09-25", "2020-W40"),
        ("They had clashed in December, the report said.", "December", "2021-01-10", "2020-12"),
        ("Fighting resumed last December.", "last December", "2021-01-10", "2020-12"),
    ],
)
def test_relative_dates(nlp: Language, text: str, phrase: str, published: str, value: str) -> None:
    assert value_of(nlp, text, phrase, published) == (value, "DATE")


def test_following_day_counts_from_the_last_date_mentioned(nlp: Language) -> None:
    text = "The envoy arrived on March 3, 2019. The following day he met the president."
    assert value_of(nlp, text, "The following day") == ("2019-03-04", "DATE")


# --- weekdays go the way of the tense ------------------------------------------------------


def test_weekday_in_the_past(nlp: Language) -> None:
    # 2020-09-25 is a Friday
    text = "The president met the envoy on Tuesday."
    assert value_of(nlp, text, "Tuesday") == ("2020-09-22", "DATE")


def test_weekday_in_the_future(nlp: Language) -> None:
    text = "The president will meet the envoy on Tuesday."
    assert value_of(nlp, text, "Tuesday") == ("2020-09-29", "DATE")


def test_weekday_with_part_of_day(nlp: Language) -> None:
    text = "Gunmen attacked the base on Tuesday morning."
    assert value_of(nlp, text, "Tuesday morning") == ("2020-09-22TMO", "TIME")


def test_tonight_and_last_night(nlp: Language) -> None:
    assert value_of(nlp, "The council will meet tonight.", "tonight") == ("2020-09-25TNI", "TIME")
    assert value_of(nlp, "Shots were heard last night.", "last night") == ("2020-09-24TNI", "TIME")


def test_clock_time_takes_its_day(nlp: Language) -> None:
    text = "The curfew began at 10 p.m. Wednesday."
    assert value_of(nlp, text, "10 p.m.") == ("2020-09-23T22:00", "TIME")


def test_weekday_date_helper_is_strict_for_last_and_next() -> None:
    friday = date(2020, 9, 25)
    assert weekday_date(friday, 4, "past").isoformat() == "2020-09-25"
    assert weekday_date(friday, 4, None, "last").isoformat() == "2020-09-18"
    assert weekday_date(friday, 4, None, "next").isoformat() == "2020-10-02"


# --- quarters, halves, seasons -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        ("Profit rose in the third quarter.", "the third quarter", "1998-10-20", "1998-Q3"),
        ("Third-quarter sales fell 5%.", "Third-quarter", "1998-10-20", "1998-Q3"),
        ("Sales in the first quarter of 1997 were flat.", "first quarter of 1997", "1998-10-20", "1997-Q1"),
        (
            "The company expects a loss in the second half of 2021.",
            "second half of 2021",
            "2020-09-25",
            "2021-H2",
        ),
        ("The rains came late this summer.", "this summer", "2020-09-25", "2020-SU"),
        ("The offensive began last winter.", "last winter", "2020-09-25", "2019-WI"),
    ],
)
def test_calendar_parts(nlp: Language, text: str, phrase: str, published: str, value: str) -> None:
    assert value_of(nlp, text, phrase, published) == (value, "DATE")


def test_year_ago_follows_a_quarter_in_the_discourse(nlp: Language) -> None:
    text = "Net income rose in the third quarter. A year earlier, the company lost money."
    assert value_of(nlp, text, "A year earlier", published="1998-10-20") == ("1997-Q3", "DATE")


# --- durations and sets --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The junta wants an 18-month transition.", "18-month", "P18M"),
        ("The mission lasted three years.", "three years", "P3Y"),
        ("Talks went on for two weeks.", "two weeks", "P2W"),
        ("The siege lasted five hours.", "five hours", "PT5H"),
        ("The fighting has gone on for years.", "years", "PXY"),
        ("Prices fell over the past two months.", "past two months", "P2M"),
        ("Unemployment was the highest in two decades.", "two decades", "P20Y"),
        ("It was a minute and a half long.", "a minute", "PT1M"),
    ],
)
def test_durations(nlp: Language, text: str, phrase: str, value: str) -> None:
    assert value_of(nlp, text, phrase) == (value, "DURATION")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The festival is held every year.", "every year", "P1Y"),
        ("The council meets weekly.", "weekly", "P1W"),
        ("Inspectors visit each month.", "each month", "P1M"),
        ("The market opens each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("The board meets twice a year.", "twice a year", "P1Y"),
        ("The paper is published daily.", "daily", "P1D"),
    ],
)
def test_sets(nlp: Language, text: str, phrase: str, value: str) -> None:
    assert value_of(nlp, text, phrase) == (value, "SET")


# --- vague references ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The country is now at peace.", "now", "PRESENT_REF"),
        ("The rebels currently hold the north.", "currently", "PRESENT_REF"),
        ("The army recently retook the town.", "recently", "PAST_REF"),
        ("Such deals were rare in the past.", "the past", "PAST_REF"),
        ("Elections will be held soon.", "soon", "FUTURE_REF"),
        ("More aid may come in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_vague_references(nlp: Language, text: str, phrase: str, value: str) -> None:
    assert value_of(nlp, text, phrase) == (value, "DATE")


# --- false positives -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We make a commitment before you to spare no effort.",
        "The country marked its 60th anniversary of independence.",
        "You may leave whenever you like, and I may follow.",
        "Thousands of people march through the capital.",
        "The troops fall back when the leaves fall.",
        "The 1500 soldiers were deployed near the border.",
        "He paid $2020 for a second-hand car.",
        "Sales rose 2015 percent, a second record.",
        "The council adopted Resolution 2085 unanimously.",
        "Flight 2020 landed safely.",
    ],
)
def test_no_time_in_ordinary_words(nlp: Language, text: str) -> None:
    assert times(nlp, text) == [], [text[t.span[0] : t.span[1]] for t in times(nlp, text)]


def test_may_as_a_month_is_kept(nlp: Language) -> None:
    assert value_of(nlp, "The election was held in May.", "May") == ("2020-05", "DATE")


def test_spans_are_offsets_into_the_text(nlp: Language) -> None:
    text = "On Sept 25 the new government was sworn in."
    (found,) = times(nlp, text)
    assert text[found.span[0] : found.span[1]] == "Sept 25"


# --- without an article date ---------------------------------------------------------------


def test_without_article_date_unknown_fields_are_x(nlp: Language) -> None:
    text = "The two leaders met on Sept 25 and again in June 2019."
    found = {t.value for t in times(nlp, text, published=None)}
    assert found == {"XXXX-09-25", "2019-06"}


# --- pure helpers --------------------------------------------------------------------------


def test_resolve_value_without_a_parse() -> None:
    found = resolve_value("last month", "2021-01-15")
    assert found is not None and found.value == "2020-12"
    found = resolve_value("on December 30", "2021-01-04", tense="past")
    assert found is not None and found.value == "2020-12-30"
    assert resolve_value("We make a commitment", "2020-09-25") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-09-25", ("2020-09-25", "day")),
        ("2020-09-25TNI", ("2020-09-25", "day")),
        ("2019-06", ("2019-06", "month")),
        ("1960", ("1960", "year")),
        ("2020-Q3", ("2020", "year")),
        ("2020-W35", ("2020-08", "month")),
        ("2020-W39-WE", ("2020-09", "month")),
        ("PRESENT_REF", None),
        ("P18M", None),
        ("XXXX-09-25", None),
        ("198", None),
    ],
)
def test_calendar_date(value: str, expected: tuple[str, str] | None) -> None:
    assert calendar_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-W02", ("2018-01-08", "2018-01-14")),
        ("2018-W14-WE", ("2018-04-07", "2018-04-08")),
        ("2020-W53", ("2020-12-28", "2021-01-03")),
        ("2019-W53", None),  # 2019 has 52 ISO weeks
        ("2018-01", None),
        ("XXXX-WXX-2", None),
    ],
)
def test_week_days(value: str, expected: tuple[str, str] | None) -> None:
    assert week_days(value) == expected


def test_year_placement() -> None:
    jan = date(2021, 1, 4)
    assert choose_year(jan, 12, 30, "past") == 2020
    assert choose_year(jan, 12, 30, None) == 2020  # nearer in the past
    assert choose_year(date(2020, 9, 25), 11, 5, "past") == 2020  # a deadline weeks ahead
    assert choose_year(date(2020, 9, 25), 12, 20, "past") == 2019  # months ahead: last year's
    assert place_in_year(date(2020, 9, 25), (8, 1, 8, 31), "past") == 2020


def test_number_words() -> None:
    assert number_value("eighteen") == 18
    assert number_value("twenty-four") == 24
    assert number_value("several") is None
    assert spelled_year_value("nineteen ninety-six") == 1996
    assert spelled_year_value("two thousand and one") == 2001


# --- constructions added after measuring on news text --------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "published", "value"),
    [
        ("The 2019 election was disputed.", "2019", "2021-03-04", "2019"),
        ("Talks are scheduled for 25 September.", "25 September", "2021-03-04", "2021-09-25"),
        ("The rebels entered the town in June last year.", "June last year", "2021-03-04", "2020-06"),
        ("Inflation fell by year's end.", "year's end", "2021-03-04", "2021"),
        ("Growth was strong through the nineties.", "nineties", "2021-03-04", "199"),
        ("The 1988 quarter was weak.", "1988 quarter", "1989-10-26", "1988-Q3"),
        (
            "The army will stay for the foreseeable future.",
            "the foreseeable future",
            "2021-03-04",
            "FUTURE_REF",
        ),
    ],
)
def test_more_dates(nlp: Language, text: str, phrase: str, published: str, value: str) -> None:
    assert value_of(nlp, text, phrase, published) == (value, "DATE")


def test_recent_weeks_is_a_vague_past(nlp: Language) -> None:
    assert value_of(nlp, "Clashes have grown in recent weeks.", "recent weeks") == ("PAST_REF", "DATE")


def test_vague_durations(nlp: Language) -> None:
    assert value_of(nlp, "The fighting will go on in the coming weeks.", "coming weeks") == (
        "PXW",
        "DURATION",
    )
    assert value_of(nlp, "Losses mounted over the past two quarters.", "two quarters") == ("P2Q", "DURATION")


@pytest.mark.parametrize(
    "text",
    [
        "The president, 75 years old, did not attend.",
        "The airline adds 700 seats a week on the route.",
        "The board declared a quarterly dividend.",
        "About three-quarters of the food is imported.",
        "The 1500 soldiers were deployed near the border.",
    ],
)
def test_ages_rates_and_fractions_are_not_times(nlp: Language, text: str) -> None:
    assert times(nlp, text) == [], [text[t.span[0] : t.span[1]] for t in times(nlp, text)]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "kind"),
    [
        ("Posted: 2020-09-24T14:30:00Z", "2020-09-24T14:30", "2020-09-24T14:30", "TIME"),
        ("The vote is due on the 28th.", "28th", "2020-09-28", "DATE"),
        (
            "The envoy arrived on March 3, 2019. The day before, he had met the president.",
            "The day before",
            "2019-03-02",
            "DATE",
        ),
        ("The 2020-21 budget was approved.", "2020-21", "2020", "DATE"),
    ],
)
def test_numeric_and_anchored_days(nlp: Language, text: str, phrase: str, value: str, kind: str) -> None:
    assert value_of(nlp, text, phrase) == (value, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes have grown in recent years.", "recent years"),
        ("He began a two-year term.", "two-year"),
        ("The company reported a third-quarter loss.", "third-quarter"),
        ("Sales rose in its fourth quarter.", "fourth quarter"),
        ("Prices fell over the past two months.", "the past two months"),
    ],
)
def test_spans_leave_out_signals_and_articles(nlp: Language, text: str, expected: str) -> None:
    (found,) = times(nlp, text, published="1998-10-20")
    assert text[found.span[0] : found.span[1]] == expected


def test_end_point_is_not_placed_by_the_tense(nlp: Language) -> None:
    text = "The company extended its offer to Nov. 20."
    assert value_of(nlp, text, "Nov. 20", published="1989-11-02") == ("1989-11-20", "DATE")


def test_past_tense_date_months_ahead_is_last_years(nlp: Language) -> None:
    text = "The ministers met on December 12."
    assert value_of(nlp, text, "December 12") == ("2019-12-12", "DATE")


def test_for_hours(nlp: Language) -> None:
    assert value_of(nlp, "The siege lasted for hours.", "hours") == ("PTXH", "DURATION")


# --- robustness ----------------------------------------------------------------------------

_WORDS = [
    "the",
    "a",
    "last",
    "next",
    "this",
    "past",
    "Feb.",
    "29",
    "30",
    "31",
    "0",
    "99",
    "24",
    "2020",
    "1999",
    "Sept",
    "25th",
    "60th",
    "May",
    "Friday",
    "night",
    "p.m.",
    "noon",
    "quarter",
    "third",
    "half",
    "year",
    "years",
    "month",
    "week",
    "day",
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "every",
    "twice",
    "daily",
    "early",
    "mid",
    "fiscal",
    "nineteen",
    "ninety-six",
    "two",
    "thousand",
    "decade",
    "century",
    "centuries",
    "recent",
    "now",
    "soon",
    "12:75",
    "2020-02-30",
    "2/30/2020",
    "Christmas",
    "winter",
    "of",
    "on",
    "by",
    "until",
    "since",
    "10,000",
    "24",
]


@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10),
    published=st.sampled_from([None, "2020-02-29", "2021-01-01", "1999-12-31", "2020", "not a date"]),
    tense=st.sampled_from([None, "past", "present", "future"]),
)
@settings(max_examples=300, deadline=None)
def test_resolve_value_never_fails(words: list[str], published: str | None, tense: str | None) -> None:
    text = " ".join(words)
    found = resolve_value(text, published, tense=tense)  # type: ignore[arg-type]
    if found is not None:
        assert 0 <= found.span[0] < found.span[1] <= len(text)
        assert found.type in ("DATE", "TIME", "DURATION", "SET")


def test_times_out_of_the_calendar_are_no_dates(nlp: Language) -> None:
    found = times(nlp, "Humans arrived 10,000 centuries ago.")
    assert [(t.value, t.type) for t in found] == [("P1000000Y", "DURATION")]

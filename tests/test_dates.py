"""The date-phrase finder and resolver, on sentences written here."""

from __future__ import annotations

import pytest

from briefbook.analyse.dates import find_dates, find_dates_by_sentence

THURSDAY = "2030-05-16"  # a Thursday


def one(text: str, reference: str | None = THURSDAY, **kw: bool):
    found = find_dates(text, reference, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("The council met on Feb. 15 to vote.", "2030-02-15", "day"),
    ("A report dated February 16 said so.", "2030-02-16", "day"),
    ("Talks opened on 15 February in Oslo.", "2030-02-15", "day"),
    ("The raid took place in January 2020.", "2020-01", "month"),
    ("The treaty was signed in 2015 by both.", "2015", "year"),
    ("The town fell in March 2019, officials said.", "2019-03", "month"),
    ("The Sept. 11, 2001, attacks changed the law.", "2001-09-11", "day"),
])
def test_absolute_phrases(text: str, date: str, precision: str) -> None:
    phrase = one(text)
    assert (phrase.date, phrase.precision) == (date, precision)


def test_same_weekday_is_the_reference_day() -> None:
    # dateparser alone returns the Thursday a week before.
    phrase = one("The navy struck a depot on Thursday, officials said.")
    assert phrase.date == THURSDAY
    assert phrase.kind == "relative"


@pytest.mark.parametrize(("text", "date"), [
    ("The minister spoke on Monday about it.", "2030-05-13"),
    ("Sunday night's raid hit two sites.", "2030-05-12"),
    ("Drones hit the base early on Saturday morning.", "2030-05-11"),
    ("He said on Wednesday that talks were over.", "2030-05-15"),
    ("The mayor said last Thursday that it was over.", "2030-05-09"),
])
def test_weekdays_are_the_most_recent_such_day(text: str, date: str) -> None:
    assert one(text).date == date


def test_future_weekday() -> None:
    assert one("The envoy will visit on Monday.").date == "2030-05-20"
    assert one("They meet again next Thursday.").date == "2030-05-23"


def test_since_a_weekday_is_past_even_beside_a_future_tense() -> None:
    # 'since' bounds a period that began before the article, whatever the clause goes on to say
    found = one("The strike that has halted trams since Monday will go on for weeks.")
    assert (found.text, found.date, found.qualifier, found.future) == (
        "since Monday", "2030-05-13", "since", False)
    assert one("Since Friday, 40 flights have been cancelled and more will be.").date == \
        "2030-05-10"
    assert one("The envoy will visit on Monday.").date == "2030-05-20"  # no 'since': future


def test_month_only_is_not_filled_with_a_day() -> None:
    # dateparser fills "April" with the reference's day (2030-04-16).
    phrase = one("Attacks have continued since April across the region.")
    assert (phrase.date, phrase.precision, phrase.qualifier) == ("2030-04", "month", "since")
    later = one("Strikes were ordered in November as well.")
    assert later.date == "2029-11"  # November after a May reference is last year's


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Thousands left the country last year.", "2029", "year"),
    ("The rally is planned for next month.", "2030-06", "month"),
    ("It was announced yesterday in the capital.", "2030-05-15", "day"),
    ("The order was given last night.", "2030-05-15", "day"),
    ("Earlier this week the ministry denied it.", "2030-05", "month"),
    ("Forces struck earlier this evening.", THURSDAY, "day"),
])
def test_relative_phrases(text: str, date: str, precision: str) -> None:
    phrase = one(text)
    assert (phrase.date, phrase.precision) == (date, precision)


def test_this_week_across_a_month_boundary_keeps_only_the_year() -> None:
    phrase = one("Earlier this week the port reopened.", "2030-05-02")  # Thursday
    assert (phrase.date, phrase.precision) == ("2030", "year")
    assert (phrase.earliest, phrase.latest) == ("2030-04-29", "2030-05-01")


def test_undated_source_leaves_relative_phrases_unresolved() -> None:
    found = find_dates("On Thursday, and again last year, and on Feb. 15, and in 2015.", None)
    by_text = {p.text: p for p in found}
    assert by_text["Thursday"].date is None and not by_text["Thursday"].resolved
    assert by_text["last year"].date is None
    assert by_text["Feb. 15"].date is None
    assert by_text["2015"].date == "2015"  # absolute: needs no reference


def test_inferred_reference_is_flagged() -> None:
    phrase = one("He spoke on Monday.", reference_inferred=True)
    assert phrase.reference_inferred and phrase.reference == THURSDAY
    absolute = one("In March 2019 it ended.", reference_inferred=True)
    assert absolute.kind == "absolute" and absolute.reference is None


@pytest.mark.parametrize("text", [
    "Some 10,000 fighters and 3,000 troops remain.",
    "You may march to the square in 1,500 groups.",
    "The 1990s were different; room 2019b was empty.",
    "Feb. 30 is not a date.",
])
def test_non_dates_are_ignored(text: str) -> None:
    assert find_dates(text, THURSDAY) == []


def test_by_sentence_keeps_only_dated_sentences() -> None:
    text = "Nothing happened. Then on Monday it rained. In 2015 it snowed."
    result = find_dates_by_sentence(text, THURSDAY)
    assert [s for s, _ in result] == ["Then on Monday it rained.", "In 2015 it snowed."]

"""Dates belong to events: names, ranges, parts of periods, merges, source dates, the period."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookkit import write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.dated_clauses import dated_clauses
from briefbook.analyse.dates import find_dates
from briefbook.analyse.review import review_chronology
from briefbook.read.book import load_book

REF = "2030-05-16"  # a Thursday


def events_of(sentence: str, reference: str | None = REF) -> list[tuple[str, str | None, str]]:
    """``(phrase, date, precision or grain)`` of each event the sentence dates."""
    clauses, _ = dated_clauses(sentence, find_dates(sentence, reference))
    return [(c.phrase.text, c.phrase.date, c.phrase.precision or c.phrase.grain)
            for c in clauses]


@pytest.mark.parametrize("sentence", [
    "Lawmakers invoked the 1973 War Powers Act three times this session.",
    "Critics said the strike breached the War Powers Act of 1973.",
    "Tehran still honours parts of the 2015 agreement, diplomats say.",
    "Fans are already booking hotels for Euro 2028.",
    "The council debated Resolution 1701 again.",
    "Markets fell sharply on what traders now call Black Monday.",
    "She told the station's Sunday programme that she would not resign.",
    "The minister told the Today programme that prices would fall.",
    "Its 2019 accounts showed a loss.",
])
def test_a_date_inside_a_name_dates_no_event(sentence: str) -> None:
    assert events_of(sentence) == []


def test_the_event_of_the_clause_takes_its_date_not_the_name() -> None:
    sentence = ("Based on the resolution that endorsed the 2015 agreement, the arms embargo "
                "expired on October 18, 2020, officials said.")
    assert events_of(sentence) == [("October 18, 2020", "2020-10-18", "day")]
    law = "The 1973 War Powers Act was passed by Congress in November 1973 over a veto."
    assert events_of(law) == [("November 1973", "1973-11", "month")]


@pytest.mark.parametrize(("sentence", "date"), [
    ("The talks collapsed on January 19,2021 in Geneva.", "2021-01-19"),
    ("The leap-day vote on February 29,2016 was annulled.", "2016-02-29"),
    ("The 19th of January, 2021 was chosen for the vote, and it was held.", "2021-01-19"),
    ("Ballots were counted on January 19th, 2021.", "2021-01-19"),
])
def test_comma_years_and_ordinal_days(sentence: str, date: str) -> None:
    # The comma-year is read as written, never as a date in the reference's year.
    assert [d for _, d, _ in events_of(sentence, "2023-06-01")] == [date]


@pytest.mark.parametrize(("sentence", "date", "precision", "end"), [
    ("Prices rose between March and May 2019, the office said.", "2019-03", "month", "2019-05"),
    ("Protests were held from 3 to 5 March 2021 in the capital.", "2021-03-03", "day",
     "2021-03-05"),
    ("The dam was built between 1997 and 2002 by a consortium.", "1997", "year", "2002"),
    ("Growth slowed in late 2019, the bank said.", "2019", "year", None),
    ("Output fell in the second quarter of 2005.", "2005", "year", None),
    ("The vote was held in mid-June 2022.", "2022-06", "month", None),
    ("The firm collapsed in October last year.", "2029-10", "month", None),
    ("Sales fell in mid-June.", "2029-06", "month", None),
])
def test_ranges_and_parts_keep_their_precision(sentence: str, date: str, precision: str,
                                               end: str | None) -> None:
    (phrase,) = [p for p in find_dates(sentence, REF)]
    assert (phrase.date, phrase.precision, phrase.end_date) == (date, precision, end)


def test_a_sentence_without_a_verb_dates_nothing_and_lists_keep_their_role() -> None:
    assert events_of("Profits by 2009.") == []
    assert [d for _, d, _ in events_of("Output rose in 2003 and 2004, and fell in 2005.")] == [
        "2003", "2004", "2005"]
    # A weekday and the day of the month side by side are one date.
    assert events_of("The deadline for voting is next Thursday, 23 May.") == [
        ("23 May", "2030-05-23", "day")]


MERGE_ARTICLES = {
    "wire-a.txt": (
        "Jets struck a militia depot near Talvik on Thursday, the defence ministry said.\n\n"
        "The Talvik depot was hit by at least six missiles on Thursday, officials said.\n\n"
        "Thursday's strike on the Talvik depot destroyed fuel stores, the ministry said.\n\n"
        "Separately, the parliament in Orsa passed a budget on Thursday.\n"),
    "wire-b.txt": "Warplanes hit the Talvik militia depot on Thursday, the ministry said.\n",
}
MERGE_SOURCES = """\
- {id: wire-a, file: wire-a.txt, outlet: Wire A, date: 2030-05-16, date_basis: stated}
- {id: wire-b, file: wire-b.txt, outlet: Wire B, date: 2030-05-16, date_basis: stated}
"""


def test_one_event_merged_from_three_sentences_and_two_sources(tmp_path: Path) -> None:
    write_book(tmp_path, MERGE_ARTICLES, sources_yml=MERGE_SOURCES)
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    strike = next(e for e in chronology.entries if e.id == "x-wire-a-p1-s1")
    assert [(m.source, m.paragraph) for m in strike.members] == [
        ("wire-a", 1), ("wire-a", 2), ("wire-a", 3), ("wire-b", 1)]
    assert strike.date == "2030-05-16" and strike.independent_sources == 2
    assert strike.status == "confirmed"
    assert {(c.source, c.paragraphs) for c in strike.sources} == {
        ("wire-a", (1, 2, 3)), ("wire-b", (1,))}
    # Another event of the same day, with other words, stays apart.
    budget = next(e for e in chronology.entries if e.id == "x-wire-a-p4-s1")
    assert len(budget.members) == 1


def test_source_date_proposed_from_the_text_resolves_relative_dates(tmp_path: Path) -> None:
    articles = {
        "lead.txt": "The port of Velda reopened on January 19, 2021, after a strike.\n\n"
                    "Dockers had walked out on Monday, the union said.\n",
        "dateline.txt": "KESBY, Oct 19 (Wire) - Ferries resumed on Tuesday, officials said.\n\n"
                        "The service was cut in 2020.\n",
        "bare.txt": "Ferries resumed on Tuesday, officials said.\n",
    }
    write_book(tmp_path, articles)
    book = load_book(tmp_path / "briefing")
    annotations = Annotations(book)
    chronology = annotations.chronology
    proposals = {p.source: p for p in chronology.proposals}
    assert proposals["lead"].date == "2021-01-19" and proposals["lead"].basis == "inferred"
    assert "January 19, 2021" in proposals["lead"].note and "¶ 1" in proposals["lead"].note
    # The dateline gives month and day; the year comes from a full date only, so none here.
    assert "dateline" not in proposals and "bare" not in proposals
    walkout = next(e for e in chronology.entries if e.id == "x-lead-p2-s1")
    assert (walkout.date, walkout.date_basis) == ("2021-01-18", "inferred")
    assert "inferred date 2021-01-19" in (walkout.date_note or "")
    # What cannot be dated is listed for review, not lost.
    items = review_chronology(book, annotations)
    undated = [i.text for i in items if i.source == "bare"]
    assert undated and "cannot be dated" in undated[0]
    # The proposal is on the Review page, for an editor to confirm in sources.yml.
    assert [i.kind for i in items if i.source == "lead" and i.kind == "source-date"] == [
        "source-date"]


def test_dateline_with_a_year_is_the_source_date(tmp_path: Path) -> None:
    write_book(tmp_path, {"d.txt": "OSLO, March 4, 2022 (Wire) - Talks ended on Friday.\n\n"
                                   "The envoys had first met on Tuesday.\n"})
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    (proposal,) = chronology.proposals
    assert proposal.date == "2022-03-04" and "dateline" in proposal.note
    (entry,) = [e for e in chronology.entries if e.id == "x-d-p2-s1"]
    assert (entry.date, entry.date_basis) == ("2022-03-01", "inferred")


def test_background_years_are_apart_from_the_subject_period(tmp_path: Path) -> None:
    articles = {"a.txt": "Rebels seized the town of Omsa on Monday, the army said.\n\n"
                         "The town was founded in 1880 and was rebuilt in 1950.\n\n"
                         "Elections are due in 2032, officials said.\n"}
    sources = "- {id: a, file: a.txt, date: 2030-05-16, date_basis: stated}\n"
    write_book(tmp_path, articles, sources_yml=sources)
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    sections = {e.date: e.section for e in chronology.entries}
    assert sections == {"2030-05-13": "main", "1880": "background", "1950": "background",
                        "2032": "later"}
    assert chronology.span == ("2030-04-15", "2030-05-16")


def test_undated_books_take_the_years_most_paragraphs_date(tmp_path: Path) -> None:
    articles = {"a.txt": "Output rose in 2004, the agency said.\n\nExports fell in 2004.\n\n"
                         "Imports rose in 2005.\n\nThe plant opened in 1921.\n"}
    write_book(tmp_path, articles)
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    assert chronology.span == ("2003-01-01", "2005-12-31")
    assert {e.date: e.section for e in chronology.entries}["1921"] == "background"

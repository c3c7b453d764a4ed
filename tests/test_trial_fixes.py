"""Kinds a new user's trial on uncurated articles found (session 4), each on invented text."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.namefinder import find_names


@pytest.mark.parametrize(("headline", "words"), [
    ("Chancellor vows 'no return to austerity' as row deepens", "no return to austerity"),
    ("French minister warns of «serious consequences» over fishing", "serious consequences"),
])
def test_a_headline_role_is_the_person_who_says_the_same_words_below(
        tmp_path: Path, headline: str, words: str) -> None:
    a = analyse(tmp_path, f"{headline}\n\nMinister Ana Petrescu has insisted there will be "
                          f"\"{words}\" this year.\n")
    speakers = {a.actors_by_id[q.speaker].name for q in a.quotes
                if q.text.startswith(words) and q.speaker}
    assert speakers == {"Ana Petrescu"}


def test_a_party_named_with_an_adjective_keeps_it(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Debt row\n\nThe Social Democrats said the rule was „a relic of "
                          "another time“.\n\nThe Liberal Democrats said: “It must go.”\n")
    assert speaker_of(a, "a relic")[0] == "Social Democrats"
    assert speaker_of(a, "It must go")[0] == "Liberal Democrats"


def test_a_reader_handle_is_no_actor(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Your views\n\nJohnnyB77: \"Same old promises, different rosette.\"\n")
    assert "JohnnyB77" not in names(a)


def test_a_dateline_is_no_part_of_a_role_or_of_the_speaker_as_written(tmp_path: Path) -> None:
    text = ("Debt row\n\nBERLIN (dpa) - Germany's finance minister Katrin Vollmer has rejected "
            "calls to loosen the \"debt brake\" rule, saying: „It stays for good.“\n")
    a = analyse(tmp_path, text)
    person = next(x for x in a.actors if x.name == "Katrin Vollmer")
    assert all(not r.title.startswith(("-", "–")) for r in person.roles)
    quote = next(q for q in a.quotes if q.text.startswith("It stays"))
    assert "BERLIN" not in (quote.speaker_as_written or "")


def test_a_clause_with_a_verb_after_a_name_is_no_apposition() -> None:
    found = find_names("According to organiser Bethan Okoro, workers learned of the cuts "
                       "from the news.")
    assert all(n.role != "workers learned of the cuts from the news" for n in found)


@pytest.mark.parametrize("byline", ["By Helen Marsh, Political correspondent",
                                    "By Tomas Varga, Europe editor",
                                    "by Ana Ruiz and Ivo Brandt, business reporter"])
def test_a_byline_with_a_lower_case_job_title_is_split_off(tmp_path: Path, byline: str) -> None:
    a = analyse(tmp_path, f"Budget row deepens\n\n{byline}\n\nChancellor Marcus Pellow said "
                          "there would be \"no return to austerity\".\n")
    para = next(p for p in a.book.sources[0].paragraphs if p.text.startswith(byline[:8]))
    assert para.boilerplate
    assert not names(a) & {"Helen Marsh", "Tomas Varga", "Ana Ruiz", "Ivo Brandt"}

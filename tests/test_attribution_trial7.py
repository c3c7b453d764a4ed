"""Kinds a new user's trial found (seventh round): a pronoun of the other gender, a name in
apposition to a possessive subject, a demonym used as an epithet, one of a group, and bodies
written with a relative *which*.

Small articles written for the test, each with its own names, outlets and quotation marks;
each asserts the speaker, the anonymous description, or that there is no speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of

# -- he/she agreement: a person the article called "he" is never "she" -----------------------


@pytest.mark.parametrize("opener, pron, second", [
    # the second person's given name is unknown to the name data: only the pronoun history of
    # the first decides that she is not him
    ("Her colleague, Dr Adaeze Nwosu, was more cautious.", "she", "Adaeze Nwosu"),
    ("The study's co-author, Prof Chidi Okoro, disagreed.", "he", "Chidi Okoro"),
    ("His co-author, Dr Ingrid Solberg, was more cautious.", "she", "Ingrid Solberg"),
    ("But Dr Oluwaseun Adeyemi was more cautious.", "she", "Oluwaseun Adeyemi"),
])
def test_a_pronoun_goes_to_the_new_subject_not_a_speaker_of_the_other_gender(
        tmp_path: Path, opener: str, pron: str, second: str) -> None:
    a = analyse(tmp_path, (
        "Lab results surprise\n\n"
        "Prof Kwabena Asare, who led the study, said the results were striking. "
        "\u201cWe saw it in every sample,\u201d he said.\n\n"
        f"{opener} \u201cIt is too early to say,\u201d {pron} said.\n"))
    assert speaker_of(a, "We saw it")[0] == "Kwabena Asare"
    assert speaker_of(a, "It is too early")[0] == second


def test_she_does_not_go_back_to_a_man_when_no_woman_is_named(tmp_path: Path) -> None:
    """The pronoun history makes the earlier speaker male; *she* then has no one to mean."""
    a = analyse(tmp_path, (
        "Festival opens\n\n"
        "Director Chukwuemeka Obi opened the festival on Friday. «We are ready,» he said.\n\n"
        "The crowd cheered. «It is wonderful,» she said.\n"))
    assert speaker_of(a, "We are ready")[0] == "Chukwuemeka Obi"
    assert speaker_of(a, "It is wonderful")[0] is None


@pytest.mark.parametrize("second, pron", [
    ("Her deputy, Cllr Siobhan Kearney, went further.", "she"),
    ("The party's treasurer, Councillor Nuala Brady, went further.", "she"),
    ("Its finance chief, Mr Eamon Roche, went further.", "he"),
])
def test_a_titled_name_in_apposition_to_the_subject_is_the_new_subject(
        tmp_path: Path, second: str, pron: str) -> None:
    a = analyse(tmp_path, (
        "Budget passed\n\n"
        "Ms Aoife Brennan, the council leader, defended the budget. \u2018We had no choice,\u2019 "
        "she said.\n\n"
        f"{second} \u2018Cuts were unavoidable,\u2019 {pron} said.\n"))
    expected = second.split(", ")[1].split(" ", 1)[1]
    assert speaker_of(a, "Cuts were")[0] == expected


def test_an_apposition_that_is_a_clause_is_no_subject(tmp_path: Path) -> None:
    """*The report, written by Dr X, was …*: X is in a participle clause, not the subject."""
    a = analyse(tmp_path, (
        "Report out\n\n"
        "Minister Agnes Wolde welcomed the report. \u201cIt is thorough,\u201d she said.\n\n"
        "The report, written by Dr Hana Sato, was long. \u201cWe will act on it,\u201d she said.\n"))
    assert speaker_of(a, "We will act")[0] == "Agnes Wolde"

"""Attribution rules written against the second development set's classes of error.

Each article is written for the test (its own names, outlets and quotation marks); each
asserts the speaker, the anonymous description, or that there is no speaker.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of

# -- pronouns: who the pronoun means ------------------------------------------------------


def test_a_pronoun_late_in_the_subject_is_the_person_opening_the_sentence(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“We back the plan,” said port director Maud Fenwick.\n\n"
        "Councillor Ingrid Halvorsen wants an audit of the harbour fund - money she says is "
        "«being poured into a hole».\n"))
    assert speaker_of(a, "being poured")[0] == "Ingrid Halvorsen"


def test_a_name_in_an_opening_clause_is_not_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“We back the plan,” said port director Maud Fenwick.\n\n"
        "Asked about Ingrid Halvorsen, she said the councillor was \"simply wrong about the "
        "fund\".\n"))
    assert speaker_of(a, "simply wrong")[0] == "Maud Fenwick"


def test_an_unnamed_reporter_in_between_takes_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"The cuts will close three clinics,\" said union leader Kofi Mensah.\n\n"
        "Later a ministry spokesman rejected the claim. The clinics would stay open, the "
        "spokesman said.\n\n"
        "\"Funding has risen in every one of the last five years,\" he added.\n"))
    speaker, anonymous, _ = speaker_of(a, "Funding has risen")
    assert speaker is None and anonymous == "the spokesman"


def test_an_unnamed_speaker_keeps_the_pronoun_that_follows(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Union leader Kofi Mensah said the clinics would close.\n\n"
        "\"That is not true,\" a ministry spokeswoman said. \"Each clinic has a budget for "
        "the next three years and more staff than before,\" she added.\n"))
    speaker, anonymous, _ = speaker_of(a, "Each clinic")
    assert speaker is None and anonymous == "a ministry spokeswoman"

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


# -- passives, reports and epithets ---------------------------------------------------------


def test_the_agent_of_a_passive_speech_verb_is_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister Lotte Brandt proposed a levy on ferries.\n\n"
        "Her plan has been condemned as “reckless” and “unworkable” by the Ferry Operators "
        "Association (FOA).\n"))
    assert speaker_of(a, "reckless")[0] == "Ferry Operators Association"
    assert speaker_of(a, "unworkable")[0] == "Ferry Operators Association"


def test_a_passive_with_no_agent_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister Lotte Brandt proposed a levy on ferries.\n\n"
        "It is understood the plan was described as \"a tax on islanders\" in cabinet.\n"))
    assert speaker_of(a, "a tax on islanders")[0] is None


def test_alleged_to_have_said_goes_to_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "A council candidate, Rolf Ekdahl, 61, was dropped on Friday.\n\n"
        "Mr Ekdahl is alleged to have said that the harbour should be \"handed back to the "
        "fishermen who built it\".\n"))
    assert speaker_of(a, "handed back")[0] == "Rolf Ekdahl"


def test_a_report_with_an_apposition_before_said_names_its_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Campaigners met on Monday to plan a march.\n\n"
        "Ines Carvalho, of Porto Housing Action, said the eviction notice was exactly what "
        "she had feared.\n\n"
        "\"The families of this street will not be moved without a fight.\"\n"))
    assert speaker_of(a, "The families")[0] == "Ines Carvalho"


def test_an_epithet_after_a_body_spoke_goes_to_the_one_person_named(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Health minister Grete Lund said rural clinics would merge. Her plan has been called "
        "\"reckless\" by the Rural Doctors Guild.\n\n"
        "\"Nobody will lose a doctor because of this,\" the Tromsø MP told the assembly.\n"))
    assert speaker_of(a, "Nobody will lose")[0] == "Grete Lund"

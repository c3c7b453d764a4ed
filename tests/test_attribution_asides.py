"""*he*/*she* after a described person whose verb follows an aside between commas."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, speaker_of


@pytest.mark.parametrize(("text", "quote", "anonymous"), [
    ("Dam row\n\nThe governor, Tereza Halm, blamed the operator.\n\n"
     "A technician at the dam, speaking on condition of anonymity, denied that. "
     "\u201cThe gates opened as planned,\u201d he said.\n",
     "The gates", "A technician at the dam"),
    ("Dam row\n\nThe operator, Henrik Solvik, said the gates worked. \u201cWe followed the "
     "manual,\u201d he said.\n\nA seismologist at the dam, speaking on condition of anonymity, "
     "denied that. \u201cThe gates stuck,\u201d he said.\n",
     "The gates stuck", "A seismologist at the dam"),
    ("Port strike\n\nA union official, who declined to be named, called the offer a sham. "
     "\u00abThey are stalling,\u00bb she said.\n",
     "They are", "A union official"),
    ("Budget\n\nA senior official at the treasury, briefed on the talks, confirmed the cut. "
     "\u201eIt is final,\u201c he said.\n",
     "It is final", "A senior official at the treasury"),
])
def test_the_pronoun_is_the_described_person_not_a_named_one(tmp_path: Path, text, quote,
                                                               anonymous):
    speaker, described, _ = speaker_of(analyse(tmp_path, text), quote)
    assert speaker is None and described == anonymous


def test_a_named_subject_after_its_apposition_is_still_the_speaker(tmp_path: Path) -> None:
    text = ("Mill\n\nThe mayor, Dana Quell, visited the mill on Monday. "
            "\u201cWe are sad,\u201d she said.\n")
    assert speaker_of(analyse(tmp_path, text), "We are sad")[0] == "Dana Quell"


@pytest.mark.parametrize(("noun", "aside"), [
    ("physicist at the Brenmark Laboratory", "speaking on condition of anonymity"),
    ("dockhand", "who asked not to be named"),
    ("carpenter on the site", "speaking privately"),
])
def test_after_a_named_speaker_an_unnamed_occupation_is_anonymous(tmp_path: Path, noun: str,
                                                                    aside: str) -> None:
    text = ("Plant\n\nPlant director Gunnar Holm said the work was on time. \u201cWe are on "
            "schedule,\u201d Holm said.\n\n"
            f"A {noun}, {aside}, disputed that. \u201cThe loop is cracked,\u201d he said.\n")
    speaker, described, _ = speaker_of(analyse(tmp_path, text), "The loop")
    assert speaker is None and described == f"A {noun}"

"""Verbs that give a cause or a judgement in the subject's words (*blamed*, *indicated*,
*denounced*), and bare forms after a modal for a speech announced in advance (*the bishop
will ask*, *she will warn*): ``speech_verbs.txt``.

*Ardent Mining blamed "poor seams" for the loss*: the quoted cause is the firm's own word, as
with *said*; the subject speaks, the object of blame does not.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_blamed_and_indicated_are_cues(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Miner slips\n\n"
        "Ardent Mining reported a deeper loss. Ardent Mining blamed \u2018poor seams\u2019 "
        "and strikes for its results.\n\n"
        "Governor Lucia Ferrante indicated there would be \u00abstrict limits\u00bb on "
        "spending. Senator Hal Briggs denounced the budget as \"a cruel sham\".\n"))
    assert speaker_of(a, "poor seams")[0] == "Ardent Mining"
    assert speaker_of(a, "strict limits")[0] == "Lucia Ferrante"
    assert speaker_of(a, "a cruel sham")[0] == "Hal Briggs"


def test_the_one_blamed_does_not_speak(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Row over delays\n\n"
        "Mayor Ines Duarte blamed Transit Holdings for the \u201cendless delays\u201d.\n"))
    assert speaker_of(a, "endless delays")[0] == "Ines Duarte"


def test_a_speech_announced_with_a_modal(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Bishop attacks war spending\n\n"
        "Money spent on war should go to the poor, Bishop Anselm Grey has said.\n\n"
        "\u00abWhy has peace not come?\u00bb the bishop will ask. \u201cWhy is there war in so "
        "many lands?\u201d\n\n"
        "Mayor Rosa Lind will also warn of 'a long and hard winter' for the city.\n"))
    assert speaker_of(a, "Why has peace")[0] == "Anselm Grey"
    assert speaker_of(a, "Why is there war")[0] == "Anselm Grey"
    assert speaker_of(a, "a long and hard")[0] == "Rosa Lind"

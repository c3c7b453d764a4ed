"""Verbs that give a cause or a judgement in the subject's words: *blamed*, *indicated*,
*denounced* (``speech_verbs.txt``).

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

"""A short quoted judgement after a copula goes on with the previous speaker's quotation.

*The home minister said safety was "the first duty". Judges were 'plainly mistaken' to …*:
two or three quoted words right after *is*/*were*/*be* are what someone judges, not a term,
so in the sentence right after the speaker's quotation, reporting nobody else, they are that
speaker's. One word, or a short noun phrase, stays without a speaker (a scare quote).

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_a_quoted_judgement_after_a_copula_continues(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister attacks ruling\n\n"
        "Home Minister Petra Lindqvist said safety was the \u201cfirst duty of the state\u201d. "
        "The courts were \u2018plainly mistaken\u2019 to free the four men.\n\n"
        "Farmer Owen Baptiste said the new rules were \"a burden on us all\". The old rules "
        "should be \"kept and improved,\" in his view.\n"))
    assert speaker_of(a, "plainly mistaken")[0] == "Petra Lindqvist"
    assert speaker_of(a, "kept and improved")[0] == "Owen Baptiste"


def test_a_short_term_or_single_word_stays_unattributed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister attacks ruling\n\n"
        "Home Minister Petra Lindqvist said safety was the \u201cfirst duty of the state\u201d. "
        "The detentions were \u00abarbitrary\u00bb under the ruling. The so-called "
        "\u00abcontrol regime\u00bb began in May.\n"))
    assert speaker_of(a, "arbitrary")[0] is None
    assert speaker_of(a, "control regime")[0] is None

"""Quoted words that are not the reporter's statement: terms and words reported by others.

Small articles written for the test (their own names, outlets and quotation marks): a short
quotation modifying a noun after *on*/*about*/*over*, an *-ing* verb or a speech verb is a
term; a quotation inside a clause governed by a speech noun (*Claims that …*) or by a group's
speech verb (*which residents say …*) is not the words of the reporter at the end of the
sentence; a judgement after *in* (*used in "rare" cases*) stays the speaker's.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_a_term_after_on_before_a_noun_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Harbour Party is to be investigated by the regulator over its campaign.\n\n"
        "The Harbour Party says it has kept the rules on «door knocking» residents in the "
        "last month.\n"))
    speaker, anonymous, cue = speaker_of(a, "door knocking")
    assert speaker is None and anonymous is None
    assert "term" in cue


def test_a_term_after_an_ing_verb_before_a_noun_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ms Ilse Marr, the party's campaign chief, says it avoids listed numbers when "
        "phoning people about donations but not when making ‘turnout check’ calls.\n"))
    assert speaker_of(a, "turnout check")[0] is None


def test_a_term_right_after_a_speech_verb_before_a_noun_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Payments group Norvik Data says \"phone-order\" theft, where goods are bought by "
        "phone, has doubled since March.\n"))
    assert speaker_of(a, "phone-order")[0] is None


def test_a_judgement_after_in_stays_the_speakers(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Interior minister Mr Pavel Orsk said the powers would only be used in \"rare\" cases, "
        "with a judge reviewing each one.\n"))
    assert speaker_of(a, "rare")[0] == "Pavel Orsk"


def test_words_after_a_speech_noun_are_not_the_final_reporters(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Claims that “offshoring” - moving help desks to cheaper countries - is to blame are "
        "wrong, Ms Dora Quist says.\n"))
    speaker, anonymous, _ = speaker_of(a, "offshoring")
    assert speaker is None and anonymous is None


def test_words_a_group_claims_are_the_groups(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Changes to a bill which campaigners claim would allow fracking ‘by stealth’ were not "
        "a trick, the energy minister Mr Olaf Brandt said.\n"))
    speaker, anonymous, _ = speaker_of(a, "by stealth")
    assert speaker is None
    assert anonymous == "campaigners"


def test_a_plain_cue_after_the_quotation_is_kept(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rents would rise by a \"painful amount\" next year, Ms Dora Quist said on Monday.\n"))
    assert speaker_of(a, "painful amount")[0] == "Dora Quist"

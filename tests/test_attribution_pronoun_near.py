"""*he*/*she* after a long gap: the one person of that gender named in the pronoun's own
paragraph, not a subject paragraphs back; a subject in the paragraph before still wins.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_she_is_the_woman_of_her_own_paragraph_not_an_earlier_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister faces the public\n\n"
        "Teacher Mrs Lena Ortiz said: \"Where are the children supposed to go?\"\n\n"
        "The minister answered questions for an hour.\n\n"
        "The studio was packed and the lights were hot.\n\n"
        "He must remember his clash with Mrs Ann Roe, the nurse who cornered him in 2001. "
        "\u201cYou never listen to anybody on the wards,\u201d she told the minister.\n"))
    assert speaker_of(a, "Where are the children")[0] == "Lena Ortiz"
    assert speaker_of(a, "You never listen")[0] == "Ann Roe"


def test_he_after_a_gap_with_one_man_named_in_the_paragraph(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rift denied\n\n"
        "Mayor Tomas Varga and Councillor Piet Haverkamp are said to be at war again.\n\n"
        "The row is over credit for the harbour deal.\n\n"
        "It dominated the council's monthly meeting, which saw Mr Varga bat away question "
        "after question. As he told reporters: \u00abI am not interested in gossip.\u00bb\n"))
    assert speaker_of(a, "I am not interested")[0] == "Tomas Varga"


def test_a_subject_in_the_paragraph_before_still_wins(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Candidate suspended\n\n"
        "Party spokesman Mr Mark Obi said the selectors knew nothing of the views.\n\n"
        "The views would not have been matched to Mr Tomas Varga when he stood. He told "
        "Harbour Radio: 'We have suspended him as a member and as a candidate.'\n"))
    assert speaker_of(a, "We have suspended")[0] == "Mark Obi"



def test_he_in_a_sentence_opened_by_a_long_title_and_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Skills\n\n"
        "Greens leader Lena Ortiz launched her plan. She said: \"Fees put students off.\"\n\n"
        "Shadow education secretary Tomas Varga is on Thursday setting out a scheme of grants "
        "to tackle what he says are \u201ccrippling skills shortages\u201d. Former party "
        "treasurer Piet Haverkamp wants cuts that he calls \u2018long overdue\u2019.\n"))
    assert speaker_of(a, "crippling skills")[0] == "Tomas Varga"
    assert speaker_of(a, "long overdue")[0] == "Piet Haverkamp"


def test_a_paragraph_that_opens_with_he_keeps_the_earlier_referent(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Row\n\n"
        "Mr Tomas Varga said: \"The port must stay open for every boat.\"\n\n"
        "The port was built in 1890.\n\n"
        "It has lost money every year since 2001.\n\n"
        "He praised Mr Piet Haverkamp for his work. \u201cWithout him there would be no port "
        "at all,\u201d he said.\n"))
    assert speaker_of(a, "Without him")[0] == "Tomas Varga"

"""Q&A interviews: an answer label's quotation is the interviewee's; a question has no speaker."""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, names, speaker_of


def test_answers_of_an_interview_with_a_named_person_are_hers(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ten years on the bench: an interview with judge Corinne Abara\n\n"
        "Corinne Abara retired from the High Court in May.\n\n"
        "Q: \"Do you miss it?\"\n\n"
        "A: “Every single morning, if I am honest.”\n\n"
        "Answer: 'The cases stay with you.'\n"))
    assert speaker_of(a, "Every single morning")[0] == "Corinne Abara"
    assert speaker_of(a, "The cases stay")[0] == "Corinne Abara"
    assert speaker_of(a, "Do you miss it")[0] is None
    assert not {"Q", "A", "Answer"} & names(a)


def test_answers_after_x_talks_to_are_x_s(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Sailor Teodor Vlas talks to the Harbour Gazette about crossing the Atlantic alone\n\n"
        "Q: Were you afraid?\n\n"
        "A: «Only once, on the ninth night.»\n"))
    assert speaker_of(a, "Only once")[0] == "Teodor Vlas"


def test_answer_labels_without_an_interview_named_give_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Readers asked our panel about pensions. Economist Lise Brandt and adviser Tom Ure "
        "replied.\n\n"
        "Q: \"Can I retire at 60?\"\n\n"
        "A: \"It depends on your savings.\"\n"))
    assert speaker_of(a, "It depends")[0] is None


def test_a_term_in_an_answer_is_nobody_s_statement(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "An interview with architect Moira Vance\n\n"
        "Q: Is the tower finished?\n\n"
        "A: \"Finished\" is a word builders avoid. It is close.\n"))
    assert speaker_of(a, "Finished")[0] is None


def test_an_interview_with_two_people_named_before_talks_to_is_nobody_s(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rita Onu and Paul Gage talk to us. Gage spoke to reporters first.\n\n"
        "A: \"We never planned this.\"\n"))
    assert speaker_of(a, "We never planned")[0] is None


def test_a_headline_quotation_of_an_interview_is_the_interviewee_s(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“The river gave us no warning” — an interview with ferryman Jonas Ekholm\n\n"
        "Jonas Ekholm has crossed the Tarn for thirty years.\n\n"
        "Q: What happened?\n\n"
        "A: 'It rose two metres in an hour.'\n"))
    assert speaker_of(a, "The river gave us")[0] == "Jonas Ekholm"
    assert speaker_of(a, "It rose two metres")[0] == "Jonas Ekholm"

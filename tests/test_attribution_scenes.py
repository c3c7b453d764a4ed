"""A possessive inside an opening scene is not the subject: *In X's book Y told …* is Y.

A subject that opens with a scene (*In*, *At*, *During*: no comma after it) and a possessive
name with its noun (*In Ms Ortiz's memoir*, *At Ann Roe's rally*) and then another person's
name: the possessive holds the book or the event, the next name speaks.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_in_someones_book_the_next_name_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Book row\n\n"
        "The memoir names Lena Ortiz and Tomas Varga. In Ms Ortiz's memoir Mr Varga is "
        "alleged to have told the mayor: \"There is nothing you could ever say to me now that "
        "I could believe.\"\n"))
    assert speaker_of(a, "There is nothing")[0] == "Tomas Varga"


def test_at_someones_rally_the_next_name_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rally\n\n"
        "Ann Roe and Piet Haverkamp shared a platform on Friday. At Ms Roe's rally Mr "
        "Haverkamp told the crowd: \u00abThis town deserves a harbour that works.\u00bb\n"))
    assert speaker_of(a, "This town deserves")[0] == "Piet Haverkamp"


def test_a_possessive_statement_still_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Statement\n\n"
        "Harbour chief Ann Roe issued a statement on Monday. Ann Roe's statement said: "
        "\u2018We regret the delays and will refund every ticket.\u2019\n"))
    assert speaker_of(a, "We regret the delays")[0] == "Ann Roe"


def test_an_opening_clause_with_a_possessive_name_is_set_aside(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Launch\n\n"
        "Greens leader Lena Ortiz opened her campaign in Leeds.\n\n"
        "Ahead of Ms Ortiz's launch, a Liberal spokesperson said: \"The Greens would close "
        "the door to students with good grades.\" Prior to Ms Ortiz's speech, Councillor Piet "
        "Haverkamp told reporters: \u00abWe expect a long night and a close count.\u00bb\n"))
    found = speaker_of(a, "The Greens would")
    assert found[0] is None and found[1] == "a Liberal spokesperson"
    assert speaker_of(a, "We expect a long")[0] == "Piet Haverkamp"


def test_an_opening_name_in_apposition_still_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Launch\n\n"
        "Meanwhile Ann Roe, the party's spokeswoman, said: \u2018We expect a long night and a "
        "close count.\u2019\n"))
    assert speaker_of(a, "We expect a long")[0] == "Ann Roe"

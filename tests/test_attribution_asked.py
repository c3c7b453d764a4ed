"""A first-person statement after *X was asked …* is X's answer.

*Ms Okafor was asked whether Mr Dane could return. "I think we would look at it again."*:
the passive puts a question to Ms Okafor, so she is not merely acted on (as in *X was
arrested*), and the names inside the question (*Mr Dane*) are no other speaker.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_the_person_asked_answers(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party chief open to return\n\n"
        "Party chair Ngozi Okafor spoke at the launch. Ms Okafor was asked whether Tomas "
        "Dane could rejoin the party. \u201cI think we would look at that again in time. "
        "\u201cWe are not a party that bears grudges.\u201d\n"))
    assert speaker_of(a, "I think we would")[0] == "Ngozi Okafor"
    assert speaker_of(a, "We are not a party")[0] == "Ngozi Okafor"


def test_a_person_acted_on_does_not_answer(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Protest\n\n"
        "Organiser Ngozi Okafor was arrested at the rally on Friday. "
        "'We will be back next week with more of us.'\n"))
    assert speaker_of(a, "We will be back")[0] is None

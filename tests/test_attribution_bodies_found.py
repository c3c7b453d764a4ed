"""Organisations the name finder used to miss, so that their quotations had no speaker.

A name written as the owner of a board or shares (*Castleford Rovers' board*) is a body, even
when it opens with its town's name.

*Oxfam's Ann Roe*: a one-word name written as the possessive of a full name is a body (a
person is owned by a body; a person's person has a relation or role noun between); *Police
Federation*: a public service (a title that is also an organisation word) before the head of
a members' body names one body, not a generic office like *Foreign Ministry*. A headline word
found only inside the speaker's own name (*Row over 'prison' cadets* and *the Prison Union said*) is
not the speaker's word.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, names, speaker_of


def test_a_body_owning_a_named_person_is_an_organisation(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Aid call\n\n"
        "Charities want more aid, Grainaid says in a report, Hungry Years. "
        "\u201cThis must stop,\u201d Grainaid's Maria Ostrova said.\n\n"
        "The report said: \u00abThe poorest pay with their lives.\u00bb\n"))
    kinds = {x.name: x.kind for x in a.actors}
    assert kinds.get("Grainaid") == "organization"
    assert speaker_of(a, "The poorest pay")[0] == "Grainaid"
    assert speaker_of(a, "This must stop")[0] == "Maria Ostrova"


def test_a_person_or_place_owning_a_person_is_no_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Talks\n\n"
        "France's Pierre Lamy and Karen's Tom Webb met at the fair. Campaign on "
        "Hunger's Ann Roe said it was 'a good start'.\n"))
    assert not names(a) & {"France", "Karen", "Hunger"}


def test_a_service_federation_is_one_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Row over 'prison' cadets\n\n"
        "The Prison Union has said it opposes letting cadets search cells. The union said "
        "staff lacked the \"training and equipment\" for it.\n\n"
        "The Fire Association said the plan was 'unworkable'.\n"))
    assert speaker_of(a, "training and")[0] == "Prison Union"
    assert speaker_of(a, "unworkable")[0] == "Fire Association"
    assert speaker_of(a, "prison")[0] is None


def test_a_club_named_after_its_town_owns_a_board(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Club opens books\n\n"
        "Castleford Rovers' board has agreed to let investor Dana Kirk see its accounts. "
        "In a statement, the club said it would allow Ms Kirk \u2018limited access\u2019.\n"))
    kinds = {x.name: x.kind for x in a.actors}
    assert kinds.get("Castleford Rovers") == "organization"
    assert speaker_of(a, "limited access")[0] == "Castleford Rovers"


def test_a_person_owning_plans_is_no_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Plans\n\n"
        "Dana Kirk's plans for the club were rejected. Paris's board of trade met.\n"))
    assert {x.name: x.kind for x in a.actors}.get("Dana Kirk") == "person"
    assert "Paris" not in names(a)

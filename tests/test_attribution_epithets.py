"""A role, office or epithet that means a person the article named: who it is, or nobody.

Small articles written for the test (their own names, outlets and quotation marks), each
asserting the speaker a description stands for, or that it stays an anonymous description.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of
from briefbook.core.lexicon import is_role_word

# -- compound roles: co-chairman, ex-leader -------------------------------------------------


def test_a_hyphenated_role_is_a_role() -> None:
    assert is_role_word("co-chairman") and is_role_word("Ex-Minister")
    assert is_role_word("vice-chairwoman")
    assert not is_role_word("ex-wife") and not is_role_word("half-time")


def test_a_co_chairman_is_another_office_than_the_prime_minister(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Anton Greve was asked about the election date on Wednesday. Party co-chairman Lise "
        "Holm accused him of dodging. Interior Minister Jonas Falk defended the government.\n\n"
        "The prime minister told deputies: “Nobody will be surprised by the date.”\n"))
    assert speaker_of(a, "Nobody will be")[0] == "Anton Greve"


def test_the_co_chairman_is_the_one_named_so(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Green chairman Ivo Marsh said the campaign was going well. Liberal co-chairman "
        "Petra Lund disagreed.\n\n"
        "'We are ahead in every seat,' the Liberal co-chairman told the Daily Courier.\n"))
    assert speaker_of(a, "We are ahead")[0] == "Petra Lund"


def test_the_party_chairman_prefers_a_chairman_to_a_co_chairman(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Green chairman Ivo Marsh said the campaign was going well. Liberal co-chairman "
        "Petra Lund disagreed.\n\n"
        "«We have never been stronger», the party's chairman told the Daily Courier.\n"))
    assert speaker_of(a, "We have never")[0] == "Ivo Marsh"


# -- qualifiers: former, ex-, shadow --------------------------------------------------------


def test_the_former_office_is_the_person_introduced_as_former(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former civil service chief Lord Ferris has criticised the way Olav Brun's government "
        "works. Opposition leader Hanne Lie welcomed the attack.\n\n"
        "The former cabinet secretary said in an interview with the Weekly Review: \"There is "
        "too much emphasis on selling policies.\"\n"))
    assert speaker_of(a, "There is too much")[0] in ("Lord Ferris", "Ferris")


def test_an_ex_office_is_a_former_one(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former Liberal leader Ruth Ambler said on Monday that she would stand again. Green "
        "leader Carl Sten welcomed the news.\n\n"
        "The ex-leader said: „I have unfinished business.“\n"))
    assert speaker_of(a, "I have unfinished")[0] == "Ruth Ambler"


def test_the_former_premier_is_the_former_prime_minister(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Baroness Whitby, the former prime minister, made a rare speech in the Lords. Prime "
        "Minister Owen Tate was absent.\n\n"
        "“The treaty is a mistake,” the former premier told peers.\n"))
    assert speaker_of(a, "The treaty is")[0] in ("Baroness Whitby", "Whitby")


def test_nobody_introduced_as_former_leaves_the_former_office_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Olav Brun's government has been criticised. Opposition leader Hanne Lie welcomed the "
        "attack.\n\n"
        "\"There is too much spin,\" the former cabinet secretary said.\n"))
    speaker, anonymous, _ = speaker_of(a, "There is too much")
    assert speaker is None and anonymous == "the former cabinet secretary"


def test_the_shadow_office_is_not_the_office_holder(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ian Whitcombe, the opposition's shadow culture secretary, said the bill was a "
        "\"shambles\". Culture Secretary Tessa Crane defended it.\n\n"
        "\"This is a retreat,\" the shadow culture secretary said.\n"))
    assert speaker_of(a, "This is a retreat")[0] == "Ian Whitcombe"


def test_the_office_is_not_its_shadow(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shadow health secretary Ann Voss attacked the plan. Nobody else was named.\n\n"
        "\"The plan is sound,\" the health secretary said.\n"))
    speaker, anonymous, _ = speaker_of(a, "The plan is sound")
    assert speaker is None and anonymous == "the health secretary"

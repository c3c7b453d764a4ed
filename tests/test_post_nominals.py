"""Letters after a person's name (MP, MSP, QC, MEP…) are not part of the name.

Each test writes its own small article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.namefinder import find_names


@pytest.mark.parametrize(("written", "name"), [
    ("Tory finance spokesman Ana Petrescu MSP", "Ana Petrescu"),
    ("Kofi Mensah MP", "Kofi Mensah"),
    ("Sir Alan Thwaite QC", "Alan Thwaite"),
    ("Greta Lindqvist MEP", "Greta Lindqvist"),
    ("Dr Ravi Kumar OBE", "Ravi Kumar"),
])
@pytest.mark.parametrize("marks", [("\"", "\""), ("“", "”")])
def test_post_nominal_letters_are_cut_from_the_name(tmp_path: Path, written: str, name: str,
                                                     marks: tuple[str, str]) -> None:
    o, c = marks
    a = analyse(tmp_path, f"Tax row\n\n{written} said: {o}The levy is a disguise.{c}\n\n"
                          f"{name.split()[-1]} later added: {o}It will not last.{c}\n")
    assert speaker_of(a, "The levy is")[0] == name
    assert name in names(a) and written.split()[-1] not in " ".join(names(a)).split()


def test_a_regnal_number_is_no_post_nominal(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Visit\n\nKing Olav IV said the visit was \"historic\".\n")
    assert speaker_of(a, "historic")[0] == "Olav IV"


@pytest.mark.parametrize(("sentence", "name"), [
    ("\"Rates will rise,\" Okonkwo Adebayo-Smith, chief economist at Lagos Securities, said.",
     "Okonkwo Adebayo-Smith"),
    ("“Aid is over,” Laah Chong-gyu, executive director of Korea Bank - a creditor - said.",
     "Laah Chong-gyu"),
    ("Temitope Oyelaran, head of research at Vantor, said it was \"bad\".", "Temitope Oyelaran"),
])
def test_an_apposition_that_opens_with_a_role_makes_a_person(tmp_path: Path, sentence: str,
                                                               name: str) -> None:
    a = analyse(tmp_path, f"Bank deal\n\n{sentence}\n")
    quote = a.quotes[0]
    assert a.actors_by_id[quote.speaker].name == name
    assert a.actors_by_id[quote.speaker].kind == "person"


def test_a_clause_after_a_firm_is_no_apposition(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Retail\n\nYet Ana Ruiz, a bond analyst at Zentro Credit, said Mr "
                          "Lynch's job was hard. \"The issue is the next quarter,\" she said.\n")
    assert speaker_of(a, "The issue is")[0] == "Ana Ruiz"
    assert "Zentro Credit" not in {x.name for x in a.actors if x.kind == "person"}


@pytest.mark.parametrize("given", ["Jan", "Jean", "Sasha"])
def test_a_given_name_whose_gender_differs_by_country_fits_either_pronoun(
        tmp_path: Path, given: str) -> None:
    a = analyse(tmp_path, f"Police plan\n\n{given} Okafor said: \"It is a service. \"These "
                          "plans could fail,\" she warned.\n")
    assert speaker_of(a, "These plans")[0] == f"{given} Okafor"


@pytest.mark.parametrize(("first", "later", "name"), [
    ("Lord Okoro of Elmbridge", "Lord Okoro", "Okoro of Elmbridge"),
    ("Baroness Lindqvist of Upper Wharfe", "Baroness Lindqvist", "Lindqvist of Upper Wharfe"),
    ("Viscount Ashdown of Tain", "Viscount Ashdown", "Ashdown of Tain"),
])
def test_a_peer_s_territorial_designation_belongs_to_the_name(tmp_path: Path, first: str,
                                                               later: str, name: str) -> None:
    a = analyse(tmp_path, f"Ruling\n\n{first} said: \"Indefinite detention is wrong.\"\n\n"
                          f"{later} added: “It cannot stand.”\n")
    assert speaker_of(a, "Indefinite detention")[0] == name
    assert speaker_of(a, "It cannot stand")[0] == name
    assert [x.name for x in a.actors if x.kind == "person"] == [name]


def test_a_party_before_a_given_name_is_no_part_of_the_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Budget\n\nFor the Lib Dems Maria Okafor said: \"The chancellor will "
                          "boast today,\" she said.\n")
    assert speaker_of(a, "The chancellor will")[0] == "Maria Okafor"


def test_a_reporter_named_with_an_aside_is_the_he_that_follows(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget\n\nShadow minister Piotr Nowak said: \"There is a black hole.\"\n\n"
        "But Mr Ruiz's former adviser Tomas Varga, now a hopeful, said the plans differ. "
        "He added: \"I don't accept any need for changes.\"\n"))
    assert speaker_of(a, "I don't accept")[0] == "Tomas Varga"


@pytest.mark.parametrize("body", ["Age Concern", "Man Utd"])
def test_a_body_whose_first_word_the_name_list_knows_is_no_person(tmp_path: Path,
                                                                  body: str) -> None:
    a = analyse(tmp_path, f"Pensions\n\n{body} said the plan was \"poor\". Chief executive "
                          "Ivo Brandt spoke. \"Older people want action,\" he said.\n")
    assert speaker_of(a, "Older people")[0] == "Ivo Brandt"
    assert not [n for n in find_names(f"{body} said the plan was poor.") if n.kind == "person"]

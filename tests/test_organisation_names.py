"""Organisation names joined over "of": a title word ends the name only before a person's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, speaker_of
from briefbook.analyse.namefinder import find_names


def _found(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.kind) for n in find_names(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("The Ministry of Justice said so on Friday.", "Ministry of Justice"),
    ("They took the case to the International Court of Justice.",
     "International Court of Justice"),
    ("A Department of Justice lawyer declined to comment.", "Department of Justice"),
    ("The Office of the President issued a statement.", "Office of the President"),
])
def test_a_title_word_that_ends_an_organisation_s_name_belongs_to_it(text: str,
                                                                     name: str) -> None:
    assert (name, "organization") in _found(text)


@pytest.mark.parametrize(("text", "body", "person"), [
    ("The Department of Justice Secretary Ann Veld spoke.", "Department of Justice", "Ann Veld"),
    ("Bank of Ostria Governor Piet Maas said rates would rise.", "Bank of Ostria", "Piet Maas"),
])
def test_a_title_before_a_name_still_opens_the_person(text: str, body: str,
                                                      person: str) -> None:
    found = _found(text)
    assert (body, "organization") in found
    assert (person, "person") in found


@pytest.mark.parametrize(("text", "role"), [
    ("Jonas Pirrel, Vessaly's chief negotiator, said the talks had failed.",
     "Vessaly's chief negotiator"),
    ("Marta Keldane, the water minister, did not attend.", "the water minister"),
    ("Ines Aalto, a senior diplomat, left early.", "a senior diplomat"),
])
def test_an_apposition_gives_a_named_person_their_role(text: str, role: str) -> None:
    """A person found by their given name still gets the role the apposition states."""
    person = next(n for n in find_names(text) if n.kind == "person")
    assert person.role == role


def test_an_age_in_apposition_is_no_role() -> None:
    person = next(n for n in find_names("Pavel Rusk, 51, said so.") if n.kind == "person")
    assert person.role is None


@pytest.mark.parametrize(("named", "subject"), [
    ("the parliamentary Joint Committee on Climate Policy", "the cross-party committee"),
    ("the Council on Harbour Relations", "the council"),
    ("the Vantor Commission on Harbour Dredging", "the independent commission"),
])
def test_a_body_named_with_on_and_then_described(tmp_path: Path, named: str,
                                                  subject: str) -> None:
    full = named.split(" ", 2)[-1] if named.startswith("the parliamentary") else \
        named.split(" ", 1)[1]
    a = analyse(tmp_path, f"Rules row\n\nThe rules were questioned by {named}. In a report "
                          f"published last July {subject} stated there was a \"significant "
                          "risk\" of harm.\n")
    assert speaker_of(a, "significant risk")[0] == full


@pytest.mark.parametrize(("lead", "name"), [
    ("Satellite maker Orion will cut 400 jobs, the company said.", "Orion"),
    ("Shares in the retailer Florence fell by a fifth.", "Florence"),
    ("The insurer Victor reported a loss.", "Victor"),
])
def test_a_speaker_with_a_given_name_for_a_name_is_a_body_when_described_as_one(
        tmp_path: Path, lead: str, name: str) -> None:
    a = analyse(tmp_path, (f"Jobs to go at plant\n\n{lead}\n\n{name} said in a statement that "
                           "the cuts were \"painful but necessary to secure the future.\"\n"))
    assert speaker_of(a, "painful but necessary")[0] == name
    assert {x.name: x.kind for x in a.actors}[name] == "organization"


@pytest.mark.parametrize(("text", "name"), [
    ("Ingrid Holm, head of the Norwegian Coastal Fishermen's Union, welcomed it.",
     "Norwegian Coastal Fishermen's Union"),
    ("Rhodri Evans, an officer of the Metalworkers' Alliance, said so.", "Metalworkers' Alliance"),
    ("A Musicians' Union spokesman declined to comment.", "Musicians' Union"),
    ("The Children's Society said the figures were alarming.", "Children's Society"),
    ("The National Teachers’ Federation met on Monday.", "National Teachers’ Federation"),
])
def test_a_group_s_possessive_inside_an_organisation_s_name(text: str, name: str) -> None:
    assert (name, "organization") in _found(text)


def test_a_party_s_or_a_country_s_possessive_starts_no_organisation() -> None:
    assert not any("'" in n for n, _ in _found(
        "The Lib Dems' Treasury spokesman Vince Cable said so."))
    assert ("Labour Party", "organization") in _found("Britain's Labour Party said so.")

"""A role word after a comma is an apposition of the name before it, unless a name follows it."""

from __future__ import annotations

import pytest

from briefbook.analyse.namefinder import find_names


@pytest.mark.parametrize(("sentence", "person", "not_person"), [
    # "at <Place>, <role> <Name> said": the role opens a new subject, the place is no person
    ("Speaking at a forum at Lake Orvin, economist Dalia Serrat said prices would fall.",
     "Dalia Serrat", "Lake Orvin"),
    ("After a rally in Port Meyer, spokesman Tiago Brandl said turnout was high.",
     "Tiago Brandl", "Port Meyer"),
    ("On a visit to Cape Ardel, striker Niko Varga said the pitch was poor.",
     "Niko Varga", "Cape Ardel"),
])
def test_a_role_then_a_name_is_a_new_subject(sentence, person, not_person):
    found = {n.text: n.kind for n in find_names(sentence)}
    assert found.get(person) == "person"
    assert found.get(not_person) != "person", found


@pytest.mark.parametrize(("sentence", "person", "role"), [
    ("Ines Moreau, chief economist at Banque Lys, said rates would rise.", "Ines Moreau",
     "chief economist at Banque Lys"),
    ("Oskar Telle, executive director of the Water Fund, said so.", "Oskar Telle",
     "executive director of the Water Fund"),
])
def test_a_role_before_of_or_at_stays_the_apposition(sentence, person, role):
    [name] = [n for n in find_names(sentence) if n.text == person]
    assert name.kind == "person" and name.role == role

"""Letters after a person's name (MP, MSP, QC, MEP…) are not part of the name.

Each test writes its own small article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of


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

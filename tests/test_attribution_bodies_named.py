"""Organisations that speak as *the firm*, *the company*: found by their trade, and only the
body that acts in the text.

A firm named after its trade (*Kessler Logistics*, *Northfield Coal*: ``organisation_words.txt``)
is an organisation, never a person, so *the company said* can go back to it; *the firm* goes
to the one organisation that was the subject of a sentence just before, not to one named in
passing (*a drug made by Orvane Pharmaceuticals*).

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def _kinds(tmp_path: Path, text: str) -> dict[str, str]:
    return {x.name: x.kind for x in analyse(tmp_path, text).actors}


def test_a_firm_named_after_its_trade_is_an_organisation(tmp_path: Path) -> None:
    kinds = _kinds(tmp_path, (
        "Miner slips\n\n"
        "Northfield Coal reported a loss of \u00a320m. Northfield Coal said it was making "
        "\"significant progress\" in its pits.\n"))
    assert kinds.get("Northfield Coal") == "organization"


def test_the_company_goes_back_to_the_firm_that_spoke(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Miner slips\n\n"
        "Northfield Coal reported a loss of \u00a320m. Northfield Coal said it was making "
        "\u201csignificant progress\u201d in its pits. The company said these actions should "
        "\u201csignificantly uplift earnings\u201d.\n\n"
        "Kessler Logistics will close two depots. The firm said the closures were "
        "\u00abregrettable but unavoidable\u00bb.\n"))
    assert speaker_of(a, "significantly uplift")[0] == "Northfield Coal"
    assert speaker_of(a, "regrettable but")[0] == "Kessler Logistics"


def test_the_company_is_not_a_body_named_in_passing(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Drug setback\n\n"
        "The trial of the lung drug failed. Its rival, Velotrex, is made by Orvane "
        "Pharmaceuticals under licence. The company said the new head of research would make "
        "'substantial changes to the clinical teams'.\n"))
    assert speaker_of(a, "substantial changes")[0] is None


def test_the_club_which_goes_back_to_the_body_called_a_club(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rescue hope for Borussia Kessel\n\n"
        "Shares in struggling football club Borussia Kessel Association slipped on Monday.\n\n"
        "The club, which has posted record losses, said last week that it was in \u201ca "
        "life-threatening financial situation\u201d.\n"))
    assert speaker_of(a, "a life-threatening")[0] == "Borussia Kessel Association"
    assert "called so" in speaker_of(a, "a life-threatening")[2]


def test_a_body_acting_since_the_previous_speaker_takes_the_firm(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Hauliers and miners\n\n"
        "Northfield Coal said it was making 'significant progress' in its pits.\n\n"
        "Separately, Kessler Logistics will close two depots. The firm said the closures were "
        "'regrettable but unavoidable'.\n"))
    assert speaker_of(a, "significant progress")[0] == "Northfield Coal"
    assert speaker_of(a, "regrettable but")[0] == "Kessler Logistics"


def test_a_closing_reporting_clause_with_an_abbreviation_in_brackets(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Exports\n\n"
        "The harbour trade will face \"serious challenges\" over the next two years, the "
        "Kessel Chamber of Commerce (KCC) has said.\n\n"
        "Fish prices will fall \u201csharply\u201d in the spring, the Harbour Traders "
        "Association (HTA) said on Monday.\n"))
    assert speaker_of(a, "serious challenges")[0] == "Kessel Chamber of Commerce"
    assert speaker_of(a, "sharply")[0] == "Harbour Traders Association"

"""Names and speakers of sports, arts and business copy found with no curation.

Team sheets, nationality nouns and body nouns before a name, descriptive epithets as
speakers (*said the 30-year-old*), and the quotation marks after which a word opens a
sentence. Every article here is invented; each kind is tried with several spellings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.lineups import lineup_names
from briefbook.analyse.namefinder import find_names
from briefbook.analyse.nametokens import tokens
from briefbook.core.quotemarks import OPENERS


def _found(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.kind) for n in find_names(text)]


# 1. Team sheets: a paragraph of bare surnames is a list of players.

@pytest.mark.parametrize(("text", "players"), [
    ("Okafor, Lindqvist, Brennan, Aalto, Mbeki (Rossi 71), Duarte, Van Vliet, Kowalczyk "
     "(Haas 88), Novak, O'Dowd, Ferreira. Subs Not Used: Ibsen, Moreau.",
     # Duarte is also a place: left out, as it would stand for the place elsewhere
     ["Okafor", "Lindqvist", "Brennan", "Aalto", "Mbeki", "Rossi", "Van Vliet",
      "Kowalczyk", "Haas", "Novak", "O'Dowd", "Ferreira", "Ibsen", "Moreau"]),
    ("Teixeira; Hallam, Oduya, Pretorius, McGrath; Laidlaw, Rees; Fotheringham, De Klerk, "
     "Bamford (capt); Ruiz, Stanley.",
     ["Teixeira", "Hallam", "Oduya", "Pretorius", "McGrath", "Laidlaw", "Rees",
      "Fotheringham", "De Klerk", "Bamford", "Ruiz"]),  # Stanley: a place too
    ("Replacements: Quarrie, Mayor, Dunne, Sefton, Ahern, T Kovacs.",
     ["Quarrie", "Dunne", "Ahern", "T Kovacs"]),  # Mayor: a title; Sefton: a place
    ("Subs: Achterberg, Lundqvist, Obi, Marchetti, Baptiste, Kerr.",
     ["Achterberg", "Lundqvist", "Obi", "Marchetti", "Baptiste", "Kerr"]),
])
def test_a_team_sheet_names_every_player(text: str, players: list[str]) -> None:
    found = lineup_names(text)
    assert [n.text for n in found] == players
    assert all(n.kind == "person" and text[n.start:n.end] == n.text for n in found)


@pytest.mark.parametrize("text", [
    "France, Germany, Italy, Spain, Belgium, Austria and Poland signed the accord.",
    "Sony, Microsoft, Nintendo, Sega, Apple, Philips; all of them sell consoles; some not.",
    # bare names with no label, substitution, captain or semicolons: a list, not a team sheet
    "Nominated: Adams, Baker, Clarke, Dunn, Ellis, Ford.",
    "Adams, Baker, Clarke, Dunn, Ellis, Ford.",
    "The shortlist (announced on Monday) is Adams, Baker, Clarke, Dunn, Ellis and Ford.",
    "Okafor, Lindqvist, Brennan, Aalto, Mbeki (Rossi 71) and the rest of the team trained.",
])
def test_lists_that_are_no_team_sheet(text: str) -> None:
    assert lineup_names(text) == []


def test_players_of_a_team_sheet_are_actors(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harbour Town 2-1 Millbrook\n\n"
        "Harbour Town came from behind to win at the Quayside.\n\n"
        "Okafor, Lindqvist, Brennan, Aalto, Mbeki (Rossi 71), Duarte, Van Vliet, Kowalczyk "
        "(Haas 88), Novak, O'Dowd, Ferreira. Subs Not Used: Ibsen, Moreau.\n"))
    assert {"Okafor", "Rossi", "Van Vliet", "Moreau"} <= names(a)


# 2. Nationality nouns and body nouns opening a run are no part of the name.

@pytest.mark.parametrize(("text", "name"), [
    ("He beat Swede Daniel Persson in the final.", "Daniel Persson"),
    ("He finished ahead of Scot Nick Smith.", "Nick Smith"),
    ("Briton Tim Henman lost in three sets.", "Tim Henman"),
    ("Frenchman Jean Dupuis won the stage.", "Jean Dupuis"),
    ("Texan Michael Chicoine pleaded guilty.", "Michael Chicoine"),
    ("Kenyan Paul Tergat led from the start.", "Paul Tergat"),
    ("Irishwoman Aoife Byrne took silver.", "Aoife Byrne"),
])
def test_a_nationality_noun_before_a_name_is_left_out(text: str, name: str) -> None:
    assert (name, "person") in _found(text)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("British Airways said it would cut fares.", "British Airways", "organization"),
    ("Dane Bowers said he would sing.", "Dane Bowers", "person"),
])
def test_a_name_opening_with_a_nationality_is_kept_whole(text: str, name: str,
                                                        kind: str) -> None:
    assert (name, kind) in _found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Carmaker Jasper said sales fell by a third.", "Jasper"),
    ("Airline Skyvane also cut jobs.", "Skyvane"),
    ("Retailer Bexley Stores reported a loss.", "Bexley Stores"),
    ("Rival Tendra said it would match the price.", "Tendra"),
    ("Shares in carmaker Jasper fell.", "Jasper"),
    ("Insurer Halvard Mutual raised premiums.", "Halvard Mutual"),
    ("Analysts Ovum said demand would fall.", "Ovum"),
])
def test_a_body_noun_opening_the_sentence_describes_the_body(text: str, name: str) -> None:
    assert (name, "organization") in _found(text)


def test_a_body_noun_before_a_person_or_inside_a_name_is_kept() -> None:
    assert ("Simon Cowell", "person") in _found("Producer Simon Cowell said the show was over.")
    assert ("Ann Roe", "person") in _found("Developer Ann Roe said the game was late.")
    assert ("Ifeoma Chukwu", "organization") not in _found(
        "\u201cIt is a rare team,\u201d said Harbourside partner Ifeoma Chukwu.")
    assert "Tenants Union" in [n for n, _ in _found(
        "Tenants Union Chief Executive Marta Kowalski called the plans dangerous.")]
    assert not any(n == "Carbide" for n, _ in _found("Union Carbide said it would appeal."))
    assert not any(n == "Destiny" for n, _ in _found(
        "It signed all-woman singing group Destiny's Child."))
    assert not any(n in ("P", "Q") for n, _ in _found("Shares in lender P&Q fell."))
    assert not any(n in ("P", "Q") for n, _ in _found("Lender P&Q said demand was strong."))


# 3. A descriptive epithet as a speaker means the person the article is about.

def test_a_descriptive_epithet_speaks_for_the_person_just_named(tmp_path: Path) -> None:
    for n, (epithet, gender_word) in enumerate([
            ("the 30-year-old", "she"), ("the world indoor champion", "he"),
            ("the two-time champion", "she"), ("the teenager", "he")]):
        folder = tmp_path / str(n)
        folder.mkdir()
        name = "Hanna Ruokola" if gender_word == "she" else "Jonas Berglund"
        a = analyse(folder, (
            "Star returns\n\n"
            f"Double Olympic champion {name} is set to race in Oslo next month. "
            f"{gender_word.title()} has not raced there for 15 years. \"If I race, it is only "
            f"to win,\" said {epithet}, who retires next year.\n"))
        assert speaker_of(a, "If I race")[0] == name, epithet


def test_a_descriptive_epithet_after_several_people_follows_the_pronoun_chain(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Sprint win\n\n"
        "Jason Gardiner cruised home ahead of Nick Smith. He then beat Daniel Persson and Luca "
        "Verdi in the second race. \"It is a very hard record to break,\" said the world "
        "indoor champion.\n"))
    assert speaker_of(a, "It is a very hard")[0] == "Jason Gardiner"


def test_a_descriptive_epithet_with_no_one_to_mean_names_nobody(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Race report\n\n"
        "The race was run in heavy rain. \"It was the hardest day of my life,\" said the "
        "two-time champion.\n"))
    assert speaker_of(a, "It was the hardest")[0] is None
    assert not any("champion" in n.lower() for n in names(a))


# 4. A word after any script's opening quotation mark opens a sentence.

@pytest.mark.parametrize("mark", sorted(OPENERS))
def test_a_word_after_any_opening_mark_opens_a_sentence(mark: str) -> None:
    toks = tokens(f"It fell. {mark}Growth will return")
    assert next(t for t in toks if t.bare == "Growth").initial, mark


# 5. A role written in lower case right before one capitalised word makes it a person.

@pytest.mark.parametrize(("text", "name"), [
    ("Chelsea striker Drogba scored twice.", "Drogba"),
    ("The favourite is former dancer Bez, while singer Zorvath is second.", "Zorvath"),
    ("Jackie Stallone, mother of actor Brannagh, was evicted.", "Brannagh"),
    ("The finance minister Okonjo spoke first.", "Okonjo"),
])
def test_a_lower_case_role_before_one_word_names_a_person(text: str, name: str) -> None:
    assert (name, "person") in _found(text)


def test_a_given_name_alone_after_a_role_is_no_actor() -> None:
    # "her uncle Oscar": as an actor, "Oscar" would take every Oscar (the award) in the book
    assert _found("The statue looked like her uncle Oscar.") == []


def test_a_role_before_an_acronym_names_no_person() -> None:
    assert not any(kind == "person" for _, kind in _found(
        "The party runs a large voter ID project."))


# 6. Role words that name a company before its name; relations before a given name.

@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Telecom analysts Ovum welcomed the move.", "Ovum", "organization"),
    ("A director at analyst Brightline told the BBC.", "Brightline", "organization"),
    ("The game was made by developer Valdor, which sold a million copies.", "Valdor",
     "organization"),
    ("His brother Okwuosa, the vice-chairman, was not consulted.", "Okwuosa", "person"),
])
def test_a_role_word_before_one_name_types_it(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _found(text)


# 7. A one-word actor found in one article does not take another article's surname.

def test_a_one_word_actor_does_not_take_a_surname_named_in_full(tmp_path: Path) -> None:
    from briefbook.analyse.annotations import Annotations
    from briefbook.read.book import load_book

    articles = {
        "a.txt": "Captain returns\n\nThe side is led by Mr Johnson. \"We are ready,\" "
                 "said Mr Johnson.\n",
        "b.txt": "Jumper wins\n\nJade Johnson won the long jump on Saturday. \"I am happy,\" "
                 "said Johnson.\n",
        "c.txt": "Coach named\n\nMartin Johnson was named coach. He starts in May.\n",
        "d.txt": "Sprinter retires\n\nMichael Johnson retired on Friday. He is 37.\n",
    }
    (tmp_path / "sources").mkdir()
    for name, text in articles.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    a = Annotations(load_book(tmp_path))
    quote = next(q for q in a.quotes if q.text.startswith("I am happy"))
    assert quote.speaker is not None and a.actors_by_id[quote.speaker].name == "Jade Johnson"


def test_a_team_sheet_opened_by_the_team_s_name_and_a_short_subs_list() -> None:
    assert [n.text for n in lineup_names(
        "Harbour Town: Okafor, Lindqvist, Brennan (Aalto 71), Mbeki, Duarte, Ferreira.")] == [
        "Okafor", "Lindqvist", "Brennan", "Aalto", "Mbeki", "Ferreira"]
    assert [n.text for n in lineup_names("Subs Not Used: Barnes, Okonjo, Tiernan.")] == [
        "Barnes", "Okonjo", "Tiernan"]
    assert lineup_names("Nominees: Adams, Baker, Clarke.") == []
    assert [n.text for n in lineup_names(
        "Replacements (from): Bozzi, Coutts, Anglesea, Lund, Martens, C Jones.")] == [
        "Bozzi", "Coutts", "Anglesea", "Lund", "Martens", "C Jones"]


def test_the_cue_of_a_quotation_after_a_sentence_ending_with_the_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Title at last\n\n"
        "\u201dI have dreamed about this,\u201d Linnea Dahlberg said. \u201dTo win it here is "
        "unbelievable.\u201d\n"))
    quote = next(q for q in a.quotes if q.text.startswith("To win"))
    assert quote.cue == 'X said: "…"'

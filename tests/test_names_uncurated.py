"""Kinds of names found on uncurated articles: particles, joined bodies, saints, outlets, ranks.

Every article here is invented; each kind is tried with several spellings, contexts and
quotation marks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.namefinder import find_names


def _found(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.kind) for n in find_names(text)]


def _person(text: str) -> tuple[str, str | None, str | None]:
    person = next(n for n in find_names(text) if n.kind == "person")
    return person.text, person.title, person.role


# 1. Surnames with lower-case particles.

@pytest.mark.parametrize(("text", "name"), [
    ("Sen. Tomas de la Vega said the bill was flawed.", "Tomas de la Vega"),
    ("Mr van der Meulen told reporters the plan was sound.", "van der Meulen"),
    ("The engineer Lucia de la Torre inspected the bridge.", "Lucia de la Torre"),
    ("engineer Lucia de la Torre inspected the bridge.", "Lucia de la Torre"),
    ("Ms di Salvo said it was late.", "di Salvo"),
    ("Dr Anna von Brenner, a chemist, disagreed.", "Anna von Brenner"),
    ("Carlos dos Anjos, the mayor, spoke.", "Carlos dos Anjos"),
    ("Later Hendrik van den Bosch arrived.", "Hendrik van den Bosch"),
    ("Prof Willem ter Horst said the data were old.", "Willem ter Horst"),
    ("Ahmed bin Rashid arrived.", "Ahmed bin Rashid"),
])
def test_a_surname_with_particles_stays_whole(text: str, name: str) -> None:
    assert (name, "person") in _found(text)


def test_an_english_word_among_nameparser_s_prefixes_joins_no_name() -> None:
    """*do* and *bar* are name prefixes to nameparser but English words in news prose."""
    found = _found("Why should Ministers do Nothing, asked Ann Roe.")
    assert not any(" do " in n for n, _ in found)


@pytest.mark.parametrize(("article", "start", "speaker"), [
    ('Sen. Tomas de la Vega said the bill was flawed.\n\n'
     'De la Vega said later: "We have the votes to stop it."\n', "We have the votes",
     "Tomas de la Vega"),
    ('Sen. Tomas de la Vega spoke on Monday.\n\n'
     '“Nobody asked us,” de la Vega told reporters.\n', "Nobody asked us", "Tomas de la Vega"),
    ('Mr van der Meulen told reporters the plan was sound.\n\n'
     '«We will finish by June,» Van der Meulen added.\n', "We will finish", "van der Meulen"),
    ("Engineer Rosalind du Plessis inspected the dam.\n\n"
     "‘The cables are worn,’ said du Plessis.\n", "The cables are worn", "Rosalind du Plessis"),
])
def test_a_particle_surname_later_is_the_speaker(tmp_path: Path, article: str, start: str,
                                                 speaker: str) -> None:
    a = analyse(tmp_path, "Vote row\n\n" + article)
    assert speaker_of(a, start)[0] == speaker
    assert not {"Tomas", "Rosalind", "Meulen"} & names(a)


# 2. Organisation names holding "and" or "&".

@pytest.mark.parametrize(("text", "name"), [
    ("The Bakers and Confectioners Workers Union said pay was low.",
     "Bakers and Confectioners Workers Union"),
    ("The Farmers and Growers Association said prices fell.", "Farmers and Growers Association"),
    ("Shoppers went to Harte & Lowe on Monday.", "Harte & Lowe"),
    ("A spokesman for Penwick & Strand said sales rose.", "Penwick & Strand"),
    ("The Institute of Rural Studies said costs rose.", "Institute of Rural Studies"),
])
def test_an_organisation_holding_and_or_ampersand_is_one_name(text: str, name: str) -> None:
    assert (name, "organization") in _found(text)


@pytest.mark.parametrize("text", [
    "Ann Roe and Piet Maas met the Dock Workers Union.",
    "Then Ann Roe and Piet Maas left.",
])
def test_two_people_joined_by_and_stay_two(text: str) -> None:
    found = _found(text)
    assert ("Ann Roe", "person") in found
    assert ("Piet Maas", "person") in found


def test_a_union_with_and_speaks_as_one(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Pay row\n\nThe Bakers and Confectioners Workers Union said pay "
                          "was low.\n\n\"Our members are struggling,\" the union said.\n")
    assert speaker_of(a, "Our members")[0] == "Bakers and Confectioners Workers Union"


# 3. Organisations opened by a saint's name.

@pytest.mark.parametrize(("text", "name"), [
    ("St. Ignatius Memorial Hospital said it had treated 12 people.",
     "St. Ignatius Memorial Hospital"),
    ("St Aidan's Medical Center said the patient was stable.", "St Aidan's Medical Center"),
    ("Saint Columba's Infirmary said three were hurt.", "Saint Columba's Infirmary"),
    ("Pupils at St Oswin’s School were sent home.", "St Oswin’s School"),
])
def test_a_saint_s_institution_is_an_organisation(text: str, name: str) -> None:
    found = _found(text)
    assert (name, "organization") in found
    assert not any(kind == "person" for _, kind in found)


@pytest.mark.parametrize("quote", ['"All are stable," the hospital said.',
                                   "“All are stable,” the hospital said."])
def test_the_hospital_then_speaks_for_it(tmp_path: Path, quote: str) -> None:
    a = analyse(tmp_path, "Crash\n\nSt. Ignatius Memorial Hospital said it had treated 12 "
                          f"people.\n\n{quote}\n")
    assert speaker_of(a, "All are stable")[0] == "St. Ignatius Memorial Hospital"


# 4. A news outlet named after an outlet noun.

@pytest.mark.parametrize(("text", "name"), [
    ("She told broadcaster Kanal Vest that she would resign.", "Kanal Vest"),
    ("He told the newspaper Morgenpost Weekly that it was over.", "Morgenpost Weekly"),
    ("Radio Kestrel, a broadcaster, reported the fire.", "Radio Kestrel"),
    ("Speaking to the Danish daily Dagbladet Nord, he said so.", "Dagbladet Nord"),
    ("The news agency Ostra Pres reported the fire.", "Ostra Pres"),
    ("Kanal Vest, Norway's biggest broadcaster, said so.", "Kanal Vest"),
    ("He told the Daily Clarion newspaper on Sunday.", "Daily Clarion"),
    ("He told the broadcaster Kestrel Media Group on Monday.", "Kestrel Media Group"),
])
def test_an_outlet_noun_makes_the_name_media(text: str, name: str) -> None:
    assert (name, "media") in _found(text)


@pytest.mark.parametrize("text", [
    "A Danish newspaper said so.",
    "Kanal Vest television footage showed the fire.",
    "The Harbour Party website said so.",
])
def test_no_outlet_from_a_demonym_a_footage_noun_or_a_party_s_website(text: str) -> None:
    assert not any(kind == "media" for _, kind in _found(text))


def test_a_broadcaster_with_a_given_name_is_a_person() -> None:
    assert ("Margaret Hollins", "person") in _found("Veteran broadcaster Margaret Hollins "
                                                    "died on Monday.")


def test_an_outlet_is_never_the_speaker_a_pronoun_points_past(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Resignation\n\nThe minister told broadcaster Kanal Vest she would "
                          "go.\n\n\"I have had enough,\" she told Kanal Vest.\n")
    assert "Kanal Vest" not in {x.name for x in a.actors if x.kind == "person"}
    assert speaker_of(a, "I have had enough")[0] != "Kanal Vest"


# 5. Military ranks of several words.

@pytest.mark.parametrize(("text", "name", "title"), [
    ("Maj Gen Harriet Solberg said the troops were ready.", "Harriet Solberg", "Maj Gen"),
    ("Lt Col Pieter Aske told reporters.", "Pieter Aske", "Lt Col"),
    ("Rear Adm Colin Fairweather said the ship sailed.", "Colin Fairweather", "Rear Adm"),
    ("Air Vice-Marshal Ewan Tarrant said the jets were grounded.", "Ewan Tarrant",
     "Air Vice-Marshal"),
    ("Brig. Gen. Tove Lindahl declined to comment.", "Tove Lindahl", "Brig. Gen."),
    ("Foreign Secretary Mr Ewan Tarrant spoke.", "Ewan Tarrant", "Mr"),
    ("Detective Chief Inspector Ruth Ambler said so.", "Ruth Ambler",
     "Detective Chief Inspector"),
    ("Gen Sir Marcus Oakley said so.", "Marcus Oakley", "Sir"),
])
def test_a_rank_of_several_words_is_the_title(text: str, name: str, title: str) -> None:
    assert _person(text)[:2] == (name, title)


def test_no_alias_from_the_last_word_of_a_rank(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Troops\n\nMaj Gen Harriet Solberg said the troops were ready.\n\n"
                          "\"We leave at dawn,\" Solberg said.\n")
    actor = next(x for x in a.actors if x.name == "Harriet Solberg")
    assert not any(n.startswith("Gen ") for n in actor.names)
    assert speaker_of(a, "We leave at dawn")[0] == "Harriet Solberg"


# 6. A role in apposition before the name.

@pytest.mark.parametrize(("text", "name", "role"), [
    ("The housing secretary, Imogen Treharne, said homes would be built.", "Imogen Treharne",
     "The housing secretary"),
    ("Its chief executive, Bram Ostrander, said profits rose.", "Bram Ostrander",
     "Its chief executive"),
])
def test_a_role_before_the_name_is_the_role(text: str, name: str, role: str) -> None:
    assert _person(text)[0] == name
    assert _person(text)[2] == role


# -- people the name data does not know, marked as people by the grammar ---------------------


@pytest.mark.parametrize("text, name, gender", [
    ("Tunde Bakare, who plays in Spain, was recalled to the squad.", "Tunde Bakare", None),
    ("Chimwemwe Phiri said he was happy to be back after injury.", "Chimwemwe Phiri", "male"),
    ("Oluwaseun Adeyemi-Cole says she will stand again next year.", "Oluwaseun Adeyemi-Cole",
     "female"),
    ("Nguyen Thi Lan, who runs a bakery in Hue, has seen prices double.", "Nguyen Thi Lan",
     None),
])
def test_a_name_unknown_to_the_name_data_is_a_person_by_who_or_he(
        text: str, name: str, gender: str | None) -> None:
    found = [n for n in find_names(text) if n.text == name]
    assert found and found[0].kind == "person"
    assert found[0].gender == gender


@pytest.mark.parametrize("text", [
    "Fans of the Crooked Lanterns, who play Leeds tonight, queued for hours.",
    "Grey Harbour Rovers, who are top of the league, lost on Saturday.",
    "Tillery Dynamics said it would cut 200 jobs.",
])
def test_a_band_a_team_or_a_firm_is_no_person_by_these_cues(text: str) -> None:
    assert not [n for n in find_names(text) if n.kind == "person"]


def test_page_names_of_people_with_letters_of_other_alphabets(tmp_path: Path) -> None:
    # ø, ı, ł and ß have no accent to strip: they are transliterated, not cut out of the id
    a = analyse(tmp_path, (
        "Fishermen welcome licensing delay\n\n"
        "Torbjørn Aasland, who leads the union, welcomed it. \"This is the first time they "
        "listened,\" he said. Sibel Yılmaz of the port board agreed: \"It buys us a season,\" "
        "she said. Łukasz Wiśniewski, a skipper, and Jörg Straßmann, an engineer, were "
        "also there.\n"))
    ids = {actor.name: actor.id for actor in a.actors}
    assert ids["Torbjørn Aasland"] == "torbjorn-aasland"
    assert ids["Sibel Yılmaz"] == "sibel-yilmaz"
    assert ids["Łukasz Wiśniewski"] == "lukasz-wisniewski"
    assert ids["Jörg Straßmann"] == "jorg-strassmann"
    assert speaker_of(a, "This is the first time")[0] == "Torbjørn Aasland"


def test_a_portfolio_before_a_title_stays_in_the_role(tmp_path: Path) -> None:
    # the article also writes the portfolio word in lower case ("water", "trade"): at the
    # start of a sentence, before a title, it is still the role's, not an ordinary word
    a = analyse(tmp_path, (
        "Rationing begins\n\n"
        "Water Minister Wanjiru Kamau said rationing would last until the rains. \"Every "
        "household will receive water twice a week,\" she said.\n\n"
        "Trade Secretary Odile Marchetti agreed. Cross-border trade is down, she said.\n"))
    roles = {x.name: [r.title for r in x.roles] for x in a.actors}
    assert roles["Wanjiru Kamau"] == ["Water Minister"]
    assert roles["Odile Marchetti"] == ["Trade Secretary"]

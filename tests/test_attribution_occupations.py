"""Occupation nouns before a name, named weather events, and a given name alone."""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, names, speaker_of


def test_an_occupation_opening_a_sentence_is_the_role_not_the_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Builder Tomasz Wren was on site when the wall fell.\n\n"
        "Florist Ingrid Sato said her shop had flooded. “We lost everything,” she said.\n\n"
        "Pensioner Albert Frye said: 'Nobody warned us.'\n"))
    assert {"Tomasz Wren", "Ingrid Sato", "Albert Frye"} <= names(a)
    assert not any(n.split()[0] in ("Builder", "Florist", "Pensioner") for n in names(a))
    assert speaker_of(a, "We lost everything")[0] == "Ingrid Sato"
    assert speaker_of(a, "Nobody warned us")[0] == "Albert Frye"


def test_he_after_an_occupation_and_name_is_that_man(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Council leader Owen Dray said the plan was sound.\n\n"
        "Not everyone agrees. Baker Hugo Lindgren said sales had halved. "
        "\"It's been a disaster for us,\" he said.\n"))
    assert speaker_of(a, "It's been a disaster")[0] == "Hugo Lindgren"


def test_an_occupation_in_guillemets_article(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Les pêcheurs ont manifesté lundi.\n\n"
        "Ferryman Marta Ruiz said the quotas were «too tight to survive».\n"))
    assert speaker_of(a, "too tight")[0] == "Marta Ruiz"
    assert "Ferryman Marta Ruiz" not in names(a) and "Marta Ruiz" in names(a)


def test_an_occupation_is_not_the_role_of_a_later_description(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Goalkeeper Pia Lund saved a penalty on Sunday.\n\n"
        "\"We defended well,\" the manager said.\n"))
    found = speaker_of(a, "We defended well")
    assert found[0] is None and found[1] == "the manager"


def test_a_month_before_a_name_is_no_occupation(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "In October Sophie Grant became chief executive. \"It is a big job,\" she said.\n"))
    assert speaker_of(a, "It is a big job")[0] == "Sophie Grant"
    assert not any(n.startswith("October") for n in names(a))


def test_a_named_storm_is_no_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Hurricane Dorian struck the coast overnight and Storm Ciaran followed.\n\n"
        "Typhoon Mawar flooded the island. \"The water rose fast,\" fisherman Leo Tan said.\n"))
    assert not {"Hurricane Dorian", "Storm Ciaran", "Typhoon Mawar", "Dorian", "Ciaran"} & names(a)
    assert speaker_of(a, "The water rose fast")[0] == "Leo Tan"


# -- a given name alone -------------------------------------------------------------------------


def test_a_given_name_alone_is_the_one_person_named_in_full(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Isla Carden and her sister Maeve Carden run the bakery.\n\n"
        "“We bake at four every morning,” Isla Carden said.\n\n"
        "'Nobody else would do it,' Maeve said.\n"))
    assert speaker_of(a, "Nobody else would")[0] == "Maeve Carden"
    assert "Maeve" not in names(a)


def test_a_given_name_two_people_share_joins_neither(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Owen Tasker and Owen Brigg both stood for the seat.\n\n"
        "\"I will win,\" Owen said.\n"))
    assert speaker_of(a, "I will win")[0] not in ("Owen Tasker", "Owen Brigg")


def test_a_given_name_does_not_join_a_person_of_another_article(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(
        "Leona Marsh opened the café.\n\n\"It is busy,\" Leona said.\n", encoding="utf-8")
    (tmp_path / "sources" / "b.txt").write_text(
        "The queue was long.\n\n\"I waited an hour,\" Leona said.\n", encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "- id: a\n  file: a.txt\n- id: b\n  file: b.txt\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text("", encoding="utf-8")
    from briefbook.analyse.annotations import Annotations
    from briefbook.read.book import load_book
    a = Annotations(load_book(tmp_path))
    assert speaker_of(a, "It is busy")[0] == "Leona Marsh"
    assert speaker_of(a, "I waited an hour")[0] != "Leona Marsh"


def test_an_adjective_with_an_agent_ending_is_no_occupation(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Yesterday the talks ended.\n\nRecent Ana Lowe signings have failed, fans say.\n"))
    assert not any(n.startswith("Recent") for n in names(a))

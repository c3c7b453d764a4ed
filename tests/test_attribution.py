"""Speaker attribution and people finding on small articles written here, one per pattern.

Every article uses its own names, outlets and quotation marks (curly, straight, guillemets), and
asserts the speaker, the anonymous description or the absence of a speaker, and the cue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.namefinder import find_names
from briefbook.read.book import load_book


def test_descriptor_before_a_name_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, "The vote was close.\n\nAnother Democrat, Marta Okafor, said: "
                "“This bill does nothing for the towns along the river.”\n")
    assert speaker_of(a, "This bill")[0] == "Marta Okafor"
    assert "Another Democrat" not in names(a) and "Democrat" not in " ".join(names(a))


def test_sentence_openers_and_participles_are_never_speakers(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Stressing the need for calm, the border official said: \"Nobody will be turned back "
        "at the crossing tonight.\"\n\n"
        "Meanwhile, Henrik Solberg said: \"The ferries will run on the usual timetable.\"\n"))
    assert speaker_of(a, "Nobody will") == (None, "the border official",
                                            'X said: "…" (anonymous)')
    assert speaker_of(a, "The ferries")[0] == "Henrik Solberg"
    assert not names(a) & {"Stressing", "Meanwhile", "Meanwhile, Henrik Solberg"}


def test_described_speaker_is_anonymous_never_an_actor(tmp_path: Path) -> None:
    a = analyse(tmp_path, "“The committee will not meet before the recess,” a Republican "
                          "House aide said on Tuesday.\n")
    speaker, anonymous, _ = speaker_of(a, "The committee")
    assert speaker is None and anonymous == "a Republican House aide"
    assert not a.actors


def test_pronoun_skips_a_phrase_and_goes_to_the_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Senator Dale Whitcombe spoke after the budget, the toughest of the Ferris Presidency.\n\n"
        "“We will not support it in its present form,” he said.\n"))
    assert speaker_of(a, "We will not")[0] == "Dale Whitcombe"
    assert not any("Presidency" in n for n in names(a))


def test_pronoun_she_skips_the_man_named_before_her(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Ingrid Castell met transport chief Tomas Rehn at the depot.\n\n"
        "“The new trams will be in service by the spring,” she said.\n\n"
        "“And the old ones will be sold,” he said.\n"))
    assert speaker_of(a, "The new trams")[0] == "Ingrid Castell"
    assert speaker_of(a, "And the old")[0] == "Tomas Rehn"


def test_possessive_holder_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Prime Minister Aldo Ferrante's official spokesman said: «The cabinet has not "
        "discussed the matter at all.»\n\n"
        "The president's special envoy Wilhelmina Baardsen said: «The talks will resume in "
        "Geneva next week.»\n"))
    speaker, anonymous, _ = speaker_of(a, "The cabinet")
    assert speaker is None and anonymous == "Prime Minister Aldo Ferrante's official spokesman"
    assert speaker_of(a, "The talks")[0] == "Wilhelmina Baardsen"


def test_spokesman_for_someone_is_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“The harbour stays closed to tankers,” read a statement by the spokesman for "
        "Governor Edwina Marsh.\n"))
    speaker, anonymous, _ = speaker_of(a, "The harbour")
    assert speaker is None
    assert anonymous == "the spokesman for Governor Edwina Marsh"


def test_outlet_after_according_to_reports_it_does_not_speak(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Exports fell for a third month in a row,” according to Baltic Wire.\n\n"
        "“The figures are worse than we feared,” according to trade minister Sven Ekdahl.\n"))
    speaker, anonymous, cue = speaker_of(a, "Exports fell")
    assert speaker is None and anonymous is None and "outlet" in cue
    assert speaker_of(a, "The figures")[0] == "Sven Ekdahl"
    assert "Baltic Wire" not in names(a)


def test_adding_that_keeps_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Hospital spokeswoman Carys Vaughan confirmed the closure.\n\n"
        "\"The ward will reopen once the repairs are finished,\" said the spokeswoman, adding "
        "that Doctor Felix Brandt had approved the plan.\n"))
    assert speaker_of(a, "The ward")[0] == "Carys Vaughan"


def test_any_speech_verb_after_the_quote(tmp_path: Path) -> None:
    a = analyse(tmp_path, "“We have run out of road on this one,” sighed Mayor Lena Ortiz, "
                          "looking at the flooded square.\n")
    speaker, _, cue = speaker_of(a, "We have run")
    assert speaker == "Lena Ortiz" and cue == '"…," sighed X'


def test_dash_attribution(tmp_path: Path) -> None:
    a = analyse(tmp_path, "“Schools will stay open whatever the weather brings.” —Governor "
                          "Nora Ellis\n")
    speaker, _, cue = speaker_of(a, "Schools will")
    assert speaker == "Nora Ellis" and cue == '"…" — X'


def test_lead_in_paragraph_with_a_colon(tmp_path: Path) -> None:
    a = analyse(tmp_path, ("The reactions came quickly.\n\nAnd from Senator Paul Adeyemi:\n\n"
                           "“This is a good day for the coastal towns and for the fishermen.”\n"))
    speaker, _, cue = speaker_of(a, "This is a good day")
    assert speaker == "Paul Adeyemi" and "lead-in" in cue


def test_quotation_continued_after_he_added_keeps_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Economist Rafael Quintero spoke after the rate decision.\n\n"
        "“Borrowers should not expect relief this year,” he added. “The bank is worried about "
        "wages.”\n"))
    assert speaker_of(a, "Borrowers")[0] == "Rafael Quintero"
    assert speaker_of(a, "The bank is")[0] == "Rafael Quintero"


def test_said_after_said_before_told_and_according_to_a_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“The mine will reopen in March,” Agnes Holloway said.\n\n"
        "“Nobody will lose their job over this,” said Bruno Castellano.\n\n"
        "Lucia Ferreira said: “We are still waiting for the inspectors.”\n\n"
        "“It is too early to tell,” Miguel Sandoval told reporters.\n\n"
        "“The pumps failed at night,” according to engineer Dmitri Volkov.\n"))
    assert speaker_of(a, "The mine")[0] == "Agnes Holloway"
    assert speaker_of(a, "Nobody will")[0] == "Bruno Castellano"
    assert speaker_of(a, "We are still")[0] == "Lucia Ferreira"
    assert speaker_of(a, "It is too early")[0] == "Miguel Sandoval"
    assert speaker_of(a, "The pumps")[0] == "Dmitri Volkov"


def test_surname_and_title_forms_join_the_full_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Jonas Berg Fallon, the port director, arrived late.\n\n"
        "“We lost two days,” Mr. Berg said.\n\n"
        "“The cranes are fixed,” Fallon said.\n"))
    people = [x for x in a.actors if x.kind == "person"]
    assert [x.name for x in people] == ["Jonas Berg Fallon"]
    assert speaker_of(a, "We lost")[0] == "Jonas Berg Fallon"
    assert speaker_of(a, "The cranes")[0] == "Jonas Berg Fallon"


def test_people_are_found_when_never_quoted(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "President Amara Diallo met Foreign Minister Kwame Mensah and Labour MP Peter Vance "
        "in the capital on Monday, as Secretary of State Carla J. Moreno arrived.\n"))
    people = {x.name: x for x in a.actors if x.kind == "person"}
    assert set(people) == {"Amara Diallo", "Kwame Mensah", "Peter Vance", "Carla J. Moreno"}
    assert [r.title for r in people["Peter Vance"].roles] == ["Labour MP"]
    assert [r.title for r in people["Carla J. Moreno"].roles] == ["Secretary of State"]


def test_near_miss_spellings_across_articles(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    texts = {"a": "Port director Annika Vestergaard opened the terminal.\n",
             "b": "The port director Annika Vestergard cut the ribbon.\n",
             "c": "Novelist Annika Vestergarde signed books.\n"}
    for name, text in texts.items():
        (tmp_path / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    a = Annotations(load_book(tmp_path))
    people = {x.name for x in a.actors if x.kind == "person"}
    assert "Annika Vestergard" not in people or "Annika Vestergaard" not in people
    assert any(c.text in ("Annika Vestergarde", "Annika Vestergaard")
               for c in a.people.candidates)


@pytest.mark.parametrize("text", [
    "SENATE BACKS HARBOR BILL",
    "Three Americans and two Western diplomats arrived.",
    "Speaking on Monday, the minister left.",
    "The United Nations said nothing. American officials agreed.",
    "In 2004, 12 Nigerians and Key Republicans met.",
])
def test_never_an_actor(text: str) -> None:
    assert [n.text for n in find_names(text) if n.kind == "person"] == []


def test_organisations_are_typed_with_their_acronym(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Fisheries Licensing Authority (FLA) fined the trawler. "
        "“The fine stands,” the FLA said.\n"))
    orgs = {x.name: x for x in a.actors if x.kind == "organization"}
    assert "Fisheries Licensing Authority" in orgs
    assert "FLA" in orgs["Fisheries Licensing Authority"].aliases
    assert speaker_of(a, "The fine stands")[0] == "Fisheries Licensing Authority"

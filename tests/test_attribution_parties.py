"""Parties and seats of government as speakers, and descriptions of their members.

Each test writes its own small article. A party named by itself ("Labour said", "the Lib
Dems warned") or a seat of government standing for it ("Downing Street said", "the White
House said") speaks as an organisation; "Senior Tories" or "Some Acme workers" describe
members, who are not the organisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of


@pytest.mark.parametrize(("subject", "name"), [
    ("Labour", "Labour"),
    ("The Liberal Democrats", "Liberal Democrats"),
    ("The Lib Dems", "Lib Dems"),
    ("The Tories", "Tories"),
    ("The Conservatives", "Conservatives"),
    ("The Greens", "Greens"),
    ("Plaid Cymru", "Plaid Cymru"),
])
@pytest.mark.parametrize("marks", [("\"", "\""), ("“", "”"), ("«", "»")])
def test_a_party_named_by_itself_speaks(tmp_path: Path, subject: str, name: str,
                                        marks: tuple[str, str]) -> None:
    o, c = marks
    a = analyse(tmp_path, f"Rates row\n\n{subject} warned: {o}The levy will sink small farms.{c}\n")
    speaker, anonymous, _ = speaker_of(a, "The levy will sink")
    assert (speaker, anonymous) == (name, None)
    assert next(x for x in a.actors if x.name == name).kind == "organization"


@pytest.mark.parametrize(("subject", "name"), [
    ("Downing Street", "Downing Street"),
    ("Number 10", "Number 10"),
    ("The White House", "White House"),
    ("The Treasury", "Treasury"),
    ("The Foreign Office", "Foreign Office"),
    ("The State Department", "State Department"),
])
def test_a_seat_of_government_speaks_as_an_organisation(tmp_path: Path, subject: str,
                                                        name: str) -> None:
    a = analyse(tmp_path, f"Talks row\n\n{subject} said the talks were \"a waste of time\".\n")
    assert speaker_of(a, "a waste of time")[0] == name
    assert next(x for x in a.actors if x.name == name).kind == "organization"


@pytest.mark.parametrize("subject", ["Senior Tories", "Key Republicans", "Rebel Democrats",
                                     "Some Conservatives"])
def test_a_description_of_party_members_is_no_actor(tmp_path: Path, subject: str) -> None:
    a = analyse(tmp_path, f"Vote row\n\nThe Tories backed the bill.\n\n"
                          f"{subject} said: \"We will vote against it.\"\n")
    assert speaker_of(a, "We will vote against")[0] is None
    assert not names(a) & {subject, subject.split()[-1] if subject != "Some Conservatives"
                           else "Conservatives"} - {"Tories"}


def test_members_of_a_named_firm_are_not_the_firm(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Strike vote\n\nKTX said: \"Pay talks continue.\"\n\n"
                          "Some KTX drivers said: \"We will strike on Monday.\"\n")
    assert speaker_of(a, "Pay talks")[0] == "KTX"
    assert speaker_of(a, "We will strike")[:2] == (None, "Some KTX drivers")


def test_an_acronym_that_nameparser_calls_a_title_still_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Oil deal\n\nBP said: \"The field is on stream.\"\n")
    assert speaker_of(a, "The field is")[0] == "BP"


def test_a_given_name_before_a_party_word_is_a_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Visa row\n\nDamian Green said: \"The rules are clear.\"\n")
    assert speaker_of(a, "The rules are")[0] == "Damian Green"
    assert next(x for x in a.actors if x.name == "Damian Green").kind == "person"


@pytest.mark.parametrize(("opening", "name"), [
    ("The TUC released new figures on Monday.", "TUC"),
    ("Oxfam has published a report on aid.", "Oxfam"),
    ("The Vantor Housing Association wrote to tenants.", "Vantor Housing Association"),
])
@pytest.mark.parametrize("marks", [("\"", "\""), ("‘", "’")])
def test_it_is_the_body_that_opens_the_sentence_before(tmp_path: Path, opening: str, name: str,
                                                       marks: tuple[str, str]) -> None:
    o, c = marks
    a = analyse(tmp_path, f"Jobs row\n\n{opening} It said 1,500 {o}safety whistleblowers{c} "
                          "had lost their jobs.\n")
    speaker, _, cue = speaker_of(a, "safety whistleblowers")
    assert speaker == name and "pronoun" in cue


@pytest.mark.parametrize("opening", [
    "Gordon Brown spoke on Monday.",      # a person: "it" is never a person
    "The Ferry Plan was unveiled.",       # a name with no organisation word
    "France rejected the offer.",         # a place
    "Meanwhile the talks stalled.",       # an opener
])
def test_it_is_no_person_place_or_thing_named_before(tmp_path: Path, opening: str) -> None:
    a = analyse(tmp_path, f"Jobs row\n\n{opening} It said 1,500 \"safety whistleblowers\" "
                          "had lost their jobs.\n")
    assert speaker_of(a, "safety whistleblowers")[0] in (None, "France")


@pytest.mark.parametrize("clause", ["which has posted record losses",
                                    "which reported a loss and posted weak sales",
                                    "who told reporters she was tired"])
def test_a_speech_verb_in_a_closed_relative_clause_is_not_the_sentence_s(
        tmp_path: Path, clause: str) -> None:
    a = analyse(tmp_path, f"Results\n\nVortex Corp, {clause}, said last week that it was in "
                          "\"dire straits\".\n")
    speaker, _, cue = speaker_of(a, "dire straits")
    assert speaker == "Vortex Corp" and cue.startswith("X said")


@pytest.mark.parametrize("aux", ["did", "does", "could", "would", "must", "may"])
def test_a_modal_or_do_before_the_speech_verb_is_not_the_subject(tmp_path: Path,
                                                                 aux: str) -> None:
    a = analyse(tmp_path, f"Party row\n\nAna Petrescu spoke on Monday. However, she {aux} say "
                          "the host had been ‘quite useful initially’.\n")
    assert speaker_of(a, "quite useful")[0] == "Ana Petrescu"


def test_a_participle_in_an_opening_clause_reports_nothing(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Exit\n\nDoug Okafor ran the agency. In November, when he surprised "
                          "MPs by announcing Mr Okafor's departure, Mr Lindqvist said: \"I should "
                          "tell you that Doug has decided to go.\"\n")
    assert speaker_of(a, "I should tell")[0] == "Lindqvist"


@pytest.mark.parametrize(("lead", "name"), [
    ("Korvex has warned that profits will fall. Sales in January were weak.", "Korvex"),
    ("The Vantor Group said sales would fall. Prices were cut.", "Vantor Group"),
])
def test_the_company_is_the_body_that_reported_just_before(tmp_path: Path, lead: str,
                                                           name: str) -> None:
    a = analyse(tmp_path, f"Music sales\n\n{lead}\n\n\"Sales will be lower than expected,\" "
                          "the company added.\n")
    assert speaker_of(a, "Sales will be lower")[0] == name


def test_a_capitalised_common_noun_opening_a_sentence_is_no_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Music sales\n\nSales said little about it. The sales were weak.\n\n"
                          "\"Sales will be lower than expected,\" the company added.\n")
    assert speaker_of(a, "Sales will be lower")[0] is None


@pytest.mark.parametrize("phrase", ["has rejected calls to", "renewed warnings of",
                                    "dismissed claims of"])
def test_an_s_form_right_after_a_past_form_is_a_noun(tmp_path: Path, phrase: str) -> None:
    a = analyse(tmp_path, f"ID row\n\nThe home secretary {phrase} “pause” on the bill.\n")
    assert speaker_of(a, "pause")[0] is None


@pytest.mark.parametrize("adverb", ["later", "earlier", "then"])
def test_a_described_reporter_with_an_adverb_keeps_the_he_that_follows(tmp_path: Path,
                                                                       adverb: str) -> None:
    a = analyse(tmp_path, (
        "Poster row\n\nCampaign spokesman Iwan Petrov said the poster was misread. \"We take "
        f"those views on board.\"\n\nA party spokesman {adverb} said the timing was not "
        "affected. “This has been up on the website for two weeks,” he said.\n"))
    speaker, anonymous, _ = speaker_of(a, "This has been up")
    assert speaker is None and anonymous == "A party spokesman"


def test_a_question_before_a_quotation_does_not_report_it(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party's secret weapon\n\nStrategist Dana Kowalski has joined the party.\n\n"
        "So is the party's job to destroy the Tories, as former member Ivo Brandt once "
        "declared? “No. The aim is to leave the EU and stiffen the Tories' spine.”\n"))
    assert speaker_of(a, "No. The aim")[0] != "Ivo Brandt"


def test_a_participle_after_a_quoted_word_is_no_inverted_reporting_clause(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, "Defection\n\nProspect MP Ivo Brandt said he was disillusioned. "
                          "Prime Minister Ana Ruiz declared herself «delighted», saying Mr "
                          "Brandt would be welcomed.\n")
    assert speaker_of(a, "delighted")[0] == "Ana Ruiz"


def test_a_headline_word_the_article_writes_itself_is_nobody_s(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Greens' 'bold' tax policy\n\nAna Ruiz has told voters her party "
                          "will offer an \"honest choice\".\n\nIt is a bold policy and "
                          "certainly a choice.\n")
    assert speaker_of(a, "bold")[0] is None


def test_a_headline_word_the_article_reports_keeps_its_reporter(tmp_path: Path) -> None:
    a = analyse(tmp_path, "Police stops 'more likely'\n\nPeople of some faiths are more likely "
                          "to be stopped by police, minister Ana Ruiz has said.\n")
    assert speaker_of(a, "more likely")[0] == "Ana Ruiz"


@pytest.mark.parametrize("before", ["the impact of", "its", "a"])
def test_a_quoted_word_that_modifies_a_noun_is_a_term_even_with_a_cue(tmp_path: Path,
                                                                      before: str) -> None:
    a = analyse(tmp_path, f"Results\n\nThe Korvex group said revenue rose. Sales were helped "
                          f"by {before} “compact” newspaper editions in Ireland, it said.\n")
    assert speaker_of(a, "compact")[0] is None


def test_a_preposition_before_an_honorific_is_no_title(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget\n\nMr Okafor told MPs the rules were sound. Under Mr Okafor's rules, debt stays "
        "low. Conservative Ivo Brandt asked Mr Okafor about it. But the chancellor said Mr "
        "Brandt was \"impugning the integrity\" of the office.\n"))
    assert speaker_of(a, "impugning")[0] != "Ivo Brandt"

"""Kinds a new user's trial found (seventh round): a pronoun of the other gender, a name in
apposition to a possessive subject, a demonym used as an epithet, one of a group, and bodies
written with a relative *which*.

Small articles written for the test, each with its own names, outlets and quotation marks;
each asserts the speaker, the anonymous description, or that there is no speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.namefinder import find_names

# -- he/she agreement: a person the article called "he" is never "she" -----------------------


@pytest.mark.parametrize("opener, pron, second", [
    # the second person's given name is unknown to the name data: only the pronoun history of
    # the first decides that she is not him
    ("Her colleague, Dr Adaeze Nwosu, was more cautious.", "she", "Adaeze Nwosu"),
    ("The study's co-author, Prof Chidi Okoro, disagreed.", "he", "Chidi Okoro"),
    ("His co-author, Dr Ingrid Solberg, was more cautious.", "she", "Ingrid Solberg"),
    ("But Dr Oluwaseun Adeyemi was more cautious.", "she", "Oluwaseun Adeyemi"),
])
def test_a_pronoun_goes_to_the_new_subject_not_a_speaker_of_the_other_gender(
        tmp_path: Path, opener: str, pron: str, second: str) -> None:
    a = analyse(tmp_path, (
        "Lab results surprise\n\n"
        "Prof Kwabena Asare, who led the study, said the results were striking. "
        "\u201cWe saw it in every sample,\u201d he said.\n\n"
        f"{opener} \u201cIt is too early to say,\u201d {pron} said.\n"))
    assert speaker_of(a, "We saw it")[0] == "Kwabena Asare"
    assert speaker_of(a, "It is too early")[0] == second


def test_she_does_not_go_back_to_a_man_when_no_woman_is_named(tmp_path: Path) -> None:
    """The pronoun history makes the earlier speaker male; *she* then has no one to mean."""
    a = analyse(tmp_path, (
        "Festival opens\n\n"
        "Director Chukwuemeka Obi opened the festival on Friday. «We are ready,» he said.\n\n"
        "The crowd cheered. «It is wonderful,» she said.\n"))
    assert speaker_of(a, "We are ready")[0] == "Chukwuemeka Obi"
    assert speaker_of(a, "It is wonderful")[0] is None


@pytest.mark.parametrize("second, pron", [
    ("Her deputy, Cllr Siobhan Kearney, went further.", "she"),
    ("The party's treasurer, Councillor Nuala Brady, went further.", "she"),
    ("Its finance chief, Mr Eamon Roche, went further.", "he"),
])
def test_a_titled_name_in_apposition_to_the_subject_is_the_new_subject(
        tmp_path: Path, second: str, pron: str) -> None:
    a = analyse(tmp_path, (
        "Budget passed\n\n"
        "Ms Aoife Brennan, the council leader, defended the budget. \u2018We had no choice,\u2019 "
        "she said.\n\n"
        f"{second} \u2018Cuts were unavoidable,\u2019 {pron} said.\n"))
    expected = second.split(", ")[1].split(" ", 1)[1]
    assert speaker_of(a, "Cuts were")[0] == expected


def test_an_apposition_that_is_a_clause_is_no_subject(tmp_path: Path) -> None:
    """*The report, written by Dr X, was …*: X is in a participle clause, not the subject."""
    a = analyse(tmp_path, (
        "Report out\n\n"
        "Minister Agnes Wolde welcomed the report. \u201cIt is thorough,\u201d she said.\n\n"
        "The report, written by Dr Hana Sato, was long. "
        "\u201cWe will act on it,\u201d she said.\n"))
    assert speaker_of(a, "We will act")[0] == "Agnes Wolde"


# -- "The Irishman added": a nationality epithet means the person just named -----------------


@pytest.mark.parametrize("intro, epithet, speaker", [
    ("Coach Liam Byrne blamed the referee. “It cost us the game,” he said.",
     "The Irishman, in his second season in charge, added:", "Liam Byrne"),
    ("Manager Sofia Reyes was furious. «That was never a penalty,» she said.",
     "The Spaniard later added:", "Sofia Reyes"),
    ("Dutch coach Henk de Vries watched from the stand. „We were poor,“ de Vries said.",
     "The 58-year-old Dutchman added:", "Henk de Vries"),
    ("Striker Ana Moreira scored twice. ‘I felt sharp,’ she said.",
     "The Brazilian added:", "Ana Moreira"),
])
def test_a_nationality_epithet_is_the_person_just_named(
        tmp_path: Path, intro: str, epithet: str, speaker: str) -> None:
    a = analyse(tmp_path, f"Cup tie\n\n{intro}\n\n{epithet} \u201cWe deserved more.\u201d\n")
    assert speaker_of(a, "We deserved")[0] == speaker
    assert not {"Irishman", "Spaniard", "Dutchman", "Brazilian"} & names(a)


def test_a_nationality_epithet_of_the_other_gender_stays_anonymous(tmp_path: Path) -> None:
    """*The Irishman* cannot be the woman who spoke last: an anonymous description."""
    a = analyse(tmp_path, (
        "Cup tie\n\nManager Sofia Reyes was furious. “That was never a penalty,” she said.\n\n"
        "The Irishman added: “We will appeal.”\n"))
    speaker, anonymous, _ = speaker_of(a, "We will appeal")
    assert speaker is None and anonymous == "The Irishman"
    assert "Irishman" not in names(a)


def test_a_plural_nationality_or_a_party_is_no_epithet(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Vote\n\nThe Liberal Democrats backed the motion on Tuesday.\n\n"
        "The Conservatives expressed “serious misgivings about the cost”.\n"))
    cue = speaker_of(a, "serious misgivings")[2]
    assert "epithet" not in cue


# -- "one of them said": one of a group, anonymous --------------------------------------------


@pytest.mark.parametrize("sentence, described", [
    ("Two officials spoke on condition of anonymity. “There is no plan,” one of them said.",
     "one of them"),
    ("Dozens of nurses marched. «We are exhausted and unpaid,» one of the nurses told reporters.",
     "one of the nurses"),
    ("Several ministers were unhappy. ‘It is a mess,’ said one of those present.",
     "one of those"),
])
def test_one_of_a_group_is_an_anonymous_speaker(
        tmp_path: Path, sentence: str, described: str) -> None:
    a = analyse(tmp_path, f"Talks stall\n\n{sentence}\n")
    quote = next(q for q in a.quotes if q.kind == "statement")
    assert quote.speaker is None
    assert quote.anonymous is not None and quote.anonymous.startswith(described)


# -- "X, which represents …": a body, not a person --------------------------------------------


@pytest.mark.parametrize("body", ["Rail Passengers Forum", "Kestrel Moor Ramblers",
                                  "Hollin Valley Residents Group"])
def test_a_name_followed_by_which_is_an_organisation(tmp_path: Path, body: str) -> None:
    a = analyse(tmp_path, (
        f"Fares rise\n\nThe {body}, which represents its members, said fares were too high. "
        "“It is a scandal,” it said.\n"))
    kinds = {x.name: x.kind for x in a.actors}
    assert kinds.get(body) == "organization"
    assert speaker_of(a, "It is a scandal")[0] == body


@pytest.mark.parametrize("thing", ["the Road Haulage Bill", "Clwyd South West",
                                   "Greater Manchester"])
def test_a_law_or_a_place_followed_by_which_is_no_organisation(tmp_path: Path, thing: str
                                                               ) -> None:
    a = analyse(tmp_path, f"Vote\n\nMPs debated {thing}, which was amended on Monday.\n")
    name = thing.removeprefix("the ")
    assert not [x for x in a.actors if x.name == name and x.kind == "organization"]


# -- a person described by occupation is an anonymous speaker with that description ----------


@pytest.mark.parametrize("sentence, described", [
    ("A head teacher in Swansea said: “We were never told about the closure.”",
     "A head teacher in Swansea"),
    ("«We were never told about the closure,» said a hospital doctor from Leeds.",
     "a hospital doctor from Leeds"),
    ("A senior nurse at St Mary's says she was ‘appalled’ by what she saw on the ward.",
     "A senior nurse at St Mary's"),
    ("One local farmer told the inquiry: „We were never told about the closure.“",
     "One local farmer"),
    ("“We were never told about the closure,” a commuter said.", "a commuter"),
])
def test_a_person_described_by_occupation_is_anonymous(
        tmp_path: Path, sentence: str, described: str) -> None:
    a = analyse(tmp_path, f"Closure row\n\n{sentence}\n")
    quote = a.quotes[0]
    assert quote.speaker is None
    assert quote.anonymous == described
    assert not a.actors


def test_an_occupation_plural_still_opens_a_body_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fund grows\n\nAnn Roe, founder of the Survivors Fund, said the money would help.\n"))
    assert {"Survivors Fund", "Ann Roe"} <= names(a)


def test_a_long_clause_after_an_inverted_verb_is_what_was_said(tmp_path: Path) -> None:
    """*X, a chief executive, said teaching pupils about Y was key.* “…”: X, not *pupils*."""
    a = analyse(tmp_path, (
        "Lessons\n\nHealth Alliance chief executive, Dana Whitlock, said teaching pupils about "
        "diet and exercise was key. \u201cYoung people must be informed about all the issues "
        "of their health.\u201d\n"))
    assert speaker_of(a, "Young people")[0] == "Dana Whitlock"


@pytest.mark.parametrize("subject, speaker, described", [
    ("Hallam's", "Hallam's", None),  # a firm named with a possessive, then its verb
    ("A spokeswoman for Hallam's", None, "A spokeswoman for Hallam's"),
    ("A nurse at St Bride's", None, "A nurse at St Bride's"),
])
def test_a_name_ending_in_a_possessive_can_be_the_subject_of_said(
        tmp_path: Path, subject: str, speaker: str | None, described: str | None) -> None:
    a = analyse(tmp_path, f"Store row\n\n{subject} said: “We were never told about the plan.”\n")
    found, anonymous, _ = speaker_of(a, "We were never")
    assert (found, anonymous) == (speaker, described)


def test_a_possessive_before_an_adjectival_participle_is_no_reporter(tmp_path: Path) -> None:
    """*the campaign's alleged links*: *alleged* is an adjective, not the campaign's verb."""
    a = analyse(tmp_path, (
        "Referendum\n\nCampaign chairman Ivo Marsh said he hoped for a late surge. He also "
        "attacked the No campaign's alleged political links. “We felt we had to show who was "
        "behind it.”\n"))
    assert speaker_of(a, "We felt")[0] == "Ivo Marsh"


# -- eighth-round trial kinds: names the name data does not know, in their usual frames -------


@pytest.mark.parametrize("text, name", [
    ("The survey was led by Prof Seo-yeon Hill of the Coastal Institute.", "Seo-yeon Hill"),
    ("Dr Min-jun Park, a geologist, said the samples were clean.", "Min-jun Park"),
    ("The European Union trade commissioner, Oyelaran Adebisi, told reporters the talks had "
     "stalled.", "Oyelaran Adebisi"),
    ("“It is a rare team,” said Harbourside partner Ifeoma Chukwu.", "Ifeoma Chukwu"),
    ("He put on 90 with the goalkeeper Thilak Ranasinghe before tea.", "Thilak Ranasinghe"),
])
def test_a_person_named_in_a_usual_frame_is_found_without_the_name_data(
        text: str, name: str) -> None:
    assert (name, "person") in [(n.text, n.kind) for n in find_names(text)]


@pytest.mark.parametrize("text, name, kind", [
    ("The campaign group Rose Street Neighbours said the plan was rushed.",
     "Rose Street Neighbours", "organization"),
    ("The Food Standards Agency said the batch was safe.", "Food Standards Agency",
     "organization"),
    ("The Kyodo News Agency reported the talks.", "Kyodo News Agency", "media"),
])
def test_bodies_keep_their_kind(text: str, name: str, kind: str) -> None:
    assert {n.text: n.kind for n in find_names(text)}.get(name) == kind


def test_a_hyphenated_descriptor_is_no_part_of_a_name() -> None:
    found = find_names("Leeds-based Harcastle Foods and the Hindi-language daily were named.")
    assert not [n for n in found if n.text.startswith(("Leeds-based", "Hindi-"))]


def test_singular_they_after_one_described_person_is_that_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Merger row\n\nThe Teachers' Guild welcomed the merger. Not everyone agreed. One "
        "grandparent at Fenwick Juniors said they had hoped for a new hall. «They have left us "
        "with a leaking roof,» they said.\n"))
    speaker, anonymous, _ = speaker_of(a, "They have left us")
    assert speaker is None and anonymous == "One grandparent at Fenwick Juniors"


def test_the_agent_of_a_future_passive_is_the_next_epithet(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opera season\n\nDirector Lars Holm said the cast was strong. “It is a great company,” "
        "he said.\n\nThe title role will be sung by Bogdan Petrenko, best known for his concert "
        "work. The Ukrainian-born baritone said he first sang it as a student. “I did not "
        "understand a word of it.”\n"))
    assert speaker_of(a, "I did not understand")[0] == "Bogdan Petrenko"


def test_a_headline_role_given_its_holder_is_not_called_anonymous(tmp_path: Path) -> None:
    """The cue of a headline quotation resolved to the role's holder below says so, without
    the "(anonymous)" of the role as first read."""
    a = analyse(tmp_path, (
        "Talks resume as envoy warns of 'a last chance'\n\n"
        "The special envoy, Oumar Sangaré, told reporters the round was "
        "“a last chance before winter”.\n"))
    quote = a.quotes[0]
    assert a.actors_by_id[quote.speaker].name == "Oumar Sangaré"
    assert "anonymous" not in quote.cue and quote.anonymous is None

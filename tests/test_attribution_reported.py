"""Quotations the text gives to someone without a cue of their own: headlines in single
marks, quoted phrases in other marks, and their absence for terms and scare quotes.

Each article is written for the test (its own names, outlets and quotation marks); each
asserts the speaker, the anonymous description, or that there is no speaker.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of
from briefbook.analyse.quotespans import quote_spans

# -- single quotation marks ---------------------------------------------------------------


def test_single_marks_make_a_quotation_and_apostrophes_do_not() -> None:
    text = ("The dock's owners called it 'a ruinous levy' in the '90s style, and the "
            "workers' union said ‘never again’ to rock 'n' roll.")
    assert [text[s.text_start:s.text_end] for s in quote_spans(text)] == [
        "a ruinous levy", "never again"]


def test_single_marks_inside_double_ones_stay_part_of_them() -> None:
    text = "«We will not call it 'closed', not yet», she said, and 'for now' it stays."
    assert [text[s.text_start:s.text_end] for s in quote_spans(text)] == [
        "We will not call it 'closed', not yet", "for now"]


def test_an_opening_apostrophe_never_closed_is_no_quotation() -> None:
    text = "The drug, known as '4471, failed its trial. The makers' shares fell by a third."
    assert quote_spans(text) == []


# -- headlines ----------------------------------------------------------------------------


def test_a_headline_quotation_after_a_name_is_that_persons(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Okafor 'regrets' ferry delay\n\n"
        "Harbour minister Chidi Okafor has said he regrets the late ferry.\n\n"
        "The new vessel will sail in May, he told the Island Courier.\n"))
    assert speaker_of(a, "regrets")[0] == "Chidi Okafor"


def test_a_headline_quotation_goes_to_the_speaker_of_the_same_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Port unveils ‘a dock for everyone’ plan\n\n"
        "The port authority has published its ten-year plan.\n\n"
        "Port director Selma Lindqvist said the scheme would give the town „a dock for "
        "everyone“ by 2030.\n"))
    assert speaker_of(a, "a dock for everyone")[0] == "Selma Lindqvist"


def test_a_headline_quotation_goes_to_the_first_sentences_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Floods 'will not delay rail works'\n\n"
        "Repairs after the floods will not delay the new rail line, Transport Secretary "
        "Ines Baptiste has promised.\n\n"
        "The line is due to open next year.\n"))
    assert speaker_of(a, "will not delay")[0] == "Ines Baptiste"


def test_a_headline_quotation_of_an_unnamed_speaker_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ferry fares 'to rise again'\n\n"
        "Island ferry fares will rise for the third year running, a council official has "
        "said.\n\n"
        "Tickets went up by 5% last spring.\n"))
    speaker, anonymous, _ = speaker_of(a, "to rise again")
    assert speaker is None and anonymous == "a council official"


def test_a_headline_term_with_no_speaker_below_stays_unattributed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Row over 'ghost ships' grows\n\n"
        "More vessels have been found moored without crews in the northern harbour.\n\n"
        "Inspectors will visit the harbour next week.\n"))
    assert speaker_of(a, "ghost ships")[:2] == (None, None)


def test_a_headline_place_is_not_a_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Norway 'needs more ferries'\n\n"
        "Coastal towns are short of ferries this winter.\n\n"
        "The report counts 40 routes without a daily boat.\n"))
    assert speaker_of(a, "needs more ferries")[0] is None


def test_a_long_first_sentence_subject_is_not_a_headline_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor backs 'harbour tax'\n\n"
        "Mayor Tomasz Wrobel has backed the council's budget amid opposition claims it was "
        "too costly for the town.\n\n"
        "The budget will be voted on next week.\n"))
    assert speaker_of(a, "harbour tax")[0] is None


def test_a_headline_passive_is_not_the_names_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Okafor 'weakened' by ferry row\n\n"
        "Most islanders think harbour minister Chidi Okafor has lost support over the late "
        "ferry, a poll suggests.\n\n"
        "The new vessel will sail in May.\n"))
    assert speaker_of(a, "weakened")[0] is None


# -- an office for the one person named before it ------------------------------------------


def test_the_office_means_the_one_person_named_before_it(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Marta Kowalczyk has promised a harbour fund, telling dockers the port is "
        "“too important to fail”.\n\n"
        "The treasurer said the fund would be «ready by spring». She said: „Nobody will be "
        "left behind on the quays.“\n"))
    assert speaker_of(a, "ready by spring")[0] == "Marta Kowalczyk"
    assert speaker_of(a, "Nobody will be left")[0] == "Marta Kowalczyk"


def test_a_general_office_fits_a_person_with_another_title(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fisheries Secretary Oona Brannigan has defended the new quotas.\n\n"
        "The minister also confirmed she had met \"angry skippers\" in Killybegs. "
        "\"We listened to every one of them,\" she said.\n"))
    assert speaker_of(a, "angry skippers")[0] == "Oona Brannigan"
    assert speaker_of(a, "We listened")[0] == "Oona Brannigan"


def test_a_shadow_office_holder_is_not_the_office(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Piet de Groot has set out his budget. The cuts proposed by shadow treasurer Anneke "
        "Visser would close clinics, he said.\n\n"
        "The treasurer told voters: \"We will keep every clinic open, every single one.\"\n"))
    assert speaker_of(a, "We will keep every clinic")[0] == "Piet de Groot"


def test_an_office_with_another_persons_title_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Rafael Ortega has attacked the harbour plan.\n\n"
        "The prime minister said the plan was \"the only way to save the port\".\n"))
    speaker, anonymous, _ = speaker_of(a, "the only way")
    assert speaker is None and anonymous == "The prime minister"


def test_an_office_with_two_people_named_before_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lena Holm and Eriko Sato met the dockers on Monday.\n\n"
        "The mayor said the strike was \"a disaster for the town\".\n"))
    speaker, anonymous, _ = speaker_of(a, "a disaster")
    assert speaker is None and anonymous == "The mayor"


# -- a relative clause gives the quotation to its antecedent --------------------------------


def test_a_relative_clause_gives_the_words_to_its_antecedent(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Port Board faces two appeals, one from the Fishers League and one from the "
        "Coastal Shipping Council (CSC), which has attacked the plan as a «charter for "
        "chaos».\n"))
    assert speaker_of(a, "charter for chaos")[0] == "Coastal Shipping Council"


def test_a_relative_clause_of_a_person_names_that_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Ada Lindgren backs the plan. It is opposed by councillor Piotr Zielinski, who "
        "has long warned of \u201cempty quays\u201d.\n"))
    assert speaker_of(a, "empty quays")[0] == "Piotr Zielinski"


def test_a_relative_clause_with_no_speech_verb_gives_nothing(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The ferry was run by the Island Line, which has operated the \"night boat\" since "
        "1990.\n"))
    assert speaker_of(a, "night boat")[0] is None


# -- a body's initials are the body ----------------------------------------------------------


def test_an_organisations_initials_in_the_text_are_that_organisation(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Nordic Council ministers meet on Friday to discuss a ferry levy.\n\n"
        "The NC said any levy should not \u201churt the island economies\u201d. It added that "
        "a decision would come \u201conly after full consultation with the operators\u201d.\n"))
    assert speaker_of(a, "hurt the island")[0] == "Nordic Council"
    assert speaker_of(a, "only after full")[0] == "Nordic Council"


# -- an organisation named after a common noun for one -----------------------------------------


def test_a_body_named_after_its_descriptor_speaks_as_the_firm(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Danish drugmaker Norvexa has bought two rivals.\n\n"
        "\u201cThe deal makes us the largest generics maker in Europe,\u201d the firm said in a "
        "statement.\n"))
    assert speaker_of(a, "The deal makes us")[0] == "Norvexa"
    assert "Norvexa" in {x.name for x in a.actors if x.kind == "organization"}


def test_a_descriptor_before_a_longer_name_makes_no_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Campaign group Harbour 2000 said the levy was \"a tax on islanders\".\n"))
    assert "Harbour" not in {x.name for x in a.actors}


# -- reported phrases of a named subject ------------------------------------------------------


def test_a_second_verb_with_no_subject_keeps_the_sentences_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Ilona Varga last week said the council had held a \u201cfrank discussion\u201d, "
        "but admitted the decision was \u201cnot an easy one\u201d.\n"))
    assert speaker_of(a, "frank discussion")[0] == "Ilona Varga"
    assert speaker_of(a, "not an easy one")[0] == "Ilona Varga"


def test_likening_and_praising_are_reported_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Councillor Bram Jansen likened the ferry timetable to \u00ab a lottery \u00bb. Party "
        "leader Ines Costa praised the \u201cfresh start\u201d on the quays.\n"))
    assert speaker_of(a, "a lottery")[0] == "Bram Jansen"
    assert speaker_of(a, "fresh start")[0] == "Ines Costa"


def test_a_scare_quote_with_no_reporting_verb_stays_unattributed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harbour chief Lotte Meyer opened the new quay on Monday. The so-called "
        "\u201cgreen berth\u201d will take electric ferries, and dockers expect a \u2018busy "
        "summer\u2019.\n"))
    assert speaker_of(a, "green berth")[:2] == (None, None)
    assert speaker_of(a, "busy summer")[:2] == (None, None)


def test_a_headline_predicate_about_a_name_is_not_its_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Nordline 'to cut 500 jobs'\n\n"
        "Ferry operator Nordline will cut 500 jobs, unions at the firm have said.\n\n"
        "The cuts will fall on the night routes.\n"))
    assert speaker_of(a, "to cut 500 jobs")[0] != "Nordline"


def test_and_continued_with_no_subject_is_the_previous_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Culture Secretary Oksana Petrenko insisted: \u201cWe have a good record on "
        "planning.\u201d And continued: \u201cWe can be proud of the lowest rates in "
        "Europe.\u201d\n"))
    assert speaker_of(a, "We can be proud")[0] == "Oksana Petrenko"


def test_a_verb_after_the_quotation_with_no_subject_leaves_the_sentences(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Union leader Ravi Menon, who said the \u201cproblem is far worse than the figures "
        "show\u201d, called for a law that \u201cprotects every whistleblower\u201d.\n"))
    assert speaker_of(a, "problem is far worse")[0] == "Ravi Menon"


def test_it_after_a_bodys_report_is_that_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Island ferry use is falling, according to the Coastal Research Institute (CRI).\n\n"
        "Apart from its warning on fares, the CRI report was upbeat.\n\n"
        "It said the network would \u201cgrow again by 2008\u201d.\n"))
    assert speaker_of(a, "grow again")[0] == "Coastal Research Institute"


def test_a_capitalised_headline_quotation_is_a_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Okafor launches 'Sea Change' party\n\n"
        "Former minister Chidi Okafor has launched a new party, Sea Change, he said on "
        "Monday.\n\n"
        "\u201cSea Change\u201d will stand in every coastal seat, he told the Island Courier.\n"))
    assert speaker_of(a, "Sea Change")[0] is None


def test_a_headline_gerund_after_a_name_is_not_the_names_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Okafor 'pressing Norway on fishing'\n\n"
        "Chidi Okafor is pressing Norway to share fishing rights, his office has indicated.\n\n"
        "Talks continue next week.\n"))
    assert speaker_of(a, "pressing Norway")[0] is None


def test_an_indefinite_first_sentence_subject_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ferry plan 'naive'\n\n"
        "The ferry plan is naive, a senior Nordic Council politician says.\n\n"
        "The plan goes to a vote in May.\n"))
    speaker, anonymous, _ = speaker_of(a, "naive")
    assert speaker is None and anonymous


def test_a_participle_warning_reports_its_subjects_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harbour minister Chidi Okafor has rallied dockers, warning that the stakes are "
        "\u201ctoo high to stay at home\u201d.\n"))
    assert speaker_of(a, "too high to stay")[0] == "Chidi Okafor"

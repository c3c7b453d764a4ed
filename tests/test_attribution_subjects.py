"""Who the subject of a cue is: pronouns, epithets, bodies, documents, openers, terms.

Small articles written for the test, each with its own names, outlets and quotation marks;
each asserts the speaker, the anonymous description, or that there is no speaker.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, names, speaker_of
from briefbook.analyse.namefinder import find_names

# -- pronouns -----------------------------------------------------------------------------


def test_the_pronoun_right_before_the_verb_is_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former minister Declan Moriarty founded a new party last year.\n\n"
        "Speaking in Cork at the first congress of his party, the Green Shoots Alliance, he "
        "said: \"I have never sought office for its own sake.\"\n"))
    assert speaker_of(a, "I have never")[0] == "Declan Moriarty"


def test_a_possessive_is_not_a_new_subject_for_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"The country is heading the wrong way,\" said opposition leader Anders Solvang.\n\n"
        "Mr Lindahl's cabinet was \"too timid to act on housing,\" he added.\n"))
    assert speaker_of(a, "too timid")[0] == "Anders Solvang"


def test_a_name_in_the_reported_words_is_not_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Prices are out of control,” said opposition leader Dagmar Olsen.\n\n"
        "Mr Berglund had failed to act, she claimed, saying he had the \"wrong answer\" to it.\n"))
    speaker, _, cue = speaker_of(a, "wrong answer")
    assert speaker == "Dagmar Olsen" and "claimed" in cue


def test_the_reporter_of_the_same_sentence_is_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Taxes must fall,” Party leader Morten Vik said on Monday.\n\n"
        "Backbencher Tobias Rask said the plan was a start but he told the Evening Courier: "
        "\"I would cut them sooner and further.\"\n"))
    assert speaker_of(a, "I would cut")[0] == "Tobias Rask"


def test_names_inside_the_previous_speakers_sentence_do_not_compete(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Committee member Fergus Hughes said he was \"astonished\" Mr Abbott was still in "
        "post. \"We were told he was leaving within weeks,\" he said.\n"))
    assert speaker_of(a, "We were told")[0] == "Fergus Hughes"


def test_an_honorific_outweighs_a_given_name_for_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party chairman Lord Pemberton said the choice was a \"real coup\". Mr Ashby said he "
        "was ready for any \"dirty tricks\" in the campaign, after Sandy Ashby was appointed.\n\n"
        "\"My job is to make sure our message is heard,\" he said.\n"))
    assert speaker_of(a, "My job")[0] == "Sandy Ashby"


def test_it_goes_to_a_body_never_to_the_person_before(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"The slowdown is not severe,\" Tomasz Wrona, an economist with the OECD, told "
        "reporters. A \"strong rebound\" in Asia would help the recovery, the OECD said. "
        "\"Investment should pick up in Europe next year,\" it added.\n"))
    assert speaker_of(a, "strong rebound")[0] == "OECD"
    assert speaker_of(a, "Investment should")[0] == "OECD"


def test_it_is_left_empty_without_a_body_as_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"We are in crisis,\" said Ulla Brandt, head of the Federation of Ferry Operators.\n\n"
        "The ministry sought to calm the operators. It added that any levy \"should not harm "
        "the ferries\".\n"))
    assert speaker_of(a, "should not harm")[0] is None


def test_his_message_was_and_she_went_on(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Business leader Sir Ambrose Tait warned the chancellor against a spending spree. His "
        "message to the chancellor was: \"Keep the money for training.\"\n\n"
        "Ms Ingrid Falk, the MP for Eastport, backed him. She went on: \"The ports need skilled "
        "workers more than tax cuts.\"\n"))
    assert speaker_of(a, "Keep the money")[0] == "Ambrose Tait"
    assert speaker_of(a, "The ports need")[0] == "Ingrid Falk"


# -- described speakers ---------------------------------------------------------------------


def test_an_epithet_means_the_previous_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"Hunger is rising again,\" said Famine Relief's Odile Marchetti. \"The cuts will cost "
        "lives,\" the charity's director added.\n"))
    speaker, _, cue = speaker_of(a, "The cuts")
    assert speaker == "Odile Marchetti" and 'role "director"' in cue


def test_an_epithet_means_the_one_person_named(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rhoda Pennington said the checks would target the ports.\n\n"
        "\"The risk comes from a small number of smugglers,\" the Eastport MP told the "
        "committee.\n"))
    assert speaker_of(a, "The risk comes")[0] == "Rhoda Pennington"


def test_an_office_is_not_the_previous_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Konrad Weiss says he is \"standing firm\" on the new tram lines. Later the prime "
        "minister said: \"The mayor should listen to the shopkeepers on this one.\"\n"))
    speaker, anonymous, _ = speaker_of(a, "The mayor should")
    assert speaker is None and anonymous == "the prime minister"


def test_a_source_of_a_body_is_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "A Ministry of Transport source said: \"Every late train costs the economy money.\"\n\n"
        "A Harbour Authority spokeswoman later said the berths were full.\n"))
    speaker, anonymous, _ = speaker_of(a, "Every late train")
    assert speaker is None and anonymous == "A Ministry of Transport source"


def test_the_anonymous_description_stops_at_its_role(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "A Treasury spokesperson dismissed the latest claims, saying the budget was \"on "
        "track for balance by the end of the decade\".\n"))
    speaker, anonymous, _ = speaker_of(a, "on track")
    assert speaker is None and anonymous == "A Treasury spokesperson"


def test_a_named_spokeswoman_is_not_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"We have done a very thorough check of every account,\" Rosalind Tower, a "
        "spokeswoman for the bank, told reporters.\n"))
    assert speaker_of(a, "We have done")[0] == "Rosalind Tower"


# -- bodies and documents -------------------------------------------------------------------


def test_the_report_speaks_for_its_author(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Child poverty will double by 2030, the Hartwell Foundation says in a report published "
        "on Monday. However, the report warned: \"Without action the target will be missed by "
        "a decade.\"\n"))
    speaker, _, cue = speaker_of(a, "Without action")
    assert speaker == "Hartwell Foundation" and "the report" in cue


def test_the_report_of_nobody_named_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, "The report said: \"Rents have risen faster than incomes.\"\n")
    assert speaker_of(a, "Rents have")[0] is None


def test_the_body_named_with_those_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Northern Regional Assembly said the closure was a mistake. \"We will fund the "
        "ward until March,\" said the regional assembly.\n"))
    assert speaker_of(a, "We will fund")[0] == "Northern Regional Assembly"


def test_the_firm_is_the_company_just_named(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shares in Kestrel Shipping Group fell 4% on Tuesday.\n\n"
        "\"Freight rates will recover in the second half,\" the firm said.\n"))
    assert speaker_of(a, "Freight rates")[0] == "Kestrel Shipping Group"


def test_a_letter_from_a_body(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The letter, from the Passport Office, says: \"Your application has been refused on "
        "the grounds of national security.\"\n"))
    assert speaker_of(a, "Your application")[0] == "Passport Office"


def test_a_party_word_speaker_is_an_organisation(tmp_path: Path) -> None:
    a = analyse(tmp_path, "\"We will cut the deficit in half,\" New Tories said.\n")
    speaker = next(x for x in a.actors if x.name == "New Tories")
    assert speaker.kind == "organization"


# -- the cue's own words --------------------------------------------------------------------


def test_an_opening_clause_is_not_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Texas Judge Rosa Delgado ruled on Friday.\n\n"
        "In her ruling, the judge acknowledged that \"the seizure looks confiscatory\".\n\n"
        "Interviewed on Radio Harbour's Dawn Patrol show, Mr Quist said: \"I am being attacked "
        "from both sides.\" Earlier, Councillor Pieter Quist had met the judge.\n"))
    assert speaker_of(a, "the seizure")[0] == "Rosa Delgado"
    assert speaker_of(a, "I am being")[0] == "Pieter Quist"


def test_the_first_reporting_verb_reports_the_sentence(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Aid worker Hanne Kjeldsen was kidnapped in May. A spokesman later said Mr Dalby knew "
        "her well, whom he described as a brave woman, and that he was \"ready to go there "
        "himself\".\n"))
    speaker, anonymous, _ = speaker_of(a, "ready to go")
    assert speaker is None and anonymous == "A spokesman"


def test_a_speech_word_used_as_a_noun_is_not_a_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The claims of the opposition were \"pure fiction\" from start to finish, Chancellor "
        "Viktor Roos said.\n"))
    assert speaker_of(a, "pure fiction")[0] == "Viktor Roos"


def test_with_someone_saying(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Harbour Party launched its platform, with leader Colm Brennan saying it was the "
        "\"only real opposition\" in the county.\n"))
    assert speaker_of(a, "only real")[0] == "Colm Brennan"


def test_verbs_of_describing_and_calling(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Councillor Aoife Lynch called for \"an end to the waiting lists\". Leaked papers "
        "suggested former minister Piers Hartley branded the plan as a \"leap in the dark\". "
        "Union chief Ottilie Berger spoke of \"broken promises\".\n"))
    assert speaker_of(a, "an end to")[0] == "Aoife Lynch"
    assert speaker_of(a, "leap in the")[0] == "Piers Hartley"
    assert speaker_of(a, "broken promises")[0] == "Ottilie Berger"


def test_a_term_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Bluecrest claims the rival airline copied its livery, a practice known as \"passing "
        "off\". Mr Stroud called the so-called \"green levy\" a tax on holidays.\n"))
    speaker, _, cue = speaker_of(a, "passing off")
    assert speaker is None and "known as" in cue
    assert speaker_of(a, "green levy")[0] is None


# -- people the cues need -------------------------------------------------------------------


def test_sir_and_a_given_name_join_the_full_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Sir Rupert Allingham, head of the employers' federation, spoke first.\n\n"
        "Sir Rupert added: \"Stability is what business wants.\"\n"))
    assert speaker_of(a, "Stability")[0] == "Rupert Allingham"
    assert "Rupert" not in names(a)


def test_a_party_word_surname_after_a_title() -> None:
    found = find_names("Sir Nigel Green, chairman of the trust, says the figures are sound.")
    assert [(n.text, n.kind) for n in found] == [("Nigel Green", "person")]
    assert find_names("The Green said no.") == []


def test_hyphenated_given_names_and_a_thing_word_surname_with_a_role() -> None:
    found = find_names("\"We lost,\" Marie-Claire Fontaine, from the growers' union, told the "
                       "agency. \"It was fine,\" Gwendolyn Bridge, a spokeswoman for the bank, "
                       "said. Victoria Station, the terminus, closed.")
    assert [(n.text, n.kind) for n in found if n.kind == "person"] == [
        ("Marie-Claire Fontaine", "person"), ("Gwendolyn Bridge", "person")]


def test_an_inverted_parenthetical_says_x(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The aim, says Morwenna Trelawney, is to build a \"bridge between art and industry\" "
        "in the city.\n"))
    assert speaker_of(a, "bridge between")[0] == "Morwenna Trelawney"


def test_an_opening_adverb_before_the_named_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Meanwhile Gethin Pryce, the Liberal Democrat health spokesman, said: \"This is "
        "another step in a war of words.\"\n"))
    assert speaker_of(a, "This is another")[0] == "Gethin Pryce"


def test_a_one_word_speaker_is_not_completed_with_a_possessive(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shares in Korea's Hanmaru fell sharply. \"We accept the ruling of the court,\" "
        "Hanmaru said in a statement.\n"))
    assert speaker_of(a, "We accept")[0] == "Hanmaru"


def test_a_passive_report_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Treasury published its review on Sunday. It is thought the overhaul could mean "
        "pensions based on a \"career average\" salary.\n"))
    speaker, _, cue = speaker_of(a, "career average")
    assert speaker is None and "passive" in cue


def test_a_pronoun_never_goes_to_a_possessor(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"The review will report in June,\" the Treasury said.\n\n"
        "On Monday, Premier Arvid Lund's official spokesman declined to comment. He said: "
        "\"What matters is that the process runs its course.\"\n"))
    assert speaker_of(a, "What matters")[0] is None


def test_a_shadow_office_does_not_hold_the_office(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shadow home secretary Edwin Marlowe said: \"We have run a positive campaign.\" "
        "The Home Secretary told the BBC: \"I stand by every word of the speech.\"\n"))
    speaker, anonymous, _ = speaker_of(a, "I stand by")
    assert speaker is None and anonymous == "The Home Secretary"
    assert speaker_of(a, "We have run")[0] == "Edwin Marlowe"


def test_a_new_reporter_right_after_a_quotation_takes_the_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Announcing the plans, Mr Osgood said: \"The council has broken its pledges.\" His "
        "party leader, Rupert Fairbairn, argued that a change was needed. \"People are working "
        "harder just to stand still,\" he said.\n\nOpposition spokesman Giles Osgood spoke "
        "first.\n"))
    assert speaker_of(a, "People are working")[0] == "Rupert Fairbairn"

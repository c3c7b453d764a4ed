"""A role, office or epithet that means a person the article named: who it is, or nobody.

Small articles written for the test (their own names, outlets and quotation marks), each
asserting the speaker a description stands for, or that it stays an anonymous description.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, names, speaker_of
from briefbook.core.lexicon import is_role_word

# -- compound roles: co-chairman, ex-leader -------------------------------------------------


def test_a_hyphenated_role_is_a_role() -> None:
    assert is_role_word("co-chairman") and is_role_word("Ex-Minister")
    assert is_role_word("vice-chairwoman")
    assert not is_role_word("ex-wife") and not is_role_word("half-time")


def test_a_co_chairman_is_another_office_than_the_prime_minister(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Anton Greve was asked about the election date on Wednesday. Party co-chairman Lise "
        "Holm accused him of dodging. Interior Minister Jonas Falk defended the government.\n\n"
        "The prime minister told deputies: “Nobody will be surprised by the date.”\n"))
    assert speaker_of(a, "Nobody will be")[0] == "Anton Greve"


def test_the_co_chairman_is_the_one_named_so(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Green chairman Ivo Marsh said the campaign was going well. Liberal co-chairman "
        "Petra Lund disagreed.\n\n"
        "'We are ahead in every seat,' the Liberal co-chairman told the Daily Courier.\n"))
    assert speaker_of(a, "We are ahead")[0] == "Petra Lund"


def test_the_party_chairman_prefers_a_chairman_to_a_co_chairman(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Green chairman Ivo Marsh said the campaign was going well. Liberal co-chairman "
        "Petra Lund disagreed.\n\n"
        "«We have never been stronger», the party's chairman told the Daily Courier.\n"))
    assert speaker_of(a, "We have never")[0] == "Ivo Marsh"


# -- qualifiers: former, ex-, shadow --------------------------------------------------------


def test_the_former_office_is_the_person_introduced_as_former(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former civil service chief Lord Ferris has criticised the way Olav Brun's government "
        "works. Opposition leader Hanne Lie welcomed the attack.\n\n"
        "The former cabinet secretary said in an interview with the Weekly Review: \"There is "
        "too much emphasis on selling policies.\"\n"))
    assert speaker_of(a, "There is too much")[0] in ("Lord Ferris", "Ferris")


def test_an_ex_office_is_a_former_one(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former Liberal leader Ruth Ambler said on Monday that she would stand again. Green "
        "leader Carl Sten welcomed the news.\n\n"
        "The ex-leader said: „I have unfinished business.“\n"))
    assert speaker_of(a, "I have unfinished")[0] == "Ruth Ambler"


def test_the_former_premier_is_the_former_prime_minister(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Baroness Whitby, the former prime minister, made a rare speech in the Lords. Prime "
        "Minister Owen Tate was absent.\n\n"
        "“The treaty is a mistake,” the former premier told peers.\n"))
    assert speaker_of(a, "The treaty is")[0] in ("Baroness Whitby", "Whitby")


def test_nobody_introduced_as_former_leaves_the_former_office_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Olav Brun's government has been criticised. Opposition leader Hanne Lie welcomed the "
        "attack.\n\n"
        "\"There is too much spin,\" the former cabinet secretary said.\n"))
    speaker, anonymous, _ = speaker_of(a, "There is too much")
    assert speaker is None and anonymous == "the former cabinet secretary"


def test_the_shadow_office_is_not_the_office_holder(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ian Whitcombe, the opposition's shadow culture secretary, said the bill was a "
        "\"shambles\". Culture Secretary Tessa Crane defended it.\n\n"
        "\"This is a retreat,\" the shadow culture secretary said.\n"))
    assert speaker_of(a, "This is a retreat")[0] == "Ian Whitcombe"


def test_the_office_is_not_its_shadow(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shadow health secretary Ann Voss attacked the plan. Nobody else was named.\n\n"
        "\"The plan is sound,\" the health secretary said.\n"))
    speaker, anonymous, _ = speaker_of(a, "The plan is sound")
    assert speaker is None and anonymous == "the health secretary"


# -- an age as an epithet -------------------------------------------------------------------


def test_the_age_epithet_is_the_person_of_that_age(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Tomas Lindqvist, 52, from the Tenants Alliance, said the plan was weak. Housing "
        "minister Eva Sand, 47, disagreed.\n\n"
        "\"It is a cynical case of recycling,\" the 52-year-old said.\n"))
    assert speaker_of(a, "It is a cynical")[0] == "Tomas Lindqvist"


def test_an_age_written_before_the_name_counts(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Police arrested 61-year-old Ray Goldby in Lyon. His partner Ann Vale was released.\n\n"
        "‘I have done nothing wrong,’ the 61-year-old told reporters.\n"))
    assert speaker_of(a, "I have done nothing")[0] == "Ray Goldby"


def test_an_age_nobody_has_gives_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Tomas Lindqvist, 52, said the plan was weak.\n\n"
        "\"It is a disgrace,\" the 38-year-old said.\n"))
    assert speaker_of(a, "It is a disgrace")[0] is None


def test_the_age_epithets_lawyer_is_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shares fell. The firm's former boss, Ray Goldby, 61, was arrested in Lyon.\n\n"
        "The 61-year-old's lawyer said: \"He denies everything.\"\n"))
    speaker, anonymous, _ = speaker_of(a, "He denies")
    assert speaker is None and anonymous == "The 61-year-old's lawyer"


# -- a described reporter between a quotation and "he" -------------------------------------


def test_he_after_a_possessive_spokesman_is_the_spokesman(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Carl Sten said Lord Ferris had given the \"most damaging "
        "testimony\" he could remember.\n\n"
        "Lord Ferris said Mr Brun bypassed the cabinet. The prime minister's official "
        "spokesman said the cabinet was still used. But he added: “You cannot take every "
        "decision in cabinet.”\n"))
    speaker, anonymous, _ = speaker_of(a, "You cannot take")
    assert speaker is None and anonymous == "The prime minister's official spokesman"


def test_he_after_an_epithet_of_the_named_speaker_is_that_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Liberal co-chairman Petra Lund told the Daily Courier: \"They will say anything.\" "
        "The Liberal co-chairman attacked the new pledges of the government as empty. \"We "
        "repay our loans when they are due,\" she said.\n"))
    assert speaker_of(a, "We repay")[0] == "Petra Lund"


# -- a question or an exclamation, then the reporting clause --------------------------------


def test_a_question_mark_does_not_end_the_sentence_before_its_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Defence lawyer Ines Lopes questioned the witness, Karl Brandt. \"Never,\" Mr Brandt "
        "replied. \"Did you ever see him at the bank?\" Ms Lopes pressed. \"Not once!\" "
        "answered the witness.\n"))
    assert speaker_of(a, "Did you ever")[0] == "Ines Lopes"
    assert speaker_of(a, "Never")[0] == "Karl Brandt"


def test_a_question_before_a_new_sentence_keeps_its_own_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Who pays for it?” asked Senator Maria Ortiz. “Who will explain it to voters?” The "
        "bill was passed on Friday after a long debate in the chamber.\n"))
    assert speaker_of(a, "Who pays")[0] == "Maria Ortiz"
    assert speaker_of(a, "Who will explain")[0] == "Maria Ortiz"


# -- the subject after an opening clause ----------------------------------------------------


def test_a_pronoun_goes_to_the_subject_after_an_opening_clause(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The witness, Karl Brandt, has pleaded guilty and is helping prosecutors. Mr Brandt "
        "ordered the false entries.\n\n"
        "On Monday, defence lawyer Tomas Reyes tried to distance his client from the fraud. "
        "During cross examination, he asked Mr Brandt if the boss had ever \"signed a "
        "cheque?\".\n"))
    assert speaker_of(a, "signed a cheque")[0] == "Tomas Reyes"


def test_a_name_after_a_verb_is_no_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party co-chairman Dr Lena Fyfe accused Mr Brun and other ministers of lying. "
        "\"What we learned is that it will be fear and smear,\" she told the Evening Post.\n"))
    assert speaker_of(a, "What we learned")[0] == "Lena Fyfe"


# -- reported words: a noun that looks like a verb, an aside, a reduced passive -------------


def test_a_plural_noun_after_new_is_no_speech_verb(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Liberal co-chairman Petra Lund spoke in Malmo. \"They will say anything,\" she said. "
        "The Liberal co-chairman attacked the government's six new pledges as \"vacuous\".\n"))
    assert speaker_of(a, "vacuous")[0] == "Petra Lund"


def test_a_reporting_aside_between_commas(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Alva Berg said 16,000 people moved to the city every year. The plan would bring "
        "a «substantial reduction» in traffic, she said, although she could not give a "
        "figure.\n"))
    assert speaker_of(a, "substantial reduction")[0] == "Alva Berg"


def test_an_aside_naming_a_place_is_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Alva Berg spoke. Prices were 'too high', in Lund, and rising.\n"))
    assert speaker_of(a, "too high")[0] is None


def test_a_reduced_passive_gives_the_words_to_its_agent(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Culture minister Tessa Crane announced a cap on new casinos, in a move branded a "
        "“humiliating retreat” by opposition leader Karl Moss.\n"))
    assert speaker_of(a, "humiliating retreat")[0] == "Karl Moss"


def test_an_active_verb_keeps_its_subject_before_by(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Karl Moss branded the plan a \"humiliating retreat\" by the "
        "government of Tessa Crane.\n"))
    assert speaker_of(a, "humiliating retreat")[0] == "Karl Moss"


# -- a person named right after an organisation ---------------------------------------------


def test_an_organisations_title_and_person_are_split(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Tenants Union Chief Executive Marta Kowalski called the plans \"dangerous\". Hotel "
        "Association Chairman Penny Ashdown said her members were «outraged».\n"))
    assert speaker_of(a, "dangerous")[0] == "Marta Kowalski"
    assert speaker_of(a, "outraged")[0] == "Penny Ashdown"
    assert "Tenants Union" in names(a)


def test_the_chair_of_a_committee_named_before_the_name_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Chairman of the Transport Select Committee Oliver Pryce MP, said: “The policy is an "
        "alarming example of muddled thinking.”\n"))
    assert speaker_of(a, "The policy is")[0] == "Oliver Pryce"


def test_the_spokesman_for_a_person_is_still_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "A spokesman for Housing Minister Oliver Pryce said: \"No decision has been made.\"\n"))
    speaker, anonymous, _ = speaker_of(a, "No decision")
    assert speaker is None and anonymous


# -- a lead that describes, then names -------------------------------------------------------


def test_the_leads_indefinite_minister_is_the_person_named_next(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Drivers 'more likely' to be stopped\n\n"
        "Young drivers should accept they are “more likely” to be stopped, a transport "
        "minister has said.\n\n"
        "Greta Holm said the checks would save lives.\n"))
    assert speaker_of(a, "more likely")[0] == "Greta Holm"


def test_a_leads_stand_in_is_not_the_person_named_next(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fees will rise to \"at least 3,000 euros\", a senior official has said. Education "
        "minister Ruth Kell said the money was needed.\n"))
    speaker, anonymous, _ = speaker_of(a, "at least")
    assert speaker is None and anonymous == "a senior official"


def test_a_lead_description_and_a_person_of_another_office_differ(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fees will rise to \"at least 3,000 euros\", an education minister has said. "
        "Chancellor Gordon Blake told MPs it would be fair.\n"))
    speaker, anonymous, _ = speaker_of(a, "at least")
    assert speaker is None and anonymous == "an education minister"


def test_an_indefinite_description_after_the_lead_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Greta Holm launched the plan on Monday.\n\n"
        "Checks will be \"random and fair\", a transport minister said. Ivar Lund said they "
        "were not.\n"))
    speaker, anonymous, _ = speaker_of(a, "random and fair")
    assert speaker is None and anonymous == "a transport minister"


def test_he_after_an_inverted_reporting_clause_is_its_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ola Berg and Nils Rask clashed in parliament. It was no good Mr Berg claiming the "
        "pledges were left to the manifesto, argued Mr Rask. Pointing to fuel duty, he added: "
        "\"Everyone knows taxes will go up.\"\n"))
    assert speaker_of(a, "Everyone knows")[0] == "Nils Rask"


# -- a headline that opens with a person and a reporting verb -------------------------------


def test_the_headlines_opening_person_and_verb_speak_the_quoted_word(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Kestrel slams Green 'smears'\n\n"
        "Liberal leader Anna Kestrel has attacked the Greens. “They will say anything,” she "
        "said. Green chairman Liam Ross said the claims were fair.\n"))
    assert speaker_of(a, "smears")[0] == "Anna Kestrel"


def test_a_headline_verb_after_no_persons_surname_gives_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Storm warns of 'chaos' on roads\n\n"
        "Forecasters expect the storm to reach the coast on Monday. Drivers were told to stay "
        "at home.\n"))
    assert speaker_of(a, "chaos")[0] is None


def test_two_people_of_the_headlines_surname_give_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Berg slams rival 'smears'\n\n"
        "Party leader Ola Berg and his cousin Nils Berg clashed at the conference.\n"))
    assert speaker_of(a, "smears")[0] is None

"""Speakers the engine used to miss on real text although the cue was plain.

A surname that is also a title after a plain honorific (*Ms King*, *Mr Major*), a given name
and surname after a capitalised descriptor (*Fellow Lib Dem X*), a party word as a surname
after a given name (*Steve Green*). Small articles written for the test, each asserting the
speaker or its absence.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of
from briefbook.analyse.namefinder import find_names


def _people(text: str) -> list[str]:
    return [n.text for n in find_names(text) if n.kind == "person"]


# -- names the finder now reads ---------------------------------------------------------------


def test_a_title_word_after_a_plain_honorific_is_a_surname() -> None:
    assert _people("Ms King said she was pleased.") == ["King"]
    assert _people("Mr Major told MPs it was over.") == ["Major"]
    assert _people("Mrs Bishop refused to comment.") == ["Bishop"]
    assert _people("\"Thank you, Mr President,\" said nobody.") == []
    assert _people("Mr Speaker called for order.") == []


def test_a_given_name_after_a_party_descriptor_opens_a_person() -> None:
    names = find_names("Fellow Lib Dem Norman Baker said the plan was flawed.")
    person = next(n for n in names if n.kind == "person")
    assert person.text == "Norman Baker" and person.role == "Fellow Lib Dem"
    assert _people("Veteran Tory Edwina Hartley said so.") == ["Edwina Hartley"]
    assert _people("Tampa Bay Buccaneers owner said so.") == []
    assert _people("Great Ormond Street Hospital said so.") == []


def test_a_party_word_surname_after_a_given_name_is_a_person() -> None:
    assert _people("Police chief Steve Green said people would suffer.") == ["Steve Green"]
    assert _people("Mark Labour said nothing.") == []  # a party's name, no surname
    assert _people("Will Labour win the seat?") == []


# -- who speaks -------------------------------------------------------------------------------


def test_ms_king_speaks_after_her_full_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rowan Pike is to stand against Labour MP Hattie King at the election.\n\n"
        "Ms King said she was “delighted” at the chance to take on Mr Pike.\n\n"
        "Mr Major told the paper: ‘It is a contest I relish.’\n"))
    assert speaker_of(a, "delighted")[0] == "Hattie King"
    assert speaker_of(a, "It is a contest")[0] == "Major"  # a surname of its own


def test_mr_major_with_a_full_name_before_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former premier Julian Major opened the debate.\n\n"
        "\"We were wrong about the timing,\" Mr Major told MPs.\n"))
    assert speaker_of(a, "We were wrong")[0] == "Julian Major"


def test_a_fellow_party_member_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Green campaigner Ola Brandt called the plan «reckless».\n\n"
        "Fellow Lib Dem Norman Fairbank said the episode painted an \"ugly picture of "
        "government\". Police chief Steve Green said the public would \"pay the price\".\n"))
    assert speaker_of(a, "ugly picture")[0] == "Norman Fairbank"
    assert speaker_of(a, "pay the price")[0] == "Steve Green"


# -- "according to": a person speaks, an outlet reports ---------------------------------------


def test_according_to_an_outlet_then_a_named_subject_gives_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "According to the Daily Courier, chief operating officer Marta Quayle said that the "
        "group was “looking hard at every games studio”.\n\n"
        "According to Reuters, finance director Olu Adebayo told analysts: 'Margins will "
        "recover.'\n"))
    assert speaker_of(a, "looking hard")[0] == "Marta Quayle"
    assert speaker_of(a, "Margins will")[0] == "Olu Adebayo"


def test_according_to_a_person_gives_the_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Treasury minister Harriet Lowe spoke on Monday.\n\n"
        "The cuts were \"the deepest in a generation\", according to Ms Lowe.\n\n"
        "The deal is «all but done», according to Peter Okonkwo, the firm's chairman.\n"))
    assert speaker_of(a, "the deepest")[0] == "Harriet Lowe"
    assert speaker_of(a, "all but done")[0] == "Peter Okonkwo"


def test_according_to_an_outlet_alone_gives_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The bid was \"hostile and unwelcome\", according to the Evening Ledger.\n\n"
        "According to Harbour Radio, the offer was “final”.\n"))
    assert speaker_of(a, "hostile")[0] is None
    assert speaker_of(a, "final")[0] is None


# -- a role noun for the one person who held it ----------------------------------------------


def test_our_correspondent_is_the_correspondent_named_before(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Unions voted to strike on Friday.\n\n"
        "BBC correspondent Imogen Trask said the unions were \"a formidable force\".\n\n"
        "Opposition to the plan is ‘the one thing they agree on’, our correspondent added. "
        "Minister Bruno Hale met union leaders on Thursday. Our correspondent said that no "
        "deal had been offered. There was «some possibility» of a deal, she added.\n"))
    assert speaker_of(a, "the one thing")[0] == "Imogen Trask"
    assert speaker_of(a, "some possibility")[0] == "Imogen Trask"


def test_our_correspondent_with_no_named_correspondent_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister Bruno Hale met union leaders on Thursday.\n\n"
        "The talks were \"going nowhere\", our correspondent said.\n"))
    found = speaker_of(a, "going nowhere")
    assert found[0] is None and found[1] == "our correspondent"


def test_two_correspondents_leave_our_correspondent_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "BBC correspondent Imogen Trask and Radio Five correspondent Colm Dwyer were at the "
        "summit.\n\n"
        "The mood was “grim”, our correspondent said.\n"))
    assert speaker_of(a, "grim")[0] is None


def test_the_archbishop_is_the_archbishop_named_before(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Archbishop Thabo Ndaba has called for the camp to close.\n\n"
        "The Kenyan archbishop said detentions were \"unacceptable\". Foreign minister Ruth "
        "Calder told MPs the talks were going well. The archbishop added: «What about those "
        "left behind?»\n"))
    assert speaker_of(a, "unacceptable")[0] == "Thabo Ndaba"
    assert speaker_of(a, "What about")[0] == "Thabo Ndaba"


def test_the_coach_with_no_coach_named_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Striker Lena Voss scored twice on Saturday.\n\n"
        "‘We were poor in the first half,’ the coach said.\n"))
    found = speaker_of(a, "We were poor")
    assert found[0] is None and found[1] == "the coach"


def test_the_coach_is_the_head_coach_named_before(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Head coach Ivo Brandt said the side had been 'tired'.\n\n"
        "Striker Lena Voss scored twice. \"We need rest,\" the coach added.\n"))
    assert speaker_of(a, "We need rest")[0] == "Ivo Brandt"


def test_an_mp_described_by_a_seat_is_not_the_mp_of_another_title(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Victor Dunn is to stand against Labour MP Ana Ray at the election.\n\n"
        "Mr Dunn said he would \"win the seat\". The Redcastle Moor MP, who left Labour last "
        "year, accused Ms Ray of being a “party puppet”.\n\n"
        "Later the Labour MP said: 'He will lose.'\n"))
    assert speaker_of(a, "party puppet")[0] == "Victor Dunn"  # the previous speaker
    assert speaker_of(a, "He will lose")[0] == "Ana Ray"


# -- a named body and "it" ---------------------------------------------------------------------


def test_chambers_of_commerce_is_a_body_that_it_refers_to(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Employers had opposed the plan. The Northern Chambers of Commerce welcomed the latest "
        "proposal. “This move is the best of both worlds,” it said. \"Firms keep control.\"\n"))
    assert speaker_of(a, "This move")[0] == "Northern Chambers of Commerce"
    assert speaker_of(a, "Firms keep")[0] == "Northern Chambers of Commerce"


# -- a body's person: the person speaks ---------------------------------------------------------


def test_a_person_written_after_a_body_possessive_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fans' group Supporters Trust said it would fight the bid. Harbour City's board met "
        "on Monday.\n\n"
        "\"Harbour City is a debt-free club,\" Supporters Trust's Niamh Doyle told the BBC. "
        "The Reform Forum's Sundeep Arora said the change was ‘long overdue’.\n"))
    assert speaker_of(a, "Harbour City is")[0] == "Niamh Doyle"
    assert speaker_of(a, "long overdue")[0] == "Sundeep Arora"


def test_a_body_possessive_with_a_role_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"We will not sell,\" Harbour City's spokesman told reporters.\n"))
    found = speaker_of(a, "We will not sell")
    assert found[0] is None and found[1]


def test_a_body_noun_in_apposition_makes_an_organisation() -> None:
    names = find_names("Helvetia Re, the world's third biggest reinsurer, said it was calm.")
    assert [(n.text, n.kind) for n in names] == [("Helvetia Re", "organization")]
    assert [n.kind for n in find_names("Brandvold, a leading Norwegian insurer, said so.")] == \
        ["organization"]
    assert _people("Tanya Okafor, a lawyer for the firm, said so.") == ["Tanya Okafor"]
    assert find_names("At Tarnfield, the company has written to homes.") == []


def test_a_body_in_apposition_speaks_and_it_refers_to_it(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Insurers counted the cost on Monday.\n\n"
        "Helvetia Re, the world's third biggest reinsurer, said: «This is a human tragedy "
        "first.» Brandvold, a leading Norwegian insurer, said it did not know its exposure. "
        "However, it said losses would be \"modest\" this year.\n"))
    assert speaker_of(a, "This is a human")[0] == "Helvetia Re"
    assert speaker_of(a, "modest")[0] == "Brandvold"


# -- "He …, saying "…"": the pronoun subject, not a name in the object --------------------------


def test_a_pronoun_subject_with_a_participle_speaks_over_a_named_object(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Miriam Castell replied to the budget.\n\n"
        "She ended her reply with a challenge to the Liberal Party, saying ‘call the vote’. "
        "\"The money has run out,\" Ms Castell told MPs.\n\n"
        "Finance minister Tomas Reyes said little. He closed the debate with a jab at the "
        "Green Alliance, saying «we have a plan».\n"))
    assert speaker_of(a, "call the vote")[0] == "Miriam Castell"
    assert speaker_of(a, "we have a plan")[0] == "Tomas Reyes"


def test_a_named_subject_with_a_participle_still_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Union leader Ines Grady attacked the Treasury, saying the plan was “a disgrace”.\n"))
    assert speaker_of(a, "a disgrace")[0] == "Ines Grady"


# -- one subject, two verbs: 'X said "A" … and promised "B"' ------------------------------------


def test_a_second_verb_after_and_keeps_the_sentence_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party founder Dana Whitlow spoke in Leeds on Thursday.\n\n"
        "She said \"our towns\" were being ‘left behind’ by the capital and promised a «fair "
        "deal» for the north. Mayor Piet Lund said the plan was 'vague' but conceded "
        "“some of it is right”.\n"))
    assert speaker_of(a, "left behind")[0] == "Dana Whitlow"
    assert speaker_of(a, "fair")[0] == "Dana Whitlow"
    assert speaker_of(a, "some of it")[0] == "Piet Lund"


def test_a_second_subject_after_and_is_not_the_first_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Dana Whitlow called the plan \"vague\" and Piet Lund promised a ‘fair deal’.\n"))
    assert speaker_of(a, "fair deal")[0] == "Piet Lund"


# -- a participle clause opening the sentence: the main clause's subject speaks -----------------


def test_a_participle_clause_gives_the_main_clause_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former minister Hugo Ferreira wrote to party members.\n\n"
        "While saying he admired Ms Lindqvist's \"brave\" leadership, he attacked her party's "
        "record. After insisting the bill was ‘dead’, Carla Nyberg left the chamber.\n"))
    assert speaker_of(a, "brave")[0] == "Hugo Ferreira"
    assert speaker_of(a, "dead")[0] == "Carla Nyberg"


def test_a_participle_after_a_subject_is_not_read_as_an_opening_clause(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Carla Nyberg spoke first, saying the bill was «dead», and Hugo Ferreira agreed.\n"))
    assert speaker_of(a, "dead")[0] == "Carla Nyberg"


# -- a full name whose surname the article writes with an honorific -----------------------------


def test_a_full_name_with_an_unknown_given_name_joins_its_titled_surname(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ministers unveiled the plan on Monday.\n\n"
        "Okonkwo Adebayo claimed the deal was \"dead\". Mr Adebayo added it was ‘a shambles’.\n\n"
        "Whatever Adebayo says, the vote goes ahead. Euro-Sceptic Adebayo was not asked.\n"))
    assert speaker_of(a, "dead")[0] == "Okonkwo Adebayo"
    assert speaker_of(a, "a shambles")[0] == "Okonkwo Adebayo"
    assert not {"Whatever Adebayo", "Euro-Sceptic Adebayo"} & {x.name for x in a.actors}


def test_a_surname_only_in_a_full_name_is_no_evidence() -> None:
    assert _people("Okonkwo Adebayo claimed the deal was dead.") == []
    assert find_names("Okonkwo Adebayo claimed it.", surnames=frozenset({"adebayo"}))[0].kind \
        == "person"


# -- described, then named with the same title in the next sentence ----------------------------


def test_a_described_judge_is_the_judge_named_in_the_next_sentence(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ministers defended the licensing law on Monday.\n\n"
        "Police chief Ava Grant said officers were stretched.\n\n"
        "This week a judge claimed drink was breeding “urban savages”. Judge Malcolm "
        "Ostrander QC made his remarks as he sentenced three men.\n"))
    assert speaker_of(a, "urban savages")[0] == "Malcolm Ostrander"


def test_a_described_judge_and_a_differently_titled_person_stay_apart(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ministers defended the licensing law on Monday.\n\n"
        "Police chief Ava Grant said officers were stretched.\n\n"
        "Last week a judge said drink was breeding ‘urban savages’. Minister Ruth Pell said "
        "the law would stand.\n"))
    found = speaker_of(a, "urban savages")
    assert found[0] is None and found[1]


def test_a_long_possessive_epithet_is_the_previous_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Peers debated the succession bill on Friday.\n\n"
        "The Meridian Trust's Anwen Pryce said the change was \"long overdue\". The "
        "constitutional reform group's general secretary told Radio Wales there were some "
        "‘very dated features’ in the law.\n"))
    assert speaker_of(a, "very dated")[0] == "Anwen Pryce"


def test_a_long_possessive_epithet_with_no_one_named_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Peers debated the succession bill on Friday.\n\n"
        "The constitutional reform group's general secretary told Radio Wales there were some "
        "«very dated features» in the law.\n"))
    found = speaker_of(a, "very dated")
    assert found[0] is None and found[1]


def test_an_unknown_name_after_a_body_possessive_is_a_person_when_it_speaks() -> None:
    names = find_names("The Meridian Trust's Anwen Pryce said it was overdue.")
    assert [(n.text, n.kind) for n in names] == [("Meridian Trust", "organization"),
                                                  ("Anwen Pryce", "person")]
    assert _people("Acme Group's Turbo Max sold well.") == []


def test_adding_with_a_colon_after_a_quotation_keeps_its_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party leader Rhona Vail said she would \"open the champagne\", adding: ‘It was nice "
        "knowing him.’ Rival Tom Bex said he was «sad», and insisting: “It is a loss.”\n"))
    assert speaker_of(a, "It was nice")[0] == "Rhona Vail"
    assert speaker_of(a, "It is a loss")[0] == "Tom Bex"


def test_a_colon_lead_in_with_a_new_subject_is_not_the_previous_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rhona Vail called it \"a joke\", but her deputy Ian Moss said: ‘We move on.’\n"))
    assert speaker_of(a, "We move on")[0] == "Ian Moss"


def test_he_in_a_sentence_opened_by_a_long_role_and_a_name_is_that_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Karl Henning attacked the budget on Monday.\n\n"
        "Shadow transport minister Pavel Dusek is on Thursday unveiling a scheme to tackle "
        "what he says are \"crippling delays\". Deputy health spokeswoman Ana Ruiz is setting "
        "out what she calls ‘a fair deal’.\n"))
    assert speaker_of(a, "crippling delays")[0] == "Pavel Dusek"
    assert speaker_of(a, "a fair deal")[0] == "Ana Ruiz"


def test_he_after_a_lower_case_subject_is_not_the_name_in_the_object(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Karl Henning attacked the budget on Monday.\n\n"
        "the transport budget for Pavel Dusek is what he calls \"a scandal\".\n"))
    assert speaker_of(a, "a scandal")[0] != "Pavel Dusek"

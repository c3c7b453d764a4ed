"""Precision on text the rules had not seen: speaker chains, possessors, objects, headlines.

Small articles written for the test (their own names, outlets and quotation marks), one kind
per group: a pronoun that continues the discourse's speaker past a name inside what that
speaker reported (binding: *X would lead, he said* — X is not *he*) or past a described
reporter (*our correspondent said …, he added*); a surname that is also a party word (*Steve
Green*); *Org's Person told* (the person speaks); the object of *accused*/*called*/*branded*
never speaks; a headline quotation (*Ebbers 'aware' of fraud*) gets a speaker only when the
article gives that speaker the same words.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of

# -- a pronoun continuing the speaker chain past names inside reported clauses -------------


def test_he_promised_continues_the_chain_past_a_name_he_reported(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Party unveils slogan\n\n"
        "Campaign chief Ruth Okafor's deputy, Daniel Brandt, explained the slogan on Monday. "
        "\"Nobody remembers the old days fondly,\" he declared. It would be a hard campaign.\n\n"
        "Nobody, he claimed, could picture opposition leader Karl Weiss in office. And "
        "Premier Jonas Lund would be in the front line of that campaign, he said. "
        "\"Between now and the vote the premier will travel the country,\" he promised.\n"))
    assert speaker_of(a, "Between now")[0] == "Daniel Brandt"


def test_she_insisted_continues_the_chain_with_curly_quotes(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget row deepens\n\n"
        "Finance spokeswoman Maria Castell set out her party's plan at a rally in Leeds. "
        "“We will not raise income tax,” she said.\n\n"
        "Chancellor Helen Ward had failed to balance the books, she argued, and voters knew it. "
        "“Our sums add up and theirs never have,” she insisted.\n"))
    assert speaker_of(a, "Our sums add up")[0] == "Maria Castell"


def test_a_name_coordinated_with_a_pronoun_report_is_its_referent(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Council leader quits\n\n"
        "Union chief Bo Karlsson welcomed the news. \"It is overdue,\" he said.\n\n"
        "Council leader Nils Berg resigned on Monday and he said he was sorry. \"I let the "
        "town down,\" he added.\n"))
    assert speaker_of(a, "I let the town down")[0] == "Nils Berg"


def test_a_doubled_report_keeps_its_named_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget preview\n\n"
        "Shadow finance chief Leo Marsh attacked the plan. Deputy leader Jan Holm said: "
        "«Everyone says the public finances are worse,» he said. «Taxes will rise.»\n"))
    assert speaker_of(a, "Everyone says the public")[0] == "Jan Holm"


def test_the_chain_crosses_two_paragraphs_of_pronoun_reports(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor sets out plan\n\n"
        "Mayor Elena Varga spoke to business leaders on Monday. ‘This city is open,’ she said.\n\n"
        "Governor Ruth Kahn's tax would hurt shops, she argued.\n\n"
        "Trade envoy Lisa Moor would lead a mission to Asia, she said.\n\n"
        "‘We will bring jobs home,’ she promised.\n"))
    assert speaker_of(a, "We will bring jobs home")[0] == "Elena Varga"


def test_a_new_subject_between_still_breaks_the_chain(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rail strike looms\n\n"
        "Union leader Pavel Novak said the talks had failed. \"We are ready to walk out,\" he "
        "said.\n\n"
        "Transport Secretary Ian Forde rejected the claim on Tuesday and called for calm. "
        "\"There is still a deal to be done,\" he said.\n"))
    assert speaker_of(a, "There is still a deal")[0] == "Ian Forde"


def test_he_added_after_our_correspondent_is_not_an_earlier_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Unions ballot on pensions\n\n"
        "Union chief Mark Bell said members were angry. Channel 9 correspondent Paul Dray said "
        "the unions were \"a formidable force\".\n\n"
        "Deputy Premier Alan Price held a private meeting with union leaders on Thursday. Our "
        "correspondent said that he understood no deal had been offered. There was 'some "
        "possibility' of the strike being avoided, he added.\n"))
    speaker, _, _ = speaker_of(a, "some possibility")
    assert speaker in (None, "Paul Dray")
    assert speaker != "Alan Price"


def test_she_said_after_the_reporter_is_not_the_minister_named_before(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Hospital plan delayed\n\n"
        "Health Minister Carla Ruiz visited the site on Monday. The paper's health "
        "correspondent wrote that she had seen the plans. «The money is not there,» she said.\n"))
    assert speaker_of(a, "The money is not there")[0] != "Carla Ruiz"


def test_asked_after_a_role_and_surname_subject_who_is_also_a_party_word(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Late bars row\n\n"
        "Opposition spokesman Peter Lorne said ministers had ignored the police. County police "
        "chief Steve Green said residents would suffer. Earlier chief constable Green "
        "questioned how his officers would cope. \"Who do you blame when a fight breaks out?\" "
        "he asked on the radio.\n"))
    assert speaker_of(a, "Who do you blame")[0] == "Steve Green"


def test_a_party_word_surname_after_a_given_name_is_a_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Speed cameras row\n\n"
        "Road safety campaigner Ann Tory said the cameras saved lives. «They work,» said Ms "
        "Tory, who chairs a charity in Derby.\n"))
    assert speaker_of(a, "They work")[0] == "Ann Tory"


def test_a_pronoun_chain_started_by_a_nearer_non_subject_mention(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Club feud claims\n\n"
        "Treasurer Mark Tate and chairman Ken Doyle are said to be feuding again.\n\n"
        "It dominated the annual meeting, which saw Mr Tate start in a foul mood as he was "
        "forced to answer question after question. As he told members: ‘I am not interested "
        "in gossip.’\n"))
    assert speaker_of(a, "I am not interested")[0] == "Mark Tate"


def test_a_pronoun_inside_a_relative_clause_about_a_reported_name_starts_no_chain(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lecture in Dundee\n\n"
        "Dr Ruth Amos gave the annual lecture. Dr Amos said science owed a great debt to Mary "
        "Somerville, whose genius she compared to that of Newton.\n\n"
        "She said the writer was «a giant of her age».\n"))
    assert speaker_of(a, "a giant of her age")[0] == "Ruth Amos"


def test_he_after_a_role_with_its_field_and_a_name_opening_his_sentence(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Colleges plan\n\n"
        "Liberal leader Carl Menz launched his campaign at a college in Bath. \"Fees put "
        "students off,\" he said.\n\n"
        "Shadow skills minister Tom Reyes is on Friday setting out grants for teenagers to "
        "tackle what he says is a “national skills crisis”.\n"))
    assert speaker_of(a, "national skills crisis")[0] == "Tom Reyes"


# -- Org's Person told: the person speaks ---------------------------------------------------


def test_a_firm_named_like_a_person_does_not_speak_for_its_named_member(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Housebuilder profits rise\n\n"
        "Housebuilder George Wimpey reported a 20% rise in profits on Tuesday. \"Demand for new "
        "homes remains strong,\" George Wimpey's Pete Redfern told the BBC.\n"))
    assert speaker_of(a, "Demand for new homes")[0] == "Pete Redfern"


def test_a_possessor_before_a_role_and_a_name_with_curly_single_quotes(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fashion chain warns\n\n"
        "Retailer Laura Ashley said sales had slipped. ‘The summer range sold well,’ Laura "
        "Ashley's finance director Sara Quint said.\n"))
    assert speaker_of(a, "The summer range")[0] == "Sara Quint"


def test_a_firms_named_analyst_speaks_with_guillemets(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shares slide at Norvik\n\n"
        "Norvik Holdings shares fell 9% after the profit warning. Kestrel Capital's Omar "
        "Haddad said: «The market had priced in a much better year.»\n"))
    assert speaker_of(a, "The market had priced")[0] == "Omar Haddad"


def test_a_campaign_group_ending_with_a_surname_is_not_that_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "New homes plan\n\n"
        "Housebuilder George Wimpey reported a 20% rise in profits on Tuesday. Protest group "
        "Stop Wimpey said it would fight the new estate. \"We will see them in court,\" Stop "
        "Wimpey said.\n"))
    assert not [m for m in a.mentions if m.text == "Wimpey"]
    assert speaker_of(a, "We will see them")[0] != "George Wimpey"


def test_a_possessive_name_in_an_opening_phrase_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Student vote\n\n"
        "Liberal leader Carl Menz launched his campaign on Monday. Ahead of Mr Menz's launch, a "
        "Labour spokeswoman said: «The Liberals would cap aspiration.»\n"))
    speaker, anonymous, _ = speaker_of(a, "The Liberals would cap")
    assert speaker is None
    assert anonymous == "a Labour spokeswoman"


def test_a_possessive_name_after_in_response_to_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Tax row\n\n"
        "Finance Minister Ola Berg set out the budget. In response to Mr Berg's speech, "
        "opposition leader Nina Holm said: 'It is a budget for the rich.'\n"))
    assert speaker_of(a, "It is a budget for the rich")[0] == "Nina Holm"


def test_the_company_is_a_firm_named_like_a_person_not_the_exchange_it_is_listed_on(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Fashion chief steps down\n\n"
        "Retailer Ted Baxter is parting company with its chief executive Ana Lobo. Ms Lobo "
        "joined in 2001.\n\n"
        "Ted Baxter, which is due to issue a trading statement next month, floated on the "
        "Frankfurt Stock Exchange in 1997. In September, the company had said that its sales "
        "had been «below target».\n"))
    assert speaker_of(a, "below target")[0] == "Ted Baxter"


# -- the object of accused / called / described … as never speaks ---------------------------


def test_an_epithet_subject_accusing_a_named_mp_is_the_sentence_before_subject(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rebel to fight Leeds seat\n\n"
        "Campaigner Tomas Greer is to stand against Labour MP Anna Holt at the next "
        "election.\n\n"
        "Mr Greer, who won a libel case on Thursday, said he would contest Leeds Central. The "
        "Cardiff Central MP, who was expelled from his party last year, accused Ms Holt of being "
        "a “party stooge”. Ms Holt said she was ready for the fight.\n"))
    assert speaker_of(a, "party stooge")[0] == "Tomas Greer"


def test_she_called_the_premier_a_name_is_not_the_premier(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget clash\n\n"
        "Senator Ana Ruiz spoke after the budget speech by Premier Eva Olsen. She called Ms "
        "Olsen «out of touch» with families.\n"))
    assert speaker_of(a, "out of touch")[0] != "Eva Olsen"


def test_described_as_with_a_role_holder_object_gives_no_wrong_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister under fire\n\n"
        "Transport Minister Karl Brandt defended the rail plan on Monday. The former minister "
        "described Mr Brandt as 'a danger to commuters' in a letter to the paper.\n"))
    assert speaker_of(a, "a danger to commuters")[0] != "Karl Brandt"


def test_the_object_of_branded_is_not_the_speaker_with_straight_quotes(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Row over schools\n\n"
        "Schools spokeswoman Rita Moss attacked the plan. The Dundee MSP branded Education "
        "Secretary Fiona Lamb \"a menace to teachers\".\n"))
    assert speaker_of(a, "a menace to teachers")[0] != "Fiona Lamb"


def test_the_accused_who_answers_in_the_same_sentence_still_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Port strike\n\n"
        "Dock workers walked out on Monday. Bosses accused union leader Lee Chan of wrecking "
        "the port, but Mr Chan said: \"We had no choice.\"\n"))
    assert speaker_of(a, "We had no choice")[0] == "Lee Chan"


def test_described_by_an_unnamed_agent_as_is_not_the_sentence_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget day\n\n"
        "Finance Minister Karl Brandt also announced plans to merge 30 agencies into eight - "
        "described by one civil service union as a “bonfire of the agencies”.\n"))
    assert speaker_of(a, "bonfire of the agencies")[0] is None


def test_branded_by_a_named_agent_as_gives_the_agent(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Cuts row\n\n"
        "Premier Jon Vik unveiled the spending cuts, branded by Senator Ann Ruiz as 'reckless "
        "and cruel'.\n"))
    assert speaker_of(a, "reckless and cruel")[0] == "Ann Ruiz"


def test_an_object_pronoun_before_a_participle_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Premier heckled\n\n"
        "Premier Jon Vik toured a hospital in Malmo on Monday.\n\n"
        "The trouble began on a morning show, with a mother marching up to him, saying "
        "«Jon, that is nonsense» as she tried to complain about her son's school.\n"))
    assert speaker_of(a, "Jon, that is nonsense")[0] != "Jon Vik"


def test_the_agent_of_a_passive_lead_in_asks_the_question(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Premier faces voters\n\n"
        "Can you imagine even interviewer Sam Price putting the question posed by Leeds nurse "
        "Mary Dunn: \"Would you work a night shift for £5?\"\n"))
    assert speaker_of(a, "Would you work")[0] == "Mary Dunn"


def test_recalls_how_y_advised_him_gives_y(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Advice from abroad\n\n"
        "Senator Ana Ruiz recalls how Premier Jon Vik once advised her: ‘Always answer the "
        "question you were asked.’\n"))
    assert speaker_of(a, "Always answer the question")[0] == "Jon Vik"


# -- a name in quotation marks is not a statement ---------------------------------------------


def test_a_quoted_party_name_written_unquoted_elsewhere_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "New party launched\n\n"
        "Former presenter Carl Brandt launched his new party on Tuesday. He said Aurora would "
        "fight every seat.\n\n"
        "It is all well and good Carl Brandt claiming that ‘Aurora’ is a party that hates "
        "“lies and spin”, but there is no chance that ‘Aurora’ will win.\n"))
    assert [q.speaker for q in a.quotes if q.text == "Aurora"] == [None, None]
    assert speaker_of(a, "lies and spin")[0] == "Carl Brandt"


def test_a_quoted_one_word_statement_keeps_its_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Strike vote\n\n"
        "Union leader Rosa Kiel was asked whether members would accept the offer. «Never,» she "
        "said.\n"))
    assert speaker_of(a, "Never")[0] == "Rosa Kiel"


# -- headline quotations: a speaker only when the article gives them the same words --------


def test_a_headline_claim_about_a_named_man_is_not_his_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lund 'aware' of bank fraud\n\n"
        "Former Nordbank chief Erik Lund knew of the hidden losses, his finance director told "
        "the court on Tuesday.\n\n"
        "Mr Lund has denied all the charges, saying he was unaware of the fraud.\n"))
    assert speaker_of(a, "aware")[0] is None


def test_a_headline_surname_gets_the_words_the_body_gives_her(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Okafor ‘regrets’ rail delay\n\n"
        "Transport chief Ada Okafor said on Monday she regretted the delay to the new line, "
        "which will now open in 2027.\n"))
    assert speaker_of(a, "regrets")[0] == "Ada Okafor"


def test_a_paraphrased_headline_keeps_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mining boss 'left books alone'\n\n"
        "Former Kopa Mining boss Arno Vesk never made accounting decisions, a witness has told "
        "jurors in New York.\n"))
    assert speaker_of(a, "left books alone")[:2] == (None, None)


def test_a_headline_the_first_sentence_reports_in_the_same_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Floods «won't divert Africa aid»\n\n"
        "Aid for Africa will not be diverted to the flood victims, Premier Sven Dahl has "
        "promised.\n"))
    assert speaker_of(a, "won't divert Africa aid")[0] == "Sven Dahl"


def test_a_headline_the_first_sentence_does_not_say_gets_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Jobs \"at risk\" in port merger\n\n"
        "Union leader Rosa Kiel said the merger of the two port operators was a disaster for "
        "the town.\n"))
    assert speaker_of(a, "at risk")[0] is None

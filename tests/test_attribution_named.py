"""Named speakers the engine used to miss or give to someone else.

A name run on into the next sentence, a middle initial with no stop, a role with its field
(*the minister for civil aviation X*), an employer before a role (*Acme equity strategist X*).
Small articles written for the test, each asserting the speaker or that it stays anonymous.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of
from briefbook.analyse.holders import epithet
from briefbook.analyse.namefinder import find_names


def _people(text: str) -> list[str]:
    return [n.text for n in find_names(text) if n.kind == "person"]


# -- names the finder now reads ---------------------------------------------------------------


def test_a_name_run_on_into_the_next_sentence_is_cut_before_the_opener() -> None:
    assert "Lidia Sorokina" in _people(
        "\"Costs are rising,\" said Halvard Bank analyst Lidia Sorokina The company declined.")
    assert "Pieter Claes" in _people(
        "‘We will appeal,’ said lawyer Pieter Claes He did not give a date.")
    assert _people("Campaigners from the group Vote No said so.") == []


def test_a_middle_initial_without_a_stop_is_part_of_the_name() -> None:
    assert "Thomas J Farrow" in _people("Thomas J Farrow, the firm's counsel, said it would.")
    assert "Margaret A Whitby" in _people("Yesterday Margaret A Whitby said no.")
    assert _people("A Bank spokesman said so.") == []


def test_a_role_with_its_field_before_a_name_makes_a_person() -> None:
    names = find_names("The minister for civil aviation Rakesh Menon said earlier.")
    person = next(n for n in names if n.text == "Rakesh Menon")
    assert person.kind == "person" and person.role == "minister for civil aviation"
    assert _people("the secretary of state for rural affairs Owain Pryce spoke") == \
        ["Owain Pryce"]


# -- who speaks -------------------------------------------------------------------------------


def test_the_speaker_after_a_missing_full_stop_is_the_named_analyst(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "President Arkady Volkov has repeatedly criticised the deal.\n\n"
        "\"The risks are real,\" said Halvard Bank analyst Lidia Sorokina The row is partly "
        "driven by President Volkov's campaign against the firm.\n"))
    assert speaker_of(a, "The risks")[0] == "Lidia Sorokina"


def test_a_middle_initial_speaker_is_named_not_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Thomas J Farrow, executive vice-president of Brandt Tobacco, said the ruling "
        "«changes everything» for the industry.\n"))
    assert speaker_of(a, "changes everything")[0] == "Thomas J Farrow"


def test_the_minister_for_a_field_speaks_not_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget airlines are expanding fast.\n\n"
        "“The days of flying being a luxury are over,” the minister for civil aviation "
        "Rakesh Menon said earlier.\n"))
    assert speaker_of(a, "The days")[0] == "Rakesh Menon"


def test_a_stand_in_for_a_field_holder_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Health Secretary Joan Whitlock visited the hospital.\n\n"
        "\"No decision has been taken,\" said a spokesman for health secretary Joan "
        "Whitlock.\n"))
    speaker, anonymous, _ = speaker_of(a, "No decision")
    assert speaker is None and anonymous is not None


def test_an_employer_before_a_role_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The Nikkei closed higher. In 2005 it 'will rise toward 14,000', predicted Morgan "
        "Grenfell equity strategist Kenji Ota.\n\n"
        "\"Growth will slow,\" said Lindqvist & Co chief economist Anna Berg.\n"))
    assert speaker_of(a, "will rise")[0] == "Kenji Ota"
    assert speaker_of(a, "Growth will")[0] == "Anna Berg"


# -- a described subject with a relative clause; an epithet after a new subject ---------------


def test_a_relative_clause_after_a_role_subject_is_set_aside(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Deselected MP Gareth Pryce says he will fight on.\n\n"
        "The MP, who is consulting his lawyers, told Radio Wessex: \"They chose me and they "
        "can remove me.\"\n"))
    assert speaker_of(a, "They chose")[0] == "Gareth Pryce"


def test_an_epithet_right_after_a_new_subject_means_that_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Deselected MP Gareth Pryce told reporters: “They chose me and they can remove me.”\n\n"
        "At a rally, Mr Hollins insisted he had kept to the rules. The Green leader, who "
        "argues he is ensuring honesty, said: “We do not say one thing and do another.”\n"))
    assert speaker_of(a, "They chose")[0] == "Gareth Pryce"
    assert speaker_of(a, "We do not")[0] == "Hollins"


def test_an_epithet_after_the_previous_speakers_sentence_stays_with_him(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mr Hollins insisted he had kept to the rules, saying: «We did nothing wrong.» The "
        "Green leader said: «We will win.»\n"))
    assert speaker_of(a, "We will")[0] == "Hollins"


def test_an_epithet_running_on_into_its_verb_phrase_is_still_an_epithet(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mirela Dobre is to make a pitch for the rural vote.\n\n"
        "\"Farmers have been ignored for too long,\" she will say.\n\n"
        "The Liberal leader will also call for cheaper fuel, arguing that villages were "
        "\"left behind by every government since 1990\".\n"))
    assert speaker_of(a, "left behind")[0] == "Mirela Dobre"


def test_an_epithet_with_a_complement_is_not_cut() -> None:
    assert epithet("the Tory leader will argue against it") == "the Tory leader"
    assert epithet("the Tory leader of the council") == "the Tory leader of the council"
    assert epithet("the Liberal candidate") == "the Liberal candidate"


# -- a lead's description, named in the next sentence -----------------------------------------


def test_a_possessive_lead_description_is_the_person_named_next(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister warns rowdy fans\n\n"
        "Wales's sports minister has warned rowdy fans that she will hit them ‘where it "
        "hurts’ by banning them.\n\n"
        "Eluned Parry said banning orders were one of several measures. Last week Ms Parry "
        "and First Minister Rhodri Evans met club officials.\n"))
    assert speaker_of(a, "where it hurts")[0] == "Eluned Parry"


def test_its_chief_is_the_person_opening_the_next_paragraph(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Bourse talks go well\n\n"
        "Nordbank bosses have held \"friendly and useful\" talks with the Oslo exchange, its "
        "chief has said.\n\n"
        "Henrik Aasland met exchange chief executive Mona Lie amid rumours of a higher bid.\n"))
    assert speaker_of(a, "friendly")[0] == "Henrik Aasland"


def test_a_later_office_holder_with_another_office_is_not_the_lead(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister warns rowdy fans\n\n"
        "The country's sports minister has warned fans they face \"tough new bans\".\n\n"
        "Earlier, First Minister Rhodri Evans and Mona Lie met club officials to discuss the "
        "matter.\n"))
    assert speaker_of(a, "tough new")[0] is None


def test_a_stand_in_in_the_lead_is_not_the_person_named_next(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Talks stall\n\n"
        "The talks were \"going nowhere\", its spokesman has said.\n\n"
        "Henrik Aasland met exchange chief executive Mona Lie on Friday.\n"))
    speaker, anonymous, _ = speaker_of(a, "going nowhere")
    assert speaker is None and anonymous is not None


# -- a new subject between the previous speaker and a pronoun ---------------------------------


def test_a_named_apposition_subject_takes_the_next_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Interior Minister Pavel Novak told the Courier: \"We will deport them.\" But the "
        "Green Party's justice spokesman, Tomas Berka, accused Mr Novak of dodging the "
        "issue.\n\n"
        "\"The minister is avoiding the real question,\" he told Radio Praha.\n"))
    assert speaker_of(a, "We will")[0] == "Pavel Novak"
    assert speaker_of(a, "The minister is")[0] == "Tomas Berka"


def test_the_object_of_an_accusation_is_not_a_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Prices must fall,” said trade minister Ivo Krug. Jonas Wendt, the opposition "
        "leader, accused Mr Krug of ignoring farmers.\n\n"
        "“He has never visited a farm,” he said.\n"))
    assert speaker_of(a, "He has never")[0] == "Jonas Wendt"


# -- participle clauses before the subject ----------------------------------------------------


def test_a_name_in_an_opening_participle_clause_is_not_the_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Police chief Sir Hugh Varley warned of an attack.\n\n"
        "Asked about Sir Hugh's comments, the prime minister's official spokesman said: "
        "\"We believe the threat is real.\"\n\n"
        "Responding to Ms Okafor's letter, a Treasury source said: «It is not our policy.»\n"))
    speaker, anonymous, _ = speaker_of(a, "We believe")
    assert speaker is None and anonymous == "the prime minister's official spokesman"
    speaker, anonymous, _ = speaker_of(a, "It is not")
    assert speaker is None and anonymous is not None


def test_writing_in_a_newspaper_is_not_the_newspaper_speaking(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ruth Adeyemi has defended her plans.\n\n"
        "Earlier, writing in the Daily Gazette, the home secretary conceded that plans to "
        "hold suspects under house arrest without trial were \"difficult for any "
        "government\".\n\n"
        "Later, speaking on Radio Tyne, Alan Pryor said the plans were ‘a disgrace’.\n"))
    assert speaker_of(a, "difficult")[0] == "Ruth Adeyemi"
    assert speaker_of(a, "a disgrace")[0] == "Alan Pryor"


# -- the quotation after another speaker's, with a reporting clause of its own ----------------


def test_a_reporting_clause_of_its_own_is_not_the_previous_speakers(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"Nobody pays tax in his plan,\" observed Mr Dunmore. \"That was a disaster. I "
        "could not think of anything,\" a crestfallen Mr Okoro confided in the host.\n\n"
        "‘Do you care about the whales?’, implored campaigner Ines Barros.\n\n"
        "“Never again,” said Mr Dunmore. “I was wrong,” a tearful Mr Okoro sniffed.\n"))
    assert speaker_of(a, "Nobody pays")[0] == "Dunmore"
    assert speaker_of(a, "That was a")[0] == "Okoro"
    assert speaker_of(a, "Do you care")[0] == "Ines Barros"
    assert speaker_of(a, "I was wrong")[0] != "Dunmore"


def test_a_new_sentence_after_a_question_still_follows(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"They had to publish 500 pages to explain it,\" said Mr Dunmore. \"Who are they "
        "trying to fool?\" The proposed question is long.\n"))
    assert speaker_of(a, "Who are they")[0] == "Dunmore"


def test_a_single_word_after_this_is_a_term_not_a_statement(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The deal gave Norda the right, via a 'sale option', to sell its stake. Norda has "
        "reiterated its claims that this 'put' is still valid. Rival Kessel says these "
        "«warrants» are void.\n\n"
        "Mr Aalto said that \"significant\" progress had been made.\n"))
    assert speaker_of(a, "put")[0] is None and "term" in speaker_of(a, "put")[2]
    assert speaker_of(a, "warrants")[0] is None
    assert speaker_of(a, "significant")[0] == "Aalto"


# -- a described role, a comma, then the name ------------------------------------------------


def test_a_name_after_a_described_role_and_a_comma_is_a_person() -> None:
    assert "Tegid Talley" in _people(
        "The new chairman of the Law Society, Tegid Talley QC warned of a real risk.")
    assert "Wanjiru Odhiambo" in _people(
        "It fell. Its chief executive, Wanjiru Odhiambo, said the firm would recover.")
    assert _people("The report, Bold Futures, said so.") == []
    assert _people("The chairman of the board, Board Games Ltd, said so.") == []


def test_the_described_role_with_its_name_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lib Dem spokesman Iwan Morgan said: \"This has all the signs of a U-turn.\" The new "
        "chairman of the Law Society, Tegid Talley QC warned that people on the “margins of "
        "society” would suffer. \"What will happen to young men when a bomb goes off?\"\n"))
    assert speaker_of(a, "This has all")[0] == "Iwan Morgan"
    assert speaker_of(a, "margins of")[0] == "Tegid Talley"  # QC: post-nominal letters
    assert speaker_of(a, "What will")[0] == "Tegid Talley"


def test_a_quoted_noun_with_a_relative_clause_is_a_term(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Ruta Kalnina said she would not back the plans for “curfew "
        "zones” which include night patrols. She said the law was \"unworkable\", which "
        "worried ministers.\n"))
    speaker, _, cue = speaker_of(a, "curfew zones")
    assert speaker is None and "term" in cue
    assert speaker_of(a, "unworkable")[0] == "Ruta Kalnina"


# -- "it" after a firm named like a person ----------------------------------------------------


def test_it_after_a_firm_named_like_a_person_is_that_firm(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lender Northgate said demand was steady.\n\n"
        "Rival housebuilder Thomas Ashworth reported higher profits. Ashworth said the market had "
        "proved \"challenging\" last year. \"By late summer the market had slowed sharply,\" "
        "it added.\n"))
    assert speaker_of(a, "By late summer")[0] == "Thomas Ashworth"


def test_it_after_a_titled_person_is_not_that_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lender Northgate said demand was steady.\n\n"
        "Mr Thomas Ashworth reported higher profits. Mr Ashworth said the market had proved "
        "\"challenging\" last year. \"By late summer the market had slowed,\" it added.\n"))
    assert speaker_of(a, "By late summer")[0] != "Thomas Ashworth"


def test_a_possessive_description_with_a_named_apposition_is_a_new_subject(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Finance Minister Lars Eide has unveiled his budget.\n\n"
        "Opposition spokesman Odd Hauge said the plans were \"a con\". Mr Eide's deputy, "
        "Petter Lunde, defended them. \"These are sound measures,\" he said.\n"))
    assert speaker_of(a, "These are")[0] == "Petter Lunde"


def test_a_name_before_a_new_clauses_subject_does_not_hold_its_office(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Prime Minister Aino Virtanen has said she will stand again.\n\n"
        "Finance Minister Jukka Salo said the party must be \"united\".\n\n"
        "Asked whether she trusted Mr Salo, the prime minister said: «Of course.»\n"))
    assert speaker_of(a, "Of course")[0] == "Aino Virtanen"


def test_an_epithet_with_a_constituency_of_several_words(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Health Secretary Joan Whitlock rejected the criticism. \"We have listened,\" she "
        "said.\n\n"
        "Ifor Pugh, chairman of the health committee, said the plans were \"a mistake\".\n\n"
        "Dr Pugh said he would vote against the bill. \"I cannot support it,\" the "
        "Clwyd South MP said.\n"))
    assert speaker_of(a, "I cannot")[0] == "Ifor Pugh"


# -- a described reporter between the previous speaker and "he" -------------------------------


def test_an_indefinite_party_spokesman_later_reporting_takes_he(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Campaign chief Owen Rees said the poster had been misunderstood. \"People see what "
        "they want to see.\" A Labour spokesman later said the timing was not affected. "
        "\"It has been on the website for two weeks,\" he said.\n"))
    assert speaker_of(a, "People see")[0] == "Owen Rees"
    speaker, anonymous, _ = speaker_of(a, "It has been")
    assert speaker is None and anonymous == "A Labour spokesman"


def test_the_minister_later_reporting_is_not_made_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Health Secretary Joan Whitlock said: “We have listened.” The minister later said the "
        "plans would go ahead. “We will not back down,” she said.\n"))
    assert speaker_of(a, "We will not")[0] == "Joan Whitlock"


def test_mr_never_means_a_namesake_written_with_a_title_of_rank(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Police chief Sir Hugh Varley said an attack was \"inevitable\".\n\n"
        "The warning came after Prime Minister Alan Varley defended his plans. Sir Hugh told "
        "the authority: “Terrorists have long memories.”\n\n"
        "But Mr Varley insisted: ‘There is no greater liberty than safety.’\n"))
    assert speaker_of(a, "Terrorists")[0] == "Hugh Varley"
    assert speaker_of(a, "There is no greater")[0] == "Alan Varley"


def test_a_surname_shaped_like_an_abstract_noun_but_a_given_name_is_a_surname(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "\"I don't expect a lasting turnaround until 2006,\" German Economy minister Wolfgang "
        "Clement said.\n\nShares in Bank Management fell.\n"))
    assert speaker_of(a, "I don't expect")[0] == "Wolfgang Clement"
    person = next(n for n in find_names(
        "\"A turnaround,\" German Economy minister Wolfgang Clement said.")
        if n.text == "Wolfgang Clement")
    assert person.role == "German Economy minister"


def test_a_name_from_a_named_body_is_a_person_who_can_speak(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition spokesman Odd Hauge backed the plan. Ngozi Adebayo, from rights group "
        "Civitas, joined calls for change. She said: “The rule of law is no game.”\n"))
    assert speaker_of(a, "The rule of law")[0] == "Ngozi Adebayo"
    assert _people("Tesco, from Cheshunt, said so.") == []


def test_a_time_phrase_after_the_subject_is_set_aside(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Prime Minister Aino Virtanen has defended her plans.\n\n"
        "The prime minister on Sunday said immigration would be \"toughened up\". The "
        "minister yesterday told reporters: «We will not back down.»\n"))
    assert speaker_of(a, "toughened")[0] == "Aino Virtanen"
    assert speaker_of(a, "We will not")[0] == "Aino Virtanen"


def test_a_name_in_the_reported_words_before_the_quotation_is_not_he(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Housebuilder Thomas Ashworth has offered £1.3bn for the firm. \"There is a "
        "whiff of a sweetener in there,\" Mr Omar Faraj, an analyst at Nomura, told the BBC. "
        "Thomas Ashworth is \"trying to buy them off in a sense\", he said. Rival George "
        "Barratt is ‘a bidder too’, he added.\n"))
    assert speaker_of(a, "There is a whiff")[0] == "Omar Faraj"
    assert speaker_of(a, "trying to buy")[0] == "Omar Faraj"
    assert speaker_of(a, "a bidder too")[0] == "Omar Faraj"


def test_an_apposition_without_an_article_names_a_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Kaha Tsereteli, analyst at Troika Dialog, said: \"The decision was taken long ago.\"\n"))
    assert speaker_of(a, "The decision")[0] == "Kaha Tsereteli"
    assert _people("Tesco, analysts said, was fine.") == []


def test_a_scene_before_a_titled_name_does_not_make_it_a_holder(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Later at their poster launch Green co-chairman Ola Berntsen said the attack was "
        "\"juvenile\". At the rally a spokesman for party leader Ivar Dahl said it was "
        "\"fair\".\n\n"
        "Under what is to be the election slogan “Norway is working”, the leader spoke.\n"))
    assert speaker_of(a, "juvenile")[0] == "Ola Berntsen"
    speaker, anonymous, _ = speaker_of(a, "fair")
    assert speaker is None and anonymous is not None
    speaker, _, cue = speaker_of(a, "Norway is")
    assert speaker is None and "term" in cue


def test_he_after_a_reporter_with_an_apposition_is_that_reporter(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "A proposal was received by Tomas Gill, the club's chief executive, last week. "
        "Darius Cummings, head of UK equities for Stanmore Investments, said he believed a "
        "\"well funded\" bid would succeed.\n"))
    assert speaker_of(a, "well funded")[0] == "Darius Cummings"


def test_the_object_of_a_pronoun_subject_is_not_a_new_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Former finance chief Scott Sullivan told the court: “We did not disclose it.”\n\n"
        "He portrayed Mr Ebbers, the firm's founder, as obsessed with costs. \"He would count "
        "the coffee filters,\" he said.\n"))
    assert speaker_of(a, "He would count")[0] == "Scott Sullivan"


def test_the_agent_of_a_passive_is_a_subject_for_the_next_pronoun(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Older people are being ignored,” said Gordon Lister of the charity Elder Voice.\n\n"
        "The report was welcomed by shadow pensions secretary Dafydd Wynne. \"The pensioners' "
        "voice must be heard,\" he said.\n"))
    assert speaker_of(a, "Older people")[0] == "Gordon Lister"
    assert speaker_of(a, "The pensioners")[0] == "Dafydd Wynne"

"""Quotations with no cue after a sentence about one person, and lead-ins that name nobody.

Three kinds of construction of English news text:

- a first-person statement standing alone after a sentence whose subject is one person (a
  profile: *Morris appears almost evangelical. "I was on a cruise …"*) is that person's, unless
  the sentence is a question, names someone else acting, reports someone else, or the previous
  speaker was another person;
- a participle of a speech verb after an earlier quotation of the same sentence (*Roe said she
  would "fight every cut", adding: "…"*) keeps that quotation's speaker;
- the labels of an interview written out in turns (*Q: "…"*, *A: "…"*) name nobody: no
  speaker, and the label is never an actor.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, names, speaker_of
from briefbook.analyse.interviews import interview_label, participle_lead_in
from briefbook.analyse.standalone import first_person

# -- a first-person statement after a sentence about one person ------------------------------


def test_a_profile_quotes_its_subject_after_a_sentence_about_him(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The harbour's unlikely saviour\n\n"
        "Nobody in Dunmore expected the ferry line to survive the winter.\n\n"
        "On the subject of the timetable, Piet Haverkamp is almost evangelical.\n\n"
        "\u201cI was sailing these waters before most of the crew were born. \u201cWe will run "
        "every crossing on time this year.\u201d\n"))
    assert speaker_of(a, "I was sailing")[0] == "Piet Haverkamp"
    assert speaker_of(a, "We will run")[0] == "Piet Haverkamp"
    assert "first-person" in speaker_of(a, "I was sailing")[2]


def test_a_pronoun_subject_in_the_same_paragraph_gives_her_the_statement(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Greens open campaign\n\n"
        "Greens leader Ilse Marquardt has begun a tour of coastal seats. She said voters were "
        "\u2018tired of promises\u2019. But she brushed off Liberal suggestions that a vote "
        "for her party would be \u2018a wasted one\u2019. \u2018If you look at the last three "
        "contests, we have beaten the Liberals every time.\u2019\n"))
    assert speaker_of(a, "If you look")[0] == "Ilse Marquardt"


def test_guillemets_and_straight_quotes_after_a_sentence_about_a_minister(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister visits the port\n\n"
        "Transport minister Clara Hoff toured the new terminal on Friday. "
        "\u00abMy department has spent four years on this and I am proud of it.\u00bb\n\n"
        "Mayor Tomas Varga walked with the party along the quay. "
        "\"Our town has waited a long time for a day like this.\"\n"))
    assert speaker_of(a, "My department")[0] == "Clara Hoff"
    assert speaker_of(a, "Our town")[0] == "Tomas Varga"  # a new subject: a new speaker


def test_a_sentence_addressing_the_previous_speaker_gives_no_one_else(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Interview\n\n"
        "Transport minister Clara Hoff defended the budget. \"We have done everything we "
        "could with the money we had.\"\n\n"
        "Presenter Hugo Brandt looked at her across the desk. \u201cI am not going to "
        "speculate about figures I have not seen.\u201d\n"))
    assert speaker_of(a, "I am not going")[0] != "Hugo Brandt"


def test_no_speaker_after_a_question_or_another_actor_or_without_first_person(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harbour row\n\n"
        "So why did Piet Haverkamp take the job? \"I wanted one more season at sea.\"\n\n"
        "Lena Ortiz met Tomas Varga at the town hall on Monday. "
        "\"We agreed on nothing at all that afternoon.\"\n\n"
        "Ann Roe has run the ferry office since 1998. "
        "\"The timetable will change in the spring.\"\n"))
    assert speaker_of(a, "I wanted one more")[0] is None  # after the reporter's question
    assert speaker_of(a, "We agreed on nothing")[0] is None  # two people act
    assert speaker_of(a, "The timetable will")[0] is None  # nobody speaks in it: a notice?


def test_an_agent_or_object_is_not_the_sentence_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Port\n\n"
        "\"The port must stay open,\" said Ann Roe.\n\n"
        "The harbour was built in 1890 by Piet Haverkamp. \"We have to save it for the "
        "town.\"\n\n"
        "The meeting, which saw Mr Tomas Varga leave early, ran late. \u00abI have never seen "
        "anything like it.\u00bb\n"))
    assert speaker_of(a, "We have to save")[0] is None
    assert speaker_of(a, "I have never seen")[0] is None


def test_no_speaker_when_the_sentence_before_reports_someone_else(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Strike talks\n\n"
        "Union leader Marta Kovacs met the board again. A company spokesman said the offer "
        "was final. \"We have nothing more to give this year.\"\n"))
    assert speaker_of(a, "We have nothing")[0] is None


def test_first_person_words() -> None:
    for words in ("I was there", "We will win", "It is our town", "They told me so",
                  "Give us the vote", "I'm sure", "we've won"):
        assert first_person(words), words
    for words in ("The US will decide", "It is a disgrace", "They said no", "Imagine that"):
        assert not first_person(words), words  # "US" is a country, "Imagine" no pronoun


# -- a participle lead-in after an earlier quotation of the sentence -------------------------


def test_adding_colon_after_a_quoted_phrase_keeps_the_sentence_speaker(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget row deepens\n\n"
        "Harbour Board chairman Ann Roe said she would \"fight every cut\", adding: \"We will "
        "not close a single berth this year.\"\n\n"
        "Mayor Tomas Varga called the vote \u201ca disgrace\u201d, insisting: \u201cNobody "
        "asked the people of this town what they wanted.\u201d\n\n"
        "Councillor Lena Ortiz said it was \u00abthe right call\u00bb and then, while "
        "explaining: \u00abWe cannot keep paying for empty berths.\u00bb\n"))
    assert speaker_of(a, "We will not close")[0] == "Ann Roe"
    assert speaker_of(a, "Nobody asked")[0] == "Tomas Varga"
    assert speaker_of(a, "We cannot keep")[0] == "Lena Ortiz"


def test_participle_lead_in_shapes() -> None:
    assert participle_lead_in(", adding: ")
    assert participle_lead_in(" and insisting:")
    assert participle_lead_in(", before warning: ")
    assert not participle_lead_in(", the mayor said: ")
    assert not participle_lead_in(", building:")  # not a speech verb
    assert not participle_lead_in(" Ann Roe, adding: ")


# -- interview labels --------------------------------------------------------------------


def test_interview_labels_give_no_speaker_and_no_actor(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harbour chief answers readers\n\n"
        "Harbour Board chairman Ann Roe took questions from readers on Tuesday.\n\n"
        "Q: \"Why are the ferries always late?\"\n\n"
        "A: \"We have lost three skippers this winter and we are hiring as fast as we can.\"\n\n"
        "Question: \u2018When will the new terminal open?\u2019\n"))
    assert speaker_of(a, "Why are the ferries")[0] is None
    assert "interview label" in speaker_of(a, "Why are the ferries")[2]
    assert speaker_of(a, "We have lost")[0] is None
    assert speaker_of(a, "When will the new")[0] is None
    assert not {"Q", "A", "Question"} & names(a)


def test_a_named_turn_still_gives_its_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Your views\n\n"
        "Lena Ortiz, Pellham: \"The council should have listened to the fishermen.\"\n\n"
        "Tomas Varga, Kessel: \u00abClosing the pier was the only sensible decision.\u00bb\n"))
    assert speaker_of(a, "The council should")[0] == "Lena Ortiz"
    assert speaker_of(a, "Closing the pier")[0] == "Tomas Varga"


def test_interview_label_shapes() -> None:
    assert interview_label("Q: ", True) is not None
    assert interview_label("A. : ", True) is not None
    assert interview_label("Q: ", False) is None  # not opening its sentence
    assert interview_label("Ann Roe: ", True) is None
    assert interview_label("Minister: ", True) is None


# -- audience questions and letters: the agent before the colon, a "with" clause -------------


def test_the_agent_of_a_question_or_letter_before_the_colon_speaks(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Audience grills the minister\n\n"
        "Minister Clara Hoff faced the studio audience on Tuesday. And even presenter Hugo "
        "Brandt would not have dared the question posed by Dunmore fisherman Piet Haverkamp: "
        "\"Would you work a night shift on a trawler for this wage?\"\n\n"
        "The sharpest question came from teacher Lena Ortiz: \u2018Where will the children "
        "go?\u2019 The hardest moment was a letter written by pensioner Tomas Varga: "
        "\u00abYou have forgotten people like me.\u00bb\n"))
    assert speaker_of(a, "Would you work")[0] == "Piet Haverkamp"
    assert speaker_of(a, "Where will the children")[0] == "Lena Ortiz"
    assert speaker_of(a, "You have forgotten")[0] == "Tomas Varga"


def test_a_place_or_an_unnamed_source_before_the_colon_is_no_agent(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Minister returns\n\n"
        "Minister Clara Hoff flew back on Tuesday from France: \"It was a long and difficult "
        "week for all of us.\"\n"))
    assert speaker_of(a, "It was a long")[0] == "Clara Hoff"


def test_a_with_clause_subject_shouts_not_the_one_addressed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Audience grills the minister\n\n"
        "Minister Clara Hoff faced the studio audience on Tuesday. The trouble began with "
        "nurse Ann Roe striding up to her, shouting \u201cThat is simply not true\u201d as the "
        "cameras rolled. Later, with Piet Haverkamp standing beside him, the host said "
        "\"We will take one more question.\"\n"))
    assert speaker_of(a, "That is simply")[0] == "Ann Roe"
    assert speaker_of(a, "We will take")[0] is None  # "the host" (unnamed), not Piet


def test_an_opening_with_clause_never_holds_the_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Count goes on\n\n"
        "With Lena Ortiz standing beside him, Mayor Tomas Varga said: 'We will count every "
        "vote again.' With Ann Roe looking on, the returning officer said \u201cThe result "
        "stands until the recount is over.\u201d\n"))
    assert speaker_of(a, "We will count")[0] == "Tomas Varga"
    assert speaker_of(a, "The result stands")[0] is None  # an unnamed officer, not Ann Roe


# -- a saying introduced as one; a doubled reporting verb ---------------------------------


def test_a_saying_introduced_as_one_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Campaign\n\n"
        "Mayor Tomas Varga spoke last. His hope must be that voters will bear out the old "
        "maxim: \"No pain, no gain.\" Ann Roe closed with a proverb: \u2018A harbour without "
        "boats is only a puddle.\u2019\n\n"
        "Harbour chief Lena Ortiz repeated her motto: \u00abEvery boat, every day, on "
        "time.\u00bb\n"))
    assert speaker_of(a, "No pain")[0] is None
    assert "saying" in speaker_of(a, "No pain")[2]
    assert speaker_of(a, "A harbour without")[0] is None
    assert speaker_of(a, "Every boat")[0] == "Lena Ortiz"  # her motto: hers


def test_a_doubled_reporting_verb_keeps_its_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mock poll\n\n"
        "Schools minister Ann Roe said engaging pupils was \"essential\". She added: said "
        "\"Young people who vote early keep voting for the rest of their lives.\"\n\n"
        "Mayor Tomas Varga said: told reporters: \u201cThe count will be over by noon.\u201d\n"))
    assert speaker_of(a, "Young people")[0] == "Ann Roe"
    assert speaker_of(a, "The count will")[0] == "Tomas Varga"


# -- signed reader comments ------------------------------------------------------------------


def test_signed_reader_comments_belong_to_their_signatures(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Readers respond\n\n"
        "Your comments on the harbour closure:\n\n"
        "\"The board has let the town down again and nobody will be held to account.\" "
        "Peter Okafor, Dunmore\n\n"
        "\u201cI have worked at the harbour for thirty years and I have never seen it this "
        "bad.\u201d\n\n"
        "Maria Lindqvist, Kessel Bay\n\n"
        "\u00abClosing the pier was the only sensible decision.\u00bb \u2014 Tomas Varga, "
        "Pellham\n\n"
        "'We were never asked what we thought of any of it.'\n"))
    assert speaker_of(a, "The board has let")[0] == "Peter Okafor"
    assert "signed" in speaker_of(a, "The board has let")[2]
    assert speaker_of(a, "I have worked")[0] == "Maria Lindqvist"
    assert speaker_of(a, "Closing the pier")[0] == "Tomas Varga"
    assert speaker_of(a, "We were never asked")[0] is None  # unsigned: not the last signer


def test_a_signature_needs_a_persons_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Notices\n\n"
        "\"Ferries will run to the winter timetable from Monday.\" Harbour Office, Dunmore\n\n"
        "\"All berths are closed until further notice.\"\n\n"
        "Quay Street, Kessel Bay\n"))
    assert speaker_of(a, "Ferries will run")[0] is None
    assert speaker_of(a, "All berths are closed")[0] is None


# -- the previous speaker goes on past a sentence that says "he believes" ------------------


def test_a_sentence_of_his_own_beliefs_does_not_stop_him(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Strategist\n\n"
        "Mr Piet Haverkamp has run campaigns on three continents. \"I was hired to win and I "
        "intend to win.\"\n\n"
        "So he is out to help the Greens, a party which he believes is unstoppable. \u201cThe "
        "Liberals are finished in the north. They just do not know it yet.\u201d\n"))
    assert speaker_of(a, "I was hired")[0] == "Piet Haverkamp"
    assert speaker_of(a, "The Liberals are finished")[0] == "Piet Haverkamp"


def test_a_sentence_about_her_stops_his_quotations(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Strategist\n\n"
        "Mr Piet Haverkamp has run campaigns on three continents. \"I was hired to win and I "
        "intend to win.\"\n\n"
        "But she believes the Greens are finished. \u00abThe Liberals will hold every seat in "
        "the north.\u00bb\n\n"
        "Critics say the Greens are finished. 'The Liberals will hold every seat in the "
        "south.'\n"))
    assert speaker_of(a, "The Liberals will hold every seat in the north")[0] is None
    assert speaker_of(a, "The Liberals will hold every seat in the south")[0] is None


def test_a_person_acted_on_does_not_speak_next_but_a_feeling_one_does(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Crash\n\n"
        "Ann Roe was killed in the crash on Monday. \"We are devastated and ask to be left "
        "alone.\"\n\n"
        "Mayor Tomas Varga, 61, has been arrested in Kessel. \u2018I have done nothing "
        "wrong.\u2019\n\n"
        "Lena Ortiz was delighted with the result. \u00abWe worked for this for four "
        "years.\u00bb\n"))
    assert speaker_of(a, "We are devastated")[0] is None  # her family, not Ann Roe
    assert speaker_of(a, "I have done nothing")[0] is None
    assert speaker_of(a, "We worked for this")[0] == "Lena Ortiz"

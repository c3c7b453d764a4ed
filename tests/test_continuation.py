"""Quotations that go on without a cue of their own, and the spans of reopened quotations.

News style runs a speaker's words over several paragraphs, reopening the quotation at each one
without closing the last; corpora that lost the paragraph breaks keep it as ``"A. "B."`` inside
one paragraph. Each article here is written for the test (its own names and marks) and asserts
the speaker, or its absence where something stands between the quotations.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of
from briefbook.analyse.quotes import quote_spans


def test_a_reopened_quotation_is_two_spans() -> None:
    text = ('"The bridge will close on Monday. "Traffic will go through the town." '
            'She said the "short detour" would help.')
    spans = [text[s.text_start:s.text_end] for s in quote_spans(text)]
    assert spans == ["The bridge will close on Monday.", "Traffic will go through the town.",
                     "short detour"]
    assert [s.unclosed for s in quote_spans(text)] == [True, False, False]


def test_a_closing_mark_after_a_full_stop_still_closes() -> None:
    text = 'He said: "We are done." "Fine," she replied.'
    assert [text[s.text_start:s.text_end] for s in quote_spans(text)] == ["We are done.",
                                                                          "Fine,"]


def test_reopened_quotation_keeps_its_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Grid operator chief Oskar Lindqvist spoke on Tuesday.\n\n"
        '"Demand peaked at six in the evening," said Mr Lindqvist. "We had enough reserve '
        'capacity for the cold snap. "Next winter will be harder."\n'))
    for start in ("Demand peaked", "We had enough", "Next winter"):
        assert speaker_of(a, start)[0] == "Oskar Lindqvist"
    assert "reopened" in speaker_of(a, "Next winter")[2]


def test_the_sentence_after_the_quotation_goes_on(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Prices rose faster than wages,” said Greta Hallström, an economist at Nordbank. "
        "“Households will feel it in the spring.”\n"))
    speaker, _, cue = speaker_of(a, "Households")
    assert speaker == "Greta Hallström" and cue == "the sentence after the previous quotation's"


def test_a_sentence_between_leaves_the_quotation_unattributed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "“Prices rose faster than wages,” said Greta Hallström, an economist at Nordbank. "
        "Shares in the bank fell by 2% on the news. “Households will feel it in the spring.”\n"))
    assert speaker_of(a, "Households")[0] is None


def test_a_paragraph_opening_with_a_quotation_continues_the_last_one(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "« We will not close the plant », said industry minister Claire Aubert.\n\n"
        "« The workers will be received on Monday. »\n"))
    speaker, _, cue = speaker_of(a, "The workers")
    assert speaker == "Claire Aubert" and "opens the paragraph" in cue


def test_a_paragraph_opening_with_a_quotation_after_reported_speech(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Rutger Haverkamp set out his plans for the ports.\n\n"
        "The harbour tax had failed the coastal towns, Mr Haverkamp said.\n\n"
        "\"We will scrap it in our first budget and spend the money on dredging.\"\n"))
    speaker, _, cue = speaker_of(a, "We will scrap")
    assert speaker == "Rutger Haverkamp" and cue.startswith("previous paragraph")


def test_no_speaker_from_a_paragraph_that_reports_nobody(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Opposition leader Rutger Haverkamp set out his plans for the ports.\n\n"
        "The harbour tax was introduced in 2019 and raised little.\n\n"
        "\"We will scrap it in our first budget and spend the money on dredging.\"\n"))
    assert speaker_of(a, "We will scrap")[0] is None


def test_a_phrase_inside_its_own_sentence_takes_nothing_from_the_one_before(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Her departure was announced by Health Secretary Maeve Dunleavy on Friday. "
        "The \"abrupt exit\" was discussed by the committee.\n"))
    assert speaker_of(a, "abrupt exit")[0] is None


def test_and_said_keeps_the_sentence_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Mayor Idris Okonkwo told the council that the budget was \"very tight\" and said "
        "\"hard choices\" were coming.\n"))
    assert speaker_of(a, "very tight")[0] == "Idris Okonkwo"
    assert speaker_of(a, "hard choices")[0] == "Idris Okonkwo"


def test_a_second_quotation_of_the_sentence_keeps_its_first_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Union leader Brigitte Sommer said that instead of the \"fair deal\" the board had "
        "promised, there had been a \"pay freeze\" for three years.\n"))
    assert speaker_of(a, "fair deal")[0] == "Brigitte Sommer"
    assert speaker_of(a, "pay freeze")[0] == "Brigitte Sommer"


def test_a_sentence_final_reporting_clause(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Exports and a \"remarkable recovery\" in tourism would lift growth next year, the IMF "
        "said.\n"))
    speaker, _, cue = speaker_of(a, "remarkable recovery")
    assert speaker == "IMF" and cue == "…, X said (end of the sentence)"
    assert next(x for x in a.actors if x.name == "IMF").kind == "organization"


def test_said_that_is_no_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "On Friday, Ilse Brandauer, the transport commissioner, said that the rules were needed. "
        "\"Passengers deserve to know what they are owed.\"\n"))
    assert speaker_of(a, "Passengers")[0] == "Ilse Brandauer"


def test_said_x_with_an_apposition_closing_the_sentence(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "The merger was a \"natural next step\" for both breweries, said Hamish Dunbar, the "
        "group's chief executive.\n"))
    speaker, _, cue = speaker_of(a, "natural next step")
    assert speaker == "Hamish Dunbar" and cue == "…, said X (end of the sentence)"


def test_saying_after_an_earlier_quotation_of_the_sentence(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Councillor Brenna Doyle criticised the board for ignoring the \"funding gap\" in the "
        "north, saying it was \"high time\" the formula changed. She ended her speech with a "
        "challenge to the board, saying \"prove me wrong\".\n"))
    assert speaker_of(a, "high time")[0] == "Brenna Doyle"
    assert speaker_of(a, "prove me wrong")[0] == "Brenna Doyle"

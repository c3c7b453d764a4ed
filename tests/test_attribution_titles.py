"""Words that name who speaks: a title used alone as an epithet (*the archbishop*), and
reporting verbs in any tense (*will also highlight*, *underlined*).

*Archbishop Desmond Roe … The South African archbishop said …* — the clergy titles are role
words (``role_words.txt``), so the epithet goes to the one person the article gave that
title, and stays anonymous when nobody holds it.
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_the_bishop_is_the_one_person_titled_bishop(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Bishop speaks\n\n"
        "Bishop Anselm Okoro has called for the release of the prisoners. The Nigerian bishop "
        "said the detentions were \"a scandal\". The bishop added: \u00abWe cannot stay silent "
        "while people are held without trial.\u00bb\n"))
    assert speaker_of(a, "a scandal")[0] == "Anselm Okoro"
    assert speaker_of(a, "We cannot stay")[0] == "Anselm Okoro"


def test_the_rabbi_in_curly_single_quotes(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Faith leaders meet\n\n"
        "Rabbi Miriam Feld hosted the meeting in Leeds on Sunday.\n\n"
        "The rabbi said: \u2018We share far more than divides us, and we should say so "
        "loudly.\u2019\n"))
    assert speaker_of(a, "We share far more")[0] == "Miriam Feld"


def test_an_unnamed_title_stays_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Clergy divided\n\n"
        "A bishop said the vote was \"a mistake for the church\".\n\n"
        "Mayor Tomas Varga met the cardinal on Friday. The cardinal said: \"We came away "
        "with nothing at all today.\"\n"))
    found = speaker_of(a, "a mistake for")
    assert found[0] is None and found[1] == "A bishop"
    found = speaker_of(a, "We came away")
    assert found[0] is None and found[1] == "The cardinal"  # not the mayor


def test_highlight_and_underline_report_in_any_tense(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Speech\n\n"
        "Greens leader Lena Ortiz will visit Leeds on Saturday. Ms Ortiz will also highlight "
        "the anger among people of \"all ages\" over the closures and call for a \"fair deal\" "
        "for the coast. Mr Tomas Varga underlined the \u00abneed for repairs\u00bb.\n\n"
        "Fans watched the highlights of the \u2018Grand Tour\u2019 on Sunday.\n"))
    assert speaker_of(a, "all ages")[0] == "Lena Ortiz"
    assert speaker_of(a, "fair deal")[0] == "Lena Ortiz"
    assert speaker_of(a, "need for repairs")[0] == "Tomas Varga"
    assert speaker_of(a, "Grand Tour")[0] is None  # "the highlights": a noun


def test_a_headline_signed_after_its_quotation_with_a_surname(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Harbour levy 'unjustified' - Ortiz\n\n"
        "Mayor Lena Ortiz has called the harbour levy \"unjustified\". Councillor Tomas "
        "Varga backed it.\n"))
    assert speaker_of(a, "unjustified")[0] == "Lena Ortiz"  # the headline's, first
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    b = analyse(tmp_path / "b", (
        "Levy \u2018a mistake\u2019 \u2013 Varga\n\n"
        "Councillor Tomas Varga voted against the levy on Monday. Harbour chief Anna Varga, "
        "no relation, backed it.\n"))
    assert speaker_of(b, "a mistake")[0] is None  # two people bear the surname
    c = analyse(tmp_path / "c", (
        "Levy 'a mistake' - Haverkamp\n\n"
        "Councillor Tomas Varga voted against the levy on Monday.\n"))
    assert speaker_of(c, "a mistake")[0] is None  # nobody of the article bears it

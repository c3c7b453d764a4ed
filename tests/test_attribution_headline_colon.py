"""A headline's ``Name: 'words'`` is the named person's direct speech."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, speaker_of


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Orsk: 'No deal before spring'\n\nThe energy minister, Dana Orsk, said on Friday that the "
     "talks would take months.\n", "No deal before", "Dana Orsk"),
    ("Minister Halvorsen: \u201cWe stay\u201d\n\nTerje Halvorsen said the cabinet would stay "
     "in office.\n", "We stay", "Terje Halvorsen"),
    ("Kellner: \u00abNous resterons\u00bb\n\nLa ministre Anna Kellner a d\u00e9clar\u00e9 lundi "
     "que le gouvernement resterait.\n", "Nous resterons", "Anna Kellner"),
])
def test_the_surname_before_the_colon_is_the_article_s_person(tmp_path: Path, text, quote,
                                                               speaker):
    assert speaker_of(analyse(tmp_path, text), quote)[0] == speaker


@pytest.mark.parametrize("text", [
    # two people named together, or two of that surname: nobody is guessed
    "Orsk and Lind: 'We agree'\n\nDana Orsk and Per Lind met on Friday.\n",
    "Orsk: 'We agree'\n\nDana Orsk and her brother Tom Orsk met on Friday.\n",
    # no person of the article bears the name
    "Budget: 'A fair deal'\n\nThe finance minister, Dana Orsk, presented the budget.\n",
])
def test_no_speaker_without_one_person_of_that_name(tmp_path: Path, text: str) -> None:
    a = analyse(tmp_path, text)
    [headline] = [q for q in a.quotes if q.paragraph == 1]
    assert headline.speaker is None


@pytest.mark.parametrize("marks", ["“…”", "„…“", "«…»", "« … »", "‘…’", "「…」", "'…'", '"…"'])
def test_the_name_as_written_holds_no_quotation_mark(tmp_path: Path, marks: str) -> None:
    # the profile quotes it as the cue: a mark in it made the strict build's check fail
    opening, closing = marks.split("…")
    text = (f"Nakamura{' :' if '« ' in marks else ':'} {opening}We will not yield{closing}\n\n"
            "Mayor Emiko Nakamura said the city would appeal.\n")
    a = analyse(tmp_path, text)
    [quote] = [q for q in a.quotes if q.paragraph == 1]
    assert quote.speaker == "emiko-nakamura" and quote.speaker_as_written == "Nakamura"

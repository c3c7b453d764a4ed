"""The Review page lists speakers read from a pronoun when someone else is named near."""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse
from briefbook.analyse.review import review_pronoun_speakers


def test_a_pronoun_speaker_with_another_man_named_before_is_listed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Bridge tolls\n\n"
        "Transport minister Paul Okafor defended the tolls on Monday.\n\n"
        "Ewan Baird, a shopkeeper, said trade had fallen. \u201cI have lost half my customers "
        "since the tolls came in,\u201d he said.\n"))
    items = review_pronoun_speakers(a.book, a)
    speaker = next(q.speaker for q in a.quotes if q.text.startswith("I have lost"))
    assert speaker is not None
    (item,) = items
    assert item.kind == "pronoun-speaker" and item.affects == "speaker"
    assert item.paragraph == 3 and "I have lost half my customers" in item.text
    others = {"Paul Okafor", "Ewan Baird"} - {a.actors_by_id[speaker].name}
    assert all(name in item.text for name in others)


def test_a_pronoun_speaker_alone_in_the_paragraphs_is_not_listed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Bridge tolls\n\n"
        "The tolls rose on Monday.\n\n"
        "Ewan Baird, a shopkeeper, said trade had fallen. \u201cI have lost half my "
        "customers,\u201d he said.\n"))
    assert any(q.speaker and "(pronoun" in q.cue for q in a.quotes)
    assert review_pronoun_speakers(a.book, a) == []

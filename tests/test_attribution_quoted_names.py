"""A one-word name in quotation marks that the article also writes plainly is a name, not a
statement: no speaker, and the quotations after it in its sentence keep the sentence's speaker.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse
from briefbook.analyse.annotations import Annotations


def _all(a: Annotations, text: str) -> list[tuple[str | None, str]]:
    names = {x.id: x.name for x in a.actors}
    return [(names.get(q.speaker) if q.speaker else None, q.cue) for q in a.quotes
            if q.text.strip(" .,") == text]


def test_a_quoted_party_name_written_plainly_elsewhere_has_no_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ortiz launches 'Aurora' party\n\n"
        "Former presenter Lena Ortiz has launched a new party. She said Aurora would stand "
        "in every seat in the north.\n\n"
        "It is all well and good Lena Ortiz claiming that \u2018Aurora\u2019 is a party that "
        "will put an end to \u201cspin and smears\u201d, but \u00abAurora\u00bb has no "
        "money.\n"))
    assert all(found[0] is None for found in _all(a, "Aurora"))
    assert all("a name in quotation marks" in found[1] for found in _all(a, "Aurora"))
    assert _all(a, "spin and smears")[0][0] == "Lena Ortiz"


def test_a_one_word_cry_or_unrepeated_word_keeps_its_speaker(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Vote\n\n"
        "Asked if she would stand down, Lena Ortiz said: \"Never.\" Tomas Varga shouted "
        "\"NO\" from the gallery.\n"))
    assert _all(a, "Never")[0][0] == "Lena Ortiz"
    assert _all(a, "NO")[0][0] == "Tomas Varga"

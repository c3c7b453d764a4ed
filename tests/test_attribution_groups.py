"""An unnamed group of people as the subject is an anonymous speaker: *Hydrologists are
warning …*, *the women agreed …* (:func:`~briefbook.analyse.described.plural_agents`).

The subject, cut before a preposition or relative clause, ends with a plural agent noun
(*hydrologists*, *policy makers*) or a plural noun of people (*the women*, *voters*). The group
is kept as the description and never made an actor; a later *he*/*she* is not that group.

Each article is written for the test (its own names, outlets and quotation marks).
"""

from __future__ import annotations

from pathlib import Path

from attribkit import analyse, speaker_of


def test_a_plural_group_is_anonymous(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Dams plan\n\n"
        "Hydrologists are warning councils that the valley faces \u201cserious flooding\u201d. "
        "Rate setters in Asia have called the yen's rise 'alarming'.\n\n"
        "Asked about the speech, the women agreed it was \u00abstirring\u00bb.\n"))
    assert speaker_of(a, "serious flooding") == (None, "Hydrologists", speaker_of(
        a, "serious flooding")[2])
    assert speaker_of(a, "alarming")[1] == "Rate setters"
    assert speaker_of(a, "stirring")[1] == "the women"


def test_he_after_a_group_is_not_the_group(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Doorstep\n\n"
        "\"We will win here,\" said canvasser Rhys Talbot. Voters asked: \"What have you done "
        "for us?\" \"I have had doors shut in my face,\" he said.\n"))
    assert speaker_of(a, "What have you done")[1] == "Voters"
    assert speaker_of(a, "I have had doors")[1] is None

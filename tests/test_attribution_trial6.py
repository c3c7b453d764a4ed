"""Kinds a new user's trial found (sixth round): a described spokesperson with a complement,
a name in apposition to the sentence's subject, and a second that-clause of a speech verb.

Small articles written for the test, each with its own names, outlets and quotation marks;
each asserts the speaker, the anonymous description, or that there is no speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribkit import analyse, speaker_of

# -- "A spokeswoman for X said …. "…," she said": the spokeswoman, not the last speaker -------


@pytest.mark.parametrize("opener, described", [
    ("A spokeswoman for the Harbour Users' Association said the group would appeal.",
     "A spokeswoman for the Harbour Users' Association"),
    ("A spokeswoman for the association said the group would appeal.",
     "A spokeswoman for the association"),
    ("A senior official at the ministry said the group would appeal.",
     "A senior official at the ministry"),
])
def test_a_pronoun_after_a_described_role_with_a_complement_is_that_person(
        tmp_path: Path, opener: str, described: str) -> None:
    a = analyse(tmp_path, (
        "Mayor Ingrid Solheim defended the new harbour fees. ‘We had no other choice,’ she "
        "said.\n\n"
        f"{opener} ‘We have instructed our lawyers,’ she said.\n"))
    speaker, anonymous, _ = speaker_of(a, "We have instructed")
    assert speaker is None and anonymous == described
    assert speaker_of(a, "We had no other")[0] == "Ingrid Solheim"


def test_a_role_with_a_complement_needs_a_role_word(tmp_path: Path) -> None:
    """*The price of the tickets rose*: no role word before *of*, so no described person."""
    a = analyse(tmp_path, (
        "Mayor Ingrid Solheim defended the new harbour fees.\n\n"
        "The price of the tickets rose in May. “It is fair,” she said.\n"))
    assert speaker_of(a, "It is fair")[0] == "Ingrid Solheim"


# -- "Her rival, party leader Y, was unmoved. She …": Y is the sentence's subject ------------


@pytest.mark.parametrize("apposition", [
    "Her opposite number, opposition group leader Marta Kowalczyk,",
    "Her rival, Green Party spokeswoman Marta Kowalczyk,",
])
def test_a_name_in_apposition_to_the_subject_is_the_pronoun(tmp_path: Path,
                                                             apposition: str) -> None:
    a = analyse(tmp_path, (
        "Councillor Helena Brandt, who chairs the committee, backed the budget. “It balances,” "
        "she said.\n\n"
        f"{apposition} was unimpressed. She called the budget “a slow-motion disaster”.\n"))
    assert speaker_of(a, "a slow-motion disaster")[0] == "Marta Kowalczyk"
    assert speaker_of(a, "It balances")[0] == "Helena Brandt"


def test_a_clause_after_the_comma_is_no_apposition(tmp_path: Path) -> None:
    """*The report, written by economist Y, was …*: Y is no subject; the speaker goes on."""
    a = analyse(tmp_path, (
        "Councillor Helena Brandt backed the budget on Monday.\n\n"
        "“It balances,” she said. The report, written by economist Marta Kowalczyk, was "
        "published on Monday. “It is a fair summary,” she added.\n"))
    assert speaker_of(a, "It is a fair summary")[0] == "Helena Brandt"


# -- "She said X had complained and that "…"": the that-clause belongs to "said" -------------


@pytest.mark.parametrize("marks", [("“", "”"), ("\"", "\""), ("«", "»")])
def test_a_second_that_clause_belongs_to_the_first_speech_verb(tmp_path: Path,
                                                                marks: tuple[str, str]) -> None:
    o, c = marks
    a = analyse(tmp_path, (
        "Transport minister Priya Raman faced questions on the delays.\n\n"
        f"She said more than 3,000 travellers had complained and that {o}every letter will be "
        f"answered{c}.\n"))
    assert speaker_of(a, "every letter will be")[0] == "Priya Raman"


def test_one_speech_verb_and_that_is_still_its_clause(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Union leader Kofi Mensah said the offer was poor and that “members will decide”.\n"))
    assert speaker_of(a, "members will decide")[0] == "Kofi Mensah"


# -- "X, who on Thursday suggested Y "…"": a time phrase inside the relative clause ----------


@pytest.mark.parametrize("when", ["on Thursday", "last week", "at the weekend", "earlier"])
def test_a_relative_clause_with_a_time_phrase_names_its_antecedent(tmp_path: Path,
                                                                    when: str) -> None:
    a = analyse(tmp_path, (
        "Cup tie preview\n\n"
        f"Rovers manager Tomasz Wierzbicki, who {when} suggested Athletic ‘play for a draw’, "
        "was in a bullish mood.\n"))
    assert speaker_of(a, "play for a draw")[0] == "Tomasz Wierzbicki"

"""Precision of attribution when the text names someone else near the speaker.

Small articles written for the test, one kind each: two people sharing a surname (in one
article, and a short form learnt from another article), a relative with the same surname,
a pronoun after a verb-first reporting clause (*…, argued Mr X.*), a pronoun after a titled
name (*The Attorney General Lord X …. He said …*), words reported by someone else inside the
sentence (*X said the man claimed "…"*, *X rejected Y's claim that "…"*), *X told Y*, *X was
asked about "…"* and *X is said to be "…"*.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from attribkit import analyse, names, speaker_of
from briefbook.analyse.annotations import Annotations
from briefbook.read.book import load_book


def _book(tmp_path: Path, *texts: str) -> Annotations:
    (tmp_path / "sources").mkdir()
    entries = []
    for i, text in enumerate(texts):
        (tmp_path / "sources" / f"s{i}.txt").write_text(text, encoding="utf-8")
        entries.append(f"- id: s{i}\n  file: s{i}.txt\n")
    (tmp_path / "sources.yml").write_text("".join(entries), encoding="utf-8")
    (tmp_path / "actors.yml").write_text("", encoding="utf-8")
    return Annotations(load_book(tmp_path))


def _speaker(a: Annotations, source: str, start: str) -> str | None:
    quote = next(q for q in a.quotes if q.source == source and q.text.startswith(start))
    actor = a.actors_by_id.get(quote.speaker) if quote.speaker else None
    return actor.name if actor else quote.speaker


# -- namesakes -------------------------------------------------------------------------------


def test_honorific_picks_the_namesake_of_its_gender(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Ministers clash over pensions\n\n"
        "Chancellor Gareth Lowe and the farm minister Nia Lowe, his sister-in-law, met on "
        "Monday. „Wir bleiben dabei,“ Mr Lowe said.\n\n"
        "Ms Lowe was unmoved. “The figures were published in March,” she said.\n"))
    assert speaker_of(a, "Wir bleiben")[0] == "Gareth Lowe"
    assert speaker_of(a, "The figures were")[0] == "Nia Lowe"


def test_a_surname_two_relatives_share_names_neither(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Brothers split over farm plan\n\n"
        "Governor Piet Vandenberg and his brother Joost Vandenberg, a farmer, clashed over the "
        "plan on Monday. «It will ruin us,» Mr Vandenberg said.\n"))
    assert speaker_of(a, "It will ruin")[0] is None
    assert "Vandenberg" not in names(a)
    assert not any(n.startswith("Governor") for n in names(a))


def test_a_short_form_from_another_article_is_this_articles_namesake(tmp_path: Path) -> None:
    a = _book(tmp_path, (
        "Budget row grows\n\n"
        "Treasurer Carla Moreau defended the plan on Monday. \"The sums are sound,\" Ms Moreau "
        "said.\n"), (
        "Farm payments delayed\n\n"
        "Farm minister Lise Moreau told MPs the payments would be late. “We are working around "
        "the clock,” Ms Moreau said.\n\n"
        "Opposition whip Tom Varga said: “This is a shambles.” Ms Moreau rejected that. "
        "“It is nothing of the sort,” she said.\n"))
    assert _speaker(a, "s0", "The sums are") == "Carla Moreau"
    assert _speaker(a, "s1", "We are working") == "Lise Moreau"
    assert _speaker(a, "s1", "It is nothing") == "Lise Moreau"


def test_a_short_form_of_two_namesakes_of_one_article_is_no_guess(tmp_path: Path) -> None:
    a = _book(tmp_path, (
        "Budget row grows\n\n"
        "Treasurer Carl Moreau defended the plan on Monday. \"The sums are sound,\" Mr Moreau "
        "said.\n"), (
        "Moreau brothers at odds\n\n"
        "Treasurer Carl Moreau and farm minister Luc Moreau met on Monday. «We are agreed,» "
        "Mr Moreau said.\n"))
    assert _speaker(a, "s0", "The sums are") == "Carl Moreau"
    assert _speaker(a, "s1", "We are agreed") is None


# -- pronouns --------------------------------------------------------------------------------


def test_he_after_a_verb_first_reporting_clause_is_its_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Tax row at question time\n\n"
        "Premier Jonas Haug said the tax pledges would wait for the manifesto. It was no good "
        "Mr Haug claiming the pledges were left to the manifesto, argued Erik Solberg. "
        "Pointing to fuel duty, he added: ‘Everyone knows tax will go up.’\n"))
    assert speaker_of(a, "Everyone knows")[0] == "Erik Solberg"


def test_he_after_a_titled_name_opening_the_sentence_is_that_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Hunts ride out\n\n"
        "Police chief Karl Obst told the radio station the law would be enforced. The Attorney "
        "General Lord Ashby has so far not issued any instructions to police. He said he would "
        "consult prosecutors \"in the coming weeks\" about the cases.\n"))
    assert (speaker_of(a, "in the coming weeks")[0] or "").endswith("Ashby")


def test_he_inside_a_participle_clause_is_the_sentence_subject(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Oil trial continues\n\n"
        "Ivan Petrov, a former partner, told the court the charges were false. "
        "“I could not understand the file,” he said.\n\n"
        "Peter Sorokin began his testimony last week, telling the court that he objected to "
        "the way a “normal business has been shown as a crime”.\n"))
    assert speaker_of(a, "normal business")[0] == "Peter Sorokin"


# -- reported by someone else ------------------------------------------------------------------


def test_words_someone_else_claimed_are_not_the_reporters(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Singer attacked at studio\n\n"
        "Anna Kowal said the man, who later ran off, claimed he was \"acting for the cause\". "
        "She said a guard shouted: «Stop right there!»\n"))
    speaker, anonymous, _ = speaker_of(a, "acting for the cause")
    assert speaker is None and anonymous == "the man"
    assert speaker_of(a, "Stop right there")[0] is None


def test_a_possessive_claim_is_its_owners(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Budget debate\n\n"
        "Finance minister Aino Virtanen opened the debate on Monday.\n\n"
        "Opposition leader Matti Koski rejected Ms Virtanen's claim that “the scheme is "
        "already paid for” during the debate.\n"))
    assert speaker_of(a, "the scheme is")[0] == "Aino Virtanen"


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("Opposition leader Rui Costa told Ana Lopes: “Your sums do not add up.”",
     "Your sums", "Rui Costa"),
    ("Ana Lopes was asked about «the hole in the accounts» by reporters on Tuesday.",
     "the hole", None),
    ("Rui Costa is said to be \"furious\" about the delay.", "furious", None),
    ("Rui Costa said that the bank, which had been silent, warned \"rates will rise\".",
     "rates will rise", None),
    ("Rui Costa attacked the plan and claimed it was \"a betrayal of voters\".",
     "a betrayal", "Rui Costa"),
    ("Rui Costa criticised the plan, saying it was „a betrayal of voters“.",
     "a betrayal", "Rui Costa"),
])
def test_who_speaks_in_a_sentence_naming_two(text: str, start: str,
                                             expected: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a = analyse(Path(folder), "Budget row\n\nAna Lopes presented the budget.\n\n"
                                  + text + "\n")
        assert speaker_of(a, start)[0] == expected


def test_an_ampersand_name_stays_one_name(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Lender upbeat\n\n"
        "Lender P&Q said that housing demand was strong. Overall, P&Q said that "
        "\"fundamentals remain strong\".\n"))
    assert speaker_of(a, "fundamentals")[0] == "P&Q"
    assert "P Q" not in names(a)


# -- an organisation and its named head ----------------------------------------------------


def test_a_role_with_its_name_in_apposition_is_that_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Steel firm cuts jobs\n\n"
        "Steel maker Ferrox said it would cut 900 jobs. “These are painful decisions,” said "
        "Ferrox's chief executive, Jana Novak.\n\n"
        "«We had no choice,» Ferrox, led by Jana Novak, said in a statement.\n\n"
        "\"Talks will go on,\" said a Ferrox spokesman, adding that no date was set.\n"))
    assert speaker_of(a, "These are painful")[0] == "Jana Novak"
    assert speaker_of(a, "We had no choice")[0] == "Ferrox"
    speaker, anonymous, _ = speaker_of(a, "Talks will go on")
    assert speaker is None and anonymous == "a Ferrox spokesman"


def test_an_opening_clause_with_a_speech_noun_leaves_the_subject_speaking(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Union row\n\n"
        "Union leader Eva Mala attacked the cuts on Monday.\n\n"
        "Asked about Ms Mala's comments, chief executive Jana Novak said: “We respect the "
        "union.”\n"))
    assert speaker_of(a, "We respect")[0] == "Jana Novak"


@pytest.mark.parametrize(("sentence", "start", "expected"), [
    ("Mr Holm quoted Ms Berg as saying “schools need less money”.", "schools need", "Karin Berg"),
    ("Mr Holm read out a letter from Ms Berg saying «teachers are paid enough».",
     "teachers are", "Karin Berg"),
    ("Mr Holm was responding to Ms Berg's call for a „fundamental review“ of funding.",
     "fundamental review", "Karin Berg"),
    ("Ms Berg's description of the plans as \"a fair deal\" was wrong, Mr Holm said.",
     "a fair deal", "Karin Berg"),
    ("Ms Berg hit back at Mr Holm, who had said the plans were ‘a shambles’.",
     "a shambles", "Lars Holm"),
])
def test_words_passed_on_by_someone_else(sentence: str, start: str,
                                         expected: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a = analyse(Path(folder), (
            "Row over schools\n\nEducation minister Karin Berg opened the conference on "
            "Monday. Opposition spokesman Lars Holm listened.\n\n" + sentence + "\n"))
        assert speaker_of(a, start)[0] == expected


def test_a_preposition_inside_an_organisation_name_holds_no_one(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Rates on hold\n\n"
        "Last month, Reserve Bank of Nordland governor Aoife Byrne said that the economy had "
        "hit a “rough patch”.\n\n"
        "The spokesman for Aoife Byrne said: «Rates will stay where they are.»\n"))
    assert speaker_of(a, "rough patch")[0] == "Aoife Byrne"
    speaker, anonymous, _ = speaker_of(a, "Rates will stay")
    assert speaker is None and anonymous


def test_a_new_clause_after_a_quotation_is_not_its_attribution(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Port strike looms\n\n"
        "Port director Felix Brandt and union leader Ruth Amsel met on Friday.\n\n"
        "Mr Brandt said Ms Amsel's union had “misled its members”, and she said he was "
        "«bluffing».\n"))
    assert speaker_of(a, "misled its")[0] == "Felix Brandt"
    assert speaker_of(a, "bluffing")[0] == "Ruth Amsel"


def test_a_speaker_introduced_between_paragraphs_ends_the_continuation(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Port strike looms\n\n"
        "“The strike will go ahead,” said dockers' leader Ruth Amsel.\n\n"
        "Port director Felix Brandt was angry about the decision.\n\n"
        "“It will cost the town millions.”\n\n"
        "“We have offered a fair rise,” Mr Brandt said. Ms Amsel, however, disagreed. "
        "“It is not enough.”\n"))
    assert speaker_of(a, "It will cost")[0] != "Ruth Amsel"
    assert speaker_of(a, "It is not enough")[0] == "Ruth Amsel"


def test_a_person_after_an_organisations_title_is_a_person(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Krone steadies\n\n"
        "The krone rose after Nordland Treasury Secretary Hilde Voss said a strong currency "
        "was «in the country's interest».\n\n"
        "Later, Foreign Office Minister Arne Dahl said: “We agree.”\n"))
    assert speaker_of(a, "in the country")[0] == "Hilde Voss"
    assert speaker_of(a, "We agree")[0] == "Arne Dahl"
    assert not any("Secretary" in n or "Minister" in n for n in names(a))


def test_the_subject_of_a_subordinate_clause_is_no_sentence_long_description(
        tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Shares fall\n\n"
        "Shares in the group fell sharply after a senior analyst said the profits were "
        "\"a mirage\".\n"))
    speaker, anonymous, _ = speaker_of(a, "a mirage")
    assert speaker is None and anonymous == "a senior analyst"


def test_a_reply_is_by_the_person_addressed(tmp_path: Path) -> None:
    a = analyse(tmp_path, (
        "Question time clash\n\n"
        "Opposition leader Mark Fenn and Premier Paul Ostrow clashed on Wednesday.\n\n"
        "“You have lost control of the budget,” Mr Fenn told Mr Ostrow. «Nonsense,» he "
        "replied, «the figures speak for themselves.»\n\n"
        "\"We will see,\" Mr Fenn told reporters. \"The voters will decide,\" he added.\n"))
    assert speaker_of(a, "You have lost")[0] == "Mark Fenn"
    assert speaker_of(a, "Nonsense")[0] == "Paul Ostrow"
    assert speaker_of(a, "the figures speak")[0] == "Paul Ostrow"
    assert speaker_of(a, "The voters will")[0] == "Mark Fenn"


@pytest.mark.parametrize("noun", ["comments", "claims", "remarks", "warnings"])
def test_a_speech_word_after_a_possessive_is_a_noun_not_the_verb(tmp_path: Path,
                                                                  noun: str) -> None:
    """*X said he thought Lord Y's comments were "…"*: X's words about Y's, not Y's."""
    a = analyse(tmp_path, f"Opposition leader Marta Quell said she thought Lord Abing's {noun} "
                          "were «entirely justified» and the plan «a disgrace».\n")
    assert speaker_of(a, "entirely justified")[0] == "Marta Quell"
    assert speaker_of(a, "a disgrace")[0] == "Marta Quell"


@pytest.mark.parametrize("verb", ["calling", "describing", "branding", "dubbing"])
def test_a_participle_of_naming_gives_the_quotation_to_the_sentence_s_subject(
        tmp_path: Path, verb: str) -> None:
    """*X defended the plan, calling it «…»*: X's words."""
    a = analyse(tmp_path, f"Harbour minister Tomas Elgin on Monday defended the levy, {verb} it "
                          "„a fair price for a safe port“.\n")
    assert speaker_of(a, "a fair price")[0] == "Tomas Elgin"


def test_the_speaker_as_written_ends_at_the_speaker_s_name(tmp_path: Path) -> None:
    """*X called for Y and said «…»*: the profile shows "Ines Karr", not the whole predicate."""
    a = analyse(tmp_path, "Ines Karr called for sanctions and said the ministry had been "
                          "«naive from the first day».\n")
    quote = next(q for q in a.quotes if q.text.startswith("naive"))
    assert a.actors_by_id[quote.speaker].name == "Ines Karr"
    assert quote.speaker_as_written == "Ines Karr"

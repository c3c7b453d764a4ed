"""Discrepancies that are real: hedged figures, what figures count, types, places, the CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bookkit import write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.changes import diff_sentences, tokenize
from briefbook.analyse.figures import sentence_figures, sentence_ranges
from briefbook.analyse.quantities import conflict, quantities
from briefbook.read.book import load_book
from briefbook.render.chronology import chronology_csv


def flagged(a: str, b: str) -> list[tuple[str, str]]:
    return [(c.kind, c.note) for c in diff_sentences(a, b) if c.kind != "wording"]


@pytest.mark.parametrize(("a", "b"), [
    ("The blast killed one guard and wounded nine others, the police said.",
     "The blast killed one guard and wounded at least nine others, including an American "
     "soldier, the police said."),
    ("More than 20 fighters crossed the river before dawn.",
     "About 25 fighters crossed the river before dawn."),
    ("The pipeline carries gas 300 kilometres to the coast.",
     "The pipeline carries gas 186 miles to the coast."),
    ("Repairs will cost an estimated $4m, the company said.",
     "Repairs will cost some £3m, the company said."),
    ("The field produces roughly a fifth of the country's oil.",
     "The field produces around 20% of the country's oil."),
    ("Four workers were hurt and ten minutes later the fire was out.",
     "Four workers were hurt and 10 minutes later the fire was out."),
    ("Provincial governor Hanna Mell blamed saboteurs for the blast.",
     "Governor Hanna Mell blamed saboteurs for the blast."),
])
def test_benign_rewordings_are_not_flagged(a: str, b: str) -> None:
    assert flagged(a, b) == []


def test_hedged_and_subset_figures_agree_between_independent_reports() -> None:
    assert sentence_figures("Gunmen wounded nine others, including a soldier.") == {
        "injured": 9}
    ranges = sentence_ranges("Gunmen wounded at least nine others, including a soldier.")
    assert (ranges["injured"].low, ranges["injured"].high) == (9, float("inf"))
    assert ranges["injured"].compatible(sentence_ranges("They wounded ten people.")["injured"])
    assert not ranges["injured"].compatible(
        sentence_ranges("They wounded five people.")["injured"])


def test_figures_of_the_same_thing_that_cannot_both_be_true() -> None:
    [(kind, note)] = flagged("Drones struck one oil platform in the Merrow field on Sunday.",
                             "Drones struck two oil platforms in the Merrow field on Sunday.")
    assert kind == "number"
    assert "\u201cone oil platform\u201d versus \u201ctwo oil platforms\u201d" in note
    a = "Four soldiers were killed near the border town on Thursday."
    b = "Six soldiers were killed near the border town on Thursday."
    assert [k for k, _ in flagged(a, b)] == ["number"]
    # Figures of different things in one sentence pair are not compared with each other.
    x = quantities("It carried 180 people and 12 lorries.", tokenize(
        "It carried 180 people and 12 lorries."))
    text = "It carried 180 people and 8 cars."
    y = quantities(text, tokenize(text))
    assert conflict(x, y) is None


@pytest.mark.parametrize(("a", "b", "words"), [
    ("Two navy destroyers intercepted the tanker on Tuesday.",
     "Two navy frigates intercepted the tanker on Tuesday.", ("destroyer", "frigate")),
    ("A helicopter dropped supplies over the valley.",
     "A bomber dropped supplies over the valley.", ("helicopter", "bomber")),
])
def test_words_of_one_class_disagree(a: str, b: str, words: tuple[str, str]) -> None:
    [(kind, note)] = flagged(a, b)
    assert kind == "number" and all(w in note for w in words)


def test_a_general_word_agrees_with_a_specific_one() -> None:
    assert flagged("Two navy destroyers intercepted the tanker on Tuesday.",
                   "Two navy warships intercepted the tanker on Tuesday.") == []


def test_places_disagree_unless_one_sentence_names_both() -> None:
    [(kind, note)] = flagged("Rescuers from Brisk pulled 40 people from the water.",
                             "Rescuers from Kellan pulled 40 people from the water.")
    assert kind == "contradiction" and "Brisk" in note and "Kellan" in note
    assert flagged("The rocket hit a base in Erbil, in northern Iraq, on Monday.",
                   "The rocket hit a base in northern Iraq on Monday.") == []


def test_weekdays_disagree() -> None:
    [(kind, _)] = flagged("The tanker was seized in the strait on Tuesday.",
                          "The tanker was seized in the strait on Wednesday.")
    assert kind == "date"


def test_independent_reports_with_hedges_raise_no_figure_discrepancy(tmp_path: Path) -> None:
    articles = {
        "a.txt": "A rocket attack on the Velda air base killed one contractor and wounded nine "
                 "others on Monday, the Ostmark defence ministry said.\n",
        "b.txt": "The Ostmark defence ministry said a rocket attack on the Velda air base killed "
                 "a contractor on Monday and wounded at least nine others, including an "
                 "Ostmark soldier.\n",
        "c.txt": "Twelve people were wounded when rockets struck the Velda air base on Monday, "
                 "the Ostmark defence ministry said.\n",
    }
    sources = ("- {id: a, file: a.txt, outlet: Wire A}\n- {id: b, file: b.txt, outlet: Wire B}\n"
               "- {id: c, file: c.txt, outlet: Wire C}\n")
    write_book(tmp_path, articles, sources_yml=sources)
    found = Annotations(load_book(tmp_path / "briefing")).comparison.discrepancies
    numbers = [(d.a.source, d.b.source, d.note) for d in found if d.kind == "number"]
    assert not any({a, b} == {"a", "b"} for a, b, _ in numbers), numbers


def test_csv_leaves_unknown_fatalities_empty(tmp_path: Path) -> None:
    articles = {"a.txt": "A contractor was killed in a rocket attack on the base on Monday.\n"}
    events = """\
- id: base-attack
  date: 2030-05-13
  title: Rocket attack on the base
  fatalities:
    - {count: null, who: contractor, cite: "[@a, ¶ 1]"}
  sources: ["[@a, ¶ 1]"]
- id: other
  date: 2030-05-14
  title: Talks
  sources: ["[@a, ¶ 1]"]
"""
    write_book(tmp_path, articles, sources_yml="- {id: a, file: a.txt, date: 2030-05-16}\n",
               yml={"events.yml": events})
    book = load_book(tmp_path / "briefing")
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(
        chronology_csv(book, Annotations(book))))}
    assert rows["base-attack"]["fatalities"] == "" and rows["other"]["fatalities"] == ""


def test_a_figure_that_died_is_its_subject_not_a_later_article() -> None:
    from briefbook.analyse.figures import sentence_figures

    text = "The walkout began a day after twelve miners died when guards broke up a sit-in."
    assert sentence_figures(text) == {"killed": 12}
    # an active verb's object stops at the next clause
    assert sentence_figures("Rebels killed two rangers when a patrol came near.") == {"killed": 2}


def test_independent_sources_naming_different_things_of_one_class_disagree(
        tmp_path: Path) -> None:
    """Loosely paired sentences of independent sources: "three corvettes" / "three tugs"."""
    articles = {
        "a.txt": "KESSEL BAY, June 2 (Nordwire) - Rebels seized a grain terminal at Kessel Bay "
                 "on Friday.\n\nThree coastguard corvettes were stationed off Kessel Bay on "
                 "Saturday, harbour officials said.\n\nAt least twelve people were hurt.\n",
        "b.txt": "Ostrava sent three minesweepers to Kessel Bay on Saturday, a day after rebels "
                 "seized the grain terminal, officials said.\n\nThirteen people were hurt in "
                 "the fighting at the grain terminal, doctors said.\n",
        "c.txt": "The fleet will send more warships to Kessel Bay next month, the admiral "
                 "said.\n",
    }
    sources = ("- {id: a, file: a.txt, outlet: Nordwire}\n- {id: b, file: b.txt, outlet: Ost}\n"
               "- {id: c, file: c.txt, outlet: Third}\n")
    write_book(tmp_path, articles, sources_yml=sources)
    found = Annotations(load_book(tmp_path / "briefing")).comparison.discrepancies
    classes = [d for d in found if d.relation == "independent" and "vessel" in d.note]
    assert len(classes) == 1, [(d.kind, d.note) for d in found]
    [d] = classes
    assert d.kind == "number" and {d.a.source, d.b.source} == {"a", "b"}
    assert "corvettes" in d.note and "three minesweepers" in d.note
    # "at least twelve" agrees with thirteen; a general word ("warships") agrees with any
    assert not [x for x in found if "twelve" in x.note.lower() or "warship" in x.note]

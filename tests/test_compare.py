"""Derivatives and discrepancies on a corpus the test writes: each kind, positive and negative."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from bookkit import write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.changes import diff_sentences, role_vocabulary
from briefbook.analyse.compare import compare
from briefbook.analyse.figures import sentence_figures
from briefbook.analyse.review import review_derivatives
from briefbook.core.model import Book
from briefbook.read.book import load_book
from briefbook.render.compare import (
    corroboration_badge,
    discrepancies_data,
    independent_sources,
    render_compare_page,
)

# (original sentence, copy sentence, expected kind or None for "nothing flagged")
EDITS = [
    ("The board planned the harbour project from the top down, a company spokesman said.",
     "The board planned the harbour project from the bottom up, a company spokesman said.",
     "contradiction"),
    ("The council voted to approve the new bridge over the river Aln at its meeting.",
     "The council voted to reject the new bridge over the river Aln at its meeting.",
     "contradiction"),
    ("The mayor said the bridge would be finished before the winter floods arrive.",
     "The mayor said the bridge would not be finished before the winter floods arrive.",
     "contradiction"),
    ("Twelve engineers from the Halden firm will inspect the foundations of the bridge.",
     "Twenty engineers from the Halden firm will inspect the foundations of the bridge.",
     "number"),
    ("Construction of the bridge began on Wednesday with a ceremony at the quay.",
     "Construction of the bridge began on Friday with a ceremony at the quay.", "date"),
    ("The first span of the bridge is due to open on 14 March under the council timetable.",
     "The first span of the bridge is due to open on 21 March under the council timetable.",
     "date"),
    ("The bridge will transform the northern district, Erik Sand said at the ceremony.",
     "The bridge will transform the northern district, Anna Berg said at the ceremony.",
     "attribution"),
    ("Lena Holm, the council spokeswoman, opened the ceremony with a short speech.",
     "Lena Holm, the council treasurer, opened the ceremony with a short speech.", "role"),
    # Benign rewordings: shown as wording at most, never flagged.
    ("Engineers expect the work on the crossing to cost a great deal of money.",
     "Engineers anticipate the work on the crossing will cost a lot of money.", None),
    ("Four cranes arrived at the building site by barge from the coast.",
     "4 cranes arrived at the building site by barge from the coast.", None),
    ("The contract for the crossing was signed on March 3 in the old town hall.",
     "The contract for the crossing was signed on 3 March in the old town hall.", None),
    ("The steel for the crossing was imported from the US by a local supplier.",
     "The steel for the crossing was imported from the United States by a local supplier.",
     None),
    ("The crossing is not just a road but a symbol for the whole district.",
     "The crossing is not only a road but a symbol for the whole district.", None),
    ("Gen. Ola Dahl of the army corps praised the design of the crossing.",
     "General Ola Dahl of the army corps praised the design of the crossing.", None),
]

SOURCES_YML = """\
- id: orig
  file: orig.txt
  date: 2024-05-01
  date_basis: stated
- id: copy
  file: copy.txt
  date: 2024-05-02
  date_basis: inferred
- id: fire-a
  file: fire-a.txt
- id: fire-b
  file: fire-b.txt
"""

FIRE_A = """\
A fire at the Lundgren warehouse in Kesby killed two workers and injured five others.
The blaze began in a storage hall full of paper and spread to the roof within minutes.
"""
FIRE_B = """\
The Lundgren warehouse fire in Kesby killed three workers, the regional rescue service said.
Investigators are still looking for the cause, and the owners have promised to cooperate.
"""


def _book(tmp_path: Path, sources_yml: str = SOURCES_YML) -> Book:
    write_book(tmp_path, {
        "orig.txt": "\n".join(a for a, _, _ in EDITS) + "\n",
        "copy.txt": "\n".join(b for _, b, _ in EDITS) + "\n",
        "fire-a.txt": FIRE_A, "fire-b.txt": FIRE_B,
    }, sources_yml=sources_yml)
    return load_book(tmp_path / "briefing")


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Book, object]:
    book = _book(tmp_path_factory.mktemp("compare"))
    return book, compare(book)


def test_copy_is_detected_with_its_share(result: tuple[Book, object]) -> None:
    _, comparison = result
    [derivation] = comparison.derivations
    assert (derivation.source, derivation.original) == ("copy", "orig")
    assert derivation.detected and not derivation.curated
    assert derivation.share == 1.0 and derivation.aligned == derivation.total == len(EDITS)


@pytest.mark.parametrize("number", range(1, len(EDITS) + 1))
def test_each_edit_is_classified(result: tuple[Book, object], number: int) -> None:
    _, comparison = result
    expected = EDITS[number - 1][2]
    kinds = {d.kind for d in comparison.discrepancies
             if d.relation == "derived" and d.a.paragraph == number}
    if expected is None:
        assert kinds <= {"wording"}, kinds
    else:
        assert expected in kinds, kinds
        assert kinds <= {expected, "wording"}, kinds


def test_independent_figures_disagree(result: tuple[Book, object]) -> None:
    _, comparison = result
    found = [d for d in comparison.discrepancies if d.relation == "independent"]
    assert [(d.kind, d.a.source, d.b.source) for d in found] == [("number", "fire-a", "fire-b")]
    assert "killed: 2 versus 3" in found[0].note


def test_sentence_figures() -> None:
    assert sentence_figures("The blast killed a guard and injured four workers and a nurse.") == {
        "killed": 1, "injured": 5}
    assert sentence_figures("Four miners were killed in the collapse in 2019.") == {"killed": 4}
    assert sentence_figures("The company said profits rose sharply.") == {}


@pytest.mark.parametrize(("sentence", "figures"), [
    # a second verb of the subject ends the object: its figure is not added to the first
    ("Landslides killed 41 people in the hills and forced 9,000 from their homes.",
     {"killed": 41}),
    ("The typhoon killed 17 villagers, leaving 2,300 without shelter.", {"killed": 17}),
    ("Gunmen killed six guards and took 30 hostages, police said.", {"killed": 6}),
    ("The quake killed 40 people, destroyed 900 homes and cut power to 10,000.",
     {"killed": 40}),
    ("Les inondations: the storm killed 8 and displaced 1,200.",
     {"killed": 8, "displaced": 1200}),
    # coordinated objects of one verb still add up
    ("The blast killed two soldiers and three civilians.", {"killed": 5}),
    ("Rebels killed four guards and a nurse near the border.", {"killed": 5}),
])
def test_a_second_verb_ends_the_counted_object(sentence: str, figures: dict[str, int]) -> None:
    assert sentence_figures(sentence) == figures


def test_curated_derived_from_wins_and_review(tmp_path: Path) -> None:
    yml = SOURCES_YML.replace("  date_basis: inferred\n",
                              "  date_basis: inferred\n  derived_from: fire-a\n")
    book = _book(tmp_path, yml)
    annotations = Annotations(book)
    assert annotations.derived_from["copy"] == "fire-a"  # curated, though the text says orig
    items = review_derivatives(book, annotations)
    assert [i.kind for i in items] == ["derivative"]
    assert "fire-a" in items[0].text and items[0].source == "copy"


def test_detected_derivative_is_suggested_for_review(tmp_path: Path) -> None:
    book = _book(tmp_path)
    annotations = Annotations(book)
    assert annotations.derived_from == {"copy": "orig"}
    [item] = review_derivatives(book, annotations)
    assert "derived_from: orig" in item.hint


def test_discrepancies_json_fields(result: tuple[Book, object]) -> None:
    book, comparison = result
    built = SimpleNamespace(annotations=SimpleNamespace(comparison=comparison))
    records = json.loads(discrepancies_data(book, built)["discrepancies.json"])
    assert records and all(set(r) == {"kind", "a", "b", "note"} for r in records)
    assert all(set(r["a"]) == {"source", "paragraph", "text"} for r in records)
    kinds = {r["kind"] for r in records}
    assert kinds == {"contradiction", "number", "date", "attribution", "role", "wording"}


def test_page_escapes_and_cites(tmp_path: Path) -> None:
    hostile = [("The <script>alert(1)</script> board met at the harbour office on the quay today.",
                "The <script>alert(2)</script> board met at the harbour office on the quay today.")]
    write_book(tmp_path, {"orig.txt": "\n".join(a for a, _, _ in EDITS[:6]) + "\n"
                          + hostile[0][0] + "\n",
                          "copy.txt": "\n".join(b for _, b, _ in EDITS[:6]) + "\n"
                          + hostile[0][1] + "\n"}, sources_yml=SOURCES_YML.split("- id: fire-a")[0])
    book = load_book(tmp_path / "briefing")
    page = render_compare_page(book, compare(book))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "[@orig, ¶ 1]" in page and "[@copy, ¶ 1]" in page
    assert "6 of 7 sentences" not in page and "7 of 7 sentences aligned (100%)" in page


def test_word_level_diff_spans() -> None:
    a = "The decision was made from the top down, an official said."
    b = "The decision was taken from the bottom up, an official said."
    changes = diff_sentences(a, b)
    flagged = [c for c in changes if c.kind == "contradiction"]
    assert len(flagged) == 1 and a[slice(*flagged[0].a_span)] == "top down"
    assert b[slice(*flagged[0].b_span)] == "bottom up"
    assert diff_sentences(a, a) == []


def test_actor_registry_roles_count() -> None:
    actor = SimpleNamespace(roles=(SimpleNamespace(title="Harbour Treasurer"),),
                            affiliation="Kesby Port Authority")
    vocabulary = role_vocabulary([actor])
    a = "Per Nyberg, the harbour treasurer, signed the lease for the warehouse."
    b = "Per Nyberg, the harbour warden, signed the lease for the warehouse."
    assert [c.kind for c in diff_sentences(a, b, vocabulary=vocabulary)] == ["role"]
    assert [c.kind for c in diff_sentences(a, b)] == ["wording"]


def test_independent_sources_and_badge() -> None:
    assert independent_sources({"b": "a", "c": "b"}, ["a", "b", "c", "d"]) == ["a", "d"]
    badge = corroboration_badge("single-source", 1)
    assert "bb-corr-single-source" in badge and "1 independent source;" not in badge
    assert "1 independent source" in badge


@pytest.mark.parametrize(("a", "b", "shown"), [
    ("The storm killed 12,000 cattle.", "The storm killed 15,000 cattle.",
     "“12,000” → “15,000”"),
    ("The storm killed 12,000 cattle.", "The storm killed 12,500 cattle.",
     "“12,000” → “12,500”"),
    ("Exports reached 1,212,000 tonnes.", "Exports reached 1,215,000 tonnes.",
     "“1,212,000” → “1,215,000”"),
])
def test_a_changed_figure_is_shown_whole(a: str, b: str, shown: str) -> None:
    [change] = diff_sentences(a, b)
    assert change.kind == "number" and change.note.startswith(shown)


def test_datelines_that_differ_are_not_a_change_of_what_happened() -> None:
    a = "PORT ELLIS, March 14, 2031 — The board voted on Tuesday to close the north quay."
    b = "Port Ellis (Harbour Wire) - The board voted on Tuesday to close the north quay."
    assert diff_sentences(a, b) == []
    b2 = b.replace("Tuesday", "Wednesday")
    [change] = diff_sentences(a, b2)
    assert change.kind == "date" and "Tuesday" in change.note


def test_a_figure_disagreement_is_listed_once(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    one = ("Storm in Lirren\n\nThe storm in Lirren injured 80 people, destroyed 300 homes and "
           "cut power to 45,000 households, the utility said on Friday.\n\nRoads stayed shut.\n")
    two = ("Lirren storm aftermath\n\nThe storm in Lirren injured 85 people, destroyed 300 homes "
           "and cut power to 45,000 households, the utility said on Friday.\n\n"
           "Schools reopened on Monday.\n")
    (tmp_path / "sources" / "one.txt").write_text(one, "utf-8")
    (tmp_path / "sources" / "two.txt").write_text(two, "utf-8")
    found = [d for d in compare(load_book(tmp_path)).discrepancies if d.kind == "number"]
    assert [d.note.split(" (")[0] for d in found] == ["injured: 80 versus 85"]


def test_with_nothing_else_to_tell_the_source_added_first_is_the_original(tmp_path) -> None:
    (tmp_path / "sources").mkdir()
    text = ("Floods\n\nFlash floods in the Dravna valley killed {n} people, officials said on "
            "Tuesday.\n\nRescue teams from Pollard searched the riverbanks overnight.\n\n"
            "Governor Ada Okon said the state would pay for new bridges.\n")
    (tmp_path / "sources" / "zulu-wire.txt").write_text(text.format(n=37), "utf-8")
    (tmp_path / "sources" / "alpha-daily.txt").write_text(text.format(n=39), "utf-8")
    (tmp_path / "sources.yml").write_text(  # zulu-wire was added first
        "- {id: zulu-wire, file: zulu-wire.txt}\n- {id: alpha-daily, file: alpha-daily.txt}\n",
        "utf-8")
    assert Annotations(load_book(tmp_path)).derived_from == {"alpha-daily": "zulu-wire"}


def test_a_sentence_too_short_to_align_but_in_both_is_missing_from_neither(tmp_path) -> None:
    (tmp_path / "sources").mkdir()
    orig = ("Floods\n\nFlash floods in the Dravna valley killed 37 people, officials said on "
            "Tuesday.\n\n\u201cNo,\u201d he said.\n\nRescue teams from Pollard searched the "
            "riverbanks.\n\nA bridge was lost.\n")
    copy = orig.replace("killed 37", "killed 39").replace("A bridge was lost.",
                                                          "Two roads were cut.")
    (tmp_path / "sources" / "a.txt").write_text(orig, "utf-8")
    (tmp_path / "sources" / "b.txt").write_text(copy, "utf-8")
    (tmp_path / "sources.yml").write_text(
        "- {id: a, file: a.txt}\n- {id: b, file: b.txt, derived_from: a}\n", "utf-8")
    [(only_original, only_copy)] = compare(load_book(tmp_path)).unmatched.values()
    assert [s.text for s in only_original] == ["A bridge was lost."]
    assert [s.text for s in only_copy] == ["Two roads were cut."]

"""The claim check: numbers, dates and people's names of a cited sentence must be in its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookkit import mkdocs_build, write_book
from briefbook.analyse.annotations import Annotations
from briefbook.read.book import load_book
from briefbook.render.citations import read_page
from briefbook.render.claimcheck import ClaimChecker

ARTICLE = """\
The harbour master, Mara Lindqvist, said on Tuesday that the port would reopen within a fortnight.

Four cranes were damaged in the storm of 12 March, and 1,200 metres of quay were flooded.

Repairs will cost 3.5 million euros, officials said.

"The first ships will dock next week," Lindqvist said.

The union's leader, Tomas Berg, called the plan reckless.
"""
SOURCES = """\
- id: harbour-gazette
  file: harbour-gazette.txt
  outlet: Harbour Gazette
  date: 2024-03-19
  date_basis: stated
"""
ACTORS = """\
- id: mara-lindqvist
  name: Mara Lindqvist
  kind: person
  aliases: [Lindqvist]
- id: tomas-berg
  name: Tomas Berg
  kind: person
  aliases: [Berg]
"""


@pytest.fixture(scope="module")
def book_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("claims") / "book"
    return write_book(root, {"harbour-gazette.txt": ARTICLE}, sources_yml=SOURCES,
                      yml={"actors.yml": ACTORS})


@pytest.fixture(scope="module")
def checker(book_root: Path):
    book = load_book(book_root / "briefing")
    assert book.problems == ()
    return book, ClaimChecker(Annotations(book))


def _findings(checker, markdown: str, mode: str = "review"):
    book, claims = checker
    reading = read_page(markdown, book, path="p.md", claims=claims, claim_mode=mode)
    return [(r.text.split(" is not")[0], r.line) for r in reading.review], reading


@pytest.mark.parametrize("sentence", [
    "Four cranes were damaged [@harbour-gazette, ¶ 2].",
    "4 cranes were damaged [@harbour-gazette, ¶ 2].",
    "Some 1,200 metres of quay flooded [@harbour-gazette, ¶ 2].",
    "The storm of March 12 damaged cranes [@harbour-gazette, ¶ 2].",
    "The storm of Mar. 12 damaged cranes [@harbour-gazette, ¶ 2].",
    "In March 2024 a storm damaged cranes [@harbour-gazette, ¶ 2].",
    "Repairs cost 3.5 million euros [@harbour-gazette, ¶ 3].",
    "Lindqvist expects ships next week [@harbour-gazette, ¶ 4].",
    "Mara Lindqvist announced the reopening [@harbour-gazette, ¶ 1].",
    "On 19 March the harbour master spoke [@harbour-gazette, ¶ 1].",
    "The two sides disagreed [@harbour-gazette, ¶ 5].",
    "One official spoke [@harbour-gazette, ¶ 3].",
])
def test_claims_found_in_the_cited_paragraph_pass(checker, sentence):
    found, _ = _findings(checker, f"# Port\n\n{sentence}\n")
    assert found == []


@pytest.mark.parametrize(("sentence", "finding"), [
    ("Five cranes were damaged [@harbour-gazette, ¶ 2].", "number “5”"),
    ("Some 1,300 metres of quay flooded [@harbour-gazette, ¶ 2].", "number “1,300”"),
    ("The storm of 13 March damaged cranes [@harbour-gazette, ¶ 2].", "date “13 March”"),
    ("Tomas Berg announced the reopening [@harbour-gazette, ¶ 1].", "name “Tomas Berg”"),
    ("Berg expects ships next week [@harbour-gazette, ¶ 4].", "name “Berg”"),
])
def test_claims_missing_from_the_cited_paragraph_are_review_items(checker, sentence, finding):
    found, reading = _findings(checker, f"# Port\n\nIntro.\n\n{sentence}\n")
    assert found == [(finding, 5)]
    (item,) = reading.review
    assert item.kind == "claim" and item.page == "p.md" and "@harbour-gazette ¶" in item.text
    assert reading.problems == ()  # review mode: a review item, not a warning


def test_a_sentence_with_several_citations_is_checked_against_all(checker):
    md = ("# Port\n\nFour cranes were damaged [@harbour-gazette, ¶ 2] and repairs cost "
          "3.5 million euros [@harbour-gazette, ¶ 3].\n")
    found, _ = _findings(checker, md)
    assert found == []


def test_strict_mode_makes_findings_warnings(checker):
    found, reading = _findings(checker, "# Port\n\nFive cranes [@harbour-gazette, ¶ 2].\n",
                               mode="strict")
    assert found == [("number “5”", 3)]
    (problem,) = reading.problems
    assert (problem.file, problem.line) == ("p.md", 3)
    assert "number “5” is not in the cited @harbour-gazette ¶ 2" in problem.message


@pytest.mark.slow
def test_claim_findings_reach_the_review_page_and_strict_mode_fails_the_build(
        book_root: Path, tmp_path: Path) -> None:
    page = "# Port\n\nFive cranes were damaged [@harbour-gazette, ¶ 2].\n"
    (book_root / "docs" / "port.md").write_text(page, "utf-8")
    ok = mkdocs_build(book_root, site=tmp_path / "site")
    assert ok.returncode == 0, ok.stderr
    review = (tmp_path / "site" / "review" / "index.html").read_text("utf-8")
    assert "number “5” is not in the cited @harbour-gazette ¶ 2" in review
    yml = (book_root / "mkdocs.yml").read_text("utf-8")
    (book_root / "mkdocs.yml").write_text(
        yml.replace("  - briefbook\n", "  - briefbook:\n      check_claims: strict\n"), "utf-8")
    try:
        bad = mkdocs_build(book_root, site=tmp_path / "site2")
    finally:
        (book_root / "mkdocs.yml").write_text(yml, "utf-8")
        (book_root / "docs" / "port.md").unlink()
    assert bad.returncode != 0
    assert "docs/port.md:3: number “5” is not in the cited @harbour-gazette ¶ 2" in bad.stderr


@pytest.mark.parametrize(("paragraph", "sentence"), [
    ("Dockers began a nine-day strike on Monday.", "The strike lasted nine days"),
    ("Dockers began a nine-day strike on Monday.", "The strike lasted 9 days"),
    ("A forty-five-minute meeting ended the strike.", "They met for 45 minutes"),
    ("A twenty-two-day stoppage followed.", "The stoppage lasted twenty-two days"),
])
def test_a_number_word_joined_to_its_noun_is_that_number(tmp_path: Path, paragraph, sentence):
    root = write_book(tmp_path / "book", {"dock.txt": f"Dock strike\n\n{paragraph}\n"},
                      sources_yml="- {id: dock, file: dock.txt, date: 2024-03-19, "
                                  "date_basis: stated}\n")
    book = load_book(root / "briefing")
    reading = read_page(f"# Dock\n\n{sentence} [@dock, ¶ 2].\n", book, path="p.md",
                        claims=ClaimChecker(Annotations(book)), claim_mode="review")
    assert reading.review == ()

"""A curation file whose records are not a list is an error naming it, never ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.read.book import load_book

ARTICLE = "Quarry fire\n\nA fire closed the Brannoch quarry on Monday, the operator said.\n"


def _book(tmp_path: Path, name: str, text: str) -> Path:
    root = tmp_path / "briefing"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "quarry.txt").write_text(ARTICLE, "utf-8")
    (root / name).write_text(text, "utf-8")
    return root


@pytest.mark.parametrize("name", ["actors.yml", "events.yml", "sources.yml", "review.yml",
                                  "topics.yml"])
@pytest.mark.parametrize("text", [
    "ilse: marchetti\nfarah: lindqvist\n",      # a mapping of ids, no list
    "just a sentence someone pasted\n",         # a lone string
    "items:\n  - id: one\n",                    # the list under a key the file does not use
])
def test_a_file_that_is_not_a_list_is_an_error(tmp_path: Path, name: str, text: str) -> None:
    book = load_book(_book(tmp_path, name, text))
    [problem] = [p for p in book.problems if p.file == name]
    assert problem.level == "error"
    assert "expected a list of" in problem.message and "nothing in it is read" in problem.message
    assert problem.hint and "- " in problem.hint
    assert problem.line == 1
    assert [s.id for s in book.sources] == ["quarry"]  # the article still builds


def test_the_list_under_its_own_key_is_read(tmp_path: Path) -> None:
    book = load_book(_book(tmp_path, "actors.yml",
                           "actors:\n  - id: quarry-operator\n    name: Brannoch Stone\n"
                           "    kind: organization\n"))
    assert not [p for p in book.problems if p.file == "actors.yml"]
    assert [a.id for a in book.actors] == ["quarry-operator"]


def test_a_key_holding_no_list_names_its_line(tmp_path: Path) -> None:
    book = load_book(_book(tmp_path, "events.yml", "# events\n\nevents:\n  fire: 2024-03-04\n"))
    [problem] = [p for p in book.problems if p.file == "events.yml"]
    assert problem.line == 3 and "got a mapping" in problem.message

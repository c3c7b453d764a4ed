"""``add`` never appends to a sources.yml it cannot read as a list: nothing is added or lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.ingest.html import add_inputs
from briefbook.read.book import load_book


@pytest.mark.parametrize(("yml", "says"), [
    ("- id: quay\n  file: quay.txt\n  title: [unclosed\n", "YAML"),
    ("quay: quay.txt\n", "expected a list of sources"),
    ("sources:\n  - id: quay\n    file: quay.txt\n", "under 'sources:'"),
    ("- id: quay\n  file: quay.txt\n- mill.txt\n", "entry 2 is not a mapping"),
])
def test_add_refuses_and_changes_nothing(tmp_path: Path, yml: str, says: str) -> None:
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    (briefing / "sources" / "quay.txt").write_text("Quay\n\nThe quay reopened.\n", "utf-8")
    (briefing / "sources.yml").write_text(yml, "utf-8")
    (tmp_path / "mill.txt").write_text("Mill\n\nThe mill closed on Monday, its owner said.\n",
                                       "utf-8")
    result = add_inputs(briefing, [str(tmp_path / "mill.txt")])
    assert result.added == []
    [problem] = result.problems
    assert problem.level == "error" and says in problem.message
    assert "nothing was added" in problem.message
    assert (briefing / "sources.yml").read_text("utf-8") == yml
    assert sorted(p.name for p in (briefing / "sources").iterdir()) == ["quay.txt"]


def test_add_appends_to_a_readable_list(tmp_path: Path) -> None:
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    (briefing / "sources.yml").write_text("# my notes\n[]\n", "utf-8")
    (tmp_path / "mill.txt").write_text("Mill\n\nThe mill closed on Monday, its owner said.\n",
                                       "utf-8")
    assert [a.id for a in add_inputs(briefing, [str(tmp_path / "mill.txt")]).added] == ["mill"]
    assert [s.id for s in load_book(briefing).sources] == ["mill"]

"""Clear errors: YAML problems at file:line:column, unknown ids with a did-you-mean."""

from __future__ import annotations

from pathlib import Path

from bookkit import write_book
from briefbook.core.yamlio import load_yaml
from briefbook.read.book import load_book
from briefbook.read.events import load_events
from briefbook.render.citations import read_page

ARTICLES = {"port-daily.txt": "The port reopened on Friday.\n\nShips queued outside.\n",
            "port-weekly.txt": "The port reopened after a week.\n"}


def test_yaml_syntax_error_has_file_line_and_column(tmp_path: Path):
    path = tmp_path / "sources.yml"
    path.write_text("- id: a\n  file: a.txt\n- id: [b\n  file: b.txt\n", "utf-8")
    data, problems = load_yaml(path, "sources.yml")
    assert data is None and len(problems) == 1
    problem = problems[0]
    assert problem.file == "sources.yml" and problem.line is not None
    assert problem.column is not None
    assert str(problem).startswith(f"sources.yml:{problem.line}:{problem.column}: YAML syntax")
    assert 3 <= problem.line <= 5


def test_impossible_date_is_a_problem_with_its_line_not_a_crash(tmp_path: Path):
    """The record with the impossible date fails alone, with its line; the file still loads."""
    path = tmp_path / "events.yml"
    path.write_text("- id: a\n  date: 2021-01-02\n  title: A\n"
                    "- id: b\n  date: 2021-02-30\n  title: B\n", "utf-8")
    data, problems = load_yaml(path, "events.yml")
    assert problems == [] and len(data) == 2  # timestamps are kept as text
    events, problems = load_events(tmp_path, [])
    assert [e.id for e in events] == ["a"]
    assert [(p.file, p.line, p.level, p.key) for p in problems
            if p.level == "error"] == [("events.yml", 5, "error", "date")]


def test_unknown_actor_in_events_has_a_did_you_mean(tmp_path: Path):
    root = write_book(tmp_path / "book", ARTICLES, yml={
        "actors.yml": "- id: harbour-master\n  name: Harbour Master\n  kind: person\n",
        "events.yml": "- id: reopening\n  date: 2021-03-05\n  date_precision: day\n"
                      "  title: The port reopens\n  sources: ['[@port-daily, ¶ 1]']\n"
                      "  actors:\n    - id: harbor-master\n      role: actor1\n"})
    problems = [p for p in load_book(root / "briefing").problems
                if "unknown actor" in p.message]
    assert len(problems) == 1
    assert problems[0].file.endswith("events.yml") and problems[0].line is not None
    assert "harbor-master" in problems[0].message
    assert problems[0].hint == "did you mean 'harbour-master'?"


def test_unknown_source_in_a_citation_has_a_did_you_mean(tmp_path: Path):
    root = write_book(tmp_path / "book", ARTICLES)
    book = load_book(root / "briefing")
    rendered = read_page("# P\n\nIt reopened [@port-daly, ¶ 1].\n", book, path="p.md")
    assert [(p.file, p.line) for p in rendered.problems] == [("p.md", 3)]
    assert "unknown source '@port-daly'" in rendered.problems[0].message
    assert "did you mean 'port-daily'?" in str(rendered.problems[0])
    assert rendered.records[0]["resolved"] is False


def test_unknown_source_with_no_near_match_says_where_the_ids_are(tmp_path: Path):
    root = write_book(tmp_path / "book", ARTICLES)
    book = load_book(root / "briefing")
    rendered = read_page("# P\n\nIt sank [@glacier-bulletin-1998, ¶ 2].\n", book, path="p.md")
    problem = rendered.problems[0]
    assert "unknown source '@glacier-bulletin-1998'" in problem.message
    assert "did you mean" not in str(problem)
    assert "Sources page lists every id" in (problem.hint or "")


def test_derived_from_typo_and_duplicate_id_are_reported_with_lines(tmp_path: Path):
    yml = ("- id: port-daily\n  file: port-daily.txt\n"
           "- id: port-weekly\n  file: port-weekly.txt\n  derived_from: port-dialy\n"
           "- id: port-daily\n  file: port-weekly.txt\n")
    root = write_book(tmp_path / "book", ARTICLES, sources_yml=yml)
    problems = {str(p) for p in load_book(root / "briefing").problems}
    # the line of the key itself (line 5), not of its entry
    assert any(p.startswith("sources.yml:5:") and "derived_from 'port-dialy'" in p
               and "did you mean 'port-daily'?" in p for p in problems), problems
    assert any(p.startswith("sources.yml:6: duplicate source id 'port-daily'")
               for p in problems), problems

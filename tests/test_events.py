"""Loading and validating events.yml, on small books written here (and the book's own file)."""

from __future__ import annotations

from pathlib import Path

from bookkit import ROOT, write_book
from briefbook.core.model import Event
from briefbook.read.book import load_book

ARTICLE = "Rockets hit the airport on Monday.\n\nThe ministry said on Tuesday it was calm.\n"
SOURCES = """\
- id: wire-a
  file: wire-a.txt
  outlet: Wire
  date: 2030-05-16
  date_basis: stated
"""


def book_with(tmp_path: Path, events: str):
    write_book(tmp_path, {"wire-a.txt": ARTICLE}, sources_yml=SOURCES,
               yml={"events.yml": events})
    return load_book(tmp_path / "briefing")


def test_valid_event_loads_with_partial_date(tmp_path: Path) -> None:
    book = book_with(tmp_path, """\
- id: rocket-attack
  date: 2030-05
  title: Rocket attack
  event_type: Explosions/Remote violence
  sub_event_type: Shelling/artillery/missile attack
  fatalities:
    - {count: 2, who: guards, cite: "[@wire-a, ¶ 1]"}
  sources: ["[@wire-a, ¶ 1]"]
""")
    assert [str(p) for p in book.problems] == []
    (event,) = book.events
    assert isinstance(event, Event)
    assert (event.date, event.date_precision) == ("2030-05", "month")
    assert event.fatalities[0].count == 2
    assert event.sources[0].paragraphs == (1,)


def test_errors_name_file_line_and_suggest(tmp_path: Path) -> None:
    book = book_with(tmp_path, """\
- id: one
  date: 2030-05-16
  date_precision: month
  title: One
  event_type: Explosions/Remote Violence
  sources: ["[@wire-b, ¶ 1]"]
  summry: typo
- id: two
  date: 16 May 2030
  title: Two
""")
    messages = [str(p) for p in book.problems]
    assert any("events.yml:3" in m and "has day precision" in m for m in messages), messages
    assert any("events.yml:5" in m and "did you mean 'Explosions/Remote violence'" in m
               for m in messages), messages
    assert any("unknown source '@wire-b'" in m and "did you mean '@wire-a'" in m.replace(
        "'wire-a'", "'@wire-a'") for m in messages), messages
    assert any("events.yml:7" in m and "did you mean 'summary'" in m for m in messages)
    assert any("events.yml:9" in m and "not ISO 8601" in m for m in messages)
    assert [e.id for e in book.events] == ["one"]


def test_bad_figure_and_role_are_reported(tmp_path: Path) -> None:
    book = book_with(tmp_path, """\
- id: one
  date: 2030
  title: One
  actors:
    - {id: someone, role: actor3}
  injured:
    - {count: many, who: people, cite: "[@wire-a, ¶ 9]"}
  sources: ["[@wire-a]"]
""")
    messages = " | ".join(str(p) for p in book.problems)
    assert "unknown actor role 'actor3'" in messages and "did you mean 'actor" in messages
    assert "count 'many' is not a whole number" in messages
    assert "has no paragraph 9" in messages
    assert book.events[0].injured == ()


def test_the_books_events_load_cleanly() -> None:
    book = load_book(ROOT / "briefing")
    problems = [str(p) for p in book.problems if p.file.endswith("events.yml")]
    assert problems == []
    ids = {e.id for e in book.events}
    assert len(ids) == len(book.events) >= 30
    june = next(e for e in book.events if e.id == "us-strikes-iraq-syria-june-2021")
    assert june.time_note and "Eastern" in june.time_note and june.end_date == "2021-06-28"
    for event in book.events:
        assert event.sources, event.id

"""Chronology: extraction, absorption, corroboration, the page, the downloads, the review."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bookkit import ROOT, write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import review_chronology
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.chronology import (
    CSV_COLUMNS,
    chronology_csv,
    chronology_records,
    home_timeline,
    render_chronology,
    timeline_json,
)
from briefbook.render.pages import build_pages

ARTICLES = {
    "wire-a.txt": "Rockets hit the airport on Monday, killing two guards.\n\n"
                  "The ministry said on Tuesday that it would respond.\n\n"
                  "The base was built in 2015.\n",
    "wire-a-copy.txt": "Rockets struck the airport on Monday, and two guards died.\n",
    "wire-b.txt": "Two rockets hit the airport on Monday; three guards were killed.\n",
    "wire-b-later.txt": "Monday's rocket attack on the airport killed guards.\n",
    "undated.txt": "The port closed on Friday after the storm.\n",
}
SOURCES = """\
- {id: wire-a, file: wire-a.txt, outlet: Wire A, date: 2030-05-16, date_basis: stated}
- {id: wire-a-copy, file: wire-a-copy.txt, date: 2030-05-16, date_basis: inferred,
   derived_from: wire-a}
- {id: wire-b, file: wire-b.txt, outlet: Wire B, date: 2030-05-16, date_basis: inferred}
- {id: wire-b-later, file: wire-b-later.txt, outlet: Wire B, date: 2030-05-17,
   date_basis: stated}
- {id: undated, file: undated.txt}
"""
EVENTS = """\
- id: airport-attack
  date: 2030-05-13
  date_basis: relative
  time_note: Night, local time.
  title: Rocket attack on the airport
  summary: Rockets hit the airport [@wire-a, ¶ 1].
  event_type: Explosions/Remote violence
  sub_event_type: Shelling/artillery/missile attack
  country: Testland
  fatalities:
    - {count: 2, who: guards, cite: "[@wire-a, ¶ 1]"}
    - {count: 2, who: guards, cite: "[@wire-a-copy, ¶ 1]"}
  sources: ["[@wire-a, ¶ 1]", "[@wire-a-copy, ¶ 1]", "[@wire-b-later, ¶ 1]"]
"""


def make(tmp_path: Path, events: str = EVENTS):
    write_book(tmp_path, ARTICLES, sources_yml=SOURCES, yml={"events.yml": events})
    book = load_book(tmp_path / "briefing")
    assert [str(p) for p in book.problems] == []
    return book, Annotations(book)


def entry(annotations: Annotations, entry_id: str):
    return next(e for e in annotations.chronology.entries if e.id == entry_id)


def test_copy_and_same_outlet_do_not_add_independent_sources(tmp_path: Path) -> None:
    _, annotations = make(tmp_path)
    attack = entry(annotations, "airport-attack")
    # wire-a + its copy + wire-b-later: the copy counts as wire-a → 2 independent.
    assert attack.independent_sources == 2
    assert attack.status == "confirmed"
    assert attack.curated and attack.time_note == "Night, local time."


def test_single_source_and_disputed_figures(tmp_path: Path) -> None:
    events = EVENTS.replace('"[@wire-b-later, ¶ 1]"]', '"[@wire-b, ¶ 1]"]').replace(
        '    - {count: 2, who: guards, cite: "[@wire-a-copy, ¶ 1]"}',
        '    - {count: 3, who: guards, cite: "[@wire-b, ¶ 1]"}')
    _, annotations = make(tmp_path, events)
    attack = entry(annotations, "airport-attack")
    assert attack.status == "disputed"
    assert any("killed: 2 per Wire A; 3 per Wire B" in d for d in attack.disagreements)
    only_copy = EVENTS.replace(', "[@wire-b-later, ¶ 1]"]', "]")
    _, annotations = make(tmp_path, only_copy)
    assert entry(annotations, "airport-attack").status == "single-source"


def test_curated_event_absorbs_candidates_of_its_paragraphs(tmp_path: Path) -> None:
    _, annotations = make(tmp_path)
    chronology = annotations.chronology
    absorbed = {c.id for c in entry(annotations, "airport-attack").absorbed}
    assert "wire-a-p1-s1" in absorbed and "wire-b-later-p1-s1" in absorbed
    left = {c.id for c in chronology.unabsorbed}
    assert {"wire-a-p2-s1", "wire-a-p3-s1", "wire-b-p1-s1", "undated-p1-s1"} <= left
    assert not left & absorbed


def test_empty_events_still_give_a_chronology(tmp_path: Path) -> None:
    book, annotations = make(tmp_path, "")
    entries = annotations.chronology.entries
    dates = [(e.date, e.date_precision, e.curated) for e in entries]
    assert ("2015", "year", False) in dates
    assert ("2030-05-13", "day", False) in dates  # "on Monday" against Thursday 16 May
    assert ("2030-05-14", "day", False) in dates  # "on Tuesday"
    assert [e.earliest for e in entries] == sorted(e.earliest for e in entries)
    # The four reports of the airport attack are one event with all their citations.
    attack = next(e for e in entries if e.id == "x-wire-a-p1-s1")
    assert {m.source for m in attack.members} == {"wire-a", "wire-a-copy", "wire-b",
                                                  "wire-b-later"}
    assert attack.independent_sources == 2 and attack.status == "confirmed"
    assert not any(e.id == "x-wire-b-p1-s1" for e in entries)
    # The undated source's "on Friday" cannot be dated: not in the chronology, on review.
    assert not any(e.id.startswith("x-undated") for e in entries)
    items = review_chronology(book, annotations)
    undated = [i for i in items if i.source == "undated"]
    assert undated and "cannot be dated" in undated[0].text


def test_unmerge_record_undoes_a_merge(tmp_path: Path) -> None:
    _, annotations = make(tmp_path, "- unmerge: [x-wire-a-p1-s1]\n")
    entries = {e.id: e for e in annotations.chronology.entries}
    assert {"x-wire-a-p1-s1", "x-wire-b-p1-s1", "x-wire-a-copy-p1-s1"} <= set(entries)
    inferred = entries["x-wire-b-p1-s1"]
    assert inferred.date_basis == "inferred" and "inferred" in (inferred.date_note or "")
    assert len(entries["x-wire-a-p1-s1"].members) == 1
    # One sentence id keeps only that sentence apart; the others stay merged.
    _, annotations = make(tmp_path, "- unmerge: wire-b-p1-s1\n")
    entries = {e.id: e for e in annotations.chronology.entries}
    assert len(entries["x-wire-a-p1-s1"].members) == 3 and "x-wire-b-p1-s1" in entries


def test_page_has_anchors_badges_citations_and_svg(tmp_path: Path) -> None:
    book, annotations = make(tmp_path)
    page = render_chronology(book, annotations, Settings())["chronology.md"]
    assert "id='event-airport-attack'" in page
    assert "## 2030 {#year-2030}" in page and "### May 2030 {#month-2030-05}" in page
    assert "confirmed · 2 independent sources" in page
    assert "Night, local time." in page
    assert "[@wire-a, ¶ 1]" in page
    assert "<svg" in page and "<script" not in page
    assert "href='#event-airport-attack'" in page
    built = build_pages(book, {"index.md": "# Home\n"})
    assert [str(p) for p in built.problems] == []
    assert "chronology.md" in built.pages


def test_page_escapes_curated_text(tmp_path: Path) -> None:
    events = EVENTS.replace("title: Rocket attack on the airport",
                            "title: \"<script>alert(1)</script> & co\"")
    book, annotations = make(tmp_path, events)
    page = render_chronology(book, annotations, Settings())["chronology.md"]
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_exports(tmp_path: Path) -> None:
    book, annotations = make(tmp_path)
    records = chronology_records(book, annotations, Settings())
    attack = next(r for r in records if r["id"] == "airport-attack")
    assert list(attack) == ["id", "date", "date_precision", "time_note", "title", "summary",
                            "event_type", "location", "country", "actors", "fatalities",
                            "sources", "independent_sources", "status", "curated", "url"]
    assert attack["url"] == "chronology/#event-airport-attack"
    rows = list(csv.DictReader(io.StringIO(chronology_csv(book, annotations))))
    assert tuple(rows[0]) == CSV_COLUMNS
    row = next(r for r in rows if r["event_id_cnty"] == "airport-attack")
    assert (row["event_date"], row["time_precision"], row["fatalities"]) == ("2030-05-13", "1", "2")
    timeline = json.loads(json.dumps(timeline_json(annotations)))
    by_id = {e["unique_id"]: e for e in timeline["events"]}
    assert by_id["event-x-wire-a-p3-s1"]["start_date"] == {"year": "2015"}
    assert by_id["event-airport-attack"]["start_date"] == {"year": "2030", "month": "5",
                                                          "day": "13"}
    assert "headline" in by_id["event-airport-attack"]["text"]


def test_home_timeline_links_into_the_chronology(tmp_path: Path) -> None:
    book, annotations = make(tmp_path)
    html = home_timeline(book, annotations, from_page="index.md")
    assert "href='chronology/#event-airport-attack'" in html
    assert home_timeline(*make(tmp_path, "")) == ""


def test_the_book_chronology() -> None:
    book = load_book(ROOT / "briefing")
    annotations = Annotations(book)
    june = entry(annotations, "us-strikes-iraq-syria-june-2021")
    assert "Eastern" in (june.time_note or "") and "before dawn" in (june.time_note or "")
    feb = entry(annotations, "us-strikes-syria-feb-2021")
    cited = {c.source for c in feb.sources}
    assert "syria-strikes-reworded-2021-02-25" in cited
    # five sources cited, the reworded copy does not count
    assert len(cited) == 5 and feb.independent_sources == 4
    erbil = entry(annotations, "erbil-rocket-attack")
    assert erbil.status == "disputed"
    assert any(d.startswith("injured:") for d in erbil.disagreements)
    assert annotations.events_by_actor["kataib-hezbollah"]


def test_extracted_titles_do_not_open_quotations(tmp_path: Path) -> None:
    articles = {**ARTICLES, "wire-a.txt": "\u201cWe acted on Monday to protect our people and "
                "our partners in the region, and we will do so again,\u201d he said.\n"}
    write_book(tmp_path, articles, sources_yml=SOURCES, yml={"events.yml": ""})
    book = load_book(tmp_path / "briefing")
    page = render_chronology(book, Annotations(book), Settings())["chronology.md"]
    titles = [part.split("</strong>", 1)[0]
              for part in page.split("class='bb-event-title'><strong>")[1:]]
    (title,) = [t for t in titles if "We acted" in t]
    assert title.startswith("&#8220;We acted on Monday") and "\u201c" not in title

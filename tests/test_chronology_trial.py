"""A new user's trial of the chronology: merge across dated sources, datelines, copies, futures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookkit import write_book
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.chronology import Entry
from briefbook.analyse.dates import find_dates
from briefbook.read.book import load_book

MILL_ARTICLES = {
    "gazette.txt": "Nine workers died when fire swept through the Marrow textile mill in Ostby "
                   "on Saturday.\n\n"
                   "Firefighters fought the Marrow mill blaze in Ostby until Sunday morning.\n\n"
                   "The Marrow textile mill owners will meet the union in Ostby on Tuesday.\n",
    "courier.txt": "A blaze at the Marrow textile mill in Ostby killed nine employees on "
                   "Saturday.\n\nOstby's Marrow textile mill was last inspected in 2029.\n",
    "herald.txt": "Nine people perished on Saturday in flames at the Marrow mill in Ostby.\n\n"
                  "Ostby mourned the Marrow textile mill workers on Sunday.\n",
    "post.txt": "On September 13 fire killed nine workers at the Marrow textile mill in "
                "Ostby.\n",
}
MILL_SOURCES = """\
- {id: gazette, file: gazette.txt, outlet: Gazette, date: 2031-09-14, date_basis: stated}
- {id: courier, file: courier.txt, outlet: Courier, date: 2031-09-15, date_basis: inferred}
- {id: herald, file: herald.txt, outlet: Herald, date: 2031-09-14, date_basis: inferred}
- {id: post, file: post.txt, outlet: Post, date: 2031-09-16, date_basis: stated}
"""


def _on(entries: tuple[Entry, ...], date: str) -> list[Entry]:
    return [e for e in entries if e.date == date]


def test_one_event_of_dated_sources_merges_whatever_the_date_basis(tmp_path: Path) -> None:
    """Stated, inferred and relative dates of one day: one confirmed event of four sources."""
    write_book(tmp_path, MILL_ARTICLES, sources_yml=MILL_SOURCES)
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    fires = [e for e in _on(chronology.entries, "2031-09-13")]
    assert len(fires) == 1, [(e.title, [c.source for c in e.sources]) for e in fires]
    assert {c.source for c in fires[0].sources} == {"gazette", "courier", "herald", "post"}
    assert fires[0].status == "confirmed" and fires[0].independent_sources == 4
    # Other events of the mill, on other days, stay apart from it.
    assert _on(chronology.entries, "2031-09-16")


def test_a_dateline_dates_the_report_not_an_event(tmp_path: Path) -> None:
    """The dateline's date makes no entry; it dates the source (with a year) or nothing."""
    articles = {
        "wire.txt": "Rebels take grain terminal\n\n"
                    "KESSEL BAY, June 2, 2032 (Nordwire) - Rebels seized the grain terminal at "
                    "Kessel Bay on Friday, the harbour master said.\n",
        "agence.txt": "KESSEL BAY, 2 juin (Agence Nord) - Twelve sailors were detained at "
                      "Kessel Bay, the harbour master said.\n",
    }
    write_book(tmp_path, articles, sources_yml="- {id: wire, file: wire.txt}\n"
                                               "- {id: agence, file: agence.txt}\n")
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    dated = sorted((e.date, [c.source for c in e.sources]) for e in chronology.entries)
    assert dated == [("2032-05-28", ["wire"])], dated
    assert {p.source: p.date for p in chronology.proposals}.get("wire") == "2032-06-02"


def test_a_copy_resolves_relative_dates_against_its_original(tmp_path: Path) -> None:
    """A copy republished a week later: its "on Monday" is the original's Monday."""
    articles = {
        "orig.txt": "Ferry crews in Lindholm walked out on Monday over unpaid wages, the "
                    "seafarers' guild said.\n\nThe guild will ballot members on Friday.\n",
        "copy.txt": "Ferry crews in Lindholm walked off the job on Monday over unpaid wages, "
                    "the seafarers' guild said.\n\nThe guild will ballot its members on "
                    "Friday.\n",
    }
    sources = ("- {id: orig, file: orig.txt, outlet: Wire, date: 2032-06-02, "
               "date_basis: stated}\n"
               "- {id: copy, file: copy.txt, outlet: Portal, date: 2032-06-09, "
               "date_basis: stated, derived_from: orig}\n")
    write_book(tmp_path, articles, sources_yml=sources)
    chronology = Annotations(load_book(tmp_path / "briefing")).chronology
    dated = sorted((e.date, sorted({c.source for c in e.sources}), e.independent_sources)
                   for e in chronology.entries)
    assert dated == [("2032-05-31", ["copy", "orig"], 1),
                     ("2032-06-04", ["copy", "orig"], 1)], dated


@pytest.mark.parametrize(("sentence", "date"), [
    ("The priest said that prayers would be held in the square on Friday.", "2033-03-11"),
    ("The mayor is to open the new bridge on Friday.", "2033-03-11"),
    ("She said he would have turned 40 on Friday.", "2033-03-04"),
    ("Officials said the vote would not have passed on Friday.", "2033-03-04"),
    ("The bridge was closed on Friday, the mayor said.", "2033-03-04"),
])
def test_reported_future_weekdays_are_ahead_of_the_report(sentence: str, date: str) -> None:
    """An article of Monday 7 March 2033: "would be held on Friday" is the coming Friday."""
    [phrase] = find_dates(sentence, "2033-03-07")
    assert phrase.date == date

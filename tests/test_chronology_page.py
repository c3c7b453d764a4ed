"""The chronology page as readers see it: notes, words not column names, sections, drawing."""

from __future__ import annotations

import re
from pathlib import Path

from bookkit import ROOT, write_book
from briefbook.analyse.annotations import Annotations
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.chronology import CSV_COLUMNS, render_chronology
from briefbook.render.mdext import render_page
from briefbook.render.pages import build_pages

#: ACLED's column names that are not also plain English words.
#: ACLED's own column names (``independent_sources`` and the others are the book's).
ACLED_NAMES = re.compile(r"\b(?:" + "|".join(c for c in CSV_COLUMNS[:10] if c != "year") + r")\b")
_CODE = re.compile(r"`[^`]*`|<code>.*?</code>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _visible(markdown: str) -> str:
    """The text a reader sees: no code, no tags (attributes are not shown)."""
    return _TAG.sub(" ", _CODE.sub(" ", markdown))


def test_example_book_pages_show_no_acled_column_name_and_render_summary_citations() -> None:
    book = load_book(ROOT / "briefing")
    built = build_pages(book, {"index.md": "# Home\n"})
    shown = {path: ACLED_NAMES.findall(_visible(md)) for path, md in built.pages.items()}
    # The Data page documents the CSV's columns, in code: that is their only place.
    assert {p: n for p, n in shown.items() if n} == {}
    assert "actor1" in built.pages["data/index.md"]
    page = built.pages["chronology.md"]
    rendered, _, _ = render_page(page, book, page="chronology.md")
    events = re.findall(r"<div class='bb-event .*?\n</div>", rendered, re.S)
    assert events and all("[@" not in e for e in events)
    summaries = [e for e in events if "bb-curated" in e]
    assert sum("bb-cite-link" in e.split("bb-event-sources")[0] for e in summaries) >= 10
    assert "(other actor)" in page or "(main actor)" in page


ARTICLES = {
    "a.txt": "Rebels seized the town of Omsa on Monday, the army said.\n\n"
             "Troops retook the Omsa bridge on Tuesday, the army said.\n\n"
             "The town was founded in 1880 and its bridge was built in 1950.\n\n"
             "Elections are due in 2032, officials said.\n",
}


def test_page_sections_numbers_and_controls(tmp_path: Path) -> None:
    write_book(tmp_path, ARTICLES, sources_yml="- {id: a, file: a.txt, date: 2030-05-16}\n")
    book = load_book(tmp_path / "briefing")
    page = render_chronology(book, Annotations(book), Settings())["chronology.md"]
    main, rest = page.split("## Background {#background}")
    background, later = rest.split("## Later dates {#later}")
    # The subject's events first, numbered 1, 2 in the list and on the drawing.
    assert "<span class='bb-event-number'>1.</span>" in main and "Omsa" in main
    listed = main.split("bb-chrono-start")[1]
    assert "1880" not in listed and "2032" not in listed
    assert "each number is the event&#x27;s number in the list" in main
    assert "Numbers refer to the curated events" not in page
    # Background and later dates are collapsed, with their own drawing.
    assert background.count("<details") == 1 and "<svg" in background and "1880" in background
    assert "<details" in later and "2032" in later
    # Controls: date range and newest first, hidden until the script shows them.
    form = re.search(r"<form class='bb-chrono-filter'.*?</form>", page, re.S)
    assert form and " hidden" in form.group()
    assert "type='date' name='from'" in form.group() and "name='newest'" in form.group()
    # The drawing is made at its natural size and scrolls, never shrunk below legibility.
    svg = re.search(r"<svg class='bb-timeline-svg'[^>]*>", main)
    assert svg and "width='100%'" not in svg.group() and "font-size='11'" in svg.group()
    assert "bb-timeline-scroll" in main


def test_merged_entry_lists_its_sentences_and_how_to_undo(tmp_path: Path) -> None:
    articles = {"a.txt": "Jets struck the Talvik depot on Thursday, the ministry said.\n\n"
                         "The Talvik depot strike on Thursday destroyed fuel stores.\n"}
    write_book(tmp_path, articles, sources_yml="- {id: a, file: a.txt, date: 2030-05-16}\n")
    book = load_book(tmp_path / "briefing")
    page = render_chronology(book, Annotations(book), Settings())["chronology.md"]
    assert "Reported in 2 sentences of 1 source" in page
    assert "<code>- unmerge: [x-a-p1-s1]</code>" in page
    assert "[@a, ¶ 1]" in page and "[@a, ¶ 2]" in page

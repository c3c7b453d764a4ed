"""An undated source's page and the sources index show the date the chronology uses for it."""

from __future__ import annotations

from pathlib import Path

from bookkit import write_book
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.pages import build_pages

ARTICLE = ("Mill closes\n\nThe Vallen paper mill closed on 4 June 2031, its owner said.\n\n"
           "Workers marched on Wednesday.\n")


def test_the_proposed_date_is_shown_marked_inferred_with_what_it_rests_on(tmp_path: Path):
    root = write_book(tmp_path / "book", {"mill.txt": ARTICLE, "other.txt": "Other\n\nNo date "
                                          "here, the port said.\n"})
    built = build_pages(load_book(root / "briefing"), {}, Settings())
    [proposal] = [p for p in built.annotations.chronology.proposals if p.source == "mill"]
    page = built.pages["sources/mill.md"]
    row = page[page.index("<dt>Date</dt>"):][:600]
    assert proposal.date in row and "inferred" in row and "not yet confirmed" in row
    assert "4 June 2031" in row  # what it rests on
    index = built.pages["sources/index.md"]
    assert f'{proposal.date} <span class="bb-badge bb-basis-inferred">' in index
    other = built.pages["sources/other.md"]
    assert "unknown" in other[other.index("<dt>Date</dt>"):][:200]


def test_sources_show_gives_the_proposed_date_and_how_to_confirm_it(tmp_path: Path):
    from click.testing import CliRunner

    from briefbook.cli import main
    root = write_book(tmp_path / "book", {"mill.txt": ARTICLE})
    shown = CliRunner().invoke(main, ["sources", "show", "mill", "--briefing",
                                      str(root / "briefing")])
    assert shown.exit_code == 0, shown.output
    [line] = [x for x in shown.output.splitlines() if x.startswith("date:")]
    assert line.startswith("date: 2031-06-04  (inferred, not confirmed:") and "sources set" in line

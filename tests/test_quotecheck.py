"""Quotations in hand-written pages: a misquote fails the strict build with page and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookkit import mkdocs_build, write_book
from briefbook.core.citekeys import find_citations
from briefbook.read.book import load_book
from briefbook.render.quotecheck import check_quotes

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\
The minister said on Tuesday that “the harbour will reopen within a fortnight,” adding that \
repairs were under way.
Critics called the plan “reckless and premature.”
"""
PAGE = """\
---
title: Harbour
---

# Harbour

The minister promised that "the harbour will reopen within a fortnight" [@port-news, ¶ 1].

Critics called the plan "reckless and premature" [@port-news, ¶ 2]: the quote is checked even
when a colon follows the citation.
"""


def _write(tmp_path: Path, page: str) -> Path:
    return write_book(tmp_path / "book", {"port-news.txt": ARTICLE},
                      docs={"harbour.md": page})


@pytest.mark.slow
def test_verbatim_quotes_build_and_an_altered_word_fails_with_page_and_line(
        tmp_path: Path) -> None:
    root = _write(tmp_path, PAGE)
    ok = mkdocs_build(root)
    assert ok.returncode == 0, ok.stderr
    assert "quotation" not in ok.stderr
    altered = PAGE.replace("within a fortnight", "within a week")
    assert altered != PAGE
    (root / "docs" / "harbour.md").write_text(altered, "utf-8")
    bad = mkdocs_build(root)
    assert bad.returncode != 0
    # Line 7 of the file (front matter counted), with the closest cited text as a hint.
    assert "docs/harbour.md:7: quotation “the harbour will reopen within a week” is not " \
           "verbatim in [@port-news, ¶ 1]" in bad.stderr
    assert "(the closest cited text is “the harbour will reopen within a fortnight”)" \
        in bad.stderr
    assert "strict mode" in bad.stderr + bad.stdout


@pytest.mark.slow
def test_a_misquote_after_a_citation_followed_by_a_colon_is_caught(tmp_path: Path) -> None:
    root = _write(tmp_path, PAGE.replace("reckless and premature", "reckless and rash"))
    bad = mkdocs_build(root)
    assert bad.returncode != 0
    assert "docs/harbour.md:9: quotation “reckless and rash”" in bad.stderr


def test_a_citation_followed_by_a_colon_is_a_citation_but_a_reference_definition_is_not(
        ) -> None:
    citations, _ = find_citations('Said "x" [@a, ¶ 1]: more.\n\n[@b]: https://example.org\n')
    assert [c.text for c in citations] == ["[@a, ¶ 1]"]


BOOK_PAGES = {"index.md": 5, "context/jcpoa.md": 8, "context/aumf.md": 5, "glossary.md": 1}


@pytest.mark.parametrize(("page", "minimum"), sorted(BOOK_PAGES.items()))
def test_the_books_briefing_pages_quote_verbatim_and_cite_enough(page: str,
                                                                 minimum: int) -> None:
    book = load_book(ROOT / "briefing")
    markdown = (ROOT / "docs" / page).read_text("utf-8")
    citations, errors = find_citations(markdown)
    assert errors == []
    assert len(citations) >= minimum
    assert check_quotes(markdown, citations, book, page=page) == []


def _quotes_of(page: str) -> list[list[str]]:
    from briefbook.render.quotecheck import page_quotes
    return page_quotes(page, find_citations(page)[0])


def test_a_quotation_in_a_table_cell_is_checked_against_the_row_s_citation() -> None:
    """``| “…” | [@id, ¶ n] |``: the row's only citation covers the quotation beside it."""
    page = ("| Quote | Source |\n|---|---|\n"
            "| “the dam will hold” | [@river-post, ¶ 3] |\n"
            "| [@river-post, ¶ 4] | 'we were not warned' |\n")
    assert _quotes_of(page) == [["the dam will hold"], ["we were not warned"]]


def test_table_cells_go_to_the_nearest_cited_cell_and_code_pipes_are_not_cells() -> None:
    """Two quotations, two citations in one row: each quotation to its nearest cited cell."""
    page = ("| A | | B | |\n|---|---|---|---|\n"
            "| «le barrage tiendra» | [@a, ¶ 1] | „wir wussten nichts“ `x|y` | [@b, ¶ 2] |\n")
    assert _quotes_of(page) == [["le barrage tiendra"], ["wir wussten nichts"]]


def test_a_cell_with_its_own_citation_keeps_its_own_quotation_only() -> None:
    """Cells that cite are not given the quotations of other cited cells."""
    page = ("| | |\n|---|---|\n"
            "| “first words” [@a, ¶ 1] | “second words” [@b, ¶ 2] |\n")
    assert _quotes_of(page) == [["first words"], ["second words"]]


@pytest.mark.slow
def test_a_misquote_in_the_cell_beside_a_citation_fails_the_build(tmp_path: Path) -> None:
    page = ("# Harbour\n\n| Who | Words | Source |\n|---|---|---|\n"
            "| Critics | “reckless and rash” | [@port-news, ¶ 2] |\n")
    bad = mkdocs_build(_write(tmp_path, page))
    assert bad.returncode != 0
    assert "docs/harbour.md:5: quotation “reckless and rash” is not verbatim" in bad.stderr
    good = page.replace("reckless and rash", "reckless and premature")
    (tmp_path / "book" / "docs" / "harbour.md").write_text(good, "utf-8")
    ok = mkdocs_build(tmp_path / "book")
    assert ok.returncode == 0, ok.stderr


CUE_ARTICLE = """\
Lawmakers pass river bill

Governor Ines Okafor signed the river bill on Monday in the state capital.

Farm groups had lobbied for two years.

At the signing, the governor said:

“This bill is not perfect, but it gives farmers certainty.”

Her rival, Dara Quist, said she would repeal it. “They had a seat at the table,” she said.
"""


def test_generated_pages_pass_the_quotation_check_when_a_cue_quotes_the_article(
        tmp_path: Path) -> None:
    """A speaker cue names words of another paragraph (office "governor"); it is not a quotation.

    The profile shows the cue that decided the speaker; the words it quotes come from the
    paragraph that names the person, not from the cited one, so as a quotation it would fail
    the check (and the strict build) on the engine's own page.
    """
    from briefbook.render.pages import build_pages

    root = write_book(tmp_path / "book", {"river-bill.txt": CUE_ARTICLE})
    book = load_book(root / "briefing")
    built = build_pages(book, {})
    profiles = {path: text for path, text in built.pages.items()
                if path.startswith("actors/") and "cue: " in text}
    assert any('"governor"' in text for text in profiles.values()), profiles
    for path, text in profiles.items():
        assert check_quotes(text, find_citations(text)[0], book, page=path) == [], path

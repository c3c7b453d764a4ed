"""Saved web pages: only the article's paragraphs, the page's metadata, the original kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bookkit import mkdocs_build
from briefbook.cli import main
from briefbook.core.errors import ArticleError
from briefbook.ingest.html import add_page, extract_page
from briefbook.read.book import load_book

ARTICLE = [
    "The harbour at Westhaven reopened on Wednesday after three days of closure, the port "
    "authority said, as crews finished clearing debris left by the storm.",
    "Fishing boats returned to their moorings by mid-afternoon. \u201cWe have never seen waves "
    "like that in thirty years,\u201d said the harbourmaster, who thanked his crew.",
    "Insurance assessors are expected to visit the damaged sea wall next week, and the council "
    "has set aside emergency funds for repairs to the northern breakwater.",
]
JUNK = ["We use cookies", "Accept all cookies", "Buy cheap flights", "Related stories",
        "Storm warning issued", "Great news for the town", "disgrace", "All rights reserved",
        "Home", "Sport", "tracking", "document.write", "Subscribe to our newsletter"]


def page(*, head: str | None = None, lang: str = ' lang="en-GB"', article: list[str] = ARTICLE,
         footer: str = "© 2019 The Coastal Gazette. All rights reserved.") -> str:
    head = head if head is not None else """
<title>Harbour reopens after storm | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="og:title" content="Harbour reopens after storm">
<meta name="author" content="Jane Marsh">
<meta property="article:published_time" content="2019-03-14T09:30:00Z">
<link rel="canonical" href="https://gazette.example.org/news/harbour-reopens">"""
    paras = "\n".join(f"<p>{p}</p>" for p in article)
    return f"""<!DOCTYPE html>
<html{lang}><head><meta charset="utf-8">{head}
<script>var tracking = "do not keep this";</script>
<style>.ad {{ color: red }}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
<button>Accept all cookies</button></p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<aside class="advert ad"><p>Buy cheap flights now! Limited offer, book today.</p></aside>
<main><article>
<h1>Harbour reopens after storm</h1>
<p class="byline">By Jane Marsh</p>
{paras}
<div class="newsletter"><p>Subscribe to our newsletter</p></div>
</article></main>
<section class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Storm warning issued for coast</a></li>
<li><a href="/b">Ferry timetable changes for the summer season</a></li></ul></section>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Great news for the town, finally! Took them long enough though.</p></div>
<div class="comment"><p>This is a disgrace, it took far too long to reopen the harbour.</p></div>
</section>
<footer><p>{footer}</p><a href="/privacy">Privacy</a></footer>
<script>document.write("ad")</script>
</body></html>
"""


def test_only_the_article_paragraphs_and_the_page_metadata():
    extracted = extract_page(page().encode("utf-8"), "harbour.html")
    assert extracted.text.split("\n\n") == [*ARTICLE[:-1], ARTICLE[-1] + "\n"]
    for junk in JUNK:
        assert junk not in extracted.text
    assert dict(extracted.meta) == {
        "title": "Harbour reopens after storm", "outlet": "The Coastal Gazette",
        "author": ["Jane Marsh"], "date": "2019-03-14",
        "url": "https://gazette.example.org/news/harbour-reopens", "language": "en-GB"}


def test_no_date_unless_the_page_states_it():
    head = """<title>Harbour reopens after storm</title>
<meta property="og:site_name" content="The Coastal Gazette">"""
    extracted = extract_page(page(head=head, lang="").encode(), "x.html")
    assert "date" not in extracted.meta  # the footer's "© 2019" is not a publication date
    assert "language" not in extracted.meta
    assert extracted.meta["author"] == ["Jane Marsh"]  # from the visible byline
    assert "url" not in extracted.meta
    saved = "<!-- saved from url=(0033)https://gazette.example.org/h1 -->\n" + page(head=head)
    assert extract_page(saved.encode(), "x.html").meta["url"] == "https://gazette.example.org/h1"


def test_other_encodings_are_decoded():
    html = page(article=[p.replace("harbour", "harbour café") for p in ARTICLE])
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    html = html.replace("\u201c", '"').replace("\u201d", '"')
    extracted = extract_page(html.encode("cp1252"), "x.html")
    assert "harbour café" in extracted.text


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
    "",
    "<html><head><title>Front page</title></head><body><ul><li><a href='/a'>Story one</a></li>"
    "<li><a href='/b'>Story two</a></li></ul></body></html>",
])
def test_a_page_without_an_article_is_a_clear_error(html: str):
    with pytest.raises(ArticleError, match="no article text found in this page"):
        extract_page(html.encode(), "front.html")


def test_add_keeps_the_original_and_records_where_metadata_came_from(tmp_path: Path):
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    saved = tmp_path / "Harbour Story.html"
    raw = page().encode("utf-8")
    saved.write_bytes(raw)
    result = add_page(briefing, str(saved), meta={"outlet": "Westhaven Gazette"})
    assert [p for p in result.problems if p.level == "error"] == []
    assert [a.id for a in result.added] == ["harbour-story"]
    assert (briefing / "originals" / "harbour-story.html").read_bytes() == raw
    book = load_book(briefing)
    assert [p for p in book.problems if p.level == "error"] == []
    source = book.source("harbour-story")
    assert [p.text for p in source.paragraphs] == ARTICLE
    assert source.outlet == "Westhaven Gazette"  # the editor's value wins
    assert (source.title, source.date, source.date_basis) == (
        "Harbour reopens after storm", "2019-03-14", "stated")
    assert source.author == ("Jane Marsh",)
    assert source.url == "https://gazette.example.org/news/harbour-reopens"
    assert source.language == "en-GB"
    assert source.original == "originals/harbour-story.html"
    assert source.accessed is None  # a saved page: when it was saved is unknown
    assert "Taken from the page's metadata: title, author, publication date, canonical URL, " \
           "language." in source.notes
    assert "outlet" not in source.notes.split("metadata:")[1]


def test_the_editors_values_win(tmp_path: Path):
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    saved = tmp_path / "harbour.html"
    saved.write_text(page(), "utf-8")
    result = CliRunner().invoke(main, [
        "add", "--briefing", str(briefing), "--id", "westhaven", "--title", "Own title",
        "--date", "2019-03-13", "--date-basis", "inferred", "--author", "J. Marsh",
        "--url", "https://example.org/own", str(saved)])
    assert result.exit_code == 0, result.output
    source = load_book(briefing).source("westhaven")
    assert (source.title, source.date, source.date_basis, source.author, source.url) == (
        "Own title", "2019-03-13", "inferred", ("J. Marsh",), "https://example.org/own")
    assert source.outlet == "The Coastal Gazette"
    assert "Taken from the page's metadata: outlet (site name), language." in source.notes


def test_no_stated_date_without_one_on_the_page(tmp_path: Path):
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    saved = tmp_path / "plain.htm"
    saved.write_text(page(head="<title>Harbour</title>"), "utf-8")
    result = add_page(briefing, str(saved))
    assert result.added
    source = load_book(briefing).source("plain")
    assert (source.date, source.date_basis) == (None, "unknown")
    assert source.original == "originals/plain.htm"


def test_cli_adds_pages_and_text_together_and_the_site_links_the_original(tmp_path: Path):
    root = tmp_path / "b"
    assert CliRunner().invoke(main, ["new", str(root)]).exit_code == 0
    saved = tmp_path / "harbour.html"
    saved.write_text(page(), "utf-8")
    empty = tmp_path / "menu.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    text = tmp_path / "council.txt"
    text.write_text("The council met on Monday.\nIt approved the budget.\n", "utf-8")
    result = CliRunner().invoke(main, ["add", "--briefing", str(root / "briefing"),
                                       str(saved), str(empty), str(text)])
    assert result.exit_code == 1  # one input failed ...
    assert "added harbour (3 paragraphs)" in result.output  # ... the others were added
    assert "added council (2 paragraphs)" in result.output
    assert f"{empty}: no article text found in this page" in result.output
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    site_page = (root / "site" / "sources" / "harbour" / "index.html").read_text("utf-8")
    assert 'href="../../data/originals/harbour.html"' in site_page
    assert (root / "site" / "data" / "originals" / "harbour.html").read_bytes() == \
        saved.read_bytes()
    bib = (root / "site" / "data" / "sources.bib").read_text("utf-8")
    assert "@article{harbour,\n" in bib and "title = {{Harbour reopens after storm}}" in bib
    assert "@article{council,\n}" in bib


def test_a_page_whose_text_is_already_in_the_book_is_refused(tmp_path: Path):
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    (briefing / "sources" / "gazette-harbour.txt").write_text("\n".join(ARTICLE) + "\n", "utf-8")
    saved = tmp_path / "harbour.html"
    saved.write_text(page(), "utf-8")
    result = add_page(briefing, str(saved))
    assert result.added == []
    assert [str(p) for p in result.problems] == [
        f"{saved}: looks like a near-verbatim copy already in the book: 100% similar to source "
        "'gazette-harbour'; 3 of its 3 paragraphs are there nearly word for word; nothing was "
        "added (use --force to add it anyway)"]
    assert not (briefing / "originals").exists()
    forced = add_page(briefing, str(saved), force=True)
    assert [a.id for a in forced.added] == ["harbour"]
    assert [p.level for p in forced.problems] == ["warning"]


def test_only_originals_inside_the_book_are_published(book_factory):
    root = book_factory({"a.txt": "One paragraph.\n"}, sources_yml=(
        "- id: a\n  file: a.txt\n  original: ../secret.html\n"))
    (root / "secret.html").write_text("<p>private</p>", "utf-8")
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    assert not (root / "site" / "data" / "originals").exists()

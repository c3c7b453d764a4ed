"""No article text or metadata ever becomes live markup, wherever the site shows it.

A book whose articles, ``sources.yml``, ``actors.yml``, ``events.yml`` and ``topics.yml`` are
full of payloads (see :mod:`hostilekit`) is built with MkDocs; every page, the search index,
the print view, the JSON-LD blocks and ``timeline.json`` are parsed with an HTML parser and
must hold no event handler, no ``javascript:``/``data:`` URL, no element and no attribute made
from a payload. Metadata that arrives through ``briefbook add`` (a saved page's ``og:`` tags)
and ``briefbook sources import`` (a CSL-JSON container title) is checked the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from bookkit import mkdocs_build, write_book
from briefbook.check.checker import check_site
from briefbook.cli import main
from briefbook.core.citekeys import excerpt
from briefbook.core.model import Book, Paragraph, Source
from briefbook.render.mdext import render_page
from hostilekit import (
    PAYLOADS,
    actors_yml,
    articles,
    events_yml,
    notes_page,
    problems_in_html,
    problems_in_site,
    sources_yml,
    topics_yml,
)


def shown(title: str | None) -> str:
    """A tooltip's text as read: the invisible word joiners after ``<`` and ``&`` removed."""
    return (title or "").replace("\u2060", "")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_book(tmp_path_factory.mktemp("hostile") / "book", articles(),
                      sources_yml=sources_yml(), docs={"notes.md": notes_page()},
                      yml={"actors.yml": actors_yml(), "events.yml": events_yml(),
                           "topics.yml": topics_yml()})
    result = mkdocs_build(root, strict=False)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_the_hostile_book_shows_every_place(hostile_site: Path) -> None:
    """The corpus reaches every kind of page (else the inertness test proves little)."""
    for page in ("sources/hostile-a/index.html", "actors/jane-roe/index.html",
                 "actors/evil-org/index.html", "chronology/index.html", "compare/index.html",
                 "review/index.html", "topics/harbour/index.html", "notes/index.html",
                 "print.html", "search/search_index.json", "data/timeline.json"):
        assert (hostile_site / page).is_file(), page
    notes = LexborHTMLParser((hostile_site / "notes" / "index.html").read_bytes())
    assert len(notes.css("a.bb-cite-link")) >= 2 * len(PAYLOADS)
    actor = (hostile_site / "actors" / "jane-roe" / "index.html").read_text("utf-8")
    assert "Quotations" in actor and "PWNLINK" in actor
    compare = (hostile_site / "compare" / "index.html").read_text("utf-8")
    assert "hostile-b" in compare
    review = (hostile_site / "review" / "index.html").read_text("utf-8")
    assert "alert(" in review  # unattributed hostile quotations are listed, as text


def test_no_payload_becomes_markup_anywhere(hostile_site: Path) -> None:
    problems = problems_in_site(hostile_site)
    assert problems == [], "\n".join(problems[:40])


def test_tooltips_are_the_plain_text_of_the_cited_paragraph(hostile_site: Path) -> None:
    tree = LexborHTMLParser((hostile_site / "notes" / "index.html").read_bytes())
    titles = [shown(a.attributes.get("title")) for a in tree.css("a.bb-cite-link")]
    assert any("[PWNLINK](x/onmouseover=alert(1)//)" in t for t in titles)
    assert any("<img src=x onerror=alert(2)>" in t for t in titles)
    outlet = next(t for t in titles if t.startswith("Outlet "))
    assert "[PWNLINK](x/onmouseover=alert(1)//)" in outlet  # metadata: plain text too
    for link in tree.css("a.bb-cite-link"):
        assert set(link.attributes) == {"id", "class", "href", "title"}
        assert link.text().isdigit()


def test_article_text_never_cites(hostile_site: Path) -> None:
    """``[@victim, ¶ 1]`` in a quotation is shown as text on the actor page, not a note."""
    tree = LexborHTMLParser((hostile_site / "actors" / "jane-roe" / "index.html").read_bytes())
    items = [li for li in tree.css("li") if li.css_first("q") is not None
             and not (li.attributes.get("id") or "").startswith("bb-note-")]
    assert any("[@victim, ¶ 1]" in li.css_first("q").text() for li in items)
    for li in items:  # each quotation cites its own paragraph, nothing its text names
        targets = {a.attributes.get("href", "").split("/")[-2] for a in li.css("a.bb-cite-link")}
        assert targets and targets <= {"hostile-a", "hostile-b"}, li.html


def test_the_checker_finds_nothing_to_run(hostile_site: Path) -> None:
    report = check_site(hostile_site, jobs=1)
    assert [p for p in report.problems if p.kind == "script"] == []


def test_metadata_from_a_saved_page_and_an_import_stays_text(tmp_path: Path) -> None:
    """``og:site_name`` of a saved page and a CSL ``container-title`` reach tooltips inertly."""
    from briefbook.ingest.html import add_inputs
    from briefbook.ingest.references import import_references

    root = write_book(tmp_path / "book", {}, docs={"notes.md": "# N\n\nSee [@saved, ¶ 1] and "
                                                  "[@plain, ¶ 1] and [@saved] and "
                                                  "[@typed, ¶ 1].\n"})
    briefing = root / "briefing"
    body = " ".join(f"The harbour board met again on day {n} to discuss the port." for n in
                    range(12))
    page = tmp_path / "saved.html"
    page.write_text(
        "<html><head><title>T</title>"
        '<meta property="og:site_name" content="Site [PWNLINK](x/onmouseover=alert(1)//)">'
        '<meta property="og:title" content="&lt;img src=x onerror=alert(2)&gt; headline">'
        '<meta name="author" content="[PWNJS](javascript:alert(7))">'
        f"</head><body><article><h1>Headline</h1><p>{body}</p><p>{body} Again.</p>"
        "</article></body></html>", "utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("A plain article about the harbour board and the port.\n", "utf-8")
    result = add_inputs(briefing, [str(page), str(plain)])
    assert [a.id for a in result.added] == ["saved", "plain"], result.problems
    typed = tmp_path / "typed.txt"
    typed.write_text("A third article about the port's new cranes and the harbour board.\n",
                     "utf-8")
    cli = CliRunner().invoke(main, ["add", "--briefing", str(briefing), "--outlet",
                                    "Outlet [y](y/onmouseover=alert(6)//)", str(typed)])
    assert cli.exit_code == 0, cli.output
    csl = tmp_path / "refs.json"
    csl.write_text(json.dumps([{
        "id": "plain", "type": "article-newspaper", "title": "<script>alert(3)</script>",
        "container-title": "Paper [PWNLINK](x/onmouseover=alert(1)//) <b onclick=alert(4)>",
        "issued": {"date-parts": [[2021, 3, 1]]}}]), "utf-8")
    imported = import_references(briefing, csl)
    assert "plain" in imported.changes
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.stderr
    site = root / "site"
    assert problems_in_site(site) == []
    tree = LexborHTMLParser((site / "notes" / "index.html").read_bytes())
    titles = " ".join(shown(a.attributes.get("title")) for a in tree.css("a.bb-cite-link"))
    assert "Site [PWNLINK](x/onmouseover=alert(1)//)" in titles
    assert "Paper [PWNLINK](x/onmouseover=alert(1)//) <b onclick=alert(4)>" in titles
    assert "Outlet [y](y/onmouseover=alert(6)//)" in titles


def test_a_citation_inside_article_text_never_fails_or_feeds_a_strict_build(
        tmp_path: Path) -> None:
    """An unknown id quoted in an article does not fail the build; a known one is no note."""
    article = ("\u201cThe figures are in [@nosuch, ¶ 9] and [@other, ¶ 1],\u201d Mara Quill, "
               "the harbour chair, said on Tuesday.\n\nMara Quill added that the pier would "
               "close.\n")
    root = write_book(tmp_path / "book", {"harbour.txt": article,
                                          "other.txt": "Another article entirely.\n"},
                      yml={"actors.yml": "- id: mara-quill\n  name: Mara Quill\n"})
    built = mkdocs_build(root, strict=True)
    assert built.returncode == 0, built.stderr
    page = LexborHTMLParser((root / "site" / "actors" / "mara-quill" / "index.html").read_bytes())
    assert "[@nosuch, ¶ 9] and [@other, ¶ 1]" in " ".join(q.text() for q in page.css("li q"))
    targets = {a.attributes.get("href", "") for a in page.css("a.bb-cite-link")}
    assert targets and all("/harbour/" in t for t in targets)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_each_payload_alone_in_a_tooltip_and_a_quotation(payload: str, tmp_path: Path) -> None:
    """Each payload alone (no neighbour to hide behind) in a paragraph, a quotation, an outlet."""
    text = f"\u201cWe {payload} said,\u201d Jane Roe said."
    source = Source(id="s", file="s.txt", sha256="0", size=1, outlet=f"Outlet {payload}",
                    paragraphs=(Paragraph(number=1, text=text, line=1),))
    book = Book(root="", sources=(source,))
    html, _, _ = render_page("Text [@s, ¶ 1] and [@s].\n", book, page="p.md", extensions=[
        "abbr", "attr_list", "md_in_html", "tables", "admonition", "toc"])
    assert list(problems_in_html(html, payload)) == []
    titles = [shown(a.attributes.get("title"))
              for a in LexborHTMLParser(html).css("a.bb-cite-link")]
    label = f"Outlet {' '.join(payload.split())}, undated"
    assert titles == [f"{label} · ¶ 1: {' '.join(excerpt(text).split())}", label]
    for link in LexborHTMLParser(html).css("a.bb-cite-link"):  # a theme's HTML tooltip
        tip = LexborHTMLParser(f"<div id='tip'>{link.attributes['title']}</div>")
        node = tip.css_first("#tip")
        assert list(node.iter()) == [] and shown(node.text()) == shown(link.attributes["title"])

"""Pure parts of publishing: JSON-LD, the printable document, the Data page (no browser)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from selectolax.lexbor import LexborHTMLParser

from briefbook.core.model import Book, Paragraph, Source
from briefbook.render.datapage import FIELDS, render_data_page
from briefbook.render.jsonld import page_jsonld, script_block
from briefbook.site.printview import AsOf, Part, as_of, combine, extract_part, page_order


def _source(sid: str, **meta: object) -> Source:
    paragraphs = (Paragraph(number=1, text="First </script><!-- paragraph.", line=1),)
    return Source(id=sid, file=f"{sid}.txt", paragraphs=paragraphs, sha256="0" * 64, size=10,
                  **meta)  # type: ignore[arg-type]


def _book(*sources: Source, actors: tuple[object, ...] = (),
          events: tuple[object, ...] = ()) -> Book:
    return Book(root="/tmp/x", sources=sources, actors=actors, events=events)


def _decoded(block: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', block, re.S)
    assert match, block
    assert "</" not in match.group(1) and "<!--" not in match.group(1)
    return json.loads(match.group(1))


def test_script_block_cannot_be_broken_out_of() -> None:
    data = {"headline": "a </script><script>alert(1)</script> & <!-- b \u2028"}
    block = script_block(data)
    assert block.count("</script>") == 1
    assert _decoded(block) == data


def test_source_page_is_a_news_article_and_a_derivative_names_its_original() -> None:
    original = _source("orig", outlet="Daily", title="Hello <b>", date="2020-01-02",
                       date_basis="stated", url="https://example.com/a", author=("A. B.",))
    copy = _source("copy", derived_from="orig", date="2020-01-02", date_basis="inferred")
    undated = _source("undated")
    book = _book(original, copy, undated)
    data = page_jsonld(book, "sources/orig.md", title="x", site_name="S",
                       site_url="https://site.test/book/")
    assert data["@type"] == "NewsArticle"
    assert data["url"] == "https://site.test/book/sources/orig/"
    assert data["headline"] == "Hello <b>" and data["datePublished"] == "2020-01-02"
    assert data["publisher"] == {"@type": "Organization", "name": "Daily"}
    assert data["sameAs"] == "https://example.com/a" and "isBasedOn" not in data
    derived = page_jsonld(book, "sources/copy.md", title="x", site_name="S",
                          site_url=None, directory_urls=False)
    assert derived["isBasedOn"]["@id"] == "sources/orig.html"
    assert derived["isBasedOn"]["identifier"] == "orig"
    assert "datePublished" not in page_jsonld(book, "sources/undated.md", title="x",
                                              site_name="S")


def test_actor_pages_are_people_or_organisations_and_chronology_events() -> None:
    person = SimpleNamespace(id="jane", name="Jane Roe", kind="person", aliases=("Roe",),
                             roles=(SimpleNamespace(title="spokesperson"),), affiliation="Org")
    org = SimpleNamespace(id="org", name="Org", kind="government", aliases=(), roles=(),
                          affiliation=None)
    event = SimpleNamespace(id="e1", date="2020-01-02", title="Something", summary="S",
                            location="Town", country="Land", end_date=None)
    book = _book(_source("s"), actors=(person, org), events=(event,))
    jane = page_jsonld(book, "actors/jane.md", title="Jane Roe", site_name="S")
    assert jane["@type"] == "Person" and jane["jobTitle"] == ["spokesperson"]
    assert jane["affiliation"]["name"] == "Org" and jane["alternateName"] == ["Roe"]
    assert page_jsonld(book, "actors/org.md", title="Org", site_name="S")["@type"] == \
        "Organization"
    speaker = page_jsonld(book, "actors/found-in-text.md", title="Found", site_name="S")
    assert speaker["@type"] == "Person" and speaker["name"] == "Found"
    chronology = page_jsonld(book, "chronology.md", title="Chronology", site_name="S")
    [item] = chronology["@graph"]
    assert item["@type"] == "Event" and item["@id"] == "chronology/#event-e1"
    assert item["startDate"] == "2020-01-02" and item["location"]["name"] == "Town"
    other = page_jsonld(book, "methodology.md", title="Method", site_name="S")
    assert other["@type"] == "WebPage" and other["name"] == "Method"


def test_as_of_is_the_latest_known_date_and_says_its_basis() -> None:
    book = _book(_source("a", date="2020-01-02", date_basis="stated"),
                 _source("b", date="2020-03-01", date_basis="inferred"),
                 _source("c", date="2099-01-01", date_basis="unknown"))
    when = as_of(book)
    assert (when.date, when.basis, when.source) == ("2020-03-01", "inferred", "b")
    assert "2020-03-01" in when.text() and "inferred" in when.text()
    assert as_of(_book(_source("d"))).text().startswith("As of: unknown")


NAV = """<nav class="md-nav md-nav--primary"><a class="md-nav__link" href=".">Home</a>
<a class="md-nav__link" href="b/">B</a><a class="md-nav__link" href="a/">A</a>
<a class="md-nav__link" href="https://elsewhere.test/">X</a></nav>"""


def test_page_order_follows_navigation_then_path() -> None:
    pages = ["index.html", "a/index.html", "b/index.html", "z/index.html", "c/index.html",
             "404.html", "reference/x/index.html"]
    assert page_order(NAV, pages) == ["index.html", "b/index.html", "a/index.html",
                                      "c/index.html", "z/index.html"]


def test_combined_document_links_inside_itself() -> None:
    page = ('<html><body><article class="md-content__inner"><h1 id="t">Title <abbr>X</abbr>'
            '<a class="headerlink" href="#t">¶</a></h1><p id="p1">See <a href="../b/#q">q</a>'
            ' and <a href="https://out.test/">out</a> <img src="../img/x.png"></p>'
            "</article></body></html>")
    first = extract_part("a/index.html", page)
    assert first.title == "Title X" and "headerlink" not in first.html
    second = Part(path="b/index.html", title="B", html='<p id="q">target</p>')
    doc = combine([first, second], site_name="Book <1>",
                  when=AsOf(date="2020-01-02", basis="stated", source="s"),
                  stylesheets=["assets/main.css"])
    tree = LexborHTMLParser(doc)
    assert tree.css_first("title").text() == "Book <1>"
    assert "As of 2020-01-02" in tree.css_first(".bb-print-cover").text()
    toc = [a.attributes["href"] for a in tree.css(".bb-print-toc a")]
    assert toc == ["#bb-print-part-1", "#bb-print-part-2"]
    ids = {n.attributes["id"] for n in tree.css("[id]")}
    hrefs = {a.attributes["href"] for a in tree.css("section a[href]")}
    assert "#p2-q" in hrefs and "p2-q" in ids and "p1-p1" in ids
    assert "https://out.test/" in hrefs
    assert tree.css_first("img").attributes["src"] == "img/x.png"
    internal = [h for h in hrefs | set(toc) if h.startswith("#")]
    assert all(h[1:] in ids for h in internal), (internal, ids)


def test_data_page_links_and_describes_each_download() -> None:
    markdown = render_data_page(["sources.json", "citations.json", "new-thing.json"],
                                source_files=["a.txt"], original_files=["a.html"])
    tree = LexborHTMLParser(markdown)
    links = sorted(a.attributes["href"] for a in tree.css("a[href]"))
    assert links == ["../print.html", "citations.json", "new-thing.json", "originals/a.html",
                     "sources.json", "sources/a.txt"]
    assert "| `custom.derived_from` |" in markdown
    assert "| `custom.date_basis` | `stated` \\| `inferred` \\| `unknown` |" in markdown
    assert "## new-thing.json" in markdown and "(no description yet)" in markdown
    for name, (summary, _fields) in FIELDS.items():
        assert summary and name == name.strip()


def _run_home_test(**env: str) -> subprocess.CompletedProcess[str]:
    here = Path(__file__).parent
    base = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs",
         str(here / "test_browser_site.py::test_home_page_loads_cleanly")],
        capture_output=True, text=True, check=False,
        env={**base, "BRIEFBOOK_CHROMIUM": "/nonexistent/chromium", **env})


def test_missing_chromium_skips_locally_but_fails_under_ci() -> None:
    local = _run_home_test()
    assert local.returncode == 0 and "1 skipped" in local.stdout, local.stdout
    assert "/nonexistent/chromium is missing" in local.stdout
    ci = _run_home_test(CI="true")
    assert ci.returncode == 1 and "1 error" in ci.stdout, ci.stdout
    assert "/nonexistent/chromium is missing" in ci.stdout

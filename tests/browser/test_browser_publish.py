"""The built book as published: JSON-LD, the Data page, the PDF.

The engine reference, a sub-site, is tested in tests/test_subsites.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browserkit import ARTIFACTS, ROOT, html_pages
from selectolax.lexbor import LexborHTMLParser

from briefbook.read.book import load_book
from briefbook.site.printview import as_of


def _jsonld(path: Path) -> list[dict]:
    tree = LexborHTMLParser(path.read_text("utf-8"))
    return [json.loads(n.text()) for n in tree.css('script[type="application/ld+json"]')]


def test_every_page_carries_json_ld(site: Path) -> None:
    book = load_book(ROOT / "briefing")
    pages = [p for p in html_pages(site) if p not in ("404.html", "print.html")]
    types: dict[str, str] = {}
    for page in pages:
        blocks = _jsonld(site / page)
        assert len(blocks) == 1, f"{page}: {len(blocks)} JSON-LD blocks"
        data = blocks[0]
        assert data["@context"] == "https://schema.org"
        types[page] = data.get("@type") or "@graph"
    for source in book.sources:
        data = _jsonld(site / "sources" / source.id / "index.html")[0]
        assert data["@type"] == "NewsArticle" and data["identifier"] == source.id
        if source.derived_from:
            assert data["isBasedOn"]["identifier"] == source.derived_from
        else:
            assert "isBasedOn" not in data
    actors = [p for p in pages if re.fullmatch(r"actors/[^/]+/index\.html", p)]
    assert all(types[p] in ("Person", "Organization") for p in actors), types
    if (site / "chronology" / "index.html").exists() and book.events:
        graph = _jsonld(site / "chronology" / "index.html")[0]["@graph"]
        assert {e["identifier"] for e in graph} == {e.id for e in book.events}


def test_data_page_links_every_download(site: Path) -> None:
    page = site / "data" / "index.html"
    tree = LexborHTMLParser(page.read_text("utf-8"))
    article = tree.css_first("article")
    linked = {urlsplit(a.attributes["href"] or "").path for a in article.css("a[href]")
              if not urlsplit(a.attributes["href"] or "").scheme
              and not (a.attributes["href"] or "").startswith("#")}
    downloads = {p.relative_to(site / "data").as_posix() for p in (site / "data").rglob("*")
                 if p.is_file() and p.name != "index.html"}
    assert downloads, "nothing published under data/"
    assert downloads <= linked, f"not linked from the Data page: {sorted(downloads - linked)}"
    for href in linked:
        assert (site / "data" / href).is_file(), f"the Data page links a missing file: {href}"
    assert "(no description yet)" not in article.text(), "a download has no description"


def test_briefbook_pdf_prints_the_whole_book(needs_browser: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        message = "pdftotext is missing: install Debian's 'poppler-utils' (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    out = tmp_path / "book.pdf"
    site = tmp_path / "site"
    command = Path(sys.executable).with_name("briefbook")
    completed = subprocess.run([str(command), "pdf", "-o", str(out), "--site-dir", str(site)],
                               cwd=ROOT, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(out, ARTIFACTS / "book.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    pages = text.count("\f")
    assert pages >= 10

    when = as_of(load_book(ROOT / "briefing"))
    assert f"As of {when.date}" in flat and when.basis in flat
    assert "Contents" in flat
    assert f"1 / {pages}" in flat and f"{pages} / {pages}" in flat, "no page numbers"

    printed = LexborHTMLParser((site / "print.html").read_text("utf-8"))
    titles = [" ".join(a.text().split()) for a in printed.css(".bb-print-toc a")]
    assert len(titles) == len(printed.css("section.bb-print-part"))
    for title in titles:
        assert title in flat, f"section missing from the PDF: {title}"
    for path in html_pages(site):
        if path.startswith(("reference/",)) or path in ("404.html", "print.html"):
            continue
        heading = LexborHTMLParser((site / path).read_text("utf-8")).css_first("article h1")
        if heading is not None:
            assert " ".join(heading.text().replace("¶", "").split()) in titles, path

    citations = json.loads((site / "data" / "citations.json").read_text("utf-8"))
    cited = [c for c in citations if c["resolved"] and c["paragraphs"]]
    assert cited
    for record in cited[:25]:
        assert f"{record['source']}, ¶ {record['paragraphs'][0]}" in flat or \
               f"{record['source']}, ¶¶ {record['paragraphs'][0]}" in flat, record

    for source in load_book(ROOT / "briefing").sources:
        first = next(p for p in source.paragraphs if not p.boilerplate)
        words = " ".join(first.text.split()[:6])
        assert words in flat, f"{source.id} ¶ {first.number} not in the PDF: {words!r}"


def test_print_view_is_one_page_in_the_offline_site(needs_browser: Path, browser: object,
                                                    offline_site: Path) -> None:
    document = offline_site / "print.html"
    assert document.is_file(), "the build wrote no print view"
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(document.as_uri(), wait_until="load")
        parts = page.locator("section.bb-print-part").count()
        assert parts >= 5
        when = as_of(load_book(ROOT / "briefing"))
        assert f"As of {when.date}" in page.locator(".bb-print-cover").inner_text()
        page.locator(".bb-print-toc a").nth(parts - 1).click()
        assert urlsplit(page.url).fragment == f"bb-print-part-{parts}"
        broken = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
            .map(a => a.getAttribute('href').slice(1))
            .filter(id => id && !document.getElementById(decodeURIComponent(id)))""")
        assert broken == [], broken[:10]
    finally:
        context.close()


def test_sitemap_lists_every_page_under_site_url(site: Path) -> None:
    tree = LexborHTMLParser((site / "sitemap.xml").read_text("utf-8"))
    urls = {n.text(strip=True) for n in tree.css("loc")}
    assert urls and all(u.startswith(("http://", "https://")) for u in urls), sorted(urls)[:3]
    base = min(urls, key=len)
    listed = {u[len(base):] for u in urls}
    pages = {p.removesuffix("index.html") for p in html_pages(site)
             if p not in ("404.html", "print.html")}
    assert pages <= listed, sorted(pages - listed)[:10]


def test_site_url_comes_from_the_environment(tmp_path: Path) -> None:
    from browserkit import build_site

    site = build_site(tmp_path / "site", SITE_URL="https://books.test/brief/")
    home = LexborHTMLParser((site / "index.html").read_text("utf-8"))
    assert home.css_first('link[rel="canonical"]').attributes["href"] == \
        "https://books.test/brief/"
    assert "<loc>https://books.test/brief/</loc>" in (site / "sitemap.xml").read_text("utf-8")
    source = next((site / "sources").glob("*/index.html"))
    assert _jsonld(source)[0]["url"].startswith("https://books.test/brief/sources/")


def test_published_files_are_readable_by_a_web_server(site: Path) -> None:
    # A web server usually runs as another user: every file must be world-readable
    # (as far as the umask allows), including those the plugin writes after the build.
    umask = os.umask(0)
    os.umask(umask)
    expected = 0o444 & ~umask
    unreadable = sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                        if p.is_file() and p.stat().st_mode & expected != expected)
    assert unreadable == [], f"{len(unreadable)} files not readable by others: {unreadable[:5]}"

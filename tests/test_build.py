"""End-to-end: real ``mkdocs build --strict`` of books the tests write."""

from __future__ import annotations

import hashlib
import json
import re

from bookkit import mkdocs_build
from briefbook.read.book import load_book
from briefbook.render.pages import build_pages

ARTICLES = {
    "harbor-2019.txt": " date 2019-05-02 Local\n\nThe harbor reopened on Thursday.\n\n"
                       "\u201cWe are open for business,\u201d the harbor master said.\n",
    "river-2019.txt": "Floods closed the river road.\nThe road reopened a week later.\n"
                      "Sign up for alerts\n",
}
SOURCES_YML = """\
- id: harbor-2019
  file: harbor-2019.txt
  outlet: Harbor Gazette
- id: river-2019
  file: river-2019.txt
  date: 2019-05
  date_basis: inferred
  date_note: Mentions the May floods.
"""
INDEX = """\
# Home

The harbor reopened [@harbor-2019, ¶ 1]. The harbor master said they were
\u201copen for business\u201d [@harbor-2019, ¶ 2]. See also [@river-2019, ¶¶ 1-2] and
[@river-2019].

`[@not-a-source, ¶ 1]` is code, not a citation.
"""


def test_small_book_builds_strictly_with_anchors_notes_and_back_links(book_factory):
    root = book_factory(ARTICLES, sources_yml=SOURCES_YML, docs={"index.md": INDEX})
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    site = root / "site"
    home = (site / "index.html").read_text("utf-8")
    assert 'href="sources/harbor-2019/#harbor-2019-p1"' in home
    assert home.count('class="bb-cite-link"') == 4
    assert 'id="sources"' in home  # the notes section
    assert "[@not-a-source, ¶ 1]" in home  # left alone inside code
    page = (site / "sources" / "harbor-2019" / "index.html").read_text("utf-8")
    assert 'id="harbor-2019-p1"' in page and 'id="harbor-2019-p2"' in page
    assert 'href="../../#bb-cite-1"' in page  # "cited by" back-link to the note
    assert "Harbor Gazette" in page
    river = (site / "sources" / "river-2019" / "index.html").read_text("utf-8")
    assert "bb-boilerplate" in river and "not citable" in river
    assert "Mentions the May floods." in river
    index = (site / "sources" / "index.html").read_text("utf-8")
    assert "harbor-2019" in index and "river-2019" in index


def test_data_downloads_have_verbatim_hashes_and_every_citation(book_factory):
    root = book_factory(ARTICLES, sources_yml=SOURCES_YML, docs={"index.md": INDEX})
    assert mkdocs_build(root).returncode == 0
    data = root / "site" / "data"
    items = {i["id"]: i for i in json.loads((data / "sources.json").read_text("utf-8"))}
    for name in ARTICLES:
        raw = (root / "briefing" / "sources" / name).read_bytes()
        item = items[name.removesuffix(".txt")]
        assert item["custom"]["sha256"] == hashlib.sha256(raw).hexdigest()
        assert (data / "sources" / name).read_bytes() == raw
    assert items["harbor-2019"]["issued"] == {"date-parts": [[2019, 5, 2]]}
    assert items["harbor-2019"]["custom"]["date_basis"] == "stated"
    assert items["river-2019"]["custom"]["date_basis"] == "inferred"
    assert items["river-2019"]["container-title"] is None
    records = json.loads((data / "citations.json").read_text("utf-8"))
    assert all(c["resolved"] for c in records)
    citations = [c for c in records if c["page"] == "index.md"]
    assert [(c["source"], c["paragraphs"]) for c in citations] == [
        ("harbor-2019", [1]), ("harbor-2019", [2]), ("river-2019", [1, 2]), ("river-2019", [])]
    assert [c["line"] for c in citations] == [3, 4, 4, 5]


def test_citation_to_a_missing_paragraph_fails_the_strict_build_with_page_and_line(book_factory):
    docs = {"index.md": "# Home\n\nFine [@harbor-2019, ¶ 1].\n\nBroken [@harbor-2019, ¶ 12].\n",
            "notes/typo.md": "# Typo\n\nSee [@harbour-2019, ¶ 1].\n"}
    root = book_factory(ARTICLES, sources_yml=SOURCES_YML, docs=docs)
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "docs/index.md:5: '@harbor-2019' has no paragraph 12 (it has 2)" in result.stderr
    assert ("docs/notes/typo.md:3: unknown source '@harbour-2019' in citation "
            "'[@harbour-2019, ¶ 1]' (did you mean 'harbor-2019'?)") in result.stderr
    assert "Aborted with 2 warnings in strict mode" in result.stdout + result.stderr


def test_misquotation_fails_the_strict_build(book_factory):
    docs = {"index.md": "# Home\n\nHe said they were \u201cclosed for business\u201d "
                        "[@harbor-2019, ¶ 2].\n"}
    root = book_factory(ARTICLES, sources_yml=SOURCES_YML, docs=docs)
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert re.search(r"docs/index.md:3: quotation .closed for business. is not verbatim",
                     result.stderr)


def test_one_bad_article_fails_alone(book_factory):
    articles = {**ARTICLES, "broken.txt": b"", "binary.txt": b"\x00\x01\x02"}
    root = book_factory(articles, sources_yml=SOURCES_YML)
    strict = mkdocs_build(root)
    assert strict.returncode != 0
    assert "briefing/sources/broken.txt: the article is empty" in strict.stderr
    assert "briefing/sources/binary.txt: looks binary: NUL byte at byte offset 0" in strict.stderr
    lenient = mkdocs_build(root, strict=False)
    assert lenient.returncode == 0
    assert (root / "site" / "sources" / "harbor-2019" / "index.html").exists()
    assert not (root / "site" / "sources" / "broken").exists()


def test_sources_yml_problems_name_file_line_and_hint(book_factory):
    yml = SOURCES_YML + "- id: harbor-2019\n  file: harbor-2019.txt\n" \
        "- id: ghost\n  file: river-2109.txt\n  outlt: Nobody\n"
    root = book_factory(ARTICLES, sources_yml=yml)
    problems = [str(p) for p in load_book(root / "briefing").problems]
    assert "sources.yml:9: duplicate source id 'harbor-2019' (first at line 1) " \
           "(give each source its own id)" in problems
    assert any(p.startswith("sources.yml:13: unknown key 'outlt'") and "'outlet'" in p
               for p in problems)
    assert any("file 'river-2109.txt' not found" in p and "river-2019.txt" in p
               for p in problems)


def test_unlisted_article_still_builds_with_unknown_metadata(book_factory):
    root = book_factory({"Some Story (2).txt": "Only text here.\n"})
    assert mkdocs_build(root).returncode == 0
    page = (root / "site" / "sources" / "some-story-2" / "index.html").read_text("utf-8")
    assert "not listed in" in page and "unknown" in page


def test_golden_source_page(book_factory, golden):
    root = book_factory(ARTICLES, sources_yml=SOURCES_YML, docs={"index.md": INDEX})
    book = load_book(root / "briefing")
    built = build_pages(book, {"index.md": INDEX})
    golden("source_page_harbor.md", built.pages["sources/harbor-2019.md"])

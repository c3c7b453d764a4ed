"""Reference lists: Zotero CSL-JSON and BibTeX fill sources.yml; sources.bib round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli import main
from briefbook.ingest.references import bibtex_references, import_references, norm_url
from briefbook.read.book import load_book
from briefbook.render.bibtex import bib_escape, sources_bib
from briefbook.render.data import csl_item

SOURCES_YML = """\
# Editor's comment: keep me.
- id: harbour
  file: harbour.txt
  url: "https://www.gazette.example.org/news/harbour-reopens/"
  author: []   # nobody known yet

- id: council
  file: council.txt
  title: 'Council approves the budget, at last!'
  date: 2020-01-05
  date_basis: stated

# A source nobody has described.
- id: ferry
  file: ferry.txt
"""
ARTICLES = {"harbour.txt": "The harbour reopened.\nBoats returned.\n",
            "council.txt": "The council met.\nIt approved the budget.\n",
            "ferry.txt": "The ferry timetable changes.\n"}

ZOTERO = [
    {"id": "http://zotero.org/users/1/items/AAA", "type": "article-newspaper",
     "title": "Harbour reopens after storm", "container-title": "The Coastal Gazette",
     "URL": "http://gazette.example.org/news/harbour-reopens?utm_source=feed",
     "author": [{"family": "Marsh", "given": "Jane"}, {"literal": "Gazette Staff"}],
     "issued": {"date-parts": [[2019, 3, 14]]}, "accessed": {"date-parts": [[2024, 5, 6]]},
     "language": "en-GB"},
    {"id": "http://zotero.org/users/1/items/BBB", "type": "article-newspaper",
     "title": "COUNCIL approves the budget at last", "container-title": "Westhaven Times",
     "issued": {"date-parts": [[2020, 1, 6]]}},
    {"id": "http://zotero.org/users/1/items/CCC", "type": "article-newspaper",
     "title": "A story that is not in the book", "URL": "https://elsewhere.example/x"},
]

BIBTEX = r"""
@article{marsh2019,
  author = {Marsh, Jane and {Gazette Staff}},
  title = {Harbour {R}eopens after Storm \& Flood},
  journal = {The Coastal Gazette},
  year = {2019}, month = mar, day = {14},
  url = {https://gazette.example.org/news/harbour-reopens},
  urldate = {2024-05-06},
  langid = {british},
}
@online{ferry,
  title = {Ferry timetable changes},
  date = {2021-07},
  journaltitle = {Caf\'e Quarterly},
  doi = {10.1000/FERRY.1},
}
@article{unknown2022, title = {Nothing to do with the book}, year = {2022}}
@article{broken, title = {unclosed
"""


def make_book(tmp_path: Path, sources_yml: str = SOURCES_YML) -> Path:
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (briefing / "sources" / name).write_text(text, "utf-8")
    (briefing / "sources.yml").write_text(sources_yml, "utf-8")
    return briefing


def test_zotero_csl_json_updates_matching_sources_and_lists_the_rest(tmp_path: Path):
    briefing = make_book(tmp_path)
    zotero = tmp_path / "My Library.json"
    zotero.write_text(json.dumps(ZOTERO), "utf-8")
    result = CliRunner().invoke(main, ["sources", "import", str(zotero),
                                       "--briefing", str(briefing)])
    assert result.exit_code == 0, result.output
    assert "updated harbour (from 'http://zotero.org/users/1/items/AAA')" in result.output
    assert "updated council" in result.output
    assert (f"UNMATCHED: {zotero}: item 3 ('http://zotero.org/users/1/items/CCC'): "
            "A story that is not in the book") in result.output
    assert "2 matched, 2 changed, 1 unmatched" in result.output
    # the article states its date: the reference list's other date is reported, not written
    assert "source 'council' states its date 2020-01-05; kept it, not 2020-01-06" in result.output
    text = (briefing / "sources.yml").read_text("utf-8")
    assert text.startswith("# Editor's comment: keep me.\n- id: harbour\n")
    assert "# A source nobody has described." in text and "# nobody known yet" in text
    assert "title: 'Council approves the budget, at last!'" in text  # title matched, kept
    book = load_book(briefing)
    assert [p for p in book.problems if p.level == "error"] == []
    harbour = book.source("harbour")
    assert (harbour.title, harbour.outlet, harbour.date, harbour.accessed, harbour.language) == (
        "Harbour reopens after storm", "The Coastal Gazette", "2019-03-14", "2024-05-06",
        "en-GB")
    assert harbour.author == ("Jane Marsh", "Gazette Staff")
    assert harbour.url == "http://gazette.example.org/news/harbour-reopens?utm_source=feed"
    assert harbour.date_basis == "inferred"
    assert "From the reference list My Library.json" in harbour.date_note
    council = book.source("council")
    assert (council.outlet, council.date, council.date_basis) == (
        "Westhaven Times", "2020-01-05", "stated")
    assert book.source("ferry").title is None


def test_bibtex_updates_matching_sources_and_lists_the_rest(tmp_path: Path):
    briefing = make_book(tmp_path)
    bib = tmp_path / "refs.bib"
    bib.write_text(BIBTEX, "utf-8")
    result = import_references(briefing, bib)
    assert sorted(result.matched.items()) == [("ferry", "ferry"), ("harbour", "marsh2019")]
    assert [r.key for r in result.unmatched] == ["unknown2022"]
    assert any("cannot parse this entry" in str(p) for p in result.problems)
    book = load_book(briefing)
    harbour = book.source("harbour")
    assert harbour.title == "Harbour Reopens after Storm & Flood"
    assert harbour.author == ("Jane Marsh", "Gazette Staff")
    assert (harbour.date, harbour.accessed, harbour.language) == (
        "2019-03-14", "2024-05-06", "en-GB")
    ferry = book.source("ferry")
    assert (ferry.title, ferry.outlet, ferry.date) == (
        "Ferry timetable changes", "Café Quarterly", "2021-07")
    assert ferry.url == "https://doi.org/10.1000/ferry.1"  # from the DOI


def test_dry_run_writes_nothing(tmp_path: Path):
    briefing = make_book(tmp_path)
    bib = tmp_path / "refs.bib"
    bib.write_text(BIBTEX, "utf-8")
    result = CliRunner().invoke(main, ["sources", "import", str(bib), "--briefing",
                                       str(briefing), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would update harbour" in result.output
    assert (briefing / "sources.yml").read_text("utf-8") == SOURCES_YML


FULL_YML = """\
- id: harbour
  file: harbour.txt
  outlet: "The Coastal Gazette"
  title: "Harbour reopens: 100% of berths {open} & #1 priority_now"
  date: 2019-03-14
  date_basis: stated
  url: "https://gazette.example.org/news/harbour-reopens?a=1&b=%7Bx%7D"
  author: ["Jane Marsh", "Jean de la Fontaine", "Gazette Staff"]
  accessed: 2024-05-06
  language: en-GB
- id: council
  file: council.txt
  outlet: "Westhaven Times"
  date: 2020-01
  date_basis: inferred
- id: ferry
  file: ferry.txt
  title: "Ferry: ~ late ^ again"
  language: fr
"""
ROUND_TRIP = ("title", "outlet", "date", "date_basis", "url", "author", "accessed", "language")


@pytest.mark.parametrize("kind", ["bib", "json"])
def test_round_trip_import_what_we_export(tmp_path: Path, kind: str):
    full = load_book(make_book(tmp_path / "full", FULL_YML))
    if kind == "bib":
        exported = sources_bib(full)["sources.bib"]
    else:
        exported = json.dumps([csl_item(s) for s in full.sources]).encode()
    bare_yml = "".join(f"- id: {s.id}\n  file: {s.file}\n" for s in full.sources)
    briefing = make_book(tmp_path / "bare", bare_yml)
    (tmp_path / f"export.{kind}").write_bytes(exported)
    result = import_references(briefing, tmp_path / f"export.{kind}")
    assert result.unmatched == [] and result.problems == []
    again = load_book(briefing)
    for source in full.sources:
        copy = again.source(source.id)
        assert {k: getattr(copy, k) for k in ROUND_TRIP} == \
            {k: getattr(source, k) for k in ROUND_TRIP}
    second = import_references(briefing, tmp_path / f"export.{kind}")
    assert second.changes == {}  # importing again changes nothing


def test_bibtex_escaping_and_matching_helpers():
    assert bib_escape("50% & $5 #1 a_b {x} ~ ^ \\") == (
        r"50\% \& \$5 \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}")
    refs, problems = bibtex_references(
        "@article{k, title = {" + bib_escape("50% & {x}") + "}}", "x.bib")
    assert problems == [] and refs[0].title == "50% & {x}"
    assert norm_url("https://www.Example.org/a/?utm_medium=x#top") == norm_url(
        "http://example.org/a")

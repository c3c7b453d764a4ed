"""Licence footers, contributor credits, press contacts and CMS byline bars are boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.read.book import load_book

BODY = "Ferry strike\n\nPORT ELLIS - Ferries stopped on Monday, the union said.\n\n" \
       "Talks resume next week.\n\n"


def _paragraphs(tmp_path: Path, tail: str) -> list[tuple[str, bool]]:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "ferry.txt").write_text(BODY + tail + "\n", "utf-8")
    return [(p.text, p.boilerplate) for p in load_book(tmp_path).sources[0].paragraphs]


@pytest.mark.parametrize("line", [
    "Republication or redistribution of Wirenet content, including by framing, is expressly "
    "prohibited without the prior written consent of Wirenet.",
    "Any reproduction of this report is strictly prohibited.",
    "All reproduction and representation rights reserved.",
    "Canal Press writer Ines Roy contributed to this report.",
    "Staff reporter Ola Berg in Tromso contributed reporting.",
    "Piet de Vries and Ama Owusu contributed to this story.",
    "Media contact: Ilka Sand, press@example.org, +44 20 7946 0000",
    "Press enquiries: Tom Ure, 0161 496 0000",
    "By Mara Quist | Staff Writer | Updated 9 March 2031, 14:02",
])
def test_a_closing_credit_or_notice_is_not_citable(tmp_path: Path, line: str) -> None:
    paragraphs = _paragraphs(tmp_path, line)
    assert paragraphs[-1] == (line, True), paragraphs
    assert not any(b for _, b in paragraphs[:-1])  # the article itself stays citable


def test_the_rest_of_a_copyright_paragraph_goes_with_it(tmp_path: Path) -> None:
    tail = ("© 2031 Wirenet. All rights reserved. Republication or redistribution of Wirenet "
            "content is expressly prohibited without the prior written consent of Wirenet.")
    assert all(b for t, b in _paragraphs(tmp_path, tail) if "Wirenet" in t)


@pytest.mark.parametrize("line", [
    "Reproduction of the mural without permission is prohibited, the museum said.",
    "Hunters said shooting rights reserved for the estate had been sold.",
    "Residents contributed to the repair fund, the council said.",
])
def test_prose_about_the_same_things_stays_article_text(tmp_path: Path, line: str) -> None:
    assert _paragraphs(tmp_path, line)[-1] == (line, False)


@pytest.mark.parametrize(("byline", "authors", "outlet"), [
    ("By Nadia Corvell, Marsk Evening Post", ["Nadia Corvell"], "Marsk Evening Post"),
    ("By Ola Berg and Piet de Vries, The Daily Courier", ["Ola Berg", "Piet de Vries"],
     "The Daily Courier"),
    ("By Jane Sun and Tom Roe", ["Jane Sun", "Tom Roe"], None),
])
def test_an_outlet_after_the_byline_names_is_the_outlet(tmp_path: Path, byline, authors, outlet):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "talks.txt").write_text(
        f"Talks resume\n\n{byline}\n\nTalks resumed on Monday, officials said.\n", "utf-8")
    meta = load_book(tmp_path).sources[0].text_meta
    assert [a.value for a in meta.authors] == authors
    assert (meta.outlet.value if meta.outlet else None) == outlet


@pytest.mark.parametrize(("byline", "outlet"), [
    ("By Ana Ruiz, Diario de Valdemora", "Diario de Valdemora"),
    ("By Ana Ruiz, Le Courrier de Brest", "Le Courrier de Brest"),
    ("By Ana Ruiz, Ouest Matin", "Ouest Matin"),
])
def test_an_outlet_in_another_language_is_the_outlet(tmp_path: Path, byline, outlet):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "talks.txt").write_text(
        f"Talks resume\n\n{byline}\n\nTalks resumed on Monday, officials said.\n", "utf-8")
    meta = load_book(tmp_path).sources[0].text_meta
    assert [a.value for a in meta.authors] == ["Ana Ruiz"] and meta.outlet.value == outlet


@pytest.mark.parametrize("bar", ["By Ines Roy · Staff Writer · Updated Nov. 3, 2031",
                                 "By Ines Roy • Metro desk • 3 November 2031",
                                 "By Ines Roy / Staff Writer / Updated May 12, 2031",
                                 "By Ines Roy ∙ Metro"])
def test_a_byline_bar_with_dots_or_bullets_is_boilerplate(tmp_path: Path, bar: str) -> None:
    assert (bar, True) in _paragraphs(tmp_path, bar)


@pytest.mark.parametrize("mark", ["Copyright", "© Copyright", "Copyright ©", "(c)"])
def test_all_rights_reserved_is_no_part_of_the_outlet(tmp_path: Path, mark: str) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "t.txt").write_text(
        "Talks\n\nTalks resumed, officials said.\n\n"
        f"{mark} 2031 Saltmere Tidings. All Rights Reserved.\n", "utf-8")
    source = load_book(tmp_path).sources[0]
    assert source.text_meta.outlet.value == "Saltmere Tidings"
    assert [p.boilerplate for p in source.paragraphs] == [False, False, True]


def test_a_byline_before_a_dateline_leaves_the_story_citable(tmp_path: Path) -> None:
    paragraphs = _paragraphs(tmp_path, "By Ines Roy. PORT ELLIS, Veland \u2014 Ferries resumed "
                                       "on Friday.")
    assert ("PORT ELLIS, Veland \u2014 Ferries resumed on Friday.", False) in paragraphs

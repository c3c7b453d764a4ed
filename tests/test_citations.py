"""Citation syntax, resolution, rendering and the quotation check, on books the tests write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from briefbook.core.citekeys import find_citations, parse_locator
from briefbook.read.book import load_book
from briefbook.render.citations import read_page
from briefbook.render.mdext import render_page
from briefbook.render.quotecheck import check_quotes, last_sentence_quotes


@pytest.fixture
def book(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "daily-2020.txt").write_text(
        "The mayor opened the bridge on Friday.\n"
        "\u201cThis bridge joins two towns that were never apart,\u201d the mayor said.\n"
        "Traffic was light. Officials expect more cars next year.\n"
        "Sign up for our newsletter\n", "utf-8")
    (tmp_path / "sources" / "weekly-2020.txt").write_text(
        "A bridge opened.\nCritics called it \u201ca bridge to nowhere.\u201d\n", "utf-8")
    return load_book(tmp_path)


@pytest.mark.parametrize(("locator", "expected"), [
    ("¶ 7", (7,)), ("¶¶ 7-9", (7, 8, 9)), ("¶¶ 7–9", (7, 8, 9)), ("para. 7", (7,)),
    ("paras. 2, 5", (2, 5)), ("paragraph 3", (3,)), ("¶¶ 2 and 4", (2, 4)),
    ("p. 7", None), ("¶ seven", None),
])
def test_locators(locator, expected):
    assert parse_locator(locator) == expected


def test_every_documented_form_is_found():
    md = ("A [@a, ¶ 7]. B [@a, ¶¶ 7-9]. C [@a, para. 7]. D [@a, ¶ 2; @b, ¶ 5]. E [@a].\n")
    citations, errors = find_citations(md)
    assert errors == []
    items = [(i.source, i.paragraphs) for c in citations for i in c.items]
    assert items == [("a", (7,)), ("a", (7, 8, 9)), ("a", (7,)), ("a", (2,)), ("b", (5,)),
                     ("a", ())]


def test_code_spans_code_blocks_links_and_emails_are_left_alone():
    md = ("Inline `[@a, ¶ 1]` code.\n\n```\n[@b, ¶ 2]\n```\n\n~~~~md\n[@c]\n~~~~\n\n"
          "A [link](http://x) and [text][ref] and mail [me@example.org].\n"
          "<!-- [@d, ¶ 1] -->\nReal [@e, ¶ 3].\n")
    citations, errors = find_citations(md)
    assert [i.source for c in citations for i in c.items] == ["e"]
    assert citations[0].line == 13
    assert errors == []


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
                                  "\u2212", "\uff0d", " - ", " to "])
def test_a_range_with_any_dash_or_to_is_the_whole_range(dash):
    citations, errors = find_citations(f"Ferries stopped [@port-news, ¶¶ 3{dash}5].\n")
    assert errors == []
    [item] = citations[0].items
    assert item.paragraphs == (3, 4, 5) and item.suffix == ""


@pytest.mark.parametrize("locator", ["¶ 3a", "¶ 3.5", "¶ 2-", "¶¶ 2\u2011", "¶ 4 to",
                                     "para. 6and", "¶ 2 and"])
def test_a_number_running_on_into_text_is_an_unreadable_locator(locator):
    # never a paragraph with the rest taken for a suffix
    citations, errors = find_citations(f"Tolls rose [@toll-report, {locator}].\n")
    assert citations == []
    [(line, message, hint)] = errors
    assert line == 1 and "cannot read the locator" in message and "¶¶ 7-9" in hint


def test_a_backwards_range_says_so():
    _, [(_, message, hint)] = find_citations("Tolls rose [@toll-report, ¶¶ 9–4].\n")
    assert "runs backwards" in message and "¶¶ 4-9" in hint


def test_a_suffix_after_a_space_or_comma_stays_a_suffix():
    citations, errors = find_citations("A [@a, ¶ 3 and passim]. B [@a, ¶ 3, which disagrees].\n")
    assert errors == []
    assert [i.suffix for c in citations for i in c.items] == ["and passim", "which disagrees"]


def test_unreadable_locator_is_reported_with_a_hint():
    _, errors = find_citations("See [@a, p. 7].\n")
    line, message, hint = errors[0]
    assert line == 1 and "p. 7" in message and "¶ 7" in hint


def test_render_numbers_notes_links_anchors_and_lists_sources(book):
    md = ("# Page\n\nThe bridge opened [@daily-2020, ¶ 1; @weekly-2020, ¶ 1].\n\n"
          "More [@daily-2020].\n")
    html, problems, reading = render_page(md, book, page="p.md", extensions=["toc"])
    assert problems == []
    assert '<a class="bb-cite-link" href="../sources/daily-2020/#daily-2020-p1" ' \
        'id="bb-cite-1"' in html
    assert 'id="bb-cite-2"' in html and 'id="bb-cite-3"' in html
    tip = "Unknown outlet, undated · ¶ 1: The mayor opened the bridge on Friday."
    assert f'title="{tip}"' in html
    link = LexborHTMLParser(html).css_first("a.bb-cite-link")
    assert link.attributes["title"] == tip  # the plain text, decoded by any HTML parser
    assert '<h2 id="sources">Sources</h2>' in html
    assert html.count('<li id="bb-note-') == 3
    assert [r["note"] for r in reading.records] == [1, 2, 3]
    assert all(r["resolved"] for r in reading.records)


def test_unknown_source_has_page_line_and_did_you_mean(book):
    out = read_page("x\n\nSee [@daily-202, ¶ 1].\n", book, path="docs/p.md")
    (problem,) = out.problems
    assert problem.file == "docs/p.md" and problem.line == 3
    assert "unknown source '@daily-202'" in problem.message
    assert problem.hint == "did you mean 'daily-2020'?"
    assert out.records[0]["resolved"] is False


def test_paragraph_out_of_range_and_boilerplate_are_reported(book):
    out = read_page("[@daily-2020, ¶ 9] and [@daily-2020, ¶ 4]\n", book, path="p.md")
    messages = [p.message for p in out.problems]
    assert "has no paragraph 9 (it has 4)" in messages[0]
    assert "boilerplate" in messages[1]


def test_quotation_must_be_verbatim_in_a_cited_paragraph(book):
    good = ("The mayor said the bridge \u201cjoins two towns that were never apart\u201d "
            "[@daily-2020, ¶ 2].\n")
    bad = ("The mayor said the bridge \u201cjoins two cities that were never apart\u201d "
           "[@daily-2020, ¶ 2].\n")
    for md, expected in ((good, 0), (bad, 1)):
        citations, _ = find_citations(md)
        assert len(check_quotes(md, citations, book, page="p.md")) == expected
    citations, _ = find_citations(bad)
    (problem,) = check_quotes(bad, citations, book, page="p.md")
    assert problem.line == 1
    assert "joins two cities" in problem.message
    assert "joins two towns that were never apart" in problem.hint


def test_quotation_check_folds_quotes_and_accepts_ellipses(book):
    md = 'Critics said it was "a bridge ... nowhere" [@weekly-2020, ¶ 2].\n'
    citations, _ = find_citations(md)
    assert check_quotes(md, citations, book, page="p.md") == []


def test_quotation_in_an_earlier_uncited_sentence_is_not_checked():
    scope = 'He said "something else." Then the bridge "joins two towns"'
    assert last_sentence_quotes(scope) == ["joins two towns"]


def test_html_attributes_are_not_quotations():
    scope = '<span class="bb-x" title="not a quote">He said</span> it "joins two towns"'
    assert last_sentence_quotes(scope) == ["joins two towns"]


def test_quotes_in_an_earlier_html_block_are_not_checked(book):
    md = ('<p>Where: "somewhere else entirely"</p><p>The bridge '
          "\u201cjoins two towns\u201d [@daily-2020, ¶ 2]</p>\n")
    citations, _ = find_citations(md)
    assert check_quotes(md, citations, book, page="p.md") == []


def test_an_item_cited_again_shares_its_note_with_one_back_link_per_citation(book):
    md = ("# Page\n\nOpened [@daily-2020, ¶ 1]. Again [@daily-2020, ¶ 1]. Other "
          "[@weekly-2020, ¶ 1]. Prefixed [see @daily-2020, ¶ 1]. Third "
          "[@daily-2020, ¶ 1].\n")
    html, problems, reading = render_page(md, book, page="p.md", extensions=["toc"])
    assert problems == []
    tree = LexborHTMLParser(html)
    markers = [(a.attributes["id"], a.text()) for a in tree.css("a.bb-cite-link")]
    # a prefixed citation is another note: its note reads differently
    assert markers == [("bb-cite-1", "1"), ("bb-cite-1-2", "1"), ("bb-cite-2", "2"),
                       ("bb-cite-3", "3"), ("bb-cite-1-3", "1")]
    assert len({i for i, _ in markers}) == len(markers)  # ids stay unique
    notes = tree.css("ol.bb-notes > li")
    assert [li.attributes["id"] for li in notes] == ["bb-note-1", "bb-note-2", "bb-note-3"]
    backs = [a.attributes["href"] for a in notes[0].css("a.bb-note-back")]
    assert backs == ["#bb-cite-1", "#bb-cite-1-2", "#bb-cite-1-3"]
    assert [a.text() for a in notes[0].css("a.bb-note-back")] == ["\u21a9", "\u21a9\u00b2",
                                                                   "\u21a9\u00b3"]
    assert [r["note"] for r in reading.records] == [1, 1, 2, 3, 1]
    assert reading.uses == {1: 3, 2: 1, 3: 1}


@pytest.mark.parametrize("joiner", [" To ", " TO ", " through ", " Thru "])
def test_to_or_through_in_any_case_is_a_range(joiner):
    citations, errors = find_citations(f"Tolls rose [@toll-report, ¶¶ 3{joiner}5].\n")
    assert errors == [] and citations[0].items[0].paragraphs == (3, 4, 5)


@given(st.text(alphabet=st.sampled_from(list("0123456789 -–—‑−,;&.ToTOandthrough¶ab")),
               max_size=16))
def test_no_locator_text_makes_the_reader_raise(rest):
    find_citations(f"Text [@toll-report, ¶ {rest}] and [@toll-report, ¶¶ 2{rest}].\n")


@pytest.mark.parametrize("locator", ["¶ 18446744073709551616", "paras. 2 to 99999999999",
                                     "¶ \u0663", "¶ \uff14"])
def test_a_paragraph_no_article_has_or_foreign_digits_are_unreadable(locator):
    citations, errors = find_citations(f"Tolls rose [@toll-report, {locator}].\n")
    assert citations == [] and "cannot read the locator" in errors[0][1]

"""Quotations in every script: found in a page's text and checked against the cited paragraphs.

The articles are written here, in German, French, Swedish, Japanese and English, with nested,
mixed and continued quotations; a misquotation in each is a warning with page and line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.core.citekeys import find_citations
from briefbook.core.quotemarks import quote_spans
from briefbook.read.book import load_book
from briefbook.render.quotecheck import check_quotes, page_quotes

ARTICLES = {
    "hafen-zeitung.txt": (
        "„Wir werden den Hafen nicht schließen“, sagte die Hafenmeisterin am Dienstag.\n\n"
        "Sie nannte die Pläne der Reederei „kurzsichtig und ‚völlig unverantwortlich‘“.\n"),
    "port-journal.txt": (
        "« Nous rouvrirons le port dans quinze jours », a déclaré la capitaine.\n\n"
        "Elle a qualifié la grève de « sans précédent ».\n"),
    "hamn-posten.txt": "”Vi öppnar hamnen igen”, sade hamnkaptenen.\n",
    "minato-shimbun.txt": "港長は「港は二週間で再開する」と述べた。\n",
    "harbour-gazette.txt": (
        "“We will not allow the quays to be ‘off limits,’ not for a single day,” said the "
        "harbour master.\n\n"
        "She said the repairs were “well under way.\n\n"
        "“The first ships will dock next week,” she added.\n\n"
        "Critics said the port had been “badly run for years.”\n\n"
        "The union called the plan “a betrayal of the dockers”.\n"),
}


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("book")
    (root / "sources").mkdir()
    for name, text in ARTICLES.items():
        (root / "sources" / name).write_text(text, "utf-8")
    return load_book(root)


def _check(markdown: str, book) -> list:
    citations, errors = find_citations(markdown)
    assert errors == []
    return check_quotes(markdown, citations, book, page="docs/p.md")


@pytest.mark.parametrize(("text", "quotes"), [
    ("„Wir werden nicht schließen“, sagte sie.", ["Wir werden nicht schließen"]),
    ("Sie sagte: »Wir bleiben.« Dann ging sie.", ["Wir bleiben."]),
    ("« Nous rouvrirons le port », a-t-elle dit.", [" Nous rouvrirons le port "]),
    ("”Vi öppnar hamnen”, sade hon.", ["Vi öppnar hamnen"]),
    ("港長は「港は再開する」と述べた。", ["港は再開する"]),
    ("He said “it was ‘off limits,’ they said” twice.", ["it was ‘off limits,’ they said"]),
    ("Mixed “open and straight\" marks.", ["open and straight"]),
    ("Mixed \"straight and curly” marks.", ["straight and curly"]),
    ("Biden’s ‘so-called’ deal and the ’90s.", ["so-called"]),
    ("She said: “we continue", ["we continue"]),
])
def test_quotations_are_found_in_every_script(text, quotes):
    assert [text[s.start:s.end] for s in quote_spans(text)] == quotes


def test_a_nested_quotation_stays_inside_the_outer_one():
    text = "“We will not allow the quays to be ‘off limits,’ not for a day,” she said."
    spans = quote_spans(text, nested=True)
    assert [(text[s.start:s.end], s.depth) for s in spans] == [
        ("We will not allow the quays to be ‘off limits,’ not for a day,", 0),
        ("off limits,", 1)]


@pytest.mark.parametrize(("good", "bad"), [
    ("Die Hafenmeisterin sagte: „Wir werden den Hafen nicht schließen“ [@hafen-zeitung, ¶ 1].",
     "Die Hafenmeisterin sagte: „Wir werden den Hafen sofort schließen“ [@hafen-zeitung, ¶ 1]."),
    ("Sie sprach von „kurzsichtig und ‚völlig unverantwortlich‘“ [@hafen-zeitung, ¶ 2].",
     "Sie sprach von „kurzsichtig und ‚ganz unverantwortlich‘“ [@hafen-zeitung, ¶ 2]."),
    ("La capitaine : « Nous rouvrirons le port dans quinze jours » [@port-journal, ¶ 1].",
     "La capitaine : « Nous rouvrirons le port dans huit jours » [@port-journal, ¶ 1]."),
    ("Hon sade ”Vi öppnar hamnen igen” [@hamn-posten, ¶ 1].",
     "Hon sade ”Vi stänger hamnen igen” [@hamn-posten, ¶ 1]."),
    ("港長は「港は二週間で再開する」と述べた [@minato-shimbun, ¶ 1]。",
     "港長は「港は三週間で再開する」と述べた [@minato-shimbun, ¶ 1]。"),
    ("She promised the quays would not be “‘off limits,’ not for a single day” "
     "[@harbour-gazette, ¶ 1].",
     "She promised the quays would not be “‘out of bounds,’ not for a single day” "
     "[@harbour-gazette, ¶ 1]."),
    ("Critics said it was “badly run for years\" [@harbour-gazette, ¶ 4].",
     "Critics said it was “badly run for decades\" [@harbour-gazette, ¶ 4]."),
])
def test_verbatim_passes_and_a_misquotation_fails_with_page_and_line(book, good, bad):
    assert _check("# Page\n\n" + good + "\n", book) == []
    (problem,) = _check("# Page\n\n" + bad + "\n", book)
    assert (problem.file, problem.line) == ("docs/p.md", 3)
    assert "is not verbatim" in problem.message


def test_a_quotation_continued_over_paragraphs_is_checked_whole(book):
    good = ("She said the repairs were “well under way.\n\n"
            "“The first ships will dock next week,” she added [@harbour-gazette, ¶¶ 2-3].\n")
    citations, _ = find_citations(good)
    assert page_quotes(good, citations) == [["well under way.",
                                             "The first ships will dock next week,"]]
    assert _check(good, book) == []
    bad = good.replace("well under way", "nearly finished")
    (problem,) = _check(bad, book)
    assert problem.line == 3 and "nearly finished" in problem.message


def test_a_range_citation_is_checked_against_the_paragraphs_joined(book):
    md = ("The harbour master said it “not for a single day,” said the harbour master. She "
          "said the repairs were “well under way” [@harbour-gazette, ¶¶ 1-2].\n")
    assert _check(md, book) == []
    joined = ("Her words ran on: “said the harbour master. She said the repairs were” "
              "[@harbour-gazette, ¶¶ 1-2].\n")
    assert _check(joined, book) == []
    apart = joined.replace("¶¶ 1-2", "¶¶ 1, 3")
    assert len(_check(apart, book)) == 1


def test_words_verbatim_in_another_paragraph_are_pointed_to(book):
    md = "The union spoke of “a betrayal of the dockers” [@harbour-gazette, ¶ 4].\n"
    (problem,) = _check(md, book)
    assert problem.hint == "found verbatim in ¶ 5"


def test_the_closest_cited_text_is_shown_whole(book):
    md = "Critics said the port had been “badly managed for years” [@harbour-gazette, ¶ 4].\n"
    (problem,) = _check(md, book)
    assert problem.hint == "the closest cited text is \u201cbadly run for years\u201d"


@pytest.mark.parametrize("title", [
    '!!! note "Bottom line"\n    The master said it would be “well under way” '
    '[@harbour-gazette, ¶ 2].\n',
    '??? warning "The “plan”"\n    The master said it would be “well under way” '
    '[@harbour-gazette, ¶ 2].\n',
    '=== "Tab “one”"\n\n    The master said it would be “well under way” '
    '[@harbour-gazette, ¶ 2].\n',
    '![Quays](quays.png "The “closed” quays")\nThe master said it would be “well under way” '
    '[@harbour-gazette, ¶ 2].\n',
    'The master said it would be “well under way” [@harbour-gazette, ¶ 2]{ title="a “x”" }.\n',
])
def test_admonition_tab_and_figure_titles_are_not_quotations(book, title):
    citations, _ = find_citations(title)
    assert page_quotes(title, citations) == [["well under way"]]
    assert _check(title, book) == []


def test_page_side_finding_of_german_french_and_nested_quotations():
    md = ("Sie sagte „Wir bleiben“ [@a, ¶ 1]. Elle a dit « Nous partons » [@a, ¶ 2]. "
          "He called it “‘off limits,’ for now” [@a, ¶ 3].\n")
    citations, _ = find_citations(md)
    assert page_quotes(md, citations) == [["Wir bleiben"], [" Nous partons "],
                                          ["‘off limits,’ for now"]]


def test_quotes_in_code_and_html_attributes_are_not_quotations(book):
    md = ('The master said `"closed"` and <span title="“shut”">it</span> was '
          "“well under way” [@harbour-gazette, ¶ 2].\n")
    citations, _ = find_citations(md)
    assert page_quotes(md, citations) == [["well under way"]]


def test_a_book_page_with_quotations_builds(tmp_path: Path) -> None:
    """The whole path: a German misquotation fails a strict MkDocs build with page and line."""
    from bookkit import mkdocs_build, write_book

    page = ("# Hafen\n\nDie Hafenmeisterin: „Wir werden den Hafen nicht schließen“ "
            "[@hafen-zeitung, ¶ 1].\n")
    root = write_book(tmp_path / "book", {"hafen-zeitung.txt": ARTICLES["hafen-zeitung.txt"]},
                      docs={"hafen.md": page})
    assert mkdocs_build(root).returncode == 0
    (root / "docs" / "hafen.md").write_text(page.replace("nicht", "sofort"), "utf-8")
    bad = mkdocs_build(root)
    assert bad.returncode != 0
    assert "docs/hafen.md:3: quotation “Wir werden den Hafen sofort schließen” is not " \
           "verbatim" in bad.stderr

"""Every layout a writer uses for a citation renders as a note; nothing is left unread.

Each test writes a small page the way a writer would (hard-wrapped, in a list, a table, a
heading, an admonition, before a footnote reference, at the start of a line) and asserts the
rendered note (a link to the cited paragraph's anchor) and the absence of raw citation text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown.extensions.toc import TocExtension

from briefbook.core.citekeys import find_citations
from briefbook.read.book import load_book
from briefbook.render.mdext import render_page

EXTENSIONS = ["admonition", "attr_list", "footnotes", "md_in_html", "tables", "def_list",
              TocExtension(permalink=False)]

HARBOUR = """\
The harbour master said on Tuesday that the port would reopen within a fortnight.

"We will not allow the quays to be 'off limits,' not for a single day," said Mara Lindqvist.

Four cranes were damaged in the storm of 12 March.

Repairs will cost 1,200 euros per metre of quay, officials said.

"Repairs have started," Lindqvist said.
"""
SHIPPING = """\
Shipping lines were told to divert to the northern terminal.

One line, Nordvik, said it would wait for the harbour to reopen.
"""


@pytest.fixture
def book(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "harbour-gazette.txt").write_text(HARBOUR, "utf-8")
    (tmp_path / "sources" / "shipping-news.txt").write_text(SHIPPING, "utf-8")
    return load_book(tmp_path)


def _render(markdown: str, book, **options):
    html, problems, _ = render_page(markdown, book, page="notes/page.md",
                                    extensions=EXTENSIONS, **options)
    return html, problems


def _anchors(html: str) -> list[str]:
    return re.findall(r'class="bb-cite-link" href="([^"]+)"', html)


def _assert_clean(html: str) -> None:
    text = re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", html, flags=re.S)
    text = re.sub(r'title="[^"]*"', "", text)
    assert "[@" not in text, text
    assert "\ue000" not in html


def test_a_citation_hard_wrapped_over_lines(book):
    md = ("The port would reopen soon [@harbour-gazette,\n¶ 1], and shipping was diverted\n"
          "[@harbour-gazette, ¶ 1;\n@shipping-news, ¶ 1].\n")
    html, problems = _render(md, book)
    assert problems == []
    assert _anchors(html) == ["../../sources/harbour-gazette/#harbour-gazette-p1",
                              "../../sources/harbour-gazette/#harbour-gazette-p1",
                              "../../sources/shipping-news/#shipping-news-p1"]
    _assert_clean(html)


def test_a_citation_followed_by_a_footnote_reference(book):
    md = ("Four cranes were damaged [@harbour-gazette, ¶ 3][^1].\n\n"
          "[^1]: The storm is described in the same article.\n")
    html, problems = _render(md, book)
    assert problems == []
    assert _anchors(html) == ["../../sources/harbour-gazette/#harbour-gazette-p3"]
    assert 'class="footnote-ref"' in html
    _assert_clean(html)


def test_a_citation_at_the_start_of_a_line_followed_by_a_colon(book):
    md = ("The harbour master put it plainly.\n"
          "[@harbour-gazette, ¶ 2]: \"not for a single day\".\n\n"
          "[ref]: https://example.org/\n")
    html, problems = _render(md, book)
    assert problems == []
    assert _anchors(html) == ["../../sources/harbour-gazette/#harbour-gazette-p2"]
    _assert_clean(html)
    bad = md.replace("not for a single day", "not for a single week")
    _, problems = _render(bad, book)
    assert [(p.file, p.line) for p in problems] == [("notes/page.md", 2)]
    assert "not for a single week" in problems[0].message


def test_prefix_and_suffix_are_rendered_with_the_note(book):
    md = ("The port reopens [see, e.g., @harbour-gazette, ¶ 1; but compare @shipping-news, "
          "¶ 2, which speaks of waiting].\n")
    html, problems = _render(md, book)
    assert problems == []
    assert '<span class="bb-note-prefix">see, e.g.,</span> <a href="../../sources/' \
           'harbour-gazette/#harbour-gazette-p1">harbour-gazette, ¶ 1</a>' in html
    assert '<span class="bb-note-prefix">but compare</span>' in html
    assert '</a>, <span class="bb-note-suffix">which speaks of waiting</span>' in html
    _assert_clean(html)


def test_an_admonition_title_is_not_a_quotation(book):
    md = ('!!! note "Bottom line"\n    The master said the port "would reopen within a '
          'fortnight" [@harbour-gazette, ¶ 1].\n\n'
          '??? tip "Not a \u201cquote\u201d either"\n    Four cranes [@harbour-gazette, ¶ 3].\n')
    html, problems = _render(md, book)
    assert problems == []
    assert len(_anchors(html)) == 2
    _assert_clean(html)


def test_a_citation_in_a_heading_keeps_the_id_and_toc_entry_clean(book):
    md = ("# Page\n\n## Cranes damaged [@harbour-gazette, ¶ 3]\n\nText.\n\n"
          "See [the cranes](#cranes-damaged).\n")
    html, problems, reading = render_page(md, book, page="page.md", extensions=EXTENSIONS)
    assert problems == []
    assert '<h2 id="cranes-damaged">Cranes damaged <sup class="bb-cite"><a class="bb-cite-link"' \
        in html
    assert ">1</a></sup></h2>" in html
    import markdown  # the toc tokens come from the same conversion

    md_instance = markdown.Markdown(extensions=[*EXTENSIONS])
    md_instance.convert("## Cranes damaged\n")
    assert md_instance.toc_tokens[0]["id"] == "cranes-damaged"  # type: ignore[attr-defined]


def test_toc_entry_of_a_heading_with_a_citation_has_no_note_number(book):
    import markdown

    from briefbook.render.citestep import CitationStep
    from briefbook.render.mdext import CitationExtension

    ext = CitationExtension(step=CitationStep(book), page="page.md")
    md = markdown.Markdown(extensions=[*EXTENSIONS, ext])
    md.convert("## Strikes on depots [@harbour-gazette, ¶ 3]\n\n## Strikes on depots\n")
    tokens = md.toc_tokens  # type: ignore[attr-defined]
    assert [(t["id"], t["name"]) for t in tokens] == [
        ("strikes-on-depots", "Strikes on depots"), ("strikes-on-depots_1", "Strikes on depots"),
        ("sources", "Sources")]


@pytest.mark.parametrize("md", [
    "| When | What |\n|---|---|\n| 12 March | four cranes [@harbour-gazette, ¶ 3] |\n",
    "> Four cranes were damaged\n> [@harbour-gazette,\n> ¶ 3].\n",
    "- First item.\n- Four cranes were damaged in the storm\n  [@harbour-gazette, ¶ 3].\n",
    "Term\n:   Four cranes [@harbour-gazette, ¶ 3].\n",
    '<div markdown="1">\nFour cranes [@harbour-gazette, ¶ 3].\n</div>\n',
    "<p>Four cranes were damaged [@harbour-gazette, ¶ 3].</p>\n",
    "Four cranes were damaged{ .lead } [@harbour-gazette, ¶ 3].\n",
])
def test_citations_in_tables_quotes_lists_definitions_and_html(book, md):
    html, problems = _render(md, book)
    assert problems == []
    assert _anchors(html) == ["../../sources/harbour-gazette/#harbour-gazette-p3"]
    _assert_clean(html)


def test_code_is_left_alone(book):
    md = ("Inline `[@harbour-gazette, ¶ 1]` code.\n\n```\n[@harbour-gazette, ¶ 2]\n```\n\n"
          "    [@harbour-gazette, ¶ 3]\n\n- item\n\n        [@shipping-news, ¶ 1]\n\n"
          "Real [@shipping-news, ¶ 2].\n")
    html, problems = _render(md, book)
    assert problems == []
    assert _anchors(html) == ["../../sources/shipping-news/#shipping-news-p2"]
    assert html.count("[@harbour-gazette") == 3 and html.count("[@shipping-news, ¶ 1]") == 1


@pytest.mark.parametrize(("md", "line", "seen"), [
    ("Intro.\n\nThe port reopens [@harbour-gazette, ¶ 1\n", 3, "[@harbour-gazette, ¶ 1"),
    ("Intro.\n\nSee [the report [@harbour-gazette, ¶ 1]](https://example.org/).\n", 3,
     "[@harbour-gazette, ¶ 1]"),
    ("Intro.\n\nTwo notes [@harbour-gazette, ¶ 1][@shipping-news, ¶ 1].\n", 3,
     "[@harbour-gazette, ¶ 1]"),
])
def test_text_still_looking_like_a_citation_is_a_warning_with_page_and_line(book, md, line,
                                                                             seen):
    html, problems = _render(md, book)
    unread = [p for p in problems if "not read as a citation" in p.message]
    assert unread, problems
    assert (unread[0].file, unread[0].line) == ("notes/page.md", line)
    assert seen in unread[0].message


def test_an_escaped_bracket_is_deliberately_not_a_citation(book):
    html, problems = _render("Write \\[@harbour-gazette, ¶ 1] to cite.\n", book)
    assert problems == []
    assert "[@harbour-gazette, ¶ 1]" in html


@pytest.mark.parametrize(("locator", "says"), [
    ("p. 7", "page locator"), ("pp. 2-3", "page locator"), ("7", "read as a page"),
    ("chap. 3", "not a paragraph"), ("¶ seven", "cannot read the locator"),
    ("¶¶ 5-2", "runs backwards"), ("¶ 5b", "cannot read the locator"),
])
def test_locators_that_are_not_paragraphs_are_refused_with_a_hint(locator, says):
    citations, errors = find_citations(f"Text [@harbour-gazette, {locator}].\n")
    assert citations == []
    (line, message, hint) = errors[0]
    assert line == 1 and says in message and ("¶ 7" in hint or "'¶¶ 2-5'" in hint)


def test_pandoc_forms_parse(book):
    citations, errors = find_citations(
        "[@harbour-gazette, para. 2] [@harbour-gazette, paras. 3-4] "
        "[@harbour-gazette, ¶¶ 1, 3-4] [@{harbour-gazette}, ¶ 1] "
        "[-@harbour-gazette] [@harbour-gazette, ¶ 2, emphasis added]\n")
    assert errors == []
    items = [i for c in citations for i in c.items]
    assert [i.paragraphs for i in items] == [(2,), (3, 4), (1, 3, 4), (1,), (), (2,)]
    assert items[-1].suffix == "emphasis added"


def test_an_unresolved_citation_in_raw_html_is_reported_once(book):
    html, problems = _render("<p>Gone [@harbour-gazete, ¶ 1].</p>\n", book)
    assert [p.message.split(" in citation")[0] for p in problems] == [
        "unknown source '@harbour-gazete'"]
    assert 'class="bb-cite-broken"' in html


@pytest.mark.parametrize(("md", "line"), [
    ("Intro.\n\nShe said it was \"not for a single week\" [@harbour-gazette,\n¶ 2].\n", 3),
    ("Intro.\n\nShe said it was \"not for a single week\" [@harbour-gazette, ¶ 2][^1].\n\n"
     "[^1]: A note.\n", 3),
    ('Intro.\n\n!!! note "Bottom line"\n    She said \"not for a single week\" '
     "[@harbour-gazette, ¶ 2].\n", 4),
    ("Intro.\n\n- She said it was \"not for a single week\"\n  [@harbour-gazette, ¶ 2].\n", 4),
    ("Intro.\n\n| Who | What |\n|---|---|\n| She | \"not for a single week\" "
     "[@harbour-gazette, ¶ 2] |\n", 5),
    ("Intro.\n\n> She said it was \"not for a single week\"\n> [@harbour-gazette, ¶ 2].\n", 4),
])
def test_a_misquotation_in_each_layout_is_a_warning_with_page_and_line(book, md, line):
    html, problems = _render(md, book)
    assert [(p.file, p.line) for p in problems] == [("notes/page.md", line)]
    assert "“not for a single week” is not verbatim" in problems[0].message
    assert "not for a single day" in problems[0].hint
    _assert_clean(html)


@pytest.mark.parametrize(("md", "line", "context"), [
    ('Tides [link](https://example.org "[@harbour-gazette, ¶ 2]") rose.\n', 1, "link's title"),
    ("Before.\n\n![cranes [@harbour-gazette, ¶ 3]](https://example.org/c.png)\n", 3,
     "image's alt text"),
    ('Cranes were hit.\n{: title="[@harbour-gazette, ¶ 3]" }\n', 2, "attribute list"),
    ("*[NT]: Northern terminal [@shipping-news, ¶ 1]\n\nShips used the NT.\n", 1,
     "abbreviation's definition"),
    ('See [the notice][n].\n\n[n]: https://example.org "[@shipping-news, ¶ 1]"\n', 3,
     "link reference definition's title"),
    ("![cranes [@harbour-gazette, ¶ 3]][pic]\n\n[pic]: https://example.org/c.png\n", 1,
     "image's alt text"),
    ("See <https://example.org/[@harbour-gazette, ¶ 3]> now.\n", 1, "autolink's address"),
    ("![cranes [@harbour-gazette, ¶ 3] in the storm](https://example.org/c.png)\n", 1,
     "image's alt text"),
    ("![[@harbour-gazette, ¶ 3] cranes][pic]\n\n[pic]: https://example.org/c.png\n", 1,
     "image's alt text"),
])
def test_a_citation_where_markdown_keeps_text_as_an_attribute_is_an_error(book, md, line,
                                                                           context):
    # never a note without its marker (a back-link to nothing), never a silent raw bracket
    html, problems, _ = render_page(md, book, page="notes/page.md",
                                    extensions=[*EXTENSIONS, "abbr"])
    [problem] = problems
    assert problem.line == line and context in problem.message, problems
    assert "not rendered" in problem.message and "move it" in (problem.hint or "")
    assert 'id="bb-note-' not in html


@pytest.mark.parametrize(("md", "says"), [
    ("As @harbour-gazette [¶ 3] reports, cranes broke.\n", "in-text citation"),
    ("The port, @shipping-news [paras. 1-2] says, is closed.\n", "in-text citation"),
    ("As @shipping-news says, ships were diverted.\n", "names a source"),
    ("Pandoc @{harbour-gazette} [¶ 4] says so.\n", "in-text citation"),
    ("Also -@harbour-gazette [¶ 5] says so.\n", "in-text citation"),
])
def test_pandoc_in_text_citations_are_errors_not_raw_text(book, md, says):
    html, problems = _render(md, book)
    [problem] = problems
    assert problem.line == 1 and says in problem.message
    assert "[@" in (problem.hint or "")


def test_an_address_a_handle_and_code_with_at_signs_are_left_alone(book):
    md = ("Write to desk@shipping-news.org, follow @PortAuthority, see "
          "https://example.org/@harbour-gazette and `@harbour-gazette [¶ 1]`.\n")
    html, problems = _render(md, book)
    assert problems == []


def test_a_range_shows_every_cited_paragraph_in_its_tooltip(book):
    html, problems = _render("Cranes broke [@harbour-gazette, ¶¶ 2-4].\n", book)
    assert problems == []
    [title] = re.findall(r'class="bb-cite-link" href="[^"]+" id="bb-cite-1" title="([^"]+)"', html)
    assert "¶¶ 2–4" in title
    assert "¶ 2 " in title and "¶ 3 Four cranes" in title and "¶ 4 Repairs" in title
    assert "(the first of ¶¶ 2–4)" in html


def test_a_paragraph_anchor_written_as_a_key_gets_the_citation_to_write(book):
    html, [problem] = _render("Cranes broke [@harbour-gazette-p3].\n", book)
    assert "anchor, not a source id" in problem.message
    assert problem.hint == "write '[@harbour-gazette, ¶ 3]'"

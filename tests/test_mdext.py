"""The citation step as a Python-Markdown extension renders a page as the MkDocs plugin does.

A builder that runs no MkDocs plugin (Zensical, plain Python-Markdown) gets the same notes,
tooltips, note list and heading ids from the extension and a loaded book.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from markdown.extensions.toc import TocExtension

from bookkit import mkdocs_build, write_book
from briefbook.read.book import load_book
from briefbook.render.mdext import render_page

ARTICLE = """\
The harbour master said on Tuesday that the port would reopen within a fortnight.

“We will not allow the quays to be ‘off limits,’ not for a single day,” she said.

Four cranes were damaged in the storm.
"""
OTHER = "Shipping lines were told to divert.\n\nOne line said it would wait.\n"
PAGE = """\
---
title: Harbour notes
---

# Harbour notes

## Cranes damaged [@harbour-gazette, ¶ 3]

The port would reopen "within a fortnight" [see @harbour-gazette, ¶ 1;
@shipping-news, ¶ 1, on the diversion][^1].

!!! note "Bottom line"
    The quays will not be “‘off limits,’ not for a single day” [@harbour-gazette, ¶ 2].

| Where | What |
|---|---|
| Quays | four cranes [@harbour-gazette, ¶ 3] |

<p>Raw HTML keeps its note [@shipping-news, ¶ 2].</p>

[@harbour-gazette, ¶¶ 1-2]: the master's two statements.

Code stays code: `[@harbour-gazette, ¶ 1]`.

[^1]: A footnote beside the note.
"""
MKDOCS_YML = """\
site_name: Extension parity
docs_dir: docs
theme:
  name: null
  custom_dir: theme
plugins:
  - briefbook
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
"""
EXTENSIONS = ["abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables",
              TocExtension(permalink=True)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_book(tmp_path_factory.mktemp("parity") / "book",
                      {"harbour-gazette.txt": ARTICLE, "shipping-news.txt": OTHER},
                      docs={"notes/page.md": PAGE}, mkdocs_yml=MKDOCS_YML)
    (root / "theme").mkdir()
    (root / "theme" / "main.html").write_text("{{ page.content }}", "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.slow
def test_the_extension_alone_renders_the_page_as_the_plugin_does(built: Path) -> None:
    plugin_html = (built / "site" / "notes" / "page" / "index.html").read_text("utf-8")
    book = load_book(built / "briefing")
    body = PAGE.split("---\n", 2)[2]  # a builder strips the front matter, as MkDocs does
    html, problems, reading = render_page(body, book, page="notes/page.md",
                                          extensions=EXTENSIONS)
    assert problems == []
    # the heading's [@harbour-gazette, ¶ 3] and the table's share one note
    assert reading is not None and len(reading.notes) == 6 and len(reading.records) == 7
    assert html == plugin_html
    assert '<h2 id="cranes-damaged">Cranes damaged <sup class="bb-cite">' in html
    assert "[@" not in html.replace("<code>[@harbour-gazette, ¶ 1]</code>", "")


def test_the_extension_loads_by_name_with_the_book_folder(tmp_path: Path) -> None:
    root = write_book(tmp_path / "book", {"harbour-gazette.txt": ARTICLE})
    html = markdown.markdown(
        "Four cranes [@harbour-gazette, ¶ 3].\n", extensions=["briefbook"],
        extension_configs={"briefbook": {"briefing": str(root / "briefing"),
                                         "page": "notes/page.md"}})
    assert 'href="../../sources/harbour-gazette/#harbour-gazette-p3"' in html
    assert 'title="Unknown outlet, undated · ¶ 3: Four cranes were damaged in the storm."' \
        in html
    rooted = markdown.markdown(
        "Four cranes [@harbour-gazette, ¶ 3].\n", extensions=["briefbook"],
        extension_configs={"briefbook": {"briefing": str(root / "briefing"),
                                         "base_url": "/book/"}})
    assert 'href="/book/sources/harbour-gazette/#harbour-gazette-p3"' in rooted


def test_tooltips_are_plain_text_escaped_by_the_serializer(tmp_path: Path) -> None:
    hostile = ('Officials said [x](x/onmouseover=alert(document.domain)//) and "<b>" & '
               "<script>alert(1)</script> nothing more.\n")
    root = write_book(tmp_path / "book", {"hostile.txt": hostile})
    book = load_book(root / "briefing")
    html, problems, _ = render_page("Said [@hostile, ¶ 1].\n", book)
    assert problems == []
    tip = html.split('title="', 1)[1].split('"', 1)[0]
    assert "onmouseover" in tip  # kept as text inside the attribute …
    # '<' and '&' carry a word joiner (markup.tooltip_text), so Material's HTML tooltips read
    # the title as the same text (tests/test_hostile.py)
    assert "<a " not in tip and "&lt;\u2060script&gt;" in tip and "&quot;" in tip
    assert html.count("<a ") == 3  # … the note marker, the back link and the note's link


@pytest.mark.slow
def test_page_problems_have_file_lines_with_the_front_matter_counted(tmp_path: Path) -> None:
    page = "---\ntitle: T\n---\n\n# T\n\nText [@harbour-gazete, ¶ 1] and [@harbour-gazette, ¶ 1\n"
    root = write_book(tmp_path / "book", {"harbour-gazette.txt": ARTICLE},
                      docs={"t.md": page})
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert "docs/t.md:7: unknown source '@harbour-gazete'" in result.stderr
    assert "did you mean 'harbour-gazette'?" in result.stderr
    assert "docs/t.md:7: not read as a citation: '[@harbour-gazette, ¶ 1'" in result.stderr

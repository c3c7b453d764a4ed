"""Shortcuts of a served rebuild give what the long way gives.

The print view lists the built pages with :func:`os.walk` (as ``Path.rglob`` lists them), the
entity-class phrases of a sentence are remembered, and the folder of generated pages skips a
page whose very string it wrote last time (unless its file is gone).
"""

from __future__ import annotations

import os
from pathlib import Path

from briefbook.analyse import figures
from briefbook.site.pagefiles import PageFolder
from briefbook.site.printview import html_files


def test_html_files_lists_what_rglob_lists(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "a/index.html", "a/b/c.html", "a/b/c.htm", "d.txt",
                 "e f/ü.html", ".hidden/.html", "x.html/inside.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("<p>x</p>", "utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked.html").write_text("<p>y</p>", "utf-8")
    os.symlink(outside, site / "link")
    os.symlink(outside / "linked.html", site / "file-link.html")
    expected = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert sorted(html_files(site)) == expected


def test_class_phrases_are_remembered_and_unchanged() -> None:
    texts = ["Two frigates and a destroyer sailed.", "Nothing of the kind here.",
             "The navy destroyers left port."]
    patterns = figures._class_patterns()
    fresh = [figures._phrases(t, patterns) for t in texts]
    assert fresh[0] and not fresh[1]
    assert [figures.class_phrases(t) for t in texts] == fresh
    assert [figures.class_phrases(t) for t in texts] == fresh  # from memory
    assert figures.class_phrases(texts[0]) is figures.class_phrases(texts[0])


def test_page_folder_skips_the_same_string_unless_its_file_is_gone(tmp_path: Path) -> None:
    folder = PageFolder(tmp_path / "pages")
    pages = {"a.md": "# A\n", "b/c.md": "# C\n"}
    assert folder.write(pages) == {"a.md", "b/c.md"}
    assert folder.write(pages) == set()
    assert folder.write({**pages, "a.md": "# A, edited\n"}) == {"a.md"}
    (tmp_path / "pages" / "b" / "c.md").unlink()
    same = {"a.md": "# A, edited\n", "b/c.md": pages["b/c.md"]}
    assert folder.write(same) == {"b/c.md"}
    assert (tmp_path / "pages" / "b" / "c.md").read_text("utf-8") == "# C\n"
    assert folder.write({"a.md": same["a.md"]}) == {"b/c.md"}
    assert not (tmp_path / "pages" / "b" / "c.md").exists()

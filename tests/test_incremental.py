"""Dirty builds (``mkdocs serve --dirty``) serve the same pages a full build makes.

The plugin instance lives across rebuilds as in ``mkdocs serve`` (MkDocs keeps plugins that
define ``on_startup``); after each change a dirty build into the served folder must leave the
very files a clean build of the changed book writes.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bookkit import ROOT
from briefbook.bench.stages import copy_book
from briefbook.read.book import load_book

pytestmark = pytest.mark.slow


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def _same(a: Path, b: Path) -> list[str]:
    fa, fb = _files(a), _files(b)
    return sorted(set(fa) ^ set(fb)) + sorted(p for p in set(fa) & set(fb) if fa[p] != fb[p])


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return copy_book(ROOT / "mkdocs.yml", tmp_path / "scratch")


def _serve_build(config_file: Path, site: Path, *, first: bool = False) -> None:
    config = load_config(str(config_file), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)


def _full_build(config_file: Path, site: Path) -> None:
    """A clean build in its own process (the served one keeps its plugin state)."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config_file),
                           "-d", str(site)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_dirty_rebuilds_match_a_full_build_after_edits(book: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    _serve_build(book, served, first=True)
    source_page = served / "sources" / "newsweek-2021-02-25" / "index.html"
    before = source_page.read_text("utf-8")

    # 1. a hand-written page now cites a paragraph it did not cite (an item cited again
    # shares its note): the source page's back-link appears
    index = book.parent / "docs" / "index.md"
    assert "@newsweek-2021-02-25, ¶ 11]" not in index.read_text("utf-8")
    index.write_text(index.read_text("utf-8") + "\n\nAn added sentence that cites."
                     "[@newsweek-2021-02-25, ¶ 11]\n", "utf-8")
    _serve_build(book, served)
    after = source_page.read_text("utf-8")
    assert after != before and "note" in after
    full = tmp_path / "full1"
    _full_build(book, full)
    assert _same(served, full) == []

    # 2. a new article: its source page and the sources index appear
    article = book.parent / "briefing" / "sources" / "zz-added-by-test.txt"
    article.write_text("A headline for the test\n\nA paragraph the test adds.\n", "utf-8")
    _serve_build(book, served)
    assert (served / "sources" / "zz-added-by-test" / "index.html").is_file()
    full = tmp_path / "full2"
    _full_build(book, full)
    assert _same(served, full) == []

    # 3. a retitled page changes every page's menu
    page = book.parent / "docs" / "context" / "jcpoa.md"  # in the nav without a title
    text = page.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    page.write_text(text.replace(title, "title: Terms used in this book", 1), "utf-8")
    _serve_build(book, served)
    assert "Terms used in this book" in (served / "index.html").read_text("utf-8")
    full = tmp_path / "full3"
    _full_build(book, full)
    assert _same(served, full) == []


def test_dirty_rebuilds_follow_metadata_changes_and_deletions(book: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    _serve_build(book, served, first=True)
    # 4. an outlet renamed in sources.yml reaches every page that cites that source
    sources_yml = book.parent / "briefing" / "sources.yml"
    text = sources_yml.read_text("utf-8")
    assert "Newsweek" in text
    sources_yml.write_text(text.replace("Newsweek", "Newsweak Weekly"), "utf-8")
    _serve_build(book, served)
    full = tmp_path / "full4"
    _full_build(book, full)
    assert _same(served, full) == []
    # 5. a deleted article's page is no longer served, nor printed
    article = book.parent / "briefing" / "sources" / "zz-gone.txt"
    article.write_text("A headline that will go\n\nA paragraph that will go.\n", "utf-8")
    _serve_build(book, served)
    assert (served / "sources" / "zz-gone" / "index.html").is_file()
    article.unlink()
    _serve_build(book, served)
    assert not (served / "sources" / "zz-gone" / "index.html").exists()
    assert "A paragraph that will go" not in (served / "print.html").read_text("utf-8")


def test_dirty_rebuild_after_an_article_quoting_a_known_person(book: Path,
                                                               tmp_path: Path) -> None:
    served = tmp_path / "served"
    _serve_build(book, served, first=True)
    briefing = book.parent / "briefing"
    person = next(a for a in load_book(briefing).actors if a.kind == "person")
    surname = person.name.split()[-1]
    # 6. a new article names a curated person, quotes them (by surname, then a new speaker
    # nobody named before), so the actor's profile, the actors index and the new source change
    article = briefing / "sources" / "zz-quoting.txt"
    article.write_text(
        "Officials answer questions about the inquiry\n\n"
        f"{person.name} spoke to reporters on Tuesday about the inquiry.\n\n"
        f"\u201cWe will publish every finding of the review in full,\u201d {surname} said.\n\n"
        "\u201cThe delay is not acceptable to the families,\u201d said Marguerite Oyelaran-Tusk,"
        " a lawyer for the families.\n", "utf-8")
    _serve_build(book, served)
    profile = (served / "actors" / person.id / "index.html").read_text("utf-8")
    assert "every finding of the review in full" in profile
    full = tmp_path / "full6"
    _full_build(book, full)
    assert _same(served, full) == []
    # 7. the article deleted again: the quotation leaves the profile, the speaker's page goes
    article.unlink()
    _serve_build(book, served)
    profile = (served / "actors" / person.id / "index.html").read_text("utf-8")
    assert "every finding of the review in full" not in profile
    full = tmp_path / "full7"
    _full_build(book, full)
    assert _same(served, full) == []

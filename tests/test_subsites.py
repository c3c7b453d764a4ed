"""Sub-sites: sites built separately and published inside the book by ``briefbook build``.

The example book's engine reference (mkdocstrings) is one: a build or ``mkdocs serve`` of the
book never renders it, the published site holds it with working links. These tests use their
own small book and sub-site, plus one build of the repository's published site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from bookkit import MKDOCS_YML, ROOT
from briefbook.check.checker import check_site
from briefbook.cli import main
from briefbook.site.output import SiteDirError, place_subsite, subsite_folder

PLACEHOLDER = "# Handbook\n\nPublished separately; `briefbook build` puts it here.\n"
SUB_YML = """\
site_name: Handbook
site_url: !ENV [SITE_URL, "https://example.net/unset/"]
docs_dir: docs
theme:
  name: material
  font: false
"""


def _book(book_factory, sub_pages: dict[str, str], *, nav_link: bool = True) -> Path:
    yml = MKDOCS_YML.replace("  - briefbook\n", "  - briefbook:\n      subsites:\n"
                             "        manual/handbook: handbook/mkdocs.yml\n")
    yml = "site_url: https://example.org/desk/\n" + yml
    docs = {"manual/handbook/index.md": PLACEHOLDER}
    if nav_link:
        docs["guide.md"] = "# Guide\n\nSee [the handbook](manual/handbook/index.md).\n"
    root = book_factory({"one.txt": "The pier closed on Tuesday.\n"}, docs=docs,
                        mkdocs_yml=yml)
    (root / "handbook" / "docs").mkdir(parents=True)
    (root / "handbook" / "mkdocs.yml").write_text(SUB_YML, "utf-8")
    for name, text in sub_pages.items():
        (root / "handbook" / "docs" / name).write_text(text, "utf-8")
    return root


def _build(root: Path, target: Path) -> object:
    return CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml"), "-d", str(target)])


@pytest.mark.slow
def test_build_publishes_the_subsite_in_place_of_its_placeholder(book_factory,
                                                                 tmp_path: Path) -> None:
    root = _book(book_factory, {"index.md": "# Handbook home\n\nSee [tides](tides.md).\n",
                                "tides.md": "# Tides\n\nHigh water at noon.\n"})
    target = tmp_path / "public"
    result = _build(root, target)
    assert result.exit_code == 0, result.output
    home = (target / "manual" / "handbook" / "index.html").read_text("utf-8")
    assert "Handbook home" in home and "Published separately" not in home
    assert (target / "manual" / "handbook" / "tides" / "index.html").is_file()
    # the sub-site's URL is the book's plus its folder
    assert 'href="https://example.org/desk/manual/handbook/tides/"' in \
        (target / "manual" / "handbook" / "tides" / "index.html").read_text("utf-8")
    guide = LexborHTMLParser((target / "guide" / "index.html").read_text("utf-8"))
    links = {a.attributes.get("href") for a in guide.css("article a[href]")}
    assert "../manual/handbook/" in links
    report = check_site(target)
    assert not report.problems, [str(p) for p in report.problems[:10]]
    assert (target / ".briefbook-site").is_file()
    assert not any(p.name.startswith(".subsite") for p in target.rglob("*"))


@pytest.mark.slow
def test_a_failing_subsite_leaves_the_previous_site(book_factory, tmp_path: Path) -> None:
    good = _book(book_factory, {"index.md": "# Handbook home\n"})
    target = tmp_path / "public"
    assert _build(good, target).exit_code == 0
    before = sorted(p.relative_to(target).as_posix() for p in target.rglob("*"))
    bad = _book(book_factory, {"index.md": "# Home\n\nSee [gone](missing.md).\n"})
    result = _build(bad, target)
    assert result.exit_code != 0
    assert "the build of handbook/mkdocs.yml (manual/handbook/) failed" in result.output
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".public")] == []


def test_folders_outside_the_site_are_refused() -> None:
    assert subsite_folder("toolchain/reference/") == "toolchain/reference"
    for bad in ("", "/", "../up", "a/../b", "a//b", "/abs/olute", "./here"):
        with pytest.raises(SiteDirError, match="not a folder inside the site"):
            subsite_folder(bad)


def test_placing_a_subsite_never_drops_the_books_own_pages(tmp_path: Path) -> None:
    site, built = tmp_path / "site", tmp_path / "built"
    (site / "ref" / "extra").mkdir(parents=True)
    (site / "ref" / "index.html").write_text("placeholder", "utf-8")
    (site / "ref" / "extra" / "index.html").write_text("the book's own page", "utf-8")
    built.mkdir()
    (built / "index.html").write_text("sub-site home", "utf-8")
    (built / "404.html").write_text("never served here", "utf-8")
    with pytest.raises(SiteDirError, match=r"wrote 1 file\(s\) under ref/ .*ref/extra/index"):
        place_subsite(built, site, "ref")
    assert (site / "ref" / "extra" / "index.html").read_text("utf-8") == "the book's own page"
    (site / "ref" / "extra" / "index.html").unlink()
    (site / "ref" / "extra").rmdir()
    place_subsite(built, site, "ref")
    assert (site / "ref" / "index.html").read_text("utf-8") == "sub-site home"
    assert not (site / "ref" / "404.html").exists()
    assert not built.exists()


def test_the_books_own_build_renders_no_api_reference() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "mkdocstrings" not in config.plugins
    directives = [p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md")
                  if any(line.startswith(":::") for line in p.read_text("utf-8").splitlines())]
    assert directives == []
    subsites = config.plugins["briefbook"].config["subsites"]
    assert subsites == {"toolchain/reference": "reference/mkdocs.yml"}
    reference = load_config(str(ROOT / "reference" / "mkdocs.yml"))
    assert "mkdocstrings" in reference.plugins


@pytest.mark.slow
def test_the_published_site_holds_the_engine_reference(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = _build(ROOT, site)
    assert result.exit_code == 0, result.output
    page = site / "toolchain" / "reference" / "render" / "index.html"
    tree = LexborHTMLParser(page.read_text("utf-8"))
    headings = {n.attributes.get("id") for n in tree.css(".doc-heading[id], [id^='briefbook.']")}
    assert any(h and h.startswith("briefbook.render.citations.") for h in headings), headings
    options = (site / "toolchain" / "reference" / "site" / "index.html").read_text("utf-8")
    assert "BriefbookConfig" in options
    assert "briefing" in options and "data_dir" in options and "subsites" in options
    home = LexborHTMLParser((site / "index.html").read_text("utf-8"))
    assert "toolchain/reference/" in {a.attributes.get("href") for a in home.css("a[href]")}
    report = check_site(site)
    assert not report.problems, [str(p) for p in report.problems[:10]]

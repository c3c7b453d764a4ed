"""Hostile input renders as inert text: article text, YAML fields, titles, path-like ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from bookkit import mkdocs_build, write_book
from briefbook.check.checker import check_site

EVIL = ("<script>alert('x')</script> <img src=x onerror=alert(1)> {{ config }} "
        "{% if 1 %}jinja{% endif %}")
ARTICLE = (
    f"The mayor said {EVIL} in a statement on Monday.\n\n"
    "See [click me](javascript:alert(2)) and <a href=\"javascript:alert(3)\">here</a>.\n\n"
    "**Bold** _words_ and `code` and # not a heading and {{ page.title }} remain text.\n\n"
    "<iframe src=\"https://evil.example/\"></iframe> <svg onload=alert(4)></svg>\n\n"
    "\u201cWe will open the [port](javascript:alert(11)) and *the* `gate` on Friday,\u201d "
    "an unnamed official said on Tuesday.\n"
)
SOURCES_YML = """\
- id: evil-news
  file: evil-news.txt
  outlet: "<b onmouseover=alert(5)>Outlet</b>"
  title: "<script>alert('title')</script> {{ config.site_name }}"
  url: "javascript:alert(6)"
  author: ["<img src=x onerror=alert(7)>"]
  notes: "[x](javascript:alert(8)) {% raw %} <style>body{display:none}</style>"
  date: 2021-03-01
- id: ../outside
  file: ../../outside.txt
- id: traversal
  file: ../escape.txt
"""
ACTORS_YML = """\
- id: mayor
  name: "<script>alert('actor')</script>Mayor"
  kind: person
  aliases: ["<i>Mayor</i>", "{{ config }}"]
"""
EVENTS_YML = """\
- id: statement
  date: 2021-03-01
  date_precision: day
  title: "<img src=x onerror=alert(9)> statement"
  summary: "A statement [@evil-news, ¶ 1] <script>alert(10)</script>"
"""
PAGE = "# Notes\n\nThe mayor spoke [@evil-news, ¶ 1].\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[Path]]:
    base = tmp_path_factory.mktemp("inject")
    root = write_book(base / "book", {"evil-news.txt": ARTICLE}, sources_yml=SOURCES_YML,
                      docs={"notes.md": PAGE},
                      yml={"actors.yml": ACTORS_YML, "events.yml": EVENTS_YML})
    before = {p for p in base.rglob("*")}
    site = root / "site"
    result = mkdocs_build(root, site=site, strict=False)
    assert result.returncode == 0, result.stderr
    after = {p for p in base.rglob("*")}
    return root, site, {p for p in after - before if site not in p.parents and p != site}


def _pages(site: Path) -> list[tuple[str, LexborHTMLParser]]:
    return [(p.relative_to(site).as_posix(), LexborHTMLParser(p.read_bytes()))
            for p in sorted(site.rglob("*.html"))]


def test_nothing_is_written_outside_the_site_folder(built):
    root, site, outside = built
    cache = root / ".cache" / "briefbook"  # the analysis cache: content-hash names only
    pages = cache / "pages"  # generated pages, by their site path (ids are [a-z0-9-]+)
    for path in outside:
        assert path == root / ".cache" or path == cache or cache in path.parents, path
        if pages == path or pages in path.parents:
            relative = path.relative_to(pages).as_posix()
            assert path.is_dir() or re.fullmatch(r"[a-z0-9_-]+(/[a-z0-9_-]+)*\.md", relative), path
            continue
        if path.parent == cache / "templates":  # compiled theme templates: Jinja's SHA-1 keys
            assert re.fullmatch(r"[0-9a-f]{40}\.jinja", path.name), path
            continue
        assert path.is_dir() or re.fullmatch(r"[0-9a-f]{64}\.(?:pickle|json)", path.name), path
    assert not (root.parent / "outside.txt").exists() and not (root / "escape.txt").exists()
    assert not any(".." in p.relative_to(site).as_posix() for p in site.rglob("*"))


def test_no_injected_script_or_event_handler_or_javascript_url(built):
    _, site, _ = built
    for page, tree in _pages(site):
        for node in tree.css("script"):
            text = node.text() or ""
            if node.attributes.get("type") == "application/ld+json":
                assert "<" not in text and json.loads(text), page  # data, escaped
            else:
                assert "alert" not in text, page
        for node in tree.css("*"):
            for name, value in node.attributes.items():
                assert not name.lower().startswith("on"), (page, node.tag, name, value)
                if name in ("href", "src", "action", "formaction"):
                    assert not (value or "").strip().lower().startswith("javascript:"), page
        assert not tree.css("iframe, svg[onload]"), page
        assert not any("display:none" in (n.text() or "") for n in tree.css("style")), page
        for node in tree.css("img"):
            assert node.attributes.get("src") != "x", page


def test_hostile_text_is_shown_as_escaped_text(built):
    _, site, _ = built
    raw = (site / "sources" / "evil-news" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in raw \
        or "&lt;script&gt;alert('x')&lt;/script&gt;" in raw
    tree = LexborHTMLParser(raw)
    texts = " ".join(n.text() for n in tree.css("span.bb-ptext"))
    assert "<img src=x onerror=alert(1)>" in texts
    assert "{{ config }}" in texts and "{% if 1 %}jinja{% endif %}" in texts
    assert "[click me](javascript:alert(2))" in texts
    assert "**Bold**" in texts and "{{ page.title }}" in texts
    meta = tree.css_first("dl.bb-meta").text()
    assert "<b onmouseover=alert(5)>Outlet</b>" in meta
    assert "<img src=x onerror=alert(7)>" in meta
    assert "javascript:alert(6)" in meta  # shown as unsafe text, never as a link


def test_path_like_ids_are_refused(built):
    _, site, _ = built
    assert not (site / "sources" / "..").resolve().joinpath("outside").exists()
    assert not (site / "outside").exists()
    names = {p.name for p in (site / "sources").iterdir()}
    assert "evil-news" in names and not any("outside" in n or "escape" in n for n in names)


def test_the_hostile_site_still_checks_clean_of_broken_links(built):
    _, site, _ = built
    problems = [p for p in check_site(site, jobs=1).problems if p.kind != "external"]
    assert problems == []

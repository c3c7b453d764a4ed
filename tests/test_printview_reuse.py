"""The print view's reusable rewrite: the same HTML as a fresh rewrite, at any place in any book.

``mkdocs serve`` keeps each page's rewritten part as a template (:class:`PrintCache`); an
added page renumbers every part after it and may make a link's target printed, so a template
filled for the new place must equal what :func:`_rewrite` makes there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.site.printview import AsOf, Part, PrintCache, _rewrite, combine, print_document

PAGES = [
    Part(path="index.html", title="Home", html=(
        '<h1 id="home">Home &amp; away</h1><p>See <a href="sources/a-1/#p-2">¶ 2</a>, '
        '<a href="sources/a-1/">the page</a>, <a href="#home">top</a>, '
        '<a href="actors/ana-núñez/#quote&amp;1">Ana</a> and '
        '<a href="data/quotes.json">data</a>.</p><img src="assets/x%20y.png" alt="">'
        '<a href="https://example.org/a#b">out</a> <a href="//cdn.example/x">cdn</a>')),
    Part(path="sources/a-1/index.html", title="A 1", html=(
        '<p id="p-2" class="bb-para">Text “with” quotes <a href="../../#home">home</a> '
        '<a href="../b%23c/#frag%20ment">odd</a> <a href="">empty</a></p>')),
    Part(path="actors/ana-núñez/index.html", title="Ana", html=(
        "<h2 id=\"quote&amp;1\">Quote</h2><a href='../../sources/a-1/#p-2' title='a \"q\"'>x</a>")),
    Part(path="odd.html", title="Odd", html='<p id="x">a mark \x01 in the text</p>'),
]


@pytest.mark.parametrize("printed", [PAGES, PAGES[1:], PAGES[::2], PAGES[::-1]])
def test_a_template_fills_to_the_fresh_rewrite(printed: list[Part]) -> None:
    cache = PrintCache()
    numbers = {part.path: n for n, part in enumerate(printed, start=3)}
    for part in PAGES:
        for number in (1, 7, 120):
            template = cache.template(part)
            expected = _rewrite(part, number, numbers)
            if template is None:  # a page holding a mark's character is rewritten afresh
                assert "\x01" in part.html
                continue
            assert template.fill(number, numbers) == expected


def test_the_document_is_the_same_with_and_without_the_cache() -> None:
    when = AsOf(date="2005-03-21", basis="stated", source="a-1")
    cache = PrintCache()
    for parts in (PAGES, [PAGES[0], PAGES[2]], PAGES):
        fresh = combine(parts, site_name="Book", when=when)
        assert combine(parts, site_name="Book", when=when, cache=cache) == fresh


def _site(folder: Path) -> Path:
    """A small built site: a home page with a primary navigation and two other pages."""
    def page(body: str, nav: str = "") -> str:
        return (f'<html><head><link rel="stylesheet" href="assets/s.css"></head><body>{nav}'
                f'<article class="md-content__inner">{body}'
                '<a class="headerlink" href="#x">¶</a></article></body></html>')
    nav = ('<nav class="md-nav md-nav--primary"><a class="md-nav__link" href="b/">B</a>'
           '<a class="md-nav__link" href="a.html">A</a></nav>')
    files = {"index.html": page('<h1 id="h">Home</h1><a href="a.html#p-1">a</a>', nav),
             "a.html": page('<h1>A</h1><p id="p-1">One\r\ntwo</p><a href="b/">b</a>'),
             "b/index.html": page('<h1>B</h1><img src="../i.png"><a href="../#h">home</a>')}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def test_a_new_process_parses_no_unchanged_page(tmp_path: Path, monkeypatch) -> None:
    """Parts kept in the analysis cache by page content give the same document, unparsed."""
    from briefbook.core import cache
    from briefbook.site import printview

    site = _site(tmp_path / "site")
    when = AsOf(date="2005-03-21", basis="stated", source="a-1")
    fresh = print_document(site, site_name="Book", when=when)
    try:
        store = cache.configure(tmp_path / "cache")
        assert print_document(site, site_name="Book", when=when, cache=PrintCache()) == fresh
        store.flush()
        cache.configure(None)
        cache.configure(tmp_path / "cache")  # a new build process: nothing in memory
        parsed: list[str] = []
        extract = printview.extract_part
        monkeypatch.setattr(printview, "extract_part",
                            lambda path, html: (parsed.append(path), extract(path, html))[1])
        assert print_document(site, site_name="Book", when=when, cache=PrintCache()) == fresh
        assert parsed == []
        # a page whose bytes changed is parsed again, and only that one
        text = (site / "a.html").read_text("utf-8").replace("One", "Uno")
        (site / "a.html").write_bytes(text.encode("utf-8"))
        changed = print_document(site, site_name="Book", when=when, cache=PrintCache())
        assert parsed == ["a.html"] and "Uno" in changed
        assert changed == print_document(site, site_name="Book", when=when)
    finally:
        cache.configure(None)


def test_a_served_rebuild_keeps_its_parts_in_memory(tmp_path: Path) -> None:
    """After the first document, a changed page is read again without rewriting the cache."""
    from briefbook.core import cache
    from briefbook.site.printview import PARTS_NAMESPACE

    site = _site(tmp_path / "site")
    when = AsOf(date="2005-03-21", basis="stated", source="a-1")
    try:
        store = cache.configure(tmp_path / "cache")
        kept = PrintCache()
        print_document(site, site_name="Book", when=when, cache=kept)
        assert PARTS_NAMESPACE in store.dirty
        store.flush()
        text = (site / "b/index.html").read_text("utf-8").replace("home", "back home")
        (site / "b/index.html").write_bytes(text.encode("utf-8"))
        again = print_document(site, site_name="Book", when=when, cache=kept)
        assert again == print_document(site, site_name="Book", when=when)
        assert "back home" in again and PARTS_NAMESPACE not in store.dirty
        # the part of the page as it was is forgotten; the unchanged pages' stay
        assert len([s for s in store.memory if s[0] == PARTS_NAMESPACE]) == 2
    finally:
        cache.configure(None)

"""The print view's reusable rewrite: the same HTML as a fresh rewrite, at any place in any book.

``mkdocs serve`` keeps each page's rewritten part as a template (:class:`PrintCache`); an
added page renumbers every part after it and may make a link's target printed, so a template
filled for the new place must equal what :func:`_rewrite` makes there.
"""

from __future__ import annotations

import pytest

from briefbook.site.printview import AsOf, Part, PrintCache, _rewrite, combine

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

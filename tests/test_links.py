"""Relative links between pages, with and without directory URLs."""

from __future__ import annotations

import pytest

from briefbook.core.links import href, page_url


@pytest.mark.parametrize(("src", "directory", "flat"), [
    ("index.md", "", "index.html"),
    ("sources/index.md", "sources/", "sources/index.html"),
    ("sources/x.md", "sources/x/", "sources/x.html"),
    ("a/b/c.md", "a/b/c/", "a/b/c.html"),
])
def test_page_url(src, directory, flat):
    assert page_url(src, directory_urls=True) == directory
    assert page_url(src, directory_urls=False) == flat


@pytest.mark.parametrize(("frm", "to", "anchor", "expected"), [
    ("index.md", "sources/x.md", "x-p1", "sources/x/#x-p1"),
    ("sources/x.md", "index.md", "bb-cite-3", "../../#bb-cite-3"),
    ("sources/x.md", "sources/index.md", None, "../"),
    ("sources/index.md", "sources/x.md", None, "x/"),
    ("context/jcpoa.md", "sources/x.md", "x-p2", "../../sources/x/#x-p2"),
    ("sources/x.md", "sources/x.md", "x-p2", "#x-p2"),
    ("index.md", "index.md", None, "./"),
])
def test_href_with_directory_urls(frm, to, anchor, expected):
    assert href(frm, to, anchor) == expected


@pytest.mark.parametrize(("frm", "to", "expected"), [
    ("index.md", "sources/x.md", "sources/x.html"),
    ("sources/x.md", "index.md", "../index.html"),
    ("sources/x.md", "sources/index.md", "index.html"),
    ("a/b.md", "c.md", "../c.html"),
])
def test_href_without_directory_urls(frm, to, expected):
    assert href(frm, to, directory_urls=False) == expected

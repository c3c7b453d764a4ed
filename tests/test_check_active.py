"""``briefbook check`` reports what a browser would run and never reads outside the site.

A real build of a small book is checked clean; then one thing at a time is planted: an
event-handler attribute, a ``javascript:`` URL, an inline script in the content, a script from
another site, a symbolic link out of the site, a page nested too deep, a trickling server.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bookkit import mkdocs_build, write_book
from briefbook.check.checker import check_site
from netkit import trickling_server

ARTICLE = ("The harbour council voted on Tuesday to close the old pier.\n\n"
           "Repairs would have cost more than a new pier, the engineers found.\n")
PAGE = "# Harbour\n\nThe council closed the pier [@harbour-news, ¶ 1].\n\n[Home](index.md)\n"


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_book(tmp_path_factory.mktemp("book"), {"harbour-news.txt": ARTICLE},
                      docs={"harbour.md": PAGE})
    result = mkdocs_build(root, site=root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture
def site(clean_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(clean_site, copy)
    return copy


def _plant(site: Path, html: str, page: str = "harbour/index.html") -> None:
    path = site / page
    text = path.read_text("utf-8")
    assert "</article>" in text
    path.write_text(text.replace("</article>", html + "</article>", 1), "utf-8")


def _kinds(site: Path, kind: str) -> list[tuple[str, str, str]]:
    return [(p.page, p.href, p.message) for p in check_site(site, jobs=1).problems
            if p.kind == kind]


def test_the_theme_and_plugin_scripts_are_not_reported(clean_site: Path) -> None:
    report = check_site(clean_site, jobs=1)
    assert report.problems == []


@pytest.mark.parametrize(("html", "expected"), [
    ('<img src="pier.png" onerror="alert(1)">', "event-handler attribute 'onerror' on <img>"),
    ('<p OnMouseOver="alert(1)">x</p>', "event-handler attribute 'onmouseover' on <p>"),
    ('<a href="javascript:alert(1)">x</a>', "javascript: URL in 'href' of <a>"),
    ('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>', "javascript: URL in 'href' of <a>"),
    ('<form action="javascript:alert(1)"></form>', "javascript: URL in 'action' of <form>"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
     "javascript: URL in 'xlink:href' of <a>"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
     "data: URL in 'href' of <a>"),
    ("<script>alert(1)</script>", "inline <script> inside the page's content"),
    ('<script type="module">alert(1)</script>', "inline <script> inside the page's content"),
    ('<script src="https://cdn.example.org/x.js"></script>',
     "<script src> that is not a file of the site"),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
     "<iframe srcdoc>: a document inside the page"),
])
def test_active_content_is_reported(site: Path, html: str, expected: str) -> None:
    _plant(site, html)
    found = _kinds(site, "script")
    assert [(page, message) for page, _, message in found] == [("harbour/index.html", expected)]


@pytest.mark.parametrize("html", [
    '<script type="application/ld+json">{"a": "alert(1)"}</script>',
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">',
    '<p title="javascript:alert(1) onclick=x">a title is text</p>',
    '<a href="https://example.org/javascript:alert">an http link</a>',
])
def test_inert_look_alikes_are_not_reported(site: Path, html: str) -> None:
    _plant(site, html)
    assert _kinds(site, "script") == []


def test_a_local_script_file_is_the_sites_own(site: Path) -> None:
    (site / "assets" / "extra.js").write_text("console.log('ok');\n", "utf-8")
    _plant(site, '<script src="../assets/extra.js"></script>')
    assert _kinds(site, "script") == []


def test_url_scheme_reads_as_browsers_do() -> None:
    from briefbook.check.active import url_scheme

    assert url_scheme("\x01 JaVa\tScript:alert(1)") == "javascript"
    assert url_scheme("../a:b") is None and url_scheme("#x") is None
    assert url_scheme("HTTPS://example.org") == "https"


def test_a_symlink_to_a_file_outside_is_not_read(site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.html"
    outside.write_text('<html><body><a href="nowhere.html">x</a></body></html>', "utf-8")
    os.symlink(outside, site / "secret.html")
    report = check_site(site, jobs=1)
    assert [(p.page, p.kind) for p in report.problems] == [("secret.html", "page")]
    assert "outside the site" in report.problems[0].message
    assert report.pages == len(list(site.rglob("*.html"))) - 1  # the link is not a page


def test_a_symlink_to_root_does_not_make_links_valid(site: Path) -> None:
    os.symlink("/", site / "root")
    _plant(site, '<a href="../root/etc/hostname">x</a><a href="/root/etc/">y</a>')
    report = check_site(site, jobs=1)
    kinds = sorted((p.page, p.kind, p.href) for p in report.problems)
    assert ("root", "page", "/") in kinds
    assert ("harbour/index.html", "link", "../root/etc/hostname") in kinds
    assert ("harbour/index.html", "link", "/root/etc/") in kinds


def test_a_page_nested_too_deep_is_reported_not_passed(site: Path) -> None:
    _plant(site, "<div>" * 10_000 + '<a href="missing.html">x</a>' + "</div>" * 10_000)
    report = check_site(site, jobs=1)
    pages = [(p.page, p.kind) for p in report.problems]
    assert ("harbour/index.html", "page") in pages
    problem = next(p for p in report.problems if p.kind == "page")
    assert "cannot be read whole" in problem.message and "depth" in problem.message.lower()


def test_online_check_has_a_total_deadline_per_request(site: Path) -> None:
    with trickling_server(every=0.2) as base, trickling_server(every=0.2,
                                                               headers_slowly=True) as slow:
        _plant(site, f'<a href="{base}/body.html">b</a><a href="{slow}/head.html">h</a>')
        for page in site.rglob("*.html"):  # only the local servers
            text = page.read_text("utf-8")
            page.write_text(text.replace('href="https://', 'href="#'), "utf-8")
        started = time.monotonic()
        report = check_site(site, jobs=1, online=True, retries=0, timeout=1.0)
        took = time.monotonic() - started
    external = {p.href: p.message for p in report.problems if p.kind == "external"}
    # a status line and headers answer a link check; a trickle of them does not
    assert external == {f"{slow}/head.html": "no complete answer within 1 s"}
    assert took < 8  # HEAD and GET, each cut at 1 s, the URLs in parallel

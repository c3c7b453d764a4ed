"""The book opened from ``file://``: no server, no network, everything still works."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from browserkit import ARTIFACTS, Watched, html_pages

LOCAL = ("file:", "data:", "blob:", "about:")


def test_offline_build_has_no_directory_urls(offline_site: Path) -> None:
    pages = html_pages(offline_site)
    assert "index.html" in pages
    assert (offline_site / "methodology.html").is_file()
    assert not (offline_site / "methodology" / "index.html").exists()
    assert (offline_site / "search" / "search_index.js").is_file()
    home = (offline_site / "index.html").read_text("utf-8")
    assert "unpkg.com" not in home and "fonts.googleapis" not in home
    assert "assets/vendor/iframe-worker/shim.js" in home


def test_site_works_from_file_urls(needs_browser: Path, watched: Watched,
                                   offline_site: Path) -> None:
    page = watched.page
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    assert page.locator("article h1").first.is_visible()

    # Navigation: every link of the primary navigation opens a rendered page.
    hrefs = page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "links => [...new Set(links.map(a => a.href))]")
    pages = [h for h in hrefs if h.startswith("file:") and not urlsplit(h).fragment]
    assert len(pages) >= 3, hrefs
    for url in pages:
        page.goto(url, wait_until="load")
        assert page.locator("article h1").first.is_visible(), url
        assert Path(urlsplit(url).path).is_file(), url

    # A citation opens its paragraph in the source page, highlighted.
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    link = page.locator("a.bb-cite-link").first
    anchor = (link.get_attribute("href") or "").rsplit("#", 1)[1]
    link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file:") and "/sources/" in page.url
    assert page.locator(f"[id='{anchor}']").evaluate("e => e.matches(':target')")

    # Search works without a server (the index is inlined and the worker shimmed).
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("strikes", delay=20)
    page.locator("a.md-search-result__link").first.wait_for(timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "offline-search.png"))

    assert watched.console_errors == []
    assert [u for u in watched.requests if not u.startswith(LOCAL)] == []

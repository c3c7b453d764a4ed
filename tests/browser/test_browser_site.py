"""The book as readers use it, in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from browserkit import ARTIFACTS, Watched, html_pages
from selectolax.lexbor import LexborHTMLParser

from briefbook.read.book import load_book

ROOT = Path(__file__).resolve().parents[2]
LOCAL = ("data:", "blob:", "about:")


def _leaving(requests: list[str], base_url: str) -> list[str]:
    return [u for u in requests if not u.startswith(base_url) and not u.startswith(LOCAL)]


def test_home_page_loads_cleanly(needs_browser: Path, watched: Watched, base_url: str) -> None:
    page = watched.page
    response = page.goto(base_url, wait_until="networkidle")
    assert response is not None and response.ok
    assert page.locator("article h1").first.is_visible()
    assert watched.console_errors == []
    assert watched.requests, "the page made no requests at all"
    assert _leaving(watched.requests, base_url) == []


def _quoted_phrase() -> tuple[str, str]:
    """A quotation from an article (curly or straight quotes): (phrase, source id)."""
    book = load_book(ROOT / "briefing")
    for source in book.sources:
        for paragraph in source.paragraphs:
            match = re.search(r"[“\"]([A-Za-z][^”\"]{20,80})[”\"]", paragraph.text)
            if match and not source.derived_from:
                words = re.findall(r"[A-Za-z]{4,}", match.group(1))
                if len(words) >= 3:
                    return " ".join(words[:3]), source.id
    pytest.fail("no quotation of three words or more in the book's articles")


def _search(page: object, base_url: str, query: str) -> list[tuple[str, str]]:
    page.goto(base_url, wait_until="networkidle")  # type: ignore[attr-defined]
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    box.click()
    box.press_sequentially(query, delay=20)
    items = page.locator("a.md-search-result__link")  # type: ignore[attr-defined]
    items.first.wait_for(timeout=10_000)
    page.wait_for_timeout(500)  # type: ignore[attr-defined]  # the last keystroke's results
    found = items.evaluate_all("links => links.map(a => [a.getAttribute('href'), a.innerText])")
    return [(str(href), str(text)) for href, text in found]


def test_search_finds_a_speaker_and_a_quotation(needs_browser: Path, watched: Watched,
                                                base_url: str, site: Path) -> None:
    phrase, source_id = _quoted_phrase()
    results = _search(watched.page, base_url, phrase)
    assert any(f"sources/{source_id}/" in href for href, _ in results), (phrase, results)
    actor_pages = sorted((site / "actors").glob("*/index.html"))
    assert actor_pages, "the book has no actor pages"
    # An actor found by name: the search lands on the actor's own page.
    tree = LexborHTMLParser(actor_pages[0].read_text("utf-8"))
    name = tree.css_first("article h1").text(strip=True)
    results = _search(watched.page, base_url, name)
    assert any(f"actors/{actor_pages[0].parent.name}/" in h for h, _ in results), results
    watched.page.screenshot(path=str(ARTIFACTS / "search.png"))


def test_citation_tooltip_then_highlighted_paragraph(needs_browser: Path, watched: Watched,
                                                      base_url: str) -> None:
    page = watched.page
    page.goto(base_url, wait_until="networkidle")
    link = page.locator("a.bb-cite-link").first
    href = link.get_attribute("href") or ""
    assert "#" in href, href
    link.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner, .md-tooltip--active")
    tooltip.first.wait_for(timeout=5_000)
    shown = tooltip.first.inner_text()
    assert "¶" in shown, shown
    cited = shown.split(":", 1)[1].strip().rstrip("…").strip()
    assert len(cited) > 20, shown
    page.screenshot(path=str(ARTIFACTS / "citation-tooltip.png"))
    link.click()
    page.wait_for_load_state("networkidle")
    anchor = href.rsplit("#", 1)[1]
    assert urlsplit(page.url).fragment == anchor
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("e => e.matches(':target')")
    assert cited[:40] in target.inner_text()
    border = target.evaluate("e => getComputedStyle(e).borderLeftColor")
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    assert border not in ("rgba(0, 0, 0, 0)", "transparent"), border
    page.screenshot(path=str(ARTIFACTS / "cited-paragraph.png"))


def test_actor_to_event_to_source(needs_browser: Path, watched: Watched, base_url: str,
                                  site: Path) -> None:
    candidates = []
    for actor in sorted((site / "actors").glob("*/index.html")):
        tree = LexborHTMLParser(actor.read_text("utf-8"))
        if tree.css_first("article a[href*='chronology'][href*='#event-']") is not None:
            candidates.append(actor.parent.name)
    assert candidates, "no actor page links an event of the chronology"
    page = watched.page
    page.goto(urljoin(base_url, f"actors/{candidates[0]}/"), wait_until="networkidle")
    page.locator("article a[href*='chronology'][href*='#event-']").first.click()
    page.wait_for_load_state("networkidle")
    event_id = urlsplit(page.url).fragment
    assert "/chronology/" in page.url and event_id.startswith("event-"), page.url
    event = page.locator(f"[id='{event_id}']")
    assert event.is_visible()
    source_link = event.locator("a[href*='sources/']").first
    source_link.click()
    page.wait_for_load_state("networkidle")
    assert "/sources/" in page.url, page.url
    fragment = urlsplit(page.url).fragment
    assert fragment, page.url  # event citations link paragraphs, not whole sources
    assert page.locator(f"[id='{fragment}']").evaluate("e => e.matches(':target')")
    assert page.locator("article h1").first.is_visible()


def test_chronology_filters(needs_browser: Path, watched: Watched, base_url: str,
                            site: Path) -> None:
    assert (site / "chronology" / "index.html").exists()
    page = watched.page
    page.goto(urljoin(base_url, "chronology/"), wait_until="networkidle")
    # Background and later dates sit in collapsed sections; the main list is what shows.
    events = page.locator("article [id^='event-']:not(details *)")
    total = events.count()
    assert total > 1, "the chronology has fewer than two events"

    def visible() -> int:
        return sum(1 for e in events.all() if e.is_visible())

    assert visible() == total
    controls = page.locator("article select, article input[type=checkbox], "
                            "article input[type=radio], article input[type=search], "
                            "article input[type=text]")
    if controls.count() == 0:
        pytest.fail("the chronology page has no filter controls")
    changed = False
    for control in controls.all():
        kind = control.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
        if kind.startswith("select"):
            values = control.locator("option").evaluate_all("os => os.map(o => o.value)")
            for value in values[1:]:
                control.select_option(value)
                if 0 < visible() < total:
                    changed = True
                    break
            control.select_option(values[0])
        elif kind.endswith(("checkbox", "radio")):
            control.click()
            changed = changed or visible() < total
            control.click()
        else:
            control.fill("zzzz-no-such-event")
            changed = changed or visible() < total
            control.fill("")
        if changed:
            break
    assert changed, "no filter control hid any event"
    assert visible() == total, "clearing the filters did not show every event again"


def test_dark_mode_toggle(needs_browser: Path, watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url, wait_until="networkidle")
    scheme = "e => document.body.getAttribute('data-md-color-scheme')"
    background = "e => getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(scheme) == "default"
    light = page.evaluate(background)
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate(background) != light
    page.screenshot(path=str(ARTIFACTS / "dark-mode.png"))
    page.reload(wait_until="networkidle")
    assert page.evaluate(scheme) == "slate", "the chosen scheme is not remembered"


def test_no_page_scrolls_sideways_at_375px(needs_browser: Path, browser: object,
                                           base_url: str, site: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    pages = html_pages(site)
    assert len(pages) >= 5
    wide: list[str] = []
    try:
        for path in pages:
            page.goto(urljoin(base_url, path), wait_until="load")
            sizes = page.evaluate("() => [document.documentElement.scrollWidth, "
                                  "document.documentElement.clientWidth]")
            if sizes[0] > sizes[1]:
                wide.append(f"{path}: scrollWidth {sizes[0]} > clientWidth {sizes[1]}")
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"wide-{path.replace('/', '_')}.png"))
        page.goto(base_url, wait_until="load")
        page.screenshot(path=str(ARTIFACTS / "home-375px.png"))
    finally:
        context.close()
    assert wide == [], "\n".join(wide)

"""The chronology in a real browser: legible drawing, newest first, date range, no script."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browserkit import ARTIFACTS, Watched, html_pages
from selectolax.lexbor import LexborHTMLParser

from briefbook.render.chronology import CSV_COLUMNS

#: ACLED's own column names (``independent_sources`` and the others are the book's).
ACLED_NAMES = re.compile(r"\b(?:" + "|".join(c for c in CSV_COLUMNS[:10] if c != "year") + r")\b")


def test_no_page_shows_an_acled_column_name(needs_browser: Path, site: Path) -> None:
    shown = {}
    for path in html_pages(site):
        tree = LexborHTMLParser((site / path).read_text("utf-8"))
        for node in tree.css("script, style, code"):
            node.decompose()
        body = tree.body
        found = ACLED_NAMES.findall(body.text(separator=" ") if body else "")
        if found:
            shown[path] = sorted(set(found))
    assert shown == {}


@pytest.mark.parametrize("width", [1400, 375])
def test_drawing_is_legible(needs_browser: Path, browser: object, base_url: str,
                            width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(urljoin(base_url, "chronology/"), wait_until="networkidle")
        figure = page.locator("article figure.bb-timeline").first
        figure.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        figure.screenshot(path=str(ARTIFACTS / f"chronology-drawing-{width}px.png"))
        page.screenshot(path=str(ARTIFACTS / f"chronology-{width}px.png"))
        heights = page.eval_on_selector_all(
            "article figure.bb-timeline:not(details *) svg text",
            "els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and min(heights) >= 9, heights  # labels of at least ~10px on screen
        numbers = page.eval_on_selector_all(
            "article figure.bb-timeline:not(details *) svg a text",
            "els => els.map(e => e.textContent)")
        listed = page.eval_on_selector_all(
            "article .bb-event-number", "els => els.map(e => e.textContent.replace('.', ''))")
        assert numbers and sorted(numbers, key=int) == sorted(listed, key=int)
        caption = page.locator("article figure.bb-timeline figcaption").first.inner_text()
        assert "number in the list" in caption
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, "
                              "document.documentElement.clientWidth]")
        assert sizes[0] <= sizes[1], "the drawing widens the page instead of scrolling"
    finally:
        context.close()


def _main_dates(page: object, which: str = "data-earliest") -> list[str]:
    """The dates of the visible events of the main list, in page order."""
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        "article .bb-event:not(details *)",
        f"els => els.filter(e => e.offsetParent !== null).map(e => e.getAttribute('{which}'))")


def test_newest_first_and_date_range(needs_browser: Path, watched: Watched,
                                     base_url: str) -> None:
    page = watched.page
    page.goto(urljoin(base_url, "chronology/"), wait_until="networkidle")
    oldest_first = _main_dates(page)
    assert len(oldest_first) > 3 and oldest_first == sorted(oldest_first)
    page.locator("form[data-bb-chrono-filter] input[name=newest]").check()
    newest_first = _main_dates(page)
    assert newest_first == sorted(oldest_first, reverse=True)
    page.locator("form[data-bb-chrono-filter] input[name=newest]").uncheck()
    assert _main_dates(page) == oldest_first
    middle = oldest_first[len(oldest_first) // 2]
    page.locator("form[data-bb-chrono-filter] input[name=from]").fill(middle)
    later = _main_dates(page, "data-latest")
    assert later and len(later) < len(oldest_first) and min(later) >= middle
    page.locator("form[data-bb-chrono-filter] input[name=from]").fill("")
    assert _main_dates(page) == oldest_first
    assert watched.console_errors == []


def test_without_javascript_the_chronology_is_a_plain_list(needs_browser: Path, browser: object,
                                                           base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(urljoin(base_url, "chronology/"), wait_until="load")
        assert not page.locator("form[data-bb-chrono-filter]").is_visible()
        events = page.locator("article .bb-event:not(details *)")
        assert events.count() > 3 and all(e.is_visible() for e in events.all())
        details = page.locator("article details.bb-chrono-side")
        if details.count():
            details.first.locator("summary").click()
            assert details.first.locator(".bb-event").first.is_visible()
    finally:
        context.close()

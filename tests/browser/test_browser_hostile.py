"""The hostile corpus in a real browser: hovering and clicking every citation runs nothing.

The book of :mod:`hostilekit` (payloads in every article and metadata field) is built with the
theme's tooltips on, served on 127.0.0.1 and opened in Chromium. On every page that shows
source text or metadata, every citation link is hovered (the theme turns its ``title`` into a
tooltip) and clicked; every page is also scrolled and its search is run for a payload. No
dialog may open and no console message or page error may come from a payload.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest

from bookkit import MKDOCS_YML, mkdocs_build, write_book
from hostilekit import actors_yml, articles, events_yml, notes_page, sources_yml, topics_yml

PAGES = ("notes/", "sources/hostile-a/", "sources/hostile-b/", "sources/", "actors/jane-roe/",
         "actors/evil-org/", "actors/", "chronology/", "compare/", "review/",
         "topics/harbour/", "print.html")
#: The theme's tooltips and instant navigation on: both turn page text into DOM at run time.
HOSTILE_YML = MKDOCS_YML.replace("  font: false\n", "  font: false\n  features:\n"
                                 "    - content.tooltips\n    - navigation.instant\n"
                                 "    - search.highlight\n")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = write_book(tmp_path_factory.mktemp("hostile-browser") / "book", articles(),
                      sources_yml=sources_yml(), docs={"notes.md": notes_page()},
                      yml={"actors.yml": actors_yml(), "events.yml": events_yml(),
                           "topics.yml": topics_yml()}, mkdocs_yml=HOSTILE_YML)
    built = mkdocs_build(root, strict=False)
    assert built.returncode == 0, built.stderr
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


def _payload(text: str) -> bool:
    return "alert" in text or "PWN" in text or "pwn" in text.lower()


def test_no_payload_runs_when_citations_are_hovered_and_clicked(
        needs_browser: Path, browser: object, hostile_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    messages: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("console", lambda m: messages.append(f"{page.url}: {m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"{page.url}: uncaught: {e}"))
    hovered = clicked = 0
    try:
        for path in PAGES:
            url = urljoin(hostile_url, path)
            assert page.goto(url, wait_until="load").ok, url  # type: ignore[union-attr]
            page.mouse.wheel(0, 4000)
            links = page.locator("a.bb-cite-link")
            count = links.count()
            if path == "notes/":
                assert count >= 50  # every hostile paragraph is cited there
            # collapsed sections (the chronology's background and later dates) opened, so
            # that the tooltips inside them are hovered too
            page.evaluate("document.querySelectorAll('article details')"
                          ".forEach(d => { d.open = true; })")
            page.evaluate("document.querySelectorAll('article [title]')"
                          ".forEach((e, i) => { e.dataset.bbHover = i; })")
            titled = page.locator("[data-bb-hover]")  # citations, change marks: every tooltip
            for i in range(titled.count()):
                titled.nth(i).hover(force=True, timeout=5_000)
                hovered += 1
            page.wait_for_timeout(300)  # a tooltip's rendering, if any, happens now
            for i in range(count if path == "notes/" else min(count, 3)):
                if i:
                    page.goto(url, wait_until="domcontentloaded")
                target = page.locator("a.bb-cite-link").nth(i)
                target.click()
                page.wait_for_load_state("domcontentloaded")
                clicked += 1
        page.goto(hostile_url, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("onmouseover", delay=10)  # results show the hostile texts
        page.wait_for_timeout(1500)
    finally:
        context.close()
    assert hovered >= 60 and clicked >= 50
    assert dialogs == []
    assert [m for m in messages if _payload(m)] == []

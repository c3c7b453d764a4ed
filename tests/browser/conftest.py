"""Fixtures for the browser tests: a strict build of the book, served on 127.0.0.1, and
Debian's Chromium driven by Playwright.

Chromium is ``/usr/bin/chromium`` (``.ci/run`` installs it). Without it the tests skip with a
reason, except under ``CI``, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browserkit import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Watched, build_site


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents and "needs_browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def needs_browser() -> Path:
    """The Chromium binary; skip (locally) or fail (under CI) when it is missing."""
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} is missing: install Debian's 'chromium' package (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built strictly (directory URLs, as published)."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built for opening from ``file://`` (Material's offline plugin)."""
    return build_site(tmp_path_factory.mktemp("offline") / "site", BRIEFBOOK_OFFLINE="true")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served by a stdlib HTTP server on 127.0.0.1 (a free port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser(needs_browser: Path) -> Iterator[object]:
    """Debian's Chromium, headless, with a fresh temporary profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(needs_browser),
                                              args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def watched(browser: object, request: pytest.FixtureRequest) -> Iterator[Watched]:
    """A new page (1280×900, light scheme) recording console errors and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},  # type: ignore[attr-defined]
                                  color_scheme="light")
    page = context.new_page()
    seen = Watched(page=page)
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.console_errors.append(f"uncaught: {e}"))
    page.on("request", lambda r: seen.requests.append(r.url))
    yield seen
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=False)
    finally:
        context.close()

"""``briefbook add URL`` against a loopback HTTP server; nothing reaches the internet."""

from __future__ import annotations

import datetime as dt
import functools
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefbook.cli import main
from briefbook.ingest.html import FetchError, add_page, fetch_url, url_source_id
from briefbook.read.book import load_book
from test_ingest_html import ARTICLE, page


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A web server on 127.0.0.1 serving the files the test writes into its folder."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", folder
    finally:
        httpd.shutdown()
        httpd.server_close()


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_add_url_fetches_extracts_and_records_accessed(server, tmp_path: Path):
    base, www = server
    (www / "news").mkdir()
    (www / "news" / "harbour-reopens.html").write_text(page(head="""
<title>Harbour reopens after storm</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta name="date" content="2019-03-14">"""), "utf-8")
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    url = f"{base}/news/harbour-reopens.html"
    result = add_page(briefing, url, today=lambda: dt.date(2024, 5, 6))
    assert [p for p in result.problems if p.level == "error"] == []
    assert [a.id for a in result.added] == ["harbour-reopens"]
    source = load_book(briefing).source("harbour-reopens")
    assert [p.text for p in source.paragraphs] == ARTICLE
    assert source.accessed == "2024-05-06"
    assert source.url == url  # no canonical link on the page: the address fetched
    assert (source.outlet, source.date, source.date_basis) == (
        "The Coastal Gazette", "2019-03-14", "stated")
    assert "Fetched on 2024-05-06" in source.notes
    assert (briefing / "originals" / "harbour-reopens.html").read_bytes() == \
        (www / "news" / "harbour-reopens.html").read_bytes()


def test_cli_add_url(server, tmp_path: Path):
    base, www = server
    (www / "story.html").write_text(page(), "utf-8")
    root = tmp_path / "b"
    assert CliRunner().invoke(main, ["new", str(root)]).exit_code == 0
    result = CliRunner().invoke(main, ["add", "--briefing", str(root / "briefing"), "--id",
                                       "harbour", f"{base}/story.html"])
    assert result.exit_code == 0, result.output
    assert "added harbour (3 paragraphs)" in result.output
    source = load_book(root / "briefing").source("harbour")
    assert source.url == "https://gazette.example.org/news/harbour-reopens"  # canonical
    assert source.accessed == dt.date.today().isoformat()


def test_unreachable_server_is_a_clear_error(tmp_path: Path):
    url = f"http://127.0.0.1:{unused_port()}/story.html"
    with pytest.raises(FetchError) as caught:
        fetch_url(url, timeout=5)
    message = str(caught.value)
    assert message.startswith(f"{url}: cannot reach the server (")
    assert "offline, or the address is wrong" in message
    assert "save the page from a browser" in message
    briefing = tmp_path / "briefing"
    (briefing / "sources").mkdir(parents=True)
    result = CliRunner().invoke(main, ["add", "--briefing", str(briefing), url])
    assert result.exit_code == 1
    assert f"ERROR: {url}: cannot reach the server" in result.output
    assert list((briefing / "sources").iterdir()) == []


def test_http_errors_size_limit_and_non_html(server):
    base, www = server
    with pytest.raises(FetchError, match=r"the server answered HTTP 404"):
        fetch_url(f"{base}/missing.html")
    (www / "big.html").write_text(page(), "utf-8")
    with pytest.raises(FetchError, match=r"larger than 1,000 bytes"):
        fetch_url(f"{base}/big.html", max_bytes=1000)
    (www / "data.json").write_text("{}", "utf-8")
    with pytest.raises(FetchError, match=r"'application/json', not a web page"):
        fetch_url(f"{base}/data.json")


def test_a_silent_server_times_out():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the connection, never answers
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow.html"
        with pytest.raises(FetchError, match=r"no answer from the server within 0.5 s"):
            fetch_url(url, timeout=0.5)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/news/2019/Harbour_Reopens.html", "harbour-reopens"),
    ("https://example.org/", "example-org"),
    ("https://example.org/a/b/?id=3", "b"),
])
def test_url_source_id(url: str, expected: str):
    assert url_source_id(url) == expected

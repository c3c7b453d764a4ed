"""The serve loop of ``briefbook bench`` counts rebuilds from what ``mkdocs serve`` logs."""

from __future__ import annotations

import pytest

from briefbook.bench.serve import _Server
from briefbook.core.errors import ToolError


def _server(lines: list[str]) -> _Server:
    server = _Server.__new__(_Server)  # no process: only the log is read
    server.log = lines
    return server


def test_rebuilds_are_counted_even_when_mkdocs_drops_a_repeated_message() -> None:
    """MkDocs prints *Documentation built in 0.15 seconds* once per session (its log filter
    drops repeats); the loop waited 300 s for a second one. *Reloading browsers* is logged
    after every finished rebuild."""
    log = ["INFO - Documentation built in 2.35 seconds",
           "INFO - [03:03:37] Detected file changes", "INFO - Building documentation...",
           "INFO - Documentation built in 0.15 seconds", "INFO - [03:03:37] Reloading browsers",
           "INFO - [03:03:43] Detected file changes", "INFO - Building documentation...",
           "INFO - [03:03:43] Reloading browsers"]
    assert _server(log).builds() == 2


def test_a_failed_rebuild_stops_the_loop_with_the_log() -> None:
    log = ["INFO - Building documentation...", "Traceback (most recent call last):",
           "ERROR - An error happened during the rebuild. The server will appear stuck until "
           "build errors are resolved."]
    with pytest.raises(ToolError, match="failed to rebuild"):
        _server(log).builds()


def test_the_page_is_asked_for_only_after_a_rebuild_finished(tmp_path) -> None:
    """The loop reads the log for the end of a rebuild, then requests the page: it does not
    poll the server while it rebuilds (a browser waits on one long-poll request)."""
    import functools
    import http.server
    import threading

    from briefbook.bench.serve import _wait_served

    requests: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            requests.append(self.path)
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    (tmp_path / "index.html").write_text("old", "utf-8")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = _server(["INFO - Documentation built in 1.00 seconds"])

    def rebuild() -> None:
        (tmp_path / "index.html").write_text("new marker-1", "utf-8")
        server.log.append("INFO - [10:00:00] Reloading browsers")

    timer = threading.Timer(0.5, rebuild)
    timer.start()
    try:
        took = _wait_served(server, 0, f"http://127.0.0.1:{httpd.server_port}/index.html",
                            "marker-1", 10)
    finally:
        timer.cancel()
        httpd.shutdown()
        httpd.server_close()
    assert 0.4 < took < 5
    assert len(requests) == 1

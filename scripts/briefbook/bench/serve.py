"""The editor's loop through a real ``mkdocs serve``: file written → page served.

A benchmark, not a test. The server runs as its own process on a free loopback port; each
figure is the wall time from writing a file to the moment an HTTP request for the affected
page returns the new content (so it includes the watcher's delay, the rebuild and the write of
the page), as an editor sees it.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from briefbook.core.errors import ToolError
from briefbook.read.sources import source_id_for

#: Seconds to wait for the first build, and for one page after one change.
START_TIMEOUT = 900.0
CHANGE_TIMEOUT = 300.0
_SERVING_RE = re.compile(r"Serving on (http://\S+)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, marker: str, timeout: float) -> float:
    """Poll ``url`` until its body contains ``marker``; return the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(url)
        if body is not None and marker in body:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise ToolError(f"{url} did not show {marker!r} within {timeout:.0f} s")


class _Server:
    """``mkdocs serve`` in a child process, its log collected in the background."""

    def __init__(self, config_file: Path, *, dirty: bool) -> None:
        port = _free_port()
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a",
               f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
        self.log: list[str] = []
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, cwd=config_file.parent,
                                     env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.log.append(line.rstrip())

    def base_url(self) -> str:
        start = time.perf_counter()
        while time.perf_counter() - start < START_TIMEOUT:
            for line in list(self.log):
                found = _SERVING_RE.search(line)
                if found:
                    return found.group(1).rstrip("/") + "/"
            if self.proc.poll() is not None:
                raise ToolError("mkdocs serve stopped:\n" + "\n".join(self.log[-30:]))
            time.sleep(0.05)
        raise ToolError("mkdocs serve did not start in time")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def serve_loop(config_file: Path, *, edits: int = 5, dirty: bool = False) -> dict[str, Any]:
    """Time edit → page served and add article → its source page served.

    Args:
        config_file: ``mkdocs.yml`` of a scratch copy of a book (pages and articles are
            written into it).
        edits: How many of each change to time; the median is reported with every sample.
        dirty: Run ``mkdocs serve --dirty``.

    Returns:
        ``{"edit_page": {"median": s, "samples": [...]}, "add_article": {...},
        "first_build": s}``, seconds of wall time.

    Raises:
        ToolError: the server did not start, or a change was not served in time.
    """
    root = config_file.parent
    index = root / "docs" / "index.md"
    sources = root / "briefing" / "sources"
    original = index.read_text("utf-8")
    server = _Server(config_file, dirty=dirty)
    start = time.perf_counter()
    try:
        base = server.base_url()
        _wait_for(base, "</html>", START_TIMEOUT)
        first = time.perf_counter() - start
        edit_times = []
        for n in range(edits):
            time.sleep(1.0)  # let the watcher settle, so each change is its own rebuild
            marker = f"benchmark-edit-{n}-{time.time_ns()}"
            index.write_text(original + f"\n\nAn edited paragraph ({marker}).\n", "utf-8")
            edit_times.append(_wait_for(base, marker, CHANGE_TIMEOUT))
        add_times = []
        for n in range(edits):
            time.sleep(1.0)
            marker = f"benchmark-article-{n}-{time.time_ns()}"
            name = f"zz-bench-serve-{n}.txt"
            (sources / name).write_text(
                f"A headline for the benchmark\n\nA paragraph that says {marker} here.\n",
                "utf-8")
            url = f"{base}sources/{source_id_for(name)}/"
            add_times.append(_wait_for(url, marker, CHANGE_TIMEOUT))
    finally:
        server.stop()
        index.write_text(original, "utf-8")
        for path in sources.glob("zz-bench-serve-*.txt"):
            path.unlink()
    return {"first_build": first,
            "edit_page": {"median": statistics.median(edit_times), "samples": edit_times},
            "add_article": {"median": statistics.median(add_times), "samples": add_times}}

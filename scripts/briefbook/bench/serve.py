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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefbook.core.errors import ToolError
from briefbook.read.sources import source_id_for

#: Seconds to wait for the first build, and for one page after one change.
START_TIMEOUT = 900.0
CHANGE_TIMEOUT = 300.0
_SERVING_RE = re.compile(r"Serving on (http://\S+)")
_MARK = "\x00marker\x00"


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


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` so far (``None`` off Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _figures(samples: list[float], cpu: list[float | None]) -> dict[str, Any]:
    known = [c for c in cpu if c is not None]
    return {"median": statistics.median(samples), "samples": samples,
            "cpu_median": statistics.median(known) if known else None, "cpu_samples": cpu}


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

    def builds(self) -> int:
        """How many rebuilds the server has reported finishing so far.

        Counted by *Reloading browsers*, which the server logs after every rebuild that
        finished: MkDocs' log filter (``DuplicateFilter``) drops a message it has printed
        before, so a second *Documentation built in 0.15 seconds* never appears.

        Raises:
            ToolError: the server reported that a rebuild failed.
        """
        lines = list(self.log)
        if any("An error happened during the rebuild" in line for line in lines):
            raise ToolError("mkdocs serve failed to rebuild:\n" + "\n".join(lines[-30:]))
        return sum("Reloading browsers" in line for line in lines)

    def cpu_until_built(self, builds: int, before: float | None) -> float | None:
        """CPU seconds since ``before`` once more than ``builds`` builds finished."""
        start = time.perf_counter()
        while self.builds() <= builds and time.perf_counter() - start < CHANGE_TIMEOUT:
            time.sleep(0.05)
        after = _cpu_seconds(self.proc.pid)
        return None if before is None or after is None else after - before

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def serve_loop(config_file: Path, *, edits: int = 5, dirty: bool = False,
               articles: Sequence[Path] = ()) -> dict[str, Any]:
    """Time edit → page served and add article → its source page served.

    Args:
        config_file: ``mkdocs.yml`` of a scratch copy of a book (pages and articles are
            written into it).
        edits: How many of each change to time; the median is reported with every sample.
        dirty: Run ``mkdocs serve --dirty``.
        articles: Real articles (plain text, title on the first line) to add one by one
            after the generated ones, each with a marker sentence after its title; timed as
            ``add_real_article``.

    Returns:
        ``{"edit_page": {...}, "add_article": {...}, "add_real_article": {...},
        "first_build": s}``; each change's figures are ``{"median": s, "samples": [...],
        "cpu_median": s, "cpu_samples": [...]}``: seconds of wall time from the write to the
        page served, and CPU seconds (user + system) the server process spent from the write
        until its rebuild finished (``None`` where ``/proc`` is not available).
        ``add_real_article`` only with ``articles``.

    Raises:
        ToolError: the server did not start, or a change was not served in time.
    """
    root = config_file.parent
    index = root / "docs" / "index.md"
    sources = root / "briefing" / "sources"
    original = index.read_text("utf-8")
    texts = [Path(a).read_text("utf-8") for a in articles]
    server = _Server(config_file, dirty=dirty)
    pid = server.proc.pid
    start = time.perf_counter()
    try:
        base = server.base_url()
        _wait_for(base, "</html>", START_TIMEOUT)
        first = time.perf_counter() - start
        edit_times, edit_cpu = [], []
        for n in range(edits):
            time.sleep(1.0)  # let the watcher settle, so each change is its own rebuild
            marker = f"benchmark-edit-{n}-{time.time_ns()}"
            builds, before = server.builds(), _cpu_seconds(pid)
            index.write_text(original + f"\n\nAn edited paragraph ({marker}).\n", "utf-8")
            edit_times.append(_wait_for(base, marker, CHANGE_TIMEOUT))
            edit_cpu.append(server.cpu_until_built(builds, before))
        changes = [(f"A headline for the benchmark\n\nA paragraph that says {_MARK} here.\n",
                    "add_article")] * edits
        # the marker goes after the first line, whether paragraphs are separated by blank
        # lines or by single line breaks (wire copy)
        changes += [(text.replace("\n", f"\n\nIn brief ({_MARK}).\n\n", 1), "add_real_article")
                    for text in texts]
        added: dict[str, tuple[list[float], list[float | None]]] = {}
        for n, (template, label) in enumerate(changes):
            time.sleep(1.0)
            marker = f"benchmark-article-{n}-{time.time_ns()}"
            name = f"zz-bench-serve-{n}.txt"
            builds, before = server.builds(), _cpu_seconds(pid)
            (sources / name).write_text(template.replace(_MARK, marker), "utf-8")
            url = f"{base}sources/{source_id_for(name)}/"
            took = _wait_for(url, marker, CHANGE_TIMEOUT)
            wall, cpu = added.setdefault(label, ([], []))
            wall.append(took)
            cpu.append(server.cpu_until_built(builds, before))
    finally:
        server.stop()
        index.write_text(original, "utf-8")
        for path in sources.glob("zz-bench-serve-*.txt"):
            path.unlink()
    return {"first_build": first, "edit_page": _figures(edit_times, edit_cpu),
            **{label: _figures(*figures) for label, figures in added.items()}}

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

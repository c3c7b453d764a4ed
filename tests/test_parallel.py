"""Cache misses computed in worker processes: the same entries and pages as serially."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefbook.core import cache, parallel

needs_two_cpus = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="worker processes are used only with two CPUs or more")


@pytest.fixture(autouse=True)
def _memory_cache() -> None:
    cache.configure(None)
    cache.active().clear_memory()
    yield
    cache.configure(None)
    cache.active().clear_memory()


def test_serial_when_asked_or_beside_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    for setting in ("1", "0", "two", "-3"):
        monkeypatch.setenv("BRIEFBOOK_JOBS", setting)
        assert parallel.workers() == 1
    jobs = [(f"k{i}", lambda i=i: (i, os.getpid())) for i in range(100)]
    monkeypatch.setenv("BRIEFBOOK_JOBS", "1")
    assert parallel.prefill("test.serial", jobs) == 0
    assert not cache.active().has("test.serial", "k0")
    monkeypatch.setenv("BRIEFBOOK_JOBS", "2")
    started = threading.Event()
    other = threading.Thread(target=started.wait)  # a server's thread, say
    other.start()
    try:
        assert parallel.workers() == 1
    finally:
        started.set()
        other.join()


def _in_fresh_process(check: str) -> None:
    """Run ``parallelkit.<check>()`` in a new interpreter and fail with its output if it fails.

    Worker processes are forked only when no other thread runs (a fork copies held locks);
    the rest of the suite leaves server threads alive, so these checks run where none does.
    """
    here = Path(__file__).parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(here), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("BRIEFBOOK_JOBS", None)
    result = subprocess.run([sys.executable, "-c", f"import parallelkit; parallelkit.{check}()"],
                            capture_output=True, text=True, env=env, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_two_cpus
def test_misses_are_computed_in_workers_in_order() -> None:
    _in_fresh_process("misses_in_workers_in_order")


@needs_two_cpus
def test_pages_identical_with_workers() -> None:
    _in_fresh_process("pages_identical_with_workers")


def test_workers_by_default_one_per_cpu() -> None:
    _in_fresh_process("workers_by_default")


@needs_two_cpus
def test_print_view_identical_with_workers() -> None:
    _in_fresh_process("print_view_identical_with_workers")

"""Cache misses computed in worker processes: the same entries and pages as serially."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefbook.analyse.annotations import Annotations
from briefbook.bench.stages import generated_article
from briefbook.core import cache, parallel
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.pages import build_pages

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


def test_serial_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFBOOK_JOBS", raising=False)
    assert parallel.workers() == 1
    for setting in ("1", "0", "two", ""):
        monkeypatch.setenv("BRIEFBOOK_JOBS", setting)
        assert parallel.workers() == 1
    jobs = [(f"k{i}", lambda i=i: (i, os.getpid())) for i in range(100)]
    monkeypatch.delenv("BRIEFBOOK_JOBS")
    assert parallel.prefill("test.serial", jobs) == 0
    assert not cache.active().has("test.serial", "k0")


@needs_two_cpus
def test_misses_are_computed_in_workers_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFBOOK_JOBS", "2")
    store = cache.active()
    store.put("test.pool", "k3", (3, "stored"))  # a hit is not computed again
    jobs = [(f"k{i}", lambda i=i: (i, os.getpid())) for i in range(100)]
    jobs.append(("k5", lambda: (5, "a repeated key is computed once")))
    assert parallel.prefill("test.pool", jobs) == 99
    values = {i: store.memory[("test.pool", f"k{i}")] for i in range(100)}
    assert all(values[i][0] == i for i in range(100))
    assert values[3] == (3, "stored")
    pids = {pid for i, (_, pid) in values.items() if i != 3}
    assert os.getpid() in pids and len(pids) > 1  # the first here, the rest in workers
    # too few misses: nothing is started
    assert parallel.prefill("test.few", jobs[:10]) == 0


@needs_two_cpus
def test_pages_identical_with_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "briefing" / "sources"
    sources.mkdir(parents=True)
    for i in range(60):
        (sources / f"article-{i:02d}.txt").write_text(generated_article(i), "utf-8")
    (sources / "ugly.txt").write_text("“Ünïcode” said Zoë O’Brien on 3 March 2005.\n\n"
                                      "Then nothing.\n", "utf-8")

    def render() -> tuple[dict[str, str], list[str]]:
        book = load_book(tmp_path / "briefing")
        annotations = Annotations(book)
        pages = build_pages(book, {"index.md": "# Home\n"}, Settings(),
                            annotations=annotations).pages
        return pages, [repr(x) for x in (annotations.quotes, annotations.mentions,
                                         annotations.actors, annotations.chronology)]

    monkeypatch.delenv("BRIEFBOOK_JOBS", raising=False)
    serial = render()
    cache.active().clear_memory()
    monkeypatch.setenv("BRIEFBOOK_JOBS", "2")
    stored: list[str] = []  # what prefill stored (it alone calls put)
    put = cache.Cache.put
    monkeypatch.setattr(cache.Cache, "put", lambda self, namespace, key, value: (
        stored.append(namespace), put(self, namespace, key, value))[-1])
    pooled = render()
    assert parallel.workers() == 2
    assert {"people.names", "mentions.source", "quotes.source", "chronology.clauses"} <= set(
        stored) and len(stored) > 4 * 60
    assert pooled == serial

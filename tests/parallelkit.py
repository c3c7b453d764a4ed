"""Checks of worker processes, run in a fresh interpreter by ``tests/test_parallel.py``.

Each function raises ``AssertionError`` when its check fails.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefbook.analyse.annotations import Annotations
from briefbook.bench.stages import generated_article
from briefbook.core import cache, parallel
from briefbook.read.book import load_book
from briefbook.render.base import Settings
from briefbook.render.pages import build_pages


def misses_in_workers_in_order() -> None:
    """Misses are computed in workers, hits are not, results land in the book's order."""
    cache.configure(None)
    os.environ["BRIEFBOOK_JOBS"] = "2"
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
    assert parallel.prefill("test.few", jobs[:10]) == 0  # too few misses: nothing started


def pages_identical_with_workers() -> None:
    """Pages and analysis of 61 articles are the same serially and with two workers."""
    cache.configure(None)
    root = Path(tempfile.mkdtemp(prefix="briefbook-parallel-"))
    sources = root / "briefing" / "sources"
    sources.mkdir(parents=True)
    for i in range(60):
        (sources / f"article-{i:02d}.txt").write_text(generated_article(i), "utf-8")
    (sources / "ugly.txt").write_text("“Ünïcode” said Zoë O’Brien on 3 March 2005.\n\n"
                                      "Then nothing.\n", "utf-8")

    def render() -> tuple[dict[str, str], list[str]]:
        book = load_book(root / "briefing")
        annotations = Annotations(book)
        pages = build_pages(book, {"index.md": "# Home\n"}, Settings(),
                            annotations=annotations).pages
        return pages, [repr(x) for x in (annotations.quotes, annotations.mentions,
                                         annotations.actors, annotations.chronology)]

    os.environ["BRIEFBOOK_JOBS"] = "1"
    serial = render()
    cache.active().clear_memory()
    os.environ["BRIEFBOOK_JOBS"] = "2"
    stored: list[str] = []  # what prefill stored (it alone calls put)
    put = cache.Cache.put

    def recording_put(self: cache.Cache, namespace: str, key: str, value: object) -> None:
        stored.append(namespace)
        put(self, namespace, key, value)

    cache.Cache.put = recording_put  # type: ignore[method-assign]
    pooled = render()
    assert parallel.workers() == 2
    assert {"people.names", "mentions.source", "quotes.source", "chronology.clauses"} <= set(
        stored) and len(stored) > 4 * 60
    assert pooled == serial


def workers_by_default() -> None:
    """Unset, one worker per CPU this process may use (at most MAX_WORKERS); 1 on request."""
    os.environ.pop("BRIEFBOOK_JOBS", None)
    cpus = len(os.sched_getaffinity(0))
    assert parallel.workers() == max(1, min(cpus, parallel.MAX_WORKERS))
    os.environ["BRIEFBOOK_JOBS"] = "1"
    assert parallel.workers() == 1
    os.environ["BRIEFBOOK_JOBS"] = "64"
    assert parallel.workers() == max(1, min(cpus, parallel.MAX_WORKERS))


def print_view_identical_with_workers() -> None:
    """The print view of a site of 80 pages is the same parsed serially and in workers."""
    from briefbook.site.printview import AsOf, PrintCache, print_document

    cache.configure(None)
    site = Path(tempfile.mkdtemp(prefix="briefbook-print-"))
    links = "".join(f'<a class="md-nav__link" href="p{i}/">P{i}</a>' for i in range(0, 80, 7))
    for i in range(80):
        path = site / "index.html" if i == 0 else site / f"p{i}" / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<html><head><link rel="stylesheet" href="/assets/s.css"></head><body>'
            f'<nav class="md-nav md-nav--primary">{links}</nav>'
            f'<article class="md-content__inner"><h1 id="t">Page “{i}”</h1>'
            f'<p id="p-1">See <a href="../p{(i * 3) % 80}/#p-1">¶ 1</a> and '
            f'<a href="../p{(i + 1) % 80}/">next</a>.\r\nÜ {i}</p>'
            '<a class="headerlink" href="#t">¶</a></article></body></html>', "utf-8")
    when = AsOf(date=None, basis="unknown", source=None)

    def document(jobs: str) -> tuple[str, int]:
        os.environ["BRIEFBOOK_JOBS"] = jobs
        cache.active().clear_memory()
        printed = PrintCache()
        made = printed.prefill(site, [p.relative_to(site).as_posix()
                                      for p in sorted(site.rglob("*.html"))])
        return print_document(site, site_name="S", when=when, cache=printed), made

    serial, none = document("1")
    pooled, made = document("2")
    assert none == 0 and made == 80
    assert pooled == serial
    assert serial == print_document(site, site_name="S", when=when)  # no cache at all

"""Time the comparison stage on a folder of plain-text articles (a benchmark, not a test).

``python -m briefbook.bench.compare ../shared/corpora/bbc`` reads every ``*.txt`` file of the
folder with :func:`briefbook.read.sources.read_cached` (nothing is copied anywhere), builds an
in-memory :class:`~briefbook.core.model.Book` and times :func:`briefbook.analyse.align.align` and
:func:`briefbook.analyse.compare.compare` separately. :func:`bench` returns the figures as a dict
for
``briefbook bench``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from briefbook.analyse.align import align
from briefbook.analyse.compare import compare
from briefbook.core.model import Book, Source
from briefbook.read.sources import read_cached, source_id_for


def book_from_folder(folder: Path, *, limit: int | None = None) -> Book:
    """A book of every ``*.txt`` article in ``folder`` (ids from the file names)."""
    sources: list[Source] = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        data = path.read_bytes()
        article = read_cached(data, path.name)
        sources.append(Source(
            id=source_id_for(path.name), file=path.name, paragraphs=article.paragraphs,
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), date=article.date))
    return Book(root=str(folder), sources=tuple(sources))


def bench(folder: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Read the folder, then time alignment and the whole comparison stage (seconds).

    ``stage_seconds`` is wall-clock time; ``stage_cpu_seconds`` the processor time of this
    process, which does not grow when other processes share the machine.
    """
    started = time.perf_counter()
    book = book_from_folder(folder, limit=limit)
    read = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    alignment = align(book.sources)
    aligned = time.perf_counter() - started
    started = time.perf_counter()
    result = compare(book, alignment=alignment)
    compared = time.perf_counter() - started
    cpu = time.process_time() - cpu
    return {
        "articles": len(book.sources), "sentences": len(alignment.sentences),
        "candidates": alignment.candidates, "aligned_pairs": len(alignment.pairs),
        "derivatives": len(result.derivations), "discrepancies": len(result.discrepancies),
        "read_seconds": round(read, 2), "align_seconds": round(aligned, 2),
        "compare_seconds": round(compared, 2), "stage_seconds": round(aligned + compared, 2),
        "stage_cpu_seconds": round(cpu, 2),
    }


if __name__ == "__main__":  # pragma: no cover - a command-line convenience
    args = sys.argv[1:]
    figures = bench(Path(args[0]), limit=int(args[1]) if len(args) > 1 else None)
    sys.stdout.write(json.dumps(figures, indent=2) + "\n")

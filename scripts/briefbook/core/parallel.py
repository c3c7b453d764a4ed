"""Cache misses of a per-source stage, computed in worker processes.

The per-source analyses (names, mentions, quotations, dated clauses, the source-date
proposal) read one source and a registry fixed for the stage, and store their result in the
analysis cache (:mod:`briefbook.core.cache`). Before a stage loops over the sources,
:func:`prefill` computes the entries the cache lacks in forked worker processes and stores
them; the stage's own loop then finds every entry in the cache and runs as before, in the
book's order. The stored values are those the loop would have computed (the same function on
the same inputs, returned by pickle, the cache's own format), so the output is byte for byte
the same with one worker or eight.

Workers are used by default where that is safe:

- one worker per CPU this process may run on (``os.sched_getaffinity``), at most
  :data:`MAX_WORKERS`; the environment variable ``BRIEFBOOK_JOBS`` sets the number instead
  (``1``, or anything but a whole number above 1: serial). On an idle 2-core machine two
  workers took the cold analysis of 2,000 articles from 33 and 28 s to 21 s (the workers
  spend more CPU time in all, about 1.1 times, as each warms its own memo tables and results
  come back pickled); on a machine whose cores are busy with other work they can be slower
  than one process, which ``BRIEFBOOK_JOBS=1`` avoids (see the Performance page);
- the platform can ``fork`` (Linux; the workers inherit the book and registry without
  pickling them) and the process runs one thread (``mkdocs build``, ``briefbook build``, the
  first build of ``mkdocs serve``; the server's later rebuilds run beside its file watcher
  and HTTP threads, so they stay serial);
- at least :data:`MIN_MISSES` entries are missing (a few sources cost less than starting
  workers).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from briefbook.core.cache import active

#: Fewer missing entries than this are computed in the calling process.
MIN_MISSES = 48
#: At most this many workers, whatever the number of CPUs.
MAX_WORKERS = 8
#: The jobs of the running :func:`prefill`, inherited by its forked workers.
_PENDING: list[Callable[[], Any]] = []


def workers() -> int:
    """How many worker processes a stage may use (1: none).

    ``BRIEFBOOK_JOBS`` when set (a whole number; anything else means 1), else the CPUs this
    process may run on; at most :data:`MAX_WORKERS` and the CPUs; 1 where ``fork`` is not
    available or when other threads run.
    """
    setting = os.environ.get("BRIEFBOOK_JOBS", "").strip()
    if threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cpus = os.cpu_count() or 1
    if not setting:
        return max(1, min(cpus, MAX_WORKERS))
    if not setting.isdigit() or int(setting) < 2:
        return 1
    return max(1, min(int(setting), cpus, MAX_WORKERS))


def _run(index: int) -> Any:
    return _PENDING[index]()


def prefill(namespace: str, jobs: Sequence[tuple[str, Callable[[], Any]]],
            valid: Callable[[Any], bool] | None = None) -> int:
    """Compute the entries of ``namespace`` the active cache lacks, in worker processes.

    Args:
        namespace: The cache namespace the stage reads.
        jobs: ``(key, compute)`` for every source of the stage, in the book's order;
            ``compute()`` must return exactly what the stage stores under ``key``.
        valid: For a stage read with :func:`~briefbook.core.cache.cached_checked`: a stored
            value that is not ``valid`` counts as missing.

    Returns:
        How many entries were computed in workers (0 when the stage runs serially: too few
        misses, one CPU, no ``fork``, other threads).
    """
    store = active()
    seen: set[str] = set()
    missing: list[tuple[str, Callable[[], Any]]] = []
    for key, compute in jobs:
        if key not in seen and not store.has(namespace, key, valid):
            seen.add(key)
            missing.append((key, compute))
    count = min(workers(), len(missing) // (MIN_MISSES // 2))
    if len(missing) < MIN_MISSES or count < 2:
        return 0
    # the first entry is computed here: the tables a stage loads on first use (name lists,
    # date-language data, compiled patterns) are then inherited by every worker, not loaded
    # again in each
    key, compute = missing.pop(0)
    store.put(namespace, key, compute())
    _PENDING[:] = [compute for _, compute in missing]
    try:
        context = multiprocessing.get_context("fork")
        # gc.freeze in each worker: its collector then never walks (and copies) the pages of
        # the objects it inherited
        with context.Pool(count, initializer=gc.freeze) as pool:
            results = pool.map(_run, range(len(missing)),
                               chunksize=max(1, len(missing) // (count * 8)))
    finally:
        _PENDING.clear()
    for (key, _), value in zip(missing, results, strict=True):
        store.put(namespace, key, value)
    return len(missing) + 1

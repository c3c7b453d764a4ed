"""Python's cyclic garbage collector in ``mkdocs serve``: full collections wait for idle time.

A served book keeps millions of objects alive between rebuilds (the book, its analysis, the
caches). Python's collector would walk all of them again and again during a rebuild, so a
served rebuild runs with the collector off and what survived the last build is exempted from
collection (:func:`gc.freeze`). What a rebuild leaves behind (the analysis a changed book
replaced, the cyclic structures of rendering) is freed by a *full* collection, which has to
walk everything (about a second at 2,000 articles).

That full collection is owed after a rebuild whose book changed (an article added, edited or
removed, a curation file saved), and after every 20th rebuild (page edits leave little). It
runs :data:`IDLE_DELAY` seconds after the rebuild finished, in a thread of its own, while the
server waits for the next change; the browser has fetched the rebuilt page by then. If the
next change comes first, the owed collection runs at the start of that rebuild instead (what
every rebuild did before). Either way the memory a served book holds stays bounded.

The collection holds Python's global interpreter lock; the lock of this class keeps a rebuild
from starting while it runs, and a rebuild's start cancels one that has not begun.
"""

from __future__ import annotations

import gc
import threading

#: Seconds between the end of a rebuild and an owed full collection.
IDLE_DELAY = 0.5
#: A full collection after every this many rebuilds, changed book or not.
EVERY = 20


class IdleCollector:
    """When a served book's garbage is collected (see the module's description)."""

    def __init__(self, delay: float = IDLE_DELAY) -> None:
        self.delay = delay
        self.builds = 0
        #: Full collections run so far: ``(in idle time, at a rebuild's start)``.
        self.collections = [0, 0]
        self._owed = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def before_build(self, *, changed: bool) -> None:
        """At the start of a served build (``changed``: the book differs from the last one).

        Runs a full collection still owed by the last rebuild, exempts the survivors from
        collection and, from the second build on, turns the collector off for the rebuild
        (:meth:`after_build` turns it back on).
        """
        self._cancel()
        self.builds += 1
        with self._lock:
            gc.enable()  # a build that failed did not turn it back on
            if self._owed:
                self._full()
                self.collections[1] += 1
            self._owed = changed or self.builds % EVERY == 0
            gc.freeze()
            if self.builds > 1:
                gc.disable()

    def after_build(self) -> None:
        """At the end of a served build: collector on, and an owed collection scheduled."""
        gc.enable()
        if self._owed and self.delay >= 0:
            self._timer = threading.Timer(self.delay, self._idle)
            self._timer.daemon = True
            self._timer.start()

    def stop(self) -> None:
        """At the end of ``mkdocs serve``: nothing scheduled, everything collectable again."""
        self._cancel()
        with self._lock:
            gc.enable()
            gc.unfreeze()

    def wait(self) -> None:
        """Wait for a scheduled collection to finish (tests)."""
        timer = self._timer
        if timer is not None:
            timer.join()

    def _idle(self) -> None:
        with self._lock:
            if self._owed:
                self._full()
                self._owed = False
                self.collections[0] += 1

    def _cancel(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    @staticmethod
    def _full() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

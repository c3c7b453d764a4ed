"""Stable parts of a long generated page, so that adding an article changes one small page.

A long list keyed by source id (the Review page's groups, the sources index) is cut into
parts after every key whose digest is a multiple of ``every`` (content-defined cuts): whether
a part ends after a key depends on that key alone, never on its neighbours or on how many
keys there are. Adding a key therefore changes only the part it falls into (or splits that
part in two when the new key is a cut); every other part keeps exactly its keys. Parts hold
about ``every`` keys; a run of more than ``2 × every`` keys between two cuts is also cut after
every ``2 × every`` keys, so no part is longer than that, and an added key changes only the
parts of its own run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

#: The name of the part after the last cut (no key names it).
REST = "the-rest"


@dataclass(frozen=True)
class Part:
    """One part: its keys in sorted order and its stable name.

    Attributes:
        name: ``through-<last key>`` when the part ends at a cut, else :data:`REST` (the
            part after the last cut). Keys are slugs, so the name is a file name.
        keys: The keys of the part, sorted.
    """

    name: str
    keys: tuple[str, ...]


def is_cut(key: str, every: int) -> bool:
    """Whether a part ends after ``key``: its SHA-256 digest (first 8 bytes) mod ``every``."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % max(every, 1) == 0


def stable_parts(keys: Iterable[str], every: int) -> list[Part]:
    """Cut the sorted ``keys`` into parts of about ``every`` keys (see the module).

    Args:
        keys: Distinct keys (source ids); their order does not matter.
        every: About how many keys a part holds (at most twice as many; 1 puts every key
            in its own part).

    Returns:
        The parts in key order; empty for no keys.
    """
    parts: list[Part] = []
    run: list[str] = []
    for key in sorted(set(keys)):
        run.append(key)
        # a long run is cut every 2 × every keys: an added key then shifts only the cuts of
        # its own run (between two cuts by digest), never those of other runs
        if is_cut(key, every) or len(run) >= 2 * max(every, 1):
            parts.append(Part(f"through-{key}", tuple(run)))
            run = []
    if run:
        parts.append(Part(REST, tuple(run)))
    return parts

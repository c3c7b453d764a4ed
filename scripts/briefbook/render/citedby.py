"""Stable back-link targets for citations made by generated pages.

A source page says which pages cite each paragraph ("Cited by …"). On a hand-written page the
back-link names the page's note (``Briefing, note 4``): the number changes only when the page's
author edits the page. On a generated page (the chronology, actor profiles, topics, the
comparison pages) the note numbers move whenever the book grows: an article whose event lands
early in the chronology renumbers every later note, and every source page cited after it would
change, and be rebuilt, although nothing it shows changed for its reader.

So a citation on a generated page links to the element that holds it instead: the innermost
element that carries both an ``id`` and a ``data-cited-as`` label (a chronology event:
``<div id="event-…" data-cited-as="4 March 2019: …">``), labelled by that label; a citation
outside any such element links to the page itself, labelled by its title. Neither depends on
how many events or items come before the citation.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

#: The attribute a generator puts on an element (with an ``id``) whose citations link to it.
LABEL_ATTRIBUTE = "data-cited-as"

_OPEN_RE = re.compile(r"<(?P<tag>[A-Za-z][A-Za-z0-9]*)\b(?P<attrs>[^>]*\b"
                      + LABEL_ATTRIBUTE + r"\s*=[^>]*)>")
_ATTR_RE = re.compile(r"""\b(?P<name>[a-zA-Z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")


@dataclass(frozen=True, kw_only=True)
class Target:
    """Where a back-link to a citation on a generated page points.

    Attributes:
        fragment: The element's ``id`` (without ``#``), or ``""`` for the page itself.
        label: What the back-link says after the page title (``""`` for the page itself).
    """

    fragment: str
    label: str


class Targets:
    """The labelled elements of one generated page, to find the one holding a citation.

    Built once per page (linear in its length); :meth:`at` is a binary search.
    """

    def __init__(self, text: str) -> None:
        """Find every labelled element of ``text`` and where it ends.

        Args:
            text: The page's Markdown (raw HTML blocks included), as the citation step read it.
        """
        spans: list[tuple[int, int, Target]] = []
        for m in _OPEN_RE.finditer(text):
            attrs = {a.group("name").lower(): html.unescape(a.group("dq") or a.group("sq") or "")
                     for a in _ATTR_RE.finditer(m.group("attrs"))}
            fragment, label = attrs.get("id", ""), attrs.get(LABEL_ATTRIBUTE, "")
            if not fragment or not label:
                continue
            spans.append((m.start(), _close(text, m.group("tag"), m.end()),
                          Target(fragment=fragment, label=" ".join(label.split()))))
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        self._reach: list[int] = []  # the furthest end of any element up to each one
        for _, end, _ in spans:
            self._reach.append(max(end, self._reach[-1] if self._reach else 0))

    def at(self, offset: int) -> Target:
        """The target for a citation starting at ``offset`` (the page itself if none holds it)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        # the latest-starting element that holds the offset is the innermost one
        while i >= 0 and self._reach[i] > offset:
            start, end, target = self._spans[i]
            if start <= offset < end:
                return target
            i -= 1
        return Target(fragment="", label="")


def _close(text: str, tag: str, pos: int) -> int:
    """The offset just past the end tag closing an element opened before ``pos``.

    Counts nested elements of the same name; an unclosed element runs to the end of the text.
    """
    depth = 1
    pattern = re.compile(rf"<(/?){re.escape(tag)}\b[^>]*>", flags=re.IGNORECASE)
    for m in pattern.finditer(text, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(text)

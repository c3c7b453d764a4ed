"""Which page holds each chronology event: the one-page chronology, or its year's page.

A module of its own (no render imports), so that every page that links an event (actor
profiles, the home timeline, the data downloads) can ask without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.analyse.chronology import Entry

#: The chronology page: the whole list, or the overview of a split one.
CHRONOLOGY_PAGE = "chronology.md"
#: From how many events the chronology is an overview plus a page per year.
CHRONOLOGY_SPLIT_FROM = 500
#: The folder of the year pages of a split chronology (next to ``chronology.md``).
CHRONOLOGY_FOLDER = "chronology"


def year_page_path(year: str) -> str:
    """The path under ``docs/`` of a split chronology's page for ``year`` (``"2005"``)."""
    return f"{CHRONOLOGY_FOLDER}/{year}.md"


def event_pages(entries: Sequence[Entry], *, split_from: int | None = None) -> dict[str, str]:
    """The page holding each entry, by entry id.

    ``chronology.md``; or, when the chronology has ``split_from`` entries or more (default
    :data:`CHRONOLOGY_SPLIT_FROM`), the page of the year of the entry's earliest date.
    """
    split_from = CHRONOLOGY_SPLIT_FROM if split_from is None else split_from
    if len(entries) < split_from:
        return {e.id: CHRONOLOGY_PAGE for e in entries}
    return {e.id: year_page_path(e.earliest[:4]) for e in entries}

"""The period a chronology is about, and which entries are background to it.

A book's articles report the events of their own days; a sentence that recalls 1991 or 2015
gives background. With no curation at all the chronology must still show the events the
articles are about first, so the *subject's period* is read from the book:

- **dated sources** (a date in ``sources.yml``, or one proposed for it): from
  :data:`LEAD_DAYS` days before the oldest source's date to the newest source's date;
- **no dated source**: the years that most paragraphs date. Each citable paragraph votes
  once for each year its dated clauses fall in; the most voted year (the later on a tie),
  with the year before and after it, is the period.

An entry that ends before the period is ``background``; one that starts after it is
``later`` (dates the articles expect); the rest are ``main``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Protocol

from briefbook.analyse.dates import DatePhrase, parse_reference
from briefbook.analyse.source_dates import SourceDate
from briefbook.core.model import Book

#: Days before the oldest source's date that still belong to the subject's period (a report
#: recalls "last month").
LEAD_DAYS = 31
SECTIONS = ("main", "background", "later")


class _Dated(Protocol):
    @property
    def earliest(self) -> str:
        """First possible day (ISO)."""

    @property
    def latest(self) -> str:
        """Last possible day (ISO)."""


class _Clause(Protocol):
    @property
    def source(self) -> str:
        """Source id."""

    @property
    def paragraph(self) -> int:
        """Paragraph number."""

    @property
    def phrase(self) -> DatePhrase | None:
        """The resolved phrase, or ``None``."""


def _human(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def source_days(book: Book, proposals: Mapping[str, SourceDate]) -> list[dt.date]:
    """The full dates of the book's sources: curated, else proposed (``proposals``)."""
    days = []
    for source in book.sources:
        day = parse_reference(source.date) if source.date_basis != "unknown" else None
        if day is None and source.id in proposals:
            day = parse_reference(proposals[source.id].date)
        if day is not None:
            days.append(day)
    return days


def subject_span(book: Book, clauses: Iterable[_Clause],
                 proposals: Mapping[str, SourceDate]) -> tuple[tuple[str, str] | None, str]:
    """The first and last day of the subject's period, and what it rests on.

    Args:
        book: The book (its sources' dates).
        clauses: Every dated clause, for the paragraph vote of undated books.
        proposals: Dates proposed for undated sources (source id → proposal).

    Returns:
        ``((first, last), note)``, or ``(None, note)`` when nothing is dated.
    """
    days = source_days(book, proposals)
    if days:
        first, last = min(days) - dt.timedelta(days=LEAD_DAYS), max(days)
        return (first.isoformat(), last.isoformat()), (
            f"the sources' own dates, {_human(min(days))} to {_human(max(days))}, and the "
            f"{LEAD_DAYS} days before")
    votes: Counter[int] = Counter()
    for (_, _), years in _paragraph_years(clauses).items():
        votes.update(years)
    if not votes:
        return None, "nothing is dated"
    year = max(votes, key=lambda y: (votes[y], y))
    return (f"{year - 1}-01-01", f"{year + 1}-12-31"), (
        f"no source is dated: {year}, the year most paragraphs date ({votes[year]} of them), "
        "with the year before and after")


def _paragraph_years(clauses: Iterable[_Clause]) -> dict[tuple[str, int], set[int]]:
    years: dict[tuple[str, int], set[int]] = {}
    for clause in clauses:
        phrase = clause.phrase
        if phrase is None or phrase.earliest is None:
            continue
        years.setdefault((clause.source, clause.paragraph), set()).add(int(phrase.earliest[:4]))
    return years


def section_of(entry: _Dated, span: tuple[str, str] | None) -> str:
    """``main``, ``background`` or ``later`` for an entry and the subject's period."""
    if span is None or not entry.earliest:
        return "main"
    if (entry.latest or entry.earliest) < span[0]:
        return "background"
    if entry.earliest > span[1]:
        return "later"
    return "main"

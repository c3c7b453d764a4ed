"""A source's date from its own text, proposed when ``sources.yml`` gives none.

News articles are rarely filed with their date, but many say it: a dateline ("WASHINGTON,
Oct 19, 2021 (Reuters) -") or a full date in the first paragraphs ("On January 19, 2021, the
ministry said …"). For a source whose date is unknown, :func:`propose_source_date` proposes
one with basis ``inferred`` and a note saying what it rests on:

1. a dateline at the start of the first citable paragraph that gives month, day and year;
2. a dateline that gives month and day only, with the year of the latest full date the
   article states (a month and day alone never become a date: the year is not invented);
3. else the latest full date (day, month and year) that dates an event in the first
   :data:`LEAD_PARAGRAPHS` citable paragraphs; the article is from that day or later, and
   the note says so;
4. else, for a copy of another source (found by the comparison stage or curated as
   ``derived_from``), the original's date (:func:`propose_from_original`): a copy is
   published on its original's day or later.

The proposal is what relative phrases ("on Monday", "last month") are resolved against, and
every such date is then marked ``inferred``; the Review page lists the proposal so that an
editor can confirm it in ``sources.yml`` (``date_basis: inferred`` with a ``date_note``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefbook.analyse.date_patterns import month_group
from briefbook.analyse.dated_clauses import phrase_role
from briefbook.analyse.dates import find_dates
from briefbook.core.cache import cached, source_key
from briefbook.core.model import Source
from briefbook.core.text import sentence_spans

#: How many citable paragraphs at the start of an article are read for a stated date.
LEAD_PARAGRAPHS = 3
_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Za-z\u00c0-\u024f .'/-]{1,40},\s*(?:[A-Z][A-Za-z .]{1,30},\s*)?"
    rf"(?P<date>{month_group('month')}\s+(?P<day>[0-3]?\d)(?:,?\s*(?P<year>(?:19|20)\d\d))?"
    r"|(?P<day2>[0-3]?\d)\s+" + month_group("month2") + r"(?:,?\s*(?P<year2>(?:19|20)\d\d))?)"
    r"\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]")


@dataclass(frozen=True, kw_only=True)
class SourceDate:
    """A date proposed for a source from its text.

    Attributes:
        source: The source id.
        date: ISO 8601 day (``YYYY-MM-DD``).
        basis: Always ``inferred``: the text supports it, no editor has confirmed it.
        note: What the date rests on, quoting the text and naming the paragraph.
        paragraph: The paragraph the date was read from (``None``: from another source).
        phrase: The words the date was read from (empty: from another source).
    """

    source: str
    date: str
    note: str
    paragraph: int | None
    phrase: str
    basis: str = "inferred"


def _full_dates(source: Source, limit: int | None) -> list[tuple[str, int, str]]:
    """``(date, paragraph, phrase)`` of every full date dating an event, first paragraphs."""
    found = []
    citable = [p for p in source.paragraphs if not p.boilerplate]
    for para in citable[:limit] if limit else citable:
        for a, b in sentence_spans(para.text):
            sentence = para.text[a:b]
            for phrase in find_dates(sentence, None):
                if phrase.pattern in ("mdy", "dmy") and phrase.date \
                        and phrase_role(sentence, phrase)[0] == "event":
                    found.append((phrase.date, para.number, phrase.text))
    return found


def propose_source_date(source: Source) -> SourceDate | None:
    """The date a source's text gives for itself, or ``None`` (see the module's rules).

    Sources with a date in ``sources.yml`` get no proposal. Cached by content hash.
    """
    if source.date and source.date_basis != "unknown":
        return None
    return cached("source_dates.proposal", source_key(source), lambda: _propose(source))


def proposal_jobs(sources: Sequence[Source]) -> list[tuple[str, Callable[[], SourceDate | None]]]:
    """``(cache key, compute)`` of :func:`propose_source_date` for the sources needing one."""
    return [(source_key(s), lambda s=s: _propose(s)) for s in sources
            if not (s.date and s.date_basis != "unknown")]


def _propose(source: Source) -> SourceDate | None:
    citable = [p for p in source.paragraphs if not p.boilerplate]
    if not citable:
        return None
    first = citable[0]
    dateline = _DATELINE_RE.match(first.text)
    if dateline:
        found = find_dates(dateline.group("date"), None)
        phrase = dateline.group("date")
        if found and found[0].precision == "day" and found[0].date:
            return SourceDate(source=source.id, date=found[0].date, paragraph=first.number,
                              phrase=phrase, note=f"the dateline '{phrase}' (¶ {first.number})")
        stated = _full_dates(source, None)
        if stated:
            latest = max(stated)
            year = latest[0][:4]
            for day in find_dates(phrase, f"{year}-12-31"):
                if day.date and day.date[:4] == year:
                    return SourceDate(
                        source=source.id, date=day.date, paragraph=first.number, phrase=phrase,
                        note=f"the dateline '{phrase}' (¶ {first.number}) with the year of "
                             f"'{latest[2]}' (¶ {latest[1]}), the latest full date the "
                             "article states")
    stated = _full_dates(source, LEAD_PARAGRAPHS)
    if not stated:
        return None
    date, number, phrase = max(stated)
    return SourceDate(source=source.id, date=date, paragraph=number, phrase=phrase,
                      note=f"the latest full date stated in the first paragraphs, '{phrase}' "
                           f"(¶ {number}); the article is from that day or later")


def propose_from_original(source: Source, original: Source,
                          original_date: str | None) -> SourceDate | None:
    """The original's full date for an undated copy (rule 4), or ``None``.

    Args:
        source: The copy.
        original: The source it copies.
        original_date: The original's date (its own or one proposed for it).
    """
    if (source.date and source.date_basis != "unknown") or not original_date \
            or len(original_date) != 10:
        return None
    return SourceDate(source=source.id, date=original_date, paragraph=None, phrase="",
                      note=f"the date of '{original.id}', which this source copies (a copy "
                           "is published on its original's day or later)")


def reference_of(source: Source, proposal: SourceDate | None) -> tuple[str | None, bool]:
    """The date relative phrases of ``source`` resolve against, and whether it is inferred."""
    if source.date and source.date_basis != "unknown":
        return source.date, source.date_basis == "inferred"
    if proposal is not None:
        return proposal.date, True
    return None, False

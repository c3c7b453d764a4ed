"""Date phrases: find them in prose and resolve them against the source's date.

The finder is our own (regular expressions over capitalised month and weekday names, day
words and period words); dateparser reads the absolute phrases it finds. Two of dateparser's
known faults are handled here rather than inherited: a weekday equal to the reference day
("on Thursday" in a Thursday article) means that very day, not a week earlier, and a month
without a day ("in April") stays a month instead of being filled with the reference's day.

Every result carries a precision (``day``, ``month`` or ``year``) that is never finer than the
text: a period ("this week", "since April") is reduced to what its first and last days have in
common. A phrase that needs the source's date is unresolved when the source is undated, and
says so when that date was inferred rather than stated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from briefbook.analyse.date_patterns import (
    CLAUSE_RE,
    FUTURE_RE,
    MONTHS,
    NUMBERS,
    REPORTED_FUTURE_RE,
    WEEKDAYS,
    candidate_patterns,
)
from briefbook.core.text import sentence_spans

_MONTHS = MONTHS
_WEEKDAYS = WEEKDAYS
_NUMBERS = NUMBERS
#: The precision each kind of phrase states, before any reference is applied.
_GRAIN = {"mdy": "day", "dmy": "day", "md": "day", "dm": "day", "range_d": "day",
          "weekday": "day", "dayword": "day", "my": "month", "m": "month", "m_rel": "month",
          "range_m": "month", "part_m": "month", "year": "year", "part_y": "year",
          "range_y": "year"}
_ABSOLUTE = frozenset({"mdy", "dmy", "my", "year", "part_y", "range_y"})
#: "next Thursday, 23 May": the date in apposition to a future weekday is future too.
_NEXT_WEEKDAY_RE = re.compile(r"(?i:\b(?:next|coming)\s+)[A-Z][a-z]+day,?\s*$")


@dataclass(frozen=True, kw_only=True)
class DatePhrase:
    """A date phrase found in a text and what it resolves to.

    Attributes:
        text: The phrase as written ("on Thursday" is found as "Thursday").
        start: Character offset of the phrase in the text searched.
        end: Offset just past the phrase.
        kind: ``absolute`` (the text gives the date) or ``relative`` (it needs a reference).
        date: ISO 8601 date, as precise as the text supports (``2019``, ``2019-03``,
            ``2019-03-04``); for a range, its first day, month or year; ``None`` when
            unresolved.
        precision: ``day``, ``month`` or ``year``; ``None`` when unresolved.
        earliest: First possible day (ISO), ``None`` when unresolved.
        latest: Last possible day (ISO), ``None`` when unresolved.
        qualifier: ``since``, ``until``, ``before`` or ``after`` when the text bounds a period.
        reference: The reference date used, or ``None`` when none was needed.
        reference_inferred: The reference date was inferred, not stated by the source.
        future: Read as a future date (``next``, future tense).
        grain: The precision the words state, known even when unresolved ("on Monday":
            ``day``, "last year": ``year``); ``None`` for a week.
        end_date: The last day, month or year of a range ("between March and May"), at the
            same precision as ``date``; ``None`` for a single date.
        part: The part of the period the text names ("late", "the end of", "the second
            quarter of"); the date keeps the whole period's precision.
        pattern: Which pattern found it (``mdy``, ``range_m``, ``weekday`` …).
    """

    text: str
    start: int
    end: int
    kind: str
    date: str | None
    precision: str | None
    earliest: str | None = None
    latest: str | None = None
    qualifier: str | None = None
    reference: str | None = None
    reference_inferred: bool = False
    future: bool = False
    grain: str | None = None
    end_date: str | None = None
    part: str | None = None
    pattern: str = ""

    @property
    def resolved(self) -> bool:
        """Whether the phrase has a date."""
        return self.date is not None


def parse_reference(value: str | None) -> dt.date | None:
    """A full ISO date (``YYYY-MM-DD``) as a date; partial or bad values give ``None``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]) if len(str(value)) >= 10 else None
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _span(first: dt.date, last: dt.date) -> tuple[str, str]:
    """The date and precision that a period from ``first`` to ``last`` supports."""
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    return f"{first.year:04d}", "year"


def _at(day: dt.date, precision: str) -> str:
    """``day`` written at ``precision`` (``2019-03-04``, ``2019-03`` or ``2019``)."""
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[
        precision]


@lru_cache(maxsize=4096)
def _dateparse(phrase: str, base: dt.date | None, future: bool) -> dt.date | None:
    """Parse an absolute phrase with dateparser (``None`` when it is not a real date)."""
    settings = {"PREFER_DATES_FROM": "future" if future else "past",
                "RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time())}
    import dateparser  # its language data loads on import: only when a phrase is not cached

    cleaned = re.sub(r"\s+", " ", re.sub(r",(?=\d)", ", ", phrase.replace(".", ". "))).strip()
    value = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return value.date() if value else None


def _is_future(text: str, start: int, end: int) -> bool:
    """Future tense in the clause around the phrase, or reported future before it."""
    left = max((m.end() for m in CLAUSE_RE.finditer(text, 0, start)), default=0)
    right_match = CLAUSE_RE.search(text, end)
    right = right_match.start() if right_match else len(text)
    return bool(FUTURE_RE.search(text[left:start] + " " + text[end:right])
                or REPORTED_FUTURE_RE.search(text[left:start]))


def find_dates(text: str, reference: str | None = None, *,
               reference_inferred: bool = False) -> list[DatePhrase]:
    """Find every date phrase in ``text`` and resolve it against ``reference``.

    Args:
        text: A sentence, paragraph or article.
        reference: The source's date (ISO ``YYYY-MM-DD``); ``None`` for an undated source.
        reference_inferred: The reference date was inferred (the results say so).

    Returns:
        The phrases in text order; relative ones are unresolved without a reference.
    """
    ref = parse_reference(reference)
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    for kind, pattern in candidate_patterns(text):
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            phrase = _resolve(kind, match, text, ref, reference_inferred)
            if phrase is not None:
                taken.append((match.start(), match.end()))
                found.append(phrase)
    return sorted(found, key=lambda p: p.start)


def find_dates_by_sentence(text: str, reference: str | None = None, *,
                           reference_inferred: bool = False) -> list[tuple[str, list[DatePhrase]]]:
    """The sentences of ``text`` that hold date phrases, with their phrases."""
    result = []
    for a, b in sentence_spans(text):
        phrases = find_dates(text[a:b], reference, reference_inferred=reference_inferred)
        if phrases:
            result.append((text[a:b].strip(), phrases))
    return result


def _grain(kind: str, groups: dict[str, str | None]) -> str | None:
    if kind in _GRAIN:
        return _GRAIN[kind]
    unit = (groups.get("unit") or "").lower()
    return {"day": "day", "month": "month", "year": "year"}.get(unit)


def _part(groups: dict[str, str | None]) -> str | None:
    sub = groups.get("sub")
    return " ".join(sub.lower().split()) if sub else None


def _resolve(kind: str, m: re.Match[str], text: str, ref: dt.date | None,
             inferred: bool) -> DatePhrase | None:
    groups = m.groupdict()
    future = _is_future(text, m.start(), m.end()) or bool(_NEXT_WEEKDAY_RE.search(
        text, max(0, m.start() - 30), m.start()))
    base = {"text": m.group(0), "start": m.start(), "end": m.end(), "pattern": kind,
            "grain": _grain(kind, groups), "part": _part(groups)}
    if kind in _ABSOLUTE or (kind in ("range_d", "range_m", "part_m")
                             and (groups.get("year") or groups.get("year2"))):
        span = _absolute_span(kind, groups, m.group(0))
        if span is None:
            return None
        return _phrase(base, kind, "absolute", span, None, False, future, None)
    lead = (groups.get("lead") or "").lower()
    qualifier = lead if lead in ("since", "until", "before", "after") else (
        "until" if lead == "till" else None)
    future = future or lead in ("next", "coming") or (groups.get("mod") or "").lower() == \
        "next" or kind == "dayword" and "tomorrow" in m.group(0).lower()
    if lead in ("last", "since"):  # "has halted trams since Monday and will go on": past
        future = False
    if ref is None:
        return DatePhrase(**base, kind="relative", date=None, precision=None,
                          qualifier=qualifier, reference_inferred=inferred, future=future)
    span = _relative_span(kind, groups, m.group(0), ref, future, lead)
    if span is None:
        return None
    return _phrase(base, kind, "relative", span, qualifier, inferred, future, ref)


def _phrase(base: dict[str, object], kind: str, how: str,
            span: tuple[dt.date, dt.date, dt.date | None], qualifier: str | None,
            inferred: bool, future: bool, ref: dt.date | None) -> DatePhrase:
    """The phrase record for a resolved span ``(first, last, start of the range's end)``."""
    first, last, end_start = span
    if end_start is not None:  # a range: each end at the kind's grain
        precision = str(base["grain"])
        date, end_date = _at(first, precision), _at(end_start, precision)
    else:
        (date, precision), end_date = _span(first, last), None
    return DatePhrase(**base, kind=how, date=date, precision=precision,  # type: ignore[arg-type]
                      earliest=first.isoformat(), latest=last.isoformat(), end_date=end_date,
                      qualifier=qualifier, reference=ref.isoformat() if ref else None,
                      reference_inferred=inferred and ref is not None, future=future)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _absolute_span(kind: str, groups: dict[str, str | None],
                   phrase: str) -> tuple[dt.date, dt.date, dt.date | None] | None:
    """First day, last day and (for ranges) the first day of the last unit of a dated phrase."""
    year = int(groups.get("year") or groups.get("year2") or 0)
    if kind in ("year", "part_y"):
        return dt.date(year, 1, 1), dt.date(year, 12, 31), None
    if kind == "range_y":
        year2 = int(str(groups["year2"]))
        if year2 <= year:
            return None
        return dt.date(year, 1, 1), dt.date(year2, 12, 31), dt.date(year2, 1, 1)
    month = _MONTHS[str(groups["month"])]
    if kind in ("my", "part_m"):
        return dt.date(year, month, 1), _month_end(year, month), None
    if kind == "range_m":
        month2 = _MONTHS[str(groups["month2"])]
        year2 = int(groups.get("year2") or year)
        year1 = int(groups.get("year") or (year2 if month <= month2 else year2 - 1))
        first, last = dt.date(year1, month, 1), dt.date(year2, month2, 1)
        if last <= first:
            return None
        return first, _month_end(year2, month2), last
    if kind == "range_d":
        return _day_range(groups, year)
    day = _dateparse(phrase, None, False)
    return (day, day, None) if day else None


def _day_range(groups: dict[str, str | None],
               year: int) -> tuple[dt.date, dt.date, dt.date | None] | None:
    month = _MONTHS[str(groups["month"])]
    month2 = _MONTHS[str(groups["month2"])] if groups.get("month2") else month
    first = _day(year if month <= month2 else year - 1, month, int(str(groups["day"])))
    last = _day(year, month2, int(str(groups["day2"])))
    if first is None or last is None or last <= first:
        return None
    return first, last, last


def _relative_span(kind: str, groups: dict[str, str | None], phrase: str, ref: dt.date,
                   future: bool, lead: str) -> tuple[dt.date, dt.date, dt.date | None] | None:
    if kind in ("md", "dm"):
        day = _dateparse(phrase, ref, future)
        return (day, day, None) if day else None
    if kind in ("range_d", "range_m"):
        return _relative_range(kind, groups, ref, future)
    if kind in ("m", "part_m"):
        month = _MONTHS[str(groups["month"])]
        year = _month_year(month, ref, future, lead)
        return dt.date(year, month, 1), _month_end(year, month), None
    if kind == "m_rel":
        month = _MONTHS[str(groups["month"])]
        year = ref.year + {"last": -1, "next": 1}.get(str(groups["rel"]).lower(), 0)
        return dt.date(year, month, 1), _month_end(year, month), None
    if kind == "weekday":
        day = _weekday(str(groups["weekday"]), ref, future, lead)
        return day, day, None
    if kind == "dayword":
        word = phrase.lower()
        offset = -1 if ("yesterday" in word or "last" in word) else 1 if "tomorrow" in word else 0
        day = ref + dt.timedelta(days=offset)
        return day, day, None
    unit = str(groups["unit"]).lower()
    if kind == "ago":
        raw = str(groups["n"]).lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        return (*_shift(ref, unit, -n), None)
    mod = " ".join(str(groups.get("mod") or "this").lower().split())
    step = {"last": -1, "next": 1}.get(mod, 0)
    first, last = _shift(ref, unit, step)
    if mod == "earlier this":
        last = max(first, ref - dt.timedelta(days=1)) if unit == "week" else ref
    elif mod == "later this":
        first = ref
    return first, last, None


def _month_year(month: int, ref: dt.date, future: bool, lead: str) -> int:
    """The year of a month named without one: the nearest such month in the implied direction."""
    if future:
        return ref.year if month > ref.month or (month == ref.month and lead != "next") \
            else ref.year + 1
    if lead == "last":
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if month <= ref.month else ref.year - 1


def _relative_range(kind: str, groups: dict[str, str | None], ref: dt.date,
                    future: bool) -> tuple[dt.date, dt.date, dt.date | None] | None:
    month2 = _MONTHS[str(groups.get("month2") or groups["month"])]
    year2 = _month_year(month2, ref, future, "")
    if kind == "range_m":
        month = _MONTHS[str(groups["month"])]
        year1 = year2 if month <= month2 else year2 - 1
        first, last = dt.date(year1, month, 1), dt.date(year2, month2, 1)
        return (first, _month_end(year2, month2), last) if last > first else None
    return _day_range(groups, year2)


def _weekday(name: str, ref: dt.date, future: bool, lead: str) -> dt.date:
    """The weekday ``name`` nearest to ``ref`` in the direction the text implies.

    A news article's weekday is the most recent such day on or before its date, so the
    article's own weekday is that very day; ``next`` and ``last`` skip it.
    """
    target = _WEEKDAYS.index(name)
    if future:
        delta = (target - ref.weekday()) % 7
        if delta == 0 and lead == "next":
            delta = 7
        return ref + dt.timedelta(days=delta)
    delta = (ref.weekday() - target) % 7
    if delta == 0 and lead == "last":
        delta = 7
    return ref - dt.timedelta(days=delta)


def _shift(ref: dt.date, unit: str, n: int) -> tuple[dt.date, dt.date]:
    """The whole day, week, month or year ``n`` units away from ``ref``."""
    if unit == "day":
        day = ref + dt.timedelta(days=n)
        return day, day
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=n)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + n
        year, month = divmod(index, 12)
        return dt.date(year, month + 1, 1), _month_end(year, month + 1)
    return dt.date(ref.year + n, 1, 1), dt.date(ref.year + n, 12, 31)

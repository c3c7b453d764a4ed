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

import dateparser

from briefbook.core.text import sentence_spans

_MONTHS = {
    "January": 1, "Jan.": 1, "Jan": 1, "February": 2, "Feb.": 2, "Feb": 2, "March": 3,
    "Mar.": 3, "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "Aug": 8, "September": 9, "Sept.": 9, "Sept": 9, "Sep.": 9,
    "October": 10, "Oct.": 10, "Oct": 10, "November": 11, "Nov.": 11, "Nov": 11,
    "December": 12, "Dec.": 12, "Dec": 12,
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_M = "(?P<month>" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True)) + ")"
_M = _M.replace(r"\.", r"\.(?!\w)")
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>1[5-9]\d\d|20\d\d)"
_END = r"(?![\w,]?\d)"
_W = "(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
_NUM = r"(?P<n>\d+|" + "|".join(_NUMBERS) + ")"
# (kind, pattern). Earlier patterns win over later ones that overlap them.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("mdy", rf"\b{_M}\s+{_D},?\s+{_Y}{_END}"),
        ("dmy", rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}{_END}"),
        ("my", rf"\b{_M},?\s+(?:of\s+)?{_Y}{_END}"),
        ("md", rf"\b{_M}\s+{_D}\b(?![:.]?\d)"),
        ("dm", rf"\b{_D}\s+(?:of\s+)?{_M}"),
        ("m", rf"(?i:\b(?P<lead>in|since|until|till|by|during|through|from|before|after"
              rf"|last|this|next|early|late|mid|of)\b[\s-]+(?:(?:early|late|mid)[\s-]+)?)"
              rf"{_M}(?!\s*\d)"),
        ("ago", rf"(?i:\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b)"),
        ("period", r"(?i:\b(?P<mod>(?:earlier|later)\s+this|last|this|next)\s+"
                   r"(?P<unit>week|month|year)\b)"),
        ("dayword", r"(?i:\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night"
                    r"|(?:earlier\s+|later\s+)?this\s+(?:morning|afternoon|evening))\b)"),
        ("weekday", rf"(?:(?i:\b(?P<lead>next|last|this|coming)\s+))?\b{_W}"
                    rf"(?:['\u2019]s)?{_PART}\b"),
        ("year", rf"(?<![\d,.$£€-]){_Y}\b(?![\d,]\d|s\b|-\d)"),
    )
)
# Words that every match of a pattern contains (case-sensitive, or in the casefolded text for
# the case-insensitive patterns): a pattern is tried only on texts that hold one of them, so
# most sentences skip most patterns. Every month spelling starts with its three-letter prefix.
_MONTH_WORD_RE = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_NEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ago": ("folded", ("ago",)),
    "period": ("folded", ("week", "month", "year")),
    "dayword": ("folded", ("yesterday", "today", "tomorrow", "night", "morning", "afternoon",
                           "evening")),
    "weekday": ("text", ("day",)),
}
_MONTH_KINDS = frozenset({"mdy", "dmy", "my", "md", "dm", "m"})
#: Case-insensitive regular expressions also equate the dotless ``ı`` with ``i``.
_IGNORECASE_EXTRA = str.maketrans({"\u0131": "i"})
_FUTURE_RE = re.compile(
    r"\b(will|shall|won't|going to|expects? to|expected to|scheduled|plans? to|planned|"
    r"set to|due to|upcoming|coming)\b", re.IGNORECASE)
_CLAUSE_RE = re.compile(r"[.;:!?\u201c\u201d\"()]|,\s")


@dataclass(frozen=True, kw_only=True)
class DatePhrase:
    """A date phrase found in a text and what it resolves to.

    Attributes:
        text: The phrase as written ("on Thursday" is found as "Thursday").
        start: Character offset of the phrase in the text searched.
        end: Offset just past the phrase.
        kind: ``absolute`` (the text gives the date) or ``relative`` (it needs a reference).
        date: ISO 8601 date, as precise as the text supports (``2019``, ``2019-03``,
            ``2019-03-04``); ``None`` when unresolved.
        precision: ``day``, ``month`` or ``year``; ``None`` when unresolved.
        earliest: First possible day (ISO), ``None`` when unresolved.
        latest: Last possible day (ISO), ``None`` when unresolved.
        qualifier: ``since``, ``until``, ``before`` or ``after`` when the text bounds a period.
        reference: The reference date used, or ``None`` when none was needed.
        reference_inferred: The reference date was inferred, not stated by the source.
        future: Read as a future date (``next``, future tense).
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
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return f"{first.year:04d}", "year"


@lru_cache(maxsize=4096)
def _dateparse(phrase: str, base: dt.date | None, future: bool) -> dt.date | None:
    """Parse an absolute phrase with dateparser (``None`` when it is not a real date)."""
    settings = {"PREFER_DATES_FROM": "future" if future else "past",
                "RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time())}
    cleaned = re.sub(r"\s+", " ", phrase.replace(".", ". ")).strip()
    value = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return value.date() if value else None


def _is_future(text: str, start: int, end: int) -> bool:
    """Future tense in the clause around the phrase."""
    left = max((m.end() for m in _CLAUSE_RE.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_RE.search(text, end)
    right = right_match.start() if right_match else len(text)
    return bool(_FUTURE_RE.search(text[left:start] + " " + text[end:right]))


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
    for kind, pattern in _candidate_patterns(text):
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            phrase = _resolve(kind, match, text, ref, reference_inferred)
            if phrase is not None:
                taken.append((match.start(), match.end()))
                found.append(phrase)
    return sorted(found, key=lambda p: p.start)


def _candidate_patterns(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that can match ``text``: those whose required words it contains."""
    has_month = _MONTH_WORD_RE.search(text) is not None
    texts = {"text": text, "folded": text.casefold().translate(_IGNORECASE_EXTRA)}
    result = []
    for kind, pattern in _PATTERNS:
        if kind in _MONTH_KINDS:
            if not has_month:
                continue
        elif kind in _NEEDS:
            where, words = _NEEDS[kind]
            if not any(word in texts[where] for word in words):
                continue
        result.append((kind, pattern))
    return result


def find_dates_by_sentence(text: str, reference: str | None = None, *,
                           reference_inferred: bool = False) -> list[tuple[str, list[DatePhrase]]]:
    """The sentences of ``text`` that hold date phrases, with their phrases."""
    result = []
    for a, b in sentence_spans(text):
        phrases = find_dates(text[a:b], reference, reference_inferred=reference_inferred)
        if phrases:
            result.append((text[a:b].strip(), phrases))
    return result


def _resolve(kind: str, m: re.Match[str], text: str, ref: dt.date | None,
             inferred: bool) -> DatePhrase | None:
    groups = m.groupdict()
    future = _is_future(text, m.start(), m.end())
    base = {"text": m.group(0), "start": m.start(), "end": m.end()}
    if kind in ("mdy", "dmy", "my", "year"):
        year = int(groups["year"])
        if kind == "year":
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif kind == "my":
            month = _MONTHS[groups["month"]]
            first, last = dt.date(year, month, 1), _month_end(year, month)
        else:
            day = _dateparse(m.group(0), None, False)
            if day is None:
                return None
            first = last = day
        date, precision = _span(first, last)
        return DatePhrase(**base, kind="absolute", date=date, precision=precision,
                          earliest=first.isoformat(), latest=last.isoformat())
    lead = (groups.get("lead") or "").lower()
    qualifier = lead if lead in ("since", "until", "before", "after") else (
        "until" if lead == "till" else None)
    future = future or lead in ("next", "coming") or kind == "dayword" and "tomorrow" in \
        m.group(0).lower()
    if lead == "last":
        future = False
    if ref is None:
        return DatePhrase(**base, kind="relative", date=None, precision=None,
                          qualifier=qualifier, reference_inferred=inferred, future=future)
    span = _relative_span(kind, groups, m.group(0), ref, future, lead)
    if span is None:
        return None
    first, last = span
    date, precision = _span(first, last)
    return DatePhrase(**base, kind="relative", date=date, precision=precision,
                      earliest=first.isoformat(), latest=last.isoformat(), qualifier=qualifier,
                      reference=ref.isoformat(), reference_inferred=inferred, future=future)


def _relative_span(kind: str, groups: dict[str, str | None], phrase: str, ref: dt.date,
                   future: bool, lead: str) -> tuple[dt.date, dt.date] | None:
    if kind in ("md", "dm"):
        day = _dateparse(phrase, ref, future)
        return (day, day) if day else None
    if kind == "m":
        month = _MONTHS[str(groups["month"])]
        if future:
            year = ref.year if month > ref.month or (month == ref.month and lead != "next") \
                else ref.year + 1
        elif lead == "last":
            year = ref.year if month < ref.month else ref.year - 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return dt.date(year, month, 1), _month_end(year, month)
    if kind == "weekday":
        return (_weekday(str(groups["weekday"]), ref, future, lead),) * 2  # type: ignore[return-value]
    if kind == "dayword":
        word = phrase.lower()
        offset = -1 if ("yesterday" in word or "last" in word) else 1 if "tomorrow" in word else 0
        day = ref + dt.timedelta(days=offset)
        return day, day
    unit = str(groups["unit"]).lower()
    if kind == "ago":
        raw = str(groups["n"]).lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        return _shift(ref, unit, -n)
    mod = " ".join(str(groups["mod"]).lower().split())
    step = {"last": -1, "next": 1}.get(mod, 0)
    first, last = _shift(ref, unit, step)
    if mod == "earlier this":
        last = max(first, ref - dt.timedelta(days=1)) if unit == "week" else ref
    elif mod == "later this":
        first = ref
    return first, last


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

"""The regular expressions of the date-phrase finder, and which texts each one can match.

Each pattern is a ``(kind, regex)`` pair; :mod:`briefbook.analyse.dates` tries them in order and
an earlier pattern wins over a later one that overlaps it, so ranges and dates with a year come
before their parts. The month and weekday names, the number words and the words that mark a
part of a period ("early", "the end of", "the second quarter of") are generic English; nothing
here names a story.

Kinds and the precision they give (the *grain*):

``mdy``, ``dmy`` (day), ``my`` (month), ``md``, ``dm`` (day, the year from the reference),
``m`` (month), ``m_rel`` ("October last year": month), ``range_d``, ``range_m``, ``range_y``
(a first and a last day, month or year), ``part_y`` ("late 2019", "the end of 2004": year),
``part_rel`` ("late last year": year or month), ``ago``, ``period``, ``dayword``,
``weekday`` and ``year``.
"""

from __future__ import annotations

import re

MONTHS = {
    "January": 1, "Jan.": 1, "Jan": 1, "February": 2, "Feb.": 2, "Feb": 2, "March": 3,
    "Mar.": 3, "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "Aug": 8, "September": 9, "Sept.": 9, "Sept": 9, "Sep.": 9,
    "October": 10, "Oct.": 10, "Oct": 10, "November": 11, "Nov.": 11, "Nov": 11,
    "December": 12, "Dec.": 12, "Dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def month_group(name: str) -> str:
    """An alternation of month spellings in a named group (abbreviations end at their dot)."""
    names = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
    return f"(?P<{name}>{names})".replace(r"\.", r"\.(?!\w)")


def day_group(name: str) -> str:
    """A day of the month, with an optional ordinal suffix (``19``, ``19th``)."""
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"


def year_group(name: str) -> str:
    """A four-digit year from 1500 to 2099."""
    return rf"(?P<{name}>1[5-9]\d\d|20\d\d)"


_M, _M2 = month_group("month"), month_group("month2")
_D, _D2 = day_group("day"), day_group("day2")
_Y, _Y2 = year_group("year"), year_group("year2")
# A year may follow its comma without a space ("January 19,2021").
_YSEP = r"(?:,\s*|\s+)"
_END = r"(?![\w,]?\d)"
_W = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
_NUM = r"(?P<n>\d+|" + "|".join(NUMBERS) + ")"
#: Between the ends of a range: a dash, or a word ("and" only after "between").
_TO = r"(?:\s*[-\u2013]\s*|\s+(?:to|until|till|through|and)\s+)"
_DASH_TO = r"(?:[-\u2013]|\s+(?:to|until|till|through)\s+)"
#: Words before a year or month that name a part of it ("late 2019", "the end of March").
_SUB = (r"(?:early|late|mid|the\s+(?:start|beginning|end|middle|close|turn)\s+of"
        r"|the\s+(?:first|second)\s+half\s+of"
        r"|the\s+(?:first|second|third|fourth|final|last)\s+quarter\s+of"
        r"|the\s+(?:first|last|final)\s+(?:few|two|three|four|five|six|nine)\s+months\s+of"
        r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)")
_SUB_RE = f"(?i:(?P<sub>{_SUB}))[\\s-]+"

# (kind, pattern). Earlier patterns win over later ones that overlap them.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("range_d", rf"\b{_M}\s+{_D}{_DASH_TO}{_M2}\s+{_D2}\b(?:{_YSEP}{_Y})?{_END}"),
        ("range_d", rf"\b{_M}\s+{_D}{_DASH_TO}{_D2}\b(?:{_YSEP}{_Y})?{_END}"),
        ("range_d", rf"(?:(?i:\b(?P<between>between)\s+))?\b{_D}(?(between){_TO}|{_DASH_TO})"
                    rf"{_D2}\s+(?:of\s+)?{_M}"
                    rf"(?:{_YSEP}{_Y}{_END})?"),
        ("mdy", rf"\b{_M}\s+{_D}{_YSEP}{_Y}{_END}"),
        ("dmy", rf"\b{_D}\s+(?:of\s+)?{_M}{_YSEP}{_Y}{_END}"),
        ("range_m", rf"(?i:\b(?P<lead>between|from)\s+)(?:{_SUB_RE})?{_M}(?:{_YSEP}{_Y})?"
                    rf"{_TO}(?:{_SUB_RE.replace('sub', 'sub2')})?{_M2}(?:{_YSEP}{_Y2})?{_END}"),
        ("range_m", rf"\b{_M}{_DASH_TO}{_M2}{_YSEP}{_Y2}{_END}"),
        ("range_y", rf"(?i:\b(?P<lead>between|from)\s+){_Y}{_TO}{_Y2}\b(?!s\b)"),
        ("range_y", rf"(?<![\d,.$£€-]){_Y}\s*(?:-|\u2013)\s*{_Y2}\b(?!s\b|-\d)"),
        ("part_m", rf"\b{_SUB_RE}{_M}(?:{_YSEP}{_Y}{_END})?(?!\s*\d)"),
        ("my", rf"\b{_M},?\s+(?:of\s+)?{_Y}{_END}"),
        ("m_rel", rf"\b{_M}\s+(?i:(?P<rel>last|this|next)\s+year)\b"),
        ("md", rf"\b{_M}\s+{_D}\b(?![:.]?\d)"),
        ("dm", rf"\b{_D}\s+(?:of\s+)?{_M}"),
        ("m", rf"(?i:\b(?P<lead>in|since|until|till|by|during|through|from|before|after"
              rf"|last|this|next|of|for)\b\s+)"
              rf"{_M}(?!\s*\d)"),
        ("m", rf"\b(?!May\b){_M}(?=['\u2019]s\b)"),
        ("part_y", rf"\b{_SUB_RE}{_Y}\b(?![\d,]\d|s\b|-\d)"),
        ("part_rel", rf"(?i:\b(?P<sub>{_SUB})[\s-]+(?P<mod>last|this|next)\s+"
                     rf"(?P<unit>month|year)\b)"),
        ("part_rel", r"(?i:\bthe\s+(?P<sub>start|beginning|end|middle|close)\s+of\s+the\s+"
                     r"(?P<unit>month|year)\b)"),
        ("ago", rf"(?i:\b{_NUM}\s+(?P<unit>day|week|month|year)s?\s+ago\b)"),
        ("period", r"(?i:\b(?P<mod>(?:earlier|later)\s+this|last|this|next)\s+"
                   r"(?P<unit>week|month|year)\b)"),
        ("dayword", r"(?i:\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night"
                    r"|(?:earlier\s+|later\s+)?this\s+(?:morning|afternoon|evening))\b)"),
        ("weekday", rf"(?:(?i:\b(?P<lead>next|last|this|coming|since)\s+))?\b{_W}"
                    rf"(?:['\u2019]s)?{_PART}\b"),
        ("year", rf"(?<![\d,.$£€-]){_Y}\b(?![\d,]\d|s\b|['\u2019]s\b|-\d)"),
    )
)
# Words that every match of a pattern contains (case-sensitive, or in the casefolded text for
# the case-insensitive patterns): a pattern is tried only on texts that hold one of them, so
# most sentences skip most patterns. Every month spelling starts with its three-letter prefix.
MONTH_WORD_RE = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
NEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ago": ("folded", ("ago",)),
    "period": ("folded", ("week", "month", "year")),
    "part_rel": ("folded", ("month", "year")),
    "dayword": ("folded", ("yesterday", "today", "tomorrow", "night", "morning", "afternoon",
                           "evening")),
    "weekday": ("text", ("day",)),
    "range_y": ("folded", ("1", "2")),
    "part_y": ("folded", ("1", "2")),
    "year": ("folded", ("1", "2")),
}
MONTH_KINDS = frozenset({"mdy", "dmy", "my", "md", "dm", "m", "m_rel", "range_d", "range_m",
                         "part_m"})
#: Case-insensitive regular expressions also equate the dotless ``ı`` with ``i``.
IGNORECASE_EXTRA = str.maketrans({"\u0131": "i"})
FUTURE_RE = re.compile(
    r"\b(will|shall|won't|going to|expects? to|expected to|scheduled|plans? to|planned|"
    r"set to|due to|upcoming|coming)\b", re.IGNORECASE)
#: The future of reported speech and of plans, read only before the date in its clause ("he
#: said funerals would be held on Friday", "the mayor is to open it on Friday"; not "said on
#: Tuesday that it would respond", where the date belongs to "said"): "would" not before
#: "have" or "often", "is to"/"are to" not before "blame".
REPORTED_FUTURE_RE = re.compile(
    r"\b(would(?!\s+(?:not\s+|never\s+)?have\b)(?!\s+often\b)"
    r"|(?:is|are) to(?!\s+blame\b))\b", re.IGNORECASE)
CLAUSE_RE = re.compile(r"[.;:!?\u201c\u201d\"()]|,\s")


def candidate_patterns(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that can match ``text``: those whose required words it contains."""
    has_month = MONTH_WORD_RE.search(text) is not None
    texts = {"text": text, "folded": text.casefold().translate(IGNORECASE_EXTRA)}
    result = []
    for kind, pattern in PATTERNS:
        if kind in MONTH_KINDS:
            if not has_month:
                continue
        elif kind in NEEDS:
            where, words = NEEDS[kind]
            if not any(word in texts[where] for word in words):
                continue
        result.append((kind, pattern))
    return result

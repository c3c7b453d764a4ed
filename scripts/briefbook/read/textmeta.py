"""What an article's text says about itself: headline, dateline, byline and outlet.

All of it is *suggested* metadata with the basis ``from text``; ``sources.yml`` always wins.

- **Headline**: the first paragraph when it looks like one: at most :data:`MAX_HEADLINE_WORDS`
  words and :data:`MAX_HEADLINE_CHARS` characters, no closing full stop, colon or comma, not
  boilerplate, and followed by more text. (A first line ending in a full stop is a sentence
  or a standfirst, not a headline.) A short section label above it ("World") is marked
  boilerplate and the headline is the second paragraph.
- **Dateline**: the opening of one of the first paragraphs in wire style, ``PLACE[, Region]
  [, Month Day[, Year]] [(Agency)] -`` (``WASHINGTON, Oct 19 (Reuters) -``, ``PARIS, 3 mars
  (AFP) -``, ``KYIV, Ukraine —``). The place is in capitals, or in title case when a date or
  an agency follows. A dateline's month and day without a year keep that precision.
- **Date line**: failing a wire dateline, one of those paragraphs that is a date and nothing
  else, as web pages print it under the headline or byline (``March 5, 2024``, ``Published:
  Tuesday 5 March 2024 12.30 GMT``): a dateline with no place. The year must be stated.
- **Byline**: a byline paragraph (``By Jane Doe and John Roe``) split off as boilerplate;
  its names are the authors.
- **Outlet**: the agency of the dateline, else the outlet a sign-off, editor initials or a
  footer names (``Reuter`` alone on the last line → Reuters; "All content by Global Voices
  is licensed …" → Global Voices).

Month names and agencies are data (``briefbook/read/data/textmeta.yml``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import lru_cache

from briefbook.core.lexicon import first_name_gender, is_function_word, is_outlet_word
from briefbook.core.model import Paragraph
from briefbook.core.textmeta import Dateline, Found, TextMeta
from briefbook.read.boilerplate import agency_names, load_data

MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
#: A first line of at most this many words above a headline is a section label.
MAX_LABEL_WORDS = 2
#: Datelines are looked for at the start of this many first paragraphs.
DATELINE_PARAGRAPHS = 3
# A closing full stop, comma, colon or semicolon (an ellipsis, "..." or "…", is not one).
_HEADLINE_END_RE = re.compile(r"""(?<!\.\.)[.,:;]['"\u2019\u201d\u00bb)\]]*$""")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    months = load_data("textmeta.yml")["months"]
    assert isinstance(months, dict)
    return {str(name).lower(): int(number) for number, names in months.items()
            for name in names}


@lru_cache(maxsize=1)
def _words(key: str) -> frozenset[str]:
    words = load_data("textmeta.yml")[key]
    assert isinstance(words, list)
    return frozenset(str(w).lower() for w in words)


@lru_cache(maxsize=1)
def _dateline_re() -> re.Pattern[str]:
    month = "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True))
    caps = r"(?-i:[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]*)*)"
    title = r"(?-i:[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,2})"
    date = (rf"(?:(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"|(?P<day2>\d{{1,2}})\.?\s+(?P<month2>{month})\.?)(?:,?\s+(?P<year>\d{{4}}))?")
    region = r"(?-i:[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})"
    tail = rf"(?:,\s*{date})?\s*(?:\((?P<agency>[^()]{{1,40}})\))?\s*\.?\s*(?:-{{1,2}}|–|—|:)\s+"
    return re.compile(
        rf"(?:(?P<place>{caps})(?:,\s*(?P<region>{region}))?{tail}"
        rf"|(?P<tplace>{title})(?:,\s*(?P<tregion>{region}))?"
        rf"(?=,\s*(?:\d{{1,2}}\.?\s+)?(?:{month})\b|\s*\()(?:,\s*{date.replace('?P<', '?P<t')})?\s*"
        rf"(?:\((?P<tagency>[^()]{{1,40}})\))?\s*\.?\s*(?:-{{1,2}}|–|—|:)\s+)",
        re.IGNORECASE)


def find_dateline(text: str, paragraph: int | None = None) -> Dateline | None:
    """The dateline opening ``text``, or ``None``.

    A date part that is impossible (``Feb 30``) is left out; the place is still kept.
    """
    found = _dateline_re().match(text)
    if found is None:
        return None
    g = {k: v for k, v in found.groupdict().items() if v}
    g = {k[1:] if k.startswith("t") else k: v for k, v in g.items()}  # the title-case branch
    place = g.get("place")
    if place is None or place.upper().strip(".") in {w.upper() for w in _words("not_places")}:
        return None
    month_name = (g.get("month") or g.get("month2") or "").lower().rstrip(".")
    month = _months().get(month_name)
    day = int(g.get("day") or g.get("day2") or 0) or None
    year = int(g["year"]) if g.get("year") else None
    if month and day and day > calendar.monthrange(year or 2000, month)[1]:
        month = day = year = None
    region, agency = g.get("region"), g.get("agency")
    return Dateline(text=found.group().strip(), place=place + (f", {region}" if region else ""),
                    month=month, day=day if month else None, year=year,
                    agency=agency.strip() if agency else None, paragraph=paragraph)


@lru_cache(maxsize=1)
def _date_line_re() -> re.Pattern[str]:
    def alternatives(words: frozenset[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))
    month = alternatives(frozenset(_months()))
    date = (rf"(?:(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?"
            rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<month2>{month})\.?,?"
            rf"(?:\s+de)?)\s+(?P<year>\d{{4}})")
    time = (r"(?:,?\s*(?:at\s+|um\s+|à\s+)?\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?"
            r"(?-i:\s*[A-Z]{2,5})?)?")
    return re.compile(
        rf"(?:(?:{alternatives(_words('date_line_labels'))})\s*:?\s*(?:on\s+)?)?"
        rf"(?:(?:{alternatives(_words('weekdays'))})\.?,?\s+)?{date}{time}\s*\.?", re.IGNORECASE)


def find_date_line(text: str, paragraph: int | None = None) -> Dateline | None:
    """A paragraph that is a date and nothing else, as a :class:`Dateline` with no place.

    ``March 5, 2024``, ``5 March 2024``, ``Published: Tuesday 5 March 2024 12.30 GMT``,
    ``Last updated on March 5, 2024 at 10:15 a.m. ET``. The year must be stated; an
    impossible date (``Feb 30``) is none.
    """
    found = _date_line_re().fullmatch(text.strip())
    if found is None:
        return None
    month = _months()[(found.group("month") or found.group("month2")).lower()]
    day, year = int(found.group("day") or found.group("day2")), int(found.group("year"))
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return Dateline(text=text.strip(), month=month, day=day, year=year, paragraph=paragraph)


def looks_like_headline(text: str) -> bool:
    """Whether a first paragraph reads as a headline (see the module's rule)."""
    words = text.split()
    return (2 <= len(words) <= MAX_HEADLINE_WORDS and len(text) <= MAX_HEADLINE_CHARS
            and not _HEADLINE_END_RE.search(text)
            and (text[0].isupper() or text[0].isdigit() or not text[0].isalnum()
                 or any(c.isupper() for c in words[0]))  # "iTunes", "eBay"
            and find_dateline(text + " ") is None)


def is_section_label(text: str) -> bool:
    """Whether a first line is a section label above a headline (``World``, ``Top stories``).

    One to :data:`MAX_LABEL_WORDS` words, at most 30 characters, no punctuation at the end.
    """
    words = text.split()
    return 1 <= len(words) <= MAX_LABEL_WORDS and len(text) <= 30 and text[-1].isalnum()


def _outlet_name(written: str) -> str:
    """The shown name of an outlet as written: an agency's canonical name, else as written."""
    written = written.strip().strip(".,;:()[]").strip()
    names = agency_names()
    return names.get(written) or names.get(written.split(",")[0].strip()) or written


def authors_of(byline: str) -> list[str]:
    """The names in a byline's name list (``Jane Doe and John Roe`` → two names).

    A trailing agency name is not an author, nor is a word such as a weekday, nor a job title
    after the name (``Jane Doe, Rural Affairs Correspondent``: ``byline_titles``).
    """
    names = [n.strip(" .") for n in _NAME_SPLIT_RE.split(byline) if n.strip(" .")]
    agencies = agency_names()
    not_names = _words("not_names")
    titles = _words("byline_titles")
    return [n for n in names if n not in agencies and n.split()[0].lower() not in not_names
            and n.split()[-1].lower() not in titles and not outlet_shaped(n)]


def outlet_shaped(name: str) -> bool:
    """A byline item that names an outlet, not a person.

    *Marsk Evening Post*, *Daily Star*, *Diario de Valdemora*, *Ouest Matin*: one of its
    capitalised words is an outlet word (``outlet_words.txt``, in several languages) and it
    does not open with a given name (*Jane Sun* stays a person).
    """
    words = name.split()
    given = first_name_gender(words[0]) is not None and not is_function_word(words[0])
    return len(words) > 1 and not given and any(
        w[:1].isupper() and is_outlet_word(w) for w in words)


def text_meta(paragraphs: Sequence[Paragraph],
              groups: Sequence[tuple[int, tuple[tuple[str, str], ...]]]) -> TextMeta:
    """Find headline, dateline, authors and outlet in an article's paragraphs.

    Args:
        paragraphs: The numbered paragraphs, boilerplate marked.
        groups: ``(paragraph number, named groups)`` of the boilerplate that matched, in
            order (from :func:`briefbook.read.boilerplate.split_boilerplate`).
    """
    headline = None
    first = paragraphs[0] if paragraphs else None
    if first is not None and len(paragraphs) > 2 and is_section_label(first.text) \
            and looks_like_headline(paragraphs[1].text):
        first = paragraphs[1]  # "World", then the headline
    rest = [p for p in paragraphs[first.number:] if not p.boilerplate] if first else []
    if first is not None and not first.boilerplate and rest and looks_like_headline(first.text):
        headline = Found(value=first.text, text=first.text, paragraph=first.number)
    dateline = None
    for para in [p for p in paragraphs if not p.boilerplate and p is not (
            first if headline else None)][:DATELINE_PARAGRAPHS]:
        dateline = find_dateline(para.text, para.number) or find_date_line(para.text, para.number)
        if dateline:
            break
    authors: list[Found] = []
    outlet = None
    if dateline and dateline.agency:
        outlet = Found(value=_outlet_name(dateline.agency), text=dateline.agency,
                       paragraph=dateline.paragraph)
    for number, found in groups:
        values = dict(found)
        if "author" in values and not authors:
            authors = [Found(value=n, text=values["author"], paragraph=number)
                       for n in authors_of(values["author"])]
            trailing = _NAME_SPLIT_RE.split(values["author"])[-1].strip(" .")
            if outlet is None and (trailing in agency_names() or outlet_shaped(trailing)):
                outlet = Found(value=_outlet_name(trailing), text=trailing, paragraph=number)
        if "outlet" in values and outlet is None:
            outlet = Found(value=_outlet_name(values["outlet"]), text=values["outlet"],
                           paragraph=number)
    return TextMeta(headline=headline, dateline=dateline, authors=tuple(authors), outlet=outlet)

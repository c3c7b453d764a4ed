"""What an article's text says about itself: headline, dateline, byline and outlet.

Records only; :mod:`briefbook.read.textmeta` finds them. Each value has the basis
``from text`` and names its paragraph, so a page can say where it was read.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The basis of metadata the article's text gives about itself.
FROM_TEXT = "from text"


@dataclass(frozen=True, kw_only=True)
class Found:
    """One piece of metadata an article's text gives about itself.

    Attributes:
        value: The value (a headline, an author's name, an outlet's name).
        text: The words as written, e.g. ``Reuter`` for the value ``Reuters``.
        paragraph: The paragraph it was found in, or ``None`` when it comes from the
            ``suggested`` mapping of ``sources.yml``.
        basis: ``from text``.
    """

    value: str
    text: str
    paragraph: int | None = None
    basis: str = FROM_TEXT


@dataclass(frozen=True, kw_only=True)
class Dateline:
    """The dateline that opens an article: ``WASHINGTON, Oct 19 (Reuters) -``.

    Only what the text states: a month and day without a year keep ``year=None`` (never a
    year guessed from elsewhere).

    Attributes:
        text: The dateline as written, up to and including its dash.
        place: The place, as written (``WASHINGTON``).
        month: 1-12, or ``None`` when the dateline gives no date.
        day: 1-31, or ``None``.
        year: Four digits, or ``None`` when not stated.
        agency: The outlet in parentheses (``Reuters``), or ``None``.
        paragraph: The paragraph it opens.
    """

    text: str
    place: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None
    paragraph: int | None = None
    basis: str = FROM_TEXT

    @property
    def date(self) -> str | None:
        """ISO 8601 when the year is stated (``2021-10-19`` or ``2021-10``), else ``None``."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str | None:
        """``day``, ``month``, ``year``, ``month-day`` (no year stated) or ``None`` (no date)."""
        if self.month is None:
            return "year" if self.year else None
        if self.year is None:
            return "month-day" if self.day else None
        return "day" if self.day else "month"

    @property
    def date_text(self) -> str | None:
        """The date at its stated precision, for people.

        ``2021-10-19``, or ``10-19 (no year stated)`` when the dateline gives no year.
        """
        if self.date:
            return self.date
        if self.month and self.day:
            return f"{self.month:02d}-{self.day:02d} (no year stated)"
        return None


@dataclass(frozen=True, kw_only=True)
class TextMeta:
    """What an article's text says about itself: headline, dateline, byline, outlet.

    Each value has the basis ``from text`` and names the paragraph it was found in.
    """

    headline: Found | None = None
    dateline: Dateline | None = None
    authors: tuple[Found, ...] = ()
    outlet: Found | None = None

    def __bool__(self) -> bool:
        return bool(self.headline or self.dateline or self.authors or self.outlet)

"""The claim check: numbers, dates and people's names of a cited sentence must be in the source.

A citation tool checks that a citation resolves; this checks that what the sentence says is
in what it cites. In the sentence a citation closes (its quotations left out: they are checked
verbatim), every

- **number** ("four", "4", "1,200", "3.5") must occur in the cited paragraphs, number words
  read as digits first (``text2num``: "four" = "4", "twenty-two" = "22"; "one" and "two"
  alone are not claims: "the two", "one official");
- **date** (a day, month or year; "Feb. 15" = "15 February" = "February 15", a weekday read
  against the source's date as the analysis reads it) must contain a date the cited
  paragraphs give, or the source's own date ("an article of 28 June");
- **person** the book knows (an actor of kind ``person``, curated or extracted) must be named
  in the cited paragraphs by any of their names or aliases, or be the speaker of a quotation
  there.

A sentence with several citations is checked against all of them: ``In February and again in
June [@a, ¶ 3], … [@b, ¶ 1].`` needs each date in ¶ 3 of *a* or ¶ 1 of *b*. What is not found
is a *claim finding*: page, line, the word and the cited paragraphs. It is a
review item; with the plugin option ``check_claims: strict`` it is also a warning (so
``--strict`` fails). Numbers written inside a date or a name are part of that date or name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from text_to_num import alpha2digit

from briefbook.analyse.aliastable import AliasTable
from briefbook.analyse.annotations import Annotations
from briefbook.analyse.dates import DatePhrase, find_dates
from briefbook.analyse.mentions import source_mentions
from briefbook.core.cache import cached, key_of
from briefbook.core.model import Paragraph, Source
from briefbook.core.quotemarks import quote_spans

#: Language of the number words (``text2num`` supports en, fr, es, pt, de, nl, da, it).
LANGUAGE = "en"
_NUMBER_RE = re.compile(r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/]|[.,]\d)")


@dataclass(frozen=True, kw_only=True)
class ClaimFinding:
    """A number, date or name of a cited sentence that the cited paragraphs do not give.

    Attributes:
        kind: ``number``, ``date`` or ``name``.
        word: The word or phrase as written in the page.
        detail: What it was read as (``4``, ``2020-03-12``, the actor id).
    """

    kind: str
    word: str
    detail: str


def _without_quotes(text: str) -> str:
    out, pos = [], 0
    for span in quote_spans(text):
        out.append(text[pos:max(span.start - 1, pos)])
        out.append(" " * (span.end - span.start))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


#: English number words, to split a compound like *nine-day* (not *twenty-two*).
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion".split())
_COMPOUND_RE = re.compile(r"\b([A-Za-z]+)-(?=([A-Za-z]+)\b)")


def _split_compounds(text: str) -> str:
    """*a nine-day strike* → *a nine day strike* (same length: offsets stay)."""
    if "-" not in text:
        return text
    return _COMPOUND_RE.sub(lambda m: m.group(1) + (
        " " if m.group(1).lower() in _NUMBER_WORDS and m.group(2).lower() not in _NUMBER_WORDS
        else "-"), text)


def _digits(text: str, threshold: float = 3) -> str:
    """Number words as digits; alone, only numbers above ``threshold`` ("the two" stays).

    A number word joined to a noun by a hyphen counts too: *a nine-day strike* gives 9.
    """
    try:
        return alpha2digit(_split_compounds(text), LANGUAGE, threshold=threshold)
    except (ValueError, RuntimeError):  # an unsupported construction: keep the words
        return text


def _value(number: str) -> str:
    value = number.replace(",", "")
    return value.rstrip("0").rstrip(".") if "." in value else value.lstrip("0") or "0"


def numbers(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    """``(as written, value)`` of every number in ``text`` outside the ``skip`` spans."""
    skipped = list(skip)
    found = []
    for m in _NUMBER_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in skipped):
            found.append((m.group(), _value(m.group())))
    return found


def _dates(text: str, reference: str | None) -> tuple[DatePhrase, ...]:
    """The date phrases of ``text`` read against ``reference``, kept in the analysis cache.

    The same paragraphs and sentences are checked in every build; parsing their dates again
    (dateparser's first parse loads its language data) cost more than a small book's whole
    claim check.
    """
    return cached("claims.dates", key_of(text, reference),
                  lambda: tuple(find_dates(text, reference)))


def _paragraph_facts(text: str, reference: str | None) -> tuple[frozenset[str],
                                                                 tuple[DatePhrase, ...]]:
    """The numbers (as values) and resolved dates a paragraph gives."""
    digits = _digits(text, 0)  # every number the article gives, "one" and "two" included
    dates = tuple(p for p in _dates(digits, reference) if p.resolved)
    spans = [(p.start, p.end) for p in dates]
    values = frozenset(v for _, v in numbers(digits, spans)) | frozenset(
        v for _, v in numbers(digits))
    return values, dates


def _within(page: DatePhrase, cited: DatePhrase) -> bool:
    assert page.earliest and page.latest and cited.earliest and cited.latest
    return page.earliest <= cited.earliest and cited.latest <= page.latest


class ClaimChecker:
    """The claim check of one book: people and their names, built once, then per sentence."""

    def __init__(self, annotations: Annotations) -> None:
        self.annotations = annotations
        self.people = [a for a in annotations.actors if a.kind == "person"]
        self.table = AliasTable.build(self.people)
        named: dict[tuple[str, int], set[str]] = {}
        for mention in annotations.mentions:
            named.setdefault((mention.source, mention.paragraph), set()).add(mention.actor)
        for quote in annotations.quotes:
            if quote.speaker:
                named.setdefault((quote.source, quote.paragraph), set()).add(quote.speaker)
        self.named = named
        self._facts: dict[tuple[str, int], tuple[frozenset[str], tuple[DatePhrase, ...]]] = {}

    def page_people(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        """``(as written, actor id)`` of the people named in each sentence of a page.

        The sentences are read as one text in page order, so a surname alone counts after
        the full name appeared earlier on the page (as in an article).
        """
        if not self.people:
            return [[] for _ in sentences]
        pseudo = Source(id="page", file="", sha256="", size=0, paragraphs=tuple(
            Paragraph(number=i, text=_without_quotes(s), line=i)
            for i, s in enumerate(sentences, start=1)))
        found: list[list[tuple[str, str]]] = [[] for _ in sentences]
        for mention in source_mentions(pseudo, self.table):
            found[mention.paragraph - 1].append((mention.text, mention.actor))
        return found

    def check(self, sentence: str, cited: Sequence[tuple[Source, Sequence[int]]],
              people: Sequence[tuple[str, str]] = ()) -> list[ClaimFinding]:
        """The claim findings of one cited sentence.

        Args:
            sentence: The sentence's plain text, up to its citation.
            cited: The resolved cited sources and paragraph numbers.
            people: The people named in the sentence (:meth:`page_people`).
        """
        if not cited:
            return []
        text = _digits(_without_quotes(sentence))
        # a date without its year is read against each cited source's date in turn
        references = sorted({s.date[:10] for s, _ in cited if s.date and len(s.date) >= 10})
        values: set[str] = set()
        dates: list[DatePhrase] = []
        named: set[str] = set()
        for source, paragraph_numbers in cited:
            for number in paragraph_numbers:
                facts = self._facts.get((source.id, number))
                if facts is None:
                    facts = self._facts[(source.id, number)] = _paragraph_facts(
                        source.paragraphs[number - 1].text, source.date)
                para_values, para_dates = facts
                values |= para_values
                dates.extend(para_dates)
                named |= self.named.get((source.id, number), set())
        findings: list[ClaimFinding] = []
        readings: dict[tuple[int, int], list[DatePhrase]] = {}
        for reference in references or [None]:
            for p in _dates(text, reference):
                if p.resolved:
                    readings.setdefault((p.start, p.end), []).append(p)
        for phrases in readings.values():
            if any(_within(phrase, d) for phrase in phrases for d in dates):
                continue
            if any(phrase.earliest <= d <= phrase.latest  # type: ignore[operator]
                   for phrase in phrases for d in references):
                continue  # the source's own date ("an article of 28 June", "in 2021")
            findings.append(ClaimFinding(kind="date", word=phrases[0].text,
                                         detail=str(phrases[0].date)))
        spans = list(readings)
        for written, value in numbers(text, spans):
            if value not in values:
                findings.append(ClaimFinding(kind="number", word=written, detail=value))
        for written, actor in people:
            if actor not in named:
                findings.append(ClaimFinding(kind="name", word=written, detail=actor))
        return findings

"""Where quotations are in a paragraph: spans between double or single quotation marks.

Curly, low-9 and guillemet marks open and close by their shape; a straight mark opens after a
space or an opening bracket or dash and otherwise closes. A quotation left open runs to the end
of its paragraph; a mark shaped as an opening one after a sentence's end inside an open
quotation starts a new one (the news style ``"A. "B."``). ``Robert "Bob" Jones`` is a nickname,
not a quotation.

Single marks (``'…'``, ``‘…’``, ``‚…‘``, ``‹…›``: the British headline style ``Blair 'sorry'
over …`` and quoted terms) make a quotation outside the double-mark ones when they close in
their paragraph, by the apostrophe rules of :func:`briefbook.core.quotemarks.quote_spans`
(``Reddy's``, ``the airlines' fears`` and ``the '90s`` are apostrophes, not quotations).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.core.quotemarks import DOUBLE_PAIRS, SINGLE_PAIRS
from briefbook.core.quotemarks import quote_spans as marked_spans
from briefbook.core.text import sentence_spans

#: Marks that only open a quotation: “ (English), „ (German, Polish), « (French), 「 (Japanese).
_OPEN = "\u201c\u201e\u00ab\u300c"
#: Marks that close one; ” and » also open one at a word's start (Swedish and Finnish ”…”
#: and »…», German »…«), as the straight mark does.
_CLOSE = "\u201d\u00bb\u300d"
#: Opening mark → the marks that close it besides the usual closing ones: „…“ (German,
#: Czech), „…” (Polish, Hungarian), “…” (English), »…« (German) and »…» (Swedish), ”…”
#: (Swedish), 「…」 (Japanese). Source: :mod:`briefbook.core.quotemarks`.
_CLOSERS = {opener: DOUBLE_PAIRS[opener].replace('"', "")
            for opener in ("\u201e", "\u201c", "\u00bb", "\u201d", "\u300c")}
_MARK_RE = re.compile("[" + re.escape(_OPEN + _CLOSE + '"') + "]")
_STRAY = " \u2018\u2019'\u201c\u201d\""


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quotation is in its paragraph: marks, words, and whether it was left open."""

    open: int
    close: int  # index of the closing mark, or len(text) when left open
    text_start: int
    text_end: int
    unclosed: bool


def quote_spans(text: str) -> list[QuoteSpan]:
    """Spans between double quotation marks; a quote left open runs to the paragraph's end.

    A mark shaped as an opening one (``“``, or ``"`` after a sentence's end and a space and
    before a word) met while a quotation is open starts a new quotation and leaves the open one
    unclosed before it: the news style of a quotation running over several paragraphs, where
    each paragraph reopens the quotation without closing the last (``"A. "B."``), kept when the
    paragraph breaks were lost.
    """
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for mark in _MARK_RE.finditer(text):  # only the quotation marks can open or close
        index, char = mark.start(), mark.group()
        straight = char == '"'
        if opened is not None and char in _CLOSERS.get(text[opened], ""):
            # the closing mark of this opening one: „…“ (German) closes on “, not on ”
            spans.append(_make_span(text, opened, index, unclosed=False))
            opened = None
            continue
        if opened is not None and _reopens(text, index, char):
            spans.append(_make_span(text, opened, index, unclosed=True))
            opened = None
        if opened is None and (char in _OPEN or ((straight or char in "\u201d\u00bb")
                                                 and _opens(text, index))):
            opened = index
        elif opened is not None and (char in _CLOSE or straight):
            spans.append(_make_span(text, opened, index, unclosed=False))
            opened = None
    if opened is not None:
        spans.append(_make_span(text, opened, len(text), unclosed=True))
    doubles = [s for s in spans if s.text_end > s.text_start and not _nickname(text, s)]
    return sorted(doubles + _single_spans(text, doubles), key=lambda s: s.open)


def _single_spans(text: str, doubles: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """Closed single-mark quotations outside the double-mark ones (module docstring).

    The quoted words must start with a letter or a digit and hold two letters or digits
    (``rock 'n' roll`` has none); an elided decade (``'90s``) is not one, nor a span over a
    sentence's end closed by a plural possessive (``known as '771. The firms' shares``).
    """
    found = []
    for span in marked_spans(text):
        if span.opener not in SINGLE_PAIRS or not span.closed:
            continue
        opened, close = span.start - 1, span.end
        inner = text[span.start:span.end]
        if any(d.open <= opened <= d.close or d.open <= close <= d.close for d in doubles) \
                or not inner[:1].isalnum() or len(re.findall(r"\w", inner)) < 2 \
                or re.match(r"\d0s\b", inner) or (
                    re.search(r"[.!?]\s+[A-Z]", inner) and inner.endswith("s")
                    and re.match(r"\s+[a-z]", text[close + 1:close + 3])):
            continue
        found.append(_make_span(text, opened, close, unclosed=False))
    return [s for s in found if s.text_end > s.text_start and not _nickname(text, s)]


def _opens(text: str, index: int) -> bool:
    """A straight, ``”`` or ``»`` mark at a word's start opens (``said "We``, ``sade ”Vi``)."""
    before = text[index - 1] if index else " "
    after = text[index + 1:index + 2]
    if text[index] != '"' and not (after.isalnum() or after in "\u2018'‚›"):
        return False
    return before.isspace() or before in "([—–-/"


def _reopens(text: str, index: int, char: str) -> bool:
    """An opening mark after the end of a sentence inside an open quotation (``grasp. "Yet``)."""
    if char in _CLOSE or index + 1 >= len(text) or not text[index + 1].isalnum():
        return False
    return bool(re.search(r"[.?!:;][’'\u2019]?\s+$", text[max(0, index - 4):index]))


def _make_span(text: str, opened: int, close: int, *, unclosed: bool) -> QuoteSpan:
    start, end = opened + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or (unclosed and text[end - 1] in _STRAY)):
        end -= 1
    return QuoteSpan(opened, close, start, end, unclosed)


def _nickname(text: str, span: QuoteSpan) -> bool:
    """``Robert "Bob" Jones``: one capitalised word between two capitalised words."""
    inner = text[span.text_start:span.text_end]
    before = text[:span.open].split()[-1:] or [""]
    after = text[span.close + 1:].split()[:1] or [""]
    return (len(inner.split()) == 1 and inner[:1].isupper() and before[0][:1].isupper()
            and after[0][:1].isupper() and not before[0].endswith((".", ",", ":")))


def masked_text(text: str, spans: Sequence[QuoteSpan]) -> str:
    """``text`` with quoted words masked (a final ``.``/``?``/``!`` inside is kept)."""
    chars = list(text)
    for s in spans:
        last = min(s.close, len(text)) - 1
        for i in range(s.open + 1, last + 1):
            if not (i == last and chars[i] in ".?!") and not (
                    i == s.text_end - 1 and chars[i] in ".?!"):
                chars[i] = "X"
    return "".join(chars)


@lru_cache(maxsize=256)
def masked_sentences(text: str, spans: tuple[QuoteSpan, ...]) -> tuple[tuple[int, int], ...]:
    """Sentence spans of ``text`` with the quotations masked (once per paragraph, not per quote)."""
    return tuple(sentence_spans(masked_text(text, spans)))

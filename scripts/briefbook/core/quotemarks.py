"""Quotation marks of every script, and where the quoted passages of a text are.

One table serves every stage that looks for quotations (the page-side quotation check, and
the extraction of quotations from articles): English “…” and ‘…’, German „…“ and ‚…‘ (and
»…« in books), French and Russian «…» (with or without spaces inside), Swedish and Finnish
”…” and »…», Polish „…”, Japanese and Chinese 「…」 and 『…』, typewriter "…" and '…', and
the mixtures people type (“…" or "…”). Sources: the Unicode Standard, chapter 6.2 (quotation
marks), and the CLDR delimiter data (``quotationStart``/``quotationEnd`` and
``alternateQuotationStart``/``alternateQuotationEnd`` per locale).

:func:`quote_spans` finds the quoted passages with a stack, so a quotation nested inside another
(`“… ‘off limits,’ …”`) stays inside it, and a quotation left open at the end of a paragraph
(the convention for a quotation continued in the next paragraph) is reported as open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening mark → the closing marks that end a quotation it opened (the usual one first).
#: Double-class marks (a quotation) and single-class marks (usually a quotation inside one).
DOUBLE_PAIRS: dict[str, str] = {
    "\u201c": "\u201d\"",        # “…” English; “…" mixed
    "\u201e": "\u201c\u201d\"",  # „…“ German, Czech; „…” Polish, Hungarian, Romanian
    "\u00ab": "\u00bb",          # «…» French, Russian, Spanish, Arabic
    "\u00bb": "\u00ab\u00bb",    # »…« German, Danish (books); »…» Swedish, Finnish
    "\u201d": "\u201d",          # ”…” Swedish, Finnish
    '"': '"\u201d',              # "…" typewriter; "…” mixed
    "\u300c": "\u300d",          # 「…」 Japanese, Chinese (traditional)
    "\uff02": "\uff02",          # ＂…＂ full-width typewriter
}
SINGLE_PAIRS: dict[str, str] = {
    "\u2018": "\u2019'",         # ‘…’ English inner (and British outer)
    "\u201a": "\u2018\u2019",    # ‚…‘ German inner; ‚…’ Polish, Dutch inner
    "\u2039": "\u203a",          # ‹…› French inner
    "\u203a": "\u2039\u203a",    # ›…‹ German inner (books); ›…› Swedish inner
    "'": "'\u2019",              # '…' typewriter
    "\u300e": "\u300f",          # 『…』 Japanese, Chinese inner
}
#: Every opening mark and the marks that close it.
PAIRS: dict[str, str] = {**DOUBLE_PAIRS, **SINGLE_PAIRS}
#: Every character that can open or close a quotation.
QUOTE_MARKS: frozenset[str] = frozenset("".join(PAIRS) + "".join(PAIRS.values()))
#: Every opening mark, and every closing mark, each as one string (for character classes).
OPENERS: str = "".join(PAIRS)
CLOSERS: str = "".join(sorted(set("".join(PAIRS.values()))))
#: The end of a sentence that another follows: a full stop, question or exclamation mark, a
#: closing quotation mark of any script perhaps, space, then an opening mark of any script or
#: a capital letter (*… berthed. „Wir sind …“, she said*: the German quotation opens a new
#: sentence as “…” does).
SENTENCE_STOP_RE = re.compile(
    rf"[.!?][{re.escape(CLOSERS)}]?\s+(?=[{re.escape(OPENERS)}A-Z\u00c0-\u00d6\u00d8-\u00de])")
#: Marks that are also apostrophes (``Smith’s``, ``don't``): they close only at a word's end
#: and open only at a word's start.
APOSTROPHES: frozenset[str] = frozenset("'\u2019")
#: Marks written with a space inside the quotation in French typography (``« Oui »``).
SPACED: frozenset[str] = frozenset("\u00ab\u00bb\u2039\u203a")
#: Each quotation mark folded to its typewriter form (``"`` or ``'``) for comparisons.
FOLD_TABLE: dict[int, str] = {
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d\uff02\u2033\u301d"
       "\u301e"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u300e\u300f\u2032"},
}


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted passage of a text.

    Attributes:
        start: Offset of the first character inside the marks.
        end: Offset just past the last character inside (the closing mark's offset, or the end
            of the text when the quotation is still open there).
        opener: The opening mark.
        closer: The closing mark, or ``""`` when the quotation is open at the end of the text.
        depth: 0 for an outermost quotation, 1 for one inside it, and so on.
    """

    start: int
    end: int
    opener: str
    closer: str
    depth: int

    @property
    def closed(self) -> bool:
        """Whether the quotation is closed within the text."""
        return bool(self.closer)


def _is_space(ch: str) -> bool:
    return not ch or ch.isspace()


def _can_open(ch: str, before: str, after: str) -> bool:
    if ch in APOSTROPHES and before.isalnum():
        return False  # Smith’s, don't
    if _is_space(after) and ch not in SPACED:
        return False  # a mark followed by a space closes (or stands alone)
    return _is_space(before) or not before.isalnum() or ch in "\u300c\u300e"


def _can_close(ch: str, before: str, after: str) -> bool:
    if ch in APOSTROPHES and after.isalnum():
        return False  # ’s, don’t: an apostrophe inside a word
    if _is_space(before) and ch not in SPACED:
        return False  # a mark after a space opens
    return True


def quote_spans(text: str, *, nested: bool = False) -> list[QuoteSpan]:
    """The quoted passages of ``text``, in order of their opening marks.

    A closing mark first closes the innermost open quotation it can close (and drops the
    single-mark quotations opened inside it that never closed: those were apostrophes); a
    mark that can close nothing opens a quotation. Single-mark quotations still open at the
    end are dropped (apostrophes such as ``'90s``); double-mark ones are kept as open, ending at
    the end of the text (a quotation continued in the next paragraph).

    Args:
        text: Plain text (one paragraph, or part of one).
        nested: Also return the quotations inside other quotations (``depth`` > 0).

    Returns:
        The spans, outermost only unless ``nested``.
    """
    stack: list[tuple[str, int]] = []
    spans: list[QuoteSpan] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in QUOTE_MARKS:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < n else ""
        if stack and _can_close(ch, before, after):
            depth = next((d for d in range(len(stack) - 1, -1, -1)
                          if ch in PAIRS[stack[d][0]]), None)
            if depth is not None:
                opener, start = stack[depth]
                del stack[depth:]
                spans.append(QuoteSpan(start, i, opener, ch, depth))
                continue
        if ch in PAIRS and _can_open(ch, before, after):
            stack.append((ch, i + 1))
    for depth, (opener, start) in enumerate(stack):
        if opener in DOUBLE_PAIRS:
            spans.append(QuoteSpan(start, n, opener, "", depth))
            break  # anything opened inside an open quotation is part of it
    spans.sort(key=lambda s: s.start)
    if nested:
        return spans
    outer: list[QuoteSpan] = []
    for span in spans:
        if not outer or span.start > outer[-1].end:
            outer.append(QuoteSpan(span.start, span.end, span.opener, span.closer, 0)
                         if span.depth else span)
    return outer


def fold_marks(text: str) -> str:
    """Every quotation mark replaced by its typewriter form (``"`` or ``'``)."""
    return text.translate(FOLD_TABLE)

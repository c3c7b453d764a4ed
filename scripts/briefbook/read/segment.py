"""Sentences for reading: where a long line may be cut, and never inside a quotation.

Sentence boundaries come from `sentencex <https://github.com/wikimedia/sentencex>`_
(Wikimedia's rule-based segmenter: abbreviations and numbers of some 300 languages, and it
keeps curly-quoted and guillemet-quoted text together). On top of it, a boundary that falls
inside a quotation of any style is dropped: straight quotes (``"…"``), English curly quotes,
German ``„…“``, French and Russian ``«…»``, Scandinavian ``»…«`` and ``”…”``, single quotes
(an apostrophe inside a word is not a quote) and CJK corner brackets. A quotation mark that is
never closed protects nothing, so one stray mark cannot glue a whole article together.

Used by the reader to segment one-line articles and to find boilerplate sentences; the
analysis stages keep their own splitter (:func:`briefbook.core.text.sentence_spans`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

import sentencex

#: Sentences per segment when a long line is cut into paragraphs.
SENTENCES_PER_SEGMENT = 3
#: A segment grows past that many sentences rather than end before a sentence that opens
#: with a quotation mark or a lowercase letter (a continuation), up to this many.
MAX_SENTENCES_PER_SEGMENT = 5

# Opening mark → the marks that may close it.
_PAIRS = {
    "\u201c": "\u201d\u201c",  # “…” (English), “…“ (rare)
    "\u201e": "\u201c\u201d",  # „…“ (German), „…” (Polish, Hungarian)
    "\u00ab": "\u00bb",        # «…»
    "\u00bb": "\u00ab\u00bb",  # »…« (German, Danish), »…» (Swedish, Finnish)
    "\u201d": "\u201d",        # ”…” (Swedish, Finnish)
    "\u2039": "\u203a",        # ‹…›
    "\u203a": "\u2039",
    "\u2018": "\u2019",        # ‘…’
    "\u201a": "\u2018\u2019",  # ‚…‘
    "\u300c": "\u300d",        # 「…」
    "\u300e": "\u300f",        # 『…』
    '"': '"',
    "'": "'",
}
_OPEN_AFTER = " \t\n([{\u2014\u2013-/:;,\u00a0"
_CLOSERS = frozenset("".join(_PAIRS.values()))
_GUILLEMETS = frozenset("\u00ab\u00bb\u2039\u203a")
_MARK_RE = re.compile("[" + re.escape("".join(sorted(set(_PAIRS) | _CLOSERS))) + "]")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` character spans of the quotations in ``text``, outermost only.

    A mark opens a quotation when it stands after white space, an opening bracket, a dash, a
    quotation mark or the start of the text, and before a non-space; it closes the innermost
    open quotation whose closing marks include it when it follows a non-space. Guillemets
    may be spaced (French ``« oui »``). A single quote between two letters or digits
    (``don't``) is an apostrophe. Unclosed quotations are dropped.
    """
    closed: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    length = len(text)
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < length else " "
        if ch in "'\u2019" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, O'Neill, Qur'an
        spaced = ch in _GUILLEMETS
        closes = next((k for k in range(len(stack) - 1, -1, -1)
                       if ch in _PAIRS[stack[k][0]]), None)
        if closes is not None and (spaced or not before.isspace()):
            closed.append((stack[closes][1], i + 1))
            del stack[closes:]
        elif ch in _PAIRS and (spaced or (
                (before in _OPEN_AFTER or before in _PAIRS) and not after.isspace())):
            stack.append((ch, i))
    closed.sort(key=lambda span: (span[0], -span[1]))
    outer: list[tuple[int, int]] = []
    for start, end in closed:
        if outer and start < outer[-1][1]:
            continue  # inside a quotation already kept
        outer.append((start, end))
    return outer


def sentence_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` spans, never ending inside a quotation.

    The spans cover the text's sentences in order (trailing white space excluded); joined
    with the white space between them they give the text back unchanged.

    Args:
        text: One paragraph or line (white space already folded).
        language: ISO 639 code for the segmenter's abbreviations (``en`` when unknown).
    """
    if not text.strip():
        return []
    quotes = quotation_spans(text)  # outer spans: sorted, not overlapping
    starts = [a for a, _ in quotes]

    def inside(offset: int) -> bool:
        i = bisect_left(starts, offset) - 1
        return i >= 0 and starts[i] < offset < quotes[i][1]

    ends: list[int] = []
    for bound in sentencex.get_sentence_boundaries(language or "en", text):
        end = int(bound["end_index"])
        if end >= len(text) or inside(end):
            continue
        # the segmenter may also cut inside a quotation that closes just after white space
        stripped = end
        while stripped > 0 and text[stripped - 1].isspace():
            stripped -= 1
        if inside(stripped):
            continue
        ends.append(end)
    spans = []
    start = 0
    for end in [*ends, len(text)]:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = end
    return spans


def segments(text: str, language: str = "en") -> list[str]:
    """Cut a long line into paragraphs of about :data:`SENTENCES_PER_SEGMENT` sentences.

    Never inside a quotation (see :func:`sentence_spans`), and preferably not before a
    sentence that opens with a quotation mark or a lowercase letter, which usually continues
    the one before (a quotation and its speaker stay together). No character is changed: the
    segments joined with single spaces give ``text`` back when its white space is folded.
    """
    spans = sentence_spans(text, language)
    if len(spans) <= SENTENCES_PER_SEGMENT:
        return [text.strip()] if text.strip() else []
    groups: list[list[tuple[int, int]]] = [[]]
    for span in spans:
        group = groups[-1]
        if len(group) >= SENTENCES_PER_SEGMENT and not (
                len(group) < MAX_SENTENCES_PER_SEGMENT and _continues(text[span[0]:span[1]])):
            groups.append([span])
        else:
            group.append(span)
    return [text[g[0][0]:g[-1][1]] for g in groups if g]


def _continues(sentence: str) -> bool:
    first = sentence[:1]
    return bool(first) and (first in _PAIRS or first.islower())

"""The cue of one quotation in its paragraph: the rules of :mod:`briefbook.analyse.attribution`.

The text after the quotation (``"…," X said``, ``"…," said X``, ``"…" — X``, ``according to
X``), then before it in its sentence (``X said: "…"``, a colon lead-in), a lead-in paragraph
ending with a colon, the previous sentence when it reports a statement, and an open quotation
attributed at the end of its continuation in the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.attribution import (
    NONE,
    Attribution,
    Attributor,
    clause_after,
    last_speech_verb,
    speech_verb_at,
)
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences
from briefbook.core.model import Paragraph, Source
from briefbook.core.text import sentence_spans

_DASH_RE = re.compile(r"^\s*[—–]\s*|^\s+-{1,2}\s+")
_ACCORDING_RE = re.compile(r"\baccording to\s+(?P<subj>[^,.;:]+)", re.IGNORECASE)


def attribute(para: Paragraph, span: QuoteSpan, spans: Sequence[QuoteSpan], index: int,
               who: Attributor) -> Attribution:
    """The cue of one quotation, after it, then before it (module docstring)."""
    text = para.text
    sentences = masked_sentences(text, tuple(spans)) or ((0, len(text)),)
    sent_start = max([a for a, _ in sentences if a <= span.open] or [0])
    sent_end = min([b for _, b in sentences if b > span.close] or [len(text)])
    next_open = spans[index + 1].open if index + 1 < len(spans) else len(text)
    prev_close = spans[index - 1].close + 1 if index else 0
    tail_a = span.close + 1
    tail_b = min(sent_end, next_open)
    tail = text[tail_a:tail_b] if tail_a < tail_b else ""
    lead = len(tail) - len(tail.lstrip(" ,.;:—–-"))
    quoted = text[span.text_start:span.text_end].rstrip()
    attached = quoted.endswith((",", "?", "!", "—", "-", "–")) or tail[:lead].strip(" .") != ""
    if (dash := _DASH_RE.match(tail)) and not speech_verb_at(tail):
        a = tail_a + dash.end()
        return who.subject(para, a, clause_after(text, a, tail_b), span.open, "dash",
                           "\"…\" — X")
    if attached and tail.strip():
        found = _after(para, tail_a + lead, tail_b, span, who)
        if found is not None:
            return found
    m = _ACCORDING_RE.search(tail)
    if m:
        return who.subject(para, tail_a + m.start("subj"), tail_a + m.end("subj"), span.open,
                           "according-to", "according to X")
    head_a = max(sent_start, prev_close)
    head = text[head_a:span.open]
    m = _ACCORDING_RE.search(head)
    if m:
        return who.subject(para, head_a + m.start("subj"), head_a + m.end("subj"), span.open,
                           "according-to", "according to X")
    verb = last_speech_verb(head)
    if verb and head[:verb.start()].strip(" ,.;:—–-\u201d\""):
        return who.subject(para, head_a, head_a + verb.start(), span.open, "before",
                           f"X {verb.group()}: \"…\"")
    if head.rstrip().endswith(":") and head.strip(" :"):
        a = head_a + _lead_in_start(head)
        return who.subject(para, a, head_a + len(head.rstrip()), span.open, "lead-in",
                           "X: \"…\" (lead-in)")
    return NONE


def _after(para: Paragraph, a: int, b: int, span: QuoteSpan, who: Attributor) -> Attribution | None:
    """``"…," said X`` / ``"…," X said`` / ``"…," X told …`` in the text after a quotation."""
    text = para.text
    first = re.match(r"[\w’'.-]+", text[a:b])
    verb = speech_verb_at(text[:b], a)
    if first and verb and verb.start() == a:
        s = verb.end()
        return who.subject(para, s, clause_after(text, s, b), span.open, "after",
                           f"\"…,\" {verb.group()} X")
    if verb and len(text[a:verb.start()].split()) <= 25:
        return who.subject(para, a, verb.start(), span.open, "after",
                           f"\"…,\" X {verb.group()}")
    return None


def _lead_in_start(head: str) -> int:
    """Skip the connective of a lead-in: ``And from Senator P:`` → ``Senator P``."""
    m = re.match(r"\s*(?:(?:and|but|so|then|also)\s+)?(?:(?:from|by|for)\s+)?", head,
                 re.IGNORECASE)
    return m.end() if m else 0


def lead_in_paragraph(source: Source, para: Paragraph, who: Attributor,
                       spans: dict[int, list[QuoteSpan]]) -> Attribution:
    """A paragraph ending with ``:`` before a paragraph that opens with a quotation."""
    prev = source.paragraph(para.number - 1)
    if prev is None or prev.boilerplate or not prev.text.rstrip().endswith(":"):
        return NONE
    prev_spans = spans.get(prev.number, [])
    if prev_spans and prev_spans[-1].close >= len(prev.text.rstrip()) - 2:
        return NONE
    start = max([a for a, _ in sentence_spans(prev.text)] or [0])
    if prev_spans:
        start = max(start, prev_spans[-1].close + 1)
    sentence = prev.text[start:].rstrip()
    verb = last_speech_verb(sentence)
    end = start + (verb.start() if verb else len(sentence) - 1)
    a = start + _lead_in_start(sentence)
    found = who.subject(prev, a, end, len(prev.text), "lead-in",
                        "lead-in paragraph ending with a colon")
    return found


def previous_sentence(para: Paragraph, span: QuoteSpan, spans: Sequence[QuoteSpan],
                       who: Attributor) -> Attribution:
    """A quotation standing alone after a sentence that reports a statement by someone."""
    sentences = masked_sentences(para.text, tuple(spans))
    before = [(a, b) for a, b in sentences if b <= span.open]
    if not before or any(s.open >= before[-1][0] and s.close < span.open for s in spans):
        return NONE
    a, b = before[-1]
    verb = last_speech_verb(para.text[a:b])
    if verb is None or not para.text[a:a + verb.start()].strip():
        return NONE
    found = who.subject(para, a, a + verb.start(), span.open, "previous-sentence",
                        f"previous sentence: X {verb.group()} …")
    return found if found.speaker else NONE


def forward(source: Source, para: Paragraph, spans: dict[int, list[QuoteSpan]],
             who: Attributor) -> Attribution:
    """An open quote attributed at the end of its continuation in the next paragraph."""
    following = source.paragraph(para.number + 1)
    nxt = spans.get(para.number + 1) if following else None
    if not following or not nxt or nxt[0].open != 0:
        return NONE
    found = attribute(following, nxt[0], nxt, 0, who)
    if found.pattern == "none":
        return NONE
    return Attribution(speaker=found.speaker, written=found.written, pattern="continued",
                       cue=f"continued in the next paragraph: {found.cue}",
                       anonymous=found.anonymous, name=found.name)

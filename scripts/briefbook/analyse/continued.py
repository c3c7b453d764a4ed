"""A quotation standing alone with no cue: the speaker the article is still reporting.

News prose often lets a speaker go on in direct speech with no reporting clause at all once
it has named them: a paragraph reports *Mr Roe said that … he feared …*, adds a sentence of
background, then quotes him (*"Television has been the driving force …"*); or a paragraph of
background about his firm ends with his words (*"We have two executives in Japan …"*). The
quotation is the previous speaker's when all of these hold:

- it is a statement (:data:`~briefbook.analyse.quotes.PHRASE_WORDS` words or more) that opens
  its sentence: a short phrase inside a sentence may be a scare quote or a term;
- the previous quotation with a speaker has a named person as its speaker (a body speaks in
  statements, not on and on in the first person) and is in the same paragraph or the one
  before;
- nothing since that quotation names another person, nor a body as a sentence's subject, and
  no sentence since reports anyone else (*A spokesman said …*, *Analysts said …*).

Anything else keeps ``NONE``: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.attribution import NONE, Attribution, Attributor, speech_verb_at
from briefbook.analyse.cues import sentence_report
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences
from briefbook.core.model import Paragraph, Source

#: Fewest words of a quotation that may stand alone as the previous speaker's statement
#: (:data:`briefbook.analyse.quotes.PHRASE_WORDS`, repeated here to avoid an import cycle).
STATEMENT_WORDS = 4


def recent_speaker(source: Source, para: Paragraph, span: QuoteSpan,
                   spans: dict[int, list[QuoteSpan]], who: Attributor) -> Attribution:
    """The previous speaker, for a statement standing alone with no cue (module docstring).

    Args:
        source: The article.
        para: The quotation's paragraph.
        span: The quotation.
        spans: Every paragraph's quotation spans, by paragraph number.
        who: The article's attributor, its ``previous`` quotation set.

    Returns:
        The previous quotation's speaker with pattern ``continued``, or ``NONE``.
    """
    prev = who.previous
    words = para.text[span.text_start:span.text_end].split()
    if prev is None or not prev[2].speaker or who.kind(prev[2].speaker) != "person" or \
            para.number - prev[0] > 1 or \
            len(words) < STATEMENT_WORDS or not words[0][:1].isupper():
        return NONE
    speaker = prev[2].speaker
    mine = spans.get(para.number, [])
    sentences = masked_sentences(para.text, tuple(mine)) or ((0, len(para.text)),)
    start = max([a for a, _ in sentences if a <= span.open] or [0])
    if para.text[start:span.open].strip(" \"“”‘’'«»„"):
        return NONE  # a quotation inside a sentence of its own words
    for number in range(prev[0], para.number + 1):
        host = source.paragraph(number)
        if host is None or host.boilerplate:
            return NONE
        a = prev[1] + 1 if number == prev[0] else 0
        b = span.open if number == para.number else len(host.text)
        if not _nobody_else(host, spans.get(number, []), a, b, speaker, who):
            return NONE
    return Attribution(speaker=speaker, written=prev[2].written, pattern="continued",
                       cue="stands alone after the previous speaker's words, nobody else "
                           "named or reporting since")


def _nobody_else(para: Paragraph, spans: Sequence[QuoteSpan], a: int, b: int, speaker: str,
                 who: Attributor) -> bool:
    """No other person named in ``para.text[a:b]``, no body as a subject, no other report."""
    for mention in who.within(para.number, a, b):
        if mention.actor == speaker:
            continue
        if who.kind(mention.actor) == "person" or who._subject_position(mention):
            return False
    if any(s.open < b and s.close >= a for s in spans):
        return False  # another quotation between them: its own speaker decides
    for s, e in masked_sentences(para.text, tuple(spans)) or ((0, len(para.text)),):
        s, e = max(s, a), min(e, b)
        if s >= e or speech_verb_at(re.sub(r"[\"“”‘’«»„]", " ", para.text[s:e])) is None:
            continue
        reported = sentence_report(para, s, e, who)
        if reported.speaker != speaker:
            return False
    return True


def quoted_predicate(para: Paragraph, span: QuoteSpan, spans: Sequence[QuoteSpan],
                     who: Attributor) -> Attribution:
    """``Richard Roe "totally condemned" the deletion``: the quoted words are the verb.

    A quotation whose words open with a speech verb (after at most one adverb: *totally
    condemned*, *strongly denies*) right after the subject of its sentence quotes that
    subject's own verb: the subject spoke. The subject is the sentence's words before the
    mark, read as any other (a name, a pronoun, a role); ``NONE`` when none is found.
    """
    words = para.text[span.text_start:span.text_end].split()
    verb_at = 1 if words and words[0].lower().endswith("ly") else 0
    if len(words) <= verb_at or len(words) > 6 or \
            speech_verb_at(words[verb_at]) is None or words[verb_at].endswith("ing"):
        return NONE
    sentences = masked_sentences(para.text, tuple(spans)) or ((0, len(para.text)),)
    start = max([a for a, _ in sentences if a <= span.open] or [0])
    if any(start <= s.open < span.open for s in spans) or not para.text[start:span.open].strip():
        return NONE
    found = who.subject(para, start, span.open, span.open, "before", "X \"verb …\" (the quoted "
                                                                     "words are X's verb)")
    return found if found.speaker or found.anonymous else NONE

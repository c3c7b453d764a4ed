"""Quotations with no cue of their own: the speaker the article is still reporting.

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

Two shorter shapes are read here too, after every cue of :mod:`briefbook.analyse.cues` has
failed: a quoted verb phrase right after its subject (*Ms Roe "totally condemned" the
deletion*: :func:`quoted_predicate`) and a quoted clause in the sentence right after the
previous speaker's quotation (:func:`fragment_after_speaker`).

Anything else keeps ``NONE``: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.cues import sentence_report
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences, masked_text
from briefbook.analyse.verbforms import speech_verb_at
from briefbook.core.lexicon import (
    fold_word,
    is_document_word,
    is_role_word,
    participle_bases,
    regular_past,
    word_list,
)
from briefbook.core.model import Paragraph, Source

#: Fewest words of a quotation that may stand alone as the previous speaker's statement
#: (:data:`briefbook.analyse.quotes.PHRASE_WORDS`, repeated here to avoid an import cycle).
STATEMENT_WORDS = 4
_FRAGMENT_CUE = ("a quoted clause in the sentence after the previous speaker's quotation, "
                 "nobody else named or reporting")
_WORD_RE = re.compile(r"[A-Za-z’'-]+")


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
            len(words) < STATEMENT_WORDS or not words[0][:1].isupper() or \
            prev[2].pattern == "dash" or "signed" in prev[2].cue:
        return NONE  # a signed comment ('"…" — Ann Roe, Dunmore') is whole
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
        if reported.speaker != speaker and not (
                reported.speaker is None and reported.anonymous is None and not reported.name
                and not who.within(para.number, s, e) and _own_pronoun(para.text[s:e], speaker,
                                                                       who)):
            return False  # "So he is out to help …, which he believes …": still the speaker
    return True


def _own_pronoun(text: str, speaker: str, who: Attributor) -> bool:
    """Whether ``text`` says *he*/*she* of the speaker's known gender (and not the other)."""
    gender = who.gender(speaker)
    mine, other = {"male": ("he", "she"), "female": ("she", "he")}.get(gender or "", ("", ""))
    return bool(mine) and re.search(rf"\b(?i:{mine})\b", text) is not None and \
        re.search(rf"\b(?i:{other})\b", text) is None


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


def fragment_after_speaker(para: Paragraph, span: QuoteSpan, spans: Sequence[QuoteSpan],
                           who: Attributor) -> Attribution:
    """A quoted clause after the previous speaker's quotation: ``India is a "growing economy"``.

    A quoted clause of :data:`STATEMENT_WORDS` words or more inside the sentence right after
    a sentence holding the previous quotation, in the same paragraph, goes on with that
    quotation's speaker (a named person) when its own sentence reports nothing (no speech
    verb, speech, document or role noun: *Labour suggestions*, *the survey*, *the mayor*) and
    names nobody else. A shorter fragment may be a scare quote and stays ``NONE``, unless it is
    a copula's complement of two or three words (:func:`quoted_complement`); a fragment
    given a speaker this way passes it on to no further fragment.
    """
    prev = who.previous
    words = para.text[span.text_start:span.text_end].split()
    if prev is None or prev[0] != para.number or not prev[2].speaker or \
            who.kind(prev[2].speaker) != "person" or (
                len(words) < STATEMENT_WORDS and not quoted_complement(para, span, words)) or \
            prev[2].cue == _FRAGMENT_CUE:
        return NONE  # not chained from a fragment given by this rule
    sentences = masked_sentences(para.text, tuple(spans)) or ((0, len(para.text)),)
    here = next((i for i, (a, b) in enumerate(sentences) if a <= span.open < b), None)
    there = next((i for i, (a, b) in enumerate(sentences) if a <= prev[1] - 1 < b), None)
    if here is None or there is None or here != there + 1:
        return NONE
    a, b = sentences[here]
    outside = re.sub(r"X{2,}", " ", masked_text(para.text, spans)[a:b])
    if speech_verb_at(outside) is not None or any(_reports(w) for w in _WORD_RE.findall(
            outside)) or any(
            s is not span and a <= s.open < b for s in spans) or any(
            m.actor != prev[2].speaker and who.kind(m.actor) == "person"
            for m in who.within(para.number, a, b)):
        return NONE
    return Attribution(speaker=prev[2].speaker, written=prev[2].written, pattern="continued",
                       cue=_FRAGMENT_CUE)


#: A copula right before a quotation, with an optional adverb: *were "simply wrong"*.
_COPULA_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")


def quoted_complement(para: Paragraph, span: QuoteSpan, words: Sequence[str]) -> bool:
    """A short quotation that is the complement of a copula: *Critics were "plainly mistaken"*.

    Two or three quoted words right after *is*/*are*/*was*/*were*/*be*/*been* are a
    judgement someone makes (what the critics *were*), not a name or a term (*the "war on
    terror"*), so :func:`fragment_after_speaker` reads them like a longer clause. A single
    word stays out (*was "unacceptable"* may be the writer's scare quote).
    """
    before = para.text[max(0, span.open - 30):span.open]
    return 2 <= len(words) < STATEMENT_WORDS and _COPULA_RE.search(before) is not None


def _reports(word: str) -> bool:
    """A word that makes a sentence report someone's words.

    A speech or document noun (*Labour suggestions*, *the survey*), a role noun (*the mayor's
    plan*: someone else's) or any form of a reporting verb, even one that mostly means
    something else (*obliges members to declare*).
    """
    folded = fold_word(word)
    verbs = word_list("speech_verbs")
    return folded in word_list("speech_nouns") or is_document_word(folded) or \
        is_role_word(folded) or \
        folded in verbs or regular_past(folded) in verbs or \
        any(regular_past(base) in verbs for base in participle_bases(folded))

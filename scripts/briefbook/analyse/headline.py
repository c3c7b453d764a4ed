"""Who a quotation in a headline belongs to.

A headline quotes in shorthand (``Blair 'sorry' over delay``, ``Tsunami 'won't divert aid'``,
the British style in single marks) and names its speaker, if at all, in the article below. A
headline quotation with no cue of its own (:mod:`briefbook.analyse.cues`) goes, in this order:

1. to a person or organisation named right before it in the headline (``Blair 'sorry'``,
   ``Ofcom 'to review' the ruling``; a country or a place is not a speaker: ``UK 'needs …'``),
   a surname by the one person of the article who bears it, or signed after a dash
   (``Rebate 'unjustified' - Chirac``); not before ``by`` (``Blair
   'damaged' by the row`` is what a poll found, not what he said), nor when the quotation is
   a predicate about the name (``Fiat 'to cut jobs'``, ``Bank 'must raise rates'``, ``X
   'pressing for a deal'``, ``X 'said he would go'``);
2. to the person opening the headline with a reporting verb (``headline_verbs.txt``: ``Fox
   attacks Blair's 'lies'``), by the one person of the article bearing that surname;
3. to the speaker of a quotation of the article that repeats its words (the headline
   ``SA unveils 'more for all' budget`` and ``the focus was "more for all"``, said by X); a
   single word only when it is that whole quotation (``'police'`` is in many a sentence);
4. to the speaker the article's first sentence reports (``…, Prime Minister X has promised.``),
   or its description when unnamed (``…, a Home Office minister has said.``), when that
   subject is short: in ``X has backed the plan amid opposition claims …`` nobody reports.

Rules 1 and 4 propose a speaker the article must confirm: BBC style quotes a claim *about* the
person named (``Ebbers 'aware' of fraud``), so the speaker is kept only when the article gives
them the same words, in a quotation or a reporting sentence (:mod:`briefbook.analyse.headwords`);
an unnamed first-sentence speaker only when that sentence holds the words.

A headline naming its speaker before a colon (``Voss: 'No deal before spring'``, the
headline form of direct speech) has the lead-in cue of :mod:`briefbook.analyse.cues`; its
name, often only the surname the article gives in full below, goes to the one person of the
article who bears it (:func:`colon_speaker`).

A headline quotation labelled as an interview (``'We were lucky': an interview with Ann Roe``)
goes first to the interviewee (:func:`~briefbook.analyse.interviews.interviewee`).

A headline quotation that none of them fits keeps no speaker: a term or a scare quote; so does
one whose words are all capitalised (``Kilroy launches 'Veritas' party``: a name). An
indefinite subject of the first sentence (``a senior EU politician says``) is an anonymous
speaker, never the body its words name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.cues import sentence_report
from briefbook.analyse.described import mask
from briefbook.analyse.headwords import body_gives, gives_words
from briefbook.analyse.interviews import interviewee
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences
from briefbook.core.lexicon import is_speech_verb, word_list
from briefbook.core.model import Paragraph, Source
from briefbook.core.text import fold


class _Quoted(Protocol):
    """What :func:`headline_speakers` reads of a quotation (``quotes.Quote``)."""

    text: str
    paragraph: int
    start: int
    speaker: str | None
    speaker_as_written: str | None
    pattern: str
    cue: str
    anonymous: str | None


Quote = TypeVar("Quote", bound=_Quoted)

#: Actor kinds that never speak for a headline (``UK 'needs true data'``).
_PLACES = frozenset({"state", "place", "country", "city", "region"})
#: The longest subject of a first sentence's report that a headline quotation is given to: a
#: longer one is a clause (``X has backed the report amid opposition claims …``), not a speaker.
_SUBJECT_WORDS = 6
#: A headline quotation that is a predicate about the name before it (``Fiat 'to cut jobs'``,
#: ``Bank 'must raise rates'``): that name is the topic, not the speaker.
_PREDICATE_RE = re.compile(r"(?i)(?:to|will|would|must|should|could|can|may|might|is|are|was|"
                           r"were|has|have|had|be|been|being|needs?|faces?)\b")


#: A headline signed after its quotation: ``Rebate 'unjustified' - Chirac``.
_SIGNED_RE = re.compile(r"\s*[-–—:]\s*([A-Z][\w’'-]+)\s*$")


def is_headline(para: Paragraph) -> bool:
    """Whether a paragraph is the article's headline (as the reader recognised it)."""
    return para.role == "headline"


def headline_attribution(source: Source, para: Paragraph, span: QuoteSpan,
                         said: Sequence[tuple[str, str | None]],
                         spans: dict[int, list[QuoteSpan]], who: Attributor) -> Attribution:
    """The speaker of a headline quotation with no cue (module docstring), or ``NONE``.

    Args:
        source: The article.
        para: Its headline paragraph.
        span: The quotation in the headline.
        said: The article's other quotations as ``(text, speaker id)`` pairs.
        spans: The quotation spans of every paragraph, by paragraph number.
        who: The article's attributor (mentions and actors).
    """
    if re.match(r"\W*[:\-–—]\s*(?:(?:an?|our)\s+)?interview with\b", para.text[span.close + 1:],
                re.I) and (person := interviewee(who)):  # "'…': an interview with X": X's
        return Attribution(speaker=person, written=None, pattern="headline",
                           cue="headline: '…': an interview with X")
    passive = re.match(r"\s+by\s", para.text[span.close + 1:])  # "Blair 'damaged' by row"
    first = re.findall(r"[\w’'-]+", para.text[span.text_start:span.text_end])[:1]
    passive = passive or _PREDICATE_RE.match(para.text[span.text_start:span.text_end]) or (
        first and (is_speech_verb(first[0]) or first[0].endswith("ing")))
    named = [m for m in who.within(para.number, 0, span.open)
             if not para.text[m.end:span.open].strip(" :,") and not passive]
    quoted_text = para.text[span.text_start:span.text_end]
    if named and who.kind(named[-1].actor) not in _PLACES and body_gives(
            source, para, quoted_text, named[-1].actor, said, spans, who):
        return Attribution(speaker=named[-1].actor, written=named[-1].text, pattern="headline",
                           cue="headline: X 'said …'")
    opener = re.match(r"((?:[A-Z][\w’'-]+\s+){1,2})([a-z]+)\s", para.text)
    if opener and opener.end() <= span.open and fold(opener.group(2)) in word_list(
            "headline_verbs"):  # "Fox attacks Blair's 'lies'": the one Fox of the article
        person = _bearer(who, opener.group(1).split()[-1])
        if person:
            return Attribution(speaker=person, written=opener.group(1).strip(),
                               pattern="headline", cue="headline: X attacks … 'said …'")
    if not passive and (surname := re.search(r"(?:^|\s)([A-Z][\w’'-]+)[\s:,]*$",
                                              para.text[:span.open]) or _SIGNED_RE.match(
                                                  para.text, span.close + 1)):
        word = surname.group(1)
        person = _bearer(who, word)
        if person and body_gives(source, para, quoted_text, person, said, spans,
                                 who):  # "Okafor 'regrets' delay"
            return Attribution(speaker=person, written=word, pattern="headline",
                               cue="headline: X 'said …' (a surname of the article)")
    quoted = re.findall(r"[\w’'-]+", para.text[span.text_start:span.text_end])
    if quoted and all(w[:1].isupper() for w in quoted):
        return NONE  # "Kilroy launches 'Veritas' party": a name, not words said
    words = _folded(para.text[span.text_start:span.text_end])
    if words and (speaker := same_words_speaker(para.text[span.text_start:span.text_end], said)):
        return Attribution(speaker=speaker, written=None, pattern="headline",
                           cue="headline: the words of a quotation in the article")
    if words and _written_unquoted(source, para, words, spans):
        return Attribution(speaker=None, written=None, pattern="headline",
                           cue="headline: the article's own words (written unquoted below)")
    lead = next((p for p in source.paragraphs
                 if p.number > para.number and not p.boilerplate and p.role is None), None)
    if lead is None:
        return NONE
    lead_spans = spans.get(lead.number, [])
    sentences = masked_sentences(lead.text, tuple(lead_spans)) or ((0, len(lead.text)),)
    a, b = sentences[0]
    found = sentence_report(lead, a, b, who)
    if found.speaker and re.match(r"(?i)an?\s", found.written or "") and \
            who.kind(found.speaker) != "person":
        found = Attribution(speaker=None, written=found.written, pattern=found.pattern,
                            cue=found.cue, anonymous=found.written)  # "a senior EU politician"
    if (found.speaker or found.anonymous) and len((found.written or "").split()) <= _SUBJECT_WORDS \
            and (body_gives(source, para, quoted_text, found.speaker, said, spans, who)
                 if found.speaker else gives_words(quoted_text, lead.text[a:b])):
        return Attribution(speaker=found.speaker, written=found.written, pattern="headline",
                           cue=f"headline: the article's first sentence ({found.cue})",
                           anonymous=found.anonymous)
    return NONE


def colon_speaker(para: Paragraph, start: int, who: Attributor) -> Attribution:
    """The speaker a headline names before a colon: ``Voss: 'No deal before spring'``.

    The headline style of direct speech: the name is the speaker, named in full only in the
    article below; a surname goes to the one person of the article who bears it (``NONE``
    when none or several do). ``start`` is where the quotation's words start.
    """
    m = re.fullmatch(r"\s*(?P<name>(?:[A-Z][\w’'.-]+\s+){0,2}(?P<word>[A-Z][\w’'-]+))"
                     r"\s*:[\W\s]*", para.text[:start])
    if m is None:
        return NONE
    person = _bearer(who, m.group("word"))
    if person is None:
        return NONE
    return Attribution(speaker=person, written=m.group("name"),
                       pattern="headline", cue="headline: X: '…' (a surname of the article)")


def _bearer(who: Attributor, surname: str) -> str | None:
    """The one person of the article whose name ends in ``surname`` (``None``: none or more)."""
    people = {m.actor for m in who.mentions
              if who.kind(m.actor) == "person" and who.name_of(m.actor).split()[-1] == surname}
    return people.pop() if len(people) == 1 else None


def _written_unquoted(source: Source, para: Paragraph, words: str,
                      spans: dict[int, list[QuoteSpan]]) -> bool:
    """Whether the article writes the headline's quoted ``words`` itself, unquoted.

    Every sentence that holds them unquoted reports nobody (*It is a bold policy*): the
    writer's word, not a quotation of someone (*…are more likely to be stopped, a minister
    has said* is a report of her words).
    """
    found = []
    for p in source.paragraphs:
        if p.number <= para.number or p.boilerplate:
            continue
        text = mask(p.text, [(s.open, s.close + 1) for s in spans.get(p.number, [])])
        for a, b in masked_sentences(p.text, tuple(spans.get(p.number, []))) or ((0, len(text)),):
            if re.search(r"(?:^|\W)" + re.escape(words) + r"(?:\W|$)", _folded(text[a:b])):
                found.append(any(is_speech_verb(w) for w in re.findall(r"[a-z]+", text[a:b])))
    return bool(found) and not any(found)


def same_words_speaker(quoted: str, said: Sequence[tuple[str, str | None]]) -> str | None:
    """The one speaker of the article's quotations holding the headline's ``quoted`` words.

    ``said``: the article's other quotations as ``(text, speaker id)``; a one-word quotation
    must be the whole of one. ``None`` when no speaker or several say them.
    """
    words = _folded(quoted)
    if not words:
        return None
    speakers = {speaker for text, speaker in said
                if speaker and (_folded(text) == words if " " not in words else re.search(
                    r"(?:^|\W)" + re.escape(words) + r"(?:\W|$)", _folded(text)))}
    return speakers.pop() if len(speakers) == 1 else None


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text).lower()))


def headline_speakers(source: Source, quotes: list[Quote], spans: dict[int, list[QuoteSpan]],
                      who: Attributor) -> list[Quote]:
    """Quotations of the headline with no cue, given a speaker by the article below them."""
    said = [(q.text, q.speaker) for q in quotes
            if (p := source.paragraph(q.paragraph)) is not None and not is_headline(p)]
    done = []
    for quote in quotes:
        para = source.paragraph(quote.paragraph)
        if quote.pattern == "none" and para is not None and is_headline(para):
            span = next(s for s in spans[para.number] if s.text_start == quote.start)
            found = headline_attribution(source, para, span, said, spans, who)
            if found.pattern != "none":
                quote = replace(quote, speaker=found.speaker,
                                speaker_as_written=found.shown or found.written,
                                pattern=found.pattern, cue=found.cue, anonymous=found.anonymous)
        elif quote.pattern == "lead-in" and not (quote.speaker or quote.anonymous) and para \
                and is_headline(para) and (found := colon_speaker(para, quote.start, who)).speaker:
            quote = replace(quote, speaker=found.speaker, speaker_as_written=found.written,
                            pattern=found.pattern, cue=found.cue)  # "Voss: '…'"
        elif quote.anonymous and not quote.speaker and para is not None and is_headline(para) \
                and (speaker := same_words_speaker(quote.text, said)):
            cue = quote.cue.replace(" (anonymous)", "")  # the role is no longer anonymous
            quote = replace(quote, speaker=speaker, anonymous=None, cue=f"{cue}; headline: "
                            "a role whose holder says the same words below")
        done.append(quote)
    return done

"""A first-person statement standing alone after a sentence about one person: that person's.

Features and profiles often quote their subject with no reporting clause at all: a sentence
describes the person (*On this subject, Morris appears almost evangelical.*, *But she brushed
off the criticism.*) and the next sentence, or the next paragraph, is a quotation in the first
person (*"I was on a cruise …"*, *"We have demonstrated …"*). Read as that person's words when
all of these hold (after every cue of :mod:`briefbook.analyse.cues` and the rules of
:mod:`briefbook.analyse.continued` have found nothing):

- the quotation is a statement (:data:`~briefbook.analyse.continued.STATEMENT_WORDS` words or
  more) that opens its sentence and speaks in the first person (*I*, *we*, *my*, *our*…);
- the sentence right before it (in its paragraph, else the previous paragraph's last) is not a
  question and has a person as its subject: a name that opens it (after an opening clause and
  titles; not an agent, *built by X*, nor an object, nor one acted on, *X was killed*) or
  *he*/*she* resolved as a reporting pronoun is (:meth:`Attributor.pronoun`);
- that sentence names no other person as a subject and reports nobody else (*A spokesman
  said …*), and holds no statement of its own in quotation marks; *X was asked whether Y …*
  puts a question to X, who answers (names inside the question are no other subject);
- when the previous quotation in this paragraph or the one before is someone else's, the
  sentence does not address anyone (*The host turned to him.*: what follows is
  his, not the host's).

Anything else keeps ``NONE``: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.cues import sentence_report
from briefbook.analyse.described import mask
from briefbook.analyse.pronouns import titled_opening
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences
from briefbook.analyse.verbforms import speech_verb_at
from briefbook.core.lexicon import fold_word, opens_clause, word_list
from briefbook.core.model import Paragraph, Source

#: Fewest words of a quotation read as a statement (as in :mod:`.continued`).
STATEMENT_WORDS = 4
_FIRST_PERSON_RE = re.compile(r"\bI(?:[’'](?:m|ve|d|ll))?\b|\b(?i:we(?:[’'](?:re|ve|d|ll))?|me|"
                              r"my|mine|our|ours|myself|ourselves)\b|\bus\b")
_PRONOUN_RE = re.compile(r"\s*(?:(?:But|And|So|Yet|Now|Still|Then|Later|Instead)\b,?\s+)?"
                         r"(?:[A-Z][^,.;:]{0,50},\s+)?(?P<pron>[Hh]e|[Ss]he)\s+[a-z]")
#: A passive right after the subject: *Ann Roe was killed …*, *X has been charged …*: acted on.
_PASSIVE_RE = re.compile(r"(?:,[^,]*,)?\s+(?:(?:has|had|have)\s+been|was|were|is|are|got)\s+"
                         r"(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|en|wn|lt|ught))\b")
_CUE = "a first-person statement after a sentence about one person, nobody else named"


def first_person(words: str) -> bool:
    """Whether quoted ``words`` speak in the first person (*I*, *we*, *my*, *our*, *us*)."""
    return _FIRST_PERSON_RE.search(words) is not None


def subject_speaker(source: Source, para: Paragraph, span: QuoteSpan,
                    spans: dict[int, list[QuoteSpan]], who: Attributor) -> Attribution:
    """The person the sentence before a standing-alone first-person statement is about.

    Args:
        source: The article.
        para: The quotation's paragraph.
        span: The quotation.
        spans: Every paragraph's quotation spans, by paragraph number.
        who: The article's attributor (its mentions and ``previous`` quotation).

    Returns:
        That person with pattern ``continued`` and the cue of this rule, or ``NONE`` (the
        module docstring lists the conditions).
    """
    words = para.text[span.text_start:span.text_end]
    if len(words.split()) < STATEMENT_WORDS or not words.lstrip()[:1].isupper() or \
            not first_person(words):
        return NONE
    mine = spans.get(para.number, [])
    sentences = masked_sentences(para.text, tuple(mine)) or ((0, len(para.text)),)
    start = max([a for a, _ in sentences if a <= span.open] or [0])
    if para.text[start:span.open].strip(" \"“”‘’'«»„"):
        return NONE  # a quotation inside a sentence of its own words
    host, host_spans = para, mine
    before = [(a, b) for a, b in sentences if b <= start]
    if not before:
        host = source.paragraph(para.number - 1)  # type: ignore[assignment]
        if host is None or host.boilerplate or para.text[:span.open].strip(" \"“‘'«„"):
            return NONE
        host_spans = spans.get(host.number, [])
        before = list(masked_sentences(host.text, tuple(host_spans))
                      or ((0, len(host.text)),))[-1:]
    a, b = before[-1]
    speaker = _subject(host, a, b, host_spans, who)
    if speaker is None:
        return NONE
    prev = who.previous_speaker()
    if prev and para.number - prev[0] <= 1 and prev[1] != speaker and \
            re.search(r"\b(?:him|her|them)\b", host.text[a:b]):
        return NONE  # "The host turned to him. "I will not …"": his answer, not the host's
    return Attribution(speaker=speaker, written=who.name_of(speaker), pattern="continued",
                       cue=_CUE)


#: Passives that put a question to the person (*X was asked whether …*): the first-person
#: statement after the sentence is their answer, so the person is not merely acted on.
_QUESTIONED = frozenset({"asked", "pressed", "questioned"})


def _acted_on(text: str, end: int) -> bool:
    """A passive right after a name (*was killed*), not a feeling nor a question.

    *was delighted* is a feeling (``feeling_participles.txt``); *was asked* puts a question to
    the person (:data:`_QUESTIONED`), who answers.
    """
    m = _PASSIVE_RE.match(text, end)
    return m is not None and fold_word(m.group("verb")) not in word_list(
        "feeling_participles") | _QUESTIONED


def _questioned_at(text: str, end: int) -> int | None:
    """Where *was asked* (:data:`_QUESTIONED`) right after a name ends, else ``None``.

    What follows is the question put to the person: names in it (*whether Y would rejoin*)
    are no other speaker, and a first-person statement after the sentence is the answer.
    """
    m = _PASSIVE_RE.match(text, end)
    return m.end() if m is not None and fold_word(m.group("verb")) in _QUESTIONED else None


def _opens(head: str) -> bool:
    """Whether a name after ``head`` opens its sentence (after an opening clause and titles).

    *On this subject, Morris …*, *Transport minister Clara Hoff …*; not *The harbour was
    built by Poe* (an agent) nor *It dominated the meeting, which saw Mr Roe …*.
    """
    words = head.split()
    if "," in head and words and opens_clause(words[0].strip(",")):
        words = head.rsplit(",", 1)[1].split()
    return not words or (len(words) <= 4 and titled_opening(words))


def _subject(host: Paragraph, a: int, b: int, spans: Sequence[QuoteSpan],
             who: Attributor) -> str | None:
    """The one person the sentence ``host.text[a:b]`` is about, when it is its subject."""
    text = mask(host.text, [(s.text_start, s.text_end) for s in spans])
    if text[a:b].rstrip(" \"”’'»").endswith("?") or not re.search(r"\b[a-z]{2,}\b", text[a:b]):
        return None  # a question (the reporter's), or no sentence (a signature, a name)
    if any(a <= s.open < b and len(host.text[s.text_start:s.text_end].split()) >=
           STATEMENT_WORDS and not host.text[s.text_start:s.text_start + 1].islower()
           for s in spans):
        return None  # a statement of its own in the sentence: its speaker decides
    people = [m for m in who.within(host.number, a, b) if who.kind(m.actor) == "person"]
    bodies = [m for m in who.within(host.number, a, b) if who.kind(m.actor) != "person"]
    speaker = None
    if people and people[0].actor and who._subject_position(people[0]) and \
            _opens(text[a:people[0].start]) and not _acted_on(text, people[0].end) and \
            not who._possessive(people[0]) and \
            not [m for m in bodies if m.start < people[0].start]:
        speaker = people[0].actor
    elif (pron := _PRONOUN_RE.match(text, a, b)) and not who.within(
            host.number, a, pron.start("pron")):
        speaker = who.pronoun(host.number, pron.start("pron"), pron.group("pron").lower())
        if speaker is not None and who.kind(speaker) != "person":
            speaker = None
    if speaker is None:
        return None
    asked = _questioned_at(text, people[0].end) if people and people[0].actor == speaker \
        else None
    if asked is not None:  # "X was asked whether Y would …": Y is in the question
        return None if any(m.actor != speaker and m.start < asked
                           for m in people + bodies) else speaker
    if any(m.actor != speaker and who._subject_position(m) for m in people + bodies):
        return None  # another person or body acts in the sentence
    if speech_verb_at(text[a:b]) is not None:
        reported = sentence_report(host, a, b, who)
        if reported.speaker != speaker or reported.anonymous:
            return None  # the sentence reports someone else
    return speaker

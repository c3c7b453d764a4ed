"""Lead-ins that are not a speaker: interview labels and a participle after a quotation.

Two shapes of English news text put words before a colon that name nobody:

- an interview or a Q&A written out in turns labels each turn (``Q: "…"``, ``A: "…"``,
  ``Question: "…"``; ``interview_labels.txt``): the label is a turn, not a person, so the
  quotation gets no speaker from it and the label never becomes an actor;
- a participle of a speech verb after an earlier quotation of the same sentence (``Ann Roe said
  she would "fight every cut", adding: "…"``, ``…, insisting: "…"``) has the sentence's
  subject as its own: the quotation goes on with the speaker of the earlier one (the caller
  leaves it to the rule that carries a speaker within a sentence).

A saying introduced as one (``the old maxim: "No pain, no gain."``, ``a proverb:``;
``saying_nouns.txt``) is nobody's statement in the story: no speaker (:func:`saying_lead_in`).

Comment pages sign each reader's comment after it (``"…" Ann Roe, Dunmore``, or the
signature as a paragraph of its own): the name signed speaks (:func:`signed_comment`).

Two more put the speaker somewhere other than the sentence's subject, as audience questions and
letters are reported:

- an agent or source phrase right before the colon (``the question posed by nurse Ann Roe:``,
  ``The sharpest question came from teacher Ann Roe:``, ``a letter written by Ann Roe:``):
  the one after *by* or *from* asked or wrote it (:func:`agent_before_colon`);
- an absolute clause with *with* before a participle of a speech verb (``with Ann Roe striding
  up to him, shouting "…"``): the clause's subject shouts, not the one it walked up to
  (:func:`absolute_subject`).
"""

from __future__ import annotations

import re

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.quotespans import QuoteSpan
from briefbook.analyse.verbforms import speech_verb_at
from briefbook.core.lexicon import fold_word, word_list
from briefbook.core.model import Paragraph, Source

_LABEL_RE = re.compile(r"\s*(?P<label>[A-Za-z]+)\.?\s*:\s*$")
_INTERVIEW_WITH_RE = re.compile(r"(?i)\binterview with\b")
_TALKS_TO_RE = re.compile(r"\b(?:talks|talked|speaks|spoke) to\b")
_PARTICIPLE_RE = re.compile(r"[\s,;]*(?:(?:and|before|while|then)\s+)?(?:\w+ly\s+)?"
                            r"(?P<verb>[a-z]+ing)\s*:\s*$")


def interview_label(head: str, opens_sentence: bool, who: Attributor | None = None
                    ) -> Attribution | None:
    """The attribution of a quotation after an interview label (``Q:``), else ``None``.

    Args:
        head: The words of the quotation's sentence before its opening mark.
        opens_sentence: Whether ``head`` starts its sentence (a label opens a turn).
        who: The article's attributor: an answer label (``A:``, ``answer_labels.txt``) in an
            article that is an interview with one named person (:func:`interviewee`) gives
            that person.

    Returns:
        An attribution with no speaker and the cue ``an interview label (Q:)``, when ``head``
        is one word of ``interview_labels.txt`` and a colon (the interviewee for an answer
        label of an interview); ``None`` otherwise.
    """
    m = _LABEL_RE.fullmatch(head)
    if not opens_sentence or m is None or fold_word(m.group("label")) not in word_list(
            "interview_labels"):
        return None
    if who is not None and fold_word(m.group("label")) in word_list("answer_labels") and (
            person := interviewee(who)):
        return Attribution(speaker=person, written=None, pattern="lead-in",
                           cue=f"an answer label ({m.group('label')}:) of an interview with X")
    return Attribution(speaker=None, written=None, pattern="lead-in",
                       cue=f"an interview label ({m.group('label')}:), not a speaker")


def participle_lead_in(head: str) -> bool:
    """Whether ``head`` is only a speech verb's participle and a colon (``, adding:``).

    Read after an earlier quotation of the same sentence: the participle's subject is the
    sentence's, whose speaker the earlier quotation already has.
    """
    m = _PARTICIPLE_RE.fullmatch(head)
    return m is not None and speech_verb_at(m.group("verb")) is not None


_SAYING_RE = re.compile(r"(?i:\b(?:the|an?|this|that)\s+)(?:[a-z-]+\s+){0,2}(?P<noun>[a-zé]+)"
                        r"\s*:\s*$")
_AGENT_COLON_RE = re.compile(r"\b[a-z]+\s+(?:by|from)\s+(?P<agent>[^,;:()]+?)\s*:\s*$")
_ABSOLUTE_RE = re.compile(r"\bwith\s+(?P<np>[^,;]+?)\s+[a-z]+ing\b[^,;]*,\s*$")


def interviewee(who: Attributor) -> str | None:
    """The one person an article is an interview with, from its first three paragraphs.

    *an interview with engineer Ann Roe* (the first person named after *interview with*) or
    *Ann Roe talks to …* / *spoke to* / *speaks to* (the one person named in that paragraph
    before the verb). ``None`` when no such phrase, or it names no person or two.
    """
    for para in who.source.paragraphs[:3]:
        if m := _INTERVIEW_WITH_RE.search(para.text):
            people = [x.actor for x in who.within(para.number, m.end(), len(para.text))
                      if who.kind(x.actor) == "person"]
            if people:
                return people[0]
        if m := _TALKS_TO_RE.search(para.text):
            people = {x.actor for x in who.within(para.number, 0, m.start())
                      if who.kind(x.actor) == "person"}
            if len(people) == 1:
                return people.pop()
    return None


def agent_before_colon(head: str) -> tuple[int, int] | None:
    """The span in ``head`` of the agent or source right before a lead-in's colon.

    ``the question posed by nurse Ann Roe:`` → ``nurse Ann Roe``; ``came from teacher Ann
    Roe:`` → ``teacher Ann Roe``. Only after a word (not at the lead-in's start, which
    :func:`briefbook.analyse.cues._lead_in_start` reads) and with no comma in the phrase;
    ``None`` otherwise.
    """
    m = _AGENT_COLON_RE.search(head)
    return m.span("agent") if m else None


def absolute_subject(head: str) -> tuple[int, int] | None:
    """The subject of a *with* clause before a speech participle (``with X walking up, saying``).

    ``head`` is the sentence up to the participle leading into the quotation (it ends with the
    comma before it). Returns the span of the noun phrase after *with*, or ``None``.
    """
    m = _ABSOLUTE_RE.search(head)
    return m.span("np") if m else None


def saying_lead_in(head: str) -> Attribution | None:
    """No speaker for a saying introduced as one: ``… the old maxim: "…"``, else ``None``.

    ``head`` is the quotation's sentence before its opening mark; it must end with an article
    or a demonstrative, at most two words and a noun of ``saying_nouns.txt``, then a colon (a
    possessive, *his motto:*, is his and is left to the other rules).
    """
    m = _SAYING_RE.search(head)
    if m is None or fold_word(m.group("noun")) not in word_list("saying_nouns"):
        return None
    return Attribution(speaker=None, written=None, pattern="term",
                       cue=f"a saying (\"{m.group('noun')}:\"), nobody's statement here")


_SIGNATURE_RE = re.compile(r"\s*(?:[—–-]\s*)?(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})"
                           r"(?:,\s+[A-Z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,3})?\.?\s*$")


def signed_comment(source: Source, para: Paragraph, span: QuoteSpan,
                   who: Attributor) -> Attribution:
    """A reader's comment signed with a name (and a place) after it, as comment pages print.

    ``"…" Ann Roe, Dunmore`` (the signature ends the paragraph the quotation opens), or a
    paragraph that is only the quotation followed by a paragraph that is only the signature
    (``Ann Roe, Dunmore``). The signature's name must be a person's (a known mention); the
    place after its comma is not read. ``NONE`` otherwise.
    """
    if para.text[:span.open].strip():
        return NONE
    tail, host, at = para.text[span.close + 1:], para, span.close + 1
    if not tail.strip():
        host = source.paragraph(para.number + 1)  # type: ignore[assignment]
        if host is None or host.boilerplate:
            return NONE
        tail, at = host.text, 0
    m = _SIGNATURE_RE.fullmatch(tail)
    if m is None:
        return NONE
    start = at + m.start("name")
    named = [x for x in who.within(host.number, start, at + m.end("name"))
             if who.kind(x.actor) == "person" and x.start == start]
    if not named:
        return NONE
    return Attribution(speaker=named[0].actor, written=m.group("name"), pattern="after",
                       cue="\"…\" Name, Place (a signed comment)")

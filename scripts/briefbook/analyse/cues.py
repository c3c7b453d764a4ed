"""The cue of one quotation in its paragraph: the rules of :mod:`briefbook.analyse.attribution`.

The text after the quotation (``"…," X said``, ``"…," said X``, ``"…" — X``, ``according to
X``), then before it in its sentence (``X said: "…"``, a colon lead-in), a lead-in paragraph
ending with a colon, the previous sentence when it reports a statement, and an open quotation
attributed at the end of its continuation in the next paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.described import clause_after
from briefbook.analyse.embedded import (
    apposed_name,
    embedded_subject,
    possessive_source,
    quoted_as,
)
from briefbook.analyse.headverb import head_verb, speech_verbs
from briefbook.analyse.interviews import (
    absolute_subject,
    agent_before_colon,
    interview_label,
    participle_lead_in,
    saying_lead_in,
)
from briefbook.analyse.nouncues import last_speaker_owns, noun_lead_in
from briefbook.analyse.participles import main_clause_subject
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences
from briefbook.analyse.replies import reply_addressee
from briefbook.analyse.reported import elided_subject, relative_antecedent
from briefbook.analyse.tailclauses import CLAUSE_WORD_RE, final_clause, question_tag
from briefbook.analyse.verbforms import last_speech_verb, speech_verb_at
from briefbook.core.lexicon import fold_word, term_marker_before, word_list
from briefbook.core.model import Paragraph, Source
from briefbook.core.text import sentence_spans

_DASH_RE = re.compile(r"^\s*[—–]\s*|^\s+-{1,2}\s+")
_CONJUNCTION_RE = re.compile(r"(?i)[\s,]*(?:and|but|then|or)(?:\s+(?:also|later|then))?\s*")
#: A pronoun opening the sentence, also in lower case after a conjunction (*But it said …*);
#: *it is* / *it was* there is an expletive (*And it is all very well X claiming …*).
_PRONOUN_SUBJECT_RE = re.compile(r"\s*(?:(?:But|And|Then|Later),?\s+(he|she|they|it(?!\s+(?:is|"
                                 r"was)\b)|He|She|They)|(He|She|They|It))\s+[a-z]")
_PASSIVE_RE = re.compile(r"\b(?:is|was|are|were|been|be)\s+(?:\w+ly\s+|also\s+)?$")
_WITH_RE = re.compile(r"\bwith\s+(?=[^,;]+\s$)")
#: The word before a reporting verb that makes it one (not a noun: "the latest claims").
_REPORT_SUBJECT_WORDS = 20
#: Words after a verb that open what was said, not who said it ("…, said that …").
#: After a passive speech verb: "X is alleged to have said", "X was quoted as saying".
_REPORTED_RE = re.compile(r"\s+(?:to have|as)\s+(?:\w+ly\s+)?(\w+)")
_AGENT_RE = re.compile(r"\bby\s+(?P<subj>(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][^,.;:()\"“”]*)")
#: A speech noun (``speech_nouns.txt``) and its source: "claims from Y that", "warnings by
#: the IMF that".
_NOUN_SOURCE_RE = re.compile(
    r"\b(?P<noun>[a-z]+)\s+(?:from|by)\s+(?=(?:[a-z][\w-]*\s+){0,3}[A-Z])")
#: Capitalised words alone (a possessive, "of"/"at" allowed): a name with no verb.
_BARE_NAME_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|at\s+)?[A-Z][\w’'.-]*){0,5}")
#: A noun right before a participle: a reduced passive ("a move branded a "…" by X").
_REDUCED_RE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+[a-z][\w-]*\s+$")
#: A reporting clause between commas after a quotation: '…, he said, although …'.
_ASIDE_RE = re.compile(r",\s+(?P<subj>(?:he|she|they|it|(?:[A-Z][\w’'.-]*\s+){1,3}?"
                       r"[A-Z][\w’'.-]*))\s+(?:\w+ly\s+)?(?P<verb>[a-z]+),")
#: A sentence opening with a conjunction and the complementiser *that*: a reported clause whose
#: reporting verb is the previous sentence's ("He said …. And that he …"); not the pronoun
#: ("And that was …"), nor *how*/*whether*, which open subject clauses as often.
_ELIDED_CLAUSE_RE = re.compile(r"\s*(?:And|But|Also|Plus),?\s+that\s+(?!(?:was|is|were|are|has|"
                               r"had|will|would|could|can|may|might|must|should|did|does|"
                               r"seems?|means?)\b)")
#: A name after the last comma before a speech verb, its own words before that comma: the
#: reporter of an aside (*This would be wrong even if Lord X had signed it, Mr Roe said,
#: because …*), not the name in the reported words.
_REPORTER_ASIDE_RE = re.compile(r"\S,\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){1,4}?)(?:\w+ly\s+)?$")
_ACCORDING_RE = re.compile(r"\baccording to\s+(?P<subj>[^,.;:]+)", re.IGNORECASE)


def attribute(para: Paragraph, span: QuoteSpan, spans: Sequence[QuoteSpan], index: int,
               who: Attributor) -> Attribution:
    """The cue of one quotation, after it, then before it (module docstring)."""
    text = para.text
    if marker := term_marker_before(text[max(0, span.open - 40):span.open].rstrip(" ,")):
        return Attribution(speaker=None, written=None, pattern="term",
                           cue=f'a term, not a statement ("{marker}")')
    if re.search(r"\b(?:this|these)\s+[\"“‘'«]?$", text[max(0, span.open - 8):
                                                                span.open + 1]) and \
            " " not in text[span.text_start:span.text_end].strip():
        return Attribution(speaker=None, written=None, pattern="term",
                           cue="a term, not a statement (a word after \"this\")")
    if len(text[span.text_start:span.text_end].split()) <= 3 and re.search(
            r"\b(?:for|of|on|about|against|the|their|its)\s+[\"“‘'«]?$",
            text[max(0, span.open - 10):span.open + 1]) and re.match(
            r"[\"”’'»]?\s+which\s+[a-z]", text[span.close:span.close + 12]):
        return Attribution(speaker=None, written=None, pattern="term",
                           cue="a term, not a statement (a noun with a relative clause)")
    sentences = masked_sentences(text, tuple(spans)) or ((0, len(text)),)
    sent_start = max([a for a, _ in sentences if a <= span.open] or [0])
    sent_end = min([b for _, b in sentences if b > span.close] or [len(text)])
    next_open = spans[index + 1].open if index + 1 < len(spans) else len(text)
    prev_close = spans[index - 1].close + 1 if index else 0
    tail_a = span.close + 1
    tail_b = min(sent_end, next_open)
    tail = text[tail_a:tail_b] if tail_a < tail_b else ""
    quoted = text[span.text_start:span.text_end].rstrip()
    if not tail.strip() and quoted.endswith(("?", "!")):
        tail_b = question_tag(text, tail_a, min([b for _, b in sentences if b > tail_a]
                                                 + [len(text)]), next_open)
        tail = text[tail_a:tail_b]  # '"Why?" Mr Roe asked.': the mark ends no sentence
    lead = len(tail) - len(tail.lstrip(" ,.;:—–-"))
    attached = quoted.endswith((",", "?", "!", "—", "-", "–")) or tail[:lead].strip(" .") != ""
    if (dash := _DASH_RE.match(tail)) and not speech_verb_at(tail) and not re.match(
            r"(?i)\W*(?:(?:an?|our)\s+)?interview with\b", tail):  # '"…" - an interview with X'
        a = tail_a + dash.end()
        return who.subject(para, a, clause_after(text, a, tail_b), span.open, "dash",
                           "\"…\" — X")
    if attached and tail.strip():
        found = _after(para, tail_a + lead, tail_b, span, who)
        if found is not None:
            return found
        if _BARE_NAME_RE.fullmatch(tail[lead:].rstrip(" .")):
            found = who.subject(para, tail_a + lead, tail_b, span.open, "after",
                                "\"…,\" X (no verb)")
            if found.speaker and who.kind(found.speaker) == "person":
                return found  # '"…," AG Edwards' Thayer.': a name alone after the quotation
    m = _ACCORDING_RE.search(tail)
    if m:
        return who.subject(para, tail_a + m.start("subj"), tail_a + m.end("subj"), span.open,
                           "according-to", "according to X")
    head_a = max(sent_start, prev_close)
    head = text[head_a:span.open]
    m = _ACCORDING_RE.search(head)
    if m and re.match(r",\s+(?!(?:he|she|it|they)\s)\S", head[m.end():]) and \
            speech_verb_at(head, m.end()):
        head_a += m.end() + 1  # "According to the FT, X said that …": X speaks, the FT reports
        head = text[head_a:span.open]
    elif m:
        return who.subject(para, head_a + m.start("subj"), head_a + m.end("subj"), span.open,
                           "according-to", "according to X")
    verb = head_verb(head, direct=prev_close > sent_start)
    for source in reversed(list(_NOUN_SOURCE_RE.finditer(head))):
        if fold_word(source.group("noun")) not in word_list("speech_nouns"):
            continue
        a = head_a + source.end()  # "dismissed claims from Y that …": Y, not the subject
        stop = re.search(r"[,;]|\s(?:that|who|which|whether|about|over)\b", text[a:span.open])
        if stop is None or stop.group().strip() != "that":
            break
        found = who.subject(para, a, a + stop.start(), span.open, "before",
                            f"{source.group('noun')} from X that \"…\"")
        if found.speaker or found.anonymous:
            return found
        break
    for finder, how in ((possessive_source, "Y's claim that / call for \"…\""),
                        (quoted_as, "quoted Y as saying / from Y saying \"…\"")):
        if (owner := finder(head)) is not None:
            found = who.subject(para, head_a + owner[0], head_a + owner[1], span.open,
                                "before", how)
            if found.speaker or found.anonymous:
                return found  # "Ms Roe rejected Mr Obi's claim that …": Mr Obi
    if verb and _CONJUNCTION_RE.fullmatch(head[:verb.start()]):
        if prev_close <= sent_start:  # 'X insisted: "…" And continued: "…"'
            found = _elided_report(para, spans, sent_start, verb.group(), who)
            return found if found.pattern != "none" else elided_subject(
                who, para.number, verb.group())
        return NONE  # '"…" and said "…"': the speaker of the sentence's previous quotation
    if verb and prev_close > sent_start and re.search(r"\s(?:and|but)\s+(?:also\s+)?$", head[
            :verb.start()]) and not who.within(para.number, head_a, head_a + verb.start()):
        return NONE  # 'X said "A" was lost … and promised "B"': one subject, X's words again
    if verb and (by := re.match(r"\s+by\s+([^,;:]+?)\s+as\s+(?:an?\s+|the\s+)?$",
                                head[verb.end():])):  # "… - described by a union as a "…""
        a = head_a + verb.end() + by.start(1)
        return who.subject(para, a, a + len(by.group(1)), span.open, "before",
                           f"{verb.group()} by X as \"…\" (a passive)")
    if verb and (passive := _PASSIVE_RE.search(head, 0, verb.start())) and \
            not verb.group().endswith("ing"):
        if (said := _REPORTED_RE.match(head[verb.end():])) and speech_verb_at(said.group(1)):
            return who.subject(para, head_a, head_a + passive.start(), span.open, "before",
                               f"X {passive.group().strip()} {verb.group()} to have "
                               f"{said.group(1)} \"…\"")
        if agent := _agent(text, span.close + 1, sent_end, spans):
            return who.subject(para, *agent, span.open, "before",
                               f"{verb.group()} \"…\" by X (a passive)")
        return Attribution(speaker=None, written=None, pattern="before",
                           cue=f"it is {verb.group()}: a passive, no speaker")
    if verb and verb.group().endswith("ed") and _REDUCED_RE.search(head, 0, verb.start()) and \
            (agent := _agent(text, span.close + 1, sent_end, spans)) and \
            re.fullmatch(r"\s*by\s+", text[span.close + 1:agent[0]]):
        return who.subject(para, *agent, span.open, "before",  # "a move branded a "…" by X"
                           f"a noun {verb.group()} \"…\" by X (a passive)")
    if verb and (inverted := re.match(r"\s+([^,]+),", head[verb.end():])) and \
            head[:verb.start()].rstrip().endswith(",") and not re.match(
                r"(?:in|on|at|to|for|from|with|about)\s", inverted.group(1)):  # "…, writing in Y,"
        a = head_a + verb.end() + inverted.start(1)  # "The aim, says the firm, is …"
        return who.subject(para, a, a + len(inverted.group(1)), span.open, "before",
                           f"…, {verb.group()} X, …: \"…\"")
    if verb and (antecedent := relative_antecedent(who, para, head_a, head_a + verb.start())):
        return who.subject(para, *antecedent, span.open, "before",
                           f"X, who/which {verb.group()} \"…\" (a relative clause)")
    if verb and verb.group().endswith("ing") and prev_close <= sent_start and (
            main := main_clause_subject(text, head, verb.start(), span.close + 1, sent_end)):
        return who.subject(para, *main, span.open, "before", f"{verb.group()} \"…\", X …")
    if verb:
        a = head_a
        if verb.group().endswith("ing") and (with_ := _WITH_RE.search(head, 0, verb.start())):
            a = head_a + with_.end()  # "…, with leader Ann Roe saying …": Ann Roe
        elif verb.group().endswith("ing") and (np := absolute_subject(head[:verb.start()])):
            return who.subject(para, head_a + np[0], head_a + np[1], span.open, "before",
                               f"with X …, {verb.group()} \"…\" (X's words)")
        elif verb.group().endswith("ing") and (not who.within(
                para.number, head_a, head_a + verb.start()) or (
                (lead := _PRONOUN_SUBJECT_RE.match(head)) and lead.group(2) != "It")):
            # "He ended his speech with a challenge to Labour, saying …": he, not Labour
            # (not "It is all well and good X claiming …": an expletive "it")
            if prev_close > sent_start:
                return NONE  # "X criticised the "A" …, saying it was "B"": X, as for A
            if pronoun := _PRONOUN_SUBJECT_RE.match(head):
                g = pronoun.lastindex or 1
                return who.subject(para, head_a + pronoun.start(g), head_a + pronoun.end(g),
                                   span.open, "before", f"X … {verb.group()} \"…\"")
        if a == head_a and (aside := _REPORTER_ASIDE_RE.search(head, 0, verb.start())):
            a = head_a + aside.start("name")  # "X would be wrong, Mr Roe said, because …"
        if a == head_a and (inner := embedded_subject(head, verb.start())) is not None:
            found = who.subject(para, head_a + inner[0], head_a + inner[1], span.open,
                                "before", f"X said Y {verb.group()} \"…\" (Y's words)")
            described = head[inner[0]:inner[1]].split(",")[0]
            if not (found.speaker or found.anonymous or found.name) and \
                    re.match(r"(?i)(?:the|an?)\s", described):
                found = replace(found, anonymous=described)  # "the man": unnamed, described
            return found
        return who.subject(para, a, head_a + verb.start(), span.open, "before",
                           f"X {verb.group().rstrip('.,;:')}: \"…\"")  # not "X said.: …"
    if (final := final_clause(text, tail_a, sent_end)) is not None:
        a, b, verb_first = final
        return who.subject(para, a, b, span.open, "after",
                           "…, said X (end of the sentence)" if verb_first
                           else "…, X said (end of the sentence)")
    if aside := _ASIDE_RE.search(text, tail_a, min(sent_end, next_open)):
        if speech_verb_at(aside.group("verb")) is not None:  # '"…" in Y, he said, although'
            return who.subject(para, aside.start("subj"), aside.end("subj"), span.open,
                               "after", "…, X said, … (an aside)")
    if head.rstrip().endswith(":") and head.strip(" :"):
        if label := interview_label(head, head_a == sent_start, (
                who if not text[span.close + 1:].strip(" .") else None)) or saying_lead_in(head):
            return label  # "Q: "…"", "A: "…"", "the old maxim: "…"": nobody speaks
        if prev_close > sent_start and participle_lead_in(head):
            return NONE  # 'X said he would "A", adding: "B"': X, as for A (the same sentence)
        if (agent := agent_before_colon(head)) is not None:
            found = who.subject(para, head_a + agent[0], head_a + agent[1], span.open,
                                "lead-in", "… by/from X: \"…\" (the agent)")
            if (found.speaker and who.kind(found.speaker) != "state") or found.anonymous or \
                    found.name:
                return found  # "the question posed by nurse Ann Roe:": Ann Roe; not "from
                # France:" (a place the subject came from)
        a = head_a + _lead_in_start(head)
        return who.subject(para, a, head_a + len(head.rstrip()), span.open, "lead-in",
                           "X: \"…\" (lead-in)")
    if _ELIDED_CLAUSE_RE.match(text, sent_start) and head_a == sent_start:
        return _elided_clause(para, spans, sent_start, who)
    if head_a == sent_start and (noun := noun_lead_in(head)) is not None:
        found = who.subject(para, head_a + noun[0], head_a + noun[1], span.open, "lead-in", noun[2])
        if found.pattern != "pronoun" or last_speaker_owns(who, para.number, span.open,
                                                           found.speaker):
            return replace(found, pattern="before")  # "His advice was to "…""
    return NONE


def _elided_clause(para: Paragraph, spans: Sequence[QuoteSpan], at: int,
                   who: Attributor) -> Attribution:
    """``He will say X. And that he wants a "better Britain"``: the report goes on.

    A sentence opening with a conjunction and the complementiser *that* (*And that …*) is a
    second object of the reporting verb of the sentence before it (its reporting clause
    elided), so its quotation has that sentence's speaker: the speaker of its quotation, else
    the one it reports (``…, X said``). ``NONE`` when the sentence before reports nobody.
    """
    before = [(a, b) for a, b in masked_sentences(para.text, tuple(spans)) if b <= at]
    if not before:
        return NONE
    a, b = before[-1]
    prev = who.previous
    if prev is not None and prev[0] == para.number and a <= prev[1] < b and (
            prev[2].speaker or prev[2].anonymous):
        found = prev[2]
    else:
        found = _report(para, a, b, at, "previous sentence", who)
    if found.pattern == "none":
        return NONE
    return replace(found, pattern="continued", cue="And that … \"…\" (the reporting verb of "
                                                    "the sentence before, elided)")


def _elided_report(para: Paragraph, spans: Sequence[QuoteSpan], at: int, verb: str,
                   who: Attributor) -> Attribution:
    """``X told the BBC he had not read it. But told the BBC: "…"``: the reporter goes on.

    A sentence opening with a conjunction and a speech verb keeps the speaker the sentence
    before it reports, with or without a quotation of its own (``NONE`` when that sentence
    reports nobody known; then the previous quotation's speaker is tried).
    """
    before = [(a, b) for a, b in masked_sentences(para.text, tuple(spans)) if b <= at]
    if not before:
        return NONE
    found = _report(para, *before[-1], at, "previous sentence", who)
    return replace(found, pattern="continued", cue=f"And {verb}: \"…\" (no subject: the "
                                                  f"{found.cue})") if found.pattern != "none" \
        else NONE


def _agent(text: str, a: int, b: int, spans: Sequence[QuoteSpan]) -> tuple[int, int] | None:
    """The agent of a passive after its quotation: ``described as "…" by the IHRC``.

    The first ``by`` of the rest of the sentence (outside quotations) followed by a
    capitalised name or ``the`` and one; the agent runs to the next comma, bracket or stop.
    """
    for m in _AGENT_RE.finditer(text, a, b):
        if not any(s.open <= m.start() <= s.close for s in spans):
            return m.start("subj"), m.end("subj")
    return None


def _after(para: Paragraph, a: int, b: int, span: QuoteSpan, who: Attributor) -> Attribution | None:
    """``"…," said X`` / ``"…," X said`` / ``"…," X told …`` in the text after a quotation."""
    text = para.text
    first = re.match(r"[\w’'.-]+", text[a:b])
    verb = speech_verb_at(text[:b], a)
    if first and verb and verb.start() == a and verb.group().endswith("ing") and \
            not text[span.text_start:span.text_end].rstrip().endswith(","):
        return None  # 'X declared himself "delighted", saying Mr Y …': X's words, no inversion
    if first and verb and verb.start() == a:
        s = verb.end()
        found = who.subject(para, s, clause_after(text, s, b), span.open, "after",
                            f"\"…,\" {verb.group()} X")
        if found.anonymous and (named := apposed_name(text, clause_after(text, s, b), b)):
            person = who.subject(para, *named, span.open, "after",
                                 f"\"…,\" {verb.group()} the role, X")
            if person.speaker and who.kind(person.speaker) == "person":
                return person  # "…," said the firm's chief executive, Ann Roe.
        if not (found.speaker or found.anonymous or found.name) and CLAUSE_WORD_RE.match(
                text[s:b].strip().split(" ", 1)[0] if text[s:b].strip() else "") or \
                re.match(r"\s+(?:for|on|of|upon)\b", text[s:b]):
            return None  # '"…," adding it would …', '"…", called for a …': no subject here
        return found
    if verb and (_CONJUNCTION_RE.fullmatch(text[a:verb.start()]) or re.match(
            r"(?:and|but|while|whereas)\s", text[a:verb.start()])):
        return None  # 'X said … "A", but admitted it was "B"': the sentence's subject speaks;
        # 'X said Y had "A", and she said …': a new clause with its own subject
    if verb and len(text[a:verb.start()].split()) <= 25:
        return reply_addressee(who, who.subject(para, a, verb.start(), span.open, "after",
                                                f"\"…,\" X {verb.group()}"), verb.group())
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
    if para.text[before[-1][1]:span.open].strip(" \"“„«"):
        return NONE  # not standing alone: a phrase inside a sentence of its own
    return _report(para, *before[-1], span.open, "previous sentence", who)


def previous_paragraph(source: Source, para: Paragraph, spans: dict[int, list[QuoteSpan]],
                       who: Attributor) -> Attribution:
    """A paragraph opening with a quotation after one that ends by reporting a statement.

    ``…, Mr Howard said.`` / ``"…"`` (the next paragraph): the reported speaker goes on, in
    his own words. The previous paragraph's last sentence must hold a speech verb with a
    subject that is a known speaker, and no quotation.
    """
    prev = source.paragraph(para.number - 1)
    if prev is None or prev.boilerplate:
        return NONE
    prev_spans = spans.get(prev.number, [])
    sentences = masked_sentences(prev.text, tuple(prev_spans)) or ((0, len(prev.text)),)
    a, b = sentences[-1]
    if any(s.close >= a for s in prev_spans):
        return NONE
    return _report(prev, a, b, len(prev.text), "previous paragraph", who)


def sentence_of(text: str, spans: Sequence[QuoteSpan], offset: int) -> tuple[int, int]:
    """The sentence (quotations masked) holding ``offset`` of a paragraph."""
    sentences = masked_sentences(text, tuple(spans)) or ((0, len(text)),)
    return next(((a, b) for a, b in sentences if a <= offset < b), sentences[-1])


def _report(para: Paragraph, a: int, b: int, at: int, where: str,
            who: Attributor) -> Attribution:
    """The speaker a sentence reports (``…, X said.`` or ``X said …``), if one is known.

    Only a named speaker, a resolved pronoun or an anonymous description counts; an unknown
    name-shaped subject is not taken from a sentence that quotes nobody.
    """
    text = para.text
    if text[a:b].rstrip(" \"”’'").endswith("?"):
        return NONE  # "So is its job to X, as Y once declared?": a question, the answer is not Y's
    final = final_clause(text, a, b)
    if final is not None:
        s, e, verb_first = final
        cue = f"{where}: …, said X" if verb_first else f"{where}: …, X said"
        found = who.subject(para, s, e, min(at, e), "previous-sentence", cue)
        if found.speaker or found.anonymous:
            return found  # else "X, of Y, said the leaflet was …": the verb's own subject
    verb = next((v for v in speech_verbs(text[a:b])
                 if 0 < len(text[a:a + v.start()].split()) <= _REPORT_SUBJECT_WORDS), None)
    if verb is None:
        return NONE
    s, e = a, a + verb.start()
    if _PASSIVE_RE.search(text, s, e) and not verb.group().endswith("ing"):
        return NONE  # "It is understood that …"
    found = who.subject(para, s, e, min(at, e), "previous-sentence",
                        f"{where}: X {verb.group()} …")
    if found.speaker or found.anonymous:
        return found
    return NONE


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


def sentence_report(para: Paragraph, a: int, b: int, who: Attributor) -> Attribution:
    """The speaker the sentence ``para.text[a:b]`` reports (``…, X said.``), or ``NONE``.

    Read as the previous sentence of a quotation is: a named speaker, a resolved pronoun or an
    anonymous description; ``NONE`` when it reports nobody known.
    """
    return _report(para, a, b, b, "the sentence", who)

"""Speakers inside a reporting sentence: the one whose words a quotation are, not the reporter.

A sentence may report that someone *else* said the quoted words:

- *Ms Roe said the driver, who later fled, shouted "…"* — the driver speaks, not Ms Roe
  (:func:`embedded_subject`: a speech verb whose subject follows an earlier speech verb);
- *The minister rejected Mr Obi's claim that "…"* — Mr Obi speaks (:func:`possessive_source`:
  a possessive before a speech noun of ``speech_nouns.txt`` and ``that``, ``for`` or ``of``:
  *Mr Obi's call for a "…"*, *Mr Obi's description of the plan as "…"*);
- *Ms Roe quoted Mr Obi as saying "…"*, *a letter from Mr Obi saying "…"* — Mr Obi speaks
  (:func:`quoted_as`);
- *"…", argued Ms Roe.* — a name right after a verb-first reporting clause is the subject of
  its sentence (:func:`after_reporting_verb`), so a later *she said* means her;
- *"…", said the firm's chief executive, Ann Roe.* — the role is the named person in
  apposition after it, not an anonymous speaker or the firm (:func:`apposed_name`).

The rules are read by :func:`briefbook.analyse.cues.attribute` and
:class:`briefbook.analyse.attribution.Attributor`; the word lists are package data
(``speech_verbs.txt``, ``speech_nouns.txt``, ``object_speech_verbs.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.core.lexicon import fold_word, is_speech_verb, is_title, word_list

__all__ = ["after_reporting_verb", "apposed_name", "embedded_subject", "masked_gap",
           "possessive_source", "quoted_as"]

_WORD_RE = re.compile(r"[\w’'.-]+")
#: What an embedded subject may open with: a determiner or a capitalised word (a pronoun is
#: read by the usual rules: *X said he had warned "…"* is X).
_SUBJECT_START_RE = re.compile(r"(?:(?:the|a|an|this)\s|[A-Z])")
_APPOSED_RE = re.compile(r",\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s*(?:[.,;]|$)")
_POSSESSIVE_NOUN_RE = re.compile(
    r"(?P<owner>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)[’']s?\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)"
    r"\s+(?:that,?|for|of)\s+(?:[^\s;]+\s+){0,12}$")
_NAME = r"(?P<who>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)"
#: "X quoted Y as saying", "a letter from Y saying", "a statement by Y warning that".
_QUOTED_AS_RE = re.compile(
    r"\b(?:quot(?:ed|es|ing)|cit(?:ed|es|ing))\s+" + _NAME + r"\s+as\s+(?:saying|telling|"
    r"describing|calling|warning)\s+(?:that\s+)?(?:[^\s,;]+\s+){0,12}$"
    r"|\b(?:from|by)\s+" + _NAME.replace("who", "via") + r",?\s+(?:saying|stating|warning|"
    r"claiming|declaring|insisting)\s+(?:that\s+)?(?:[^\s,;]+\s+){0,12}$")


#: What stands before a participle that opens a clause of its own (the sentence's start, a
#: comma) or makes it a gerund (a preposition): ``Stressing …``, ``, confirming …``, ``by
#: announcing …``.
_PARTICIPLE_CLAUSE_RE = re.compile(
    r"(?:^|,|\b(?:by|after|before|while|when|since|on|in|without|for|of|from|about|through))"
    r"\s*$", re.IGNORECASE)


def embedded_subject(head: str, verb_start: int) -> tuple[int, int] | None:
    """The subject of a speech verb that is itself reported by an earlier speech verb.

    ``head`` is the quotation's sentence up to the quotation; ``verb_start`` the offset of
    the speech verb leading into it. *X said the man, who later fled, claimed he was "…"*
    gives the span of ``the man, who later fled``. ``None`` when no earlier speech verb
    precedes it, when the words between are not a subject (no determiner, pronoun or
    capitalised word opens them), or when the earlier verb takes an object first (*X told
    reporters Y claimed …*) with no ``that`` to mark where the reported clause starts.
    """
    if re.match(r"\s*,", head[verb_start:]):
        return None
    verb = _WORD_RE.match(head, verb_start)
    if verb is None or verb.group().endswith("ing"):
        return None  # "X attacked the plan, saying …": the sentence's subject speaks
    earlier = [m for m in _WORD_RE.finditer(head, 0, verb_start)
               if is_speech_verb(m.group().rstrip(".")) and m.end() < verb_start
               and not (m.group().endswith("ing") and _PARTICIPLE_CLAUSE_RE.search(
                   head[max(0, m.start() - 12):m.start()]))]
    # "Stressing the need, X said", "X, confirming the move, said", "by announcing Y's
    # departure, X said": a participle clause or a gerund after a preposition reports nothing
    if not earlier:
        return None
    first = earlier[-1]
    a = first.end()
    between = head[a:verb_start]
    if fold_word(first.group()) in word_list("object_speech_verbs"):
        that = re.search(r"\bthat\s+", between)
        if that is None:
            return None
        a += that.end()
    elif between.lstrip().startswith(",") or (first.group().endswith("ing") and "," in between
                                              and not re.search(r"\bthat\b", between)):
        return None  # "Asked about Y's comments, X said", "by announcing Y's exit, X said":
        # the opener's verb reports nothing
    else:
        a += len(between) - len(between.lstrip())
        if that := re.match(r"(?:that|how)\s+", head[a:verb_start]):
            a += that.end()  # "X recalls how Y once told him: …": Y
    b = verb_start
    aux = re.search(r"\s+(?:(?:has|have|had|also|then|later|once|[a-z]+ly)\s+)*$", head[a:b])
    if aux:
        b = a + aux.start()
    subject = head[a:b].strip(" ,")
    if not subject or not _SUBJECT_START_RE.match(subject) or re.search(r"[.;:!?]", subject) \
            or re.search(r"(?i)\b(?:and|but|or|then|before|after)$", subject):
        return None  # "X attacked the plan and claimed …": one subject, X
    if len(subject.split()) > 12:
        return None
    return a, a + len(subject)


def possessive_source(head: str) -> tuple[int, int] | None:
    """The owner of a speech noun introducing the quotation: *Y's claim that "…"* → ``Y``.

    Only a capitalised owner right before an optional adjective and a noun of
    ``speech_nouns.txt``, followed by ``that``, ``for`` or ``of`` and at most twelve words
    before the quotation; a clause with commas (*Y's suggestion that, instead of A, B should
    "…"*) only when it holds no speech verb. Returns the owner's span in ``head`` or ``None``.
    """
    m = _POSSESSIVE_NOUN_RE.search(head)
    if m is None or fold_word(m.group("noun")) not in word_list("speech_nouns"):
        return None
    rest = head[m.end("noun"):]
    if len(rest.split()) > 13 or ("," in rest and any(
            is_speech_verb(w.strip(",")) for w in rest.split())):
        return None  # "Y's claim that A, X said": X reports; commas only inside Y's clause
    return m.start("owner"), m.end("owner")


def after_reporting_verb(text: str, start: int, end: int) -> bool:
    """A name at ``text[start:end]`` that closes a verb-first clause (``"…", argued Ms Roe``).

    The word before the name (titles skipped) is a speech verb, itself right after a comma
    or a closing quotation mark, and the name ends the clause (a stop, a comma or a
    semicolon follows): the name is the subject of its sentence. *X, accused Mr Obi of …*
    (an object) is not one.
    """
    if not re.match(r"\s*(?:[.,;]|$)", text[end:]):
        return False
    words = text[:start].split()
    while words and is_title(words[-1]):
        words.pop()
    return len(words) > 1 and is_speech_verb(words[-1]) and \
        words[-2].endswith((",", "”", "\"", "’", "'"))


def apposed_name(text: str, end: int, stop: int) -> tuple[int, int] | None:
    """A capitalised name in apposition right after a described subject ending at ``end``.

    *…, said the firm's chief executive, Ann Roe.* → the span of ``Ann Roe`` (up to four
    capitalised words, then a stop, a comma, a semicolon or ``stop``).
    """
    m = _APPOSED_RE.match(text[:stop], end)
    return (m.start("name"), m.end("name")) if m else None


def quoted_as(head: str) -> tuple[int, int] | None:
    """The person whose words a reporter passes on: *X quoted Y as saying "…"* → ``Y``.

    Also *cited Y as warning that*, and a document or message *from Y saying "…"* / *by Y
    warning that "…"*; at most twelve words between the participle and the quotation.
    Returns the span of ``Y`` in ``head`` or ``None``.
    """
    m = _QUOTED_AS_RE.search(head)
    if m is None:
        return None
    group = "who" if m.group("who") else "via"
    return m.start(group), m.end(group)


def masked_gap(text: str, a: int, b: int, names: Sequence[tuple[int, int]]) -> str:
    """``text[a:b]`` with the given name spans blanked out (kept the same length).

    *Bank of England governor Mervyn King*: the ``of`` inside the bank's name does not make
    the governor the object of a preposition (*the spokesman for X*).
    """
    gap = list(text[a:b])
    for start, end in names:
        for i in range(max(start, a), min(end, b)):
            gap[i - a] = "X"
    return "".join(gap)

"""A pronoun's rival: a person who opens the sentence just before it.

News copy moves from one speaker to the next by opening a sentence with the new person's name
and then reporting them with a pronoun (*Mr Roe defended the plan. … Shadow housing minister Ben
Hale was unconvinced. He warned: "…"*). The *he* is Hale, not the previous speaker Roe nor a
name further back: the subject of the sentence right before is the nearest antecedent a reader
takes (the centering rule of discourse analysis: the preferred antecedent of a subject pronoun
is the previous sentence's subject; Grosz, Joshi and Weinstein 1995).

:func:`sentence_opener` finds that subject. It is a person named first in the sentence before
the pronoun's own (after a conjunction, an opening clause such as *In a separate development,*
and up to five capitalised or role words such as *Conservative shadow home secretary*), not a
possessive (*Mr Roe's aide*), not after a quotation (*"…," Mr Roe told Mr Poe.*), followed by
its verb or an apposition (*Lord Hale, the reviewer, said*), in a sentence that is not itself
reported (*Mr Roe liked to boast, the leader said.*; *X had failed, she argued, and …*: what
was spoken about). :func:`opener_rival` gives the pronoun to that person when the gender fits
or is unknown. :func:`colon_subject` gives it to the person whose clause, in the pronoun's own
sentence, leads the quotation in with a colon (*X was less sure: "…," he said*).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefbook.analyse.described import mask, sentence_before
from briefbook.analyse.referents import Referents, apposed_opener
from briefbook.core.lexicon import (
    is_function_word,
    is_role_word,
    is_speech_verb,
    is_title,
    opens_clause,
)
from briefbook.core.model import Paragraph
from briefbook.core.quotemarks import SENTENCE_STOP_RE

__all__ = ["colon_subject", "opener_rival", "sentence_opener"]

#: Conjunctions and sentence adverbs before a subject: "But X", "Meanwhile, X".
_LEAD_RE = re.compile(r"(?:(?:But|And|Yet|So|Meanwhile|However|Now|Instead),?\s+)+")
#: An opening clause before the subject: "In a separate development, X".
_CLAUSE_RE = re.compile(r"([A-Z][a-z]+)\b[^,.;:]{0,60},\s+")
#: What follows a subject name: an apposition (", the reviewer,") or a lower-case verb.
_AFTER_RE = re.compile(r"(?:,\s+[^,.;:]{1,90},)?\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b")
#: Words after a name that make it no sole subject: "X and Y met", "X of Z", "X, who".
_NOT_A_VERB_RE = re.compile(r"and|or|nor|of|who|whose|which|that|to|in|at|for|from|with")
#: The pronoun's gender as the attributor names it.
_WANTED = dict(he="male", she="female")


def _prefix_fits(words: list[str]) -> bool:
    """Up to five words before a subject name that only describe it.

    Capitalised words (*Conservative*, *Liberal Democrat*) and lower-case words that are
    neither function words, speech verbs nor past forms (*shadow home secretary*, *peer*).
    """
    return len(words) <= 5 and all(
        not is_function_word(w) and (w[:1].isupper() or (
            w.isalpha() and not is_speech_verb(w) and not w.endswith("ed")))
        for w in words)


def _reported_at_end(text: str, a: int, b: int) -> bool:
    """Whether the sentence ``text[a:b]`` carries its own reporter after a comma.

    *…, the leader said.*, *…, said Mr Roe.* or an aside (*X had failed, she argued, and …*):
    the sentence is someone's reported words, and a name opening it is what they spoke about
    (*Mr Roe liked to boast, the Tory leader said.*), not the subject of the next one.
    """
    for part in text[a:b].rstrip(" .!?\"”’'»").split(",")[1:]:
        words = part.split()
        if 0 < len(words) <= 8 and (
                is_speech_verb(words[-1]) or is_speech_verb(words[0]) and (
                    is_role_word(words[-1]) or all(w[:1].isupper() for w in words[1:]))):
            return True  # "…, Lord Hale said." / "…, said the party's leader." / "…, said
            # Mr Roe."; not "X, an aide, said the books were sound"
    return False


def sentence_opener(refs: Referents, para: Paragraph, at: int) -> str | None:
    """The person who opens the sentence before the one holding ``para.text[at]``.

    Returns the actor id, or ``None`` when that sentence opens otherwise (a pronoun, a
    description, a thing, a possessive, a quotation) or there is no sentence before.
    """
    host, span = para, sentence_before(para.text, at)
    if span is None:
        if re.search(r"[.!?]", para.text[:at]):
            return None
        host = refs.source.paragraph(para.number - 1)  # type: ignore[assignment]
        if host is None or host.boilerplate:
            return None
        stops = [m.end() for m in SENTENCE_STOP_RE.finditer(host.text)]
        span = (stops[-1] if stops else 0, len(host.text))
    text = mask(host.text, refs.masked.get(host.number, []))
    a, b = span
    while a < b and not text[a].isalnum():
        a += 1
    if re.search(r"[\"“”‘’«»']", text[span[0]:a]):
        return None  # '"…," Mr Roe told Mr Poe.': a reporter after a quotation, no new subject
    if lead := _LEAD_RE.match(text, a, b):
        a = lead.end()
    if (clause := _CLAUSE_RE.match(text, a, b)) and opens_clause(clause.group(1)):
        a = clause.end()
    people = [m for m in refs.within(host.number, a, b) if refs.kind(m.actor) == "person"]
    if not people or _reported_at_end(text, a, b):
        return None
    first = people[0]
    if apposed_opener(text[a:first.start], text[first.end:b]) and not refs._possessive(first):
        return first.actor  # "His co-author, Dr Ann Roe, was more cautious."
    after = _AFTER_RE.match(text, first.end, b)
    if not _prefix_fits(text[a:first.start].split()) or refs._possessive(first) or \
            after is None or _NOT_A_VERB_RE.fullmatch(after.group("verb")):
        return None
    return first.actor


def opener_rival(refs: Referents, para: Paragraph, at: int, pron: str,
                 gender: Callable[[str], str | None]) -> str | None:
    """The person *he*/*she* at ``para.text[at]`` means when the sentence before decides.

    That sentence's opening person (:func:`sentence_opener`) when their gender fits the pronoun
    or is unknown, and the pronoun's own sentence names no person before it (*For the Greens,
    Ann Roe said the levy, which she argued …* is read by the sentence itself). ``None``
    leaves the pronoun to the usual reading (the previous speaker, the nearest person).
    """
    wanted = _WANTED.get(pron)
    start = max([m.end() for m in SENTENCE_STOP_RE.finditer(para.text) if m.end() <= at] + [0])
    if wanted is None or any(refs.kind(m.actor) == "person"
                             for m in refs.within(para.number, start, at)):
        return None
    opener = sentence_opener(refs, para, at)
    return opener if opener is not None and gender(opener) in (None, wanted) else None


def colon_subject(refs: Referents, para: Paragraph, at: int, pronoun_at: int,
                  pron: str) -> str | None:
    """The person whose clause leads in, with a colon, the quotation opened at ``at``.

    *Her colleague John Raas was less sure: "We will see," he said*: the pronoun after the
    quotation (at ``pronoun_at``) means the one person named in its own sentence before the
    colon, who opens that sentence as its subject (after up to four capitalised or role words
    or a possessive: *Her colleague*, *Green councillor*; not *Asked about Mr Blair:*,
    *Officials told Ms Roe:* nor *He urged Mr Roe, adding:*), not a possessive, of the
    pronoun's gender or of unknown gender. ``None`` otherwise (the usual reading decides).
    """
    wanted = _WANTED.get(pron)
    start = max([m.end() for m in SENTENCE_STOP_RE.finditer(para.text) if m.end() <= at] + [0])
    lead = para.text[start:at].rstrip()
    if wanted is None or pronoun_at < at or not lead.endswith(":"):
        return None
    people = [m for m in refs.within(para.number, start, start + len(lead))
              if refs.kind(m.actor) == "person"]
    if len({m.actor for m in people}) != 1 or refs._possessive(people[0]):
        return None
    before = [w.strip(",") for w in para.text[start:people[0].start].split()]
    if len(before) > 4 or not all(w[:1].isupper() or is_role_word(w) or is_title(w) or w.lower()
                                  in ("the", "a", "an", "her", "his", "their") for w in before) or (
            before and (opens_clause(before[0]) or is_function_word(before[0]))
            and before[0].lower() not in ("the", "her", "his", "their")):
        return None
    return people[0].actor if refs.gender(people[0].actor) in (None, wanted) else None

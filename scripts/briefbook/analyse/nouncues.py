"""Quotations introduced by a speech noun rather than a speech verb.

Two shapes of news prose name the statement and leave its speaker as the owner or the subject:

- a possessive owner and a speech noun as the subject of *be*: *His advice for one contestant
  was to "get a haircut"*, *Ms Roe's verdict was that "…"*, *Their message is simply "…"*
  (the noun from ``speech_nouns.txt`` or ``document_words.txt``);
- a subject delivering a statement named by a noun: *It issued a statement that "…"*, *The
  union sent a letter that "…"*, *She gave a warning that "…"* (the verb from
  ``statement_verbs.txt``).

:func:`noun_lead_in` finds the span to read as the subject; the caller resolves it as any other
subject (a pronoun to its person or body, a name to its actor).
"""

from __future__ import annotations

import re

from briefbook.analyse.attribution import Attributor
from briefbook.core.lexicon import fold_word, is_document_word, word_list

#: ``His advice for one young contestant was to``: an owner, up to ten words opening with an
#: optional adjective and the noun, a form of *be*, an optional ``to``/``that``/``simply``
#: ending the head.
_OWNED_NOUN_RE = re.compile(
    r"^\s*(?:(?:But|And|So|Yet),?\s+)?(?:(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|"
    r"(?P<name>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)[’']s?)\s+(?P<rest>[a-z][^,;:]*?)\s+"
    r"(?:is|was|has\s+been|had\s+been|remains|remained)"
    r"(?:\s+(?:simply|clear|that|to|plain))*\s*$")
#: ``It issued a statement that``: a subject, a delivery verb, a determiner, up to two words,
#: a noun and ``that`` (then up to eight words with no comma) ending the head.
_DELIVERED_RE = re.compile(
    r"^\s*(?:(?:But|And|So|Yet),?\s+)?(?P<subj>[^,;:]{1,60}?)\s+(?:(?:has|had|have|also|"
    r"\w+ly)\s+)?(?P<verb>[a-z]+)\s+(?:a|an|the|its|his|her|their|this)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\s+that\s+(?:[^\s,;:]+\s+){0,8}$")


def _statement_noun(word: str) -> bool:
    folded = fold_word(word)
    return folded in word_list("speech_nouns") or is_document_word(folded)


def noun_lead_in(head: str) -> tuple[int, int, str] | None:
    """The subject span of a quotation led in by a speech noun, and the cue's wording.

    Args:
        head: The quotation's sentence up to the opening mark.

    Returns:
        ``(start, end, cue)``: for an owned noun the span of the owner and its noun (*His
        advice*, so that a possessive pronoun reads as its person), for a delivered
        statement the subject's span; ``None`` when the head is neither shape.
    """
    owned = _OWNED_NOUN_RE.match(head)
    words = owned.group("rest").split() if owned else []
    noun = next((w for w in words[:2] if _statement_noun(w)), None)
    if owned and noun and len(words) <= 10:
        cue = f"X's {noun} was \"…\""
        if owned.group("pron"):
            return owned.start("pron"), owned.start("rest") + owned.group("rest").find(
                noun) + len(noun), cue
        return owned.start("name"), owned.end("name"), cue
    if (delivered := _DELIVERED_RE.match(head)) and \
            fold_word(delivered.group("verb")) in word_list("statement_verbs") and \
            _statement_noun(delivered.group("noun")):
        return delivered.start("subj"), delivered.end("subj"), (
            f"X {delivered.group('verb')} a {delivered.group('noun')} that \"…\"")
    return None


def last_speaker_owns(who: Attributor, paragraph: int, at: int, speaker: str | None) -> bool:
    """Whether a possessive pronoun's resolved ``speaker`` is the last speaker, unrivalled.

    *His advice was to "…"* names nobody: only the previous quotation's speaker may own it, and
    only when no other person has been named since that quotation (in any position: *the
    real star is judge Y. His advice …* means Y).
    """
    prev = who.previous
    if prev is None or speaker is None or prev[2].speaker != speaker:
        return False
    return not any((prev[0], prev[1]) < (m.paragraph, m.start) and m.actor != speaker
                   and who.kind(m.actor) == "person" for m in who.before(paragraph, at))

"""The discourse's speaker chain: a pronoun reporting again what the previous speaker said.

News copy names a speaker once and then reports more of what they said with a pronoun,
sentence after sentence and across paragraphs (*X explained the slogan. "…," he declared. …
Nobody, he claimed, could picture Y in office. And Z would lead the campaign, he said. "…," he
promised.*). Two readings serve :meth:`~briefbook.analyse.attribution.Attributor.pronoun`:

- :func:`reported_by_pronoun`: a name inside a clause reported by a pronoun's speech verb is
  not that pronoun's referent (binding: in *Z would lead the campaign, he said* *he* is not
  Z), so such a name neither breaks the chain nor is a candidate;
- :func:`chain_bridges`: paragraphs between the previous speaker's quotation and a pronoun
  that each report with that pronoun (*he claimed*, *he said*) carry the chain over them.

The speech verbs are package data (``speech_verbs.txt``).
"""

from __future__ import annotations

import re

from briefbook.analyse.mentions import Mention
from briefbook.analyse.referents import Referents
from briefbook.core.lexicon import is_speech_verb
from briefbook.core.quotemarks import SENTENCE_STOP_RE

__all__ = ["chain_bridges", "last_word", "nearest_chain", "reported_by_pronoun"]

#: A pronoun subject right before a speech verb: "he said", "she also argued".
_PRONOUN_VERB_RE = re.compile(r"\b(?P<pron>[Hh]e|[Ss]he)\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?"
                              r"(?P<verb>[a-z]+)\b")
#: How many paragraphs a chain of pronoun reports may carry a speaker over.
_BRIDGE = 3


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` holding offset ``at``."""
    start = max([m.end() for m in SENTENCE_STOP_RE.finditer(text) if m.end() <= at] + [0])
    end = SENTENCE_STOP_RE.search(text, at)
    return start, end.start() + 1 if end else len(text)


def _pronoun_reports(text: str, a: int, b: int, pron: str) -> list[re.Match[str]]:
    """The ``pron`` + speech-verb reporting clauses of ``text[a:b]``."""
    return [m for m in _PRONOUN_VERB_RE.finditer(text, a, b)
            if m.group("pron").lower() == pron and is_speech_verb(m.group("verb"))]


def reported_by_pronoun(refs: Referents, mention: Mention, pron: str) -> bool:
    """Whether ``mention`` is inside a clause that a ``pron`` (*he*, *she*) reports.

    The mention's sentence holds ``pron`` + a speech verb set off by a comma after it (*Z
    would lead, he said.*, *Nobody, he claimed, could picture Z*) or opening the sentence
    before it (*He said Z would …*); *Z resigned and he said …* and *Z said he …* keep Z.
    """
    para = refs.source.paragraph(mention.paragraph)
    if para is None or pron not in ("he", "she"):
        return False
    a, b = _sentence(para.text, mention.start)
    for report in _pronoun_reports(para.text, a, b, pron):
        lead = para.text[a:report.start()].rstrip(" “\"‘'«”’»")
        between = re.findall(r"[a-z]+", para.text[mention.end:report.start()])[:3]
        if report.start() > mention.end and any(is_speech_verb(w) for w in between):
            continue  # 'Z said: "…," he said': Z reports, and is "he"
        if report.start() > mention.end and lead.endswith(","):
            return True  # "Z would lead the campaign, he said": not "Z resigned and he said"
        if report.end() <= mention.start and (lead.endswith(",") or re.fullmatch(
                r"\s*(?:(?:And|But|So|Yet|Later|Earlier)\s*)?", lead)):
            return True  # "He said Z would …", "But, he claimed, Z …"
    return False


def chain_bridges(refs: Referents, since: int, paragraph: int, pron: str) -> bool:
    """Whether pronoun reports carry the chain from paragraph ``since`` to ``paragraph``.

    Every paragraph strictly between them reports with ``pron`` (*he claimed*), and they are
    at most three apart; the paragraphs right next to each other need no bridge.
    """
    if paragraph - since <= 1:
        return True
    if paragraph - since > _BRIDGE:
        return False
    for number in range(since + 1, paragraph):
        para = refs.source.paragraph(number)
        if para is not None and not para.boilerplate and \
                not _pronoun_reports(para.text, 0, len(para.text), pron):
            return False
    return True


def _pronoun_follows(refs: Referents, mention: Mention, pron: str) -> bool:
    """Whether ``pron`` is a subject later in the mention's sentence, no other person between.

    *… which saw Mr X start in full irritation mode as he was forced to …*: that *he* is X,
    and so is the next sentence's *he* (the chain starts at X). Only a pronoun after a
    conjunction (*as*, *when*, *but* …), not in a relative clause (*Y, whose work he praised*),
    and a mention that is not itself in reported words (no speech verb before it).
    """
    para = refs.source.paragraph(mention.paragraph)
    if para is None:
        return False
    a, b = _sentence(para.text, mention.start)
    if any(is_speech_verb(w) for w in re.findall(r"[a-z]+", para.text[a:mention.start])):
        return False  # "X said the world owed Y, whose genius he praised": Y is reported
    if re.search(r"\b(?:to|by|with|of|for|from|against|about|on|at)\s+(?:[A-Z][a-z]{0,3}\.?\s+)?$",
                 para.text[a:mention.start]):
        return False  # "matched to Mr X when he stood": an object, not a chain's subject
    found = re.search(r"\b(?:as|when|while|after|before|because|since|until|and|but|so|"
                      r"although|though|if)\s+" + pron + r"\s+(?:\w+ly\s+)?[a-z]+",
                      para.text[mention.end:b])
    return found is not None and not re.search(r"\b(?:who|whose|whom|which|that)\b",
                                               para.text[mention.end:mention.end + found.start()]) \
        and not any(
        refs.kind(m.actor) == "person" and m.actor != mention.actor
        for m in refs.within(mention.paragraph, mention.end, mention.end + found.start()))


def nearest_chain(refs: Referents, plain: list[Mention], subjects: list[Mention],
                  pron: str) -> str | None:
    """The person a pronoun means among earlier mentions, nearest chain first.

    The last subject (else the last mention) of ``plain``, unless a later mention of someone
    else starts a pronoun chain of its own (:func:`_pronoun_follows`): then that person.
    """
    best = subjects or plain
    if not best:
        return None
    chosen = best[-1]
    later = [m for m in plain if (m.paragraph, m.start) > (chosen.paragraph, chosen.start)
             and m.actor != chosen.actor and _pronoun_follows(refs, m, pron)]
    return (later[-1] if later else chosen).actor


def last_word(subject: str) -> list[str]:
    """The last word of a cue's ``subject`` (folded), as a one-item list, or ``[]``.

    An object pronoun (*him*, *her*) after other words is left out: in *with X marching up
    to him, saying "…"* the one saying it is X, not *him*.
    """
    words = re.findall(r"[\w’']+", subject)[-1:]
    return [w for w in words if w not in ("him", "her") or subject.strip() == w]

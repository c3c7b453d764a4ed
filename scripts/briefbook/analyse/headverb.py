"""The speech verb that reports a quotation's sentence, read from the words before it.

Used by :mod:`briefbook.analyse.cues`: of several speech verbs the one that leads straight
into the quotation, else the first (whose subject reports the sentence); a verb inside a
relative clause closed by a comma, or in a participle clause set off by commas, is not the
sentence's.
"""

from __future__ import annotations

import re

from briefbook.analyse.verbforms import speech_verb_at

__all__ = ["head_verb", "speech_verbs"]

_REPORTER_RE = re.compile(r"(?:\b(?:he|she|they|it|has|have|had|also)|\b[A-Z][\w’'-]*|\w+ly)\s+$")

#: A relative clause closed by a comma before the sentence goes on (its verbs are not the
#: sentence's): ``, which has posted record losses,``.
_CLOSED_RELATIVE_RE = re.compile(r",\s+(?:who|which)\b[^,;:]*,")


def head_verb(head: str, *, direct: bool = False) -> re.Match[str] | None:
    """The speech verb of a quotation's sentence before it, with a subject before it.

    The last verb when it leads straight into the quotation (``X told the BBC: "…"``,
    ``…, saying "…"``); otherwise the first one, whose subject reports the whole sentence
    (``A spokesman said X, whom he described as …, was "…"`` → the spokesman). With
    ``direct`` (the head starts after an earlier quotation of the same sentence) only a verb
    leading straight into the quotation counts: ``X said the "A" Y had promised was an "B"``
    leaves B to X, the speaker of A.
    """
    verbs = [v for v in speech_verbs(head)
             if head[:v.start()].strip(" ,.;:—–-\u201d\"")]
    closed = [c.span() for c in _CLOSED_RELATIVE_RE.finditer(head)]
    main = [v for v in verbs if not any(a < v.start() < b for a, b in closed)]
    verbs = main or verbs  # "X, which has posted record losses, said …": said
    if len(verbs) > 1 and verbs[0].group().endswith("ing") and \
            "," in head[verbs[0].end():verbs[1].start()]:
        verbs = verbs[1:]  # "Earlier, writing in Y, the minister conceded …": conceded
    if len(verbs) > 1 and ":" in head[verbs[-2].end():verbs[-1].start()] and \
            not head[verbs[-2].end():verbs[-1].start()].strip(" :"):
        verbs = verbs[:-1]  # "He added: said "…"": a doubled verb (a slip), the first counts
    if not verbs:
        return None
    last = verbs[-1]
    if len(verbs) > 1 and last.group().endswith("ing") and \
            not head[verbs[-2].end():last.start()].strip(" ,;—–-") and \
            _REPORTER_RE.search(head[:verbs[-2].start()]):
        last = verbs[-2]  # "…, he claimed, saying …": the subject of "claimed"
    rest = head[last.end():].strip()
    if len(verbs) > 1 and re.fullmatch(r"(?:,\s*)?(?:and|but|or)\s+that", rest):
        return verbs[0]  # "She said X had complained and that "…"": a second that-clause of said
    if not rest or rest.endswith((":", ",")) or (len(rest.split()) <= 5 and rest[0] != ",") \
            or re.search(r"\bas(?: an?| the)?$", rest):
        return last  # "X branded the plan as a "…""
    return None if direct else verbs[0]


def speech_verbs(text: str) -> list[re.Match[str]]:
    """Every speech verb of ``text`` (:func:`~.verbforms.speech_verb_at`), in order."""
    found = []
    at = 0
    while (verb := speech_verb_at(text, at)) is not None:
        found.append(verb)
        at = verb.end()
    return found

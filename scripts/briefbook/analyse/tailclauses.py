"""Reporting clauses after a quotation (``"…," the OECD said.``, ``"…?" Mr Roe pressed.``).

Text-only helpers of :mod:`briefbook.analyse.cues`: they find where a closing reporting clause
is and where its subject lies; the cue rules decide who that subject is.
"""

from __future__ import annotations

import re

from briefbook.analyse.described import clause_after
from briefbook.analyse.verbforms import speech_verb_at

#: The most words a reporting clause's subject may have (``the firm's chief executive``).
SUBJECT_WORDS = 6
#: A word opening a reported clause, not a subject (``said that``, ``said how``).
CLAUSE_WORD_RE = re.compile(r"(?i)that|how|what|whether|if|it|there|this|to|he|she|they|we|i")


def question_tag(text: str, a: int, b: int, next_open: int) -> int:
    """Where a reporting clause after a quotation ending with ``?`` or ``!`` ends, else ``a``.

    ``"Did you see him?" Mr Roe pressed.``: the words up to the next stop are a short subject
    and a speech verb (at most :data:`SUBJECT_WORDS` words and two after the verb), or a
    speech verb and its subject (``asked the judge``), with no quotation among them.
    """
    b = min(b, next_open)
    words = re.findall(r"[\w’'.-]+", text[a:b])
    verbs = [i for i, w in enumerate(words) if speech_verb_at(w.rstrip(".")) is not None]
    if not verbs or len(words) > SUBJECT_WORDS + 3 or len(words) - verbs[0] - 1 > 2 or \
            verbs[0] > SUBJECT_WORDS or text[a:b].count(",") or not words[0][:1].isalpha():
        return a
    return b



def final_clause(text: str, a: int, b: int) -> tuple[int, int, bool] | None:
    """A reporting clause closing the sentence after a quotation: ``…, the OECD said.``.

    The words after the sentence's last comma (or all of them when the quotation is followed
    by nothing else) are a subject of at most :data:`SUBJECT_WORDS` words and a speech verb,
    with at most two words after the verb (``on Monday``); or, after any of its commas, a
    speech verb and its subject, up to an apposition (``…, said Ann Roe, the firm's chief.``),
    of at most :data:`SUBJECT_WORDS` words (longer, the words after the verb are what was
    said: ``X, a chief executive, said teaching pupils about Y was key``).

    Returns:
        The subject's span and whether the verb came first, or ``None``.
    """
    tail = text[a:b]
    commas = [i for i, c in enumerate(tail) if c == ","]
    for comma in reversed(commas):
        start = a + comma + 1
        first = re.match(r"\s*([\w’'.-]+)\s+([\w’'.-]+)", text[start:b])
        if first and speech_verb_at(first.group(1)) is not None and \
                not CLAUSE_WORD_RE.fullmatch(first.group(2)):
            s = start + first.start(2)
            e = clause_after(text, s, b)
            if len(text[s:e].split()) <= SUBJECT_WORDS:
                return s, e, True
            break  # "…, Ann Roe, said teaching pupils about X was key": a reported clause
    start = a + commas[-1] + 1 if commas else a
    clause = text[start:b].rstrip(" .!?\u201d\"")
    clause = re.sub(r"\([^()]{1,40}\)", lambda m: " " * len(m.group()), clause)  # "X (KCC)"
    words = list(re.finditer(r"[\w’'.-]+", clause))
    if not words or len(words) > SUBJECT_WORDS + 3:
        return None
    verbs = [i for i, w in enumerate(words) if speech_verb_at(w.group()) is not None]
    if not verbs:
        return None
    i = verbs[0]
    if i == 0 and len(words) > 1 and not CLAUSE_WORD_RE.fullmatch(words[1].group()):
        end = clause_after(text, start + words[1].start(), start + len(clause))
        if len(text[start + words[1].start():end].split()) > SUBJECT_WORDS:
            return None  # "said teaching pupils about X and Y were key": what was said
        return start + words[1].start(), end, True
    if 0 < i <= SUBJECT_WORDS and len(words) - i - 1 <= 2:
        return start, start + words[i].start(), False
    return None

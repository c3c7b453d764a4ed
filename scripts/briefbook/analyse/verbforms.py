"""Reporting verbs in forms a word list does not hold: the bare infinitive after a modal.

*Mr Roe went on to suggest …*, *She will argue …*, *He would not deny …*: a bare verb right
after a modal auxiliary, or after *to* following a verb whose subject does the infinitive
(*went on to*, *is expected to*, *plans to*), with *not*, *also* or an adverb between, is a
verb, and a reporting one when its regular past is in ``speech_verbs.txt``
(:func:`briefbook.core.lexicon.is_speech_verb_base`). The same word after a determiner is a
noun (*a claim*, *the state pension*) and does not count, nor does it anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefbook.core.lexicon import is_function_word, is_speech_verb, is_speech_verb_base

#: A modal auxiliary, or ``to`` after a verb whose own subject does the infinitive: ``went on
#: to``, ``is expected to``, ``was quick to``, ``plans to``; then up to two of
#: ``not``/``also``/an ``-ly`` adverb, ending right before the word (CGEL 3.2, 14.4: the bare
#: infinitive follows the modals and ``to``). ``to`` after a noun is left out: in *led 12
#: viewers to complain* the viewers complain, not the sentence's subject.
_INFINITIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:will|would|shall|should|can|could|may|might|must|did|does|do)"
    r"|\b(?:on|(?:is|are|was|were|be|been|being)\s+[a-z]+|"
    r"(?:want|plan|hope|decide|refuse|decline|begin|began|begun|continue|try|tried|use|"
    r"need|intend|promise|seem|appear|prepare|expect|choose|chose|going|got|have|has|had|"
    r"ought|used)(?:s|ed|d|ing)?)\s+to)"
    r"(?:\s+(?:not|also|then|later|\w+ly))?(?:\s+(?:not|also|then|later|\w+ly))?\s+$",
    re.IGNORECASE)


def infinitive_speech_verb(text: str, start: int, word: str) -> bool:
    """Whether ``word`` at offset ``start`` of ``text`` is a reporting verb's bare infinitive.

    Args:
        text: The paragraph (or part of it) holding the word.
        start: Offset of the word in ``text``.
        word: The word as written.

    Returns:
        True for *suggest* in *went on to suggest*, *argue* in *will also argue*; False for
        the same word with no modal or *to* right before it.
    """
    if word.lower() in ("not", "also", "then", "later") or is_function_word(word):
        return False  # "should not": "not" is no verb ("noted" is one)
    return is_speech_verb_base(word) and bool(
        _INFINITIVE_BEFORE_RE.search(text[max(0, start - 40):start]))


_WORD_RE = re.compile(r"[\w’'.-]+")
_NOUN_BEFORE_RE = re.compile(r"(?i)(?:^|\W)(?:the|an?|his|her|its|their|these|those|our|my|"
                             r"your|whose|latest|recent|such|new|fresh|further|several|many|"
                             r"two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:first|"
                             r"last|final|previous|own|public))?\s+$")
#: A possessive right before a word: a noun follows (*Labour's claims*), unless the word is a
#: past or third-person form that is never a noun or an adjective (*St Mary's said*,
#: *Sainsbury's says*: a name written with a possessive, then its verb); *alleged*, *claimed*,
#: *reported* stay out (*the campaign's alleged allegiances*).
_POSSESSIVE_BEFORE_RE = re.compile(r"\w[’']s\s+$|s[’']\s+$")
_FINITE_RE = re.compile(r"(?i)said|says|told|tells|wrote|writes|added|adds|warned|warns|"
                        r"insisted|insists|explained|explains|argued|argues|replied|admitted")


def _speech_verbs(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """Speech verbs of ``text`` from ``start``, in order.

    A word after a determiner or a possessive is a noun (*these claims*, *his first comments*),
    and so is an *-s* form right after a past form (*rejected calls*, *renewed warnings*).
    """
    return (m for m in _WORD_RE.finditer(text, start) if (is_speech_verb(m.group().rstrip("."))
            or infinitive_speech_verb(text, m.start(), m.group().rstrip(".")))
            and not _NOUN_BEFORE_RE.search(text[max(0, m.start() - 20):m.start()])
            and not (_POSSESSIVE_BEFORE_RE.search(text[max(0, m.start() - 20):m.start()])
                     and not _FINITE_RE.fullmatch(m.group().rstrip(".")))
            and not (m.group().endswith("s") and re.search(r"[a-z]ed\s+$", text[:m.start()])))
    # "has rejected calls to …", "renewed warnings": a finite verb never follows a past form


def speech_verb_at(text: str, start: int = 0) -> re.Match[str] | None:
    """The first speech verb of ``text`` at or after ``start`` (word bounded)."""
    return next(_speech_verbs(text, start), None)


def last_speech_verb(text: str) -> re.Match[str] | None:
    """The last speech verb of ``text`` (not one used as a noun)."""
    return ([None, *_speech_verbs(text)])[-1]

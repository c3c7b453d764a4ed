"""Quoted words that are not the reporter's statement: terms and words reported by others.

Two readings used by :mod:`briefbook.analyse.vetting`, each taking a speaker back (a wrong
speaker is worse than none):

- :func:`noun_modifier`: one or two quoted words right before a lower-case noun, after *on*,
  *about* or *over*, an *-ing* verb or a speech verb (*rules on "cold calling" householders*,
  *making "voter identification" calls*, *says 'card-not-present' fraud has risen*), name a
  kind of thing, as the quoted words between a determiner and a noun do
  (:func:`~briefbook.analyse.described.attributive_term`): a term, with no speaker.
- :func:`inner_report`: a quotation inside a clause that a speech noun or a group's speech
  verb governs (*Suggestions that "…" are wrong, Ms Roe says.*; *a bill which critics claim
  would allow "…" was not a ploy, the minister said.*) holds the words of those who suggest
  or claim, not of the reporter at the end of the sentence. The rule of English reported
  speech: quoted words belong to the nearest reporting clause that contains them.

Speech nouns and verbs are package data (``speech_nouns.txt``, ``speech_verbs.txt``).
"""

from __future__ import annotations

import re

from briefbook.core.lexicon import (
    fold_word,
    is_function_word,
    is_speech_verb,
    is_speech_verb_base,
    word_list,
)

__all__ = ["inner_report", "noun_modifier"]

#: What may stand before a modifying term: on, about, over, an -ing form or a finite verb.
#: Not *in*, *with*, *for*: *used in "serious" cases* is the speaker's judgement, not a term.
_BEFORE_RE = re.compile(r"(?:^|\s)(?:(?P<prep>on|about|over)|(?P<verb>[a-z]+))\s+$")
#: A sentence's end: a stop, maybe a closing mark, then space.
_STOP_RE = re.compile(r"[.!?][\"”’'»]?\s+")
#: A speech noun opening a *that* clause (*Suggestions that*, *amid claims that*).
_NOUN_THAT_RE = re.compile(r"(?:^|\b(?:[Tt]he|these|those|of|over|amid|after|despite|following|"
                           r"about|to|with)\s+)(?P<noun>[A-Za-z]+)\s+that\s+(?P<rest>[^,;:—–]*)$")
#: A plural group speaking in the present (*which critics claim*, *campaigners say*).
_GROUP_SAYS_RE = re.compile(r"(?:^|\b(?:which|that|who|as)\s+)(?P<subj>[a-z]+s)\s+"
                            r"(?P<verb>[a-z]+)\s+(?P<rest>[^,;:—–]*)$")


def noun_modifier(text: str, open_at: int, close_at: int) -> bool:
    """Whether the quotation ``text[open_at:close_at + 1]`` modifies the noun after it.

    One or two quoted words after *on*/*about*/*over*, an *-ing* verb that is not a speech verb
    (*making*, *using*) or a finite speech verb (*says*), and before a lower-case word that is
    neither a function word, a participle, an adverb nor a verb (``verbs.txt``) unless a stop
    or a comma follows it (*making "…" calls.*).
    """
    inner = text[open_at + 1:close_at].strip()
    before = _BEFORE_RE.search(text[max(0, open_at - 20):open_at])
    if not inner or len(inner.split()) > 2 or before is None:
        return False
    verb = before.group("verb")
    if verb and not (verb.endswith("ing") and not is_speech_verb(verb)
                     or is_speech_verb(verb) and not verb.endswith("ing")):
        return False
    after = re.match(r"\s+([a-z][\w-]*)\b(?![’'\"”»])(?P<end>[.,;])?",
                     text[close_at + 1:close_at + 30])
    if after is None:
        return False
    word = after.group(1)
    return not is_function_word(word) and not word.endswith(("ing", "ed", "ly")) and (
        after.group("end") is not None  # "making "…" calls.": a verb would have an object
        or not is_speech_verb(word) and fold_word(word) not in word_list("verbs"))


def inner_report(text: str, open_at: int) -> tuple[str, bool] | None:
    """Who reports the quotation opened at ``open_at`` inside its own clause, if anyone.

    The sentence before the quotation ends with a speech noun and *that* (*Suggestions that
    the shift to "…"*) or with a plural group and a present speech verb (*which critics claim
    would allow "…"*), with no comma, colon, dash or quotation between. Returns the noun
    (*Suggestions*, ``False``: nobody is described) or the group (*critics*, ``True``: an
    anonymous speaker); ``None`` when no such clause holds the quotation.
    """
    start = max([m.end() for m in _STOP_RE.finditer(text, 0, open_at)] + [0])
    prefix = text[start:open_at]
    if re.search(r"[\"“”«»]", prefix):
        return None
    if (noun := _NOUN_THAT_RE.search(prefix)) and \
            fold_word(noun.group("noun")) in word_list("speech_nouns"):
        return noun.group("noun"), False
    group = _GROUP_SAYS_RE.search(prefix)
    if group and not is_function_word(group.group("subj")) and (
            group.group("verb") == "say" or is_speech_verb_base(group.group("verb"))):
        return group.group("subj"), True
    return None

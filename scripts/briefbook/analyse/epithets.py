"""Subjects that describe a person already named, or one of a group, without a name.

:func:`read_epithet` reads three kinds of reporting subject that are no name and no role:

- a **nationality epithet**: *The Irishman, in his second season in charge, added*, *the
  31-year-old Spaniard said* (``the``, up to two lower-case words or an age, and a noun of
  :func:`~briefbook.core.lexicon.nationality_noun`). Sports and news copy call a person already
  named by their nationality: it means the person
  :meth:`~briefbook.analyse.referents.Referents.described` finds (the subject just named or
  the previous speaker) when that person's gender agrees with *-man*/*-woman*; else it is an
  anonymous description. Never an actor named *Spaniard*.
- a **descriptive epithet**: *said the 30-year-old*, *said the world indoor champion*, *the
  teenager added* (``the``, up to three lower-case words or numbers, and an age or a noun of
  ``epithet_nouns.txt``; an age only when the article states nobody's age, else it means
  the person of that age, ``offices.aged_person``): sports and arts copy calls the person
  it is about by what they are; it means the person
  :meth:`~briefbook.analyse.referents.Referents.described` finds, else the one person of
  known gender whom *he* or *she* would mean there; else the usual readings apply.
- a **partitive of a group**: *one of them said*, *one of the officials said*, *two of the
  protesters told …*: one unnamed member of a group, an anonymous speaker described as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefbook.analyse.offices import stated_age
from briefbook.analyse.referents import Referents
from briefbook.core.lexicon import fold_word, nationality_noun, word_list

__all__ = ["read_epithet"]

_NATIONALITY_RE = re.compile(r"(?i:the)\s+(?:[a-z\d][\w-]*\s+){0,2}(?P<noun>[A-Z][a-z]+)")
_DESCRIBED_RE = re.compile(
    r"(?i:the)\s+(?:[a-z\d][\w-]*\s+){0,3}(?P<noun>\d+-year-old|[a-z][\w-]*)")
_PARTITIVE_RE = re.compile(r"(?i:one|two|three|some|several|many|most|each|both|either|neither|"
                           r"another|a few|a number)\s+of\s+(?:(?:them|those|us)(?:\s+[a-z]"
                           r"[\w-]*){0,2}|the(?:\s+[\w-]+){1,3}|(?:his|her|their|its)"
                           r"(?:\s+[\w-]+){1,3})")


def read_epithet(refs: Referents, paragraph: int, at: int, written: str,
                 gender: Callable[[str], str | None]) -> tuple[str | None, str | None,
                                                               str] | None:
    """The reading of an epithet or partitive subject ``written`` before ``at``.

    Returns ``(speaker, anonymous description, why)``, or ``None`` when ``written`` is
    neither kind (the usual readings then apply).
    """
    head = written.split(",")[0].strip()  # "The Irishman, in his second season, added"
    if _PARTITIVE_RE.fullmatch(head):
        return None, head, "one of a group: anonymous"
    match = _NATIONALITY_RE.fullmatch(head)
    kind = nationality_noun(match.group("noun")) if match else None
    descriptive = kind is None and (described := _DESCRIBED_RE.fullmatch(head)) is not None \
        and ((described.group("noun")[0].isdigit() and not _ages_stated(refs, paragraph, at))
             or fold_word(described.group("noun")) in word_list("epithet_nouns"))
    if descriptive:
        kind = "person"  # "said the 30-year-old", "said the world indoor champion"
    if kind is None:
        return None
    person = refs.described(paragraph, at)
    if person is None and descriptive:  # whom a "he" or "she" would mean there, if one
        read = {p for pron, g in (("he", "male"), ("she", "female"))
                if (p := refs.pronoun(paragraph, at, pron)) and gender(p) == g}
        person = read.pop() if len(read) == 1 else None
        if person is None:
            return None  # the usual readings (a role, the previous speaker) then apply
    if person is not None and refs.kind(person) == "person" and (
            kind == "person" or gender(person) in (None, kind)):
        return person, None, "epithet: the person just named"
    return None, head, "epithet: anonymous"


def _ages_stated(refs: Referents, paragraph: int, at: int) -> bool:
    """Whether the article gives a person's age before ``at`` (:func:`offices.stated_age`).

    An age epithet then means the person of that age (:func:`offices.aged_person`) or nobody.
    """
    return any(stated_age(refs, m) for m in refs.before(paragraph, at))

"""The alias table of a book's actors and the word-by-word key finder that matches it.

:class:`AliasTable` holds every actor's matching keys (full names, surnames, unambiguous
titles, upper-case aliases); :class:`KeyFinder` finds keys in folded text word by word, in
time linear in the text. Used by :mod:`briefbook.analyse.mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from briefbook.core.model import Actor
from briefbook.core.names import key

__all__ = ["TITLE_WORDS", "WORD_RE", "AliasTable", "Hit", "KeyFinder", "words_of"]

#: Title words left out of a name's surname (*Gen. Ann Roe* → *Roe*).
TITLE_WORDS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt president king queen
    prince minister secretary ayatollah sheikh general commander chancellor premier""".split())
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")


def _surname(name: str) -> str | None:
    words = [w for w in key(name).split() if w.rstrip(".") not in TITLE_WORDS]
    if len(words) < 2:
        return None
    last = words[-1]
    return last if len(last) > 2 else None


@dataclass(frozen=True)
class AliasTable:
    """Matching keys of every actor: full names, surnames and unambiguous titles."""

    full: dict[str, str]
    surnames: dict[str, tuple[str, ...]]
    titles: dict[str, str]
    actors: dict[str, Actor]
    acronyms: dict[str, str]
    capitalised: frozenset[str] = frozenset()

    @classmethod
    def build(cls, actors: Sequence[Actor]) -> AliasTable:
        """Build the table; a spelling claimed by two actors goes to the first."""
        full: dict[str, str] = {}
        surnames: dict[str, list[str]] = {}
        titles: dict[str, list[str]] = {}
        acronyms: dict[str, str] = {}
        capitalised: set[str] = set()
        for actor in actors:
            for spelling in actor.names:
                if _ACRONYM_RE.match(spelling):
                    acronyms.setdefault(spelling, actor.id)
                    continue
                k = key(spelling)
                if k:
                    full.setdefault(k, actor.id)
                    if spelling[:1].isupper():
                        capitalised.add(k)
                if actor.kind == "person" and (s := _surname(spelling)):
                    ids = surnames.setdefault(s, [])
                    if actor.id not in ids:
                        ids.append(actor.id)
            for role in actor.roles if actor.curated else ():
                if role.disputed:
                    continue
                ids = titles.setdefault("the " + key(role.title), [])
                if actor.id not in ids:
                    ids.append(actor.id)
        return cls(full=full, surnames={k: tuple(v) for k, v in surnames.items()},
                   titles={k: v[0] for k, v in titles.items() if len(v) == 1 and k not in full},
                   actors={a.id: a for a in actors}, acronyms=acronyms,
                   capitalised=frozenset(capitalised))

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str] | KeyFinder | None, ...]:
        """The full-name, surname and title patterns, built once per table (not per source)."""
        return (self.pattern(k for k in self.full if k not in self.acronyms),
                self.pattern(self.surnames), self.pattern(self.titles))

    @cached_property
    def _acronym_pattern(self) -> KeyFinder | None:
        r"""The upper-case aliases, as written, longest first (built once per table).

        Matches as ``(?<![\w.])(?:A1|A2|…)(?!\w)`` would: every alias starts with a capital
        letter, so a match starts at a word (see :func:`_acronyms`).
        """
        if not self.acronyms:
            return None
        return KeyFinder(sorted(self.acronyms, key=lambda k: (-len(k), k)))

    @cached_property
    def by_first_word(self) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
        """First word of a key → ``(kind, key, its words)``; kinds: full, surname, title."""
        index: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
        for kind, k in self._keys():
            if words := tuple(WORD_RE.findall(k)) if WORD_RE.match(k) else ():
                index.setdefault(words[0], []).append((kind, k, words))
        return index

    @cached_property
    def unanchored(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """The keys that do not start with a word character (words not required)."""
        return tuple((kind, k, ()) for kind, k in self._keys() if not WORD_RE.match(k))

    @cached_property
    def acronyms_by_first_word(self) -> dict[str, list[str]]:
        """First word of an upper-case alias → the aliases."""
        index: dict[str, list[str]] = {}
        for acronym in self.acronyms:  # every one starts with a capital letter
            index.setdefault(WORD_RE.match(acronym).group(), []).append(acronym)  # type: ignore[union-attr]
        return index

    def _keys(self) -> list[tuple[str, str]]:
        return [*(("full", k) for k in self.full if k not in self.acronyms),
                *(("surname", k) for k in self.surnames), *(("title", k) for k in self.titles)]

    def pattern(self, keys: Iterable[str]) -> re.Pattern[str] | KeyFinder | None:
        """A matcher of any of ``keys``, longest first, on word bounds (see :class:`KeyFinder`)."""
        ordered = sorted(set(keys), key=lambda k: (-len(k), k))
        if not ordered:
            return None
        if all(WORD_RE.match(k) for k in ordered):
            return KeyFinder(ordered)
        return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?!\w)")


WORD_RE = re.compile(r"\w+")
WORD_CHAR_RE = re.compile(r"\w")


class Hit:
    """A match found by :class:`KeyFinder` (``start()``, ``end()``, ``group()`` as in ``re``)."""

    __slots__ = ("_start", "_end", "_key")

    def __init__(self, start: int, end: int, key: str) -> None:
        self._start, self._end, self._key = start, end, key

    def start(self) -> int:
        """Offset of the match."""
        return self._start

    def end(self) -> int:
        """Offset just after the match."""
        return self._end

    def group(self) -> str:
        """The key matched."""
        return self._key


class KeyFinder:
    r"""Finds keys as ``(?<!\w)(?:k1|k2|…)(?!\w)`` would, keys ordered longest first.

    ``ordered`` must list longer keys first (as :meth:`AliasTable.pattern` sorts them).

    A regular-expression alternation of every name tries each name at each word, so its cost
    grows with text × names (and extracted speakers grow with the book). Here each word of the
    text looks up only the names that begin with it: linear in the text. Every key must start
    with a word character (else :meth:`AliasTable.pattern` falls back to the regex).
    """

    def __init__(self, ordered: Sequence[str]) -> None:
        self.keys = frozenset(ordered)
        #: First word → the lengths of its keys, longest first. At a word only a key of one
        #: of these lengths can match, and of two matching keys the longer is listed first;
        #: so each length is one slice and one set look-up, however many keys share the word
        #: (extracted names share "the", "new", … more as the book grows).
        self.by_first: dict[str, list[int]] = {}
        for k in ordered:
            lengths = self.by_first.setdefault(WORD_RE.match(k).group(), [])  # type: ignore[union-attr]
            if len(k) not in lengths:
                lengths.append(len(k))
        for lengths in self.by_first.values():
            lengths.sort(reverse=True)

    def finditer(self, text: str) -> Iterable[Hit]:
        """Non-overlapping matches, left to right, the longest key winning at a word."""
        return self._find(text, words_of(text))

    def _find(self, text: str, words: Sequence[tuple[int, str]]) -> Iterator[Hit]:
        """:meth:`finditer` given the words of ``text`` (found once, shared by the finders)."""
        by_first, keys, size = self.by_first, self.keys, len(text)
        end = 0
        for start, word in [w for w in words if w[1] in by_first]:
            if start < end:
                continue
            for length in by_first[word]:
                stop = start + length
                if stop <= size and text[start:stop] in keys \
                        and not WORD_CHAR_RE.match(text, stop):
                    yield Hit(start, stop, text[start:stop])
                    end = stop
                    break


def words_of(text: str) -> list[tuple[int, str]]:
    r"""The words (``\w+`` runs) of ``text`` with their offsets."""
    return [(m.start(), m.group()) for m in WORD_RE.finditer(text)]

"""The words of a paragraph as the name finder reads them, and the names it reports.

:func:`tokens` splits a paragraph into words, each knowing its shape (capitalised,
possessive, bare form) and whether it opens a sentence; :class:`Name` is one name found in a
paragraph with the reason it was typed (:mod:`briefbook.analyse.namefinder`). The shapes of
runs of capitalised words the finder joins: name particles (*de la*, *van der*: ``nameparser``'s
prefixes), an ampersand (*Harte & Lowe*) and a saint's name opening an institution's
(*St Aidan's Medical Center*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    honorific_gender,
    is_function_word,
    is_name_particle,
    is_organisation_word,
    is_party_word,
    is_role_word,
    is_title,
    nationality_noun,
    opens_clause,
    place_kind,
    word_list,
)
from briefbook.core.quotemarks import OPENERS

__all__ = ["INITIAL_RE", "PARTICLE_NAME_RE", "SAINTS", "Name", "Token", "group_possessive",
           "headline_run", "inside_other_name", "nationality_opener", "particle_before_name",
           "run_words", "saint_institution", "saint_possessive", "surname_shaped_affiliation",
           "tokens", "word_shape"]

_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w\-’']|\.(?=[^\W\d_]\.))*\.?|\d[\d,.]*|\S")
INITIAL_RE = re.compile(r"^[A-Z]\.?$")
PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|as|ash|at|az|ibn|bin|abu|ben|d)[-’'][A-Z]")
_POSSESSIVE_RE = re.compile(r"(?<=\w)[’'](?:s$|$)")
#: Marks after which a word opens a sentence: every script's opening quotation marks
#: (*„Growth will return“*: *Growth* is capitalised because it opens the quotation), an
#: opening bracket, a dash, a colon.
_SENTENCE_OPENERS = OPENERS + "(—–-:"
#: Words for a saint opening an organisation's name (*St Aidan's Medical Center*).
SAINTS = frozenset({"st", "saint", "ste", "sainte"})


@dataclass(frozen=True, kw_only=True)
class Name:
    """One name in a paragraph.

    Attributes:
        text: The name as written, without its title or role (``Michael Howard``).
        start: Offset of the name in the paragraph.
        end: Offset just after it (a possessive ``'s`` is left out).
        kind: ``person``, ``organization``, ``media`` or ``place``.
        reason: Why it was typed so (``given name 'Michael'``, ``title 'Mr'``).
        role: The title or role written with it (``Tory leader``), or ``None``.
        gender: ``male``, ``female``, ``either`` or ``None`` (unknown).
        possessive: Written with ``'s`` (``Blair's``): the holder of something, not the agent.
        title: The honorific or title written right before it (``Mr``), or ``None``.
    """

    text: str
    start: int
    end: int
    kind: str
    reason: str
    role: str | None = None
    gender: str | None = None
    possessive: bool = False
    title: str | None = None

    @property
    def words(self) -> list[str]:
        """The words of the name."""
        return self.text.split()


@lru_cache(maxsize=65536)
def word_shape(text: str) -> tuple[bool, bool, str]:
    """``(capitalised, possessive, bare)`` of a word: pure in the word, so kept per spelling.

    *capitalised*: an upper-case first letter (or a particle name such as ``al-``) and no
    digit; *possessive*: ends in ``'s``/``s'``; *bare*: the word without a possessive and a
    full stop (kept on initials and short titles: ``Gen.``, not ``Group.``).
    """
    capitalised = (text[:1].isupper() or bool(PARTICLE_NAME_RE.match(text))) \
        and not any(c.isdigit() for c in text)
    possessive = len(text) > 3 and text.endswith(("'s", "’s", "s'", "s’"))
    word = _POSSESSIVE_RE.sub("", text) if possessive else text
    short_title = is_title(word) and len(word.rstrip(".")) <= 4  # "Gen.", not "Group."
    bare = word if INITIAL_RE.match(word) or short_title else word.rstrip(".")
    return capitalised, possessive, bare


class Token:
    """One word of a paragraph, with its shape computed once (see :func:`word_shape`)."""

    __slots__ = ("text", "start", "end", "initial", "capitalised", "possessive", "bare")

    def __init__(self, text: str, start: int, end: int, initial: bool) -> None:
        self.text, self.start, self.end = text, start, end
        self.initial = initial  # first word of a sentence (capitalised for that reason alone?)
        self.capitalised, self.possessive, self.bare = word_shape(text)


def tokens(text: str) -> list[Token]:
    """The word tokens of ``text``, each knowing whether it opens a sentence."""
    out: list[Token] = []
    previous = ""
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        initial = not previous or previous in _SENTENCE_OPENERS or (
            previous[-1:] in ".!?" and not INITIAL_RE.match(previous)
            and not is_title(previous))
        if word[0].isalpha():
            out.append(Token(word, match.start(), match.end(), initial))
        previous = word
    return out


def nationality_opener(run: Sequence[Token]) -> bool:
    """A noun for a person of a nation opening a run before a name: no part of the name.

    *Swede Daniel Persson*, *Scot Nick Smith*, *Briton Henman*, *Frenchman Jean Dupuis*: a
    noun of ``nationality_nouns.txt`` or a demonym with *-man*/*-woman*, before any name; a
    demonym adjective (*Kenyan Paul Tergat*), or a noun that is also a given name (*Scot*,
    *Dane*), only before a given name and a surname: *British Airways*, *American Express*
    and *Dane Bowers* are names.
    """
    if len(run) < 2 or nationality_noun(run[0].bare) is None:
        return False
    before_name = len(run) > 2 and bool(first_name_gender(run[1].bare))
    if first_name_gender(run[0].bare):
        return before_name  # "Scot Nick Smith"; "Dane Bowers" is a name
    word = fold_word(run[0].bare)
    return word in word_list("nationality_nouns") or word.endswith(("man", "woman")) \
        or before_name


def surname_shaped_affiliation(word: str) -> bool:
    """A singular party word (``affiliations.txt``), no demonym, that is a surname (*Mr Green*)."""
    return word[:1].isupper() and not fold_word(word).endswith("s") and is_party_word(word)


def headline_run(run: Sequence[Token]) -> bool:
    """A run of two or more words in capitals (headline text, not a name)."""
    letters = [t.bare for t in run if len(t.bare) > 1]
    return len(run) > 1 and bool(letters) and all(w.isupper() for w in letters)


def inside_other_name(text: str, start: int) -> bool:
    """Whether a surname at ``start`` ends a longer capitalised name of its own.

    *Shareholders United*, *Nick Brown*: the word before it is capitalised and is neither a
    title, an honorific, a role, a party, a place word nor a word opening a sentence
    (*Chancellor Brown*, *Mr Brown*, *Labour's Brown*, *But Brown*), so the surname belongs
    to another name, not to the actor of that surname named earlier.
    """
    before = re.search(r"(?:^|[\s(])([A-Z][\w’'.-]*)\s$", text[max(0, start - 40):start])
    if before is None:
        return False
    word = before.group(1)
    return not (is_title(word) or honorific_gender(word) or is_role_word(word)
                or is_function_word(word) or opens_clause(word) or place_kind(word)
                or word.isupper() or re.search(r"[’']s?$|\.$", word))


def continued_by_name(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` goes on as a longer capitalised name.

    *White House*, *Washington Post*, *Brown University*: the next word, after one space, is
    capitalised and is neither a title, an honorific, a role, an acronym (*Labour MP*) nor a
    function word, so the word before ``end`` is part of another name (a street, a body, a
    title of a work), not a mention of the person or body of that one-word name.
    """
    after = re.match(r" ([A-Z][\w’'-]*)", text[end:end + 40])
    if after is None:
        return False
    word = after.group(1)
    return not (is_title(word) or honorific_gender(word) or is_role_word(word)
                or is_function_word(word) or word.isupper() or re.search(r"[’']s?$", word))


def particle_before_name(toks: Sequence[Token], index: int, text: str) -> bool:
    """A name particle at ``index`` that one or two more particles lead to a capitalised word.

    *Tomas de la Vega*, *Mr van der Meulen*, *Jean du Pont*: each gap a single space.
    """
    for at in range(index, min(index + 3, len(toks) - 1)):
        if not is_name_particle(toks[at].text) or text[toks[at].end:toks[at + 1].start] != " ":
            return False
        if toks[at + 1].capitalised:
            return True
    return False


def run_words(run: Sequence[Token], text: str) -> list[str]:
    """The words of a run as a name writes them.

    *Harte & Lowe* keeps its ampersand, a saint's possessive inside a name keeps its *'s*
    (*St Aidan's Medical Center*).
    """
    words: list[str] = []
    for i, tok in enumerate(run):
        if i and text[run[i - 1].end:tok.start] == " & ":
            words.append("&")
        words.append(tok.text.rstrip(".,") if tok.possessive and i < len(run) - 1 else tok.bare)
    return words


def group_possessive(last: Token, tok: Token) -> bool:
    """A group's possessive inside an organisation's name (*Fishermen's Union*).

    The next word ``tok`` is an organisation word (*Teachers' Federation*, *Children's
    Society*), and ``last`` a plural possessive (``s'``) or one of *men*, *women*, *people*
    or *children*, and no party's (*Lib Dems' Treasury spokesman*: a party's portfolio);
    *Britain's Labour Party* and *Blair's Cabinet* stay two names.
    """
    party = is_party_word(last.bare) or any(
        n.split()[-1] == fold_word(last.bare) for n in word_list("party_names"))
    return last.possessive and is_organisation_word(tok.bare) and not party and (
        last.text.endswith(("s'", "s’"))
        or fold_word(last.bare).endswith(("men", "people", "children")))


def saint_possessive(current: Sequence[Token]) -> bool:
    """A saint's name in the possessive opening a run: *St Aidan's*, *Saint Columba's*.

    The name of a hospital, school or church goes on after it.
    """
    return len(current) == 2 and fold_word(current[0].bare) in SAINTS and current[1].possessive


def saint_institution(run: Sequence[Token]) -> bool:
    """A run opened by a saint's name and ending with a word of ``institution_words.txt``.

    *St. Brendan's Medical Center*, *Saint Columba's Infirmary*, *St Ives School*.
    """
    return len(run) > 2 and fold_word(run[0].bare) in SAINTS and \
        fold_word(run[-1].bare) in word_list("institution_words")

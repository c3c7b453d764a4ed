"""Organisations (and a person) named next to a common noun for a body: the name finder's helpers.

- *drugmaker Norvia*, *the firm Halden & Co*: a body noun right before the name;
- *Allianz, a German insurer,*: a body noun in apposition after it;
- *told broadcaster Kanal X*, *the newspaper Y*, *Z, a broadcaster,*: an outlet noun of
  ``outlet_nouns.txt`` before or after it makes the name a media organisation, not a person
  (a given name opening it still makes a person: *broadcaster Ann Roe*);
- *the Fabian Society's X Y said*: a person named after an organisation's possessive.

Each function takes a run of capitalised tokens and its paragraph and returns a
:class:`~briefbook.analyse.nametokens.Name` or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.nameclues import (
    apposition,
    body_apposition,
    company_noun,
    outlet_apposition,
)
from briefbook.analyse.nametokens import Name, Token
from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    is_body_noun,
    is_document_word,
    is_function_word,
    is_organisation_word,
    is_outlet_noun,
    is_party_word,
    is_speech_verb,
    is_title,
    place_kind,
    word_list,
)

__all__ = ["apposed_body", "body_noun_opener", "body_person", "described_body", "outlet_name",
           "outlet_noun", "which_body"]

_NOUNS_BEFORE_RE = re.compile(r"(?:^|\s)((?:[a-z][\w-]*\s)?[a-z][\w-]*)\s$")
_NOUN_AFTER_RE = re.compile(r" ([a-z]+)\b")
#: Outlet nouns that name an outlet when written right after its name (*the X newspaper*);
#: not *radio*, *television*, *channel*, *website* (*Kanal Vest television footage*).
_AFTER_NOUNS = frozenset("newspaper paper daily weekly tabloid broadsheet magazine "
                         "broadcaster".split())


def outlet_name(run: list[Token], text: str) -> Name | None:
    """A news outlet named after or before an outlet noun: *told broadcaster Kanal Vest*.

    The run is at most four words, no function word or party word among them, not a place,
    and does not open with a given name (*broadcaster Ann Roe* is a person); the noun is
    found by :func:`outlet_noun`. ``None`` otherwise.
    """
    words = [t.bare for t in run]
    if len(words) > 4 or first_name_gender(words[0]) or place_kind(" ".join(words)) \
            or any(is_function_word(w) or is_party_word(w) or place_kind(w) == "demonym"
                   for w in words):
        return None
    end = run[-1].start + len(run[-1].bare)
    noun = outlet_noun(text, run[0].start, end, possessive=run[-1].possessive)
    if noun is None:
        return None
    return Name(text=" ".join(words), start=run[0].start, end=end, kind="media",
                reason=f"outlet noun '{noun}'", possessive=run[-1].possessive)


def outlet_noun(text: str, start: int, end: int, *, possessive: bool = False,
                after: bool = True) -> str | None:
    """An outlet noun written with the name at ``start:end``, or ``None``.

    The lower-case word or two right before the name (*told broadcaster X*, *the newspaper
    X*, *news agency X*), an apposition after it (*X, a public broadcaster,*, *X, Norway's
    biggest broadcaster,*), or, when ``after``, the noun right after it (*the X newspaper
    said*; not for a name already an organisation's: *the Y Party paper*).
    """
    before = _NOUNS_BEFORE_RE.search(text[max(0, start - 40):start])
    if before and (noun := next((n for n in (before.group(1), before.group(1).split()[-1])
                                 if is_outlet_noun(n)), None)):
        return noun
    if possessive:
        return None
    following = _NOUN_AFTER_RE.match(text, end)
    if after and following and fold_word(following.group(1)) in _AFTER_NOUNS:
        return following.group(1)
    return outlet_apposition(text, end)


def body_person(run: list[Token], text: str, found: Sequence[Name]) -> Name | None:
    """A person named right after an organisation's possessive: *the Fabian Society's X Y*.

    Two or three capitalised words, none a title, function word, organisation word or place,
    right after an organisation written as a possessive, and the subject of a speech verb (*X Y
    said*) or followed by a role in apposition. ``None`` otherwise (*Acme's Turbo Max sold*).
    """
    words = [t.bare for t in run]
    start, end = run[0].start, run[-1].start + len(run[-1].bare)
    owner = found[-1] if found else None
    if owner is None or owner.kind != "organization" or not owner.possessive or \
            not re.fullmatch(r"[’']s?\s", text[owner.end:start]) or not 1 < len(words) <= 3 \
            or not ((verb := re.match(r"\s+(?:\w+ly\s+|has\s+|had\s+)?([a-z]+)", text[end:]))
                    and is_speech_verb(verb.group(1)) or apposition(text, end)) or any(
                is_title(w) or is_function_word(w) or is_organisation_word(w) or place_kind(w)
                or not w[:1].isupper() for w in words):
        return None
    return Name(text=" ".join(words), start=start, end=end, kind="person",
                reason=f"named after '{owner.text}'s'", possessive=run[-1].possessive)


def apposed_body(run: list[Token], text: str) -> Name | None:
    """An organisation described by a body noun in apposition: *Allianz, a German insurer,*.

    The run is at most three words, none of them a title, a function word, a demonym or a
    place, and does not open with a given name (:func:`nameclues.body_apposition`).
    """
    words = [t.bare for t in run]
    end = run[-1].start + len(run[-1].bare)
    if len(words) > 3 or run[-1].possessive or first_name_gender(words[0]) or \
            place_kind(" ".join(words)) is not None or any(
                is_title(w) or is_function_word(w) or place_kind(w) for w in words):
        return None
    if re.search(r"\b(?:at|in|on|from|to|for|by|with|near|of|about)\s+$",
                 text[max(0, run[0].start - 8):run[0].start], re.IGNORECASE):
        return None  # "At Gatwick, the company said": a scene
    described = body_apposition(text, end)
    if described is None:
        return None
    return Name(text=" ".join(words), start=run[0].start, end=end, kind="organization",
                reason=f"apposition '{described}'")


def described_body(run: list[Token], text: str) -> Name | None:
    """An organisation named after a common noun for one: *drugmaker Norvia*, *music giant Q*.

    The word right before the run is a body noun of ``body_nouns.txt`` in lower case (*the
    firm Halden & Co*, *US rival Grey Global*) or a role word naming a company
    (:func:`~briefbook.analyse.nameclues.company_noun`: *analysts Ovum*, *developer Valve*),
    or capitalised because it opens the sentence
    (*Carmaker Jasper said …*, see :func:`body_noun_opener`); the run is at most three words,
    none of them a title, a function word or a demonym, not two words opening with a given
    name (*the group Rail Users Together* is a body: three words; *carmaker Jasper* is one, a
    given name alone, unless a possessive: *group Destiny's Child*; a sentence opening with a
    body noun that names no occupation, *Insurer Halvard Mutual*, has no object clause such
    as *the firm Ann Roe founded*, so two words may open with one), and it is not a place,
    nor cut short of a name going on (*group Transport 2000*, *group Victims of Crime*,
    *lender P&Q*).
    """
    before = re.search(r"(?:^|\s)([A-Za-z][\w-]*)\s$", text[max(0, run[0].start - 30):run[0].start])
    words = [t.bare for t in run]
    if before is None or not (is_body_noun(before.group(1).lower())
                              or company_noun(before.group(1))) or len(words) > 3 \
            or (before.group(1)[0].isupper() and not _opens_sentence(
                text, run[0].start - len(before.group(1)) - 1)) \
            or re.match(r" (?:\d|of\b)|\s?&", text[run[-1].start + len(run[-1].bare):]) \
            or place_kind(" ".join(words)) is not None \
            or (len(words) < 3 and first_name_gender(words[0])
                and (len(words) == 2 or run[-1].possessive)
                and not (before.group(1)[0].isupper() and not is_title(before.group(1)))) \
            or any(is_title(w) or is_function_word(w) or place_kind(w) == "demonym"
                   for w in words):
        return None
    if len(words) > 1 and not is_body_noun(before.group(1).lower()) and not any(
            is_organisation_word(w) for w in words):
        return None  # "partner Ifeoma Chukwu": after a company noun, a name of several words
        # is a company only with a word of one (*analysts Brightline Research Ltd*)
    end = run[-1].start + len(run[-1].bare)
    return Name(text=" ".join(words), start=run[0].start, end=end, kind="organization",
                reason=f"described as a '{before.group(1).lower()}'",
                possessive=run[-1].possessive)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at offset ``at`` opens its sentence (or paragraph)."""
    return bool(re.search(r"(?:^|[.!?][\"”’']?\s+|\n)$", text[max(0, at - 4):at])) if at else True


def body_noun_opener(run: Sequence[Token], text: str) -> bool:
    """A body noun capitalised only because it opens the sentence, before the body's name.

    *Carmaker Jasper said*, *Airline Skyvane cut jobs*, *Rival Sony*, *Analysts Brightline
    Research said*: the first word of the run is a body noun of ``body_nouns.txt`` or a
    :func:`~briefbook.analyse.nameclues.company_noun` that is no organisation word (*Union Carbide*,
    *Group Menatep* and *Bank Leumi* are names), and what follows is no person (*Producer
    Simon Cowell*, *Broadcaster Chris Evans*: a noun that is also an occupation, before a
    given name and a surname).
    """
    if len(run) < 2 or not run[0].initial or is_organisation_word(run[0].bare) \
            or not _opens_sentence(text, run[0].start):
        return False
    if company_noun(run[0].bare):  # "Analysts Ovum said"; not "Developer Ann Roe" nor the
        return not first_name_gender(run[1].bare) and not any(  # name "Tenants Union"
            is_organisation_word(t.bare) for t in run[1:])
    return is_body_noun(run[0].bare.lower()) and not (
        len(run) > 2 and first_name_gender(run[1].bare) and is_title(run[0].bare))


def which_body(run: list[Token], text: str) -> Name | None:
    """A name of several words followed by a relative *which*: a body, not a person.

    *The Rail Users Forum, which represents commuters, said*: English takes *who* for a
    person and *which* for a thing or a body, so the run is an organisation. Two words at
    least, none a title, not two words opening with a given name (*Ann Roe, which …* is a
    slip, left alone), not a place (*Greater Manchester*, a seat or region with a compass word
    or *Greater*: *Clwyd North West, which …*) and not a document (*the Road Safety Bill, which …*).
    """
    words = [t.bare for t in run]
    end = run[-1].start + len(run[-1].bare)
    if len(words) < 2 or not re.match(r",\s+which\b", text[end:]) or run[-1].possessive \
            or (len(words) == 2 and first_name_gender(words[0])) \
            or place_kind(" ".join(words)) is not None or is_document_word(words[-1]) \
            or fold_word(words[-1]) in word_list("legislation_words") \
            or any(fold_word(w) in ("north", "south", "east", "west", "greater") for w in words) \
            or any(is_title(w) or place_kind(w) == "demonym" for w in words):
        return None
    return Name(text=" ".join(words), start=run[0].start, end=end, kind="organization",
                reason="followed by 'which' (a body, not a person)")

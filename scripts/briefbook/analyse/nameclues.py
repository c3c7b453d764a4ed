"""The words around a name that say it is a person's: a role before it, an apposition.

*analyst Ann Roe*, *the minister for civil aviation Ann Roe*, *Ann Roe, a Republican
senator,*, *Ann Roe, 45,*, *The new chairman of the Bar Council, Ann Roe*, and a middle initial
with no stop (*Charles A Blixt*). Used by :mod:`briefbook.analyse.namefinder`; the word lists
are package data (``role_words.txt``, ``function_words.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.nametokens import Name, Token
from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    is_body_noun,
    is_function_word,
    is_not_surname,
    is_organisation_word,
    is_outlet_noun,
    is_party_word,
    is_relation_noun,
    is_role_word,
    is_speech_verb,
    is_strong_title,
    is_title,
    place_kind,
    word_list,
)

_APPOSITION_RE = re.compile(
    r"^,\s+(?:(?:a|an|the|its|his|her|their|who|now|then|former|aged|currently)\b|\d{2}\b"
    r"|(?=(?:[a-z][\w-]*\s+){1,2}(?:at|of|for|with)\s+[A-Z])"  # "X, chief analyst at Y,"
    r"|[A-Z][\w-]*(?:\s[A-Z][\w-]*)?[’']s\s(?=[a-z])"  # "X, Vessaly's chief negotiator,"
    r"|(?P<bare>(?=[a-z])))"  # "X, executive director of Y,": checked for a role word
    r"(?P<tail>[^,.;:]{0,80})")


def middle_initial(words: Sequence[str], index: int) -> bool:
    """A one-letter word between a given name and a surname: *Charles A Blixt*, no stop."""
    return 0 < index < len(words) - 1 and len(words[index]) == 1 and \
        words[index].isupper() and bool(first_name_gender(words[0]))


#: A role with its field in lower case right before a name: "the minister for civil
#: aviation X", "the secretary of state for health X".
ROLE_FIELD_RE = re.compile(r"\b(?P<role>[a-z][\w-]*)\s+(?:for|of)\s+(?P<field>(?:[a-z][\w-]*\s+"
                          r"){1,3})$")


def role_before(text: str, start: int) -> str | None:
    """A role written in lower case right before a name: ``… communications chief X``.

    Also a role and its field: ``the minister for civil aviation X`` (the field's words in
    lower case, none a function word or a role of its own).
    """
    words = re.findall(r"[\w’'.-]+", text[max(0, start - 60):start])
    if words and (field := ROLE_FIELD_RE.search(text[max(0, start - 60):start])) and \
            is_role_word(field.group("role")) and not any(
                is_function_word(w) or is_role_word(w) or is_strong_title(w)
                for w in field.group("field").split()):
        return field.group().strip()
    if not words or not text[:start].endswith(" ") or not (is_role_word(words[-1])
                                                           or is_strong_title(words[-1])):
        return None
    role: list[str] = []
    clause = re.split(r"[,;:!?\"“”«»()]", text[max(0, start - 60):start])[-1]
    for word in reversed(re.findall(r"[\w’'.-]+", clause)[-5:]):  # not back into a quotation
        if is_function_word(word) or word.endswith((",", ".")):
            break
        role.insert(0, word)
    return " ".join(role) or None


def names_one_person(role: str) -> bool:
    """Whether a role read by :func:`role_before` makes one capitalised word a person.

    *striker Drogba*, *singer Kenzie*, *his brother Ed*: the role's last word is a role or a
    relation in lower case, no :func:`company_noun` (*analysts Gartner*, *developer Valve*)
    and no award's category (*the best actress Oscar*).
    """
    words = role.split()
    last = words[-1] if words else ""
    return bool(last) and last.islower() and (is_role_word(last) or is_relation_noun(last)) \
        and not company_noun(last) and fold_word(words[0]) != "best"


def plural_role(role: str) -> bool:
    """Whether a role's last word is a plural (*German champions*, *analysts*): a body follows."""
    last = fold_word(role.split()[-1]) if role.split() else ""
    return last.endswith("s") and not last.endswith("ss") and is_role_word(last[:-1])


def company_noun(word: str) -> bool:
    """A role word that names a company before its name: *analysts Ovum*, *developer Valve*.

    A plural of a role word (*analysts*, *consultants*: people are named one by one) or a
    line of business of ``company_roles.txt``.
    """
    return fold_word(word) in word_list("company_roles") or plural_role(word)


def apposition(text: str, end: int) -> str | None:
    """An apposition with a role or an age right after a name: ``X, a Republican senator,``."""
    match = _APPOSITION_RE.match(text[end:])
    if not match:
        return None
    tail = match.group("tail")
    words = re.findall(r"[\w-]+", tail)
    if match.group("bare") is not None:  # it opens with its role: "chief economist at Y"
        opening = re.match(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])", tail)
        if opening and not re.search(r"\b(?:at|of|for|with|from|in|and)\s+$", opening.group()):
            return None  # "at Lake Amelia, economist Farah Lindqvist said": a new subject
        words = [w for w in words[:3] if w[:1].islower()]
        if not words or any(is_speech_verb(w) or fold_word(w) in word_list("verbs")
                            or w.endswith("ed") for w in words) \
                or not any(is_role_word(w) for w in words):
            return None  # "X, said Mr Roe's aide": a clause, not an apposition
    if re.match(r"^,\s+\d{2}\b", text[end:]) or any(is_role_word(w) or is_strong_title(w)
                                                     for w in words):
        return match.group().lstrip(", ").strip()
    return None


#: A sentence opening with a described role and a comma before a name: "The new chairman of
#: the Bar Council, X", "Its chief executive, X".
_DESCRIBED_BEFORE_RE = re.compile(
    r"(?:^|[.!?][\"”’']?\s+)(?P<desc>(?:The|Its|Their|His|Her|[A-Z][\w-]+[’']s)\s+"
    r"(?:[A-Za-z][\w&’'-]*\s+){0,4}"  # "The United Nations special envoy, X,"
    r"(?P<role>[a-z][\w-]*)(?:\s+(?:of|at|for)\s+(?:the\s+)?(?:[A-Z][\w&’'-]*\s*){1,5})?),\s+$")


def described_before(text: str, start: int) -> str | None:
    """A role described at the sentence's start, then a comma, right before a name."""
    found = _DESCRIBED_BEFORE_RE.search(text[max(0, start - 90):start])
    if found is None or not is_role_word(found.group("role")):
        return None
    return found.group("desc")


#: "X, from human rights group Liberty,": a person's affiliation after the name.
_FROM_RE = re.compile(r",\s+from\s+(?:the\s+)?(?P<what>(?:[a-z][\w-]*\s+){0,3}[\w&-]+"
                      r"(?:\s+[A-Z][\w&’'-]*){0,4}),")


def affiliation_after(text: str, end: int) -> str | None:
    """A body a name is *from*, between commas: ``X, from human rights group Liberty,``.

    The phrase holds a body noun or an organisation word (``body_nouns.txt``,
    ``organisation_words.txt``), or is a capitalised name: ``X, from the CBI,``.
    """
    found = _FROM_RE.match(text, end)
    if found is None:
        return None
    words = found.group("what").split()
    if any(is_body_noun(w) or is_organisation_word(w) for w in words) or all(
            w[:1].isupper() for w in words):
        return found.group("what")
    return None


#: "X, the world's biggest reinsurer,": a common noun for a body in apposition after a name.
_BODY_APPOSITION_RE = re.compile(
    r",\s+(?P<desc>(?:the|a|an|one)\s+(?:of\s+the\s+)?(?:[\w’'.-]+\s+){0,5}?"
    r"(?P<noun>[a-z][\w-]*?))(?:s)?(?=,|\.(?:\s|$))")


#: An apposition for an outlet may open with an owner too: "X, Norway's biggest broadcaster,".
_OUTLET_APPOSITION_RE = re.compile(
    r",\s+(?P<desc>(?:the|a|an|one|[A-Z][\w-]*[’']s)\s+(?:of\s+the\s+)?(?:[\w’'.-]+\s+){0,5}?"
    r"(?P<noun>[a-z][\w-]*?))(?:s)?(?=,|\.(?:\s|$))")


def body_apposition(text: str, end: int) -> str | None:
    """A body noun in apposition right after a name: ``Allianz, a leading German insurer,``.

    The apposition opens with an article (or *one of the*) and ends at a comma or a full
    stop (*At Gatwick, the company has written*: a scene, then the subject); its last word is
    a noun of ``body_nouns.txt`` (``insurer``, ``firm``) and none of its words is a role noun
    (*a lawyer for the firm*). Returns the apposition or ``None``.
    """
    match = _BODY_APPOSITION_RE.match(text[end:])
    if match is None or not is_body_noun(match.group("noun")):
        return None
    if any(is_role_word(w) for w in re.findall(r"[\w-]+", match.group("desc"))):
        return None
    return match.group("desc")


def service_body(words: Sequence[str]) -> bool:
    """Two words, a public service and a members' body: *Police Federation*, *Fire Union*.

    The first word is a title (*Police chief*) but also an organisation word, and the second
    heads a body of members (``member_bodies.txt``: *federation*, *association*, *union*), so
    the pair names one body, not a generic office (*Foreign Ministry*).
    """
    return len(words) == 2 and is_organisation_word(words[0]) and \
        fold_word(words[1]) in word_list("member_bodies")


def owner_of_person(run: Sequence[Token], after: Sequence[Token] | None, text: str) -> Name | None:
    """A one-word organisation written as the possessive of a full name: *Oxfam's Ann Roe*.

    A person is owned by a body, not by another person, unless a relation or role noun stands
    between (*Roe's wife Ann*, *Roe's aide Ian Lee*); so a single capitalised word with no title,
    given name, place, party or function word, written ``X's`` right before a given name and a
    surname (two or three words, no title), is an organisation. ``None`` otherwise.
    """
    if len(run) != 1 or not run[0].possessive or after is None or not 2 <= len(after) <= 3:
        return None
    word = run[0].bare
    if re.search(r"[A-Z][\w’'-]*\s+(?:of|on|for|and|in|against|de)\s+$",
                 text[max(0, run[0].start - 40):run[0].start]):
        return None  # "War on Want's Ann Roe": the end of a longer name
    if not re.fullmatch(r"[A-Z][a-z]{2,}", word) or not re.fullmatch(
            r"[’']s? ", text[run[0].start + len(word):after[0].start]) or first_name_gender(
                word) or is_title(word) or is_function_word(word) or place_kind(word) or \
            is_party_word(word) or is_not_surname(word) or fold_word(word) in word_list(
                "region_words") or not first_name_gender(after[0].bare) or any(
                    is_title(t.bare) or is_organisation_word(t.bare) for t in after):
        return None
    return Name(text=word, start=run[0].start, end=run[0].start + len(word),
                kind="organization", reason=f"owner of the person '{after[0].bare} …'",
                possessive=True)


def corporate_owner(run: Sequence[Token], text: str) -> Name | None:
    """A name written as the owner of a company's parts: *Harbour Rovers' board*, *X's shares*.

    A person has no board, shareholders or shares (``corporate_parts.txt``), so two or
    three capitalised words written as a possessive right before one of those words are an
    organisation, even when they hold a place (*Castleford United's board*): a club or firm
    named after its town. Not a place as a whole, nor a run with a strong title, given name or
    function word. ``None`` otherwise.
    """
    words = [t.bare for t in run]
    if not 2 <= len(words) <= 3 or not run[-1].possessive:
        return None
    end = run[-1].start + len(words[-1])
    part = re.match(r"[’']s?\s+([a-z]+)", text[end:])
    if part is None or fold_word(part.group(1)) not in word_list("corporate_parts") or \
            place_kind(" ".join(words)) is not None or first_name_gender(words[0]) or any(
                is_strong_title(w) or is_function_word(w) or not re.fullmatch(r"[A-Z][a-z]+", w)
                for w in words):
        return None
    return Name(text=" ".join(words), start=run[0].start, end=end, kind="organization",
                reason=f"owner of a company's '{part.group(1)}'", possessive=True)
def outlet_apposition(text: str, end: int) -> str | None:
    """An outlet noun in apposition right after a name: ``Kanal Vest, a public broadcaster,``.

    Shaped as :func:`body_apposition`, or opening with an owner (*Norway's biggest
    broadcaster*); its last word (or last two) is a noun of ``outlet_nouns.txt``. Returns the
    apposition or ``None``.
    """
    match = _OUTLET_APPOSITION_RE.match(text[end:])
    if match is None:
        return None
    desc = match.group("desc")
    last = re.findall(r"[\w-]+", desc)[-2:]
    return desc if is_outlet_noun(last[-1]) or is_outlet_noun(" ".join(last)) else None


_WHO_RE = re.compile(r",\s+who\b")
_REPORTED_HE_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\s+(?:that\s+)?"
                             r"(?P<pron>he|she|his|her)\b")


def reported_person(run: Sequence[Token], text: str) -> Name | None:
    """A name the grammar marks as a person's when the name data does not know it.

    Two or three capitalised words (none a title, function word, place, demonym, organisation
    or body word) followed by the relative *who* (*Tunde Bakare, who plays in Spain,*: English
    takes *who* for people, *which* for things) or by a speech verb and *he*/*she* (*Kwesi
    Appiah said he was happy*: the name is the pronoun's antecedent). British English also
    writes *who* after bands and teams, so a name ending in *s* (unless it opens with initials:
    *JP McManus, who*) or written after *the* (*the Scissor Sisters, who*) is left alone.
    ``None`` otherwise.
    """
    words = [t.bare for t in run]
    if not 2 <= len(words) <= 3 or run[-1].possessive or any(
            not w[:1].isupper() or is_title(w) or is_function_word(w) or place_kind(w)
            or is_organisation_word(w) or is_body_noun(w) or is_outlet_noun(w)
            or is_party_word(w) for w in words) or is_not_surname(words[-1]):
        return None
    end = run[-1].start + len(run[-1].bare)
    gender = None
    if _WHO_RE.match(text, end) and (not words[-1].endswith("s") or re.fullmatch(
            r"(?:[A-Z]\.?){1,3}", words[0])) and \
            not re.search(r"\b[Tt]he\s+$", text[max(0, run[0].start - 5):run[0].start]):
        reason = "followed by 'who'"  # not "the Scissor Sisters, who": a band or a team
    elif (said := _REPORTED_HE_RE.match(text, end)) and is_speech_verb(said.group("verb")):
        reason = f"'{said.group('verb')} {said.group('pron')}'"
        gender = "male" if said.group("pron") in ("he", "his") else "female"
    else:
        return None
    before = role_before(text, run[0].start)
    return Name(text=" ".join(words), start=run[0].start, end=end, kind="person",
                reason=reason, role=before or None, gender=gender)

"""Whether a name in a cue's subject holds the speaker's role rather than speaking itself.

*X's spokesman*, *a spokesman for X*, *a Treasury source* and *Morgan Stanley equity
strategist Y* name X (the Treasury, Morgan Stanley) as the one the speaker works for: X is the
**holder**, not the speaker. A role with its field (*the minister for civil aviation Ann Roe*)
is Ann Roe's own title, so she speaks. The word lists are package data: ``role_words.txt``,
``relation_nouns.txt``, ``function_words.txt``.
"""

from __future__ import annotations

import re

from briefbook.analyse.embedded import masked_gap
from briefbook.analyse.mentions import Mention
from briefbook.analyse.nameclues import ROLE_FIELD_RE
from briefbook.analyse.referents import Referents
from briefbook.core.lexicon import (
    fold_word,
    is_function_word,
    is_relation_noun,
    is_role_word,
    is_speech_verb,
    is_title,
)
from briefbook.core.quotemarks import SENTENCE_STOP_RE

_PREPOSITION_RE = re.compile(
    r"\S\s+(?:for|of|from|to|with|by|at|under|behind|against|about|on behalf of|told|tells|"
    r"asked)\s[^,;]*$", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w’'.-]+")
#: Roles whose holders speak for someone else (a *spokesman for* X is never X).
_STANDS_IN = ("spokes", "official", "source", "aide", "advis", "insider", "representative")
#: A subject opening with a scene, no comma: "Later at their poster launch …", "At the rally …".
#: A leading prepositional phrase up to a possessive name: "Ahead of ", "In response to Mr ".
_LEADING_PHRASE_RE = re.compile(r"\s*(?:[A-Z][a-z]+\s+(?:of|to|for|from|with|on)|In|On|At|After|"
                                r"Before|During|Following|Despite|Amid|Under|For|With)\s+"
                                r"(?:the\s+)?(?:[A-Z][\w.]*\s+)?")
_SCENE_RE = re.compile(r"\s*(?:(?:Later|Earlier|Then|Meanwhile|Afterwards)\s+)?"
                       r"(?i:at|on|in|during|after)\s")
#: "Morgan Stanley equity strategist Ann Roe": lower-case words ending in a role, then a name.
_MODIFIED_ROLE_RE = re.compile(r"\s+(?P<words>(?:[a-z][\w-]*\s+){1,3})(?=[A-Z])")


def titled_by_field(gap: str) -> bool:
    """Whether ``gap`` (the subject up to a person's name) ends with a role and its field.

    *the minister for civil aviation* is the title of the person named next; *a spokesman
    for*, *an aide to health secretary* (a stand-in, or a field holding a role of its own)
    are not: there the name holds the role.
    """
    found = ROLE_FIELD_RE.search(gap)
    return bool(found) and is_role_word(found.group("role")) and \
        not fold_word(found.group("role")).startswith(_STANDS_IN) and not any(
            is_function_word(w) or is_role_word(w) for w in found.group("field").split())


def modifies_role(text: str, end: int) -> bool:
    """A name right before lower-case words ending in a role and another name.

    *Morgan Stanley equity strategist Ann Roe*, *Acme chief economist Bo Li*: the first name
    is the employer (a modifier), the second the speaker.
    """
    found = _MODIFIED_ROLE_RE.match(text, end)
    if found is None:
        return False
    words = found.group("words").split()
    return is_role_word(words[-1]) and not any(is_function_word(w) for w in words)


def is_holder(refs: Referents, text: str, a: int, mention: Mention) -> bool:
    """A name that holds or is the object of the subject ``text[a:…]``: *X's aide*, *aide to X*.

    Args:
        refs: The source's mentions and actors.
        text: The paragraph's text.
        a: Where the subject starts.
        mention: A mention inside the subject.
    """
    owned = re.match(r"[’']s?\s", text[mention.end:mention.end + 3])
    if owned:  # "X's spokesman" is someone else; "X's statement" is X speaking
        head = re.findall(r"[\w-]+", text[mention.end + owned.end():mention.end + 60])[:3]
        if any(m.start == mention.end + owned.end() and refs.kind(m.actor) == "person"
               for m in refs.within(mention.paragraph, mention.end, mention.end + 60)):
            return True  # "Shareholders United's Sean Bones": Sean Bones speaks for it
        return any(is_role_word(w) or is_relation_noun(w)
                   or fold_word(w) in ("office", "camp", "team") for w in head) or (
            bool(_SCENE_RE.match(text[a:mention.start])) and _named_after(
                refs, text, mention, mention.end + owned.end())) or any(  # "In X's book Y is"
            refs.kind(m.actor) == "person" and re.fullmatch(  # "Acme's Ann Roe told": Ann Roe
                r"(?:\s*[a-z][\w-]*|\s*[A-Z][\w.]*)*?\s*",
                text[mention.end + owned.end() - 1:m.start])
            for m in refs.within(mention.paragraph, mention.end + 1, mention.end + 60)) or (
            _LEADING_PHRASE_RE.fullmatch(text[a:mention.start]) is not None
            and "," in text[mention.end:mention.end + 40])  # "Ahead of X's launch, a Y said"
    following = _WORD_RE.findall(text[mention.end:mention.end + 30])[:1]
    if following and is_role_word(following[0]) and not text[mention.end:].startswith(",") \
            and not following[0].isupper():  # "Ann Roe MP" is Ann Roe
        return True  # "a Treasury source", "a Downing Street spokesman": a modifier
    if modifies_role(text, mention.end) and any(
            refs.kind(m.actor) == "person" for m in refs.within(
                mention.paragraph, mention.end + 1, mention.end + 60)):
        return True  # "Acme chief economist Bo Li": Acme employs the speaker
    names = [(m.start, m.end) for m in refs.within(mention.paragraph, a, mention.start)]
    gap = masked_gap(text, a, mention.start, names)
    if refs.kind(mention.actor) == "person" and (titled_by_field(gap) or _SCENE_RE.match(
            gap) and (words := _WORD_RE.findall(gap)) and is_role_word(words[-1])):
        return False  # "the minister for civil aviation Ann Roe": her title; "Later at the
        # launch Tory co-chairman Ann Roe": the scene, then her title
    return bool(_PREPOSITION_RE.search(gap)) and \
        not any(refs.kind(m.actor) != "person" and not text[m.end:mention.start].strip()
                for m in refs.within(mention.paragraph, a, mention.start))  # "Chair of Y X"


def _named_after(refs: Referents, text: str, mention: Mention, at: int) -> bool:
    """Whether a person is named right after the possessive's noun (*X's book Mr Y*)."""
    noun = re.match(r"(?:[a-z][\w-]*\s+){1,2}", text[at:])
    return noun is not None and any(
        m.start == at + noun.end() and refs.kind(m.actor) == "person"
        for m in refs.within(mention.paragraph, at, at + noun.end() + 1))


_EPITHET_RE = re.compile(r"(?i:the) \S+ (?P<role>[a-z][\w-]*|[A-Z]{2,4}) (?!(?:of|for|at|with|to|"
                         r"from|in|on|and|or)\b)[a-z]")


def epithet(written: str) -> str:
    """The epithet opening a subject that runs on into its verb phrase, else ``written``.

    *the Tory leader will argue against …* → *the Tory leader*; *the Tory leader of the
    council* stays whole (the role's complement is part of the description).
    """
    found = _EPITHET_RE.match(written)
    if found is None or not is_role_word(found.group("role")):
        return written
    return written[:found.end("role")]


#: An epithet: *the Salford MP*, *the Norwich North MP*, *the Spectator editor*, *the
#: charity's director* (not an office alone: *the prime minister*).
_EPITHET_SHAPE_RE = re.compile(r"(?i:the) (?:[A-Z][\w-]+ ){1,3}(?:[a-z][\w-]+|[A-Z]{2,4})"
                               r"|(?i:the) [a-z]+[’']s [a-z][\w-]+")


#: A longer possessive epithet: "the political reform group's general secretary".
_OWNER_EPITHET_RE = re.compile(r"(?i:the) (?:[a-z][\w-]+ ){0,2}[a-z]+[’']s (?:[a-z][\w-]+ )?"
                               r"[a-z][\w-]+")


def owner_epithet(refs: Referents, written: str, paragraph: int) -> str | None:
    """The previous speaker that a body's possessive epithet stands for, or ``None``.

    *The Fabian Society's X said "…". The political reform group's general secretary told …*:
    the previous speaker, a person in the same paragraph written with no role of their own
    (a person with another role is someone else: *the bank's finance director* after *chief
    executive X*).
    """
    prev = refs.previous_speaker()
    if not _OWNER_EPITHET_RE.fullmatch(written) or prev is None or prev[0] != paragraph or \
            refs.kind(prev[1]) != "person":
        return None
    actor = refs.actors.get(prev[1])
    titles = ([r.title for r in actor.roles] if actor else []) + [
        t for m in refs.mentions if m.actor == prev[1] for t in refs._titles_near(m)]
    for m in refs.mentions:  # "The Harwick Bank chief executive, Nadia Bell,": her role
        para = refs.source.paragraph(m.paragraph) if m.actor == prev[1] else None
        if para is not None:
            titles.append(re.split(r"[.!?]\s", para.text[max(0, m.start - 60):m.start])[-1])
    if any(is_role_word(w) or is_title(w) for t in titles for w in t.split()):
        return None
    return prev[1]


def is_epithet(written: str) -> bool:
    """Whether the subject ``written`` opens with an epithet (:func:`epithet`)."""
    return bool(_EPITHET_SHAPE_RE.fullmatch(epithet(written)))


def plain_name(refs: Referents, actor: str, paragraph: int, since: int, at: int) -> bool:
    """Whether *it* may mean ``actor``, a person by its name's shape (*George Wimpey*).

    Only when no mention of the actor is written with an honorific or a title (*Mr*, *Sir*,
    *chief executive*), and nothing else is named in ``paragraph`` between ``since`` and
    ``at``: a firm named after its founder, speaking again.
    """
    for m in refs.mentions:
        if m.actor != actor:
            continue
        para = refs.source.paragraph(m.paragraph)
        lead = re.split(r"[.!?,;:]\s", para.text[max(0, m.start - 30):m.start]) if para else [""]
        before = _WORD_RE.findall(lead[-1])
        if (before and (is_title(before[-1]) or is_role_word(before[-1]))) or \
                any(is_title(w) for w in m.text.split()[:1]):
            return False
    return not [m for m in refs.within(paragraph, since, at) if m.actor != actor]




def reported_start(text: str, at: int, origin: int) -> int:
    """Where a pronoun's referents must end: before the reported words of its sentence.

    ``"…," he said`` after ``Acme is`` (*Acme is "trying to buy them off", he said*): a name
    in the sentence before its quotation is what was reported, not who *he* is, so the
    search stops where the sentence starts, unless the sentence leads the quotation in with a
    speech verb and a colon (*X said: "…," he said*). ``at`` is the quotation's opening,
    ``origin`` the pronoun's offset; a pronoun before its quotation keeps ``origin``.
    """
    if origin <= at:
        return origin
    starts = [m.end() for m in SENTENCE_STOP_RE.finditer(text) if m.end() <= at]
    start = starts[-1] if starts else 0
    lead = re.search(r"([a-z]+)\s*:\s*$", text[start:at])
    if lead and is_speech_verb(lead.group(1)):
        return at  # 'X said: "…," he said': the lead-in's subject is who "he" is
    return start

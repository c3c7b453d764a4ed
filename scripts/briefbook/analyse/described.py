"""Described subjects a pronoun can stand for, and quoted words that modify a noun.

Two readings used by :mod:`briefbook.analyse.attribution`:

- :func:`described_subject`: the sentence just before a pronoun opens with a described,
  unnamed person doing something (*The Treasury's chief economist declined to comment.*,
  *Prime Minister X's official spokesman refused to say …*); *He said: "…"* then means that
  person, not a name further back. The head must be a role word (``role_words.txt``) and be
  followed by a finite verb (``verbs.txt``, a speech verb, or a regular past tense).
- :func:`attributive_term`: a short quotation between a determiner and a noun (*a "yes"
  vote*, *the 'no' campaign*) names a thing; it is not something a speaker said.
- :func:`name_shaped`: a subject that reads as a proper name no actor has yet.
- :func:`plural_agents`: a subject that is an unnamed group of people (*Ecologists*, *policy
  makers in Europe*, *the men*): an anonymous description, never an actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    is_body_noun,
    is_function_word,
    is_not_surname,
    is_organisation_word,
    is_party_word,
    is_role_word,
    is_speech_verb,
    is_title,
    place_kind,
    word_list,
)
from briefbook.core.model import Source
from briefbook.core.quotemarks import SENTENCE_STOP_RE

_WORD_RE = re.compile(r"[\w’'.-]+")
_AUXILIARY = frozenset({"also", "has", "had", "have", "was", "is", "would", "will", "later",
                        "then", "earlier", "again", "today", "yesterday", "too"})
_OPENER_RE = re.compile(r"(?:(?:[A-Z][a-z]+\s+){1,3}[\w-]+,\s+|(?:But|And|Later|Then),?\s+)")


#: An aside between commas after a subject: a participle clause or a relative clause.
_ASIDE_RE = re.compile(r",\s+(?:who|which|[a-z]+ing|[a-z]+ed)\b[^,.;:!?\"“”]{0,80},\s+")


def _finite(word: str) -> bool:
    folded = fold_word(word)
    return is_speech_verb(word) or folded in word_list("verbs") or (
        folded.endswith("ed") and len(folded) > 4)


@cache
def _reporter_re() -> re.Pattern[str]:
    """A described subject right before a speech verb (``speech_verbs.txt``).

    *the spokesman said*, *a party official urged*, *The prime minister's official spokesman
    said* (not *minister* before *official*), also after a closing quotation mark, and *A
    Labour spokesman later said* (``later``/``earlier`` only after ``a``/``an``: *the
    minister later said* is most often a person named before).
    """
    verbs = "|".join(sorted(map(re.escape, word_list("speech_verbs")), key=len, reverse=True))
    return re.compile(
        r"(?:^|[.!?;,][\"”’']?\s+|[\"”]\s+|\b(?:[Bb]ut|[Aa]nd|[Ll]ater),?\s+)(?P<subj>(?:[Tt]he|[Aa]n?|[Oo]ur)\s+"
        r"(?:[\w’'-]+\s+){0,4}?(?P<role>[\w-]+))\s+(?:\w+ly\s+|also\s+|has\s+|had\s+|(?P<when>later|earlier)\s+)?"
        rf"(?:{verbs})\b(?![’'])")


def described_reporters(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The spans of described, unnamed subjects of a speech verb in ``text[a:b]``.

    The subject is ``the``/``a`` and up to five words ending with a role word
    (``role_words.txt``) right before the verb; whether a name is inside is for the caller.
    """
    for m in _reporter_re().finditer(text, a, b):
        if is_role_word(m.group("role")) and not (m.group("when") and m.group("subj")[:1] in "Tt"):
            # "A Labour spokesman later said"; "the minister later said" is often named
            yield m.start("subj"), m.end("subj")


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the quoted words replaced by spaces (offsets kept)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def sentence_before(text: str, at: int) -> tuple[int, int] | None:
    """The sentence of ``text`` ending before the one holding offset ``at``, if any."""
    ends = [m.end() for m in SENTENCE_STOP_RE.finditer(text) if m.end() <= at]
    if not ends:
        return None
    end = ends[-1]
    start = ends[-2] if len(ends) > 1 else 0
    return start, end


def last_sentence(text: str) -> tuple[int, int]:
    """The span of the last sentence of ``text``."""
    starts = [0] + [m.end() for m in SENTENCE_STOP_RE.finditer(text)]
    return starts[-1], len(text)


def group_subject(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of an unnamed plural group opening the sentence ``text[a:b]``.

    ``"Ministers rejected the claim."``, ``"Shop owners were angry."`` → the group a following
    *they* means (not a body named further back). A capitalised plural after the first word
    (*The Greens said*) is a name, not a group.
    """
    opener = _OPENER_RE.match(text, a, b)
    words = list(_WORD_RE.finditer(text, opener.end() if opener else a, b))[:5]
    for i, word in enumerate(words[1:], start=1):
        w = word.group()
        if "," in text[words[i - 1].end():word.start()]:
            return None
        if w[:1].islower() and _finite(w):
            head = words[i - 1].group()
            if not re.search(r"[^s]s$", head) or (i > 1 and head[:1].isupper()):
                return None
            return words[0].start(), words[i - 1].end()
    return None


def described_subject(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of a described, unnamed subject opening the sentence ``text[a:b]``.

    ``"On Monday, the minister's spokeswoman declined to comment."`` → ``the minister's
    spokeswoman``. ``None`` when the sentence opens otherwise (a name, a pronoun, a thing).
    """
    opener = _OPENER_RE.match(text, a, b)
    start = opener.end() if opener else a
    words = list(_WORD_RE.finditer(text, start, b))[:8]
    if not words:
        return None
    first = words[0].group()
    if fold_word(first) not in ("the", "a", "an", "our", "one"):  # "Our correspondent"
        owner = next((i for i, w in enumerate(words[:4]) if re.search(r"[’']s$", w.group())), None)
        if owner is None or not all(w.group()[:1].isupper() for w in words[:owner + 1]):
            return None  # "Prime Minister X's spokesman": a possessive name opens it
    for i, word in enumerate(words[1:], start=1):
        w = word.group()
        if "," in text[words[i - 1].end():word.start()]:
            # "An engineer at the plant, speaking on condition of anonymity, denied it":
            # an aside between commas, then the subject's verb; else an apposition or a
            # clause, not a plain described subject
            aside = _ASIDE_RE.match(text, words[i - 1].end(), b)
            verb = aside and _WORD_RE.match(text, aside.end(), b)
            head = i - 1
            if verb and verb.group()[:1].islower() and _finite(verb.group()) and head > 0 and (
                    _person_noun(words[head].group())
                    or _role_before_complement(words, head, _person_noun)):
                return words[0].start(), words[head].end()
            return None
        if w[:1].islower() and _finite(w) and not is_role_word(w):
            head = i - 1
            while head > 0 and (fold_word(words[head].group()) in _AUXILIARY
                                or words[head].group().endswith("ly")):
                head -= 1
            if head > 0 and (is_role_word(words[head].group())
                             or _role_before_complement(words, head)):
                return words[0].start(), words[head].end()
            return None
    return None


_COMPLEMENT_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with", "in", "on"})


def _person_noun(word: str) -> bool:
    """A role word, or a lower-case noun of an agent's shape (*physicist*, *dockhand*).

    In a described subject before an aside and a verb, only a person fits. The shape is an
    ending of ``agent_suffixes.txt``, not the *-ment* of a noun of result (*statement*).
    """
    folded = fold_word(word)
    return is_role_word(word) or (
        word.islower() and len(folded) > 5 and not folded.endswith("ment")
        and folded.endswith(tuple(word_list("agent_suffixes")))
        and folded not in word_list("not_agent_nouns"))


def _role_before_complement(words: Sequence[re.Match[str]], head: int,
                            role: Callable[[str], bool] = is_role_word) -> bool:
    """A role word followed by a prepositional complement ending at ``words[head]``.

    *A spokeswoman for the trust*, *a senior official at the ministry*, *the head of the
    union*: the role word governs the noun phrase after it, which names whom the person speaks
    for (the rule of English noun phrases: a post-modifying prepositional phrase). At most four
    words follow the preposition, and none of them is a preposition again.
    """
    for p in range(head - 1, 0, -1):
        if fold_word(words[p].group()) in _COMPLEMENT_PREPOSITIONS:
            return head - p <= 4 and role(words[p - 1].group())
    return False


def described_as_body(source: Source | None, name: str) -> bool:
    """Whether the article writes a body noun right before the one-word ``name``.

    *Satellite maker Orion*, *carmaker Velmar*, *the insurer Allmark*: the name is an
    organisation's, even when it is also a given name (*Orion*).
    """
    if source is None:
        return False
    pattern = re.compile(rf"\b([A-Za-z][a-z-]*)\s+{re.escape(name)}\b")
    return any(is_body_noun(m.group(1).lower()) for para in source.paragraphs
               for m in pattern.finditer(para.text))


def attributive_term(text: str, open_at: int, close_at: int) -> bool:
    """Whether the quotation ``text[open_at:close_at + 1]`` modifies the noun after it.

    One or two quoted words after ``a``/``an``/``the``/``of``/``its``/``their`` and before a
    lower-case word that is neither a function word nor a participle: *a "remain" vote*, *the
    ‘no’ camp*, *the impact of "compact" editions*.
    """
    inner = text[open_at + 1:close_at].strip()
    if not inner or len(inner.split()) > 2 or not re.search(
            r"(?:^|\s)(?:[Aa]n?|[Tt]he|of|its|their)\s+$", text[max(0, open_at - 7):open_at]):
        return False
    after = re.match(r"\s+([a-z][\w-]*)", text[close_at + 1:close_at + 30])
    if after is None:
        return False
    word = after.group(1)
    return not is_function_word(word) and not word.endswith(("ing", "ed", "ly")) and \
        not _finite(word)


def members_of(text: str, a: int, start: int, end: int, b: int) -> bool:
    """Whether the organisation named at ``text[start:end]`` only describes subject ``a:b``.

    *Some BP workers said*: a plural noun after the name ends the subject, so the workers
    speak, not BP; *Senior Tories said*: a word of ``group_descriptors.txt`` before a party
    describes some of its members. Neither is the organisation speaking.
    """
    head = re.fullmatch(r"\s+([a-z][\w-]+s)", text[end:b])
    if head and not is_speech_verb(head.group(1)):
        return True
    before = _WORD_RE.findall(text[a:start])
    return bool(before) and fold_word(before[-1]) in word_list("group_descriptors")


_OPENING_BODY_RE = re.compile(
    r"(?:The\s+)?(?P<name>[A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'’-]*){0,4})"
    r"\s+(?:(?:has|have|had|is|was|also|will|would)\s+)?[a-z][\w-]*\b")


def opening_body(text: str, a: int, b: int) -> str | None:
    """The organisation's name that opens the sentence ``text[a:b]`` as its subject, if any.

    What *it* in the next sentence refers to when no known actor does: *The TUC released
    figures. It said …*; *Oxfam has published a report. It argues …*. Only an acronym, one
    capitalised word that is no given name, or a longer name ending in an organisation word
    (``organisation_words.txt``) counts; a person, a place or an ordinary noun does not.
    """
    match = _OPENING_BODY_RE.match(text, a, b)
    if match is None:
        return None
    words = match.group("name").split()
    last = re.sub(r"(?<=[^s])s$", "", words[-1])
    if any(is_function_word(w) or is_title(w) and not w.isupper() for w in words) or \
            place_kind(match.group("name")) is not None:
        return None
    if len(words) == 1:
        plain = re.fullmatch(r"[A-Z][A-Za-z]+", words[0]) and not first_name_gender(words[0]) \
            and not is_organisation_word(last) and not is_not_surname(words[0])
        return words[0] if re.fullmatch(r"[A-Z][A-Z&]{1,6}", words[0]) or plain else None
    return match.group("name") if is_organisation_word(last) else None


def name_shaped(words: Sequence[str]) -> str | None:
    """A subject that reads as an unknown proper name (``Hollandr``, ``Zhou Xiaochuan``).

    Not a lone common noun opening the sentence: abstract (``Management said``:
    ``not_surnames.txt`` and its suffixes), a role or an organisation word (``Unions said``).
    """
    if len(words) > 1 and fold_word(words[0]) == "the":
        words = words[1:]  # "the OECD said"
    owner = max((i for i, w in enumerate(words[:-2]) if re.search(r"\w[’']s$", w)), default=-1)
    if owner >= 0 and all(w[:1].isupper() for w in words[:owner + 1]):
        words = words[owner + 1:]  # "the Reform Forum's Ann Roe said": Ann Roe
    if words and words[0][:1].isupper() and fold_word(" ".join(words)) in word_list(
            "seat_names") | word_list("party_names"):
        return " ".join(words)  # "Downing Street said", "Number 10", "the Social Democrats"
    caps = [w for w in words if w[:1].isupper()]
    if not caps or len(caps) != len(words) or len(words) > 4 or (
            fold_word(caps[0]) in word_list("group_descriptors")
            and any(is_party_word(w) for w in caps)):  # "Senior Tories": members, no name
        return None
    if len(caps) > 1 and is_organisation_word(caps[-1]) and not any(
            is_function_word(w) for w in caps):
        return " ".join(caps)  # "the Foreign Office", "the State Department": no title here
    while caps and ((is_title(caps[0]) and not re.fullmatch(r"[A-Z]{2,}", caps[0]))
                    or is_function_word(caps[0])):  # "BP" is no bishop
        caps = caps[1:]
    if not caps or any(is_function_word(w) or fold_word(w) in word_list("not_surnames")
                       for w in caps) or (len(caps) == 1 and (
                           is_not_surname(caps[0]) or is_role_word(caps[0])
                           or is_organisation_word(re.sub(r"(?<=[^s])s$", "", caps[0])))):
        return None
    return " ".join(caps)


_CLAUSE_END_RE = re.compile(
    r",|;|\s(?:adding|who|which|as|after|before|when|while|in an?|on|at|during|following|"
    r"speaking|told|telling|looking|saying|according)\b", re.IGNORECASE)
def clause_after(text: str, start: int, end: int) -> int:
    """Where a subject written after its verb ends: ``said the spokeswoman, adding …``."""
    match = _CLAUSE_END_RE.search(text, start, end)
    return match.start() if match else end


#: Plural nouns of people with no agent suffix.
_PEOPLE_PLURALS = frozenset({"men", "women", "people", "residents", "experts", "voters",
                             "campaigners", "activists", "critics", "economists", "insiders"})
_AUXILIARY_RE = re.compile(r"(?:\s+(?:are|were|have|had|will|would|also|now|been|all))+$")
_GROUP_CUT_RE = re.compile(r"\s(?:in|of|at|from|for|on|across|around|who|which|that|with|"
                           r"including|such)\b|,")


def plural_agents(written: str) -> str | None:
    """The description of a subject that is an unnamed group of people, else ``None``.

    *Ecologists*, *Labour strategists*, *Policy makers in Europe*, *the men*: the subject,
    cut before a preposition or relative clause, ends with a plural agent noun (an English
    agent suffix, ``agent_suffixes.txt``, plus *s*: *strategists*, *makers*) or a plural noun
    of people (*men*, *voters*), and holds no capitalised word but its first and party or
    place adjectives. Such a group speaks anonymously (it is never an actor). Source of the
    rule: English agentive derivation; a plural is a group, not one named speaker.
    """
    head_part = _GROUP_CUT_RE.split(written.strip(), maxsplit=1)[0].strip()
    head_part = _AUXILIARY_RE.sub("", head_part)  # "Ecologists are (warning)"
    words = head_part.split()
    if not words or len(words) > 4:
        return None
    head = fold_word(words[-1])
    if not words[-1].islower() and len(words) > 1:
        return None  # "the Greens", "Telecom analysts Ovum": a name ends it
    if any(w[:1].isupper() and not (i == 0 or is_party_word(w) or place_kind(w))
           for i, w in enumerate(words[:-1])):
        return None
    singular = head[:-1] if re.search(r"[^s]s$", head) else None
    agent = singular is not None and len(singular) > 4 and singular.endswith(tuple(
        word_list("agent_suffixes"))) and singular not in word_list("not_agent_nouns") and \
        not is_title(singular) and not is_role_word(singular)  # "the presidents": the roles' rules
    return head_part if agent or head in _PEOPLE_PLURALS else None

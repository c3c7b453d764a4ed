"""Dates belong to events: which date phrases of a sentence date what the sentence reports.

A date phrase either modifies a clause (an adverbial: "the embargo expired *on October 18,
2020*", "*In 2004* profits rose", "*2004* was a record year") or sits inside a name or a noun
phrase ("the *2015* agreement", "the *1973* War Powers Act", "*Euro 2004*", "the Act of
*1973*", "*Black Monday*"). Only the first kind dates an event. The rules read the words
around the phrase (no language model is needed; the rules are in :func:`phrase_role`):

- a year right after a temporal preposition ("in", "since", "by", "during" …) is an
  adverbial, whatever follows it;
- a year after a determiner or a possessive, or at the start of a noun phrase, and followed
  by a word that is not a verb, a conjunction or a preposition, is a modifier of that noun:
  part of a name ("the 2015 agreement", "a 2004 report", "2000 jobs");
- a year after a capitalised word that is not a preposition, a determiner or the sentence's
  first word is part of a name ("Euro 2004", "Vision 2030"); so is a year after "of"
  following a capitalised document noun (``core/data/name_nouns.txt``: "Act of 1973");
- a weekday after a capitalised name word (``core/data/date_name_words.txt``: "Black
  Monday") is a name;
- a year joined to an adverbial year by "and", "or", "to" or a comma shares its role ("in
  2003 and 2004").

A sentence without a finite verb (``core/data/verbs.txt``, or a word in ``-ed``) dates no
event: "Profits in 2004." is a heading, not a report. Each event phrase is attached to its
clause: the sentence is cut at semicolons, dashes and at commas or words that open a new
clause ("which", "while", "after" …); a clause without a verb ("On Monday,") is joined to
the clause it introduces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.analyse.dates import DatePhrase
from briefbook.core.wordlists import word_list

#: Prepositions after which a year is an adverbial of time.
TEMPORAL = frozenset(
    """
    in on at since by until till through throughout during from before after between for
    around circa within into toward towards as of from early late mid end start beginning
    half quarter since than
    """.split()
)
#: Words after which a year modifies the noun that follows it.
DETERMINERS = frozenset(
    """
    the a an its their his her our your my this that these those each every whose
    """.split()
)
#: Words that may follow an adverbial year (it then modifies the clause, not a noun).
_AFTER_ADVERBIAL = frozenset(
    """
    and or but nor to as when while after before than because though although if so that
    which who whom where with without against from for at on in of by into over under between
    among despite following amid until since compared versus vs
    """.split()
)
_LIST_JOINERS = frozenset({"and", "or", "to", ",", "&"})
_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'\u2019.-]*|[,;:()\"\u201c\u201d]")
_CLAUSE_CUT_RE = re.compile(
    r"\s*(?:;|\s[-\u2013\u2014]\s|\u2014)\s*"
    r"|,\s+(?=(?:and|but|while|whereas|which|who|although|though|after|before|when|as|"
    r"because|where|with|since|until|prompting|leaving|making|adding|saying)\b)"
    r"|\s+(?=(?:but|while|whereas|after|before|when|because|although|though)\s)")
_MONTH_OR_DAY = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())


@dataclass(frozen=True, kw_only=True)
class DatedClause:
    """One event a sentence reports, with the phrase that dates it.

    Attributes:
        phrase: The date phrase that dates the clause (resolved or not).
        clause: The clause as written (a part of the sentence).
        start: Offset of the clause in the sentence.
        end: Offset just past the clause.
        phrases: Every event phrase of the sentence with the same date (the first is
            ``phrase``).
    """

    phrase: DatePhrase
    clause: str
    start: int
    end: int
    phrases: tuple[DatePhrase, ...]


def _words_before(sentence: str, start: int, count: int = 2) -> list[str]:
    return _WORD_RE.findall(sentence[:start])[-count:]


def _word_after(sentence: str, end: int) -> str:
    found = _WORD_RE.findall(sentence[end:end + 40])
    return found[0] if found else ""


def is_verb(word: str) -> bool:
    """Whether a word is a finite verb or auxiliary (list or a regular ``-ed``/``-s`` form)."""
    lower = word.lower().strip(".'\u2019")
    if lower in word_list("verbs") or lower.endswith(("n't", "n\u2019t")):
        return True
    return word.islower() and len(lower) > 4 and lower.endswith("ed")


def has_verb(text: str) -> bool:
    """Whether ``text`` holds a finite verb (see :func:`is_verb`) or a verb in ``-ing``."""
    return any(is_verb(w) or (w.islower() and len(w) > 5 and w.endswith("ing"))
               for w in _WORD_RE.findall(text))


def phrase_role(sentence: str, phrase: DatePhrase,
                previous: tuple[DatePhrase, str] | None = None) -> tuple[str, str]:
    """Whether a phrase dates an event of ``sentence`` (``event``) or is in a name (``name``).

    Args:
        sentence: The sentence the phrase was found in (offsets are into it).
        phrase: The phrase.
        previous: The previous phrase of the sentence and its role, for lists of years.

    Returns:
        ``(role, cue)``: the role and the words that decided it.
    """
    before = _words_before(sentence, phrase.start)
    w1 = before[-1] if before else ""
    w2 = before[-2] if len(before) > 1 else ""
    after = _word_after(sentence, phrase.end)
    if phrase.pattern in ("weekday", "dayword"):
        return _day_role(sentence, phrase, w1, after)
    if phrase.pattern != "year":
        return "event", ""
    if previous is not None and w1.lower() in _LIST_JOINERS \
            and sentence[previous[0].end:phrase.start].strip(" ,") in ("", "and", "or", "to",
                                                                     "&"):
        return previous[1], f"listed with {previous[0].text}"
    lower1 = w1.lower()
    if lower1 in TEMPORAL and not (lower1 == "of" and w2[:1].isupper()):
        return "event", f"{w1} {phrase.text}"
    if lower1 == "of" and w2 in word_list("name_nouns"):
        return "name", f"{w2} of {phrase.text}"
    if lower1 == "of" and w2[:1].isupper() and w2.lower() not in _MONTH_OR_DAY:
        return "name", f"{w2} of {phrase.text}"
    first_word = not before or sentence[:phrase.start].strip(" \"'\u201c\u2018(") == ""
    if w1[:1].isupper() and not first_word and lower1 not in DETERMINERS \
            and lower1 not in _MONTH_OR_DAY and w1 not in ('"', "\u201c"):
        return "name", f"{w1} {phrase.text}"
    if after and after[:1].isalpha() and not is_verb(after) \
            and after.lower() not in _AFTER_ADVERBIAL:
        return "name", f"{phrase.text} {after}"
    return "event", ""


def _day_role(sentence: str, phrase: DatePhrase, w1: str, after: str) -> tuple[str, str]:
    """The role of a weekday or day word: in a name ("Black Monday", "the Today programme").

    Names: after a name word of ``core/data/date_name_words.txt``, a capitalised "Today"
    inside a sentence, and a weekday between a possessive (or a determiner) and a noun
    ("GMTV's Sunday programme", "the Sunday Times").
    """
    if phrase.text.lower().startswith(("next", "last", "this", "coming")):
        return "event", ""
    if w1 in word_list("date_name_words"):
        return "name", f"{w1} {phrase.text}"
    first_word = sentence[:phrase.start].strip(" \"'\u201c\u2018(") == ""
    if phrase.pattern == "dayword" and phrase.text[:1].isupper() and not first_word:
        return "name", f"{phrase.text} (capitalised)"
    noun_follows = after[:1].isalpha() and not is_verb(after) \
        and after.lower() not in _AFTER_ADVERBIAL and not phrase.text.endswith(("'s", "\u2019s"))
    possessive = w1.endswith(("'s", "\u2019s"))
    if noun_follows and (possessive or (w1.lower() in DETERMINERS and after[:1].isupper())):
        return "name", f"{w1} {phrase.text} {after}"
    return "event", ""


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """Clauses of a sentence as spans; a verbless piece is joined to the next (or previous)."""
    cuts = [0]
    for match in _CLAUSE_CUT_RE.finditer(sentence):
        if match.start() > cuts[-1]:
            cuts.append(match.start())
    cuts.append(len(sentence))
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if sentence[a:b].strip()]
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in pieces:
        a = pending if pending is not None else a
        if not has_verb(sentence[a:b]):
            pending = a
            continue
        pending = None
        merged.append((a, b))
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(sentence))
        else:
            merged.append((pending, len(sentence)))
    return merged


def _key(phrase: DatePhrase) -> tuple[str, ...]:
    if phrase.date is not None:
        return (phrase.date, str(phrase.precision), phrase.end_date or "")
    return ("?", " ".join(phrase.text.lower().split()))


def dated_clauses(sentence: str, phrases: list[DatePhrase] | tuple[DatePhrase, ...],
                  ) -> tuple[list[DatedClause], list[tuple[DatePhrase, str]]]:
    """The events a sentence dates, and the phrases left out as parts of names.

    Args:
        sentence: One sentence.
        phrases: Its date phrases (:func:`briefbook.analyse.dates.find_dates` of it).

    Returns:
        ``(clauses, names)``: one :class:`DatedClause` per distinct date of an event phrase,
        in text order (none when the sentence has no finite verb), and each phrase found to
        be part of a name with the words that decided it.
    """
    names: list[tuple[DatePhrase, str]] = []
    events: list[DatePhrase] = []
    previous: tuple[DatePhrase, str] | None = None
    for phrase in sorted(phrases, key=lambda p: p.start):
        role, cue = phrase_role(sentence, phrase, previous)
        previous = (phrase, role)
        if role == "name":
            names.append((phrase, cue))
        else:
            events.append(phrase)
    if not events or not has_verb(sentence):
        return [], names
    spans = clause_spans(sentence) or [(0, len(sentence))]
    grouped: dict[tuple[str, ...], list[DatePhrase]] = {}
    for chain in _appositions(sentence, events):
        dating = max(chain, key=lambda p: (p.resolved, p.pattern in _DAYS,
                                           _FINER.get(p.grain or "", 0), -chain.index(p)))
        grouped.setdefault(_key(dating), []).extend(
            [dating, *(p for p in chain if p is not dating)])
    clauses = []
    for same in grouped.values():
        first = same[0]
        a, b = next(((a, b) for a, b in spans if a <= first.start < b), spans[-1])
        clauses.append(DatedClause(phrase=first, clause=sentence[a:b].strip(" ,;-\u2013\u2014"),
                                   start=a, end=b, phrases=tuple(same)))
    return sorted(clauses, key=lambda c: c.phrase.start), names


_FINER = {"day": 3, "month": 2, "year": 1}
_DAYS = frozenset({"md", "dm", "mdy", "dmy"})
_APPOSITION_RE = re.compile(r"^[\s,]*(?:the\s+)?$")


def _appositions(sentence: str, events: list[DatePhrase]) -> list[list[DatePhrase]]:
    """Event phrases in chains of apposition, which give one date.

    A weekday and a day of the month side by side ("next Thursday, 4 November", "on Monday,
    January 18") are one date; a list of years is not.
    """
    chains: list[list[DatePhrase]] = []
    for phrase in events:
        kinds = {chains[-1][-1].pattern, phrase.pattern} if chains else set()
        if len(kinds & {"weekday", "dayword"}) == 1 and len(kinds & _DAYS) == 1 \
                and _APPOSITION_RE.match(sentence[chains[-1][-1].end:phrase.start]):
            chains[-1].append(phrase)
        else:
            chains.append([phrase])
    return chains

"""Who *the chancellor*, *the minister* or *it* is when the article never wrote them by name.

News copy names a person once and then calls them by their office: *Gordon Roe has issued a
rallying cry … The chancellor said …*, *Education Secretary Ann Lee … The minister also
confirmed …*. When :meth:`~briefbook.analyse.referents.Referents.role_holder` finds nobody
who was given the office by name, a definite office subject (``the`` and at most two lower-case
words before an office of ``office_words.txt``: *the chancellor*, *the new prime minister*)
means the one person named before it who fits: a person written with another office (*Tory
leader X* is no *chancellor*) or with a qualifier the subject lacks (``role_qualifiers.txt``:
*shadow chancellor X*) does not; an office marked ``general`` there (*the minister*, *the
MP*) fits any other office-holder. Two fitting people, or none, and the subject stays an
anonymous description.

:func:`aged_person` reads an age epithet: *the 52-year-old* is the one person written with that
age (*Ann Roe, 52,*, *52-year-old Ann Roe*).

:func:`document_holder` lets *it* mean an organisation named as the author of a document
that opens the sentence before it (*the NIESR report was optimistic … It said*).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from briefbook.analyse.mentions import Mention
from briefbook.analyse.referents import Referents, qualifiers_fit, title_words
from briefbook.core.lexicon import (
    fold_word,
    is_document_word,
    is_function_word,
    is_role_word,
    is_speech_verb,
    word_list,
)
from briefbook.core.quotemarks import SENTENCE_STOP_RE

_DEFINITE_RE = re.compile(r"(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<office>[A-Za-z][\w-]*)"
                          r"(?:\s+[a-z][\w-]*)?")


@cache
def offices() -> dict[str, bool]:
    """Office word → whether it is general (``office_words.txt``; folded)."""
    text = resources.files("briefbook.core").joinpath("data", "office_words.txt") \
        .read_text("utf-8")
    found: dict[str, bool] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            found[fold_word(fields[0])] = fields[1:2] == ["general"]
    return found


def office_holder(refs: Referents, paragraph: int, at: int, written: str) -> str | None:
    """The one person named before ``at`` that a definite office subject means, or ``None``.

    Args:
        refs: The article's mentions and actors.
        paragraph: The paragraph of the subject.
        at: Offset of the subject (or of its quotation) in that paragraph.
        written: The subject as written (``The chancellor``, ``the new prime minister``).
    """
    match = _DEFINITE_RE.fullmatch(written.strip())
    if match is None:
        return None
    words = sorted(title_words(" ".join(written.split()[1:])))
    known = offices()
    held = [w for w in words if w in known]
    if not held or any(w[:1].isupper() for w in written.split()[1:]
                       if fold_word(w) not in known and not is_role_word(w)):
        return None  # "the Treasury minister": a modifier names someone else's office
    people = [m for m in refs.before(paragraph, at) if refs.kind(m.actor) == "person"]
    specific = [w for w in held if not known[w]]
    stems = [w.rstrip("s")[:7] for w in specific]
    past = set(words) & word_list("past_qualifiers")

    def fits(person: str) -> bool:
        actor = refs.actors.get(person)
        titles = [r.title for r in actor.roles] if actor else []
        titles += [t for m in people if m.actor == person for t in refs._titles_near(m)]
        held = {w for t in titles for w in title_words(t)}
        if not qualifiers_fit(set(words), held):
            return False  # "shadow chancellor X" is not "the chancellor", nor Y "the former"
        if past:
            return True  # "former civil service chief X" … "the former cabinet secretary"
        return not specific or not [
            w for w in held if w in known and not known[w] and w not in words
            and not any(w.startswith(stem) for stem in stems)]

    candidates = {m.actor for m in people if fits(m.actor)}
    return candidates.pop() if len(candidates) == 1 else None


def reporter_holder(refs: Referents, paragraph: int, at: int, written: str) -> str | None:
    """The person a described reporter between a quotation and *he* means, if named.

    *The chancellor said … He added*: the office's holder (:func:`office_holder`); *The
    Tory co-chairman attacked … he said*: the one person given that role
    (:meth:`~briefbook.analyse.referents.Referents.role_holder`); *The Tory spokesman also
    criticised … he said* right after a person spoke: that person, as an epithet
    (:meth:`~briefbook.analyse.referents.Referents.described`). ``None`` leaves the reporter
    anonymous (*The prime minister's official spokesman said … he added*).
    """
    words = written.split()
    role = next((w for w in reversed(words) if is_role_word(w)), None)
    if role is None:
        return None
    return office_holder(refs, paragraph, at, written) or refs.role_holder(
        paragraph, at, written, role, words) or (
        refs.described(paragraph, at) if re.fullmatch(r"(?i:the) [A-Z][\w-]+ [a-z][\w-]*",
                                                      written) else None)


#: Roles whose holder speaks for someone else: never the person named next.
_STANDS_IN = ("spokes", "official", "source", "aide", "advis", "insider")
#: A description that introduces someone: "a", "an", "its", "their", "Scotland's".
_INDEFINITE_RE = re.compile(r"(?i:an?|its|their)\s|[A-Z][\w-]+[’']s\s+[a-z]")
#: A time phrase opening a subject with no comma: "This week a judge", "On Monday a minister".
_TIME_OPENER_RE = re.compile(r"^(?:(?:This|Last|Earlier|Later)\s+(?:week|month|year|weekend|"
                             r"morning|afternoon|evening)|On\s+[A-Z][a-z]+day)\s+")


def introduced_person(refs: Referents, paragraph: int, at: int, written: str) -> str | None:
    """The person a lead's indefinite description turns out to be, named in the next sentence.

    News leads describe and then name: *…, a Home Office minister has said. Ann Roe said …*.
    An introducing description (``a``/``an``, ``its``/``their`` or a possessive name:
    *Scotland's justice minister*; a role word that is no stand-in such as *spokesman* or
    *official*) in the article's first paragraph (past it, only when that person holds the
    same title: *a judge claimed …. Judge X QC …*) means the person who opens
    the next sentence (after titles, at most three words) with a verb right after the name
    (*Ann Roe said*, *Ann Roe met …*), unless that person is written with another role
    (*Chancellor X*).
    ``None`` otherwise: *a senior official said. Minister X said* are two people.
    """
    written = _TIME_OPENER_RE.sub("", written)  # "This week a judge claimed …"
    words = written.split()
    role = next((w for w in reversed(words) if is_role_word(w)), None)
    lead = next((p.number for p in refs.source.paragraphs
                 if not p.boilerplate and p.role is None), None)
    para = refs.source.paragraph(paragraph)
    if para is None or len(words) > 6 or role is None or \
            not _INDEFINITE_RE.match(written) or fold_word(role).startswith(_STANDS_IN):
        return None
    end = SENTENCE_STOP_RE.search(para.text, at)
    host, start = (para, end.end()) if end else (refs.source.paragraph(paragraph + 1), 0)
    if host is None:
        return None
    first = next((m for m in refs.within(host.number, start, len(host.text))), None)
    if first is None or refs.kind(first.actor) != "person" or len(
            host.text[start:first.start].split()) > 3 or any(
            w[:1].islower() for w in host.text[start:first.start].split()):
        return None
    verb = re.match(r"(?:\s+[A-Z]{2,4}\b)?\s+(?:\w+ly\s+|has\s+|had\s+|also\s+)?([a-z]+)\b",
                    host.text[first.end:])  # "Ann Roe QC made": letters after the name
    actor = refs.actors.get(first.actor)
    titles = ([r.title for r in actor.roles] if actor else []) + refs._titles_near(first)
    held = [fold_word(w) for t in titles for w in t.split() if is_role_word(w)]
    stem = fold_word(role).rstrip("s")[:7]
    if held and not any(w.startswith(stem) for w in held):
        return None  # "an education minister … Chancellor X said": someone else
    if paragraph != lead and not held:
        return None  # past the lead, only the same title: "a judge claimed …. Judge X QC …"
    return first.actor if verb and (is_speech_verb(verb.group(1))
                                    or not is_function_word(verb.group(1))) else None


def document_holder(refs: Referents, mention: Mention) -> bool:
    """An organisation named as the author of a document that is its sentence's subject.

    *The NIESR report was optimistic. It said …*, *The CBI's survey found …*: ``the``, the
    name (or its possessive) and a document word (``document_words.txt``) open the sentence
    or its main clause (after a comma), so a following *it* means the organisation.
    """
    para = refs.source.paragraph(mention.paragraph)
    if para is None:
        return False
    after = re.match(r"(?:[’']s)?((?:\s+[a-z]+){1,2})\b", para.text[mention.end:])
    return bool(after and any(is_document_word(w) for w in after.group(1).split())
                and re.search(r"(?:^|[.,;]\s+)(?:[Tt]he\s+)?$", para.text[:mention.start]))


_AGE_EPITHET_RE = re.compile(r"(?i:the)\s+(?P<age>\d{1,3})-year-old(?:\s+[a-z][\w-]*){0,2}")


_AGE_AFTER_RE = re.compile(r",?\s*(?:aged\s+|\()?(?P<age>\d{1,3})\b(?!-)")
_AGE_BEFORE_RE = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+(?:[\w’'-]+\s+){0,3}$")


def stated_age(refs: Referents, mention: Mention) -> str | None:
    """The age written with a person's mention, as digits, or ``None``.

    Right after the name (*Ann Roe, 52,*, *Ann Roe (52)*, *Ann Roe, aged 52*) or before it,
    up to three words away (*52-year-old former minister Ann Roe*).
    """
    para = refs.source.paragraph(mention.paragraph)
    if para is None or refs.kind(mention.actor) != "person":
        return None
    found = _AGE_AFTER_RE.match(para.text, mention.end) or _AGE_BEFORE_RE.search(
        para.text[:mention.start])
    return found.group("age") if found else None


def aged_person(refs: Referents, paragraph: int, at: int, written: str) -> str | None:
    """The one person named before ``at`` with the age of an epithet (*the 52-year-old*).

    The age is the one :func:`stated_age` reads with a mention. ``None`` when ``written`` is
    no age epithet or no single person has that age.
    """
    match = _AGE_EPITHET_RE.fullmatch(written.strip())
    if match is None:
        return None
    found = {m.actor for m in refs.before(paragraph, at)
             if stated_age(refs, m) == match.group("age")}
    return found.pop() if len(found) == 1 else None

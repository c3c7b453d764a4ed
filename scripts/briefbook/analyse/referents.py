"""What a described subject of a cue refers to: a role's holder, an epithet's person, a body.

The holder of *the spokeswoman*, the person of *the Salford MP*, the organisation behind *the
firm* or *the report*.
:class:`Referents` holds one source's mentions (those inside quotations left out) and answers
for :class:`~briefbook.analyse.attribution.Attributor`, which adds pronouns and the reading of a
whole subject. The word lists are package data: ``role_words.txt``, ``document_words.txt``,
``body_nouns.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefbook.analyse.described import last_sentence, mask, opening_body, sentence_before
from briefbook.analyse.embedded import after_reporting_verb
from briefbook.analyse.mentions import Mention
from briefbook.core.lexicon import (
    fold_word,
    honorific_gender,
    is_agent_noun,
    is_body_noun,
    is_document_word,
    is_function_word,
    is_role_word,
    is_speech_verb,
    is_title,
    opens_clause,
    place_kind,
    word_list,
)
from briefbook.core.model import Actor, Paragraph, Source
from briefbook.core.quotemarks import SENTENCE_STOP_RE


def title_words(title: str) -> set[str]:
    """The folded words of a title, each compound also split.

    ``Tory co-chairman`` → ``tory``, ``co-chairman``, ``co``, ``chairman``; a past qualifier
    (``past_qualifiers.txt``: ``ex``, ``erstwhile``) also gives ``former``.
    """
    found: set[str] = set()
    for word in re.findall(r"[\w-]+", title):
        folded = fold_word(word)
        found |= {folded, *folded.split("-")} - {""}
    return found | ({"former"} if found & word_list("past_qualifiers") else set())


def qualifiers_fit(own: set[str], title: set[str]) -> bool:
    """Whether a description's qualifiers and a title's agree (``role_qualifiers.txt``).

    A title with a qualifier the description lacks is another office (*shadow chancellor X*
    is not *the chancellor*), and so is a title without one the description has (*Culture
    Secretary Y* is not *the shadow culture secretary*). Both are :func:`title_words` sets.
    """
    past = word_list("past_qualifiers")
    qualifiers = word_list("role_qualifiers") - past | {"former"}
    return not (title & qualifiers) - own and not (own & qualifiers) - title


#: A described subject opening a sentence before a name in apposition: "But the party's
#: shadow home secretary, ".
_APPOSED_RE = re.compile(r"\s*(?:(?:But|And|However|Meanwhile),?\s+)?(?:[Tt]he|[Ii]ts|[Hh]is|"
                         r"[Hh]er|[Tt]heir|(?:[A-Z][\w.]*\s+)?[A-Z][\w-]*[’']s)\s+"
                         r"(?:[\w’'-]+\s+){0,5}[\w-]+,\s+")
#: The agent of a passive right before a name: "was welcomed by shadow secretary ", "will be
#: played by ", "has been chosen by"; not a present one, which states a fact ("is made by").
_AGENT_RE = re.compile(r"\b(?:was|were|(?:has|have|had|will|would|may|could) be(?:en)?|"
                       r"is being|was being)\s+(?:\w+ly\s+)?[a-z]+\s+by\s+"
                       r"(?:[A-Za-z][\w’'-]*\s+){0,4}$")
#: A noun phrase opening the sentence, a comma, then up to four words of a role: the name
#: after them is in apposition to the subject ("His deputy, health minister ").
_ROLE_APPOSED_RE = re.compile(r"(" + _APPOSED_RE.pattern + r")((?:[\w’'-]+\s+){1,4})")


def _role_apposition(before: str) -> bool:
    """Whether ``before`` (the sentence up to a name) is *The X, role words* of the subject.

    The apposition's words are a role (*Labour group leader*, *deputy health minister*): the
    last is a role word and none is a function word, a participle or an adverb, so *The report,
    written by economist* (a clause) is not one.
    """
    m = _ROLE_APPOSED_RE.fullmatch(before)
    if m is None:
        return False
    words = m.group(2).split()
    return is_role_word(words[-1]) and not any(
        is_function_word(w) or re.search(r"(?:ed|ing|ly)$", w) for w in words)


#: A noun phrase opening the sentence, a comma, then titles or capitalised words right before
#: a name: "His co-author, Dr ", "The firm's chairman, Sir ".
_TITLED_APPOSED_RE = re.compile(r"(" + _APPOSED_RE.pattern + r")((?:[\w.’'-]+\s+){0,4})")


def apposed_opener(before: str, after: str) -> bool:
    """Whether a name between ``before`` and ``after`` is in apposition to the subject.

    ``before`` is its sentence up to the name and ``after`` the text right after it: *His
    co-author, Dr Ann Roe, was more cautious* (a determiner or possessive and up to six words,
    a comma, titles, role or capitalised words, the name, a comma and a lower-case verb). The
    name and the noun phrase are one subject (an appositive renames the noun it follows).
    """
    m = _TITLED_APPOSED_RE.fullmatch(before)
    verb = re.match(r",\s+(?:\w+ly\s+)?([a-z]+)\b", after)
    return bool(m and verb) and not re.fullmatch(
        r"and|or|nor|of|who|whose|which|that|to|in|at|for|from|with|as|the|a|an",
        verb.group(1)) and all(  # type: ignore[union-attr]
        not is_function_word(w) and (is_title(w) or is_role_word(w) or w[:1].isupper())
        for w in m.group(2).split())  # type: ignore[union-attr]


#: A possessive proper name of two to four capitalised words opening a sentence (*Acme
#: Rovers' reply*, *Northern Dairy's board*).
_STRANGER_RE = re.compile(r"(?:[A-Z][\w&-]*\s+){1,3}[A-Z][\w&-]*(?:[’']s\b|s[’'](?!\w))")


class Referents:
    """One source's mentions and the referents of described subjects."""

    def __init__(self, source: Source, mentions: Sequence[Mention], actors: dict[str, Actor],
                 masked: dict[int, list[tuple[int, int]]]) -> None:
        self.source = source
        self.actors = actors
        self.masked = masked
        self.mentions = sorted(
            (m for m in mentions
             if not any(a <= m.start < b for a, b in masked.get(m.paragraph, []))),
            key=lambda m: (m.paragraph, m.start))

    def sentence_before_at(self, para: Paragraph,
                           at: int) -> tuple[Paragraph, str, tuple[int, int]] | None:
        """The sentence before offset ``at`` (else the previous paragraph's last), masked."""
        host, span = para, sentence_before(para.text, at)  # a quotation's stop ends one too
        if span is None:
            host = self.source.paragraph(para.number - 1)  # type: ignore[assignment]
            if host is None or host.boilerplate or re.search(r"[.!?]", para.text[:at]):
                return None
            span = last_sentence(host.text)
        return host, mask(host.text, self.masked.get(host.number, [])), span

    def named_body_before(self, paragraph: int, at: int) -> str | None:
        """The organisation whose name opens a sentence just before ``at``, if any.

        For *the company added* when no known actor is that body: the sentences before ``at``
        in this paragraph, then the previous paragraph's, nearest first, each read with
        :func:`~briefbook.analyse.described.opening_body` and :meth:`proper`. ``None`` when
        none opens with an organisation's name.
        """
        for number in (paragraph, paragraph - 1):
            para = self.source.paragraph(number)
            if para is None or para.boilerplate:
                continue
            text = mask(para.text, self.masked.get(number, []))
            end = at if number == paragraph else len(text)
            starts = [0] + [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+", text[:end])]
            for start in reversed(starts):
                if start < end and (name := opening_body(text, start, end)) and \
                        self.proper(name) and any(is_speech_verb(w) for w in re.findall(
                            r"[a-z]+", text[start:end].split(name.split()[-1], 1)[-1])[:3]):
                    return name  # "EMI has warned …. "…," the company added"
        return None

    def proper(self, name: str) -> bool:
        """Whether a one-word ``name`` is never written in lower case in the article.

        A name, not a sentence-initial common noun (*Sales in January were weak*).
        """
        return " " in name or name.isupper() or not any(
            re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", p.text)
            for p in self.source.paragraphs)

    def previous_speaker(self) -> tuple[int, str] | None:
        """The paragraph and actor id of the previous speaker (none here; see subclasses)."""
        return None

    def _possessive(self, mention: Mention) -> bool:
        """A mention written as a possessive (*X's spokesman*)."""
        para = self.source.paragraph(mention.paragraph)
        return para is not None and bool(re.match(r"[’']s?\b", para.text[mention.end:]))

    def _subject_position(self, mention: Mention) -> bool:
        """A mention that opens its sentence (after titles): the sentence's likely subject."""
        para = self.source.paragraph(mention.paragraph)
        if para is None:
            return False
        after = re.findall(r"[\w’'.-]+", para.text[mention.end:mention.end + 40])[:2]
        if (aside := re.match(r",[^,.;:“”\"]{1,80},\s+(?:\w+ly\s+)?([a-z]+)\b",
                              para.text[mention.end:])) and is_speech_verb(aside.group(1)):
            return True  # "But Y's former adviser X, now a hopeful, said …"
        if any(is_speech_verb(w) for w in after) or \
                after_reporting_verb(para.text, mention.start, mention.end):
            return True  # "…, Mr. Roe said, …", "…", argued Mr Roe.": the one who speaks
        inverted = re.search(r",\s+([a-z]+)\s+(?:[A-Z][\w.]*\s+){0,3}$", para.text[:mention.start])
        if inverted and is_speech_verb(inverted.group(1)) and \
                re.match(r"\s*(?:[.,;:]|$)", para.text[mention.end:]):
            return True  # "…, argued Mr Roe.": the one who speaks; not "…, accused X of"
        before = re.split(r"[.!?]\s|[“\"”]", para.text[:mention.start])[-1]
        if _AGENT_RE.search(before):
            return True  # "The report was welcomed by shadow secretary Ann Roe": she acts
        if _APPOSED_RE.fullmatch(before) and any(is_role_word(w.strip(",")) for w in
                                                  before.split()[-3:]) and \
                re.match(r",\s+[a-z]", para.text[mention.end:]):
            return True  # "But the party's home affairs spokesman, Ann Roe, accused …"
        if _role_apposition(before) and re.match(r",\s+[a-z]", para.text[mention.end:]):
            return True  # "Her opposite number, Labour group leader Ann Roe, was unmoved"
        while before.split() and is_title(before.split()[-1]):  # "The Attorney General Lord X"
            before = before.rstrip().rsplit(" ", 1)[0] if " " in before.strip() else ""
        if "," in before and opens_clause(before.split()[0].strip(",")):
            before = before.rsplit(",", 1)[1]  # "On Monday, defence lawyer X tried …"
        words = [w for w in before.split() if is_role_word(w) or (
            w[:1].isupper() and not is_title(w)
            and w.lower() not in ("he", "she", "it", "they", "we", "i", "you"))]
        # "Dr X accused Y", "He portrayed Y": Y is no subject
        return len(before.split()) - len(words) <= 1 and len(before.split()) <= 4

    def kind(self, actor_id: str) -> str:
        """The kind of an actor (``person`` when unknown)."""
        actor = self.actors.get(actor_id)
        return actor.kind if actor else "person"

    def within(self, paragraph: int, a: int, b: int) -> list[Mention]:
        """Mentions starting in ``[a, b)`` of a paragraph."""
        return [m for m in self.mentions if m.paragraph == paragraph and a <= m.start < b]

    def before(self, paragraph: int, offset: int) -> list[Mention]:
        """Mentions before an offset of a paragraph, in reading order."""
        return [m for m in self.mentions
                if m.paragraph < paragraph or (m.paragraph == paragraph and m.start < offset)]

    def body(self, paragraph: int, at: int, words: Sequence[str]) -> tuple[str, str] | None:
        """The organisation a definite common-noun subject stands for, and why.

        *the assembly government* → the one organisation named before whose name holds every
        one of its words; *the report* (``document_words.txt``) → the organisation named in
        the nearest earlier sentence that speaks of a report; *the firm* (``body_nouns.txt``)
        → the previous speaker when it is an organisation and no other organisation has
        been a sentence's subject in a paragraph since, else the one organisation that is a
        subject in this or the previous paragraph (or in this paragraph alone), else the one
        organisation the text called by that noun (*football club X* → *the club*). An
        organisation named in passing (*a drug made by X*) is none of these.
        """
        if not words or any(w[:1].isupper() for w in words[:-1]):
            return None
        earlier = [m for m in self.before(paragraph, at) if self.kind(m.actor) != "person"]
        folded = [fold_word(w) for w in words]
        holders = {m.actor for m in earlier
                   if set(folded) <= {fold_word(w) for w in self.name_of(m.actor).split()}}
        if len(holders) == 1:
            return holders.pop(), "the organisation named with these words"
        head = words[-1]
        if not holders and len(words) > 1 and all(w[:1].islower() for w in words) and len(
                named := {m.actor for m in earlier if paragraph - m.paragraph <= 1 and fold_word(
                    head) in {fold_word(w) for w in self.name_of(m.actor).split()}}) == 1:
            return named.pop(), f"the {head}: the one organisation just named with it"
        if is_document_word(head):
            stem = fold_word(head).rstrip("s")
            for m in reversed(earlier):
                para = self.source.paragraph(m.paragraph)
                if para is None:
                    continue
                a = max([x.end() for x in re.finditer(r"[.!?][\"”’']?\s", para.text[:m.start])]
                        + [0])
                end = re.search(r"[.!?](?:\s|$)", para.text[m.end:])
                sentence = para.text[a:m.end + (end.end() if end else len(para.text))]
                if re.search(r"\b" + re.escape(stem), sentence):  # lower case: not a title
                    return m.actor, f"the {head}: its author named with it"
            return None
        if not is_body_noun(head):
            return None
        near = {m.actor for m in earlier if paragraph - m.paragraph <= 1 and
                self._subject_position(m)}  # not "a drug made by X. The company said"
        prev = self.previous_speaker()
        if prev and paragraph - prev[0] <= 2 and self.kind(prev[1]) != "person" and not {
                m.actor for m in earlier if m.paragraph > prev[0] and m.actor != prev[1]
                and self._subject_position(m)}:  # another body acts in a paragraph since
            return prev[1], f"the {head}: the previous speaker"
        here = {m.actor for m in earlier if m.paragraph == paragraph and
                self._subject_position(m)}
        if len(near) == 1 or len(here) == 1:  # "X will close two depots. The firm said"
            chosen = (near if len(near) == 1 else here).pop()
            if self._stranger_opens(paragraph, at, chosen):
                return None
            return chosen, f"the {head}: the one organisation just named"
        called = {m.actor for m in earlier if paragraph - m.paragraph <= 1 and (
            p := self.source.paragraph(m.paragraph)) is not None and fold_word(head) in {
                fold_word(w) for w in p.text[max(0, m.start - 30):m.start].split()[-3:]}}
        if len(called) == 1:  # "Shares in football club X slipped. The club said"
            return called.pop(), f"the {head}: the one organisation just called so"
        close = [m for m in self.before(paragraph, at) if paragraph - m.paragraph <= 1 and
                 self.kind(m.actor) == "person" and self._named_as_thing(m)]  # "X, which is"
        things = {m.actor for m in close}
        if len(things) > 1:  # "Acme, which is due to report, … listed on the Stock Exchange"
            things = {m.actor for m in close if self._subject_position(m)}
        if len(things) == 1:
            return things.pop(), f"the {head}: the one organisation just named"
        return None

    def _stranger_opens(self, paragraph: int, at: int, chosen: str) -> bool:
        """Whether a name no actor has opens a sentence of ``paragraph`` before ``at``.

        *Rival club X pleaded with fans. [¶] Y's response comes as little surprise. "…," the
        club said*: the club may be Y, which the text names (as a possessive, a name of
        several capitalised words) without making it an actor; with ``chosen`` not named in
        the paragraph, the description is left unresolved rather than guessed.
        """
        para = self.source.paragraph(paragraph)
        if para is None or any(m.actor == chosen for m in self.within(paragraph, 0, at)):
            return False
        starts = [0] + [m.end() for m in SENTENCE_STOP_RE.finditer(para.text[:at])]
        for start in starts:
            name = _STRANGER_RE.match(para.text, start, at)
            if name and not self.within(paragraph, start, name.end()):
                return True
        return False

    def _named_as_thing(self, mention: Mention) -> bool:
        """A person-shaped name written as a thing: *Laura Ashley, which …*, *X and its …*."""
        para = self.source.paragraph(mention.paragraph)
        return para is not None and bool(re.match(r"(?:,\s+which\b|\s+(?:and\s+)?its\s)",
                                                  para.text[mention.end:]))

    def name_of(self, actor_id: str) -> str:
        """The name of an actor (its id when unknown)."""
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def role_holder(self, paragraph: int, at: int, written: str, role: str,
                    words: Sequence[str]) -> str | None:
        """The one person the article gave this role (``the spokeswoman`` → her), if definite."""
        definite = re.match(r"(?i)(?:the|our)\s", written) or re.match(  # "our correspondent"
            r"^[A-Z][\w-]+[’']s\s+[a-z]", written) and place_kind(written.split()[0])
        if not definite or len(words) > 4 or " for " in written or " of " in written:
            return None
        stem = fold_word(role).split("-")[-1].rstrip("s")[:7]
        whole = stem if "-" not in role else fold_word(role).rstrip("s")
        own = title_words(written)

        offices = word_list("office_words")  # "the prime minister" is no "Interior Minister"
        modifiers = {fold_word(w) for w in written.split()[1:-1] if w.islower()} & offices

        lowered = {fold_word(w) for w in written.split()[1:-1] if w.islower()}
        proper = {fold_word(w) for w in re.findall(r"[\w-]+", " ".join(written.split()[1:-1]))
                  if w[:1].isupper() and place_kind(w) is None and not is_title(w)}
        # "The Glasgow Kelvin MP" is no "Labour MP X": a named seat or body must be in the title

        def holds(title: str, ahead: bool = False) -> bool:  # "shadow foreign secretary" is
            words = title_words(title)  # no "Foreign Secretary"; named later, "the justice
            return stem in fold_word(title) and qualifiers_fit(own, words) and \
                modifiers <= words and (not ahead or lowered <= words) and \
                proper <= words  # minister" is no
            # "First Minister X"

        holders, exact = [], []  # exact: the role not only inside a compound (co-chairman)
        earlier = self.before(paragraph, at)
        later = [m for m in self.mentions if m not in earlier]
        for m in earlier + later:
            if holders and m in later:
                break
            actor = self.actors.get(m.actor)
            if actor is None or actor.kind != "person":
                continue
            titles = [t for t in [r.title for r in actor.roles] + self._titles_near(m)
                      if holds(t, m in later)]
            if titles and m.actor not in holders:
                holders.append(m.actor)
            if any(fold_word(w).startswith(whole) for t in titles for w in t.split()):
                exact.append(m.actor)
        if len(holders) > 1 and re.match(r"(?i)our\s", written):
            return None  # "our correspondent" with two correspondents named: which one?
        return (exact or holders)[-1] if holders else None

    def _titles_near(self, m: Mention) -> list[str]:
        """The text written before a mention (back to the previous name) and after it."""
        para = self.source.paragraph(m.paragraph)
        if para is None:
            return []
        same = [x for x in self.mentions if x.paragraph == m.paragraph]
        lead = max([x.end for x in same if x.end <= m.start] + [m.start - 48, 0])
        before: list[str] = []
        for word in reversed(re.split(r"[.,;:]", para.text[lead:m.start])[-1].split()):
            office = any(is_role_word(w) for w in before[:2])  # "former civil service chief"
            if not (is_title(word) or word[:1].isupper() or re.search(r"[’']s$", word)
                    or word in ("of", "the") or (office and not is_function_word(word))):
                break  # "… says it is time for Mr X": only "Mr" is his title
            before.insert(0, word)  # "shadow home secretary X": all three words
        if before and fold_word(before[0]) in ("under", "in", "at", "on", "for", "by", "with") \
                and (len(before) == 1 or honorific_gender(before[1])):
            before.pop(0)  # "Under Mr X's rules": a preposition, not "Under Secretary"
        stop = min([x.start for x in same if x.start >= m.end] + [m.end + 60])
        after = re.match(r"(?:[’']s)?,\s+([^,.;]+)", para.text[m.end:stop])
        if after and any(is_speech_verb(w) for w in re.findall(r"[\w’'-]+", after.group(1))[1:]):
            after = None  # "Asked about Mr X, the prime minister said": a new clause's subject
        return [" ".join(before)] + ([after.group(1)] if after else [])

    def pronoun(self, paragraph: int, at: int, pron: str) -> str | None:
        """The actor a pronoun subject (*he*, *she*, *it*) refers to; the attributor's rules."""
        return None

    def described(self, paragraph: int, at: int) -> str | None:
        """The person an epithet means when no one holds its role by name.

        An epithet is a role in lower case (or an acronym) with a capitalised or possessive
        modifier (*the Salford MP*, *the Spectator editor*, *the charity's director*; not *the
        prime minister* or *the Home Secretary*, offices): it
        means the previous speaker when a person (two paragraphs back at most), else the one
        person the article has named so far.
        """
        if opener := self.sentence_subject(paragraph, at):
            return opener  # "Mr Roe insisted … . The Tory leader said": the subject just named
        prev = self.previous_speaker()
        if prev and paragraph - prev[0] <= 2 and self.kind(prev[1]) == "person":
            return prev[1]  # a body that spoke last is no "Salford MP": the one person named
        named = {m.actor for m in self.before(paragraph, at) if self.kind(m.actor) == "person"}
        return named.pop() if len(named) == 1 else None

    def sentence_subject(self, paragraph: int, at: int) -> str | None:
        """The one person who is the subject of the sentence right before offset ``at``.

        The sentence ends before ``at`` in the same paragraph (else it is the previous
        paragraph's last); its person mentions in subject position (:meth:`_subject_position`,
        no possessive) must all be one actor, who is not the previous speaker (an epithet
        after a new subject means that subject: *Mr Roe insisted … . The Tory leader said*).
        """
        para = self.source.paragraph(paragraph)
        if para is None:
            return None
        ends = [m.end() for m in SENTENCE_STOP_RE.finditer(para.text) if m.end() <= at]
        if ends:
            host, b = paragraph, ends[-1]
            a = ends[-2] if len(ends) > 1 else 0
        else:
            prior = self.source.paragraph(paragraph - 1)
            if prior is None or prior.boilerplate or para.text[:at].strip():
                return None
            host, b = prior.number, len(prior.text)
            a = max([m.end() for m in SENTENCE_STOP_RE.finditer(prior.text[:-1])] or [0])
        subjects = {m.actor for m in self.within(host, a, b) if self.kind(m.actor) == "person"
                    and self._subject_position(m) and not self._possessive(m)}
        prev = self.previous_speaker()
        if len(subjects) != 1 or (prev and prev[1] in subjects):
            return None
        return subjects.pop()

    def untitled_person(self, paragraph: int, at: int, written: str = "") -> str | None:
        """The one person named so far with no role of their own, for *the prime minister*.

        News style names a person first (*Tony Blair has defended …*) and then uses the
        office alone (*the prime minister said*). When no one holds the office by name
        (:meth:`role_holder`), the description means the one person named before it with no
        role written beside any of their mentions; anyone else named with a role (*finance
        director Ann Roe*) is someone else. ``None`` unless exactly one such person, and for a
        description ``written`` with a qualifier (*the former chancellor*, *the shadow
        chancellor*): nobody named without a role held that qualified office.
        """
        if not qualifiers_fit(title_words(written), set()):
            return None
        people: dict[str, bool] = {}
        for m in self.before(paragraph, at):
            actor = self.actors.get(m.actor)
            if actor is None or actor.kind != "person":
                continue
            titles = [r.title for r in actor.roles] + self._titles_near(m)
            roled = any(is_role_word(w) or is_agent_noun(w)  # "Striker Ann Roe": a role
                        for t in titles for w in re.findall(r"[\w-]+", t))
            people[m.actor] = people.get(m.actor, False) or roled
        free = [a for a, roled in people.items() if not roled]
        return free[0] if len(free) == 1 else None


"""Who said a quotation: attribution rules, each recording the cue that decided it.

The rules are tried in this order for a quotation of a paragraph (the sentence is found with
the quoted words masked; :mod:`briefbook.analyse.cues` and :mod:`briefbook.analyse.quotes`):

0. a quotation right after a term marker (``known as``, ``so-called``: ``term_markers.txt``), a
   single word after *this*/*these* or a short noun with a relative clause (*plans for "control
   orders" which include …*) is a name or a term and gets no speaker;
1. after it: ``"…," X said`` · ``"…," said X`` / ``"…," sighed Mayor Z, looking …`` (any verb
   of ``speech_verbs.txt``) · ``"…" — Governor Q`` · ``according to X``;
2. before it in the sentence: ``X said: "…"``, ``X told reporters that "…"``, ``according to
   X, "…"``, ``The aim, says X, is "…"``; of several speech verbs, the last when it leads
   straight into the quotation, else the first (whose subject reports the sentence); a
   sentence-final ``…, X said.`` / ``…, said X, the firm's chief.``; a colon lead-in with no
   verb (``And from Senator P: "…"``);
3. a lead-in paragraph ending with a colon before a paragraph that opens with the quotation;
4. a quotation with no cue of its own keeps the speaker of the quotation before it when
   nothing stands between them: the same sentence, the quotation reopened without a closing
   mark (``"A. "B."``), the next sentence, or the next paragraph opening with it;
5. the previous sentence or paragraph, when it reports a statement (``…, X said.``) and the
   quotation stands alone after it.

The subject of the cue is then read (:meth:`Attributor.subject`), once an opening clause
(*In her ruling, …*, *Speaking in Paris, …*: ``clause_openers.txt``) is set aside: a named person
or body that is the subject wins (a name in a clause after a preposition — *the spokesman for
X* —, written as a possessive — *X's spokesman* — or as a modifier — *a Treasury source* — is
the holder, not the speaker); a pronoun right before the verb goes to the person of its own
sentence who reports (*X said …, but he told …*), else to the person opening the sentence before
(:mod:`~briefbook.analyse.rivals`), else to the previous speaker when the text has not named
another fitting person since, else to the nearest preceding person of a compatible gender (an
honorific outweighs a given name), never to an organisation or a phrase; *it* goes
to a body that is the previous speaker or a subject just before, to a person's statement, to
a firm named like a person, else to the body whose name opens the sentence before;
*the spokeswoman* goes to the one person the article gave that role; an epithet (*the Salford
MP*, *the charity's director*) to the previous speaker or the one person named so far; *the
report* to the organisation named with a report (``document_words.txt``), *the firm* to the
organisation just named or speaking (``body_nouns.txt``), *the regional assembly* to the one
organisation named with those words; anything else with a role noun (*a senior official*,
*X's spokesman*) is an **anonymous** speaker, kept with its description and never made an
actor. An outlet after *according to* (*according to Gulf Wire*) reports: it does not speak.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefbook.analyse import bodyref, chains, offices, rivals
from briefbook.analyse.described import (
    described_reporters,
    described_subject,
    group_subject,
    mask,
    members_of,
    name_shaped,
    opening_body,
    plural_agents,
)
from briefbook.analyse.epithets import read_epithet
from briefbook.analyse.holders import is_epithet, is_holder, owner_epithet, reported_start
from briefbook.analyse.mentions import Mention
from briefbook.analyse.pronouns import referent, titled_opening
from briefbook.analyse.referents import Referents
from briefbook.analyse.verbforms import speech_verb_at
from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    honorific_gender,
    is_body_noun,
    is_document_word,
    is_function_word,
    is_outlet_word,
    is_relation_noun,
    is_role_word,
    opens_clause,
)
from briefbook.core.model import Actor, Paragraph, Source
from briefbook.core.quotemarks import SENTENCE_STOP_RE
from briefbook.read.textmeta import find_dateline


@dataclass(frozen=True, kw_only=True)
class Attribution:
    """The speaker of one quotation and why.

    Attributes:
        speaker: Actor id, or ``None`` (unattributed, anonymous, or an unknown name).
        written: The attribution's subject as written (``Mr Howard``, ``a senior official``).
        pattern: Short stable label of the rule: ``after``, ``before``, ``according-to``,
            ``dash``, ``lead-in``, ``previous-sentence``, ``pronoun``, ``role``, ``split``,
            ``continued``, ``term`` (a name or term, no speaker) or ``none``.
        cue: The cue as an editor reads it (``"…," sighed X``, ``pronoun "she"``).
        anonymous: The description of an unnamed speaker (``a senior official``).
        name: A name-shaped subject that no actor has (made an extracted speaker).
        shown: The subject as shown to an editor when shorter than ``written``: up to the
            speaker's name (``Ann Roe`` of ``Ann Roe called for talks and``).
    """

    speaker: str | None
    written: str | None
    pattern: str
    cue: str
    anonymous: str | None = None
    name: str | None = None
    shown: str | None = None


#: Roles whose holders speak for someone else and are anonymous unless named.
_FUNCTIONARIES = ("spokes", "official", "source", "aide", "adviser", "advisor", "insider")
NONE = Attribution(speaker=None, written=None, pattern="none", cue="no cue")
_PRONOUNS = dict(he="male", she="female", it="body", they="body", him="male", her="female")
_OWNER = dict(his="he", her="she", its="it", their="they", he="he", she="she", they="they")
_DOCUMENT_RE = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+),?\s+(?:by|from|of)\s+", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w’'.-]+")
_SUBORDINATE_RE = re.compile(r"\b(?:after|before|when|while|because|since|although|though|"
                             r"until|once|whereas|how)\s+")
class Attributor(Referents):
    """Reads attribution subjects of one source against its mentions and previous speakers."""

    def __init__(self, source: Source, mentions: Sequence[Mention], actors: dict[str, Actor],
                 genders: dict[str, str], masked: dict[int, list[tuple[int, int]]]) -> None:
        super().__init__(source, mentions, actors, masked)
        self.genders = genders
        self.previous: tuple[int, int, Attribution] | None = None  # paragraph, end, attribution
        #: Genders read from this source's own pronoun attributions (see :meth:`learn_gender`).
        self.pronoun_genders: dict[str, str] = {}

    def previous_speaker(self) -> tuple[int, str] | None:
        """The paragraph and actor id of the previous quotation's speaker, if it had one."""
        prev = self.previous
        return (prev[0], prev[2].speaker) if prev and prev[2].speaker else None

    # -- the actors ---------------------------------------------------------------------
    def gender(self, actor_id: str) -> str | None:
        """``male``, ``female`` or ``None`` (unknown) for a person actor."""
        if actor_id in self.genders:
            return self.genders[actor_id]
        actor = self.actors.get(actor_id)
        if actor is None or actor.kind != "person":
            return None
        words = actor.name.split()
        titled: set[str] = set()  # an honorific (Mr, Mrs) outweighs a given name (Sandy)
        for m in self.mentions:
            if m.actor == actor_id:
                para = self.source.paragraph(m.paragraph)
                before = para.text[max(0, m.start - 6):m.start].split()[-1:] if para else []
                for word in before + m.text.split()[:1]:
                    if (g := honorific_gender(word)) in ("male", "female"):
                        titled.add(g)
        if titled:
            return titled.pop() if len(titled) == 1 else None
        given = first_name_gender(words[0]) if len(words) > 1 else None
        if given in ("male", "female"):
            return given
        return self.pronoun_genders.get(actor_id)

    def learn_gender(self, actor_id: str | None, written: str | None) -> None:
        """Record the gender of a person the article reported with *he* or *she*.

        A person with no honorific and a given name the name data does not know (*Prof Kwame
        Mensah*) has an unknown gender, so any later pronoun could fit them; once the article
        has written *he* for them, a later *she* no longer does (the pronoun's agreement
        with its antecedent in English). The first pronoun decides; a source's own reading
        never outweighs an honorific or a known given name.
        """
        pron = (written or "").lower()
        if actor_id and pron in ("he", "she") and self.kind(actor_id) == "person":
            self.pronoun_genders.setdefault(actor_id, _PRONOUNS[pron])

    # -- subjects -----------------------------------------------------------------------
    def subject(self, para: Paragraph, a: int, b: int, at: int, pattern: str,
                cue: str) -> Attribution:
        """The attribution named by the subject ``para.text[a:b]`` of a quote opened at ``at``."""
        text, raw_end = para.text, b
        if not text[:a].strip() and (dateline := find_dateline(text)) is not None:
            a = max(a, text.find(dateline.text) + len(dateline.text))  # "LONDON, 3 March - X"
        while a < b and text[a] in " ,;:—–-\"“”":
            a += 1
        while b > a and text[b - 1] in " ,;:—–-\"“”." and not re.search(
                r"(?:\b[A-Z]|\bJr|\bSr|\bInc|\bCo)\.$", text[a:b]):
            b -= 1
        while (opener := re.match(r"([A-Za-z]+),\s+|(?i:and|but|so|yet|or|then)\s+",
                                  text[a:b])) and opener.end() < b - a and \
                is_function_word(opener.group().strip(" ,")):
            a += opener.end()  # "However, the report warned", "But he said"
        origin = a
        if (adverb := re.match(r"([A-Za-z]+)\s+(?:[^,]*?\s)?(?=(?:the|a|an)\s(?:(?!\b(?:the|an?)"
                               r"\s)[^,])*$)", text[a:b])) and opens_clause(adverb.group(1)):
            a += adverb.end()  # "Later the prime minister said", "In a report … the committee"
        while (clause := re.match(r"([A-Za-z]+)(\s+[a-z])?[^,]*,\s+", text[a:b])) and (
                opens_clause(clause.group(1)) or (clause.group(1).endswith(("ed", "ing"))
                                                  and clause.group(2))) and \
                text[a + clause.end():b].strip() and not (
                    not re.match(r"[A-Za-z]\w*(?:ed|ing)$|(?i:with)$", clause.group(1))
                    and self._person_within(para.number, a, a + clause.end())
                    and not self.within(para.number, a + clause.end(), b)):
            # "In her ruling, the judge", "With X near,"; not "Meanwhile Ann Roe, an aide,"
            a += clause.end()
        if (document := _DOCUMENT_RE.match(text[a:b])) and is_document_word(
                document.group("noun")):
            a += document.end()  # "a statement by X", "The letter, from X,": X speaks
        if (rel := re.search(r",\s+(?:who|which)\s+[a-z]\S*\s+\S[^,]*$", text[a:b])) and \
                re.fullmatch(r"(?i:the)(?: [A-Za-z][\w-]*){1,3}", text[a:a + rel.start()]) and \
                any(f(text[a:a + rel.start()].split()[-1]) for f in (is_role_word, is_body_noun)):
            b = a + rel.start()  # "The MP, who is consulting his lawyers, told": The MP
        while aux := re.search(r"\s+(?:has|have|had|is|was|also|would|will|not|did|does|do|"
                               r"could|can|may|might|must|should|[a-z]+ly|later|earlier|once|"
                               r"yesterday|today|on [A-Z][a-z]+day)$", text[a:b]):
            b = a + aux.start()  # "X has told", "X would not deny", "X on Sunday said"
        written = text[a:b]
        if not written or (pattern == "after" and re.match(r"(?i)(?:that|how|what|if)\b",
                                                           written)):
            return NONE
        pron = written.lower()
        if (owner := re.match(r"(his|her|its|their|he|she|they)\s+(?:[\w-]+\s+){0,2}?([\w-]+)",
                              pron)) and (pattern == "lead-in" or (
                                  owner.group(1) in ("his", "her", "its", "their")
                                  and is_document_word(owner.group(2)))):
            pron = _OWNER[owner.group(1)]  # "His message to the chancellor was:" → he
            written = written.split()[0]
        last = chains.last_word(pron)  # not the object: "X marching up to him, saying"
        if last and last[0] in _PRONOUNS and re.search(r"\b" + last[0] + r"$", pron):
            pron = last[0]  # the word before the verb: "Speaking in X, he said"
            written = written.split()[-1]
        if pron in _PRONOUNS:
            speaker = self._reporter_before(para, origin, b, pron) or self._opening_subject(
                para, origin, b, pron) or rivals.colon_subject(self, para, at, origin, pron)
            anonymous = None
            if speaker is None and (rival := rivals.opener_rival(
                    self, para, min(origin, at), pron, self.gender)):  # a new subject
                return Attribution(speaker=rival, written=written, pattern="pronoun", cue=f'{cue}'
                                   f' (pronoun "{written}": the subject of the sentence before)')
            if speaker is None and pron in ("he", "she"):
                anonymous = self.reporter_between(para.number, min(origin, at))
                if anonymous and (holder := offices.reporter_holder(
                        self, para.number, min(origin, at), anonymous)):
                    speaker, anonymous = holder, None  # "The chancellor said … he said"
            if speaker is None and anonymous is None and pron in ("he", "she"):
                speaker, anonymous = self._described_before(para, min(origin, at), pron)
            prev = self.previous
            one = prev and prev[2].anonymous and not plural_agents(prev[2].anonymous)  # not "men"
            if speaker is None and anonymous is None and one and not prev[2].speaker and \
                    pron in ("he", "she") and \
                    para.number - prev[0] <= 1 and not self._named_since(para.number, at):
                anonymous = prev[2].anonymous  # "…," the spokesman said. "…," he added.
            if speaker is None and anonymous is None and pron == "they" and \
                    (before := self.sentence_before_at(para, min(origin, at))) and \
                    (group := group_subject(before[1], *before[2])) and \
                    not self.within(before[0].number, *group):
                anonymous = before[1][group[0]:group[1]]  # "Ministers disagreed. … they said"
            if speaker is None and anonymous is None and pron == "they" and (
                    one := self._described_before(para, min(origin, at), pron)[1]) and \
                    re.match(r"(?i)(?:one|an?)\s", one) and not plural_agents(one):
                anonymous = one  # singular "they": "One parent said they … "…," they said"
            if speaker is None and anonymous is None:
                speaker = self.pronoun(para.number, reported_start(para.text, at, origin), pron)
            if speaker is None and anonymous is None and one and pron in ("he", "she") and \
                    para.number - self.previous[0] <= 1:
                anonymous = self.previous[2].anonymous
            before = pron == "it" and not (speaker or anonymous) and self.sentence_before_at(
                para, min(origin, at))  # "The TUC released figures. It said": the TUC
            body = before and opening_body(before[1], *before[2])
            return Attribution(speaker=speaker, written=written, pattern="pronoun", cue=f'{cue} '
                               f'(pronoun "{written}")', anonymous=anonymous,
                               name=body if body and self.proper(body) else None)
        found = self.within(para.number, a, b)
        clause = [c for c in _SUBORDINATE_RE.finditer(text, a, b)
                  if "," not in text[c.end():raw_end]]
        if clause:  # "X's comments came after Y said": Y reports, in a clause of its own
            a, written = clause[-1].end(), text[clause[-1].end():b]
            found = [m for m in found if m.start >= a]
        relative = [m for m in found if re.fullmatch(
            r",\s+who(?:\s+(?:\w+ly|also|has|had|have))?\s*", text[m.end:b + 1])]
        if relative and self.kind(relative[-1].actor) == "person":
            return Attribution(speaker=relative[-1].actor, written=written, pattern=pattern,
                               cue=f"{cue} (X, who …)")  # "… was denied by Y, who accused"
        free = [m for m in found if not self._holder(text, a, m)]
        members = [m for m in free if self.kind(m.actor) != "person" and members_of(
            text, a, m.start, m.end, b)]  # "Senior Tories"
        agents = [m for m in free if m not in members]
        persons = [m for m in agents if self.kind(m.actor) == "person"]
        if members and not agents:
            return Attribution(speaker=None, written=written, pattern=pattern,
                               cue=f"{cue} (members, not the body)", anonymous=written)
        if persons or agents:  # written up to the speaker's name: "Ann Roe called … and"
            chosen = (persons or agents)[0]  # is shown as "Ann Roe"
            shown = text[a:chosen.end].strip(" ,") if chosen.end <= b else written
            return Attribution(speaker=chosen.actor, written=written, pattern=pattern, cue=cue,
                               shown=shown or None)
        words = [w.strip("’'.,") for w in re.findall(r"[\w’'.-]+(?:&[\w’'.-]+)*", written)]
        if pattern == "according-to" and words and is_outlet_word(words[-1]):
            return Attribution(speaker=None, written=written, pattern=pattern,
                               cue=f"{cue} (an outlet: it reports, it does not speak)")
        if aged := offices.aged_person(self, para.number, min(a, at), written):
            return Attribution(speaker=aged, written=written, pattern="role",
                               cue=f"{cue} (age: the one person of that age)")
        if read := read_epithet(self, para.number, min(a, at), written, self.gender):
            return Attribution(speaker=read[0], written=written, pattern="role",  # "The Irish-
                               cue=f"{cue} ({read[2]})", anonymous=read[1])  # man", "one of them"
        role = next((w for w in words if is_role_word(w)), None)
        if role is None and re.search(r"^(?i:an?|the)\s|\w[’']s?\s", written) and (
                tie := next((w for w in words if is_relation_noun(w)), None)):
            head, _, named = written.partition(",")  # "His wife, Ann Roe,": Ann Roe speaks
            return Attribution(speaker=None, written=written, pattern=pattern,
                               cue=f'{cue} (anonymous: "{tie}")', anonymous=head.strip(),
                               name=name_shaped(named.split()) if named.strip() else None)
        if role is not None:
            named = self.role_holder(para.number, min(a, at), written, role, words)
            if named is None and is_epithet(written) and \
                    not fold_word(role).startswith(_FUNCTIONARIES):
                named = self.described(para.number, min(a, at))
            named = named or owner_epithet(self, written, para.number)  # "the group's chief"
            if named is None and (named := offices.office_holder(self, para.number, min(a, at),
                                                         written)):
                return Attribution(speaker=named, written=written, pattern="role",
                                   cue=f'{cue} (office "{role}": the one person named before)')
            if named is None and re.fullmatch(r"(?i:the)(?: [A-Za-z][\w-]*){1,3}", written) and \
                    not fold_word(role).startswith(_FUNCTIONARIES) and \
                    not re.search(r"[^s]s$", fold_word(role)):
                named = self.untitled_person(para.number, min(a, at), written)  # "the PM"
            if named:
                return Attribution(speaker=named, written=written, pattern="role",
                                   cue=f'{cue} (role "{role}")')
            clauses = [c.strip() for c in written.split(",")]
            description = next((c for c in reversed(clauses)
                                if any(is_role_word(w.strip("’'.")) for w in c.split())), written)
            heads = [w for w in _WORD_RE.finditer(description)
                     if is_role_word(w.group().strip("’'."))]
            if heads and re.match(r"\s+(?!(?:for|of|at|with|to|from|in|on)\b)[a-z]",
                                  description[heads[-1].end():]):
                # "A Treasury spokesperson dismissed the claims" → "A Treasury spokesperson"
                description = description[:heads[-1].end()]
            if named := offices.introduced_person(self, para.number, a, written):
                return Attribution(speaker=named, written=written, pattern="role",
                                   cue=f'{cue} ("{written}", named in the next sentence)')
            return Attribution(speaker=None, written=written, pattern=pattern,
                               cue=f"{cue} (anonymous)", anonymous=description)
        if re.match(r"(?i)(?:the|its|their)\s", written) and len(words) <= 5:
            body = self.body(para.number, min(a, at), words[1:])
            if body is not None:
                return Attribution(speaker=body[0], written=written, pattern="role",
                                   cue=f"{cue} ({body[1]})")
            if words[1:] and all(w[:1].islower() for w in words[1:]) and (
                    is_body_noun(words[-1]) or is_document_word(words[-1])):  # "the company"
                return Attribution(speaker=None, written=written, pattern="role", cue=cue,
                                   name=self.named_body_before(para.number, min(a, at)))
        name = name_shaped(words)
        if name is None and (group := plural_agents(written)):  # "Ecologists are warning"
            return Attribution(speaker=None, written=written, pattern=pattern,
                               cue=f"{cue} (anonymous: a group)", anonymous=group)
        return Attribution(speaker=None, written=written, pattern=pattern, cue=cue, name=name)

    def _described_before(self, para: Paragraph, at: int,
                          pron: str) -> tuple[str | None, str | None]:
        """*he*/*she* after a sentence opened by a described person: that person.

        *The bank's chief economist declined to comment. She said: …* → the economist
        (anonymous unless a named person holds the role). Returns ``(speaker, anonymous)``.
        """
        before = self.sentence_before_at(para, at)
        subject = described_subject(before[1], *before[2]) if before else None
        if before is None or subject is None:
            return None, None
        host = before[0]
        named = [m for m in self.within(host.number, *subject) if self.kind(m.actor) == "person"]
        if named and not all(self._holder(host.text, subject[0], m) for m in named):
            return None, None  # "Ann Roe's spokesman": a person inside (not "a physicist at X")
        found = self.subject(host, subject[0], subject[1], subject[0], "pronoun", "pronoun")
        if found.speaker and self.kind(found.speaker) == "person" and \
                self.gender(found.speaker) in (None, _PRONOUNS[pron]):
            return found.speaker, None
        prev = self.previous_speaker()
        if re.match(r"(?i)the\s", host.text[subject[0]:]) and prev and \
                para.number - prev[0] <= 1 and self.kind(prev[1]) == "person" and \
                self.gender(prev[1]) in (None, _PRONOUNS[pron]):
            return None, None  # "the Tory spokesman" after X spoke: most likely X again
        return None, found.anonymous or host.text[subject[0]:subject[1]]  # "A dockhand, …"

    def _holder(self, text: str, a: int, mention: Mention) -> bool:
        """A name that holds or is the object of the subject (:func:`holders.is_holder`)."""
        return is_holder(self, text, a, mention)

    def pronoun(self, paragraph: int, at: int, pron: str) -> str | None:
        """The actor a pronoun subject refers to (see the module docstring)."""
        wanted = _PRONOUNS[pron]
        earlier = self.before(paragraph, at)
        prev = self.previous
        if wanted == "body":  # "The CBI said … It added" (module bodyref)
            return bodyref.body_referent(self, paragraph, at, earlier, prev and (
                prev[0], prev[1], prev[2].speaker, prev[2].written))
        people = [m for m in earlier if self.kind(m.actor) == "person" and self.gender(
            m.actor) in (None, wanted) and not chains.reported_by_pronoun(self, m, pron)]
        if prev and prev[2].speaker and chains.chain_bridges(self, prev[0], paragraph, pron) \
                and self.kind(prev[2].speaker) == "person" \
                and self.gender(prev[2].speaker) in (None, wanted):
            since = [m for m in people if (m.paragraph, m.start) > (prev[0], self._sentence_end(
                         prev[0], prev[1]))
                     and m.actor != prev[2].speaker and self._subject_position(m)
                     and not self._possessive(m)]
            if not since:
                return prev[2].speaker
        plain = [m for m in people if not self._possessive(m)]  # "X's spokesman": not X
        subjects = [m for m in plain if self._subject_position(m)]
        found = referent(plain, subjects, self.source, paragraph, at, wanted, self.gender)
        best = subjects or plain  # no nearer person of its gender in its paragraph: the chain
        return chains.nearest_chain(self, plain, subjects, pron) \
            if best and found == best[-1].actor else found

    def _person_within(self, paragraph: int, a: int, b: int) -> bool:  # not "X's speech"
        return any(self.kind(m.actor) == "person" and not self._possessive(m)
                   for m in self.within(paragraph, a, b))

    def _sentence_end(self, paragraph: int, offset: int) -> int:
        """Where the sentence holding ``offset`` of a paragraph ends.

        Names in the rest of the previous speaker's own sentence are what was reported, not
        new speakers.
        """
        para = self.source.paragraph(paragraph)
        if para is None:
            return offset
        end = SENTENCE_STOP_RE.search(para.text, max(0, offset - 2))
        return end.start() if end else len(para.text)

    def _reporter_before(self, para: Paragraph, a: int, b: int, pron: str) -> str | None:
        """A person of the pronoun's own sentence who reports: *X said …, but he told …*.

        Only a person followed by a speech verb (*X said*, *X, head of Y, told*), before the
        pronoun, of the pronoun's gender; a name in the reported words (*Mr Blair has failed,
        he claimed*) is not one.
        """
        wanted = _PRONOUNS[pron]
        if wanted == "body":
            return None
        found = [m for m in self.within(para.number, a, b)
                 if self.kind(m.actor) == "person" and self.gender(m.actor) in (None, wanted)
                 and (verb := speech_verb_at(para.text[:m.end + 90], m.end)) is not None
                 and re.fullmatch(r"(?:,[^,;:\"“”]+,)?\s*(?:\w+ly\s+|has\s+|had\s+|also\s+)?",
                                  para.text[m.end:verb.start()])]  # "X, head of Y, said"
        return found[-1].actor if found else None

    def _opening_subject(self, para: Paragraph, a: int, b: int, pron: str) -> str | None:
        """The person opening the pronoun's own sentence: *Mr Lewis wants …, cash he says …*.

        Only a person whose name starts the subject (after titles and role words, or a role of
        up to four words: *Shadow education secretary X*), not a
        possessive, of the pronoun's gender, with no comma before the pronoun but one opening a
        participle (*X began, telling them that he …*): *Asked about Mr Blair, he said* and *Mr
        Blair has failed, he claimed* (reported words) have none.
        """
        wanted = _PRONOUNS[pron]
        if wanted == "body" or re.search(r"—|,(?!\s+[a-z]+ing\s[^,]*$)", para.text[a:b]):
            return None
        for m in self.within(para.number, a, b):
            before = para.text[a:m.start].split()
            if self.kind(m.actor) == "person" and self.gender(m.actor) in (None, wanted) \
                    and titled_opening(before) and (len(before) <= 3 or len(before) <= 4
                                                    and is_role_word(before[-1])
                                                    and before[0][:1].isupper()) \
                    and not self._possessive(m) \
                    and not para.text[m.end:m.end + 1] == ",":
                return m.actor
            break
        return None

    def _named_since(self, paragraph: int, at: int) -> bool:
        """A person named as a subject since the previous quotation's sentence ended."""
        prev = self.previous
        if prev is None:
            return False
        end = (prev[0], self._sentence_end(prev[0], prev[1]))
        return any(end < (m.paragraph, m.start) and self.kind(m.actor) == "person"
                   and self._subject_position(m) for m in self.before(paragraph, at))

    def reporter_between(self, paragraph: int, at: int) -> str | None:
        """An unnamed reporter since the previous speaker's quotation (*…, the spokesman said*).

        A sentence between the previous quotation and a pronoun whose subject is a described,
        unnamed person reporting a statement (*the prime minister's official spokesman urged
        …*) makes *he* that reporter, not the previous speaker. Returns its description.
        """
        prev = self.previous
        if prev is None or paragraph - prev[0] > 2:
            return None
        found = None
        for number in range(prev[0], paragraph + 1):
            para = self.source.paragraph(number)
            if para is None:
                continue
            text = mask(para.text, self.masked.get(number, []))
            a = self._sentence_end(number, prev[1]) if number == prev[0] else 0
            b = at if number == paragraph else len(text)
            for start, end in described_reporters(text, a, max(a, b)):
                if not self.within(number, start, end) or number == paragraph and all(
                        self._holder(text, start, m) for m in self.within(number, start, end)):
                    found = text[start:end].strip()  # "A Labour spokesman": no name speaks
        return found

"""Direct quotations and their speakers, found by rules (no statistical model).

A quotation is the text between double quotation marks (curly, straight or guillemets; see
:mod:`briefbook.analyse.quotespans`). Its speaker is found by the rules of
:mod:`briefbook.analyse.cues` and :mod:`briefbook.analyse.attribution` (the cue after or before
it, a lead-in, the previous sentence), then, when no rule applies, from the quotation before it
when nothing stands between them: the same sentence (a quote split around its attribution),
the same quotation reopened without a closing mark, the next sentence, the previous
paragraph's quotation left open or ending its last sentence. Every quotation records the
``cue`` that decided its speaker, and an unnamed speaker's description (``anonymous``). Quoted
text of fewer than :data:`PHRASE_WORDS` words is a *phrase* (scare quotes, a borrowed term),
not a statement.

People and organisations come first (:mod:`briefbook.analyse.people`), so a speaker is an actor
found by its name wherever the article names it; a name-shaped subject nobody found (*Hollandr
said*) becomes an extracted speaker in a second pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from rapidfuzz.distance import Levenshtein

from briefbook.analyse.attribution import NONE, Attribution, Attributor
from briefbook.analyse.continued import (
    fragment_after_speaker,
    quoted_predicate,
    recent_speaker,
)
from briefbook.analyse.cues import (
    attribute,
    forward,
    lead_in_paragraph,
    previous_paragraph,
    previous_sentence,
)
from briefbook.analyse.described import attributive_term, described_as_body
from briefbook.analyse.firstnames import given_name_owner
from briefbook.analyse.headline import headline_speakers, is_headline
from briefbook.analyse.interviews import signed_comment
from briefbook.analyse.mentions import Mention, find_mentions
from briefbook.analyse.people import People, find_people
from briefbook.analyse.quotednames import quoted_name
from briefbook.analyse.quotespans import QuoteSpan, masked_sentences, quote_spans
from briefbook.analyse.standalone import subject_speaker
from briefbook.analyse.vetting import vetted
from briefbook.core.cache import cached, cached_checked, key_of, source_key
from briefbook.core.lexicon import (
    first_name_gender,
    fold_word,
    is_function_word,
    is_organisation_word,
    is_outlet_word,
    is_party_word,
    is_title,
    place_kind,
    word_list,
)
from briefbook.core.model import Actor, Book, Paragraph, Source
from briefbook.core.names import key
from briefbook.core.parallel import prefill
from briefbook.core.text import slugify

__all__ = ["PHRASE_WORDS", "Quote", "analyse", "extracted_speakers", "find_quotes",
           "quote_spans", "source_quotes"]

PHRASE_WORDS = 4


@dataclass(frozen=True, kw_only=True)
class Quote:
    """One quotation.

    Attributes:
        text: The quoted words, verbatim (without the quotation marks).
        source: The source id.
        paragraph: The paragraph number.
        start: Offset of ``text`` in the paragraph.
        end: Offset just after ``text``.
        speaker: The actor id, or ``None`` when unattributed or anonymous.
        speaker_as_written: The attribution's subject as written ("Smith", "a city
            official"), or ``None``.
        kind: ``statement`` or ``phrase``.
        pattern: The rule that found the speaker: ``after``, ``before``, ``according-to``,
            ``dash``, ``lead-in``, ``previous-sentence``, ``pronoun``, ``role``, ``split``,
            ``continued``, ``headline`` (a quotation of the headline, given to the speaker the
            article names: :mod:`briefbook.analyse.headline`), ``term`` (a name or term, no
            speaker) or ``none``.
        cue: The cue as an editor reads it (``"…," said X``, ``X said: "…"`` …).
        anonymous: The description of an unnamed speaker ("a senior official"), else
            ``None``.
    """

    text: str
    source: str
    paragraph: int
    start: int
    end: int
    speaker: str | None
    speaker_as_written: str | None
    kind: str = "statement"
    pattern: str = "none"
    cue: str = "no cue"
    anonymous: str | None = None


def source_quotes(source: Source, mentions: Sequence[Mention], actors: dict[str, Actor],
                  genders: dict[str, str] | None = None) -> tuple[list[Quote], list[str]]:
    """Every quotation of one source with its speaker, in reading order.

    Returns:
        The quotations, and the name-shaped subjects no actor has (new speakers).
    """
    spans = {p.number: quote_spans(p.text) for p in source.paragraphs if not p.boilerplate}
    masked = {n: [(s.text_start, s.text_end) for s in ss] for n, ss in spans.items()}
    who = Attributor(source, [m for m in mentions if m.source == source.id], actors,
                     genders or {}, masked)
    quotes: list[Quote] = []
    names: list[str] = []
    open_from_previous: Quote | None = None
    for para in source.paragraphs:
        if para.boilerplate:
            continue
        para_spans = spans[para.number]
        carried = open_from_previous
        open_from_previous = None
        for index, span in enumerate(para_spans):
            found = vetted(para, span, attribute(para, span, para_spans, index, who), who)
            opens = not index and span.open == 0
            if found.pattern == "none" and opens:
                found = signed_comment(source, para, span, who)  # '"…" Ann Roe, Dunmore'
            if found.pattern == "none" and opens and not carried:
                found = lead_in_paragraph(source, para, who, spans)
            if found.pattern in ("none", "after", "pronoun") and attributive_term(
                    para.text, span.open, span.close):  # "the impact of "compact" editions"
                found = Attribution(speaker=None, written=None, pattern="term",
                                    cue="a term, not a statement (it modifies a noun)")
            if found.pattern == "none" and index and quotes and \
                    quotes[-1].paragraph == para.number:
                found = _follow(para.text, para_spans, index, quotes[-1])
            elif found.pattern == "none" and opens and carried:
                found = _carry(carried, "continued", "continues the previous paragraph's "
                                                     "quotation")
            elif found.pattern == "none" and opens:
                found = _next_paragraph(source, para, spans, quotes, who)
            if found.pattern == "none":
                found = previous_sentence(para, span, para_spans, who)
            if found.pattern == "none" and span.unclosed and index + 1 == len(para_spans):
                found = forward(source, para, spans, who)
            if found.pattern == "none":
                found = recent_speaker(source, para, span, spans, who)
            if found.pattern == "none":
                found = quoted_predicate(para, span, para_spans, who)
            if found.pattern == "none":
                found = fragment_after_speaker(para, span, para_spans, who)
            if found.pattern == "none":
                found = subject_speaker(source, para, span, spans, who)
            if found.name and not found.speaker and is_headline(para):
                found = replace(found, name=None) if found.pattern != "dash" else NONE
                # "Parties warned over '…'": too terse for a new speaker; "'…' - Roe": below
            if found.name and not found.speaker:
                names.append(found.name)
                found = Attribution(speaker=slugify(found.name) or None, written=found.written,
                                    pattern=found.pattern, cue=found.cue)
            words = para.text[span.text_start:span.text_end]
            quote = Quote(text=words, source=source.id, paragraph=para.number,
                          start=span.text_start, end=span.text_end, speaker=found.speaker,
                          speaker_as_written=found.shown or found.written,
                          pattern=found.pattern, cue=found.cue, anonymous=found.anonymous,
                          kind="phrase" if len(words.split()) < PHRASE_WORDS else "statement")
            quotes.append(quote)
            if found.pattern == "pronoun":
                who.learn_gender(found.speaker, found.written)
            if quote.kind == "statement" or quote.speaker:
                who.previous = (para.number, span.close, found)
            if span.unclosed and index + 1 == len(para_spans):
                open_from_previous = quote
    quotes = [replace(q, speaker=None, speaker_as_written=None, pattern=t.pattern, cue=t.cue,
                      anonymous=None) if (t := quoted_name(source, q.text)) else q
              for q in quotes]  # "that 'Veritas' is a party …": a name (read once the
    # quotations after it have taken the sentence's speaker from it)
    return headline_speakers(source, quotes, spans, who), names


def _carry(quote: Quote, pattern: str, cue: str) -> Attribution:
    return Attribution(speaker=quote.speaker, written=quote.speaker_as_written, pattern=pattern,
                       cue=cue, anonymous=quote.anonymous)


#: After a quotation: a name and a past-tense verb (a reporting clause of its own).
_OWN_REPORTER_RE = re.compile(r"[\"”’»]?\s+(?=(?P<first>[\w’'-]+))(?:(?:an?|the)\s+)?"
                              r"(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w’'.-]*\s+){1,3}[a-z]+ed\b")


def _follow(text: str, spans: Sequence[QuoteSpan], index: int, previous: Quote) -> Attribution:
    """The speaker of a quotation with no cue after another quotation of its paragraph.

    It keeps that one's speaker when nothing stands between them: the same sentence
    (``"A," he said, "B."``), the quotation reopened without a closing mark (``"A. "B."``),
    or the next sentence opening with it (``"A," X said. "B."``). A sentence between them
    leaves it to the other rules.
    """
    if previous.speaker is None and previous.anonymous is None:
        return NONE
    prev, span = spans[index - 1], spans[index]
    if prev.unclosed and prev.close == span.open:
        return _carry(previous, "continued", "reopened after the previous quotation")
    sentences = masked_sentences(text, tuple(spans)) or ((0, len(text)),)
    here = next((i for i, (a, b) in enumerate(sentences) if a <= span.open < b), None)
    there = next((i for i, (a, b) in enumerate(sentences) if a <= prev.open < b), None)
    if here is None or there is None:
        return NONE
    if here == there:
        return _carry(previous, "split", "the same sentence as the previous quotation")
    ends_there = sentences[there][0] <= prev.close < sentences[there][1] + 1
    if text[span.text_start:span.text_end].rstrip().endswith((",", "?", "!")) and \
            (own := _OWN_REPORTER_RE.match(text, span.close + 1)) and \
            not (own.group("first")[:1].isupper() and is_function_word(own.group("first"))):
        return NONE  # '"…," a crestfallen Mr Lim mumbled': its own speaker, an unknown verb
    if here == there + 1 and ends_there and not text[sentences[here][0]:span.open].strip():
        return _carry(previous, "continued", "the sentence after the previous quotation's")
    return NONE


def _next_paragraph(source: Source, para: Paragraph, spans: dict[int, list[QuoteSpan]],
                    quotes: Sequence[Quote], who: Attributor) -> Attribution:
    """The speaker of a paragraph that opens with a quotation with no cue.

    From the previous paragraph's last sentence, when it holds a quotation with a speaker
    (that speaker goes on) or reports a statement
    (:func:`~briefbook.analyse.cues.previous_paragraph`).
    """
    prev = source.paragraph(para.number - 1)
    last = quotes[-1] if quotes else None
    if prev is None or last is None or last.paragraph != prev.number:
        return previous_paragraph(source, para, spans, who)
    prev_spans = spans.get(prev.number, [])
    sentences = masked_sentences(prev.text, tuple(prev_spans)) or ((0, len(prev.text)),)
    if prev_spans and prev_spans[-1].close >= sentences[-1][0] - 1 and (
            last.speaker or last.anonymous) and last.pattern != "dash" and \
            "signed" not in last.cue:  # a signed comment is whole: the next is another's
        return _carry(last, "continued", "opens the paragraph after the previous speaker's "
                                         "quotation")
    return previous_paragraph(source, para, spans, who)


def find_quotes(book: Book, mentions: Sequence[Mention], actors: Sequence[Actor],
                genders: dict[str, str] | None = None) -> tuple[list[Quote], list[str]]:
    """Every quotation of every source of the book, and the unknown name-shaped speakers."""
    table = {a.id: a for a in actors}
    genders = genders or {}
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:  # grouped once: filtering per source would be quadratic
        by_source.setdefault(mention.source, []).append(mention)
    registry: list[str] = []  # the whole registry's key, made only if a source needs it

    def whole() -> str:
        if not registry:
            registry.append(key_of(tuple(actors), tuple(sorted(genders.items()))))
        return registry[0]

    def looked_up(keys: Iterable[str], everything: bool) -> tuple[object, ...]:
        return (tuple((k, table.get(k), genders.get(k)) for k in sorted(keys)),
                whole() if everything else None)

    def valid(stored: tuple[object, _Result]) -> bool:
        keys, everything = stored[0]  # type: ignore[misc]
        return stored[0] == looked_up((k for k, _, _ in keys), everything is not None)

    def compute(source: Source, mine: list[Mention]) -> tuple[object, _Result]:
        seen_actors, seen_genders = _LookUps(table), _LookUps(genders)
        result = source_quotes(source, mine, seen_actors, seen_genders)  # type: ignore[arg-type]
        return (looked_up(seen_actors.keys_seen | seen_genders.keys_seen,
                          seen_actors.whole or seen_genders.whole), result)

    # keyed by the source and its mentions; valid while every actor and gender the
    # attribution looked up is unchanged (a new actor elsewhere recomputes nothing here)
    jobs = [(key_of(source_key(source), tuple(mine)),
             lambda source=source, mine=mine: compute(source, mine))
            for source in book.sources for mine in [by_source.get(source.id, [])]]
    prefill("quotes.source", jobs, valid)
    quotes: list[Quote] = []
    names: list[tuple[str, str]] = []
    for source, (slot, job) in zip(book.sources, jobs, strict=True):
        _, (found, new) = cached_checked("quotes.source", slot, valid, job)
        quotes.extend(found)
        names.extend((source.id, n) for n in new)
    return quotes, [f"{s}\t{n}" for s, n in names]


_Result = tuple[list[Quote], list[str]]
V = TypeVar("V")


class _LookUps(Mapping[str, V]):
    """A read-only mapping that notes every key looked up (or that it was read whole)."""

    def __init__(self, data: Mapping[str, V]) -> None:
        self.data = data
        self.keys_seen: set[str] = set()
        self.whole = False

    def __getitem__(self, key: str) -> V:
        self.keys_seen.add(key)
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        """``data.get``, noted."""
        self.keys_seen.add(key)
        return self.data.get(key, default)

    def __contains__(self, key: object) -> bool:
        self.keys_seen.add(str(key))
        return key in self.data

    def __iter__(self) -> Iterator[str]:
        self.whole = True
        return iter(self.data)

    def __len__(self) -> int:
        self.whole = True
        return len(self.data)

    def __bool__(self) -> bool:
        return True  # "genders or {}" keeps the noting mapping (an empty one reads as {})


def extracted_speakers(book: Book, names: Sequence[str], actors: Sequence[Actor]
                       ) -> tuple[list[Actor], dict[str, list[str]]]:
    """Actors for name-shaped speakers that no actor has (``"…," Hollandr said``).

    ``names`` are ``source<TAB>name`` lines from :func:`find_quotes`. A one-word name is
    completed from the longer name of the same article ending with it (titles left out; no
    speaker when two people of the article share it), or joins the one
    extracted person of the article whose surname it misspells by one letter (its spelling is
    then returned as a new alias of that actor); an acronym or a name with an organisation or
    a party word (*New Labour*) is an organisation, a country a ``state``, any other one-word
    name a body unless it is a given name; an outlet, a demonym, a function word and a known
    name are not speakers.

    Returns:
        The new actors (sorted by id) and, per existing extracted actor id, new aliases.

    Kept in the analysis cache under the names, the actors and the articles the names come
    from (all it reads): a build whose book is unchanged loads no given-name dictionary.
    """
    read = sorted({line.split("\t", 1)[0] for line in names})
    slot = key_of(tuple(names), tuple(actors), tuple(
        (i, source_key(s) if (s := book.source(i)) is not None else None) for i in read))
    found, aliases = cached("quotes.extracted_speakers", slot,
                            lambda: _extracted_speakers(book, names, actors))
    return list(found), {k: list(v) for k, v in aliases.items()}


def _extracted_speakers(book: Book, names: Sequence[str], actors: Sequence[Actor]
                        ) -> tuple[list[Actor], dict[str, list[str]]]:
    known = {key(s) for a in actors for s in a.names}
    taken = {a.id for a in actors}
    persons = [(a, key(a.name.split()[-1])) for a in actors
               if not a.curated and a.kind == "person" and len(a.name.split()) > 1]
    found: dict[str, Actor] = {}
    aliases: dict[str, list[str]] = {}
    for line in names:
        source_id, name = line.split("\t", 1)
        words = name.split()
        if key(name) in known or (any(c.isdigit() for c in name) and fold_word(name) not in
                                   word_list("seat_names")):
            continue  # "JohnnyB77:": a handle, not a name ("Number 10" is one)
        # "the Lib Dems warned", "Downing Street said": a party or a seat of government
        body = fold_word(name) in word_list("party_names") | word_list("seat_names")
        if not body and (is_function_word(words[0]) or place_kind(name) == "demonym"
                         or is_outlet_word(words[-1])):
            continue
        # a party word in a name: "Damian Green" (a given name first) is a person; "Key
        # Republicans" or "Senior Tories" describe members and name no one
        party = any(is_party_word(w) for w in words) and not (
            len(words) > 1 and first_name_gender(words[0]) and not is_party_word(words[0]))
        if party and fold_word(words[0]) in word_list("group_descriptors"):
            continue
        kind = "person"
        if body or party or re.fullmatch(r"[A-Z][A-Z&]{1,6}", name) or any(
                is_organisation_word(w) for w in words):
            kind = "organization"
        elif place_kind(name) in ("country", "capital"):
            kind = "state"
        elif len(words) == 1:
            close = _misspelled_surname(book.source(source_id), name, persons) or \
                given_name_owner(book.source(source_id), name, persons)  # "Fraser" said
            if close:
                aliases.setdefault(close, []).append(name)
                continue
            longer = _longer_names(book.source(source_id), name)
            if len(longer) > 1:
                continue  # a surname two people of the article share: neither, not a guess
            if longer:
                name = longer[0]
            elif not first_name_gender(name) or described_as_body(book.source(source_id), name):
                kind = "organization"
        ident = slugify(name)
        if ident and ident not in taken:
            found.setdefault(ident, Actor(
                id=ident, name=name, kind=kind, curated=False,
                description=f"Found by extraction as the speaker of a quotation in {source_id}."))
    return sorted(found.values(), key=lambda a: a.id), aliases


def _misspelled_surname(source: Source | None, word: str,
                        persons: Sequence[tuple[Actor, str]]) -> str | None:
    """The one extracted person named in ``source`` whose surname ``word`` misspells.

    ``persons``: the extracted persons of two or more names, each with its folded surname.
    """
    if source is None or len(word) < 5:
        return None
    text = " ".join(p.text for p in source.paragraphs)
    folded = key(word)
    close = [a.id for a, surname in persons if abs(len(surname) - len(folded)) <= 1
             and Levenshtein.distance(surname, folded) == 1 and a.name in text]
    return close[0] if len(close) == 1 else None


def _longer_names(source: Source | None, word: str) -> list[str]:
    """The longer capitalised names of the article ending with ``word`` (``Jane Doe`` for Doe).

    Titles are left out (*Chancellor Jane Doe* → *Jane Doe*). Two of them (*Jane Doe* and her
    brother *Tom Doe*) mean that *Doe* alone names neither surely.
    """
    found: list[str] = []
    if source is None:
        return found
    for para in source.paragraphs:
        for run in re.findall(r"(?:[A-Z][\w-]+ )+" + re.escape(word) + r"\b", para.text):
            words = [w for w in run.split() if not is_function_word(w)]  # not "Japan's X"
            while len(words) > 1 and is_title(words[0]):
                words = words[1:]
            name = " ".join(words[-3:])
            if len(words) > 1 and words[0][:1].isupper() and name not in found:
                found.append(name)
    return found


def analyse(book: Book) -> tuple[list[Actor], list[Mention], list[Quote], People]:
    """Actors (curated, found by name, extracted speakers), their mentions, every quotation.

    People and organisations are found first; quotations are attributed with them; a
    name-shaped speaker that nobody found makes an extracted speaker and a second pass.
    """
    curated = list(book.actors)
    people = find_people(book, curated)
    actors = curated + list(people.actors)
    mentions = find_mentions(book, actors)
    quotes, names = find_quotes(book, mentions, actors, people.genders)
    extra, aliases = extracted_speakers(book, names, actors)
    if extra or aliases:
        actors = [replace(a, aliases=(*a.aliases, *aliases[a.id])) if a.id in aliases else a
                  for a in actors] + extra
        mentions = find_mentions(book, actors)
        quotes, _ = find_quotes(book, mentions, actors, people.genders)
    ids = {a.id for a in actors}
    quotes = [q if q.speaker is None or q.speaker in ids else _unnamed(q) for q in quotes]
    return actors, mentions, quotes, people


def _unnamed(quote: Quote) -> Quote:
    """A quotation whose name-shaped subject was rejected as a speaker: no speaker."""
    return Quote(text=quote.text, source=quote.source, paragraph=quote.paragraph,
                 start=quote.start, end=quote.end, speaker=None,
                 speaker_as_written=quote.speaker_as_written, kind=quote.kind,
                 pattern=quote.pattern, cue=quote.cue, anonymous=quote.anonymous)

"""Direct quotations and their speakers, found by rules (no statistical model).

A quotation is the text between double quotation marks (curly or straight). Its speaker is
found by the rules of :mod:`briefbook.analyse.attribution` (the cue after or before it, a
lead-in, the previous sentence), then, when no rule applies, from the previous quotation of the
same paragraph (a quote split around its attribution) or of the previous paragraph when this
one continues it (the previous paragraph's quote is left open and this paragraph starts with a
quotation mark). Every quotation records the ``cue`` that decided its speaker, and an unnamed
speaker's description (``anonymous``). Quoted text of fewer than :data:`PHRASE_WORDS` words is
a *phrase* (scare quotes, a borrowed term), not a statement.

People and organisations come first (:mod:`briefbook.analyse.people`), so a speaker is an actor
found by its name wherever the article names it; a name-shaped subject nobody found (*Hollandr
said*) becomes an extracted speaker in a second pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from briefbook.analyse.attribution import Attribution, Attributor
from briefbook.analyse.cues import attribute, forward, lead_in_paragraph, previous_sentence
from briefbook.analyse.mentions import Mention, find_mentions
from briefbook.analyse.people import People, find_people
from briefbook.analyse.quotespans import quote_spans
from briefbook.core.cache import cached, key_of, source_key
from briefbook.core.lexicon import (
    first_name_gender,
    is_function_word,
    is_organisation_word,
    is_outlet_word,
    place_kind,
)
from briefbook.core.model import Actor, Book, Source
from briefbook.core.names import key
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
            ``continued`` or ``none``.
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
            found = attribute(para, span, para_spans, index, who)
            if found.pattern == "none" and not index and span.open == 0 and not carried:
                found = lead_in_paragraph(source, para, who, spans)
            if found.pattern == "none" and index and quotes and \
                    quotes[-1].paragraph == para.number:
                found = _carry(quotes[-1], "split", "the same sentence as the previous quotation")
            elif found.pattern == "none" and not index and carried and span.open == 0:
                found = _carry(carried, "continued", "continues the previous paragraph's "
                                                     "quotation")
            if found.pattern == "none":
                found = previous_sentence(para, span, para_spans, who)
            if found.pattern == "none" and span.unclosed and index + 1 == len(para_spans):
                found = forward(source, para, spans, who)
            if found.name and not found.speaker:
                names.append(found.name)
                found = Attribution(speaker=slugify(found.name) or None, written=found.written,
                                    pattern=found.pattern, cue=found.cue)
            words = para.text[span.text_start:span.text_end]
            quote = Quote(text=words, source=source.id, paragraph=para.number,
                          start=span.text_start, end=span.text_end, speaker=found.speaker,
                          speaker_as_written=found.written, pattern=found.pattern,
                          cue=found.cue, anonymous=found.anonymous,
                          kind="phrase" if len(words.split()) < PHRASE_WORDS else "statement")
            quotes.append(quote)
            if quote.kind == "statement" or quote.speaker:
                who.previous = (para.number, span.close, found)
            if span.unclosed and index + 1 == len(para_spans):
                open_from_previous = quote
    return quotes, names


def _carry(quote: Quote, pattern: str, cue: str) -> Attribution:
    return Attribution(speaker=quote.speaker, written=quote.speaker_as_written, pattern=pattern,
                       cue=cue, anonymous=quote.anonymous)


def find_quotes(book: Book, mentions: Sequence[Mention], actors: Sequence[Actor],
                genders: dict[str, str] | None = None) -> tuple[list[Quote], list[str]]:
    """Every quotation of every source of the book, and the unknown name-shaped speakers."""
    table = {a.id: a for a in actors}
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:  # grouped once: filtering per source would be quadratic
        by_source.setdefault(mention.source, []).append(mention)
    registry = key_of(tuple(actors), tuple(sorted((genders or {}).items())))
    quotes: list[Quote] = []
    names: list[tuple[str, str]] = []
    for source in book.sources:
        mine = by_source.get(source.id, [])
        found, new = cached(
            "quotes.source", key_of(source_key(source), tuple(mine), registry),
            lambda source=source, mine=mine: source_quotes(source, mine, table, genders))
        quotes.extend(found)
        names.extend((source.id, n) for n in new)
    return quotes, [f"{s}\t{n}" for s, n in names]


def extracted_speakers(book: Book, names: Sequence[str], actors: Sequence[Actor]
                       ) -> tuple[list[Actor], dict[str, list[str]]]:
    """Actors for name-shaped speakers that no actor has (``"…," Hollandr said``).

    ``names`` are ``source<TAB>name`` lines from :func:`find_quotes`. A one-word name is
    completed from a longer name of the same article ending with it, or joins the one
    extracted person of the article whose surname it misspells by one letter (its spelling is
    then returned as a new alias of that actor); an acronym or a name with an organisation word
    is an organisation, a country a ``state``, any other one-word name a body unless it is a
    given name; an outlet, a demonym, a function word and a known name are not speakers.

    Returns:
        The new actors (sorted by id) and, per existing extracted actor id, new aliases.
    """
    known = {key(s) for a in actors for s in a.names}
    taken = {a.id for a in actors}
    found: dict[str, Actor] = {}
    aliases: dict[str, list[str]] = {}
    for line in names:
        source_id, name = line.split("\t", 1)
        words = name.split()
        if key(name) in known or is_function_word(words[0]) or place_kind(name) == "demonym" \
                or is_outlet_word(words[-1]):
            continue
        kind = "person"
        if re.fullmatch(r"[A-Z][A-Z&]{1,6}", name) or any(is_organisation_word(w) for w in words):
            kind = "organization"
        elif place_kind(name) in ("country", "capital"):
            kind = "state"
        elif len(words) == 1:
            close = _misspelled_surname(book.source(source_id), name, actors)
            if close:
                aliases.setdefault(close, []).append(name)
                continue
            full = _longer_name(book.source(source_id), name)
            if full:
                name = full
            elif not first_name_gender(name):
                kind = "organization"
        ident = slugify(name)
        if ident and ident not in taken:
            found.setdefault(ident, Actor(
                id=ident, name=name, kind=kind, curated=False,
                description=f"Found by extraction as the speaker of a quotation in {source_id}."))
    return sorted(found.values(), key=lambda a: a.id), aliases


def _misspelled_surname(source: Source | None, word: str, actors: Sequence[Actor]) -> str | None:
    """The one extracted person named in ``source`` whose surname ``word`` misspells."""
    if source is None or len(word) < 5:
        return None
    text = " ".join(p.text for p in source.paragraphs)
    close = [a.id for a in actors if not a.curated and a.kind == "person"
             and len(a.name.split()) > 1 and a.name in text
             and Levenshtein.distance(key(a.name.split()[-1]), key(word)) == 1]
    return close[0] if len(close) == 1 else None


def _longer_name(source: Source | None, word: str) -> str | None:
    """A longer capitalised name of the article ending with ``word`` (``Jane Doe`` for Doe)."""
    if source is None:
        return None
    for para in source.paragraphs:
        for run in re.findall(r"(?:[A-Z][\w’'-]+ )+" + re.escape(word) + r"\b", para.text):
            words = [w for w in run.split() if not is_function_word(w)]
            if len(words) > 1 and words[0][:1].isupper():
                return " ".join(words[-3:])
    return None


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
    quotes = [q if q.speaker is None or q.speaker in {a.id for a in actors}
              else _unnamed(q) for q in quotes]
    return actors, mentions, quotes, people


def _unnamed(quote: Quote) -> Quote:
    """A quotation whose name-shaped subject was rejected as a speaker: no speaker."""
    return Quote(text=quote.text, source=quote.source, paragraph=quote.paragraph,
                 start=quote.start, end=quote.end, speaker=None,
                 speaker_as_written=quote.speaker_as_written, kind=quote.kind,
                 pattern=quote.pattern, cue=quote.cue, anonymous=quote.anonymous)

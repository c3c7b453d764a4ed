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
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from briefbook.analyse.attribution import (
    NONE,
    Attribution,
    Attributor,
    clause_after,
    last_speech_verb,
    speech_verb_at,
)
from briefbook.analyse.mentions import Mention, find_mentions
from briefbook.analyse.people import People, find_people
from briefbook.core.cache import cached, key_of, source_key
from briefbook.core.lexicon import (
    first_name_gender,
    is_function_word,
    is_organisation_word,
    is_outlet_word,
    place_kind,
)
from briefbook.core.model import Actor, Book, Paragraph, Source
from briefbook.core.names import key
from briefbook.core.text import sentence_spans, slugify

PHRASE_WORDS = 4
_OPEN = "\u201c\u201e\u00ab"
_CLOSE = "\u201d\u00bb"
_MARK_RE = re.compile("[" + re.escape(_OPEN + _CLOSE + '"') + "]")
_STRAY = " \u2018\u2019'\u201c\u201d\""
_DASH_RE = re.compile(r"^\s*[—–]\s*|^\s+-{1,2}\s+")
_ACCORDING_RE = re.compile(r"\baccording to\s+(?P<subj>[^,.;:]+)", re.IGNORECASE)


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


@dataclass(frozen=True)
class _Span:
    open: int
    close: int  # index of the closing mark, or len(text) when left open
    text_start: int
    text_end: int
    unclosed: bool


def quote_spans(text: str) -> list[_Span]:
    """Spans between double quotation marks; a quote left open runs to the paragraph's end.

    A mark shaped as an opening one (``“``, or ``"`` after a sentence's end and a space and
    before a word) met while a quotation is open starts a new quotation and leaves the open one
    unclosed before it: the news style of a quotation running over several paragraphs, where
    each paragraph reopens the quotation without closing the last (``"A. "B."``), kept when the
    paragraph breaks were lost.
    """
    spans: list[_Span] = []
    opened: int | None = None
    for mark in _MARK_RE.finditer(text):  # only the quotation marks can open or close
        index, char = mark.start(), mark.group()
        straight = char == '"'
        if opened is not None and _reopens(text, index, char):
            spans.append(_make_span(text, opened, index, unclosed=True))
            opened = None
        if opened is None and (char in _OPEN or (straight and _opens(text, index))):
            opened = index
        elif opened is not None and (char in _CLOSE or straight):
            spans.append(_make_span(text, opened, index, unclosed=False))
            opened = None
    if opened is not None:
        spans.append(_make_span(text, opened, len(text), unclosed=True))
    return [s for s in spans if s.text_end > s.text_start and not _nickname(text, s)]


def _opens(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    return before.isspace() or before in "([—–-/"


def _reopens(text: str, index: int, char: str) -> bool:
    """An opening mark after the end of a sentence inside an open quotation (``grasp. "Yet``)."""
    if char in _CLOSE or index + 1 >= len(text) or not text[index + 1].isalnum():
        return False
    return bool(re.search(r"[.?!:;][’'\u2019]?\s+$", text[max(0, index - 4):index]))


def _make_span(text: str, opened: int, close: int, *, unclosed: bool) -> _Span:
    start, end = opened + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or (unclosed and text[end - 1] in _STRAY)):
        end -= 1
    return _Span(opened, close, start, end, unclosed)


def _nickname(text: str, span: _Span) -> bool:
    """``Robert "Bob" Jones``: one capitalised word between two capitalised words."""
    inner = text[span.text_start:span.text_end]
    before = text[:span.open].split()[-1:] or [""]
    after = text[span.close + 1:].split()[:1] or [""]
    return (len(inner.split()) == 1 and inner[:1].isupper() and before[0][:1].isupper()
            and after[0][:1].isupper() and not before[0].endswith((".", ",", ":")))


def _masked(text: str, spans: Sequence[_Span]) -> str:
    """``text`` with quoted words masked (a final ``.``/``?``/``!`` inside is kept)."""
    chars = list(text)
    for s in spans:
        last = min(s.close, len(text)) - 1
        for i in range(s.open + 1, last + 1):
            if not (i == last and chars[i] in ".?!") and not (
                    i == s.text_end - 1 and chars[i] in ".?!"):
                chars[i] = "X"
    return "".join(chars)


@lru_cache(maxsize=256)
def _masked_sentences(text: str, spans: tuple[_Span, ...]) -> tuple[tuple[int, int], ...]:
    """Sentence spans of ``text`` with the quotations masked (once per paragraph, not per quote)."""
    return tuple(sentence_spans(_masked(text, spans)))


def _attribute(para: Paragraph, span: _Span, spans: Sequence[_Span], index: int,
               who: Attributor) -> Attribution:
    """The cue of one quotation, after it, then before it (module docstring)."""
    text = para.text
    sentences = _masked_sentences(text, tuple(spans)) or ((0, len(text)),)
    sent_start = max([a for a, _ in sentences if a <= span.open] or [0])
    sent_end = min([b for _, b in sentences if b > span.close] or [len(text)])
    next_open = spans[index + 1].open if index + 1 < len(spans) else len(text)
    prev_close = spans[index - 1].close + 1 if index else 0
    tail_a = span.close + 1
    tail_b = min(sent_end, next_open)
    tail = text[tail_a:tail_b] if tail_a < tail_b else ""
    lead = len(tail) - len(tail.lstrip(" ,.;:—–-"))
    quoted = text[span.text_start:span.text_end].rstrip()
    attached = quoted.endswith((",", "?", "!", "—", "-", "–")) or tail[:lead].strip(" .") != ""
    if (dash := _DASH_RE.match(tail)) and not speech_verb_at(tail):
        a = tail_a + dash.end()
        return who.subject(para, a, clause_after(text, a, tail_b), span.open, "dash",
                           "\"…\" — X")
    if attached and tail.strip():
        found = _after(para, tail_a + lead, tail_b, span, who)
        if found is not None:
            return found
    m = _ACCORDING_RE.search(tail)
    if m:
        return who.subject(para, tail_a + m.start("subj"), tail_a + m.end("subj"), span.open,
                           "according-to", "according to X")
    head_a = max(sent_start, prev_close)
    head = text[head_a:span.open]
    m = _ACCORDING_RE.search(head)
    if m:
        return who.subject(para, head_a + m.start("subj"), head_a + m.end("subj"), span.open,
                           "according-to", "according to X")
    verb = last_speech_verb(head)
    if verb and head[:verb.start()].strip(" ,.;:—–-\u201d\""):
        return who.subject(para, head_a, head_a + verb.start(), span.open, "before",
                           f"X {verb.group()}: \"…\"")
    if head.rstrip().endswith(":") and head.strip(" :"):
        a = head_a + _lead_in_start(head)
        return who.subject(para, a, head_a + len(head.rstrip()), span.open, "lead-in",
                           "X: \"…\" (lead-in)")
    return NONE


def _after(para: Paragraph, a: int, b: int, span: _Span, who: Attributor) -> Attribution | None:
    """``"…," said X`` / ``"…," X said`` / ``"…," X told …`` in the text after a quotation."""
    text = para.text
    first = re.match(r"[\w’'.-]+", text[a:b])
    verb = speech_verb_at(text[:b], a)
    if first and verb and verb.start() == a:
        s = verb.end()
        return who.subject(para, s, clause_after(text, s, b), span.open, "after",
                           f"\"…,\" {verb.group()} X")
    if verb and len(text[a:verb.start()].split()) <= 25:
        return who.subject(para, a, verb.start(), span.open, "after",
                           f"\"…,\" X {verb.group()}")
    return None


def _lead_in_start(head: str) -> int:
    """Skip the connective of a lead-in: ``And from Senator P:`` → ``Senator P``."""
    m = re.match(r"\s*(?:(?:and|but|so|then|also)\s+)?(?:(?:from|by|for)\s+)?", head,
                 re.IGNORECASE)
    return m.end() if m else 0


def _lead_in_paragraph(source: Source, para: Paragraph, who: Attributor,
                       spans: dict[int, list[_Span]]) -> Attribution:
    """A paragraph ending with ``:`` before a paragraph that opens with a quotation."""
    prev = source.paragraph(para.number - 1)
    if prev is None or prev.boilerplate or not prev.text.rstrip().endswith(":"):
        return NONE
    prev_spans = spans.get(prev.number, [])
    if prev_spans and prev_spans[-1].close >= len(prev.text.rstrip()) - 2:
        return NONE
    start = max([a for a, _ in sentence_spans(prev.text)] or [0])
    if prev_spans:
        start = max(start, prev_spans[-1].close + 1)
    sentence = prev.text[start:].rstrip()
    verb = last_speech_verb(sentence)
    end = start + (verb.start() if verb else len(sentence) - 1)
    a = start + _lead_in_start(sentence)
    found = who.subject(prev, a, end, len(prev.text), "lead-in",
                        "lead-in paragraph ending with a colon")
    return found


def _previous_sentence(para: Paragraph, span: _Span, spans: Sequence[_Span],
                       who: Attributor) -> Attribution:
    """A quotation standing alone after a sentence that reports a statement by someone."""
    sentences = _masked_sentences(para.text, tuple(spans))
    before = [(a, b) for a, b in sentences if b <= span.open]
    if not before or any(s.open >= before[-1][0] and s.close < span.open for s in spans):
        return NONE
    a, b = before[-1]
    verb = last_speech_verb(para.text[a:b])
    if verb is None or not para.text[a:a + verb.start()].strip():
        return NONE
    found = who.subject(para, a, a + verb.start(), span.open, "previous-sentence",
                        f"previous sentence: X {verb.group()} …")
    return found if found.speaker else NONE


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
            found = _attribute(para, span, para_spans, index, who)
            if found.pattern == "none" and not index and span.open == 0 and not carried:
                found = _lead_in_paragraph(source, para, who, spans)
            if found.pattern == "none" and index and quotes and \
                    quotes[-1].paragraph == para.number:
                found = _carry(quotes[-1], "split", "the same sentence as the previous quotation")
            elif found.pattern == "none" and not index and carried and span.open == 0:
                found = _carry(carried, "continued", "continues the previous paragraph's "
                                                     "quotation")
            if found.pattern == "none":
                found = _previous_sentence(para, span, para_spans, who)
            if found.pattern == "none" and span.unclosed and index + 1 == len(para_spans):
                found = _forward(source, para, spans, who)
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


def _forward(source: Source, para: Paragraph, spans: dict[int, list[_Span]],
             who: Attributor) -> Attribution:
    """An open quote attributed at the end of its continuation in the next paragraph."""
    following = source.paragraph(para.number + 1)
    nxt = spans.get(para.number + 1) if following else None
    if not following or not nxt or nxt[0].open != 0:
        return NONE
    found = _attribute(following, nxt[0], nxt, 0, who)
    if found.pattern == "none":
        return NONE
    return Attribution(speaker=found.speaker, written=found.written, pattern="continued",
                       cue=f"continued in the next paragraph: {found.cue}",
                       anonymous=found.anonymous, name=found.name)


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

"""Direct quotations and their speakers, found by rules (no statistical model).

A quotation is the text between double quotation marks (curly or straight). Its speaker is
found, in this order, from

1. the text right after it: ``"…," X said``, ``"…," said TITLE NAME``, ``"…," X told …``,
   ``"…," X's statement read``, ``according to X``;
2. the text before it in the same sentence: ``X said "…"``, ``X told reporters that "…"``,
   ``X warned that "…"``;
3. the previous quotation of the same paragraph (a quote split around its attribution) or of
   the previous paragraph when this one continues it (the previous paragraph's quote is left
   open and this paragraph starts with a quotation mark).

The subject of the attribution is resolved to an actor through the mentions inside it (a
misspelling resolves when it is a curated alias); a pronoun (*he*, *she*, *it*, *they*) or a
role noun (*the spokesman*) resolves to the last-named fitting actor before the quotation.
A subject naming nobody known (*a defense official*) leaves the speaker ``None`` and keeps the
words as ``speaker_as_written``. Quoted text of fewer than :data:`PHRASE_WORDS` words is a
*phrase* (scare quotes, a borrowed term), not a statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.analyse.mentions import _TITLE_WORDS, Mention, find_mentions, name_candidates
from briefbook.core.cache import cached, key_of, source_key
from briefbook.core.model import Actor, Book, Paragraph, Source
from briefbook.core.names import key
from briefbook.core.text import sentence_spans, slugify

PHRASE_WORDS = 4
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december""".split())
_BODIES = frozenset("""agency ministry department office council committee forces army
    government house institute party news press command police court""".split())
_NAME_PREFIXES = frozenset({"us", "u.s", "prime", "vice", "deputy", "former", "acting"})
_OPEN = "\u201c\u201e\u00ab"
_CLOSE = "\u201d\u00bb"
_MARK_RE = re.compile("[" + re.escape(_OPEN + _CLOSE + '"') + "]")
_STRAY = " \u2018\u2019'\u201c\u201d\""
_VERBS = (r"said|says|say|told|tells|added|adds|warned|warns|stated|states|noted|notes|noting|"
          r"continued|continues|wrote|writes|asked|asks|explained|argued|argues|insisted|"
          r"declared|tweeted|read|reads|commented|replied|responded|announced|cautioned|"
          r"confirmed|condemned|calling|called|described|describes|denied|threatened|claimed|"
          r"claims|urged|acknowledged|recalled|added")
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
_AFTER_SAID_RE = re.compile(rf"^(?:{_VERBS})\s+(?P<subj>.+)$", re.IGNORECASE | re.DOTALL)
_SUBJ_SAID_RE = re.compile(rf"^(?P<subj>.{{1,240}}?)\s+(?:{_VERBS})\b", re.IGNORECASE | re.DOTALL)
_ACCORDING_RE = re.compile(r"\baccording to\s+(?P<subj>[^,.;]+)", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"^(?:(?P<pron>he|she|it|they)|the\s+(?P<noun>[a-z-]+))$",
                         re.IGNORECASE)
_COMMON_STARTS = frozenset("""the a an it he she they at in on but and while when after earlier
    this that these those his her its their we i you""".split())


@dataclass(frozen=True, kw_only=True)
class Quote:
    """One quotation.

    Attributes:
        text: The quoted words, verbatim (without the quotation marks).
        source: The source id.
        paragraph: The paragraph number.
        start: Offset of ``text`` in the paragraph.
        end: Offset just after ``text``.
        speaker: The actor id, or ``None`` when unattributed.
        speaker_as_written: The attribution's subject as written ("Smith", "a city
            official"), or ``None``.
        kind: ``statement`` or ``phrase``.
        pattern: How the speaker was found: ``after``, ``before``, ``according-to``,
            ``pronoun``, ``split``, ``continued`` or ``none``.
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


@dataclass(frozen=True)
class _Span:
    open: int
    close: int  # index of the closing mark, or len(text) when left open
    text_start: int
    text_end: int
    unclosed: bool


def quote_spans(text: str) -> list[_Span]:
    """Spans between double quotation marks; a quote left open runs to the paragraph's end."""
    spans: list[_Span] = []
    opened: int | None = None
    for mark in _MARK_RE.finditer(text):  # only the quotation marks can open or close
        index, char = mark.start(), mark.group()
        straight = char == '"'
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
    chars = list(text)
    for s in spans:
        for i in range(s.open + 1, min(s.close, len(text))):
            chars[i] = "x"
    return "".join(chars)


@lru_cache(maxsize=256)
def _masked_sentences(text: str, spans: tuple[_Span, ...]) -> tuple[tuple[int, int], ...]:
    """Sentence spans of ``text`` with the quotations masked (once per paragraph, not per quote)."""
    return tuple(sentence_spans(_masked(text, spans)))


class _Resolver:
    """Resolves attribution subjects to actors within one source."""

    def __init__(self, source: Source, mentions: Sequence[Mention], actors: dict[str, Actor],
                 spans: dict[int, list[_Span]]) -> None:
        self.source = source
        self.actors = actors
        self.mentions = sorted(
            (m for m in mentions
             if not any(s.text_start <= m.start < s.text_end for s in spans.get(m.paragraph, []))),
            key=lambda m: (m.paragraph, m.start))
        self.previous: Quote | None = None

    def within(self, paragraph: int, a: int, b: int) -> list[Mention]:
        return [m for m in self.mentions if m.paragraph == paragraph and a <= m.start < b]

    def before(self, paragraph: int, offset: int) -> list[Mention]:
        return [m for m in self.mentions
                if m.paragraph < paragraph or (m.paragraph == paragraph and m.start < offset)]

    def kind(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.kind if actor else "person"

    def fits(self, mention: Mention, noun: str) -> bool:
        actor = self.actors.get(mention.actor)
        stem = noun.rstrip("s")[:7]
        titles = [r.title for r in actor.roles] if actor else []
        para = self.source.paragraph(mention.paragraph)
        if para:
            lead = max([m.end for m in self.mentions if m.paragraph == mention.paragraph
                        and m.end <= mention.start] + [mention.start - 48, 0])
            window = re.split(r"[.,;:]", para.text[lead:mention.start])[-1]
            titles.append(" ".join(window.split()[-4:]))
        return any(stem in key(t) for t in titles)

    def resolve(self, para: Paragraph, a: int, b: int, at: int) -> tuple[str | None, str]:
        """The actor named by the subject ``para.text[a:b]`` of a quote starting at ``at``."""
        subject = para.text[a:b].strip(" ,;:—–-")
        subject = _VERB_RE.split(subject)[0].strip(" ,;:—–-") or subject
        found = self.within(para.number, a, b)
        persons = [m for m in found if self.kind(m.actor) == "person"]
        if persons:
            return persons[0].actor, subject
        if found:
            return found[-1].actor, subject
        pron = _PRONOUN_RE.match(subject)
        if pron:
            return self.pronoun(para.number, min(a, at), pron.group("pron"),
                                pron.group("noun")), subject
        name = _extracted_name(subject)
        return (slugify(name) or None) if name else None, subject

    def pronoun(self, paragraph: int, at: int, pron: str | None, noun: str | None) -> str | None:
        earlier = self.before(paragraph, at)
        prev = self.previous
        recent = prev is not None and prev.speaker and paragraph - prev.paragraph <= 2
        if pron and pron.lower() in ("he", "she"):
            people = [m for m in earlier if self.kind(m.actor) == "person"]
            return people[-1].actor if people else (prev.speaker if recent and prev else None)
        if pron and pron.lower() == "it":
            if recent and prev:
                return prev.speaker
            bodies = [m for m in earlier if self.kind(m.actor) != "person"]
            return bodies[-1].actor if bodies else None
        if pron:
            bodies = [m for m in earlier if self.kind(m.actor) != "person"]
            return bodies[-1].actor if bodies else None
        if noun and noun.lower() in ("statement", "release", "report"):
            return prev.speaker if recent and prev else None
        fitting = [m for m in earlier if noun and self.fits(m, noun.lower())]
        return fitting[-1].actor if fitting else None


def _extracted_name(subject: str) -> str | None:
    """A person-like name in an attribution subject, titles removed (``Sen. A B`` → ``A B``)."""
    for part in subject.split(","):
        runs = []
        for start, _, run in name_candidates(part.strip()):
            words = run.split()
            if start == 0 and words[0].lower() in _COMMON_STARTS:
                words = words[1:]
            titles = [i for i, w in enumerate(words)
                      if key(w).rstrip(".") in _TITLE_WORDS | _NAME_PREFIXES]
            if titles and titles[-1] + 1 < len(words):
                words = words[titles[-1] + 1:]
            elif titles:
                words = []
            if words and not (len(words) == 1 and key(words[0]) in _CALENDAR):
                runs.append(" ".join(words))
        multi = [r for r in runs if len(r.split()) > 1]
        if multi or runs:
            return re.sub(r"[’']s$", "", (multi or runs)[-1])
    return None


def _attribute(para: Paragraph, span: _Span, spans: Sequence[_Span], index: int,
               resolver: _Resolver) -> tuple[str | None, str | None, str]:
    text = para.text
    sentences = _masked_sentences(text, tuple(spans)) or [(0, len(text))]
    sent_start = max([a for a, _ in sentences if a <= span.open] or [0])
    sent_end = min([b for _, b in sentences if b > span.close] or [len(text)])
    next_open = spans[index + 1].open if index + 1 < len(spans) else len(text)
    prev_close = spans[index - 1].close + 1 if index else 0
    tail_a = span.close + 1
    tail_b = min(sent_end, next_open)
    tail = text[tail_a:tail_b] if tail_a < tail_b else ""
    lead = len(tail) - len(tail.lstrip(" ,.;:—–-"))
    stripped = tail[lead:]
    quoted = text[span.text_start:span.text_end].rstrip()
    attached = quoted.endswith((",", "?", "!", "—", "-")) or tail[:lead].strip() != ""
    m = _AFTER_SAID_RE.match(stripped) if attached else None
    if m:
        a = tail_a + lead + m.start("subj")
        speaker, written = resolver.resolve(para, a, tail_b, span.open)
        return speaker, written, "after"
    m = _SUBJ_SAID_RE.match(stripped) if attached else None
    if m and len(m.group("subj").split()) <= 25:
        a = tail_a + lead
        speaker, written = resolver.resolve(para, a, a + m.end("subj"), span.open)
        return speaker, written, "pronoun" if _PRONOUN_RE.match(written) else "after"
    m = _ACCORDING_RE.search(tail)
    if m:
        speaker, written = resolver.resolve(para, tail_a + m.start("subj"),
                                            tail_a + m.end("subj"), span.open)
        return speaker, written, "according-to"
    head_a = max(sent_start, prev_close)
    head = text[head_a:span.open]
    m = _ACCORDING_RE.search(head)
    if m:
        speaker, written = resolver.resolve(para, head_a + m.start("subj"),
                                            head_a + m.end("subj"), span.open)
        return speaker, written, "according-to"
    verbs = list(_VERB_RE.finditer(head))
    if verbs and head[:verbs[-1].start()].strip(" ,.;:—–-\u201d\""):
        b = head_a + verbs[-1].start()
        speaker, written = resolver.resolve(para, head_a, b, span.open)
        return speaker, written, "pronoun" if _PRONOUN_RE.match(written) else "before"
    return None, None, "none"


def source_quotes(source: Source, mentions: Sequence[Mention],
                  actors: dict[str, Actor]) -> list[Quote]:
    """Every quotation of one source with its speaker, in reading order."""
    spans = {p.number: quote_spans(p.text) for p in source.paragraphs if not p.boilerplate}
    resolver = _Resolver(source, [m for m in mentions if m.source == source.id], actors, spans)
    quotes: list[Quote] = []
    open_from_previous: Quote | None = None
    for para in source.paragraphs:
        if para.boilerplate:
            continue
        para_spans = spans[para.number]
        carried = open_from_previous
        open_from_previous = None
        for index, span in enumerate(para_spans):
            speaker, written, pattern = _attribute(para, span, para_spans, index, resolver)
            if pattern == "none" and index and quotes and quotes[-1].paragraph == para.number:
                speaker, written, pattern = (quotes[-1].speaker, quotes[-1].speaker_as_written,
                                             "split")
            elif pattern == "none" and not index and carried and span.open == 0:
                speaker, written, pattern = carried.speaker, carried.speaker_as_written, \
                    "continued"
            if pattern == "none" and span.unclosed and index + 1 == len(para_spans):
                speaker, written, pattern = _forward(source, para, spans, resolver)
            words = para.text[span.text_start:span.text_end]
            quote = Quote(text=words, source=source.id, paragraph=para.number,
                          start=span.text_start, end=span.text_end, speaker=speaker,
                          speaker_as_written=written, pattern=pattern,
                          kind="phrase" if len(words.split()) < PHRASE_WORDS else "statement")
            quotes.append(quote)
            if quote.kind == "statement" or quote.speaker:
                resolver.previous = quote
            if span.unclosed and index + 1 == len(para_spans):
                open_from_previous = quote
    return quotes


def _forward(source: Source, para: Paragraph, spans: dict[int, list[_Span]],
             resolver: _Resolver) -> tuple[str | None, str | None, str]:
    """An open quote attributed at the end of its continuation in the next paragraph."""
    following = source.paragraph(para.number + 1)
    nxt = spans.get(para.number + 1) if following else None
    if not following or not nxt or nxt[0].open != 0:
        return None, None, "none"
    speaker, written, pattern = _attribute(following, nxt[0], nxt, 0, resolver)
    return (speaker, written, "continued") if pattern != "none" else (None, None, "none")


def find_quotes(book: Book, mentions: Sequence[Mention], actors: Sequence[Actor]) -> list[Quote]:
    """Every quotation of every source of the book."""
    table = {a.id: a for a in actors}
    by_source: dict[str, list[Mention]] = {}
    for mention in mentions:  # grouped once: filtering per source would be quadratic
        by_source.setdefault(mention.source, []).append(mention)
    registry = key_of(tuple(actors))
    quotes: list[Quote] = []
    for source in book.sources:
        mine = by_source.get(source.id, [])
        quotes.extend(cached(
            "quotes.source", key_of(source_key(source), tuple(mine), registry),
            lambda source=source, mine=mine: tuple(source_quotes(source, mine, table))))
    return quotes


def extracted_speakers(book: Book, quotes: Sequence[Quote],
                       actors: Sequence[Actor]) -> list[Actor]:
    """Actors for the speakers that extraction named but the registry does not know.

    A one-word name ("Doe said") is completed from a longer capitalised name ending with it in
    the same article ("Minister Jane Doe"), which also makes it a person; one that cannot be
    completed is kept as written and taken for a body unless the quote's subject gave it a
    personal title.
    """
    known = {a.id for a in actors}
    names: dict[str, tuple[str, str]] = {}
    for quote in quotes:
        if not quote.speaker or quote.speaker in known or not quote.speaker_as_written:
            continue
        name = _extracted_name(quote.speaker_as_written)
        if not name or slugify(name) != quote.speaker:
            continue
        kind = "person"
        if len(name.split()) == 1:
            full = _longer_name(book.source(quote.source), name)
            if full:
                name = full
            elif not re.match(r"(?:Mr|Mrs|Ms|Dr)\.?\s", quote.speaker_as_written):
                kind = "organization"
        if _BODIES & set(key(name).split()):
            kind = "organization"
        names.setdefault(slugify(name), (name, kind))
    surnames = {key(n).split()[-1] for n, _ in names.values() if len(n.split()) > 1}
    found = [Actor(id=i, name=n, kind=k, curated=False) for i, (n, k) in names.items()
             if len(n.split()) > 1 or key(n) not in surnames]
    return sorted(found, key=lambda a: a.id)


def _longer_name(source: Source | None, word: str) -> str | None:
    if source is None:
        return None
    for para in source.paragraphs:
        for _, _, run in name_candidates(para.text):
            words = run.split()
            titles = [i for i, w in enumerate(words)
                      if key(w).rstrip(".") in _TITLE_WORDS | _NAME_PREFIXES | _COMMON_STARTS]
            words = words[titles[-1] + 1:] if titles else words
            if len(words) > 1 and key(words[-1]) == key(word) and words[0][:1].isupper():
                return " ".join(words)
    return None


def analyse(book: Book) -> tuple[list[Actor], list[Mention], list[Quote]]:
    """Actors (curated and extracted speakers), their mentions, and every quotation.

    Two passes: the first finds quotations with the curated registry and collects the speakers
    it names that the registry lacks; the second matches everyone, so an extracted speaker's
    later surname-only mentions and pronouns resolve too.
    """
    curated = list(book.actors)
    first = find_quotes(book, find_mentions(book, curated), curated)
    actors = curated + extracted_speakers(book, first, curated)
    mentions = find_mentions(book, actors)
    return actors, mentions, find_quotes(book, mentions, actors)

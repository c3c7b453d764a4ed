"""Disagreements between independent sources about the same event: figures and days.

Two routes, both generic:

- **Through the text.** Sentences that report a figure (killed, injured, detained, missing) are
  indexed like :mod:`briefbook.analyse.align` does, loosely: two sentences of independent
  sources that share at least :data:`MIN_SHARED` rare words, among them a capitalised name, are
  taken to report the same thing. When both state a figure for the same verb and the figures
  cannot both be true, read with their hedges ("at least nine" agrees with ten; "nine others,
  including a soldier" is nine), that is a ``number`` disagreement; its note quotes both.
- **Through words of one class.** Sentences of independent sources that name different things
  of one class (``core/data/entity_classes.txt``: "two frigates" / "two destroyers") and share
  at least :data:`ENTITY_SHARED` other content words are taken to report the same thing; that
  is a ``number`` disagreement (what was counted differs, as when the figure differs), its
  note quoting both phrases.
- **Through the curated events** (``Book.events``, when the chronology stage provides them):
  the figures an event records from different independent sources, and the weekdays its cited
  paragraphs give, are compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from briefbook.analyse.align import Alignment, Sentence, candidate_pairs
from briefbook.analyse.changes import Token, _dates, _number, tokenize
from briefbook.analyse.discrepancies import Discrepancy
from briefbook.analyse.quantities import Quantity, quantities, subset_start
from briefbook.core.lexicon import word_list
from briefbook.core.model import Book
from briefbook.core.wordlists import FIGURE_VERBS, entity_classes

#: Rare words two figure sentences must share to be about the same thing.
MIN_SHARED = 3
#: Figure verbs whose figure is their subject, never an object after them.
_INTRANSITIVE = frozenset("die dies died dying perish perished".split())
#: Words that open a new clause: an active verb's object does not run past them.
_CLAUSE_WORDS = frozenset("when while after before because since as where whereas".split())
_PASSIVE = frozenset("was were been being are is be".split())
_COORDINATORS = frozenset(("and", "or", "but"))
_FIGURE_STEMS = frozenset(w[:6] for w in FIGURE_VERBS)
#: Content words besides the class words two sentences naming things of one class must share.
ENTITY_SHARED = 2
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _total(parts: list[Quantity], text: str, tokens: list[Token]) -> Quantity:
    """Figures added up ("two soldiers and three civilians"), with the words that state them."""
    first, last = parts[0], parts[-1]
    return Quantity(low=sum(q.low for q in parts), high=sum(q.high for q in parts),
                    unit=first.unit, first=first.first, last=last.last,
                    text=first.text if len(parts) == 1 else
                    text[tokens[first.first].start:tokens[min(last.last + 1,
                                                              len(tokens) - 1)].end])


def sentence_ranges(text: str) -> dict[str, Quantity]:
    """The figures a sentence states, by verb class, as ranges with their words.

    After an active verb ("killed two guards and a nurse") the figures up to the next figure
    verb are added up, but not those after "including", "among them" or "of whom" (a part of
    the figure before); before a passive verb ("four workers were injured") the nearest
    figure counts. Hedges widen the range ("at least nine": nine or more); dates are not
    figures.
    """
    tokens = tokenize(text)
    _, date_indexes = _dates(tokens)
    found = quantities(text, tokens, date_indexes)
    out: dict[str, Quantity] = {}
    for i, tok in enumerate(tokens):
        kind = FIGURE_VERBS.get(tok.key)
        if kind is None or kind in out:
            continue
        if (i > 0 and tokens[i - 1].key in _PASSIVE) or tok.key in _INTRANSITIVE:
            # "four workers were injured", "eleven people died": the figure is the subject
            before = [q for q in found if i - 7 < q.last < i]
            if before:
                out[kind] = before[-1]
            continue
        # after an active verb the object ends where the clause does ("killed two when …",
        # "killed 37 and forced 12,000 from their homes": a second verb of the subject)
        stop = next((k for k in range(i + 1, len(tokens))
                     if tokens[k].key in FIGURE_VERBS or tokens[k].key in _CLAUSE_WORDS
                     or _second_verb(text, tokens, k)), len(tokens))
        stop = min(stop, subset_start(tokens, i + 1))
        after = [q for q in found if i < q.first and q.last < stop]
        if after:
            out[kind] = _total(after, text, tokens)
    return out


def _second_verb(text: str, tokens: list[Token], k: int) -> bool:
    """Token ``k`` is a finite verb after a coordinator: *and forced*, *, leaving*.

    A verb is a word of ``verbs.txt`` or a regular ``-ed`` past; after a comma, also an
    ``-ing`` participle (*killed nine, leaving dozens homeless*).
    """
    if k == 0:
        return False
    word, comma = tokens[k].key, "," in text[tokens[k - 1].end:tokens[k].start]
    if not comma and tokens[k - 1].key not in _COORDINATORS:
        return False
    return word in word_list("verbs") or (len(word) > 4 and word.endswith("ed")) or (
        comma and len(word) > 5 and word.endswith("ing"))


def sentence_figures(text: str) -> dict[str, int]:
    """The definite figures a sentence states, by verb class (``killed``: 4, ``injured``: 2).

    A hedged figure ("at least nine") is not definite and is left out (see
    :func:`sentence_ranges`).
    """
    return {kind: int(q.low) for kind, q in sentence_ranges(text).items() if q.low == q.high}


def _shown(q: Quantity) -> str:
    if q.low == q.high:
        return f"{q.low:g}"
    return f"at least {q.low:g}" if q.high == float("inf") else f"{q.low:g} to {q.high:g}"


def _names(sentence: Sentence) -> set[str]:
    words = re.findall(r"(?<![.!?\"\u201c]\s)(?<!^)\b([A-Z][a-z\u00e0-\u024f]{2,})", sentence.text)
    return {w.casefold()[:6] for w in words}


def figure_disagreements(
    alignment: Alignment, related: Callable[[str, str], bool],
) -> list[Discrepancy]:
    """``number`` disagreements between independent sentences reporting the same figures."""
    figured = [s for s in alignment.sentences if any(w in FIGURE_VERBS for w in
                                                     re.findall(r"[a-z]+", s.text.lower()))]
    figures = [sentence_ranges(s.text) for s in figured]
    keep = [i for i, f in enumerate(figures) if f]
    subset = [figured[i] for i in keep]
    found: list[Discrepancy] = []
    for i, j in candidate_pairs(subset, min_shared=MIN_SHARED):
        a, b = subset[i], subset[j]
        if related(a.source, b.source):
            continue
        shared_words = {w for w in set(a.words) & set(b.words)
                        if w not in _FIGURE_STEMS and _number(w) is None}
        if len(shared_words) < MIN_SHARED or not (_names(a) & _names(b) & shared_words):
            continue
        fa, fb = figures[keep[i]], figures[keep[j]]
        for kind in sorted(set(fa) & set(fb)):
            if not fa[kind].compatible(fb[kind]):
                found.append(Discrepancy(
                    kind="number", a=a, b=b, relation="independent",
                    note=f"{kind}: {_shown(fa[kind])} versus {_shown(fb[kind])} "
                         f"(\u201c{fa[kind].text}\u201d / \u201c{fb[kind].text}\u201d)"))
    return found


def class_phrases(text: str) -> dict[str, dict[str, str]]:
    """Words of each entity class a sentence names: class → {word: phrase as written}.

    The phrase is the word (singular or plural, any case) with the word before it ("two
    frigates", "navy destroyers"), to be quoted in a note. Most sentences name no class word:
    one search for any of them comes first, then each word alone, and only a word found is
    searched with the word before it (the same matches, without trying a preceding word at
    every position of every sentence for every class word). Remembered per sentence; the
    result is shared, not to be changed.
    """
    patterns = _class_patterns()
    if _PHRASES_OF[0] is not patterns:  # the class words changed (tests): start afresh
        _PHRASES.clear()
        _PHRASES_OF[0] = patterns
    found = _PHRASES.get(text)
    if found is None:
        if len(_PHRASES) > _PHRASES_KEPT:
            _PHRASES.clear()
        found = _PHRASES[text] = _phrases(text, patterns)
    return found


#: :func:`class_phrases` by sentence, for the class words it was found with (a served book's
#: rebuild after an added article searches only that article's sentences again).
_PHRASES: dict[str, dict[str, dict[str, str]]] = {}
_PHRASES_OF: list[object] = [None]
_PHRASES_KEPT = 500_000


def _phrases(text: str, patterns: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...],
             ) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    if not patterns or _any_class_word().search(text) is None:
        return out
    for name, word, alone, pattern in patterns:
        if alone.search(text) is None:
            continue
        match = pattern.search(text)
        if match:
            out.setdefault(name, {})[word] = match.group(0)
    return out


def _class_word(word: str) -> str:
    """The pattern of a class word or phrase, singular or plural, bounded by word edges."""
    parts = [re.escape(w) for w in word.split()]
    last = parts[-1]
    parts[-1] = (f"{last[:-1]}(?:y|ies)" if last.endswith("y") and len(last) > 2
                 else f"{last}(?:e?s)?")
    return r"\b" + r"\s+".join(parts) + r"\b"


@lru_cache(maxsize=1)
def _class_patterns() -> tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...]:
    """``(class, word, the word alone, the word with the word before it)`` of every word."""
    out = []
    for name, words in sorted(entity_classes().items()):
        for word in sorted(words):
            body = _class_word(word)
            out.append((name, word, re.compile(body, re.IGNORECASE), re.compile(
                rf"(?:\b[\w\u00c0-\u024f'-]+\s+)?{body}", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=1)
def _any_class_word() -> re.Pattern[str]:
    """One pattern matching wherever any class word matches (a sentence naming none is done)."""
    return re.compile("|".join(f"(?:{_class_word(w)})" for _, w, _, _ in _class_patterns()),
                      re.IGNORECASE)


def class_disagreements(
    alignment: Alignment, related: Callable[[str, str], bool],
) -> list[Discrepancy]:
    """``number`` disagreements: independent sentences naming different things of one class.

    Two sentences of independent sources (``related`` false) about the same thing (at least
    :data:`ENTITY_SHARED` shared content words besides the class words) that name words of
    one class, none in common ("two frigates" / "two destroyers"), disagree; a general word
    ("warships") is in no class and agrees with any. The note quotes both phrases.
    """
    named = [(s, class_phrases(s.text)) for s in alignment.sentences]
    named = [(s, c) for s, c in named if c]
    found: list[Discrepancy] = []
    for k, (a, ca) in enumerate(named):
        for b, cb in named[k + 1:]:
            if a.source == b.source or related(a.source, b.source):
                continue
            for name in sorted(set(ca) & set(cb)):
                if not set(ca[name]).isdisjoint(cb[name]):
                    continue
                stems = {w[:6] for w in (*ca[name], *cb[name])}
                shared = {w for w in set(a.words) & set(b.words) if w[:6] not in stems}
                if len(shared) < ENTITY_SHARED:
                    continue
                first = " / ".join(ca[name][w] for w in sorted(ca[name]))
                second = " / ".join(cb[name][w] for w in sorted(cb[name]))
                found.append(Discrepancy(
                    kind="number", a=a, b=b, relation="independent",
                    note=f"{name}: \u201c{first}\u201d versus \u201c{second}\u201d"))
    return found


def _cited(event: Any) -> Iterable[tuple[str, int]]:
    for cited in getattr(event, "sources", ()) or ():
        for number in getattr(cited, "paragraphs", ()) or ():
            yield getattr(cited, "source", ""), int(number)


def _paragraph_sentence(book: Book, source: str, number: int) -> Sentence | None:
    src = book.source(source)
    para = src.paragraph(number) if src else None
    if para is None:
        return None
    return Sentence(source=source, paragraph=number, index=0, text=para.text, words=())


def event_disagreements(book: Book, derived_from: dict[str, str]) -> list[Discrepancy]:
    """Disagreements among the independent sources an event cites: figures and weekdays."""
    found: list[Discrepancy] = []
    for event in getattr(book, "events", ()) or ():
        event_id = str(getattr(event, "id", ""))
        title = str(getattr(event, "title", event_id))
        for field in ("fatalities", "injured"):
            figures = [f for f in getattr(event, field, ()) or ()
                       if getattr(f, "count", None) is not None]
            by_source: dict[str, tuple[int, tuple[str, int]]] = {}
            for fig in figures:
                for cited in getattr(fig, "cited", ()) or ():
                    src = getattr(cited, "source", "")
                    if src in derived_from:
                        continue
                    paras = getattr(cited, "paragraphs", ()) or (1,)
                    by_source.setdefault(src, (int(fig.count), (src, int(paras[0]))))
            values = sorted(by_source.items())
            for (sa, (ca, ra)), (sb, (cb, rb)) in zip(values, values[1:], strict=False):
                a, b = _paragraph_sentence(book, *ra), _paragraph_sentence(book, *rb)
                if ca != cb and a and b:
                    found.append(Discrepancy(
                        kind="number", a=a, b=b, relation="independent", event=event_id,
                        note=f"{title}: {field} {ca} ({sa}) versus {cb} ({sb})"))
        days: dict[str, tuple[set[int], tuple[str, int]]] = {}
        for src, number in _cited(event):
            if src in derived_from:
                continue
            sentence = _paragraph_sentence(book, src, number)
            if sentence is None:
                continue
            weekdays = {d for kind, d in _dates(tokenize(sentence.text))[0] if kind == "weekday"}
            if weekdays:
                entry = days.setdefault(src, (set(), (src, number)))
                entry[0].update(weekdays)
        listed = sorted(days.items())
        for k, (sa, (wa, ra)) in enumerate(listed):
            for sb, (wb, rb) in listed[k + 1:]:
                if wa.isdisjoint(wb):
                    a, b = _paragraph_sentence(book, *ra), _paragraph_sentence(book, *rb)
                    if a and b:
                        found.append(Discrepancy(
                            kind="date", a=a, b=b, relation="independent", event=event_id,
                            note=f"{title}: {_days(wa)} ({sa}) versus {_days(wb)} ({sb})"))
    return found


def _days(numbers: set[int]) -> str:
    return " or ".join(_WEEKDAY_NAMES[n] for n in sorted(numbers))

"""Disagreements between independent sources about the same event: figures and days.

Two routes, both generic:

- **Through the text.** Sentences that report a figure (killed, injured, detained, missing)
  are indexed like :mod:`briefbook.analyse.align` does, loosely: two sentences of independent
  sources
  that share at least :data:`MIN_SHARED` rare words, among them a capitalised name, are taken to
  report the same thing. When both state a definite figure for the same verb and the figures
  differ, that is a ``number`` disagreement.
- **Through the curated events** (``Book.events``, when the chronology stage provides them):
  the figures an event records from different independent sources, and the weekdays its cited
  paragraphs give, are compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from briefbook.analyse.align import Alignment, Sentence, candidate_pairs
from briefbook.analyse.changes import Token, _dates, _number, tokenize
from briefbook.analyse.discrepancies import Discrepancy
from briefbook.core.model import Book
from briefbook.core.wordlists import FIGURE_VERBS

#: Rare words two figure sentences must share to be about the same thing.
MIN_SHARED = 3
_PASSIVE = frozenset("was were been being are is be".split())
_NOT_A_COUNT = frozenset("number lot few series total handful statement result".split())
_FIGURE_STEMS = frozenset(w[:6] for w in FIGURE_VERBS)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _count_after(tokens: list[Token], start: int) -> int | None:
    """Sum of the quantities after a verb, up to the next figure verb or the sentence end."""
    total, seen = 0, False
    for k in range(start, len(tokens)):
        key = tokens[k].key
        if key in FIGURE_VERBS:
            break
        value = _quantity(tokens, k)
        if value is not None:
            total += value
            seen = True
    return total if seen else None


def _quantity(tokens: list[Token], k: int) -> int | None:
    key = tokens[k].key
    if key in ("a", "an", "another"):
        following = tokens[k + 1].key if k + 1 < len(tokens) else ""
        return None if following in _NOT_A_COUNT else 1
    value = _number(key)
    if value is None or (key.isdigit() and 1900 <= int(key) <= 2100):
        return None  # a year, not a count
    return int(value)


def _count_before(tokens: list[Token], verb: int) -> int | None:
    for k in range(verb - 1, max(-1, verb - 7), -1):
        value = _quantity(tokens, k)
        if value is not None:
            return value
    return None


def sentence_figures(text: str) -> dict[str, int]:
    """The definite figures a sentence states, by verb class (``killed``: 4, ``injured``: 2)."""
    tokens = tokenize(text)
    _, date_indexes = _dates(tokens)
    tokens = [t for i, t in enumerate(tokens) if i not in date_indexes]
    out: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        kind = FIGURE_VERBS.get(tok.key)
        if kind is None or kind in out:
            continue
        passive = i > 0 and tokens[i - 1].key in _PASSIVE
        count = _count_before(tokens, i) if passive else _count_after(tokens, i + 1)
        if count is not None:
            out[kind] = count
    return out


def _names(sentence: Sentence) -> set[str]:
    words = re.findall(r"(?<![.!?\"\u201c]\s)(?<!^)\b([A-Z][a-z\u00e0-\u024f]{2,})", sentence.text)
    return {w.casefold()[:6] for w in words}


def figure_disagreements(
    alignment: Alignment, related: Callable[[str, str], bool],
) -> list[Discrepancy]:
    """``number`` disagreements between independent sentences reporting the same figures."""
    figured = [s for s in alignment.sentences if any(w in FIGURE_VERBS for w in
                                                     re.findall(r"[a-z]+", s.text.lower()))]
    figures = [sentence_figures(s.text) for s in figured]
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
            if fa[kind] != fb[kind]:
                found.append(Discrepancy(
                    kind="number", a=a, b=b, relation="independent",
                    note=f"{kind}: {fa[kind]} versus {fb[kind]} (figures as read from the text)"))
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

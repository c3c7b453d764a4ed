"""Near-miss spellings and unknown names: spellings close to a registered name, never merged.

A capitalised word a few edits from a registered name or surname is reported to the editor as
a near-miss candidate (with the paragraph it stands in), and a capitalised run no actor matches
as an unknown name; neither is ever merged into an actor automatically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from briefbook.analyse.aliastable import TITLE_WORDS, AliasTable
from briefbook.analyse.mentions import (
    _CAP_RUN_RE,
    _LEADING_WORDS,
    _TITLE_ABBR,
    Mention,
)
from briefbook.core.model import Actor, Book
from briefbook.core.names import key


@dataclass(frozen=True, kw_only=True)
class NearMiss:
    """A spelling close to a registered name, never merged automatically."""

    text: str
    actor: str
    registered: str
    source: str
    paragraph: int



def name_candidates(text: str) -> list[tuple[int, int, str]]:
    """Capitalised name-like runs of a paragraph as ``(start, end, text)``."""
    return [(m.start(), m.end(), m.group().rstrip(".’'")) for m in _CAP_RUN_RE.finditer(text)]


def near_misses(book: Book, actors: Sequence[Actor], mentions: Sequence[Mention],
                *, max_distance: int = 2) -> list[NearMiss]:
    """Capitalised words close to (but not equal to) a registered name or surname.

    A word of 6–8 letters may differ by one edit, a longer one by ``max_distance``. Words that
    are curated spellings, or mentions of curated actors, are not reported; a speaker found by
    extraction only ("Smiht said") is compared with every other registered name.
    """
    table = AliasTable.build(actors)
    registered: dict[str, tuple[str, str]] = {}
    for actor in actors:
        for spelling in actor.names:
            words = [w for w in key(spelling).split() if w.rstrip(".") not in TITLE_WORDS]
            if not words:
                continue
            distinctive = words[-1] if actor.kind == "person" else words[0]
            if len(distinctive) >= 5:
                registered.setdefault(distinctive, (actor.id, spelling))
    curated = {a.id for a in actors if a.curated}
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for m in mentions:
        if m.actor in curated:
            spans.setdefault((m.source, m.paragraph), []).append((m.start, m.end))
    trusted = curated | {a.id for a in actors if len(key(a.name).split()) > 1}
    known_words = {w for k, actor_id in table.full.items() if actor_id in trusted
                   for w in k.split()}
    found: dict[tuple[str, int, str], NearMiss] = {}
    deletions = _deletion_index(registered, max(max_distance, 1))
    closest: dict[str, str | None] = {}
    for source in book.sources:
        for para in source.paragraphs:
            if para.boilerplate:
                continue
            taken = spans.get((source.id, para.number), [])
            for match in re.finditer(r"(?<![\w'’])[A-Z][\w’']{4,}", para.text):
                if any(a <= match.start() < b for a, b in taken):
                    continue
                word = key(match.group())
                if word in known_words or len(word) < 5:
                    continue
                if len(word) < 6:
                    continue
                if word not in closest:
                    limit = 1 if len(word) <= 8 else max_distance
                    closest[word] = _closest(word, limit, deletions)
                candidate = closest[word]
                if candidate is not None:
                    actor_id, spelling = registered[candidate]
                    found.setdefault((source.id, para.number, match.group()), NearMiss(
                        text=match.group(), actor=actor_id, registered=spelling,
                        source=source.id, paragraph=para.number))
    return [found[k] for k in sorted(found)]


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` characters deleted (itself included)."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _deletion_index(words: Iterable[str], depth: int) -> dict[str, list[str]]:
    """Deletion variant → the words that have it (a symmetric-delete index)."""
    index: dict[str, list[str]] = {}
    for word in sorted(words):
        for variant in _deletions(word, depth):
            index.setdefault(variant, []).append(word)
    return index


def _closest(word: str, limit: int, index: dict[str, list[str]]) -> str | None:
    """The first registered word (in sorted order) within ``limit`` edits of ``word``.

    Two words within ``limit`` edits share a variant with at most ``limit`` deletions each, so
    only the words the index lists for ``word``'s variants are compared: linear in the text,
    not in text × registered names.
    """
    candidates = {c for v in _deletions(word, limit) for c in index.get(v, ())}
    for candidate in sorted(candidates):
        if abs(len(candidate) - len(word)) > limit or word.startswith(candidate):
            continue
        if 0 < Levenshtein.distance(word, candidate, score_cutoff=limit) <= limit:
            return candidate
    return None


def unknown_names(book: Book, mentions: Sequence[Mention],
                  *, ignore: Iterable[str] = ()) -> list[tuple[str, int, str]]:
    """Capitalised multi-word names (or title + name) not covered by any mention.

    Returns ``(source, paragraph, text)`` triples, in reading order.
    """
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault((m.source, m.paragraph), []).append((m.start, m.end))
    skip = {key(i) for i in ignore}
    found: list[tuple[str, int, str]] = []
    for source in book.sources:
        for para in source.paragraphs:
            if para.boilerplate:
                continue
            taken = spans.get((source.id, para.number), [])
            for start, end, text in name_candidates(para.text):
                words = text.split()
                if len(words) < 2 or any(a < end and start < b for a, b in taken):
                    continue
                while words and key(words[0]) in _LEADING_WORDS:
                    words = words[1:]
                if len(words) < 2 or key(words[-1]).rstrip(".") in TITLE_WORDS | _TITLE_ABBR:
                    continue
                name = " ".join(words)
                if key(name) not in skip:
                    found.append((source.id, para.number, name))
    return found

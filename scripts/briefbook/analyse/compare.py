"""Source comparison: derivative copies, and every difference between aligned sentences.

Built on :mod:`briefbook.analyse.align`. A source most of whose sentences align to one other source
is
*derived* from it (a copy, a rewrite, a wire story run twice); the share of its sentences that
align is reported. For each aligned pair of a derivative and its original, the sentences are
compared word by word and each change is classified (see :mod:`briefbook.analyse.changes`):
``contradiction``, ``number``, ``date``, ``attribution``, ``role`` or ``wording`` (benign, shown
but not flagged). Aligned sentences of independent sources are compared the same way, keeping
only the changes that are not wording, and independent reports of the same casualty figures
are compared (see :mod:`briefbook.analyse.figures`).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from briefbook.analyse.align import Alignment, Sentence, SentencePair, align
from briefbook.analyse.changes import Change, Vocabulary, diff_sentences, role_vocabulary
from briefbook.analyse.discrepancies import KINDS, Discrepancy
from briefbook.analyse.figures import (
    class_disagreements,
    event_disagreements,
    figure_disagreements,
)
from briefbook.core.model import Book, Source

log = logging.getLogger(__name__)
#: Share of a source's sentences that must align to one other source for it to be derived.
DERIVED_SHARE = 0.6
#: A derivative needs at least this many aligned sentences (one shared quote is not a copy).
DERIVED_MIN_SENTENCES = 3
#: Aligned pairs of independent sources scoring below this are too loose to compare words.
INDEPENDENT_MIN_SCORE = 75.0


@dataclass(frozen=True, kw_only=True)
class Derivation:
    """A source found (or curated) to be derived from another.

    Attributes:
        source: The derivative's id.
        original: The id of the source it copies.
        share: Share of the derivative's sentences aligned to the original (0–1).
        aligned: How many of its sentences align.
        total: How many sentences it has.
        curated: ``derived_from`` is set in sources.yml.
        detected: The alignment found it.
    """

    source: str
    original: str
    share: float
    aligned: int
    total: int
    curated: bool
    detected: bool


@dataclass(frozen=True, kw_only=True)
class PairDiff:
    """One aligned sentence pair and its classified changes (``a`` is the original side)."""

    a: Sentence
    b: Sentence
    score: float
    changes: tuple[Change, ...]


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """Everything the comparison stage found."""

    alignment: Alignment
    derivations: tuple[Derivation, ...]
    diffs: dict[tuple[str, str], tuple[PairDiff, ...]]
    unmatched: dict[tuple[str, str], tuple[tuple[Sentence, ...], tuple[Sentence, ...]]]
    discrepancies: tuple[Discrepancy, ...]
    seconds: float = 0.0

    @property
    def derived_from(self) -> dict[str, str]:
        """Derivative id → original id, for every detected or curated derivation."""
        return {d.source: d.original for d in self.derivations}


def _order(book: Book) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(book.sources)}


def _direction(x: Source, y: Source, share_x: float, share_y: float,
               order: Mapping[str, int]) -> tuple[Source, Source]:
    """Which of two mutually aligned sources is the copy: (derivative, original).

    The later date; else the weaker date basis; else the source more of whose sentences the
    other holds; else the one listed later in ``sources.yml`` (added later; ``order``).
    """
    if x.date and y.date and x.date != y.date:
        return (x, y) if x.date > y.date else (y, x)
    rank = {"stated": 0, "inferred": 1, "unknown": 2}
    if rank.get(x.date_basis, 2) != rank.get(y.date_basis, 2):
        return (x, y) if rank.get(x.date_basis, 2) > rank.get(y.date_basis, 2) else (y, x)
    if abs(share_x - share_y) > 0.02:
        return (x, y) if share_x > share_y else (y, x)
    return (x, y) if (order.get(x.id, 0), x.id) > (order.get(y.id, 0), y.id) else (y, x)


def find_derivations(book: Book, alignment: Alignment, *,
                     share: float = DERIVED_SHARE) -> tuple[Derivation, ...]:
    """Detected derivatives, merged with the curated ``derived_from`` (which always wins)."""
    totals = {sid: len(ss) for sid, ss in alignment.by_source.items()}
    aligned: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for pair in alignment.pairs:
        aligned[(pair.a.source, pair.b.source)].add((pair.a.paragraph, pair.a.index))
        aligned[(pair.b.source, pair.a.source)].add((pair.b.paragraph, pair.b.index))

    def share_of(x: str, y: str) -> float:
        return len(aligned.get((x, y), ())) / totals[x] if totals.get(x) else 0.0

    order = {s.id: i for i, s in enumerate(book.sources)}
    found: dict[str, Derivation] = {}
    seen: set[tuple[str, str]] = set()
    for x_id, y_id in sorted(aligned):
        if (y_id, x_id) in seen:
            continue
        seen.add((x_id, y_id))
        sx, sy = share_of(x_id, y_id), share_of(y_id, x_id)
        if max(sx, sy) < share:
            continue
        x, y = book.source(x_id), book.source(y_id)
        if x is None or y is None:
            continue
        if sx >= share and sy >= share:
            copy, original = _direction(x, y, sx, sy, order)
        else:
            copy, original = (x, y) if sx >= share else (y, x)
        count = len(aligned[(copy.id, original.id)])
        if count < DERIVED_MIN_SENTENCES:
            continue
        best = found.get(copy.id)
        this = Derivation(source=copy.id, original=original.id,
                          share=round(share_of(copy.id, original.id), 3), aligned=count,
                          total=totals[copy.id], curated=False, detected=True)
        if best is None or (this.share, this.aligned) > (best.share, best.aligned):
            found[copy.id] = this
    for source in book.sources:
        if source.derived_from:
            detected = found.get(source.id)
            count = len(aligned.get((source.id, source.derived_from), ()))
            total = totals.get(source.id, 0)
            found[source.id] = Derivation(
                source=source.id, original=source.derived_from,
                share=round(count / total, 3) if total else 0.0, aligned=count, total=total,
                curated=True,
                detected=bool(detected and detected.original == source.derived_from))
    # A source cannot be both a copy and, through that copy, its own original.
    for sid in sorted(found):
        d = found.get(sid)
        back = found.get(d.original) if d else None
        if d and back and back.original == sid and not d.curated:
            del found[sid]
    order = _order(book)
    return tuple(sorted(found.values(), key=lambda d: (order.get(d.source, 0), d.source)))


def _related(derived_from: dict[str, str], x: str, y: str) -> bool:
    def root(s: str) -> str:
        seen = {s}
        while s in derived_from and derived_from[s] not in seen:
            s = derived_from[s]
            seen.add(s)
        return s
    return root(x) == root(y)


def _oriented(pair: SentencePair, original: str) -> tuple[Sentence, Sentence]:
    return (pair.a, pair.b) if pair.a.source == original else (pair.b, pair.a)


def _diff(a: str, b: str, vocabulary: Vocabulary) -> tuple[Change, ...]:
    """:func:`~briefbook.analyse.changes.diff_sentences`, remembered by its arguments.

    ``mkdocs serve`` compares the book again after an added article; the pairs it compared
    before give the same changes.
    """
    slot = (a, b, vocabulary)
    found = _DIFFS.get(slot)
    if found is None:
        if len(_DIFFS) > _DIFFS_KEPT:
            _DIFFS.clear()
        found = _DIFFS[slot] = tuple(diff_sentences(a, b, vocabulary=vocabulary))
    return found


_DIFFS: dict[tuple[str, str, Vocabulary], tuple[Change, ...]] = {}
_DIFFS_KEPT = 500_000


def _pair_key(d: Discrepancy) -> frozenset[tuple[str, int, int]]:
    """The two sentences of a discrepancy, in either order."""
    return frozenset({(d.a.source, d.a.paragraph, d.a.index),
                      (d.b.source, d.b.paragraph, d.b.index)})


def compare(book: Book, *, alignment: Alignment | None = None,
            derivations: Iterable[Derivation] | None = None) -> Comparison:
    """Run the comparison stage over a book (pure; the alignment may be passed in)."""
    started = time.perf_counter()
    alignment = alignment or align(book.sources)
    derivs = tuple(derivations) if derivations is not None else find_derivations(book, alignment)
    derived_from = {d.source: d.original for d in derivs}
    vocabulary = role_vocabulary(getattr(book, "actors", ()))
    by_pair: dict[frozenset[str], list[SentencePair]] = defaultdict(list)
    for pair in alignment.pairs:
        by_pair[frozenset((pair.a.source, pair.b.source))].append(pair)
    diffs: dict[tuple[str, str], tuple[PairDiff, ...]] = {}
    unmatched: dict[tuple[str, str], tuple[tuple[Sentence, ...], tuple[Sentence, ...]]] = {}
    found: list[Discrepancy] = []
    for d in derivs:
        rows: list[PairDiff] = []
        for pair in by_pair.get(frozenset((d.source, d.original)), ()):
            a, b = _oriented(pair, d.original)
            changes = _diff(a.text, b.text, vocabulary)
            rows.append(PairDiff(a=a, b=b, score=pair.score, changes=changes))
            found.extend(Discrepancy(kind=c.kind, a=a, b=b, note=c.note) for c in changes)
        rows.sort(key=lambda r: (r.a.paragraph, r.a.index, r.b.paragraph, r.b.index))
        diffs[(d.original, d.source)] = tuple(rows)
        used_a = {(r.a.paragraph, r.a.index) for r in rows}
        used_b = {(r.b.paragraph, r.b.index) for r in rows}
        only_a = [s for s in alignment.by_source.get(d.original, ())
                  if (s.paragraph, s.index) not in used_a]
        only_b = [s for s in alignment.by_source.get(d.source, ())
                  if (s.paragraph, s.index) not in used_b]
        both = {s.folded for s in only_a} & {s.folded for s in only_b}  # too short to align
        unmatched[(d.original, d.source)] = (  # ("Floods", '"No," he said.'), yet in both
            tuple(s for s in only_a if s.folded not in both),
            tuple(s for s in only_b if s.folded not in both))
    for pair in alignment.pairs:
        x, y = pair.a.source, pair.b.source
        if _related(derived_from, x, y) or x in derived_from or y in derived_from:
            continue
        if pair.score < INDEPENDENT_MIN_SCORE:
            continue
        for c in _diff(pair.a.text, pair.b.text, vocabulary):
            if c.kind != "wording":
                found.append(Discrepancy(kind=c.kind, a=pair.a, b=pair.b, note=c.note,
                                         relation="independent"))
    def related(x: str, y: str) -> bool:
        return _related(derived_from, x, y) or x in derived_from or y in derived_from

    figures = figure_disagreements(alignment, related)
    said = {_pair_key(d) for d in figures}  # "killed: 39 versus 41" says what "39 → 41" says
    found = [d for d in found if not (d.relation == "independent" and d.kind == "number"
                                      and _pair_key(d) in said)]
    found.extend(figures)
    seen = {(d.a.source, d.a.paragraph, d.a.index, d.b.source, d.b.paragraph, d.b.index)
            for d in found if d.relation == "independent" and d.kind == "number"}
    found.extend(d for d in class_disagreements(alignment, related)
                 if (d.a.source, d.a.paragraph, d.a.index, d.b.source, d.b.paragraph,
                     d.b.index) not in seen)
    found.extend(event_disagreements(book, derived_from))
    order = _order(book)
    found.sort(key=lambda f: (
        f.relation != "derived", order.get(f.a.source, 0), f.a.paragraph, f.a.index,
        order.get(f.b.source, 0), f.b.paragraph, f.b.index, KINDS.index(f.kind), f.note))
    return Comparison(alignment=alignment, derivations=derivs, diffs=diffs, unmatched=unmatched,
                      discrepancies=tuple(found),
                      seconds=round(time.perf_counter() - started, 3))

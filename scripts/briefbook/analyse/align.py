"""Sentence alignment across sources: which sentences of one article say what another says.

The alignment is generic and near-linear in the size of the corpus. Every citable paragraph is
split into sentences; each sentence is reduced to its folded content words (stop words and
very short tokens dropped, words cut to a stem of six letters so that "attacks" meets
"attacked"). An inverted index maps each content word to the sentences holding it; words held by
more than ``max_df`` sentences are left out of the index (they say nothing about which
sentences are related, and their posting lists are what would make the work quadratic). Two
sentences of different sources become a *candidate* when they share at least ``min_shared``
indexed words; only candidates are scored, with :mod:`rapidfuzz`. A candidate whose score
reaches ``threshold`` is an aligned pair; each sentence keeps its best match in each other
source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from rapidfuzz import fuzz

from briefbook.core.model import Source
from briefbook.core.text import fold, sentence_spans

#: Score (0–100, rapidfuzz) from which two sentences count as saying the same thing.
THRESHOLD = 62.0
#: A word held by more sentences than this is not indexed (document-frequency cut-off).
MAX_DF = 60
#: A sentence with fewer rare words is also indexed by its next rarest ones, up to this number.
MIN_INDEXED = 5
#: Words held by more sentences than this are never indexed.
COMMON_DF = 1500
#: Indexed words two sentences must share to be scored at all.
MIN_SHARED = 2
#: Sentences with fewer content words than this are not aligned (datelines, "Read more").
MIN_WORDS = 3
_WORD_RE = re.compile(r"[0-9a-z\u00e0-\u024f]+")
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself said says
    say told according mr mrs ms
    """.split()
)


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """One sentence of a citable paragraph.

    Attributes:
        source: The source id.
        paragraph: The paragraph number (from 1).
        index: Position of the sentence in its paragraph (from 0).
        text: The sentence as written.
        words: Its folded content words (stems), in order.
        folded: The sentence folded for matching (:func:`fast_fold`).
    """

    source: str
    paragraph: int
    index: int
    text: str
    words: tuple[str, ...]
    folded: str = ""


@dataclass(frozen=True, kw_only=True)
class SentencePair:
    """Two aligned sentences of different sources (``a`` sorts before ``b``) and their score."""

    a: Sentence
    b: Sentence
    score: float


@dataclass(frozen=True, kw_only=True)
class Alignment:
    """The aligned sentence pairs of a corpus, and what was compared."""

    sentences: tuple[Sentence, ...]
    pairs: tuple[SentencePair, ...]
    candidates: int = 0
    by_source: dict[str, tuple[Sentence, ...]] = field(default_factory=dict)

    def between(self, first: str, second: str) -> list[SentencePair]:
        """The pairs aligning sources ``first`` and ``second`` (in either order)."""
        return [p for p in self.pairs if {p.a.source, p.b.source} == {first, second}]


def fast_fold(text: str) -> str:
    """:func:`briefbook.core.text.fold`, with a shortcut for plain ASCII text (most news prose)."""
    return " ".join(text.lower().split()) if text.isascii() else fold(text)


def content_words(text: str, folded: str | None = None) -> tuple[str, ...]:
    """Folded content words of ``text``, cut to six-letter stems (order kept)."""
    words = _WORD_RE.findall((folded if folded is not None else fast_fold(text)).replace("'", ""))
    return tuple(w[:6] for w in words if w not in STOPWORDS and (len(w) > 2 or w.isdigit()))


def sentences_of(sources: Iterable[Source]) -> list[Sentence]:
    """Every sentence of every citable (non-boilerplate) paragraph, in corpus order.

    A source's sentences are remembered by its id and paragraphs (``mkdocs serve`` after an
    added article splits and folds only that article).
    """
    out: list[Sentence] = []
    for source in sources:
        slot = (source.id, tuple((p.number, p.text, p.boilerplate) for p in source.paragraphs))
        found = _SENTENCES.get(slot)
        if found is None:
            found = _SENTENCES[slot] = _source_sentences(source)
        out.extend(found)
    if len(_SENTENCES) > _KEPT:
        _SENTENCES.clear()
    return out


def _source_sentences(source: Source) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for para in source.paragraphs:
        if para.boilerplate:
            continue
        for index, (start, end) in enumerate(sentence_spans(para.text)):
            text = para.text[start:end].strip()
            folded = fast_fold(text)
            out.append(Sentence(source=source.id, paragraph=para.number, index=index,
                                text=text, words=content_words(text, folded), folded=folded))
    return tuple(out)


#: Sentences by source (see :func:`sentences_of`), and scores by sentence pair
#: (:func:`similarity`), kept in memory for a serve session; each starts afresh past a size.
_SENTENCES: dict[tuple[object, ...], tuple[Sentence, ...]] = {}
_SCORES: dict[tuple[object, ...], float] = {}
_KEPT = 50_000
_SCORES_KEPT = 2_000_000


def candidate_pairs(
    sentences: Sequence[Sentence], *, max_df: int = MAX_DF, min_shared: int = MIN_SHARED,
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of sentences of different sources worth scoring.

    Uses an inverted index of content words with a document-frequency cut-off, so the cost is
    bounded by ``len(sentences) × words per sentence × max_df`` instead of all pairs. The index
    is filled as the sentences are read, so each pair is met once.
    """
    usable = [len(s.words) >= MIN_WORDS for s in sentences]
    df = Counter(chain.from_iterable(set(s.words) for s, ok in zip(sentences, usable,
                                                                   strict=True) if ok))
    postings: dict[str, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    for i, sentence in enumerate(sentences):
        if not usable[i]:
            continue
        words = _indexed_words(sentence, df, max_df)
        shared = Counter(chain.from_iterable(postings[w] for w in words if w in postings))
        pairs.extend((j, i) for j, count in shared.items()
                     if count >= min_shared and sentences[j].source != sentence.source)
        for word in words:
            postings[word].append(i)
    pairs.sort()
    return pairs


def _indexed_words(sentence: Sentence, df: Counter[str], max_df: int) -> list[str]:
    """The words a sentence is indexed by.

    Every rare word (``df <= max_df``); and when it has fewer than :data:`MIN_INDEXED` of
    those, its next rarest words up to that number (so a sentence of common words still meets
    its copies), never a word held by more than :data:`COMMON_DF` sentences.
    """
    ranked = sorted(set(sentence.words), key=lambda w: (df[w], w))
    rare = [w for w in ranked if df[w] <= max_df]
    if len(rare) >= MIN_INDEXED:
        return rare
    return [w for w in ranked[:MIN_INDEXED] if df[w] <= COMMON_DF]


def similarity(a: Sentence, b: Sentence) -> float:
    """How alike two sentences are (0–100): the mean of character and word-order ratios."""
    x, y = " ".join(a.words), " ".join(b.words)
    return (fuzz.ratio(x, y) + fuzz.token_sort_ratio(a.folded or fast_fold(a.text),
                                                    b.folded or fast_fold(b.text))) / 2


def align(
    sources: Iterable[Source], *, threshold: float = THRESHOLD, max_df: int = MAX_DF,
    min_shared: int = MIN_SHARED,
) -> Alignment:
    """Align the sentences of ``sources``; each sentence keeps its best match per other source.

    Args:
        sources: The articles (their citable paragraphs are used).
        threshold: Minimum :func:`similarity` of an aligned pair.
        max_df: Document-frequency cut-off of the word index.
        min_shared: Indexed words a candidate pair must share.
    """
    sentences = sentences_of(sources)
    candidates = candidate_pairs(sentences, max_df=max_df, min_shared=min_shared)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    if len(_SCORES) > _SCORES_KEPT:
        _SCORES.clear()
    for i, j in candidates:
        a, b = sentences[i], sentences[j]
        slot = (a.words, a.folded, b.words, b.folded)
        score = _SCORES.get(slot)  # a pure function of these (see similarity)
        if score is None:
            score = _SCORES[slot] = similarity(a, b)
        if score < threshold:
            continue
        for me, other in ((i, j), (j, i)):
            key = (me, sentences[other].source)
            if key not in best or (score, -other) > (best[key][0], -best[key][1]):
                best[key] = (score, other)
    kept: dict[tuple[int, int], float] = {}
    for (me, _), (score, other) in best.items():
        kept[(min(me, other), max(me, other))] = round(score, 1)
    pairs = tuple(SentencePair(a=sentences[i], b=sentences[j], score=s)
                  for (i, j), s in sorted(kept.items()))
    by_source: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_source[sentence.source].append(sentence)
    return Alignment(sentences=tuple(sentences), pairs=pairs, candidates=len(candidates),
                     by_source={k: tuple(v) for k, v in by_source.items()})

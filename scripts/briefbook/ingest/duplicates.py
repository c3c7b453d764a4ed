"""Near-verbatim duplicates on the way in: is this article's text already in the book?

The same bytes are caught by their SHA-256 in :mod:`briefbook.ingest.text`. This module
catches the copies that differ only a little (a repost with another footer, re-wrapped lines,
curly instead of straight quotes): the new text is compared with every source already in the
book, paragraph by paragraph and as a whole, after :func:`briefbook.core.text.fold`. A reworded
article (different sentences saying the same thing) is not a near-verbatim copy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from briefbook.core.errors import ArticleError
from briefbook.core.text import fold
from briefbook.core.yamlio import items_of, load_yaml
from briefbook.read.article import read_article
from briefbook.read.sources import ARTICLE_SUFFIXES, source_id_for

#: Whole-text similarity (0–100, rapidfuzz ``ratio`` on folded text) that makes a near copy.
WHOLE_TEXT_CUTOFF = 90.0
#: Similarity (0–100) for one paragraph to count as the same paragraph.
PARAGRAPH_CUTOFF = 95.0
#: Share of the new article's paragraphs found in one source that makes a near copy.
PARAGRAPH_SHARE = 0.8
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class Duplicate:
    """The source an incoming article nearly duplicates.

    Attributes:
        source: The id of the source already in the book.
        similarity: Whole-text similarity, 0–100.
        matched: How many of the new article's paragraphs are (nearly) in that source.
        paragraphs: How many paragraphs the new article has.
    """

    source: str
    similarity: float
    matched: int
    paragraphs: int

    def describe(self) -> str:
        """A short human description for messages."""
        return (f"{int(self.similarity)}% similar to source '{self.source}'; {self.matched} of "
                f"its {self.paragraphs} paragraphs are there nearly word for word")


def _norm(text: str) -> str:
    return _SPACE_RE.sub(" ", fold(text)).strip()


def article_paragraphs(data: bytes, display: str) -> list[str]:
    """The paragraph texts of an article's bytes (empty when it cannot be read)."""
    try:
        article = read_article(data, display)
    except ArticleError:
        return []
    return [p.text for p in article.paragraphs if not p.boilerplate]


def book_texts(briefing: Path) -> dict[str, list[str]]:
    """The paragraphs of every article in ``briefing/sources/``, by source id."""
    folder = briefing / "sources"
    if not folder.is_dir():
        return {}
    data, _ = load_yaml(briefing / "sources.yml", "sources.yml")
    ids = {str(node["file"]): str(node["id"]) for _, node in items_of(data, "sources")
           if isinstance(node, dict) and node.get("file") and node.get("id")}
    texts: dict[str, list[str]] = {}
    for path in sorted(folder.iterdir()):
        if (path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES
                and not path.name.startswith(".")):
            sid = ids.get(path.name, source_id_for(path.name))
            texts[sid] = article_paragraphs(path.read_bytes(), f"sources/{path.name}")
    return texts


def near_duplicate(
    paragraphs: Sequence[str], existing: Mapping[str, Sequence[str]],
) -> Duplicate | None:
    """The existing source that ``paragraphs`` copy nearly verbatim, or ``None``.

    A near copy either has a whole-text similarity of at least :data:`WHOLE_TEXT_CUTOFF`, or
    has at least two paragraphs and :data:`PARAGRAPH_SHARE` of them found (each at least
    :data:`PARAGRAPH_CUTOFF` similar) in one source. The most similar source wins; ties go
    to the smaller id, so the answer is deterministic.
    """
    new = [_norm(p) for p in paragraphs if p.strip()]
    if not new:
        return None
    whole_new = " ".join(new)
    best: Duplicate | None = None
    for sid in sorted(existing):
        old = [_norm(p) for p in existing[sid] if p.strip()]
        if not old:
            continue
        similarity = fuzz.ratio(whole_new, " ".join(old))
        matched = sum(1 for p in new if process.extractOne(
            p, old, scorer=fuzz.ratio, score_cutoff=PARAGRAPH_CUTOFF) is not None)
        share = matched / len(new)
        if similarity >= WHOLE_TEXT_CUTOFF or (len(new) >= 2 and share >= PARAGRAPH_SHARE):
            found = Duplicate(source=sid, similarity=similarity, matched=matched,
                              paragraphs=len(new))
            if best is None or (found.similarity, found.matched) > (best.similarity,
                                                                    best.matched):
                best = found
    return best

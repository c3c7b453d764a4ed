"""Quotations read in a copy of another source: flagged, with the original's wording.

A source marked ``derived_from`` in ``sources.yml``, or detected as a copy by
:mod:`briefbook.analyse.compare`, repeats another article, often with machine-changed wording
("aimed at unraveling" for "aims to de-escalate"). Its quotations are not the speaker's words:
they are flagged, and the quotation of the original that the aligned sentence holds is given
where the alignment has one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefbook.analyse.compare import Comparison
from briefbook.analyse.quotes import Quote
from briefbook.analyse.quotespans import quote_spans

#: Below this similarity (0–100) an aligned quotation is not taken for the original wording.
MIN_SIMILARITY = 50.0


@dataclass(frozen=True, kw_only=True)
class Copied:
    """A quotation of a derived source.

    Attributes:
        original_source: The source it copies.
        original: The original's quotation where the alignment holds one, else ``None``.
        original_paragraph: The paragraph of the original holding it, else ``None``.
    """

    original_source: str
    original: str | None = None
    original_paragraph: int | None = None


def copied_quotes(quotes: Sequence[Quote], derived_from: Mapping[str, str],
                  comparison: Comparison) -> dict[tuple[str, int, int], Copied]:
    """``(source, paragraph, start)`` of every quotation of a derived source → :class:`Copied`."""
    out: dict[tuple[str, int, int], Copied] = {}
    for q in quotes:
        original = derived_from.get(q.source)
        if original is None:
            continue
        best: tuple[float, str, int] | None = None
        for row in comparison.diffs.get((original, q.source), ()):
            if row.b.paragraph != q.paragraph or q.text[:24] not in row.b.text:
                continue
            for span in quote_spans(row.a.text):
                words = row.a.text[span.text_start:span.text_end]
                score = fuzz.ratio(words, q.text)
                if score >= MIN_SIMILARITY and (best is None or score > best[0]):
                    best = (score, words, row.a.paragraph)
        out[(q.source, q.paragraph, q.start)] = Copied(
            original_source=original, original=best[1] if best else None,
            original_paragraph=best[2] if best else None)
    return out

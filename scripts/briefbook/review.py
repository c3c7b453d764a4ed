"""The Review list: what an editor should look at, gathered from every stage.

Each stage contributes a provider, a pure function ``(book, annotations) → [ReviewItem]``.
The same list is printed by ``briefbook review`` and published as the Review page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .analysis import Annotations
from .model import Book


@dataclass(frozen=True, kw_only=True)
class ReviewItem:
    """One thing to review.

    Attributes:
        kind: A short stable label, e.g. ``unknown-name``, ``near-miss``,
            ``unattributed-quote``, ``extracted-event``, ``derivative``, ``load-problem``.
        source: The source id concerned, when there is one.
        paragraph: The paragraph number, when there is one.
        text: What to look at (quoted from the text where possible).
        hint: What the editor can do about it.
    """

    kind: str
    text: str
    hint: str = ""
    source: str | None = None
    paragraph: int | None = None


ReviewProvider = Callable[[Book, Annotations], list[ReviewItem]]


def _providers() -> list[ReviewProvider]:
    """The review providers of every stage (each stage module adds its own here)."""
    return []


def review_items(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Every review item of the book, grouped by kind, then by source and paragraph."""
    items: list[ReviewItem] = []
    for provide in _providers():
        items.extend(provide(book, annotations))
    return sorted(items, key=lambda i: (i.kind, i.source or "", i.paragraph or 0, i.text))

"""The analyse stage: pure functions over the book, gathered in one lazily computed record.

Each stage module (mentions and quotations, dates, alignment, topics) contributes one cached
property here, so a page generator asks ``annotations.quotes`` and the work is done once per
build. Results are also cached by content hash inside the stage modules, so ``mkdocs serve``
redoes only what changed.
"""

from __future__ import annotations

from functools import cached_property

from .model import Book


class Annotations:
    """What analysis found in a book; each attribute is computed on first use."""

    def __init__(self, book: Book) -> None:
        self.book = book

    @cached_property
    def citable_paragraphs(self) -> int:
        """How many non-boilerplate paragraphs the book has."""
        return sum(1 for s in self.book.sources for p in s.paragraphs if not p.boilerplate)

    @cached_property
    def derived_from(self) -> dict[str, str]:
        """Derivative source id → the source it copies.

        Curated ``derived_from`` values always win; :mod:`briefbook.compare` adds the copies it
        detects. Corroboration counts and the comparison page use this one mapping.
        """
        return {s.id: s.derived_from for s in self.book.sources if s.derived_from}

"""The analyse stage: pure functions over the book, gathered in one lazily computed record.

Each stage module (mentions and quotations, dates, alignment, topics) contributes one cached
property here, so a page generator asks ``annotations.quotes`` and the work is done once per
build. Results are also cached by content hash inside the stage modules, so ``mkdocs serve``
redoes only what changed.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from briefbook.analyse.chronology import build_chronology
from briefbook.analyse.compare import compare
from briefbook.analyse.copies import Copied, copied_quotes
from briefbook.analyse.evidence import gather_evidence
from briefbook.analyse.mentions import near_misses
from briefbook.analyse.quotes import analyse
from briefbook.core.model import Book


class Annotations:
    """What analysis found in a book; each attribute is computed on first use."""

    def __init__(self, book: Book) -> None:
        self.book = book

    @cached_property
    def derived_from(self) -> dict[str, str]:
        """Derivative source id → the source it copies.

        Curated ``derived_from`` values always win; :mod:`briefbook.analyse.compare` adds the
        copies it detects. Corroboration counts and the comparison page use this one mapping.
        """
        curated = {s.id: s.derived_from for s in self.book.sources if s.derived_from}
        return {**self.comparison.derived_from, **curated}

    @cached_property
    def comparison(self) -> Any:
        """Derivatives and discrepancies from :func:`briefbook.analyse.compare.compare`."""
        return compare(self.book)

    @cached_property
    def actor_analysis(self) -> Any:
        """``(actors, mentions, quotes, people)`` from :func:`briefbook.analyse.quotes.analyse`."""
        return analyse(self.book)

    @cached_property
    def actors(self) -> list[Any]:
        """Curated actors followed by the speakers found only by extraction."""
        return self.actor_analysis[0]

    @cached_property
    def mentions(self) -> list[Any]:
        """Every :class:`~briefbook.analyse.mentions.Mention` of every actor, in reading order."""
        return self.actor_analysis[1]

    @cached_property
    def quotes(self) -> list[Any]:
        """Every :class:`~briefbook.analyse.quotes.Quote` (statements, phrases) with its speaker."""
        return self.actor_analysis[2]

    @cached_property
    def people(self) -> Any:
        """Extracted people, genders and spelling candidates (:mod:`briefbook.analyse.people`)."""
        return self.actor_analysis[3]

    @cached_property
    def copied(self) -> dict[tuple[str, int, int], Copied]:
        """Quotations of derived sources, by ``(source, paragraph, start)``.

        These are not the speaker's own words (see :mod:`briefbook.analyse.copies`); profiles
        label them and never count them as statements.
        """
        return copied_quotes(self.quotes, self.derived_from, self.comparison)

    def is_copied(self, quote: Any) -> bool:
        """Whether a quotation was read in a derived source."""
        return (quote.source, quote.paragraph, quote.start) in self.copied

    @cached_property
    def mentions_by_actor(self) -> dict[str, list[Any]]:
        """Actor id → its mentions in reading order (grouped once, not scanned per actor)."""
        grouped: dict[str, list[Any]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.actor, []).append(mention)
        return grouped

    @cached_property
    def quotes_by_speaker(self) -> dict[str | None, list[Any]]:
        """Speaker id (``None``: unattributed) → the quotations in reading order."""
        grouped: dict[str | None, list[Any]] = {}
        for quote in self.quotes:
            grouped.setdefault(quote.speaker, []).append(quote)
        return grouped

    @cached_property
    def actors_by_id(self) -> dict[str, Any]:
        """Actor id → actor (curated and extracted)."""
        return {a.id: a for a in self.actors}

    @cached_property
    def source_order(self) -> dict[str, int]:
        """Source id → its position in the book."""
        return {s.id: i for i, s in enumerate(self.book.sources)}

    @cached_property
    def near_misses(self) -> list[Any]:
        """Spellings close to a registered name (:func:`briefbook.analyse.mentions.near_misses`)."""
        return near_misses(self.book, self.actors, self.mentions)

    @cached_property
    def chronology(self) -> Any:
        """Curated and extracted events with corroboration (:mod:`briefbook.analyse.chronology`)."""
        return build_chronology(self.book, self.derived_from)

    @cached_property
    def events_by_actor(self) -> dict[str, list[Any]]:
        """Actor id → the chronology entries naming it (``.id``, ``.date``, ``.title``)."""
        return self.chronology.by_actor()

    @cached_property
    def topic_evidence(self) -> dict[str, tuple[Any, ...]]:
        """Topic id → its evidence paragraphs (:func:`briefbook.analyse.evidence.gather_evidence`).

        Uses the ``mentions`` analysis for actor rules when this record has one, else the
        curated names and aliases of the book's actors.
        """
        return gather_evidence(self.book, self.book.topics,
                               mentions=getattr(self, "mentions", None))

"""The analyse stage: pure functions over the book, gathered in one lazily computed record.

Each stage module (mentions and quotations, dates, alignment, topics) contributes one cached
property here, so a page generator asks ``annotations.quotes`` and the work is done once per
build. Results are also cached by content hash inside the stage modules, so ``mkdocs serve``
redoes only what changed.
"""

from __future__ import annotations

from functools import cached_property

from briefbook.analyse.chronology import Chronology, Entry, build_chronology
from briefbook.analyse.compare import Comparison, compare
from briefbook.analyse.copies import Copied, copied_quotes
from briefbook.analyse.evidence import Evidence, gather_evidence
from briefbook.analyse.mentions import Mention
from briefbook.analyse.nearmiss import NearMiss, near_misses
from briefbook.analyse.people import People
from briefbook.analyse.quotes import Quote, analyse
from briefbook.core.cache import cached_latest, key_of
from briefbook.core.model import Actor, Book


class Annotations:
    """What analysis found in a book; each attribute is computed on first use."""

    def __init__(self, book: Book) -> None:
        self.book = book

    @cached_property
    def book_key(self) -> str:
        """The content key of everything analysis may read: every record of the book.

        Each analysis is a pure function of the book (and of the engine's code and data, which
        the cache's version covers), so a book-wide result is kept in the analysis cache under
        this key: a new build process with an unchanged book loads it instead of recomputing
        it from the per-source parts. Only the folder it was loaded from is left out.
        """
        book = self.book
        return key_of("book", book.sources, book.actors, book.events, book.topics,
                      book.review, sorted(book.settings.items(), key=repr), book.problems)

    @cached_property
    def derived_from(self) -> dict[str, str]:
        """Derivative source id → the source it copies.

        Curated ``derived_from`` values always win; :func:`~briefbook.analyse.compare.compare`
        adds the copies it detects. Corroboration counts and the comparison page use this one
        mapping.
        """
        curated = {s.id: s.derived_from for s in self.book.sources if s.derived_from}
        return {**self.comparison.derived_from, **curated}

    @cached_property
    def comparison(self) -> Comparison:
        """Derivatives and discrepancies (:func:`~briefbook.analyse.compare.compare`).

        Kept in the analysis cache under the book's sources, actors and events (every record
        the comparison reads, whole), so an unchanged book is not aligned again.
        """
        book = self.book
        return cached_latest("compare.book", key_of(book.sources, book.actors, book.events),
                             lambda: compare(book))

    @cached_property
    def actor_analysis(self) -> tuple[list[Actor], list[Mention], list[Quote], People]:
        """``(actors, mentions, quotes, people)`` from :func:`~briefbook.analyse.quotes.analyse`.

        Kept in the analysis cache under :attr:`book_key`.
        """
        return cached_latest("annotations.actors", self.book_key, lambda: analyse(self.book))

    @cached_property
    def actors(self) -> list[Actor]:
        """Curated actors followed by the speakers found only by extraction."""
        return self.actor_analysis[0]

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every mention of every actor, in reading order."""
        return self.actor_analysis[1]

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quotation (statements and phrases) with its speaker."""
        return self.actor_analysis[2]

    @cached_property
    def people(self) -> People:
        """Extracted people, genders and spelling candidates (:mod:`briefbook.analyse.people`)."""
        return self.actor_analysis[3]

    @cached_property
    def copied(self) -> dict[tuple[str, int, int], Copied]:
        """Quotations of derived sources, by ``(source, paragraph, start)``.

        These are not the speaker's own words (see :mod:`briefbook.analyse.copies`); profiles
        label them and never count them as statements.
        """
        return copied_quotes(self.quotes, self.derived_from, self.comparison)

    def is_copied(self, quote: Quote) -> bool:
        """Whether a quotation was read in a derived source."""
        return (quote.source, quote.paragraph, quote.start) in self.copied

    @cached_property
    def mentions_by_actor(self) -> dict[str, list[Mention]]:
        """Actor id → its mentions in reading order (grouped once, not scanned per actor)."""
        grouped: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.actor, []).append(mention)
        return grouped

    @cached_property
    def quotes_by_speaker(self) -> dict[str | None, list[Quote]]:
        """Speaker id (``None``: unattributed) → the quotations in reading order."""
        grouped: dict[str | None, list[Quote]] = {}
        for quote in self.quotes:
            grouped.setdefault(quote.speaker, []).append(quote)
        return grouped

    @cached_property
    def actors_by_id(self) -> dict[str, Actor]:
        """Actor id → actor (curated and extracted)."""
        return {a.id: a for a in self.actors}

    @cached_property
    def source_order(self) -> dict[str, int]:
        """Source id → its position in the book."""
        return {s.id: i for i, s in enumerate(self.book.sources)}

    @cached_property
    def near_misses(self) -> list[NearMiss]:
        """Spellings close to a registered name (see ``mentions.near_misses``).

        Kept in the analysis cache under :attr:`book_key`.
        """
        return cached_latest("annotations.near_misses", self.book_key,
                             lambda: near_misses(self.book, self.actors, self.mentions))

    @cached_property
    def chronology(self) -> Chronology:
        """Curated and extracted events with corroboration.

        Kept in the analysis cache under :attr:`book_key`.
        """
        return cached_latest("annotations.chronology", self.book_key,
                             lambda: build_chronology(self.book, self.derived_from))

    @cached_property
    def events_by_actor(self) -> dict[str, list[Entry]]:
        """Actor id → the chronology entries naming it."""
        return self.chronology.by_actor()

    @cached_property
    def topic_evidence(self) -> dict[str, tuple[Evidence, ...]]:
        """Topic id → its evidence paragraphs (see ``evidence.gather_evidence``)."""
        return gather_evidence(self.book, self.book.topics, mentions=self.mentions)

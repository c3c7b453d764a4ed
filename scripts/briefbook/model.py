"""The domain records: frozen, keyword-only dataclasses built by the load stage."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import Problem

DATE_BASES = ("stated", "inferred", "unknown")


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """One paragraph of an article, numbered from 1 over the verbatim file.

    Attributes:
        number: Position among the article's paragraphs, from 1.
        text: The paragraph as written (decoded, whitespace-trimmed, never reworded).
        line: 1-based line of the file where the paragraph starts.
        boilerplate: Site furniture ("Sign up for …"): shown greyed, not citable.
    """

    number: int
    text: str
    line: int
    boilerplate: bool = False


@dataclass(frozen=True, kw_only=True)
class Source:
    """One article: metadata (curated or unknown) and its paragraphs.

    Unknown metadata is ``None``: nothing is ever guessed into these fields. ``date_basis``
    says whether ``date`` is stated by the article, inferred by an editor (``date_note`` says
    from what), or unknown.
    """

    id: str
    file: str
    paragraphs: tuple[Paragraph, ...]
    sha256: str
    size: int
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    date_basis: str = "unknown"
    date_note: str | None = None
    url: str | None = None
    author: tuple[str, ...] = ()
    accessed: str | None = None
    notes: str | None = None
    derived_from: str | None = None
    language: str | None = None
    section: str | None = None
    original: str | None = None
    curated: bool = False
    line: int | None = None

    def anchor(self, number: int) -> str:
        """The HTML id of paragraph ``number``: ``<source-id>-p<N>``."""
        return f"{self.id}-p{number}"

    def paragraph(self, number: int) -> Paragraph | None:
        """Paragraph ``number`` (from 1), or ``None`` when out of range."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None

    @property
    def label(self) -> str:
        """A short human label: outlet and date when known, else the id."""
        parts = [self.outlet or "Unknown outlet", self.date or "undated"]
        return ", ".join(parts)


@dataclass(frozen=True, kw_only=True)
class Book:
    """Everything loaded from ``briefing/``, plus the problems found while loading.

    ``actors``, ``events`` and ``topics`` hold the records of :mod:`briefbook.actors`,
    :mod:`briefbook.events` and :mod:`briefbook.topics`; they are empty when the YAML is.
    """

    root: str
    sources: tuple[Source, ...]
    actors: tuple[Any, ...] = ()
    events: tuple[Any, ...] = ()
    topics: tuple[Any, ...] = ()
    problems: tuple[Problem, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or ``None``."""
        return self._index.get(source_id)

    @property
    def _index(self) -> dict[str, Source]:
        index = self.__dict__.get("_source_index")
        if index is None:
            index = {s.id: s for s in self.sources}
            object.__setattr__(self, "_source_index", index)
        return index

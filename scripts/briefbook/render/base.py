"""What every page generator shares: the rendering settings and the render stage's result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from briefbook.analyse.annotations import Annotations
from briefbook.core.errors import Problem
from briefbook.core.model import Book
from briefbook.render.sources import (
    CitedBy,
    source_page_path,
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Rendering settings taken from the MkDocs configuration."""

    directory_urls: bool = True
    data_dir: str = "data"


#: A page generator: (book, annotations, settings) → {path: Markdown}. Stage modules add theirs.
Generator = Callable[[Book, Annotations, Settings], dict[str, str]]


@dataclass(frozen=True, kw_only=True)
class BuiltPages:
    """What the render stage returns."""

    pages: dict[str, str]
    records: list[dict[str, object]]
    problems: list[Problem]
    annotations: Annotations
    cited_by: dict[tuple[str, int | None], list[CitedBy]] = field(default_factory=dict)

    @cached_property
    def source_pages(self) -> set[str]:
        """Paths of the generated source pages (their text is not scanned for citations)."""
        return {source_page_path(s.id) for s in self.annotations.book.sources}

"""What every page generator shares: the rendering settings and the render stage's result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import ReviewItem
from briefbook.core.errors import Problem
from briefbook.core.model import Book
from briefbook.render.citestep import CitationStep
from briefbook.render.sources import (
    CitedBy,
    source_page_path,
)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Rendering settings taken from the MkDocs configuration and the plugin's options.

    Attributes:
        directory_urls: MkDocs' ``use_directory_urls``.
        data_dir: Folder of the site where the data downloads are published.
        docs_dir: Name of the folder of hand-written pages, as messages show it.
        notes_heading: Title of the list of notes of a page that cites.
        check_quotes: Check quotations against the cited paragraphs.
        check_claims: ``review``, ``strict`` or ``off`` (see :mod:`briefbook.render.claimcheck`).
    """

    directory_urls: bool = True
    data_dir: str = "data"
    docs_dir: str = "docs"
    notes_heading: str = "Sources"
    check_quotes: bool = True
    check_claims: str = "review"


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
    step: CitationStep | None = None
    appended: dict[str, str] = field(default_factory=dict)
    claims: list[ReviewItem] = field(default_factory=list)
    data: dict[str, bytes] = field(default_factory=dict)
    """Every file published under ``data/`` (built once per build, see
    :func:`briefbook.render.data.data_files`)."""

    def page_markdown(self, path: str, markdown: str) -> str:
        """A hand-written page's Markdown as the book renders it (a topic's evidence added)."""
        extra = self.appended.get(path)
        return markdown.rstrip("\n") + extra if extra else markdown

    @cached_property
    def source_pages(self) -> set[str]:
        """Paths of the generated source pages (their text is not scanned for citations)."""
        return {source_page_path(s.id) for s in self.annotations.book.sources}

"""The render stage as a whole: every generated page of the book, as Markdown strings.

:func:`build_pages` is pure. It takes the loaded book and the hand-written pages' Markdown and
returns the generated pages, the citation records of every page and the problems found. The
MkDocs plugin and ``briefbook pages`` are thin shells around it.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import ReviewItem, review_items
from briefbook.core.cache import cached_latest, key_of
from briefbook.core.errors import Problem
from briefbook.core.model import Book
from briefbook.render.actors import actor_pages
from briefbook.render.base import BuiltPages, Generator, Settings
from briefbook.render.chronology import render_chronology
from briefbook.render.citedby import Targets
from briefbook.render.citestep import (
    CitationStep,
    KeptReadings,
    StepOptions,
    source_digests,
)
from briefbook.render.compare import compare_pages
from briefbook.render.data import data_files
from briefbook.render.datapage import render_data_page
from briefbook.render.review import REVIEW_PAGE, review_page
from briefbook.render.sources import (
    SOURCES_INDEX,
    CitedBy,
    render_source_page,
    render_sources_pages,
    source_page_path,
)
from briefbook.render.topics import append_evidence, topic_pages


def _generators() -> list[Generator]:
    """The page generators of every stage, in the order their pages appear."""
    return [topic_pages, render_chronology, actor_pages, compare_pages]


def page_title(path: str, markdown: str) -> str:
    """A page's title: front-matter ``title``, else its first ``# `` heading, else its path."""
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":
        for line in lines[1:]:
            if line.strip() == "---":
                break
            if line.startswith("title:"):
                value = html.unescape(line[6:].strip().strip("\"'"))
                if value:
                    return value
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip().strip("#").strip()
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem == "index":
        folder = path.rsplit("/", 2)[-2] if "/" in path else ""
        return folder.replace("-", " ").capitalize() or "Home"
    return stem.replace("-", " ").capitalize()


def build_pages(
    book: Book, handwritten: Mapping[str, str], settings: Settings | None = None,
    *, annotations: Annotations | None = None, kept: KeptReadings | None = None,
) -> BuiltPages:
    """Generate every page of the book and read the citations of every page, once.

    Every page (hand-written, with a topic's evidence appended, and generated) is read by the
    citation step before the source pages are rendered, so their "cited by" back-links, the
    citation records, the quotation and claim checks and the Review page all come from that
    one reading; the Markdown extension renders each page from it.

    Args:
        book: The loaded book.
        handwritten: Hand-written pages, ``{path under docs/: Markdown}``. A generated page
            whose path is taken by a hand-written one is not generated.
        settings: URL style, data folder and the citation step's options.
        annotations: Reuse an existing analysis of the same book.
        kept: Page readings of the previous build, reused where nothing they drew from
            changed (``mkdocs serve``; see :class:`~briefbook.render.citestep.KeptReadings`).
    """
    settings = settings or Settings()
    annotations = annotations or Annotations(book)
    # generators are pure functions of (book, annotations, settings): a rebuild that reuses
    # the analysis (``mkdocs serve`` after editing a hand-written page) reuses their pages,
    # and a new build process of an unchanged book takes them from the analysis cache
    memo: dict[object, Any] = annotations.__dict__.setdefault("_render_memo", {})
    generated = memo.get(("generated", settings))
    if generated is None:
        def generate_all() -> dict[str, str]:
            made: dict[str, str] = {}
            for generate in _generators():
                made.update(generate(book, annotations, settings))
            return made
        generated = memo[("generated", settings)] = cached_latest(
            "pages.generated", key_of(annotations.book_key, settings), generate_all)
    step = memo.get(("step", settings))
    if step is None:
        step = memo[("step", settings)] = CitationStep(book, annotations, StepOptions(
            notes_heading=settings.notes_heading, check_quotes=settings.check_quotes,
            check_claims=settings.check_claims, directory_urls=settings.directory_urls),
            kept=kept)
    if kept is not None:
        kept.start()
    pages: dict[str, str] = {p: m for p, m in generated.items() if p not in handwritten}
    records: list[dict[str, object]] = []
    problems: list[Problem] = []
    claims: list[ReviewItem] = []
    appended: dict[str, str] = {}
    cited_by: dict[tuple[str, int | None], list[CitedBy]] = {}
    step.pages.clear()
    step.skipped = {source_page_path(s.id) for s in book.sources} - set(handwritten)
    for path in sorted({*handwritten, *pages}):
        if path in step.skipped:
            continue
        if path in handwritten:
            markdown = handwritten[path]
            full = append_evidence(markdown, path, book, annotations,
                                   directory_urls=settings.directory_urls)
            if full != markdown:
                appended[path] = full[len(markdown.rstrip("\n")):]
            reading = step.read(path, full, shown=f"{settings.docs_dir}/{path}")
        else:
            markdown = pages[path]
            reading = step.read(path, markdown, handwritten=False)
        problems.extend(reading.problems)
        claims.extend(reading.review)
        title = page_title(path, markdown)
        records.extend(reading.records)
        # a generated page's back-links name the element holding the citation, not its note
        targets = None if path in handwritten or not reading.passages else Targets(reading.text)
        for passage in reading.passages:
            target = targets.at(passage.citation.start) if targets is not None else None
            for note in passage.notes:
                if note is None:
                    continue
                for number in note.item.paragraphs or (None,):
                    cited_by.setdefault((note.source.id, number), []).append(CitedBy(
                        page=path, title=title, note=note.number, line=passage.citation.line,
                        fragment=None if target is None else target.fragment,
                        label="" if target is None else target.label))
    refs_of: dict[str, list[tuple[int | None, CitedBy]]] = {}
    for (source_id, number), refs in cited_by.items():
        refs_of.setdefault(source_id, []).extend((number, ref) for ref in refs)
    rendered = memo.setdefault("source_pages", {})
    derived_from = annotations.derived_from
    copies: dict[str, list[str]] = {}
    for source in book.sources:
        if source.id in derived_from:
            copies.setdefault(derived_from[source.id], []).append(source.id)
    digests = source_digests(book) if kept is not None else {}
    proposals = {p.source: p for p in annotations.chronology.proposals}
    for source in book.sources:
        path = source_page_path(source.id)
        if path not in handwritten:
            # a source page changes only with the citations pointing at it (same analysis)
            # (what the page shows of them: a generated page's note numbers and lines are not)
            refs = tuple(sorted({(n or 0, *r.stable) for n, r in refs_of.get(source.id, ())},
                                key=repr))
            proposal = proposals.get(source.id)
            key = (source.id, settings, refs, proposal)
            page = rendered.get(key)
            # across books (an article added): with the same source, original and copies
            original = derived_from.get(source.id)
            across = (digests.get(source.id), settings, refs, original,
                      digests.get(original or ""), tuple(copies.get(source.id, ())), proposal)
            if page is None and kept is not None:
                page = kept.source_page(across)
            if page is None:
                page = render_source_page(
                    source, book, cited_by=cited_by, directory_urls=settings.directory_urls,
                    data_dir=settings.data_dir, derived_from=derived_from, proposal=proposal)
            rendered[key] = pages[path] = page
            if kept is not None:
                kept.keep_source_page(across, page)
    if SOURCES_INDEX not in handwritten:
        pages.update(render_sources_pages(book, cited_by=cited_by,
                                          directory_urls=settings.directory_urls,
                                          proposals=proposals))
    if REVIEW_PAGE not in handwritten:
        found = memo.get("review_items")
        if found is None:
            found = memo["review_items"] = cached_latest(
                "review.items", annotations.book_key,
                lambda: review_items(book, annotations, include_decided=True))
        pages.update(review_page(book, annotations, settings, extra=claims, found=found))
    if kept is not None:
        kept.persist()
    step.generated = set(pages)
    built = BuiltPages(pages=dict(sorted(pages.items())), records=records, problems=problems,
                       annotations=annotations, cited_by=cited_by, step=step,
                       appended=appended, claims=claims)
    return _with_data_page(book, built, handwritten, settings)


def _with_data_page(book: Book, built: BuiltPages, handwritten: Mapping[str, str],
                    settings: Settings) -> BuiltPages:
    """Build the data downloads once, and add the Data page, which links every one of them."""
    files = data_files(book, built)
    built = replace(built, data=files)
    path = f"{settings.data_dir.strip('/')}/index.md"
    if path in handwritten:
        return built
    names = list(files)
    originals = [posixpath.basename(s.original) for s in book.sources
                 if s.original and s.original.startswith("originals/")]
    page = render_data_page(names, source_files=[s.file for s in book.sources],
                            original_files=originals)
    if built.step is not None:
        built.step.generated.add(path)
    return replace(built, pages=dict(sorted({**built.pages, path: page}.items())))

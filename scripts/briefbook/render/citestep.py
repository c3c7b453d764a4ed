"""The citation step of a whole book: every page read once, shared by every adapter.

A :class:`CitationStep` holds the book, its analysis and the options, and keeps each page's
:class:`~briefbook.render.citations.PageCitations`. The render stage
(:func:`briefbook.render.pages.build_pages`) reads every page through it before the source
pages are rendered (their "cited by" back-links come from it); the Markdown extension
(:mod:`briefbook.render.mdext`) renders a page from the same reading instead of parsing the
page again; the MkDocs plugin only hands pages over and reports what the step found.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.core.cache import active
from briefbook.core.errors import Problem
from briefbook.core.links import href, page_url, relative
from briefbook.core.model import Book
from briefbook.render.actors import referenced_actor_ids
from briefbook.render.citations import CLAIM_MODES, Href, PageCitations, read_page
from briefbook.render.claimcheck import ClaimChecker
from briefbook.render.sources import source_page_path

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class StepOptions:
    """What the citation step does, and how its links are written.

    Attributes:
        notes_heading: Title of the list of notes appended to every page that cites.
        check_quotes: Check quotations against the cited paragraphs.
        check_claims: ``review`` (claim findings are review items), ``strict`` (also
            warnings) or ``off``.
        directory_urls: MkDocs' ``use_directory_urls``.
        link_style: ``url`` (links are the site's relative URLs) or ``markdown`` (links to
            the ``.md`` file and anchor, for a builder that resolves Markdown links itself).
        base_url: With no page path known, links start with this (e.g. ``/book/``).
    """

    notes_heading: str = "Sources"
    check_quotes: bool = True
    check_claims: str = "review"
    directory_urls: bool = True
    link_style: str = "url"
    base_url: str = ""

    def __post_init__(self) -> None:
        if self.check_claims not in CLAIM_MODES:
            raise ValueError(f"check_claims must be one of {', '.join(CLAIM_MODES)}, "
                             f"not {self.check_claims!r}")
        if self.link_style not in ("url", "markdown"):
            raise ValueError(f"link_style must be 'url' or 'markdown', not {self.link_style!r}")


class KeptReadings:
    """Page readings and source pages kept from one build to the next (``mkdocs serve``).

    A reading is reused for a page of the same text and options whose ``[Name][id]``
    references name the same actors (or, if one names no actor, with the same actor ids),
    when every source it cites is unchanged (the same :func:`source_digests`), and, if one of
    its citations did not resolve, the book has the same source ids (its "did you mean" hint
    lists them); a hand-written page whose claims are checked is never reused across books
    (the claim check reads the whole analysis). A source page is reused when the source, the
    citations pointing at it, its original and its copies are unchanged. Only what the last
    build made is kept.

    The first build of a process starts from what the first build of the last process kept
    (the analysis cache, namespace ``citestep.kept``; see :meth:`persist`), so a new
    ``mkdocs build`` reuses the readings and source pages of an unchanged book under the
    same rules.
    """

    def __init__(self) -> None:
        self.entries: dict[tuple[object, ...], tuple[tuple[object, ...], PageCitations]] = {}
        self.next: dict[tuple[object, ...], tuple[tuple[object, ...], PageCitations]] = {}
        self.pages: dict[tuple[object, ...], str] = {}
        self.next_pages: dict[tuple[object, ...], str] = {}
        self._restored: tuple[dict[Any, Any], dict[Any, Any]] | None = None
        self._builds = 0

    def source_page(self, key: tuple[object, ...]) -> str | None:
        """A source page the last build rendered under ``key`` (everything it shows)."""
        return self.pages.get(key)

    def keep_source_page(self, key: tuple[object, ...], page: str) -> None:
        """Keep a source page of this build for the next one."""
        self.next_pages[key] = page

    def carry(self, key: tuple[object, ...]) -> None:
        """Keep the entry of ``key`` for the next build (read again in this one)."""
        entry = self.entries.get(key)
        if entry is not None:
            self.next[key] = entry

    def start(self) -> None:
        """Begin a build: what the last one read stays available, the rest is dropped."""
        self._builds += 1
        if self._builds == 1 and not (self.entries or self.next or self.pages
                                      or self.next_pages):
            stored = active().get_or_compute(_KEPT, _KEPT, lambda: ({}, {}))
            self.next, self.next_pages = dict(stored[0]), dict(stored[1])
            self._restored = stored
        if self.next:
            self.entries, self.next = self.next, {}
        if self.next_pages:
            self.pages, self.next_pages = self.next_pages, {}


    def persist(self) -> None:
        """After the first build of a process: keep its readings for the next process.

        Only the first build's (a full build): ``mkdocs serve`` does not write them again
        after every edit. Nothing is written when the build reused every entry it restored.
        """
        if self._builds != 1:
            return
        restored = self._restored or ({}, {})
        if self.next.keys() == restored[0].keys() and self.next_pages.keys() == restored[
                1].keys() and all(self.next[k] is restored[0][k] for k in self.next) and all(
                self.next_pages[k] is restored[1][k] for k in self.next_pages):
            return
        active().put(_KEPT, _KEPT, (dict(self.next), dict(self.next_pages)))


#: The analysis cache's namespace (and key) of the readings kept across processes.
_KEPT = "citestep.kept"


def source_digests(book: Book) -> dict[str, str]:
    """Source id → a digest of everything the book records about it (text and metadata).

    Remembered for the last book asked about (a build asks several times).
    """
    if _DIGESTS and _DIGESTS[0] is book:
        return _DIGESTS[1]
    digests = {s.id: hashlib.sha256(repr(s).encode("utf-8")).hexdigest() for s in book.sources}
    _DIGESTS[:] = [book, digests]
    return digests


_DIGESTS: list[Any] = []


class CitationStep:
    """Every page's citations, read once (see the module docstring).

    Args:
        book: The loaded book.
        annotations: Its analysis (built on demand for the claim check when not given).
        options: What to check and how to write links.

    Attributes:
        pages: The reading of each page of the current build, by path.
        skipped: Pages the extension leaves alone (generated source pages: no citations).
        after_render: Problems found while rendering (text not read as a citation), by path.
        report: Where problems found while rendering go (the plugin's logger; else logging).
    """

    def __init__(self, book: Book, annotations: Annotations | None = None,
                 options: StepOptions | None = None, *,
                 kept: KeptReadings | None = None) -> None:
        self.book = book
        self.kept = kept
        self._annotations = annotations
        self.options = options or StepOptions()
        self.pages: dict[str, PageCitations] = {}
        self._cache: dict[tuple[str, str, str, bool], PageCitations] = {}
        self._claims: ClaimChecker | None = None
        self._ids: list[str] | None = None
        self._id_set: frozenset[str] | None = None
        self._book_digest: tuple[str | None, str] | None = None
        self.skipped: set[str] = set()
        #: Pages the book generates (their text may name a source as ``@id`` in a message)
        self.generated: set[str] = set()
        self.after_render: dict[str, list[Problem]] = {}
        self.report: Callable[[Problem], None] = _log

    @property
    def annotations(self) -> Annotations:
        """The book's analysis (made on first use)."""
        if self._annotations is None:
            self._annotations = Annotations(self.book)
        return self._annotations

    @property
    def claims(self) -> ClaimChecker:
        """The book's claim checker (made on first use)."""
        if self._claims is None:
            self._claims = ClaimChecker(self.annotations)
        return self._claims

    def read(self, path: str, text: str, *, shown: str | None = None,
             handwritten: bool = True) -> PageCitations:
        """Read one page (once: the same page and text again returns the same reading).

        Args:
            path: The page's path under the docs folder.
            text: Its Markdown, front matter included.
            shown: How messages name the page.
            handwritten: Claims are checked in hand-written pages only (generated pages
                state what their cited paragraphs say).
        """
        key = (path, shown or path, text, handwritten)
        found = self._cache.get(key)
        if found is not None and self.kept is not None:
            self.kept.carry(key)
        if found is None:
            options = self.options
            claims = self.claims if handwritten and options.check_claims != "off" \
                and "@" in text else None
            actor_ids = self._actor_id_set()
            found = self._kept(key, claims is None)
            if found is None:
                found = read_page(text, self.book, path=path, shown=shown,
                                  check_quotes_=options.check_quotes, claims=claims,
                                  claim_mode=options.check_claims, actor_ids=actor_ids,
                                  bare_keys=handwritten and path not in self.generated)
                self._keep(key, found, claims is None)
            self._cache[key] = found
        self.pages[path] = found
        return found

    def _depends(self, reading: PageCitations) -> tuple[object, ...]:
        """What a reading drew from the book besides its text (see :class:`KeptReadings`)."""
        digests = source_digests(self.book)
        if self._book_digest is None:
            self._book_digest = (
                hashlib.sha256("\0".join(self._actor_ids() or ()).encode()).hexdigest()
                if self._annotations is not None else None,
                hashlib.sha256("\0".join(sorted(digests)).encode()).hexdigest())
        cited = sorted({str(r["source"]) for r in reading.records})
        unresolved = any(not r["resolved"] for r in reading.records)
        return (self.options, self._actors_read(reading.text),
                tuple((sid, digests.get(sid)) for sid in cited),
                self._book_digest[1] if unresolved else None)

    def _actors_read(self, text: str) -> object:
        """What a reading of ``text`` drew from the actor ids: its ``[Name][id]`` references.

        The ids it references when every one is an actor (an added actor leaves the page's
        reading as it was); else a digest of every id (the "did you mean" reads them all).
        """
        if self._annotations is None:
            return None
        refs = referenced_actor_ids(text)
        if refs <= (self._actor_id_set() or frozenset()):
            return ("all known", tuple(sorted(refs)))
        assert self._book_digest is not None
        return self._book_digest[0]

    def _kept(self, key: tuple[object, ...], reusable: bool) -> PageCitations | None:
        if self.kept is None or not reusable:
            return None
        entry = self.kept.entries.get(key)
        if entry is None or entry[0] != self._depends(entry[1]):
            return None
        self.kept.next[key] = entry
        return entry[1]

    def _keep(self, key: tuple[object, ...], reading: PageCitations, reusable: bool) -> None:
        if self.kept is not None and reusable:
            self.kept.next[key] = (self._depends(reading), reading)

    def _actor_id_set(self) -> frozenset[str] | None:
        """The same ids as a set (made once per step; pages are checked against it)."""
        if self._annotations is None:
            return None
        if self._id_set is None:
            self._id_set = frozenset(self._actor_ids() or ())
        return self._id_set

    def _actor_ids(self) -> list[str] | None:
        """The ids of the book's actors (listed once per step, not once per page)."""
        if self._annotations is None:
            return None
        if self._ids is None:
            self._ids = [a.id for a in self._annotations.actors]
        return self._ids

    def for_text(self, path: str, text: str) -> tuple[PageCitations, int] | None:
        """The reading of ``path`` whose text ends with ``text``, and where ``text`` starts.

        A builder hands the extension the page without its front matter (and the plugin with
        a topic's evidence appended): the reading made of the whole file serves it.
        """
        found = self.pages.get(path)
        if found is not None and found.text.endswith(text):
            return found, len(found.text) - len(text)
        return None

    def href(self, page: str | None, *, markdown_links: bool = False) -> Href:
        """The ``href(source_id, paragraph)`` of notes on ``page``.

        Args:
            page: The page's path under the docs folder (``None``: links from the site root,
                after :attr:`StepOptions.base_url`).
            markdown_links: Link to ``sources/<id>.md#anchor`` (the builder resolves it).
        """
        directory_urls = self.options.directory_urls
        book = self.book

        def anchor(source_id: str, number: int | None) -> str | None:
            source = book.source(source_id)
            return source.anchor(number) if source is not None and number else None

        if markdown_links and page is not None:
            def md_href(source_id: str, number: int | None) -> str:
                target = relative(source_page_path(source_id), page)
                where = anchor(source_id, number)
                return f"{target}#{where}" if where else target
            return md_href
        if page is None:
            base = self.options.base_url

            def root_href(source_id: str, number: int | None) -> str:
                url = base + page_url(source_page_path(source_id),
                                      directory_urls=directory_urls)
                where = anchor(source_id, number)
                return f"{url}#{where}" if where else url
            return root_href

        def url_href(source_id: str, number: int | None) -> str:
            return href(page, source_page_path(source_id), anchor(source_id, number),
                        directory_urls=directory_urls)
        return url_href


def _log(problem: Problem) -> None:
    if problem.level in ("error", "warning"):
        log.warning(str(problem))
    else:
        log.info(str(problem))

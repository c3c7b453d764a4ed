"""The MkDocs plugin: a thin shell that calls the stages and reports through MkDocs' logger.

``on_files`` adds the generated pages (in memory, never written into ``docs/``),
``on_page_markdown`` resolves citations and checks quotations, ``on_post_build`` writes the
data downloads. Every problem is a WARNING naming file and line, so ``mkdocs build --strict``
fails on it while a plain build still produces the rest of the book.
"""

from __future__ import annotations

import gc
import os
import stat
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from briefbook.analyse.annotations import Annotations
from briefbook.core import cache
from briefbook.core.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from briefbook.core.errors import Problem
from briefbook.core.model import Book
from briefbook.read.book import load_book
from briefbook.render.base import BuiltPages, Settings
from briefbook.render.citestep import KeptReadings, source_digests
from briefbook.render.jsonld import page_jsonld, script_block
from briefbook.render.mdext import CitationExtension
from briefbook.render.numbering import RECORD as NUMBERING_RECORD
from briefbook.render.numbering import moved_citations, numbering_record
from briefbook.render.pages import build_pages, page_title
from briefbook.render.topics import topic_for_page
from briefbook.site.collector import IdleCollector
from briefbook.site.output import write_marker
from briefbook.site.pagefiles import PageFolder, merge_search_index, page_keys, stale_pages
from briefbook.site.printview import PRINT_PAGE, PrintCache, as_of, print_document
from briefbook.site.templatecache import TemplateCache

log = get_plugin_logger(__name__)

#: Site-wide files other plugins write from the pages of one build (completed after a dirty one).
SITE_INDEXES = ("search/search_index.json", "objects.inv")

#: The plugin's own front end, added to every book: (file in the package, URL in the site).
ASSETS_DIR = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/briefbook/"
STYLESHEETS = ("briefbook.css", "chronology.css")
SCRIPTS = ("briefbook.js", "chronology.js")


class BriefbookConfig(base.Config):
    """Options of the ``briefbook`` plugin in ``mkdocs.yml``."""

    briefing = c.Type(str, default="briefing")
    """The book's content folder (sources, ``sources.yml``, ``actors.yml``, …), relative to
    ``mkdocs.yml``."""

    data_dir = c.Type(str, default="data")
    """Folder of the site where the data downloads are published."""

    check_quotes = c.Type(bool, default=True)
    """Check that quotations in cited sentences are verbatim in the cited paragraphs."""

    check_claims = c.Choice(("review", "strict", "off"), default="review")
    """The claim check: numbers, dates and people's names in a cited sentence must occur in
    the cited paragraphs. ``review`` lists what is not found on the Review page; ``strict``
    also warns (so ``mkdocs build --strict`` fails); ``off`` skips it."""

    boilerplate = c.ListOfItems(c.Type(str), default=[])
    """Extra regular expressions (case-insensitive) of site boilerplate, besides the package's
    (``briefbook/read/data/boilerplate.yml``). Each is matched against a whole sentence or a
    whole paragraph anywhere in an article, and a match is split off into a greyed paragraph
    of its own, not citable; anchor patterns on the furniture's own words."""

    notes_heading = c.Type(str, default="Sources")
    """Heading of the list of notes appended to every page that cites."""

    cache_dir = c.Type(str, default=DEFAULT_CACHE_DIR)
    """Folder of the analysis cache, relative to ``mkdocs.yml`` (safe to delete; keep it out of
    version control). An empty string keeps the cache in memory only."""

    subsites = c.DictOfItems(c.Type(str), default={})
    """Sites built separately and published inside this one by ``briefbook build``: a folder
    of the site (``toolchain/reference``) → the ``mkdocs.yml`` of the site built into it,
    relative to this ``mkdocs.yml``, with ``SITE_URL`` set to this site's URL plus the folder.
    ``mkdocs build`` and ``mkdocs serve`` of the book never build them (an API reference
    rendered by mkdocstrings stays out of the editor's loop). Give the folder a page of its own
    in the book (``<folder>/index.md``, which the published sub-site replaces) so that the nav
    can link to it; no other page of the book may live under the folder."""


def report(problem: Problem) -> None:
    """Log a problem: errors and warnings as WARNING (``--strict`` counts them), else INFO."""
    if problem.level in ("error", "warning"):
        log.warning(str(problem))
    else:
        log.info(str(problem))


class BriefbookPlugin(BasePlugin[BriefbookConfig]):
    """Build a briefing book from the articles and curation files in ``briefing/``."""

    def __init__(self) -> None:
        self.book: Book | None = None
        self.built: BuiltPages | None = None
        self.root: Path | None = None
        self._analysed: tuple[Book, Annotations] | None = None
        self.dirty = False
        self._serving = False
        self._builds = 0
        self._stamp: object = None
        self._bytecode = TemplateCache()
        self._titles: dict[str, str | None] = {}
        self._source_keys: dict[str, str] = {}
        self._built_pages: set[str] = set()
        self._print = PrintCache()
        self._collector = IdleCollector()
        self._numbered: Book | None = None
        self._rebuilt: dict[str, Page] = {}
        self._all_pages: list[File] = []
        self._before: dict[str, bytes] = {}
        self._page_folder: PageFolder | None = None
        self._page_keys: dict[str, str] | None = None
        self._nav_key: str | None = None
        self._handwritten: set[str] = set()
        self._readings = KeptReadings()
        self._published: set[Path] = set()
        self.extension = CitationExtension(markdown_links=True)
        self.extension.adapter = True

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Keep this plugin alive across ``mkdocs serve`` rebuilds, and note a dirty build.

        MkDocs keeps the plugins that define this hook, so a rebuild with an unchanged book
        reuses its analysis; with ``--dirty`` only the pages whose inputs changed are rebuilt
        (see :mod:`briefbook.site.pagefiles`).
        """
        self.dirty = dirty
        self._serving = command == "serve"

    def on_shutdown(self) -> None:
        """At the end of ``mkdocs serve``, release what was kept and write the rebuilds' cache."""
        if self._serving:
            self._collector.stop()
            cache.flush()  # what the rebuilds computed, for the next build process

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve the briefing folder and load the book."""
        base_dir = Path(config.config_file_path or ".").resolve().parent
        self.root = (base_dir / self.config.briefing).resolve()
        cache.configure(base_dir / self.config.cache_dir if self.config.cache_dir else None)
        self._bytecode.folder = (base_dir / self.config.cache_dir / "templates"
                                 if self.config.cache_dir else None)
        stamp = (_folder_stamp(self.root), tuple(self.config.boilerplate))
        if self._serving:
            # a changed book replaces the analysis, which a full collection in the server's
            # idle time after this build frees (see briefbook.site.collector)
            self._builds += 1
            self._collector.before_build(changed=stamp != self._stamp)
        if self.book is None or stamp != self._stamp:
            # mkdocs serve: an edit of a page leaves briefing/ as it was; reuse the book
            try:
                book = load_book(self.root, extra_boilerplate=self.config.boilerplate)
            except Exception as exc:  # a bug, never bad data (bad data is a reported problem)
                if self.book is None:
                    raise PluginError(f"briefbook: cannot load {self.root}: {exc}") from exc
                log.error(f"cannot load {self.root} ({type(exc).__name__}: {exc}); the last "
                          "good version of the book is shown until this is fixed")
            else:  # the stamp moves on only with a book loaded from these files
                self.book, self._stamp = book, stamp
        for problem in self.book.problems:
            report(_in_briefing(problem, self.config.briefing))
        # the package's CSS and JavaScript, before the book's own so that a book can override
        css = [ASSET_PREFIX + name for name in STYLESHEETS]
        config.extra_css[:0] = [u for u in css if u not in config.extra_css]
        listed = {str(s) for s in config.extra_javascript}
        config.extra_javascript[:0] = [ExtraScriptValue(ASSET_PREFIX + name) for name in SCRIPTS
                                       if ASSET_PREFIX + name not in listed]
        # the citation step as a Markdown extension; the plugin's own instance replaces one
        # listed under markdown_extensions (it would read every page a second time)
        config.markdown_extensions[:] = [
            e for e in config.markdown_extensions
            if e not in ("briefbook", "briefbook.render.mdext") and e is not self.extension]
        config.markdown_extensions.append(self.extension)
        return config

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        """Keep the theme's compiled templates across rebuilds and build processes.

        MkDocs makes a new template environment for every build; without a shared bytecode
        cache each build compiles the theme's templates again (a third of a rebuild's time
        after a one-page edit). They are kept in memory and under the cache folder
        (:mod:`briefbook.site.templatecache`); Jinja checks each template's source checksum,
        so an edited template is compiled afresh.
        """
        env.bytecode_cache = self._bytecode
        if self.dirty:
            # a page MkDocs skipped in this dirty build was not read, so it has no title and
            # the menus of the rebuilt pages would say "None": give it the title it had
            for file in files.documentation_pages():
                page = file.page
                if page is not None and page.markdown is None and file.src_uri in self._titles:
                    page.title = self._titles[file.src_uri]
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Generate the book's pages, read every page's citations, add the pages to the site."""
        assert self.book is not None
        handwritten = {f.src_uri: f.content_string for f in files.documentation_pages()}
        self._handwritten = set(handwritten)
        settings = Settings(directory_urls=config.use_directory_urls,
                            data_dir=self.config.data_dir, docs_dir=Path(config.docs_dir).name,
                            notes_heading=self.config.notes_heading,
                            check_quotes=self.config.check_quotes,
                            check_claims=self.config.check_claims)
        if self._analysed is None or self._analysed[0] != self.book:
            # a rebuild with the same book (only pages edited) reuses the whole analysis
            self._analysed = (self.book, Annotations(self.book))
        self.built = build_pages(self.book, handwritten, settings,
                                 annotations=self._analysed[1], kept=self._readings)
        for problem in self.built.problems:
            report(problem)
        assert self.built.step is not None
        self.extension.step = self.built.step
        self.built.step.report = report
        # a changed paragraph rule renumbers a source: name the citations it moves
        for problem in moved_citations(self.book, self.built.cited_by,
                                       cache.active().read_record(NUMBERING_RECORD)):
            report(_in_briefing(problem, self.config.briefing))
        folder = self._pages_folder(config)
        if folder is not None:
            folder.write(self.built.pages)
        for path, markdown in self.built.pages.items():
            inclusion = (InclusionLevel.NOT_IN_NAV if _listed_by_index(path, self.built.pages)
                         else InclusionLevel.UNDEFINED)
            if folder is None:
                files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
            else:
                files.append(File(path, src_dir=str(folder.folder), dest_dir=config.site_dir,
                                  use_directory_urls=config.use_directory_urls,
                                  inclusion=inclusion))
        for name in (*STYLESHEETS, *SCRIPTS):
            if files.get_file_from_path(ASSET_PREFIX + name) is None:
                files.append(File.generated(config, ASSET_PREFIX + name,
                                            content=(ASSETS_DIR / name).read_bytes()))
        if self.dirty:
            self._forget_stale(files, handwritten, config)
        self._all_pages = list(files.documentation_pages())
        return files

    def _pages_folder(self, config: MkDocsConfig) -> PageFolder | None:
        """The cache folder that backs the generated pages, or ``None`` (memory only)."""
        if not self.config.cache_dir:
            return None
        if self._page_folder is None:
            base = Path(config.config_file_path or ".").resolve().parent
            self._page_folder = PageFolder(base / self.config.cache_dir / "pages")
        return self._page_folder

    def _forget_stale(self, files: Files, handwritten: dict[str, str],
                      config: MkDocsConfig) -> None:
        """In a dirty build, delete the built HTML of every page whose inputs changed.

        MkDocs then rebuilds exactly those pages (a page whose built file is missing counts
        as modified), besides the files it sees changed itself.
        """
        assert self.book is not None and self.built is not None
        cited: dict[str, set[str]] = {}
        for record in self.built.records:
            cited.setdefault(str(record["page"]), set()).add(str(record["source"]))
        # what a citation shows of its source (label, tooltip) comes from sources.yml too:
        # a page is stale when a source it cites changed in any way
        sources = source_digests(self.book)
        changed = {sid for sid in set(sources) | set(self._source_keys)
                   if sources.get(sid) != self._source_keys.get(sid)}
        self._source_keys = sources
        actors = ",".join(sorted(a.id for a in self.built.annotations.actors))
        evidence = self.built.annotations.topic_evidence
        extra = {}
        for path in handwritten:
            topic = topic_for_page(self.book.topics, path)
            parts = [actors, repr(evidence.get(topic.id)) if topic else ""]
            parts += [f"{sid}:{sources.get(sid, '-')}" for sid in sorted(cited.get(path, ()))]
            extra[path] = parts
        keys = page_keys(handwritten, extra)
        # pages listed by an index (sources, actors) are not in the menu: adding one
        # changes its index page's Markdown, not every page's navigation
        in_nav = {p: m for p, m in {**handwritten, **self.built.pages}.items()
                  if not _listed_by_index(p, self.built.pages)}
        titles = sorted((p, page_title(p, m)) for p, m in in_nav.items())
        nav = repr((titles, config.nav))
        stale = stale_pages(self._page_keys, keys, self._nav_key, nav)
        self._page_keys, self._nav_key = keys, nav
        if stale is not None:
            stale |= {page for page, ids in cited.items() if ids & changed}
        pages = list(files.documentation_pages())
        for file in pages:
            if stale is None or file.src_uri in stale:
                Path(file.abs_dest_path).unlink(missing_ok=True)
        # a page that is gone (a deleted article or page) must not go on being served
        built = {file.abs_dest_path for file in pages}
        for gone in self._built_pages - built:
            Path(gone).unlink(missing_ok=True)
        self._built_pages = built

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        """Hand the page to the citation extension (a topic's evidence appended)."""
        assert self.built is not None
        path = page.file.src_uri
        mine = path in self._handwritten
        self.extension.next_page(path, f"{Path(config.docs_dir).name}/{path}" if mine else path)
        return self.built.page_markdown(path, markdown) if mine else markdown

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put the page's schema.org JSON-LD into its ``<head>``."""
        assert self.book is not None
        self._titles[page.file.src_uri] = page.title
        self._rebuilt[page.file.src_uri] = page
        head_end = output.find("</head>")
        if head_end < 0:
            return output
        block = script_block(page_jsonld(
            self.book, page.file.src_uri, title=page.title or "", site_name=config.site_name,
            site_url=config.site_url, directory_urls=config.use_directory_urls))
        return output[:head_end] + block + output[head_end:]

    def _write_outputs(self, *, config: MkDocsConfig) -> None:
        """Write the data downloads, the verbatim source files and the print view."""
        assert self.book is not None and self.built is not None and self.root is not None
        out = Path(config.site_dir) / self.config.data_dir
        published = {out / name for name in self.built.data}
        for name, data in self.built.data.items():
            _write_site_file(out / name, data)
        for source in self.book.sources:
            _copy_site_file(self.root / "sources" / source.file, out / "sources" / source.file)
            published.add(out / "sources" / source.file)
            original = (self.root / source.original).resolve() if source.original else None
            if original and original.is_relative_to(self.root / "originals") and original.is_file():
                _copy_site_file(original, out / "originals" / original.name)
                published.add(out / "originals" / original.name)
        for gone in self._published - published:  # a deleted article's file goes with it
            gone.unlink(missing_ok=True)
        self._published = published
        if self._numbered is not self.book:  # the record depends on the book alone
            cache.active().write_record(NUMBERING_RECORD, numbering_record(self.book))
            self._numbered = self.book
        site = Path(config.site_dir)
        # in a dirty build only the pages MkDocs wrote this time can have changed
        changed = ({p.file.dest_uri for p in self._rebuilt.values()} if self.dirty else None)
        _write_site_file(site / PRINT_PAGE, print_document(
            site, site_name=config.site_name, when=as_of(self.book), cache=self._print,
            changed=changed).encode("utf-8"))
        if not self._serving or self._builds <= 1:  # a served rebuild's wait for on_shutdown
            cache.flush()  # after the print view, whose parts are kept in the cache too
        write_marker(site)  # 'briefbook build' may replace this folder, and only such ones

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Before a dirty build, keep the site-wide indexes that other plugins rewrite."""
        self._rebuilt = {}
        self._before = {}
        if self.dirty:
            for plugin in config.plugins.values():
                # Material's search merges its previous index itself, but only for the first
                # rebuilt page (others would be listed twice): let it write just this build's
                # entries, and merge them in _complete_dirty_indexes
                if hasattr(plugin, "search_index_prev"):
                    plugin.search_index_prev = None
            for name in SITE_INDEXES:
                path = Path(config.site_dir) / name
                if path.is_file():
                    self._before[name] = path.read_bytes()

    @event_priority(-100)  # after the search and mkdocstrings plugins have written theirs
    def _complete_dirty_indexes(self, *, config: MkDocsConfig) -> None:
        """Make a dirty build's search index and inventory those of a full build.

        MkDocs' plugins write these from the pages built this time; a dirty build builds few,
        so the search index would lose the others and the API inventory would be empty. The
        entries of pages not rebuilt are taken from the index as it was before the build.
        """
        if self._serving:
            gc.enable()  # for the merge below; the collection it owes waits for idle time
        try:
            self._merge_dirty_indexes(config)
        finally:
            if self._serving:
                self._collector.after_build()

    def _merge_dirty_indexes(self, config: MkDocsConfig) -> None:
        if not self.dirty or not self._before:
            return
        site = Path(config.site_dir)
        if "search/search_index.json" in self._before:
            path = site / "search/search_index.json"
            if path.is_file():
                _write_site_file(path, merge_search_index(
                    self._before["search/search_index.json"], path.read_bytes(),
                    rebuilt={p.url for p in self._rebuilt.values()},
                    order=[f.page.url for f in self._all_pages if f.page is not None]))
        autodoc = any(":::" in (p.markdown or "") for p in self._rebuilt.values())
        if "objects.inv" in self._before and not autodoc:
            _write_site_file(site / "objects.inv", self._before["objects.inv"])

    on_post_build = CombinedEvent(_write_outputs, _complete_dirty_indexes)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything in the briefing folder changes."""
        if self.root is not None and self.root.is_dir():
            server.watch(str(self.root))
        return server


def _copy_site_file(source: Path, target: Path) -> None:
    """Publish a verbatim file; one already published unchanged is left as it is.

    The same size and a modification time no older than the original's mean a previous build
    (``mkdocs serve``) already copied it.
    """
    info = source.stat()
    try:
        done = target.stat()
    except OSError:
        done = None
    if done is not None and done.st_size == info.st_size and done.st_mtime_ns >= info.st_mtime_ns:
        return
    _write_site_file(target, source.read_bytes())


def _write_site_file(path: Path, data: bytes) -> None:
    """Write a file of the built site as MkDocs writes its own: no fsync per file.

    The site is output, rebuilt at will (``briefbook build`` swaps whole folders); an fsync
    per verbatim source cost seconds at thousands of sources.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _listed_by_index(path: str, pages: dict[str, str]) -> bool:
    """Whether a generated page is one of many listed by its folder's generated index.

    Such pages (``sources/<id>.md``, ``actors/<id>.md``, the parts ``review/<part>.md`` of a
    split ``review.md``) stay out of an automatic nav: one nav entry each would grow every page
    of the site with the book (quadratic output). The index is ``<folder>/index.md`` or
    ``<folder>.md``.
    """
    folder, _, name = path.rpartition("/")
    return bool(folder) and name != "index.md" and (f"{folder}/index.md" in pages
                                                   or f"{folder}.md" in pages)


def _in_briefing(problem: Problem, briefing: str) -> Problem:
    return Problem(file=f"{briefing}/{problem.file}", line=problem.line, column=problem.column,
                   message=problem.message, hint=problem.hint, level=problem.level,
                   key=problem.key)


def _folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folder`` with its size and modification time (nanoseconds).

    Two equal stamps mean nothing in the folder was written in between, so the loaded book
    can be reused; any write, addition or removal changes the stamp.
    """
    if not folder.is_dir():
        return ()
    found = []
    for top, _, names in os.walk(folder, followlinks=True):  # pathlib's rglob cost seconds
        base = os.path.relpath(top, folder).replace(os.sep, "/")
        for name in names:
            try:
                info = os.stat(os.path.join(top, name))
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                found.append((name if base == "." else f"{base}/{name}", info.st_size,
                              info.st_mtime_ns))
    return tuple(sorted(found))

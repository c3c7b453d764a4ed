"""The citation step as a Python-Markdown extension, for any builder of the MkDocs family.

With the MkDocs plugin the extension is added by the plugin and renders each page from the
reading the render stage made of it. Without the plugin (plain Python-Markdown, or a builder
that runs Markdown extensions but no MkDocs plugin), list it under ``markdown_extensions``::

    markdown_extensions:
      - briefbook:
          briefing: briefing        # the book's content folder
          base_url: /               # links from the site root (no page path is known)

or call it from Python with a loaded book: ``CitationExtension(book=book, page="x.md")``.

How a page is rendered:

1. a preprocessor (before any other) reads the page's citations once (or takes the reading
   the render stage made) and puts a placeholder where each citation stands;
2. an inline processor turns each placeholder into the note marker, an element whose tooltip
   attribute the serializer escapes;
3. a tree processor appends the list of notes, keeps notes out of heading ids and
   table-of-contents entries (the note is rendered, the id computed without it), and puts
   back, as text, a placeholder that Markdown made code;
4. after the tree is final, any text still looking like a citation (``[@`` and a key) outside
   code is reported: "not read as a citation", with page and line;
5. a postprocessor renders placeholders inside raw HTML blocks.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from briefbook.core.citekeys import LEFTOVER_RE
from briefbook.core.errors import Problem
from briefbook.core.mdscan import scan
from briefbook.core.model import Book
from briefbook.read.book import load_book
from briefbook.render.citations import PageCitations, note_marker, notes_section
from briefbook.render.citestep import CitationStep, StepOptions

#: Placeholders of citations: private-use characters no Markdown syntax or processor touches.
OPEN, CLOSE = "\ue000", "\ue001"
_TOKEN_RE = re.compile(f"{OPEN}(\\d+){CLOSE}")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Elements the extension writes (markers, unresolved citations, the list of notes).
_NOTE_CLASSES = frozenset(("bb-cite", "bb-cite-broken", "bb-notes"))
_CODE = frozenset(("code", "pre", "script", "style", "kbd", "samp"))
_RAW_CODE_RE = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1\s*>|<!--.*?-->|"
                          r'<span class="bb-cite-broken"[^>]*>.*?</span>',
                          re.DOTALL | re.IGNORECASE)
_RAW_TAG_RE = re.compile(r"<[^<>]*>")


class _Page:
    """The state of one conversion: the page's reading and what rendering it found."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the previous conversion (a Markdown instance may be reused)."""
        self.reading: PageCitations | None = None
        self.offset = 0
        self.held: list[tuple[etree.Element, str | None, str | None]] = []
        self.problems: list[Problem] = []


class CitationExtension(Extension):
    """Pandoc citations rendered as numbered notes (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "briefing": ["briefing", "The book's content folder (when no book is given)."],
            # object options default to "" (Python-Markdown reads a None default as a boolean)
            "book": ["", "A loaded Book (from Python)."],
            "step": ["", "A CitationStep shared with the render stage (the plugin's)."],
            "page": ["", "The page's path under the docs folder: links are relative to it."],
            "directory_urls": [True, "MkDocs' use_directory_urls."],
            "base_url": ["", "With no page path, links start with this (e.g. '/book/')."],
            "notes_heading": ["Sources", "Title of the list of notes."],
            "check_quotes": [True, "Check quotations against the cited paragraphs."],
            "check_claims": ["review", "'review', 'strict' (also warnings) or 'off'."],
            "markdown_links": [False, "Link notes to the .md file (the builder resolves it)."],
        }
        super().__init__(**kwargs)
        self.page: str | None = None  # set by the plugin before each page
        self.shown: str | None = None
        #: Set by an adapter that hands pages over one by one (the plugin): then only the
        #: first conversion after :meth:`next_page` is the page, and conversions nested in it
        #: (mkdocstrings' docstrings) are left alone.
        self.adapter = False
        self._pending = False
        self._step: CitationStep | None = self.getConfig("step") or None

    @property
    def step(self) -> CitationStep:
        """The citation step: the one given, or one made from the options on first use."""
        if self._step is None:
            options = StepOptions(
                notes_heading=self.getConfig("notes_heading"),
                check_quotes=bool(self.getConfig("check_quotes")),
                check_claims=self.getConfig("check_claims"),
                directory_urls=bool(self.getConfig("directory_urls")),
                base_url=self.getConfig("base_url"))
            book: Book | None = self.getConfig("book") or None
            self._step = CitationStep(book, options=options) if book is not None \
                else _step_for_folder(Path(self.getConfig("briefing")), options)
        return self._step

    @step.setter
    def step(self, value: CitationStep) -> None:
        self._step = value

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Register the processors (see the module docstring for what each does)."""
        state = _Page()
        md.preprocessors.register(_Placeholders(md, self, state), "briefbook_citations", 35)
        md.inlinePatterns.register(_Notes(md, self, state), "briefbook_notes", 185)
        md.treeprocessors.register(_NotesList(md, self, state), "briefbook_notes_list", 6)
        md.treeprocessors.register(_Final(md, self, state), "briefbook_final", 0.5)
        md.postprocessors.register(_RawNotes(md, self, state), "briefbook_raw_notes", 25)
        md.registerExtension(self)

    def next_page(self, path: str, shown: str) -> None:
        """Called by an adapter before it has a page converted."""
        self.page, self.shown, self._pending = path, shown, True

    def take_page(self) -> bool:
        """Whether this conversion is the page an adapter announced (and not a nested one)."""
        if not self.adapter:
            return True
        pending, self._pending = self._pending, False
        return pending

    def page_path(self) -> str | None:
        """The page being rendered (the plugin's, else the configured one), or ``None``."""
        return self.page or self.getConfig("page") or None

    def href(self, *, in_tree: bool) -> Callable[[str, int | None], str]:
        """Links of notes: ``.md`` links in the tree when the builder resolves them."""
        return self.step.href(self.page_path(), markdown_links=in_tree and bool(
            self.getConfig("markdown_links")))


#: The last book a builder named by folder: ``(folder, options, files' signature, step)``.
_LAST_BOOK: list[tuple[Path, StepOptions, tuple[tuple[str, int, int], ...], CitationStep]] = []


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file of the book folder with its size and modification time."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def _step_for_folder(folder: Path, options: StepOptions) -> CitationStep:
    """The citation step of the book in ``folder``, loaded once while its files are unchanged.

    A builder may make a new extension for every page; the book (and its analysis, for the
    claim check) is loaded again only when a file of the folder changed.
    """
    folder = folder.resolve()
    signature = _signature(folder)
    if _LAST_BOOK and _LAST_BOOK[0][:3] == (folder, options, signature):
        return _LAST_BOOK[0][3]
    step = CitationStep(load_book(folder), options=options)
    _LAST_BOOK[:] = [(folder, options, signature, step)]
    return step


class _Placeholders(Preprocessor):
    """Read the page's citations (once) and put a placeholder where each one stands."""

    def __init__(self, md: Markdown, ext: CitationExtension, state: _Page) -> None:
        super().__init__(md)
        self.ext, self.state = ext, state

    def run(self, lines: list[str]) -> list[str]:
        state = self.state
        state.reset()
        if not self.ext.take_page():
            return lines
        text = "\n".join(lines)
        step = self.ext.step
        path = self.ext.page_path() or "page.md"
        if path in step.skipped:
            return lines
        found = step.for_text(path, text)
        if found is None:
            reading = step.read(path, text, shown=self.ext.shown)
            for problem in reading.problems:
                step.report(problem)
            found = reading, 0
        reading, offset = found
        state.reading, state.offset = reading, offset
        if OPEN in text or CLOSE in text:  # our placeholder characters in the page itself
            text = text.replace(OPEN, "\ufffd").replace(CLOSE, "\ufffd")
        if not reading.passages:
            return text.split("\n")
        out: list[str] = []
        pos = 0
        raw_href = self.ext.href(in_tree=False)
        for k, passage in enumerate(reading.passages):
            start, end = passage.citation.start - offset, passage.citation.end - offset
            if start < pos:
                continue
            out.append(text[pos:start])
            if passage.raw:  # Markdown will not read this block: the marker as HTML
                out.append(to_html_string(note_marker(passage, raw_href)))
            else:
                out.append(f"{OPEN}{k}{CLOSE}")
            pos = end
        out.append(text[pos:])
        return "".join(out).split("\n")


class _Notes(InlineProcessor):
    """A placeholder → the note marker element."""

    def __init__(self, md: Markdown, ext: CitationExtension, state: _Page) -> None:
        super().__init__(_TOKEN_RE.pattern, md)
        self.ext, self.state = ext, state

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:  # type: ignore[override]  # noqa: N802
        reading = self.state.reading
        k = int(m.group(1))
        if reading is None or k >= len(reading.passages):
            return None, m.start(), m.end()
        return note_marker(reading.passages[k], self.ext.href(in_tree=True)), m.start(), m.end()


class _NotesList(Treeprocessor):
    """Append the notes; keep notes out of heading ids; put back placeholders in code."""

    def __init__(self, md: Markdown, ext: CitationExtension, state: _Page) -> None:
        super().__init__(md)
        self.ext, self.state = ext, state

    def run(self, root: etree.Element) -> None:
        reading = self.state.reading
        if reading is None or not reading.passages:
            return  # no placeholder was put in, no note to list (most generated pages)
        for el in root.iter():
            self._restore(el)
            if el.tag in _HEADINGS:
                for sup in el.iter("sup"):
                    if sup.get("class") == "bb-cite":
                        for child in [sup, *sup]:
                            self.state.held.append((child, child.text, child.tail
                                                    if child is not sup else None))
                            child.text = AtomicString("")
                            if child is not sup:
                                child.tail = None
        notes = reading.notes
        if notes:
            title, ol = notes_section(notes, self.ext.href(in_tree=True),
                                      self.ext.step.options.notes_heading, reading.uses)
            index = len(root)
            if index and root[-1].tag == "div" and "footnote" in (root[-1].get("class") or ""):
                index -= 1
            if index and not (root[index - 1].tail or "").endswith("\n"):
                root[index - 1].tail = (root[index - 1].tail or "") + "\n"
            root.insert(index, title)
            root.insert(index + 1, ol)

    def _restore(self, el: etree.Element) -> None:
        """Placeholders Markdown did not render (in code, in attributes) back to their text."""
        reading = self.state.reading
        assert reading is not None

        def back(match: re.Match[str]) -> str:
            k = int(match.group(1))
            return reading.passages[k].citation.text if k < len(reading.passages) else ""

        if el.text and OPEN in el.text and (el.tag in _CODE or isinstance(el.text, AtomicString)):
            el.text = AtomicString(_TOKEN_RE.sub(back, el.text))
        for name, value in el.attrib.items():
            if OPEN in value:
                el.set(name, _TOKEN_RE.sub(back, value))


class _Final(Treeprocessor):
    """Put note numbers back in headings; report text still looking like a citation."""

    def __init__(self, md: Markdown, ext: CitationExtension, state: _Page) -> None:
        super().__init__(md)
        self.ext, self.state = ext, state

    def run(self, root: etree.Element) -> None:
        state = self.state
        for child, text, tail in state.held:
            child.text = text
            if tail is not None:
                child.tail = tail
        state.held = []
        if state.reading is None:
            return
        leftovers = list(_leftovers(root))
        for raw in self.md.htmlStash.rawHtmlBlocks:
            if "@" in str(raw):
                plain = _RAW_TAG_RE.sub(" ", _RAW_CODE_RE.sub(" ", str(raw)))
                leftovers.extend(m.group() + plain[m.end():m.end() + 40]
                                 for m in LEFTOVER_RE.finditer(plain))
        if leftovers:
            self._report(leftovers)

    def _report(self, leftovers: list[str]) -> None:
        state = self.state
        reading = state.reading
        assert reading is not None
        text = reading.text
        page_scan = scan(text)
        spans = [(p.citation.start, p.citation.end) for p in reading.passages]
        pos = 0
        for snippet in leftovers:
            head = snippet[:LEFTOVER_RE.match(snippet).end()]  # type: ignore[union-attr]
            line = None
            at = text.find(head, pos)
            while at >= 0 and (page_scan.is_masked(at) or any(a <= at < b for a, b in spans)):
                at = text.find(head, at + 1)
            if at >= 0:
                line = text.count("\n", 0, at) + 1
                pos = at + 1
            shown = " ".join(snippet.split("\n", 1)[0].split())
            cut = shown.find("]")
            shown = shown[:cut + 1] if cut >= 0 else shown if len(shown) <= 50 \
                else shown[:40] + "…"
            if any(p.line == line and shown in p.message for p in reading.problems):
                continue  # already reported with its cause (a bad locator, an autolink)
            problem = Problem(
                file=reading.shown, line=line,
                message=f"not read as a citation: '{shown}'",
                hint="write it as '[@source-id, ¶ 7]' (items separated by ';'), outside link "
                     "text, or escape the bracket ('\\[') if it is not a citation")
            state.problems.append(problem)
            self.ext.step.after_render.setdefault(reading.path, []).append(problem)
            self.ext.step.report(problem)


def _leftovers(root: etree.Element) -> list[str]:
    """Text outside code that still looks like a citation (escaped brackets excluded).

    The notes themselves are skipped: a note's marker, its list and the cited paragraph's text
    quoted in it are article text the extension wrote, never a citation left unread.
    """
    found: list[str] = []
    if not any("@" in (el.text or "") or "@" in (el.tail or "") for el in root.iter()):
        return found  # the common case, checked without the walk below

    def visit(el: etree.Element, in_code: bool) -> None:
        code = in_code or el.tag in _CODE or not _NOTE_CLASSES.isdisjoint(
            (el.get("class") or "").split())
        if el.text and not code and "@" in el.text:
            found.extend(el.text[m.start():m.start() + 60] for m in LEFTOVER_RE.finditer(el.text))
        for child in el:
            visit(child, code)
            if child.tail and not code and "@" in child.tail:
                found.extend(child.tail[m.start():m.start() + 60]
                             for m in LEFTOVER_RE.finditer(child.tail))

    visit(root, False)
    return found


class _RawNotes(Postprocessor):
    """Placeholders inside raw HTML blocks → the note marker's HTML."""

    def __init__(self, md: Markdown, ext: CitationExtension, state: _Page) -> None:
        super().__init__(md)
        self.ext, self.state = ext, state

    def run(self, text: str) -> str:
        reading = self.state.reading
        if reading is None or OPEN not in text:
            return text
        href = self.ext.href(in_tree=False)

        def note(match: re.Match[str]) -> str:
            k = int(match.group(1))
            if k >= len(reading.passages):
                return ""
            return to_html_string(note_marker(reading.passages[k], href))

        return _TOKEN_RE.sub(note, text)


#: The extension's processors and the method each runs per page (``briefbook bench`` times them
#: as part of the book's own time in a build).
PROCESSORS: tuple[tuple[type, str], ...] = (
    (_Placeholders, "run"), (_Notes, "handleMatch"), (_NotesList, "run"), (_Final, "run"),
    (_RawNotes, "run"))


def makeExtension(**kwargs: Any) -> CitationExtension:  # noqa: N802 - Python-Markdown's name
    """The extension, for ``markdown_extensions: [briefbook.render.mdext]``."""
    return CitationExtension(**kwargs)


def render_page(text: str, book: Book, *, page: str = "page.md",
                extensions: list[Any] | None = None, step: CitationStep | None = None,
                **options: Any) -> tuple[str, list[Problem], PageCitations | None]:
    """Render one page with Python-Markdown and the extension (no MkDocs).

    Args:
        text: The page's Markdown.
        book: The loaded book.
        page: The page's path under the docs folder (links are relative to it).
        extensions: Other Python-Markdown extensions (names or instances), as a builder has.
        step: A citation step to share (default: a new one for this book).
        **options: The extension's options (``notes_heading``, ``check_claims``, …).

    Returns:
        The HTML, every problem reported while reading and rendering, and the page's reading.
    """
    step = step or CitationStep(book)
    problems: list[Problem] = []
    step.report = problems.append
    ext = CitationExtension(step=step, page=page, **options)
    md = Markdown(extensions=[*(extensions or []), ext])
    output = md.convert(text)
    return output, problems, step.pages.get(page)

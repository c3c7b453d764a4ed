"""The whole book as one printable HTML document, and ``briefbook pdf`` rendering it to PDF.

The pure part (:func:`as_of`, :func:`page_order`, :func:`extract_part`, :func:`combine`) reads
the HTML of a built site and returns one document: a cover with the as-of date, a table of
contents, then every page in navigation order (pages outside the navigation after it, by
path). Links between pages become links inside the document. The command builds the site
strictly, writes the document next to it and prints it with headless Chromium (Playwright),
with page numbers in the footer.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefbook.core.cache import active, cached, key_of
from briefbook.core.model import Book
from briefbook.core.parallel import prefill
from briefbook.render.markup import esc

#: The whole book as one page, written at the root of the built site.
PRINT_PAGE = "print.html"
#: Pages of a built site never printed (search page, error page).
SKIPPED = ("404.html", "search.html", PRINT_PAGE)
#: Folders of the site left out of the printed book: the API reference documents the
#: toolchain, not the briefing.
EXCLUDED = ("reference/",)
#: Flags for Debian's Chromium in a container with no network.
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html, body { background: #fff; }
body { margin: 0; }
.md-typeset { font-size: 10.5pt; }
.bb-print-cover { break-after: page; display: flex; flex-direction: column;
  justify-content: center; min-height: 240mm; }
.bb-print-cover h1 { font-size: 2.2em; margin: 0 0 .6em; }
.bb-print-asof { font-size: 1.2em; }
.bb-print-toc { break-after: page; }
.bb-print-toc ol { padding-left: 2.6em; margin: 0; }
.bb-print-toc li { margin: 0; }
.bb-print-part { break-before: page; }
.bb-print-part h1, .bb-print-part h2, .bb-print-part h3 { break-after: avoid; }
.bb-para, .bb-notes li { break-inside: avoid; }
a { color: inherit; }
.md-typeset pre, .md-typeset code { white-space: pre-wrap; overflow-wrap: anywhere; }
.md-typeset table { max-width: 100%; overflow-wrap: anywhere; }
@media screen {
  body { padding: 0 .5rem; }
  .md-typeset table { display: block; overflow-x: auto; }
}
"""


@dataclass(frozen=True, kw_only=True)
class AsOf:
    """How current the book is: its latest source date and what that date rests on."""

    date: str | None
    basis: str
    source: str | None

    def text(self) -> str:
        """The sentence printed on the cover."""
        if not self.date:
            return "As of: unknown (no source has a known date)"
        return (f"As of {self.date} — the latest source date ({self.basis}, "
                f"source {self.source})")


def as_of(book: Book) -> AsOf:
    """The latest known source date; a stated date wins a tie over an inferred one."""
    dated = [s for s in book.sources if s.date and s.date_basis != "unknown"]
    if not dated:
        return AsOf(date=None, basis="unknown", source=None)
    best = max(dated, key=lambda s: (s.date or "", s.date_basis == "stated", s.id))
    return AsOf(date=best.date, basis=best.date_basis, source=best.id)


@dataclass(frozen=True, kw_only=True)
class Part:
    """One page of the site as a section of the printed book."""

    path: str
    title: str
    html: str


def page_order(index_html: str, pages: Sequence[str]) -> list[str]:
    """Site pages (paths relative to the site) in navigation order, then the rest by path.

    Args:
        index_html: The built home page, whose primary navigation gives the order.
        pages: Every HTML page of the site.
    """
    known = set(pages)
    ordered: list[str] = []
    tree = LexborHTMLParser(index_html)
    for link in tree.css("nav.md-nav--primary a.md-nav__link[href]"):
        path = _resolve("index.html", link.attributes.get("href") or "")[0]
        if path in known and path not in ordered:
            ordered.append(path)
    if "index.html" in known and "index.html" not in ordered:
        ordered.insert(0, "index.html")
    rest = sorted(p for p in known if p not in ordered)
    return [p for p in ordered + rest
            if posixpath.basename(p) not in SKIPPED and not p.startswith(EXCLUDED)]


#: Characters kept as they are when a path goes back into a URL (RFC 3986 path characters).
_SAFE = "/:@!$&'()*+,;=-._~"


def _resolve(from_path: str, url: str) -> tuple[str, str]:
    """A relative URL in the page at ``from_path`` → (site path of the file, fragment)."""
    parts = urlsplit(url)
    if not parts.path:
        return from_path, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_path),
                                               unquote(parts.path)))
    if parts.path.endswith("/") or target in (".", ""):
        target = posixpath.join("" if target == "." else target, "index.html")
    return target, unquote(parts.fragment)


def extract_part(path: str, html: str) -> Part:
    """The article of a built page, without permalinks, edit buttons or scripts."""
    tree = LexborHTMLParser(html)
    article = tree.css_first("article.md-content__inner")
    if article is None:
        return Part(path=path, title=path, html="")
    for node in article.css("a.headerlink, .md-content__button, script, .md-source-file"):
        node.decompose()
    heading = article.css_first("h1")
    title = " ".join(heading.text(strip=False).split()) if heading is not None else path
    return Part(path=path, title=title or path, html=article.inner_html or "")


def _rewrite(part: Part, number: int, numbers: dict[str, int]) -> str:
    """Prefix the part's ids and turn links to printed pages into links inside the book."""
    root = _parsed(part.html, str(number))
    for node, attr, url, target, fragment in _local_links(root, part.path):
        # the document's URLs stay percent-encoded: "c%23.csv" is a file, "c#.csv" is not
        if attr == "href" and target in numbers:
            node.attrs[attr] = (f"#p{numbers[target]}-{quote(fragment, safe=_SAFE)}"
                                if fragment else f"#bb-print-part-{numbers[target]}")
        else:
            node.attrs[attr] = _outside(target, url)
    return root.inner_html or ""


def _parsed(html: str, number: str) -> LexborNode:
    """The part's HTML parsed in a ``div``, each id prefixed with ``p<number>-``."""
    root = LexborHTMLParser(f"<div>{html}</div>").css_first("div")
    assert root is not None
    for node in root.css("[id]"):
        node.attrs["id"] = f"p{number}-{node.attributes.get('id')}"
    return root


def _local_links(root: LexborNode, path: str) -> Iterator[tuple[LexborNode, str, str, str, str]]:
    """``(node, attribute, url, target page, fragment)`` of each link inside the site."""
    for node in root.css("[href], [src]"):
        attr = "href" if "href" in node.attributes else "src"
        url = node.attributes.get(attr) or ""
        if url and not urlsplit(url).scheme and not url.startswith("//"):
            yield (node, attr, url, *_resolve(path, url))


def _outside(target: str, url: str) -> str:
    """A link to ``target`` outside the printed pages, its fragment kept as written."""
    raw_fragment = urlsplit(url).fragment
    return quote(target, safe=_SAFE) + (f"#{raw_fragment}" if raw_fragment else "")


#: Marks of a :class:`_Template` (control characters, never in a page that uses them).
_OWN, _LINK, _OR, _FRAGMENT, _END = "\x01", "\x02", "\x03", "\x04", "\x05"
_MARKS_RE = re.compile("[\x01-\x05]")
_LINK_RE = re.compile("\x02([0-9]+)\x03([^\x04]*)\x04([^\x05]*)\x05")


@dataclass(frozen=True)
class _Template:
    r"""A part rewritten once for any place in any book (``mkdocs serve``).

    :func:`_rewrite`'s result depends on the part's number and on which pages are printed,
    which an added page changes for every part after it; the template leaves both open:
    ``\x01`` where the part's number goes, and for link ``i`` (to :attr:`targets` ``[i]``)
    both of its forms, already escaped as the HTML serialiser escapes them. :meth:`fill`
    returns exactly what :func:`_rewrite` returns.
    """

    html: str
    targets: tuple[str, ...]

    def fill(self, number: int, numbers: dict[str, int]) -> str:
        """The part rewritten at ``number`` among the printed pages ``numbers``."""
        def link(match: re.Match[str]) -> str:
            target = self.targets[int(match.group(1))]
            if target not in numbers:
                return match.group(2)
            fragment = match.group(3)
            return (f"#p{numbers[target]}-{fragment}" if fragment
                    else f"#bb-print-part-{numbers[target]}")
        return _LINK_RE.sub(link, self.html.replace(_OWN, str(number)))


def _template(part: Part) -> _Template | None:
    """The :class:`_Template` of a part (``None`` if the page holds a mark's character)."""
    if _MARKS_RE.search(part.html):
        return None
    root = _parsed(part.html, _OWN)
    targets: list[str] = []
    for node, attr, url, target, fragment in _local_links(root, part.path):
        outside = _outside(target, url)
        if attr == "href":
            node.attrs[attr] = (f"{_LINK}{len(targets)}{_OR}{outside}{_FRAGMENT}"
                                f"{quote(fragment, safe=_SAFE)}{_END}")
            targets.append(target)
        else:
            node.attrs[attr] = outside
    return _Template(html=root.inner_html or "", targets=tuple(targets))


def combine(parts: Sequence[Part], *, site_name: str, when: AsOf,
            stylesheets: Sequence[str] = (), cache: PrintCache | None = None) -> str:
    """One HTML document: cover, table of contents, then every part on a new page.

    With a ``cache``, a part already rewritten at the same number, among the same pages, is
    taken from it (the result is the same string).
    """
    numbers = {part.path: n for n, part in enumerate(parts, start=1)}
    links = "".join(f'<link rel="stylesheet" href="{esc(href)}">' for href in stylesheets)
    toc = "".join(f'<li><a href="#bb-print-part-{n}">{esc(part.title)}</a></li>'
                  for n, part in enumerate(parts, start=1))
    order = hash(tuple(numbers))

    def rewritten(n: int, part: Part) -> str:
        if cache is None:
            return _rewrite(part, n, numbers)
        key = (part.path, n, order, hash(part.html))
        found = cache.rewritten.get(key)
        if found is None:
            template = cache.template(part)
            found = cache.rewritten[key] = (_rewrite(part, n, numbers) if template is None
                                            else template.fill(n, numbers))
        return found

    body = "".join(
        f'<section class="bb-print-part" id="bb-print-part-{n}">'
        f"{rewritten(n, part)}</section>"
        for n, part in enumerate(parts, start=1))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(site_name)}</title>{links}<style>{PRINT_CSS}</style></head>"
        '<body><div class="md-typeset">'
        f'<section class="bb-print-cover"><h1>{esc(site_name)}</h1>'
        f'<p class="bb-print-asof">{esc(when.text())}</p>'
        f"<p>{len(parts)} sections. Every citation links a numbered paragraph "
        "(¶) of a source, reproduced verbatim in the Sources section.</p></section>"
        f'<nav class="bb-print-toc"><h1>Contents</h1><ol>{toc}</ol></nav>'
        f"{body}</div></body></html>")


#: The analysis cache's namespace of built pages as parts: ``(Part, _Template | None)``.
PARTS_NAMESPACE = "printview.part"


def _page_text(data: bytes) -> str:
    """A built page's bytes as :meth:`pathlib.Path.read_text` reads them (universal newlines)."""
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _part_key(path: str, data: bytes) -> str:
    """The analysis cache's key of a built page's part: its path and the SHA-256 of its bytes."""
    return key_of(path, hashlib.sha256(data).hexdigest())


def _made(path: str, data: bytes) -> tuple[Part, _Template | None]:
    part = extract_part(path, _page_text(data))
    return part, _template(part)


class PrintCache:
    """What one print document was made from, for the next one (``mkdocs serve``).

    A page whose built file has the same size and modification time is not read again, and a
    part rewritten at the same place among the same pages is not rewritten again, so a
    rebuild after an edit reads and rewrites only the pages that changed. Only the pages of
    the latest document are kept. For its first document, a page read is looked up in the
    analysis cache by its path and the SHA-256 of its bytes, so a new build process that
    wrote the same HTML (a full build of an unchanged book) parses none of it again; later
    documents (``mkdocs serve``) keep what they read in memory only, so a rebuild after an
    edit does not rewrite the cache file of every page's part.
    """

    def __init__(self) -> None:
        self.parts: dict[str, tuple[int, int, Part]] = {}
        self.rewritten: dict[tuple[str, int, int, int], str] = {}
        self.templates: dict[tuple[str, str], _Template | None] = {}
        self.keys: dict[str, str] = {}
        self.first = True  # no document made yet: parts come from and go to the disk cache
        #: Pages :meth:`prefill` read for the first document: path → (bytes, cache key).
        self._read: dict[str, tuple[bytes, str]] = {}

    def template(self, part: Part) -> _Template | None:
        """The part's :class:`_Template`, made once per page content."""
        key = (part.path, part.html)
        if key not in self.templates:
            self.templates[key] = _template(part)
        return self.templates[key]

    def part(self, site: Path, path: str, *, known: bool = False) -> Part:
        """The page's part, read again only when its file changed.

        ``known``: the caller knows the file was not written since the last call.
        """
        found = self.parts.get(path)
        if known and found is not None:
            return found[2]
        info = (site / path).stat()
        if found is not None and found[:2] == (info.st_mtime_ns, info.st_size):
            return found[2]
        read = self._read.pop(path, None)
        data = (site / path).read_bytes() if read is None else read[0]
        if self.first:
            key = self.keys[path] = _part_key(path, data) if read is None else read[1]
            part, template = cached(PARTS_NAMESPACE, key, lambda: _made(path, data))
        else:
            self.keys.pop(path, None)  # its stored part is stale: let the cache forget it
            part, template = _made(path, data)
        self.parts[path] = (info.st_mtime_ns, info.st_size, part)
        self.templates[(path, part.html)] = template
        return part

    def prefill(self, site: Path, paths: Sequence[str]) -> int:
        """Before the first document: parse the pages the analysis cache lacks in workers.

        The parts of a first build's thousands of pages are independent of each other, so
        they are made in worker processes (:func:`briefbook.core.parallel.prefill`, by its
        rules) and stored under the keys :meth:`part` then finds. Returns how many were made
        in workers (0: none, or not the first document).
        """
        if not self.first:
            return 0
        jobs = []
        for path in paths:
            data = (site / path).read_bytes()
            key = _part_key(path, data)
            self._read[path] = (data, key)  # for part(): each page is read and hashed once
            jobs.append((key, lambda path=path, data=data: _made(path, data)))
        return prefill(PARTS_NAMESPACE, jobs)

    def keep_only(self, paths: Sequence[str]) -> None:
        """Forget pages that are no longer in the site, and stale rewritten parts."""
        wanted = set(paths)
        self.parts = {p: v for p, v in self.parts.items() if p in wanted}
        order = hash(tuple(paths))
        self.rewritten = {k: v for k, v in self.rewritten.items() if k[2] == order}
        current = {(p, part.html) for p, (_, _, part) in self.parts.items()}
        self.templates = {k: v for k, v in self.templates.items() if k in current}
        self.keys = {p: k for p, k in self.keys.items() if p in wanted}
        self._read.clear()
        active().retain(PARTS_NAMESPACE, set(self.keys.values()))
        self.first = False


def html_files(site: Path) -> list[str]:
    """Every ``*.html`` name under ``site`` (relative, ``/``-separated), as ``rglob`` lists them.

    :func:`os.walk` (no symbolic links to folders followed, as ``Path.rglob``) instead of
    ``Path.rglob``, which made a path object per entry: about a second for the 8,000 pages of a
    2,000-article book, in every rebuild of ``mkdocs serve``.
    """
    found = []
    for top, folders, names in os.walk(site):
        base = os.path.relpath(top, site).replace(os.sep, "/")
        prefix = "" if base == "." else base + "/"
        found += [prefix + name for name in (*folders, *names) if name.endswith(".html")]
    return found


def print_document(site: Path, *, site_name: str, when: AsOf,
                   cache: PrintCache | None = None, pages: Sequence[str] | None = None,
                   changed: set[str] | None = None) -> str:
    """The printable document of a built site (reads its HTML files).

    Args:
        site: The built site.
        site_name: Shown on the cover.
        when: The book's as-of date, shown on the cover.
        cache: Keep between calls to reread and rewrite only the pages that changed; the
            document is the same with or without it.
        pages: The site's HTML pages (paths relative to ``site``), when the caller knows
            them; else the folder is listed.
        changed: With a cache: the pages written since the last call (the others are taken
            from the cache without looking at their files); ``None`` checks every file.
    """
    if pages is None:
        pages = html_files(site)
    pages = sorted(p for p in pages if not p.startswith(("assets/", "search/")))
    index = (site / "index.html").read_text("utf-8")
    order = page_order(index, pages)
    if cache is None:
        parts = [extract_part(p, (site / p).read_text("utf-8")) for p in order]
    else:
        cache.prefill(site, order)
        parts = [cache.part(site, p, known=changed is not None and p not in changed)
                 for p in order]
    tree = LexborHTMLParser(index)
    sheets = [_resolve("index.html", n.attributes.get("href") or "")[0]
              for n in tree.css('link[rel="stylesheet"][href]')
              if not urlsplit(n.attributes.get("href") or "").scheme]
    document = combine(parts, site_name=site_name, when=when, stylesheets=sheets, cache=cache)
    if cache is not None:
        cache.keep_only([part.path for part in parts])
    return document


def render_pdf(html_file: Path, pdf_file: Path, *, chromium: str) -> None:
    """Print an HTML file to PDF with headless Chromium, page numbers in the footer."""
    from playwright.sync_api import sync_playwright

    footer = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
              '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page()
            page.goto(html_file.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(pdf_file), format="A4", print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=footer,
                     margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})
        finally:
            browser.close()

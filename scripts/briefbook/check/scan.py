"""Reading the built pages: every URL a browser would fetch, every id, every source paragraph.

Each HTML file is parsed with lxml's HTML parser (libxml2; about three times faster than
selectolax on large Material pages, measured), in parallel processes for large sites. A page
that declares no character set (no byte-order mark, no ``<meta charset>`` or
``http-equiv="Content-Type"`` in its first 1,024 bytes) is read as UTF-8 first, as the HTML
standard's encoding sniffing does for a file whose bytes are valid UTF-8, so non-ASCII hrefs and
ids match; otherwise the parser's own guess stands.

The URLs read are those a browser fetches or follows: ``a``/``area[href]``, ``link[href]``,
``script[src]``, ``img[src]`` and every candidate of ``img[srcset]`` and ``source[srcset]``,
``source``/``video``/``audio``/``track``/``embed``/``iframe[src]``, ``video[poster]`` and
``object[data]``. A ``<base href>`` is honoured when resolving relative URLs (HTML standard,
"document base URL").

Each page also records what a browser would run that is not the theme's own
(:mod:`~briefbook.check.active`), and whether libxml2 could read it whole (a page nested
deeper than the parser allows is reported, not checked in part). A page behind a symbolic link
out of the site is never read (:mod:`~briefbook.check.sitefiles`).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from briefbook.check.active import active_content
from briefbook.check.sitefiles import Resolver, inside

#: (tag, attribute) pairs whose URLs are checked; ``srcset`` holds a list of candidates.
URL_ATTRIBUTES = (
    ("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
    ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("embed", "src"),
    ("iframe", "src"), ("object", "data"),
)
_LINK_TAGS = frozenset(("a", "area"))
_CHARSET_RE = re.compile(rb"<meta[^>]+charset|\xef\xbb\xbf|\xff\xfe|\xfe\xff", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class PageScan:
    """What one HTML page holds and what its URLs point to.

    Attributes:
        page: The HTML file, relative to the site folder.
        ids: Every ``id`` (and ``a[name]``) of the page.
        urls: How many URLs the page has.
        missing: ``(kind, tag, url)`` of URLs whose target file does not exist.
        fragments: ``(url, target page, fragment, is a citation)`` to check against ids.
        external: External URLs of the page.
        paragraphs: ``(anchor id, text, article line)`` of source paragraphs.
        active: ``(what, detail)`` of everything a browser would run that is not the theme's
            (:func:`~briefbook.check.active.active_content`).
        error: Why the page could not be read, if it could not.
        partial: Why the page could be read only in part (the parser gave up), if it did.
    """

    page: str
    ids: frozenset[str] = frozenset()
    urls: int = 0
    missing: tuple[tuple[str, str, str], ...] = ()
    fragments: tuple[tuple[str, str, str, bool], ...] = ()
    external: tuple[str, ...] = ()
    paragraphs: tuple[tuple[str, str, int | None], ...] = ()
    active: tuple[tuple[str, str], ...] = ()
    error: str | None = None
    partial: str | None = None


def _xpath(expr: str) -> etree.XPath:
    return etree.XPath(expr, smart_strings=False)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_URL_XPATHS = tuple((tag, attr, _xpath(f"//{tag}/@{attr}")) for tag, attr in URL_ATTRIBUTES)
_CITE_XPATH = _xpath(f"//a[{_has_class('bb-cite-link')}]/@href")
_IDS_XPATH = _xpath("//@id | //a/@name")
_PARAS_XPATH = _xpath(f"//p[{_has_class('bb-para')}][@id]")
_PTEXT_XPATH = _xpath(f"string(.//span[{_has_class('bb-ptext')}])")
_BASE_XPATH = _xpath("//base/@href")
_TEXT_XPATH = _xpath("//body//text()[not(ancestor::script) and not(ancestor::style) and "
                     "not(ancestor::template) and not(ancestor::noscript)]")
_CANONICAL_XPATH = _xpath("//link[@rel='canonical']/@href")
_PARSER = etree.HTMLParser(collect_ids=False, huge_tree=True)
_UTF8_PARSER = etree.HTMLParser(collect_ids=False, huge_tree=True, encoding="utf-8")
#: Schemes that are neither internal nor fetched.
OTHER_SCHEMES = ("mailto", "tel", "data", "javascript", "ftp", "blob", "about")


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` (HTML standard, "parse a srcset attribute", simplified).

    Candidates are separated by commas; each is a URL followed by an optional width or
    density descriptor. A URL may itself hold commas (``data:`` URLs): a comma ends a
    candidate only where the URL is followed by white space or ends with it.
    """
    urls: list[str] = []
    pos, n = 0, len(value)
    while pos < n:
        while pos < n and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        start = pos
        while pos < n and not value[pos].isspace():
            pos += 1
        url = value[start:pos]
        ended = url.endswith(",")
        url = url.rstrip(",")
        if url:
            urls.append(url)
        if ended:
            continue
        depth = 0
        while pos < n and (value[pos] != "," or depth):  # the descriptors
            depth += {"(": 1, ")": -1}.get(value[pos], 0)
            pos += 1
    return urls


def _parser_for(data: bytes) -> etree.HTMLParser:
    """UTF-8 for bytes with no declared charset that are valid UTF-8, else libxml2's guess."""
    if not _CHARSET_RE.search(data[:1024]):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return _UTF8_PARSER
    return _PARSER


def parse_html(data: bytes) -> etree._Element | None:
    """An HTML document's tree; bytes with no declared charset are read as UTF-8 first."""
    if not data.strip():
        return None
    return etree.fromstring(data, _parser_for(data))


def _parse_whole(data: bytes) -> tuple[etree._Element | None, str | None]:
    """The tree, and why libxml2 gave up part way (nested too deep, …), if it did."""
    if not data.strip():
        return None, None
    parser = _parser_for(data)
    tree = etree.fromstring(data, parser)
    fatal = [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
    return tree, (f"{fatal[0].message.strip()} (line {fatal[0].line})" if fatal else None)


def page_text(tree: etree._Element) -> str:
    """The text a reader sees on a page (no script, style or attribute), white space folded."""
    return " ".join(" ".join(_TEXT_XPATH(tree)).split())


_RESOLVERS: dict[tuple[str, str], Resolver] = {}


def _base_of(tree: etree._Element, page: str, resolver: Resolver,
             ) -> tuple[tuple[str, ...], str | None] | None:
    """The folder relative URLs resolve against, and the page a bare ``#x`` means.

    ``None`` when ``<base href>`` points outside the site (relative URLs are then external).
    """
    here = tuple(page.split("/")[:-1])
    found = _BASE_XPATH(tree)
    if not found or not found[0].strip():
        return here, page
    kind, target, _ = resolver.resolve(here, page, found[0])
    if kind != "int":
        return None
    _, absolute, ups, rest, slash, _ = resolver.split(found[0])
    if ups == -1:  # "#x" or "?q": the page itself
        return here, page
    folder = rest if slash else posixpath.dirname(rest)  # type: ignore[arg-type]
    start: tuple[str, ...] = () if absolute else here[:max(len(here) - ups, 0)]  # type: ignore[operator]
    parts = tuple(p for p in posixpath.normpath("/".join((*start, folder))).split("/")
                  if p not in ("", "."))
    return parts, target


def scan_page(site: str, page: str, base: str = "") -> PageScan:
    """Parse one HTML file: its ids, paragraphs, and where each of its URLs points."""
    resolver = _RESOLVERS.setdefault((site, base), Resolver(site, base))
    try:
        if not inside(resolver.real, os.path.join(site, page)):
            return PageScan(page=page, error="a symbolic link to a file outside the site")
        tree, partial = _parse_whole((Path(site) / page).read_bytes())
    except (OSError, etree.Error) as exc:
        return PageScan(page=page, error=str(exc))
    if tree is None:
        return PageScan(page=page, error="empty file")
    cites = set(_CITE_XPATH(tree))
    based = _base_of(tree, page, resolver)
    missing: list[tuple[str, str, str]] = []
    wanted: list[tuple[str, str, str, bool]] = []
    external: list[str] = []
    count = 0
    for tag, attr, xpath in _URL_XPATHS:
        for value in xpath(tree):
            for url in (srcset_urls(value) if attr == "srcset" else (value,)):
                count += 1
                if based is None:  # <base href> outside the site: relative URLs go there
                    if not resolver.split(url)[0] == "other":
                        external.append(url.strip())
                    continue
                here, self_page = based
                kind, target, fragment = resolver.resolve(here, page, url)
                if kind != "int":
                    if kind == "ext":
                        external.append(url.strip())
                    continue
                if resolver.split(url)[2] == -1:  # "#x" alone: the page, or <base>'s page
                    target = self_page
                is_cite = tag == "a" and url in cites
                if target is None:
                    kind = "citation" if is_cite else ("link" if tag in _LINK_TAGS else "asset")
                    missing.append((kind, tag, url))
                    continue
                if fragment is not None and tag in _LINK_TAGS:
                    wanted.append((url, target, fragment, is_cite))
    paragraphs = []
    for node in _PARAS_XPATH(tree):
        line = node.get("data-line")
        paragraphs.append((node.get("id"), _PTEXT_XPATH(node),
                           int(line) if line and line.isdigit() else None))
    if based is None:
        active = active_content(tree, lambda url: False)  # <base> elsewhere: nothing is ours
    else:
        folder = based[0]
        active = active_content(tree, lambda url: resolver.is_local(folder, page, url))
    return PageScan(page=page, ids=frozenset(_IDS_XPATH(tree)), urls=count,
                    missing=tuple(missing), fragments=tuple(wanted),
                    external=tuple(external), paragraphs=tuple(paragraphs),
                    active=tuple(active), partial=partial)


def _scan_batch(site: str, base: str, pages: Sequence[str]) -> list[PageScan]:
    return [scan_page(site, page, base) for page in pages]


def scan_site(site: Path, pages: Sequence[str], *, base: str = "",
              jobs: int | None = None) -> list[PageScan]:
    """Scan every page, in parallel processes when there are many."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(pages) < 64:
        return _scan_batch(str(site), base, pages)
    size = max(16, len(pages) // (jobs * 4))
    batches = [pages[i:i + size] for i in range(0, len(pages), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_scan_batch, [str(site)] * len(batches), [base] * len(batches),
                           batches)
        return [scan for batch in results for scan in batch]


def site_base(site: Path) -> str:
    """The site's own URL, from the home page's ``<link rel="canonical">`` (or empty).

    Absolute links that start with it (or with its path, e.g. ``/book/``) are internal.
    """
    index = site / "index.html"
    if not index.is_file() or not inside(os.path.realpath(site), str(index)):
        return ""
    try:
        tree = parse_html(index.read_bytes())
    except (OSError, etree.Error):
        return ""
    found = _CANONICAL_XPATH(tree) if tree is not None else []
    url = found[0] if found else ""
    return url if urlsplit(url).scheme in ("http", "https") else ""


def read_page_text(site: Path, page: str) -> str | None:
    """The visible text of one page (for text fragments), or ``None`` if unreadable."""
    try:
        tree = parse_html((site / page).read_bytes())
    except (OSError, etree.Error):
        return None
    return page_text(tree) if tree is not None else ""


def read_ids(site: Path, page: str) -> frozenset[str]:
    """The ids of one page not scanned (a target outside the pages checked)."""
    try:
        tree = parse_html((site / page).read_bytes())
    except (OSError, etree.Error):
        return frozenset()
    return frozenset(_IDS_XPATH(tree)) if tree is not None else frozenset()

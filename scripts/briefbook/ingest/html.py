"""``briefbook add`` for saved web pages and URLs, and the duplicate check for every input.

A web page is not an article: it carries navigation, adverts, comment threads, "related
stories" and cookie banners around the text. trafilatura extracts the main text; its
paragraphs, separated by blank lines, become the verbatim ``sources/<id>.txt`` file, and the
page itself is kept byte for byte as ``originals/<id>.html`` for provenance. Title, outlet,
author, publication date, canonical URL and language are taken from the page's metadata and
the entry's ``notes`` say so; what the editor gives on the command line wins. A date counts as
``stated`` only when the page's markup states it (no guessing from the text or a footer).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from email.message import Message
from importlib.metadata import version
from pathlib import Path
from typing import Any

import trafilatura
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from trafilatura.utils import decode_file

from briefbook.core.errors import ArticleError, Problem, ToolError
from briefbook.core.http import DeadlineExceeded, open_url
from briefbook.core.lock import book_lock
from briefbook.core.text import fold, slugify
from briefbook.ingest.duplicates import article_paragraphs, book_texts, near_duplicate
from briefbook.ingest.files import InputError, read_input
from briefbook.ingest.text import AddResult, add_articles, existing_sources
from briefbook.read.ids import suggest_id
from briefbook.read.sources import ID_RE, source_id_for

#: File name endings read as saved web pages.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
#: Seconds any single read from a server may wait.
DEFAULT_TIMEOUT = 20.0
#: Seconds a whole fetch may take, redirects and body included.
DEFAULT_DEADLINE = 60.0
#: Largest page fetched, in bytes.
MAX_BYTES = 10_000_000
#: Metadata fields that a page can fill.
PAGE_FIELDS = ("title", "outlet", "author", "date", "url", "language")
#: Fewer characters of main text than this is not an article (a menu, a teaser, an error page).
MIN_ARTICLE_CHARS = 100
#: The comment browsers write into a saved page: ``<!-- saved from url=(0042)https://… -->``.
_SAVED_FROM_RE = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class FetchError(ToolError):
    """A URL cannot be fetched (offline, unreachable, refused, too large, not HTML)."""


@dataclass(frozen=True, kw_only=True)
class Page:
    """A web page reduced to its article.

    Attributes:
        text: The main text, one paragraph per line, paragraphs separated by blank lines.
        meta: What the page's metadata says (only the fields it states): title, outlet,
            author (a list), date (ISO 8601), url (canonical), language.
    """

    text: str
    meta: Mapping[str, Any]


def is_url(value: str) -> bool:
    """Whether a command-line argument is an http(s) URL."""
    return value.strip().lower().startswith(("http://", "https://"))


def is_page_file(value: str) -> bool:
    """Whether a command-line argument names a saved web page (by its ending)."""
    return Path(value).suffix.lower() in PAGE_SUFFIXES


def _language(html: str) -> str | None:
    tree = HTMLParser(html)
    candidates = []
    root = tree.css_first("html")
    if root is not None:
        candidates.append(root.attributes.get("lang") or root.attributes.get("xml:lang"))
    for selector in ('meta[http-equiv="content-language" i]', 'meta[property="og:locale"]'):
        node = tree.css_first(selector)
        if node is not None:
            candidates.append(node.attributes.get("content"))
    for value in candidates:
        value = (value or "").strip().split(",")[0].strip()
        if value and _LANG_RE.match(value):
            return value.replace("_", "-")
    return None


def _saved_from(data: bytes) -> str | None:
    match = _SAVED_FROM_RE.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _paragraphs(text: str, title: str | None) -> list[str]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and fold(lines[0]) == fold(title):
        lines = lines[1:]  # the headline is the title, kept in the metadata
    return lines


def extract_page(data: bytes, display: str) -> Page:
    """Extract the article and its metadata from a web page's bytes.

    Args:
        data: The page as saved or fetched (any encoding the page declares).
        display: How to name the page in messages.

    Raises:
        ArticleError: When the page has no extractable article.
    """
    html = decode_file(data)
    doc = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    title = getattr(doc, "title", None) if doc is not None else None
    paragraphs = _paragraphs(getattr(doc, "text", None) or "", title) if doc is not None else []
    if sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS:
        raise ArticleError(Problem(
            file=display, level="error", message="no article text found in this page",
            hint="save the article's own page (not a front page or a search result), or "
                 "copy its text into a .txt file"))
    meta: dict[str, Any] = {
        "title": title,
        "outlet": doc.sitename,
        "author": [a.strip() for a in (doc.author or "").split(";") if a.strip()] or None,
        "date": doc.date,
        "url": doc.url if doc.url and is_url(doc.url) else _saved_from(data),
        "language": doc.language or _language(html),
    }
    meta = {k: v for k, v in meta.items() if v}
    return Page(text="\n\n".join(paragraphs) + "\n", meta=meta)


def fetch_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, deadline: float = DEFAULT_DEADLINE,
              max_bytes: int = MAX_BYTES) -> tuple[bytes, str]:
    """Fetch a web page: its bytes and the final URL (after redirects).

    Args:
        url: An http(s) URL.
        timeout: Seconds any single read may wait.
        deadline: Seconds for the whole request, redirects and body included (a server that
            trickles bytes is cut off here).
        max_bytes: The largest page accepted.

    Raises:
        FetchError: Offline, unreachable, an HTTP error, too slow, too large, or not a web
            page.
    """
    hint = ("check the address and your connection; or save the page from a browser and "
            "add the .html file")
    request = urllib.request.Request(url, headers={
        "User-Agent": f"briefbook/{version('briefbook')} (saving an article for a briefing book)",
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    })

    def html_only(headers: Message) -> None:
        kind = headers.get_content_type()
        if kind not in ("text/html", "application/xhtml+xml"):
            raise FetchError(Problem(file=url, level="error",
                                     message=f"the server sent '{kind}', not a web page",
                                     hint="give the address of the article's HTML page"))

    try:
        response = open_url(request, deadline=deadline, timeout=timeout, max_bytes=max_bytes,
                            accept=html_only)
    except DeadlineExceeded as exc:
        raise FetchError(Problem(file=url, level="error",
                                 message=f"no complete answer from the server within "
                                         f"{deadline:g} s", hint=hint)) from exc
    except urllib.error.HTTPError as exc:
        raise FetchError(Problem(file=url, level="error",
                                 message=f"the server answered HTTP {exc.code} {exc.reason}",
                                 hint=hint)) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(Problem(file=url, level="error",
                                     message=f"no answer from the server within {timeout:g} s",
                                     hint=hint)) from exc
        what = getattr(reason, "strerror", None) or str(reason)
        raise FetchError(Problem(file=url, level="error",
                                 message=f"cannot reach the server ({what}); offline, or the "
                                         "address is wrong", hint=hint)) from exc
    except TimeoutError as exc:
        raise FetchError(Problem(file=url, level="error",
                                 message=f"no answer from the server within {timeout:g} s",
                                 hint=hint)) from exc
    except OSError as exc:
        raise FetchError(Problem(file=url, level="error",
                                 message=f"the connection failed ({exc})", hint=hint)) from exc
    if len(response.body) > max_bytes:
        raise FetchError(Problem(file=url, level="error",
                                 message=f"the page is larger than {max_bytes:,} bytes",
                                 hint="save the page from a browser and add the .html file"))
    return response.body, response.url


def url_source_id(url: str) -> str:
    """A source id from a URL: its last path segment, else its host."""
    parts = urllib.parse.urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    stem = Path(urllib.parse.unquote(segments[-1])).stem if segments else ""
    return slugify(stem) or slugify(parts.hostname or "") or "source"


def _notes(taken: Sequence[str], origin: str, accessed: str | None) -> str:
    names = {"title": "title", "outlet": "outlet (site name)", "author": "author",
             "date": "publication date", "url": "canonical URL", "language": "language"}
    listed = [names[k] for k in PAGE_FIELDS if k in taken]
    text = (f"The text is the main text of {origin}, extracted by trafilatura "
            f"{version('trafilatura')}; the page is kept as the original.")
    if listed:
        text += " Taken from the page's metadata: " + ", ".join(listed) + "."
    if accessed:
        text += f" Fetched on {accessed}."
    return text


def _relabel(result: AddResult, tmp: Path, shown: str) -> AddResult:
    return AddResult(
        added=[replace(a, origin=shown) if a.origin == str(tmp) else a for a in result.added],
        problems=[replace(p, file=shown) if p.file == str(tmp) else p for p in result.problems])


def _duplicate_check(briefing: Path, paragraphs: list[str], shown: str,
                     force: bool) -> Problem | None:
    found = near_duplicate(paragraphs, book_texts(briefing))
    if found is None:
        return None
    if force:
        return Problem(file=shown, level="warning",
                       message=f"added although it looks like a near-verbatim copy: "
                               f"{found.describe()}")
    return Problem(file=shown, level="error",
                   message=f"looks like a near-verbatim copy already in the book: "
                           f"{found.describe()}; nothing was added",
                   hint="use --force to add it anyway")


def add_page(
    briefing: Path, item: str, *, source_id: str | None = None,
    meta: Mapping[str, Any] | None = None, force: bool = False,
    today: Callable[[], dt.date] = dt.date.today,
    fetch: Callable[[str], tuple[bytes, str]] = fetch_url,
) -> AddResult:
    """Add one saved web page (a path) or URL to the book.

    Args:
        briefing: The book's content folder.
        item: A path to a saved page, or an http(s) URL.
        source_id: The id to give; default: from the file name or the URL's last segment.
        meta: Metadata given by the editor; it wins over the page's.
        force: Add even when the text duplicates a source already in the book.
        today: The clock giving ``accessed`` for a fetched URL.
        fetch: The fetcher (a URL → bytes and final URL).
    """
    editor = {k: v for k, v in (meta or {}).items() if v not in (None, [], "")}
    accessed = None
    try:
        if is_url(item):
            data, final = fetch(item)
            accessed = today().isoformat()
            origin, name, default_id = f"the page at {final}", "page.html", url_source_id(final)
        else:
            path = Path(item)
            data = read_input(path, shown=item, max_bytes=MAX_BYTES)
            origin = f"the saved page '{path.name}'"
            name, default_id = path.name, source_id_for(path.name)
        page = extract_page(data, item)
    except (ArticleError, FetchError, InputError) as exc:
        return AddResult(problems=[exc.problem])
    except OSError as exc:
        return AddResult(problems=[Problem(file=item, level="error",
                                           message=f"cannot read: {exc.strerror or exc}")])
    with book_lock(briefing):  # the id, the duplicate check and the add see the same book
        if source_id:
            sid = source_id if ID_RE.match(source_id) else source_id_for(source_id)
        else:  # short and readable: the file name, else the page's title (see read.ids)
            ids, names, _ = existing_sources(briefing)
            sid = suggest_id(f"{default_id}.html", page.meta.get("title"),
                             ids | {Path(n).stem for n in names})
        return _add_page_locked(briefing, item, page, sid, editor, name, data, origin,
                                accessed, final if is_url(item) else None, force)


def _add_page_locked(briefing: Path, item: str, page: Page, sid: str, editor: dict[str, Any],
                     name: str, data: bytes, origin: str, accessed: str | None,
                     final: str | None, force: bool) -> AddResult:
    duplicate = _duplicate_check(briefing, page.text.split("\n\n"), item, force)
    if duplicate is not None and duplicate.level == "error":
        return AddResult(problems=[duplicate])
    page_meta = dict(page.meta)
    if final is not None and "url" not in page_meta:
        page_meta["url"] = final
    taken = [k for k in page_meta if k not in editor]
    entry: dict[str, Any] = {**page_meta, **editor}
    if "date" in taken and "date_basis" not in editor:
        entry["date_basis"] = "stated"  # the page's markup states it
    if accessed and "accessed" not in editor:
        entry["accessed"] = accessed
    entry.setdefault("notes", _notes(taken, origin, accessed))
    with tempfile.TemporaryDirectory(prefix="briefbook-page-") as folder:
        tmp = Path(folder) / f"{sid}.txt"
        tmp.write_text(page.text, encoding="utf-8")
        result = add_articles(briefing, [tmp], source_id=sid, meta=entry, force=force,
                              originals={tmp: (name, data)})
    result = _relabel(result, tmp, item)
    if duplicate is not None and result.added:
        result.problems.append(duplicate)
    return result


def add_inputs(
    briefing: Path, items: Sequence[str], *, source_id: str | None = None,
    meta: Mapping[str, Any] | None = None, force: bool = False,
    today: Callable[[], dt.date] = dt.date.today,
    fetch: Callable[[str], tuple[bytes, str]] = fetch_url,
) -> AddResult:
    """Add plain-text articles, saved web pages and URLs, one at a time.

    Each input is checked against the book (including the inputs added before it) for a
    near-verbatim duplicate; plain text goes through :func:`~briefbook.ingest.text.add_articles`.
    One failed input does not stop the others.
    """
    total = AddResult()
    for item in items:
        if is_url(item) or is_page_file(item):
            result = add_page(briefing, item, source_id=source_id, meta=meta, force=force,
                              today=today, fetch=fetch)
        else:
            result = _add_text(briefing, item, source_id=source_id, meta=meta, force=force)
        total.added.extend(result.added)
        total.problems.extend(result.problems)
    return total


def _add_text(briefing: Path, item: str, *, source_id: str | None,
              meta: Mapping[str, Any] | None, force: bool) -> AddResult:
    path = Path(item)
    try:
        data = read_input(path, shown=item)
    except InputError as exc:
        return AddResult(problems=[exc.problem])
    with book_lock(briefing):  # the duplicate check and the add see the same book
        paragraphs = article_paragraphs(data, item)
        duplicate = _duplicate_check(briefing, paragraphs, item, force) if paragraphs else None
        if duplicate is not None and duplicate.level == "error":
            _, _, hashes = existing_sources(briefing)
            if hashlib.sha256(data).hexdigest() not in hashes:  # else: the same bytes
                return AddResult(problems=[duplicate])
            duplicate = None
        result = add_articles(briefing, [path], source_id=source_id, meta=meta, force=force)
    if duplicate is not None and result.added:
        result.problems.append(duplicate)
    return result

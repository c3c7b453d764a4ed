"""The citation step of a page, done once: citations read, resolved, numbered and checked.

:func:`read_page` reads a page's citations once and returns everything the book needs from
them: the numbered notes (what the Markdown extension renders), the citation records (for
``data/citations.json`` and the "cited by" back-links of source pages), the problems
(unresolved citations, misquotations, claim warnings) and the claim findings (review items).

:func:`note_marker` and :func:`notes_section` build the rendered notes as ElementTree elements
(Python-Markdown's tree): the tooltip is the cited paragraph's plain text in a ``title``
attribute, escaped by the serializer, never passed through Markdown. It also goes through
:func:`~briefbook.render.markup.tooltip_text`, since themes with HTML tooltips (Material's
``content.tooltips``) put a ``title`` into the page as HTML: the tooltip reads the same as
text and as HTML, and article text never becomes an element.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from markdown.util import AtomicString

from briefbook.analyse.review import ReviewItem
from briefbook.core.citekeys import (
    BARE_KEY_RE,
    CANDIDATE_RE,
    IN_TEXT_RE,
    Citation,
    excerpt,
    find_citations,
    paragraph_label,
    resolve_item,
)
from briefbook.core.errors import Problem
from briefbook.core.mdscan import Scan, scan
from briefbook.core.model import Book, CiteItem, Source
from briefbook.render.actors import actor_ref_problems
from briefbook.render.claimcheck import ClaimChecker
from briefbook.render.markup import tooltip_text
from briefbook.render.quotecheck import check_quotes, cited_sentences, cited_texts

#: ``href(source_id, paragraph_or_None)`` → the URL of the cited paragraph from this page.
Href = Callable[[str, int | None], str]
CLAIM_MODES = ("off", "review", "strict")


@dataclass(frozen=True, kw_only=True)
class Note:
    """One resolved item of a citation: a numbered note of the page.

    An item cited again on the same page (same source, paragraphs, prefix and suffix) shares
    the first citation's note, as a footnote referenced twice does: ``use`` counts the
    citations of the note (1 for the first), and the marker of use ``k > 1`` has the id
    ``bb-cite-<number>-<k>``.
    """

    number: int
    item: CiteItem
    source: Source
    use: int = 1


@dataclass(frozen=True, kw_only=True)
class CitedPassage:
    """One citation of a page with its notes (``None`` for an unresolved item) and quotes.

    ``raw`` is true for a citation inside a raw HTML block: the extension writes its marker as
    HTML there (Markdown does not read inside such a block).
    """

    citation: Citation
    notes: tuple[Note | None, ...]
    quotes: tuple[str, ...]
    raw: bool = False


@dataclass(frozen=True, kw_only=True)
class PageCitations:
    """Everything the citation step found in one page.

    Attributes:
        path: The page's path under the docs folder (``context/aumf.md``).
        shown: How messages name the page (``docs/context/aumf.md``).
        text: The Markdown read (front matter included: lines are the file's lines).
        passages: The citations in page order.
        records: One record per item, for ``data/citations.json``: ``page``, ``line``,
            ``source``, ``paragraphs``, ``resolved``, ``note``, ``quotes``.
        problems: Syntax errors, unresolved items, misquotations, claim warnings.
        review: Claim findings as review items.
    """

    path: str
    shown: str
    text: str
    passages: tuple[CitedPassage, ...] = ()
    records: tuple[dict[str, object], ...] = ()
    problems: tuple[Problem, ...] = ()
    review: tuple[ReviewItem, ...] = ()

    @property
    def notes(self) -> list[Note]:
        """The page's notes in number order, each once (its first citation)."""
        return [n for p in self.passages for n in p.notes if n is not None and n.use == 1]

    @property
    def uses(self) -> dict[int, int]:
        """Note number → how many citations of the page point to it."""
        out: dict[int, int] = {}
        for p in self.passages:
            for n in p.notes:
                if n is not None:
                    out[n.number] = max(out.get(n.number, 0), n.use)
        return out


def read_page(text: str, book: Book, *, path: str, shown: str | None = None,
              check_quotes_: bool = True, claims: ClaimChecker | None = None,
              claim_mode: str = "review", actor_ids: Collection[str] | None = None,
              bare_keys: bool = True) -> PageCitations:
    """Read a page's citations once: resolve, number, check quotations and claims.

    Args:
        text: The page's Markdown, front matter included.
        book: The loaded book.
        path: The page's path under the docs folder (records name it).
        shown: How messages name the page (default: ``path``).
        check_quotes_: Check quotations against the cited paragraphs.
        claims: The book's claim checker; ``None`` skips the claim check.
        claim_mode: ``review`` (review items only), ``strict`` (also warnings) or ``off``.
        actor_ids: Actor ids, to check ``[Name][id]`` references (skipped when ``None``).
        bare_keys: Report ``@id`` of a source standing outside brackets (a writer's page;
            a generated page may name a source so in a message).
    """
    shown = shown or path
    problems: list[Problem] = []
    if "@" not in text and actor_ids is None:
        return PageCitations(path=path, shown=shown, text=text)
    page_scan = scan(text)
    citations, errors = find_citations(text, page_scan)
    problems.extend(Problem(file=shown, line=line, message=msg, hint=hint)
                    for line, msg, hint in errors)
    if bare_keys:
        problems.extend(_bare_keys(text, page_scan, book, shown))
    if actor_ids is not None:
        problems.extend(actor_ref_problems(text, shown, actor_ids, masked=page_scan.masked))
    sentences = cited_sentences(text, citations, page_scan)
    passages: list[CitedPassage] = []
    records: list[dict[str, object]] = []
    number = 0
    seen: dict[CiteItem, Note] = {}
    for cit, (_, quotes, _) in zip(citations, sentences, strict=True):
        notes: list[Note | None] = []
        for item in cit.items:
            failure = resolve_item(item, book)
            record: dict[str, object] = {
                "page": path, "line": cit.line, "source": item.source,
                "paragraphs": list(item.paragraphs), "resolved": failure is None,
                "note": None, "quotes": list(quotes)}
            records.append(record)
            if failure is not None:
                message, hint = failure
                problems.append(Problem(file=shown, line=cit.line, hint=hint,
                                        message=f"{message} in citation "
                                                f"'{' '.join(cit.text.split())}'"))
                notes.append(None)
                continue
            earlier = seen.get(item)
            if earlier is not None:  # the same item again: the same note, one more use
                seen[item] = again = Note(number=earlier.number, item=item,
                                          source=earlier.source, use=earlier.use + 1)
                record["note"] = again.number
                notes.append(again)
                continue
            number += 1
            record["note"] = number
            source = book.source(item.source)
            assert source is not None
            seen[item] = note = Note(number=number, item=item, source=source)
            notes.append(note)
        block = page_scan.block_at(cit.start)
        passages.append(CitedPassage(citation=cit, notes=tuple(notes), quotes=tuple(quotes),
                                     raw=block is not None and block.kind == "html"))
    if check_quotes_:
        problems.extend(check_quotes(text, citations, book, page=shown,
                                     quotes=[q for _, q, _ in sentences]))
    review: list[ReviewItem] = []
    if claims is not None and claim_mode != "off" and citations:
        people = claims.page_people([s for s, _, _ in sentences])
        for cit, (sentence, _, group), named in zip(citations, sentences, people, strict=True):
            # a sentence with several citations is checked against all of them
            items = [i for c, (_, _, g) in zip(citations, sentences, strict=True) if g == group
                     for i in c.items]
            cited = cited_texts(items, book)
            where = ", ".join(_cited_label(source, numbers) for source, numbers in cited)
            for finding in claims.check(sentence, cited, named):
                message = (f"{finding.kind} \u201c{finding.word}\u201d is not in the cited "
                           f"{where}")
                hint = (f"check the sentence \u201c{excerpt(' '.join(sentence.split()), 120)}"
                        "\u201d against its source, or cite the paragraph that says it")
                review.append(ReviewItem(
                    kind="claim", text=message, hint=hint, page=path, line=cit.line,
                    source=cited[0][0].id if cited else None, affects="citation",
                    subject=f"{path}-{finding.kind}-{finding.word}"))
                if claim_mode == "strict":
                    problems.append(Problem(file=shown, line=cit.line, message=message,
                                            hint=hint))
    return PageCitations(path=path, shown=shown, text=text, passages=tuple(passages),
                         records=tuple(records), problems=tuple(problems), review=tuple(review))


def _bare_keys(text: str, page_scan: Scan, book: Book, shown: str) -> list[Problem]:
    """Problems for ``@id`` standing in the text for a source of the book, outside brackets.

    Pandoc's in-text form (``as @harbour-news says``): the writer meant a citation, and it
    would stay text. E-mail addresses, URLs and code are left alone.
    """
    if "@" not in text:
        return []
    inside = [(m.start(), m.end()) for r in (CANDIDATE_RE, IN_TEXT_RE) for m in r.finditer(text)]
    out = []
    for m in BARE_KEY_RE.finditer(text):
        if book.source(m.group("key")) is None or page_scan.is_masked(m.start()) or any(
                a <= m.start() < b for a, b in inside):
            continue
        out.append(Problem(file=shown, line=text.count("\n", 0, m.start()) + 1,
                           message=f"'{m.group()}' names a source but is not a citation",
                           hint=f"write '[@{m.group('key')}, ¶ 7]' (or '[@{m.group('key')}]' "
                                "for the whole source) after the words it supports"))
    return out


def _cited_label(source: Source, numbers: Sequence[int]) -> str:
    """``@id ¶¶ 4–5`` (or ``@id`` for the whole source)."""
    if len(numbers) >= len([p for p in source.paragraphs if not p.boilerplate]):
        return f"@{source.id}"
    return f"@{source.id} {paragraph_label(CiteItem(source=source.id, paragraphs=tuple(numbers)))}"


def tooltip(source: Source, item: CiteItem) -> str:
    """The tooltip of a note: source label, locator and the cited paragraphs' plain text.

    One paragraph: its start (160 characters). Several (``¶¶ 2–4``): the start of each, up
    to three, marked with its number, then how many more.
    """
    label = paragraph_label(item)
    if not item.paragraphs:
        return source.label + (f" — {source.title}" if source.title else "")
    head = f"{source.label} · {label}"
    texts = [(n, para.text) for n in item.paragraphs if (para := source.paragraph(n))]
    if len(texts) <= 1:
        return f"{head}: {excerpt(texts[0][1]) if texts else ''}"
    shown = " ".join(f"¶ {n} {excerpt(text, 100)}" for n, text in texts[:3])
    more = len(texts) - 3
    return f"{head}: {shown}" + (f" (and {more} more)" if more > 0 else "")


def note_marker(passage: CitedPassage, href: Href) -> etree.Element:
    """``<sup class="bb-cite">`` with one link per resolved item (a red span per broken one)."""
    sup = etree.Element("sup", {"class": "bb-cite"})
    sup.text = AtomicString("")  # Python-Markdown reads no Markdown inside
    last: etree.Element | None = None
    for note in passage.notes:
        if last is not None:
            last.tail = ", "
        if note is None:
            last = etree.SubElement(sup, "span", {"class": "bb-cite-broken",
                                                  "title": "unresolved citation"})
            last.text = AtomicString(" ".join(passage.citation.text.split()))
            continue
        first = note.item.paragraphs[0] if note.item.paragraphs else None
        last = etree.SubElement(sup, "a", {
            "id": marker_id(note.number, note.use), "class": "bb-cite-link",
            "href": href(note.source.id, first),
            "title": tooltip_text(tooltip(note.source, note.item))})
        last.text = AtomicString(str(note.number))
    return sup


def marker_id(number: int, use: int = 1) -> str:
    """The id of a note's marker in the text: ``bb-cite-3``, then ``bb-cite-3-2``."""
    return f"bb-cite-{number}" if use == 1 else f"bb-cite-{number}-{use}"


def notes_section(notes: Sequence[Note], href: Href, heading: str,
                  uses: dict[int, int] | None = None) -> tuple[etree.Element, etree.Element]:
    """The page's list of notes: a heading and ``<ol class="bb-notes">``.

    Each note links back to its marker and to the cited paragraph, with the citation's
    prefix and suffix around the link as Pandoc renders a note (``see, e.g., <link>, which
    disagrees``), the source's label and the start of the cited paragraph. A note cited
    ``k`` times (``uses``) has ``k`` back-links, the later ones numbered (``↩ ↩² ↩³``), as
    Python-Markdown's footnotes do.
    """
    title = etree.Element("h2")
    title.text = AtomicString(heading)
    title.tail = "\n"
    ol = etree.Element("ol", {"class": "bb-notes"})
    ol.text = ol.tail = "\n"
    for note in notes:
        item, source = note.item, note.source
        li = etree.SubElement(ol, "li", {"id": f"bb-note-{note.number}"})
        li.tail = "\n"
        back = etree.SubElement(li, "a", {"class": "bb-note-back",
                                          "href": f"#bb-cite-{note.number}",
                                          "title": "Back to the text"})
        back.text = AtomicString("\u21a9")
        back.tail = " "
        for use in range(2, (uses or {}).get(note.number, 1) + 1):
            back = etree.SubElement(li, "a", {"class": "bb-note-back",
                                              "href": f"#{marker_id(note.number, use)}",
                                              "title": "Back to the text"})
            back.text = AtomicString(f"\u21a9{_superscript(use)}")
            back.tail = " "
        if item.prefix:
            prefix = etree.SubElement(li, "span", {"class": "bb-note-prefix"})
            prefix.text = AtomicString(item.prefix)
            prefix.tail = " "
        first = item.paragraphs[0] if item.paragraphs else None
        link = etree.SubElement(li, "a", {"href": href(source.id, first)})
        where = paragraph_label(item)
        link.text = AtomicString(f"{source.id}{', ' + where if where else ''}")
        tail: etree.Element = link
        if item.suffix:
            tail.tail = ", "
            suffix = etree.SubElement(li, "span", {"class": "bb-note-suffix"})
            suffix.text = AtomicString(item.suffix)
            tail = suffix
        tail.tail = " "
        meta = etree.SubElement(li, "span", {"class": "bb-note-meta"})
        meta.text = AtomicString(f"({source.label})")
        para = source.paragraph(first) if first else None
        if para is not None:
            meta.tail = " "
            quote = etree.SubElement(li, "q", {"class": "bb-note-text"})
            quote.text = AtomicString(excerpt(para.text, 220))
            if len(item.paragraphs) > 1:  # several paragraphs: the first quoted, so said
                quote.tail = f" (the first of {paragraph_label(item)})"
    return title, ol


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074"
                                                       "\u2075\u2076\u2077\u2078\u2079"))

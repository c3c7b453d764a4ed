"""Quotations in pages must be verbatim in the paragraphs their sentence cites.

The quotations of a citation are those of the sentence it closes (or the part of it since the
previous citation in the same block), found with the quotation marks of every script
(:mod:`briefbook.core.quotemarks`): nested quotations stay inside the outer one, and a quotation
continued over paragraphs (left open at a paragraph's end, reopened at the next one's start)
is checked as a whole. Titles of admonitions, tabs and blocks, image titles, attribute lists,
code and HTML attributes are not quotations.

A quotation is compared with the cited paragraphs after folding quote marks, dashes, white
space, accents and letter case; consecutive paragraphs of one source are joined (a range
citation ``¶¶ 4-5`` accepts a quotation that runs across the two). Ellipses (``…``, ``...``)
and bracketed editorial insertions (``[the mayor]``) split a quotation into fragments that must
each appear. A mismatch names the page, line and the closest cited text, shown whole (the
article's own quotation, or its whole sentence); when the words are verbatim in another
paragraph of a cited source, the message says which.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from briefbook.core.citekeys import Citation, paragraph_label, resolve_item
from briefbook.core.errors import Problem
from briefbook.core.mdscan import Block, Scan, scan
from briefbook.core.model import Book, CiteItem, Source
from briefbook.core.quotemarks import QUOTE_MARKS, quote_spans
from briefbook.core.text import fold, sentence_spans

_LINK_RE = re.compile(r"!?\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\n]*\]")
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=)[^{}\n]*\}")
_EMPHASIS_RE = re.compile(r"(?<!\\)(?:\*\*|__)|(?<![\\\w])[*_]|(?<!\\)[*_](?!\w)")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_LINE_PREFIX_RE = re.compile(r"\n[ \t]*(?:>[ \t]?)*")
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|td|th|tr|table|dd|dt|dl|h[1-6]|section|blockquote|br|figure|"
    r"figcaption|details|summary)\b[^<>]*>", re.IGNORECASE)
_MARKS = re.escape("".join(sorted(QUOTE_MARKS)))
_BOUNDARY_RE = re.compile(rf"[.!?][{_MARKS})\]]*\s+(?=[{_MARKS}(\[]*[A-Z0-9])")
_FRAGMENT_SPLIT_RE = re.compile(r"\s*(?:…|\.\.\.|\[[^\]]*\])\s*")
_TRIM = " \t\n.,;:!?'\"\u2018\u2019\u201c\u201d-\u2013\u2014()"
#: Joins the texts of cited paragraphs that do not follow one another.
SEPARATOR = " \u2016 "


def plain(text: str) -> str:
    """Plain text for quote finding: links to their text, no emphasis marks or HTML tags.

    Markdown is undone first (links and images to their text, footnote references, attribute
    lists, emphasis, backslash escapes, quote-block markers), then HTML (tags, character
    references), so characters a renderer encoded (``&#42;``) come back as themselves.
    """
    text = _LINK_RE.sub(r"\1", text)
    text = _FOOTNOTE_REF_RE.sub("", text)
    text = _ATTR_LIST_RE.sub("", text)
    text = _EMPHASIS_RE.sub("", text)
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    text = _LINE_PREFIX_RE.sub(" ", text)
    return html.unescape(re.sub(r"</?[A-Za-z][^<>]*>", "", text))


def _sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts (a boundary inside a quotation is none)."""
    spans = quote_spans(text)
    body_end = len(text.rstrip(".!? "))
    start = 0
    for m in _BOUNDARY_RE.finditer(text, 0, body_end):
        cut = m.end() - 1
        if not any(a - 1 <= cut <= b for a, b in ((s.start, s.end) for s in spans)):
            start = m.end()
    return start


def last_sentence_quotes(scope: str) -> list[str]:
    """The quoted passages of the last sentence of ``scope`` (the text before a citation)."""
    text = plain(scope).rstrip()
    start = _sentence_start(text)
    return [text[s.start:s.end] for s in quote_spans(text) if s.start >= start]


def _scope_text(markdown: str, start: int, end: int, page_scan: Scan) -> str:
    """``markdown[start:end]`` with code, comments and tags blanked out."""
    blocks = list(_BLOCK_TAG_RE.finditer(markdown, start, end))
    if blocks:  # a sentence never runs across an HTML block boundary
        start = blocks[-1].end()
    return _masked(markdown, start, end, page_scan)


def _masked(markdown: str, start: int, end: int, page_scan: Scan) -> str:
    """``markdown[start:end]`` with code and comments blanked out (offsets kept)."""
    return "".join(" " * (b - a) if masked else markdown[a:b]
                   for a, b, masked in _pieces(start, end, page_scan))


def _open_tail(markdown: str, block_start: int, block_end: int, page_scan: Scan) -> str | None:
    """The quotation left open at the end of a block (continued in the next), if any."""
    text = plain(_scope_text(markdown, block_start, block_end, page_scan))
    spans = quote_spans(text)
    if spans and not spans[-1].closed:
        return text[spans[-1].start:spans[-1].end].strip()
    return None


def page_quotes(markdown: str, citations: Sequence[Citation],
                page_scan: Scan | None = None) -> list[list[str]]:
    """The quotations each citation of a page covers, one list per citation.

    Args:
        markdown: The page.
        citations: Its citations, in order (from :func:`briefbook.core.citekeys.find_citations`).
        page_scan: The page's :func:`briefbook.core.mdscan.scan`, when already made.
    """
    return [quotes for _, quotes, _ in cited_sentences(markdown, citations, page_scan)]


def cited_sentences(markdown: str, citations: Sequence[Citation],
                    page_scan: Scan | None = None) -> list[tuple[str, list[str], int]]:
    """The sentence each citation closes, its quotations, and the sentence it belongs to.

    The sentence starts after the previous sentence end, the previous citation in the same
    block, the block's start (a paragraph, list item, heading, footnote) or, in a table, the
    cell's start. A title line (``!!! note "Title"``) has no sentence.

    Returns:
        Per citation: the sentence's plain text up to the citation, its quotations, and the
        index of the first citation of the same sentence (citations with no sentence end
        between them, in one block, share it).
    """
    return _sentences(markdown, citations, page_scan)


def _sentences(markdown: str, citations: Sequence[Citation],
               page_scan: Scan | None) -> list[tuple[str, list[str], int]]:
    page_scan = page_scan or scan(markdown)
    result: list[tuple[str, list[str], int]] = []
    previous_end = 0
    previous_block: object = None
    cited_blocks: set[int] = set()
    for index, cit in enumerate(citations):
        block = page_scan.block_at(cit.start)
        same_block = block is not None and block == previous_block
        previous_block = block
        if block is not None and block.kind in ("title", "reference"):
            result.append(("", [], index))
            previous_end = cit.end
            continue
        if block is None:
            blank = markdown.rfind("\n\n", 0, cit.start)
            block_start = blank + 2 if blank >= 0 else 0
        else:
            block_start = block.start
            cited_blocks.add(block.start)
        start = max(previous_end, block_start)
        if block is not None and block.kind == "table":
            start = max(start, markdown.rfind("|", block_start, cit.start) + 1)
        same_block = same_block and start == previous_end  # not across a table's cells
        previous_end = cit.end
        text = plain(_scope_text(markdown, start, cit.start, page_scan)).rstrip()
        first = _sentence_start(text)
        quotes = [text[s.start:s.end] for s in quote_spans(text) if s.start >= first]
        if start == block_start and block is not None and first == 0 \
                and text.lstrip()[:1] in QUOTE_MARKS:
            quotes = _continued(markdown, block, page_scan, cited_blocks) + quotes
        if not quotes and _LEAD_IN_RE.match(markdown, cit.end):
            # "[@a, ¶ 2]: “…”": the citation introduces the quotation after its colon
            after, previous_end = _lead_in(markdown, cit.end, block, citations, page_scan)
            quotes = [after[s.start:s.end] for s in quote_spans(after)]
        group = result[-1][2] if same_block and first == 0 and result else index
        result.append((text[first:].strip(), quotes, group))
    _row_quotes(markdown, citations, page_scan, result)
    return result


_CELL_BAR_RE = re.compile(r"(?<!\\)\|")


def _row_quotes(markdown: str, citations: Sequence[Citation], page_scan: Scan,
                result: list[tuple[str, list[str], int]]) -> None:
    """Give a table row's quotations in cells without a citation to the row's citations.

    ``| “the harbour will reopen” | [@port-news, ¶ 1] |``: the quotation's cell has no
    citation of its own, so the nearest cell with one covers it (on a tie, the one to the
    right). Each such quotation is added to the first citation of that cell.
    """
    rows: dict[int, list[int]] = {}
    for index, cit in enumerate(citations):
        block = page_scan.block_at(cit.start)
        if block is not None and block.kind == "table":
            rows.setdefault(markdown.rfind("\n", 0, cit.start) + 1, []).append(index)
    for line_start, indexes in rows.items():
        line_end = markdown.find("\n", line_start)
        line_end = len(markdown) if line_end < 0 else line_end
        masked = _masked(markdown, line_start, line_end, page_scan)
        bars = [m.start() + line_start for m in _CELL_BAR_RE.finditer(masked)]
        edges = [line_start - 1, *bars, line_end]
        cells = [(a + 1, b) for a, b in zip(edges, edges[1:], strict=False) if b > a + 1]
        first_of_cell: dict[int, int] = {}
        for index in indexes:
            cell = next((c for c, (a, b) in enumerate(cells)
                         if a <= citations[index].start < b), None)
            if cell is not None:
                first_of_cell.setdefault(cell, index)
        if not first_of_cell:
            continue
        for cell, (a, b) in enumerate(cells):
            if cell in first_of_cell:
                continue
            text = plain(_scope_text(markdown, a, b, page_scan))
            quotes = [text[q.start:q.end] for q in quote_spans(text)]
            if not quotes:
                continue
            nearest = min(first_of_cell, key=lambda c, cell=cell: (abs(c - cell), -c))
            target = first_of_cell[nearest]
            sentence, own, group = result[target]
            result[target] = (sentence, own + quotes, group)


def _pieces(start: int, end: int, page_scan: Scan) -> list[tuple[int, int, bool]]:
    """``markdown[start:end]`` cut into ``(a, b, masked)`` runs: code and comments masked."""
    runs: list[tuple[int, int, bool]] = []
    pos = start
    for a, b in page_scan.masked_between(start, end):
        a, b = max(a, start), min(b, end)
        if a > pos:
            runs.append((pos, a, False))
        if b > max(a, pos):
            runs.append((max(a, pos), b, True))
        pos = max(pos, b)
    if pos < end:
        runs.append((pos, end, False))
    return runs


_LEAD_IN_RE = re.compile(r"[ \t]*:")


def _lead_in(markdown: str, pos: int, block: Block | None, citations: Sequence[Citation],
             page_scan: Scan) -> tuple[str, int]:
    """The sentence after a citation's colon and where it ends.

    Empty when another citation stands in that sentence: the quotation is then its.
    """
    end = block.end if block is not None else len(markdown)
    following = [c.start for c in citations if c.start >= pos]
    cited_later = bool(following) and following[0] < end
    if cited_later:
        end = following[0]
    text = plain(_scope_text(markdown, pos, end, page_scan))
    colon = text.find(":")
    text = text[colon + 1:] if colon >= 0 else text
    spans = quote_spans(text)
    stop = len(text)
    for m in _BOUNDARY_RE.finditer(text):
        if not any(s.start - 1 <= m.end() - 1 <= s.end for s in spans):
            stop = m.start() + 1
            break
    if stop == len(text) and cited_later:
        return "", pos
    return text[:stop], end if stop == len(text) else pos


def _continued(markdown: str, block: object, page_scan: Scan, cited: set[int]) -> list[str]:
    """Open quotations of the paragraphs before ``block`` that it continues, oldest first."""
    parts: list[str] = []
    current = block
    while True:
        before = page_scan.previous_block(current)  # type: ignore[arg-type]
        if before is None or before.kind != "paragraph" or before.start in cited:
            return parts
        tail = _open_tail(markdown, before.start, before.end, page_scan)
        if tail is None:
            return parts
        parts.insert(0, tail)
        text = plain(_scope_text(markdown, before.start, before.end, page_scan)).lstrip()
        if not (text[:1] in QUOTE_MARKS and quote_spans(text) and
                quote_spans(text)[0].start == 1 and not quote_spans(text)[0].closed):
            return parts
        current = before


def fragments(quote: str) -> list[str]:
    """The pieces of a quotation between ellipses and bracketed insertions, folded."""
    pieces = [fold(p).strip(_TRIM) for p in _FRAGMENT_SPLIT_RE.split(quote)]
    return [p for p in pieces if p and any(c.isalnum() for c in p)]


def cited_texts(items: Iterable[CiteItem], book: Book) -> list[tuple[Source, list[int]]]:
    """The resolved items' sources and paragraph numbers (every paragraph for a whole source)."""
    found: list[tuple[Source, list[int]]] = []
    for item in items:
        if resolve_item(item, book) is not None:
            continue
        source = book.source(item.source)
        assert source is not None
        numbers = list(item.paragraphs) or [p.number for p in source.paragraphs
                                             if not p.boilerplate]
        found.append((source, numbers))
    return found


def haystack(groups: Iterable[tuple[Sequence[int], Sequence[str]]]) -> str:
    """Folded text of cited paragraphs: ``(numbers, texts)`` per source, runs joined by a space.

    Paragraphs that follow one another (``¶¶ 4-5``) are joined by a space, so a quotation may
    run across them; others are kept apart by :data:`SEPARATOR`.
    """
    parts: list[str] = []
    for numbers, texts in groups:
        previous: int | None = None
        for number, text in zip(numbers, texts, strict=True):
            if parts:
                parts.append(" " if previous is not None and number == previous + 1
                             else SEPARATOR)
            parts.append(text)
            previous = number
        if parts:
            parts.append(SEPARATOR)
    return fold("".join(parts))


def check_quotation(quote: str, cited: Sequence[tuple[Source, list[int]]],
                    ) -> tuple[str, str] | None:
    """Check one quotation against the cited paragraphs.

    Returns:
        ``None`` when every fragment is there, else ``(the first fragment not found, hint)``:
        where the words are verbatim instead, or the closest cited text.
    """
    hay = haystack((numbers, [s.paragraphs[n - 1].text for n in numbers])
                   for s, numbers in cited)
    missing = [f for f in fragments(quote) if f not in hay]
    if not missing:
        return None
    elsewhere = _verbatim_elsewhere(missing, cited)
    if elsewhere:
        return missing[0], f"found verbatim in {elsewhere}"
    closest = _closest(missing[0], [s.paragraphs[n - 1].text for s, ns in cited for n in ns])
    if closest:
        return missing[0], f"the closest cited text is \u201c{closest}\u201d"
    return missing[0], "quote the cited paragraph exactly, or cite the paragraph that says it"


def _verbatim_elsewhere(missing: Sequence[str], cited: Sequence[tuple[Source, list[int]]],
                        ) -> str | None:
    """``¶ 21`` (or ``@id ¶ 21``) of a cited source holding every missing fragment."""
    several = len({s.id for s, _ in cited}) > 1
    for source, numbers in cited:
        for para in source.paragraphs:
            if para.number in numbers or para.boilerplate:
                continue
            folded = fold(para.text)
            if all(f in folded for f in missing):
                label = paragraph_label(CiteItem(source=source.id, paragraphs=(para.number,)))
                return f"@{source.id}, {label}" if several else label
    return None


def _closest(fragment: str, texts: Sequence[str]) -> str | None:
    """The cited text closest to ``fragment``, whole: a quotation of the article, or a sentence.

    The best-aligned window of the cited paragraphs (rapidfuzz) is widened to the article's own
    quotation that holds most of it, else to its sentence, so the hint is never a clipped
    piece of text.
    """
    best: tuple[float, str, int, int] | None = None
    for text in texts:
        folded = fold(text)
        alignment = fuzz.partial_ratio_alignment(fragment, folded)
        if alignment is None or (best is not None and alignment.score <= best[0]):
            continue
        scale = len(text) / max(len(folded), 1)  # folding may change the length a little
        best = (alignment.score, text, int(alignment.dest_start * scale),
                int(alignment.dest_end * scale))
    if best is None or best[0] < 50:
        return None
    _, text, a, b = best
    for units in ([(s.start, s.end) for s in quote_spans(text)], sentence_spans(text)):
        overlaps = [(min(b, y) - max(a, x), x, y) for x, y in units]
        overlap, x, y = max(overlaps, default=(0, 0, 0))
        if overlap > 0 and overlap >= (b - a) / 2:
            return text[x:y].strip().strip(_TRIM) or None
    return text.strip().strip(_TRIM) or None


def check_quotes(markdown: str, citations: Sequence[Citation], book: Book, *, page: str,
                 page_scan: Scan | None = None,
                 quotes: Sequence[Sequence[str]] | None = None) -> list[Problem]:
    """Check the quotations of every cited sentence of a page.

    Args:
        markdown: The page's Markdown (citations not replaced).
        citations: The page's citations, from :func:`briefbook.core.citekeys.find_citations`.
        book: The loaded book.
        page: The page's path, for messages.
        page_scan: The page's scan, when already made.
        quotes: The quotations of each citation (:func:`page_quotes`), when already found.

    Returns:
        One problem per quotation not verbatim in its cited paragraphs, with page and line.
    """
    if quotes is None:
        quotes = page_quotes(markdown, citations, page_scan)
    problems: list[Problem] = []
    for cit, found in zip(citations, quotes, strict=True):
        if not found:
            continue
        cited = cited_texts(cit.items, book)
        if not cited:
            continue
        for quote in found:
            failure = check_quotation(quote, cited)
            if failure is None:
                continue
            _, hint = failure
            problems.append(Problem(
                file=page, line=cit.line, hint=hint,
                message=f"quotation \u201c{' '.join(quote.split())}\u201d is not verbatim in "
                        f"{' '.join(cit.text.split())}"))
    return problems

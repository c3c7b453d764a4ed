"""Quotations in hand-written pages must be verbatim in the paragraphs their sentence cites.

A quoted passage in the sentence that ends at (or carries) a citation is compared with the
cited paragraphs after folding quote marks, dashes, white space and letter case. Ellipses
(``…``, ``...``) and bracketed editorial insertions (``[the mayor]``) split a quotation into
fragments that must each appear. A mismatch names the page, line and the closest text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from briefbook.core.citekeys import Citation, resolve_item
from briefbook.core.errors import Problem
from briefbook.core.model import Book
from briefbook.core.text import fold

_LINK_RE = re.compile(r"!?\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_EMPHASIS_RE = re.compile(r"(?<!\\)(?:\*\*|__)|(?<![\\\w])[*_]|(?<!\\)[*_](?!\w)")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|li|ul|ol|td|th|tr|table|dd|dt|dl|h[1-6]|section|blockquote|br)\b[^<>]*>",
    re.IGNORECASE)
_OPEN_CLOSE = {"\u201c": "\u201d", '"': '"'}
_BOUNDARY_RE = re.compile(r"[.!?][\"\u201d)\]]*\s+(?=[\"\u201c(\[]*[A-Z0-9])")
_FRAGMENT_SPLIT_RE = re.compile(r"\s*(?:…|\.\.\.|\[[^\]]*\])\s*")
_TRIM = " \t\n.,;:!?'\"\u2018\u2019\u201c\u201d-\u2013\u2014()"


def _plain(text: str) -> str:
    """Plain text for quote finding: links to their text, no emphasis marks or HTML tags.

    Markdown is undone first (links, emphasis, backslash escapes), then HTML (tags, character
    references), so characters a renderer encoded (``&#42;``) come back as themselves.
    """
    text = _LINK_RE.sub(r"\1", text)
    text = _EMPHASIS_RE.sub("", text)
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    return html.unescape(_TAG_RE.sub("", text))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost quoted passages (curly or straight double quotes)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_CLOSE:
            close = _OPEN_CLOSE[ch]
            j = text.find(close, i + 1)
            if j < 0:
                break
            spans.append((i + 1, j))
            i = j + 1
        else:
            i += 1
    return spans


def last_sentence_quotes(scope: str) -> list[str]:
    """The quoted passages of the last sentence of ``scope`` (the text before a citation)."""
    text = _plain(scope).rstrip()
    spans = quote_spans(text)
    inside = [False] * (len(text) + 1)
    for a, b in spans:
        for k in range(max(a - 1, 0), min(b + 1, len(text))):
            inside[k] = True
    body_end = len(text.rstrip(".!? "))
    start = 0
    for m in _BOUNDARY_RE.finditer(text, 0, body_end):
        if not inside[m.end() - 1]:
            start = m.end()
    return [text[a:b] for a, b in spans if a >= start]


def fragments(quote: str) -> list[str]:
    """The pieces of a quotation between ellipses and bracketed insertions, folded."""
    pieces = [fold(p).strip(_TRIM) for p in _FRAGMENT_SPLIT_RE.split(quote)]
    return [p for p in pieces if p and any(c.isalnum() for c in p)]


def citation_quotes(markdown: str, citations: Iterable[Citation]) -> list[list[str]]:
    """The quotations of the sentence each citation closes, one list per citation."""
    result: list[list[str]] = []
    previous_end = 0
    for cit in citations:
        block_start = markdown.rfind("\n\n", 0, cit.start)
        scope_start = max(previous_end, block_start + 2 if block_start >= 0 else 0)
        previous_end = cit.end
        scope = markdown[scope_start:cit.start]
        blocks = list(_BLOCK_TAG_RE.finditer(scope))
        if blocks:  # a sentence never runs across an HTML block boundary
            scope = scope[blocks[-1].end():]
        result.append(last_sentence_quotes(scope))
    return result


def check_quotes(markdown: str, citations: Iterable[Citation], book: Book, *,
                 page: str) -> list[Problem]:
    """Check the quotations of every cited sentence of a page.

    Args:
        markdown: The page's Markdown (citations not yet replaced).
        citations: The page's citations, from :func:`briefbook.core.citekeys.find_citations`.
        book: The loaded book.
        page: The page's path, for messages.
    """
    problems: list[Problem] = []
    citations = list(citations)
    for cit, quotes in zip(citations, citation_quotes(markdown, citations), strict=True):
        if not quotes:
            continue
        texts: list[str] = []
        for item in cit.items:
            if resolve_item(item, book) is not None:
                continue
            source = book.source(item.source)
            assert source is not None
            numbers = item.paragraphs or tuple(p.number for p in source.paragraphs)
            texts.extend(source.paragraphs[n - 1].text for n in numbers)
        if not texts:
            continue
        haystack = fold(" \u2016 ".join(texts))
        for quote in quotes:
            missing = [f for f in fragments(quote) if f not in haystack]
            if not missing:
                continue
            closest = _closest(missing[0], texts)
            problems.append(Problem(
                file=page, line=cit.line,
                message=f"quotation \u201c{quote.strip()}\u201d is not verbatim in "
                        f"{cit.text}",
                hint=f"the closest cited text is \u201c{closest}\u201d" if closest
                else "quote the cited paragraph exactly, or cite the paragraph that says it"))
    return problems


def _closest(fragment: str, texts: list[str]) -> str | None:
    best: tuple[float, str] | None = None
    for text in texts:
        folded = fold(text)
        if len(folded) != len(text):
            continue  # offsets would not map back; fall through to the folded text below
        alignment = fuzz.partial_ratio_alignment(fragment, folded)
        if alignment is None:
            continue
        candidate = _whole_words(text, alignment.dest_start, alignment.dest_end, fragment)
        if best is None or alignment.score > best[0]:
            best = (alignment.score, candidate)
    if best is None:
        for text in texts:
            alignment = fuzz.partial_ratio_alignment(fragment, fold(text))
            if alignment and (best is None or alignment.score > best[0]):
                best = (alignment.score,
                        _whole_words(fold(text), alignment.dest_start, alignment.dest_end,
                                     fragment))
    return best[1].strip() if best and best[0] >= 50 else None


def _whole_words(text: str, start: int, end: int, fragment: str) -> str:
    """``text[start:end]`` widened to whole words, starting at the fragment's first word."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    words = text[start:end].split()
    first = fragment.split()[0] if fragment.split() else ""
    for i, word in enumerate(words[:3]):
        if fold(word).strip(_TRIM) == first:
            words = words[i:]
            break
    return " ".join(words).strip(_TRIM)

"""Pandoc-style citations: find them in Markdown, resolve them, render them as notes.

Syntax (as in Pandoc, so pages stay portable): ``[@id, ¶ 7]``, ``[@id, ¶¶ 7-9]``,
``[@id, para. 7]``, ``[@a, ¶ 2; @b, ¶ 5]`` and ``[@id]`` for a whole source. Citations in
code spans, fenced code blocks and HTML comments are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.core.errors import did_you_mean
from briefbook.core.model import Book, CiteItem

_CITATION_RE = re.compile(r"(?<![!\\\w\]])\[(?P<body>[^\[\]\n]*?@[^\[\]\n]*)\](?![(\[])")
_ITEM_RE = re.compile(r"^\s*(?P<prefix>[^@]*?)\s*(?<![\w.])@(?P<id>[A-Za-z0-9_.:-]*[A-Za-z0-9])"
                      r"\s*(?:,\s*(?P<locator>.*?))?\s*$")
_LOCATOR_RE = re.compile(
    r"^(?:¶¶?|paras?\.?|paragraphs?|pars?\.)\s*(?P<list>\d+(?:\s*(?:[-–—]|,|and)\s*\d+)*)$",
    re.IGNORECASE)
_FENCE_RE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})")
_CODE_SPAN_RE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True, kw_only=True)
class Citation:
    """A bracketed citation as found in a page: its items and where it stands."""

    items: tuple[CiteItem, ...]
    start: int
    end: int
    line: int
    text: str


def masked_ranges(markdown: str) -> list[tuple[int, int]]:
    """Character ranges of code blocks, code spans and HTML comments (not to be touched)."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    has_fence = "```" in markdown or "~~~" in markdown  # else no line can open a fence
    for line in markdown.splitlines(keepends=True) if has_fence else ():
        m = _FENCE_RE.match(line)
        if fence is None and m:
            fence, fence_start = m.group("fence"), offset
        elif fence is not None and m and m.group("fence")[0] == fence[0] \
                and len(m.group("fence")) >= len(fence) and not line.strip().strip(fence[0]):
            ranges.append((fence_start, offset + len(line)))
            fence = None
        offset += len(line)
    if fence is not None:
        ranges.append((fence_start, len(markdown)))
    outside = _invert(ranges, len(markdown))
    for a, b in outside:
        chunk = markdown[a:b]
        for rx, mark in ((_CODE_SPAN_RE, "`"), (_COMMENT_RE, "<!--")):
            if mark in chunk:
                ranges.extend((a + m.start(), a + m.end()) for m in rx.finditer(chunk))
    return sorted(ranges)


def _invert(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    result, pos = [], 0
    for a, b in sorted(ranges):
        if a > pos:
            result.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        result.append((pos, length))
    return result


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def parse_locator(locator: str) -> tuple[int, ...] | None:
    """``¶ 7`` → (7,), ``¶¶ 7-9`` → (7, 8, 9), ``para. 2, 5`` → (2, 5); ``None`` if unknown."""
    m = _LOCATOR_RE.match(locator.strip())
    if not m:
        return None
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|and)\s*", m.group("list")):
        bounds = [int(x) for x in re.split(r"\s*[-–—]\s*", part) if x]
        if len(bounds) == 2 and bounds[0] <= bounds[1] and bounds[1] - bounds[0] < 1000:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        elif len(bounds) == 1:
            numbers.append(bounds[0])
        else:
            return None
    return tuple(numbers)


def find_citations(markdown: str) -> tuple[list[Citation], list[tuple[int, str, str | None]]]:
    """Find every citation outside code.

    Returns:
        The citations, and syntax problems as ``(line, message, hint)``.
    """
    masked = masked_ranges(markdown)
    citations: list[Citation] = []
    errors: list[tuple[int, str, str | None]] = []
    counted, line = 0, 1  # lines counted incrementally: once per page, not once per citation
    for m in _CITATION_RE.finditer(markdown):
        if _inside(m.start(), masked):
            continue
        line_start = markdown.rfind("\n", 0, m.start()) + 1
        if markdown.startswith(":", m.end()) and not markdown[line_start:m.start()].strip():
            continue  # a link reference definition "[@x]: url" at the start of a line
        line += markdown.count("\n", counted, m.start())
        counted = m.start()
        items: list[CiteItem] = []
        for part in m.group("body").split(";"):
            im = _ITEM_RE.match(part)
            if not im:
                if re.search(r"(?:^|\s)@", part):
                    errors.append((line, f"cannot read citation item '{part.strip()}' in "
                                         f"'{m.group()}'", "write it as '@source-id, ¶ 7'"))
                continue
            locator = im.group("locator")
            paragraphs: tuple[int, ...] = ()
            if locator:
                parsed = parse_locator(locator)
                if parsed is None:
                    errors.append((line, f"cannot read the locator '{locator}' in "
                                         f"'{m.group()}'",
                                   "write '¶ 7', '¶¶ 7-9' or 'para. 7'"))
                    continue
                paragraphs = parsed
            items.append(CiteItem(source=im.group("id"), paragraphs=paragraphs,
                                  locator=locator, prefix=im.group("prefix")))
        if items:
            citations.append(Citation(items=tuple(items), start=m.start(), end=m.end(),
                                      line=line, text=m.group()))
    return citations, errors


def resolve_item(item: CiteItem, book: Book) -> tuple[str, str | None] | None:
    """Check one item against the book: ``None`` if it resolves, else ``(message, hint)``."""
    source = book.source(item.source)
    if source is None:
        return (f"unknown source '@{item.source}'",
                did_you_mean(item.source, [s.id for s in book.sources]))
    count = len(source.paragraphs)
    for number in item.paragraphs:
        para = source.paragraph(number)
        if para is None:
            return (f"'@{item.source}' has no paragraph {number} (it has {count})",
                    f"cite a paragraph from 1 to {count}")
        if para.boilerplate:
            return (f"'@{item.source}' paragraph {number} is site boilerplate, not citable",
                    "cite a paragraph of the article's text")
    return None


def excerpt(text: str, limit: int = 160) -> str:
    """The start of ``text``, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def paragraph_label(item: CiteItem) -> str:
    """``¶ 7``, ``¶¶ 7–9`` or ``¶¶ 2, 5`` for an item (empty for a whole source)."""
    ps = item.paragraphs
    if not ps:
        return ""
    if len(ps) == 1:
        return f"¶ {ps[0]}"
    if list(ps) == list(range(ps[0], ps[-1] + 1)):
        return f"¶¶ {ps[0]}–{ps[-1]}"
    return "¶¶ " + ", ".join(map(str, ps))

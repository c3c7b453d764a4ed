"""Where a Markdown page has code, and where its paragraphs, headings and titles are.

A one-pass reading of a page's block structure as Python-Markdown (with the admonition,
details, tabbed, blocks, footnotes, definition-list, tables, fenced-code and md_in_html
extensions) reads it, precise enough to find citations and the sentences they close without
converting the page:

- **masked** ranges, never to be read as prose: YAML front matter, fenced code (any
  indentation, inside lists, quotes and admonitions), indented code blocks (four spaces deeper
  than the container they are in, after a blank line), code spans (a run of backticks closed by
  a run of the same length in the same block), HTML comments, the content of raw ``<pre>``,
  ``<code>``, ``<script>``, ``<style>`` and ``<textarea>`` elements, and HTML tags themselves
  (their attributes are not text);
- **blocks**: paragraphs (a list item's, a footnote's or an admonition's body included),
  headings, table rows, link reference definitions, and *titles*: the header lines of
  admonitions (``!!! note "Title"``), collapsible blocks (``??? note "Title"``), content tabs
  (``=== "Title"``) and generic blocks (``/// figure-caption | Title``), whose quoted titles are
  not quotations.

The rules follow Python-Markdown's: containers indent their content by four spaces
(``tab_length``), a line indented less after a blank line leaves the container, and a line
with no blank line before it continues the paragraph (lazy continuation).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_QUOTE_PREFIX_RE = re.compile(r"[ \t]*(?:>[ \t]?)+")
_FENCE_RE = re.compile(r"(?P<fence>`{3,}|~{3,})")
_HEADING_RE = re.compile(r"#{1,6}(?:[ \t]+|$)")
_TITLE_RE = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]*[\w-]*|===\+?[ \t]+|/{3,}(?:[ \t]|$)")
_CONTAINER_TITLE_RE = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]|===\+?[ \t]")
_LIST_RE = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\n]+\]:[ \t]*")
_DEFINITION_RE = re.compile(r":[ \t]{1,3}")
_RULE_RE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT_RE = re.compile(r"(?:=+|-+)[ \t]*$")
_TABLE_DELIMITER_RE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_HTML_BLOCK_RE = re.compile(
    r"</?(?:address|article|aside|blockquote|details|dialog|dd|div|dl|dt|fieldset|figcaption|"
    r"figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|"
    r"tfoot|th|thead|tr|ul|script|style|textarea)(?:[\s>/]|$)|<!--", re.IGNORECASE)
_REFERENCE_RE = re.compile(
    r"\[(?!\^)(?P<label>[^\]\n]+)\]:[ \t]*(?P<dest><[^>\n]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$")
_BARE_KEY_RE = re.compile(r"-?@[\w.:#$%&+?<>~/-]+$")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_RAW_ELEMENT_RE = re.compile(r"<(pre|code|script|style|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)",
                             re.DOTALL | re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BACKTICKS_RE = re.compile(r"(?<!\\)`+")
_BACKTICK_RUN_RE = re.compile(r"`+")


@dataclass(frozen=True)
class Block:
    """A block of a page whose text is prose to read.

    Attributes:
        start: Offset of its first character of content (after list markers, heading marks).
        end: Offset just past its last character of content.
        kind: ``paragraph``, ``heading``, ``title`` (an admonition's, tab's or block's header
            line), ``table`` (one row), ``reference`` (a link reference definition) or
            ``html`` (raw HTML lines).
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Scan:
    """The masked ranges and blocks of a page (see the module docstring)."""

    masked: tuple[tuple[int, int], ...]
    blocks: tuple[Block, ...]

    def is_masked(self, pos: int) -> bool:
        """Whether offset ``pos`` is inside code, a comment, a tag or front matter."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self.masked[i][1]

    def masked_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The masked ranges that overlap ``[start, end)``."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        found = []
        while i < len(self.masked) and self.masked[i][0] < end:
            if self.masked[i][1] > start:
                found.append(self.masked[i])
            i += 1
        return found

    def block_at(self, pos: int) -> Block | None:
        """The block holding offset ``pos``, if any."""
        i = bisect_right(self._block_starts, pos) - 1
        if i >= 0 and pos <= self.blocks[i].end:
            return self.blocks[i]
        return None

    def previous_block(self, block: Block) -> Block | None:
        """The block before ``block``, if any."""
        i = bisect_right(self._block_starts, block.start) - 2
        return self.blocks[i] if i >= 0 else None

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_list")
        if cached is None:
            cached = [a for a, _ in self.masked]
            object.__setattr__(self, "_starts_list", cached)
        return cached

    @property
    def _block_starts(self) -> list[int]:
        cached = self.__dict__.get("_block_starts_list")
        if cached is None:
            cached = [b.start for b in self.blocks]
            object.__setattr__(self, "_block_starts_list", cached)
        return cached


def is_reference_definition(line: str) -> bool:
    """Whether a line (container prefix removed) is a link reference definition.

    ``[label]: destination "title"`` is one, except when the label is a citation: a label
    with a locator or prefix (``[@a, ¶ 2]: "…"``) is always a citation at the start of a
    line, and a bare key (``[@a]: …``) is a definition only when what follows looks like a URL
    (``/``, ``.``, ``:`` or ``#`` in it, or ``<…>``).
    """
    m = _REFERENCE_RE.match(line)
    if not m:
        return False
    label = m.group("label").strip()
    if "@" not in label:
        return True
    if not _BARE_KEY_RE.match(label):
        return False
    dest = m.group("dest")
    return dest.startswith("<") or any(c in dest for c in "/.:#")


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _merge(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return tuple(merged)


class _Reader:
    """The line loop of :func:`scan` (state kept on the instance)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.masked: list[tuple[int, int]] = []
        self.blocks: list[Block] = []
        self.containers = [0]
        self.fence: tuple[str, int, int] | None = None  # (char, length, start offset)
        self.in_code = False
        self.blank = True
        self.block: list[object] | None = None  # [start, end, kind]
        self.table = False

    def end_block(self) -> None:
        if self.block is not None:
            start, end, kind = self.block
            if end > start:  # type: ignore[operator]
                self.blocks.append(Block(start, end, kind))  # type: ignore[arg-type]
            self.block = None

    def one_line_block(self, start: int, end: int, kind: str) -> None:
        self.end_block()
        if end > start:
            self.blocks.append(Block(start, end, kind))

    def read(self, offset: int, line: str) -> None:  # noqa: C901 - one branch per block kind
        raw = line.rstrip("\n").rstrip("\r")
        end = offset + len(raw)
        prefix = _QUOTE_PREFIX_RE.match(raw)
        col = prefix.end() if prefix and ">" in prefix.group() else 0
        body = raw[col:]
        indent = _indent(body)
        content = body.lstrip(" \t")
        start = offset + col + (len(body) - len(content))
        if self.fence is not None:
            char, length, fence_start = self.fence
            m = _FENCE_RE.match(content)
            if m and m.group()[0] == char and len(m.group()) >= length \
                    and not content[len(m.group()):].strip():
                self.masked.append((fence_start, end))
                self.fence = None
            return
        if not content:
            self.end_block()
            self.blank = True
            self.table = False
            return
        was_blank, self.blank = self.blank, False
        if was_blank:
            while len(self.containers) > 1 and indent < self.containers[-1]:
                self.containers.pop()
        base = self.containers[-1]
        if (was_blank or self.in_code) and indent >= base + 4 and self.block is None:
            self.in_code = True
            self.masked.append((offset, end))
            return
        self.in_code = False
        if _FENCE_RE.match(content):
            self.end_block()
            m = _FENCE_RE.match(content)
            assert m is not None
            self.fence = (m.group()[0], len(m.group()), offset)
            return
        marker = (_LIST_RE.match(content) or _FOOTNOTE_RE.match(content)
                  or _DEFINITION_RE.match(content) or _CONTAINER_TITLE_RE.match(content)
                  or _HEADING_RE.match(content))
        if marker is not None and not was_blank:
            while len(self.containers) > 1 and indent < self.containers[-1]:
                self.containers.pop()
        if _HEADING_RE.match(content):
            m = _HEADING_RE.match(content)
            assert m is not None
            self.one_line_block(start + m.end(), end, "heading")
            return
        if _TITLE_RE.match(content):
            self.one_line_block(start, end, "title")
            if _CONTAINER_TITLE_RE.match(content):
                self.containers.append(indent + 4)
            return
        if self.block is not None and self.block[2] == "paragraph" \
                and _SETEXT_RE.match(content) and not _LIST_RE.match(content):
            self.block[2] = "heading"
            self.end_block()
            return
        if _RULE_RE.match(content):
            self.end_block()
            return
        if is_reference_definition(content):
            self.one_line_block(start, end, "reference")
            return
        for rx in (_LIST_RE, _FOOTNOTE_RE, _DEFINITION_RE):
            m = rx.match(content)
            if m:
                self.end_block()
                self.containers.append(indent + 4)
                self.block = [start + m.end(), end, "paragraph"]
                return
        if self.table or _TABLE_DELIMITER_RE.match(content) or content.startswith("|"):
            if self.block is not None and self.block[2] == "paragraph" and not self.table:
                self.block[2] = "table"  # the header row of a table without a leading pipe
            self.table = True
            self.one_line_block(start, end, "table")
            return
        if self.block is None:
            kind = "html" if _HTML_BLOCK_RE.match(content) else "paragraph"
            self.block = [start, end, kind]
        else:
            self.block[1] = end

    def finish(self) -> Scan:
        self.end_block()
        if self.fence is not None:
            self.masked.append((self.fence[2], len(self.text)))
        return Scan(masked=_merge(self.masked), blocks=tuple(self.blocks))


def scan(text: str) -> Scan:
    """Read a page's block structure: masked ranges and blocks (see the module docstring)."""
    reader = _Reader(text)
    offset = 0
    front = _FRONT_MATTER_RE.match(text)
    if front:
        reader.masked.append((0, front.end()))
        offset = front.end()
    for line in text[offset:].splitlines(keepends=True):
        reader.read(offset, line)
        offset += len(line)
    block_scan = reader.finish()
    masked = list(block_scan.masked)
    outside = _outside(masked, len(text))
    extra: list[tuple[int, int]] = []
    for a, b in outside:
        chunk = text[a:b]
        if "<" in chunk:
            for rx in (_COMMENT_RE, _RAW_ELEMENT_RE, _TAG_RE):
                extra.extend((a + m.start(), a + m.end()) for m in rx.finditer(chunk))
    if extra:
        masked = list(_merge(masked + extra))
        outside = _outside(masked, len(text))
    spans: list[tuple[int, int]] = []
    for a, b in outside:
        if "`" in text[a:b]:
            spans.extend(_code_spans(text, a, b))
    if spans:
        masked = list(_merge(masked + spans))
    return Scan(masked=tuple(masked), blocks=block_scan.blocks)


def _outside(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    result, pos = [], 0
    for a, b in ranges:
        if a > pos:
            result.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        result.append((pos, length))
    return result


_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def _code_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Code spans between ``a`` and ``b``: a backtick run closed by one of the same length."""
    found: list[tuple[int, int]] = []
    pos = a
    while True:
        m = _BACKTICKS_RE.search(text, pos, b)
        if not m:
            return found
        blank = _BLANK_LINE_RE.search(text, m.end(), b)
        limit = blank.start() if blank else b
        length = len(m.group())
        close = None
        for k in _BACKTICK_RUN_RE.finditer(text, m.end(), limit):
            if len(k.group()) == length:
                close = k
                break
        if close is None:
            pos = m.end()
            continue
        found.append((m.start(), close.end()))
        pos = close.end()

"""How an article's lines make paragraphs: the four paragraph rules and how one is chosen.

Articles arrive in four shapes, and each has a rule (recorded on the source, shown on its
page, and settable per source in ``sources.yml`` as ``paragraphs: RULE``):

``blank-lines``
    Paragraphs are separated by blank lines; the lines of one block are joined.
``lines``
    Every non-empty line is a paragraph (scraped text; blank lines are ignored).
``wrapped``
    Hard-wrapped copy (wire style): lines broken at a fixed width mid-sentence are joined
    again. A paragraph ends at a blank line, before an indented line, and after a line the
    next line's first word would have fitted on (the break was not the wrapping's).
``sentences``
    Each line is cut into paragraphs of a few sentences (one-line scrapes), never inside a
    quotation (:func:`briefbook.read.segment.segments`).

Under every rule, a paragraph longer than :data:`LONG_PARAGRAPH` characters is cut the same way
as under ``sentences``. The text is never changed beyond folding white space: joining a
paragraph's lines puts one space where the line break was.

Detection (:func:`detect_rule`) looks only at the text: one line of :data:`ONE_LINE_ARTICLE`
characters or more holding :data:`ONE_LINE_SHARE` per cent of it beside at most
:data:`MAX_SHORT_LINES` other lines → ``sentences``;
most line breaks inside blocks falling where a fixed-width wrap puts them, at a width of at
most :data:`MAX_WRAP_WIDTH` columns, mid-sentence → ``wrapped``; blank lines between one-line
blocks → ``blank-lines``; else ``lines`` (which numbers a blank-line file whose blocks hold
several complete lines the way earlier versions did, one paragraph a line).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefbook.read.segment import segments

#: A paragraph longer than this (characters) is cut at sentence boundaries for useful anchors.
LONG_PARAGRAPH = 1200
#: ``sentences`` is for one-line articles: one line of at least this many characters …
ONE_LINE_ARTICLE = 600
#: … holding at least this share of the text (per cent) …
ONE_LINE_SHARE = 85
#: … beside at most this many other lines (a headline, a byline, a footer).
MAX_SHORT_LINES = 3
#: Hard-wrapped copy is wrapped at most this wide (columns); wider lines are not a wrap.
MAX_WRAP_WIDTH = 120
#: Least line breaks that look like a wrap before a text counts as hard-wrapped.
MIN_WRAPS = 2
_TAB = 8
_SENTENCE_END_RE = re.compile(r"""[.!?\u2026:;]['"\u2019\u201d\u00bb)\]]*$""")


@dataclass(frozen=True, kw_only=True)
class Line:
    """One line of the file as the rules see it."""

    number: int
    text: str
    indent: int
    width: int


def lines_of(text: str) -> list[Line]:
    """The lines of ``text`` (line ends already normalised to LF) with their indentation and width.

    Tabs count to the next multiple of eight columns; ``text`` is the line with its white
    space folded to single spaces.
    """
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        folded = " ".join(raw.split())
        if not folded:
            out.append(Line(number=number, text="", indent=0, width=0))
            continue
        expanded = (raw.expandtabs(_TAB) if "\t" in raw else raw).rstrip()
        out.append(Line(number=number, text=folded, indent=len(expanded) - len(
            expanded.lstrip()), width=len(expanded)))
    return out


def _ends_sentence(line: Line) -> bool:
    return bool(_SENTENCE_END_RE.search(line.text))


def base_indent(lines: list[Line]) -> int:
    """The most common indentation of the non-empty lines (the smaller one on a tie)."""
    indents = [ln.indent for ln in lines if ln.text]
    return max(set(indents), key=lambda i: (indents.count(i), -i)) if indents else 0


def wrap_width(lines: list[Line]) -> int:
    """The width the text seems wrapped at: the 95th percentile of its line widths.

    Lines at the base indentation only, when there are three or more: an indented first line
    holds tabs whose width the wrapping program may have counted differently.
    """
    base = base_indent(lines)
    widths = sorted(ln.width for ln in lines if ln.text and ln.indent == base)
    if len(widths) < 3:
        widths = sorted(ln.width for ln in lines if ln.text)
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(len(widths) * 0.95))]


def _fits(line: Line, following: Line, width: int) -> bool:
    """Whether ``following``'s first word would have fitted at the end of ``line``."""
    first = following.text.split(" ", 1)[0]
    return line.width + 1 + len(first) <= width


def _pairs(lines: list[Line]) -> list[tuple[Line, Line]]:
    return [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.text and b.text]


def detect_rule(lines: list[Line]) -> tuple[str, str]:
    """Choose the paragraph rule from the text's shape.

    Returns:
        The rule (one of :data:`briefbook.core.model.PARAGRAPH_RULES`) and the reason, a short
        phrase for the source page.
    """
    content = [ln for ln in lines if ln.text]
    total = sum(len(ln.text) for ln in content) or 1
    long = [ln for ln in content if len(ln.text) >= ONE_LINE_ARTICLE]
    long_chars = sum(len(ln.text) for ln in long)
    if len(long) == 1 and long_chars * 100 >= total * ONE_LINE_SHARE \
            and len(content) - 1 <= MAX_SHORT_LINES:
        return "sentences", (f"one line of {long_chars:,} characters holds "
                             f"{100 * long_chars // total} % of the text")
    pairs = _pairs(lines)
    width = wrap_width(lines)
    if pairs and width <= MAX_WRAP_WIDTH:
        wraps = [1 for a, b in pairs if not _ends_sentence(a) and not _fits(a, b, width)]
        if len(wraps) >= MIN_WRAPS and len(wraps) * 2 >= len(pairs):
            return "wrapped", (f"{len(wraps)} of {len(pairs)} line breaks fall mid-sentence "
                               f"at a width of about {width} columns")
    blank_between = any(not ln.text for ln in lines[1:-1]) and len(content) > 1
    if blank_between and not pairs:
        return "blank-lines", "blank lines separate one-line paragraphs"
    if blank_between:
        mid = sum(1 for a, _ in pairs if not _ends_sentence(a))
        if mid * 2 > len(pairs) and mid >= MIN_WRAPS:
            return "blank-lines", (f"blank lines separate paragraphs whose lines break "
                                   f"mid-sentence ({mid} of {len(pairs)})")
        return "lines", "blank-line blocks hold complete lines: one paragraph per line"
    return "lines", "one paragraph per line"


def split_paragraphs(lines: list[Line], rule: str, language: str = "en",
                     stands_alone: Callable[[str], bool] | None = None) -> list[tuple[int, str]]:
    """The paragraphs of ``lines`` under ``rule``, as ``(first line number, text)``.

    Args:
        lines: The file's lines (:func:`lines_of`).
        rule: One of the four rules.
        language: For the sentence segmenter.
        stands_alone: Under ``blank-lines`` and ``wrapped``, a line for which this is true is
            a paragraph of its own, never joined to the lines around it: a header written
            line by line above the text (headline, byline, a date line) with no blank lines
            between (:func:`briefbook.read.article.read_article` passes bylines, date lines
            and other whole-line boilerplate).

    Raises:
        ValueError: ``rule`` is not one of the four rules.
    """
    if rule == "lines":
        raw = [(ln.number, ln.text) for ln in lines if ln.text]
    elif rule == "blank-lines":
        raw = _blocks(lines, stands_alone)
    elif rule == "wrapped":
        raw = _unwrap(lines, stands_alone)
    elif rule == "sentences":
        return [(ln.number, seg) for ln in lines if ln.text for seg in segments(ln.text,
                                                                                 language)]
    else:
        raise ValueError(f"unknown paragraph rule {rule!r}")
    out: list[tuple[int, str]] = []
    for number, text in raw:
        if len(text) > LONG_PARAGRAPH:
            out.extend((number, seg) for seg in segments(text, language))
        else:
            out.append((number, text))
    return out


def _joined(block: list[Line], stands_alone: Callable[[str], bool] | None,
            ) -> list[tuple[int, str]]:
    """A block's lines joined into one paragraph, save those that stand alone."""
    if stands_alone is None or len(block) < 2:
        return [(block[0].number, " ".join(c.text for c in block))]
    out: list[tuple[int, str]] = []
    run: list[Line] = []
    for ln in block:
        if stands_alone(ln.text):
            if run:
                out.append((run[0].number, " ".join(c.text for c in run)))
                run = []
            out.append((ln.number, ln.text))
        else:
            run.append(ln)
    if run:
        out.append((run[0].number, " ".join(c.text for c in run)))
    return out


def _blocks(lines: list[Line], stands_alone: Callable[[str], bool] | None = None,
            ) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    current: list[Line] = []
    for ln in [*lines, Line(number=0, text="", indent=0, width=0)]:
        if ln.text:
            current.append(ln)
        elif current:
            out.extend(_joined(current, stands_alone))
            current = []
    return out


def _unwrap(lines: list[Line], stands_alone: Callable[[str], bool] | None = None,
            ) -> list[tuple[int, str]]:
    width = wrap_width(lines)
    base = base_indent(lines)
    out: list[tuple[int, str]] = []
    current: list[Line] = []
    previous: Line | None = None
    for ln in lines:
        if not ln.text:
            if current:
                out.extend(_joined(current, stands_alone))
                current = []
            previous = None
            continue
        starts = (previous is None or ln.indent > base and ln.indent > previous.indent
                  or _fits(previous, ln, width))
        if starts and current:
            out.extend(_joined(current, stands_alone))
            current = []
        current.append(ln)
        previous = ln
    if current:
        out.extend(_joined(current, stands_alone))
    return out

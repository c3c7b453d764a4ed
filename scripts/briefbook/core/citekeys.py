"""Pandoc citations: the grammar, finding them in a Markdown page, and resolving them.

The syntax is Pandoc's (``citations`` extension), so pages stay portable to Pandoc and Quarto:
a citation is a bracketed list of items separated by semicolons; each item is an optional
*prefix*, a key ``@source-id`` (or ``@{source-id}``; ``-@id`` is accepted as Pandoc's
suppress-author form), an optional *locator* after a comma, and an optional *suffix*::

    [@harbour-news, ¶ 7]         [@id, ¶¶ 7-9]          [@id, para. 7]
    [@id, paras. 2, 5]                [@a, ¶ 2; @b, ¶ 5]     [@id]   (the whole source)
    [see, e.g., @a, ¶ 1; but compare @b, ¶ 1, which disagrees]

Line breaks may fall anywhere inside a citation (pages are hard-wrapped). A citation may be
followed by a footnote reference (``[@a, ¶ 2][^1]``) and may start a line followed by a colon
(``[@a, ¶ 2]: "…"``); ``[@a]: https://…`` at the start of a line is a link reference
definition, as in Markdown. Articles are cited by paragraph: page-style locators (``p. 7``,
a bare ``7``) and other Pandoc locator terms (``chap.``, ``sec.``…) are refused with a message
that says how to write it. Citations in code, HTML comments and tags are left alone (see
:mod:`briefbook.core.mdscan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.core.errors import did_you_mean
from briefbook.core.mdscan import Scan, is_reference_definition, scan
from briefbook.core.model import Book, CiteItem

#: A bracket that may be a citation: no brackets inside, no blank line, an ``@`` at a word's
#: start. ``!`` (image) and ``\`` (escaped) before it, ``(`` or ``[`` after it (a link) rule it
#: out, except a footnote reference ``[^…]`` after it.
CANDIDATE_RE = re.compile(
    r"(?<![!\\\]])\[(?P<body>(?:[^\[\]\n]|\n(?![ \t>]*\n))*?(?<![\w.@])-?@"
    r"(?:[^\[\]\n]|\n(?![ \t>]*\n))*)\](?!\(|\[(?!\^))")
#: Text that still looks like a citation once a page is rendered: ``[@`` and a key.
LEFTOVER_RE = re.compile(r"\[-?@\{?[A-Za-z0-9_]")
_KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.#$%&\-+?<>~/](?=[A-Za-z0-9_]))*"
_ITEM_RE = re.compile(
    rf"^(?P<prefix>.*?)(?:^|(?<=[\s(\"'\u201c\u2018]))-?@(?:\{{(?P<braced>[^{{}}]+)\}}|"
    rf"(?P<key>{_KEY}))(?P<rest>.*)$", re.DOTALL)
_PARA_TERM = r"(?:¶¶?|paras?\.?|paragraphs?|pars?\.)"
#: What joins the ends of a range: any hyphen, dash or minus sign (typed or pasted: U+2010–2015,
#: U+2212, U+FE63, U+FF0D), or ``to`` / ``through`` in any letter case.
_DASH = r"(?:\s*[-\u2010-\u2015\u2212\ufe63\uff0d]\s*|\s+(?:to|through|thru)\s+)"
_NUMBERS = rf"[0-9]+(?:{_DASH}[0-9]+)?(?:\s*(?:,|&|\band\b)\s*[0-9]+(?:{_DASH}[0-9]+)?)*"
#: No article has more paragraphs than this; a larger number is a typo, not a locator.
MAX_PARAGRAPH = 100_000
_LOCATOR_RE = re.compile(rf"^(?P<term>{_PARA_TERM})\s*(?P<value>\{{[^{{}}]*\}}|{_NUMBERS})",
                         re.IGNORECASE)
_PAGE_RE = re.compile(r"^(?P<term>pp?\.|pages?\b|pg\.|\d)", re.IGNORECASE)
_OTHER_TERM_RE = re.compile(
    r"^(?P<term>book|bk\.|chap(?:ter|s?\.)|col(?:umn|s?\.)|fig(?:ure|s?\.)|fol(?:io|s?\.)|"
    r"lines?|l{1,2}\.|notes?|nn?\.|op(?:us|p?\.)|parts?|pts?\.|sec(?:tion|s?\.)|§§?|"
    r"sub\s*verbo|s\.\s*vv?\.|verses?|vv?\.|vol(?:ume|s?\.)|art(?:icle|s?\.))\s*\d",
    re.IGNORECASE)
_WRAP_RE = re.compile(r"\s*\n[ \t]*(?:>[ \t]?)*\s*")
_LOCATOR_HINT = "write '¶ 7', '¶¶ 7-9', 'para. 7' or 'paras. 7-9'"


@dataclass(frozen=True, kw_only=True)
class Citation:
    """A bracketed citation as found in a page: its items and where it stands.

    Attributes:
        items: The cited sources with paragraphs, prefixes and suffixes.
        start: Offset of ``[``.
        end: Offset just past ``]``.
        line: 1-based line of ``[`` in the text searched.
        text: The citation as written, line breaks included.
    """

    items: tuple[CiteItem, ...]
    start: int
    end: int
    line: int
    text: str


def parse_locator(locator: str) -> tuple[int, ...] | None:
    """``¶ 7`` → (7,), ``¶¶ 7-9`` → (7, 8, 9), ``para. 2, 5`` → (2, 5); ``None`` if unknown."""
    m = _LOCATOR_RE.match(locator.strip())
    if not m or m.end() != len(locator.strip()):
        return None
    return _numbers(m.group("value"))


def _numbers(value: str) -> tuple[int, ...] | None:
    value = value.strip("{} ")
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", value, flags=re.IGNORECASE):
        bounds = [int(x) for x in re.split(_DASH, part, flags=re.IGNORECASE) if x]
        if any(b > MAX_PARAGRAPH for b in bounds):
            return None
        if len(bounds) == 2 and bounds[0] <= bounds[1] and bounds[1] - bounds[0] < 1000:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        elif len(bounds) == 1:
            numbers.append(bounds[0])
        else:
            return None
    return tuple(numbers) if numbers else None


def parse_item(part: str) -> tuple[CiteItem | None, str | None, str | None]:
    """One item of a citation: ``(item, None, None)`` or ``(None, message, hint)``.

    ``(None, None, None)`` when the part holds no key (an empty item after a stray ``;``).
    """
    text = _WRAP_RE.sub(" ", part).strip()
    m = _ITEM_RE.match(text)
    if not m:
        if "@" in text:
            return None, f"cannot read citation item '{text}'", "write it as '@source-id, ¶ 7'"
        return None, None, None
    key = m.group("braced") or m.group("key")
    prefix = m.group("prefix").strip()
    rest = m.group("rest")
    if rest and not rest[0].isspace() and rest[0] not in ",;":
        return None, f"cannot read the key '@{key}{rest.split()[0]}'", \
            "a key is the source id: letters, digits and hyphens"
    rest = rest.strip()
    if rest.startswith(","):
        rest = rest[1:].strip()
    if re.search(r"(?:^|\s)-?@\w", rest) or re.search(r"(?:^|\s)-?@\w", prefix):
        return None, f"two keys in one item '{text}'", "separate the items with ';'"
    locator: str | None = None
    paragraphs: tuple[int, ...] = ()
    suffix = rest
    lm = _LOCATOR_RE.match(rest)
    if lm:
        numbers = _numbers(lm.group("value"))
        if numbers is None:
            backwards = re.search(rf"(\d+){_DASH}(\d+)", lm.group("value"), re.IGNORECASE)
            if backwards and int(backwards.group(1)) > int(backwards.group(2)):
                return None, f"the range in '{lm.group()}' runs backwards", \
                    f"write the first paragraph first: '¶¶ {backwards.group(2)}-" \
                    f"{backwards.group(1)}'"
            return None, f"cannot read the locator '{lm.group()}'", _LOCATOR_HINT
        locator, paragraphs = lm.group().strip(), numbers
        after = rest[lm.end():]
        suffix = after.strip()
        if suffix.startswith(","):
            suffix = suffix[1:].strip()
        elif suffix and (not after[0].isspace() or suffix[0].isdigit()
                         or re.fullmatch(rf"(?:to|through|thru|and|&|{_DASH})(?:\s*\d.*)?",
                                         suffix, re.IGNORECASE)):
            # "¶ 3a", "¶ 3.5", "¶ 2-": the number runs on into what no locator is
            return None, f"cannot read the locator '{rest}'", _LOCATOR_HINT
    elif re.match(rf"^{_PARA_TERM}(?:\s|$|\d)", rest, re.IGNORECASE):
        return None, f"cannot read the locator '{rest}'", _LOCATOR_HINT
    elif (pm := _PAGE_RE.match(rest)) is not None:
        return None, (f"'{rest}' is a page locator, and articles have no pages" if not
                      pm.group("term")[0].isdigit() else
                      f"the bare number in '{rest}' is read as a page by Pandoc"), \
            "cite the paragraph: " + _LOCATOR_HINT
    elif (om := _OTHER_TERM_RE.match(rest)) is not None:
        return None, f"the locator term '{om.group('term')}' in '{rest}' is not a paragraph", \
            "articles are cited by paragraph: " + _LOCATOR_HINT
    return CiteItem(source=key, paragraphs=paragraphs, locator=locator, prefix=prefix,
                    suffix=suffix), None, None


def find_citations(markdown: str, page_scan: Scan | None = None,
                   ) -> tuple[list[Citation], list[tuple[int, str, str | None]]]:
    """Find every citation of a page outside code.

    Args:
        markdown: The page (or a curated text field).
        page_scan: The page's :func:`briefbook.core.mdscan.scan`, when already made.

    Returns:
        The citations, and syntax problems as ``(line, message, hint)``.
    """
    if "@" not in markdown:
        return [], []
    page_scan = page_scan or scan(markdown)
    citations: list[Citation] = []
    errors: list[tuple[int, str, str | None]] = []
    counted, line = 0, 1  # lines counted incrementally: once per page, not once per citation
    for m in CANDIDATE_RE.finditer(markdown):
        if page_scan.is_masked(m.start()):
            continue  # in code
        line_start = markdown.rfind("\n", 0, m.start()) + 1
        context = _unrendered_context(markdown, line_start, m.start(), m.end())
        if context is not None:
            line += markdown.count("\n", counted, m.start())
            counted = m.start()
            errors.append((line, f"a citation in {context} is not rendered: "
                                 f"'{_one_line(m.group())}'",
                           "move it into the sentence it supports; escape the bracket "
                           "('\\[') if it is not a citation"))
            continue
        if markdown.startswith(("](", "]["), m.end()):
            continue  # inside a link's text (left for the warning on unread text)
        if markdown.startswith(":", m.end()) and _starts_line(markdown, line_start, m.start()):
            line_end = markdown.find("\n", m.end())
            if is_reference_definition(markdown[m.start():line_end if line_end >= 0 else None]):
                continue
        line += markdown.count("\n", counted, m.start())
        counted = m.start()
        items: list[CiteItem] = []
        text = m.group()
        for part in m.group("body").split(";"):
            item, message, hint = parse_item(part)
            if item is not None:
                items.append(item)
            elif message is not None:
                errors.append((line, f"{message} in '{_one_line(text)}'", hint))
        if items:
            citations.append(Citation(items=tuple(items), start=m.start(), end=m.end(),
                                      line=line, text=text))
    for m in IN_TEXT_RE.finditer(markdown):
        if not page_scan.is_masked(m.start()):
            errors.append((markdown.count("\n", 0, m.start()) + 1,
                           f"Pandoc's in-text citation '{_one_line(m.group())}' is not "
                           "supported", f"write '[@{m.group('key') or m.group('braced')}, "
                           f"{' '.join(m.group('locator').split())}]' after the words it supports"))
    return citations, errors


#: Pandoc's in-text form, a key then its locator in brackets: ``@smith04 [¶ 33] says``.
IN_TEXT_RE = re.compile(
    rf"(?<![\w.@\[\\-])-?@(?:\{{(?P<braced>[^{{}}\n]+)\}}|(?P<key>{_KEY}))"
    rf",?\s*\[(?P<locator>{_PARA_TERM}[^\]\n]*)\]", re.IGNORECASE)
#: A key standing alone in the text: ``as @harbour-news says`` (not ``me@example.org``).
BARE_KEY_RE = re.compile(rf"(?<![\w.@\[\\/-])@(?P<key>{_KEY})")
#: Markdown whose text MkDocs puts in an attribute or nowhere, never through the citation step.
_ATTRIBUTE_LIST_RE = re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*$")


def _unrendered_context(markdown: str, line_start: int, start: int, end: int) -> str | None:
    """Where a citation at ``start`` would not be rendered, else ``None``.

    An image's alt text, a link's title, a link reference definition's title, an
    abbreviation's definition or an attribute list: Python-Markdown puts their text in an
    attribute as it stands; an autolink's address (``<https://…>``) is a URL.
    """
    before = markdown[line_start:start]
    image = before.rfind("![")
    line_end = markdown.find("\n", end)
    after = markdown[end:line_end if line_end >= 0 else len(markdown)]
    close = after.find("]")  # the alt text's own bracket, after the citation
    if image >= 0 and "]" not in before[image:] and close >= 0 and "[" not in after[:close] \
            and after[close + 1:close + 2] in ("(", "["):
        return "an image's alt text"
    if re.search(r"<(?:https?|ftp|mailto):[^<>\s]*$", before, re.IGNORECASE):
        return "an autolink's address"
    link = before.rfind("](")
    if link >= 0 and ")" not in before[link:]:
        return "a link's title"
    stripped = before.lstrip(" \t>")
    if stripped.startswith("*[") and "]:" in stripped:
        return "an abbreviation's definition"
    if re.match(r"\[[^\]\n]+\]:[ \t]*\S+[ \t]+[\"'(]", stripped) and "@" not in \
            stripped[:stripped.find("]:")]:
        return "a link reference definition's title"
    if _ATTRIBUTE_LIST_RE.search(before):
        return "an attribute list"
    return None


def _starts_line(markdown: str, line_start: int, pos: int) -> bool:
    return not markdown[line_start:pos].strip(" \t>-*+0123456789.)")


def _one_line(text: str) -> str:
    return _WRAP_RE.sub(" ", text)


def resolve_item(item: CiteItem, book: Book) -> tuple[str, str | None] | None:
    """Check one item against the book: ``None`` if it resolves, else ``(message, hint)``."""
    source = book.source(item.source)
    anchor = re.fullmatch(r"(?P<id>.+)-p(?P<n>\d+)", item.source)
    if source is None and anchor and book.source(anchor.group("id")) is not None:
        return (f"unknown source '@{item.source}': that is paragraph {anchor.group('n')}'s "
                f"anchor, not a source id",
                f"write '[@{anchor.group('id')}, ¶ {anchor.group('n')}]'")
    if source is None:
        return (f"unknown source '@{item.source}'",
                did_you_mean(item.source, [s.id for s in book.sources])
                or "no article has this id: the Sources page lists every id (a deleted or "
                   "renamed article's citations must follow it); add an article with "
                   "'briefbook add'")
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


def masked_ranges(markdown: str) -> list[tuple[int, int]]:
    """Character ranges of code, comments, tags and front matter (not to be touched)."""
    return list(scan(markdown).masked)

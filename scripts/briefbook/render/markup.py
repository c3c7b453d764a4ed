"""Escaping by context for text from outside, and deterministic JSON.

Every value from an article, YAML, a saved page or an import reaches a page through one of
these: Markdown text, HTML text nodes and attributes, URLs.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import orjson

from briefbook.core.citekeys import CANDIDATE_RE


def to_json(value: Any) -> bytes:
    """Deterministic, readable JSON bytes (indented by 2, UTF-8, keys in the order given).

    The bytes are those of ``json.dumps(value, ensure_ascii=False, indent=2)`` and a line
    break for the values the book writes (strings, integers, lists, dictionaries, ``None``),
    made by orjson: the standard library's encoder is pure Python when it indents, about ten
    times slower (1.2 s against 0.1 s for the data downloads of 2,000 articles).

    Raises:
        TypeError: A value JSON cannot hold (orjson's ``JSONEncodeError`` is one).
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"
    except orjson.JSONEncodeError:  # an integer beyond 64 bits: the standard encoder takes it
        return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()


# Markdown's punctuation, each mark backslash-escaped (a translation table: one pass, no regex);
# marks that only extensions read (``~~``, ``^^``, ``==``) become character references.
_MD_SPECIAL_TABLE = str.maketrans({
    **{mark: "\\" + mark for mark in "\\`*_{}[]()#!|+"},
    "~": "&#126;", "^": "&#94;", "=": "&#61;"})


def md_escape(value: object, *, keep_citations: bool = False) -> str:
    """Escape text for inline Markdown so that it renders as itself, inert.

    HTML-special characters become entities, Markdown's punctuation is backslash-escaped and
    line breaks become spaces (no list, heading, table or abbreviation can start), so
    ``[x](javascript:…)``, ``*emphasis*``, ``<script>`` or ``[@id, ¶ 3]`` in article or YAML
    text stay text. Only text an editor curated (descriptions, notes) may keep its
    citations, with ``keep_citations=True``; text taken from an article never does.
    """
    text = " ".join(str(value).split())
    spans = [(m.start(), m.end()) for m in CANDIDATE_RE.finditer(text)] if keep_citations else []
    out: list[str] = []
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        out.append(html.escape(text[pos:start], quote=False).translate(_MD_SPECIAL_TABLE))
        out.append(text[start:end])
        pos = end
    return "".join(out)


_BACKTICK_RUN_RE = re.compile(r"`+")


def md_code(value: object) -> str:
    """A Markdown code span showing ``value`` literally (line breaks become spaces).

    For the engine's own labels that quote words of an article (a speaker cue such as
    ``office "governor"``): inside a code span the words are neither Markdown nor HTML nor a
    citation, and the quotation check does not take them for a quotation of the cited
    paragraph (CommonMark code spans: the fence is one backtick longer than any run inside,
    padded with a space where the text starts or ends with a backtick).
    """
    text = " ".join(str(value).split())
    fence = "`" * (1 + max((len(m.group()) for m in _BACKTICK_RUN_RE.finditer(text)),
                           default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_MARKDOWN_TABLE = str.maketrans({mark: f"&#{ord(mark)};" for mark in "[]`*_\\{}|~^="})


def esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute.

    Markdown's link, code, emphasis and escape marks become character references too, so the
    text stays inert even where Markdown is processed, and no later stage mistakes it for
    syntax.
    """
    return html.escape(str(value), quote=True).translate(_MARKDOWN_TABLE)


_INERT_RE = re.compile(r"[^\w ]|_")


def inert_attr(value: object) -> str:
    """Text for an HTML attribute that sits in Markdown, unreadable as any Markdown syntax.

    White space is collapsed to single spaces and every character but letters, digits and
    spaces becomes a numeric character reference (``[`` → ``&#91;``), so no inline pattern
    of Python-Markdown or an extension (links, emphasis, autolinks, abbreviations, emoji)
    can match inside the attribute and close it early. Browsers decode the references: the
    attribute's value is the plain text.
    """
    return _INERT_RE.sub(lambda m: f"&#{ord(m.group())};", " ".join(str(value).split()))


#: U+2060 WORD JOINER: invisible, no line break; after ``<`` or ``&`` it keeps both inert.
_JOINER = "\u2060"


def tooltip_text(value: object) -> str:
    """Plain text for a ``title`` attribute that reads the same as text and as HTML.

    Browsers show a ``title`` as plain text, but themes with HTML tooltips (Material's
    ``content.tooltips``) put it into the page as HTML (``innerHTML``), where ``<img …>`` in an
    article would become an element. Only ``<`` (a tag) and ``&`` (a character reference)
    read differently as HTML; an invisible word joiner after each makes both literal in HTML
    while the text looks the same in either tooltip. White space is collapsed.
    """
    text = " ".join(str(value).split())
    return text.replace("&", "&" + _JOINER).replace("<", "<" + _JOINER)


def tooltip_attr(value: object) -> str:
    """A ``title`` value inside Markdown: :func:`tooltip_text`, then :func:`inert_attr`."""
    return inert_attr(tooltip_text(value))


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) or mailto (never ``javascript:`` and the like)."""
    if url and url.strip().lower().startswith(("http://", "https://", "mailto:")):
        return url.strip()
    return None


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter with the page title (JSON strings are valid YAML).

    The title is HTML-escaped: MkDocs and the theme put page titles into the navigation and
    ``<title>`` without escaping, so a title taken from an article or YAML could be markup.
    """
    lines = ["---", f"title: {json.dumps(esc(title), ensure_ascii=False)}"]
    lines.extend(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in extra.items())
    return "\n".join(lines) + "\n---\n\n"


def entities(text: str) -> str:
    """Curly double quotes as character references.

    A title is a label, not a cited sentence: an excerpt may cut a quotation in half, and the
    quotation checker must not read it as one.
    """
    return text.replace("\u201c", "&#8220;").replace("\u201d", "&#8221;")

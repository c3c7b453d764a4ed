"""Escaping by context for text from outside, and deterministic JSON.

Every value from an article, YAML, a saved page or an import reaches a page through one of
these: Markdown text, HTML text nodes and attributes, URLs.
"""

from __future__ import annotations

import html
import json
from typing import Any

from briefbook.core.citekeys import CANDIDATE_RE


def to_json(value: Any) -> bytes:
    """Deterministic, readable JSON bytes."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


# Markdown's punctuation, each mark backslash-escaped (a translation table: one pass, no regex).
_MD_SPECIAL_TABLE = str.maketrans({mark: "\\" + mark for mark in "\\`*_{}[]()#!"})


def md_escape(value: object, *, keep_citations: bool = True) -> str:
    """Escape text for Markdown so that it renders as itself, inert.

    HTML-special characters become entities and Markdown's punctuation is backslash-escaped,
    so ``[x](javascript:…)``, ``*emphasis*`` or ``<script>`` in article or YAML text stay text.
    With ``keep_citations``, citations (``[@id, ¶ 3]``) are kept as written so that curated
    text can still cite.
    """
    text = str(value)
    spans = [(m.start(), m.end()) for m in CANDIDATE_RE.finditer(text)] if keep_citations else []
    out: list[str] = []
    pos = 0
    for start, end in [*spans, (len(text), len(text))]:
        out.append(html.escape(text[pos:start].translate(_MD_SPECIAL_TABLE), quote=False))
        out.append(text[start:end])
        pos = end
    return "".join(out)


_MARKDOWN_TABLE = str.maketrans({"[": "&#91;", "]": "&#93;", "`": "&#96;", "*": "&#42;"})


def esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute.

    Markdown's link, code and emphasis marks become character references too, so the text
    stays inert even where Markdown is processed, and no later stage mistakes it for syntax.
    """
    return html.escape(str(value), quote=True).translate(_MARKDOWN_TABLE)


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

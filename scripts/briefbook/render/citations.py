"""Pandoc citations rendered as numbered notes, with tooltips and a list of sources.

The notes are raw HTML inside the page's Markdown. Text from articles and metadata in them
(tooltips, labels, excerpts) is plain text encoded with
:func:`~briefbook.render.markup.inert_attr`, so Markdown never reads it as syntax: a
paragraph holding ``[x](x/onmouseover=…)`` stays the tooltip's text, never a link inside the
attribute. Tooltips also go through :func:`~briefbook.render.markup.tooltip_text`, since
themes with HTML tooltips (Material's ``content.tooltips``) read a ``title`` as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from briefbook.core.citekeys import CiteItem, excerpt, find_citations, paragraph_label, resolve_item
from briefbook.core.errors import Problem
from briefbook.core.model import Book, Source
from briefbook.render.markup import inert_attr, tooltip_attr
from briefbook.render.quotecheck import citation_quotes


@dataclass(frozen=True, kw_only=True)
class Rendered:
    """A page's Markdown with its citations replaced, and what was found doing it."""

    markdown: str
    records: tuple[dict[str, object], ...]
    problems: tuple[Problem, ...]


def render_citations(
    markdown: str, book: Book, *, page: str,
    href: Callable[[str, int | None], str],
    notes_heading: str = "Sources",
) -> Rendered:
    """Replace citations by numbered note markers and append the list of notes.

    Args:
        markdown: The page's Markdown.
        book: The loaded book (sources and their paragraphs).
        page: The page's source path, for messages and the citation records.
        href: ``href(source_id, paragraph_or_None)`` → URL relative to this page.
        notes_heading: Title of the notes section appended to the page.

    Returns:
        The new Markdown, one record per cited item (for ``data/citations.json``, with
        ``page``, ``line``, ``source``, ``paragraphs``, ``resolved``, ``note``, ``quotes``:
        the quotations of the sentence the citation closes) and the
        problems.
    """
    citations, errors = find_citations(markdown)
    problems = [Problem(file=page, line=line, message=msg, hint=hint) for line, msg, hint in errors]
    if not citations:
        return Rendered(markdown=markdown, records=(), problems=tuple(problems))

    out: list[str] = []
    notes: list[str] = []
    records: list[dict[str, object]] = []
    pos = 0
    number = 0
    for cit, quotes in zip(citations, citation_quotes(markdown, citations), strict=True):
        out.append(markdown[pos:cit.start])
        marks: list[str] = []
        for item in cit.items:
            failure = resolve_item(item, book)
            record: dict[str, object] = {
                "page": page, "line": cit.line, "source": item.source,
                "paragraphs": list(item.paragraphs), "resolved": failure is None, "note": None,
                "quotes": quotes}
            records.append(record)
            if failure is not None:
                message, hint = failure
                problems.append(Problem(file=page, line=cit.line,
                                        message=f"{message} in citation '{cit.text}'", hint=hint))
                marks.append(f'<span class="bb-cite-broken" title="unresolved citation">'
                             f"{inert_attr(cit.text)}</span>")
                continue
            number += 1
            record["note"] = number
            source = book.source(item.source)
            assert source is not None
            first = item.paragraphs[0] if item.paragraphs else None
            url = html.escape(href(item.source, first), quote=True)
            tip = _tooltip(source, first)
            marks.append(f'<a id="bb-cite-{number}" class="bb-cite-link" href="{url}" '
                         f'title="{tooltip_attr(tip)}">{number}</a>')
            notes.append(_note(number, source, item, url))
        if marks:
            out.append('<sup class="bb-cite">' + ", ".join(marks) + "</sup>")
        pos = cit.end
    out.append(markdown[pos:])
    text = "".join(out)
    if notes:
        text = text.rstrip("\n") + (f"\n\n## {notes_heading}\n\n<ol class=\"bb-notes\">\n"
                                    + "\n".join(notes) + "\n</ol>\n")
    return Rendered(markdown=text, records=tuple(records), problems=tuple(problems))


def _tooltip(source: Source, number: int | None) -> str:
    head = f"{source.label} · ¶ {number}" if number else source.label
    if number is None:
        return head + (f" — {source.title}" if source.title else "")
    para = source.paragraph(number)
    return f"{head}: {excerpt(para.text) if para else ''}"


def _note(number: int, source: Source, item: CiteItem, url: str) -> str:
    where = paragraph_label(item)
    label = inert_attr(f"{source.id}{', ' + where if where else ''}")
    body = ""
    if item.paragraphs:
        para = source.paragraph(item.paragraphs[0])
        if para is not None:
            body = f' <q class="bb-note-text">{inert_attr(excerpt(para.text, 220))}</q>'
    meta = inert_attr(source.label)
    return (f'<li id="bb-note-{number}"><a class="bb-note-back" href="#bb-cite-{number}" '
            f'title="Back to the text">↩</a> <a href="{url}">{label}</a> '
            f'<span class="bb-note-meta">({meta})</span>{body}</li>')

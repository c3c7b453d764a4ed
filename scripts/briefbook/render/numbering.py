"""Paragraph numbers are citation anchors: warn when a changed paragraph rule moves them.

A source's paragraphs are numbered under its paragraph rule (``sources.yml`` ``paragraphs:``,
else detected). Changing the rule of a source whose file did not change renumbers its
paragraphs, and every citation of a number that now holds different text points elsewhere.
:func:`moved_citations` compares the book with what an earlier build recorded
(:func:`numbering_record`) and names each such citation: page, line and paragraph. Pure: the
plugin keeps the record between builds (in its cache folder) and ``briefbook sources set``
compares before and after an edit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from briefbook.core.errors import Problem
from briefbook.core.model import Book, Source
from briefbook.core.text import fold
from briefbook.render.sources import CitedBy

#: The name of the record the plugin keeps between builds.
RECORD = "paragraph-numbering"


@lru_cache(maxsize=1 << 16)  # a rebuild after one added article digests one article
def _digest(text: str) -> str:
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:12]


def source_record(source: Source) -> dict[str, Any]:
    """What a source's numbering was: file hash, rule and a digest per paragraph."""
    return {"sha256": source.sha256, "rule": source.paragraph_rule,
            "paragraphs": [_digest(p.text) for p in source.paragraphs]}


def numbering_record(book: Book) -> dict[str, Any]:
    """The record of every source's numbering, for the next build to compare with."""
    return {s.id: source_record(s) for s in book.sources}


def moved_citations(
    book: Book, cited_by: Mapping[tuple[str, int | None], Sequence[CitedBy]],
    previous: Mapping[str, Any] | None,
) -> list[Problem]:
    """A warning per source whose rule changed since ``previous``, naming moved citations.

    Args:
        book: The book as loaded now.
        cited_by: ``(source id, paragraph)`` → the citations pointing there (render stage).
        previous: :func:`numbering_record` of an earlier build, or ``None``.

    Returns:
        One warning (``sources.yml``, the source's line, key ``paragraphs``) per source whose
        file is unchanged, whose rule changed and which has citations that now point at
        different text; an info when no citation moved.
    """
    if not isinstance(previous, Mapping):
        return []
    problems = []
    for source in book.sources:
        old = previous.get(source.id)
        if not isinstance(old, Mapping) or old.get("sha256") != source.sha256 \
                or old.get("rule") == source.paragraph_rule:
            continue
        problems.append(rule_change(source, old, cited_by))
    return problems


def rule_change(source: Source, old: Mapping[str, Any],
                cited_by: Mapping[tuple[str, int | None], Sequence[CitedBy]]) -> Problem:
    """The problem that reports one source's changed rule and the citations it moves."""
    digests = old.get("paragraphs") or []
    moved: list[str] = []
    for (sid, number), refs in sorted(cited_by.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if sid != source.id or number is None:
            continue
        before = digests[number - 1] if 0 < number <= len(digests) else None
        now = source.paragraph(number)
        if before is not None and now is not None and _digest(now.text) == before:
            continue
        moved.extend(f"{r.page}:{r.line} (¶ {number})" for r in sorted(
            refs, key=lambda r: (r.page, r.line)))
    change = (f"source '{source.id}': the paragraph rule changed from '{old.get('rule')}' to "
              f"'{source.paragraph_rule}' ({len(digests)} → {len(source.paragraphs)} "
              "paragraphs)")
    if not moved:
        return Problem(file="sources.yml", line=source.line, key="paragraphs", level="info",
                       message=f"{change}; no citation points at different text")
    shown = ", ".join(moved[:20]) + (f" and {len(moved) - 20} more" if len(moved) > 20 else "")
    return Problem(file="sources.yml", line=source.line, key="paragraphs", level="warning",
                   message=f"{change}; {len(moved)} citation(s) now point at different text: "
                           f"{shown}",
                   hint=f"check those citations against the source page, or set "
                        f"'paragraphs: {old.get('rule')}' back")

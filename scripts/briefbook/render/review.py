"""The Review page: the review items of :mod:`briefbook.analyse.review` as Markdown."""

from __future__ import annotations

import html
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.review import ReviewItem, review_items
from briefbook.core.model import Book
from briefbook.render.markup import md_escape

REVIEW_PAGE = "review.md"
_KIND_TITLES = {"unknown-name": "Names not in the registry", "near-miss": "Near-miss spellings",
                "unattributed-quote": "Unattributed quotations",
                "extracted-speaker": "Speakers found by extraction only",
                "extracted-event": "Dated sentences without a curated event",
                "derivative": "Detected derivative sources", "load-problem": "Load problems",
                "claim": "Claims not found in the cited paragraphs"}


def render_review(items: list[ReviewItem]) -> str:
    """The Review page: every item, grouped by kind, linked to its paragraph."""
    out = ["---\ntitle: Review\n---\n\n# Review\n\n",
           f"{len(items)} things an editor should look at, found while building the book. "
           "The same list is printed by `briefbook review`.\n\n"]
    kinds: dict[str, list[ReviewItem]] = {}
    for item in items:
        kinds.setdefault(item.kind, []).append(item)
    for kind, group in kinds.items():
        title = _KIND_TITLES.get(kind, kind.replace("-", " ").capitalize())
        out.append(f"## {html.escape(title, quote=False)} ({len(group)}) {{#review-{kind}}}\n\n")
        for item in group:
            where = ""
            if item.page:
                label = f"{item.page}:{item.line}" if item.line else item.page
                where = f"[{md_escape(label)}]({item.page}): "
            elif item.source:
                target = f"sources/{item.source}.md"
                anchor = f"#{item.source}-p{item.paragraph}" if item.paragraph else ""
                label = f"{item.source}, ¶ {item.paragraph}" if item.paragraph else item.source
                where = f"[{md_escape(label)}]({target}{anchor}): "
            hint = f" — *{md_escape(item.hint, keep_citations=False)}*" if item.hint else ""
            out.append(f"- {where}{md_escape(item.text, keep_citations=False)}{hint}\n")
        out.append("\n")
    if not items:
        out.append("Nothing to review.\n")
    return "".join(out)


def review_page(book: Book, annotations: Annotations, settings: Any) -> dict[str, str]:
    """Page generator: ``review.md``."""
    return {REVIEW_PAGE: render_review(review_items(book, annotations))}

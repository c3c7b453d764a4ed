"""The Review list: what an editor should look at, gathered from every stage.

Each stage contributes a provider, a pure function ``(book, annotations) → [ReviewItem]``.
The same list is printed by ``briefbook review`` and published as the Review page.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from .analysis import Annotations
from .citations import md_escape
from .model import Book


@dataclass(frozen=True, kw_only=True)
class ReviewItem:
    """One thing to review.

    Attributes:
        kind: A short stable label, e.g. ``unknown-name``, ``near-miss``,
            ``unattributed-quote``, ``extracted-event``, ``derivative``, ``load-problem``.
        source: The source id concerned, when there is one.
        paragraph: The paragraph number, when there is one.
        text: What to look at (quoted from the text where possible).
        hint: What the editor can do about it.
    """

    kind: str
    text: str
    hint: str = ""
    source: str | None = None
    paragraph: int | None = None


ReviewProvider = Callable[[Book, Annotations], list[ReviewItem]]


def _providers() -> list[ReviewProvider]:
    """The review providers of every stage (each stage module adds its own here)."""
    from .compare import review_derivatives
    from .render_actors import review_actors
    from .render_chronology import review_chronology

    return [review_chronology, review_actors, review_derivatives]


def review_items(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Every review item of the book, grouped by kind, then by source and paragraph."""
    items: list[ReviewItem] = []
    for provide in _providers():
        items.extend(provide(book, annotations))
    return sorted(items, key=lambda i: (i.kind, i.source or "", i.paragraph or 0, i.text))


REVIEW_PAGE = "review.md"
_KIND_TITLES = {"unknown-name": "Names not in the registry", "near-miss": "Near-miss spellings",
                "unattributed-quote": "Unattributed quotations",
                "extracted-speaker": "Speakers found by extraction only",
                "extracted-event": "Dated sentences without a curated event",
                "derivative": "Detected derivative sources", "load-problem": "Load problems"}


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
            if item.source:
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


@click.command()
@click.option("--briefing", default="briefing", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The book's content folder.")
@click.option("--kind", "kinds", multiple=True, help="Only items of this kind (repeatable).")
def review(briefing: Path, kinds: tuple[str, ...]) -> None:
    """List what an editor should look at in the book.

    Unknown names, near-miss spellings, unattributed quotations, speakers and events found by
    extraction only, each with its source and paragraph (tab-separated).
    """
    from .book import load_book

    book = load_book(briefing)
    items = [i for i in review_items(book, Annotations(book)) if not kinds or i.kind in kinds]
    for item in items:
        where = item.source or "-"
        if item.paragraph:
            where += f" ¶ {item.paragraph}"
        click.echo(f"{item.kind}\t{where}\t{item.text}" + (f"\t({item.hint})" if item.hint
                                                          else ""))
    click.echo(f"{len(items)} items to review", err=True)

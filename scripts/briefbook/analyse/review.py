"""The Review list: what an editor should look at, gathered from every stage.

Each stage contributes a provider, a pure function ``(book, annotations) → [ReviewItem]``.
The same list is printed by ``briefbook review`` and published as the Review page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.mentions import unknown_names
from briefbook.core.model import Book


def review_derivatives(book: Book, annotations: Any) -> list[Any]:
    """Review items: detected derivatives that sources.yml does not record (or records else)."""
    items = []
    for d in annotations.comparison.derivations:
        if d.curated and d.detected:
            continue
        if d.curated:
            text = (f"sources.yml says '{d.source}' is derived from '{d.original}', but only "
                    f"{d.aligned} of its {d.total} sentences align to it ({d.share:.0%})")
            hint = "check the derived_from entry of this source in sources.yml"
        else:
            text = (f"'{d.source}' looks derived from '{d.original}': {d.aligned} of its "
                    f"{d.total} sentences align ({d.share:.0%})")
            hint = (f"if it is a copy, add 'derived_from: {d.original}' to its entry in "
                    "sources.yml (see Compare sources)")
        items.append(ReviewItem(kind="derivative", text=text, hint=hint, source=d.source))
    return items


def review_chronology(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Review provider: dated sentences no curated event absorbs, and undated phrases."""
    items = []
    for c in annotations.chronology.unabsorbed:
        if c.phrase is None:
            text = f"“{c.phrases[0].text}” cannot be dated: the source has no date."
            hint = "give the source a date in sources.yml (date_basis: inferred, with a note)"
        else:
            text = (f"{c.phrase.date} ({c.phrase.precision}) from “{c.phrase.text}”: "
                    f"{c.sentence}")
            hint = "add an event citing this paragraph to events.yml, or leave it extracted"
        items.append(ReviewItem(kind="extracted-event", text=text, hint=hint, source=c.source,
                                paragraph=c.paragraph))
    for p in annotations.chronology.proposals:
        items.append(ReviewItem(
            kind="source-date", source=p.source, paragraph=p.paragraph,
            text=f"date {p.date} inferred from {p.note}; its relative dates use it",
            hint=f"confirm it in sources.yml: 'date: {p.date}', 'date_basis: inferred' and a "
                 "date_note, or give the real date"))
    return items


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
    return [review_chronology, review_actors, review_derivatives]


def review_items(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Every review item of the book, grouped by kind, then by source and paragraph."""
    items: list[ReviewItem] = []
    for provide in _providers():
        items.extend(provide(book, annotations))
    return sorted(items, key=lambda i: (i.kind, i.source or "", i.paragraph or 0, i.text))


def review_actors(book: Book, annotations: Annotations) -> list[Any]:
    """Review provider: unknown names, near misses, unattributed and extracted speakers.

    Each item names its source and paragraph where it has one.
    """
    items = []
    ignore = [a.name for a in annotations.actors] + [s for a in annotations.actors
                                                     for s in a.aliases]
    seen: set[tuple[str, str]] = set()
    for source, paragraph, name in unknown_names(book, annotations.mentions, ignore=ignore):
        if (source, name) in seen:
            continue
        seen.add((source, name))
        items.append(ReviewItem(kind="unknown-name", text=f"“{name}” is not in the registry",
                                hint="add it to actors.yml (or as an alias of an actor)",
                                source=source, paragraph=paragraph))
    for miss in annotations.near_misses:
        items.append(ReviewItem(
            kind="near-miss", source=miss.source, paragraph=miss.paragraph,
            text=f"“{miss.text}” looks like “{miss.registered}” ({miss.actor})",
            hint=f"if it is the same, add '{miss.text}' to the aliases of '{miss.actor}'"))
    for q in annotations.quotes:
        if q.kind == "statement" and q.speaker is None:
            who = f" (“{q.speaker_as_written}”)" if q.speaker_as_written else ""
            items.append(ReviewItem(
                kind="unattributed-quote", source=q.source, paragraph=q.paragraph,
                text=f"“{q.text}”{who}", hint="no speaker found; check the article"))
    for actor in annotations.actors:
        if not actor.curated:
            items.append(ReviewItem(kind="extracted-speaker", text=f"“{actor.name}” ({actor.id})",
                                    hint="curate this speaker in actors.yml"))
    return items

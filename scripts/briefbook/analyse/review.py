"""The Review list: what an editor should look at, gathered from every stage.

Each stage contributes a provider, a pure function ``(book, annotations) → [ReviewItem]``.
The same list is printed by ``briefbook review`` and published as the Review page.

Items are ranked by what they affect — who said a quotation (``speaker``), what a profile
shows (``profile``), what a citation or the chronology rests on (``citation``), then the rest
— and by confidence, highest first. Every item has a stable ``key``
(``kind:source:subject``); an editor who has dealt with an item for good records it in
``briefing/review.yml`` (``accepted`` or ``ignored``) and it leaves the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.homoglyphs import look_alikes
from briefbook.core.lexicon import is_function_word, place_kind
from briefbook.core.model import Actor, Book
from briefbook.core.text import slugify

#: What an item can affect, most important first.
AFFECTS = ("speaker", "profile", "citation", "source", "other")


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
        items.append(ReviewItem(kind="derivative", text=text, hint=hint, source=d.source,
                                affects="citation", confidence=min(1.0, d.share),
                                subject=d.original))
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
                                paragraph=c.paragraph, affects="citation", confidence=0.5))
    for p in annotations.chronology.proposals:
        items.append(ReviewItem(
            kind="source-date", source=p.source, paragraph=p.paragraph,
            text=f"date {p.date} inferred from {p.note}; its relative dates use it",
            hint=f"confirm it in sources.yml: 'date: {p.date}', 'date_basis: inferred' and a "
                 "date_note, or give the real date", affects="citation", confidence=0.6))
    return items


@dataclass(frozen=True, kw_only=True)
class ReviewItem:
    """One thing to review.

    Attributes:
        kind: A short stable label, e.g. ``unknown-name``, ``near-miss``,
            ``unattributed-quote``, ``pronoun-speaker``, ``extracted-event``, ``derivative``,
            ``homoglyph``, ``load-problem``.
        source: The source id concerned, when there is one.
        paragraph: The paragraph number, when there is one.
        text: What to look at (quoted from the text where possible).
        hint: What the editor can do about it.
        page: The page concerned (its path under ``docs/``), for findings in pages.
        line: The line in that page's file.
        affects: What it changes: one of :data:`AFFECTS`.
        confidence: How sure the finding is, from 0 to 1 (ranks items of one kind).
        subject: What the item is about, for its key (a name, a quotation's first words);
            the text when empty.
    """

    kind: str
    text: str
    hint: str = ""
    source: str | None = None
    paragraph: int | None = None
    page: str | None = None
    line: int | None = None
    affects: str = "other"
    confidence: float = 0.5
    subject: str = ""

    @cached_property
    def key(self) -> str:
        """The stable key an editor writes in ``review.yml``: ``kind:source:subject``."""
        subject = slugify(self.subject or self.text)[:60].strip("-") or "item"
        return f"{self.kind}:{self.source or '-'}:{subject}"

    @property
    def rank(self) -> tuple[int, float]:
        """Sort key: what it affects, then confidence (highest first)."""
        affects = AFFECTS.index(self.affects) if self.affects in AFFECTS else len(AFFECTS)
        return affects, -self.confidence


ReviewProvider = Callable[[Book, Annotations], list[ReviewItem]]


def _providers() -> list[ReviewProvider]:
    """The review providers of every stage (each stage module adds its own here)."""
    return [review_chronology, review_actors, review_derivatives, review_homoglyphs,
            review_pronoun_speakers]


def review_homoglyphs(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Review provider: curated names and aliases that look alike but are other strings."""
    items = []
    for found in look_alikes(a for a in book.actors if isinstance(a, Actor)):
        letters = "; ".join(f"'{c}' ({name}) for '{like}'"
                            for c, name, like in found.differences)
        owner = ("another spelling of the same actor" if found.actor == found.other_actor
                 else f"a spelling of '{found.other_actor}'")
        items.append(ReviewItem(
            kind="homoglyph",
            text=f"alias “{found.spelling}” of '{found.actor}' looks like “{found.other}”, "
                 f"{owner}, but is written with other characters"
                 + (f": {letters}" if letters else ""),
            hint="retype the alias with the letters of the name it should match, or remove "
                 "it from actors.yml", affects="speaker", confidence=0.9,
            subject=f"{found.actor} {found.spelling}"))
    return items


def review_items(book: Book, annotations: Annotations, *,
                 include_decided: bool = False) -> list[ReviewItem]:
    """Every review item of the book not decided in ``review.yml``, most important first.

    Ranked by :attr:`ReviewItem.rank`, then by source, paragraph and text. An item two
    findings give alike (same key, text and paragraph) is listed once.
    """
    items: list[ReviewItem] = []
    seen: set[tuple[str, str, int | None]] = set()
    for provide in _providers():
        for item in provide(book, annotations):
            if (item.key, item.text, item.paragraph) not in seen:  # one item said once
                seen.add((item.key, item.text, item.paragraph))
                items.append(item)
    decided = {d.item for d in getattr(book, "review", ())}
    if not include_decided:
        items = [i for i in items if i.key not in decided]
    return ranked(items)


def ranked(items: list[ReviewItem]) -> list[ReviewItem]:
    """Items most important first: by rank, then source, paragraph, page, line, kind, text."""
    return sorted(items, key=lambda i: (i.rank, i.source or "", i.paragraph or 0, i.page or "",
                                        i.line or 0, i.kind, i.text))


def undecided_keys(book: Book, items: list[ReviewItem]) -> list[str]:
    """Keys of ``review.yml`` that match no current item (stale or mistyped decisions)."""
    current = {i.key for i in items}
    return [d.item for d in getattr(book, "review", ()) if d.item not in current]


def review_actors(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Review provider: speakers and people found by extraction, spellings, lone quotations.

    Only names count: near misses that are places, demonyms or ordinary words are dropped.
    Each item names its source and paragraph where it has one.
    """
    items: list[ReviewItem] = []
    speaking = {q.speaker for q in annotations.quotes
                if q.speaker and q.kind == "statement" and not annotations.is_copied(q)}
    first: dict[str, tuple[str, int]] = {}
    for m in annotations.mentions:
        first.setdefault(m.actor, (m.source, m.paragraph))
    for q in annotations.quotes:
        if q.speaker:
            first.setdefault(q.speaker, (q.source, q.paragraph))
    for actor in annotations.actors:
        if actor.curated:
            continue
        source, paragraph = first.get(actor.id, (None, None))
        strong = "title" in (actor.description or "") or "given name" in (actor.description or "")
        if actor.id in speaking:
            items.append(ReviewItem(
                kind="extracted-speaker", text=f"“{actor.name}” ({actor.id}, {actor.kind}) is "
                f"quoted but not curated", hint="check the name and kind, then add it to "
                "actors.yml", source=source, paragraph=paragraph, affects="speaker",
                confidence=0.9 if strong else 0.6, subject=actor.name))
        else:
            items.append(ReviewItem(
                kind="extracted-actor", text=f"“{actor.name}” ({actor.kind}) is named but not "
                f"curated", hint="add it to actors.yml if it matters to the book",
                source=source, paragraph=paragraph, affects="profile",
                confidence=0.8 if strong else 0.5, subject=actor.name))
    for miss in annotations.near_misses:
        if place_kind(miss.text) or is_function_word(miss.text):
            continue
        items.append(ReviewItem(
            kind="near-miss", source=miss.source, paragraph=miss.paragraph,
            text=f"“{miss.text}” looks like “{miss.registered}” ({miss.actor})",
            hint=f"if it is the same, add '{miss.text}' to the aliases of '{miss.actor}'",
            affects="profile", confidence=0.6, subject=miss.text))
    for cand in getattr(annotations.people, "candidates", ()):
        items.append(ReviewItem(
            kind="near-miss", source=cand.source, paragraph=cand.paragraph,
            text=f"“{cand.text}” looks like “{cand.registered}” ({cand.actor}); not joined: "
                 f"{cand.evidence}",
            hint=f"if it is the same person, curate '{cand.registered}' with '{cand.text}' "
                 "among its aliases", affects="profile", confidence=0.5, subject=cand.text))
    for q in annotations.quotes:
        if q.kind == "statement" and q.speaker is None and not q.anonymous:
            who = f" (“{q.speaker_as_written}”)" if q.speaker_as_written else ""
            items.append(ReviewItem(
                kind="unattributed-quote", source=q.source, paragraph=q.paragraph,
                text=f"“{q.text}”{who}", hint="no speaker found; check the article",
                affects="speaker", confidence=min(1.0, len(q.text.split()) / 20),
                subject=" ".join(q.text.split()[:6])))
    return items


def review_pronoun_speakers(book: Book, annotations: Annotations) -> list[ReviewItem]:
    """Review provider: speakers found through a pronoun while another person is named near.

    A *he* or *she* goes to the nearest fitting person (methodology, *Actors, mentions and
    quotations*); when someone else was named in the quotation's paragraph before it or in
    the paragraph before, the reading may be wrong, and nothing else would show it. One item
    per such quotation, ranked with the speaker items; its confidence grows with the number of
    other people named there.
    """
    kinds = {a.id: a.kind for a in annotations.actors}
    by_paragraph: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for m in annotations.mentions:
        if kinds.get(m.actor) == "person":
            by_paragraph.setdefault((m.source, m.paragraph), []).append((m.start, m.actor))
    names = {a.id: a.name for a in annotations.actors}
    items: list[ReviewItem] = []
    for q in annotations.quotes:
        if q.speaker is None or "(pronoun" not in (q.cue or "") or annotations.is_copied(q):
            continue
        near = [actor for at, actor in by_paragraph.get((q.source, q.paragraph), ())
                if at < q.start] + [actor for _, actor in by_paragraph.get(
                    (q.source, q.paragraph - 1), ())]
        others = sorted({names.get(a, a) for a in near if a != q.speaker})
        if not others:
            continue
        items.append(ReviewItem(
            kind="pronoun-speaker", source=q.source, paragraph=q.paragraph,
            text=f"“{excerpt_words(q.text)}” is given to {names.get(q.speaker, q.speaker)} "
                 f"through a pronoun; also named just before: {', '.join(others)}",
            hint="read the paragraph: if another person says it, the speaker is wrong",
            affects="speaker", confidence=min(0.9, 0.5 + 0.1 * len(others)),
            subject=" ".join(q.text.split()[:6])))
    return items


def excerpt_words(text: str, words: int = 12) -> str:
    """The first ``words`` words of ``text``, with ``…`` when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")

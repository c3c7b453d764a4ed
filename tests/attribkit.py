"""Helpers for the attribution tests: analyse one small article and read its speakers."""

from __future__ import annotations

from pathlib import Path

from briefbook.analyse.annotations import Annotations
from briefbook.read.book import load_book


def analyse(tmp_path: Path, text: str, actors: str = "") -> Annotations:
    """Annotations of a one-article book whose article is ``text`` (registry ``actors``)."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("- id: a\n  file: a.txt\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text(actors, encoding="utf-8")
    book = load_book(tmp_path)
    assert not [p for p in book.problems if p.level == "error"], book.problems
    return Annotations(book)


def speaker_of(a: Annotations, start: str) -> tuple[str | None, str | None, str]:
    """(speaker name, anonymous description, cue) of the quotation starting with ``start``."""
    quote = next(q for q in a.quotes if q.text.startswith(start))
    actor = a.actors_by_id.get(quote.speaker) if quote.speaker else None
    return (actor.name if actor else None), quote.anonymous, quote.cue


def names(a: Annotations) -> set[str]:
    """The names of every actor found."""
    return {x.name for x in a.actors}

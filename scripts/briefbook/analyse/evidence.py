"""Topic evidence: the paragraphs each policy topic's phrases, keywords and actors select."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefbook.core.model import Book, Topic
from briefbook.core.text import fold


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """One paragraph selected by a topic's rule, and what in it matched."""

    source: str
    paragraph: int
    text: str
    matched: tuple[str, ...]


def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(fold(phrase)) + r"(?!\w)")


def _keyword_re(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(keyword) + r"(?!\w)")


def _actor_names(actors: Sequence[Any]) -> dict[str, tuple[str, ...]]:
    """Actor id → the names it is written under (name and aliases), from ``Book.actors``."""
    names: dict[str, tuple[str, ...]] = {}
    for actor in actors:
        aid = getattr(actor, "id", None)
        if not aid:
            continue
        written = [getattr(actor, "name", None), *(getattr(actor, "aliases", None) or ())]
        names[str(aid)] = tuple(str(n) for n in written if n)
    return names


def mention_index(mentions: Any) -> dict[tuple[str, int], set[str]]:
    """(source id, paragraph) → actor ids, from the mentions analysis, whatever its shape.

    Accepts a mapping ``actor id → records`` or an iterable of records; a record is an object
    or mapping with ``source`` and ``paragraph`` (and ``actor`` when not keyed by actor).
    """
    index: dict[tuple[str, int], set[str]] = {}

    def field_of(record: Any, *names: str) -> Any:
        for name in names:
            value = record.get(name) if isinstance(record, Mapping) else getattr(record, name,
                                                                                None)
            if value is not None:
                return value
        return None

    def add(actor: Any, record: Any) -> None:
        source = field_of(record, "source", "source_id")
        number = field_of(record, "paragraph", "number")
        if actor and source and isinstance(number, int):
            index.setdefault((str(source), number), set()).add(str(actor))

    if isinstance(mentions, Mapping):
        for actor, records in mentions.items():
            for record in records or ():
                add(field_of(record, "actor", "actor_id") or actor, record)
    elif mentions is not None:
        for record in mentions:
            add(field_of(record, "actor", "actor_id"), record)
    return index


def gather_evidence(book: Book, topics: Sequence[Topic], *,
                    mentions: Any = None) -> dict[str, tuple[Evidence, ...]]:
    """Every citable paragraph that each topic's rule selects, in book order.

    Args:
        book: The loaded book (boilerplate paragraphs are never evidence).
        topics: The topics.
        mentions: The mentions analysis when there is one (see :func:`mention_index`); without
            it, actors are found by their curated names and aliases in ``book.actors``.
    """
    index = mention_index(mentions) if mentions is not None else None
    names = _actor_names(book.actors)
    result: dict[str, tuple[Evidence, ...]] = {}
    for topic in topics:
        phrases = [(p, _phrase_re(p)) for p in topic.phrases]
        keywords = [(k, _keyword_re(k)) for k in topic.keywords]
        actor_res = {a: [_phrase_re(n) for n in names.get(a, ())] for a in topic.actors}
        found: list[Evidence] = []
        for source in book.sources:
            for para in source.paragraphs:
                if para.boilerplate:
                    continue
                folded = fold(para.text)
                matched = [p for p, rx in phrases if rx.search(folded)]
                matched += [k for k, rx in keywords if rx.search(para.text)]
                for actor in topic.actors:
                    if index is not None and actor in index.get((source.id, para.number), ()):
                        matched.append(f"@{actor}")
                    elif index is None and any(rx.search(folded) for rx in actor_res[actor]):
                        matched.append(f"@{actor}")
                if matched:
                    found.append(Evidence(source=source.id, paragraph=para.number,
                                          text=para.text, matched=tuple(dict.fromkeys(matched))))
        result[topic.id] = tuple(found)
    return result

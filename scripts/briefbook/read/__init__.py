"""The read stage: ``briefing/`` into a validated, frozen Book.

The read stage: ``briefing/`` into a validated, frozen :class:`~briefbook.core.model.Book`
(articles and their paragraphs, ``sources.yml``, ``actors.yml``, ``events.yml``,
``topics.yml``, ``review.yml``). Every problem carries file, line and key; nothing here
analyses or renders.

Modules: ``actors``, ``article``, ``boilerplate``, ``book``, ``events``, ``ids``, ``review``,
``segment``, ``shape``, ``sources``, ``textmeta``, ``topics``.
"""

__all__ = [
    "actors",
    "article",
    "boilerplate",
    "book",
    "events",
    "ids",
    "review",
    "segment",
    "shape",
    "sources",
    "textmeta",
    "topics",
]

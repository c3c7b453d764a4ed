"""The load stage as a whole: read ``briefing/`` into one :class:`~briefbook.core.model.Book`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefbook.core.errors import Problem
from briefbook.core.model import Book
from briefbook.read.actors import load_actors
from briefbook.read.events import check_event_actors, load_events
from briefbook.read.review import load_review
from briefbook.read.sources import load_sources
from briefbook.read.topics import load_topics


def load_book(root: Path, *, extra_boilerplate: Sequence[str] = ()) -> Book:
    """Load sources and curation files of the book in ``root``.

    Never raises for bad input: every problem is returned in ``Book.problems`` with its file
    and line, and what could be read is kept.

    Args:
        root: The ``briefing/`` folder.
        extra_boilerplate: Regular expressions of site boilerplate, besides the defaults.
    """
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(file=str(root), level="error",
                                message="the briefing folder does not exist",
                                hint="create it with 'briefbook new', or set the plugin's "
                                     "'briefing' option"))
        return Book(root=str(root), sources=(), problems=tuple(problems))
    sources, source_problems = load_sources(root, extra_boilerplate=extra_boilerplate)
    problems.extend(source_problems)
    events, event_problems = load_events(root, sources)
    problems.extend(event_problems)
    actors, actor_problems = load_actors(root, sources)
    problems.extend(actor_problems)
    topics, topic_problems = load_topics(root, actor_ids=[a.id for a in actors])
    problems.extend(topic_problems)
    decisions, review_problems = load_review(root)
    problems.extend(review_problems)
    book = Book(root=str(root), sources=sources, topics=topics, events=events,
                actors=actors, problems=tuple(problems), review=decisions)
    return check_event_actors(book)

"""Policy topics: load ``topics.yml``, gather each topic's evidence paragraphs, render them.

A topic is a policy thread of the book (an agreement under negotiation, a legal debate). Its
selection rule names ``phrases`` (matched case-insensitively on whole words, after folding
quotes, dashes and accents), ``keywords`` (matched case-sensitively on whole words, for
acronyms) and ``actors`` (actor ids: a paragraph that mentions one of them matches). Every
citable paragraph of every source that matches is the topic's *evidence*: it is gathered
automatically, so a new article on the subject shows up on the topic's page without anyone
editing that page.

A topic with a hand-written ``page`` gets an "Evidence" section appended to that page at build
time (:func:`append_evidence`); a topic without one gets a generated page ``topics/<id>.md``
(:func:`topic_pages`). Everything here is pure: plain data in, Markdown strings out.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.fields import Field, check_fields
from briefbook.core.model import Topic
from briefbook.core.yamlio import items_of, line_of, load_yaml, not_a_list, plain

TOPICS_FILE = "topics.yml"
#: What each key must hold (see :mod:`briefbook.core.fields`).
TOPIC_FIELDS = {
    "id": Field("text"), "title": Field("text"), "summary": Field("text"),
    "page": Field("text"), "phrases": Field("texts"), "keywords": Field("texts"),
    "actors": Field("texts"),
}


def load_topics(root: Path, *, actor_ids: Iterable[str] = ()) -> tuple[tuple[Topic, ...],
                                                                       list[Problem]]:
    """Load and validate ``topics.yml`` of the book in ``root`` (a missing file is no topics).

    Args:
        root: The ``briefing/`` folder.
        actor_ids: Known actor ids; when given, an unknown id in a rule is a warning with a
            did-you-mean. When empty (no actors curated), actor ids are not checked.
    """
    data, problems = load_yaml(root / TOPICS_FILE, TOPICS_FILE)
    topics: list[Topic] = []
    seen: dict[str, int | None] = {}
    known = sorted(set(actor_ids))
    container = data["topics"] if isinstance(data, dict) and "topics" in data else data
    wrong = not_a_list(data, "topics", TOPICS_FILE, "id")
    if wrong is not None:
        return (), [*problems, wrong]
    for index, node in items_of(data, "topics"):
        line = line_of(node) if isinstance(node, dict) else line_of(container, index)
        if not isinstance(node, dict):
            problems.append(Problem(file=TOPICS_FILE, line=line, level="error",
                                    message=f"entry {index + 1} is not a mapping",
                                    hint="write 'id: …', 'title: …' on their own lines"))
            continue
        data, bad = check_fields(node, plain(node), TOPIC_FIELDS, file=TOPICS_FILE,
                                 what=f"topic '{node.get('id')}'")
        problems.extend(bad)
        topic, topic_problems = Topic.from_data(data, file=TOPICS_FILE, line=line)
        problems.extend(topic_problems)
        if topic is None:
            continue
        if topic.id in seen:
            problems.append(Problem(
                file=TOPICS_FILE, line=line, key="id", level="error",
                message=f"duplicate topic id '{topic.id}' (first at line {seen[topic.id]})",
                hint="give each topic its own id"))
            continue
        seen[topic.id] = line
        for actor in topic.actors if known else ():
            if actor not in known:
                problems.append(Problem(
                    file=TOPICS_FILE, line=line_of(node, "actors") or line, key="actors",
                    message=f"topic '{topic.id}': unknown actor id '{actor}'",
                    hint=did_you_mean(actor, known) or "add the actor to actors.yml"))
        topics.append(topic)
    return tuple(topics), problems

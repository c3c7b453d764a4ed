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

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .citations import excerpt, md_escape
from .errors import Problem, did_you_mean
from .links import href
from .model import Book
from .render_sources import esc, front_matter, source_page_path, source_title
from .text import fold
from .yamlio import items_of, line_of, load_yaml, plain

if TYPE_CHECKING:
    from .analysis import Annotations
    from .pages import Settings

TOPICS_FILE = "topics.yml"
TOPIC_KEYS = ("id", "title", "summary", "page", "phrases", "keywords", "actors")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EVIDENCE_HEADING = "Evidence"


@dataclass(frozen=True, kw_only=True)
class Topic:
    """One policy thread and the rule that selects its evidence paragraphs.

    Attributes:
        id: ``[a-z0-9-]+``; the generated page is ``topics/<id>.md``.
        title: Heading of the topic's page.
        summary: One line shown on a generated page (optional).
        page: Hand-written page under ``docs/`` (e.g. ``context/x.md``) that gets the
            evidence section, or ``None`` for a generated page.
        phrases: Case-insensitive whole-word phrases.
        keywords: Case-sensitive whole-word terms (acronyms).
        actors: Actor ids; a paragraph mentioning one of them matches.
        line: Line of ``topics.yml`` where the topic starts.
    """

    id: str
    title: str
    summary: str | None = None
    page: str | None = None
    phrases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    line: int | None = None

    def __post_init__(self) -> None:
        if not _ID_RE.match(self.id):
            raise ValueError(f"topic id '{self.id}' is not lowercase letters, digits, hyphens")
        if not (self.phrases or self.keywords or self.actors):
            raise ValueError(f"topic '{self.id}' has no phrases, keywords or actors")

    @property
    def path(self) -> str:
        """The Markdown path of the topic's page: its hand-written page, else generated."""
        return self.page or f"topics/{self.id}.md"

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, file: str,
                  line: int | None) -> tuple[Topic | None, list[Problem]]:
        """Validate one record of ``topics.yml``.

        Returns:
            The topic (``None`` when it cannot be used) and the problems, each with file and
            line.
        """
        problems: list[Problem] = []
        for key in data:
            if key not in TOPIC_KEYS:
                problems.append(Problem(
                    file=file, line=line, key=str(key), message=f"unknown key '{key}'",
                    hint=did_you_mean(str(key), TOPIC_KEYS)
                    or f"known keys: {', '.join(TOPIC_KEYS)}"))
        tid = str(data.get("id") or "").strip()
        if not _ID_RE.match(tid):
            problems.append(Problem(
                file=file, line=line, key="id", level="error",
                message=f"topic id '{tid}' is missing or not lowercase letters, digits and "
                        "hyphens", hint="write e.g. 'id: trade-talks'"))
            return None, problems
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("phrases", "keywords", "actors"):
            value = data.get(key) or []
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(Problem(file=file, line=line, key=key, level="error",
                                        message=f"topic '{tid}': '{key}' must be a list of "
                                                "strings", hint=f"write '{key}: [a, b]'"))
                return None, problems
            lists[key] = tuple(v.strip() for v in value if v.strip())
        if not any(lists.values()):
            problems.append(Problem(
                file=file, line=line, key="phrases", level="error",
                message=f"topic '{tid}' has no selection rule",
                hint="give at least one of 'phrases', 'keywords' or 'actors'"))
            return None, problems
        page = data.get("page")
        if page is not None and (not isinstance(page, str) or not page.endswith(".md")
                                 or page.startswith(("/", "../"))):
            problems.append(Problem(
                file=file, line=line, key="page", level="error",
                message=f"topic '{tid}': page '{page}' is not a Markdown path under docs/",
                hint="write e.g. 'page: context/trade.md', or leave it out for a generated page"))
            return None, problems
        title = str(data.get("title") or tid.replace("-", " ").capitalize())
        summary = data.get("summary")
        return cls(id=tid, title=title, summary=str(summary) if summary else None,
                   page=page, line=line, **lists), problems


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
    if data is not None and not isinstance(container, list):
        problems.append(Problem(file=TOPICS_FILE, line=1, level="error",
                                message="expected a list of topics",
                                hint="write one '- id: …' entry per topic"))
        return (), problems
    for index, node in items_of(data, "topics"):
        line = line_of(node) if isinstance(node, dict) else line_of(container, index)
        if not isinstance(node, dict):
            problems.append(Problem(file=TOPICS_FILE, line=line, level="error",
                                    message=f"entry {index + 1} is not a mapping",
                                    hint="write 'id: …', 'title: …' on their own lines"))
            continue
        topic, topic_problems = Topic.from_data(plain(node), file=TOPICS_FILE, line=line)
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


def evidence_section(topic: Topic, evidence: Sequence[Evidence], book: Book, *, page: str,
                     directory_urls: bool = True) -> str:
    """The "Evidence" section of a topic's page: counts per source, then every excerpt.

    Args:
        topic: The topic.
        evidence: Its evidence paragraphs (from :func:`gather_evidence`).
        book: The loaded book.
        page: The Markdown path of the page the section goes on (links are relative to it).
        directory_urls: MkDocs' ``use_directory_urls``.
    """
    lines = [f"## {EVIDENCE_HEADING}", "",
             '<p class="bb-evidence-note"><span class="bb-badge bb-extracted">extracted</span> '
             f"Every paragraph of the sources that the rule of topic <code>{esc(topic.id)}"
             f"</code> in <code>briefing/{TOPICS_FILE}</code> selects, gathered at build time: "
             f"{len(evidence)} paragraph{'s' if len(evidence) != 1 else ''} from "
             f"{len({e.source for e in evidence})} source"
             f"{'s' if len({e.source for e in evidence}) != 1 else ''}. Selection is by "
             "words, not by meaning: read each paragraph before relying on it.</p>", ""]
    if not evidence:
        return "\n".join(lines) + "\n"
    counts: dict[str, int] = {}
    for item in evidence:
        counts[item.source] = counts.get(item.source, 0) + 1
    rows = []
    for sid, count in counts.items():
        source = book.source(sid)
        assert source is not None
        url = href(page, source_page_path(sid), directory_urls=directory_urls)
        rows.append(f'<tr><td><a href="{esc(url)}">{esc(source_title(source))}</a></td>'
                    f"<td>{esc(source.date or 'undated')}</td><td>{count}</td></tr>")
    lines += ['<table class="bb-evidence-counts"><thead><tr><th>Source</th><th>Date</th>'
              "<th>Paragraphs</th></tr></thead><tbody>", *rows, "</tbody></table>", ""]
    items = []
    for item in evidence:
        source = book.source(item.source)
        assert source is not None
        url = href(page, source_page_path(item.source), source.anchor(item.paragraph),
                   directory_urls=directory_urls)
        items.append(
            f'<li><a href="{esc(url)}">{esc(item.source)}, ¶ {item.paragraph}</a> '
            f'<span class="bb-note-meta">({esc(source.label)}; matched: '
            f"{esc(', '.join(item.matched))})</span> "
            f'<q class="bb-evidence-text">{esc(excerpt(item.text, 300))}</q></li>')
    lines += ['<ol class="bb-evidence">', *items, "</ol>", ""]
    return "\n".join(lines)


def topic_for_page(topics: Sequence[Topic], path: str) -> Topic | None:
    """The topic whose page is ``path`` (a Markdown path under ``docs/``), if any."""
    return next((t for t in topics if t.path == path), None)


def append_evidence(markdown: str, path: str, book: Book, annotations: Annotations, *,
                    directory_urls: bool = True) -> str:
    """Append the evidence section to a hand-written topic page (other pages unchanged)."""
    topic = topic_for_page(book.topics, path)
    if topic is None:
        return markdown
    evidence = annotations.topic_evidence.get(topic.id, ())
    return (markdown.rstrip("\n") + "\n\n"
            + evidence_section(topic, evidence, book, page=path, directory_urls=directory_urls))


def render_topic_page(topic: Topic, evidence: Sequence[Evidence], book: Book, *,
                      directory_urls: bool = True) -> str:
    """A generated page for a topic that has no hand-written page: summary and evidence."""
    title = md_escape(topic.title, keep_citations=False)
    head = [front_matter(topic.title).rstrip("\n"), "", f"# {title}", ""]
    if topic.summary:
        head += [f"<p>{esc(topic.summary)}</p>", ""]
    head += [f"<p>A generated page: no analysis has been written for this topic yet. Its rule "
             f"selects paragraphs on {esc(', '.join(_plain_rule(topic)))}.</p>", ""]
    return "\n".join(head) + "\n" + evidence_section(topic, evidence, book, page=topic.path,
                                                     directory_urls=directory_urls)


def _plain_rule(topic: Topic) -> list[str]:
    return [*(f"“{p}”" for p in topic.phrases), *topic.keywords,
            *(f"actor {a}" for a in topic.actors)]


def topic_pages(book: Book, annotations: Annotations, settings: Settings) -> dict[str, str]:
    """Page generator: a page per topic, at its ``page`` path or ``topics/<id>.md``.

    A hand-written page at the same path takes precedence (the render stage drops the
    generated one) and gets the evidence section through :func:`append_evidence`.
    """
    return {t.path: render_topic_page(t, annotations.topic_evidence.get(t.id, ()), book,
                                      directory_urls=settings.directory_urls)
            for t in book.topics}


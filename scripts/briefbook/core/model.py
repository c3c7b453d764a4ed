"""The domain records: frozen, keyword-only dataclasses built by the load stage."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.textmeta import TextMeta

DATE_BASES = ("stated", "inferred", "unknown")


#: How an article's paragraphs are found (see :mod:`briefbook.read.shape`).
PARAGRAPH_RULES = ("blank-lines", "lines", "wrapped", "sentences")
#: What a recognised paragraph is: ``headline`` is citable; the others are boilerplate.
PARAGRAPH_ROLES = ("headline", "byline", "footer", "sign-off", "initials", "prompt",
                   "furniture")


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """One paragraph of an article, numbered from 1 over the verbatim file.

    Attributes:
        number: Position among the article's paragraphs, from 1.
        text: The paragraph as written (decoded, whitespace-trimmed, never reworded).
        line: 1-based line of the file where the paragraph starts.
        boilerplate: Site furniture ("Sign up for …"): shown greyed, not citable.
        role: What the reader recognised it as (one of :data:`PARAGRAPH_ROLES`), or ``None``
            for ordinary article text.
    """

    number: int
    text: str
    line: int
    boilerplate: bool = False
    role: str | None = None


@dataclass(frozen=True, kw_only=True)
class Source:
    """One article: metadata (curated or unknown) and its paragraphs.

    Unknown metadata is ``None``: nothing is ever guessed into these fields. ``date_basis``
    says whether ``date`` is stated by the article, inferred by an editor (``date_note`` says
    from what), or unknown.

    ``paragraph_rule`` is how the paragraphs were found (one of :data:`PARAGRAPH_RULES`):
    set in ``sources.yml`` (``paragraph_rule_set``) or detected from the text's shape
    (``detected_rule``, ``rule_reason``). ``text_meta`` is everything the text says about
    itself; ``suggested`` is the part of it used where ``sources.yml`` has no curated value
    (a key written as ``null`` there is curated as unknown and is not filled).
    """

    id: str
    file: str
    paragraphs: tuple[Paragraph, ...]
    sha256: str
    size: int
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    date_basis: str = "unknown"
    date_note: str | None = None
    url: str | None = None
    author: tuple[str, ...] = ()
    accessed: str | None = None
    notes: str | None = None
    derived_from: str | None = None
    language: str | None = None
    encoding: str | None = None
    section: str | None = None
    original: str | None = None
    curated: bool = False
    line: int | None = None
    paragraph_rule: str = "lines"
    paragraph_rule_set: bool = False
    detected_rule: str | None = None
    rule_reason: str = ""
    text_meta: TextMeta = field(default_factory=TextMeta)
    suggested: TextMeta = field(default_factory=TextMeta)

    def anchor(self, number: int) -> str:
        """The HTML id of paragraph ``number``: ``<source-id>-p<N>``."""
        return f"{self.id}-p{number}"

    def paragraph(self, number: int) -> Paragraph | None:
        """Paragraph ``number`` (from 1), or ``None`` when out of range."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None

    @property
    def shown_title(self) -> str | None:
        """The curated title, else the headline the text suggests, else ``None``."""
        return self.title or (self.suggested.headline.value if self.suggested.headline else None)

    @property
    def shown_outlet(self) -> str | None:
        """The curated outlet, else the one the text names (sign-off, footer), else ``None``."""
        return self.outlet or (self.suggested.outlet.value if self.suggested.outlet else None)

    @property
    def shown_authors(self) -> tuple[str, ...]:
        """The curated authors, else the byline's names."""
        return self.author or tuple(a.value for a in self.suggested.authors)

    @property
    def label(self) -> str:
        """A short human label: outlet and date (curated, else from the text), else unknown.

        A dateline without a year gives its month and day only (``Reuters, 10-19 (no year
        stated)``).
        """
        dateline = self.suggested.dateline
        date = self.date or (dateline.date_text if dateline else None)
        return ", ".join([self.shown_outlet or "Unknown outlet", date or "undated"])


REVIEW_DECISIONS = ("accepted", "ignored")


@dataclass(frozen=True, kw_only=True)
class ReviewDecision:
    """An editor's decision on one review item (``briefing/review.yml``).

    Attributes:
        item: The item's key as the Review page shows it (``kind:source:subject``).
        decision: ``accepted`` (looked at and agreed) or ``ignored`` (not worth acting on).
        note: Why, in the editor's words.
        line: Line of ``review.yml`` where the entry starts.
    """

    item: str
    decision: str
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True, kw_only=True)
class Book:
    """Everything loaded from ``briefing/``, plus the problems found while loading.

    ``actors``, ``events`` and ``topics`` are loaded by :mod:`briefbook.read`; they are empty
    when the YAML is.
    """

    root: str
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    topics: tuple[Topic, ...] = ()
    problems: tuple[Problem, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    review: tuple[ReviewDecision, ...] = ()

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or ``None``."""
        return self._index.get(source_id)

    @property
    def _index(self) -> dict[str, Source]:
        index = self.__dict__.get("_source_index")
        if index is None:
            index = {s.id: s for s in self.sources}
            object.__setattr__(self, "_source_index", index)
        return index


#: Ids of sources, actors and topics: lowercase letters and digits, joined by hyphens.
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOPIC_KEYS = ("id", "title", "summary", "page", "phrases", "keywords", "actors")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, kw_only=True)
class CiteItem:
    """One reference inside a citation: a source and, optionally, paragraphs of it."""

    source: str
    paragraphs: tuple[int, ...] = ()
    locator: str | None = None
    prefix: str = ""
    suffix: str = ""


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
        if not ID_RE.match(self.id):
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
        if not ID_RE.match(tid):
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


KINDS = ("person", "organization", "government", "state", "media")


@dataclass(frozen=True, kw_only=True)
class Role:
    """A role as the sources state it.

    Attributes:
        title: The title exactly as written in the cited paragraphs.
        cite: The citation text, e.g. ``[@src, ¶ 3; @other, ¶ 2]``.
        refs: The parsed citation items.
        since: Start of the time span, when the sources give one.
        until: End of the time span, when the sources give one.
        disputed: The title is contested (another source gives a different one).
        note: Why it is disputed, or any editor's note.
    """

    title: str
    cite: str = ""
    refs: tuple[CiteItem, ...] = ()
    since: str | None = None
    until: str | None = None
    disputed: bool = False
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A person or body the sources name.

    ``curated`` is ``True`` for records of ``actors.yml`` and ``False`` for speakers found only
    by quotation extraction.
    """

    id: str
    name: str
    kind: str = "person"
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    url: str | None = None
    curated: bool = True
    line: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, kw_only=True)
class Cited:
    """A cited source: the source id and the cited paragraph numbers (empty: whole source)."""

    source: str
    paragraphs: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One reported figure (killed or injured) with the citation that reports it."""

    count: int | None
    who: str
    cite: str
    cited: tuple[Cited, ...]


@dataclass(frozen=True, kw_only=True)
class EventActor:
    """An actor of an event, with its ACLED role."""

    id: str
    role: str
    line: int | None = None


@dataclass(frozen=True, kw_only=True)
class Dispute:
    """A curated disagreement between sources about an event."""

    about: str
    note: str


@dataclass(frozen=True, kw_only=True)
class Unmerge:
    """A curation record of ``events.yml`` that undoes merges of extracted events.

    Attributes:
        ids: Entry ids (``x-…``: the whole merge is undone) or sentence ids (that sentence
            stands alone), as the chronology page shows them.
        line: Line of ``events.yml`` where the record starts.
    """

    ids: tuple[str, ...]
    line: int | None = None


@dataclass(frozen=True, kw_only=True)
class Event:
    """One curated event of the chronology.

    ``date`` is ISO 8601 and as precise as the sources allow (``2018``, ``2020-01``,
    ``2019-03-04``); ``date_precision`` matches it. ``date_basis`` says where the date comes
    from: ``absolute`` (the text states it), ``relative`` (resolved against a stated article
    date), ``inferred`` (resolved against an inferred article date) or ``external``.
    """

    id: str
    date: str
    date_precision: str
    title: str
    summary: str = ""
    date_basis: str = "absolute"
    date_note: str | None = None
    end_date: str | None = None
    time_note: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    location: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actors: tuple[EventActor, ...] = ()
    fatalities: tuple[Figure, ...] = ()
    injured: tuple[Figure, ...] = ()
    sources: tuple[Cited, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    summary_cites: tuple[Cited, ...] = ()
    line: int | None = None

    @property
    def cited(self) -> tuple[Cited, ...]:
        """Everything the event cites: sources, figures and the summary's citations."""
        found = list(self.sources)
        for fig in self.fatalities + self.injured:
            found.extend(fig.cited)
        found.extend(self.summary_cites)
        return tuple(found)

"""Load and validate ``events.yml``: the curated chronology of the book.

Each record says what happened and when, as precisely as the articles support, with ACLED's
vocabulary for violence (plus statement, diplomatic, legislative and policy types), the actors
and their ACLED roles, every reported figure with its citation, and the citations that back
the event. Problems carry file, line and key, with a "did you mean" where one helps; a bad
record is dropped and the rest are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefbook.core.citekeys import CiteItem, find_citations, resolve_item
from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.fields import Field, check_fields, iso_date
from briefbook.core.model import (
    PRECISIONS,
    Book,
    Cited,
    Dispute,
    Event,
    EventActor,
    Figure,
    Source,
    Unmerge,
)
from briefbook.core.yamlio import items_of, line_of, load_yaml, not_a_list, plain

EVENTS_FILE = "events.yml"
#: ACLED event types and sub-event types, plus the book's non-violent types (any sub-type).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against "
                 "protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"),
    "Statement": (),
    "Diplomacy": (),
    "Legislation": (),
    "Policy": (),
}
#: Event types taken from ACLED (the others are the book's own).
ACLED_TYPES = frozenset(list(EVENT_TYPES)[:6])
ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
DATE_BASES = ("absolute", "relative", "inferred", "external")
DISPUTE_KINDS = ("date", "place", "figures", "actors")
_DATE_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: What each key must hold (see :mod:`briefbook.core.fields`); choices are checked below.
_FIELDS = {
    "id": Field("text"), "date": Field("date"), "date_precision": Field("text"),
    "date_basis": Field("text"), "date_note": Field("text"), "end_date": Field("date"),
    "time_note": Field("text"), "title": Field("text"), "summary": Field("text"),
    "event_type": Field("text"), "sub_event_type": Field("text"), "location": Field("text"),
    "country": Field("text"), "latitude": Field("number", low=-90, high=90),
    "longitude": Field("number", low=-180, high=180), "actors": Field("list"),
    "fatalities": Field("list"), "injured": Field("list"), "sources": Field("cites"),
    "disputed": Field("list"),
}
_KEYS = ("id", "date", "date_precision", "date_basis", "date_note", "end_date", "time_note",
         "title", "summary", "event_type", "sub_event_type", "location", "country", "latitude",
         "longitude", "actors", "fatalities", "injured", "sources", "disputed")


def parse_cites(text: str) -> tuple[list[Cited], list[str]]:
    """The citations in ``text`` as :class:`Cited`, and syntax errors as messages."""
    citations, errors = find_citations(text)
    cited = [Cited(source=i.source, paragraphs=i.paragraphs) for c in citations for i in c.items]
    return cited, [message for _, message, _ in errors]


class _Loader:
    """Validation of one file's records, collecting problems."""

    def __init__(self, display: str, sources: Iterable[Source]):
        self.display = display
        self.sources = {s.id: s for s in sources}
        self.book = Book(root="", sources=tuple(self.sources.values()))
        self.problems: list[Problem] = []

    def problem(self, node: Any, key: str | int | None, message: str, hint: str | None = None,
                level: str = "error") -> None:
        self.problems.append(Problem(file=self.display, line=line_of(node, key), message=message,
                                     hint=hint, level=level, key=str(key) if key else None))

    def cites(self, node: Any, key: str | int, value: Any, what: str) -> tuple[Cited, ...]:
        text = " ".join(map(str, value)) if isinstance(value, list) else str(value or "")
        cited, errors = parse_cites(text)
        for message in errors:
            self.problem(node, key, f"{what}: {message}", "write it as '[@source-id, ¶ 7]'")
        good = []
        for c in cited:
            bad = resolve_item(CiteItem(source=c.source, paragraphs=c.paragraphs), self.book)
            if bad:
                self.problem(node, key, f"{what}: {bad[0]}", bad[1])
            else:
                good.append(c)
        return tuple(good)

    def unmerge(self, node: Any) -> Unmerge | None:
        """An ``unmerge`` record: ids of extracted entries or sentences to keep apart."""
        value = plain(node.get("unmerge"))
        ids = [value] if isinstance(value, str) else value
        extra = [str(k) for k in node if k != "unmerge"]
        if extra:
            self.problem(node, extra[0], f"unknown key '{extra[0]}' in an unmerge record",
                         "an unmerge record holds only 'unmerge: [x-entry-id, …]'",
                         level="warning")
        if not isinstance(ids, list) or not ids or not all(
                isinstance(i, str) and _ID_RE.match(i) for i in ids):
            self.problem(node, "unmerge", "'unmerge' must list entry or sentence ids",
                         "write 'unmerge: [x-source-p3-s1]' with ids from the chronology page")
            return None
        return Unmerge(ids=tuple(ids), line=line_of(node))

    def record(self, node: Any, seen: set[str]) -> Event | None:
        if not isinstance(node, dict):
            self.problem(node, None, "an event must be a mapping with 'id', 'date' and 'title'")
            return None
        for key in node:
            if key not in _KEYS:
                self.problem(node, key, f"unknown key '{key}'",
                             did_you_mean(str(key), _KEYS) or f"known keys: {', '.join(_KEYS)}",
                             level="warning")
        data, bad = check_fields(node, {str(k): plain(v) for k, v in node.items()}, _FIELDS,
                                 file=self.display, what=f"event '{node.get('id')}'")
        self.problems.extend(bad)
        event_id = str(data.get("id") or "")
        if not _ID_RE.match(event_id):
            self.problem(node, "id", f"event id '{event_id}' must match [a-z0-9-]+",
                         "use lowercase words joined by hyphens")
            return None
        if event_id in seen:
            self.problem(node, "id", f"duplicate event id '{event_id}'", "ids must be unique")
            return None
        seen.add(event_id)
        date = str(data.get("date") or "")
        if "date" in bad_keys(bad):
            return None  # reported: not a real date
        if not _DATE_RE.match(date) or not iso_date(date):
            self.problem(node, "date", f"event '{event_id}': date '{date}' is not ISO 8601",
                         "write YYYY, YYYY-MM or YYYY-MM-DD")
            return None
        implied = PRECISIONS[2 - date.count("-")]
        precision = str(data.get("date_precision") or implied)
        if precision not in PRECISIONS:
            self.problem(node, "date_precision", f"event '{event_id}': unknown date_precision "
                         f"'{precision}'", did_you_mean(precision, PRECISIONS))
            precision = implied
        elif precision != implied:
            self.problem(node, "date_precision", f"event '{event_id}': date '{date}' has "
                         f"{implied} precision, not '{precision}'",
                         f"write date_precision: {implied}, or change the date")
            precision = implied
        basis = str(data.get("date_basis") or "absolute")
        if basis not in DATE_BASES:
            self.problem(node, "date_basis", f"event '{event_id}': unknown date_basis '{basis}'",
                         did_you_mean(basis, DATE_BASES) or f"one of {', '.join(DATE_BASES)}")
            basis = "absolute"
        end = data.get("end_date")
        if end is not None and (not iso_date(end) or str(end) < date):
            self.problem(node, "end_date", f"event '{event_id}': end_date '{end}' is not an ISO "
                         "date on or after 'date'", "write YYYY-MM-DD, or remove it")
            end = None
        title = str(data.get("title") or "").strip()
        if not title:
            self.problem(node, "title", f"event '{event_id}' has no title", "add 'title:'")
            return None
        return Event(
            id=event_id, date=date, date_precision=precision, title=title,
            summary=str(data.get("summary") or "").strip(), date_basis=basis,
            date_note=_opt(data.get("date_note")), end_date=_opt(end),
            time_note=_opt(data.get("time_note")),
            **self.types(node, event_id, data),
            location=_opt(data.get("location")), country=_opt(data.get("country")),
            **self.coordinates(node, event_id, data),
            actors=self.actors(node, event_id, data.get("actors")),
            fatalities=self.figures(node, event_id, "fatalities", data.get("fatalities")),
            injured=self.figures(node, event_id, "injured", data.get("injured")),
            sources=self.sources_of(node, event_id, data),
            disputed=self.disputes(node, event_id, data.get("disputed")),
            summary_cites=tuple(parse_cites(str(data.get("summary") or ""))[0]),
            line=line_of(node))

    def sources_of(self, node: Any, event_id: str, data: dict[str, Any]) -> tuple[Cited, ...]:
        if "summary" in data:
            self.cites(node, "summary", data["summary"], f"event '{event_id}' summary")
        cited = self.cites(node, "sources", data.get("sources"), f"event '{event_id}' sources")
        if not cited:
            self.problem(node, "sources", f"event '{event_id}' cites no source",
                         "add sources: ['[@source-id, ¶ N]']", level="warning")
        return cited

    def types(self, node: Any, event_id: str, data: dict[str, Any]) -> dict[str, str | None]:
        kind, sub = _opt(data.get("event_type")), _opt(data.get("sub_event_type"))
        if kind is not None and kind not in EVENT_TYPES:
            self.problem(node, "event_type", f"event '{event_id}': unknown event_type '{kind}'",
                         did_you_mean(kind, EVENT_TYPES) or "one of " + ", ".join(EVENT_TYPES))
            kind = sub = None
        elif kind is not None and sub is not None and EVENT_TYPES[kind] \
                and sub not in EVENT_TYPES[kind]:
            self.problem(node, "sub_event_type", f"event '{event_id}': '{sub}' is not a "
                         f"sub-event type of '{kind}'",
                         did_you_mean(sub, EVENT_TYPES[kind]) or
                         "one of " + ", ".join(EVENT_TYPES[kind]))
            sub = None
        return {"event_type": kind, "sub_event_type": sub}

    def coordinates(self, node: Any, event_id: str, data: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, float | None] = {}
        for key, limit in (("latitude", 90), ("longitude", 180)):
            value = data.get(key)
            if value is not None and (not isinstance(value, (int, float)) or abs(value) > limit):
                self.problem(node, key, f"event '{event_id}': {key} '{value}' is not a number "
                             f"from -{limit} to {limit}", "write decimal degrees")
                value = None
            result[key] = float(value) if value is not None else None
        return result

    def actors(self, node: Any, event_id: str, value: Any) -> tuple[EventActor, ...]:
        result = []
        entries = node.get("actors") if isinstance(value, list) else []
        for index, entry in enumerate(entries or []):
            where = entries
            if not isinstance(entry, dict) or "id" not in entry:
                self.problem(where, index, f"event '{event_id}': an actor needs 'id' and 'role'",
                             "write {id: actor-id, role: actor1}")
                continue
            actor_id, role = str(entry["id"]), str(entry.get("role") or "actor1")
            if role not in ROLES:
                self.problem(where, index, f"event '{event_id}': unknown actor role '{role}'",
                             did_you_mean(role, ROLES) or "one of " + ", ".join(ROLES))
                continue
            result.append(EventActor(id=actor_id, role=role, line=line_of(where, index)))
        return tuple(result)

    def figures(self, node: Any, event_id: str, key: str, value: Any) -> tuple[Figure, ...]:
        result = []
        entries = node.get(key) if isinstance(value, list) else []
        for index, entry in enumerate(entries or []):
            data = plain(entry) if isinstance(entry, dict) else None
            if not data or "cite" not in data:
                self.problem(entries, index, f"event '{event_id}': every {key} figure needs "
                             "'count', 'who' and 'cite'", "write {count: 1, who: ..., cite: "
                             "'[@source-id, ¶ N]'}")
                continue
            count = data.get("count")
            if count is not None and (not isinstance(count, int) or count < 0):
                self.problem(entries, index, f"event '{event_id}': {key} count '{count}' is "
                             "not a whole number", "write a number, or null when not given")
                count = None
            cited = self.cites(entries, index, data["cite"], f"event '{event_id}' {key}")
            if cited:
                result.append(Figure(count=count, who=str(data.get("who") or ""),
                                     cite=str(data["cite"]), cited=cited))
        return tuple(result)

    def disputes(self, node: Any, event_id: str, value: Any) -> tuple[Dispute, ...]:
        result = []
        for index, entry in enumerate(value or []):
            about = str((entry or {}).get("about") or "") if isinstance(entry, dict) else ""
            if about not in DISPUTE_KINDS or not entry.get("note"):
                self.problem(node.get("disputed"), index, f"event '{event_id}': a dispute needs "
                             f"'about' ({', '.join(DISPUTE_KINDS)}) and 'note'",
                             did_you_mean(about, DISPUTE_KINDS))
                continue
            self.cites(node.get("disputed"), index, entry["note"], f"event '{event_id}' dispute")
            result.append(Dispute(about=about, note=str(entry["note"]).strip()))
        return tuple(result)


def bad_keys(problems: list[Problem]) -> set[str]:
    """The keys the problems are about."""
    return {p.key for p in problems if p.key}


def _opt(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def load_events(root: Path, sources: Iterable[Source],
                ) -> tuple[tuple[Event | Unmerge, ...], list[Problem]]:
    """Read ``events.yml`` of the book in ``root``.

    Args:
        root: The ``briefing/`` folder.
        sources: The book's sources (citations are checked against them).

    Returns:
        The valid events sorted by date, then the ``unmerge`` records in file order, and the
        problems found (a missing file is none).
    """
    data, problems = load_yaml(root / EVENTS_FILE, EVENTS_FILE)
    loader = _Loader(EVENTS_FILE, sources)
    seen: set[str] = set()
    events = []
    unmerges = []
    for _, node in items_of(data, "events"):
        if isinstance(node, dict) and "unmerge" in node:
            unmerge = loader.unmerge(node)
            if unmerge is not None:
                unmerges.append(unmerge)
            continue
        event = loader.record(node, seen)
        if event is not None:
            events.append(event)
    wrong = not_a_list(data, "events", EVENTS_FILE, "id")
    if wrong is not None:
        problems.append(wrong)
    events.sort(key=lambda e: (e.date, e.id))
    return (*events, *unmerges), problems + loader.problems


def check_event_actors(book: Book) -> Book:
    """Report event actors that are not in ``book.actors`` (skipped when there are none).

    Returns the book with the problems added and the unknown actors removed from events.
    """
    known = {str(getattr(a, "id", "")) for a in book.actors}
    if not known:
        return book
    problems = list(book.problems)
    events = []
    for event in book.events:
        if not isinstance(event, Event):
            events.append(event)
            continue
        kept = []
        for actor in event.actors:
            if actor.id in known:
                kept.append(actor)
                continue
            problems.append(Problem(
                file=EVENTS_FILE, line=actor.line or event.line, key="actors", level="error",
                message=f"event '{event.id}': unknown actor '{actor.id}'",
                hint=did_you_mean(actor.id, known) or "add the actor to actors.yml"))
        events.append(replace(event, actors=tuple(kept)))
    return replace(book, events=tuple(events), problems=tuple(problems))

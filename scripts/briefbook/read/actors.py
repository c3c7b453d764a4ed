"""Who is who: load and validate ``briefing/actors.yml`` into frozen :class:`Actor` records.

The file is a list of mappings (or a mapping with an ``actors`` list)::

    - id: jane-doe
      name: Jane Doe
      kind: person
      affiliation: ministry-of-examples
      aliases: [Doe, "J. Doe"]
      roles:
        - title: Ministry spokeswoman
          cite: "[@some-source, ¶ 3]"
          since: 2020-01
      description: Spokeswoman since 2020 [@some-source, ¶ 3].

Every problem is reported with file, line and key, and a "did you mean" where one helps. A bad
record is dropped; the rest of the file is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefbook.core.citekeys import CiteItem, find_citations, resolve_item
from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.fields import Field, check_fields
from briefbook.core.model import ID_RE, KINDS, Actor, Book, Role, Source
from briefbook.core.names import key as match_key
from briefbook.core.yamlio import items_of, line_of, load_yaml, not_a_list, plain

ACTORS_FILE = "actors.yml"
_ACTOR_KEYS = ("id", "name", "kind", "roles", "affiliation", "aliases", "description", "url")
_ROLE_KEYS = ("title", "cite", "since", "until", "disputed", "note")
#: What each key must hold (see :mod:`briefbook.core.fields`).
_ACTOR_FIELDS = {
    "id": Field("text"), "name": Field("text"), "kind": Field("text"), "roles": Field("list"),
    "affiliation": Field("id"), "aliases": Field("texts"), "description": Field("text"),
    "url": Field("text"),
}
_ROLE_FIELDS = {
    "title": Field("text"), "cite": Field("text"), "since": Field("date"),
    "until": Field("date"), "disputed": Field("bool"), "note": Field("text"),
}


def _problem(line: int | None, message: str, hint: str | None = None, key: str | None = None,
             level: str = "error") -> Problem:
    return Problem(file=ACTORS_FILE, line=line, message=message, hint=hint, key=key,
                   level=level)


def _refs(cite: str, book: Book, line: int | None, actor_id: str,
          problems: list[Problem]) -> tuple[CiteItem, ...]:
    citations, errors = find_citations(cite)
    for _, message, hint in errors:
        problems.append(_problem(line, f"actor '{actor_id}': {message}", hint, "cite"))
    items = tuple(item for c in citations for item in c.items)
    if cite.strip() and not items and not errors:
        problems.append(_problem(line, f"actor '{actor_id}': no citation in '{cite}'",
                                 "write it as '[@source-id, ¶ 7]'", "cite"))
    for item in items:
        bad = resolve_item(item, book)
        if bad:
            problems.append(_problem(line, f"actor '{actor_id}': {bad[0]}", bad[1], "cite"))
    return items


def _role(raw: Any, node: Any, book: Book, actor_id: str,
          problems: list[Problem]) -> Role | None:
    line = line_of(node)
    if isinstance(raw, str):
        return Role(title=raw)
    if isinstance(raw, dict):
        raw, bad = check_fields(node, raw, _ROLE_FIELDS, file=ACTORS_FILE,
                                what=f"actor '{actor_id}' role")
        problems.extend(bad)
    if not isinstance(raw, dict) or not str(raw.get("title") or "").strip():
        problems.append(_problem(line, f"actor '{actor_id}': a role needs a 'title'",
                                 "write '- title: …' with 'cite: \"[@source, ¶ N]\"'", "roles"))
        return None
    for key in raw:
        if key not in _ROLE_KEYS:
            problems.append(_problem(line_of(node, key), f"actor '{actor_id}': unknown role key "
                                     f"'{key}'", did_you_mean(key, _ROLE_KEYS), key,
                                     level="warning"))
    cite = str(raw.get("cite") or "")
    return Role(title=str(raw["title"]).strip(), cite=cite,
                refs=_refs(cite, book, line_of(node, "cite"), actor_id, problems),
                since=str(raw["since"]) if raw.get("since") else None,
                until=str(raw["until"]) if raw.get("until") else None,
                disputed=bool(raw.get("disputed")), note=raw.get("note"))


def _actor(node: Any, book: Book, problems: list[Problem]) -> Actor | None:
    line = line_of(node)
    if not isinstance(node, dict):
        problems.append(_problem(line, "an actor must be a mapping with 'id', 'name', 'kind'"))
        return None
    raw, bad = check_fields(node, plain(node), _ACTOR_FIELDS, file=ACTORS_FILE,
                            what=f"actor '{node.get('id')}'")
    problems.extend(bad)
    actor_id = str(raw.get("id") or "")
    if not ID_RE.match(actor_id):
        problems.append(_problem(line_of(node, "id"), f"invalid actor id '{actor_id}'",
                                 "use lowercase letters, digits and hyphens, e.g. 'jane-doe'",
                                 "id"))
        return None
    for key in raw:
        if key not in _ACTOR_KEYS:
            problems.append(_problem(line_of(node, key), f"actor '{actor_id}': unknown key "
                                     f"'{key}'", did_you_mean(key, _ACTOR_KEYS), key,
                                     level="warning"))
    name = str(raw.get("name") or "").strip()
    if not name:
        problems.append(_problem(line, f"actor '{actor_id}' has no 'name'", key="name"))
        return None
    kind = str(raw.get("kind") or "person")
    if kind not in KINDS:
        problems.append(_problem(line_of(node, "kind"), f"actor '{actor_id}': unknown kind "
                                 f"'{kind}'", did_you_mean(kind, KINDS) or
                                 f"use one of {', '.join(KINDS)}", "kind"))
        kind = "person"
    roles_node = node.get("roles") if "roles" in raw else []
    roles = []
    for index, role_raw in enumerate(raw.get("roles") or []):
        role_node = roles_node[index] if index < len(roles_node) else roles_node
        role = _role(role_raw, role_node, book, actor_id, problems)
        if role:
            roles.append(role)
    aliases = raw.get("aliases") or []
    description = raw.get("description")
    if description:
        _refs_in_text(str(description), book, line_of(node, "description"), actor_id, problems)
    return Actor(id=actor_id, name=name, kind=kind, roles=tuple(roles),
                 affiliation=raw.get("affiliation") or None,
                 aliases=tuple(str(a).strip() for a in aliases if str(a).strip()),
                 description=str(description) if description else None,
                 url=raw.get("url") or None, line=line)


def _refs_in_text(text: str, book: Book, line: int | None, actor_id: str,
                  problems: list[Problem]) -> None:
    citations, _ = find_citations(text)
    for item in (i for c in citations for i in c.items):
        bad = resolve_item(item, book)
        if bad:
            problems.append(_problem(line, f"actor '{actor_id}' description: {bad[0]}", bad[1],
                                     "description"))


def _cross_checks(actors: list[Actor], problems: list[Problem]) -> list[Actor]:
    kept: list[Actor] = []
    seen: dict[str, Actor] = {}
    for actor in actors:
        if actor.id in seen:
            problems.append(_problem(actor.line, f"duplicate actor id '{actor.id}' (first at "
                                     f"line {seen[actor.id].line})",
                                     "give each actor a unique id", "id"))
            continue
        seen[actor.id] = actor
        kept.append(actor)
    claimed: dict[str, str] = {}
    for actor in kept:
        for spelling in actor.names:
            owner = claimed.setdefault(match_key(spelling), actor.id)
            if owner != actor.id:
                problems.append(_problem(actor.line, f"alias '{spelling}' of '{actor.id}' is "
                                         f"also a name or alias of '{owner}'",
                                         "an alias must point at one actor; remove it from "
                                         "one of them", "aliases"))
    ids = [a.id for a in kept]
    for actor in kept:
        if actor.affiliation and actor.affiliation not in seen:
            problems.append(_problem(actor.line, f"actor '{actor.id}': unknown affiliation "
                                     f"'{actor.affiliation}'",
                                     did_you_mean(actor.affiliation, ids) or
                                     "add that actor, or remove the affiliation",
                                     "affiliation"))
    return kept


def parse_actors(data: Any, sources: Sequence[Source],
                 root: str = "") -> tuple[tuple[Actor, ...], list[Problem]]:
    """Validate loaded YAML data into actors (pure; ``data`` keeps ruamel line numbers)."""
    book = Book(root=root, sources=tuple(sources))
    problems: list[Problem] = []
    wrong = not_a_list(data, "actors", ACTORS_FILE, "id")
    if wrong is not None:
        return (), [wrong]
    actors = [a for _, node in items_of(data, "actors")
              if (a := _actor(node, book, problems)) is not None]
    return tuple(_cross_checks(actors, problems)), problems


def load_actors(root: Path, sources: Sequence[Source]) -> tuple[tuple[Actor, ...], list[Problem]]:
    """Load ``root/actors.yml`` (missing or empty: no actors, no problem)."""
    data, problems = load_yaml(root / ACTORS_FILE, ACTORS_FILE)
    if data is None:
        return (), problems
    actors, more = parse_actors(data, sources, str(root))
    return actors, problems + more

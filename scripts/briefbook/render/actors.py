"""Render the actors index and one profile per actor as Markdown strings (pure, no I/O).

A profile's heading carries the actor id as its anchor (``# Jane Doe {#jane-doe}``), so
``[Jane Doe][jane-doe]`` in any page resolves to it through mkdocs-autorefs, and an unknown id
fails a strict build. A hand-written heading whose id is also an actor id ("### Iraq") makes
the reference ambiguous: autorefs then warns "Multiple primary URLs" and the strict build
fails until the heading gets another id (``### Iraq {#iraq-context}``).

Curated statements (roles, affiliation, description) come from ``actors.yml`` with their
citations; extracted ones (quotations, mentions, spellings) link to their paragraphs. Text
from articles and YAML is HTML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.core.citekeys import masked_ranges
from briefbook.core.errors import Problem, did_you_mean
from briefbook.core.model import KINDS, Actor, Book, Role
from briefbook.core.text import fold
from briefbook.render.eventpages import CHRONOLOGY_PAGE, event_pages
from briefbook.render.markup import front_matter, md_code, md_escape, safe_url, to_json
from briefbook.render.sources import source_page_path

ACTORS_INDEX = "actors/index.md"
_KIND_LABELS = {"person": "People", "organization": "Organizations", "government":
                "Government bodies", "state": "States", "media": "Media"}
_KIND_SINGULAR = {"person": "Person", "organization": "Organization", "government":
                  "Government body", "state": "State", "media": "Media"}


def actor_page_path(actor_id: str) -> str:
    """The Markdown path of an actor's profile: ``actors/<id>.md``."""
    return f"actors/{actor_id}.md"


def text(value: object) -> str:
    """Escape text for Markdown: inert HTML, link syntax and citations (article text, names)."""
    return md_escape(value)


def curated(value: object) -> str:
    """Escape an editor's curated text for Markdown; its citations keep working."""
    return md_escape(value, keep_citations=True)


def cite(source: str, paragraphs: Sequence[int] = ()) -> str:
    """A Pandoc citation of a source (and paragraphs)."""
    if not paragraphs:
        return f"[@{source}]"
    if len(paragraphs) == 1:
        return f"[@{source}, ¶ {paragraphs[0]}]"
    return f"[@{source}, ¶¶ {', '.join(map(str, paragraphs))}]"


def _role_cite(role: Role) -> str:
    if not role.refs:
        return ""
    items = "; ".join(f"@{r.source}" + (f", ¶ {', '.join(map(str, r.paragraphs))}"
                                           if r.paragraphs else "") for r in role.refs)
    return f" [{items}]"


def _span(role: Role) -> str:
    if role.since or role.until:
        return f" ({text(role.since or '…')} – {text(role.until or '…')})"
    return ""


def _link(actor_id: str, actors: dict[str, Actor], from_page: str) -> str:
    actor = actors.get(actor_id)
    name = text(actor.name) if actor else text(actor_id)
    target = actor_page_path(actor_id)
    rel = target.split("/", 1)[1] if from_page.startswith("actors/") else target
    return f"[{name}]({rel})"


def _badge(curated: bool) -> str:
    label = "curated" if curated else "extracted"
    return f'<span class="bb-badge bb-{label}">{label}</span>'


def render_profile(actor: Actor, annotations: Annotations) -> str:
    """The Markdown of one actor's profile."""
    book = annotations.book
    actors = annotations.actors_by_id
    page = actor_page_path(actor.id)
    mentions = list(annotations.mentions_by_actor.get(actor.id, ()))
    quotes = list(annotations.quotes_by_speaker.get(actor.id, ()))
    out = [front_matter(actor.name), f"# {text(actor.name)} {{#{actor.id}}}\n\n"]
    kind = _KIND_SINGULAR.get(actor.kind, actor.kind)
    out.append(f"{_badge(actor.curated)} **{text(kind)}**")
    if actor.affiliation:
        out.append(f" · affiliation: {_link(actor.affiliation, actors, page)}")
    if url := safe_url(actor.url):
        out.append(f" · [external reference]({url})")
    out.append("\n\n")
    if not actor.curated:
        out.append('!!! note "Extracted"\n    Found by extraction, not curated: add this actor to '
                   "`actors.yml` to curate name, kind and roles.\n\n")
    if actor.description:
        out.append(f"{curated(actor.description)}\n\n")
    if actor.roles:
        source_of = "curated" if actor.curated else "extracted"
        out.append(f"## Roles\n\nAs the sources state them ({source_of}).\n\n")
        for role in actor.roles:
            line = f"- {text(role.title)}{_span(role)}{_role_cite(role)}"
            if role.disputed:
                line = (f"- <del>{text(role.title)}</del> **disputed**{_span(role)}"
                        f"{_role_cite(role)}" + (f": {curated(role.note)}" if role.note else ""))
            elif role.note:
                line += f" — {curated(role.note)}"
            out.append(line + "\n")
        out.append("\n")
    related = getattr(annotations, "events_by_actor", {}).get(actor.id, [])
    if related:
        out.append("## Related events\n\n")
        pages = _event_pages(annotations)
        for event in related:
            page = pages.get(event.id, CHRONOLOGY_PAGE)
            out.append(f"- {text(event.date)}: [{text(event.title)}]"
                       f"(../{page}#event-{event.id})\n")
        out.append("\n")
    own = [q for q in quotes if not annotations.is_copied(q)]
    copied = [q for q in quotes if annotations.is_copied(q) and q.kind == "statement"]
    statements = [q for q in own if q.kind == "statement"]
    phrases = [q for q in own if q.kind == "phrase"]
    if statements or phrases:
        found = _count(len(statements), 'statement') + (
            f" and {_count(len(phrases), 'phrase')}" if phrases else "")
        out.append(f"## Quotations\n\n{found} found in the articles "
                   "(extracted; the speaker as the article writes it in brackets, then the cue "
                   "that decided the speaker).\n\n")
        for q in statements + phrases:
            label = "" if q.kind == "statement" else "*phrase* "
            out.append(f"- {label}<q>{text(q.text)}</q>{_written(q)} "
                       f"{cite(q.source, [q.paragraph])}\n")
        out.append("\n")
    if copied:
        out.append(f"## Quoted in a copy\n\n{_count(len(copied), 'quotation')} read in a "
                   "source that copies another article. A copy may reword what it copies "
                   "(machine-changed wording), so these are not counted as this speaker's "
                   "statements; each is marked *copied verbatim* when its words are the "
                   "original's, *as reworded in a copy* when they differ or no original "
                   "quotation aligns with it, and given with the original's wording where the "
                   "copy aligns to it.\n\n")
        for q in copied:
            found = annotations.copied[(q.source, q.paragraph, q.start)]
            aligned = found.original and found.original_paragraph
            original = (f" — original: <q>{text(found.original)}</q> "
                        f"{cite(found.original_source, [found.original_paragraph])}"
                        if aligned else f" — copy of [@{found.original_source}]")
            same = aligned and fold(found.original or "").strip(" ,.") == fold(q.text).strip(
                " ,.")
            label = "copied verbatim" if same else "as reworded in a copy"
            out.append(f"- *{label}:* <q>{text(q.text)}</q> "
                       f"{cite(q.source, [q.paragraph])}{original}\n")
        out.append("\n")
    out.append(_mentions_section(mentions, book, page))
    return "".join(out)


def _written(quote: Any) -> str:
    """`` (as written; cue: …)`` after a quotation on a profile."""
    parts = [text(quote.speaker_as_written)] if quote.speaker_as_written else []
    parts.append(f"cue: {md_code(quote.cue)}")
    return f" ({'; '.join(parts)})"


def _mentions_section(mentions: Sequence[Any], book: Book, page: str) -> str:
    if not mentions:
        return "## Mentions\n\nNo mention found in the articles.\n"
    by_source: dict[str, list[Any]] = {}
    for m in mentions:
        by_source.setdefault(m.source, []).append(m)
    out = [f"## Mentions\n\n{_count(len(mentions), 'mention')} in "
           f"{_count(len(by_source), 'source')} (extracted).\n\n"]
    for source_id, found in by_source.items():  # mentions come in reading (book) order
        source = book.source(source_id)
        if source is None:
            continue
        target = "../" + source_page_path(source.id)
        numbers = sorted({m.paragraph for m in found})
        links = ", ".join(f"[¶ {n}]({target}#{source.anchor(n)})" for n in numbers)
        spellings = sorted({m.text for m in found})
        spelled = ", ".join(f"“{text(s)}”" for s in spellings)
        out.append(f"- [{text(source.id)}]({target}): {links} — spelled {spelled}\n")
    return "".join(out)


def _event_pages(annotations: Annotations) -> dict[str, str]:
    """:func:`~briefbook.render.chronology_entry.event_pages` once per analysis."""
    memo = annotations.__dict__.setdefault("_render_memo", {})
    if "event_pages" not in memo:
        memo["event_pages"] = event_pages(annotations.chronology.entries)
    return memo["event_pages"]  # type: ignore[no-any-return]


def render_index(annotations: Annotations) -> str:
    """The actors index, grouped by kind and affiliation, with counts."""
    actors = annotations.actors
    table = {a.id: a for a in actors}
    mention_count: dict[str, int] = {}
    quote_count: dict[str, int] = {}
    for m in annotations.mentions:
        mention_count[m.actor] = mention_count.get(m.actor, 0) + 1
    for q in annotations.quotes:
        if q.speaker and q.kind == "statement" and not annotations.is_copied(q):
            quote_count[q.speaker] = quote_count.get(q.speaker, 0) + 1
    curated = sum(1 for a in actors if a.curated)
    speakers = {q.speaker for q in annotations.quotes if q.speaker}
    extracted = [a for a in actors if not a.curated]
    quoted = sum(1 for a in extracted if a.id in speakers)
    out = [front_matter("Actors"), "# Actors\n\n",
           f"{len(actors)} actors: {curated} curated in `actors.yml`, {len(extracted)} found by "
           f"extraction only ({quoted} of them quoted, {len(extracted) - quoted} only "
           "named).\n\n"]
    for kind in (*KINDS, *sorted({a.kind for a in actors} - set(KINDS))):
        members = [a for a in actors if a.kind == kind]
        if not members:
            continue
        out.append(f"## {_KIND_LABELS.get(kind, kind)} ({len(members)}) {{#group-{kind}}}\n\n")
        groups: dict[str, list[Actor]] = {}
        for a in members:
            groups.setdefault(a.affiliation or "", []).append(a)
        for affiliation in sorted(groups, key=lambda x: (x == "", _name(x, table))):
            group = sorted(groups[affiliation], key=lambda a: a.name.casefold())
            head = (_link(affiliation, table, ACTORS_INDEX) if affiliation else "No affiliation")
            out.append(f"**{head}** ({len(group)})\n\n")
            for a in group:
                extra = [_count(mention_count.get(a.id, 0), "mention")]
                if quote_count.get(a.id):
                    extra.append(_count(quote_count[a.id], "quotation"))
                badge = "" if a.curated else " *extracted*"
                out.append(f"- {_link(a.id, table, ACTORS_INDEX)}{badge} — {', '.join(extra)}\n")
            out.append("\n")
    return "".join(out)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _name(actor_id: str, table: dict[str, Actor]) -> str:
    actor = table.get(actor_id)
    return (actor.name if actor else actor_id).casefold()


def actor_pages(book: Book, annotations: Annotations, settings: Any) -> dict[str, str]:
    """Page generator: the actors index and every profile."""
    pages = {ACTORS_INDEX: render_index(annotations)}
    for actor in annotations.actors:
        pages[actor_page_path(actor.id)] = render_profile(actor, annotations)
    return pages


def actors_json(annotations: Annotations) -> list[dict[str, Any]]:
    """``data/actors.json``: every actor, curated or extracted, with mentions and quotes."""
    records = []
    for actor in annotations.actors:
        order = annotations.source_order
        mentions = sorted({(m.source, m.paragraph)
                           for m in annotations.mentions_by_actor.get(actor.id, ())},
                          key=lambda sp: (order.get(sp[0], len(order)), sp[1]))
        quotes = [q for q in annotations.quotes_by_speaker.get(actor.id, ())
                  if not annotations.is_copied(q)]
        records.append({
            "id": actor.id, "name": actor.name, "kind": actor.kind,
            "roles": [{"title": r.title, "since": r.since, "until": r.until,
                       "disputed": r.disputed, "note": r.note,
                       "sources": [{"source": ref.source, "paragraphs": list(ref.paragraphs)}
                                   for ref in r.refs]} for r in actor.roles],
            "affiliation": actor.affiliation, "aliases": list(actor.aliases),
            "url": actor.url, "curated": actor.curated,
            "mentions": [{"source": s, "paragraph": p} for s, p in mentions],
            "quotes": [{"text": q.text, "kind": q.kind, "source": q.source,
                        "paragraph": q.paragraph, "cue": q.cue} for q in quotes],
        })
    return records


def quotes_json(annotations: Annotations) -> list[dict[str, Any]]:
    """``data/quotes.json``: every quotation read in the articles, with its speaker.

    Fields: ``text``, ``kind`` (``statement``: four words or more; ``phrase``: shorter, such
    as a reported word), ``speaker`` (actor id or null), ``speaker_name`` (the actor's name),
    ``speaker_as_written``, ``cue`` (the pattern that decided the speaker), ``anonymous`` (the
    description of an unnamed speaker), ``derived`` (read in a copy of another source),
    ``original`` (the original's wording, when the alignment holds it), ``source``,
    ``paragraph``.
    """
    records = []
    for q in annotations.quotes:
        actor = annotations.actors_by_id.get(q.speaker) if q.speaker else None
        copied = annotations.copied.get((q.source, q.paragraph, q.start))
        records.append({
            "text": q.text, "kind": q.kind, "speaker": q.speaker,
            "speaker_name": actor.name if actor else None,
            "speaker_as_written": q.speaker_as_written, "cue": q.cue, "anonymous": q.anonymous,
            "derived": copied is not None, "original": copied.original if copied else None,
            "source": q.source, "paragraph": q.paragraph})
    return records


def _order(book: Book, source_id: str) -> int:
    ids = [s.id for s in book.sources]
    return ids.index(source_id) if source_id in ids else len(ids)


def actor_data(book: Book, built: Any) -> dict[str, bytes]:
    """Data generator: ``actors.json`` and ``quotes.json``."""
    return {"actors.json": to_json(actors_json(built.annotations)),
            "quotes.json": to_json(quotes_json(built.annotations))}


_REF_RE = re.compile(r"(?<![\\!])\[(?P<label>[^\]\n]*)\]\[(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\]")


def referenced_actor_ids(markdown: str) -> frozenset[str]:
    """Every id a ``[Name][id]`` reference of the text names (inside code too: a superset).

    What :func:`actor_ref_problems` reports depends on the book's actors only through these:
    with all of them actors, nothing else about the actors matters.
    """
    if "][" not in markdown:
        return frozenset()
    return frozenset(m.group("id") for m in _REF_RE.finditer(markdown))


def actor_ref_problems(markdown: str, page: str, actor_ids: Collection[str], *,
                       masked: Sequence[tuple[int, int]] | None = None) -> list[Problem]:
    """``[Name][id]`` references whose id is not an actor but close to one, with their line.

    mkdocs-autorefs fails a strict build on any unresolved reference, naming the page; this
    adds the line and a "did you mean" for the references that were meant for a profile.
    References inside code are ignored. ``actor_ids`` is best a set: the build reads
    thousands of pages against the same ids.
    """
    known = actor_ids if isinstance(actor_ids, AbstractSet) else set(actor_ids)
    masked = masked if masked is not None else masked_ranges(markdown)
    problems = []
    for m in _REF_RE.finditer(markdown):
        ident = m.group("id")
        if ident in known or any(a <= m.start() < b for a, b in masked):
            continue
        if re.search(rf"^\s*\[{re.escape(ident)}\]:", markdown, re.MULTILINE):
            continue
        hint = did_you_mean(ident, known, cutoff=0.8)
        if hint:
            problems.append(Problem(file=page, line=markdown.count("\n", 0, m.start()) + 1,
                                    message=f"unknown actor reference '{m.group()}'",
                                    hint=hint, key=ident))
    return problems

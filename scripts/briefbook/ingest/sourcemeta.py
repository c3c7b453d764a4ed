"""``briefbook sources set`` and ``sources show``: a source's metadata, edited safely.

``set`` changes keys of one entry of ``sources.yml`` with ruamel.yaml's round trip (the
editor's comments, order and quoting are kept) and writes the file atomically, after the same
validation as the loader (:func:`briefbook.read.sources.check_entry`, with its "did you mean"
hints): nothing is written when a value is wrong. The read, the change and the write happen
under the book's lock. It never touches the verbatim article: ``id`` and ``file`` cannot be set
(a corrected article is a new source). A file in ``sources/`` that ``sources.yml`` does not
list gets an entry.

Assignments are ``key=value``. ``key=null`` records the value as unknown (and so stops the
text's suggestion for it); ``key=`` removes the key (the text's suggestion applies again);
``author=`` may repeat, one name each.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from briefbook.analyse.source_dates import propose_source_date
from briefbook.core.errors import DataError, Problem, did_you_mean
from briefbook.core.lock import book_lock
from briefbook.core.model import Source
from briefbook.core.yamlio import atomic_write, items_of, line_of, load_yaml, plain
from briefbook.ingest.references import (
    keep_trailer,
    plain_value,
    round_trip_yaml,
    set_key,
    yaml_value,
)
from briefbook.read.sources import SOURCE_KEYS, check_entry, source_id_for

#: Keys ``sources set`` may change.
SETTABLE = tuple(k for k in SOURCE_KEYS if k not in ("id", "file", "suggested"))
_REMOVE = object()


@dataclass(kw_only=True)
class SetResult:
    """What ``sources set`` did: ``changes`` as ``(key, old, new)`` and the problems."""

    source_id: str
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    created: bool = False


def parse_assignments(pairs: Sequence[str]) -> dict[str, Any]:
    """``key=value`` arguments as a mapping (``null`` → ``None``; empty → remove the key).

    Raises:
        DataError: an argument has no ``=``, names an unknown key (with a "did you mean") or
            a key that cannot be set.
    """
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        key = key.strip()
        if not sep:
            raise DataError(Problem(file=pair, level="error", message="expected key=value",
                                    hint=f"e.g. 'title=Senate backs farm aid'; keys: "
                                         f"{', '.join(SETTABLE)}"))
        if key in ("id", "file"):
            raise DataError(Problem(
                file=pair, level="error", key=key,
                message=f"'{key}' names the verbatim article and cannot be changed",
                hint="a corrected or renamed article is a new source: add it with "
                     "'briefbook add'"))
        if key not in SETTABLE:
            raise DataError(Problem(file=pair, level="error", key=key,
                                    message=f"unknown key '{key}'",
                                    hint=did_you_mean(key, SETTABLE)
                                    or f"keys: {', '.join(SETTABLE)}"))
        value: Any = raw.strip()
        value = None if value == "null" else (_REMOVE if value == "" else value)
        if key == "author" and value not in (None, _REMOVE):
            previous = values.get("author")
            value = [*previous, value] if isinstance(previous, list) else [value]
        values[key] = value
    return values


def set_source(briefing: Path, source_id: str, values: dict[str, Any], *,
               dry_run: bool = False) -> SetResult:
    """Set keys of source ``source_id`` in ``briefing/sources.yml``.

    Args:
        briefing: The book's content folder.
        source_id: The source's id (listed, or derived from an unlisted file's name).
        values: From :func:`parse_assignments`.
        dry_run: Validate and report; write nothing.

    The book's lock (:func:`briefbook.core.lock.book_lock`) is held from reading
    ``sources.yml`` to writing it, so a concurrent ``add``, ``sources import`` or ``sources
    set`` loses nothing.

    Raises:
        DataError: the file is not valid YAML, the source does not exist (with a "did you
            mean"), or a value is invalid (nothing is written).
        LockTimeout: another command held the book's lock too long.
    """
    with book_lock(briefing):
        return _set_locked(briefing, source_id, values, dry_run=dry_run)


def _set_locked(briefing: Path, source_id: str, values: dict[str, Any], *,
                dry_run: bool) -> SetResult:
    yml = briefing / "sources.yml"
    data, problems = load_yaml(yml, "sources.yml")
    if problems:
        raise DataError(problems[0])
    text = yml.read_bytes().decode("utf-8-sig") if yml.exists() else ""
    try:
        data = round_trip_yaml().load(text) if text.strip() else None
    except (ValueError, OverflowError) as exc:  # e.g. an impossible date, unquoted
        raise DataError(Problem(
            file="sources.yml", level="error",
            message=f"cannot be rewritten as it stands ({exc}); nothing was changed",
            hint="fix the values 'briefbook build' reports in sources.yml, then set "
                 "again")) from exc
    if data is None:
        data = CommentedSeq()
    entries = data["sources"] if isinstance(data, dict) and "sources" in data else data
    if not isinstance(entries, list):
        raise DataError(Problem(file="sources.yml", line=1, level="error",
                                message="expected a list of sources",
                                hint="write one '- id: …' entry per source"))
    nodes = {str(n.get("id")): n for _, n in items_of(entries, "sources")
             if isinstance(n, CommentedMap) and n.get("id")}
    files = {source_id_for(p.name): p.name for p in sorted((briefing / "sources").glob("*"))
             if p.is_file() and not p.name.startswith(".")} \
        if (briefing / "sources").is_dir() else {}
    result = SetResult(source_id=source_id)
    node = nodes.get(source_id)
    if node is None:
        if source_id not in files:
            raise DataError(Problem(file="sources.yml", level="error",
                                    message=f"no source '{source_id}'",
                                    hint=did_you_mean(source_id, [*nodes, *files])
                                    or "see the ids with 'briefbook sources show'"))
        node = CommentedMap([("id", source_id), ("file", files[source_id])])
        entries.append(node)
        result.created = True
    old_last = list(node.keys())[-1]
    new = dict(plain(node))
    for key, value in values.items():
        if value is _REMOVE:
            new.pop(key, None)
        else:
            new[key] = value
    key_lines = {k: line_of(node, k) or line_of(node) for k in new}
    found = check_entry(new, key_lines, known_ids=set(nodes) | set(files))
    found = [p for p in found if p.key in values]  # what was wrong before is not this edit's
    if found:
        raise DataError(found[0])
    for key, value in values.items():
        old = plain_value(node.get(key)) if key in node else None
        if value is _REMOVE:
            if key in node:
                del node[key]
                result.changes.append((key, old, None))
            continue
        if key in node and plain_value(node.get(key)) == plain_value(value) \
                and value is not None:
            continue
        set_key(node, key, None if value is None else yaml_value(key, value))
        result.changes.append((key, old, value))
    if node and list(node.keys())[-1] != old_last and old_last in node:
        keep_trailer(node, old_last)
    if result.changes and not dry_run:
        buffer = io.StringIO()
        round_trip_yaml().dump(data, buffer)
        atomic_write(yml, buffer.getvalue().encode("utf-8"))
    return result


def describe(source: Source) -> str:
    """A plain-text summary of a source for ``sources show``: metadata and its basis."""
    def row(name: str, curated: Any, suggested: Any = None, where: int | None = None) -> str:
        if curated:
            return f"{name}: {curated}"
        if suggested:
            at = f", ¶ {where}" if where else ""
            return f"{name}: {suggested}  (suggested, from text{at})"
        return f"{name}: unknown"

    meta = source.suggested
    lines = [f"id: {source.id}", f"file: sources/{source.file}  (verbatim, sha256 "
                                  f"{source.sha256[:16]}…)",
             row("title", source.title, meta.headline and meta.headline.value,
                 meta.headline and meta.headline.paragraph),
             row("outlet", source.outlet, meta.outlet and meta.outlet.value,
                 meta.outlet and meta.outlet.paragraph),
             row("author", ", ".join(source.author),
                 ", ".join(a.value for a in meta.authors),
                 meta.authors[0].paragraph if meta.authors else None)]
    date = f"{source.date} ({source.date_basis})" if source.date else None
    dateline = meta.dateline
    proposal = None if date or (dateline and dateline.date_text) else \
        propose_source_date(source)
    lines.append(row("date", date, dateline and dateline.date_text,
                     dateline and dateline.paragraph) if proposal is None else
                 f"date: {proposal.date}  (inferred, not confirmed: {proposal.note}; the "
                 f"chronology uses it; confirm with 'briefbook sources set {source.id} "
                 f"date={proposal.date} date_basis=inferred')")
    if dateline:
        place = f"; place {dateline.place}" if dateline.place else ""
        lines.append(f"dateline: {dateline.text}  (from text, ¶ {dateline.paragraph}{place})")
    if source.paragraph_rule_set:
        lines.append(f"paragraphs: {source.paragraph_rule}  (set in sources.yml; the text's "
                     f"shape gives {source.detected_rule}: {source.rule_reason})")
    else:
        lines.append(f"paragraphs: {source.paragraph_rule}  (detected: {source.rule_reason})")
    boiler = [p for p in source.paragraphs if p.boilerplate]
    lines.append(f"  {len(source.paragraphs)} paragraphs, {len(boiler)} boilerplate"
                 + (": " + ", ".join(f"¶ {p.number} {p.role or 'boilerplate'}" for p in boiler)
                    if boiler else ""))
    for key in ("url", "accessed", "language", "derived_from", "section"):
        value = getattr(source, key)
        if value:
            lines.append(f"{key}: {value}")
    lines.append("metadata: curated in sources.yml" if source.curated else
                 "metadata: not listed in sources.yml")
    return "\n".join(lines)

"""``briefbook add`` for plain-text articles: copy verbatim, append metadata, never clobber.

The entry written for an article records the paragraph rule the text's shape gave
(``paragraphs: wrapped``), so the paragraph numbers stay what they were when the article was
added, and what the text says about itself under ``suggested:`` (basis ``from text``): the
headline as ``title``, the outlet a dateline, sign-off or footer names, the byline's
``author`` names and the ``dateline`` as written. Suggestions fill only keys the editor did
not give (options such as ``--title`` win), and the loader uses them only where the entry has
no curated key of the same name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefbook.core.errors import ArticleError, Problem
from briefbook.core.fields import iso_date
from briefbook.core.lock import book_lock
from briefbook.core.textmeta import FROM_TEXT, TextMeta
from briefbook.core.yamlio import atomic_write, items_of, line_of, load_yaml, not_a_list
from briefbook.ingest.files import InputError, read_input
from briefbook.read.article import read_article
from briefbook.read.ids import suggest_id
from briefbook.read.sources import ID_RE, URL_HINT, is_web_address, source_id_for

#: Metadata keys ``add`` writes, in this order.
ENTRY_KEYS = ("id", "file", "outlet", "title", "date", "date_basis", "url", "author",
              "accessed", "notes", "original", "language", "paragraphs", "suggested")
#: Keys of ``suggested`` in the order written.
SUGGESTED_ORDER = ("basis", "title", "outlet", "author", "dateline")


@dataclass(frozen=True, kw_only=True)
class Added:
    """One article added to the book."""

    id: str
    file: str
    paragraphs: int
    origin: str


@dataclass(kw_only=True)
class AddResult:
    """What ``add`` did: the sources added and the problems (one per refused file)."""

    added: list[Added] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def existing_sources(briefing: Path) -> tuple[set[str], set[str], dict[str, str]]:
    """Ids and file names already in the book, and the SHA-256 of each file → its id."""
    data, _ = load_yaml(briefing / "sources.yml", "sources.yml")
    ids, files = set(), set()
    for _, node in items_of(data, "sources"):
        if isinstance(node, dict):
            if node.get("id"):
                ids.add(str(node["id"]))
            if node.get("file"):
                files.add(str(node["file"]))
    hashes: dict[str, str] = {}
    folder = briefing / "sources"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                files.add(path.name)
                ids.add(source_id_for(path.name))
                hashes[hashlib.sha256(path.read_bytes()).hexdigest()] = source_id_for(path.name)
    return ids, files, hashes


def yaml_entry(entry: Mapping[str, Any]) -> str:
    """A ``sources.yml`` entry as YAML text (strings JSON-quoted, which YAML accepts).

    ``suggested`` is written as an indented mapping under a comment that says what it is.
    """
    lines = []
    for key in ENTRY_KEYS:
        if key not in entry or entry[key] in (None, [], "", {}):
            continue
        value = entry[key]
        prefix = "- " if not lines else "  "
        if key == "suggested":
            lines.append(f"{prefix}{key}:  # read from the text, not curated: move a value up "
                         "to confirm it")
            lines.extend(f"    {k}: {json.dumps(value[k], ensure_ascii=False)}"
                         for k in SUGGESTED_ORDER if value.get(k) not in (None, [], ""))
            continue
        lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def suggested_entry(meta: TextMeta, given: Mapping[str, Any]) -> dict[str, Any]:
    """The ``suggested`` mapping for what the text says, leaving out what the editor gave."""
    out: dict[str, Any] = {}
    if meta.headline and "title" not in given:
        out["title"] = meta.headline.value
    if meta.outlet and "outlet" not in given:
        out["outlet"] = meta.outlet.value
    if meta.authors and "author" not in given:
        out["author"] = [a.value for a in meta.authors]
    if meta.dateline and "date" not in given:
        out["dateline"] = meta.dateline.text
    return {"basis": FROM_TEXT, **out} if out else {}


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, failing if ``path`` exists (never clobbers)."""
    atomic_write(path, data, overwrite=False)


def _unwritable_list(briefing: Path) -> Problem | None:
    """Why entries cannot be appended to ``sources.yml``: a YAML error or no list (else None)."""
    data, problems = load_yaml(briefing / "sources.yml", "sources.yml")
    wrong = next((p for p in problems if p.level == "error"), None) or not_a_list(
        data, "sources", "sources.yml", "id")
    if wrong is None and isinstance(data, dict):
        return Problem(file="sources.yml", line=1, level="error",
                       message="sources.yml holds its list under 'sources:', and 'add' appends "
                               "entries at the top level; nothing was added",
                       hint="write the entries as a top-level list (one '- id: …' per "
                            "source), then add again")
    if wrong is None and isinstance(data, list) and (
            bad := next((i for i, e in enumerate(data) if not isinstance(e, dict)), None)
    ) is not None:
        wrong = Problem(file="sources.yml", line=line_of(data, bad) or 1, level="error",
                        message=f"entry {bad + 1} is not a mapping",
                        hint="write each entry as '- id: …' with 'file: …' under it")
    if wrong is None:
        return None
    return Problem(file=wrong.file, line=wrong.line, level="error",
                   message=f"{wrong.message}; nothing was added",
                   hint=f"fix sources.yml first ({wrong.hint})" if wrong.hint
                   else "fix sources.yml first")


def append_entries(briefing: Path, entries: Sequence[Mapping[str, Any]]) -> None:
    """Append entries to ``sources.yml`` (atomically; what the editor wrote is kept)."""
    yml = briefing / "sources.yml"
    old = yml.read_bytes() if yml.exists() else b""
    lines = old.decode("utf-8").splitlines(keepends=True)
    content = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if content == ["[]"]:  # an empty list written as a flow sequence: entries replace it
        old = "".join(ln for ln in lines if ln.strip() != "[]").encode("utf-8")
    if old and not old.endswith(b"\n"):
        old += b"\n"
    block = "".join(("\n" if old or i else "") + yaml_entry(e) for i, e in enumerate(entries))
    atomic_write(yml, old + block.encode("utf-8"))


def add_articles(
    briefing: Path, files: Sequence[Path], *, source_id: str | None = None,
    meta: Mapping[str, Any] | None = None, force: bool = False,
    originals: Mapping[Path, tuple[str, bytes]] | None = None,
) -> AddResult:
    """Copy articles into ``briefing/sources/`` and append their metadata.

    The book's lock (:func:`briefbook.core.lock.book_lock`) is held from reading what the book
    holds to the last write, so concurrent ``add`` commands keep every entry. Only regular
    files are read (:func:`briefbook.ingest.files.read_input`).

    Args:
        briefing: The book's content folder.
        files: Article files (plain text).
        source_id: The id to give (only with a single file).
        meta: Metadata given by the editor (outlet, date, title, url, author, ...); ``None``
            values are left out.
        force: Add an article even when its bytes duplicate a source already in the book.
        originals: Optional original files to keep beside an article, ``{file: (name, bytes)}``.
    """
    result = AddResult()
    meta = {k: v for k, v in (meta or {}).items() if v not in (None, [], "")}
    if meta.get("date") and not iso_date(str(meta["date"])):
        result.problems.append(Problem(file="--date", level="error",
                                       message=f"'{meta['date']}' is not a real ISO 8601 date",
                                       hint="write YYYY-MM-DD, YYYY-MM or YYYY; check the day "
                                            "exists in that month"))
        return result
    if meta.get("url") and not is_web_address(str(meta["url"])):
        result.problems.append(Problem(file="--url", level="error", hint=URL_HINT,
                                       message=f"'{str(meta['url'])[:60]}' is not a web "
                                               "address"))
        return result
    if meta.get("date") and "date_basis" not in meta:
        meta["date_basis"] = "stated"
    with book_lock(briefing):
        _add_locked(briefing, files, source_id, meta, force, originals, result)
    return result


def _add_locked(briefing: Path, files: Sequence[Path], source_id: str | None,
                meta: dict[str, Any], force: bool,
                originals: Mapping[Path, tuple[str, bytes]] | None, result: AddResult) -> None:
    unreadable = _unwritable_list(briefing)
    if unreadable is not None:  # appending to it would bury the entries or break it further
        result.problems.append(unreadable)
        return
    ids, names, hashes = existing_sources(briefing)
    entries = []
    for file in files:
        shown = str(file)
        try:
            data = read_input(file, shown=shown)
        except InputError as exc:
            result.problems.append(exc.problem)
            continue
        try:
            article = read_article(data, shown, language=meta.get("language"))
        except ArticleError as exc:
            result.problems.append(exc.problem)
            continue
        result.problems.extend(article.problems)
        headline = article.text_meta.headline
        sid = source_id or suggest_id(file.name, meta.get("title") or (
            headline.value if headline else None), ids | {Path(n).stem for n in names})
        if not ID_RE.match(sid):
            result.problems.append(Problem(file=shown, level="error", key="id",
                                           message=f"'{sid}' is not a valid source id",
                                           hint=f"use --id {source_id_for(sid)}"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in hashes and not force:
            result.problems.append(Problem(
                file=shown, level="error",
                message=f"the same bytes are already in the book as source '{hashes[digest]}'",
                hint="use --force to add it anyway"))
            continue
        suffix = file.suffix.lower() if file.suffix.lower() in (".txt", ".md", ".text") else ".txt"
        name = f"{sid}{suffix}"
        if sid in ids or name in names:
            result.problems.append(Problem(
                file=shown, level="error", key="id",
                message=f"source id '{sid}' or file '{name}' already exists; nothing was "
                        "overwritten", hint="choose another id with --id"))
            continue
        try:
            write_new_file(briefing / "sources" / name, data)
        except FileExistsError:
            result.problems.append(Problem(file=shown, level="error",
                                           message=f"sources/{name} appeared meanwhile; kept it",
                                           hint="choose another id with --id"))
            continue
        entry: dict[str, Any] = {"id": sid, "file": name, **meta,
                                 "paragraphs": article.rule,
                                 "suggested": suggested_entry(article.text_meta, meta)}
        if originals and file in originals:
            original_name, original_bytes = originals[file]
            target = f"{sid}{Path(original_name).suffix or '.html'}"
            write_new_file(briefing / "originals" / target, original_bytes)
            entry["original"] = f"originals/{target}"
        entries.append(entry)
        ids.add(sid)
        names.add(name)
        hashes[digest] = sid
        result.added.append(Added(id=sid, file=name, paragraphs=len(article.paragraphs),
                                  origin=shown))
    if entries:
        append_entries(briefing, entries)

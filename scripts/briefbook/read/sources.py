"""Load stage for sources: ``briefing/sources.yml`` and the verbatim files it lists.

Curation is optional. A file in ``briefing/sources/`` that ``sources.yml`` does not list is
still a source (its id derived from the file name, its metadata unknown). A listed entry with a
problem is reported with file, line and key; a bad article is dropped alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefbook.core.errors import ArticleError, Problem, did_you_mean
from briefbook.core.fields import Field, check_fields, iso_date
from briefbook.core.model import DATE_BASES, Source
from briefbook.core.text import slugify
from briefbook.core.yamlio import items_of, line_of, load_yaml, plain
from briefbook.read.article import Article, compile_boilerplate, read_article

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
SOURCE_KEYS = (
    "id", "file", "outlet", "title", "date", "date_basis", "date_note", "url", "author",
    "accessed", "notes", "derived_from", "language", "original",
)
#: What each key of an entry must hold (see :mod:`briefbook.core.fields`).
SOURCE_FIELDS = {
    "id": Field("text"), "file": Field("text"), "outlet": Field("text"), "title": Field("text"),
    "date": Field("date"), "date_basis": Field("choice", choices=DATE_BASES),
    "date_note": Field("text"), "url": Field("text"), "author": Field("texts"),
    "accessed": Field("date"), "notes": Field("text"), "derived_from": Field("id"),
    "language": Field("text"), "original": Field("text"),
}
#: File name endings read as articles.
ARTICLE_SUFFIXES = (".txt", ".text", ".md")
_READ_CACHE: dict[tuple[str, tuple[str, ...]], Article] = {}


def source_id_for(filename: str) -> str:
    """Derive a source id from a file name (``Daily Post 2019.txt`` → ``daily-post-2019``)."""
    return slugify(Path(filename).stem) or "source"


def read_cached(data: bytes, display: str, extra_boilerplate: Sequence[str] = ()) -> Article:
    """Read an article, reusing the result for identical bytes (``mkdocs serve`` rebuilds)."""
    key = (hashlib.sha256(data).hexdigest(), tuple(extra_boilerplate))
    article = _READ_CACHE.get(key)
    if article is None:
        article = read_article(data, display, boilerplate=compile_boilerplate(extra_boilerplate))
        _READ_CACHE[key] = article
    if article.problems and article.problems[0].file != display:
        article = Article(
            paragraphs=article.paragraphs, date=article.date, section=article.section,
            problems=tuple(_relocate(p, display) for p in article.problems))
    return article


def _relocate(problem: Problem, file: str) -> Problem:
    return Problem(file=file, line=problem.line, column=problem.column, message=problem.message,
                   hint=problem.hint, level=problem.level, key=problem.key)


def load_sources(
    root: Path, *, extra_boilerplate: Sequence[str] = ()
) -> tuple[tuple[Source, ...], list[Problem]]:
    """Load every source of the book in ``root`` (the ``briefing/`` folder).

    Returns:
        The sources, in ``sources.yml`` order then unlisted files by name, and the problems.
    """
    problems: list[Problem] = []
    yml = root / "sources.yml"
    data, yaml_problems = load_yaml(yml, "sources.yml")
    problems.extend(yaml_problems)
    folder = root / "sources"
    files = sorted(
        p.name for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    ) if folder.is_dir() else []
    if data is not None and not isinstance(data, (list, dict)):
        problems.append(Problem(file="sources.yml", line=1, level="error",
                                message="expected a list of sources",
                                hint="write one '- id: …' entry per source"))
        data = None
    entries: list[tuple[dict[str, Any], int | None]] = []
    seen_ids: dict[str, int | None] = {}
    listed_files: set[str] = set()
    for index, node in items_of(data, "sources"):
        line = line_of(data if not isinstance(data, dict) else data["sources"], index)
        if not isinstance(node, dict):
            problems.append(Problem(file="sources.yml", line=line, level="error",
                                    message=f"entry {index + 1} is not a mapping",
                                    hint="write 'id: …', 'file: …' on their own lines"))
            continue
        line = line_of(node) or line
        entry, bad = check_fields(node, plain(node), SOURCE_FIELDS, file="sources.yml",
                                  what=f"source '{node.get('id') or index + 1}'")
        problems.extend(bad)
        for key in entry:
            if key not in SOURCE_KEYS:
                problems.append(Problem(
                    file="sources.yml", line=line_of(node, key), key=key,
                    message=f"unknown key '{key}'",
                    hint=did_you_mean(key, SOURCE_KEYS) or f"known keys: {', '.join(SOURCE_KEYS)}"))
        file = entry.get("file")
        sid = entry.get("id")
        if not file and sid:
            file = next((f for f in files if Path(f).stem == sid), f"{sid}.txt")
        if not file:
            problems.append(Problem(file="sources.yml", line=line, level="error",
                                    message="entry has neither 'id' nor 'file'",
                                    hint="give at least the article's file name"))
            continue
        sid = str(sid) if sid is not None else source_id_for(file)
        if not ID_RE.match(sid):
            problems.append(Problem(
                file="sources.yml", line=line_of(node, "id"), key="id", level="error",
                message=f"source id '{sid}' is not lowercase letters, digits and hyphens",
                hint=f"use '{source_id_for(sid)}'"))
            continue
        if sid in seen_ids:
            problems.append(Problem(
                file="sources.yml", line=line_of(node, "id"), key="id", level="error",
                message=f"duplicate source id '{sid}' (first at line {seen_ids[sid]})",
                hint="give each source its own id"))
            continue
        seen_ids[sid] = line
        entry["id"], entry["file"] = sid, str(file)
        listed_files.add(str(file))
        entries.append((entry, line))
    for file in files:
        if file in listed_files:
            continue
        sid = source_id_for(file)
        if sid in seen_ids:
            problems.append(Problem(
                file=f"sources/{file}", level="error", key="id",
                message=f"the file is not listed in sources.yml and its derived id '{sid}' "
                        "is already taken",
                hint="add an entry for it to sources.yml with an id of its own"))
            continue
        seen_ids[sid] = None
        entries.append(({"id": sid, "file": file}, None))
    known_ids = set(seen_ids)
    _break_cycles(entries, problems)
    sources: list[Source] = []
    for entry, line in entries:
        source = _build_source(root, entry, line, files, known_ids, extra_boilerplate, problems)
        if source is not None:
            sources.append(source)
    return tuple(sources), problems


def _build_source(
    root: Path, entry: dict[str, Any], line: int | None, files: list[str],
    known_ids: set[str], extra_boilerplate: Sequence[str], problems: list[Problem],
) -> Source | None:
    file = entry["file"]
    path = root / "sources" / file
    display = f"sources/{file}"
    curated = line is not None
    if Path(file).name != file or not path.is_file():
        problems.append(Problem(
            file="sources.yml", line=line, key="file", level="error",
            message=f"source '{entry['id']}': file '{file}' not found in sources/",
            hint=did_you_mean(file, files) or "copy the article there with 'briefbook add'"))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:  # this source fails alone
        problems.append(Problem(file=display, level="error",
                                message=f"cannot read: {exc.strerror or exc}",
                                hint="check the file's permissions; the rest of the book was "
                                     "built without it"))
        return None
    try:
        article = read_cached(data, display, extra_boilerplate)
    except ArticleError as exc:
        problems.append(exc.problem)
        return None
    problems.extend(article.problems)
    date = entry.get("date")
    basis = entry.get("date_basis")
    if date is None and article.date and iso_date(article.date):
        date, basis = article.date, basis or "stated"
    if basis is None:
        basis = ("stated" if date and date == article.date else "inferred") if date else "unknown"
    if date is None:
        basis = "unknown"
    derived = entry.get("derived_from")
    if derived is not None and derived not in known_ids:
        problems.append(Problem(
            file="sources.yml", line=line, key="derived_from",
            message=f"source '{entry['id']}': derived_from '{derived}' is not a source id",
            hint=did_you_mean(str(derived), known_ids)))
        derived = None
    author = entry.get("author")
    return Source(
        id=entry["id"], file=file, paragraphs=article.paragraphs,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        outlet=_text(entry.get("outlet")), title=_text(entry.get("title")), date=date,
        date_basis=basis, date_note=_text(entry.get("date_note")), url=_text(entry.get("url")),
        author=tuple(str(a) for a in author or ()), accessed=_text(entry.get("accessed")),
        notes=_text(entry.get("notes")), derived_from=derived,
        language=_text(entry.get("language")), section=article.section,
        original=_text(entry.get("original")), curated=curated, line=line,
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _break_cycles(entries: list[tuple[dict[str, Any], int | None]],
                  problems: list[Problem]) -> None:
    """Report and drop ``derived_from`` links that go round in a circle (a → b → a, a → a).

    A copy's chain of originals must end at an original; every entry on a circle loses its
    ``derived_from`` (none of them is known to be the original).
    """
    parent = {e["id"]: e.get("derived_from") for e, _ in entries}
    lines = {e["id"]: line for e, line in entries}
    on_cycle: set[str] = set()
    for start in parent:
        path: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node in parent and node not in seen:
            seen.add(node)
            path.append(node)
            node = parent[node]
        if node is not None and node in seen:
            on_cycle.update(path[path.index(node):])
    for entry, _ in entries:
        sid = entry["id"]
        if sid in on_cycle:
            chain = [sid]
            while (nxt := parent[chain[-1]]) != sid and nxt not in chain:
                chain.append(nxt)
            problems.append(Problem(
                file="sources.yml", line=lines[sid], key="derived_from", level="error",
                message=f"source '{sid}': derived_from goes round in a circle "
                        f"({' → '.join([*chain, sid])}); the link was left out",
                hint="a copy names its original; the original names no source"))
            entry.pop("derived_from", None)

"""The data downloads published under ``data/`` (pure: returns bytes per file name).

Field names are part of the interface and documented on the Data page; keep them stable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from briefbook.core.cache import cached_latest
from briefbook.core.model import Book, Source
from briefbook.render.actors import actor_data
from briefbook.render.base import BuiltPages
from briefbook.render.bibtex import sources_bib
from briefbook.render.chronology import chronology_data
from briefbook.render.compare import discrepancies_data
from briefbook.render.markup import to_json


def _issued(date: str | None) -> dict[str, Any] | None:
    if not date:
        return None
    return {"date-parts": [[int(part) for part in date.split("-")]]}


def csl_item(source: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item with briefbook's ``custom`` fields."""
    item: dict[str, Any] = {
        "id": source.id,
        "type": "article-newspaper",
        "title": source.title,
        "container-title": source.outlet,
        "issued": _issued(source.date),
        "URL": source.url,
        "accessed": _issued(source.accessed),
        "author": [{"literal": name} for name in source.author],
    }
    if source.language:
        item["language"] = source.language
    item["custom"] = {
        "file": source.file,
        "sha256": source.sha256,
        "paragraphs": len(source.paragraphs),
        "date_basis": source.date_basis,
        "date_note": source.date_note,
        "derived_from": source.derived_from,
        "paragraph_rule": source.paragraph_rule,
        "from_text": _from_text(source),
    }
    return item


def _from_text(source: Source) -> dict[str, Any]:
    """The suggested metadata (basis ``from text``) where ``sources.yml`` gives none."""
    meta = source.suggested
    out: dict[str, Any] = {}
    if meta.headline:
        out["title"] = meta.headline.value
    if meta.outlet:
        out["container-title"] = meta.outlet.value
    if meta.authors:
        out["author"] = [{"literal": a.value} for a in meta.authors]
    if meta.dateline:
        d = meta.dateline
        out["dateline"] = {"text": d.text, "place": d.place, "month": d.month, "day": d.day,
                           "year": d.year, "paragraph": d.paragraph}
    return out


def sources_json(book: Book) -> list[dict[str, Any]]:
    """``data/sources.json``: every source as CSL-JSON."""
    return [csl_item(s) for s in book.sources]


def citations_json(records: Sequence[dict[str, object]]) -> list[dict[str, Any]]:
    """``data/citations.json``: every citation on every page, resolved or not."""
    keys = ("page", "line", "source", "paragraphs", "resolved", "note", "quotes")
    return [{k: r.get(k) for k in keys} for r in sorted(
        records, key=lambda r: (str(r["page"]), int(r["line"]), int(r.get("note") or 0)))]  # type: ignore[call-overload]


#: Extra downloads contributed by stage modules: (book, built pages) → {file name: bytes}.
DataGenerator = Callable[[Book, BuiltPages], dict[str, bytes]]


def _data_generators() -> list[DataGenerator]:

    return [sources_bib, chronology_data, actor_data, discrepancies_data]


def data_files(book: Book, built: BuiltPages) -> dict[str, bytes]:
    """Every file published under ``data/``, by name relative to that folder.

    ``citations.json`` is made from this build's citation records; the other downloads
    depend on the book and its analysis only, so a rebuild that reuses the analysis
    (``mkdocs serve`` after a page edit) reuses them, and a new build process of an
    unchanged book takes them from the analysis cache (under the book's key).
    """
    annotations = built.annotations
    memo = annotations.__dict__.setdefault("_render_memo", {})
    generated = memo.get("data_files")
    if generated is None:
        def compute() -> dict[str, bytes]:
            made = {"sources.json": to_json(sources_json(book))}
            for generate in _data_generators():
                made.update(generate(book, built))
            return made
        generated = memo["data_files"] = cached_latest(
            "data.downloads", annotations.book_key, compute)
    files = {**generated, "citations.json": to_json(citations_json(built.records))}
    return dict(sorted(files.items()))

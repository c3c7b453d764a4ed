"""Reference lists: import CSL-JSON (Zotero) or BibTeX/biblatex into ``sources.yml``; export BibTeX.

``briefbook sources import FILE`` matches each reference to a source of the book by citation
key (= source id), URL, DOI or normalised title, and fills or corrects that source's title,
outlet, date, URL, author, accessed date and language in ``sources.yml``. The file is updated
in place with ruamel.yaml's round trip (the editor's comments, order and quoting are kept) and
written atomically. References that match no source are listed, never silently dropped. A date
the article itself states is never overwritten.

``data/sources.bib`` publishes the sources as biblatex entries, the BibTeX twin of
``data/sources.json``; importing either file back gives the same metadata.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from pylatexenc.latex2text import LatexNodes2Text
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from briefbook.core.errors import DataError, Problem
from briefbook.core.fields import iso_date
from briefbook.core.lock import book_lock
from briefbook.core.text import fold
from briefbook.core.yamlio import atomic_write, items_of, load_yaml
from briefbook.read.sources import SOURCE_KEYS

#: The metadata a reference can fill, in ``sources.yml`` key names.
FIELDS = ("title", "outlet", "date", "url", "author", "accessed", "language")
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
#: babel/polyglossia names (BibTeX ``langid``) ↔ ISO 639-1 codes.
LANGIDS = {"english": "en", "american": "en-US", "british": "en-GB", "french": "fr",
           "german": "de", "ngerman": "de", "spanish": "es", "italian": "it",
           "portuguese": "pt", "dutch": "nl", "russian": "ru", "arabic": "ar", "farsi": "fa",
           "persian": "fa", "turkish": "tr", "hebrew": "he", "chinese": "zh",
           "japanese": "ja", "ukrainian": "uk", "polish": "pl", "swedish": "sv"}
_LATEX = LatexNodes2Text()


@dataclass(frozen=True, kw_only=True)
class Reference:
    """One entry of a reference list, in ``sources.yml`` terms (``None`` = not given)."""

    key: str
    where: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    doi: str | None = None
    author: tuple[str, ...] = ()
    accessed: str | None = None
    language: str | None = None
    date_basis: str | None = None

    def value(self, name: str) -> Any:
        """The value of a field in ``sources.yml`` form (authors as a list; ``None`` if unset)."""
        if name == "author":
            return list(self.author) or None
        if name == "url" and not self.url and norm_doi(self.doi):
            return f"https://doi.org/{norm_doi(self.doi)}"
        return getattr(self, name)


@dataclass(kw_only=True)
class ImportResult:
    """What an import did: ``changes`` per source id ``[(field, old, new)]``, and the rest."""

    changes: dict[str, list[tuple[str, Any, Any]]] = field(default_factory=dict)
    matched: dict[str, str] = field(default_factory=dict)
    unmatched: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _iso(parts: Sequence[Any]) -> str | None:
    try:
        numbers = [int(p) for p in parts if p not in (None, "")][:3]
    except (TypeError, ValueError):
        return None
    if not numbers:
        return None
    if not 1 <= numbers[0] <= 9999 or any(not 1 <= n <= 99 for n in numbers[1:]):
        return None
    text = "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    return iso_date(text)  # a real calendar date, or nothing


def _csl_date(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        return _iso(parts[0])
    raw = str(value.get("raw") or value.get("literal") or "").strip()
    return iso_date(raw[:10])


def _csl_name(name: Any) -> str | None:
    if not isinstance(name, dict):
        return None
    if name.get("literal"):
        return str(name["literal"]).strip()
    parts = [name.get("given"), name.get("non-dropping-particle"), name.get("family")]
    text = " ".join(str(p).strip() for p in parts if p)
    return f"{text}, {name['suffix']}" if name.get("suffix") and text else (text or None)


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def csl_references(data: Any, display: str) -> tuple[list[Reference], list[Problem]]:
    """References from CSL-JSON (a list of items, as Zotero exports it)."""
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return [], [Problem(file=display, level="error", message="expected a list of CSL items",
                            hint="export the collection from Zotero as CSL JSON")]
    refs, problems = [], []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(file=display, level="warning",
                                    message=f"item {index} is not an object; skipped"))
            continue
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        key = str(item.get("id") or item.get("citation-key") or f"item-{index}")
        where = f"{display}: item {index} ('{key}')"
        dates = {name: _csl_date(item.get(name)) for name in ("issued", "accessed")}
        for name, date in dates.items():
            if date is None and item.get(name):
                problems.append(Problem(
                    file=where, level="warning", key=name,
                    message=f"'{name}' {json.dumps(item[name], ensure_ascii=False)[:80]} is "
                            "not a real calendar date; left out",
                    hint="correct the date in the reference manager and export again"))
        authors = item.get("author") if isinstance(item.get("author"), list) else []
        refs.append(Reference(
            key=key, where=where,
            title=_text(item.get("title")), outlet=_text(item.get("container-title")),
            date=dates["issued"], url=_text(item.get("URL")),
            doi=_text(item.get("DOI")),
            author=tuple(n for n in map(_csl_name, authors) if n),
            accessed=dates["accessed"], language=_text(item.get("language")),
            date_basis=custom.get("date_basis") if custom.get("date_basis") in (
                "stated", "inferred") else None))
    return refs, problems


def _latex(value: str) -> str | None:
    value = re.sub(r"\\textasciicircum(?:\{\}|\b)", "^", value)  # pylatexenc gives U+02C6
    return _text(_LATEX.latex_to_text(value))


def _bib_names(value: str) -> tuple[str, ...]:
    names = []
    for raw in split_multiple_persons_names(value):
        parts = parse_single_name_into_parts(raw, strict=False)
        name = _latex(parts.merge_first_name_first)
        if name:
            names.append(name)
    return tuple(names)


def _bib_date(fields: Mapping[str, str], prefix: str = "") -> str | None:
    date = (fields.get(f"{prefix}date") or "").strip()
    if date:
        return iso_date(date[:10])
    if prefix or not fields.get("year"):
        return None
    month = (fields.get("month") or "").strip().lower()[:3]
    parts = [fields["year"], _MONTHS.get(month, month) or None, fields.get("day")]
    return _iso(parts[:1] + [p for p in parts[1:] if p])


def bibtex_references(text: str, display: str) -> tuple[list[Reference], list[Problem]]:
    """References from BibTeX or biblatex (LaTeX accents and escapes decoded)."""
    library = bibtexparser.parse_string(text)
    problems = [Problem(file=display, line=(getattr(b, "start_line", 0) or 0) + 1,
                        level="warning", message=f"cannot parse this entry: {b.error}",
                        hint="check its braces and commas")
                for b in library.failed_blocks]
    refs = []
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value) for f in entry.fields}
        outlet = next((fields[k] for k in ("journaltitle", "journal", "booktitle", "organization",
                                           "publisher", "howpublished") if fields.get(k)), None)
        language = fields.get("langid") or fields.get("language")
        if language:
            language = LANGIDS.get(language.strip().lower(), language.strip())
        doi = fields.get("doi")
        refs.append(Reference(
            key=entry.key, where=f"{display}:{entry.start_line + 1} ('{entry.key}')",
            title=_latex(fields["title"]) if fields.get("title") else None,
            outlet=_latex(outlet) if outlet else None,
            date=_bib_date(fields), url=_text(fields.get("url")), doi=_text(doi),
            author=_bib_names(fields["author"]) if fields.get("author") else (),
            accessed=_bib_date(fields, "url"), language=_text(language),
            date_basis=fields.get("x-date-basis") if fields.get("x-date-basis") in (
                "stated", "inferred") else None))
    return refs, problems


def read_references(path: Path) -> tuple[list[Reference], list[Problem]]:
    """Read a CSL-JSON or BibTeX/biblatex file (chosen by its content)."""
    display = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Problem(file=display, level="error", message=f"cannot read: {exc}",
                                hint="give a UTF-8 CSL-JSON or BibTeX file")) from exc
    if text.lstrip().startswith(("[", "{")):
        try:
            return csl_references(json.loads(text), display)
        except json.JSONDecodeError as exc:
            raise DataError(Problem(file=display, line=exc.lineno, column=exc.colno,
                                    level="error", message=f"invalid JSON: {exc.msg}")) from exc
    return bibtex_references(text, display)


def norm_url(url: str | None) -> str | None:
    """A URL for matching: no scheme, ``www.``, fragment, tracking parameters or final slash."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = "&".join(sorted(q for q in parts.query.split("&")
                            if q and not q.lower().startswith(("utm_", "fbclid", "gclid"))))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "") if host else None


def norm_doi(doi: str | None) -> str | None:
    """A DOI for matching: lowercase, without ``https://doi.org/`` or ``doi:``."""
    if not doi:
        return None
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", doi.strip(), flags=re.I)
    return doi.lower() or None


def norm_title(title: str | None) -> str | None:
    """A title for matching: folded, letters and digits only."""
    if not title:
        return None
    return " ".join(re.findall(r"\w+", fold(title))) or None


def _keys(entry: Mapping[str, Any]) -> list[tuple[str, str]]:
    url = str(entry.get("url") or "")
    keys = [("id", str(entry.get("id") or ""))]
    if norm_url(url):
        keys.append(("url", norm_url(url) or ""))
    if re.match(r"^https?://(dx\.)?doi\.org/", url, re.I):
        keys.append(("doi", norm_doi(url) or ""))
    if norm_title(entry.get("title")):
        keys.append(("title", norm_title(entry.get("title")) or ""))
    return [k for k in keys if k[1]]


def _ref_keys(ref: Reference) -> list[tuple[str, str]]:
    keys = [("id", ref.key), ("url", norm_url(ref.url)), ("doi", norm_doi(ref.doi)),
            ("doi", norm_doi(ref.url) if ref.url and "doi.org/" in ref.url else None),
            ("title", norm_title(ref.title))]
    return [(k, v) for k, v in keys if v]


def plain_value(value: Any) -> Any:
    """A ``sources.yml`` value as plain data (dates as ISO text, empty as ``None``)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [str(v) for v in value] or None
    return None if value in (None, "") else str(value)


def yaml_value(name: str, value: Any) -> Any:
    """A value as ruamel should write it (authors in flow style, dates as dates)."""
    if name == "author":
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if name in ("date", "accessed") and re.match(r"^\d{4}-\d\d-\d\d$", value):
        return dt.date.fromisoformat(value)
    return value


def set_key(node: CommentedMap, key: str, value: Any) -> None:
    """Set ``key`` of an entry, inserting a new key in ``SOURCE_KEYS`` order."""
    if key in node:
        node[key] = value
        return
    order = {k: i for i, k in enumerate(SOURCE_KEYS)}
    keys = list(node.keys())
    position = next((i for i, k in enumerate(keys) if order.get(k, 99) > order[key]), len(keys))
    node.insert(position, key, value)


def keep_trailer(node: CommentedMap, old_last: Any) -> None:
    """Keep blank lines and comments after an entry there when keys were added at its end."""
    new_last = list(node.keys())[-1]
    item = node.ca.items.get(old_last)
    if new_last == old_last or not item or len(item) < 3 or item[2] is None:
        return
    token = item[2]
    if isinstance(node.get(old_last), (FoldedScalarString, LiteralScalarString)):
        # a block scalar's own line end is part of it: the token holds only what follows
        node.ca.items[new_last] = [None, None, CommentToken("\n" + token.value,
                                                            token.start_mark), None]
        item[2] = None
        return
    first, _, rest = token.value.partition("\n")
    if not rest:
        return
    node.ca.items[new_last] = [None, None, CommentToken("\n" + rest, token.start_mark), None]
    if first.strip():
        token.value = first + "\n"
    else:
        item[2] = None


def _update(node: CommentedMap, ref: Reference, display: str,
            result: ImportResult) -> None:
    sid = str(node["id"])
    old_last = list(node.keys())[-1]
    changes = []
    for name in FIELDS:
        new, old = ref.value(name), plain_value(node.get(name))
        if new is None or new == old:
            continue
        if name == "title" and norm_title(new) == norm_title(old):
            continue  # the same title but for case and punctuation: the editor's is kept
        if name == "date" and old and node.get("date_basis") == "stated":
            result.problems.append(Problem(
                file=ref.where, level="warning", key="date",
                message=f"source '{sid}' states its date {old}; kept it, not {new}",
                hint="correct sources.yml by hand if the article's own date is wrong"))
            continue
        set_key(node, name, yaml_value(name, new))
        changes.append((name, old, new))
        if name == "date":
            basis = ref.date_basis or "inferred"
            if node.get("date_basis") != basis:
                changes.append(("date_basis", node.get("date_basis"), basis))
                set_key(node, "date_basis", basis)
            if basis == "inferred":
                note = f"From the reference list {display} (entry '{ref.key}'), not the text."
                changes.append(("date_note", plain_value(node.get("date_note")), note))
                set_key(node, "date_note", note)
    keep_trailer(node, old_last)
    if changes:
        result.changes[sid] = changes


def round_trip_yaml() -> YAML:
    """The ruamel.yaml round trip, keeping the editor's quotes, width and indentation."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.representer.add_representer(type(None), lambda representer, _: (
        representer.represent_scalar("tag:yaml.org,2002:null", "null")))
    return yaml


def import_references(briefing: Path, path: Path, *, dry_run: bool = False) -> ImportResult:
    """Fill or correct the metadata in ``briefing/sources.yml`` from a reference list.

    ``sources.yml`` is read, changed and written under the book's lock
    (:func:`briefbook.core.lock.book_lock`), so a concurrent ``add`` loses nothing.

    Args:
        briefing: The book's content folder.
        path: A CSL-JSON or BibTeX/biblatex file.
        dry_run: Report what would change without writing.
    """
    refs, problems = read_references(path)
    with book_lock(briefing):
        return _import_locked(briefing, path, refs, problems, dry_run)


def _import_locked(briefing: Path, path: Path, refs: list[Reference], problems: list[Problem],
                   dry_run: bool) -> ImportResult:
    result = ImportResult(problems=list(problems))
    yml = briefing / "sources.yml"
    data, yaml_problems = load_yaml(yml, "sources.yml")
    if yaml_problems:
        raise DataError(yaml_problems[0])
    if data is not None:  # again, keeping the editor's quotes
        try:
            data = round_trip_yaml().load(yml.read_bytes().decode("utf-8-sig"))
        except (ValueError, OverflowError) as exc:  # e.g. an impossible date, unquoted
            raise DataError(Problem(
                file="sources.yml", level="error",
                message=f"cannot be rewritten as it stands ({exc}); nothing was changed",
                hint="fix the values 'briefbook build' reports in sources.yml, then import "
                     "again")) from exc
    index: dict[tuple[str, str], list[CommentedMap]] = {}
    for _, node in items_of(data, "sources"):
        if isinstance(node, CommentedMap) and node.get("id"):
            for key in _keys(node):
                index.setdefault(key, []).append(node)
    for ref in refs:
        candidates: list[CommentedMap] = []
        for key in _ref_keys(ref):  # the first kind of key that matches decides
            candidates = index.get(key, [])
            if candidates:
                break
        ids = sorted({str(n["id"]) for n in candidates})
        if not ids:
            result.unmatched.append(ref)
        elif len(ids) > 1:
            result.problems.append(Problem(
                file=ref.where, level="warning",
                message=f"matches several sources ({', '.join(ids)}); none was changed",
                hint="give the reference the source id as its citation key"))
        elif ids[0] in result.matched:
            result.problems.append(Problem(
                file=ref.where, level="warning",
                message=f"source '{ids[0]}' was already matched by '{result.matched[ids[0]]}'; "
                        "this entry was not used"))
        else:
            result.matched[ids[0]] = ref.key
            _update(candidates[0], ref, path.name, result)
    if result.changes and not dry_run:
        buffer = io.StringIO()
        round_trip_yaml().dump(data, buffer)
        atomic_write(yml, buffer.getvalue().encode("utf-8"))
    return result

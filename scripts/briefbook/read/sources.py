"""Load stage for sources: ``briefing/sources.yml`` and the verbatim files it lists.

Curation is optional. A file in ``briefing/sources/`` that ``sources.yml`` does not list is
still a source (its id derived from the file name, its metadata unknown). A listed entry with a
problem is reported with file, line and key; a bad article is dropped alone.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefbook.core.cache import cached, key_of
from briefbook.core.errors import ArticleError, Problem, did_you_mean
from briefbook.core.fields import Field, check_fields, iso_date
from briefbook.core.model import DATE_BASES, PARAGRAPH_RULES, Source
from briefbook.core.textmeta import FROM_TEXT, Dateline, Found, TextMeta
from briefbook.core.yamlio import items_of, line_of, load_yaml, not_a_list, plain
from briefbook.read.article import Article, compile_boilerplate, read_article
from briefbook.read.ids import source_id_for
from briefbook.read.textmeta import find_date_line, find_dateline

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
SOURCE_KEYS = (
    "id", "file", "outlet", "title", "date", "date_basis", "date_note", "url", "author",
    "accessed", "notes", "derived_from", "language", "encoding", "original", "paragraphs",
    "suggested",
)
#: Encodings older article files are often in (for hints; any codec Python knows is allowed).
COMMON_ENCODINGS = ("utf-8", "windows-1252", "cp1252", "iso-8859-1", "latin-1", "iso-8859-15",
                    "windows-1251", "cp1251", "koi8-r", "shift_jis", "euc-kr", "gb18030", "big5",
                    "utf-16")


URL_HINT = "write the article's address, starting with https:// or http://"


def is_web_address(url: str) -> bool:
    """Whether ``url`` is an http(s) address with a host (never ``javascript:``, ``data:``)."""
    return re.fullmatch(r"(?i)https?://[^\s/?#]+[^\s]*", url.strip()) is not None


def known_encoding(value: object) -> str | None:
    """``value`` if it names an encoding Python's ``codecs`` knows, else ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        codecs.lookup(value.strip())
    except LookupError:
        return None
    return value.strip()


#: Values of ``paragraphs``: a rule, or ``auto`` (detect it from the text, the default).
PARAGRAPH_SETTINGS = (*PARAGRAPH_RULES, "auto")
#: Keys of the ``suggested`` mapping that ``briefbook add`` writes (metadata from the text).
SUGGESTED_KEYS = ("basis", "title", "outlet", "author", "dateline")
#: What each key of an entry must hold (see :mod:`briefbook.core.fields`); ``paragraphs``
#: and ``suggested`` are checked by :func:`check_entry`.
SOURCE_FIELDS = {
    "id": Field("text"), "file": Field("text"), "outlet": Field("text"), "title": Field("text"),
    "date": Field("date"), "date_basis": Field("choice", choices=DATE_BASES),
    "date_note": Field("text"), "url": Field("text"), "author": Field("texts"),
    "accessed": Field("date"), "notes": Field("text"), "derived_from": Field("id"),
    "language": Field("text"), "encoding": Field("text"), "original": Field("text"),
}
#: File name endings read as articles.
ARTICLE_SUFFIXES = (".txt", ".text", ".md")
_READ_CACHE: dict[tuple[str, tuple[str, ...], str | None, str | None], Article] = {}
__all__ = ["ARTICLE_SUFFIXES", "DATE_RE", "ID_RE", "PARAGRAPH_SETTINGS", "SOURCE_FIELDS",
           "SOURCE_KEYS", "SUGGESTED_KEYS", "check_entry", "load_sources", "read_cached",
           "reread", "source_id_for", "suggestions", "typed_entry"]


def read_cached(data: bytes, display: str, extra_boilerplate: Sequence[str] = (), *,
                rule: str | None = None, language: str | None = None,
                encoding: str | None = None) -> Article:
    """Read an article, reusing the result for identical bytes (``mkdocs serve`` rebuilds).

    Args:
        data: The file's bytes.
        display: How problems name the file.
        extra_boilerplate: The book's own boilerplate patterns.
        rule: The paragraph rule set in ``sources.yml``, or ``None`` to detect it.
        language: The source's language (for the sentence segmenter).
        encoding: The file's declared encoding (``None``: UTF-8).
    """
    key = (hashlib.sha256(data).hexdigest(), tuple(extra_boilerplate), rule, language,
           encoding)
    article = _READ_CACHE.get(key)
    if article is None:
        # also in the analysis cache (keyed by the engine's code and data files too): a new
        # build process then compiles no boilerplate pattern for articles it read before
        article = cached("read.article", key_of(*key), lambda: read_article(
            data, display, boilerplate=compile_boilerplate(tuple(extra_boilerplate)), rule=rule,
            language=language, encoding=encoding))
        _READ_CACHE[key] = article
    if article.problems and article.problems[0].file != display:
        article = replace(article, problems=tuple(_relocate(p, display)
                                                  for p in article.problems))
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
    wrong = not_a_list(data, "sources", "sources.yml", "id")
    if wrong is not None:
        problems.append(wrong)
        data = None
    entries: list[tuple[dict[str, Any], int | None, dict[str, int | None]]] = []
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
        raw = plain(node)
        key_lines = {str(k): line_of(node, k) or line for k in node}
        entry, bad = typed_entry(raw, key_lines, what=f"source '{node.get('id') or index + 1}'")
        problems.extend(bad)
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
        entries.append((entry, line, key_lines))
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
        entries.append(({"id": sid, "file": file}, None, {}))
    known_ids = set(seen_ids)
    _break_cycles(entries, problems)
    sources: list[Source] = []
    for entry, line, key_lines in entries:
        problems.extend(check_entry(entry, key_lines, known_ids=known_ids))
        source = _build_source(root, entry, line, files, known_ids, extra_boilerplate, problems)
        if source is not None:
            sources.append(source)
    return tuple(sources), problems


def typed_entry(entry: Mapping[str, Any], key_lines: Mapping[str, int | None], *, what: str,
                fields: Mapping[str, Field] = SOURCE_FIELDS,
                ) -> tuple[dict[str, Any], list[Problem]]:
    """The entry without values of the wrong type or range, and a problem for each.

    Checked with :func:`briefbook.core.fields.check_fields` (an error with the key's line and a
    hint; the value is left out, the rest of the entry stays). A key given as ``null`` is kept:
    it records the value as unknown (and masks the text's suggestion).
    """
    clean, problems = check_fields(None, entry, fields, file="sources.yml", what=what)
    clean.update({k: None for k, v in entry.items() if v is None})
    return clean, [replace(p, line=key_lines.get(p.key or "")) for p in problems]


def check_entry(entry: Mapping[str, Any], key_lines: Mapping[str, int | None], *,
                known_ids: set[str] | None = None) -> list[Problem]:
    """Validate the values of one ``sources.yml`` entry (the loader and ``sources set``).

    Values of the wrong type (:func:`typed_entry`), unknown keys (with a "did you mean"), a
    date that is not a real ISO 8601 date, an unknown
    ``date_basis``, ``paragraphs`` or ``suggested`` key, and a ``derived_from`` that is not a
    source id (when ``known_ids`` is given). Each problem names ``sources.yml``, the line of
    the key and the key.

    Args:
        entry: The entry as plain data.
        key_lines: The line of each key (``None`` when unknown).
        known_ids: Every source id of the book.
    """
    sid = entry.get("id", "?")
    entry, problems = typed_entry(entry, key_lines, what=f"source '{sid}'",
                                  fields={k: f for k, f in SOURCE_FIELDS.items() if k != "date"})

    def problem(key: str, message: str, hint: str | None, level: str = "warning") -> None:
        problems.append(Problem(file="sources.yml", line=key_lines.get(key), key=key,
                                level=level, message=message, hint=hint))

    for key in entry:
        if key not in SOURCE_KEYS:
            problem(key, f"unknown key '{key}'",
                    did_you_mean(key, SOURCE_KEYS) or f"known keys: {', '.join(SOURCE_KEYS)}")
    date = entry.get("date")
    if date is not None and not iso_date(date):
        problem("date", f"source '{sid}': date '{date}' is not ISO 8601 "
                        "(YYYY, YYYY-MM or YYYY-MM-DD) or not a real calendar date",
                "write e.g. 2019-03-04; check that the month has that day", level="error")
    basis = entry.get("date_basis")
    if basis is not None and basis not in DATE_BASES:
        problem("date_basis", f"source '{sid}': date_basis '{basis}' is not one of "
                              f"{', '.join(DATE_BASES)}", did_you_mean(str(basis), DATE_BASES))
    url = entry.get("url")
    if isinstance(url, str) and url.strip() and not is_web_address(url):
        problem("url", f"source '{sid}': url '{url[:60]}' is not a web address", URL_HINT,
                level="error")
    encoding = entry.get("encoding")
    if encoding is not None and known_encoding(encoding) is None:
        problem("encoding", f"source '{sid}': encoding '{encoding}' is not one Python knows",
                did_you_mean(str(encoding), COMMON_ENCODINGS)
                or f"write one of {', '.join(COMMON_ENCODINGS)}", level="error")
    rule = entry.get("paragraphs")
    if rule is not None and rule not in PARAGRAPH_SETTINGS:
        problem("paragraphs", f"source '{sid}': paragraphs '{rule}' is not one of "
                              f"{', '.join(PARAGRAPH_SETTINGS)}",
                did_you_mean(str(rule), PARAGRAPH_SETTINGS)
                or "leave it out to detect the rule from the text")
    derived = entry.get("derived_from")
    if known_ids is not None and derived is not None and derived not in known_ids:
        problem("derived_from", f"source '{sid}': derived_from '{derived}' is not a source id",
                did_you_mean(str(derived), known_ids))
    author = entry.get("author")
    if author is not None and not isinstance(author, str) and not (
            isinstance(author, list) and all(isinstance(a, str) for a in author)):
        problem("author", f"source '{sid}': author must be a name or a list of names",
                "write 'author: [Jane Doe, John Roe]'")
    suggested = entry.get("suggested")
    if suggested is not None and not isinstance(suggested, dict):
        problem("suggested", f"source '{sid}': 'suggested' must be a mapping",
                "write 'suggested:' and below it 'title: …', 'outlet: …' indented")
    elif isinstance(suggested, dict):
        for key, value in suggested.items():
            if key not in SUGGESTED_KEYS:
                problem("suggested", f"source '{sid}': unknown key 'suggested.{key}'",
                        did_you_mean(str(key), SUGGESTED_KEYS)
                        or f"known keys: {', '.join(SUGGESTED_KEYS)}")
            elif key == "author":
                if not isinstance(value, (str, list)):
                    problem("suggested", f"source '{sid}': suggested.author must be a name or "
                                         "a list of names", "write 'author: [Jane Doe]'")
            elif key == "basis" and value != FROM_TEXT:
                problem("suggested", f"source '{sid}': suggested.basis '{value}' is not "
                                     f"'{FROM_TEXT}'", f"write 'basis: {FROM_TEXT}'")
            elif value is not None and not isinstance(value, str):
                problem("suggested", f"source '{sid}': suggested.{key} must be text",
                        f"quote it: '{key}: \"…\"'")
    return problems


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
    rule = entry.get("paragraphs")
    rule = rule if rule in PARAGRAPH_RULES else None
    try:
        article = read_cached(data, display, extra_boilerplate, rule=rule,
                              language=_text(entry.get("language")),
                              encoding=known_encoding(entry.get("encoding")))
    except ArticleError as exc:
        problems.append(exc.problem)
        return None
    problems.extend(article.problems)
    date = entry.get("date")
    basis = entry.get("date_basis")
    if date is not None and not iso_date(date):
        date = None  # reported by typed_entry / check_entry
    date = str(date) if date is not None else None
    if date is None and article.date and iso_date(article.date):
        date, basis = article.date, basis or "stated"
    if basis is None:
        basis = ("stated" if date and date == article.date else "inferred") if date else "unknown"
    if basis not in DATE_BASES:
        basis = "inferred" if date else "unknown"
    if date is None:
        basis = "unknown"
    derived = entry.get("derived_from")
    if derived is not None and derived not in known_ids:
        derived = None
    author = entry.get("author")
    if isinstance(author, str):
        author = [author]
    if not isinstance(author, list):
        author = []
    return Source(
        id=entry["id"], file=file, paragraphs=article.paragraphs,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        outlet=_text(entry.get("outlet")), title=_text(entry.get("title")), date=date,
        date_basis=basis, date_note=_text(entry.get("date_note")), url=_text(entry.get("url")),
        author=tuple(str(a) for a in author or ()), accessed=_text(entry.get("accessed")),
        notes=_text(entry.get("notes")), derived_from=derived,
        language=_text(entry.get("language")),
        encoding=known_encoding(entry.get("encoding")), section=article.section,
        original=_text(entry.get("original")), curated=curated, line=line,
        paragraph_rule=article.rule, paragraph_rule_set=rule is not None,
        detected_rule=article.detected_rule, rule_reason=article.rule_reason,
        text_meta=article.text_meta, suggested=suggestions(entry, article),
    )


def reread(root: Path, source: Source, rule: str | None, *,
           extra_boilerplate: Sequence[str] = ()) -> Source:
    """``source`` read again under another paragraph rule (``None``: detect it).

    What a change of ``paragraphs:`` would do, before it is made: the paragraphs, their
    numbers and the rule; the metadata stays as it is.

    Raises:
        ArticleError: the file can no longer be read.
        OSError: the file is gone.
    """
    data = (root / "sources" / source.file).read_bytes()
    article = read_cached(data, f"sources/{source.file}", extra_boilerplate, rule=rule,
                          language=source.language, encoding=source.encoding)
    return replace(source, paragraphs=article.paragraphs, paragraph_rule=article.rule,
                   paragraph_rule_set=rule is not None, detected_rule=article.detected_rule,
                   rule_reason=article.rule_reason, text_meta=article.text_meta)


def suggestions(entry: Mapping[str, Any], article: Article) -> TextMeta:
    """The suggested metadata of a source: what fills a key ``sources.yml`` does not give.

    The entry's ``suggested`` mapping (written by ``briefbook add``, perhaps edited) when it
    has one, else what the text says (:attr:`Article.text_meta`). A key present in the entry,
    even as ``null`` (curated as unknown), is never filled: ``title`` masks the headline,
    ``outlet`` the outlet, ``author`` the byline, ``date`` the dateline.
    """
    meta = article.text_meta
    recorded = entry.get("suggested")
    if isinstance(recorded, dict):
        meta = _recorded(recorded, article)
    return TextMeta(
        headline=None if "title" in entry else meta.headline,
        outlet=None if "outlet" in entry else meta.outlet,
        authors=() if "author" in entry else meta.authors,
        dateline=None if "date" in entry else meta.dateline,
    )


def _recorded(recorded: Mapping[str, Any], article: Article) -> TextMeta:
    """Suggestions recorded in ``sources.yml``, each placed in its paragraph when found."""
    def where(text: str) -> int | None:
        return next((p.number for p in article.paragraphs if text and text in p.text), None)

    title, outlet = _text(recorded.get("title")), _text(recorded.get("outlet"))
    names = recorded.get("author") or []
    names = [names] if isinstance(names, str) else [str(n) for n in names if n]
    dateline_text = _text(recorded.get("dateline"))
    dateline = None
    if dateline_text:
        paragraph = where(dateline_text)
        dateline = (find_dateline(dateline_text + " ", paragraph)
                    or find_date_line(dateline_text, paragraph)
                    or Dateline(text=dateline_text, paragraph=paragraph))
    found = [a for a in article.text_meta.authors if a.value in names]
    return TextMeta(
        headline=Found(value=title, text=title, paragraph=where(title)) if title else None,
        outlet=Found(value=outlet, text=outlet, paragraph=where(outlet)) if outlet else None,
        authors=tuple(next((a for a in found if a.value == n), Found(value=n, text=n))
                      for n in names),
        dateline=dateline)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _break_cycles(entries: list[tuple[dict[str, Any], int | None, dict[str, int | None]]],
                  problems: list[Problem]) -> None:
    """Report and drop ``derived_from`` links that go round in a circle (a → b → a, a → a).

    A copy's chain of originals must end at an original; every entry on a circle loses its
    ``derived_from`` (none of them is known to be the original).
    """
    parent = {e["id"]: e.get("derived_from") for e, _, _ in entries}
    lines = {e["id"]: line for e, line, _ in entries}
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
    for entry, _, _ in entries:
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

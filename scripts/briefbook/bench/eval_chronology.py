"""Measure the chronology and the discrepancies on hand-annotated real text.

**Chronology** (:func:`evaluate_chronology`): the articles named by the annotation files of
``tests/gold/bbc/`` (``dates:`` of each, see ``../shared/EVAL.md``) are read from the corpus
into one book with no curation and no dates, as a new user would drop them in. What the
engine keeps as the events of an article is every dated clause no curated event absorbs: the
members of the chronology's entries (main, background and later alike) and the clauses that
cannot be dated (listed on the Review page). Each is matched, one to one and in text order,
to an annotated date of the same article:

- the phrases must overlap (one contains the other after folding case and dropping a lead
  preposition or article: "on Monday" meets "Monday");
- an annotated ``date`` must equal the entry's date and its ``precision`` the entry's
  precision; an annotated ``date: null`` (the annotator could not place it without the
  article's date, which the corpus does not give) is matched on precision alone: the
  engine's date, if it found one, rests on a date inferred from the text and cannot be
  checked against the annotation.

A range ("between 1997 and 2002") is one clause; it also matches the annotation of its last
end. Precision = matched clauses / clauses judged; recall = matched annotations /
annotations with ``is_event: true``. A clause matched to an ``is_event: false`` annotation
(a year in a name) counts against precision. Labels marked ``unsure`` are left out, and so
is a clause matched to one. Clauses whose phrase the annotation rules do not cover
("yesterday", "this week", "three years ago": they name no year, month or weekday) are
counted apart as ``not judged``.

**Discrepancies** (:func:`evaluate_discrepancies`): each folder of
``tests/gold/discrepancies/`` holds two articles written for the purpose (``a.txt``, ``b.txt``)
about the same events and an ``expected.yml`` listing the real disagreements (``kind`` and the
two phrases ``a`` and ``b``). Both articles are read into a book of their own and compared; a
flagged discrepancy is right when its two sentences hold the two phrases of an expected one and
its note names a word that differs between them (so that a flag about something else in the
same sentences is wrong). Precision = right flags / flags; recall = expected disagreements
found / expected.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.chronology import Candidate
from briefbook.core.model import Book, Source
from briefbook.core.text import fold
from briefbook.read.sources import read_cached, source_id_for

#: Phrase patterns outside the annotation rules, which cover phrases naming a year, a month
#: or a weekday: "yesterday", "three years ago"; "this week" is left out too.
NOT_JUDGED = frozenset({"dayword", "ago"})
_LEAD_RE = re.compile(r"^(?:on|in|at|by|since|for|during|from|of|the|between)\s+")


@dataclass(frozen=True, kw_only=True)
class Match:
    """One engine clause and the annotation it was matched to (``None``: no match)."""

    article: str
    phrase: str
    date: str | None
    precision: str | None
    clause: str
    annotation: dict[str, Any] | None
    verdict: str


@dataclass(frozen=True, kw_only=True)
class ChronologyScore:
    """Chronology figures on the annotated set.

    Attributes:
        articles: Articles read.
        judged: Engine clauses judged (in the annotation rules' scope, not matched to an
            unsure label).
        correct: Judged clauses matched to an ``is_event`` annotation with the right date
            and precision.
        annotated: Annotations with ``is_event: true`` (``unsure`` left out).
        found: Those matched by an engine clause.
        not_judged: Engine clauses whose phrase the annotation rules do not cover.
        entries: Chronology entries (merged events) the book has.
        matches: Every engine clause with its verdict, and the missed annotations.
        missed: Annotations no clause matched.
    """

    articles: int
    judged: int
    correct: int
    annotated: int
    found: int
    not_judged: int
    entries: int
    matches: tuple[Match, ...] = ()
    missed: tuple[tuple[str, dict[str, Any]], ...] = ()

    @property
    def precision(self) -> float:
        """Correct clauses / judged clauses (0–1)."""
        return self.correct / self.judged if self.judged else 0.0

    @property
    def recall(self) -> float:
        """Annotations found / annotations (0–1)."""
        return self.found / self.annotated if self.annotated else 0.0


def book_of_files(paths: Iterable[Path], root: str = "") -> Book:
    """A book of plain-text articles, undated and uncurated (ids from the file names)."""
    sources = []
    for path in paths:
        data = path.read_bytes()
        article = read_cached(data, path.name)
        sources.append(Source(
            id=source_id_for(path.name), file=path.name, paragraphs=article.paragraphs,
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), date=article.date))
    return Book(root=root, sources=tuple(sources))


def _norm(phrase: str) -> str:
    text = " ".join(fold(phrase).replace("'s", "").replace("\u2019s", "").split())
    previous = None
    while previous != text:
        previous, text = text, _LEAD_RE.sub("", text)
    return text.strip(" ,.")


def _overlaps(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x and y) and (x in y or y in x)


def _judged(candidate: Candidate) -> bool:
    """Whether the annotation rules cover the clause's phrase (it names a year, month or day)."""
    phrase = candidate.dating
    if phrase is None or phrase.pattern in NOT_JUDGED:
        return False
    return phrase.pattern not in ("ago", "period") or phrase.grain in ("month", "year")


def _agrees(candidate: Candidate, note: dict[str, Any]) -> bool:
    phrase = candidate.dating
    assert phrase is not None
    precision = phrase.precision or phrase.grain
    if note.get("date") is None:
        return precision == note.get("precision")
    return phrase.date == str(note["date"]) and precision == note.get("precision")


def _pick(clause: Candidate, notes: list[dict[str, Any]], free: list[int]) -> int | None:
    """The free annotation a clause matches: an agreeing event first, then any overlap."""
    phrase = clause.dating
    assert phrase is not None
    overlapping = [i for i in free if _overlaps(phrase.text, str(notes[i].get("phrase", "")))]
    ranked = sorted(overlapping, key=lambda i: (
        not _agrees(clause, notes[i]), not notes[i].get("is_event"),
        bool(notes[i].get("unsure")), overlapping.index(i)))
    return ranked[0] if ranked else None


def _range_end(clause: Candidate, notes: list[dict[str, Any]], free: list[int]) -> int | None:
    """The annotation of a range's last end ("between 1997 and 2002": "2002"), if free."""
    phrase = clause.dating
    if phrase is None or phrase.end_date is None:
        return None
    return next((i for i in free if notes[i].get("is_event")
                 and str(notes[i].get("date")) == phrase.end_date
                 and notes[i].get("precision") == phrase.precision
                 and _norm(str(notes[i].get("phrase", ""))) in _norm(phrase.text)), None)


def _match_article(article: str, clauses: Sequence[Candidate], notes: list[dict[str, Any]],
                   ) -> tuple[list[Match], list[dict[str, Any]]]:
    free = list(range(len(notes)))
    matches = []
    ends: list[int] = []
    for clause in clauses:
        phrase = clause.dating
        assert phrase is not None
        chosen = _pick(clause, notes, free)
        note = notes[chosen] if chosen is not None else None
        if chosen is not None:
            free.remove(chosen)
        if not _judged(clause):
            verdict = "not judged"
        elif note is None:
            verdict = "wrong: not an annotated date"
        elif note.get("unsure"):
            verdict = "unsure"
        elif not note.get("is_event"):
            verdict = "wrong: part of a name"
        elif _agrees(clause, note):
            verdict = "right"
            end = _range_end(clause, notes, free)
            if end is not None:
                free.remove(end)
                ends.append(end)
        else:
            verdict = "wrong: date or precision"
        matches.append(Match(article=article, phrase=phrase.text, date=phrase.date,
                             precision=phrase.precision or phrase.grain, clause=clause.clause,
                             annotation=note, verdict=verdict))
    matched = {id(m.annotation) for m in matches if m.verdict == "right"}
    matched.update(id(notes[i]) for i in ends)
    missed = [n for n in notes if n.get("is_event") and not n.get("unsure")
              and id(n) not in matched]
    return matches, missed


def evaluate_chronology(gold: Path, corpus: Path) -> ChronologyScore:
    """Chronology precision and recall on the annotated articles (rules in the module doc).

    Args:
        gold: Folder of annotation files (``*.yml`` with ``file:`` and ``dates:``).
        corpus: Folder holding the articles they name.

    Raises:
        FileNotFoundError: An annotated article is not in ``corpus``.
    """
    notes_by_file: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(gold.glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        if isinstance(data, dict) and data.get("file"):
            notes_by_file[str(data["file"])] = list(data.get("dates") or [])
    paths = [corpus / name for name in sorted(notes_by_file)]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"annotated articles not in {corpus}: {', '.join(missing)}")
    book = book_of_files(paths, root=str(corpus))
    chronology = Annotations(book).chronology
    by_source: dict[str, list[Candidate]] = {}
    for candidate in chronology.unabsorbed:
        by_source.setdefault(candidate.source, []).append(candidate)
    matches: list[Match] = []
    missed: list[tuple[str, dict[str, Any]]] = []
    for source in book.sources:
        found, lost = _match_article(source.file, by_source.get(source.id, []),
                                     notes_by_file[source.file])
        matches.extend(found)
        missed.extend((source.file, n) for n in lost)
    judged = [m for m in matches if m.verdict not in ("not judged", "unsure")]
    annotated = sum(1 for notes in notes_by_file.values() for n in notes
                    if n.get("is_event") and not n.get("unsure"))
    right = sum(1 for m in judged if m.verdict == "right")
    return ChronologyScore(
        articles=len(book.sources), judged=len(judged), correct=right, annotated=annotated,
        found=annotated - len(missed),
        not_judged=sum(1 for m in matches if m.verdict == "not judged"),
        entries=len(chronology.entries), matches=tuple(matches), missed=tuple(missed))


@dataclass(frozen=True, kw_only=True)
class DiscrepancyScore:
    """Discrepancy figures on the annotated pairs.

    Attributes:
        pairs: Pairs of articles read.
        flagged: Discrepancies the engine reported (any kind but ``wording``).
        right: Flags that match an expected disagreement.
        expected: Expected disagreements.
        found: Expected disagreements flagged.
        wrong: ``(pair, kind, note)`` of every flag that matched nothing.
        lost: ``(pair, expected)`` of every expected disagreement not flagged.
    """

    pairs: int
    flagged: int
    right: int
    expected: int
    found: int
    wrong: tuple[tuple[str, str, str], ...] = field(default=())
    lost: tuple[tuple[str, dict[str, Any]], ...] = field(default=())

    @property
    def precision(self) -> float:
        """Right flags / flags (0–1; 1 when nothing was flagged)."""
        return self.right / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        """Expected disagreements found / expected (0–1)."""
        return self.found / self.expected if self.expected else 1.0


def _holds(text: str, phrase: str) -> bool:
    return fold(phrase) in fold(text)


def _about(note: str, expected: dict[str, Any]) -> bool:
    """Whether a flag's note names a word that differs between the two expected phrases."""
    a = set(re.findall(r"\w+", fold(str(expected["a"]))))
    b = set(re.findall(r"\w+", fold(str(expected["b"]))))
    return bool(set(re.findall(r"\w+", fold(note))) & (a ^ b))


def evaluate_discrepancies(folder: Path) -> DiscrepancyScore:
    """Discrepancy precision and recall on pairs of articles (rules in the module doc)."""
    flagged = right = expected_total = found = 0
    wrong: list[tuple[str, str, str]] = []
    lost: list[tuple[str, dict[str, Any]]] = []
    cases = sorted(p.parent for p in folder.rglob("expected.yml"))
    for case in cases:
        data = yaml.safe_load((case / "expected.yml").read_text("utf-8")) or {}
        expected = list(data.get("disagreements") or [])
        book = book_of_files([case / "a.txt", case / "b.txt"], root=str(case))
        flags = [d for d in Annotations(book).comparison.discrepancies if d.kind != "wording"]
        hit: set[int] = set()
        for flag in flags:
            flagged += 1
            a_text, b_text = (flag.a.text, flag.b.text) if flag.a.source == "a" else (
                flag.b.text, flag.a.text)
            index = next((k for k, e in enumerate(expected)
                          if _holds(a_text, str(e["a"])) and _holds(b_text, str(e["b"]))
                          and _about(flag.note, e)), None)
            if index is None:
                wrong.append((case.name, flag.kind, flag.note))
            else:
                right += 1
                hit.add(index)
        expected_total += len(expected)
        found += len(hit)
        lost.extend((case.name, e) for k, e in enumerate(expected) if k not in hit)
    return DiscrepancyScore(pairs=len(cases), flagged=flagged, right=right,
                            expected=expected_total, found=found, wrong=tuple(wrong),
                            lost=tuple(lost))


def report(chronology: ChronologyScore | None, discrepancies: DiscrepancyScore | None, *,
           details: bool = False) -> str:
    """The figures as text (with every wrong and missed item when ``details``)."""
    lines = []
    if chronology is not None:
        c = chronology
        lines.append(f"chronology: {c.articles} articles, {c.entries} entries; clauses judged "
                     f"{c.judged}, right {c.correct}: precision {c.precision:.1%}; annotated "
                     f"events {c.annotated}, found {c.found}: recall {c.recall:.1%} "
                     f"({c.not_judged} clauses outside the annotation rules)")
        if details:
            for m in c.matches:
                if m.verdict.startswith("wrong"):
                    lines.append(f"  {m.verdict}: {m.article} '{m.phrase}' → {m.date} "
                                 f"({m.precision}) :: {m.clause[:90]}")
            for article, note in c.missed:
                lines.append(f"  missed: {article} '{note.get('phrase')}' {note.get('date')} "
                             f"({note.get('precision')})")
    if discrepancies is not None:
        d = discrepancies
        lines.append(f"discrepancies: {d.pairs} pairs; flagged {d.flagged}, right {d.right}: "
                     f"precision {d.precision:.1%}; expected {d.expected}, found {d.found}: "
                     f"recall {d.recall:.1%}")
        if details:
            lines.extend(f"  wrong: {case} {kind}: {note}" for case, kind, note in d.wrong)
            lines.extend(f"  missed: {case} {e}" for case, e in d.lost)
    return "\n".join(lines)

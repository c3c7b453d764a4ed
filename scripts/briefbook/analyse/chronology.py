"""The chronology: curated events plus the events found in the text and merged.

Every sentence is read for date phrases; each phrase that dates an event of the sentence (not
a year inside a name, see :mod:`briefbook.analyse.dated_clauses`) makes a *dated clause*, a
:class:`Candidate`, dated against the source's date (or the date its text gives, see
:mod:`briefbook.analyse.source_dates`). A curated event absorbs the candidates of the
paragraphs it cites. The rest are merged into events across sentences and sources
(:mod:`briefbook.analyse.merge`) and stay in the chronology labelled "extracted" (and on the
Review page), so a book with an empty ``events.yml`` still has a chronology.

Corroboration counts independent sources: a derivative copy counts as its original, and two
articles of the same outlet count once. An event is ``disputed`` when its curation records a
disagreement or when sources report different figures; else ``confirmed`` with two or more
independent sources, else ``single-source``.

The chronology is *about* the period of its sources (:func:`subject_span`): entries before it
are background, entries after it are later dates; the page shows both apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from briefbook.analyse.dated_clauses import dated_clauses, is_verb
from briefbook.analyse.dates import DatePhrase, find_dates
from briefbook.analyse.merge import merge_groups
from briefbook.analyse.periods import section_of, subject_span
from briefbook.analyse.source_dates import (
    SourceDate,
    proposal_jobs,
    propose_from_original,
    propose_source_date,
    reference_of,
)
from briefbook.core.cache import cached, source_key
from briefbook.core.citekeys import excerpt
from briefbook.core.model import (
    Book,
    Cited,
    Event,
    EventActor,
    Figure,
    Paragraph,
    Source,
    Unmerge,
)
from briefbook.core.parallel import prefill
from briefbook.core.text import sentence_spans
from briefbook.read.textmeta import find_dateline

STATUSES = ("confirmed", "single-source", "disputed")


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A dated clause found in a source: one event a sentence reports, with its date.

    Attributes:
        id: ``<source>-p<N>-s<K>``: source, paragraph and sentence number; a second or
            third event of the same sentence adds ``-2``, ``-3``.
        source: The source id.
        paragraph: The paragraph number.
        sentence: The sentence as written.
        clause: The clause the date phrase belongs to (a part of ``sentence``).
        phrases: Every date phrase of the sentence (names included).
        dating: The phrase that dates this clause, resolved or not.
        phrase: ``dating`` when it is resolved, else ``None`` (an undated source).
    """

    id: str
    source: str
    paragraph: int
    sentence: str
    phrases: tuple[DatePhrase, ...]
    phrase: DatePhrase | None
    clause: str = ""
    dating: DatePhrase | None = None

@dataclass(frozen=True, kw_only=True)
class Entry:
    """One line of the chronology, curated (``event`` set) or extracted (``candidate`` set)."""

    id: str
    date: str
    date_precision: str
    earliest: str
    title: str
    summary: str
    curated: bool
    sources: tuple[Cited, ...]
    independent: tuple[str, ...]
    status: str
    disagreements: tuple[str, ...] = ()
    date_basis: str = "absolute"
    date_note: str | None = None
    end_date: str | None = None
    time_note: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    location: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actors: tuple[EventActor, ...] = ()
    fatalities: tuple[Figure, ...] = ()
    injured: tuple[Figure, ...] = ()
    absorbed: tuple[Candidate, ...] = ()
    candidate: Candidate | None = None
    members: tuple[Candidate, ...] = ()
    latest: str = ""
    section: str = "main"

    @property
    def independent_sources(self) -> int:
        """How many independent sources report the event."""
        return len(self.independent)


@dataclass(frozen=True, kw_only=True)
class Chronology:
    """The entries in date order, the candidates, and those left unabsorbed.

    Attributes:
        entries: Curated and extracted entries, in date order; each entry's ``section``
            says whether it is in the subject's period (``main``), before it
            (``background``) or after it (``later``).
        candidates: Every dated clause of every source.
        unabsorbed: The candidates no curated event absorbs.
        span: First and last day of the subject's period, or ``None`` when nothing is dated.
        span_note: What the period rests on, in words.
        proposals: Dates proposed for undated sources from their text.
    """

    entries: tuple[Entry, ...]
    candidates: tuple[Candidate, ...]
    unabsorbed: tuple[Candidate, ...]
    span: tuple[str, str] | None = None
    span_note: str = ""
    proposals: tuple[SourceDate, ...] = ()

    def by_actor(self) -> dict[str, list[Entry]]:
        """Actor id → the entries naming it, in date order."""
        result: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for actor_id in sorted({a.id for a in entry.actors}):
                result.setdefault(actor_id, []).append(entry)
        return result


def source_dates(book: Book, derived_from: Mapping[str, str]) -> dict[str, SourceDate]:
    """Source id → the date proposed for it (from its text, else from the source it copies)."""
    prefill("source_dates.proposal", proposal_jobs(book.sources))
    proposals = {s.id: p for s in book.sources if (p := propose_source_date(s)) is not None}
    for source in book.sources:
        original = book.source(original_of(source.id, derived_from))
        if source.id in proposals or original is None or original.id == source.id:
            continue
        date = original.date if original.date_basis != "unknown" else None
        date = date or (proposals[original.id].date if original.id in proposals else None)
        proposal = propose_from_original(source, original, date)
        if proposal is not None:
            proposals[source.id] = proposal
    return proposals


def extract_candidates(source: Source, proposal: SourceDate | None = None, *,
                       reference: tuple[str, bool] | None = None) -> list[Candidate]:
    """Every dated clause of a source's citable paragraphs (cached by content hash).

    Relative phrases resolve against ``reference`` (``(date, inferred)``, given for a copy:
    see :func:`copy_references`), else the source's date, else against ``proposal``, else
    against the date its own text gives
    (:func:`briefbook.analyse.source_dates.propose_source_date`).
    """
    return list(cached("chronology.clauses", *_candidates_job(source, proposal, reference)))


def _candidates_job(source: Source, proposal: SourceDate | None,
                    reference: tuple[str, bool] | None,
                    ) -> tuple[str, Callable[[], tuple[Candidate, ...]]]:
    """The cache key of a source's dated clauses and how to compute them."""
    proposal = proposal or propose_source_date(source)
    date, inferred = reference or reference_of(source, proposal)
    return (source_key(source) + f"|{date}|{inferred}",
            lambda: tuple(_extract_candidates(source, date, inferred)))


def copy_references(book: Book, derived_from: Mapping[str, str],
                    proposals: Mapping[str, SourceDate]) -> dict[str, tuple[str, bool]]:
    """Copy id → ``(date, inferred)`` its relative dates resolve against: its original's.

    A copy's "on Saturday" was written on the original's day, whatever day the copy was
    republished (its ``date`` in ``sources.yml``); so a source with ``derived_from`` (curated
    or detected) whose own text states no date (no dateline, no full date in its first
    paragraphs) resolves against the date of the source it copies, stated or inferred.
    """
    out: dict[str, tuple[str, bool]] = {}
    for source in book.sources:
        original = book.source(original_of(source.id, derived_from))
        if original is None or original.id == source.id or propose_source_date(source):
            continue
        date, inferred = reference_of(original, proposals.get(original.id))
        if date and len(date) == 10:
            out[source.id] = (date, inferred)
    return out


def _extract_candidates(source: Source, reference: str | None,
                        inferred: bool) -> list[Candidate]:
    found = []
    for para in source.paragraphs:
        if para.boilerplate:
            continue
        skip = dateline_end(source, para)
        for index, (a, b) in enumerate(sentence_spans(para.text), start=1):
            raw = para.text[a:b]
            sentence = raw.strip()
            offset = a + len(raw) - len(raw.lstrip())
            phrases = tuple(p for p in find_dates(sentence, reference, reference_inferred=inferred)
                            if offset + p.start >= skip)
            if not phrases:
                continue
            clauses, _ = dated_clauses(sentence, phrases)
            for k, clause in enumerate(clauses, start=1):
                dating = clause.phrase
                found.append(Candidate(
                    id=f"{source.id}-p{para.number}-s{index}" + (f"-{k}" if k > 1 else ""),
                    source=source.id, paragraph=para.number, sentence=sentence,
                    clause=clause.clause, phrases=phrases, dating=dating,
                    phrase=dating if dating.resolved else None))
    return found


def dateline_end(source: Source, para: Paragraph) -> int:
    """Where the dateline opening ``para`` ends (0: it opens with none).

    A dateline ("PORTO, March 3 (Wire) -") dates the report, not an event: a date phrase
    inside it makes no entry (it may date the source, see
    :mod:`briefbook.analyse.source_dates`). The dateline is the one recorded for the source
    (``suggested.dateline``) when it opens this paragraph, else one read from the paragraph.
    """
    recorded = source.suggested.dateline if source.suggested else None
    if recorded is not None and recorded.paragraph in (None, para.number):
        at = para.text.find(recorded.text)
        if 0 <= at and not para.text[:at].strip():
            return at + len(recorded.text)
    found = find_dateline(para.text, para.number)
    if found is None:
        return 0
    return para.text.find(found.text) + len(found.text)


def original_of(source_id: str, derived_from: Mapping[str, str]) -> str:
    """Follow ``derived_from`` to the original source (cycles stop where they repeat)."""
    seen = {source_id}
    while source_id in derived_from and derived_from[source_id] not in seen:
        source_id = derived_from[source_id]
        seen.add(source_id)
    return source_id


def independent_keys(source_ids: Sequence[str], book: Book,
                     derived_from: Mapping[str, str]) -> tuple[str, ...]:
    """One key per independent source: the original's outlet, else the original's id."""
    keys = set()
    for source_id in source_ids:
        original = original_of(source_id, derived_from)
        source = book.source(original)
        keys.add(f"outlet:{source.outlet}" if source and source.outlet else original)
    return tuple(sorted(keys))


def figure_disagreements(event: Event, book: Book,
                         derived_from: Mapping[str, str]) -> list[str]:
    """Messages for figures that differ between independent sources."""
    messages = []
    for label, figures in (("killed", event.fatalities), ("injured", event.injured)):
        totals: dict[str, int] = {}
        for fig in figures:
            if fig.count is None or not fig.cited or fig.cited[0].source in derived_from:
                continue  # a copy's figures are shown, but only originals are compared
            key = independent_keys([fig.cited[0].source], book, derived_from)[0]
            totals[key] = totals.get(key, 0) + fig.count
        if len(set(totals.values())) > 1:
            shown = "; ".join(f"{n} per {key.removeprefix('outlet:')}"
                              for key, n in sorted(totals.items()))
            messages.append(f"{label}: {shown}")
    return messages


def _status(independent: int, disagreements: Sequence[str]) -> str:
    if disagreements:
        return "disputed"
    return "confirmed" if independent >= 2 else "single-source"


def curated_entry(event: Event, book: Book, derived_from: Mapping[str, str],
                  absorbed: Sequence[Candidate]) -> Entry:
    """The chronology entry of a curated event."""
    cited = event.cited
    independent = independent_keys([c.source for c in cited], book, derived_from)
    disagreements = [f"{d.about}: {d.note}" for d in event.disputed]
    disagreements += figure_disagreements(event, book, derived_from)
    return Entry(
        id=event.id, date=event.date, date_precision=event.date_precision,
        earliest=_earliest(event.date), latest=_latest(event.end_date or event.date),
        title=event.title, summary=event.summary, curated=True,
        sources=_unique(cited), independent=independent,
        status=_status(len(independent), disagreements), disagreements=tuple(disagreements),
        date_basis=event.date_basis, date_note=event.date_note, end_date=event.end_date,
        time_note=event.time_note, event_type=event.event_type,
        sub_event_type=event.sub_event_type, location=event.location, country=event.country,
        latitude=event.latitude, longitude=event.longitude, actors=event.actors,
        fatalities=event.fatalities, injured=event.injured, absorbed=tuple(absorbed))


def _basis(phrase: DatePhrase) -> tuple[str, str | None]:
    """The entry's date basis and note for the phrase that dates it."""
    if phrase.kind == "absolute":
        return "absolute", None
    how = "inferred" if phrase.reference_inferred else "stated"
    return ("inferred" if phrase.reference_inferred else "relative",
            f"'{phrase.text}' resolved against the source's {how} date {phrase.reference}")


def _title(members: Sequence[Candidate]) -> str:
    """The words of the member clause that shares most with the others (the first on ties)."""
    def shared(c: Candidate) -> int:
        mine = set(c.clause.lower().split())
        return sum(len(mine & set(o.clause.lower().split())) for o in members if o is not c)
    best = max(members, key=lambda c: (shared(c), -members.index(c)))
    text = best.clause if len(best.clause.split()) >= 5 else best.sentence
    first, _, rest = text.partition(" ")
    first, rest = first.rstrip(","), rest.lstrip(", ")  # "and, on 7 June, the board …"
    if first.lower() in ("and", "but") and len(rest.split()) >= 4 \
            and not is_verb(rest.split()[0]):
        # "and the turbine was installed in 2022", cut from its sentence or opening it,
        # reads alone without its "and" (a clause with its own subject)
        text = rest.removeprefix("yet ").removeprefix("so ")
    elif text is best.clause and not best.sentence.startswith(text) and (
            first.lower() in _NEEDS_ANTECEDENT or first.lower() in ("and", "but")):
        text = best.sentence  # "who left Geneva on Friday", "after Bishop X, who built it
        # in 1891": a clause cut from inside its sentence needs what came before it
    return excerpt(text[:1].upper() + text[1:], 120)


#: First words of a clause cut from a sentence (``dated_clauses``) that cannot stand alone.
_NEEDS_ANTECEDENT = frozenset(
    "which who whom whose while whereas although though after before when as because where "
    "with since until prompting leaving making adding saying".split())


def extracted_entry(candidate: Candidate, book: Book, derived_from: Mapping[str, str],
                    members: Sequence[Candidate] = ()) -> Entry | None:
    """The chronology entry of unabsorbed candidates merged into one event.

    Args:
        candidate: The first member (it names the entry: ``x-<candidate id>``).
        book: The book (for independent-source keys).
        derived_from: Copies and their originals.
        members: Every member, ``candidate`` first; just ``candidate`` when empty.

    Returns:
        The entry, or ``None`` when the candidate has no date.
    """
    members = tuple(members) or (candidate,)
    phrase = candidate.phrase
    if phrase is None or phrase.date is None or phrase.precision is None:
        return None
    finest = max((m for m in members if m.phrase and m.phrase.date),
                 key=lambda m: (len(str(m.phrase.date)), -members.index(m)))  # type: ignore[union-attr]
    phrase = finest.phrase or phrase
    independent = independent_keys([m.source for m in members], book, derived_from)
    basis, note = _basis(phrase)
    cited = _unique([Cited(source=m.source, paragraphs=(m.paragraph,)) for m in members])
    summary = " ".join(f"{m.sentence} [@{m.source}, ¶ {m.paragraph}]" for m in members)
    return Entry(
        id=f"x-{candidate.id}", date=str(phrase.date), date_precision=str(phrase.precision),
        earliest=str(phrase.earliest), latest=str(phrase.latest), end_date=phrase.end_date,
        title=_title(members), summary=summary, curated=False, sources=cited,
        independent=independent, status=_status(len(independent), ()), date_basis=basis,
        date_note=note, candidate=candidate, members=members)


def build_chronology(book: Book, derived_from: Mapping[str, str]) -> Chronology:
    """Extract candidates, let curated events absorb them, merge the rest, date-sort all."""
    proposals = source_dates(book, derived_from)
    copies = copy_references(book, derived_from, proposals)
    prefill("chronology.clauses", [_candidates_job(s, proposals.get(s.id), copies.get(s.id))
                                   for s in book.sources])
    candidates = [c for s in book.sources
                  for c in extract_candidates(s, proposals.get(s.id), reference=copies.get(s.id))]
    events: tuple[Event, ...] = tuple(e for e in book.events if isinstance(e, Event))
    keep_apart = [i for u in book.events if isinstance(u, Unmerge) for i in u.ids]
    entries = []
    absorbed_ids: set[str] = set()
    for event in events:
        cited = {(c.source, n) for c in event.cited for n in c.paragraphs}
        absorbed = [c for c in candidates if (c.source, c.paragraph) in cited]
        absorbed_ids.update(c.id for c in absorbed)
        entries.append(curated_entry(event, book, derived_from, absorbed))
    unabsorbed = [c for c in candidates if c.id not in absorbed_ids]
    dated = [c for c in unabsorbed if c.phrase is not None]
    family = {s.id: original_of(s.id, derived_from) for s in book.sources}
    for group in merge_groups(dated, keep_apart=keep_apart, family=family):
        members = [dated[i] for i in group]
        entry = extracted_entry(members[0], book, derived_from, members)
        if entry is not None:
            entries.append(entry)
    span, note = subject_span(book, candidates, proposals)
    entries = [replace(e, section=section_of(e, span)) for e in entries]
    entries.sort(key=lambda e: (e.earliest, not e.curated, e.id))
    return Chronology(entries=tuple(entries), candidates=tuple(candidates),
                      unabsorbed=tuple(unabsorbed), span=span, span_note=note,
                      proposals=tuple(proposals[s.id] for s in book.sources
                                      if s.id in proposals))


def _earliest(date: str) -> str:
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _latest(date: str) -> str:
    """The last day of a partial ISO date (``2019`` → ``2019-12-31``)."""
    parts = date.split("-")
    if len(parts) == 3:
        return date
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()
    return f"{parts[0]}-12-31"


def _unique(cited: Sequence[Cited]) -> tuple[Cited, ...]:
    merged: dict[str, set[int]] = {}
    for c in cited:
        merged.setdefault(c.source, set()).update(c.paragraphs)
    return tuple(Cited(source=s, paragraphs=tuple(sorted(ps))) for s, ps in sorted(merged.items()))

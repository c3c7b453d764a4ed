"""The chronology: curated events plus the dated sentences that no curated event covers.

Every sentence with a date phrase becomes an extracted candidate, dated by its first resolved
phrase against the source's date. A curated event absorbs the candidates of the paragraphs it
cites; the rest stay in the chronology labelled "extracted" (and on the Review page), so a book
with an empty ``events.yml`` still has a chronology.

Corroboration counts independent sources: a derivative copy counts as its original, and two
articles of the same outlet count once. An event is ``disputed`` when its curation records a
disagreement or when sources report different figures; else ``confirmed`` with two or more
independent sources, else ``single-source``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefbook.analyse.dates import DatePhrase, find_dates
from briefbook.core.cache import cached, source_key
from briefbook.core.citekeys import excerpt
from briefbook.core.model import Book, Cited, Event, EventActor, Figure, Source
from briefbook.core.text import sentence_spans

STATUSES = ("confirmed", "single-source", "disputed")


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A dated sentence found in a source: an extracted event candidate.

    Attributes:
        id: ``<source>-p<N>-s<K>``: source, paragraph and sentence number.
        source: The source id.
        paragraph: The paragraph number.
        sentence: The sentence as written.
        phrases: Every date phrase of the sentence.
        phrase: The phrase that dates the candidate (the first resolved one), or ``None``
            when nothing could be resolved (an undated source).
    """

    id: str
    source: str
    paragraph: int
    sentence: str
    phrases: tuple[DatePhrase, ...]
    phrase: DatePhrase | None


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

    @property
    def independent_sources(self) -> int:
        """How many independent sources report the event."""
        return len(self.independent)


@dataclass(frozen=True, kw_only=True)
class Chronology:
    """The entries in date order, the candidates, and those left unabsorbed."""

    entries: tuple[Entry, ...]
    candidates: tuple[Candidate, ...]
    unabsorbed: tuple[Candidate, ...]

    def by_actor(self) -> dict[str, list[Entry]]:
        """Actor id → the entries naming it, in date order."""
        result: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for actor_id in sorted({a.id for a in entry.actors}):
                result.setdefault(actor_id, []).append(entry)
        return result


def extract_candidates(source: Source) -> list[Candidate]:
    """Every dated sentence of a source's citable paragraphs (cached by content hash)."""
    return list(cached("chronology.candidates", source_key(source),
                       lambda: tuple(_extract_candidates(source))))


def _extract_candidates(source: Source) -> list[Candidate]:
    reference = source.date if source.date_basis != "unknown" else None
    inferred = source.date_basis == "inferred"
    found = []
    for para in source.paragraphs:
        if para.boilerplate:
            continue
        for index, (a, b) in enumerate(sentence_spans(para.text), start=1):
            sentence = para.text[a:b].strip()
            phrases = tuple(find_dates(sentence, reference, reference_inferred=inferred))
            if not phrases:
                continue
            first = next((p for p in phrases if p.resolved), None)
            found.append(Candidate(id=f"{source.id}-p{para.number}-s{index}", source=source.id,
                                   paragraph=para.number, sentence=sentence, phrases=phrases,
                                   phrase=first))
    return found


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
        earliest=_earliest(event.date), title=event.title, summary=event.summary, curated=True,
        sources=_unique(cited), independent=independent,
        status=_status(len(independent), disagreements), disagreements=tuple(disagreements),
        date_basis=event.date_basis, date_note=event.date_note, end_date=event.end_date,
        time_note=event.time_note, event_type=event.event_type,
        sub_event_type=event.sub_event_type, location=event.location, country=event.country,
        latitude=event.latitude, longitude=event.longitude, actors=event.actors,
        fatalities=event.fatalities, injured=event.injured, absorbed=tuple(absorbed))


def extracted_entry(candidate: Candidate, book: Book,
                    derived_from: Mapping[str, str]) -> Entry | None:
    """The chronology entry of an unabsorbed candidate (``None`` when it has no date)."""
    phrase = candidate.phrase
    if phrase is None or phrase.date is None or phrase.precision is None:
        return None
    independent = independent_keys([candidate.source], book, derived_from)
    basis = "absolute" if phrase.kind == "absolute" else (
        "inferred" if phrase.reference_inferred else "relative")
    note = None if phrase.kind == "absolute" else (
        f"'{phrase.text}' resolved against the source's "
        f"{'inferred' if phrase.reference_inferred else 'stated'} date {phrase.reference}")
    return Entry(
        id=f"x-{candidate.id}", date=phrase.date, date_precision=phrase.precision,
        earliest=str(phrase.earliest), title=excerpt(candidate.sentence, 120),
        summary=f"{candidate.sentence} [@{candidate.source}, ¶ {candidate.paragraph}]",
        curated=False, sources=(Cited(source=candidate.source,
                                      paragraphs=(candidate.paragraph,)),),
        independent=independent, status="single-source", date_basis=basis, date_note=note,
        candidate=candidate)


def build_chronology(book: Book, derived_from: Mapping[str, str]) -> Chronology:
    """Extract candidates, let curated events absorb them, and date-sort everything."""
    candidates = [c for s in book.sources for c in extract_candidates(s)]
    events: tuple[Event, ...] = tuple(e for e in book.events if isinstance(e, Event))
    entries = []
    absorbed_ids: set[str] = set()
    for event in events:
        cited = {(c.source, n) for c in event.cited for n in c.paragraphs}
        absorbed = [c for c in candidates if (c.source, c.paragraph) in cited]
        absorbed_ids.update(c.id for c in absorbed)
        entries.append(curated_entry(event, book, derived_from, absorbed))
    unabsorbed = [c for c in candidates if c.id not in absorbed_ids]
    for candidate in unabsorbed:
        entry = extracted_entry(candidate, book, derived_from)
        if entry is not None:
            entries.append(entry)
    entries.sort(key=lambda e: (e.earliest, not e.curated, e.id))
    return Chronology(entries=tuple(entries), candidates=tuple(candidates),
                      unabsorbed=tuple(unabsorbed))


def _earliest(date: str) -> str:
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _unique(cited: Sequence[Cited]) -> tuple[Cited, ...]:
    merged: dict[str, set[int]] = {}
    for c in cited:
        merged.setdefault(c.source, set()).update(c.paragraphs)
    return tuple(Cited(source=s, paragraphs=tuple(sorted(ps))) for s, ps in sorted(merged.items()))

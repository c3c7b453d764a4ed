"""The chronology page, the home-page timeline, the chronology downloads and review items.

The page groups entries by year and month, shows each date's precision and basis, time notes,
type and corroboration badges, actor links and citation notes (``[@id, ¶ N]``, turned into
notes by the citation stage), with an inline SVG timeline and browser-side filters by actor
and type (``assets/chronology.js``; without JavaScript every event stays visible).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.chronology import Chronology, Entry
from briefbook.core.links import href, page_url
from briefbook.core.model import Book, Cited, Figure
from briefbook.render.base import BuiltPages, Settings
from briefbook.render.markup import esc, front_matter
from briefbook.render.timeline import legend_html, timeline_svg

CHRONOLOGY_PAGE = "chronology.md"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
CSV_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
               "country", "location", "latitude", "longitude", "source", "notes", "fatalities",
               "status", "independent_sources", "curated")
_TAG_RE = re.compile(r"<[^<>]+>")
_ATTR_RE = re.compile(r'(\s[\w:-]+)="([^"]*)"')


def single_quoted(html: str) -> str:
    """Write HTML attributes with single quotes.

    Attribute values are escaped, so this is safe; it keeps double quotation marks on the
    page for real quotations, which the quotation checker compares with the sources.
    """
    return _TAG_RE.sub(lambda m: _ATTR_RE.sub(r"\1='\2'", m.group()), html)


def _entities(text: str) -> str:
    """Curly double quotes as character references.

    A title is a label, not a cited sentence: an excerpt may cut a quotation in half, and the
    quotation checker must not read it as one.
    """
    return text.replace("\u201c", "&#8220;").replace("\u201d", "&#8221;")


def human_date(date: str) -> str:
    """``2019-03-04`` → ``4 March 2019``; ``2019-03`` → ``March 2019``; years as is."""
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def cite(cited: Cited) -> str:
    """A Pandoc citation for one cited source."""
    if not cited.paragraphs:
        return f"[@{cited.source}]"
    ps = cited.paragraphs
    if len(ps) == 1:
        return f"[@{cited.source}, ¶ {ps[0]}]"
    if list(ps) == list(range(ps[0], ps[-1] + 1)):
        return f"[@{cited.source}, ¶¶ {ps[0]}-{ps[-1]}]"
    return f"[@{cited.source}, ¶¶ {', '.join(map(str, ps))}]"


def _actor_names(book: Book) -> dict[str, str]:
    return {str(getattr(a, "id", "")): str(getattr(a, "name", "") or getattr(a, "id", ""))
            for a in book.actors}


def _actor_link(actor_id: str, names: dict[str, str], settings: Settings) -> str:
    if actor_id not in names:
        return esc(actor_id)
    url = href(CHRONOLOGY_PAGE, f"actors/{actor_id}.md", directory_urls=settings.directory_urls)
    return f'<a href="{esc(url)}">{esc(names[actor_id])}</a>'


def _figures(label: str, figures: Sequence[Figure]) -> str:
    if not figures:
        return ""
    shown = "; ".join(f"{'unstated number' if f.count is None else f.count} {esc(f.who)} "
                      f"{esc(f.cite)}" for f in figures)
    return f'<p class="bb-event-figures"><strong>{label}:</strong> {shown}</p>'


def render_entry(entry: Entry, number: int | None, names: dict[str, str],
                 settings: Settings) -> str:
    """The raw-HTML block of one chronology entry (no blank lines inside)."""
    actor_ids = sorted({a.id for a in entry.actors})
    kind = entry.event_type or "Unclassified"
    status = entry.status
    count = entry.independent_sources
    classes = ["bb-event", "bb-curated" if entry.curated else "bb-extracted",
               f"bb-status-{status}"]
    head = [f'<time datetime="{esc(entry.date)}">{esc(human_date(entry.date))}</time>']
    if entry.end_date:
        head.append(f"– {esc(human_date(entry.end_date))}")
    head.append(f'<span class="bb-badge bb-precision" title="date precision">'
                f"{esc(entry.date_precision)}</span>")
    if entry.date_basis in ("inferred", "relative"):
        head.append(f'<span class="bb-badge bb-basis-{esc(entry.date_basis)}" title="how the '
                    f'date was read">{esc(entry.date_basis)} date</span>')
    type_text = kind + (f" · {entry.sub_event_type}" if entry.sub_event_type else "")
    head.append(f'<span class="bb-badge bb-type">{esc(type_text)}</span>')
    head.append(f'<span class="bb-badge bb-status bb-status-{status}" title="independent '
                f'sources: copies and same-outlet articles count once">{esc(status)} · '
                f"{count} independent source{'s' if count != 1 else ''}</span>")
    head.append(f'<span class="bb-badge bb-provenance">'
                f"{'curated' if entry.curated else 'extracted'}</span>")
    if number is not None:
        head.insert(0, f'<span class="bb-event-number">{number}.</span>')
    lines = [f'<div class="{" ".join(classes)}" id="event-{esc(entry.id)}" '
             f'data-actors="{esc(" ".join(actor_ids))}" data-type="{esc(kind)}">',
             f'<p class="bb-event-head">{" ".join(head)}</p>',
             f'<p class="bb-event-title"><strong>{_entities(esc(entry.title))}</strong></p>']
    if entry.curated and entry.summary:
        lines.append(f"<p>{esc(' '.join(entry.summary.split()))}</p>")
    elif entry.candidate is not None:
        lines.append(f'<p><q>{esc(entry.candidate.sentence)}</q> {cite(entry.sources[0])}</p>')
    if entry.time_note:
        lines.append(f'<p class="bb-time-note"><strong>Time:</strong> '
                     f"{esc(' '.join(entry.time_note.split()))}</p>")
    if entry.date_note:
        lines.append(f'<p class="bb-date-note"><strong>Date:</strong> '
                     f"{esc(' '.join(entry.date_note.split()))}</p>")
    place = ", ".join(p for p in (entry.location, entry.country) if p)
    meta = []
    if place:
        meta.append(f"<strong>Where:</strong> {esc(place)}")
    if entry.actors:
        shown = ", ".join(f"{_actor_link(a.id, names, settings)} <small>({esc(a.role)})</small>"
                          for a in entry.actors)
        meta.append(f"<strong>Actors:</strong> {shown}")
    if meta:
        lines.append(f'<p class="bb-event-meta">{" · ".join(meta)}</p>')
    for label, figures in (("Killed", entry.fatalities), ("Injured", entry.injured)):
        if figures:
            lines.append(_figures(label, figures))
    if entry.disagreements:
        shown = "</li><li>".join(esc(" ".join(d.split())) for d in entry.disagreements)
        lines.append(f'<div class="bb-disputed"><strong>Sources disagree:</strong>'
                     f"<ul><li>{shown}</li></ul></div>")
    if entry.curated:
        lines.append('<p class="bb-event-sources"><strong>Sources:</strong> '
                     + " ".join(cite(c) for c in entry.sources) + "</p>")
    lines.append("</div>")
    return single_quoted("\n".join(lines))


def _numbers(entries: Sequence[Entry]) -> dict[str, int]:
    return {e.id: n for n, e in enumerate([e for e in entries if e.curated], start=1)}


def _filters(entries: Sequence[Entry], names: dict[str, str]) -> str:
    actors = sorted({a.id for e in entries for a in e.actors},
                    key=lambda i: (names.get(i, i).casefold(), i))
    types = sorted({e.event_type or "Unclassified" for e in entries})
    actor_opts = "".join(f'<option value="{esc(a)}">{esc(names.get(a, a))}</option>'
                         for a in actors)
    type_opts = "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in types)
    return ('<form class="bb-chrono-filter" data-bb-chrono-filter hidden>'
            '<label>Actor <select name="actor"><option value="">All actors</option>'
            f"{actor_opts}</select></label> "
            '<label>Type <select name="type"><option value="">All types</option>'
            f"{type_opts}</select></label> "
            '<label><input type="checkbox" name="curated"> curated only</label> '
            '<output name="count" aria-live="polite"></output></form>')


def render_chronology(book: Book, annotations: Annotations, settings: Settings) -> dict[str, str]:
    """Page generator: ``chronology.md``."""
    chronology: Chronology = annotations.chronology
    entries = chronology.entries
    names = _actor_names(book)
    numbers = _numbers(entries)
    curated = sum(1 for e in entries if e.curated)
    out = [front_matter("Chronology"), "# Chronology\n",
           f"{curated} curated events and {len(entries) - curated} dated sentences extracted "
           "from the articles and not yet curated. Each date is only as precise as the text "
           "supports (day, month or year); a *relative* date was resolved against the "
           "article's stated date, an *inferred* one against a date the editors inferred. "
           "*Independent sources* count a reworded copy as its original and several articles "
           "of one outlet once; *disputed* means the sources disagree, shown under the "
           "event.\n"]
    if entries:
        svg = timeline_svg(entries, numbers=numbers,
                           link=lambda e: f"#event-{e.id}", label="Timeline of the chronology")
        out.append(single_quoted(
            f'<figure class="bb-timeline">{svg}<figcaption>Numbers refer to the curated '
            "events below.</figcaption></figure>") + "\n")
        out.append(single_quoted(legend_html()) + "\n")
        out.append(single_quoted(_filters(entries, names)) + "\n")
    else:
        out.append("No dated events yet: add articles to `sources/` or events to "
                   "`events.yml`.\n")
    year = month = None
    for entry in entries:
        if entry.earliest[:4] != year:
            year, month = entry.earliest[:4], None
            out.append(f"## {year} {{#year-{year}}}\n")
        entry_month = entry.earliest[:7] if entry.date_precision != "year" else year
        if entry_month != month:
            month = entry_month
            title = human_date(month) if "-" in month else f"{year}, month not stated"
            out.append(f"### {title} {{#month-{month}}}\n")
        out.append(render_entry(entry, numbers.get(entry.id), names, settings) + "\n")
    return {CHRONOLOGY_PAGE: "\n".join(out)}


def home_timeline(book: Book, annotations: Annotations, *, from_page: str = "index.md",
                  directory_urls: bool = True) -> str:
    """A compact inline-SVG timeline of the curated events, linking into the chronology.

    For the home page writer: returns raw HTML (empty when nothing is curated).
    """
    entries = [e for e in annotations.chronology.entries if e.curated]
    svg = timeline_svg(entries, compact=True, label="Timeline of the curated events",
                       link=lambda e: href(from_page, CHRONOLOGY_PAGE, f"event-{e.id}",
                                           directory_urls=directory_urls))
    if not svg:
        return ""
    return single_quoted(f'<figure class="bb-timeline bb-timeline-compact">{svg}</figure>')


def _sources(entry: Entry) -> list[dict[str, Any]]:
    return [{"source": c.source, "paragraph": n} for c in entry.sources
            for n in (c.paragraphs or (None,))]


def _fatalities(entry: Entry) -> list[dict[str, Any]]:
    return [{"count": f.count, "who": f.who, "sources": _sources_of(f)}
            for f in entry.fatalities]


def _sources_of(fig: Figure) -> list[dict[str, Any]]:
    return [{"source": c.source, "paragraph": n} for c in fig.cited
            for n in (c.paragraphs or (None,))]


def chronology_records(book: Book, annotations: Annotations,
                       settings: Settings) -> list[dict[str, Any]]:
    """``data/chronology.json``: one record per entry, fields as documented."""
    page = page_url(CHRONOLOGY_PAGE, directory_urls=settings.directory_urls)
    return [{
        "id": e.id, "date": e.date, "date_precision": e.date_precision,
        "time_note": e.time_note, "title": e.title,
        "summary": " ".join(e.summary.split()), "event_type": e.event_type,
        "location": e.location, "country": e.country,
        "actors": [{"id": a.id, "role": a.role} for a in e.actors],
        "fatalities": _fatalities(e), "sources": _sources(e),
        "independent_sources": e.independent_sources, "status": e.status,
        "curated": e.curated, "url": f"{page}#event-{e.id}",
    } for e in annotations.chronology.entries]


def _acled_fatalities(entry: Entry) -> int:
    """ACLED's convention: the lowest reported figure (0 when none is reported)."""
    counts = [f.count for f in entry.fatalities if f.count is not None]
    return min(counts) if counts else 0


def chronology_csv(book: Book, annotations: Annotations) -> str:
    """``data/chronology.csv`` with ACLED column names (plus status columns)."""
    names = _actor_names(book)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in annotations.chronology.entries:
        by_role: dict[str, list[str]] = {}
        for a in e.actors:
            by_role.setdefault(a.role, []).append(names.get(a.id, a.id))
        notes = " ".join(e.summary.split())
        if e.time_note:
            notes += f" Time: {' '.join(e.time_note.split())}"
        writer.writerow([
            e.id, e.date, e.date[:4], {"day": 1, "month": 2, "year": 3}[e.date_precision],
            e.event_type or "", e.sub_event_type or "",
            *("; ".join(by_role.get(r, [])) for r in ("actor1", "assoc_actor_1", "actor2",
                                                       "assoc_actor_2")),
            e.country or "", e.location or "",
            "" if e.latitude is None else e.latitude, "" if e.longitude is None else e.longitude,
            "; ".join(book.source(c.source).label if book.source(c.source) else c.source  # type: ignore[union-attr]
                      for c in e.sources),
            notes, _acled_fatalities(e), e.status, e.independent_sources,
            "true" if e.curated else "false"])
    return buffer.getvalue()


def timeline_json(annotations: Annotations) -> dict[str, Any]:
    """``data/timeline.json`` in TimelineJS3's format (dates only as precise as known).

    Headlines, texts and display dates are HTML in TimelineJS3, so they are HTML-escaped.
    """
    def tl_date(date: str) -> dict[str, str]:
        keys = ("year", "month", "day")
        return {k: str(int(v)) for k, v in zip(keys, date.split("-"), strict=False)}

    events = []
    for e in annotations.chronology.entries:
        item: dict[str, Any] = {
            "unique_id": f"event-{e.id}", "start_date": tl_date(e.date),
            # TimelineJS shows these as HTML: escaped, like every page of the site
            "text": {"headline": html.escape(e.title),
                     "text": html.escape(" ".join(e.summary.split()))},
            "group": e.event_type or "Unclassified",
        }
        if e.end_date:
            item["end_date"] = tl_date(e.end_date)
        if e.time_note:
            item["display_date"] = html.escape(
                f"{human_date(e.date)} ({' '.join(e.time_note.split())})")
        events.append(item)
    return {"title": {"text": {"headline": "Chronology", "text": ""}}, "events": events}


def chronology_data(book: Book, built: BuiltPages) -> dict[str, bytes]:
    """Data generator: ``chronology.json``, ``chronology.csv`` and ``timeline.json``."""
    annotations = built.annotations
    settings = Settings()

    def dump(value: Any) -> bytes:
        return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()

    return {"chronology.json": dump(chronology_records(book, annotations, settings)),
            "chronology.csv": chronology_csv(book, annotations).encode(),
            "timeline.json": dump(timeline_json(annotations))}

"""The chronology page, the home-page timeline, the chronology downloads and review items.

The page is about the subject's period (:mod:`briefbook.analyse.periods`): its events come
first, grouped by year and month, numbered, and drawn on a timeline whose numbers are those
of the list. Older dates are background and later dates outlook, each in a collapsed section
with its own drawing, so a century of background never squeezes the weeks the articles
report. Each entry shows its date's precision and basis, time notes, type and corroboration
badges, actor links (roles in words) and citation notes. Browser-side controls
(``assets/chronology.js``) filter by actor, type and date range and turn the list newest
first; without JavaScript the controls stay hidden and the page is a plain list.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Sequence
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.chronology import Chronology, Entry
from briefbook.core.links import href, page_url
from briefbook.core.model import Book, Figure
from briefbook.render.base import BuiltPages, Settings
from briefbook.render.chronology_entry import (
    CHRONOLOGY_PAGE,
    cite,
    human_date,
    render_entry,
)
from briefbook.render.eventpages import event_pages, year_page_path
from briefbook.render.markup import esc, front_matter, to_json
from briefbook.render.timeline import legend_html, timeline_svg

__all__ = ["CHRONOLOGY_PAGE", "CSV_COLUMNS", "chronology_csv", "chronology_data",
           "chronology_records", "cite", "home_timeline", "human_date", "render_chronology",
           "render_entry", "single_quoted", "timeline_json"]

CSV_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
               "country", "location", "latitude", "longitude", "source", "notes", "fatalities",
               "status", "independent_sources", "curated")
_TAG_RE = re.compile(r"<[^<>]+>")
_ATTR_RE = re.compile(r'(\s[\w:-]+)="([^"]*)"')
_SECTIONS = {
    "background": ("Background", "background",
                   "Dates before the period the articles report, mentioned as background."),
    "later": ("Later dates", "later",
              "Dates after the newest article: plans, deadlines and expectations."),
}


def single_quoted(html: str) -> str:
    """Write HTML attributes with single quotes.

    Attribute values are escaped, so this is safe; it keeps double quotation marks on the
    page for real quotations, which the quotation checker compares with the sources.
    """
    return _TAG_RE.sub(lambda m: _ATTR_RE.sub(r"\1='\2'", m.group()), html)


def _actor_names(book: Book) -> dict[str, str]:
    return {str(getattr(a, "id", "")): str(getattr(a, "name", "") or getattr(a, "id", ""))
            for a in book.actors}


def _filters(entries: Sequence[Entry], names: dict[str, str]) -> str:
    actors = sorted({a.id for e in entries for a in e.actors},
                    key=lambda i: (names.get(i, i).casefold(), i))
    types = sorted({e.event_type or "Unclassified" for e in entries})
    actor_opts = "".join(f'<option value="{esc(a)}">{esc(names.get(a, a))}</option>'
                         for a in actors)
    type_opts = "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in types)
    first = min(e.earliest for e in entries)
    last = max(e.latest or e.earliest for e in entries)
    return ('<form class="bb-chrono-filter" data-bb-chrono-filter hidden>'
            '<label>Actor <select name="actor"><option value="">All actors</option>'
            f"{actor_opts}</select></label> "
            '<label>Type <select name="type"><option value="">All types</option>'
            f"{type_opts}</select></label> "
            f'<label>From <input type="date" name="from" min="{esc(first)}" max="{esc(last)}">'
            "</label> "
            f'<label>to <input type="date" name="to" min="{esc(first)}" max="{esc(last)}">'
            "</label> "
            '<label><input type="checkbox" name="curated"> curated only</label> '
            '<label><input type="checkbox" name="newest"> newest first</label> '
            '<output name="count" aria-live="polite"></output></form>')


def _intro(chronology: Chronology, sections: dict[str, list[Entry]]) -> str:
    entries = chronology.entries
    curated = sum(1 for e in entries if e.curated)
    period = ""
    if chronology.span is not None:
        first, last = chronology.span
        period = (f"The list follows the period the articles report, {human_date(first)} to "
                  f"{human_date(last)} (from {chronology.span_note}); "
                  f"{len(sections['background'])} earlier dates are under *Background* and "
                  f"{len(sections['later'])} later ones under *Later dates*. ")
    return (f"{len(entries)} events: {curated} curated and {len(entries) - curated} found in "
            "the articles and not yet curated (several sentences that report one event are "
            "merged into one). " + period +
            "Each date is only as precise as the text supports (day, month or year); a "
            "*relative* date was resolved against the article's stated date, an *inferred* "
            "one against a date inferred from the article's text or by the editors. "
            "*Independent sources* count a reworded copy as its original and several articles "
            "of one outlet once; *disputed* means the sources disagree, shown under the "
            "event.\n")


def _drawing(entries: Sequence[Entry], numbers: dict[str, int] | None, label: str,
             caption: str) -> str:
    svg = timeline_svg(entries, numbers=numbers, link=lambda e: f"#event-{e.id}", label=label)
    return single_quoted(f'<figure class="bb-timeline"><div class="bb-timeline-scroll">{svg}'
                         f"</div><figcaption>{esc(caption)}</figcaption></figure>")


def _grouped(entries: Sequence[Entry], numbers: dict[str, int], names: dict[str, str],
             settings: Settings, *, markdown_headings: bool,
             page: str = CHRONOLOGY_PAGE) -> list[str]:
    out: list[str] = []
    year = month = None
    for entry in entries:
        if entry.earliest[:4] != year:
            year, month = entry.earliest[:4], None
            out.append(f"## {year} {{#year-{year}}}\n" if markdown_headings else
                       f'<h3 class="bb-chrono-year">{esc(year)}</h3>\n')
        entry_month = entry.earliest[:7] if entry.date_precision != "year" else year
        if entry_month != month:
            month = entry_month
            title = human_date(month) if "-" in month else f"{year}, month not stated"
            out.append(f"### {title} {{#month-{month}}}\n" if markdown_headings else
                       f'<h4 class="bb-chrono-month">{esc(title)}</h4>\n')
        out.append(single_quoted(render_entry(entry, numbers.get(entry.id), names, settings,
                                              page=page)) + "\n")
    return out


def _side_section(kind: str, entries: Sequence[Entry], names: dict[str, str],
                  settings: Settings) -> list[str]:
    title, anchor, what = _SECTIONS[kind]
    first, last = entries[0].earliest[:4], max(e.latest or e.earliest for e in entries)[:4]
    years = first if first == last else f"{first} to {last}"
    out = [f"## {title} {{#{anchor}}}\n",
           single_quoted(f'<details class="bb-chrono-side" data-bb-section="{esc(kind)}">'
                         f"<summary>{esc(what)} {len(entries)} "
                         f"event{'s' if len(entries) != 1 else ''}, {esc(years)}.</summary>")
           + "\n",
           _drawing(entries, None, f"Timeline of the {title.lower()}",
                    "Each mark is one of the events below (a dot is a day, a bar a month, a "
                    "thin bar a year); only years with events are drawn.") + "\n"]
    out.extend(_grouped(entries, {}, names, settings, markdown_headings=False))
    out.append("</details>\n")
    return out


def render_chronology(book: Book, annotations: Annotations, settings: Settings) -> dict[str, str]:
    """Page generator: ``chronology.md``, and a page per year for a long chronology.

    From :data:`~briefbook.render.chronology_entry.CHRONOLOGY_SPLIT_FROM` entries on, see
    :func:`_split_chronology`.
    """
    chronology: Chronology = annotations.chronology
    entries = chronology.entries
    names = _actor_names(book)
    sections: dict[str, list[Entry]] = {"main": [], "background": [], "later": []}
    for entry in entries:
        sections[entry.section].append(entry)
    pages = event_pages(entries)
    if any(page != CHRONOLOGY_PAGE for page in pages.values()):
        return _split_chronology(chronology, sections, names, settings, pages)
    main = sections["main"]
    numbers = {e.id: n for n, e in enumerate(main, start=1)}
    out = [front_matter("Chronology"), "# Chronology\n", _intro(chronology, sections)]
    if not entries:
        out.append("No dated events yet: add articles to `sources/` or events to "
                   "`events.yml`.\n")
        return {CHRONOLOGY_PAGE: "\n".join(out)}
    if main:
        out.append(_drawing(main, numbers, "Timeline of the period the articles report",
                            "The events of the list below on a time axis: each number is the "
                            "event's number in the list. A dot is a day, a bar a month, a thin "
                            "bar a year; filled marks are curated, hollow ones found in the "
                            "text. On a narrow screen, scroll the drawing sideways.") + "\n")
        out.append(single_quoted(legend_html()) + "\n")
    out.append(single_quoted(_filters(entries, names)) + "\n")
    out.append('<div class="bb-chrono-start" data-bb-chrono-start></div>\n')
    out.extend(_grouped(main, numbers, names, settings, markdown_headings=True))
    out.append('<div class="bb-chrono-end" data-bb-chrono-end></div>\n')
    for kind in ("background", "later"):
        if sections[kind]:
            out.extend(_side_section(kind, sections[kind], names, settings))
    return {CHRONOLOGY_PAGE: "\n".join(out)}


_SECTION_NAMES = {"main": "the period the articles report", "background": "background",
                  "later": "later dates"}


def _split_chronology(chronology: Chronology, sections: dict[str, list[Entry]],
                      names: dict[str, str], settings: Settings,
                      pages: dict[str, str]) -> dict[str, str]:
    """A long chronology as an overview (``chronology.md``) and a page per year.

    Each year's page has its own drawing, filters and list, numbered from 1 on the page, so
    an added event changes the page of its year and the overview, never the other years'
    pages (the one-page chronology numbers the whole period, so an event renumbers every
    later one). The overview keeps the anchors of the one-page chronology (``#year-…``,
    ``#month-…``, ``#event-…``) as links to their new places, so links to
    ``chronology.md#event-<id>`` still resolve.
    """
    by_year: dict[str, list[Entry]] = {}
    for entry in chronology.entries:
        by_year.setdefault(entry.earliest[:4], []).append(entry)
    out = [front_matter("Chronology"), "# Chronology\n", _intro(chronology, sections),
           f"The events are listed on a page per year ({len(by_year)} years), each with its "
           "own drawing and filters; every event keeps its link.\n",
           "| Year | Events | Part of the chronology |\n| --- | ---: | --- |"]
    index: list[str] = []
    result: dict[str, str] = {}
    for year in sorted(by_year):
        entries = by_year[year]
        path = year_page_path(year)
        url = href(CHRONOLOGY_PAGE, path, directory_urls=settings.directory_urls)
        parts = [_SECTION_NAMES[k] for k in ("background", "main", "later")
                 if any(e.section == k for e in entries)]
        out.append(f'| <a id="year-{esc(year)}" href="{esc(url)}">{esc(year)}</a> | '
                   f"{len(entries)} | {', '.join(parts)} |")
        links: list[str] = []
        months: set[str] = set()
        for entry in entries:
            entry_month = entry.earliest[:7] if entry.date_precision != "year" else year
            anchor = (f' id="month-{esc(entry_month)}"' if entry_month not in months and
                      "-" in entry_month else "")
            months.add(entry_month)
            target = href(CHRONOLOGY_PAGE, path, f"event-{entry.id}",
                          directory_urls=settings.directory_urls)
            links.append(f'<a{anchor} href="{esc(target)}"><span id="event-{esc(entry.id)}">'
                         f"{esc(human_date(entry.date))}</span></a>")
        index.append(f"<p><strong>{esc(year)}</strong>: {', '.join(links)}</p>")
        numbers = {e.id: n for n, e in enumerate(entries, start=1)}
        body = [front_matter(f"Chronology: {year}"), f"# Chronology: {year}\n",
                f"{len(entries)} events of {year}, part of the [chronology](../"
                f"{CHRONOLOGY_PAGE}) ({', '.join(parts)}), numbered on this page.\n",
                _drawing(entries, numbers, f"Timeline of {year}",
                         "The events of the list below on a time axis: each number is the "
                         "event's number on this page.") + "\n",
                single_quoted(legend_html()) + "\n",
                single_quoted(_filters(entries, names)) + "\n",
                '<div class="bb-chrono-start" data-bb-chrono-start></div>\n']
        body.extend(_grouped(entries, numbers, names, settings, markdown_headings=True,
                             page=path))
        body.append('<div class="bb-chrono-end" data-bb-chrono-end></div>\n')
        result[path] = "\n".join(body)
    out.append("")
    out.append(single_quoted('<details class="bb-chrono-index"><summary>Every event by date'
                             "</summary>") + "\n")
    out.extend(single_quoted(line) for line in index)
    out.append("</details>\n")
    assert set(pages.values()) == set(result)
    return {CHRONOLOGY_PAGE: "\n".join(out), **result}


def home_timeline(book: Book, annotations: Annotations, *, from_page: str = "index.md",
                  directory_urls: bool = True) -> str:
    """A compact inline-SVG timeline of the curated events, linking into the chronology.

    For the home page writer: returns raw HTML (empty when nothing is curated).
    """
    entries = [e for e in annotations.chronology.entries if e.curated]
    pages = event_pages(annotations.chronology.entries)
    svg = timeline_svg(entries, compact=True, label="Timeline of the curated events",
                       link=lambda e: href(from_page, pages[e.id], f"event-{e.id}",
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
    entries = annotations.chronology.entries
    pages = {p: page_url(p, directory_urls=settings.directory_urls)
             for p in set(event_pages(entries).values())}
    page_of = {i: pages[p] for i, p in event_pages(entries).items()}
    return [{
        "id": e.id, "date": e.date, "date_precision": e.date_precision,
        "time_note": e.time_note, "title": e.title,
        "summary": " ".join(e.summary.split()), "event_type": e.event_type,
        "location": e.location, "country": e.country,
        "actors": [{"id": a.id, "role": a.role} for a in e.actors],
        "fatalities": _fatalities(e), "sources": _sources(e),
        "independent_sources": e.independent_sources, "status": e.status,
        "curated": e.curated, "url": f"{page_of[e.id]}#event-{e.id}",
    } for e in annotations.chronology.entries]


def _acled_fatalities(entry: Entry) -> int | str:
    """The lowest reported figure (ACLED's convention); empty when no count is stated.

    A death reported without a number ("a contractor was killed") is not zero: the cell stays
    empty, as does an event without figures (unknown, not none).
    """
    counts = [f.count for f in entry.fatalities if f.count is not None]
    return min(counts) if counts else ""


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

    return {"chronology.json": to_json(chronology_records(book, annotations, settings)),
            "chronology.csv": chronology_csv(book, annotations).encode(),
            "timeline.json": to_json(timeline_json(annotations))}

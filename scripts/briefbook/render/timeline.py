"""A timeline drawn at build time as inline SVG: no JavaScript, readable on paper.

Years that have entries become segments of the axis (a gap marks skipped years); inside a
year, months with entries get room in proportion to how many they hold, so a dense month is
legible next to a sparse decade. A day is a dot, a month a short bar, a year a long thin bar:
the drawing shows the precision the text supports. Markers link to the event's anchor.

The full drawing is made at its natural size (one SVG unit is one CSS pixel, labels of 10 to
12 pixels) and never shrunk: a narrow screen scrolls it sideways instead, so it stays legible
at any width. The chronology page draws each period apart (the subject's, the background,
the later dates), so a wide span does not squeeze a dense one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from briefbook.analyse.chronology import Entry
from briefbook.render.markup import esc

#: Marker colours by kind of event (also the legend).
COLOURS = {"violence": "#c62828", "statement": "#1565c0", "diplomacy": "#2e7d32",
           "legislation": "#6a1b9a", "policy": "#ef6c00", "other": "#546e7a"}
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots",
            "Protests")


def colour_key(entry: Entry) -> str:
    """The legend key of an entry's type."""
    kind = entry.event_type or ""
    if kind in _VIOLENT:
        return "violence"
    return {"Statement": "statement", "Diplomacy": "diplomacy", "Legislation": "legislation",
            "Policy": "policy"}.get(kind, "other")


def _month_widths(entries: Sequence[Entry], year: int, compact: bool) -> list[float]:
    counts = [0] * 12
    for e in entries:
        if e.earliest[:4] == str(year) and e.date_precision != "year":
            counts[int(e.earliest[5:7]) - 1] += 1
    unit = 7.0 if compact else 22.0
    return [(unit + unit * n) if n else (2.0 if compact else 8.0) for n in counts]


def timeline_svg(entries: Sequence[Entry], *, link: Callable[[Entry], str],
                 compact: bool = False, numbers: dict[str, int] | None = None,
                 label: str = "Timeline of the events") -> str:
    """Inline SVG of the entries (empty string when there are none).

    Args:
        entries: The chronology entries to draw (in date order).
        link: URL of an entry's anchor, relative to the page that shows the SVG.
        compact: A short strip without labels (for the home page).
        numbers: Entry id → number shown next to its marker (full version only).
        label: Accessible name of the drawing.
    """
    if not entries:
        return ""
    years = sorted({int(e.earliest[:4]) for e in entries})
    gap, pad, x = (10.0 if compact else 24.0), (8.0 if compact else 14.0), 4.0
    layout: dict[int, tuple[float, list[float]]] = {}
    for index, year in enumerate(years):
        if index and year != years[index - 1] + 1:
            x += gap
        widths = _month_widths(entries, year, compact)
        layout[year] = (x, widths)
        x += sum(widths) + pad
    width = x + 4
    lane_h, top = (7.0, 6.0) if compact else (17.0, 10.0)
    lanes: list[float] = []
    shapes: list[str] = []
    for entry in entries:
        x1, x2 = _extent(entry, layout)
        lane = next((i for i, end in enumerate(lanes) if end + 3 <= x1), len(lanes))
        label_room = 0.0 if compact or not numbers or entry.id not in numbers else \
            7.0 * len(str(numbers[entry.id])) + 6
        if lane == len(lanes):
            lanes.append(0.0)
        lanes[lane] = max(x2, x1 + 4) + label_room
        y = top + lane * lane_h
        shapes.append(_marker(entry, x1, x2, y, link(entry), compact,
                              numbers.get(entry.id) if numbers and not compact else None))
    axis_y = top + len(lanes) * lane_h + 2
    height = axis_y + (12 if compact else 34)
    size = 'width="100%"' if compact else f'width="{width:.0f}" height="{height:.0f}"'
    parts = [f'<svg class="bb-timeline-svg{" bb-compact" if compact else ""}" '
             f'viewBox="0 0 {width:.0f} {height:.0f}" {size} role="img" '
             f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg" '
             f'font-family="sans-serif" font-size="{7 if compact else 11}">',
             f"<title>{esc(label)}</title>",
             f'<line x1="2" y1="{axis_y}" x2="{width - 2:.0f}" y2="{axis_y}" stroke="#888"/>']
    for year in years:
        start, widths = layout[year]
        end = start + sum(widths)
        parts.append(f'<line x1="{start:.1f}" y1="{axis_y - 3}" x2="{start:.1f}" '
                     f'y2="{axis_y + 3}" stroke="#888"/>')
        if compact:
            parts.append(f'<text x="{(start + end) / 2:.1f}" y="{axis_y + 10}" '
                         f'text-anchor="middle" fill="#444">{year}</text>')
        else:  # at the start of its segment, so that a scrolled drawing still shows it
            parts.append(f'<text x="{start + 2:.1f}" y="{axis_y + 28}" fill="#333" '
                         f'font-weight="bold">{year}</text>')
        if not compact:
            pos = start
            for month, w in enumerate(widths, start=1):
                if w > 20:
                    parts.append(f'<line x1="{pos:.1f}" y1="{axis_y}" x2="{pos:.1f}" '
                                 f'y2="{axis_y + 4}" stroke="#bbb"/>')
                    parts.append(f'<text x="{pos + w / 2:.1f}" y="{axis_y + 14}" '
                                 f'text-anchor="middle" fill="#555" font-size="10">'
                                 f"{dt.date(2000, month, 1):%b}</text>")
                pos += w
    parts.extend(shapes)
    parts.append("</svg>")
    return "".join(parts)


def _extent(entry: Entry, layout: dict[int, tuple[float, list[float]]]) -> tuple[float, float]:
    year, month, day = (int(p) for p in entry.earliest.split("-"))
    start, widths = layout[year]
    if entry.date_precision == "year":
        return start, start + sum(widths)
    mstart = start + sum(widths[: month - 1])
    width = widths[month - 1]
    if entry.date_precision == "month":
        return mstart + 1, mstart + width - 1
    days = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.date(year, month, 1)).days
    pos = mstart + 2 + (width - 4) * (day - 1) / max(days - 1, 1)
    return pos, pos


def _marker(entry: Entry, x1: float, x2: float, y: float, url: str, compact: bool,
            number: int | None) -> str:
    colour = COLOURS[colour_key(entry)]
    fill = colour if entry.curated else "none"
    title = f"{entry.date} ({entry.date_precision}): {entry.title}"
    if x2 - x1 < 1:
        r = 2.5 if compact else 4.5
        shape = (f'<circle cx="{x1:.1f}" cy="{y:.1f}" r="{r}" fill="{fill}" stroke="{colour}" '
                 f'stroke-width="1.2"/>')
    else:
        h = (3 if entry.date_precision == "year" else 5) if compact else (
            4 if entry.date_precision == "year" else 7)
        shape = (f'<rect x="{x1:.1f}" y="{y - h / 2:.1f}" width="{x2 - x1:.1f}" height="{h}" '
                 f'rx="1.5" fill="{fill}" fill-opacity="{0.45 if h == 3 else 0.85}" '
                 f'stroke="{colour}" stroke-width="0.8"/>')
    text = ""
    if number is not None:
        text = (f'<text x="{max(x1, x2) + 6:.1f}" y="{y + 4:.1f}" fill="#222">'
                f"{number}</text>")
    return f'<a href="{esc(url)}"><title>{esc(title)}</title>{shape}{text}</a>'


def legend_html() -> str:
    """A small HTML legend of the marker colours and shapes."""
    items = "".join(f'<span class="bb-legend-item"><svg width="10" height="10" aria-hidden="true">'
                    f'<circle cx="5" cy="5" r="4" fill="{c}"/></svg> {esc(k)}</span> '
                    for k, c in COLOURS.items())
    return (f'<p class="bb-timeline-legend">{items}<span class="bb-legend-item">dot = day, bar ='
            " month, thin bar = year; hollow = found in the text, not curated</span></p>")

"""One chronology entry as a raw-HTML block, with reader-facing words for every field.

The page is for readers: ACLED's column names (``actor1``, ``assoc_actor_1`` …) stay in the
CSV download and become words here (:data:`ROLE_LABELS`). Curated text keeps its citations
(``[@id, ¶ N]``) as written while everything else is escaped, so the citation stage turns them
into numbered notes. A merged extracted entry lists every sentence it was merged from, with its
citation and its id, and says how to undo the merge.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefbook.analyse.chronology import Entry
from briefbook.core.citekeys import excerpt, find_citations
from briefbook.core.links import href
from briefbook.core.model import Cited, Figure
from briefbook.render.base import Settings
from briefbook.render.citedby import LABEL_ATTRIBUTE
from briefbook.render.eventpages import CHRONOLOGY_PAGE
from briefbook.render.markup import entities, esc

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: ACLED actor roles, as a reader reads them.
ROLE_LABELS = {"actor1": "main actor", "assoc_actor_1": "allied to the main actor",
               "actor2": "other actor", "assoc_actor_2": "allied to the other actor"}


def human_date(date: str) -> str:
    """``2019-03-04`` → ``4 March 2019``; ``2019-03`` → ``March 2019``; years as is."""
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
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


def esc_keeping_citations(text: str) -> str:
    """HTML-escape curated text, keeping its citations as written for the citation stage."""
    citations, _ = find_citations(text)
    out, pos = [], 0
    for citation in citations:
        out.append(esc(text[pos:citation.start]))
        out.append(text[citation.start:citation.end])
        pos = citation.end
    out.append(esc(text[pos:]))
    return "".join(out)


def _actor_link(actor_id: str, names: dict[str, str], settings: Settings, page: str) -> str:
    if actor_id not in names:
        return esc(actor_id)
    url = href(page, f"actors/{actor_id}.md", directory_urls=settings.directory_urls)
    return f'<a href="{esc(url)}">{esc(names[actor_id])}</a>'


def _figures(label: str, figures: Sequence[Figure]) -> str:
    shown = "; ".join(f"{'unstated number' if f.count is None else f.count} {esc(f.who)} "
                      f"{esc_keeping_citations(f.cite)}" for f in figures)
    return f'<p class="bb-event-figures"><strong>{label}:</strong> {shown}</p>'


def _head(entry: Entry, number: int | None) -> list[str]:
    kind = entry.event_type or "Unclassified"
    count = entry.independent_sources
    head = [f'<time datetime="{esc(entry.date)}">{esc(human_date(entry.date))}</time>']
    if entry.end_date:
        head.append(f"to {esc(human_date(entry.end_date))}")
    head.append(f'<span class="bb-badge bb-precision" title="how precise the date is">'
                f"{esc(entry.date_precision)}</span>")
    if entry.date_basis in ("inferred", "relative"):
        head.append(f'<span class="bb-badge bb-basis-{esc(entry.date_basis)}" title="how the '
                    f'date was read">{esc(entry.date_basis)} date</span>')
    type_text = kind + (f" · {entry.sub_event_type}" if entry.sub_event_type else "")
    head.append(f'<span class="bb-badge bb-type">{esc(type_text)}</span>')
    head.append(f'<span class="bb-badge bb-status bb-status-{entry.status}" title="independent '
                f'sources: copies and same-outlet articles count once">{esc(entry.status)} · '
                f"{count} independent source{'s' if count != 1 else ''}</span>")
    head.append(f'<span class="bb-badge bb-provenance">'
                f"{'curated' if entry.curated else 'extracted'}</span>")
    if number is not None:
        head.insert(0, f'<span class="bb-event-number">{number}.</span>')
    return head


def _extracted_body(entry: Entry) -> list[str]:
    members = entry.members or ((entry.candidate,) if entry.candidate else ())
    if len(members) == 1:
        member = members[0]
        return [f"<p><q>{esc(member.sentence)}</q> "
                f"{cite(Cited(source=member.source, paragraphs=(member.paragraph,)))}</p>"]
    sources = len({m.source for m in members})
    items = "".join(
        f"<li><q>{esc(m.sentence)}</q> "
        f"{cite(Cited(source=m.source, paragraphs=(m.paragraph,)))} "
        f'<small class="bb-member-id">{esc(m.id)}</small></li>' for m in members)
    return [f'<p class="bb-merged"><strong>Reported in {len(members)} sentences of {sources} '
            f"source{'s' if sources != 1 else ''}</strong> (merged: the same date and shared "
            "names or words; to keep them apart, add <code>- unmerge: "
            f"[{esc(entry.id)}]</code> to <code>events.yml</code>)</p>",
            f'<ul class="bb-members">{items}</ul>']


def cited_as(entry: Entry) -> str:
    """How a source page's back-link names this entry: its date and (the start of) its title.

    Neither depends on the entries before it, so adding an article does not change the
    back-links of the sources other entries cite (:mod:`briefbook.render.citedby`).
    """
    date = human_date(entry.date) + (f" to {human_date(entry.end_date)}" if entry.end_date
                                      else "")
    return f"{date}: {excerpt(' '.join(entry.title.split()), 80)}"


def render_entry(entry: Entry, number: int | None, names: dict[str, str],
                 settings: Settings, *, page: str = CHRONOLOGY_PAGE) -> str:
    """The raw-HTML block of one chronology entry (no blank lines inside).

    Args:
        entry: The entry.
        number: Its number in the list (shown on the drawing too), or ``None``.
        names: Actor id → display name.
        settings: URL style.
        page: The page it is on (its links are relative to it).
    """
    actor_ids = sorted({a.id for a in entry.actors})
    kind = entry.event_type or "Unclassified"
    classes = ["bb-event", "bb-curated" if entry.curated else "bb-extracted",
               f"bb-status-{entry.status}"]
    lines = [f'<div class="{" ".join(classes)}" id="event-{esc(entry.id)}" '
             f'{LABEL_ATTRIBUTE}="{entities(esc(cited_as(entry)))}" '
             f'data-actors="{esc(" ".join(actor_ids))}" data-type="{esc(kind)}" '
             f'data-earliest="{esc(entry.earliest)}" data-latest="{esc(entry.latest)}">',
             f'<p class="bb-event-head">{" ".join(_head(entry, number))}</p>',
             f'<p class="bb-event-title"><strong>{entities(esc(entry.title))}</strong></p>']
    if entry.curated and entry.summary:
        lines.append(f"<p>{esc_keeping_citations(' '.join(entry.summary.split()))}</p>")
    elif not entry.curated:
        lines.extend(_extracted_body(entry))
    if entry.time_note:
        lines.append(f'<p class="bb-time-note"><strong>Time:</strong> '
                     f"{esc_keeping_citations(' '.join(entry.time_note.split()))}</p>")
    if entry.date_note:
        lines.append(f'<p class="bb-date-note"><strong>Date:</strong> '
                     f"{esc_keeping_citations(' '.join(entry.date_note.split()))}</p>")
    place = ", ".join(p for p in (entry.location, entry.country) if p)
    meta = []
    if place:
        meta.append(f"<strong>Where:</strong> {esc(place)}")
    if entry.actors:
        shown = ", ".join(f"{_actor_link(a.id, names, settings, page)} "
                          f"<small>({esc(ROLE_LABELS.get(a.role, a.role))})</small>"
                          for a in entry.actors)
        meta.append(f"<strong>Actors:</strong> {shown}")
    if meta:
        lines.append(f'<p class="bb-event-meta">{" · ".join(meta)}</p>')
    for label, figures in (("Killed", entry.fatalities), ("Injured", entry.injured)):
        if figures:
            lines.append(_figures(label, figures))
    if entry.disagreements:
        shown = "</li><li>".join(esc_keeping_citations(" ".join(d.split()))
                                 for d in entry.disagreements)
        lines.append(f'<div class="bb-disputed"><strong>Sources disagree:</strong>'
                     f"<ul><li>{shown}</li></ul></div>")
    if entry.curated:
        lines.append('<p class="bb-event-sources"><strong>Sources:</strong> '
                     + " ".join(cite(c) for c in entry.sources) + "</p>")
    lines.append("</div>")
    return "\n".join(lines)

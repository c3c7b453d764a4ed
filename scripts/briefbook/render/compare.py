"""The "Compare sources" page, and the corroboration badge shared with the chronology (pure).

The page shows each derivative source next to its original as a side-by-side diff (changed
words highlighted and labelled with their kind), the discrepancy register (kind, both texts,
both citations, what changed) and the disagreements between independent sources, grouped by
curated event where one is known. Every text taken from an article is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefbook.analyse.annotations import Annotations
from briefbook.analyse.changes import Change
from briefbook.analyse.compare import Comparison, Derivation, PairDiff, compare
from briefbook.analyse.discrepancies import KINDS, Discrepancy
from briefbook.core.links import href
from briefbook.core.model import Book
from briefbook.render.markup import esc, front_matter, to_json, tooltip_text
from briefbook.render.sources import source_page_path, source_title


def discrepancies_json(comparison: Comparison) -> list[dict[str, Any]]:
    """``data/discrepancies.json``: every classified difference (fields as DESIGN.md)."""
    return [d.to_json() for d in comparison.discrepancies]


def discrepancies_data(book: Book, built: Any) -> dict[str, bytes]:
    """The data generator registered in :func:`briefbook.render.data._data_generators`."""
    annotations = getattr(built, "annotations", None)
    comparison = annotations.comparison if annotations is not None else compare(book)
    return {"discrepancies.json": to_json(discrepancies_json(comparison))}


COMPARE_PAGE = "compare.md"
KIND_LABELS = {
    "contradiction": "contradiction", "number": "number", "date": "date",
    "attribution": "attribution", "role": "role", "wording": "wording",
}
KIND_HELP = {
    "contradiction": "a word replaced by its opposite, or a negation added or removed",
    "number": "a figure differs, or what was counted (frigates / destroyers)",
    "date": "a date, weekday or relative day differs",
    "attribution": "the person a statement is attributed to differs",
    "role": "a title, office or affiliation differs",
    "wording": "different words, same meaning as far as the checks can tell (not flagged)",
}
STATUS_HELP = {
    "confirmed": "reported by two or more independent sources",
    "single-source": "reported by one independent source only (copies of it do not count)",
    "disputed": "independent sources disagree",
}


def independent_sources(derived_from: dict[str, str], source_ids: Sequence[str]) -> list[str]:
    """The distinct independent sources among ``source_ids``: each copy counts as its original.

    Use :attr:`briefbook.analyse.annotations.Annotations.derived_from` (curated and detected
    copies).
    """
    roots: set[str] = set()
    for sid in source_ids:
        seen = {sid}
        while sid in derived_from and derived_from[sid] not in seen:
            sid = derived_from[sid]
            seen.add(sid)
        roots.add(sid)
    return sorted(roots)


def corroboration_badge(status: str, independent: int) -> str:
    """An HTML badge for a corroboration status (``confirmed``, ``single-source``, ``disputed``).

    The chronology decides the status; this renders it the same way everywhere.
    """
    label = {"single-source": "single source"}.get(status, status)
    count = f"{independent} independent source{'s' if independent != 1 else ''}"
    tip = f"{STATUS_HELP.get(status, status)}; {count}"
    return (f'<span class="bb-badge bb-corr bb-corr-{esc(status)}" title="{esc(tip)}">'
            f"{esc(label)}</span>")


def _mark(text: str, spans: list[tuple[tuple[int, int], Change]], tag: str) -> str:
    out: list[str] = []
    pos = 0
    for (start, end), change in sorted(spans, key=lambda s: s[0]):
        if start < pos:
            continue
        out.append(esc(text[pos:start]))
        flag = "" if change.kind == "wording" else (
            f'<sup class="bb-kind bb-kind-{change.kind}">{esc(change.kind)}</sup>')
        out.append(f'<{tag} class="bb-chg bb-chg-{change.kind}" '
                   f'title="{esc(tooltip_text(change.kind + ": " + change.note))}">'
                   f"{esc(text[start:end])}</{tag}>{flag}")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _plink(book: Book, source: str, paragraph: int, directory_urls: bool) -> str:
    url = href(COMPARE_PAGE, source_page_path(source), f"{source}-p{paragraph}",
               directory_urls=directory_urls)
    return f'<a class="bb-plink" href="{esc(url)}">¶&nbsp;{paragraph}</a>'


def _diff_table(book: Book, d: Derivation, rows: Sequence[PairDiff],
                unmatched: tuple[tuple, tuple], directory_urls: bool) -> list[str]:
    lines = ['<table class="bb-diff">',
             f"<thead><tr><th>Original <code>{esc(d.original)}</code></th>"
             f"<th>Copy <code>{esc(d.source)}</code></th></tr></thead>", "<tbody>"]
    entries: list[tuple[tuple[int, int, int], str]] = []
    seen_b: set[tuple[int, int]] = set()
    for row in rows:
        left = _mark(row.a.text, [(c.a_span, c) for c in row.changes if c.a_span], "del")
        right = _mark(row.b.text, [(c.b_span, c) for c in row.changes if c.b_span], "ins")
        again = (row.b.paragraph, row.b.index) in seen_b
        seen_b.add((row.b.paragraph, row.b.index))
        note = ' <span class="bb-badge">repeated</span>' if again else ""
        entries.append(((row.a.paragraph, row.a.index, row.b.paragraph), (
            f"<tr><td>{_plink(book, d.original, row.a.paragraph, directory_urls)} {left}</td>"
            f"<td>{_plink(book, d.source, row.b.paragraph, directory_urls)} {right}{note}</td>"
            "</tr>")))
    for s in unmatched[0]:
        entries.append(((s.paragraph, s.index, 0), (
            f'<tr class="bb-only"><td>{_plink(book, s.source, s.paragraph, directory_urls)} '
            f"<del>{esc(s.text)}</del></td><td><em>not in the copy</em></td></tr>")))
    for s in unmatched[1]:
        entries.append(((10**6, s.paragraph, s.index), (
            f'<tr class="bb-only"><td><em>not in the original</em></td>'
            f"<td>{_plink(book, s.source, s.paragraph, directory_urls)} "
            f"<ins>{esc(s.text)}</ins></td></tr>")))
    lines.extend(html for _, html in sorted(entries))
    lines.extend(["</tbody>", "</table>"])
    return lines


def _register(items: Sequence[Discrepancy]) -> list[str]:
    """An HTML table; each text is followed by its own citation (so quotations check).

    Attributes use single quotes: the quotation check reads double quotes as quotations.
    """
    lines = ["<table class='bb-register'>",
             "<thead><tr><th>Kind</th><th>First source</th><th>Second source</th>"
             "<th>What differs</th></tr></thead>", "<tbody>"]
    for item in items:
        note = esc(item.note.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
                   .replace('"', "\u2019"))
        lines.append(
            f"<tr class='bb-row-{item.kind}'><td><span class='bb-badge bb-kind-{item.kind}'>"
            f"{esc(item.kind)}</span></td>"
            f"<td>{esc(item.a.text)} [@{item.a.source}, ¶ {item.a.paragraph}]</td>"
            f"<td>{esc(item.b.text)} [@{item.b.source}, ¶ {item.b.paragraph}]</td>"
            f"<td>{note}</td></tr>")
    lines.extend(["</tbody>", "</table>"])
    return lines


def render_compare_page(book: Book, comparison: Comparison, *,
                        directory_urls: bool = True) -> str:
    """The Markdown of ``compare.md``."""
    out = [front_matter("Compare sources").rstrip("\n"), "", "# Compare sources", "",
           "Every sentence of every source is aligned with the sentences of the others "
           "(extracted, not curated). A source most of whose sentences align to another is "
           "a *derivative* of it; the two are shown side by side with each change "
           "highlighted and classified. A derivative adds no independent evidence: cite "
           "the original where they agree.", ""]
    out.append("**Kinds of change.** " + "; ".join(
        f'<span class="bb-badge bb-kind-{k}">{k}</span> {esc(KIND_HELP[k])}' for k in KINDS)
        + ".")
    out.append("")
    out.extend(["## Derivative sources", ""])
    if not comparison.derivations:
        out.extend(["No source is a copy of another.", ""])
    for d in comparison.derivations:
        copy, original = book.source(d.source), book.source(d.original)
        how = ("curated in sources.yml and confirmed by the alignment" if d.curated and d.detected
               else "curated in sources.yml" if d.curated else "detected by the alignment")
        copy_url = href(COMPARE_PAGE, source_page_path(d.source), directory_urls=directory_urls)
        orig_url = href(COMPARE_PAGE, source_page_path(d.original),
                        directory_urls=directory_urls)
        rows = comparison.diffs.get((d.original, d.source), ())
        counts = {k: sum(1 for r in rows for c in r.changes if c.kind == k) for k in KINDS}
        summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "no changes"
        out.extend([
            f"### {esc(source_title(copy) if copy else d.source)} "
            f"{{ #derived-{d.source} }}", "",
            f'<p class="bb-derivation"><a href="{esc(copy_url)}"><code>{esc(d.source)}</code></a> '
            f'is derived from <a href="{esc(orig_url)}"><code>{esc(d.original)}</code></a> '
            f"({esc(source_title(original) if original else d.original)}): "
            f"<strong>{d.aligned} of {d.total} sentences aligned ({d.share:.0%})</strong>, "
            f"{esc(how)}. Changes: {esc(summary)}.</p>", ""])
        out.extend(_diff_table(book, d, rows, comparison.unmatched.get(
            (d.original, d.source), ((), ())), directory_urls))
        out.append("")
    derived = [x for x in comparison.discrepancies if x.relation == "derived"]
    flagged = [x for x in derived if x.kind != "wording"]
    out.extend(["## Discrepancy register", "",
                f"{len(flagged)} meaning-changing differences between derivatives and their "
                f"originals, most serious first ({len(derived) - len(flagged)} benign "
                "rewordings are shown in the diffs above and listed in "
                "`data/discrepancies.json`).", ""])
    if flagged:
        out.extend(_register(sorted(flagged, key=lambda x: KINDS.index(x.kind))))
        out.append("")
    independent = [x for x in comparison.discrepancies if x.relation == "independent"]
    out.extend(["## Disagreements between independent sources", "",
                "Independent articles that report the same thing differently: through the "
                "curated events' figures and cited paragraphs, and through aligned sentences.",
                ""])
    if not independent:
        out.extend(["None found.", ""])
    by_event: dict[str, list[Discrepancy]] = {}
    for item in independent:
        by_event.setdefault(item.event or "", []).append(item)
    events = {getattr(e, "id", ""): e for e in getattr(book, "events", ()) or ()}
    for event_id in sorted(by_event, key=lambda e: (e == "", e)):
        if event_id:
            event = events.get(event_id)
            title = getattr(event, "title", event_id) if event else event_id
            out.extend([f"### {esc(title)}", "", f"Event <code>{esc(event_id)}</code> "
                        "(curated; see the chronology).", ""])
        else:
            out.extend(["### Found in aligned sentences", ""])
        out.extend(_register(by_event[event_id]))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def compare_pages(book: Book, annotations: Annotations, settings: object) -> dict[str, str]:
    """The page generator registered in :func:`briefbook.render.pages._generators`."""
    return {COMPARE_PAGE: render_compare_page(
        book, annotations.comparison,
        directory_urls=bool(getattr(settings, "directory_urls", True)))}
